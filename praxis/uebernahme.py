"""Transfers (Übernahmen): entry B names entry A, which it adapted, as `uebernommen_von`.

Only live, public entries count on either side: a draft or withdrawn adopter is not yet (or no
longer) a transfer anyone may see, and a withdrawn original is not linked.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from praxis.models import PraxisPage

# pages_for_index() prefetches the public adopters under this name (adoption_count reads it).
PREFETCHED_ADOPTERS = "oeffentliche_uebernahmen"


def public_entries() -> QuerySet[PraxisPage]:
    return PraxisPage.objects.live().public()


def adopters(page: PraxisPage) -> QuerySet[PraxisPage]:
    """The live, public entries that adapted this one, oldest publication first."""
    if page.pk is None:  # a new entry in preview
        return PraxisPage.objects.none()
    return (
        public_entries()
        .filter(uebernommen_von=page)
        .select_related("kommune")
        .order_by("first_published_at", "pk")
    )


def original(page: PraxisPage) -> PraxisPage | None:
    """The entry this one adapted, if it is live and public."""
    if page.uebernommen_von_id is None:
        return None
    return public_entries().filter(pk=page.uebernommen_von_id).select_related("kommune").first()


def adopters_prefetch() -> Prefetch:
    """For a list of entries: their public adopters (only the ids), in one query."""
    adopting = public_entries().only("pk", "uebernommen_von_id")
    return Prefetch("uebernahmen", queryset=adopting, to_attr=PREFETCHED_ADOPTERS)


def adoption_count(page: PraxisPage) -> int:
    """How many live, public entries adapted this one (prefetched with adopters_prefetch())."""
    prefetched = getattr(page, PREFETCHED_ADOPTERS, None)
    if prefetched is not None:
        return len(prefetched)
    return adopters(page).count()


def adoption_counts(page_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Original's id → number of live, public adopters; originals without any are left out.

    Grouped over the adopters, which are few, so no long IN list of candidates is needed.
    """
    rows = (
        public_entries()
        .filter(uebernommen_von__isnull=False)
        .order_by()  # the pages' default order (path) would split the groups
        .values("uebernommen_von")
        .annotate(n=Count("pk"))
        .values_list("uebernommen_von", "n")
    )
    counts = dict(rows)
    if page_ids is not None:
        wanted = set(page_ids)
        counts = {pk: n for pk, n in counts.items() if pk in wanted}
    return counts


@dataclass(frozen=True)
class Adoption:
    """One adopter as the original's page lists it: "Kommune (Jahr)", linked to the entry."""

    page: PraxisPage
    kommune_name: str
    jahr: int | None


def adoptions(page: PraxisPage) -> list[Adoption]:
    """The adopters of an entry for its page, oldest first."""
    return [
        Adoption(
            page=adopter,
            kommune_name=adopter.kommune.anzeigename if adopter.kommune else adopter.title,
            jahr=adopter.first_published_at.year if adopter.first_published_at else None,
        )
        for adopter in adopters(page)
    ]
