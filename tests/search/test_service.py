"""The search service's engine → database fallback: connection errors only."""

from collections.abc import Callable
from typing import Any

from wagtail.models import PageViewRestriction

import pytest
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from search import breaker, service
from search.backends.engine import EngineBackend
from search.query import Hit, SearchQuery


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


# Each service function with the engine backend method it asks.
SERVICE_CALLS: dict[str, Callable[[Any, Any], Any]] = {
    "search": lambda entries, kommunen: service.search(SearchQuery()),
    "similar_entries": lambda entries, kommunen: service.similar(entries["sprachcafe"]),
    "comparable_kommunen": lambda entries, kommunen: service.comparable(kommunen["klein"]),
}


@pytest.mark.parametrize("method", SERVICE_CALLS)
def test_a_value_error_in_the_engine_backend_propagates(
    entries, kommunen, engine_configured, monkeypatch, method
):
    def broken(self, *args):
        raise ValueError("not an outage")

    monkeypatch.setattr(EngineBackend, method, broken)
    with pytest.raises(ValueError, match="not an outage"):
        SERVICE_CALLS[method](entries, kommunen)
    # Not taken for an outage: the engine is asked again next time.
    assert not breaker.engine_recently_failed()


def test_a_connection_error_of_the_engine_client_falls_back(
    entries, kommunen, engine_configured, monkeypatch
):
    def unreachable(self, *args):
        raise OpenSearchConnectionError("N/A", "Connection refused", None)

    for method in SERVICE_CALLS:
        monkeypatch.setattr(EngineBackend, method, unreachable)
    answers = {method: call(entries, kommunen) for method, call in SERVICE_CALLS.items()}
    assert answers["search"].backend == "datenbank" and answers["search"].anzahl == 5
    assert answers["similar_entries"][0].page_id == entries["sprachkurs_gross"].pk
    assert answers["comparable_kommunen"][0][0] == kommunen["nachbar"]
    assert breaker.engine_recently_failed()


def test_hit_cards_drop_an_entry_restricted_after_indexing(entries):
    restricted = entries["wohnen"]
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    hits = [Hit(page_id=page.pk, score=1.0) for page in entries.values() if page.live]
    cards = service.hit_cards(hits)
    assert restricted.pk not in [card.page.pk for card in cards]
    assert len(cards) == len(hits) - 1


def test_an_engine_without_the_index_yet_falls_back_to_the_database(entries, engine):
    """The engine answers a multi-search with 200 and puts "no such index" into each item;
    that is an outage of the search as well, not a crash."""
    result = service.search(SearchQuery(handlungsfeld=("sprache",)))
    assert result.backend == "datenbank" and result.anzahl == 2
    assert breaker.engine_recently_failed()
