"""Date windows named in a question: "since June", "in Q3", "last 30 days", "this month",
"between March and May 2025", "in 2025", "year to date", "better now than in June". Relative windows count from ``today``.

Hand-written: date parsers (dateutil, dateparser) read one calendar date, not ranges such as
"Q3" or "the last 30 days"; ``dateutil.relativedelta`` does the calendar arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ingest.dates import parse_date

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d{2}"
_QUARTER = r"(?:q([1-4])|([1-4])q|(first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?(" + _YEAR + r"))?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# One point in time a window can start or end at, most specific first.
_POINT = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?|{_YEAR}-\d{{2}}-\d{{2}}"
    rf"|(?:early|mid|late)[-\s]+{_YEAR}|{_QUARTER}|h[12](?:\s+{_YEAR})?|last\s+{_MONTH}(?![\w-])|{_MONTH}(?:\s+{_YEAR})?|{_YEAR})"
)
_RANGE = re.compile(rf"\b(?:between|from)\s+(?:the\s+|last\s+)?(?P<a>{_POINT})\s+(?:and|to|through|until|till|-)\s+(?:the\s+)?(?P<b>{_POINT})(?![\w-])", re.I)
# Two months joined by a dash or "to" with no "between"/"from" ("jul-dec 2025", "Mar to May").
_MONTH_RANGE = re.compile(rf"(?<![\w-])(?P<a>{_MONTH})\s*(?:-|\u2013|\u2014|to|through|thru)\s*(?P<b>{_MONTH}(?:\s+{_YEAR})?)(?![\w-])", re.I)
_NOT_FROM = r"(?<!since )(?<!since the )(?<!from )(?<!from the )(?<!after )(?<!after the )"  # (a window from a day)
_A_YEAR = r"(?=(?:this|last)\s+year\b|(?:19|20)\d{2}\b)"  # a year follows
# Analysts' shorthand for halves, quarters and years, written out: "2H25", "1H 2026", "3Q25",
# "Q3'25", "H2 ’25", "Q1 '25".
_SHORTHAND = (
    (re.compile(r"\b([12])H\s?['\u2019]?(\d{2})\b", re.I), r"H\1 20\2"),
    (re.compile(r"\b([12])H\s?(\d{4})\b", re.I), r"H\1 \2"),
    (re.compile(r"\b([1-4])Q\s?['\u2019]?(\d{2})\b", re.I), r"Q\1 20\2"),
    (re.compile(r"\b(H[12]|Q[1-4])\s?['\u2019](\d{2})\b", re.I), r"\1 20\2"),
    (re.compile(r"(?<![\w'\u2019])['\u2019](\d{2})\b"), r"20\1"),
    (re.compile(r"\b(?:back|latter)\s+half\b", re.I), "second half"),
    (re.compile(r"\bfront\s+half\b", re.I), "first half"),
    (re.compile(r"\byr(s?)\b", re.I), r"year\1"),  # "so far this yr"
    (re.compile(r"\bqtr(s?)\b", re.I), r"quarter\1"),
    # the start or end of a year is its early or late third: "at the start of 2026", "end of last year"
    # ("since the start of this year", "since the end of 2025" stay windows from a day)
    (re.compile(rf"{_NOT_FROM}\b(?:the\s+)?(?:start|beginning|outset|opening\s+months?)\s+of\s+(?:the\s+)?{_A_YEAR}", re.I), "early "),
    (re.compile(rf"{_NOT_FROM}\b(?:the\s+)?(?:end|close|tail\s+end|closing\s+months?)\s+of\s+(?:the\s+)?{_A_YEAR}", re.I), "late "),
)
# "this year" and "last year" as the year they name when they qualify a part of a year ("the first
# quarter of this year", "Q3 last year") or are set against each other ("last year vs this year").
_PART_OF_RELATIVE_YEAR = re.compile(
    rf"(?<![\w-])((?:q[1-4]|h[12]|(?:first|second|third|fourth)\s+quarter|(?:first|second)\s+half|{_MONTH}))(?:\s+of)?\s+(?:the\s+)?(this|last)\s+year\b", re.I
)
_PARTED_RELATIVE_YEAR = re.compile(r"\b(early|mid|late)[-\s]+(this|last)\s+year\b", re.I)
_RELATIVE_YEARS_SET_AGAINST = re.compile(
    r"\b(?:this|last)\s+year\b[^?.;]{0,25}?\b(?:vs\.?|versus|against|compared\s+(?:with|to)|or|and)\s+(?:the\s+|in\s+)?(?:this|last)\s+year\b", re.I
)
_RELATIVE_YEAR = re.compile(r"\b(this|last)\s+year\b", re.I)
# Two points set against each other ("2025 vs 2026", "2026 compared with 2025", "compare the
# 2025 average with 2026", "the Q1 score versus the Q3 score"): the window runs over both.
_MEASURE = r"(?:\s+(?:avg|average|mean|score|sentiment|reading))?"
_AGAINST = re.compile(
    rf"\bcompar(?:e|ing)\s+(?:the\s+|its\s+)?(?P<c>{_POINT}){_MEASURE}\s+(?:with|to|and|against)\s+(?:the\s+|its\s+|in\s+)?(?P<d>{_POINT}){_MEASURE}(?![\w-])"
    rf"|(?<![\w-])(?P<a>{_POINT}){_MEASURE}\s+(?:versus|vs\.?|against|compared\s+(?:with|to)|relative\s+to)"
    rf"\s+(?:the\s+|its\s+|in\s+|during\s+)?(?P<b>{_POINT}){_MEASURE}(?![\w-])",
    re.I,
)
# Notes "from" a period are the notes written in it ("the three notes from 2025"), not since it;
# so are the highest or lowest scores from it ("the three highest scores from H2 2026"; not
# "scores from March onwards").
_NOTES_FROM = re.compile(rf"\b(?:notes?|pieces?|write-?ups?|articles?|stories|(?:highest|lowest)\b[\w\s]{{0,30}}?\bscores)\s+(?:from|of|dated|written\s+in)\s+(?:the\s+)?(?P<a>{_POINT})(?![\w-])"
    r"(?!\s+(?:on(?:wards?)?|to|until|till|through|vs\.?|versus|compared)\b)", re.I)
_SINCE = re.compile(rf"\b(?:since|after|starting|from)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+)?(?P<a>{_POINT})(?![\w-])", re.I)
# Now set against a point in the past ("better now than at the start of 2025", "worse than in
# June", "compared with where it stood in February, better now?"): from that point to today, as "since".
_THAN = re.compile(
    rf"\b(?:than|(?P<against>(?:compared|relative)\s+(?:with|to)))\s+"
    rf"(?:(?:where|how)\s+(?:it|they|sentiment)\s+(?:was|were|stood|looked)\s+|it\s+was\s+|they\s+were\s+)?"
    rf"(?:back\s+)?(?:at|in|during|on)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?(?P<a>{_POINT})(?![\w-])",
    re.I,
)
# "compared with where it stood in February, is it better now?": set against now only when "now" is said.
_NOW = re.compile(r"\b(?:now|today|currently|lately)\b", re.I)
_UNTIL = re.compile(rf"\b(?:before|until|till|through|up\s+to|prior\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?(?P<a>{_POINT})(?![\w-])", re.I)
_TRAILING = re.compile(
    r"\b(?:last|past|previous|trailing|recent)\s+(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(day|week|wk|month|mo|mth|quarter|qtr|year|yr)s?\b",
    re.I,
)
_UNIT = {"wk": "week", "mo": "month", "mth": "month", "qtr": "quarter", "yr": "year"}  # shorthand units ("last 6 mos")
_PREVIOUS = re.compile(r"\b(last|previous|past|prior)\s+(month|quarter|year|week)\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_THIS = re.compile(
    r"\b(?:this|current|the\s+current|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this))\s+(month|quarter|year|week)\b"
    r"|\b(year[- ]to[- ]date|ytd|so\s+far\s+this\s+year)\b",
    re.I,
)
# Two months, quarters or halves joined or set against each other: "in September and October
# 2025", "in Q2 and Q3", "in the first half of 2026 or the second half": from the first to the second.
_PAIRED = rf"(?:{_MONTH}|q[1-4]|h[12]|(?:first|second)\s+half|(?:first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?{_YEAR})?"
_PAIR = re.compile(
    rf"\b(?:in|during|for|over|across)\s+(?:the\s+)?(?P<a>{_PAIRED})\s+(?:and|&|or|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?(?P<b>{_PAIRED})(?![\w-])",
    re.I,
)
# A stance that moved from one period to another: "went from bullish in feb to bearish in october",
# "from negative in Q1 to positive in Q3": from the first to the second.
_SWING = re.compile(
    rf"\bfrom\s+[^?.,;]{{1,40}}?\s+in\s+(?:the\s+)?(?P<a>{_PAIRED})\s+to\s+[^?.,;]{{1,40}}?\s+in\s+(?:the\s+)?(?P<b>{_PAIRED})(?![\w-])",
    re.I,
)
_IN = re.compile(rf"(?<![\w-])({_QUARTER}|h([12])(?:\s+({_YEAR}))?|(?:first|second)\s+half(?:\s+of)?(?:\s+{_YEAR})?)(?![\w-])", re.I)
_MONTH_IN = re.compile(rf"\b(?:in|during|for|of|over)\s+({_MONTH}(?:\s+{_YEAR})?)(?![\w-])|(?<![\w-])({_MONTH}\s+{_YEAR})(?![\w-])", re.I)
_NOTE_DAY = re.compile(
    rf"\b(?:note|piece|write-?up|article|story)\s+(?:from|of|dated|on|published\s+on|written\s+on)\s+"
    rf"({_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?|{_YEAR}-\d{{2}}-\d{{2}})(?![\w-])",
    re.I,
)
# A part of a year in words: "early/mid/late 2025" (its thirds: January-April, May-August,
# September-December) and a season, "over the summer", "summer 2025" (northern: summer is June to
# August; without a year, the latest one begun by today).
_THIRD = re.compile(rf"\b(early|mid|late)[-\s]+({_YEAR})\b", re.I)
_THIRDS = {"early": 1, "mid": 5, "late": 9}
_SEASON = re.compile(
    rf"(?:\b(?:the|this|last|in|over|during|since|through)\s+)(winter|spring|summer|autumn|fall(?!\s+(?:in|of|to|from|back)\b))\b(?:\s+(?:of\s+)?({_YEAR}))?"
    rf"|\b(winter|spring|summer|autumn|fall)\s+(?:of\s+)?({_YEAR})\b",  # (not "did sentiment fall?")
    re.I,
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# A year alone ("in 2026", "... in 2026."): not an amount ("$2025", "2025.5", "2025%").
_YEAR_IN = re.compile(rf"(?<![\w$.-])({_YEAR})(?![\w%-]|\.\d)")


@dataclass(frozen=True)
class Window:
    """Notes dated ``start`` to ``end`` (inclusive; ``None`` is open); ``label`` says it in words."""

    start: date | None
    end: date | None
    label: str

    def contains(self, day: date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        """ "2025-07-01 to 2025-09-30", "since 2025-06-01", "until 2025-03-31"."""
        if self.start and self.end:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        return f"since {self.start.isoformat()}" if self.start else f"until {self.end.isoformat()}" if self.end else "any date"

    def intersect(self, other: "Window | None") -> "Window":
        if other is None:
            return self
        start = max((d for d in (self.start, other.start) if d), default=None)
        end = min((d for d in (self.end, other.end) if d), default=None)
        return Window(start, end, f"{self.label}, {other.label}")


def _quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def _latest_year(month: int, today: date) -> int:
    """The year of the latest period starting in ``month`` that has begun by ``today``."""
    return today.year if month <= today.month else today.year - 1


def span(text: str, today: date) -> tuple[date, date] | None:
    """The first and last day of one point of time written in ``text`` (a day, month, quarter,
    half or year); without a year, the latest one that has begun by ``today``."""
    text = text.strip().lower()
    quarter = re.fullmatch(_QUARTER, text, re.I)
    if quarter:
        q = int(quarter.group(1) or quarter.group(2) or _ORDINAL[quarter.group(3)])
        start = _quarter_start(int(quarter.group(4)) if quarter.group(4) else _latest_year(3 * q - 2, today), q)
        return start, start + relativedelta(months=3) - timedelta(days=1)
    half = re.fullmatch(rf"(?:h([12])|(first|second)\s+half(?:\s+of)?)(?:\s+({_YEAR}))?", text, re.I)
    if half:
        h = int(half.group(1) or {"first": 1, "second": 2}[half.group(2)])
        start_month = 6 * h - 5
        year = int(half.group(3)) if half.group(3) else _latest_year(start_month, today)
        return date(year, start_month, 1), date(year, start_month + 5, 1) + relativedelta(months=1) - timedelta(days=1)
    if re.fullmatch(_YEAR, text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    if third := _THIRD.fullmatch(text):
        start = date(int(third.group(2)), _THIRDS[third.group(1).lower()], 1)
        return start, start + relativedelta(months=4) - timedelta(days=1)
    if last := re.fullmatch(rf"last\s+({_MONTH})", text, re.I):  # the latest such month before this one
        m = _MONTHS.index(last.group(1)[:3]) + 1
        start = date(today.year if m < today.month else today.year - 1, m, 1)
        return start, start + relativedelta(months=1) - timedelta(days=1)
    month = re.fullmatch(rf"({_MONTH})(?:\s+({_YEAR}))?", text, re.I)
    if month:
        m = _MONTHS.index(month.group(1)[:3]) + 1
        year = int(month.group(2)) if month.group(2) else _latest_year(m, today)
        return date(year, m, 1), date(year, m, 1) + relativedelta(months=1) - timedelta(days=1)
    day = parse_date(text, today)
    return (day, day) if day else None


def _calendar(unit: str, today: date, back: int) -> tuple[date, date]:
    """The calendar month/quarter/year/week ``back`` steps before the one holding ``today``."""
    if unit == "week":
        start = today - timedelta(days=today.weekday()) - timedelta(weeks=back)
        return start, start + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    first = date(today.year, 1 if unit == "year" else (today.month - 1) // months * months + 1, 1)
    start = first - relativedelta(months=months * back)
    return start, start + relativedelta(months=months) - timedelta(days=1)


def note_day(text: str, today: date) -> date | None:
    """The day of "the note from March 5" / "the note dated 2025-03-05", if a question names one."""
    found = _NOTE_DAY.search(text)
    return parse_date(found.group(1), today) if found else None


def pair(first: str, second: str, today: date) -> tuple[date, date] | None:
    """From the start of ``first`` to the end of ``second`` ("September", "October 2025"): the
    one without a year in the other's year ("the first half of 2026 or the second half"), the
    first the year before if it would come after the second."""
    year = re.search(_YEAR, first)
    if year and not re.search(_YEAR, second):
        second = f"{second} {year.group(0)}"
    b = span(second, today)
    if b is None:
        return None
    a = span(first if year else f"{first} {b[0].year}", today)
    if a and a[0] > b[0]:
        a = span(f"{first} {b[0].year - 1}", today)
    return (a[0], b[1]) if a else None


def written_out(text: str) -> str:
    """``text`` with period shorthand written out ("2H25" -> "H2 2025", "Q1 '25" -> "Q1 2025")."""
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


def years_named(text: str, today: date) -> str:
    """``text`` with "this year" and "last year" written as years where they qualify a part of a
    year or are set against each other (``_PART_OF_RELATIVE_YEAR``); elsewhere they stay windows
    of their own ("this year": year to date)."""
    year = {"this": today.year, "last": today.year - 1}
    text = _PARTED_RELATIVE_YEAR.sub(lambda m: f"{m.group(1)} {year[m.group(2).lower()]}", text)  # "early this year"
    text = _PART_OF_RELATIVE_YEAR.sub(
        lambda m: m.group(0) if m.group(1) == "may" else f"{m.group(1)} {year[m.group(2).lower()]}", text  # "may" the verb
    )
    if _RELATIVE_YEARS_SET_AGAINST.search(text):
        text = _RELATIVE_YEAR.sub(lambda m: str(year[m.group(1).lower()]), text)
    return text


def compared(first: str, second: str, today: date) -> tuple[date, date] | None:
    """From the start of the earlier of two points set against each other to the end of the
    later; a point without a year takes the other's ("Q1 vs Q3 2025")."""
    year_a, year_b = re.search(_YEAR, first), re.search(_YEAR, second)
    if year_a and not year_b:
        second = f"{second} {year_a.group(0)}"
    elif year_b and not year_a:
        first = f"{first} {year_b.group(0)}"
    a, b = span(first, today), span(second, today)
    return (min(a[0], b[0]), max(a[1], b[1])) if a and b else None


