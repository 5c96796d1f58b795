"""The public Kommune profiles, Landkreis profiles and the Kommunen index."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from pytest_django.asserts import assertContains

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
)
from kommunen.models import Kommune, KommunenIndexPage, KommuneTyp
from praxis.factories import PraxisPageFactory


@pytest.fixture
def index(world) -> KommunenIndexPage:
    return world.index


@pytest.fixture
def kreis_page(world):
    return world.kreis


@pytest.fixture
def profile(world):
    """Ahrensburg: a Gemeinde profile with every structure field and no entries."""
    return world.ahrensburg


@pytest.mark.django_db
def test_profile_shows_fact_sheet_in_german_format_with_source(client, profile):
    response = client.get(profile.url)
    html = response.content.decode()
    assert "<h1>Ahrensburg</h1>" in html
    assert "12.345" in html
    assert "12,5 km²" in html
    assert "Schleswig-Holstein" in html
    assertContains(response, '<a href="/kommunen/kreis-stormarn/">Kreis Stormarn</a>', html=True)
    assert "Kleinstadt (5.000 bis 19.999)" in html
    assert "mittlere Besiedlungsdichte" in html
    assert "© Statistisches Bundesamt (Destatis), GV-ISys" in html and "dl-de/by-2-0" in html


@pytest.mark.django_db
def test_profile_shows_only_the_structures_in_place(client, profile):
    html = client.get(profile.url).content.decode()
    assert "hauptamtlich, 0,5 Vollzeitstellen" in html
    assert "seit 2015" in html
    assert "beschlossen 2016, zuletzt fortgeschrieben 2021" in html
    assert "Runder Tisch" not in html
    assert "Koordinierungsstelle" not in html
    assert "Netzwerk Integration Stormarn" in html


@pytest.mark.django_db
def test_profile_shows_only_contacts_with_consent(client, profile):
    response = client.get(profile.url)
    html = response.content.decode()
    assert "Erika Offen" in html
    assertContains(response, '<a href="mailto:offen@example.org">offen@example.org</a>', html=True)
    assert "Max Geheim" not in html and "geheim@example.org" not in html


@pytest.mark.django_db
def test_profile_shows_own_and_partner_entries_as_cards(client, profile, index):
    other = KommunePageFactory(parent=index)
    PraxisPageFactory(parent=profile, title="Sprachcafé Ahrensburg")
    PraxisPageFactory(parent=other, title="Lotsen im Verbund", partner=[profile.kommune])
    html = client.get(profile.url).content.decode()
    assert html.count('class="karte"') == 2
    assert "Sprachcafé Ahrensburg" in html
    assert "Als Partnerkommune beteiligt an" in html and "Lotsen im Verbund" in html


@pytest.mark.django_db
def test_one_full_time_post_is_singular(client, index):
    page = KommunePageFactory(
        parent=index,
        integrationsbeauftragte="ehrenamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("1.00"),
    )
    assert "ehrenamtlich, 1 Vollzeitstelle<" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_profile_without_details_says_so(client, index):
    page = KommunePageFactory(parent=index)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "noch keine Angaben zu ihren Integrationsstrukturen" in html
    assert "keine Ansprechpersonen veröffentlicht" in html


@pytest.mark.django_db
def test_landkreis_lists_its_gemeinden(client, kreis_page, profile):
    response = client.get(kreis_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemeinden und Städte im Kreis" in html
    assertContains(response, f'<a href="{profile.url}">Ahrensburg</a>', html=True)
    assert "245.000" in html
    assert "Kreisschlüssel" in html and "Amtlicher Gemeindeschlüssel" not in html


@pytest.mark.django_db
def test_kommunen_index_groups_profiles_by_bundesland(client, index, profile):
    KommunePageFactory(
        parent=index,
        kommune=KommuneFactory(
            ags="08119079", name="Waiblingen", typ=KommuneTyp.STADT, bundesland="BW"
        ),
    )
    html = client.get(index.url).content.decode()
    assert "5 Kommunen mit Profil" in html  # the world's four and Waiblingen
    assert html.index("Baden-Württemberg") < html.index("Schleswig-Holstein")
    assert html.index(">Waiblingen<") < html.index(">Ahrensburg<")
    assert "12.345 Einwohner" in html


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_profile_loads_cards_without_a_query_per_entry(client, index):
    page = KommunePageFactory(parent=index)
    PraxisPageFactory(parent=page)
    client.get(page.url)  # warm caches (site root, content types)
    with_one = _query_count(client, page.url)
    for _ in range(4):
        PraxisPageFactory(parent=page, handlungsfelder=["sprache", "wohnen"])
    assert _query_count(client, page.url) == with_one


@pytest.mark.django_db
def test_new_index_pages_are_shown_in_the_menu(home_page):
    assert KommunenIndexPage(title="Kommunen").show_in_menus


def _restrict(page) -> None:
    """A Wagtail view restriction: the page and its subtree need a password."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


@pytest.mark.django_db
def test_profile_lists_no_restricted_entries_own_or_as_partner(client, profile, index):
    other = KommunePageFactory(parent=index)
    _restrict(PraxisPageFactory(parent=profile, title="Geheimes Sprachcafé"))
    _restrict(PraxisPageFactory(parent=other, title="Geheimer Verbund", partner=[profile.kommune]))
    PraxisPageFactory(parent=other, title="Offener Verbund", partner=[profile.kommune])
    html = client.get(profile.url).content.decode()
    assert "Geheimes Sprachcafé" not in html
    assert "Diese Kommune hat noch keine Praxisbeispiele veröffentlicht." in html
    assert "Offener Verbund" in html and "Geheimer Verbund" not in html


@pytest.mark.django_db
def test_restricted_profiles_are_not_listed_in_the_index_or_by_their_landkreis(
    client, index, kreis_page, profile
):
    _restrict(profile)
    assert "Ahrensburg" not in client.get(kreis_page.url).content.decode()
    html = client.get(index.url).content.decode()
    assert "Ahrensburg" not in html and "3 Kommunen mit Profil" in html  # of the world's four


@pytest.mark.django_db
def test_the_profile_is_the_reverse_accessor_for_gemeinde_and_landkreis(kreis_page, profile):
    kommune = Kommune.objects.get(ags="01062001")
    assert kommune.profil == profile and kommune.public_profile == profile
    kreis = Kommune.objects.get(ags="01062")
    assert kreis.profil.specific == kreis_page and kreis.public_profile.pk == kreis_page.pk
    assert KommuneFactory(ags="01062099").public_profile is None


@pytest.mark.django_db
def test_only_live_public_profiles_are_linked(client, kreis_page, profile):
    url = f"/api/v1/kommunen/{profile.kommune.ags}/"
    assert client.get(url).json()["profil_url"].endswith(profile.url)
    kreis_link = '<a href="/kommunen/kreis-stormarn/">Kreis Stormarn</a>'
    assertContains(client.get(profile.url), kreis_link, html=True)
    _restrict(kreis_page)
    assert client.get(url).json()["profil_url"] is None
    kreis_page.get_view_restrictions().delete()
    kreis_page.unpublish()
    response = client.get(profile.url)
    assertContains(response, "<dd>Kreis Stormarn</dd>", html=True)  # named without a link
