#!/usr/bin/env python3
"""Self-check for the blind content evaluation set (stdlib only).

Run from anywhere:  python3 check.py
Prints OK when every check passes, otherwise lists the failures and exits 1.

Checks: note format (short notes follow the seed layout line by line, long notes
have YAML front matter, prose length and tables), notes per company, passing
mentions, question counts per kind, answer keywords present in a gold note,
theme regexes reproduce the general questions' gold sets, sentiment gold sets
and labels, near-miss evidence (nearby text present, absent-fact regex absent),
follow-up/typo/comparison conventions, and the exclusion lists.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
# Exclusion lists live in the prompt folder; override with AH_EXCLUDED_DIR.
EXCL_DIR_CANDIDATES = [
    os.environ.get("AH_EXCLUDED_DIR", ""),
    os.path.join(HERE, "..", "..", "blind-prompts"),
    "/work/blind-prompts",
]

# ---------------------------------------------------------------- companies
# key: short name used to detect coverage in text
COVERED = {
    "Amadeus": {"name": "Amadeus IT Group", "ticker": "AMS.MC", "invented": False},
    "Halma": {"name": "Halma", "ticker": "HLMA.L", "invented": False},
    "Verisk": {"name": "Verisk Analytics", "ticker": "VRSK", "invented": False},
    "Terumo": {"name": "Terumo", "ticker": "4543.T", "invented": False},
    "Prysmian": {"name": "Prysmian", "ticker": "PRY.MI", "invented": False},
    "Wesfarmers": {"name": "Wesfarmers", "ticker": "WES.AX", "invented": False},
    "Deckers": {"name": "Deckers Brands", "ticker": "DECK", "invented": False},
    "Ilvantor": {"name": "Ilvantor Tea Estates", "ticker": "ILVT", "invented": True},
    "Yaltrune": {"name": "Yaltrune Marinas", "ticker": "YLTM", "invented": True},
}
# How a question may name a company (lowercase): names and tickers ...
ALIASES = {
    "Amadeus": ["amadeus", "ams.mc"],
    "Halma": ["halma", "hlma"],
    "Verisk": ["verisk", "vrsk"],
    "Terumo": ["terumo", "4543"],
    "Prysmian": ["prysmian", "pry.mi"],
    "Wesfarmers": ["wesfarmers", "wes.ax"],
    "Deckers": ["deckers", "deck"],
    "Ilvantor": ["ilvantor", "ilvt"],
    "Yaltrune": ["yaltrune", "yltm"],
}
# ... and brands/divisions that identify the company without naming it
BRANDS = {
    "Wesfarmers": ["bunnings", "kmart", "onepass", "kwinana"],
    "Deckers": ["hoka", "ugg"],
}
# Real companies mentioned only in passing: name -> note
PASSING = {
    "Sabre": "amadeus-airit-q3-2026.txt",
    "Nexans": "prysmian-us-capacity.txt",
    "Olympus": "terumo-q1-fy26.txt",
    "On Holding": "deckers-q4-fy26.txt",
}
LONG_EXPECTED = {"Verisk": 1, "Terumo": 1, "Ilvantor": 2}

LABEL_RANGES = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.15, 0.4999),
    "neutral": (-0.1499, 0.1499),
    "mildly negative": (-0.4999, -0.15),
    "strongly negative": (-1.0, -0.5),
}
EXPECTED_KIND_COUNTS = {
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
    "sentiment": 3, "typo": 2, "unknown_answerable": 7, "unknown_unanswerable": 2,
    "no_answer": 24,
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# ---------------------------------------------------------------- data
NEAR = {'q048': {'absent': 'Hospitality[^.\\n]*€|€[^.\\n]*Hospitality',
          'nearby': 'Air Distribution revenue of €860 million',
          'note': 'amadeus-q1-2026.txt',
          'scope': 'Amadeus',
          'why': 'Gives group revenue and Air Distribution only; Air IT Solutions is also undisclosed, so '
                 'Hospitality cannot be derived; Hospitality is mentioned only qualitatively.'},
 'q049': {'absent': 'Healthcare[^.\\n]*£|£[^.\\n]*Healthcare',
          'nearby': 'Safety sector revenue reached £1,010 million',
          'note': 'halma-fy26-results.txt',
          'scope': 'Halma',
          'why': 'Gives group and Safety revenue; Environmental & Analysis is also undisclosed, so '
                 'Healthcare is not derivable.'},
 'q050': {'absent': 'Transmission (?:segment )?(?:revenue|sales)|(?:revenue|sales) (?:in|from|of) (?:the '
                    ')?Transmission',
          'nearby': 'Electrification revenue was €4.46 billion',
          'note': 'prysmian-h1-2026.txt',
          'scope': 'Prysmian',
          'why': 'Gives group and Electrification revenue plus the Transmission backlog; Power Grid and '
                 'Digital Solutions are undisclosed, so Transmission revenue is not derivable.'},
 'q051': {'absent': 'Kmart[^.\\n]*A\\$|A\\$[^.\\n]*Kmart',
          'nearby': 'Bunnings earnings before interest and tax were A$2.41 billion',
          'note': 'wesfarmers-fy26-result.txt',
          'scope': 'Wesfarmers',
          'why': 'Gives group NPAT and Bunnings EBIT only; Kmart Group earnings are described '
                 'qualitatively.'},
 'q052': {'absent': 'Sabre[^.\\n]*\\d',
          'nearby': 'Sabre has been courting the same North American carriers',
          'note': 'amadeus-airit-q3-2026.txt',
          'scope': 'Sabre',
          'why': 'Sabre is a one-sentence passing mention with no figures.'},
 'q053': {'absent': 'Nexans[^.\\n]*\\d',
          'nearby': 'Nexans, its closest European rival',
          'note': 'prysmian-us-capacity.txt',
          'scope': 'Nexans',
          'why': 'Nexans is a one-sentence passing mention; the backlog figures in the notes are '
                 "Prysmian's."},
 'q054': {'absent': 'Olympus[^.\\n]*\\d',
          'nearby': 'Olympus is not a direct rival in catheters',
          'note': 'terumo-q1-fy26.txt',
          'scope': 'Olympus',
          'why': 'Olympus is a one-sentence passing mention with no figures; the growth rates nearby are '
                 "Terumo's."},
 'q055': {'absent': 'On Holding[^.\\n]*\\d',
          'nearby': 'On Holding keeps winning shelf space in specialty running stores',
          'note': 'deckers-q4-fy26.txt',
          'scope': 'On Holding',
          'why': 'On Holding is a one-sentence passing mention; only HOKA figures are given.'},
 'q056': {'absent': 'Cielo Ridge 2[^.\\n]*(?:pairs|units|revenue)|\\d[\\d,.]*\\s*(?:million\\s+)?pairs',
          'nearby': 'priced at $185',
          'note': 'deckers-hoka-launch.txt',
          'scope': 'Cielo Ridge',
          'why': 'The note gives price, features and the in-store month; management gave no sales '
                 'expectations.'},
 'q057': {'absent': '\\d[\\d,]*\\s+(?:pumps|units)\\b|TE-LM900[^.\\n]*(?:shipped|revenue|sold)',
          'nearby': 'priced at ¥880,000 per unit',
          'note': 'terumo-infusion-launch.txt',
          'scope': 'TE-LM900',
          'why': 'The note gives price and features; Terumo did not disclose sales targets or orders.'},
 'q058': {'absent': 'wildfire[^.\\n]*revenue|revenue[^.\\n]*wildfire|\\d[\\d,.]*\\s*(?:million\\s+)?(?:insurers|carriers|customers)\\b',
          'nearby': 'priced at $0.85 per policy scored',
          'note': 'verisk-wildfire-launch.txt',
          'scope': 'Verisk',
          'why': 'Only price and features are given; management did not disclose how many carriers are '
                 'piloting.'},
 'q059': {'absent': '\\d[\\d,.]*\\s*(?:million\\s+)?(?:members|subscribers)\\b',
          'nearby': 'The OnePass membership fee will rise to A$7 a month',
          'note': 'wesfarmers-h1-fy27.txt',
          'scope': 'OnePass',
          'why': 'The note gives only the fee change; the company did not update membership numbers.'},
 'q060': {'absent': 'remaining '
                    'states[^.\\n]*(?:20\\d\\d|Q[1-4]|H[12]\\b|January|February|March|April|May|June|July|August|September|October|November|December)',
          'nearby': 'once state regulators approve it',
          'note': 'verisk-wildfire-launch.txt',
          'scope': 'Verisk',
          'why': 'The rollout is conditional on approvals; no date is given (the 18 November 2026 date is '
                 'the score launch, not the filing).'},
 'q061': {'absent': '(?:South Carolina|new line|line is '
                    'running)[^.\\n]*(?:20\\d\\d|Q[1-4]|H[12]\\b)|(?:20\\d\\d|Q[1-4]|H[12]\\b)[^.\\n]*South '
                    'Carolina',
          'nearby': 'once permits for the tower',
          'note': 'prysmian-us-capacity.txt',
          'scope': 'Prysmian',
          'why': 'Production starts once permits are secured; management gave no timetable.'},
 'q062': {'absent': '(?:Kofu|warning '
                    'letter)[^.\\n]*(?:20\\d\\d|Q[1-4]|H[12]\\b|January|February|March|April|May|June|July|August|September|October|November|December)',
          'nearby': 'once the FDA closes out the warning letter',
          'note': 'terumo-q1-fy26.txt',
          'scope': 'Terumo',
          'why': 'Resumption is conditional on the FDA close-out; management gave no timing.'},
 'q063': {'absent': 'Kwinana[^.\\n]*(?:20\\d\\d|Q[1-4]|H[12]\\b|January|February|March|April|May|June|July|August|September|October|November|December)',
          'nearby': 'once the second processing train completes commissioning',
          'note': 'wesfarmers-h1-fy27.txt',
          'scope': 'Wesfarmers',
          'why': 'Conditional on commissioning; management no longer gives a target quarter.'},
 'q064': {'absent': 'free cash flow|cash flow',
          'nearby': 'EBITDA of €705 million',
          'note': 'amadeus-q1-2026.txt',
          'scope': 'Amadeus',
          'why': 'Only revenue and EBITDA are given; no cash-flow measure appears in any Amadeus note.'},
 'q065': {'absent': 'adjusted EBIT (?:of|was|reached|rose to|increased to|to) £',
          'nearby': 'Adjusted EBIT increased 9.0% year on year',
          'note': 'halma-h1-fy27.txt',
          'scope': '30 September 2026',
          'why': 'Only the growth rate is given; the prior-year H1 level is not in any note, so the level '
                 'cannot be derived.'},
 'q066': {'absent': 'net income',
          'nearby': 'diluted adjusted EPS was $1.86',
          'note': 'verisk-q2-2026.txt',
          'scope': 'Verisk',
          'why': 'Only adjusted EBITDA and adjusted EPS are given; no GAAP net income anywhere.'},
 'q067': {'absent': 'operating (?:margin|income|profit)',
          'nearby': 'Gross margin fell 120 basis points to 55.4%',
          'note': 'deckers-q2-fy27.txt',
          'scope': 'Deckers',
          'why': 'Only gross margin is given; no operating margin or operating income in any Deckers note.'}}

UNKNOWN_ABSENT = {'q046': {'absent': 'dividend', 'scope': 'Yaltrune'},
 'q047': {'absent': '(?:Q1|first quarter)[^.\\n]*2027[^.\\n]*revenue|revenue[^.\\n]*(?:Q1|first '
                    'quarter)[^.\\n]*2027',
          'scope': 'Ilvantor'}}

THEMES = {'buybacks': '\\bbuy-?backs?\\b|\\brepurchas\\w*',
 'labour': '\\bwages?\\b|\\blabou?r\\b',
 'tariffs': '\\btariffs?\\b'}

NO_NOTES = {'q068': 'Ashtead', 'q069': 'Accenture'}

UNCOVERED_PERIOD = {'q071': ('2022|fy22', 'Wesfarmers')}


# ---------------------------------------------------------------- helpers
errors = []


def err(msg):
    errors.append(msg)


def words(s):
    return len(s.split())


def sentences(s):
    return [x for x in re.split(r'(?<=[.!?])\s+(?=[A-Z\u00a5$\u20ac\u00a3\u201c"(])', s.strip()) if x]


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def companies_in(text):
    return {k for k in COVERED if re.search(r"\b%s\b" % re.escape(k), text)}


# ---------------------------------------------------------------- load
notes = {}
for fn in sorted(os.listdir(NOTES_DIR)):
    with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as fh:
        notes[fn] = fh.read()
short = {k: v for k, v in notes.items() if k.endswith(".txt")}
long_ = {k: v for k, v in notes.items() if k.endswith(".md")}
qa = []
with open(QA_PATH, encoding="utf-8") as fh:
    for ln, line in enumerate(fh, 1):
        if line.strip():
            try:
                qa.append(json.loads(line))
            except ValueError as e:
                err("qa.jsonl line %d: bad JSON (%s)" % (ln, e))

# ---------------------------------------------------------------- short notes
if len(short) != 22:
    err("expected 22 short notes, found %d" % len(short))
if len(long_) != 4:
    err("expected 4 long notes, found %d" % len(long_))

parsed = {}
n_date = n_blank = n_ticker = n_no_nl = n_curly = 0
taglines = set()
demo_forms = set()
for fn, t in short.items():
    lines = t.split("\n")
    if t.endswith("\n"):
        lines = lines[:-1]
    else:
        n_no_nl += 1
    if "\u2019" in t:
        n_curly += 1
    if lines and lines[0] == "":
        n_blank += 1
        lines = lines[1:]
    elif lines and lines[0].startswith("Date:"):
        if not re.fullmatch(r"Date: (2026|2027)-\d\d-\d\d", lines[0]):
            err("%s: bad Date line %r" % (fn, lines[0]))
        elif not ("2026-01-01" <= lines[0][6:] <= "2027-07-31"):
            err("%s: date outside fiscal 2026 - mid-2027" % fn)
        n_date += 1
        lines = lines[1:]
    if len(lines) < 8:
        err("%s: too few lines (%d)" % (fn, len(lines)))
        continue
    news, body, tag, demo, label, ss, score, ts = lines[:8]
    tick_lines = lines[8:]
    ns = len(sentences(news))
    if not 2 <= ns <= 4:
        err("%s: news paragraph has %d sentences" % (fn, ns))
    if not re.search(r"\d", news):
        err("%s: news paragraph without figures" % fn)
    if not 180 <= words(body) <= 240:
        err("%s: analytic paragraph has %d words" % (fn, words(body)))
    taglines.add(tag)
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err("%s: demo/Overall Sentiment line wrong: %r" % (fn, demo))
    demo_forms.add(demo)
    if label not in LABEL_RANGES:
        err("%s: unknown label %r" % (fn, label))
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        err("%s: sentiment block layout wrong" % fn)
    try:
        sc = float(score)
        lo, hi = LABEL_RANGES.get(label, (-1, 1))
        if not lo <= sc <= hi:
            err("%s: score %s inconsistent with label %s" % (fn, score, label))
    except ValueError:
        err("%s: score not a number: %r" % (fn, score))
    comps = companies_in(news + " " + body)
    if tick_lines:
        n_ticker += 1
        got = []
        for tl in tick_lines:
            m = re.fullmatch(r"\$?([A-Z0-9][A-Z0-9.]*?):? (-?\d\.\d\d)", tl)
            if not m:
                err("%s: bad ticker line %r" % (fn, tl))
                continue
            got.append(m.group(1))
        want = sorted(COVERED[c]["ticker"] for c in comps)
        if sorted(got) != want:
            err("%s: ticker lines %s do not match companies %s" % (fn, got, want))
    parsed[fn] = {"label": label, "companies": comps}

if not 3 <= len(taglines) <= 4:
    err("expected 3-4 tagline variants, found %d" % len(taglines))
if len(demo_forms) != 2:
    err("both 'Request a Demo' and 'Request Demo' should be used")
if not 9 <= n_date <= 14:
    err("about half the short notes should have a Date line (found %d)" % n_date)
if n_blank < 2:
    err("some short notes should start with a blank line")
if not 12 <= n_ticker <= 14:
    err("about 13 short notes should carry ticker lines (found %d)" % n_ticker)
if n_no_nl < 2 or n_curly < 2:
    err("some notes should lack a final newline / use curly apostrophes")

# per-company short-note counts and two-company notes
per_company = {k: [] for k in COVERED}
two = []
for fn, p in parsed.items():
    if not 1 <= len(p["companies"]) <= 2:
        err("%s: covers %s" % (fn, sorted(p["companies"])))
    if len(p["companies"]) == 2:
        two.append(fn)
    for c in p["companies"]:
        per_company[c].append(fn)
if len(two) != 2:
    err("expected 2 two-company short notes, found %s" % two)
for c, fns in per_company.items():
    lo, hi = (2, 2) if COVERED[c]["invented"] else (2, 3)
    if not lo <= len(fns) <= hi:
        err("%s has %d short notes" % (c, len(fns)))

# ---------------------------------------------------------------- long notes
long_company = {}
for fn, t in long_.items():
    m = re.match(r"---\n(.*?)\n---\n(.*)", t, re.S)
    if not m:
        err("%s: missing YAML front matter" % fn)
        continue
    fm = dict(re.findall(r"^(\w+): *(.+)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            err("%s: front matter lacks %s" % (fn, k))
    key = next((k for k, v in COVERED.items() if v["name"] == fm.get("company")), None)
    if key is None or COVERED[key]["ticker"] != fm.get("ticker"):
        err("%s: front matter company/ticker not a covered pair" % fn)
    long_company.setdefault(key, []).append(fn)
    if not ("2026-01-01" <= fm.get("date", "") <= "2027-07-31"):
        err("%s: date outside period" % fn)
    body = m.group(2)
    prose = [l for l in body.splitlines() if not l.startswith("|") and not l.startswith("#")]
    pw = words(" ".join(prose))
    if not 900 <= pw <= 1100:
        err("%s: %d words of prose" % (fn, pw))
    if not re.search(r"^\|.*\|\n\|[-| :]+\|", body, re.M):
        err("%s: no Markdown table" % fn)
    if not re.search(r"\b(FY20\d\d|Q[1-4]|H[12] 20\d\d)\b", body):
        err("%s: tables lack fiscal-year/quarter columns" % fn)
    if "Overall Sentiment" in t or "Sentiment Score" in t:
        err("%s: long note must not carry a sentiment block" % fn)
    if not re.search(r"\b(we|We|the Company)\b", body):
        err("%s: not in the company's voice" % fn)
if {k: len(v) for k, v in long_company.items()} != LONG_EXPECTED:
    err("long notes per company %s != %s" % (long_company, LONG_EXPECTED))

# invented companies: tied to ticker in text, coined names
for k, c in COVERED.items():
    if not c["invented"]:
        continue
    if not re.fullmatch(r"[A-Z]{3,4}", c["ticker"]):
        err("%s: ticker must be 3-4 capitals" % k)
    tie = "%s (%s)" % (c["name"], c["ticker"])
    if not any(tie in t for t in short.values()):
        err("%s: no short note ties the name to its ticker as %r" % (k, tie))
    if not 2 <= len(c["name"].split()) <= 3:
        err("%s: invented name must be 2-3 words" % k)

# passing mentions: one note, one sentence, no figures
for name, fn in PASSING.items():
    hits = [f for f, t in notes.items() if name in t]
    if hits != [fn]:
        err("passing company %s appears in %s (expected only %s)" % (name, hits, fn))
        continue
    sents = [s for s in sentences(notes[fn].replace("\n", " ")) if name in s]
    if len(sents) != 1:
        err("passing company %s mentioned in %d sentences" % (name, len(sents)))
    elif re.search(r"\d", sents[0]):
        err("passing mention of %s carries a figure" % name)

# ---------------------------------------------------------------- questions
ids = [q.get("id") for q in qa]
if ids != ["q%03d" % i for i in range(1, len(qa) + 1)]:
    err("ids are not q001.. in order")
by_id = {q["id"]: q for q in qa}
counts = {k: 0 for k in EXPECTED_KIND_COUNTS}
near_counts = {k: 0 for k in NEAR_MISS_KINDS}
all_tickers = {c["ticker"]: k for k, c in COVERED.items()}

for i, q in enumerate(qa):
    qid = q.get("id")
    for f in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if f not in q:
            err("%s: missing field %s" % (qid, f))
    kind, gold, kws, text = q["kind"], q["gold_notes"], q["answer_keywords"], q["question"]
    low = text.lower()
    for g in gold:
        if g not in notes:
            err("%s: gold note %s does not exist" % (qid, g))
    # categorise
    if q.get("typo"):
        cat = "typo"
        if kind != "factual":
            err("%s: typo questions are kind factual" % qid)
    elif q.get("unknown_company"):
        cat = "unknown_answerable" if gold else "unknown_unanswerable"
        if all_tickers.get(q["ticker"]) not in ("Ilvantor", "Yaltrune"):
            err("%s: unknown_company question must carry an invented ticker" % qid)
    else:
        cat = kind
    if cat not in counts:
        err("%s: unknown kind %s" % (qid, kind))
        continue
    counts[cat] += 1
    # keywords occur verbatim in a gold note
    for kw in kws:
        if not any(kw.lower() in notes[g].lower() for g in gold if g in notes):
            err("%s: keyword %r not found in gold notes" % (qid, kw))
    if kind == "no_answer":
        if gold or kws:
            err("%s: no_answer must have empty gold and keywords" % qid)
    elif not gold or not kws:
        err("%s: answerable question without gold/keywords" % qid)
    # ticker consistency for single-company questions
    def mentioned(table):
        return {k for k, al in table.items()
                if any(re.search(r"(?<![a-z0-9])%s(?![a-z0-9])" % re.escape(a), low) for a in al)}
    named = mentioned(ALIASES)
    named_any = named | mentioned(BRANDS)
    if kind in ("factual", "risk", "sentiment") and not q.get("typo"):
        if len(named_any) != 1 or COVERED[next(iter(named_any))]["ticker"] != q["ticker"]:
            err("%s: company named %s does not match ticker %s" % (qid, named_any, q["ticker"]))
    if kind in ("factual", "follow_up", "risk", "sentiment"):
        key = all_tickers.get(q["ticker"])
        for g in gold:
            if key and key not in notes.get(g, ""):
                err("%s: gold note %s does not mention %s" % (qid, g, key))
    if kind == "follow_up":
        parent = q.get("follows")
        if i == 0 or qa[i - 1]["id"] != parent:
            err("%s: follow-up must come straight after its parent" % qid)
        elif qa[i - 1]["ticker"] != q["ticker"]:
            err("%s: follow-up ticker differs from parent" % qid)
        if named:
            err("%s: follow-up names a company" % qid)
    if q.get("typo"):
        key = all_tickers.get(q["ticker"])
        toks = re.findall(r"[a-z]+", low)
        if key.lower() in toks:
            err("%s: typo question spells the company correctly" % qid)
        if not any(0 < lev(t, key.lower()) <= 2 for t in toks):
            err("%s: no misspelling of %s found" % (qid, key))
    if kind == "comparison":
        if q["ticker"] is not None:
            err("%s: comparison ticker must be null" % qid)
        if len(named) != 2:
            err("%s: comparison should name two companies (%s)" % (qid, named))
        covered = set()
        for g in gold:
            covered |= companies_in(notes[g])
        if not named <= covered:
            err("%s: gold notes do not cover %s" % (qid, named))
    if kind == "general":
        rx = THEMES[q["theme"]]
        want = sorted(f for f, t in notes.items() if re.search(rx, t, re.I))
        if sorted(gold) != want:
            err("%s: theme %s regex gives %s, gold is %s" % (qid, q["theme"], want, gold))
        if q["ticker"] is not None:
            err("%s: general ticker must be null" % qid)
    if kind == "sentiment":
        key = all_tickers.get(q["ticker"])
        want = sorted(per_company.get(key, []))
        if sorted(gold) != want:
            err("%s: sentiment gold %s != all short notes of %s %s" % (qid, gold, key, want))
        labels = sorted({parsed[g]["label"] for g in want})
        if sorted(kws) != labels:
            err("%s: sentiment keywords %s != labels %s" % (qid, kws, labels))
    if q.get("near_miss"):
        nk = q["near_miss"]
        if nk not in near_counts:
            err("%s: unknown near_miss kind %s" % (qid, nk))
        else:
            near_counts[nk] += 1
        ev = NEAR.get(qid)
        if not ev:
            err("%s: no near-miss evidence recorded" % qid)
        else:
            if ev["nearby"] not in notes.get(ev["note"], ""):
                err("%s: nearby text %r not in %s" % (qid, ev["nearby"], ev["note"]))
            scope = [f for f, t in notes.items() if ev["scope"] in t]
            if ev["note"] not in scope:
                err("%s: scope %r does not include the note" % (qid, ev["scope"]))
            for f in scope:
                m = re.search(ev["absent"], notes[f], re.I)
                if m:
                    err("%s: absent-fact regex matches %s: %r" % (qid, f, m.group(0)))
        if nk == "passing_company":
            if not any(n.lower() in low for n in PASSING):
                err("%s: passing-company question does not name a passing company" % qid)
    if qid in UNKNOWN_ABSENT:
        ev = UNKNOWN_ABSENT[qid]
        for f, t in notes.items():
            if ev["scope"] in t and re.search(ev["absent"], t, re.I):
                err("%s: absent-fact regex matches %s" % (qid, f))
    if q.get("no_answer_type") == "no_notes_company":
        nm = NO_NOTES[qid]
        if any(nm.lower() in t.lower() for t in notes.values()):
            err("%s: %s appears in a note" % (qid, nm))
    if q.get("no_answer_type") == "uncovered_period":
        rx, scope = UNCOVERED_PERIOD[qid]
        for f, t in notes.items():
            if scope in t and re.search(rx, t, re.I):
                err("%s: period regex matches %s" % (qid, f))

if counts != EXPECTED_KIND_COUNTS:
    err("kind counts %s != expected %s" % (counts, EXPECTED_KIND_COUNTS))
if near_counts != {k: 4 for k in NEAR_MISS_KINDS}:
    err("near-miss counts %s" % near_counts)
na_types = [q.get("no_answer_type") for q in qa if q["kind"] == "no_answer" and not q.get("near_miss") and not q.get("unknown_company")]
if sorted(na_types) != sorted(["no_notes_company", "no_notes_company", "off_topic", "uncovered_period"]):
    err("other no-answer questions: %s" % na_types)

# ---------------------------------------------------------------- exclusions
excl_dir = next((d for d in EXCL_DIR_CANDIDATES if d and os.path.exists(os.path.join(d, "excluded_names.txt"))), None)
if excl_dir is None:
    err("exclusion lists not found (set AH_EXCLUDED_DIR)")
else:
    with open(os.path.join(excl_dir, "excluded_names.txt"), encoding="utf-8") as fh:
        raw_names = [l.strip() for l in fh if l.strip()]
    with open(os.path.join(excl_dir, "excluded_tickers.txt"), encoding="utf-8") as fh:
        ex_tickers = {l.strip() for l in fh if l.strip()}
    names = []
    for line in raw_names:
        m = re.match(r'^(.*), "(.*)"$', line)
        parts = [m.group(1), m.group(2)] if m else [line]
        more = []
        for p in parts:
            more += [x.strip() for x in p.split(" / ")]
        # a few lines are two names run together ("Foo BarBaz"): split them too
        for p in list(more):
            j = re.search(r"(?<=[a-z])(?=[A-Z][a-z]{3,}$)", p)
            if j and " " in p[: j.start()]:
                more += [p[: j.start()], p[j.start():]]
        names += more
    corpus = list(notes.items()) + [("qa:" + q["id"], q["question"]) for q in qa]
    for src, t in corpus:
        for nm in names:
            if re.search(r"(?<![A-Za-z0-9])%s(?![A-Za-z0-9])" % re.escape(nm), t, re.I):
                err("%s: mentions excluded name %r" % (src, nm))
        toks = re.findall(r"[A-Za-z0-9$][A-Za-z0-9.&$\-]*", t)
        for tok in toks:
            tok = tok.lstrip("$").rstrip(".-")
            if tok in ex_tickers:
                err("%s: mentions excluded ticker %r" % (src, tok))
    for k, c in COVERED.items():
        if c["ticker"] in ex_tickers:
            err("%s ticker is excluded" % k)
    excl_words = set()
    for nm in names:
        excl_words |= {w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u017f]+", nm)}
    for k, c in COVERED.items():
        if c["invented"]:
            shared = {w.lower() for w in c["name"].split()} & excl_words
            if shared:
                err("%s shares words with excluded names: %s" % (c["name"], shared))

# ---------------------------------------------------------------- result
if errors:
    for e in errors:
        print("FAIL:", e)
    sys.exit(1)
print("OK")
