"""Server mode's shared state in PostgreSQL: the lexical index (full-text search with a GIN
index), the store's locks (advisory locks), its generation counter, its version (schema and
embedding model) and the deleted-notes list (small tables, one row per collection or note).

Every replica and ingesting machine pointed at the same database (``RAGBOT_DATABASE_URL``)
shares them, as processes on one machine share the embedded store's files (``locking``):

- the *writer lock* is a session advisory lock held on its own connection for a whole
  ingest; it dies with its session, so a killed writer (or a restarted server) frees it;
- the *commit lock* is an advisory lock taken exclusively by a commit and shared by reads;
- the *generation* is one row per collection in ``ragbot_generation``, bumped after each
  commit, which long-lived replicas poll before each read to re-learn companies and notes;
- the *version* (``ragbot_store_version``) is the embedded store's ``<collection>.store.json``,
  and the *deleted-notes list* (``ragbot_excluded``) its ``<collection>.excluded.json``, shared
  so every machine refuses another embedding model and leaves out the notes deleted anywhere.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache

from langchain_core.documents import Document
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine

from ingest.words import query_terms
from vectorstore.excluded import ExcludedNotes
from vectorstore.lexical import LexicalIndex
from vectorstore.locking import WAITING, StoreBusy
from vectorstore.versioning import StoreVersion, VersionRecord

log = logging.getLogger("ragbot")
LEXICAL_TABLE, GENERATION_TABLE = "ragbot_lexical", "ragbot_generation"
VERSION_TABLE, EXCLUDED_TABLE = "ragbot_store_version", "ragbot_excluded"
TS_CONFIG = "english"  # Snowball English stemmer and stop words (FTS5 here: Porter, no stop words)
RANK_NORMALIZATION = 1  # ts_rank divided by 1 + log(document length), as BM25 damps long chunks

_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {LEXICAL_TABLE} (
        collection text NOT NULL, id text NOT NULL, text text NOT NULL, about text[] NOT NULL,
        metadata jsonb NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', text)) STORED,
        PRIMARY KEY (collection, id))""",
    f"CREATE INDEX IF NOT EXISTS {LEXICAL_TABLE}_tsv ON {LEXICAL_TABLE} USING gin (tsv)",
    f"CREATE INDEX IF NOT EXISTS {LEXICAL_TABLE}_about ON {LEXICAL_TABLE} USING gin (about)",
    f"CREATE TABLE IF NOT EXISTS {GENERATION_TABLE} (collection text PRIMARY KEY, generation bigint NOT NULL)",
    f"""CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (
        collection text PRIMARY KEY, store_schema integer NOT NULL, embedding_model text NOT NULL, dimension integer)""",
    f"CREATE TABLE IF NOT EXISTS {EXCLUDED_TABLE} (collection text NOT NULL, source text NOT NULL, PRIMARY KEY (collection, source))",
]
SCHEMA_OBJECTS = (LEXICAL_TABLE, f"{LEXICAL_TABLE}_tsv", f"{LEXICAL_TABLE}_about", GENERATION_TABLE, VERSION_TABLE, EXCLUDED_TABLE)
_prepared: set[Engine] = set()  # the databases whose tables this process has created
_preparing = threading.Lock()


@cache
def server_engine(url: str) -> Engine:
    """One pooled engine per database URL per process (replicas answer on many threads)."""
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def _key(name: str) -> str:
    return f"hashtextextended('ragbot:{name}', 0)"


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Held while tables are created: two processes starting at once would both try
    ``CREATE TABLE IF NOT EXISTS`` and one would fail on the catalog's unique index."""
    with engine.connect() as connection:
        connection.execute(text(f"SELECT pg_advisory_lock({_key('schema')})"))
        try:
            yield
        finally:
            connection.execute(text(f"SELECT pg_advisory_unlock({_key('schema')})"))
            connection.commit()


def create_schema(engine: Engine) -> None:
    """ragbot's tables and their indexes (idempotent); call under ``schema_lock``."""
    with engine.begin() as connection:
        for statement in _SCHEMA:
            connection.execute(text(statement))


def prepare_schema(engine: Engine) -> None:
    """Create ragbot's tables once per process and database, before their first use."""
    with _preparing:
        if engine not in _prepared:
            with schema_lock(engine):
                create_schema(engine)
            _prepared.add(engine)


