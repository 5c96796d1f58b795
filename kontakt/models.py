"""A visitor's message to the people behind an entry or profile, kept for its recipients."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from kommunen.models import Kommune

# A public form writes the message: the model holds the same limit as the form, so that no
# other way in (a script, the shell, a future API) stores more.
MAX_MESSAGE_LENGTH = 5000


class Anliegen(models.TextChoices):
    FRAGE = "frage", _("Frage")
    HOSPITATION = "hospitation", _("Hospitation (Besuch vor Ort)")
    UEBERNAHME = "uebernahme", _("Übernahme")
    SONSTIGES = "sonstiges", _("Sonstiges")


class Zustellweg(models.TextChoices):
    """Whom the message went to: the named contact first, never nobody."""

    ANSPRECHPERSON_PRAXIS = "praxis", _("Kontaktperson des Praxisbeispiels")
    ANSPRECHPERSON_KOMMUNE = "kommune", _("Ansprechperson der Kommune")
    REDAKTION = "redaktion", _("Redaktion der Kommune")
    PLATTFORM = "plattform", _("Plattform-Team")


def retention_days() -> int:
    return int(settings.KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE)


class Kontaktanfrage(models.Model):
    """A contact request sent through the "Kontakt aufnehmen" form of an entry or profile.

    Delivered by mail without showing the visitor any address; stored for the recipient
    Kommune's editors and its Kreis coordination until the retention period ends.
    """

    page = models.ForeignKey(
        Page,
        verbose_name=_("Seite"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="kontaktanfragen",
        help_text=_("Das Praxisbeispiel oder Profil, über das die Anfrage kam."),
    )
    empfaenger_kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("Empfangende Kommune"),
        on_delete=models.PROTECT,
        related_name="kontaktanfragen",
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"))
    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("Kommune der absendenden Person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gesendete_kontaktanfragen",
    )
    kommune_eingabe = models.CharField(_("Kommune (wie eingegeben)"), max_length=200, blank=True)
    anliegen = models.CharField(_("Anliegen"), max_length=20, choices=Anliegen.choices)
    nachricht = models.TextField(
        _("Nachricht"),
        max_length=MAX_MESSAGE_LENGTH,
        validators=[MaxLengthValidator(MAX_MESSAGE_LENGTH)],
    )
    einwilligung = models.BooleanField(_("Einwilligung in die Verarbeitung"), default=False)
    erstellt_am = models.DateTimeField(_("Eingegangen am"), default=timezone.now, db_index=True)
    zustellweg = models.CharField(
        _("Zugestellt an"), max_length=20, choices=Zustellweg.choices, blank=True
    )
    zugestellt = models.BooleanField(_("Zugestellt"), default=False)
    zugestellt_am = models.DateTimeField(_("Zugestellt am"), null=True, blank=True)
    erinnert_am = models.DateTimeField(
        _("Erinnert am"),
        null=True,
        blank=True,
        help_text=_(
            "Wann die absendende Person an die Verknüpfung ihrer Übernahme erinnert wurde."
        ),
    )

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-erstellt_am"]

    def __str__(self) -> str:
        received = timezone.localtime(self.erstellt_am)
        return f"{self.get_anliegen_display()}: {self.name} ({received:%d.%m.%Y})"

    @property
    def mail_reference(self) -> str:
        """Names this request in plattform.mail, which reports when the mail went out."""
        return f"{MAIL_REFERENCE_PREFIX}{self.pk}"


MAIL_REFERENCE_PREFIX = "kontakt.kontaktanfrage:"
