"""Work out what a question is about: its companies (as tickers), its topic, and its intent,
carrying both over from earlier turns when a follow-up leaves them out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ingest import TickerResolver
from ragbot.glossary import expand
from ragbot.periods import (
    PERIOD_WORD, for_period, named_period, periods, periods_by_company, relative_quarter, relative_year, shift_quarters, shift_years,
)
from ragbot.windows import find_window, written_out
from ingest.words import is_english, is_plural_noun, query_terms

# The words naming an event, to a clause's end: a dot inside a number or before a web domain is no end (".com", "3.5").
EVENT_WORDS = r"(?:[^?.,;:]|(?<=\d)\.(?=\d)|\.(?=(?:com|net|org|io|ai)\b))"
# The score at an event set against now ("where was sentiment at the time of the fire vs where it is
# now?", "score at the time of the Airtel deal vs now, and the change"): a trend from the event's note.
AT_EVENT_VS_NOW = (
    r"(?:at\s+the\s+time\s+of|at|around|during|after)\s+(?:the|that|its|their)\s+(?P<event>" + EVENT_WORDS + r"{2,60}?)\s*,?\s+"
    r"(?:vs\.?|versus|compared\s+(?:with|to)|against|and)\s+(?:where\s+(?:it|sentiment|the\s+score)\s+(?:is|stands)\s+)?(?:now|today|currently)\b"
)


# What a note is called: "the recall note", "the leisure survey", "the sector round-up", "the
# desk wrap", "the Six Flags read" (``NOTE_NOUNS``: and their plurals). A read with nothing naming
# it, or a read on something, is the desk's view, not a note ("our read", "the negative read on Acme").
_UNNAMED = r"(?<!\bthe\s)(?<!\bour\s)(?<!\bmy\s)(?<!\ba\s)"
NOTE_NOUN = rf"(?:note|piece|write-?up|article|story|{_UNNAMED}read(?!\s+on\b)|survey|round-?up|recap|wrap(?!\s+up\b))"
NOTE_NOUNS = rf"(?:notes?|pieces?|write-?ups?|articles?|stor(?:y|ies)|{_UNNAMED}reads?(?!\s+on\b)|surveys?|round-?ups?|recaps?|wraps?(?!\s+up\b))"
# A note named headline-style at the question's start ("Acme recall note - did X or Y score higher?",
# "Acme recall note (the March one): score?").
NOTE_HEADLINE = rf"^\s*(?:[\w'\u2019./&-]+\s+){{1,7}}?{NOTE_NOUN}\s*(?=[-:,(\u2013\u2014])"
# A question that opens by asking for a score, no measure named before it ("Score for the Acme
# recall?", "what's the score on the export-ban note?"; not "Acme's credit score"): a note's score.
# (or after a heading naming the company, of an event it describes: "F&P Healthcare - score for the
# humidifier recall", "Acme: score on the deal?"; not a score others give: "Sony: score on the Metacritic review")
_OTHERS_SCORES = (
    r"tests?|ratings?|surveys?|index|indices|rankings?|reviews?|exams?|audits?|assessments?|benchmarks?"
    r"|scorecards?|borrowers?|credit|esg|nps|promoter"
)
_MEASURED_BY_OTHERS = rf"(?![^?.]*\b(?:{_OTHERS_SCORES})\b)"
SCORE_ASKED = (
    r"^\W*(?:(?:(?:what(?:'s|\u2019s|\s+is|\s+was)|and)\s+)?(?:the\s+)?scores?\s+(?:for|on|of)\b"
    r"|[\w&.'\u2019]+(?:\s+[\w&.'\u2019]+){0,3}?(?:\s+[-\u2013\u2014]|\s*:)\s+(?:what(?:['\u2019]s|\s+is|\s+was)\s+)?(?:the\s+)?score\s+(?:for|on)\s+(?:the|its|their)\b"
    rf"{_MEASURED_BY_OTHERS})"
)
# The one note a question has just described ("... what was the score on that one?", "... what
# was the score on that").
THAT_ONE = rf"\s(?:on|for|of|in)\s+(?:that|this)(?:\s+(?:one|{NOTE_NOUN})\b|\s*[?.!]*\s*$)"
# A separator setting what is asked last apart (a dash only as such: not "Altman Z-score"), and a
# question's polite end.
_SET_APART = r"(?:[.,;:\u2013\u2014]|(?<![\w-])-+)"
_POLITE_END = r"(?:\s+(?:pls|please|plz|thx|thanks))?\s*[?.!]*\s*$"
# A ticker as written, in capitals whatever the pattern's flags ("the HFG.DE score"): a word there
# would be a measure ("the credit score"), as would a rater's acronym ("the ESG score", "the NPS score").
_TICKER_SHAPED = rf"(?!(?:{_OTHERS_SCORES}|nhtsa|fico|msci|csat|iqs)\b)(?-i:\$?[A-Z][A-Z0-9]{{0,5}}(?:\.[A-Z]{{1,3}})?)"
# A bare score asked last, after describing what it is of ("Acme, the quarter sales grew. score?",
# "..., whats the score", "... - what was the sentiment?").
# (or for each company of it: "... - score for each ticker?"; politeness after it: "score pls")
SCORE_LAST = (
    rf"{_SET_APART}\s*(?:and\s+)?(?:(?:what(?:['\u2019]?s|\s+is)\s+)?(?:the\s+|its\s+)?(?:{_TICKER_SHAPED}\s+)?(?:sentiment\s+)?scores?"
    # (in the past only of a ticker: "... - what was the HFG.DE score there?"; "shoprite in Q1 2026 - what
    # was the score?" asks a window's)
    rf"|what\s+was\s+the\s+{_TICKER_SHAPED}\s+(?:sentiment\s+)?score"
    r"|(?:what(?:['\u2019]?s|\s+is|\s+was)\s+)?(?:the\s+|its\s+)?sentiment)"
    r"(?:\s+for\s+(?:each|every|both|all)(?:\s+(?:the\s+)?(?:tickers?|compan(?:y|ies)|names?))?|\s+there|\s+in\s+(?:it|that(?:\s+one)?))?"
    rf"{_POLITE_END}"
)
# ... or for the companies a heading's event names ("electric tug order - scores for Rohm and NBHT
# please"; not others' scores, "ESG ratings - scores for Tesla and Ford?", nor periods, "... for Q3 and Q4?")
SCORES_FOR_NAMED = (
    rf"^(?![^?]*\b(?:{_OTHERS_SCORES}|iqs)\b)[^?]*?{_SET_APART}\s*(?:the\s+)?(?:sentiment\s+)?scores?\s+for\s+"
    r"(?!(?:q[1-4]|h[12]|fy|(?:19|20)\d\d)\b)[\w&.'\u2019-]+(?:(?:\s*,\s*|\s+(?:and|&)\s+)[\w&.'\u2019-]+){0,3}"
    rf"{_POLITE_END}"
)
# A company or note said to read mixed: "Acme looks mixed", "the recall note reads mixed".
MIXED = r"\b(?:looks?|looking|reads?|reading|seems?)\s+(?:so\s+|pretty\s+|quite\s+|very\s+|kind\s+of\s+)?mixed\b"
# Who scores the notes' subjects, as a question names them ("how did the desk score Acme ...?").
_RATERS = r"(?:notes?|research|coverage|desk|team|analysts?)"
# What the notes scored something as ("what'd we score it", "what did we score Acme on the recall?",
# "how did the research rate Acme teaming up with Beta?").
# (or what the event described scored: "... recall - what did it score")
# (or how: "how'd we score that?"; and what the thing described got: "... What score did that get?")
SCORED_BY_US = (
    rf"\bwhat(?:['\u2019]d|\s+did)\s+(?:we|you|it|that|this|(?:the|our|my)\s+{_RATERS})\s+(?:score|rate)\b"
    rf"|\bwhat(?:['\u2019]d|\s+did)\s+(?:that|this|the)\s+(?:one|{NOTE_NOUN})\s+(?:get|score|receive)\b"
    rf"|\bhow(?:['\u2019]d|\s+did)\s+(?:we|you|(?:the|our|my)\s+{_RATERS})\s+(?:score|rate)\b"
    r"|\bwhat\s+(?:sentiment\s+)?(?:score|rating|number)\s+did\s+(?:that|this|it)\s+(?:get|receive|earn)\b"
    # (or what a company got in the note just described: "... What number did Beta get in it?")
    rf"|\bwhat\s+(?:sentiment\s+)?(?:score|rating|number)\s+did\s+[\w&.'\u2019-]+(?:\s+[\w&.'\u2019-]+){{0,2}}?\s+(?:get|receive|earn)(?:{THAT_ONE}|\s+in\s+it\s*[?.!]*\s*$)"
    # (or what a company scored on an event: "What did Xero score on the launch of its AI helper?")
    r"|\bwhat(?:['\u2019]d|\s+did)\s+[\w&.'\u2019-]+(?:\s+[\w&.'\u2019-]+){0,2}?\s+score\s+(?:on|for|after|over)\s+(?:the|its|their)\b"
    + _MEASURED_BY_OTHERS +
    # (or what a company scored in the note just described: "... - what did TRMY score there?")
    r"|\bwhat\s+did\s+[\w&.'\u2019-]+(?:\s+[\w&.'\u2019-]+){0,2}?\s+score\s+(?:there|in\s+(?:it|that|this|that\s+one|this\s+one))\s*[?.!]*\s*$"
    # (or how far one way it was: "... - how negative was that one", "... - how bad was the score")
    r"|\bhow\s+(?:negative|positive|bullish|bearish|upbeat|downbeat)\s+(?:was|is)\s+(?:it|that|this)(?:\s+one)?\s*[?.!]*\s*$"
    r"|\bhow\s+(?:bad|good|low|high|negative|positive)\s+(?:was|is)\s+(?:the|its|that)\s+(?:sentiment\s+)?score\s*[?.!]*\s*$"
)
# How far one way the notes went on something ("how negative did we go on Acme", "how bullish were we",
# "how negative did we score it").
# How one way the desk's call was, asked last of what the question described ("Acme's retrofit
# win, how positive was the call?"; not "... the call on Acme's margins?").
STANCE_ASKED_LAST = (
    r"\bhow\s+(?:negative|positive|bullish|bearish|upbeat|downbeat)\s+(?:was|is|were)\s+(?:the|that|this|our)\s+(?:call|read|view|take)\s*[?.!]*\s*$"
)
STANCE_TAKEN = (
    rf"\bhow\s+(?:negative|positive|bullish|bearish|upbeat|downbeat)\s+(?:(?:did|do|have|had)\s+(?:we|you|(?:the|our|my)\s+{_RATERS})"
    r"\s+(?:go|gone|get|got|gotten|turn|turned|become|lean|leaned|score|scored|rate|rated)|(?:were|was|are)\s+(?:we|you)"
    # ("how negative was the call on Yara when ...?"; not "... the call on Tesla's margins?", a measure)
    r"|(?:was|is|were|are)\s+(?:the|our|my|that|this)\s+(?:call|note|take|view|read|score)\s+(?:on|for|about)\s+(?!the\s+company['\u2019])[\w.&-]+(?![\w.&'\u2019-]))"
)
_STANCES = r"(?:negative|positive|neutral|bullish|bearish|upbeat|downbeat|optimistic|pessimistic)"  # a read's stance, said of a company
# ... closing the clause or followed by a time: no measure after it ("to positive net income", "negative in free cash flow")
_NO_MEASURE_AFTER = (
    r"(?=\s*(?:[?.!,;:\u2013\u2014-]|$|(?:in|during|over|since|after|before|by|through|across|this|last|lately|recently)\b"
    r"(?:\s+(?:the\s+)?(?:early|mid|late|first|second|third|fourth|last|past|this|previous)?[- ]?(?:\d|q[1-4]|h[12]|fy|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|year|quarter|half|month|summer|winter|spring|autumn|fall|period|notes?)[\w-]*"
    r"(?:\s+(?:of|and|to|the|\d[\w-]*|q[1-4]|h[12]|fy[\w-]*|year|quarter|half|month))*\s*(?:[?.!,;:\u2013\u2014-]|$)|\s*(?:[?.!,;:\u2013\u2014-]|$))))"
)
# The company itself, alone after "on": "the overall view on the company?", "... on the company overall" (a topic with its names put so).
# (or as the notes see it: "the overall read on the company across our notes")
_THE_COMPANY_ALONE = (
    r"the\s+company(?:['\u2019]s\s+(?:stock|shares))?(?:\s+(?:overall|as\s+a\s+whole|right\s+now|now|today|these\s+days))?"
    r"(?:\s+(?:across|in|from)\s+(?:the|our|my)\s+(?:notes|coverage|research))?\s*(?:[?.!]|$|,)"
)
_SENTIMENT = re.compile(
    r"(?<!consumer )\b(sentiment|bullish|bearish|mood|tone|optimistic|pessimistic|positive or negative|feel(?:s|ing)? about)(?:ly|ally)?\b"
    # (adverbs too: "which company do the notes view most bearishly?"), and how the notes regard
    # a company ("which company do my notes see most negatively?"; not "most negatively affected")
    # (the stance right after what is regarded, never an effect: "saw margins negatively affected")
    r"|\b(?:view|views|viewed|viewing|see|sees|saw|seen|regard|regards|regarded)\b[^?.,;]{0,40}?\b(?:positively|negatively|favou?rably|unfavou?rably)\b"
    r"(?!\s+(?:affect|impact|hit|weigh|influenc|hurt)\w*)"
    # the notes' scores and labels: "the most negative note", "how many positive notes", "what score did the note get"
    # (and with a company between: "count the positive Costco notes", "the negative Tesla calls")
    r"|\b(most|least|more|less)\s+(positive|negative|upbeat|downbeat)\b"
    # (or how the notes covered it: "the most positively covered company"; not "most negatively affected")
    r"|\b(?:most|least|more|less)\s+(?:positive|negative|favou?rab|unfavou?rab)ly\s+(?:covered|viewed|rated|scored|regarded|seen|written)\b"
    r"(?!\s+by\s+(?!(?:the\s+|our\s+|my\s+)?(?:notes?|research|coverage|us)\b))"  # (not "by customers")
    # (the words between name the company, never "in"/"on"/"about": "the negative catalysts in notes on Tesla")
    # (a gloomy or rosy note, and the notes' takes and views: "the gloomiest note", "the negative takes on Acme")
    r"|\b(positive|negative|neutral|upbeat|downbeat|gloom(?:y|ier|iest)|bleak(?:er|est)?|ros(?:y|ier|iest))\s+"
    r"(?:(?!(?:in|on|about|from|of)\b)[\w.&'\u2019-]+\s+){0,2}?(?:notes?|takes?|views?|reads?|readings?)\b"
    # (or said of the notes after them: "why are the notes on UCB so upbeat?", "the Acme notes read bearish")
    r"|\bnotes\b[^?.]{0,60}?\b(?:are|were|look|read|seem|sound|so)\s+"
    r"(?:positive|negative|upbeat|downbeat|bullish|bearish|optimistic|pessimistic|gloomy|rosy)\b"
    # (one note's label too: "why is Acme's latest note only neutral?", "the note was so negative", and
    # with what it is on between: "why was the Acme note on the price war so gloomy?")
    r"|\bnote\s+(?:(?:on|about)\s+(?:[\w.&'\u2019-]+\s+){1,5}?)?(?:(?:is|was|reads?|looks?|seems?|stays?|stayed)\s+(?:(?:only|so|that|this|still|just|more|less)\s+)?|(?:only|so|still|just)\s+)"
    r"(?:positive|negative|neutral|upbeat|downbeat|bullish|bearish|gloomy|rosy|bleak)\b"
    r"|\b(positive|negative|bullish|bearish)\s+(?:(?!(?:in|on|about|from|of)\b)[\w.&'\u2019-]+\s+){0,2}?calls\b"
    r"|\b(?:positive|negative|bullish|bearish)\s+(?:sentiment\s+)?scores?\b"  # "trnv got a negative score at one point"
    # the notes' own stance ("dpz net stance across the notes?"; not "the Fed's stance on rates",
    # "has Tesla changed its overall stance on price cuts?")
    r"|\b(?:net|house)\s+stance\b|\bstance\s+(?:across|in|of)\s+(?:the\s+|my\s+|our\s+)?notes\b"
    # the notes' scores called weak or strong ("what went wrong for Acme in 2027? explain the weak
    # scores"), or a company's ("what was behind Acme's weak score at the end of 2029?"; not "Acme's
    # credit score", "Acme's low score in the J.D. Power survey", "... from Consumer Reports")
    # (or readings, the company's named between: "what's behind the strong Acme readings in December 2039?")
    r"|(?:\b(?:the|its|their|these|those)\s+(?:weak|strong|low|high|poor|soft)\s+(?:(?:the\s+company\s+)?(?:sentiment\s+)?scores|the\s+company\s+readings)"
    rf"{_NO_MEASURE_AFTER}"
    r"|['\u2019]s\s+(?:weak|strong|low|high|poor|soft|bad|good)\s+(?:sentiment\s+)?scores?\b"
    r"(?!\s+(?:on|for|from)\s+(?!(?:that|this|it)\b))(?!\s+in\s+(?:the\s+)?(?-i:[A-Z])))"
    # the first note set against the latest, asking only how far it moved ("renner first note vs
    # latest, how much has it moved?"; not "..., how has the gross margin changed?")
    r"|\b(?:first|earliest|oldest)\s+note\b[^?.]*\b(?:vs\.?|versus|against|to|and)\s+(?:the\s+)?(?:latest|newest|most\s+recent|last)\b"
    r"[^?.]*?\b(?:how\s+(?:much|far)\s+)?(?:has|did|have)\s+(?:it|they|sentiment)\s+(?:moved?|changed?|shift(?:ed)?|swung)\s*[?.!]*\s*$"
    r"|\b(?:notes?|research|coverage|write-?ups?)\b[^?.]*\b(scored?|scores|scoring|labell?ed)\b|\b(scored?|scores|scoring)\b[^?.]*\bnotes?\b"
    # a score asked by its level in a note ("what's 0002.HK scored at in that one?"; not "an ESG risk scored at 21 by ...")
    rf"|\bscored\s+at\s+in\s+(?:that|this|the)\s+(?:one|(?:[\w'\u2019-]+\s+){{0,4}}?{NOTE_NOUN})\b"
    # (the scores of the companies asked, set side by side: "how far apart were the two companies' scores?")
    r"|\b(?:their|both|the\s+two)\s+(?:(?:companies|tickers|names)['\u2019]?\s+)?(?:sentiment\s+)?scores\b"
    r"|\bthe\s+(?:companies|tickers|names)['\u2019]?\s+(?:sentiment\s+)?scores\b"
    r"|\bwhat\s+scores\b"  # "which came out ahead and on what scores?"
    # a score at an event set against now ("score at the time of the Airtel deal vs now, and the change")
    rf"|\bscores?\s+{AT_EVENT_VS_NOW}"
    # the score of the company as a holding, and how one way the desk's call was ("what was the
    # score on the stock", "how positive was the call?"; not "the score on the test")
    r"|\bscores?\s+(?:on|for)\s+(?:the|this|that)\s+(?:stock|shares|name)\b"
    rf"|{STANCE_ASKED_LAST}"
    # what the notes' metadata holds: how many notes, and when they are dated
    # (or how many are one way, the stance word standing alone: "Acme notes: how many positive and how many negative?")
    # (labels joined stand as one: "how many negative and positive cash flow quarters" asks a measure)
    r"|\bhow\s+many\s+(?:(?:were|are|of\s+them\s+(?:were|are))\s+)?(?:positive|negative|neutral|bullish|bearish)\b"
    r"(?:\s*(?:and|or|vs|versus|/|,)\s*(?:positive|negative|neutral|bullish|bearish)\b)*+"  # (possessive: not given back to the check after)
    r"(?!\s+(?!(?:and|or|vs|versus|ones|notes?|calls?|takes?|reads?|pieces?|write-?ups?|in|on|over|since|during|this|last)\b)[a-z])"
    r"|\bhow\s+many\b[^?.]*\bnotes?\b|\bnotes?\s+counts?\b|\bwhen\s+(?:was|were|is)\b[^?.]*\bnotes?\b|\bnotes?\b[^?.]*\b(?:dated|date)\b"
    r"|\bnotes?\b[^?.]*\b(?:averag\w*|avg)\b|\b(?:averag\w*|avg)\b[^?.]*\bnotes?\b"
    # a stance on a company: "negative on PDD", "has our view on Apple improved"
    r"|\b(?:positive|negative|neutral|constructive|cautious|upbeat|downbeat)\s+(?:on|about|towards?)\s+(?!the\s|its\s|their\s)"
    r"|\b(?:view|stance|opinion)\b[^?.]*\b(?:improv\w*|worsen\w*|deteriorat\w*|chang\w*|shift\w*|turn\w*)"
    # the desk's stance asked outright: "what's our view on Nvidia?", "is Nvidia a buy?", "should I sell
    # Tesla?" (the notes' stance is their sentiment; not "management's view on demand", "buy back")
    r"|\b(?:our|my|your)\s+(?:overall\s+|current\s+|latest\s+)?(?:view|take|stance|opinion|call|verdict|read)\s+(?:on|of|about|for)\b"
    # ... and the notes' stance taken as a whole ("what's the overall stance on Kerry across our notes?")
    # (not a company's own: "has Tesla changed its overall stance on price cuts?")
    r"|(?:^\W*|\b(?:the|our|my)\s+)(?:overall|general|collective)\s+stance\s+(?:on|about|towards?)\b"
    # (a view or take of the company itself too: "overall view on beiersdorf?", "the stance on indutrade
    # across the notes?"; not "management's overall view on demand", "the overall view on demand at tesla?")
    rf"|(?:^\W*|\b(?:the|our|my)\s+)(?:(?:overall|general|collective)\s+(?:view|take|opinion|read|verdict|assessment|impression)\s+(?:on|about|towards?|of)"
    rf"|(?<=the\s)(?:view|take|stance|read)\s+(?:on|about|towards?))\s+{_THE_COMPANY_ALONE}"  # (not "the verdict on tesla": a court's)
    # the company itself moving from one stance to another ("Explain the company's move from negative to
    # positive during 2034", "why did the company swing from bullish to bearish"; not "the company's
    # margin went from negative to positive": a measure moved)
    rf"|\bthe\s+company(?:['\u2019]s)?\s+(?:move[sd]?|moving|swing|swung|shift(?:ed|s)?|turn(?:ed|s)?|went|go|gone|flip(?:ped|s)?)\s+"
    rf"from\s+{_STANCES}\s+to\s+{_STANCES}\b{_NO_MEASURE_AFTER}"
    # ... or dipping one way ("what went wrong for the company to dip negative in mid-2036?"; not "... to
    # turn negative in free cash flow")
    rf"|\bthe\s+company\s+(?:to\s+)?(?:dip|slip|turn|swing|flip|go)(?:s|ped|ed|ung|ent)?\s+(?:into\s+)?{_STANCES}\b{_NO_MEASURE_AFTER}"
    # the companies rated best or worst ("best rated company on average across 2035?"; not "a top-rated
    # product", "the highest rated companies on Glassdoor", "... by Morningstar")
    r"|\b(?:best|worst|highest|lowest|top|bottom)[- ]rated\s+(?:company|companies|names?|stocks?|tickers?)\b(?!\s+(?:on\s+(?!average\b)|by\b|according\b|at\b|in\s+the\s+\w+\s+(?:survey|poll|ranking)))"
    # where the desk stands on the company ("where do we stand on cellnex overall"; not "where does Acme
    # stand on 5G", "where do we stand on tesla capex guidance?")
    rf"|\bwhere\s+(?:do|does|did)\s+(?:we|the\s+desk|(?:the|our|my)\s+(?:notes?|research|coverage))\s+stand\s+(?:on|with)\s+{_THE_COMPANY_ALONE}"
    r"|\b(?:is|are)\s+[^?.,;]{1,40}?\s+an?\s+(?:buy|sell|hold)\s*(?:[?.!]|$|or\b|right\s+now|now|here)"
    r"|\bshould\s+(?:i|we)\s+(?:buy|sell|hold|own|short|trim|add\s+to)\b(?!\s+back\b)"
    r"|\b(?:buy|sell|hold)\s+or\s+(?:buy|sell|hold)\b"
    # which one the notes like more ("which side did the note like more?", "which do we prefer?")
    r"|\b(?:do|did|does)\s+(?:the\s+|my\s+|our\s+)?(?:notes?|research|coverage|we)\s+(?:like|liked)\s+(?:[\w-]+\s+){0,2}?(?:more|better|most|less|least)\b"
    r"|\b(?:do|did|does)\s+(?:the\s+|my\s+|our\s+)?(?:notes?|research|coverage|we)\s+(?:prefer|favou?r)\b"
    # the research turning one way: "what made the coverage on Acme turn negative?" (not "margins turned negative")
    r"|\b(?:notes?|research|coverage|write-?ups?|views?|stance|tone)\s+(?:[\w.&'\u2019-]+\s+){0,3}?(?:turn\w*|go|goes|went|gone|becom\w*|became|grow|grew|flip\w*|swung|swing\w*)"
    r"\s+(?:more\s+)?(?:positive|negative|bullish|bearish)\b"
    # the research's stance said of it: "why was the research on Acme negative in July?" (not
    # "the notes on Acme mention negative free cash flow": there the word qualifies a noun)
    r"|\b(?:notes?|research|coverage|write-?ups?)\s+(?:on|about|of)\s+[^?.,]{1,60}?\s+(?:so\s+|more\s+|less\s+)?"
    r"(?:positive|negative|neutral|bullish|bearish)\b(?!\s+(?!(?:in|on|about|since|during|over|for|after|before|until|and|or|at|through|lately|recently)\b)\w)"
    # the desk's read or view on a company said to be good or bad ("why is the read on Acme so bad right now?")
    r"|\b(?:the|our|my)\s+(?:read|view|take|stance|tone)\s+(?:on|about|of)\s+[^?.,]{1,60}?\s+(?:so\s+|that\s+|this\s+|too\s+|more\s+|less\s+)?"
    r"(?:bad|good|poor|weak|strong|gloomy|rosy|sour|negative|positive|bullish|bearish|cautious|upbeat|downbeat)\b"
    # a note said to be one way ("why is Acme's latest note negative?"; not "the notes mention negative
    # free cash flow": there the word qualifies a noun)
    r"|\bnotes?\s+(?:(?:is|was|are|were|been|so|turned|went)\s+)*(?:positive|negative|neutral|bullish|bearish|upbeat|downbeat)\b"
    r"(?!\s+(?!(?:in|on|about|since|during|over|for|after|before|until|and|or|at|through|lately|recently)\b)\w)"
    # how far one way a note or read went ("how bad was the Acme read on the recall?", "how good was that note")
    rf"|\bhow\s+(?:bad|good|negative|positive|bullish|bearish|upbeat|downbeat|gloomy|rosy)\s+(?:was|is|were|are)\s+(?:the|our|my|that|this|its)\b[^?.]{{0,50}}?\b(?:{NOTE_NOUN}|read|take|view)\b"
    # the score, said as ours or of the notes, no measure named ("our score on Acme", "give both
    # scores"; not "the credit score": a measure stands between), or of what was just said ("whats the
    # score on that one", "and its score?"; not "the score for the FSD safety test")
    r"|\b(?:our|my|your|both|each)\s+(?:(?:own|overall|individual|sentiment|ticker|latest|newest|current|final|exact)\s+)*scores?\b"
    r"|\b(?:the|its|their)\s+(?:(?:own|overall|sentiment|final|exact)\s+)*scores?\s*(?:[?.!]|$|(?:on|for|of)\s+(?:that|this|it)\b)"
    # what a company got in a note named by its event ("what did Acme get on the recall note?")
    rf"|\bwhat\s+(?:did|does|do)\s+[^?.]{{1,40}}?\s+get\s+(?:on|in|for|from)\s+(?:the|that|this|its)\b[^?.]{{0,60}}?\b{NOTE_NOUN}\b"
    # what a company averages, no measure named ("what's Acme averaging this year"; not "averaging 1,000 deliveries a day"),
    # and how it screened over a window ("how did Acme screen in November 2025?", the notes' idiom for its reading)
    r"|\bwhat(?:['\u2019]s|\s+is|\s+are)\s+[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,2}?\s+averaging\b"
    r"(?=\s*(?:[?.!,]|$|(?:this|last|past|ytd|lately|recently|now|since|so\s+far)\b"
    r"|(?:in|over|during|for)\s+(?:the\s+)?(?:q[1-4]|h[12]|(?:19|20)\d\d|last|past|this|first|second|third|fourth|year|quarter|month|summer|winter|spring|fall|autumn"
    r"|jan\w*|feb\w*|mar\w*|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b))"
    r"|\bhow\s+(?:did|does|do|has|have)\s+[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,2}?\s+screen(?:ed)?\s*(?:in|over|during|for|this|last|since|[?.!]|$)"
    # a company said to have gone from one stance to another between two notes ("why did Acme go from
    # negative in the recall note to positive in the buyback one?"; not "cash flow went from negative to positive")
    r"|\bfrom\s+(?:[\w-]+\s+){0,2}?(?:positive|negative|neutral|bullish|bearish)\b(?=[^?]*\b" + NOTE_NOUN + r"\b)"
    r"[^?.]{0,100}?\bto\s+(?:[\w-]+\s+){0,2}?(?:positive|negative|neutral|bullish|bearish)\b"
    # a score named by its stance ("what drove the negative score on Acme in June?"; not "a low credit score")
    r"|\b(?:positive|negative|neutral|bullish|bearish)\s+(?:sentiment\s+)?scores?\s+(?:on|for|of)\b"
    # how something was scored or rated, with no rater named ("how was the short-seller report
    # scored?", "how has Acme been rated lately?", "how is Acme stock viewed?"; not "rated by
    # Moody's", "viewed by customers", "scored on ESG"), and how the notes rate something ("how did
    # the research rate Acme's results?")
    r"|\bhow\s+(?:was|were|is|are|has|have|had)\b[^?.]*?\b(?:rated|scored)\b(?!\s+(?:by|as|at)\b|\s+on\s+(?!average\b))"
    r"|\bhow\s+(?:is|are|was|were)\s+[^?.]{1,40}?\s+(?:viewed|regarded)\s*(?:[?.!]|$|now\b|today\b|lately\b|overall\b|these\s+days\b|in\s+(?:my|our|the)\s+notes\b)"
    rf"|\bhow\s+(?:did|do|does|would)\s+(?:the\s+|our\s+|my\s+)?(?:{_RATERS}|write-?ups?|reports?|we)\s+(?:rate|score)\b"
    rf"|\bhow\s+(?:are|were|is)\s+(?:the\s+|our\s+|my\s+)?(?:{_RATERS}|we)\s+(?:rating|scoring)\b"  # "how are we rating Acme these days"
    # the notes' score named by which one: "the latest score on Costco", "its average score"
    r"|\b(?:latest|newest|most\s+recent|current|first|earliest|average|avg|mean|overall|ticker)\s+(?:sentiment\s+)?scores?\b|\b[\w.&-]+['\u2019]s\s+(?:(?:own|individual|ticker|ticker-level|sentiment)\s+){0,3}scores?\b"
    # a question that opens by asking for a score, no measure named before it, or ends so
    rf"|{SCORE_ASKED}|{SCORE_LAST}|{SCORES_FOR_NAMED}"
    # a named note's company's outcome ("record crop note: what did Acme get?", "feed price cut note
    # (acme + beta) - what did BETA get?")
    rf"|{NOTE_HEADLINE}[-:,(\u2013\u2014][^?]{{0,60}}?\bwhat\s+(?:did|does)\s+[^?.]{{1,40}}?\s+(?:get|receive)\b"
    # (or in a note the question has described as covering companies: "There's a note on the port
    # strike covering both Acme and Beta. What did Beta get in it?"; not "a note on the Acme-Beta
    # deal. What did Beta get in it?", the deal's terms)
    rf"|^(?=[^?]*\b{NOTE_NOUN}\b[^?]*\b(?:covers?|covering|both)\b)[^?]*\bwhat\s+(?:did|does)\s+[^?.]{{1,40}}?\s+(?:get|receive)\s+in\s+(?:it|that|this)(?:\s+(?:one|{NOTE_NOUN}))?\s*[?.!]*\s*$"
    # how the notes scored a company doing something ("how did we score Acme buying Beta?")
    rf"|{SCORED_BY_US}|{STANCE_TAKEN}"
    # a breakdown of notes by stance ("Acme notes breakdown pos/neg/neutral")
    r"|\b(?:breakdown|break\s+down|split|tally|mix)\b[^?.]{0,30}?\b(?:positive|negative|neutral)\b"
    # (or the labels first, joined: "jm: positive / neutral / negative split?", "SKF notes: neutral / positive / negative counts?")
    r"|\b(?:positive|negative|neutral)\s*(?:/|,|\bor\b|\band\b)\s*(?:positive|negative|neutral)\b[^?.]{0,30}?\b(?:breakdown|split|tally)\b"
    # (or counted, the labels alone: not "positive / negative revision count")
    r"|\b(?:positive|negative|neutral)(?:\s*(?:/|,|\bor\b|\band\b)\s*(?:positive|negative|neutral)\b)+\s+(?:notes?\s+)?counts?\b"
    # how a company scores, asked of nothing else ("how does Acme score?"; not "how did Acme score on the safety test?")
    r"|\bhow\s+(?:does|did|do)\s+[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,2}?\s+(?:score|rate)\s*[?.!]*\s*$"
    # a company or note said to read mixed ("Acme looks mixed - bull vs bear points?"): its
    # sentiment both ways, and why
    rf"|{MIXED}"
    # the score itself moving ("how much has the score moved since the recall?"; not "the credit score fell")
    r"|\b(?:the|its|their|our)\s+(?:sentiment\s+)?scores?\s+(?:has\s+|have\s+)?(?:moved|changed|shifted|improved|worsened|dropped|fallen|fell|risen|rose|slipped)\b"
    # which company averaged best, asked of companies with no measure named ("fortum, qantas or kghm -
    # who averaged best over the past 12 months?", "which of Acme and Beta averaged higher?"; not "who
    # averaged the highest revenue growth", "has Acme's gross margin averaged higher?")
    r"|\b(?:who|which(?:\s+(?:one|company|name)|\s+of\s+(?:them|these|those|the\s+(?:two|three)|the\s+company(?:\s*(?:,|\band\b|\bor\b|&)\s*the\s+company)*))?)"
    r"\s+averag(?:ed|es|ing)\s+(?:the\s+)?(?:best|highest|lowest|worst|better|worse|higher|lower)\b"
    r"(?!\s+(?!(?:over|in|during|since|this|last|past|across|among|so|of|on)\b)[a-z])"
    # what companies were scored, asked last, their names put as "the company" ("For the US tariff
    # note, what were Acme and Beta scored?"; not "what were the risks scored against?", "what is
    # Acme's senior debt rated?")
    r"|\bwhat\s+(?:were|was|are|is)\s+the\s+company(?:\s*(?:,|\band\b|\bor\b|&)\s*the\s+company)*\s+(?:scored|rated)(?:,?\s+in\s+(?:that|this)\s+order)?\s*[?.!]*\s*$"
    # a company moved from one stance to another, said of it ("what turned Acme from negative to
    # positive in 2030?"; not "what turned free cash flow from negative to positive")
    r"|\b(?:turn\w*|swung|swing\w*|flip\w*|mov\w*|took|take[sn]?|brought|bring\w*)\s+the\s+company\s+from\s+(?:[\w-]+\s+){0,2}?"
    r"(?:negative|positive|bullish|bearish|neutral)\s+to\s+(?:[\w-]+\s+){0,2}?(?:negative|positive|bullish|bearish|neutral)\b"
    r"(?!\s+(?!(?:in|on|about|since|during|over|for|after|before|until|and|or|at|through|between|this|last|from)\b)[a-z])"
    # a company scored against another ("is Acme scored above or below Beta?")
    # (rated or scored alike: "who was rated higher, Acme or Beta?")
    r"|\b(?:scored|rated)\s+(?:above|below|higher|lower|better|worse)\b"
    # a company's score when or after something happened ("FRO score when rates blew out", "Acme
    # score after the tariffs hit")
    r"|\b[A-Z][\w.&\-]*(?:['\u2019]s)?\s+(?:sentiment\s+)?score\s+(?:when|as|after|following)\b"
    # which score something got or was given ("what score did Acme get?", "what score did we give
    # Acme on the recall?"; not "what credit score does Acme need?": a measure named before it)
    r"|\bwhat\s+(?:sentiment\s+)?scores?\s+(?:did|does|do|has|have|had|was|were|is)\b"
    # the score asked for with no measure named ("... What happened, and what was the score?"; not
    # "what was the credit score?"), and a score's stance ("why was Acme scored negatively?")
    # (or on the note just described: "Acme - the recall. what was the score on that one?")
    rf"|\bwhat(?:'s|\u2019s|\s+is|\s+was|\s+were)\s+(?:the|its|their)\s+(?:overall\s+)?scores?\s*(?:[?.!;]|$|\band\b|{THAT_ONE})"
    # (or its label: "why was Acme scored strongly positive?"; not "rated negative by an agency")
    r"|\b(?:scored|rated)\s+(?:(?:so|more|less|strongly|mildly|very)\s+)?(?:positive|negative|bullish|bearish)(?:ly)?\b(?!\s+by\b)"
    r"|\b(?:scored|rated)\s+(?:so\s+|more\s+|less\s+)?(?:favou?rably|unfavou?rably)\b"
    # (or how well: "why is Acme scoring so well lately?", "rated so low")
    r"|\b(?:scor|rat)(?:ing|ed|es)\s+(?:so\s+|very\s+|really\s+|that\s+)?(?:well|badly|poorly|high|low)\b"
    # what a company got in one note ("what did Acme get in the recall note?", "in the recall
    # note, what did Acme get?"), or its line there ("Acme's line in the recall note", "skf number in
    # the note about the copper slide", its name put as "the company"): its score
    rf"|\bwhat\s+(?:did|does|do)\s+[^?.]{{1,40}}?\s+(?:get|receive)\s+(?:in|from)\s+(?:(?:the|that|this)\b[^?.]{{0,60}}?\b{NOTE_NOUN}\b|(?:that|this)\s+one\b)"
    rf"|(?:\b(?:in|from)\s+|^\W*)(?:the|that|this)\b[^?.]{{0,60}}?\b{NOTE_NOUN}\b[^?]{{0,60}}?\bwhat\s+(?:did|does|do)\s+[^?.]{{1,40}}?\s+(?:get|receive)\b"
    # ... or what one note gave a company ("what did Acme's recall note give Beta Corp?")
    rf"|\bwhat\s+(?:did|does)\s+[^?.]{{1,60}}?\b{NOTE_NOUN}\s+(?:give|assign|hand|put\s+on)\b"
    # ... or the number a company got, asked with no measure ("..., what number did Beta get?")
    r"|\bwhat\s+(?:number|rating|reading|grade|mark)\s+did\s+[^?.]{1,40}?\s+(?:get|receive)\s*(?:[?.!]|$|\b(?:in|from)\s+(?:the|that|this)\b)"
    # a named note's outcome asked with no measure ("Acme recall note -- what did it come out at?")
    rf"|\b{NOTE_NOUN}\b[^?.]{{0,40}}?\b(?:what|where)\s+did\s+(?:[\w.&'\u2019-]+\s+){{1,3}}?(?:come\s+out|land|end\s+up|score)(?:\s+at)?\s*(?:[?.!]|$)"
    # (or which of its companies came out best: "stimulus piece - which of the names in it came out best?")
    rf"|\b{NOTE_NOUN}\b[^?.]{{0,40}}?\bwhich\s+(?:of\s+)?(?:the\s+|its\s+)?(?:names|companies|company|tickers|ticker|stocks|ones)\b[^?.]{{0,30}}?"
    r"\b(?:came\s+out|come\s+out|landed|ended\s+up|scored|rated)\s+(?:best|worst|highest|lowest|top|better|worse)\b"
    rf"|(?:['\u2019]s|\bthe\s+company)\s+(?:(?:own|ticker)\s+)*(?:line|number|reading)\s+(?:in|from)\s+[^?.]{{0,60}}?\b{NOTE_NOUN}\b"
    # (or the note named first: "the stimulus note w/ three tickers, whats Acme's number")
    rf"|\b{NOTE_NOUN}\b[^?.]{{0,60}}?(?<!\bthe\s)(?<!\bour\s)\b[\w.&-]+['\u2019]s\s+(?:(?:own|ticker)\s+)*(?:line|number)\s*(?:[?.!]|$)"
    # ... or its score there ("Acme score in the leisure survey")
    rf"|\bscores?\s+(?:in|from)\s+(?:the|that|this)\b[^?.]{{0,60}}?\b{NOTE_NOUN}\b"
    # the best or worst note ("best Acme note so far?"), and a note set against the first or latest
    # ("better or worse now vs our very first note?")
    # (or reading or score: "worst reading we've had on Acme")
    rf"|\b(?:best|worst|strongest|weakest)\s+(?:[\w.&'\u2019-]+\s+){{0,2}}?(?:{NOTE_NOUNS}|readings?|scores?)(?![\w-])"
    r"|\b(?:better|worse|improv\w*|deteriorat\w*|chang\w*|mov\w*|shift\w*|trajector\w*|trend\w*)\b[^?.]*\b(?:first|earliest|oldest|last|latest|previous|prior)\s+(?:notes?|write-?ups?)\b"
    # how far one way a note or the research was ("how negative was the recall write-up?", "how
    # bullish were we on Acme?"; not "how negative was the FX impact": a measure)
    r"|\bhow\s+(?:negative|positive|bullish|bearish|upbeat|downbeat)\s+(?:was|were|is|are)\s+(?:(?:the|that|this|our|my)\b[^?.]{0,60}?\b(?:note|piece|write-?up|article|story|coverage|research|view|take)\b|we\b)"
    # a note's stance asked why ("why is the latest Acme note negative?")
    rf"|\bwhy\s+(?:is|was|are|were)\s+(?:the|that|this|our|my)\s+[^?.]{{0,40}}?\b{NOTE_NOUNS}\s+(?:so\s+|that\s+)?(?:positive|negative|bullish|bearish|neutral|upbeat|downbeat)\b"
    # a turn one way ("the negative turn on Acme"), and a note's stance said of it ("Acme's most
    # recent note was negative"; not "the note said margins were negative")
    r"|\b(?:positive|negative|bullish|bearish)\s+(?:turn|shift|swing|tilt|lean)\s+(?:on|towards?)\b(?!\s+the\s+company['\u2019]s)"
    # (or with an intensifier and no verb: "why were the Acme notes so negative last year?")
    # (a time between: "what made the Acme notes in 2025 so downbeat?")
    r"|\b(?:notes?|write-?ups?|pieces?|coverage|research)\s+(?:(?:in|from|during|over|since)\s+[\w'\u2019 ]{1,20}?\s+)?"
    r"(?:(?:was|were|is|are|has\s+been|turned|went)\s+(?:so\s+|more\s+|less\s+)?|(?:so|that|this)\s+)(?:positive|negative|bullish|bearish|neutral|upbeat|downbeat|gloomy|rosy)\b"
    # a stance taken or a positioning ("why did we sour on Acme?", "how were we positioned?")
    r"|\b(?:sour(?:ed|ing)?|warm(?:ed|ing)?\s+up|cool(?:ed|ing)?)\s+on\b"
    # ... or a mood ("why was the desk so down on Acme?"; not "cracked down on", "doubled down on")
    r"|\b(?:so|very|too|that|more|less)\s+(?:down|keen|upbeat|downbeat)\s+on\b"
    r"|\bhow\s+(?:were|are|was|is)\s+(?:we|our\s+notes|the\s+notes|our\s+research|the\s+research)\s+(?:positioned|leaning)\b"
    # a company moved to a stance ("what dragged Acme negative this year?"; the company is a name
    # routing found, so "what turned margins negative" stays content)
    r"|\b(?:(?:dragg|push|pull|tipp|turn|flipp|knock|tilt)\w*|(?:sen[dt]|ma[dk]e|drove|driv|swung|swing)(?:s|ing|e|en)?)"
    # (or into a stance's territory: "what dragged Acme into negative territory in 2039?")
    r"\s+the\s+company\s+(?:into\s+(?:negative|positive|bearish|bullish)\s+territory\b(?!\s+(?:on|for)\b)|(?:so\s+|more\s+|further\s+)?(?:negative|positive|bearish|bullish)\b)"
    r"|\bwhy\s+(?:was|is|were|are)\s+the\s+company\s+(?:so\s+|still\s+|now\s+)?(?:negative|positive|bearish|bullish)\b"  # "why was Acme negative in May?"
    # ... or why it turned so ("why did Acme turn so negative in early 2028?"; not "... turn negative on cash flow")
    r"|\bwhy\s+(?:did|has|have)\s+the\s+company\s+(?:turn(?:ed)?|go(?:ne)?|swing|swung|flip(?:ped)?)\s+(?:so\s+|more\s+|that\s+)?(?:negative|positive|bearish|bullish)\b(?!\s+on\b)"
    # which did better by its score ("which of the two got the better score?"; not "a better credit score")
    r"|\b(?:got|get|gets|had|has|have|earned|received|drew)\s+(?:the\s+|a\s+)?(?:better|higher|lower|worse|best|worst|top)\s+(?:sentiment\s+)?score\b"
    # how a company came out in a note ("the loan piece - how did DBS come out in it?")
    rf"|\bc(?:o|a)me\s+out\s+in\s+(?:it|that|this|the\s+(?:[\w-]+\s+){{0,3}}?{NOTE_NOUN})\b"
    # the stance of a company said with a pronoun ("... after the recall? why's it positive now")
    r"|\bwhy(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+(?:it|they)\s+(?:so\s+|now\s+|still\s+)?(?:positive|negative|bullish|bearish)\b",
    re.IGNORECASE,
)
# A decimal point ("$2.1bn") ends no clause: dropped before ``_SENTIMENT``'s clause-bounded rules.
_DECIMALS = re.compile(r"(?<=\d)\.(?=\d)")
# A company's score or reading picked by an extreme or its recency ("the lowest Acme reading",
# "Acme's latest score"): matched on the topic, where each company named reads "the company"
# (so "the lowest inflation reading" is no sentiment question).
# Either way a company's reading may have gone ("better or worse", "improving or deteriorating"), and
# after a point named first, either way it moved ("Acme since the recall: up or down?"; before the
# point, "Acme up or down since the miss?" asks of its shares).
_WAY = r"(?:better|worse|improv(?:ed|ing)|deteriorat(?:ed|ing)|worsen(?:ed|ing))"
_EITHER_WAY = rf"{_WAY}\s+or\s+{_WAY}"
_MOVED = r"(?:up|down|higher|lower)"
_EITHER_MOVE = rf"(?:{_EITHER_WAY}|{_MOVED}\s+or\s+{_MOVED})"
# How strongly a stance is held, said before it ("very negative", "a deep negative", "mildly positive").
_DEGREE = r"(?:(?:deeply|deep|strongly|strong|mildly|mild|very|slightly|slight|sharply|firmly|clearly|modestly|somewhat|more)\s+)?"
# After a company's swing between two stances, no measure: the end, a time (``_NO_MEASURE_AFTER``),
# a span ("within a few weeks"), how fast or when ("pretty quickly", "early in 2026", "after the
# recall"); not "... to positive in free cash flow".
_SWING_END = (
    rf"(?:{_NO_MEASURE_AFTER}|(?=\s+within\s+(?:a\s+)?(?:few|couple(?:\s+of)?|several|matter\s+of|\d+|two|three)?\s*(?:days|weeks|months|quarters)\b)"
    r"|(?=\s+(?:(?:pretty|so|very)\s+)?(?:quickly|fast|rapidly|sharply|suddenly|overnight|abruptly|early|late|earlier|later|recently|lately|again)\b)"
    # (or when, by an event: "between late 2029 and mid 2030", "after it opened the rink"; "in", "at" and "on" may name a measure)
    r"|(?=\s+(?:between|after|before|since|when|once|following|during|until|amid|despite|because)\b))"
)
# A swing from one stance to another, each maybe qualified ("from a strong positive to a deep negative").
_SWING = (
    rf"from\s+(?:(?:a|an)\s+)?{_DEGREE}(?:negative|positive|bearish|bullish|neutral)\s+to\s+(?:(?:a|an)\s+)?"
    rf"{_DEGREE}(?:negative|positive|bearish|bullish)\b{_SWING_END}"
)
_COMPANY_READING = re.compile(
    # the company's best or worst note, nothing asked after it ("which note was the worst one for Acme?",
    # "Acme's best note?", "Lowest Acme note"; not "the best note-taking app", "which note is the best
    # source on Acme's margins")
    r"\b(?:best|worst|lowest|highest)\s+(?:the\s+company(?:['\u2019]s)?\s+)?(?:notes?|write-?ups?)(?:\s+(?:for|on|about)\s+the\s+company)?\s*[?.!]*$"
    r"|\bnote\s+(?:was|is|were)\s+(?:the\s+)?(?:best|worst)(?:\s+one)?(?:\s+(?:for|on|about)\s+the\s+company)?\s*[?.!]*$|"
    r"\b(?:lowest|highest|best|worst|latest|newest|average)\s+the\s+company(?:'s)?\s+(?:sentiment\s+)?(?:scores?|readings?)\b"
    # a company's score or average with no measure named ("AVGO score vs HON score", "Acme avg,
    # last 6 months"; not "Acme's credit score", "Acme's average selling price")
    # two averages of a company set against each other ("Acme: 2025 average vs 2026 average")
    r"|\b(?:avg|average)\s+(?:vs\.?|versus|against|compared\s+(?:with|to))\s+(?:[\w-]+\s+){0,3}?(?:avg|average)\b(?!\s+[a-z])"
    # (or against another period's: "this year's average vs last year's")
    r"|\b(?:avg|average)\s+(?:vs\.?|versus|against|compared\s+(?:with|to))\s+(?:the\s+)?(?:last|previous|prior|this|next)\s+(?:year|quarter|month)['\u2019]s(?!\s+[a-z])"
    # its first note set against its latest, nothing else asked ("Acme first note vs latest note"):
    # the notes' standing side by side (what moved between them is asked in words: ``_SENTIMENT``)
    r"|\b(?:first|earliest|oldest)\s+note\s+(?:vs\.?|versus|against|compared\s+(?:with|to))\s+(?:the\s+|its\s+)?(?:latest|newest|last|most\s+recent)(?:\s+(?:note|one))?\s*[?.!]*$"
    # a company itself getting better or worse ("Acme over the past year - better or worse?")
    r"|\bthe\s+company\b(?!['\u2019]s)[^?.]{0,40}?\b(?:getting|got|gotten)\s+(?:better|worse)\b"
    # a company itself asked either way since a point ("Acme - better or worse since the recall?";
    # not "Acme's margin - better or worse since the recall?": a measure named)
    rf"|\bthe\s+company\b(?!['\u2019]s)\W*(?:(?:is|was|has|been|getting|got|gotten)\s+)*{_EITHER_WAY}\s+(?:since|after|following)\b"  # ("Acme - improved or deteriorated since the floods?")
    # (or whether it is any better or worse since then: "Acme - any better since March, or still weak?")
    r"|\bthe\s+company\b(?!['\u2019]s)\W*(?:(?:is|was|it|looking|getting)\s+)*any\s+(?:better|worse)\s+(?:since|after|following)\b"
    # (or the point first: "Acme since the recall: up or down?")
    rf"|\bthe\s+company\s+(?:since|after|following)\s+[^?]{{1,60}}?\W\s*{_EITHER_MOVE}\b"
    # a company itself recovering, improving or slipping since a point ("has Acme recovered since the recall?";
    # not "has Acme recovered its margin": there it is a measure that recovers)
    r"|\bthe\s+company\s+(?:has\s+|had\s+)?(?:recovered|rebounded|bounced\s+back|slipped|deteriorated|improved|worsened)"
    r"(?=\s+(?:since|after|following|over|lately|recently)\b|\s*[?.!]|\s*$)"
    # what weighs on a company itself ("what's dragging on Acme in the latest note?"; not "what is
    # weighing on Acme's margins": a measure), the reasons for its sentiment
    r"|\bwhat(?:['\u2019]?s|\s+is|\s+was|\s+has\s+been)\s+(?:been\s+)?(?:dragging|weighing)\s+(?:on|down)\s+the\s+company\b(?!['\u2019]s)"
    # a company itself turning one way ("Acme went negative earlier this year"; not "Acme's margins went negative")
    # (or from one stance to another: "why did Acme go from positive to negative?")
    # (the stances qualified either side: "why did Acme swing from a strong positive to a deep negative?")
    r"|\bthe\s+company\s+(?:has\s+|had\s+)?(?:go|goes|went|gone|turn|turns|turned|flip|flipped|swung)\s+"
    r"(?:more\s+|strongly\s+|mildly\s+)?(?:negative|positive|bearish|bullish)\b"
    # (a name ending "'s" read as the company's: "Ollie's went from ...")
    r"|\bthe\s+company(?:['\u2019]s)?\s+(?:has\s+|had\s+)?(?:go|goes|went|gone|turn|turns|turned|flip|flipped|swing|swings|swung)\s+"
    rf"{_SWING}"
    # (or what moved it so: "what drove Acme from positive to sharply negative after the deal?")
    rf"|\b(?:drove|drive|drives|pushed|push|pushes|sent|send|sends|took|take|takes)\s+the\s+company\s+{_SWING}"
    # how a company itself averaged over a time ("how did Acme average in May?"; not "how did
    # Acme's margin average")
    r"|\bhow\s+(?:did|does|do|has|have)\s+the\s+company\s+averag(?:e|ed)\b"
    r"(?=\s*(?:[?.!]|$)|\s+(?:in|over|during|since|for|this|last|across|so\s+far)\b)"
    # ... or said to be one way over a time ("Acme was negative in Q3 - what happened?"; not "Acme's
    # cash flow was negative in Q3": a measure), and what turned it ("what turned Acme negative in
    # May?"; not "what turned Acme's margin negative")
    # (asked too: "why was Acme so negative between May and July?", "why has Acme been negative in 2026?",
    # "why was Acme so negative when its big customer pulled back?": a time said by what happened)
    r"|(?:\bthe\s+company\s+(?:was|is|were|are|has\s+been|had\s+been|looked|looks|seemed|seems)|\b(?:was|is|were|are|has|had)\s+the\s+company(?:\s+been)?)"
    r"\s+(?:(?:so|very|more|less|only|just|still|deeply|strongly|mildly|quite|really)\s+)?(?:negative|positive|bearish|bullish|neutral)\b(?:\s+(?:again|still|now))?"
    r"(?=\s*(?:[-?.!,;:\u2013\u2014]|$)|\s+(?:in|during|over|through|for|lately|recently|last|this|since|before|after|until|when|while|once|between|from|back|then|at\s+the\s+time)\b)"
    # (or with no verb, asking why: "Acme negative - why?", "acme so bearish, how come?")
    r"|\bthe\s+company\s+(?:so\s+)?(?:negative|positive|bearish|bullish)\s*[-,;:\u2013\u2014]\s*(?:why|how\s+come|what\s+happened)\b"
    r"|\bwhat\s+(?:turned|made|sent|pushed|tipped|swung|flipped)\s+the\s+company\s+(?:more\s+)?(?:negative|positive|bearish|bullish)\b"
    # a company itself punished in the notes ("why did Acme get crushed in May?"; not "why did Acme's margins get crushed")
    r"|\bwhy\s+did\s+the\s+company\s+get\s+(?:crushed|hammered|slammed|punished|trashed|downgraded)\b"
    r"|\bthe\s+company(?:'s)?\s+(?:(?:avg|average)\s+)?(?:scores?|avg|average)\b"
    r"(?!\s+(?!(?:vs|versus|against|over|in|for|since|during|across|through|throughout|and|or|last|this|of\s+the\s+notes)\b)[a-z])"
    # (or its score on an event: "Acme score on the recall?"; not the verb: "how did Acme score on the safety test?")
    r"|(?<!did\s)(?<!does\s)(?<!do\s)(?<!will\s)(?<!would\s)(?<!could\s)(?<!can\s)(?<!to\s)\bthe\s+company(?:'s)?\s+(?:sentiment\s+)?scores?\s+(?:on|after|following|when)\b",
    re.IGNORECASE,
)
# Two companies set side by side inside one note ("in the tariff note, did Ford or GM fare
# worse?"): what one note says of each company's standing is its per-ticker sentiment score.
_ONE_NOTE = re.compile(rf"\b(?:the|that|this)\b[^?.]{{0,60}}?\b{NOTE_NOUN}\b(?!s)|{NOTE_HEADLINE}", re.IGNORECASE)
_STANDING = re.compile(
    r"\b(?:better|worse|apart|ahead|behind|gap|fare[ds]?|faring|favou?rabl[ey])\b|\bcame\s+out\s+(?:higher|lower|on\s+top)\b", re.IGNORECASE
)
# ... or compared with no measure named ("in the vaccine note, how did PFE compare with MRNA?",
# but not "how did Apple's margins compare with Samsung's?": that compares margins).
# (and how: "individually", "separately", "each", "side by side")
_COMPARE_WORDS = frozenset(
    "compare compared compares comparison versus vs against relative stack stacked up measure individually separately respectively each side".split()
)
# ... with what it says of itself ("the note where the filing slipped", "the note on the recall")
_NOTE_NAMED = re.compile(
    # ("the ship engine digital twin launch note"; not "the company vs the company in the note")
    rf"\b(?:the|that|this)\s+(?:(?!(?:the|company|vs|versus|against|in|on|of|to|with|according)\b)[\w'\u2019-]+\s+){{0,6}}?{NOTE_NOUN}\b"
    r"(?:\s+(?:where|in\s+which|when|on|about|covering)\b[^,;:?]*)?",
    re.IGNORECASE,
)
_COMPARE = re.compile(r"\b(?:compar\w*|versus|vs|against|relative\s+to|stack\w*\s+up)\b", re.IGNORECASE)
# A company and a period with nothing else asked ("Acme in Q2 2026?", "how has Acme looked over
# the last 60 days?"): what the notes made of it then, its sentiment over that window. Only words
# asking how it stood may remain (not "do"/"did": "how did Acme do in Q3?" asks for its results).
_DOING = re.compile(r"\b(?:do|doing|done)\b", re.IGNORECASE)  # stopwords to ``topic_terms``
# (and words asking which way it moved: "Acme - better or worse since July?", "has Acme improved over 2025?")
_STOOD = frozenset(
    "look looks looked looking been fare fares fared faring trend trends trended trending sit sits sat sitting stand stands stood "
    "better worse improve improved improving worsen worsened worsening recover recovered recovering slip slipped slipping".split()
)


# Words that make a question one about sentiment or say its periods, and a word one typo from them ("sentimnet", "quater").
_SENTIMENT_WORDS = ("sentiment", "sentiments", "bullish", "bearish", "positive", "negative", "neutral", "average", "quarter", "quarterly", "monthly")
_TYPO_LETTERS = 6  # shorter words are too often another word one typo away
_LONG_WORD = re.compile(rf"\b[A-Za-z]{{{_TYPO_LETTERS},}}\b")


_STANCE_PAIR = re.compile(r"\bpos(?:itive)?\s*/\s*neg(?:ative)?\b|\bneg(?:ative)?\s*/\s*pos(?:itive)?\b", re.I)  # "pos/neg"


def spelt_out(text: str) -> str:
    """``text`` with each word one typo (an edit or a swap) from a word of ``_SENTIMENT_WORDS``
    spelt as that word, unless it is an English word itself ("sentimnet", "bulish" -> "bullish";
    "relative" stays), and "pos/neg" as "positive/negative". rapidfuzz, as for company names (``ragbot.companies``)."""
    def spelt(match: re.Match) -> str:
        word = match.group(0)
        if word.lower() in _SENTIMENT_WORDS or is_english(word):
            return word
        found = process.extractOne(word.lower(), _SENTIMENT_WORDS, scorer=OSA.distance, score_cutoff=1)
        return word if found is None else found[0].capitalize() if word[0].isupper() else found[0]
    return _STANCE_PAIR.sub("positive/negative", _LONG_WORD.sub(spelt, text))


# (or its average by period: "Acme by quarter for 2025 - avg per quarter pls")
_AVERAGED = frozenset("avg average averages mean per each quarter quarters quarterly month months monthly year years yearly pls please".split())


# A trend of the company itself from a point: "quvendral: trend since the shutdown", "PRX since the
# write-down: first, latest, change", "... where did it start and where is it now?" (``_trend_of_the_company``: no quantity named, "Acme's margin
# trend since ...", "Acme since the split: first and latest quarterly revenue?").
_COMPANY_TREND = re.compile(
    r"\bthe\s+company\b(?!['\u2019]s)\W*(?:trend\w*|trajector\w*)\s+(?:since|after|following)\b"
    r"|\bthe\s+company\s+(?:since|after|following)\s+[^?]{1,60}?\W\s*first\W+(?:and\s+)?(?:latest|last|now)(?:\W+(?:and\s+)?change)?\W*$"
    # (or asked where it started and where it is now, since a date: "Acme since June 2038 - where did it start and
    # where is it now?"; since an event, the event's words would take "start")
    r"|\bthe\s+company\s+(?:since|after|following)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|q[1-4]\s+|h[12]\s+)?(?:19|20)\d\d\b"
    r"\W+where\s+(?:did|does)\s+it\s+(?:start|begin)\b[^?]{0,20}?\bwhere\s+(?:is|does)\s+it\s+(?:now|stand|sit)\b",
    re.IGNORECASE,
)


def _trend_of_the_company(topic: str) -> bool:
    """Whether ``topic`` asks the company's own trend from a point (``_COMPANY_TREND``), naming no quantity."""
    from ragbot.answering.answerability import names_a_quantity  # (answering reads routing: imported when asked)

    return _COMPANY_TREND.search(topic) is not None and not names_a_quantity(topic)


