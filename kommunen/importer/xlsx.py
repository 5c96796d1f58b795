"""Rows of the GV-ISys extract as published by Destatis in XLSX (title rows before the data).

The values are the ones the file stores. A formula that no spreadsheet program has calculated
yet (a file written by a script, say) has none, so a file with such cells is refused by name
instead of being read as empty cells.
"""

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .gv_isys import is_record_row
from .records import RegisterImportError, format_count

SAMPLE_ROWS = 60
CELLS_SHOWN = 10
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    """(row number, cell values) of the worksheet holding the register records.

    Raises RegisterImportError after the last row if formula cells had no calculated value."""
    file = path.open("rb")  # a file object: openpyxl would refuse a path not ending in .xlsx
    workbook = _open(file, path, data_only=True)
    try:
        index = _record_sheet_index(workbook)
        formulas = _formula_cells(path, index) if _has_formulas(path) else {}
        uncalculated = []
        for number, values in _rows(workbook.worksheets[index]):
            uncalculated += _without_value(number, values, formulas.get(number, ()))
            yield number, values
    except UNREADABLE:
        raise _unreadable(path) from None
    finally:
        workbook.close()
        file.close()
    if uncalculated:
        raise RegisterImportError(_uncalculated_message(uncalculated))


def _without_value(number: int, values: list, formula_columns) -> list[str]:
    """The names (J12) of this row's formula cells that hold no calculated value."""
    return [
        f"{get_column_letter(column + 1)}{number}"
        for column in formula_columns
        if column >= len(values) or values[column] is None
    ]


# SyntaxError: the XML parsers' errors (ElementTree's ParseError, lxml's XMLSyntaxError), e.g.
# for a character XML cannot hold such as NUL.
UNREADABLE = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError)


def _unreadable(path: Path) -> RegisterImportError:
    return RegisterImportError(
        _("„%(datei)s“ ist keine lesbare XLSX-Datei (beschädigt oder keine Arbeitsmappe).")
        % {"datei": path.name}
    )


def _open(file, path: Path, data_only: bool) -> openpyxl.Workbook:
    try:
        return openpyxl.load_workbook(file, read_only=True, data_only=data_only)
    except UNREADABLE:
        file.close()
        raise _unreadable(path) from None


def _rows(sheet) -> Iterator[tuple[int, list]]:
    sheet.reset_dimensions()  # some writers store a wrong sheet size
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(values)


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula; cheap, so the common case is read only once."""
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return any(FORMULA_ELEMENT.search(archive.read(name)) for name in sheets)


def _formula_cells(path: Path, index: int) -> dict[int, list[int]]:
    """Row number → the 0-based columns of that row's formula cells, in the given sheet."""
    with path.open("rb") as file:
        workbook = _open(file, path, data_only=False)
        try:
            cells: dict[int, list[int]] = {}
            for number, values in _rows(workbook.worksheets[index]):
                columns = [i for i, v in enumerate(values) if isinstance(v, str) and v[:1] == "="]
                if columns:
                    cells[number] = columns
            return cells
        finally:
            workbook.close()


def _uncalculated_message(cells: list[str]) -> str:
    shown = ", ".join(cells[:CELLS_SHOWN]) + (" …" if len(cells) > CELLS_SHOWN else "")
    message = ngettext(
        "Die Zelle %(zellen)s enthält eine Formel ohne berechneten Wert",
        "Die Zellen %(zellen)s (%(n)s Zellen) enthalten Formeln ohne berechneten Wert",
        len(cells),
    ) % {"zellen": shown, "n": format_count(len(cells))}
    return message + _(
        "; bitte die Datei in Excel oder LibreOffice öffnen, speichern und erneut importieren. "
        "Nichts wurde geschrieben."
    )


def _record_sheet_index(workbook: openpyxl.Workbook) -> int:
    """The sheet with the most record rows near its top (Destatis adds title and notes sheets)."""
    counts = [(_record_rows_at_top(sheet), index) for index, sheet in enumerate(workbook)]
    count, index = max(counts, default=(0, 0))
    if not count:
        raise RegisterImportError(
            _("Die XLSX-Datei enthält keine Zeilen eines GV-ISys-Auszugs (Satzart, Land, …).")
        )
    return index


def _record_rows_at_top(sheet) -> int:
    count = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > SAMPLE_ROWS:
            break
        count += is_record_row(list(values))
    return count
