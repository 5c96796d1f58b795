"""The database fallback: Wagtail's database search for text, facets and ranking in Python."""

import heapq
from array import array
from datetime import date
from functools import lru_cache, partial, reduce
from itertools import chain, repeat
from operator import itemgetter, mul, or_

from django.db import connection
from django.db.models import QuerySet
from django.utils.timezone import localdate
from django.utils.translation import get_language

from wagtail.query import PageQuerySet

from kommunen.models import Kommune, KommunePage, KommuneTyp, load_public_profiles
from praxis.models import PraxisPage
from praxis.stand import stale_cutoff
from praxis.uebernahme import adoption_counts
from search.backends.database.bitmask import positions
from search.backends.database.dialects import index_signature
from search.backends.database.facets import Row, count_facets
from search.backends.database.fulltext import BASE_SCORE, ConceptMatch, Scored, text_scores
from search.backends.database.row_cache import Loaded, all_rows
from search.backends.database.similar import similar_entries
from search.backends.database.text import highlight
from search.facet_values import kreis_labels
from search.query import Hit, SearchQuery, SearchResult, allowed_values
from search.ranking import (
    KommuneFeatures,
    adoption_factor,
    comparability,
    ranking_factor,
    reference_features,
    stale_factor,
)
from search.understanding import SIZE_BOOST, Understood, understand


def public_entries() -> QuerySet:
    """Only live, public entries are searchable."""
    return PraxisPage.objects.live().public()


def implied_filters(understood: Understood) -> PageQuerySet | None:
    """The entries the query's words ask for beyond text (a cost limit, small Kommunen only),
    or None if they ask for none. The kept rows are the public ones (search), so this need
    not ask for them again: Wagtail's `public()` costs a query."""
    if understood.max_kosten is None and not understood.groessenklassen:
        return None
    entries = PraxisPage.objects.all()
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
    """comparability() with its reasons, remembered for the hits of a page: the same hits come
    again for the same comparison Kommune. Changed figures are other features, so nothing stale."""
    value, reasons = comparability(reference, candidate)
    return value, tuple(reasons)


def standing_factors(loaded: Loaded, stale_on_or_before: date) -> array:
    """Per row, what adopting entries and a Stand older than `stale_on_or_before` make of its
    score (search.ranking)."""
    adopted = loaded.remember("adoptions", adoption_counts)
    factors = array("d")
    for row in loaded.rows:
        stand = row.aktueller_stand
        stale = stand is not None and stand <= stale_on_or_before  # praxis.stand.is_stale
        factors.append(adoption_factor(adopted.get(row.pk, 0)) * stale_factor(stale))
    return factors


def comparison_factors(rows: list[Row], reference: KommuneFeatures) -> array:
    """Per row, what its lead Kommune's comparability with `reference` makes of its score."""
    by_lead: dict[str, float] = {}
    factors = array("d")
    for row in rows:
        if not row.features:
            factors.append(1.0)
            continue
        if (factor := by_lead.get(row.features.ags)) is None:
            value, _reasons = comparability(reference, row.features)
            factor = by_lead[row.features.ags] = ranking_factor(value)
        factors.append(factor)
    return factors


def ranking_factors(
    loaded: Loaded,
    stale_on_or_before: date,
    reference: KommuneFeatures | None,
    preferred: tuple[str, ...],
) -> array:
    """Per row, what multiplies its text score: its standing (adoptions, staleness), the
    comparability of its lead Kommune with `reference` and the size the query prefers."""
    rows = loaded.rows
    factors = loaded.remember(
        ("standing", stale_on_or_before), partial(standing_factors, loaded, stale_on_or_before)
    )
    if reference:
        comparison = loaded.remember(
            ("comparison", reference), partial(comparison_factors, rows, reference)
        )
        factors = array("d", map(mul, factors, comparison))
    if preferred:  # "auf dem Land" (search.understanding)
        boost = (SIZE_BOOST if row.groessenklasse in preferred else 1.0 for row in rows)
        factors = array("d", map(mul, factors, boost))
    return factors


