"""Storing a contact request and mailing it to its recipients, Reply-To the sender.

The mail goes out through plattform.mail (a task after commit, retried while the mail server is
down); `zugestellt` is set once the server accepted it (signal_handlers.py).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from kontakt.models import Kontaktanfrage, Zustellweg, retention_days
from kontakt.recipients import Empfang, recipients_for
from plattform.mail import queue_email

logger = logging.getLogger(__name__)
FORWARDED = {Zustellweg.REDAKTION, Zustellweg.PLATTFORM}


def submit(page: Page, data: dict, request: HttpRequest) -> Kontaktanfrage:
    """Store the request from the form's cleaned data and queue its mail."""
    empfang = recipients_for(page)
    with transaction.atomic():
        anfrage = Kontaktanfrage.objects.create(
            page=page,
            empfaenger_kommune=empfang.kommune,
            name=data["name"],
            email=data["email"],
            kommune=data.get("kommune_objekt"),
            kommune_eingabe=data.get("kommune", ""),
            anliegen=data["anliegen"],
            nachricht=data["nachricht"],
            einwilligung=data["einwilligung"],
            zustellweg=empfang.zustellweg,
        )
        queued = queue_email(
            subject(anfrage, page),
            body(anfrage, page, empfang, page.get_full_url(request)),
            empfang.addresses,
            [anfrage.email],
            reference=anfrage.mail_reference,
        )
    if not queued:  # stored and listed in the admin, but nobody was told by mail
        logger.error("Kontaktanfrage %s: no address to send it to", anfrage.pk)
    return anfrage


def subject(anfrage: Kontaktanfrage, page: Page) -> str:
    return _("%(anliegen)s zu „%(titel)s“: Kontaktanfrage über %(plattform)s") % {
        "anliegen": anfrage.get_anliegen_display(),
        "titel": page.title,
        "plattform": settings.WAGTAIL_SITE_NAME,
    }


def body(anfrage: Kontaktanfrage, page: Page, empfang: Empfang, page_url: str) -> str:
    admin_path = reverse("kontakt_kontaktanfrage:inspect", args=[anfrage.pk])
    return render_to_string(
        "kontakt/mail/anfrage.txt",
        {
            "anfrage": anfrage,
            "seite": page,
            "seite_url": page_url,
            "kommune": sender_kommune(anfrage),
            "empfang": empfang,
            "weitergeleitet": empfang.zustellweg in FORWARDED,
            "plattform": settings.WAGTAIL_SITE_NAME,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path,
            "tage": retention_days(),
        },
    )


def sender_kommune(anfrage: Kontaktanfrage) -> str:
    """The sender's Kommune as resolved ("Ahrensburg (01062001)"), else as typed."""
    if anfrage.kommune:
        return f"{anfrage.kommune.anzeigename} ({anfrage.kommune.ags})"
    return anfrage.kommune_eingabe


def mark_delivered(pk: int) -> None:
    """The mail of request `pk` was accepted by the mail server (first time counts)."""
    Kontaktanfrage.objects.filter(pk=pk, zugestellt=False).update(
        zugestellt=True, zugestellt_am=timezone.now()
    )
