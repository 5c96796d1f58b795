"""scripts/audit.sh says plainly when no vulnerability database answers, instead of reporting
a clean audit it never made."""

import os
import socket
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("service", ["pypi", "osv"])
def test_without_a_reachable_database_the_audit_says_nothing_was_checked(service):
    dead_proxy = f"http://127.0.0.1:{closed_port()}"
    environment = {
        **os.environ,
        "AUDIT_SERVICE": service,
        "HTTPS_PROXY": dead_proxy,
        "https_proxy": dead_proxy,
        "NO_PROXY": "",
        "no_proxy": "",
    }
    done = subprocess.run(
        ["scripts/audit.sh"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 3, done.stderr
    assert "Keine Schwachstellendatenbank erreichbar" in done.stderr
    assert "NICHT auf bekannte Schwachstellen geprüft" in done.stderr
    assert "Keine bekannten Schwachstellen" not in done.stdout + done.stderr
