#!/usr/bin/env python3
"""Self-check for the an-short blind evaluation set (Python 3 stdlib only).

Run from anywhere:  python3 check.py
Prints every problem found and ends with OK when all checks pass.

Exclusion lists are read from $EXCLUSIONS_DIR or /work/blind-prompts (excluded_names.txt,
excluded_tickers.txt). If neither exists the exclusion check is reported as skipped.
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCLUSIONS_DIR", "/work/blind-prompts")

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    """Fold typographic apostrophes so keyword/nearby checks ignore ’ vs '."""
    return s.replace("\u2019", "'").replace("\u2018", "'")


# --------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------
COVERED = {  # ticker -> (display name, invented?)
    "8113.T": ("Unicharm", False),
    "VALMT.HE": ("Valmet", False),
    "INDT.ST": ("Indutrade", False),
    "THULE.ST": ("Thule", False),
    "TGYM.MI": ("Technogym", False),
    "KRN.DE": ("Krones", False),
    "NIBE-B.ST": ("NIBE", False),
    "KLVP": ("Kalvestro Pharmacy Chain", True),
    "LDRV": ("Ludravica Coachlines", True),
}
INVENTED = {t for t, (_, inv) in COVERED.items() if inv}

# Which covered companies each note is about. Short notes first, long notes after.
NOTE_COMPANIES = {
    "unicharm-9m-2038-pet-care.txt": ["8113.T"],
    "unicharm-saudi-plant.txt": ["8113.T"],
    "unicharm-q1-2039-lifree.txt": ["8113.T"],
    "valmet-q2-2039-orders.txt": ["VALMT.HE"],
    "valmet-fy2038-dividend.txt": ["VALMT.HE"],
    "valmet-krones-q1-2039.txt": ["VALMT.HE", "KRN.DE"],
    "krones-fy2038-results.txt": ["KRN.DE"],
    "krones-q1-2039-brazil.txt": ["KRN.DE"],
    "indutrade-q4-2038.txt": ["INDT.ST"],
    "indutrade-q1-2039.txt": ["INDT.ST"],
    "indutrade-ceo-succession.txt": ["INDT.ST"],
    "thule-q2-2039.txt": ["THULE.ST"],
    "thule-arcfold-launch.txt": ["THULE.ST"],
    "thule-technogym-q1-2039.txt": ["THULE.ST", "TGYM.MI"],
    "technogym-fy2038.txt": ["TGYM.MI"],
    "technogym-pulse-arc.txt": ["TGYM.MI"],
    "nibe-q1-2039.txt": ["NIBE-B.ST"],
    "nibe-s2360-launch.txt": ["NIBE-B.ST"],
    "kalvestro-q1-2039.txt": ["KLVP"],
    "kalvestro-reimbursement-cut.txt": ["KLVP"],
    "ludravica-fy2038.txt": ["LDRV"],
    "ludravica-electric-coaches.txt": ["LDRV"],
    "unicharm-h1-2039-results-release.md": ["8113.T"],
    "nibe-annual-report-2038-business-areas.md": ["NIBE-B.ST"],
    "kalvestro-annual-report-2038-financial-review.md": ["KLVP"],
    "kalvestro-annual-report-2038-markets.md": ["KLVP"],
}

# Real companies mentioned only in passing: name -> (ticker, the one note that mentions it)
PASSING = {
    "Essity": ("ESSITY-B.ST", "unicharm-9m-2038-pet-care.txt"),
    "Suzano": ("SUZB3.SA", "valmet-q2-2039-orders.txt"),
    "GEA": ("G1A.DE", "krones-fy2038-results.txt"),
    "Peloton": ("PTON", "technogym-fy2038.txt"),
}

# Real companies with no notes at all (asked about in no_answer questions)
NO_NOTES = {"RAA.DE": "Rational", "DOM.ST": "Dometic"}
OUT_OF_PERIOD = "2034"  # no note may mention this year

TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, alerts and analytics in one AI-powered workspace.",
    "Real-time signals and AI-driven research for professional investors.",
    "Smarter coverage for buy-side teams: AI research, alerts and portfolio analytics.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABEL_BANDS = {  # label -> inclusive score range
    "strongly positive": (0.50, 1.00),
    "mildly positive": (0.13, 0.49),
    "neutral": (-0.12, 0.12),
    "mildly negative": (-0.49, -0.13),
    "strongly negative": (-1.00, -0.50),
}

# --------------------------------------------------------------------------------------
# Theme regexes for the general questions: gold must equal exactly the matching notes.
# --------------------------------------------------------------------------------------
THEMES = {
    "q017": r"\bprice (increases?|hikes?|rises?)\b|\bpricing actions?\b",
    "q058": r"\bcurrenc(y|ies)\b|\bFX\b|\bexchange rates?\b",
    "q059": r"\bwages?\b|\blabou?r costs?\b|\bsalary\b|\bshortage of\b",
}

COMPARISONS = {  # id -> the two covered companies the gold must cover
    "q016": ("VALMT.HE", "KRN.DE"),
    "q040": ("INDT.ST", "NIBE-B.ST"),
    "q050": ("THULE.ST", "TGYM.MI"),
    "q064": ("KRN.DE", "VALMT.HE"),
}

