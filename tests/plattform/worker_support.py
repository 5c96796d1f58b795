"""A real `manage.py db_worker` in its own process, and a task slow enough to kill halfway.

The worker and the helpers that enqueue and inspect run as subprocesses against a database all
processes can open: the committed test database on PostgreSQL, a migrated SQLite file otherwise
(pytest's SQLite test database lives in memory).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection

from django_tasks import task

# The worker runs as `run.sh` starts it: development settings, the database task backend.
WORKER_SETTINGS = "plattform.settings.dev"
GATE_WAIT_SECONDS = 120
# No autoreloader (DEBUG would start one): the pid started must be the worker that is killed.
WORKER_OPTIONS = ("--no-reload", "--no-startup-delay")


@task()
def create_group_behind_gate(name: str, gate: str) -> None:
    """Note the start in `<gate>.started`, wait until the file `gate` exists, then create the
    group: killed while waiting, the task has had no effect yet."""
    Path(f"{gate}.started").write_text(str(os.getpid()))
    deadline = time.monotonic() + GATE_WAIT_SECONDS
    while not Path(gate).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{gate} did not appear")
        time.sleep(0.05)
    Group.objects.create(name=name)


def shared_database_url(tmp_path: Path) -> str:
    """A DATABASE_URL of the test's data that a subprocess can open."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        password = quote(db["PASSWORD"] or "", safe="")
        return f"postgres://{db['USER']}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    url = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    manage("migrate", "--no-input", "-v0", database_url=url)
    return url


def environment(database_url: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": WORKER_SETTINGS, "DATABASE_URL": database_url}


def manage(*arguments: str, database_url: str) -> str:
    """Run a management command to its end; its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def start_worker(database_url: str, log: Path) -> subprocess.Popen:
    """`manage.py db_worker` polling every 0.1 s, its output in `log`."""
    with log.open("a") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", *WORKER_OPTIONS, "--interval", "0.1"],
            cwd=settings.BASE_DIR,
            env=environment(database_url),
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def in_django(code: str, database_url: str) -> object:
    """Run `code` in a fresh Django process; the JSON it prints as `result = ...`."""
    program = f"import django, json\ndjango.setup()\n{code}\nprint(json.dumps(result))"
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=settings.BASE_DIR,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def wait_for(path: Path, worker: subprocess.Popen, log: Path) -> None:
    """Until `path` exists; fails at once if the worker ended, or after two minutes."""
    deadline = time.monotonic() + GATE_WAIT_SECONDS
    while not path.exists():
        assert worker.poll() is None, f"the worker ended early:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"{path} never appeared:\n{log.read_text()}"
        time.sleep(0.1)
