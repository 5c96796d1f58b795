"""Search relevance: nDCG@10 of both backends on the graded queries over the demo content.

    SEARCH_URL=http://127.0.0.1:9200 python benchmarks/search_quality.py [--alle]

Seeds the demo content into a throwaway SQLite database (or DATABASE_URL), builds the engine's
index (index prefix "quality") when SEARCH_URL is set, runs the graded queries of
tests/search/fixtures/graded_queries.json on the database backend and the engine and prints
nDCG@10 per kind of query and overall; `--alle` also prints every query with its first hits.
"""

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)  # "search" must be the app, not a file of this folder


def set_up(database_url: str) -> None:
    from benchmarks.search import set_up as set_up_database

    os.environ["SEARCH_INDEX_PREFIX"] = "quality"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    set_up_database(database_url)
    from django.conf import settings
    from django.core.management import call_command

    settings.SEARCH_INDEX_PREFIX = "quality"
    call_command("seed_demo", "--ohne-zugaenge", stdout=open(os.devnull, "w"))  # noqa: SIM115


def backends() -> dict:
    from search.backends import SearchBackend
    from search.backends.database import DatabaseBackend
    from search.backends.engine import EngineBackend
    from search.indices import rebuild

    found: dict[str, SearchBackend] = {"datenbank": DatabaseBackend()}
    if os.environ.get("SEARCH_URL"):
        rebuild()
        found["engine"] = EngineBackend()
    return found


def report(name: str, scores: list, every_query: bool) -> None:
    from tests.search.quality import mean_ndcg

    by_kind = defaultdict(list)
    for score in scores:
        by_kind[score.query.art].append(score)
    print(f"{name}: nDCG@10 {mean_ndcg(scores):.3f} ({len(scores)} Anfragen)")
    for kind, group in by_kind.items():
        print(f"  {kind:<12} {mean_ndcg(group):.3f} ({len(group)})")
    if every_query:
        for score in sorted(scores, key=lambda s: s.ndcg):
            print(f"  {score.ndcg:.3f}  {score.query.q!r}: {', '.join(score.found[:5])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alle", action="store_true", help="every query with its first hits")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="praxisnetz-quality-")
    set_up(args.database_url or f"sqlite:///{directory}/quality.sqlite3")
    from tests.search.quality import score_backend

    for name, backend in backends().items():
        report(name, score_backend(backend), args.alle)
    if os.environ.get("SEARCH_URL"):
        from search.client import get_client
        from search.indices import versions

        for index in versions():
            get_client().indices.delete(index=index)


if __name__ == "__main__":
    main()
