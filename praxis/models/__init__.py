"""Good-practice entries (Praxisbeispiele), their taxonomies and the listing page."""

from .erinnerungen import StandErinnerung
from .foerderprogramme import Foerderprogramm, FoerderTraeger
from .pages import (
    PraxisFoerderung,
    PraxisIndexPage,
    PraxisLink,
    PraxisPage,
    PraxisPageTag,
    PraxisPartner,
)
from .taxonomies import Evidenz, Handlungsfeld, PraxisStatus, Taxonomie, Zielgruppe

__all__ = [
    "Evidenz",
    "FoerderTraeger",
    "Foerderprogramm",
    "Handlungsfeld",
    "PraxisFoerderung",
    "PraxisIndexPage",
    "PraxisLink",
    "PraxisPage",
    "PraxisPageTag",
    "PraxisPartner",
    "PraxisStatus",
    "StandErinnerung",
    "Taxonomie",
    "Zielgruppe",
]
