"""A note's date, and where it came from, in order of trust:

1. ``date_line``    a ``Date:`` (or ``Published:``) line among the note's first lines;
2. ``front_matter`` a ``date:`` key in a ``---`` front-matter block at the top;
3. ``file_name``    a date in the file name (``2025-11-03-baba.txt``, ``20251103_baba.txt``);
4. ``dateline``     a date in the first sentence ("On November 3, 2025, ...", "(Nov 3)"); a date
                    without a year takes the year (not after the file's date) that puts it nearest
                    the end of the latest period the sentence names ("(Oct. 8) ... in the third
                    quarter of 2025": 2025-10-08), else the latest such day not after the file's date;
5. ``file_mtime``   the file's modification date (what the caller passes as ``fallback``).

Candidate dates are found with regular expressions; the matched text is read by
``dateutil.parser`` (month names, abbreviations, orders). Hand-written finding because no kept
library locates a *note's own* date among the other dates prose mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath

from dateutil import parser as dateutil_parser

DATE_SOURCES = ("date_line", "front_matter", "file_name", "dateline", "file_mtime")
# How the page and ``ragbot stats`` name each source to a reader (the metadata keeps the key).
DATE_SOURCE_LABELS = {
    "date_line": "Date: line",
    "front_matter": "front matter",
    "file_name": "file name",
    "dateline": "first sentence",
    "file_mtime": "file's modified time",
}


def date_source_label(source: str | None) -> str:
    """How a reader is told where a note's date came from (``"file name"``); "unknown" if nowhere."""
    return DATE_SOURCE_LABELS.get(source or "", source or "unknown")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_NAME = re.compile(_MONTH)
_YEAR = r"(?:19|20)\d{2}"
# A calendar date written out: ISO, "November 3, 2025", "3 November 2025", "Nov 3", "2025/11/03", "11/03/2025".
_DATE = (
    rf"(?:{_YEAR}-\d{{1,2}}-\d{{1,2}}|{_YEAR}/\d{{1,2}}/\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/{_YEAR}|"
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?)"
)
_DATE_RE = re.compile(rf"(?<![\w/-])({_DATE})(?![\w/-])", re.IGNORECASE)


def is_month(word: str) -> bool:
    """Whether ``word`` names a month ("May", "Sept.")."""
    return _MONTH_NAME.fullmatch(word) is not None
