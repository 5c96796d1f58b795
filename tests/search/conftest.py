"""Fixtures of the search tests: the Kommunen and entries of tests/search/content.py, built once
per module, and the `engine` fixture for tests against the real engine (marked `engine`)."""

import copy
import itertools
import os
from collections.abc import Iterator

import pytest

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search import client
from search.indices import versions
from tests.world import built_for_module

from .content import SearchWorld, build_search_world, create_entries, create_kommunen
from .engine_support import engine_url, rebuild_index

_index_counter = itertools.count()


@pytest.fixture(scope="module")
def search_world(request, django_db_setup, django_db_blocker) -> Iterator[SearchWorld | None]:
    """The Kommunen and entries of tests/search/content.py, built once per module; None in
    modules marked `search_data_per_test`, whose tests also need the Kommunen alone."""
    if request.node.get_closest_marker("search_data_per_test"):
        yield None
    else:
        yield from built_for_module(django_db_blocker, build_search_world)


@pytest.fixture
def kommunen(search_world, db) -> dict[str, Kommune]:
    """A small town in Stormarn, its neighbour, a similar town elsewhere and two big cities."""
    if search_world is None:
        return create_kommunen()
    return copy.deepcopy(search_world.kommunen)


@pytest.fixture
def entries(search_world, kommunen) -> dict[str, PraxisPage]:
    """Five live entries and one draft across the Kommunen."""
    if search_world is None:
        return create_entries(kommunen)
    return copy.deepcopy(search_world.entries)


@pytest.fixture
def engine_down(settings):
    """An engine URL where nothing listens, with the cached clients forgotten before and after."""
    settings.SEARCH_URL = "http://127.0.0.1:9"
    client.reset()
    yield
    client.reset()


@pytest.fixture
def engine(settings):
    """Point the app at the engine with an index prefix unique to this test; clean up after."""
    url = settings.SEARCH_URL = engine_url()
    settings.SEARCH_INDEX_PREFIX = f"test-{os.getpid()}-{next(_index_counter)}"
    client.reset()
    yield client.get_client()
    settings.SEARCH_URL = url
    client.reset()
    for index in versions():
        client.get_client().indices.delete(index=index)
    client.reset()


@pytest.fixture
def indexed_entries(engine, entries) -> dict[str, PraxisPage]:
    """The entries, with the engine's index built from them."""
    rebuild_index()
    return entries


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "search_data_per_test: build the search tests' Kommunen and entries for each test "
        "instead of once per module (the module has tests that need the Kommunen alone)",
    )
