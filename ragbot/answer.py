"""The answer types every answerer returns, and the ``Answerer`` interface."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from langchain_core.documents import Document

from ingest.chunking import page_of
from ragbot.routing import Question

if TYPE_CHECKING:
    from ragbot.answering.trace import AnswerTrace


def is_about(metadata: dict, tickers: list[str]) -> bool:
    """Whether a chunk's note is mainly about any of ``tickers`` (listed in its Ticker
    Sentiment, or its first-named company when it lists none); passing mentions do not count."""
    return any(t in (metadata.get("primary_tickers") or []) for t in tickers)


def asked_share(metadata: dict, tickers: list[str]) -> float:
    """The share of a chunk's note's main companies that are among ``tickers`` (0..1): 1 a note
    about asked companies only, 0.5 a note comparing an asked company with another, 0 a passing
    mention or no company asked. A note on one company says more of it than one it shares."""
    primary = set(metadata.get("primary_tickers") or [])
    return len(primary & set(tickers)) / len(primary) if primary and tickers else 0.0


@dataclass
class Citation:
    """What marker ``[n]`` points to: a passage of a note and the cited sentence's span in the note."""

    n: int
    source: str
    tickers: list[str]
    sentiment_label: str | None
    sentiment_score: float | None
    date: str | None
    text: str  # the passage (chunk) the sentence came from
    start: int  # the cited sentence's offsets into the note text
    end: int
    score: float
    sentence: str
    passage_start: int  # the passage's offset into the note text
    page: int | None = None  # the cited sentence's page, for paged formats (PDF)
    support_start: int | None = None  # generated answers: the supporting sentence's offsets in the note
    support_end: int | None = None

    @classmethod
    def from_passage(cls, n: int, passage: Document, start: int, end: int, score: float) -> "Citation":
        """Cite ``note[start:end]``, which lies inside ``passage``."""
        meta = passage.metadata
        offset = meta.get("start", 0)
        return cls(
            n=n,
            source=meta["source"],
            tickers=list(meta.get("tickers") or []),
            sentiment_label=meta.get("sentiment_label"),
            sentiment_score=meta.get("sentiment_score"),
            date=meta.get("date"),
            text=passage.page_content,
            start=start,
            end=end,
            score=round(float(score), 4),
            sentence=passage.page_content[start - offset : end - offset],
            passage_start=offset,
            page=page_of(meta, start),
        )

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class AnswerSentence:
    """A generated sentence as written (markers included), whether the verifier accepted it,
    the markers it cites, and why it was rejected (empty when verified)."""

    text: str
    verified: bool
    citations: tuple[int, ...] = ()
    reason: str = ""

    def to_json(self) -> dict:
        return {"text": self.text, "verified": self.verified, "citations": list(self.citations), "reason": self.reason}


@dataclass
class Answer:
    """An answer whose every sentence ends with ``[n]`` markers that index ``citations``.

    When ``found`` is false the text says so, and ``related`` lists the closest passages.
    """

    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    answerer: str = "extractive"  # or "generative": who wrote the text
    sentences: list[AnswerSentence] = field(default_factory=list)  # generated sentences, unverified ones too
    notices: list[str] = field(default_factory=list)  # lines for the user: the question was cut, the LLM failed...
    trace: AnswerTrace | None = None  # why: each candidate sentence's features and fate (``ragbot ask --explain``)

    def to_json(self, trace: bool = False) -> dict:
        """The shape ``ragbot ask --json`` prints; with ``trace`` (``--explain``) also the trace, if kept."""
        shape = {
            "answer": self.text,
            "found": self.found,
            "tickers": self.tickers,
            "citations": [c.to_json() for c in self.citations],
            "related": [c.to_json() for c in self.related],
            "answerer": self.answerer,
            "sentences": [s.to_json() for s in self.sentences],
            "notices": self.notices,
        }
        if trace and self.trace is not None:
            shape["trace"] = self.trace.to_json()
        return shape


class Answerer(ABC):
    """Turns a question and its retrieved passages into a cited ``Answer``.

    Implement ``answer``. The default is extractive (``ExtractiveAnswerer``); an LLM-backed
    answerer plugs in here without touching retrieval.
    """

    def warm_up(self) -> None:
        """Load heavy models; called once before the first answer."""

    @abstractmethod
    def answer(self, question: Question, passages: list[Document]) -> Answer:
        """Answer ``question`` from ``passages`` (best first, scores in ``metadata["score"]``)."""

    def stream(self, question: Question, passages: list[Document], history: list[dict] | None = None) -> Iterator[Answer]:
        """The answer as it grows, the whole answer last; answerers that compose at once yield it once."""
        yield self.answer(question, passages)
