"""The public pages of the funding programmes, and "Förderprogramme in <Land>" on every page of
a Kommune (the register route and the profile)."""

from dataclasses import dataclass

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailTestUtils

import pytest
from pytest_django.asserts import assertContains

from kommunen.factories import KommuneFactory
from praxis.factories import PraxisPageFactory
from praxis.foerderprogramm_entries import uses_in_land
from praxis.models import Foerderprogramm, PraxisPage
from tests.world import World

pytestmark = pytest.mark.django_db


@dataclass
class Funded:
    """Entries naming programmes: public ones in SH and MV, a draft and a private one."""

    bargteheide: PraxisPage  # amif and the SH programme
    schwerin: PraxisPage  # amif
    draft: PraxisPage
    private: PraxisPage


@pytest.fixture
def funded(world: World) -> Funded:
    bargteheide = PraxisPageFactory(
        parent=world.bargteheide,
        title="Aaa Lotsen",
        foerderprogramme=["amif", "integrationsfoerderung-sh"],
    )
    schwerin = PraxisPageFactory(
        parent=world.schwerin, title="Zzz Sprachkurs", foerderprogramme=["amif"]
    )
    draft = PraxisPageFactory(
        parent=world.schwerin, title="Entwurf", live=False, foerderprogramme=["amif"]
    )
    private = PraxisPageFactory(parent=world.schwerin, title="Geschützt", foerderprogramme=["amif"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return Funded(bargteheide, schwerin, draft, private)


@pytest.fixture
def zapfendorf(world) -> None:
    """A Bavarian Markt without a profile (the register route shows its page)."""
    KommuneFactory(ags="09471214", name="Zapfendorf, M", bundesland="BY", einwohner=5_000)


def soup(response):
    return WagtailTestUtils.get_soup(response.content)


def item_of(page, slug: str):
    """The list item (article) of the programme with this slug."""
    link = page.select_one(f'.programm__name a[href="/foerderprogramme/{slug}/"]')
    return link.find_parent("article") if link else None


# The list


def test_the_list_groups_running_programmes_by_traeger_and_land_and_ends_with_the_ended(
    client, funded
):
    page = soup(client.get("/foerderprogramme/"))
    headings = [h2.get_text(strip=True) for h2 in page.select("main h2")]
    assert headings == [
        "EU",
        "Bund",
        "Land Schleswig-Holstein",
        "Land Nordrhein-Westfalen",
        "Land Baden-Württemberg",
        "Land Bayern",
        "Land Mecklenburg-Vorpommern",
        "Beendete Programme",
    ]
    ended = page.select_one("section[aria-labelledby=beendet-titel]")
    assert [a["href"] for a in ended.select(".programm__name a")] == [
        "/foerderprogramme/kita-einstieg/"
    ]
    assert "beendet" in ended.get_text() and "lief bis 31. Dezember 2022" in ended.get_text()
    links = page.select(".programm__name a")
    assert len(links) == Foerderprogramm.objects.count()  # every name links its page


def test_each_programme_says_its_traeger_scope_end_and_entries(client, funded):
    page = soup(client.get("/foerderprogramme/"))
    amif = item_of(page, "amif").get_text(" ", strip=True)
    assert "EU" in amif and "bundesweit" in amif and "läuft bis 31. Dezember 2027" in amif
    assert "2 Praxisbeispiele auf der Plattform" in amif  # not the draft, not the private one
    bayern = item_of(page, "integrationslotsen-by").get_text(" ", strip=True)
    assert "Bayern" in bayern and "kein Ende bekannt" in bayern
    assert "0 Praxisbeispiele" in bayern and "beendet" not in bayern


def test_the_list_of_one_land_shows_the_programmes_open_to_it(client, world):
    response = client.get("/foerderprogramme/", {"land": "BY"})
    assertContains(response, "<h1>Förderprogramme für Kommunen in Bayern</h1>", html=True)
    page = soup(response)
    assert item_of(page, "integrationslotsen-by") and item_of(page, "amif")
    assert item_of(page, "kim-nrw") is None and item_of(page, "vwv-integration-bw") is None
    assert page.select_one("#programme-land option[selected]")["value"] == "BY"


def test_an_unknown_land_is_said_plainly_and_all_programmes_are_shown(client, world):
    response = client.get("/foerderprogramme/", {"land": "XX"})
    assert response.status_code == 200
    assertContains(response, "„XX“ ist kein Kürzel eines Landes")
    assert item_of(soup(response), "kim-nrw") is not None


# A programme's page


def test_a_programme_page_shows_its_facts_and_its_public_entries_as_cards(client, funded):
    programme = Foerderprogramm.objects.get(slug="amif")
    assert programme.get_absolute_url() == "/foerderprogramme/amif/"
    response = client.get("/foerderprogramme/amif/")
    assertContains(response, f"<h1>{programme.name}</h1>", html=True)
    page = soup(response)
    facts = page.select_one(".programm__fakten").get_text(" ", strip=True)
    assert "Träger EU" in facts and "Geltungsbereich bundesweit" in facts
    assert "Läuft bis 31. Dezember 2027" in facts
    assert page.select_one(f'.programm__fakten a[href="{programme.link}"]')
    assertContains(response, programme.kurzbeschreibung)
    titles = [a.get_text(strip=True) for a in page.select(".karte__titel a")]
    assert sorted(titles) == ["Aaa Lotsen", "Zzz Sprachkurs"]
    assertContains(response, "2 Praxisbeispiele wurden aus diesem Programm gefördert.")


def test_an_ended_programme_page_says_so(client, world):
    response = client.get("/foerderprogramme/kita-einstieg/")
    page = soup(response)
    assert page.select_one(".programm__beendet .beendet").get_text() == "beendet"
    assertContains(response, "lief bis zum 31. Dezember 2022 und nimmt keine Anträge mehr an")
    assertContains(response, "Noch nennt kein veröffentlichtes Praxisbeispiel dieses Programm.")


def test_a_programme_page_pages_through_many_entries(client, funded, monkeypatch):
    monkeypatch.setattr("praxis.foerderprogramm_views.ENTRIES_PER_PAGE", 1)
    first = soup(client.get("/foerderprogramme/amif/"))
    assert len(first.select(".karte")) == 1
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?seite=2"
    second = soup(client.get("/foerderprogramme/amif/", {"seite": 2}))
    assert len(second.select(".karte")) == 1


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "AMIF", "x" * 300])
def test_an_unknown_programme_answers_404_in_german(client, world, slug):
    response = client.get(f"/foerderprogramme/{slug}/")
    assert response.status_code == 404
    assertContains(response, "<h1>Förderprogramm nicht gefunden</h1>", status_code=404, html=True)
    assertContains(response, 'href="/foerderprogramme/"', status_code=404)


