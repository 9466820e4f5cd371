"""Bring the store exactly in line with a folder of notes, using LangChain's indexing API.

``langchain_core.indexing.index`` with a SQL record manager embeds only chunks it has not
seen (content + metadata hash), and its incremental cleanup drops a re-ingested note's old
chunks. A run killed at any point is finished by the next one: vectors are written before
their records, and Chroma upserts by hash id, so nothing is duplicated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.documents import Document
from langchain_core.indexing import index

from ingest.readers.notes import container_of
from vectorstore.lexical import LexicalIndex
from vectorstore.reuse import reusing, stored_vectors

NoteChunks = tuple[str, list[Document]]  # (source, the note's chunks)


@dataclass
class SyncResult:
    """What one sync did, note by note (sources) and chunk by chunk (counts)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0


class NoteIndex:
    """The Chroma collection, its record manager and its lexical mirror, written together."""

    def __init__(self, vectorstore: Chroma, record_manager_path: Path, lexical: LexicalIndex, batch_size: int = 64):
        self.vectorstore = vectorstore
        self.lexical = lexical
        self.batch_size = batch_size
        namespace = f"chroma/{vectorstore._collection.name}"
        self.records = SQLRecordManager(namespace, db_url=f"sqlite:///{record_manager_path}")
        self.records.create_schema()

    @property
    def collection(self):
        return self.vectorstore._collection

    def _keys(self, source: str) -> set[str]:
        return set(self.records.list_keys(group_ids=[source]))

    def sync(
        self,
        notes: Iterable[NoteChunks],
        keep: set[str],
        remove_missing: bool = False,
        on_note: Callable[[str], None] | None = None,
    ) -> SyncResult:
        """Index ``notes``; with ``remove_missing``, delete stored notes that are neither among
        them nor in ``keep`` (files present but unreadable this time keep their old chunks, and
        so do the notes of their attachments)."""
        notes = list(notes)
        before = {source: self._keys(source) for source, _ in notes}
        result = SyncResult(chunks=sum(len(chunks) for _, chunks in notes))
        if remove_missing:
            present = {source for source, _ in notes} | keep
            result.deleted = [s for s in self.sources() if s not in present and container_of(s) not in keep]
        writer = reusing(self.vectorstore, stored_vectors(self.vectorstore, result.deleted))  # moves: no re-embedding
        for batch in self._batches(notes):
            outcome = index(
                self._documents(batch, on_note),
                self.records,
                writer,
                batch_size=max(self.batch_size, sum(len(chunks) for _, chunks in batch)),
                cleanup="incremental",
                source_id_key="source",
                key_encoder="sha256",
            )
            result.embedded += outcome["num_added"]
        for source, _ in notes:
            old, new = before[source], self._keys(source)
            bucket = result.added if not old else result.unchanged if old == new else result.updated
            bucket.append(source)
        if writer is not self.vectorstore:
            result.embedded -= writer.embeddings.reused
        for source in result.deleted:
            self.delete_source(source)
        self._drop_unrecorded()
        self.lexical.sync_from(self.collection)
        return result

    def _drop_unrecorded(self) -> None:
        """Delete vectors that have no record. A run killed between writing a batch's vectors
        and its records leaves them; if their note changed since, no cleanup would find them."""
        orphans = sorted(set(self.collection.get(include=[])["ids"]) - set(self.records.list_keys()))
        if orphans:
            self.vectorstore.delete(orphans)

    def _batches(self, notes: list[NoteChunks]) -> Iterator[list[NoteChunks]]:
        """Whole notes, about ``batch_size`` chunks at a time. ``index`` cleans up a batch's
        sources after writing it, so a note split over two batches would have its unchanged
        tail deleted and embedded again."""
        batch: list[NoteChunks] = []
        size = 0
        for note in notes:
            if batch and size + len(note[1]) > self.batch_size:
                yield batch
                batch, size = [], 0
            batch.append(note)
            size += len(note[1])
        if batch:
            yield batch

    def _documents(self, notes: list[NoteChunks], on_note) -> Iterator[Document]:
        for source, chunks in notes:
            yield from chunks
            if on_note:
                on_note(source)

    def delete_source(self, source: str) -> None:
        """Remove one note: records first, then vectors, so a crash in between leaves vectors
        that the next sync still finds (by metadata) rather than records without vectors."""
        self.records.delete_keys(sorted(self._keys(source)))
        ids = self.collection.get(where={"source": source}, include=[])["ids"]
        if ids:
            self.vectorstore.delete(ids)
        self.lexical.delete(ids)

    def metadatas(self) -> list[dict]:
        """Metadata of every stored chunk."""
        return self.collection.get(include=["metadatas"])["metadatas"]

    def sources(self) -> list[str]:
        """Every note source in the store, sorted."""
        return sorted({m["source"] for m in self.metadatas()})
