"""What a sentiment question asks: its kind, companies, window, grouping period, count and
direction, read from its wording by general rules (no phrasing of any one question)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ingest.tickers import COMPANY_CLASSES, is_peoples_adjective
from ingest.words import is_english, stems
from ragbot.periods import PARTS_OF_YEAR, PERIOD_WORD, ReportingPeriod, period_subject, periods, reporting_periods
from ragbot.routing import (
    AT_EVENT_VS_NOW, EVENT_WORDS, MIXED, NOTE_HEADLINE, NOTE_NOUN, SCORE_ASKED, SCORE_LAST, SCORED_BY_US, SCORES_FOR_NAMED, STANCE_ASKED_LAST, STANCE_TAKEN, THAT_ONE, Question,
    neutralise_mentions, topic_terms,
)
from ragbot.windows import Window, against_now, before, find_window, note_day, written_out
from vectorstore.embeddings import bundled_words

Kind = Literal["note", "extreme", "distribution", "trend", "compare", "summary"]
KINDS: tuple[str, ...] = ("note", "extreme", "distribution", "trend", "compare", "summary")

_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_N = r"(\d+|two|three|four|five|six|seven|eight|nine|ten)"
_POSITIVE = r"positive|bullish|optimistic|upbeat|constructive|best|highest|strongest|ros(?:y|ier|iest)|favou?rabl[ey]|good"
_NEGATIVE = r"negative|bearish|pessimistic|downbeat|worst|lowest|weakest|gloom(?:y|ier|iest)|bleak(?:er|est)?|unfavou?rabl[ey]|sour(?:ed|ing)?|dragging|weighing|weighs|weighed|down(?=\s+on\b)|bad|poor"
_EXTREME = re.compile(
    rf"\b(?:most|least|highest|lowest|best|worst|strongest|weakest|top|bottom|rank\w*|gloomiest|bleakest|rosiest)\b|\b{_N}\s+(?:most|least)\b|\b(?:more|less)\s+(?:{_POSITIVE}|{_NEGATIVE})\b",
    re.I,
)
# How many a ranking lists: "top 3", "the three most negative", "three gloomiest notes" (any stance word).
_TOP_N = re.compile(rf"\b(?:top|bottom|best|worst|highest|lowest)\s+{_N}\b|\b{_N}\s+(?:most|least|{_POSITIVE}|{_NEGATIVE}|notes|companies|tickers|stocks)\b", re.I)
# A stance word or its adverb ("most bearishly", "least positively", "most favourably").
_DIRECTION = re.compile(rf"\b(least\s+)?({_POSITIVE}|{_NEGATIVE})(?:ly|ally)?\b", re.I)
_DISTRIBUTION = re.compile(r"\bhow\s+many\b|#\s*of\b|\bcounts?\b(?!\s+as\b)|\bnumber\s+of\b|\bbreak\s*down\b|\bdistribution\b|\bsplit\b|\bproportion\b|\bshare\s+of\b|\bpercent(?:age)?\b|\bhow\s+often\b", re.I)
_TREND = re.compile(
    r"\b(?:improv\w*|worsen\w*|deteriorat\w*|chang\w*|trend\w*|over\s+time|evolv\w*|trajector\w*|shift\w*|moved|"
    # sentiment moving, not a company's move ("Tesla's move into robotaxis", "moving into pharmacy")
    r"(?<!['\u2019]s\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bthis\s)(?<!\bthat\s)mov(?:e|es|ing)(?!\s+(?:into|to|in|on|away|from|towards?|out|up|down|beyond)\b)|"
    r"since|by\s+month|by\s+quarter|monthly|quarterly|month\s+by\s+month|quarter\s+by\s+quarter|"
    r"declin\w*|ris(?:en|ing)|fallen|fell|dropp\w*|(?:got|getting|gotten)\s+(?:better|worse)|turn\w*|swing\w*|swung|flip\w*|momentum|direction)\b",
    re.I,
)
# A swing from one stance to another ("why did Acme swing from a bullish read to deeply negative?"):
# its reasons point the way it went (``to``), and the note words the stances qualify name no note.
_STANCE_SWING = re.compile(
    rf"\bfrom\s+(?:(?:a|an|the|our|its|their)\s+)?(?:[\w-]+\s+)?(?:{_POSITIVE}|{_NEGATIVE})\b[^?.]{{0,40}}?"
    rf"\bto\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?P<to>{_POSITIVE}|{_NEGATIVE})\b",
    re.I,
)
# Sentiment itself moving ("the drop in Acme sentiment", "the score slide"): how it moved, no event.
_SENTIMENT_MOVE = re.compile(
    r"\b(?:drop|dip|fall|decline|slide|slump|rise|jump|improvement|deterioration|swing|shift|turn|change|move)\s+in\s+"
    r"(?:(?:the|our|its|their)\s+)?(?:[\w.&'\u2019-]+\s+){0,3}?(?:sentiment|scores?|tone|mood|rating)\b"
    r"|\b(?:sentiment|score|tone|mood|rating)\s+(?:drop|dip|fall|decline|slide|slump|rise|jump|improvement|deterioration|swing|shift|turn|change|move)\b",
    re.I,
)
# Two periods offered as alternatives or set against each other ("in the first half or the second
# half?", "Q2 versus Q3", "2026 compared with 2025", "compare the 2025 average with 2026").
_ALTERNATIVES = re.compile(r"\b(?:or|versus|vs|against|compar\w*|relative)\b", re.I)
_COMPARE = re.compile(r"\b(?:compare\w*|comparison|versus|vs\.?|against|relative\s+to|differ\w*|than)\b", re.I)
_WHY = re.compile(
    r"\b(?:why|reasons?|driv(?:e|es|ing|en)|drove|drivers?|explain\w*|behind|because|cause\w*)\b"
    r"|\bwhat(?:['\u2019]s)?\s+(?:made|led\s+to|prompted|triggered|turned|sent|pushed|pulled|tipped|swung|flipped|happened|dragged|knocked)\b"
    r"|\b(?:dragging|weighing|weighs|weighed)\s+(?:on|down)\b"  # "what's dragging on Acme": the reasons it is negative
    r"|\bwhat(?:['\u2019]s|\s+has|\s+had)?\s+(?:went|gone|going|go)\s+wrong\b",  # "what went wrong?": the reasons it is negative
    re.I,
)
# The words naming one note may hold a slash or an ampersand ("the Broadcom/Honeywell deal note",
# "the Halvorsen / Optum Rx note").
# ... or, headline-style, open the question (``NOTE_HEADLINE``).
# (or a company's note: "Acme's recall note", "what did Acme's tariff piece give Beta?"; not
# "Acme's sentiment moved from its first note": words of a clause name no note)
_NO_NOTE_NAME = (
    r"(?:from|to|its|their|his|her|our|my|the|in|on|at|since|over|with|by|and|or|than|vs|versus|was|were|is|are|has|have|had"
    r"|sentiment|score|scores|moved|changed|gone|went|been)"
)
_ONE_NOTE = re.compile(
    rf"\b(?:the|that|this|a|one|its|their)\b(?:\s+[\w'\u2019./&-]+){{0,6}}?\s+{NOTE_NOUN}\b(?!s)|\b{NOTE_NOUN}\s+(?:on|about|covering|from|dated)\b|{NOTE_HEADLINE}"
    rf"|\b(?!(?:what|that|it|there|here|who|where|how|let)['\u2019]s\b)[\w.&-]+['\u2019]s(?:\s+(?!{_NO_NOTE_NAME}\b)[\w'\u2019./&-]+){{0,5}}?\s+{NOTE_NOUN}\b(?!s)"
    r"|\b(?:that|this)\s+one\s*[?.!]*\s*$",  # the event told before it ("clp writedown on ..., what's its score in that one")
    re.I,
)
# A time right after "when" or "after", which makes a window of what follows, not an event.
_TIME_AFTER = (
    r"(?:q[1-4]|h[12]|fy|(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the\s+(?:first|second|third|fourth|last|past|next)\b"
    r"|last\b|this\b|next\b|looking\b|comparing\b|(?:[\w.&'\u2019-]+\s+){0,2}started\b)"
)
# One score asked for an event ("Score for the Acme recall?", "how was the Acme recall scored?"):
# the score of the note about it.
# (or the sentiment the notes gave an event, or a company over one: "what sentiment did we give
# the Acme data breach?", "what score did we give Acme on the recall?")
_EVENT_SCORE = re.compile(
    rf"{SCORE_ASKED}\s+(?:the|that|this)\b|\bhow\s+(?:was|were|is)\s+(?:the|that|this)\b[^?.]{{1,80}}?\b(?:scored|rated)\b|\b(?:scores?|sentiment|rating|get|receive){THAT_ONE}|{SCORE_LAST}|{SCORES_FOR_NAMED}|{SCORED_BY_US}"
    # (a score asked of a company when something happened: "what was the score on Acme after the strike?")
    rf"|{SCORE_ASKED}\s+[^?.]{{1,40}}?\s+(?:after|when|following)\s+(?:the|that|this|its|their)\b"
    # (how far one way the notes went, or how they scored it, when something happened: "how
    # negative did we go on Acme after the hack", "why was Acme scored strongly positive when ...")
    rf"|{STANCE_TAKEN}[^?.]*?\b(?:after|when|following|as|once)\b|\b(?:scored|rated)\b[^?.]{{0,40}}?\b(?:when|after|following|once)\b"
    # (what a company scored on doing something: "what did Alkami score on buying the analytics firm?")
    r"|\bscored?\s+on\s+[a-z]+ing\s+(?:the|a|an|its|their|his|her)\b"
    r"|\b(?:score|scored|rate|rated)\s+(?:it|that|this)\s*[?.!]*\s*$"  # "..., how negative did we score it"
    rf"|{STANCE_ASKED_LAST}"  # ("Acme's retrofit win, how positive was the call?": of what came before)
    # (the score something got when it happened: "what sentiment did Acme get when it signed the
    # deal?", "When Acme launched its new chip, what score did it get?"; and a note described as
    # "the one where ...")
    # (not a time after it: "what sentiment did Acme get after Q3 2025?" asks a window)
    rf"|\b(?:sentiment|score|rating|label)\b[^?.]{{0,30}}?\b(?:get|got|receive|received|earn|earned)\s+(?:when|after|following|once|as)\s+(?!{_TIME_AFTER})"
    rf"|^\W*(?:when|after|once|following)\s+(?!{_TIME_AFTER})[^?]{{3,100}}?,\s*(?:what|how)\b[^?]*?\b(?:sentiment|score|rating|scored|rated)\b"
    r"|\b(?:the|that)\s+one\s+(?:where|when|in\s+which)\b"
    r"|\bscores?\s+(?:when|as|after|following|once)\b|\bwhat\s+(?:sentiment|score|rating|label)\s+(?:did|do|does)\s+(?:we|you|(?:the|our|my)\s+notes?)\s+(?:give|assign)\s+(?:to\s+)?"
    r"(?:[\w.&'\u2019-]+\s+){0,3}?(?:(?:on|for|over)\s+)?(?:the|that|this|its|their)\b(?!\s+(?:overall|average|latest|first|last)\b)",
    re.I,
)
# Every note asked, not one: "list everything published over the last 90 days", "every note
# from March with its score", "the overall score of each note", "all my notes this year" (not
# "..., given everything?").
_EVERY_NOTE = re.compile(
    r"\b(?:every|each)\s+(?:single\s+)?(?:note|write-?up)s?\b|\b(?:list|show)\s+(?:me\s+)?everything\b"
    r"|\beverything\s+(?:published|written|dated|filed|from|since|over|in)\b|\ball\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?notes\b",
    re.I,
)
# A score (or a read or take) asked of something named with a determiner ("Acme score on the beta
# record?", "how bad was the Acme read on the recall?", "Acme's score in the distribution deal"; not an
# average's: "the avg score for the quarter").
_SCORE_ON_THE = re.compile(r"(?<!avg\s)(?<!mean\s)(?<!average\s)\b(?:scores?|read|take)\s+(?:on|for|in)\s+(?:the|that|this)\b", re.I)
# ... and a company's sentiment, named right after the company, on something named with a
# determiner ("Naver sentiment on the Line stake sale news?"); not on what stands for the company
# or a time ("Tesla sentiment on the stock / the name / the quarter / the year so far").
_SENTIMENT_ON_THE = re.compile(
    r"\bsentiment\s+(?:on|about|around|regarding)\s+(?:the|that|this)\s+(?!(?:stock|stocks|shares?|name|company|business|firm|group"
    r"|quarter|year|month|week|half|period|season|day|latest|last|first|recent|past)\b)",
    re.I,
)


def owned_sentiment_on_the(question: Question) -> bool:
    """Whether ``question`` asks a named company's sentiment on something named with a
    determiner (``_SENTIMENT_ON_THE`` right after a company mention, or its possessive)."""
    on = _SENTIMENT_ON_THE.search(question.text)
    return on is not None and any(end <= on.start() and not question.text[end : on.start()].strip(" '\u2019s") for _, end, _ in question.spans)

# Now set against the first note ("better or worse now vs our very first note?"): a trend from it.
_AGAINST_FIRST = re.compile(
    r"\b(?:now|today|currently|latest)\b[^?.]*\b(?:vs\.?|versus|against|compar(?:e|es|ed|ing)|than)\b[^?.]*\b(?:first|earliest|oldest)\b"
    r"|\b(?:first|earliest|oldest)\b[^?.]*\b(?:vs\.?|versus|against|compared|than)\b[^?.]*\b(?:now|today|currently|latest)\b"
    r"|\b(?:from|between)\s+(?:the\s+|our\s+|my\s+|its\s+|their\s+)?(?:very\s+)?(?:first|earliest|oldest)\b[^?.]*\b(?:to|and)\s+(?:the\s+|our\s+|my\s+|its\s+|their\s+)?(?:latest|most\s+recent|newest|now|today|current)\b"
    r"|\b(?:first|earliest|oldest)\s+(?:notes?\s+)?(?:to|through|vs\.?)\s+(?:the\s+)?(?:latest|most\s+recent|newest|current)\b"
    r"|\bcompar\w*\s+(?:the\s+|our\s+|my\s+)?(?:first|earliest|oldest|latest)\b[^?.]*\b(?:with|to|and|against)\b[^?.]*\b(?:first|earliest|oldest|now|today|latest)\b"
    r"|\b(?:start(?:ed|s)?|began|begin)\b[^?.]*\b(?:now|today|currently|latest)\b",  # "where did sentiment start and where is it now?"
    re.I,
)
# Words asking for a trend's own figures ("the change", "how much has it moved", "how many notes"):
# no words naming which note is meant.
# (and words asking to be told them: "walk me through the change", "tell me how many")
_TREND_FIGURES = frozenset(
    "change changed moved move much many number count total difference walk tell show give between cover covers covered covering span spans "
    "go goes went gone turn turned swing swung flip flipped improve improved improving worsen worsened worsening "
    "shift shifted shifting evolve evolved evolving start started starts began begin".split()  # (and how it got there: "Acme went from bearish to bullish")
)
# A window from an event, not a date ("since the recall", "after the guidance cut"): it starts at
# the date of the note about the event, which the answerer finds among the asked companies' notes.
# A note named by its date a trend counts from: "since the August 2025 note", "since our Jan note".
_SINCE_DATED_NOTE = re.compile(r"\bsince\s+(?:the|that|our|its|their)\s+(?P<when>[^?.,;:]{2,30}?)\s+(?:note|piece|write-?up)\b", re.I)
# (or after what a company did: "since they announced the plant closures", "since it cut its guidance")
_SINCE_EVENT = re.compile(
    r"\b(?:since|after|following)\s+(?:(?:they|it|he|she|we)\s+(?!(?:was|were|is|are|be|been|have|has|had|did|do|does)\b)[a-z]+\s+)?"
    r"(?:the|that|this|our|its|their)\s+(?P<event>" + EVENT_WORDS + r"{2,60})", re.I,
)
# ... or set against now ("is Acme better now than it was at the recall?"): from the event's note to the latest.
_THAN_AT_EVENT = re.compile(
    r"\bthan\s+(?:it\s+was\s+|they\s+were\s+|we\s+were\s+)?(?:at|around|during|after|in)\s+(?:the|that|its|their)\s+(?P<event>" + EVENT_WORDS + r"{2,60})", re.I
)
# ... or at an event set against now (``AT_EVENT_VS_NOW``): the same.
_AT_EVENT_VS_NOW = re.compile(rf"\b{AT_EVENT_VS_NOW}", re.I)
# The note right after an event's ("did Acme recover in the note that followed the recall?", "the
# next note after the selloff"): the event's note set against the one after it. A date inside the
# event's words dates the event ("the November 2025 selloff"), it is no window of its own.
_NOTE_AFTER_EVENT = re.compile(
    rf"\b(?:next\s+|following\s+)?{NOTE_NOUN}\s+(?:that\s+|which\s+)?(?:followed|came\s+after|after|following)\s+(?:the|that|this|its|their)\s+(?P<event>{EVENT_WORDS}{{2,60}})",
    re.I,
)
# ... or the span from an event's note to the next ("between the recall and the next note on it").
_BETWEEN_EVENT_AND_NEXT = re.compile(
    rf"\bbetween\s+(?:the|that|this|its|their)\s+(?P<event>{EVENT_WORDS}{{2,60}}?)\s+and\s+(?:the\s+)?(?:next|following)\s+{NOTE_NOUN}\b",
    re.I,
)
# A name of several capitalised words set as the question's headline ("Schneider National - sentiment score?").
_HEADLINE_NAME = re.compile(r"^\s*([A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){1,3})\s*[-:\u2013\u2014]")
# A score asked of a symbol: "UHS's score", "FITB ticker score", "XYZ's own sentiment".
_SYMBOL_SCORE = re.compile(r"\b([A-Z]{2,5})(?:['\u2019]s)?\s+(?:(?:own|ticker|sentiment|overall)\s+)*(?:scores?|sentiment|rating)\b")
# ... or of a name: "what score did Vikingo get in the Acme note?"
# (or "what did Vikingo score in the Acme note?", a name of up to three words: "Ping An")
_NAME_SCORE = re.compile(r"\bwhat\s+(?:sentiment\s+|ticker\s+)?score\s+did\s+(?!(?:we|you|it|they|the|this|that|our|my|its|their)\b)([\w&.\-]+)\s+(?:get|receive)\b", re.I)
# ... or of several words, a name only where the notes write them so (``score_names``): "what score did southern copper get?"
_NAMES_SCORE = re.compile(r"\bwhat\s+(?:sentiment\s+|ticker\s+)?score\s+did\s+(?!(?:we|you|it|they|the|this|that|our|my|its|their)\b)([\w&.\-]+(?:\s+[\w&.\-]+){1,2}?)\s+(?:get|receive)\b", re.I)
_NAME_SCORED = re.compile(
    r"(?i:\bwhat\s+did\s+)(?!(?i:we|you|it|they|the|this|that|our|my|its|their)\b)([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}|[a-z][\w&.\-]*)\s+(?i:score)\b"
    # (or how it scores, asked of nothing else: "how does orsted score?"; not "how do analysts score Apple?")
    r"|(?i:\bhow\s+(?:does|do|did)\s+)(?!(?i:we|you|it|they|the|this|that|our|my|its|their)\b)([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}|[a-z][\w&.\-]*)\s+(?i:score)(?=\s*[?.!]*\s*$)"
    # (or scored by us or a note: "what did we score Vikingo?", "how did the ore note rate Vikingo")
    r"|(?i:\b(?:what|how)\s+did\s+(?:we|you|they|(?:the|that|this)\s+(?:[\w&.'\u2019-]+\s+){0,4}?(?:note|piece|report|write-?up))\s+(?:score|rate|grade)\s+)(?!(?i:it|them|the|this|that|its|their)\b)([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}|[a-z][\w&.\-]*)(?=\s*(?:[?.!,]|$))"
)
# ... or a name, capitalised, just before its score in a note ("Zorblax score in the iron ore note?"; a
# name typed in lower case may be a company the notes score but do not name: "zimmer biomet's ticker
# score in the ... note"), or a symbol the question ends on after its score ("latest sentiment score
# for ANZ?"; not "for EU carmakers")
_NAME_BEFORE_SCORE = re.compile(r"(?<![\w&.'\u2019-])((?:[A-Z][\w&.\-]*\s+){0,2}[A-Z][\w&.\-]*)(?:['\u2019]s)?\s+(?i:(?:own\s+|ticker\s+)?score\s+in\s+the)\b")
_SCORE_OF_SYMBOL = re.compile(r"\b(?:scores?|sentiment|rating)\s+(?:for|on|of)\s+([A-Z]{3,5})(?=\s*(?:[?.!,]|$))")
UNFAMILIAR_LETTERS = 5  # shorter words ("pls", "avg", "ytd") are too often shorthand to name anything
_NAMED_NOTHING = frozenset("I What Which How Has Have Is Are Was Were Did Does Do Why When Who".split())
# "calendar" qualifying a year ("the notes from calendar 2025") names a window, not what a note is about.
_CALENDAR = re.compile(r"\bcalendar(?:\s+year)?(?=\s+(?:19|20)\d{2}\b)", re.I)
# Now, in words that would otherwise read as a topic ("at the moment", "right now", "these days").
# (And how often, "at times", "sometimes": no topic either.)
_NOW = re.compile(r"\b(?:at\s+the\s+moment|right\s+now|these\s+days|at\s+present|at\s+times|sometimes)\b", re.I)
_WHICH_PERIOD = re.compile(r"\b(?:which|what)\s+(month|quarter)\b", re.I)
_LABEL = re.compile(r"\b((?:mildly|strongly)\s+(?:positive|negative)|neutral)\b", re.I)
# "the biggest improvement", "declined the most": companies ranked by their change, not their average.
_BY_CHANGE = re.compile(
    r"\b(?:most|biggest|largest|greatest|sharpest|strongest)\s+(?:improvement|improving|improved|decline|declining|deterioration|drop|fall|change|swing|shift)\b"
    r"|\b(?:improved|declined|deteriorated|dropped|fell|changed|worsened)\s+(?:the\s+)?most\b",
    re.I,
)
_FALLING = re.compile(r"\b(?:declin\w*|deteriorat\w*|drop\w*|fall|fell|worse\w*)\b", re.I)
_MONTH_WORDS = frozenset("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_RECENCY = re.compile(r"\b(latest|newest|most\s+recent|last|first|earliest|oldest)\b", re.I)
# One note by its place in date order: "its second note", "the 3rd note", "the second-to-last
# note", "the penultimate note" (counted from the newest when said so).
_ORDINAL_NOTE = re.compile(
    r"\b(?:(?P<nth>second|third|fourth|fifth|2nd|3rd|4th|5th)(?P<back>[\s-]+(?:to[\s-]+last|latest|newest|most[\s-]+recent))?"
    r"|(?P<penultimate>penultimate))\s+(?:note|write-?up)\b",
    re.I,
)
# ... not one described besides ("its second note on the recall": the second of those; read with the
# companies put as "the company", ``without_names``: "the 3rd note on Tesla" is Tesla's), nor one of
# two set side by side ("its first and second note scores")
_EVENT_AFTER = re.compile(r"\s+(?:on|about|covering|where|when|in\s+which|from|after|following)\b(?!\s+the\s+company\b)", re.I)
_PAIRED_BEFORE = re.compile(r"\b(?:first|second|third|fourth|latest|last|oldest|newest|earliest)\s+(?:and|&|or|vs\.?|versus)\s+$", re.I)
_REPORTING_KINDS = PARTS_OF_YEAR | {"fiscal_year"}  # (periods a note reports on, not a window of dates)
_ORDINAL_NUMBERS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def note_by_place(text: str) -> tuple[Literal["newest", "oldest"], int] | None:
    """(the end counted from, the place) of one note named by its place in date order
    (``_ORDINAL_NOTE``; not ``_EVENT_AFTER`` it, nor ``_PAIRED_BEFORE``), or None."""
    found = _ORDINAL_NOTE.search(text)
    if found is None or _EVENT_AFTER.match(text, found.end()) or _PAIRED_BEFORE.search(text[: found.start()]):
        return None
    if found.group("penultimate"):
        return "newest", 2
    return ("newest" if found.group("back") else "oldest"), _ORDINAL_NUMBERS[found.group("nth").lower()]


# "the latest sentiment on Boeing", "the current score": what the newest note says, not the average over every note.
_LATEST_READING = re.compile(r"\b(?:latest|newest|current)\s+(?:sentiment|score|view|rating|reading|read|take|tone|stance|label|note)\b", re.I)
# A trend asked outright, or its ends both named ("trend since October: first score, latest score,
# change"): the latest reading it names is one end of it, not the answer.
_TREND_ASKED = re.compile(r"\btrend\w*|\btrajector\w*|\b(?:first|earliest|oldest|start\w*)\b.*\b(?:latest|newest|now|current|most\s+recent)\b", re.I)
_COMPANY_UNIT = re.compile(r"\b(?:compan(?:y|ies)|cos?\b\.?|tickers?|stocks?|names?|firms?|holdings?|positions?)\b|(?:^|[,;:])\W*who\b", re.I)
_NOTE_WORD = re.compile(r"\bnotes?\b", re.I)
# What a ranking is ordered by, said outright: "top company by average score", "bottom names by sentiment".
_BY_SCORE = re.compile(r"\bby\s+(?:(?:the\s+|their\s+|its\s+)?(?:average|avg|mean|overall)\s+)?(?:sentiment\s+)?(?:scores?|sentiment)\b", re.I)
# Notes named as where the answer comes from, not as what is ranked: "which of Tesla, Boeing and
# Costco is the most bullish according to the research notes?" ranks companies.
_SOURCE_NOTES = re.compile(r"\b(?:according\s+to|in|from|across|based\s+on|per|by)\s+(?:the\s+|my\s+|our\s+)?(?:research\s+)?notes\b", re.I)
# What a ranking ranks, when the question names it after "which"/"what": "which company do my
# notes view most bearishly?" ranks companies (the notes are who views), "which of my notes..." notes.
_RANKED = re.compile(
    r"\b(?:which|what)\s+(?:(?:one|ones)\s+)?(?:of\s+(?:my|our|the|these|those)\s+)?(?:\w+\s+)?"
    r"(?:(?P<company>compan(?:y|ies)|cos?\b\.?|tickers?|stocks?|names?|firms?|holdings?)|(?P<note>notes?|pieces?|write-?ups?|articles?))\b"
    r"|(?:^|[,;:])\W*(?P<who>who)\b",  # who is ranked is a company: notes are not "who" ("over the past year, who ...")
    re.I,
)
# A stance superlative said of notes ("the single most negative note ... which co?"): notes ranked.
_NOTES_RANKED = re.compile(
    rf"\b(?:(?:most|least)\s+(?:{_POSITIVE}|{_NEGATIVE})|highest|lowest|best|worst|gloomiest|bleakest|rosiest)(?:[\s-]+(?:scor\w+|rated))?"
    r"\s+(?:single\s+)?(?:notes?|pieces?|write-?ups?|articles?)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:?]|$")
_MONTH_PERIOD = re.compile(r"\b(?:by|per|each|every|a)\s+month\b|\bmonthly\b|\bmonth[- ](?:by|over|on)[- ]month\b|\bmom\b", re.I)
_YEAR_PERIOD = re.compile(r"\b(?:by|per|each|every|a)\s+year\b|\byearly\b|\bannual(?:ly)?\b|\byear[- ](?:by|over|on)[- ]year\b|\byoy\b", re.I)
_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d{2}\b")
_QUARTER_PERIOD = re.compile(r"\b(?:by|per|each|every|a)\s+quarter\b|\bquarterly\b|\bquarter[- ](?:by|over|on)[- ]quarter\b|\bqoq\b", re.I)
# A number that is part of a name: a drug's, a product's or a model's ("CRV-220", "Model-3").
_NAMED_NUMBER = re.compile(r"(?<=[A-Za-z]-)(\d{1,4})\b")
# Words that say how to answer about sentiment, not what a note is about.
_NOT_TOPIC = frozenset(
    "sentiment sentiments score scores scored scoring overall ticker tickers positive negative neutral bullish bearish "
    "mildly strongly label labelled labeled rated rating rate get got give given gave did does do compare compared "
    "comparison versus vs against relative view views mood tone optimistic pessimistic read reading company "
    "latest newest recent last first earliest oldest one single specific particular how research coverage "
    "most least highest lowest best worst top bottom strongest weakest higher lower more less "
    "better worse ahead behind now today currently lately average averages averaged avg mean across who whats "
    "really very quite pretty super extremely deeply truly big huge low high "
    "dataset datasets database corpus universe whole entire "
    "carry carries carried getting number whose how'd what'd how\u2019d what\u2019d among amongst many within between long "
    # (the stance words ``_POSITIVE`` and ``_NEGATIVE`` read as a direction: "why is the latest note upbeat?")
    "upbeat downbeat constructive gloomy gloomier gloomiest bleak bleaker bleakest rosy rosier rosiest "
    "favourable favorable unfavourable unfavorable sour soured souring".split()
)


@dataclass(frozen=True)
class SentimentIntent:
    """A sentiment question as a query: ``kind`` (see ``KINDS``), the ``tickers`` asked about,
    the date ``window``, the grouping ``period`` of a trend, ``n`` of a top-n, the ``direction``
    of an extreme or a count, whether it ranks notes or companies, the words saying which one
    note it means (``about``), which note by date (``pick``, ``position``), whether it asks ``why``, and for
    a trend "since" a point, the notes ``before`` it (set against the notes since).
    ``period_subject`` is the feature of ``ragbot.periods.period_subject`` (in [-1, 1]); above 0,
    ``reporting`` holds the reporting periods the notes asked about discuss (the one note's, or
    the set a count or ranking runs over), and those periods set no date ``window``; named
    without a year (``any_year``), they match each note's own reading of them ("the note on
    Acme's first-quarter slip" is the May 2025 note on Q1 2025, not only a note on Q1 2026)."""

    kind: Kind
    tickers: tuple[str, ...] = ()
    window: Window | None = None
    period: Literal["month", "quarter", "year"] | None = None
    n: int | None = None
    direction: Literal["positive", "negative"] | None = None
    unit: Literal["note", "company"] = "note"
    about: str = ""
    pick: Literal["topic", "newest", "oldest"] = "topic"
    position: int = 1  # which by date, counted from the ``pick`` end: 2 is the second (from "oldest") or second-to-last note
    why: bool = False
    label: str | None = None  # a full label a count asks for ("mildly positive")
    measure: Literal["average", "change"] = "average"  # what companies are ranked by
    period_subject: float = 0.0  # > 0: the periods named are what a note is about, not a date window
    reporting: tuple[ReportingPeriod, ...] = ()  # the periods the notes asked about discuss
    before: Window | None = None  # the notes before a "since" window's start
    any_year: bool = False  # ``reporting`` was named without a year: the same quarter or half of any year matches
    since_event: str = ""  # the words naming an event a window starts at, until a note about it dates it
    next_note: bool = False  # the window from the event ends at the next note after the event's
    event_window: Window | None = None  # when the event's words date it ("the November 2025 selloff")
    group: str = ""  # the words that named ``tickers`` by what the companies do ("uranium miners"; ``ragbot.sentiment.groups``)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text.lower()]


