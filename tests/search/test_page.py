"""The search page /suche/: no-JS form, facets, chips, cards, empty-result hints, comparison."""

import re

from django.utils.html import escape

import pytest

from kommunen.factories import KommuneFactory

from .content import create_entry

# Some tests need the Kommunen without the entries.
pytestmark = pytest.mark.search_data_per_test


def html(response) -> str:
    return response.content.decode()


def test_page_renders_a_get_form_with_labelled_fields(entries, client):
    response = client.get("/suche/")
    assert response.status_code == 200
    text = html(response)
    assert re.search(r'<form class="suchformular" method="get" action="/suche/"', text)
    assert '<label for="suche-q">' in text and 'id="suche-q"' in text
    assert '<label for="suche-vergleich">' in text
    assert "<legend>Handlungsfeld</legend>" in text
    assert 'aria-live="polite"' in text
    assert "5 Praxisbeispiele gefunden" in text
    assert 'name="sortierung"' in text
    assert "js/search.js" in text


def test_facet_checkboxes_with_counts_and_checked_selection(entries, client):
    text = html(client.get("/suche/", {"handlungsfeld": "sprache"}))
    checkbox = re.search(r'<input type="checkbox" id="f-handlungsfeld-sprache"[^>]*>', text).group()
    assert "checked" in checkbox
    assert re.search(
        r'for="f-handlungsfeld-sprache">Sprache <span class="filter__anzahl">\(2', text
    )
    # the Handlungsfeld counts ignore the Handlungsfeld selection
    assert re.search(r'for="f-handlungsfeld-wohnen">Wohnen <span class="filter__anzahl">\(1', text)
    assert "2 Praxisbeispiele gefunden" in text


def test_chips_link_to_the_search_without_that_value(entries, client):
    text = html(client.get("/suche/", {"q": "Mütter", "handlungsfeld": ["sprache", "wohnen"]}))
    chips = re.findall(r'<a class="chip" href="([^"]*)">([^<]*)', text)
    by_title = {title.strip(): url for url, title in chips}
    assert by_title["Handlungsfeld: Wohnen"] == escape("?q=Mütter&handlungsfeld=sprache").replace(
        "Mütter", "M%C3%BCtter"
    )
    assert by_title["Suchbegriff: Mütter"] == escape("?handlungsfeld=sprache&handlungsfeld=wohnen")


def test_result_card_shows_kommune_size_fields_highlight_and_reason(entries, kommunen, client):
    text = html(client.get("/suche/", {"q": "Mütter", "vergleich": kommunen["klein"].ags}))
    card = text[text.index('<article class="karte treffer">') :]
    card = card[: card.index("</article>")]
    assert "Sprachcafé für <mark>Mütter</mark></a></h3>" in card
    assert "Nachbarsdorf" in card and "Landgemeinde" in card and "4.500 Einwohner" in card
    assert "<mark>Mütter</mark>" in card
    assert "<li>Sprache</li>" in card
    assert "Warum hier:" in card and "gleicher Kreis" in card


def test_highlight_does_not_let_html_through(kommunen, client):
    create_entry(kommunen["klein"], "Test", "Mütter <script>alert(1)</script>")
    text = html(client.get("/suche/", {"q": "Mütter"}))
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;" in text


def test_bad_parameter_shows_inline_german_error_with_400(entries, client):
    response = client.get("/suche/", {"handlungsfeld": "zauberei", "seite": "x"})
    assert response.status_code == 400
    text = html(response)
    assert 'role="alert"' in text
    assert "Unbekannter Wert „zauberei“" in text
    assert "„seite“ muss eine ganze Zahl" in text


def test_empty_result_names_filters_to_drop_with_counts(entries, client):
    text = html(client.get("/suche/", {"handlungsfeld": "wohnen", "bundesland": "SH"}))
    assert "0 Praxisbeispiele gefunden" in text
    assert "Zu dieser Suche passt kein Praxisbeispiel." in text
    assert re.search(r"ohne „Bundesland“</a>\s*\(1 Treffer\)", text)
    assert re.search(r"ohne „Handlungsfeld“</a>\s*\(2 Treffer\)", text)
    assert re.search(r"ohne „alle Filter“</a>\s*\(5 Treffer\)", text)


def test_pagination_links_keep_filters(kommunen, client):
    for n in range(3):
        create_entry(kommunen["klein"], f"Projekt {n}")
    text = html(client.get("/suche/", {"handlungsfeld": "sprache", "pro_seite": 2}))
    assert "Seite 1 von 2" in text
    assert 'href="?handlungsfeld=sprache&amp;pro_seite=2&amp;seite=2"' in text


def test_typed_name_is_resolved_without_javascript(entries, kommunen, client):
    text = html(client.get("/suche/", {"vergleich": "Kleinau"}))
    assert 'value="Kleinau (01062001)"' in text
    assert "Kommunen wie: Kleinau" in text
    assert "Warum hier:" in text


def test_ambiguous_name_offers_a_choice(kommunen, client):
    KommuneFactory(ags="01062003", name="Kleinau-Nord")
    text = html(client.get("/suche/", {"vergleich": "Kleina"}))
    assert "Welche Kommune meinen Sie mit „Kleina“?" in text
    assert "vergleich=01062001" in text and "vergleich=01062003" in text


def test_unknown_name_shows_an_inline_error(db, client):
    text = html(client.get("/suche/", {"vergleich": "Atlantis"}))
    assert "Keine Kommune mit dem Namen „Atlantis“ gefunden." in text


def test_comparison_kommune_travels_in_the_url_not_in_the_session(entries, kommunen, client):
    response = client.get("/suche/", {"q": "Mütter", "vergleich": kommunen["klein"].ags})
    assert not response.cookies
    text = html(response)
    assert 'value="Kleinau (01062001)"' in text and "gleicher Kreis" in text
    text = html(client.get("/suche/", {"q": "Mütter"}))
    assert "gleicher Kreis" not in text
    text = html(client.get("/suche/", {"q": "Mütter", "vergleich": ""}))
    assert "gleicher Kreis" not in text


def test_autocomplete_prefix_match_as_json(kommunen, client):
    response = client.get("/suche/kommunen/", {"q": "klei"})
    assert response.status_code == 200
    assert response.json()["kommunen"] == [
        {
            "ags": "01062001",
            "name": "Kleinau",
            "typ": "Gemeinde",
            "kreis": "Stormarn",
            "einwohner": 4000,
        }
    ]
    assert client.get("/suche/kommunen/", {"q": "k"}).json() == {"kommunen": []}
    munich = client.get("/suche/kommunen/", {"q": "Muen"}).json()["kommunen"]
    assert [k["ags"] for k in munich] == ["09162000"]
    by_ags = client.get("/suche/kommunen/", {"q": "0106200"}).json()["kommunen"]
    assert [k["name"] for k in by_ags] == ["Kleinau", "Nachbarsdorf"]


@pytest.mark.parametrize("q", ["%", "_", "\\", "'", "Kle%"])
def test_autocomplete_special_characters(kommunen, client, q):
    assert client.get("/suche/kommunen/", {"q": q}).status_code == 200


def test_page_number_beyond_the_end_links_back_to_the_first(entries, client):
    text = html(client.get("/suche/", {"handlungsfeld": "sprache", "seite": 50}))
    assert "2 Praxisbeispiele gefunden" in text
    assert 'href="?handlungsfeld=sprache">Zur ersten Seite' in text
