"""Search benchmark: 1,000 and 10,000 entries across the real register, both backends.

    SEARCH_URL=http://127.0.0.1:9200 python benchmarks/search.py [--sizes 1000 10000]
    SEARCH_URL=… python benchmarks/search.py --engine-only --sizes 100000 --database-url postgres://…

Uses a throwaway SQLite database (or DATABASE_URL) and the index prefix "bench". Measures the
engine rebuild (indexing throughput), then p50/p95 latency of a query mix through the JSON API
(`/api/v1/praxis/`) on the engine and the database backend, with Wagtail's plain `.search()` on
the same data as the baseline, and prints a table. It also times the import of the shipped
register into the empty database and `seed_demo` from empty (a fresh SQLite database in a
subprocess, as `./run.sh` starts). Goals: engine p95 ≤ 50 ms at 10,000 entries, database API
p95 ≤ 150 ms at 10,000 on SQLite and ≤ 100 ms on PostgreSQL, rebuild of 10,000 ≤ 60 s; at
100,000 (`--engine-only`, which skips the database measurements that take too long at that size)
engine API p95 ≤ 50 ms and rebuild ≤ 120 s.

Project modules are imported inside the functions: Django must be set up first (`set_up`).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)  # "search" must be the app, not this file
REGISTER = REPO / "kommunen/data/gemeindeverzeichnis-gv-auszug.csv.gz"
MANAGE = [sys.executable, str(REPO / "manage.py")]

QUERIES = [
    "q=Sprachkurs",
    "q=Gefluechtete+Wohnung",
    "q=Sprachkurs+f%C3%BCr+M%C3%BCtter&vergleich=01062001",
    "q=Dolmetscher&status=laufend",
    "q=Integrationslosten",
    "q=Elterncaf%C3%A9&groessenklasse=landgemeinde&groessenklasse=kleinstadt",
    "handlungsfeld=sprache&bundesland=BY",
    "vergleich=09162000&handlungsfeld=wohnen",
    "q=Interkulturelle+%C3%96ffnung&sortierung=neueste",
    "groessenklasse=landgemeinde&status=verstetigt&seite=2",
]


def set_up(database_url: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plattform.settings.test")
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The test settings switch the engine off; the benchmark opts in like the engine tests.
    settings.SEARCH_URL = os.environ.get("SEARCH_URL", "")
    settings.SEARCH_INDEX_PREFIX = "bench"
    call_command("migrate", verbosity=0)


def load_register() -> float | None:
    """Import the register unless the database has it; the seconds it took, if it ran."""
    from kommunen.importer import import_kommunen
    from kommunen.models import Kommune

    if Kommune.objects.count() >= 1000:
        return None
    start = time.perf_counter()
    import_kommunen(REGISTER)
    return time.perf_counter() - start


def time_seed_demo(directory: str) -> float:
    """Seconds of `seed_demo` (register and demo content) on a fresh, migrated SQLite database."""
    import subprocess

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory}/seed.sqlite3",
        "SEARCH_URL": "",
        "LOG_LEVEL": "WARNING",
    }

    def manage(*arguments: str) -> None:
        command = [*MANAGE, *arguments]
        subprocess.run(command, env=environment, cwd=REPO, check=True, stdout=subprocess.DEVNULL)

    manage("migrate", "--noinput")
    start = time.perf_counter()
    manage("seed_demo", "--ohne-zugaenge")
    return time.perf_counter() - start


def fill_up(target: int, wagtail_index: bool = True) -> float:
    """Grow the live entries to `target`; index the new ones for Wagtail's database search.

    Created in chunks of 10,000 so that memory stays flat and a long fill shows its progress.
    """
    from wagtail.search.backends import get_search_backend

    from benchmarks.search_data import create_entries
    from praxis.models import PraxisPage

    start, before = time.perf_counter(), PraxisPage.objects.count()
    while (missing := target - PraxisPage.objects.count()) > 0:
        create_entries(min(missing, 10_000))
        print(f"  {PraxisPage.objects.count():,} / {target:,} entries", file=sys.stderr, flush=True)
    if not wagtail_index:
        return time.perf_counter() - start
    new = (
        PraxisPage.objects.filter(pk__gt=PraxisPage.objects.order_by("pk")[before - 1].pk)
        if before
        else PraxisPage.objects.all()
    )
    backend = get_search_backend()
    for offset in range(0, new.count(), 1000):
        backend.add_bulk(PraxisPage, list(new.order_by("pk")[offset : offset + 1000]))
    return time.perf_counter() - start


def timings(measure, repetitions: int) -> list[float]:
    """Milliseconds of each call after one warm-up round."""
    for query in QUERIES:
        measure(query)
    values = []
    for _ in range(repetitions):
        for query in QUERIES:
            start = time.perf_counter()
            measure(query)
            values.append((time.perf_counter() - start) * 1000)
    return values


def api_measure(engine: bool):
    from django.test import Client
    from django.test.utils import override_settings

    client = Client(HTTP_HOST="localhost")
    url = os.environ.get("SEARCH_URL", "") if engine else ""

    def measure(query: str) -> None:
        with override_settings(SEARCH_URL=url):
            response = client.get(f"/api/v1/praxis/?{query}")
        if response.status_code != 200:
            raise RuntimeError(f"{query}: HTTP {response.status_code} {response.content[:200]!r}")

    return measure


def backend_measure(engine: bool):
    """The backend alone (`search()`), without the API's rendering."""
    from django.http import QueryDict

    from search.backends.database import DatabaseBackend
    from search.backends.engine import EngineBackend
    from search.query import parse_query

    backend = EngineBackend() if engine else DatabaseBackend()
    return lambda query: backend.search(parse_query(QueryDict(query)))


