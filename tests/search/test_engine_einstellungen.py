"""Engine choice and settings checks."""

import pytest

from search import client
from search.checks import suche_konfiguration
from tests.search.engine_support import engine_url


@pytest.fixture(autouse=True)
def _frische_clients():
    client.zuruecksetzen()
    yield
    client.zuruecksetzen()


def test_engine_aus_antwort_des_servers(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = engine_url(), ""
    assert client.engine_name() == "opensearch"
    assert type(client.get_client()).__module__.startswith("opensearchpy")


def test_engine_aus_einstellung_ohne_serverfrage(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9", "elasticsearch"
    assert client.engine_name() == "elasticsearch"
    assert type(client.get_client()).__module__.startswith("elasticsearch")


def test_ohne_url_keine_engine(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "", ""
    with pytest.raises(client.SucheNichtKonfiguriert):
        client.get_client()


def test_pruefung_meldet_falsche_einstellungen(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "localhost:9200", "solr"
    settings.SEARCH_INDEX_PREFIX = ""
    ids = {fehler.id for fehler in suche_konfiguration(None)}
    assert ids == {"search.E001", "search.E002", "search.E003"}


def test_pruefung_ohne_fehler(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9200", ""
    settings.SEARCH_INDEX_PREFIX = "praxisnetz"
    assert suche_konfiguration(None) == []
