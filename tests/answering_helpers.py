"""Building blocks for the answering stages' fast tests: passages as Chroma returns them, a
routed question, and a deterministic stand-in for the cross-encoder."""

from __future__ import annotations

from langchain_core.documents import Document

from ingest.words import query_terms
from ragbot.rerank import Reranker
from ragbot.routing import Question


class SharedWordsReranker(Reranker):
    """score = number of content words a text shares with the query; counts what it reads."""

    def __init__(self):
        self.read: list[str] = []

    def score(self, query: str, texts: list[str]) -> list[float]:
        self.read += texts
        asked = set(query_terms(query))
        return [float(len(asked & set(query_terms(t)))) for t in texts]


def passage(text: str, source: str = "a.txt", start: int = 0, id_: str | None = None, **metadata) -> Document:
    """A retrieved chunk of ``source`` starting at ``start`` in its note."""
    meta = {"source": source, "start": start, "title": "", **metadata}
    return Document(id=id_ or f"{source}#{start}", page_content=text, metadata=meta)


def question(topic: str, tickers: list[str] | None = None, **fields) -> Question:
    """A routed question whose text and topic are ``topic``."""
    return Question(text=fields.pop("text", topic), tickers=tickers or [], topic=topic, search_text=topic, **fields)
