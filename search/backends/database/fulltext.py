"""Full-text matching and relevance for the database backend, with the engine's German analysis.

A query is analysed like the engine analyses it (search/analysis/german.py) into concepts: a
word, or a phrase of the synonym list, with its synonyms. Each concept is looked up in the
index's vocabulary (search/backends/database/vocabulary.py: same stem, compound parts, typos)
and then in Wagtail's database index, one lookup per concept, so the entries matching each
concept are known:

- an entry matching more of the concepts ranks first: the score is multiplied by
  (matched / all concepts)²; a compound query word that the index does not hold is met by
  entries with all its parts ("Sprachförderkurs" → "Kurs zur Förderung der Sprache"), which
  counts half;
- a concept found in few entries weighs more than one found in most (BM25's idf);
- within that, a concept found in the title adds WEIGHT_TITLE, in the short text
  WEIGHT_SHORT_TEXT, in the Schlagworte WEIGHT_TAGS, anywhere else (body, Förderung,
  Personal, ...) the base of 1.

Title, short text and Schlagworte are checked in Python with the same analysis (stems and
compound parts), so SQLite and PostgreSQL rank alike.
"""

import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import DatabaseError, connection

from wagtail.query import PageQuerySet

from praxis.models import PraxisPage
from search.analysis import fold_accents
from search.analysis.german import (
    STOP_WORDS,
    TOKEN,
    Concept,
    index_keys,
    key,
    query_concepts,
    words,
)
from search.backends.database import vocabulary as cache
from search.backends.database.bitmask import mask_of
from search.backends.database.dialects import (
    Alternatives,
    Terms,
    current_index,
    dictionary_by_key,
)
from search.backends.database.vocabulary import MIN_PREFIX, Vocabulary

logger = logging.getLogger(__name__)

WEIGHT_TITLE = 3.0
WEIGHT_SHORT_TEXT = 2.0
WEIGHT_TAGS = 1.0
BASE_SCORE = 1.0
PARTS_ONLY = 0.5  # a concept met only through its compound parts
FEW = 10  # a concept met by fewer entries is also met in part by its parts


@dataclass(frozen=True)
class ConceptMatch:
    """A concept with the index terms that meet it fully and through its parts, and the keys
    that show it in a text."""

    concept: Concept
    full: set[int]  # ids of the entries that meet it
    partly: set[int]  # ids of the entries that meet it only in part (PARTS_ONLY)
    keys: frozenset[str]  # single keys that show the concept (its words, matched index words)
    phrases: tuple[tuple[str, ...], ...] = ()  # phrases whose keys together show it
    partly_keys: tuple[tuple[str, ...], ...] = ()  # keys that show it in part, per alternative


def _terms(index, vocabulary: Vocabulary, forms: dict[str, str], k: str) -> tuple[Terms, set]:
    """The index words for one key (same word, words with it as a compound part), and the
    vocabulary forms they were found by."""
    form = forms.get(k)
    if not form:
        return Terms(), set()
    found = vocabulary.same_word(form)
    for part in dictionary_by_key().get(k, ()):
        found |= index.part_forms(vocabulary, part)
    # The form itself, and as a prefix, finds words newer than the cached vocabulary.
    prefixes = frozenset({form}) if len(form) >= MIN_PREFIX else frozenset()
    return Terms(frozenset(vocabulary.tokens(found) | {form}), prefixes), found


def _corrected(index, vocabulary: Vocabulary, concept: Concept, forms: dict[str, str]) -> set:
    """The vocabulary forms nearest to a misspelt word, with their other inflections."""
    typed = {concept.word, forms.get(key(concept.word), "")} - {""}
    nearest = {key(form): form for form in vocabulary.nearest(typed)}
    stems = index.forms(nearest)  # PostgreSQL stems "Sprachkurs" and "Sprachkurse" apart
    return {form for k in nearest for form in vocabulary.same_word(stems.get(k, nearest[k]))}


