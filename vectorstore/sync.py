"""Bring the store exactly in line with a folder of notes, using LangChain's indexing API.

``langchain_core.indexing.index`` with a SQL record manager embeds only chunks it has not
seen (content + metadata hash), and its incremental cleanup drops a re-ingested note's old
chunks. A run killed at any point is finished by the next one: vectors are written before
their records, and Chroma upserts by hash id, so nothing is duplicated. A note larger than
a batch is written in slices, each recorded as it lands, so a killed large note resumes.

Each write to the store runs inside ``commit()`` (the store's commit lock, see ``locking``),
with its vectors computed before it (``embed_ahead``) when the embeddings are cached, so
readers wait only for the writes themselves; an ingest calls ``embed_ahead`` before it even
takes the writer lock, so writers on other folders embed at the same time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

from langchain_chroma import Chroma
from langchain_classic.embeddings import CacheBackedEmbeddings
from langchain_classic.indexes import SQLRecordManager
from langchain_classic.indexes._sql_record_manager import UpsertionRecord  # its table, read by ``sources``
from langchain_core.documents import Document
from langchain_core.indexing import index
from langchain_core.indexing.api import _get_document_with_hash  # the record keys index() computes
from sqlalchemy import select
from sqlalchemy.engine import Engine

from ingest.readers.notes import container_of
from vectorstore.chroma import get_every
from vectorstore.lexical import LexicalIndex
from vectorstore.parsed import ParsedNote, ParsedNotes

NoteChunks = tuple[str, list[Document]]  # (source, the note's chunks)
_LOOKUP = 500  # record keys (or sources) per query (SQLite's bound-parameter limit)


def chunk_key(chunk: Document) -> str:
    """The record key ``index`` gives ``chunk`` (a hash of its text and metadata)."""
    return _get_document_with_hash(chunk, key_encoder="sha256").id


@dataclass
class SyncResult:
    """What one sync did, note by note (sources) and chunk by chunk (counts)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # stored notes the folder lacks, kept: no ``remove_missing``
    chunks: int = 0
    embedded: int = 0


