"""Participation requests: received from /mitmachen/, then accepted (invitation) or declined.

Accepting runs the same `grant_access` as `zugang_anlegen`; whether the deciding user may
decide is checked here, on the server, whatever the admin offered them.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kommunen.models import Kommune, KommuneTyp
from plattform.mail import queue_email
from zugaenge.invitations import Zugang, ZugangError, absolute, grant_access
from zugaenge.models import Status, Teilnahmeanfrage
from zugaenge.roles import Rolle, invitation_error, request_reviewers, visible_requests

# Decided requests are deleted this many days after the decision (`teilnahmeanfragen_loeschen`);
# the Mitmachen page's privacy notice states it.
RETENTION_DAYS = 180


def receive_request(kommune: Kommune, name: str, funktion: str, email: str, nachricht: str):
    """Store the request (once: the same address asking again for the same Kommune while the
    first request is open changes nothing) and tell the people who decide on it."""
    open_request = Teilnahmeanfrage.objects.filter(
        kommune=kommune, email__iexact=email, status=Status.OFFEN
    ).first()
    if open_request is not None:
        return open_request
    anfrage = Teilnahmeanfrage.objects.create(
        kommune=kommune, name=name, funktion=funktion, email=email, nachricht=nachricht
    )
    _notify_reviewers(anfrage)
    return anfrage


def role_for(kommune: Kommune) -> str:
    """A Landkreis that takes part is coordinated; every other Kommune gets an officer."""
    return Rolle.KOORDINATION if kommune.typ == KommuneTyp.LANDKREIS else Rolle.BEAUFTRAGTE


def decision_error(user: User, anfrage: Teilnahmeanfrage) -> str | None:
    """Why the user may not decide on this request, or None."""
    if not visible_requests(user).filter(pk=anfrage.pk).exists():
        return _("Über diese Anfrage entscheidet eine andere Stelle.")
    if not anfrage.is_open:
        return _("Über diese Anfrage ist bereits entschieden.")
    return invitation_error(user, anfrage.kommune, role_for(anfrage.kommune))


@transaction.atomic
def accept(anfrage: Teilnahmeanfrage, user: User) -> Zugang:
    """Invite the sender (profile, group, user, mail) and record the decision."""
    anfrage = Teilnahmeanfrage.objects.select_for_update().get(pk=anfrage.pk)
    if error := decision_error(user, anfrage):
        raise ZugangError(error)
    zugang = grant_access(
        anfrage.kommune,
        anfrage.email,
        role_for(anfrage.kommune),
        name=anfrage.name,
        invited_by=user,
        accepted_request=True,
    )
    _decide(anfrage, user, Status.ANGENOMMEN, benutzer=zugang.user)
    return zugang


@transaction.atomic
def decline(anfrage: Teilnahmeanfrage, user: User, grund: str) -> None:
    """Record the refusal and send the reason to the sender."""
    anfrage = Teilnahmeanfrage.objects.select_for_update().get(pk=anfrage.pk)
    if error := decision_error(user, anfrage):
        raise ZugangError(error)
    if not grund.strip():
        raise ZugangError(_("Bitte nennen Sie den Grund der Ablehnung."))
    _decide(anfrage, user, Status.ABGELEHNT, ablehnungsgrund=grund.strip())
    context = {"anfrage": anfrage, "site_name": settings.WAGTAIL_SITE_NAME, "entscheider": user}
    subject = _("Ihre Anfrage bei %(site)s: %(kommune)s") % {
        "site": settings.WAGTAIL_SITE_NAME,
        "kommune": anfrage.kommune.anzeigename,
    }
    reply_to = [user.email] if user.email else []
    body = render_to_string("zugaenge/mails/absage.txt", context)
    queue_email(subject, body, [anfrage.email], reply_to)


def _decide(anfrage: Teilnahmeanfrage, user: User, status: str, **fields) -> None:
    anfrage.status = status
    anfrage.entschieden_am = timezone.now()
    anfrage.entschieden_von = user
    for name, value in fields.items():
        setattr(anfrage, name, value)
    anfrage.save()


def _notify_reviewers(anfrage: Teilnahmeanfrage) -> None:
    url = absolute(reverse("teilnahmeanfragen:inspect", args=(anfrage.pk,)))
    context = {"anfrage": anfrage, "url": url, "site_name": settings.WAGTAIL_SITE_NAME}
    subject = _("Neue Teilnahmeanfrage: %(kommune)s") % {"kommune": anfrage.kommune.anzeigename}
    body = render_to_string("zugaenge/mails/neue_anfrage.txt", context)
    queue_email(subject, body, [user.email for user in request_reviewers(anfrage.kommune)])


def delete_decided_requests(days: int = RETENTION_DAYS) -> int:
    """Delete the requests decided more than `days` days ago; open ones stay. Returns the count."""
    cutoff = timezone.now() - timedelta(days=days)
    decided = Teilnahmeanfrage.objects.exclude(status=Status.OFFEN)
    deleted, _by_model = decided.filter(entschieden_am__lt=cutoff).delete()
    return deleted
