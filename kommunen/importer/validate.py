"""Validation of all Records of a file against each other and the register in the database.

The rules a single Kommune must follow live beside the model (kommunen/models/register.py);
this module adds what only a file can get wrong: duplicates, unknown values, missing Kreise,
and values the database would refuse only while writing (PostgreSQL: NUL characters, numbers
beyond its column types), when no line number could be named any more.
"""

import math
import re
from collections.abc import Collection
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext as _

from kommunen.models.register import (
    Bundesland,
    Kommune,
    KommuneTyp,
    ags_length_error,
    kreis_missing_error,
    kreis_prefix_error,
    land_key_error,
    may_belong_to_kreis,
    validate_ags,
)

from .records import ErrorList, Record, format_count

CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
EINWOHNER_MAX = BaseDatabaseOperations.integer_field_ranges["PositiveIntegerField"][1]
COORDINATE_LIMITS = {"breitengrad": 90, "laengengrad": 180}


def validate_records(records: list[Record], stored: dict[str, dict], errors: ErrorList) -> None:
    """Report every invalid Record with its line number; `stored` maps AGS → stored values."""
    typ_by_ags = {ags: values["typ"] for ags, values in stored.items()}
    gemeindefrei = {ags for ags, values in stored.items() if values["gemeindefrei"]}
    first_line: dict[str, int] = {}
    for record in records:
        if record.ags in first_line:
            errors.report(
                record.line,
                _("AGS %(ags)s steht schon in Zeile %(zeile)d.")
                % {"ags": record.ags, "zeile": first_line[record.ags]},
            )
            continue
        first_line[record.ags] = record.line
        typ_by_ags[record.ags] = record.typ
        if record.extra.get("gemeindefrei", record.ags in gemeindefrei):
            gemeindefrei.add(record.ags)
    for record in records:
        reason = rejection_reason(record, typ_by_ags, gemeindefrei)
        if reason:
            errors.report(record.line, reason)


def rejection_reason(
    record: Record, typ_by_ags: dict[str, str], gemeindefrei: Collection[str] = frozenset()
) -> str | None:
    """Why this Record cannot be imported, or None; `typ_by_ags` maps every known AGS to its typ,
    `gemeindefrei` holds the AGS of the gemeindefreie Gebiete."""
    checks = (_ags_reason, _typ_reason, _name_reason, _einwohner_reason, _land_reason)
    for check in (*checks, _extra_reason):
        reason = check(record)
        if reason:
            return reason
    return _kreis_reason(record, typ_by_ags, record.ags in gemeindefrei)


def _ags_reason(record: Record) -> str | None:
    try:
        validate_ags(record.ags)
    except ValidationError as exc:
        return exc.messages[0]
    return None


def _typ_reason(record: Record) -> str | None:
    if record.typ not in KommuneTyp.values:
        return _("Unbekannter Typ „%(typ)s“; erlaubt sind: %(typen)s.") % {
            "typ": record.typ,
            "typen": ", ".join(KommuneTyp.values),
        }
    return ags_length_error(record.typ, record.ags)


def _name_reason(record: Record) -> str | None:
    max_length = _max_length("name")
    for name in (record.name, record.anzeigename or ""):
        if match := CONTROL_CHARACTER.search(name):
            return _("Der Name enthält ein Steuerzeichen (U+%(code)04X); bitte entfernen.") % {
                "code": ord(match.group())
            }
        if len(name) > max_length:
            return _("Der Name ist länger als %(n)d Zeichen.") % {"n": max_length}
    return None


def _einwohner_reason(record: Record) -> str | None:
    if record.einwohner is None and record.typ != KommuneTyp.LANDKREIS:
        return _("Die Einwohnerzahl fehlt.")
    if record.einwohner is not None and record.einwohner < 0:
        return _("Die Einwohnerzahl darf nicht negativ sein (%(n)d).") % {"n": record.einwohner}
    if record.einwohner is not None and record.einwohner > EINWOHNER_MAX:
        return _("Die Einwohnerzahl %(n)s ist zu groß (höchstens %(max)s).") % {
            "n": format_count(record.einwohner),
            "max": format_count(EINWOHNER_MAX),
        }
    return None


def _extra_reason(record: Record) -> str | None:
    """Figures only the GV-ISys extract carries must fit their columns."""
    extra = record.extra
    if (flaeche := extra.get("flaeche_km2")) is not None and flaeche > _flaeche_max():
        return _("Die Fläche %(wert)s km² ist zu groß (höchstens %(max)s km²).") % {
            "wert": _german_decimal(flaeche),
            "max": _german_decimal(_flaeche_max()),
        }
    postleitzahl = extra.get("postleitzahl") or ""
    if len(postleitzahl) > _max_length("postleitzahl"):
        return _("„%(wert)s“ ist keine Postleitzahl (fünf Ziffern).") % {"wert": postleitzahl}
    for name, limit in COORDINATE_LIMITS.items():
        value = extra.get(name)
        if value is not None and not (math.isfinite(value) and -limit <= value <= limit):
            return _("„%(wert)s“ ist keine Koordinate (%(feld)s zwischen -%(n)d und %(n)d).") % {
                "wert": _german_decimal(value),
                "feld": Kommune._meta.get_field(name).verbose_name,  # type: ignore[union-attr]  # a column, not a relation
                "n": limit,
            }
    return None


def _max_length(field_name: str) -> int:
    field = Kommune._meta.get_field(field_name)
    assert isinstance(field, models.CharField) and field.max_length is not None
    return field.max_length


def _flaeche_max() -> Decimal:
    field = Kommune._meta.get_field("flaeche_km2")
    return Decimal(10) ** (field.max_digits - field.decimal_places) - Decimal(1).scaleb(
        -field.decimal_places
    )


def _german_decimal(value: Decimal | float) -> str:
    """1234567.5 → "1.234.567,5", as the messages show figures."""
    whole, _point, fraction = str(value).partition(".")
    grouped = format_count(int(whole)) if whole.lstrip("-").isdigit() else whole
    return f"{grouped},{fraction}" if fraction else grouped


def _land_reason(record: Record) -> str | None:
    if record.bundesland not in Bundesland.values:
        return _("Unbekanntes Bundesland „%(land)s“; erwartet wird ein Kürzel wie SH oder BY.") % {
            "land": record.bundesland
        }
    return land_key_error(record.ags, record.bundesland)


def _kreis_reason(record: Record, typ_by_ags: dict[str, str], gemeindefrei: bool) -> str | None:
    kreis = record.kreis_ags
    if not kreis:
        return kreis_missing_error(record.typ, record.ags, gemeindefrei)
    if not may_belong_to_kreis(record.typ):
        return _(
            "Landkreise und kreisfreie Städte gehören keinem Kreis an (kreis_ags leer lassen)."
        )
    if reason := kreis_prefix_error(record.ags, kreis):
        return reason
    if kreis not in typ_by_ags:
        return _("Kreis %(kreis)s steht weder in der Datei noch in der Datenbank.") % {
            "kreis": kreis
        }
    if typ_by_ags[kreis] != KommuneTyp.LANDKREIS:
        return _("%(kreis)s ist kein Landkreis, sondern vom Typ „%(typ)s“.") % {
            "kreis": kreis,
            "typ": typ_by_ags[kreis],
        }
    return None
