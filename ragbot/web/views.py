"""What the page shows about the store: ticker choices, example questions, the notes table
and the sentiment-over-time series."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ragbot.answer import is_about
from ragbot.bot import Ragbot
from ragbot.sentiment import note_sentiment

NOTE_COLUMNS = ["ticker", "note", "date", "sentiment", "score", "title"]
SERIES_COLUMNS = ["date", "score", "ticker", "note"]
NO_TICKER = "\u2014"  # the ticker column of a note about no known company
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
                    "sentiment": meta.get("sentiment_label") or "",
                    "score": round(sentiment.score, 2) if sentiment else None,
                    "title": meta.get("title") or "",
                })
        return sorted(rows, key=lambda r: (r["ticker"], r["date"], r["note"]))

    def notes_table(self, tickers: list[str] | None = None) -> pd.DataFrame:
        """Notes by ticker with their sentiment (only ``tickers`` if given)."""
        return pd.DataFrame(self._rows(tickers), columns=NOTE_COLUMNS)

    def sentiment_series(self, tickers: list[str] | None = None) -> pd.DataFrame:
        """Sentiment score by note date for each ticker (dated, scored notes only)."""
        rows = [r for r in self._rows(tickers) if r["date"] and r["score"] is not None and r["ticker"] != NO_TICKER]
        frame = pd.DataFrame(rows, columns=NOTE_COLUMNS)[SERIES_COLUMNS]
        frame["date"] = pd.to_datetime(frame["date"])
        return frame
