"""Parse and validate one line of the Praxisbeispiel exchange format (AUSTAUSCHFORMAT.md)."""

import json
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from praxis.exchange.fields import VALIDATORS, InvalidValue, printable
from praxis.models import Foerderprogramm, Handlungsfeld, Zielgruppe

# The keys of a version-1 exchange object, in the order of the contract ...
V1_KEYS = (
    "id",
    "titel",
    "kommune",
    "partner_kommunen",
    "kurzbeschreibung",
    "beschreibung",
    "handlungsfelder",
    "zielgruppen",
    "schlagworte",
    "status",
    "beginn",
    "ende",
    "traeger",
    "foerderung",
    "kosten_jahr_eur",
    "personal",
    "uebertragbarkeit",
    "kontakt",
    "links",
)
# ... and the keys version 2 adds: a version-1 line has none of them, which count as null or [].
V2_DEFAULTS: dict[str, Any] = {
    "evidenz": None,
    "evaluation_url": None,
    "erfahrungen": None,
    "kosten_einmalig_eur": None,
    "foerderprogramme": [],
    "uebernommen_von": None,
    "stand": None,
}
# What export writes and import returns: every key of version 2.
KEYS = V1_KEYS + tuple(V2_DEFAULTS)
ID_IN_TEXT = re.compile(r'"id"\s*:\s*"([^"\\]{0,120})"')
TAXONOMY_KEYS = ("handlungsfelder", "zielgruppen")
# An exchange object nests three levels deep (object → kontakt → value); far more is garbage,
# and json would hit Python's recursion limit on it.
MAX_DEPTH = 10


class ExchangeError(Exception):
    """A rejected line: its number, its `id` (if readable) and the reason, in German."""

    def __init__(self, line: int, entry_id: str | None, reason: str) -> None:
        self.line, self.entry_id, self.reason = line, entry_id, reason
        super().__init__(str(self))

    def __str__(self) -> str:
        shown_id = f"„{printable(self.entry_id)}“" if self.entry_id else _("unbekannt")
        return str(_("Zeile %(zeile)d (id %(id)s): %(grund)s")) % {
            "zeile": self.line,
            "id": shown_id,
            "grund": self.reason,
        }


class ReferenceLookup:
    """Looks up AGS values and taxonomy slugs of the platform, caching what it has seen."""

    def __init__(self) -> None:
        self.handlungsfelder = {h.slug: h for h in Handlungsfeld.objects.all()}
        self.zielgruppen = {z.slug: z for z in Zielgruppe.objects.all()}
        self.foerderprogramme = {p.slug: p for p in Foerderprogramm.objects.all()}
        self._kommunen: dict[str, Kommune] = {}

    def kommunen(self, ags_values: Iterable[str]) -> dict[str, Kommune]:
        """The Kommunen of these AGS values that exist, keyed by AGS."""
        missing = set(ags_values) - set(self._kommunen)
        if missing:
            for kommune in Kommune.objects.filter(ags__in=missing):
                self._kommunen[kommune.ags] = kommune
        return self._kommunen

    def taxonomy(self, key: str) -> dict:
        """The terms of `handlungsfelder` or `zielgruppen`, keyed by slug."""
        return getattr(self, key)


def parse_line(text: str, line: int, lookup: ReferenceLookup | None = None) -> dict[str, Any]:
    """The clean, canonical entry of one JSON line; raises ExchangeError if it is rejected."""
    lookup = lookup or ReferenceLookup()
    raw = _json_object(text, line)
    entry_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    if _deeper_than(raw, MAX_DEPTH):
        reason = _("zu tief verschachtelt (höchstens %(n)d Ebenen).") % {"n": MAX_DEPTH}
        raise ExchangeError(line, entry_id, str(reason))
    entry, reasons = _validate(raw, lookup)
    if reasons:
        raise ExchangeError(line, entry_id, "; ".join(r.rstrip(".") for r in reasons) + ".")
    return entry