def wagtail_measure(query: str) -> None:
    """Baseline: Wagtail's plain database `.search()` for the text, first 20 results."""
    from urllib.parse import parse_qs

    from praxis.models import PraxisPage

    q = parse_qs(query).get("q", [""])[0]
    base = PraxisPage.objects.live().public()
    list(base.search(q)[:20] if q else base.order_by("-first_published_at")[:20])


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def run_size(size: int, repetitions: int, engine_only: bool = False) -> list[tuple]:
    from search.indices import rebuild

    created = fill_up(size, wagtail_index=not engine_only)
    label = "create" if engine_only else "create + Wagtail index"
    rows = [(size, label, f"{created:.1f} s", "", "")]
    if os.environ.get("SEARCH_URL"):
        result = rebuild()
        rate = result["count"] / result["seconds"]
        rows.append(
            (size, "engine rebuild", f"{result['seconds']:.1f} s", f"{rate:.0f} docs/s", "")
        )
        rows.append((size, "API, engine", *_ms(timings(api_measure(True), repetitions))))
        rows.append((size, "search(), engine", *_ms(timings(backend_measure(True), repetitions))))
    if engine_only:
        return rows
    rows.append((size, "API, database", *_ms(timings(api_measure(False), repetitions))))
    rows.append((size, "search(), database", *_ms(timings(backend_measure(False), repetitions))))
    rows.append((size, "Wagtail .search()", *_ms(timings(wagtail_measure, repetitions))))
    return rows


def _ms(values: list[float]) -> tuple[str, str, str]:
    p50, p95 = percentiles(values)
    return f"{len(values)} queries", f"p50 {p50:.1f} ms", f"p95 {p95:.1f} ms"


def table(rows: list[tuple]) -> str:
    header = ("entries", "measurement", "value", "", "")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    lines = [" | ".join(str(r[i]).ljust(widths[i]) for i in range(5)) for r in [header, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument(
        "--engine-only",
        action="store_true",
        help="the engine alone: no Wagtail index, database backend or seed_demo (for 100,000)",
    )
    args = parser.parse_args()
    if args.engine_only and not os.environ.get("SEARCH_URL"):
        parser.error("--engine-only needs SEARCH_URL")
    directory = tempfile.mkdtemp(prefix="praxisnetz-bench-")
    set_up(args.database_url or f"sqlite:///{directory}/bench.sqlite3")
    rows: list[tuple] = []
    register = load_register()
    if register is not None:
        rows.append(("", "register import (11,004 + 401)", f"{register:.1f} s", "", ""))
    if not args.engine_only:
        seed = time_seed_demo(directory)
        rows.append(("", "seed_demo from empty (SQLite)", f"{seed:.1f} s", "", ""))
    for size in sorted(args.sizes):
        rows += run_size(size, args.repetitions, args.engine_only)
        print(table(rows), flush=True)
        print()
    if os.environ.get("SEARCH_URL"):
        from search.client import get_client
        from search.indices import versions

        for index in versions():
            get_client().indices.delete(index=index)


if __name__ == "__main__":
    main()
