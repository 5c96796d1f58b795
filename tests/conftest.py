"""Fixtures every app's tests may use; app-specific ones live in tests/<app>/conftest.py."""

import pytest

from tests import dienste


@pytest.fixture(scope="session")
def chromium_pfad() -> str:
    """Path of the chromium binary; skips locally, fails in CI when it is missing."""
    return dienste.chromium_pfad()


@pytest.fixture
def postgres_pflicht(db) -> None:
    """Mark a test as needing PostgreSQL; skips locally, fails in CI on another database."""
    dienste.postgres_pflicht()


@pytest.fixture
def home_page(db):
    """The migrated HomePage, root of the default site."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific
