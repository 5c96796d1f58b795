"""The municipality register: one record per Gemeinde, Stadt and Kreis of Germany, and its rules."""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrOrPromise

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
    def from_land_key(cls, key: str) -> "Bundesland":
        """The Land of a two-digit Land key ("01" is Schleswig-Holstein)."""
        return list(cls)[int(key) - 1]

    @property
    def land_key(self) -> str:
        return f"{list(type(self)).index(self) + 1:02d}"


class Verstaedterung(models.IntegerChoices):
    """Degree of urbanisation (DEGURBA) as published in the municipality register."""

    DICHT = 1, _("dicht besiedelt")
    MITTEL = 2, _("mittlere Besiedlungsdichte")
    GERING = 3, _("gering besiedelt")


# One home for the key formats: a Land key 01-16, then the Kreis digits, then (Gemeinde) three more.
# ASCII digits only: `\d` would also match Arabic-Indic and other scripts' digits; `\Z`, not `$`,
# which would let a trailing line feed through.
AGS_PATTERN = re.compile(r"^(0[1-9]|1[0-6])[0-9]{3}([0-9]{3})?\Z")
KREIS_PATTERN = re.compile(r"^(0[1-9]|1[0-6])[0-9]{3}\Z")


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


def anzeigename_from(name: str) -> str:
    """The everyday name: the official one without suffixes such as ", Stadt"."""
    return name.split(",", 1)[0].strip()


# The register rules, used by Kommune.clean and by the import (kommunen/importer/validate.py).
# Each returns the German reason a Kommune breaks the rule, or None.

KOMMUNE_TYPES_WITHOUT_KREIS = frozenset({KommuneTyp.LANDKREIS, KommuneTyp.KREISFREIE_STADT})


def ags_length_error(typ: str, ags: str) -> str | None:
    """A Landkreis has the 5-digit Kreisschlüssel as its AGS, every other Kommune 8 digits."""
    expected = 5 if typ == KommuneTyp.LANDKREIS else 8
    if len(ags) == expected:
        return None
    return _("Der AGS einer Kommune vom Typ „%(typ)s“ hat %(n)d Ziffern, nicht %(ist)d.") % {
        "typ": typ,
        "n": expected,
        "ist": len(ags),
    }


def land_key_error(ags: str, bundesland: str) -> str | None:
    """An AGS begins with the key of its Land; an unknown Land is the choices' concern."""
    if bundesland not in Bundesland.values:
        return None
    key = Bundesland(bundesland).land_key
    if ags.startswith(key):
        return None
    return _(
        "AGS %(ags)s gehört nicht zu %(land)s: AGS aus %(land)s beginnen mit %(schluessel)s."
    ) % {"ags": ags, "land": bundesland, "schluessel": key}


def may_belong_to_kreis(typ: str) -> bool:
    """Landkreise and kreisfreie Städte belong to no Kreis."""
    return typ not in KOMMUNE_TYPES_WITHOUT_KREIS


def kreis_missing_error(typ: str, ags: str, gemeindefrei: bool) -> str | None:
    """A kreisangehörige Gemeinde or Stadt needs its Kreis; only gemeindefreie Gebiete outside
    any Kreis (Kreis part 00 of the AGS, e.g. Küstengewässer) have none."""
    if not may_belong_to_kreis(typ) or gemeindefrei:
        return None
    return _(
        "Eine kreisangehörige Gemeinde oder Stadt braucht den Kreisschlüssel (kreis_ags), "
        "hier %(kreis)s: die ersten fünf Ziffern ihres AGS."
    ) % {"kreis": ags[:5]}


def kreis_prefix_error(ags: str, kreis_ags: str) -> str | None:
    """The AGS of a kreisangehörige Gemeinde begins with the 5-digit key of its Kreis."""
    if len(kreis_ags) == 5 and ags.startswith(kreis_ags):
        return None
    return _("AGS %(ags)s beginnt nicht mit dem Kreisschlüssel %(kreis)s.") % {
        "ags": ags,
        "kreis": kreis_ags,
    }


# The plugin cannot resolve reverse managers of Wagtail pages (Page is untyped).
class Kommune(models.Model):  # type: ignore[django-manager-missing]
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
            self.anzeigename = anzeigename_from(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {**self._ags_errors(), **self._kreis_errors()}
        if errors:
            raise ValidationError(errors)

    def _ags_errors(self) -> dict[str, str]:
        if not (self.ags and self.typ):
            return {}
        if message := ags_length_error(self.typ, self.ags):
            return {"ags": message}
        if message := land_key_error(self.ags, self.bundesland):
            return {"bundesland": message}
        return {}

    def _kreis_errors(self) -> dict[str, StrOrPromise]:
        if not self.kreis_id:
            message = self.typ and kreis_missing_error(self.typ, self.ags, self.gemeindefrei)
            return {"kreis": message} if message else {}
        if not may_belong_to_kreis(self.typ):
            return {"kreis": _("Landkreise und kreisfreie Städte gehören keinem Kreis an.")}
        assert self.kreis is not None  # kreis_id is set
        if message := kreis_prefix_error(self.ags, self.kreis.ags):
            return {"kreis": message}
        return {}

    @cached_property
    def public_profile(self):
        """The live profile page of this Kommune if it has no view restriction, else None.

        The profile itself, draft or live, is the reverse accessor `profil` (KommunePage.kommune).
        For a list, `load_public_profiles` sets this for every Kommune with one query.
        """
        return public_profiles().filter(kommune=self).first()


def public_profiles():
    """The profiles a public page may link to: live, and without a view restriction."""
    profile_model = Kommune._meta.get_field("profil").related_model
    return profile_model.objects.live().public()  # type: ignore[attr-defined]  # a Wagtail page


def load_public_profiles(kommunen: Iterable[Kommune]) -> None:
    """Set `public_profile` on each of these Kommunen (None where there is none) in one query."""
    prefetch = Prefetch("profil", queryset=public_profiles(), to_attr="public_profile")
    prefetch_related_objects(list(kommunen), prefetch)
