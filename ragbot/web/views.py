"""What the page shows about the store: ticker choices, example questions, the notes table
and the sentiment-over-time series."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import quote

import altair as alt
import pandas as pd

from ingest.dates import date_source_label, first_sentence, front_matter
from ragbot.bot import Ragbot
from ragbot.examples import companies_about, store_examples
from ragbot.sentiment.catalog import NoteRecord
from ragbot.sentiment.query import Scored, scores
from ragbot.sentiment.compose import first_sentence_citation, plural, signed
from ragbot.sentiment.report import window_of
from ragbot.web import render

# (app.css gives these tables' columns their widths on a phone by position: keep it in step)
NOTE_COLUMNS = ["title", "note", "date", "date from", "tickers", "sentiment", "score"]
SERIES_COLUMNS = ["ticker", "date", "score", "notes", "title", "note"]
LATEST_COLUMNS = ["ticker", "date", "note", "label", "score", "title"]
LATEST_PER_TICKER = 3  # rows per ticker in the latest-notes table
POINT_SIZES = [60, 420]  # square pixels of a point for one note and for the most notes on one day
NO_TICKER = "\u2014"  # the tickers column of a note about no known company
NO_SENTIMENT = "\u2014"  # the label of a note without a sentiment block
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_SENTENCE_END = ("\u2026", ".", "!", "?")  # how the store's fallback title (the first sentence) ends
NOTE_LINK = "#rb-note="  # a plot point's link: this, then its first note's URL-quoted source (plot_click.js opens it)


def note_title(record: NoteRecord) -> str:
    """The note's own title: a front-matter ``title:``, its heading or its format's title (PDF,
    web page, document, mail subject), else its file name. The store's title falls back on the
    note's first sentence, which names no note: a title that starts the prose and ends like a
    sentence is that fallback."""
    text = record.passage.page_content
    block = front_matter(text)
    if block and (named := _FRONT_TITLE.search(block.group(0))):
        return named[1].strip("\"'")
    title = " ".join(record.title.removesuffix("\u2026").split())
    prose = " ".join(first_sentence(text[block.end() :] if block else text).split())
    if title and not (record.title.endswith(_SENTENCE_END) and prose.startswith(title)):
        return record.title
    return PurePosixPath(record.source).name


def ticker_scores_text(record: NoteRecord) -> str:
    """``"BABA +0.30 · JD -0.10"``: each ticker the note is about with the note's score on it
    (its Ticker Sentiment line, else the overall score); tickers it only names are left out."""
    tickers = list(dict.fromkeys([*record.ticker_scores, *record.primary]))
    parts = [(t, record.score_for(t)) for t in tickers]
    return " \u00b7 ".join(t if score is None else f"{t} {signed(score)}" for t, score in parts) or NO_TICKER


def scores_shown(frame: pd.DataFrame):
    """``frame`` as the page shows it: its score column written as answers write scores ("+0.18";
    a dash when a note has none), its values kept as numbers, so the column sorts by them."""
    return frame.style.format({"score": lambda v: NO_SENTIMENT if pd.isna(v) else signed(v)})


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
        return [(self.ticker_label(t, n), t) for t, n in companies_about(self.bot.first_chunks([])).items()]

    def examples(self) -> list[str]:
        """Questions about the companies the notes are about, each asked now and found."""
        return store_examples(self.bot.first_chunks([]), self.name_of, self.bot.ask)

    def summary(self) -> str:
        """``"15 notes · 46 passages · 9 tickers"``: the tickers the filter lists (passing mentions apart)."""
        stats = self.bot.stats()
        tickers = len(companies_about(self.bot.first_chunks([])))
        return " \u00b7 ".join((plural(stats.notes), plural(stats.chunks, "passage"), plural(tickers, "ticker")))

    def sources(self) -> list[str]:
        return sorted(d.metadata["source"] for d in self.bot.first_chunks([]))

    def notes_table(self, tickers: list[str] | None = None) -> pd.DataFrame:
        """One row per note (only notes about ``tickers`` if given), newest first: its title,
        file, date and where the date came from, each ticker with the note's own score on it,
        and the overall label and score."""
        rows = [
            {
                "title": note_title(r),
                "note": r.source,
                "date": r.day.isoformat() if r.day else "",
                "date from": date_source_label(r.date_source),
                "tickers": ticker_scores_text(r),
                "sentiment": r.label or NO_SENTIMENT,
                "score": None if r.score is None else round(r.score, 2),  # a number, so the column sorts by it
            }
            for r in self.bot.note_catalog.records
            if not tickers or set(tickers) & (set(r.ticker_scores) | set(r.primary))  # about, not a passing mention
        ]
        rows.sort(key=lambda row: row["note"])
        rows.sort(key=lambda row: row["date"], reverse=True)
        return pd.DataFrame(rows, columns=NOTE_COLUMNS)

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
        shown = sorted(frame["ticker"].unique())  # the legend names only the plotted (selected) tickers
        frame = frame.assign(link=[NOTE_LINK + quote(notes.split(" | ")[0], safe="") for notes in frame["note"]])
        base = alt.Chart(frame).encode(
            # Only the data's own range (no rounding out to whole years), every tick with its year, and
            # ticks on months (Vega's default ticks fall twice a month over a year: "Nov 2024" twice).
            x=alt.X("date:T", title="note date", scale=alt.Scale(nice=False, padding=16),
                    axis=alt.Axis(format="%b %Y", labelOverlap=True, tickCount={"interval": "month", "step": 1})),
            y=alt.Y("score:Q", title="sentiment score", scale=alt.Scale(domain=[-1, 1])),
            color=alt.Color("ticker:N", title="ticker", scale=alt.Scale(domain=shown)),
        )
        points = base.mark_circle(opacity=0.85).encode(
            size=alt.Size(
                "notes:Q", title="notes that day", scale=alt.Scale(domain=[1, max(int(frame["notes"].max()) if len(frame) else 1, 2)], range=POINT_SIZES),
                legend=alt.Legend(values=sorted({int(n) for n in frame["notes"]}) or [1], format="d"),
            ),
            tooltip=["ticker:N", alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("score:Q", format="+.2f"), "notes:Q", "title:N", "note:N"],
            href="link:N",
        )
        # SVG (not vega's default canvas): each point is an element a click lands on and a test can find
        svg = {"embedOptions": {"renderer": "svg"}}
        chart = (base.mark_line() + points).properties(width="container", height=360, title="Sentiment score by note date", usermeta=svg)
        return chart.configure_legend(orient="bottom", columns=6, labelLimit=0, titleLimit=0)

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
