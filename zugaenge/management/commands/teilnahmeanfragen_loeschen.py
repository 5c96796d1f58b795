"""Delete participation requests a while after the decision (privacy notice of /mitmachen/)."""

from django.core.management.base import BaseCommand, CommandError

from zugaenge.requests import RETENTION_DAYS, delete_decided_requests


class Command(BaseCommand):
    """For cron: decided requests older than the retention period go; open ones stay."""

    help = (
        "Löscht Teilnahmeanfragen, über die vor mehr als --tage Tagen entschieden wurde "
        f"(Standard {RETENTION_DAYS}); offene Anfragen bleiben."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tage", type=int, default=RETENTION_DAYS)

    def handle(self, *args, tage: int, **options):
        if tage < 0:
            raise CommandError("--tage muss 0 oder größer sein.")
        deleted = delete_decided_requests(tage)
        self.stdout.write(
            f"Teilnahmeanfragen gelöscht: {deleted} (entschieden vor mehr als {tage} Tagen)."
        )
