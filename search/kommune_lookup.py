"""Finding a Kommune by name for "Kommunen wie meine": autocomplete and server-side resolution."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from kommunen.models import Kommune
from search.backends.database.text import schreibvarianten
from search.query import AGS_PATTERN

MAX_VORSCHLAEGE = 10
MIN_ZEICHEN = 2
MAX_VARIANTEN = 8
# "Kleinau (01062001)" as the autocomplete fills it in.
NAME_MIT_AGS = re.compile(r"\((\d{5}|\d{8})\)\s*$")


def _praefix_bedingung(text: str) -> Q:
    """Range conditions on the indexed anzeigename, as typed and capitalised, with umlaut variants.

    A range (>= prefix, < prefix + U+FFFF) uses the plain b-tree index on every database,
    unlike a case-insensitive LIKE.
    """
    varianten = {text} | {v[:1].upper() + v[1:] for v in schreibvarianten(text.lower())}
    bedingung = Q()
    for praefix in sorted(varianten)[:MAX_VARIANTEN]:
        bedingung |= Q(anzeigename__gte=praefix, anzeigename__lt=praefix + "\uffff")
    return bedingung


def vorschlaege(text: str, anzahl: int = MAX_VORSCHLAEGE) -> list[Kommune]:
    """Kommunen whose name starts with the text, for the autocomplete."""
    text = " ".join(text.split())
    if len(text) < MIN_ZEICHEN:
        return []
    return list(
        Kommune.objects.filter(_praefix_bedingung(text))
        .select_related("kreis")
        .order_by("anzeigename", "-einwohner")[:anzahl]
    )


def vorschlag_als_dict(kommune: Kommune) -> dict:
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "typ": kommune.get_typ_display(),
        "kreis": kommune.kreis.anzeigename if kommune.kreis_id else None,
        "einwohner": kommune.einwohner,
    }


@dataclass
class Aufloesung:
    """What the text typed into the "Kommunen wie meine" field stands for."""

    ags: str | None = None
    auswahl: list[Kommune] = field(default_factory=list)
    fehler: str | None = None


def aufloesen(text: str) -> Aufloesung:
    """Resolve an AGS, "Name (AGS)" or a plain name; several matches give a choice."""
    text = " ".join(text.split())
    if AGS_PATTERN.match(text):
        return Aufloesung(ags=text)
    if treffer := NAME_MIT_AGS.search(text):
        return Aufloesung(ags=treffer.group(1))
    genau = list(Kommune.objects.filter(anzeigename__iexact=text).select_related("kreis")[:20])
    if len(genau) == 1:
        return Aufloesung(ags=genau[0].ags)
    auswahl = genau or vorschlaege(text)
    if auswahl:
        return Aufloesung(auswahl=auswahl)
    return Aufloesung(fehler=_("Keine Kommune mit dem Namen „%(name)s“ gefunden.") % {"name": text})
