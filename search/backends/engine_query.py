"""The engine's request bodies, built with elasticsearch-dsl and sent as plain dicts."""

from datetime import date

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query

from praxis.stand import stale_cutoff
from search import ranking
from search.analysis import INDEX_ANALYZER
from search.query import FACETS, SearchQuery
from search.ranking import KommuneFeatures
from search.understanding import SIZE_BOOST, understand

# Facet → document field.
FACET_FIELDS = {
    "handlungsfeld": "handlungsfelder",
    "zielgruppe": "zielgruppen",
    "groessenklasse": "groessenklasse",
    "bundesland": "bundesland",
    "kreis": "kreis_ags",
    "status": "status",
    "kosten": "kosten",
    "foerderprogramm": "foerderprogramme",
    "evidenz": "evidenz",
}
TEXT_FIELDS = [
    "title^4",
    "kurzbeschreibung^2",
    "body",
    "tags^1.5",
    "handlungsfelder_labels^1.5",
    "zielgruppen_labels^1.5",
    "kommune_name^1.5",
    "uebertragbarkeit^0.5",
    "traeger^0.5",
    "personal",
    "foerderung",
]
COMPOUND_FIELDS = ["title^4", "kurzbeschreibung^2", "body", "tags^1.5"]
# Typos are matched on the whole, unstemmed words of the same fields, weighed as there.
FUZZY_FIELDS = [
    f"{name}.unscharf^{boost}" if boost else f"{name}.unscharf"
    for name, _, boost in (field.partition("^") for field in TEXT_FIELDS)
]
HIGHLIGHT_FIELDS = ["title", "kurzbeschreibung", "body"]
MAX_FACET_VALUES = 500  # more than the 401 Kreise, the longest facet
MAX_RESULT_WINDOW = 20_000  # the index's max_result_window
SELECTION_BUCKET = "ohne_eigene_auswahl"  # a restricted facet's counts (_facet_aggregations)


def text_query(q: str) -> Query:
    """The query's content words over the weighted fields, with what its other words ask for
    (cost limit, small Kommunen first; search.understanding); no words: everything."""
    understood = understand(q)
    query = word_query(understood.text) if understood.text else Q("match_all")
    implied = []
    if understood.max_kosten is not None:
        implied.append(Q("range", kosten_jahr_eur={"lte": understood.max_kosten}))
    if understood.groessenklassen:
        implied.append(Q("terms", groessenklasse=list(understood.groessenklassen)))
    if implied:
        query = Q("bool", must=[query], filter=implied)
    return size_preference(query, understood.bevorzugte_groessenklassen)


def word_query(text: str) -> Query:
    """Stemmed words and synonyms over the weighted fields, typos on the whole words, a bonus
    for entries with all the words and for a title phrase, compounds split into their parts.

    Fuzzy matching scores an exact term highest, so no separate exact clause is needed.
    """
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=TEXT_FIELDS, tie_breaker=0.3),
            Q(
                "multi_match",
                query=text,
                fields=FUZZY_FIELDS,
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=20,
                tie_breaker=0.3,
                boost=0.5,
            ),
            # More of the words first: entries with every word (in any field) get a bonus.
            Q("multi_match", query=text, fields=TEXT_FIELDS, type="cross_fields", operator="and"),
            Q("match_phrase", title={"query": text, "boost": 3}),
            # Compounds split into their parts: "Sprachförderung" finds "Förderung der Sprache".
            Q(
                "multi_match",
                query=text,
                fields=COMPOUND_FIELDS,
                analyzer=INDEX_ANALYZER,
                boost=0.3,
            ),
        ],
        minimum_should_match=1,
    )


def size_preference(query: Query, size_classes: tuple[str, ...]) -> Query:
    """Entries of the size classes a query prefers ("auf dem Land") score higher."""
    if not size_classes:
        return query
    size = Q("terms", groessenklasse=list(size_classes))
    return Q(
        "function_score",
        query=query,
        functions=[{"filter": size.to_dict(), "weight": SIZE_BOOST}],
        boost_mode="multiply",
    )


def highlight_query(q: str) -> Query:
    """Only the highlighted fields: cheaper than re-running the whole query per hit."""
    text = understand(q).text
    fuzzy = [f"{name}.unscharf" for name in HIGHLIGHT_FIELDS]
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=HIGHLIGHT_FIELDS),
            Q("multi_match", query=text, fields=fuzzy, fuzziness="AUTO", prefix_length=1),
        ],
    )


