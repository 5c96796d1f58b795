"""Cheap German text normalisation for the database fallback, and `<mark>` highlighting.

The database backend has no stemmer, decompounder or typo tolerance; this module only adds the
single-word synonyms of the engine's list, the spelling variants a user is likely to type
(ae/oe/ue/ss for ä/ö/ü/ß), a few inflection endings, and drops stop words so that an OR query
is not flooded by "für" or "und".
"""

import re
from functools import cache

from django.utils.html import escape

from kommunen.lookup import spelling_variants
from search.analysis import synonyms

WORD = re.compile(r"\w+", re.UNICODE)
ENDINGS = ("en", "e", "n", "s")
MIN_STEM = 4
STOP_WORDS = frozenset(
    """
    aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine
    einem einen einer eines er es für im in ist mit nach nicht noch oder sich sie so um und
    uns vom von vor was wie wir zu zum zur über
    """.split()  # noqa: SIM905
)


def words(q: str) -> list[str]:
    """The query's words in lower case without stop words (all words if only stop words)."""
    all_words = [w.lower() for w in WORD.findall(q)]
    content = [w for w in all_words if w not in STOP_WORDS]
    return list(dict.fromkeys(content or all_words))


@cache
def _synonym_groups() -> dict[str, frozenset[str]]:
    """Single word → its single-word synonyms, from the engine's committed synonym list."""
    groups: dict[str, frozenset[str]] = {}
    for line in synonyms():
        if "=>" in line:
            continue
        parts = (w.strip() for w in line.split(","))
        group = frozenset(w for w in parts if w and " " not in w)
        for word in group:
            groups[word] = groups.get(word, frozenset()) | group
    return groups


def synonym_group(word: str) -> set[str]:
    """The word and its synonyms (also when typed with ae/oe/ue for umlauts)."""
    group = {word}
    for form in spelling_variants(word):
        group |= _synonym_groups().get(form, frozenset())
    return group


def inflection_variants(word: str) -> set[str]:
    """The word, its stem without a common ending, and the word with an ending added."""
    if len(word) < MIN_STEM:
        return {word}
    stems = {word[: -len(e)] for e in ENDINGS if word.endswith(e)}
    return {word} | {s for s in stems if len(s) >= MIN_STEM} | {word + e for e in ENDINGS}


def search_terms(q: str) -> list[str]:
    """All terms the database backend ORs together for the query."""
    terms: set[str] = set()
    for word in words(q):
        for synonym in synonym_group(word):
            for form in spelling_variants(synonym):
                terms |= inflection_variants(form)
    return sorted(terms)


def _umlaut_tolerant(pattern: str) -> str:
    """Let a, o, u in a pattern also match ä, ö, ü, as the database search folds them."""
    return pattern.translate({ord("a"): "[aä]", ord("o"): "[oö]", ord("u"): "[uü]"})


def word_pattern(word: str) -> str:
    """A regex for words beginning with any spelling or stem of the query word or a synonym."""
    stems = {form for synonym in synonym_group(word) for form in spelling_variants(synonym)}
    stems |= {s for form in list(stems) for s in inflection_variants(form) if len(s) < len(form)}
    alternatives = "|".join(
        _umlaut_tolerant(re.escape(s)) for s in sorted(stems, key=len, reverse=True)
    )
    return rf"\b(?:{alternatives})\w*"


def _highlight_pattern(q: str) -> re.Pattern | None:
    patterns = [word_pattern(word) for word in words(q)]
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def highlight(text: str, q: str) -> str | None:
    """The text HTML-escaped with `<mark>` around words starting with a query term, else None."""
    pattern = _highlight_pattern(q) if q else None
    if pattern is None or not pattern.search(text):
        return None
    parts, pos = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[pos : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        pos = match.end()
    parts.append(escape(text[pos:]))
    return "".join(parts)