def _direction(text: str) -> Literal["positive", "negative"] | None:
    found = _DIRECTION.search(text)
    if not found:
        return None
    negative = re.fullmatch(_NEGATIVE, found.group(2), re.I) is not None
    if found.group(1):  # "least negative" ranks the most positive first
        negative = not negative
    return "negative" if negative else "positive"


# Phrases that join an event to its cause, naming neither ("on the back of the order book").
_CONNECTIVE = re.compile(
    r"\b(?:on\s+the\s+back\s+of|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of|in\s+light\s+of|in\s+the\s+face\s+of"
    r"|as\s+a\s+result\s+of|ahead\s+of|thanks\s+to|because\s+of|due\s+to)\b",
    re.IGNORECASE,
)
# How companies asked side by side fared, naming no event ("which of the two came out better").
_STANCE_LAST = re.compile(STANCE_ASKED_LAST, re.IGNORECASE)  # "..., how positive was the call?" names no "call"
_STANDING_ASKED = re.compile(
    r"\bwhich\s+of\s+(?:the\s+|them\s+)?(?:two|three|both|all)\b|\bc(?:a|o)me\s+out\s+(?:better|worse|higher|lower|ahead|on\s+top)\b",
    re.IGNORECASE,
)


def one_note_topic(question: Question, periods: bool = False) -> str:
    """The words that say which note is meant ("export ban", "Singles Day"), without the
    question's sentiment vocabulary or company names; with ``periods``, without the words of
    its reporting periods too ("Q4", "fiscal", "results": those are matched as periods). A bare
    number is left out ("the note from March 5") unless it is part of a name ("CRV-220")."""
    named = set(_NAMED_NUMBER.findall(question.topic))
    # "why", "what's dragging on", "at the moment", "the drop in its sentiment": naming no note
    standing = _STANDING_ASKED.sub(" ", _STANCE_LAST.sub(" ", question.topic))
    asked = _CALENDAR.sub(" ", _NOW.sub(" ", _WHY.sub(" ", _SENTIMENT_MOVE.sub(" ", _CONNECTIVE.sub(" ", standing)))))
    return " ".join(
        t for t in topic_terms(asked)
        if t not in _NOT_TOPIC and t not in _MONTH_WORDS and (not t.isdigit() or t in named)
        and not (periods and PERIOD_WORD.fullmatch(t))
    )


