"""An unreachable database answers 503 with a German page and Retry-After; other errors 500.
(tests/plattform/test_postgres_restart.py shows the same with a real PostgreSQL stopped.)"""

import json

from django.db import InterfaceError, OperationalError

import pytest

from plattform.errors import RETRY_AFTER_SECONDS, server_error


def answer_while_handling(error: Exception, request):
    try:
        raise error
    except Exception:
        return server_error(request)


@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError()])
def test_a_database_outage_is_a_503_page_that_asks_to_try_again(rf, error):
    response = answer_while_handling(error, rf.get("/suche/"))
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "<h1>Vorübergehend nicht erreichbar</h1>" in response.content.decode()


def test_the_api_says_so_in_its_error_shape(rf):
    response = answer_while_handling(OperationalError(), rf.get("/api/v1/praxis/"))
    assert response.status_code == 503
    assert json.loads(response.content)["fehler"].startswith("Der Dienst ist vorübergehend")


def test_any_other_error_stays_a_500(rf):
    response = answer_while_handling(ValueError("kaputt"), rf.get("/suche/"))
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
