"""Management command: delete contact requests past their retention period (for cron)."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext

from kontakt.models import retention_days
from kontakt.retention import delete_expired


class Command(BaseCommand):
    """Delete stored contact requests older than KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE."""

    help = gettext(
        "Löscht gespeicherte Kontaktanfragen, die älter als die Aufbewahrungsfrist "
        "(KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE) sind. Mehrfach ausführbar."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("nur zählen, was gelöscht würde; nichts löschen"),
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        self.stdout.write(gettext("Aufbewahrungsfrist: %(n)d Tage.") % {"n": retention_days()})
        result = delete_expired(dry_run=dry_run, progress=self._progress)
        values = {
            "n": result.count,
            "vor": timezone.localtime(result.cutoff).strftime("%d.%m.%Y %H:%M"),
        }
        if dry_run:
            message = gettext(
                "Probelauf: %(n)d Kontaktanfragen von vor dem %(vor)s würden gelöscht."
            )
            self.stdout.write(message % values)
        else:
            message = gettext("%(n)d Kontaktanfragen von vor dem %(vor)s gelöscht.")
            self.stdout.write(self.style.SUCCESS(message % values))

    def _progress(self, deleted: int) -> None:
        self.stdout.write(gettext("  … bisher %(n)d gelöscht") % {"n": deleted})
