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
from itertools import pairwise
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ingest import TickerResolver
from ingest.dates import is_month
from ingest.sentences import split_sentences
from ingest.tickers import UNIT_CURRENCIES, currency_codes, fold_accents, initials, is_peoples_adjective, names_a_place, types_word
from ingest.words import STOPWORDS, is_english, is_modifier, is_verb_form, query_terms, stem, stems
from ragbot.glossary import ABBREVIATIONS, SHORTHAND, reads_as_shorthand
from ragbot.periods import PARTS_OF_YEAR, PERIOD_WORD, periods, spelled_out, without_comparison_bases
from ragbot.routing import RISK_PHRASING, TERSE_WORDS, WHOLE_VIEW

# Stems that mean the same measure though Snowball keeps them apart (irregular verbs).
_SAME = {"grew": "grow", "growth": "grow", "grown": "grow", "rose": "rise", "risen": "rise", "fell": "fall",
         "fallen": "fall", "sold": "sell", "sale": "sell", "spent": "spend", "paid": "pay", "bought": "buy",
         # a noun and its verb, which Snowball stems apart: "guidance" / "guide", "deliveries" / "deliver"
         "guidanc": "guid", "deliveri": "deliv", "shipment": "ship", "expans": "expand", "acquisit": "acquir",
         "competit": "compet", "exposur": "expos", "automot": "auto"}


def _canonical(word_stem: str) -> str:
    return _SAME.get(word_stem, word_stem)


_SHORT_FORMS = frozenset({*ABBREVIATIONS, *SHORTHAND})  # "comps", "fcf": shorthand, no name
_FUNCTION_WORDS = frozenset({"per", "amid"})  # no English word in the lexicon, and no name: "per the 10-k"
# Words that say how to answer, not what: they are never the asked measure.
_GENERIC = frozenset(stem(w) for w in """
    what which how much many fast big large high low long soon when where why who whose whom
    was were is are be been being did do does done has have had will would could should can may might
    report reported reports post posted posts say said says tell told expect expected expects
    see seeing saw give gave get got make made take took current currently latest last recent recently
    main key biggest largest major top overall total company companies firm business stock
    quarter quarters qtr qtrs year years yr yrs month months period fiscal time date number amount level figure figures
    new next previous prior this that these those about around roughly approximately any some
    happen happens happened start started begin begins expected plan plans planned going
    else anything everything something thing things more less right now today
    corp corporation inc incorporated ltd limited plc llc co
    esp especially particularly notably specifically
    """.split())
# Comparison words: they ask to set two answers side by side ("how do A and B compare on
# margin"), so each sentence need only state the measure for one company; never the measure.
_COMPARE_WORDS = re.compile(r"\b(?:compar(?:e[ds]?|ing|isons?)|versus|vs\.?|stacks?\s+up|relative\s+to)\b", re.IGNORECASE)
_COMPARISON = frozenset(_canonical(stem(w)) for w in """
    against than between differ differs difference whose either both faster slower higher lower better worse
    bigger smaller cheaper dearer
    """.split())
# Words that place a follow-up relative to the turn before ("and the following quarter?", "how
# did that hold up?"): they ask the same measure again.
_RELATIVE = frozenset(stem(w) for w in "following follow preceding after before same then hold keep fare trend change look".split())
# Category questions: "what are the risks to X", "what could go wrong / derail X" ask for any
# sentence of a category (a risk), not for the category's name: their cue words are not the
# measure, and a sentence answers when it states something of that category (``_RISK_CUE``).
_RISK_QUESTION = re.compile(
    r"\b(?:risks?|risky|threats?|threaten\w*|headwinds?|downside|dangers?|worr(?:y|ies|ied)|concerns?|challenges?"
    r"|problems?|go(?:es)?\s+wrong|derail\w*|hurt|jeopardi[sz]e\w*|stop\w*|undermine\w*)\b",
    re.IGNORECASE,
)
_RISK_WORDS = frozenset(_canonical(stem(w)) for w in """
    risk risks risky threat threats threaten headwind headwinds downside danger dangers worry worries worried
    concern concerns challenge challenges problem problems go goes wrong derail hurt jeopardise jeopardize
    stop undermine face faces facing remain remains
    """.split())
_RISK_PHRASING = frozenset(stem(w) for w in RISK_PHRASING)  # (no topic words of a risk question: ``risk_topic``)


def risk_topic(topic: frozenset[str]) -> frozenset[str]:
    """The topic stems of a risk question that names nothing at risk: without the verbs it is put
    with, and with "risk" (what the notes call it): "what could go wrong for X" reads as "risks
    for X". One naming what is at risk ("what could hurt X's volumes?") keeps its words."""
    named = topic - _RISK_PHRASING - _RISK_WORDS - _GENERIC
    return topic if named else (topic - _RISK_PHRASING) | {stem("risk")}


# A sentence of the risk category: it names a risk, a hedge or an adverse development.
_RISK_CUE = re.compile(
    r"\b(?:risk\w*|threat\w*|headwind\w*|downside|danger\w*|worr\w*|concern\w*|challeng\w*|problem\w*|uncertain\w*"
    r"|could|may|might|would|if|unless|pressure\w*|compet\w*|rival\w*|hurt\w*|weigh\w*|slow\w*|declin\w*|drop\w*"
    r"|fall\w*|fell|los[est]\w*|delay\w*|ban\w*|restrict\w*|tariff\w*|regulat\w*|probe\w*|scrutiny|fine[sd]?"
    r"|cut\w*|weak\w*|dilut\w*|squeez\w*|erod\w*|hit|cost\w*|expos\w*|depend\w*|reliance|relies|rely|war|dispute\w*"
    r"|lawsuit\w*|litigation|penalt\w*|volatil\w*|caution\w*|warn\w*|miss\w*|shortfall\w*|burn\w*|debt|charge\w*"
    r"|negative\w*|advers\w*|vulnerab\w*|damag\w*|harm\w*|recall\w*|sanction\w*|investigat\w*|antitrust|overhang"
    r"|stall\w*|slump\w*|shrink\w*|lag\w*|fragil\w*|doubt\w*|question\w*|unlikely|hurdle\w*|obstacle\w*|block\w*)\b",
    re.IGNORECASE,
)
# Nouns that name a quantity: a question asking one of these wants a figure, and a sentence
# naming another of them (and not this one) states a neighbouring measure. A question asks a
# quantity by its noun (``_QUANTITY_WORDS``, with singulars and plurals), not by a verb or
# adjective sharing its stem: "expensive" is no expense, "earn" no earnings, "selling" no sales.
_QUANTITY_LIST = """
    revenue revenues sales income profit profits loss losses margin margins growth earnings eps ebit ebitda ebita
    capex spending expenditure cost costs expense expenses price prices pricing valuation multiple
    deliveries shipments orders users subscribers members customers employees headcount units rides
    share market-share backlog guidance outlook dividend yield buyback cash debt rate rates percentage
    gmv volume volumes bookings deposits assets ratio ratios receivables originations premiums attendance
    turnover leverage traffic passengers occupancy ebt pbt capacity size inflows outflows flows aum aua fum fua
    """.split()
# a quantity only in the plural: "premium" is a tier ("premium segment revenue"), "the sale of its brands" a deal
_PLURAL_ONLY = {"premium", "sale"}
_QUANTITY_NOUNS = frozenset(_canonical(stem(w)) for w in _QUANTITY_LIST)
_QUANTITY_WORDS = frozenset(
    {*_QUANTITY_LIST, *(w + "s" for w in _QUANTITY_LIST), *(w[:-1] for w in _QUANTITY_LIST if w.endswith("s")),
     *(w[:-3] + "y" for w in _QUANTITY_LIST if w.endswith("ies"))} - _PLURAL_ONLY
)
# Quantity nouns that also ask "which ones" after "what" ("what customers did it win?"): no figure asked.
_WHO_WORDS = frozenset(w for w in _QUANTITY_WORDS if re.match(r"(?:user|subscriber|member|customer|employee|order|asset|unit|cost|debt|deposit)", w))
# The kinds of answer a question may ask for (``AskedFor.kind``), as ``--explain`` names them.
ANSWER_KINDS = {"figure": "a figure", "time": "a time: a date, period or deadline", "risk": "a risk, hedge or adverse development"}
# What holds things sold, as a plural noun ("pairs" of "pairs of running shoes sold"; no verb: "was"),
# and the things sold after it: a count asked (``_FIGURE_QUESTION``, ``_COUNT_NOUN``).
_HOLDER = r"(?!(?:was|has|is|does|its|this)\b)[a-z]+s"
_OF_SOLD = r"\s+of\s+(?:[\w-]+\s+){1,4}?(?:sold|shipped|delivered)\b"
_FIGURE_QUESTION = re.compile(
    r"\bhow\s+(?:much|many|fast|big|large|high|low|quickly|far)\b|\bwhat\s+(?:percentage|percent|%|share|rate|multiple|price)(?!\w)"
    # "store count?", "the number of branches" (not "count on", "a number of notes")
    r"|\b(?:store|unit|door|branch|location|restaurant|head|employee|user|subscriber|customer|member|vessel|fleet|rig|site|room)s?\s+count\b"
    r"|(?<!\ba\s)\bnumber\s+of\b"
    # what holds the things sold, shipped or delivered, opening the question ("pairs of running shoes
    # sold by bata?"; not "what was sold to blackstone?", "synergies delivered to date?")
    rf"|^\W*{_HOLDER}{_OF_SOLD}"
    # (or units sold, shipped or delivered asked outright and alone: "ambient led driver - units shipped so
    # far?", ending its clause or before a period; not "what drove units shipped?", "why did units sold
    # fall?": their reasons; nor "units sold or revenue?": two asks; nor "where were units shipped?")
    r"|^(?!.*\b(?:why|drove|drive[sn]?|driving|behind|reasons?|explain\w*|or|and|vs|versus|where|who|whom)\b).*?\bunits?\s+(?:sold|shipped|delivered)\b"
    r"(?=\s*(?:[?.!]|$|so\s+far\b|to\s+date\b|in\b|during\b|for\b|this\b|last\b|since\b|[qh][1-4]\b|fy|(?:19|20)\d\d\b))"
    # the figures asked for in a clause of their own, ending the question ("how did its brazil business
    # do? numbers pls"; not "what drove the weak numbers?")
    r"|(?:^|[?.!,;:\u2013\u2014-])\s*(?:the\s+)?(?:numbers|figures)\b(?=\W*(?:pls|plz|please)?\W*$)"
    # a sum paid, spent or earned asked by its verb ("what did Carrier pay for Viessmann?", "what did Acme agree
    # to pay for Beta?", "what will the plant cost?", "what did Acme spend on capex in fy25?", "what did
    # the segment bring in for q3?"): the verb
    # ends the question or a sum's phrase follows it (not what it went on, "what did they spend the
    # proceeds on?", nor a noun, "what did the restructuring charge relate to?", "... regarding executive pay?")
    # (a name with a slash in it too: "what did cetaphil / skincare bring in")
    r"|\bwhat\s+(?:did|does|do|will|would)\s+(?:(?!(?:about|on|of|for|in|with|say|said|think|mention|regarding|as)\b)[\w.&'\u2019/-]+\s+){1,5}?"
    r"(?:pay|spend|cost|charge|(?:bring|take|rake)\s+in|earn|generate)\b(?=\s*(?:[?.!,]|$|for\b|per\b|in\s+(?:total|cash|\d)|on\s+(?!(?:[\w-]+\s+){0,2}?(?:[?.!]|$))))"
    # ... or sold in a period ("what did hbk sell in fy36?": its sales; not "what did it sell off?", "... sell to whom?")
    r"|\bwhat\s+(?:did|does|do|will)\s+(?:(?!(?:about|on|of|for|in|with|say|said|think|mention|regarding|as)\b)[\w.&'\u2019-]+\s+){1,5}?"
    r"sell\s+in\s+(?:q[1-4]|h[12]|fy\s?'?\d{2,4}|(?:19|20)\d\d|the\s+(?:quarter|year|half))\b(?=\s*(?:[?.!]|$))",
    re.IGNORECASE,
)
# "what was the operating margin", "what did it report for revenue" (with a quantity noun): a
# figure; not "what is driving growth" (a verb follows) nor "what did they say about pricing".
_WHAT_WAS = re.compile(
    r"^\s*(?:and\s+)?what(?:'s|\s+(?:is|was|were|are))\s+(?!\w+ing\b)"
    r"|\bwhat\s+did\b.*\b(?:report|post|deliver|generate|earn|book|bring|contribute|produce)\w*\b"
    # "what revenue did Optum Rx generate", "what Q3 2025 margin does it expect": the quantity noun is asked
    # (or "is": "what dividend per share is Acme paying for fy2038?")
    r"|\bwhat\s+(?:(?!(?:did|does|do|is|was|are|were|has|have|had|will)\b)[\w-]+\s+){0,3}?(?:" + "|".join(sorted(_QUANTITY_WORDS - _WHO_WORDS)) + r")\s+"
    r"(?:did|does|do|will|has|have|had|(?:is|was|are|were)\s+(?!there\b)(?=(?:\S+\s+){1,3}?\w+ing\b))",  # (not "what pressures on pricing are there")
    re.IGNORECASE,
)
_TIME_QUESTION = re.compile(
    r"\bby\s+when\b|\bwhat\s+(?:date|day|month|year|time)\b|\bwhich\s+(?:quarter|year|month|date|day)\b|\bhow\s+soon\b"
    r"|\btimelines?\b|\btiming\b"  # "tesla robotaxi timeline?"
    # the date of an event asked as a noun ("start of production date for ...", "start date of the concession?")
    r"|\b(?:start(?:ing)?|launch|opening|completion|closing|delivery|production|commissioning|effective|go-live)\s+dates?\b"
    r"|(?<!\bto\s)\bdates?\s+(?:of|for)\s+(?:the\s+|its\s+|their\s+)?(?!(?:the\s+)?(?:year|quarter|month|week|day)\b)\w+",
    re.IGNORECASE,
)
# "when" asks a time when it is the question's first question word; after another ("why was it
# negative when the customer pulled back?") it is a conjunction.
_TIME_WORDS = re.compile(rf"\bwhen\b|{_TIME_QUESTION.pattern}", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"\b(?:what|which|why|how|who|whom|whose|where|when)\b", re.IGNORECASE)


# What may happen to an event a "when" asks, each group one happening told in several words (stems),
# and what else a clause may tell of it: "when will the acquisition complete?" is not answered by
# "agreed in January to acquire" (the agreement's time), nor "when will the plant open?" by
# "construction started in 2031"; a clause telling no happening ("due in May 2034") may answer.
HAPPENINGS = tuple(frozenset(g.split()) for g in (
    "complet close final finalis conclud finish",
    "open reopen launch relaunch debut oper sale",
    "start begin began begun commenc",
    "end finish expir close conclud",
))
OTHER_HAPPENINGS = frozenset("agre sign announc unveil approv propos construct build built invest restructur".split())
ANY_HAPPENING = frozenset().union(*HAPPENINGS)
# A start is also told by an opening ("when will the plant start production?": "operational in 2037").
TOLD_ALSO = {HAPPENINGS[2]: HAPPENINGS[1]}


def happenings_asked(text: str) -> frozenset[str]:
    """The words (stems) of what a "when" asks happens to its event ("start" of "when will the plant
    start production?"): words no measure keeps, which ``HAPPENINGS`` reads."""
    return stems(text) & ANY_HAPPENING


def asks_when(text: str) -> bool:
    """Whether ``text`` asks for a time: "when ...", "by when", "what date", "which quarter", "the timeline"."""
    first = _QUESTION_WORD.search(text)
    return _TIME_QUESTION.search(text) is not None or (first is not None and first.group(0).lower() == "when")


# A figure: digits (12, 3.5%, $4.2 billion, 10-for-1), or a multiple written out ...
_FIGURE = re.compile(r"\d|\b(?:doubled?|tripled?|quadrupled?|halved?|twice|thrice)\b", re.IGNORECASE)
# ... but not digits that date or name something: a year ("2025 guidance"), a period's label
# ("Q3", "H1", "FY2025", "9M"), a day of a month ("June 30"), or a number in a name ("SR 400
# express lanes", "Precision7", "Boeing 737 deliveries"), unless a scale or unit follows it
# ("CHF 5.71 billion", "KRW 340 billion" are amounts).
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_SCALE = r"\s*(?:%|percent|per\s*cent|bps|basis\s+points?|[mbk]n?\b|mn|million|billion|trillion|thousand|times|x\b)"
_DATE_NOT_FIGURE = re.compile(
    r"(?<![$\u20ac\u00a3\u00a5.,\d])\b(?:19|20)\d{2}s?\b(?![.,]\d|" + _SCALE + r")"
    r"|\b(?:Q[1-4]|H[12]|FY|CY)(?:\s?'?(?:\d{4}|\d{2})(?![\d.,%]|" + _SCALE + r"))?\b"  # (a year after it at most: "Q3 12%" keeps 12%)
    r"|(?<![$\u20ac\u00a3\u00a5.,\d])\b[1-9]M\b(?!\s*(?:of\s+)?[$\u20ac\u00a3\u00a5])"  # nine months ("9M"), not "$5M"
    rf"|\b{_MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|(?<![$\u20ac\u00a3\u00a5.,\d])\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b",  # the day before its month: "2 December 2026"
)
_NAME_NOT_FIGURE = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]*)(?:\s|-)?\d+(?![.,]\d|" + _SCALE + r")\b|\b[A-Za-z]+\d+[A-Za-z\d]*\b"
    r"|\b[A-Z][A-Za-z]*-\d+[A-Z][A-Za-z\d]*\b"  # a product code: "CSP-395GP" (not "the mid-20s")
    # a number that labels what it follows: "type 2 diabetes", "phase 3 trial", "tier 1 suppliers"
    r"|\b(?:type|phase|tier|class|stage|grade|level|series|generation|gen|version)[\s-]\d{1,2}\b(?![.,]\d|" + _SCALE + r")"
)
# A currency's code before a number makes it an amount ("EUR 450 per tonne", "CHF 12"; ``currency_codes``);
# other capitals name something ("GLP-1", "SR 400").
_CURRENCY_CODES = currency_codes()
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]\s*)$")


