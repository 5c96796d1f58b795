"""The demo data files follow the exchange formats of AUSTAUSCHFORMAT.md exactly."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kommunen.groessenklasse import groessenklasse_for
from kommunen.importer import SHIPPED_REGISTER
from kommunen.importer.read import read_file
from praxis.models import Evidenz, Foerderprogramm, Handlungsfeld, PraxisStatus, Zielgruppe

DEMO_DIR = Path(__file__).resolve().parents[2] / "plattform" / "demo"
JSON_KEYS = {
    "id", "titel", "kommune", "partner_kommunen", "kurzbeschreibung", "beschreibung",
    "handlungsfelder", "zielgruppen", "schlagworte", "status", "beginn", "ende", "traeger",
    "foerderung", "kosten_jahr_eur", "personal", "uebertragbarkeit", "kontakt", "links",
    "evidenz", "evaluation_url", "erfahrungen", "kosten_einmalig_eur", "foerderprogramme",
    "uebernommen_von", "stand",
}  # fmt: skip
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def register() -> dict[str, dict]:
    """The shipped register as seed_demo imports it: AGS -> typ, name, einwohner, bundesland."""
    parsed = read_file(SHIPPED_REGISTER, lambda _text: None)
    assert not parsed.errors
    return {
        record.ags: {
            "typ": record.typ,
            "name": record.name,
            "einwohner": record.einwohner,
            "bundesland": record.bundesland,
        }
        for record in parsed.records
    }


def praxis_entries() -> list[dict]:
    with open(DEMO_DIR / "praxisbeispiele.jsonl", encoding="utf-8") as file:
        return [json.loads(row) for row in file if row.strip()]


def test_every_demo_kommune_is_in_the_shipped_register():
    kommunen = register()
    named = {e["kommune"] for e in praxis_entries()}
    named |= {ags for e in praxis_entries() for ags in e["partner_kommunen"]}
    profile = json.loads((DEMO_DIR / "profile.json").read_text(encoding="utf-8"))
    assert named | set(profile) <= set(kommunen)
    assert len(kommunen) == 11_004 + 294  # Gemeinden and Landkreise


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
    ags = set(register())
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
    kommunen = register()
    entries = praxis_entries()
    with_entry = {e["kommune"] for e in entries}
    klassen = Counter(
        groessenklasse_for(kommunen[a]["typ"], kommunen[a]["einwohner"] or 0) for a in with_entry
    )
    assert len(entries) >= 40 and len(with_entry) >= 15
    assert all(klassen[k] >= 3 for k in ("landgemeinde", "kleinstadt", "mittelstadt", "grossstadt"))
    assert klassen["landkreis"] >= 2
    assert len({kommunen[a]["bundesland"] for a in with_entry}) >= 4
    assert set(Counter(e["status"] for e in entries)) == set(PraxisStatus.values)
    assert sum(1 for e in entries if e["partner_kommunen"]) >= 3


def test_profile_json_is_keyed_by_known_ags():
    ags = set(register())
    profile = json.loads((DEMO_DIR / "profile.json").read_text(encoding="utf-8"))
    assert set(profile) <= ags and len(profile) >= 15
    for data in profile.values():
        assert data["integrationsbeauftragte"] in ("", "hauptamtlich", "ehrenamtlich")
        assert all({"name", "veroeffentlichen"} <= set(k) for k in data["kontaktpersonen"])


TEXT_FIELDS = ("titel", "kurzbeschreibung", "beschreibung", "traeger", "personal",
               "uebertragbarkeit", "erfahrungen")  # fmt: skip


def entry_text(entry: dict) -> str:
    parts = [entry[key] or "" for key in TEXT_FIELDS]
    return " ".join(parts + entry["foerderung"] + entry["schlagworte"])


def test_every_demo_entry_has_an_evidence_level_fitting_its_status():
    for e in praxis_entries():
        assert e["evidenz"] in Evidenz.values, e["id"]
        assert (e["evidenz"] == Evidenz.IDEE) == (e["status"] == PraxisStatus.GEPLANT), e["id"]
        assert e["evidenz"] != Evidenz.EVALUIERT or e["evaluation_url"], e["id"]


def test_demo_uses_lessons_costs_programmes_transfers_and_stand():
    entries = praxis_entries()
    ids = {e["id"] for e in entries}
    assert sum(1 for e in entries if e["erfahrungen"]) >= 10
    assert sum(1 for e in entries if e["kosten_einmalig_eur"] is not None) >= 8
    assert sum(1 for e in entries if e["foerderprogramme"]) >= 8
    transfers = [e["uebernommen_von"] for e in entries if e["uebernommen_von"]]
    assert len(transfers) >= 5 and set(transfers) <= ids
    stands = [e["stand"] for e in entries if e["stand"]]
    assert len(stands) >= 5 and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) for s in stands)
    assert min(stands) < "2024-12-03"


@pytest.mark.django_db
def test_demo_programme_links_apply_in_the_lead_kommunes_land_and_are_not_repeated():
    kommunen = register()
    programme = {p.slug: p for p in Foerderprogramm.objects.all()}
    for e in praxis_entries():
        land = kommunen[e["kommune"]]["bundesland"]
        for slug in e["foerderprogramme"]:
            assert programme[slug].gilt_in(land), (e["id"], slug)
            assert programme[slug].name not in e["foerderung"], e["id"]


def test_amif_mentions_and_amif_links_coincide():
    """Searching "AMIF" finds the text and the linked programme's name: both must agree."""
    entries = praxis_entries()
    mentioning = {e["id"] for e in entries if "AMIF" in entry_text(e)}
    linking = {e["id"] for e in entries if "amif" in e["foerderprogramme"]}
    assert mentioning <= linking
    assert linking == {
        "landkreis-goerlitz-willkommensbehoerde",
        "weimarer-land-psychosoziale-erstberatung",
        "leipzig-kontaktstelle-wohnen",
    }
