"""Who hears of a review step, and the mails queued for them.

Wagtail's own notifiers (wagtail/admin/signal_handlers.py) send synchronously in the request
and only log a failure, so a mail server that is down loses the mail. PruefungConfig.ready()
disconnects them and connects these receivers instead: the same recipients and the same
per-user preferences (UserProfile.submitted/approved/rejected_notifications), but every mail is
queued through plattform.mail (a task, after commit, retried on passing failures), one per
recipient, in German. Wagtail's extra `workflow_submitted` mail to superusers is dropped: the
reviewers' mail is the one notice of a submission.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from kommunen.permissions import reviewer_groups
from plattform.mail import queue_email

from . import mails


def wants(user, notification: str) -> bool:
    """Whether the user can and wants to get this kind of notification (Wagtail's semantics)."""
    return bool(
        user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    )


def queue_for(user, compose) -> None:
    """Queue one mail to the user, written in the user's admin language."""
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        subject, body = compose(user)
    queue_email(subject, body, [user.email])


def reviewers(task_state: TaskState, submitter) -> list:
    """Members of the task's groups, not the person who submitted; superusers as well if
    Wagtail's setting says so, or if no member could be reached (so that no submission goes
    unnoticed)."""
    users = get_user_model().objects.filter(groups__in=task_state.task.specific.groups.all())
    if submitter is not None:
        users = users.exclude(pk=submitter.pk)
    reachable = users.filter(is_active=True).exclude(email="").exists()
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True) or not reachable:
        superusers = get_user_model().objects.filter(is_superuser=True)
        if submitter is not None:
            superusers = superusers.exclude(pk=submitter.pk)
        users = users | superusers
    return list(users.distinct().order_by("pk"))


def content_page(workflow_state: WorkflowState) -> Page | None:
    """The page of the workflow, as its latest revision (what was submitted or approved)."""
    obj = workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else None


def on_task_submitted(sender, instance: TaskState, user=None, **kwargs) -> None:
    """A page reached a group approval step: its reviewers get the link to review it."""
    if not isinstance(instance.task.specific, AbstractGroupApprovalTask):
        return
    page = content_page(instance.workflow_state)
    if page is None:
        return
    submitted = instance.revision.as_object() if instance.revision else page
    submitter = user or instance.workflow_state.requested_by
    for reviewer in reviewers(instance, submitter):
        if wants(reviewer, "submitted"):
            queue_for(reviewer, lambda r: mails.submitted_mail(instance, submitted, r, submitter))


def on_workflow_approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """The last step approved: the author hears that the page is public, with the comment."""
    page = content_page(instance)
    if page is not None:
        page = Page.objects.get(pk=page.pk).specific  # as published by the approval
        notify_author(instance, page, user, "approved", mails.approved_mail)


def on_workflow_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """Changes requested: the author gets the reviewer's comment and the edit link."""
    revision = instance.current_task_state.revision
    page = revision.as_object() if revision else content_page(instance)  # what was reviewed
    notify_author(instance, page, user, "rejected", mails.rejected_mail)


def notify_author(workflow_state: WorkflowState, page, reviewer, notification: str, compose):
    author = workflow_state.requested_by
    if not isinstance(page, Page) or author is None or author == reviewer:
        return
    if not wants(author, notification):
        return
    task_state = workflow_state.current_task_state.specific
    queue_for(author, lambda r: compose(task_state, page, r))


def notify_withdrawal(page: Page, user) -> int:
    """Mail the reviewers of the entry that `user` withdrew it; returns the recipient count."""
    groups = reviewer_groups(page)
    recipients = list(
        get_user_model()
        .objects.filter(groups__in=groups, is_active=True)
        .exclude(email="")
        .exclude(pk=user.pk)
        .distinct()
        .order_by("pk")
    )
    for recipient in recipients:
        queue_for(recipient, lambda r: mails.withdrawn_mail(page, user, groups))
    return len(recipients)