class NoteIndex:
    """The Chroma collection, its record manager and its lexical mirror, written together."""

    def __init__(
        self,
        vectorstore: Chroma,
        records: str | Engine,
        lexical: LexicalIndex,
        batch_size: int = 64,
        commit: Callable[[], AbstractContextManager] = nullcontext,
        embed_batch: int = 32,
    ):
        self.vectorstore = vectorstore
        self.lexical = lexical
        self.batch_size = batch_size
        self.commit = commit
        self.embed_batch = embed_batch  # texts per model call when embedding ahead (>= 1)
        namespace = f"chroma/{vectorstore._collection.name}"
        where = {"engine": records} if isinstance(records, Engine) else {"db_url": records}  # SQLite file or PostgreSQL
        self.records = SQLRecordManager(namespace, **where)
        self.records.create_schema()
        self.parsed = ParsedNotes(self.records.engine, namespace)

    @property
    def collection(self):
        return self.vectorstore._collection

    def _keys(self, source: str) -> set[str]:
        return set(self.records.list_keys(group_ids=[source]))

    def unchanged(self, notes: list[NoteChunks]) -> set[str]:
        """Sources whose chunks are exactly the ones recorded for them: nothing to write."""
        return self.recorded({source: {chunk_key(c) for c in chunks} for source, chunks in notes})

    def recorded(self, wanted: Mapping[str, set[str]]) -> set[str]:
        """Sources whose recorded chunk keys are exactly ``wanted[source]``.

        ``index`` would find that too, but at one record query per note plus a timestamp update
        per chunk, which made an unchanged re-ingest cost a tenth of the first one. Here the
        records are read ``_LOOKUP`` notes per query. A chunk's key hashes its metadata, source
        included, so every key found belongs to one note; a key matching none of the chunks
        (a note that shrank or changed) makes its query's notes be checked one by one."""
        owner = {key: source for source, keys in wanted.items() for key in keys}
        sources = list(wanted)
        same: set[str] = set()
        for start in range(0, len(sources), _LOOKUP):
            part = sources[start : start + _LOOKUP]
            recorded: dict[str, set[str]] = {source: set() for source in part}
            stray = False
            for key in self.records.list_keys(group_ids=part):
                if owner.get(key) in recorded:
                    recorded[owner[key]].add(key)
                else:
                    stray = True
            matching = [source for source in part if wanted[source] and recorded[source] == wanted[source]]
            same.update(s for s in matching if not stray or self._keys(s) == wanted[s])
        return same

    def sync(
        self,
        notes: Iterable[NoteChunks],
        keep: set[str],
        remove_missing: bool = False,
        on_note: Callable[[str], None] | None = None,
        on_embedded: Callable[[int, int], None] | None = None,
        parsed: Mapping[str, ParsedNote] | None = None,
        unparsed: Iterable[ParsedNote] = (),
        stored: list[str] | None = None,
    ) -> SyncResult:
        """Index ``notes``; with ``remove_missing``, delete stored notes that are neither among
        them nor in ``keep`` (files present but unreadable this time keep their old chunks, and
        so do the notes of their attachments); without it, list them as ``missing``. Every new chunk is embedded first
        (``on_embedded(done, total)`` after each slice), then the notes are written
        (``on_note(source)`` after each note's batch), and the ``parsed`` row of each note
        recorded once its chunks are. ``unparsed``: notes not read this time, their rows found
        current (``recorded``): unchanged, left as they are. ``stored``: ``sources()``, when the
        caller has just read them (writer lock held), so they are not read twice."""
        notes, unparsed, parsed = list(notes), list(unparsed), parsed or {}
        unchanged = self.unchanged(notes)
        self.parsed.record(parsed[s] for s, _ in notes if s in unchanged and s in parsed)
        changed = [note for note in notes if note[0] not in unchanged]
        before = {source: self._keys(source) for source, _ in changed}
        result = SyncResult(chunks=sum(len(chunks) for _, chunks in notes) + sum(len(n.chunks) for n in unparsed))
        present = {source for source, _ in notes} | {n.source for n in unparsed} | keep
        stored = self.sources() if stored is None else stored
        gone = [s for s in stored if s not in present and container_of(s) not in keep]
        if remove_missing:
            result.deleted = gone
        else:
            result.missing = gone
        ahead = self.embed_ahead([chunk for _, chunks in changed for chunk in chunks], on_embedded)
        for source in [n.source for n in unparsed] + [s for s, _ in notes if s in unchanged]:
            if on_note:  # after embedding, as the progress stages run: read, embed, index
                on_note(source)
        for batch in self._batches(changed):
            written = self._write(batch)
            self.parsed.record(parsed[s] for s, _ in batch if s in parsed)
            result.embedded += written if ahead is None else 0
            for source, _ in batch:
                if on_note:
                    on_note(source)
        result.unchanged += [n.source for n in unparsed]
        for source, _ in notes:
            if source in unchanged:
                result.unchanged.append(source)
                continue
            old, new = before[source], self._keys(source)
            bucket = result.added if not old else result.unchanged if old == new else result.updated
            bucket.append(source)
        for source in result.deleted:  # decided before writing: a moved note's vectors come from the cache
            self.delete_source(source)
        with self.commit():
            self._drop_unrecorded()
            self.lexical.sync_from(self.collection)
        result.embedded += ahead or 0
        return result

    def _index(self, chunks: list[Document], cleanup: str | None) -> int:
        """``index`` the chunks in one go (their vectors cached ahead when the store caches),
        keeping the lexical mirror in step; returns how many chunks ``index`` added."""
        ids = list(dict.fromkeys(chunk_key(c) for c in chunks))
        sources = sorted({c.metadata["source"] for c in chunks})
        with self.commit():
            before = set(self.records.list_keys(group_ids=sources)) if cleanup else set()
            outcome = index(
                chunks,
                self.records,
                self.vectorstore,
                batch_size=max(self.batch_size, len(chunks)),
                cleanup=cleanup,
                source_id_key="source",
                key_encoder="sha256",
            )
            self.lexical.mirror(self.collection, ids, removed=before)  # cleanup dropped those not in ids
        return outcome["num_added"]

    def _write(self, batch: list[NoteChunks]) -> int:
        """Whole notes; ``index`` drops the old chunks of each of them."""
        if len(batch) == 1 and len(batch[0][1]) > self.batch_size:
            return self._write_large(*batch[0])
        return self._index([chunk for _, chunks in batch for chunk in chunks], cleanup="incremental")

    def _write_large(self, source: str, chunks: list[Document]) -> int:
        """One note of more than a batch, a batch at a time, each slice recorded as it lands;
        then the note's old chunks go (``index``'s own cleanup would drop the earlier slices)."""
        added = sum(self._index(chunks[i : i + self.batch_size], cleanup=None) for i in range(0, len(chunks), self.batch_size))
        current = {chunk_key(c) for c in chunks}
        stale = sorted(self._keys(source) - current)
        if stale:
            with self.commit():
                self.records.delete_keys(stale)  # records first, as in delete_source
                self.vectorstore.delete(stale)
                self.lexical.delete(stale)
        return added

    def embed_ahead(self, chunks: list[Document], on_embedded: Callable[[int, int], None] | None = None) -> int | None:
        """Put the vectors of chunks not yet recorded into the embedding cache, outside the
        commit lock (and outside the writer lock, called before it), so ``index`` only reads them (nothing to gain uncached),
        ``embed_batch`` texts at a time so a caller can follow the work. Returns how many
        distinct texts the model embedded (None without a cache)."""
        cache = self.vectorstore.embeddings
        if not isinstance(cache, CacheBackedEmbeddings):
            return None
        keys = [chunk_key(c) for c in chunks]
        known = [k for i in range(0, len(keys), _LOOKUP) for k in self.records.exists(keys[i : i + _LOOKUP])]
        texts = list(dict.fromkeys(c.page_content for c, recorded in zip(chunks, known) if not recorded))
        missing = [t for t, vector in zip(texts, cache.document_embedding_store.mget(texts)) if vector is None]
        if on_embedded:
            on_embedded(0, len(missing))
        for start in range(0, len(missing), self.embed_batch):
            part = missing[start : start + self.embed_batch]
            cache.embed_documents(part)
            if on_embedded:
                on_embedded(start + len(part), len(missing))
        return len(missing)

    def _drop_unrecorded(self) -> None:
        """Delete vectors that have no record. A run killed between writing a batch's vectors
        and its records leaves them; if their note changed since, no cleanup would find them."""
        orphans = sorted(set(self.collection.get(include=[])["ids"]) - set(self.records.list_keys()))
        if orphans:
            self.vectorstore.delete(orphans)

    def _batches(self, notes: list[NoteChunks]) -> Iterator[list[NoteChunks]]:
        """Whole notes, about ``batch_size`` chunks at a time; a note of more than
        ``batch_size`` chunks comes alone (``_write_large`` slices it)."""
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

    def delete_source(self, source: str) -> None:
        """Remove one note: records first, then vectors, so a crash in between leaves vectors
        that the next sync still finds (by metadata) rather than records without vectors."""
        with self.commit():
            self.parsed.forget([source])
            self.records.delete_keys(sorted(self._keys(source)))
            ids = self.collection.get(where={"source": source}, include=[])["ids"]
            if ids:
                self.vectorstore.delete(ids)
            self.lexical.delete(ids)

    def metadatas(self) -> list[dict]:
        """Metadata of every stored chunk."""
        return get_every(self.collection, include=("metadatas",))["metadatas"]

    def sources(self) -> list[str]:
        """Every note source in the store, sorted: the record manager's groups, as it is the
        copy that says which chunks belong in the store (``vectorstore.doctor``) and records
        each under its note's source. One indexed query; reading every chunk's metadata from
        Chroma instead took a tenth of an unchanged re-ingest of 1,000 notes."""
        table = UpsertionRecord.__table__
        query = select(table.c.group_id).where(table.c.namespace == self.records.namespace).distinct()
        with self.records.engine.connect() as connection:
            return sorted(group for (group,) in connection.execute(query) if group is not None)
