"""A visitor's contact request, clicked through in chromium: open an entry, "Kontakt aufnehmen",
fill in the form, send it, see the confirmation; the mail reaches the entry's contact person
with Reply-To the visitor. At 1280 and 375 px, with screenshots in kontakt/ under
SCREENSHOT_DIR (var/screenshots by default) for a human look."""

from pathlib import Path

from django.core import mail

import pytest
from playwright.sync_api import ViewportSize, expect

from kontakt.models import Kontaktanfrage
from tests.browser.support import launched_chromium, screenshot_dir
from tests.browser.test_accessibility import DANGLING_REFERENCES, DUPLICATE_IDS, UNLABELLED_FIELDS
from tests.kontakt.conftest import shown

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS: dict[int, ViewportSize] = {
    1280: {"width": 1280, "height": 900},
    375: {"width": 375, "height": 800},
}


def check_accessible(page) -> None:
    assert page.evaluate(UNLABELLED_FIELDS) == []
    assert page.evaluate(DUPLICATE_IDS) == []
    assert page.evaluate(DANGLING_REFERENCES) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def send_request(page, entry_url: str, width: int, folder: Path) -> None:
    """The visitor's way from the entry to the confirmation."""
    page.goto(entry_url)
    page.get_by_role("link", name="Kontakt aufnehmen").click()
    expect(page).to_have_url(entry_url + "kontakt/")
    check_accessible(page)
    page.screenshot(path=folder / f"formular-{width}.png", full_page=True)

    page.get_by_label("Ihr Name").fill("Hanna Besucherin")
    page.get_by_label("Ihre E-Mail-Adresse").fill(f"hanna-{width}@example.net")
    page.get_by_label("Ihre Kommune (freiwillig)").fill("Ahrensburg")
    page.get_by_label("Hospitation (Besuch vor Ort)").check()
    page.get_by_label("Ihre Nachricht").fill("Dürfen wir im März zum Sprachcafé kommen?")
    page.get_by_label("Ich bin einverstanden").check()
    # Instead of waiting the minimum fill time: the form was shown 20 seconds ago.
    page.eval_on_selector("[name=angezeigt]", "(el, token) => { el.value = token; }", shown(20))
    page.get_by_role("button", name="Nachricht senden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vielen Dank, Ihre Nachricht ist angekommen"
    )
    assert "muster@example.org" not in page.content()
    check_accessible(page)
    page.screenshot(path=folder / f"bestaetigung-{width}.png", full_page=True)


def show_mistakes(page, entry_url: str, width: int, folder: Path) -> None:
    """Sent empty: the error summary takes the focus, its links lead to the fields."""
    page.goto(entry_url + "kontakt/")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.locator("#fehlerliste")).to_be_focused()
    check_accessible(page)
    page.screenshot(path=folder / f"fehler-{width}.png", full_page=True)
    page.get_by_role("link", name="Bitte geben Sie Ihren Namen an.").click()
    expect(page.locator("#id_name")).to_be_focused()
    described = page.get_attribute("#id_name", "aria-describedby")
    text = " ".join((page.text_content(f"#{described}") or "").split())
    assert text == "Fehler: Bitte geben Sie Ihren Namen an."


def test_a_visitor_writes_to_the_people_behind_an_entry(
    chromium_path, live_server, committed_world
):
    folder = screenshot_dir("kontakt")
    entry_url = live_server.url + committed_world.entry.url
    with launched_chromium(chromium_path) as browser:
        for width, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport, locale="de-DE")
            page.goto(entry_url)
            link = page.locator(".kontakt-aufnehmen")
            link.scroll_into_view_if_needed()
            page.screenshot(path=folder / f"praxisbeispiel-{width}.png", full_page=True)
            assert "muster@example.org" not in page.content()  # no consent to publish it
            show_mistakes(page, entry_url, width, folder)
            send_request(page, entry_url, width, folder)
            page.close()

    assert [message.to for message in mail.outbox] == [["muster@example.org"]] * 2
    assert [message.reply_to for message in mail.outbox] == [
        ["hanna-1280@example.net"],
        ["hanna-375@example.net"],
    ]
    assert "Dürfen wir im März zum Sprachcafé kommen?" in mail.outbox[0].body
    stored = Kontaktanfrage.objects.order_by("pk")
    assert [(a.anliegen, a.kommune.ags if a.kommune else None) for a in stored] == [
        ("hospitation", "01062001")
    ] * 2
    assert all(anfrage.zugestellt for anfrage in stored)