def _over_a_period(topic: str) -> bool:
    """Whether ``topic`` (the question with its companies replaced) names a window of time and
    asks nothing else of the company (``_STOOD``, ``_AVERAGED``)."""
    topic = written_out(topic)  # "this yr": its label is the written-out words
    window = find_window(topic, date.today())  # only whether and where a window is named: any day will do
    rest = topic.replace(window.label, " ") if window else ""
    return window is not None and not _DOING.search(rest) and all(term in _STOOD or term in _AVERAGED for term in topic_terms(rest))


_QUESTION_WORD = re.compile(r"\b(?:what|which|how|why|who|when|where|is|are|was|were|did|does|do)\b", re.I)
# A score asked bare of a name ("brunswick score?"): the whole question, one to three words before it,
# and courtesy words, which ask nothing ("ultratech score please", "pls brunswick score").
_COURTESY = r"(?:please|pls|plz|thanks|thank\s+you|thx|ty|kindly)"
_BARE_SCORE = re.compile(
    rf"\W*(?:{_COURTESY}[\s,:]+)?(?P<name>[\w&.'\u2019\-]+(?:\s+[\w&.'\u2019\-]+){{0,2}}?)\s+(?:sentiment\s+)?scores?"
    rf"(?:[\s,?.!]+{_COURTESY})?\s*[?.!]*\s*",
    re.IGNORECASE,
)


