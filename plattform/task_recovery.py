"""Tasks whose worker died in the middle (SIGKILL, out of memory, a lost machine) run again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed halfway leaves the task RUNNING for good, and its mail or index update is lost.
A RUNNING task is taken as abandoned when
- its worker ran on this machine and that process is gone (the worker ids name host and pid,
  see plattform/management/commands/db_worker.py): found when the next worker starts, or
- it started longer ago than TASK_LEASE seconds (a worker on another, lost machine): found by
  `requeue_abandoned_tasks`, run from cron. The lease must be longer than any task runs.
An abandoned task goes back into the queue with the same id; one that already used up its
attempts (it kills its worker every time) is marked failed instead.
Host names must differ between the machines running workers; a worker started with an explicit
`--worker-id` is only ever recovered through the lease.
"""

import logging
import os
import socket
from datetime import datetime, timedelta

from django.utils import timezone

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plattform.task_retry import MAX_ATTEMPTS

logger = logging.getLogger(__name__)


class WorkerLost(RuntimeError):
    """Recorded as the error of a task whose workers died in every attempt."""


def this_host() -> str:
    return socket.gethostname()[:48]


def worker_id() -> str:
    """Unique across the pool while the process lives: host and pid (at most 64 characters)."""
    return f"{this_host()}:{os.getpid()}"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user holds the pid
        return True
    return True


def worker_gone(worker: str) -> bool:
    """True if the worker ran on this host and its process no longer exists."""
    host, _colon, pid = worker.rpartition(":")
    return host == this_host() and pid.isdigit() and not process_alive(int(pid))


def abandoned(result: DBTaskResult, now: datetime, lease: timedelta) -> bool:
    if result.started_at is not None and now - result.started_at > lease:
        return True
    return bool(result.worker_ids) and worker_gone(result.worker_ids[-1])


def release(result: DBTaskResult, now: datetime) -> bool:
    """Queue the task again, or fail it after its last attempt; False if it finished meanwhile."""
    still_running = DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING)
    if len(result.worker_ids) >= MAX_ATTEMPTS:
        error = WorkerLost(f"worker {result.worker_ids[-1]} died in attempt {MAX_ATTEMPTS}")
        logger.error("Task %s (%s) gave up: %s", result.pk, result.task_path, error)
        changed = still_running.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=str(error),
        )
        return bool(changed)
    logger.warning(
        "Task %s (%s) was abandoned by worker %s, queued again",
        result.pk,
        result.task_path,
        result.worker_ids[-1] if result.worker_ids else "?",
    )
    return bool(still_running.update(status=TaskResultStatus.READY, run_after=now))


def requeue_abandoned(lease: timedelta, now: datetime | None = None) -> int:
    """Release every abandoned RUNNING task; returns how many were released."""
    now = now or timezone.now()
    running = DBTaskResult.objects.running().only("pk", "task_path", "started_at", "worker_ids")
    return sum(release(result, now) for result in running if abandoned(result, now, lease))
