"""Cheap German text normalisation for the database fallback, and `<mark>` highlighting.

The database backend has no stemmer, decompounder or typo tolerance; this module only adds the
single-word synonyms of the engine's list, the spelling variants a user is likely to type
(ae/oe/ue/ss for ä/ö/ü/ß), a few inflection endings, and drops stop words so that an OR query
is not flooded by "für" or "und".
"""

import re
from functools import cache

from django.utils.html import escape

from search.analysis import synonyme

WORT = re.compile(r"\w+", re.UNICODE)
UMLAUTE = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))
ENDUNGEN = ("en", "e", "n", "s")
MIN_STAMM = 4
STOPPWOERTER = frozenset(
    """
    aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine
    einem einen einer eines er es für im in ist mit nach nicht noch oder sich sie so um und
    uns vom von vor was wie wir zu zum zur über
    """.split()  # noqa: SIM905
)


def woerter(q: str) -> list[str]:
    """The query's words in lower case without stop words (all words if only stop words)."""
    alle = [w.lower() for w in WORT.findall(q)]
    inhalt = [w for w in alle if w not in STOPPWOERTER]
    return list(dict.fromkeys(inhalt or alle))


@cache
def _synonymgruppen() -> dict[str, frozenset[str]]:
    """Single word → its single-word synonyms, from the engine's committed synonym list."""
    gruppen: dict[str, frozenset[str]] = {}
    for zeile in synonyme():
        if "=>" in zeile:
            continue
        teile = (w.strip() for w in zeile.split(","))
        woerter_ = frozenset(w for w in teile if w and " " not in w)
        for wort in woerter_:
            gruppen[wort] = gruppen.get(wort, frozenset()) | woerter_
    return gruppen


def synonymgruppe(wort: str) -> set[str]:
    """The word and its synonyms (also when typed with ae/oe/ue for umlauts)."""
    gruppe = {wort}
    for form in schreibvarianten(wort):
        gruppe |= _synonymgruppen().get(form, frozenset())
    return gruppe


def schreibvarianten(wort: str) -> set[str]:
    """The word as typed and, if it spells umlauts as ae/oe/ue/ss, with the umlauts."""
    varianten = {wort}
    for umschrieben, umlaut in UMLAUTE:
        varianten |= {v.replace(umschrieben, umlaut) for v in varianten}
    return varianten


def beugungsvarianten(wort: str) -> set[str]:
    """The word, its stem without a common ending, and the word with an ending added."""
    if len(wort) < MIN_STAMM:
        return {wort}
    staemme = {wort[: -len(e)] for e in ENDUNGEN if wort.endswith(e)}
    return {wort} | {s for s in staemme if len(s) >= MIN_STAMM} | {wort + e for e in ENDUNGEN}


def suchbegriffe(q: str) -> list[str]:
    """All terms the database backend ORs together for the query."""
    begriffe: set[str] = set()
    for wort in woerter(q):
        for synonym in synonymgruppe(wort):
            for form in schreibvarianten(synonym):
                begriffe |= beugungsvarianten(form)
    return sorted(begriffe)


def _umlaut_tolerant(muster: str) -> str:
    """Let a, o, u in a pattern also match ä, ö, ü, as the database search folds them."""
    return muster.translate({ord("a"): "[aä]", ord("o"): "[oö]", ord("u"): "[uü]"})


def wort_muster(wort: str) -> str:
    """A regex for words beginning with any spelling or stem of the query word or a synonym."""
    staemme = {form for synonym in synonymgruppe(wort) for form in schreibvarianten(synonym)}
    staemme |= {s for form in list(staemme) for s in beugungsvarianten(form) if len(s) < len(form)}
    alternativen = "|".join(
        _umlaut_tolerant(re.escape(s)) for s in sorted(staemme, key=len, reverse=True)
    )
    return rf"\b(?:{alternativen})\w*"


def _markierungs_muster(q: str) -> re.Pattern | None:
    muster = [wort_muster(wort) for wort in woerter(q)]
    return re.compile("|".join(muster), re.IGNORECASE) if muster else None


def hervorheben(text: str, q: str) -> str | None:
    """The text HTML-escaped with `<mark>` around words starting with a query term, else None."""
    muster = _markierungs_muster(q) if q else None
    if muster is None or not muster.search(text):
        return None
    teile, pos = [], 0
    for treffer in muster.finditer(text):
        teile += [escape(text[pos : treffer.start()]), f"<mark>{escape(treffer.group())}</mark>"]
        pos = treffer.end()
    teile.append(escape(text[pos:]))
    return "".join(teile)
