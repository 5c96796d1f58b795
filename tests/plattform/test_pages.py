"""The home page, standard pages, error pages and the shared template helpers."""

from types import SimpleNamespace

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import get_template

from wagtail.models import Site

import pytest

from kommunen.factories import KommunePageFactory
from kommunen.models import Kommune, KommunenIndexPage
from plattform.home import groessenklassen_with_counts
from plattform.models import PlattformEinstellungen, StandardPage
from plattform.standard_pages import ensure_standard_pages
from plattform.templatetags.plattform_tags import (
    format_decimal,
    format_euro,
    format_laufzeit,
    format_month,
)
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage


@pytest.fixture
def entry(home_page):
    profile = KommunePageFactory(parent=KommunenIndexPage.objects.get())
    return PraxisPageFactory(
        parent=profile, title="Sprachcafé am Markt", handlungsfelder=["sprache"]
    )


def test_numbers_are_formatted_the_german_way():
    # Django's localisation with LANGUAGE_CODE "de": humanize's intcomma, and number_format below
    assert intcomma(12345) == "12.345"
    assert intcomma(1234567) == "1.234.567"
    assert format_euro(None) == ""
    assert format_euro(5000) == "5.000 €"
    assert format_euro(0) == "0 €"
    assert format_decimal("12.50") == "12,5"
    assert format_decimal("0.5") == "0,5"
    assert format_decimal("1234.25") == "1.234,25"
    assert format_decimal("3.00") == "3"
    assert format_decimal("100.00") == "100"
    assert format_decimal(None) == ""


def test_laufzeit_names_start_and_end():
    assert format_month("2018-03") == "03/2018"
    assert format_laufzeit(SimpleNamespace(beginn="2018-03", ende="")) == "seit 03/2018"
    assert (
        format_laufzeit(SimpleNamespace(beginn="2018-03", ende="2020-12"))
        == "03/2018 \N{EN DASH} 12/2020"
    )
    assert format_laufzeit(SimpleNamespace(beginn="", ende="2020-12")) == "bis 12/2020"
    assert format_laufzeit(SimpleNamespace(beginn="", ende="")) == ""


@pytest.mark.django_db
def test_home_shows_search_tiles_newest_entries_and_counts(client, home_page, entry):
    home_page.einleitung = "Kommunen lernen voneinander."
    home_page.save()
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1
    assert "Kommunen lernen voneinander." in html
    assert 'action="/suche/"' in html and 'name="q"' in html
    assert "Einstieg nach Handlungsfeld" in html
    assert 'href="/praxisbeispiele/?handlungsfeld=sprache"' in html
    assert "1 Praxisbeispiel<" in html
    tiles = html[html.index("Einstieg nach Handlungsfeld") :]
    assert tiles.index(">Sprache<") < tiles.index(">Antidiskriminierung<")  # editors' order
    assert "Sprachcafé am Markt" in html
    assert "Neueste Praxisbeispiele" in html
    assert "<title>Praxisnetz Integration</title>" in html
    size_section = html[html.index("Beispiele aus Kommunen Ihrer Größe") :]
    assert 'href="/praxisbeispiele/?groessenklasse=landgemeinde"' in size_section
    assert size_section.index(">Landgemeinde<") < size_section.index(">Großstadt<")


