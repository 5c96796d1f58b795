"""The transport to the search engine: opensearch-py or elasticsearch-py, chosen by the server.

Mappings and queries are built with `elasticsearch.dsl` and sent as plain dicts through
whichever client fits, so the rest of the app does not care which engine answers.
"""

import json
import logging
import urllib.request
from functools import cache

from django.conf import settings

ENGINES = ("opensearch", "elasticsearch")

# The clients log every request at INFO; keep warnings and errors only.
for _name in ("opensearch", "opensearchpy.trace", "elastic_transport.transport"):
    logging.getLogger(_name).setLevel(logging.WARNING)


class SearchNotConfigured(RuntimeError):
    """SEARCH_URL is empty: the database backend answers instead."""


def engine_name() -> str:
    """ "opensearch" or "elasticsearch", from SEARCH_ENGINE or the server's info answer."""
    return _engine_name(settings.SEARCH_URL, settings.SEARCH_ENGINE)


@cache
def _engine_name(url: str, configured: str) -> str:
    if configured:
        if configured not in ENGINES:
            raise ValueError(f"SEARCH_ENGINE must be one of {ENGINES}, not {configured!r}")
        return configured
    if not url:
        raise SearchNotConfigured("SEARCH_URL is not set")
    # A page may be waiting for this answer: the short query timeout applies.
    with urllib.request.urlopen(url, timeout=settings.SEARCH_TIMEOUT) as response:
        info = json.load(response)
    return (
        "opensearch"
        if info.get("version", {}).get("distribution") == "opensearch"
        else "elasticsearch"
    )


def get_client():
    """The cached client for indexing and index management (SEARCH_INDEX_TIMEOUT)."""
    timeout = settings.SEARCH_INDEX_TIMEOUT
    return _client(settings.SEARCH_URL, engine_name(), timeout, timeout)


def query_client():
    """The cached client for searches a page waits for: short connect and read timeouts
    (SEARCH_CONNECT_TIMEOUT, SEARCH_TIMEOUT), so a hanging engine costs seconds, not ten."""
    connect, read = settings.SEARCH_CONNECT_TIMEOUT, settings.SEARCH_TIMEOUT
    return _client(settings.SEARCH_URL, engine_name(), connect, read)


@cache
def _client(url: str, engine: str, connect: float, read: float):
    if not url:
        raise SearchNotConfigured("SEARCH_URL is not set")
    if engine == "opensearch":
        from opensearchpy import OpenSearch
        from urllib3 import Timeout

        return OpenSearch(hosts=[url], timeout=Timeout(connect=connect, read=read), max_retries=0)
    from elasticsearch import Elasticsearch

    # elastic-transport knows one timeout for the whole request; it bounds the connect too.
    return Elasticsearch(url, request_timeout=read, max_retries=0)


def bulk(actions, **kwargs) -> tuple[int, list]:
    """Send bulk actions through the helper of the client in use."""
    if engine_name() == "opensearch":
        from opensearchpy.helpers import bulk as helper
    else:
        from elasticsearch.helpers import bulk as helper
    return helper(get_client(), actions, **kwargs)


def connection_errors() -> tuple[type[Exception], ...]:
    """Exceptions that mean "the engine is unreachable or refused the request"."""
    from elastic_transport import TransportError as EsTransportError
    from elasticsearch import ApiError
    from opensearchpy.exceptions import OpenSearchException

    return (OpenSearchException, EsTransportError, ApiError, OSError)


def reset() -> None:
    """Forget cached clients (tests switch SEARCH_URL and prefixes)."""
    _client.cache_clear()
    _engine_name.cache_clear()
