"""The data a browser without JavaScript would send from the page editor, read from its HTML.

With it a test posts the real edit form (every panel, inline and StreamField input) as it is,
with only an action added, instead of rebuilding Wagtail's form data by hand.
"""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

EDITOR_FORM_IDS = {"page-edit-form", "w-editor-form"}  # pages, other models
SKIPPED_TYPES = {"submit", "button", "file", "image", "reset"}


class _EditorFormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: list[tuple[str, str]] = []
        self._in_form = False
        self._depth = 0
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and attributes.get("id") in EDITOR_FORM_IDS:
            self._in_form = True
        if not self._in_form:
            return
        if tag == "form":
            self._depth += 1
        elif tag == "input":
            self._input(attributes)
        elif tag == "textarea" and attributes.get("name"):
            self._textarea, self._text = attributes["name"], []
        elif tag == "select":
            self._select = attributes.get("name")
        elif tag == "option" and self._select and "selected" in attributes:
            self.data.append((self._select, attributes.get("value", "")))

    def _input(self, attributes: dict[str, str]) -> None:
        kind = attributes.get("type", "text")
        name = attributes.get("name")
        if not name or kind in SKIPPED_TYPES or "disabled" in attributes:
            return
        if kind in ("checkbox", "radio") and "checked" not in attributes:
            return
        self.data.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if not self._in_form:
            return
        if tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea, "".join(self._text)))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._depth -= 1
            self._in_form = self._depth > 0


def editor_form_data(
    client: Client, page_id: int, streamfields: tuple[str, ...] = ("body",)
) -> dict[str, list[str]]:
    """The edit form of the page as the client's user sees it, as POST data. StreamFields are
    drawn by JavaScript; without it they are sent empty (`<name>-count` 0)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page_id,)))
    assert response.status_code == 200, response
    parser = _EditorFormParser()
    parser.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    for name in streamfields:
        data.setdefault(f"{name}-count", ["0"])
    return data
