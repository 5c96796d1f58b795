"""Every mail the platform sends goes out through one task.

A mail server that is down or slow delays a message instead of losing it or failing the action
that caused it: the task is stored (django-tasks, database backend), and plattform.task_retry
runs it again after a passing failure (connection refused, timeout, server hung up).

Whoever needs to know that a message went out (e.g. a stored contact request) passes a
`reference` and listens to `email_sent`, which names it once the server accepted the message.
"""

import logging
from collections.abc import Iterable

from django.core.mail import EmailMessage
from django.db import transaction
from django.dispatch import Signal

from django_tasks import task

logger = logging.getLogger(__name__)

# Sent after a message with a `reference` was handed to the mail server; kwargs: reference.
email_sent = Signal()


@task()
def send_email(
    subject: str, body: str, to: list[str], reply_to: list[str], reference: str = ""
) -> int:
    """Send one plain-text message; returns the number of messages sent (1)."""
    sent = EmailMessage(subject, body, to=to, reply_to=reply_to or None).send()
    if reference:
        # A failing receiver must not fail the task: the retry would send the mail twice.
        for receiver, error in email_sent.send_robust(sender=send_email, reference=reference):
            if isinstance(error, Exception):
                logger.error("email_sent receiver %r failed for %s: %s", receiver, reference, error)
    return sent


def queue_email(
    subject: str, body: str, to: Iterable[str], reply_to: Iterable[str] = (), reference: str = ""
) -> bool:
    """Queue the message once the current transaction commits (a rolled-back action sends
    nothing); False if there is no address to send it to."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return False
    replies = [address for address in reply_to if address]
    transaction.on_commit(
        lambda: send_email.enqueue(str(subject), str(body), recipients, replies, reference)
    )
    return True
