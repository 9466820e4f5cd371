"""A lexical (full-text) index of the same chunks as Chroma, kept in step incrementally.

``LexicalIndex`` is the interface the retriever and the sync use; two engines implement it:

- ``SqliteLexicalIndex`` (the embedded default): SQLite FTS5 with BM25, a file beside the
  Chroma data. LangChain's ``BM25Retriever`` rebuilds an in-memory index from every document
  on each start and cannot filter by ticker; FTS5 (in Python's own sqlite3) persists, updates
  per chunk, and filters by the ``tickers`` column in the same query.
- ``PostgresLexicalIndex`` (``vectorstore.postgres``, server mode): PostgreSQL full-text search
  with a GIN index, shared by every replica and ingesting machine.

The index is derived from Chroma: ``sync_from`` brings it in line, so a run killed between
the two writes is repaired by the next one.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from langchain_core.documents import Document

from ingest.words import query_terms

_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS chunks USING fts5("
    "text, tickers, id UNINDEXED, metadata UNINDEXED, tokenize='porter unicode61')"
)
_DELETE_PART = 500  # ids per DELETE (SQLite's bound-parameter limit is 999 in old builds)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class LexicalIndex(ABC):
    """Chunk text, the tickers it answers for (``about``) and metadata, keyed by Chroma id."""

    @abstractmethod
    def ids(self) -> set[str]: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def add(self, ids: list[str], texts: list[str], metadatas: list[dict]) -> None: ...

    @abstractmethod
    def delete(self, ids: list[str]) -> None: ...

    @abstractmethod
    def mentions(self, word: str, prefix: bool = False) -> bool:
        """Whether any chunk's text has ``word`` (as the index's tokenizer reads it), or with
        ``prefix`` a word that begins with it ("quidel" of "QuidelOrtho")."""

    @abstractmethod
    def search(self, query: str, k: int, tickers: list[str] | None = None) -> list[tuple[Document, float]]:
        """Top ``k`` chunks for the query's content words (``query_terms``), any of them
        matching, restricted to chunks about any of ``tickers``; higher score is better."""

    def sync_from(self, collection, batch_size: int = 1000) -> tuple[int, int]:
        """Mirror a Chroma collection: add chunks it has that we lack, drop the ones it lost."""
        chroma_ids = set(collection.get(include=[])["ids"])
        ours = self.ids()
        missing, extra = sorted(chroma_ids - ours), sorted(ours - chroma_ids)
        self.delete(extra)
        for i in range(0, len(missing), batch_size):
            got = collection.get(ids=missing[i : i + batch_size], include=["documents", "metadatas"])
            self.add(got["ids"], got["documents"], got["metadatas"])
        return len(missing), len(extra)

    def mirror(self, collection, ids: list[str], removed: Iterable[str] = ()) -> None:
        """Mirror only these Chroma ids (a batch just written) and drop ``removed``: work in
        the batch's size, where ``sync_from`` reads every id of the collection (quadratic
        over an ingest if run after every batch)."""
        self.delete(sorted(set(ids) | set(removed)))  # a re-added id must not be indexed twice
        got = collection.get(ids=list(ids), include=["documents", "metadatas"])
        self.add(got["ids"], got["documents"], got["metadatas"])


class SqliteLexicalIndex(LexicalIndex):
    """FTS5 table in one SQLite file, ranked by BM25 on the text column."""

    def __init__(self, path: Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
        self.db.execute(_SCHEMA)
        self._turns = threading.Lock()  # one connection, many answering threads: one statement at a time

    def _all(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._turns:
            return self.db.execute(sql, parameters).fetchall()

    def ids(self) -> set[str]:
        return {row[0] for row in self._all("SELECT id FROM chunks")}

    def count(self) -> int:
        return self._all("SELECT count(*) FROM chunks")[0][0]

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict]) -> None:
        rows = [
            (text, " ".join(meta.get("about") or []), id_, json.dumps(meta))
            for id_, text, meta in zip(ids, texts, metadatas)
        ]
        with self._turns, self.db:
            self.db.executemany("INSERT INTO chunks(text, tickers, id, metadata) VALUES (?, ?, ?, ?)", rows)

    def delete(self, ids: list[str]) -> None:
        # ``id`` is UNINDEXED (FTS5 indexes only text columns), so each statement scans the
        # table: one statement per _DELETE_PART ids, not one per id.
        ids = list(ids)
        with self._turns, self.db:
            for start in range(0, len(ids), _DELETE_PART):
                part = ids[start : start + _DELETE_PART]
                self.db.execute(f"DELETE FROM chunks WHERE id IN ({','.join('?' * len(part))})", part)

    def mentions(self, word: str, prefix: bool = False) -> bool:
        return bool(self._all("SELECT 1 FROM chunks WHERE chunks MATCH ? LIMIT 1", (f"text : {_quote(word)}{'*' if prefix else ''}",)))

    def search(self, query: str, k: int, tickers: list[str] | None = None) -> list[tuple[Document, float]]:
        terms = query_terms(query)
        if not terms:
            return []
        match = f"text : ({' OR '.join(_quote(t) for t in terms)})"
        if tickers:
            match = f"{match} AND tickers : ({' OR '.join(_quote(t) for t in tickers)})"
        rows = self._all(
            "SELECT id, text, metadata, bm25(chunks, 1.0, 0.0) FROM chunks WHERE chunks MATCH ? "
            "ORDER BY bm25(chunks, 1.0, 0.0) LIMIT ?",
            (match, k),
        )
        return [(Document(id=i, page_content=t, metadata=json.loads(m)), -score) for i, t, m, score in rows]
