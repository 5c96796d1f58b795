"""Register files that are wrong in ways a database notices only too late, or not at all.

Each is refused with a line-numbered German message before anything is written. PostgreSQL
refuses NUL characters and values beyond its integer range; SQLite stores them, so these tests
matter most in the PostgreSQL CI job, where they run like every other test.
"""

import gzip
import zipfile
from pathlib import Path

from django.core.management.base import CommandError
from django.db import DataError

import pytest

from kommunen.importer import RegisterImportError, import_kommunen, read
from kommunen.models import Kommune

from .test_import_kommunen import STORMARN, exchange_file, gv_rows, run_import, write_xlsx

pytestmark = pytest.mark.django_db

BAD_LINES = {
    "gemeinde_without_kreis": (
        "01062005,Barsbüttel,gemeinde,13500,SH,",
        "braucht den Kreisschlüssel (kreis_ags), hier 01062",
    ),
    "stadt_without_kreis": ("01062005,Barsbüttel,stadt,13500,SH,", "braucht den Kreisschlüssel"),
    "einwohner_beyond_integer_range": (
        "01062005,Barsbüttel,gemeinde,3000000000,SH,01062",
        "Die Einwohnerzahl 3.000.000.000 ist zu groß (höchstens 2.147.483.647).",
    ),
    "einwohner_5000_digits": (
        "01062005,Barsbüttel,gemeinde," + "9" * 5000 + ",SH,01062",
        "hat zu viele Ziffern",
    ),
    "nul_in_name": (
        "01062005,Bars\x00büttel,gemeinde,13500,SH,01062",
        "Der Name enthält ein Steuerzeichen (U+0000)",
    ),
    "name_too_long": (
        "01062005," + "A" * 201 + ",gemeinde,13500,SH,01062",
        "länger als 200 Zeichen",
    ),
}


@pytest.mark.parametrize("line,reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_exchange_line_is_refused_before_anything_is_written(tmp_path, line, reason):
    path = exchange_file(tmp_path, STORMARN[0], line, *STORMARN[1:])
    with pytest.raises(CommandError) as exc_info:
        run_import(path)
    message = str(exc_info.value)
    assert "nichts wurde geschrieben" in message
    assert "Zeile 3:" in message
    assert reason in message
    assert not Kommune.objects.exists()


def _gv_lines_with(column: int, value: str, row: int = 3) -> list[list[str]]:
    lines = gv_rows()[1:]
    lines[row][column] = value  # row 3: Flensburg's Satzart-60 record
    return lines


GV_CSV_HEADER = (
    "satzart,textkennzeichen,land,rb,kreis,vb,gemeinde,gemeindename,flaeche,bevoelkerung,"
    "maennlich,weiblich,jekm2,postleitzahl,laengengrad,breitengrad"
)

GV_BAD_VALUES = {
    "flaeche_beyond_the_column": (
        8,
        "123456789,5",
        "Die Fläche 123.456.789,50 km² ist zu groß (höchstens 9.999.999,99 km²)",
    ),
    "postleitzahl_too_long": (13, "249370", "„249370“ ist keine Postleitzahl"),
    "coordinate_not_finite": (14, "nan", "„nan“ ist keine Koordinate"),
    "coordinate_out_of_range": (
        15,
        "540,5",
        "„540,5“ ist keine Koordinate (Breitengrad zwischen -90 und 90)",
    ),
    "population_beyond_integer_range": (9, "3 000 000 000", "ist zu groß"),
}


@pytest.mark.parametrize("column,value,reason", GV_BAD_VALUES.values(), ids=GV_BAD_VALUES.keys())
def test_a_bad_gv_isys_value_is_refused_with_its_line(tmp_path, column, value, reason):
    path = tmp_path / "auszug.csv"
    lines = _gv_lines_with(column, value)
    path.write_text(
        "\n".join([GV_CSV_HEADER, *(",".join(f'"{c}"' for c in cells) for cells in lines)]),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as exc_info:
        run_import(path)
    assert "Zeile 5:" in str(exc_info.value) and reason in str(exc_info.value)
    assert not Kommune.objects.exists()


def test_xlsx_with_uncalculated_formulas_names_the_cells(tmp_path):
    lines = gv_rows()[1:]
    sheet_rows = [n for n, cells in enumerate(lines, start=6) if cells[0] == "60"]
    for n, cells in enumerate(lines, start=6):
        if cells[0] == "60":
            cells[9] = f"=K{n}+L{n}"  # population = male + female, never calculated
    path = write_xlsx(tmp_path / "AuszugGV.xlsx", lines)
    with pytest.raises(CommandError) as exc_info:
        run_import(path)
    message = str(exc_info.value)
    assert f"Zellen J{sheet_rows[0]}, J{sheet_rows[1]}" in message
    assert f"({len(sheet_rows)} Zellen)" in message
    assert "enthalten Formeln ohne berechneten Wert" in message
    assert "in Excel oder LibreOffice öffnen, speichern und erneut importieren" in message
    assert not Kommune.objects.exists()


def test_xlsx_population_beyond_the_integer_range_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "AuszugGV.xlsx", _gv_lines_with(9, "3000000000"))
    with pytest.raises(CommandError) as exc_info:
        run_import(path)
    assert "Zeile 9: Die Einwohnerzahl 3.000.000.000 ist zu groß" in str(exc_info.value)
    assert not Kommune.objects.exists()


def test_xlsx_with_a_character_xml_cannot_hold_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "AuszugGV.xlsx", gv_rows()[1:])
    broken = tmp_path / "kaputt.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename).replace(b"Attendorn", b"Atten&#0;dorn")
            target.writestr(item, data)
    with pytest.raises(CommandError) as exc_info:
        run_import(broken)
    assert "„kaputt.xlsx“ ist keine lesbare XLSX-Datei" in str(exc_info.value)
    assert not Kommune.objects.exists()


