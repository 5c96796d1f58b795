"""EngineBackend on the real engine: facets, filters, highlighting, paging, sorting, ranking."""

from datetime import timedelta

from django.utils import timezone

import pytest

from praxis.models import PraxisPage
from search.backends.engine import EngineBackend
from search.query import SuchAnfrage
from search.ranking import KommuneMerkmale, ranking_faktor, vergleichbarkeit
from tests.search.conftest import praxis_anlegen
from tests.search.engine_support import engine_fixture, indexieren  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(engine, beispiele):
    indexieren()
    return beispiele


def suche(**kwargs):
    return EngineBackend().suche(SuchAnfrage(**kwargs))


def ids(ergebnis) -> set[int]:
    return {t.page_id for t in ergebnis.treffer}


def anzahlen(ergebnis, facette: str) -> dict[str, int]:
    return {f.wert: f.anzahl for f in ergebnis.facetten[facette]}


def test_nur_veroeffentlichte_eintraege(index):
    ergebnis = suche()
    assert ergebnis.anzahl == 5
    assert index["entwurf"].pk not in ids(ergebnis)
    assert ergebnis.backend == "opensearch"
    assert all(t.score == pytest.approx(1.0) for t in ergebnis.treffer)


def test_facette_zaehlt_ohne_eigene_auswahl(index):
    ergebnis = suche(handlungsfeld=("sprache",))
    assert ids(ergebnis) == {index["sprachcafe"].pk, index["sprachkurs_gross"].pk}
    hf = anzahlen(ergebnis, "handlungsfeld")
    assert hf["sprache"] == 2 and hf["wohnen"] == 1 and hf["interkulturelle-oeffnung"] == 1
    assert anzahlen(ergebnis, "status") == {
        "geplant": 0,
        "laufend": 2,
        "abgeschlossen": 0,
        "verstetigt": 0,
    }
    assert [f.wert for f in ergebnis.facetten["bundesland"]][:3] == ["SH", "HH", "NI"]
    assert len(ergebnis.facetten["bundesland"]) == 16


def test_oder_innerhalb_und_zwischen_facetten(index):
    assert suche(handlungsfeld=("sprache", "wohnen")).anzahl == 3
    beide = suche(handlungsfeld=("sprache", "wohnen"), bundesland=("BY",))
    assert ids(beide) == {index["wohnen"].pk, index["sprachkurs_gross"].pk}
    assert anzahlen(beide, "bundesland")["SH"] == 1  # own facet ignores its selection
    assert anzahlen(beide, "handlungsfeld")["sprache"] == 1


def test_kreis_filter_gilt_auch_fuer_zaehlung(index):
    ergebnis = suche(kreis=("01062",))
    assert ids(ergebnis) == {index["sprachcafe"].pk, index["sport"].pk}
    assert sum(anzahlen(ergebnis, "status").values()) == 2


def test_text_schraenkt_facetten_ein_und_hebt_hervor(index):
    ergebnis = suche(q="Mütter")
    assert ids(ergebnis) == {index["sprachcafe"].pk, index["sprachkurs_gross"].pk}
    assert sum(anzahlen(ergebnis, "status").values()) == 2
    for treffer in ergebnis.treffer:
        assert "<mark>Mütter</mark>" in treffer.hervorhebung["title"][0]


def test_hervorhebung_ist_escaped(engine, kommunen):
    praxis_anlegen(kommunen["klein"], "Lernwerkstatt", "Kinder <script>x</script> lernen & spielen")
    indexieren()
    (treffer,) = suche(q="Lernwerkstatt Kinder").treffer
    fragment = treffer.hervorhebung["kurzbeschreibung"][0]
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment
    assert "<mark>Kinder</mark>" in fragment


def test_seiten(index):
    erste, zweite, dritte = (suche(pro_seite=2, seite=n) for n in (1, 2, 3))
    assert erste.anzahl == zweite.anzahl == 5
    assert len(erste.treffer) == len(zweite.treffer) == 2 and len(dritte.treffer) == 1
    assert len(ids(erste) | ids(zweite) | ids(dritte)) == 5


