"""Rebuild into a new versioned index with an atomic alias swap; searches keep answering."""

import io
import threading

from django.core.management import CommandError, call_command

import pytest

from search import client, indices
from search.backends.engine import EngineBackend
from search.models import IndexAuftrag
from search.query import SuchAnfrage
from tests.search.conftest import praxis_anlegen
from tests.search.engine_support import engine_fixture, indexieren  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(engine, beispiele):
    indexieren()
    return beispiele


def befehl(*args: str) -> str:
    ausgabe = io.StringIO()
    call_command("search_index", *args, stdout=ausgabe)
    return ausgabe.getvalue()


def test_suche_antwortet_waehrend_des_neuaufbaus(index, kommunen, monkeypatch):
    for n in range(6):
        praxis_anlegen(kommunen["klein"], f"Nachbarschaftshilfe {n}")
    monkeypatch.setattr(indices, "BULK_GROESSE", 2)
    alt = indices.aktive_indizes()
    waehrenddessen = []

    def suchen(_meldung: str) -> None:
        waehrenddessen.append(EngineBackend().suche(SuchAnfrage()).anzahl)

    ergebnis = indices.neu_aufbauen(suchen)
    assert len(waehrenddessen) >= 6
    # The old index answers until the swap; the last message comes after it.
    assert set(waehrenddessen[:-1]) == {5} and waehrenddessen[-1] == 11
    assert ergebnis["anzahl"] == 11
    assert EngineBackend().suche(SuchAnfrage()).anzahl == 11
    assert indices.aktive_indizes() == [ergebnis["index"]] != alt
    assert indices.versionen() == [ergebnis["index"]]


def test_parallele_suchen_sehen_nie_einen_leeren_index(index, kommunen, monkeypatch):
    for n in range(6):
        praxis_anlegen(kommunen["nachbar"], f"Begegnungsfest {n}")
    monkeypatch.setattr(indices, "BULK_GROESSE", 3)
    es = client.get_client()
    alias, anzahlen, fehler, fertig = indices.alias_name(), [], [], threading.Event()

    def dauernd_suchen() -> None:
        while not fertig.is_set():
            try:
                anzahlen.append(es.count(index=alias)["count"])
            except Exception as e:  # any failure is recorded and asserted
                fehler.append(e)

    leser = threading.Thread(target=dauernd_suchen)
    leser.start()
    try:
        ausgabe = befehl("--rebuild")
    finally:
        fertig.set()
        leser.join()
    assert not fehler
    assert anzahlen and set(anzahlen) <= {5, 11}
    assert "11/11 Praxisbeispiele indexiert" in ausgabe
    assert "Alias" in ausgabe


def test_status_und_pruefung(index, settings):
    ausgabe = befehl("--status")
    assert "Dokumente im Index: 5" in ausgabe
    assert "Öffentliche Praxisbeispiele in der Datenbank: 5" in ausgabe
    assert "in Ordnung" in befehl("--check")
    IndexAuftrag.objects.create(page_id=index["entwurf"].pk)
    with pytest.raises(CommandError, match="warten"):
        befehl("--check")
    assert "1 vorgemerkte Seite(n) abgeglichen" in befehl("--catch-up")
    assert "in Ordnung" in befehl("--check")


def test_nachholen_baut_fehlenden_index_auf(engine, beispiele):
    assert indices.aktive_indizes() == []
    befehl("--catch-up")
    assert EngineBackend().suche(SuchAnfrage()).anzahl == 5


def test_ohne_suchmaschine_klare_meldung(settings):
    settings.SEARCH_URL = ""
    with pytest.raises(CommandError, match="SEARCH_URL ist nicht gesetzt"):
        befehl("--status")
