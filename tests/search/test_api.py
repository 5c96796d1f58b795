"""The JSON API at /api/v1/: shapes, German 400 and 404 answers, OpenAPI schema."""

import pytest

from search.api import SearchResponse

from .engine_support import rebuild_index


@pytest.fixture
def client_json(client):
    def get(url: str, **params):
        response = client.get(url, params)
        return response.status_code, response.json()

    return get


def test_search_answer_has_the_documented_shape(entries, kommunen, client_json):
    status, data = client_json(
        "/api/v1/praxis/", q="Mütter", vergleich=kommunen["klein"].ags, pro_seite=5
    )
    assert status == 200
    assert set(data) == {"anzahl", "seite", "pro_seite", "treffer", "facetten", "backend"}
    assert data["anzahl"] == 2 and data["seite"] == 1 and data["pro_seite"] == 5
    assert data["backend"] == "datenbank"
    first = data["treffer"][0]
    assert set(first) == {
        "id",
        "titel",
        "url",
        "kurzbeschreibung",
        "kommune",
        "handlungsfelder",
        "status",
        "veraltet",
        "score",
        "erklaerung",
        "hervorhebung",
        "uebernahmen",
    }
    assert first["id"] == entries["sprachcafe"].austausch_id
    assert first["kommune"] == {
        "ags": "01062002",
        "name": "Nachbarsdorf",
        "groessenklasse": "landgemeinde",
        "bundesland": "SH",
    }
    assert first["handlungsfelder"] == ["sprache", "fruehe-bildung"]
    assert "gleicher Kreis" in first["erklaerung"]
    assert first["url"].startswith("http")
    assert "<mark>Mütter</mark>" in first["hervorhebung"]["kurzbeschreibung"][0]
    assert set(data["facetten"]) == {
        "handlungsfeld",
        "zielgruppe",
        "groessenklasse",
        "bundesland",
        "kreis",
        "status",
        "kosten",
        "foerderprogramm",
        "evidenz",
    }
    assert data["facetten"]["handlungsfeld"][0] == {
        "wert": "sprache",
        "label": "Sprache",
        "anzahl": 2,
    }
    # The answer is written without ninja's validation; it must still match the documented schema.
    assert SearchResponse.model_validate(data).model_dump() == data


def test_repeated_parameters_select_several_values(entries, client_json):
    status, data = client_json(
        "/api/v1/praxis/", handlungsfeld=["sprache", "wohnen"], bundesland="BY"
    )
    assert status == 200
    assert {t["titel"] for t in data["treffer"]} == {
        "Wohnungslotsen im Dorf",
        "Sprachkurs für Mütter mit Kinderbetreuung",
    }


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"handlungsfeld": "zauberei"}, "Unbekannter Wert „zauberei“"),
        ({"seite": "abc"}, "„seite“ muss eine ganze Zahl"),
        ({"pro_seite": "1000"}, "„pro_seite“ muss eine ganze Zahl von 1 bis 100"),
        ({"seite": "0"}, "„seite“"),
        ({"sortierung": "alphabetisch"}, "Unbekannte Sortierung"),
        ({"vergleich": "12"}, "kein Amtlicher Gemeindeschlüssel"),
        ({"vergleich": "01999999"}, "gibt es keine Kommune"),
        ({"kreis": "1234"}, "kein Kreisschlüssel"),
        ({"kosten": "billig"}, "Unbekannter Wert „billig“ für den Filter „kosten“"),
        ({"foerderprogramm": "AMIF"}, "Unbekannter Wert „AMIF“ für den Filter „foerderprogramm“"),
        ({"evidenz": "bewiesen"}, "Unbekannter Wert „bewiesen“ für den Filter „evidenz“"),
        ({"q": "x" * 201}, "zu lang"),
    ],
)
def test_bad_parameters_give_400_with_german_message(db, client_json, params, fragment):
    status, data = client_json("/api/v1/praxis/", **params)
    assert status == 400
    assert fragment in data["fehler"]


def test_detail_is_the_exchange_format_plus_url(entries, client_json):
    page = entries["sprachcafe"]
    status, data = client_json(f"/api/v1/praxis/{page.austausch_id}/")
    assert status == 200
    assert data["id"] == page.austausch_id
    assert data["titel"] == "Sprachcafé für Mütter"
    assert data["kommune"] == "01062002"
    assert data["handlungsfelder"] == ["sprache", "fruehe-bildung"]
    assert data["url"].endswith(page.url)


