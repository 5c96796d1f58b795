"""Tasks survive a busy database: SQLite set up for concurrent use, passing failures retried."""

import os
import subprocess
import sys
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from plattform.task_retry import MAX_ATTEMPTS

# The simulated fault: how many more times `create_group` finds the database locked, per name.
LOCKED_RUNS: dict[str, int] = {}


@task()
def create_group(name: str) -> None:
    """A task with a visible effect that fails while LOCKED_RUNS says the database is locked."""
    if LOCKED_RUNS.get(name, 0) > 0:
        LOCKED_RUNS[name] -= 1
        raise OperationalError("database is locked")
    Group.objects.create(name=name)


@task()
def refuse(name: str) -> None:
    raise ValueError(name)


@pytest.fixture(autouse=True)
def database_backend(settings):
    """The backend run.sh uses, instead of the immediate one of the test settings."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """What `manage.py db_worker --batch` does: run every task that is due, then return."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()


def let_backoff_pass(result_id: str) -> None:
    DBTaskResult.objects.filter(id=result_id).update(run_after=timezone.now())


# The worker takes its own transactions, as in production: no test transaction around it.
# serialized_rollback restores what the migrations created, for the tests that follow.
WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@WORKER_DB
def test_task_failing_on_a_locked_database_is_carried_out_later():
    LOCKED_RUNS["Gesperrt einmal"] = 1
    result = create_group.enqueue("Gesperrt einmal")

    run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.READY and result.attempts == 1
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.run_after >= timezone.now() + timedelta(seconds=3)
    assert not Group.objects.filter(name="Gesperrt einmal").exists()

    run_worker()  # not due yet: the backoff holds
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.READY

    let_backoff_pass(result.id)
    run_worker()
    result.refresh()
    # A fresh name: mypy would keep the READY it narrowed the attribute to above.
    finished = result
    assert finished.status == TaskResultStatus.SUCCESSFUL and finished.attempts == 2
    assert Group.objects.filter(name="Gesperrt einmal").exists()


@WORKER_DB
def test_backoff_grows_and_the_task_gives_up_after_the_last_attempt():
    LOCKED_RUNS["Immer gesperrt"] = 100
    result = create_group.enqueue("Immer gesperrt")
    delays = []
    for _attempt in range(MAX_ATTEMPTS):
        run_worker()
        stored = DBTaskResult.objects.get(id=result.id)
        delays.append(stored.run_after - timezone.now())
        let_backoff_pass(result.id)
    result.refresh()
    assert result.status == TaskResultStatus.FAILED and result.attempts == MAX_ATTEMPTS
    assert delays[1] > delays[0] * 1.5 and delays[2] > delays[1] * 1.5
    assert not Group.objects.filter(name="Immer gesperrt").exists()


@WORKER_DB
def test_task_failing_for_a_lasting_reason_is_not_retried():
    result = refuse.enqueue("kaputt")
    run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.FAILED and result.attempts == 1
    assert result.errors[-1].exception_class is ValueError


def test_sqlite_connections_use_wal_busy_timeout_and_immediate_transactions(tmp_path):
    """A fresh process with an SQLite DATABASE_URL, as run.sh starts server and worker."""
    probe = (
        "import django; django.setup(); from django.db import connection;"
        "cursor = connection.cursor();"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0]);"
        "print(cursor.execute('PRAGMA busy_timeout').fetchone()[0]);"
        "print(connection.transaction_mode)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
    }
    output = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert output == ["wal", "20000", "IMMEDIATE"]


def test_a_mail_server_that_hangs_up_counts_as_a_passing_failure():
    import smtplib

    from plattform.task_retry import TRANSIENT_ERRORS

    assert issubclass(smtplib.SMTPServerDisconnected, TRANSIENT_ERRORS)
    assert issubclass(ConnectionRefusedError, TRANSIENT_ERRORS)