def facet_labels(loaded: Loaded) -> tuple[dict, dict[str, str]]:
    """The listed facets' values and labels, and the Kreise's names, kept with the rows: a
    change of a taxonomy, a programme or the register reloads them (row_cache). A programme
    is marked as ended by date and the labels are translated, hence the key."""
    allowed = loaded.remember(("allowed", get_language(), localdate()), allowed_values)
    return allowed, loaded.remember("kreis_names", kreis_labels)


def index_state(loaded: Loaded) -> tuple:
    """The database index's entry count and newest id, read once per load of the rows, and
    the load's serial number: any change that reloads the rows (search.backends.database
    .row_cache) reads the index's vocabulary again too, so it always holds the newest words."""
    count, newest = loaded.remember(("index", connection.alias), index_signature)
    return count, newest, loaded.serial


class DatabaseBackend:
    """Search answered by the database alone; same request and result types as the engine."""

    name = "datenbank"

    def search(self, query: SearchQuery) -> SearchResult:
        understood = understand(query.q)
        loaded = all_rows(public_entries)
        narrowed = implied_filters(understood)
        allowed = (
            loaded.everything()
            if narrowed is None
            else loaded.mask(narrowed.values_list("pk", flat=True))
        )
        scored: Scored = [(allowed, BASE_SCORE)]
        matches: list[ConceptMatch] = []
        if understood.text:
            scored, matches = text_scores(
                narrowed,
                understood.text,
                allowed,
                loaded.mask,
                loaded.key_index,
                partial(index_state, loaded),
            )
        candidates = reduce(or_, (rows for rows, _score in scored), 0)
        facets, passing = count_facets(loaded.masks, candidates, query, *facet_labels(loaded))
        preferred = understood.bevorzugte_groessenklassen
        start = (query.seite - 1) * query.pro_seite
        best = self._rank(loaded, passing, query, scored, preferred, start + query.pro_seite)
        page = best[start:]
        self._highlight(page, highlight_keys(matches))
        return SearchResult(
            anzahl=passing.bit_count(), treffer=page, facetten=facets, backend=self.name
        )

    def _rank(
        self,
        loaded: Loaded,
        passing: int,
        query: SearchQuery,
        scored: Scored,
        preferred: tuple[str, ...],
        count: int,
    ) -> list[Hit]:
        """The `count` best hits among the `passing` rows, best first. Only these become Hit
        objects: a query matching most entries would otherwise build thousands per request.
        The candidates are (score, date, id) tuples built in C (map, zip), group by group of
        rows with the same text score."""
        reference = reference_features(query.vergleich)
        stale_on_or_before = stale_cutoff()
        factors = loaded.remember(
            ("factors", stale_on_or_before, reference, preferred),
            partial(ranking_factors, loaded, stale_on_or_before, reference, preferred),
        )
        pks, dates = loaded.pk_at, loaded.sort_date_at
        candidates = chain.from_iterable(
            zip(
                map(mul, repeat(score), map(factors.__getitem__, at)),
                map(dates.__getitem__, at),
                map(pks.__getitem__, at),
                strict=True,
            )
            for rows, score in scored
            for at in (positions(rows & passing),)
        )
        if query.sortierung == "neueste":
            best = heapq.nlargest(count, candidates, key=itemgetter(1, 2))
        else:
            best = heapq.nlargest(count, candidates)
        language = get_language()
        adopted = loaded.remember("adoptions", adoption_counts)
        hits = []
        for score, _date, pk in best:
            features = loaded.by_pk[pk].features
            why = compared(reference, features, language)[1] if reference and features else ()
            hits.append(Hit(pk, score, erklaerung=list(why), uebernahmen=adopted.get(pk, 0)))
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
