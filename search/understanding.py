"""What a typed query asks for, beyond its words: the same on both backends.

People type whole questions ("Wie finden wir Wohnungen für Geflüchtete auf dem Land?",
"Projekte ohne Kosten"). Question words and generic words ("wie", "finden", "Projekte") would
match almost every entry and drown the content words, so they are left out. Cost words become a
cost limit (entries without known costs are left out then); "kleine Gemeinde", "Dorf" keep only
entries of small Kommunen, "auf dem Land", "ländlich" put them first. These words describe
the asker, not the practice, so they are not matched as text either.
"""

import re
from dataclasses import dataclass

from search.analysis import german_normalization
from search.analysis.german import STOP_WORDS

# Kosten pro Jahr (euro) that "ohne Kosten" and "günstig" allow.
FREE = 2_500
CHEAP = 10_000
SMALL_SIZE_CLASSES = ("landgemeinde", "kleinstadt")
SIZE_BOOST = 1.5

# Words that ask rather than say what; matched after normalisation (ä→a, ß→ss, ...).
FILLER = frozenset(
    german_normalization(word)
    for word in """
    wie was wo wer wann warum weshalb welche welcher welches welchen welchem gibt gibts
    finden finde findet suchen suche sucht brauchen brauche braucht tun tut macht mache
    organisieren erreichen helfen hilft hilfreich unterstuetzen koennen koennten sollen sollten
    muessen duerfen moechten moegen unsere unserer unseren unserem euer bitte etwa zb
    projekt projekte projekten beispiel beispiele beispielen praxisbeispiel praxisbeispiele
    idee ideen moeglichkeit moeglichkeiten angebot angebote ansatz ansaetze tipp tipps
    erfahrung erfahrungen gute guten gut kommune kommunen kostet
    """.split()  # noqa: SIM905
)
# Phrases (normalised words) → the yearly cost they allow.
COST_PHRASES = {
    **dict.fromkeys(
        [("ohne", "kosten"), ("keine", "kosten"), ("kostet", "nichts"), ("nichts", "kostet")]
        + [(w,) for w in ("kostenlos", "kostenlose", "kostenfrei", "umsonst", "gratis")],
        FREE,
    ),
    **dict.fromkeys(
        [(w,) for w in ("gunstig", "gunstige", "gunstigen", "kostengunstig", "kostengunstige")]
        + [(w,) for w in ("preiswert", "preiswerte", "billig", "billige")]
        + [("wenig", "geld"), ("kleines", "budget"), ("kleinem", "budget")]
        + [(w, "kosten") for w in ("wenig", "geringe", "geringen", "niedrige", "niedrigen")],
        CHEAP,
    ),
}
_SMALL = ("kleine", "kleinen", "kleiner", "kleines", "kleinere", "kleineren")
_PLACES = ("gemeinde", "gemeinden", "kommune", "kommunen", "ort", "orte", "orten", "stadt")
# The asker's own size: only entries of small Kommunen.
SMALL_PHRASES = {
    *((small, place) for small in _SMALL for place in _PLACES),
    *((w,) for w in ("kleinstadt", "kleinstadte", "landgemeinde", "landgemeinden")),
    *((w,) for w in ("dorf", "dorfer", "dorfern")),
}
# Rural, but not necessarily small: entries of small Kommunen first.
RURAL_PHRASES = {
    ("auf", "dem", "land"),
    *((w,) for w in ("landlich", "landliche", "landlichen", "landlicher")),
}
TOKEN = re.compile(r"\w+", re.UNICODE)
LONGEST_PHRASE = 3


@dataclass(frozen=True)
class Understood:
    """The query's words to match, and what its other words ask for."""

    text: str
    max_kosten: int | None = None  # only entries with known yearly costs up to this
    groessenklassen: tuple[str, ...] = ()  # only entries of these size classes
    bevorzugte_groessenklassen: tuple[str, ...] = ()  # these size classes score SIZE_BOOST


def _phrase_at(normal: list[str], start: int) -> tuple[int, str, int | None]:
    """(length, kind, cost limit) of the longest cost, small or rural phrase at `start`."""
    for length in range(LONGEST_PHRASE, 0, -1):
        phrase = tuple(normal[start : start + length])
        if len(phrase) < length:
            continue
        if phrase in COST_PHRASES:
            return length, "kosten", COST_PHRASES[phrase]
        if phrase in SMALL_PHRASES:
            return length, "klein", None
        if phrase in RURAL_PHRASES:
            return length, "laendlich", None
    return 0, "", None


def understand(q: str) -> Understood:
    """Split a query into the words to match, a cost limit and size classes."""
    tokens = TOKEN.findall(q)
    normal = [german_normalization(t.lower()) for t in tokens]
    kept, limits, kinds, position = [], [], set(), 0
    while position < len(tokens):
        length, kind, limit = _phrase_at(normal, position)
        if length:
            kinds.add(kind)
            limits += [limit] if limit is not None else []
            position += length
            continue
        if normal[position] not in FILLER:
            kept.append(tokens[position])
        position += 1
    if not kept and not kinds:
        return Understood(text=q.strip())
    content = any(word.lower() not in STOP_WORDS for word in kept)
    return Understood(
        text=" ".join(kept) if content else "",
        max_kosten=min(limits) if limits else None,
        groessenklassen=SMALL_SIZE_CLASSES if "klein" in kinds else (),
        bevorzugte_groessenklassen=SMALL_SIZE_CLASSES if "laendlich" in kinds else (),
    )
