"""Resolve company mentions in notes and questions to canonical tickers.

An offline alias table (``ingest/data/companies.csv``, extendable by a user CSV of the same
columns) maps names ("Alibaba"), alternate listings ("9988.HK") and symbols ("BABA", "$BABA",
"(NYSE: BABA)") to one canonical ticker. Hand-written because no maintained library does
offline company-name-to-ticker resolution.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from ingest.dates import is_month, without_date_lines
from ingest.words import STOPWORDS, is_english, is_modifier, is_plural_noun, is_verb_form, query_terms

_BUNDLED = "companies.csv"
# Legal forms left off a company's name to get the name prose uses ("Kestrel Semiconductor").
_LEGAL_FORM = re.compile(
    r"[,\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|l\.p|ag|sa|s\.a|se|nv|n\.v|asa|ab|oyj|spa|"
    r"s\.p\.a|gmbh|kk|k\.k|holdings?|group|companies|cos)\.?$",
    re.IGNORECASE,
)
# A word of three letters or more after a company's name, maybe with a full stop ("Education" as "edu", "Ent.").
_SHORTENED_WORD = re.compile(r"\s+([A-Za-z]{3,})\.?(?![\w&-])")  # (not the start of a compound: "crop-hail")
# A legal form right after a company's name is part of the mention ("Dow Inc", "Ford Motor Co."),
# as is a word that ends company names and no product's ("American Water Works", "Otis Worldwide").
_NAME_ENDINGS = r"Works|Worldwide|International|Industries|Enterprises|Trust"
_LEGAL_FORM_AFTER = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Companies|Ltd|Limited|plc|PLC|LLC|AG|SA|SE|NV|ASA|AB|Oyj|SpA|GmbH|Holdings?|Group"
    rf"|{_NAME_ENDINGS})\.?(?![\w-])"  # not "Co-founder"
)
_NAME_ENDING_AFTER = re.compile(rf"\s+(?:{_NAME_ENDINGS})(?![\w-])")  # ... of those, the words a name's initials count ("CICT")
# "$BABA", "$baba", "(NYSE: BABA)", "NASDAQ:NVDA", "0700.HK"
_DOLLAR = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z.\-]{0,9})\b")
_EXCHANGE = re.compile(r"\b(?:NYSE|NASDAQ|Nasdaq|NYSE\s?American|AMEX|OTC|HKEX|SEHK)\s*:\s*([A-Z0-9][A-Z0-9.\-]{0,9})\b")
_HK_CODE = re.compile(r"(?<![\w.])(\d{4,5}\.HK)\b", re.IGNORECASE)
# A numeric listing code typed bare in a question ("4385 q2 gmv growth" for 4385.T): read only as a
# held company's code, and never a year, a decimal, a percentage, an amount of money or a number
# after a preposition ("what happened in 2267?").
_BARE_CODE = re.compile(
    r"(?<![\w$\u20ac\u00a3\u00a5\u20b9.,\-])(?<!\b[A-Z]{3}\s)(?<!\bin\s)(?<!\bby\s)(?<!\bof\s)(?<!\bto\s)(?<!\bsince\s)(?<!\bfrom\s)(?<!\buntil\s)(\d{4,6})(?![\w%\-]|[.,]\d|\s*(?:thousand|million|billion|trillion|mn|bn|mln|crores?|lakhs?|[mbk])\b)",
    re.IGNORECASE,
)
_YEARS = range(1900, 2100)
# A ticker typed in lower case in a question ("nflx sentiment?"): three to five letters.
_LOWER_TOKEN = re.compile(r"(?<![\w$.\-'\u2019])([a-z]{3,5})(?![\w\-]|['\u2019](?!s\b))")  # (possessive "nflx's", no "don't")
# ... or holding a digit ("jun3", "huh1v"): read only as a held company's symbol.
_LOWER_CODED = re.compile(r"(?<![\w$.\-'\u2019])([a-z]{2,5}\d{1,2}[a-z]?)(?![\w\-])")
# A symbol typed in lower case with its exchange's suffix or share class ("rec.mi", "hexa-b.st",
# "6098.t"): the suffix makes it a symbol wherever it stands.
_LOWER_LISTED = re.compile(r"(?<![\w$.\-])([a-z0-9]{1,6}(?:-[a-z])?\.[a-z]{1,3}|[a-z]{2,6}-[a-z])(?![\w\-]|\.[A-Za-z])")
# A lower-case symbol where a question puts its subject: in the possessive ("luck's revenue") or
# opening it before a period ("luck fq4 operating income"). There a held company's symbol names it
# even when it is a word the notes write ("luck").
_SYMBOL_AS_SUBJECT = re.compile(
    r"(?<![\w$.\-'\u2019])([a-z]{3,5})(?=['\u2019]s\b)|^\W*([a-z]{3,5})(?=\s+(?:f?q[1-4]|[1-4]q|fy\s?\d{2,4}|h[12]|20\d\d)\b)"
)  # (no function word or adjective: "all 2025 notes", "top q3 movers")
# ... and where it may be the subject: opening a question two words before a period ("cpu margin
# income fy33") or after an auxiliary before its verb ("how many clients did cpu add"). There a held
# symbol names its company only when it is no English word nor a courtesy ("can pls send"), the verb
# is one verb ("did cpu demand recover" asks of CPU demand), and the question names no other company
# ("did spx outperform nvda").
_SYMBOL_MAY_BE_SUBJECT = re.compile(
    r"^\W*(?P<opening>[a-z]{3,5})(?=\s+(?:[a-z][\w-]*\s+){1,2}(?:f?q[1-4]|[1-4]q|fy\s?\d{2,4}|h[12]|20\d\d)\b)"
    r"|\b(?:did|does|do|will|would|can|could|has|have|had)\s+(?P<doer>[a-z]{3,5})\s+(?P<verb>[a-z]+)(?:\s+(?P<next>[a-z]+))?"
)
_COURTESIES = frozenset("pls plz pse thx thanks please".split())
# A lower-case symbol compared with something ("avav vs pl backlog"): there a held company's symbol
# of two letters or more names it when it is no word ("pl" for Planet Labs; not "cost vs price");
# nowhere else is so short a token in lower case read as a symbol.
_SYMBOL_COMPARED = re.compile(r"(?:(?<=\bvs\s)|(?<=\bvs\.\s)|(?<=\bversus\s))([a-z]{2,5})\b|(?<![\w$.\-'\u2019])([a-z]{2,5})(?=\s+(?:vs\.?|versus)\s)")
# A company's two initials where a question puts its subject ("jm: positive / negative split?", "RD's
# score in the ... note"): they name a held company whose two-word name has them, when no other held
# company's does and they are no symbol, stopword or English word (``TickerResolver._held_initials``).
_INITIALS_AS_SUBJECT = re.compile(r"^\W*([A-Za-z]{2})(?=\s*:|\s+[-\u2013\u2014]\s)|(?<![\w$.\-'\u2019])([A-Za-z]{2})(?=['\u2019]s\b)")
# A word-like symbol shorter than this ("ON", "SO", "MA") is a word even when typed in capitals.
DELIBERATE_CAPITALS = 3
SHORTENED_LETTERS = 4  # a shorter start ("uni", "am") begins too many words
# A word that may start a company's name ("conti"), and a word and the next, which may start a
# company's two-word name ("united micro"; overlapping pairs).
_SHORTENED_NAME = re.compile(rf"(?<![\w&'\u2019-])([A-Za-z]{{{SHORTENED_LETTERS},}})(?![\w&-])")
_WORD_PAIR = re.compile(rf"(?<![\w&-])([A-Za-z][\w&-]*)(?=\s+([A-Za-z]{{{SHORTENED_LETTERS},}})(?![\w&-]))")
_UPPER_TOKEN = re.compile(
    r"(?<![\w$.\-])([A-Z][A-Z0-9]{0,9}-[A-Z0-9]{1,2}(?:\.[A-Z]{1,3})?|[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?|[A-Z0-9][A-Z0-9]{0,9}\.[A-Z]{1,3})"
    r"(?![\w\-]|\.[A-Za-z])"
)  # (or listed with its exchange's suffix: "L.TO", "373220.KS", "BEEF3.SA"; or its share class: "EPI-A.ST", "SKF-B")


@dataclass(frozen=True)
class Company:
    """One row of the alias table."""

    ticker: str
    name: str
    aliases: tuple[str, ...]  # how prose names the company; ``name`` is for display only
    symbols: tuple[str, ...]
    ambiguous_symbol: bool


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _read_csv(text: str) -> list[Company]:
    rows = csv.DictReader(text.splitlines())
    return [
        Company(
            ticker=row["ticker"].strip().upper(),
            name=row["name"].strip(),
            aliases=_split(row.get("aliases") or ""),
            symbols=tuple(s.upper() for s in _split(row.get("symbols") or "")),
            ambiguous_symbol=(row.get("ambiguous_symbol") or "0").strip() in {"1", "true", "yes"},
        )
        for row in rows
        if row.get("ticker")
    ]


class _AccentFold(dict):
    """``str.translate`` table dropping a letter's accents ("ó" -> "o"; "ﬁ" and "Ø" are kept),
    and straightening a curly apostrophe ("O’Reilly" -> "O'Reilly"), filled as letters come."""

    def __missing__(self, code: int) -> str:
        letter = chr(code)
        parts = unicodedata.normalize("NFD", letter)
        base = "'" if letter in "\u2018\u2019" else parts[0] if all(unicodedata.combining(c) for c in parts[1:]) else letter
        self[code] = base  # one item set per new letter: safe to share between threads
        return base


_ACCENT_FOLD = _AccentFold()


def fold_accents(text: str) -> str:
    """``text`` with every letter's accents dropped ("Telefónica" -> "Telefonica") and curly
    apostrophes straight, one character for one, so a span found in the folded text is the same
    span of ``text``: users type names without accents that notes write with them, feeds drop
    them too, and "O’Reilly" is typed either way."""
    return text if text.isascii() else text.translate(_ACCENT_FOLD)


# The suffixes exchanges give symbols (Yahoo's convention, as the notes write them); not ".S" or ".A"
# ("U.S.", "S.A." are abbreviations). The US ones (Reuters' ".O", ".OQ", ".N", and ".US") mark the
# listing a bare symbol names: "TSLA.O" is Tesla wherever the alias table has "TSLA".
_US_EXCHANGES = "O OQ N US"
_EXCHANGES = (
    "L PA DE F MI MC AS BR LS SW ST HE CO OL IC VI IR WA PR AX NZ TO V HK T KS KQ SS SZ SI BO NS JO SA MX TW KL BK JK TA IS "
    + _US_EXCHANGES
)
_EXCHANGE_SUFFIX = re.compile(rf"\.(?:{'|'.join(_EXCHANGES.split())})$")
_US_SUFFIX = re.compile(rf"\.(?:{'|'.join(_US_EXCHANGES.split())})$")


def listing_root(symbol: str) -> str:
    """``symbol`` without its exchange's suffix (``_EXCHANGES``: "PUIG" of "PUIG.MC", "HEXA-B" of
    "HEXA-B.ST"): one listing written with or without it, as notes and users do."""
    return _EXCHANGE_SUFFIX.sub("", symbol.upper().lstrip("$"))


def same_listing(a: str, b: str, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether tickers ``a`` and ``b`` name one listing: equal, or one the other's root, written bare,
    that no company of ``known`` (an alias table's symbols) holds ("PUIG" and "PUIG.MC"; not "MC" of
    Moelis and LVMH's "MC.PA", nor two suffixes, "SAN.MC" and "SAN.PA")."""
    if a == b:
        return True
    bare, listed = (a, b) if listing_root(a) == a else (b, a)
    return listing_root(bare) == bare and listing_root(listed) == bare != listed and bare not in known


