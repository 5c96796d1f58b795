"""The engine's German analysis in Python, for the database backend: one source for both.

The same steps as the analyzers in `search/analysis/__init__.py` (checked against the engine in
tests/search/test_engine_analysis.py): accents folded, tokens, lower case, Lucene's German stop
words, `german_normalization` (ä→a, ö→o, ü→u, ß→ss, and ae/oe/ue spelt out), the dictionary
decompounder with the committed parts, the `light_german` stemmer, and the committed synonyms.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from search.analysis import compound_parts, fold_accents, german_normalization, synonyms

TOKEN = re.compile(r"\w+", re.UNICODE)
MIN_SUBWORD = 4  # the decompounder's min_subword_size
MIN_COMPOUND = 5  # words shorter than this are never split (Lucene's min_word_size)
MAX_SUBWORD = 15
# Lucene's German stop set (`_german_`, the Snowball list), matched before normalisation.
STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des
    dem die das daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe
    dazu dein deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem
    diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem
    einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für
    gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem
    ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen
    jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man
    manche manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss
    musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner
    seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte
    sondern sonst über um und uns unse unsem unsen unser unses unter viel vom von vor während
    war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden
    wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen
    """.split()  # noqa: SIM905
)
_ST_ENDING = frozenset("bdfghklmnt")
_ACCENTS = str.maketrans("äàáâöòóôïìíîüùúû", "aaaaooooiiiiuuuu")


def words(text: str) -> list[str]:
    """Lower-case tokens of `text`, stop words dropped (the engine's tokenizer and stop filter)."""
    return [w for w in TOKEN.findall(fold_accents(text).lower()) if w not in STOP_WORDS]


def _step1(s: str) -> str:
    n = len(s)
    if n > 5 and s.endswith("ern"):
        return s[:-3]
    if n > 4 and s[-2] == "e" and s[-1] in "mnrs":
        return s[:-2]
    if n > 3 and s[-1] == "e":
        return s[:-1]
    if n > 3 and s[-1] == "s" and s[-2] in _ST_ENDING:
        return s[:-1]
    return s


def _step2(s: str) -> str:
    n = len(s)
    if n > 5 and s.endswith("est"):
        return s[:-3]
    if n > 4 and s[-2] == "e" and s[-1] in "rn":
        return s[:-2]
    if n > 4 and s.endswith("st") and s[-3] in _ST_ENDING:
        return s[:-2]
    return s


def light_stem(word: str) -> str:
    """Python twin of Lucene's GermanLightStemmer (`light_german`)."""
    return _step2(_step1(word.translate(_ACCENTS)))


@lru_cache(maxsize=20_000)
def key(word: str) -> str:
    """A lower-case word as the engine indexes it without splitting: normalised, stemmed."""
    return light_stem(german_normalization(word))


@cache
def _dictionary() -> frozenset[str]:
    return frozenset(compound_parts())


@lru_cache(maxsize=20_000)
def parts(word: str) -> tuple[str, ...]:
    """The dictionary parts inside a normalised word, as Lucene's dictionary decompounder finds
    them (every known part of 4-15 letters anywhere in the word, not only the longest)."""
    if len(word) < MIN_COMPOUND:
        return ()
    dictionary, found = _dictionary(), []
    for start in range(len(word) - MIN_SUBWORD + 1):
        for end in range(start + MIN_SUBWORD, min(start + MAX_SUBWORD, len(word)) + 1):
            if word[start:end] in dictionary and word[start:end] != word:
                found.append(word[start:end])
    return tuple(found)


@lru_cache(maxsize=20_000)
def index_keys(word: str) -> frozenset[str]:
    """The terms the engine indexes for one lower-case word: the word and its parts, stemmed."""
    normal = german_normalization(word)
    return frozenset(light_stem(w) for w in (normal, *parts(normal)))


@cache
def synonym_groups() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each synonym line as its alternatives, every alternative a tuple of keys (the engine
    analyses the rules with the filters before its synonym filter, the stemmer included)."""
    groups = []
    for line in synonyms():
        alternatives = (tuple(words(part)) for part in line.split(","))
        groups.append(tuple(dict.fromkeys(tuple(key(w) for w in a) for a in alternatives if a)))
    return tuple(groups)


@cache
def _synonyms_by_first_word() -> dict[str, list[tuple[tuple[str, ...], tuple]]]:
    """First word of an alternative → (the alternative, its whole group)."""
    index: dict[str, list[tuple[tuple[str, ...], tuple]]] = {}
    for group in synonym_groups():
        for alternative in group:
            index.setdefault(alternative[0], []).append((alternative, group))
    return index


def synonym_matches(keys: list[str]) -> list[tuple[int, int, tuple]]:
    """(start, end, group) for every synonym alternative found in a query's keys, the longest
    at each position, as the engine's synonym_graph filter matches them."""
    found = []
    for start, word in enumerate(keys):
        candidates = _synonyms_by_first_word().get(word, [])
        for alternative, group in sorted(candidates, key=lambda c: -len(c[0])):
            end = start + len(alternative)
            if tuple(keys[start:end]) == alternative:
                found.append((start, end, group))
                break
    return found


@dataclass(frozen=True)
class Concept:
    """One thing a query asks for: a word or a phrase of the synonym list, with its synonyms.

    `alternatives` are tuples of keys (a phrase has several, all of which must match); `parts`
    are the keys of a compound query word's dictionary parts, which match it weakly, as the
    engine's secondary clause does ("Sprachförderung" → "Förderung der Sprache")."""

    typed: str
    alternatives: tuple[tuple[str, ...], ...]
    parts: tuple[str, ...] = ()
    word: str = ""  # the normalised typed word, for typo correction (single words only)
    phrase: tuple[str, ...] = ()  # the keys of a typed phrase's words


def query_concepts(text: str) -> list[Concept]:
    """The query's concepts in order, each once."""
    typed = words(text)
    normal = [german_normalization(w) for w in typed]
    keys = [light_stem(w) for w in normal]
    phrases = {start: (end, group) for start, end, group in synonym_matches(keys)}
    concepts: dict[tuple, Concept] = {}
    position = 0
    while position < len(keys):
        end, group = phrases.get(position, (position + 1, ((keys[position],),)))
        word = normal[position] if end == position + 1 else ""
        own = {light_stem(p) for p in parts(word)} if word else set()
        own -= {key for alternative in group for key in alternative}
        phrase = tuple(keys[position:end]) if end > position + 1 else ()
        concept = Concept(" ".join(typed[position:end]), group, tuple(sorted(own)), word, phrase)
        concepts.setdefault(group, concept)
        position = end
    return list(concepts.values())