def facet_filters(query: SearchQuery) -> dict[str, Query]:
    """One terms filter per restricted facet (OR within the facet)."""
    return {
        name: Q("terms", **{FACET_FIELDS[name]: list(getattr(query, name))})
        for name in FACETS
        if getattr(query, name)
    }


def comparability_functions(reference: KommuneFeatures) -> list[dict]:
    """function_score functions whose sum is search.ranking.ranking_factor(comparability()).

    Built-in functions instead of a script: a script reads five doc values per matching
    document, which at 100,000 entries costs more than the text query. A constant 1, then each
    part of the comparability as a weighted filter (the size as a linear decay on the log10 of
    the Einwohner), each only for documents with a lead Kommune: the others keep the factor 1.
    """
    boost, led = ranking.COMPARABILITY_BOOST, Q("exists", field="einwohner_log10")

    def part(weight: float, condition: Query | None = None, **function) -> dict:
        conditions = [led, condition] if condition else [led]
        filter_ = Q("bool", filter=conditions).to_dict()
        return {"filter": filter_, "weight": boost * weight, **function}

    # linear: max(0, (s - |x - origin|) / s) with s = scale / (1 - decay) = MAX_LOG_DISTANCE.
    size = {
        "origin": ranking.einwohner_log10(reference.einwohner),
        "scale": ranking.MAX_LOG_DISTANCE / 2,
        "decay": 0.5,
    }
    functions = [{"weight": 1.0}, part(ranking.WEIGHT_EINWOHNER, linear={"einwohner_log10": size})]
    for proximity, classes in size_classes_by_proximity(reference.groessenklasse).items():
        weight = ranking.WEIGHT_GROESSENKLASSE * proximity
        functions.append(part(weight, Q("terms", groessenklasse=classes)))
    if reference.verstaedterung is not None:
        density = Q("term", verstaedterung=reference.verstaedterung)
        functions.append(part(ranking.WEIGHT_VERSTAEDTERUNG, density))
    functions.append(part(ranking.WEIGHT_KREIS, Q("term", kreis_ags=reference.kreis_ags)))
    functions.append(part(ranking.WEIGHT_BUNDESLAND, Q("term", bundesland=reference.bundesland)))
    return functions


def size_classes_by_proximity(size_class: str) -> dict[float, list[str]]:
    """The Größenklassen of a non-zero proximity to `size_class`, grouped by that proximity."""
    grouped: dict[float, list[str]] = {}
    for other in dict.fromkeys((size_class, *ranking.SIZE_CLASS_ORDER)):
        if proximity := ranking.size_class_proximity(size_class, other):
            grouped.setdefault(proximity, []).append(other)
    return grouped


def adoption_functions() -> list[dict]:
    """function_score functions whose sum is search.ranking.adoption_factor(uebernahmen): a
    constant 1 and ADOPTION_BOOST for each of the first MAX_ADOPTIONS adopters. A document of
    an older index without the field counts as not adopted."""
    steps = range(1, ranking.MAX_ADOPTIONS + 1)
    return [{"weight": 1.0}] + [
        {"filter": {"range": {"uebernahmen": {"gte": n}}}, "weight": ranking.ADOPTION_BOOST}
        for n in steps
    ]


def summed(query: Query, functions: list[dict]) -> Query:
    """`query`'s score times the sum of the `functions` that match the document."""
    return Q(
        "function_score",
        query=query,
        functions=functions,
        score_mode="sum",
        boost_mode="multiply",
    )


def main_query(query: SearchQuery, reference: KommuneFeatures | None) -> Query:
    """Text (or all), re-scored by comparability when asked, by transfers and by the Stand."""
    main = text_query(query.q)
    if reference:
        main = summed(main, comparability_functions(reference))
    return stale_penalty(summed(main, adoption_functions()), stale_cutoff())


def stale_penalty(main: Query, cutoff: date) -> Query:
    """Entries whose Stand is on or before `cutoff` score times ranking.STALE_FACTOR, as in the
    database backend (the cutoff is computed here, so the index needs no daily update)."""
    stale = Q("range", stand={"lte": cutoff.isoformat()})
    return Q(
        "function_score",
        query=main,
        functions=[{"filter": stale.to_dict(), "weight": ranking.STALE_FACTOR}],
        score_mode="multiply",
        boost_mode="multiply",
    )


