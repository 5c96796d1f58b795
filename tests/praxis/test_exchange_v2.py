"""Version 2 of the exchange format (AUSTAUSCHFORMAT.md): evidence, lessons, one-off costs,
managed funding programmes, transfers and the Stand; version-1 lines still import."""

import json
from datetime import date, timedelta
from pathlib import Path

from django.core.management import CommandError
from django.utils import timezone

import pytest

from praxis.exchange.parse import KEYS, V1_KEYS, V2_DEFAULTS, ExchangeError, parse_line
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import Evidenz, PraxisPage

from .test_exchange import COMPLETE, LOTSEN, read_objects, run_export, run_import, write_lines

VERSION_1 = Path(__file__).parent / "files" / "version1.jsonl"
SPRACHCAFE = "stuttgart-sprachcafe"

pytestmark = pytest.mark.django_db


def lotsen() -> dict:
    return next(o for o in read_objects(COMPLETE) if o["id"] == LOTSEN)


def sprachcafe() -> dict:
    return next(o for o in read_objects(COMPLETE) if o["id"] == SPRACHCAFE)


def import_error(tmp_path, lines: list) -> str:
    with pytest.raises(CommandError) as raised:
        run_import(write_lines(tmp_path / "v2.jsonl", lines))
    return str(raised.value)


def test_every_version_2_key_round_trips(kommunen, tmp_path):
    run_import(COMPLETE)
    exported = run_export(tmp_path / "export.jsonl")
    assert exported == read_objects(COMPLETE)
    filled = next(o for o in exported if o["id"] == LOTSEN)
    assert all(filled[key] not in (None, []) for key in V2_DEFAULTS if key != "uebernommen_von")
    assert list(filled) == list(KEYS) and list(KEYS[-7:]) == list(V2_DEFAULTS)


def test_fields_of_version_2_land_in_the_model(kommunen):
    run_import(COMPLETE)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.evidenz == Evidenz.AUSGEWERTET
    assert page.kosten_einmalig_eur == 1500
    assert page.erfahrungen.startswith("Ohne feste Ansprechperson")
    assert sorted(p.slug for p in page.foerderprogramme.all()) == ["amif", "vwv-integration-bw"]
    adapting = PraxisPage.objects.get(austausch_id=SPRACHCAFE)
    assert adapting.uebernommen_von == page  # named before it stands in the file
    assert list(page.uebernahmen.all()) == [adapting]


def test_version_1_lines_still_import_and_export_as_version_2(kommunen, tmp_path):
    run_import(VERSION_1)
    exported = run_export(tmp_path / "export.jsonl")
    assert exported == [obj | V2_DEFAULTS for obj in read_objects(VERSION_1)]
    assert all(list(obj) == list(KEYS) for obj in exported)


def test_a_line_with_some_version_2_keys_must_have_all(kommunen, tmp_path):
    partial = {key: value for key, value in lotsen().items() if key in V1_KEYS}
    partial["evidenz"] = "erprobt"
    message = import_error(tmp_path, [partial])
    assert "Zeile 1" in message and "fehlende Schlüssel" in message
    assert "„stand“" in message and "„evidenz“" not in message.split("fehlende")[1]
    assert not PraxisPage.objects.exists()


def test_the_file_stand_survives_publishing(kommunen):
    run_import(COMPLETE)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.stand == date(2025, 3, 14) and page.live
    assert page.live_revision.as_object().stand == date(2025, 3, 14)
    without = PraxisPage.objects.get(austausch_id=SPRACHCAFE)
    assert without.stand is None
    assert without.aktueller_stand == timezone.localdate(without.last_published_at)


