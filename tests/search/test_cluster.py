"""The application on a three-node OpenSearch cluster with one replica: one node stops, and
searching and publishing go on without the database fallback and without loss.

The `cluster` fixture starts the cluster with `scripts/opensearch.sh cluster-start` when it is
not complete (20 to 55 s on the two-core machine) and stops it at the end only then. The
measured figures go to stderr (`pytest -s`); docs/opensearch-cluster.md quotes them. Deselect
with `-m "not cluster"`.
"""

import os
import time
from collections.abc import Iterator

from django.core.management import call_command

import pytest

from praxis.models import PraxisPage
from search import breaker
from search import client as search_client
from search.documents import pages_for_index
from search.indices import alias_name, versions
from search.models import IndexAuftrag
from tests.search import cluster_support
from tests.search.cluster_support import report, run_script
from tests.search.engine_support import refresh_index

pytestmark = [pytest.mark.engine, pytest.mark.cluster, pytest.mark.django_db]
STOPPED_NODE = 2
QUERIES: tuple[dict[str, str], ...] = (
    {"q": "Sprachkurs"},
    {"q": "Mütter"},
    {"handlungsfeld": "sprache"},
    {},
)
GREEN_WAITS = 4  # times the engine's 30 s: the restarted node's copy must recover in 2 minutes


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """SEARCH_URL of the three-node cluster, started here if it was not complete."""
    cluster_support.require_tools()
    started_here = not cluster_support.cluster_complete()
    if started_here:
        report(f"cluster-start took {run_script('cluster-start'):.1f} s")
    yield cluster_support.cluster_url()
    if started_here:
        run_script("cluster-stop")


@pytest.fixture
def on_cluster(cluster, settings) -> Iterator[None]:
    """The app pointed at all three nodes, one replica, an index prefix of its own."""
    settings.SEARCH_URL, settings.SEARCH_ENGINE = cluster, ""  # the engine asked from a node
    settings.SEARCH_REPLICAS = 1
    settings.SEARCH_INDEX_PREFIX = f"test-cluster-{os.getpid()}"
    search_client.reset()
    breaker.forget_failure()
    yield
    for index in versions():
        search_client.get_client().indices.delete(index=index)
    breaker.forget_failure()
    search_client.reset()


@pytest.fixture
def node_stopped() -> Iterator[None]:
    """Node 2 stopped; started again afterwards even when the test fails half-way."""
    report(f"node-stop {STOPPED_NODE} took {run_script('node-stop', str(STOPPED_NODE)):.1f} s")
    yield
    if cluster_support.nodes_seen(STOPPED_NODE) != cluster_support.NODES:
        run_script("node-start", str(STOPPED_NODE))


def search_api(http, params: dict) -> dict:
    answer = http.get("/api/v1/praxis/", params).json()
    assert answer["backend"] == "opensearch", f"{params}: the database answered"
    return answer


def results(http) -> dict[str, list[str]]:
    """The titles each query finds, in order."""
    return {
        str(params): [hit["titel"] for hit in search_api(http, params)["treffer"]]
        for params in QUERIES
    }


def timed_results(http, rounds: int = 5) -> dict[str, list[str]]:
    """results() several times, so the client meets the stopped node; the mean latency reported
    (after one round that warms the caches)."""
    results(http)
    started = time.monotonic()
    answers = [results(http) for _round in range(rounds)]
    per_search = (time.monotonic() - started) / (rounds * len(QUERIES)) * 1000
    report(f"{per_search:.0f} ms per API search over {rounds * len(QUERIES)} searches")
    assert all(answer == answers[0] for answer in answers)
    return answers[0]


def wait_for_green() -> dict:
    engine = search_client.get_client()
    for _attempt in range(GREEN_WAITS):
        try:
            return engine.cluster.health(
                index=alias_name(), wait_for_status="green", wait_for_nodes="3"
            )
        except search_client.connection_errors():  # 408 while not yet green
            continue
    return engine.cluster.health(index=alias_name())


def copies_and_counts() -> dict[str, int]:
    """Every started copy of the index's shard ("p"/"r" on node) with the documents it holds."""
    engine = search_client.get_client()
    shards = engine.cat.shards(index=alias_name(), format="json")
    return {
        f"{shard['prirep']} {shard['node']}": engine.count(
            index=alias_name(), preference=f"_only_nodes:{shard['node']}"
        )["count"]
        for shard in shards
        if shard["state"] == "STARTED"
    }


def publish(page: PraxisPage, capture) -> None:
    with capture(execute=True):
        page.save_revision().publish()
    refresh_index()


def test_searching_and_publishing_go_on_while_a_node_is_down(
    on_cluster, entries, client, django_capture_on_commit_callbacks, request
):
    call_command("search_index", "--rebuild")
    public = pages_for_index().count()
    assert set(copies_and_counts().values()) == {public} and len(copies_and_counts()) == 2
    before = timed_results(client)
    assert before[str({"q": "Sprachkurs"})][0] == "Sprachkurs für Mütter mit Kinderbetreuung"
    assert len(before[str({})]) == public

    request.getfixturevalue("node_stopped")
    assert timed_results(client) == before
    publish(entries["entwurf"], django_capture_on_commit_callbacks)
    assert not IndexAuftrag.objects.exists()  # written at once, nothing left for a retry
    found = search_api(client, {"q": "Sprachpaten"})["treffer"]
    assert found[0]["titel"] == "Sprachpaten (Entwurf)"

    started = time.monotonic()
    run_script("node-start", str(STOPPED_NODE))
    health = wait_for_green()
    report(f"node-start {STOPPED_NODE} and green again after {time.monotonic() - started:.1f} s")
    assert (health["status"], health["number_of_nodes"]) == ("green", 3)
    assert set(copies_and_counts().values()) == {public + 1} == {pages_for_index().count()}
    assert len(copies_and_counts()) == 2