def named_thing(question: Question, intent: SentimentIntent) -> str:
    """The words of ``question`` that name something besides how it asks and its window
    ("uob" of "how is UOB scored in our notes?"; none in "how has sentiment trended since June?"
    nor "how many negative notes last month?")."""
    asked = replace(question, topic=_TREND.sub(" ", _DISTRIBUTION.sub(" ", question.topic)))
    window = set(topic_terms(intent.window.label)) if intent.window else set()
    return " ".join(w for w in one_note_topic(asked, periods=True).split() if w not in window)


def event_words(text: str) -> str:
    """The words of ``text`` that name an event ("recall" of "the recall"), as ``one_note_topic``
    keeps them; empty when it names only a note or a time ("the latest note", "the first one")."""
    return " ".join(t for t in topic_terms(text) if t not in _NOT_TOPIC and t not in _MONTH_WORDS and not t.isdigit())


def headline_name(text: str, known: Callable[[str], bool]) -> list[str]:
    """The words of a name of several capitalised words set as ``text``'s headline ("Schneider
    National - sentiment score?"), when ``known`` (the notes' text, or a word that is no common
    English word) says it names something, and none of its words is a month, a period or a word
    of sentiment questions ("Last Quarter: ...", "Quick Question - ..." name nobody)."""
    found = _HEADLINE_NAME.match(text)
    words = found.group(1).split() if found else []
    generic = {w.lower() for w in words} & (_NOT_TOPIC | _MONTH_WORDS) or any(w in _NAMED_NOTHING or PERIOD_WORD.fullmatch(w) for w in words)
    return words if words and not generic and known(found.group(1)) else []


