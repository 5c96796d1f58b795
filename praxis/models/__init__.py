"""Good-practice entries (Praxisbeispiele), their taxonomies and the listing page."""

from .erinnerungen import StandErinnerung
from .pages import (
    PraxisFoerderung,
    PraxisIndexPage,
    PraxisLink,
    PraxisPage,
    PraxisPageTag,
    PraxisPartner,
)
from .taxonomies import Handlungsfeld, PraxisStatus, Taxonomie, Zielgruppe

__all__ = [
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
