"""Spam protection shared by the public forms (contact, Mitmachen).

Three hurdles, none of which needs a third party or a cookie beyond the CSRF one:
a honeypot field `website` that people never see and bots fill in, a minimum fill time (the
form carries a signed timestamp of when it was shown) and a limit of submissions per client
address and hour. The limit is counted in the database, so every process sees the same count;
addresses are stored only as keyed hashes and only for the length of the window.
"""

import hashlib
import hmac
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plattform.models import Formularversand

MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 60 * 60 * 24  # a form shown yesterday is shown again, not accepted
_SALT = "plattform.formschutz.shown_at"

HONEYPOT_ERROR = _("Ihre Nachricht wurde nicht angenommen.")
TOO_FAST_ERROR = _(
    "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."
)
EXPIRED_ERROR = _("Das Formular ist abgelaufen. Bitte senden Sie es noch einmal.")


class GeschuetztesFormular(forms.Form):
    """A public form with a honeypot and a minimum fill time; subclass it and add fields."""

    website = forms.CharField(
        label=_("Website (bitte leer lassen)"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    angezeigt = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["angezeigt"] = signing.dumps(time.time(), salt=_SALT)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            raise forms.ValidationError(HONEYPOT_ERROR, code="honeypot")
        self._check_fill_time(self.data.get(self.add_prefix("angezeigt"), ""))
        return cleaned

    def _check_fill_time(self, token: str) -> None:
        try:
            shown_at = signing.loads(token, salt=_SALT, max_age=MAX_FORM_AGE)
        except signing.BadSignature:
            self._renew_timestamp()
            raise forms.ValidationError(EXPIRED_ERROR, code="expired") from None
        if time.time() - float(shown_at) < MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST_ERROR, code="too_fast")

    def _renew_timestamp(self) -> None:
        """A bound form shown again after an expired timestamp carries a fresh one."""
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data[self.add_prefix("angezeigt")] = signing.dumps(time.time(), salt=_SALT)
        self.data = data


def client_key(request: HttpRequest) -> str:
    """A keyed hash of the client address: countable, not reversible to the address."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def limit_reached(request: HttpRequest, bucket: str, limit: int = 5, hours: int = 1) -> bool:
    """Count a valid submission against the client's limit in `bucket`; True if it is one too
    many. Call it once the form is valid: mistyped forms corrected and sent again do not count,
    but submissions over the limit do, so that a client over it stays over it."""
    now = timezone.now()
    since = now - timedelta(hours=hours)
    key = client_key(request)
    with transaction.atomic():
        Formularversand.objects.filter(zeitpunkt__lt=since).delete()
        earlier = Formularversand.objects.filter(bucket=bucket, client=key, zeitpunkt__gte=since)
        reached = earlier.count() >= limit
        Formularversand.objects.create(bucket=bucket, client=key, zeitpunkt=now)
    return reached
