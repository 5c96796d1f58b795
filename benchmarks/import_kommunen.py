"""Time `import_kommunen` with the real register on a fresh SQLite (and PostgreSQL) database.

    python benchmarks/import_kommunen.py [--database-url postgres://…] [--file PATH]

Each database is measured in its own child process (fresh schema, first import, re-import,
peak memory), so the figures do not mix. PostgreSQL is measured when --database-url or
DATABASE_URL names one; a throwaway database is created beside it and dropped afterwards.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
REGISTER = REPO / "kommunen/data/gemeindeverzeichnis-gv-auszug.csv.gz"


def measure(database_url: str, path: Path) -> dict:
    """In this process: migrate a fresh database, import twice, return times and peak memory."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "plattform.settings.test"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from kommunen.importer import import_kommunen

    call_command("migrate", verbosity=0)
    memory_before = _peak_memory_mb()
    start = time.perf_counter()
    first = import_kommunen(path)
    middle = time.perf_counter()
    again = import_kommunen(path)
    end = time.perf_counter()
    return {
        "first_import_s": middle - start,
        "reimport_s": end - middle,
        "first": first.summary_line(),
        "again": again.summary_line(),
        "memory_after_migrate_mb": memory_before,
        "peak_memory_mb": _peak_memory_mb(),
    }


def _peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def in_child_process(database_url: str, path: Path) -> dict:
    """Run `measure` in a child process and return its figures."""
    command = [sys.executable, __file__, "--measure", database_url, "--file", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"Messung mit {_without_password(database_url)} fehlgeschlagen:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_sqlite(path: Path) -> dict:
    folder = tempfile.mkdtemp(prefix="praxisnetz-bench-")
    try:
        return in_child_process(f"sqlite:///{folder}/bench.sqlite3", path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure_postgres(url: str, path: Path) -> dict:
    """Measure on a throwaway database created with the role of `url` (needs CREATEDB)."""
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        return in_child_process(urlunsplit(parts._replace(path=f"/{name}")), path)
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


def table(results: dict[str, dict]) -> str:
    lines = [
        f"{'Datenbank':<12} {'Erstimport':>11} {'Re-Import':>10} {'Spitzenspeicher':>16}",
    ]
    for name, values in results.items():
        lines.append(
            f"{name:<12} {values['first_import_s']:>9.1f} s {values['reimport_s']:>8.1f} s "
            f"{values['peak_memory_mb']:>12.0f} MB"
        )
    for name, values in results.items():
        lines.append(f"{name}: {values['first']} / {values['again']}")
        lines.append(f"{name}: {values['memory_after_migrate_mb']:.0f} MB nach migrate")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--file", type=Path, default=REGISTER, dest="path")
    parser.add_argument("--measure", dest="measure_url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_url:
        print(json.dumps(measure(args.measure_url, args.path)))
        return
    if not args.path.exists():
        sys.exit(f"Register nicht gefunden: {args.path} (--file angeben)")
    results = {"sqlite": measure_sqlite(args.path)}
    if args.database_url.startswith(("postgres://", "postgresql://")):
        results["postgresql"] = measure_postgres(args.database_url, args.path)
    print(f"{args.path.name}, {os.cpu_count()} Kerne")
    print(table(results))


if __name__ == "__main__":
    main()
