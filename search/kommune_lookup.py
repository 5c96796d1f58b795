"""Finding a Kommune by name for "Kommunen wie meine": autocomplete and server-side resolution."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kommunen.lookup import matching_kommunen
from kommunen.models import AGS_PATTERN, Kommune

MAX_SUGGESTIONS = 10
MIN_CHARS = 2
# "Kleinau (01062001)" as the autocomplete fills it in.
NAME_WITH_AGS = re.compile(r"\(([0-9]{5}|[0-9]{8})\)\s*$")


def suggestions(text: str, count: int = MAX_SUGGESTIONS) -> list[Kommune]:
    """Kommunen whose name (or AGS) starts with the text, for the autocomplete."""
    text = " ".join(text.split())
    if len(text) < MIN_CHARS:
        return []
    return list(
        matching_kommunen(text)
        .select_related("kreis")
        .order_by("anzeigename", "-einwohner")[:count]
    )


def suggestion_as_dict(kommune: Kommune) -> dict:
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "typ": kommune.get_typ_display(),
        "kreis": kommune.kreis.anzeigename if kommune.kreis is not None else None,
        "einwohner": kommune.einwohner,
    }


@dataclass
class Resolution:
    """What the text typed into the "Kommunen wie meine" field stands for."""

    ags: str | None = None
    choices: list[Kommune] = field(default_factory=list)
    error: str | None = None


def resolve(text: str) -> Resolution:
    """Resolve an AGS, "Name (AGS)" or a plain name; several matches give a choice."""
    text = " ".join(text.split())
    if AGS_PATTERN.match(text):
        return Resolution(ags=text)
    if match := NAME_WITH_AGS.search(text):
        return Resolution(ags=match.group(1))
    exact = list(Kommune.objects.filter(anzeigename__iexact=text).select_related("kreis")[:20])
    if len(exact) == 1:
        return Resolution(ags=exact[0].ags)
    choices = exact or suggestions(text)
    if choices:
        return Resolution(choices=choices)
    return Resolution(error=_("Keine Kommune mit dem Namen „%(name)s“ gefunden.") % {"name": text})
