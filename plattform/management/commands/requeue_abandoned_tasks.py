"""Queue again the background tasks whose worker died in the middle (run it from cron).

A task counts as abandoned when its worker process on this machine is gone or when it has been
running for longer than TASK_LEASE_SECONDS (plattform/task_recovery.py). Idempotent.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from plattform.task_recovery import requeue_abandoned


class Command(BaseCommand):
    help = "Hintergrundaufgaben, deren Worker abgebrochen ist, wieder einreihen."

    def handle(self, *args, **options) -> None:
        released = requeue_abandoned(settings.TASK_LEASE)
        self.stdout.write(f"{released} abgebrochene Aufgabe(n) wieder eingereiht")
