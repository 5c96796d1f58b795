"""What an import wrote is searchable when the command returns, also without a task worker.

A page save queues its update of Wagtail's search index as a task, and the search app records
the page for its engine and queues a sync task as well; both wait for `db_worker`. An import
cannot leave its result unsearchable until then, so after its transaction it calls
`index_after_commit`: Wagtail's index is updated at once, and `pages_indexed` tells the search
app to do its recorded engine work now too (search/signal_handlers.py).
"""

from collections import defaultdict
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.dispatch import Signal

from wagtail.models import Page
from wagtail.search.backends import get_search_backends

# Sent after `update_search_index`; `page_ids` lists the pages written.
pages_indexed = Signal()


def index_after_commit(page_ids: Iterable[int]) -> None:
    """Update the search index for these pages once the current transaction has committed."""
    transaction.on_commit(partial(update_search_index, sorted(set(page_ids))))


def update_search_index(page_ids: list[int]) -> None:
    """Index the pages and the pages above them (an import may have created the profiles)."""
    by_model = defaultdict(list)
    for page in Page.objects.filter(path__in=_paths_up_to_root(page_ids)).specific():
        by_model[type(page)].append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, pages in by_model.items():
            backend.add_bulk(model, pages)
    pages_indexed.send(sender=Page, page_ids=page_ids)


def _paths_up_to_root(page_ids: list[int]) -> set[str]:
    """The tree paths of the pages and of their ancestors below the root."""
    steplen = Page.steplen
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    return {path[:end] for path in paths for end in range(2 * steplen, len(path) + 1, steplen)}
