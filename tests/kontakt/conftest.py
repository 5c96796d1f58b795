"""Fixtures of the contact tests: filled-in forms, sending them, stored requests, editors."""

import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing

import pytest

from kontakt.models import Anliegen, Kontaktanfrage
from kontakt.recipients import recipients_for
from kontakt.views import contact_url
from plattform import formschutz

SENDER = "besucherin@example.net"


def shown(seconds_ago: float = 20) -> str:
    """The signed timestamp of a form shown that many seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=formschutz._SALT)


def form_data(**overrides) -> dict:
    """A complete, valid submission; keyword arguments replace or add fields."""
    data = {
        "name": "Hanna Besucherin",
        "email": SENDER,
        "kommune": "",
        "anliegen": Anliegen.HOSPITATION,
        "nachricht": "Dürfen wir im März einmal vorbeikommen und zuschauen?",
        "einwilligung": "on",
        "website": "",
        "angezeigt": shown(),
    }
    return {key: value for key, value in (data | overrides).items() if value is not None}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks) -> Callable:
    """POST the form of a page (mails go out as after a real commit); returns the response."""

    def send(page, follow: bool = False, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(contact_url(page), form_data(**overrides), follow=follow)

    return send


def make_request(page, **fields) -> Kontaktanfrage:
    """A stored request to `page`, as the form would store it."""
    values = {
        "page": page,
        "empfaenger_kommune": recipients_for(page).kommune,
        "name": "Hanna Besucherin",
        "email": SENDER,
        "anliegen": Anliegen.FRAGE,
        "nachricht": "Wie viel hat das gekostet?",
        "einwilligung": True,
    }
    return Kontaktanfrage.objects.create(**(values | fields))


def make_user(username: str, *groups: Group, **fields):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw", **fields
    )
    user.groups.set(groups)
    return user
