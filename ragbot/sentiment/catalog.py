"""The notes' sentiment and dates as typed records: what every sentiment figure is computed from."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from math import isclose
from pathlib import PurePath

from langchain_core.documents import Document

from ingest.prose import prose_sentences
from ingest.tickers import lower_bigrams, lower_words
from ragbot.evidence import stem, stems
from ragbot.periods import ReportingPeriod, matching, reporting_periods
from ragbot.windows import Window
from vectorstore.embeddings import bundled_words

_LABELS = ((0.5, "strongly positive"), (0.15, "mildly positive"), (-0.15, "neutral"), (-0.5, "mildly negative"))


FAMILY_LETTERS = 5  # stems sharing this many first letters or more are one word's ("brazil", "brazilian")


def word_family(word_stem: str, vocabulary: tuple[str, ...]) -> frozenset[str]:
    """The stems of ``vocabulary`` (sorted) that are ``word_stem`` or, when both have
    ``FAMILY_LETTERS`` letters or more, begin with it or begin it ("brazil" and "brazilian"; not
    "mine" and "miner"); found by bisection, as a catalog's vocabulary holds thousands of stems."""
    def held(stem_: str) -> bool:
        at = bisect_left(vocabulary, stem_)
        return at < len(vocabulary) and vocabulary[at] == stem_
    family = {word_stem} if held(word_stem) else set()
    if len(word_stem) >= FAMILY_LETTERS:
        at = bisect_left(vocabulary, word_stem)
        while at < len(vocabulary) and vocabulary[at].startswith(word_stem):
            family.add(vocabulary[at])
            at += 1
        family |= {word_stem[:n] for n in range(FAMILY_LETTERS, len(word_stem)) if held(word_stem[:n])}
    return frozenset(family)


def describe(score: float) -> str:
    """A label for a score, on the notes' own five-step scale (>= 0.5 strongly positive, >= 0.15
    mildly positive, > -0.15 neutral, > -0.5 mildly negative, else strongly negative)."""
    for bound, label in _LABELS:
        if score >= bound:
            return label
    return "strongly negative"


def polarity(label: str) -> str:
    """ "positive", "negative" or "neutral" for a five-step label ("mildly negative" -> "negative")."""
    return next((p for p in ("positive", "negative") if p in label), "neutral")


def opening(chunks: list[Document]) -> Document | None:
    """The chunk a note's record reads (what it is about, what citations quote): its first, or
    its second when the first holds no prose sentence (a Markdown note whose first chunk is only
    its ``# heading`` and ``Date:`` line); None without a first chunk."""
    ordered = sorted(chunks, key=lambda c: c.metadata.get("chunk_index", 0))
    if not ordered or ordered[0].metadata.get("chunk_index", 0) != 0:
        return None
    return next((c for c in ordered if prose_sentences(c.page_content)), ordered[0])


