"""German analysis in the real engine: spelling, morphology, compounds, synonyms, typos."""

import pytest

from search.analysis import INDEX_ANALYZER, german_normalization, woerterbuch
from search.backends.engine import EngineBackend
from search.indices import alias_name
from search.query import SuchAnfrage
from tests.search.conftest import praxis_anlegen
from tests.search.engine_support import engine_fixture, indexieren  # noqa: F401

pytestmark = pytest.mark.django_db

EINTRAEGE = {
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
def analyse_daten(engine, kommunen):
    seiten = {
        schluessel: praxis_anlegen(kommunen["klein"], titel, text, handlungsfelder=("sprache",))
        for schluessel, (titel, text) in EINTRAEGE.items()
        if schluessel != "fussball"
    }
    seiten["fussball"] = praxis_anlegen(
        kommunen["klein"], *EINTRAEGE["fussball"], handlungsfelder=("kultur-sport",)
    )
    indexieren()
    return seiten


def treffer(seiten: dict, q: str) -> list[str]:
    """The keys of the entries the engine finds for q, best first."""
    nach_id = {seite.pk: schluessel for schluessel, seite in seiten.items()}
    return [nach_id[t.page_id] for t in EngineBackend().suche(SuchAnfrage(q=q)).treffer]


FAELLE = [
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


def test_findet_varianten_als_ersten_treffer(analyse_daten):
    """Spelling, stemming, compounds, synonyms and typos: the right entry comes first."""
    falsch = {}
    for q, erwartet in FAELLE:
        gefunden = treffer(analyse_daten, q)
        if not gefunden or gefunden[0] != erwartet:
            falsch[q] = gefunden
    assert not falsch, f"falscher erster Treffer: {falsch}"


def test_findet_nichts_unpassendes(analyse_daten):
    for q in ("Dolmetscher", "Elterncafé", "Gefluechtete", "IKÖ", "Integrationslosten"):
        assert "fussball" not in treffer(analyse_daten, q), q


def test_synonyme_gelten_in_beide_richtungen(analyse_daten):
    assert treffer(analyse_daten, "interkulturelle Öffnung")[0] == "ikoe"
    assert "sprachmittler" in treffer(analyse_daten, "Dolmetscherin")


def test_python_normalisierung_gleicht_der_engine(engine, analyse_daten):
    """The decompounder dictionary is normalised in Python exactly as the engine normalises."""
    woerter = ["Geflüchtete", "Gefluechtete", "neue", "Straße", "Queue", "Mauer", "Bürger"]
    for wort in woerter:
        antwort = engine.indices.analyze(
            index=alias_name(),
            body={
                "tokenizer": "keyword",
                "filter": ["lowercase", "german_normalization"],
                "text": wort,
            },
        )
        assert antwort["tokens"][0]["token"] == german_normalization(wort.lower())
    assert "forderung" in woerterbuch()


def test_such_analyzer_zerlegt_komposita(engine, analyse_daten):
    antwort = engine.indices.analyze(
        index=alias_name(), body={"analyzer": INDEX_ANALYZER, "text": "Sprachförderung"}
    )
    tokens = {t["token"] for t in antwort["tokens"]}
    assert {"sprach", "forderung"} <= tokens
