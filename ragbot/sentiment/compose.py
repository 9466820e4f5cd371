"""Sentences of a sentiment answer: every figure with the ``[n]`` markers of the notes it was
computed from (the cited sentence is the note's first; its ``score`` is the score used)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from ragbot.answer import Citation
from ragbot.sentiment.catalog import NoteRecord, describe
from ragbot.sentiment.query import Distribution, Scored, Summary, Trend


def rounded(value: float) -> Decimal:
    """``value`` to two decimals, halves away from zero (0.125 -> 0.13), as people round by hand."""
    return Decimal(repr(round(value, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def signed(value: float) -> str:
    """ "+0.13", "-0.40", "0.00"."""
    number = rounded(value)
    return f"{number:+.2f}" if number else "0.00"


def unsigned(value: float) -> str:
    return f"{abs(rounded(value)):.2f}"


def plural(count: int, word: str = "note") -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def day_text(item: Scored | NoteRecord) -> str:
    record = item.record if isinstance(item, Scored) else item
    return record.day.isoformat() if record.day else "undated"


class Citer:
    """Numbers notes in the order the answer first uses them; ``cap`` bounds how many are cited."""

    def __init__(self, cap: int):
        self.cap = cap
        self.citations: list[Citation] = []
        self._numbers: dict[str, int] = {}
        self.uncited = 0

    def __call__(self, items: Iterable[Scored]) -> str:
        """``"[1][2]"`` for ``items`` (a note keeps its number; notes past the cap get none)."""
        marks = []
        for item in items:
            n = self._numbers.get(item.record.source)
            if n is None and len(self.citations) < self.cap:
                n = self._numbers[item.record.source] = len(self.citations) + 1
                self.citations.append(first_sentence_citation(n, item))
            elif n is None:
                self.uncited += 1
            if n is not None and f"[{n}]" not in marks:
                marks.append(f"[{n}]")
        return "".join(marks)


def first_sentence_citation(n: int, item: Scored) -> Citation:
    start, end = item.record.first_sentence
    return Citation.from_passage(n, item.record.passage, start, end, item.score)


def score_text(item: Scored) -> str:
    """ "TSLA +0.20; note overall +0.18": which score it is, since the citation shows the note's."""
    overall = item.record.score
    if not item.record.uses_ticker_score(item.ticker):
        return f"note overall {signed(item.score)}"
    return f"{item.ticker} {signed(item.score)}" + (f"; note overall {signed(overall)}" if overall is not None else "")


def subject(ticker: str | None) -> str:
    return ticker or "your notes"


def scope(ticker: str | None) -> str:
    """ "on TSLA", or "in your notes" for all notes."""
    return f"on {ticker}" if ticker else "in your notes"


def note_line(item: Scored, cite: Citer) -> str:
    """ "2025-07-23: mildly positive (TSLA +0.20; note overall +0.18), b.txt [1]." """
    return f"{day_text(item)}: {item.label or describe(item.score)} ({score_text(item)}), {item.record.source} {cite([item])}."


def summary_lines(found: Summary, cite: Citer, window_text: str) -> list[str]:
    """The average over the notes, then each note newest first."""
    newest = sorted(found.notes, key=lambda s: s.day.toordinal() if s.day else 0, reverse=True)
    marks = cite(newest)
    head = (
        f"Across {plural(len(found.notes))}{window_text}, sentiment on {subject(found.ticker)} averages "
        f"{signed(found.average)} ({describe(found.average)}) {marks}."
    )
    return [head, *(note_line(s, cite) for s in newest)]


def compare_lines(found: list[Summary], cite: Citer, window_text: str) -> list[str]:
    """Each ticker's own average (never merged), then the gap between the first two."""
    lines = [
        f"{s.ticker}: {signed(s.average)} ({describe(s.average)}) averaged over {plural(len(s.notes))}{window_text} {cite(s.notes)}."
        for s in found
    ]
    if len(found) >= 2:
        a, b = found[0], found[1]
        gap = round(a.average - b.average, 2)
        marks = cite(a.notes) + cite(b.notes)
        if gap == 0:
            lines.append(f"{a.ticker} and {b.ticker} average the same, {signed(a.average)} {marks}.")
        else:
            side = "higher" if gap > 0 else "lower"
            lines.append(f"{a.ticker} is {unsigned(gap)} {side} than {b.ticker} ({signed(a.average)} vs {signed(b.average)}) {marks}.")
    return lines


