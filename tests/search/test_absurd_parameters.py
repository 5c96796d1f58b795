"""Absurd values in every parameter of the search page, the API search and the Kommune
suggestions, on the database search and on the engine: each answers 200 or a German 400, never
500, and a 200 page shows no injected markup. (tests/search/test_control_characters.py,
test_parameter_limits.py and test_parameter_parity.py pin particular answers.)"""

import pytest

from search.api import SearchParams
from tests.absurd_values import ABSURD_VALUES, RAW_QUERIES, SCRIPT

SEARCH_URLS = ["/suche/", "/api/v1/praxis/"]
PARAMETERS = list(SearchParams.model_fields)
GERMAN_400 = (
    "Steuerzeichen",
    "Unbekannt",
    "ungültig",
    "Ungültig",
    "kein",
    "zu lang",
    "muss",
    "Zu viele",
)


def assert_answered(response, url: str) -> None:
    """200, or a 400 that says in German what was wrong; a page shows no injected markup."""
    assert response.status_code in (200, 400), (url, response.status_code)
    text = response.content.decode()
    if response.status_code == 400:
        assert any(word in text for word in GERMAN_400), (url, text[:300])
    assert SCRIPT not in text, url


def every_answer(client, url: str, value: str) -> None:
    for name in PARAMETERS:
        assert_answered(client.get(url, {name: value}), f"{url}?{name}=…")
    repeated = {name: [value, "sprache", value] for name in PARAMETERS}
    assert_answered(client.get(url, repeated), f"{url} (all repeated)")


def check_all(client) -> None:
    for url in SEARCH_URLS:
        for value in ABSURD_VALUES.values():
            every_answer(client, url, value)
        for raw in RAW_QUERIES:
            assert_answered(client.get(f"{url}?{raw}"), f"{url}?{raw}")
    for value in [*ABSURD_VALUES.values(), *RAW_QUERIES]:
        assert_answered(client.get("/suche/kommunen/", {"q": value}), "/suche/kommunen/")


@pytest.mark.parametrize("name", ABSURD_VALUES)
@pytest.mark.parametrize("url", SEARCH_URLS)
def test_an_absurd_value_in_any_parameter_is_answered_on_the_database(entries, client, url, name):
    every_answer(client, url, ABSURD_VALUES[name])


@pytest.mark.parametrize("raw", RAW_QUERIES)
@pytest.mark.parametrize("url", [*SEARCH_URLS, "/suche/kommunen/"])
def test_a_broken_query_string_is_answered_on_the_database(entries, client, url, raw):
    assert_answered(client.get(f"{url}?{raw}"), f"{url}?{raw}")


def test_every_absurd_value_is_answered_on_the_engine(indexed_entries, client):
    check_all(client)


def test_the_text_of_an_absurd_query_is_shown_escaped(entries, client):
    html = client.get("/suche/", {"q": SCRIPT[:40]}).content.decode()
    assert "&lt;script&gt;" in html
