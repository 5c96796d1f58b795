"""Fixtures every app's tests may use; app-specific ones live in tests/<app>/conftest.py."""

from collections.abc import Iterator

from wagtail.models import Site

import pytest
from hypothesis import HealthCheck, settings

from search.backends.database import row_cache, vocabulary
from tests import services
from tests.world import World, build_world, built_for_module

# Property-based tests run the same examples on every machine (derandomize, no example database
# replaying a local failure) and in bounded time; their examples share one function-scoped
# database, which each test rolls back per example.
settings.register_profile(
    "praxisnetz",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("praxisnetz")


@pytest.fixture(autouse=True)
def fresh_search_state() -> None:
    """Each test's database search starts without kept rows and reads the index's vocabulary
    anew: data a fixture rolled back sent no signal, and rolled-back tests repeat ids
    (search/backends/database/row_cache.py, vocabulary.py)."""
    row_cache.forget()
    vocabulary.forget()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of the chromium binary; skips locally, fails in CI when it is missing."""
    return services.chromium_path()


@pytest.fixture
def require_postgres(db) -> None:
    """Mark a test as needing PostgreSQL; skips locally, fails in CI on another database."""
    services.require_postgres()


@pytest.fixture
def home_page(db):
    """The migrated HomePage, root of the default site."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """The shared page tree (tests/world.py), built once per module."""
    yield from built_for_module(django_db_blocker, build_world)


@pytest.fixture
def world(module_world, db) -> World:
    """The shared page tree for one test: a fresh copy of the module's instances."""
    return module_world.copy()


@pytest.fixture
def committed_world(transactional_db) -> World:
    """The shared page tree committed for one test, for a live server in another thread."""
    return build_world()


# A test using one of these fixtures needs that service and gets its marker, so that e.g.
# `-m "not engine"` leaves out every test that needs OpenSearch.
SERVICE_MARKERS = {"engine": "engine", "require_postgres": "postgres", "chromium_path": "browser"}


def pytest_collection_modifyitems(items) -> None:
    _refuse_commits_without_restoring(items)
    for item in items:
        for fixture, marker in SERVICE_MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


def _refuse_commits_without_restoring(items) -> None:
    """A committing test (transaction=True) must restore the migrated rows (serialized_rollback):
    its flush would otherwise re-create the content types with new ids, and every later test that
    restores the serialized rows fails on a duplicate content type."""
    offenders = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if offenders:
        raise pytest.UsageError(
            "transaction=True ohne serialized_rollback=True: " + ", ".join(offenders)
        )
