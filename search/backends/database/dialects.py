"""Reading and querying Wagtail's database index: SQLite's FTS5 table or PostgreSQL's vectors.

Both answer the same two questions for search/backends/database/fulltext.py: which words does
the index hold (its vocabulary), and which entries contain any of these index words (or words
beginning with these prefixes). SQLite's tokens are the words lower-cased without diacritics;
PostgreSQL's are the lexemes of the configuration in WAGTAILSEARCH_BACKENDS (`SEARCH_CONFIG`,
by default `praxis_deutsch`: unaccent plus the German stemmer, search/migrations/0002).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Max, QuerySet

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from praxis.models import PraxisPage
from search.analysis import compound_parts, german_normalization
from search.analysis.german import MIN_SUBWORD, light_stem
from search.backends.database.vocabulary import Vocabulary


@dataclass(frozen=True)
class Terms:
    """Index words to look up exactly, and prefixes for words too new for the vocabulary."""

    tokens: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.tokens or self.prefixes)


# One alternative of a concept: every key's terms must match (a phrase), any alternative will do.
Alternatives = list[list[Terms]]


def praxis_content_type_id() -> int:
    """The content type of Praxisbeispiele in Wagtail's index (cached by Django)."""
    return ContentType.objects.get_for_model(PraxisPage).pk


def praxis_entries() -> QuerySet:
    """The index entries of Praxisbeispiele (Wagtail also indexes other pages)."""
    return IndexEntry.objects.filter(content_type_id=praxis_content_type_id())


def index_signature() -> tuple:
    """Changes when entries are added to or removed from the index."""
    figures = praxis_entries().aggregate(n=Count("pk"), last=Max("pk"))
    return (figures["n"], figures["last"])


@cache
def dictionary_by_key() -> dict[str, tuple[str, ...]]:
    """Key → the compound dictionary's parts with that key ("lots" → "lotse", "lotsen")."""
    found: dict[str, tuple[str, ...]] = {}
    for part in (p for p in compound_parts() if len(p) >= MIN_SUBWORD):
        found[light_stem(part)] = (*found.get(light_stem(part), ()), part)
    return found


class SqliteIndex:
    """Wagtail's FTS5 table: tokens are the words without diacritics (unicode61)."""

    def __init__(self) -> None:
        self.table = f"{IndexEntry._meta.db_table}_fts"

    def load(self) -> Vocabulary:
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.praxis_woerter "
                f"USING fts5vocab(main, {self.table}, row)"
            )
            cursor.execute("SELECT term FROM temp.praxis_woerter")
            terms = [row[0] for row in cursor.fetchall()]
        by_form: dict[str, set[str]] = {}
        for term in terms:
            by_form.setdefault(german_normalization(term), set()).add(term)
        return Vocabulary(by_form, stem=light_stem)

    def forms(self, keys: Iterable[str]) -> dict[str, str]:
        """The vocabulary's form of each key: the key itself."""
        return {k: k for k in keys}

    def part_forms(self, vocabulary: Vocabulary, part: str) -> set[str]:
        return vocabulary.containing(part)

    def ids(self, alternatives: Alternatives) -> set[int]:
        expression = " OR ".join(
            "(" + " AND ".join(f"({_fts_terms(terms)})" for terms in alternative) + ")"
            for alternative in alternatives
        )
        if not expression:
            return set()
        # `id IN (SELECT rowid ... MATCH)` runs the MATCH once; the join that `.search()`
        # builds probes the FTS table per entry (50x slower). A plain cursor, as a common word
        # matches nearly every entry and the ORM would take longer to read them than the MATCH.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CAST(object_id AS INTEGER) FROM {IndexEntry._meta.db_table} "
                f"WHERE content_type_id = %s "
                f"AND id IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)",
                [praxis_content_type_id(), "{title body} : (" + expression + ")"],
            )
            return _first_column(cursor)


def _first_column(cursor) -> set[int]:
    """The ids a cursor found (thousands for a common word: read in C, not in a loop)."""
    return set(map(itemgetter(0), cursor.fetchall()))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts_terms(terms: Terms) -> str:
    parts = [_quoted(t) for t in sorted(terms.tokens)]
    parts += [_quoted(p) + " *" for p in sorted(terms.prefixes)]
    return " OR ".join(parts)


# Configuration → key → lexeme, asked from the database once per key and process.
_LEXEMES: dict[str, dict[str, str]] = {}
MAX_LEXEMES = 50_000


class PostgresIndex:
    """Wagtail's tsvector columns: tokens are the lexemes of the search configuration."""

    def __init__(self) -> None:
        self.config = getattr(get_search_backend(), "config", None)

    def load(self) -> Vocabulary:
        table = IndexEntry._meta.db_table
        praxis = praxis_content_type_id()
        vectors = f"SELECT title || body FROM {table} WHERE content_type_id = {praxis}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT word FROM ts_stat(%s)", [vectors])
            words = [row[0] for row in cursor.fetchall()]
        return Vocabulary({w: {w} for w in words}, stem=lambda form: form)

    def forms(self, keys: Iterable[str]) -> dict[str, str]:
        """Each key's lexeme in this configuration (empty for a stop word)."""
        lexemes = _LEXEMES.setdefault(self.config or "", {})
        if len(lexemes) > MAX_LEXEMES:
            lexemes.clear()
        missing = sorted({k for k in keys if k not in lexemes})
        if missing:
            config = "%s::regconfig, " if self.config else ""
            params = [self.config] if self.config else []
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT w, tsvector_to_array(to_tsvector({config}w)) "
                    "FROM unnest(%s::text[]) AS w",
                    [*params, missing],
                )
                for word, found in cursor.fetchall():
                    lexemes[word] = found[0] if found else ""
        return {k: lexemes[k] for k in keys if lexemes.get(k)}

    def part_forms(self, vocabulary: Vocabulary, part: str) -> set[str]:
        """Inside a lexeme a part keeps its letters; at its end it is stemmed too."""
        found = set(vocabulary.containing(part))
        if lexeme := self.forms([part]).get(part):
            found |= vocabulary.containing(lexeme, at_end=True)
        return found

    def ids(self, alternatives: Alternatives) -> set[int]:
        """Entries matching any alternative; a phrase's keys are looked up one by one."""
        single = [alt[0] for alt in alternatives if len(alt) == 1]
        found = self._matching(single) if single else set()
        for alternative in (alt for alt in alternatives if len(alt) > 1):
            found |= set.intersection(*(self._matching([terms]) for terms in alternative))
        return found

    def _matching(self, terms: list[Terms]) -> set[int]:
        # Exact lexemes only: the vocabulary is read again with every change of the entries
        # (search.backends.database.index_state), so it holds every lexeme a prefix would
        # find, and a prefix (`:*`) makes PostgreSQL scan every vector (10,000 entries:
        # 24 ms against 4 ms for the same hits).
        words = [f"'{t}'" for group in terms for t in sorted(group.tokens) if "'" not in t]
        if not words:
            return set()
        # A plain cursor, as for SQLite: a common word matches nearly every entry.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id::integer FROM {IndexEntry._meta.db_table}, "
                "to_tsquery('simple', %s) q "
                "WHERE content_type_id = %s AND (title @@ q OR body @@ q)",
                [" | ".join(words), praxis_content_type_id()],
            )
            return _first_column(cursor)


def current_index() -> SqliteIndex | PostgresIndex | None:
    """The index of the database in use; None for Wagtail's fallback (no FTS5)."""
    if connection.vendor == "postgresql":
        return PostgresIndex()
    if type(get_search_backend()).__name__ == "SQLiteSearchBackend":
        return SqliteIndex()
    return None
