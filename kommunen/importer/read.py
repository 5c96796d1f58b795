"""Recognise the file format from the content and read it into Datensätze."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from . import exchange_csv, gv_isys
from .records import Datensatz, Fehlerliste, Fortschritt, ImportFehler, mit_fortschritt
from .xlsx import xlsx_zeilen

ZIP_ANFANG = b"PK\x03\x04"
PROBEZEILEN = 30


@dataclass
class Auszug:
    """What a file holds: its format, the parsed Datensätze and the lines that could not be read."""

    art: str
    datensaetze: list[Datensatz]
    fehler: Fehlerliste


def lies_datei(pfad: Path, fortschritt: Fortschritt) -> Auszug:
    """Read a GV-ISys extract (CSV or XLSX) or an exchange CSV, whatever its file name says."""
    if _anfang(pfad) == ZIP_ANFANG:
        fortschritt(_("Lese %(datei)s (GV-ISys-Auszug, XLSX) …") % {"datei": pfad.name})
        zeilen = mit_fortschritt(xlsx_zeilen(pfad), fortschritt, _("Zeilen gelesen"))
        return Auszug(_("GV-ISys-Auszug (XLSX)"), *gv_isys.lies_gv_isys(zeilen))
    return _lies_csv(pfad, _csv_text(pfad), fortschritt)


def _anfang(pfad: Path) -> bytes:
    try:
        with pfad.open("rb") as datei:
            return datei.read(len(ZIP_ANFANG))
    except OSError as exc:
        raise ImportFehler(
            _("Die Datei „%(datei)s“ kann nicht gelesen werden: %(grund)s.")
            % {"datei": pfad, "grund": _lesefehler(exc)}
        ) from None


def _lesefehler(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("sie existiert nicht")
    if isinstance(exc, IsADirectoryError):
        return _("das ist ein Ordner")
    if isinstance(exc, PermissionError):
        return _("keine Leseberechtigung")
    return exc.strerror or str(exc)


def _csv_text(pfad: Path) -> str:
    rohdaten = pfad.read_bytes()
    for kodierung in ("utf-8-sig", "cp1252"):
        try:
            return rohdaten.decode(kodierung)
        except UnicodeDecodeError:
            continue
    raise ImportFehler(_("„%(datei)s“ ist keine Textdatei in UTF-8.") % {"datei": pfad.name})


def _lies_csv(pfad: Path, inhalt: str, fortschritt: Fortschritt) -> Auszug:
    kopf = inhalt.lstrip().split("\n", 1)[0]
    trenner = ";" if kopf.count(";") > kopf.count(",") else ","
    zeilen = list(_csv_zeilen(inhalt, trenner))
    if zeilen and exchange_csv.ist_kopfzeile(zeilen[0][1]):
        fortschritt(_("Lese %(datei)s (Austauschformat, CSV) …") % {"datei": pfad.name})
        gelesen = mit_fortschritt(zeilen[1:], fortschritt, _("Zeilen gelesen"))
        return Auszug(_("Austauschformat (CSV)"), *exchange_csv.lies_austausch(gelesen))
    if any(gv_isys.ist_datenzeile(zellen) for _nummer, zellen in zeilen[:PROBEZEILEN]):
        fortschritt(_("Lese %(datei)s (GV-ISys-Auszug, CSV) …") % {"datei": pfad.name})
        gelesen = mit_fortschritt(zeilen, fortschritt, _("Zeilen gelesen"))
        return Auszug(_("GV-ISys-Auszug (CSV)"), *gv_isys.lies_gv_isys(gelesen))
    raise ImportFehler(
        _(
            "„%(datei)s“ hat kein bekanntes Format: erwartet wird ein GV-ISys-Auszug von Destatis "
            "(CSV oder XLSX) oder eine CSV-Datei im Austauschformat mit der Kopfzeile "
            "„ags,name,typ,einwohner,bundesland,kreis_ags“."
        )
        % {"datei": pfad.name}
    )


def _csv_zeilen(inhalt: str, trenner: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells); the number is that of the record's first line in the file."""
    leser = csv.reader(io.StringIO(inhalt, newline=""), delimiter=trenner)
    nummer = 1
    try:
        for zellen in leser:
            if any(zelle.strip() for zelle in zellen):
                yield nummer, zellen
            nummer = leser.line_num + 1
    except csv.Error as exc:
        raise ImportFehler(
            _("Zeile %(zeile)d: die CSV-Datei ist beschädigt (%(grund)s).")
            % {"zeile": nummer, "grund": exc}
        ) from None
