"""The API is assembled from one router per app, and its OpenAPI schema says so."""

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
