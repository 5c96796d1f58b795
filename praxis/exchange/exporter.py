"""Export of Praxisbeispiele as exchange-format lines."""

import json
from collections.abc import Iterator
from typing import Any

from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage


def zu_exportieren(mit_entwuerfen: bool = False, portion: int = 500) -> Iterator[PraxisPage]:
    """Live content of live pages; with drafts, never-published pages as their latest revision.

    Ordered by id in code-point order, independent of the database's collation.
    """
    seiten = PraxisPage.objects.all() if mit_entwuerfen else PraxisPage.objects.live()
    reihenfolge = [pk for _id, pk in sorted(seiten.values_list("austausch_id", "pk"))]
    for start in range(0, len(reihenfolge), portion):
        pks = reihenfolge[start : start + portion]
        geladen = PraxisPage.objects.select_related("kommune").in_bulk(pks)
        for page in filter(None, map(geladen.get, pks)):  # deleted meanwhile: skipped
            yield page if page.live else page.get_latest_revision_as_object()


def als_zeile(objekt: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 characters kept as they are."""
    return json.dumps(objekt, ensure_ascii=False)


def exportiere(mit_entwuerfen: bool = False) -> Iterator[str]:
    """The lines of the export, ordered by id."""
    for page in zu_exportieren(mit_entwuerfen):
        yield als_zeile(to_exchange_dict(page))
