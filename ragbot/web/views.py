"""What the page shows about the store: ticker choices, example questions, the notes table
and the sentiment-over-time series."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import quote

import altair as alt
import pandas as pd

from ragbot.answer import is_about
from ragbot.bot import Ragbot
from ragbot.sentiment import note_sentiment
from ragbot.sentiment.query import Scored, scores
from ragbot.sentiment.compose import first_sentence_citation
from ragbot.sentiment.report import window_of
from ragbot.web import render

NOTE_COLUMNS = ["ticker", "note", "date", "date from", "sentiment", "score", "title"]
SERIES_COLUMNS = ["ticker", "date", "score", "notes", "title", "note"]
LATEST_COLUMNS = ["ticker", "date", "note", "label", "score", "title"]
LATEST_PER_TICKER = 3  # rows per ticker in the latest-notes table
POINT_SIZES = [60, 420]  # square pixels of a point for one note and for the most notes on one day
NO_TICKER = "\u2014"  # the ticker column of a note about no known company
NOTE_LINK = "#rb-note="  # a plot point's link: this, then its first note's URL-quoted source (plot_click.js opens it)
_EXAMPLES = (
    "What are the main risks for {name}?",
    "What's the sentiment on {name}?",
    "What is driving growth at {name}?",
    "What did the notes say about {name}'s margins?",
)


def example_questions(tickers: list[str], name_of: Callable[[str], str], count: int = 4) -> list[str]:
    """One question per ticker (most-covered first), cycling through the question templates."""
    return [_EXAMPLES[i % len(_EXAMPLES)].format(name=name_of(t)) for i, t in enumerate(tickers[:count])]


class StoreViews:
    """Read-only views of the store for the page; recomputed after every ingest or delete."""

    def __init__(self, bot: Ragbot):
        self.bot = bot

    def name_of(self, ticker: str) -> str:
        return self.bot.resolver.directory.name_of(ticker)

    def ticker_label(self, ticker: str, notes: int) -> str:
        """``"BABA · Alibaba Group (6)"`` (just ``"XYZ (1)"`` when the company is unknown)."""
        name = self.name_of(ticker)
        return f"{ticker} \u00b7 {name} ({notes})" if name != ticker else f"{ticker} ({notes})"

    def ticker_choices(self) -> list[tuple[str, str]]:
        """(label, ticker) for every ticker in the store, most notes first."""
        return [(self.ticker_label(t, n), t) for t, n in self.bot.stats().tickers.items()]

    def examples(self) -> list[str]:
        return example_questions(list(self.bot.stats().tickers), self.name_of)

    def summary(self) -> str:
        stats = self.bot.stats()
        return f"{stats.notes} notes \u00b7 {stats.chunks} passages \u00b7 {len(stats.tickers)} tickers"

    def sources(self) -> list[str]:
        return sorted(d.metadata["source"] for d in self.bot.first_chunks([]))

    def _rows(self, tickers: list[str] | None) -> list[dict]:
        """One row per (ticker, note about it), with the note's sentiment on that ticker."""
        rows = []
        for chunk in self.bot.first_chunks(tickers or []):
            meta = chunk.metadata
            for ticker in [t for t in meta.get("tickers") or [] if is_about(meta, [t])] or [NO_TICKER]:
                if tickers and ticker not in tickers:
                    continue
                sentiment = note_sentiment(chunk, [ticker])
                rows.append({
                    "ticker": ticker,
                    "note": meta["source"],
                    "date": meta.get("date") or "",
                    "date from": meta.get("date_source") or "",
                    "sentiment": meta.get("sentiment_label") or "",
                    "score": round(sentiment.score, 2) if sentiment else None,
                    "title": meta.get("title") or "",
                })
        return sorted(rows, key=lambda r: (r["ticker"], r["date"], r["note"]))

    def notes_table(self, tickers: list[str] | None = None) -> pd.DataFrame:
        """Notes by ticker with their sentiment (only ``tickers`` if given)."""
        return pd.DataFrame(self._rows(tickers), columns=NOTE_COLUMNS)

    def _scored(self, tickers: list[str] | None, since: date | None, until: date | None):
        """(ticker, scored note) for the notes about each ticker (all tickers if none) in the range."""
        catalog, window = self.bot.note_catalog, window_of(since, until)
        chosen = tickers or catalog.tickers()
        return [(t, s) for t in chosen for s in scores(catalog.about([t], window), t)]

    def sentiment_series(self, tickers: list[str] | None = None, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        """One point per ticker and note date: the average score of that day's notes, how many
        there are, and their titles (dated, scored notes only)."""
        rows = [
            {"ticker": t, "date": s.day, "score": s.score, "title": s.record.title, "note": s.record.source}
            for t, s in self._scored(tickers, since, until) if s.day
        ]
        frame = pd.DataFrame(rows, columns=["ticker", "date", "score", "title", "note"])
        grouped = frame.groupby(["ticker", "date"], as_index=False).agg(
            score=("score", "mean"), notes=("score", "size"), title=("title", " | ".join), note=("note", " | ".join),
        )
        grouped["score"] = grouped["score"].round(4)
        grouped["date"] = pd.to_datetime(grouped["date"])
        return grouped[SERIES_COLUMNS]

    def sentiment_chart(self, tickers: list[str] | None = None, since: date | None = None, until: date | None = None) -> alt.LayerChart:
        """A line per ticker through its notes' scores over time; points sized by the number of
        notes that day; hovering a point shows the notes' titles and score; clicking it opens its
        (first) note, through the point's link."""
        frame = self.sentiment_series(tickers, since, until)
        frame = frame.assign(link=[NOTE_LINK + quote(notes.split(" | ")[0], safe="") for notes in frame["note"]])
        base = alt.Chart(frame).encode(
            x=alt.X("date:T", title="note date"),
            y=alt.Y("score:Q", title="sentiment score", scale=alt.Scale(domain=[-1, 1])),
            color=alt.Color("ticker:N", title="ticker"),
        )
        points = base.mark_circle(opacity=0.85).encode(
            size=alt.Size("notes:Q", title="notes", scale=alt.Scale(range=POINT_SIZES)),
            tooltip=["ticker:N", alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("score:Q", format="+.2f"), "notes:Q", "title:N", "note:N"],
            href="link:N",
        )
        # SVG (not vega's default canvas): each point is an element a click lands on and a test can find
        svg = {"embedOptions": {"renderer": "svg"}}
        return (base.mark_line() + points).properties(height=360, title="Sentiment score by note date", usermeta=svg)

    def latest_notes(self, tickers: list[str] | None = None, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        """The newest ``LATEST_PER_TICKER`` notes of each ticker with their label and score on it."""
        by_ticker: dict[str, list] = {}
        for ticker, item in self._scored(tickers, since, until):
            by_ticker.setdefault(ticker, []).append(item)
        rows = [
            {"ticker": ticker, "date": s.day.isoformat() if s.day else "", "note": s.record.source,
             "label": s.label, "score": round(s.score, 2), "title": s.record.title}
            for ticker, items in by_ticker.items()
            for s in sorted(items, key=lambda s: (s.day or date.min, s.record.source), reverse=True)[:LATEST_PER_TICKER]
        ]
        return pd.DataFrame(rows, columns=LATEST_COLUMNS)

    def note_view(self, source: str | None) -> str:
        """The whole note ``source`` (its first sentence marked), for a click in the latest-notes table."""
        record = next((r for r in self.bot.note_catalog.records if r.source == source), None)
        if record is None:
            return render.note_placeholder_html()
        citation = first_sentence_citation(1, Scored(record, None, record.score or 0.0))
        return render.note_html(citation, self.bot.note_text(source))
