"""Validation of all Records of a file against each other and the register in the database.

The rules a single Kommune must follow live beside the model (kommunen/models/register.py);
this module adds what only a file can get wrong: duplicates, unknown values, missing Kreise.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kommunen.models.register import (
    Bundesland,
    KommuneTyp,
    ags_length_error,
    kreis_prefix_error,
    land_key_error,
    may_belong_to_kreis,
    validate_ags,
)

from .records import ErrorList, Record


def validate_records(records: list[Record], stored: dict[str, dict], errors: ErrorList) -> None:
    """Report every invalid Record with its line number; `stored` maps AGS → stored values."""
    typ_by_ags = {ags: values["typ"] for ags, values in stored.items()}
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
    for record in records:
        reason = rejection_reason(record, typ_by_ags)
        if reason:
            errors.report(record.line, reason)


def rejection_reason(record: Record, typ_by_ags: dict[str, str]) -> str | None:
    """Why this Record cannot be imported, or None; `typ_by_ags` maps every known AGS to its typ."""
    for check in (_ags_reason, _typ_reason, _einwohner_reason, _land_reason):
        reason = check(record)
        if reason:
            return reason
    return _kreis_reason(record, typ_by_ags)


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


def _einwohner_reason(record: Record) -> str | None:
    if record.einwohner is None and record.typ != KommuneTyp.LANDKREIS:
        return _("Die Einwohnerzahl fehlt.")
    if record.einwohner is not None and record.einwohner < 0:
        return _("Die Einwohnerzahl darf nicht negativ sein (%(n)d).") % {"n": record.einwohner}
    return None


def _land_reason(record: Record) -> str | None:
    if record.bundesland not in Bundesland.values:
        return _("Unbekanntes Bundesland „%(land)s“; erwartet wird ein Kürzel wie SH oder BY.") % {
            "land": record.bundesland
        }
    return land_key_error(record.ags, record.bundesland)


def _kreis_reason(record: Record, typ_by_ags: dict[str, str]) -> str | None:
    kreis = record.kreis_ags
    if not kreis:
        return None
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
