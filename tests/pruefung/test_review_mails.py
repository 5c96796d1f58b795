"""Review mails: the reviewing group hears of a submission, the author of the decision, each
person once, through the mail task, in German with absolute links."""

from django.contrib.auth import get_user_model
from django.core import mail

from wagtail import signals
from wagtail.models import Comment, PageSubscription
from wagtail.users.models import UserProfile

import pytest
from django_tasks_db.models import DBTaskResult

from kommunen.permissions import ensure_editorial_access
from praxis.factories import PraxisPageFactory
from pruefung.apps import WAGTAIL_NOTIFIERS
from pruefung.comments import queue_comment_notifications

from .conftest import make_user, review, submit

pytestmark = pytest.mark.django_db

EDIT_LINK = "http://localhost:8000/admin/pages/{pk}/edit/"


def recipients() -> list[list[str]]:
    return sorted(message.to for message in mail.outbox)


def test_submitting_mails_each_reviewer_once_with_a_direct_link(
    client, people, draft, django_capture_on_commit_callbacks
):
    make_user("chef", is_superuser=True)  # Wagtail would mail superusers twice
    make_user("ehemals", people.coordinator.groups.get(), is_active=False)
    make_user("ohne-adresse", people.coordinator.groups.get(), email="")

    submit(client, people.officer, draft, django_capture_on_commit_callbacks)

    assert recipients() == [["koord2@example.org"], ["koord@example.org"]]
    message = next(m for m in mail.outbox if m.to == ["koord@example.org"])
    assert message.subject == "Zur Prüfung: Lotsen (Ahrensburg)"
    assert message.body.startswith("Guten Tag Karl Kreis,")
    assert (
        "Olga Amt hat das Praxisbeispiel „Lotsen“ der Stadt Ahrensburg zur Prüfung" in message.body
    )
    assert EDIT_LINK.format(pk=draft.pk) in message.body
    assert f"http://localhost:8000/admin/pages/workflow/preview/{draft.pk}/" in message.body
    assert "Vollständigkeit: 1 von 9 Angaben" in message.body
    assert (
        "es fehlen: Kosten, Einmalige Kosten, Personal, Förderung, Übertragbarkeit, Evidenz, "
        "Erfahrungen und Stolpersteine, Kontakt." in message.body
    )


def test_review_mails_are_tasks_not_sent_in_the_request(
    client, people, draft, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    queued = DBTaskResult.objects.filter(task_path="plattform.mail.send_email")
    assert sorted(result.args_kwargs["args"][2] for result in queued) == [
        ["koord2@example.org"],
        ["koord@example.org"],
    ]


def connected(signal) -> list:
    return [lookup_key[0] for lookup_key, *_rest in signal.receivers]


def test_wagtails_own_notifiers_are_replaced_by_the_queued_ones():
    for signal_name, _sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        assert dispatch_uid not in connected(getattr(signals, signal_name))
    assert "pruefung.task_submitted" in connected(signals.task_submitted)
    assert "pruefung.workflow_approved" in connected(signals.workflow_approved)
    assert "pruefung.workflow_rejected" in connected(signals.workflow_rejected)


def test_a_reviewer_who_turned_off_submission_mails_gets_none(
    client, people, draft, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(people.co_coordinator)
    profile.submitted_notifications = False
    profile.save()
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    assert recipients() == [["koord@example.org"]]


def test_without_a_reachable_reviewer_the_administrators_are_told(
    client, people, draft, django_capture_on_commit_callbacks
):
    people.coordinator.groups.clear()
    people.co_coordinator.groups.clear()
    make_user("chef", is_superuser=True)
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    assert recipients() == [["chef@example.org"]]


def test_a_kreisfreie_stadt_submits_to_the_platform_editors(
    client, world, people, django_capture_on_commit_callbacks
):
    entry = PraxisPageFactory(parent=world.schwerin, title="Hafenlotsen", live=False)
    entry.save_revision(user=people.schwerin_officer)
    submit(client, people.schwerin_officer, entry, django_capture_on_commit_callbacks)
    assert recipients() == [["plattform@example.org"]]
    assert mail.outbox[0].subject == "Zur Prüfung: Hafenlotsen (Schwerin)"


def test_approval_mails_the_author_with_the_comment_and_the_public_link(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(
        client,
        people.coordinator,
        draft,
        "approve",
        django_capture_on_commit_callbacks,
        comment="Sehr gut beschrieben.",
    )
    (message,) = mail.outbox
    assert message.to == ["officer@example.org"]
    assert message.subject == "Freigegeben: Lotsen (Ahrensburg)"
    assert (
        "Karl Kreis hat das Praxisbeispiel „Lotsen“ der Stadt Ahrensburg freigegeben."
        in message.body
    )
    assert "Es ist jetzt öffentlich:\nhttp://localhost/" in message.body
    assert "Kommentar der Prüfung:\nSehr gut beschrieben." in message.body
    assert EDIT_LINK.format(pk=draft.pk) in message.body


def test_a_change_request_mails_the_author_with_the_comment(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(
        client,
        people.co_coordinator,
        draft,
        "reject",
        django_capture_on_commit_callbacks,
        comment="Bitte die Kosten ergänzen.",
    )
    (message,) = mail.outbox
    assert message.to == ["officer@example.org"]
    assert message.subject == "Änderungen erbeten: Lotsen (Ahrensburg)"
    assert (
        "Für das Praxisbeispiel „Lotsen“ der Stadt Ahrensburg erbittet koord2 Änderungen."
        in message.body
    )
    assert "Kommentar der Prüfung:\nBitte die Kosten ergänzen." in message.body
    assert EDIT_LINK.format(pk=draft.pk) in message.body


def test_an_author_who_turned_off_decision_mails_gets_none(
    client, people, draft, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(people.officer)
    profile.rejected_notifications = False
    profile.save()
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(client, people.coordinator, draft, "reject", django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_comment_notifications_go_through_the_mail_task(
    people, draft, django_capture_on_commit_callbacks
):
    """Wagtail's comment mails (page editor) keep their recipients and templates but are queued."""
    PageSubscription.objects.create(page=draft, user=people.coordinator, comment_notifications=True)
    comment = Comment.objects.create(
        page=draft, user=people.officer, text="Sind die Kosten so richtig?", contentpath="personal"
    )
    changes = {
        "new_comments": [comment],
        "deleted_comments": [],
        "resolved_comments": [],
        "new_replies": [],
    }
    with django_capture_on_commit_callbacks(execute=True):
        queue_comment_notifications(draft, people.officer, changes)
    (message,) = mail.outbox
    assert message.to == ["koord@example.org"]
    assert "Sind die Kosten so richtig?" in message.body
    assert EDIT_LINK.format(pk=draft.pk) in message.body


def test_the_demo_accounts_have_addresses_for_the_review_mails(world):
    ensure_editorial_access(demo=True)
    users = get_user_model().objects.filter(username__in=["kommune-demo", "kreis-demo"])
    assert sorted(users.values_list("email", flat=True)) == [
        "kommune-demo@example.org",
        "kreis-demo@example.org",
    ]