# A score asked of a company named right after it, the word standing alone or after a determiner
# or "sentiment": "score on 3382.T?", "the sentiment score for Acme" (not "credit score for Acme",
# "the Altman Z-score of Acme", "the ESG risk score of Acme": measures some notes report).
_SCORE_ON = re.compile(
    r"(?:^|[^\w\s-]\s*|\b(?:the|its|their|a|our|my|sentiment)\s+)scores?\s+(?:on|for|of)\s+(?:the\s+)?$", re.IGNORECASE,
)


# ... or asks how a company it names scored or averaged ("how did GEB score on average in March?",
# "what has BBNI.JK averaged over the past 12 months?"), or its score right after it ("just the
# towngas score pls"): the score or average asked alone, or over a time (``_SCORE_ALONE``; not "how
# did Acme score on ESG?", "what has Acme averaged in Q3 deliveries?", "Acme scores a big win",
# "Acme's credit score", "the FICO score cutoff": a measure's score), or when something happened.
_SCORE_ALONE = (
    r"(?=\s*(?:[?.!,;:]|$|pls\b|please\b|on\s+average\b|overall\b|over\b|since\b|during\b|this\b|last\b|so\s+far\b|lately\b|recently\b"
    # (or when something happened: "score when they said ...", "score once the subsidy lapsed", "score on buying the analytics firm")
    r"|when\b|after\b|following\b|once\b|on\s+[a-z]+ing\s+(?:the|a|an|its|their|his|her)\b"
    # (or how it moved: "progyny score trend since June")
    r"|trend\w*|trajector\w*|history\b"
    r"|in\s+(?:(?:the\s+)?(?:q[1-4]|h[12]|(?:19|20)\d\d|[a-z]{3,9}\s+(?:19|20)\d\d)\s*(?:[?.!,;:]|$))))"
)
_SCORED_BEFORE = re.compile(r"\b(?:how|what)\s+(?:did|does|do|has|have|had)\s+$", re.IGNORECASE)
_SCORED_AFTER = re.compile(rf"(?:['\u2019]s)?\s+(?:scored?|averaged?)\b{_SCORE_ALONE}", re.IGNORECASE)
_SCORE_AFTER = re.compile(rf"(?:['\u2019]s)?\s*[:\u2013\u2014-]?\s+(?:(?:own|ticker|sentiment|overall)\s+)?scores?\b{_SCORE_ALONE}", re.IGNORECASE)  # ("Topsports: score ...")