def _without_dates_and_names(sentence: str) -> str:
    """``sentence`` without what dates (``_DATE_NOT_FIGURE``) or names (``_NAME_NOT_FIGURE``) with
    digits. A number after a capitalised word stays a figure when that word opens the sentence
    ("Nearly 300 jobs", "About 40 stores"), is a stopword ("the 12 plants") or a currency code."""
    undated = _DATE_NOT_FIGURE.sub(" ", sentence)

    def drop(m: re.Match) -> str:
        name = m.group("name")
        kept = name and (not query_terms(name) or name in _CURRENCY_CODES or _SENTENCE_OPENS.search(undated[: m.start()]))
        return m.group(0) if kept else " "
    return _NAME_NOT_FIGURE.sub(drop, undated)


# A time beyond the reporting periods ``periods()`` reads: months, relative times, years.
_TIME = re.compile(
    rf"\b{_MONTH_NAMES}\b\.?"
    r"|\b(?:next|this|last|coming|following)\s+(?:year|quarter|month|week|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:year|quarter|month)[- ]end\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|month|decade)\b"
    r"|\b(?:today|tomorrow|yesterday|soon|later\s+this)\b|\bwithin\s+\w+\s+(?:days|weeks|months|years|quarters)\b"
    r"|\b(?:19|20)\d{2}s?\b",
    re.IGNORECASE,
)


def canonical_all(words: frozenset[str]) -> frozenset[str]:
    """``words`` (stems) with the forms Snowball stems apart joined (``_SAME``: "grew" and "growth" are "grow")."""
    return frozenset(_canonical(w) for w in words)


@dataclass(frozen=True)
class AskedFor:
    """What a question asks for: its measure's words (stems), the quantity nouns among them,
    the qualifiers that say whose quantity it is (the segment or product), the kind of
    answer ("figure", "time", "risk" or None for anything else), and the long form that
    states an abbreviation of the measure as well."""

    measure: frozenset[str]
    quantities: frozenset[str]
    kind: str | None
    qualifiers: frozenset[str] = frozenset()
    forms: dict[str, frozenset[str]] = field(default_factory=dict)  # an abbreviation's long form ("capex")
    names: tuple[frozenset[str], ...] = ()  # the things a quantity is asked of by name, each its words (``named_things``)
    parts: frozenset[str] = frozenset()  # the part of the company asked about, in the question's words (``part_names``)
    count: bool = False  # "how many ...": the figure must be a count (``states_count``)
    ratio: frozenset[str] = frozenset()  # a ratio asked of another quantity, both words ("EBITDA margin"; ``ratio_of``)
    modifiers: frozenset[str] = frozenset()  # quantity nouns saying which kind of another ("order" of "order backlog"; ``quantity_modifiers``)
    counted: frozenset[str] = frozenset()  # the words after "how many" (stems): what the count counts
    counted_by_name: bool = False  # it counts a thing by a name no lexicon holds, no company's ("how many Vireon syringes")
    total: bool = False  # a total of money is asked ("revenue", not "revenue per room"): a price does not answer (``states_total``)
    whole_year: bool = False  # a fiscal or full year is asked: a quarter's or half's figure does not answer (``states_part_of_year``)
    like_for_like: bool = False  # comparable ("same-store", "organic") sales are asked, not only the total (``states_only_like_for_like``)
    in_currency: bool = False  # an amount asked in a currency ("revenue in eur") or paid ("how much did it spend"): a percentage gives none (``states_money``)
    growth: bool = False  # a change asked ("how much did AuM grow?"): a level gives none (``states_a_change``)
    market_share: bool = False  # a share of a market asked: a sentence naming no share gives none (``states_market_share``)
    places: frozenset[str] = frozenset()  # the places the question names (stems): "when" is answered only where they are (``states_places``)
    figure_places: frozenset[str] = frozenset()  # ... asked of one company's figure: a clause stating it names one (``states_figure_places``)
    paid_for: frozenset[str] = frozenset()  # what a sum is asked to be spent on ("coaster" of "spend on the new coaster"; ``states_paid_for``)
    happening: frozenset[str] = frozenset()  # what a "when" asks happens to its event (stems: "start"; ``happenings_asked``)


