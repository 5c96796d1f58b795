"""The words of the database's own search index, which query words are matched against.

Wagtail's database index cannot split compounds or forgive typos. Its vocabulary can: a query
word matches every indexed word with the same stem, a longer word beginning with it, or one
containing it as a compound part of the committed dictionary ("Lotsen" → "Integrationslotsen");
a word that matches nothing is corrected to the nearest indexed words (edit distance 1, or 2 for
words longer than 5 letters, first letter kept, as the engine's `fuzziness: AUTO`).

The vocabulary is read from the index itself (SQLite: the FTS5 vocabulary, PostgreSQL: the
lexemes of the stored vectors) when first needed and kept per process; it is read again whenever
the database backend reads its rows again (after any change of the entries, in this process or
another: search.backends.database.row_cache) or after MAX_AGE seconds, which covers index
updates written without the signals.
"""

import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

MIN_PREFIX = 5  # a query stem this long also matches longer indexed words beginning with it
MAX_AGE = 60.0


def max_edits(word: str) -> int:
    """Typo tolerance by length, as the engine's `fuzziness: AUTO`."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (char != other))
            if before and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


@dataclass
class Vocabulary:
    """The index's words as comparable forms (SQLite: normalised words, PostgreSQL: lexemes),
    each with the tokens the index holds for it."""

    tokens_by_form: dict[str, set[str]]
    stem: Callable[[str], str]  # form → stem (PostgreSQL's lexemes are stems already)
    forms: list[str] = field(init=False)
    _containing: dict[str, set[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.forms = sorted(self.tokens_by_form)

    def _starting_with(self, prefix: str) -> list[str]:
        start, found = bisect_left(self.forms, prefix), []
        for form in self.forms[start:]:
            if not form.startswith(prefix):
                break
            found.append(form)
        return found

    def tokens(self, forms) -> set[str]:
        return {token for form in forms for token in self.tokens_by_form.get(form, ())}

    def same_word(self, stem: str) -> set[str]:
        """Forms with this stem, and longer words beginning with a stem of MIN_PREFIX letters."""
        return {
            form
            for form in self._starting_with(stem)
            if len(stem) >= MIN_PREFIX or self.stem(form) == stem
        }

    def containing(self, part: str, at_end: bool = False) -> set[str]:
        """Forms that contain `part` (or end with it) and are longer; scanned once per part."""
        cache_key = f"{part}$" if at_end else part
        if cache_key not in self._containing:
            test = str.endswith if at_end else str.__contains__
            self._containing[cache_key] = {
                form for form in self.forms if len(form) > len(part) and test(form, part)
            }
        return self._containing[cache_key]

    def nearest(self, words: set[str]) -> set[str]:
        """The forms closest to any of `words` within their typo tolerance (same first letter)."""
        best, found = 3, set()
        for word in words:
            limit = max_edits(word)
            for form in self._starting_with(word[:1]) if limit else ():
                distance = edit_distance(word, form, min(limit, best))
                if distance < best:
                    best, found = distance, {form}
                elif distance == best and distance <= limit:
                    found.add(form)
        return found


@dataclass
class CachedVocabulary:
    signature: tuple
    built: float
    vocabulary: Vocabulary


_cache: dict[str, CachedVocabulary] = {}


def cached(alias: str, signature: tuple, build: Callable[[], Vocabulary]) -> Vocabulary:
    """The vocabulary of database `alias`, built again when the signature or MAX_AGE says so."""
    entry = _cache.get(alias)
    now = time.monotonic()
    if entry is None or entry.signature != signature or now - entry.built > MAX_AGE:
        entry = _cache[alias] = CachedVocabulary(signature, now, build())
    return entry.vocabulary


def forget() -> None:
    """Drop the cached vocabularies (tests that change the index behind the entries' back)."""
    _cache.clear()
