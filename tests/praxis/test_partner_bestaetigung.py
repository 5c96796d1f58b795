"""Partner Kommunen named on an entry confirm the partnership before the entry shows on their
profile; only their editors (edit permission on their profile page) may decide."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from praxis import partnerschaft
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage, PraxisPartner

pytestmark = pytest.mark.django_db
ENTRY_TITLE = "Gemeinsame Sprachlotsen"


def editor_of(page: Page, username: str, *codenames: str):
    """A user whose own group may edit (and, if asked, publish) below `page`; no group names
    are relied on, only page permissions."""
    group = Group.objects.create(name=f"Test {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", *codenames):
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="geheim"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def people(world) -> dict:
    return {
        "ahrensburg": editor_of(world.ahrensburg, "ahrensburg"),
        "bargteheide": editor_of(world.bargteheide, "bargteheide"),
        "schwerin": editor_of(world.schwerin, "schwerin"),
        "kreis": editor_of(world.kreis, "kreis", "publish_page"),
    }


def publish(page: PraxisPage, user, capture) -> PraxisPage:
    """Publish the latest revision as `user` (its author), with the after-commit work done."""
    draft = PraxisPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    with capture(execute=True):
        draft.save_revision(user=user).publish()
    return PraxisPage.objects.get(pk=page.pk)


@pytest.fixture
def entry(world, people, django_capture_on_commit_callbacks) -> PraxisPage:
    """Bargteheide's entry naming Ahrensburg as partner, published by Bargteheide's officer."""
    draft = PraxisPageFactory(
        parent=world.bargteheide,
        title=ENTRY_TITLE,
        live=False,
        partner=[world.ahrensburg.kommune],
        partner__bestaetigt=False,
    )
    return publish(draft, people["bargteheide"], django_capture_on_commit_callbacks)


def partnership(entry: PraxisPage) -> PraxisPartner:
    return PraxisPartner.objects.get(page=entry)


def decide(client: Client, entry: PraxisPage, decision: str, next_url: str = "/admin/"):
    url = reverse("praxis_partner_decide", args=(partnership(entry).pk, decision))
    return client.post(url, {"next": next_url})


def test_profile_shows_the_entry_only_once_the_partner_confirmed(client, world, entry, people):
    response = client.get(world.ahrensburg.url)
    assertNotContains(response, ENTRY_TITLE)
    assert not PraxisPage.objects.partnered_by(world.ahrensburg.kommune).exists()
    partnerschaft.confirm(partnership(entry), people["ahrensburg"])
    response = client.get(world.ahrensburg.url)
    assertContains(response, "Als Partnerkommune beteiligt an")
    assertContains(response, ENTRY_TITLE)
    assert list(PraxisPage.objects.partnered_by(world.ahrensburg.kommune)) == [entry]


def test_the_entry_page_names_the_partner_while_it_is_asked(client, entry):
    assertContains(client.get(entry.url), "Ahrensburg</a>")


def test_publishing_mails_the_partners_own_editors_once(
    entry, people, mailoutbox, django_capture_on_commit_callbacks
):
    (mail,) = mailoutbox
    assert mail.to == ["ahrensburg@example.org"]  # not the Kreis coordination above them
    assert mail.subject == f"Partnerschaft bestätigen: {ENTRY_TITLE}"
    assert "Bargteheide nennt Ahrensburg als Partnerkommune" in mail.body
    assert "/admin/partneranfragen/" in mail.body and entry.url in mail.body
    assert partnership(entry).angefragt_am is not None
    publish(entry, people["bargteheide"], django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1


def test_partner_editors_see_the_request_on_their_dashboard(client, entry, people):
    client.force_login(people["ahrensburg"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partneranfragen" in html and ENTRY_TITLE in html
    assert "Bestätigen" in html and "Ablehnen" in html
    listing = client.get(reverse("praxis_partner_requests"))
    assertContains(listing, ENTRY_TITLE)
    for other in ("schwerin", "bargteheide"):
        client.force_login(people[other])
        assertNotContains(client.get(reverse("wagtailadmin_home")), ENTRY_TITLE)
        assertNotContains(client.get(reverse("praxis_partner_requests")), ENTRY_TITLE)


def test_partner_editor_confirms(client, world, entry, people):
    client.force_login(people["ahrensburg"])
    response = decide(client, entry, "bestaetigen")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    confirmed = partnership(entry)
    assert confirmed.bestaetigt and confirmed.bestaetigt_am is not None
    assert confirmed.bestaetigt_von == people["ahrensburg"]
    assertContains(client.get(world.ahrensburg.url), ENTRY_TITLE)
    assertNotContains(client.get(reverse("wagtailadmin_home")), 'id="partner-requests"')
    assert decide(client, entry, "bestaetigen").status_code == 404  # decided already


def assert_refused(response) -> None:
    """Wagtail answers a PermissionDenied in an admin view with its German message."""
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assertContains(response, "Sie haben leider keinen Zugang zu diesem Bereich.")


def test_others_cannot_decide(client, entry, people):
    url = reverse("praxis_partner_decide", args=(partnership(entry).pk, "bestaetigen"))
    for other in ("schwerin", "bargteheide"):  # another Kommune, and the lead itself
        client.force_login(people[other])
        assert_refused(client.post(url, {"next": "/admin/"}, follow=True))
        decline_url = reverse("praxis_partner_decide", args=(partnership(entry).pk, "ablehnen"))
        assert_refused(client.post(decline_url, follow=True))
        # As an AJAX request the refusal is a plain 403.
        assert client.post(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    client.logout()
    assert decide(client, entry, "bestaetigen").status_code == 302  # to the login
    client.force_login(people["ahrensburg"])
    assert client.get(url).status_code == 405
    assert decide(client, entry, "vielleicht").status_code == 404
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(people["ahrensburg"])
    assert csrf_client.post(url).status_code == 403
    assert not partnership(entry).bestaetigt and partnership(entry).abgelehnt_am is None


def test_next_never_leads_to_another_host(client, entry, people):
    client.force_login(people["ahrensburg"])
    response = decide(client, entry, "bestaetigen", next_url="https://example.com/")
    assert response["Location"] == reverse("praxis_partner_requests")


def test_the_kreis_coordination_may_decide_for_its_gemeinden(client, entry, people):
    client.force_login(people["kreis"])
    assertContains(client.get(reverse("praxis_partner_requests")), ENTRY_TITLE)
    assert decide(client, entry, "bestaetigen").status_code == 302
    assert partnership(entry).bestaetigt_von == people["kreis"]


def test_an_author_who_edits_the_partner_too_confirms_by_publishing(
    world, people, mailoutbox, django_capture_on_commit_callbacks
):
    draft = PraxisPageFactory(
        parent=world.bargteheide,
        live=False,
        partner=[world.ahrensburg.kommune, world.schwerin.kommune],
        partner__bestaetigt=False,
    )
    page = publish(draft, people["kreis"], django_capture_on_commit_callbacks)
    rows = {p.kommune_id: p for p in PraxisPartner.objects.filter(page=page)}
    ahrensburg, schwerin = rows[world.ahrensburg.kommune_id], rows[world.schwerin.kommune_id]
    assert ahrensburg.bestaetigt and ahrensburg.bestaetigt_von == people["kreis"]
    assert not schwerin.bestaetigt  # outside the Kreis: Schwerin is asked
    assert [mail.to for mail in mailoutbox] == [["schwerin@example.org"]]


def test_declining_removes_the_partner_from_the_entry_and_tells_the_lead(
    client, entry, people, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    client.force_login(people["ahrensburg"])
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, entry, "ablehnen")
    assert response.status_code == 302
    declined = partnership(entry)
    assert declined.abgelehnt_am and declined.abgelehnt_von == people["ahrensburg"]
    assert not declined.bestaetigt
    client.logout()
    assertNotContains(client.get(entry.url), "Partnerkommunen")
    (mail,) = mailoutbox
    assert mail.to == ["bargteheide@example.org"]
    assert mail.subject == f"Partnerschaft abgelehnt: {ENTRY_TITLE}"
    assert not partnerschaft.open_requests_for(people["ahrensburg"]).exists()


def test_publishing_an_older_copy_keeps_the_decision(
    entry, people, django_capture_on_commit_callbacks
):
    stale = PraxisPage.objects.get(pk=entry.pk).get_latest_revision_as_object()
    partnerschaft.confirm(partnership(entry), people["ahrensburg"])
    stale.title = "Gemeinsame Sprachlotsen im Kreis"  # the lead edits a copy from before
    with django_capture_on_commit_callbacks(execute=True):
        stale.save_revision(user=people["bargteheide"]).publish()
    kept = partnership(entry)
    assert kept.bestaetigt and kept.bestaetigt_von == people["ahrensburg"]


def test_naming_another_kommune_in_the_row_is_a_new_request(world, entry, people):
    row = partnership(entry)
    partnerschaft.confirm(row, people["ahrensburg"])
    row.kommune = world.schwerin.kommune
    row.save()
    row.refresh_from_db()
    assert not row.bestaetigt and row.bestaetigt_von is None and row.angefragt_am is None


def test_drafts_ask_nobody(world, people, mailoutbox):
    PraxisPageFactory(
        parent=world.bargteheide,
        title="Noch geheim",
        live=False,
        partner=[world.ahrensburg.kommune],
        partner__bestaetigt=False,
    )
    assert not partnerschaft.open_requests_for(people["ahrensburg"]).exists()
    assert not mailoutbox


def test_partnerships_named_before_confirmation_existed_stay_confirmed(world):
    """The data step of praxis/migrations/0005_uebernahme.py."""
    rows = PraxisPartner.objects.filter(page=world.entry)
    rows.update(bestaetigt=False)
    migration = importlib.import_module("praxis.migrations.0005_uebernahme")
    migration.confirm_existing_partnerships(apps, None)
    assert rows.count() == 2 and all(row.bestaetigt for row in rows)


def test_partner_editors_see_and_confirm_on_postgres(require_postgres, client, entry, people):
    """The request queries (permission subtrees, profile joins) on PostgreSQL."""
    assert list(partnerschaft.open_requests_for(people["ahrensburg"])) == [partnership(entry)]
    assert not partnerschaft.open_requests_for(people["schwerin"]).exists()
    client.force_login(people["schwerin"])
    decide(client, entry, "bestaetigen")
    assert not partnership(entry).bestaetigt
    client.force_login(people["ahrensburg"])
    decide(client, entry, "bestaetigen")
    assert partnership(entry).bestaetigt_von == people["ahrensburg"]
    assert (
        PraxisPage.objects.live().public().partnered_by(entry.partner.get().kommune).get() == entry
    )


def test_editing_the_entry_in_the_admin_keeps_the_confirmation(
    client, world, entry, people, django_capture_on_commit_callbacks
):
    row = partnership(entry)
    partnerschaft.confirm(row, people["ahrensburg"])
    client.force_login(people["kreis"])  # may publish below the Kreis
    partner = {"id": row.pk, "kommune": row.kommune_id, "ORDER": 1, "DELETE": ""}
    data = nested_form_data(
        {
            "title": "Gemeinsame Sprachlotsen (neu)",
            "slug": entry.slug,
            "kurzbeschreibung": entry.kurzbeschreibung,
            "body": streamfield([]),
            "status": entry.status,
            "beginn": "",
            "ende": "",
            "partner": inline_formset([partner], initial=1),
            "foerderungen": inline_formset([]),
            "links": inline_formset([]),
        }
    )
    data["handlungsfelder"] = [h.pk for h in entry.handlungsfelder.all()]
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:edit", args=(entry.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PraxisPage.objects.get(pk=entry.pk).title == "Gemeinsame Sprachlotsen (neu)"
    kept = partnership(entry)
    assert kept.pk == row.pk and kept.bestaetigt and kept.bestaetigt_von == people["ahrensburg"]
