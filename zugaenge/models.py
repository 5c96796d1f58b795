"""A municipality's request to take part, waiting for its Kreis coordination or the platform."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune


class Status(models.TextChoices):
    OFFEN = "offen", _("offen")
    ANGENOMMEN = "angenommen", _("angenommen")
    ABGELEHNT = "abgelehnt", _("abgelehnt")


class Teilnahmeanfrage(models.Model):
    """Sent through /mitmachen/; accepting it invites the sender, declining tells them why."""

    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="teilnahmeanfragen",
    )
    name = models.CharField(_("Name"), max_length=200)
    funktion = models.CharField(_("Funktion"), max_length=200)
    email = models.EmailField(_("dienstliche E-Mail-Adresse"))
    nachricht = models.TextField(
        _("Nachricht"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    eingegangen_am = models.DateTimeField(_("eingegangen am"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.OFFEN, db_index=True
    )
    entschieden_am = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    entschieden_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ablehnungsgrund = models.TextField(
        _("Grund der Ablehnung"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingeladener Zugang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teilnahmeanfragen",
    )

    class Meta:
        verbose_name = _("Teilnahmeanfrage")
        verbose_name_plural = _("Teilnahmeanfragen")
        ordering = ["-eingegangen_am"]

    def __str__(self) -> str:
        return f"{self.kommune.anzeigename}: {self.name}"

    @property
    def kreis_name(self) -> str:
        """The Kreis of the Kommune, or "kreisfrei" for a kreisfreie Stadt or a Landkreis."""
        kreis = self.kommune.kreis
        return kreis.anzeigename if kreis is not None else str(_("kreisfrei"))

    @property
    def is_open(self) -> bool:
        return self.status == Status.OFFEN
