"""The public forms' spam protection: honeypot, minimum fill time, limit per client address."""

import time

from django import forms
from django.core import signing
from django.test import RequestFactory

import pytest

from plattform import formschutz
from plattform.formschutz import GeschuetztesFormular, limit_reached
from plattform.models import Formularversand


class NachrichtForm(GeschuetztesFormular):
    nachricht = forms.CharField()


def shown(seconds_ago: float) -> str:
    """The signed timestamp of a form shown that many seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=formschutz._SALT)


def test_a_person_who_took_their_time_gets_through():
    form = NachrichtForm({"nachricht": "Hallo", "website": "", "angezeigt": shown(20)})
    assert form.is_valid(), form.errors


def test_the_unbound_form_carries_a_fresh_signed_timestamp():
    token = NachrichtForm().initial["angezeigt"]
    assert time.time() - signing.loads(token, salt=formschutz._SALT) < 5


def test_a_filled_honeypot_is_refused():
    form = NachrichtForm({"nachricht": "Hallo", "website": "http://spam", "angezeigt": shown(20)})
    assert not form.is_valid()
    assert form.non_field_errors() == [str(formschutz.HONEYPOT_ERROR)]


def test_a_form_sent_within_the_minimum_fill_time_is_refused():
    form = NachrichtForm({"nachricht": "Hallo", "angezeigt": shown(1)})
    assert not form.is_valid()
    assert form.non_field_errors() == [str(formschutz.TOO_FAST_ERROR)]


@pytest.mark.parametrize("token", ["", "12345", signing.dumps(time.time(), salt="other")])
def test_a_missing_or_forged_timestamp_is_refused_and_renewed(token):
    form = NachrichtForm({"nachricht": "Hallo", "angezeigt": token})
    assert not form.is_valid()
    assert form.non_field_errors() == [str(formschutz.EXPIRED_ERROR)]
    assert signing.loads(form.data["angezeigt"], salt=formschutz._SALT)


def test_the_honeypot_is_hidden_from_people_but_labelled():
    html = str(NachrichtForm()["website"])
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html


@pytest.mark.django_db
def test_the_sixth_submission_within_an_hour_is_over_the_limit():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    assert [limit_reached(request, "kontakt") for _ in range(6)] == [False] * 5 + [True]
    other_client = RequestFactory().post("/", REMOTE_ADDR="192.0.2.8")
    assert not limit_reached(other_client, "kontakt")
    assert not limit_reached(request, "mitmachen")


@pytest.mark.django_db
def test_addresses_are_stored_only_as_hashes_and_only_for_the_window():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    limit_reached(request, "kontakt")
    stored = Formularversand.objects.get()
    assert "192.0.2.7" not in stored.client and len(stored.client) == 64
    Formularversand.objects.update(zeitpunkt=stored.zeitpunkt.replace(year=2000))
    assert not limit_reached(request, "kontakt")
    assert Formularversand.objects.count() == 1
