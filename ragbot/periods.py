"""Reporting periods named in text ("Q2 2025", "second quarter", "FY2026", "the June quarter",
"H1", "2025"), so that an answer about one quarter does not cite another quarter's figures.

Hand-written: date parsers (dateparser, dateutil) read calendar dates, not fiscal periods.
"""

from __future__ import annotations

import re

_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}
# (kind, pattern): the first non-empty group is the period's value within its kind.
_PATTERNS = (
    ("quarter", re.compile(r"\b(?:Q([1-4])|([1-4])Q|(first|second|third|fourth)[- ]quarter)(?!\w)", re.IGNORECASE)),
    ("fiscal_year", re.compile(r"\b(?:FY\s?'?(\d{4}|\d{2})|fiscal\s+(?:year\s+)?(\d{4}))\b", re.IGNORECASE)),
    ("month_quarter", re.compile(r"\b(March|June|September|December)[- ]quarter\b", re.IGNORECASE)),
    ("half", re.compile(r"\b(?:([12])H|H([12])|(first|second) half)\b", re.IGNORECASE)),
    ("year", re.compile(r"(?<![\w$.])(20\d{2})(?![\w%.]|\.\d)")),
)
# How much a kind says about which period a text is about: a bare year is weak evidence.
_WEIGHT = {"quarter": 1.0, "fiscal_year": 1.0, "month_quarter": 1.0, "half": 1.0, "year": 0.5}


def _normalise(kind: str, value: str) -> str:
    value = _ORDINALS.get(value.lower(), value.lower())
    if kind == "fiscal_year" and len(value) == 2:
        return "20" + value
    return value


def period_mentions(text: str) -> list[tuple[int, str, str]]:
    """Every period ``text`` names as ``(offset, kind, value)``, in order."""
    found = [
        (match.start(), kind, _normalise(kind, next(group for group in match.groups() if group)))
        for kind, pattern in _PATTERNS
        for match in pattern.finditer(text)
    ]
    return sorted(found)


def periods(text: str) -> dict[str, set[str]]:
    """The periods ``text`` names, by kind: ``{"quarter": {"2"}, "year": {"2025"}}``."""
    found: dict[str, set[str]] = {}
    for _, kind, value in period_mentions(text):
        found.setdefault(kind, set()).add(value)
    return found


def periods_by_company(text: str, companies: list[tuple[int, str]]) -> dict[str, dict[str, set[str]]]:
    """The periods asked for each company of a comparison: each period goes to the company
    named last before it (or first, if it comes before any), as in "Oracle's fiscal Q2 2026
    against Palantir's Q3 2025". Empty unless at least two companies get periods."""
    if len(companies) < 2:
        return {}
    found: dict[str, dict[str, set[str]]] = {}
    for offset, kind, value in period_mentions(text):
        owner = max((c for c in companies if c[0] <= offset), default=min(companies))[1]
        found.setdefault(owner, {}).setdefault(kind, set()).add(value)
    return found if len(found) >= 2 else {}


def period_fit(asked: dict[str, set[str]], text: dict[str, set[str]], context: dict[str, set[str]]) -> float:
    """How well a sentence's periods fit the ones asked about, in [-1, 1].

    For each kind of period the question names, a sentence naming the same one scores +1 and
    one naming only others -1; a sentence naming none of that kind takes half the verdict of
    its ``context`` (its passage and note title). 0 when the question names no period.
    """
    total = weight = 0.0
    for kind, wanted in asked.items():
        w = _WEIGHT[kind]
        weight += w
        if kind in text:
            total += w * (1.0 if wanted & text[kind] else -1.0)
        elif kind in context:
            total += w * (0.5 if wanted & context[kind] else -0.5)
    return total / weight if weight else 0.0


_RELATIVE_QUARTER = re.compile(
    r"\b(?:(following|next|subsequent|previous|prior|preceding)\s+quarter|quarter\s+(after|before|later|earlier))\b",
    re.IGNORECASE,
)
_QUARTER_WITH_YEAR = re.compile(r"\bQ([1-4])(\s+(?:FY\s?)?)?(\d{4}|\d{2})?\b", re.IGNORECASE)


def relative_quarter(text: str) -> int:
    """+1 for "the following quarter" or "the quarter after", -1 for "the previous quarter", else 0."""
    match = _RELATIVE_QUARTER.search(text)
    if match is None:
        return 0
    word = (match.group(1) or match.group(2)).lower()
    return 1 if word in {"following", "next", "subsequent", "after", "later"} else -1


def shift_quarters(text: str, step: int) -> str:
    """``text`` with every "Qn [year]" moved ``step`` quarters ("Q4 2025" + 1 -> "Q1 2026")."""

    def shifted(match: re.Match) -> str:
        index = int(match.group(1)) - 1 + step
        quarter, years = index % 4 + 1, index // 4
        year = match.group(3)
        if year is None:
            return f"Q{quarter}"
        moved = str(int(year) + years).zfill(len(year))[-len(year):]
        return f"Q{quarter}{match.group(2) or ' '}{moved}"

    return _QUARTER_WITH_YEAR.sub(shifted, text)


_RECENCY = re.compile(r"\b(latest|current|currently|most recent|newest|recent|now|today|so far)\b", re.IGNORECASE)


def asks_latest(text: str) -> bool:
    """Whether a question asks for the newest figures ("the latest growth rate", "current backlog")."""
    return _RECENCY.search(text) is not None


def newest_quarter(text: str) -> int:
    """The latest "Qn year" the text names, as year * 4 + quarter (0 when it names none)."""
    keys = [
        (int(year) + (2000 if len(year) == 2 else 0)) * 4 + int(quarter)
        for quarter, _, year in _QUARTER_WITH_YEAR.findall(text)
        if year
    ]
    return max(keys, default=0)