def unfamiliar_words(question: Question, written: Callable[[str], bool]) -> list[str]:
    """The words of ``question``'s topic (``one_note_topic``) that may name something the notes
    never write (``written`` says which they do): a company typed in lower case ("hershey sentiment
    score?", "any sentiment on hyatt?"). Such a word has ``UNFAMILIAR_LETTERS`` or more and is not
    English (``is_english``: "gloomiest" is), nor a word of sentiment questions or its adverb
    ("bearishly"), nor one typo from either ("sentimnet", "bulish")."""
    return [w for w in one_note_topic(question).split() if len(w) >= UNFAMILIAR_LETTERS and w.isalpha() and is_unfamiliar(w, written)]


def is_unfamiliar(word: str, written: Callable[[str], bool]) -> bool:
    """Whether ``word`` (lower case) may name something: no English word, none the notes write
    (``written``), no word of sentiment questions or its adverb, nor one typo from either."""
    return not written(word) and not is_english(word) and word.removesuffix("ly") not in familiar_words() and not one_typo_from_familiar(word, written)


def one_typo_from_familiar(word: str, written: Callable[[str], bool] | None = None) -> bool:
    """Whether ``word`` is one typo (an edit or a swap) from a familiar word (``familiar_words``).
    With ``written`` (the notes' word index), only from one the notes write or a word of sentiment
    questions: a typo is read as the word meant, and a word meant that no note writes would ask
    of nothing they hold ("zillow" is one letter from "willow": a name, not a typo)."""
    near = process.extract(word.lower(), familiar_words(), scorer=OSA.distance, score_cutoff=1, limit=None)
    return any(written is None or w in _NOT_TOPIC or written(w) for w, _, _ in near)


