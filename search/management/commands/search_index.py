"""Manage the search index: rebuild with alias swap, catch up on pending work, status, check."""

from django.core.management.base import BaseCommand, CommandError

from search import indices, sync
from search.client import verbindungsfehler


class Command(BaseCommand):
    help = "Suchindex verwalten: --rebuild, --catch-up, --status oder --check."

    def add_arguments(self, parser) -> None:
        gruppe = parser.add_mutually_exclusive_group(required=True)
        gruppe.add_argument("--rebuild", action="store_true", help="Neu aufbauen, Alias umschalten")
        gruppe.add_argument("--catch-up", action="store_true", help="Vorgemerkte Änderungen senden")
        gruppe.add_argument("--status", action="store_true", help="Alias, Versionen, Anzahlen")
        gruppe.add_argument("--check", action="store_true", help="Index mit Datenbank abgleichen")

    def handle(self, *args, **options) -> None:
        if not sync.engine_aktiv():
            raise CommandError("SEARCH_URL ist nicht gesetzt: es wird die Datenbanksuche genutzt.")
        aktion = next(n for n in ("rebuild", "catch_up", "status", "check") if options[n])
        try:
            getattr(self, f"_{aktion}")()
        except verbindungsfehler() as fehler:
            raise CommandError(f"Suchmaschine nicht erreichbar: {fehler}") from fehler

    def _rebuild(self) -> None:
        ergebnis = indices.neu_aufbauen(self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"{ergebnis['anzahl']} Praxisbeispiele in {ergebnis['sekunden']:.1f} s "
                f"nach {ergebnis['index']} indexiert."
            )
        )

    def _catch_up(self) -> None:
        offen = sync.offen()
        indices.sicherstellen(self.stdout.write)
        try:
            upserts, deletes = sync.abarbeiten(refresh=True)
        except sync.SuchmaschineNichtErreichbar as fehler:
            raise CommandError(f"Suchmaschine nicht erreichbar: {fehler}") from fehler
        self.stdout.write(
            self.style.SUCCESS(
                f"{offen} vorgemerkte Seite(n) abgeglichen: {upserts} aktualisiert, "
                f"{deletes} entfernt."
            )
        )

    def _status(self) -> None:
        info = indices.status()
        self.stdout.write(f"Alias: {info['alias']} → {', '.join(info['aktiv']) or '(keiner)'}")
        self.stdout.write(f"Versionen: {', '.join(info['versionen']) or '(keine)'}")
        self.stdout.write(f"Dokumente im Index: {info['dokumente']}")
        self.stdout.write(f"Öffentliche Praxisbeispiele in der Datenbank: {info['datenbank']}")
        self.stdout.write(f"Vorgemerkte Änderungen: {sync.offen()}")

    def _check(self) -> None:
        info = indices.status()
        probleme = []
        if not info["aktiv"]:
            probleme.append(f"Alias {info['alias']} fehlt; `search_index --rebuild` ausführen.")
        elif info["dokumente"] != info["datenbank"]:
            probleme.append(
                f"Index hat {info['dokumente']} Dokumente, die Datenbank "
                f"{info['datenbank']} öffentliche Praxisbeispiele."
            )
        if sync.offen():
            probleme.append(f"{sync.offen()} Änderung(en) warten; `--catch-up` ausführen.")
        if probleme:
            raise CommandError(" ".join(probleme))
        self.stdout.write(self.style.SUCCESS(f"Suchindex in Ordnung ({info['dokumente']})."))
