"""Test data for the search: Kommunen of different sizes with published Praxisbeispiele, and
the `engine` fixture for tests against the real engine (marked `engine`)."""

import itertools
import os

import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage
from search import client
from search.indices import versions

from .engine_support import engine_url

_index_counter = itertools.count()


def profile_for(kommune: Kommune) -> KommunePage:
    """The Kommune's profile page, created directly below the Kommunen index if missing."""
    existing = KommunePage.objects.filter(kommune=kommune).first()
    if existing:
        return existing
    index = KommunenIndexPage.objects.get()
    return index.add_child(
        instance=KommunePage(title=kommune.anzeigename, slug=f"k-{kommune.ags}", kommune=kommune)
    )


def create_entry(
    kommune: Kommune,
    title: str,
    kurzbeschreibung: str = "Ein Projekt.",
    handlungsfelder: tuple[str, ...] = ("sprache",),
    zielgruppen: tuple[str, ...] = (),
    status: str = "laufend",
    live: bool = True,
    **kwargs,
) -> PraxisPage:
    """A (by default published) Praxisbeispiel of that Kommune."""
    return PraxisPageFactory(
        parent=profile_for(kommune),
        title=title,
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
def entries(kommunen) -> dict[str, PraxisPage]:
    """Five live entries and one draft across the Kommunen."""
    return {
        "sprachcafe": create_entry(
            kommunen["nachbar"],
            "Sprachcafé für Mütter",
            "Geflüchtete Mütter lernen Deutsch beim Kaffee.",
            ("sprache", "fruehe-bildung"),
            ("gefluechtete", "frauen"),
        ),
        "wohnen": create_entry(
            kommunen["aehnlich"],
            "Wohnungslotsen im Dorf",
            "Ehrenamtliche helfen Geflüchteten bei der Wohnungssuche.",
            ("wohnen",),
            ("gefluechtete", "ehrenamtliche"),
            status="verstetigt",
        ),
        "sprachkurs_gross": create_entry(
            kommunen["gross"],
            "Sprachkurs für Mütter mit Kinderbetreuung",
            "Sprachkurse für Mütter in der Großstadt.",
            ("sprache",),
            ("frauen", "familien"),
        ),
        "ikoe": create_entry(
            kommunen["mittel"],
            "Interkulturelle Öffnung im Bürgeramt",
            "Schulungen für Verwaltungsmitarbeitende.",
            ("interkulturelle-oeffnung",),
            ("verwaltungsmitarbeitende",),
            status="abgeschlossen",
        ),
        "sport": create_entry(
            kommunen["klein"],
            "Fußball für alle",
            "Sportverein öffnet sich für Neuzugewanderte.",
            ("kultur-sport", "engagement-ehrenamt"),
            ("neuzugewanderte",),
            status="geplant",
        ),
        "entwurf": create_entry(
            kommunen["klein"],
            "Sprachpaten (Entwurf)",
            "Noch nicht veröffentlicht.",
            ("sprache",),
            live=False,
        ),
    }


@pytest.fixture
def engine_down(settings):
    """An engine URL where nothing listens, with the cached clients forgotten before and after."""
    settings.SEARCH_URL = "http://127.0.0.1:9"
    client.reset()
    yield
    client.reset()


@pytest.fixture
def engine(settings):
    """Point the app at the engine with an index prefix unique to this test; clean up after."""
    url = settings.SEARCH_URL = engine_url()
    settings.SEARCH_INDEX_PREFIX = f"test-{os.getpid()}-{next(_index_counter)}"
    client.reset()
    yield client.get_client()
    settings.SEARCH_URL = url
    client.reset()
    for index in versions():
        client.get_client().indices.delete(index=index)
    client.reset()


def pytest_collection_modifyitems(items) -> None:
    """Tests that use the engine are marked `engine`, so `-m "not engine"` leaves them out."""
    for item in items:
        if "engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.engine)
