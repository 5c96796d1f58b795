"""EngineBackend on the real engine: facets, filters, highlighting, paging, sorting, ranking."""

from datetime import timedelta

from django.utils import timezone

import pytest

from praxis.models import PraxisPage
from search.backends.engine import EngineBackend
from search.query import SearchQuery
from search.ranking import KommuneFeatures, comparability, ranking_factor
from tests.search.content import create_entry
from tests.search.engine_support import rebuild_index

# Some tests need the Kommunen without the entries.
pytestmark = [pytest.mark.django_db, pytest.mark.search_data_per_test]


def search(**kwargs):
    return EngineBackend().search(SearchQuery(**kwargs))


def ids(result) -> set[int]:
    return {t.page_id for t in result.treffer}


def counts(result, facet: str) -> dict[str, int]:
    return {f.wert: f.anzahl for f in result.facetten[facet]}


def test_only_published_entries_are_found(indexed_entries):
    result = search()
    assert result.anzahl == 5
    assert indexed_entries["entwurf"].pk not in ids(result)
    assert result.backend == "opensearch"
    assert all(t.score == pytest.approx(1.0) for t in result.treffer)


def test_facet_counts_ignore_their_own_selection(indexed_entries):
    result = search(handlungsfeld=("sprache",))
    assert ids(result) == {indexed_entries["sprachcafe"].pk, indexed_entries["sprachkurs_gross"].pk}
    hf = counts(result, "handlungsfeld")
    assert hf["sprache"] == 2 and hf["wohnen"] == 1 and hf["interkulturelle-oeffnung"] == 1
    assert counts(result, "status") == {
        "geplant": 0,
        "laufend": 2,
        "abgeschlossen": 0,
        "verstetigt": 0,
    }
    assert [f.wert for f in result.facetten["bundesland"]][:3] == ["SH", "HH", "NI"]
    assert len(result.facetten["bundesland"]) == 16


def test_or_within_and_across_facets(indexed_entries):
    assert search(handlungsfeld=("sprache", "wohnen")).anzahl == 3
    both = search(handlungsfeld=("sprache", "wohnen"), bundesland=("BY",))
    assert ids(both) == {indexed_entries["wohnen"].pk, indexed_entries["sprachkurs_gross"].pk}
    assert counts(both, "bundesland")["SH"] == 1  # own facet ignores its selection
    assert counts(both, "handlungsfeld")["sprache"] == 1


def test_kreis_filter_applies_to_the_counts_too(indexed_entries):
    result = search(kreis=("01062",))
    assert ids(result) == {indexed_entries["sprachcafe"].pk, indexed_entries["sport"].pk}
    assert sum(counts(result, "status").values()) == 2


def test_text_restricts_the_facets_and_is_highlighted(indexed_entries):
    result = search(q="Mütter")
    assert ids(result) == {indexed_entries["sprachcafe"].pk, indexed_entries["sprachkurs_gross"].pk}
    assert sum(counts(result, "status").values()) == 2
    for hit in result.treffer:
        assert "<mark>Mütter</mark>" in hit.hervorhebung["title"][0]


def test_highlight_is_escaped(engine, kommunen):
    create_entry(kommunen["klein"], "Lernwerkstatt", "Kinder <script>x</script> lernen & spielen")
    rebuild_index()
    (hit,) = search(q="Lernwerkstatt Kinder").treffer
    fragment = hit.hervorhebung["kurzbeschreibung"][0]
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment
    assert "<mark>Kinder</mark>" in fragment


def test_paging(indexed_entries):
    first, second, third = (search(pro_seite=2, seite=n) for n in (1, 2, 3))
    assert first.anzahl == second.anzahl == 5
    assert len(first.treffer) == len(second.treffer) == 2 and len(third.treffer) == 1
    assert len(ids(first) | ids(second) | ids(third)) == 5


def test_sort_newest(indexed_entries):
    now = timezone.now()
    order = ["ikoe", "sport", "wohnen", "sprachcafe", "sprachkurs_gross"]
    for days, name in enumerate(order):
        PraxisPage.objects.filter(pk=indexed_entries[name].pk).update(
            first_published_at=now - timedelta(days=days)
        )
    rebuild_index()
    result = search(sortierung="neueste")
    assert [t.page_id for t in result.treffer] == [indexed_entries[n].pk for n in order]


def test_title_counts_more_than_text(indexed_entries):
    result = search(q="Sprachkurs für Mütter")
    assert result.treffer[0].page_id == indexed_entries["sprachkurs_gross"].pk


def test_comparison_lifts_comparable_kommunen_and_explains(indexed_entries, kommunen):
    without = search(q="Mütter")
    compared = search(q="Mütter", vergleich=kommunen["gross"].ags)
    assert without.treffer[0].page_id == indexed_entries["sprachcafe"].pk
    assert compared.treffer[0].page_id == indexed_entries["sprachkurs_gross"].pk
    assert ids(compared) == ids(without)  # strongly relevant entries from other sizes stay visible
    reasons = {t.page_id: t.erklaerung for t in compared.treffer}
    assert reasons[indexed_entries["sprachkurs_gross"].pk] == [
        "ähnliche Größe",
        "gleiche Größenklasse",
        "ähnliche Siedlungsdichte",
        "gleicher Kreis",
        "gleiches Bundesland",
    ]
    assert reasons[indexed_entries["sprachcafe"].pk] == []


def test_comparison_multiplies_the_text_relevance(indexed_entries, kommunen):
    """score = text relevance * (1 + 1.5 * comparability), also with a query."""
    without = {t.page_id: t.score for t in search(q="Sprachkurs für Mütter").treffer}
    reference = KommuneFeatures.from_kommune(kommunen["klein"])
    for hit in search(q="Sprachkurs für Mütter", vergleich=kommunen["klein"].ags).treffer:
        lead = PraxisPage.objects.get(pk=hit.page_id).kommune
        value, _ = comparability(reference, KommuneFeatures.from_kommune(lead))
        assert hit.score == pytest.approx(without[hit.page_id] * ranking_factor(value), 1e-5)


def test_comparison_factor_equals_the_python_reference(indexed_entries, kommunen):
    """Without q the engine score is exactly 1 + 1.5 * comparability (within 1e-6)."""
    for kommune in kommunen.values():
        result = search(vergleich=kommune.ags)
        reference = KommuneFeatures.from_kommune(kommune)
        for hit in result.treffer:
            lead = PraxisPage.objects.get(pk=hit.page_id).kommune
            value, _ = comparability(reference, KommuneFeatures.from_kommune(lead))
            assert hit.score == pytest.approx(ranking_factor(value), abs=1e-6)


def test_similar_entries_exclude_the_entry_itself(indexed_entries):
    similar = EngineBackend().similar_entries(indexed_entries["sprachcafe"])
    found = [t.page_id for t in similar]
    assert indexed_entries["sprachcafe"].pk not in found
    assert found[0] == indexed_entries["sprachkurs_gross"].pk
    assert "gleiches Handlungsfeld: Sprache" in similar[0].erklaerung
    assert indexed_entries["entwurf"].pk not in found


def test_page_far_beyond_the_end_still_counts(indexed_entries):
    result = search(seite=5000, pro_seite=100)
    assert result.anzahl == 5 and result.treffer == []
    assert sum(counts(result, "status").values()) == 5