def _whole(index, vocabulary: Vocabulary, forms: dict[str, str], concept: Concept):
    """Terms for each alternative whose every key is known, and the forms that were found."""
    full: Alternatives = []
    found: set[str] = set()
    for alternative in concept.alternatives:
        looked_up = [_terms(index, vocabulary, forms, k) for k in alternative]
        if all(terms for terms, _forms in looked_up):
            full.append([terms for terms, _forms in looked_up])
        if len(alternative) == 1:
            found |= looked_up[0][1]
    return full, found


def match_concept(index, vocabulary: Vocabulary, concept: Concept) -> ConceptMatch:
    """Look a concept up in the index. A single word that matches nothing is corrected to the
    nearest indexed words; a concept met by few entries is also met in part by entries with
    one of its compound parts or phrase words, as the engine's secondary clause does."""
    keys = {k for alternative in concept.alternatives for k in alternative}
    keys |= {*concept.parts, *concept.phrase, *([key(concept.word)] if concept.word else [])}
    forms = index.forms(keys)
    full, found = _whole(index, vocabulary, forms, concept)
    full_ids = index.ids(full) if full else set()
    if (
        concept.word
        and not full_ids
        and (corrected := _corrected(index, vocabulary, concept, forms))
    ):
        full_ids, found = index.ids([[Terms(frozenset(vocabulary.tokens(corrected)))]]), corrected
    partly = tuple((k,) for k in concept.parts or concept.phrase)
    partly_ids: set[int] = set()
    if partly and len(full_ids) < FEW:
        terms = [[_terms(index, vocabulary, forms, k)[0]] for (k,) in partly]
        partly_ids = index.ids([t for t in terms if t[0]]) - full_ids
    single = {alt[0] for alt in concept.alternatives if len(alt) == 1}
    return ConceptMatch(
        concept,
        full_ids,
        partly_ids,
        frozenset(single | {key(form) for form in found}),
        tuple(alt for alt in concept.alternatives if len(alt) > 1),
        partly,
    )


def rarity_weights(found: list[int], total: int) -> list[float]:
    """Per concept, how rare it is among all `total` entries (BM25's idf), relative to the
    query's mean: a concept met by few entries says more than one met by most. `found`: the
    number of entries meeting each concept, fully or in part."""
    if not found:
        return []
    idf = [math.log(1 + (total - n + 0.5) / (n + 0.5)) for n in found]
    mean = sum(idf) / len(found)
    return [value / mean if mean else 1.0 for value in idf]


# Per ranked text (title, short text, Schlagworte): what finding a concept there adds, and
# which kept rows' text holds each key, as a mask of their positions (bitmask.py).
KeyIndex = list[tuple[float, dict[str, int]]]
# Rows that score alike: their mask and their text score.
Scored = list[tuple[int, float]]


def text_scores(
    narrowed: PageQuerySet | None,
    q: str,
    allowed: int,
    mask: Callable[[Iterable[int]], int],
    ranked_keys: KeyIndex,
    index_state: Callable[[], tuple],
) -> tuple[Scored, list[ConceptMatch]]:
    """The text relevance of the `allowed` kept rows matching the query, as groups of rows
    scoring alike, and the query's concepts (for highlighting).

    `narrowed`: the entries `allowed` stands for, if not all; `mask`: the mask of the kept
    rows among some page ids; `ranked_keys`: the key index of the kept rows
    (search.backends.database.row_cache); `index_state`: the index's entry count first, then
    whatever else tells that the vocabulary must be read again."""
    index = current_index()
    if index is None:
        found = _fallback_ids(PraxisPage.objects.all() if narrowed is None else narrowed, q)
        return [(mask(found) & allowed, BASE_SCORE)], []
    try:
        signature = index_state()
        vocabulary = cache.cached(connection.alias, signature, index.load)
        matches = [match_concept(index, vocabulary, c) for c in query_concepts(q)]
    except DatabaseError:
        logger.exception("Datenbanksuche fehlgeschlagen für %r", q)
        return [], []
    found = [len(m.full) + len(m.partly) for m in matches]
    met = [(mask(m.full), mask(m.partly)) for m in matches]
    matching = reduce(or_, (full | partly for full, partly in met), 0)
    weights = rarity_weights(found, max(signature[0], matching.bit_count()))
    return _scores(matches, met, weights, ranked_keys, allowed, matching & allowed), matches


