"""axe-core (axe-playwright-python) on every public page type, with results and without, the
forms in their error states and the officer's key admin screens, in Debian's chromium.

The bar is WCAG 2.1 A and AA (BITV 2.0): no violation axe rates serious or critical. Our own
checks of headings, skip link and reflow are in test_accessibility.py.
"""

import re
from collections.abc import Iterator

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from kommunen.permissions import ensure_kommune_editors
from plattform.standard_pages import ensure_standard_pages
from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
SERIOUS = ("serious", "critical")
OFFICER, PASSWORD = "beauftragte", "geheim-und-lang-genug"


def serious_violations(page: Page) -> list[str]:
    """Each serious or critical WCAG 2.1 AA violation on the page: rule, impact, elements."""
    # Colours are measured as they are at this moment: wait for fades such as Wagtail's
    # messages sliding in (half faded, white on red measures 4.05:1 instead of 5:1).
    page.wait_for_function(
        "() => document.getAnimations().every("
        "a => !(a instanceof CSSTransition) || a.playState === 'finished')"
    )
    results = Axe().run(page, options={"runOnly": WCAG_21_AA, "resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(
            f"{node['target']} {node['html'][:200]} {node.get('failureSummary', '')[:300]}"
            for node in violation["nodes"][:5]
        )
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.fixture
def paths(home_page, committed_world) -> dict[str, str]:
    """A page of every public type, searches with results and without; returns their paths."""
    ensure_standard_pages(home_page)
    world = committed_world
    return {
        "home": "/",
        "listing": "/praxisbeispiele/",
        "listing_filtered": "/praxisbeispiele/?handlungsfeld=sprache&kosten=gering",
        "search_with_results": "/suche/?q=Sprachcaf%C3%A9",
        "search_without_results": "/suche/?q=Zeppelinwerft",
        "search_with_comparison": f"/suche/?q=Sprache&vergleich={world.ahrensburg.kommune.ags}",
        "kommunen": "/kommunen/",
        "landkreis": world.kreis.url,
        "kreis_overview": world.kreis.url + "uebersicht/",
        "profile": world.ahrensburg.url,
        "profile_with_entries": world.bargteheide.url,
        "entry": world.entry.url,
        "programmes": "/foerderprogramme/",
        "programme": "/foerderprogramme/amif/",
        "kommune_without_profile": "/kommune/01001999/",
        "contact_form": world.ahrensburg.url + "kontakt/",
        "mitmachen": "/mitmachen/",
        "statement": "/barrierefreiheit/",
        "privacy": "/datenschutz/",
        "not_found": "/gibt-es-nicht/",
    }


@pytest.fixture
def browser_page(chromium_path, live_server, paths) -> Iterator[Page]:
    """A German chromium page, started after the test data exists (Playwright's event loop
    hides the test database connection's state from Django)."""
    with launched_chromium(chromium_path) as browser:
        yield browser.new_page(locale="de-DE", viewport={"width": 1280, "height": 900})


def test_no_public_page_type_has_a_serious_violation(live_server, browser_page, paths):
    found = {}
    for name, path in paths.items():
        browser_page.goto(live_server.url + path)
        if violations := serious_violations(browser_page):
            found[name] = violations
    assert found == {}


def test_no_serious_violation_on_the_phone(live_server, browser_page, paths):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    found = {}
    for name in ("home", "search_with_results", "entry", "profile", "mitmachen"):
        browser_page.goto(live_server.url + paths[name])
        if violations := serious_violations(browser_page):
            found[name] = violations
    assert found == {}


def submit_without_browser_checks(page: Page, form: str) -> None:
    """Send the form as it is, past the browser's own checks (required, type=email), so the
    server's German error messages show as a user without those checks would see them."""
    page.locator(form).evaluate("form => { form.noValidate = true; }")
    page.locator(f"{form} [type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("name", ["contact_form", "mitmachen"])
def test_forms_in_their_error_state_have_no_serious_violation(
    live_server, browser_page, paths, name
):
    browser_page.goto(live_server.url + paths[name])
    browser_page.locator("main form input[type=email]").first.fill("keine-adresse")
    submit_without_browser_checks(browser_page, "main form[method=post]")
    errors = browser_page.locator("[aria-invalid=true]")
    assert errors.count() > 0, browser_page.content()
    assert serious_violations(browser_page) == []


def test_the_kreis_chart_announces_its_table(live_server, browser_page, paths):
    browser_page.goto(live_server.url + paths["kreis_overview"])
    chart = browser_page.get_by_role("img", name="Praxisbeispiele des Kreises Stormarn")
    expect(chart).to_have_accessible_description(re.compile("Tabelle nach dem Diagramm"))


@pytest.fixture
def officer(committed_world) -> dict[str, int]:
    """An integration officer of Bargteheide who reads the admin in German."""
    user = get_user_model().objects.create_user(OFFICER, password=PASSWORD)
    user.groups.add(ensure_kommune_editors(committed_world.bargteheide))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return {"profile": committed_world.bargteheide.pk, "entry": committed_world.entry.pk}


def test_the_officers_admin_screens_have_no_serious_violation(live_server, officer, browser_page):
    admin = live_server.url + "/admin/"
    browser_page.goto(admin + "login/")
    assert serious_violations(browser_page) == [], "login"
    browser_page.locator('input[name="username"]').fill(OFFICER)
    browser_page.locator('input[name="password"]').fill(PASSWORD)
    browser_page.locator('button[type="submit"]').click()
    browser_page.wait_for_url(admin)
    screens = {
        "dashboard": "",
        "explorer": f"pages/{officer['profile']}/",
        "profile_edit": f"pages/{officer['profile']}/edit/",
        "entry_edit": f"pages/{officer['entry']}/edit/",
        "entry_new": f"pages/add/praxis/praxispage/{officer['profile']}/",
        "images": "images/",
        "documents": "documents/",
    }
    found = {}
    for name, path in screens.items():
        browser_page.goto(admin + path)
        if violations := serious_violations(browser_page):
            found[name] = violations
    browser_page.goto(admin + screens["entry_new"])
    browser_page.locator("form#page-edit-form").evaluate("form => { form.noValidate = true; }")
    browser_page.get_by_role("button", name="Entwurf speichern").click()
    browser_page.wait_for_load_state()
    assert browser_page.locator(".error-message").count() > 0
    if violations := serious_violations(browser_page):
        found["entry_new_with_errors"] = violations
    assert found == {}


def test_axe_finds_a_known_violation(browser_page):
    """The check itself works: an image without alt text is a critical violation."""
    browser_page.set_content(
        '<html lang="de"><head><title>Probe</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )
    assert [found.split(" ")[0] for found in serious_violations(browser_page)] == ["image-alt"]


FOCUS_IS_VISIBLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}"""


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching selector has the focus, checking at every stop
    that the focus can be seen (WCAG 2.4.7)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        assert page.evaluate(FOCUS_IS_VISIBLE), f"Fokus unsichtbar auf {focused}"
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} nach {limit} Tabs nicht erreicht")


def test_a_keyboard_user_searches_and_opens_an_entry(live_server, browser_page, paths):
    """Home page, search, a result, the entry: Tab, typing and Enter only, focus always seen;
    the jump past the filters spares the 80 Tabs through every checkbox."""
    browser_page.goto(live_server.url + paths["home"])
    tab_to(browser_page, "#start-suche")
    browser_page.keyboard.type("Sprachcafé")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/suche/?**")
    tab_to(browser_page, ".filter__sprung a", limit=15)
    browser_page.keyboard.press("Enter")
    tab_to(browser_page, ".karte__titel a", limit=5)
    title = browser_page.evaluate("document.activeElement.textContent.trim()")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_load_state()
    assert browser_page.locator("h1").inner_text().strip() == title
    tab_to(browser_page, "main a")


CLIPPED_TEXT = """() => Array.from(document.querySelectorAll('body *'))
    .filter(el => el.offsetParent !== null && el.clientWidth > 1 && el.textContent.trim())
    .filter(el => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX))
    .filter(el => el.scrollWidth > el.clientWidth + 1)
    .map(el => el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 60))"""


def test_pages_reflow_at_200_percent_zoom(live_server, browser_page, paths):
    """200 % zoom of a 1280 px window is a 640 px wide CSS viewport: no sideways scrolling,
    no text cut off (WCAG 1.4.4 and 1.4.10)."""
    browser_page.set_viewport_size({"width": 640, "height": 450})
    found = {}
    for name, path in paths.items():
        browser_page.goto(live_server.url + path)
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        clipped = browser_page.evaluate(CLIPPED_TEXT)
        if width > 640 or clipped:
            found[name] = {"width": width, "clipped": clipped}
    assert found == {}
