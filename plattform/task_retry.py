"""Background tasks that failed for a passing reason (locked database, lost connection) run again.

django-tasks records a failure and stops there. The database backend counts an attempt per
worker that claimed the result (`TaskResult.attempts`), so a failed result put back into the
queue with a later `run_after` is the same task tried again, with the same id.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.db import InterfaceError, OperationalError
from django.utils import timezone

from django_tasks import TaskResult, TaskResultStatus
from django_tasks_db.backend import TaskResult as DatabaseTaskResult
from django_tasks_db.utils import retry

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_DELAY = timedelta(seconds=5)
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,  # "database is locked", a dropped database connection
    InterfaceError,
    ConnectionError,
    TimeoutError,
    smtplib.SMTPConnectError,  # the mail server answered but refused service for now
    smtplib.SMTPServerDisconnected,
)


def retry_delay(attempts: int) -> timedelta:
    """Wait before the next attempt: 5 s after the first, then doubling (10 s, 20 s, 40 s)."""
    return FIRST_DELAY * 2 ** (attempts - 1)


def failed_transiently(task_result: TaskResult) -> bool:
    """Whether the task failed and its last error is one that may pass by itself."""
    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return False
    try:
        exception_class = task_result.errors[-1].exception_class
    except (ImportError, ValueError):  # the class recorded is gone or no exception
        return False
    return issubclass(exception_class, TRANSIENT_ERRORS)


def retry_transient_failure(sender, task_result: TaskResult, **kwargs) -> None:
    """task_finished receiver: queue a transiently failed task again, with backoff."""
    if not isinstance(task_result, DatabaseTaskResult) or not failed_transiently(task_result):
        return
    name = task_result.task.module_path
    if task_result.attempts >= MAX_ATTEMPTS:
        logger.error("Task %s (%s) gave up after %d attempts", task_result.id, name, MAX_ATTEMPTS)
        return
    delay = retry_delay(task_result.attempts)
    requeue(task_result, timezone.now() + delay)
    logger.warning(
        "Task %s (%s) failed in attempt %d, runs again in %d s",
        task_result.id,
        name,
        task_result.attempts,
        delay.total_seconds(),
    )


@retry()  # the database may itself still be locked for a moment
def requeue(task_result: DatabaseTaskResult, run_after: datetime) -> None:
    """Put the stored result back into the queue; its traceback stays until the next attempt."""
    db_result = task_result.db_result
    db_result.status = TaskResultStatus.READY
    db_result.run_after = run_after
    db_result.finished_at = None
    db_result.save(update_fields=["status", "run_after", "finished_at"])
