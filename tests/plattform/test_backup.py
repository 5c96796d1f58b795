"""The backup and restore scripts (scripts/backup.sh, scripts/restore.sh) on a real PostgreSQL:
what is backed up comes back, and neither script overwrites what it must not."""

import os
import subprocess
from pathlib import Path
from urllib.parse import quote

from django.db import connection

import psycopg
import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import Kommune

REPO = Path(__file__).resolve().parents[2]

# The scripts take their own connections: no test transaction around them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url(name: str) -> str:
    db = connection.settings_dict
    user, password = quote(db["USER"]), quote(db["PASSWORD"])
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{name}"


def run(script: str, argument: Path, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(REPO / "scripts" / script), str(argument)],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def empty_database(require_postgres):
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')  # autovacuum gives way


def test_a_backup_restores_database_and_media(empty_database, tmp_path):
    KommuneFactory(ags="09471214", name="Zapfendorf")
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "bild.png").write_bytes(b"\x89PNG Bilddaten")
    source = database_url(connection.settings_dict["NAME"])

    backup = run("backup.sh", tmp_path / "sicherung", DATABASE_URL=source, MEDIA_ROOT=str(media))
    assert backup.returncode == 0, backup.stderr
    assert "Sicherung fertig" in backup.stderr

    restored_media = tmp_path / "zurueck"
    target = database_url(empty_database)
    restore = run(
        "restore.sh", tmp_path / "sicherung", DATABASE_URL=target, MEDIA_ROOT=str(restored_media)
    )
    assert restore.returncode == 0, restore.stderr
    with psycopg.connect(target) as restored:
        rows = restored.execute(
            f"select name from {Kommune._meta.db_table} where ags = '09471214'"
        ).fetchall()
        count = restored.execute(f"select count(*) from {Kommune._meta.db_table}").fetchone()
    assert rows == [("Zapfendorf",)] and count == (Kommune.objects.count(),)
    assert (restored_media / "original_images" / "bild.png").read_bytes() == b"\x89PNG Bilddaten"

    again = run(
        "restore.sh", tmp_path / "sicherung", DATABASE_URL=target, MEDIA_ROOT=str(tmp_path / "x")
    )
    assert again.returncode != 0 and "nicht leer" in again.stderr


def test_a_backup_never_writes_into_a_full_folder_or_half(require_postgres, tmp_path):
    full = tmp_path / "voll"
    full.mkdir()
    (full / "alt.txt").write_text("bleibt")
    source = database_url(connection.settings_dict["NAME"])
    refused = run("backup.sh", full, DATABASE_URL=source, MEDIA_ROOT=str(tmp_path / "m"))
    assert refused.returncode != 0 and "nicht leer" in refused.stderr
    assert [p.name for p in full.iterdir()] == ["alt.txt"]

    broken = run("backup.sh", tmp_path / "neu", DATABASE_URL=database_url("gibt_es_nicht"))
    assert broken.returncode != 0
    assert not (tmp_path / "neu").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("neu.tmp")]
