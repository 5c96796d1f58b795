"""The search tests' data: Kommunen of different sizes with published Praxisbeispiele.

Profiles come from `ensure_profile`, so a Gemeinde's profile stands below its Landkreis's
profile as the tree rule demands (kommunen/rules.py). tests/search/conftest.py builds the set
once per module (fixtures `kommunen` and `entries`).
"""

from dataclasses import dataclass

from kommunen.factories import KommuneFactory
from kommunen.models import Kommune, KommuneTyp
from kommunen.profiles import ensure_profile
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage


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
        parent=ensure_profile(kommune),
        title=title,
        kurzbeschreibung=kurzbeschreibung,
        handlungsfelder=list(handlungsfelder),
        zielgruppen=list(zielgruppen),
        status=status,
        live=live,
        **kwargs,
    )


def create_kommunen() -> dict[str, Kommune]:
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


def create_entries(kommunen: dict[str, Kommune]) -> dict[str, PraxisPage]:
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


@dataclass
class SearchWorld:
    kommunen: dict[str, Kommune]
    entries: dict[str, PraxisPage]


def build_search_world() -> SearchWorld:
    kommunen = create_kommunen()
    return SearchWorld(kommunen, create_entries(kommunen))
