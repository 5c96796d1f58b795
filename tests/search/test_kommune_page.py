"""/kommune/<AGS>/: every Kommune of the register has a page; participants are sent to their
profile, the others see their facts and what comparable Kommunen do."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from kommunen.factories import KommuneFactory
from kommunen.models import Kommune

pytestmark = pytest.mark.django_db


@pytest.fixture
def grosshansdorf(world) -> Kommune:
    """A Gemeinde of the world's Kreis without a profile, of Bargteheide's size."""
    return KommuneFactory(
        ags="01062023",
        name="Großhansdorf",
        typ="gemeinde",
        einwohner=9_500,
        kreis=world.kreis.kommune,
    )


def test_a_participating_kommune_redirects_to_its_profile(client, world):
    response = client.get(f"/kommune/{world.bargteheide.kommune.ags}/")
    assertRedirects(response, world.bargteheide.url)


def test_a_kommune_without_profile_shows_its_facts_with_the_source(client, grosshansdorf):
    response = client.get("/kommune/01062023/")
    assertContains(response, "<h1>Großhansdorf</h1>", html=True)
    assertContains(response, "hat noch kein Profil auf der Plattform")
    assertContains(response, "9.500")
    assertContains(response, "Kreis Stormarn")
    assertContains(response, "© Statistisches Bundesamt (Destatis)")


def test_it_shows_entries_of_comparable_kommunen_with_the_reasons(client, world, grosshansdorf):
    response = client.get("/kommune/01062023/")
    assertContains(response, "Praxisbeispiele aus Kommunen wie Großhansdorf")
    cards = response.context["cards"]
    assert cards and cards[0].page.kommune == world.bargteheide.kommune  # same Kreis and size
    assertContains(response, "Warum hier:")
    assertContains(response, "gleicher Kreis")
    assertContains(response, 'href="/suche/?vergleich=01062023"')


def test_it_lists_the_comparable_kommunen_that_take_part(client, world, grosshansdorf):
    response = client.get("/kommune/01062023/")
    assertContains(response, "Vergleichbare Kommunen, die mitmachen")
    assertContains(response, f'<a href="{world.bargteheide.url}">Bargteheide</a>', html=True)


@pytest.mark.parametrize("ags", ["01062099", "1234", "0106202a", "99999999", "0" * 5000])
def test_unknown_or_malformed_keys_answer_404_in_german(client, world, ags):
    response = client.get(f"/kommune/{ags}/")
    assert response.status_code == 404
    assertContains(response, "Seite nicht gefunden", status_code=404)


def test_a_control_character_in_the_key_is_refused_like_everywhere(client, world):
    assert client.get("/kommune/01062023%00/").status_code == 400


def test_a_landkreis_without_profile_has_a_page_too(client, world):
    KommuneFactory(ags="01053", name="Herzogtum Lauenburg", typ="landkreis", einwohner=200_000)
    response = client.get("/kommune/01053/")
    assertContains(response, "Herzogtum Lauenburg")
    assertNotContains(response, "Amtlicher Gemeindeschlüssel")


def test_the_api_links_the_page_as_seite_url(client, grosshansdorf, world):
    data = client.get("/api/v1/kommunen/01062023/").json()
    assert data["seite_url"] == "http://testserver/kommune/01062023/"
    assert data["profil_url"] is None
    participant = client.get(f"/api/v1/kommunen/{world.bargteheide.kommune.ags}/").json()
    assert participant["seite_url"].endswith(f"/kommune/{world.bargteheide.kommune.ags}/")


def test_it_invites_the_kommune_to_take_part_with_the_form_filled_in(client, grosshansdorf):
    response = client.get("/kommune/01062023/")
    assertContains(response, 'href="/mitmachen/?kommune=01062023"')
    form = client.get("/mitmachen/?kommune=01062023")
    assertContains(form, 'value="Großhansdorf (01062023)"')


def test_it_says_what_comparable_kommunen_have_in_place(client, world, grosshansdorf):
    response = client.get("/kommune/01062023/")
    shares = {
        str(s["label"]): (s["mit"], s["von"]) for s in response.context["structures_in_place"]
    }
    compared = len(response.context["comparable"])
    assert shares["Integrationsbeauftragte:r"][1] <= compared
    assert shares["Integrationsbeauftragte:r"][0] >= 1  # Ahrensburg has every structure
    assertContains(response, "Was vergleichbare Kommunen eingerichtet haben")
    assertContains(response, "vergleichbaren Kommunen: Integrationsbeauftragte:r")