# On the pages of Kommunen


def programmes_section(response):
    return soup(response).select_one("section.foerderprogramme-land")


def test_a_kommune_without_profile_shows_the_programmes_of_its_land(client, funded, zapfendorf):
    section = programmes_section(client.get("/kommune/09471214/"))
    assert section.select_one("h2").get_text(strip=True) == "Förderprogramme in Bayern"
    slugs = [a["href"].split("/")[2] for a in section.select(".programm__name a")]
    assert slugs[0] == "integrationslotsen-by"  # the Land's own programme first
    assert "amif" in slugs and "kim-nrw" not in slugs and "integrationsfoerderung-sh" not in slugs
    assert slugs[-1] == "kita-einstieg"  # ended ones last, marked
    assert item_of(section, "kita-einstieg").select_one(".beendet")
    amif = item_of(section, "amif")
    assert "2 Praxisbeispiele, zum Beispiel:" in amif.get_text()
    assert [a.get_text() for a in amif.select(".programm__beispiele a")] == [
        "Aaa Lotsen",
        "Zzz Sprachkurs",
    ]
    assert "Noch nennt kein Praxisbeispiel" in item_of(section, "integrationslotsen-by").get_text()
    assert section.select_one('a[href="/foerderprogramme/?land=BY"]')


def test_a_profile_shows_the_programmes_of_its_land_with_their_entries(client, world, funded):
    section = programmes_section(client.get(world.bargteheide.url))
    assert section.select_one("h2").get_text(strip=True) == "Förderprogramme in Schleswig-Holstein"
    own = item_of(section, "integrationsfoerderung-sh")
    assert "1 Praxisbeispiel:" in own.get_text()
    assert own.select_one(".programm__beispiele a")["href"] == funded.bargteheide.url
    assert item_of(section, "integrationsfonds-mv") is None


def test_a_kreis_profile_shows_them_too(client, world):
    section = programmes_section(client.get(world.kreis.url))
    assert "Förderprogramme in Schleswig-Holstein" in section.get_text()


def test_the_saarland_takes_its_article(client, world):
    KommuneFactory(ags="10041100", name="Saarbrücken, Landeshauptstadt", bundesland="SL")
    section = programmes_section(client.get("/kommune/10041100/"))
    assert section.select_one("h2").get_text(strip=True) == "Förderprogramme im Saarland"


def test_the_examples_of_the_kommunes_land_come_first(funded):
    (amif,) = [use for use in uses_in_land("MV") if use.programme.slug == "amif"]
    assert [entry.title for entry in amif.entries] == ["Zzz Sprachkurs", "Aaa Lotsen"]


def test_many_examples_link_to_the_programme_page(client, world, funded, zapfendorf):
    for n in range(3):
        PraxisPageFactory(parent=world.schwerin, title=f"Mmm {n}", foerderprogramme=["amif"])
    amif = item_of(programmes_section(client.get("/kommune/09471214/")), "amif")
    assert len(amif.select(".programm__beispiele a")) == 3
    assert "5 Praxisbeispiele" in amif.get_text()
    more = amif.select_one(".programm__alle a")
    assert more["href"] == "/foerderprogramme/amif/" and "Alle 5 Praxisbeispiele" in more.text


def test_the_programmes_of_a_land_cost_four_queries_however_many_entries(
    world, funded, django_assert_num_queries
):
    for _n in range(4):
        PraxisPageFactory(parent=world.schwerin, foerderprogramme=["amif", "esf-plus", "iq"])
    with django_assert_num_queries(4):  # programmes, view restrictions, counts, examples
        uses = uses_in_land("BY")
        assert [entry.kommune.anzeigename for use in uses for entry in use.entries]


def test_on_postgresql_too(require_postgres, client, funded, zapfendorf):
    """The window function that picks the examples, on the production database."""
    amif = item_of(programmes_section(client.get("/kommune/09471214/")), "amif")
    assert [a.get_text() for a in amif.select(".programm__beispiele a")] == [
        "Aaa Lotsen",
        "Zzz Sprachkurs",
    ]
