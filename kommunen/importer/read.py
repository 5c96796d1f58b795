"""Recognise the file format from the content and read it into Records."""

import csv
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from . import exchange_csv, gv_isys
from .records import ErrorList, Progress, Record, RegisterImportError, with_progress
from .xlsx import xlsx_rows

ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
# The register is about 2 MB as CSV; a compressed file that unpacks beyond this is refused
# instead of filling the memory (a decompression bomb).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
SAMPLE_LINES = 30


@dataclass
class ParsedFile:
    """What a file holds: its format, the parsed Records and the lines that could not be read."""

    format_name: str
    records: list[Record]
    errors: ErrorList


def read_file(path: Path, progress: Progress) -> ParsedFile:
    """Read a GV-ISys extract (CSV or XLSX) or an exchange CSV, whatever its file name says."""
    if _first_bytes(path) == ZIP_MAGIC:
        progress(_("Lese %(datei)s (GV-ISys-Auszug, XLSX) …") % {"datei": path.name})
        rows = with_progress(xlsx_rows(path), progress, _("Zeilen gelesen"))
        return ParsedFile(_("GV-ISys-Auszug (XLSX)"), *gv_isys.parse_rows(rows))
    return _read_csv(path, _decode(path), progress)


def _first_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(len(ZIP_MAGIC))
    except OSError as exc:
        raise RegisterImportError(
            _("Die Datei „%(datei)s“ kann nicht gelesen werden: %(grund)s.")
            % {"datei": path, "grund": _read_error_reason(exc)}
        ) from None


def _read_error_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("sie existiert nicht")
    if isinstance(exc, IsADirectoryError):
        return _("das ist ein Ordner")
    if isinstance(exc, PermissionError):
        return _("keine Leseberechtigung")
    return exc.strerror or str(exc)


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(GZIP_MAGIC):
        raw = _gunzip(raw, path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RegisterImportError(_("„%(datei)s“ ist keine Textdatei in UTF-8.") % {"datei": path.name})


def _gunzip(raw: bytes, path: Path) -> bytes:
    """The content of a gzip-compressed CSV (the register the project ships is one)."""
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        content = unpacker.decompress(raw, MAX_UNPACKED_BYTES)
    except zlib.error:
        raise RegisterImportError(
            _("„%(datei)s“ ist als gzip gepackt, aber beschädigt.") % {"datei": path.name}
        ) from None
    if unpacker.unconsumed_tail:
        raise RegisterImportError(
            _("„%(datei)s“ ist entpackt größer als %(mb)d MB und wird nicht gelesen.")
            % {"datei": path.name, "mb": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    if not unpacker.eof:
        raise RegisterImportError(
            _("„%(datei)s“ ist als gzip gepackt, aber unvollständig.") % {"datei": path.name}
        )
    return content


def _read_csv(path: Path, content: str, progress: Progress) -> ParsedFile:
    first_line = content.lstrip().split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(_csv_rows(content, delimiter))
    if rows and exchange_csv.is_header(rows[0][1]):
        progress(_("Lese %(datei)s (Austauschformat, CSV) …") % {"datei": path.name})
        read = with_progress(rows[1:], progress, _("Zeilen gelesen"))
        return ParsedFile(_("Austauschformat (CSV)"), *exchange_csv.parse_rows(read))
    if any(gv_isys.is_record_row(cells) for _line, cells in rows[:SAMPLE_LINES]):
        progress(_("Lese %(datei)s (GV-ISys-Auszug, CSV) …") % {"datei": path.name})
        read = with_progress(rows, progress, _("Zeilen gelesen"))
        return ParsedFile(_("GV-ISys-Auszug (CSV)"), *gv_isys.parse_rows(read))
    raise RegisterImportError(
        _(
            "„%(datei)s“ hat kein bekanntes Format: erwartet wird ein GV-ISys-Auszug von Destatis "
            "(CSV oder XLSX) oder eine CSV-Datei im Austauschformat mit der Kopfzeile "
            "„ags,name,typ,einwohner,bundesland,kreis_ags“."
        )
        % {"datei": path.name}
    )


def _csv_rows(content: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells); the number is that of the record's first line in the file."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise RegisterImportError(
            _("Zeile %(zeile)d: die CSV-Datei ist beschädigt (%(grund)s).")
            % {"zeile": line, "grund": exc}
        ) from None
