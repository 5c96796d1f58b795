"""Stored contact requests are deleted after KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE days by
`manage.py kontaktanfragen_loeschen` (idempotent, with progress output and --dry-run)."""

import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO

from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

import pytest

from kontakt import retention
from kontakt.models import Kontaktanfrage
from tests.kontakt.conftest import make_request

pytestmark = pytest.mark.django_db


def aged(page, days: float, name: str) -> Kontaktanfrage:
    return make_request(page, name=name, erstellt_am=timezone.now() - timedelta(days=days))


def run(*args: str) -> str:
    out = StringIO()
    call_command("kontaktanfragen_loeschen", *args, stdout=out)
    return out.getvalue()


def names() -> set[str]:
    return set(Kontaktanfrage.objects.values_list("name", flat=True))


def test_requests_past_the_period_are_deleted_the_others_kept(world):
    aged(world.entry, 181, "alt")
    aged(world.ahrensburg, 179, "jung")
    output = run()
    assert names() == {"jung"}
    assert "Aufbewahrungsfrist: 180 Tage." in output
    assert "1 Kontaktanfragen von vor dem" in output and "gelöscht." in output


def test_a_second_run_deletes_nothing_more(world):
    aged(world.entry, 200, "alt")
    run()
    assert "0 Kontaktanfragen" in run()
    assert names() == set()


def test_the_dry_run_counts_and_deletes_nothing(world):
    aged(world.entry, 200, "alt")
    output = run("--dry-run")
    assert "Probelauf: 1 Kontaktanfragen" in output and "würden gelöscht" in output
    assert names() == {"alt"}


def test_the_period_comes_from_the_setting(world, settings):
    settings.KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE = 30
    aged(world.entry, 31, "alt")
    aged(world.entry, 29, "jung")
    assert "Aufbewahrungsfrist: 30 Tage." in run()
    assert names() == {"jung"}


def test_a_long_backlog_goes_in_batches_with_progress(world, monkeypatch):
    monkeypatch.setattr(retention, "BATCH_SIZE", 2)
    for number in range(5):
        aged(world.entry, 365, f"alt {number}")
    output = run()
    assert [line.strip() for line in output.splitlines() if "bisher" in line] == [
        "… bisher 2 gelöscht",
        "… bisher 4 gelöscht",
        "… bisher 5 gelöscht",
    ]
    assert names() == set()


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_a_bad_period_in_the_environment_stops_start_up_with_a_clear_message(value):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.test",
        "KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE": value,
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE must be a whole number of days" in result.stderr


def test_the_period_is_read_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.test",
        "KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE": "90",
    }
    probe = "import django; django.setup(); from django.conf import settings as s;"
    probe += "print(s.KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE)"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "90"
