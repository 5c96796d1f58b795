"""Figures typed in German into the real admin (Debian's chromium) are stored as meant."""

from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisPageFactory
from kommunen.models import KommunenIndexPage, KommunePage
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage
from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "geheim-und-lang-genug"


@pytest.fixture
def editor_world(home_page) -> dict[str, int]:
    """An admin who reads the admin in German, a Gemeinde profile and one of its entries."""
    admin = get_user_model().objects.create_superuser("redakteurin", password=PASSWORD)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "de"
    profile.save()
    kreis = LandkreisPageFactory(parent=KommunenIndexPage.objects.get())
    gemeinde = KommuneFactory(ags="01062001", name="Ahrensburg, Stadt", kreis=kreis.kommune)
    gemeinde_profile = KommunePageFactory(parent=kreis, kommune=gemeinde)
    entry = PraxisPageFactory(parent=gemeinde_profile, title="Sprachcafé", beginn="")
    return {"profile": gemeinde_profile.pk, "entry": entry.pk}


@contextmanager
def admin_page(chromium_path: str, base_url: str):
    """A chromium page (locale de-DE) logged into the admin; nothing else may use the ORM."""
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page(locale="de-DE", viewport={"width": 1280, "height": 900})
        page.goto(f"{base_url}/admin/login/")
        page.locator('input[name="username"]').fill("redakteurin")
        page.locator('input[name="password"]').fill(PASSWORD)
        page.locator('button[type="submit"]').click()
        page.wait_for_url(f"{base_url}/admin/")
        yield page


def publish(page) -> None:
    """Open the action menu below the form and publish, as an editor does."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_load_state()
    assert page.locator(".help-critical, .error-message").count() == 0, page.content()


def test_stellenumfang_typed_with_a_comma_is_stored_as_a_half_post(
    chromium_path, live_server, editor_world
):
    with admin_page(chromium_path, live_server.url) as page:
        page.goto(f"{live_server.url}/admin/pages/{editor_world['profile']}/edit/")
        page.get_by_role("tab", name="Integrationsstrukturen").click()
        field = page.get_by_label("Stellenumfang (Vollzeitstellen)")
        assert field.get_attribute("type") == "text"
        assert field.get_attribute("inputmode") == "decimal"
        field.fill("0,5")
        publish(page)
    profile = KommunePage.objects.get(pk=editor_world["profile"])
    assert profile.integrationsbeauftragte_stellenumfang == Decimal("0.5")


def test_kosten_with_thousands_point_and_month_with_slash_are_stored_canonically(
    chromium_path, live_server, editor_world
):
    with admin_page(chromium_path, live_server.url) as page:
        page.goto(f"{live_server.url}/admin/pages/{editor_world['entry']}/edit/")
        page.get_by_role("tab", name="Rahmenbedingungen").click()
        page.get_by_label("Kosten pro Jahr (Euro)").fill("3.500")
        page.get_by_label("Beginn").fill("03/2023")
        publish(page)
        page.goto(f"{live_server.url}/admin/pages/{editor_world['entry']}/edit/")
        page.get_by_role("tab", name="Rahmenbedingungen").click()
        shown = page.get_by_label("Beginn").input_value()
    entry = PraxisPage.objects.get(pk=editor_world["entry"])
    assert (entry.kosten_jahr_eur, entry.beginn) == (3500, "2023-03")
    assert shown == "03/2023"


def test_an_ambiguous_figure_is_refused_with_a_german_explanation(
    chromium_path, live_server, editor_world
):
    with admin_page(chromium_path, live_server.url) as page:
        page.goto(f"{live_server.url}/admin/pages/{editor_world['entry']}/edit/")
        page.get_by_role("tab", name="Rahmenbedingungen").click()
        page.get_by_label("Kosten pro Jahr (Euro)").fill("3,500")
        page.get_by_role("button", name="Entwurf speichern").click()
        page.wait_for_load_state()
        message = page.locator('[data-contentpath="kosten_jahr_eur"] .error-message').inner_text()
    assert "„3,500“ ist nicht eindeutig" in message
    assert PraxisPage.objects.get(pk=editor_world["entry"]).kosten_jahr_eur is None
