"""The search page in Debian's chromium: name suggestions for "Kommunen wie meine" (filled by
kommune_vorschlaege.js, the script of every Kommune field)."""

import os

import pytest

from tests.search.content import build_search_world

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def entries(transactional_db):
    """The search tests' entries, committed for the live server (not the module's copy)."""
    return build_search_world().entries


@pytest.fixture
def browser_page(chromium_path, live_server, entries):
    """A chromium page, started after the test data exists."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser.new_page()
        browser.close()


def test_suggestions_fill_the_datalist_and_the_choice_ranks_results(browser_page, live_server):
    browser_page.goto(f"{live_server.url}/suche/")
    field = browser_page.get_by_label("Kommunen wie meine: Name Ihrer Kommune")
    field.press_sequentially("Klei", delay=50)
    option = browser_page.locator('#vergleich-vorschlaege option[value="Kleinau (01062001)"]')
    option.wait_for(state="attached", timeout=5000)
    assert "Stormarn" in option.get_attribute("label")
    field.fill("Kleinau (01062001)")
    field.press("Enter")
    browser_page.wait_for_url("**vergleich=**")
    assert browser_page.locator(".chip", has_text="Kommunen wie: Kleinau").count() == 1
    first = browser_page.locator(".treffer").first
    assert "Fußball für alle" in first.inner_text()
    assert "Warum hier:" in first.inner_text()


def test_keyboard_reaches_query_comparison_sort_and_filters_in_order(browser_page, live_server):
    browser_page.goto(f"{live_server.url}/suche/")
    browser_page.locator("#suche-q").focus()
    order = []
    for _ in range(6):
        browser_page.keyboard.press("Tab")
        order.append(
            browser_page.evaluate(
                "document.activeElement.id || document.activeElement.textContent.trim()"
            )
        )
    assert order[:4] == ["Suchen", "suche-vergleich", "suche-sortierung", "Anwenden"]
    assert order[4].startswith("Direkt zu")  # the jump past the filters, seen once focused
    assert order[5] == "f-handlungsfeld-sprache"
