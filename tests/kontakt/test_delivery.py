"""Where a contact request goes: the named contact first, then the Kommune's editors, then the
platform team; always with Reply-To the sender, and never lost, not even while the mail server
is down."""

import logging

from django.core import mail
from django.utils import timezone

import pytest

from kommunen.models import Kontaktperson
from kommunen.permissions import (
    ensure_kommune_editors,
    ensure_kreis_coordination,
    ensure_platform_editors,
)
from kontakt.models import Kontaktanfrage, Zustellweg
from plattform.models import PlattformEinstellungen
from praxis.factories import PraxisPageFactory
from tests.kontakt.conftest import SENDER, make_user

pytestmark = pytest.mark.django_db


def only_message():
    (message,) = mail.outbox
    return message


def test_an_entry_with_a_contact_address_mails_that_person_reply_to_the_sender(send, world):
    send(world.entry, kommune="01062001", nachricht="Wie viele Ehrenamtliche braucht es?")
    message = only_message()
    assert message.to == ["muster@example.org"]
    assert message.reply_to == [SENDER]
    assert message.subject == (
        f"Hospitation (Besuch vor Ort) zu „{world.entry.title}“: "
        "Kontaktanfrage über Praxisnetz Integration"
    )
    for text in (
        "Anliegen: Hospitation (Besuch vor Ort)",
        "Name: Hanna Besucherin",
        f"E-Mail: {SENDER}",
        "Kommune: Ahrensburg (01062001)",
        f"Seite: http://localhost{world.entry.url}",
        "Wie viele Ehrenamtliche braucht es?",
        "Antworten Sie einfach auf diese E-Mail",
        "/admin/kontaktanfragen/",
    ):
        assert text in message.body, text
    assert "keine Ansprechperson" not in message.body
    assert Kontaktanfrage.objects.get().zustellweg == Zustellweg.ANSPRECHPERSON_PRAXIS


def test_an_entry_without_address_mails_the_lead_kommunes_first_contact_with_one(send, world):
    entry = PraxisPageFactory(parent=world.ahrensburg, title="Lotsen", kontakt_email="")
    Kontaktperson.objects.create(page=world.ahrensburg, name="Ohne Adresse", sort_order=0)
    world.ahrensburg.kontaktpersonen.filter(name="Max Geheim").update(sort_order=1)
    world.ahrensburg.kontaktpersonen.filter(name="Erika Offen").update(sort_order=2)
    send(entry)
    # Consent concerns publication; an unpublished contact still receives the mail.
    assert only_message().to == ["geheim@example.org"]
    anfrage = Kontaktanfrage.objects.get()
    assert anfrage.empfaenger_kommune == world.ahrensburg.kommune
    assert anfrage.zustellweg == Zustellweg.ANSPRECHPERSON_KOMMUNE


def test_a_profile_mails_its_first_contact_person_with_an_address(send, world):
    send(world.ahrensburg)
    message = only_message()
    assert message.to == ["offen@example.org"] and message.reply_to == [SENDER]
    assert f"zu „{world.ahrensburg.title}“" in message.subject


def test_without_contacts_the_kommunes_editors_get_it_with_a_note(send, world):
    officer = make_user("beauftragte", ensure_kommune_editors(world.bargteheide))
    make_user("ohne-gruppe")
    send(world.bargteheide)
    message = only_message()
    assert message.to == [officer.email]
    assert "keine Ansprechperson mit E-Mail-Adresse eingetragen" in message.body
    assert Kontaktanfrage.objects.get().zustellweg == Zustellweg.REDAKTION


def test_a_landkreis_without_contacts_mails_its_coordination(send, world):
    coordinator = make_user("koordination", ensure_kreis_coordination(world.kreis))
    officer = make_user("beauftragte", ensure_kommune_editors(world.ahrensburg))
    send(world.kreis)
    assert only_message().to == [coordinator.email]
    assert officer.email not in only_message().to


def test_an_entry_without_any_contact_reaches_the_editors_of_its_kommune(send, world):
    entry = world.entries["sprachpaten"]
    officer = make_user("beauftragte", ensure_kommune_editors(world.bargteheide))
    send(entry)
    assert only_message().to == [officer.email]


def test_without_editors_the_platform_team_gets_it(send, world):
    team = make_user("plattform", ensure_platform_editors())
    send(world.bargteheide)
    assert only_message().to == [team.email]
    assert Kontaktanfrage.objects.get().zustellweg == Zustellweg.PLATTFORM


def test_without_a_platform_team_the_operator_address_then_the_administrators(
    send, world, home_page
):
    operator = PlattformEinstellungen.for_site(home_page.get_site())
    operator.kontakt_email = "betrieb@example.org"
    operator.save()
    send(world.bargteheide)
    assert only_message().to == ["betrieb@example.org"]

    operator.kontakt_email = ""
    operator.save()
    admin = make_user("admin2", is_superuser=True, is_staff=True)
    mail.outbox.clear()
    send(world.bargteheide)
    assert only_message().to == [admin.email]


def test_with_no_address_anywhere_the_request_is_kept_for_the_admin(send, world, caplog):
    with caplog.at_level(logging.ERROR, logger="kontakt.delivery"):
        assert send(world.bargteheide).status_code == 302
    anfrage = Kontaktanfrage.objects.get()
    assert not anfrage.zugestellt and mail.outbox == []
    assert f"Kontaktanfrage {anfrage.pk}: no address" in caplog.text


def test_inactive_editors_and_editors_without_address_are_skipped(send, world):
    group = ensure_kommune_editors(world.bargteheide)
    make_user("weg", group, is_active=False)
    nobody = make_user("ohne-adresse", group)
    nobody.email = ""
    nobody.save()
    team = make_user("plattform", ensure_platform_editors())
    send(world.bargteheide)
    assert only_message().to == [team.email]


def test_a_delivered_request_records_when(send, world):
    before = timezone.now()
    send(world.entry)
    anfrage = Kontaktanfrage.objects.get()
    assert anfrage.zugestellt and anfrage.zugestellt_am is not None
    assert before <= anfrage.zugestellt_am <= timezone.now()
