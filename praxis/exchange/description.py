"""The plain-text `beschreibung` of the exchange format and the rich-text `absatz` blocks."""

import html
import re

ABSATZ_TRENNER = re.compile(r"\n[ \t]*\n\s*")
ZEILENUMBRUCH = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Closing tags of block elements end a paragraph of the plain text.
BLOCKENDE = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)\s*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def absaetze(text: str | None) -> list[str]:
    """The paragraphs of a plain text: separated by a blank line, without outer whitespace."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [_zeilen(absatz) for absatz in ABSATZ_TRENNER.split(text) if absatz.strip()]


def normalisiert(text: str | None) -> str | None:
    """The canonical form of a `beschreibung`: paragraphs joined by one blank line, or None."""
    return "\n\n".join(absaetze(text)) or None


def als_html(text: str | None) -> str:
    """Rich-text HTML of the paragraphs: one escaped `<p>` each, single newlines as `<br/>`."""
    return "".join(
        "<p>" + html.escape(absatz, quote=False).replace("\n", "<br/>") + "</p>"
        for absatz in absaetze(text)
    )


def als_text(rich_text_html: str) -> list[str]:
    """The plain paragraphs of rich-text HTML: tags stripped, entities unescaped."""
    quelle = rich_text_html.replace("\r", "").replace("\n", " ")
    quelle = ZEILENUMBRUCH.sub("\n", quelle)
    teile = (html.unescape(TAG.sub("", teil)) for teil in BLOCKENDE.split(quelle))
    return [_zeilen(teil) for teil in teile if teil.strip()]


def _zeilen(absatz: str) -> str:
    """A paragraph with every line stripped of surrounding whitespace."""
    return "\n".join(zeile.strip() for zeile in absatz.strip().split("\n"))