def before(window: Window) -> Window | None:
    """The notes before a window that runs from a point to now ("since June 2025": before June
    2025), what a trend "since" that point is set against; None for any other window."""
    if window.start is None or not _SINCE.fullmatch(window.label):
        return None
    return Window(None, window.start - timedelta(days=1), f"before {window.start.isoformat()}")


def against_now(text: str) -> bool:
    """Whether ``text`` sets now against a past point ("better now than in June", "compared with
    where it stood in February, is it better now?"): a trend from that point to today."""
    found = _THAN.search(text)
    return found is not None and (not found.group("against") or _NOW.search(text) is not None)


def _named_year_end(text: str, label: str, today: date) -> date:
    """The day a range without a year is the latest before: the end of the one year the question
    names elsewhere ("mid-2025 (jun-aug)", "june-august of 2025"), else ``today``."""
    years = {int(y) for y in re.findall(_YEAR, text)}
    if re.search(_YEAR, label) or len(years) != 1:
        return today
    return min(date(years.pop(), 12, 31), today)


def find_window(text: str, today: date) -> Window | None:
    """The window a question asks about, or None when it names none."""
    text = years_named(written_out(text), today)
    for pattern in (_RANGE, _MONTH_RANGE):
        if (found := pattern.search(text)) and (both := pair(found.group("a"), found.group("b"), _named_year_end(text, found.group(0), today))):
            return Window(*both, found.group(0).strip())
    if (found := _NOTES_FROM.search(text)) and (point := span(found.group("a"), today)):
        return Window(*point, found.group(0).strip())
    if (found := _AGAINST.search(text)) and (both := compared(found.group("a") or found.group("c"), found.group("b") or found.group("d"), today)):
        return Window(*both, found.group(0).strip())
    if (found := _PAIR.search(text)) and (both := pair(found.group("a"), found.group("b"), today)):
        return Window(*both, found.group(0).strip())
    if (found := _SWING.search(text)) and (both := pair(found.group("a"), found.group("b"), _named_year_end(text, found.group(0), today))):
        return Window(*both, found.group(0).strip())
    if found := _TRAILING.search(text):
        count = int(found.group(1)) if found.group(1).isdigit() else _NUMBERS[found.group(1).lower()]
        unit = _UNIT.get(found.group(2).lower(), found.group(2).lower())
        delta = timedelta(days=count) if unit == "day" else timedelta(weeks=count) if unit == "week" else relativedelta(
            months=count * {"month": 1, "quarter": 3, "year": 12}[unit])
        return Window(today - delta, today, found.group(0).strip())
    if found := _SINCE.search(text):
        point = span(found.group("a"), today)
        if point:
            start = point[0] if found.group(0).lower().startswith(("since", "starting", "from")) else point[1] + timedelta(days=1)
            return Window(start, today, found.group(0).strip())
    if against_now(text) and (point := span((found := _THAN.search(text)).group("a"), today)):
        return Window(point[0], today, found.group(0).strip())
    if found := _UNTIL.search(text):
        point = span(found.group("a"), today)
        if point:
            end = point[0] - timedelta(days=1) if found.group(0).lower().startswith(("before", "prior")) else point[1]
            return Window(None, end, found.group(0).strip())
    if found := _PREVIOUS.search(text):
        unit = found.group(2).lower()
        # "the past month", "over the last year": the trailing one ("last year" alone: the calendar year before)
        trailing = found.group(1).lower() == "past" or found.group(1).lower() == "last" and _THE_BEFORE.search(text, 0, found.start())
        if trailing:
            delta = timedelta(weeks=1) if unit == "week" else relativedelta(months={"month": 1, "quarter": 3, "year": 12}[unit])
            return Window(today - delta, today, found.group(0).strip())
        return Window(*_calendar(unit, today, 1), found.group(0).strip())
    if found := _THIS.search(text):
        start, _ = _calendar((found.group(1) or "year").lower(), today, 0)
        return Window(start, today, found.group(0).strip())
    if found := _THIRD.search(text):
        return Window(*span(found.group(0), today), found.group(0).strip())
    if found := _SEASON.search(text):
        season, named = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
        month = _SEASONS[season.lower()]
        year = int(named) if named else _latest_year(month, today)
        start = date(year, month, 1)
        return Window(start, start + relativedelta(months=3) - timedelta(days=1), found.group(0).strip())
    for pattern in (_IN, _MONTH_IN):
        if found := pattern.search(text):
            point = span(next(g for g in found.groups() if g), today)
            if point:
                return Window(*point, found.group(0).strip())
    if found := _YEAR_IN.search(text):
        return Window(*span(found.group(1), today), found.group(1))
    return None
