"""A research note: its body text, the companies it is about, and its sentiment block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.dates import front_matter, note_date
from ingest.sentences import split_sentences
from ingest.sentiment import BLOCK_START, parse_sentiment_block
from ingest.tickers import TickerResolver

# The marketing footer between the analysis and the sentiment block: a tagline naming
# several of the vendor's selling points, and a short call to action ("Request a Demo").
# Prose that mentions one of these phrases ("institutional investors sold") is analysis.
_TAGLINE = re.compile(
    r"ai-powered\s+research|institutional\s+investors|portfolio\s+analytics|real-time\s+alerts", re.IGNORECASE
)
_CALL_TO_ACTION = re.compile(
    r"^\W*(request\s+(a\s+)?demo|sign\s+up|subscribe|(start\s+(a\s+)?)?free\s+trial|book\s+a\s+(call|demo))\b",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^[ \t]*(?:date|published|dated)[ \t]*:[^\n]*\d[^\n]*$", re.IGNORECASE | re.MULTILINE)
_HEADING = re.compile(r"^\s*#+\s+(.+)$", re.MULTILINE)
_TITLE_CHARS = 120


def _is_marketing(line: str) -> bool:
    line = line.strip()
    return (bool(_CALL_TO_ACTION.match(line)) and len(line) < 60) or (
        len(_TAGLINE.findall(line)) >= 2 and len(line) < 300
    )


class NoteFormatError(ValueError):
    """The file cannot be read as a note (for example, it has no body text)."""


@dataclass(frozen=True)
class Note:
    """A parsed note. ``text[:body_end]`` is the indexed body; offsets point into ``text``."""

    source: str
    text: str
    body_end: int
    title: str
    tickers: tuple[str, ...]
    date: str | None = None
    date_source: str | None = None  # which of ingest.dates.DATE_SOURCES gave ``date``
    sentiment_label: str | None = None
    sentiment_score: float | None = None
    ticker_scores: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()  # offsets in ``text`` where pages 1, 2, ... begin (paged formats only)

    @property
    def body(self) -> str:
        return self.text[: self.body_end]

    @property
    def primary_tickers(self) -> tuple[str, ...]:
        """The companies the note is about: its Ticker Sentiment lines, else its first mention."""
        return tuple(self.ticker_scores) or self.tickers[:1]


def _footer_start(text: str, end: int) -> int:
    """Walk back from ``end`` over blank and marketing lines; return where the body ends."""
    lines = text[:end].splitlines(keepends=True)
    cut = end
    # The block header is often glued to the last footer line: "Request a DemoOverall Sentiment".
    last_line_start = text.rfind("\n", 0, end) + 1
    if _is_marketing(text[last_line_start:end]) or not text[last_line_start:end].strip():
        cut = last_line_start
        lines = text[:cut].splitlines(keepends=True)
    while lines and (not lines[-1].strip() or _is_marketing(lines[-1])):
        cut -= len(lines.pop())
    return cut


def _title(body: str) -> str:
    heading = _HEADING.search(body[:400])
    if heading:
        return heading.group(1).strip()
    sentences = split_sentences(body)
    first = sentences[0].text if sentences else body.strip()
    return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "\u2026"


def parse_note(text: str, source: str, resolver: TickerResolver, date: str | None = None) -> Note:
    """Parse a note's text. ``date`` (the file's modification date) is used when the note
    states no date of its own (``ingest.dates.note_date``)."""
    headers = list(BLOCK_START.finditer(text))
    block = headers[-1] if headers else None  # the block closes the note
    block_start = block.start() if block else len(text)
    body_end = _footer_start(text, block_start)
    body = text[:body_end]
    if not body.strip():
        raise NoteFormatError("no note text before the sentiment block" if block else "empty note")
    sentiment = parse_sentiment_block(text[block_start:])
    scores = {resolver.directory.canonical(t): s for t, s in sentiment.ticker_scores.items()}
    tickers = list(dict.fromkeys([*scores, *resolver.resolve(body)]))
    block = front_matter(body)
    title_text = body[block.end():] if block else body
    date_line = _DATE_LINE.search(title_text[:300])
    title_text = title_text[: date_line.start()] + title_text[date_line.end() :] if date_line else title_text
    dated = note_date(body, source, fallback=date)
    return Note(
        source=source,
        text=text,
        body_end=body_end,
        title=_title(title_text),
        tickers=tuple(tickers),
        date=dated.date,
        date_source=dated.source,
        sentiment_label=sentiment.label,
        sentiment_score=sentiment.score,
        ticker_scores=scores,
        problems=sentiment.problems,
    )
