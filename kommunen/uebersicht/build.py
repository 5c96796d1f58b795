"""Building the Kreis overview with a fixed number of queries, however many Gemeinden it has."""

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Count, Q
from django.http import HttpRequest

from wagtail import hooks

from kommunen.models.register import Kommune, public_profiles

from .data import (
    ENTRY_COUNTS_HOOK,
    STRUCTURES,
    Activity,
    EntryCounts,
    KreisOverview,
    OverviewRow,
)
from .gaps import gaps_of

ACTIVITY_LIMIT = 10
# A page saved and published within this time counts as published once, not updated.
SAME_PUBLICATION = timedelta(minutes=5)


def build_overview(kreis: Kommune, request: HttpRequest | None = None) -> KreisOverview:
    """The overview of this Landkreis: its Gemeinden from the register, public content only."""
    gemeinden = list(Kommune.objects.filter(kreis=kreis).order_by("anzeigename", "ags"))
    profiles = _public_profiles(kreis)
    counts = entry_counts(kreis, request)
    rows = [_row(kommune, profiles.get(kommune.pk), counts, request) for kommune in gemeinden]
    kreis_row = _row(kreis, profiles.get(kreis.pk), counts, request)
    everyone = [*rows, kreis_row]
    overview = KreisOverview(
        kreis=kreis,
        kreis_row=kreis_row,
        rows=rows,
        handlungsfelder=counts.handlungsfelder,
        totals={
            column.slug: sum(row.entries[column.slug] for row in everyone)
            for column in counts.handlungsfelder
        },
        entries_total=sum(row.entries_total for row in everyone),
        activity=_recent_activity(profiles.values(), [kreis, *gemeinden], counts, request),
    )
    overview.gaps = gaps_of(overview)
    return overview


def entry_counts(kreis: Kommune, request: HttpRequest | None) -> EntryCounts:
    """The entries' contribution from the praxis app; empty if no app provides it."""
    providers = hooks.get_hooks(ENTRY_COUNTS_HOOK)
    if not providers:
        return EntryCounts()
    return providers[-1](kreis, request, ACTIVITY_LIMIT)


def _public_profiles(kreis: Kommune) -> dict[int, object]:
    """Kommune id -> live public profile, for the Kreis and its Gemeinden, in one query."""
    profiles = (
        public_profiles()
        .filter(Q(kommune__kreis=kreis) | Q(kommune=kreis))
        .annotate(netzwerke_anzahl=Count("netzwerke"))
    )
    return {profile.kommune_id: profile for profile in profiles}


def _row(kommune: Kommune, profile, counts: EntryCounts, request) -> OverviewRow:
    entries = counts.per_kommune.get(kommune.pk, {})
    return OverviewRow(
        kommune=kommune,
        profile_url=profile.get_url(request) if profile else None,
        profile_full_url=profile.get_full_url(request) if profile else None,
        structures=structures_of(profile),
        details=structure_details(profile) if profile else {},
        entries={column.slug: entries.get(column.slug, 0) for column in counts.handlungsfelder},
        entries_total=counts.totals.get(kommune.pk, 0),
    )


def structures_of(profile) -> dict[str, bool | None]:
    """The structures a profile states; all None without a profile ("keine Angabe")."""
    if profile is None:
        return dict.fromkeys(structure.key for structure in STRUCTURES)
    mso = profile.migrantenselbstorganisationen
    return {
        "integrationsbeauftragte": bool(profile.integrationsbeauftragte),
        "koordinierungsstelle": profile.koordinierungsstelle,
        "integrationsbeirat": profile.integrationsbeirat,
        "integrationskonzept": profile.integrationskonzept,
        "runder_tisch": profile.runder_tisch,
        "steuerungsgruppe": profile.steuerungsgruppe,
        "netzwerke": profile.netzwerke_anzahl > 0,
        # A number of organisations, left empty when the Kommune does not know it.
        "migrantenselbstorganisationen": None if mso is None else mso > 0,
    }


def structure_details(profile) -> dict[str, str]:
    """The short words beside a ✓: the kind of officer post, the year, how many."""
    details: dict[str, str] = {}
    if profile.integrationsbeauftragte:
        details["integrationsbeauftragte"] = str(profile.get_integrationsbeauftragte_display())
    year = profile.integrationskonzept_fortschreibung or profile.integrationskonzept_jahr
    if profile.integrationskonzept and year:
        details["integrationskonzept"] = str(year)
    if profile.netzwerke_anzahl:
        details["netzwerke"] = str(profile.netzwerke_anzahl)
    if profile.migrantenselbstorganisationen:
        details["migrantenselbstorganisationen"] = str(profile.migrantenselbstorganisationen)
    return details


def _recent_activity(
    profiles: Iterable, kommunen: list[Kommune], counts: EntryCounts, request
) -> list[Activity]:
    """The latest publications of entries and profiles together, newest first."""
    names = {kommune.pk: kommune.anzeigename for kommune in kommunen}
    activity = [*counts.recent]
    for profile in profiles:
        if when := profile.last_published_at or profile.first_published_at:
            activity.append(
                Activity(
                    when=when,
                    kind="profil",
                    title=profile.title,
                    kommune=names[profile.kommune_id],
                    url=profile.get_url(request),
                    full_url=profile.get_full_url(request),
                    first_publication=is_first_publication(profile),
                )
            )
    activity.sort(key=lambda item: item.when, reverse=True)
    return activity[:ACTIVITY_LIMIT]


def is_first_publication(page) -> bool:
    """Whether the page's latest publication was its first one."""
    first, last = page.first_published_at, page.last_published_at
    return first is None or last is None or last - first < SAME_PUBLICATION
