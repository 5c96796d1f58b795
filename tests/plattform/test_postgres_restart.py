"""PostgreSQL restarted under traffic: while it is down, requests answer 503 with a German page
(no traceback); once it is back, every request succeeds again without restarting the app, and
what was written before the restart is still there.

The app is gunicorn with two workers on a PostgreSQL of the test's own (port 5440), which the
test stops and starts; the shared PostgreSQL is never touched.
"""

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from .own_services import postgres, serve, stop
from .worker_support import in_django, manage

pytestmark = pytest.mark.postgres
AGS = "01062093"
PATHS = (
    "/health/",
    f"/kommune/{AGS}/",
    f"/api/v1/kommunen/{AGS}/",
    "/api/v1/praxis/?q=Sprache",
    "/suche/?q=Sprache",
)
WRITE = f"""
from kommunen.models import Kommune
Kommune.objects.update_or_create(ags="{AGS}", defaults=dict(
    name="Neuenwerder", anzeigename="Neuenwerder", typ="gemeinde", einwohner=2300,
    bundesland="SH"))
result = Kommune.objects.filter(ags="{AGS}").count()
"""


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class Traffic(threading.Thread):
    """Requests the paths one after another until stopped; keeps every (status, body)."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.running = base, True
        self.answers: list[tuple[int, str]] = []

    def run(self) -> None:
        while self.running:
            for path in PATHS:
                self.answers.append(get(self.base + path))

    def stop(self) -> list[tuple[int, str]]:
        self.running = False
        self.join(timeout=60)
        return self.answers


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[str]:
    database_url = postgres("start")
    manage("migrate", "--no-input", "-v0", database_url=database_url)
    assert in_django(WRITE, database_url) == 1  # written before the restart
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    # The test settings: DEBUG off and no collected static files needed; the database
    # connection settings (CONN_MAX_AGE, CONN_HEALTH_CHECKS) are those of production.
    environment = {
        "DJANGO_SETTINGS_MODULE": "plattform.settings.test",
        "DATABASE_URL": database_url,
    }
    server, base = serve(environment, log)
    yield base
    stop(server)
    postgres("stop")


def is_outage_answer(status: int, body: str) -> bool:
    """200, or 503 with the German notice: the page's, the API's JSON or /health/'s state."""
    if status == 200:
        return True
    if status != 503 or "Traceback" in body:
        return False
    if body.startswith("{"):
        answer = json.loads(body)
        notice = answer.get("fehler", "") or answer.get("datenbank", {}).get("status", "")
        return notice.startswith(("Der Dienst ist vorübergehend", "fehler"))
    return "<h1>Vorübergehend nicht erreichbar</h1>" in body


def test_requests_during_a_restart_answer_503_and_all_succeed_afterwards(served):
    assert [get(served + path)[0] for path in PATHS] == [200] * len(PATHS)
    traffic = Traffic(served)
    traffic.start()
    postgres("stop")
    while_down = [get(served + path) for path in PATHS]
    postgres("start")
    afterwards = [get(served + path) for path in PATHS * 5]  # several times through both workers
    during = traffic.stop()

    assert [status for status, _body in while_down] == [503] * len(PATHS)
    answers = while_down + during
    assert [(code, text[:500]) for code, text in answers if not is_outage_answer(code, text)] == []
    assert [status for status, _body in afterwards] == [200] * len(afterwards)
    assert "Neuenwerder" in get(served + f"/kommune/{AGS}/")[1]  # nothing written was lost


def test_connections_kept_across_a_quiet_restart_are_replaced_unnoticed(served):
    """No request meets the outage, so no worker noticed it: each still keeps a connection to
    the old server (CONN_MAX_AGE), which the health check must replace before it is used."""
    assert [get(served + path)[0] for path in PATHS * 2] == [200] * len(PATHS) * 2
    postgres("stop")
    postgres("start")
    afterwards = [get(served + path) for path in PATHS * 5]
    assert [status for status, _body in afterwards] == [200] * len(afterwards)
