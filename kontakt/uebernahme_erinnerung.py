"""A visitor who asked about taking over a practice (`anliegen` = `uebernahme`) is reminded, once
an entry of their own Kommune is published, to name the original as `uebernommen_von`, so that
the transfer is recorded both ways. Once per request; an entry that already names an original
needs no reminder."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kontakt.models import Anliegen, Kontaktanfrage
from plattform.mail import queue_email
from praxis.models import PraxisPage


def open_transfer_questions(entry: PraxisPage):
    """Übernahme requests from the entry's Kommune about another entry, not yet reminded."""
    return (
        Kontaktanfrage.objects.filter(
            anliegen=Anliegen.UEBERNAHME,
            kommune=entry.kommune_id,
            erinnert_am__isnull=True,
            page__in=PraxisPage.objects.exclude(pk=entry.pk),
        )
        .select_related("page")
        .order_by("erstellt_am")
    )


def remind_to_link(entry: PraxisPage) -> int:
    """Mail the senders of open Übernahme requests of the entry's Kommune; how many were sent."""
    if entry.kommune_id is None or entry.uebernommen_von_id is not None:
        return 0
    sent = 0
    with transaction.atomic():
        for anfrage in open_transfer_questions(entry):
            subject, body = reminder_message(anfrage, entry)
            if queue_email(subject, body, [anfrage.email]):
                sent += 1
            anfrage.erinnert_am = timezone.now()
            anfrage.save(update_fields=["erinnert_am"])
    return sent


def reminder_message(anfrage: Kontaktanfrage, entry: PraxisPage) -> tuple[str, str]:
    original = anfrage.page
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    edit_url = base + reverse("wagtailadmin_pages:edit", args=[entry.pk])
    subject = _("Ihr Praxisbeispiel „%(titel)s“: übernommen von „%(original)s“?") % {
        "titel": entry.title,
        "original": original.title if original else "",
    }
    body = _(
        "Guten Tag %(name)s,\n\n"
        "Sie hatten über die Plattform Kontakt aufgenommen, um „%(original)s“ zu übernehmen. "
        "Inzwischen ist Ihr Praxisbeispiel „%(titel)s“ veröffentlicht.\n\n"
        "Wenn es auf „%(original)s“ aufbaut, tragen Sie das bitte im Reiter „Einordnung“ unter "
        "„Übernommen von“ ein. Dann zeigen beide Seiten die Übernahme, und andere Kommunen "
        "sehen, dass sich das Beispiel übertragen lässt:\n%(link)s\n\n"
        "Diese Erinnerung erhalten Sie nur einmal.\n"
    ) % {
        "name": anfrage.name,
        "original": original.title if original else "",
        "titel": entry.title,
        "link": edit_url,
    }
    return subject, body
