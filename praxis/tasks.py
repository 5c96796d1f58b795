"""Background work of the entries: telling the reviewers that an officer withdrew an entry.

A task (django-tasks, database backend in production), so that a mail server that is down
delays the message instead of losing it or failing the unpublish.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page

from django_tasks import task

from kommunen.permissions import reviewer_groups


@task()
def notify_withdrawal(page_id: int, user_id: int) -> int:
    """Mail the reviewers of the entry that `user` withdrew it; returns the recipient count."""
    page = Page.objects.filter(pk=page_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if page is None or user is None:
        return 0
    page = page.specific
    groups = reviewer_groups(page)
    recipients = sorted(
        get_user_model()
        .objects.filter(groups__in=groups, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if recipients:
        subject, body = withdrawal_message(page, user, groups)
        send_mail(subject, body, None, recipients)
    return len(recipients)


def withdrawal_message(page: Page, user, groups: list) -> tuple[str, str]:
    """German subject and body of the mail about a withdrawn entry."""
    kommune = getattr(page, "kommune", None)
    values = {
        "titel": page.title,
        "kommune": kommune.anzeigename if kommune else _("unbekannt"),
        "person": user.get_full_name() or user.get_username(),
        "gruppen": ", ".join(group.name for group in groups),
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailadmin_pages:edit", args=(page.pk,)),
    }
    subject = _("Praxisbeispiel zurückgezogen: %(titel)s") % values
    body = (
        _(
            "Guten Tag,\n\n"
            "%(person)s hat das Praxisbeispiel „%(titel)s“ der Kommune %(kommune)s zurückgezogen. "
            "Es ist nicht mehr öffentlich zu sehen; der Inhalt bleibt im Redaktionsbereich "
            "erhalten und kann dort geprüft und wieder veröffentlicht werden.\n\n"
            "Zum Praxisbeispiel im Redaktionsbereich:\n%(link)s\n\n"
            "Sie erhalten diese Nachricht als Mitglied von: %(gruppen)s."
        )
        % values
    )
    return subject, body
