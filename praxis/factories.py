"""Factories for Praxisbeispiele, shared by tests, benchmarks and demo seeding."""

from django.utils import timezone

import factory
import wagtail_factories

from praxis.models import (
    Foerderprogramm,
    Handlungsfeld,
    PraxisFoerderung,
    PraxisPage,
    PraxisPartner,
    Zielgruppe,
)


class PraxisPageFactory(wagtail_factories.PageFactory):
    """A live entry; pass `parent=<KommunePage>` so that it gets its lead Kommune.

    `handlungsfelder`/`zielgruppen` take slugs (default: "sprache"), `partner` takes
    Kommune objects (confirmed partnerships; `partner__bestaetigt=False` leaves them open
    requests), `foerderprogramme` slugs of managed programmes and `foerderungen` names of
    other funding sources.
    """

    class Meta:
        model = PraxisPage

    title = factory.Sequence(lambda n: f"Sprachcafé {n}")
    kurzbeschreibung = "Ehrenamtliche treffen sich wöchentlich mit Neuzugewanderten zum Sprechen."
    status = "laufend"
    beginn = "2018-03"
    first_published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def handlungsfelder(self, create: bool, slugs, **kwargs) -> None:
        if create:
            self.handlungsfelder.set(Handlungsfeld.objects.filter(slug__in=slugs or ["sprache"]))

    @factory.post_generation
    def zielgruppen(self, create: bool, slugs, **kwargs) -> None:
        if create and slugs:
            self.zielgruppen.set(Zielgruppe.objects.filter(slug__in=slugs))

    @factory.post_generation
    def partner(self, create: bool, kommunen, bestaetigt: bool = True, **kwargs) -> None:
        for kommune in kommunen or []:
            self.partner.add(PraxisPartner(kommune=kommune))
        self._confirm_partners = bool(kommunen) and bestaetigt

    @factory.post_generation
    def foerderprogramme(self, create: bool, slugs, **kwargs) -> None:
        if create and slugs:
            self.foerderprogramme.set(Foerderprogramm.objects.filter(slug__in=slugs))

    @factory.post_generation
    def foerderungen(self, create: bool, names, **kwargs) -> None:
        for name in names or []:
            self.foerderungen.add(PraxisFoerderung(name=name))

    @classmethod
    def _after_postgeneration(cls, instance: PraxisPage, create: bool, results=None) -> None:
        """Commit the cluster relations set by the post-generation hooks."""
        if create:
            instance.save()
        if create and getattr(instance, "_confirm_partners", False):
            # A new partner row is always an open request (PraxisPartner.save); test and demo
            # partnerships stand for ones agreed long ago.
            PraxisPartner.objects.filter(page=instance).update(bestaetigt=True)
