"""Helpers for tests against the real search engine (SEARCH_URL); skip locally, fail in CI.

The `engine` fixture itself is registered in tests/search/conftest.py.
"""

import os

from search import client
from search.indices import alias_name, rebuild
from tests import services


def engine_url() -> str:
    """SEARCH_URL of the running engine, or skip (locally) / fail (in CI)."""
    url = os.environ.get("SEARCH_URL", "")
    if not url:
        services.service_missing("OpenSearch", "SEARCH_URL setzen (scripts/opensearch.sh start)")
    return url


def rebuild_index() -> dict:
    """Rebuild the index from the database; searches see it at once."""
    return rebuild()


def refresh_index() -> None:
    client.get_client().indices.refresh(index=alias_name())
