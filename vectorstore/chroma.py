"""Open the Chroma collection: embedded on disk by default, Chroma's own server when a host is set."""

from __future__ import annotations

from pathlib import Path

import chromadb
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings


def chroma_client(store_dir: Path, host: str | None = None, port: int = 8000) -> chromadb.ClientAPI:
    """``HttpClient`` for a running ``chroma run`` server, else a ``PersistentClient`` in ``store_dir``."""
    settings = chromadb.Settings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    path = Path(store_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def open_chroma(client: chromadb.ClientAPI, collection: str, embeddings: Embeddings, ef_search: int) -> Chroma:
    """The LangChain view of the collection, cosine space. The embedding function is always
    passed: Chroma's own default embedder would try to download a model."""
    return Chroma(
        client=client,
        collection_name=collection,
        embedding_function=embeddings,
        collection_configuration={"hnsw": {"space": "cosine", "ef_search": ef_search}},
    )


# Rows per ``get``: chromadb's embedded store fails a get of more than ~32,000 rows with documents
# or metadatas ("too many SQL variables", SQLite's bound-parameter limit), ~10,000 notes' worth.
GET_PAGE = 10_000


def get_every(collection, where: dict | None = None, include: tuple[str, ...] = ("documents", "metadatas")) -> dict[str, list]:
    """``collection.get(where=..., include=...)`` of every matching row, ``GET_PAGE`` rows at a
    time (callers hold the store's read or commit lock, so no write moves rows between pages)."""
    got: dict[str, list] = {key: [] for key in ("ids", *include)}
    while True:
        page = collection.get(where=where, include=list(include), limit=GET_PAGE, offset=len(got["ids"]))
        for key in got:
            got[key] += page[key]
        if len(page["ids"]) < GET_PAGE:
            return got


def forget_client(store_dir: Path, host: str | None = None) -> None:
    """Make the next ``chroma_client`` for ``store_dir`` open the data afresh.

    chromadb caches one ``System`` (with its in-memory HNSW index) per path for the life of
    the process (``SharedSystemClient``), so a new ``PersistentClient`` alone would still see
    what this process loaded before another process wrote. Only this path's entry is dropped
    (``clear_system_cache`` would drop every store's); collections opened before keep their
    own system. Server clients hold no such cache.
    """
    if host:
        return
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(Path(store_dir) / "chroma")
    with SharedSystemClient._refcount_lock:
        SharedSystemClient._identifier_to_system.pop(key, None)
        SharedSystemClient._identifier_to_refcount.pop(key, None)
