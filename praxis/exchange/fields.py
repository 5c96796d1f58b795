"""Checks of single values of the exchange format: each returns the clean value or raises."""

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kommunen.models import AGS_PATTERN
from praxis.exchange import description
from praxis.models import Evidenz, PraxisStatus
from praxis.validators import MONTH_PATTERN

CONTACT_KEYS = ("name", "funktion", "email", "telefon")
ID_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KOSTEN_MAX = 2_147_483_647
# Characters no database column takes: NUL (PostgreSQL refuses it) and lone surrogates
# (JSON may escape them as "\ud800", UTF-8 cannot encode them).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class InvalidValue(ValueError):
    """A value that breaks the contract; the message says why."""


def printable(text: str, limit: int = 60) -> str:
    """Text from the file as messages may show it: control characters and lone surrogates
    escaped (\\u0000), at most `limit` characters."""
    shown = NOT_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _storable(value: str) -> str:
    if match := UNSTORABLE.search(value):
        if match.group() == "\x00":
            raise InvalidValue(_("enthält ein Nullzeichen (\\u0000); bitte entfernen."))
        raise InvalidValue(
            _("enthält ein einzelnes Surrogat (%(zeichen)s), das kein Zeichen ist.")
            % {"zeichen": printable(match.group())}
        )
    return value


def _text(max_length: int | None = None, required: bool = False) -> Callable[[Any], str | None]:
    """A string (surrounding whitespace removed); empty or null is None unless required."""

    def check(value: Any) -> str | None:
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise InvalidValue(_("muss eine Zeichenkette sein."))
        value = _storable(value).strip()
        if not value:
            if required:
                raise InvalidValue(_("darf nicht leer sein."))
            return None
        if max_length and len(value) > max_length:
            raise InvalidValue(_("höchstens %(n)d Zeichen.") % {"n": max_length})
        return value

    return check


def _list_of(element: Callable[[Any], Any]) -> Callable[[Any], list]:
    """A JSON array whose elements all pass `element` and are not null."""

    def check(value: Any) -> list:
        if not isinstance(value, list):
            raise InvalidValue(_("muss eine Liste sein ([] wenn leer)."))
        result = [element(e) for e in value]
        if any(e is None for e in result):
            raise InvalidValue(_("Listeneinträge dürfen nicht leer sein."))
        return result

    return check


def _without_duplicates(check_list: Callable[[Any], list]) -> Callable[[Any], list]:
    def check(value: Any) -> list:
        result = check_list(value)
        if len(set(result)) != len(result):
            raise InvalidValue(_("enthält einen Wert doppelt."))
        return result

    return check


def _entry_id(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise InvalidValue(
            _("muss ein Kürzel aus Buchstaben, Ziffern, - und _ sein (höchstens 120).")
        )
    return value


def _ags(value: Any) -> str:
    if not isinstance(value, str) or not value.isascii() or not AGS_PATTERN.fullmatch(value):
        raise InvalidValue(_("ein AGS ist eine Zeichenkette aus 8 (Kreis: 5) Ziffern."))
    return value


def _status(value: Any) -> str:
    if value not in PraxisStatus.values:
        raise InvalidValue(
            _("unbekannter Status %(wert)s; erlaubt: %(erlaubt)s.")
            % {"wert": _shown(value), "erlaubt": ", ".join(PraxisStatus.values)}
        )
    return value


def _month(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not MONTH_PATTERN.fullmatch(value) or not value.isascii():
        raise InvalidValue(_("muss ein Monat im Format JJJJ-MM sein oder null."))
    return value


def _kosten(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= KOSTEN_MAX:
        raise InvalidValue(_("muss eine ganze Zahl von 0 bis 2.147.483.647 sein (Euro) oder null."))
    return value


def _evidenz(value: Any) -> str | None:
    if value is None:
        return None
    if value not in Evidenz.values:
        raise InvalidValue(
            _("unbekannte Stufe %(wert)s; erlaubt: %(erlaubt)s oder null.")
            % {"wert": _shown(value), "erlaubt": ", ".join(Evidenz.values)}
        )
    return value


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`check` for a value that may be null."""
    return lambda value: None if value is None else check(value)


def _day(value: Any) -> str | None:
    """A date YYYY-MM-DD, at most a day ahead (time zones), as the canonical string."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.isascii() or not DATE_PATTERN.fullmatch(value):
        raise InvalidValue(_("muss ein Datum im Format JJJJ-MM-TT sein oder null."))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(_("„%(tag)s“ ist kein gültiges Datum.") % {"tag": value}) from None
    if day > timezone.localdate() + timedelta(days=1):
        raise InvalidValue(_("„%(tag)s“ liegt in der Zukunft.") % {"tag": value})
    return value


def _shown(value: Any) -> str:
    """A scalar of the file as a message shows it; lists and objects by their kind."""
    if isinstance(value, str | int | float | bool | None):
        return printable(json.dumps(value, ensure_ascii=False))
    return str(_("eine Liste oder ein Objekt"))


def _schlagworte(value: Any) -> list[str]:
    """Free tags as a set: duplicates dropped, sorted case-insensitively."""
    return sorted(dict.fromkeys(_list_of(_text(100))(value)), key=lambda s: (s.casefold(), s))


def _url(value: Any) -> str:
    value = _text(500, required=True)(value)
    try:
        URLValidator()(value)
    except ValidationError:
        raise InvalidValue(_("„%(url)s“ ist keine gültige Adresse.") % {"url": value}) from None
    return value


def _kontakt(value: Any) -> dict[str, str | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(CONTACT_KEYS):
        raise InvalidValue(_("muss null oder ein Objekt mit name, funktion, email, telefon sein."))
    kontakt = {
        "name": _text(200)(value["name"]),
        "funktion": _text(200)(value["funktion"]),
        "email": _email(value["email"]),
        "telefon": _text(50)(value["telefon"]),
    }
    return kontakt if any(kontakt.values()) else None


def _email(value: Any) -> str | None:
    value = _text(254)(value)
    if value is not None:
        try:
            EmailValidator()(value)
        except ValidationError:
            raise InvalidValue(
                _("„%(email)s“ ist keine gültige E-Mail-Adresse.") % {"email": value}
            ) from None
    return value


# One check per key of the contract, in the contract's order.
VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "id": _entry_id,
    "titel": _text(255, required=True),
    "kommune": _ags,
    "partner_kommunen": _without_duplicates(_list_of(_ags)),
    "kurzbeschreibung": _text(500, required=True),
    "beschreibung": lambda value: description.normalized(_text()(value)),
    "handlungsfelder": _without_duplicates(_list_of(_text(60))),
    "zielgruppen": _without_duplicates(_list_of(_text(60))),
    "schlagworte": _schlagworte,
    "status": _status,
    "beginn": _month,
    "ende": _month,
    "traeger": _text(255),
    "foerderung": _list_of(_text(255)),
    "kosten_jahr_eur": _kosten,
    "personal": _text(255),
    "uebertragbarkeit": _text(),
    "kontakt": _kontakt,
    "links": _list_of(_url),
    # version 2 (AUSTAUSCHFORMAT.md)
    "evidenz": _evidenz,
    "evaluation_url": _optional(_url),
    "erfahrungen": _text(),
    "kosten_einmalig_eur": _kosten,
    "foerderprogramme": lambda value: sorted(_without_duplicates(_list_of(_text(60)))(value)),
    "uebernommen_von": _optional(_entry_id),
    "stand": _day,
}
