"""The store as one process sees it: opened lazily, written by one process at a time, and
reopened before a read when another process has committed since (see ``vectorstore.locking``).

In server mode (``settings.database_url``) the same interface runs on PostgreSQL and Chroma's
server (``vectorstore.postgres``): nothing is reopened, as the servers are always current, and
a server that is gone raises ``StoreUnavailable`` with one line saying which. The store's
version (its embedding model) and the deleted-notes list go with it: files in ``store_dir``
when embedded, rows of the database in server mode (``versions``, ``excluded``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings
from sqlalchemy.engine import Engine

from ragbot.settings import Settings
from vectorstore import LexicalIndex, NoteIndex, SqliteLexicalIndex, open_chroma
from vectorstore.chroma import chroma_client, forget_client
from vectorstore.embedcache import SqliteByteStore, cached_embeddings
from vectorstore.locking import StoreBusy, StoreLocks
from vectorstore.excluded import ExcludedFile, ExcludedNotes
from vectorstore.postgres import PostgresExcluded, PostgresLexicalIndex, PostgresLocks, PostgresVersion, server_engine
from vectorstore.servers import unavailable
from vectorstore.versioning import VersionFile, VersionRecord


@contextmanager
def servers_checked() -> Iterator[None]:
    """Raise a server error in the block as ``StoreUnavailable`` (one line, which server)."""
    try:
        yield
    except Exception as error:
        gone = unavailable(error)
        if gone is None or gone is error:
            raise
        raise gone from error


def release_unused() -> None:
    """Free the Chroma systems no longer used: each holds Rust worker threads and its HNSW
    index, and its components refer to each other, so only the cycle collector frees them."""
    gc.collect()


class StoreAccess:
    """Opens the ``NoteIndex`` of ``settings.store_dir`` and hands it out for reading or writing."""

    def __init__(self, settings: Settings, embeddings: Embeddings):
        self.settings = settings
        self.folder = Path(settings.store_dir)
        self.engine = server_engine(settings.database_url) if settings.server_mode else None
        collection = settings.collection
        self.locks = PostgresLocks(self.engine, collection) if self.engine else StoreLocks(self.folder, collection)
        self.versions: VersionRecord = PostgresVersion(self.engine, collection) if self.engine else VersionFile(self.folder, collection)
        self.excluded: ExcludedNotes = PostgresExcluded(self.engine, collection) if self.engine else ExcludedFile(self.folder, collection)
        self.model_embeddings = embeddings
        self._opened: tuple[int, NoteIndex] | None = None  # (generation it was opened at, index)
        self.mend_on_open = True  # off for ``doctor``, which reports what it finds first
        self._guard = threading.RLock()

    @cached_property
    def cache(self) -> SqliteByteStore:
        return SqliteByteStore(self.folder / f"{self.settings.collection}.embeddings.sqlite")

    @cached_property
    def embeddings(self) -> Embeddings:
        """The model's embeddings, document vectors cached in the store by text hash."""
        return cached_embeddings(self.model_embeddings, self.cache, self.settings.embedding_model)

    @property
    def index(self) -> NoteIndex:
        """The index as last opened (opened now if never)."""
        with self._guard, servers_checked():
            if self._opened is None:
                self._opened = (self.locks.generation(), self._open())
                if self.mend_on_open:
                    self._mend_lexical(self._opened[1])
            return self._opened[1]

    def generation(self) -> int:
        """The store's commit count (``StoreUnavailable`` if its server is gone)."""
        with servers_checked():
            return self.locks.generation()

    def follow(self) -> None:
        """Reopen Chroma and the lexical index if another process committed since they were opened."""
        generation = self.locks.generation()
        with self._guard:
            if self._opened is None or self._opened[0] == generation:
                return
            if self.engine is not None:  # the servers already show every commit
                self._opened = (generation, self._opened[1])
                return
            forget_client(self.folder, self.settings.chroma_host)
            self._opened = (generation, self._open())
            release_unused()

    def reopen(self, check_model: bool = True) -> NoteIndex:
        """Open everything afresh (after the collection itself was replaced)."""
        with self._guard:
            forget_client(self.folder, self.settings.chroma_host)
            self._opened = (self.locks.generation(), self._open(check_model))
            release_unused()
            return self._opened[1]

    @contextmanager
    def reading(self) -> Iterator[NoteIndex]:
        """The current index, with no commit under way while it is read."""
        with servers_checked(), self.locks.reading():
            self.follow()
            yield self.index

    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[NoteIndex]:
        """The current index, this process the store's only writer until the block ends."""
        with servers_checked(), self.locks.writing(wait):
            self.follow()
            yield self.index

    @contextmanager
    def _commit(self) -> Iterator[None]:
        """One commit; this process's own index stays current across it (no reopen)."""
        with self._guard:
            mine = self._opened
        with self.locks.committing():
            yield
        with self._guard:
            if mine is not None and self._opened is mine:
                self._opened = (self.locks.generation(), mine[1])

    def _mend_lexical(self, index: NoteIndex) -> None:
        """Re-derive the lexical index from Chroma if a killed run left them apart, unless
        another process is writing (it will). Not a Chroma write, so no commit lock."""
        try:
            with self.locks.writing(wait=False):
                if index.lexical.count() != index.collection.count():
                    index.lexical.sync_from(index.collection)
        except StoreBusy:
            pass

    def _open(self, check_model: bool = True) -> NoteIndex:
        """Chroma, records and lexical index; ``ModelMismatch`` for another model's store."""
        s = self.settings
        if check_model:
            self.versions.check(s.embedding_model)
        with self.locks.opening():
            client = chroma_client(self.folder, s.chroma_host, s.chroma_port)
            vectorstore = open_chroma(client, s.collection, self.embeddings, s.ef_search)
            if self.engine is None:
                lexical = SqliteLexicalIndex(self.folder / f"{s.collection}.lexical.sqlite")
                return self._note_index(vectorstore, f"sqlite:///{self.folder / f'{s.collection}.records.sqlite'}", lexical)
            return self._note_index(vectorstore, self.engine, PostgresLexicalIndex(self.engine, s.collection))

    def _note_index(self, vectorstore, records: str | Engine, lexical: LexicalIndex) -> NoteIndex:
        s = self.settings
        return NoteIndex(vectorstore, records, lexical, s.index_batch_size, commit=self._commit, embed_batch=s.embed_batch_size)
