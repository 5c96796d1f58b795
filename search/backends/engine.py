"""The search engine backend (OpenSearch or Elasticsearch 8) behind the SearchBackend protocol."""

from django.utils.translation import gettext as _

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.backends.database import comparable_participants
from search.backends.database.similar import lead_kommune
from search.backends.engine_query import facet_buckets, search_bodies, similar_body
from search.client import ItemRefused, engine_name, query_client
from search.documents import body_text
from search.facet_values import facet_lists
from search.indices import alias_name
from search.query import FACETS, FacetValue, Hit, SearchQuery, SearchResult
from search.ranking import KommuneFeatures, comparability, reference_features


def features_from_source(source: dict) -> KommuneFeatures | None:
    """Comparability features of the lead Kommune denormalised into a document."""
    if not source.get("kommune_ags"):
        return None
    return KommuneFeatures(
        ags=source["kommune_ags"],
        einwohner=source.get("einwohner") or 0,
        groessenklasse=source.get("groessenklasse") or "",
        verstaedterung=source.get("verstaedterung"),
        kreis_ags=source.get("kreis_ags") or "",
        bundesland=source.get("bundesland") or "",
    )


class EngineBackend:
    """Search answered by the engine through the alias `<prefix>-praxis`."""

    def __init__(self) -> None:
        self.name = engine_name()

    def _search(self, body: dict) -> dict:
        return query_client().search(index=alias_name(), body=body)

    def _search_together(self, *bodies: dict) -> list[dict]:
        """Several searches in one request (`_msearch`). The engine answers 200 even if one
        failed (no index yet, say): that one is raised as search.client.ItemRefused, which the
        service takes as an outage, like the error of a single search."""
        header = {"index": alias_name()}
        lines = [line for body in bodies for line in (header, body)]
        responses = query_client().msearch(body=lines)["responses"]
        for response in responses:
            if "error" in response:
                raise ItemRefused(response)
        return responses

    def search(self, query: SearchQuery) -> SearchResult:
        reference = reference_features(query.vergleich)
        ranked, counted = self._search_together(*search_bodies(query, reference))
        hits = [self._hit(hit, reference) for hit in ranked["hits"]["hits"]]
        return SearchResult(
            anzahl=counted["hits"]["total"]["value"],
            treffer=hits,
            facetten=self._facets(counted["aggregations"], query),
            backend=self.name,
        )

    def _hit(self, hit: dict, reference: KommuneFeatures | None) -> Hit:
        source, reasons = hit["_source"], []
        features = features_from_source(source)
        if reference and features:
            reasons = comparability(reference, features)[1]
        return Hit(
            page_id=int(hit["_id"]),
            score=float(hit.get("_score") or 0.0),
            erklaerung=reasons,
            hervorhebung={name: list(parts) for name, parts in hit.get("highlight", {}).items()},
            uebernahmen=int(source.get("uebernahmen") or 0),
        )

    def _facets(self, aggregations: dict, query: SearchQuery) -> dict[str, list[FacetValue]]:
        counts = {
            name: {b["key"]: b["doc_count"] for b in facet_buckets(aggregations, name)}
            for name in FACETS
        }
        return facet_lists(counts, query)

    def similar_entries(self, page: PraxisPage, count: int = 5) -> list[Hit]:
        """more_like_this plus shared Handlungsfelder, never the entry itself.

        Built from the page object's own fields, so a preview (unsaved values) works too.
        """
        handlungsfelder = {h.slug: h.name for h in page.handlungsfelder.all()}
        zielgruppen = {z.slug: z.name for z in page.zielgruppen.all()}
        text = " ".join([page.title, page.kurzbeschreibung, body_text(page)])
        response = self._search(similar_body(page.pk, text, list(handlungsfelder), count))
        kommune = lead_kommune(page)
        own = KommuneFeatures.from_kommune(kommune) if kommune else None
        return [
            self._similar_hit(hit, handlungsfelder, zielgruppen, own)
            for hit in response["hits"]["hits"]
        ]

    def _similar_hit(
        self, hit: dict, handlungsfelder: dict, zielgruppen: dict, own: KommuneFeatures | None
    ) -> Hit:
        source = hit["_source"]
        reasons = [
            _("gleiches Handlungsfeld: %(name)s") % {"name": handlungsfelder[s]}
            for s in source.get("handlungsfelder", [])
            if s in handlungsfelder
        ]
        reasons += [
            _("gleiche Zielgruppe: %(name)s") % {"name": zielgruppen[s]}
            for s in source.get("zielgruppen", [])
            if s in zielgruppen
        ]
        features = features_from_source(source)
        if own and features:
            reasons += comparability(own, features)[1]
        return Hit(
            page_id=int(hit["_id"]),
            score=float(hit["_score"] or 0),
            erklaerung=reasons,
            uebernahmen=int(source.get("uebernahmen") or 0),
        )

    def comparable_kommunen(
        self, kommune: Kommune, count: int = 5
    ) -> list[tuple[Kommune, list[str]]]:
        """Comparable participating Kommunen: a database question, answered in Python."""
        return comparable_participants(kommune, count)
