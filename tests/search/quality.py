"""Relevance of a search backend on the graded queries (fixtures/graded_queries.json): nDCG@10.

The queries are the kinds small towns type (everyday words, funding programmes and roles,
misspellings, whole questions), graded 0-3 per entry of the demo content by its exchange id.
Used by tests/search/test_search_quality.py and benchmarks/search_quality.py.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from praxis.models import PraxisPage
from search.query import SearchQuery

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "graded_queries.json"
CUTOFF = 10


@dataclass(frozen=True)
class GradedQuery:
    q: str
    art: str
    noten: dict[str, int]


@dataclass(frozen=True)
class QueryScore:
    query: GradedQuery
    ndcg: float
    found: list[str]  # the exchange ids of the first CUTOFF hits


@cache
def graded_queries() -> tuple[GradedQuery, ...]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return tuple(GradedQuery(**item) for item in data["anfragen"])


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(found: list[str], noten: dict[str, int], cutoff: int = CUTOFF) -> float:
    """nDCG@cutoff of a ranking (exchange ids, best first) against the grades."""
    ideal = dcg(sorted(noten.values(), reverse=True)[:cutoff])
    return dcg([noten.get(key, 0) for key in found[:cutoff]]) / ideal if ideal else 0.0


def score_backend(backend) -> list[QueryScore]:
    """Run every graded query on `backend` and score its first page."""
    ids = dict(PraxisPage.objects.values_list("pk", "austausch_id"))
    scores = []
    for query in graded_queries():
        result = backend.search(SearchQuery(q=query.q, pro_seite=CUTOFF))
        found = [ids.get(hit.page_id, str(hit.page_id)) for hit in result.treffer]
        scores.append(QueryScore(query, ndcg(found, query.noten), found))
    return scores


def mean_ndcg(scores: list[QueryScore]) -> float:
    return sum(s.ndcg for s in scores) / len(scores)
