"""The home page, standard pages, error pages and the shared template helpers."""

from types import SimpleNamespace

from django.template.loader import get_template

from wagtail.models import Site

import pytest

from kommunen.factories import KommunePageFactory
from kommunen.models import KommunenIndexPage
from plattform.models import PlattformEinstellungen, StandardPage
from plattform.standard_pages import ensure_standardseiten
from plattform.templatetags.plattform_tags import dezimal, euro, laufzeit, monat, zahl
from praxis.factories import PraxisPageFactory


@pytest.fixture
def eintrag(home_page):
    profil = KommunePageFactory(parent=KommunenIndexPage.objects.get())
    return PraxisPageFactory(
        parent=profil, title="Sprachcafé am Markt", handlungsfelder=["sprache"]
    )


def test_zahlen_werden_deutsch_formatiert():
    assert zahl(12345) == "12.345"
    assert zahl(1234567) == "1.234.567"
    assert zahl(None) == ""
    assert euro(5000) == "5.000 €"
    assert euro(0) == "0 €"
    assert dezimal("12.50") == "12,5"
    assert dezimal("1234.25") == "1.234,25"
    assert dezimal("3.00") == "3"


def test_laufzeit_nennt_beginn_und_ende():
    assert monat("2018-03") == "03/2018"
    assert laufzeit(SimpleNamespace(beginn="2018-03", ende="")) == "seit 03/2018"
    assert (
        laufzeit(SimpleNamespace(beginn="2018-03", ende="2020-12")) == "03/2018 \N{EN DASH} 12/2020"
    )
    assert laufzeit(SimpleNamespace(beginn="", ende="2020-12")) == "bis 12/2020"
    assert laufzeit(SimpleNamespace(beginn="", ende="")) == ""


@pytest.mark.django_db
def test_startseite_zeigt_suche_einstieg_neueste_und_zahlen(client, home_page, eintrag):
    home_page.einleitung = "Kommunen lernen voneinander."
    home_page.save()
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1
    assert "Kommunen lernen voneinander." in html
    assert 'action="/suche/"' in html and 'name="q"' in html
    assert "Einstieg nach Handlungsfeld" in html
    assert 'href="/praxisbeispiele/?handlungsfeld=sprache"' in html
    assert "1 Praxisbeispiel<" in html
    felder = html[html.index("Einstieg nach Handlungsfeld") :]
    assert felder.index(">Sprache<") < felder.index(">Antidiskriminierung<")  # editors' order
    assert "Sprachcafé am Markt" in html
    assert "Neueste Praxisbeispiele" in html
    assert "<title>Praxisnetz Integration</title>" in html
    groesse = html[html.index("Beispiele aus Kommunen Ihrer Größe") :]
    assert 'href="/praxisbeispiele/?groessenklasse=landgemeinde"' in groesse
    assert groesse.index(">Landgemeinde<") < groesse.index(">Großstadt<")


@pytest.mark.django_db
def test_grundgeruest_hat_sprunglink_landmarken_und_navigation(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html and '<main id="inhalt"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Hauptnavigation"' in html
    assert 'href="/praxisbeispiele/"' in html and 'href="/kommunen/"' in html
    assert 'href="/suche/"' in html
    assert '<label class="visually-hidden" for="header-suche">' in html
    assert "/static/css/main.css" in html
    assert "googleapis" not in html and "cdn" not in html.lower()


@pytest.mark.django_db
def test_fusszeile_verlinkt_standardseiten_und_betreiber(client, home_page):
    ensure_standardseiten(home_page)
    einstellungen = PlattformEinstellungen.for_site(Site.objects.get(is_default_site=True))
    einstellungen.betreiber = "Landkreis Musterland"
    einstellungen.save()
    html = client.get("/").content.decode()
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        assert f'href="/{slug}/"' in html
    assert "Landkreis Musterland" in html


@pytest.mark.django_db
def test_standardseiten_werden_einmal_angelegt(home_page):
    erste = ensure_standardseiten(home_page)
    StandardPage.objects.filter(slug="impressum").update(title="Impressum (geändert)")
    zweite = ensure_standardseiten(home_page)
    assert [s.slug for s in erste] == ["impressum", "datenschutz", "barrierefreiheit"]
    assert [s.pk for s in erste] == [s.pk for s in zweite]
    assert StandardPage.objects.count() == 3
    assert StandardPage.objects.get(slug="impressum").title == "Impressum (geändert)"
    assert all(s.live for s in StandardPage.objects.all())


@pytest.mark.django_db
def test_impressum_nennt_destatis_und_erklaerung_folgt_bitv(client, home_page):
    ensure_standardseiten(home_page)
    impressum = client.get("/impressum/").content.decode()
    assert "© Statistisches Bundesamt (Destatis), GV-ISys" in impressum
    assert "dl-de/by-2-0" in impressum
    erklaerung = client.get("/barrierefreiheit/").content.decode()
    for abschnitt in (
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontakt",
        "Schlichtungsverfahren",
    ):
        assert abschnitt in erklaerung
    assert "[Bitte ergänzen" in erklaerung


@pytest.mark.django_db
def test_standardseite_zeigt_titel_und_text(client, home_page):
    seite = home_page.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", text="<p>Ein Netzwerk.</p>")
    )
    response = client.get(seite.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Über uns</h1>" in html and "<p>Ein Netzwerk.</p>" in html


@pytest.mark.django_db
def test_unbekannte_adresse_gibt_deutsche_404(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_fehlerseite_braucht_keinen_kontext():
    html = get_template("500.html").render({})
    assert '<html lang="de">' in html and "Technischer Fehler" in html


@pytest.mark.django_db
def test_groessenklassen_zaehlen_eintraege_nach_groesse_der_kommune(eintrag):
    from kommunen.models import Kommune
    from plattform.home import groessenklassen_mit_anzahl
    from praxis.models import PraxisPage

    gross = Kommune.objects.create(
        ags="02000000", name="Hamburg", typ="kreisfreie_stadt", einwohner=1_900_000, bundesland="HH"
    )
    profil = KommunePageFactory(parent=KommunenIndexPage.objects.get(), kommune=gross)
    PraxisPageFactory(parent=profil)
    PraxisPageFactory(parent=profil, live=False)
    zahlen = {k["slug"]: k["anzahl"] for k in groessenklassen_mit_anzahl(PraxisPage.objects.live())}
    assert zahlen == {
        "landgemeinde": 1,
        "kleinstadt": 0,
        "mittelstadt": 0,
        "grossstadt": 1,
        "landkreis": 0,
    }
