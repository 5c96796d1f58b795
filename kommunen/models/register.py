"""The municipality register: one record per Gemeinde, Stadt and Kreis of Germany."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kommunen.groessenklasse import Groessenklasse, groessenklasse_for


class KommuneTyp(models.TextChoices):
    GEMEINDE = "gemeinde", _("Gemeinde")
    STADT = "stadt", _("Stadt")
    KREISFREIE_STADT = "kreisfreie_stadt", _("Kreisfreie Stadt")
    LANDKREIS = "landkreis", _("Landkreis")


class Bundesland(models.TextChoices):
    """The Länder, keyed by the two-letter code of the exchange format, in AGS order."""

    SH = "SH", "Schleswig-Holstein"
    HH = "HH", "Hamburg"
    NI = "NI", "Niedersachsen"
    HB = "HB", "Bremen"
    NW = "NW", "Nordrhein-Westfalen"
    HE = "HE", "Hessen"
    RP = "RP", "Rheinland-Pfalz"
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    SL = "SL", "Saarland"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    MV = "MV", "Mecklenburg-Vorpommern"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    TH = "TH", "Thüringen"

    @classmethod
    def from_land_schluessel(cls, schluessel: str) -> "Bundesland":
        """The Land of a two-digit Land key ("01" is Schleswig-Holstein)."""
        return list(cls)[int(schluessel) - 1]

    @property
    def land_schluessel(self) -> str:
        return f"{list(type(self)).index(self) + 1:02d}"


class Verstaedterung(models.IntegerChoices):
    """Degree of urbanisation (DEGURBA) as published in the municipality register."""

    DICHT = 1, _("dicht besiedelt")
    MITTEL = 2, _("mittlere Besiedlungsdichte")
    GERING = 3, _("gering besiedelt")


AGS_PATTERN = re.compile(r"^(0[1-9]|1[0-6])\d{3}(\d{3})?$")


def validate_ags(value: str) -> None:
    """An AGS has 8 digits (Gemeinde) or 5 (Kreis) and starts with a Land key 01-16."""
    if not AGS_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "„%(wert)s“ ist kein gültiger Amtlicher Gemeindeschlüssel: erwartet werden "
                "8 Ziffern (Gemeinde) oder 5 Ziffern (Kreis), beginnend mit 01 bis 16."
            ),
            code="invalid_ags",
            params={"wert": value},
        )


def anzeigename_aus(name: str) -> str:
    """The everyday name: the official one without suffixes such as ", Stadt"."""
    return name.split(",", 1)[0].strip()


class Kommune(models.Model):
    """A Gemeinde, Stadt, kreisfreie Stadt or Landkreis from the official register."""

    ags = models.CharField(
        _("AGS"),
        max_length=8,
        unique=True,
        validators=[validate_ags],
        help_text=_("Amtlicher Gemeindeschlüssel: 8 Ziffern, bei Landkreisen 5 Ziffern."),
    )
    name = models.CharField(_("amtlicher Name"), max_length=200)
    anzeigename = models.CharField(
        _("Anzeigename"),
        max_length=200,
        db_index=True,
        help_text=_("Name ohne Zusätze wie „, Stadt“."),
    )
    typ = models.CharField(_("Typ"), max_length=20, choices=KommuneTyp.choices)
    einwohner = models.PositiveIntegerField(_("Einwohner"), default=0)
    flaeche_km2 = models.DecimalField(
        _("Fläche (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    bundesland = models.CharField(_("Bundesland"), max_length=2, choices=Bundesland.choices)
    kreis = models.ForeignKey(
        "self",
        verbose_name=_("Kreis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gemeinden",
        limit_choices_to={"typ": KommuneTyp.LANDKREIS},
    )
    postleitzahl = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    breitengrad = models.FloatField(_("Breitengrad"), null=True, blank=True)
    laengengrad = models.FloatField(_("Längengrad"), null=True, blank=True)
    verstaedterung = models.PositiveSmallIntegerField(
        _("Verstädterungsgrad"), choices=Verstaedterung.choices, null=True, blank=True
    )
    gemeindefrei = models.BooleanField(_("gemeindefreies Gebiet"), default=False)
    groessenklasse = models.CharField(
        _("Größenklasse"),
        max_length=20,
        choices=Groessenklasse.choices,
        db_index=True,
        help_text=_("Wird aus den Einwohnerzahlen abgeleitet und beim Speichern neu berechnet."),
    )

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["anzeigename", "ags"]
        indexes = [models.Index(fields=["bundesland", "groessenklasse"])]

    def __str__(self) -> str:
        return f"{self.anzeigename} ({self.get_typ_display()}, {self.ags})"

    def save(self, *args, **kwargs) -> None:
        self.groessenklasse = groessenklasse_for(self.typ, self.einwohner)
        if not self.anzeigename:
            self.anzeigename = anzeigename_aus(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if self.ags and self.typ:
            errors.update(self._ags_errors())
        if self.kreis_id and (self.typ in (KommuneTyp.LANDKREIS, KommuneTyp.KREISFREIE_STADT)):
            errors["kreis"] = _("Landkreise und kreisfreie Städte gehören keinem Kreis an.")
        elif self.kreis_id and not self.ags.startswith(self.kreis.ags):
            errors["kreis"] = _("Der AGS muss mit dem Schlüssel des Kreises beginnen.")
        if errors:
            raise ValidationError(errors)

    def _ags_errors(self) -> dict:
        expected = 5 if self.typ == KommuneTyp.LANDKREIS else 8
        if len(self.ags) != expected:
            return {"ags": _("Ein AGS dieses Typs hat %(n)d Ziffern.") % {"n": expected}}
        if self.bundesland and Bundesland(self.bundesland).land_schluessel != self.ags[:2]:
            return {"bundesland": _("Der AGS gehört zu einem anderen Bundesland.")}
        return {}

    @property
    def profil(self):
        """The published or draft profile page of this Kommune, if it takes part."""
        from .pages import KommunePage

        return KommunePage.objects.filter(kommune=self).first()
