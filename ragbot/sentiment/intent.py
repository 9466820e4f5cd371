"""What a sentiment question asks: its kind, companies, window, grouping period, count and
direction, read from its wording by general rules (no phrasing of any one question)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ragbot.routing import Question, topic_terms
from ragbot.sentiment.windows import Window, find_window

Kind = Literal["note", "extreme", "distribution", "trend", "compare", "summary"]
KINDS: tuple[str, ...] = ("note", "extreme", "distribution", "trend", "compare", "summary")

_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_N = r"(\d+|two|three|four|five|six|seven|eight|nine|ten)"
_POSITIVE = r"positive|bullish|optimistic|upbeat|constructive|best|highest|strongest|favou?rable"
_NEGATIVE = r"negative|bearish|pessimistic|downbeat|worst|lowest|weakest|gloomiest|unfavou?rable"
_EXTREME = re.compile(
    rf"\b(?:most|least|highest|lowest|best|worst|strongest|weakest|top|bottom|rank\w*|gloomiest)\b|\b{_N}\s+(?:most|least)\b|\b(?:more|less)\s+(?:{_POSITIVE}|{_NEGATIVE})\b",
    re.I,
)
_TOP_N = re.compile(rf"\b(?:top|bottom|best|worst|highest|lowest)\s+{_N}\b|\b{_N}\s+(?:most|least|highest|lowest|best|worst|notes|companies|tickers|stocks)\b", re.I)
_DIRECTION = re.compile(rf"\b(least\s+)?({_POSITIVE}|{_NEGATIVE})\b", re.I)
_DISTRIBUTION = re.compile(r"\bhow\s+many\b|\bcount\b|\bnumber\s+of\b|\bbreak\s*down\b|\bdistribution\b|\bsplit\b|\bproportion\b|\bshare\s+of\b|\bpercent(?:age)?\b|\bhow\s+often\b", re.I)
_TREND = re.compile(
    r"\b(?:improv\w*|worsen\w*|deteriorat\w*|chang\w*|trend\w*|over\s+time|evolv\w*|trajector\w*|shift\w*|moved|"
    r"since|by\s+month|by\s+quarter|monthly|quarterly|month\s+by\s+month|quarter\s+by\s+quarter|"
    r"declin\w*|ris(?:en|ing)|fallen|fell|dropp\w*|got\s+(?:better|worse)|turn\w*|momentum|direction)\b",
    re.I,
)
_COMPARE = re.compile(r"\b(?:compare\w*|comparison|versus|vs\.?|against|relative\s+to|differ\w*|than)\b", re.I)
_WHY = re.compile(r"\b(?:why|reasons?|driv(?:e|es|ing|en)|drivers?|explain\w*|behind|because|cause\w*)\b", re.I)
_ONE_NOTE = re.compile(r"\b(?:the|that|this|a|one)\b(?:\s+[\w'\u2019.-]+){0,6}?\s+note\b(?!s)|\bnote\s+(?:on|about|covering)\b", re.I)
_RECENCY = re.compile(r"\b(latest|newest|most\s+recent|last|first|earliest|oldest)\b", re.I)
_COMPANY_UNIT = re.compile(r"\b(?:compan(?:y|ies)|tickers?|stocks?|names|firms?|holdings?|positions?)\b", re.I)
_NOTE_WORD = re.compile(r"\bnotes?\b", re.I)
_MONTH_PERIOD = re.compile(r"\b(?:by|per|each|every|a)\s+month\b|\bmonthly\b|\bmonth[- ](?:by|over|on)[- ]month\b|\bmom\b", re.I)
_QUARTER_PERIOD = re.compile(r"\b(?:by|per|each|every|a)\s+quarter\b|\bquarterly\b|\bquarter[- ](?:by|over|on)[- ]quarter\b|\bqoq\b", re.I)
# Words that say how to answer about sentiment, not what a note is about.
_NOT_TOPIC = frozenset(
    "sentiment sentiments score scores scored scoring overall ticker tickers positive negative neutral bullish bearish "
    "mildly strongly label labelled labeled rated rating rate get got give given gave did does do compare compared "
    "comparison versus vs against relative view views mood tone optimistic pessimistic read reading company "
    "latest newest recent last first earliest oldest one single specific particular how".split()
)


@dataclass(frozen=True)
class SentimentIntent:
    """A sentiment question as a query: ``kind`` (see ``KINDS``), the ``tickers`` asked about,
    the date ``window``, the grouping ``period`` of a trend, ``n`` of a top-n, the ``direction``
    of an extreme or a count, whether it ranks notes or companies, the words saying which one
    note it means (``about``), which note by date (``pick``), and whether it asks ``why``."""

    kind: Kind
    tickers: tuple[str, ...] = ()
    window: Window | None = None
    period: Literal["month", "quarter"] | None = None
    n: int | None = None
    direction: Literal["positive", "negative"] | None = None
    unit: Literal["note", "company"] = "note"
    about: str = ""
    pick: Literal["topic", "newest", "oldest"] = "topic"
    why: bool = False


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text.lower()]


def _direction(text: str) -> Literal["positive", "negative"] | None:
    found = _DIRECTION.search(text)
    if not found:
        return None
    negative = re.fullmatch(_NEGATIVE, found.group(2), re.I) is not None
    if found.group(1):  # "least negative" ranks the most positive first
        negative = not negative
    return "negative" if negative else "positive"


def one_note_topic(question: Question) -> str:
    """The words that say which note is meant ("export ban", "Singles Day"), without the
    question's sentiment vocabulary or company names."""
    return " ".join(t for t in topic_terms(question.topic) if t not in _NOT_TOPIC and not t.isdigit())


def parse_intent(question: Question, today: date, window: Window | None = None) -> SentimentIntent:
    """The query a routed sentiment ``question`` asks; ``window`` (from the UI) narrows it further."""
    text = question.text
    asked = find_window(text, today)
    window = asked.intersect(window) if asked else window
    tickers = tuple(question.tickers)
    period = "quarter" if _QUARTER_PERIOD.search(text) else "month" if _MONTH_PERIOD.search(text) else None
    why = bool(_WHY.search(text))
    base = dict(tickers=tickers, window=window, period=period, why=why)
    top = _TOP_N.search(text)
    n = _number(next(g for g in top.groups() if g)) if top else None
    topic = one_note_topic(question)
    recency = _RECENCY.search(text)
    if _ONE_NOTE.search(text) and not _EXTREME.search(text.replace("most recent", "")):
        if recency and not topic:
            pick = "newest" if recency.group(1).lower() in {"latest", "newest", "most recent", "last"} else "oldest"
            return SentimentIntent("note", pick=pick, **base)
        if topic:
            return SentimentIntent("note", about=topic, **base)
    if _DISTRIBUTION.search(text):
        return SentimentIntent("distribution", direction=_direction(text), **base)
    if _EXTREME.search(text.replace("most recent", "")) and _DIRECTION.search(text):
        company = bool(_COMPANY_UNIT.search(text)) and not _NOTE_WORD.search(text)
        unit = "company" if company or (len(tickers) > 1 and not _NOTE_WORD.search(text)) else "note"
        return SentimentIntent("extreme", n=n, direction=_direction(text), unit=unit, **base)
    if _TREND.search(text) or period:
        return SentimentIntent("trend", **base)
    if len(tickers) > 1 or _COMPARE.search(text) and len(tickers) > 1:
        return SentimentIntent("compare", **base)
    return SentimentIntent("summary", **base)
