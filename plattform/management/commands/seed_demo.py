"""Management command: fill an empty platform with demo content (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plattform.demo.seed import run


class Command(BaseCommand):
    """Load the demo Kommunen and Praxisbeispiele through the imports, with profiles and images."""

    help = gettext(
        "Lädt die Demo-Inhalte: Kommunen und Praxisbeispiele über die Importbefehle, dazu "
        "Profile, Bilder, Startseite, Standardseiten und Redaktionsgruppen. Mehrfach ausführbar."
    )

    def handle(self, *args, **options) -> None:
        try:
            with transaction.atomic():
                totals = run(self.stdout, self.stdout.write)
        except CommandError as error:
            raise CommandError(_("Demo-Inhalte nicht geladen: %(f)s") % {"f": error}) from error
        self.stdout.write(self.style.SUCCESS(gettext("Demo-Inhalte bereit:")))
        for name, count in totals.items():
            self.stdout.write(f"  {name}: {count}")
