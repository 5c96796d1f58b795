"""The facets kosten, foerderprogramm, evidenz and kreis, on the database backend and on the
engine alike: values, labels, counts under the other facets' filters, the programmes' names as
searchable Förderung text."""

from wagtail.search import index

import pytest

from praxis.models import Foerderprogramm, PraxisPage
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.query import SearchQuery

from .content import create_entry
from .engine_support import rebuild_index

# Yearly costs on the class boundaries, one entry of the Landkreis itself.
CONDITIONS = {
    "sprachcafe": {"kosten_jahr_eur": 0, "evidenz": "erprobt", "programme": ["amif"]},
    "wohnen": {"kosten_jahr_eur": 1000, "evidenz": "ausgewertet", "programme": ["amif", "iq"]},
    "sprachkurs_gross": {"kosten_jahr_eur": 1001, "evidenz": "evaluiert", "programme": []},
    "ikoe": {"kosten_jahr_eur": 10_000, "evidenz": "", "programme": ["iq"]},
    "sport": {"kosten_jahr_eur": None, "evidenz": "idee", "programme": ["kita-einstieg"]},
    "kreis": {"kosten_jahr_eur": 10_001, "evidenz": "erprobt", "programme": []},
}


@pytest.fixture
def conditioned(entries, kommunen) -> dict[str, PraxisPage]:
    """The entries with the costs, evidence levels and programmes of CONDITIONS."""
    entries = {**entries, "kreis": create_entry(kommunen["stormarn"], "Kreisweite Lotsen")}
    for key, values in CONDITIONS.items():
        page = entries[key]
        page.kosten_jahr_eur, page.evidenz = values["kosten_jahr_eur"], values["evidenz"]
        page.foerderprogramme.set(Foerderprogramm.objects.filter(slug__in=values["programme"]))
        page.save()
        # What the task worker does once the save has committed its links (the immediate
        # task backend of the tests runs during the save, before the links are written).
        index.insert_or_update_object(page)
    return entries


@pytest.fixture(params=["datenbank", pytest.param("engine", marks=pytest.mark.engine)])
def backend(request, conditioned):
    """The database backend, or the real engine with its index built from `conditioned`."""
    if request.param == "engine":
        request.getfixturevalue("engine")
        rebuild_index()
        return EngineBackend()
    return DatabaseBackend()


def search(backend, **kwargs):
    return backend.search(SearchQuery(pro_seite=100, **kwargs))


def found(result, entries) -> set[str]:
    by_id = {page.pk: key for key, page in entries.items()}
    return {by_id[hit.page_id] for hit in result.treffer}


def counts(result, facet: str) -> dict[str, int]:
    return {value.wert: value.anzahl for value in result.facetten[facet]}


def labels(result, facet: str) -> dict[str, str]:
    return {value.wert: value.label for value in result.facetten[facet]}


def test_yearly_costs_fall_into_their_classes(backend, conditioned):
    result = search(backend)
    assert counts(result, "kosten") == {
        "keine": 1,
        "bis-1000": 1,
        "bis-10000": 2,
        "ueber-10000": 1,
        "unbekannt": 1,
    }
    assert labels(result, "kosten")["bis-10000"] == "1.001 bis 10.000 €"
    assert found(search(backend, kosten=("keine",)), conditioned) == {"sprachcafe"}
    assert found(search(backend, kosten=("bis-10000", "unbekannt")), conditioned) == {
        "sprachkurs_gross",
        "ikoe",
        "sport",
    }


def test_programmes_are_listed_by_name_ended_ones_marked(backend, conditioned):
    result = search(backend)
    programme = counts(result, "foerderprogramm")
    assert len(programme) == Foerderprogramm.objects.count() == 16
    assert programme["amif"] == 2 and programme["iq"] == 2 and programme["esf-plus"] == 0
    names = labels(result, "foerderprogramm")
    assert names["amif"] == "Asyl-, Migrations- und Integrationsfonds (AMIF)"
    assert names["kita-einstieg"].endswith("(beendet)")
    assert list(names) == list(Foerderprogramm.objects.values_list("slug", flat=True))
    selected = search(backend, foerderprogramm=("amif", "kita-einstieg"))
    assert found(selected, conditioned) == {"sprachcafe", "wohnen", "sport"}


def test_evidence_levels_count_only_entries_that_state_one(backend, conditioned):
    result = search(backend)
    assert counts(result, "evidenz") == {
        "idee": 1,
        "erprobt": 2,
        "ausgewertet": 1,
        "evaluiert": 1,
    }
    assert labels(result, "evidenz")["evaluiert"] == "extern evaluiert"
    assert found(search(backend, evidenz=("erprobt",)), conditioned) == {"sprachcafe", "kreis"}


def test_the_kreis_facet_names_the_kreise_with_hits(backend, conditioned):
    result = search(backend)
    # Stormarn: two Gemeinden's entries and the Landkreis's own; München and Köln are
    # kreisfreie Städte, their own Kreise.
    assert [(v.wert, v.label, v.anzahl) for v in result.facetten["kreis"]] == [
        ("09189", "09189", 1),  # Bergdorf's Kreis is not in the test register: no name
        ("05315", "Köln", 1),
        ("09162", "München", 1),
        ("01062", "Stormarn", 3),
    ]
    stormarn = search(backend, kreis=("01062",))
    assert found(stormarn, conditioned) == {"sprachcafe", "sport", "kreis"}
    assert counts(stormarn, "kreis")["05315"] == 1  # its own selection is ignored


def test_a_selected_kreis_without_hits_stays_listed(backend, conditioned):
    result = search(backend, kreis=("16077",), handlungsfeld=("wohnen",))
    assert result.anzahl == 0
    assert counts(result, "kreis") == {"09189": 1, "16077": 0}


def test_each_facet_ignores_its_own_selection_and_applies_the_others(backend, conditioned):
    result = search(backend, kosten=("keine", "bis-1000"), foerderprogramm=("amif",))
    assert found(result, conditioned) == {"sprachcafe", "wohnen"}
    assert counts(result, "kosten")["bis-10000"] == 0  # amif applied: only 0 € and 1.000 €
    assert counts(result, "foerderprogramm")["iq"] == 1  # only the costs applied
    assert counts(result, "evidenz") == {"idee": 0, "erprobt": 1, "ausgewertet": 1, "evaluiert": 0}
    assert counts(result, "kreis") == {"01062": 1, "09189": 1}


def test_a_programmes_name_finds_the_entries_that_link_it(backend, conditioned):
    """No text of these entries says "AMIF": only the linked programme's name does."""
    by_name = search(backend, q="AMIF")
    by_filter = search(backend, foerderprogramm=("amif",))
    assert found(by_name, conditioned) == found(by_filter, conditioned) == {"sprachcafe", "wohnen"}
