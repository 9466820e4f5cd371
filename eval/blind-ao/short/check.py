#!/usr/bin/env python3
"""Self-check for the ao-short blind evaluation set (stdlib only).

Checks note format, company coverage, question counts per kind, answer keywords,
theme regexes (general questions), sentiment gold sets, near-miss evidence and
the exclusion lists. Prints OK when everything passes, otherwise the problems.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
README = os.path.join(HERE, "README.md")
EXCL_NAMES = "/work/blind-prompts/excluded_names.txt"
EXCL_TICKERS = "/work/blind-prompts/excluded_tickers.txt"

# --------------------------------------------------------------------------- companies
# key -> (ticker, display name, aliases used to detect a mention, invented?)
COMPANIES = {
    "siegfried": ("SFZN.SW", "Siegfried Holding", ["siegfried", "seigfried", "sfzn"], False),
    "tecan": ("TECN.SW", "Tecan Group", ["tecan", "tekan", "tecn"], False),
    "lifco": ("LIFCO-B.ST", "Lifco", ["lifco"], False),
    "addtech": ("ADDT-B.ST", "Addtech", ["addtech", "addt"], False),
    "aurubis": ("NDA.DE", "Aurubis", ["aurubis", "nda.de"], False),
    "wacker": ("WCH.DE", "Wacker Chemie", ["wacker", "wakcer", "wch"], False),
    "fuchs": ("FPE.DE", "Fuchs", ["fuchs", "fpe.de"], False),
    "kluvenor": ("KLUV", "Kluvenor Parcel Lockers", ["kluvenor", "kluv"], True),
    "nuvrasco": ("NVPC", "Nuvrasco Padel Clubs", ["nuvrasco", "nvpc"], True),
}
TICKER_OF = {k: v[0] for k, v in COMPANIES.items()}
KEY_OF_TICKER = {v[0]: k for k, v in COMPANIES.items()}

# Real companies that appear only in passing (one sentence, no figures).
PASSING = {
    "Lonza": ("LONN.SW", "sfzn-barcelona-filling.txt"),
    "Indutrade": ("INDT.ST", "addt-fy2038-39-results.txt"),
    "Boliden": ("BOL.ST", "nda-rodena-recycled-rod.txt"),
    "Evonik": ("EVK.DE", "wch-q1-2039.txt"),
}
# Real companies with no notes at all (asked about in no_answer questions).
NO_NOTES = {"Bachem": "BANB.SW", "Beijer Ref": "BEIJ-B.ST"}

# Main companies of every note.
NOTE_COMPANIES = {
    "sfzn-fy2038-results.txt": ["siegfried"],
    "sfzn-barcelona-filling.txt": ["siegfried"],
    "sfzn-agm-glp1-contract.txt": ["siegfried"],
    "tecn-fy2038-results.txt": ["tecan"],
    "tecn-h1-2039.txt": ["tecan"],
    "tecn-orvia-launch.txt": ["tecan"],
    "lifco-fy2038-results.txt": ["lifco"],
    "lifco-q1-2039-holmvang.txt": ["lifco"],
    "lifco-addtech-compounders.txt": ["lifco", "addtech"],
    "addt-fy2038-39-results.txt": ["addtech"],
    "addt-q1-2039-40-sensor.txt": ["addtech"],
    "nda-fy2037-38-results.txt": ["aurubis"],
    "nda-rodena-recycled-rod.txt": ["aurubis"],
    "nda-2039-tc-benchmark.txt": ["aurubis"],
    "wch-fy2038-results.txt": ["wacker"],
    "wch-q1-2039.txt": ["wacker"],
    "wch-fpe-energy-costs.txt": ["wacker", "fuchs"],
    "fpe-fy2038-results.txt": ["fuchs"],
    "kluv-fy2038-results.txt": ["kluvenor"],
    "kluv-q1-2039-grocery-deal.txt": ["kluvenor"],
    "nvpc-q3-2038.txt": ["nuvrasco"],
    "nvpc-fy2038-results.txt": ["nuvrasco"],
    "tecn-ar2038-financial-review.md": ["tecan"],
    "nda-h1-2038-39-interim.md": ["aurubis"],
    "kluv-ar2038-business-review.md": ["kluvenor"],
    "kluv-ar2038-financial-review.md": ["kluvenor"],
}

# --------------------------------------------------------------------------- themes
# general question id -> theme regex; gold must equal the set of notes matching it.
THEMES = {
    "q069": r"\bfranc\b",  # strong Swiss franc as a headwind
    "q032": r"\b(energy|power|electricity) (costs?|prices?)\b",  # energy / power costs
    "q029": r"\bacquisitions?\b|\bacquired\b|\bagreed to buy\b",  # M&A by the serial acquirers
}

# --------------------------------------------------------------------------- near misses
# id -> (note, nearby text a careless bot would quote, regex of the absent fact)
NO_DATE = r"\b(20[34]\d|Q[1-4]|H[12]|first half|second half|quarter|month)\b"
NEAR_MISSES = {
    # segment_figure
    "q001": ("tecn-h1-2039.txt", "Europe sales of CHF 208.9 million",
             r"North America[^.]*\d"),
    "q025": ("lifco-fy2038-results.txt", "Dental net sales reached SEK 7,410 million",
             r"Systems Solutions[^.]*\d"),
    "q023": ("wch-fy2038-results.txt", "Polysilicon sales dropped to EUR 1,020 million",
             r"Silicones[^.]*\d"),
    "q048": ("fpe-fy2038-results.txt", "Asia-Pacific sales of EUR 905 million",
             r"Americas?[^.]*\d"),
    # passing_company
    "q055": ("sfzn-barcelona-filling.txt", "Lonza remains the scale reference in outsourced manufacturing",
             r"Lonza[^.]*\d"),
    "q054": ("addt-fy2038-39-results.txt", "Indutrade runs a similar decentralised acquisition model",
             r"Indutrade[^.]*\d"),
    "q060": ("nda-rodena-recycled-rod.txt", "Boliden is pursuing a similar expansion of electronic-scrap recycling",
             r"Boliden[^.]*\d"),
    "q040": ("wch-q1-2039.txt", "Evonik, which competes with Wacker in specialty silicas and additives",
             r"Evonik[^.]*\d"),
    # product_metric
    "q005": ("tecn-orvia-launch.txt", "at a list price starting at CHF 58,000",
             r"Orvia[^.]*\b(units|placed|placements|sold|shipped|installed|orders)\b"),
    "q006": ("addt-q1-2039-40-sensor.txt", "priced at SEK 4,900 per node",
             r"\b(nodes?|kits?)\b[^.]*\b(sold|shipped|installed|orders|revenue)\b"),
    "q046": ("nda-rodena-recycled-rod.txt", "offered at a premium of EUR 180 per tonne over its standard rod",
             r"Rodena[^.]*\b(sold|tonnes of|volumes?)\b|\b(sold|shipped)\b[^.]*\btonnes\b"),
    "q064": ("fpe-fy2038-results.txt", "priced at roughly a 30% premium to conventional transmission fluids",
             r"VoltaGlide[^.]*\b(litres|tonnes|volumes?|sold|revenue|sales of)\b"),
    # undated_event
    "q059": ("sfzn-barcelona-filling.txt", "will start once the Spanish medicines agency and the FDA have inspected",
             r"\b(start|begin|commission\w*|operational|online)\b[^.]*" + NO_DATE),
    "q057": ("tecn-orvia-launch.txt", "once the cantonal building permit is granted",
             r"(campus|Männedorf)[^.]*" + NO_DATE),
    "q007": ("lifco-q1-2039-holmvang.txt", "with closing subject to competition clearance",
             r"\b(clos\w*|complet\w*)\b[^.]*" + NO_DATE),
    "q030": ("wch-fy2038-results.txt", "will restart once a new long-term power contract is agreed",
             r"(restart|Charleston)[^.]*" + NO_DATE),
    # other_measure
    "q003": ("sfzn-fy2038-results.txt", "Core EBITDA rose to CHF 362 million",
             r"net (profit|income)|profit after tax|earnings per share|\bEPS\b"),
    "q061": ("lifco-q1-2039-holmvang.txt", "net sales grew 8.4% to SEK 8,120 million",
             r"organic[^.]*\d|\d%[^.]*organic"),
    "q017": ("nda-fy2037-38-results.txt", "revenue came to EUR 18.9 billion",
             r"revenues?\b[^.]*\b(up|down|rose|fell|grew|increase\w*|decrease\w*|growth)\b|18\.9 billion[^.]*%"),
    "q011": ("wch-q1-2039.txt", "EBITDA came in at EUR 176 million",
             r"net (income|profit|result)|earnings per share|\bEPS\b"),
}
# unanswerable questions about invented companies: regex of the absent fact in that company's notes
UNKNOWN_ABSENT = {
    "q018": ("kluvenor", r"dividend"),
    "q052": ("nuvrasco", r"net debt"),
}
# question about a period no note covers: regex that must match no note
PERIOD_ABSENT = {"q037": r"\b2036\b"}

# --------------------------------------------------------------------------- format constants
LABEL_BANDS = {
    "strongly positive": (0.6, 1.0), "positive": (0.35, 0.6), "mildly positive": (0.15, 0.35),
    "neutral": (-0.15, 0.15), "mildly negative": (-0.35, -0.15), "negative": (-0.6, -0.35),
    "strongly negative": (-1.0, -0.6),
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
TICKER_LINE = re.compile(r"^(\$?)([A-Z][A-Z0-9\-]*(?:\.[A-Z]{1,3})?)(:?) (-?\d\.\d{2})$")
DATE_LINE = re.compile(r"^Date: (\d{4})-(\d{2})-(\d{2})$")

EXPECTED = {  # category -> count
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3,
    "typo": 2, "unknown_company": 9, "no_answer": 24,
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

errors = []


def err(msg):
    errors.append(msg)


def sentences(text):
    return len(re.findall(r"[.!?](?=\s+[A-Z\"'’]|$)", text.strip()))


def mentions(text, key):
    low = text.lower()
    return any(re.search(r"(?<![a-z0-9])" + re.escape(a) + r"(?![a-z0-9])", low) for a in COMPANIES[key][2])


# --------------------------------------------------------------------------- load notes
notes = {}
for fn in sorted(os.listdir(NOTES_DIR)):
    with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as fh:
        notes[fn] = fh.read()
short = {k: v for k, v in notes.items() if k.endswith(".txt")}
long_ = {k: v for k, v in notes.items() if k.endswith(".md")}
if set(notes) != set(NOTE_COMPANIES):
    err(f"notes on disk differ from NOTE_COMPANIES: {set(notes) ^ set(NOTE_COMPANIES)}")
if len(short) != 22:
    err(f"expected 22 short notes, found {len(short)}")
if len(long_) != 4:
    err(f"expected 4 long notes, found {len(long_)}")

# --------------------------------------------------------------------------- short note format
labels = {}
stats = Counter()
taglines = set()
for fn, text in short.items():
    if not text.endswith("\n"):
        stats["no_final_newline"] += 1
    if "’" in text:
        stats["curly"] += 1
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    i = 0
    if lines[0] == "":
        stats["blank_first"] += 1
        i = 1
    elif DATE_LINE.match(lines[0]):
        y, m, d = map(int, DATE_LINE.match(lines[0]).groups())
        if not ((2038, 1, 1) <= (y, m, d) <= (2039, 8, 31)):
            err(f"{fn}: date {lines[0]} outside fiscal 2038 to mid-2039")
        stats["dated"] += 1
        i = 1
    rest = lines[i:]
    if len(rest) < 8:
        err(f"{fn}: too few lines ({len(rest)})")
        continue
    news, body, tag, demo, label, ss, score, ts = rest[:8]
    tickers = rest[8:]
    n_sent = sentences(news)
    if not 2 <= n_sent <= 4:
        err(f"{fn}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        err(f"{fn}: news paragraph has no figures")
    wc = len(body.split())
    if not 180 <= wc <= 240:
        err(f"{fn}: analytic paragraph has {wc} words")
    taglines.add(tag)
    if "Overall Sentiment" in tag or len(tag.split()) > 16:
        err(f"{fn}: tagline looks wrong: {tag!r}")
    if demo not in DEMO_LINES:
        err(f"{fn}: demo line {demo!r}")
    if label not in LABEL_BANDS:
        err(f"{fn}: label {label!r}")
    if ss != "Sentiment Score":
        err(f"{fn}: expected 'Sentiment Score', got {ss!r}")
    try:
        sc = float(score)
        lo, hi = LABEL_BANDS.get(label, (-1, 1))
        if not (lo <= sc <= hi):
            err(f"{fn}: score {sc} inconsistent with label {label}")
    except ValueError:
        err(f"{fn}: score {score!r} not a number")
    if ts != "Ticker Sentiment":
        err(f"{fn}: expected 'Ticker Sentiment', got {ts!r}")
    labels[fn] = label
    if tickers:
        stats["ticker_lines"] += 1
        want = sorted(TICKER_OF[k] for k in NOTE_COMPANIES.get(fn, []))
        got = []
        for tl in tickers:
            m = TICKER_LINE.match(tl)
            if not m:
                err(f"{fn}: bad ticker line {tl!r}")
                continue
            got.append(m.group(2))
            stats["layout:" + ("$" if m.group(1) else "") + "T" + m.group(3)] += 1
        if sorted(got) != want:
            err(f"{fn}: ticker lines {got} != main companies {want}")
    if "'" in text:
        stats["straight"] += 1

if not 9 <= stats["dated"] <= 13:
    err(f"about half of short notes should have a Date line, got {stats['dated']}")
if stats["blank_first"] < 2:
    err("some short notes should start with a blank line")
if not 11 <= stats["ticker_lines"] <= 15:
    err(f"about 13 notes should carry ticker lines, got {stats['ticker_lines']}")
if len([k for k in stats if k.startswith("layout:")]) < 3:
    err(f"ticker line layouts not varied: {[k for k in stats if k.startswith('layout:')]}")
if stats["no_final_newline"] < 2 or stats["no_final_newline"] == len(short):
    err(f"some (not all) short notes should lack a final newline: {stats['no_final_newline']}")
if stats["curly"] < 2 or stats["straight"] < 1:
    err(f"need some notes with curly apostrophes and some with straight ones: {stats}")
if not 3 <= len(taglines) <= 4:
    err(f"expected 3-4 tagline variants, got {len(taglines)}")
if {l for t in short.values() for l in t.split("\n") if l in DEMO_LINES} != DEMO_LINES:
    err("both 'Request a Demo' and 'Request Demo' variants should be used")

# --------------------------------------------------------------------------- long notes
for fn, text in long_.items():
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        err(f"{fn}: missing YAML front matter")
        continue
    fm = dict(re.findall(r"^(\w+):\s*(.+)$", m.group(1), re.M))
    for key in ("company", "ticker", "title", "date"):
        if key not in fm:
            err(f"{fn}: front matter lacks {key}")
    keys = NOTE_COMPANIES.get(fn, [])
    if keys and fm.get("ticker") != TICKER_OF[keys[0]]:
        err(f"{fn}: front matter ticker {fm.get('ticker')} != {TICKER_OF[keys[0]]}")
    if keys and fm.get("company") != COMPANIES[keys[0]][1]:
        err(f"{fn}: front matter company {fm.get('company')}")
    body = m.group(2)
    prose = [l for l in body.splitlines() if not l.startswith("|") and not l.startswith("#")]
    wc = len(" ".join(prose).split())
    if not 900 <= wc <= 1100:
        err(f"{fn}: prose has {wc} words (want 900-1,100)")
    tables = re.findall(r"^\|.*(FY\d{4}|Q[1-4] \d{4}|H[12] \d{4}).*\|$", body, re.M)
    if not tables:
        err(f"{fn}: no Markdown table with fiscal-year or quarter columns")
    if not re.search(r"\b(we|our)\b", body) or "the Company" not in body:
        err(f"{fn}: prose should use the 'we' / 'the Company' voice")
    if "Overall Sentiment" in body:
        err(f"{fn}: long notes carry no sentiment block")
long_keys = [NOTE_COMPANIES[f][0] for f in long_]
lc = Counter(long_keys)
if sorted(lc.values()) != [1, 1, 2] or not all(COMPANIES[k][3] == (lc[k] == 2) for k in lc):
    err(f"long notes should cover two real companies once and one invented company twice: {lc}")

# --------------------------------------------------------------------------- coverage
short_count = Counter()
for fn in short:
    keys = NOTE_COMPANIES[fn]
    for k in keys:
        short_count[k] += 1
        if not mentions(notes[fn], k):
            err(f"{fn}: does not mention its company {k}")
for k, (tk, name, _, invented) in COMPANIES.items():
    n = short_count[k]
    if invented and n != 2:
        err(f"{k}: invented company needs 2 short notes, has {n}")
    if not invented and not 2 <= n <= 3:
        err(f"{k}: real company needs 2-3 short notes, has {n}")
    if invented:
        tie = f"{name} ({tk})"
        if not any(tie in t for t in notes.values()):
            err(f"{k}: no note ties the name to the ticker as {tie!r}")
        first = name.split()[0].lower()
        if not 2 <= len(name.split()) <= 3 or not re.fullmatch(r"[A-Z]{3,4}", tk):
            err(f"{k}: invented name/ticker shape wrong")
        if first in {"the", "new", "north", "south", "blue", "green"}:
            err(f"{k}: first word should be coined")
pairs = [fn for fn in short if len(NOTE_COMPANIES[fn]) == 2]
if len(pairs) != 2:
    err(f"expected two comparison short notes, got {pairs}")

# passing companies: exactly one note, one sentence, no figures
for name, (tk, fn) in PASSING.items():
    hits = [f for f, t in notes.items() if re.search(r"\b" + re.escape(name) + r"\b", t)]
    if hits != [fn]:
        err(f"passing company {name} should appear only in {fn}, found in {hits}")
        continue
    sents = [s for s in re.split(r"(?<=[.!?])\s+", notes[fn]) if name in s]
    if len(sents) != 1:
        err(f"passing company {name}: {len(sents)} sentences")
    elif re.search(r"\d", sents[0]):
        err(f"passing company {name}: sentence has figures")
for name in NO_NOTES:
    if any(name.lower() in t.lower() for t in notes.values()):
        err(f"{name} should have no notes at all")

# --------------------------------------------------------------------------- questions
qs = [json.loads(l) for l in open(QA, encoding="utf-8") if l.strip()]
by_id = {q["id"]: q for q in qs}
for n, q in enumerate(qs, 1):
    if q["id"] != "q%03d" % n:
        err(f"ids not sequential at {q['id']}")
    for f in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if f not in q:
            err(f"{q['id']}: missing field {f}")


def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_company"
    return q["kind"]


cats = Counter(category(q) for q in qs)
for c, n in EXPECTED.items():
    if cats[c] != n:
        err(f"category {c}: {cats[c]} questions, expected {n}")
if set(cats) - set(EXPECTED):
    err(f"unexpected categories {set(cats) - set(EXPECTED)}")

valid_tickers = set(TICKER_OF.values()) | {v[0] for v in PASSING.values()} | set(NO_NOTES.values())
long_factual = 0
for i, q in enumerate(qs):
    qid, kind, gold, kw = q["id"], q["kind"], q["gold_notes"], q["answer_keywords"]
    if q["ticker"] is not None and q["ticker"] not in valid_tickers:
        err(f"{qid}: unknown ticker {q['ticker']}")
    for g in gold:
        if g not in notes:
            err(f"{qid}: gold note {g} does not exist")
    for k in kw:
        if not any(k.lower() in notes.get(g, "").lower() for g in gold):
            err(f"{qid}: keyword {k!r} not found in any gold note")
    if kind == "no_answer":
        if gold or kw:
            err(f"{qid}: no_answer must have empty gold and keywords")
    elif not gold or not kw:
        err(f"{qid}: answerable question needs gold notes and keywords")
    if q["ticker"] in KEY_OF_TICKER and gold:
        key = KEY_OF_TICKER[q["ticker"]]
        if not all(key in NOTE_COMPANIES[g] for g in gold):
            err(f"{qid}: gold note not about {key}")
    if kind == "factual" and category(q) == "factual" and any(g.endswith(".md") for g in gold):
        long_factual += 1
    if kind == "follow_up":
        parent = by_id.get(q.get("follows"))
        if not parent or qs[i - 1]["id"] != q["follows"]:
            err(f"{qid}: follow-up must come straight after its parent")
        elif parent["ticker"] != q["ticker"]:
            err(f"{qid}: follow-up ticker differs from parent")
        if any(mentions(q["question"], k) for k in COMPANIES):
            err(f"{qid}: follow-up names a company")
    if q.get("typo"):
        key = KEY_OF_TICKER[q["ticker"]]
        if kind != "factual" or key in q["question"].lower():
            err(f"{qid}: typo question must be factual and misspell the name")
    if q.get("unknown_company") and not COMPANIES[KEY_OF_TICKER.get(q["ticker"], "siegfried")][3]:
        err(f"{qid}: unknown_company question not about an invented company")
    if kind == "comparison":
        if q["ticker"] is not None:
            err(f"{qid}: comparison ticker must be null")
        named = [k for k in COMPANIES if mentions(q["question"], k)]
        if len(named) != 2:
            err(f"{qid}: comparison should name two companies, names {named}")
        for k in named:
            if not any(k in NOTE_COMPANIES[g] for g in gold):
                err(f"{qid}: gold does not cover {k}")
    if kind == "general":
        if q["ticker"] is not None:
            err(f"{qid}: general ticker must be null")
        rx = THEMES.get(qid)
        if not rx:
            err(f"{qid}: no theme regex")
        else:
            match = sorted(f for f, t in notes.items() if re.search(rx, t, re.I))
            if match != sorted(gold):
                err(f"{qid}: theme regex matches {match}, gold is {sorted(gold)}")
            if len(match) < 3 or len({c for f in match for c in NOTE_COMPANIES[f]}) < 2:
                err(f"{qid}: theme should span several notes and companies")
    if kind == "sentiment":
        key = KEY_OF_TICKER[q["ticker"]]
        want = sorted(f for f in short if key in NOTE_COMPANIES[f])
        if sorted(gold) != want:
            err(f"{qid}: sentiment gold {sorted(gold)} != all short notes {want}")
        if sorted(set(kw)) != sorted({labels[f] for f in want}):
            err(f"{qid}: sentiment keywords {kw} != labels {sorted({labels[f] for f in want})}")
if long_factual != 4:
    err(f"expected 4 factual questions answered from long notes, got {long_factual}")

unk = [q for q in qs if q.get("unknown_company")]
if sum(1 for q in unk if q["gold_notes"]) != 7 or sum(1 for q in unk if not q["gold_notes"]) != 2:
    err("unknown_company: need 7 answerable and 2 unanswerable")
if {q["kind"] for q in unk if q["gold_notes"]} != {"factual", "risk", "sentiment"}:
    err("unknown_company answerable questions should mix factual, risk and sentiment")
for qid, (key, rx) in UNKNOWN_ABSENT.items():
    if by_id[qid]["gold_notes"]:
        err(f"{qid}: should be unanswerable")
    for f in notes:
        if key in NOTE_COMPANIES[f] and re.search(rx, notes[f], re.I):
            err(f"{qid}: absent fact /{rx}/ found in {f}")
for qid, rx in PERIOD_ABSENT.items():
    for f, t in notes.items():
        if re.search(rx, t):
            err(f"{qid}: period regex /{rx}/ found in {f}")

# near misses
nm = [q for q in qs if q.get("near_miss")]
nmk = Counter(q["near_miss"] for q in nm)
for k in NEAR_MISS_KINDS:
    if nmk[k] != 4:
        err(f"near_miss {k}: {nmk[k]} questions, expected 4")
if set(q["id"] for q in nm) != set(NEAR_MISSES):
    err(f"NEAR_MISSES table and qa.jsonl disagree: {set(q['id'] for q in nm) ^ set(NEAR_MISSES)}")
for qid, (fn, nearby, rx) in NEAR_MISSES.items():
    if qid not in by_id or by_id[qid]["kind"] != "no_answer":
        err(f"{qid}: near miss must be a no_answer question")
        continue
    t = notes.get(fn, "")
    if nearby not in t:
        err(f"{qid}: nearby text not in {fn}: {nearby!r}")
    if re.search(rx, t):
        err(f"{qid}: absent-fact regex /{rx}/ matches {fn}: {re.search(rx, t).group(0)!r}")
    if by_id[qid]["near_miss"] == "passing_company":
        if by_id[qid]["ticker"] not in {v[0] for v in PASSING.values()}:
            err(f"{qid}: passing-company near miss should carry that company's ticker")
    elif by_id[qid]["ticker"] not in NOTE_COMPANIES[fn] and KEY_OF_TICKER.get(by_id[qid]["ticker"]) not in NOTE_COMPANIES[fn]:
        err(f"{qid}: ticker does not match the note's company")
others = [q for q in qs if q["kind"] == "no_answer" and not q.get("near_miss") and not q.get("unknown_company")]
if len(others) != 4:
    err(f"expected 4 other no_answer questions (2 no-notes, 1 off-topic, 1 period), got {len(others)}")
if sum(1 for q in others if q["ticker"] in NO_NOTES.values()) != 2:
    err("need 2 questions about real companies with no notes")

# --------------------------------------------------------------------------- exclusions
names = []
for line in open(EXCL_NAMES, encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    for part in re.split(r",\s*|\s+/\s+", line):
        part = part.strip().strip('"').strip()
        if part:
            names.append(part)
excl_tickers = {l.strip() for l in open(EXCL_TICKERS, encoding="utf-8") if l.strip()}
texts = dict(notes)
texts["qa.jsonl"] = open(QA, encoding="utf-8").read()
if os.path.exists(README):
    texts["README.md"] = open(README, encoding="utf-8").read()
for nm_ in names:
    rx = re.compile(r"(?<![\w])" + re.escape(nm_) + r"(?![\w])", re.I)
    for f, t in texts.items():
        if rx.search(t):
            err(f"excluded name {nm_!r} appears in {f}")
words_excl = {w.lower() for n in names for w in re.findall(r"[A-Za-z][A-Za-z'&.-]+", n)}
for k, (tk, name, _, inv) in COMPANIES.items():
    if inv:
        shared = {w.lower() for w in name.split()} & words_excl
        if shared:
            err(f"invented name {name} shares words with the exclusion list: {shared}")
used_tickers = set(valid_tickers)
for f, t in texts.items():
    used_tickers |= set(re.findall(r"\(([A-Z][A-Z0-9.\-]{1,11})\)", t))
    used_tickers |= set(re.findall(r"\$([A-Z][A-Z0-9.\-]{1,11})\b", t))
    used_tickers |= set(re.findall(r"^ticker:\s*(\S+)", t, re.M))
    used_tickers |= {m.group(2) for l in t.splitlines() for m in [TICKER_LINE.match(l)] if m}
for q in qs:
    if q["ticker"]:
        used_tickers.add(q["ticker"])
bad = used_tickers & excl_tickers
if bad:
    err(f"excluded tickers used: {sorted(bad)}")
for tk in excl_tickers:
    if len(tk) >= 3 and re.search(r"[.\d-]", tk):
        rx = re.compile(r"(?<![\w.])" + re.escape(tk) + r"(?![\w])")
        for f, t in texts.items():
            if rx.search(t):
                err(f"excluded ticker {tk} appears in {f}")

# --------------------------------------------------------------------------- report
if errors:
    for e in errors:
        print("FAIL:", e)
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print("categories:", dict(sorted(cats.items())))
print("kinds:", dict(sorted(Counter(q["kind"] for q in qs).items())))
print("near misses:", dict(sorted(nmk.items())))
print("short notes per company:", dict(short_count))
print("OK")
