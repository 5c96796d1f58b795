"""Facet counts are identical on the database and the engine backend (demo content with varied
evidence levels, programmes and costs; no query).

Text matching differs between the backends by design (the engine analyses German), so parity
is checked for filter-only requests. The engine half skips without SEARCH_URL and fails in CI.
"""

from django.core.management import call_command

from wagtail.search import index

import pytest

from praxis.models import Evidenz, Foerderprogramm, PraxisPage
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.query import FACETS, SearchQuery
from tests.world import built_for_module

from .engine_support import rebuild_index

COMBINATIONS = [
    SearchQuery(),
    SearchQuery(handlungsfeld=("sprache",)),
    SearchQuery(handlungsfeld=("sprache", "wohnen")),
    SearchQuery(handlungsfeld=("sprache",), groessenklasse=("landgemeinde", "kleinstadt")),
    SearchQuery(zielgruppe=("gefluechtete", "frauen"), status=("laufend",)),
    SearchQuery(bundesland=("SH", "BY"), groessenklasse=("grossstadt",)),
    SearchQuery(groessenklasse=("landkreis",)),
    SearchQuery(kreis=("01062",)),
    SearchQuery(kreis=("01062", "09675"), handlungsfeld=("bildung", "arbeit-ausbildung")),
    SearchQuery(status=("verstetigt", "abgeschlossen"), bundesland=("NW",)),
    SearchQuery(handlungsfeld=("gesundheit",), zielgruppe=("kinder-jugendliche",)),
    SearchQuery(handlungsfeld=("antidiskriminierung",), bundesland=("HB",)),
    SearchQuery(kosten=("keine",)),
    SearchQuery(kosten=("bis-1000", "bis-10000"), handlungsfeld=("sprache",)),
    SearchQuery(kosten=("unbekannt", "ueber-10000"), bundesland=("SH", "BY")),
    SearchQuery(foerderprogramm=("amif",)),
    SearchQuery(foerderprogramm=("amif", "esf-plus"), evidenz=("erprobt",)),
    SearchQuery(foerderprogramm=("kita-einstieg",), status=("laufend", "abgeschlossen")),
    SearchQuery(evidenz=("ausgewertet", "evaluiert"), kreis=("01062", "03459")),
    SearchQuery(kreis=("01062", "09675"), kosten=("ueber-10000",)),
    SearchQuery(kreis=("16077",), groessenklasse=("landkreis",)),
]
# Every entry falls into exactly one class of these facets (all demo entries have a Kommune).
ONE_VALUE_PER_ENTRY = ("kreis", "status", "kosten")
COMPARISON_AGS = ("01062001", "09162000", "05315000")


def counts(result) -> dict[str, list[tuple[str, int]]]:
    return {name: [(f.wert, f.anzahl) for f in result.facetten[name]] for name in FACETS}


def all_ids(backend, query: SearchQuery) -> set[int]:
    result = backend.search(SearchQuery(**{**query.__dict__, "pro_seite": 100, "seite": 1}))
    return {t.page_id for t in result.treffer}


def adoption_counts(backend, query: SearchQuery) -> dict[int, int]:
    """Each hit's `uebernahmen` (the demo content has transfers, plattform/demo/uebernahmen.py)."""
    result = backend.search(SearchQuery(**{**query.__dict__, "pro_seite": 100, "seite": 1}))
    return {t.page_id: t.uebernahmen for t in result.treffer}


def seed_demo() -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    vary_conditions()


def vary_conditions() -> None:
    """Give the demo entries varied evidence levels, programmes and some costs of 0 €, so that
    every value of the new facets is counted (the demo file need not have them all)."""
    levels = ["", *Evidenz.values]
    slugs = list(Foerderprogramm.objects.values_list("slug", flat=True))
    links = PraxisPage.foerderprogramme.through
    for n, pk in enumerate(PraxisPage.objects.order_by("pk").values_list("pk", flat=True)):
        changes: dict = {"evidenz": levels[n % len(levels)]}
        if n % 7 == 3:
            changes["kosten_jahr_eur"] = 0
        PraxisPage.objects.filter(pk=pk).update(**changes)
        chosen = {slugs[n % len(slugs)], slugs[(n + 5) % len(slugs)]} if n % 4 != 1 else set()
        links.objects.filter(praxispage_id=pk).delete()
        links.objects.bulk_create(
            links(praxispage_id=pk, foerderprogramm=programme)
            for programme in Foerderprogramm.objects.filter(slug__in=chosen)
        )
    # The updates bypass the signals: index the changed programme names (Förderung) again.
    for page in PraxisPage.objects.specific():
        index.insert_or_update_object(page)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo content, seeded once for the module's two tests."""
    yield from built_for_module(django_db_blocker, seed_demo)


@pytest.fixture
def demo(seeded, db):
    assert PraxisPage.objects.live().count() >= 40
    assert PraxisPage.objects.live().filter(uebernommen_von__isnull=False).exists()
    assert PraxisPage.objects.live().filter(foerderprogramme__slug="amif").exists()


def test_database_facets_are_consistent_on_the_demo_content(demo):
    """Each value's count equals the hits when that value alone is added to the other filters."""
    backend = DatabaseBackend()
    for query in COMBINATIONS:
        result = backend.search(query)
        for name in FACETS:
            if getattr(query, name):
                continue
            for value in result.facetten[name][:6]:
                narrower = SearchQuery(**{**query.__dict__, name: (value.wert,)})
                assert backend.search(narrower).anzahl == value.anzahl, (query, name, value)
        for name in ONE_VALUE_PER_ENTRY:
            if not getattr(query, name):
                assert sum(f.anzahl for f in result.facetten[name]) == result.anzahl, (query, name)


def test_both_backends_agree_on_the_demo_content(demo, engine):
    """Same counts, same hits and transfer counts for filter-only requests; same comparability
    scores (with the transfer factor) and reasons."""
    rebuild_index()
    database, engine_backend = DatabaseBackend(), EngineBackend()
    for query in COMBINATIONS:
        a, b = database.search(query), engine_backend.search(query)
        assert a.anzahl == b.anzahl, query
        assert counts(a) == counts(b), query
        assert all_ids(database, query) == all_ids(engine_backend, query), query
        assert adoption_counts(database, query) == adoption_counts(engine_backend, query), query
    for ags in COMPARISON_AGS:
        assert_same_comparison_ranking(
            database, engine_backend, SearchQuery(vergleich=ags, pro_seite=100)
        )


def assert_same_comparison_ranking(database, engine_backend, query: SearchQuery) -> None:
    """Without a query the score is the comparability factor alone on both backends."""
    a, b = database.search(query), engine_backend.search(query)
    scores_b = {t.page_id: t.score for t in b.treffer}
    assert {t.page_id for t in a.treffer} == scores_b.keys()
    for hit in a.treffer:
        assert scores_b[hit.page_id] == pytest.approx(hit.score, abs=1e-6), query
    reasons_b = {t.page_id: t.erklaerung for t in b.treffer}
    assert all(reasons_b[t.page_id] == t.erklaerung for t in a.treffer), query
