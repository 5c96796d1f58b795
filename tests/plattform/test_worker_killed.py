"""A task worker killed (SIGKILL) in the middle of a task loses nothing: the next worker finds
the task its dead predecessor left RUNNING, runs it to the end, and its effect happens once."""

import io
import signal
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plattform.task_recovery import WorkerLost, requeue_abandoned
from plattform.task_retry import MAX_ATTEMPTS

from .worker_support import (
    WORKER_OPTIONS,
    in_django,
    manage,
    shared_database_url,
    start_worker,
    wait_for,
)

WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TASK = "tests.plattform.worker_support.create_group_behind_gate"
STATE = f"""
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
task = DBTaskResult.objects.get(task_path="{TASK}")
result = [task.status, len(task.worker_ids), Group.objects.filter(name="Getötet").count()]
"""


def enqueue(gate: str, database_url: str) -> None:
    code = (
        "from tests.plattform.worker_support import create_group_behind_gate as slow\n"
        f"result = str(slow.enqueue('Getötet', {gate!r}).id)"
    )
    in_django(code, database_url)


@WORKER_DB
def test_a_task_whose_worker_was_killed_runs_again_to_its_end_once(tmp_path):
    database_url = shared_database_url(tmp_path)
    gate, log = tmp_path / "gate", tmp_path / "worker.log"
    enqueue(str(gate), database_url)

    worker = start_worker(database_url, log)
    try:
        wait_for(tmp_path / "gate.started", worker, log)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert in_django(STATE, database_url) == ["RUNNING", 1, 0]  # left behind, no effect yet

    gate.touch()
    output = manage("db_worker", "--batch", *WORKER_OPTIONS, database_url=database_url)
    assert "1 abgebrochene Aufgabe(n) wieder eingereiht" in output
    assert in_django(STATE, database_url) == ["SUCCESSFUL", 2, 1]


def running_task(started_minutes_ago: int, workers: list[str]) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [], "kwargs": {}},
        task_path=TASK,
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
        worker_ids=workers,
    )


@pytest.mark.django_db
def test_a_task_of_a_worker_elsewhere_is_queued_again_only_after_the_lease():
    fresh = running_task(5, ["anderer-rechner:4711"])
    old = running_task(20, ["anderer-rechner:4712"])
    assert requeue_abandoned(timedelta(minutes=15)) == 1
    fresh.refresh_from_db()
    old.refresh_from_db()
    assert fresh.status == TaskResultStatus.RUNNING  # its worker may still be at it
    assert old.status == TaskResultStatus.READY and old.run_after <= timezone.now()


@pytest.mark.django_db
def test_a_task_that_kills_every_worker_fails_after_the_last_attempt():
    doomed = running_task(20, [f"rechner:{n}" for n in range(MAX_ATTEMPTS)])
    assert requeue_abandoned(timedelta(minutes=15)) == 1
    doomed.refresh_from_db()
    assert doomed.status == TaskResultStatus.FAILED
    assert doomed.exception_class_path.endswith(WorkerLost.__qualname__)
    assert not Group.objects.filter(name="Getötet").exists()


@pytest.mark.django_db
def test_the_cron_command_reports_what_it_queued_again(settings):
    settings.TASK_LEASE = timedelta(minutes=15)
    running_task(20, ["anderer-rechner:4713"])
    output = io.StringIO()
    call_command("requeue_abandoned_tasks", stdout=output)
    assert output.getvalue().strip() == "1 abgebrochene Aufgabe(n) wieder eingereiht"
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
