"""Export Praxisbeispiele as a JSON Lines file in the exchange format (AUSTAUSCHFORMAT.md)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from praxis.exchange.exporter import exportiere


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
        zeilen = exportiere(mit_entwuerfen=mit_entwuerfen)
        if datei == "-":
            anzahl = sum(1 for zeile in zeilen if self.stdout.write(zeile) or True)
            self.stderr.write(_("%(n)d Praxisbeispiele exportiert.") % {"n": anzahl})
            return
        try:
            anzahl = schreibe_datei(datei, zeilen, self.stdout.write)
        except OSError as fehler:
            raise CommandError(
                _("Datei „%(d)s“ lässt sich nicht schreiben: %(f)s")
                % {"d": datei, "f": fehler.strerror}
            ) from fehler
        self.stdout.write(
            self.style.SUCCESS(
                _("%(n)d Praxisbeispiele nach %(d)s exportiert.") % {"n": anzahl, "d": datei}
            )
        )


def schreibe_datei(datei: str, zeilen, melde) -> int:
    """Write the lines to a UTF-8 file with "\\n" endings; reports progress every 1000 lines."""
    anzahl = 0
    with open(datei, "w", encoding="utf-8", newline="\n") as ziel:
        for anzahl, zeile in enumerate(zeilen, start=1):
            ziel.write(zeile + "\n")
            if anzahl % 1000 == 0:
                melde(_("%(n)d exportiert …") % {"n": anzahl})
    return anzahl
