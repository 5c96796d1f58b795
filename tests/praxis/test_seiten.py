"""The public entry page (Praxisbeispiel) and the filterable entry listing."""

import pytest
import wagtail_factories
from factory.django import FileField

from kommunen.factories import KommuneFactory, KommunePageFactory
from kommunen.models import KommunenIndexPage, KommuneTyp
from praxis import listing
from praxis.factories import PraxisPageFactory


@pytest.fixture
def index(home_page) -> KommunenIndexPage:
    return KommunenIndexPage.objects.get()


@pytest.fixture
def profil(index):
    kommune = KommuneFactory(
        ags="01054999", name="Flensburg", typ=KommuneTyp.STADT, einwohner=12_345
    )
    return KommunePageFactory(parent=index, kommune=kommune)


def _body(bild, dokument) -> list[dict]:
    return [
        {"type": "absatz", "value": "<p>Jeden Dienstag im Rathaus.</p>"},
        {
            "type": "bild",
            "value": {"image": bild.pk, "decorative": False, "alt_text": "Menschen am Tisch"},
        },
        {"type": "dokument", "value": {"dokument": dokument.pk, "beschreibung": "Konzept"}},
        {"type": "zitat", "value": {"zitat": "Hier lerne ich.", "quelle": "Teilnehmerin"}},
    ]


@pytest.fixture
def eintrag(profil, index):
    partner_mit_profil = KommunePageFactory(parent=index).kommune
    partner_ohne_profil = KommuneFactory(ags="01001999", name="Ohnedorf")
    bild = wagtail_factories.ImageFactory(title="Foto")
    dokument = wagtail_factories.DocumentFactory(
        title="Konzept Sprachcafé", file=FileField(data=b"x" * 2048, filename="konzept.pdf")
    )
    seite = PraxisPageFactory(
        parent=profil,
        title="Sprachcafé am Hafen",
        kosten_jahr_eur=5000,
        personal="0,25 Stellen, 12 Ehrenamtliche",
        beginn="2018-03",
        ende="2020-12",
        status="abgeschlossen",
        uebertragbarkeit="Ein Raum und zwei Ehrenamtliche genügen.",
        kontakt_name="Erika Muster",
        kontakt_funktion="Integrationsbeauftragte",
        kontakt_email="muster@example.org",
        kontakt_telefon="0461 123",
        handlungsfelder=["sprache", "engagement-ehrenamt"],
        zielgruppen=["neuzugewanderte"],
        foerderungen=["AMIF"],
        partner=[partner_mit_profil, partner_ohne_profil],
    )
    seite.schlagworte.add("Sprachcafé")
    seite.body = _body(bild, dokument)
    seite.save()
    return seite


@pytest.mark.django_db
def test_praxisbeispiel_zeigt_rahmenbedingungen_deutsch_formatiert(client, eintrag):
    html = client.get(eintrag.url).content.decode()
    assert "<h1>Sprachcafé am Hafen</h1>" in html
    assert 'href="/kommunen/flensburg/">Flensburg</a>' in html
    assert "Rahmenbedingungen" in html
    assert "Kleinstadt, 12.345 Einwohner" in html
    assert "5.000 €" in html
    assert "03/2018 \N{EN DASH} 12/2020" in html
    assert "0,25 Stellen, 12 Ehrenamtliche" in html
    assert "AMIF" in html and "abgeschlossen" in html
    assert "Ein Raum und zwei Ehrenamtliche genügen." in html


@pytest.mark.django_db
def test_praxisbeispiel_laufzeit_ohne_ende_und_ohne_kosten(client, profil):
    seite = PraxisPageFactory(parent=profil, beginn="2019-01", ende="", kosten_jahr_eur=None)
    html = client.get(seite.url).content.decode()
    assert "seit 01/2019" in html
    assert "nicht angegeben" in html


@pytest.mark.django_db
def test_praxisbeispiel_zeigt_kontakt_partner_und_einordnung(client, eintrag):
    html = client.get(eintrag.url).content.decode()
    assert 'href="mailto:muster@example.org"' in html and "Erika Muster" in html
    assert 'href="tel:0461123"' in html
    partner = eintrag.partner.first().kommune
    assert f'href="/kommunen/{partner.profil.slug}/">{partner.anzeigename}</a>' in html
    assert "Ohnedorf" in html and ">Ohnedorf</a>" not in html
    assert 'href="/praxisbeispiele/?handlungsfeld=engagement-ehrenamt"' in html
    assert "Neuzugewanderte" in html and "Sprachcafé</li>" in html


