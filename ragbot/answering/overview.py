"""An overview, for a question that asks what the notes say and nothing narrower ("tell me about
Tesla", "any news on Alibaba?", "Alibaba vs JD", "what's new?"; ``Question.asks_overview``): the
opening sentences of the newest notes about them (about anything, when no company is named). A
note opens with its news, what it says first; no relevance model can rank sentences against a
question with no topic, so none is asked, and the answer is the same whichever words ask for it."""

from __future__ import annotations

from langchain_core.documents import Document

from ragbot.answering.candidates import Candidate

RULE = "an overview (the question asks what the notes say and nothing narrower): opening sentences of the newest notes about what it names"


def newest_about(first_chunks: list[Document], tickers: list[str]) -> list[Document]:
    """The first chunks of the notes about any of ``tickers`` (their Ticker Sentiment or front
    matter's subjects, not a passing mention; every note if none is asked): notes about all of
    them first, then newest first."""
    asked = set(tickers)
    about = [d for d in first_chunks if not asked or asked & set(d.metadata.get("primary_tickers") or [])]
    newest = sorted(about, key=lambda d: str(d.metadata.get("date") or ""), reverse=True)
    return sorted(newest, key=lambda d: not asked <= set(d.metadata.get("primary_tickers") or []))


def openings(pool: list[Candidate], limit: int) -> list[Candidate]:
    """Up to ``limit`` sentences: each note's first (in ``pool``'s note order), then each one's
    second, and so on, so that more notes speak before any says more."""
    by_note: dict[str, list[Candidate]] = {}
    for c in pool:
        by_note.setdefault(c.source, []).append(c)
    for sentences in by_note.values():
        sentences.sort(key=lambda c: c.sentence.start)
    depth = max((len(s) for s in by_note.values()), default=0)
    ordered = [sentences[i] for i in range(depth) for sentences in by_note.values() if i < len(sentences)]
    return ordered[:limit]
