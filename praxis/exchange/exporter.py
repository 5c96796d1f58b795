"""Export of Praxisbeispiele as exchange-format lines."""

import json
from collections.abc import Iterator
from typing import Any

from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage


def pages_to_export(with_drafts: bool = False, batch_size: int = 500) -> Iterator[PraxisPage]:
    """Live content of live pages; with drafts, never-published pages as their latest revision.

    Ordered by id in code-point order, independent of the database's collation.
    """
    pages = PraxisPage.objects.all() if with_drafts else PraxisPage.objects.live()
    order = [pk for _id, pk in sorted(pages.values_list("austausch_id", "pk"))]
    for start in range(0, len(order), batch_size):
        pks = order[start : start + batch_size]
        loaded = PraxisPage.objects.select_related("kommune").in_bulk(pks)
        for page in filter(None, map(loaded.get, pks)):  # deleted meanwhile: skipped
            yield page if page.live else page.get_latest_revision_as_object()


def to_line(obj: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 characters kept as they are."""
    return json.dumps(obj, ensure_ascii=False)


def export_lines(with_drafts: bool = False) -> Iterator[str]:
    """The lines of the export, ordered by id."""
    for page in pages_to_export(with_drafts):
        yield to_line(to_exchange_dict(page))
