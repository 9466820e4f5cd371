"""Hybrid retrieval: dense (Chroma) and lexical (FTS5 BM25) results fused by reciprocal rank,
restricted to the question's tickers, with at most a few chunks per note."""

from __future__ import annotations

from collections import Counter

import numpy as np

from langchain_chroma import Chroma
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from ingest import split_sentences
from ragbot.answering.candidates import is_list_item
from vectorstore import LexicalIndex

_RETRIEVER_SCORES = ("dense_score", "lexical_score")
RRF_K = 60  # the constant from Cormack et al. (2009); fusion is insensitive to it


def ticker_filter(tickers: list[str], field: str = "about") -> dict | None:
    """Chroma ``where`` clause: chunks whose ``field`` (default: the tickers a chunk can answer
    for) holds any of ``tickers``. ``field="tickers"`` matches every chunk of a mentioning note."""
    clauses = [{field: {"$contains": t}} for t in tickers]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$or": clauses}


def reciprocal_rank_fusion(rankings: list[list[Document]]) -> list[Document]:
    """Fuse ranked lists by summed 1/(RRF_K + rank); the fused score goes in ``metadata["score"]``.

    Written out rather than using ``EnsembleRetriever`` (langchain-classic), which fuses the same
    way but drops the per-retriever scores that the relevance floor and the UI show.
    """
    fused: dict[str, Document] = {}
    scores: Counter[str] = Counter()
    for ranking in rankings:
        for rank, doc in enumerate(ranking):
            scores[doc.id] += 1.0 / (RRF_K + rank + 1)
            kept = fused.setdefault(doc.id, doc)
            kept.metadata.update({k: doc.metadata[k] for k in _RETRIEVER_SCORES if k in doc.metadata})
    ordered = sorted(fused.values(), key=lambda d: scores[d.id], reverse=True)
    for doc in ordered:
        doc.metadata["score"] = scores[doc.id]
    return ordered


def cap_per_note(documents: list[Document], per_note: int, limit: int, keep: frozenset[str] = frozenset()) -> list[Document]:
    """The first ``limit`` documents, taking at most ``per_note`` chunks of any one note
    while others are left; further chunks of the same notes fill the slots still free. The
    documents whose ids are in ``keep`` are taken whatever their note's count or their place."""
    taken: Counter[str] = Counter()
    diverse, rest = [], []
    for doc in documents:
        taken[doc.metadata["source"]] += 1
        (diverse if taken[doc.metadata["source"]] <= per_note or doc.id in keep else rest).append(doc)
    ordered = diverse + rest
    kept = [d for d in ordered if d.id in keep][:limit]
    others = [d for d in ordered if d.id not in keep][: limit - len(kept)]
    chosen = {id(d) for d in kept + others}
    return [d for d in ordered if id(d) in chosen]


def interleave(rankings: list[list[Document]]) -> list[Document]:
    """Round-robin over ranked lists, dropping repeats."""
    merged: dict[str, Document] = {}
    for rank in range(max(map(len, rankings), default=0)):
        for ranking in rankings:
            if rank < len(ranking):
                merged.setdefault(ranking[rank].id, ranking[rank])
    return list(merged.values())


