"""Records of the CSV exchange format (`ags,name,typ,einwohner,bundesland,kreis_ags`)."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .records import ErrorList, Record, parse_int

COLUMNS = ("ags", "name", "typ", "einwohner", "bundesland", "kreis_ags")


def is_header(cells: list[str]) -> bool:
    """Whether a header line announces the exchange format."""
    return [cell.strip().lower() for cell in cells[: len(COLUMNS)]] == list(COLUMNS)


def parse_rows(rows: Iterable[tuple[int, list[str]]]) -> tuple[list[Record], ErrorList]:
    """Turn (line number, cells) pairs after the header into Records."""
    records, errors = [], ErrorList()
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(COLUMNS):
            errors.report(
                line,
                _("Erwartet werden %(soll)d Spalten, gefunden %(ist)d.")
                % {"soll": len(COLUMNS), "ist": len(cells)},
            )
            continue
        try:
            records.append(_record(line, [cell.strip() for cell in cells]))
        except ValueError as exc:
            errors.report(line, str(exc))
    return records, errors


def _record(line: int, cells: list[str]) -> Record:
    ags, name, typ, einwohner, bundesland, kreis_ags = cells
    if not name:
        raise ValueError(_("Der Name fehlt."))
    return Record(
        line=line,
        ags=ags,
        typ=typ,
        name=name,
        bundesland=bundesland.upper(),
        kreis_ags=kreis_ags or None,
        einwohner=parse_int(einwohner),
        # None: keep a display name edited on the platform while the official name is unchanged
        anzeigename=None,
    )
