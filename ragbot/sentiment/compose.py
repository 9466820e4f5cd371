"""Sentences of a sentiment answer: every figure with the ``[n]`` markers of the notes it was
computed from (the cited sentence is the note's first; its ``score`` is the score used)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean

from ragbot.answer import Citation
from ragbot.sentiment.catalog import NoteRecord, describe
from ragbot.sentiment.query import Distribution, Scored, Summary, Trend, distribution, extremes, overall_view, trend

OVERALL = "the notes' overall scores"  # how an answer names the second figure (``overall_view``)
_PERIODIC = {"month": "monthly", "quarter": "quarterly", "half": "half-yearly", "year": "yearly"}
TREND_NOTES_LISTED = 12  # a trend over at most this many notes lists each note's score inside its period


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
    """ "TSLA +0.20; note overall +0.18": which score it is, since the citation shows the note's;
    a note's overall score comes with its companies' own ("note overall -0.40; TSLA -0.50")."""
    overall = item.record.score
    if item.ticker is None and item.record.ticker_scores:
        scores = item.record.ticker_scores
        order = dict.fromkeys(t for t in (*item.record.primary, *scores) if t in scores)  # the companies it is about first
        return f"note overall {signed(item.score)}; " + ", ".join(f"{t} {signed(scores[t])}" for t in order)
    if not item.record.uses_ticker_score(item.ticker):
        return f"note overall {signed(item.score)}"
    return f"{item.ticker} {signed(item.score)}" + (f"; note overall {signed(overall)}" if overall is not None else "")


def own(ticker: str | None) -> str:
    """ "TSLA's own score": which score a figure is on, when the overall one is stated beside it."""
    return f"{ticker}'s own score"


def overall_or_self(found: Summary) -> Summary:
    """``found`` scored by the notes' overall scores (itself when those give the same figures)."""
    return overall_view(found) or found


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
    other = overall_view(found)
    both = f" by {own(found.ticker)}, {signed(other.average)} by {OVERALL}" if other else ""
    head = (
        f"Across {plural(len(found.notes))}{window_text}, sentiment on {subject(found.ticker)} averages "
        f"{signed(found.average)} ({describe(found.average)}){both} {marks}."
    )
    return [head, *(note_line(s, cite) for s in newest)]


def group_lines(group: str, found: list[Summary], cite: Citer, window_text: str) -> list[str]:
    """The average of a group of companies named by what they do ("uranium miners") over all
    their notes, each note's score on each of them, before each company's own."""
    scored = [s for summary in found for s in summary.notes]
    average = fmean(s.score for s in scored)
    names = ", ".join(s.ticker or "" for s in found)
    return [
        f"Across the {plural(len({s.record.source for s in scored}))}{window_text} on the {group} ({names}), their own scores average "
        f"{signed(average)} ({describe(average)}) {cite(scored)}."
    ]


def compare_lines(found: list[Summary], cite: Citer, window_text: str) -> list[str]:
    """Each ticker's own average (never merged), then the gap between the first two; each also on
    the notes' overall scores when those differ."""
    lines = []
    for s in found:
        other = overall_view(s)
        both = f" ({own(s.ticker)}; {signed(other.average)} by {OVERALL})" if other else ""
        lines.append(f"{s.ticker}: {signed(s.average)} ({describe(s.average)}) averaged over {plural(len(s.notes))}{window_text}{both} {cite(s.notes)}.")
    if len(found) >= 2:
        a, b = found[0], found[1]
        marks = cite([*a.notes, *b.notes])
        line = gap_text(a, b)
        if overall_view(a) or overall_view(b):
            line += f"; by {OVERALL}, {gap_text(overall_or_self(a), overall_or_self(b))}"
        lines.append(f"{line} {marks}.")
    return lines