@cache
def familiar_words() -> tuple[str, ...]:
    """English words of the bundled model's vocabulary (not its names: "nike", "hyatt") and the
    words of sentiment questions: what a typo is one letter from."""
    return tuple(sorted({w for w in bundled_words() if is_english(w)} | _NOT_TOPIC))


def unscored_symbols(question: Question, scored: Callable[[str], bool]) -> list[str]:
    """Symbols or names whose score the question asks for ("UHS's score in the Acme note", "FITB
    ticker score?", "what score did Vikingo get?") that no note scores (``scored`` says which tickers some note does), as their tickers."""
    patterns = (_SYMBOL_SCORE, _NAME_SCORE, _NAME_SCORED, _NAME_BEFORE_SCORE, _SCORE_OF_SYMBOL)
    found = [(m.group(g), m.start(g)) for p in patterns for m in p.finditer(question.text) for g in range(1, p.groups + 1) if m.group(g)]
    # a name, not a pronoun ("what did each score?") nor an English word in lower case ("how does management score?")
    found = [(name, at) for name, at in found if topic_terms(name) and not (name.islower() and is_english(name))]
    # (a company named within the words found stands for them: "Lowest Rivetline score in the ...")
    asked = (next((t for start, stop, t in question.spans if start <= at < stop or at <= start < at + len(name)), name) for name, at in found)
    return list(dict.fromkeys(t for t in asked if not scored(t) and not scored(t.upper())))  # "orcl's score"