@dataclass(frozen=True)
class NoteRecord:
    """One note: its date, overall and per-ticker scores, and its first chunk (what citations quote)."""

    source: str
    title: str
    day: date | None
    date_source: str | None
    label: str | None
    score: float | None
    ticker_scores: dict[str, float]
    primary: tuple[str, ...]
    passage: Document = field(repr=False, compare=False)

    @classmethod
    def from_passage(cls, passage: Document) -> "NoteRecord":
        meta = passage.metadata
        try:
            day = date.fromisoformat(meta["date"]) if meta.get("date") else None
        except ValueError:
            day = None
        score = meta.get("sentiment_score")
        return cls(
            source=meta["source"],
            title=meta.get("title") or meta["source"],
            day=day,
            date_source=meta.get("date_source"),
            label=meta.get("sentiment_label"),
            score=None if score is None else float(score),
            ticker_scores=json.loads(meta.get("ticker_scores") or "{}"),
            primary=tuple(meta.get("primary_tickers") or ()),
            passage=passage,
        )

    def is_about(self, ticker: str) -> bool:
        return ticker in self.primary

    @cached_property
    def first_sentence(self) -> tuple[int, int]:
        """The note offsets of the first chunk's first prose sentence (never its ``Date:`` line
        or front matter): what citations of the note quote (computed once per note; answers over
        thousands of notes cite many)."""
        sentences = prose_sentences(self.passage.page_content, offset=self.passage.metadata.get("start", 0))
        return (sentences[0].start, sentences[0].end) if sentences else (0, 0)

    @cached_property
    def name_words(self) -> str:
        """The words of the note's file name, dates and extension left out: a writer names a note
        by its subject ("2026-07-08-acme-plant-expansion.md": "acme plant expansion")."""
        stem = PurePath(self.source).name.rsplit(".", 1)[0]
        return " ".join(w for w in re.split(r"[\W_]+", stem) if w and not w.isdigit())

    @cached_property
    def head_stems(self) -> set[str]:
        """Word stems of the title, file name and first chunk, for matching a question to a note without retrieval."""
        return stems(f"{self.title} {self.name_words} {self.passage.page_content}")

    @cached_property
    def lead(self) -> str:
        """The title and first sentence: what the note is about."""
        offset = self.passage.metadata.get("start", 0)
        start, end = self.first_sentence
        return f"{self.title}\n{self.passage.page_content[start - offset:end - offset]}"

    @cached_property
    def lead_stems(self) -> set[str]:
        """Word stems of the title, file name and first sentence: what the note is about, rather
        than what it mentions on the way (a later note's "after the clinical hold in June")."""
        return stems(f"{self.lead} {self.name_words}")

    @cached_property
    def head_periods(self) -> frozenset[ReportingPeriod]:
        """The reporting periods the title and first chunk state, a quarter without a year read
        as the latest one ended by the note's date ("fourth-quarter revenue" in January 2026: Q4 2025)."""
        return reporting_periods(f"{self.title}\n{self.passage.page_content}", self.day)

    @cached_property
    def lead_periods(self) -> frozenset[ReportingPeriod]:
        """The reporting periods the title and first sentence state: what the note reports on,
        rather than the periods it compares with ("up from 41.5% in the third quarter")."""
        offset = self.passage.metadata.get("start", 0)
        start, end = self.first_sentence
        return reporting_periods(f"{self.title}\n{self.passage.page_content[start - offset:end - offset]}", self.day)

    def score_for(self, ticker: str | None) -> float | None:
        """The note's score on ``ticker``: its Ticker Sentiment line, else (for a note about the
        ticker) its overall score; the overall score when ``ticker`` is None."""
        if ticker is None:
            return self.score
        if ticker in self.ticker_scores:
            return self.ticker_scores[ticker]
        return self.score if self.is_about(ticker) else None

    def uses_ticker_score(self, ticker: str | None) -> bool:
        return ticker is not None and ticker in self.ticker_scores

    def label_for(self, ticker: str | None) -> str | None:
        """The note's own label for its overall score, and for a ticker score equal to it (the
        note's scale names that score); a label from ``describe``'s scale for another ticker score."""
        if self.uses_ticker_score(ticker) and not (self.label and self.score is not None and isclose(self.ticker_scores[ticker], self.score)):
            return describe(self.ticker_scores[ticker])
        return self.label or (describe(self.score) if self.score is not None else None)