def gap_text(a: Summary, b: Summary) -> str:
    """ "TSLA is 0.08 higher than NVDA (+0.02 vs -0.07)" (or "... average the same, +0.02")."""
    gap = round(a.average - b.average, 2)
    if gap == 0:
        return f"{a.ticker} and {b.ticker} average the same, {signed(a.average)}"
    return f"{a.ticker} is {unsigned(gap)} {'higher' if gap > 0 else 'lower'} than {b.ticker} ({signed(a.average)} vs {signed(b.average)})"


def one_note_lines(record: NoteRecord, tickers: tuple[str, ...], cite: Citer) -> list[str]:
    """A note's overall score and label, its per-ticker scores, and the gap between two asked
    tickers, or, when none is asked, its highest and lowest tickers (ties named together)."""
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
    elif not tickers and len({round(v, 2) for v in record.ticker_scores.values()}) >= 2:  # none asked: which came out best and worst
        shown = {t: round(v, 2) for t, v in record.ticker_scores.items()}
        high, low = max(shown.values()), min(shown.values())
        best, worst = (", ".join(t for t, v in shown.items() if v == edge) for edge in (high, low))
        lines.append(f"Highest: {best} {signed(high)}; lowest: {worst} {signed(low)} {mark}.")
    return lines


def extreme_note_lines(found: Summary, chosen: tuple[Scored, ...], direction: str, n: int, cite: Citer, window_text: str) -> list[str]:
    """The most positive/negative note(s) on a ticker (or among all notes), with their scores."""
    where = scope(found.ticker)
    words = f"most {direction} note" if n == 1 else f"{n} most {direction} notes"
    items = [extreme_item(s, cite) for s in chosen]
    if n == 1 and len(chosen) == 1:
        lines = [f"The {words} {where}{window_text} is {items[0]}.", f"It is one of {plural(len(found.notes))} {where}{window_text} {cite(found.notes)}."]
        if (chosen[0].score > 0) if direction == "negative" else (chosen[0].score < 0):  # the least positive is no negative note
            lines.insert(1, f"No note {where}{window_text} is {direction}: this is the least {'positive' if direction == 'negative' else 'negative'} one.")
    else:
        lead = f"The {words} {where}{window_text}" + (f" (tied at {signed(chosen[0].score)})" if n == 1 else "")
        lines = [f"{lead}: {'; '.join(f'{i}. {item}' for i, item in enumerate(items, start=1))}."]
        lines.append(f"They are among {plural(len(found.notes))} {where}{window_text} {cite(found.notes)}.")
    other = overall_view(found)
    if other is not None:  # the pick by the notes' overall scores, when it is other notes
        by_source = {s.record.source: s for s in found.notes}
        picked = [by_source[s.record.source] for s in extremes(other, direction, n)]
        if {s.record.source for s in picked} != {s.record.source for s in chosen}:
            listed = "; ".join(extreme_item(s, cite) for s in picked)
            lines.insert(1, f"By {OVERALL} (not {own(found.ticker)}), the {words} {'is' if len(picked) == 1 else 'are'} {listed}.")
    return lines


def extreme_item(item: Scored, cite: Citer) -> str:
    """ "a.txt (2025-02-10, "Tesla cut ..."): mildly negative, TSLA -0.50; note overall -0.40 [1]" """
    return f'{item.record.source} ({day_text(item)}, "{item.record.title}"): {item.label or describe(item.score)}, {score_text(item)} {cite([item])}'


