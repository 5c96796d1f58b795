"""Profile pages created on demand with ensure_profile."""

from django.core.exceptions import ValidationError

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from kommunen.profiles import ensure_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def kreis():
    return LandkreisFactory(ags="01062", name="Kreis Stormarn")


def test_kreisangehoerige_gemeinde_gets_kreis_profile_first(kreis):
    gemeinde = KommuneFactory(ags="01062001", name="Ahrensburg, Stadt", kreis=kreis)
    profile = ensure_profile(gemeinde)
    kreis_profile = LandkreisPage.objects.get(kommune=kreis)
    assert type(profile) is KommunePage and profile.live and profile.title == "Ahrensburg"
    assert profile.get_parent().pk == kreis_profile.pk
    assert kreis_profile.live and kreis_profile.get_parent().specific_class is KommunenIndexPage


def test_existing_profile_is_returned_not_duplicated(kreis):
    gemeinde = KommuneFactory(ags="01062002", kreis=kreis)
    first = ensure_profile(gemeinde)
    assert ensure_profile(gemeinde).pk == first.pk
    assert KommunePage.objects.filter(kommune=gemeinde).count() == 1
    assert LandkreisPage.objects.count() == 1


def test_second_gemeinde_reuses_the_kreis_profile(kreis):
    a = ensure_profile(KommuneFactory(ags="01062003", kreis=kreis))
    b = ensure_profile(KommuneFactory(ags="01062004", kreis=kreis))
    assert a.get_parent().pk == b.get_parent().pk
    assert LandkreisPage.objects.count() == 1


def test_kreisfreie_stadt_stands_directly_under_the_index():
    stadt = KommuneFactory(ags="01002000", name="Kiel", typ=KommuneTyp.KREISFREIE_STADT)
    profile = ensure_profile(stadt)
    assert profile.get_parent().pk == KommunenIndexPage.objects.get().pk
    assert not LandkreisPage.objects.exists()


def test_landkreis_gets_a_landkreis_profile(kreis):
    profile = ensure_profile(kreis)
    assert isinstance(profile, LandkreisPage) and profile.live
    assert ensure_profile(kreis).pk == profile.pk


def test_equal_names_get_distinct_slugs(kreis):
    a = ensure_profile(KommuneFactory(ags="01062005", name="Hagen", kreis=kreis))
    b = ensure_profile(KommuneFactory(ags="01062006", name="Hagen", kreis=kreis))
    assert a.slug == "hagen" and b.slug == "hagen-01062006"


def test_profile_that_breaks_the_tree_rules_is_refused():
    stadt = KommuneFactory(ags="01002000", typ=KommuneTyp.KREISFREIE_STADT)
    misplaced = KommuneFactory(ags="01002001", typ=KommuneTyp.GEMEINDE, kreis=stadt)
    with pytest.raises(ValidationError, match="Landkreises"):
        ensure_profile(misplaced)
    assert not KommunePage.objects.filter(kommune=misplaced).exists()
