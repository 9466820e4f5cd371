"""Parse the sentiment block that closes a research note.

The block looks like::

    Request a DemoOverall Sentiment
    mildly positive
    Sentiment Score
    0.22
    Ticker Sentiment
    BABA 0.41
    JD: -0.10

Layouts vary (label on the same line after a colon, ticker and score on two lines,
``$BABA``, ``(0.41)``), so it is read token by token rather than line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The header ends its line or is followed by a colon, so prose ("the overall sentiment
# among investors") does not start the block.
BLOCK_START = re.compile(r"Overall\s+Sentiment(?=[ \t]*(?::|\r?\n|$))", re.IGNORECASE)
_SCORE_HEADER = re.compile(r"Sentiment\s+Score\s*:?", re.IGNORECASE)
_TICKER_HEADER = re.compile(r"Ticker\s+Sentiment\s*:?", re.IGNORECASE)
_NUMBER = re.compile(r"^[-+\u2212]?(\d+(\.\d*)?|\.\d+)$")
_TICKER = re.compile(r"^\$?(?=[A-Z0-9.\-]*[A-Z])[A-Z0-9][A-Z0-9.\-]{0,11}$")
_TOKEN_SPLIT = re.compile(r"[\s:,;()\[\]|=]+")


@dataclass(frozen=True)
class SentimentBlock:
    """What the sentiment block says; ``problems`` lists what could not be read."""

    label: str | None = None
    score: float | None = None
    ticker_scores: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _to_float(token: str) -> float | None:
    token = token.replace("\u2212", "-")
    return float(token) if _NUMBER.match(token) else None


def _read_label(text: str) -> str | None:
    label = text.strip().splitlines()[0].strip(" :\t") if text.strip() else ""
    return re.sub(r"\s+", " ", label).lower() or None


def _read_score(text: str, problems: list[str]) -> float | None:
    raw = text.split()[0] if text.split() else ""
    score = _to_float(raw)
    if score is None:
        problems.append(f"Sentiment Score {raw!r} is not a number")
    elif not -1.0 <= score <= 1.0:
        problems.append(f"Sentiment Score {score} is outside [-1, 1]")
        score = None
    return score


def _read_ticker_scores(text: str, problems: list[str]) -> dict[str, float]:
    """Pair each ticker-looking token with the next number, allowing one label word between."""
    scores: dict[str, float] = {}
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    i = 0
    while i < len(tokens):
        if _TICKER.match(tokens[i]):
            ticker = tokens[i].lstrip("$")
            for j in (i + 1, i + 2):
                value = _to_float(tokens[j]) if j < len(tokens) else None
                if value is not None:
                    if -1.0 <= value <= 1.0:
                        scores[ticker] = value
                    else:
                        problems.append(f"Ticker Sentiment {ticker} {value} is outside [-1, 1]")
                    i = j
                    break
        i += 1
    return scores


def parse_sentiment_block(block: str) -> SentimentBlock:
    """Parse the text from ``Overall Sentiment`` to the end of the note."""
    problems: list[str] = []
    start = BLOCK_START.search(block)
    if start is None:
        return SentimentBlock()
    rest = block[start.end():]
    score_hdr = _SCORE_HEADER.search(rest)
    ticker_hdr = _TICKER_HEADER.search(rest)
    label_end = min(m.start() for m in (score_hdr, ticker_hdr) if m) if (score_hdr or ticker_hdr) else len(rest)
    label = _read_label(rest[:label_end])
    score = None
    if score_hdr:
        score_end = ticker_hdr.start() if ticker_hdr and ticker_hdr.start() > score_hdr.end() else len(rest)
        score = _read_score(rest[score_hdr.end():score_end], problems)
    else:
        problems.append("no Sentiment Score line")
    tickers = _read_ticker_scores(rest[ticker_hdr.end():], problems) if ticker_hdr else {}
    return SentimentBlock(label, score, tickers, tuple(problems))
