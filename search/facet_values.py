"""The facet lists both backends answer with, built alike from their counts.

A listed facet gives every value of its list in the list's order, count 0 too. The Kreis facet
gives the Kreise with hits and the selected ones, by name: all 401 would bury the others.
"""

import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from django.db.models import Q

from kommunen.models import Kommune, KommuneTyp
from search.query import FACETS, LISTED_FACETS, FacetValue, SearchQuery, allowed_values

Counts = Mapping[str, Mapping[str, int]]


def facet_lists(
    counts: Counts,
    query: SearchQuery,
    allowed: dict | None = None,
    kreis_names: Mapping[str, str] | None = None,
) -> dict[str, list[FacetValue]]:
    """Every facet's values with their counts (`counts`: facet → value → count).

    `kreis_names`: every Kreis's name by key (kreis_labels()) if the caller keeps them."""
    allowed = allowed if allowed is not None else allowed_values()
    lists = {
        name: [
            FacetValue(wert=value, label=label, anzahl=counts[name].get(value, 0))
            for value, label in allowed[name]
        ]
        for name in LISTED_FACETS
    }
    lists["kreis"] = kreis_values(counts["kreis"], query.kreis, kreis_names)
    return {name: lists[name] for name in FACETS}


def kreis_values(
    counts: Mapping[str, int], selected: Iterable[str], names: Mapping[str, str] | None = None
) -> list[FacetValue]:
    """The Kreise with hits and the selected ones (count 0 if none), in alphabetical order."""
    keys = {key for key, count in counts.items() if key and count} | set(selected)
    labels = names if names is not None else kreis_labels(keys)
    values = [FacetValue(wert=k, label=labels.get(k, k), anzahl=counts.get(k, 0)) for k in keys]
    return sorted(values, key=lambda value: (alphabetical(value.label), value.wert))


def kreis_labels(keys: Iterable[str] | None = None) -> dict[str, str]:
    """The names of the Kreise by 5-digit key: a Landkreis's, or a kreisfreie Stadt's (whose
    AGS begins with the key), in one query; an unknown key has none. Without `keys`: all."""
    wanted = None if keys is None else set(keys)
    if wanted is not None and not wanted:
        return {}
    landkreise = Q(typ=KommuneTyp.LANDKREIS)
    if wanted is not None:
        landkreise &= Q(ags__in=wanted)
    kreise = Kommune.objects.filter(landkreise | Q(typ=KommuneTyp.KREISFREIE_STADT))
    labels: dict[str, str] = {}
    for typ, ags, name in kreise.order_by().values_list("typ", "ags", "anzeigename"):
        key = ags[:5]
        if (wanted is None or key in wanted) and (typ == KommuneTyp.LANDKREIS or key not in labels):
            labels[key] = name
    return labels


@lru_cache(maxsize=4096)  # the Kreise's names, sorted with every search
def alphabetical(name: str) -> str:
    """A sort key that files umlauts with their base letters ("Ärzte" beside "Arzt")."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
