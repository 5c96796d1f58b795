"""The editor experience: German admin, tabs, read-only derived values, a usable Kommune chooser."""

from decimal import Decimal

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunenIndexPage, KommunePage, LandkreisPage
from praxis.factories import PraxisPageFactory
from praxis.models import Handlungsfeld, PraxisPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    kreis = LandkreisFactory(ags="01062", name="Stormarn")
    index = KommunenIndexPage.objects.get()
    landkreis = index.add_child(instance=LandkreisPage(title="Kreis Stormarn", kommune=kreis))
    ahrensburg = KommuneFactory(
        ags="01062001", name="Ahrensburg, Stadt", kreis=kreis, einwohner=34_000, typ="stadt"
    )
    return landkreis.add_child(instance=KommunePage(title="Ahrensburg", kommune=ahrensburg))


def test_kommune_chooser_finds_by_name_prefix_and_ags(admin_client, profile):
    KommuneFactory(ags="01062004", name="Barsbüttel")
    url = reverse("wagtailsnippetchoosers_kommunen_kommune:choose_results")
    by_name = admin_client.get(url, {"q": "ahrens"}).content.decode()
    assert "Ahrensburg" in by_name and "Barsbüttel" not in by_name
    by_ags = admin_client.get(url, {"q": "01062004"}).content.decode()
    assert "Barsbüttel" in by_ags and "Ahrensburg" not in by_ags


def test_kommune_chooser_finds_names_typed_without_umlauts(admin_client, profile):
    KommuneFactory(ags="05515000", name="Münster, Stadt", typ="kreisfreie_stadt", bundesland="NW")
    url = reverse("wagtailsnippetchoosers_kommunen_kommune:choose_results")
    assert "Münster" in admin_client.get(url, {"q": "Muenster"}).content.decode()


def test_kommune_chooser_speaks_grammatical_german(admin_client, profile):
    modal = admin_client.get(reverse("wagtailsnippetchoosers_kommunen_kommune:choose")).json()
    assert "Kommune auswählen" in modal["html"] and "Auswählen" not in modal["html"]
    page = PraxisPageFactory(parent=profile, partner=[KommuneFactory(ags="01062004")])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Andere Kommune auswählen" in html and "Kommune auswählen" in html
    assert "Kommune-Objekt" not in html


def test_praxis_editor_is_german_with_tabs_and_the_lead_kommune(admin_client, profile):
    url = reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", profile.pk))
    html = admin_client.get(url).content.decode()
    for tab in ("Inhalt", "Einordnung", "Rahmenbedingungen", "Veröffentlichung"):
        assert tab in html
    assert "Federführende Kommune" in html and "Ahrensburg" in html
    assert "Mittelstadt" in html  # derived size class, shown but not a form field
    assert 'name="groessenklasse"' not in html


def _praxis_form_data(handlungsfelder=(), **fields) -> dict:
    data = {
        "title": "",
        "slug": "",
        "kurzbeschreibung": "",
        "body": streamfield([]),
        "status": "laufend",
        "beginn": "",
        "ende": "",
        "partner": inline_formset([]),
        "foerderungen": inline_formset([]),
        "links": inline_formset([]),
    }
    data.update(fields)
    return {**nested_form_data(data), "handlungsfelder": list(handlungsfelder)}


