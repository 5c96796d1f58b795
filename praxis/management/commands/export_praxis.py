"""Export Praxisbeispiele as a JSON Lines file in the exchange format (AUSTAUSCHFORMAT.md)."""

from collections.abc import Callable, Iterable

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from praxis.exchange.exporter import export_lines


class Command(BaseCommand):
    """Write every published Praxisbeispiel as one exchange object per line, ordered by id.

    Canonical order: every key present, in the order of the contract; handlungsfelder and
    zielgruppen in taxonomy order (sort_order), schlagworte sorted case-insensitively;
    partner_kommunen, foerderung and links keep the editors' order.
    """

    help = _(
        "Exportiert Praxisbeispiele als JSON Lines (UTF-8) im Austauschformat, sortiert nach "
        "„id“: die veröffentlichte Fassung jedes veröffentlichten Eintrags, mit "
        "--mit-entwuerfen auch nie veröffentlichte Einträge (neueste Fassung). Kanonische "
        "Reihenfolge: alle Schlüssel wie im Vertrag; handlungsfelder und zielgruppen in der "
        "Reihenfolge der Taxonomie, schlagworte alphabetisch ohne Groß-/Kleinschreibung; "
        "partner_kommunen, foerderung und links in der Reihenfolge der Redaktion."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("datei", help=_("Zieldatei, „-“ für die Standardausgabe"))
        parser.add_argument(
            "--mit-entwuerfen",
            action="store_true",
            help=_("auch nie veröffentlichte Einträge exportieren"),
        )

    def handle(self, *args, datei: str, mit_entwuerfen: bool, **options) -> None:
        lines = export_lines(with_drafts=mit_entwuerfen)
        if datei == "-":
            count = sum(1 for line in lines if self.stdout.write(line) or True)
            self.stderr.write(_("%(n)d Praxisbeispiele exportiert.") % {"n": count})
            return
        try:
            count = write_file(datei, lines, self.stdout.write)
        except OSError as error:
            raise CommandError(
                _("Datei „%(d)s“ lässt sich nicht schreiben: %(f)s")
                % {"d": datei, "f": error.strerror}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("%(n)d Praxisbeispiele nach %(d)s exportiert.") % {"n": count, "d": datei}
            )
        )


def write_file(path: str, lines: Iterable[str], report: Callable[[str], None]) -> int:
    """Write the lines to a UTF-8 file with "\\n" endings; reports progress every 1000 lines."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as target:
        for count, line in enumerate(lines, start=1):
            target.write(line + "\n")
            if count % 1000 == 0:
                report(_("%(n)d exportiert …") % {"n": count})
    return count
