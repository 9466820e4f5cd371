"""Companies a note's text declares with their ticker, as financial writing does on first
mention: "Halvorsen Marine Robotics (HMRX)", "Kestrel Semiconductor (NASDAQ: KSTL)".

Real notes often end their sentiment block at ``Ticker Sentiment`` with no per-ticker lines, so
for a company missing from the alias table the declaration is the only place that ties its name
to its ticker. No library reads these (they are a writing convention, not a format), hence the
pattern below. An acronym being defined ("Food and Drug Administration (FDA)", "earnings per
share (EPS)") is not a company: a symbol spelling the initials of the words before it is left
out, and without an exchange prefix the symbol must start with the name's first letter; a
currency's code ("Earnings per share (EUR)") is a unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.tickers import UNIT_CURRENCIES, Company, CompanyDirectory, declared_companies, lower_words
from ingest.words import is_english, query_terms

_WORD = r"[A-Z][\w&+'\u2019.\-]*"  # ("K+S", "AT&T")
# A symbol with its exchange's suffix ("SDF.DE", "7951.T", "HUSQ-B.ST"): a listing, never an
# acronym ("U.S", "N.A" and "1.A" have no symbol before the dot, or no exchange's suffix after it).
_EXCHANGE_SUFFIXES = (
    "AS AT AX BA BD BK BO BR CA CN CO CS DE HE HK IR IS JK JO KL KQ KS L LS MC MI MX NR NS NZ OL PA PR PS QA RO SA SG SI SN SR SS ST "
    "SW SZ T TA TO TW V VI VN WA"
).split()
_LISTED = rf"[A-Z0-9]{{2,10}}(?:-[A-Z])?\.(?:{'|'.join(_EXCHANGE_SUFFIXES)})"
# (a name stays on its line; a legal form after a comma is the name's: "Caldwater Bancorp, Inc. (CDWB)")
_DECLARATION = re.compile(
    rf"((?:{_WORD}[ \t]+){{0,4}}{_WORD}(?:,[ \t]+(?:Inc|Corp|Co|Ltd|plc|PLC|LLC|L\.P|N\.V|S\.A|AG|SE)\.?)?)\s*\(\s*(?:(NYSE|NASDAQ|Nasdaq|NYSE American|AMEX|OTC|TSX|LSE)\s*:\s*)?"
    rf"([A-Z]{{2,5}}(?:\.[A-Z])?|{_LISTED})\s*\)"
)


def _is_initialism(symbol: str, text_before: str) -> bool:
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w\-]*", text_before) if word[0].isupper())
    return initials.upper().endswith(symbol)


def _without_common_lead(phrase: str, lower_words: set[str]) -> str:
    """``phrase`` without leading words the text also writes in lower case ("For", "Shares")."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in lower_words:
        words.pop(0)
    return " ".join(words)


# Where a note's text opens: after blank lines and a "Date:" line.
_OPENING = re.compile(r"\s*(?:Date:[^\n]*\n\s*)?", re.IGNORECASE)


def ticker_declarations(text: str, scored: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """``(ticker, company name)`` pairs the text declares, in order, each ticker once. A symbol in
    ``scored`` (tickers the notes give a Ticker Sentiment line) is a company's even when it spells
    its name's initials ("Delta Air Lines (DAL)"), and so is one the text opens with, named by
    some word of four letters or more that is no English word ("Old Dominion Freight Line (ODFL)
    said ...": a note leads with its company; "Earnings Per Share (EPS) rose" defines an acronym)."""
    lower = lower_words(text)
    opening = _OPENING.match(text).end()
    pairs: dict[str, str] = {}
    for match in _DECLARATION.finditer(text):
        phrase, exchange, symbol = match.groups()
        name = _without_common_lead(phrase, lower)
        words_before = text[max(0, match.start(1) - 80) : match.end(1)]
        named = any(len(w) > 3 and not is_english(w) for w in query_terms(name))  # "Dominion", not "Earnings Per Share"
        company = symbol in scored or match.start(1) == opening and named
        listed = re.fullmatch(_LISTED, symbol) is not None
        if (not company and _is_initialism(symbol, words_before)) or (not (exchange or listed) and symbol[0] != name[0]):
            continue
        if symbol in UNIT_CURRENCIES and not (company or exchange or listed):  # a unit: "Earnings per share (EUR)"
            continue
        pairs.setdefault(symbol, name.rstrip(" ,"))
    return list(pairs.items())


@dataclass(frozen=True)
class Declarations:
    """What one note tells the other notes about companies: the ``(ticker, name)`` pairs its text
    declares (and, from ``ingest.note.note_declarations``, the names learned for its Ticker
    Sentiment lines over the notes parsed with it) and the words it writes in lower case
    (``declared_companies`` needs both of every note). Small enough to keep, so a note need not
    be parsed again to take part."""

    pairs: tuple[tuple[str, str], ...]
    lower: frozenset[str]

    @classmethod
    def of(cls, text: str, scored: frozenset[str] = frozenset()) -> "Declarations":
        """``text``'s declarations; ``scored``: as in ``ticker_declarations``."""
        return cls(tuple(ticker_declarations(text, scored)), frozenset(lower_words(text)))


def shared_companies(declarations: Iterable[Declarations], directory: CompanyDirectory) -> list[Company]:
    """Alias-table rows for the companies the notes declare that ``directory`` lacks (named as
    ``declared_companies`` names front-matter companies: full name, short name, first word)."""
    declarations = list(declarations)
    declared = [pair for d in declarations for pair in d.pairs]
    if not declared:
        return []
    return declared_companies(declared, set().union(*(d.lower for d in declarations)), set(directory.symbol_to_ticker))


def text_companies(texts: list[str], directory: CompanyDirectory, scored: frozenset[str] = frozenset()) -> list[Company]:
    """``shared_companies`` of ``texts``; ``scored``: as in ``ticker_declarations``."""
    return shared_companies((Declarations.of(text, scored) for text in texts), directory)
