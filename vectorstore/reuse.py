"""Reuse the stored vectors of notes that are about to be removed, for chunks that reappear
with the same text under another source: a moved or renamed file is not embedded again.

The indexing API keys chunks by a hash of text *and* metadata, so a chunk whose ``source``
changed is new to it; only the embedding call can be skipped, which is what this does.
"""

from __future__ import annotations

from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings


class ReusedEmbeddings(Embeddings):
    """``base`` embeddings, except for texts whose vector is already known."""

    def __init__(self, base: Embeddings, known: dict[str, list[float]]):
        self.base = base
        self.known = known
        self.reused = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self.known))
        fresh = dict(zip(missing, self.base.embed_documents(missing))) if missing else {}
        self.reused += len(texts) - sum(1 for t in texts if t in fresh)
        return [self.known[t] if t in self.known else fresh[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.base.embed_query(text)


def stored_vectors(vectorstore: Chroma, sources: list[str]) -> dict[str, list[float]]:
    """Text -> stored vector of every chunk of ``sources``."""
    if not sources:
        return {}
    got = vectorstore._collection.get(where={"source": {"$in": sources}}, include=["documents", "embeddings"])
    return {text: list(vector) for text, vector in zip(got["documents"], got["embeddings"])}


def reusing(vectorstore: Chroma, known: dict[str, list[float]]) -> Chroma:
    """The same collection, written through embeddings that reuse ``known`` vectors."""
    if not known:
        return vectorstore
    return Chroma(
        client=vectorstore._client,
        collection_name=vectorstore._collection.name,
        embedding_function=ReusedEmbeddings(vectorstore.embeddings, known),
        create_collection_if_not_exists=False,
    )
