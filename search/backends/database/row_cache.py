"""The database backend's rows of all searchable entries, kept per process between requests.

Reading the facet values of every live entry costs far more than filtering and counting them
(10,000 entries: about 350 ms on SQLite, most of it converting dates), and the rows change only
when an entry, its Kommune or its visibility does. So each process keeps the rows and reads them
again only after such a change:

- in this process, a change invalidates the rows at once (signals below);
- for the other processes, the change increments a generation number in the `shared` cache (the
  database table every process sees) once its transaction has committed; each search reads
  that number (one small query) and reloads when it has moved.

With the rows go the facet masks (search.backends.database.facets), the facets' values and
labels, and what ranking derives from them once per comparison Kommune or day
(`Loaded.remember`), so a reload drops those too.

A change made without model signals (a queryset `update()`) must go through the search
app's indexing (`plattform.indexing.index_after_commit`, whose `pages_indexed` signal is heard
here) or `kommunen_updated`, as it must anyway for the engine to see it.
"""

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kommunen.models import Kommune
from kommunen.signals import kommunen_updated
from plattform.indexing import pages_indexed
from praxis.models import Foerderprogramm, Handlungsfeld, PraxisPage, Zielgruppe
from praxis.stand import effective_stand
from search.backends.database.bitmask import all_of, mask_of_keys
from search.backends.database.facets import FacetMasks, Row, facet_masks, load_rows
from search.backends.database.fulltext import KeyIndex, key_index

T = TypeVar("T")
GENERATION_KEY = "search-database-rows-generation"
CACHE_ALIAS = "shared"


_serials = itertools.count(1)
# Values derived from the rows (per comparison Kommune, per day) kept with them, most recent.
REMEMBERED = 64


@dataclass
class Loaded:
    """The kept rows, by id, each row's position (its bit in a mask) and the facet masks."""

    generation: int
    rows: list[Row]
    by_pk: dict[int, Row]
    position: dict[int, int]
    masks: FacetMasks
    derived: OrderedDict = field(default_factory=OrderedDict)
    serial: int = field(default_factory=lambda: next(_serials))  # unique per load

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from these rows, computed once while they are kept (at most the
        REMEMBERED latest keys): gone with the rows when they are read again."""
        with _lock:
            if key in self.derived:
                self.derived.move_to_end(key)
                return self.derived[key]
        value = compute()
        with _lock:
            self.derived[key] = value
            while len(self.derived) > REMEMBERED:
                self.derived.popitem(last=False)
        return value

    def mask(self, ids: Iterable[int]) -> int:
        """The mask of the kept rows among `ids`."""
        return mask_of_keys(ids, self.position, len(self.rows))

    def everything(self) -> int:
        return all_of(len(self.rows))

    @cached_property
    def pk_at(self) -> list[int]:
        """Each row's page id, by position."""
        return [row.pk for row in self.rows]

    @cached_property
    def sort_date_at(self) -> list[str]:
        """Each row's date of first publication (ISO, "" if none), by position: the
        ranking's tie-break and the order of "neueste"."""
        return [row.sort_date for row in self.rows]

    @cached_property
    def key_index(self) -> KeyIndex:
        """The text ranking's key index of the rows (search.backends.database.fulltext): built
        on first use per load, so a text query analyses no text."""
        return key_index((r.title, r.kurzbeschreibung, r.schlagworte) for r in self.rows)


_lock = threading.Lock()
_loaded: Loaded | None = None


def shared_generation() -> int:
    return caches[CACHE_ALIAS].get(GENERATION_KEY, 0)


def all_rows(entries: Callable[[], QuerySet]) -> Loaded:
    """The rows of every entry of `entries()` (the live, public entries), read again only
    after a change."""
    global _loaded
    generation = shared_generation()
    loaded = _loaded
    if loaded is None or loaded.generation != generation:
        rows = load_rows(entries())
        for row in rows:
            row.aktueller_stand = effective_stand(
                row.stand, row.last_published_at, row.first_published_at
            )
            row.sort_date = row.first_published_at.isoformat() if row.first_published_at else ""
            row.features = row.lead_features()
        loaded = Loaded(
            generation,
            rows,
            {row.pk: row for row in rows},
            {row.pk: at for at, row in enumerate(rows)},
            facet_masks(rows),
        )
        with _lock:
            _loaded = loaded
    return loaded


def forget() -> None:
    """Forget this process's rows (tests: a rolled-back transaction sends no signal)."""
    global _loaded
    with _lock:
        _loaded = None


def invalidate() -> None:
    """Forget this process's rows now; tell the others once the change has committed."""
    forget()
    transaction.on_commit(_bump_shared_generation)


def _bump_shared_generation() -> None:
    cache = caches[CACHE_ALIAS]
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # expired or deleted between add and incr
            cache.set(GENERATION_KEY, 1, timeout=None)


@receiver(post_save, sender=PraxisPage)
@receiver(post_delete, sender=PraxisPage)
@receiver(post_save, sender=Kommune)
@receiver(post_delete, sender=Kommune)
@receiver(post_save, sender=Handlungsfeld)
@receiver(post_delete, sender=Handlungsfeld)
@receiver(post_save, sender=Zielgruppe)
@receiver(post_delete, sender=Zielgruppe)
@receiver(post_save, sender=Foerderprogramm)
@receiver(post_delete, sender=Foerderprogramm)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _model_changed(sender, **kwargs) -> None:
    invalidate()


@receiver(m2m_changed, sender=PraxisPage.handlungsfelder.through)
@receiver(m2m_changed, sender=PraxisPage.zielgruppen.through)
@receiver(m2m_changed, sender=PraxisPage.foerderprogramme.through)
def _taxonomy_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        invalidate()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(pages_indexed, sender=Page)
@receiver(kommunen_updated)
def _pages_changed(sender, **kwargs) -> None:
    invalidate()
