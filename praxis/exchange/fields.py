"""Checks of single values of the exchange format: each returns the clean value or raises."""

import json
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from praxis.exchange import description
from praxis.models import PraxisStatus

KONTAKT_FELDER = ("name", "funktion", "email", "telefon")
ID_MUSTER = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
MONAT_MUSTER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
KOSTEN_MAX = 2_147_483_647


class Ungueltig(ValueError):
    """A value that breaks the contract; the message says why."""


def _text(max_laenge: int | None = None, pflicht: bool = False) -> Callable[[Any], str | None]:
    """A string (surrounding whitespace removed); empty or null is None unless required."""

    def pruefe(wert: Any) -> str | None:
        if wert is None and not pflicht:
            return None
        if not isinstance(wert, str):
            raise Ungueltig(_("muss eine Zeichenkette sein."))
        wert = wert.strip()
        if not wert:
            if pflicht:
                raise Ungueltig(_("darf nicht leer sein."))
            return None
        if max_laenge and len(wert) > max_laenge:
            raise Ungueltig(_("höchstens %(n)d Zeichen.") % {"n": max_laenge})
        return wert

    return pruefe


def _liste(element: Callable[[Any], Any]) -> Callable[[Any], list]:
    """A JSON array whose elements all pass `element` and are not null."""

    def pruefe(wert: Any) -> list:
        if not isinstance(wert, list):
            raise Ungueltig(_("muss eine Liste sein ([] wenn leer)."))
        ergebnis = [element(e) for e in wert]
        if any(e is None for e in ergebnis):
            raise Ungueltig(_("Listeneinträge dürfen nicht leer sein."))
        return ergebnis

    return pruefe


def _ohne_doppelte(pruefe_liste: Callable[[Any], list]) -> Callable[[Any], list]:
    def pruefe(wert: Any) -> list:
        ergebnis = pruefe_liste(wert)
        if len(set(ergebnis)) != len(ergebnis):
            raise Ungueltig(_("enthält einen Wert doppelt."))
        return ergebnis

    return pruefe


def _austausch_id(wert: Any) -> str:
    if not isinstance(wert, str) or not ID_MUSTER.match(wert):
        raise Ungueltig(_("muss ein Kürzel aus Buchstaben, Ziffern, - und _ sein (höchstens 120)."))
    return wert


def _ags(wert: Any) -> str:
    if not isinstance(wert, str) or not re.fullmatch(r"\d{5}|\d{8}", wert):
        raise Ungueltig(_("ein AGS ist eine Zeichenkette aus 8 (Kreis: 5) Ziffern."))
    return wert


def _status(wert: Any) -> str:
    if wert not in PraxisStatus.values:
        raise Ungueltig(
            _("unbekannter Status %(wert)s; erlaubt: %(erlaubt)s.")
            % {
                "wert": json.dumps(wert, ensure_ascii=False),
                "erlaubt": ", ".join(PraxisStatus.values),
            }
        )
    return wert


def _monat(wert: Any) -> str | None:
    if wert is None:
        return None
    if not isinstance(wert, str) or not MONAT_MUSTER.match(wert):
        raise Ungueltig(_("muss ein Monat im Format JJJJ-MM sein oder null."))
    return wert


def _kosten(wert: Any) -> int | None:
    if wert is None:
        return None
    if isinstance(wert, bool) or not isinstance(wert, int) or not 0 <= wert <= KOSTEN_MAX:
        raise Ungueltig(_("muss eine ganze Zahl ab 0 sein oder null."))
    return wert


def _schlagworte(wert: Any) -> list[str]:
    """Free tags as a set: duplicates dropped, sorted case-insensitively."""
    return sorted(dict.fromkeys(_liste(_text(100))(wert)), key=lambda s: (s.casefold(), s))


def _url(wert: Any) -> str:
    wert = _text(500, pflicht=True)(wert)
    try:
        URLValidator()(wert)
    except ValidationError:
        raise Ungueltig(_("„%(url)s“ ist keine gültige Adresse.") % {"url": wert}) from None
    return wert


def _kontakt(wert: Any) -> dict[str, str | None] | None:
    if wert is None:
        return None
    if not isinstance(wert, dict) or set(wert) != set(KONTAKT_FELDER):
        raise Ungueltig(_("muss null oder ein Objekt mit name, funktion, email, telefon sein."))
    kontakt = {
        "name": _text(200)(wert["name"]),
        "funktion": _text(200)(wert["funktion"]),
        "email": _email(wert["email"]),
        "telefon": _text(50)(wert["telefon"]),
    }
    return kontakt if any(kontakt.values()) else None


def _email(wert: Any) -> str | None:
    wert = _text(254)(wert)
    if wert is not None:
        try:
            EmailValidator()(wert)
        except ValidationError:
            raise Ungueltig(
                _("„%(email)s“ ist keine gültige E-Mail-Adresse.") % {"email": wert}
            ) from None
    return wert


PRUEFUNGEN: dict[str, Callable[[Any], Any]] = {
    "id": _austausch_id,
    "titel": _text(255, pflicht=True),
    "kommune": _ags,
    "partner_kommunen": _ohne_doppelte(_liste(_ags)),
    "kurzbeschreibung": _text(500, pflicht=True),
    "beschreibung": lambda wert: description.normalisiert(_text()(wert)),
    "handlungsfelder": _ohne_doppelte(_liste(_text(60))),
    "zielgruppen": _ohne_doppelte(_liste(_text(60))),
    "schlagworte": _schlagworte,
    "status": _status,
    "beginn": _monat,
    "ende": _monat,
    "traeger": _text(255),
    "foerderung": _liste(_text(255)),
    "kosten_jahr_eur": _kosten,
    "personal": _text(255),
    "uebertragbarkeit": _text(),
    "kontakt": _kontakt,
    "links": _liste(_url),
}
