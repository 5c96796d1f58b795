"""The onboarding journey in Debian's chromium, clicked as a new user would, in the German admin:

a municipality asks to take part on /mitmachen/ → its Kreis coordinator accepts in the admin →
the invitation mail has the link → the officer sets a password, logs in, edits the profile,
creates an entry and submits it for review. Each step leaves a screenshot in
var/screenshots/onboarding/ for a human look.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core import mail

from wagtail.models import WorkflowState

import pytest

from kommunen.models import KommunePage
from praxis.models import PraxisPage
from tests.browser.support import launched_chromium
from tests.browser.test_accessibility import DANGLING_REFERENCES, DUPLICATE_IDS, UNLABELLED_FIELDS
from tests.zugaenge.conftest import PASSWORD, build_people
from zugaenge.models import Status, Teilnahmeanfrage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "onboarding"
OFFICER_EMAIL = "erika.muster@bargfeld-stegen.example"
NEW_PASSWORD = "Sprachcafe-im-Dorfkrug-24"
LINK = re.compile(r"http://localhost:8000(/admin/password_reset/confirm/\S+/\S+/)")
EDIT_LINK = re.compile(r"http://localhost:8000(/admin/pages/\d+/edit/)")


@pytest.fixture
def journey(committed_world) -> dict:
    """The shared world with its coordinators; Bargfeld-Stegen (Stormarn) has no profile."""
    people = build_people(committed_world)
    return {"kommune": people.unregistered_x, "coordinator": people.coordinator_x}


class Steps:
    """The browser page and a numbered screenshot after each step."""

    def __init__(self, page, base_url: str) -> None:
        self.page, self.base_url, self.count = page, base_url, 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob("[0-9][0-9]-*.png"):  # the previous run's steps
            old.unlink()

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def shot(self, name: str) -> None:
        self.count += 1
        self.page.screenshot(path=SCREENSHOTS / f"{self.count:02d}-{name}.png", full_page=True)

    def login(self, username: str, password: str) -> None:
        self.goto("/admin/login/")
        self.page.locator('input[name="username"]').fill(username)
        self.page.locator('input[name="password"]').fill(password)
        self.page.locator('button[type="submit"]').click()
        self.page.wait_for_url(f"{self.base_url}/admin/")


def assert_accessible_form(page) -> None:
    """Labelled fields, unique ids, descriptions that exist (the checks of test_accessibility)."""
    assert page.locator("h1").count() == 1
    for check in (UNLABELLED_FIELDS, DUPLICATE_IDS, DANGLING_REFERENCES):
        assert page.evaluate(check) == [], check


def ask_to_take_part(steps: Steps) -> None:
    page = steps.page
    steps.goto("/")
    page.get_by_role("link", name="Zugang anfragen").click()
    assert_accessible_form(page)
    page.get_by_role("button", name="Anfrage senden").click()  # empty: errors tied to fields
    page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben").wait_for()
    assert page.get_by_label("Ihr Name").get_attribute("aria-invalid") == "true"
    assert_accessible_form(page)
    steps.shot("mitmachen-fehler")
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_label("Ihre Funktion").fill("Integrationsbeauftragte")
    page.get_by_label("Dienstliche E-Mail-Adresse").fill(OFFICER_EMAIL)
    page.get_by_label("Kommune", exact=True).press_sequentially("Bargfeld", delay=50)
    page.wait_for_selector("#id_kommune-vorschlaege option", state="attached")
    suggestion = page.locator("#id_kommune-vorschlaege option").first.get_attribute("value")
    assert suggestion == "Bargfeld-Stegen (01062009)"
    page.get_by_label("Kommune", exact=True).fill(suggestion)
    page.get_by_label("Nachricht (freiwillig)").fill("Wir haben ein Sprachcafé im Dorfkrug.")
    steps.shot("mitmachen-ausgefuellt")
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    page.get_by_role("button", name="Anfrage senden").click()
    page.get_by_role("heading", name="Vielen Dank für Ihre Anfrage").wait_for()
    steps.shot("mitmachen-danke")


def accept_in_the_admin(steps: Steps) -> None:
    page = steps.page
    steps.login("stormarn", PASSWORD)
    page.get_by_role("button", name="Zugänge").click()
    page.get_by_role("link", name="Teilnahmeanfragen").click()
    page.get_by_role("heading", name="Teilnahmeanfragen").wait_for()
    steps.shot("koordination-warteschlange")
    page.get_by_role("link", name=re.compile("Bargfeld-Stegen")).click()
    page.get_by_role("button", name="Annehmen und einladen").wait_for()
    steps.shot("koordination-anfrage")
    page.get_by_role("button", name="Annehmen und einladen").click()
    page.get_by_text("Angenommen: Die Einladung für Bargfeld-Stegen").wait_for()
    steps.shot("koordination-angenommen")
    page.context.clear_cookies()


def invitation_links() -> tuple[str, str]:
    (invitation,) = [message for message in mail.outbox if message.to == [OFFICER_EMAIL]]
    body = str(invitation.body)
    return LINK.search(body).group(1), EDIT_LINK.search(body).group(1)


def set_password_and_log_in(steps: Steps, link: str) -> None:
    page = steps.page
    steps.goto(link)
    page.locator('input[name="new_password1"]').fill(NEW_PASSWORD)
    page.locator('input[name="new_password2"]').fill(NEW_PASSWORD)
    steps.shot("passwort-festlegen")
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile("/admin/password_reset/complete/"))
    steps.shot("passwort-gesetzt")
    steps.login(OFFICER_EMAIL, NEW_PASSWORD)
    steps.shot("beauftragte-dashboard")


def edit_profile(steps: Steps, edit_link: str) -> None:
    page = steps.page
    steps.goto(edit_link)
    editor = page.locator('[data-contentpath="einleitung"] [contenteditable="true"]')
    editor.click()
    page.keyboard.type("Bargfeld-Stegen setzt auf Nachbarschaft und kurze Wege.")
    page.keyboard.press("Tab")  # Draftail writes its hidden input when it loses focus
    page.wait_for_timeout(500)
    steps.shot("profil-bearbeiten")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.locator(".messages .success").wait_for()
    steps.shot("profil-gespeichert")


def create_and_submit_entry(steps: Steps, profile_id: int) -> None:
    page = steps.page
    steps.goto(f"/admin/pages/{profile_id}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()
    page.locator('input[name="title"]').fill("Sprachcafé im Dorfkrug")
    page.locator('textarea[name="kurzbeschreibung"]').fill(
        "Einmal in der Woche üben Neuzugewanderte und Nachbarn im Dorfkrug Deutsch."
    )
    page.get_by_role("tab", name="Einordnung").click()
    page.get_by_role("checkbox", name="Sprache", exact=True).check()
    steps.shot("praxisbeispiel-anlegen")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-submit"]').click()
    page.locator(".messages .success").wait_for()
    steps.shot("praxisbeispiel-eingereicht")


def test_a_municipality_is_onboarded_and_submits_its_first_entry(
    chromium_path, live_server, journey
):
    kommune = journey["kommune"]
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page(locale="de-DE", viewport={"width": 1280, "height": 900})
        steps = Steps(page, live_server.url)
        ask_to_take_part(steps)
        accept_in_the_admin(steps)
        link, edit_link = invitation_links()
        set_password_and_log_in(steps, link)
        profile_id = int(edit_link.split("/")[3])
        edit_profile(steps, edit_link)
        create_and_submit_entry(steps, profile_id)

    anfrage = Teilnahmeanfrage.objects.get(kommune=kommune)
    assert anfrage.status == Status.ANGENOMMEN
    assert anfrage.benutzer.check_password(NEW_PASSWORD)
    profile = KommunePage.objects.get(kommune=kommune)
    assert profile.pk == profile_id
    assert "kurze Wege" in profile.get_latest_revision_as_object().einleitung
    entry = PraxisPage.objects.child_of(profile).get()
    assert entry.title == "Sprachcafé im Dorfkrug" and not entry.live
    state = WorkflowState.objects.get(object_id=str(entry.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Freigabe durch die Kreiskoordination Stormarn"
    assert len(list(SCREENSHOTS.glob("[0-9][0-9]-*.png"))) == 13
