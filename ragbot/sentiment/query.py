"""Figures over the notes' metadata: per-ticker averages, extremes and rankings, per-period
trends, label counts. Every figure keeps the notes it was computed from, so each can be cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import Literal

from ragbot.sentiment.catalog import NoteCatalog, NoteRecord, polarity
from ragbot.windows import Window

Period = Literal["month", "quarter", "half", "year"]
AUTO_MONTHS_DAYS = 190  # a trend whose notes span at most this many days is grouped by month, else by quarter


@dataclass(frozen=True)
class Scored:
    """One note's score on one ticker (its Ticker Sentiment, else its overall score), or its
    overall score when ``ticker`` is None."""

    record: NoteRecord
    ticker: str | None
    score: float

    @property
    def day(self) -> date | None:
        return self.record.day

    @property
    def label(self) -> str:
        return self.record.label_for(self.ticker) or ""


@dataclass(frozen=True)
class Summary:
    """A ticker's (or all notes') notes in a window, oldest first, and their average."""

    ticker: str | None
    notes: tuple[Scored, ...]

    @property
    def average(self) -> float:
        return fmean(s.score for s in self.notes)

    @property
    def first(self) -> Scored:
        return self.notes[0]

    @property
    def last(self) -> Scored:
        return self.notes[-1]


@dataclass(frozen=True)
class PeriodAverage:
    """The average score of one month ("2025-06") or quarter ("Q3 2025") and its notes."""

    period: str
    notes: tuple[Scored, ...]

    @property
    def average(self) -> float:
        return fmean(s.score for s in self.notes)


@dataclass(frozen=True)
class Trend:
    """Per-period averages of a ticker's notes, and the change from the first note to the last."""

    summary: Summary
    period: Period
    periods: tuple[PeriodAverage, ...]

    @property
    def change(self) -> float:
        return self.summary.last.score - self.summary.first.score

    @property
    def period_change(self) -> float:
        return self.periods[-1].average - self.periods[0].average

    @property
    def after_first(self) -> tuple[Scored, ...]:
        """The notes dated after the first period: what "has it improved since June?" sets
        against June's own notes."""
        return tuple(n for p in self.periods[1:] for n in p.notes)


@dataclass(frozen=True)
class Distribution:
    """How many of a ticker's notes are positive, neutral and negative, and by label."""

    summary: Summary
    polarities: dict[str, int]
    labels: dict[str, int]
    signs: dict[str, int]  # scores above, at and below zero

    def matching(self, wanted: str) -> tuple[Scored, ...]:
        """The notes of one polarity ("negative") or one label ("mildly negative")."""
        return tuple(s for s in self.summary.notes if wanted in (s.label, polarity(s.label)))


def _by_date(items: Iterable[Scored]) -> tuple[Scored, ...]:
    return tuple(sorted(items, key=lambda s: (s.day or date.min, s.record.source)))


def scores(records: Iterable[NoteRecord], ticker: str | None) -> tuple[Scored, ...]:
    """Each record's score on ``ticker`` (records without one are left out), oldest first."""
    return _by_date(Scored(r, ticker, value) for r in records if (value := r.score_for(ticker)) is not None)


def summary(catalog: NoteCatalog, ticker: str | None, window: Window | None) -> Summary | None:
    """``ticker``'s notes in ``window`` (all notes' overall scores when ``ticker`` is None)."""
    notes = scores(catalog.about([ticker] if ticker else None, window), ticker)
    return Summary(ticker, notes) if notes else None


def overall_view(found: Summary) -> Summary | None:
    """The same notes scored by their overall Sentiment Score instead of the company's own ticker
    score: the other figure an answer states, since a question that says "sentiment on X" may
    mean either. None when there is no other figure: no company asked, or every note's score on
    it already is its overall score. Notes without an overall score are left out."""
    if found.ticker is None or all(s.score == s.record.score for s in found.notes):
        return None
    notes = tuple(Scored(s.record, None, s.record.score) for s in found.notes if s.record.score is not None)
    return Summary(found.ticker, notes) if notes else None


def period_key(day: date, period: Period) -> str:
    if period == "year":
        return str(day.year)
    if period == "half":
        return f"H{(day.month - 1) // 6 + 1} {day.year}"
    return f"{day.year}-{day.month:02d}" if period == "month" else f"Q{(day.month - 1) // 3 + 1} {day.year}"


def trend(found: Summary, period: Period | None) -> Trend:
    """Per-period averages; without a ``period``, months for notes spanning up to
    ``AUTO_MONTHS_DAYS`` days, else quarters. Undated notes are left out of the periods."""
    dated = [s for s in found.notes if s.day]
    if period is None:
        spread = (dated[-1].day - dated[0].day).days if dated else 0
        period = "month" if spread <= AUTO_MONTHS_DAYS else "quarter"
    groups: dict[str, list[Scored]] = {}
    for item in dated:
        groups.setdefault(period_key(item.day, period), []).append(item)
    return Trend(found, period, tuple(PeriodAverage(k, tuple(v)) for k, v in groups.items()))


def extremes(found: Summary, direction: str, n: int) -> tuple[Scored, ...]:
    """The ``n`` most positive (or negative) notes, ties kept together, newest first among equals."""
    ordered = sorted(found.notes, key=lambda s: (-s.score if direction == "positive" else s.score, -(s.day or date.min).toordinal()))
    if not ordered:
        return ()
    cut = ordered[min(n, len(ordered)) - 1].score
    return tuple(s for s in ordered if (s.score >= cut if direction == "positive" else s.score <= cut))


def rank_companies(catalog: NoteCatalog, tickers: Iterable[str], window: Window | None, direction: str) -> list[Summary]:
    """Companies by the average of their notes' scores on them, most positive (or negative) first."""
    found = [s for t in tickers if (s := summary(catalog, t, window))]
    return sorted(found, key=lambda s: (-s.average if direction == "positive" else s.average, s.ticker or ""))


def rank_changes(catalog: NoteCatalog, tickers: Iterable[str], window: Window | None, period: Period | None, direction: str) -> list[Trend]:
    """Companies with at least two dated notes, by the change from their first note to their
    latest, the biggest rise (or fall) first."""
    found = [trend(s, period) for t in tickers if (s := summary(catalog, t, window)) and sum(1 for n in s.notes if n.day) >= 2]
    return sorted(found, key=lambda t: (-t.change if direction == "positive" else t.change, t.summary.ticker or ""))


def distribution(found: Summary) -> Distribution:
    """Counts by polarity of the label (positive / neutral / negative), by label, and by the
    score's sign (a note labelled neutral may still score above or below zero)."""
    labels = Counter(s.label for s in found.notes)
    polarities = Counter(polarity(s.label) for s in found.notes)
    signs = Counter("above zero" if s.score > 0 else "below zero" if s.score < 0 else "at zero" for s in found.notes)
    return Distribution(
        found, {p: polarities.get(p, 0) for p in ("positive", "neutral", "negative")}, dict(labels.most_common()),
        {k: signs.get(k, 0) for k in ("above zero", "at zero", "below zero")},
    )
