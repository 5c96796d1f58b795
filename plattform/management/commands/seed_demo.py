"""Management command: fill an empty platform with demo content (idempotent)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plattform.demo.seed import run


class Command(BaseCommand):
    """Load the demo Kommunen and Praxisbeispiele through the imports, with profiles and images."""

    help = gettext(
        "Lädt die Demo-Inhalte: Kommunen und Praxisbeispiele über die Importe, dazu "
        "Profile, Bilder, Startseite, Standardseiten und Redaktionsgruppen. Mehrfach ausführbar. "
        "Gibt je Schritt eine Zeile aus und zuletzt die Demo-Zugänge mit neuen Passwörtern."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ohne-zugaenge",
            action="store_true",
            dest="without_logins",
            help=gettext(
                "keine Demo-Zugänge anlegen oder ausgeben (run.sh gibt sie mit "
                "„ensure_admin --demo“ zuletzt aus)"
            ),
        )

    def handle(self, *args, without_logins: bool, **options) -> None:
        try:
            with transaction.atomic():
                totals, logins = run(self.stdout.write, demo_logins=not without_logins)
        except CommandError as error:
            raise CommandError(_("Demo-Inhalte nicht geladen: %(f)s") % {"f": error}) from error
        counts = ", ".join(f"{name} {count}" for name, count in totals.items())
        self.stdout.write(
            self.style.SUCCESS(gettext("Demo-Inhalte bereit: %(n)s.") % {"n": counts})
        )
        for login in logins:
            self.stdout.write(gettext("  Demo-Zugang: %(zugang)s") % {"zugang": login})
