"""The engine's request bodies, built with elasticsearch-dsl and sent as plain dicts."""

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query

from search import ranking
from search.analysis import INDEX_ANALYZER
from search.query import FACETTEN, SuchAnfrage
from search.ranking import KommuneMerkmale

# Facet → document field.
FACETTEN_FELD = {
    "handlungsfeld": "handlungsfelder",
    "zielgruppe": "zielgruppen",
    "groessenklasse": "groessenklasse",
    "bundesland": "bundesland",
    "status": "status",
}
TEXT_FELDER = [
    "title^4",
    "kurzbeschreibung^2",
    "body",
    "tags^1.5",
    "handlungsfelder_labels^1.5",
    "zielgruppen_labels^1.5",
    "kommune_name^1.5",
    "uebertragbarkeit^0.5",
    "traeger^0.5",
]
ZERLEGT_FELDER = ["title^4", "kurzbeschreibung^2", "body", "tags^1.5"]
HERVORGEHOBEN = ["title", "kurzbeschreibung", "body"]
MAX_FACETTENWERTE = 500
MAX_FENSTER = 20_000  # the index's max_result_window

VERGLEICH_SKRIPT = """
if (doc['einwohner_log10'].size() == 0) { return _score; }
double abstand = Math.abs(params.log10 - doc['einwohner_log10'].value);
double groesse = 1.0 - Math.min(abstand, params.max_abstand) / params.max_abstand;
String klasse = doc['groessenklasse'].size() > 0 ? doc['groessenklasse'].value : '';
double naehe = 0.0;
if (klasse == params.klasse) { naehe = 1.0; }
else if (params.reihe.containsKey(klasse) && params.reihe.containsKey(params.klasse)) {
  int a = (int) params.reihe.get(klasse);
  int b = (int) params.reihe.get(params.klasse);
  if (a - b == 1 || b - a == 1) { naehe = 0.5; }
}
double dichte = params.dichte >= 0 && doc['verstaedterung'].size() > 0
  && doc['verstaedterung'].value == params.dichte ? 1.0 : 0.0;
double kreis = doc['kreis_ags'].size() > 0 && doc['kreis_ags'].value == params.kreis ? 1.0 : 0.0;
double land = doc['bundesland'].size() > 0 && doc['bundesland'].value == params.land ? 1.0 : 0.0;
double wert = params.w_einwohner * groesse + params.w_klasse * naehe + params.w_dichte * dichte
  + params.w_kreis * kreis + params.w_land * land;
return _score * (1.0 + params.boost * wert);
"""


def text_abfrage(q: str) -> Query:
    """Typo-tolerant match over the weighted fields, phrases in the title and compound parts.

    Fuzzy matching scores an exact term highest, so no separate exact clause is needed.
    """
    if not q:
        return Q("match_all")
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=q,
                fields=TEXT_FELDER,
                fuzziness="AUTO",
                prefix_length=2,
                max_expansions=20,
                tie_breaker=0.3,
            ),
            Q("match_phrase", title={"query": q, "boost": 3}),
            # Compounds split into their parts: "Sprachförderung" finds "Förderung der Sprache".
            Q("multi_match", query=q, fields=ZERLEGT_FELDER, analyzer=INDEX_ANALYZER, boost=0.5),
        ],
        minimum_should_match=1,
    )


def hervorhebungs_abfrage(q: str) -> Query:
    """Only the highlighted fields: cheaper than re-running the whole query per hit."""
    return Q("multi_match", query=q, fields=HERVORGEHOBEN, fuzziness="AUTO", prefix_length=2)


def facetten_filter(anfrage: SuchAnfrage) -> dict[str, Query]:
    """One terms filter per restricted facet (OR within the facet)."""
    return {
        name: Q("terms", **{FACETTEN_FELD[name]: list(getattr(anfrage, name))})
        for name in FACETTEN
        if getattr(anfrage, name)
    }