# --------------------------------------------------------------------------------------
# Near misses: id -> (note, nearby text a careless bot would quote, absent-fact regex)
# The absent regex must not match the note (nor any other note of the same company).
# --------------------------------------------------------------------------------------
NEAR_MISS = {
    # segment_figure
    "q004": ("valmet-q2-2039-orders.txt", "of which Services accounted for EUR 684 million",
             r"Pulp and Energy[^.]*\d"),
    "q015": ("thule-q2-2039.txt",
             "Sport & Cargo Carriers, the largest of its four product categories, sold SEK 2,310 million",
             r"RV Products[^.]*\d|recreational vehicle[^.]*\d"),
    "q025": ("technogym-fy2038.txt", "Europe, the largest of its five regions, contributed EUR 812 million",
             r"Asia[- ]Pacific[^.]*\d|APAC[^.]*\d"),
    "q042": ("indutrade-q1-2039.txt",
             "Flow Technology, the largest of the group's eight business areas, delivered SEK 2.4 billion",
             r"\bUK\b[^.]*\d|United Kingdom[^.]*\d"),
    # passing_company
    "q012": ("unicharm-9m-2038-pet-care.txt", "Essity remains the incumbent that Unicharm has to displace",
             r"Essity[^.]*\d"),
    "q024": ("technogym-fy2038.txt", "Peloton's pivot toward commercial gyms",
             r"Peloton[^.]*\d"),
    "q060": ("valmet-q2-2039-orders.txt", "Suzano is again tendering for a new fibre line",
             r"Suzano[^.]*\d"),
    "q061": ("krones-fy2038-results.txt", "GEA Group is competing for many of the same customers",
             r"\bGEA\b[^.]*\d"),
    # product_metric
    "q018": ("unicharm-q1-2039-lifree.txt", "priced at ¥2,480 for a pack of 18",
             r"\b(sold|shipped)\b[^.]*Smart Fit|Smart Fit[^.]*\b(sold|shipped)\b|\d[\d,.]* (million )?(packs|units)"),
    "q037": ("nibe-s2360-launch.txt", "list price from SEK 129,900 excluding installation",
             r"\b(sold|shipped)\b[^.]*S2360|S2360[^.]*\b(sold|shipped|units sold|installed)\b|\d[\d,]* (units|heat pumps)\b"),
    "q052": ("thule-arcfold-launch.txt", "priced at EUR 1,149 in Europe",
             r"\b(sold|shipped)\b[^.]*Arcfold|Arcfold[^.]*\b(sold|shipped|units)\b|\d[\d,]* (units|carriers)\b"),
    "q056": ("technogym-pulse-arc.txt", "priced at EUR 3,990 for home users",
             r"\b(sold|shipped)\b[^.]*Pulse Arc|Pulse Arc[^.]*\b(sold|shipped|units|delivered)\b|\d[\d,]* (units|bikes)\b"),
    # undated_event
    "q021": ("unicharm-saudi-plant.txt",
             "will begin commercial production once the local industrial licence is granted",
             r"\b(in|by) (early |late |mid-)?20\d\d\b|\b(Q[1-4]|H[12]) ?20\d\d|"
             r"(start|begin)s? (commercial )?production (in|by)"),
    "q035": ("nibe-q1-2039.txt", "will start once heat pump demand in Germany stabilises",
             r"second production line[^.]*(\b20\d\d\b|\bQ[1-4]\b|quarter|spring|summer|autumn|winter)"),
    "q043": ("indutrade-ceo-succession.txt", "The CEO will remain in the role until a successor is in place",
             r"successor[^.]*(\b20\d\d\b|January|February|March|April|May|June|July|August|September|"
             r"October|November|December)|take[s]? (up|over)[^.]*\d"),
    "q062": ("krones-q1-2039-brazil.txt", "the deal is expected to close once antitrust clearance is received",
             r"\bclose[sd]? (in|by|during) |completion (in|by|during) |\b(Q[1-4]|H[12]) ?20\d\d"),
    # other_measure
    "q007": ("krones-fy2038-results.txt", "up 7.2% year on year including the contribution from acquisitions",
             r"\borganic"),
    "q034": ("nibe-q1-2039.txt", "The order backlog stood at SEK 8.3 billion at the end of March",
             r"backlog[^.]*(%|\bgrew\b|\brose\b|\bfell\b|increase|decrease|declin|\bup\b|\bdown\b|higher|lower|"
             r"year on year)"),
    "q053": ("thule-q2-2039.txt", "EBIT reached SEK 1,020 million for a 21.0% margin",
             r"gross margin"),
    "q063": ("valmet-fy2038-dividend.txt", "comparable EBITA of EUR 797 million, an 11.5% margin",
             r"net (profit|income)|earnings per share|\bEPS\b|profit for the (year|period)"),
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# Unanswerable questions about the invented companies (kind no_answer, unknown_company true)
UNKNOWN_NA = {
    "q031": ("kalvestro-annual-report-2038-financial-review.md",
             "The Board will present its proposal for the appropriation of profits in a separate notice",
             r"dividend|per share"),
    "q049": ("ludravica-electric-coaches.txt",
             "the company has traditionally sold coaches after a fixed period",
             r"average age|fleet age|years old"),
}

EXPECTED_COUNTS = {  # category -> count (categories are disjoint; see README)
    "factual": 16,
    "typo": 2,
    "follow_up": 4,
    "risk": 6,
    "comparison": 4,
    "general": 3,
    "sentiment": 3,
    "unknown_answerable": 7,
    "unknown_unanswerable": 2,
    "no_answer": 24,
}
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}


# --------------------------------------------------------------------------------------
# Load notes
# --------------------------------------------------------------------------------------
def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES)):
        with open(os.path.join(NOTES, fn), encoding="utf-8") as f:
            notes[fn] = f.read()
    return notes


notes = load_notes()
short = {k: v for k, v in notes.items() if k.endswith(".txt")}
long_ = {k: v for k, v in notes.items() if k.endswith(".md")}
other = [k for k in notes if not k.endswith((".txt", ".md"))]
if other:
    err(f"unexpected files in notes/: {other}")
if set(notes) != set(NOTE_COMPANIES):
    err(f"NOTE_COMPANIES mismatch: missing={set(NOTE_COMPANIES) - set(notes)} extra={set(notes) - set(NOTE_COMPANIES)}")
if len(short) != 22:
    err(f"expected 22 short notes, found {len(short)}")
if len(long_) != 4:
    err(f"expected 4 long notes, found {len(long_)}")

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z¥€$\"“])")
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9][A-Z0-9.\-]*)(:?) (-?\d\.\d\d)$")


