"""Accessibility checks of every public page type in Debian's chromium (Playwright).

Each page must have one h1, `lang="de"`, a skip link that moves focus to <main>, labelled
form fields, alt attributes on all images and no horizontal scrolling at 320px width.
Screenshots for a human look come from scripts/screenshots.py.
"""

import pytest

from plattform.standard_pages import ensure_standard_pages
from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(chromium_path, live_server, pages):
    """A fresh chromium per test, started after the test data exists.

    Playwright's sync API runs an event loop in this thread, which hides the test database
    connection's state from Django; so nothing may touch the ORM while it runs.
    """
    with launched_chromium(chromium_path) as browser:
        yield browser


@pytest.fixture
def pages(home_page, committed_world) -> dict[str, str]:
    """One page of every public type from the shared world; returns their paths."""
    ensure_standard_pages(home_page)
    return {
        "home": "/",
        "listing": "/praxisbeispiele/",
        "kommunen": "/kommunen/",
        "landkreis": committed_world.kreis.url,
        "profile": committed_world.ahrensburg.url,
        "profile_with_entries": committed_world.bargteheide.url,
        "entry": committed_world.entry.url,
        "programmes": "/foerderprogramme/",
        "programme": "/foerderprogramme/amif/",
        "kommune_without_profile": "/kommune/01001999/",
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
