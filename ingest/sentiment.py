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
``$BABA``, ``(0.41)``, a per-ticker label between ticker and score as in ``BABA`` /
``mildly positive`` / ``0.41``, or after the score as in ``BABA: 0.41 (mildly positive)``, or
columns naming the company: ``SLVQ | Solvenda Learning Group, Inc. | 0.36 | mildly positive``).
A line set in columns that starts with a ticker and holds one score is that ticker's, whatever
else it says; the rest is read token by token, since a ticker and its score may sit on two lines.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import groupby

# The header ends its line or is followed by a colon, so prose ("the overall sentiment
# among investors") does not start the block.
BLOCK_START = re.compile(r"Overall\s+Sentiment(?=[ \t]*(?::|\r?\n|$))", re.IGNORECASE)
_SCORE_HEADER = re.compile(r"Sentiment\s+Score\s*:?", re.IGNORECASE)
_TICKER_HEADER = re.compile(r"Ticker\s+Sentiment\s*:?", re.IGNORECASE)
_NUMBER = re.compile(r"^[-+\u2212]?(\d+(\.\d*)?|\.\d+)$")
# What a score was meant to be, even when it is not a usable one ("NaN", "1e309", "inf").
_NUMBER_LIKE = re.compile(r"^[-+\u2212]?((\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|nan|inf(inity)?)$", re.IGNORECASE)
# A symbol of up to 16 characters: "ASIANPAINT.NS", "BAJAJ-AUTO.NS", "FALABELLA.SN".
_TICKER = re.compile(r"^\$?(?=[A-Z0-9.\-]*[A-Z])[A-Z0-9][A-Z0-9.\-]{0,15}$")
# An exchange's bare numeric code, as desks in Asia write them: "2267" (Tokyo), "0700" (Hong Kong),
# "600519" (Shanghai). No score has four digits, so it is never a score; it is a ticker only with
# its score right after it ("2267 0.05", "2313: -0.30"; not "2040 outlook: 0.3").
_CODE = re.compile(r"^\d{4,6}$")
# (dashes set between a ticker and its label too: "AJG — mildly negative (-0.27)", "AJG - 0.4")
_TOKEN_SPLIT = re.compile(r"\s+-+(?=\s)|[\s:,;()\[\]|=\u2013\u2014]+")
# Columns of a ticker line: a bar or a tab between them.
_COLUMNS = re.compile(r"[|\t]")
# Words allowed between a ticker and its score: a per-ticker label ("strongly positive",
# "Somewhat-Bullish") is at most two words; anything longer is not a score line.
MAX_LABEL_WORDS = 2


def is_code(ticker: str) -> bool:
    """Whether ``ticker`` is an exchange's bare numeric code ("2267", ``_CODE``)."""
    return _CODE.match(ticker) is not None


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


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _read_label(text: str, problems: list[str]) -> str | None:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1:
        problems.append(f"text after the sentiment label was dropped: {_shorten(' '.join(lines[1:]))!r}")
    label = lines[0].strip(" :\t") if lines else ""
    return re.sub(r"\s+", " ", label).lower() or None


def _read_score(text: str, problems: list[str]) -> float | None:
    tokens = text.split()
    if not tokens:
        problems.append("Sentiment Score is empty")
        return None
    if len(tokens) > 1:
        problems.append(f"text after the Sentiment Score was dropped: {_shorten(' '.join(tokens[1:]))!r}")
    score = _to_float(tokens[0])
    if score is None:
        problems.append(f"Sentiment Score {tokens[0]!r} is not a number")
    elif not -1.0 <= score <= 1.0:
        problems.append(f"Sentiment Score {score} is outside [-1, 1]")
        score = None
    return score


def _ticker_score(ticker: str, raw: str, problems: list[str]) -> float | None:
    value = float(raw.replace("\u2212", "-"))  # _NUMBER_LIKE tokens all parse, NaN and inf included
    if not math.isfinite(value):
        kind = "a number" if math.isnan(value) else "a finite number"
        problems.append(f"Ticker Sentiment {ticker} {raw!r} is not {kind}")
    elif not -1.0 <= value <= 1.0:
        problems.append(f"Ticker Sentiment {ticker} {value} is outside [-1, 1]")
    else:
        return value
    return None


def _score_position(tokens: list[str], ticker_at: int) -> int | None:
    """Index of the score that belongs to the ticker at ``ticker_at``, or None."""
    for j in range(ticker_at + 1, min(ticker_at + 2 + MAX_LABEL_WORDS, len(tokens))):
        if is_code(tokens[j]):
            continue  # another listing's code beside the ticker ("BABA (9988) 0.41"), no score
        if _NUMBER_LIKE.match(tokens[j]):
            return j
        if _TICKER.match(tokens[j]):
            return None
    return None


