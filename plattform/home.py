"""What the home page shows: entry points by Handlungsfeld and size, the newest entries, counts."""

from django.db.models import Count, Q, QuerySet

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import KommunePage
from praxis.models import Handlungsfeld, PraxisIndexPage, PraxisPage


def home_context() -> dict:
    """Handlungsfelder and Größenklassen with entry counts, the six newest entries, the totals.

    Both tile lists have `slug`, `name` and `entry_count`, so one template shows either.
    """
    live = PraxisPage.objects.live().public()
    handlungsfelder = Handlungsfeld.objects.annotate(
        entry_count=Count("praxisbeispiele", filter=Q(praxisbeispiele__in=live), distinct=True)
    ).order_by("sort_order", "name")  # aggregation queries ignore Meta.ordering
    return {
        "handlungsfelder": handlungsfelder,
        "groessenklassen": groessenklassen_with_counts(live),
        "newest": live.select_related("kommune", "bild")
        .prefetch_related("handlungsfelder")
        .order_by("-first_published_at")[:6],
        "entry_count": live.count(),
        "kommune_count": KommunePage.objects.live().public().count(),
        "praxis_index": PraxisIndexPage.objects.live().first(),
    }


def groessenklassen_with_counts(entries: QuerySet) -> list[dict]:
    """Every Größenklasse (smallest first) with the number of entries of Kommunen of that size."""
    counts = dict(
        entries.order_by()
        .values_list("kommune__groessenklasse")
        .annotate(entry_count=Count("pk", distinct=True))
    )
    return [
        {
            "slug": klasse.value,
            "name": klasse.label.split(" (", 1)[0],
            "entry_count": counts.get(klasse.value, 0),
        }
        for klasse in Groessenklasse
    ]