def _scores_a_company(text: str, named: list[tuple[int, int, str]]) -> bool:
    """Whether ``text`` asks the score of a company it names right after the word (``_SCORE_ON``),
    as what scored (``_SCORED_BEFORE``, ``_SCORED_AFTER``) or right before it (``_SCORE_AFTER``):
    the notes' scores are their sentiment."""
    return any(
        _SCORE_ON.search(text[:start]) or _SCORE_AFTER.match(text, end) or (_SCORED_BEFORE.search(text[:start]) and _SCORED_AFTER.match(text, end))
        for start, end, _ in named
    )


def _bare_score(text: str) -> bool:
    """Whether ``text`` only asks a score of a name: words with no question word among them, the
    last no English word or joined by "&" ("brunswick score?", "smith & nephew score?"; not
    "credit score?" nor "what's Acme's credit score?", a measure): a company's sentiment, in the
    notes or not."""
    found = _BARE_SCORE.fullmatch(text)
    words = re.findall(r"[A-Za-z]+", found.group("name")) if found else []
    return (
        bool(words) and (not is_english(words[-1]) or "&" in found.group("name")) and not _QUESTION_WORD.search(found.group("name"))
        and not re.fullmatch(_COURTESY, found.group("name").strip(), re.IGNORECASE)  # "thx score": no name
    )


