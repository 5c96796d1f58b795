"""A mail server that is down delays a contact request's mail and loses nothing: the request
is stored at once, the mail task is queued again after the refusal and sent by a later worker
run, and only then does the request count as delivered."""

from django.core import mail
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kontakt.models import Kontaktanfrage
from kontakt.views import contact_url
from tests.kontakt.conftest import SENDER, form_data

# The database task backend as in production, a worker run by hand; no test transaction
# around it, and serialized_rollback restores what the migrations created.
WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()


@WORKER_DB
def test_a_mail_server_that_is_down_delays_the_mail_and_loses_nothing(
    client, committed_world, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.kontakt.backends.RefusingBackend"
    response = client.post(contact_url(committed_world.entry), form_data())
    assert response.status_code == 302
    run_worker()
    anfrage = Kontaktanfrage.objects.get()
    assert not anfrage.zugestellt and mail.outbox == []
    mail_tasks = DBTaskResult.objects.filter(task_path="plattform.mail.send_email")
    task = mail_tasks.get()
    assert task.status == TaskResultStatus.READY  # queued again after the refusal
    assert task.exception_class_path.endswith("ConnectionRefusedError")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail_tasks.update(run_after=timezone.now())  # the backoff has passed
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["muster@example.org"] and message.reply_to == [SENDER]
    anfrage.refresh_from_db()
    assert anfrage.zugestellt and anfrage.zugestellt_am is not None
    assert mail_tasks.get().status == TaskResultStatus.SUCCESSFUL
