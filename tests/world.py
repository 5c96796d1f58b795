"""The shared test world: one small, realistic page tree built from the app factories.

    Kommunen index
    ├── Kreis Stormarn (Landkreis profile)
    │   ├── Ahrensburg (Gemeinde profile with every structure field, no entries)
    │   └── Bargteheide (Gemeinde profile with three entries, one of them complete)
    └── Schwerin (kreisfreie Stadt, one entry)

Gemeinde profiles stand under their Landkreis's profile (kommunen/rules.py). tests/conftest.py
builds it once per module (`world`) or once per test for tests that need committed data
(`committed_world`, for the browser tests against the live server).
"""

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.db import transaction

import wagtail_factories
from factory.django import FileField

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
    LandkreisFactory,
    LandkreisPageFactory,
)
from kommunen.models import (
    KommunenIndexPage,
    KommunePage,
    KommuneTyp,
    Kontaktperson,
    LandkreisPage,
    Netzwerk,
)
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage

T = TypeVar("T")
ENTRY_TITLE = "Sprachcafé am Hafen mit einem sehr langen Titel für schmale Bildschirme"


@dataclass
class World:
    index: KommunenIndexPage
    kreis: LandkreisPage
    ahrensburg: KommunePage
    bargteheide: KommunePage
    schwerin: KommunePage
    entry: PraxisPage  # the complete one, with image, document and partners
    entries: dict[str, PraxisPage]

    def copy(self) -> "World":
        """A copy for one test, so that a test changing an instance leaves the next one alone
        (what Django's TestCase.setUpTestData does for class attributes)."""
        return copy.deepcopy(self)


def build_world() -> World:
    """Create the tree below the migrated Kommunen index; see the module docstring."""
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisPageFactory(
        parent=index,
        title="Kreis Stormarn",
        kommune=LandkreisFactory(ags="01062", name="Kreis Stormarn", einwohner=245_000),
    )
    ahrensburg = _ahrensburg(kreis)
    bargteheide = KommunePageFactory(
        parent=kreis,
        kommune=KommuneFactory(
            ags="01062004",
            name="Bargteheide, Stadt",
            typ=KommuneTyp.STADT,
            einwohner=16_000,
            verstaedterung=2,
            kreis=kreis.kommune,
        ),
    )
    schwerin = KommunePageFactory(
        parent=index,
        kommune=KommuneFactory(
            ags="13004000",
            name="Schwerin",
            typ=KommuneTyp.KREISFREIE_STADT,
            einwohner=98_000,
            verstaedterung=1,
            bundesland="MV",
        ),
    )
    entry = _complete_entry(bargteheide, partners=[schwerin.kommune, _kommune_without_profile()])
    entries: dict[str, PraxisPage] = {
        "sprachcafe": entry,
        "sprachpaten": PraxisPageFactory(
            parent=bargteheide, title="Sprachpaten", handlungsfelder=["sprache"]
        ),
        "wohnungsboerse": PraxisPageFactory(
            parent=bargteheide, title="Wohnungsbörse", handlungsfelder=["wohnen"]
        ),
        "sprachkurs": PraxisPageFactory(
            parent=schwerin, title="Sprachkurs Hafen", handlungsfelder=["sprache"]
        ),
    }
    return World(index, kreis, ahrensburg, bargteheide, schwerin, entry, entries)


def _ahrensburg(kreis: LandkreisPage) -> KommunePage:
    """A Gemeinde profile with its fact sheet, structures, a network and two contacts."""
    page = KommunePageFactory(
        parent=kreis,
        kommune=KommuneFactory(
            ags="01062001",
            name="Ahrensburg, Stadt",
            typ=KommuneTyp.STADT,
            einwohner=12_345,
            flaeche_km2=Decimal("12.50"),
            verstaedterung=2,
            kreis=kreis.kommune,
        ),
        integrationsbeauftragte="hauptamtlich",
        integrationsbeauftragte_stellenumfang=Decimal("0.50"),
        integrationsbeirat=True,
        integrationsbeirat_seit=2015,
        integrationskonzept=True,
        integrationskonzept_jahr=2016,
        integrationskonzept_fortschreibung=2021,
        einleitung="<p>Ahrensburg setzt auf Ehrenamt und kurze Wege.</p>",
    )
    Netzwerk.objects.create(page=page, name="Netzwerk Integration Stormarn")
    Kontaktperson.objects.create(
        page=page, name="Erika Offen", email="offen@example.org", veroeffentlichen=True
    )
    Kontaktperson.objects.create(page=page, name="Max Geheim", email="geheim@example.org")
    return page


def _kommune_without_profile():
    return KommuneFactory(ags="01001999", name="Ohnedorf")


def _complete_entry(profile: KommunePage, partners: list) -> PraxisPage:
    """An entry with every field filled and one block of every kind in its body."""
    image = wagtail_factories.ImageFactory(
        title="Foto", file__width=1200, file__height=700, file__color="#7a9e9f"
    )
    document = wagtail_factories.DocumentFactory(
        title="Konzept Sprachcafé", file=FileField(data=b"x" * 2048, filename="konzept.pdf")
    )
    page = PraxisPageFactory(
        parent=profile,
        title=ENTRY_TITLE,
        bild=image,
        kosten_jahr_eur=5000,
        kosten_einmalig_eur=800,
        personal="0,25 Stellen, 12 Ehrenamtliche",
        beginn="2018-03",
        ende="2020-12",
        status="abgeschlossen",
        traeger="Volkshochschule",
        uebertragbarkeit="Ein Raum und zwei Ehrenamtliche genügen.",
        evidenz="erprobt",
        erfahrungen="Mit fester Uhrzeit kamen mehr Menschen als mit wechselnden Terminen.",
        kontakt_name="Erika Muster",
        kontakt_funktion="Integrationsbeauftragte",
        kontakt_email="muster@example.org",
        kontakt_telefon="0461 123",
        handlungsfelder=["sprache", "engagement-ehrenamt"],
        zielgruppen=["neuzugewanderte"],
        foerderungen=["AMIF"],
        partner=partners,
    )
    page.schlagworte.add("Sprachcafé")
    page.body = [
        {"type": "absatz", "value": "<p>Jeden Dienstag im Rathaus.</p>"},
        {
            "type": "bild",
            "value": {"image": image.pk, "decorative": False, "alt_text": "Menschen am Tisch"},
        },
        {"type": "dokument", "value": {"dokument": document.pk, "beschreibung": "Konzept"}},
        {"type": "zitat", "value": {"zitat": "Hier lerne ich.", "quelle": "Teilnehmerin"}},
    ]
    page.save()
    return page


def built_for_module(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """Body of a module-scoped fixture: `build()` inside a transaction that is rolled back after
    the module's last test; each test runs in a savepoint within it (pytest-django's `db`)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
