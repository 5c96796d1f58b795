"""The API is assembled from one router per app, and its OpenAPI schema says so."""

import re

import pytest

from kommunen.factories import KommunePageFactory
from kommunen.models import KommunenIndexPage
from praxis.api import PraxisbeispielSchema
from praxis.exchange.serialize import to_exchange_dict
from praxis.factories import PraxisPageFactory

# Each path's operation, by the module that defines it (ninja's operationId is module_function).
OPERATIONS = {
    "/api/v1/kommunen/{ags}/": ("kommunen_api_kommune_detail", "Kommunen"),
    "/api/v1/praxis/{austausch_id}/": ("praxis_api_entry_detail", "Praxisbeispiele"),
    "/api/v1/praxis/": ("search_api_search_entries", "Suche"),
    "/api/v1/praxis/{austausch_id}/aehnliche/": ("search_api_similar_to_entry", "Suche"),
    "/api/v1/kommunen/{ags}/vergleichbare/": ("search_api_comparable_to_kommune", "Suche"),
}


@pytest.fixture
def openapi(db, client) -> dict:
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def entry(home_page):
    profile = KommunePageFactory(parent=KommunenIndexPage.objects.get())
    return PraxisPageFactory(parent=profile, title="Sprachcafé am Markt")


@pytest.mark.parametrize(("path", "expected"), OPERATIONS.items())
def test_each_operation_lives_in_its_apps_router(openapi, path, expected):
    operation = openapi["paths"][path]["get"]
    assert (operation["operationId"], operation["tags"]) == (expected[0], [expected[1]])


def test_entry_detail_has_a_typed_schema(openapi):
    answer = openapi["paths"]["/api/v1/praxis/{austausch_id}/"]["get"]["responses"]["200"]
    ref = answer["content"]["application/json"]["schema"]["$ref"]
    schema = openapi["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    properties = schema["properties"]
    assert properties["titel"]["type"] == "string"
    assert properties["handlungsfelder"] == {
        "description": "Handlungsfeld-Kürzel",
        "items": {"type": "string"},
        "title": "Handlungsfelder",
        "type": "array",
    }
    assert {"id", "kommune", "kontakt", "links", "url"} <= set(properties)
    # Every key is present in every answer (AUSTAUSCHFORMAT.md), null when unknown.
    assert set(schema["required"]) == set(properties)


def test_entry_schema_has_every_key_of_the_exchange_format(entry, client):
    # pydantic drops keys a schema does not know: a key added to the format must be added here.
    exchange_keys = list(to_exchange_dict(entry))
    assert list(PraxisbeispielSchema.model_fields) == [*exchange_keys, "url"]
    answer = client.get(f"/api/v1/praxis/{entry.austausch_id}/").json()
    assert list(answer) == [*exchange_keys, "url"]


def test_every_operation_documents_the_400_for_control_characters(openapi, client):
    # plattform/middleware.py refuses control characters in any address before a view runs.
    for path, item in openapi["paths"].items():
        assert "400" in item["get"]["responses"], path
    answer = client.get("/api/v1/kommunen/%0C/")
    assert answer.status_code == 400 and "Steuerzeichen" in answer.json()["fehler"]


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        ("/api/v1/kommunen/{ags}/", "01062001", True),
        ("/api/v1/kommunen/{ags}/", "0106200\x0c", False),
        ("/api/v1/kreise/{ags}/uebersicht/", "01062001", False),
        ("/api/v1/praxis/{austausch_id}/", "kleinau-fussball", True),
        ("/api/v1/praxis/{austausch_id}/", "kleinau\x1f", False),
    ],
)
def test_path_parameters_document_their_pattern(openapi, path, value, valid):
    (parameter,) = openapi["paths"][path]["get"]["parameters"]
    assert bool(re.search(parameter["schema"]["pattern"], value)) is valid


def search_parameter(openapi: dict, name: str) -> dict:
    parameters = openapi["paths"]["/api/v1/praxis/"]["get"]["parameters"]
    return next(p["schema"] for p in parameters if p["name"] == name)


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("vergleich", "", True),  # an empty field counts as not given
        ("vergleich", "01062001", True),
        ("vergleich", "x", False),
        ("q", "Sprache\ncafé", True),
        ("q", "Sprache\x00", False),
    ],
)
def test_search_parameters_document_what_the_search_accepts(openapi, name, value, valid):
    schema = search_parameter(openapi, name)
    pattern = schema.get("pattern") or schema["anyOf"][0]["pattern"]
    assert bool(re.search(pattern, value)) is valid


@pytest.mark.parametrize("name", ["kreis", "handlungsfeld", "zielgruppe", "foerderprogramm"])
def test_repeatable_filters_document_their_values_and_their_limit(openapi, name):
    schema = search_parameter(openapi, name)
    assert schema["maxItems"] == 50
    assert re.search(schema["items"]["pattern"], "") and not re.search(
        schema["items"]["pattern"], "a b"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [("status", "enum"), ("kosten", "enum"), ("sortierung", "enum"), ("seite", "maximum")],
)
def test_an_empty_choice_or_number_is_documented_as_not_given(openapi, name, kind):
    # The search treats an empty value as not given (a form's empty field), so it is valid.
    schema = search_parameter(openapi, name)
    schema = schema.get("items", schema)
    given, blank = schema["anyOf"]
    assert kind in given and blank == {"const": ""}