class HybridRetriever(BaseRetriever):
    """A LangChain retriever: ``invoke(query, tickers=[...])`` returns fused chunks.

    Each document carries ``score`` (fused), ``dense_score`` (cosine similarity) and, when
    BM25 found it, ``lexical_score`` in its metadata.
    """

    vectorstore: Chroma
    lexical: LexicalIndex
    candidates: int = 20
    per_note: int = 3
    limit: int = 12

    def dense(self, query: str, tickers: list[str], k: int) -> list[Document]:
        """Nearest chunks by cosine similarity (``dense_score``)."""
        return self._nearest(self.vectorstore.embeddings.embed_query(query), tickers, k)

    def _nearest(self, vector: list[float], tickers: list[str], k: int) -> list[Document]:
        # (despite its name, langchain-chroma's method returns Chroma's distances, as similarity_search_with_score does)
        hits = self.vectorstore.similarity_search_by_vector_with_relevance_scores(vector, k=k, filter=ticker_filter(tickers))
        for doc, distance in hits:
            doc.metadata["dense_score"] = 1.0 - float(distance)  # cosine distance -> similarity
        return [doc for doc, _ in hits]

    def _score_dense(self, vector: list[float], documents: list[Document]) -> None:
        """Give ``documents`` (found by BM25 alone) their cosine similarity to the query as
        ``dense_score``: that they were not among the nearest few says little of how near they are."""
        if not documents:
            return
        got = self.vectorstore.get(ids=[d.id for d in documents], include=["embeddings"])
        query = np.asarray(vector, dtype=float)
        similarity = {i: float(np.dot(e, query) / (np.linalg.norm(e) * np.linalg.norm(query) or 1.0)) for i, e in zip(got["ids"], got["embeddings"])}
        for doc in documents:
            if doc.id in similarity:
                doc.metadata["dense_score"] = similarity[doc.id]

    def lexical_search(self, query: str, tickers: list[str], k: int) -> list[Document]:
        """Best BM25 chunks (``lexical_score``)."""
        hits = self.lexical.search(query, k=k, tickers=tickers)
        for doc, score in hits:
            doc.metadata["lexical_score"] = float(score)
        return [doc for doc, _ in hits]

    def fused(self, query: str, tickers: list[str], vector: list[float] | None = None) -> tuple[list[Document], frozenset[str]]:
        """Dense and lexical results for ``tickers`` (any of them), fused, and the ids of each
        retriever's best chunk; ``vector``: the query's embedding, when already computed."""
        vector = vector if vector is not None else self.vectorstore.embeddings.embed_query(query)
        rankings = [self._nearest(vector, tickers, self.candidates), self.lexical_search(query, tickers, self.candidates)]
        near = {d.id for d in rankings[0]}
        self._score_dense(vector, [d for d in rankings[1] if d.id not in near])
        return reciprocal_rank_fusion(rankings), frozenset(ranking[0].id for ranking in rankings if ranking)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, tickers: list[str] | None = None
    ) -> list[Document]:
        """At most ``per_note`` chunks of a note among the first ``limit`` (``cap_per_note``), but
        each retriever's best chunk kept: a table row only BM25 finds ("research and development")
        is not crowded out by chunks both retrievers rank lower, of a note already taken."""
        tickers = tickers or []
        if len(tickers) < 2:
            documents, best = self.fused(query, tickers)
            return self.continue_lists(cap_per_note(documents, self.per_note, self.limit, best))
        # One search per company, interleaved, so a comparison gets evidence for each side.
        vector = self.vectorstore.embeddings.embed_query(query)  # (once, for every company's search)
        searches = [self.fused(query, [t], vector) for t in tickers]
        best = frozenset().union(*(b for _, b in searches))
        per_ticker = [cap_per_note(documents, self.per_note, self.limit, best) for documents, _ in searches]
        return self.continue_lists(cap_per_note(interleave(per_ticker), self.per_note, self.limit, best))

    def continue_lists(self, documents: list[Document]) -> list[Document]:
        """``documents``, each followed by the next chunk of its note wherever its last sentence
        is a list item ("First, export controls: ...") and the list goes on there: a list of
        risks split between two chunks is read whole. The next chunk takes its predecessor's
        scores, since it is retrieved as its continuation."""
        have = {d.id for d in documents}
        continued = []
        for doc in documents:
            continued.append(doc)
            sentences = split_sentences(doc.page_content)
            if not sentences or not is_list_item(sentences[-1].text):
                continue
            where = {"$and": [{"source": doc.metadata["source"]}, {"chunk_index": doc.metadata["chunk_index"] + 1}]}
            got = self.vectorstore.get(where=where, include=["documents", "metadatas"])
            for id_, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                if id_ not in have and any(is_list_item(s.text) for s in split_sentences(text)):
                    have.add(id_)
                    scores = {k: doc.metadata[k] for k in ("score", *_RETRIEVER_SCORES) if k in doc.metadata}
                    continued.append(Document(id=id_, page_content=text, metadata={**meta, **scores}))
        return continued
