"""The search page on a phone: the results come first, the filters open from one button.

At 375 px the first result must start within the first screen (it used to start ~2,900 px
down, below every filter checkbox and two search boxes); the "Filter (n aktiv)" button names
the number of active filter values and opens the filters; there is one search box. At 1280 px
the filters stand beside the results. Without JavaScript the filters stay reachable.
Screenshots for a human look come from scripts/screenshots.py.
"""

import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import KommuneTyp
from tests.browser.support import launched_chromium
from tests.search.content import create_entry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
# Three active filter values: two Handlungsfelder and a Kreis.
SEARCH = "/suche/?q=Sprache&handlungsfeld=sprache&handlungsfeld=bildung&kreis=01062"


@pytest.fixture
def entries(db) -> None:
    stormarn = KommuneFactory(
        ags="01062", name="Stormarn", typ=KommuneTyp.LANDKREIS, einwohner=245_000
    )
    for number, name in enumerate(["Kleinau", "Nachbarsdorf", "Großhansdorf"], start=1):
        kommune = KommuneFactory(
            ags=f"0106200{number}", name=name, einwohner=4_000 * number, kreis=stormarn
        )
        create_entry(
            kommune,
            f"Sprachcafé in {name}",
            "Neuzugewanderte üben Sprache bei Kaffee und Kuchen, jeden Dienstag im Rathaus.",
            ("sprache", "bildung"),
            ("neuzugewanderte",),
        )


@pytest.fixture
def browser(chromium_path, live_server, entries):
    """A chromium started after the test data exists (nothing touches the ORM meanwhile)."""
    with launched_chromium(chromium_path) as browser:
        yield browser


def open_search(browser, live_server, viewport: dict, javascript: bool = True):
    page = browser.new_page(viewport=viewport, java_script_enabled=javascript, locale="de-DE")
    page.goto(live_server.url + SEARCH)
    return page


def top_of(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_on_a_phone_the_results_come_first(browser, live_server):
    page = open_search(browser, live_server, PHONE)
    assert top_of(page, ".treffer") < PHONE["height"]
    button = page.locator("#filter-klappe > summary")
    assert button.is_visible() and button.inner_text().strip() == "Filter (3 aktiv)"
    checkbox = page.locator("#f-handlungsfeld-sprache")
    assert not checkbox.is_visible()
    button.click()
    assert checkbox.is_visible() and checkbox.is_checked()
    assert page.locator("#f-kreis-01062").is_visible()


def test_on_a_phone_there_is_one_search_box(browser, live_server):
    page = open_search(browser, live_server, PHONE)
    boxes = page.locator('input[type="search"]')
    visible = [n for n in range(boxes.count()) if boxes.nth(n).is_visible()]
    assert len(visible) == 1
    assert boxes.nth(visible[0]).get_attribute("id") == "suche-q"


def test_on_a_wide_screen_the_filters_stand_beside_the_results(browser, live_server):
    page = open_search(browser, live_server, DESKTOP)
    assert not page.locator("#filter-klappe > summary").is_visible()
    checkbox = page.locator("#f-handlungsfeld-sprache")
    assert checkbox.is_visible()
    filters = page.locator("#filter-klappe").bounding_box()
    results = page.locator(".liste-layout__ergebnisse").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # beside, on the left
    assert abs(filters["y"] - results["y"]) < 10  # at the same height
    assert page.locator(".treffer").first.bounding_box()["y"] < DESKTOP["height"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_without_javascript_the_filters_are_reachable(browser, live_server, viewport):
    page = open_search(browser, live_server, viewport, javascript=False)
    checkbox = page.locator("#f-handlungsfeld-sprache")
    if viewport is PHONE:
        assert top_of(page, ".treffer") < PHONE["height"]
        assert not checkbox.is_visible()
    if not checkbox.is_visible():
        page.locator("#filter-klappe > summary").click()
    assert checkbox.is_visible()