def _compared_bare(topic: str) -> bool:
    """Whether ``topic`` (the question with its companies replaced) compares them in a clause
    naming nothing else to compare: the companies' standing itself."""
    clauses = [c for c in re.split(r"[,;:]", _NOTE_NAMED.sub(" ", topic)) if _COMPARE.search(c)]
    return bool(clauses) and all(t in _COMPARE_WORDS for c in clauses for t in topic_terms(c))


# A question that names no company continues the conversation's companies when it points
# back ("its margins") or does not ask across companies ("which companies...", "who is...").
_CROSS_COMPANY = re.compile(
    r"\b(companies|firms|stocks|names|who|whom|whose|anyone|everyone|across|industry|sector)\b"
    # (one company asked among all the notes': "which company in our notes is the most bullish?"; "which
    # company is the most bullish?" after a comparison may ask which of the two)
    r"|\bwhich\s+(?:company|stock|name|ticker)\b[^?]*?\b(?:in|of|from)\s+(?:my|our|the|all)\s+(?:\w+\s+)?(?:notes|coverage|research)\b"
    # (or the note most one way, asked as a question of its own: "Which note is the most negative?"; "which of
    # its notes ...?" points back)
    r"|^\W*which\s+(?:(?:one\s+)?of\s+(?:all\s+)?(?:my|our|the)\s+)?notes?\s+(?:is|was|are|were|has|had|looks?)\s+(?:the\s+)?(?:most|least)\s+"
    r"(?:positive|negative|bullish|bearish|upbeat|downbeat)\b"
    # (or the one note or company most one way "overall", said last: "which note is the most negative overall?";
    # not "the most negative overall score", the notes' own score beside the ticker's)
    r"|\b(?:most|least)\s+(?:positive|negative|bullish|bearish|upbeat|downbeat)(?:\s+(?:note|company|stock|name|one))?\s+overall\W*$",
    re.IGNORECASE,
)
# Which notes the last answer came from: "which notes back that up?", "what's the source for
# that?", "where does that come from?", "which note says so?".
ASKS_SOURCES = re.compile(
    r"^\W*(?:(?:and|ok|so)\W+)?(?:(?:which|what)\s+notes?\s+(?:back|backs|support|supports|say|says|said|show|shows|confirm|confirms)"
    r"\s+(?:that|this|it|so)(?:\s+up)?|what(?:['\u2019]s|\s+is|\s+are)\s+(?:the\s+)?sources?(?:\s+(?:for|of)\s+(?:that|this|it))?"
    r"|where\s+(?:does|did)\s+(?:that|this|it)\s+come\s+from|sources?)\W*$",
    re.IGNORECASE,
)
# "which notes talk about buybacks?", "anything in my notes on weather?": asks across the notes
# when it names a theme of its own ("which notes back that up?", "which note said the margin
# fell?" continue the conversation).
# A choice among companies: "which company has the highest score?", "which stock is most bullish?".
_WHICH_COMPANY = re.compile(r"\bwhich\s+(?:company|stock|name|ticker)\b", re.IGNORECASE)
_ACROSS_NOTES = re.compile(r"\b(?:which|any|anything\s+in)\s+(?:of\s+)?(?:(?:my|our|the)\s+)?notes\b", re.IGNORECASE)
_POINTS_AT_ANSWER = re.compile(r"\b(?:that|this|these|those)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\b(its|it|it's|their|they|them|the company|the stock)\b", re.IGNORECASE)
# A turn that goes on from the last one: a short one opening with "and" ("and the margin?"), or one
# asking of "that" ("what is the margin on that?"); not a new question ("what about the housing market?").
_GOES_ON = re.compile(r"^\W*and\s+(?:\S+\s+){0,4}\S+\s*[?.!]*\s*$|\b(?:of|on|for|from|in)\s+(?:that|those)\s*[?.!]*\s*$", re.IGNORECASE)
# Words that say how to answer, not what about; a question made only of these has no topic.
_NON_TOPIC = frozenset(
    "what about how notes note say says said think thoughts anything everything else more company "
    "thanks thank ok okay great cool hi hello yes no sure please cite citing".split()
)

