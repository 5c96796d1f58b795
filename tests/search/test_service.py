"""The search service's engine → database fallback: connection errors only."""

import pytest

from search import service
from search.backends.engine import EngineBackend
from search.query import SearchQuery


@pytest.fixture
def engine_configured(settings):
    """SEARCH_URL set and the engine named, so no request is made to pick the client."""
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9", "opensearch"


def test_unreachable_engine_falls_back_to_the_database(entries, engine_configured):
    result = service.search(SearchQuery(handlungsfeld=("sprache",)))
    assert result.backend == "datenbank" and result.anzahl == 2


def test_programming_error_in_the_engine_backend_is_not_swallowed(
    entries, engine_configured, monkeypatch
):
    def broken(self, query):
        raise KeyError("aggregations")

    monkeypatch.setattr(EngineBackend, "search", broken)
    with pytest.raises(KeyError, match="aggregations"):
        service.search(SearchQuery())


def test_database_errors_are_not_retried_on_the_database(entries, settings, monkeypatch):
    def unreachable(self, query):
        raise ConnectionError("database on fire")

    settings.SEARCH_URL = ""
    monkeypatch.setattr("search.backends.database.DatabaseBackend.search", unreachable)
    with pytest.raises(ConnectionError):
        service.search(SearchQuery())