def ranking_lines(ranked: list[Summary], direction: str, n: int | None, cite: Citer, window_text: str, among: str = " in your notes") -> list[str]:
    """Companies ordered by the average of their own ticker scores, the first named (``among``: which
    companies were ranked, " among BABA, JD" or " in your notes"); each with the average of its
    notes' overall scores beside it when that differs, and the order by those overall averages when it
    is another order."""
    word = "bullish" if direction == "positive" else "bearish"
    first = "most positive" if direction == "positive" else "most negative"
    overall = {s.ticker: overall_view(s) for s in ranked}
    lines = []
    if n is None or n == 1:
        best, other = ranked[0], overall[ranked[0].ticker]
        both = f" by its own ticker score ({signed(other.average)} by {OVERALL})" if other else ""
        lines.append(
            f"The most {word} company{among}{window_text} is {best.ticker}, averaging {signed(best.average)} "
            f"({describe(best.average)}) over {plural(len(best.notes))}{both} {cite(best.notes)}."
        )
    shown = ranked if n is None else ranked[:n]

    def entry(i: int, s: Summary) -> str:
        other = overall[s.ticker]
        return f"{i}. {s.ticker} {signed(s.average)} ({f'overall {signed(other.average)}, ' if other else ''}{plural(len(s.notes))}) {cite(s.notes)}"

    lines.append(f"Ranked by average score, {first} first: {'; '.join(entry(i, s) for i, s in enumerate(shown, start=1))}.")
    by_overall = sorted((overall_or_self(s) for s in ranked), key=lambda s: (-s.average if direction == "positive" else s.average, s.ticker or ""))
    if any(overall.values()) and [s.ticker for s in by_overall] != [s.ticker for s in ranked]:
        listed = "; ".join(f"{i}. {s.ticker} {signed(s.average)}" for i, s in enumerate(by_overall[: len(shown)], start=1))
        lines.append(f"By {OVERALL} instead, {first} first: {listed}.")
    return lines


def change_ranking_lines(ranked: list[Trend], direction: str, n: int | None, cite: Citer, window_text: str) -> list[str]:
    """Companies by the change from their first note to their latest (on their own ticker scores;
    the change on the notes' overall scores beside it when that differs)."""
    best = ranked[0].summary
    word = "improved the most" if direction == "positive" else "declined the most"
    overall = {t.summary.ticker: trend(o, t.period) if (o := overall_view(t.summary)) and len(o.notes) >= 2 else None for t in ranked}
    other = overall[best.ticker]
    both = f" by {own(best.ticker)} ({signed(other.change)} by {OVERALL})" if other else ""
    lines = [
        f"Sentiment on {best.ticker} {word}{window_text}: from {signed(best.first.score)} ({day_text(best.first)}) {cite([best.first])} "
        f"to {signed(best.last.score)} ({day_text(best.last)}) {cite([best.last])}, a change of {signed(ranked[0].change)}{both} over {plural(len(best.notes))} {cite(best.notes)}."
    ]
    shown = ranked if n is None else ranked[:n]

    def entry(i: int, t: Trend) -> str:
        o = overall[t.summary.ticker]
        return f"{i}. {t.summary.ticker} {signed(t.change)} ({f'overall {signed(o.change)}, ' if o else ''}{plural(len(t.summary.notes))}) {cite(t.summary.notes)}"

    listed = "; ".join(entry(i, t) for i, t in enumerate(shown, start=1))
    lines.append(f"Change from first to latest note, by company: {listed}.")
    return lines


