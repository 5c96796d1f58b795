"""The dashboard: the user's Kommune or Kreis with the next actions, and the reviewers' queue
with Kommune, page type and completeness."""

from django.urls import reverse

from wagtail.test.utils import WagtailTestUtils

import pytest

from .conftest import make_user, submit

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


def actions(soup) -> dict[str, tuple[str, str]]:
    """The panel's actions: key → (label, link)."""
    return {
        item["data-aktion"]: (item.a.get_text(strip=True), item.a["href"])
        for item in soup.select("[data-pruefung-redaktion] [data-aktion]")
    }


def headings(soup) -> list[str]:
    return [
        section.find_parent("section").find("h2").get_text(strip=True)
        for section in soup.select("[data-pruefung-redaktion]")
    ]


def test_the_officer_sees_the_kommune_and_the_next_actions(client, world, people, draft):
    soup = dashboard(client, people.officer)
    assert headings(soup) == ["Ihre Kommune: Ahrensburg"]
    text = soup.select_one("[data-pruefung-redaktion] p").get_text()
    assert "nach der Prüfung durch: Kreiskoordination Stormarn" in text
    found = actions(soup)
    assert found["profil"] == (
        "Profil bearbeiten",
        reverse("wagtailadmin_pages:edit", args=(world.ahrensburg.pk,)),
    )
    assert found["neu"] == (
        "Neues Praxisbeispiel",
        reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", world.ahrensburg.pk)),
    )
    assert found["entwuerfe"] == (
        "Entwürfe (1)",
        reverse("wagtailadmin_explore", args=(world.ahrensburg.pk,)),
    )
    assert found["uebersicht"] == ("Übersicht des Kreises", f"{world.kreis.url}uebersicht/")
    assert found["pruefungen"] == (
        "Prüfungen: 0 eingereicht",
        reverse("wagtailadmin_reports:workflow"),
    )
    assert found["anfragen"] == ("Anfragen", reverse("kontakt_kontaktanfrage:index"))
    drafts = soup.select("[data-liste=entwuerfe] a")
    assert [(a.get_text(), a["href"]) for a in drafts] == [
        ("Lotsen", reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
    ]


def test_the_coordinator_sees_the_kreis_and_what_waits_for_review(
    client, world, people, draft, django_capture_on_commit_callbacks
):
    submit(client, people.officer, draft, django_capture_on_commit_callbacks)
    soup = dashboard(client, people.coordinator)
    assert headings(soup) == ["Ihr Kreis: Kreis Stormarn"]
    found = actions(soup)
    assert found["profil"][1] == reverse("wagtailadmin_pages:edit", args=(world.kreis.pk,))
    assert found["entwuerfe"][0] == "Entwürfe (0)"  # the Gemeinden's drafts are theirs
    assert found["uebersicht"][1] == f"{world.kreis.url}uebersicht/"
    assert found["pruefungen"] == (
        "Prüfungen: 1 warten auf Sie",
        reverse("wagtailadmin_reports:workflow") + "?reviewable=true",
    )


def test_the_platform_editors_see_their_role(client, people):
    soup = dashboard(client, people.platform)
    assert headings(soup) == ["Plattform-Redaktion"]
    found = actions(soup)
    assert found["kommunen"][0] == "Alle Kommunen"
    assert found["pruefungen"][0] == "Prüfungen: 0 warten auf Sie"
    assert "profil" not in found and "neu" not in found


def test_an_officer_of_a_kreisfreie_stadt_has_no_kreis_overview(client, people):
    soup = dashboard(client, people.schwerin_officer)
    assert headings(soup) == ["Ihre Kommune: Schwerin"]
    assert "uebersicht" not in actions(soup)


def test_administrators_without_a_role_get_no_panel(client, people):
    soup = dashboard(client, make_user("chef", is_superuser=True))
    assert soup.select("[data-pruefung-redaktion]") == []