def test_invalid_entry_gets_german_validation_messages(admin_client, profile):
    url = reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", profile.pk))
    response = admin_client.post(url, _praxis_form_data(beginn="2020-13", ende="2019-01"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert "Bitte im Format JJJJ-MM angeben" in html
    # An impossible month is refused by its field, so the order of months is checked apart.
    response = admin_client.post(url, _praxis_form_data(beginn="03/2020", ende="2019-01"))
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not PraxisPage.objects.exists()


def test_groessenklasse_is_shown_read_only_on_the_register_entry(admin_client, profile):
    kommune = profile.kommune
    url = reverse("wagtailsnippets_kommunen_kommune:edit", args=(kommune.pk,))
    html = admin_client.get(url).content.decode()
    assert "Größenklasse" in html and "Mittelstadt" in html
    response = admin_client.post(
        url,
        {
            "ags": kommune.ags,
            "typ": "stadt",
            "name": kommune.name,
            "anzeigename": "Ahrensburg",
            "einwohner": "4999",
            "groessenklasse": "grossstadt",
            "bundesland": "SH",
            "kreis": kommune.kreis_id,
        },
    )
    assert response.status_code == 302
    kommune.refresh_from_db()
    assert kommune.groessenklasse == "landgemeinde"


def test_preview_renders_the_public_template(admin_client, profile):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("praxis", "praxispage", profile.pk))
    form_data = _praxis_form_data(
        title="Sprachcafé",
        slug="sprachcafe",
        kurzbeschreibung="Deutsch üben bei Kaffee und Kuchen.",
        body=streamfield([("absatz", rich_text("<p>Jeden Dienstag im Rathaus.</p>"))]),
        handlungsfelder=[Handlungsfeld.objects.get(slug="sprache").pk],
    )
    assert admin_client.post(url, form_data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deutsch üben bei Kaffee und Kuchen." in html
    assert "Jeden Dienstag im Rathaus." in html
    assert "<main" in html  # the public base layout, not an admin view


def test_register_entry_takes_figures_in_german_notation(admin_client, profile):
    kommune = profile.kommune
    url = reverse("wagtailsnippets_kommunen_kommune:edit", args=(kommune.pk,))
    form = {
        "ags": kommune.ags,
        "typ": "stadt",
        "name": kommune.name,
        "anzeigename": "Ahrensburg",
        "bundesland": "SH",
        "kreis": kommune.kreis_id,
        "einwohner": "34.012",
        "flaeche_km2": "36,71",
        "breitengrad": "53,6753",
        "laengengrad": "10.2345",
    }
    assert admin_client.post(url, form).status_code == 302
    kommune.refresh_from_db()
    assert kommune.einwohner == 34_012 and kommune.flaeche_km2 == Decimal("36.71")
    assert (kommune.breitengrad, kommune.laengengrad) == (53.6753, 10.2345)
    html = admin_client.get(url).content.decode()
    assert 'value="36,71"' in html and 'inputmode="decimal"' in html


def test_register_entry_refuses_ambiguous_or_too_large_figures(admin_client, profile):
    kommune = profile.kommune
    url = reverse("wagtailsnippets_kommunen_kommune:edit", args=(kommune.pk,))
    form = {
        "ags": kommune.ags,
        "typ": "stadt",
        "name": kommune.name,
        "anzeigename": "Ahrensburg",
        "bundesland": "SH",
        "kreis": kommune.kreis_id,
        "einwohner": "3.000.000.000",
        "flaeche_km2": "36.710",
    }
    html = admin_client.post(url, form).content.decode()
    assert "kleiner oder gleich 2147483647" in html
    assert "„36.710“ ist nicht eindeutig" in html
    kommune.refresh_from_db()
    assert kommune.einwohner == 34_000


def test_profile_structures_take_german_figures(admin_client, profile):
    url = reverse("wagtailadmin_pages:edit", args=(profile.pk,))
    form = nested_form_data(
        {
            "title": "Ahrensburg",
            "slug": "ahrensburg",
            "kommune": profile.kommune_id,
            "einleitung": rich_text(""),
            "integrationsbeauftragte": "hauptamtlich",
            "integrationsbeauftragte_stellenumfang": "1,5",
            "integrationsbeirat_seit": "2015",
            "integrationskonzept_jahr": "1949",
            "migrantenselbstorganisationen": "1.2",
            "netzwerke": inline_formset([]),
            "kontaktpersonen": inline_formset([]),
        }
    )
    html = admin_client.post(url, form).content.decode()
    assert "„1.2“ ist keine ganze Zahl" in html
    assert "größer oder gleich 1950" in html
    form.update(integrationskonzept_jahr="", migrantenselbstorganisationen="12")
    assert admin_client.post(url, form).status_code == 302
    draft = KommunePage.objects.get(pk=profile.pk).get_latest_revision_as_object()
    assert draft.integrationsbeauftragte_stellenumfang == Decimal("1.5")
    assert (draft.integrationsbeirat_seit, draft.migrantenselbstorganisationen) == (2015, 12)
