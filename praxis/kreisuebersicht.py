"""The entries' part of the Kreis overview (kommunen/uebersicht/), given through its hook.

Counts of live public entries per lead Kommune and Handlungsfeld, and the latest publications,
in four queries whatever the size of the Kreis.
"""

from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from kommunen.models import Kommune
from kommunen.uebersicht import Activity, EntryCounts, HandlungsfeldColumn
from kommunen.uebersicht.build import is_first_publication
from praxis.models import Handlungsfeld, PraxisPage


def kreis_entry_counts(kreis: Kommune, request: HttpRequest | None, limit: int) -> EntryCounts:
    """The entries led by the Kreis or one of its Gemeinden, counted and the newest listed."""
    entries = (
        PraxisPage.objects.live()
        .public()
        .filter(Q(kommune=kreis) | Q(kommune__kreis=kreis))
        .order_by()
    )
    per_kommune: dict[int, dict[str, int]] = defaultdict(dict)
    per_field = (
        entries.filter(handlungsfelder__isnull=False)
        .values_list("kommune_id", "handlungsfelder__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    for kommune_id, slug, n in per_field:
        per_kommune[kommune_id][slug] = n
    totals = entries.values_list("kommune_id").annotate(n=Count("pk"))
    return EntryCounts(
        handlungsfelder=[
            HandlungsfeldColumn(slug, name)
            for slug, name in Handlungsfeld.objects.values_list("slug", "name")
        ],
        per_kommune=dict(per_kommune),
        totals=dict(totals),
        recent=_recent(entries, request, limit),
    )


def _recent(entries, request: HttpRequest | None, limit: int) -> list[Activity]:
    newest = (
        entries.annotate(published=Coalesce("last_published_at", "first_published_at"))
        .filter(published__isnull=False)
        .select_related("kommune")
        .order_by("-published", "-pk")[:limit]
    )
    return [
        Activity(
            when=entry.published,
            kind="praxis",
            title=entry.title,
            kommune=entry.kommune.anzeigename if entry.kommune else "",
            url=entry.get_url(request),
            full_url=entry.get_full_url(request),
            first_publication=is_first_publication(entry),
        )
        for entry in newest
    ]
