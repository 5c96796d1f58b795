"""Words and `<mark>` highlighting for the database backend.

Highlighting marks the words of a text in which the engine's analysis finds one of the query's
concepts (same stem, synonym, compound part, corrected typo), like the engine's highlighter.
"""

import re

from django.utils.html import escape

from search.analysis.german import STOP_WORDS as GERMAN_STOP_WORDS
from search.analysis.german import index_keys

WORD = re.compile(r"\w+", re.UNICODE)
STOP_WORDS = GERMAN_STOP_WORDS


def words(q: str) -> list[str]:
    """The query's words in lower case without stop words (all words if only stop words)."""
    all_words = [w.lower() for w in WORD.findall(q)]
    content = [w for w in all_words if w not in STOP_WORDS]
    return list(dict.fromkeys(content or all_words))


def highlight(text: str, keys: set[str]) -> str | None:
    """The text HTML-escaped with `<mark>` around words with one of the keys, else None."""
    parts, pos, marked = [], 0, False
    for match in WORD.finditer(text):
        word = match.group()
        if word.lower() in STOP_WORDS or not index_keys(word.lower()) & keys:
            continue
        parts += [escape(text[pos : match.start()]), f"<mark>{escape(word)}</mark>"]
        pos, marked = match.end(), True
    parts.append(escape(text[pos:]))
    return "".join(parts) if marked else None