class Mention(NamedTuple):
    """A company mention: ``text[start:end]`` names ``ticker``."""

    start: int
    end: int
    ticker: str


_HYPHEN_JOINS = re.compile(r"[A-Za-z]-[A-Za-z]")  # a hyphen inside a name ("T-Mobile", "Coca-Cola")


def hyphens_apart(name: str) -> str:
    """``name`` with the hyphens inside it typed as spaces ("coca cola" for "coca-cola")."""
    return re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", name)


class CompanyDirectory:
    """The alias table: bundled rows, then the user's file (whose rows win on conflicts)."""

    def __init__(self, companies: list[Company]):
        self.companies = {c.ticker: c for c in companies}

    @classmethod
    def load(cls, extra_file: Path | None = None) -> "CompanyDirectory":
        """Bundled table plus an optional user CSV with the same header."""
        text = resources.files("ingest.data").joinpath(_BUNDLED).read_text(encoding="utf-8")
        companies = _read_csv(text)
        if extra_file is not None:
            companies += _read_csv(Path(extra_file).read_text(encoding="utf-8"))
        return cls(companies)

    @cached_property
    def symbol_to_ticker(self) -> dict[str, str]:
        table = {}
        for company in self.companies.values():
            for symbol in company.symbols:
                table[symbol] = company.ticker
        return {**table, **{c.ticker: c.ticker for c in self.companies.values()}}  # a ticker names its own company

    @cached_property
    def alias_to_ticker(self) -> dict[str, str]:
        """Each alias, lower-cased, and a hyphenated one also written together or apart ("tmobile",
        "coca cola femsa", as users type them), to its ticker."""
        table = {fold_accents(alias.lower()): c.ticker for c in self.companies.values() for alias in c.aliases}
        hyphenated = [(alias, ticker) for alias, ticker in table.items() if _HYPHEN_JOINS.search(alias)]
        joined = {alias.replace("-", ""): ticker for alias, ticker in hyphenated if len(alias) >= 5}
        apart = {hyphens_apart(alias): ticker for alias, ticker in hyphenated}
        return {**joined, **apart, **table}

    def add(self, companies: list[Company]) -> None:
        """Add rows (e.g. companies learned from notes); existing tickers keep their row."""
        for company in companies:
            self.companies.setdefault(company.ticker, company)
        for table in ("symbol_to_ticker", "alias_to_ticker"):
            self.__dict__.pop(table, None)

    def digest(self) -> str:
        """A hash of every row in order (a later row's alias does not take an earlier one's):
        tables with equal digests resolve alike."""
        return hashlib.sha256(repr(list(self.companies.values())).encode("utf-8")).hexdigest()

    def canonical(self, symbol: str) -> str:
        """The canonical ticker for a listed symbol, or the symbol upper-cased if unknown."""
        symbol = symbol.upper().lstrip("$")
        return self.symbol_to_ticker.get(symbol, symbol)

    def name_of(self, ticker: str) -> str:
        company = self.companies.get(ticker)
        return company.name if company else ticker

    def is_bare_symbol(self, token: str) -> bool:
        """True if an upper-case token alone names a company (not "AI", "IT", "ON", "NOW")."""
        ticker = self.symbol_to_ticker.get(token)
        return ticker is not None and not self.companies[ticker].ambiguous_symbol


