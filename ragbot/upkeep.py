"""Keeping a store sound: the check ingest runs before writing, ``ragbot doctor`` and
``ragbot reembed``, and the version record written after every ingest."""

from __future__ import annotations

from ragbot.store import StoreAccess
from vectorstore import NoteIndex
from vectorstore.chroma import get_every
from vectorstore.doctor import Checkup, diagnose, repair, replace_collection, stored_dimension
from vectorstore.versioning import STORE_SCHEMA, StoreVersion, upgrade_notice

SEED_BATCH = 1000  # chunks per read when filling the embedding cache from an older store


def prepare_write(store: StoreAccess, index: NoteIndex) -> tuple[NoteIndex, list[str]]:
    """Before an ingest writes (writer lock held): refuse another model's store, fill the
    embedding cache from a store written before it existed, and check and repair the copies.
    Returns the index to write with (reopened if the vector index was rebuilt) and notices."""
    before = store.versions.check(store.settings.embedding_model)
    notices: list[str] = []
    notice = upgrade_notice(before, index.collection.count())
    if notice:
        seeded = seed_cache(store, index) if before is None else 0  # older stores had no cache
        notices.append(notice + (f" ({seeded} vectors kept)" if seeded else ""))
    checkup, index = check(store, index, fix=True)
    notices += [f"store check: {f.message}: {len(f.ids)}" for f in checkup.findings]
    notices += [f"store repair: {done}" for done in checkup.repaired]
    return index, notices


def check(store: StoreAccess, index: NoteIndex, fix: bool) -> tuple[Checkup, NoteIndex]:
    """``diagnose`` the store and, with ``fix``, repair it (writer lock held). Returns the
    first diagnosis with what was repaired, and the index to go on with."""
    checkup = current = diagnose(index)
    for _ in range(2 if fix else 0):  # a vector-index rebuild first, then records and lexical rows
        if current.ok:
            break
        with store.locks.committing():
            checkup.repaired += repair(index, current)
        index = store.reopen()
        current = diagnose(index)
    return checkup, index


def seed_cache(store: StoreAccess, index: NoteIndex) -> int:
    """Put the vectors Chroma holds into the embedding cache (keyed by their text), so the
    re-indexing an upgrade brings embeds nothing that is already embedded."""
    ids = index.collection.get(include=[])["ids"]
    seeded = 0
    for i in range(0, len(ids), SEED_BATCH):
        try:
            got = index.collection.get(ids=ids[i : i + SEED_BATCH], include=["documents", "embeddings"])
        except Exception:  # chromadb fails a batch with a vector its HNSW index lost; doctor rebuilds those
            continue
        pairs = [(text, [float(x) for x in vector]) for text, vector in zip(got["documents"], got["embeddings"])]
        store.embeddings.document_embedding_store.mset(pairs)
        seeded += len(pairs)
    return seeded


def record_version(store: StoreAccess, index: NoteIndex) -> None:
    """Write the store's schema and embedding model (dimension once anything is embedded)."""
    dimension = stored_dimension(index)
    store.versions.write(StoreVersion(STORE_SCHEMA, store.settings.embedding_model, dimension))


def reembed(store: StoreAccess, wait: bool = True) -> int:
    """Embed every chunk again with the configured model (after a model change), keeping ids,
    text, metadata, records and the lexical index; returns the number of chunks."""
    with store.locks.writing(wait):
        index = store.reopen(check_model=False)
        got = get_every(index.collection)
        vectors = store.embeddings.embed_documents(got["documents"])
        with store.locks.committing():
            replace_collection(index, got, vectors)
        index = store.reopen(check_model=False)
        record_version(store, index)
    return len(got["ids"])
