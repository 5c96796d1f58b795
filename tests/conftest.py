"""Fixtures every app's tests may use; app-specific ones live in tests/<app>/conftest.py."""

from wagtail.models import Site

import pytest

from tests import services


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
