"""The onboarding journey in Debian's chromium, clicked as a new user would, in the German admin:

a municipality asks to take part on /mitmachen/ → its Kreis coordinator accepts in the admin →
the invitation mail has the link → the officer sets a password, logs in, edits the profile,
creates an entry and submits it for review → the coordinator gets the review mail, follows
its link and approves in Wagtail's workflow actions → the entry is found by the public search
and stands in the Atom feed. Each step leaves a numbered screenshot in onboarding/ under
SCREENSHOT_DIR (var/screenshots by default) for a human look.
"""

import re
from xml.etree import ElementTree

from django.core import mail

from wagtail.models import WorkflowState

import pytest

from kommunen.models import KommunePage
from praxis.models import PraxisPage
from tests.browser.support import Steps, launched_chromium
from tests.browser.test_accessibility import DANGLING_REFERENCES, DUPLICATE_IDS, UNLABELLED_FIELDS
from tests.zugaenge.conftest import PASSWORD, build_people
from zugaenge.models import Status, Teilnahmeanfrage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFICER_EMAIL = "erika.muster@bargfeld-stegen.example"
NEW_PASSWORD = "Sprachcafe-im-Dorfkrug-24"
LINK = re.compile(r"http://localhost:8000(/admin/password_reset/confirm/\S+/\S+/)")
EDIT_LINK = re.compile(r"http://localhost:8000(/admin/pages/\d+/edit/)")
COORDINATOR_EMAIL = "stormarn@example.org"
ENTRY_TITLE = "Sprachcafé im Dorfkrug"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def journey(committed_world) -> dict:
    """The shared world with its coordinators; Bargfeld-Stegen (Stormarn) has no profile."""
    people = build_people(committed_world)
    return {"kommune": people.unregistered_x, "coordinator": people.coordinator_x}


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
    page.locator('input[name="title"]').fill(ENTRY_TITLE)
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


def review_link() -> str:
    """The edit link of the coordinator's "Zur Prüfung" mail."""
    to_coordinator = [message for message in mail.outbox if message.to == [COORDINATOR_EMAIL]]
    (review,) = [message for message in to_coordinator if "Prüfung" in message.subject]
    assert review.subject == f"Zur Prüfung: {ENTRY_TITLE} (Bargfeld-Stegen)"
    return EDIT_LINK.search(str(review.body)).group(1)


def approve_in_the_workflow(steps: Steps, link: str) -> None:
    page = steps.page
    page.context.clear_cookies()
    steps.login("stormarn", PASSWORD)
    steps.goto(link)
    page.locator('input[name="title"]').wait_for()
    assert page.locator('input[name="title"]').input_value() == ENTRY_TITLE
    steps.shot("koordination-pruefung")
    page.locator("footer .w-dropdown__toggle").first.click()
    # Wagtail's own workflow action of the review task, not the plain "Veröffentlichen"
    approve = page.get_by_role("button", name="Freigeben und Veröffentlichen", exact=True)
    approve.wait_for()
    steps.shot("koordination-freigeben-menue")
    with page.expect_navigation():
        approve.click()
    page.locator(".messages .success").wait_for()
    assert ENTRY_TITLE in page.locator(".messages").inner_text()
    steps.shot("koordination-freigegeben")


def find_it_in_public(steps: Steps) -> None:
    """Logged out, as any visitor: the search finds the entry and the feed names it."""
    page = steps.page
    page.context.clear_cookies()
    steps.goto("/suche/?q=Dorfkrug")
    page.get_by_role("heading", name="1 Praxisbeispiel gefunden").wait_for()
    hit = page.locator(".treffer-liste .karte__titel a")
    assert [title.strip() for title in hit.all_inner_texts()] == [ENTRY_TITLE]
    assert "Bargfeld-Stegen" in page.locator(".treffer-liste .karte__kommune").inner_text()
    steps.shot("suche-findet-es")
    hit.click()
    page.get_by_role("heading", level=1, name=ENTRY_TITLE).wait_for()
    steps.shot("praxisbeispiel-oeffentlich")
    response = page.goto(steps.base_url + "/feeds/praxis/")
    assert response is not None and response.ok
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.body())
    newest = next(feed.iter(f"{ATOM}entry"))  # the newest publication comes first
    assert newest.findtext(f"{ATOM}title") == ENTRY_TITLE
    link = newest.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href", "").endswith("/bargfeld-stegen/sprachcafe-im-dorfkrug/")
    steps.shot("feed")


def test_a_municipality_is_onboarded_and_its_first_entry_is_published(
    chromium_path, live_server, journey
):
    kommune = journey["kommune"]
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page(locale="de-DE", viewport={"width": 1280, "height": 900})
        steps = Steps(page, live_server.url, "onboarding")
        ask_to_take_part(steps)
        accept_in_the_admin(steps)
        link, edit_link = invitation_links()
        set_password_and_log_in(steps, link)
        profile_id = int(edit_link.split("/")[3])
        edit_profile(steps, edit_link)
        create_and_submit_entry(steps, profile_id)
        # No ORM here: while the browser's event loop runs, a query would open a second
        # database connection that outlives the test (PostgreSQL then cannot drop the test
        # database). The workflow's state is checked after the browser is closed.
        approve_in_the_workflow(steps, review_link())
        find_it_in_public(steps)

    anfrage = Teilnahmeanfrage.objects.get(kommune=kommune)
    assert anfrage.status == Status.ANGENOMMEN
    assert anfrage.benutzer.check_password(NEW_PASSWORD)
    profile = KommunePage.objects.get(kommune=kommune)
    assert profile.pk == profile_id
    assert "kurze Wege" in profile.get_latest_revision_as_object().einleitung
    entry = PraxisPage.objects.child_of(profile).get()
    assert entry.title == ENTRY_TITLE and entry.live
    state = WorkflowState.objects.get(object_id=str(entry.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.workflow.name == "Freigabe durch die Kreiskoordination Stormarn"
    approved = mail.outbox[-1]
    assert approved.subject == f"Freigegeben: {ENTRY_TITLE} (Bargfeld-Stegen)"
    assert approved.to == [OFFICER_EMAIL]
    assert len(steps.taken()) == 19
