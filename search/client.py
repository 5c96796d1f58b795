"""The transport to the search engine: opensearch-py or elasticsearch-py, chosen by the server.

Mappings and queries are built with `elasticsearch.dsl` and sent as plain dicts through
whichever client fits, so the rest of the app does not care which engine answers.
SEARCH_URL names one node (or a load balancer) or the nodes of a cluster, comma-separated.
"""

import base64
import json
import logging
import urllib.request
from functools import cache
from urllib.parse import unquote, urlsplit

from django.conf import settings

ENGINES = ("opensearch", "elasticsearch")

# The clients log every request at INFO; keep warnings and errors only.
for _name in ("opensearch", "opensearchpy.trace", "elastic_transport.transport"):
    logging.getLogger(_name).setLevel(logging.WARNING)


class SearchNotConfigured(RuntimeError):
    """SEARCH_URL is empty: the database backend answers instead."""


def node_urls(url: str) -> tuple[str, ...]:
    """The node URLs in SEARCH_URL: one, or several separated by commas (a cluster)."""
    return tuple(part.strip() for part in url.split(",") if part.strip())


def engine_name() -> str:
    """ "opensearch" or "elasticsearch", from SEARCH_ENGINE or the server's info answer."""
    return _engine_name(settings.SEARCH_URL, settings.SEARCH_ENGINE)


@cache
def _engine_name(url: str, configured: str) -> str:
    if configured:
        if configured not in ENGINES:
            raise ValueError(f"SEARCH_ENGINE must be one of {ENGINES}, not {configured!r}")
        return configured
    nodes = node_urls(url)
    if not nodes:
        raise SearchNotConfigured("SEARCH_URL is not set")
    return _engine_of(_server_info(nodes))


def _server_info(nodes: tuple[str, ...]) -> dict:
    """The info answer of the first node that gives one: a stopped node is no reason to fail."""
    error: OSError | None = None
    for node in nodes:
        try:
            # A page may be waiting for this answer: the short query timeout applies.
            with urllib.request.urlopen(
                info_request(node), timeout=settings.SEARCH_TIMEOUT
            ) as response:
                return json.load(response)
        except OSError as failure:
            error = failure
    assert error is not None  # nodes is not empty
    raise error


def info_request(node: str) -> urllib.request.Request:
    """A GET of the node's info; credentials in the URL become a Basic auth header, since
    urllib would take `user:password@host` for the host name."""
    parts = urlsplit(node)
    if parts.username is None:
        return urllib.request.Request(node)
    host = parts.netloc.rpartition("@")[2]
    credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    token = base64.b64encode(credentials.encode()).decode()
    return urllib.request.Request(
        parts._replace(netloc=host).geturl(), headers={"Authorization": f"Basic {token}"}
    )


def _engine_of(info: dict) -> str:
    distribution = info.get("version", {}).get("distribution")
    return "opensearch" if distribution == "opensearch" else "elasticsearch"


def get_client():
    """The cached client for indexing and index management (SEARCH_INDEX_TIMEOUT)."""
    timeout = settings.SEARCH_INDEX_TIMEOUT
    return _client(node_urls(settings.SEARCH_URL), engine_name(), timeout, timeout)


def query_client():
    """The cached client for searches a page waits for: short connect and read timeouts
    (SEARCH_CONNECT_TIMEOUT, SEARCH_TIMEOUT), so a hanging engine costs seconds, not ten."""
    connect, read = settings.SEARCH_CONNECT_TIMEOUT, settings.SEARCH_TIMEOUT
    return _client(node_urls(settings.SEARCH_URL), engine_name(), connect, read)


@cache
def _client(nodes: tuple[str, ...], engine: str, connect: float, read: float):
    if not nodes:
        raise SearchNotConfigured("SEARCH_URL is not set")
    # A node that refuses or does not answer is marked dead and the request goes to the next
    # one, each node at most once; a single node is asked once, so an outage costs one timeout.
    retries, on_timeout = len(nodes) - 1, len(nodes) > 1
    if engine == "opensearch":
        from opensearchpy import OpenSearch
        from urllib3 import Timeout

        return OpenSearch(
            hosts=list(nodes),
            timeout=Timeout(connect=connect, read=read),
            max_retries=retries,
            retry_on_timeout=on_timeout,
        )
    from elasticsearch import Elasticsearch

    # elastic-transport knows one timeout for the whole request; it bounds the connect too.
    return Elasticsearch(
        list(nodes), request_timeout=read, max_retries=retries, retry_on_timeout=on_timeout
    )


def bulk(actions, **kwargs) -> tuple[int, list]:
    """Send bulk actions through the helper of the client in use."""
    if engine_name() == "opensearch":
        from opensearchpy.helpers import bulk as helper
    else:
        from elasticsearch.helpers import bulk as helper
    return helper(get_client(), actions, **kwargs)


class ItemRefused(Exception):
    """One search of an `_msearch` failed: the engine answers 200 for the whole request and
    puts each search's error into its item."""

    def __init__(self, item: dict):
        error = item.get("error", {})
        reason = error.get("reason", error) if isinstance(error, dict) else error
        super().__init__(f"{item.get('status', '?')}: {reason}")


def connection_errors() -> tuple[type[Exception], ...]:
    """Exceptions that mean "the engine is unreachable or refused the request"."""
    from elastic_transport import TransportError as EsTransportError
    from elasticsearch import ApiError
    from opensearchpy.exceptions import OpenSearchException

    return (OpenSearchException, EsTransportError, ApiError, OSError, ItemRefused)


def reset() -> None:
    """Forget cached clients (tests switch SEARCH_URL and prefixes)."""
    _client.cache_clear()
    _engine_name.cache_clear()
