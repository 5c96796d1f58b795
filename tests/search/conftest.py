"""Test data for the search: Kommunen of different sizes with published Praxisbeispiele."""

import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage


def profil_fuer(kommune: Kommune) -> KommunePage:
    """The Kommune's profile page, created directly below the Kommunen index if missing."""
    vorhanden = KommunePage.objects.filter(kommune=kommune).first()
    if vorhanden:
        return vorhanden
    index = KommunenIndexPage.objects.get()
    return index.add_child(
        instance=KommunePage(title=kommune.anzeigename, slug=f"k-{kommune.ags}", kommune=kommune)
    )


def praxis_anlegen(
    kommune: Kommune,
    titel: str,
    kurzbeschreibung: str = "Ein Projekt.",
    handlungsfelder: tuple[str, ...] = ("sprache",),
    zielgruppen: tuple[str, ...] = (),
    status: str = "laufend",
    live: bool = True,
    **kwargs,
) -> PraxisPage:
    """A (by default published) Praxisbeispiel of that Kommune."""
    return PraxisPageFactory(
        parent=profil_fuer(kommune),
        title=titel,
        kurzbeschreibung=kurzbeschreibung,
        handlungsfelder=list(handlungsfelder),
        zielgruppen=list(zielgruppen),
        status=status,
        live=live,
        **kwargs,
    )


@pytest.fixture
def kommunen(db) -> dict[str, Kommune]:
    """A small town in Stormarn, its neighbour, a similar town elsewhere and two big cities."""
    stormarn = KommuneFactory(
        ags="01062", name="Stormarn", typ=KommuneTyp.LANDKREIS, einwohner=245_000
    )
    return {
        "stormarn": stormarn,
        "klein": KommuneFactory(
            ags="01062001", name="Kleinau", einwohner=4_000, verstaedterung=3, kreis=stormarn
        ),
        "nachbar": KommuneFactory(
            ags="01062002", name="Nachbarsdorf", einwohner=4_500, verstaedterung=3, kreis=stormarn
        ),
        "aehnlich": KommuneFactory(
            ags="09189001", name="Bergdorf", einwohner=3_800, verstaedterung=3, bundesland="BY"
        ),
        "gross": KommuneFactory(
            ags="09162000",
            name="München, Landeshauptstadt",
            typ=KommuneTyp.KREISFREIE_STADT,
            einwohner=1_500_000,
            verstaedterung=1,
            bundesland="BY",
        ),
        "mittel": KommuneFactory(
            ags="05315000",
            name="Köln, Stadt",
            typ=KommuneTyp.KREISFREIE_STADT,
            einwohner=1_000_000,
            verstaedterung=1,
            bundesland="NW",
        ),
    }


@pytest.fixture
def beispiele(kommunen) -> dict[str, PraxisPage]:
    """Five live entries and one draft across the Kommunen."""
    return {
        "sprachcafe": praxis_anlegen(
            kommunen["nachbar"],
            "Sprachcafé für Mütter",
            "Geflüchtete Mütter lernen Deutsch beim Kaffee.",
            ("sprache", "fruehe-bildung"),
            ("gefluechtete", "frauen"),
        ),
        "wohnen": praxis_anlegen(
            kommunen["aehnlich"],
            "Wohnungslotsen im Dorf",
            "Ehrenamtliche helfen Geflüchteten bei der Wohnungssuche.",
            ("wohnen",),
            ("gefluechtete", "ehrenamtliche"),
            status="verstetigt",
        ),
        "sprachkurs_gross": praxis_anlegen(
            kommunen["gross"],
            "Sprachkurs für Mütter mit Kinderbetreuung",
            "Sprachkurse für Mütter in der Großstadt.",
            ("sprache",),
            ("frauen", "familien"),
        ),
        "ikoe": praxis_anlegen(
            kommunen["mittel"],
            "Interkulturelle Öffnung im Bürgeramt",
            "Schulungen für Verwaltungsmitarbeitende.",
            ("interkulturelle-oeffnung",),
            ("verwaltungsmitarbeitende",),
            status="abgeschlossen",
        ),
        "sport": praxis_anlegen(
            kommunen["klein"],
            "Fußball für alle",
            "Sportverein öffnet sich für Neuzugewanderte.",
            ("kultur-sport", "engagement-ehrenamt"),
            ("neuzugewanderte",),
            status="geplant",
        ),
        "entwurf": praxis_anlegen(
            kommunen["klein"],
            "Sprachpaten (Entwurf)",
            "Noch nicht veröffentlicht.",
            ("sprache",),
            live=False,
        ),
    }


@pytest.fixture
def engine_aus(settings):
    """An engine URL where nothing listens, with the cached clients forgotten before and after."""
    from search import client

    settings.SEARCH_URL = "http://127.0.0.1:9"
    client.zuruecksetzen()
    yield
    client.zuruecksetzen()
