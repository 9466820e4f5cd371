"""What a question asks for, read from its words, and whether a sentence states it: the asked
measure (the segment, product or metric the question names), the kind of answer (a figure for
"how much / what was the revenue", a time for "when"), and whether the asked company is the
sentence's subject. The features ``subject_match``, ``measure_match`` and ``answer_kind_fit``
(``features.py``) are computed from these, and the gate (``gate.py``) requires them.

Hand-written: the NLI and extractive-QA models that would judge "does this sentence state the
asked fact" ship only on model hubs, not inside PyPI packages that install offline
(docs/answering.md); these rules read the question's words instead, with small general
vocabularies of quantities and times below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import TickerResolver
from ingest.words import stem, stems
from ragbot.periods import periods

# Stems that mean the same measure though Snowball keeps them apart (irregular verbs).
_SAME = {"grew": "grow", "growth": "grow", "grown": "grow", "rose": "rise", "risen": "rise", "fell": "fall",
         "fallen": "fall", "sold": "sell", "sale": "sell", "spent": "spend", "paid": "pay", "bought": "buy"}


def _canonical(word_stem: str) -> str:
    return _SAME.get(word_stem, word_stem)


# Words that say how to answer, not what: they are never the asked measure.
_GENERIC = frozenset(stem(w) for w in """
    what which how much many fast big large high low long soon when where why who whose whom
    was were is are be been being did do does done has have had will would could should can may might
    report reported reports post posted posts say said says tell told expect expected expects
    see seeing saw give gave get got make made take took current currently latest last recent recently
    main key biggest largest major top overall total company companies firm business stock
    quarter quarters year years month months period fiscal time date number amount level figure figures
    new next previous prior this that these those about around roughly approximately any some
    happen happens happened start started begin begins expected plan plans planned going
    else anything everything something thing things more less
    """.split())
# Nouns that name a quantity: a question asking one of these wants a figure, and a sentence
# naming another of them (and not this one) states a neighbouring measure.
_QUANTITY_NOUNS = frozenset(_canonical(stem(w)) for w in """
    revenue revenues sales income profit profits loss losses margin margins growth earnings eps ebit ebitda ebita
    capex spending expenditure cost costs expense expenses price prices pricing valuation multiple
    deliveries shipments orders users subscribers members customers employees headcount units rides
    share market-share backlog guidance outlook dividend yield buyback cash debt rate rates percentage
    gmv volume volumes bookings deposits assets
    """.split())
_FIGURE_QUESTION = re.compile(
    r"\bhow\s+(?:much|many|fast|big|large|high|low|quickly|far)\b|\bwhat\s+(?:percentage|percent|share|rate|multiple|price)\b",
    re.IGNORECASE,
)
# "what was the operating margin", "what did it report for revenue" (with a quantity noun): a
# figure; not "what is driving growth" (a verb follows) nor "what did they say about pricing".
_WHAT_WAS = re.compile(
    r"^\s*(?:and\s+)?what(?:'s|\s+(?:is|was|were|are))\s+(?!\w+ing\b)|\bwhat\s+did\b.*\b(?:report|post|deliver|generate|earn|book)",
    re.IGNORECASE,
)
_TIME_QUESTION = re.compile(
    r"\bwhen\b|\bby\s+when\b|\bwhat\s+(?:date|day|month|year|time)\b|\bwhich\s+(?:quarter|year|month|date|day)\b|\bhow\s+soon\b",
    re.IGNORECASE,
)
# A figure: digits (12, 3.5%, $4.2 billion, 10-for-1), or a multiple written out.
_FIGURE = re.compile(r"\d|\b(?:doubled?|tripled?|quadrupled?|halved?|twice|thrice)\b", re.IGNORECASE)
# A time beyond the reporting periods ``periods()`` reads: months, relative times, years.
_TIME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
    r"|\b(?:next|this|last|coming|following)\s+(?:year|quarter|month|week|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:year|quarter|month)[- ]end\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|month|decade)\b"
    r"|\b(?:today|tomorrow|yesterday|soon|later\s+this)\b|\bwithin\s+\w+\s+(?:days|weeks|months|years|quarters)\b"
    r"|\b(?:19|20)\d{2}s?\b",
    re.IGNORECASE,
)
def _canonical_all(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_canonical(w) for w in words)


@dataclass(frozen=True)
class AskedFor:
    """What a question asks for: its measure's words (stems), the quantity nouns among them,
    the qualifiers that say whose quantity it is (the segment or product), and the kind of
    answer ("figure", "time" or None for anything else)."""

    measure: frozenset[str]
    quantities: frozenset[str]
    kind: str | None
    qualifiers: frozenset[str] = frozenset()


_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]*(?:'s)?|\S")
_QUALIFIER_SPAN = 3  # words before a quantity noun read as its qualifiers ("fintech and business services revenue")


def qualifiers(topic: str, measure: frozenset[str]) -> frozenset[str]:
    """The measure words that narrow it to a segment or product: up to three words right
    before a quantity noun ("Mac" of "Mac revenue", "client segment" of "client segment
    margin"), and capitalised words past the first ("Yuanbao", "Megapack"); the measure is
    not stated by a sentence, or its passage, that lacks one of them."""
    tokens = _TOKEN.findall(topic)
    words = [_canonical(stem(t.lower().removesuffix("'s"))) if t[0].isalpha() else "" for t in tokens]
    found = {w for i, (t, w) in enumerate(zip(tokens, words)) if i and t[0].isupper() and w in measure}
    for i, w in enumerate(words):
        if w in _QUANTITY_NOUNS and w in measure:
            for j in range(i - 1, max(i - 1 - _QUALIFIER_SPAN, -1), -1):
                if words[j] not in measure or words[j] in _QUANTITY_NOUNS:
                    break
                found.add(words[j])
    return frozenset(found)


def segment_words(text: str, resolver: TickerResolver | None) -> str:
    """The words of the company mentions in ``text`` that are not the company's name: the
    segment or product an alias names ("AWS" for Amazon, "Cloud" of "Alibaba Cloud")."""
    if resolver is None:
        return ""
    words = []
    for m in resolver.mentions(text, case_sensitive_names=False):
        name = set(stems(resolver.directory.name_of(m.ticker))) | {m.ticker.lower()}
        words += [w for w in stems(text[m.start : m.end]) if w not in name]
    return " ".join(words)


def asked_for(text: str, topic: str, resolver: TickerResolver | None = None) -> AskedFor:
    """``text`` is the question as typed; ``topic`` the question without its company names
    (``Question.topic``), whose content words give the measure, with the segment words of
    its company mentions (``segment_words``; ``resolver`` finds them)."""
    topic = f"{topic} {segment_words(text, resolver)}"
    period_words = stems(" ".join(v for values in periods(topic).values() for v in values))
    measure = frozenset(
        _canonical(t) for t in stems(topic)
        if t not in _GENERIC and t not in period_words and not any(ch.isdigit() for ch in t)
    )
    quantities = measure & _QUANTITY_NOUNS
    if _TIME_QUESTION.search(text):
        kind = "time"
    elif _FIGURE_QUESTION.search(text) or (_WHAT_WAS.search(text) and quantities):
        kind = "figure"
    else:
        kind = None
    return AskedFor(measure, quantities, kind, qualifiers(topic, measure))


def states_kind(kind: str | None, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of answer asked: a figure, a time, or anything (None)."""
    if kind == "figure":
        return _FIGURE.search(sentence) is not None
    if kind == "time":
        return bool(periods(sentence)) or _TIME.search(sentence) is not None
    return True


def measure_credit(asked: AskedFor, sentence: frozenset[str], context: frozenset[str]) -> dict[str, float]:
    """Each asked measure word's credit: 1 when the sentence has it; 0.5 when only its passage
    or note title does; 0 when it has neither, or when the sentence states a neighbouring
    measure: another quantity ("margin" for "revenue"), or the asked quantity without the
    asked segment or product (the company's total "revenue" for "Retail revenue")."""
    sentence, context = _canonical_all(sentence), _canonical_all(context)
    other_quantity = bool((sentence & _QUANTITY_NOUNS) - asked.quantities)
    states_asked = bool(sentence & asked.quantities)
    credit = {}
    for word in asked.measure:
        quantity = word in asked.quantities
        if word in sentence:
            credit[word] = 1.0
        elif word in context and not (quantity and other_quantity) and not (not quantity and states_asked):
            credit[word] = 0.5
        else:
            credit[word] = 0.0
    return credit


def subject_fit(asked: list[str], note_about: list[str], sentence: str, resolver: TickerResolver | None) -> float:
    """1 when the sentence is about an asked company: its note is about one and the sentence
    names no company first but an asked one; 0.5 when it is about a neighbour (its note is
    about an asked company but the sentence first names another, or its note is about another
    company and the sentence first names an asked one); 0 for a passing mention (a note about
    other companies, the sentence not led by an asked one). 1 when no company is asked."""
    if not asked:
        return 1.0
    first = next(iter(resolver.resolve(sentence)), None) if resolver is not None else None
    if any(t in note_about for t in asked):
        return 1.0 if first is None or first in asked else 0.5
    return 0.5 if first is not None and first in asked else 0.0
