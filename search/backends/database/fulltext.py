"""Full-text matching and relevance for the database backend, with the engine's German analysis.

A query is analysed like the engine analyses it (search/analysis/german.py) into concepts: a
word, or a phrase of the synonym list, with its synonyms. Each concept is looked up in the
index's vocabulary (search/backends/database/vocabulary.py: same stem, compound parts, typos)
and then in Wagtail's database index, one lookup per concept, so the entries matching each
concept are known:

- an entry matching more of the concepts ranks first: the score is multiplied by
  (matched / all concepts)²; a concept met only through a compound query word's parts
  ("Sprachförderung" → "Förderung der Sprache") counts half;
- within that, a concept found in the title adds WEIGHT_TITLE, in the short text
  WEIGHT_SHORT_TEXT, anywhere else (body, Förderung, Personal, ...) the base of 1.

The title and short text are checked in Python with the same analysis (stems and compound
parts), so SQLite and PostgreSQL rank alike.
"""

import logging
import math
from dataclasses import dataclass

from django.db import DatabaseError, connection

from wagtail.query import PageQuerySet

from praxis.models import PraxisPage
from search.analysis.german import Concept, index_keys, key, query_concepts, words
from search.backends.database import vocabulary as cache
from search.backends.database.dialects import (
    Alternatives,
    Terms,
    current_index,
    dictionary_by_key,
    index_signature,
)
from search.backends.database.facets import MAX_IN_LIST
from search.backends.database.vocabulary import MIN_PREFIX, Vocabulary

logger = logging.getLogger(__name__)

WEIGHT_TITLE = 3.0
WEIGHT_SHORT_TEXT = 2.0
BASE_SCORE = 1.0
PARTS_ONLY = 0.5  # a concept met only through its compound parts


@dataclass(frozen=True)
class ConceptMatch:
    """A concept with the index terms that meet it fully and through its parts, and the keys
    that show it in a text."""

    concept: Concept
    full: Alternatives
    parts: Alternatives
    keys: frozenset[str]  # single keys that show the concept (its words, matched index words)
    phrases: tuple[tuple[str, ...], ...] = ()  # phrases whose keys together show it

    def shown_in(self, text_keys: set[str], level: float) -> bool:
        """Whether a text with these keys shows the concept at this level."""
        if level < 1:
            return not text_keys.isdisjoint(self.concept.parts)
        if not text_keys.isdisjoint(self.keys):
            return True
        return any(all(k in text_keys for k in phrase) for phrase in self.phrases)


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


def _corrected(vocabulary: Vocabulary, concept: Concept, forms: dict[str, str]) -> set[str]:
    """The vocabulary forms nearest to a misspelt word, with their other inflections."""
    typed = {concept.word, forms.get(key(concept.word), "")} - {""}
    return {
        form
        for nearest in vocabulary.nearest(typed)
        for form in vocabulary.same_word(vocabulary.stem(nearest))
    }


def match_concept(index, vocabulary: Vocabulary, concept: Concept) -> ConceptMatch:
    """Look a concept up in the vocabulary; correct a single word that matches nothing."""
    keys = {k for alternative in concept.alternatives for k in alternative} | set(concept.parts)
    if concept.word:
        keys.add(key(concept.word))
    forms = index.forms(keys)
    full, found_forms = [], set()
    for alternative in concept.alternatives:
        looked_up = [_terms(index, vocabulary, forms, k) for k in alternative]
        if all(terms for terms, _forms in looked_up):
            full.append([terms for terms, _forms in looked_up])
        if len(alternative) == 1:
            found_forms |= looked_up[0][1]
    if concept.word and not found_forms and not (full and index.ids(full)):
        corrected = _corrected(vocabulary, concept, forms)
        if corrected:
            full.append([Terms(frozenset(vocabulary.tokens(corrected)))])
        found_forms |= corrected
    parts = [[_terms(index, vocabulary, forms, k)[0]] for k in concept.parts]
    single = {alt[0] for alt in concept.alternatives if len(alt) == 1}
    return ConceptMatch(
        concept,
        full,
        [p for p in parts if p[0]],
        frozenset(single | {key(form) for form in found_forms}),
        tuple(alt for alt in concept.alternatives if len(alt) > 1),
    )


