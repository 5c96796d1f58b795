"""Wagtail's comment notifications, queued through the mail task instead of sent in the request.

Wagtail's page editor (EditView.send_commenting_notifications) mails page subscribers and the
people in a comment thread synchronously, logging and forgetting a failure. This keeps its
recipients, its preference (`updated_comments_notifications`) and its own German templates, but
queues each mail through plattform.mail, like every other mail of the platform.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page, PageSubscription
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.users.models import UserProfile

from plattform.mail import queue_email

TEMPLATES = "wagtailadmin/notifications/updated_comments"


def queue_comment_notifications(page: Page, editor, changes: dict) -> None:
    """Queue Wagtail's "updated comments" mail to the page's comment subscribers (all changes)
    and to the others in the touched threads (the changes in their threads)."""
    if not any(
        changes[key]
        for key in ("new_comments", "deleted_comments", "resolved_comments", "new_replies")
    ):
        return
    subscribers = [
        subscription.user
        for subscription in PageSubscription.objects.filter(
            page=page, comment_notifications=True
        ).select_related("user")
        if subscription.user != editor
    ]
    for user in subscribers:
        _queue(user, page, editor, changes, threads=None)
    threads = {comment.pk for comment in changes["resolved_comments"]}
    threads |= {comment.pk for comment, _replies in changes["new_replies"]}
    for user in _thread_users(threads, exclude=[editor, *subscribers]):
        _queue(user, page, editor, changes, threads=_threads_of(user, threads))


def _thread_users(threads: set[int], exclude: list) -> list:
    if not threads:
        return []
    in_thread = Q(comment_replies__comment_id__in=threads) | Q(
        **{f"{COMMENTS_RELATION_NAME}__pk__in": threads}
    )
    users = get_user_model().objects.filter(in_thread)
    return list(users.exclude(pk__in=[user.pk for user in exclude]).distinct())


def _threads_of(user, threads: set[int]) -> set[int]:
    own = set(
        user.comment_replies.filter(comment_id__in=threads).values_list("comment_id", flat=True)
    )
    own |= set(
        getattr(user, COMMENTS_RELATION_NAME).filter(pk__in=threads).values_list("pk", flat=True)
    )
    return own


def _queue(user, page: Page, editor, changes: dict, threads: set[int] | None) -> None:
    """One mail in the user's language; `threads` limits it to those comments (None: all)."""
    profile = UserProfile.get_for_user(user)
    if not (user.is_active and user.email and profile.updated_comments_notifications):
        return

    def shown(comment) -> bool:
        return threads is None or comment.pk in threads

    context = {
        "settings": settings,
        "user": user,
        "page": page,
        "editor": editor,
        "new_comments": [c for c in changes["new_comments"] if shown(c)],
        "resolved_comments": [c for c in changes["resolved_comments"] if shown(c)],
        "deleted_comments": changes["deleted_comments"] if threads is None else [],
        "replied_comments": [
            {"comment": comment, "replies": replies}
            for comment, replies in changes["new_replies"]
            if shown(comment)
        ],
    }
    with translation.override(profile.get_preferred_language()):
        subject = render_to_string(f"{TEMPLATES}_subject.txt", context).strip()
        body = render_to_string(f"{TEMPLATES}.txt", context).strip()
    queue_email(subject, body, [user.email])
