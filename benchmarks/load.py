"""Load benchmark: locust (headless) against gunicorn, PostgreSQL and OpenSearch on loopback.

    pip install -e ".[bench]"
    SEARCH_URL=http://127.0.0.1:9200 python benchmarks/load.py \
        --database-url "$(scripts/postgres.sh status | tail -n1)" [--entries 10000]
        [--users 16] [--seconds 60] [--workers 4]

Fills the database to `--entries` live entries across the real register (as
benchmarks/search.py does; an existing filled database is reused), rebuilds the engine index
(prefix "bench"), then serves the production settings with gunicorn and runs the visitors of
benchmarks/locustfile.py twice for `--seconds`: without the page cache and with it
(`PAGE_CACHE_SECONDS`, emptied before the run). Prints requests per second, p50 and p95 and
the failures of each run side by side; exits 1 if any request failed. Goal: zero errors.
"""

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)  # "search" must be the app, not this file
BIN = Path(sys.executable).parent

from benchmarks.search import QUERIES, fill_up, load_register, set_up  # noqa: E402


def prepare(entries: int) -> None:
    load_register()
    fill_up(entries)
    if os.environ.get("SEARCH_URL"):
        from search.indices import rebuild

        result = rebuild()
        print(f"Suchindex: {result['count']} Einträge in {result['seconds']:.1f} s", flush=True)


def visitor_urls() -> dict[str, list[str]]:
    """What the visitors ask for: searches, small towns to compare with, pages to open."""
    from kommunen.models import Kommune, KommunePage, KommuneTyp
    from praxis.models import PraxisPage

    entries = PraxisPage.objects.live().public().order_by("?")[:300]
    profiles = KommunePage.objects.live().public().order_by("?")[:100]
    small_towns = Kommune.objects.exclude(typ=KommuneTyp.LANDKREIS).filter(
        einwohner__gt=0, einwohner__lt=20_000
    )
    return {
        "searches": [query for query in QUERIES if "vergleich=" not in query],
        "comparisons": list(small_towns.order_by("?").values_list("ags", flat=True)[:50]),
        "entries": [page.url for page in entries],
        "profiles": [page.url for page in profiles],
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(database_url: str, static_root: str, cache_seconds: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SEARCH_INDEX_PREFIX": "bench",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": static_root,
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


def start_gunicorn(environment: dict, workers: int, port: int, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "plattform.wsgi:application",
            *("--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--timeout", "60"),
        ],
        cwd=REPO,
        env=environment,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn beendet, siehe {log}") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn antwortet nicht, siehe {log}")


def run_locust(port: int, users: int, seconds: int, urls: Path, prefix: Path) -> dict:
    """One headless locust run; the aggregated row of its statistics."""
    subprocess.run(
        [
            *(str(BIN / "locust"), "-f", str(REPO / "benchmarks/locustfile.py"), "--headless"),
            *("--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s"),
            *("--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary"),
            *("--loglevel", "WARNING"),
        ],
        env={**os.environ, "LOAD_URLS": str(urls)},
        check=False,  # exit 1 on failures: they are counted below
    )
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    return {row["Name"]: row for row in rows}


def row_text(label: str, stats: dict) -> str:
    total = stats["Aggregated"]
    return (
        f"{label:<22} {float(total['Requests/s']):>8.1f} {total['50%']:>8} {total['95%']:>8}"
        f" {total['Request Count']:>9} {total['Failure Count']:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--cache-seconds", type=int, default=300)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("--database-url postgres://… (or DATABASE_URL) angeben.")

    directory = Path(tempfile.mkdtemp(prefix="praxisnetz-load-"))
    set_up(args.database_url)
    prepare(args.entries)
    urls = directory / "urls.json"
    urls.write_text(json.dumps(visitor_urls()))

    from django.core.cache import caches
    from django.db import connections

    static_root = str(directory / "static")
    subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "collectstatic", "--noinput", "-v0"],
        env=server_environment(args.database_url, static_root, 0),
        cwd=REPO,
        check=True,
    )
    log = directory / "gunicorn.log"
    results = {}
    runs = (("ohne Seiten-Cache", 0), ("mit Seiten-Cache", args.cache_seconds))
    for label, cache_seconds in runs:
        caches["seiten"].clear()
        connections.close_all()
        port = free_port()
        environment = server_environment(args.database_url, static_root, cache_seconds)
        server = start_gunicorn(environment, args.workers, port, log)
        try:
            results[label] = run_locust(
                port, args.users, args.seconds, urls, directory / label.replace(" ", "_")
            )
        finally:
            server.terminate()
            server.wait(timeout=30)

    print()
    print(
        f"{args.entries} Praxisbeispiele, {args.workers} gunicorn-Worker, {args.users} Nutzer,"
        f" {args.seconds} s, Suche: {'OpenSearch' if os.environ.get('SEARCH_URL') else 'Datenbank'}"
    )
    print(f"{'':<22} {'Anfr./s':>8} {'p50 ms':>8} {'p95 ms':>8} {'Anfragen':>9} {'Fehler':>7}")
    for label, stats in results.items():
        print(row_text(label, stats))
    print()
    for label, stats in results.items():
        for name, row in stats.items():
            if name != "Aggregated":
                print(f"{label:<22} {name:<22} p50 {row['50%']:>5} ms, p95 {row['95%']:>5} ms")
    print(f"Protokolle: {directory}")
    failures = sum(int(stats["Aggregated"]["Failure Count"]) for stats in results.values())
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
