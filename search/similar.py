"""Similar entries ("Ähnliche Praxisbeispiele") computed from the database.

Shared Handlungsfelder weigh most, then shared Zielgruppen and Schlagworte, then shared content
words of title and short description; a comparable lead Kommune lifts an entry a little.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from praxis.models import PraxisPage
from search.backends.database.text import woerter
from search.query import Treffer
from search.ranking import KommuneMerkmale, vergleichbarkeit

GEWICHT_HANDLUNGSFELD = 3.0
GEWICHT_ZIELGRUPPE = 1.5
GEWICHT_SCHLAGWORT = 1.5
GEWICHT_WORT = 1.0
MIN_WORTLAENGE = 4
MAX_KANDIDATEN = 500


def _inhaltswoerter(page: PraxisPage) -> set[str]:
    return {w for w in woerter(f"{page.title} {page.kurzbeschreibung}") if len(w) >= MIN_WORTLAENGE}


def _kandidaten(page: PraxisPage) -> QuerySet:
    """Live public entries sharing at least one Handlungsfeld or Zielgruppe."""
    hf = list(page.handlungsfelder.values_list("pk", flat=True))
    zg = list(page.zielgruppen.values_list("pk", flat=True))
    seiten = PraxisPage.objects.live().public().exclude(pk=page.pk)
    geteilt = seiten.filter(handlungsfelder__in=hf) | seiten.filter(zielgruppen__in=zg)
    return (
        geteilt.distinct()
        .select_related("kommune")
        .prefetch_related("handlungsfelder", "zielgruppen", "schlagworte")
        .order_by("-first_published_at")[:MAX_KANDIDATEN]
    )


def _bewerten(page: PraxisPage, kandidat: PraxisPage, eigene: dict) -> Treffer:
    hf = sorted(
        (h.name for h in kandidat.handlungsfelder.all() if h.pk in eigene["hf"]),
    )
    zg = [z for z in kandidat.zielgruppen.all() if z.pk in eigene["zg"]]
    tags = [t for t in kandidat.schlagworte.all() if t.pk in eigene["tags"]]
    worte = eigene["woerter"] & _inhaltswoerter(kandidat)
    score = (
        GEWICHT_HANDLUNGSFELD * len(hf)
        + GEWICHT_ZIELGRUPPE * len(zg)
        + GEWICHT_SCHLAGWORT * len(tags)
        + GEWICHT_WORT * len(worte)
    )
    gruende = _gemeinsam(hf, _("gleiches Handlungsfeld"), _("gleiche Handlungsfelder"))
    gruende += _gemeinsam([z.name for z in zg], _("gleiche Zielgruppe"), _("gleiche Zielgruppen"))
    if eigene["merkmale"] and kandidat.kommune:
        wert, kommune_gruende = vergleichbarkeit(
            eigene["merkmale"], KommuneMerkmale.aus_kommune(kandidat.kommune)
        )
        score *= 1 + 0.5 * wert
        gruende += kommune_gruende
    return Treffer(page_id=kandidat.pk, score=score, erklaerung=gruende)


def _gemeinsam(namen: list[str], einzahl: str, mehrzahl: str) -> list[str]:
    """One reason naming all shared values: "gleiche Handlungsfelder: Sprache, Wohnen"."""
    if not namen:
        return []
    return [f"{einzahl if len(namen) == 1 else mehrzahl}: {', '.join(namen)}"]


def similar_entries(page: PraxisPage, anzahl: int = 5) -> list[Treffer]:
    """The `anzahl` entries most similar to `page`, best first, each with its reasons."""
    eigene = {
        "hf": set(page.handlungsfelder.values_list("pk", flat=True)),
        "zg": set(page.zielgruppen.values_list("pk", flat=True)),
        "tags": set(page.schlagworte.values_list("pk", flat=True)),
        "woerter": _inhaltswoerter(page),
        "merkmale": KommuneMerkmale.aus_kommune(page.kommune) if page.kommune else None,
    }
    treffer = [_bewerten(page, kandidat, eigene) for kandidat in _kandidaten(page)]
    treffer.sort(key=lambda t: (t.score, t.page_id), reverse=True)
    return treffer[:anzahl]
