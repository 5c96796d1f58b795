""" "Kommunen wie meine" without a cookie: the comparison Kommune travels only in the URL.

The Datenschutz text promises that public pages set no cookies; choosing a comparison Kommune
used to start a session (a `sessionid` cookie for 14 days).
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from kommunen.factories import KommuneFactory

from .content import create_entry

KLEINAU = "01062001"


def links(response) -> list[tuple[str, str]]:
    """Every search link of the page (href starting with "?") with its text, unescaped."""
    found = re.findall(r'href="(\?[^"]*)"[^>]*>(.*?)</a>', response.content.decode(), re.S)
    return [(unescape(url), " ".join(re.sub(r"<[^>]+>", " ", text).split())) for url, text in found]


def comparison_of(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True).get("vergleich", [])


@pytest.mark.parametrize(
    "params",
    [
        {"vergleich": KLEINAU},
        {"vergleich": "Kleinau"},
        {"vergleich": "Kleinau (01062001)", "q": "Mütter", "handlungsfeld": "sprache"},
        {"vergleich": "Klei"},
        {"vergleich": "Atlantis"},
        {"vergleich": "01999999"},
        {"vergleich": ""},
        {"handlungsfeld": "zauberei"},
    ],
)
def test_no_public_search_response_sets_a_cookie(entries, client, params):
    KommuneFactory(ags="01062003", name="Kleinau-Nord")
    response = client.get("/suche/", params)
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert not client.cookies


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/praxis/?vergleich={KLEINAU}",
        "/api/v1/praxis/?vergleich=Kleinau",
        f"/api/v1/kommunen/{KLEINAU}/vergleichbare/",
        "/suche/kommunen/?q=Klei",
    ],
)
def test_no_api_or_autocomplete_response_sets_a_cookie(entries, client, url):
    response = client.get(url)
    assert "Set-Cookie" not in response.headers
    assert not client.cookies


def test_every_link_of_the_search_page_keeps_the_comparison(entries, kommunen, client):
    for n in range(3):
        create_entry(kommunen["klein"], f"Sprachprojekt {n}")
    params = {
        "q": "Sprach",
        "handlungsfeld": ["sprache", "wohnen"],
        "kreis": "01062",
        "vergleich": KLEINAU,
        "pro_seite": 2,
    }
    response = client.get("/suche/", params)
    text = response.content.decode()
    found = links(response)
    dropping = sorted(label for href, label in found if not comparison_of(href))
    # chips, paging and the reset link keep it; only its own chip drops it
    assert len(found) >= 6
    assert dropping == ["Kommunen wie: Kleinau \N{MULTIPLICATION SIGN} entfernen"]
    kept = [href for href, label in found if comparison_of(href)]
    assert all(comparison_of(href) == [KLEINAU] for href in kept)
    assert any("seite=2" in href for href in kept)
    assert any(label.startswith("Handlungsfeld: Wohnen") for href, label in found if href in kept)
    # the form (facets, sorting, query) sends it along as the field's value
    assert 'name="vergleich"' in text and 'value="Kleinau (01062001)"' in text


def test_the_comparison_chip_clears_it_in_one_click(entries, kommunen, client):
    response = client.get("/suche/", {"q": "Mütter", "vergleich": KLEINAU})
    text = response.content.decode()
    chip = re.search(r'<a class="chip" href="([^"]*)">\s*Kommunen wie: Kleinau', text)
    assert chip
    text = client.get("/suche/" + unescape(chip.group(1))).content.decode()
    assert "gleicher Kreis" not in text and "Kommunen wie: Kleinau" not in text
    assert 'value="Kleinau (01062001)"' not in text


def test_links_of_an_empty_result_keep_the_comparison(entries, client):
    response = client.get(
        "/suche/", {"handlungsfeld": "wohnen", "bundesland": "SH", "vergleich": KLEINAU}
    )
    hints = re.findall(r'<a href="(\?[^"]*)">ohne „', response.content.decode())
    assert hints
    assert all(comparison_of(unescape(h)) == [KLEINAU] for h in hints)


def test_a_hit_takes_the_comparison_to_its_entry(entries, kommunen, client):
    """The entry then offers its Beschlussvorlage for that Kommune (praxis/beschlussvorlage/)."""
    response = client.get("/suche/", {"vergleich": KLEINAU})
    hrefs = re.findall(r'class="karte__titel"><a href="([^"]*)"', response.content.decode())
    assert hrefs
    assert all(unescape(href).endswith(f"/?vergleich={KLEINAU}") for href in hrefs)
    entry = client.get(unescape(hrefs[0])).content.decode()
    assert f"beschlussvorlage.docx?kommune={KLEINAU}" in entry
    assert "Vorlage für Kleinau herunterladen" in entry


def test_without_a_comparison_a_hit_links_the_plain_entry(entries, client):
    response = client.get("/suche/", {"q": "Mütter"})
    hrefs = re.findall(r'class="karte__titel"><a href="([^"]*)"', response.content.decode())
    assert hrefs
    assert not any("vergleich" in href for href in hrefs)