def one_note_lines(record: NoteRecord, tickers: tuple[str, ...], cite: Citer) -> list[str]:
    """A note's overall score and label, its per-ticker scores, and the gap between two asked tickers."""
    overall = Scored(record, None, record.score if record.score is not None else 0.0)
    mark = cite([overall])
    head = f'{record.source} ({day_text(record)}, "{record.title}")'
    if record.score is not None:
        lines = [f"{head}: overall {record.label or describe(record.score)}, Sentiment Score {signed(record.score)} {mark}."]
    else:
        lines = [f"{head} has no overall Sentiment Score {mark}."]
    if record.ticker_scores:
        listed = ", ".join(f"{t} {signed(v)}" for t, v in record.ticker_scores.items())
        lines.append(f"Its Ticker Sentiment: {listed} {mark}.")
    missing = [t for t in tickers if t not in record.ticker_scores]
    if missing and record.ticker_scores:
        lines.append(f"It gives no Ticker Sentiment for {', '.join(missing)} {mark}.")
    scored = [t for t in tickers if t in record.ticker_scores]
    if len(scored) >= 2:
        a, b = scored[0], scored[1]
        gap = record.ticker_scores[a] - record.ticker_scores[b]
        side = "higher" if gap > 0 else "lower"
        if gap == 0:
            lines.append(f"{a} and {b} score the same, {signed(record.ticker_scores[a])} {mark}.")
        else:
            lines.append(
                f"{a}'s ticker score ({signed(record.ticker_scores[a])}) is {unsigned(gap)} {side} than "
                f"{b}'s ({signed(record.ticker_scores[b])}) {mark}."
            )
    return lines


def extreme_note_lines(found: Summary, chosen: tuple[Scored, ...], direction: str, n: int, cite: Citer, window_text: str) -> list[str]:
    """The most positive/negative note(s) on a ticker (or among all notes), with their scores."""
    where = scope(found.ticker)
    words = f"most {direction} note" if n == 1 else f"{n} most {direction} notes"
    items = [
        f'{s.record.source} ({day_text(s)}, "{s.record.title}"): {s.label or describe(s.score)}, {score_text(s)} {cite([s])}'
        for s in chosen
    ]
    if n == 1 and len(chosen) == 1:
        return [f"The {words} {where}{window_text} is {items[0]}.", f"It is one of {plural(len(found.notes))} {where}{window_text} {cite(found.notes)}."]
    lead = f"The {words} {where}{window_text}" + (f" (tied at {signed(chosen[0].score)})" if n == 1 else "")
    lines = [f"{lead}: {'; '.join(f'{i}. {item}' for i, item in enumerate(items, start=1))}."]
    lines.append(f"They are among {plural(len(found.notes))} {where}{window_text} {cite(found.notes)}.")
    return lines


def ranking_lines(ranked: list[Summary], direction: str, n: int | None, cite: Citer, window_text: str) -> list[str]:
    """Companies ordered by their average score, the first named."""
    word = "bullish" if direction == "positive" else "bearish"
    top = ranked[: n or 1]
    lines = []
    if n is None or n == 1:
        best = top[0]
        lines.append(
            f"The most {word} company in your notes{window_text} is {best.ticker}, averaging {signed(best.average)} "
            f"({describe(best.average)}) over {plural(len(best.notes))} {cite(best.notes)}."
        )
    shown = ranked if n is None else ranked[:n]
    listed = "; ".join(f"{i}. {s.ticker} {signed(s.average)} ({plural(len(s.notes))}) {cite(s.notes)}" for i, s in enumerate(shown, start=1))
    lines.append(f"Ranked by average score, {'most positive' if direction == 'positive' else 'most negative'} first: {listed}.")
    return lines