@dataclass(frozen=True)
class NoteCatalog:
    """Every note's record, read once from the notes' first chunks."""

    records: tuple[NoteRecord, ...]

    @classmethod
    def from_passages(cls, passages: Iterable[Document]) -> "NoteCatalog":
        """One record a note, read from its opening chunk (``opening``) among ``passages``."""
        heads: dict[str, list[Document]] = {}
        for passage in passages:
            if passage.metadata.get("chunk_index", 0) <= 1:
                heads.setdefault(passage.metadata["source"], []).append(passage)
        openings = (opening(chunks) for chunks in heads.values())
        return cls(tuple(NoteRecord.from_passage(head) for head in openings if head is not None))

    @cached_property
    def by_ticker(self) -> dict[str, tuple[NoteRecord, ...]]:
        """The notes about each ticker (so a query reads only its companies' notes)."""
        index: dict[str, list[NoteRecord]] = {}
        for record in self.records:
            for ticker in record.primary:
                index.setdefault(ticker, []).append(record)
        return {t: tuple(v) for t, v in index.items()}

    def about(self, tickers: Iterable[str] | None = None, window: Window | None = None) -> list[NoteRecord]:
        """Notes about any of ``tickers`` (all notes if none) dated inside ``window`` (any date if none)."""
        wanted = list(tickers or ())
        pool = self.records if not wanted else {r.source: r for t in wanted for r in self.by_ticker.get(t, ())}.values()
        return [r for r in pool if window is None or window.contains(r.day)]

    def discussing(self, periods: Iterable[ReportingPeriod], tickers: Iterable[str] | None = None, any_year: bool = False) -> "NoteCatalog":
        """The notes (about any of ``tickers``, if given) whose title or first chunk states one of
        ``periods`` (``head_periods``; in any year with ``any_year``, ``ragbot.periods.matching``)."""
        wanted = set(periods)
        return NoteCatalog(tuple(r for r in self.about(tickers) if matching(wanted, r.head_periods, any_year)))

    @cached_property
    def text(self) -> str:
        """Every note's title and first chunk, joined (read once per catalog)."""
        return "\n".join(f"{r.title}\n{r.passage.page_content}" for r in self.records)

    def names(self, phrase: str) -> bool:
        """Whether ``phrase`` names something: the notes write it, or one of its words is no word
        of the bundled model's vocabulary ("Zorblax")."""
        return phrase in self.text or any(w.lower() not in bundled_words() for w in phrase.split())

    def proper_name(self, word: str, english: bool = False) -> bool:
        """Whether the notes write ``word`` only capitalised ("Pennon"): a name, not a word; for an
        ``english`` word, only when they also write it so inside a sentence, after a lower-case
        word ("rivals such as Carnival"), not only where a sentence starts."""
        if not self.writes(word) or word.lower() in self.lower_words:
            return False
        return not english or word.capitalize() in self.named_in_sentences

    @cached_property
    def named_in_sentences(self) -> set[str]:
        """The capitalised words the notes write right after a lower-case word ("such as Carnival"):
        names, not words capitalised because a sentence starts with them (read once per catalog)."""
        return set(re.findall(r"\b[a-z]+[,;:]?\s+([A-Z]\w*)", self.text))

    @cached_property
    def lower_words(self) -> set[str]:
        return lower_words(self.text)

    @cached_property
    def lower_pairs(self) -> set[str]:
        """Pairs of words the notes write side by side in lower case (``tickers.lower_bigrams``)."""
        return lower_bigrams(self.text)

    @cached_property
    def head_vocabulary(self) -> tuple[str, ...]:
        """Every word stem of the notes' titles, file names and first chunks, sorted (read once per catalog)."""
        return tuple(sorted(frozenset().union(*(r.head_stems for r in self.records))))

    def described_by(self, word: str) -> set[str] | None:
        """The tickers some note about which writes ``word`` (``word_family``) in its title, file
        name or first chunk ("uranium", "bank"); None when no note writes it at all."""
        family = word_family(stem(word.lower()), self.head_vocabulary)
        if not family:
            return None
        return {t for t, notes in self.by_ticker.items() if any(r.head_stems & family for r in notes)}

    def writes(self, word: str) -> bool:
        """Whether the notes (titles and first chunks) write ``word``, in any case."""
        return word.lower() in self.lower_text

    def names_in_passing(self, phrase: str) -> bool:
        """Whether the notes write ``phrase``'s words side by side, each capitalised, as one name
        ("Aldar Properties" for "aldar properties"), and no note's title or opening does: a
        company met in passing, not what a note is about ("Singles Day")."""
        words = phrase.split()
        name = re.compile(r"\b" + r"\s+".join(re.escape(w.capitalize()) for w in words) + r"\b") if words else None
        return name is not None and name.search(self.text) is not None and not self.opens_a_note(phrase)

    def opens_a_note(self, phrase: str) -> bool:
        """Whether some note's title or opening writes ``phrase``, in any case: what it is about."""
        words = phrase.split()
        pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
        return bool(words) and any(pattern.search(f"{r.title} {r.lead}") for r in self.records)

    @cached_property
    def lower_text(self) -> str:
        return self.text.lower()

    def tickers(self) -> list[str]:
        """Every ticker some note is about, in first-seen order."""
        return list(self.by_ticker)
