"""The API docs and the admin work without internet and ask no other host for anything.

Chromium may only reach the test server; every request elsewhere is refused and recorded.
The API docs used to load Swagger UI from a CDN (a blank page offline), the admin asked
Gravatar for each editor's avatar.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "offline-test-passwort"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "redaktion", "redaktion@example.org", PASSWORD
    )


@pytest.fixture
def foreign_requests() -> list[str]:
    """The URLs of other hosts the offline tab asked for (and was refused)."""
    return []


@pytest.fixture
def offline_page(chromium_path, live_server, editor, foreign_requests):
    """A chromium tab that reaches only the live server; refused URLs go to `foreign_requests`."""
    own_host = urlsplit(live_server.url).netloc
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page(locale="de-DE")

        def only_own_host(route) -> None:
            if urlsplit(route.request.url).netloc == own_host or route.request.url.startswith(
                "data:"
            ):
                route.continue_()
            else:
                foreign_requests.append(route.request.url)
                route.abort()

        page.route("**/*", only_own_host)
        yield page


def test_api_docs_render_without_internet(live_server, offline_page, foreign_requests):
    offline_page.goto(live_server.url + "/api/v1/docs", wait_until="networkidle")
    offline_page.locator(".swagger-ui .info .title").wait_for(timeout=10_000)
    assert "Praxisnetz Integration API" in offline_page.locator(".swagger-ui .info").inner_text()
    assert offline_page.locator(".opblock").count() > 0  # the operations are listed
    assert foreign_requests == []


def test_admin_dashboard_asks_no_other_host(live_server, offline_page, foreign_requests):
    offline_page.goto(live_server.url + "/admin/login/")
    offline_page.fill("input[name=username]", "redaktion")
    offline_page.fill("input[name=password]", PASSWORD)
    offline_page.click("button[type=submit]")
    offline_page.wait_for_url(live_server.url + "/admin/")
    offline_page.wait_for_load_state("networkidle")
    assert offline_page.locator("#wagtail-sidebar").count() == 1
    assert foreign_requests == []
