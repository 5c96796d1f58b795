"""CI must exercise the real backends; a run that silently fell back to SQLite is a failure."""

import os
from pathlib import Path

from django.db import connection

import pytest

from tests.services import in_ci

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_ci_runs_on_postgresql(require_postgres):
    assert connection.vendor == "postgresql"


@pytest.mark.skipif(not in_ci(), reason="nur in CI: dort muss die Suchmaschine laufen")
def test_ci_has_search_engine_when_script_exists():
    if (REPO / "scripts" / "opensearch.sh").exists():
        # Compare a plain value: a failing assertion must not print the whole environment.
        search_url = os.environ.get("SEARCH_URL", "")
        assert search_url, "SEARCH_URL fehlt in CI"


def test_home_page_is_root_of_default_site(home_page):
    assert home_page.__class__.__name__ == "HomePage"
    assert home_page.live
