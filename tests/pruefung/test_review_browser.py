"""The review loop clicked through in the real admin (Debian's chromium): the officer sees what
is missing and submits, the coordinator follows the mail's link and asks for changes, the
officer sees the comment on top of the editor and resubmits, the coordinator approves from the
dashboard's queue, and the entry is public."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage
from tests.browser.support import launched_chromium

from .conftest import group_of, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def journey(committed_world) -> int:
    officer = make_user("officer", group_of(committed_world.ahrensburg))
    make_user("koord", group_of(committed_world.kreis), first_name="Karl", last_name="Kreis")
    entry = PraxisPageFactory(
        parent=committed_world.ahrensburg,
        title="Lotsen",
        live=False,
        first_published_at=None,
        owner=officer,
    )
    entry.save_revision(user=officer)
    return entry.pk


def logged_in(browser, base_url: str, username: str):
    page = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}/admin/login/")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill("pw")
    page.locator('button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


def action_menu(page):
    page.locator("footer .w-dropdown__toggle").first.click()


def link_in(message, base_url: str) -> str:
    """The first admin link of a mail, pointed at the live server."""
    url = re.search(r"http://\S+/admin/pages/\d+/edit/", message.body).group(0)
    return base_url + urlsplit(url).path


def test_submit_request_changes_resubmit_approve(chromium_path, live_server, journey):
    base = live_server.url
    with launched_chromium(chromium_path) as browser:
        officer = logged_in(browser, base, "officer")
        officer.goto(f"{base}/admin/pages/{journey}/edit/")
        officer.locator("[data-vollstaendigkeit] a[data-fehlt=foerderung]").click()
        assert (
            officer.get_by_role("tab", name="Rahmenbedingungen").get_attribute("aria-selected")
            == "true"
        )
        action_menu(officer)
        with officer.expect_navigation():
            officer.get_by_role("button", name=re.compile("einreichen")).click()

        (submitted,) = mail.outbox
        assert submitted.to == ["koord@example.org"]
        coordinator = logged_in(browser, base, "koord")
        coordinator.goto(link_in(submitted, base))
        action_menu(coordinator)
        coordinator.get_by_role("button", name="Änderungen anfordern").click()
        coordinator.locator(".modal textarea[name=comment]").fill("Bitte die Förderung nennen.")
        with coordinator.expect_navigation():
            coordinator.locator(".modal button[type=submit]").click()

        assert mail.outbox[-1].to == ["officer@example.org"]
        assert "Bitte die Förderung nennen." in mail.outbox[-1].body
        officer.goto(f"{base}/admin/pages/{journey}/edit/")
        notice = officer.locator("[data-aenderungswunsch]")
        assert "Bitte die Förderung nennen." in notice.inner_text()
        action_menu(officer)
        with officer.expect_navigation():
            officer.get_by_role("button", name=re.compile("Erneut in .* einreichen")).click()

        coordinator.goto(f"{base}/admin/")
        row = coordinator.locator(f"[data-pruefung-warteschlange] tr[data-seite='{journey}']")
        assert "Ahrensburg" in row.inner_text()
        row.locator(".w-dropdown__toggle").click()
        row.get_by_role("button", name="Freigeben", exact=True).click()
        coordinator.wait_for_url(f"{base}/admin/")
        confirmation = coordinator.locator(".messages").inner_text()
        assert "„Lotsen“ ist freigegeben und jetzt öffentlich." in confirmation

    assert PraxisPage.objects.get(pk=journey).live
    assert mail.outbox[-1].subject == "Freigegeben: Lotsen (Ahrensburg)"
