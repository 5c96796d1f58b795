"""The Kreis overview as CSV for German spreadsheets and as the JSON answer of the API."""

import csv
import io

from django.utils.text import slugify
from django.utils.translation import gettext as _

from kommunen.models.register import Kommune

from .data import STRUCTURES, KreisOverview, OverviewRow

# Excel reads a file as UTF-8 only with the byte order mark, and splits columns at ";" where
# the decimal separator is a comma.
BOM = "\ufeff"
DELIMITER = ";"
# Cells a spreadsheet would run as a formula (CSV injection); prefixed with an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def structure_word(value: bool | None) -> str:
    """A cell of the structures matrix in words: "ja", "nein" or "keine Angabe"."""
    if value is None:
        return _("keine Angabe")
    return _("ja") if value else _("nein")


def groessenklasse_name(kommune: Kommune) -> str:
    """The Größenklasse without its range: "Kleinstadt"."""
    return str(kommune.get_groessenklasse_display()).split(" (", 1)[0]


def structures_table(overview: KreisOverview) -> list[list[str]]:
    """Header and one line per Gemeinde, the Kreis's own line last."""
    header = [
        _("AGS"),
        _("Kommune"),
        _("Größenklasse"),
        _("Einwohner"),
        _("Profil"),
        *(str(structure.label) for structure in STRUCTURES),
    ]
    return [header, *(_structures_line(row) for row in [*overview.rows, overview.kreis_row])]


def _structures_line(row: OverviewRow) -> list[str]:
    kommune = row.kommune
    return [
        kommune.ags,
        kommune.anzeigename,
        groessenklasse_name(kommune),
        str(kommune.einwohner),
        _("ja") if row.has_profile else _("nein"),
        *(structure_word(row.structures[structure.key]) for structure in STRUCTURES),
    ]


def entries_table(overview: KreisOverview) -> list[list[str]]:
    """Header and one line per Gemeinde (all of the register), the Kreis's own entries last."""
    header = [
        _("AGS"),
        _("Kommune"),
        *(column.name for column in overview.handlungsfelder),
        _("Praxisbeispiele insgesamt"),
    ]
    lines = [
        [
            row.kommune.ags,
            row.kommune.anzeigename,
            *map(str, row.entry_cells),
            str(row.entries_total),
        ]
        for row in [*overview.rows, overview.kreis_row]
    ]
    return [header, *lines]


def csv_text(table: list[list[str]]) -> str:
    """The table as CSV for German Excel: BOM, ";" between cells, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerows([[_safe_cell(cell) for cell in line] for line in table])
    return BOM + out.getvalue()


def _safe_cell(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_filename(kreis: Kommune, part: str) -> str:
    """An ASCII file name: "01062-kreis-stormarn-strukturen.csv"."""
    name = slugify(kreis.anzeigename.translate(UMLAUTS)) or "kreis"
    return f"{kreis.ags}-{name}-{part}.csv"


def overview_as_dict(overview: KreisOverview) -> dict:
    """The JSON answer of /api/v1/kreise/<AGS>/uebersicht/ (schema: kommunen/api.py)."""
    kreis_row = overview.kreis_row
    profile_url = kreis_row.profile_full_url
    return {
        "kreis": {
            "ags": overview.kreis.ags,
            "name": overview.kreis.anzeigename,
            "profil_url": profile_url,
            "uebersicht_url": f"{profile_url}uebersicht/" if profile_url else None,
            "strukturen": kreis_row.structures,
            "praxis_je_handlungsfeld": kreis_row.entries,
            "praxis_gesamt": kreis_row.entries_total,
        },
        "kommunen": [_row_as_dict(row) for row in overview.rows],
        "handlungsfelder": [
            {"slug": column.slug, "name": column.name, "anzahl": overview.totals[column.slug]}
            for column in overview.handlungsfelder
        ],
        "praxis_gesamt": overview.entries_total,
        "aktivitaet": [
            {
                "datum": item.when,
                "art": item.kind,
                "titel": item.title,
                "kommune": item.kommune,
                "url": item.full_url,
                "erstveroeffentlichung": item.first_publication,
            }
            for item in overview.activity
        ],
        "luecken": overview.gaps,
    }


def _row_as_dict(row: OverviewRow) -> dict:
    return {
        "ags": row.kommune.ags,
        "name": row.kommune.anzeigename,
        "groessenklasse": row.kommune.groessenklasse,
        "einwohner": row.kommune.einwohner,
        "profil_url": row.profile_full_url,
        "strukturen": row.structures,
        "praxis_je_handlungsfeld": row.entries,
        "praxis_gesamt": row.entries_total,
    }