def _after_label(tokens: list[str], start: int) -> int:
    """Where the next ticker line starts: after a label of up to ``MAX_LABEL_WORDS`` words that
    follows a score ("IHG: -0.33 (mildly negative)"), if the next ticker or the end comes then."""
    end = start
    while end < len(tokens) and end - start < MAX_LABEL_WORDS and tokens[end].isalpha() and not _TICKER.match(tokens[end]):
        end += 1
    return end if end == len(tokens) or _TICKER.match(tokens[end]) else start


def _described(words: list[str]) -> bool:
    """Whether ``words`` (a ticker line's text besides its ticker and score) describe it: empty,
    a label ("mildly positive"), or a name ("Solvenda Learning Group, Inc.")."""
    return len(words) <= MAX_LABEL_WORDS or words[0][:1].isupper()


def _ticker_line(line: str) -> tuple[str, str] | None:
    """(ticker, score) of a line set in columns (``|`` or tabs) that starts with a ticker and
    holds exactly one score, whatever columns describe it ("SLVQ | Solvenda Learning Group, Inc. |
    0.36 | mildly positive", "GOLF | Acushnet Holdings | mildly positive | 0.44"); None for any
    other line (words alone do not say which of "TCEHY BABA 0.40" the score is)."""
    if not _COLUMNS.search(line):
        return None
    tokens = [t for t in _TOKEN_SPLIT.split(line) if t]
    numbers = [i for i, t in enumerate(tokens) if _NUMBER_LIKE.match(t)]
    if len(numbers) != 1 or not tokens or not _TICKER.match(tokens[0]) or numbers[0] == 0:
        return None
    at = numbers[0]
    if not (_described(tokens[1:at]) and _described(tokens[at + 1:])):
        return None
    return tokens[0].lstrip("$"), tokens[at]


def _read_ticker_scores(text: str, problems: list[str]) -> dict[str, float]:
    """Read each line that is one ticker's (``_ticker_line``), and the lines between them by
    ``_pair_tokens``, in order; every token left unpaired is reported as dropped text."""
    scores: dict[str, float] = {}
    dropped: list[str] = []
    for pair, lines in groupby(text.splitlines(), key=_ticker_line):
        if pair is None:
            _pair_tokens("\n".join(lines), scores, dropped, problems)
        elif (value := _ticker_score(*pair, problems)) is not None:
            scores[pair[0]] = value
    if dropped:
        problems.append(f"text in Ticker Sentiment that is not a ticker and its score was dropped: {_shorten(' '.join(dropped))!r}")
    return scores


def _pair_tokens(text: str, scores: dict[str, float], dropped: list[str], problems: list[str]) -> None:
    """Pair each ticker-looking token with the next number, allowing a label of up to
    ``MAX_LABEL_WORDS`` words (not tickers) between ("BABA\n0.62", "BABA 0.4, JD 0.2"), into
    ``scores``; unpaired tokens go to ``dropped``."""
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    i = 0
    while i < len(tokens):
        if is_code(tokens[i]) and i + 1 < len(tokens) and _NUMBER.match(tokens[i + 1]):
            if (value := _ticker_score(tokens[i], tokens[i + 1], problems)) is not None:
                scores[tokens[i]] = value
            i += 2
            continue
        if _TICKER.match(tokens[i]):
            ticker = tokens[i].lstrip("$")
            j = _score_position(tokens, i)
            if j is not None:
                value = _ticker_score(ticker, tokens[j], problems)
                if value is not None:
                    scores[ticker] = value
                i = _after_label(tokens, j + 1)
                continue
        dropped.append(tokens[i])
        i += 1


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
    label = _read_label(rest[:label_end], problems)
    score = None
    if score_hdr:
        score_end = ticker_hdr.start() if ticker_hdr and ticker_hdr.start() >= score_hdr.end() else len(rest)
        score = _read_score(rest[score_hdr.end():score_end], problems)
    else:
        problems.append("no Sentiment Score line")
    tickers = {}
    if ticker_hdr:
        ticker_end = score_hdr.start() if score_hdr and score_hdr.start() >= ticker_hdr.end() else len(rest)
        tickers = _read_ticker_scores(rest[ticker_hdr.end():ticker_end], problems)
    return SentimentBlock(label, score, tickers, tuple(problems))
