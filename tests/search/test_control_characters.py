"""Control characters in the address are refused at the edge with a German 400.

PostgreSQL cannot take NUL in a text value (`DataError`, so these URLs answered 500 there and
cleanly on SQLite). The middleware (plattform/middleware.py) refuses them before any view or
lookup. The parametrised cases run on every database, so in the PostgreSQL CI job too.
"""

from django.db import DataError, transaction

import pytest

from kommunen.models import Kommune

URLS = [
    "/api/v1/praxis/%00/",
    "/api/v1/kommunen/%00/",
    "/api/v1/praxis/%00/aehnliche/",
    "/api/v1/kommunen/%00/vergleichbare/",
    "/api/v1/praxis/?q=%00",
    "/api/v1/praxis/?vergleich=%00",
    "/api/v1/praxis/?kreis=%00",
    "/suche/?vergleich=%00",
    "/suche/?vergleich=Klein%00au",
    "/suche/kommunen/?q=Ah%00r",
    "/suche/?q=%00",
    "/suche/?q=Sprache%00",
    "/suche/?kreis=%00",
    "/suche/?handlungsfeld=%00",
    "/suche/?%00=1",
    "/suche/?q=%1B%5B31m",
    "/kommune/%00/",
    "/kommunen/%00/",
    "/kommunen/stormarn/kleinau%00/",
]


@pytest.mark.parametrize("url", URLS)
def test_control_characters_are_refused_with_a_german_400(entries, client, url):
    response = client.get(url)
    assert response.status_code == 400
    text = response.json()["fehler"] if url.startswith("/api/") else response.content.decode()
    assert "Die Adresse enthält Steuerzeichen" in text


@pytest.mark.parametrize("url", ["/suche/?q=Sprach%0Acaf%C3%A9", "/suche/?q=M%C3%BCtter%09"])
def test_line_breaks_and_tabs_in_a_search_text_are_fine(entries, client, url):
    assert client.get(url).status_code == 200


def test_postgres_itself_refuses_nul(require_postgres):
    """Why the edge check matters: without it these lookups end in a 500 on PostgreSQL."""
    with pytest.raises(DataError), transaction.atomic():
        Kommune.objects.filter(ags="\x00").exists()