class PostgresVersion(VersionRecord):
    """The collection's ``StoreVersion`` as its row of ``ragbot_store_version``."""

    def __init__(self, engine: Engine, collection: str):
        self.engine, self.collection = engine, collection

    def read(self) -> StoreVersion | None:
        prepare_schema(self.engine)
        with self.engine.connect() as connection:
            row = connection.execute(
                text(f"SELECT store_schema, embedding_model, dimension FROM {VERSION_TABLE} WHERE collection = :c"),
                {"c": self.collection},
            ).first()
        return StoreVersion(*row) if row else None

    def write(self, version: StoreVersion) -> None:
        prepare_schema(self.engine)
        with self.engine.begin() as connection:
            connection.execute(text(
                f"INSERT INTO {VERSION_TABLE} (collection, store_schema, embedding_model, dimension) VALUES (:c, :s, :m, :d) "
                "ON CONFLICT (collection) DO UPDATE SET store_schema = EXCLUDED.store_schema, "
                "embedding_model = EXCLUDED.embedding_model, dimension = EXCLUDED.dimension"
            ), {"c": self.collection, "s": version.schema, "m": version.embedding_model, "d": version.dimension})


class PostgresExcluded(ExcludedNotes):
    """The collection's deleted-notes list as rows of ``ragbot_excluded``."""

    def __init__(self, engine: Engine, collection: str):
        self.engine, self.collection = engine, collection

    def sources(self) -> set[str]:
        prepare_schema(self.engine)
        with self.engine.connect() as connection:
            rows = connection.execute(text(f"SELECT source FROM {EXCLUDED_TABLE} WHERE collection = :c"), {"c": self.collection})
            return {row[0] for row in rows}

    def add(self, source: str) -> None:
        prepare_schema(self.engine)
        with self.engine.begin() as connection:
            connection.execute(
                text(f"INSERT INTO {EXCLUDED_TABLE} (collection, source) VALUES (:c, :s) ON CONFLICT DO NOTHING"),
                {"c": self.collection, "s": source},
            )

    def remove(self, sources: Iterable[str]) -> set[str]:
        prepare_schema(self.engine)
        with self.engine.begin() as connection:
            rows = connection.execute(
                text(f"DELETE FROM {EXCLUDED_TABLE} WHERE collection = :c AND source = ANY(CAST(:s AS text[])) RETURNING source"),
                {"c": self.collection, "s": list(sources)},
            )
            return {row[0] for row in rows}


class PostgresLexicalIndex(LexicalIndex):
    """Rows of ``ragbot_lexical`` for one collection, ranked by ``ts_rank`` (not BM25: no IDF;
    benchmarks/team_ranking.py compares the two on the eval sets)."""

    def __init__(self, engine: Engine, collection: str):
        self.engine, self.collection = engine, collection

    def _rows(self, sql: str, **parameters) -> list:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), {"c": self.collection, **parameters}).all()

    def ids(self) -> set[str]:
        return {row[0] for row in self._rows(f"SELECT id FROM {LEXICAL_TABLE} WHERE collection = :c")}

    def count(self) -> int:
        return self._rows(f"SELECT count(*) FROM {LEXICAL_TABLE} WHERE collection = :c")[0][0]

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict]) -> None:
        rows = [
            {"c": self.collection, "id": id_, "text": body, "about": list(meta.get("about") or []), "meta": json.dumps(meta)}
            for id_, body, meta in zip(ids, texts, metadatas)
        ]
        if not rows:
            return
        with self.engine.begin() as connection:
            connection.execute(text(
                f"INSERT INTO {LEXICAL_TABLE} (collection, id, text, about, metadata) "
                "VALUES (:c, :id, :text, CAST(:about AS text[]), CAST(:meta AS jsonb)) "
                "ON CONFLICT (collection, id) DO UPDATE SET text = EXCLUDED.text, about = EXCLUDED.about, metadata = EXCLUDED.metadata"
            ), rows)

    def delete(self, ids: list[str]) -> None:
        if ids:
            with self.engine.begin() as connection:
                connection.execute(
                    text(f"DELETE FROM {LEXICAL_TABLE} WHERE collection = :c AND id = ANY(CAST(:ids AS text[]))"),
                    {"c": self.collection, "ids": list(ids)},
                )

    def mentions(self, word: str, prefix: bool = False) -> bool:
        words = re.findall(r"\w+", word)
        if not (prefix and words):
            query = f"plainto_tsquery('{TS_CONFIG}', :w)"
        else:  # (to_tsquery reads operators: only bare words go in, in a row, the last as "word:*", as FTS5 reads "a-b"*)
            query, word = f"to_tsquery('{TS_CONFIG}', :w)", " <-> ".join([*words[:-1], f"{words[-1]}:*"])
        return bool(self._rows(f"SELECT 1 FROM {LEXICAL_TABLE} WHERE collection = :c AND tsv @@ {query} LIMIT 1", w=word))

    def search(self, query: str, k: int, tickers: list[str] | None = None) -> list[tuple[Document, float]]:
        terms = query_terms(query)
        if not terms:
            return []
        # websearch_to_tsquery never fails on user text; each quoted term is one word (or a
        # phrase of a hyphenated one), as FTS5's quoted terms are
        wanted = " or ".join('"' + term.replace('"', " ") + '"' for term in terms)
        about = "AND about && CAST(:tickers AS text[])" if tickers else ""
        rows = self._rows(
            f"SELECT id, text, metadata, ts_rank(tsv, q, {RANK_NORMALIZATION}) AS score "
            f"FROM {LEXICAL_TABLE}, websearch_to_tsquery('{TS_CONFIG}', :q) AS q "
            f"WHERE collection = :c AND tsv @@ q {about} ORDER BY score DESC, id LIMIT :k",
            q=wanted, k=k, tickers=list(tickers or []),
        )
        return [(Document(id=i, page_content=t, metadata=m), float(score)) for i, t, m, score in rows]


