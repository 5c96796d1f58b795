"""Fixtures for tests against the real search engine (SEARCH_URL); skip locally, fail in CI."""

import itertools
import os

import pytest

from search import client
from search.indices import alias_name, neu_aufbauen, versionen
from tests import services

_zaehler = itertools.count()


def engine_url() -> str:
    """SEARCH_URL of the running engine, or skip (locally) / fail (in CI)."""
    url = os.environ.get("SEARCH_URL", "")
    if not url:
        services.service_missing("OpenSearch", "SEARCH_URL setzen (scripts/opensearch.sh start)")
    return url


@pytest.fixture(name="engine")
def engine_fixture(settings):
    """Point the app at the engine with an index prefix unique to this test; clean up after."""
    url = settings.SEARCH_URL = engine_url()
    settings.SEARCH_INDEX_PREFIX = f"test-{os.getpid()}-{next(_zaehler)}"
    client.zuruecksetzen()
    yield client.get_client()
    settings.SEARCH_URL = url
    client.zuruecksetzen()
    for index in versionen():
        client.get_client().indices.delete(index=index)
    client.zuruecksetzen()


def indexieren() -> dict:
    """Rebuild the index from the database; searches see it at once."""
    return neu_aufbauen()


def auffrischen() -> None:
    client.get_client().indices.refresh(index=alias_name())
