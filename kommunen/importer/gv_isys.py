"""Records of the Destatis GV-ISys extract (Gemeindeverzeichnis) as Datensätze.

Columns by position, the same in the CSV and the XLSX file: satzart, textkennzeichen, land, rb,
kreis, vb, gemeinde, gemeindename, flaeche, bevoelkerung, maennlich, weiblich, jekm2,
postleitzahl, laengengrad, breitengrad, schluessel, bezeichnung, verstaedterungschluessel, ...
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from kommunen.models.register import Bundesland, KommuneTyp, anzeigename_aus

from .records import (
    Datensatz,
    Fehlerliste,
    dezimal,
    ganzzahl,
    schluessel,
    text,
)

SPALTEN = 20
SATZARTEN = {"10", "20", "30", "40", "50", "60"}
KREISFREI = {"41", "42"}
KREIS_PRAEFIX = {"43": "Kreis ", "44": "Landkreis ", "45": ""}
KREIS_WOERTER = ("kreis", "region", "regionalverband", "städteregion")

# textkennzeichen of a Satzart-60 record → (typ, gemeindefrei)
GEMEINDE_TYPEN = {
    "60": (KommuneTyp.GEMEINDE, False),
    "61": (KommuneTyp.KREISFREIE_STADT, False),
    "62": (KommuneTyp.KREISFREIE_STADT, False),
    "63": (KommuneTyp.STADT, False),
    "64": (KommuneTyp.GEMEINDE, False),
    "65": (KommuneTyp.GEMEINDE, True),
    "66": (KommuneTyp.GEMEINDE, True),
    "67": (KommuneTyp.STADT, False),
}

FELDER = (
    "flaeche_km2",
    "postleitzahl",
    "laengengrad",
    "breitengrad",
    "verstaedterung",
    "gemeindefrei",
)


def ist_datenzeile(zellen: list) -> bool:
    """A record line starts with a Satzart and a numeric Land key; title and header rows do not."""
    if len(zellen) < 8:
        return False
    try:
        return schluessel(zellen[0], 2) in SATZARTEN and schluessel(zellen[2], 2) != ""
    except ValueError:
        return False


def lies_gv_isys(zeilen: Iterable[tuple[int, list]]) -> tuple[list[Datensatz], Fehlerliste]:
    """Turn (line number, cells) pairs into Datensätze; rows that are not records are skipped."""
    datensaetze, fehler, kreisfrei = [], Fehlerliste(), set()
    for nummer, zellen in zeilen:
        if not ist_datenzeile(zellen):
            continue
        zellen = list(zellen) + [None] * (SPALTEN - len(zellen))
        try:
            datensatz = _datensatz(nummer, zellen, kreisfrei)
        except ValueError as exc:
            fehler.melde(nummer, str(exc))
            continue
        if datensatz:
            datensaetze.append(datensatz)
    _kreise_zuordnen(datensaetze, kreisfrei)
    return datensaetze, fehler


def _datensatz(nummer: int, zellen: list, kreisfrei: set[str]) -> Datensatz | None:
    satzart, kennzeichen = schluessel(zellen[0], 2), schluessel(zellen[1], 2)
    if satzart == "40" and kennzeichen in KREISFREI:
        kreisfrei.add(_kreisschluessel(zellen))  # represented by its Satzart-60 record
        return None
    if satzart == "40":
        return _kreis(nummer, zellen, kennzeichen)
    if satzart == "60":
        return _gemeinde(nummer, zellen, kennzeichen)
    return None


def _kreisschluessel(zellen: list) -> str:
    return schluessel(zellen[2], 2) + schluessel(zellen[3], 1) + schluessel(zellen[4], 2)


def _bundesland(ags: str) -> str:
    land = ags[:2]
    return Bundesland.from_land_schluessel(land).value if "01" <= land <= "16" else land


def _kreis(nummer: int, zellen: list, kennzeichen: str) -> Datensatz:
    if kennzeichen not in KREIS_PRAEFIX:
        raise ValueError(
            _("Unbekanntes Textkennzeichen „%(tk)s“ für einen Kreis.") % {"tk": kennzeichen}
        )
    ags, name = _kreisschluessel(zellen), text(zellen[7])
    weitere = dict.fromkeys(FELDER) | {"postleitzahl": "", "gemeindefrei": False}
    return Datensatz(
        zeile=nummer,
        ags=ags,
        typ=KommuneTyp.LANDKREIS,
        name=name,
        bundesland=_bundesland(ags),
        anzeigename=kreis_anzeigename(name, kennzeichen),
        weitere=weitere,
    )


def kreis_anzeigename(name: str, kennzeichen: str) -> str:
    """ "Dithmarschen" (43) → "Kreis Dithmarschen"; names that already say Kreis or Region stay."""
    kurz = anzeigename_aus(name)
    if any(wort in kurz.lower() for wort in KREIS_WOERTER):
        return kurz
    return KREIS_PRAEFIX.get(kennzeichen, "") + kurz


def _gemeinde(nummer: int, zellen: list, kennzeichen: str) -> Datensatz:
    if kennzeichen not in GEMEINDE_TYPEN:
        raise ValueError(
            _("Unbekanntes Textkennzeichen „%(tk)s“ für eine Gemeinde.") % {"tk": kennzeichen}
        )
    typ, gemeindefrei = GEMEINDE_TYPEN[kennzeichen]
    kreis = _kreisschluessel(zellen)
    ags, name = kreis + schluessel(zellen[6], 3), text(zellen[7])
    return Datensatz(
        zeile=nummer,
        ags=ags,
        typ=typ,
        name=name,
        bundesland=_bundesland(ags),
        kreis_ags=None if typ == KommuneTyp.KREISFREIE_STADT else kreis,
        einwohner=ganzzahl(zellen[9]) or 0,
        anzeigename=anzeigename_aus(name),
        weitere=_gemeindefelder(zellen, gemeindefrei),
    )


def _gemeindefelder(zellen: list, gemeindefrei: bool) -> dict:
    laenge, breite = dezimal_koordinate(zellen[14]), dezimal_koordinate(zellen[15])
    if not laenge and not breite:  # 0/0 marks areas without a seat
        laenge = breite = None
    verstaedterung = ganzzahl(zellen[18])
    return {
        "flaeche_km2": dezimal(zellen[8]),
        "postleitzahl": schluessel(zellen[13], 5),
        "laengengrad": laenge,
        "breitengrad": breite,
        "verstaedterung": verstaedterung if verstaedterung in (1, 2, 3) else None,
        "gemeindefrei": gemeindefrei,
    }


def dezimal_koordinate(wert: object) -> float | None:
    """A coordinate from "9,43751" (decimal comma), "9.43751" or a number cell."""
    if isinstance(wert, int | float) and not isinstance(wert, bool):
        return float(wert)
    ziffern = text(wert).replace(",", ".")
    if not ziffern:
        return None
    try:
        return float(ziffern)
    except ValueError:
        raise ValueError(_("„%(wert)s“ ist keine Koordinate.") % {"wert": text(wert)}) from None


def _kreise_zuordnen(datensaetze: list[Datensatz], kreisfrei: set[str]) -> None:
    """A Gemeinde in the area of a kreisfreie Stadt or without a Kreis (key 00) has no Kreis."""
    for datensatz in datensaetze:
        kreis = datensatz.kreis_ags
        if kreis and (kreis in kreisfrei or kreis[3:5] == "00"):
            datensatz.kreis_ags = None
