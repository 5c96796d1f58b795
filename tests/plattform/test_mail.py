"""Mail goes out through a task, after the transaction, to real addresses only."""

from django.core import mail

import pytest

from plattform.mail import queue_email


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queued_mail_is_sent_after_commit_with_reply_to():
    assert queue_email("Betreff", "Text", ["b@example.org", "", "a@example.org"], ["s@example.org"])
    (message,) = mail.outbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.reply_to == ["s@example.org"]
    assert (message.subject, message.body) == ("Betreff", "Text")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_action_sends_nothing():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email("Betreff", "Text", ["a@example.org"])
        raise RuntimeError
    assert mail.outbox == []


@pytest.mark.django_db
def test_without_an_address_nothing_is_queued():
    assert not queue_email("Betreff", "Text", ["", ""])
