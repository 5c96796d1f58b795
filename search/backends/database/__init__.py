"""The database fallback: Wagtail's database search for text, facets and ranking in Python."""

from functools import lru_cache

from django.db.models import QuerySet
from django.utils.translation import get_language

from kommunen.models import Kommune, KommunePage, KommuneTyp, load_public_profiles
from praxis.models import PraxisPage
from praxis.stand import stale_cutoff
from praxis.uebernahme import adoption_counts
from search.backends.database.facets import Row, count_facets, facet_filters
from search.backends.database.fulltext import ConceptMatch, text_scores
from search.backends.database.row_cache import all_rows, ranked_key_index, select
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
from search.understanding import SIZE_BOOST, Understood, understand


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


def implied_filters(entries: QuerySet, understood: Understood) -> QuerySet:
    """What the query's words ask beyond text: a cost limit, small Kommunen only."""
    if understood.max_kosten is not None:
        entries = entries.filter(kosten_jahr_eur__lte=understood.max_kosten)
    if understood.groessenklassen:
        entries = entries.filter(kommune__groessenklasse__in=understood.groessenklassen)
    return entries


def highlight_keys(matches: list[ConceptMatch]) -> set[str]:
    """Every key a hit's text may show a concept by."""
    keys = {k for match in matches for k in match.keys}
    keys |= {k for match in matches for phrase in match.phrases for k in phrase}
    return keys | {k for match in matches for keys in match.partly_keys for k in keys}


@lru_cache(maxsize=100_000)
def compared(
    reference: KommuneFeatures, candidate: KommuneFeatures, language: str | None
) -> tuple[float, tuple[str, ...]]:
    """comparability(), remembered: many entries share a lead Kommune, and the same comparison
    Kommune is chosen again and again. Changed figures are other features, so nothing stale."""
    value, reasons = comparability(reference, candidate)
    return value, tuple(reasons)


class DatabaseBackend:
    """Search answered by the database alone; same request and result types as the engine."""

    name = "datenbank"

    def search(self, query: SearchQuery) -> SearchResult:
        understood = understand(query.q)
        entries = public_entries()
        base, ids = implied_filters(entries, understood), None
        scores: dict[int, float] = {}
        matches: list[ConceptMatch] = []
        every_row, by_pk = all_rows(entries)
        if understood.text:
            allowed = set(by_pk) if base is entries else None
            ranked_keys = ranked_key_index(by_pk)
            scores, matches = text_scores(base, understood.text, allowed, ranked_keys)
            ids = set(scores)
        elif base is not entries:  # only cost or size words: their entries
            ids = set(base.values_list("pk", flat=True))
        rows = select(every_row, by_pk, ids)
        filters = facet_filters(query)
        facets, passing = count_facets(rows, filters, query)
        preferred = understood.bevorzugte_groessenklassen
        hits = self._rank(passing, query, scores, preferred)
        start = (query.seite - 1) * query.pro_seite
        page = hits[start : start + query.pro_seite]
        self._highlight(page, highlight_keys(matches))
        return SearchResult(anzahl=len(hits), treffer=page, facetten=facets, backend=self.name)

    def _rank(
        self, rows: list[Row], query: SearchQuery, scores: dict, preferred: tuple[str, ...] = ()
    ) -> list[Hit]:
        reference = reference_features(query.vergleich)
        adopted = adoption_counts()
        stale_on_or_before = stale_cutoff()
        hits, dates = [], {}
        language = get_language()
        for row in rows:
            score = scores.get(row.pk, 1.0)
            if row.groessenklasse in preferred:  # "auf dem Land" (search.understanding)
                score *= SIZE_BOOST
            reasons: list[str] = []
            if reference and (features := features_from_row(row)):
                value, reasons_here = compared(reference, features, language)
                reasons = list(reasons_here)
                score *= ranking_factor(value)
            n = adopted.get(row.pk, 0)
            stand = row.aktueller_stand
            stale = stand is not None and stand <= stale_on_or_before  # praxis.stand.is_stale
            score *= adoption_factor(n) * stale_factor(stale)
            hits.append(Hit(page_id=row.pk, score=score, erklaerung=reasons, uebernahmen=n))
            dates[row.pk] = row.sort_date
        if query.sortierung == "neueste":
            hits.sort(key=lambda h: (dates[h.page_id], h.page_id), reverse=True)
        else:
            hits.sort(key=lambda h: (h.score, dates[h.page_id], h.page_id), reverse=True)
        return hits

    def _highlight(self, hits: list[Hit], keys: set[str]) -> None:
        if not keys or not hits:
            return
        texts = PraxisPage.objects.filter(pk__in=[h.page_id for h in hits]).values_list(
            "pk", "title", "kurzbeschreibung"
        )
        by_id = {pk: {"title": title, "kurzbeschreibung": short} for pk, title, short in texts}
        for hit in hits:
            for name, text in by_id.get(hit.page_id, {}).items():
                if fragment := highlight(text, keys):
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
