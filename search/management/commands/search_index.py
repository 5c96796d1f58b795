"""Manage the search index: rebuild with alias swap, catch up on pending work, status, check."""

from django.core.management.base import BaseCommand, CommandError

from search import indices, sync
from search.client import connection_errors
from search.documents import MAPPING_VERSION


class Command(BaseCommand):
    help = "Suchindex verwalten: --rebuild, --catch-up, --status oder --check."

    def add_arguments(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Neu aufbauen, Alias umschalten")
        group.add_argument("--catch-up", action="store_true", help="Vorgemerkte Änderungen senden")
        group.add_argument("--status", action="store_true", help="Alias, Versionen, Anzahlen")
        group.add_argument("--check", action="store_true", help="Index mit Datenbank abgleichen")

    def handle(self, *args, **options) -> None:
        if not sync.engine_enabled():
            raise CommandError("SEARCH_URL ist nicht gesetzt: es wird die Datenbanksuche genutzt.")
        action = next(n for n in ("rebuild", "catch_up", "status", "check") if options[n])
        try:
            getattr(self, f"_{action}")()
        except connection_errors() as error:
            raise CommandError(f"Suchmaschine nicht erreichbar: {error}") from error

    def _rebuild(self) -> None:
        result = indices.rebuild(self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result['count']} Praxisbeispiele in {result['seconds']:.1f} s "
                f"nach {result['index']} indexiert."
            )
        )

    def _catch_up(self) -> None:
        pending = sync.pending_count()
        indices.ensure_index(self.stdout.write)
        try:
            upserts, deletes = sync.process_pending(refresh=True)
        except sync.EngineUnavailable as error:
            raise CommandError(f"Suchmaschine nicht erreichbar: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{pending} vorgemerkte Seite(n) abgeglichen: {upserts} aktualisiert, "
                f"{deletes} entfernt."
            )
        )

    def _status(self) -> None:
        info = indices.status()
        self.stdout.write(f"Alias: {info['alias']} → {', '.join(info['active']) or '(keiner)'}")
        self.stdout.write(f"Versionen: {', '.join(info['versions']) or '(keine)'}")
        if info["outdated"]:
            self.stdout.write(f"Veraltetes Mapping: {', '.join(info['outdated'])}")
        self.stdout.write(f"Dokumente im Index: {info['documents']}")
        self.stdout.write(f"Öffentliche Praxisbeispiele in der Datenbank: {info['database']}")
        self.stdout.write(f"Vorgemerkte Änderungen: {sync.pending_count()}")

    def _check(self) -> None:
        info = indices.status()
        problems = []
        if not info["active"]:
            problems.append(f"Alias {info['alias']} fehlt; `search_index --rebuild` ausführen.")
        elif info["outdated"]:
            problems.append(
                f"Index {', '.join(info['outdated'])} hat ein veraltetes Mapping (erwartet: "
                f"Version {MAPPING_VERSION}); `search_index --rebuild` ausführen."
            )
        elif info["documents"] != info["database"]:
            problems.append(
                f"Index hat {info['documents']} Dokumente, die Datenbank "
                f"{info['database']} öffentliche Praxisbeispiele."
            )
        if sync.pending_count():
            problems.append(f"{sync.pending_count()} Änderung(en) warten; `--catch-up` ausführen.")
        if problems:
            raise CommandError(" ".join(problems))
        self.stdout.write(self.style.SUCCESS(f"Suchindex in Ordnung ({info['documents']})."))