# Words that ask for what the notes say without narrowing it: "tell me about Tesla", "any news on
# Alibaba?", "the latest on Nvidia", "Alibaba vs JD", "what's new?". A question asking with only
# these asks for an overview (``Question.asks_overview``).
_OVERVIEW_WORDS = frozenset(
    "tell news latest whats update updates new recent recently compare comparison compared vs versus doing "
    "summary summarize summarise overview happening happened going info information know general give show".split()
)


@dataclass
class Question:
    """A routed question. ``search_text`` is what retrieval uses; ``topic`` is the question
    without its company names, what passages are judged against."""

    text: str
    tickers: list[str]
    topic: str
    search_text: str
    intent: str = "facts"  # or "sentiment"
    inherited: list[str] = field(default_factory=list)  # what came from earlier turns
    previous_topic: str = ""  # the topic of the turn a follow-up continues
    previous_answer: str = ""  # the assistant's last reply, when this question continues it
    across_companies: bool = False  # names no company and asks across them ("which companies...")
    company_periods: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # a comparison's periods per company
    max_citations: int | None = None  # the caller's cap on cited sentences, if any
    previous_sources: list[str] = field(default_factory=list)  # notes the last reply cited, when this question continues it
    named: list[str] = field(default_factory=list)  # the companies the question itself names (not inherited, not filtered)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # where ``text`` names each company: (start, end, ticker)
    asks_only_risks: bool = False  # asks a company's risks in other words ("what could go wrong for X?"; ``_asks_only_risks``)
    asks_sources: bool = False  # asks which notes the last answer came from ("which notes back that up?"; ``ASKS_SOURCES``)

    @property
    def asks_overview(self) -> bool:
        """Asks what the notes say, and nothing narrower: of companies ("tell me about Tesla",
        "Alibaba vs JD") or of all of them ("what's new?", "summarize my notes"), in its first turn
        or after one that asked nothing narrower either."""
        asked = topic_terms(f"{self.topic} {self.previous_topic}")
        return self.intent == "facts" and bool(self.tickers or asked) and all(t in _OVERVIEW_WORDS for t in asked)


