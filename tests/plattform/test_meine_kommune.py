"""The home page asks "Wo arbeiten Sie?" first; the choice travels in the URL only."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from kommunen.factories import KommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(world, home_page):
    home_page.save_revision().publish()
    return home_page


def test_the_home_page_asks_for_the_kommune_first(client, home):
    response = client.get("/")
    assertContains(response, '<label for="suche-vergleich">Wo arbeiten Sie?</label>', html=True)
    html = response.content.decode()
    assert html.index("Wo arbeiten Sie?") < html.index("Was hat eine Kommune wie Ihre")
    assert 'data-vorschlaege-url="/suche/kommunen/"' in html
    assert not response.cookies


def test_a_typed_name_puts_comparable_entries_first_and_says_so(client, world, home):
    KommuneFactory(ags="01062023", name="Großhansdorf", einwohner=9_500, kreis=world.kreis.kommune)
    response = client.get("/?vergleich=Großhansdorf")
    assertContains(response, "Ihre Kommune: <strong>Großhansdorf</strong>")
    assertContains(response, "Praxisbeispiele aus Kommunen wie Großhansdorf")
    assertContains(response, "Warum hier:")
    assertContains(response, '<a href="/">Auswahl aufheben</a>', html=True)
    # the choice travels on: search form, tiles, the full search
    assertContains(response, '<input type="hidden" name="vergleich" value="01062023">', html=True)
    assertContains(response, "vergleich=01062023")
    assert 'href="/suche/?vergleich=01062023"' in response.content.decode()
    assert not response.cookies


def test_an_ambiguous_name_offers_a_choice_and_an_unknown_one_says_so(client, world, home):
    KommuneFactory(ags="01062030", name="Neudorf", kreis=world.kreis.kommune)
    KommuneFactory(ags="01062031", name="Neudorf", kreis=world.kreis.kommune)
    response = client.get("/?vergleich=Neudorf")
    assertContains(response, "Welche Kommune meinen Sie mit „Neudorf“?")
    assertContains(response, 'href="?vergleich=01062031"')
    unknown = client.get("/?vergleich=Atlantis")
    assertContains(unknown, "Keine Kommune mit dem Namen „Atlantis“ gefunden.")
    assertContains(unknown, 'aria-invalid="true"')
    assertNotContains(client.get("/?vergleich=01062099"), "Ihre Kommune:")


def test_the_chosen_kommune_travels_on_to_the_entries(client, world, home):
    """An entry then offers its Beschlussvorlage for that Kommune (praxis/beschlussvorlage/)."""
    KommuneFactory(ags="01062023", name="Großhansdorf", einwohner=9_500, kreis=world.kreis.kommune)
    html = client.get("/?vergleich=01062023").content.decode()
    assert f'href="{world.entry.url}?vergleich=01062023"' in html
    assert f'href="{world.entry.url}"' not in html
