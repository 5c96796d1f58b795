"""Every mail the platform sends goes out through one task.

A mail server that is down or slow delays a message instead of losing it or failing the action
that caused it: the task is stored (django-tasks, database backend), and plattform.task_retry
runs it again after a passing failure (connection refused, timeout, server hung up).
"""

from collections.abc import Iterable

from django.core.mail import EmailMessage
from django.db import transaction

from django_tasks import task


@task()
def send_email(subject: str, body: str, to: list[str], reply_to: list[str]) -> int:
    """Send one plain-text message; returns the number of messages sent (1)."""
    return EmailMessage(subject, body, to=to, reply_to=reply_to or None).send()


def queue_email(subject: str, body: str, to: Iterable[str], reply_to: Iterable[str] = ()) -> bool:
    """Queue the message once the current transaction commits (a rolled-back action sends
    nothing); False if there is no address to send it to."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return False
    replies = [address for address in reply_to if address]
    transaction.on_commit(lambda: send_email.enqueue(str(subject), str(body), recipients, replies))
    return True