@pytest.mark.django_db
def test_page_frame_has_skip_link_landmarks_and_main_menu(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html and '<main id="inhalt"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Hauptnavigation"' in html
    assert 'href="/praxisbeispiele/"' in html and 'href="/kommunen/"' in html
    assert 'href="/suche/"' in html
    assert '<label class="visually-hidden" for="header-suche">' in html
    assert "/static/css/main.css" in html
    assert "googleapis" not in html and "cdn" not in html.lower()


@pytest.mark.django_db
def test_footer_links_standard_pages_and_names_the_operator(client, home_page):
    ensure_standard_pages(home_page)
    platform_settings = PlattformEinstellungen.for_site(Site.objects.get(is_default_site=True))
    platform_settings.betreiber = "Landkreis Musterland"
    platform_settings.save()
    html = client.get("/").content.decode()
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        assert f'href="/{slug}/"' in html
    assert "Landkreis Musterland" in html


def _menu(html: str) -> str:
    return html[html.index('aria-label="Hauptnavigation"') : html.index("</nav>")]


@pytest.mark.django_db
def test_main_menu_lists_the_index_pages_in_tree_order_then_the_search(client, home_page):
    menu = _menu(client.get("/").content.decode())
    assert menu.index(">Praxisbeispiele<") < menu.index(">Kommunen<") < menu.index(">Suche<")
    assert "aria-current" not in menu
    menu = _menu(client.get("/kommunen/").content.decode())
    assert '<a href="/kommunen/" aria-current="page">Kommunen</a>' in menu
    assert '<a href="/suche/">Suche</a>' in menu


@pytest.mark.django_db
def test_main_menu_leaves_out_pages_not_shown_in_menus(client, home_page):
    KommunenIndexPage.objects.update(show_in_menus=False)
    menu = _menu(client.get("/").content.decode())
    assert 'href="/kommunen/"' not in menu and 'href="/praxisbeispiele/"' in menu


@pytest.mark.django_db
def test_footer_shows_the_live_pages_chosen_in_the_settings(client, home_page):
    _, datenschutz, _ = ensure_standard_pages(home_page)
    other = home_page.add_child(
        instance=StandardPage(title="Anbieter", slug="anbieter", text="<p>Wir.</p>")
    )
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    platform_settings.impressum = other
    platform_settings.save()
    datenschutz.unpublish()
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert footer.index('href="/anbieter/"') < footer.index('href="/barrierefreiheit/"')
    assert 'href="/impressum/"' not in footer and 'href="/datenschutz/"' not in footer


@pytest.mark.django_db
def test_standard_pages_are_chosen_for_the_footer_unless_one_is_chosen(home_page):
    pages = ensure_standard_pages(home_page)
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    assert platform_settings.footer_pages == pages
    platform_settings.datenschutz = None
    platform_settings.barrierefreiheit = pages[0]
    platform_settings.save()
    ensure_standard_pages(home_page)
    platform_settings.refresh_from_db()
    assert platform_settings.footer_pages == [pages[0], pages[1], pages[0]]


@pytest.mark.django_db
def test_standard_pages_are_created_once(home_page):
    first = ensure_standard_pages(home_page)
    StandardPage.objects.filter(slug="impressum").update(title="Impressum (geändert)")
    second = ensure_standard_pages(home_page)
    assert [s.slug for s in first] == ["impressum", "datenschutz", "barrierefreiheit"]
    assert [s.pk for s in first] == [s.pk for s in second]
    assert StandardPage.objects.count() == 3
    assert StandardPage.objects.get(slug="impressum").title == "Impressum (geändert)"
    assert all(s.live for s in StandardPage.objects.all())


@pytest.mark.django_db
def test_impressum_credits_destatis_and_statement_follows_bitv(client, home_page):
    ensure_standard_pages(home_page)
    impressum = client.get("/impressum/").content.decode()
    assert "© Statistisches Bundesamt (Destatis), GV-ISys" in impressum
    assert "dl-de/by-2-0" in impressum
    statement = client.get("/barrierefreiheit/").content.decode()
    for section in (
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontakt",
        "Schlichtungsverfahren",
    ):
        assert section in statement
    assert "[Bitte ergänzen" not in statement


@pytest.mark.django_db
def test_standard_page_shows_title_and_text(client, home_page):
    page = home_page.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", text="<p>Ein Netzwerk.</p>")
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Über uns</h1>" in html and "<p>Ein Netzwerk.</p>" in html


@pytest.mark.django_db
def test_unknown_address_gives_a_german_404(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_error_page_needs_no_context():
    html = get_template("500.html").render({})
    assert '<html lang="de">' in html and "Technischer Fehler" in html


@pytest.mark.django_db
def test_groessenklassen_count_entries_by_size_of_their_kommune(entry):
    big_city = Kommune.objects.create(
        ags="02000000", name="Hamburg", typ="kreisfreie_stadt", einwohner=1_900_000, bundesland="HH"
    )
    profile = KommunePageFactory(parent=KommunenIndexPage.objects.get(), kommune=big_city)
    PraxisPageFactory(parent=profile)
    PraxisPageFactory(parent=profile, live=False)
    counts = {
        k["slug"]: k["entry_count"] for k in groessenklassen_with_counts(PraxisPage.objects.live())
    }
    assert counts == {
        "landgemeinde": 1,
        "kleinstadt": 0,
        "mittelstadt": 0,
        "grossstadt": 1,
        "landkreis": 0,
    }


@pytest.mark.django_db
def test_settings_offer_page_choosers_for_the_footer(admin_client, home_page):
    site = home_page.get_site()
    response = admin_client.get(f"/admin/settings/plattform/plattformeinstellungen/{site.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        assert f'name="{name}"' in html
    assert "Seiten in der Fußzeile" in html
