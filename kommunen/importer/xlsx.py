"""Rows of the GV-ISys extract as published by Destatis in XLSX (title rows before the data)."""

import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .gv_isys import is_record_row
from .records import RegisterImportError

SAMPLE_ROWS = 60


def xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    """(row number, cell values) of the worksheet holding the register records."""
    file = path.open("rb")  # a file object: openpyxl would refuse a path not ending in .xlsx
    try:
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        file.close()
        raise RegisterImportError(
            _("„%(datei)s“ ist keine lesbare XLSX-Datei (beschädigt oder keine Arbeitsmappe).")
            % {"datei": path.name}
        ) from None
    try:
        sheet = _record_sheet(workbook)
        sheet.reset_dimensions()  # some writers store a wrong sheet size
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        workbook.close()
        file.close()


def _record_sheet(workbook: openpyxl.Workbook):
    """The sheet with the most record rows near its top (Destatis adds title and notes sheets)."""
    counts = [(_record_rows_at_top(sheet), index) for index, sheet in enumerate(workbook)]
    count, index = max(counts, default=(0, 0))
    if not count:
        raise RegisterImportError(
            _("Die XLSX-Datei enthält keine Zeilen eines GV-ISys-Auszugs (Satzart, Land, …).")
        )
    return workbook.worksheets[index]


def _record_rows_at_top(sheet) -> int:
    count = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > SAMPLE_ROWS:
            break
        count += is_record_row(list(values))
    return count