_HAS_YEAR = re.compile(_YEAR)
_DATE_LINE = re.compile(r"^[ \t]*(?:date|published|dated)[ \t]*:[ \t]*(.+?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_DATE = re.compile(r"^(?:date|published|created)\s*:\s*['\"]?([^'\"\r\n]+?)['\"]?\s*$", re.IGNORECASE | re.MULTILINE)
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
# Words before a date that make it a period's end or a deadline, not the day the note reports.
_NOT_DATELINE = re.compile(r"\b(?:ended|ending|ends|through|thru|until|till|by|before|as of|since|from|to|due)\s*$", re.IGNORECASE)
# A year the first sentence names, with the quarter before it if any ("third quarter of 2025", "Q3 2025").
_NAMED_PERIOD = re.compile(
    r"(?:\b(?:Q([1-4])|(first|second|third|fourth)[- ]quarter)(?:\s+of)?(?:\s+fiscal)?\s+)?(?<![\w$.])((?:19|20)\d{2})(?![\w%]|\.\d)",
    re.IGNORECASE,
)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_HEAD_LINES = 5  # a Date: line counts among the note's first lines (after any front matter)


@dataclass(frozen=True)
class NoteDate:
    """An ISO date (``YYYY-MM-DD``) and which of ``DATE_SOURCES`` it came from."""

    date: str | None
    source: str | None


def parse_date(text: str, reference: date | None = None) -> date | None:
    """One written date (``"Nov 3"``, ``"2025-11-03"``, ``"3 November 2025"``); a date without a
    year is the latest such day not after ``reference`` (today if none). None if unreadable."""
    text = text.strip().rstrip(".,")
    reference = reference or date.today()
    try:
        parsed = dateutil_parser.parse(text, default=datetime(reference.year, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
    if not _HAS_YEAR.search(text) and parsed > reference:
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:  # Feb 29 in a year without one
            return None
    return parsed


def front_matter(text: str) -> re.Match | None:
    """The ``---`` block at the very top of ``text``, if any."""
    return _FRONT_MATTER.match(text)


def _from_date_line(text: str) -> date | None:
    head = "\n".join(text.lstrip().splitlines()[:_HEAD_LINES])
    line = _DATE_LINE.search(head)
    return _strict(line.group(1)) if line else None


def unread_date_line(text: str) -> str | None:
    """What to warn of when the ``Date:`` line at the head of ``text`` states no full date (a month
    13, a day 45, no year), which is then ignored; None when it is read or there is none."""
    head = "\n".join(text.lstrip().splitlines()[:_HEAD_LINES])
    line = _DATE_LINE.search(head)
    if line is None or _strict(line.group(1)) is not None:
        return None
    return f"{line.group(0).strip()!r} is not a full date and was ignored"


def _strict(value: str) -> date | None:
    """A full date (with its year), or None: header values must say the year."""
    found = _DATE_RE.search(value)
    if found and _HAS_YEAR.search(found.group(1)):
        return parse_date(found.group(1))
    try:  # ISO timestamps ("2025-11-03T09:30:00Z")
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _from_file_name(source: str) -> date | None:
    for match in _FILE_DATE.finditer(PurePosixPath(source).name):
        try:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
    return None


def without_date_lines(text: str) -> str:
    """``text`` without its ``Date:`` (or ``Published:``, ``Dated:``) lines: a header, not prose."""
    return _DATE_LINE.sub("", text)


def first_sentence(text: str) -> str:
    """The first sentence of the note's prose (after front matter, Date: lines and headings)."""
    lines = [
        line for line in text.splitlines()
        if line.strip() and not _DATE_LINE.match(line) and not line.lstrip().startswith("#")
    ]
    prose = " ".join(lines[:3])
    end = re.search(r"(?<!\b[A-Z])(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[.!?](?=\s+[\"'(]?[A-Z]|$)", prose)
    return prose[: end.end()] if end else prose


def _named_period_end(sentence: str) -> date | None:
    """The last day of the latest period ``sentence`` names: a quarter of a year ("third quarter
    of 2025": 2025-09-30), else a year (2025-12-31); None if it names no year."""
    ends = []
    for match in _NAMED_PERIOD.finditer(sentence):
        year = int(match.group(3))
        quarter = int(match.group(1)) if match.group(1) else _QUARTERS.get((match.group(2) or "").lower(), 4)
        ends.append(date(year, 3 * quarter, 30 if quarter in (2, 3) else 31))
    return max(ends, default=None)


def _year_from_period(day: date, sentence: str, reference: date) -> date:
    """A year-less dateline's day moved to the year, not after ``reference``, that puts it
    nearest the end of the latest period ``sentence`` names (news reports recent periods: an
    "(Oct. 8)" note on "the third quarter of 2025" is from 2025 even if the file is from 2026).
    A period ending before the year before ``reference`` is history the sentence recalls, so the
    day stays as given (the latest such day not after ``reference``)."""
    end = _named_period_end(sentence)
    if end is None or end.year < reference.year - 1:  # "highest since 2019", "founded in 2010": history, not the news's period
        return day
    candidates = []
    for year in range(end.year - 1, day.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # Feb 29 in a year without one
            continue
    candidates = [c for c in candidates if c <= reference]
    return min(candidates, key=lambda c: abs((c - end).days), default=day)


def _from_dateline(text: str, reference: date) -> date | None:
    sentence = first_sentence(text)
    for match in _DATE_RE.finditer(sentence):
        if _NOT_DATELINE.search(sentence[: match.start()]):
            continue
        found = parse_date(match.group(1), reference)
        if found is not None:
            return found if _HAS_YEAR.search(match.group(1)) else _year_from_period(found, sentence, reference)
    return None


def note_date(text: str, source: str, fallback: str | None = None) -> NoteDate:
    """The date of the note ``text`` read from the file ``source``; ``fallback`` is the file's
    modification date (ISO), also the reference for datelines without a year."""
    block = front_matter(text)
    body = text[block.end():] if block else text
    reference = date.fromisoformat(fallback) if fallback else date.today()
    found = _from_date_line(body)
    if found:
        return NoteDate(found.isoformat(), "date_line")
    value = _FRONT_DATE.search(block.group(1)) if block else None
    found = _strict(value.group(1)) if value else None
    if found:
        return NoteDate(found.isoformat(), "front_matter")
    found = _from_file_name(source)
    if found:
        return NoteDate(found.isoformat(), "file_name")
    found = _from_dateline(body, reference)
    if found:
        return NoteDate(found.isoformat(), "dateline")
    return NoteDate(fallback, "file_mtime" if fallback else None)
