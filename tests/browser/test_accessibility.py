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
from plattform.standard_pages import ensure_standardseiten
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
def browser(chromium_path, live_server, seiten):
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


def _eintrag(profil, partner):
    bild = wagtail_factories.ImageFactory(
        title="Foto", file__width=1200, file__height=700, file__color="#7a9e9f"
    )
    dokument = wagtail_factories.DocumentFactory(
        title="Konzept Sprachcafé", file=FileField(data=b"x" * 4096, filename="konzept.pdf")
    )
    seite = PraxisPageFactory(
        parent=profil,
        title="Sprachcafé am Hafen mit einem sehr langen Titel für schmale Bildschirme",
        bild=bild,
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
    seite.body = [
        {"type": "absatz", "value": "<p>Jeden Dienstag treffen sich Menschen im Rathaus.</p>"},
        {
            "type": "bild",
            "value": {"image": bild.pk, "decorative": False, "alt_text": "Menschen am Tisch"},
        },
        {"type": "dokument", "value": {"dokument": dokument.pk, "beschreibung": "Konzept"}},
        {"type": "zitat", "value": {"zitat": "Hier lerne ich Deutsch.", "quelle": "Teilnehmerin"}},
    ]
    seite.save()
    return seite


@pytest.fixture
def seiten(home_page) -> dict[str, str]:
    """One page of every public type, with realistic content; returns their paths."""
    ensure_standardseiten(home_page)
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
    profil = KommunePageFactory(
        parent=kreis,
        kommune=kommune,
        integrationsbeauftragte="hauptamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("0.5"),
        integrationsbeirat=True,
        integrationsbeirat_seit=2015,
        runder_tisch=True,
        einleitung="<p>Ahrensburg setzt auf Ehrenamt und kurze Wege.</p>",
    )
    Netzwerk.objects.create(page=profil, name="Netzwerk Integration Stormarn")
    Kontaktperson.objects.create(
        page=profil,
        name="Erika Muster",
        email="erika.muster@ahrensburg.example.org",
        telefon="04102 77-123",
        veroeffentlichen=True,
    )
    partner = KommunePageFactory(parent=index).kommune
    eintrag = _eintrag(profil, partner)
    for nummer in range(3):
        PraxisPageFactory(parent=profil, title=f"Integrationslotsen {nummer}")
    return {
        "start": "/",
        "liste": "/praxisbeispiele/",
        "kommunen": "/kommunen/",
        "landkreis": kreis.url,
        "profil": profil.url,
        "eintrag": eintrag.url,
        "erklaerung": "/barrierefreiheit/",
        "nicht_gefunden": "/gibt-es-nicht/",
    }


UNBESCHRIFTETE_FELDER = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => !['hidden', 'submit', 'button'].includes(el.type))
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
        && !el.getAttribute('aria-labelledby'))
    .map(el => el.name || el.id)"""


DOPPELTE_IDS = """() => {
    const ids = Array.from(document.querySelectorAll('[id]'), el => el.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
}"""

VERWAISTE_VERWEISE = """() => Array
    .from(document.querySelectorAll('[aria-labelledby], [aria-describedby]'))
    .flatMap(el => (el.getAttribute('aria-labelledby') || el.getAttribute('aria-describedby'))
        .split(' '))
    .filter(id => !document.getElementById(id))"""


def _pruefe_seite(page, url: str) -> None:
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "de", url
    assert page.locator("h1").count() == 1, url
    assert page.evaluate(UNBESCHRIFTETE_FELDER) == [], url
    assert page.evaluate(DOPPELTE_IDS) == [], url
    assert page.evaluate(VERWAISTE_VERWEISE) == [], url
    ohne_alt = page.locator("img:not([alt])")
    assert ohne_alt.count() == 0, url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link", url
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt", url


def test_jede_seitenart_ist_zugaenglich(live_server, browser, seiten):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for url in seiten.values():
        _pruefe_seite(page, live_server.url + url)
    page.close()


def test_bei_320_pixeln_kein_waagerechtes_scrollen(live_server, browser, seiten):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    for url in seiten.values():
        page.goto(live_server.url + url)
        breite = page.evaluate("document.documentElement.scrollWidth")
        assert breite <= 320, f"{url} ist {breite}px breit"
    page.close()


def test_stylesheet_wird_ausgeliefert(live_server, browser, seiten):
    page = browser.new_page()
    antwort = page.goto(live_server.url + "/static/css/main.css")
    assert antwort.status == 200 and "prefers-reduced-motion" in antwort.text()
    page.close()


@pytest.mark.parametrize("breite", [1280, 375])
def test_bildschirmfotos(live_server, browser, seiten, breite):
    """Not an assertion of looks: screenshots for a human reviewer."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": breite, "height": 900})
    for name in ("start", "liste", "profil", "eintrag", "landkreis", "kommunen"):
        page.goto(live_server.url + seiten[name])
        page.screenshot(path=str(SCREENS / f"{name}-{breite}.png"), full_page=True)
    page.close()
