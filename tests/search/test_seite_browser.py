"""The search page in Debian's chromium: name suggestions for "Kommunen wie meine" via suche.js."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def seite(chromium_path, live_server, beispiele):
    """A chromium page, started after the test data exists."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser.new_page()
        browser.close()


def test_suggestions_fill_the_datalist_and_the_choice_ranks_results(seite, live_server):
    seite.goto(f"{live_server.url}/suche/")
    feld = seite.get_by_label("Kommunen wie meine: Name Ihrer Kommune")
    feld.press_sequentially("Klei", delay=50)
    option = seite.locator('#vergleich-vorschlaege option[value="Kleinau (01062001)"]')
    option.wait_for(state="attached", timeout=5000)
    assert "Stormarn" in option.get_attribute("label")
    feld.fill("Kleinau (01062001)")
    feld.press("Enter")
    seite.wait_for_url("**vergleich=**")
    assert seite.locator(".chip", has_text="Kommunen wie: Kleinau").count() == 1
    erste = seite.locator(".treffer").first
    assert "Fußball für alle" in erste.inner_text()
    assert "Warum hier:" in erste.inner_text()


def test_keyboard_reaches_query_comparison_sort_and_filters_in_order(seite, live_server):
    seite.goto(f"{live_server.url}/suche/")
    seite.locator("#suche-q").focus()
    reihenfolge = []
    for _ in range(5):
        seite.keyboard.press("Tab")
        reihenfolge.append(
            seite.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        )
    assert reihenfolge[:4] == ["Suchen", "suche-vergleich", "suche-sortierung", "Anwenden"]
    assert reihenfolge[4] == "f-handlungsfeld-sprache"
