"""django-tasks-db's worker, which first queues again what a dead worker left RUNNING.

Same command and options as django_tasks_db's `db_worker` (this app comes first in
INSTALLED_APPS, so its command wins); the worker id names host and pid, so that the next worker
on the host can tell a dead worker's task from a live one (plattform/task_recovery.py).
"""

from argparse import ArgumentParser

from django.conf import settings

from django_tasks_db.management.commands import db_worker

from plattform.task_recovery import requeue_abandoned, worker_id


class Command(db_worker.Command):
    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_id())

    def handle(self, *args, **options) -> None:
        released = requeue_abandoned(settings.TASK_LEASE)
        if released:
            self.stdout.write(f"{released} abgebrochene Aufgabe(n) wieder eingereiht")
        super().handle(*args, **options)
