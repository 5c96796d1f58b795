"""Facet filters and counts of the database backend, with the contract's semantics.

OR within a facet, AND across facets; a facet's counts apply every OTHER facet's filter but not
its own; the values are listed as search.facet_values lists them (a list's values with count 0
too, the Kreise with hits).

The live entries are read with their facet values in four plain queries (not one query per
facet, whose IN-lists SQLite's planner, without ANALYZE statistics, may join in the worst order)
and kept per process (search.backends.database.row_cache), with a bitmask of the rows of every
facet value. A search then filters and counts with a few AND operations and bit counts per facet
value, however many entries match.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import reduce
from operator import and_, or_

from django.db.models import QuerySet

from praxis.models import PraxisPage, PraxisPageTag
from search.backends.database.bitmask import mask_of
from search.facet_values import facet_lists
from search.kosten import kostenrahmen
from search.query import FACETS, FacetValue, SearchQuery
from search.ranking import KommuneFeatures, kreis_ags

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
    # The lead Kommune's comparability features, also worked out once per load.
    features: KommuneFeatures | None = None

    @property
    def kreis(self) -> str | None:
        """The 5-digit key of the lead Kommune's Kreis (a Landkreis's own key)."""
        return kreis_ags(self.ags) if self.ags else None

    @property
    def kosten(self) -> str:
        return kostenrahmen(self.kosten_jahr_eur)

    def lead_features(self) -> KommuneFeatures | None:
        """Comparability features of the entry's lead Kommune."""
        if not self.ags:
            return None
        return KommuneFeatures(
            ags=self.ags,
            einwohner=self.einwohner or 0,
            groessenklasse=self.groessenklasse or "",
            verstaedterung=self.verstaedterung,
            kreis_ags=kreis_ags(self.ags),
            bundesland=self.bundesland or "",
        )


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


# Facet → value → mask of the rows with that value (search.backends.database.bitmask).
FacetMasks = dict[str, dict[str, int]]


def facet_masks(rows: list[Row]) -> FacetMasks:
    """The mask of every facet value over `rows`, built once per load of the kept rows."""
    found: dict[str, dict[str, list[int]]] = {name: {} for name in FACETS}
    for position, row in enumerate(rows):
        for name in M2M_FACETS:
            for slug in getattr(row, name):
                found[name].setdefault(slug, []).append(position)
        for name in SINGLE_VALUE_FACETS:
            if (value := getattr(row, name)) is not None:  # no value: in no value's mask
                found[name].setdefault(value, []).append(position)
    return {
        name: {value: mask_of(at, len(rows)) for value, at in values.items()}
        for name, values in found.items()
    }


def selections(masks: FacetMasks, query: SearchQuery) -> dict[str, int]:
    """Per facet the request restricts, the rows with one of its selected values (OR)."""
    selected_rows = {}
    for name in FACETS:
        if selected := set(getattr(query, name)):
            selected_rows[name] = reduce(or_, (masks[name].get(v, 0) for v in selected), 0)
    return selected_rows


def count_facets(
    masks: FacetMasks,
    candidates: int,
    query: SearchQuery,
    allowed: dict | None = None,
    kreis_names: Mapping[str, str] | None = None,
) -> tuple[dict[str, list[FacetValue]], int]:
    """The counts of every facet value among the `candidates` under the other facets'
    selections, and the candidates passing every selection (the hits), as masks.
    `allowed` (search.query.allowed_values) and `kreis_names` (every Kreis's name by key):
    if the caller keeps them."""
    selected_rows = selections(masks, query)
    passing = reduce(and_, selected_rows.values(), candidates)
    counts = {}
    for name in FACETS:
        scope = reduce(
            and_, (rows for other, rows in selected_rows.items() if other != name), candidates
        )
        counts[name] = {
            value: n for value, rows in masks[name].items() if (n := (rows & scope).bit_count())
        }
    return facet_lists(counts, query, allowed, kreis_names), passing
