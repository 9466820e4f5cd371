"""Answer "what's the sentiment on X?" from the notes' sentiment metadata, not from prose."""

from __future__ import annotations

import json
from dataclasses import dataclass

from langchain_core.documents import Document

from ingest import split_sentences
from ragbot.answer import Answer, Answerer, Citation, is_about
from ragbot.routing import Question

_NEWEST = 6


@dataclass
class NoteSentiment:
    """One note's sentiment on the asked-about companies."""

    passage: Document  # the note's first chunk
    score: float
    label: str | None
    date: str | None
    for_tickers: bool = False  # the score is the note's Ticker Sentiment for the asked companies


def note_sentiment(passage: Document, tickers: list[str]) -> NoteSentiment | None:
    """The note's score for ``tickers`` (their Ticker Sentiment, else the overall score)."""
    meta = passage.metadata
    scores = json.loads(meta.get("ticker_scores") or "{}")
    own = [scores[t] for t in tickers if t in scores]
    if own:  # the note's score for these companies; its overall label may not fit it
        score = sum(own) / len(own)
        return NoteSentiment(passage, score, describe(score), meta.get("date"), for_tickers=True)
    if meta.get("sentiment_score") is None:
        return None
    return NoteSentiment(passage, float(meta["sentiment_score"]), meta.get("sentiment_label"), meta.get("date"))


def describe(score: float) -> str:
    """A label for an average score, on the notes' own five-step scale."""
    for bound, label in ((0.5, "strongly positive"), (0.15, "mildly positive"), (-0.15, "neutral"), (-0.5, "mildly negative")):
        if score >= bound:
            return label
    return "strongly negative"


def score_text(item: NoteSentiment, subject: str) -> str:
    """ "TSLA +0.20; note overall +0.18": which score it is, since the citation shows the note's."""
    overall = item.passage.metadata.get("sentiment_score")
    if not item.for_tickers:
        return f"note overall {item.score:+.2f}"
    return f"{subject} {item.score:+.2f}" + (f"; note overall {overall:+.2f}" if overall is not None else "")


def _first_sentence_citation(n: int, item: NoteSentiment) -> Citation:
    passage = item.passage
    sentences = split_sentences(passage.page_content, offset=passage.metadata.get("start", 0))
    start, end = (sentences[0].start, sentences[0].end) if sentences else (0, 0)
    return Citation.from_passage(n, passage, start, end, item.score)


class SentimentAnswerer(Answerer):
    """Lists the matching notes' sentiment, newest first, with their average; each note cited.
    ``passages`` are the first chunks of the candidate notes."""

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        relevant = [p for p in passages if not question.tickers or is_about(p.metadata, question.tickers)]
        items = [s for p in relevant if (s := note_sentiment(p, question.tickers))]
        if not items:
            return Answer("I couldn't find sentiment on this in your notes.", False, [], question.tickers)
        items.sort(key=lambda s: s.date or "", reverse=True)
        average = sum(s.score for s in items) / len(items)
        subject = ", ".join(question.tickers) if question.tickers else "your notes"
        shown = items[:_NEWEST]
        lines = [f"Across {len(items)} note{'s' * (len(items) > 1)}, sentiment on {subject} averages {average:+.2f} ({describe(average)})."]
        citations = [_first_sentence_citation(n, s) for n, s in enumerate(shown, start=1)]
        lines[0] = lines[0][:-1] + " " + "".join(f"[{c.n}]" for c in citations) + "."
        for citation, item in zip(citations, shown):
            lines.append(f"{item.date or 'undated'}: {item.label or describe(item.score)} ({score_text(item, subject)}), {citation.source} [{citation.n}].")
        return Answer(" ".join(lines), True, citations, question.tickers)
