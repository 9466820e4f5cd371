"""Financial abbreviations and their long forms, so a question about "capex" finds a note
that says "capital expenditure" (and the other way round).

Hand-written: no maintained library maps finance shorthand; the list is the common
reporting vocabulary, not tuned to any company.
"""

from __future__ import annotations

import re

from ragbot.periods import spelled_out

# (An abbreviation stands for its long form in the asked measure, folded into one word: one whose
# long form holds a quantity noun, "annual recurring revenue", would lose the quantity, so such
# terms are added only with a test that the question keeps asking a figure.)
ABBREVIATIONS = {
    "capex": "capital expenditure",
    "opex": "operating expenses",
    "fcf": "free cash flow",
    "eps": "earnings per share",
    "yoy": "year over year",
    "qoq": "quarter over quarter",
    "gmv": "gross merchandise",  # (notes write "gross merchandise value" or "... volume": both are stated)
    "arpu": "average revenue per user",
    "mau": "monthly active users",
    "dau": "daily active users",
    "r&d": "research and development",
    "m&a": "mergers and acquisitions",
    "ipo": "initial public offering",
    "tam": "total addressable market",
    "roi": "return on investment",
    "asp": "average selling price",
    "ev": "electric vehicle",
    "sbc": "stock-based compensation",
    "p/e": "price to earnings",
    "adj": "adjusted",
    "fx": "foreign exchange",
    "gwp": "gross written premiums",
    "nwp": "net written premiums",
    "npw": "net premiums written",
    "oibda": "operating income before depreciation and amortization",
    "roe": "return on equity",
    "ad": "advertising",
    "npat": "net profit after tax",
    "pbt": "profit before tax",
    "lfl": "like-for-like",
    "saas": "software as a service",
    "aum": "assets under management",  # (a quantity as typed: "aum" is one, ``_QUANTITY_LIST``)
    "fum": "funds under management",
    "fua": "funds under administration",
    "aua": "assets under administration",
    "ceo": "chief executive",  # (not "cfo": desks also write it for cash flow from operations)
}
# Desk shorthand for words the notes write out, read one way only: "the full-year guide" is the
# guidance, "q2 comps" the comparable sales; a question saying "guidance" or "Acme's comparable
# sales" keeps its words (folded into "comps", "Acme" would no longer be read as whose sales).
SHORTHAND = {
    "guide": "guidance", "comps": "comparable sales", "avg": "average", "rev": "revenue", "op": "operating", "est": "estimated",
    "divvy": "dividend", "dev": "development", "pax": "passengers", "cc": "constant currency", "tech": "technology",
    "fwd": "forward", "semi": "semiconductor", "pharma": "pharmaceutical",
}
# ... read so only beside what says which: "q2 comps", "comps growth"; "which comps trade at 12x"
# are peer companies.
_PERIOD_OR_GROWTH = r"f?q[1-4]|[1-4]q|quarters?|qtrs?|fy\w*|20\d\d|h[12]|growth|grew"
_ONLY_WITH = {
    "comps": (re.compile(rf"\b(?:{_PERIOD_OR_GROWTH}|sales|same[- ]store|traffic|ticket|latest|last)\b", re.IGNORECASE), None),
    # "fq3 rev", "rev growth", "total rev" right beside it (not "how did rev group do in q3?", a company's name)
    "rev": (re.compile(rf"\b(?:{_PERIOD_OR_GROWTH}|yoy|total|per|guide|guidance)\b|[+/]", re.IGNORECASE), 2),
    # "core op profit", "op margin" (not "an op-ed", "rated OP; cash returns?")
    "op": (re.compile(r"\bop\s+(?:profit|income|margins?|loss|cash|expenses|leverage)\b", re.IGNORECASE), None),
    # "the est revenue hit", "2025 est eps" (a figure's words beside it; not "est. 1998")
    "est": (re.compile(rf"\b(?:{_PERIOD_OR_GROWTH}|revenue|sales|eps|earnings|ebitda|profit|income|margins?|hit|impact|costs?|headwinds?)\b", re.IGNORECASE), 2),
    # "total dev cost", "dev pipeline" (a project's development; not "dev tools", "the dev conference")
    "dev": (re.compile(r"\b(?:costs?|spend|spending|pipeline|projects?|yields?|budget|capex)\b", re.IGNORECASE), 1),
    # "organic cc growth", "cc revenue growth" (not "CC", a company's ticker, nor "cc the team")
    "cc": (re.compile(r"\b(?:growth|grew|organic|sales|revenue|basis|terms)\b", re.IGNORECASE), 2),
    # "q1 22 pax", "pax growth", "pax numbers" (not "Pax", a name, nor "pax americana")
    "pax": (re.compile(rf"\b(?:{_PERIOD_OR_GROWTH}|numbers|traffic|count|volumes?|load)\b", re.IGNORECASE), 3),
    # "semi segment op income", "semi demand" (not "Tesla Semi deliveries", "semi-annual", "the semi truck")
    "semi": (re.compile(r"\bsemi\s+(?:segment|division|business|unit|demand|exposure|equipment|customers|cycle|revenue|sales|capex)\b", re.IGNORECASE), None),
}  # each with how many words either side of the term say which sense it has (None: anywhere in the question)
_TERMS = {**ABBREVIATIONS, **{long: short for short, long in ABBREVIATIONS.items()}, **SHORTHAND}
_PATTERN = re.compile(
    r"(?<![\w&/])(" + "|".join(re.escape(t) for t in sorted(_TERMS, key=len, reverse=True)) + r")s?(?![\w&/])",
    re.IGNORECASE,
)


# Desk jargon: an analyst's "names" are the companies they follow ("which of my names are
# getting hit by tariffs?"), said so after a possessive ("the names Tesla gave its models" are not).
_NAMES = re.compile(r"\b(?:my|our|your)\s+names\b(?!\s+(?:of|for)\b)", re.IGNORECASE)


def reads_as_shorthand(term: str, text: str) -> bool:
    """Whether desk shorthand ``term`` ("comps", "rev") means its long form in ``text``: always,
    or only with what says which in the question or near the term (``_ONLY_WITH``: "q2 comps",
    "comps: acme vs beta, latest qtr", "fq3 rev and margin"; not "which comps trade at 12x", "how
    did rev group do in q3?")."""
    if term not in _ONLY_WITH:
        return True
    sense, beside = _ONLY_WITH[term]
    if beside is None:
        return sense.search(text) is not None
    words = text.split()
    at = [i for i, w in enumerate(words) if re.fullmatch(rf"\W*{re.escape(term)}s?\W*", w, re.IGNORECASE)]
    return any(sense.search(" ".join(words[max(0, i - beside): i + beside + 1])) for i in at)


def expand(text: str) -> str:
    """``text`` followed by the other form of each abbreviation or long form it uses, by
    "companies" for an analyst's "names", and by each period it writes in shorthand, spelt out
    (``spelled_out``: "FY26" -> "fiscal 2026")."""
    terms = [m.group(1).lower() for m in _PATTERN.finditer(text)]
    extra = [_TERMS[t] for t in terms if reads_as_shorthand(t, text)] + spelled_out(text)
    extra += ["companies"] if _NAMES.search(text) else []
    extra = [e for e in dict.fromkeys(extra) if e.lower() not in text.lower()]
    return f"{text} ({', '.join(extra)})" if extra else text
