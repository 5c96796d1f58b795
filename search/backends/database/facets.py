"""Facet filters and counts of the database backend, with the contract's semantics.

OR within a facet, AND across facets; a facet's counts apply every OTHER facet's filter but not
its own; all values are listed in taxonomy/choice order, also those with count 0.

The candidate entries (all live ones, or the text matches) are read once with their facet values
and filtered and counted in Python: three plain queries instead of one query per facet, whose
IN-lists SQLite's planner (without ANALYZE statistics) may join in the worst order.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from praxis.models import PraxisPage
from search.query import FACETTEN, Facettenwert, SuchAnfrage, erlaubte_werte

MAX_IN_LISTE = 2000
HANDLUNGSFELD_ZUORDNUNG = PraxisPage.handlungsfelder.through
ZIELGRUPPE_ZUORDNUNG = PraxisPage.zielgruppen.through
FELDER = {
    "pk": "pk",
    "status": "status",
    "first_published_at": "first_published_at",
    "ags": "kommune__ags",
    "einwohner": "kommune__einwohner",
    "groessenklasse": "kommune__groessenklasse",
    "verstaedterung": "kommune__verstaedterung",
    "bundesland": "kommune__bundesland",
}


@dataclass
class Zeile:
    """One candidate entry with what filters, counts and ranking need."""

    pk: int
    status: str
    first_published_at: datetime | None
    ags: str | None
    einwohner: int | None
    groessenklasse: str | None
    verstaedterung: int | None
    bundesland: str | None
    handlungsfeld: set[str] = field(default_factory=set)
    zielgruppe: set[str] = field(default_factory=set)


def zeilen_laden(basis: QuerySet, ids: set[int] | None = None) -> list[Zeile]:
    """The entries of `basis` (restricted to `ids` if given) with their facet values.

    Up to MAX_IN_LISTE ids go into the SQL as an IN list; beyond that every live row is read
    and the ids are applied here (SQLite limits the number of query parameters).
    """
    in_sql = ids is not None and len(ids) <= MAX_IN_LISTE
    if in_sql:
        basis = basis.filter(pk__in=ids)
    zeilen = {
        werte[0]: Zeile(*werte)
        for werte in basis.order_by().values_list(*FELDER.values()).iterator(chunk_size=5000)
        if ids is None or werte[0] in ids
    }
    for name, zuordnung in (
        ("handlungsfeld", HANDLUNGSFELD_ZUORDNUNG),
        ("zielgruppe", ZIELGRUPPE_ZUORDNUNG),
    ):
        paare = zuordnung.objects.values_list("praxispage_id", f"{name}__slug")
        if in_sql:
            paare = paare.filter(praxispage_id__in=ids)
        for pk, slug in paare.iterator(chunk_size=5000):
            if pk in zeilen:
                getattr(zeilen[pk], name).add(slug)
    return list(zeilen.values())


Bedingung = Callable[[Zeile], bool]


def facetten_filter(anfrage: SuchAnfrage) -> dict[str, Bedingung]:
    """One predicate per facet (and for kreis) that the request restricts."""
    filter_: dict[str, Bedingung] = {}
    for name in ("handlungsfeld", "zielgruppe"):
        if gewaehlt := set(getattr(anfrage, name)):
            filter_[name] = lambda z, n=name, g=gewaehlt: bool(getattr(z, n) & g)
    for name in ("groessenklasse", "bundesland", "status"):
        if gewaehlt := set(getattr(anfrage, name)):
            filter_[name] = lambda z, n=name, g=gewaehlt: getattr(z, n) in g
    if anfrage.kreis:
        kreise = tuple(anfrage.kreis)
        filter_["kreis"] = lambda z: bool(z.ags) and z.ags.startswith(kreise)
    return filter_


def gefiltert(
    zeilen: Iterable[Zeile], filter_: dict[str, Bedingung], ausser: str | None = None
) -> list[Zeile]:
    """The rows passing every filter except the one named `ausser`."""
    aktiv = [bedingung for name, bedingung in filter_.items() if name != ausser]
    return [z for z in zeilen if all(bedingung(z) for bedingung in aktiv)]


def _zaehlen(name: str, zeilen: list[Zeile]) -> Counter:
    if name in ("handlungsfeld", "zielgruppe"):
        return Counter(slug for z in zeilen for slug in getattr(z, name))
    return Counter(getattr(z, name) for z in zeilen)


def facetten_zaehlen(
    zeilen: list[Zeile], filter_: dict[str, Bedingung], erlaubt: dict | None = None
) -> dict[str, list[Facettenwert]]:
    """The counts of every facet value under the other facets' filters."""
    erlaubt = erlaubt or erlaubte_werte()
    facetten = {}
    for name in FACETTEN:
        anzahlen = _zaehlen(name, gefiltert(zeilen, filter_, ausser=name))
        facetten[name] = [
            Facettenwert(wert=wert, label=label, anzahl=anzahlen.get(wert, 0))
            for wert, label in erlaubt[name]
        ]
    return facetten
