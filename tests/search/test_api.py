"""The JSON API at /api/v1/: shapes, German 400 and 404 answers, OpenAPI schema."""

import pytest

from search.api import Suchantwort

from .engine_support import engine_fixture, indexieren  # noqa: F401


@pytest.fixture
def client_json(client):
    def holen(url: str, **params):
        antwort = client.get(url, params)
        return antwort.status_code, antwort.json()

    return holen


def test_search_answer_has_the_documented_shape(beispiele, kommunen, client_json):
    status, daten = client_json(
        "/api/v1/praxis/", q="Mütter", vergleich=kommunen["klein"].ags, pro_seite=5
    )
    assert status == 200
    assert set(daten) == {"anzahl", "seite", "pro_seite", "treffer", "facetten", "backend"}
    assert daten["anzahl"] == 2 and daten["seite"] == 1 and daten["pro_seite"] == 5
    assert daten["backend"] == "datenbank"
    erster = daten["treffer"][0]
    assert set(erster) == {
        "id",
        "titel",
        "url",
        "kurzbeschreibung",
        "kommune",
        "handlungsfelder",
        "status",
        "score",
        "erklaerung",
        "hervorhebung",
    }
    assert erster["id"] == beispiele["sprachcafe"].austausch_id
    assert erster["kommune"] == {
        "ags": "01062002",
        "name": "Nachbarsdorf",
        "groessenklasse": "landgemeinde",
        "bundesland": "SH",
    }
    assert erster["handlungsfelder"] == ["sprache", "fruehe-bildung"]
    assert "gleicher Kreis" in erster["erklaerung"]
    assert erster["url"].startswith("http")
    assert "<mark>Mütter</mark>" in erster["hervorhebung"]["kurzbeschreibung"][0]
    assert set(daten["facetten"]) == {
        "handlungsfeld",
        "zielgruppe",
        "groessenklasse",
        "bundesland",
        "status",
    }
    assert daten["facetten"]["handlungsfeld"][0] == {
        "wert": "sprache",
        "label": "Sprache",
        "anzahl": 2,
    }
    # The answer is written without ninja's validation; it must still match the documented schema.
    assert Suchantwort.model_validate(daten).model_dump() == daten


def test_repeated_parameters_select_several_values(beispiele, client_json):
    status, daten = client_json(
        "/api/v1/praxis/", handlungsfeld=["sprache", "wohnen"], bundesland="BY"
    )
    assert status == 200
    assert {t["titel"] for t in daten["treffer"]} == {
        "Wohnungslotsen im Dorf",
        "Sprachkurs für Mütter mit Kinderbetreuung",
    }


@pytest.mark.parametrize(
    ("params", "teil"),
    [
        ({"handlungsfeld": "zauberei"}, "Unbekannter Wert „zauberei“"),
        ({"seite": "abc"}, "„seite“ muss eine ganze Zahl"),
        ({"pro_seite": "1000"}, "„pro_seite“ muss eine ganze Zahl von 1 bis 100"),
        ({"seite": "0"}, "„seite“"),
        ({"sortierung": "alphabetisch"}, "Unbekannte Sortierung"),
        ({"vergleich": "12"}, "kein Amtlicher Gemeindeschlüssel"),
        ({"vergleich": "01999999"}, "gibt es keine Kommune"),
        ({"kreis": "1234"}, "kein Kreisschlüssel"),
        ({"q": "x" * 201}, "zu lang"),
    ],
)
def test_bad_parameters_give_400_with_german_message(db, client_json, params, teil):
    status, daten = client_json("/api/v1/praxis/", **params)
    assert status == 400
    assert teil in daten["fehler"]


def test_detail_is_the_exchange_format_plus_url(beispiele, client_json):
    page = beispiele["sprachcafe"]
    status, daten = client_json(f"/api/v1/praxis/{page.austausch_id}/")
    assert status == 200
    assert daten["id"] == page.austausch_id
    assert daten["titel"] == "Sprachcafé für Mütter"
    assert daten["kommune"] == "01062002"
    assert daten["handlungsfelder"] == ["sprache", "fruehe-bildung"]
    assert daten["url"].endswith(page.url)


