"""Someone who asked to take over a practice is reminded, once their Kommune publishes an entry,
to name the original as `uebernommen_von` (issue 8.4), once, and not if it already does."""

from django.core import mail

import pytest

from kontakt.models import Anliegen, Kontaktanfrage
from praxis.factories import PraxisPageFactory

from .conftest import SENDER, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(world) -> Kontaktanfrage:
    """Ahrensburg asked Bargteheide about taking over its entry."""
    return make_request(world.entry, anliegen=Anliegen.UEBERNAHME, kommune=world.ahrensburg.kommune)


def publish_own_entry(world, django_capture_on_commit_callbacks, **fields):
    entry = PraxisPageFactory(parent=world.ahrensburg, title="Sprachcafé im Rathaus", **fields)
    with django_capture_on_commit_callbacks(execute=True):
        entry.save_revision().publish()
    return entry


def test_the_sender_is_reminded_once_to_link_the_original(
    world, question, django_capture_on_commit_callbacks
):
    entry = publish_own_entry(world, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == [SENDER]
    assert world.entry.title in message.subject and entry.title in message.subject
    assert f"/admin/pages/{entry.pk}/edit/" in message.body
    assert "Übernommen von" in message.body
    question.refresh_from_db()
    assert question.erinnert_am is not None
    with django_capture_on_commit_callbacks(execute=True):
        entry.save_revision().publish()
    assert len(mail.outbox) == 1


def test_no_reminder_when_the_entry_names_its_original(
    world, question, django_capture_on_commit_callbacks
):
    publish_own_entry(world, django_capture_on_commit_callbacks, uebernommen_von=world.entry)
    assert mail.outbox == []


def test_only_take_over_requests_of_the_same_kommune_remind(
    world, django_capture_on_commit_callbacks
):
    make_request(world.entry, anliegen=Anliegen.FRAGE, kommune=world.ahrensburg.kommune)
    make_request(world.entry, anliegen=Anliegen.UEBERNAHME, kommune=world.schwerin.kommune)
    publish_own_entry(world, django_capture_on_commit_callbacks)
    assert mail.outbox == []
