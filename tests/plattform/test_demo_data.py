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

DEMO = Path(__file__).resolve().parents[2] / "plattform" / "demo"
CSV_KOPF = ["ags", "name", "typ", "einwohner", "bundesland", "kreis_ags"]
JSON_SCHLUESSEL = {
    "id", "titel", "kommune", "partner_kommunen", "kurzbeschreibung", "beschreibung",
    "handlungsfelder", "zielgruppen", "schlagworte", "status", "beginn", "ende", "traeger",
    "foerderung", "kosten_jahr_eur", "personal", "uebertragbarkeit", "kontakt", "links",
}  # fmt: skip
MONAT = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def kommunen_zeilen() -> list[dict]:
    with open(DEMO / "kommunen.csv", encoding="utf-8", newline="") as datei:
        return list(csv.DictReader(datei))


def praxis_eintraege() -> list[dict]:
    with open(DEMO / "praxisbeispiele.jsonl", encoding="utf-8") as datei:
        return [json.loads(zeile) for zeile in datei if zeile.strip()]


def test_kommunen_csv_has_the_exact_header():
    with open(DEMO / "kommunen.csv", encoding="utf-8") as datei:
        assert datei.readline().strip() == ",".join(CSV_KOPF)


def test_kommunen_rows_are_valid():
    zeilen = kommunen_zeilen()
    kreise = {z["ags"] for z in zeilen if z["typ"] == "landkreis"}
    assert len({z["ags"] for z in zeilen}) == len(zeilen)
    for zeile in zeilen:
        validate_ags(zeile["ags"])
        assert Bundesland(zeile["bundesland"]).land_schluessel == zeile["ags"][:2]
        assert int(zeile["einwohner"]) > 0
        if zeile["typ"] in ("landkreis", "kreisfreie_stadt"):
            assert len(zeile["ags"]) == (5 if zeile["typ"] == "landkreis" else 8)
            assert zeile["kreis_ags"] == ""
        else:
            assert zeile["typ"] in ("gemeinde", "stadt")
            assert zeile["kreis_ags"] in kreise and zeile["ags"].startswith(zeile["kreis_ags"])


def test_kommunen_match_the_official_register():
    register = {}
    with open(register_path(), encoding="utf-8-sig", newline="") as datei:
        for satz in csv.DictReader(datei):
            if satz["satzart"] not in ("40", "60"):
                continue
            ags = satz["land"] + satz["rb"] + satz["kreis"] + satz["gemeinde"]
            register[ags] = satz
    for zeile in kommunen_zeilen():
        satz = register[zeile["ags"]]
        if zeile["typ"] == "landkreis":
            assert satz["satzart"] == "40" and satz["gemeindename"] in zeile["name"]
        else:
            assert satz["gemeindename"] == zeile["name"]
            assert int(satz["bevoelkerung"].replace(" ", "")) == int(zeile["einwohner"])


@pytest.mark.django_db
def test_praxis_lines_have_every_key_and_known_slugs():
    handlungsfelder = set(Handlungsfeld.objects.values_list("slug", flat=True))
    zielgruppen = set(Zielgruppe.objects.values_list("slug", flat=True))
    assert len(handlungsfelder) == 14 and len(zielgruppen) == 11
    for eintrag in praxis_eintraege():
        assert set(eintrag) == JSON_SCHLUESSEL, eintrag["id"]
        assert set(eintrag["handlungsfelder"]) <= handlungsfelder, eintrag["id"]
        assert set(eintrag["zielgruppen"]) <= zielgruppen, eintrag["id"]
        assert eintrag["handlungsfelder"], eintrag["id"]


def test_praxis_lines_are_well_formed():
    ags = {z["ags"] for z in kommunen_zeilen()}
    eintraege = praxis_eintraege()
    assert len({e["id"] for e in eintraege}) == len(eintraege)
    for e in eintraege:
        assert SLUG.match(e["id"]) and len(e["id"]) <= 120, e["id"]
        assert e["kommune"] in ags and set(e["partner_kommunen"]) <= ags - {e["kommune"]}
        assert e["status"] in PraxisStatus.values
        assert all(m is None or MONAT.match(m) for m in (e["beginn"], e["ende"])), e["id"]
        assert e["ende"] is None or e["ende"] >= e["beginn"]
        assert set(e["kontakt"]) == {"name", "funktion", "email", "telefon"}
        assert e["kontakt"]["email"].endswith("example.org")
        assert all(link.startswith("https://www.example.org/") for link in e["links"])
        assert e["kosten_jahr_eur"] is None or e["kosten_jahr_eur"] >= 0
        assert len(e["kurzbeschreibung"]) <= 500 and 2 <= len(e["schlagworte"]) <= 4
        assert 2 <= len(e["beschreibung"].split("\n\n")) <= 4, e["id"]


def test_demo_covers_sizes_laender_and_statuses():
    kommunen = {z["ags"]: z for z in kommunen_zeilen()}
    eintraege = praxis_eintraege()
    mit_eintrag = {kommunen[e["kommune"]]["ags"] for e in eintraege}
    klassen = Counter(
        groessenklasse_for(kommunen[a]["typ"], int(kommunen[a]["einwohner"])) for a in mit_eintrag
    )
    assert len(eintraege) >= 40 and len(mit_eintrag) >= 15
    assert all(klassen[k] >= 3 for k in ("landgemeinde", "kleinstadt", "mittelstadt", "grossstadt"))
    assert klassen["landkreis"] >= 2
    assert len({kommunen[a]["bundesland"] for a in mit_eintrag}) >= 4
    assert set(Counter(e["status"] for e in eintraege)) == set(PraxisStatus.values)
    assert sum(1 for e in eintraege if e["partner_kommunen"]) >= 3


def test_profile_json_is_keyed_by_known_ags():
    ags = {z["ags"] for z in kommunen_zeilen()}
    profile = json.loads((DEMO / "profile.json").read_text(encoding="utf-8"))
    assert set(profile) <= ags and len(profile) >= 15
    for daten in profile.values():
        assert daten["integrationsbeauftragte"] in ("", "hauptamtlich", "ehrenamtlich")
        assert all({"name", "veroeffentlichen"} <= set(k) for k in daten["kontaktpersonen"])
