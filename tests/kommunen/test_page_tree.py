"""The page tree mirrors the administrative hierarchy, and page types and forms enforce it."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from plattform.models import HomePage, StandardPage
from praxis.models import PraxisIndexPage, PraxisPage
from tests.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def index() -> KommunenIndexPage:
    return KommunenIndexPage.objects.get()


@pytest.fixture
def stormarn(index) -> LandkreisPage:
    kreis = LandkreisFactory(ags="01062", name="Stormarn")
    return index.add_child(instance=LandkreisPage(title="Kreis Stormarn", kommune=kreis))


class TestPageTypes(WagtailPageTestCase):
    """Page types allow only the hierarchy, checked with Wagtail's own page test assertions."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def test_page_types_allow_only_the_hierarchy(self):
        self.assertAllowedParentPageTypes(LandkreisPage, {KommunenIndexPage})
        self.assertAllowedParentPageTypes(KommunePage, {KommunenIndexPage, LandkreisPage})
        self.assertAllowedParentPageTypes(PraxisPage, {KommunePage, LandkreisPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertAllowedSubpageTypes(KommunenIndexPage, {LandkreisPage, KommunePage})
        self.assertAllowedSubpageTypes(LandkreisPage, {KommunePage, PraxisPage})
        self.assertAllowedSubpageTypes(KommunePage, {PraxisPage})
        self.assertAllowedSubpageTypes(PraxisPage, set())
        self.assertAllowedSubpageTypes(PraxisIndexPage, set())

    def test_every_page_of_the_world_is_routable_and_renderable(self):
        world = self.world
        for page in (world.index, world.kreis, world.ahrensburg, world.schwerin, world.entry):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)


def _profile_form(page_class, parent, kommune):
    admin, _ = get_user_model().objects.get_or_create(username="admin", is_superuser=True)
    form_class = page_class.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": kommune.anzeigename,
            "slug": f"profil-{kommune.ags}",
            "kommune": kommune.pk,
            "einleitung": rich_text(""),
            "netzwerke": inline_formset([]),
            "kontaktpersonen": inline_formset([]),
            "integrationsbeauftragte": "",
        }
    )
    return form_class(data, instance=page_class(), parent_page=parent, for_user=admin)


def test_gemeinde_profile_must_stand_under_its_own_landkreis(index, stormarn):
    gemeinde = KommuneFactory(ags="01062001", name="Ahrensburg, Stadt", kreis=stormarn.kommune)
    assert _profile_form(KommunePage, stormarn, gemeinde).is_valid()

    form = _profile_form(KommunePage, index, gemeinde)
    assert not form.is_valid()
    assert "unter dem Profil ihres Landkreises" in str(form.errors["kommune"])


def test_gemeinde_of_another_kreis_is_refused(stormarn):
    other_kreis = LandkreisFactory(ags="01060", name="Segeberg")
    gemeinde = KommuneFactory(ags="01060044", name="Bad Segeberg, Stadt", kreis=other_kreis)
    form = _profile_form(KommunePage, stormarn, gemeinde)
    assert not form.is_valid()
    assert "gehört nicht zu" in str(form.errors["kommune"])


def test_kreisfreie_stadt_stands_directly_under_the_index(index):
    stadt = KommuneFactory(ags="01002000", name="Kiel", typ=KommuneTyp.KREISFREIE_STADT)
    assert _profile_form(KommunePage, index, stadt).is_valid()


def test_landkreis_needs_the_landkreis_page_type(index):
    kreis = LandkreisFactory(ags="01061", name="Steinburg")
    form = _profile_form(KommunePage, index, kreis)
    assert not form.is_valid()
    assert "Landkreis-Profil" in str(form.errors["kommune"])
    gemeinde = KommuneFactory(ags="01061005", name="Itzehoe", kreis=kreis)
    form = _profile_form(LandkreisPage, index, gemeinde)
    assert not form.is_valid()


def _praxis(parent, title="Integrationslotsen") -> PraxisPage:
    page = PraxisPage(title=title, kurzbeschreibung="Lotsen begleiten Neuzugewanderte.")
    return parent.add_child(instance=page)


def test_entry_takes_its_lead_kommune_and_a_stable_id_from_its_place(index, stormarn):
    gemeinde = KommuneFactory(ags="01062001", name="Ahrensburg, Stadt", kreis=stormarn.kommune)
    profile = stormarn.add_child(instance=KommunePage(title="Ahrensburg", kommune=gemeinde))
    page = _praxis(profile)
    assert page.kommune == gemeinde
    assert page.austausch_id == "ahrensburg-integrationslotsen"

    page.move(stormarn, pos="last-child")
    page = PraxisPage.objects.get(pk=page.pk)
    assert page.kommune == stormarn.kommune
    assert page.austausch_id == "ahrensburg-integrationslotsen"


def test_moving_a_profile_keeps_its_entries_lead_kommune(index, stormarn):
    stadt = KommuneFactory(ags="01002000", name="Kiel", typ=KommuneTyp.KREISFREIE_STADT)
    profile = index.add_child(instance=KommunePage(title="Kiel", kommune=stadt))
    page = _praxis(profile)
    Page.objects.get(pk=profile.pk).move(index, pos="first-child")
    assert PraxisPage.objects.get(pk=page.pk).kommune == stadt


def test_austausch_ids_stay_unique_for_equal_titles(stormarn):
    first = _praxis(stormarn, "Sprachcafé")
    second = stormarn.add_child(
        instance=PraxisPage(title="Sprachcafé", slug="sprachcafe-2", kurzbeschreibung="x")
    )
    assert first.austausch_id == "stormarn-sprachcafe"
    assert second.austausch_id == "stormarn-sprachcafe-2"