def _json_object(text: str, line: int) -> dict:
    """The line as a JSON object, or an ExchangeError that says what is wrong with it."""
    found = ID_IN_TEXT.search(text)
    entry_id = found and found.group(1)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        reason = _("kein gültiges JSON (Fehler bei Zeichen %(pos)d).") % {"pos": error.colno}
        raise ExchangeError(line, entry_id, reason) from None
    except RecursionError:
        reason = _("zu tief verschachtelt (höchstens %(n)d Ebenen).") % {"n": MAX_DEPTH}
        raise ExchangeError(line, entry_id, str(reason)) from None
    except ValueError:  # an integer of more than 4,300 digits
        reason = str(_("enthält eine Zahl mit zu vielen Ziffern."))
        raise ExchangeError(line, entry_id, str(reason)) from None
    if not isinstance(raw, dict):
        raise ExchangeError(line, None, str(_("Die Zeile ist kein JSON-Objekt.")))
    return raw


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` levels (counted without recursion)."""
    level = [value]
    for _depth in range(limit):
        level = [
            child
            for item in level
            if isinstance(item, list | dict)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return False
    return any(isinstance(item, list | dict) for item in level)


def _validate(raw: dict, lookup: ReferenceLookup) -> tuple[dict[str, Any], list[str]]:
    """Check every key of the contract; returns the clean entry and the reasons for rejection."""
    reasons = []
    if not any(key in raw for key in V2_DEFAULTS):
        raw = raw | V2_DEFAULTS  # a version-1 line
    if missing := [f"„{k}“" for k in KEYS if k not in raw]:
        reasons.append(str(_("fehlende Schlüssel: %(s)s") % {"s": ", ".join(missing)}))
    if unknown := [f"„{printable(k)}“" for k in raw if k not in KEYS]:
        reasons.append(str(_("unbekannte Schlüssel: %(s)s") % {"s": ", ".join(unknown)}))
    entry: dict[str, Any] = {}
    for key in KEYS:
        if key not in raw:
            continue
        try:
            entry[key] = VALIDATORS[key](raw[key])
        except InvalidValue as error:
            reasons.append(f"„{key}“: {error}")
    if not reasons:
        reasons += _check_references(entry, lookup)
    return entry, reasons


def _check_references(entry: dict[str, Any], lookup: ReferenceLookup) -> list[str]:
    """References to Kommunen and taxonomies must exist on this platform."""
    reasons = []
    if entry["beginn"] and entry["ende"] and entry["ende"] < entry["beginn"]:
        reasons.append(str(_("„ende“ liegt vor „beginn“.")))
    all_ags = [entry["kommune"], *entry["partner_kommunen"]]
    known = lookup.kommunen(all_ags)
    for ags in dict.fromkeys(all_ags):
        if ags not in known:
            reasons.append(str(_("Kommune mit AGS „%(ags)s“ gibt es nicht.") % {"ags": ags}))
    if entry["kommune"] in entry["partner_kommunen"]:
        reasons.append(str(_("Die federführende Kommune ist zugleich als Partner angegeben.")))
    for key in TAXONOMY_KEYS:
        for slug in entry[key]:
            if slug not in lookup.taxonomy(key):
                reasons.append(
                    str(
                        _("„%(feld)s“: unbekanntes Kürzel „%(slug)s“.")
                        % {"feld": key, "slug": slug}
                    )
                )
    reasons += _version_2_reference_errors(entry, lookup)
    if not reasons:
        _sort_taxonomies(entry, lookup)
    return reasons


def _version_2_reference_errors(entry: dict[str, Any], lookup: ReferenceLookup) -> list[str]:
    """Programmes must be managed here; whether `uebernommen_von` exists is a question of the
    whole file (praxis.exchange.importer)."""
    reasons = [
        str(_("„foerderprogramme“: unbekanntes Förderprogramm „%(slug)s“.") % {"slug": slug})
        for slug in entry["foerderprogramme"]
        if slug not in lookup.foerderprogramme
    ]
    if entry["uebernommen_von"] == entry["id"]:
        reasons.append(str(_("„uebernommen_von“ nennt das Praxisbeispiel selbst.")))
    return reasons


def _sort_taxonomies(entry: dict[str, Any], lookup: ReferenceLookup) -> None:
    """Sets are kept in canonical order: taxonomy order for the managed lists."""
    for key in TAXONOMY_KEYS:
        terms = lookup.taxonomy(key)
        # mypy cannot type lambdas with default arguments ([misc]); `t` binds the loop variable.
        entry[key] = sorted(entry[key], key=lambda s, t=terms: (t[s].sort_order, t[s].name))  # type: ignore[misc]
