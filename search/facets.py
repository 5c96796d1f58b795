"""What the search page shows besides the hits: facet groups, filter chips, loosening hints."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from search.query import FACETS, MULTI_VALUE_PARAMS, SearchQuery, SearchResult, allowed_values

FACET_TITLES = {
    "handlungsfeld": _("Handlungsfeld"),
    "zielgruppe": _("Zielgruppe"),
    "groessenklasse": _("Größe der Kommune"),
    "bundesland": _("Bundesland"),
    "status": _("Stand"),
    "kreis": _("Kreis"),
}


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
    changed = replace(query, seite=1, **changes)
    pairs = changed.as_params()
    if query.vergleich and not changed.vergleich:
        pairs.append(("vergleich", ""))  # an explicit empty value forgets the remembered one
    return "?" + urlencode(pairs) if pairs else "?"


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


def _value_label(name: str, value: str, labels: dict) -> str:
    if name == "kreis":
        kreis = Kommune.objects.filter(ags=value).first()
        return kreis.anzeigename if kreis else value
    return labels.get(name, {}).get(value, value)


def chips(query: SearchQuery, comparison: Kommune | None) -> list[Chip]:
    """One removable chip per selected value, the query and the comparison Kommune."""
    labels = {name: dict(values) for name, values in allowed_values().items()}
    result = []
    if query.q:
        result.append(Chip(str(_("Suchbegriff")), query.q, url_for(query, q="")))
    for name in MULTI_VALUE_PARAMS:
        for value in getattr(query, name):
            rest = tuple(v for v in getattr(query, name) if v != value)
            title = str(FACET_TITLES[name])
            result.append(
                Chip(title, _value_label(name, value, labels), url_for(query, **{name: rest}))
            )
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
            loosened = replace(query, seite=1, pro_seite=1, **{name: ()})
            hints.append(
                LooseningHint(
                    str(FACET_TITLES[name]),
                    url_for(query, **{name: ()}),
                    search(loosened).anzahl,
                )
            )
    if len(hints) > 1:
        no_filters = {name: () for name in MULTI_VALUE_PARAMS}
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
