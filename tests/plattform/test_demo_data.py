"""The demo data files follow the exchange formats of AUSTAUSCHFORMAT.md exactly."""

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kommunen.groessenklasse import groessenklasse_for
from kommunen.models import Bundesland, validate_ags
from praxis.models import Handlungsfeld, PraxisStatus, Zielgruppe
from tests.services import register_path

DEMO_DIR = Path(__file__).resolve().parents[2] / "plattform" / "demo"
CSV_HEADER = ["ags", "name", "typ", "einwohner", "bundesland", "kreis_ags"]
JSON_KEYS = {
    "id", "titel", "kommune", "partner_kommunen", "kurzbeschreibung", "beschreibung",
    "handlungsfelder", "zielgruppen", "schlagworte", "status", "beginn", "ende", "traeger",
    "foerderung", "kosten_jahr_eur", "personal", "uebertragbarkeit", "kontakt", "links",
}  # fmt: skip
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def kommunen_rows() -> list[dict]:
    with open(DEMO_DIR / "kommunen.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def praxis_entries() -> list[dict]:
    with open(DEMO_DIR / "praxisbeispiele.jsonl", encoding="utf-8") as file:
        return [json.loads(row) for row in file if row.strip()]


def test_kommunen_csv_has_the_exact_header():
    with open(DEMO_DIR / "kommunen.csv", encoding="utf-8") as file:
        assert file.readline().strip() == ",".join(CSV_HEADER)


def test_kommunen_rows_are_valid():
    rows = kommunen_rows()
    kreise = {z["ags"] for z in rows if z["typ"] == "landkreis"}
    assert len({z["ags"] for z in rows}) == len(rows)
    for row in rows:
        validate_ags(row["ags"])
        assert Bundesland(row["bundesland"]).land_key == row["ags"][:2]
        assert int(row["einwohner"]) > 0
        if row["typ"] in ("landkreis", "kreisfreie_stadt"):
            assert len(row["ags"]) == (5 if row["typ"] == "landkreis" else 8)
            assert row["kreis_ags"] == ""
        else:
            assert row["typ"] in ("gemeinde", "stadt")
            assert row["kreis_ags"] in kreise and row["ags"].startswith(row["kreis_ags"])


def test_kommunen_match_the_official_register():
    register = {}
    with open(register_path(), encoding="utf-8-sig", newline="") as file:
        for record in csv.DictReader(file):
            if record["satzart"] not in ("40", "60"):
                continue
            ags = record["land"] + record["rb"] + record["kreis"] + record["gemeinde"]
            register[ags] = record
    for row in kommunen_rows():
        record = register[row["ags"]]
        if row["typ"] == "landkreis":
            assert record["satzart"] == "40" and record["gemeindename"] in row["name"]
        else:
            assert record["gemeindename"] == row["name"]
            assert int(record["bevoelkerung"].replace(" ", "")) == int(row["einwohner"])


@pytest.mark.django_db
def test_praxis_lines_have_every_key_and_known_slugs():
    handlungsfelder = set(Handlungsfeld.objects.values_list("slug", flat=True))
    zielgruppen = set(Zielgruppe.objects.values_list("slug", flat=True))
    assert len(handlungsfelder) == 14 and len(zielgruppen) == 11
    for entry in praxis_entries():
        assert set(entry) == JSON_KEYS, entry["id"]
        assert set(entry["handlungsfelder"]) <= handlungsfelder, entry["id"]
        assert set(entry["zielgruppen"]) <= zielgruppen, entry["id"]
        assert entry["handlungsfelder"], entry["id"]


def test_praxis_lines_are_well_formed():
    ags = {z["ags"] for z in kommunen_rows()}
    entries = praxis_entries()
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        assert SLUG.match(e["id"]) and len(e["id"]) <= 120, e["id"]
        assert e["kommune"] in ags and set(e["partner_kommunen"]) <= ags - {e["kommune"]}
        assert e["status"] in PraxisStatus.values
        assert all(m is None or MONTH.match(m) for m in (e["beginn"], e["ende"])), e["id"]
        assert e["ende"] is None or e["ende"] >= e["beginn"]
        assert set(e["kontakt"]) == {"name", "funktion", "email", "telefon"}
        assert e["kontakt"]["email"].endswith("example.org")
        assert all(link.startswith("https://www.example.org/") for link in e["links"])
        assert e["kosten_jahr_eur"] is None or e["kosten_jahr_eur"] >= 0
        assert len(e["kurzbeschreibung"]) <= 500 and 2 <= len(e["schlagworte"]) <= 4
        assert 2 <= len(e["beschreibung"].split("\n\n")) <= 4, e["id"]


def test_demo_covers_sizes_laender_and_statuses():
    kommunen = {z["ags"]: z for z in kommunen_rows()}
    entries = praxis_entries()
    with_entry = {kommunen[e["kommune"]]["ags"] for e in entries}
    klassen = Counter(
        groessenklasse_for(kommunen[a]["typ"], int(kommunen[a]["einwohner"])) for a in with_entry
    )
    assert len(entries) >= 40 and len(with_entry) >= 15
    assert all(klassen[k] >= 3 for k in ("landgemeinde", "kleinstadt", "mittelstadt", "grossstadt"))
    assert klassen["landkreis"] >= 2
    assert len({kommunen[a]["bundesland"] for a in with_entry}) >= 4
    assert set(Counter(e["status"] for e in entries)) == set(PraxisStatus.values)
    assert sum(1 for e in entries if e["partner_kommunen"]) >= 3


def test_profile_json_is_keyed_by_known_ags():
    ags = {z["ags"] for z in kommunen_rows()}
    profile = json.loads((DEMO_DIR / "profile.json").read_text(encoding="utf-8"))
    assert set(profile) <= ags and len(profile) >= 15
    for data in profile.values():
        assert data["integrationsbeauftragte"] in ("", "hauptamtlich", "ehrenamtlich")
        assert all({"name", "veroeffentlichen"} <= set(k) for k in data["kontaktpersonen"])
