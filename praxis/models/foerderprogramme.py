"""Funding programmes as managed data (snippets): who funds them, in which Länder, until when."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from kommunen.models import Bundesland

LAND_SEPARATOR = ","


class FoerderTraeger(models.TextChoices):
    """Who runs a funding programme."""

    EU = "eu", _("EU")
    BUND = "bund", _("Bund")
    LAND = "land", _("Land")
    STIFTUNG = "stiftung", _("Stiftung")
    SONSTIGE = "sonstige", _("Sonstige")


class FoerderprogrammForm(WagtailAdminModelForm):
    """The Länder as checkboxes; stored as their codes joined by commas."""

    laender = forms.MultipleChoiceField(
        label=_("Länder"),
        choices=Bundesland.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Die Länder, in denen das Programm gilt, wenn es nicht bundesweit gilt."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["laender"] = self.instance.laender_codes

    def clean_laender(self) -> str:
        return LAND_SEPARATOR.join(self.cleaned_data["laender"])


class FoerderprogrammQuerySet(models.QuerySet):
    def in_land(self, land: str) -> "FoerderprogrammQuerySet":
        """The programmes open to Kommunen of this Land (two-letter code): bundesweit or named.

        `laender` holds two-letter codes joined by commas, so a code matches only as itself."""
        return self.filter(models.Q(bundesweit=True) | models.Q(laender__contains=land))


class Foerderprogramm(models.Model):
    """A funding programme an entry can reference (exchange format: `foerderprogramme`)."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("Kürzel"),
        max_length=60,
        unique=True,
        help_text=_("Stabiles Kürzel für Austauschformat und Filter-Adressen; nicht mehr ändern."),
    )
    traeger = models.CharField(
        _("Träger"), max_length=20, choices=FoerderTraeger.choices, default=FoerderTraeger.BUND
    )
    bundesweit = models.BooleanField(
        _("bundesweit"),
        default=False,
        help_text=_("Ankreuzen, wenn Kommunen aller Länder das Programm nutzen können."),
    )
    laender = models.CharField(
        _("Länder"),
        max_length=60,
        blank=True,
        help_text=_("Die Länder, in denen das Programm gilt, wenn es nicht bundesweit gilt."),
    )
    link = models.URLField(_("Link"), max_length=500, blank=True)
    laeuft_bis = models.DateField(
        _("läuft bis"),
        null=True,
        blank=True,
        help_text=_("Ende der Förderperiode; leer, wenn kein Ende bekannt ist."),
    )
    kurzbeschreibung = models.TextField(_("Kurzbeschreibung"), max_length=600, blank=True)

    objects = FoerderprogrammQuerySet.as_manager()
    base_form_class = FoerderprogrammForm

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("traeger"), FieldPanel("laeuft_bis")]),
        FieldPanel("bundesweit"),
        FieldPanel("laender"),
        FieldPanel("link"),
        FieldPanel("kurzbeschreibung"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("foerderprogramm", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        codes = self.laender_codes
        if unknown := [code for code in codes if code not in Bundesland.values]:
            raise ValidationError({"laender": _("Unbekanntes Land: %s") % ", ".join(unknown)})
        if self.bundesweit and codes:
            raise ValidationError(
                {"laender": _("Ein bundesweites Programm nennt keine einzelnen Länder.")}
            )
        if not self.bundesweit and not codes:
            raise ValidationError(
                {"laender": _("Bitte die Länder wählen oder „bundesweit“ ankreuzen.")}
            )
        self.laender = LAND_SEPARATOR.join(code for code in Bundesland.values if code in codes)

    @property
    def laender_codes(self) -> list[str]:
        return [code for code in self.laender.split(LAND_SEPARATOR) if code]

    @property
    def geltungsbereich(self) -> str:
        """ "bundesweit" or the names of its Länder, as the public pages say it."""
        if self.bundesweit:
            return str(_("bundesweit"))
        return ", ".join(Bundesland(code).label for code in self.laender_codes)

    def gilt_in(self, land: str) -> bool:
        return self.bundesweit or land in self.laender_codes

    def beendet(self, today: date | None = None) -> bool:
        """Past its end date: shown as ended, kept for the entries that used it."""
        return self.laeuft_bis is not None and self.laeuft_bis < (today or timezone.localdate())
