"""The database fallback: Wagtail's database search for text, facets and ranking in Python."""

from datetime import datetime

from django.db.models import QuerySet

from kommunen.models import Kommune, KommunePage, KommuneTyp, load_public_profiles
from praxis.models import PraxisPage
from praxis.stand import effective_stand, is_stale
from praxis.uebernahme import adoption_counts
from search.backends.database.facets import Row, count_facets, facet_filters, filtered, load_rows
from search.backends.database.fulltext import matching_ids, relevance
from search.backends.database.similar import similar_entries
from search.backends.database.text import highlight
from search.query import Hit, SearchQuery, SearchResult
from search.ranking import (
    KommuneFeatures,
    adoption_factor,
    comparability,
    kreis_ags,
    ranking_factor,
    reference_features,
    stale_factor,
)


def public_entries() -> QuerySet:
    """Only live, public entries are searchable."""
    return PraxisPage.objects.live().public()


def features_from_row(row: Row) -> KommuneFeatures | None:
    """Comparability features of an entry's lead Kommune."""
    if not row.ags:
        return None
    return KommuneFeatures(
        ags=row.ags,
        einwohner=row.einwohner or 0,
        groessenklasse=row.groessenklasse or "",
        verstaedterung=row.verstaedterung,
        kreis_ags=kreis_ags(row.ags),
        bundesland=row.bundesland or "",
    )


def row_stand(row: Row):
    """The entry's Stand as the page shows it (last confirmed, else last published)."""
    return effective_stand(row.stand, row.last_published_at, row.first_published_at)


class DatabaseBackend:
    """Search answered by the database alone; same request and result types as the engine."""

    name = "datenbank"

    def search(self, query: SearchQuery) -> SearchResult:
        base, ids, scores = public_entries(), None, {}
        if query.q:
            ids = matching_ids(base, query.q)
            scores = relevance(ids, query.q)
        rows = load_rows(base, ids)
        filters = facet_filters(query)
        facets = count_facets(rows, filters, query)
        hits = self._rank(filtered(rows, filters), query, scores)
        start = (query.seite - 1) * query.pro_seite
        page = hits[start : start + query.pro_seite]
        self._highlight(page, query.q)
        return SearchResult(anzahl=len(hits), treffer=page, facetten=facets, backend=self.name)

    def _rank(self, rows: list[Row], query: SearchQuery, scores: dict) -> list[Hit]:
        reference = reference_features(query.vergleich)
        adopted = adoption_counts()
        hits, dates = [], {}
        for row in rows:
            score = scores.get(row.pk, 1.0)
            reasons: list[str] = []
            features = features_from_row(row)
            if reference and features:
                value, reasons = comparability(reference, features)
                score *= ranking_factor(value)
            n = adopted.get(row.pk, 0)
            score *= adoption_factor(n) * stale_factor(is_stale(row_stand(row)))
            hits.append(Hit(page_id=row.pk, score=score, erklaerung=reasons, uebernahmen=n))
            dates[row.pk] = (row.first_published_at or datetime.min).isoformat()
        if query.sortierung == "neueste":
            hits.sort(key=lambda h: (dates[h.page_id], h.page_id), reverse=True)
        else:
            hits.sort(key=lambda h: (h.score, dates[h.page_id], h.page_id), reverse=True)
        return hits

    def _highlight(self, hits: list[Hit], q: str) -> None:
        if not q or not hits:
            return
        texts = PraxisPage.objects.filter(pk__in=[h.page_id for h in hits]).values_list(
            "pk", "title", "kurzbeschreibung"
        )
        by_id = {pk: {"title": title, "kurzbeschreibung": short} for pk, title, short in texts}
        for hit in hits:
            for name, text in by_id.get(hit.page_id, {}).items():
                if fragment := highlight(text, q):
                    hit.hervorhebung[name] = [fragment]

    def similar_entries(self, page: PraxisPage, count: int = 5) -> list[Hit]:
        """Entries sharing Handlungsfelder, Zielgruppen and words with this one."""
        return similar_entries(page, count)

    def comparable_kommunen(
        self, kommune: Kommune, count: int = 5
    ) -> list[tuple[Kommune, list[str]]]:
        """The most comparable Kommunen taking part in the platform, with reasons."""
        return comparable_participants(kommune, count)


def participating_kommunen() -> QuerySet:
    """Kommunen with a live profile or a live entry."""
    with_profile = KommunePage.objects.live().public().values("kommune_id")
    with_entry = public_entries().values("kommune_id")
    return Kommune.objects.filter(pk__in=with_profile) | Kommune.objects.filter(pk__in=with_entry)


def same_level(kommunen: QuerySet, kommune: Kommune) -> QuerySet:
    """Landkreise compare with Landkreise, Gemeinden and Städte with each other: a Kreis of
    200,000 inhabitants is no example for a town of that size."""
    if kommune.typ == KommuneTyp.LANDKREIS:
        return kommunen.filter(typ=KommuneTyp.LANDKREIS)
    return kommunen.exclude(typ=KommuneTyp.LANDKREIS)


def comparable_participants(kommune: Kommune, count: int) -> list[tuple[Kommune, list[str]]]:
    """Rank the participating Kommunen by comparability to `kommune`, best first."""
    reference = KommuneFeatures.from_kommune(kommune)
    scored = []
    for candidate in (
        same_level(participating_kommunen(), kommune).exclude(pk=kommune.pk).distinct()
    ):
        value, reasons = comparability(reference, KommuneFeatures.from_kommune(candidate))
        scored.append((value, candidate.anzeigename, candidate, reasons))
    scored.sort(key=lambda s: (-s[0], s[1]))
    best = [(candidate, reasons) for _v, _n, candidate, reasons in scored[:count]]
    load_public_profiles(candidate for candidate, _reasons in best)  # the pages link them
    return best
