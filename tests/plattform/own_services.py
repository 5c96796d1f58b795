"""Services of the fault tests' own, which the tests stop and start: never the shared ones.

They are started with the project's scripts on other ports and directories. Locally a missing
service skips (tests/services.py); in CI it fails.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from tests import services

POSTGRES_ENV = {"PGPORT": "5440", "PRAXISNETZ_PG_DIR": "/var/tmp/praxisnetz-pg-faults"}
# A single node beside the shared one on 9200: its own port, directory and cluster name.
OPENSEARCH_ENV = {
    "OPENSEARCH_PORT": "9210",
    "OPENSEARCH_RUNTIME_DIR": "/var/tmp/praxisnetz-opensearch-faults",
    "OPENSEARCH_HEAP": "384m",
}


def script(name: str, command: str, environment: dict[str, str]) -> str:
    """Run scripts/<name> <command>; its last line of output (the URL), or skip/fail."""
    done = subprocess.run(
        [str(settings.BASE_DIR / "scripts" / name), command],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        services.service_missing(name, done.stderr.strip()[-600:] or f"{command} failed")
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def postgres(command: str) -> str:
    """scripts/postgres.sh on port 5440; start prints the DATABASE_URL."""
    return script("postgres.sh", command, POSTGRES_ENV)


def opensearch(command: str) -> str:
    """scripts/opensearch.sh on port 9210; start prints the node's URL."""
    return script("opensearch.sh", command, OPENSEARCH_ENV)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(environment: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    """gunicorn with two workers, as in production; its process and base URL once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "plattform.wsgi", "--workers", "2"]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "30"]
    with log.open("a") as output:
        server = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env={**os.environ, **environment},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    wait_until_listening(port, server, log)
    return server, f"http://127.0.0.1:{port}"


def wait_until_listening(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, f"the server ended:\n{log.read_text()}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"the server never listened:\n{log.read_text()}"
            time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
