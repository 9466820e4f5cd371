"""Never answer from another company's notes: before retrieval, a question that names a company
no note is about, or one the ticker filter leaves out, or a misspelt company name, gets a reply
naming it instead of an answer from other notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA

from ingest import TickerResolver
from ingest.declarations import ticker_declarations
from ingest.tickers import NEAR_SPELLING, NO_NAME_CAPITALS, symbol_root
from ingest.words import is_english, query_terms
from ragbot.answer import Answer
from ragbot.glossary import ABBREVIATIONS
from ragbot.routing import TERSE_WORDS, Question
from ragbot.sentiment.intent import one_typo_from_familiar

# A word that may be a misspelt company name: 5+ letters, any case (users type "alibba").
# Shorter names ("Meta") are too often a near spelling of an ordinary word ("metal").
_WORD = re.compile(r"\b[A-Za-z][A-Za-z&\-]{4,}\b")
_SPELLING_WORD = 75  # ... and from which each word of a two-word name is near its own
# From this length, a word one typo (an edit or a swap) from a company's name is a near spelling
# too ("Nvidea"), when no note uses it: a word the notes use is a real word ("lowers", "boxing").
_ONE_TYPO_LETTERS = 6
# A name this short ("Sika", "Kone") is near only itself with one letter typed twice ("sikka",
# "konne"), a word no note writes and no English word: one letter more anywhere makes other names
# ("citic" is no "Citi", "odell" no "Dell"), and too many words are one typo from four letters.
_SHORT_NAME_LETTERS = 4


def _one_letter_doubled(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` (both lower case) with one of its letters typed twice."""
    return len(word) == len(name) + 1 and any(word == name[: i + 1] + name[i:] for i in range(len(name)))
# A name: a capitalised word of 3+ letters ("Zorblax", "Zorblax's"), not the first of the question
# nor of one of its sentences ("... since May? Compare its average ...": ``_starts_sentence``).
_NAME = re.compile(r"(?<=\s)[\"'(]?([A-Z](?:['\u2019][A-Z])?[A-Za-z&\-]{2,})(?:'s|\u2019s)?\b")  # ("O'Brannigan" whole)
# What ends a sentence before a word: "?" or "!", or a full stop after a lower-case word of 3+
# letters or a number ("... that. Compare", "... in 2025. Compare"), not after an abbreviation
# ("Apple vs. Zorblax", "the U.S. Zorblax unit", "etc. Zorblax").
_SENTENCE_END = re.compile(r"(?:[!?]|(?<![A-Za-z.])(?!(?:etc|inc|corp|ltd|incl|approx)\.)(?:[a-z]{3,}|\d+)\.)[\"')]?\s+$")
# "NSC", "AGs" (attorneys general), "CEOs", and an acronym compounded ("CEO-led", "AI-driven"): no name of a company
_ACRONYM = re.compile(r"[A-Z&\-]+|[A-Z]{2,}s|[A-Z]{2,}-[a-z][a-z\-]*")
TITLE_CASE_SHARE = 0.6  # 0..1: past this share of capitalised words, capitals mark no names
_MONTHS_AND_DAYS = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$"
)


@dataclass(frozen=True)
class Spelling:
    """A near spelling of a company's name: the words as typed ("alibba") and the name as the
    alias table writes it ("Alibaba")."""

    typed: str
    name: str

    @property
    def certain(self) -> bool:
        """Whether the typed words can only be the name: two words each near the name's, one
        word that is no English word ("alibba"; not "synopsis" for Synopsys), or the name's
        possessive without its apostrophe ("pilgrims" for Pilgrim's)."""
        bare = re.sub(r"['\u2019]s?$", "", self.name.lower())
        return len(self.typed.split()) > 1 or not is_english(self.typed) or self.typed.lower() == f"{bare}s"

    def correct(self, text: str) -> str:
        """``text`` with the typed words replaced by the name."""
        typed = r"\W+".join(re.escape(word) for word in self.typed.split())
        return re.sub(rf"(?<![A-Za-z]){typed}(?![A-Za-z])", self.name, text, count=1, flags=re.IGNORECASE)


@dataclass(frozen=True)
class CompanyCheck:
    """The reply instead of an answer (None: answer), the tickers to answer for when some of
    the named companies cannot be (None: as routed), notices for the user, and the near
    spelling a "did you mean" reply asks about."""

    reply: Answer | None = None
    tickers: list[str] | None = None
    notices: tuple[str, ...] = ()
    spelling: Spelling | None = None


