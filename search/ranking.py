"""Comparability of two Kommunen ("Kommunen wie meine"): a score in [0, 1] and German reasons.

Plain Python, shared by the database backend and (as the reference) by the engine's
script_score; the boosts that turn comparability into ranking live here too.
"""

import math
from dataclasses import dataclass
from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kommunen.models import Kommune

WEIGHT_EINWOHNER = 0.35
WEIGHT_GROESSENKLASSE = 0.25
WEIGHT_VERSTAEDTERUNG = 0.15
WEIGHT_KREIS = 0.15
WEIGHT_BUNDESLAND = 0.10
# A difference of two orders of magnitude in Einwohner counts as "not similar at all".
MAX_LOG_DISTANCE = 2.0
# Up to this log10 distance (factor ~2) the sizes are called "ähnlich".
SIMILAR_LOG_DISTANCE = 0.3
# Search ranking: final score = text relevance * (1 + COMPARABILITY_BOOST * comparability).
COMPARABILITY_BOOST = 1.5
# Similar entries: a comparable lead Kommune lifts an entry a little, by at most half.
SIMILAR_ENTRY_BOOST = 0.5
# Search ranking: an entry other Kommunen adapted is a proven transfer; each adopter lifts it by
# 10 %, at most five of them: score * (1 + ADOPTION_BOOST * min(uebernahmen, MAX_ADOPTIONS)).
ADOPTION_BOOST = 0.1
MAX_ADOPTIONS = 5
# An entry not confirmed as current for 24 months ("möglicherweise veraltet", praxis.stand)
# scores this fraction, on both backends.
STALE_FACTOR = 0.5

# Municipal size classes in size order; a Landkreis has no neighbours.
SIZE_CLASS_ORDER = ("landgemeinde", "kleinstadt", "mittelstadt", "grossstadt")


@dataclass(frozen=True)
class KommuneFeatures:
    """What comparability looks at; also denormalised into the engine's documents."""

    ags: str
    einwohner: int
    groessenklasse: str
    verstaedterung: int | None
    kreis_ags: str
    bundesland: str

    @classmethod
    def from_kommune(cls, kommune: Kommune) -> "KommuneFeatures":
        return cls(
            ags=kommune.ags,
            einwohner=kommune.einwohner or 0,
            groessenklasse=kommune.groessenklasse,
            verstaedterung=kommune.verstaedterung,
            kreis_ags=kreis_ags(kommune.ags),
            bundesland=kommune.bundesland,
        )


def reference_features(ags: str | None) -> KommuneFeatures | None:
    """The features of the comparison Kommune (`vergleich=`), or None if none or unknown."""
    kommune = Kommune.objects.filter(ags=ags).first() if ags else None
    return KommuneFeatures.from_kommune(kommune) if kommune else None


def kreis_ags(ags: str) -> str:
    """The 5-digit Kreis key of any AGS: a Gemeinde's AGS begins with it, a Kreis's AGS is it."""
    return ags[:5]


def einwohner_log10(einwohner: int) -> float:
    """log10 of the Einwohner, with empty registers treated as 1 inhabitant."""
    return math.log10(max(einwohner, 1))


def size_class_proximity(a: str, b: str) -> float:
    """1.0 for the same Größenklasse, 0.5 for a neighbouring one, else 0.0."""
    if a == b:
        return 1.0
    if a in SIZE_CLASS_ORDER and b in SIZE_CLASS_ORDER:
        distance = abs(SIZE_CLASS_ORDER.index(a) - SIZE_CLASS_ORDER.index(b))
        return 0.5 if distance == 1 else 0.0
    return 0.0


def comparability(
    reference: KommuneFeatures, candidate: KommuneFeatures
) -> tuple[float, list[str]]:
    """How comparable the candidate is to the reference Kommune, and why (German reasons)."""
    log_distance = abs(einwohner_log10(reference.einwohner) - einwohner_log10(candidate.einwohner))
    size = 1 - min(log_distance, MAX_LOG_DISTANCE) / MAX_LOG_DISTANCE
    size_class = size_class_proximity(reference.groessenklasse, candidate.groessenklasse)
    density = reference.verstaedterung is not None and (
        reference.verstaedterung == candidate.verstaedterung
    )
    same_kreis = reference.kreis_ags == candidate.kreis_ags
    same_land = reference.bundesland == candidate.bundesland
    score = (
        WEIGHT_EINWOHNER * size
        + WEIGHT_GROESSENKLASSE * size_class
        + WEIGHT_VERSTAEDTERUNG * density
        + WEIGHT_KREIS * same_kreis
        + WEIGHT_BUNDESLAND * same_land
    )
    applies = (
        log_distance <= SIMILAR_LOG_DISTANCE,
        size_class == 1.0,
        density,
        same_kreis,
        same_land,
    )
    return round(score, 10), [text for yes, text in zip(applies, reasons(), strict=True) if yes]


@cache
def _reasons(language: str | None) -> tuple[str, ...]:
    return (
        _("ähnliche Größe"),
        _("gleiche Größenklasse"),
        _("ähnliche Siedlungsdichte"),
        _("gleicher Kreis"),
        _("gleiches Bundesland"),
    )


def reasons() -> tuple[str, ...]:
    """The five reasons in the active language (translated once per language, not per hit)."""
    return _reasons(get_language())


def ranking_factor(comparability_score: float) -> float:
    """The multiplier a comparability score gives the text relevance."""
    return 1 + COMPARABILITY_BOOST * comparability_score


def adoption_factor(uebernahmen: int) -> float:
    """The multiplier the number of adopting entries gives a hit's score (also in the engine:
    search.backends.engine_query.ADOPTION_SCRIPT)."""
    return 1 + ADOPTION_BOOST * min(uebernahmen, MAX_ADOPTIONS)


def stale_factor(veraltet: bool) -> float:
    """The multiplier of an entry's score: STALE_FACTOR if it is possibly outdated, else 1."""
    return STALE_FACTOR if veraltet else 1.0


def similar_entry_factor(comparability_score: float) -> float:
    """The multiplier a comparable lead Kommune gives a similar entry's score."""
    return 1 + SIMILAR_ENTRY_BOOST * comparability_score
