"""Facet filters and counts of the database backend: OR within, AND across, own facet excluded."""

from search.backends.database import DatabaseBackend
from search.query import SearchQuery


def counts(result, facet: str) -> dict[str, int]:
    return {f.wert: f.anzahl for f in result.facetten[facet]}


def keys(result, entries) -> set[str]:
    by_id = {p.pk: k for k, p in entries.items()}
    return {by_id[t.page_id] for t in result.treffer}


def test_without_filters_all_live_entries_and_all_values_listed(entries):
    result = DatabaseBackend().search(SearchQuery())
    assert result.anzahl == 5  # the draft is not searchable
    assert result.backend == "datenbank"
    hf = counts(result, "handlungsfeld")
    assert len(hf) == 14 and hf["sprache"] == 2 and hf["wohnen"] == 1 and hf["gesundheit"] == 0
    assert [f.wert for f in result.facetten["bundesland"]][:3] == ["SH", "HH", "NI"]
    assert len(result.facetten["bundesland"]) == 16
    assert counts(result, "bundesland") == {
        **dict.fromkeys(counts(result, "bundesland"), 0),
        "SH": 2,
        "BY": 2,
        "NW": 1,
    }
    assert counts(result, "groessenklasse") == {
        "landgemeinde": 3,
        "kleinstadt": 0,
        "mittelstadt": 0,
        "grossstadt": 2,
        "landkreis": 0,
    }
    assert counts(result, "status") == {
        "geplant": 1,
        "laufend": 2,
        "abgeschlossen": 1,
        "verstetigt": 1,
    }
    assert result.facetten["handlungsfeld"][0].label == "Sprache"


def test_or_within_a_facet(entries):
    result = DatabaseBackend().search(SearchQuery(handlungsfeld=("sprache", "wohnen")))
    assert keys(result, entries) == {"sprachcafe", "sprachkurs_gross", "wohnen"}


def test_and_across_facets(entries):
    result = DatabaseBackend().search(
        SearchQuery(handlungsfeld=("sprache", "wohnen"), bundesland=("BY",))
    )
    assert keys(result, entries) == {"sprachkurs_gross", "wohnen"}


def test_a_facets_counts_ignore_its_own_selection_but_apply_the_others(entries):
    result = DatabaseBackend().search(SearchQuery(handlungsfeld=("sprache",), bundesland=("BY",)))
    assert keys(result, entries) == {"sprachkurs_gross"}
    hf = counts(result, "handlungsfeld")  # only bundesland=BY applied
    assert hf["sprache"] == 1 and hf["wohnen"] == 1 and hf["kultur-sport"] == 0
    by_land = counts(result, "bundesland")  # only handlungsfeld=sprache applied
    assert by_land["SH"] == 1 and by_land["BY"] == 1 and by_land["NW"] == 0
    status = counts(result, "status")  # both applied
    assert status == {"geplant": 0, "laufend": 1, "abgeschlossen": 0, "verstetigt": 0}


def test_m2m_counts_count_each_entry_once(entries):
    result = DatabaseBackend().search(SearchQuery(zielgruppe=("gefluechtete", "frauen")))
    assert result.anzahl == 3
    zg = counts(result, "zielgruppe")
    assert zg["gefluechtete"] == 2 and zg["frauen"] == 2 and zg["familien"] == 1
    assert counts(result, "handlungsfeld")["sprache"] == 2


def test_kreis_filter_matches_entries_of_the_kreis_gemeinden(entries):
    result = DatabaseBackend().search(SearchQuery(kreis=("01062",)))
    assert keys(result, entries) == {"sprachcafe", "sport"}
    assert counts(result, "bundesland")["SH"] == 2
    assert DatabaseBackend().search(SearchQuery(kreis=("16077",))).anzahl == 0


def test_text_query_restricts_the_counts(entries):
    result = DatabaseBackend().search(SearchQuery(q="Mütter"))
    assert keys(result, entries) == {"sprachcafe", "sprachkurs_gross"}
    assert counts(result, "handlungsfeld")["sprache"] == 2
    assert counts(result, "handlungsfeld")["wohnen"] == 0
