"""Check that a store's four copies of its chunks agree, and repair what can be re-derived.

The copies: Chroma's metadata (SQLite: text, metadata), Chroma's HNSW index (vectors), the
record manager (which chunks a finished ingest wrote) and the lexical index (BM25).

Which copy is authoritative:
- *Which chunks belong in the store*: the record manager. Ingest writes a chunk's vector
  first and its record last, so a record marks a write that completed; a vector without a
  record is left over from a killed run (possibly of an older version of its note) and is
  dropped, as ``NoteIndex.sync`` does. A record whose chunk Chroma lost is dropped too, so
  the next ingest of that note writes the chunk again.
- *What a chunk says*: Chroma's metadata, which holds its text and metadata. The HNSW index
  is rebuilt from it where it lacks a vector (vectors from the embedding cache, or re-embedded
  from the text), and the lexical index is re-derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vectorstore.chroma import get_every
from vectorstore.sync import NoteIndex

PROBE_BATCH = 2000  # ids per HNSW membership query: 20k healthy ids probed in ~1.5 s


@dataclass(frozen=True)
class Finding:
    """One disagreement between the copies, with the chunk ids concerned."""

    kind: str  # "hnsw_missing" | "unrecorded_vectors" | "records_without_chunks" | "lexical_missing" | "lexical_extra"
    ids: tuple[str, ...]

    @property
    def message(self) -> str:
        return {
            "hnsw_missing": "chunks in Chroma's metadata that its HNSW index cannot find (ticker-filtered search fails)",
            "unrecorded_vectors": "vectors without a record (left by a killed ingest)",
            "records_without_chunks": "records of chunks Chroma does not hold",
            "lexical_missing": "chunks missing from the lexical index",
            "lexical_extra": "lexical rows of chunks Chroma does not hold",
        }[self.kind]

    def to_json(self) -> dict:
        return {"kind": self.kind, "count": len(self.ids), "message": self.message, "ids": list(self.ids[:20])}


@dataclass
class Checkup:
    """What ``diagnose`` counted and found, and what ``repair`` did."""

    chunks: int
    records: int
    lexical: int
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    servers: list = field(default_factory=list)  # ``vectorstore.servers.ServerCheck``s in server mode

    @property
    def ok(self) -> bool:
        return not self.findings and all(check.ok for check in self.servers)

    @property
    def reachable(self) -> bool:
        """Whether every server answered (the copies could be compared)."""
        return all(check.ok for check in self.servers if check.name != "schema")

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "chunks": self.chunks,
            "records": self.records,
            "lexical": self.lexical,
            "findings": [f.to_json() for f in self.findings],
            "repaired": self.repaired,
            "servers": [check.to_json() for check in self.servers],
        }


def stored_dimension(index: NoteIndex) -> int | None:
    """The collection's vector size as Chroma records it now (None while it is empty); the
    collection object langchain holds keeps what it was when opened."""
    return index.vectorstore._client.get_collection(index.collection.name)._model.dimension


def hnsw_missing(index: NoteIndex, ids: list[str]) -> list[str]:
    """Ids that Chroma's HNSW index cannot return. A query restricted to a batch of ids raises
    ("Error finding id") when any of them is missing from the index; only such batches are
    probed one id at a time. (A healthy batch may come back a few short: filtered HNSW search
    is approximate, so the count alone says nothing.)"""
    collection = index.collection
    dimension = stored_dimension(index)
    if not ids or not dimension:
        return []
    probe = [1.0] * dimension

    def findable(batch: list[str]) -> bool:
        try:
            found = collection.query(query_embeddings=[probe], ids=batch, n_results=len(batch), include=[])
        except Exception:  # chromadb raises InternalError for an id its HNSW index lacks
            return False
        return len(batch) > 1 or len(found["ids"][0]) == 1

    missing: list[str] = []
    for i in range(0, len(ids), PROBE_BATCH):
        batch = ids[i : i + PROBE_BATCH]
        if not findable(batch):
            missing += [id_ for id_ in batch if not findable([id_])]
    return missing


def diagnose(index: NoteIndex, hnsw: bool = True) -> Checkup:
    """Compare the copies; ``hnsw=False`` skips the vector-index probe (the cheap check)."""
    chroma = sorted(index.collection.get(include=[])["ids"])
    records, lexical = set(index.records.list_keys()), index.lexical.ids()
    held = set(chroma)
    checkup = Checkup(chunks=len(chroma), records=len(records), lexical=len(lexical))
    found = {
        "hnsw_missing": hnsw_missing(index, chroma) if hnsw else [],
        "unrecorded_vectors": sorted(held - records),
        "records_without_chunks": sorted(records - held),
        "lexical_missing": sorted(held - lexical),
        "lexical_extra": sorted(lexical - held),
    }
    checkup.findings = [Finding(kind, tuple(ids)) for kind, ids in found.items() if ids]
    return checkup


def rebuild_vectors(index: NoteIndex, missing: list[str], batch: int = 1000) -> None:
    """Give the HNSW index every chunk again: read text and metadata from Chroma, keep the
    vectors it still returns, embed the missing ones (from the cache where it has them), and
    write the collection anew. Deleting only the missing ids does not work: Chroma fails to
    apply a delete of an id its HNSW index lacks."""
    collection, lost = index.collection, set(missing)
    got = get_every(collection)
    present = [i for i in got["ids"] if i not in lost]
    vectors: dict[str, list[float]] = {}
    for i in range(0, len(present), batch):
        part = collection.get(ids=present[i : i + batch], include=["embeddings"])
        vectors.update(zip(part["ids"], (list(map(float, v)) for v in part["embeddings"])))
    texts = dict(zip(got["ids"], got["documents"]))
    lost_ids = [i for i in got["ids"] if i in lost]
    vectors.update(zip(lost_ids, index.vectorstore.embeddings.embed_documents([texts[i] for i in lost_ids])))
    replace_collection(index, got, [vectors[i] for i in got["ids"]])


def replace_collection(index: NoteIndex, got: dict, vectors: list[list[float]], batch: int = 1000) -> None:
    """Drop the collection and write ``got`` (Chroma's ``get`` of ids, documents and
    metadatas) into a new one of the same configuration, with ``vectors`` in the same order."""
    collection = index.collection
    name, hnsw = collection.name, dict(collection.configuration["hnsw"])
    client = index.vectorstore._client
    client.delete_collection(name)
    fresh = client.create_collection(name, configuration={"hnsw": hnsw})
    for i in range(0, len(got["ids"]), batch):
        end = i + batch
        fresh.add(ids=got["ids"][i:end], embeddings=vectors[i:end], documents=got["documents"][i:end], metadatas=got["metadatas"][i:end])


def repair(index: NoteIndex, checkup: Checkup) -> list[str]:
    """Fix every finding of ``checkup`` from the authoritative copy; what was done, in words.
    A rebuilt collection needs the caller to reopen its client."""
    done: list[str] = []
    kinds = {f.kind: list(f.ids) for f in checkup.findings}
    if kinds.get("hnsw_missing"):
        rebuild_vectors(index, kinds["hnsw_missing"])
        done.append(f"rebuilt the vector index: {len(kinds['hnsw_missing'])} chunks were missing from it")
        return done  # the collection was replaced: the caller reopens it and checks again
    if kinds.get("unrecorded_vectors"):
        index.vectorstore.delete(kinds["unrecorded_vectors"])
        done.append(f"dropped {len(kinds['unrecorded_vectors'])} vectors without records (ingest their notes again)")
    if kinds.get("records_without_chunks"):
        index.records.delete_keys(kinds["records_without_chunks"])
        done.append(f"dropped {len(kinds['records_without_chunks'])} records of lost chunks (the next ingest writes them again)")
    if kinds.get("lexical_missing") or kinds.get("lexical_extra") or kinds.get("unrecorded_vectors"):
        added, removed = index.lexical.sync_from(index.collection)
        done.append(f"re-derived the lexical index from Chroma: {added} rows added, {removed} removed")
    return done
