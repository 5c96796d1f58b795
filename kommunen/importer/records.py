"""Shared pieces of the register import: one parsed record, the error list, cell parsing."""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

Fortschritt = Callable[[str], None]

FORTSCHRITT_ALLE = 2_000
ANGEZEIGTE_FEHLER = 20


class ImportFehler(Exception):
    """The file cannot be imported; the message is German and meant for the user."""


@dataclass
class Datensatz:
    """One Kommune as read from a file, before validation; `zeile` is the line in the file."""

    zeile: int
    ags: str
    typ: str
    name: str
    bundesland: str
    kreis_ags: str | None = None
    einwohner: int | None = None
    anzeigename: str | None = None
    weitere: dict = field(default_factory=dict)


class Fehlerliste:
    """Reasons why lines of a file are rejected, reported together with their line numbers."""

    def __init__(self) -> None:
        self.eintraege: list[tuple[int, str]] = []

    def melde(self, zeile: int, grund: str) -> None:
        self.eintraege.append((zeile, grund))

    def __bool__(self) -> bool:
        return bool(self.eintraege)

    def als_text(self) -> str:
        """A German message naming the first rejected lines and how many there are."""
        eintraege = sorted(self.eintraege, key=lambda eintrag: eintrag[0])
        zeilen = [_("Zeile %(zeile)d: %(grund)s") % {"zeile": z, "grund": g} for z, g in eintraege]
        rest = len(zeilen) - ANGEZEIGTE_FEHLER
        kopf = _("Import abgebrochen, nichts wurde geschrieben: %(n)s fehlerhafte Zeile(n).") % {
            "n": zahl(len(zeilen))
        }
        text = "\n".join([kopf, *zeilen[:ANGEZEIGTE_FEHLER]])
        if rest > 0:
            text += "\n" + _("… und %(n)s weitere.") % {"n": zahl(rest)}
        return text


def zahl(wert: int) -> str:
    """A count with German thousands separators: 11004 → "11.004"."""
    return f"{wert:,}".replace(",", ".")


def mit_fortschritt(zeilen: Iterable, fortschritt: Fortschritt, taetigkeit: str) -> Iterator:
    """Pass the items through, reporting every FORTSCHRITT_ALLE items."""
    anzahl = 0
    for anzahl, zeile in enumerate(zeilen, start=1):
        if anzahl % FORTSCHRITT_ALLE == 0:
            fortschritt(f"  {zahl(anzahl)} {taetigkeit}")
        yield zeile


def text(wert: object) -> str:
    """A cell as stripped text; empty cells become ""."""
    if wert is None:
        return ""
    if isinstance(wert, float) and wert.is_integer():
        wert = int(wert)
    return str(wert).strip()


def _ohne_leerzeichen(wert: object) -> str:
    return re.sub(r"\s+", "", text(wert))


def ganzzahl(wert: object) -> int | None:
    """An integer from a cell: 90164, "90 164" or " 554"; None when the cell is empty."""
    if isinstance(wert, float) and not wert.is_integer():
        raise ValueError(_("„%(wert)s“ ist keine ganze Zahl.") % {"wert": wert})
    ziffern = _ohne_leerzeichen(wert)
    if not ziffern:
        return None
    if not re.fullmatch(r"[+-]?\d+", ziffern):
        raise ValueError(_("„%(wert)s“ ist keine ganze Zahl.") % {"wert": text(wert)})
    return int(ziffern)


def dezimal(wert: object) -> Decimal | None:
    """A decimal with two places from "53.02", "53,02" or a number cell; None when empty."""
    if isinstance(wert, int | float) and not isinstance(wert, bool):
        wert = repr(float(wert))
    ziffern = _ohne_leerzeichen(wert)
    if not ziffern:
        return None
    if "," in ziffern and "." not in ziffern:
        ziffern = ziffern.replace(",", ".")
    try:
        return Decimal(ziffern).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(_("„%(wert)s“ ist keine Zahl.") % {"wert": text(wert)}) from None


def schluessel(wert: object, stellen: int) -> str:
    """A key part with leading zeros: 1 or "1" → "01"; "" stays empty."""
    ziffern = _ohne_leerzeichen(wert)
    if ziffern and not ziffern.isdigit():
        raise ValueError(_("„%(wert)s“ ist kein Schlüssel aus Ziffern.") % {"wert": ziffern})
    return ziffern.zfill(stellen) if ziffern else ""
