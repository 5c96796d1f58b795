"""Writing Datensätze into the register: an upsert by AGS in batches, Landkreise first."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kommunen.groessenklasse import groessenklasse_for
from kommunen.models.register import Kommune, KommuneTyp, anzeigename_aus

from .records import FORTSCHRITT_ALLE, Datensatz, Fortschritt, zahl

GRUNDFELDER = (
    "name",
    "anzeigename",
    "typ",
    "einwohner",
    "bundesland",
    "kreis_id",
    "groessenklasse",
)
WEITERE_FELDER = (
    "flaeche_km2",
    "postleitzahl",
    "laengengrad",
    "breitengrad",
    "verstaedterung",
    "gemeindefrei",
)


@dataclass
class Bilanz:
    """What an import did, for the summary line."""

    gemeinden: int = 0
    landkreise: int = 0
    neu: int = 0
    aktualisiert: int = 0
    unveraendert: int = 0
    geaenderte_ags: list[str] = field(default_factory=list, repr=False)

    def zusammenfassung(self) -> str:
        """E.g. "11.004 Gemeinden, 294 Landkreise: 11.298 neu, 0 aktualisiert, 0 unverändert."."""
        zahlen = {name: zahl(wert) for name, wert in vars(self).items() if isinstance(wert, int)}
        gemeinden = ngettext("%(gemeinden)s Gemeinde", "%(gemeinden)s Gemeinden", self.gemeinden)
        kreise = ngettext("%(landkreise)s Landkreis", "%(landkreise)s Landkreise", self.landkreise)
        bilanz = _("%(neu)s neu, %(aktualisiert)s aktualisiert, %(unveraendert)s unverändert.")
        return f"{gemeinden % zahlen}, {kreise % zahlen}: {bilanz % zahlen}"


def lade_bestand() -> dict[str, dict]:
    """Every stored Kommune as a dict of the imported fields, keyed by AGS."""
    felder = ("id", "ags", *GRUNDFELDER, *WEITERE_FELDER)
    return {werte["ags"]: werte for werte in Kommune.objects.values(*felder).iterator(2_000)}


def ergaenze_kreissummen(datensaetze: list[Datensatz], bestand: dict[str, dict]) -> None:
    """Give the file's Landkreise the sum of their Gemeinden (file and database) as figures.

    Einwohner only where the file gave none; Fläche whenever some Gemeinde has one."""
    ags_von_id = {werte["id"]: ags for ags, werte in bestand.items()}
    stand = {
        ags: (ags_von_id.get(werte["kreis_id"]), werte["einwohner"], werte["flaeche_km2"])
        for ags, werte in bestand.items()
        if werte["kreis_id"]
    }
    for ds in datensaetze:
        flaeche = ds.weitere.get("flaeche_km2", bestand.get(ds.ags, {}).get("flaeche_km2"))
        stand[ds.ags] = (ds.kreis_ags, ds.einwohner, flaeche)
    einwohner, flaechen = defaultdict(int), defaultdict(Decimal)
    for kreis, anzahl, flaeche in stand.values():
        einwohner[kreis] += anzahl or 0
        if flaeche is not None:
            flaechen[kreis] += flaeche
    for ds in datensaetze:
        if ds.typ != KommuneTyp.LANDKREIS:
            continue
        if ds.einwohner is None:
            ds.einwohner = einwohner[ds.ags]
        if ds.ags in flaechen:
            ds.weitere["flaeche_km2"] = flaechen[ds.ags]


def schreibe(
    datensaetze: list[Datensatz], bestand: dict[str, dict], fortschritt: Fortschritt
) -> Bilanz:
    """Create or update the Datensätze; unchanged Kommunen are not written at all."""
    bilanz = Bilanz()
    kreise = [ds for ds in datensaetze if ds.typ == KommuneTyp.LANDKREIS]
    gemeinden = [ds for ds in datensaetze if ds.typ != KommuneTyp.LANDKREIS]
    bilanz.landkreise, bilanz.gemeinden = len(kreise), len(gemeinden)
    _schreibe_gruppe(kreise, bestand, {}, bilanz, fortschritt, _("Landkreise"))
    kreis_ags = {ds.kreis_ags for ds in gemeinden if ds.kreis_ags}
    kreis_ids = dict(Kommune.objects.filter(ags__in=kreis_ags).values_list("ags", "id"))
    _schreibe_gruppe(gemeinden, bestand, kreis_ids, bilanz, fortschritt, _("Gemeinden"))
    return bilanz


def _schreibe_gruppe(
    datensaetze: list[Datensatz],
    bestand: dict[str, dict],
    kreis_ids: dict[str, int],
    bilanz: Bilanz,
    fortschritt: Fortschritt,
    bezeichnung: str,
) -> None:
    zu_schreiben: dict[tuple[str, ...], list[Kommune]] = defaultdict(list)
    for ds in datensaetze:
        werte, alt = zielwerte(ds, bestand.get(ds.ags), kreis_ids), bestand.get(ds.ags)
        if alt and all(alt[feld] == wert for feld, wert in werte.items()):
            bilanz.unveraendert += 1
            continue
        bilanz.neu += alt is None
        if alt is not None:
            bilanz.aktualisiert += 1
            bilanz.geaenderte_ags.append(ds.ags)
        zu_schreiben[tuple(werte)].append(Kommune(ags=ds.ags, **werte))
    anzahl = sum(len(kommunen) for kommunen in zu_schreiben.values())
    fortschritt(_("Schreibe %(n)s %(was)s …") % {"n": zahl(anzahl), "was": bezeichnung})
    geschrieben = 0
    for felder, kommunen in zu_schreiben.items():
        for start in range(0, len(kommunen), FORTSCHRITT_ALLE):
            _upsert(kommunen[start : start + FORTSCHRITT_ALLE], felder)
            geschrieben += len(kommunen[start : start + FORTSCHRITT_ALLE])
            fortschritt(f"  {zahl(geschrieben)} / {zahl(anzahl)} {bezeichnung}")


def _upsert(kommunen: list[Kommune], felder: tuple[str, ...]) -> None:
    Kommune.objects.bulk_create(
        kommunen,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["ags"],
        update_fields=[feld.removesuffix("_id") for feld in felder],
    )


def zielwerte(ds: Datensatz, alt: dict | None, kreis_ids: dict[str, int]) -> dict:
    """The field values a Kommune gets from this Datensatz (groessenklasse included)."""
    anzeigename = ds.anzeigename
    if anzeigename is None:  # keep a display name edited on the platform
        behalten = alt and alt["name"] == ds.name and alt["anzeigename"]
        anzeigename = behalten or anzeigename_aus(ds.name)
    return {
        "name": ds.name,
        "anzeigename": anzeigename,
        "typ": ds.typ,
        "einwohner": ds.einwohner,
        "bundesland": ds.bundesland,
        "kreis_id": kreis_ids[ds.kreis_ags] if ds.kreis_ags else None,
        "groessenklasse": groessenklasse_for(ds.typ, ds.einwohner),
        **ds.weitere,
    }