class TickerResolver:
    """Find the companies a text is about, as canonical tickers in order of first mention.

    ``case_sensitive_names`` is on for notes (proper nouns are capitalised there) and off
    for questions, which users type in any case. In questions, an upper-case symbol that is
    also a word ("SNOW", "COST", "LI") names its company when the notes are about it (``held``),
    and a ticker typed in lower case ("nflx") names its company unless it is one of ``words`` (an
    English word list and the words the notes write: "all", "key", "now" stay words).
    """

    def __init__(self, directory: CompanyDirectory):
        self.directory = directory
        self.held: set[str] = set()  # tickers the ingested notes are mainly about
        self.words: frozenset[str] = frozenset()  # lower-case words that are never tickers; empty: none resolve
        self.acronyms: frozenset[str] = frozenset()  # words the notes write in capitals, not as a symbol

    @cached_property
    def _name_patterns(self) -> dict[bool, re.Pattern[str]]:
        names = {fold_accents(a) for c in self.directory.companies.values() for a in c.aliases}
        hyphenated = [a for a in names if _HYPHEN_JOINS.search(a)]
        names |= {form for a in hyphenated for form in (a.replace("-", ""), hyphens_apart(a)) if form.lower() in self.directory.alias_to_ticker}
        aliases = sorted(names, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in aliases) or r"(?!x)x"
        pattern = rf"(?<![\w&])({body})(?:['\u2019]s?)?(?![\w&])"
        return {flag: re.compile(pattern, 0 if flag else re.IGNORECASE) for flag in (True, False)}

    def _alias_hits(self, text: str, case_sensitive: bool) -> list[Mention]:
        """Each alias written in ``text``; a one-word alias that is a people's adjective only where
        no class of companies follows it: "Turkish" names Turkish Airlines, not in "Turkish names"."""
        return [
            Mention(m.start(), m.end(), self.directory.alias_to_ticker[m.group(1).lower()])
            for m in self._name_patterns[case_sensitive].finditer(text)
            if not (" " not in m.group(1) and _CLASS_AFTER.match(text, m.end()) and is_peoples_adjective(m.group(1).capitalize()))
        ]

    def _typed_in_capitals(self, text: str) -> bool:
        """True for a question typed in capitals ("WHAT IS THE COST OF ..."): over half its words
        are, and two or more of them are no company's symbol."""
        words = re.findall(r"[A-Za-z]+", text)
        capitals = [w for w in words if len(w) > 1 and w.isupper()]
        return len(capitals) * 2 > len(words) and sum(w not in self.directory.symbol_to_ticker for w in capitals) >= 2

    def _is_symbol(self, token: str, in_question: bool, shouted: bool) -> bool:
        """Whether ``token``, in capitals, names its company. A symbol that is also a word names
        it in notes only in company context (``$``, an exchange); in a question, when the notes
        are about the company, or when the question is not typed in capitals and the notes never
        write the symbol as a word (``acronyms``): then "SNOW" is typed so for Snowflake."""
        if self.directory.is_bare_symbol(token):
            return True
        ticker = self.directory.symbol_to_ticker.get(token)
        if not in_question or ticker is None:
            return False
        deliberate = not shouted and len(token) >= DELIBERATE_CAPITALS and token not in self.acronyms
        return ticker in self.held or deliberate

    def _symbol_hits(self, text: str, in_question: bool) -> list[Mention]:
        hits = [
            Mention(m.start(), m.end(), self.directory.canonical(m.group(1)))
            for pattern in (_DOLLAR, _EXCHANGE, _HK_CODE)
            for m in pattern.finditer(text)
        ]
        shouted = in_question and self._typed_in_capitals(text)
        upper = list(_UPPER_TOKEN.finditer(text))
        hits += [Mention(m.start(), m.end(), self.directory.canonical(m.group(1))) for m in upper if self._is_symbol(m.group(1), in_question, shouted)]
        if in_question:  # (``_held_listing`` reads only symbols no company of the table has: no hit twice)
            table = self.directory.symbol_to_ticker
            hits += [
                Mention(m.start(), m.end(), ticker) for m in _LOWER_LISTED.finditer(text)
                if (ticker := table.get(m.group(1).upper()) or self._held_listing(m.group(1).upper(), shouted))
            ]
            hits += [Mention(m.start(), m.end(), ticker) for m in upper if (ticker := self._held_listing(m.group(1).upper(), shouted))]
            hits += [
                Mention(m.start(), m.end(), ticker) for m in _LOWER_CODED.finditer(text)
                if (ticker := table.get(m.group(1).upper()) or self._held_listing(m.group(1).upper())) in self.held
            ]
            hits += [Mention(m.start(), m.end(), ticker) for m in _BARE_CODE.finditer(text) if (ticker := self._held_code(m.group(1)))]
        if in_question and self.words:
            hits += [
                Mention(m.start(), m.end(), ticker)
                for m in _LOWER_TOKEN.finditer(text)
                if m.group(1) not in self.words and (ticker := self.directory.symbol_to_ticker.get(m.group(1).upper())) is not None
            ]
            subjects = ((m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex)) for m in _SYMBOL_AS_SUBJECT.finditer(text))
            compared = ((m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex)) for m in _SYMBOL_COMPARED.finditer(text))
            letters_at = ((m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex).lower()) for m in _INITIALS_AS_SUBJECT.finditer(text))
            hits += [
                Mention(start, end, ticker) for start, end, letters in letters_at
                if letters not in STOPWORDS and not is_english(letters) and letters.upper() not in self.directory.symbol_to_ticker
                and (ticker := self._held_initials.get(letters))
            ]
            hits += [
                Mention(start, end, ticker)
                for start, end, word in [*(s for s in subjects if s[2] in self.words), *(c for c in compared if c[2] not in self.words)]
                if word not in STOPWORDS and not is_modifier(word)
                and (ticker := self.directory.symbol_to_ticker.get(word.upper())) in self.held
            ]
        return hits

    def _held_code(self, digits: str) -> str | None:
        """The one held ticker whose numeric code ``digits`` is ("4385" for 4385.T), unless it reads as a year."""
        if int(digits) in _YEARS:
            return None
        forms = [t for t in self.held if listing_root(t) == digits]
        return forms[0] if len(forms) == 1 else None

    def _held_listing(self, symbol: str, shouted: bool = False) -> str | None:
        """The held ticker that ``symbol``, typed with another exchange suffix or none, names: the one
        held ticker of its root ("PUIG.MC" for notes scoring "PUIG", "HWDN" for notes on "HWDN.L"
        only; ``listing_root``), when no company of the table has ``symbol`` itself; with a US
        exchange's suffix, the table's company of the root, held or not ("TSLA.O", "AAPL.US"). Typed bare, it
        must read as a symbol: three letters or more, no English word, not written in capitals as a
        word by the notes ("CEO"), in a question not typed in capitals."""
        root = listing_root(symbol)
        if symbol in self.directory.symbol_to_ticker or len(root) < 2:
            return None
        if symbol == root and (shouted or len(root) < 3 or root in self.acronyms or is_english(root.lower())):
            return None
        if _US_SUFFIX.search(symbol) and root in self.directory.symbol_to_ticker:  # "TSLA.O", "AAPL.US": the table's US listing
            return self.directory.symbol_to_ticker[root]
        forms = [t for t in self.held if listing_root(t) == root]
        return forms[0] if len(forms) == 1 else None

    def _possible_subject_hits(self, text: str) -> list[Mention]:
        """A held company's symbol in lower case where the question may put its subject
        (``_SYMBOL_MAY_BE_SUBJECT``), no English word nor courtesy, before one verb."""
        hits = []
        for m in _SYMBOL_MAY_BE_SUBJECT.finditer(text):
            group = "opening" if m.group("opening") else "doer"
            word = m.group(group)
            if group == "doer" and (not is_verb_form(m.group("verb")) or m.group("next") and is_verb_form(m.group("next")) and m.group("next") not in STOPWORDS):
                continue
            if word not in STOPWORDS | _COURTESIES and not is_english(word) and (ticker := self.directory.symbol_to_ticker.get(word.upper())) in self.held:
                hits.append(Mention(m.start(group), m.end(group), ticker))
        return hits

    def learn(
        self, companies: list[Company], held: set[str] | None = None, words: Iterable[str] = (), acronyms: Iterable[str] = (),
    ) -> None:
        """Resolve these companies too from now on; ``held``: the tickers the notes are about;
        ``words``: lower-case words that are never tickers; ``acronyms``: the notes' ``acronyms``."""
        self.directory.add(companies)
        self.held |= held or set()
        self.words |= frozenset(words)
        self.acronyms |= frozenset(acronyms)
        for derived in ("_name_patterns", "_held_names", "_held_initials", "_possessive_names"):
            self.__dict__.pop(derived, None)

    def extended(self, companies: list[Company]) -> "TickerResolver":
        """A copy that also resolves ``companies`` (``self`` when there are none)."""
        if not companies:
            return self
        copy = TickerResolver(CompanyDirectory(list(self.directory.companies.values())))
        copy.learn(companies, set(self.held), self.words, self.acronyms)
        return copy

    @cached_property
    def _held_names(self) -> dict[str, list[str]]:
        """Each held company's name, accents folded, as lower-case words."""
        return {t: fold_accents(c.name).lower().split() for t in self.held if (c := self.directory.companies.get(t))}

    @cached_property
    def _held_initials(self) -> dict[str, str]:
        """The two initials of each held company's two-word name ("jm" for Jerónimo Martins), to
        its ticker, when no other held company's two-word name has them."""
        owners: dict[str, list[str]] = {}
        for ticker, words in self._held_names.items():
            if len(words) == 2:
                owners.setdefault(words[0][0] + words[1][0], []).append(ticker)
        return {letters: tickers[0] for letters, tickers in owners.items() if len(tickers) == 1}

    @cached_property
    def _possessive_names(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Companies' own names that are not among their aliases ("Visa", "Target", "Shell": the
        table leaves them out for being words; also "MSCI", "RTX"), in the possessive, any case;
        and each such name, lower-cased, to its ticker."""
        owners = {
            fold_accents(c.name).lower(): c.ticker for c in self.directory.companies.values()
            if len(c.name) >= 3 and c.name.lower() not in self.directory.alias_to_ticker
        }
        names = sorted(owners, key=len, reverse=True)
        pattern = re.compile(rf"(?<![\w&])({'|'.join(map(re.escape, names))})['\u2019]s\b", re.IGNORECASE) if names else None
        return pattern, owners

    def _possessive_name_hits(self, text: str) -> list[Mention]:
        """Companies a question names by their own name in the possessive, though the alias table
        lists it as no alias for being a word ("visa's cross-border volume", "Target's margin"): an
        owner's name, not the word."""
        pattern, owners = self._possessive_names
        if pattern is None:
            return []
        return [Mention(m.start(), m.end(), owners[m.group(1).lower()]) for m in pattern.finditer(text) if _owner_may_follow(text[: m.start()])]

    def _shortened_hits(self, text: str) -> list[Mention]:
        """Held companies a question names by the first word of their name and the start of the
        second ("united micro" for United Microelectronics), or by the start of their name's first
        word alone ("conti" for Continental) when that is no word (``words``, English or the
        notes'): each part cut to ``SHORTENED_LETTERS`` letters or more, one held company only so named."""
        names = self._held_names
        hits = []
        for m in _WORD_PAIR.finditer(text):
            first, second = m.group(1).lower(), m.group(2).lower()
            owners = [t for t, words in names.items() if len(words) > 1 and words[0] == first and words[1].startswith(second) and words[1] != second]
            if len(owners) == 1:
                hits.append(Mention(m.start(), m.end(2), owners[0]))
        for m in _SHORTENED_NAME.finditer(text):
            cut = m.group(1).lower()
            owners = [t for t, words in names.items() if words[0].startswith(cut) and words[0] != cut]
            if len(owners) == 1 and self.words and cut not in self.words and not any(h.start <= m.start() < h.end for h in hits):
                hits.append(Mention(m.start(), m.end(), owners[0]))
        return hits

    def mentions(self, text: str, case_sensitive_names: bool = True) -> list[Mention]:
        """Every company mention in ``text`` with its span (a legal form after it included), in
        order; accents do not count ("telefonica" names Telefónica). In questions, a name may be
        shortened (``_shortened_hits``)."""
        text = fold_accents(text)
        hits = self._alias_hits(text, case_sensitive_names) + self._symbol_hits(text, not case_sensitive_names)
        if not case_sensitive_names:
            hits += [m for m in self._possessive_name_hits(text) if not any(h.start < m.end and m.start < h.end for h in hits)]
        shortened = [] if case_sensitive_names else [m for m in self._shortened_hits(text) if not any(h.start < m.end and m.start < h.end for h in hits)]
        hits = sorted(hits + shortened)
        if not case_sensitive_names and self.words:
            possible = self._possible_subject_hits(text)
            named = {p.ticker for p in possible}
            hits = hits if any(h.ticker not in named for h in hits) else sorted({*hits, *possible})  # (no other company named)
        forms = [_LEGAL_FORM_AFTER.match(text, m.end) for m in hits]
        formed = {(m.start, m.ticker) for m, form in zip(hits, forms) if form}  # a legal form added: "CVS" + "Group"
        hits = [m._replace(end=form.end()) if form else m for m, form in zip(hits, forms)]
        hits = [m._replace(end=self._name_continued(text, m)) for m in hits]
        # (a mention inside a longer one is part of its name: "edu" of "grand canyon edu" names no other company;
        # words naming two companies name the one whose name they are as written, "CVS Group" not CVS with a
        # legal form, then the one the notes are about: "HD" of HD Hyundai, not Home Depot)
        hits = [m for m in hits if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in hits)]
        hits = [m for m in hits if not ((m.start, m.ticker) in formed and any(_same_span(o, m) and (o.start, o.ticker) not in formed for o in hits))]
        return [m for m in hits if not (m.ticker not in self.held and any(_same_span(o, m) and o.ticker in self.held for o in hits))]

    def _name_continued(self, text: str, mention: Mention) -> int:
        """Where ``mention`` ends when the words after it type the next words of the company's
        name shortened or misspelt (``types_word``): "grand canyon edu" for Grand Canyon
        Education, "ridgeline vally bancorp", "matthews intl"."""
        company = self.directory.companies.get(mention.ticker)
        said = text[mention.start:mention.end]
        if company is None or not fold_accents(company.name).lower().startswith(said.lower()):
            return mention.end
        end = mention.end
        for word in fold_accents(company.name)[len(said):].split():
            after = _SHORTENED_WORD.match(text, end)
            if after is None or not types_word(after.group(1), word):
                break
            end = after.end()
        return end

    def resolve(self, text: str, case_sensitive_names: bool = True) -> list[str]:
        """Canonical tickers mentioned in ``text``, first mention first, without repeats."""
        return list(dict.fromkeys(m.ticker for m in self.mentions(text, case_sensitive_names)))


def _same_span(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end)


_WORD_BEFORE = re.compile(r"([A-Za-z0-9]+)(['\u2019](?:s|re|d|ll|ve))?([^\w\s]*)\s*\Z")
_DETERMINERS = frozenset("a an the its their our my your his her this that these those each every some any no".split())
_SET_AGAINST = frozenset("vs versus v".split())


def _owner_may_follow(before: str) -> bool:
    """Whether a company may be named after ``before``: at the start, after punctuation, or after
    a function word ("did", "and", "to", "what's", "vs") other than a determiner; not after a
    noun, a number, a hyphen or an article ("price target's", "$400 target's", "price-target's",
    "the visa's": the word)."""
    word = _WORD_BEFORE.search(before[-40:])  # (a bounded tail: questions may be long)
    if word is None:
        return not before.rstrip().endswith("-")
    bare, contraction, punctuation = word.group(1).lower(), word.group(2), word.group(3)
    if punctuation and not punctuation.endswith("-"):
        return True
    if contraction or bare in _SET_AGAINST:  # "what's visa's", "mastercard vs visa's"
        return True
    return bare in STOPWORDS and bare not in _DETERMINERS and not punctuation


# A Markdown heading line: often a file's slug set as a title ("# Acme: widget recall"), not prose.
_HEADING = re.compile(r"^[ \t]*#.*$", re.MULTILINE)


def first_name(name: str) -> str | None:
    """The first word of a name of several ("Kestrel" of "Kestrel Semiconductor", "Freeport" of
    "Freeport-McMoRan", "Quidel" of "QuidelOrtho": a word of six letters or more joined to the
    next capitalised one), when it is a capitalised word of two letters or more ("iRhythm" of
    "iRhythm Technologies" too); else None."""
    words = re.split(r"\s+|-(?=[A-Z])|(?<=[a-z]{5})(?=[A-Z][a-z])", name.strip())
    # ("O'Reilly", "iRhythm"; not "People's")
    return words[0] if len(words) > 1 and re.fullmatch(r"(?:[A-Z]|[a-z](?=[A-Z]))(?:['\u2019](?=[A-Z]))?[A-Za-z\-]+", words[0]) else None


LATER_NAME_USES = 2  # how often a company's notes write a later word of its name alone for it to name the company
_POSSESSIVE_FIRST = re.compile(r"([A-Z][A-Za-z]+['\u2019]s)\s+[A-Z]")


