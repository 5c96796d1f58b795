"""The public Kommune profiles, Landkreis profiles and the Kommunen index."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
    LandkreisFactory,
    LandkreisPageFactory,
)
from kommunen.models import KommunenIndexPage, KommuneTyp, Kontaktperson, Netzwerk
from praxis.factories import PraxisPageFactory


@pytest.fixture
def index(home_page) -> KommunenIndexPage:
    return KommunenIndexPage.objects.get()


@pytest.fixture
def kreis_seite(index):
    kreis = LandkreisFactory(ags="01062", name="Kreis Stormarn", einwohner=245_000)
    return LandkreisPageFactory(parent=index, kommune=kreis, title="Kreis Stormarn")


@pytest.fixture
def profil(kreis_seite):
    kommune = KommuneFactory(
        ags="01062001",
        name="Ahrensburg, Stadt",
        typ=KommuneTyp.STADT,
        einwohner=12_345,
        flaeche_km2=Decimal("12.50"),
        verstaedterung=2,
        kreis=kreis_seite.kommune,
    )
    seite = KommunePageFactory(
        parent=kreis_seite,
        kommune=kommune,
        integrationsbeauftragte="hauptamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("0.50"),
        integrationsbeirat=True,
        integrationsbeirat_seit=2015,
        integrationskonzept=True,
        integrationskonzept_jahr=2016,
        integrationskonzept_fortschreibung=2021,
    )
    Netzwerk.objects.create(page=seite, name="Netzwerk Integration Stormarn")
    Kontaktperson.objects.create(
        page=seite, name="Erika Offen", email="offen@example.org", veroeffentlichen=True
    )
    Kontaktperson.objects.create(page=seite, name="Max Geheim", email="geheim@example.org")
    return seite


@pytest.mark.django_db
def test_profil_zeigt_steckbrief_deutsch_formatiert_mit_quelle(client, profil):
    html = client.get(profil.url).content.decode()
    assert "<h1>Ahrensburg</h1>" in html
    assert "12.345" in html
    assert "12,5 km²" in html
    assert "Schleswig-Holstein" in html
    assert 'href="/kommunen/kreis-stormarn/">Kreis Stormarn</a>' in html
    assert "Kleinstadt (5.000 bis 19.999)" in html
    assert "mittlere Besiedlungsdichte" in html
    assert "© Statistisches Bundesamt (Destatis), GV-ISys" in html and "dl-de/by-2-0" in html


@pytest.mark.django_db
def test_profil_zeigt_nur_vorhandene_strukturen(client, profil):
    html = client.get(profil.url).content.decode()
    assert "hauptamtlich, 0,5 Vollzeitstellen" in html
    assert "seit 2015" in html
    assert "beschlossen 2016, zuletzt fortgeschrieben 2021" in html
    assert "Runder Tisch" not in html
    assert "Koordinierungsstelle" not in html
    assert "Netzwerk Integration Stormarn" in html


@pytest.mark.django_db
def test_profil_zeigt_nur_kontakte_mit_einwilligung(client, profil):
    html = client.get(profil.url).content.decode()
    assert "Erika Offen" in html and 'href="mailto:offen@example.org"' in html
    assert "Max Geheim" not in html and "geheim@example.org" not in html


@pytest.mark.django_db
def test_profil_zeigt_eigene_und_partner_eintraege_als_karten(client, profil, index):
    andere = KommunePageFactory(parent=index)
    PraxisPageFactory(parent=profil, title="Sprachcafé Ahrensburg")
    PraxisPageFactory(parent=andere, title="Lotsen im Verbund", partner=[profil.kommune])
    html = client.get(profil.url).content.decode()
    assert html.count('class="karte"') == 2
    assert "Sprachcafé Ahrensburg" in html
    assert "Als Partnerkommune beteiligt an" in html and "Lotsen im Verbund" in html


@pytest.mark.django_db
def test_eine_volle_stelle_steht_im_singular(client, index):
    seite = KommunePageFactory(
        parent=index,
        integrationsbeauftragte="ehrenamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("1.00"),
    )
    assert "ehrenamtlich, 1 Vollzeitstelle<" in client.get(seite.url).content.decode()


@pytest.mark.django_db
def test_profil_ohne_angaben_sagt_das(client, index):
    seite = KommunePageFactory(parent=index)
    response = client.get(seite.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "noch keine Angaben zu ihren Integrationsstrukturen" in html
    assert "keine Ansprechpersonen veröffentlicht" in html


@pytest.mark.django_db
def test_landkreis_listet_seine_gemeinden(client, kreis_seite, profil):
    response = client.get(kreis_seite.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemeinden und Städte im Kreis" in html
    assert f'href="{profil.url}">Ahrensburg</a>' in html
    assert "245.000" in html
    assert "Kreisschlüssel" in html and "Amtlicher Gemeindeschlüssel" not in html


@pytest.mark.django_db
def test_kommunen_uebersicht_gruppiert_nach_bundesland(client, index, profil):
    KommunePageFactory(
        parent=index,
        kommune=KommuneFactory(
            ags="08119079", name="Waiblingen", typ=KommuneTyp.STADT, bundesland="BW"
        ),
    )
    html = client.get(index.url).content.decode()
    assert "3 Kommunen mit Profil" in html
    assert html.index("Baden-Württemberg") < html.index("Schleswig-Holstein")
    assert html.index(">Waiblingen<") < html.index(">Ahrensburg<")
    assert "12.345 Einwohner" in html


def _anfragen(client, url: str) -> int:
    with CaptureQueriesContext(connection) as anfragen:
        assert client.get(url).status_code == 200
    return len(anfragen)


@pytest.mark.django_db
def test_profil_laedt_karten_ohne_anfrage_je_eintrag(client, index):
    seite = KommunePageFactory(parent=index)
    PraxisPageFactory(parent=seite)
    client.get(seite.url)  # warm caches (site root, content types)
    mit_einem = _anfragen(client, seite.url)
    for _ in range(4):
        PraxisPageFactory(parent=seite, handlungsfelder=["sprache", "wohnen"])
    assert _anfragen(client, seite.url) == mit_einem
