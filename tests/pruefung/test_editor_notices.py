"""The page editor shows the reviewer's change request at the top; every review action says
what it did (a success message naming the page and whether it is public now)."""

import json

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from praxis.models import PraxisPage

from .conftest import edit_url, review, submit

pytestmark = pytest.mark.django_db


def notice(client, page):
    soup = WagtailTestUtils.get_soup(client.get(edit_url(page)).content)
    return soup.select_one("[data-aenderungswunsch]"), soup


def texts(response) -> list[str]:
    """The messages' texts, without the buttons Wagtail renders into them."""
    return [str(message).split("\n")[0] for message in get_messages(response.wsgi_request)]


def test_the_editor_shows_the_change_request_with_the_comment_above_the_form(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    review(
        client,
        people.coordinator,
        draft,
        "reject",
        django_capture_on_commit_callbacks,
        comment="Bitte die Kosten ergänzen.\nUnd den Kontakt.",
    )
    client.force_login(people.officer)
    box, soup = notice(client, draft)
    assert box is not None
    assert box.find("h2").get_text(strip=True) == "Änderungen erbeten"
    text = " ".join(box.get_text(" ").split())
    assert "Karl Kreis (Prüfung: Kreiskoordination Stormarn) hat am" in text
    assert "Bitte die Kosten ergänzen. Und den Kontakt." in text
    assert "Erneut in Prüfung: Kreiskoordination Stormarn einreichen" in text
    form = soup.select_one("#page-edit-form")
    assert box.sourceline < form.sourceline  # at the top, before the tabs and fields


def test_the_change_request_disappears_once_resubmitted(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    review(client, people.coordinator, draft, "reject", django_capture_on_commit_callbacks)
    client.force_login(people.officer)
    assert notice(client, draft)[0] is not None
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    assert notice(client, draft)[0] is None


def test_no_notice_while_the_review_is_open(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    assert notice(client, draft)[0] is None


def test_approving_from_the_queue_confirms_that_the_page_is_public(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    response = review(
        client, people.coordinator, draft, "approve", django_capture_on_commit_callbacks
    )
    assert PraxisPage.objects.get(pk=draft.pk).live
    assert texts(response) == ["„Lotsen“ ist freigegeben und jetzt öffentlich."]


def test_approving_in_the_editor_confirms_instead_of_just_saying_updated(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    client.force_login(people.coordinator)
    client.cookies.pop("messages", None)
    data = querydict_from_html(
        client.get(edit_url(draft)).content.decode(), form_id="page-edit-form"
    )
    data.setdefault("body-count", "0")
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "Danke!"}),
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(draft), data)
    assert response.status_code == 302
    assert PraxisPage.objects.get(pk=draft.pk).live
    assert texts(response) == ["„Lotsen“ ist freigegeben und jetzt öffentlich."]


def test_a_change_request_confirms_whom_it_went_to(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    response = review(
        client,
        people.coordinator,
        draft,
        "reject",
        django_capture_on_commit_callbacks,
        "Fehlt was.",
    )
    assert texts(response) == ["Ihr Änderungswunsch zu „Lotsen“ ist an Olga Amt gegangen."]
    assert response["Location"] == reverse("wagtailadmin_home")
