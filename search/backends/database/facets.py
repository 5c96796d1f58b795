"""Facet filters and counts of the database backend, with the contract's semantics.

OR within a facet, AND across facets; a facet's counts apply every OTHER facet's filter but not
its own; the values are listed as search.facet_values lists them (a list's values with count 0
too, the Kreise with hits).

The candidate entries (all live ones, or the text matches) are read once with their facet values
and filtered and counted in Python: four plain queries instead of one query per facet, whose
IN-lists SQLite's planner (without ANALYZE statistics) may join in the worst order.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet

from praxis.models import PraxisPage, PraxisPageTag
from search.facet_values import facet_lists
from search.kosten import kostenrahmen
from search.query import FACETS, FacetValue, SearchQuery
from search.ranking import kreis_ags

MAX_IN_LIST = 2000
# Facets over many-to-many relations (a set of slugs per entry); the others are one value.
M2M_FACETS = ("handlungsfeld", "zielgruppe", "foerderprogramm")
SINGLE_VALUE_FACETS = ("groessenklasse", "bundesland", "kreis", "status", "kosten", "evidenz")
M2M_LINKS = {
    "handlungsfeld": PraxisPage.handlungsfelder.through,
    "zielgruppe": PraxisPage.zielgruppen.through,
    "foerderprogramm": PraxisPage.foerderprogramme.through,
}
ROW_FIELDS = {
    "pk": "pk",
    "status": "status",
    "first_published_at": "first_published_at",
    "ags": "kommune__ags",
    "einwohner": "kommune__einwohner",
    "groessenklasse": "kommune__groessenklasse",
    "verstaedterung": "kommune__verstaedterung",
    "bundesland": "kommune__bundesland",
    "stand": "stand",
    "last_published_at": "last_published_at",
    "kosten_jahr_eur": "kosten_jahr_eur",
    "evidenz": "evidenz",
    "title": "title",
    "kurzbeschreibung": "kurzbeschreibung",
}


@dataclass
class Row:
    """One candidate entry with what filters, counts and ranking need."""

    pk: int
    status: str
    first_published_at: datetime | None
    ags: str | None
    einwohner: int | None
    groessenklasse: str | None
    verstaedterung: int | None
    bundesland: str | None
    stand: date | None = None
    last_published_at: datetime | None = None
    kosten_jahr_eur: int | None = None
    evidenz: str = ""  # blank: no level stated
    # The texts the text ranking weighs (search.backends.database.fulltext).
    title: str = ""
    kurzbeschreibung: str = ""
    schlagworte: str = ""
    foerderprogramm: set[str] = field(default_factory=set)
    handlungsfeld: set[str] = field(default_factory=set)
    zielgruppe: set[str] = field(default_factory=set)
    # The Stand as the page shows it, worked out once per load (row_cache), not per search.
    aktueller_stand: date | None = None
    # first_published_at as sortable text ("" before any date), also worked out once per load.
    sort_date: str = ""

    @property
    def kreis(self) -> str | None:
        """The 5-digit key of the lead Kommune's Kreis (a Landkreis's own key)."""
        return kreis_ags(self.ags) if self.ags else None

    @property
    def kosten(self) -> str:
        return kostenrahmen(self.kosten_jahr_eur)


def load_rows(base: QuerySet, ids: set[int] | None = None) -> list[Row]:
    """The entries of `base` (restricted to `ids` if given) with their facet values.

    Up to MAX_IN_LIST ids go into the SQL as an IN list; beyond that every live row is read
    and the ids are applied here (SQLite limits the number of query parameters).
    """
    in_sql = ids is not None and len(ids) <= MAX_IN_LIST
    if in_sql:
        base = base.filter(pk__in=ids)
    rows = {
        values[0]: Row(*values)
        for values in base.order_by().values_list(*ROW_FIELDS.values()).iterator(chunk_size=5000)
        if ids is None or values[0] in ids
    }
    for name in M2M_FACETS:
        pairs = M2M_LINKS[name].objects.values_list("praxispage_id", f"{name}__slug")
        if in_sql:
            pairs = pairs.filter(praxispage_id__in=ids)
        for pk, slug in pairs.iterator(chunk_size=5000):
            if pk in rows:
                getattr(rows[pk], name).add(slug)
    tags = PraxisPageTag.objects.values_list("content_object_id", "tag__name")
    if in_sql:
        tags = tags.filter(content_object_id__in=ids)
    for pk, name in tags.iterator(chunk_size=5000):
        if pk in rows:
            rows[pk].schlagworte = f"{rows[pk].schlagworte} {name}".strip()
    return list(rows.values())


Predicate = Callable[[Row], bool]


def facet_filters(query: SearchQuery) -> dict[str, Predicate]:
    """One predicate per facet that the request restricts."""
    filters: dict[str, Predicate] = {}
    # The lambdas bind the loop variables as defaults; mypy cannot type such lambdas ([misc]).
    for name in M2M_FACETS:
        if selected := set(getattr(query, name)):
            filters[name] = lambda r, n=name, s=selected: bool(getattr(r, n) & s)  # type: ignore[misc]
    for name in SINGLE_VALUE_FACETS:
        if selected := set(getattr(query, name)):
            filters[name] = lambda r, n=name, s=selected: getattr(r, n) in s  # type: ignore[misc]
    return filters


def _count(name: str, rows: list[Row]) -> Counter:
    if name in M2M_FACETS:
        return Counter(slug for r in rows for slug in getattr(r, name))
    return Counter(getattr(r, name) for r in rows)


def count_facets(
    rows: list[Row], filters: dict[str, Predicate], query: SearchQuery
) -> tuple[dict[str, list[FacetValue]], list[Row]]:
    """The counts of every facet value under the other facets' filters, and the rows that
    pass every filter (the hits)."""
    # One pass over the rows: a row counts for every facet if it passes all filters, and only
    # for the facet of the one filter it fails if it fails exactly one.
    passing: list[Row] = []
    failing_one: dict[str, list[Row]] = {name: [] for name in filters}
    for row in rows:
        failed = [name for name, predicate in filters.items() if not predicate(row)]
        if not failed:
            passing.append(row)
        elif len(failed) == 1:
            failing_one[failed[0]].append(row)
    counts = {name: _count(name, passing) for name in FACETS}
    for name, extra in failing_one.items():
        counts[name].update(_count(name, extra))
    return facet_lists(counts, query), passing
