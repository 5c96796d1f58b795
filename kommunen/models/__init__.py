from .pages import KommunenIndexPage, KommunePage, Kontaktperson, LandkreisPage, Netzwerk
from .register import (
    AGS_PATTERN,
    KREIS_PATTERN,
    Bundesland,
    Kommune,
    KommuneTyp,
    Verstaedterung,
    load_public_profiles,
    validate_ags,
)

__all__ = [
    "AGS_PATTERN",
    "KREIS_PATTERN",
    "Bundesland",
    "Kommune",
    "KommunePage",
    "KommuneTyp",
    "KommunenIndexPage",
    "Kontaktperson",
    "LandkreisPage",
    "Netzwerk",
    "Verstaedterung",
    "load_public_profiles",
    "validate_ags",
]