def trend_lines(found: Trend, cite: Citer, window_text: str) -> list[str]:
    """Per-period averages, the first and latest notes, the change, the number of notes; when the
    notes' overall scores give other figures than the company's own score, those too (per period,
    first to latest, the change)."""
    s = found.summary
    other = overall_view(s)
    overall = trend(other, found.period) if other else None
    by_period = {p.period: p for p in overall.periods} if overall else {}

    listed = len(s.notes) <= TREND_NOTES_LISTED  # "how did it evolve": the notes behind each average, in date order

    def period_text(p) -> str:
        o = by_period.get(p.period)
        overall_text = f"overall {signed(o.average)}, " if o else ""
        if listed and len(p.notes) > 1:
            return f"{p.period} {signed(p.average)} ({overall_text}{plural(len(p.notes))}: {', '.join(f'{signed(n.score)} {cite([n])}' for n in p.notes)})"
        return f"{p.period} {signed(p.average)} ({overall_text}{plural(len(p.notes))}) {cite(p.notes)}"

    both = f" by {own(s.ticker)}, {signed(other.average)} by {OVERALL}" if other else ""
    lines = [
        f"Sentiment on {subject(s.ticker)}{window_text}: {plural(len(s.notes))} averaging {signed(s.average)} ({describe(s.average)}){both} {cite(s.notes)}.",
        f"By {found.period}: {', '.join(period_text(p) for p in found.periods)}.",
    ]
    if len(s.notes) >= 2:
        lines.append(f"From the first note to the latest{f' by {own(s.ticker)}' if other else ''}: {first_to_last(found, cite)}.")
        if overall and len(overall.summary.notes) >= 2:
            lines.append(f"By {OVERALL}: {first_to_last(overall, cite)}.")
        if len(found.periods) >= 2:
            high = max(found.periods, key=lambda p: p.average)
            low = min(found.periods, key=lambda p: p.average)
            lines.append(
                f"Highest {found.period}: {high.period} at {signed(high.average)} {cite(high.notes)}; "
                f"lowest: {low.period} at {signed(low.average)} {cite(low.notes)}."
            )
            first, last = found.periods[0], found.periods[-1]
            if (first.notes, last.notes) != ((s.first,), (s.last,)):  # else it is the change from the first note to the latest
                lines.append(
                    f"The {_PERIODIC[found.period]} average moved from {signed(first.average)} in {first.period} to "
                    f"{signed(last.average)} in {last.period}, {signed(found.period_change)} {cite(first.notes)}{cite(last.notes)}."
                )
                if found.change * found.period_change < 0:  # the two readings point opposite ways: say so first
                    lines.insert(0, mixed_line(found, cite))
            if len(found.periods) >= 3:  # with two periods, the later one's average is already stated
                lines.append(since_first(found, overall, cite))
    return lines


def since_first(found: Trend, overall: Trend | None, cite: Citer) -> str:
    """The first period against every note after it ("has it improved since January?": January's
    notes, then the later notes' average), on the overall scores too when they differ."""
    first, later = found.periods[0], found.after_first
    after = sum(n.score for n in later) / len(later)
    also = ""
    if overall and len(overall.periods) >= 2:
        o_after = sum(n.score for n in overall.after_first) / len(overall.after_first)
        also = f" (by {OVERALL}: {signed(overall.periods[0].average)}, then {signed(o_after)}, {signed(o_after - overall.periods[0].average)})"
    return (
        f"Against {first.period} ({signed(first.average)}) {cite(first.notes)}, the {plural(len(later))} after it average "
        f"{signed(after)} {cite(later)}: a change of {signed(after - first.average)}{also}."
    )


def _average(found: Summary) -> str:
    return "averages" if len(found.notes) == 1 else "average"


def moved(change: float) -> str:
    """How a score moved by ``change``, as the answer prints it (two decimals): a change that
    rounds to 0.00 left it unchanged."""
    shown = rounded(change)
    return "improved" if shown > 0 else "worsened" if shown < 0 else "was unchanged"


def before_since_line(earlier: Summary, since: Summary, start: str, cite: Citer) -> str:
    """A trend "since" a day: the notes before it against the notes since, on the overall scores
    too when they differ ("Before 2026-01-01, 3 notes average -0.16 [1][2][3]; since, 4 notes
    average +0.31 [4][5][6][7]: it improved, a change of +0.47")."""
    change = since.average - earlier.average
    verdict = moved(change)
    also = ""
    if overall_view(earlier) or overall_view(since):
        a, b = overall_or_self(earlier), overall_or_self(since)
        also = f" (by {OVERALL}: {signed(a.average)}, then {signed(b.average)}, {signed(b.average - a.average)})"
    return (
        f"Before {start}, {plural(len(earlier.notes))} on {subject(since.ticker)} {_average(earlier)} {signed(earlier.average)} {cite(earlier.notes)}; "
        f"since, {plural(len(since.notes))} {_average(since)} {signed(since.average)} {cite(since.notes)}: it {verdict}, a change of {signed(change)}{also}."
    )


