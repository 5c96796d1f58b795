"""Request size is bounded: capped repeated parameters (German 400 on page and API alike) and
a page whose size grows linearly with the request, not with its square."""

import pytest

# search.query.MAX_VALUES_PER_PARAMETER and MAX_PARAMETERS, as documented in the README
MAX_VALUES_PER_PARAMETER = 50
MAX_PARAMETERS = 200


def message(response) -> str:
    """The German error text of a page (HTML) or an API answer (JSON)."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["fehler"]
    return response.content.decode()


def kreis_keys(count: int) -> list[str]:
    """Well-formed, distinct Kreis keys (unknown ones match nothing, as a probe would send)."""
    return [f"01{n:03d}" for n in range(count)]


@pytest.mark.parametrize("url", ["/suche/", "/api/v1/praxis/"])
def test_a_thousand_values_of_one_parameter_give_a_german_400(entries, client, url):
    response = client.get(url, {"kreis": kreis_keys(1000)})
    assert response.status_code == 400
    assert f"Zu viele Werte für „kreis“: höchstens {MAX_VALUES_PER_PARAMETER}" in message(response)
    assert len(response.content) < 50_000


@pytest.mark.parametrize("url", ["/suche/", "/api/v1/praxis/"])
def test_too_many_parameters_in_all_give_a_german_400(entries, client, url):
    params = {f"p{n}": "x" for n in range(MAX_PARAMETERS + 1)}
    response = client.get(url, params)
    assert response.status_code == 400
    assert "Zu viele Parameter" in message(response)


@pytest.mark.parametrize("url", ["/suche/", "/api/v1/praxis/"])
def test_the_cap_itself_is_allowed(entries, client, url):
    response = client.get(url, {"kreis": kreis_keys(MAX_VALUES_PER_PARAMETER)})
    assert response.status_code == 200


def test_page_size_grows_linearly_with_the_number_of_values(entries, client):
    sizes = {}
    for count in (1, 10, 50):
        response = client.get("/suche/", {"kreis": kreis_keys(count), "q": "Sprache"})
        assert response.status_code == 200
        sizes[count] = len(response.content)
    # Measured from one key, not from none: unknown Kreise match nothing, so every request
    # here shows no hits, and each selected Kreis adds its line to the Kreis facet.
    growth = (sizes[50] - sizes[1]) / (sizes[10] - sizes[1])
    # 49 more values against 9 more: about 5.4 times the extra output (quadratic would be 25)
    assert growth < 8, sizes