def test_unknown_or_unpublished_entry_gives_404(beispiele, client_json):
    status, daten = client_json("/api/v1/praxis/gibt-es-nicht/")
    assert status == 404 and "kein veröffentlichtes Praxisbeispiel" in daten["fehler"]
    status, _ = client_json(f"/api/v1/praxis/{beispiele['entwurf'].austausch_id}/")
    assert status == 404
    status, _ = client_json("/api/v1/praxis/gibt-es-nicht/aehnliche/")
    assert status == 404


def test_similar_entries(beispiele, client_json):
    status, daten = client_json(f"/api/v1/praxis/{beispiele['sprachcafe'].austausch_id}/aehnliche/")
    assert status == 200
    assert daten["treffer"][0]["titel"] == "Sprachkurs für Mütter mit Kinderbetreuung"
    assert "gleiches Handlungsfeld: Sprache" in daten["treffer"][0]["erklaerung"]


def test_kommune_detail_and_comparable(beispiele, kommunen, client_json):
    status, daten = client_json("/api/v1/kommunen/01062001/")
    assert status == 200
    assert daten["name"] == "Kleinau" and daten["einwohner"] == 4000
    assert daten["kreis"] == {"ags": "01062", "name": "Stormarn"}
    assert daten["groessenklasse"] == "landgemeinde"
    assert daten["profil_url"].endswith("/kommunen/k-01062001/")
    status, daten = client_json("/api/v1/kommunen/01062001/vergleichbare/")
    assert status == 200
    assert daten["kommune"]["ags"] == "01062001"
    erste = daten["vergleichbare"][0]
    assert erste["ags"] == "01062002"
    assert "gleicher Kreis" in erste["erklaerung"] and "ähnliche Größe" in erste["erklaerung"]


def test_unknown_kommune_gives_404(db, client_json):
    status, daten = client_json("/api/v1/kommunen/01999999/")
    assert status == 404 and "keine Kommune" in daten["fehler"]
    status, _ = client_json("/api/v1/kommunen/01999999/vergleichbare/")
    assert status == 404


def test_openapi_schema_is_served(db, client_json):
    status, schema = client_json("/api/v1/openapi.json")
    assert status == 200
    assert schema["info"]["title"] == "Praxisnetz Integration API"
    pfade = set(schema["paths"])
    assert {
        "/api/v1/praxis/",
        "/api/v1/praxis/{austausch_id}/",
        "/api/v1/praxis/{austausch_id}/aehnliche/",
        "/api/v1/kommunen/{ags}/",
        "/api/v1/kommunen/{ags}/vergleichbare/",
    } <= pfade
    parameter = {p["name"]: p for p in schema["paths"]["/api/v1/praxis/"]["get"]["parameters"]}
    assert {"q", "handlungsfeld", "vergleich", "seite", "pro_seite"} <= set(parameter)
    assert parameter["seite"]["schema"]["type"] == "integer"
    assert parameter["sortierung"]["schema"]["enum"] == ["relevanz", "neueste"]
    assert parameter["handlungsfeld"]["schema"]["type"] == "array"


def test_engine_down_the_database_answers(beispiele, client_json, engine_aus):
    status, daten = client_json("/api/v1/praxis/", handlungsfeld="sprache")
    assert status == 200
    assert daten["backend"] == "datenbank" and daten["anzahl"] == 2


def test_api_and_page_answer_from_the_engine(beispiele, kommunen, client, engine):
    indexieren()
    daten = client.get(
        "/api/v1/praxis/", {"q": "Mütter", "vergleich": kommunen["klein"].ags}
    ).json()
    assert daten["backend"] in ("opensearch", "elasticsearch")
    assert daten["treffer"][0]["id"] == beispiele["sprachcafe"].austausch_id
    assert "gleicher Kreis" in daten["treffer"][0]["erklaerung"]
    assert {f["wert"]: f["anzahl"] for f in daten["facetten"]["handlungsfeld"]}["sprache"] == 2
    seite = client.get("/suche/", {"q": "Mütter", "handlungsfeld": "sprache"})
    assert seite.status_code == 200
    assert "Sprachcafé für <mark>Mütter</mark>" in seite.content.decode()
