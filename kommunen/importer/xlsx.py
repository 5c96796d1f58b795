"""Rows of the GV-ISys extract as published by Destatis in XLSX (title rows before the data)."""

import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .gv_isys import ist_datenzeile
from .records import ImportFehler

PROBEZEILEN = 60


def xlsx_zeilen(pfad: Path) -> Iterator[tuple[int, list]]:
    """(row number, cell values) of the worksheet holding the register records."""
    datei = pfad.open("rb")  # a file object: openpyxl would refuse a path not ending in .xlsx
    try:
        mappe = openpyxl.load_workbook(datei, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        datei.close()
        raise ImportFehler(
            _("„%(datei)s“ ist keine lesbare XLSX-Datei (beschädigt oder keine Arbeitsmappe).")
            % {"datei": pfad.name}
        ) from None
    try:
        blatt = _datenblatt(mappe)
        blatt.reset_dimensions()  # some writers store a wrong sheet size
        for nummer, werte in enumerate(blatt.iter_rows(values_only=True), start=1):
            yield nummer, list(werte)
    finally:
        mappe.close()
        datei.close()


def _datenblatt(mappe: openpyxl.Workbook):
    """The sheet with the most record rows near its top (Destatis adds title and notes sheets)."""
    treffer = [(_datenzeilen_am_anfang(blatt), index) for index, blatt in enumerate(mappe)]
    anzahl, index = max(treffer, default=(0, 0))
    if not anzahl:
        raise ImportFehler(
            _("Die XLSX-Datei enthält keine Zeilen eines GV-ISys-Auszugs (Satzart, Land, …).")
        )
    return mappe.worksheets[index]


def _datenzeilen_am_anfang(blatt) -> int:
    anzahl = 0
    for nummer, werte in enumerate(blatt.iter_rows(values_only=True), start=1):
        if nummer > PROBEZEILEN:
            break
        anzahl += ist_datenzeile(list(werte))
    return anzahl
