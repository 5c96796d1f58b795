"""The public entry page (Praxisbeispiel) and the filterable entry listing."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import hooks

import pytest
from pytest_django.asserts import assertContains

from kommunen.factories import KommunePageFactory
from kommunen.models import KommunenIndexPage
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisIndexPage, PraxisPartner


@pytest.fixture
def index(world) -> KommunenIndexPage:
    return world.index


@pytest.fixture
def profile(world):
    """Bargteheide, a Kleinstadt in Kreis Stormarn."""
    return world.bargteheide


@pytest.fixture
def entry(world):
    """The complete entry: every field, every kind of body block, a partner with and one
    without a profile."""
    return world.entry


@pytest.mark.django_db
def test_entry_shows_its_conditions_in_german_formats(client, entry):
    response = client.get(entry.url)
    html = response.content.decode()
    assert f"<h1>{entry.title}</h1>" in html
    assertContains(
        response, '<a href="/kommunen/kreis-stormarn/bargteheide/">Bargteheide</a>', html=True
    )
    assert "Rahmenbedingungen" in html
    assert "Kleinstadt, 16.000 Einwohner" in html
    assert "5.000 €" in html
    assert "03/2018 \N{EN DASH} 12/2020" in html
    assert "0,25 Stellen, 12 Ehrenamtliche" in html
    assert "AMIF" in html and "abgeschlossen" in html
    assert "Ein Raum und zwei Ehrenamtliche genügen." in html


@pytest.mark.django_db
def test_entry_without_end_and_kosten_says_so(client, profile):
    page = PraxisPageFactory(parent=profile, beginn="2019-01", ende="", kosten_jahr_eur=None)
    html = client.get(page.url).content.decode()
    assert "seit 01/2019" in html
    assert "nicht angegeben" in html


@pytest.mark.django_db
def test_entry_shows_contact_partners_and_classification(client, entry):
    entry.kontakt_veroeffentlichen = True  # address and phone only with consent (tests/kontakt)
    entry.save_revision().publish()
    response = client.get(entry.url)
    html = response.content.decode()
    mail = '<a href="mailto:muster@example.org">muster@example.org</a>'
    assertContains(response, mail, html=True)
    assert "Erika Muster" in html
    assertContains(response, '<a href="tel:0461123">0461 123</a>', html=True)
    partner = entry.partner.first().kommune
    link = f'<a href="/kommunen/{partner.profil.slug}/">{partner.anzeigename}</a>'
    assertContains(response, link, html=True)
    assert "Ohnedorf" in html and ">Ohnedorf</a>" not in html
    assertContains(
        response,
        '<a href="/praxisbeispiele/?handlungsfeld=engagement-ehrenamt">Engagement und Ehrenamt</a>',
        html=True,
    )
    assert "Neuzugewanderte" in html and "Sprachcafé</li>" in html


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_partner_links_cost_no_query_per_partner(client, profile, index):
    page = PraxisPageFactory(parent=profile, partner=[KommunePageFactory(parent=index).kommune])
    client.get(page.url)  # warm caches (site root, content types)
    with_one = _query_count(client, page.url)
    for _ in range(3):
        page.partner.add(PraxisPartner(kommune=KommunePageFactory(parent=index).kommune))
    page.save()
    assert _query_count(client, page.url) == with_one


@pytest.mark.django_db
def test_entry_renders_every_kind_of_body_block(client, entry):
    html = client.get(entry.url).content.decode()
    assert "<p>Jeden Dienstag im Rathaus.</p>" in html
    assert 'alt="Menschen am Tisch"' in html
    assert "Konzept Sprachcafé" in html and "(PDF, 2,0" in html
    assert "<blockquote><p>Hier lerne ich.</p></blockquote>" in html
    assert "<cite>Teilnehmerin</cite>" in html


@pytest.mark.django_db
def test_body_blocks_render_through_their_own_templates_without_wrappers(client, entry):
    html = client.get(entry.url).content.decode()
    assert '<figure class="bild-block">' in html and '<figure class="zitat-block">' in html
    assert '<p class="dokument-block">' in html
    assert "block-absatz" not in html and "block-bild" not in html


@pytest.fixture
def listing_url(world):
    """The listing of the world's four entries: three on Sprache (two of them in the Kleinstadt
    Bargteheide, one in the Mittelstadt Schwerin) and one on Wohnen."""
    return "/praxisbeispiele/"


# The listing is the search with an empty query box (search.views.entry_listing): its filters
# carry the search page's labels and markup, and bad parameters get the search page's 400.


@pytest.mark.django_db
def test_listing_has_a_filter_form_with_fieldsets(client, listing_url):
    html = client.get(listing_url).content.decode()
    assert '<form class="liste-formular" method="get" action="/praxisbeispiele/"' in html
    for legend in ("Handlungsfeld", "Größe der Kommune", "Bundesland", "Stand"):
        assert f"<legend>{legend}</legend>" in html
    checkbox = 'type="checkbox" id="f-handlungsfeld-sprache" name="handlungsfeld" value="sprache"'
    assert checkbox in html
    assert '<button type="submit">' in html
    assert "4 Praxisbeispiele" in html and html.count('class="karte"') == 4


@pytest.mark.django_db
def test_listing_filters_by_handlungsfeld_and_groessenklasse(client, listing_url):
    response = client.get(listing_url, {"handlungsfeld": "sprache"})
    html = response.content.decode()
    assert "3 Praxisbeispiele" in html and "Wohnungsbörse" not in html
    assert re.search(r'<input type="checkbox" id="f-handlungsfeld-sprache"[^>]* checked>', html)
    assert "Filter (1 aktiv)" in html
    assert '<a class="chip" href="?">Handlungsfeld: Sprache' in html
    html = client.get(
        listing_url, {"handlungsfeld": "sprache", "groessenklasse": "kleinstadt"}
    ).content.decode()
    assert "2 Praxisbeispiele" in html
    assert "Sprachpaten" in html and "Sprachkurs Hafen" not in html


@pytest.mark.django_db
def test_listing_pages_through_results_keeping_the_filters(client, listing_url):
    params = {"handlungsfeld": "sprache", "pro_seite": 1}
    html = client.get(listing_url, params).content.decode()
    assert "Seite 1 von 3" in html
    assert 'href="?handlungsfeld=sprache&amp;pro_seite=1&amp;seite=2"' in html
    second_page = client.get(listing_url, {**params, "seite": 2}).content.decode()
    assert "Seite 2 von 3" in second_page and second_page.count('class="karte"') == 1


@pytest.mark.django_db
def test_listing_refuses_unknown_filter_values_in_german_like_the_search_page(client, listing_url):
    response = client.get(listing_url, {"handlungsfeld": "gibt-es-nicht", "seite": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Unbekannter Wert „gibt-es-nicht“" in html
    assert "„seite“ muss eine ganze Zahl" in html
    assert client.get("/suche/", {"handlungsfeld": "gibt-es-nicht"}).status_code == 400


@pytest.mark.django_db
def test_listing_refuses_oversized_requests_like_the_search_page(client, listing_url):
    response = client.get(listing_url, {"status": ["laufend"] * 51})
    assert response.status_code == 400
    assert "Zu viele Werte für „status“" in response.content.decode()


@pytest.mark.django_db
def test_listing_shows_the_facets_and_chips_of_the_search_page(client, listing_url):
    params = {"handlungsfeld": "sprache", "bundesland": "HH"}
    listing = client.get(listing_url, params).context
    search = client.get("/suche/", params).context
    for name in ("facet_groups", "chips", "active_filters", "reset_url"):
        assert listing[name] == search[name]
    assert [card.page.pk for card in listing["cards"]] == [c.page.pk for c in search["cards"]]


@pytest.mark.django_db
def test_listing_keeps_a_query_from_the_url_when_filters_are_applied(client, listing_url):
    html = client.get(listing_url, {"q": "Hafen"}).content.decode()
    assert '<input type="hidden" name="q" value="Hafen">' in html
    assert "2 Praxisbeispiele\n" in html and "Sprachkurs Hafen" in html


@pytest.mark.django_db
def test_main_menu_marks_the_listing_as_the_section_of_an_entry(client, entry):
    response = client.get(entry.url)
    html = response.content.decode()
    section = '<a href="/praxisbeispiele/" aria-current="true">Praxisbeispiele</a>'
    assertContains(response, section, html=True)
    assertContains(response, '<a href="/kommunen/">Kommunen</a>', html=True)
    listing = client.get("/praxisbeispiele/")
    current = '<a href="/praxisbeispiele/" aria-current="page">Praxisbeispiele</a>'
    assertContains(listing, current, html=True)
    assert f"<title>{entry.title} \N{EN DASH} Praxisnetz Integration</title>" in html


@pytest.mark.django_db
def test_listing_preview_shows_the_filters_too(rf, listing_url, admin_user):
    page = PraxisIndexPage.objects.get()
    request = rf.get(listing_url)
    request.user = admin_user
    html = page.serve_preview(request, page.default_preview_mode).render().content.decode()
    assert "<legend>Handlungsfeld</legend>" in html and "4 Praxisbeispiele" in html


@pytest.mark.django_db
def test_listing_without_the_search_app_shows_its_title_and_introduction(
    client, listing_url, monkeypatch
):
    PraxisIndexPage.objects.update(einleitung="Alle Beispiele.")
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [])
    html = client.get(listing_url).content.decode()
    assert "<h1>Praxisbeispiele</h1>" in html and "Alle Beispiele." in html


@pytest.mark.django_db
def test_search_and_listing_cards_show_costs_and_staff_or_say_nothing_is_known(client, listing_url):
    for url in ("/suche/", listing_url):
        html = client.get(url).content.decode()
        cards = re.findall(r'<article class="karte.*?</article>', html, re.S)
        complete = next(card for card in cards if "Sprachcafé am Hafen" in card)
        assert re.search(r"Kosten pro Jahr:</dt>\s*<dd>5.000 €</dd>", complete), url
        assert re.search(r"Einmalige Kosten:</dt>\s*<dd>800 €</dd>", complete), url
        assert re.search(r"Personal:</dt>\s*<dd>0,25 Stellen, 12 Ehrenamtliche</dd>", complete)
        bare = next(card for card in cards if "Wohnungsbörse" in card)
        assert bare.count("keine Angabe") == 3, url


@pytest.mark.django_db
def test_listing_filters_by_kreis_costs_programme_and_evidence(client, listing_url):
    html = client.get(listing_url).content.decode()
    for legend in ("Kreis", "Kosten pro Jahr", "Förderprogramm", "Wie gut belegt"):
        assert f"<legend>{legend}</legend>" in html
    assert re.search(r'for="f-kreis-01062">Kreis Stormarn <span class="filter__anzahl">\(3', html)
    assert re.search(r'for="f-kreis-13004">Schwerin <span class="filter__anzahl">\(1', html)
    unknown_costs = r'for="f-kosten-unbekannt">keine Angabe <span class="filter__anzahl">\(3'
    assert re.search(unknown_costs, html)
    assert "Kita-Einstieg: Brücken bauen in frühe Bildung“ (beendet)" in html
    html = client.get(listing_url, {"kosten": "bis-10000", "kreis": "01062"}).content.decode()
    assert "1 Praxisbeispiel\n" in html and "Sprachcafé am Hafen" in html
    chips = re.findall(r'<a class="chip" href="[^"]*">([^<]*)', html)
    assert {chip.strip() for chip in chips} == {
        "Kreis: Kreis Stormarn",
        "Kosten pro Jahr: 1.001 bis 10.000 €",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "value"), [("kosten", "teuer"), ("foerderprogramm", "amif2"), ("evidenz", "gut")]
)
def test_listing_and_search_refuse_unknown_values_of_the_new_filters(
    client, listing_url, name, value
):
    for url in (listing_url, "/suche/"):
        response = client.get(url, {name: value})
        assert response.status_code == 400
        assert f"Unbekannter Wert „{value}“ für den Filter „{name}“" in response.content.decode()