def score_names(question: Question, lower_pairs: set[str], opens_a_note: Callable[[str], bool]) -> list[str]:
    """Names of several words, of no company the question names, that it asks the score of
    ("what score did southern copper get?"): content words the notes never write side by side
    in lower case (``_unknown_name``: not "q3 earnings", "robotaxi launch") and that open no
    note (``opens_a_note``: not "singles day", an event a note is about)."""
    found = (m.group(1).lower() for m in _NAMES_SCORE.finditer(question.text) if not any(start <= m.start(1) < stop for start, stop, _ in question.spans))
    return [name for name in found if _unknown_name(name, lower_pairs) and not opens_a_note(name)]


# The thing a question asks the score of, written before it ("whats crown castle's sentiment
# score", "iron mountain latest sentiment score", "Dai-ichi Life sentiment?").
_SCORE_SUBJECT = re.compile(
    r"^\W*(?:(?:what(?:['\u2019]?s|\s+is|\s+was)|how(?:['\u2019]s|\s+is))\s+)?(?:the\s+)?(?P<subject>[\w&.\-]+(?:\s+[\w&.\-]+){1,2}?)(?:['\u2019]s?)?"
    r"\s+(?:(?:latest|current|newest|overall|average|avg|mean|own|ticker)\s+)*(?:sentiment|scores?|rating|(?P<verb>scored|rated)(?!\s+(?:by|as)\b))\b",
    re.I,
)
# ... or after it, ending the question ("sentiment on constellation brands?")
_SCORE_OBJECT = re.compile(r"\b(?:sentiment|scores?|rating)\s+(?:on|for|of|about)\s+(?:the\s+)?(?P<subject>[\w&.\-]+(?:\s+[\w&.\-]+){1,2}?)\W*$", re.I)


def score_subject(question: Question, lower_pairs: set[str]) -> str | None:
    """What a question that routes to no company asks the score of, when it is a name the notes
    do not cover: two or three words before the score ("iron mountain latest sentiment score") or
    ending the question after it ("sentiment on constellation brands?"),
    each a content word (no sentiment vocabulary, month, period or stopword: not "my notes'
    average score"), that the notes never write side by side in lower case (``lower_pairs``): a
    name ("Crown Castle", mentioned in passing) or nothing they discuss. None otherwise."""
    found = [] if question.tickers else [_SCORE_SUBJECT.match(question.text), _SCORE_OBJECT.search(question.text)]
    # (a subject "scored" or "rated" must look like a name: "how is PKO BP scored", not "how is tariff exposure scored")
    found = [m for m in found if m and not ("verb" in m.groupdict() and m.group("verb") and not _looks_like_a_name(m.group("subject")))]
    return next((m.group("subject") for m in found if _unknown_name(m.group("subject"), lower_pairs)), None)


def _looks_like_a_name(subject: str) -> bool:
    """Whether a word of ``subject`` is capitalised or no English word ("PKO BP", "kiptara")."""
    return any(w[0].isupper() or not is_english(w) for w in subject.split())


def _unknown_name(subject: str, lower_pairs: set[str]) -> bool:
    """Whether ``subject``'s words are all content words (no sentiment vocabulary, month, period
    or stopword) that the notes never write side by side in lower case."""
    words = [w for w in subject.lower().split() if w != "&"]  # "smith & nephew"
    content = all(
        w not in _NOT_TOPIC and w not in _MONTH_WORDS and not PERIOD_WORD.fullmatch(w) and not any(c.isdigit() for c in w) and topic_terms(w)
        for w in words
    )
    return content and not any(f"{a} {b}" in lower_pairs for a, b in zip(words, words[1:]))


_WORD_BEFORE = re.compile(r"([A-Za-z][\w&\-]*)\s+$")


def longer_names(question: Question, writes: Callable[[str], bool]) -> list[str]:
    """Company mentions that end a longer name the notes never write: right before the mention, a
    word past the question's first, of ``PASSING_NAME_LETTERS`` or more letters only (not "worst-scored";
    not "whys" opening "whys acme negative?") that is no English word, no word of sentiment
    questions, and one no note writes (``writes``): "yara international" when International
    Flavors is held and Yara is not."""
    found = []
    for start, end, _ in question.spans:
        before = _WORD_BEFORE.search(question.text[:start])
        word = before.group(1) if before and re.search(r"\w", question.text[: before.start()]) else ""  # not the opening word: "whys acme ..."
        if len(word) >= PASSING_NAME_LETTERS and word.isalpha() and word.lower() not in _NOT_TOPIC and topic_terms(word) and not is_english(word) and not writes(word):
            found.append(f"{word} {question.text[start:end]}")
    return found


PASSING_NAME_LETTERS = 4  # shorter words ("ytd", "yoy", "eps") are too often shorthand the notes capitalise