class PostgresLocks:
    """``StoreLocks``'s interface on advisory locks and a generation row (see the module doc)."""

    def __init__(self, engine: Engine, collection: str):
        self.engine, self.collection = engine, collection
        self.folder = engine.url.render_as_string(hide_password=True)  # named in messages, as the file locks name theirs
        self._write_key, self._commit_key = _key(f"write:{collection}"), _key(f"commit:{collection}")
        self._writer = threading.RLock()  # this process's threads, one at a time
        self._writer_session: tuple[Connection, int] | None = None  # (connection holding the lock, depth)
        self._reads = threading.local()  # per thread: nested reads share the outer one's lock

    def prepare(self) -> None:
        """Create ragbot's tables (once per process), before the first use of the locks."""
        prepare_schema(self.engine)

    @contextmanager
    def opening(self) -> Iterator[None]:
        """``StoreLocks.opening``: ragbot's tables are ready, others are created under ``schema_lock``."""
        self.prepare()
        with schema_lock(self.engine):
            yield

    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[None]:
        """Hold the writer lock (re-entrant): wait for another writer, or raise ``StoreBusy``."""
        self.prepare()
        if not self._writer.acquire(blocking=False):
            if not wait:
                raise StoreBusy("another ingest is writing the store; try again when it is done")
            self._writer.acquire()
        try:
            self._enter_writer(wait)
            try:
                yield
            finally:
                self._leave_writer()
        finally:
            self._writer.release()

    def _enter_writer(self, wait: bool) -> None:
        if self._writer_session is not None:
            connection, depth = self._writer_session
            self._writer_session = (connection, depth + 1)
            return
        connection = self.engine.connect()
        try:
            if not connection.execute(text(f"SELECT pg_try_advisory_lock({self._write_key})")).scalar():
                if not wait:
                    raise StoreBusy(f"another ingest is writing the store in {self.folder}; try again when it is done")
                log.warning(WAITING)
                connection.execute(text(f"SELECT pg_advisory_lock({self._write_key})"))
            connection.commit()
        except BaseException:
            connection.close()
            raise
        self._writer_session = (connection, 1)

    def _leave_writer(self) -> None:
        connection, depth = self._writer_session
        if depth > 1:
            self._writer_session = (connection, depth - 1)
            return
        self._writer_session = None
        try:
            connection.execute(text(f"SELECT pg_advisory_unlock({self._write_key})"))
            connection.commit()
        except Exception:  # the server went away: the lock went with the session
            connection.invalidate()
        finally:
            connection.close()

    @contextmanager
    def _advisory(self, function: str, release: str) -> Iterator[None]:
        self.prepare()
        with self.engine.connect() as connection:
            connection.execute(text(f"SELECT {function}({self._commit_key})"))
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text(f"SELECT {release}({self._commit_key})"))
                connection.commit()

    @contextmanager
    def committing(self) -> Iterator[None]:
        """Change the store with readers kept out; the generation moves on when done."""
        with self._advisory("pg_advisory_lock", "pg_advisory_unlock"):
            try:
                yield
            finally:
                self._bump()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Read the store while no commit is under way (shared between readers; a thread's
        nested reads take no second lock, which would queue behind a waiting commit)."""
        depth = getattr(self._reads, "depth", 0)
        self._reads.depth = depth + 1
        try:
            if depth:
                yield
            else:
                with self._advisory("pg_advisory_lock_shared", "pg_advisory_unlock_shared"):
                    yield
        finally:
            self._reads.depth = depth

    def generation(self) -> int:
        """How many commits the collection has seen (0 before the first)."""
        self.prepare()
        with self.engine.connect() as connection:
            found = connection.execute(
                text(f"SELECT generation FROM {GENERATION_TABLE} WHERE collection = :c"), {"c": self.collection}
            ).scalar()
        return found or 0

    def _bump(self) -> None:
        with self.engine.begin() as connection:
            connection.execute(text(
                f"INSERT INTO {GENERATION_TABLE} (collection, generation) VALUES (:c, 1) "
                f"ON CONFLICT (collection) DO UPDATE SET generation = {GENERATION_TABLE}.generation + 1"
            ), {"c": self.collection})