def possessive_first_name(name: str, text: str) -> str | None:
    """A name's first word in the possessive ("Domino's" of "Domino's Pizza") when ``text`` writes it
    alone ``LATER_NAME_USES`` times or more, never as part of another name ("the Domino's app" is
    its; not "People's" of "People's United Financial" beside "the People's Bank of China")."""
    name, text = name.replace("\u2019", "'"), text.replace("\u2019", "'")  # (either apostrophe: one character for one)
    found = _POSSESSIVE_FIRST.match(name)
    if found is None:
        return None
    word = found.group(1)
    uses = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?!\s+{re.escape(name[found.end(1):].split()[0])})\b", text))
    # (part of another name: after "the" or a capitalised word, before a capitalised one: "the People's Bank of China")
    inside = any(
        (_NAMED_BEFORE.search(text, max(0, u.start() - 40), u.start()) or re.search(r"\bthe\s+$", text[max(0, u.start() - 5):u.start()], re.I))
        and re.match(r"\s+[A-Z][a-z]", text[u.end():]) for u in uses
    )
    return word if len(uses) >= LATER_NAME_USES and not inside else None
_HYPHENATED = re.compile(r"[A-Z][A-Za-z]+-[A-Z]|[A-Z][a-z]{5,}[A-Z][a-z]")  # (or joined: "QuidelOrtho")


def with_first_names(companies: Iterable[Company], held: set[str], texts: list[str], lower: set[str] | None = None) -> list[Company]:
    """``companies`` with each held one (the notes are about it) also named by the first word of
    its name, as ``declared_companies`` names the companies notes declare, when the notes never
    write that word in lower case and it names no other company: the first part of a hyphenated
    or joined name ("Freeport" for Freeport-McMoRan, "Quidel" for QuidelOrtho), or the first word of a name of several when the notes
    themselves use it as the company's, in the possessive ("Intuitive's margin" for Intuitive
    Surgical). (Never "Texas" for Texas Instruments or "Home" for Home Depot: notes do not write
    "Texas's" or "Home's" for them.) ``lower``: the texts' ``lower_words``, if the caller has them."""
    rows = list(companies)
    joined = "\n".join(texts)
    lower = lower_words(joined) if lower is None else lower
    taken = Counter(first for c in rows for first in {first_name(a) for a in c.aliases} - {None})
    aliases = {a.lower() for c in rows for a in c.aliases}
    named = []
    for c in rows:
        first = first_name(c.aliases[0]) if c.ticker in held and c.aliases else None
        owner = first is not None and re.search(rf"(?<![\w-]){re.escape(first)}['\u2019]s\b", joined) is not None
        if first is None and c.ticker in held and c.aliases:
            first = owner = possessive_first_name(c.aliases[0], joined)
        # (no other company's first word: a possessive one is counted by no alias's first word)
        fits = first and (_HYPHENATED.match(c.aliases[0]) or owner) and taken[first] <= 1 and first.lower() not in lower and first.lower() not in aliases
        named.append(replace(c, aliases=(*c.aliases, first)) if fits else c)
    return named


def _name_word_uses(companies: list[Company]) -> Counter[str]:
    """How many of ``companies`` write each word (lower case) in their names: a word of one company's
    name only (1) may name it alone."""
    return Counter(w.lower() for c in companies for w in {w for a in c.aliases for w in a.split()})


def with_later_names(companies: Iterable[Company], notes: list[tuple[list[str], str]], lower: set[str]) -> list[Company]:
    """``companies`` with each also named by a later word of its name that its own notes (those
    about it: ``notes`` holds each one's tickers and text) write alone ``LATER_NAME_USES`` times or
    more, and no other note writes: "Renner" for Lojas Renner, "Santander" for Banco Santander,
    "Couche-Tard" for Alimentation Couche-Tard (a name's first word is often a generic one, "Lojas"
    is "stores"). Alone: outside the full name,
    never after another capitalised word ("Latin America", "Johnson & Johnson") or a word placing
    it ("in Australia"). Never a word written in lower case (``lower``), an English word, a legal
    form, or a word of another company's name. (A note about no company, its sentiment block
    empty, is no other company's: it may be about this one, named only by this word.)"""
    rows = list(companies)
    taken = _name_word_uses(rows)
    about: dict[str, list[str]] = {}
    for tickers, text in notes:
        for ticker in set(tickers):
            about.setdefault(ticker, []).append(text)
    named = []
    for c in rows:
        own = about.get(c.ticker, [])
        words = c.aliases[0].split() if own and c.aliases else []
        later = [
            word for word in words[1:]
            if re.fullmatch(r"[A-Z][a-z][A-Za-z]+(?:-[A-Z][a-z]+)?", word) and word.lower() not in lower and taken[word.lower()] == 1 and word not in place_words()
            and not is_english(word) and not _LEGAL_FORM_AFTER.fullmatch(f" {word}") and word not in c.aliases
            and _named_alone(word, c.aliases[0], own, [text for tickers, text in notes if tickers and c.ticker not in tickers])
        ]
        named.append(replace(c, aliases=(*c.aliases, *later)) if later else c)
    return named


def with_name_tails(companies: Iterable[Company], held: set[str], lower: set[str]) -> list[Company]:
    """``companies`` with each held one also named by the words after the first of its name, as
    users shorten it, when they are two or more ("Zeiss Meditec" for Carl Zeiss Meditec) or one
    after a prefix in capitals ("Eventim" for CTS Eventim): each capitalised, never written in
    lower case in the notes (``lower``), no legal form ("AG" of "RWE AG"), no place ("Central
    Asia" of Bank Central Asia) and no word of another company's name; and not all English
    ("Consumer Products" of Tata Consumer Products names no company alone)."""
    rows = list(companies)
    taken = _name_word_uses(rows)
    named = []
    for c in rows:
        words = c.aliases[0].split() if c.ticker in held and c.aliases else []
        tail = words[1:]
        long_enough = len(tail) >= (1 if len(words) == 2 and words[0].isupper() else 2)
        own = all(
            re.fullmatch(r"[A-Z][A-Za-z]+", w) and w.lower() not in lower and taken[w.lower()] == 1
            and not _LEGAL_FORM_AFTER.fullmatch(f" {w}") and w not in place_words() for w in tail
        )
        fits = long_enough and own and not all(is_english(w) for w in tail) and " ".join(tail) not in c.aliases
        named.append(replace(c, aliases=(*c.aliases, " ".join(tail))) if fits else c)
    return named


# A short name an analyst's file names give a company: this many of its notes' file names or more.
FILE_NAME_USES = 2


def with_file_names(companies: Iterable[Company], notes: list[tuple[list[str], str]]) -> list[Company]:
    """``companies`` with each also named by a word the file names of its own notes use
    (``notes`` holds each one's tickers and file name) ``FILE_NAME_USES`` times or more, that
    shortens its ticker or contracts its name, and that no file of a note not about it uses:
    "banchile" (banchile-dividend-payout.md) for Banco de Chile, "thy" (thy-cargo-carveout.txt)
    for THYAO.IS. Analysts name files as they call the company; the notes may never write it so.
    No place, month, number, people's adjective, word of its name or English word longer than
    ``SHORT_WORD`` letters; a short English word ("thy") becomes a symbol, not a name, so the
    notes' own lower-case "thy" would stay a word."""
    uses: dict[str, list[set[str]]] = {}  # each file-name word: the tickers of each note whose file uses it
    for tickers, source in notes:
        for word in set(re.findall(r"[a-z]{3,}", Path(source).stem.lower())):
            uses.setdefault(word, []).append(set(tickers))
    named = []
    for c in companies:
        # (not its own ticker, "all-rate-filings.txt", nor a word of its name, "banco-de-chile-buyback.txt": "Banco" names no bank alone)
        known = {n.lower() for n in (*c.aliases, *c.symbols, symbol_root(c.ticker))} | {_ascii_letters(w) for w in c.name.split()}
        own = [w for w, listed in uses.items() if len(listed) >= FILE_NAME_USES and all(c.ticker in t for t in listed) and w not in known
               and not (is_english(w) and len(w) > SHORT_WORD) and not is_peoples_adjective(w.capitalize())
               and (abbreviates(c.ticker, w) or _contracts(c.name, w)) and w.capitalize() not in place_words() and not is_month(w)]
        aliases = tuple(w for w in own if not is_english(w))
        symbols = tuple(w.upper() for w in own if is_english(w))
        named.append(replace(c, aliases=(*c.aliases, *aliases), symbols=(*c.symbols, *symbols)) if aliases or symbols else c)
    return named


def _named_alone(word: str, name: str, own: list[str], others: list[str]) -> bool:
    """Whether ``own`` notes write ``word`` of ``name`` alone often enough, always alone outside
    the name, and no ``others`` write it (``with_later_names``)."""
    pattern = re.compile(rf"(?<![\w&-]){re.escape(word)}(?![\w&-])")
    if any(pattern.search(text) for text in others):
        return False
    uses = [(text, m.start()) for text in (t.replace(name, " ") for t in own) for m in pattern.finditer(text)]
    return len(uses) >= LATER_NAME_USES and not any(_NAMED_BEFORE.search(text, 0, start) for text, start in uses)


_PLACE_ADJECTIVE_ENDINGS = ("ian", "an", "ese", "ish")  # "Chilean", "Japanese", "Turkish"
_PLACE_LETTERS_DROPPED = 2  # a place's name may lose this many letters before the ending: "Turk-ey" -> "Turk-ish"


def is_peoples_adjective(word: str) -> bool:
    """Whether ``word`` is a people's adjective: a language's one-word name ("Turkish", "Greek",
    from Babel's CLDR data) or a place's name with an adjective ending ("Chilean", "American",
    "Canadian"); not a place itself ("Taiwan", "Jordan")."""
    if word in _language_words():
        return True
    if word in _place_names():
        return False
    return any(word.endswith(end) and len(stem_ := word[: -len(end)]) >= 4
               and any(p.startswith(stem_) and len(p) - len(stem_) <= _PLACE_LETTERS_DROPPED for p in place_words())
               for end in _PLACE_ADJECTIVE_ENDINGS)


@cache
def _english():
    """Babel's CLDR data in English (loaded once, on first use)."""
    from babel import Locale

    return Locale("en")


# The currencies notes report in, whose codes stand for a unit ("EPS (EUR)", "revenue in eur"):
# not every ISO code, many of which are words or tickers ("ALL", "AMD", "TOP").
UNIT_CURRENCIES = frozenset("EUR USD GBP CHF JPY CNY RMB SEK NOK DKK AUD CAD NZD INR HKD SGD KRW BRL MXN ZAR".split())


