"""A hanging engine costs one slow request, not every request.

A listener that accepts connections and never answers stands in for a hung engine. The first
search waits for the short query timeout, the failure is remembered in the shared cache (the
database, seen by every process), and meanwhile the database answers without asking the engine:
the listener counts the connections. The only timing is a loose bound on the first request that
proves the short timeout is used instead of the old 10 s; it is not a speed test.
"""

import socket
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

import pytest

from kommunen.profiles import ensure_profile
from search import breaker
from search import client as search_client

SLACK = 1.5  # seconds on top of a timeout, for a slow test machine


class SilentEngine:
    """Accepts TCP connections in a thread, holds them open and never answers."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.server.settimeout(0.05)
        self.connections: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.getsockname()[1]}"

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                connection, _address = self.server.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.server.close()


@pytest.fixture
def silent_engine(entries, settings):
    """SEARCH_URL pointing at a silent listener; the entries exist before (nothing indexes)."""
    engine = SilentEngine()
    settings.SEARCH_URL, settings.SEARCH_ENGINE = engine.url, "opensearch"
    search_client.reset()
    breaker.forget_failure()
    yield engine
    breaker.forget_failure()
    search_client.reset()
    engine.close()


def timed_get(http, url: str, params: dict | None = None):
    started = time.monotonic()
    response = http.get(url, params or {})
    return response, time.monotonic() - started


def test_one_slow_search_then_every_page_answers_at_once(silent_engine, settings, client, entries):
    response, first = timed_get(client, "/api/v1/praxis/", {"handlungsfeld": "sprache"})
    assert response.json()["backend"] == "datenbank" and response.json()["anzahl"] == 2
    assert first < settings.SEARCH_TIMEOUT + settings.SEARCH_CONNECT_TIMEOUT + SLACK
    assert len(silent_engine.connections) == 1

    kleinau = ensure_profile(entries["sport"].kommune)
    for url, params in [
        ("/api/v1/praxis/", {"q": "Mütter"}),
        ("/suche/", {"q": "Mütter"}),
        (entries["sprachcafe"].url, {}),  # similar entries
        (f"/api/v1/praxis/{entries['sprachcafe'].austausch_id}/aehnliche/", {}),
        (kleinau.url, {}),  # comparable Kommunen
        ("/api/v1/kommunen/01062001/vergleichbare/", {}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert len(silent_engine.connections) == 1, url  # nobody asked the engine again


def test_the_page_says_the_engine_is_unavailable(silent_engine, client):
    text = client.get("/suche/", {"q": "Mütter"}).content.decode()
    assert "Die Suchmaschine ist gerade nicht erreichbar." in text
    assert "Sprachcafé für <mark>Mütter</mark>" in text


def test_the_similar_entries_still_show_on_the_entry_page(silent_engine, client, entries):
    text = client.get(entries["sprachcafe"].url).content.decode()
    assert "Ähnliche Praxisbeispiele" in text and "Sprachkurs für Mütter" in text


def test_the_engine_is_tried_again_after_the_retry_time(silent_engine, settings, client):
    # The retry time leaves room for the database's answers on a busy CI machine: a second
    # request later than it would ask the engine again.
    settings.SEARCH_TIMEOUT, settings.SEARCH_RETRY_AFTER = 0.3, 4
    client.get("/api/v1/praxis/")
    client.get("/api/v1/praxis/")
    assert len(silent_engine.connections) == 1
    time.sleep(4.3)
    response = client.get("/api/v1/praxis/")
    assert response.json()["backend"] == "datenbank"
    assert len(silent_engine.connections) == 2


def test_asking_the_server_for_its_engine_is_bounded_too(silent_engine, settings, client):
    settings.SEARCH_ENGINE = ""  # the client is chosen from the server's answer, which hangs
    response, first = timed_get(client, "/api/v1/praxis/")
    assert response.json()["backend"] == "datenbank"
    assert first < settings.SEARCH_TIMEOUT + SLACK
    asked = len(silent_engine.connections)
    assert client.get("/api/v1/praxis/").json()["backend"] == "datenbank"
    assert len(silent_engine.connections) == asked  # the remembered failure: not asked again


def test_default_timeouts_are_short_for_queries_and_long_for_indexing(settings):
    assert settings.SEARCH_CONNECT_TIMEOUT <= 1 and settings.SEARCH_TIMEOUT <= 2
    assert settings.SEARCH_INDEX_TIMEOUT >= 30
    assert settings.SEARCH_RETRY_AFTER == 30


def test_the_failure_is_kept_where_every_process_sees_it():
    assert not isinstance(caches[breaker.CACHE_ALIAS], LocMemCache)
    assert caches[breaker.CACHE_ALIAS].__class__.__name__ == "DatabaseCache"