def _levels(index, matches: list[ConceptMatch]) -> dict[int, list[float]]:
    """Page id → per concept: 1 (met), PARTS_ONLY (met through its parts) or 0."""
    levels: dict[int, list[float]] = {}
    for position, match in enumerate(matches):
        full = index.ids(match.full) if match.full else set()
        parts = (index.ids(match.parts) - full) if match.parts else set()
        for pk, level in [*((pk, 1.0) for pk in full), *((pk, PARTS_ONLY) for pk in parts)]:
            levels.setdefault(pk, [0.0] * len(matches))[position] = level
    return levels


def rarity_weights(levels: dict[int, list[float]], count: int, total: int) -> list[float]:
    """Per concept, how rare it is among all `total` entries (BM25's idf), relative to the
    query's mean: a concept met by few entries says more than one met by most."""
    if not count:
        return []
    found = [sum(1 for value in levels.values() if value[c]) for c in range(count)]
    idf = [math.log(1 + (total - n + 0.5) / (n + 0.5)) for n in found]
    mean = sum(idf) / count
    return [value / mean if mean else 1.0 for value in idf]


def text_scores(base: PageQuerySet, q: str) -> tuple[dict[int, float], list[ConceptMatch]]:
    """Page id → text relevance for the entries of `base` matching the query, and the
    query's concepts (for highlighting)."""
    index = current_index()
    if index is None:
        return _fallback_scores(base, q), []
    try:
        signature = index_signature()
        vocabulary = cache.cached(connection.alias, signature, index.load)
        matches = [match_concept(index, vocabulary, c) for c in query_concepts(q)]
        levels = _levels(index, matches)
    except DatabaseError:
        logger.exception("Datenbanksuche fehlgeschlagen für %r", q)
        return {}, []
    weights = rarity_weights(levels, len(matches), max(signature[0], len(levels)))
    candidates = base.filter(pk__in=levels) if len(levels) <= MAX_IN_LIST else base
    allowed = set(candidates.values_list("pk", flat=True))
    levels = {pk: value for pk, value in levels.items() if pk in allowed}
    return _scores(levels, matches, weights), matches


def _scores(
    levels: dict[int, list[float]], matches: list[ConceptMatch], weights: list[float]
) -> dict[int, float]:
    texts = PraxisPage.objects.values_list("pk", "title", "kurzbeschreibung")
    if len(levels) <= MAX_IN_LIST:
        texts = texts.filter(pk__in=levels)
    scores = {}
    for pk, title, short in texts.iterator(chunk_size=5000):
        if pk not in levels:
            continue
        title_keys, short_keys = text_keys(title), text_keys(short)
        score, met = 0.0, 0.0
        for match, level, weight in zip(matches, levels[pk], weights, strict=True):
            if level:
                met += level
                score += (
                    weight
                    * level
                    * (
                        BASE_SCORE
                        + WEIGHT_TITLE * match.shown_in(title_keys, level)
                        + WEIGHT_SHORT_TEXT * match.shown_in(short_keys, level)
                    )
                )
        scores[pk] = score * (met / len(matches)) ** 2
    return scores


def text_keys(text: str) -> set[str]:
    """The keys the engine would index for a text (stems and compound parts)."""
    found: set[str] = set()
    for word in words(text):
        found |= index_keys(word)
    return found


def _fallback_scores(base: PageQuerySet, q: str) -> dict[int, float]:
    """Without FTS5: Wagtail's LIKE search for the words, every hit scored alike."""
    results = base.search(" ".join(words(q)), operator="or", order_by_relevance=False)
    return dict.fromkeys(results.get_queryset().values_list("pk", flat=True), BASE_SCORE)
