"""A research note: its body text, the companies it is about, and its sentiment block."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ingest.dates import note_date, unread_date_line
from ingest.declarations import Declarations, shared_companies, text_companies
from ingest.frontmatter import front_matter_pair, read_front_matter
from ingest.sentences import split_sentences
from ingest.sentiment import BLOCK_START, is_code, parse_sentiment_block
from ingest.tickers import Company, CompanyDirectory, Mention, TickerResolver, learn_companies, with_short_names

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
# A vendor's own tagline, whatever its wording ("Real-time coverage, earnings alerts and portfolio
# monitoring for professional investors."): the one line right before the call to action, short,
# with no figure and no "we", naming at least ``_PITCH_MIN`` of the things research vendors sell.
_PITCH_WORDS = frozenset(
    "research analytics alerts coverage monitoring screening insights insight platform workspace investors professionals "
    "professional institutional institutional-grade real-time data dashboards portfolio intelligence tools terminal".split()
)
_PITCH_MIN = 3
_PITCH_MAX_CHARS = 200
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
    """A parsed note. ``text[body_start:body_end]`` is the indexed body (front matter and
    sentiment block left out); offsets point into ``text``."""

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
    body_start: int = 0  # where the body begins: after the front matter, if any
    subject: tuple[str, ...] = ()  # the companies its front matter, else its title, says it is about
    company: str | None = None  # the company name its front matter gives
    declared: tuple[Company, ...] = ()  # companies its text declares ("Name (TICK)") the alias table lacks
    most_mentioned: tuple[str, ...] = ()  # the company its text names most often (first named on a tie)
    lead: tuple[str, ...] = ()  # the companies its first sentence leads with (``_lead``)

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]

    @property
    def primary_tickers(self) -> tuple[str, ...]:
        """The companies the note is about: its Ticker Sentiment lines and front matter, else
        the companies its title names, else the companies its first sentence leads with (the news:
        "Old Dominion (ODFL) said ...", then "Saia (SAIA) opened ..." in passing; ``_lead``),
        else the company it names most often (seed-format notes often end at
        ``Ticker Sentiment`` with no per-ticker lines)."""
        return tuple(dict.fromkeys([*self.ticker_scores, *self.subject])) or self.lead or self.most_mentioned


def _is_pitch(line: str) -> bool:
    """Whether ``line`` reads as a vendor's tagline (``_PITCH_WORDS``); only asked of the line
    right before a call to action, where the note format puts the tagline."""
    words = set(re.findall(r"[a-z][a-z-]*", line.lower()))
    analysts_own = bool(re.search(r"\d", line)) or bool(words & {"we", "our", "us"})  # a figure or "we": analysis
    return len(line) < _PITCH_MAX_CHARS and not analysts_own and len(words & _PITCH_WORDS) >= _PITCH_MIN


def _footer_start(text: str, end: int) -> int:
    """Walk back from ``end`` over blank and marketing lines; return where the body ends. After
    a call to action, the one tagline before it goes too, in the vendor's words or any other
    (``_is_pitch``)."""
    lines = text[:end].splitlines(keepends=True)
    cut = end
    # The block header is often glued to the last footer line: "Request a DemoOverall Sentiment".
    last_line_start = text.rfind("\n", 0, end) + 1
    last = text[last_line_start:end]
    tagline_due = bool(_CALL_TO_ACTION.match(last))
    if _is_marketing(last) or not last.strip():
        cut = last_line_start
        lines = text[:cut].splitlines(keepends=True)
    while lines and (not lines[-1].strip() or _is_marketing(lines[-1]) or tagline_due and _is_pitch(lines[-1])):
        line = lines.pop()
        cut -= len(line)
        if line.strip():  # a call to action announces one tagline; a tagline ends the footer's due
            tagline_due = bool(_CALL_TO_ACTION.match(line.strip()))
    return cut


def _title(body: str) -> str:
    heading = _HEADING.search(body[:400])
    if heading:
        return heading.group(1).strip()
    sentences = split_sentences(body)
    first = sentences[0].text if sentences else body.strip()
    return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "\u2026"


def _subject(header, title: str, resolver: TickerResolver) -> tuple[str, ...]:
    """The companies a note declares it is about: its front matter's tickers, else the companies
    its front-matter company name or its title (front matter or heading) names ("" to skip it)."""
    if header and header.tickers:
        return tuple(dict.fromkeys(resolver.directory.canonical(t) for t in header.tickers))
    named = f"{header.company if header and header.company else ''}\n{title}"
    return tuple(resolver.resolve(named))


_LEAD_WORDS = 5  # a shorter first line ("Date: 2025-10-29", a dateline) is no sentence of news


def _lead(body: str, mentions: list[Mention]) -> tuple[str, ...]:
    """The companies ``body``'s first sentence of ``_LEAD_WORDS`` words or more leads with: the
    first it names, and any other it gives the ticker of ("Exxon Mobil (XOM) agreed to buy a stake
    in Tarrow Grid Storage (TGSX)": both; "Revenue grew at Tencent, unlike at Alibaba": Tencent)."""
    first = next((s for s in split_sentences(body) if len(s.text.split()) >= _LEAD_WORDS), None)
    named = [m.ticker for m in mentions if first and first.start <= m.start < first.end]
    declared = [t for t in named[1:] if first and re.search(rf"\((?:[A-Za-z ]+:\s*)?{re.escape(t)}\)", first.text)]
    return tuple(dict.fromkeys(named[:1] + declared))


def _opening_company(body: str, found: list[Mention]) -> str | None:
    """The company ``body``'s first sentence of ``_LEAD_WORDS`` words or more opens with, its subject
    ("Toyota Motor said ..."), if a known one."""
    first = next((s for s in split_sentences(body) if len(s.text.split()) >= _LEAD_WORDS), None)
    opening = first and next((m for m in found if m.start >= first.start), None)
    return opening.ticker if opening and not body[first.start:opening.start].strip() else None


def _codes_named(scores: dict[str, float], opening: str | None, directory: CompanyDirectory) -> dict[str, float]:
    """``scores`` with the block's first exchange's bare numeric code the alias table lacks ("7203")
    scored as the company the note opens with (``opening``: "Toyota Motor said ...", TM), when the
    block does not score it: the block's first line is the note's own company. A code of a company
    the table lacks ("2267" for Yakult) stays, and ``learn_companies`` names it from the notes.
    Hand-written: desks in Asia score local codes where the table holds the company under another
    listing."""
    codes = [t for t in scores if is_code(t) and t not in directory.companies]
    if not codes or not opening or opening in scores or next(iter(scores)) != codes[0]:
        return scores
    return {opening if t == codes[0] else t: score for t, score in scores.items()}


def _most_mentioned(mentions: list[str]) -> tuple[str, ...]:
    """The ticker named most often in ``mentions`` (in text order), the first named on a tie."""
    counts = Counter(mentions)
    return (max(dict.fromkeys(mentions), key=lambda t: counts[t]),) if mentions else ()


def note_declarations(notes: list[Note], directory: CompanyDirectory) -> dict[str, Declarations]:
    """What each note declares to the others (``Declarations.of`` its body), plus the name
    ``learn_companies`` gives, from all of ``notes``, to each ticker of its Ticker Sentiment block
    the alias table lacks ("Ferrovial" for FER): so a note whose block is empty is about the
    Ferrovial it names, though only other notes score FER. A note whose front matter names its
    ``company`` and one ticker declares that pair too (``front_matter_pair``, as the chat reads
    stored notes): the short notes that only name "Viscofan" are about the annual report's VIS.MC."""
    learned = {c.ticker: c.name for c in learn_companies([(list(n.ticker_scores), n.body) for n in notes], directory)}
    declared = {}
    for n in notes:
        own = Declarations.of(n.body)
        pairs = tuple((t, learned[t]) for t in n.ticker_scores if t in learned and learned[t] != t)
        if front := front_matter_pair(n.company, n.primary_tickers):
            pairs += (front,)
        declared[n.source] = replace(own, pairs=own.pairs + pairs)
    return declared


def with_shared_declarations(
    notes: list[Note], resolver: TickerResolver, declarations: Iterable[Declarations] | None = None
) -> tuple[list[Note], TickerResolver]:
    """Notes that name a company another note declares ("Halvorsen" after another note's
    "Halvorsen Marine Robotics (HMRX)"; ``note_declarations``), with their companies read again;
    and the resolver that knows every declared company, for chunking them. ``declarations``:
    those of ``notes`` and of the notes not parsed this time (their files unchanged); None: those
    of ``notes``."""
    declarations = note_declarations(notes, resolver.directory).values() if declarations is None else declarations
    shared = resolver.extended(_with_short_names(shared_companies(declarations, resolver.directory), resolver.directory, notes))
    if shared is resolver:
        return notes, resolver
    return [_reread_companies(n, shared) for n in notes], shared


def _with_short_names(declared: list[Company], directory: CompanyDirectory, notes: list[Note]) -> list[Company]:
    """``declared`` companies also named by the short names ``notes`` call them by ("First
    American" for a declared First American Financial; ``with_short_names``), as the chat names them."""
    known = list(directory.companies.values())  # (their names: a short name beginning one is none)
    return with_short_names([*known, *declared], {c.ticker for c in declared}, [n.body for n in notes])[len(known):]


def _reread_companies(note: Note, resolver: TickerResolver) -> Note:
    found = resolver.mentions(note.body)
    mentions = [m.ticker for m in found]
    if set(mentions) <= set(note.tickers):
        return note
    tickers = tuple(dict.fromkeys([*note.ticker_scores, *note.subject, *mentions]))
    return replace(note, tickers=tickers, most_mentioned=_most_mentioned(mentions), lead=_lead(note.body, found))


def parse_note(text: str, source: str, resolver: TickerResolver, date: str | None = None) -> Note:
    """Parse a note's text. ``date`` (the file's modification date) is used when the note
    states no date of its own (``ingest.dates.note_date``)."""
    headers = list(BLOCK_START.finditer(text))
    block = headers[-1] if headers else None  # the block closes the note
    block_start = block.start() if block else len(text)
    body_end = _footer_start(text, block_start)
    body = text[:body_end]
    no_text = NoteFormatError("no note text before the sentiment block" if block else "empty note")
    if not body.strip():
        raise no_text
    sentiment = parse_sentiment_block(text[block_start:])
    scores = {resolver.directory.canonical(t): s for t, s in sentiment.ticker_scores.items()}
    header = read_front_matter(body)
    body_start = header.end if header else 0
    if not body[body_start:].strip():
        raise NoteFormatError("no note text after the front matter")
    declared = tuple(text_companies([body[body_start:]], resolver.directory))
    resolver = resolver.extended(list(declared))
    title_text = body[body_start:]
    date_line = _DATE_LINE.search(title_text[:300])
    title_text = title_text[: date_line.start()] + title_text[date_line.end() :] if date_line else title_text
    if not title_text.strip():  # a date alone is no note
        raise no_text
    heading = _HEADING.search(title_text[:400])
    named = (header.title if header else None) or (heading.group(1).strip() if heading else "")
    subject = _subject(header, "" if scores else named, resolver)  # a title's first sentence is no declaration
    found = resolver.mentions(body[body_start:])
    scores = _codes_named(scores, _opening_company(body[body_start:], found), resolver.directory)
    mentions = [m.ticker for m in found]
    tickers = list(dict.fromkeys([*scores, *subject, *mentions]))
    dated = note_date(body, source, fallback=date)
    return Note(
        source=source,
        text=text,
        body_end=body_end,
        body_start=body_start,
        subject=subject,
        company=header.company if header else None,
        declared=declared,
        most_mentioned=_most_mentioned(mentions),
        lead=_lead(body[body_start:], found),
        title=named or _title(title_text),
        tickers=tuple(tickers),
        date=dated.date,
        date_source=dated.source,
        sentiment_label=sentiment.label,
        sentiment_score=sentiment.score,
        ticker_scores=scores,
        problems=tuple(p for p in (header.problem if header else None, unread_date_line(text), *sentiment.problems) if p),
    )