def test_what_the_database_still_refuses_ends_in_a_german_message(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise DataError("value too long for type character varying(5)")

    monkeypatch.setattr("kommunen.importer.write_records", refuse)
    with pytest.raises(CommandError) as exc_info:
        run_import(exchange_file(tmp_path, *STORMARN))
    assert "Die Datenbank hat die Daten abgelehnt, nichts wurde geschrieben" in str(exc_info.value)


# --- gzip-compressed files (the shipped register is one) -------------------------------------

PLAIN_EXTRACT = Path(__file__).parent / "dateien" / "gv_isys_auszug.csv"


def test_a_gzip_compressed_extract_imports_like_the_plain_one(tmp_path):
    packed = tmp_path / "auszug.csv.gz"
    packed.write_bytes(gzip.compress(PLAIN_EXTRACT.read_bytes()))
    first = import_kommunen(packed)
    assert first.summary_line().count(" neu,") == 1 and Kommune.objects.exists()
    assert " 0 neu, 0 aktualisiert" in import_kommunen(PLAIN_EXTRACT).summary_line()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda raw: raw[: len(raw) // 2], "gzip gepackt, aber unvollständig"),
        (lambda raw: raw[:10] + b"\x00" * 40 + raw[50:], "gzip gepackt, aber beschädigt"),
    ],
    ids=["truncated", "corrupted"],
)
def test_a_broken_gzip_file_is_refused_in_german(tmp_path, content, message):
    packed = tmp_path / "auszug.csv.gz"
    packed.write_bytes(content(gzip.compress(PLAIN_EXTRACT.read_bytes())))
    with pytest.raises(RegisterImportError, match=message):
        import_kommunen(packed)
    assert not Kommune.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_fills_the_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_UNPACKED_BYTES", 1024 * 1024)
    bomb = tmp_path / "bombe.csv.gz"
    bomb.write_bytes(gzip.compress(b"a" * (5 * 1024 * 1024)))  # 5 KB packed, 5 MB unpacked
    with pytest.raises(RegisterImportError, match="entpackt größer als 1 MB"):
        import_kommunen(bomb)
