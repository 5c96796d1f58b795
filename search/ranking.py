"""Comparability of two Kommunen ("Kommunen wie meine"): a score in [0, 1] and German reasons.

Pure Python, shared by the database backend and (as the reference) by the engine's script_score.
"""

import math
from dataclasses import dataclass
from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kommunen.models import Kommune

GEWICHT_EINWOHNER = 0.35
GEWICHT_GROESSENKLASSE = 0.25
GEWICHT_VERSTAEDTERUNG = 0.15
GEWICHT_KREIS = 0.15
GEWICHT_LAND = 0.10
# A difference of two orders of magnitude in Einwohner counts as "not similar at all".
MAX_LOG_ABSTAND = 2.0
# Up to this log10 distance (factor ~2) the sizes are called "ähnlich".
AEHNLICH_LOG_ABSTAND = 0.3
# Ranking: final score = text relevance * (1 + VERGLEICH_BOOST * vergleichbarkeit).
VERGLEICH_BOOST = 1.5

# Municipal size classes in size order; a Landkreis has no neighbours.
KLASSEN_REIHENFOLGE = ("landgemeinde", "kleinstadt", "mittelstadt", "grossstadt")


@dataclass(frozen=True)
class KommuneMerkmale:
    """What comparability looks at; also denormalised into the engine's documents."""

    ags: str
    einwohner: int
    groessenklasse: str
    verstaedterung: int | None
    kreis_ags: str
    bundesland: str

    @classmethod
    def aus_kommune(cls, kommune: Kommune) -> "KommuneMerkmale":
        return cls(
            ags=kommune.ags,
            einwohner=kommune.einwohner or 0,
            groessenklasse=kommune.groessenklasse,
            verstaedterung=kommune.verstaedterung,
            kreis_ags=kreis_ags(kommune.ags),
            bundesland=kommune.bundesland,
        )


def kreis_ags(ags: str) -> str:
    """The 5-digit Kreis key of any AGS: a Gemeinde's AGS begins with it, a Kreis's AGS is it."""
    return ags[:5]


def einwohner_log10(einwohner: int) -> float:
    """log10 of the Einwohner, with empty registers treated as 1 inhabitant."""
    return math.log10(max(einwohner, 1))


def klassen_naehe(a: str, b: str) -> float:
    """1.0 for the same Größenklasse, 0.5 for a neighbouring one, else 0.0."""
    if a == b:
        return 1.0
    if a in KLASSEN_REIHENFOLGE and b in KLASSEN_REIHENFOLGE:
        abstand = abs(KLASSEN_REIHENFOLGE.index(a) - KLASSEN_REIHENFOLGE.index(b))
        return 0.5 if abstand == 1 else 0.0
    return 0.0


def vergleichbarkeit(
    referenz: KommuneMerkmale, kandidat: KommuneMerkmale
) -> tuple[float, list[str]]:
    """How comparable the candidate is to the reference Kommune, and why (German reasons)."""
    log_abstand = abs(einwohner_log10(referenz.einwohner) - einwohner_log10(kandidat.einwohner))
    groesse = 1 - min(log_abstand, MAX_LOG_ABSTAND) / MAX_LOG_ABSTAND
    klasse = klassen_naehe(referenz.groessenklasse, kandidat.groessenklasse)
    dichte = referenz.verstaedterung is not None and (
        referenz.verstaedterung == kandidat.verstaedterung
    )
    kreis = referenz.kreis_ags == kandidat.kreis_ags
    land = referenz.bundesland == kandidat.bundesland
    score = (
        GEWICHT_EINWOHNER * groesse
        + GEWICHT_GROESSENKLASSE * klasse
        + GEWICHT_VERSTAEDTERUNG * dichte
        + GEWICHT_KREIS * kreis
        + GEWICHT_LAND * land
    )
    zutreffend = (log_abstand <= AEHNLICH_LOG_ABSTAND, klasse == 1.0, dichte, kreis, land)
    return round(score, 10), [text for ja, text in zip(zutreffend, gruende(), strict=True) if ja]


@cache
def _gruende(sprache: str | None) -> tuple[str, ...]:
    return (
        _("ähnliche Größe"),
        _("gleiche Größenklasse"),
        _("ähnliche Siedlungsdichte"),
        _("gleicher Kreis"),
        _("gleiches Bundesland"),
    )


def gruende() -> tuple[str, ...]:
    """The five reasons in the active language (translated once per language, not per hit)."""
    return _gruende(get_language())


def ranking_faktor(vergleichswert: float) -> float:
    """The multiplier a comparability score gives the text relevance."""
    return 1 + VERGLEICH_BOOST * vergleichswert