def neutralise_mentions(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace company mentions with "the company": retrieval is already restricted to the
    company's notes, and passages rarely repeat its name in every sentence."""
    keep, position = [], 0
    for start, end in sorted(spans):
        if start >= position:
            possessive = text[start:end].endswith(("'s", "\u2019s", "'", "\u2019"))
            keep += [text[position:start], "the company's" if possessive else "the company"]
        position = max(position, end)
    keep.append(text[position:])
    return re.sub(r"\s+", " ", "".join(keep)).strip()


def _last_reply(history: list[dict] | None) -> tuple[str, list[str]]:
    """The text of the latest assistant message in ``history``, and the notes it cited if the
    message carries its ``citations`` (``Citation`` objects or their JSON)."""
    for message in reversed(history or []):
        if message.get("role") == "assistant" and isinstance(message.get("content"), str):
            cited = [c["source"] if isinstance(c, dict) else c.source for c in message.get("citations") or []]
            return message["content"], list(dict.fromkeys(cited))
    return "", []


def topic_terms(text: str) -> list[str]:
    """The content words of a question that say what it is about (not "what", "company", "thanks")."""
    return [term for term in query_terms(text) if term not in _NON_TOPIC]


def _has_topic(topic: str) -> bool:
    return bool(topic_terms(topic))


# The words of a follow-up that only moves or names the period: "and the year before?", "the
# following quarter?", "and 2026?", "what about Q3?".
_MOVING_WORDS = frozenset(
    "year years quarter quarters fiscal period before after earlier later following previous prior preceding subsequent"
    " alone standalone".split()  # (or only narrows it: "and q4 alone?")
)


def _only_a_period(text: str) -> bool:
    """Whether a question asks nothing but a period ("and the year before?", "and 2026?", "what about Q3?")."""
    terms = topic_terms(text)
    only = bool(terms) and all(t in _MOVING_WORDS or t.isdigit() or PERIOD_WORD.fullmatch(t) for t in terms)
    return only and bool(relative_quarter(text) or relative_year(text) or named_period(text))


# What may be said to harm a company or a thing of its, after a modal ("could derail", "may trip up").
_MODAL = r"(?:could|might|would|can|may)"
_HARMS = r"(?:derail|hurt|undermine|jeopardi[sz]e|threaten|sink|damage|trip\s+up)"
# Risks asked in other words: "what could go wrong for X (from here)?", "the bear case on X?".
_RISK_PHRASE = re.compile(
    r"\bgo(?:es)?\s+wrong\b|\bbear\s+(?:case|points?)\b"
    # what might harm the company, naming nothing else ("what could derail Acme?"; not "... Acme's margins?")
    rf"|\b{_MODAL}\s+(?:{_HARMS}|stop)\b",
    re.IGNORECASE,
)
# What might harm a thing of the company's, said so ("what could derail Acme's margin story?", "what
# might hurt its cloud growth?"): the risks to that thing, asked as such (not "what could Acme's
# margins reach?": no harm said).
_RISK_TO = re.compile(
    rf"\b(?:what|which\s+[\w-]+(?:\s+[\w-]+)?)\s+{_MODAL}\s+(?:{_HARMS}|put\s+at\s+risk)\s+"
    r"(?:the\s+company['\u2019]s|its|their)\s+\w", re.IGNORECASE,
)
# Who is worried, which names nothing at risk: "what's worrying people / investors about X?", "what
# worries us on X?" (the desk, in lower case: not "what concerns US regulators", the country)
_WHO_WORRIES = re.compile(
    r"\b((?:worr(?:y|ies|ying|ied)|concern(?:s|ing)?|bother(?:s|ing)?|troubl(?:es|ing)))\s+"
    r"(?:people|investors|the\s+market|the\s+street|you|me|(?-i:us)(?!-))\b", re.IGNORECASE,
)


def without_the_worried(topic: str) -> str:
    """``topic`` without who is worried (``_WHO_WORRIES``): "what worries us on X" -> "what worries on X"."""
    return _WHO_WORRIES.sub(r"\1", topic)
# The words a risk question is put with, besides what is at risk ("what could go wrong / derail /
# hurt X", "the bear case", "what does X face"): no note states them of a risk.
RISK_PHRASING = frozenset("""
    go goes going wrong bear case points derail derails hurt hurts jeopardise jeopardize stop stops undermine undermines
    threaten threatens sink sinks damage damages trip might may
    face faces facing remain remains
    worry worries worrying worried concern concerns concerning concerned
    flag flags flagged flagging mention mentions mentioned cite cites cited
    """.split())


# "They" and "their" in a follow-up on one company, where a question puts its subject or owner
# ("did they change the full-year guide?", "their margin?"): the company, as a question naming it
# reads (the cross-encoder gives -7.0 to "did they change the full-year guidance?" against the
# sentence confirming it, -4.0 to "did the company change ...").
_THEY = re.compile(r"(^\W*|\b(?:did|do|does|have|has|had|will|would|could|can|are|were|should)\s+)they\b|\btheir\b", re.IGNORECASE)


_NOT_OTHERS = frozenset("is was has does its this us".split())  # (words ending in "s" that name no others)


def the_company_for_they(topic: str) -> str:
    """``topic`` with the inherited company for "they" and "their" (``_THEY``), unless others
    are named before it, whose it may be ("are analysts raising their estimates?")."""
    def company(m: re.Match) -> str:
        if any(is_plural_noun(w) or w.endswith("ers") for w in re.findall(r"[a-z]+", topic[: m.start()].lower()) if w not in _NOT_OTHERS):
            return m.group(0)
        return f"{m.group(1)}the company" if m.group(1) is not None else "the company's"
    return _THEY.sub(company, topic)


# How a question says "as things stand", which names nothing at risk: "the bear case right now".
_AS_THINGS_STAND = re.compile(r"\b(?:right\s+now|currently|at\s+the\s+moment|these\s+days|at\s+this\s+point)\b", re.IGNORECASE)
# ... and "now" ending a question ("the key risks to Acme now?")
_NOW_AT_END = re.compile(r"\bnow(?=\W*$)", re.IGNORECASE)


def without_as_things_stand(text: str) -> str:
    """``text`` without how it says "as things stand" ("what are the key risks to the company right
    now" -> "... to the company"), which the cross-encoder reads as something asked; for figures the
    ``latest`` feature prefers the newest note."""
    kept = " ".join(_NOW_AT_END.sub(" ", _AS_THINGS_STAND.sub(" ", text)).split())
    return kept if topic_terms(kept) else text


# Words a question asking a company's risks puts them with, naming nothing at risk: which risks
# ("the key risks", "downside risks") and which note they are asked of ("from the q2 print").
_WHICH_RISKS = frozenset("risk risks downside key main biggest major top principal".split())
# ... and what they are risks to when that is the whole investment view ("key risks to the Acme
# thesis", "risks to our investment case"): nothing in particular.
WHOLE_VIEW = re.compile(
    r"\bto\s+(?:(?:the|our|my|its|their)\s+)+(?:company\s+)?(?:(?:investment|bull|long)\s+)?(?:thesis|case|story)\b", re.IGNORECASE,
)
_WHICH_NOTE = frozenset("print note notes report results call filing".split())
_LISTED = frozenset("list lists rundown pls plz thanks".split())  # how the risks are asked for ("risk list pls")
# What a question may call a company's risks: "what's worrying people about X?", "X's main concerns?"
# (not a "going concern": the auditor's doubt, a risk named)
_RISK_NAMES = frozenset("risk risks worry worries worrying worried concern concerns concerned".split())
_GOING_CONCERN = re.compile(r"\bgoing\s+concern", re.IGNORECASE)


def _asks_only_risks(topic: str) -> bool:
    """Whether ``topic`` asks a company's risks, naming nothing else at risk, in other words
    ("what could go wrong for the company from here?", "the bear case right now"; not "...
    around its launch?") or of one note or period ("the company downside risks from the q2
    print", which the cross-encoder reads as asking about the print; not "the company's margin
    risks in Q2"): the notes call them risks, so the question is searched and read as asking them."""
    if _GOING_CONCERN.search(topic):
        return False
    viewed = WHOLE_VIEW.sub(" ", without_the_worried(topic))
    terms = set(topic_terms(_AS_THINGS_STAND.sub(" ", viewed)))
    if _RISK_PHRASE.search(topic):
        return not terms - RISK_PHRASING
    asked = {t for t in terms if not (t.isdigit() or PERIOD_WORD.fullmatch(t))} - _WHICH_NOTE
    if not asked & _RISK_NAMES or asked - _WHICH_RISKS - RISK_PHRASING - _LISTED:
        return False
    return asked != terms or viewed != topic or bool(asked - _WHICH_RISKS)  # (other words than "risks": read as asking them)


# How a question across the notes is put, before and around its theme: who is asked ("which of my
# names", "who's", "anything in my notes"), where ("across our coverage"), and how the notes say it
# ("called out", "talk about", "on").
_ACROSS_FRAMING = re.compile(
    r"^\W*(?:which|what|who|whom|whose|where|any|anyone|anybody|anything|are\s+there\s+any|is\s+there\s+any)(?:['\u2019]s)?\b\s*"
    r"(?:(?:do|does|did)\s+(?=(?:my|our|the)\s+notes?\b))?"  # ("where do my notes talk about the monsoon?")
    r"(?:(?:of\s+)?(?:my|our|the)\s+)?(?:(?:names?|companies|company|stocks?|tickers?|firms?|notes?|holdings?)\b\s*)?"
    r"(?:(?:is|are|has|have|do|does|did)\b\s*)?"
    r"(?:(?:called\s+out|flagg(?:ed|ing)|flags?|mention(?:s|ed)?|cit(?:e|es|ed)|talk(?:s|ed)?\s+about|discuss(?:es|ed)?"
    r"|say(?:s|ing)?\s+about|point(?:s|ed)?\s+to|on|about)\b\s*)?",
    re.IGNORECASE,
)
_ACROSS_SCOPE = re.compile(
    r"\s*\b(?:in|across|within|among)\s+(?:(?:my|our|the)\s+)?(?:notes|coverage(?:\s+(?:universe|list))?|names|portfolio|companies)\b", re.IGNORECASE,
)
# Where a theme turns up, asked with it as the subject: "where does weather show up as a driver?"
# asks about "weather as a driver".
_WHERE_IT_SHOWS = re.compile(
    r"^\W*where\s+(?:does|do|did|has|have)\s+(?P<theme>.+?)\s+(?:show(?:n|ed)?\s+up|come\s+up|crop(?:ped)?\s+up|turn(?:ed)?\s+up|appear(?:ed)?(?!\s+to\b)|feature[ds]?)\b\s*",
    re.IGNORECASE,
)
# How the notes say it, put after the theme: "any China-related risks flagged (across the coverage)?"
_ACROSS_SAID = re.compile(
    r"\s+(?:called\s+out|flagged|mentioned|cited|discussed|noted)\s*(?=[?.!]*\s*$)", re.IGNORECASE,
)


# "What did the notes say about ...", "what are my notes saying on ...": how any question may ask
# what the notes say, which the cross-encoder reads as part of the question (-6.8 against +-1.3 for
# "the company's games business?" on the bundled Tencent note).
_NOTES_SAY = re.compile(
    r"^\W*(?:what\s+(?:did|do|does|have)\s+(?:the|my|our)\s+notes?\s+(?:say|said|write|written|mention|mentioned)"
    r"|what\s+(?:are|were)\s+(?:the|my|our)\s+notes\s+saying)\s+(?:about|on|regarding|of)\s+",
    re.IGNORECASE,
)


_RISKS_ASKED = "What are the risks for the company?"


def theme_of(topic: str, across: bool = True, risks: bool = False) -> str:
    """What a question asks about, without how it asks what the notes say ("what did the notes say
    about the company's games business?" -> "the company's games business?") and, asked ``across``
    the notes (no company named), without who is asked and where: "which names in coverage called
    out weather as a driver of demand?" -> "weather as a driver of demand?", "where does weather show
    up as a driver?" -> "weather as a driver?". The cross-encoder
    reads the theme against each sentence; a question asking only ``risks`` in other words ("the
    bear case on the company right now": ``Question.asks_only_risks``) is read as asking the risks."""
    if risks:
        return _RISKS_ASKED
    theme = _NOTES_SAY.sub("", topic)
    if across:
        theme = _WHERE_IT_SHOWS.sub(lambda m: f"{m.group('theme')} ", _ACROSS_SCOPE.sub(" ", theme))
        theme = _ACROSS_SAID.sub("", _ACROSS_FRAMING.sub("", theme))
    theme = " ".join(theme.split())
    return theme if topic_terms(theme) else topic


TERSE_WORDS = 7  # a question of this many words or fewer, with no question word, is terse: it may open on its subject

# A terse question that opens on its company ("nvda china exposure", the topic "the company china
# exposure"): the company's thing. The cross-encoder, trained on questions, reads it so asked:
# "What is the company's china exposure?" (-7.2 -> -4.3 against "China accounted for about 13% of
# Nvidia's revenue").
_TERSE_OWNED = re.compile(r"^the\s+company\s+(?!['\u2019]s\b)(?=[a-z0-9])(?P<rest>.+?)[?.!\s]*$", re.IGNORECASE)
_ASKING_WORD = re.compile(
    r"\b(?:what|which|how|why|who|when|where|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|vs|versus|and|or)\b|[,;:]",
    re.IGNORECASE,
)


def as_question(theme: str) -> str:
    """``theme`` as the cross-encoder reads it best: a terse one opening on its company, with no
    question word, verb of asking, comparison or clause ("the company q3 2025 transport volume"),
    asked as the company's ("What is the company's q3 2025 transport volume?"); others unchanged."""
    terse = _TERSE_OWNED.match(theme)
    if not terse or _ASKING_WORD.search(terse.group("rest")):
        return theme
    rest = terse.group("rest")
    verb = "are" if is_plural_noun(re.sub(r"\s*\(.*", "", rest).split()[-1]) else "is"  # ("risks?"; not the spelt-out "(fiscal 2025)")
    return f"What {verb} the company's {rest}?"


_COMPARED = re.compile(r"\b(?:compar\w*|vs\.?|versus|against|than)\b", re.IGNORECASE)


class QueryRouter:
    """Routes questions with the same resolver ingest uses, so "Alibaba" and "$BABA" both mean BABA."""

    def __init__(self, resolver: TickerResolver):
        self.resolver = resolver

    def _parse(self, text: str) -> tuple[list[str], str, list[tuple[int, int, str]]]:
        """The tickers ``text`` names, its topic, and where each company is named (start, end, ticker)."""
        mentions = self.resolver.mentions(text, case_sensitive_names=False)
        tickers = list(dict.fromkeys(m.ticker for m in mentions))
        return tickers, neutralise_mentions(text, [(m.start, m.end) for m in mentions]), [(m.start, m.end, m.ticker) for m in mentions]

    def _asked_of(self, text: str, named: list[tuple[int, int, str]], history: list[dict] | None) -> str | None:
        """The last user question, when it was a sentiment question about one company, asked of
        the companies ``text`` names instead ("how many negative notes on Alibaba?" then "what
        about Tencent?": "how many negative notes on Tencent?"). A sentiment question's kind is in
        its wording, which a follow-up naming only a company leaves out. None otherwise."""
        last = next((m["content"] for m in reversed(history or []) if m.get("role") == "user" and isinstance(m.get("content"), str)), "")
        asked = spelt_out(last)
        _, _, before = self._parse(asked)
        if len({ticker for *_, ticker in before}) != 1 or self.route(last).intent != "sentiment":
            return None
        names = " and ".join(text[start:end] for start, end, _ in named)
        start, end, _ = before[0]
        return f"{asked[:start]}{names}{asked[end:]}"

    def _for_another_period(self, text: str, history: list[dict] | None) -> str | None:
        """The last question with a topic of its own, restated for the period ``text`` and the
        follow-ups between them move it to or name ("Tesla fy2025 revenue", then "and the year
        before?": "Tesla fy2024 revenue"; "what is Tesla's capex outlook for 2025?", then "and
        2026?"); None when ``text`` asks more than a period, or there is no period to move."""
        if not _only_a_period(text):
            return None
        asked = [m["content"] for m in history or [] if m.get("role") == "user" and isinstance(m.get("content"), str)]
        chain = [text]
        while asked and _only_a_period(asked[-1]):
            chain.insert(0, asked.pop())
        if not asked:
            return None
        question: str | None = spelt_out(asked[-1])
        for follow_up in chain:
            question = for_period(question, follow_up) if question else None
        return question

    def _previous(self, history: list[dict] | None) -> tuple[list[str], str]:
        """Tickers and topic of the latest earlier user turn that had them."""
        tickers, topic = [], ""
        for message in reversed(history or []):
            if message.get("role") != "user" or not isinstance(message.get("content"), str):
                continue
            found, text, _ = self._parse(message["content"])
            tickers = tickers or found
            topic = topic or (text if _has_topic(text) else "")
            if tickers and topic:
                break
        return tickers, topic

    def route(self, text: str, history: list[dict] | None = None, tickers: list[str] | None = None) -> Question:
        """Route ``text`` (``spelt_out``); explicit ``tickers`` (from ``--ticker`` or the UI) override detection."""
        text = spelt_out(text)
        found, topic, named = self._parse(text)
        own_topic = topic  # (the companies' names each "the company": "count of positive Acme Heavy Industries notes")
        if found and not _has_topic(topic) and (asked_again := self._asked_of(text, named, history)):
            routed = self.route(asked_again, None, tickers)  # "what about Tencent?" after a sentiment question
            routed.inherited = ["topic"]
            return routed
        if not found and (restated := self._for_another_period(text, history)):
            routed = self.route(restated, None, tickers)  # "and the year before?", "and 2026?": the last question, restated
            routed.inherited = ["tickers", "topic"]
            return routed
        own = list(found)
        inherited: list[str] = []
        previous_tickers, previous_topic = self._previous(history)
        step = relative_quarter(text) if "quarter" not in periods(text) else 0
        years = relative_year(text) if not periods(text).keys() & {"year", "fiscal_year"} else 0
        moved = shift_years(shift_quarters(previous_topic, step), years)  # "how did that change in the following quarter?"
        previous_topic = f"{previous_topic} {moved}" if moved != previous_topic and _COMPARED.search(text) else moved  # (compared: both)
        step = step or years
        notes_theme = _ACROSS_NOTES.search(text) and not _POINTS_AT_ANSWER.search(text) and theme_of(text) != text
        # ("which company ...?" after one company leaves it none to choose among: it asks across the notes)
        asks_across = bool(_CROSS_COMPANY.search(text) or notes_theme or (_WHICH_COMPANY.search(text) and len(previous_tickers) < 2))
        continues = _POINTS_BACK.search(text) or not asks_across
        if not found and previous_tickers and continues:
            found, inherited = previous_tickers, ["tickers"]
            topic = the_company_for_they(topic) if len(found) == 1 else topic
        # (a follow-up going on from a question that named no company the table knows: "Don Quijote
        # owner - operating profit for fy41?", then "and the margin on that?")
        goes_on = not found and not previous_tickers and _GOES_ON.search(text) is not None
        search_text = text
        if previous_topic and (not _has_topic(topic) or "tickers" in inherited or goes_on):
            search_text = f"{text} {previous_topic}"
            topic = topic if _has_topic(topic) else previous_topic
            inherited.append("topic")
        chosen = [self.resolver.directory.canonical(t) for t in tickers] if tickers else found
        side_by_side = len(chosen) > 1 and _ONE_NOTE.search(text) and (_STANDING.search(text) or _compared_bare(topic))
        reading = bool(own) and (_COMPANY_READING.search(topic) or _over_a_period(topic) or _trend_of_the_company(topic))
        stance = any(_SENTIMENT.search(_DECIMALS.sub("", t)) for t in (text, own_topic)) or _scores_a_company(text, named)
        intent = "sentiment" if stance or side_by_side or reading or _bare_score(text) else "facts"
        previous = previous_topic if inherited else ""
        # The notes the last reply quoted are the ones a follow-up continues, unless it moves the quarter.
        answer, quoted = _last_reply(history) if (inherited or _POINTS_BACK.search(text)) and not step else ("", [])
        across = not chosen and asks_across
        if across:  # retrieval and the answer read the theme, not how it is asked ("who is ... across our coverage")
            topic, search_text = theme_of(topic), theme_of(search_text)
        only_risks = _asks_only_risks(topic)
        # "what could go wrong for X?" is "X's risks?"; "what could derail X's margins?" the risks to them
        # (``asks_only_risks`` stays False there: a thing at risk is named)
        risks = " (risks)" if only_risks or _RISK_TO.search(topic) else ""
        return Question(
            text, chosen, expand(topic or text) + risks, expand(search_text) + risks, intent, inherited, previous, answer, across,
            company_periods=periods_by_company(text, [(start, ticker) for start, _, ticker in named]), previous_sources=quoted, named=own,
            spans=named, asks_only_risks=only_risks, asks_sources=ASKS_SOURCES.search(text) is not None,
        )
