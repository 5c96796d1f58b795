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

COMPARABILITY_SCRIPT = """
if (doc['einwohner_log10'].size() == 0) { return _score; }
double distance = Math.abs(params.log10 - doc['einwohner_log10'].value);
double size = 1.0 - Math.min(distance, params.max_distance) / params.max_distance;
String sizeClass = doc['groessenklasse'].size() > 0 ? doc['groessenklasse'].value : '';
double proximity = 0.0;
if (sizeClass == params.size_class) { proximity = 1.0; }
else if (params.class_order.containsKey(sizeClass)
    && params.class_order.containsKey(params.size_class)) {
  int a = (int) params.class_order.get(sizeClass);
  int b = (int) params.class_order.get(params.size_class);
  if (a - b == 1 || b - a == 1) { proximity = 0.5; }
}
double density = params.density >= 0 && doc['verstaedterung'].size() > 0
  && doc['verstaedterung'].value == params.density ? 1.0 : 0.0;
double kreis = doc['kreis_ags'].size() > 0 && doc['kreis_ags'].value == params.kreis ? 1.0 : 0.0;
double land = doc['bundesland'].size() > 0 && doc['bundesland'].value == params.land ? 1.0 : 0.0;
double value = params.w_einwohner * size + params.w_size_class * proximity
  + params.w_density * density + params.w_kreis * kreis + params.w_land * land;
return _score * (1.0 + params.boost * value);
"""


# Mirrors search.ranking.adoption_factor(); documents of an older index without the field
# count as not adopted.
ADOPTION_SCRIPT = """
double n = doc['uebernahmen'].size() == 0 ? 0.0 : doc['uebernahmen'].value;
return _score * (1.0 + params.boost * Math.min(n, params.max));
"""


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


def comparability_script(reference: KommuneFeatures) -> dict:
    """The painless script_score that mirrors search.ranking.comparability()."""
    params = {
        "log10": ranking.einwohner_log10(reference.einwohner),
        "max_distance": ranking.MAX_LOG_DISTANCE,
        "size_class": reference.groessenklasse,
        "class_order": {k: i for i, k in enumerate(ranking.SIZE_CLASS_ORDER)},
        "density": reference.verstaedterung if reference.verstaedterung is not None else -1,
        "kreis": reference.kreis_ags,
        "land": reference.bundesland,
        "w_einwohner": ranking.WEIGHT_EINWOHNER,
        "w_size_class": ranking.WEIGHT_GROESSENKLASSE,
        "w_density": ranking.WEIGHT_VERSTAEDTERUNG,
        "w_kreis": ranking.WEIGHT_KREIS,
        "w_land": ranking.WEIGHT_BUNDESLAND,
        "boost": ranking.COMPARABILITY_BOOST,
    }
    return {"source": COMPARABILITY_SCRIPT, "lang": "painless", "params": params}


def main_query(query: SearchQuery, reference: KommuneFeatures | None) -> Query:
    """Text (or all), re-scored by comparability when asked; the facets filter afterwards."""
    main = text_query(query.q)
    if reference:
        main = Q("script_score", query=main, script=comparability_script(reference))
    adopted = Q("script_score", query=main, script=adoption_script())
    return stale_penalty(adopted, stale_cutoff())


def adoption_script() -> dict:
    """The painless script_score that mirrors search.ranking.adoption_factor()."""
    params = {"boost": ranking.ADOPTION_BOOST, "max": float(ranking.MAX_ADOPTIONS)}
    return {"source": ADOPTION_SCRIPT, "lang": "painless", "params": params}


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


def _facet_aggregations(search: Search, filters: dict[str, Query]) -> Search:
    for name in FACETS:
        others = [f for n, f in filters.items() if n != name]
        bucket = search.aggs.bucket(name, "filter", Q("bool", filter=others))
        bucket.bucket("values", "terms", field=FACET_FIELDS[name], size=MAX_FACET_VALUES)
    return search


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


def search_body(query: SearchQuery, reference: KommuneFeatures | None) -> dict:
    """The complete search request body."""
    filters = facet_filters(query)
    search = Search().query(main_query(query, reference))
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    search = _facet_aggregations(search, filters)
    if query.q:
        search = _highlight(search, query.q)
    start, size = (query.seite - 1) * query.pro_seite, query.pro_seite
    if start + size > MAX_RESULT_WINDOW:  # far beyond the last hit: counts and facets only
        start, size = 0, 0
    search = search.sort(*_sort(query)).extra(
        track_total_hits=True, track_scores=True, **{"from": start, "size": size}
    )
    return search.to_dict()


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
