"""Shared pieces of the register import: one parsed record, the error list, cell parsing."""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

Progress = Callable[[str], None]

PROGRESS_EVERY = 2_000
ERRORS_SHOWN = 20
# No figure of the register has more digits; longer ones are typos or garbage, and refusing
# them keeps int() away from its limit of 4,300 digits.
MAX_DIGITS = 18

# Register fields that only the GV-ISys extract carries; the exchange CSV leaves them alone.
EXTRA_FIELDS = (
    "flaeche_km2",
    "postleitzahl",
    "laengengrad",
    "breitengrad",
    "verstaedterung",
    "gemeindefrei",
)


class RegisterImportError(Exception):
    """The file cannot be imported; the message is German and meant for the user."""


@dataclass
class Record:
    """One Kommune as read from a file, before validation; `line` is the line in the file."""

    line: int
    ags: str
    typ: str
    name: str
    bundesland: str
    kreis_ags: str | None = None
    einwohner: int | None = None
    anzeigename: str | None = None
    extra: dict = field(default_factory=dict)


class ErrorList:
    """Reasons why lines of a file are rejected, reported together with their line numbers."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str]] = []

    def report(self, line: int, reason: str) -> None:
        self.entries.append((line, reason))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def as_text(self) -> str:
        """A German message naming the first rejected lines and how many there are."""
        entries = sorted(self.entries, key=lambda entry: entry[0])
        lines = [_("Zeile %(zeile)d: %(grund)s") % {"zeile": n, "grund": r} for n, r in entries]
        rest = len(lines) - ERRORS_SHOWN
        header = _("Import abgebrochen, nichts wurde geschrieben: %(n)s fehlerhafte Zeile(n).") % {
            "n": format_count(len(lines))
        }
        text = "\n".join([header, *lines[:ERRORS_SHOWN]])
        if rest > 0:
            text += "\n" + _("… und %(n)s weitere.") % {"n": format_count(rest)}
        return text


def format_count(value: int) -> str:
    """A count with thousands separators of the active language (LANGUAGE_CODE "de": "11.004")."""
    return number_format(value, force_grouping=True)


def with_progress(items: Iterable, progress: Progress, activity: str) -> Iterator:
    """Pass the items through, reporting every PROGRESS_EVERY items."""
    count = 0
    for count, item in enumerate(items, start=1):
        if count % PROGRESS_EVERY == 0:
            progress(f"  {format_count(count)} {activity}")
        yield item


def parse_text(value: object) -> str:
    """A cell as stripped text; empty cells become ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _without_whitespace(value: object) -> str:
    return re.sub(r"\s+", "", parse_text(value))


def parse_int(value: object) -> int | None:
    """An integer from a cell: 90164, "90 164" or " 554"; None when the cell is empty."""
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(_("„%(wert)s“ ist keine ganze Zahl.") % {"wert": value})
    digits = _without_whitespace(value)
    if not digits:
        return None
    if not re.fullmatch(r"[+-]?[0-9]+", digits):
        raise ValueError(_("„%(wert)s“ ist keine ganze Zahl.") % {"wert": parse_text(value)})
    if len(digits) > MAX_DIGITS:
        raise ValueError(_("Die Zahl „%(wert)s…“ hat zu viele Ziffern.") % {"wert": digits[:20]})
    return int(digits)


def parse_decimal(value: object) -> Decimal | None:
    """A decimal with two places from "53.02", "53,02" or a number cell; None when empty."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = repr(float(value))
    digits = _without_whitespace(value)
    if not digits:
        return None
    if len(digits) > MAX_DIGITS + 3:
        raise ValueError(_("Die Zahl „%(wert)s…“ hat zu viele Ziffern.") % {"wert": digits[:20]})
    if "," in digits and "." not in digits:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(_("„%(wert)s“ ist keine Zahl.") % {"wert": parse_text(value)}) from None


def parse_key(value: object, width: int) -> str:
    """A key part with leading zeros: 1 or "1" → "01"; "" stays empty."""
    digits = _without_whitespace(value)
    if digits and not (digits.isascii() and digits.isdigit()):
        raise ValueError(_("„%(wert)s“ ist kein Schlüssel aus Ziffern.") % {"wert": digits})
    return digits.zfill(width) if digits else ""
