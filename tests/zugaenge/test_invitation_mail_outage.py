"""A mail server that is down delays the invitation a coordinator sends and loses nothing: the
access exists at once, the mail task is queued again after the refusal and delivered by a later
worker run through a real SMTP server, and its set-your-password link still works."""

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.plattform.smtp_listener import SmtpListener
from tests.plattform.test_tasks import let_backoff_pass, run_worker
from tests.zugaenge.conftest import build_people

# The database task backend as in production, a worker run by hand: no test transaction around
# it, and serialized_rollback restores what the migrations created.
WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)
INVITE = reverse("zugaenge_einladen")
ADDRESS = "lotse@bargfeld.example"


@pytest.fixture
def mail_server(settings) -> Iterator[SmtpListener]:
    """Django's SMTP backend pointed at a port where, until `start()`, nothing listens."""
    listener = SmtpListener()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield listener
    listener.stop()


@WORKER_DB
def test_an_invitation_waits_for_the_mail_server_and_its_link_works_once_sent(
    client, committed_world, settings, mail_server
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    people = build_people(committed_world)
    client.force_login(people.coordinator_x)
    data = {"kommune": "Bargfeld-Stegen", "email": ADDRESS, "rolle": "beauftragte"}
    assert client.post(INVITE, {**data, "name": "Lena Lotse"}).status_code == 302
    invited = get_user_model().objects.get(email=ADDRESS)
    assert invited.groups.get().name == "Integrationsbeauftragte Bargfeld-Stegen"

    run_worker()  # the mail server refuses the connection
    (queued,) = DBTaskResult.objects.filter(task_path="plattform.mail.send_email")
    assert queued.status == TaskResultStatus.READY  # waits for its next attempt
    assert queued.exception_class_path.endswith("ConnectionRefusedError")

    mail_server.start()
    let_backoff_pass(str(queued.id))
    run_worker()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    (message,) = mail_server.messages
    assert message["To"] == ADDRESS
    assert message["Subject"] == "Ihr Zugang zu Praxisnetz Integration: Bargfeld-Stegen"
    body = message.get_content()
    assert body.startswith("Guten Tag Lena Lotse,")
    (link,) = re.findall(r"https?://\S+/password_reset/confirm/\S+", body)
    client.logout()
    set_password = client.get(urlsplit(link).path, follow=True)
    assert 'name="new_password1"' in set_password.content.decode()  # the token is valid
