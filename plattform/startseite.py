"""What the home page shows: entry points by Handlungsfeld, the newest entries, counts."""

from django.db.models import Count, Q

from wagtail.models import Page


def startseiten_kontext(home: Page) -> dict:
    """Handlungsfelder with their entry counts, the six newest entries and the totals."""
    from kommunen.models import KommunePage
    from praxis.models import Handlungsfeld, PraxisIndexPage, PraxisPage

    live = PraxisPage.objects.live().public()
    handlungsfelder = Handlungsfeld.objects.annotate(
        anzahl=Count("praxisbeispiele", filter=Q(praxisbeispiele__in=live), distinct=True)
    ).order_by("sort_order", "name")  # aggregation queries ignore Meta.ordering
    return {
        "handlungsfelder": handlungsfelder,
        "neueste": live.select_related("kommune", "bild")
        .prefetch_related("handlungsfelder")
        .order_by("-first_published_at")[:6],
        "anzahl_praxis": live.count(),
        "anzahl_kommunen": KommunePage.objects.live().public().count(),
        "praxis_index": PraxisIndexPage.objects.live().first(),
    }
