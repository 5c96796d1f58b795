"""Import Praxisbeispiele from a JSON Lines file in the exchange format (AUSTAUSCHFORMAT.md)."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from praxis.exchange.importer import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Line,
    import_validated,
    validate_file,
)
from praxis.exchange.parse import ExchangeError


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
        validated = validate_file(read_lines(datei))
        if validated.errors:
            raise CommandError(error_report(validated.errors))
        self.stdout.write(_("%(n)d Zeilen geprüft, schreibe …") % {"n": len(validated.lines)})
        try:
            counts = import_validated(validated, draft=entwurf, report=self._report)
        except ExchangeError as error:
            raise CommandError(error_report([error])) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Fertig: %(neu)d neu, %(akt)d aktualisiert, %(gleich)d unverändert.")
                % {
                    "neu": counts[CREATED],
                    "akt": counts[UPDATED],
                    "gleich": counts[UNCHANGED],
                }
            )
        )

    def _report(self, line: Line, outcome: str) -> None:
        self.stdout.write(
            _("Zeile %(n)d: %(id)s: %(ergebnis)s")
            % {"n": line.number, "id": line.entry["id"], "ergebnis": outcome}
        )


def read_lines(path: str) -> list[str]:
    """The lines of the file; only "\\n" ends a line (U+2028 may stand inside JSON strings)."""
    try:
        if path == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            with open(path, encoding="utf-8-sig", newline="") as source:
                text = source.read()
    except OSError as error:
        raise CommandError(
            _("Datei „%(d)s“ lässt sich nicht lesen: %(f)s") % {"d": path, "f": error.strerror}
        ) from error
    except UnicodeDecodeError as error:
        raise CommandError(_("Datei „%(d)s“ ist nicht UTF-8-kodiert.") % {"d": path}) from error
    return text.split("\n")


def error_report(errors: list[ExchangeError]) -> str:
    """The German error message of a rejected file: one line per rejected line."""
    head = _("%(n)d Zeile(n) abgelehnt, nichts wurde importiert:") % {"n": len(errors)}
    return "\n".join([head, *(f"  {e}" for e in errors)])
