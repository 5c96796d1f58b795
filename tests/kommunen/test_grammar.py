"""A Kommune's name in running text: article and declined designation, as the register names it."""

from django.contrib.auth.models import Group

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisFactory
from kommunen.grammar import genitive, kreis_genitive, short_kreis_name
from kommunen.models import KommunenIndexPage, KommuneTyp, LandkreisPage
from kommunen.models.register import anzeigename_from
from kommunen.permissions import ensure_kreis_coordination


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("Kreis Stormarn", "des Kreises Stormarn"),
        ("Landkreis Harburg", "des Landkreises Harburg"),
        ("Landkreis Weimarer Land", "des Landkreises Weimarer Land"),
        ("Eifelkreis Bitburg-Prüm", "des Eifelkreises Bitburg-Prüm"),
        ("Rhein-Kreis Neuss", "des Rhein-Kreises Neuss"),
        ("Rems-Murr-Kreis", "des Rems-Murr-Kreises"),
        ("Hochsauerlandkreis", "des Hochsauerlandkreises"),
        ("Märkischer Kreis", "des Märkischen Kreises"),
        ("Rheinisch-Bergischer Kreis", "des Rheinisch-Bergischen Kreises"),
        ("Region Hannover", "der Region Hannover"),
        ("Städteregion Aachen", "der Städteregion Aachen"),
        ("Regionalverband Saarbrücken", "des Regionalverbands Saarbrücken"),
        ("Stormarn", "des Kreises Stormarn"),  # a register that keeps the designation apart
    ],
)
def test_kreise_take_their_article_and_genitive(name, phrase):
    assert kreis_genitive(name) == phrase


@pytest.mark.parametrize(
    ("name", "typ", "phrase"),
    [
        ("Ahrensburg, Stadt", KommuneTyp.STADT, "der Stadt Ahrensburg"),
        ("Barsbüttel", KommuneTyp.GEMEINDE, "der Gemeinde Barsbüttel"),
        ("Lübeck, Hansestadt", KommuneTyp.KREISFREIE_STADT, "der Hansestadt Lübeck"),
        (
            "Stuttgart, Landeshauptstadt",
            KommuneTyp.KREISFREIE_STADT,
            "der Landeshauptstadt Stuttgart",
        ),
        (
            "Hamburg, Freie und Hansestadt",
            KommuneTyp.KREISFREIE_STADT,
            "der Freien und Hansestadt Hamburg",
        ),
        ("Merzig, Kreisstadt", KommuneTyp.STADT, "der Kreisstadt Merzig"),
        ("Ebersberg, GKSt", KommuneTyp.STADT, "der Großen Kreisstadt Ebersberg"),
        ("Dettelbach, St", KommuneTyp.STADT, "der Stadt Dettelbach"),
        ("Bruchhausen-Vilsen, Flecken", KommuneTyp.GEMEINDE, "des Fleckens Bruchhausen-Vilsen"),
        ("Kaisersbach, Markt", KommuneTyp.GEMEINDE, "des Marktes Kaisersbach"),
        ("Jena", KommuneTyp.KREISFREIE_STADT, "der Stadt Jena"),
        ("Bad Sooden, Kurort", KommuneTyp.STADT, "der Stadt Bad Sooden"),  # gender unknown
    ],
)
def test_gemeinden_and_staedte_take_their_designation(name, typ, phrase):
    kommune = KommuneFactory.build(name=name, anzeigename=anzeigename_from(name), typ=typ)
    assert genitive(kommune) == phrase


def test_a_landkreis_is_declined_by_its_display_name():
    kreis = LandkreisFactory.build(name="Harburg", anzeigename="Landkreis Harburg")
    assert genitive(kreis) == "des Landkreises Harburg"


def test_gemeindefreie_gebiete_are_no_gemeinde():
    gebiet = KommuneFactory.build(name="Sachsenwald", anzeigename="Sachsenwald", gemeindefrei=True)
    assert genitive(gebiet) == "des gemeindefreien Gebiets Sachsenwald"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Kreis Stormarn", "Stormarn"),
        ("Landkreis Weimarer Land", "Weimarer Land"),
        ("Rems-Murr-Kreis", "Rems-Murr-Kreis"),
        ("Region Hannover", "Region Hannover"),
        ("Stormarn", "Stormarn"),
    ],
)
def test_short_kreis_names_drop_only_a_leading_designation(name, short):
    assert short_kreis_name(name) == short


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Kreis Stormarn", "Kreiskoordination Stormarn"),
        ("Landkreis Osnabrück", "Kreiskoordination Osnabrück"),
        ("Rems-Murr-Kreis", "Kreiskoordination Rems-Murr-Kreis"),
        ("Region Hannover", "Kreiskoordination Region Hannover"),
    ],
)
def test_kreis_coordinations_are_named_without_kreis_twice(home_page, name, group):
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisFactory(name=name)
    landkreis = index.add_child(instance=LandkreisPage(title=name, kommune=kreis))
    assert ensure_kreis_coordination(landkreis).name == group
    assert landkreis.get_workflow().name == f"Freigabe durch die {group}"
    assert Group.objects.filter(name__startswith="Kreiskoordination Kreis").count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kreis", "gemeinde", "link"),
    [
        ("Kreis Stormarn", None, "Website des Kreises Stormarn zur Integration"),
        ("Landkreis Harburg", None, "Website des Landkreises Harburg zur Integration"),
        ("Kreis Stormarn", "Ahrensburg, Stadt", "Website der Stadt Ahrensburg zur Integration"),
        ("Kreis Stormarn", "Barsbüttel", "Website der Gemeinde Barsbüttel zur Integration"),
    ],
)
def test_the_profile_links_the_website_in_grammatical_german(
    client, home_page, kreis, gemeinde, link
):
    index = KommunenIndexPage.objects.get()
    landkreis = index.add_child(
        instance=LandkreisPage(
            title=kreis, kommune=LandkreisFactory(name=kreis), website="https://kreis.example"
        )
    )
    page = landkreis
    if gemeinde:
        kommune = KommuneFactory(name=gemeinde, typ=KommuneTyp.GEMEINDE, kreis=landkreis.kommune)
        page = KommunePageFactory(parent=landkreis, kommune=kommune, website="https://ort.example")
    html = client.get(page.url).content.decode()
    assert link in html
    assert "Website von" not in html
