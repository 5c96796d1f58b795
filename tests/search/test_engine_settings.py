"""Engine choice, the nodes of SEARCH_URL, the replicas and the settings checks."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from plattform.settings import base as base_settings
from search import client
from search.checks import check_search_settings
from search.indices import index_definition
from tests.search.engine_support import engine_url
from tests.search.test_engine_outage import SilentEngine

CLUSTER_URL = "http://os-1:9200,http://os-2:9200,http://os-3:9200"
DEAD_URL = "http://127.0.0.1:9"  # nothing listens there: the connection is refused


class InfoHandler(BaseHTTPRequestHandler):
    """Answers every GET like an OpenSearch node's info endpoint; keeps the auth headers."""

    authorizations: list[str | None] = []

    def do_GET(self) -> None:
        self.authorizations.append(self.headers.get("Authorization"))
        body = json.dumps({"version": {"distribution": "opensearch", "number": "2.19.5"}})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        # elasticsearch-py refuses answers without the product header
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture
def info_server() -> Iterator[str]:
    """The URL of a local server that answers like an engine node."""
    InfoHandler.authorizations = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), InfoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def client_nodes(search_client) -> list[str]:
    """host:port of every node a client of either engine knows."""
    if hasattr(search_client.transport, "node_pool"):  # elasticsearch-py
        configs = [node.config for node in search_client.transport.node_pool.all()]
        return sorted(f"{config.host}:{config.port}" for config in configs)
    return sorted(f"{host['host']}:{host['port']}" for host in search_client.transport.hosts)


def client_retries(search_client) -> tuple[int, bool]:
    """(max_retries, retry_on_timeout) of a client of either engine."""
    if hasattr(search_client, "_max_retries"):  # elasticsearch-py keeps them per client
        return search_client._max_retries, search_client._retry_on_timeout
    return search_client.transport.max_retries, search_client.transport.retry_on_timeout


@pytest.fixture(autouse=True)
def _fresh_clients():
    client.reset()
    yield
    client.reset()


@pytest.mark.engine
def test_engine_is_taken_from_the_server_answer(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = engine_url(), ""
    assert client.engine_name() == "opensearch"
    assert type(client.get_client()).__module__.startswith("opensearchpy")


def test_engine_setting_is_used_without_asking_the_server(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9", "elasticsearch"
    assert client.engine_name() == "elasticsearch"
    assert type(client.get_client()).__module__.startswith("elasticsearch")


def test_without_url_there_is_no_engine_client(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "", ""
    with pytest.raises(client.SearchNotConfigured):
        client.get_client()


def test_check_reports_wrong_settings(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "localhost:9200", "solr"
    settings.SEARCH_INDEX_PREFIX = ""
    ids = {error.id for error in check_search_settings(None)}
    assert ids == {"search.E001", "search.E002", "search.E003"}


def test_check_passes_good_settings(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9200", ""
    settings.SEARCH_INDEX_PREFIX = "praxisnetz"
    assert check_search_settings(None) == []


def test_search_url_lists_the_nodes_of_a_cluster():
    assert client.node_urls("http://127.0.0.1:9200") == ("http://127.0.0.1:9200",)
    assert client.node_urls(" http://os-1:9200, http://os-2:9200,,http://os-3:9200 ,") == (
        "http://os-1:9200",
        "http://os-2:9200",
        "http://os-3:9200",
    )
    assert client.node_urls("") == ()


@pytest.mark.parametrize("engine", client.ENGINES)
def test_both_clients_get_every_node_and_try_the_next_one(settings, engine):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = CLUSTER_URL, engine
    search_client = client.get_client()
    assert client_nodes(search_client) == ["os-1:9200", "os-2:9200", "os-3:9200"]
    assert client_retries(search_client) == (2, True)


@pytest.mark.parametrize("engine", client.ENGINES)
def test_a_single_node_is_asked_once(settings, engine):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9200", engine
    assert client_retries(client.query_client()) == (0, False)


def test_engine_is_asked_from_the_first_node_that_answers(settings, info_server):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = f"{DEAD_URL},{info_server}", ""
    assert client.engine_name() == "opensearch"


def test_engine_is_asked_with_the_credentials_of_the_url(settings, info_server):
    """urllib alone would take "praxisnetz:s%40cret@127.0.0.1" for the host name."""
    with_credentials = info_server.replace("http://", "http://praxisnetz:s%40cret@")
    settings.SEARCH_URL, settings.SEARCH_ENGINE = with_credentials, ""
    assert client.engine_name() == "opensearch"
    assert InfoHandler.authorizations == ["Basic cHJheGlzbmV0ejpzQGNyZXQ="]  # praxisnetz:s@cret


def test_engine_question_fails_when_no_node_answers(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = f"{DEAD_URL},http://127.0.0.1:8", ""
    with pytest.raises(OSError):
        client.engine_name()


@pytest.mark.parametrize("engine", client.ENGINES)
def test_a_stopped_node_costs_no_request(settings, info_server, engine):
    """Whichever node a fresh client picks first, the request reaches the live one."""
    settings.SEARCH_URL, settings.SEARCH_ENGINE = f"{DEAD_URL},{info_server}", engine
    for _attempt in range(8):  # the clients shuffle the nodes: both orders come up
        client.reset()
        assert client.query_client().info()["version"]["distribution"] == "opensearch"


def test_check_reports_every_wrong_node(settings):
    settings.SEARCH_URL = "http://os-1:9200,os-2:9200,ftp://os-3"
    errors = check_search_settings(None)
    assert [error.id for error in errors] == ["search.E001", "search.E001"]
    assert "os-2:9200" in errors[0].msg and "ftp://os-3" in errors[1].msg


def test_check_passes_a_cluster_and_refuses_negative_replicas(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = CLUSTER_URL, "opensearch"
    assert check_search_settings(None) == []
    settings.SEARCH_REPLICAS = -1
    assert [error.id for error in check_search_settings(None)] == ["search.E005"]


@pytest.mark.parametrize("replicas", [0, 1, 2])
def test_new_indices_carry_the_configured_replicas(settings, replicas):
    settings.SEARCH_REPLICAS = replicas
    definition = index_definition("praxisnetz-praxis-1")
    assert definition["settings"]["number_of_replicas"] == replicas
    assert definition["settings"]["number_of_shards"] == 1


def test_replicas_default_to_zero_so_a_single_node_stays_green():
    assert base_settings.SEARCH_REPLICAS == 0


@pytest.mark.parametrize("engine", client.ENGINES)
def test_a_hanging_node_costs_its_timeout_then_the_next_one_answers(settings, info_server, engine):
    hanging = SilentEngine()
    settings.SEARCH_URL, settings.SEARCH_ENGINE = f"{hanging.url},{info_server}", engine
    settings.SEARCH_CONNECT_TIMEOUT = settings.SEARCH_TIMEOUT = 0.3
    try:
        for _attempt in range(8):  # the clients shuffle the nodes: both orders come up
            client.reset()
            assert client.query_client().info()["version"]["distribution"] == "opensearch"
        assert hanging.connections  # the hanging node was asked, and the request went on
    finally:
        hanging.close()