def _facet_aggregations(search: Search, matching_text: Query, filters: dict[str, Query]) -> Search:
    """A `terms` aggregation per facet over the hits; a restricted facet's counts ignore its
    own selection, so they count, across the whole index (`global`), what `matching_text`
    matches with the other facets' filters.

    The facet filters restrict the query itself, not a post_filter: the engine then scores
    only the hits, and every facet without a selection counts the hits directly.
    """
    for name in FACETS:
        terms = {"field": FACET_FIELDS[name], "size": MAX_FACET_VALUES}
        if name not in filters:
            search.aggs.bucket(name, "terms", **terms)
            continue
        others = [f for n, f in filters.items() if n != name]
        matching = Q("bool", filter=[matching_text, *others])
        bucket = search.aggs.bucket(name, "global").bucket(SELECTION_BUCKET, "filter", matching)
        bucket.bucket(name, "terms", **terms)
    return search


def facet_buckets(aggregations: dict, name: str) -> list[dict]:
    """The `terms` buckets of facet `name` in a response to counts_body()."""
    aggregation = aggregations[name]
    if SELECTION_BUCKET in aggregation:
        aggregation = aggregation[SELECTION_BUCKET][name]
    return aggregation["buckets"]


def _sort(query: SearchQuery) -> list:
    date = {"first_published_at": {"order": "desc", "missing": "_last"}}
    if query.sortierung == "neueste":
        return [date, {"page_id": "desc"}]
    return ["_score", date, {"page_id": "desc"}]


def _highlight(search: Search, q: str) -> Search:
    return (
        search.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            type="unified",
            highlight_query=highlight_query(q).to_dict(),
        )
        .highlight("title", number_of_fragments=0)
        .highlight("kurzbeschreibung", number_of_fragments=0)
        .highlight("body", fragment_size=160, number_of_fragments=2)
    )


def search_bodies(query: SearchQuery, reference: KommuneFeatures | None) -> tuple[dict, dict]:
    """The two request bodies of a search: the page of ranked hits, and the count with the
    facets. Sent together (`_msearch`), the engine answers them in parallel.

    Apart, each does less: counting and the facets need every match, but no score (a filter
    is much cheaper than scoring tens of thousands of matches); the hits need scores, but no
    exact total.
    """
    return hits_body(query, reference), counts_body(query)


def hits_body(query: SearchQuery, reference: KommuneFeatures | None) -> dict:
    """One page of hits, ranked, highlighted; no count (counts_body() has it)."""
    filters = list(facet_filters(query).values())
    main = main_query(query, reference)
    search = Search().query(Q("bool", must=[main], filter=filters) if filters else main)
    if query.q:
        search = _highlight(search, query.q)
    start, size = (query.seite - 1) * query.pro_seite, query.pro_seite
    if start + size > MAX_RESULT_WINDOW:  # far beyond the last hit: counts and facets only
        start, size = 0, 0
    search = search.sort(*_sort(query)).extra(
        track_total_hits=False, track_scores=True, **{"from": start, "size": size}
    )
    return search.to_dict()


def counts_body(query: SearchQuery) -> dict:
    """The exact number of hits and every facet's counts, without scoring (the functions of
    main_query() change scores only, never which documents match)."""
    filters, text = facet_filters(query), text_query(query.q)
    matching = Q("bool", filter=[text, *filters.values()])
    search = _facet_aggregations(
        Search().query(Q("constant_score", filter=matching)), text, filters
    )
    return search.extra(track_total_hits=True, size=0).to_dict()


def similar_body(page_id: int | None, text: str, slugs: list[str], count: int) -> dict:
    """more_like_this on the entry's text plus a boost per shared Handlungsfeld (`page_id` is
    None for a new page in preview)."""
    mlt = Q(
        "more_like_this",
        fields=["title", "kurzbeschreibung", "body", "tags"],
        like=text,
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=30,
        minimum_should_match="20%",
    )
    shared = [Q("constant_score", filter=Q("term", handlungsfelder=s), boost=2.0) for s in slugs]
    query = Q(
        "bool",
        should=[mlt, *shared],
        minimum_should_match=1,
        must_not=[Q("ids", values=[str(page_id)])] if page_id else [],
    )
    # The short {field: order} form is valid; the stub only knows {field: {"order": ...}}.
    search = Search().query(query).sort("_score", {"page_id": "desc"})  # type: ignore[dict-item]
    return search.extra(size=count, track_scores=True).to_dict()
