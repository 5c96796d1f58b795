"""`/health/`: database, engine and task queue as JSON; 503 only when the database fails."""

import io
import json
import logging
import logging.config
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.conf import settings as django_settings
from django.db import OperationalError
from django.utils import timezone

import pytest
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from search import client
from tests.search.engine_support import engine_url

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@task()
def noop() -> None:
    """A task that is only ever enqueued here, never run."""


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def search_url(settings):
    def point_at(url: str) -> None:
        settings.SEARCH_URL = url
        client.reset()

    yield point_at
    client.reset()


def health(client_):
    response = client_.get("/health/")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_all_well_without_an_engine(client):
    status, data = health(client)
    assert status == 200 and data["status"] == "ok"
    assert data["datenbank"]["status"] == "ok"
    assert data["suchmaschine"] == {"status": "ok", "backend": "datenbank"}


def test_a_running_engine_is_named(client, search_url):
    search_url(engine_url())
    status, data = health(client)
    assert status == 200 and data["suchmaschine"]["status"] == "ok"
    assert data["suchmaschine"]["backend"] in ("opensearch", "elasticsearch")


def test_an_unreachable_engine_limits_but_serves(client, search_url):
    search_url("http://127.0.0.1:9")
    status, data = health(client)
    assert status == 200 and data["status"] == "eingeschraenkt"
    assert data["suchmaschine"]["status"] == "eingeschraenkt"
    assert data["suchmaschine"]["backend"] == "datenbank"


def test_a_failing_database_answers_503(client):
    with mock.patch("plattform.health.connection.cursor", side_effect=OperationalError("weg")):
        status, data = health(client)
    assert status == 503 and data["status"] == "fehler"
    assert data["datenbank"] == {"status": "fehler", "fehler": "OperationalError"}


def test_the_age_of_the_oldest_due_task_is_reported(client, db_tasks, settings):
    settings.HEALTH_MAX_TASK_AGE = 300
    waiting = noop.enqueue()
    later = noop.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    status, data = health(client)
    assert data["aufgaben"]["status"] == "ok" and data["aufgaben"]["wartend"] == 1

    ten_minutes_ago = timezone.now() - timedelta(minutes=10)
    DBTaskResult.objects.filter(id=waiting.id).update(enqueued_at=ten_minutes_ago)
    DBTaskResult.objects.filter(id=later.id).update(enqueued_at=ten_minutes_ago)
    status, data = health(client)
    assert status == 200 and data["status"] == "eingeschraenkt"
    assert data["aufgaben"]["status"] == "eingeschraenkt"
    assert 590 <= data["aufgaben"]["aelteste_sekunden"] <= 700
    assert data["aufgaben"]["wartend"] == 1  # the task due in an hour does not wait yet


def test_json_log_lines_are_one_object_each():
    config = json.loads(json.dumps(django_settings.LOGGING))
    stream = io.StringIO()
    config["handlers"] = {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": stream}
    }
    logging.config.dictConfig(config)
    try:
        logging.getLogger("plattform.test").warning("Suchmaschine %s", "weg")
    finally:
        logging.config.dictConfig(django_settings.LOGGING)
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert line["message"] == "Suchmaschine weg" and line["stufe"] == "WARNING"
    assert line["logger"] == "plattform.test" and line["zeit"]


def test_production_logs_json_unless_told_otherwise():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plattform.settings.production",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": "postgres://127.0.0.1:5432/x",
        "ALLOWED_HOSTS": "praxisnetz.example",
    }
    environment.pop("LOG_FORMAT", None)
    show = "from django.conf import settings; print(settings.LOGGING['handlers']['console'])"
    command = [sys.executable, "-c", f"import django; django.setup(); {show}"]
    shown = subprocess.run(command, env=environment, cwd=REPO, capture_output=True, text=True)
    assert "'formatter': 'json'" in shown.stdout, shown.stderr[-2000:]
    environment["LOG_FORMAT"] = "yaml"
    refused = subprocess.run(command, env=environment, cwd=REPO, capture_output=True, text=True)
    assert refused.returncode != 0 and "LOG_FORMAT must be text or json" in refused.stderr
