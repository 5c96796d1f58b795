"""Facet counts are identical on the database and the engine backend (demo content, no query).

Text matching differs between the backends by design (the engine analyses German), so parity
is checked for filter-only requests. The engine half skips without SEARCH_URL and fails in CI.
"""

from django.core.management import call_command

import pytest

from praxis.models import PraxisPage
from search.backends.database import DatenbankBackend
from search.query import FACETTEN, SuchAnfrage

from .engine_support import engine_fixture, indexieren  # noqa: F401

KOMBINATIONEN = [
    SuchAnfrage(),
    SuchAnfrage(handlungsfeld=("sprache",)),
    SuchAnfrage(handlungsfeld=("sprache", "wohnen")),
    SuchAnfrage(handlungsfeld=("sprache",), groessenklasse=("landgemeinde", "kleinstadt")),
    SuchAnfrage(zielgruppe=("gefluechtete", "frauen"), status=("laufend",)),
    SuchAnfrage(bundesland=("SH", "BY"), groessenklasse=("grossstadt",)),
    SuchAnfrage(groessenklasse=("landkreis",)),
    SuchAnfrage(kreis=("01062",)),
    SuchAnfrage(kreis=("01062", "09675"), handlungsfeld=("bildung", "arbeit-ausbildung")),
    SuchAnfrage(status=("verstetigt", "abgeschlossen"), bundesland=("NW",)),
    SuchAnfrage(handlungsfeld=("gesundheit",), zielgruppe=("kinder-jugendliche",)),
    SuchAnfrage(handlungsfeld=("antidiskriminierung",), bundesland=("HB",)),
]
VERGLEICHE = ("01062001", "09162000", "05315000")


def zaehlung(ergebnis) -> dict[str, list[tuple[str, int]]]:
    return {name: [(f.wert, f.anzahl) for f in ergebnis.facetten[name]] for name in FACETTEN}


def alle_ids(backend, anfrage: SuchAnfrage) -> set[int]:
    ergebnis = backend.suche(SuchAnfrage(**{**anfrage.__dict__, "pro_seite": 100, "seite": 1}))
    return {t.page_id for t in ergebnis.treffer}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PraxisPage.objects.live().count() >= 40


def test_database_facets_are_consistent_on_the_demo_content(demo):
    """Each value's count equals the hits when that value alone is added to the other filters."""
    backend = DatenbankBackend()
    for anfrage in KOMBINATIONEN:
        ergebnis = backend.suche(anfrage)
        for name in FACETTEN:
            if getattr(anfrage, name):
                continue
            for wert in ergebnis.facetten[name][:6]:
                enger = SuchAnfrage(**{**anfrage.__dict__, name: (wert.wert,)})
                assert backend.suche(enger).anzahl == wert.anzahl, (anfrage, name, wert)
        if not anfrage.status:
            assert sum(f.anzahl for f in ergebnis.facetten["status"]) == ergebnis.anzahl


def test_both_backends_agree_on_the_demo_content(demo, engine):
    """Same counts, same hits for filter-only requests; same comparability scores and reasons."""
    from search.backends.engine import EngineBackend

    indexieren()
    datenbank, maschine = DatenbankBackend(), EngineBackend()
    for anfrage in KOMBINATIONEN:
        a, b = datenbank.suche(anfrage), maschine.suche(anfrage)
        assert a.anzahl == b.anzahl, anfrage
        assert zaehlung(a) == zaehlung(b), anfrage
        assert alle_ids(datenbank, anfrage) == alle_ids(maschine, anfrage), anfrage
    for ags in VERGLEICHE:
        vergleichsranking_gleich(datenbank, maschine, SuchAnfrage(vergleich=ags, pro_seite=100))


def vergleichsranking_gleich(datenbank, maschine, anfrage: SuchAnfrage) -> None:
    """Without a query the score is the comparability factor alone on both backends."""
    a, b = datenbank.suche(anfrage), maschine.suche(anfrage)
    scores_b = {t.page_id: t.score for t in b.treffer}
    assert {t.page_id for t in a.treffer} == scores_b.keys()
    for treffer in a.treffer:
        assert scores_b[treffer.page_id] == pytest.approx(treffer.score, abs=1e-6), anfrage
    erklaerung_b = {t.page_id: t.erklaerung for t in b.treffer}
    assert all(erklaerung_b[t.page_id] == t.erklaerung for t in a.treffer), anfrage
