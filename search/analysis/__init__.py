"""German analysis for the search index: folding, decompounding, light stemming, synonyms.

The word lists are committed next to this module and sent inline with the index settings, so
nothing has to be copied into the engine's config directory.
"""

import re
from functools import cache
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
INDEX_ANALYZER = "deutsch"
SEARCH_ANALYZER = "deutsch_suche"
# Whole words, only folded: the `unscharf` subfields that typo-tolerant matching runs on, so
# that a misspelt word is compared with the word, not with its stem ("Feuerwer" → "Feuerwehr").
FUZZY_ANALYZER = "deutsch_unscharf"
# Accents German does not fold itself (german_normalization only knows ä, ö, ü and ß):
# "Elterncafe" must find "Elterncafé".
ACCENTS = {"é": "e", "è": "e", "ê": "e", "ë": "e", "ç": "c", "ñ": "n"}
ACCENTS |= {a.upper(): b.upper() for a, b in ACCENTS.items()}
_ACCENT = re.compile("|".join(ACCENTS))


def _lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a committed word list."""
    text = (DIRECTORY / name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def german_normalization(word: str) -> str:
    """Python twin of Lucene's GermanNormalizationFilter for a lower-case word."""
    out, state = [], "N"
    for char in word:
        if char in "ao":
            state = "U"
        elif char == "u":
            state = "U" if state == "N" else "V"
        elif char == "e":
            folds, state = state == "U", "V"
            if folds:
                continue
        elif char in "iqyäöü":
            state = "V"
        else:
            state = "N"
        out.append({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}.get(char, char))
    return "".join(out)


@cache
def compound_parts() -> list[str]:
    """Decompounder word parts, normalised like the tokens they are matched against."""
    words = _lines("compound_parts.txt")
    return sorted({german_normalization(fold_accents(w).lower()) for w in words})


@cache
def synonyms() -> list[str]:
    """Synonym rules in Solr format."""
    return [line.lower() for line in _lines("synonyms.txt")]


def fold_accents(text: str) -> str:
    """The `praxis_akzente` character filter in Python."""
    if not _ACCENT.search(text):
        return text
    return _ACCENT.sub(lambda match: ACCENTS[match.group()], text)


def _filters() -> dict:
    return {
        "deutsch_stopp": {"type": "stop", "stopwords": "_german_"},
        "deutsch_zerlegen": {
            "type": "dictionary_decompounder",
            "word_list": compound_parts(),
            "only_longest_match": False,
            "min_subword_size": 4,
        },
        "deutsch_stamm": {"type": "stemmer", "language": "light_german"},
        "praxis_synonyme": {"type": "synonym_graph", "synonyms": synonyms(), "lenient": True},
    }


def analysis_settings() -> dict:
    """The `analysis` block of the index settings."""
    head = ["lowercase", "deutsch_stopp", "german_normalization"]
    tail = ["deutsch_stamm", "remove_duplicates"]
    mappings = [f"{a}=>{b}" for a, b in ACCENTS.items()]
    chars = {"char_filter": ["praxis_akzente"], "tokenizer": "standard"}
    return {
        "char_filter": {"praxis_akzente": {"type": "mapping", "mappings": mappings}},
        "filter": _filters(),
        "analyzer": {
            # Compounds are split in the index and in the secondary "zerlegt" query clause; the
            # main query keeps the user's words whole so that a short part such as "sprach"
            # does not count as a full match of "Sprachmittler".
            INDEX_ANALYZER: {**chars, "filter": [*head, "deutsch_zerlegen", *tail]},
            # The stemmer runs before the synonyms, so that the rules (analysed by the filters
            # before them) and the query's inflected words meet as stems: "Übersetzern" finds
            # "Sprachmittler".
            SEARCH_ANALYZER: {
                **chars,
                "filter": [*head, "deutsch_stamm", "praxis_synonyme", "remove_duplicates"],
            },
            FUZZY_ANALYZER: {**chars, "filter": head},
        },
    }
