"""Index management: versioned indices behind an alias, bulk (re)builds, single upserts/deletes."""

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.utils import timezone

from elasticsearch.dsl import Index

from praxis.models import PraxisPage
from search.analysis import analysis_settings
from search.client import bulk, connection_errors, get_client
from search.documents import MAPPING_VERSION, PraxisDocument, pages_for_index

logger = logging.getLogger(__name__)
BULK_SIZE = 500
Progress = Callable[[str], None]


def alias_name() -> str:
    """The alias every search and write goes through, e.g. "praxisnetz-praxis"."""
    return f"{settings.SEARCH_INDEX_PREFIX}-praxis"


def new_index_name() -> str:
    """A new versioned index name below the alias, unique to the microsecond."""
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def index_definition(name: str) -> dict:
    """Settings and mappings of a new index, built with elasticsearch-dsl."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=settings.SEARCH_REPLICAS,
        analysis=analysis_settings(),
        max_result_window=20_000,
    )
    index.document(PraxisDocument)
    definition = index.to_dict()
    definition["mappings"]["_meta"] = {"mapping_version": MAPPING_VERSION}
    return definition


def create_index(name: str) -> None:
    get_client().indices.create(index=name, body=index_definition(name))


def mapping_versions() -> dict[str, int]:
    """All versioned indices of this prefix, oldest first, with the mapping version each was
    built with (0: built before mappings had versions)."""
    response = get_client().indices.get(index=f"{alias_name()}-*", ignore_unavailable=True)
    return {
        name: response[name].get("mappings", {}).get("_meta", {}).get("mapping_version", 0)
        for name in sorted(response)
    }


def versions() -> list[str]:
    """All versioned indices of this prefix, oldest first."""
    return list(mapping_versions())


def outdated_indices() -> list[str]:
    """The indices the alias points to whose mapping is older than the documents'."""
    built_with = mapping_versions()
    return [name for name in active_indices() if built_with.get(name, 0) != MAPPING_VERSION]


def active_indices() -> list[str]:
    """The indices the alias points to now (empty if there is no alias yet)."""
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()).keys())


def index_actions(pages: Iterable[PraxisPage], index: str) -> Iterator[dict]:
    """Bulk index actions for the given pages."""
    for page in pages:
        doc = PraxisDocument.from_page(page)
        yield {"_op_type": "index", "_index": index, "_id": page.pk, "_source": doc.to_dict()}


def _in_batches(queryset, size: int) -> Iterator[list[PraxisPage]]:
    """The pages in primary-key order, `size` at a time (keyset pagination: neither a list of
    every id nor an OFFSET that grows)."""
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk")[:size]):
        yield batch
        last = batch[-1].pk


def index_all(index: str, progress: Progress | None = None) -> int:
    """Index every live, public entry into `index`; returns the number of documents."""
    queryset = pages_for_index()
    total, done = queryset.count(), 0
    batches = (list(index_actions(batch, index)) for batch in _in_batches(queryset, BULK_SIZE))
    for sent in _send_while_building(batches):
        done += sent
        if progress:
            progress(f"{done}/{total} Praxisbeispiele indexiert")
    return done


def _send_while_building(batches: Iterator[list[dict]]) -> Iterator[int]:
    """Send each batch of bulk actions while the next is built; yield each one's size once the
    engine has taken it.

    Building (database, StreamField text) is most of a rebuild's time; without this, building
    and indexing would take turns. One batch at most is in flight, so memory stays flat, and
    an engine error is raised here and stops the rebuild.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="praxisnetz-bulk") as sender:
        in_flight: tuple[Future, int] | None = None
        for actions in batches:  # the next batch is built while `in_flight` is sent
            if in_flight:
                in_flight[0].result()
                yield in_flight[1]
            in_flight = (
                sender.submit(bulk, actions, chunk_size=BULK_SIZE, refresh=False),
                len(actions),
            )
        if in_flight:
            in_flight[0].result()
            yield in_flight[1]


def rebuild(progress: Progress | None = None) -> dict:
    """Build a new versioned index, swap the alias atomically, delete older versions."""
    report = progress or (lambda _text: None)
    start, name = time.monotonic(), new_index_name()
    client = get_client()
    create_index(name)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
    report(f"Neuer Index {name} angelegt")
    count = index_all(name, report)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=name)
    if not wait_for_copies(name):
        report(f"Warnung: {name} hat nach 30 s noch nicht alle Replikate")
    old = swap_alias(name)
    for index in old:
        client.indices.delete(index=index)
    report(f"Alias {alias_name()} zeigt auf {name}; {len(old)} alte Version(en) gelöscht")
    return {"index": name, "count": count, "seconds": time.monotonic() - start}


def wait_for_copies(name: str) -> bool:
    """Wait until every replica of `name` is allocated (green); False if that timed out
    (the engine's default wait of 30 s: opensearch-py would take a `timeout` argument for
    its own read timeout instead of sending it).

    On a cluster the alias should move only once each shard has its copies, so one node
    failing right after the swap cannot take the only copy with it. Too few nodes for the
    replicas only delay the swap: the primaries answer searches in any case.
    """
    try:
        health = get_client().cluster.health(index=name, wait_for_status="green")
    except connection_errors():  # the engine answers 408 when the wait times out
        return False
    return not health["timed_out"]


def swap_alias(new: str) -> list[str]:
    """Point the alias at `new` in one atomic call; return every other version."""
    old = [index for index in versions() if index != new]
    steps = [{"remove": {"index": index, "alias": alias_name()}} for index in active_indices()]
    steps.append({"add": {"index": new, "alias": alias_name()}})
    get_client().indices.update_aliases(body={"actions": steps})
    return old


def ensure_index(progress: Progress | None = None) -> None:
    """Build the index if the alias does not exist yet or its mapping is outdated."""
    if not active_indices() or outdated_indices():
        rebuild(progress)


def sync_pages(page_ids: Iterable[int], refresh: bool = False) -> tuple[int, int]:
    """Upsert the live, public pages among `page_ids`, delete the others; (upserts, deletes).

    Writes go to every versioned index of the current mapping, so a rebuild running now does
    not miss the change. An index of an older mapping would take the new fields with guessed
    types (text where a facet needs a keyword), so without a current one the index is rebuilt.
    """
    ids = set(page_ids)
    pages = list(pages_for_index().filter(pk__in=ids))
    gone = ids - {p.pk for p in pages}
    targets = [name for name, v in mapping_versions().items() if v == MAPPING_VERSION]
    if not targets:
        rebuild()
        return len(pages), len(gone)
    actions: list[dict] = []
    for index in targets:
        actions += list(index_actions(pages, index))
        actions += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in sorted(gone)]
    if actions:
        _, errors = bulk(actions, refresh=refresh, raise_on_error=False)
        real = [e for e in errors if e.get("delete", {}).get("status") != 404]
        if real:
            raise RuntimeError(f"Bulk-Fehler beim Indexieren: {real[:3]}")
    return len(pages), len(gone)


def status() -> dict:
    """Alias, versions and document counts, for `search_index --status`."""
    client = get_client()
    active = active_indices()
    count = client.count(index=alias_name())["count"] if active else 0
    return {
        "alias": alias_name(),
        "active": active,
        "versions": versions(),
        "outdated": outdated_indices(),
        "documents": count,
        "database": pages_for_index().count(),
    }
