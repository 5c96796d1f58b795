"""Management command: load the municipality register from a file."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DataError
from django.utils.translation import gettext

from kommunen.importer import RegisterImportError, import_kommunen


class Command(BaseCommand):
    """Import or update Kommunen from the GV-ISys extract (CSV/XLSX) or the exchange CSV."""

    help = gettext(
        "Importiert Kommunen aus dem GV-ISys-Auszug von Destatis (CSV oder XLSX) oder aus einer "
        "CSV-Datei im Austauschformat. Abgleich über den AGS; bei einer fehlerhaften Zeile wird "
        "nichts geschrieben."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("datei", help=gettext("Pfad zur CSV- oder XLSX-Datei"))
        parser.add_argument(
            "--quiet", action="store_true", help=gettext("Keine Fortschrittsmeldungen ausgeben")
        )

    def handle(self, *args, datei: str, quiet: bool, verbosity: int, **options) -> None:
        progress = None if quiet or verbosity == 0 else self.stdout.write
        try:
            summary = import_kommunen(datei, progress)
        except RegisterImportError as exc:
            raise CommandError(str(exc)) from None
        except DataError as exc:  # the validation should have caught it; the import is rolled back
            raise CommandError(
                gettext("Die Datenbank hat die Daten abgelehnt, nichts wurde geschrieben: %(f)s")
                % {"f": exc}
            ) from None
        self.stdout.write(self.style.SUCCESS(summary.summary_line()))
