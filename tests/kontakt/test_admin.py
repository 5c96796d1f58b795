"""Contact requests in the admin: read-only, and only for those who may edit the recipient's
profile or one of its ancestors (its editors, its Kreiskoordination, the platform editors)."""

from datetime import UTC, datetime

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse

from wagtail.models import ReferenceIndex

import pytest

from kommunen.permissions import (
    ensure_kommune_editors,
    ensure_kreis_coordination,
    ensure_platform_editors,
)
from kontakt.models import Anliegen, Kontaktanfrage
from tests.kontakt.conftest import make_request, make_user

pytestmark = pytest.mark.django_db

INDEX = "kontakt_kontaktanfrage:index"


@pytest.fixture
def requests(world) -> dict[str, Kontaktanfrage]:
    """One request to each Kommune of the world, each from a sender with its own name."""
    return {
        "ahrensburg": make_request(world.ahrensburg, name="An Ahrensburg"),
        "bargteheide": make_request(
            world.entry, name="An Bargteheide", anliegen=Anliegen.HOSPITATION
        ),
        "kreis": make_request(world.kreis, name="An den Kreis"),
        "schwerin": make_request(world.entries["sprachkurs"], name="An Schwerin"),
    }


@pytest.fixture
def users(world) -> dict:
    return {
        "ahrensburg": make_user("ahrensburg", ensure_kommune_editors(world.ahrensburg)),
        "bargteheide": make_user("bargteheide", ensure_kommune_editors(world.bargteheide)),
        "schwerin": make_user("schwerin", ensure_kommune_editors(world.schwerin)),
        "kreis": make_user("kreis", ensure_kreis_coordination(world.kreis)),
        "plattform": make_user("plattform", ensure_platform_editors()),
        "admin": make_user("admin", is_superuser=True, is_staff=True),
    }


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed(user, query: str = "") -> set[str]:
    response = logged_in(user).get(reverse(INDEX) + query)
    assert response.status_code == 200
    return {anfrage.name for anfrage in response.context["object_list"]}


@pytest.mark.parametrize(
    ("user", "sees"),
    [
        ("ahrensburg", {"An Ahrensburg"}),
        ("bargteheide", {"An Bargteheide"}),
        ("schwerin", {"An Schwerin"}),
        ("kreis", {"An Ahrensburg", "An Bargteheide", "An den Kreis"}),
        ("plattform", {"An Ahrensburg", "An Bargteheide", "An den Kreis", "An Schwerin"}),
        ("admin", {"An Ahrensburg", "An Bargteheide", "An den Kreis", "An Schwerin"}),
    ],
)
def test_each_role_lists_the_requests_of_its_own_profiles(requests, users, user, sees):
    assert listed(users[user]) == sees