def passing_names(question: Question, proper: Callable[[str, bool], bool]) -> list[str]:
    """The names a question asks about when it routes to no company: the words of its topic
    (``one_note_topic``) of ``PASSING_NAME_LETTERS`` or more, no month and no word of sentiment
    questions, that the notes write only as names (``proper``; an English word, only when they
    write it so inside a sentence: "rivals such as Carnival"): "score for pennon?", "hdfc bank
    latest score?", "what's the sentiment on carnival rn?" ask of a company the notes mention in
    passing (not "... on average?")."""
    words = [] if question.tickers else one_note_topic(question).split()
    return [
        w for w in dict.fromkeys(words)
        if len(w) >= PASSING_NAME_LETTERS and w not in _MONTH_WORDS and w not in _NOT_TOPIC and proper(w, is_english(w))
    ]


def one_note_phrase(text: str) -> re.Match | None:
    """Where ``text`` points at one note by what it is about ("the Singles Day note", "the note
    on the export ban"), not by an extreme ("the most negative note"); None if it does not."""
    starts = [0, *(m.start() for m in re.finditer(r"\b(?:the|that|this|a|one|its|their|note|piece|article|write|story)|\b[\w.&-]+['\u2019]s\b", text, re.I))]
    return next((m for i in starts if (m := _ONE_NOTE.match(text, i)) and not _EXTREME.search(m.group(0))), None)


def compared_first(question: Question) -> tuple[str, ...]:
    """The question's tickers, those named outside the phrase naming one note first: in "in the
    PDD profit-plunge note, did JD or Alibaba come out worse?" PDD says which note, JD and BABA
    are the two compared. Unchanged unless at least two are named outside that phrase (which
    runs to the end of its clause: "the note on NVIDIA's deal with TSMC, ...")."""
    tickers = tuple(question.tickers)
    found = one_note_phrase(question.text)
    if found is None:
        return tickers
    end = _CLAUSE_END.search(question.text, found.end()).start()
    outside = [t for start, stop, t in question.spans if (stop <= found.start() or start >= end) and t in tickers]
    outside = list(dict.fromkeys(outside))
    return (*outside, *(t for t in tickers if t not in outside)) if len(outside) >= 2 else tickers


def since_dated_note(text: str, today: date) -> Window | None:
    """The window from a note named by its date to today ("improved since the August 2025 note?"
    counts from August 2025: the note and every later one), or None."""
    found = _SINCE_DATED_NOTE.search(text)
    point = find_window(found.group("when"), today) if found else None
    if point is None or point.start is None or point.start > today:
        return None
    return Window(point.start, today, f"since the {found.group('when')} note")


def years_compared(text: str, window: Window | None) -> Window | None:
    """``window`` widened to every year ``text`` names when it names two or more and the window
    holds only one ("Acme's average in 2025 against its 2026 average"), else ``window``."""
    years = sorted({int(y) for y in _YEAR_NUMBER.findall(text)})
    if window is None or len(years) < 2 or window.start is None or window.end is None or window.start.year != window.end.year:
        return window
    return Window(date(years[0], 1, 1), date(years[-1], 12, 31), f"{years[0]} to {years[-1]}")


def by_recency(text: str, phrase: re.Match | None) -> bool:
    """Whether the phrase naming one note names it by recency alone ("why was Acme only neutral in
    its latest note even though it is buying ships?"): a recency word and a note noun, no event
    words inside it and none after it ("the latest note on the recall" is the latest of those);
    the question's other words comment on that note."""
    if phrase is None or not _RECENCY.search(phrase.group(0)) or event_words(phrase.group(0)):
        return False
    return not re.match(r"\s+(?:on|about|covering|where|when|in\s+which|from|after|following)\b", text[phrase.end():], re.I)


def _since_event(topic: str) -> re.Match | None:
    """The event a window counts from ("since the recall"), unless its words are part of the
    description of one note, in the clause naming it ("the note about the new owners cutting
    costs after the privatisation")."""
    found = _AT_EVENT_VS_NOW.search(topic) or _SINCE_EVENT.search(topic) or _THAN_AT_EVENT.search(topic)
    note = one_note_phrase(topic)
    describes = found and note and note.end() <= found.start() < _CLAUSE_END.search(topic, note.end()).start()
    return None if describes else found


def without_names(question: Question) -> str:
    """The question as typed with each company it names put as "the company": a name's words
    ("Top Glove", "Best Buy") ask for no ranking."""
    return neutralise_mentions(question.text, [(start, end) for start, end, _ in question.spans])


def _as_read(text: str) -> str:
    """``text`` with its period shorthand and "most recent" written as the rules read them."""
    return written_out(re.sub(r"\bmost\s+recent\b", "latest", text, flags=re.I))


def _names_a_class(words: set[str]) -> bool:
    """Whether the words a question leaves besides its companies and dates describe a class of
    companies, not an event: each a class noun (``COMPANY_CLASSES``) or a people's adjective
    ("Turkish names over 2027: did A or B ...", "banks in 2027: A or B?", "which bank had the
    better average, A or B?"; not "June 2026 chip deal: A vs B?", "tariffs: A vs B?")."""
    return all(_class_noun(w) or is_peoples_adjective(w.capitalize()) for w in words)


def _class_noun(word: str) -> bool:
    """Whether ``word`` is a class noun (``COMPANY_CLASSES``), singular or plural ("bank", "utility")."""
    return bool(set(stems(word)) & _CLASS_STEMS)


_CLASS_STEMS = frozenset(stems(" ".join(COMPANY_CLASSES)))