def vergleichs_skript(referenz: KommuneMerkmale) -> dict:
    """The painless script_score that mirrors search.ranking.vergleichbarkeit()."""
    params = {
        "log10": ranking.einwohner_log10(referenz.einwohner),
        "max_abstand": ranking.MAX_LOG_ABSTAND,
        "klasse": referenz.groessenklasse,
        "reihe": {k: i for i, k in enumerate(ranking.KLASSEN_REIHENFOLGE)},
        "dichte": referenz.verstaedterung if referenz.verstaedterung is not None else -1,
        "kreis": referenz.kreis_ags,
        "land": referenz.bundesland,
        "w_einwohner": ranking.GEWICHT_EINWOHNER,
        "w_klasse": ranking.GEWICHT_GROESSENKLASSE,
        "w_dichte": ranking.GEWICHT_VERSTAEDTERUNG,
        "w_kreis": ranking.GEWICHT_KREIS,
        "w_land": ranking.GEWICHT_LAND,
        "boost": ranking.VERGLEICH_BOOST,
    }
    return {"source": VERGLEICH_SKRIPT, "lang": "painless", "params": params}


def haupt_abfrage(anfrage: SuchAnfrage, referenz: KommuneMerkmale | None) -> Query:
    """Text (or all) restricted by Kreis, re-scored by comparability when asked."""
    filter_ = [Q("terms", kreis_ags=list(anfrage.kreis))] if anfrage.kreis else []
    abfrage = Q("bool", must=[text_abfrage(anfrage.q)], filter=filter_)
    if referenz:
        abfrage = Q("script_score", query=abfrage, script=vergleichs_skript(referenz))
    return abfrage


def _facetten_aggregationen(suche: Search, filter_: dict[str, Query]) -> Search:
    for name in FACETTEN:
        andere = [f for n, f in filter_.items() if n != name]
        eimer = suche.aggs.bucket(name, "filter", Q("bool", filter=andere))
        eimer.bucket("werte", "terms", field=FACETTEN_FELD[name], size=MAX_FACETTENWERTE)
    return suche


def _sortierung(anfrage: SuchAnfrage) -> list:
    datum = {"first_published_at": {"order": "desc", "missing": "_last"}}
    if anfrage.sortierung == "neueste":
        return [datum, {"page_id": "desc"}]
    return ["_score", datum, {"page_id": "desc"}]


def such_koerper(anfrage: SuchAnfrage, referenz: KommuneMerkmale | None) -> dict:
    """The complete search request body."""
    filter_ = facetten_filter(anfrage)
    suche = Search().query(haupt_abfrage(anfrage, referenz))
    if filter_:
        suche = suche.post_filter(Q("bool", filter=list(filter_.values())))
    suche = _facetten_aggregationen(suche, filter_)
    if anfrage.q:
        suche = (
            suche.highlight_options(
                pre_tags=["<mark>"],
                post_tags=["</mark>"],
                encoder="html",
                type="unified",
                highlight_query=hervorhebungs_abfrage(anfrage.q).to_dict(),
            )
            .highlight("title", number_of_fragments=0)
            .highlight("kurzbeschreibung", number_of_fragments=0)
            .highlight("body", fragment_size=160, number_of_fragments=2)
        )
    start, anzahl = (anfrage.seite - 1) * anfrage.pro_seite, anfrage.pro_seite
    if start + anzahl > MAX_FENSTER:  # far beyond the last hit: counts and facets only
        start, anzahl = 0, 0
    suche = suche.sort(*_sortierung(anfrage)).extra(
        track_total_hits=True, track_scores=True, **{"from": start, "size": anzahl}
    )
    return suche.to_dict()


def aehnliche_koerper(page_id: int, text: str, slugs: list[str], anzahl: int) -> dict:
    """more_like_this on the entry's text plus a boost per shared Handlungsfeld."""
    mlt = Q(
        "more_like_this",
        fields=["title", "kurzbeschreibung", "body", "tags"],
        like=text,
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=30,
        minimum_should_match="20%",
    )
    geteilt = [Q("constant_score", filter=Q("term", handlungsfelder=s), boost=2.0) for s in slugs]
    abfrage = Q(
        "bool",
        should=[mlt, *geteilt],
        minimum_should_match=1,
        must_not=[Q("ids", values=[str(page_id)])],
    )
    suche = Search().query(abfrage).sort("_score", {"page_id": "desc"})
    return suche.extra(size=anzahl, track_scores=True).to_dict()