def change_ranking_lines(ranked: list[Trend], direction: str, n: int | None, cite: Citer, window_text: str) -> list[str]:
    """Companies by the change from their first note to their latest."""
    best = ranked[0].summary
    word = "improved the most" if direction == "positive" else "declined the most"
    lines = [
        f"Sentiment on {best.ticker} {word}{window_text}: from {signed(best.first.score)} ({day_text(best.first)}) {cite([best.first])} "
        f"to {signed(best.last.score)} ({day_text(best.last)}) {cite([best.last])}, a change of {signed(ranked[0].change)} over {plural(len(best.notes))} {cite(best.notes)}."
    ]
    shown = ranked if n is None else ranked[:n]
    listed = "; ".join(f"{i}. {t.summary.ticker} {signed(t.change)} ({plural(len(t.summary.notes))}) {cite(t.summary.notes)}" for i, t in enumerate(shown, start=1))
    lines.append(f"Change from first to latest note, by company: {listed}.")
    return lines


def trend_lines(found: Trend, cite: Citer, window_text: str) -> list[str]:
    """Per-period averages, the first and latest notes, the change, the number of notes."""
    s = found.summary
    periods = ", ".join(f"{p.period} {signed(p.average)} ({plural(len(p.notes))}) {cite(p.notes)}" for p in found.periods)
    lines = [
        f"Sentiment on {subject(s.ticker)}{window_text}: {plural(len(s.notes))} averaging {signed(s.average)} ({describe(s.average)}) {cite(s.notes)}.",
        f"By {found.period}: {periods}.",
    ]
    if len(s.notes) >= 2:
        change = found.change
        verdict = "improved" if change > 0 else "worsened" if change < 0 else "was unchanged"
        lines.append(
            f"From the first note ({day_text(s.first)}, {signed(s.first.score)}) {cite([s.first])} to the latest "
            f"({day_text(s.last)}, {signed(s.last.score)}) {cite([s.last])} it {verdict}: a change of {signed(change)}."
        )
        if len(found.periods) >= 2:
            high = max(found.periods, key=lambda p: p.average)
            low = min(found.periods, key=lambda p: p.average)
            lines.append(
                f"Highest {found.period}: {high.period} at {signed(high.average)} {cite(high.notes)}; "
                f"lowest: {low.period} at {signed(low.average)} {cite(low.notes)}."
            )
            first, last = found.periods[0], found.periods[-1]
            lines.append(
                f"The {found.period}ly average moved from {signed(first.average)} in {first.period} to "
                f"{signed(last.average)} in {last.period}, {signed(found.period_change)} {cite(first.notes)}{cite(last.notes)}."
            )
    return lines


def distribution_lines(found: Distribution, wanted: str | None, cite: Citer, window_text: str) -> list[str]:
    """How many notes of each polarity, by label, and which notes have the asked polarity or label."""
    s = found.summary
    counts = ", ".join(f"{found.polarities[p]} {p}" for p in ("positive", "neutral", "negative"))
    labels = ", ".join(f"{count} {label}" for label, count in found.labels.items())
    lines = []
    if wanted:
        matching = found.matching(wanted)
        marks = cite(matching)
        share = f" ({100 * len(matching) / len(s.notes):.0f}%)"
        lines.append(
            f"{len(matching)} of the {plural(len(s.notes))} {scope(s.ticker)}{window_text}{share} are {wanted}"
            + (f": {', '.join(f'{m.record.source} {signed(m.score)}' for m in matching)} {marks}." if matching else f" {cite(s.notes)}.")
        )
    signs = ", ".join(f"{found.signs[p]} {p}" for p in ("above zero", "at zero", "below zero"))
    lines.append(
        f"Of {plural(len(s.notes))} {scope(s.ticker)}{window_text}, averaging {signed(s.average)}: by label {counts} ({labels}); "
        f"by score {signs} {cite(s.notes)}."
    )
    return lines
