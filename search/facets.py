"""What the search page shows besides the hits: facet groups, filter chips, loosening hints."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kommunen.models import Kommune
from search.facet_values import kreis_labels
from search.query import FACETS, MULTI_VALUE_PARAMS, SearchQuery, SearchResult, allowed_values

FACET_TITLES = {
    "handlungsfeld": _("Handlungsfeld"),
    "zielgruppe": _("Zielgruppe"),
    "groessenklasse": _("Größe der Kommune"),
    "bundesland": _("Bundesland"),
    "kreis": _("Kreis"),
    "status": _("Stand"),
    "kosten": _("Kosten pro Jahr"),
    "foerderprogramm": _("Förderprogramm"),
    "evidenz": _("Wie gut belegt"),
}
# One chip per value up to this many values of a filter; beyond it one chip removes them all.
# Each chip links the whole request minus its value, so unbounded chips would make the page
# grow with the square of the request (the facet checkboxes still remove single values).
CHIPS_PER_FILTER = 5


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    title: str
    options: list[Option]


@dataclass
class Chip:
    title: str
    value: str
    remove_url: str


@dataclass
class LooseningHint:
    title: str
    url: str
    count: int


def url_for(query: SearchQuery, **changes) -> str:
    """The search page URL of the request with some fields changed, always from page 1."""
    pairs = replace(query, seite=1, **changes).as_params()
    return "?" + urlencode(pairs) if pairs else "?"


def without_filters_url(query: SearchQuery) -> str:
    """The search without any filter value; the text, comparison and sorting stay."""
    return url_for(query, **{name: () for name in MULTI_VALUE_PARAMS})


def facet_groups(query: SearchQuery, result: SearchResult) -> list[FacetGroup]:
    """The facet fieldsets: every value with its count, the selected ones checked."""
    return [
        FacetGroup(
            name=name,
            title=str(FACET_TITLES[name]),
            options=[
                Option(f.wert, f.label, f.anzahl, f.wert in getattr(query, name))
                for f in result.facetten.get(name, [])
            ],
        )
        for name in FACETS
    ]


def active_filter_count(query: SearchQuery) -> int:
    """How many filter values are selected (for the "Filter (n aktiv)" button)."""
    return sum(len(getattr(query, name)) for name in MULTI_VALUE_PARAMS)


def _filter_chips(query: SearchQuery, name: str, labels: dict[str, str]) -> list[Chip]:
    selected = getattr(query, name)
    title = str(FACET_TITLES[name])
    if len(selected) > CHIPS_PER_FILTER:
        count = ngettext("%(n)d Wert", "%(n)d Werte", len(selected)) % {"n": len(selected)}
        return [Chip(title, count, url_for(query, **{name: ()}))]
    return [
        Chip(
            title,
            labels.get(value, value),
            url_for(query, **{name: tuple(v for v in selected if v != value)}),
        )
        for value in selected
    ]


def chips(
    query: SearchQuery, comparison: Kommune | None, kreis_names: dict[str, str] | None = None
) -> list[Chip]:
    """Removable chips: the query, the selected values (bounded per filter), the comparison.

    `kreis_names`: the Kreise's names by key if known (the Kreis facet has them)."""
    labels = {name: dict(values) for name, values in allowed_values().items()}
    labels["kreis"] = kreis_names if kreis_names is not None else kreis_labels(query.kreis)
    result = []
    if query.q:
        result.append(Chip(str(_("Suchbegriff")), query.q, url_for(query, q="")))
    for name in MULTI_VALUE_PARAMS:
        result += _filter_chips(query, name, labels[name])
    if comparison:
        title = str(_("Kommunen wie"))
        result.append(Chip(title, comparison.anzeigename, url_for(query, vergleich=None)))
    return result


def loosening_hints(
    query: SearchQuery, search: Callable[[SearchQuery], SearchResult]
) -> list[LooseningHint]:
    """For an empty result: what dropping each active filter (or the query) would yield."""
    hints = []
    for name in MULTI_VALUE_PARAMS:
        if getattr(query, name):
            cleared: dict[str, Any] = {name: ()}
            loosened = replace(query, seite=1, pro_seite=1, **cleared)
            hints.append(
                LooseningHint(
                    str(FACET_TITLES[name]),
                    url_for(query, **cleared),
                    search(loosened).anzahl,
                )
            )
    if len(hints) > 1:
        no_filters: dict[str, Any] = {name: () for name in MULTI_VALUE_PARAMS}
        loosened = replace(query, seite=1, pro_seite=1, **no_filters)
        hints.append(
            LooseningHint(
                str(_("alle Filter")), url_for(query, **no_filters), search(loosened).anzahl
            )
        )
    if query.q and query.has_filters:
        without_q = replace(query, seite=1, pro_seite=1, q="")
        hints.append(
            LooseningHint(str(_("Suchbegriff")), url_for(query, q=""), search(without_q).anzahl)
        )
    return sorted(hints, key=lambda h: -h.count)
