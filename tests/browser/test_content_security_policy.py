"""The Content-Security-Policy holds in a real browser: public pages and the API docs run
under a policy without 'unsafe-inline', and chromium reports no violation on any of them; the
admin runs under its own policy without violations either."""

import pytest

from plattform.standard_pages import ensure_standard_pages
from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "csp-test-passwort"

# Every violation the page reports, from before its first script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def public_pages(home_page, committed_world) -> list[str]:
    ensure_standard_pages(home_page)
    world = committed_world
    return [
        "/",
        "/praxisbeispiele/",
        "/praxisbeispiele/?handlungsfeld=sprache",
        "/suche/?q=Sprache",
        f"/suche/?q=Sprache&vergleich={world.ahrensburg.kommune.ags}",
        "/kommunen/",
        world.kreis.url,
        world.kreis.url + "uebersicht/",
        world.ahrensburg.url,
        world.bargteheide.url,
        world.entry.url,
        world.entry.url + "kontakt/",
        f"/kommune/{world.schwerin.kommune.ags}/",
        "/mitmachen/",
        "/barrierefreiheit/",
        "/gibt-es-nicht/",
        "/api/v1/docs",
    ]


@pytest.fixture
def editor(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("csp", "csp@example.org", PASSWORD)


def violations(page, url: str, console: list[str]) -> list[str]:
    console.clear()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(200)  # reports are dispatched after the blocked load
    found = page.evaluate("window.__violations")
    return found + [line for line in console if "Content Security Policy" in line]


def recording_page(browser):
    page = browser.new_page(locale="de-DE")
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    return page, console


def test_public_pages_and_api_docs_violate_nothing(chromium_path, live_server, public_pages):
    with launched_chromium(chromium_path) as browser:
        page, console = recording_page(browser)
        found = {url: violations(page, live_server.url + url, console) for url in public_pages}
        page.goto(live_server.url + "/api/v1/docs", wait_until="networkidle")
        page.locator(".swagger-ui .opblock").first.wait_for(timeout=10_000)
        policy = page.evaluate(
            "fetch('/api/v1/docs').then(r => r.headers.get('content-security-policy'))"
        )
    assert {url: found_here for url, found_here in found.items() if found_here} == {}
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_an_injected_inline_script_is_blocked_on_public_pages(chromium_path, live_server):
    with launched_chromium(chromium_path) as browser:
        page, _console = recording_page(browser)
        page.goto(live_server.url + "/", wait_until="networkidle")
        page.evaluate(
            """() => { const s = document.createElement('script');
                s.textContent = 'window.__ran = true'; document.body.append(s); }"""
        )
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran === undefined")
        assert any("script-src" in line for line in page.evaluate("window.__violations"))


def test_editors_on_public_pages_and_in_the_admin_violate_nothing(
    chromium_path, live_server, committed_world, editor
):
    entry = committed_world.entry
    with launched_chromium(chromium_path) as browser:
        page, console = recording_page(browser)
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "csp")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")
        found = {
            url: violations(page, live_server.url + url, console)
            for url in (
                "/admin/",
                f"/admin/pages/{entry.pk}/edit/",
                "/admin/images/",
                "/admin/zweiter-faktor/einrichten/",
                entry.url,  # with the editors' userbar
            )
        }
    assert {url: found_here for url, found_here in found.items() if found_here} == {}