def test_reimporting_the_same_file_changes_nothing(kommunen):
    run_import(COMPLETE)
    revisions = {p.pk: p.latest_revision_id for p in PraxisPage.objects.all()}
    run_import(COMPLETE)
    assert {p.pk: p.latest_revision_id for p in PraxisPage.objects.all()} == revisions


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"evidenz": "gut"}, "„evidenz“: unbekannte Stufe"),
        ({"evaluation_url": "kein link"}, "„evaluation_url“"),
        ({"kosten_einmalig_eur": -1}, "„kosten_einmalig_eur“"),
        ({"kosten_einmalig_eur": 2.5}, "„kosten_einmalig_eur“"),
        ({"foerderprogramme": ["amif", "amif"]}, "doppelt"),
        ({"foerderprogramme": ["gibt-es-nicht"]}, "unbekanntes Förderprogramm „gibt-es-nicht“"),
        ({"stand": "14.03.2025"}, "JJJJ-MM-TT"),
        ({"stand": "2025-02-30"}, "kein gültiges Datum"),
        ({"uebernommen_von": LOTSEN}, "nennt das Praxisbeispiel selbst"),
        ({"uebernommen_von": "nicht da!"}, "„uebernommen_von“"),
    ],
)
def test_bad_version_2_values_are_refused_with_a_reason(kommunen, changes, fragment):
    with pytest.raises(ExchangeError, match=fragment) as raised:
        parse_line(json.dumps(lotsen() | changes), 3)
    assert raised.value.line == 3


def test_a_stand_in_the_future_is_refused(kommunen):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    with pytest.raises(ExchangeError, match="in der Zukunft"):
        parse_line(json.dumps(lotsen() | {"stand": future}), 1)


def test_programmes_come_in_canonical_order(kommunen):
    entry = parse_line(json.dumps(lotsen() | {"foerderprogramme": ["iq", "amif"]}), 1)
    assert entry["foerderprogramme"] == ["amif", "iq"]


def test_a_transfer_to_an_unknown_entry_rejects_the_file(kommunen, tmp_path):
    lines = [lotsen(), sprachcafe() | {"uebernommen_von": "anderswo-lotsen"}]
    message = import_error(tmp_path, lines)
    assert "Zeile 2" in message and "anderswo-lotsen" in message
    assert not PraxisPage.objects.exists()


def test_a_transfer_to_an_entry_already_on_the_platform_imports(kommunen, tmp_path):
    run_import(write_lines(tmp_path / "erst.jsonl", [lotsen()]))
    run_import(write_lines(tmp_path / "dann.jsonl", [sprachcafe()]))
    page = PraxisPage.objects.get(austausch_id=SPRACHCAFE)
    assert page.uebernommen_von.austausch_id == LOTSEN


def test_transfers_that_form_a_circle_are_refused(kommunen, tmp_path):
    lines = [lotsen() | {"uebernommen_von": SPRACHCAFE}, sprachcafe()]
    message = import_error(tmp_path, lines)
    assert "Kreis" in message and "Zeile 1" in message and "Zeile 2" in message
    assert not PraxisPage.objects.exists()


def test_a_circle_with_an_entry_on_the_platform_is_refused(kommunen, tmp_path):
    run_import(COMPLETE)  # Sprachcafé adapted the Lotsen
    message = import_error(tmp_path, [lotsen() | {"uebernommen_von": SPRACHCAFE}])
    assert "Kreis" in message
    assert PraxisPage.objects.get(austausch_id=LOTSEN).uebernommen_von is None


def test_the_file_may_undo_a_transfer_and_reverse_it(kommunen, tmp_path):
    run_import(COMPLETE)
    lines = [lotsen() | {"uebernommen_von": SPRACHCAFE}, sprachcafe() | {"uebernommen_von": None}]
    run_import(write_lines(tmp_path / "umgekehrt.jsonl", lines))
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert to_exchange_dict(page)["uebernommen_von"] == SPRACHCAFE


def test_the_api_returns_the_version_2_object(kommunen, client):
    run_import(COMPLETE)
    data = client.get(f"/api/v1/praxis/{LOTSEN}/").json()
    expected = lotsen()
    assert {key: data[key] for key in V2_DEFAULTS} == {key: expected[key] for key in V2_DEFAULTS}
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert set(V2_DEFAULTS) <= set(schema["PraxisbeispielSchema"]["properties"])