def parse_intent(question: Question, today: date, window: Window | None = None) -> SentimentIntent:
    """The query a routed sentiment ``question`` asks; ``window`` (from the UI) narrows it further."""
    text = _as_read(question.text)
    unnamed = _as_read(without_names(question))  # "Top Glove" ranks nothing
    page_window = window
    day = note_day(text, today)
    asked = Window(day, day, day.isoformat()) if day else since_dated_note(text, today) or years_compared(text, find_window(text, today))
    subject = period_subject(question.text)
    reporting = tuple(sorted(reporting_periods(question.text, today))) if subject > 0 else ()
    if reporting and asked and not day and periods(asked.label):  # "Acme's Q4 2025 results": what notes discuss, no window
        asked = None
    after_event = _NOTE_AFTER_EVENT.search(question.topic) or _BETWEEN_EVENT_AND_NEXT.search(question.topic)
    dated_event = None
    if after_event and asked and asked.label in after_event.group("event"):  # "the note that followed the May 2025 recall"
        asked, dated_event = None, asked
    window = asked.intersect(window) if asked else window
    tickers = tuple(question.tickers)
    which = _WHICH_PERIOD.search(text)  # "which month was most negative": periods compared
    grouped = (
        "quarter" if _QUARTER_PERIOD.search(text) else "month" if _MONTH_PERIOD.search(text)
        else "year" if _YEAR_PERIOD.search(text) else which.group(1).lower() if which else None
    )
    period = grouped
    if period is None and asked:  # "between Q2 and Q3" compares quarters; "since June", months; "from 2025 to 2026", years
        words = set(re.findall(r"[a-z0-9]+", asked.label.lower()))
        years = set(_YEAR_NUMBER.findall(asked.label))
        spans_years = len(years) >= 2 or bool(years) and asked.label.lower().startswith(("since", "from", "after", "starting", "than"))
        period = (
            "quarter" if words & {"q1", "q2", "q3", "q4", "quarter"} else "half" if words & {"h1", "h2", "half"}
            else "month" if words & _MONTH_WORDS else "year" if spans_years else None
        )
    mixed = re.search(MIXED, text, re.I) is not None  # a mixed reading asks what drives it, each way
    why = bool(_WHY.search(text)) or mixed
    label = _LABEL.search(text)
    earlier = before(asked) if asked and not day else None
    event = (after_event or _since_event(question.topic)) if asked is None else None
    base = dict(
        tickers=tickers, window=window, period=period, why=why, label=label.group(1).lower() if label else None,
        before=earlier.intersect(page_window) if earlier else None,
        period_subject=subject, reporting=reporting, any_year=bool(reporting) and not reporting_periods(question.text),
        since_event=event_words(event.group("event")) if event else "",
    )
    top = _TOP_N.search(unnamed)
    n = _number(next(g for g in top.groups() if g)) if top else None
    topic = one_note_topic(question, periods=bool(reporting))
    recency = _RECENCY.search(text)
    # A note by what it discusses: periods here name the event ("the Q3 deliveries note") or the
    # reporting period the note is about ("Acme's Q4 2025 results"), not a window over dates.
    about = dict(about=topic, **{**base, "window": window if day else page_window, "tickers": compared_first(question)})
    window_words = set(topic_terms(asked.label)) if asked else set()
    since = _SINCE_EVENT.search(text)
    if _AGAINST_FIRST.search(text) and not set(topic.split()) - _TREND_FIGURES - window_words:  # from the first note to the latest
        return SentimentIntent("trend", **base)
    # the way the reasons asked point: "what's dragging on Acme in the latest note", "why is sentiment on PDD negative?"
    reasons = _direction(text) if why and not mixed else None
    if after_event and base["since_event"]:
        return SentimentIntent("trend", next_note=True, event_window=dated_event, direction=reasons, **base)
    if base["since_event"] and event.re in (_THAN_AT_EVENT, _AT_EVENT_VS_NOW):  # "better now than at the recall": from its note on
        return SentimentIntent("trend", direction=reasons, **base)
    swing = _STANCE_SWING.search(text)
    if swing and reasons:  # the reasons for where it went
        reasons = _direction(swing.group("to"))
    placed = note_by_place(unnamed)
    if placed and not reporting:  # "what drove Acme down in its second note?"
        return SentimentIntent("note", pick=placed[0], position=placed[1], direction=reasons, **base)
    phrase = one_note_phrase(text)
    if phrase and swing and swing.start() <= phrase.start() < swing.end():  # "from a bullish read to ...": a stance, not a note
        phrase = None
    counts_from_note = bool(since and phrase and phrase.start() >= since.start())  # "since the recall note", "since the May note"
    # "the most upbeat note on Acme, and its score?", "top 3 notes by overall score in the whole collection?"
    extreme_asked = bool(_EXTREME.search(unnamed) and (_DIRECTION.search(text) or _TOP_N.search(unnamed) or _BY_SCORE.search(text)))
    # a score asked of words naming an event besides a window or a trend ("score on Acme buying
    # Beta?"; not "score on Acme this year", "... since the recall", "... by quarter")
    named = set(topic.split()) - window_words  # the words naming an event, besides the window
    # ("Acme score on the beta record?"; a bare name of one word asks of a company: "score for Pennon")
    event_named = bool(named) and not since and not grouped and bool(_SCORE_ON_THE.search(text) or owned_sentiment_on_the(question) or len(named) > 1 and re.search(SCORE_ASKED, text))
    if (phrase or (_EVENT_SCORE.search(text) or event_named) and topic and not extreme_asked) and not counts_from_note and not _EVERY_NOTE.search(text):
        # ("PagerDuty's late-2049 note": the note of a window, its words all the window's; not "the Q3
        # 2026 note", the note on a reporting period, which may be dated after it)
        dated_only = (
            bool(phrase and asked and topic) and not set(topic.split()) - window_words and not periods(asked.label).keys() & _REPORTING_KINDS
        )
        if (recency or day or dated_only) and (not topic or by_recency(text, phrase) or dated_only) and not reporting:  # "the latest note", "the note from March 5"
            oldest = recency and recency.group(1).lower() in {"first", "earliest", "oldest"}
            return SentimentIntent("note", pick="oldest" if oldest else "newest", direction=reasons, **base)
        if topic or reporting and not _EXTREME.search(unnamed):  # "the most negative note on Acme's Q4 results" ranks them
            return SentimentIntent("note", direction=reasons, **about)
    latest_ranked = _EXTREME.search(unnamed) or len(tickers) > 1  # "which company has the most negative latest note?"
    if _LATEST_READING.search(text) and not reporting and not _TREND_ASKED.search(text) and not latest_ranked:  # "why is the latest sentiment on Boeing negative?"
        return SentimentIntent("note", pick="newest", direction=reasons, **base)
    # (an event a trend counts from names no count: "since the distribution deal")
    if _DISTRIBUTION.search(text[: since.start("event")] + text[since.end("event"):] if since else text):
        return SentimentIntent("distribution", direction=_direction(text), **base)
    # "better in the first half or the second half?": two periods set against each other, a trend by them
    alternatives = asked is not None and _ALTERNATIVES.search(asked.label) is not None
    if which or against_now(text) or alternatives:  # "better now than in June?": a trend from June
        return SentimentIntent("trend", direction=reasons, **base)
    if _BY_CHANGE.search(text):
        direction = "negative" if _FALLING.search(text) else "positive"
        return SentimentIntent("extreme", n=n, direction=direction, unit="company", measure="change", **base)
    ranks = re.search(r"\brank\w*\b", text, re.I) or _BY_SCORE.search(text)  # "top company by average score"
    if _EXTREME.search(unnamed) and (_DIRECTION.search(text) or ranks or top):  # ("top 3 notes by score": the highest)
        ranked = _SOURCE_NOTES.sub(" ", text)
        named = _RANKED.search(text)
        company = bool(_COMPANY_UNIT.search(ranked)) and not _NOTE_WORD.search(ranked)
        if named:  # "which company ...", "which of my notes ...": the noun says what is ranked
            company = (named.group("company") is not None or named.group("who") is not None) and not _NOTES_RANKED.search(text)
        unit = "company" if company or (not named and len(tickers) > 1 and not _NOTE_WORD.search(ranked)) else "note"
        low = re.search(r"\bbottom\b", unnamed, re.I)  # "bottom 3 by score": the lowest, with no stance word
        return SentimentIntent("extreme", n=n, direction=_direction(text) or ("negative" if low else "positive"), unit=unit, **base)
    # "June 2026 chip deal: AVGO score vs HON score?": companies set side by side in the event a
    # question names (words left once its sentiment vocabulary, companies and dates are gone)
    if len(tickers) > 1 and named and not grouped and not why and not _TREND.search(text) and not _names_a_class(named):
        return SentimentIntent("note", **about)
    # "compare Tesla and Nvidia since January": a comparison over a window ("since" alone asks no trend)
    if len(tickers) > 1 and _COMPARE.search(text) and not _TREND.search(re.sub(r"\bsince\b", " ", text)) and not grouped:
        return SentimentIntent("compare", direction=reasons, **base)
    if _TREND.search(text) or grouped:
        return SentimentIntent("trend", direction=reasons, **base)
    if len(tickers) > 1 or _COMPARE.search(text) and len(tickers) > 1:
        return SentimentIntent("compare", direction=reasons, **base)
    if reporting:  # "the sentiment on Acme's Q4 2025 results": the note about those results
        return SentimentIntent("note", **about)
    return SentimentIntent("summary", direction=reasons, **base)