def key_index(texts: Iterable[tuple[str, str, str]]) -> KeyIndex:
    """Which rows' title, short text and Schlagworte hold each key (the three texts of each
    row, in the order of the rows)."""
    found: list[dict[str, list[int]]] = [{}, {}, {}]
    size = 0
    for position, field_texts in enumerate(texts):
        size = position + 1
        for index, text in zip(found, field_texts, strict=True):
            for k in text_keys(text):
                index.setdefault(k, []).append(position)
    return [
        (weight, {k: mask_of(at, size) for k, at in index.items()})
        for weight, index in zip((WEIGHT_TITLE, WEIGHT_SHORT_TEXT, WEIGHT_TAGS), found, strict=True)
    ]


def _showing(index: dict[str, int], keys: Iterable[str], phrases) -> int:
    """The rows whose text holds one of the keys or all keys of one of the phrases."""
    found = reduce(or_, (index.get(k, 0) for k in keys), 0)
    for phrase in phrases:
        if phrase:
            found |= reduce(and_, (index.get(k, 0) for k in phrase))
    return found


# Rows that score alike: their mask, their score so far and how much of the query they met.
Group = tuple[int, float, float]


def _parts(match: ConceptMatch, met: tuple[int, int], allowed: int, ranked_keys: KeyIndex):
    """The allowed rows meeting a concept (`met`: fully, in part), split by level and by the
    ranked texts showing it: (rows, level, the sum of those texts' weights), the weights
    added in field order."""
    full, partly = met
    for level, rows, keys, phrases in (
        (1.0, full & allowed, match.keys, match.phrases),
        (PARTS_ONLY, partly & allowed, (), match.partly_keys),
    ):
        split: list[tuple[int, float]] = [(rows, 0)]
        for field_weight, index in ranked_keys:
            shown = _showing(index, keys, phrases)
            split = [
                part
                for rows_here, extra in split
                for part in ((rows_here & shown, extra + field_weight), (rows_here & ~shown, extra))
                if part[0]
            ]
        yield from ((rows_here, level, extra) for rows_here, extra in split)


def _scores(
    matches: list[ConceptMatch],
    met: list[tuple[int, int]],
    weights: list[float],
    ranked_keys: KeyIndex,
    allowed: int,
    matching: int,
) -> Scored:
    """Per allowed row meeting a concept (`matching`): the sum over the concepts it meets of
    the concept's weight, its level (1, or PARTS_ONLY in part) and BASE_SCORE plus the
    weights of the ranked texts showing it, multiplied; all times (met / all concepts)².

    The rows are split, concept by concept, into groups that score alike, with AND and NOT on
    their masks instead of a loop over thousands of entries; each row's score is added up in
    the same order as one row at a time would add it, so the figures are the same."""
    if not matches:
        return []
    groups: list[Group] = [(matching, 0.0, 0.0)]
    for match, rows_met, weight in zip(matches, met, weights, strict=True):
        parts = list(_parts(match, rows_met, allowed, ranked_keys))
        met_here = reduce(or_, (rows for rows, _level, _extra in parts), 0)
        regrouped: list[Group] = []
        for rows, score, met_so_far in groups:
            for part, level, extra in parts:
                if both := rows & part:
                    gained = weight * level * (BASE_SCORE + extra)
                    regrouped.append((both, score + gained, met_so_far + level))
            if rest := rows & ~met_here:
                regrouped.append((rest, score, met_so_far))
        groups = regrouped
    count = len(matches)
    return [(rows, score * (met_so_far / count) ** 2) for rows, score, met_so_far in groups]


def text_keys(text: str) -> set[str]:
    """The keys the engine would index for a text (stems and compound parts)."""
    tokens = set(TOKEN.findall(fold_accents(text).lower())) - STOP_WORDS
    return set().union(*map(index_keys, tokens))


def _fallback_ids(base: PageQuerySet, q: str) -> Iterable[int]:
    """Without FTS5: Wagtail's LIKE search for the words (every hit scores alike)."""
    results = base.search(" ".join(words(q)), operator="or", order_by_relevance=False)
    return results.get_queryset().values_list("pk", flat=True)
