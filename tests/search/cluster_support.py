"""The three-node OpenSearch cluster of `scripts/opensearch.sh cluster-start` for the cluster test.

The fixture in tests/search/test_cluster.py starts the cluster when it is not complete and stops
it afterwards only then. Without java (or without maven and the cached download) it skips
locally; in CI a cluster that cannot start fails the test (tests/services.py).
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests import services

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "opensearch.sh"
NODES = 3
FIRST_HTTP_PORT = int(os.environ.get("OPENSEARCH_CLUSTER_HTTP_PORT", "9201"))
VERSION = os.environ.get("OPENSEARCH_VERSION", "2.19.5")
SCRIPT_TIMEOUT = 600  # seconds; the script itself gives up after OPENSEARCH_CLUSTER_START_TIMEOUT


def node_url(number: int) -> str:
    return f"http://127.0.0.1:{FIRST_HTTP_PORT + number - 1}"


def cluster_url() -> str:
    """SEARCH_URL for the application: all three nodes, comma-separated."""
    return ",".join(node_url(number) for number in range(1, NODES + 1))


def nodes_seen(number: int) -> int:
    """How many nodes node `number` sees in its cluster (0 if it does not answer)."""
    url = f"{node_url(number)}/_cluster/health?cluster_manager_timeout=2s"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.load(response)["number_of_nodes"]
    except (OSError, ValueError, KeyError):
        return 0


def cluster_complete() -> bool:
    return nodes_seen(1) == NODES


def require_tools() -> None:
    """java always; maven only while the OpenSearch download is not cached yet."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    cached = (cache / "praxisnetz" / f"opensearch-{VERSION}" / "complete").exists()
    if not shutil.which("java") or not (cached or shutil.which("mvn")):
        services.service_missing("OpenSearch-Cluster", "java und maven installieren")


def run_script(*arguments: str) -> float:
    """Run `scripts/opensearch.sh <arguments>`; the seconds it took. A failure fails the test
    with the script's log lines (never a skip: the tools are there, so the cluster must start)."""
    started = time.monotonic()
    result = subprocess.run(
        [str(SCRIPT), *arguments], capture_output=True, text=True, timeout=SCRIPT_TIMEOUT
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"opensearch.sh {' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}"
        )
    return time.monotonic() - started


def report(text: str) -> None:
    """A measured figure on stderr (`pytest -s` shows it; docs/opensearch-cluster.md quotes it)."""
    print(f"cluster: {text}", file=sys.stderr)
