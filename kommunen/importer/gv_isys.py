"""Records of the Destatis GV-ISys extract (Gemeindeverzeichnis).

Columns by position, the same in the CSV and the XLSX file: satzart, textkennzeichen, land, rb,
kreis, vb, gemeinde, gemeindename, flaeche, bevoelkerung, maennlich, weiblich, jekm2,
postleitzahl, laengengrad, breitengrad, schluessel, bezeichnung, verstaedterungschluessel, ...
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from kommunen.models.register import Bundesland, KommuneTyp, anzeigename_from

from .records import (
    EXTRA_FIELDS,
    ErrorList,
    Record,
    parse_decimal,
    parse_int,
    parse_key,
    parse_text,
)

COLUMN_COUNT = 20
SATZARTEN = {"10", "20", "30", "40", "50", "60"}
KREISFREI_TEXTKENNZEICHEN = {"41", "42"}
KREIS_PREFIXES = {"43": "Kreis ", "44": "Landkreis ", "45": ""}
KREIS_WORDS = ("kreis", "region", "regionalverband", "städteregion")

# textkennzeichen of a Satzart-60 record → (typ, gemeindefrei)
GEMEINDE_TYPES = {
    "60": (KommuneTyp.GEMEINDE, False),
    "61": (KommuneTyp.KREISFREIE_STADT, False),
    "62": (KommuneTyp.KREISFREIE_STADT, False),
    "63": (KommuneTyp.STADT, False),
    "64": (KommuneTyp.GEMEINDE, False),
    "65": (KommuneTyp.GEMEINDE, True),
    "66": (KommuneTyp.GEMEINDE, True),
    "67": (KommuneTyp.STADT, False),
}


def is_record_row(cells: list) -> bool:
    """A record line starts with a Satzart and a numeric Land key; title and header rows do not."""
    if len(cells) < 8:
        return False
    try:
        return parse_key(cells[0], 2) in SATZARTEN and parse_key(cells[2], 2) != ""
    except ValueError:
        return False


def parse_rows(rows: Iterable[tuple[int, list]]) -> tuple[list[Record], ErrorList]:
    """Turn (line number, cells) pairs into Records; rows that are not records are skipped."""
    records, errors = [], ErrorList()
    kreisfrei_kreise: set[str] = set()
    for line, cells in rows:
        if not is_record_row(cells):
            continue
        cells = list(cells) + [None] * (COLUMN_COUNT - len(cells))
        try:
            record = _record(line, cells, kreisfrei_kreise)
        except ValueError as exc:
            errors.report(line, str(exc))
            continue
        if record:
            records.append(record)
    _assign_kreise(records, kreisfrei_kreise)
    return records, errors


def _record(line: int, cells: list, kreisfrei_kreise: set[str]) -> Record | None:
    satzart, textkennzeichen = parse_key(cells[0], 2), parse_key(cells[1], 2)
    if satzart == "40" and textkennzeichen in KREISFREI_TEXTKENNZEICHEN:
        kreisfrei_kreise.add(_kreis_ags(cells))  # represented by its Satzart-60 record
        return None
    if satzart == "40":
        return _kreis_record(line, cells, textkennzeichen)
    if satzart == "60":
        return _gemeinde_record(line, cells, textkennzeichen)
    return None


def _kreis_ags(cells: list) -> str:
    return parse_key(cells[2], 2) + parse_key(cells[3], 1) + parse_key(cells[4], 2)


def _bundesland(ags: str) -> str:
    land_key = ags[:2]
    return Bundesland.from_land_key(land_key).value if "01" <= land_key <= "16" else land_key


def _kreis_record(line: int, cells: list, textkennzeichen: str) -> Record:
    if textkennzeichen not in KREIS_PREFIXES:
        raise ValueError(
            _("Unbekanntes Textkennzeichen „%(tk)s“ für einen Kreis.") % {"tk": textkennzeichen}
        )
    ags, name = _kreis_ags(cells), parse_text(cells[7])
    extra = dict.fromkeys(EXTRA_FIELDS) | {"postleitzahl": "", "gemeindefrei": False}
    return Record(
        line=line,
        ags=ags,
        typ=KommuneTyp.LANDKREIS,
        name=name,
        bundesland=_bundesland(ags),
        anzeigename=kreis_anzeigename(name, textkennzeichen),
        extra=extra,
    )


def kreis_anzeigename(name: str, textkennzeichen: str) -> str:
    """ "Dithmarschen" (43) → "Kreis Dithmarschen"; names that already say Kreis or Region stay."""
    short = anzeigename_from(name)
    if any(word in short.lower() for word in KREIS_WORDS):
        return short
    return KREIS_PREFIXES.get(textkennzeichen, "") + short


def _gemeinde_record(line: int, cells: list, textkennzeichen: str) -> Record:
    if textkennzeichen not in GEMEINDE_TYPES:
        raise ValueError(
            _("Unbekanntes Textkennzeichen „%(tk)s“ für eine Gemeinde.") % {"tk": textkennzeichen}
        )
    typ, gemeindefrei = GEMEINDE_TYPES[textkennzeichen]
    kreis = _kreis_ags(cells)
    ags, name = kreis + parse_key(cells[6], 3), parse_text(cells[7])
    return Record(
        line=line,
        ags=ags,
        typ=typ,
        name=name,
        bundesland=_bundesland(ags),
        kreis_ags=None if typ == KommuneTyp.KREISFREIE_STADT else kreis,
        einwohner=parse_int(cells[9]) or 0,
        anzeigename=anzeigename_from(name),
        extra=_gemeinde_extra_fields(cells, gemeindefrei),
    )


def _gemeinde_extra_fields(cells: list, gemeindefrei: bool) -> dict:
    longitude, latitude = parse_coordinate(cells[14]), parse_coordinate(cells[15])
    if not longitude and not latitude:  # 0/0 marks areas without a seat
        longitude = latitude = None
    verstaedterung = parse_int(cells[18])
    return {
        "flaeche_km2": parse_decimal(cells[8]),
        "postleitzahl": parse_key(cells[13], 5),
        "laengengrad": longitude,
        "breitengrad": latitude,
        "verstaedterung": verstaedterung if verstaedterung in (1, 2, 3) else None,
        "gemeindefrei": gemeindefrei,
    }


def parse_coordinate(value: object) -> float | None:
    """A coordinate from "9,43751" (decimal comma), "9.43751" or a number cell."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    digits = parse_text(value).replace(",", ".")
    if not digits:
        return None
    try:
        return float(digits)
    except ValueError:
        raise ValueError(
            _("„%(wert)s“ ist keine Koordinate.") % {"wert": parse_text(value)}
        ) from None


def _assign_kreise(records: list[Record], kreisfrei_kreise: set[str]) -> None:
    """A Gemeinde in the area of a kreisfreie Stadt or without a Kreis (key 00) has no Kreis."""
    for record in records:
        kreis = record.kreis_ags
        if kreis and (kreis in kreisfrei_kreise or kreis[3:5] == "00"):
            record.kreis_ags = None
