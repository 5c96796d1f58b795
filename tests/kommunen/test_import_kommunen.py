"""`manage.py import_kommunen`: exchange CSV, GV-ISys extract (CSV/XLSX), all-or-nothing upsert."""

import csv
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum

import openpyxl
import pytest

from kommunen.importer import SHIPPED_REGISTER
from kommunen.models import Kommune

FILES_DIR = Path(__file__).parent / "dateien"
GV_EXTRACT = FILES_DIR / "gv_isys_auszug.csv"
REPO = Path(__file__).resolve().parents[2]
HEADER = "ags,name,typ,einwohner,bundesland,kreis_ags"

pytestmark = pytest.mark.django_db


def run_import(path: Path | str, *options: str) -> str:
    """Run the command as an operator would and return what it printed."""
    output = StringIO()
    call_command("import_kommunen", str(path), *options, stdout=output)
    return output.getvalue()


def exchange_file(tmp_path: Path, *lines: str, name: str = "kommunen.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def kommune(ags: str) -> Kommune:
    return Kommune.objects.get(ags=ags)


STORMARN = [
    '01062001,"Ahrensburg, Stadt",stadt,33728,SH,01062',
    "01062004,Ammersbek,gemeinde,9876,SH,01062",
    "01062,Kreis Stormarn,landkreis,245000,SH,",  # the Kreis after its Gemeinden
    '01001000,"Flensburg, Stadt",kreisfreie_stadt,90164,SH,',
]


# --- exchange format -------------------------------------------------------------------------


def test_exchange_csv_creates_kommunen_with_kreis_after_its_gemeinden(tmp_path):
    output = run_import(exchange_file(tmp_path, *STORMARN))

    assert "3 Gemeinden, 1 Landkreis: 4 neu, 0 aktualisiert, 0 unverändert." in output
    ahrensburg = kommune("01062001")
    assert ahrensburg.kreis == kommune("01062")
    assert (ahrensburg.anzeigename, ahrensburg.typ) == ("Ahrensburg", "stadt")
    assert ahrensburg.groessenklasse == "mittelstadt"
    assert kommune("01062004").groessenklasse == "kleinstadt"
    assert kommune("01062").einwohner == 245_000  # the file's figure is kept
    assert kommune("01062").groessenklasse == "landkreis"
    assert kommune("01001000").kreis is None
    assert set(Kommune.objects.values_list("ags", flat=True)) == {
        "01062001",
        "01062004",
        "01062",
        "01001000",
    }


def test_exchange_csv_sums_kreis_einwohner_when_the_kreis_row_has_none(tmp_path):
    lines = [*STORMARN[:2], "01062,Kreis Stormarn,landkreis,,SH,"]
    run_import(exchange_file(tmp_path, *lines))
    assert kommune("01062").einwohner == 33_728 + 9_876


def test_exchange_csv_may_refer_to_a_kreis_already_in_the_database(tmp_path):
    run_import(exchange_file(tmp_path, STORMARN[2]))
    output = run_import(exchange_file(tmp_path, STORMARN[1], name="nachtrag.csv"))
    assert "1 Gemeinde, 0 Landkreise: 1 neu" in output
    assert kommune("01062004").kreis.ags == "01062"


BAD_LINES = {
    "ags_7_digits": ("0106200,Barsbüttel,gemeinde,13500,SH,01062", "kein gültiger Amtlicher"),
    "ags_with_letters": ("01062OO5,Barsbüttel,gemeinde,13500,SH,01062", "kein gültiger"),
    "land_17": ("17062005,Barsbüttel,gemeinde,13500,SH,", "kein gültiger Amtlicher"),
    "unknown_typ": ("01062005,Barsbüttel,dorf,13500,SH,01062", "Unbekannter Typ „dorf“"),
    "negative_einwohner": ("01062005,Barsbüttel,gemeinde,-5,SH,01062", "nicht negativ"),
    "einwohner_not_a_number": ("01062005,Barsbüttel,gemeinde,viele,SH,01062", "keine ganze Zahl"),
    "unknown_kreis": (
        "01099005,Barsbüttel,gemeinde,13500,SH,01099",
        "Kreis 01099 steht weder in der Datei noch in der Datenbank",
    ),
    "kreis_does_not_match": ("01063005,Barsbüttel,gemeinde,13500,SH,01062", "beginnt nicht mit"),
    "kreisfrei_with_kreis": ("01002000,Kiel,kreisfreie_stadt,246794,SH,01062", "keinem Kreis an"),
    "land_does_not_match": ("01062005,Barsbüttel,gemeinde,13500,BY,01062", "gehört nicht zu BY"),
    "unknown_land": ("01062005,Barsbüttel,gemeinde,13500,XX,01062", "Unbekanntes Bundesland"),
    "gemeinde_5_digits": ("01063,Barsbüttel,gemeinde,13500,SH,", "hat 8 Ziffern, nicht 5"),
    "kreis_8_digits": ("01063000,Kreis Muster,landkreis,1,SH,", "hat 5 Ziffern, nicht 8"),
    "columns_missing": ("01062005,Barsbüttel,gemeinde", "Erwartet werden 6 Spalten"),
    "duplicate": (STORMARN[0], "steht schon in Zeile 2"),
}


@pytest.mark.parametrize("line,reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_line_rejects_the_whole_file_naming_line_and_reason(tmp_path, line, reason):
    path = exchange_file(tmp_path, STORMARN[0], line, *STORMARN[1:])

    with pytest.raises(CommandError) as exc_info:
        run_import(path)

    message = str(exc_info.value)
    assert "nichts wurde geschrieben" in message
    assert "Zeile 3:" in message
    assert reason in message
    assert not Kommune.objects.exists()


def test_a_bad_line_leaves_existing_kommunen_untouched(tmp_path):
    run_import(exchange_file(tmp_path, *STORMARN))
    changed = STORMARN[0].replace("33728", "40000")
    path = exchange_file(tmp_path, changed, "01062XYZ,Kaputt,gemeinde,1,SH,01062", name="neu.csv")

    with pytest.raises(CommandError, match="Zeile 3"):
        run_import(path)

    assert kommune("01062001").einwohner == 33_728


def test_all_bad_lines_are_reported_at_once(tmp_path):
    path = exchange_file(
        tmp_path,
        "0106200,A,gemeinde,1,SH,",
        "01062002,B,gemeinde,-1,SH,",
        "01003000,C,kreisfreie_stadt,1,SH,",  # valid (a Gemeinde would need its Kreis)
    )
    with pytest.raises(CommandError) as exc_info:
        run_import(path)
    assert "2 fehlerhafte Zeile(n)" in str(exc_info.value)
    assert "Zeile 2:" in str(exc_info.value) and "Zeile 3:" in str(exc_info.value)


# --- upsert ----------------------------------------------------------------------------------


def test_second_import_updates_changed_kommunen_and_counts_the_rest_unchanged(tmp_path):
    run_import(exchange_file(tmp_path, *STORMARN))
    grown = [STORMARN[0], STORMARN[1].replace("9876", "20001"), *STORMARN[2:]]

    output = run_import(exchange_file(tmp_path, *grown, name="2021.csv"))

    assert "0 neu, 1 aktualisiert, 3 unverändert." in output
    ammersbek = kommune("01062004")
    assert (ammersbek.einwohner, ammersbek.groessenklasse) == (20_001, "mittelstadt")
    assert Kommune.objects.count() == 4


def test_exchange_import_keeps_figures_only_the_register_has(tmp_path):
    run_import(GV_EXTRACT)
    Kommune.objects.filter(ags="01001000").update(anzeigename="Flensburg (Fördestadt)")

    line = '01001000,"Flensburg, Stadt",kreisfreie_stadt,91000,SH,'
    output = run_import(exchange_file(tmp_path, line))

    assert "0 neu, 1 aktualisiert, 0 unverändert." in output
    flensburg = kommune("01001000")
    assert flensburg.einwohner == 91_000
    assert (flensburg.flaeche_km2, flensburg.postleitzahl) == (Decimal("53.02"), "24937")
    assert flensburg.anzeigename == "Flensburg (Fördestadt)"  # official name unchanged: kept


def test_reimporting_the_register_excerpt_changes_nothing():
    run_import(GV_EXTRACT)
    output = run_import(GV_EXTRACT)
    assert "18 Gemeinden, 2 Landkreise: 0 neu, 0 aktualisiert, 20 unverändert." in output


# --- GV-ISys extract -------------------------------------------------------------------------


def gv_rows() -> list[list[str]]:
    with GV_EXTRACT.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def number_or_text(value: str) -> object:
    """Numbers as Destatis' XLSX stores them: numeric cells, keys with leading zeros as text."""
    digits = value.replace(" ", "")
    if digits.isdigit():
        return int(digits)
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return value or None


def write_xlsx(path: Path, lines: list[list[str]]) -> Path:
    """An XLSX like Destatis': a title sheet, title and header rows, numeric cells, a footnote."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Titel"
    workbook.active.append(["Gemeindeverzeichnis-Informationssystem GV-ISys"])
    sheet = workbook.create_sheet("Onlineprodukt_Gemeinden")
    sheet.append(["Alle politisch selbständigen Gemeinden mit ausgewählten Merkmalen"])
    sheet.append([])
    sheet.append(["Satz-art", "Text-kenn-zeichen", "Amtlicher Regionalschlüssel", None, None, None])
    sheet.append(["", "", "Land", "RB", "Kreis", "VB", "Gem", "Gemeindename", "Fläche km2"])
    sheet.append([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    for cells in lines:
        keys = [int(cells[0]), number_or_text(cells[1]), int(cells[2]), *cells[3:7]]
        sheet.append(keys + [cells[7]] + [number_or_text(cell) for cell in cells[8:]])
    sheet.append(["1) Fläche: Stand 31.12.2020"])
    workbook.save(path)
    return path


def assert_register_excerpt_imported() -> None:
    assert Kommune.objects.filter(typ="landkreis").count() == 2
    assert Kommune.objects.exclude(typ="landkreis").count() == 18
    flensburg = kommune("01001000")
    assert (flensburg.typ, flensburg.kreis, flensburg.anzeigename) == (
        "kreisfreie_stadt",
        None,
        "Flensburg",
    )
    assert (flensburg.name, flensburg.einwohner, flensburg.bundesland) == (
        "Flensburg, Stadt",
        90_164,
        "SH",
    )
    assert (flensburg.flaeche_km2, flensburg.postleitzahl) == (Decimal("53.02"), "24937")
    assert (flensburg.laengengrad, flensburg.breitengrad) == (9.43751, 54.78252)
    assert (flensburg.verstaedterung, flensburg.groessenklasse) == (1, "mittelstadt")
    berlin = kommune("11000000")
    assert (berlin.typ, berlin.bundesland, berlin.groessenklasse) == (
        "kreisfreie_stadt",
        "BE",
        "grossstadt",
    )
    olpe = kommune("05966")
    assert (olpe.typ, olpe.anzeigename, olpe.name) == ("landkreis", "Kreis Olpe", "Olpe")
    assert olpe.einwohner == 133_955
    attendorn = kommune("05966004")
    assert (attendorn.typ, attendorn.kreis, attendorn.anzeigename) == ("stadt", olpe, "Attendorn")
    assert attendorn.verstaedterung == 2
    assert kommune("05966012").typ == "gemeinde"
    merzig_wadern = kommune("10042")
    assert merzig_wadern.anzeigename == "Landkreis Merzig-Wadern"
    assert merzig_wadern.einwohner == 103_243
    assert merzig_wadern.flaeche_km2 == Decimal("556.66")
    gemeindefrei = kommune("10042999")
    assert (gemeindefrei.gemeindefrei, gemeindefrei.kreis, gemeindefrei.einwohner) == (
        True,
        merzig_wadern,
        0,
    )
    without_kreis = kommune("07000999")
    assert (without_kreis.gemeindefrei, without_kreis.kreis, without_kreis.bundesland) == (
        True,
        None,
        "RP",
    )
    assert without_kreis.laengengrad is None  # 0/0 in the register means "no seat"


def test_gv_isys_csv_excerpt_is_imported():
    output = run_import(GV_EXTRACT)

    assert "GV-ISys-Auszug, CSV" in output
    assert "18 Gemeinden, 2 Landkreise: 20 neu, 0 aktualisiert, 0 unverändert." in output
    assert_register_excerpt_imported()


def test_gv_isys_xlsx_excerpt_with_title_rows_is_imported(tmp_path):
    path = write_xlsx(tmp_path / "AuszugGV.xlsx", gv_rows()[1:])

    output = run_import(path)

    assert "GV-ISys-Auszug, XLSX" in output
    assert "18 Gemeinden, 2 Landkreise: 20 neu" in output
    assert_register_excerpt_imported()


def test_a_bad_xlsx_row_is_named_by_its_row_number(tmp_path):
    lines = gv_rows()[1:]
    lines[3][9] = "viele"  # Flensburg's Satzart-60 record: data start in sheet row 6
    path = write_xlsx(tmp_path / "AuszugGV.xlsx", lines)

    with pytest.raises(CommandError) as exc_info:
        run_import(path)

    assert "Zeile 9: „viele“ ist keine ganze Zahl." in str(exc_info.value)
    assert not Kommune.objects.exists()


def test_the_format_is_recognised_by_content_not_by_file_name(tmp_path):
    xlsx_named_csv = write_xlsx(tmp_path / "auszug.csv", gv_rows()[1:])
    assert "XLSX" in run_import(xlsx_named_csv)
    csv_named_xlsx = shutil.copy(GV_EXTRACT, tmp_path / "auszug.xlsx")
    assert "0 neu, 0 aktualisiert, 20 unverändert." in run_import(csv_named_xlsx)


def test_gv_isys_csv_with_semicolons_and_an_unknown_textkennzeichen(tmp_path):
    path = tmp_path / "auszug.csv"
    path.write_text(
        "satzart;textkennzeichen;land;rb;kreis;vb;gemeinde;gemeindename;flaeche;bevoelkerung\n"
        '60;61;01;0;01;0000;000;"Flensburg, Stadt";53.02;90 164\n'
        "60;69;01;0;02;0000;000;Kiel;118.65;246 794\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="Zeile 3: Unbekanntes Textkennzeichen „69“"):
        run_import(path)


# --- output and errors -----------------------------------------------------------------------


def test_progress_is_reported_unless_quiet():
    loud = run_import(GV_EXTRACT)
    assert "Lese gv_isys_auszug.csv" in loud and "Prüfe 20 Kommunen" in loud
    assert "Schreibe 18 Gemeinden" in loud

    for options in (["--quiet"], ["--verbosity", "0"]):
        quiet = run_import(GV_EXTRACT, *options)
        assert quiet.strip() == "18 Gemeinden, 2 Landkreise: 0 neu, 0 aktualisiert, 20 unverändert."


def test_progress_of_a_single_kommune_is_singular(tmp_path):
    output = run_import(exchange_file(tmp_path, STORMARN[3]))
    assert "Prüfe 1 Kommune …" in output and "Prüfe 1 Kommunen" not in output


def test_unknown_and_unreadable_files_give_clear_german_errors(tmp_path):
    foreign = tmp_path / "fremd.csv"
    foreign.write_text("Name;Wert\nA;1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="hat kein bekanntes Format"):
        run_import(foreign)

    not_xlsx = tmp_path / "archiv.xlsx"
    with zipfile.ZipFile(not_xlsx, "w") as archive:
        archive.writestr("liesmich.txt", "kein Arbeitsblatt")
    with pytest.raises(CommandError, match="keine lesbare XLSX-Datei"):
        run_import(not_xlsx)

    with pytest.raises(CommandError, match="kann nicht gelesen werden: sie existiert nicht"):
        run_import(tmp_path / "fehlt.csv")
    with pytest.raises(CommandError, match="das ist ein Ordner"):
        run_import(tmp_path)

    empty = exchange_file(tmp_path, name="leer.csv")
    with pytest.raises(CommandError, match="enthält keine Kommunen"):
        run_import(empty)


def test_manage_py_exits_non_zero_without_traceback(tmp_path):
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "plattform.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_kommunen", str(tmp_path / "fehlt.csv")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "kann nicht gelesen werden" in result.stderr
    assert "Traceback" not in result.stderr


# --- the real register -----------------------------------------------------------------------


def test_the_full_register_imports_and_reimports_unchanged():
    register = SHIPPED_REGISTER
    output = run_import(register, "--quiet")

    assert "11.004 Gemeinden, 294 Landkreise: 11.298 neu, 0 aktualisiert, 0 unverändert." in output
    assert Kommune.objects.exclude(typ="landkreis").count() == 11_004
    assert Kommune.objects.filter(typ="landkreis").count() == 294
    assert Kommune.objects.filter(gemeindefrei=True).count() == 210
    assert kommune("01001000").einwohner == 90_164
    assert kommune("11000000").einwohner == 3_669_491
    dithmarschen = kommune("01051")
    total = Kommune.objects.filter(kreis=dithmarschen).aggregate(total=Sum("einwohner"))["total"]
    assert dithmarschen.einwohner == total == 133_193
    assert dithmarschen.anzeigename == "Kreis Dithmarschen"
    assert kommune("03241").anzeigename == "Region Hannover"

    again = run_import(register, "--quiet")
    assert "0 neu, 0 aktualisiert, 11.298 unverändert." in again