def label(resolver: TickerResolver, ticker: str) -> str:
    """ "Synopsys (SNPS)", or the bare ticker when its name is unknown."""
    name = resolver.directory.name_of(ticker)
    return ticker if name == ticker else f"{name} ({ticker})"


def near_spelling(
    text: str, resolver: TickerResolver, held: set[str], mentioned: Callable[[str], bool] | None = None,
) -> Spelling | None:
    """The name, as the alias table writes it, of a company the notes are about that a word of
    ``text`` nearly spells ("Alibba" -> "Alibaba"; with ``mentioned``, the notes' word index,
    also one typo from it, ``_ONE_TYPO_LETTERS``, and a four-letter name with a letter typed twice,
    ``_SHORT_NAME_LETTERS``), if any. rapidfuzz, a kept library, rather
    than difflib: it scores a word against every alias at once, in C."""
    every = {
        alias.lower(): alias for ticker in held if (company := resolver.directory.companies.get(ticker))
        for alias in company.aliases if len(alias) >= _SHORT_NAME_LETTERS
    }
    aliases = {low: alias for low, alias in every.items() if len(low) > _SHORT_NAME_LETTERS}
    short = [low for low in every if len(low) == _SHORT_NAME_LETTERS and low.isalpha()]
    known, names = resolver.directory.alias_to_ticker, list(aliases)
    pair = _two_word_spelling(text, [n for n in names if len(n.split()) == 2])
    if pair is not None:
        return Spelling(pair[0], aliases[pair[1]])
    for word in dict.fromkeys(w.lower() for w in _WORD.findall(text)):
        if word in known:
            continue
        match = process.extractOne(word, names, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=NEAR_SPELLING)
        if match is None and mentioned is not None and len(word) >= _ONE_TYPO_LETTERS and not mentioned(word):
            match = process.extractOne(word, names, scorer=OSA.distance, processor=utils.default_process, score_cutoff=1)
        if match is None and mentioned is not None and short and not is_english(word) and not mentioned(word):
            match = next(((name,) for name in short if _one_letter_doubled(word, name)), None)
        if match is not None:
            return Spelling(word, every[match[0]])
    return None


