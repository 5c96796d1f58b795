"""Import Praxisbeispiele from a JSON Lines file in the exchange format (AUSTAUSCHFORMAT.md)."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from praxis.exchange.importer import (
    AKTUALISIERT,
    NEU,
    UNVERAENDERT,
    Zeile,
    importiere,
    pruefe_datei,
)
from praxis.exchange.parse import AustauschFehler


class Command(BaseCommand):
    """Upsert Praxisbeispiele by `id`: all lines are checked first, then written all or nothing."""

    help = _(
        "Importiert Praxisbeispiele aus einer JSON-Lines-Datei im Austauschformat (Upsert nach "
        "„id“). Alle Zeilen werden zuerst geprüft; enthält die Datei eine fehlerhafte Zeile, "
        "wird nichts geschrieben. Einträge werden veröffentlicht, mit --entwurf als Entwurf "
        "gespeichert. Fehlende Profilseiten der Kommunen werden angelegt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "datei", help=_("JSON-Lines-Datei (UTF-8), „-“ für die Standardeingabe")
        )
        parser.add_argument(
            "--entwurf",
            action="store_true",
            help=_("als Entwurf speichern statt veröffentlichen; Live-Fassungen bleiben unberührt"),
        )

    def handle(self, *args, datei: str, entwurf: bool, **options) -> None:
        pruefung = pruefe_datei(lies_zeilen(datei))
        if pruefung.fehler:
            raise CommandError(fehlerbericht(pruefung.fehler))
        self.stdout.write(_("%(n)d Zeilen geprüft, schreibe …") % {"n": len(pruefung.zeilen)})
        try:
            zaehler = importiere(pruefung, entwurf=entwurf, melde=self._melde)
        except AustauschFehler as fehler:
            raise CommandError(fehlerbericht([fehler])) from fehler
        self.stdout.write(
            self.style.SUCCESS(
                _("Fertig: %(neu)d neu, %(akt)d aktualisiert, %(gleich)d unverändert.")
                % {
                    "neu": zaehler[NEU],
                    "akt": zaehler[AKTUALISIERT],
                    "gleich": zaehler[UNVERAENDERT],
                }
            )
        )

    def _melde(self, zeile: Zeile, ergebnis: str) -> None:
        self.stdout.write(
            _("Zeile %(n)d: %(id)s: %(ergebnis)s")
            % {"n": zeile.nummer, "id": zeile.eintrag["id"], "ergebnis": ergebnis}
        )


def lies_zeilen(datei: str) -> list[str]:
    """The lines of the file; only "\\n" ends a line (U+2028 may stand inside JSON strings)."""
    try:
        if datei == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            with open(datei, encoding="utf-8-sig", newline="") as quelle:
                text = quelle.read()
    except OSError as fehler:
        raise CommandError(
            _("Datei „%(d)s“ lässt sich nicht lesen: %(f)s") % {"d": datei, "f": fehler.strerror}
        ) from fehler
    except UnicodeDecodeError as fehler:
        raise CommandError(_("Datei „%(d)s“ ist nicht UTF-8-kodiert.") % {"d": datei}) from fehler
    return text.split("\n")


def fehlerbericht(fehler: list[AustauschFehler]) -> str:
    """The German error message of a rejected file: one line per rejected line."""
    kopf = _("%(n)d Zeile(n) abgelehnt, nichts wurde importiert:") % {"n": len(fehler)}
    return "\n".join([kopf, *(f"  {f}" for f in fehler)])