@cache
def currency_codes() -> frozenset[str]:
    """The ISO codes of the currencies legal tender in some territory today ("EUR", "CHF"), by Babel's
    CLDR tables, and "RMB" as notes write the yuan: a unit, not a company's symbol ("EPS (EUR)")."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    return frozenset(code for territory in get_global("territory_currencies") for code in get_territory_currencies(territory, tender=True)) | {"RMB"}


@cache
def _place_names() -> frozenset[str]:
    return frozenset(_english().territories.values())


@cache
def _language_words() -> frozenset[str]:
    return frozenset(name for name in _english().languages.values() if " " not in name)


# Nouns naming a class of companies ("Turkish names", "Chilean banks"): after a people's adjective,
# the adjective names no company; with nothing else, they describe the companies compared, not an event.
COMPANY_CLASSES = frozenset("""
    names companies firms stocks equities issuers players peers banks lenders insurers reinsurers airlines carriers
    miners retailers grocers utilities telcos operators producers manufacturers automakers carmakers developers
    builders shippers railways railroads
    """.split())
_CLASS_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(COMPANY_CLASSES - {'stocks', 'equities'}))})\b")  # (not "Norwegian stocks fell")


@cache
def place_words() -> frozenset[str]:
    """The words of the world's country and region names in English ("Australia", "America"),
    from Babel's CLDR data: a place named in a company's name names no company alone."""
    return frozenset(w for name in _english().territories.values() for w in name.split())


def names_a_place(phrase: str) -> bool:
    """Whether ``phrase`` is a country's or region's name, or two words or more opening one ("New
    Zealand", "Hong Kong" of "Hong Kong SAR China"; not "China Gas", "Norfolk Southern", nor one
    word opening a longer name: "Norfolk" of "Norfolk Island")."""
    return phrase in _place_names() or " " in phrase and any(name.startswith(f"{phrase} ") for name in _place_names())


# Words that open a sentence before a name, and are no part of it ("In Brazil, ...", "On May 6,
# ..."): prepositions and conjunctions only, so "Under Armour" and "Just Eat" keep their first word.
_OPENING_WORDS = frozenset(
    "On In At For By From With After Before During Since As While When If But And Or Of To Despite Although Following Amid Unlike".split()
)
# A capitalised word or "&" right before (part of a longer name), or a preposition placing what follows.
# (A sentence's opening word is none, "For Couche-Tard, the risk ...", unless it places what follows: "In Quellara, ...")
_NOT_PLACING = frozenset(_OPENING_WORDS - {"In", "At", "On", "From", "To"})
_NAMED_BEFORE = re.compile(
    rf"(?:\b(?!(?:{'|'.join(sorted(_NOT_PLACING))})\s+$)[A-Z][\w.'\u2019-]*|&|\b(?:in|into|across|throughout|within|outside|to|from)\b)\s+$"
)


def with_short_names(companies: Iterable[Company], held: set[str], texts: list[str]) -> list[Company]:
    """``companies`` with each held one also named by the first words (two or more) of its name
    when the notes write them, capitalised, without the words after ("Six Flags" for Six Flags
    Entertainment, "Western Alliance" for Western Alliance Bancorporation) and they begin no other
    company's name: people call a company by the short name its notes use."""
    rows = list(companies)
    joined = "\n".join(texts)
    names = [a for c in rows for a in c.aliases]
    named = []
    for c in rows:
        short = [s for s in _short_names(c.aliases[0]) if _written_alone(s, c.aliases[0], joined)] if c.ticker in held and c.aliases else []
        shared = {s for s in short if sum(n.lower().startswith(s.lower()) for n in names) > sum(a.lower().startswith(s.lower()) for a in c.aliases)}
        named.append(replace(c, aliases=(*c.aliases, *[s for s in short if s not in shared and s not in c.aliases])))
    return named


def _short_names(name: str) -> list[str]:
    """The leading parts of ``name`` of two words or more, longest first, ending on a capitalised
    word ("Six Flags" of "Six Flags Entertainment"; not "Bank of" of "Bank of America Corp")."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words) - 1, 1, -1) if re.fullmatch(r"[A-Z][\w&.'\-]*", words[n - 1])]


def _written_alone(short: str, name: str, text: str) -> bool:
    """Whether ``text`` writes ``short`` where the rest of ``name`` does not follow it."""
    rest = name[len(short):].strip()
    return re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?!\s+{re.escape(rest)})", text) is not None


_NOT_INITIALLED = frozenset({"of", "the", "and", "&", "de", "la"})  # words a name's initials skip ("PCA")
MIN_INITIALS = 3  # two letters ("GM", "BA") are too often another company's ticker or a common acronym


NEAR_SPELLING = 84  # rapidfuzz ratio (0..100) from which a typed word is a near spelling of a name or a name's word


def types_word(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` of a company's name as a user may type it: shortened ("edu"
    of "Education"), or, typed as no English word, abbreviated by its letters in order ("intl" of
    "International", three or more, the first the same) or misspelt ("vally" of "Valley",
    "carribean": rapidfuzz ratio ``NEAR_SPELLING`` or more, the first letter the same). An English
    word is itself ("store" of "Storage", "deal" of "Dental")."""
    typed, word = typed.lower(), word.lower().strip(".,")
    if not typed or not word or typed[0] != word[0]:
        return False
    if word.startswith(typed):
        return True
    if is_english(typed):
        return False
    letters = iter(word)
    abbreviated = len(typed) >= 3 and all(ch in letters for ch in typed)  # (a subsequence: each letter found after the last)
    return abbreviated or (len(typed) >= 4 and fuzz.ratio(typed, word) >= NEAR_SPELLING)