_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]*\+?(?:'s)?|\S")  # (a name may end in "+": "Industry+ segment", "Disney+")
_QUALIFIER_SPAN = 3  # measure words before a quantity noun read as its qualifiers ("fintech and business services revenue")


# Nouns that name a part of a company: after an owner, the words before one say which part ("the
# company's International segment", "its wealth management business", "the commercial lines").
_PART_NOUNS = frozenset("""
    segment segments division divisions business businesses unit units arm arms operations franchise lines
    """.split())
_PART_STEMS = frozenset(_canonical(stem(w)) for w in _PART_NOUNS)
_OWNER = re.compile(r"the|its|their|our|his|her|[\w-]+'s", re.IGNORECASE)


def part_names(topic: str, measure: frozenset[str]) -> frozenset[str]:
    """The measure words that name the part of a company a question asks about: up to three
    words between an owner and a part noun ("International" of "the company's International
    segment", "wealth management" of "its wealth management business"; ``_PART_NOUNS``),
    whatever quantity is asked of it."""
    tokens, words = _tokens_and_words(topic)
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if token.lower() in _PART_NOUNS:
            run, j = _words_before(tokens, words, i, measure)
            if run and j >= 0 and _OWNER.fullmatch(tokens[j]):
                found.update(run)
    return frozenset(found) - _HOW_MEASURED  # "its core business" names no part


# The part nouns a question names a part by, right before the quantity asked of it ("high volume
# division sales"; not "unit", which measures: "unit growth", "unit revenue").
_NAMING_PART_NOUNS = frozenset({"division", "segment", "business", "arm"})
_NO_PART_NAME = frozenset({"reportable", "each", "every", "all", "other", "yoy"})  # (words before a part noun naming none)


def part_name_before(topic: str) -> frozenset[str]:
    """The words naming a part right before a part noun that a quantity follows, whatever the
    words are ("high volume" of "high volume division sales": a division named High Volume, not a
    volume asked; "growth" of "growth segment revenue"), up to ``_QUALIFIER_SPAN`` of them:
    stopping at a stopword, an owner, "company" (the name a question's company is replaced by) or
    a period word ("last quarter segment margin"), passing over modifiers and words saying how a
    figure is put ("total", "adjusted"; ``_NO_PART_NAME``)."""
    tokens, words = _tokens_and_words(topic)
    found: set[str] = set()
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() not in _NAMING_PART_NOUNS or not _is_quantity(tokens[i + 1]):
            continue
        for j in range(i - 1, max(-1, i - 1 - _QUALIFIER_SPAN), -1):
            token = tokens[j]
            if (not token[0].isalpha() or token.lower() in STOPWORDS or _OWNER.fullmatch(token) or token.lower() == "company"
                    or PERIOD_WORD.fullmatch(token)):
                break
            if not (is_modifier(token) or words[j] in _HOW_MEASURED or token.lower() in _NO_PART_NAME):
                found.add(words[j])
    return frozenset(found)


def parts_named(text: str, parts: frozenset[str], forms: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The asked ``parts`` that ``text`` (a note's sentence) names as a part or a quantity's
    qualifier: before a part noun or quantity noun ("the International segment", "Airports
    EBITDA"), or, all of them, capitalised in one run past its first word, as a part's name
    ("Ticketmaster and Sponsorship & Advertising do most of the lifting"; ``forms``, the glossary's
    long forms of the parts' words; not "Bank of America" for a North America part); "human x car x
    home" names no car business."""
    tokens, words = _tokens_and_words(text)
    anchors = [i for i, t in enumerate(tokens) if t.lower() in _PART_NOUNS or _is_quantity(t)]
    forms = forms or {}
    named = parts if any(_folded(run, forms) >= parts for run in _capitalised_names(tokens, words, _with_long_forms(parts, forms))) else frozenset()
    return frozenset(named.union(*(_words_before(tokens, words, i, parts)[0] for i in anchors)))


def _capitalised_names(tokens: list[str], words: list[str], wanted: frozenset[str]) -> list[frozenset[str]]:
    """The ``wanted`` words of each run of capitalised words past a sentence's first, joined by
    ``_JOINS`` ("Sponsorship & Advertising")."""
    runs: list[set[str]] = [set()]
    for i, (token, word) in enumerate(zip(tokens, words)):
        if i and _capitalised(token) and word in wanted:
            runs[-1].add(word)
        elif token.lower() not in _JOINS and runs[-1]:
            runs.append(set())
    return [frozenset(run) for run in runs if run]


def _tokens_and_words(text: str) -> tuple[list[str], list[str]]:
    tokens = _TOKEN.findall(text.replace("\u2019", "'"))
    return tokens, [_canonical(stem(t.lower().removesuffix("'s").rstrip("+"))) if t[0].isalpha() else "" for t in tokens]


_JOINS = ("and", "&", "/")  # words joining the parts a question names together ("AMS/DRS organic growth")


def _words_before(tokens: list[str], words: list[str], i: int, measure: frozenset[str]) -> tuple[list[str], int]:
    """Up to ``_QUALIFIER_SPAN`` words of ``measure`` right before token ``i``, passing over
    "and", "&" or "/" (``_JOINS``: "defense and advanced technologies") and ending at a possessive ("Retail's
    revenue" right before it), and the index of the token before them."""
    run: list[str] = []
    j = i - 1
    while j >= 0 and len(run) < _QUALIFIER_SPAN:
        if tokens[j].lower() in _JOINS:
            j -= 1
        elif words[j] in measure and (j == i - 1 or not tokens[j].lower().endswith("'s")):  # "Avis's International": an owner
            run.append(words[j])
            j -= 1
        else:
            break
    return run, j


def required_qualifiers(wants: AskedFor) -> frozenset[str]:
    """The asked qualifiers a sentence or its passage must state (``qualifier_match``): not the
    words saying only how a figure is put or reported ("segment" of "North America segment net
    sales", "annual" of "annual price"), which the notes may leave out ("North America net sales",
    "RMB 399 a year"); the bases ("net", "operating") stay, as ``measured_as_asked`` reads them."""
    return wants.qualifiers - (_HOW_MEASURED - _BASES)


# "per" measures by a unit ("dividend per share"), and "full" of "full year" says the period: neither narrows a measure.
_FULL_YEAR_WORD = re.compile(r"full[- ]?(?:year|yr)\b.*", re.IGNORECASE)


def qualifiers(topic: str, measure: frozenset[str], capitals: Capitals | None = None) -> frozenset[str]:
    """The measure words that narrow it to a segment or product: up to three words right
    before a quantity noun, besides those saying how it is measured ("Mac" of "Mac revenue",
    "client segment" of "client segment margin", "recreational vehicles" of "recreational
    vehicles segment net sales") or naming its source after it (``_source_after``), and
    capitalised words past the first that may name a product ("Yuanbao", "Megapack";
    ``_names_a_product``), an English word only if the candidates write it capitalised too
    (``capitals``, when known: "EPS vs. the Street" names no product); the measure is
    not stated by a sentence, or its passage, that lacks one of them."""
    tokens, words = _tokens_and_words(topic)
    found = {
        w for i, (t, w) in enumerate(zip(tokens, words))
        if i and _names_a_product(t) and w in measure and (capitals is None or w in capitals.inside or not is_english(t.removesuffix("'s")))
    }
    abbreviated = asked_quantities(topic, measure) - {words[i] for i, t in enumerate(tokens) if _is_quantity(t)}  # ("canada rental rev")
    for i, w in enumerate(words):
        after = " ".join(tokens[i + 1:i + 2])  # (a verb's object: "cost the company"; a part: "its cash business")
        if (_is_quantity(tokens[i]) or w in abbreviated) and w in measure and not _VERB_OBJECT.fullmatch(after) and after.lower() not in _PART_NOUNS:
            taken = 0
            for j in range(i - 1, -1, -1):  # passing over "and" and generic words: "fintech and business services"
                if tokens[j].lower() in _JOINS or (words[j] in _GENERIC and words[j] not in measure):
                    continue
                if _VERB_BEFORE_OBJECT.fullmatch(" ".join(tokens[max(0, j - 1):j + 1])) and not is_modifier(tokens[j]) and words[j] not in _HOW_MEASURED:
                    break  # "what's pressuring margins": a verb and its object, no qualifier (not "what was operating margin")
                named = _measure_stems(tokens[j], words[j], measure)  # ("full-service": "full", "servic")
                if (not named or _is_quantity(tokens[j]) or words[j] in _ABBREVIATED_QUANTITIES or taken == _QUALIFIER_SPAN
                        or tokens[j].lower() == "per" or _FULL_YEAR_WORD.fullmatch(" ".join(tokens[j:j + 2]))):
                    break  # (another quantity, also abbreviated: "rev and adj ebitda margin" asks two)
                found |= named
                taken += words[j] not in _HOW_MEASURED  # "vehicles segment net sales": "segment", "net" say how, not whose
            found |= _source_after(tokens, words, i, measure) | _earner_after(tokens, words, i, measure)
        elif w == "much" and i and tokens[i - 1].lower() == "how":  # sales asked by the verb: "how much did its rv products sell?"
            found |= _earner_after(tokens, words, i, measure, _SELLS)
    return frozenset(found)


def _measure_stems(token: str, word: str, measure: frozenset[str]) -> frozenset[str]:
    """The measure words a topic's token writes: its stem, or a hyphenated token's parts when each
    is one ("full-service", which the measure holds as "full" and "servic"); empty if none."""
    if word in measure:
        return frozenset({word})
    parts = frozenset(_canonical(stem(p)) for p in token.lower().split("-") if p)
    return parts if "-" in token and parts <= measure else frozenset()


# Words that make what follows "from" a speaker, an event, a time or how a quantity is reported,
# not a part of the business: "from management", "from the investor day", "from a year ago", "from
# continuing operations", "from international markets", "from outside the US".
_NO_SOURCE = frozenset(_canonical(stem(w)) for w in """
    management mgmt board call day meeting report note ago year quarter continuing operations operating activities
    markets sources outside
    """.split())
_COMES = re.compile(r"comes?|came|coming|generated|derived|earned", re.IGNORECASE)
_DETERMINER = re.compile(r"the|its|their|his|her|our|a|an", re.IGNORECASE)


def _source_after(tokens: list[str], words: list[str], i: int, measure: frozenset[str]) -> set[str]:
    """Up to ``_QUALIFIER_SPAN`` measure words naming where the quantity at token ``i`` comes from:
    "pfas panel" of "revenue from the pfas panel", "digital billboards" of "revenue comes from digital
    billboards", "pulp" of "order intake came from pulp and energy" (a second noun of the quantity after it)."""
    j = i + 1 + (i + 1 < len(tokens) and words[i + 1] in measure and not _is_quantity(tokens[i + 1]) and tokens[i + 1].lower() != "from")
    j += j < len(tokens) and _COMES.fullmatch(tokens[j]) is not None  # "revenue comes from"
    if j >= len(tokens) or tokens[j].lower() != "from":
        return set()
    j += 1
    while j < len(tokens) and (_DETERMINER.fullmatch(tokens[j]) or (words[j] in _GENERIC and words[j] not in measure)):
        j += 1  # "from the company's pfas panel" (the question's company stands as "the company")
    found: set[str] = set()
    while j < len(tokens) and len(found) < _QUALIFIER_SPAN and words[j] in measure and not _is_quantity(tokens[j]):
        found.add(words[j])
        j += 1
    return set() if found & _NO_SOURCE else found


# What a quantity is asked to have come from, put as the subject of a verb of earning after it:
# "how much revenue has the nivea serum done", "how much revenue is the plex flex panel bringing in".
_AUXILIARY = re.compile(r"has|have|had|is|are|was|were|did|does|do|will|would", re.IGNORECASE)
_EARNS = re.compile(
    r"(?:do|done|doing|brought|bringing|bring|generated|generating|generate|made|making|make|earned|earning|earn"
    r"|contributed|contributing|contribute|delivered|delivering|deliver|added|adding|add|pulled|pulling|racked|racking)",
    re.IGNORECASE,
)
_SELLS = re.compile(r"sold|sells?|selling", re.IGNORECASE)
_PEOPLE = frozenset(_canonical(stem(w)) for w in (
    "ceo cfo coo chairman chair founder management mgmt team board executive executives boss"
    " insiders insider investors investor shareholders shareholder holders funds"  # (who sold shares: "how much did insiders sell")
).split())


def _earner_after(tokens: list[str], words: list[str], i: int, measure: frozenset[str], earns: re.Pattern = _EARNS) -> set[str]:
    """The measure words naming what earned the quantity at token ``i``, the subject of a verb of
    earning after an auxiliary (``earns``): "nivea serum" of "how much revenue has the nivea serum
    done", the last ``_QUALIFIER_SPAN`` of a longer name ("plex flex panel" of "... is the liaison
    plex flex panel bringing in"); not "how much revenue did it make" (no measure word stands there).
    With ``_SELLS``, of sales asked by the verb ("rv products category" of "how much did its rv
    products category sell")."""
    j = i + 1
    if j >= len(tokens) or not _AUXILIARY.fullmatch(tokens[j]):
        return set()
    j += 1
    while j < len(tokens) and (_DETERMINER.fullmatch(tokens[j]) or (words[j] in _GENERIC and words[j] not in measure)):
        j += 1
    run: list[str] = []
    while j < len(tokens) and len(run) < 2 * _QUALIFIER_SPAN and words[j] in measure and not _is_quantity(tokens[j]) and not earns.fullmatch(tokens[j]):
        run.append(words[j])
        j += 1
    if set(run) & _PEOPLE:  # "how much revenue did the new ceo deliver": a person, no part of the business
        return set()
    named = set(run[-_QUALIFIER_SPAN:]) - _HOW_MEASURED  # ("how much revenue did the segment bring in": the asked one)
    return named if j < len(tokens) and earns.fullmatch(tokens[j]) else set()


# A participle after a form of "be" is a verb whose object is the quantity after it ("what's
# pressuring margins", "is hurting sales"), not a word narrowing the quantity.
_VERB_BEFORE_OBJECT = re.compile(r"(?:is|are|was|were|be|been|what's|whats|that's|it's)\s+\w+ing", re.IGNORECASE)
# A quantity word followed by one of these is a verb with its object ("how much has the ban
# cost the company"), so the words before it are its subject, not qualifiers of a quantity.
_VERB_OBJECT = re.compile(r"the|a|an|its|their|them|us|it|him|her|this|that|investors|shareholders", re.IGNORECASE)


def _names_a_product(token: str) -> bool:
    """A capitalised word that may name a segment or product ("Yuanbao", "Megapack"); not an
    abbreviation ("NII", "RPO", "GPUs": a measure or category the notes may spell out, or a
    ticker) and not a month ("the September quarter": a period, not a segment)."""
    letters = token.removesuffix("'s").removesuffix("s")
    return token[0].isupper() and not letters.isupper() and _TIME.fullmatch(token) is None


# Words after which a name is what the question asks about: "does Transurban bring in", "is mowi
# guiding to", "the share of Visa" (not "the China export ban": there it only qualifies a noun).
_ASKED_OF = frozenset("does did do is was are were has have had will would can could of for at".split())


_WORD_TOKEN = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class Capitals:
    """How the candidate sentences write words (canonical stems): capitalised past a sentence's
    first word ("said Caesars Entertainment", "More Personal Computing was"; not "EBITDA": the
    letters after the first are lower case), and in lower case."""

    inside: frozenset[str]
    lower: frozenset[str]
    opening: frozenset[str] = frozenset()  # a sentence's capitalised first word before a verb ("Sabre has been courting ...")

    @property
    def openers(self) -> frozenset[str]:
        """The words written capitalised opening a sentence, as its subject before a verb, and
        never in lower case: maybe names ("Sabre has been courting ..."; not "Group revenue fell"),
        read as one only opening a terse question (``named_things``)."""
        return self.opening - self.lower

    @property
    def names(self) -> frozenset[str]:
        """The words written only as names: capitalised past a sentence's first word, never in
        lower case. A question may type such a name in lower case ("caesars entertainment's net
        leverage"), where only the notes show it is one."""
        return self.inside - self.lower


_NAME_OPENING = re.compile(r"\W*([A-Za-z]{2,}) +[A-Z][a-z]\w*( +[A-Z][a-z])?")


def _capitalised(word: str) -> bool:
    return word[0].isupper() and word[1:2].islower()


def capitals_of(sentences: list[str]) -> Capitals:
    """How ``sentences`` write their words (``Capitals``)."""
    inside: set[str] = set()
    lower: set[str] = set()
    first_words: set[str] = set()
    for text in sentences:
        words = _WORD_TOKEN.findall(text)
        if len(words) > 1 and _capitalised(words[0]) and words[1].islower() and is_verb_form(words[1]):
            first_words.add(_canonical(stem(words[0].lower())))
        inside.update(_canonical(stem(w.lower())) for w in words[1:] if _capitalised(w))
        # a name opening a sentence: its first word in capitals and no English word before a
        # capitalised one ("RB Global, which owns ..."), or capitalised before two more ("Cross
        # Country Healthcare, whose ..."; not "Separately, Caesars ...", "Group Revenue was")
        if (opening := _NAME_OPENING.match(text)) and (
                opening.group(1).isupper() and not is_english(opening.group(1)) or _capitalised(opening.group(1)) and opening.group(2)):
            inside.add(_canonical(stem(opening.group(1).lower())))
        lower.update(_canonical(stem(w)) for w in words if w.islower())
    return Capitals(frozenset(inside), frozenset(lower), frozenset(first_words))


def named_things(topic: str, measure: frozenset[str], capitals: Capitals | None = None) -> tuple[frozenset[str], ...]:
    """What the question asks about by name (a quantity of it, or anything: ``states_named_quantity``),
    each thing as the stems that tell it apart (``_distinctive``): a run of capitalised words past the first (``_names_a_product``:
    "Lakeshore Community Bank") or of words typed in lower case that are no English word nor a finance abbreviation ("mowi") or that the
    notes write only as names (``Capitals.names`` of the candidates' ``capitals``), joined by
    "+" or "&" ("Bausch + Lomb") and ended by a possessive ("Yuanbao's app": Yuanbao), in the
    possessive, after a verb or preposition that makes it the subject or owner (``_ASKED_OF``), or
    opening the question ("greenbrier current backlog?"); never a quantity noun. Opening a terse
    question, a word the notes write only as a sentence's subject (``Capitals.openers``) names
    too: "sabre q3 revenue" beside "Sabre has been courting ..."."""
    tokens = _TOKEN.findall(topic.replace("\u2019", "'"))
    proper = capitals.names if capitals else frozenset()
    openers = capitals.openers if capitals and len(topic.split()) <= TERSE_WORDS else frozenset()
    terse = len(re.sub(r"\([^)]*\)", " ", topic).split()) <= TERSE_WORDS  # (as typed: without the forms ``expand`` adds)
    runs: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []  # (stem, word as typed)
    asked_of = closed = False
    for i, t in enumerate(tokens):
        bare = t.removesuffix("'s")
        w = _canonical(stem(bare.lower().rstrip("+"))) if t[0].isalpha() else ""
        named = bool(w) and w in measure and not _is_quantity(t) and not is_month(bare.title()) and bool(  # (no "sept")
            (_names_a_product(t) and (i or (len(bare) > 2 and not is_english(bare) and bare.lower() not in _SHORT_FORMS)))
            # (the first word is capitalised as such: no English word nor abbreviation, "Fcf in Q3?")
            or (t.islower() and (len(bare) > 2 and not is_english(bare) and bare not in _SHORT_FORMS | _FUNCTION_WORDS
                                 or w in proper and (len(bare) > 2 or not is_english(bare))  # ("rb" of "RB Global" in the notes)
                                 or i == 0 and w in openers and len(bare) > 2)))
        joined = run and not closed and t in ("+", "&") and i + 1 < len(tokens) and _names_a_product(tokens[i + 1])
        if named and not closed:
            # (opening a terse question, or its second word after one it completes: "lamb weston q3 eps?")
            second = i == 1 and terse and tokens[0].isalpha() and tokens[0].lower() not in STOPWORDS
            asked_of = asked_of or (not run and (i == 0 or second or tokens[i - 1].lower() in _ASKED_OF)) or bare != t
            run.append((w, bare))
            closed = bare != t
        elif not joined:
            if run and asked_of:
                runs.append(run)
            run, asked_of, closed = [], False, False
            if named:  # a name right after a possessive one starts its own run
                run, asked_of, closed = [(w, bare)], tokens[i - 1].lower() in _ASKED_OF or bare != t, bare != t
    if run and asked_of:
        runs.append(run)
    return tuple(_distinctive(r) for r in runs)


def _distinctive(name: list[tuple[str, str]]) -> frozenset[str]:
    """The stems that tell a name apart (any one written counts): its words that are no English
    word ("lakeshore" of "Lakeshore Community Bank", "rb" of "RB Global"), else its first ("cross"
    of "Cross Country Healthcare", whose "Healthcare" also ends "AMN Healthcare")."""
    own = frozenset(w for w, typed in name if not is_english(typed))
    return own or frozenset({name[0][0]})


def states_named_quantity(
    wants: AskedFor, sentence: frozenset[str], central: frozenset[str], figure: bool = False, unknown_subject: bool = False,
) -> bool:
    """Whether a sentence (its stems) may say what the question asks of a named thing
    (``AskedFor.names``). A name ``central`` to the sentence's note (its title or two or more of its
    sentences write it: the note discusses it) asks nothing more. A name the note writes once is
    a passing mention ("Transurban, the other bidder, ..."), and one it never writes is another
    company's or product's: when the question asks a quantity, only a sentence naming it and stating
    an asked quantity (or its long form) can answer or, for a question asking a figure, one holding
    a figure (``figure``: "agreed to buy it for $214 million" gives its price; "how much is
    EchoStar getting for its spectrum?" names no quantity). When it asks none, the same holds of a
    question naming no company the notes know (``unknown_subject``: the name is its subject, "what
    risks does Velmarsh face?"), minus the quantity; beside a known company a name may only qualify
    ("is chinese competition a risk for Acme?"). A name of several words counts when any of the
    words that tell it apart is written ("Cross" of "Cross Country Healthcare", not "Healthcare").
    True when the question names no such thing."""
    asks_quantity = bool(wants.quantities) or wants.kind == "figure"
    if not wants.names or not (asks_quantity or unknown_subject):
        return True
    canonical = canonical_all(sentence)
    stated = not asks_quantity or figure or any(q in canonical or (wants.forms.get(q) and wants.forms[q] <= sentence) for q in wants.quantities)
    written = canonical | spelt_out(wants, sentence)
    return all(name & central or (name & written and stated) for name in wants.names)


def spelt_out(wants: AskedFor, sentence: frozenset[str]) -> frozenset[str]:
    """The asked words a sentence (its stems) writes in their long form (``AskedFor.forms``: "hgv" by
    "heavy-goods-vehicle")."""
    return frozenset(word for word, form in wants.forms.items() if form and form <= sentence)


def names_a_quantity(text: str) -> bool:
    """Whether ``text`` writes a quantity noun ("revenue", "deliveries", "margin")."""
    return any(_is_quantity(t) for t in _TOKEN.findall(text))


def _bare(token: str) -> str:
    """``token`` in lower case without a possessive ("Revenue's" -> "revenue")."""
    return token.lower().removesuffix("'s").removesuffix("\u2019s")


def _quantity_stem(token: str) -> str:
    """``token``'s stem as quantities are compared ("Margins" -> "margin", "EBITA's" -> "ebita")."""
    return _canonical(stem(_bare(token)))


def _is_quantity(token: str) -> bool:
    return _bare(token) in _QUANTITY_WORDS


# Quantities that are a ratio of the quantity before them ("EBITDA margin", "loss ratio", "dividend
# yield"): a sentence stating that quantity alone ("Adjusted EBITDA was $248 million") or the ratio
# of another ("adjusted operating margin") gives no such ratio.
_RATIO_NOUNS = frozenset({"margin", "margins", "ratio", "ratios", "yield", "yields"})
_RATIO_STEMS = frozenset(_canonical(stem(w)) for w in _RATIO_NOUNS)


def ratio_of(topic: str) -> frozenset[str]:
    """The words of a ratio asked of a quantity: a ratio noun (``_RATIO_NOUNS``) right after a
    quantity noun, both as stems ("ebitda", "margin" of "adjusted EBITDA margin"; none of
    "operating margin": "operating" is no quantity)."""
    tokens = _TOKEN.findall(topic)
    pairs = [(before, t) for before, t in zip(tokens, tokens[1:]) if t.lower() in _RATIO_NOUNS and _is_quantity(before)]
    return frozenset(_quantity_stem(w) for pair in pairs for w in pair)


# Quantities said of any other ("growth", "price") or of its future ("guidance"): a quantity noun before
# one of them is the quantity asked ("revenue guidance"), not a kind of it.
_SAID_OF_ANY = frozenset(_canonical(stem(w)) for w in "guidance outlook".split())


def quantity_modifiers(topic: str) -> frozenset[str]:
    """The quantity nouns of ``topic`` (stems) right before another that they say the kind of:
    "order" of "order backlog", "dividend" of "dividend yield", "customer" of "customer deposits";
    not before a quantity said of any ("revenue growth", "margin guidance"). A sentence naming only
    the modifier states another quantity ("Orders rose 4.2%" gives no backlog)."""
    # (a modifier is singular and counts things, ``_NO_MODIFIERS``: "revenue ebit fy38?", "orders revenue q3", "capex spending" list two)
    return frozenset(
        _quantity_stem(before) for before, after in pairwise(_TOKEN.findall(topic))
        if _is_quantity(before) and _is_quantity(after) and not before.lower().endswith("s")
        and _quantity_stem(after) not in _ANY_QUANTITY | _SAID_OF_ANY and _quantity_stem(before) not in _NO_MODIFIERS
    )


def states_ratio(wants: AskedFor, sentence: frozenset[str]) -> bool:
    """Whether a sentence (its stems) states the ratio asked of a quantity (``AskedFor.ratio``:
    both words), or none is asked, or it states another quantity asked beside the ratio ("sales"
    of "q3 sales + ebitda margin": it answers that ask)."""
    stated = canonical_all(sentence)
    others = wants.quantities - wants.ratio - _ANY_QUANTITY - _SAID_OF_ANY  # ("ebitda margin guidance": no other ask)
    return wants.ratio <= stated or bool(wants.ratio and (others | _kin(others)) & stated)


def states_only_its_ratio(wants: AskedFor, sentence: str) -> bool:
    """Whether ``sentence`` writes the total of money asked ("EBITA" of "Lifco EBITA 2038") only
    as the quantity of a ratio ("an EBITA margin of 22.5%"): its figures are the ratio's, no level
    of the total. Not when the question asks a ratio or a change itself, nor when the sentence
    also names the total on its own ("EBITA of SEK 7bn, a margin of 22.5%")."""
    asked = wants.quantities & _MONEY_TOTALS
    if not wants.total or not asked or wants.ratio or wants.quantities & (_GROWTH | _RATIO_STEMS):
        return False
    if any(m.group("currency") for m in _AMOUNT.finditer(sentence)):  # "(EUR 1.1 billion)": the level too
        return False
    tokens = [_quantity_stem(w) for t in _TOKEN.findall(sentence) for w in t.split("-") if w]  # ("EBITA-margin")
    named = [i for i, t in enumerate(tokens) if t in asked]
    return bool(named) and all(i + 1 < len(tokens) and tokens[i + 1] in _RATIO_STEMS for i in named)


# Abbreviations whose long form names a quantity ("fcf": free cash flow, "arpu"): folded into one
# measure word (``_abbreviation_forms``), such a term would otherwise ask no quantity at all, and any
# cash flow would answer "free cash flow".
_ABBREVIATED_QUANTITIES = frozenset(
    _canonical(stem(short)) for short, long in {**ABBREVIATIONS, **SHORTHAND}.items()
    if any(_is_quantity(w) for w in long.split()) and _canonical(stem(short)) != _canonical(stem(long))
)


# Desk shorthand by its stem: it asks its quantity only where the glossary reads it so
# (``reads_as_shorthand``: "fq3 rev", not "rev group").
_SHORTHAND_BY_STEM = {_canonical(stem(short)): short for short in SHORTHAND}


def asked_quantities(topic: str, measure: frozenset[str]) -> frozenset[str]:
    """The measure words the topic writes as a quantity noun ("revenue", "deliveries"), or as an
    abbreviation of one ("fcf"; desk shorthand where the glossary reads it so: ``reads_as_shorthand``)."""
    tokens = _TOKEN.findall(topic)
    nouns = frozenset(
        _canonical(stem(t.lower().removesuffix("'s"))) for t, after in zip(tokens, [*tokens[1:], ""]) if _is_quantity(t) and not _names_a_kind(t, after)
    )
    abbreviated = {w for w in _ABBREVIATED_QUANTITIES if w not in _SHORTHAND_BY_STEM or reads_as_shorthand(_SHORTHAND_BY_STEM[w], topic)}
    return (nouns | abbreviated) & measure


# The singulars of quantities counted in the plural ("delivery" of "deliveries", "order" of "orders"):
# one before a plural noun says what kind of thing that is ("delivery systems", "order books").
_COUNTED_SINGULARS = frozenset(w for w in _QUANTITY_WORDS if w not in _QUANTITY_LIST and not w.endswith("s"))


# Plural nouns that say how many of a counted thing there are, or are expected: "subscriber numbers",
# "delivery targets", "order expectations", "customer wins".
_HOW_MANY_NOUNS = frozenset(
    "numbers figures counts totals levels additions adds trends metrics stats statistics targets estimates forecasts "
    "expectations goals projections accounts wins gains losses declines".split()
)


def _names_a_kind(token: str, after: str) -> bool:
    """Whether a quantity noun (``token``) is a counted quantity's singular naming the kind of the
    plural noun ``after`` it, no quantity ("delivery" of "delivery systems"; not "order" of "order
    volumes": that is the volume of orders, ``quantity_modifiers``; nor "subscriber numbers")."""
    later = after.lower()
    return (
        token.lower() in _COUNTED_SINGULARS and later.endswith("s") and not later.endswith("ss")
        and not _is_quantity(after) and later not in STOPWORDS | _HOW_MANY_NOUNS
    )


def segment_words(text: str, resolver: TickerResolver | None) -> str:
    """The words of the company mentions in ``text`` that are not the company's name: the
    segment or product an alias names ("AWS" for Amazon, "Cloud" of "Alibaba Cloud"), not the
    name shortened or misspelt (``types_word``: "Amex" of American Express, "vally" of Ridgeline
    Valley Bancorp), nor typed without its accents ("durr" of Dürr)."""
    if resolver is None:
        return ""
    words = []
    for m in resolver.mentions(text, case_sensitive_names=False):
        name = fold_accents(resolver.directory.name_of(m.ticker))
        known = set(stems(name)) | {m.ticker.lower()}
        letters = re.sub(r"[^a-z0-9]", "", f"{name}{m.ticker}".lower())  # the name spelt another way: "JP Morgan", "Amex"
        known |= {initials(name).lower()}  # or by its initials: "PMI" for Philip Morris International
        mentioned = text[m.start : m.end]
        content = set(stems(mentioned))
        words += [
            w for t in _TOKEN.findall(mentioned)
            if (w := stem(t.lower())) in content and w not in known and t.lower() not in letters
            and not types_word(t, letters) and not any(types_word(t, word) for word in name.split())
        ]
    return " ".join(words)


# A word of letters and digits that is a figure with its unit ("12m", "3x", "2nd", "1990s", "10y"), an
# estimate's year ("2025E") or a period ("CY24", "9MFY25"), not a name.
_FIGURE_WORD = re.compile(
    r"\d+(?:[.,]\d+)?(?:mn|bn|mm|mln|bln|tn|[mbkxtdhw]|st|nd|rd|th|s|pct|bps?|[yi]|yrs?|mos?)"  # "12m", "3x", "50bp", "10y" (stem "10i"), "30d"
    r"|\d{2,4}[ef]|\d+mfy\d*|(?:cy|fy|[qh])\d{1,4}|(?:usd|eur|gbp|rs|inr)\d[\d.]*\w*",  # "2025e", "9mfy25", "cy24", "usd1bn"
    re.IGNORECASE,
)


def _is_code(word_stem: str) -> bool:
    """Whether a stem mixing letters and digits names a product or model ("precision7", "2k26",
    "a350"), not a figure with its unit nor a shorthand period (``_FIGURE_WORD``; the caller also
    drops what ``periods`` reads)."""
    return any(ch.isdigit() for ch in word_stem) and any(ch.isalpha() for ch in word_stem) and not _FIGURE_WORD.fullmatch(word_stem)


# How a figure is asked, not what of: "how far did shipments drop?", "how quickly did it grow?" (not
# "far east revenue": there "far" names the region).
_HOW_ADVERB = re.compile(r"\bhow\s+(far|quickly)\b", re.IGNORECASE)


def _measure_words(text: str, topic: str, left_out: frozenset[str]) -> frozenset[str]:
    """The content words of ``topic`` that name what is asked: without ``left_out``, periods,
    figures and comparison words; with the codes that name a product or model (``_is_code``)."""
    topic = _COMPARE_WORDS.sub(" ", topic)
    period_words = stems(" ".join(v for values in periods(topic).values() for v in values))
    period_words |= stems(" ".join(spelled_out(text))) - stems(text)  # a period the glossary spelt out ("h1": "first half")
    return frozenset(
        c for t in stems(topic)
        if (c := _canonical(t)) not in left_out and t not in period_words
        and (not any(ch.isdigit() for ch in t) or (_is_code(t) and not periods(t) and not spelled_out(t)))  # "q3", "fy25": periods
    )


# What a thing costs asked by the verb ("what does the X cost?", "how much will the plant cost"):
# its price says it, in the notes' other word.
_COST_AS_VERB = re.compile(r"\b(?:does|do|did|will|would)\s+(?:[\w'\u2019&-]+\s+){1,6}?cost\s*(?:[?.!]|$)", re.IGNORECASE)  # (not "cost acme to build")
_COST, _PRICE = _canonical(stem("cost")), frozenset({_canonical(stem("price"))})


def asked_for(
    text: str, topic: str, resolver: TickerResolver | None = None, previous_topic: str = "", capitals: Capitals | None = None,
) -> AskedFor:
    """``text`` is the question as typed; ``topic`` the question without its company names
    (``Question.topic``), whose content words give the measure, with the segment words of
    its company mentions (``segment_words``; ``resolver`` finds them); ``capitals``, how the
    candidates write words (``capitals_of``), when they are known. A follow-up
    (``previous_topic``, the topic it continues) asks its own measure; one that names none
    ("and in the following quarter?", "how did that hold up?") asks the previous turn's core
    and kind of answer."""
    segment = segment_words(text, resolver)
    topic = f"{topic} {segment}"
    risk = _RISK_QUESTION.search(text) is not None
    if risk:  # risks "to the thesis" are the company's risks: the words name nothing at risk
        text, topic = WHOLE_VIEW.sub(" ", text), WHOLE_VIEW.sub(" ", topic)
    left_out = _GENERIC | _COMPARISON | _RELATIVE | (_RISK_WORDS if risk else frozenset()) | stems(" ".join(_HOW_ADVERB.findall(text)))
    measure, forms = _abbreviation_forms(_measure_words(text, topic, left_out), topic)
    # the segment an alias names ("AWS" of Amazon) and a product's code ("precision7") narrow the measure as a qualifier does
    codes = frozenset(w for w in measure if _is_code(w))
    typed = _with_long_forms(measure, forms)  # the topic writes the long form ("sponsorship & advertising segment")
    quantities = asked_quantities(topic, measure)
    if _COST_AS_VERB.search(text):  # "what does the pulse arc cost?": its price ("priced at EUR 3,990")
        forms = {**forms, _COST: forms.get(_COST, frozenset()) | _PRICE}
    narrowing = _folded(qualifiers(topic, typed, capitals), forms) | (stems(segment) & measure) | codes
    if named_part := part_name_before(topic):  # ("high volume division sales": the division's sales, no volume)
        measure, quantities, narrowing = measure | named_part, quantities - named_part, narrowing | named_part
    asking = topic  # the topic the measure comes from
    if previous_topic and not measure:
        asking = previous_topic
        before, before_forms = _abbreviation_forms(_measure_words(text, previous_topic, left_out), previous_topic)
        quantities, narrowing = asked_quantities(previous_topic, before), qualifiers(previous_topic, before, capitals) | {w for w in before if _is_code(w)}
        measure, forms = measure | quantities | narrowing, {**before_forms, **forms}
    kind = _kind(text, risk, quantities)
    if kind is None and previous_topic and measure == quantities | narrowing:  # "and in the following quarter?"
        kind = _kind(previous_topic, _RISK_QUESTION.search(previous_topic) is not None, quantities)
    names = named_things(asking, measure, capitals)
    count, counted = _count_asked(text, kind)
    ratio = ratio_of(asking) & measure
    total = kind == "figure" and not count and bool(quantities & _MONEY_TOTALS or _HOW_MUCH_SOLD.search(text)) and not _PER_UNIT.search(asking)
    return AskedFor(
        measure, quantities, kind, narrowing - quantities, forms, names, _folded(part_names(asking, _with_long_forms(measure, forms)), forms) - quantities, count, ratio,
        modifiers=quantity_modifiers(asking) & quantities, counted=counted, counted_by_name=_counts_by_name(text, counted & measure),
        total=total, whole_year=kind == "figure" and asks_whole_year(text),
        like_for_like=_LIKE_FOR_LIKE.search(text) is not None,
        # (an amount of money alone: "operating margin in eur terms", "growth in euros" ask none; "derma
        # sales in eur" asks money though sales may count units)
        in_currency=total and not quantities & (_GROWTH | _RATIO_STEMS) and asks_in_currency(text)
        or kind == "figure" and not count and not quantities and _SUM_PAID.search(asking) is not None,  # (not "how much capex did it spend")
        growth=kind == "figure" and asks_growth(asking),
        market_share=kind == "figure" and _MARKET_SHARE_ASKED.search(asking) is not None,
        paid_for=paid_for(asking) if kind == "figure" else frozenset(),
        places=places_named(asking, measure),
        happening=happenings_asked(text) if kind == "time" else frozenset(),
    )


def with_parts_named(wants: AskedFor, sentences: list[str]) -> AskedFor:
    """``wants`` with the asked part of the company (``AskedFor.parts``) among its qualifiers
    where one of ``sentences`` (the candidates) names it as a part (``parts_named``): a segment
    the notes name must be stated for its figure; one they never name ("their car business" of
    an "EV business") is the question's phrasing."""
    named = frozenset().union(*(parts_named(s, wants.parts, wants.forms) for s in sentences)) if wants.parts else frozenset()
    return replace(wants, qualifiers=wants.qualifiers | named) if named else wants


def with_acronyms_spelt(wants: AskedFor, text: str, sentences: list[str]) -> AskedFor:
    """``wants`` with the long form of each acronym the question types ("ams" of "bco ams/drs organic
    growth") that ``sentences`` (the candidates) spell out as capitalised words with its initials
    ("ATM Managed Services") or as the parts of a hyphenated word ("heavy-goods-vehicle" for "hgv"),
    among its ``forms``: a sentence stating the long form states it, as for
    the glossary's abbreviations. The most frequent spelling wins; none when no sentence spells it."""
    forms = dict(wants.forms)
    for typed in dict.fromkeys(w.lower() for w in _ACRONYM_TYPED.findall(text)):
        word = _canonical(stem(typed))
        if word not in wants.measure or word in forms or is_english(typed):
            continue
        runs = (run for s in sentences for run in (*_capitalised_runs(s, len(typed)), *_hyphenated_runs(s, len(typed))))
        spelt = Counter(run for run in runs if "".join(w[0] for w in run).lower() == typed)
        if spelt:
            forms[word] = canonical_all(stems(" ".join(spelt.most_common(1)[0][0])))
    return replace(wants, forms=forms) if forms != wants.forms else wants


_ACRONYM_TYPED = re.compile(r"(?<![\w'])[A-Za-z]{3,5}(?![\w'])")  # (two letters, "gm", are too often something else)
_WORD_OR_BREAK = re.compile(r"[A-Za-z][\w'\u2019-]*|[^\sA-Za-z]+")


def _hyphenated_runs(sentence: str, n: int) -> list[tuple[str, ...]]:
    """The parts of every word of ``n`` parts joined by hyphens in ``sentence`` ("heavy-goods-vehicle",
    which "hgv" abbreviates)."""
    return [tuple(w.split("-")) for w in re.findall(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])", sentence) if w.count("-") == n - 1]


def _capitalised_runs(sentence: str, n: int) -> list[tuple[str, ...]]:
    """Every ``n`` capitalised words in a row in ``sentence``, overlapping ones too ("ATM Managed
    Services" and "Managed Services and" ... for three; punctuation breaks a run)."""
    tokens = _WORD_OR_BREAK.findall(sentence)
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1) if all(t[0].isupper() and t[0].isalpha() for t in tokens[i:i + n])]


def with_products_named(wants: AskedFor, text: str, spans: list[tuple[int, int, str]], sentences: list[str]) -> AskedFor:
    """``wants`` with the measure words typed right after a company's name among its qualifiers
    when one of ``sentences`` writes them with it as one proper name ("trupanion flex" where a note
    writes "Trupanion Flex", "ncm reach exchange" for "NCM Reach Exchange", each word of it): the
    product's figure is asked, not the company's. ``spans``: where ``text`` names each company
    (``Question.spans``)."""
    named = set()
    for _, end, _ in spans:
        written = rf"(?i:\b{re.escape(text[: end].split()[-1])})"  # (the name's last word, as the notes may write the rest otherwise)
        for word in re.findall(r"[A-Za-z][\w-]*", text[end:])[:_QUALIFIER_SPAN]:  # each word the notes write on in capitals: "NCM Reach Exchange"
            canonical = _canonical(stem(word.lower()))
            if _is_quantity(word) or canonical not in wants.measure or canonical in _HOW_MEASURED:
                break
            written = rf"{written}\s+{re.escape(word[0].upper())}{re.escape(word[1:])}"
            if not any(re.search(rf"{written}\b", s) for s in sentences):
                break
            named.add(canonical)
    return replace(wants, qualifiers=wants.qualifiers | named) if named else wants


# Quantities a company may state in words ("the pipeline for the rest of the year is strong"): asked
# alone, with no period ("what's the 2026 outlook?" asks the figures), they ask no figure.
_WORDED_QUANTITIES = frozenset({_canonical(stem("outlook"))})


def _kind(text: str, risk: bool, quantities: frozenset[str]) -> str | None:
    """The kind of answer ``text`` asks for: "time", "risk", "figure" or None."""
    if asks_when(text):
        return "time"
    if risk:
        return "risk"
    worded = quantities <= _WORDED_QUANTITIES and not periods(text)  # "what is Tencent's games outlook?": words may answer
    if _FIGURE_QUESTION.search(text) or (_WHAT_WAS.search(text) and quantities and not worded):
        return "figure"
    terse = _TERSE.match(text) and not _QUESTION_WORD.search(text) and not _ABOUT_QUANTITY.search(text)
    if quantities and (periods(text) or _TO_DATE.search(text)) and terse:  # "FCFS operating margin for Q2 2025?", "revenue so far?"
        return "figure"
    return None


# A question typed as a noun phrase, no question word and no verb opening it: "acme operating margin
# q2 2025?" asks the figure its quantity noun names for the period (not "is acme's margin improving
# in 2025?"; without a period, "cloud margin" may be answered by how it moved).
_TERSE = re.compile(
    r"^\W*(?=\w)(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|any|anything|tell|show|give|list"
    r"|explain|describe|summari[sz]e|compare|thoughts?|views?|comments?|colou?r|take|read|update)\b)",
    re.IGNORECASE,
)
# How much has built up to now ("revenue so far?"): a figure; not "currently" or "already", which
# also ask how a quantity is moving ("cloud growth already slowing?").
_TO_DATE = re.compile(
    r"\b(?:so\s+far|to\s+date|year\s+to\s+date|ytd)\b"
    r"|\bsince\s+(?:the\s+|its\s+|their\s+)?(?:launch|inception|debut|introduction|rollout|roll-out|release|listing|ipo)\b"  # ("sales since launch?")
    r"|\b(?:last|latest|this|previous|prior|most\s+recent)\s+(?:quarter|qtr|half|year|fiscal\s+year)\b",  # a period named relatively ("revenue last quarter?")
    re.IGNORECASE,
)
# Words after a quantity noun that make it the topic of something else: "margin drivers", "revenue commentary".
_ABOUT_QUANTITY = re.compile(
    r"\b(?:drivers?|commentary|comments?|outlook|mix|trends?|story|narrative|risks?|debate|discussion|dynamics|pressures?)\b", re.IGNORECASE,
)


def _abbreviation_forms(measure: frozenset[str], topic: str | None = None) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """An abbreviation and its long form (``ragbot.glossary``, which adds the other form to the
    topic) are one measure word: "capex" is stated by "capex" or by "capital expenditure".
    Returns the measure with each long form folded into its abbreviation, and the long forms. A
    long form is folded only where ``topic`` (when given) writes it as a phrase: "electric coach
    order - how many vehicles" asks of no electric vehicles."""
    forms = {}
    terms = [(short, long, True) for short, long in ABBREVIATIONS.items()] + [(short, long, False) for short, long in SHORTHAND.items()]
    for short, long, both_ways in terms:  # desk shorthand folds only when typed ("comps", not "comparable sales")
        short_stems = {_canonical(w) for w in stems(short)}
        long_stems = frozenset(_canonical(w) for w in stems(long)) - _GENERIC
        if len(short_stems) != 1 or not long_stems:
            continue
        (word,) = short_stems
        if long_stems == {word}:  # "guide" for "guidance": one word already (``_SAME``)
            continue
        if word in measure or both_ways and long_stems <= measure and (topic is None or _as_phrase(long, topic)):
            measure = (measure - long_stems) | {word}
            forms[word] = long_stems
    return measure, forms


def _as_phrase(words: str, text: str) -> bool:
    """Whether ``text`` writes ``words`` in their order, at most one word between two of them
    ("research and development", "capital expenditures"), as stems."""
    said = [_canonical(stem(w)) for w in re.findall(r"[a-z0-9]+", text.lower())]
    wanted = [_canonical(stem(w)) for w in re.findall(r"[a-z0-9]+", words.lower())]
    starts = [i for i, w in enumerate(said) if w == wanted[0]]
    for i in starts:
        at = i
        for w in wanted[1:]:
            at = next((j for j in range(at + 1, min(at + 3, len(said))) if said[j] == w), None)
            if at is None:
                break
        else:
            return True
    return False


def _with_long_forms(measure: frozenset[str], forms: dict[str, frozenset[str]]) -> frozenset[str]:
    """``measure`` with the long forms of its abbreviations (``_abbreviation_forms``), as a topic may type them."""
    return measure.union(*forms.values())


def _folded(words: frozenset[str], forms: dict[str, frozenset[str]]) -> frozenset[str]:
    """``words`` with each long form among them folded into its abbreviation ("advertis" -> "ad")."""
    for short, long in forms.items():
        if words & long:
            words = (words - long) | {short}
    return words


_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*(?:['\u2019]s)?")


def without(text: str, words: frozenset[str], only_quantities: bool = False) -> str:
    """``text`` without its words whose stem (``_SAME`` joined) is one of ``words``; with
    ``only_quantities``, only the quantity nouns among them ("revenue", not "grow")."""

    def keep(m: re.Match) -> str:
        word = m.group()
        dropped = _canonical(stem(word.lower().removesuffix("'s").removesuffix("\u2019s"))) in words
        return "" if dropped and (not only_quantities or _is_quantity(word)) else word

    left = re.sub(r"\(\W*\)", "", _WORD.sub(keep, text))  # and a glossary's parentheses emptied
    left = re.sub(r"\(\s*,\s*|,\s*(?=\))|,\s*(?=,)", lambda m: "(" if m.group().startswith("(") else "", left)  # or left with a comma
    return re.sub(r"\s+([?.,;:!])", r"\1", re.sub(r"\s{2,}", " ", left)).strip()


def generalisations(text: str, wants: AskedFor) -> dict[str, str]:
    """The question ``text`` without each part of what it asks, for ``qualifier_contrast``
    (``contrast.py``): "qualifier" without the segment or product words ("What was JD revenue
    in Q3 2025?" of "What was JD Retail's revenue in Q3 2025?"), "quantity" without the asked
    quantity nouns ("How fast did Yuanbao grow?" of "How fast did Yuanbao's revenue grow?"),
    "time" without the words that ask when. An abbreviation's long form, which the glossary adds
    (``expand``), goes with it. Only the parts the question has, whose removal changes it and
    leaves a content word."""
    long_forms = frozenset(w for q in wants.quantities for w in wants.forms.get(q, ()))
    parts = {
        "qualifier": without(text, wants.qualifiers) if wants.qualifiers else text,
        "quantity": without(without(text, wants.quantities, only_quantities=True), long_forms) if wants.quantities else text,
        "time": _TIME_WORDS.sub(" ", text).strip() if wants.kind == "time" else text,
    }
    return {part: general for part, general in parts.items() if general != text and stems(general)}


# "how many" asks a count ("how many drivers are enrolled"); not "how many of" (a share may answer),
# nor how many times, percent, points or dollars.
_COUNT_QUESTION = re.compile(
    r"\bhow\s+many\b(?!\s+(?:of|times|percent|percentage|points?|basis|bps?|turns|multiples?|cents|dollars|euros|pounds|yen|yuan"
    r"|rmb|won|rupees|francs|millions?|billions?|x)\b)",
    re.IGNORECASE,
)
# A count asked in a noun phrase: what is counted before "count" ("subscriber count", "store
# count"), units sold or shipped ("units sold to date"), after "number of".
_COUNT_NOUN = re.compile(
    r"\b(?!(?:last|latest|final|the|a|an|our|my|by|at)\s)(?P<before>[A-Za-z]+)\s+count\b"
    # (or what holds the things counted: "pairs of power running shoes sold by bata?")
    rf"|\b(?P<units>units?(?=\s+(?:sold|shipped|delivered)\b)|{_HOLDER}(?={_OF_SOLD}))"
    r"|\bnumber\s+of\b", re.IGNORECASE,
)
# ... unless an amount or a ratio of it is asked ("the average selling price of units sold").
_AMOUNT_OF_COUNTED = re.compile(r"\b(?:price|asp|margin|revenue|sales|cost|profit|income|per|average|value)\b", re.IGNORECASE)
_OTHER_FIGURE_ASKED = re.compile(r"\bhow\s+much\b|\bwhat\s+(?:was|is|were|are)\b|\bpercent|%", re.IGNORECASE)
# A number with what makes it no count: a currency before it ("$95", "RMB 30.1", "A$705") or after
# it ("12 million yuan"), a percentage, basis points, a multiple or an ordinal after it ("30-35%",
# "4.1x", "3rd"); a range is one number.
_AMOUNT = re.compile(
    r"(?P<currency>[$\u20ac\u00a3\u00a5\u20b9\u20a9]\s?|\b[A-Z]{3}\s)?(?<![A-Za-z\d])\d[\d,]*(?:\.\d+)?(?:\s?[-\u2013]\s?\d[\d,]*(?:\.\d+)?)?"  # (a range is one)
    r"(?P<rate>\s?(?:%|percent\b|per\s?cent\b|bps\b|basis\s+points?\b|x\b|times\b|-fold\b|st\b|nd\b|rd\b|th\b)"
    r"|(?:\s?(?:thousand|million|billion|trillion|mn|bn|crore|lakh))?\s(?:euros?|dollars?|yuan|yen|pounds?|francs?|rupees?|won"
    r"|EUR|USD|GBP|JPY|CNY|RMB|CHF|INR|KRW)\b)?",
)


# Nouns that say where or for how long, not how many of the asked thing: "live in 12 states" counts
# no closings, "lags by 12 to 24 months" no elevators.
_PLACES = "state country market city region province territory continent branch location site".split()
_SPANS = "second minute hour day week month quarter season year".split()
_SCOPE_NOUNS = frozenset(stem(w) for w in _PLACES + _SPANS)
# The places a number may count, as written, singular and plural ("locations", "countries"; not "marketing")
_PLACE_NOUN_FORMS = frozenset(form for w in _PLACES for form in (w, w + "s", w + "es", w[:-1] + "ies"))
_PLACE_WORDS = 4  # words after a number read for the places it counts (up to a preposition: "4,200 in the quarter")
# The noun a count counts: the word after it, past a second number of a range ("12 to 24 months")
# and words saying which ("12 additional U.S. states"); one joined by a hyphen only describes the
# noun after it ("12 state-owned banks").
_WHICH_COUNTED = ("additional", "more", "new", "other", "further")  # words saying which, not what is counted
_COUNT_MODIFIERS = frozenset(stem(w) for w in _WHICH_COUNTED)
_COUNTED_NOUN = re.compile(
    rf"(?:\s*(?:to|or|and)\s+\d[\d,.]*)?\s+(?:of\s+(?:its|the|their|our|all)\s+)?(?:(?:{'|'.join(_WHICH_COUNTED)}|u\.s\.|us)\s+)*([A-Za-z]+)(-?)", re.IGNORECASE,
)


_SIZE_AFTER = re.compile(r"-(?!(?:plus|odd|some|strong)\b)([A-Za-z]+)")  # (not "20-plus stores", "12,000-odd staff")
# A unit written onto a number ("400g", "12kg", "75kWh", "5ml"): the number measures, it counts nothing
# (unless a scale, ``_SCALE_AFTER``: "10k", "2mln"; an ordinal, "3rd", is an ``_AMOUNT``'s rate).
_UNIT_GLUED = re.compile(r"[A-Za-z]{1,3}\b")


_DECIMAL = re.compile(r"\d\.\d")
_SPELLED_COUNT = re.compile(  # (not "a dozen", "hundreds": no count given)
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half\s+a)\s+(?:thousand|million|billion)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?:\s+(?:thousand|million|billion))?",  # ("nearly one billion monthly users", "two million subscribers")
    re.IGNORECASE,
)


# Where the noun phrase after "how many" ends: a verb of the question or a preposition ("how many
# unlimited wash club members did ...", "how many plans has Acme sold").
_COUNTED_PHRASE_END = re.compile(
    r"\b(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could|in|at|of|for|on|by|from|to|with|across|since|during|over|the)\b|[?,;:]|\.(?!\d)",
    re.IGNORECASE,
)
_COUNTED_WORDS = 4  # (at most: the phrase's head noun and the words before it)
# ... or of a set the question names, sold, shipped or delivered ("how many of the rmb 9.9 noodle bowls
# has it sold?"; not "how many of its stores are profitable?", a share), its price or size no word of
# what is counted (``_AMOUNT_WORD``)
_COUNT_OF_THE = re.compile(r"\bhow\s+many\s+of\s+(?:the|its|their)\s+(?=[^?]*\b(?:sold|sell|shipped|ship|delivered|deliver)\b)", re.IGNORECASE)
# (not a count of things a company sells or runs: "how many of the 12 analysts rate it a buy?")
_NOT_THINGS_COUNTED = frozenset(
    "note notes company companies analyst analysts name names stock stocks ticker tickers holding holdings peer peers broker brokers them".split()
)
_AMOUNT_WORD = re.compile(r"(?:[a-z]{3}|[$\u20ac\u00a3\u00a5])?\d[\d.,]*[a-z%]*", re.IGNORECASE)


def _is_amount_word(word: str) -> bool:
    """A figure ("9.9", "rmb9.9", "$5") or a currency it is in ("rmb": ``UNIT_CURRENCIES``)."""
    return _AMOUNT_WORD.fullmatch(word) is not None or word.upper() in UNIT_CURRENCIES


# A company's places of business, each counting its outlets: "how many stores" is answered by "the
# network reached 1,086 branches" or "85 locations" (a place, ``_PLACES``, counts only when asked).
_OUTLETS = frozenset(_canonical(stem(w)) for w in "store shop outlet branch location restaurant".split())


def _count_asked(text: str, kind: str | None) -> tuple[bool, frozenset[str]]:
    """Whether a question asking a figure asks a count, and the stems of what it counts: the noun
    phrase after "how many" (up to its head noun), the two words after "number of", the word
    before "count", units, or what holds the things sold ("pairs of ... sold"); an outlet counted
    is counted by any outlet (``_OUTLETS``)."""
    if kind != "figure" or _OTHER_FIGURE_ASKED.search(text):
        return False, frozenset()
    how_many = _COUNT_QUESTION.search(text)
    of_the = None if how_many else _COUNT_OF_THE.search(text)
    if how_many := how_many or of_the:
        phrase = [w for w in _COUNTED_PHRASE_END.split(text[how_many.end():], maxsplit=1)[0].split() if not _is_amount_word(w)]
        if of_the and phrase and phrase[0].lower() in _NOT_THINGS_COUNTED:
            return False, frozenset()
        counted = " ".join(phrase[:_COUNTED_WORDS] or text[how_many.end():].split()[:2])
    elif (noun := _COUNT_NOUN.search(text)) and not _AMOUNT_OF_COUNTED.search(text):
        counted = noun.group("before") or noun.group("units") or " ".join(text[noun.end():].split()[:2])
    else:
        return False, frozenset()
    counted_stems = canonical_all(stems(counted))
    return True, counted_stems | _OUTLETS if counted_stems & _OUTLETS else counted_stems



def states_count(sentence: str, counted: frozenset[str] = frozenset(), by_name: bool = False) -> bool:
    """Whether ``sentence`` holds a count: a number that is no amount of money, percentage or
    multiple, nor a size, date or name's number, nor a decimal without a scale ("81,302 vehicles",
    "26.1 million policies"; not "an energy factor of 4.1", "a 2-cubic-foot bag",
    "$95 per checkout lane", "30% of its projects", "4.1x"), nor of places or spans of time
    (``_SCOPE_NOUNS``) unless the question counts them (``counted``, the stems after "how many":
    "how many months of backlog"), nor what one of the counted things holds ("a pack of 18" for
    "how many packs"); a thing counted by name (``by_name``) only by a count of it
    (``counts_another``)."""
    text = _without_dates_and_names(sentence)
    for m in _AMOUNT.finditer(text):
        if m.group("currency") or m.group("rate"):
            continue
        if _DECIMAL.search(m.group(0)) and not _SCALE_AFTER.match(text, m.end()):  # "an energy factor of 4.1": a measure
            continue
        one = _ONE_OF.search(text, 0, m.start())  # "a pack of 18": what one counted thing holds, no count of them
        if one and _canonical(stem(one.group(1).lower())) in counted:
            continue
        if _UNIT_GLUED.match(text, m.end()) and not _SCALE_AFTER.match(text, m.end()):  # "a 400g pack", "75kWh": a measure, no count
            continue
        size = _SIZE_AFTER.match(text, m.end())  # "a 2-cubic-foot bag", "a 65-gallon tank": a size, no count
        if size:
            if _canonical(stem(size.group(1).lower())) in counted:  # "a 40-compound panel" counts compounds
                return True
            continue
        noun = _COUNTED_NOUN.match(text, m.end())
        word = _canonical(stem(noun.group(1).lower())) if noun and not noun.group(2) else ""
        if word in counted:
            return True
        if _PER_TIME.match(text, noun.end() if noun else m.end()):  # "24,000 parcels per hour": a rate, no count
            continue
        per = None if text[m.end() - 1:m.end()] == "," else _PER_THING.match(text, m.end())  # "8 square metres per pack": a measure of each, no count
        if per and _canonical(stem(per.group(1).lower())) in counted:
            continue
        if word not in _SCOPE_NOUNS and not _says_where(text, m, counted) and not (by_name and counts_another(noun, counted)):
            return True
    return states_spelled_count(text, counted)


# A throughput right after what a number counts: "24,000 parcels per hour" (a machine's rate, no count
# of anything sold; "1,200 departures a day" still counts flights).
_PER_TIME = re.compile(r"\s+(?:per|an?|each)\s+(?:hour|minute|second)\b", re.IGNORECASE)
# A measure of each of a thing: a number's unit, one to three words, then "per" or "each" and the thing
# ("8 square metres per pack", "40 grams each bottle"): the number measures each, it counts none
# (not "sold 3.4 million at EUR 4 per pack", "410,000, with 75 kWh per vehicle": a count before it).
_PER_THING = re.compile(
    r"(?:\s+(?!(?:at|with|for|in|of|and|or|to|from|on|by|a|an|the)\b)[A-Za-z-]+){1,3}?\s+(?:per|each)\s+([a-z]+)\b", re.IGNORECASE,
)
# One of a thing right before a number ("a pack of 18", "each box of 12"): the number is its contents.
_ONE_OF = re.compile(r"\b(?:a|an|one|each|per)\s+([a-z]+)\s+of\s+$", re.IGNORECASE)
# Words after a number that say nothing of what it counts: its scale, or any thing counted ("units").
_ANY_COUNTED = frozenset(stem(w) for w in "million millions billion thousand thousands hundred mn bn m k units unit pieces items".split())


def counts_another(noun: re.Match | None, counted: frozenset[str]) -> bool:
    """Whether the word after a number (``noun``, ``_COUNTED_NOUN``'s match) counts another thing
    than the question counts by name ("how many Vireon syringes": "5 newtons", "12 kW", "214 net
    stores"): not what is counted, no function word, scale or "units". ("How many stores" may be
    answered by "85 locations": ``AskedFor.counted_by_name`` decides whether this is asked.)"""
    if noun is None:
        return False
    word = re.match(r"\w+", noun.string[noun.start(1):]).group(0).lower()  # (with its digits: "R1 Compact machines")
    return word not in STOPWORDS and _canonical(stem(word)) not in counted | _ANY_COUNTED


def _counts_by_name(text: str, counted: frozenset[str]) -> bool:
    """Whether ``text`` writes a word of what it counts (``counted``: stems, no company's name) that
    no lexicon holds and is no bare number: a product's name ("vireon", "r1")."""
    typed = (w for w in re.findall(r"[A-Za-z0-9][\w'-]*", text) if _canonical(stem(w.lower())) in counted)
    return any(not w.isdigit() and not is_english(w.lower()) for w in typed)


# A number after a preposition of place ("sold at about 300 partner veterinary practices",
# "available through 1,200 retailers") says where, not how many of the asked thing, unless what it
# counts is what the question counts ("sold in 5,000 retailer doors" for "how many doors").
_WHERE_BEFORE = re.compile(r"\b(?:at|in|through|across|via)\s+(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|up\s+to)\s+)?$", re.IGNORECASE)
_NOUN_PHRASE_END = re.compile(r"[,;:.()]|\d|\b(?:in|for|during|over|across|at|of|from|to|by|through|via|per|with|among|and|or)\b", re.IGNORECASE)


def _says_where(text: str, number: re.Match, counted: frozenset[str]) -> bool:
    """Whether ``number`` (in ``text``) follows a preposition of place (``_WHERE_BEFORE``) and the
    head noun it counts (the last word of its noun phrase) is not what the question counts."""
    if not _WHERE_BEFORE.search(text, 0, number.start()):
        return False
    words = re.findall(r"[A-Za-z]+", _NOUN_PHRASE_END.split(text[number.end():], maxsplit=1)[0])
    head = _canonical(stem(words[-1].lower())) if words else ""
    return bool(head) and not any(head.startswith(c) or c.startswith(head) for c in counted)  # ("dealers" counts dealerships)


def states_spelled_count(sentence: str, counted: frozenset[str]) -> bool:
    """Whether ``sentence`` spells out a number right before what the question counts (``counted``):
    "opened four new veterinary practices", "Four operational satellites" (not "cut its lineup from
    five series to three" for beds, nor "two new directors" for stores)."""
    nouns = counted - _COUNT_MODIFIERS
    return any(nouns & canonical_all(stems(" ".join(sentence[m.end():].split()[:3]))) for m in _SPELLED_COUNT.finditer(sentence))



# Quantities that are totals of money: a price with no scale ("launched at $599", "a list price of
# about $1,900", "$14 per student") states none of them. Not when the question asks one per unit
# ("revenue per available room", "average sales per store").
_MONEY_TOTALS = frozenset(_canonical(stem(w)) for w in "revenue sales turnover bookings gmv backlog ebitda ebit ebita fcf".split())
# Quantities asked only as figures, amounts of money or ratios: a follow-up naming one after a figure
# was asked asks its figure ("what about the truck segment's margin?"; ``ExtractiveAnswerer.asked_kind``).
FIGURE_QUANTITIES = _MONEY_TOTALS | _RATIO_STEMS | frozenset(_canonical(stem(w)) for w in "profit income earnings eps margin cash".split())
_MONEY_ONLY = _MONEY_TOTALS - frozenset(_canonical(stem(w)) for w in "sales bookings backlog".split())  # (sales, bookings, backlog may count units)
_HOW_MUCH_SOLD = re.compile(r"\bhow\s+much\b.*\b(?:sold|sells?|selling)\b", re.IGNORECASE)  # sales asked by the verb
_PER_UNIT = re.compile(r"\bper\b|\baverage\b|\beach\b|/|\bunit\s+(?:price|basis|economics)", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"[\s-]?(?:thousand|million|billion|trillion|mn|bn|mm|mln|bln|tn|trn|mil|crores?|cr|lakhs?|[mbk])\b", re.IGNORECASE)
_TRILLIONS_AFTER = re.compile(r"[\s-]?T\b")  # "$1.2T"; in capitals only ("12 t" may be tonnes)
# A table's unit ("[in millions of U.S. dollars]", "(USD millions)", "($m)", "(€000s)") or a multiple
# word ("doubled"): the figures are totals.
_IN_UNITS = re.compile(
    r"\bin\s+(?:thousands|millions|billions)\b|[\[(][^\])]*\b(?:thousands|millions|billions)\b|[\[(]\s*(?:[$\u20ac\u00a3]|usd|eur|gbp)?\s*(?:m|mn|bn|000s|'000s?)\s*[\])]"
    r"|\b(?:doubled?|tripled?|quadrupled?|halved?)\b",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(rf"\s+(?:{'|'.join(_SPANS)})s?\b", re.IGNORECASE)  # a span of time, no amount ("30 minutes")
_COUNT_UNIT = re.compile(r"[\[(][^\])]*\bnumber\s+of\b", re.IGNORECASE)  # a table whose unit is a count
_PRICE_LIMIT = 10_000  # an amount of money below this, with no scale, is a price, never a company's total


# A year said whole in words: "full-year", "for the year", "annual", "fiscal year", "year-end", "ended
# the year"; a year qualifying what follows it, "Cavco's 2025 revenue reached $5.1 billion", "its 2025
# sales". (A fiscal year, "FY2025" or "fiscal 2025", is read from the sentence's periods:
# ``states_part_of_year``.)
_WHOLE_YEAR = re.compile(
    r"\bfull[- ]year\b|\bfor the (?:fiscal )?year\b|\bannual\b|\bfiscal year\b|\byear[- ]end\w*"
    r"|\b(?:end(?:ed|ing|s)?|clos(?:ed|ing|es)|finish(?:ed|ing|es)?|exit(?:ed|ing|s)?)\s+the\s+(?:fiscal\s+)?year\b"  # "backlog ended the year at"
    r"|(?:['\u2019]s|\bits|\btheir|\bthe)\s+20\d\d\s+(?!(?:first|second|third|fourth)\b)[a-z]",
    re.IGNORECASE,
)
_FULL_YEAR_ASKED = re.compile(r"\bfull[- ]year\b", re.IGNORECASE)


def asks_whole_year(question: str) -> bool:
    """Whether a question asks a fiscal or full year's figure ("homes sold in fiscal 2025",
    "FY25 revenue", "full-year 2025 sales"), naming no quarter or half of it. A bare year ("sales
    in 2025", "net debt at year-end 2025") is left open: the notes may give it only by quarter,
    or as it stood at a quarter's end."""
    asked = periods(question)
    whole = "fiscal_year" in asked or ("year" in asked and _FULL_YEAR_ASKED.search(question) is not None)
    return whole and not asked.keys() & PARTS_OF_YEAR


def states_part_of_year(sentence: str) -> bool:
    """Whether a sentence's periods are a quarter or half and no whole year ("fiscal
    fourth-quarter 2025 ... 4,770 homes sold", "second-quarter FY2031 EPS"): its figures are that
    part's, not the year's. A fiscal year written with a quarter or half ("Q2 of fiscal 2031") is
    that part's year; one written alone ("FY2025 revenue ..., Q4 ...") is a whole year."""
    named = periods(sentence)
    if not named.keys() & PARTS_OF_YEAR:
        return False
    years_of_parts = {value.split("/")[1] for kind in ("quarter_of_year", "half_of_year") for value in named.get(kind, ())}
    return not set(named.get("fiscal_year", ())) - years_of_parts and _WHOLE_YEAR.search(sentence) is None


# Sales counted like for like: "comparable store sales", "same-store sales", "like-for-like revenue",
# "organic revenue growth", "constant-currency sales", "comps". Another measure than the total.
_LIKE_FOR_LIKE = re.compile(
    r"\b(?:comparable|same[- ]\w+|like[- ]for[- ]like|lfl|organic|constant[- ]currency)(?:\s+(?:store|restaurant|hotel|unit|branch))?"
    r"\s+(?:sales|revenues?|turnover|growth)\b|\bcomps?\b",
    re.IGNORECASE,
)


def states_only_like_for_like(sentence: str, asked: AskedFor) -> bool:
    """Whether a sentence gives the asked revenue or sales only like for like ("comparable store sales
    growth of 4.1%" for "total revenue growth"), when the question does not ask that."""
    wanted = (asked.quantities | _kin(asked.quantities)) & _REVENUE_KIN
    if asked.like_for_like or not wanted:
        return False
    rest = _LIKE_FOR_LIKE.sub(" ", sentence)
    return bool(canonical_all(stems(sentence)) & wanted) and not canonical_all(stems(rest)) & wanted


_CURRENCY_WORDS = r"(?:euros?|dollars?|us\s+dollars|pounds?|sterling|francs?|swiss\s+francs|yen|yuan|renminbi|rupees?|won|kronor|kroner|krona)"
_IN_CURRENCY = re.compile(
    rf"\bin\s+(?:{_CURRENCY_WORDS}|(?P<code>[A-Za-z]{{3}}))\b(?!\s+(?:area|zone|stores?|shops?|of)\b)|\bhow\s+many\s+{_CURRENCY_WORDS}\b", re.IGNORECASE,
)  # (not "sales in euro area markets", "in dollar stores", "in pounds of coffee")
# An amount in a currency: a symbol or code before a number, a currency's name after one, or a table
# row whose header names its currency ("[Revenue by segment ($ million)] | FY2025: 124.9").
_SCALE_WORDS = r"(?:thousand|million|billion|trillion|mn|bn|m|k|crore|lakh)"
_MONEY = re.compile(
    rf"[$\u20ac\u00a3\u00a5\u20b9\u20a9]\s?\d|\b(?:Rs\.?|(?P<code>[A-Z]{{3}}))\s?\d"
    rf"|\d(?:\s?(?i:{_SCALE_WORDS}))?\s(?:(?i:{_CURRENCY_WORDS})\b|(?P<after>[A-Z]{{3}})\b)"
    rf"|\((?:[$\u20ac\u00a3\u00a5]|(?P<unit>[A-Z]{{3}}))[^)]*\)[^|]*\|",
)


# A sum paid or spent asked by its verb ("how much did Acme spend on the new coaster?", "what did
# Acme pay for Beta?"): an amount of money answers it, not a percentage or a count.
# (the verb's own: "how much did paid memberships grow?" asks none; nor a share of something spent:
# "what percentage of revenue did it spend on r&d?")
_SUM_PAID = re.compile(
    r"\b(?:how\s+much|what)\s+(?!(?:percentage|percent|share|proportion|portion|%)\b)[^?.]*?\b(?:spen[dt]|pa(?:y|id)|invest(?:ed)?)"
    r"(?=\s+(?:on|for|in|into|to)\b|\s*[?.!]|\s*$)",
    re.IGNORECASE,
)


# ... and what it went on ("spend on the new coaster", "pay for Viessmann", "invest in r&d in fy25").
_PAID_FOR = re.compile(
    r"\b(?:spen[dt]|pa(?:y|id)|invest(?:ed)?)\s+(?:on|for|in|into)\s+(?:(?:the|its|their|a|an|this|that)\s+)?"
    r"((?:[\w&'\u2019-]+\s+){0,5}?[\w&-]+)(?=\s+(?:during|over|last|this|since|by|so|through|year|q[1-4]|fy\w*|20\d\d)\b|\W*$|\s*[?.!,;])",
    re.IGNORECASE,
)


def paid_for(text: str) -> frozenset[str]:
    """The stems of what a sum is asked to be spent on (``_PAID_FOR``): its content words, no
    period, and no company named ("pay for the company": the asked company put so; "r&d", written
    many ways, names none)."""
    found = _PAID_FOR.search(text)
    words = found.group(1).lower().split() if found else []
    return frozenset(
        _canonical(stem(w)) for w in words if w.isalpha() and not PERIOD_WORD.fullmatch(w) and w not in STOPWORDS | _NOT_PAID_FOR
    )


_NOT_PAID_FOR = frozenset("company new its their total".split())


def states_paid_for(asked: AskedFor, stated: frozenset[str]) -> bool:
    """Whether a sentence (its stems, ``stated``) names something the sum was asked to be spent on,
    or its long form ("capital expenditure" for "capex"): "revenue of EUR61 million" answers no
    "how much did it spend on the new coaster?"; "It paid $600 million for 25% of Beta" answers
    "what did it pay for its stake in beta?"."""
    said = canonical_all(stated)
    return not asked.paid_for or any(w in said or asked.forms.get(w) and asked.forms[w] <= said for w in asked.paid_for)


def asks_in_currency(text: str) -> bool:
    """Whether ``text`` names the currency it asks an amount in: "cloud revenue in eur for fy21?",
    "in dollars", "how many euros" (a major currency's code, ``UNIT_CURRENCIES``: not "in AMD's data
    center", "in sap's cloud", "in 2025")."""
    def currency(m: re.Match) -> bool:
        code = m.group("code")
        return code is None or code.upper() in UNIT_CURRENCIES and not text[m.end():].startswith(("'", "\u2019"))
    return any(currency(m) for m in _IN_CURRENCY.finditer(text))


def states_money(sentence: str, asked: AskedFor | None = None) -> bool:
    """Whether ``sentence`` states an amount in some currency (``_MONEY``), not only a percentage or
    a count; with ``asked``, an amount after the asked quantity or none ("net sales of SEK 10.2
    billion, with organic order growth of 5.1%" states no orders in SEK; "free cash flow, after
    capex, was $60.2 billion" states free cash flow)."""
    wanted = asked.quantities - _ANY_QUANTITY if asked else frozenset()
    kin = wanted | _kin(wanted) | {w for q in wanted for w in asked.forms.get(q, ())} if asked else frozenset()

    def of_asked(start: int) -> bool:
        before = canonical_all(stems(sentence[:start])) & (_QUANTITY_NOUNS - _ANY_QUANTITY)
        return not before or bool(before & kin)

    return any(
        (not (code := m.group("code") or m.group("unit") or m.group("after")) or code in _CURRENCY_CODES)
        and (not wanted or of_asked(m.start()))
        for m in _MONEY.finditer(sentence)
    )


def asks_money(wants: AskedFor) -> bool:
    """Whether a total only of money is asked ("revenue", "EBITDA"; not "sales", which may count units)."""
    return bool(wants.quantities & _MONEY_ONLY)


# An amount said to be a price ("a list price of", "priced at", "prices starting at"): one thing's, no total.
# (not "sell the division at a price of EUR 2.1 billion", a deal's total, nor "higher prices of EUR 300 million")
_PRICED = re.compile(
    r"\b(?:(?:list|shelf|retail|selling|sticker|launch|unit)\s+prices?\s+(?:of|at|from|starting\s+(?:at|from))|priced\s+(?:at|from)"
    r"|prices?\s+starting\s+(?:at|from))\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE,
)
_PRICED_REACH = 40  # characters before an amount read for it


def states_total(sentence: str, money: bool = False) -> bool:
    """Whether ``sentence`` holds a figure that may be a total of money, not only prices:
    "launched the Elyte driver at $599" and "a 65-gallon model at about $1,900" give no revenue.
    A total is a percentage, a scaled amount ("$4.5 million"; a table row "in millions"), a number
    with no currency (a count, or an amount in the table's unit), or ten thousand or more. With
    ``money`` (revenue or another total only of money is asked), a bare number in prose, not a table
    row, is a count ("our rental fleet comprised 1,185 tower cranes"), no amount, as is a row of a
    table counting things ("(number of tower cranes)")."""
    text = _without_dates_and_names(sentence)
    if money and _COUNT_UNIT.search(sentence):  # a table of counts: "[Rental fleet at year end (number of tower cranes)]"
        return False
    counts_only = money and "|" not in sentence
    if _IN_UNITS.search(text):
        return True
    for m in _AMOUNT.finditer(text):
        if m.group("currency") and _PRICED.search(text, max(0, m.start() - _PRICED_REACH), m.start()):
            continue  # "at a list price of \u00a528 million": a price however large
        if m.group("rate") or _SCALE_AFTER.match(text, m.end()) or _TRILLIONS_AFTER.match(text, m.end()):
            return True
        if text[m.end(): m.end() + 1] == "-" or _SPAN_AFTER.match(text, m.end()) or _counts_places(text, m.end()):
            continue  # "65-gallon", "12-month", "30 minutes", "471 locations": a size, span or count of places
        if m.group("currency") and _first_number(m.group(0)) >= _PRICE_LIMIT or (not m.group("currency") and not counts_only):
            return True
    return False


def _counts_places(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts places (``_PLACES``): a place noun among the
    next words of its clause ("471 locations", "433 were Express Exterior locations")."""
    clause = re.split(r"[,;:.()]|\b(?:in|for|during|over|across|at|of|from|to|by)\b", text[end:], maxsplit=1)[0]
    return any(word.lower() in _PLACE_NOUN_FORMS for word in re.findall(r"[A-Za-z]+", clause)[:_PLACE_WORDS])


def _first_number(amount: str) -> float:
    """The first number of an amount or a range ("$1.5\u20132.5" -> 1.5, "$1,500-2,000" -> 1500)."""
    found = re.search(r"\d[\d,]*(?:\.\d+)?", amount)
    return float(found.group(0).replace(",", "")) if found else 0.0


# A year that dates a figure, not an event: "11 times expected 2025 adjusted EBITDA", "its 2026 guidance".
_YEAR_OF_FIGURE = re.compile(
    r"\b(?:FY\s?)?(?:19|20)\d{2}E?\s+(?:(?:adjusted|expected|estimated|organic|pro[- ]forma|net|gross|operating|consolidated|core"
    r"|underlying|total|reported|comparable|diluted|free|full[- ]year)\s+){0,2}([A-Za-z][\w-]*)",
    re.IGNORECASE,
)


def states_event_time(sentence: str) -> bool:
    """Whether ``sentence`` holds a time an event may be dated by: ``states_kind("time")`` without
    the years that only date a figure ("agreed to acquire it for 11 times expected 2025 adjusted
    EBITDA" says nothing of when the deal closes) and the periods named only as a comparison's base
    ("utilisation was lower than in the fourth quarter" dates nothing)."""
    undated = _YEAR_OF_FIGURE.sub(lambda m: m.group(0) if not _is_quantity(m.group(1)) else m.group(1), sentence)
    return states_kind("time", without_comparison_bases(undated))


def states_kind(kind: str | None, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of answer asked: a figure (``_FIGURE``, not a date or a
    name's number: ``_without_dates_and_names``), a time, a risk (a risk, hedge or adverse development,
    ``_RISK_CUE``), or anything (None)."""
    if kind == "risk":
        return _RISK_CUE.search(sentence) is not None
    if kind == "figure":
        return _FIGURE.search(_without_dates_and_names(sentence)) is not None
    if kind == "time":
        return bool(periods(sentence)) or _TIME.search(sentence) is not None
    return True


# Where a sentence joins two statements, each with its own subject: "Americas revenue per day rose
# 2%, while the International segment saw softer pricing", "...—and Aftermarket revenue grew 22%",
# ", and management kept ...", ", and said it would restart ..."; not a list ("Mac, iPad, and
# Wearables rose 5%, 3% and 12%").
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|[,\u2014\u2013]\s*(?:but|while|whereas|although|though|yet)\b|\b(?:while|whereas)\b"
    r"|\u2014\s*and\b|,\s*(?:and|as)\b(?=\s+(?:the|its|it|their|they|management|we|a|an|this|that|these|those)\b)"
    r"|,\s*and\b(?=\s+(?:said|says|added|adds|noted|notes|expects?|plans?|aims?|intends?)\b))\s*",
    re.IGNORECASE,
)  # (", as the exit from distribution weighed on the Hawthorne business": the cause, a clause of its own)


# A cause named after a figure: ", as Plasma Control Technologies benefited from ..." (a clause of its own
# when the clause before states a figure; "Services hit a record, as App Store revenue rose 13%" gives
# the record's figure in the cause).
_NAMED_CAUSE = re.compile(r",\s*as\s+(?=[A-Z])")


def clauses(sentence: str) -> list[str]:
    """``sentence``'s clauses, each with its own subject (``_CLAUSE_BREAK``, ``_NAMED_CAUSE``)."""
    parts = []
    for part in _CLAUSE_BREAK.split(sentence):
        cause = _NAMED_CAUSE.search(part)
        before = part[:cause.start()] if cause else ""
        parts += [before, part[cause.end():]] if cause and states_kind("figure", before) else [part]
    return parts


def measured_clauses(wants: AskedFor, sentence: str) -> str:
    """The clauses of ``sentence`` naming an asked quantity (``AskedFor.quantities``, their other
    names or long forms), when some other clause names none; ``sentence`` whole otherwise. Where the
    asked figure's periods may be read ("The board proposed a dividend of CHF 34, and management said
    the backlog entering 2040 was the highest since 2031" dates no dividend 2040)."""
    wanted = wants.quantities - _ANY_QUANTITY
    if not wanted:
        return sentence
    named = wanted | _kin(wanted) | {w for q in wanted for w in wants.forms.get(q, ())}
    parts = clauses(sentence)
    kept = [part for part in parts if canonical_all(stems(part)) & named]
    return " ".join(kept) if kept and len(kept) < len(parts) else sentence


# A clause that opens on a pronoun continues the subject of the one before ("..., and it fell 3%").
_CONTINUES = re.compile(r"(?:it|its|they|their|this|that)\b", re.IGNORECASE)


# Qualifiers that say how a quantity is measured, not whose it is ("operating" income, "segment"
# revenue): any clause may write them.
_HOW_MEASURED = frozenset(_canonical(stem(w)) for w in """
    operating net gross adjusted total organic comparable underlying reported core pretax pre-tax free recurring
    annual annualized quarterly full-year segment segments division unit business main
    nameplate installed design rated
    """.split())


# A sentence saying the asked figure or date was withheld ("declined to disclose a revenue figure",
# "did not disclose Argus-7 orders or pricing", "did not quantify it", "gave no timeline"): what
# follows the withholding words up to the clause's end (``_CLAUSE_BREAK``) is what was withheld.
_WITHHELD = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|would|will|could)\s+not|(?:didn|doesn|don|hasn|haven|hadn|won|wouldn|couldn)['\u2019]t"
    r"|declined\s+to|refused\s+to|not\s+yet)"
    r"\s+(?:\w+\s+){0,2}?(?:disclos(?:e|ed)|quantif(?:y|ied)|break\s+out|broken\s+out|split(?:\s+out)?|reveal(?:ed)?|specif(?:y|ied)|provided?"
    r"|give(?:n)?(?!\s+(?:up|back|way|in)\b)|put\s+a\s+(?:number|figure|date))\b"
    r"|\b(?:without\s+(?:disclosing|quantifying|giving)|gave\s+no|give\s+no|not\s+(?:disclosed|quantified|broken\s+out))\b",
    re.IGNORECASE,
)
# A count before the withholding words ("booked 40 orders but did not disclose their value"); not a
# name's number ("Argus-7 is", "Microsoft 365 Copilot").
_COUNTED = re.compile(r"(?<![\w-])\d[\d,.]*\s+(?:million\s+|billion\s+)?(?!(?:was|has|does|is)\b)[a-z]{2,}s\b")
_MONEY_OR_SHARE = re.compile(
    r"[$\u20ac\u00a3\u00a5\u20b9\u20a9]\s?\d|\d(?:[\d,.]*\d)?\s?(?:%|percent\b|per\s?cent\b|bps\b|basis\s+points?\b|(?:thousand|million|billion|trillion|mn|bn)\b)",
    re.IGNORECASE,
)
_BACK_REFERENCE = frozenset({"it", "them", "that", "this", "those", "these", "either", "its", "their"})


# What happens once something else does ("will raise guidance in 2048 once the cleanroom reaches
# volume output"): the condition is its own clause, whose event the other clause's time does not
# date ("until" and "as soon as" a time date it: "runs until March 2049").
_CONDITION = re.compile(r"\s+(?:once|if|unless|until|as\s+soon\s+as)\s+", re.IGNORECASE)
_DATES_IT = re.compile(r"\s+(?:until|as\s+soon\s+as)\s+$", re.IGNORECASE)  # ... followed by a time, it dates what happens


def conditions_apart(clause: str) -> list[str]:
    """``clause`` cut at each condition it sets (``_CONDITION``): what happens, then each condition;
    "until" or "as soon as" a time is no condition ("runs until March 2049")."""
    parts, start = [], 0
    for m in _CONDITION.finditer(clause):
        if _DATES_IT.fullmatch(m.group(0)) and states_kind("time", clause[m.end():]):
            continue
        parts.append(clause[start:m.start()])
        start = m.end()
    return [*parts, clause[start:]]


def says_withheld(sentence: str) -> bool:
    """Whether ``sentence`` says something was not disclosed, with no figure given before ("the
    release did not split orders across Automation, Paper, and Pulp and Energy"): what it names, it
    gives no figure of ("revenue was $2.0 billion, though it did not split it by region" gives one)."""
    return any(not (_MONEY_OR_SHARE.search(sentence, 0, m.start()) or _COUNTED.search(sentence, 0, m.start())) for m in _WITHHELD.finditer(sentence))


def withholds_asked(sentence: str, measure: frozenset[str]) -> bool:
    """Whether ``sentence`` says what is asked (a word of ``measure``, or a pronoun pointing back
    to it) was not disclosed, with no figure before saying so: "management did not disclose
    Argus-7 orders or pricing" answers no question about Argus-7 orders, though it names them;
    "revenue rose 12% to $5 billion, though it did not break out cloud revenue" still gives revenue."""
    for found in _WITHHELD.finditer(sentence):
        before = sentence[: found.start()]
        if _MONEY_OR_SHARE.search(before) or _COUNTED.search(before):  # a figure given first
            return False
        rest = _CLAUSE_BREAK.split(sentence[found.end():], maxsplit=1)[0]
        words = re.findall(r"[A-Za-z][\w-]*", rest)
        if canonical_all(stems(rest)) & measure or (words and words[0].lower() in _BACK_REFERENCE):
            return True
    return False


# A question asking how things stand now or so far ("what % currently goes through POOL360?",
# "how much revenue has Kinex made so far?"), which a target for later does not answer.
_SO_FAR = re.compile(r"\b(?:currently|so\s+far|to\s+date|right\s+now|at\s+present|as\s+of\s+now|already)\b", re.IGNORECASE)
# Words that make the figure after them in their clause a target ("its target for POOL360 to reach
# 20% of sales", "aims to add 40 stores", "a goal of $1 billion by 2029").
_TARGET = re.compile(r"\b(?:targets?|targeted|targeting|goals?|aims?|aimed|aiming|ambitions?|plans?\s+to|planning\s+to|hopes?\s+to|intends?\s+to|seeks?\s+to)\b", re.IGNORECASE)


def asks_so_far(text: str) -> bool:
    """Whether ``text`` asks how things stand now or so far (``_SO_FAR``)."""
    return _SO_FAR.search(text) is not None


def states_only_targets(sentence: str) -> bool:
    """Whether every amount or share of ``sentence`` is a target: a target word (``_TARGET``)
    comes after the figure before it (or the clause's start, ``_CLAUSE_BREAK``) and before it.
    "Management reiterated its target for POOL360 to account for 20% of total sales" states no
    share of sales today; "versus its target of 20%, POOL360 already accounts for 15%" does."""
    figures = 0
    for clause in _CLAUSE_BREAK.split(sentence):
        start = 0
        for figure in _MONEY_OR_SHARE.finditer(clause or ""):
            if not _TARGET.search(clause, start, figure.start()):
                return False
            figures, start = figures + 1, figure.end()
    return figures > 0


def asks_target(wants: AskedFor) -> bool:
    """Whether the measure asked is itself a target ("what is the price target?")."""
    return bool(wants.measure & _TARGET_STEMS)


_TARGET_STEMS = frozenset(_canonical(stem(w)) for w in "target goal aim ambition plan guidance".split())


def figure_of_qualifier(sentence: str, qualifiers: frozenset[str]) -> bool:
    """Whether a figure of ``sentence`` may be the asked segment's or product's: when the sentence
    names one of ``qualifiers``, a clause naming all it names must hold the figure ("Americas revenue
    per day rose 2%, while the International segment saw softer pricing" gives no figure of
    International; "Specialty Vehicles segment net sales rose 9%, while the Recreational Vehicles
    segment saw softer orders" none of Recreational Vehicles). A sentence naming none leaves whose
    figure it is to its passage (``qualifier_match``)."""
    qualifiers = qualifiers - _HOW_MEASURED - _PART_STEMS  # ("segment" of "fintech segment" names no part: "fintech" does)
    if not qualifiers:
        return True
    parts = clauses(sentence)
    present = qualifiers & canonical_all(stems(sentence))  # a clause names the asked part if it names all of these
    named: list[bool] = []
    for clause in parts:
        named.append(bool(present) and present <= canonical_all(stems(clause)) or bool(named and named[-1] and _CONTINUES.match(clause)))
    return not any(named) or any(n and states_kind("figure", clause) and not _jointly(clause, present) for n, clause in zip(named, parts))


# Two parts given one figure: "EMEA and APAC together added AUD 658 million", "Asia and Europe combined".
# Parts named together, of one word or several, two or more ("EMEA and APAC together", "Fintech, the
# US business and other new businesses together", "Silicon Products and Carbon Solutions combined").
_JOINT_WORD = r"(?!(?:and)\b)[A-Za-z][A-Za-z-]*"  # (no figure nor "and" inside a part: "Cloud grew 12% and Retail and ...")
_JOINT = re.compile(
    rf"\b((?:{_JOINT_WORD},?\s+){{1,8}}?)(?:and|&)\s+((?:{_JOINT_WORD}\s+){{1,4}}?)(?:together|combined|jointly)\b", re.IGNORECASE,
)


def _jointly(clause: str, asked: frozenset[str]) -> bool:
    """Whether ``clause`` gives an asked part's figure only jointly with another's (``_JOINT``)."""
    return any(canonical_all(stems(f"{m.group(1)} {m.group(2)}")) & asked for m in _JOINT.finditer(clause))


def named_only_jointly(sentence: str, passage: str, qualifiers: frozenset[str]) -> bool:
    """Whether the asked part is named, not by ``sentence`` but by its ``passage``, only jointly
    with others ("Insurance, Guaranteed Pensions and Other together contributed NOK 752m" beside the
    group's result): the passage gives the sentence no figure of that part to stand for."""
    asked = qualifiers - _HOW_MEASURED - _PART_STEMS
    return bool(asked) and not asked & canonical_all(stems(sentence)) and _names_only_jointly(passage, asked)


@lru_cache(maxsize=1024)
def _names_only_jointly(passage: str, asked: frozenset[str]) -> bool:
    """Whether ``passage`` names the ``asked`` part, and only jointly (``_jointly``), in every
    sentence naming it (each passage is read once per question, not once per candidate of it)."""
    naming = [s.text for s in split_sentences(passage) if asked <= canonical_all(stems(s.text))]
    return bool(naming) and all(_jointly(s, asked) for s in naming)


# A numbered part of a project or programme ("phase 2", "the second phase", "stage II", "tranche 3"):
# a sentence naming the same part by another number only ("opened the first phase") states another part.
_PART_NUMBERS = {
    **dict.fromkeys(("1", "one", "first", "1st", "i"), "1"), **dict.fromkeys(("2", "two", "second", "2nd", "ii"), "2"),
    **dict.fromkeys(("3", "three", "third", "3rd", "iii"), "3"), **dict.fromkeys(("4", "four", "fourth", "4th", "iv"), "4"),
}
_PART_NOUN = r"(phase|stage|tranche|wave)s?"
_PART_NUMBER = r"(?:[1-4]|one|two|three|four|iv|i{1,3})"
_NUMBERED_PART = re.compile(  # (a list of them too: "phases 1 and 2", "stages 1-3")
    rf"\b{_PART_NOUN}\s+({_PART_NUMBER}(?:\s*(?:,|and|&|-|\u2013|to)\s*{_PART_NUMBER})*)(?![\w.])"
    rf"|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+{_PART_NOUN}\b",
    re.IGNORECASE,
)


def numbered_parts(text: str) -> frozenset[tuple[str, str]]:
    """The numbered parts ``text`` names, as (noun, number): "phase 2" and "the second phase" are
    ("phase", "2"); "phases 1 and 2" both (a range's ends only)."""
    found = set()
    for m in _NUMBERED_PART.finditer(text):
        if m.group(1):
            numbers = re.findall(_PART_NUMBER, m.group(2), re.IGNORECASE)
            found |= {(m.group(1).lower(), _PART_NUMBERS[n.lower()]) for n in numbers}
        else:
            found.add((m.group(4).lower(), _PART_NUMBERS[m.group(3).lower()]))
    return frozenset(found)


def names_another_part(asked: frozenset[tuple[str, str]], sentence: str) -> bool:
    """Whether ``sentence`` names only other numbers of the numbered parts a question asks of
    (``asked``: its ``numbered_parts``): "the first phase opened in April" gives no start of phase 2."""
    stated = numbered_parts(sentence) if asked else frozenset()
    nouns = {noun for noun, _ in asked}
    return bool(stated) and not asked & stated and any(noun in nouns for noun, _ in stated)


# Quantity nouns that say how a quantity is put, not which: "growth", "share" and "size" of anything, a
# "price" or "rate" beside any figure. Neither asked nor stated, they name no neighbouring measure.
_ANY_QUANTITY = frozenset(_canonical(stem(w)) for w in "growth share price pricing rate rates percentage multiple valuation size".split())
# One quantity under several names: a sentence stating any of them states the others ("net sales" for
# revenue, "net profit" for income, "share repurchase" for a buyback).
_REVENUE_KIN = frozenset(_canonical(stem(w)) for w in "revenue revenues sales sale turnover".split())
_KIN = (_REVENUE_KIN, *(frozenset(_canonical(stem(w)) for w in group.split()) for group in (
    "income profit profits earnings", "cost costs expense expenses spending",
    "users subscribers members membership memberships customers", "buyback buybacks repurchase repurchases",
    "guidance guide outlook forecast forecasts", "traffic passengers",
)))
# Quantity nouns that head their own quantity, never saying the kind of the next (``quantity_modifiers``):
# totals, ratios, profits, costs and capex.
_NO_MODIFIERS = FIGURE_QUANTITIES | _ANY_QUANTITY | next(group for group in _KIN if _canonical(stem("cost")) in group) | frozenset(
    _canonical(stem(w)) for w in "capex expenditure".split()
)


def states_other_quantity(asked: AskedFor, sentence: frozenset[str]) -> bool:
    """Whether ``sentence`` (its stems) states a neighbouring quantity instead of the asked one: it
    names another quantity noun ("backlog" for revenue) and none of the asked quantities, their
    other names (``_KIN``) or long forms, so its figure is the other quantity's."""
    wanted = asked.quantities - _ANY_QUANTITY - asked.modifiers or asked.quantities - _ANY_QUANTITY  # ("order backlog": the backlog)
    if not wanted:
        return False
    stated = canonical_all(sentence)
    named = stated | {w for w, long in asked.forms.items() if long <= stated}
    kin = wanted | _kin(wanted)
    return not named & kin and bool(named & (_QUANTITY_NOUNS - _ANY_QUANTITY - kin))


# Growth asked of a quantity ("net sales growth y/y"): the change must be that quantity's. A change
# is a number with a verb or noun of change ("up 4.2%", "rose 6.1% to", "a 5% increase in", "down 30%").
_GROWTH = frozenset(_canonical(stem(w)) for w in "growth grow grew increase decline change".split())
_CHANGE = re.compile(
    r"\b(?:up|down|rose|rising|fell|falling|grew|growing|gained|increased|decreased|declined|dropped|climbed|jumped|slipped|expanded|contracted"
    r"|plunged|plummeted|slumped|tumbled|sank|surged|soared|rebounded|dipped|eased|edged\s+(?:up|down))"
    r"\b(?:\s+by)?\s+(?:about\s+|around\s+|some\s+)?[-+\u2212]?\d[\d.,]*\s*(?:%|percent\b|per\s*cent\b|bps\b|basis\s+points?\b)"
    r"|[-+\u2212]?\d[\d.,]*\s*(?:%|percent\b|per\s*cent\b)\s+(?:increase|rise|growth|decline|drop|gain|fall|decrease)\b(?P<of>\s+(?:in|of)\s+(?:\w+\s+){0,2}\w+)?"
    # (a verb of change, its object between it and the rate: "lifted H1 revenue by 9.4%")
    r"|\b(?:lifted|raised|boosted|increased|grew|cut|lowered|reduced|trimmed|expanded)\s+(?:[\w-]+\s+){1,5}?by\s+(?:about\s+|around\s+)?\d[\d.,]*\s*"
    r"(?:%|percent\b|per\s*cent\b|bps\b|basis\s+points?\b)",
    re.IGNORECASE,
)
# A quantity noun this few words after a preposition qualifies another ("net sales to OEM customers
# rose 4%"); not after "with": "..., with organic volume up 4.1%" states its own change, nor past a
# conjunction opening a clause: "attendance rose 5% to 10.6 million and revenue grew 8%" states
# revenue's ("and" opens one only after a change: "income from rentals and sales rose 8%" is income's).
_PREPOSITIONS = frozenset("to from in on despite per at for by".split())
_CLAUSE_OPENERS = frozenset("while but whereas".split())
_QUALIFIED_WITHIN = 3


def _qualified(words: list[re.Match], i: int, text: str) -> bool:
    """Whether the noun ``words[i]`` (word matches in ``text``) follows a preposition of its own
    clause, at most ``_QUALIFIED_WITHIN`` words before it."""
    start = max(0, i - _QUALIFIED_WITHIN)
    for j in range(i - 1, start - 1, -1):
        word = words[j].group(0).lower()
        if word in _CLAUSE_OPENERS or word == "and" and _CHANGE.search(text, 0, words[j].start()):
            start = j + 1
            break
    return any(w.group(0).lower() in _PREPOSITIONS for w in words[start:i])


def states_change_of(asked: AskedFor, sentence: str) -> bool:
    """Whether ``sentence`` states the asked quantity's change, when growth of a quantity is asked
    ("net sales growth"): a change (``_CHANGE``, ``_STATED_CHANGE``) whose quantity, the quantity noun written last
    before it (or, for "a 5% increase in revenue", the one after it), is the asked one or another
    name of it. "net sales of $135.7 million and diluted EPS of $0.46, down 30%" gives EPS's change,
    not net sales'. True when no growth of a quantity is asked, or the sentence states no change
    (a level is left to the other checks). Growth asked by a verb ("how much did adj ebitda grow")
    asks it too."""
    wanted = asked.quantities - _ANY_QUANTITY - _GROWTH
    if not (asked.quantities & _GROWTH or asked.growth) or not wanted:
        return True
    kin = wanted | _kin(wanted) | {w for q in wanted for w in asked.forms.get(q, ())}
    changes = list(_CHANGE.finditer(sentence))
    changes += [m for m in _STATED_CHANGE.finditer(sentence) if not any(c.start() < m.end() and m.start() < c.end() for c in changes)]  # ("margin slipped to 8.4%")
    if not changes:
        return True

    return any(_quantity_of(sentence, c.start(), c.groupdict().get("of") or "") in kin | {None} for c in changes) or _percent_after(sentence, kin)


def _quantity_of(sentence: str, start: int, after: str = "") -> str | None:
    """The quantity a figure at ``start`` of ``sentence`` is of: the quantity noun written last
    before it, not one a preposition puts after another ("net sales to OEM customers"), or the
    one in ``after`` when the figure names it after itself ("a 5% increase in revenue"); None if none."""
    text = after or sentence[:start]
    words = list(re.finditer(r"[A-Za-z][\w-]*", text))
    named = [w for i, t in enumerate(words) if (w := _canonical(stem(t.group(0).lower()))) in _QUANTITY_NOUNS - _ANY_QUANTITY
             and not t.group(0).lower().endswith("ed")  # a participle: "orders received fell 2%" (not receivables)
             and (after or not _qualified(words, i, text))]
    return named[-1] if named else None


def _percent_after(sentence: str, kin: set[str]) -> bool:
    """Whether a percentage follows the asked quantity (one of ``kin``) in its clause before another
    quantity noun: "Revenue advanced 12%", "Revenue was $5.2bn, 12% more than last year" (a change
    put in words ``_CHANGE`` lacks), not "revenue of EUR5.6bn, and adjusted EBITDA of EUR4.3bn" for
    EBITDA."""
    for clause in clauses(sentence):
        words = list(re.finditer(r"%|[A-Za-z][\w-]*", clause))
        stemmed = ["%" if w.group(0) == "%" else _canonical(stem(w.group(0).lower())) for w in words]
        for i, word in enumerate(stemmed):
            if word in kin:
                rest = next((j for j in range(i + 1, len(stemmed)) if stemmed[j] in _QUANTITY_NOUNS - _ANY_QUANTITY and stemmed[j] not in kin), len(stemmed))
                if "%" in stemmed[i + 1:rest]:
                    return True
    return False


# Growth asked, of anything ("how much did AuM grow", "aum growth 2033", "revenue y/y"): a verb of
# growing, "growth" naming no kind of spending or business ("growth capex", "growth markets"), or
# a year-on-year change.
_ASKS_GROWTH = re.compile(
    r"\b(?:grow|grew|grown|growing|increased?|rise|rose|risen|declined?|fall|fell|drop(?:ped)?)\b(?!\s+(?:in|of)\s+(?:the\s+)?(?:number|share|price)\b)|\bgrowth\b(?!\s+(?:capex|capital|investments?|spend\w*|projects?|initiatives?|equity"
    r"|stage|stocks?|drivers?|strategy|plans?|engines?|markets?|areas?|segments?|businesses|opportunit\w+|pipeline)\b)"
    r"|\b(?:y/y|yoy|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year)\b|%\s*(?:increase|rise|change)\b",
    re.IGNORECASE,
)
# How a sentence states a change, besides ``_CHANGE``: a word of change near a figure ("rose
# $22 billion", "growth of 12%", "12% growth", "up from $2.8 billion"), a figure set against an
# earlier one ("from $2.8 billion to", "compared with $2.8 billion"), or a multiple ("doubled").
_CHANGE_WORD = (
    r"(?:grow|grew|grown|growing|growth|increas\w*|ris(?:e|es|ing)|rose|risen|up|down|fell|fall(?:s|ing)?|declin\w*|drop\w*"
    r"|gain\w*|add(?:s|ed|ing)|higher|lower|above|below|ahead|expan\w*|contract(?:ed|ion)|improv\w*|jump\w*|climb\w*|slipp?\w*|shr[aiu]nk\w*"
    r"|plung\w*|plummet\w*|slump\w*|tumbl\w*|sank|sink\w*|surg\w*|soar\w*|rebound\w*|dipp?\w*|eas(?:ed|ing)|edg(?:ed|ing))"
)
_STATED_CHANGE = re.compile(
    rf"\b{_CHANGE_WORD}\b(?:\W+\w+){{0,3}}?\W+(?:by\s+)?[$\u00a3\u20ac\u00a5]?\d"
    rf"|\d[\d.,]*\s*(?:%|percent\b|per\s*cent\b|bps\b|basis\s+points?\b)(?:\W+\w+){{0,2}}?\W+{_CHANGE_WORD}\b"
    r"|\bfrom\s+(?:about\s+|around\s+)?[$\u00a3\u20ac\u00a5]?\d[^.;]{0,40}?\bto\b|\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+[^.;]{0,20}?\d"
    r"|\b(?:doubled|tripled|quadrupled|halved)\b|\b(?:y/y|yoy|year[- ]on[- ]year|year[- ]over[- ]year)\b"
    r"|\(\s*(?:FY\s?)?(?:19|20)\d\d\s*:\s*[$\u00a3\u20ac\u00a5]?\s*\d",  # the year before in brackets: "$182.4 billion (2032: $160.0 billion)"
    re.IGNORECASE,
)


def asks_growth(text: str) -> bool:
    """Whether a question asks how much something grew (``_ASKS_GROWTH``), not its level."""
    return _ASKS_GROWTH.search(text) is not None


# Growth named beside a rate ("Organic revenue growth, which excludes ..., was 5.1%"): a change stated.
_GROWTH_RATE = re.compile(
    r"\bgrowth\b[^;]{0,100}?\d\s*(?:%|percent\b|per\s*cent\b|bps\b)|\d\s*(?:%|percent\b|per\s*cent\b)[^;]{0,20}?\bgrowth\b", re.IGNORECASE,
)


def states_a_change(sentence: str) -> bool:
    """Whether ``sentence`` states a change of something (``_CHANGE``, ``_STATED_CHANGE``, growth
    beside a rate), not only a level: "assets reached $182.4 billion" answers no "how much did AuM grow?"."""
    return bool(_CHANGE.search(sentence) or _STATED_CHANGE.search(sentence) or _GROWTH_RATE.search(sentence))


# A share of a market asked ("market share", "share of the uk cider market"), and one stated ("a 14%
# share", "14% of the UK market"): revenue or volumes beside the market state none.
_MARKET_SHARE_ASKED = re.compile(r"\bmarket\s+share\b|\bshare\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?market\b", re.IGNORECASE)
# (a share, not shares of stock: "160 million AMD shares", "the share price")
_MARKET_SHARE_STATED = re.compile(
    r"(?<!\bper\s)\bshare\b(?![\s-]+(?:price|prices|count|buyback|repurchases?|capital|issue|sale|plan|options?)\b)"
    r"(?!\s+of\s+(?:the\s+)?(?:group\s+|total\s+|its\s+)?(?:revenue|sales|profit|earnings|ebitda|income|group|total)\b)"
    r"|%\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:market|volumes?|category|segment)\b",
    re.IGNORECASE,
)


def states_market_share(sentence: str) -> bool:
    """Whether ``sentence`` states a share of a market (``_MARKET_SHARE_STATED``), when one is asked."""
    return _MARKET_SHARE_STATED.search(sentence) is not None


def places_named(topic: str, measure: frozenset[str]) -> frozenset[str]:
    """The measure words (stems) of ``topic`` that name a country or region ("japan" of "launch in japan")."""
    return frozenset(w for t in _TOKEN.findall(topic) if (w := _canonical(stem(t.lower()))) in measure and names_a_place(t if t.isupper() else t.title()))


# Letters a people's adjective shares with its place's name ("Japanese" of Japan, "Chinese" of China).
_PEOPLES_LETTERS = 3


def states_places(asked: AskedFor, sentence: str) -> bool:
    """Whether ``sentence`` names every place the question names (``AskedFor.places``), or its
    people ("Japanese"): "when does the assistant launch in Japan?" is not answered by its US launch."""
    if not asked.places:
        return True
    words = re.findall(r"[A-Za-z]+", sentence)
    written = {_canonical(stem(w.lower())) for w in words}
    peoples = {w.lower()[:_PEOPLES_LETTERS] for w in words if w[0].isupper() and is_peoples_adjective(w)}
    return all(place in written or place[:_PEOPLES_LETTERS] in peoples for place in asked.places)


def states_figure_places(wants: AskedFor, sentence: str) -> bool:
    """Whether the clauses of ``sentence`` naming the asked quantity (``measured_clauses``) name a
    place its figure is asked of (``AskedFor.figure_places``), or its people: "Mindray revenue in
    Europe" is not the group's revenue, and "Tesla's revenue rose 1%, while deliveries in China fell
    8%" gives no revenue in China. (One of them: "revenue in Europe and Asia" is answered in part by
    Europe's.)"""
    if not wants.figure_places:
        return True
    measured = measured_clauses(wants, sentence)
    return any(states_places(replace(wants, places=frozenset({p})), measured) for p in wants.figure_places)


# A volume of a thing is how many of it there are: "transport volume" is stated as "412,000 patient transports".
_VOLUME = frozenset(_canonical(stem(w)) for w in ("volume", "volumes"))
_COUNTED_WITHIN = 3  # words after a number that may name what it counts ("412,000 patient transports")


def states_volume(asked: AskedFor, sentence: str) -> bool:
    """Whether ``sentence`` gives the asked volume of what the question names (its qualifiers) as
    a count of it: "transport volume" by "on 412,000 patient transports" (not by "$318 million
    of transport revenue": an amount of money counts nothing)."""
    if not asked.quantities & _VOLUME or not asked.qualifiers:
        return False
    text = _without_dates_and_names(sentence)
    return any(
        not (m.group("currency") or m.group("rate")) and _counts_head(text[m.end():], asked.qualifiers)
        for m in _AMOUNT.finditer(text) if m.group(0)[:1].isdigit()
    )


# Quantities that count things, never money: an amount of money states none of them.
_COUNTED_QUANTITIES = frozenset(_canonical(stem(w)) for w in """
    volume volumes deliveries shipments users subscribers members customers employees headcount units rides passengers attendance
    """.split())


_MONEY_VOLUMES = frozenset(_canonical(stem(w)) for w in "payment payments transaction transactions trading lending processed tpv".split())
_GLUED_SCALE = re.compile(r"(?:k|m|mn|bn|mt|t)\b", re.IGNORECASE)  # a scale written on the number: "435k", "12mt"


def states_only_money(asked: AskedFor, sentence: str) -> bool:
    """Whether every figure of ``sentence`` is an amount of money while the asked quantities all
    count things (``_COUNTED_QUANTITIES``): "volumes so far?" is not answered by "at a shelf price
    of DKK 9.95 per can, or DKK 52 for a six-pack"."""
    wanted = asked.quantities - _ANY_QUANTITY
    if not wanted or not wanted <= _COUNTED_QUANTITIES:
        return False
    if asked.measure & _MONEY_VOLUMES:  # "payment volume", "trading volume": money
        return False
    text = _without_dates_and_names(sentence)
    # (not a size glued to its unit, "33cl", nor a decimal with no scale, "Klar 0.0": no count either way; "435k", "12mt" are)
    amounts = [m for m in _AMOUNT.finditer(text) if m.group("currency") or _GLUED_SCALE.match(text, m.end()) or not (
        text[m.end(): m.end() + 1].isalpha() or _DECIMAL.search(m.group(0)) and not _SCALE_AFTER.match(text, m.end()))]
    return bool(amounts) and all(not m.group("rate") and (m.group("currency") or m.group(0)[-1].isalpha()) for m in amounts)


def _counts_head(after: str, nouns: frozenset[str]) -> bool:
    """Whether the words right after a number end, within ``_COUNTED_WITHIN``, on one of
    ``nouns`` (stems): the noun the number counts ("412,000 patient transports and ..."; not
    "12 new transport contracts", which counts contracts)."""
    words = re.findall(r"[A-Za-z][\w-]*|[^\sA-Za-z]", after)[:_COUNTED_WITHIN + 1]
    for i, word in enumerate(words[:_COUNTED_WITHIN]):
        if canonical_all(stems(word)) & nouns:
            following = words[i + 1] if i + 1 < len(words) else ""
            return not following or not following[0].isalpha() or following.lower() in STOPWORDS
    return False


_NEGATING = frozenset("non un ex pre post self semi".split())  # a hyphenated word's first part turning the rest around
_MEASURED_WITHIN = 3  # words after a word saying how a quantity is measured that may hold it ("operating and net margins")
# The words of ``_HOW_MEASURED`` that give a quantity's basis ("net" profit, "operating" margin), not where it is reported ("segment").
_BASES = frozenset(_canonical(stem(w)) for w in "operating net gross adjusted organic comparable underlying reported core pretax pre-tax free recurring".split())


# A ratio set beside an amount as its apposition: ", a record margin of", ", a margin of"
_RATIO_APPOSED = re.compile(r"(?:[^,;]|,(?=\d))*, (?:a|an) (?:[a-z-]+ ){0,2}(?:margin|ratio|yield) of\b")
_BASIS_OF_CHANGE = re.compile(r"%[^.;%]{0,30}?\bon\s+an?\s+[\w-]+\s+basis\b", re.IGNORECASE)  # "up 8.4% on an organic basis"


def measured_as_asked(asked: AskedFor, sentence: str) -> bool:
    """Whether each word saying how the asked quantity is measured ("net" of "net profit") is
    written with it, before it, as an adverb after it ("grew 17% organically"), as the basis of
    the sentence's change ("up 8.4% on an organic basis") or its level ("3-4% at the operating level"): "net sales of
    ¥450.8 billion ... and operating profit of ¥40.2 billion" gives no net profit. A sentence naming
    the quantity by none of its names is left to the other checks."""
    how = asked.qualifiers & _BASES
    if not how:  # (most questions: nothing to read)
        return True
    wanted = asked.quantities | _kin(asked.quantities)
    ratios = asked.quantities & _RATIO_STEMS
    found = list(re.finditer(r"[A-Za-z][\w-]*", sentence))
    written = [m.group(0) for m in found]
    tokens = [_canonical(stem(t.lower())) for t in written]
    if not wanted & set(tokens):
        return True

    def measures(i: int) -> bool:  # "organic growth", "grew organically", or "up 8.4% on an organic basis"
        return (
            bool(wanted & set(tokens[i + 1 : i + 1 + _MEASURED_WITHIN])) or i > 0 and written[i].lower().endswith("ly") and tokens[i - 1] in wanted
            or [w.lower() for w in written[i + 1 : i + 2]] == ["basis"] and _BASIS_OF_CHANGE.search(sentence) is not None
            or [w.lower() for w in written[i - 2 : i] + written[i + 1 : i + 2]] == ["at", "the", "level"]  # "3-4% at the operating level"
            or bases_a_later_ratio(i)
        )

    def bases_a_later_ratio(i: int) -> bool:
        # a ratio asked ("recurring operating margin"), set after the amount of the quantity the word
        # measures as its apposition: "Recurring operating income rose to EUR 3.53 billion, a record
        # margin of 39.3%" (not "..., and the margin was 12%", nor "; EBITDA margin was 41%")
        return bool(ratios and _QUANTITY_NOUNS & set(tokens[i + 1 : i + 1 + _MEASURED_WITHIN]) and _RATIO_APPOSED.match(sentence, found[i].end()))

    # (or as the last part of a hyphenated word: "free" of "tax-free sales"; not "non-recurring")
    last_parts = [_canonical(stem(t.rsplit("-", 1)[-1].lower())) if t.split("-", 1)[0].lower() not in _NEGATING else "" for t in written]
    return all(any(word in (t, last_parts[i]) and measures(i) for i, t in enumerate(tokens)) for word in how)


def _kin(quantities: frozenset[str]) -> frozenset[str]:
    """The other names of ``quantities`` (``_KIN``): "sales" and "turnover" of "revenue"."""
    return frozenset().union(*(group for group in _KIN if group & quantities))


def measure_credit(asked: AskedFor, sentence: frozenset[str], context: frozenset[str]) -> dict[str, float]:
    """Each asked measure word's credit. The measure's core (the asked quantities and their
    qualifiers): 1 when the sentence has it; 0.5 when only its passage or note title does; 0
    when it has neither, or when the sentence states a neighbouring measure: another quantity
    ("margin" for "revenue"), or the asked quantity (or another name of it, ``_KIN``) without the
    asked segment or product (the company's total "revenue" for "Retail sales"). The other words (the question's verbs and
    framing: "bring in", "set aside", "bull case"): 1 in the sentence or its passage, else 0."""
    sentence, context = canonical_all(sentence), canonical_all(context)
    sentence |= {w for w, long in asked.forms.items() if long <= sentence}
    context |= {w for w, long in asked.forms.items() if long <= context}
    asked_quantities = asked.quantities | {w for q in asked.quantities for w in asked.forms.get(q, ())}
    other_quantity = bool((sentence & _QUANTITY_NOUNS) - asked_quantities - _kin(asked.quantities))
    states_asked = bool(sentence & (asked.quantities | _kin(asked.quantities)))  # "revenue" for the asked "sales" too
    credit = {}
    for word in asked.measure:
        quantity = word in asked.quantities
        if word in sentence:
            credit[word] = 1.0
        elif word not in context:
            credit[word] = 0.0
        elif not quantity and word not in asked.qualifiers:
            credit[word] = 1.0
        elif not (quantity and other_quantity) and not (not quantity and states_asked):
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
