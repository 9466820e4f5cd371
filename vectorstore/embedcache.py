"""Chunk embeddings cached in the store by text hash, so unchanged text is never embedded twice.

LangChain's ``CacheBackedEmbeddings`` does the caching (keys: the model's namespace + sha256 of
the text). Its byte store here is a small SQLite table: langchain's SQL byte store lives in
langchain-community (not a dependency), and its ``LocalFileStore`` writes one file per vector
non-atomically, so a SIGKILL could leave a truncated vector that fails every later ingest.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from langchain_classic.embeddings import CacheBackedEmbeddings
from langchain_core.embeddings import Embeddings
from langchain_core.stores import BaseStore


class SqliteByteStore(BaseStore[str, bytes]):
    """A key -> bytes table in one SQLite file; each ``mset`` is one transaction."""

    def __init__(self, path: Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
        self._guard = threading.Lock()  # one connection, shared by threads
        with self._guard, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def mget(self, keys: Sequence[str]) -> list[bytes | None]:
        found: dict[str, bytes] = {}
        with self._guard:
            for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                part = list(keys[i : i + 500])
                marks = ",".join("?" * len(part))
                found.update(self._db.execute(f"SELECT key, value FROM kv WHERE key IN ({marks})", part).fetchall())
        return [found.get(k) for k in keys]

    def mset(self, key_value_pairs: Sequence[tuple[str, bytes]]) -> None:
        with self._guard, self._db:
            self._db.executemany("INSERT OR REPLACE INTO kv(key, value) VALUES (?, ?)", key_value_pairs)

    def mdelete(self, keys: Sequence[str]) -> None:
        with self._guard, self._db:
            self._db.executemany("DELETE FROM kv WHERE key = ?", [(k,) for k in keys])

    def yield_keys(self, *, prefix: str | None = None) -> Iterator[str]:
        with self._guard:
            rows = self._db.execute("SELECT key FROM kv WHERE key LIKE ?", ((prefix or "") + "%",)).fetchall()
        yield from (row[0] for row in rows)

    def count(self, prefix: str = "") -> int:
        with self._guard:
            return self._db.execute("SELECT count(*) FROM kv WHERE key LIKE ?", (prefix + "%",)).fetchone()[0]


def cached_embeddings(underlying: Embeddings, store: SqliteByteStore, model: str) -> CacheBackedEmbeddings:
    """``underlying`` with document embeddings cached in ``store`` under the model's name
    (queries are not cached: each question is embedded afresh)."""
    return CacheBackedEmbeddings.from_bytes_store(underlying, store, namespace=f"{model}:", key_encoder="sha256")