def test_unknown_or_unpublished_entry_gives_404(entries, client_json):
    status, data = client_json("/api/v1/praxis/gibt-es-nicht/")
    assert status == 404 and "kein veröffentlichtes Praxisbeispiel" in data["fehler"]
    status, _ = client_json(f"/api/v1/praxis/{entries['entwurf'].austausch_id}/")
    assert status == 404
    status, _ = client_json("/api/v1/praxis/gibt-es-nicht/aehnliche/")
    assert status == 404


def test_similar_entries_come_with_shared_handlungsfeld_reasons(entries, client_json):
    status, data = client_json(f"/api/v1/praxis/{entries['sprachcafe'].austausch_id}/aehnliche/")
    assert status == 200
    assert data["treffer"][0]["titel"] == "Sprachkurs für Mütter mit Kinderbetreuung"
    assert "gleiches Handlungsfeld: Sprache" in data["treffer"][0]["erklaerung"]


def test_kommune_detail_and_comparable(entries, kommunen, client_json):
    status, data = client_json("/api/v1/kommunen/01062001/")
    assert status == 200
    assert data["name"] == "Kleinau" and data["einwohner"] == 4000
    assert data["kreis"] == {"ags": "01062", "name": "Stormarn"}
    assert data["groessenklasse"] == "landgemeinde"
    assert data["profil_url"].endswith("/kommunen/stormarn/kleinau/")
    status, data = client_json("/api/v1/kommunen/01062001/vergleichbare/")
    assert status == 200
    assert data["kommune"]["ags"] == "01062001"
    best = data["vergleichbare"][0]
    assert best["ags"] == "01062002"
    assert "gleicher Kreis" in best["erklaerung"] and "ähnliche Größe" in best["erklaerung"]


def test_unknown_kommune_gives_404(db, client_json):
    status, data = client_json("/api/v1/kommunen/01999999/")
    assert status == 404 and "keine Kommune" in data["fehler"]
    status, _ = client_json("/api/v1/kommunen/01999999/vergleichbare/")
    assert status == 404


def test_openapi_schema_is_served(db, client_json):
    status, schema = client_json("/api/v1/openapi.json")
    assert status == 200
    assert schema["info"]["title"] == "Praxisnetz Integration API"
    paths = set(schema["paths"])
    assert {
        "/api/v1/praxis/",
        "/api/v1/praxis/{austausch_id}/",
        "/api/v1/praxis/{austausch_id}/aehnliche/",
        "/api/v1/kommunen/{ags}/",
        "/api/v1/kommunen/{ags}/vergleichbare/",
    } <= paths
    params = {p["name"]: p for p in schema["paths"]["/api/v1/praxis/"]["get"]["parameters"]}
    assert {"q", "handlungsfeld", "vergleich", "seite", "pro_seite"} <= set(params)
    # An empty value counts as not given: choices and numbers also allow "" (anyOf[1]).
    assert params["seite"]["schema"]["anyOf"][0]["type"] == "integer"
    assert params["sortierung"]["schema"]["anyOf"][0]["enum"] == ["relevanz", "neueste"]
    assert params["handlungsfeld"]["schema"]["type"] == "array"
    assert params["kosten"]["schema"]["items"]["anyOf"][0]["enum"] == [
        "keine",
        "bis-1000",
        "bis-10000",
        "ueber-10000",
        "unbekannt",
    ]
    assert params["evidenz"]["schema"]["items"]["anyOf"][0]["enum"] == [
        "idee",
        "erprobt",
        "ausgewertet",
        "evaluiert",
    ]
    assert "Förderprogramm" in params["foerderprogramm"]["description"]
    assert "Landkreis" in params["kreis"]["description"]


def test_engine_down_the_database_answers(entries, client_json, engine_down):
    status, data = client_json("/api/v1/praxis/", handlungsfeld="sprache")
    assert status == 200
    assert data["backend"] == "datenbank" and data["anzahl"] == 2


def test_api_and_page_answer_from_the_engine(entries, kommunen, client, engine):
    rebuild_index()
    data = client.get("/api/v1/praxis/", {"q": "Mütter", "vergleich": kommunen["klein"].ags}).json()
    assert data["backend"] in ("opensearch", "elasticsearch")
    assert data["treffer"][0]["id"] == entries["sprachcafe"].austausch_id
    assert "gleicher Kreis" in data["treffer"][0]["erklaerung"]
    assert {f["wert"]: f["anzahl"] for f in data["facetten"]["handlungsfeld"]}["sprache"] == 2
    page = client.get("/suche/", {"q": "Mütter", "handlungsfeld": "sprache"})
    assert page.status_code == 200
    assert "Sprachcafé für <mark>Mütter</mark>" in page.content.decode()
