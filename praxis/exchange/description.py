"""The plain-text `beschreibung` of the exchange format and the rich-text `absatz` blocks."""

import html
import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Closing tags of block elements end a paragraph of the plain text.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)\s*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a plain text: separated by a blank line, without outer whitespace."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [_strip_lines(part) for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def normalized(text: str | None) -> str | None:
    """The canonical form of a `beschreibung`: paragraphs joined by one blank line, or None."""
    return "\n\n".join(paragraphs(text)) or None


def to_html(text: str | None) -> str:
    """Rich-text HTML of the paragraphs: one escaped `<p>` each, single newlines as `<br/>`."""
    return "".join(
        "<p>" + html.escape(paragraph, quote=False).replace("\n", "<br/>") + "</p>"
        for paragraph in paragraphs(text)
    )


def from_html(rich_text_html: str) -> list[str]:
    """The plain paragraphs of rich-text HTML: tags stripped, entities unescaped."""
    source = rich_text_html.replace("\r", "").replace("\n", " ")
    source = LINE_BREAK_TAG.sub("\n", source)
    parts = (html.unescape(TAG.sub("", part)) for part in BLOCK_END.split(source))
    return [_strip_lines(part) for part in parts if part.strip()]


def _strip_lines(paragraph: str) -> str:
    """A paragraph with every line stripped of surrounding whitespace."""
    return "\n".join(line.strip() for line in paragraph.strip().split("\n"))