def initials(name: str) -> str:
    """The initials of a name's words, small words skipped: "Packaging Corporation of America" -> "PCA";
    a short word in capitals counts whole: "LG Energy Solution" -> "LGES"; a word joining two in
    capitals counts both: "National CineMedia" -> "NCM"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _NOT_INITIALLED]
    return "".join(w if _SHORT_CAPITALS.fullmatch(w) else w[0].upper() + "".join(_JOINED_CAPITAL.findall(w)) for w in words)


_SHORT_CAPITALS = re.compile(r"[A-Z]{2,3}")
_JOINED_CAPITAL = re.compile(r"(?<=[a-z]{3})[A-Z](?=[a-z])")  # a capital joining two words: "CineMedia" (not "McKesson", "PayPal")


def initials_forms(name: str) -> set[str]:
    """``initials`` of ``name``, and of the rest of it when a short word in capitals opens it
    (a group's prefix: "HHI" as well as "HDHHI" for HD Hyundai Heavy Industries), and with a
    word joining two in capitals counted once ("CICT" as well as "CLICT" for CapitaLand
    Integrated Commercial Trust: acronyms go either way)."""
    first, _, rest = name.partition(" ")
    unjoined = _JOINED_CAPITAL.sub(lambda m: m.group(0).lower(), name)
    return {initials(name), initials(unjoined)} | ({initials(rest)} if rest and _SHORT_CAPITALS.fullmatch(first) else set())


def with_initials(companies: Iterable[Company], held: set[str], texts: list[str]) -> list[Company]:
    """``companies`` with each held one also named by the initials of one of its names as the
    notes write it ("PCA" for Packaging Corporation of America, "PMI" for Philip Morris
    International, whether the notes write the initials or only users type them), when they
    have ``MIN_INITIALS`` letters or more and are no company's symbol or name, nor a word that
    some note writes in capitals in another sense (one note per initials: a note using them and
    never the name, "the PMI fell to 48", is about something else)."""
    rows = list(companies)
    joined = "\n".join(texts)
    taken = {s for c in rows for s in (c.ticker, *c.symbols)} | {a.upper() for c in rows for a in c.aliases}
    named = []
    for c in rows:
        found = {i for name in _written_names(c, joined) for i in initials_forms(name) if len(i) >= MIN_INITIALS and i not in taken} if c.ticker in held else set()
        meant = sorted(i for i in found if _means(i, c, texts))
        named.append(replace(c, aliases=(*c.aliases, *meant)) if meant else c)
    return named


def _means(initials_: str, company: Company, texts: list[str]) -> bool:
    """Whether ``initials_`` can mean ``company``: no note writes them without one of its names."""
    return not any(_writes(text, initials_) and not any(_writes(text, a) for a in company.aliases) for text in texts)


def _writes(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])", text) is not None


def without_shared_names(companies: Iterable[Company], notes: Counter[str]) -> list[Company]:
    """``companies`` without the names two of them share ("Huntington" of Huntington Bancshares
    and of Huntington Ingalls, each learned alone): a shared name stays with a company whose main
    name it is, or with the one more ``notes`` are about, else with none."""
    rows = list(companies)
    owners: dict[str, list[str]] = {}
    for c in rows:
        for name in {a.lower() for a in c.aliases}:
            owners.setdefault(name, []).append(c.ticker)

    def keeps(c: Company, alias: str) -> bool:
        rivals = [notes[t] for t in owners[alias.lower()] if t != c.ticker]
        return alias == c.aliases[0] or all(notes[c.ticker] > n for n in rivals)

    named = []
    for c in rows:
        kept = tuple(a for a in c.aliases if keeps(c, a))
        named.append(replace(c, aliases=kept) if kept != c.aliases else c)
    return named


def _written_names(company: Company, text: str) -> set[str]:
    """A company's names, and each as ``text`` continues it with a small word and capitalised
    words ("Packaging Corporation of America"; not "Oracle Cloud Infrastructure", a unit's name)
    or with a word ending company names that initials count (``_NAME_ENDINGS``, no legal form such
    as "Inc" or "Co": "CapitaLand Integrated Commercial Trust")."""
    names = set(company.aliases)
    for alias in company.aliases:
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}", text):
            if ending := _NAME_ENDING_AFTER.match(text, m.end()):
                names.add(f"{alias} {ending.group(0).strip()}")
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}\s+(of|the|and|&)((?:\s+[A-Z][a-z]+){{1,3}})", text):
            words = m.group(2).split()
            names |= {f"{alias} {m.group(1)} {' '.join(words[:n])}" for n in range(1, len(words) + 1)}
    return names


# Words in capitals that follow a company's name without being part of it: titles, measures,
# places and common abbreviations ("Acme CEO", "Acme EBITDA", "Acme USA").
NO_NAME_CAPITALS = frozenset(
    "CEO CFO COO CTO CIO EPS EBIT EBITA EBITDA FCF ROE ROI ROIC GMV ARR AUM NII NIM TAM SAAS API OEM ADR ADRS GDP CPI PMI "
    "ETF IPO ESG LNG GPU GPUS USA UAE EMEA APAC LATAM AND THE FOR YTD QTD MTD WTD TTM LTM NTM YOY QOQ EOY EOM "
    "MGMT WACC MIDCAP SMALLCAP LARGECAP".split()
)
# A capitalised word of a name, accented letters and trailing digits kept ("Höegh", "Park24"), and
# one or two capitals before it kept ("JCDecaux", "JPMorgan": one word, not an acronym and a name;
# not a plural acronym, "GPUs", nor a unit, "MWh"), or one lower-case letter ("iRhythm", "eBay").
_NAME_WORD = r"(?:[A-Z]{1,2}(?=[A-Z][a-z]{2})(?![A-Z]s\b)|[A-Z]['\u2019](?=[A-Z][a-z])|[a-z](?=[A-Z][a-z]{2}))?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ\-]*\d*"
# A capitalised phrase of up to three words, initials before it or inside it kept ("D.R. Horton",
# "J.B. Hunt", "Arthur J. Gallagher"), an acronym before it ("ICICI Bank", "US Steel", "H&R Block", "O-I Glass"),
# or joined by "&" ("Procter & Gamble").
_PROPER_PHRASE = re.compile(
    rf"(?<![\w.])(?:[A-Z]\.){{0,3}}\s?(?:[A-Z]{{2,6}}\s+(?=[A-Z][a-z])|[A-Z]{{1,2}}[&-][A-Z]{{1,2}}\s+)?{_NAME_WORD}(?:\s+(?:&\s+)?(?:[A-Z]\.\s?){{0,2}}{_NAME_WORD}){{0,2}}"
    rf"(?:\s+(?!(?:{'|'.join(sorted(NO_NAME_CAPITALS))})\b)[A-Z]{{2,6}}(?![\w&\-]|['\u2019](?!s\b)))?"  # (ending in capitals: "Coca-Cola FEMSA", "Aker BP")
)
# A name whose words a lower-case particle joins ("Banco de Chile", "National Bank of Greece"),
# counted beside its capitalised parts (a sentence's "Shares of Acme" is no name: ``is_proper``).
_PARTICLE = re.compile(r"\s(?:de|do|da|del|di|of)\s")
_JOINED_NAME = re.compile(rf"(?<![\w.]){_NAME_WORD}(?:\s+{_NAME_WORD})?{_PARTICLE.pattern}{_NAME_WORD}")
# A person's name with a middle initial ("Arthur J. Gallagher"): a company named so goes by the surname.
_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+(?=[A-Z][a-z])")  # a name's initials: "D.R. ", "A. O. "
_PERSONS_NAME = re.compile(r"[A-Z][a-z]+\s+(?:[A-Z]\.\s?)+(?P<surname>[A-Z][a-z][\w-]*)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]*\b")


def lower_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case in its prose (Markdown headings left out: a slug set
    as a title lower-cases names): a name written so anywhere is no proper noun."""
    return set(_LOWER_WORD.findall(_HEADING.sub(" ", text)))


# A symbol standing for its company in prose: bracketed "(SNOW)", after "$" or an exchange, or
# opening a Ticker Sentiment line ("SNOW 0.42", "SNOW | mildly positive | 0.47").
_SYMBOL_USE = re.compile(
    r"\(([A-Z][A-Z0-9.\-]*)\)|\$[A-Za-z][\w.\-]*|" + _EXCHANGE.pattern + r"|^[ \t]*[A-Z][A-Z0-9.\-]*[ \t]*[:|]?[ \t]*(?:[-+]?\d|\|)",
    re.MULTILINE,
)


def acronyms(text: str) -> set[str]:
    """The words ``text`` writes in capitals in its prose, not as a company's symbol: "AI",
    "IT", "GM" (gross margin). In a question, such a word stays a word though a company's
    ticker spells it; one the notes never write so names the company ("risks for SNOW?")."""
    return set(_UPPER_TOKEN.findall(_SYMBOL_USE.sub(" ", text)))


def lower_bigrams(text: str) -> set[str]:
    """Pairs of words ``text`` writes in lower case side by side ("waste management"), Markdown
    headings left out: a name of common words is a name only if the notes never write it so."""
    return {f"{a} {b}" for line in _HEADING.sub(" ", text).splitlines() for a, b in pairwise(re.findall(r"[A-Za-z][\w\-]*", line))
            if a.islower() and b.islower()}


def _opens_no_name(phrase: str) -> bool:
    """Whether ``phrase`` opens with a word no name opens with: a plural noun or a stopword
    ("Shares of Valkora", "Most of Europe"; not "Bank of Greece")."""
    first = phrase.split()[0].lower()
    return first in STOPWORDS or is_plural_noun(first)


def is_proper(phrase: str, lower: set[str], lower_pairs: set[str]) -> bool:
    """Whether ``phrase`` is a proper noun in notes whose lower-case words are ``lower``: a word
    never written in lower case ("Zscaler"), or a phrase of several whose first two words are
    never written so ("Waste Management", though "waste" is a word; "Mister Car Wash", though
    "car wash" is words), or words after initials ("U.S. Physical Therapy", though "physical
    therapy" is words: initials open only names)."""
    words = [w for w in phrase.split() if not re.fullmatch(r"(?:[A-Z]\.)+", w)]  # initials name no word
    if len(words) < 2:
        return not words or words[0].lower() not in lower  # (initials alone, "U.S.", name no word)
    return words[0] != phrase.split()[0] or f"{words[0]} {words[1]}".lower() not in lower_pairs


# A word written capitalised at least this many times as often as in lower case is a name that is
# also a word ("Travelers" beside one "premium travelers"); it may name a ticker it abbreviates.
MOSTLY_CAPITALISED = 4
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z][a-z\-]*\b")


def mostly_capitalised(text: str) -> set[str]:
    """The words ``text`` writes in lower case but capitalised ``MOSTLY_CAPITALISED`` times as
    often or more (Markdown headings left out): names that are also words."""
    prose = _HEADING.sub(" ", text)
    lower = Counter(_LOWER_WORD.findall(prose))
    return {w for w, n in Counter(_CAPITALISED_WORD.findall(prose)).items() if 0 < lower[w.lower()] * MOSTLY_CAPITALISED <= n}


def _named_by_ticker(ticker: str, texts: list[str]) -> bool:
    """Whether notes call the company by its ticker ("GATX said"): in two of its notes or more."""
    return sum(1 for text in texts if re.search(rf"(?<![\w$]){re.escape(ticker)}(?![\w])", text)) >= 2


def learn_companies(notes: list[tuple[list[str], str]], directory: CompanyDirectory) -> list[Company]:
    """Companies the alias table lacks, from notes that list them in Ticker Sentiment.

    ``notes`` holds each note's main tickers and text. An unknown ticker is named by the proper
    noun its notes use most (at least twice): a capitalised phrase never written in lower case
    anywhere in the notes, so "Zscaler" counts and "Revenue" or "The" do not, or a word in
    capitals the ticker abbreviates ("LVMH" for LVMUY). Ranked by whether the ticker abbreviates
    it (``abbreviates``: "SolarEdge" for SEDG, not "Sunrun"), then by the notes using it, then
    the notes it comes first in (a note names its company before its places and products: "Las
    Vegas Sands" before "Marina Bay Sands"), then its uses. A ticker never scored alone in a
    note (always beside the company the note leads with) is named only by a phrase it
    abbreviates: the notes' other names are the lead company's. One its notes call by the ticker
    itself ("IHG said") is named only by a phrase it abbreviates or that starts as it does (not
    "RevPAR", a measure its notes discuss), else by the ticker. A word also written in
    lower case names only a ticker it abbreviates, and only when ``mostly_capitalised``. The
    ticker counts as a bare symbol unless the notes use it as a word ("NOW" beside "now").
    """
    notes = [(tickers, without_date_lines(text)) for tickers, text in notes]  # "Date" leads no note
    joined = "\n".join(text for _, text in notes)
    lower, lower_pairs, word_names = lower_words(joined), lower_bigrams(joined), mostly_capitalised(joined)
    counts: dict[str, dict[str, tuple[int, int, int]]] = {}  # ticker -> phrase -> (notes, notes it leads, uses)
    own_capitals = capitals_of_one(notes, set(directory.symbol_to_ticker))
    alone: Counter[str] = Counter()  # notes scoring the ticker alone
    leading: Counter[str] = Counter()  # notes listing the ticker first (the note's lead company)
    opening: dict[str, set[str]] = {}  # the phrase leading each note that scores the ticker alone
    openers: dict[str, list[tuple[str, ...]]] = {}  # each phrase -> the tickers of each note it leads
    for tickers, text in notes:
        at = [(m.start(), -len(m.group()), _without_opening_stopword(m.group())) for m in _PROPER_PHRASE.finditer(text)]
        at += [(m.start(), -len(m.group()), m.group()) for m in _JOINED_NAME.finditer(text) if not _opens_no_name(m.group())]
        phrases = [phrase for *_, phrase in sorted(at)]  # in order, a joined name before its first part: it leads the note
        found = [p for p in phrases if p and is_proper(p, lower, lower_pairs)]
        found = [p for p in found if p.lower() not in directory.alias_to_ticker]
        named_words = Counter(w for w in _CAPITALISED_WORD.findall(text) if w in word_names and w.lower() not in directory.alias_to_ticker)
        capitals = Counter(w for w in _CAPITALS.findall(text) if w not in tickers and w not in directory.symbol_to_ticker)
        alone.update(tickers if len(tickers) == 1 else ())
        leading.update(tickers[:1])
        if len(tickers) == 1 and found:
            opening.setdefault(tickers[0], set()).add(found[0])
        if found:
            openers.setdefault(found[0], []).append(tuple(tickers))
        for ticker in (t for t in tickers if t not in directory.symbol_to_ticker):
            phrases = counts.setdefault(ticker, {})
            uses = Counter(found) + Counter({w: n for w, n in (capitals + named_words).items() if abbreviates(ticker, w) or ticker in own_capitals.get(w, ())})
            # (a phrase opening on a lower-case letter names the company only if its ticker abbreviates it:
            # "iRhythm Technologies" for IRTC, "eBay" for EBAY; not "eCommerce", "iPhone")
            uses = Counter({p: n for p, n in uses.items() if not p[:1].islower() or abbreviates(ticker, p)})
            starts = Counter()
            for phrase, n in uses.items():
                starts.update({start: n for start in _proper_starts(phrase, lower, lower_pairs, directory)})
            uses += starts
            for phrase, used in uses.items():
                notes_, leads, total = phrases.get(phrase, (0, 0, 0))
                phrases[phrase] = (notes_ + 1, leads + (bool(found) and _starts(found[0], phrase)), total + used)
    by_ticker = {t for t in counts if _named_by_ticker(t, [text for tickers, text in notes if tickers[:1] == [t]])}
    for ticker, phrases in counts.items():
        if not alone[ticker]:
            counts[ticker] = {p: seen for p, seen in phrases.items() if abbreviates(ticker, p)}
        elif ticker in by_ticker:  # called by its ticker: another name starts as the ticker does ("CZR", "Caesars")
            counts[ticker] = {p: seen for p, seen in phrases.items() if abbreviates(ticker, p) or p[0] == ticker[0]}
    opening = {t: {p for p in phrases if _abbreviates_as_a_name(t, p) or _leads_its_notes(t, p, openers[p])} for t, phrases in opening.items()}
    names = {**{t: t for t in by_ticker}, **_one_name_each(counts, leading, by_ticker, opening)}  # else "GATX" is its own name
    names = _each_in_full(names, counts)
    rows = declared_companies(list(names.items()), lower, set(directory.symbol_to_ticker))
    short = _short_forms(counts, names)
    units = _unit_names(notes, names)
    leads = _lead_names(names, openers, alone, by_ticker, joined)
    other = {t: tuple(dict.fromkeys((*short.get(t, ()), *units.get(t, ()), *leads.get(t, ())))) for t in {*short, *units, *leads}}
    return [replace(row, aliases=(*row.aliases, *other[row.ticker])) if other.get(row.ticker) else row for row in rows]


# A unit a company's notes name as its own: "Traton's Scania unit", "Hon Hai's FIH Mobile subsidiary".
_UNIT_NOUNS = r"(?:unit|subsidiary|brand|division|arm|business)"


def _unit_names(notes: list[tuple[list[str], str]], names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Besides its name, the units a ticker's notes name as the company's own, in the possessive
    of its name right before a unit noun ("Traton's Scania unit" for 8TRA.ST): people ask after a
    unit by its name. No other ticker's name."""
    units: dict[str, set[str]] = {}
    for tickers, text in notes:
        for ticker in tickers:
            name = names.get(ticker)
            if not name:
                continue
            owned = rf"(?<![\w-]){re.escape(name)}['\u2019]s\s+((?:[A-Z][\w&-]*\s+){{1,3}}?){_UNIT_NOUNS}\b"
            units.setdefault(ticker, set()).update(m.group(1).strip() for m in re.finditer(owned, text))
    return {t: tuple(sorted(u - set(names.values()))) for t, u in units.items() if u - set(names.values())}


def _contracts(name: str, short: str) -> bool:
    """Whether ``short`` is ``name`` contracted: its letters (a plural "s" aside) in order in the
    name's ("Implats" of "Impala Platinum"; not "Europe" of "Euronav")."""
    return _in_order(_ascii_letters(short).removesuffix("s"), _ascii_letters(name))


def _own_later_word(ticker: str, name: str, phrase: str) -> bool:
    """Whether ``phrase`` is a word of ``name`` past its first that the ticker abbreviates: "Pekao"
    of "Bank Pekao" for PEO.WA; no English word ("Healthcare" of "Life Healthcare" for LHC.JO), nor
    one the ticker does not abbreviate ("Japan" of "East Japan Railway")."""
    return phrase in name.split()[1:] and not is_english(phrase) and abbreviates(ticker, phrase)


def _short_forms(counts: dict[str, dict[str, tuple[int, int, int]]], names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Besides its name, the short forms a ticker's notes call its company by: a proper noun two or
    more of its notes write that starts with the ticker's first three letters, or is a later word of
    its name that the ticker abbreviates ("Pekao" of "Bank Pekao"), and contracts its name
    ("Implats" beside "Impala Platinum" for IMP.JO; not "Europe" beside "Euronav"), no month, no other
    ticker's name nor a start of its own, and written in more of its notes than of any other
    ticker's ("Zimplats", a unit named in one note, is none), and no place ("Chile" of "Banco de Chile")."""
    forms: dict[str, tuple[str, ...]] = {}
    for ticker, name in names.items():
        base = symbol_root(ticker).lower()
        if len(base) < 3:
            continue
        forms[ticker] = tuple(
            phrase for phrase, (notes, _, _) in counts.get(ticker, {}).items()
            if notes >= 2 and (phrase.lower().startswith(base[:3]) or _own_later_word(ticker, name, phrase)) and _contracts(name, phrase)
            and not name.startswith(phrase) and phrase not in names.values() and not is_month(phrase) and phrase not in place_words()
            and all(seen.get(phrase, (0, 0, 0))[0] < notes for other, seen in counts.items() if other != ticker)
        )
    return {t: f for t, f in forms.items() if f}


def _without_opening_stopword(phrase: str) -> str:
    """``phrase`` without a word of ``_OPENING_WORDS`` opening it ("In Brazil" -> "Brazil"), and ""
    for a month ("On May")."""
    first, _, rest = phrase.strip().partition(" ")
    phrase = rest.strip() if rest and first in _OPENING_WORDS else phrase.strip()
    return "" if is_month(phrase) else phrase


def _proper_starts(phrase: str, lower: set[str], lower_pairs: set[str], directory: "CompanyDirectory") -> list[str]:
    """The shorter phrases ``phrase`` starts with that are proper nouns themselves and name no
    known company ("Minerva" of "Minerva Foods"; not "HD" of "HD Hyundai", Home Depot's): a note
    writing the full name uses them too, so a company's short and full names count together."""
    words = phrase.split()
    starts = (" ".join(words[:n]) for n in range(1, len(words)))
    return [s for s in starts if _PROPER_PHRASE.fullmatch(s) and is_proper(s, lower, lower_pairs) and s.lower() not in directory.alias_to_ticker]


def _starts(phrase: str, start: str) -> bool:
    return phrase == start or phrase.startswith(f"{start} ")


def _in_full(name: str, phrases: dict[str, tuple[int, int, int]]) -> str:
    """The longest phrase starting with ``name`` that every note using ``name`` writes, twice or
    more in all: the full name a short one was counted with ("Minerva Foods" for "Minerva"; not
    "Minerva Investor" of one "Minerva Investor Day")."""
    notes = phrases.get(name, (0, 0, 0))[0]
    longer = [p for p, seen in phrases.items() if p.startswith(f"{name} ") and seen[0] == notes and seen[2] >= 2]
    return max(longer, key=lambda p: len(p.split()), default=name)


_CAPITALS = re.compile(r"\b[A-Z]{3,6}\b")


def capitals_of_one(notes: list[tuple[list[str], str]], symbols: set[str]) -> dict[str, set[str]]:
    """Words in capitals ("KONE", "CATL") that may name a company its ticker does not abbreviate:
    each with the tickers every note using it lists, when some note's first sentence uses it.
    A shared abbreviation ("EUR", "CEO", "GPU") is used by notes about several companies, so it
    names none of them. A note listing no ticker (its block empty) tells nothing of whose it is."""
    listed: dict[str, set[str]] = {}
    opens: set[str] = set()
    for tickers, text in notes:
        words = {w for w in _CAPITALS.findall(text) if w not in symbols and w not in tickers}
        opens |= words & set(_CAPITALS.findall(re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]))
        if not tickers:
            continue
        for w in words:
            listed[w] = listed[w] & set(tickers) if w in listed else set(tickers)
    return {w: tickers for w, tickers in listed.items() if tickers and w in opens}


# An exchange suffix or share class after a symbol's root: ".JO" of "KPTR.JO", "-A.ST" of "EPI-A.ST",
# "-FI.HE" of "NDA-FI.HE".
_SYMBOL_SUFFIX = re.compile(r"(?:-[A-Z]{1,2})?(?:\.[A-Z]{1,4})?$", re.IGNORECASE)


def symbol_root(ticker: str) -> str:
    """The symbol without its exchange suffix or share class: "KPTR" of "KPTR.JO", "EPI" of "EPI-A.ST"."""
    return _SYMBOL_SUFFIX.sub("", ticker) or ticker


def abbreviates(ticker: str, name: str) -> bool:
    """Whether ``ticker`` reads as an abbreviation of ``name``: its root's letters in order in the
    name's ("SEDG" in "SolarEdge", "RUN" in "Sunrun", "KPTR" of "KPTR.JO" in "Kiptara"), or its first
    three letters the name's ("LVMUY", "LVMH"); a ticker of one or two letters must also start the
    name ("X" is not "Texas"). Accents are folded ("Rémy")."""
    letters = _ascii_letters(name)
    symbol = _ascii_letters(symbol_root(ticker))  # "KPTR.JO", "EPI-A.ST": the letters of "KPTR", "EPI"
    if not symbol:  # "9020.T": no letters to abbreviate with
        return False
    if len(symbol) < 3:  # one or two letters are in order in almost any name: they must start it
        return letters.startswith(symbol[0]) and _in_order(symbol, letters)
    return _in_order(symbol, letters) or letters.startswith(symbol[:3])


def _abbreviates_as_a_name(ticker: str, phrase: str) -> bool:
    """``abbreviates``, for a phrase of several words only from the start of one of them ("COO"
    from "Cooper" in "The Cooper Companies"): a long phrase holds most tickers' letters in order
    by chance ("AIR" in "Landing Gear Overhaul"), a company's one word rarely ("RUN" in "Sunrun")."""
    if " " not in phrase:
        return abbreviates(ticker, phrase)
    words = phrase.split()
    return any(abbreviates(ticker, " ".join(words[i:])) and _ascii_letters(words[i])[:1] == _ascii_letters(symbol_root(ticker))[:1]
               for i in range(len(words)))


def spells(ticker: str, name: str) -> bool:
    """Whether ``ticker`` spells the starts of ``name``'s words from its first, as an acronym does
    ("USPH": U.S. PHysical Therapy; not "PMBW" of "Pemberlowe Ambulance"): so rarely by chance
    that one use names the ticker."""
    symbol, words = _ascii_letters(symbol_root(ticker)), [_ascii_letters(w) for w in re.split(r"[\s.\-]+", name) if _ascii_letters(w)]
    return len(words) > 1 and len(symbol) > 2 and _spelled(symbol, words)


def _spelled(symbol: str, words: list[str]) -> bool:
    """Whether ``symbol`` is a start of ``words[0]``, maybe followed by a spelling of the rest."""
    if not symbol:
        return True
    if not words:
        return False
    return any(words[0].startswith(symbol[:n]) and _spelled(symbol[n:], words[1:]) for n in range(1, len(symbol) + 1))


def _ascii_letters(text: str) -> str:
    """``text``'s letters in lower case, accents folded ("Rémy" -> "remy")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if c.isalpha() and c.isascii())


def _in_order(symbol: str, letters: str) -> bool:
    rest = iter(letters)
    return all(c in rest for c in symbol)


def _lead_names(
    names: dict[str, str], openers: dict[str, list[tuple[str, ...]]], alone: Counter[str], by_ticker: set[str], joined: str,
) -> dict[str, tuple[str, ...]]:
    """Besides its name, the phrase leading most notes that score a ticker alone: "Avenue
    Supermarts" for DMART.NS, named "DMart" because the ticker abbreviates it. The phrase leads
    two of those notes or more and at least half of them, and no note scoring any other ticker
    (``openers``: the tickers each note it leads scores); it may name a company
    (``_may_name_a_company``), names no other ticker, is no heading (never followed by a colon or
    a line's end in ``joined``, the notes' text: "Channel Check:"), and the notes do not call the
    company by its ticker ("RevPAR" leads IHG's notes: ``_named_by_ticker``).
    Unlike a name (``_leads_its_notes``) it need not share the ticker's first letter: a broker's
    "Morgan Stanley upgraded ..." rarely leads half of one company's notes."""
    taken = set(names.values())
    return {
        ticker: (phrase,) for phrase, led in openers.items()
        if len(led) >= 2 and len({*led}) == 1 and len(led[0]) == 1 and (ticker := led[0][0]) in names
        and ticker not in by_ticker and 2 * len(led) >= alone[ticker] and phrase not in taken and _may_name_a_company(phrase)
        and not re.search(rf"{re.escape(phrase)}[ \t]*(?::|$)", joined, re.MULTILINE)
    }


def _may_name_a_company(phrase: str) -> bool:
    """Whether ``phrase``, leading a company's notes, may be its name: two words or more (one word
    leading them is as often a brand, a regulator or a region: "Bimzelx", "Ofwat", "Iberian"),
    every word capitalised ("Software-as-a-service" is not), no opening article ("The Reserve
    Bank"), and no place."""
    words = phrase.split()
    capitalised = all(w[:1].isupper() for part in words for w in part.split("-"))
    return len(words) >= 2 and capitalised and words[0] != "The" and not names_a_place(phrase)


def _leads_its_notes(ticker: str, phrase: str, led: list[tuple[str, ...]]) -> bool:
    """Whether ``phrase``, leading a note that scores ``ticker`` alone, names it though the ticker
    spells none of it ("Partners Group" for PGHN.SW, "Constellation Software" for CSU.TO, each
    named once a note): it leads two notes or more (``led``: the tickers each scores), every one
    scoring that ticker alone or none, and starts with the ticker's first letter, as a company's
    name does and a broker's or an institution's ("Morgan Stanley upgraded ...") mostly does not."""
    return len(led) >= 2 and all(set(tickers) <= {ticker} for tickers in led) and _ascii_letters(phrase)[:1] == _ascii_letters(symbol_root(ticker))[:1]


def _each_in_full(names: dict[str, str], counts: dict[str, dict[str, tuple[int, int, int]]]) -> dict[str, str]:
    """Each ticker's name in full (``_in_full``: "Hugo" -> "Hugo Boss"), unless another ticker is
    named so: then as it was ("Hugo" for a ticker its notes list beside Hugo Boss's)."""
    full = {t: _in_full(name, counts.get(t, {})) for t, name in names.items()}
    taken = Counter(full.values())
    return {t: name if taken[name] == 1 else names[t] for t, name in full.items()}


def _one_name_each(
    counts: dict[str, dict[str, tuple[int, int, int]]], leading: Counter[str], by_ticker: set[str], opening: dict[str, set[str]],
) -> dict[str, str]:
    """Each ticker's most used phrase (seen at least twice, or once leading a note and abbreviated
    by a ticker its notes call it by: "InterContinental Hotels Group" for IHG, or once opening a
    note that scores it alone (``opening``: abbreviated by it, "First American Financial" for
    FAF, "Matthews International" for MATW, or leading another note too); ranked as ``learn_companies`` says),
    a place, people or legal form only when nothing else is (``_names_no_company``: not "Hong Kong"
    in every note on Hong Kong and China Gas, but "Norwegian" for Norwegian Air Shuttle), no phrase
    naming two tickers: a note listing a competitor's ticker beside its own company's must not name
    the competitor after the company. Phrases go to tickers in order of use; on a
    tie, to the ticker leading more notes, then to one sharing the phrase's first letter."""
    ranked = sorted(
        ((not _names_no_company(phrase, seen, phrases), _abbreviates_as_a_name(ticker, phrase), seen, leading[ticker], phrase[0] == ticker[0], ticker, phrase)
         for ticker, phrases in counts.items() for phrase, seen in phrases.items()
         if seen[2] >= 2 or spells(ticker, phrase)
         or (_abbreviates_as_a_name(ticker, phrase) and ticker in by_ticker and seen[1]) or phrase in opening.get(ticker, ())),
        reverse=True,
    )
    names: dict[str, str] = {}
    for *_, ticker, phrase in ranked:
        if ticker not in names and phrase not in names.values():
            names[ticker] = phrase
    return names


def _names_no_company(phrase: str, seen: tuple[int, int, int], phrases: dict[str, tuple[int, int, int]]) -> bool:
    """Whether ``phrase`` names a place (``names_a_place``) or is only ever written opening one
    (``seen`` as often as a place's name it opens: "Hong" of "Hong Kong"), is a people's adjective
    ("Chinese"), or only a legal form ("The Company" of a 10-K page)."""
    if names_a_place(phrase) or is_peoples_adjective(phrase) or _LEGAL_FORM_AFTER.fullmatch(" " + re.sub(r"^The\s+", "", phrase)):
        return True
    return any(p.startswith(f"{phrase} ") and c == seen and names_a_place(p) for p, c in phrases.items())


def short_names(company: str) -> tuple[str, ...]:
    """The name and the name without its article, legal form, initials or a group's prefix in
    capitals ("HD Hyundai Heavy Industries" -> "Hyundai Heavy Industries"): "Kestrel Semiconductor Inc." ->
    ("Kestrel Semiconductor Inc.", "Kestrel Semiconductor"); "The Cooper Companies" -> (..., "Cooper
    Companies", "Cooper"); "D.R. Horton" -> ("D.R. Horton", "DR Horton", "Horton"); a person's name by its
    surname: "Arthur J. Gallagher" -> ("Arthur J. Gallagher", "Gallagher")."""
    names, name = [company.strip()], company.strip()
    if (bare := re.sub(r"^The\s+(?=[A-Z])", "", name)) != name:
        names.append(bare)
        name = bare
    head = _PARTICLE.split(name, maxsplit=1)[0]  # "Packaging Corporation" of "Packaging Corporation of America"
    if head != name and _LEGAL_FORM.search(head):
        names.append(head)
        name = head
    while (shorter := _LEGAL_FORM.sub("", name).strip(" ,")) != name and shorter:
        names.append(shorter)
        name = shorter
    if initials := _INITIALS.match(name):  # "A. O. Smith" is typed "A.O. Smith" and "AO Smith", and by its
        letters, rest = re.findall(r"[A-Z]", initials.group()), name[initials.end():]  # surname unless a word
        names += [f"{'.'.join(letters)}. {rest}", f"{''.join(letters)} {rest}"] + ([rest] if not all(map(is_english, rest.split())) else [])
    if person := _PERSONS_NAME.fullmatch(name):
        names.append(person.group("surname"))
    first, _, rest = name.partition(" ")
    if _SHORT_CAPITALS.fullmatch(first) and len(rest.split()) > 1 and not is_english(rest.split()[0]):
        names.append(rest)  # a group's prefix dropped: "Hyundai Heavy Industries" of "HD Hyundai Heavy Industries"
    return tuple(dict.fromkeys(names))


SHORT_WORD = 3  # "Old", "New", "Top": an adjective this short names no company alone


def _first_word(name: str) -> str | None:
    """``first_name``, or the first word whole when a hyphen joins it ("Take-Two" of "Take-Two
    Interactive", as "Coca-Cola" or "T-Mobile": its parts are no name alone)."""
    head, *rest = name.split() or [""]
    return head if rest and re.fullmatch(r"[A-Z][\w]*(?:-[A-Z0-9][\w]*)+", head) else first_name(name)


def declared_companies(declared: list[tuple[str, str]], lower: set[str], known: set[str]) -> list[Company]:
    """Alias-table rows for ``(ticker, company name)`` pairs the notes declare (front matter, "Name
    (TICK)" in text, or a name ``learn_companies`` found), tickers in ``known`` left out. A company
    is named by its full and short names, and by the short name's first word when it is a proper
    noun (never among ``lower``, the notes' ``lower_words``) that names no other declared
    company and is no short adjective or adverb (``SHORT_WORD`` letters or fewer, too common to
    name a company alone): "Kestrel" names Kestrel Semiconductor, "Delta" Delta Air Lines, "Pan"
    Pan American Silver, "Take-Two" Take-Two Interactive (``_first_word``); "General", "First" or
    the "Old" of Old Dominion Freight Line name nobody. The ticker is a symbol unless the notes
    use it as a word, and so is a listed ticker's base ("FER" of "FER.MC", ``listing_base``) unless
    another ticker or base takes it."""
    names: dict[str, tuple[str, ...]] = {}
    for ticker, company in declared:
        if ticker not in known and ticker not in names:
            names[ticker] = short_names(company)
    firsts = Counter(_first_word(n[-1]) for n in names.values())
    bases = Counter(b for t, n in names.items() for b in listing_base(t, known, lower, n[0]))  # "XYZ" of both "XYZ.A" and "XYZ.B": neither's
    taken = known | set(names) | {b for b, n in bases.items() if n > 1}
    rows = []
    for ticker, named in names.items():
        first = _first_word(named[-1])
        initials = first and first.isupper() and any(_INITIALS.match(n) for n in named)  # ("AO" of "A. O. Smith" is no name alone)
        joined = any(_PARTICLE.search(n) for n in named)  # ("Grupo" of "Grupo Aeroportuario del Sureste", "National" of "National Bank of Greece")
        if first and not initials and not joined and firsts[first] == 1 and first.lower() not in lower and not (len(first) <= SHORT_WORD and is_modifier(first)):
            named += (first, *_without_apostrophe(first))
        rows.append(Company(ticker, named[0], named, listing_base(ticker, taken, lower, named[0]), ticker.lower() in lower))
    return rows


def _without_apostrophe(word: str) -> tuple[str, ...]:
    """A name's first word typed without its apostrophe after an initial ("OReilly" of "O'Reilly"), if it has one."""
    bare = re.sub(r"^([A-Z])['\u2019](?=[A-Z])", r"\1", word)
    return (bare,) if bare != word else ()


_LISTING = re.compile(r"(?P<base>[A-Z][A-Z0-9]{1,9})\.[A-Z]{1,3}")


def listing_base(ticker: str, known: set[str], lower: set[str], name: str = "") -> tuple[str, ...]:
    """The symbol without its exchange's (or share class's) suffix ("FER" of "FER.MC", "BEEF3" of
    "BEEF3.SA"), as users type it, when it has three characters or more (or two that start the
    company's ``name``: "CP" of "CP.TO" for CPKC), starts with a letter, is no other company's
    symbol or ticker (``known``) and no word (English, or one the notes write in lower case:
    ``lower``); else none ("L" of "L.TO" is a letter, "LOW" of "LOW.TO" a word)."""
    found = _LISTING.fullmatch(ticker)
    base = found.group("base") if found else ""
    short = len(base) < 3 and not name.upper().startswith(base)
    return (base,) if base and not short and base not in known and base.lower() not in lower and not is_english(base) else ()
