"""A mail server that refuses connections delays the review mails and loses none: the mail
task fails, is queued again with a backoff and delivered once the server answers."""

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from wagtail.models import TaskState

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.plattform.test_tasks import let_backoff_pass, run_worker
from tests.world import build_world

from .conftest import group_of, make_user

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """The fault: a mail server that is down (the test's only stand-in)."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_review_mails_wait_for_a_mail_server_that_is_down(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    world = build_world()
    officer = make_user("officer", group_of(world.bargteheide))
    make_user("koord", group_of(world.kreis))
    entry = world.entries["sprachpaten"]

    with transaction.atomic():  # the officer's request: the mail is queued on commit
        entry.save_revision(user=officer)
        entry.get_workflow().start(entry, officer)
    (queued,) = DBTaskResult.objects.filter(task_path="plattform.mail.send_email")

    run_worker()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.READY  # failed, waits for its next attempt
    assert mail.outbox == []
    assert TaskState.objects.get().status == TaskState.STATUS_IN_PROGRESS  # review unaffected

    settings.EMAIL_BACKEND = LOCMEM  # the server is back
    let_backoff_pass(str(queued.id))
    run_worker()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox] == [["koord@example.org"]]
    assert mail.outbox[0].subject == "Zur Prüfung: Sprachpaten (Bargteheide)"
