"""Index management: versioned indices behind an alias, bulk (re)builds, single upserts/deletes."""

import logging
import time
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.utils import timezone

from elasticsearch.dsl import Index

from praxis.models import PraxisPage
from search.analysis import analyse_einstellungen
from search.client import bulk, get_client
from search.documents import PraxisDocument, seiten_fuer_index

logger = logging.getLogger(__name__)
BULK_GROESSE = 500
Fortschritt = Callable[[str], None]


def alias_name() -> str:
    """The alias every search and write goes through, e.g. "praxisnetz-praxis"."""
    return f"{settings.SEARCH_INDEX_PREFIX}-praxis"


def neuer_indexname() -> str:
    """A new versioned index name below the alias, unique to the microsecond."""
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def index_definition(name: str) -> dict:
    """Settings and mappings of a new index, built with elasticsearch-dsl."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        analysis=analyse_einstellungen(),
        max_result_window=20_000,
    )
    index.document(PraxisDocument)
    return index.to_dict()


def index_anlegen(name: str) -> None:
    get_client().indices.create(index=name, body=index_definition(name))


def versionen() -> list[str]:
    """All versioned indices of this prefix, oldest first."""
    antwort = get_client().indices.get(index=f"{alias_name()}-*", ignore_unavailable=True)
    return sorted(antwort.keys())


def aktive_indizes() -> list[str]:
    """The indices the alias points to now (empty if there is no alias yet)."""
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()).keys())


def aktionen(seiten: Iterable[PraxisPage], index: str) -> Iterator[dict]:
    """Bulk index actions for the given pages."""
    for seite in seiten:
        doc = PraxisDocument.from_page(seite)
        yield {"_op_type": "index", "_index": index, "_id": seite.pk, "_source": doc.to_dict()}


def _in_bloecken(queryset, groesse: int) -> Iterator[list[PraxisPage]]:
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), groesse):
        yield list(queryset.filter(pk__in=ids[start : start + groesse]))


def alles_indexieren(index: str, fortschritt: Fortschritt | None = None) -> int:
    """Index every live, public entry into `index`; returns the number of documents."""
    queryset = seiten_fuer_index()
    gesamt, fertig = queryset.count(), 0
    for block in _in_bloecken(queryset, BULK_GROESSE):
        bulk(aktionen(block, index), chunk_size=BULK_GROESSE, refresh=False)
        fertig += len(block)
        if fortschritt:
            fortschritt(f"{fertig}/{gesamt} Praxisbeispiele indexiert")
    return fertig


def neu_aufbauen(fortschritt: Fortschritt | None = None) -> dict:
    """Build a new versioned index, swap the alias atomically, delete older versions."""
    melden = fortschritt or (lambda _text: None)
    start, name = time.monotonic(), neuer_indexname()
    client = get_client()
    index_anlegen(name)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
    melden(f"Neuer Index {name} angelegt")
    anzahl = alles_indexieren(name, melden)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=name)
    alt = alias_umschalten(name)
    for index in alt:
        client.indices.delete(index=index)
    melden(f"Alias {alias_name()} zeigt auf {name}; {len(alt)} alte Version(en) gelöscht")
    return {"index": name, "anzahl": anzahl, "sekunden": time.monotonic() - start}


def alias_umschalten(neu: str) -> list[str]:
    """Point the alias at `neu` in one atomic call; return every other version."""
    alt = [index for index in versionen() if index != neu]
    schritte = [{"remove": {"index": index, "alias": alias_name()}} for index in aktive_indizes()]
    schritte.append({"add": {"index": neu, "alias": alias_name()}})
    get_client().indices.update_aliases(body={"actions": schritte})
    return alt


def sicherstellen(fortschritt: Fortschritt | None = None) -> None:
    """Build the index if the alias does not exist yet."""
    if not aktive_indizes():
        neu_aufbauen(fortschritt)


def seiten_abgleichen(page_ids: Iterable[int], refresh: bool = False) -> tuple[int, int]:
    """Upsert the live, public pages among `page_ids`, delete the others; (upserts, deletes).

    Writes go to every versioned index, so a rebuild running now does not miss the change.
    """
    ids = set(page_ids)
    seiten = list(seiten_fuer_index().filter(pk__in=ids))
    weg = ids - {s.pk for s in seiten}
    ziele = versionen()
    if not ziele:
        neu_aufbauen()
        return len(seiten), len(weg)
    schritte: list[dict] = []
    for index in ziele:
        schritte += list(aktionen(seiten, index))
        schritte += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in sorted(weg)]
    if schritte:
        _, fehler = bulk(schritte, refresh=refresh, raise_on_error=False)
        echte = [f for f in fehler if f.get("delete", {}).get("status") != 404]
        if echte:
            raise RuntimeError(f"Bulk-Fehler beim Indexieren: {echte[:3]}")
    return len(seiten), len(weg)


def status() -> dict:
    """Alias, versions and document counts, for `search_index --status`."""
    client = get_client()
    aktiv = aktive_indizes()
    anzahl = client.count(index=alias_name())["count"] if aktiv else 0
    return {
        "alias": alias_name(),
        "aktiv": aktiv,
        "versionen": versionen(),
        "dokumente": anzahl,
        "datenbank": seiten_fuer_index().count(),
    }