def _two_word_spelling(text: str, names: list[str]) -> tuple[str, str] | None:
    """The two words in a row of ``text`` that nearly spell a two-word name (of ``names``,
    lower-cased), each word near its own, and that name ("sevrn trent" -> "severn trent"; not
    "the companies" -> "tjx companies"), if any."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z&\-]*", text)]
    for a, b in pairwise(words):
        for name in names:
            first, second = name.split()
            if f"{a} {b}" != name and fuzz.ratio(a, first) >= _SPELLING_WORD and fuzz.ratio(b, second) >= _SPELLING_WORD and fuzz.ratio(f"{a} {b}", name) >= NEAR_SPELLING:
                return f"{a} {b}", name
    return None


def unknown_name(text: str, resolver: TickerResolver, mentioned: Callable[[str], bool]) -> str | None:
    """A name the question asks about that no note mentions: a capitalised word past the first,
    not part of a company mention (as routing reads them) nor a word of a named company's
    name, no month or weekday, that
    ``mentioned`` (the notes' word index) does not find ("What is Zorblax Corp's margin?" ->
    "Zorblax"). The notes cannot answer for it, whatever it names; a near spelling of a
    company is caught before."""
    if _capitals_carry_no_signal(text):
        return None
    mentions = resolver.mentions(text, case_sensitive_names=False)
    named = {w.lower() for m in mentions for w in resolver.directory.name_of(m.ticker).split()}  # "Marine" of "Halvorsen Marine"
    for match in _NAME.finditer(text):
        name, start = match.group(1), match.start(1)
        # (a month or a span of months: "Jul-Dec")
        if any(m.start <= start < m.end for m in mentions) or name.lower() in named or all(_MONTHS_AND_DAYS.match(p) for p in name.split("-")):
            continue
        if any(m.end <= start and not text[m.end:start].strip() for m in mentions):  # the rest of a name: "GE Aero", "Acme Energy"
            continue
        if _SENTENCE_END.search(text, 0, match.start()):  # a sentence's first word, capitalised as such
            continue
        if _ACRONYM.fullmatch(name) or not query_terms(name):  # an acronym or ticker (checked as companies), a stopword
            continue
        if not all(_ACRONYM.fullmatch(part) or mentioned(part) for part in name.split("-") if part):  # "US-Mexico": both are
            return name
    return None


_SYMBOL = re.compile(r"(?<![\w$.\-])([A-Z]{3,6}(?:\.[A-Z]{1,3})?)(?![\w\-])")  # "OCBC", "SAP.DE"


def unknown_symbol(text: str, resolver: TickerResolver, mentioned: Callable[[str], bool]) -> str | None:
    """A word in capitals that may be a company's symbol or short name ("OCBC avg sentiment in
    2026"), that no company mention covers, no note writes (``mentioned``), and that is no finance
    abbreviation, title or place (``NO_NAME_CAPITALS``, the glossary) nor a month or day: the
    notes cannot answer for it. A question typed in capitals marks nothing so."""
    if _capitals_carry_no_signal(text):
        return None
    spans = [(m.start, m.end) for m in resolver.mentions(text, case_sensitive_names=False)]
    for found in _SYMBOL.finditer(text):
        symbol = found.group(1)
        if any(start <= found.start() < end for start, end in spans) or symbol in NO_NAME_CAPITALS:
            continue
        if symbol.lower() in ABBREVIATIONS or _MONTHS_AND_DAYS.match(symbol.capitalize()) or mentioned(symbol_root(symbol)):
            continue
        return symbol
    return None


_ASKING = r"(?:what|which|how|why|who|when|where|is|are|was|were|did|does|do|any|give|show|list|tell)(?:s|['\u2019]s)?"
_OBJECT_OF = r"(?:for|on|about|at|of|re|regarding)"  # prepositions before what a question asks about
# A company's name ending in a word that ends company names, in the possessive with its
# apostrophe alone, read by its first word: "werner enterprises'", "stewart information
# services'" ("services" only after two words: "the fintech services'" is a sector); not a
# plural: "the hyperscalers'", "proptech names'". Matched at every word (a lookahead: "how has
# kone enterprises'" is read at "kone" too). A name of three words is no typo of a word ("stewart",
# "steward"): group 2 holds its middle word.
_NAMED_WITH_ENDING = re.compile(
    r"\b(?=([A-Za-z][A-Za-z&\-]+)(?:(?:\s+[A-Za-z&\-]+)?\s+(?:enterprises|industries|holdings|partners|systems|brands|resources"
    r"|technologies|therapeutics|pharmaceuticals|laboratories|communications|networks|materials|motors|airlines|foods)"
    r"|\s+([A-Za-z&\-]+)\s+services)['\u2019](?!\w))",
    re.I,
)
# Where a question puts what it asks about: a possessive ("kone's risks", ``_NAMED_WITH_ENDING``), the object ending it
# ("risks for kone?", "sentiment on tsmc"), or the opening word of a terse one with no question word
# ("kone sentiment?", "marcus corp q3 2025 attendance"). A word there of ``_SUBJECT_LETTERS`` or more
# is read as a name.
_NAME_CUE = r"(?:corp|corporation|inc|co|ltd|plc|group|holdings|(?:fy|cy|[qh][1-4])[\s'-]?\d{2,4}|[1-4][qh]\d{2})\b"
# A name owning the notes asked about: "how many of the 7&i notes were negative?" (a name joined by
# "&" however short: "7&i").
_OWNING_NOTES = re.compile(r"\bthe\s+([A-Za-z0-9][\w&\-]*&[\w&\-]*|[A-Za-z][A-Za-z\-]+)\s+(?:notes?|write-?ups?)\b", re.I)
_CHAT_SHORTHAND = r"(?:tl;?dr|asap|fyi|btw|imo|imho|fwiw|eli5|pls|plz)"  # words opening a message that name nothing
_SLOT_WORD = r"(?:[A-Za-z]['\u2019](?=[A-Za-z]))?[A-Za-z][A-Za-z&\-]+"  # a word, an initial's apostrophe kept: "o'brannigan"
# A possessive: "kone's", "o'brannigan's", and a hyphenated name's with its apostrophe alone ("home-fixes'").
_POSSESSIVE_SLOTS = (
    re.compile(rf"\b({_SLOT_WORD})['\u2019]s\b"),
    re.compile(r"\b([A-Za-z][A-Za-z&]*-[A-Za-z&\-]+)['\u2019](?!\w)"),
)
# (or, at any length, when a word standing for the company follows it: "sika sentiment trend over the last year?")
_BEFORE_A_COMPANY_WORD = re.compile(
    rf"^\W*(?!{_ASKING}\b|{_CHAT_SHORTHAND}\b)({_SLOT_WORD})\s+(?:sentiment|score|scores|rating|ratings|tone|notes?|stock|shares)\b", re.I,
)
# The subject of the question's verb, right after its question word and a singular auxiliary:
# "what's schneider electric guiding for 2022?", "what did unilever guide for 2027?", "how is kone
# doing?" (not "how are hyperscalers spending?": a plural names a class).
_SUBJECT_OF_VERB = re.compile(
    rf"^\W*(?:what|how|why|when|where)(?:['\u2019]s|\s+(?:is|was|did|does|has|had|will|would|can|could|should))\s+({_SLOT_WORD})\s+[a-z]", re.I,
)
# ... two places a follow-up's word may fill with the inherited company's shorthand ("what did mgmt guide for 2027?")
_OWN_SUBJECT_ONLY = (_BEFORE_A_COMPANY_WORD, _SUBJECT_OF_VERB)
_SUBJECT_SLOTS = (
    *_POSSESSIVE_SLOTS,
    _NAMED_WITH_ENDING,
    re.compile(rf"\b{_OBJECT_OF}\s+(?:the\s+)?({_SLOT_WORD})\W*$", re.I),
    re.compile(rf"^\W*(?!{_ASKING}\b)({_SLOT_WORD})\s+\w+(?:\s+\w+){{0,2}}\W*$", re.I),  # (four words at most)
    # (or up to seven when a legal form or a period follows it: "marcus corp q3 2025 attendance",
    # "mastercraft fy2025 net sales and fy26 guide"; not "latam revenue growth in q3 2025")
    re.compile(rf"^\W*(?!{_ASKING}\b)({_SLOT_WORD})\s+{_NAME_CUE}(?:\s+[\w&-]+){{0,{TERSE_WORDS - 2}}}\W*$", re.I),
    _OWNING_NOTES,
    _BEFORE_A_COMPANY_WORD,
    _SUBJECT_OF_VERB,
    # (or set before a colon or a dash, as a heading: "apnt: number of negative notes?", "kone - better or worse?";
    # not chat shorthand: "tldr: which notes turned negative?")
    re.compile(rf"^\W*(?!{_ASKING}\b|{_CHAT_SHORTHAND}\b)({_SLOT_WORD})\s*(?::|\s[-\u2013\u2014]\s)", re.I),
)
_SUBJECT_LETTERS = 4  # shorter words ("yoy", "pls", "eps") are too often shorthand


def unwritten_subject(question: Question, begins: Callable[[str], bool], familiar: Callable[[str], bool]) -> str | None:
    """A word in the place a question names what it asks about (``_SUBJECT_SLOTS``), in any case,
    that is no company the question names, no English word, no finance abbreviation, and that
    begins no word the notes write (``begins``; "quidel" begins "QuidelOrtho"): "risks for
    kone?", "kone sentiment?". Whatever it names, the
    notes say nothing about it, so any answer would be about something else. A word of
    ``_ONE_TYPO_LETTERS`` or more one typo from a familiar word (``familiar``) is a typo
    ("margnis"), not a name; shorter words are one typo from too many."""
    if question.named:
        return None
    for slot in _SUBJECT_SLOTS:
        found = slot.finditer(question.text) if slot is _NAMED_WITH_ENDING else [slot.search(question.text)]
        if slot in _OWN_SUBJECT_ONLY and question.tickers:  # (a company inherited)
            continue
        for match in filter(None, found):
            word, three_words = match.group(1), slot is _NAMED_WITH_ENDING and match.group(2) is not None
            if (
                (len(word) >= _SUBJECT_LETTERS or (slot is _OWNING_NOTES and "&" in word)) and word.upper() not in NO_NAME_CAPITALS
                and not _ACRONYM.fullmatch(word) and not _MONTHS_AND_DAYS.match(word.capitalize())
                and not any(start <= match.start(1) < end for start, end, _ in question.spans)
                # (English parts: "lowest-scored"; but not a possessive's, "home-fixes' risks": a name)
                and not (all(is_english(part) for part in re.split(r"[-'\u2019]", word) if part) and not (slot in _POSSESSIVE_SLOTS and "-" in word))
                and word.lower() not in ABBREVIATIONS and not begins(word)
                and not (not three_words and len(word) >= _ONE_TYPO_LETTERS and familiar(word))
            ):
                return word
    return None


_BRACKETED_SYMBOL = re.compile(r"\b[a-z][a-z\-]*\s+\(([A-Z]{2,5})\)")


def declared_unknown(text: str, resolver: TickerResolver) -> str | None:
    """A company the question declares with its ticker, "Norfolk Southern (NSC)", as notes
    declare one (``ticker_declarations``: "Annual Recurring Revenue (ARR)" defines an acronym),
    when the resolver knows neither: no note is about it."""
    for ticker, name in ticker_declarations(text):
        if ticker not in resolver.directory.symbol_to_ticker and name.lower() not in resolver.directory.alias_to_ticker:
            return f"{name} ({ticker})"
    # (or a symbol in brackets after a name typed in lower case: "score for extra space storage
    # (EXR)?"; not the initials of the words before it, an acronym defined: "annual recurring revenue (ARR)")
    for found in _BRACKETED_SYMBOL.finditer(text):
        symbol, initials = found.group(1), "".join(w[0] for w in re.findall(r"[A-Za-z]+", text[: found.start(1)])).upper()
        if symbol not in resolver.directory.symbol_to_ticker and not initials.endswith(symbol):
            return symbol
    return None


_NAME_RUN_BEFORE = re.compile(r"(?:(?<![\w'\u2019])(?!(?:Did|Does|Do|Is|Was|Will|Has|Have|Can|Could|Would|Should|Are|Were)\b)[A-Z][\w&.\-]*\s+)*\Z")
# Where a question names what it asks about: its start, after a preposition of its object
# ("score for X", the ``_SUBJECT_SLOTS`` prepositions), or as the subject of its verb ("did X say").
_SUBJECT_BEFORE = re.compile(
    rf"(?:\A|\b{_OBJECT_OF}\s+(?:the\s+)?"
    r"|\b(?:did|does|do|is|was|will|has|have|can|could|would|should|are|were)\s+)[^\w\s]*\s*\Z", re.IGNORECASE,
)
_OWNED_AFTER = re.compile(r"(?:\s+[A-Z][\w&.\-]*)*(?:['\u2019]s\b|(?<=s)['\u2019](?!\w))")  # "Zorblax Corp's", "Werner Enterprises'"
# A name between "the" and a word it describes heads no noun phrase: "the Line Yahoo stake sale"
# is an event, not what is asked about; words that stand for the company itself ("the Zorblax
# note", "the Zorblax shares") keep it the subject.
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_WORD_AFTER = re.compile(r"(?:\s+[A-Z][\w&.\-]*)*\s+(?P<word>[a-z][a-z\-]+)\b")
_STANDS_FOR_COMPANY = frozenset(
    "sentiment score scores rating ratings tone view views note notes stock stocks share shares ticker company business name firm group".split()
)


def names_the_subject(text: str, name: str) -> bool:
    """Whether ``name`` (with the capitalised words before it: "Jazz Pharma") stands where the
    question names what it asks about: opening it, after "for", "on", "about", "of", as the
    subject of its verb ("What did Zorblax say about Alibaba?"), or in the possessive ("score
    for Jazz Pharma in the Solvane note?"); not inside what describes an event ("Enel's score
    when Rome floated the levy?"), nor before a word it describes ("Naver sentiment on the Line
    Yahoo stake sale?")."""
    found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    if found is None:
        return False
    if _OWNED_AFTER.match(text, found.end()):
        return True
    before = text[max(0, found.start() - 80) : found.start()]  # (a bounded tail: questions may be long)
    before = before[: _NAME_RUN_BEFORE.search(before).start()]
    return _SUBJECT_BEFORE.search(before) is not None and not (_THE_BEFORE.search(before) and _describes(text, found.end()))


def _describes(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` describes the word after it (``_WORD_AFTER``)."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group("word") not in _STANDS_FOR_COMPANY and bool(query_terms(after.group("word")))


def _capitals_carry_no_signal(text: str) -> bool:
    """True for a question typed in Title Case or capitals, where a capital marks no name: most of
    its words (over ``TITLE_CASE_SHARE``) start with one."""
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019\-]*", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) / len(words) > TITLE_CASE_SHARE


def _unknown_subject_symbol(question: Question, resolver: TickerResolver, mentioned: Callable[[str], bool]) -> str | None:
    """An unknown symbol (``unknown_symbol``) only where a question about sentiment names what it
    asks about and names no company: else the scores of every note, or of the named company,
    answer it; content may still be found for a ticker its notes never write ("digital share of
    TLC lottery turnover?")."""
    if question.intent != "sentiment" or question.named:
        return None
    symbol = unknown_symbol(question.text, resolver, mentioned)
    return symbol if symbol and names_the_subject(question.text, symbol) else None


def _mistyped_beside(question: Question, resolver: TickerResolver, held: set[str], mentioned: Callable[[str], bool] | None) -> Spelling | None:
    """Beside a named company, another held company's name mistyped ("glimerfold sentiment since the
    varnholt deal"): its near spelling when it can be nothing else (``Spelling.certain``) and no
    note writes the words as typed ("latin america" beside FirstCash is no "American Financial")."""
    if not question.named:
        return None
    spelling = near_spelling(_outside_mentions(question), resolver, held - set(question.named), mentioned)
    if spelling is None or not spelling.certain or (mentioned and any(mentioned(w) for w in spelling.typed.split())):
        return None
    return spelling


def _outside_mentions(question: Question) -> str:
    """The question's text with the company mentions routing found blanked out."""
    text = question.text
    for start, end, _ in question.spans:
        text = f"{text[:start]}{' ' * (end - start)}{text[end:]}"
    return text


def _names(resolver: TickerResolver, tickers: list[str]) -> str:
    return ", ".join(label(resolver, t) for t in tickers)


# A question pointing back to a company before naming anything ("and what about its margins?", "what
# are its risks?", "how did the company do?"): only question words come before the pointing word, so
# its own words name no company ("Boston Properties when their tenant left" names one the notes may
# not spell so), and the company must come from the conversation.
_POINTS_TO_A_COMPANY = re.compile(
    r"^\W*(?:(?:and|also|so|ok|okay|then|what|how|why|where|when|are|is|was|were|do|does|did|has|have|about)\b[\s,]*){0,4}"
    r"(?:its|their|the\s+(?:company|stock)(?:['\u2019]s)?)\b",
    re.IGNORECASE,
)
ORPHAN_REFERENCE = (
    "Which company do you mean? The question points back to one, but nothing before it names a company: "
    "ask again with its name or ticker."
)


def check_companies(
    question: Question, filtered: list[str] | None, resolver: TickerResolver, held: set[str],
    mentioned: Callable[[str], bool] | None = None, begins: Callable[[str], bool] | None = None,
) -> CompanyCheck:
    """What to do about the companies a question names (``question.named``), given the
    tickers the user picked (``filtered``, None for no filter) and those the notes are about
    (``held``): a reply when none of them can be answered for, else the ones that can, with a
    notice naming the others; "did you mean" for a near spelling when it names none; "not in
    your notes" for a name no note mentions (``unknown_name``, when ``mentioned`` is given) or
    a subject no note's word begins with (``unwritten_subject``, when ``begins`` is given), and
    "which company?" for a question pointing back to a company when none is named or inherited: a
    reply, or a notice beside the answer when the question names a company the notes cover
    ("Enel's score when Rome floated the levy?")."""
    missing = [t for t in question.named if t not in held]
    excluded = [t for t in question.named if filtered and t in held and t not in filtered]
    notices = [f"No notes about {_names(resolver, missing)}."] if missing else []
    if excluded:
        notices.append(f"The ticker filter excludes {_names(resolver, excluded)}.")
    answerable = [t for t in question.named if t not in missing and t not in excluded]
    if question.named and not answerable:
        return CompanyCheck(Answer(" ".join(notices), False, [], list(question.named)))
    if notices:
        return CompanyCheck(None, [t for t in question.tickers if t not in missing], tuple(notices))
    if not question.named and (declared := declared_unknown(question.text, resolver)):  # "Norfolk Southern (NSC)"
        return CompanyCheck(Answer(f"No notes about {declared}.", False))
    if not question.named and (spelling := near_spelling(question.text, resolver, held, mentioned)):
        reply = Answer(f"Did you mean {spelling.name}? No company in your notes is spelt as in the question.", False)
        return CompanyCheck(reply, spelling=spelling)
    if not question.tickers and not filtered and not question.across_companies and _POINTS_TO_A_COMPANY.search(question.text):
        return CompanyCheck(Answer(ORPHAN_REFERENCE, False))  # any answer would guess the company, or mix several
    name = (mentioned and (unknown_name(question.text, resolver, mentioned) or _unknown_subject_symbol(question, resolver, mentioned))) or (
        begins and unwritten_subject(question, begins, partial(one_typo_from_familiar, written=mentioned))
    )
    if not name:
        return CompanyCheck(spelling=_mistyped_beside(question, resolver, held, mentioned))
    unwritten = f"{name} is not in your notes: no note mentions it."
    if answerable and not names_the_subject(question.text, name):  # context beside a covered company: said, then answered
        return CompanyCheck(None, None, (unwritten,))
    return CompanyCheck(Answer(unwritten, False))
