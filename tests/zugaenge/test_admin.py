"""The admin menu Zugänge: inviting, and the queue of participation requests with its decisions."""

import re
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from kommunen.models import KommunePage
from tests.zugaenge.conftest import request_for
from zugaenge.models import Status, Teilnahmeanfrage

QUEUE = reverse("teilnahmeanfragen:index")
INVITE = reverse("zugaenge_einladen")


def inspect_url(anfrage: Teilnahmeanfrage) -> str:
    return reverse("teilnahmeanfragen:inspect", args=(anfrage.pk,))


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as a signed-in user, with the mails of the committed work sent."""

    def post_as(user, url, data):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post_as


# --- the menu ------------------------------------------------------------------------------


def test_the_menu_shows_zugaenge_to_coordinators_and_the_platform_team_only(client, people):
    for user, shown in (
        (people.coordinator_x, True),
        (people.platform, True),
        (people.officer_a, False),
    ):
        client.force_login(user)
        html = client.get("/admin/").content.decode()  # the sidebar's items as JSON
        assert ("Zug\\u00e4nge" in html) is shown, user
        assert (INVITE in html and QUEUE in html) is shown, user


# --- the queue -----------------------------------------------------------------------------


def test_the_coordinator_sees_the_requests_of_the_kreis_with_their_columns(client, people):
    own = request_for(people.unregistered_x)
    request_for(people.unregistered_y)
    client.force_login(people.coordinator_x)
    html = client.get(QUEUE).content.decode()
    for heading in ("Kommune", "Kreis", "Name", "Eingegangen", "Status"):
        assert f">{heading}" in html or heading in html
    assert "Bargfeld-Stegen" in html and "Kreis Stormarn" in html and "offen" in html
    assert inspect_url(own) in html
    assert "Alt Mölln" not in html


def test_the_platform_team_sees_every_request(client, people):
    request_for(people.unregistered_x)
    request_for(people.unregistered_y)
    client.force_login(people.platform)
    html = client.get(QUEUE).content.decode()
    assert "Bargfeld-Stegen" in html and "Alt Mölln" in html


def test_the_request_page_shows_what_was_sent_and_both_decisions(client, people):
    anfrage = request_for(people.unregistered_x)
    client.force_login(people.coordinator_x)
    html = client.get(inspect_url(anfrage)).content.decode()
    assert "Wir möchten unser Sprachcafé zeigen." in html
    assert "Annehmen und einladen" in html and "Ablehnen und Begründung senden" in html
    assert "Kreis Stormarn" in html
    assert "Entschieden von" not in html  # nothing decided yet
    assert not re.search(r"<dd>\s*None\s*</dd>", html)


def test_a_decided_request_shows_who_decided_and_why(client, post, people):
    anfrage = request_for(people.unregistered_x)
    post(
        people.coordinator_x,
        inspect_url(anfrage),
        {"aktion": "ablehnen", "ablehnen-grund": "Doppelt."},
    )
    html = client.get(inspect_url(anfrage)).content.decode()
    assert "Entschieden von" in html and "Doppelt." in html
    assert "Annehmen und einladen" not in html


def test_accepting_creates_the_profile_and_sends_the_invitation(post, people):
    anfrage = request_for(people.unregistered_x, name="Erika Muster")
    response = post(people.coordinator_x, inspect_url(anfrage), {"aktion": "annehmen"})
    assert response.status_code == 302 and response.url == QUEUE
    anfrage.refresh_from_db()
    assert anfrage.status == Status.ANGENOMMEN
    assert anfrage.entschieden_von == people.coordinator_x and anfrage.entschieden_am
    user = anfrage.benutzer
    assert (user.email, user.first_name, user.last_name) == (anfrage.email, "Erika", "Muster")
    profile = KommunePage.objects.get(kommune=people.unregistered_x)
    assert profile.permissions_for_user(user).can_edit()
    (message,) = mail.outbox
    assert message.to == [anfrage.email]
    assert "vielen Dank für Ihre Anfrage, wir haben sie gern angenommen." in message.body
    assert re.search(r"/admin/password_reset/confirm/\S+/\S+/", str(message.body))
    assert "Wenden Sie sich dazu an stormarn <stormarn@example.org>" in message.body


def test_declining_needs_a_reason(client, post, people):
    anfrage = request_for(people.unregistered_x)
    response = post(people.coordinator_x, inspect_url(anfrage), {"aktion": "ablehnen"})
    assert response.status_code == 200
    assert "Bitte nennen Sie den Grund der Ablehnung." in response.content.decode()
    anfrage.refresh_from_db()
    assert anfrage.status == Status.OFFEN and mail.outbox == []


def test_declining_sends_the_reason_to_the_sender(post, people):
    anfrage = request_for(people.unregistered_x)
    reason = "Bitte melden Sie sich mit der Adresse Ihrer Gemeindeverwaltung."
    post(
        people.coordinator_x, inspect_url(anfrage), {"aktion": "ablehnen", "ablehnen-grund": reason}
    )
    anfrage.refresh_from_db()
    assert (anfrage.status, anfrage.ablehnungsgrund) == (Status.ABGELEHNT, reason)
    (message,) = mail.outbox
    assert message.to == [anfrage.email] and message.reply_to == ["stormarn@example.org"]
    assert message.subject == "Ihre Anfrage bei Praxisnetz Integration: Bargfeld-Stegen"
    assert reason in message.body
    assert not get_user_model().objects.filter(email=anfrage.email).exists()


def test_a_decided_request_is_not_decided_again(client, post, people):
    anfrage = request_for(people.unregistered_x)
    post(people.coordinator_x, inspect_url(anfrage), {"aktion": "ablehnen", "ablehnen-grund": "x"})
    response = post(people.coordinator_x, inspect_url(anfrage), {"aktion": "annehmen"})
    anfrage.refresh_from_db()
    assert anfrage.status == Status.ABGELEHNT and anfrage.benutzer is None
    assert "bereits entschieden" in client.get(response.url).content.decode()


def test_a_landkreis_request_is_accepted_as_kreis_coordination_by_the_platform(post, people):
    anfrage = request_for(people.lauenburg.kommune)
    post(people.platform, inspect_url(anfrage), {"aktion": "annehmen"})
    anfrage.refresh_from_db()
    assert anfrage.benutzer.groups.get().name == "Kreiskoordination Herzogtum Lauenburg"


def test_nobody_adds_or_edits_a_request_in_the_admin(client, people):
    anfrage = request_for(people.unregistered_x)
    client.force_login(people.platform)
    html = client.get(QUEUE).content.decode()
    assert "/admin/zugaenge/anfragen/new/" not in html
    assert client.get("/admin/zugaenge/anfragen/new/").status_code == 404
    assert client.get(f"/admin/zugaenge/anfragen/edit/{anfrage.pk}/").status_code == 404


def test_only_the_platform_team_deletes_a_request(client, people):
    anfrage = request_for(people.unregistered_x)
    delete_url = reverse("teilnahmeanfragen:delete", args=(anfrage.pk,))
    client.force_login(people.coordinator_x)
    client.post(delete_url)
    assert Teilnahmeanfrage.objects.filter(pk=anfrage.pk).exists()
    client.force_login(people.platform)
    client.post(delete_url)
    assert not Teilnahmeanfrage.objects.filter(pk=anfrage.pk).exists()


def test_decided_requests_are_deleted_after_the_retention_period(people):
    old = request_for(people.unregistered_x, status=Status.ABGELEHNT)
    Teilnahmeanfrage.objects.filter(pk=old.pk).update(
        entschieden_am=timezone.now() - timedelta(days=181)
    )
    recent = request_for(
        people.unregistered_y, status=Status.ABGELEHNT, entschieden_am=timezone.now()
    )
    waiting = request_for(people.moelln.kommune)
    out = StringIO()
    call_command("teilnahmeanfragen_loeschen", stdout=out)
    assert "Teilnahmeanfragen gelöscht: 1" in out.getvalue()
    assert set(Teilnahmeanfrage.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


# --- inviting ------------------------------------------------------------------------------


def invite(post, user, **fields):
    data = {"kommune": "Bargfeld-Stegen", "email": "lotse@bargfeld.example", "rolle": "beauftragte"}
    return post(user, INVITE, {**data, **fields})


def test_the_coordinator_invites_an_officer_of_a_gemeinde_of_the_kreis(post, people):
    response = invite(post, people.coordinator_x, name="Lena Lotse")
    assert response.status_code == 302
    user = get_user_model().objects.get(email="lotse@bargfeld.example")
    assert user.groups.get().name == "Integrationsbeauftragte Bargfeld-Stegen"
    (message,) = mail.outbox
    assert message.body.startswith("Guten Tag Lena Lotse,")


def test_the_coordinator_is_offered_the_officer_role_only(client, people):
    client.force_login(people.coordinator_x)
    html = client.get(INVITE).content.decode()
    assert 'value="beauftragte"' in html and 'value="koordination"' not in html
    assert "Integrationsbeauftragte der Gemeinden des Kreises Stormarn ein." in html
    assert 'data-vorschlaege-url="/suche/kommunen/"' in html


def test_the_coordinator_cannot_invite_for_another_kreis(post, people):
    response = invite(post, people.coordinator_x, kommune="Alt Mölln")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "Alt Mölln gehört nicht zu Ihrem Kreis. Sie können Integrationsbeauftragte für die " in html
    )
    assert "Gemeinden des Kreises Stormarn einladen." in html
    assert not get_user_model().objects.filter(email="lotse@bargfeld.example").exists()
    assert not KommunePage.objects.filter(kommune=people.unregistered_y).exists()
    assert mail.outbox == []


def test_the_coordinator_cannot_invite_a_coordination_even_when_posting_it(post, people):
    response = invite(post, people.coordinator_x, kommune="Kreis Stormarn", rolle="koordination")
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="lotse@bargfeld.example").exists()


def test_the_platform_team_invites_for_any_kommune_and_role(post, people):
    invite(post, people.platform, kommune="Alt Mölln (01053005)")
    invite(
        post, people.platform, kommune="01053", rolle="koordination", email="k@lauenburg.example"
    )
    officer = get_user_model().objects.get(email="lotse@bargfeld.example")
    coordinator = get_user_model().objects.get(email="k@lauenburg.example")
    assert officer.groups.get().name == "Integrationsbeauftragte Alt Mölln"
    assert coordinator.groups.get().name == "Kreiskoordination Herzogtum Lauenburg"


def test_a_role_that_does_not_fit_the_kommune_is_explained(post, people):
    html = invite(post, people.platform, rolle="koordination").content.decode()
    assert "Die Rolle Kreiskoordination gibt es nur für Landkreise" in html


def test_officers_may_not_invite(client, post, people):
    client.force_login(people.officer_a)
    assert client.get(INVITE).status_code in (302, 403)
    invite(post, people.officer_a)
    assert not get_user_model().objects.filter(email="lotse@bargfeld.example").exists()
