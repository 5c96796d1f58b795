"""German analysis in the real engine: spelling, morphology, compounds, synonyms, typos."""

import pytest

from search.analysis import INDEX_ANALYZER, compound_parts, german_normalization
from search.backends.engine import EngineBackend
from search.indices import alias_name
from search.query import SearchQuery
from tests.search.content import create_entry
from tests.search.engine_support import rebuild_index

# Some tests need the Kommunen without the entries.
pytestmark = [pytest.mark.django_db, pytest.mark.search_data_per_test]

ENTRIES = {
    "gefluechtete": ("Wohnraum für Geflüchtete", "Die Gemeinde vermittelt Wohnungen."),
    "sprachkurse": ("Sprachkurse am Abend", "Abendkurse in der Volkshochschule."),
    "foerderung": ("Förderung der Sprache im Kindergarten", "Vorlesen und Singen."),
    "elterncafe": ("Café für Eltern", "Ein offener Treff am Vormittag."),
    "sprachmittler": ("Sprachmittler-Pool", "Ehrenamtliche begleiten zu Ämtern."),
    "ikoe": ("Interkulturelle Öffnung der Verwaltung", "Schulungen im Rathaus."),
    "lotsen": ("Integrationslotsen im Landkreis", "Lotsinnen begleiten Neuzugewanderte."),
    "fussball": ("Fußballturnier im Sommer", "Sportverein lädt alle ein."),
}


@pytest.fixture
def analysis_entries(engine, kommunen):
    pages = {
        key: create_entry(kommunen["klein"], title, text, handlungsfelder=("sprache",))
        for key, (title, text) in ENTRIES.items()
        if key != "fussball"
    }
    pages["fussball"] = create_entry(
        kommunen["klein"], *ENTRIES["fussball"], handlungsfelder=("kultur-sport",)
    )
    rebuild_index()
    return pages


def found(pages: dict, q: str) -> list[str]:
    """The keys of the entries the engine finds for q, best first."""
    by_id = {page.pk: key for key, page in pages.items()}
    return [by_id[t.page_id] for t in EngineBackend().search(SearchQuery(q=q)).treffer]


CASES = [
    ("Gefluechtete", "gefluechtete"),
    ("Geflüchteten", "gefluechtete"),
    ("Sprachkurs", "sprachkurse"),
    ("Sprachförderung", "foerderung"),
    ("Sprachfoerderung", "foerderung"),
    ("Elterncafé", "elterncafe"),
    ("Dolmetscher", "sprachmittler"),
    ("Flüchtlinge", "gefluechtete"),
    ("Schutzsuchende", "gefluechtete"),
    ("IKÖ", "ikoe"),
    ("Integrationslosten", "lotsen"),
]


def test_variants_find_the_right_entry_first(analysis_entries):
    """Spelling, stemming, compounds, synonyms and typos: the right entry comes first."""
    wrong = {}
    for q, expected in CASES:
        hits = found(analysis_entries, q)
        if not hits or hits[0] != expected:
            wrong[q] = hits
    assert not wrong, f"falscher erster Treffer: {wrong}"


def test_variants_find_nothing_unrelated(analysis_entries):
    for q in ("Dolmetscher", "Elterncafé", "Gefluechtete", "IKÖ", "Integrationslosten"):
        assert "fussball" not in found(analysis_entries, q), q


def test_synonyms_work_in_both_directions(analysis_entries):
    assert found(analysis_entries, "interkulturelle Öffnung")[0] == "ikoe"
    assert "sprachmittler" in found(analysis_entries, "Dolmetscherin")


def test_python_normalisation_matches_the_engine(engine, analysis_entries):
    """The decompounder dictionary is normalised in Python exactly as the engine normalises."""
    words = ["Geflüchtete", "Gefluechtete", "neue", "Straße", "Queue", "Mauer", "Bürger"]
    for word in words:
        response = engine.indices.analyze(
            index=alias_name(),
            body={
                "tokenizer": "keyword",
                "filter": ["lowercase", "german_normalization"],
                "text": word,
            },
        )
        assert response["tokens"][0]["token"] == german_normalization(word.lower())
    assert "forderung" in compound_parts()


def test_index_analyzer_splits_compounds(engine, analysis_entries):
    response = engine.indices.analyze(
        index=alias_name(), body={"analyzer": INDEX_ANALYZER, "text": "Sprachförderung"}
    )
    tokens = {t["token"] for t in response["tokens"]}
    assert {"sprach", "forderung"} <= tokens
