"""Export of Praxisbeispiele as exchange-format lines."""

import json
from collections.abc import Iterator
from typing import Any

from praxis.austausch.schreiben import praxis_als_austausch
from praxis.models import PraxisPage


def zu_exportieren(mit_entwuerfen: bool = False) -> Iterator[PraxisPage]:
    """Live content of live pages; with drafts, never-published pages as their latest revision."""
    seiten = PraxisPage.objects.select_related("kommune").order_by("austausch_id", "pk")
    if not mit_entwuerfen:
        seiten = seiten.live()
    for page in seiten.iterator(chunk_size=500):
        yield page if page.live else page.get_latest_revision_as_object()


def als_zeile(objekt: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 characters kept as they are."""
    return json.dumps(objekt, ensure_ascii=False)


def exportiere(mit_entwuerfen: bool = False) -> Iterator[str]:
    """The lines of the export, ordered by id."""
    for page in zu_exportieren(mit_entwuerfen):
        yield als_zeile(praxis_als_austausch(page))