def test_sortierung_neueste(index):
    jetzt = timezone.now()
    reihenfolge = ["ikoe", "sport", "wohnen", "sprachcafe", "sprachkurs_gross"]
    for tage, name in enumerate(reihenfolge):
        PraxisPage.objects.filter(pk=index[name].pk).update(
            first_published_at=jetzt - timedelta(days=tage)
        )
    indexieren()
    ergebnis = suche(sortierung="neueste")
    assert [t.page_id for t in ergebnis.treffer] == [index[n].pk for n in reihenfolge]


def test_titel_zaehlt_mehr_als_text(index):
    ergebnis = suche(q="Sprachkurs für Mütter")
    assert ergebnis.treffer[0].page_id == index["sprachkurs_gross"].pk


def test_vergleich_hebt_aehnliche_kommunen_und_erklaert(index, kommunen):
    ohne = suche(q="Mütter")
    mit = suche(q="Mütter", vergleich=kommunen["gross"].ags)
    assert ohne.treffer[0].page_id == index["sprachcafe"].pk
    assert mit.treffer[0].page_id == index["sprachkurs_gross"].pk
    assert ids(mit) == ids(ohne)  # strongly relevant entries from other sizes stay visible
    erklaerung = {t.page_id: t.erklaerung for t in mit.treffer}
    assert erklaerung[index["sprachkurs_gross"].pk] == [
        "ähnliche Größe",
        "gleiche Größenklasse",
        "ähnliche Siedlungsdichte",
        "gleicher Kreis",
        "gleiches Bundesland",
    ]
    assert erklaerung[index["sprachcafe"].pk] == []


def test_vergleich_multipliziert_textrelevanz(index, kommunen):
    """score = text relevance * (1 + 1.5 * vergleichbarkeit), also with a query."""
    ohne = {t.page_id: t.score for t in suche(q="Sprachkurs für Mütter").treffer}
    ref = KommuneMerkmale.aus_kommune(kommunen["klein"])
    for treffer in suche(q="Sprachkurs für Mütter", vergleich=kommunen["klein"].ags).treffer:
        lead = PraxisPage.objects.get(pk=treffer.page_id).kommune
        wert, _ = vergleichbarkeit(ref, KommuneMerkmale.aus_kommune(lead))
        assert treffer.score == pytest.approx(ohne[treffer.page_id] * ranking_faktor(wert), 1e-5)


def test_vergleichsfaktor_wie_python(index, kommunen):
    """Without q the engine score is exactly 1 + 1.5 * vergleichbarkeit (within 1e-6)."""
    for referenz in kommunen.values():
        ergebnis = suche(vergleich=referenz.ags)
        ref = KommuneMerkmale.aus_kommune(referenz)
        for treffer in ergebnis.treffer:
            lead = PraxisPage.objects.get(pk=treffer.page_id).kommune
            wert, _ = vergleichbarkeit(ref, KommuneMerkmale.aus_kommune(lead))
            assert treffer.score == pytest.approx(ranking_faktor(wert), abs=1e-6)


def test_aehnliche_ohne_sich_selbst(index):
    aehnliche = EngineBackend().aehnliche(index["sprachcafe"])
    gefunden = [t.page_id for t in aehnliche]
    assert index["sprachcafe"].pk not in gefunden
    assert gefunden[0] == index["sprachkurs_gross"].pk
    assert "gleiches Handlungsfeld: Sprache" in aehnliche[0].erklaerung
    assert index["entwurf"].pk not in gefunden


def test_seite_weit_hinter_dem_ende(index):
    ergebnis = suche(seite=5000, pro_seite=100)
    assert ergebnis.anzahl == 5 and ergebnis.treffer == []
    assert sum(anzahlen(ergebnis, "status").values()) == 5