def test_the_results_view_is_scoped_as_well(requests, users):
    response = logged_in(users["ahrensburg"]).get(reverse("kontakt_kontaktanfrage:index_results"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "An Ahrensburg" in html and "An Bargteheide" not in html


def test_an_officer_cannot_open_another_kommunes_request(requests, users):
    client = logged_in(users["ahrensburg"])
    other = reverse("kontakt_kontaktanfrage:inspect", args=[requests["bargteheide"].pk])
    assert client.get(other).status_code == 404
    own = reverse("kontakt_kontaktanfrage:inspect", args=[requests["ahrensburg"].pk])
    assert client.get(own).status_code == 200


def test_a_coordinator_cannot_open_a_request_outside_the_kreis(requests, users):
    url = reverse("kontakt_kontaktanfrage:inspect", args=[requests["schwerin"].pk])
    assert logged_in(users["kreis"]).get(url).status_code == 404
    assert logged_in(users["schwerin"]).get(url).status_code == 200


def test_the_detail_shows_the_request_with_german_labels(requests, users, world):
    anfrage = requests["bargteheide"]
    url = reverse("kontakt_kontaktanfrage:inspect", args=[anfrage.pk])
    html = logged_in(users["bargteheide"]).get(url).content.decode()
    for text in (
        "Eingegangen am",
        "Anliegen",
        "Hospitation (Besuch vor Ort)",
        "Nachricht",
        "Wie viel hat das gekostet?",
        "Empfangende Kommune",
        "Zugestellt",
        f'href="mailto:{anfrage.email}"',
        f'href="{world.entry.url}"',
    ):
        assert text in html, text


def test_the_list_filters_by_anliegen(requests, users):
    assert listed(users["kreis"], "?anliegen=hospitation") == {"An Bargteheide"}
    html = logged_in(users["kreis"]).get(reverse(INDEX)).content.decode()
    assert "Hospitation (Besuch vor Ort)" in html and "Übernahme" in html  # the filter's choices


def test_requests_are_read_only(requests, users):
    for name in ("add", "edit", "delete", "history", "usage"):
        with pytest.raises(NoReverseMatch):
            reverse(f"kontakt_kontaktanfrage:{name}", args=[] if name == "add" else [1])
    client = logged_in(users["admin"])
    assert client.get("/admin/kontaktanfragen/new/").status_code == 404
    url = reverse("kontakt_kontaktanfrage:inspect", args=[requests["ahrensburg"].pk])
    assert client.post(url, {"name": "Geändert"}).status_code == 405
    assert Kontaktanfrage.objects.get(pk=requests["ahrensburg"].pk).name == "An Ahrensburg"


def test_the_menu_shows_requests_to_editors_only(requests, users, world):
    html = logged_in(users["ahrensburg"]).get("/admin/").content.decode()
    assert "Kontaktanfragen" in html
    reader = make_user("nur-lesen")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(reader)
    assert "Kontaktanfragen" not in client.get("/admin/").content.decode()
    assert client.get(reverse(INDEX)).status_code in (302, 403)


def test_the_group_editor_offers_no_model_permissions_for_requests(users):
    html = logged_in(users["admin"]).get("/admin/groups/new/").content.decode()
    add_group = Permission.objects.get(codename="add_group")
    assert f'name="permissions" value="{add_group.pk}"' in html  # how a checkbox looks
    for permission in Permission.objects.filter(content_type__app_label="kontakt"):
        assert f'name="permissions" value="{permission.pk}"' not in html, permission


def test_isolation_holds_on_postgresql(require_postgres, requests, users):
    assert listed(users["ahrensburg"]) == {"An Ahrensburg"}
    assert listed(users["schwerin"]) == {"An Schwerin"}
    url = reverse("kontakt_kontaktanfrage:inspect", args=[requests["bargteheide"].pk])
    assert logged_in(users["ahrensburg"]).get(url).status_code == 404


def test_a_pages_usage_does_not_list_who_wrote_to_it(requests):
    assert not ReferenceIndex.is_indexed(Kontaktanfrage)


def test_the_detail_speaks_german_and_keeps_the_visitors_text_plain(world, users):
    noon_utc = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    anfrage = make_request(
        world.ahrensburg, nachricht="Erste Zeile\n<b>zweite</b> Zeile", erstellt_am=noon_utc
    )
    url = reverse("kontakt_kontaktanfrage:inspect", args=[anfrage.pk])
    page = logged_in(users["ahrensburg"]).get(url).content.decode()
    fields = " ".join(page[page.index("<dl>") : page.index("</dl>")].split())
    assert "<p>Erste Zeile<br>&lt;b&gt;zweite&lt;/b&gt; Zeile</p>" in fields
    assert "<dt>Zugestellt</dt> <dd> nein </dd>" in fields
    assert "<dt>Erinnert am</dt> <dd> keine Angabe </dd>" in fields
    assert "<dt>Eingegangen am</dt> <dd> 2. März 2026 13:00 </dd>" in fields  # Berlin time
    assert "False" not in fields and "None" not in fields
