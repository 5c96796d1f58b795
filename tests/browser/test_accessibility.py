"""Accessibility checks of every public page type in Debian's chromium (Playwright).

Each page must have one h1, `lang="de"`, a skip link that moves focus to <main>, labelled
form fields, alt attributes on all images and no horizontal scrolling at 320px width.
Screenshots (1280px and 375px) land in /tmp/screens/ for a human look.
"""

import os
from decimal import Decimal
from pathlib import Path

import pytest
import wagtail_factories
from factory.django import FileField

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
    LandkreisFactory,
    LandkreisPageFactory,
)
from kommunen.models import KommunenIndexPage, KommuneTyp, Kontaktperson, Netzwerk
from plattform.standard_pages import ensure_standard_pages
from praxis.factories import PraxisPageFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENS = Path("/tmp/screens")


@pytest.fixture
def browser(chromium_path, live_server, pages):
    """A fresh chromium per test, started after the test data exists.

    Playwright's sync API runs an event loop in this thread, which hides the test database
    connection's state from Django; so nothing may touch the ORM while it runs.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _entry(profile, partner):
    image = wagtail_factories.ImageFactory(
        title="Foto", file__width=1200, file__height=700, file__color="#7a9e9f"
    )
    document = wagtail_factories.DocumentFactory(
        title="Konzept Sprachcafé", file=FileField(data=b"x" * 4096, filename="konzept.pdf")
    )
    page = PraxisPageFactory(
        parent=profile,
        title="Sprachcafé am Hafen mit einem sehr langen Titel für schmale Bildschirme",
        bild=image,
        kosten_jahr_eur=5000,
        personal="0,25 Stellen Koordination, 12 Ehrenamtliche",
        beginn="2018-03",
        traeger="Volkshochschule",
        uebertragbarkeit="Ein Raum, zwei Ehrenamtliche und ein fester Termin genügen.",
        kontakt_name="Erika Muster",
        kontakt_funktion="Integrationsbeauftragte",
        kontakt_email="erika.muster@ahrensburg.example.org",
        kontakt_telefon="04102 77-123",
        handlungsfelder=["sprache", "engagement-ehrenamt"],
        zielgruppen=["neuzugewanderte", "gefluechtete"],
        foerderungen=["Landesprogramm Integration"],
        partner=[partner],
    )
    page.body = [
        {"type": "absatz", "value": "<p>Jeden Dienstag treffen sich Menschen im Rathaus.</p>"},
        {
            "type": "bild",
            "value": {"image": image.pk, "decorative": False, "alt_text": "Menschen am Tisch"},
        },
        {"type": "dokument", "value": {"dokument": document.pk, "beschreibung": "Konzept"}},
        {"type": "zitat", "value": {"zitat": "Hier lerne ich Deutsch.", "quelle": "Teilnehmerin"}},
    ]
    page.save()
    return page


@pytest.fixture
def pages(home_page) -> dict[str, str]:
    """One page of every public type, with realistic content; returns their paths."""
    ensure_standard_pages(home_page)
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisPageFactory(
        parent=index, kommune=LandkreisFactory(ags="01062", name="Kreis Stormarn")
    )
    kommune = KommuneFactory(
        ags="01062001",
        name="Ahrensburg, Stadt",
        typ=KommuneTyp.STADT,
        einwohner=34_012,
        flaeche_km2=Decimal("36.71"),
        verstaedterung=2,
        kreis=kreis.kommune,
    )
    profile = KommunePageFactory(
        parent=kreis,
        kommune=kommune,
        integrationsbeauftragte="hauptamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("0.5"),
        integrationsbeirat=True,
        integrationsbeirat_seit=2015,
        runder_tisch=True,
        einleitung="<p>Ahrensburg setzt auf Ehrenamt und kurze Wege.</p>",
    )
    Netzwerk.objects.create(page=profile, name="Netzwerk Integration Stormarn")
    Kontaktperson.objects.create(
        page=profile,
        name="Erika Muster",
        email="erika.muster@ahrensburg.example.org",
        telefon="04102 77-123",
        veroeffentlichen=True,
    )
    partner = KommunePageFactory(parent=index).kommune
    entry = _entry(profile, partner)
    for number in range(3):
        PraxisPageFactory(parent=profile, title=f"Integrationslotsen {number}")
    return {
        "home": "/",
        "listing": "/praxisbeispiele/",
        "kommunen": "/kommunen/",
        "landkreis": kreis.url,
        "profile": profile.url,
        "entry": entry.url,
        "statement": "/barrierefreiheit/",
        "not_found": "/gibt-es-nicht/",
    }


UNLABELLED_FIELDS = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => !['hidden', 'submit', 'button'].includes(el.type))
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
        && !el.getAttribute('aria-labelledby'))
    .map(el => el.name || el.id)"""


DUPLICATE_IDS = """() => {
    const ids = Array.from(document.querySelectorAll('[id]'), el => el.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
}"""

DANGLING_REFERENCES = """() => Array
    .from(document.querySelectorAll('[aria-labelledby], [aria-describedby]'))
    .flatMap(el => (el.getAttribute('aria-labelledby') || el.getAttribute('aria-describedby'))
        .split(' '))
    .filter(id => !document.getElementById(id))"""


def _check_page(page, url: str) -> None:
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "de", url
    assert page.locator("h1").count() == 1, url
    assert page.evaluate(UNLABELLED_FIELDS) == [], url
    assert page.evaluate(DUPLICATE_IDS) == [], url
    assert page.evaluate(DANGLING_REFERENCES) == [], url
    without_alt = page.locator("img:not([alt])")
    assert without_alt.count() == 0, url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link", url
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt", url


def test_every_page_type_is_accessible(live_server, browser, pages):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for url in pages.values():
        _check_page(page, live_server.url + url)
    page.close()


def test_no_horizontal_scrolling_at_320_pixels(live_server, browser, pages):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    for url in pages.values():
        page.goto(live_server.url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} ist {width}px breit"
    page.close()


def test_stylesheet_is_served(live_server, browser, pages):
    page = browser.new_page()
    response = page.goto(live_server.url + "/static/css/main.css")
    assert response.status == 200 and "prefers-reduced-motion" in response.text()
    page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(live_server, browser, pages, width):
    """Not an assertion of looks: screenshots for a human reviewer."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    for name in ("home", "listing", "profile", "entry", "landkreis", "kommunen"):
        page.goto(live_server.url + pages[name])
        page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)
    page.close()