def parse_short(fn, text):
    """Return dict(label, score, ticker_lines, style) or None after recording errors."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    i = 0
    info = {"date": None, "blank_first": False}
    if lines[0] == "":
        info["blank_first"] = True
        i = 1
    elif lines[0].startswith("Date:"):
        m = re.fullmatch(r"Date: (\d{4}-\d{2}-\d{2})", lines[0])
        if not m:
            err(f"{fn}: bad Date line {lines[0]!r}")
            return None
        d = datetime.date.fromisoformat(m.group(1))
        if not (datetime.date(2038, 1, 1) <= d <= datetime.date(2039, 9, 30)):
            err(f"{fn}: date {d} outside fiscal 2038 - mid 2039")
        info["date"] = d
        i = 1
    body = lines[i:]
    if len(body) < 8:
        err(f"{fn}: too few lines ({len(body)})")
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    tick_lines = body[8:]
    nsent = len(SENT_SPLIT.split(news.strip()))
    if not 2 <= nsent <= 4:
        err(f"{fn}: news paragraph has {nsent} sentences")
    if not re.search(r"\d", news):
        err(f"{fn}: news paragraph has no figures")
    nw = len(analytic.split())
    if not 180 <= nw <= 240:
        err(f"{fn}: analytic paragraph has {nw} words")
    if tagline not in TAGLINES:
        err(f"{fn}: unknown tagline {tagline!r}")
    if demo not in DEMO_LINES:
        err(f"{fn}: bad demo line {demo!r}")
    if label not in LABEL_BANDS:
        err(f"{fn}: bad label {label!r}")
    if ss != "Sentiment Score":
        err(f"{fn}: expected 'Sentiment Score', got {ss!r}")
    try:
        sc = float(score)
    except ValueError:
        err(f"{fn}: bad score {score!r}")
        return None
    if label in LABEL_BANDS:
        lo, hi = LABEL_BANDS[label]
        if not lo <= sc <= hi:
            err(f"{fn}: score {sc} inconsistent with label {label!r}")
    if ts != "Ticker Sentiment":
        err(f"{fn}: expected 'Ticker Sentiment', got {ts!r}")
    styles = set()
    seen = []
    for tl in tick_lines:
        m = TICKER_LINE.match(tl)
        if not m:
            err(f"{fn}: bad ticker line {tl!r}")
            continue
        dollar, tk, colon, val = m.groups()
        styles.add("$" if dollar else (":" if colon else "plain"))
        seen.append(tk)
        if abs(float(val)) > 1:
            err(f"{fn}: ticker score out of range {tl!r}")
    if seen and sorted(seen) != sorted(NOTE_COMPANIES.get(fn, [])):
        err(f"{fn}: ticker lines {seen} != main companies {NOTE_COMPANIES.get(fn)}")
    info.update(label=label, score=sc, tickers=seen, styles=styles, tagline=tagline)
    return info


short_info = {}
for fn, text in short.items():
    inf = parse_short(fn, text)
    if inf:
        short_info[fn] = inf
    if "Sentiment" not in text:
        err(f"{fn}: no sentiment block")

# note-level mix
n_tick = sum(1 for i in short_info.values() if i["tickers"])
n_date = sum(1 for i in short_info.values() if i["date"])
n_blank = sum(1 for i in short_info.values() if i["blank_first"])
n_nofinal = sum(1 for t in short.values() if not t.endswith("\n"))
n_curly = sum(1 for t in short.values() if "\u2019" in t)
styles = set().union(*[i["styles"] for i in short_info.values()]) if short_info else set()
taglines = {i["tagline"] for i in short_info.values()}
if not 11 <= n_tick <= 15:
    err(f"{n_tick} short notes have ticker lines (want about 13)")
if not 9 <= n_date <= 13:
    err(f"{n_date} short notes have a Date line (want about half)")
if n_blank < 2:
    err("fewer than 2 short notes start with a blank line")
if n_nofinal < 2:
    err("fewer than 2 short notes lack a final newline")
if n_curly < 2 or n_curly == len(short):
    err(f"{n_curly} short notes use curly apostrophes (want some, not all)")
if styles != {"plain", ":", "$"}:
    err(f"ticker line layouts used: {styles}")
if len(taglines) < 3:
    err(f"only {len(taglines)} tagline variants")

# coverage
for tk, (name, inv) in COVERED.items():
    n = sum(1 for fn in short if tk in NOTE_COMPANIES.get(fn, []))
    lo, hi = (2, 2) if inv else (2, 3)
    if not lo <= n <= hi:
        err(f"{name}: {n} short notes (want {lo}-{hi})")
    for fn in short:
        if tk in NOTE_COMPANIES.get(fn, []) and name.split()[0].lower() not in norm(short[fn]).lower():
            err(f"{fn}: does not name {name}")
pairs = [fn for fn in short if len(NOTE_COMPANIES.get(fn, [])) == 2]
if len(pairs) != 2:
    err(f"expected 2 two-company short notes, found {pairs}")
for tk in INVENTED:
    name = COVERED[tk][0]
    for fn, cos in NOTE_COMPANIES.items():
        if tk in cos and f"{name} ({tk})" not in notes[fn]:
            err(f"{fn}: invented company not tied to ticker as '{name} ({tk})'")


# long notes
def front_matter(text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None, text
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip()
    return fm, text[m.end():]


long_companies = []
for fn, text in long_.items():
    fm, body = front_matter(text)
    if fm is None:
        err(f"{fn}: no YAML front matter")
        continue
    for key in ("company", "ticker", "title", "date"):
        if not fm.get(key):
            err(f"{fn}: front matter lacks {key}")
    if fm.get("ticker") not in COVERED or [fm.get("ticker")] != NOTE_COMPANIES.get(fn):
        err(f"{fn}: front-matter ticker {fm.get('ticker')} does not match")
    long_companies.append(fm.get("ticker"))
    try:
        d = datetime.date.fromisoformat(fm.get("date", ""))
        if not (datetime.date(2038, 1, 1) <= d <= datetime.date(2039, 9, 30)):
            err(f"{fn}: date {d} out of period")
    except ValueError:
        err(f"{fn}: bad date {fm.get('date')!r}")
    prose = [l for l in body.split("\n") if l.strip() and not l.lstrip().startswith("|") and not l.startswith("#")]
    nw = len(" ".join(prose).split())
    if not 900 <= nw <= 1100:
        err(f"{fn}: {nw} words of prose (want 900-1100)")
    headers = [l for l in body.split("\n") if l.startswith("|") and re.search(r"FY\d{4}|\bQ[1-4]\b|\b20\d\d\b", l)]
    if not headers:
        err(f"{fn}: no Markdown table with fiscal-year or quarter columns")
    if not re.search(r"\bwe\b|\bthe Company\b", body):
        err(f"{fn}: not in the we/the Company voice")
    if "Sentiment" in body:
        err(f"{fn}: long notes must not carry a sentiment block")
lc = sorted(long_companies)
if sorted(set(lc)) != sorted({"8113.T", "NIBE-B.ST", "KLVP"}) or lc.count("KLVP") != 2:
    err(f"long notes should cover two real companies and one invented company twice: {lc}")

# passing mentions
for name, (tk, fn) in PASSING.items():
    hits = [f for f, t in notes.items() if re.search(rf"\b{re.escape(name)}\b", t)]
    if hits != [fn]:
        err(f"passing company {name} appears in {hits}, expected only {fn}")
        continue
    sents = [s for s in SENT_SPLIT.split(norm(notes[fn]).replace("\n", " ")) if re.search(rf"\b{name}\b", s)]
    if len(sents) != 1:
        err(f"passing company {name}: {len(sents)} sentences")
    elif re.search(r"\d", sents[0]):
        err(f"passing company {name}: sentence has figures")
for tk, name in NO_NOTES.items():
    for fn, t in notes.items():
        if re.search(rf"\b{name}\b", t, re.I):
            err(f"{fn}: mentions {name}, which should have no notes")
for fn, t in notes.items():
    if OUT_OF_PERIOD in t:
        err(f"{fn}: mentions {OUT_OF_PERIOD}, the out-of-period year")

# --------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------
qa = []
with open(QA, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            qa.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"qa.jsonl line {n}: {e}")
byid = {q["id"]: q for q in qa}
for n, q in enumerate(qa, 1):
    if q.get("id") != f"q{n:03d}":
        err(f"question {n} has id {q.get('id')}")
    for key in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if key not in q:
            err(f"{q.get('id')}: missing {key}")
    if q.get("kind") not in KINDS:
        err(f"{q['id']}: bad kind {q.get('kind')}")
    allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
               "unknown_company", "near_miss"}
    if set(q) - allowed:
        err(f"{q['id']}: unexpected fields {set(q) - allowed}")
    for g in q["gold_notes"]:
        if g not in notes:
            err(f"{q['id']}: gold note {g} does not exist")
    if q["kind"] == "no_answer":
        if q["gold_notes"] or q["answer_keywords"]:
            err(f"{q['id']}: no_answer must have empty gold and keywords")
    else:
        if not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{q['id']}: answerable question without gold or keywords")
        for kw in q["answer_keywords"]:
            if not any(norm(kw).lower() in norm(notes.get(g, "")).lower() for g in q["gold_notes"]):
                err(f"{q['id']}: keyword {kw!r} not found in gold notes")
        if q["ticker"] is not None:
            if not all(q["ticker"] in NOTE_COMPANIES.get(g, []) for g in q["gold_notes"]):
                err(f"{q['id']}: gold notes are not all about {q['ticker']}")
    if q["ticker"] is not None and q["ticker"] not in COVERED and q["kind"] != "no_answer":
        err(f"{q['id']}: ticker {q['ticker']} is not a covered company")
    if q.get("unknown_company") and q["ticker"] not in INVENTED:
        err(f"{q['id']}: unknown_company question not about an invented company")
    if q["ticker"] in INVENTED and not q.get("unknown_company"):
        err(f"{q['id']}: invented-company question lacks unknown_company")


# categories
def category(q):
    if q.get("unknown_company"):
        return "unknown_unanswerable" if q["kind"] == "no_answer" else "unknown_answerable"
    if q.get("typo"):
        return "typo"
    return q["kind"]


counts = {}
for q in qa:
    counts[category(q)] = counts.get(category(q), 0) + 1
if counts != EXPECTED_COUNTS:
    err(f"category counts {counts} != {EXPECTED_COUNTS}")
long_factual = [q["id"] for q in qa if category(q) == "factual" and any(g.endswith(".md") for g in q["gold_notes"])]
if len(long_factual) != 4:
    err(f"expected 4 factual questions answered from long notes, got {long_factual}")
uk = [q for q in qa if q.get("unknown_company") and q["kind"] != "no_answer"]
if {q["kind"] for q in uk} != {"factual", "risk", "sentiment"}:
    err(f"unknown-company answerable kinds: {[q['kind'] for q in uk]}")
if {q["ticker"] for q in qa if q.get("unknown_company")} != INVENTED:
    err("unknown-company questions must cover both invented companies")

for i, q in enumerate(qa):
    text = norm(q["question"]).lower()
    if q["kind"] == "follow_up":
        if i == 0 or q.get("follows") != qa[i - 1]["id"]:
            err(f"{q['id']}: follow_up must directly follow its parent")
        else:
            parent = qa[i - 1]
            if q["ticker"] != parent["ticker"]:
                err(f"{q['id']}: ticker differs from parent")
            if not set(q["gold_notes"]) <= set(parent["gold_notes"]):
                err(f"{q['id']}: gold not within parent's gold")
        for tk, (name, _) in COVERED.items():
            if name.split()[0].lower() in text or tk.lower().split(".")[0] in text.split():
                err(f"{q['id']}: follow_up names a company")
    elif "follows" in q:
        err(f"{q['id']}: only follow_up questions may have follows")
    if q.get("typo"):
        if q["kind"] != "factual":
            err(f"{q['id']}: typo question must be factual")
        name = COVERED[q["ticker"]][0].split()[0].lower()
        if name in text:
            err(f"{q['id']}: typo question spells {name} correctly")
    if q["kind"] == "comparison":
        if q["ticker"] is not None:
            err(f"{q['id']}: comparison needs ticker null")
        want = COMPARISONS.get(q["id"])
        covered = set(c for g in q["gold_notes"] for c in NOTE_COMPANIES.get(g, []))
        if not want or not set(want) <= covered:
            err(f"{q['id']}: comparison gold does not cover {want}")
    if q["kind"] == "general":
        rx = THEMES.get(q["id"])
        if not rx:
            err(f"{q['id']}: no theme regex")
        else:
            match = sorted(fn for fn, t in notes.items() if re.search(rx, t, re.I))
            if match != sorted(q["gold_notes"]):
                err(f"{q['id']}: theme regex matches {match}, gold is {sorted(q['gold_notes'])}")
        if q["ticker"] is not None:
            err(f"{q['id']}: general question needs ticker null")
    if q["kind"] == "sentiment":
        want = sorted(fn for fn in short if q["ticker"] in NOTE_COMPANIES[fn])
        if sorted(q["gold_notes"]) != want:
            err(f"{q['id']}: sentiment gold {q['gold_notes']} != all short notes {want}")
        labels = sorted({short_info[fn]["label"] for fn in want if fn in short_info})
        if sorted(q["answer_keywords"]) != labels:
            err(f"{q['id']}: sentiment keywords {q['answer_keywords']} != labels {labels}")
if set(THEMES) != {q["id"] for q in qa if q["kind"] == "general"}:
    err("THEMES ids do not match the general questions")
if set(COMPARISONS) != {q["id"] for q in qa if q["kind"] == "comparison"}:
    err("COMPARISONS ids do not match the comparison questions")

# near misses
nm_ids = {q["id"] for q in qa if "near_miss" in q}
if nm_ids != set(NEAR_MISS):
    err(f"near_miss ids differ: qa={sorted(nm_ids)} spec={sorted(NEAR_MISS)}")
kinds_count = {}
for q in qa:
    if "near_miss" in q:
        kinds_count[q["near_miss"]] = kinds_count.get(q["near_miss"], 0) + 1
        if q["kind"] != "no_answer":
            err(f"{q['id']}: near miss must be no_answer")
if kinds_count != {k: 4 for k in NEAR_MISS_KINDS}:
    err(f"near-miss kinds {kinds_count}")


def company_notes(fn):
    cos = set(NOTE_COMPANIES.get(fn, []))
    return [f for f, c in NOTE_COMPANIES.items() if cos & set(c)]


for qid, (fn, nearby, absent) in list(NEAR_MISS.items()) + list(UNKNOWN_NA.items()):
    q = byid.get(qid)
    if q is None or q["kind"] != "no_answer":
        err(f"{qid}: near-miss spec does not point at a no_answer question")
        continue
    if norm(nearby) not in norm(notes.get(fn, "")):
        err(f"{qid}: nearby text not found in {fn}: {nearby!r}")
    scope = company_notes(fn)
    if q.get("near_miss") == "passing_company":
        scope = list(notes)
    for f in scope:
        m = re.search(absent, notes[f], re.I)
        if m:
            err(f"{qid}: absent-fact regex matches {f}: {m.group(0)!r}")
for qid in UNKNOWN_NA:
    if not byid.get(qid, {}).get("unknown_company"):
        err(f"{qid}: should be an unknown_company no_answer")

# passing-company and no-notes questions point at the right tickers
for q in qa:
    if q.get("near_miss") == "passing_company":
        tks = {tk for tk, _ in PASSING.values()}
        if q["ticker"] not in tks:
            err(f"{q['id']}: passing-company question ticker {q['ticker']} unknown")
others = [q for q in qa if q["kind"] == "no_answer" and "near_miss" not in q and not q.get("unknown_company")]
if sorted(str(q["ticker"]) for q in others) != sorted(["RAA.DE", "DOM.ST", "None", "KRN.DE"]):
    err(f"other no_answer questions: {[q['ticker'] for q in others]}")
for q in others:
    if q["ticker"] in NO_NOTES and NO_NOTES[q["ticker"]].lower() not in q["question"].lower():
        err(f"{q['id']}: no-notes question does not name {NO_NOTES[q['ticker']]}")
    if q["ticker"] == "KRN.DE" and OUT_OF_PERIOD not in q["question"]:
        err(f"{q['id']}: out-of-period question does not ask about {OUT_OF_PERIOD}")

# --------------------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------------------
names_path = os.path.join(EXCL_DIR, "excluded_names.txt")
tick_path = os.path.join(EXCL_DIR, "excluded_tickers.txt")
# Excluded names that are also ordinary English phrases; matched case-sensitively only.
COMMON_PHRASES = {"Wise", "On Holding", "Norden", "Dover", "Corsair", "Masco"}
if os.path.exists(names_path) and os.path.exists(tick_path):
    with open(names_path, encoding="utf-8") as f:
        raw_names = [l.strip() for l in f if l.strip()]
    with open(tick_path, encoding="utf-8") as f:
        ex_tickers = {l.strip() for l in f if l.strip()}
    ex_names = set()
    for line in raw_names:
        for alias in re.findall(r'"([^"]+)"', line):
            ex_names.add(alias)
        base = re.sub(r',?\s*"[^"]+"', "", line).strip()
        for part in base.split(" / "):
            if part.strip():
                ex_names.add(part.strip())
    corpus = dict(notes)
    corpus["qa.jsonl"] = "\n".join(q["question"] for q in qa)
    for src, text in corpus.items():
        t = norm(text)
        for nm in ex_names:
            flags = 0 if (nm in COMMON_PHRASES or len(nm) <= 4) else re.I
            if re.search(rf"(?<![\w]){re.escape(norm(nm))}(?![\w])", t, flags):
                err(f"{src}: mentions excluded name {nm!r}")
        for tk in ex_tickers:
            if len(tk) >= 3 or not tk.isalpha():
                if re.search(rf"(?<![\w.$-]){re.escape(tk)}(?![\w-]|\.\w)", t):
                    err(f"{src}: mentions excluded ticker {tk!r}")
    used_tickers = set(COVERED) | {tk for tk, _ in PASSING.values()} | set(NO_NOTES)
    used_tickers |= {q["ticker"] for q in qa if q["ticker"]}
    for i in short_info.values():
        used_tickers |= set(i["tickers"])
    bad = used_tickers & ex_tickers
    if bad:
        err(f"excluded tickers used: {bad}")
    used_names = [n for n, _ in COVERED.values()] + list(PASSING) + list(NO_NOTES.values())
    for n in used_names:
        if n in ex_names:
            err(f"excluded company used: {n}")
    ex_words = {w.lower() for n in raw_names for w in re.findall(r"[\w'&-]+", n)}
    for tk in INVENTED:
        shared = {w.lower() for w in COVERED[tk][0].split()} & ex_words
        if shared:
            err(f"invented name {COVERED[tk][0]} shares words with the exclusion list: {shared}")
else:
    print(f"SKIP exclusions: {names_path} or {tick_path} not found")

# invented names: coined first word, 2-3 words, ticker 3-4 caps
for tk in INVENTED:
    name = COVERED[tk][0]
    if not 2 <= len(name.split()) <= 3 or not re.fullmatch(r"[A-Z]{3,4}", tk):
        err(f"invented company {name} ({tk}) violates naming rules")

if errors:
    for e in errors:
        print("FAIL:", e)
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print(f"{len(notes)} notes ({len(short)} short, {len(long_)} long), {len(qa)} questions: {counts}")
print("OK")
