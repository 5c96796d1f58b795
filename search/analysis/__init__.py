"""German analysis for the search index: folding, decompounding, light stemming, synonyms.

The word lists are committed next to this module and sent inline with the index settings, so
nothing has to be copied into the engine's config directory.
"""

from functools import cache
from pathlib import Path

ORDNER = Path(__file__).resolve().parent
INDEX_ANALYZER = "deutsch"
SUCH_ANALYZER = "deutsch_suche"


def _zeilen(name: str) -> list[str]:
    """The non-empty, non-comment lines of a committed word list."""
    text = (ORDNER / name).read_text(encoding="utf-8")
    return [z.strip() for z in text.splitlines() if z.strip() and not z.lstrip().startswith("#")]


def german_normalization(wort: str) -> str:
    """Python twin of Lucene's GermanNormalizationFilter for a lower-case word."""
    aus, zustand = [], "N"
    for zeichen in wort:
        if zeichen in "ao":
            zustand = "U"
        elif zeichen == "u":
            zustand = "U" if zustand == "N" else "V"
        elif zeichen == "e":
            faltet, zustand = zustand == "U", "V"
            if faltet:
                continue
        elif zeichen in "iqyäöü":
            zustand = "V"
        else:
            zustand = "N"
        aus.append({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}.get(zeichen, zeichen))
    return "".join(aus)


@cache
def woerterbuch() -> list[str]:
    """Decompounder word parts, normalised like the tokens they are matched against."""
    return sorted({german_normalization(w.lower()) for w in _zeilen("woerterbuch.txt")})


@cache
def synonyme() -> list[str]:
    """Synonym rules in Solr format."""
    return [z.lower() for z in _zeilen("synonyme.txt")]


def _filter() -> dict:
    return {
        "deutsch_stopp": {"type": "stop", "stopwords": "_german_"},
        "deutsch_zerlegen": {
            "type": "dictionary_decompounder",
            "word_list": woerterbuch(),
            "only_longest_match": False,
            "min_subword_size": 4,
        },
        "deutsch_stamm": {"type": "stemmer", "language": "light_german"},
        "praxis_synonyme": {"type": "synonym_graph", "synonyms": synonyme(), "lenient": True},
    }


def analyse_einstellungen() -> dict:
    """The `analysis` block of the index settings."""
    vorne = ["lowercase", "deutsch_stopp", "german_normalization"]
    hinten = ["deutsch_stamm", "remove_duplicates"]
    return {
        "filter": _filter(),
        "analyzer": {
            # Compounds are split in the index and in the secondary "zerlegt" query clause; the
            # main query keeps the user's words whole so that a short part such as "sprach"
            # does not count as a full match of "Sprachmittler".
            INDEX_ANALYZER: {
                "tokenizer": "standard",
                "filter": [*vorne, "deutsch_zerlegen", *hinten],
            },
            SUCH_ANALYZER: {
                "tokenizer": "standard",
                "filter": [*vorne, "praxis_synonyme", *hinten],
            },
        },
    }
