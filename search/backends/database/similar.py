"""Similar entries ("Ähnliche Praxisbeispiele") computed from the database.

Shared Handlungsfelder weigh most, then shared Zielgruppen and Schlagworte, then shared content
words of title and short description; a comparable lead Kommune lifts an entry a little
(search.ranking.similar_entry_factor).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kommunen.models import Kommune
from praxis.models import PraxisPage
from praxis.uebernahme import adoption_counts
from search.backends.database.text import words
from search.query import Hit
from search.ranking import KommuneFeatures, comparability, similar_entry_factor

WEIGHT_HANDLUNGSFELD = 3.0
WEIGHT_ZIELGRUPPE = 1.5
WEIGHT_SCHLAGWORT = 1.5
WEIGHT_WORD = 1.0
MIN_WORD_LENGTH = 4
MAX_CANDIDATES = 500


@dataclass(frozen=True)
class _Traits:
    """What the entry itself offers for comparison: taxonomy ids, tag names, content words,
    its Kommune."""

    handlungsfelder: set[int]
    zielgruppen: set[int]
    schlagworte: set[str]
    words: set[str]
    kommune: KommuneFeatures | None


def _traits(page: PraxisPage) -> _Traits:
    """Read from the page object itself, not with database queries on its relations: in a
    preview these are in-memory values of the editor's form (tags may not exist yet)."""
    kommune = lead_kommune(page)
    return _Traits(
        handlungsfelder={h.pk for h in page.handlungsfelder.all()},
        zielgruppen={z.pk for z in page.zielgruppen.all()},
        schlagworte={t.name for t in page.schlagworte.all()},
        words=_content_words(page),
        kommune=KommuneFeatures.from_kommune(kommune) if kommune else None,
    )


def lead_kommune(page: PraxisPage) -> Kommune | None:
    """The entry's lead Kommune, also for a new page in preview (set on save otherwise)."""
    return page.kommune if page.kommune_id else page.lead_kommune()


def _content_words(page: PraxisPage) -> set[str]:
    return {w for w in words(f"{page.title} {page.kurzbeschreibung}") if len(w) >= MIN_WORD_LENGTH}


def _candidates(page: PraxisPage, own: _Traits) -> QuerySet:
    """Live public entries sharing at least one Handlungsfeld or Zielgruppe."""
    pages = PraxisPage.objects.live().public()
    if page.pk:  # a new page in preview has none yet
        pages = pages.exclude(pk=page.pk)
    shared = pages.filter(handlungsfelder__in=own.handlungsfelder) | pages.filter(
        zielgruppen__in=own.zielgruppen
    )
    return (
        shared.distinct()
        .select_related("kommune")
        .prefetch_related("handlungsfelder", "zielgruppen", "schlagworte")
        .order_by("-first_published_at")[:MAX_CANDIDATES]
    )


def _score(candidate: PraxisPage, own: _Traits) -> Hit:
    handlungsfelder = sorted(
        h.name for h in candidate.handlungsfelder.all() if h.pk in own.handlungsfelder
    )
    zielgruppen = [z for z in candidate.zielgruppen.all() if z.pk in own.zielgruppen]
    tags = [t for t in candidate.schlagworte.all() if t.name in own.schlagworte]
    shared_words = own.words & _content_words(candidate)
    score = (
        WEIGHT_HANDLUNGSFELD * len(handlungsfelder)
        + WEIGHT_ZIELGRUPPE * len(zielgruppen)
        + WEIGHT_SCHLAGWORT * len(tags)
        + WEIGHT_WORD * len(shared_words)
    )
    reasons = _shared(handlungsfelder, _("gleiches Handlungsfeld"), _("gleiche Handlungsfelder"))
    reasons += _shared(
        [z.name for z in zielgruppen], _("gleiche Zielgruppe"), _("gleiche Zielgruppen")
    )
    if own.kommune and candidate.kommune:
        value, kommune_reasons = comparability(
            own.kommune, KommuneFeatures.from_kommune(candidate.kommune)
        )
        score *= similar_entry_factor(value)
        reasons += kommune_reasons
    return Hit(page_id=candidate.pk, score=score, erklaerung=reasons)


def _shared(names: list[str], singular: str, plural: str) -> list[str]:
    """One reason naming all shared values: "gleiche Handlungsfelder: Sprache, Wohnen"."""
    if not names:
        return []
    return [f"{singular if len(names) == 1 else plural}: {', '.join(names)}"]


def similar_entries(page: PraxisPage, count: int = 5) -> list[Hit]:
    """The `count` entries most similar to `page`, best first, each with its reasons."""
    own = _traits(page)
    hits = [_score(candidate, own) for candidate in _candidates(page, own)]
    hits.sort(key=lambda h: (h.score, h.page_id), reverse=True)
    best = hits[:count]
    adopted = adoption_counts(h.page_id for h in best)
    for hit in best:
        hit.uebernahmen = adopted.get(hit.page_id, 0)
    return best
