"""Factories for Kommunen and their profiles, shared by tests and benchmarks."""

from typing import TYPE_CHECKING, Any

import factory
import wagtail_factories

from kommunen.models import Kommune, KommunePage, KommuneTyp, LandkreisPage


class KommuneFactory(factory.django.DjangoModelFactory[Kommune]):
    """A kreisangehörige Gemeinde in Kreis Stormarn unless told otherwise."""

    if TYPE_CHECKING:
        # factory_boy types only .create(); calling the factory creates a Kommune as well.
        def __new__(cls, *args: Any, **kwargs: Any) -> Kommune: ...  # type: ignore[misc]

    class Meta:
        model = Kommune
        django_get_or_create = ("ags",)

    ags = factory.Sequence(lambda n: f"01062{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Musterdorf {n}")
    typ = KommuneTyp.GEMEINDE
    einwohner = 3_000
    bundesland = "SH"


class LandkreisFactory(KommuneFactory):
    ags = factory.Sequence(lambda n: f"010{50 + n % 50:02d}")
    name = factory.Sequence(lambda n: f"Kreis Muster {n}")
    typ = KommuneTyp.LANDKREIS
    einwohner = 200_000


class KommunePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KommunePage

    kommune = factory.SubFactory(
        KommuneFactory,
        typ=KommuneTyp.KREISFREIE_STADT,
        ags=factory.Sequence(lambda n: f"0100{n % 10}000"),
    )
    title = factory.LazyAttribute(lambda page: page.kommune.anzeigename)


class LandkreisPageFactory(KommunePageFactory):
    class Meta:
        model = LandkreisPage

    kommune = factory.SubFactory(LandkreisFactory)