@pytest.mark.django_db
def test_praxisbeispiel_zeigt_bausteine(client, eintrag):
    html = client.get(eintrag.url).content.decode()
    assert "<p>Jeden Dienstag im Rathaus.</p>" in html
    assert 'alt="Menschen am Tisch"' in html
    assert "Konzept Sprachcafé" in html and "(PDF, 2,0" in html
    assert "<blockquote><p>Hier lerne ich.</p></blockquote>" in html
    assert "<cite>Teilnehmerin</cite>" in html


@pytest.fixture
def liste(profil, index):
    gross = KommunePageFactory(
        parent=index,
        kommune=KommuneFactory(
            ags="02000000",
            name="Hamburg",
            typ=KommuneTyp.KREISFREIE_STADT,
            einwohner=1_900_000,
            bundesland="HH",
        ),
    )
    PraxisPageFactory(parent=profil, title="Sprachpaten", handlungsfelder=["sprache"])
    PraxisPageFactory(parent=profil, title="Wohnungsbörse", handlungsfelder=["wohnen"])
    PraxisPageFactory(parent=gross, title="Sprachkurs Hafen", handlungsfelder=["sprache"])
    return "/praxisbeispiele/"


@pytest.mark.django_db
def test_liste_hat_filterformular_mit_fieldsets(client, liste):
    html = client.get(liste).content.decode()
    assert '<form class="filter" method="get"' in html
    for legende in ("Handlungsfeld", "Größenklasse", "Bundesland", "Status"):
        assert f'<legend class="visually-hidden">{legende}</legend>' in html
    assert 'type="checkbox" name="handlungsfeld" value="sprache"' in html
    assert '<button type="submit">' in html
    assert "3 Praxisbeispiele" in html and html.count('class="karte"') == 3


@pytest.mark.django_db
def test_liste_filtert_nach_handlungsfeld_und_groessenklasse(client, liste):
    html = client.get(liste, {"handlungsfeld": "sprache"}).content.decode()
    assert "2 Praxisbeispiele" in html and "Wohnungsbörse" not in html
    assert 'value="sprache" id="id_handlungsfeld_0" checked' in html
    assert html.count('<details class="filter__klappe" open>') == 1
    assert "(1 gewählt)" in html
    html = client.get(
        liste, {"handlungsfeld": "sprache", "groessenklasse": "kleinstadt"}
    ).content.decode()
    assert "1 Praxisbeispiel<" in html or "1 Praxisbeispiel\n" in html
    assert "Sprachpaten" in html and "Sprachkurs Hafen" not in html


@pytest.mark.django_db
def test_liste_blaettert_und_behaelt_filter(client, liste, monkeypatch):
    monkeypatch.setattr(listing, "PRO_SEITE", 1)
    html = client.get(liste, {"handlungsfeld": "sprache"}).content.decode()
    assert "Seite 1 von 2" in html
    assert 'href="?handlungsfeld=sprache&amp;seite=2"' in html
    zweite = client.get(liste, {"handlungsfeld": "sprache", "seite": 2}).content.decode()
    assert "Seite 2 von 2" in zweite and zweite.count('class="karte"') == 1


@pytest.mark.django_db
def test_liste_mit_unbekanntem_filter_bleibt_heil(client, liste):
    response = client.get(liste, {"handlungsfeld": "gibt-es-nicht", "seite": "x"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_hauptnavigation_markiert_den_bereich(client, eintrag):
    html = client.get(eintrag.url).content.decode()
    assert '<a href="/praxisbeispiele/" aria-current="true">' in html
    assert '<a href="/kommunen/">' in html
    liste = client.get("/praxisbeispiele/").content.decode()
    assert '<a href="/praxisbeispiele/" aria-current="page">' in liste
    assert "<title>Sprachcafé am Hafen \N{EN DASH} Praxisnetz Integration</title>" in html
