"""What the home page shows: entry points by Handlungsfeld and size, the newest entries, counts."""

from django.db.models import Count, Q, QuerySet

from wagtail.models import Page


def startseiten_kontext(home: Page) -> dict:
    """Handlungsfelder and Größenklassen with entry counts, the six newest entries, the totals."""
    from kommunen.models import KommunePage
    from praxis.models import Handlungsfeld, PraxisIndexPage, PraxisPage

    live = PraxisPage.objects.live().public()
    handlungsfelder = Handlungsfeld.objects.annotate(
        anzahl=Count("praxisbeispiele", filter=Q(praxisbeispiele__in=live), distinct=True)
    ).order_by("sort_order", "name")  # aggregation queries ignore Meta.ordering
    return {
        "handlungsfelder": handlungsfelder,
        "groessenklassen": groessenklassen_mit_anzahl(live),
        "neueste": live.select_related("kommune", "bild")
        .prefetch_related("handlungsfelder")
        .order_by("-first_published_at")[:6],
        "anzahl_praxis": live.count(),
        "anzahl_kommunen": KommunePage.objects.live().public().count(),
        "praxis_index": PraxisIndexPage.objects.live().first(),
    }


def groessenklassen_mit_anzahl(eintraege: QuerySet) -> list[dict]:
    """Every Größenklasse (smallest first) with the number of entries of Kommunen of that size."""
    from kommunen.groessenklasse import Groessenklasse

    zahlen = dict(
        eintraege.order_by()
        .values_list("kommune__groessenklasse")
        .annotate(anzahl=Count("pk", distinct=True))
    )
    return [
        {
            "slug": klasse.value,
            "name": klasse.label.split(" (", 1)[0],
            "anzahl": zahlen.get(klasse.value, 0),
        }
        for klasse in Groessenklasse
    ]
