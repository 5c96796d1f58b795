"""Time `import_kommunen` with the real register on a fresh SQLite (and PostgreSQL) database.

    python benchmarks/import_kommunen.py [--database-url postgres://…] [--datei PFAD]

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
REGISTER = REPO.parent / "shared/data/gemeindeverzeichnis-gv-auszug.csv"


def messe(datenbank_url: str, datei: Path) -> dict:
    """In this process: migrate a fresh database, import twice, return times and peak memory."""
    os.environ["DATABASE_URL"] = datenbank_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "plattform.settings.test"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from kommunen.importer import import_kommunen

    call_command("migrate", verbosity=0)
    speicher_vorher = _spitzenspeicher_mb()
    beginn = time.perf_counter()
    erst = import_kommunen(datei)
    mitte = time.perf_counter()
    wieder = import_kommunen(datei)
    ende = time.perf_counter()
    return {
        "erstimport_s": mitte - beginn,
        "reimport_s": ende - mitte,
        "erst": erst.zusammenfassung(),
        "wieder": wieder.zusammenfassung(),
        "speicher_nach_migrate_mb": speicher_vorher,
        "spitzenspeicher_mb": _spitzenspeicher_mb(),
    }


def _spitzenspeicher_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def im_kindprozess(datenbank_url: str, datei: Path) -> dict:
    """Run `messe` in a child process and return its figures."""
    befehl = [sys.executable, __file__, "--messen", datenbank_url, "--datei", str(datei)]
    ergebnis = subprocess.run(befehl, capture_output=True, text=True, check=False)
    if ergebnis.returncode:
        sys.exit(f"Messung mit {_ohne_passwort(datenbank_url)} fehlgeschlagen:\n{ergebnis.stderr}")
    return json.loads(ergebnis.stdout.strip().splitlines()[-1])


def sqlite_messen(datei: Path) -> dict:
    ordner = tempfile.mkdtemp(prefix="praxisnetz-bench-")
    try:
        return im_kindprozess(f"sqlite:///{ordner}/bench.sqlite3", datei)
    finally:
        shutil.rmtree(ordner, ignore_errors=True)


def postgres_messen(url: str, datei: Path) -> dict:
    """Measure on a throwaway database created with the role of `url` (needs CREATEDB)."""
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    teile = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as verbindung:
        verbindung.execute(f'CREATE DATABASE "{name}"')
    try:
        return im_kindprozess(urlunsplit(teile._replace(path=f"/{name}")), datei)
    finally:
        with psycopg.connect(url, autocommit=True) as verbindung:
            verbindung.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _ohne_passwort(url: str) -> str:
    teile = urlsplit(url)
    if teile.password:
        teile = teile._replace(netloc=teile.netloc.replace(f":{teile.password}@", ":***@"))
    return urlunsplit(teile)


def tabelle(ergebnisse: dict[str, dict]) -> str:
    zeilen = [
        f"{'Datenbank':<12} {'Erstimport':>11} {'Re-Import':>10} {'Spitzenspeicher':>16}",
    ]
    for name, werte in ergebnisse.items():
        zeilen.append(
            f"{name:<12} {werte['erstimport_s']:>9.1f} s {werte['reimport_s']:>8.1f} s "
            f"{werte['spitzenspeicher_mb']:>12.0f} MB"
        )
    for name, werte in ergebnisse.items():
        zeilen.append(f"{name}: {werte['erst']} / {werte['wieder']}")
        zeilen.append(f"{name}: {werte['speicher_nach_migrate_mb']:.0f} MB nach migrate")
    return "\n".join(zeilen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--datei", type=Path, default=REGISTER)
    parser.add_argument("--messen", help=argparse.SUPPRESS)
    argumente = parser.parse_args()
    if argumente.messen:
        print(json.dumps(messe(argumente.messen, argumente.datei)))
        return
    if not argumente.datei.exists():
        sys.exit(f"Register nicht gefunden: {argumente.datei} (--datei angeben)")
    ergebnisse = {"sqlite": sqlite_messen(argumente.datei)}
    if argumente.database_url.startswith(("postgres://", "postgresql://")):
        ergebnisse["postgresql"] = postgres_messen(argumente.database_url, argumente.datei)
    print(f"{argumente.datei.name}, {os.cpu_count()} Kerne")
    print(tabelle(ergebnisse))


if __name__ == "__main__":
    main()