def mixed_line(found: Trend, cite: Citer) -> str:
    """ "Mixed: the latest note is below the first (-0.27), while the monthly average rose (+0.24) [1][4]." """
    s, period = found.summary, _PERIODIC[found.period]
    side = "above" if found.change > 0 else "below"
    went = "rose" if found.period_change > 0 else "fell"
    return (
        f"Mixed: the latest note on {subject(s.ticker)} is {side} the first ({signed(found.change)}), while the {period} "
        f"average {went} ({signed(found.period_change)}) {cite([s.first, s.last])}."
    )


def first_to_last(found: Trend, cite: Citer) -> str:
    """ "from -0.44 (2026-07-23) [1] to +0.17 (2026-11-18) [3] it improved: a change of +0.61" """
    s, change = found.summary, found.change
    verdict = moved(change)
    return (
        f"from {signed(s.first.score)} ({day_text(s.first)}) {cite([s.first])} to {signed(s.last.score)} "
        f"({day_text(s.last)}) {cite([s.last])} it {verdict}: a change of {signed(change)}"
    )


def matching_line(found: Distribution, wanted: str, cite: Citer, window_text: str) -> str:
    """ "3 of the 7 notes on TSLA (43%) are negative: a.txt -0.31, b.txt -0.52 [1][2]." (oldest first)."""
    s, matching = found.summary, found.matching(wanted)
    marks = cite(matching)
    share = f" ({100 * len(matching) / len(s.notes):.0f}%)"
    return (
        f"{len(matching)} of the {plural(len(s.notes))} {scope(s.ticker)}{window_text}{share} {'is' if len(matching) == 1 else 'are'} {wanted}"
        + (f": {', '.join(f'{m.record.source} {signed(m.score)}' for m in matching)} {marks}." if matching else f" {cite(s.notes)}.")
    )


def distribution_lines(found: Distribution, wanted: str | None, cite: Citer, window_text: str) -> list[str]:
    """How many notes of each polarity, by label, and which notes have the asked polarity or label."""
    s = found.summary
    counts = ", ".join(f"{found.polarities[p]} {p}" for p in ("positive", "neutral", "negative"))
    labels = ", ".join(f"{count} {label}" for label, count in found.labels.items())
    lines = [matching_line(found, wanted, cite, window_text)] if wanted else []
    signs = ", ".join(f"{found.signs[p]} {p}" for p in ("above zero", "at zero", "below zero"))
    lines.append(
        f"Of {plural(len(s.notes))} {scope(s.ticker)}{window_text}, averaging {signed(s.average)}: by label {counts} ({labels}); "
        f"by score {signs} {cite(s.notes)}."
    )
    other = overall_view(s)
    if other is not None:  # counted on the notes' overall scores, when that splits them otherwise
        o = distribution(other)
        matching = o.matching(wanted) if wanted else ()
        same = (o.polarities, o.signs) == (found.polarities, found.signs)
        if not same or {m.record.source for m in matching} != {m.record.source for m in found.matching(wanted or "")}:
            asked = f"{len(matching)} {wanted}" + (f" ({', '.join(f'{m.record.source} {signed(m.score)}' for m in matching)})" if matching else "") + "; " if wanted else ""
            by_label = ", ".join(f"{o.polarities[k]} {k}" for k in ("positive", "neutral", "negative"))
            by_sign = ", ".join(f"{o.signs[k]} {k}" for k in ("above zero", "at zero", "below zero"))
            lines.append(f"By {OVERALL} (not {own(s.ticker)}): {asked}by label {by_label}; by score {by_sign} {cite(other.notes)}.")
    return lines
