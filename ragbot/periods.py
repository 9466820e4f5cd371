"""Reporting periods named in text ("Q2 2025", "second quarter", "FY2026", "the June quarter",
"H1", "2025"), so that an answer about one quarter does not cite another quarter's figures.

Hand-written: date parsers (dateparser, dateutil) read calendar dates, not fiscal periods.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}
# ... or a quarter or half with its year's last two digits joined on ("3Q25", "1h25", "Q325"):
# the two digits are the year (``_PATTERNS``' "year" reads them, as 2025).
_QUARTER_JOINED = r"|\b(?:([1-4])Q|Q([1-4]))(?=[12]\d\b)"  # (not a chip's name: "H100", "Q150")
_HALF_JOINED = r"|\b(?:([12])H|H([12]))(?=[12]\d\b)"
# (kind, pattern): the first non-empty group is the period's value within its kind.
_PATTERNS = (
    # (a fiscal year may be joined on: "q4fy40")
    ("quarter", re.compile(r"\b(?:F?Q([1-4])|([1-4])Q|(first|second|third|fourth)[- ](?:fiscal[- ])?quarter)(?!(?!FY\d)\w)" + _QUARTER_JOINED, re.IGNORECASE)),
    # (or with the month it ends: "FY3/2048", "fy6/47", as Japanese companies write it)
    ("fiscal_year", re.compile(r"(?:\b|(?<=\bQ[1-4])|(?<=\b[1-4]Q))(?:FY\s?(?:(?:1[0-2]|0?[1-9])/)?'?(\d{4}|\d{2})|fiscal\s+(?:year\s+)?(\d{4}))\b", re.IGNORECASE)),
    ("month_quarter", re.compile(r"\b(March|June|September|December)[- ]quarter\b", re.IGNORECASE)),
    ("half", re.compile(r"\b(?:([12])H|H([12])|(first|second)[- ]half)\b" + _HALF_JOINED, re.IGNORECASE)),
    ("year", re.compile(
        r"(?<![\w$.])(20\d{2})(?![\w%]|\.\d)|(?<=\b[1-4]Q|\bQ[1-4]|\b[12]H|\bH[12])([12]\d)\b"
        # a year's two digits after a space ("q1 46", "H2 '45", as ``spelled_out`` reads them; not "Q1 4.6%")
        r"|(?<=\b[1-4]Q\s|\bQ[1-4]\s|\b[12]H\s|\bH[12]\s)['\u2019]?(\d{2})(?![\w%]|[.,]\d|\s+(?:new|more|additional|bps|basis|percent)\b)", re.IGNORECASE)),
)
# How much a kind says about which period a text is about: a bare year is weak evidence.
_WEIGHT = {"quarter": 1.0, "fiscal_year": 1.0, "month_quarter": 1.0, "half": 1.0, "year": 0.5, "quarter_of_year": 1.0, "half_of_year": 1.0}
# A quarter or half written with its year ("second-quarter 2025", "Q2 of fiscal 2026", "2025 first
# half") is one period, "2/2025": the second quarter of another year is another period, however the
# quarter and the year match apart ("revenue in Q2 2019" is not answered by "second-quarter 2025").
_OF_YEAR = {"quarter": "quarter_of_year", "half": "half_of_year"}
_YEAR_KINDS = ("year", "fiscal_year")
_YEAR_AFTER = re.compile(r"[\s-]*(?:of\s+)?(?:the\s+)?")  # what may join a quarter to the year after it
_YEAR_BEFORE = re.compile(r"[\s-]*")  # ... and to the year before it ("2025 second-quarter")


# A period in shorthand, with the year after it if any ("Q3", "3Q25", "H1 2025", "FY26", "Q3 FY25").
_SHORTHAND = re.compile(
    r"\b(?:(?:(?P<fq>F)?Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)(?:\s?['\u2019]?(?P<fiscal>FY)?\s?['\u2019]?(?P<year>\d{4}|\d{2}))?"
    r"|FY\s?['\u2019]?(?P<fy>\d{4}|\d{2}))(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {number: word for word, number in _ORDINALS.items()}  # "3" -> "third"


def spelled_out(text: str) -> list[str]:
    """The periods ``text`` writes in shorthand the cross-encoder misreads, spelt out as notes
    write them ("FY26" -> "fiscal 2026", "1H25" or "H1" -> "first half 2025" or "first half",
    "Q3 25" or "Q3 FY25" -> "third quarter 2025" or "third quarter fiscal 2025", "Q1" -> "first
    quarter"): about +10 logits on "fy25 revenue" against "Fiscal 2025 revenue was ...", and +7 on
    "the company's q1 sales growth" against "first-quarter 2048 revenue rose 6.3%" (-2 where the
    sentence writes "Q2"). It reads "Q3 2025" well already."""
    spelt = []
    for m in _SHORTHAND.finditer(text):
        if m.group("fy"):
            spelt.append(f"fiscal {_normalise('fiscal_year', m.group('fy'))}")  # ("26" -> "2026")
            continue
        quarter, half, year = m.group("q") or m.group("q2"), m.group("h") or m.group("h2"), m.group("year")
        fiscal = m.group("fiscal") or m.group("fq")  # "Q3 FY25", "FQ3 25"
        if quarter and m.group("q") and not m.group("fq") and year and len(year) == 4 and not fiscal:  # ("Q3 2025" reads well)
            continue
        name = f"{_ORDINAL_WORDS[quarter]} quarter" if quarter else f"{_ORDINAL_WORDS[half]} half"
        spelt.append(f"{name} {'fiscal ' if fiscal else ''}{_normalise('fiscal_year', year)}" if year else f"{'fiscal ' if fiscal else ''}{name}")
    return spelt


def _normalise(kind: str, value: str) -> str:
    value = _ORDINALS.get(value.lower(), value.lower())
    if kind in _YEAR_KINDS and len(value) == 2:
        return "20" + value
    return value


def _spans(text: str) -> list[tuple[int, int, str, str]]:
    """Every period ``text`` names as ``(start, end, kind, value)``, in order."""
    found = [
        (match.start(), match.end(), kind, _normalise(kind, next(group for group in match.groups() if group)))
        for kind, pattern in _PATTERNS
        for match in pattern.finditer(text)
    ]
    return sorted(found + _of_year(sorted(found), text) + _years_within(text) + _years_ended(text))


# A span of years ("between 2022 and 2026", "from 2023 to 2027", "2024-2026"): it names every
# year in it, so a target "between 2022 and 2026" speaks of 2025 too (at most a decade).
_YEAR_SPAN = re.compile(
    r"\b(?:between\s+(20\d{2})\s+and|from\s+(20\d{2})\s+(?:to|through|until)|(20\d{2})\s*[-\u2013]|(20\d{2})\s+(?:to|through))\s*(20\d{2})\b",
    re.IGNORECASE,
)
_LONGEST_SPAN = 10


def _years_within(text: str) -> list[tuple[int, int, str, str]]:
    """The years strictly inside each span of years ``text`` writes (``_YEAR_SPAN``), as periods
    at the span's end year."""
    inside = []
    for m in _YEAR_SPAN.finditer(text):
        first, last = int(next(g for g in m.groups()[:4] if g)), int(m.group(5))
        if 1 < last - first <= _LONGEST_SPAN:
            inside += [(m.start(5), m.end(5), "year", str(year)) for year in range(first + 1, last)]
    return inside


# A fiscal year named by its end ("the fiscal year ended 31 March 2050", "year ending February 1,
# 2025"; not "the half-year ended 30 September 2025"). One ending in January to May is called by either calendar year: India's FY25 ended
# March 2025, a US retailer's fiscal 2024 ended February 1, 2025, and Japanese companies write
# both; one ending later is called by the year it ends in.
_YEAR_ENDED = re.compile(
    r"(?<!half-)(?<!half\s)\byear\s+end(?:ed|ing)\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?P<month>jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?P<year>20\d{2})\b",
    re.IGNORECASE,
)
_EARLY_YEAR_ENDS = frozenset({"jan", "feb", "mar", "apr", "may"})


def _years_ended(text: str) -> list[tuple[int, int, str, str]]:
    """The fiscal years ``text`` names by their end (``_YEAR_ENDED``), at the year's place."""
    named = []
    for m in _YEAR_ENDED.finditer(text):
        year = int(m.group("year"))
        early = m.group("month").lower()[:3] in _EARLY_YEAR_ENDS
        named += [(m.start("year"), m.end("year"), "fiscal_year", str(y)) for y in ((year - 1, year) if early else (year,))]
    return named


def _of_year(spans: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Each quarter or half among ``spans`` written with its year, as one period (``_OF_YEAR``)."""
    dated = []
    for i, (start, end, kind, value) in enumerate(spans):
        if kind not in _OF_YEAR:
            continue
        after = next((s for s in spans[i + 1:] if s[2] in _YEAR_KINDS and _YEAR_AFTER.fullmatch(text, end, s[0])), None)
        before = next((s for s in reversed(spans[:i]) if s[2] in _YEAR_KINDS and _YEAR_BEFORE.fullmatch(text, s[1], start)), None)
        if year := after or before:
            dated.append((start, end, _OF_YEAR[kind], f"{value}/{year[3]}"))
    return dated


def period_mentions(text: str) -> list[tuple[int, str, str]]:
    """Every period ``text`` names as ``(offset, kind, value)``, in order."""
    return [(start, kind, value) for start, _, kind, value in _spans(text)]


def period_words(text: str) -> str:
    """The words with which ``text`` names its periods, each run as written ("q1 2039" of "Acme q1
    2039 operating profit"); "" when it names none."""
    runs: list[list[int]] = []
    for start, end, _, _ in _spans(text):
        if runs and start <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return " ".join(text[start:end] for start, end in runs)


def periods(text: str) -> dict[str, set[str]]:
    """The periods ``text`` names, by kind: ``{"quarter": {"2"}, "year": {"2025"}}``."""
    return _by_kind(period_mentions(text))


def _by_kind(mentions: list[tuple[int, str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for _, kind, value in mentions:
        found.setdefault(kind, set()).add(value)
    return found


# Words that make the period after them a comparison's base, not the one a sentence reports: "up
# $2.7 billion from the end of the second quarter", "versus Q2", "than in the first half", "down
# from USD 32.00 and 3.20 cents for 2038" (a figure it moved from, and the period of that figure).
_BASE_BEFORE = re.compile(
    r"(?:\bfrom\s+(?:the\s+)?(?:end|start)\s+of\s+(?:the\s+)?"
    r"|\b(?:up|down|higher|lower|rising|falling|rose|fell|increased|decreased|declined)\s+from\s+[^,;\d]{0,12}(?!(?:19|20)\d\d\b)\d(?:(?!\bto\s)[^,;]){0,24}?\s(?:for|in)\s+(?:the\s+)?(?:fiscal\s+)?(?:[QH][1-4]\s+)?"
    r"|\b(?:versus|vs\.?|compared\s+(?:with|to)|than(?:\s+in)?|against|relative\s+to)\s+(?:the\s+|a\s+)?"
    r"(?:(?:prior|previous|same|year-earlier|year-ago)(?:[-\s]year)?\s+)?)$",
    re.IGNORECASE,
)
_BASE_REACH = 60  # characters before a period that may make it a base (a bounded tail: sentences may be long)
# A relative clause looking ahead from part of a stated figure: "the backlog stood at EUR 412.7
# million, of which we expect 80% to be delivered during 2046" reports no figure for 2046.
_LOOKS_AHEAD = re.compile(r",\s*of\s+which\b[^,;]*?\b(?:expect\w*|will|should|to\s+be)\b[^,;]*$", re.IGNORECASE)  # (not "which now expects EBITDA of ... in 2046")
_AHEAD_REACH = 100


# A figure set against the year before ("comparable sales rose 1.2% against a 0.6% decline a year
# earlier", "EPS was $0.42 compared with $0.38 a year ago"): the sentence reports on that year too.
_FIGURE_A_YEAR_BEFORE = re.compile(
    r"\d[^,;\d]{0,25}?\b(?:a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:prior|previous)\s+year|last\s+year)\b", re.IGNORECASE,
)
_YEAR_OF = {"year": "", "fiscal_year": "", "quarter_of_year": "/", "half_of_year": "/"}  # the kinds naming a year (after "/": "2/2025")


# A limit, not a base: "close no later than the fourth quarter", "not before Q3".
_DEADLINE_BEFORE = re.compile(r"\b(?:no|not)\s+(?:later|earlier|sooner)\s+than\s+(?:in\s+)?(?:the\s+)?$", re.IGNORECASE)


def without_comparison_bases(text: str) -> str:
    """``text`` with each period it names only as a comparison's base blanked out ("lower than in
    the fourth quarter", "versus Q2"): what is left dates what the sentence tells."""
    for start, end, _, _ in _spans(text):
        if _named_as_base(text, start) and not _DEADLINE_BEFORE.search(text[max(0, start - _BASE_REACH) : start]):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _named_as_base(text: str, start: int) -> bool:
    """Whether the period named at ``start`` is a comparison's base (``_BASE_BEFORE``)."""
    return _BASE_BEFORE.search(text[max(0, start - _BASE_REACH) : start]) is not None


def named_and_stated_periods(text: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """A sentence's ``periods`` and its ``stated_periods`` from one scan of it."""
    mentions = period_mentions(text)
    return _by_kind(mentions), _stated(text, mentions)


def stated_periods(text: str) -> dict[str, set[str]]:
    """The periods a sentence reports on: ``periods`` without those it names only as a
    comparison's base ("record $31.5 billion, up $2.7 billion from the end of the second quarter"
    reports on no second quarter), with the year before each it names when it gives a figure a
    year earlier (``_FIGURE_A_YEAR_BEFORE``: "Q2 2026 comps rose 1.2% against 0.6% a year
    earlier" reports on Q2 2025 too), and a "part" for a part of a year named without its number
    (``with_unnamed_parts``)."""
    return _stated(text, period_mentions(text))


def _stated(text: str, mentions: list[tuple[int, str, str]]) -> dict[str, set[str]]:
    stated = _by_kind([
        m for m in mentions
        if not _named_as_base(text, m[0]) and not _LOOKS_AHEAD.search(text[max(0, m[0] - _AHEAD_REACH) : m[0]])
    ])
    if _FIGURE_A_YEAR_BEFORE.search(text):
        for kind, sep in _YEAR_OF.items():
            if kind in stated:
                stated[kind] |= {_year_before(value, sep) for value in stated[kind]}
    return with_unnamed_parts(stated, text)


def _year_before(value: str, sep: str) -> str:
    """``value`` ("2025", or "2/2025" with ``sep`` "/") a year earlier."""
    part, year = value.rsplit(sep, 1) if sep else ("", value)
    return f"{part}{sep}{int(year) - 1}"


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


# Parts of a year: a sentence naming a fiscal year and none of these states the whole year's figures
# ("part": one named without its number, ``with_unnamed_parts``).
PARTS_OF_YEAR = frozenset({"quarter", "half", "month_quarter", "quarter_of_year", "half_of_year", "part"})
_UNNAMED_PART = re.compile(r"\b(?:the\s+(?:fiscal\s+)?quarter|(?:three|six|nine)\s+months\s+(?:ended|to)|the\s+half(?:-year)?)\b", re.IGNORECASE)


def with_unnamed_parts(named: dict[str, set[str]], text: str) -> dict[str, set[str]]:
    """``named`` (the periods ``text`` names) with a "part" when ``text`` names a part of a year
    without its number ("for the quarter", "three months ended"): no whole year's figure, and
    maybe the asked part beside a named one ("in the quarter, ... a stronger second half")."""
    return {**named, "part": {"unnamed"}} if _UNNAMED_PART.search(text) else named


def _only_a_fiscal_year(named: dict[str, set[str]]) -> bool:
    """Whether a sentence naming ``named`` reports a whole fiscal year: it names one and no part of a year."""
    return "fiscal_year" in named and not named.keys() & PARTS_OF_YEAR


# Parts of a year by their length: a sentence naming only halves places its figures in a half, not in
# the quarter asked ("H1 FY2042 EBITDA" for "q1 fy42 ebitda"), and one naming only quarters in a quarter.
_PART_LENGTHS = (frozenset({"quarter", "quarter_of_year", "month_quarter"}), frozenset({"half", "half_of_year"}))


def _only_another_part(named: dict[str, set[str]], kind: str) -> bool:
    """Whether a sentence naming ``named`` names parts of a year of another length than ``kind`` (a
    half when a quarter is asked, or the reverse) and none of its length."""
    same = next((length for length in _PART_LENGTHS if kind in length), None)
    if same is None or "part" in named or named.keys() & same:  # (an unnamed part, "the quarter", may be the asked one)
        return False
    return any(named.keys() & length for length in _PART_LENGTHS if length != same)


def period_fit(asked: dict[str, set[str]], text: dict[str, set[str]], context: dict[str, set[str]]) -> float:
    """How well a sentence's periods fit the ones asked about, in [-1, 1].

    For each kind of period the question names, a sentence naming the same one scores +1 and
    one naming only others -1 (a part of a year asked, a sentence naming only a fiscal year, or
    only parts of another length, states another period, unless its context names that kind of
    part: there the year may be a comparison's base); a sentence naming none of that kind takes half the
    verdict of its ``context`` (its passage and note title), and a sentence naming no period at
    all half the verdict of a context naming only a fiscal year or only parts of another length.
    0 when the question names no period.
    """
    total = weight = 0.0
    text, context = _fiscal_years_as_years(text), _fiscal_years_as_years(context)
    for kind, wanted in asked.items():
        w = _WEIGHT[kind]
        weight += w
        if kind in text:
            total += w * (1.0 if wanted & text[kind] else -1.0)
        elif kind in PARTS_OF_YEAR and (_only_a_fiscal_year(text) or _only_another_part(text, kind)) and kind not in context:
            # "Fiscal 2023: 36.10%" does not state the fourth quarter's margin (in a passage on the
            # half asked, "above the FY2023 level" is the half's comparison: its context decides)
            total -= w
        elif kind in context:
            total += w * (0.5 if wanted & context[kind] else -0.5)
        elif kind in PARTS_OF_YEAR and not text and (_only_a_fiscal_year(context) or _only_another_part(context, kind)):
            total -= w * 0.5
    return total / weight if weight else 0.0


def _fiscal_years_as_years(named: dict[str, set[str]]) -> dict[str, set[str]]:
    """``named`` with each fiscal year also a year: a bare "2026" asked is answered by "FY2026"."""
    if "fiscal_year" not in named:
        return named
    return {**named, "year": named.get("year", set()) | named["fiscal_year"]}


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


# "the year before", "the prior fiscal year", "next year" (of the previous question's year: after
# "uti fy25 revenue", "guidance for next year?" asks of fiscal 2026; "last year" counts from today).
_RELATIVE_YEAR = re.compile(
    r"\b(?:(following|next|subsequent|previous|prior|preceding)\s+(?:fiscal\s+)?year|(?:fiscal\s+)?year\s+(after|before|later|earlier))\b",
    re.IGNORECASE,
)
# A year as a question writes it: "2025", "FY2025", "FY25", "FY'25", and after a quarter or half in
# shorthand "3Q25", "Q3'25", "Q3 25", "H1 25" (not "$2025" or "2025.5").
_YEAR_ALONE = r"(?<![\w$.])(?:(FY\s?['\u2019]?)(\d{4}|\d{2})|(20\d{2}))(?![\w%]|\.\d)"
_YEAR_NAMED = re.compile(_YEAR_ALONE, re.IGNORECASE)
_YEAR_WRITTEN = re.compile(
    _YEAR_ALONE + r"|(?:(?<=\b[1-4]Q)|(?<=\b[1-4]Q\s)|(?<=\bQ[1-4]['\u2019])|(?<=\bQ[1-4]\s)|(?<=\bH[12]['\u2019])|(?<=\bH[12]\s)|(?<=\b[12]H))(\d{2})(?!\d)",
    re.IGNORECASE,
)


def relative_year(text: str) -> int:
    """+1 for "the following year", "next year" or "the year after", -1 for "the year before" or "the prior year", else 0."""
    match = _RELATIVE_YEAR.search(text)
    if match is None:
        return 0
    word = (match.group(1) or match.group(2)).lower()
    return 1 if word in {"following", "next", "subsequent", "after", "later"} else -1


def shift_years(text: str, step: int) -> str:
    """``text`` with every year it writes moved ``step`` years ("FY2025" - 1 -> "FY2024", "fy25" -> "fy24")."""

    def shifted(match: re.Match) -> str:
        prefix, digits = (match.group(1), match.group(2)) if match.group(2) else ("", match.group(3) or match.group(4))
        return f"{prefix}{(int(digits) + step) % 10 ** len(digits):0{len(digits)}d}"

    return _YEAR_WRITTEN.sub(shifted, text) if step else text


_QUARTER_NAMED = re.compile(r"\b(?:F?Q[1-4]|[1-4]Q)\b", re.IGNORECASE)


def named_period(text: str) -> tuple[str, re.Match] | None:
    """The one year or quarter a text names, as ("year" | "quarter", its match); None unless exactly one."""
    years, quarters = list(_YEAR_NAMED.finditer(text)), list(_QUARTER_NAMED.finditer(text))
    if len(years) + len(quarters) != 1:
        return None
    return ("year", years[0]) if years else ("quarter", quarters[0])


def for_period(question: str, follow_up: str) -> str | None:
    """``question`` asked for the period ``follow_up`` moves it to ("the year before": every year
    one back) or names ("2026": its one year replaced, or added when it names none); None when
    nothing moves or the question names several such periods."""
    step, years = relative_quarter(follow_up), relative_year(follow_up)
    if step or years:
        moved = shift_years(shift_quarters(question, step), years)
        return moved if moved != question else None
    kind, new = named_period(follow_up) or (None, None)
    if new is None:
        return None
    old = list((_YEAR_NAMED if kind == "year" else _QUARTER_NAMED).finditer(question))
    if len(old) > 1:
        return None
    if old:
        return f"{question[:old[0].start()]}{new.group(0)}{question[old[0].end():]}"
    return f"{question.rstrip(' ?.')} in {new.group(0)}?"


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


_NEWEST = re.compile(r"\b(?:latest|most\s+recent|newest|recent)\b", re.IGNORECASE)


def asks_newest(text: str) -> bool:
    """Whether a question asks of the newest note by name ("the latest note's risks"), not how things stand now."""
    return _NEWEST.search(text) is not None


def newest_quarter(text: str) -> int:
    """The latest "Qn year" the text names, as year * 4 + quarter (0 when it names none)."""
    keys = [
        (int(year) + (2000 if len(year) == 2 else 0)) * 4 + int(quarter)
        for quarter, _, year in _QUARTER_WITH_YEAR.findall(text)
        if year
    ]
    return max(keys, default=0)


# -- a company's reporting period as what a note is about ---------------------------------------
# Mentions one period phrase is written with: "Q4 2025", "fourth quarter of 2025", "Q3 FY26",
# "fiscal 2026 third quarter"; and the cues around a phrase that say how a question uses it.
_JOIN = re.compile(r"[\s'\u2019-]*(?:of(?:\s+the)?)?[\s-]*", re.IGNORECASE)
_MONTH_QUARTER = {"march": 1, "june": 2, "september": 3, "december": 4}
_REPORT = r"(?:results?|earnings|reports?|print|numbers|figures|release|call|quarter|scorecard)"
# A word of a reporting period phrase ("Q4", "fiscal", "fourth", "quarter", "results").
PERIOD_WORD = re.compile(rf"(?:f?q[1-4]|[1-4]q|h[12]|fy\d*|fiscal|quarters?|half|first|second|third|fourth|full|year|annual|{_REPORT})", re.IGNORECASE)
# (never across a grouping: "over 2025 by quarter" groups 2025's notes, it names no report)
_REPORT_AFTER = re.compile(rf"[\s-]*(?:(?!(?:by|per|each|every)\b)[a-z]+[\s-]+)?{_REPORT}\b", re.IGNORECASE)
_REPORT_BEFORE = re.compile(rf"\b{_REPORT}\s+(?:for|of|from|in)\s+(?:the\s+)?(?:fiscal\s+)?$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(
    r"(?:\b(?!(?:what|that|it|there|here|how|who|where|when|let)['\u2019]s\b)\w+['\u2019]s?|\b(?:its|their))\s+(?:fiscal\s+|full[- ]year\s+)?$",
    re.IGNORECASE,
)
_YEAR_CUE_BEFORE = re.compile(r"\b(?:full[- ]year|annual|fiscal)\s+$", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(
    r"\b(?:in|during|over|within|throughout|across|since|from|between|through|until|till|before|after|and|to|by)"
    r"\s+(?:the\s+)?(?:fiscal\s+)?$",
    re.IGNORECASE,
)
# A period as a window's boundary, even when it is a company's ("since its Q3 2025 results").
_BOUNDARY_BEFORE = re.compile(
    r"\b(?:since|after|before|until|till|through|between)\s+(?:the\s+)?"
    r"(?:(?:[\w.&-]+\s+){0,2}[\w.&-]+['\u2019]s?\s+|its\s+|their\s+)?(?:fiscal\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class ReportingPeriod:
    """A reporting period: quarter ``number`` (1-4), half (1-2) or the whole year (0) of ``year``.
    Calendar and fiscal years are one number here, as notes write both ("Q3 2026", "Q3 FY26")."""

    year: int
    kind: str  # "quarter", "half" or "year"
    number: int = 0

    @property
    def label(self) -> str:
        return {"quarter": f"Q{self.number} {self.year}", "half": f"H{self.number} {self.year}"}.get(self.kind, f"fiscal {self.year}")

    @property
    def end(self) -> date:
        """The period's last day (of the calendar quarter, half or year of that number)."""
        months = {"quarter": 3 * self.number, "half": 6 * self.number}.get(self.kind, 12)
        return date(self.year, months, 1) + relativedelta(months=1) - timedelta(days=1)

    @property
    def words(self) -> str:
        """The period as notes write it, for retrieval ("Q4 2025 fourth quarter 2025")."""
        ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth"}.get(self.number, "")
        spelled = {"quarter": f"{ordinal} quarter {self.year}", "half": f"{ordinal} half {self.year}"}.get(self.kind, f"full year {self.year}")
        return f"{self.label} {spelled}"


def _phrases(text: str) -> list[list[tuple[int, int, str, str]]]:
    """The period mentions of ``text`` grouped into phrases ("fourth quarter of 2025" is one)."""
    phrases: list[list[tuple[int, int, str, str]]] = []
    for span in _spans(text):
        last = phrases[-1] if phrases else None
        end = max(s[1] for s in last) if last else 0
        if last and (span[0] < end or _JOIN.fullmatch(text, end, span[0])):
            last.append(span)
        else:
            phrases.append([span])
    return phrases


def _ended_year(kind: str, number: int, anchor: date | None) -> int | None:
    """The year of the latest quarter or half ``number`` that ended by ``anchor`` (a note about a
    period's results is written after it ends)."""
    if anchor is None:
        return None
    return anchor.year if ReportingPeriod(anchor.year, kind, number).end <= anchor else anchor.year - 1


def reporting_periods(text: str, anchor: date | None = None) -> frozenset[ReportingPeriod]:
    """The reporting periods ``text`` states: each quarter or half with its year ("Q4 2025",
    "fourth quarter of fiscal 2025"), else (without a year) the latest one ended by ``anchor``
    (a note's date, a question's today); fiscal years; a bare year only as "full-year 2025" or
    "2025 results"."""
    found: set[ReportingPeriod] = set()
    for phrase in _phrases(text):
        values = {kind: value for _, _, kind, value in phrase}
        year = values.get("fiscal_year") or values.get("year")
        kind, number = next(
            (("quarter", _MONTH_QUARTER[v]) if k == "month_quarter" else (k, int(v)) for k, v in values.items() if k in ("quarter", "half", "month_quarter")),
            ("year", 0),
        )
        if kind != "year":
            year = int(year) if year else _ended_year(kind, number, anchor)
        elif "fiscal_year" not in values:
            cued = _YEAR_CUE_BEFORE.search(text[: phrase[0][0]]) or _REPORT_AFTER.match(text, max(s[1] for s in phrase))
            year = year if cued else None
        if year:
            found.add(ReportingPeriod(int(year), kind, number))
    return frozenset(found)


def matching(asked: Iterable[ReportingPeriod], stated: Iterable[ReportingPeriod], any_year: bool = False) -> frozenset[ReportingPeriod]:
    """The periods of ``stated`` that are one of ``asked``; with ``any_year`` (the periods were
    asked without a year: "the note on Acme's first-quarter slip"), those of the same kind and
    number in any year, as each note reads its own ("first-quarter" in a May 2025 note: Q1 2025)."""
    if not any_year:
        return frozenset(stated) & frozenset(asked)
    wanted = {(p.kind, p.number) for p in asked}
    return frozenset(p for p in stated if (p.kind, p.number) in wanted)


def _phrase_reading(text: str, start: int, end: int) -> int:
    """+1 when a period phrase names a company's reporting period, -1 a span of dates, else 0."""
    before = text[:start]
    if _BOUNDARY_BEFORE.search(before):
        return -1
    if _OWNER_BEFORE.search(before) or _REPORT_BEFORE.search(before) or _REPORT_AFTER.match(text, end):
        return 1
    return -1 if _WINDOW_BEFORE.search(before) else 0


def period_subject(text: str) -> float:
    """``period_subject``: whether the periods a question names are what a note is about, in [-1, 1].

    Each period phrase reads +1 when it names a company's reporting period: a possessive before
    it ("Acme's Q4 2025", "its fiscal 2025"), a reporting noun after it ("Q4 2025 results",
    "the fiscal 2025 earnings") or before it ("results for Q4 2025"); -1 when a preposition of
    time makes it a span of dates ("in Q3 2025", "between Q1 and Q3"; "since" and "after" even
    before a company's period: "since its Q3 2025 results" bounds a window); else 0. The
    feature is the mean over the phrases, 0 when the question names no period ("since June",
    "last 30 days" name none). Above 0, the question asks for the note discussing that period;
    otherwise a period is a window over the notes' dates."""
    readings = [_phrase_reading(text, phrase[0][0], max(s[1] for s in phrase)) for phrase in _phrases(text)]
    return sum(readings) / len(readings) if readings else 0.0
