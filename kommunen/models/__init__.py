from .pages import KommunenIndexPage, KommunePage, Kontaktperson, LandkreisPage, Netzwerk
from .register import Bundesland, Kommune, KommuneTyp, Verstaedterung, validate_ags

__all__ = [
    "Bundesland",
    "Kommune",
    "KommunePage",
    "KommuneTyp",
    "KommunenIndexPage",
    "Kontaktperson",
    "LandkreisPage",
    "Netzwerk",
    "Verstaedterung",
    "validate_ags",
]
