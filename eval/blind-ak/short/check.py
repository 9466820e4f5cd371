#!/usr/bin/env python3
"""Self-check for the ak-short blind evaluation set (stdlib only).

Run from anywhere:  python3 check.py
Prints every failed check, or OK when all pass.  Exclusion lists are read from
/work/blind-prompts/ (override with EXCLUSIONS_DIR); if they are absent the
exclusion checks are skipped with a notice.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCLUSIONS_DIR", "/work/blind-prompts")

# ---------------------------------------------------------------- companies
COVERED = {  # ticker -> names that identify the company in text
    "RSW.L": ["Renishaw"],
    "ROR.L": ["Rotork"],
    "BEI.DE": ["Beiersdorf"],
    "DIA.MI": ["DiaSorin"],
    "IP.MI": ["Interpump"],
    "CLNX.MC": ["Cellnex"],
    "KBX.DE": ["Knorr-Bremse", "Knorr"],
}
INVENTED = {"CLVW": "Calvenrow Vineyards", "BRVS": "Brivetta Student Housing"}
PASSING = {"bioMérieux": "BIM.PA", "Inwit": "INW.MI", "Graco": "GGG", "Flowserve": "FLS"}
NO_NOTES = {"Spirax": "SPX.L", "IMI": "IMI.L"}
ALL_NAMES = {t: list(v) for t, v in COVERED.items()}
ALL_NAMES.update({t: [n, n.split()[0]] for t, n in INVENTED.items()})
# short names / abbreviations an analyst might type (used for follow-up and typo checks)
ALIASES = {"RSW.L": ["renishaw", "rsw"], "ROR.L": ["rotork", "ror"], "BEI.DE": ["beiersdorf", "bei", "nivea"],
           "DIA.MI": ["diasorin", "dia"], "IP.MI": ["interpump", "ip.mi"], "CLNX.MC": ["cellnex", "clnx"],
           "KBX.DE": ["knorr", "kbx"], "CLVW": ["calvenrow", "clvw"], "BRVS": ["brivetta", "brvs"]}

# ------------------------------------------------------------------- format
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, delivered in real time.",
    "Real-time signals and portfolio analytics for professional investors.",
    "Smarter research workflows for buy-side teams.",
}
DEMO = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
TICKER_LINE = re.compile(r"^\$?([A-Z][A-Z0-9]*(?:\.[A-Z]{1,2})?):? (-?\d\.\d\d)$")
DATE_LINE = re.compile(r"^Date: (\d{4})-(\d{2})-(\d{2})$")

# ------------------------------------------------------------------- themes
THEMES = {
    "pricing": re.compile(r"price increases?|pricing actions?", re.I),
    "fx": re.compile(r"currency|foreign exchange|\bFX\b", re.I),
    "labour": re.compile(r"\bwages?\b|\blabou?r\b", re.I),
}

EXPECTED = {"factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
            "sentiment": 3, "typo": 2, "unknown_company": 9, "no_answer": 24}
NEAR_MISS_TYPES = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

errors = []


def err(msg):
    errors.append(msg)


def words(s):
    return len(s.split())


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z$€£(])", par.strip()) if s]


# ============================================================ read notes
notes = {}
for fn in sorted(os.listdir(NOTES_DIR)):
    with open(os.path.join(NOTES_DIR, fn), encoding="utf-8", newline="") as fh:
        notes[fn] = fh.read()
short = {k: v for k, v in notes.items() if k.endswith(".txt")}
long_ = {k: v for k, v in notes.items() if k.endswith(".md")}
if set(notes) != set(short) | set(long_):
    err("notes/ contains files other than .txt and .md")


def mentions(text, ticker):
    return any(re.search(r"\b" + re.escape(n) + r"\b", text) for n in ALL_NAMES[ticker])


# ============================================================ short notes
parsed = {}
stats = Counter()
for fn, text in short.items():
    if "\r" in text:
        err(f"{fn}: carriage return found")
    final_nl = text.endswith("\n")
    lines = text[:-1].split("\n") if final_nl else text.split("\n")
    i = 0
    if lines[0] == "":
        stats["blank_first"] += 1
        i = 1
    elif DATE_LINE.match(lines[0]):
        y, m, d = map(int, DATE_LINE.match(lines[0]).groups())
        if not ((2035, 1, 1) <= (y, m, d) <= (2036, 8, 31)):
            err(f"{fn}: date {lines[0]} outside fiscal 2035 - mid-2036")
        stats["date"] += 1
        i = 1
    if len(lines) < i + 8:
        err(f"{fn}: too few lines")
        continue
    news, analytic, tag, demo, label, ss, score, ts = lines[i:i + 8]
    extra = lines[i + 8:]
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        err(f"{fn}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news) or not re.search(r"FY20\d\d|H[12] |Q[1-4] |20\d\d", news):
        err(f"{fn}: news paragraph lacks figures or a period")
    if not 180 <= words(analytic) <= 240:
        err(f"{fn}: analytic paragraph has {words(analytic)} words")
    if tag not in TAGLINES:
        err(f"{fn}: unknown tagline {tag!r}")
    if demo not in DEMO:
        err(f"{fn}: bad demo line {demo!r}")
    if label not in LABELS:
        err(f"{fn}: bad label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        err(f"{fn}: sentiment block malformed")
    try:
        sc = float(score)
    except ValueError:
        err(f"{fn}: score {score!r} not a number")
        sc = 0.0
    ok = ((label == "strongly positive" and sc >= 0.5) or (label == "mildly positive" and 0.1 < sc < 0.5)
          or (label == "neutral" and abs(sc) <= 0.1) or (label == "mildly negative" and -0.5 < sc < -0.1)
          or (label == "strongly negative" and sc <= -0.5))
    if not ok:
        err(f"{fn}: score {sc} inconsistent with label {label}")
    comps = [t for t in list(COVERED) + list(INVENTED) if mentions(news, t)]
    if not comps:
        err(f"{fn}: news paragraph names no covered company")
    tick_lines = []
    for ln in extra:
        m = TICKER_LINE.match(ln)
        if not m:
            err(f"{fn}: bad ticker line {ln!r}")
            continue
        tick_lines.append(m.group(1))
        if m.group(1) not in comps:
            err(f"{fn}: ticker line {m.group(1)} is not a company of the note")
    if extra:
        stats["ticker_lines"] += 1
        if sorted(tick_lines) != sorted(comps):
            err(f"{fn}: ticker lines {tick_lines} do not match companies {comps}")
    if not final_nl:
        stats["no_final_newline"] += 1
    if "\u2019" in text:
        stats["curly"] += 1
    stats["tag:" + tag] += 1
    stats["demo:" + demo] += 1
    parsed[fn] = dict(companies=comps, label=label, score=sc, news=news, analytic=analytic)

if len(short) != 22:
    err(f"expected 22 short notes, found {len(short)}")
if not 12 <= stats["ticker_lines"] <= 14:
    err(f"{stats['ticker_lines']} notes with ticker lines (want about 13)")
if not 9 <= stats["date"] <= 13:
    err(f"{stats['date']} notes with a Date line (want about half)")
for k, lo in (("blank_first", 2), ("no_final_newline", 3), ("curly", 3)):
    if stats[k] < lo:
        err(f"only {stats[k]} notes with {k}")
n_tags = len([k for k in stats if k.startswith("tag:")])
if not 3 <= n_tags <= 4:
    err(f"{n_tags} tagline variants used (want 3-4)")
if len([k for k in stats if k.startswith("demo:")]) != 2:
    err("both 'Request a Demo' and 'Request Demo' should be used")

by_company = defaultdict(list)
for fn, p in parsed.items():
    for t in p["companies"]:
        by_company[t].append(fn)
for t in COVERED:
    if not 2 <= len(by_company[t]) <= 3:
        err(f"{t}: {len(by_company[t])} short notes (want 2-3)")
for t in INVENTED:
    if len(by_company[t]) != 2:
        err(f"{t}: {len(by_company[t])} short notes (want 2)")
duals = [fn for fn, p in parsed.items() if len(p["companies"]) == 2]
if len(duals) != 2 or any(set(parsed[f]["companies"]) - set(COVERED) for f in duals):
    err(f"want exactly two comparison notes on two real covered companies, got {duals}")
if any(len(p["companies"]) > 2 for p in parsed.values()):
    err("a short note names more than two covered companies in its news paragraph")

# ============================================================ long notes
long_companies = Counter()
for fn, text in long_.items():
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        err(f"{fn}: missing YAML front matter")
        continue
    fm = dict(re.findall(r"^(\w+): (.+)$", m.group(1), re.M))
    for key in ("company", "ticker", "title", "date"):
        if key not in fm:
            err(f"{fn}: front matter lacks {key}")
    if fm.get("ticker") not in COVERED and fm.get("ticker") not in INVENTED:
        err(f"{fn}: unknown ticker {fm.get('ticker')}")
    if not re.match(r"^2036-0[1-7]-\d\d$|^2035-\d\d-\d\d$", fm.get("date", "")):
        err(f"{fn}: date {fm.get('date')} outside period")
    long_companies[fm.get("ticker")] += 1
    body = m.group(2)
    prose = [l for l in body.splitlines() if l.strip() and not l.startswith("|")
             and not l.startswith("#") and not l.startswith("**Table")]
    nw = sum(words(l) for l in prose)
    if not 900 <= nw <= 1100:
        err(f"{fn}: {nw} words of prose (want 900-1,100)")
    headers = [l for l in body.splitlines() if l.startswith("|") and re.search(r"FY20\d\d|Q[1-4] 20\d\d", l)]
    if not headers:
        err(f"{fn}: no Markdown table with fiscal-year or quarter columns")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        err(f"{fn}: long note must have no sentiment block")
    if not re.search(r"\b[Ww]e\b|the Company", body):
        err(f"{fn}: not in the we / the Company voice")
    if "Company" not in body and " we " not in body:
        err(f"{fn}: voice check failed")
if len(long_) != 4:
    err(f"expected 4 long notes, found {len(long_)}")
real_long = [t for t in long_companies if t in COVERED]
inv_long = [t for t in long_companies if t in INVENTED]
if len(real_long) != 2 or len(inv_long) != 1 or long_companies[inv_long[0] if inv_long else None] != 2:
    err(f"long notes should cover two real companies and one invented company twice: {dict(long_companies)}")


def note_tickers(fn):
    if fn in parsed:
        return set(parsed[fn]["companies"])
    m = re.search(r"^ticker: (.+)$", notes[fn], re.M)
    return {m.group(1)} if m else set()


# ============================================================ invented companies
for t, name in INVENTED.items():
    ws = name.split()
    if not 2 <= len(ws) <= 3 or not re.match(r"^[A-Z]{3,4}$", t):
        err(f"invented company {name} ({t}) has a bad name or ticker")
    if f"{name} ({t})" not in "".join(notes.values()):
        err(f"invented company {name} is never tied to ({t}) in text")
    dict_path = "/usr/share/dict/words"
    if os.path.exists(dict_path):
        with open(dict_path, encoding="utf-8", errors="ignore") as fh:
            if ws[0].lower() in {w.strip().lower() for w in fh}:
                err(f"{ws[0]} is an English word")

# ============================================================ passing mentions
for name, tick in PASSING.items():
    hits = [fn for fn, tx in notes.items() if name in tx]
    if len(hits) != 1:
        err(f"passing company {name} appears in {len(hits)} notes (want 1)")
        continue
    fn = hits[0]
    if fn not in parsed:
        err(f"passing company {name} is in a long note")
        continue
    sents = [s for s in sentences(parsed[fn]["news"] + " " + parsed[fn]["analytic"]) if name in s]
    if len(sents) != 1 or notes[fn].count(name) != 1:
        err(f"passing company {name} must appear in exactly one sentence")
    elif re.search(r"\d", sents[0]):
        err(f"passing-mention sentence for {name} contains a figure: {sents[0]!r}")
for name in NO_NOTES:
    for fn, tx in notes.items():
        if re.search(r"\b" + re.escape(name) + r"\b", tx):
            err(f"{name} should have no notes but appears in {fn}")

# ============================================================ questions
qa = []
with open(QA_PATH, encoding="utf-8") as fh:
    for ln, line in enumerate(fh, 1):
        try:
            qa.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"qa.jsonl line {ln}: {e}")
ids = [q["id"] for q in qa]
if ids != ["q%03d" % i for i in range(1, len(qa) + 1)]:
    err("ids are not q001.. in order")
by_id = {q["id"]: q for q in qa}


def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_company"
    return q["kind"]


cats = Counter(category(q) for q in qa)
for k, v in EXPECTED.items():
    if cats[k] != v:
        err(f"category {k}: {cats[k]} questions (want {v})")
if set(cats) - set(EXPECTED):
    err(f"unexpected categories {set(cats) - set(EXPECTED)}")


def all_aliases():
    out = []
    for t, al in ALIASES.items():
        out += al
    return out


long_factual = 0
for q in qa:
    qid = q["id"]
    for key in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if key not in q:
            err(f"{qid}: missing {key}")
    if q["kind"] not in ("factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"):
        err(f"{qid}: unknown kind {q['kind']}")
    for g in q["gold_notes"]:
        if g not in notes:
            err(f"{qid}: gold note {g} does not exist")
    # keywords occur verbatim in a gold note
    for kw in q["answer_keywords"]:
        if not any(kw.lower() in notes.get(g, "").lower() for g in q["gold_notes"]):
            err(f"{qid}: keyword {kw!r} not found in its gold notes")
    if q["kind"] == "no_answer":
        if q["gold_notes"] or q["answer_keywords"]:
            err(f"{qid}: no_answer question must have empty gold and keywords")
    else:
        if not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{qid}: answerable question needs gold notes and keywords")
    t = q["ticker"]
    if q["kind"] in ("factual", "risk", "sentiment", "follow_up") and q["gold_notes"]:
        for g in q["gold_notes"]:
            if t not in note_tickers(g):
                err(f"{qid}: gold note {g} is not about {t}")
    if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company"):
        if any(g.endswith(".md") for g in q["gold_notes"]):
            long_factual += 1
    if q.get("unknown_company") and t not in INVENTED:
        err(f"{qid}: unknown_company question with ticker {t}")
    if t in INVENTED and not q.get("unknown_company"):
        err(f"{qid}: question about an invented company lacks unknown_company")
    if q.get("typo"):
        if q["kind"] != "factual":
            err(f"{qid}: typo question must be factual")
        if any(a in q["question"].lower() for a in ALIASES[t][:1]):
            err(f"{qid}: typo question spells the company name correctly")
    if q["kind"] == "follow_up":
        parent = by_id.get(q.get("follows"))
        if not parent or ids.index(parent["id"]) != ids.index(qid) - 1:
            err(f"{qid}: follow-up must come straight after its parent")
        elif parent["ticker"] != t:
            err(f"{qid}: follow-up ticker differs from parent")
        low = q["question"].lower()
        if any(re.search(r"\b" + re.escape(a) + r"\b", low) for a in all_aliases()):
            err(f"{qid}: follow-up names a company")
    if q["kind"] == "comparison":
        if t is not None or len(q.get("companies", [])) != 2:
            err(f"{qid}: comparison needs ticker null and two companies")
        covered = set().union(*[note_tickers(g) for g in q["gold_notes"]]) if q["gold_notes"] else set()
        if not set(q.get("companies", [])) <= covered:
            err(f"{qid}: gold notes do not cover both companies")
    if q["kind"] == "general":
        rx = THEMES.get(q.get("theme"))
        if rx is None:
            err(f"{qid}: unknown theme")
        else:
            want = sorted(fn for fn, tx in notes.items() if rx.search(tx))
            if sorted(q["gold_notes"]) != want:
                err(f"{qid}: theme {q['theme']} matches {want}, gold is {sorted(q['gold_notes'])}")
    if q["kind"] == "sentiment":
        want = sorted(by_company[t])
        if sorted(q["gold_notes"]) != want:
            err(f"{qid}: sentiment gold should be all short notes of {t}: {want}")
        labels = sorted({parsed[g]["label"] for g in want})
        if sorted(q["answer_keywords"]) != labels:
            err(f"{qid}: sentiment keywords should be the labels {labels}")
    nm = q.get("near_miss")
    if nm:
        if q["kind"] != "no_answer":
            err(f"{qid}: near miss must be no_answer")
        if nm["note"] not in notes:
            err(f"{qid}: near-miss note missing")
            continue
        if nm["nearby"] not in notes[nm["note"]]:
            err(f"{qid}: nearby text not in {nm['note']}")
        scope = [fn for fn, tx in notes.items() if nm["scope"] in tx]
        if nm["note"] not in scope:
            err(f"{qid}: near-miss note outside its scope")
        rx = re.compile(nm["absent"])
        for fn in scope:
            m = rx.search(notes[fn])
            if m:
                err(f"{qid}: absent-fact regex matches {fn}: {m.group(0)!r}")
        if nm["type"] == "passing_company":
            if t not in PASSING.values():
                err(f"{qid}: passing-company near miss should carry the passing company's ticker")
        elif t not in note_tickers(nm["note"]):
            err(f"{qid}: near-miss note is not about {t}")
    ab = q.get("absent")
    if ab:
        scope = [fn for fn, tx in notes.items() if ab["scope"] in tx]
        if not scope:
            err(f"{qid}: absent-check scope matches no note")
        for fn in scope:
            m = re.search(ab["regex"], notes[fn])
            if m:
                err(f"{qid}: absent regex matches {fn}: {m.group(0)!r}")
    if q.get("reason") == "no_notes":
        if t in COVERED or t in INVENTED or t not in NO_NOTES.values():
            err(f"{qid}: no-notes question must be about an uncovered real company")

if long_factual != 4:
    err(f"{long_factual} factual questions answered from long notes (want 4)")
nms = [q for q in qa if q.get("near_miss")]
types = Counter(q["near_miss"]["type"] for q in nms)
if len(nms) != 20 or any(types[t] != 4 for t in NEAR_MISS_TYPES):
    err(f"near misses: {dict(types)} (want 4 of each of {NEAR_MISS_TYPES})")
reasons = Counter(q.get("reason") for q in qa if q["kind"] == "no_answer" and not q.get("near_miss")
                  and not q.get("unknown_company"))
if reasons != Counter({"no_notes": 2, "off_topic": 1, "period": 1}):
    err(f"other no-answer reasons {dict(reasons)}")
unk = [q for q in qa if q.get("unknown_company")]
if sum(1 for q in unk if q["kind"] != "no_answer") != 7 or sum(1 for q in unk if q["kind"] == "no_answer") != 2:
    err("want 7 answerable + 2 unanswerable unknown-company questions")
if {q["kind"] for q in unk if q["kind"] != "no_answer"} != {"factual", "risk", "sentiment"}:
    err("unknown-company questions should span factual, risk and sentiment")
if not 65 <= len(qa) <= 75:
    err(f"{len(qa)} questions (want about 70)")
for name, tick in PASSING.items():
    if not any(q.get("near_miss", {}).get("type") == "passing_company" and q["ticker"] == tick for q in qa):
        err(f"no passing-company near miss for {name}")

# ============================================================ exclusions
names_path = os.path.join(EXCL_DIR, "excluded_names.txt")
ticks_path = os.path.join(EXCL_DIR, "excluded_tickers.txt")
if os.path.exists(names_path) and os.path.exists(ticks_path):
    with open(ticks_path, encoding="utf-8") as fh:
        excl_t = {l.strip().upper() for l in fh if l.strip()}
    excl_roots = {t.split(".")[0] for t in excl_t}
    with open(names_path, encoding="utf-8") as fh:
        raw = [l.strip() for l in fh if l.strip()]
    excl_n = set()
    for entry in raw:
        for part in re.split(r', "|\s/\s', entry):
            part = part.strip().strip('"').strip()
            if part:
                excl_n.add(part)
    corpus = "\n".join(notes.values()) + "\n" + "\n".join(q["question"] for q in qa)
    for name in sorted(excl_n):
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", corpus, re.I):
            err(f"excluded name appears: {name}")
    used = set(COVERED) | set(INVENTED) | set(PASSING.values()) | set(NO_NOTES.values())
    used |= {q["ticker"] for q in qa if q["ticker"]}
    for fn, tx in notes.items():
        used |= set(re.findall(r"\(([A-Z]{2,5}(?:\.[A-Z]{1,2})?)\)", tx))
        used |= set(re.findall(r"^ticker: (\S+)$", tx, re.M))
        used |= {m.group(1) for m in (TICKER_LINE.match(l) for l in tx.splitlines()) if m}
    known = set(COVERED) | set(INVENTED) | set(PASSING.values()) | set(NO_NOTES.values()) | {"RVS", "CVS", "CADE"}
    for t in sorted(used):
        if t.upper() in excl_t or t.split(".")[0].upper() in excl_roots:
            err(f"excluded ticker used: {t}")
        if t not in known:
            err(f"unexpected ticker-like token {t}")
    excl_words = {w.lower() for n in excl_n for w in re.findall(r"[\w'’-]+", n)}
    for t, name in INVENTED.items():
        shared = {w.lower() for w in name.split()} & excl_words
        if shared:
            err(f"invented name {name} shares words with the exclusion list: {shared}")
else:
    print(f"notice: exclusion lists not found under {EXCL_DIR}; exclusion checks skipped")

if errors:
    for e in errors:
        print("FAIL:", e)
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print("OK")
