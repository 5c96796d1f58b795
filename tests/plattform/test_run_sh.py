"""run.sh: one line per set-up step, the logins last before the server, localhost unless HOST says.

The script runs for real against a stand-in `python` in a copy of the checkout's scripts, so the
test sees exactly which commands it starts, with which arguments, and what reaches the terminal.
"""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

import pytest

# Stands in for the venv's python: logs `manage.py` commands, prints what they would print.
FAKE_PYTHON = """#!/usr/bin/env bash
[ "$1" = manage.py ] || exit 0
shift
echo "$*" >>"$CALLS"
case "$1" in
    migrate) for i in $(seq 1 200); do echo "  Applying app.$i... OK"; done ;;
    seed_demo) echo "Demo-Inhalte bereit" ;;
    update_index) echo "default: indexed 113 objects" ;;
    ensure_admin) echo "LOGINS admin kommune-demo kreis-demo" ;;
    db_worker) exec sleep 30 ;;
    runserver) echo "RUNSERVER $2" ;;
esac
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """run.sh and its helpers beside a ready .venv whose python is the stand-in."""
    for name in ("run.sh", "scripts/lib.sh", "pyproject.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(settings.BASE_DIR / name, tmp_path / name)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(FAKE_PYTHON)
    (bin_dir / "python").chmod(0o755)
    (bin_dir / "activate").write_text(f'PATH="{bin_dir}:$PATH"\n')
    stamp = hashlib.sha256((tmp_path / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (tmp_path / ".venv" / ".installed-base").write_text(stamp + "\n")
    return tmp_path


def run_script(checkout: Path, **env: str) -> tuple[list[str], list[str]]:
    """The terminal lines (stdout and stderr, in order) and the manage.py commands started."""
    calls = checkout / "calls.txt"
    environment = {
        key: value for key, value in os.environ.items() if key not in ("HOST", "DATABASE_URL")
    }
    environment.update(PORT="8123", CALLS=str(calls), **env)
    finished = subprocess.run(
        ["bash", str(checkout / "run.sh")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
        check=True,
    )
    return finished.stdout.splitlines(), calls.read_text().splitlines()


def test_server_listens_on_localhost_only_by_default(checkout):
    lines, calls = run_script(checkout)
    assert calls[-1] == "runserver 127.0.0.1:8123"
    assert lines[-1] == "RUNSERVER 127.0.0.1:8123"


@pytest.mark.parametrize(("host", "address"), [("0.0.0.0", "0.0.0.0:8123"), ("::1", "[::1]:8123")])
def test_host_chooses_the_interface(checkout, host, address):
    _lines, calls = run_script(checkout, HOST=host)
    assert calls[-1] == f"runserver {address}"


def test_logins_are_the_last_block_before_the_server(checkout):
    lines, calls = run_script(checkout)
    assert "db_worker" in calls  # started in the background: its place in the log varies
    in_order = [call for call in calls if call != "db_worker"]
    assert in_order[-2:] == ["ensure_admin --demo", "runserver 127.0.0.1:8123"]
    assert "seed_demo --ohne-zugaenge" in calls  # no demo passwords that a later step replaces
    assert lines[-2:] == ["LOGINS admin kommune-demo kreis-demo", "RUNSERVER 127.0.0.1:8123"]


def test_migrations_and_index_print_one_summary_line_each(checkout):
    lines, _calls = run_script(checkout)
    assert not [line for line in lines if "Applying" in line or line.startswith("default:")]
    assert "==> Migrationen: 200 angewandt (var/migrate.log)" in lines
    assert "==> Suchindex: 113 Objekte indexiert (var/update_index.log)" in lines
    assert len(lines) < 20
