"""Facet filters and counts of the database backend: OR within, AND across, own facet excluded."""

from search.backends.database import DatenbankBackend
from search.query import SuchAnfrage


def zaehlung(ergebnis, facette: str) -> dict[str, int]:
    return {f.wert: f.anzahl for f in ergebnis.facetten[facette]}


def titel(ergebnis, beispiele) -> set[str]:
    nach_id = {p.pk: k for k, p in beispiele.items()}
    return {nach_id[t.page_id] for t in ergebnis.treffer}


def test_without_filters_all_live_entries_and_all_values_listed(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage())
    assert ergebnis.anzahl == 5  # the draft is not searchable
    assert ergebnis.backend == "datenbank"
    hf = zaehlung(ergebnis, "handlungsfeld")
    assert len(hf) == 14 and hf["sprache"] == 2 and hf["wohnen"] == 1 and hf["gesundheit"] == 0
    assert [f.wert for f in ergebnis.facetten["bundesland"]][:3] == ["SH", "HH", "NI"]
    assert len(ergebnis.facetten["bundesland"]) == 16
    assert zaehlung(ergebnis, "bundesland") == {
        **dict.fromkeys(zaehlung(ergebnis, "bundesland"), 0),
        "SH": 2,
        "BY": 2,
        "NW": 1,
    }
    assert zaehlung(ergebnis, "groessenklasse") == {
        "landgemeinde": 3,
        "kleinstadt": 0,
        "mittelstadt": 0,
        "grossstadt": 2,
        "landkreis": 0,
    }
    assert zaehlung(ergebnis, "status") == {
        "geplant": 1,
        "laufend": 2,
        "abgeschlossen": 1,
        "verstetigt": 1,
    }
    assert ergebnis.facetten["handlungsfeld"][0].label == "Sprache"


def test_or_within_a_facet(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(handlungsfeld=("sprache", "wohnen")))
    assert titel(ergebnis, beispiele) == {"sprachcafe", "sprachkurs_gross", "wohnen"}


def test_and_across_facets(beispiele):
    ergebnis = DatenbankBackend().suche(
        SuchAnfrage(handlungsfeld=("sprache", "wohnen"), bundesland=("BY",))
    )
    assert titel(ergebnis, beispiele) == {"sprachkurs_gross", "wohnen"}


def test_a_facets_counts_ignore_its_own_selection_but_apply_the_others(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(handlungsfeld=("sprache",), bundesland=("BY",)))
    assert titel(ergebnis, beispiele) == {"sprachkurs_gross"}
    hf = zaehlung(ergebnis, "handlungsfeld")  # only bundesland=BY applied
    assert hf["sprache"] == 1 and hf["wohnen"] == 1 and hf["kultur-sport"] == 0
    land = zaehlung(ergebnis, "bundesland")  # only handlungsfeld=sprache applied
    assert land["SH"] == 1 and land["BY"] == 1 and land["NW"] == 0
    status = zaehlung(ergebnis, "status")  # both applied
    assert status == {"geplant": 0, "laufend": 1, "abgeschlossen": 0, "verstetigt": 0}


def test_m2m_counts_count_each_entry_once(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(zielgruppe=("gefluechtete", "frauen")))
    assert ergebnis.anzahl == 3
    zg = zaehlung(ergebnis, "zielgruppe")
    assert zg["gefluechtete"] == 2 and zg["frauen"] == 2 and zg["familien"] == 1
    assert zaehlung(ergebnis, "handlungsfeld")["sprache"] == 2


def test_kreis_filter_matches_entries_of_the_kreis_gemeinden(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(kreis=("01062",)))
    assert titel(ergebnis, beispiele) == {"sprachcafe", "sport"}
    assert zaehlung(ergebnis, "bundesland")["SH"] == 2
    assert DatenbankBackend().suche(SuchAnfrage(kreis=("16077",))).anzahl == 0


def test_text_query_restricts_the_counts(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Mütter"))
    assert titel(ergebnis, beispiele) == {"sprachcafe", "sprachkurs_gross"}
    assert zaehlung(ergebnis, "handlungsfeld")["sprache"] == 2
    assert zaehlung(ergebnis, "handlungsfeld")["wohnen"] == 0
