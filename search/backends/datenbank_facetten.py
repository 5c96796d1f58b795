"""Facet filters and counts through the ORM, with the contract's semantics.

OR within a facet, AND across facets; a facet's counts apply every OTHER facet's filter but not
its own; all values are listed in taxonomy/choice order, also those with count 0.
"""

from django.db.models import Count, Q, QuerySet

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.anfrage import FACETTEN, Facettenwert, SuchAnfrage, erlaubte_werte

HANDLUNGSFELD_ZUORDNUNG = PraxisPage.handlungsfelder.through
ZIELGRUPPE_ZUORDNUNG = PraxisPage.zielgruppen.through
FELD = {
    "groessenklasse": "kommune__groessenklasse",
    "bundesland": "kommune__bundesland",
    "status": "status",
}


def facetten_filter(anfrage: SuchAnfrage) -> dict[str, Q]:
    """One Q per facet (and for kreis) that the request restricts."""
    filter_: dict[str, Q] = {}
    if anfrage.handlungsfeld:
        ids = HANDLUNGSFELD_ZUORDNUNG.objects.filter(handlungsfeld__slug__in=anfrage.handlungsfeld)
        filter_["handlungsfeld"] = Q(pk__in=ids.values("praxispage_id"))
    if anfrage.zielgruppe:
        ids = ZIELGRUPPE_ZUORDNUNG.objects.filter(zielgruppe__slug__in=anfrage.zielgruppe)
        filter_["zielgruppe"] = Q(pk__in=ids.values("praxispage_id"))
    if anfrage.status:
        filter_["status"] = Q(status__in=anfrage.status)
    # Kommune conditions as `kommune_id IN (subquery)`: a join lets SQLite start from the
    # ~11,000 Kommunen instead of the entries (30x slower).
    for name in ("groessenklasse", "bundesland"):
        if getattr(anfrage, name):
            kommunen = Kommune.objects.filter(**{f"{name}__in": getattr(anfrage, name)})
            filter_[name] = Q(kommune__in=kommunen.values("pk"))
    if anfrage.kreis:
        bedingung = Q()
        for kreis in anfrage.kreis:
            bedingung |= Q(ags__startswith=kreis)
        filter_["kreis"] = Q(kommune__in=Kommune.objects.filter(bedingung).values("pk"))
    return filter_


def gefiltert(basis: QuerySet, filter_: dict[str, Q], ausser: str | None = None) -> QuerySet:
    """The base queryset with every filter applied except the one named `ausser`."""
    for name, bedingung in filter_.items():
        if name != ausser:
            basis = basis.filter(bedingung)
    return basis


def _zaehlen(name: str, seiten: QuerySet) -> dict[str, int]:
    if name in ("handlungsfeld", "zielgruppe"):
        zuordnung = HANDLUNGSFELD_ZUORDNUNG if name == "handlungsfeld" else ZIELGRUPPE_ZUORDNUNG
        zeilen = (
            zuordnung.objects.filter(praxispage__in=seiten.values("pk"))
            .values_list(f"{name}__slug")
            .annotate(anzahl=Count("praxispage_id", distinct=True))
            .order_by()
        )
    else:
        zeilen = seiten.values_list(FELD[name]).annotate(anzahl=Count("pk")).order_by()
    return dict(zeilen)


def facetten_zaehlen(
    basis: QuerySet, filter_: dict[str, Q], erlaubt: dict | None = None
) -> dict[str, list[Facettenwert]]:
    """The counts of every facet value for the base queryset under the other facets' filters."""
    erlaubt = erlaubt or erlaubte_werte()
    facetten = {}
    for name in FACETTEN:
        anzahlen = _zaehlen(name, gefiltert(basis, filter_, ausser=name))
        facetten[name] = [
            Facettenwert(wert=wert, label=label, anzahl=anzahlen.get(wert, 0))
            for wert, label in erlaubt[name]
        ]
    return facetten
