#!/usr/bin/env python3
"""Self-check for the blind content evaluation set (stdlib only).

Run from anywhere:  python3 check.py
Prints one line per failed check, or OK when everything passes.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
PROMPTS = os.path.join(HERE, "..", "..", "blind-prompts")

# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------
REAL = {
    "EDEN.PA": "Edenred",
    "AHT.L": "Ashtead Group",
    "6098.T": "Recruit Holdings",
    "PGHN.SW": "Partners Group",
    "RMV.L": "Rightmove",
    "CPU.AX": "Computershare",
    "CSU.TO": "Constellation Software",
}
INVENTED = {
    "VCWK": "Vantriel Cider Works",
    "MRVW": "Merivanto Ropeways",
}
# Real companies that appear only in passing: one sentence, one note, no figures.
PASSING = {
    "PLX.PA": ("Pluxee", "eden-brazil-pat-reform.txt"),
    "ADEN.SW": ("Adecco", "rcrt-indeed-hiring-agent.txt"),
    "BX": ("Blackstone", "pghn-aum-fy2033.txt"),
    "CSGP": ("CoStar Group", "rmv-optimiser-prime-pricing.txt"),
}
# Real companies asked about that have no notes at all.
NO_NOTES = {"HLMA.L": "Halma", "WISE.L": "Wise"}

# Main companies of every note (ticker lines and sentiment gold are checked against this).
NOTE_COMPANIES = {
    "eden-q3-2033-trading.txt": ["EDEN.PA"],
    "eden-brazil-pat-reform.txt": ["EDEN.PA"],
    "cmp-eden-cpu-float.txt": ["EDEN.PA", "CPU.AX"],
    "aht-q3-fy34-trading.txt": ["AHT.L"],
    "aht-fy35-capex-houston.txt": ["AHT.L"],
    "aht-fy34-prelim.txt": ["AHT.L"],
    "rcrt-q2-fy33.txt": ["6098.T"],
    "rcrt-indeed-hiring-agent.txt": ["6098.T"],
    "cmp-rmv-rcrt-marketplaces.txt": ["RMV.L", "6098.T"],
    "pghn-aum-fy2033.txt": ["PGHN.SW"],
    "pghn-evergreen-asia.txt": ["PGHN.SW"],
    "pghn-fy2033-results.txt": ["PGHN.SW"],
    "rmv-fy2033-results.txt": ["RMV.L"],
    "rmv-optimiser-prime-pricing.txt": ["RMV.L"],
    "cpu-h1-fy34.txt": ["CPU.AX"],
    "cpu-investor-centre-pro.txt": ["CPU.AX"],
    "csu-q4-2033.txt": ["CSU.TO"],
    "csu-q1-2034.txt": ["CSU.TO"],
    "vcwk-fy2033-results.txt": ["VCWK"],
    "vcwk-frost-warning.txt": ["VCWK"],
    "mrvw-9m-2033-orders.txt": ["MRVW"],
    "mrvw-h1-2034.txt": ["MRVW"],
    # long notes
    "aht-annual-report-fy2033.md": ["AHT.L"],
    "cpu-fy2033-results.md": ["CPU.AX"],
    "vcwk-annual-report-2033-strategic.md": ["VCWK"],
    "vcwk-annual-report-2033-financial.md": ["VCWK"],
}

TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research and alerts, powered by AI.",
    "Real-time signals, screening and AI research for professional investors.",
    "Smarter research workflows for buy-side teams, in real time.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}

# --------------------------------------------------------------------------
# Question design
# --------------------------------------------------------------------------
KIND_COUNTS = {
    "factual": 18,          # 16 plain (4 from long notes) + 2 typo questions
    "follow_up": 4,
    "risk": 6,
    "comparison": 4,
    "general": 3,
    "sentiment": 3,
    "unknown_company": 9,   # 7 answerable + 2 unanswerable
    "no_answer": 24,        # 20 near misses + 2 no-notes companies + 1 off-topic + 1 uncovered period
}
LONG_FACTUAL = 4
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# Theme regexes for the general questions: gold = every note (short or long) matching.
THEMES = {
    "q012": r"\b(FX|currency|currencies|exchange rates?)\b",
    "q034": r"\bprice (increase|rise|hike)s?\b|\bpricing actions?\b|\brental rate increases?\b",
    "q045": r"\bfloat\b|\bmargin income\b",
}

# Unknown-company questions that ask for the overall stance (checked like sentiment questions).
UNKNOWN_SENTIMENT = {"q062", "q065"}

# Comparison questions: the two companies the gold must cover.
COMPARISONS = {
    "q007": ("EDEN.PA", "CPU.AX"),
    "q033": ("RMV.L", "6098.T"),
    "q037": ("AHT.L", "CSU.TO"),
    "q059": ("PGHN.SW", "RMV.L"),
}

DATE_WORDS = (r"\b(20\d\d|FY\d+|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|"
              r"September|October|November|December|spring|summer|autumn|winter|next year|"
              r"this year|months?|weeks?)\b")

# Near misses: id -> (note, nearby text a careless bot would quote,
#                     anchor regex selecting sentences, absent-fact regex that must not match them,
#                     extra notes the absent check also covers)
NEAR_MISSES = {
    # segment_figure: total and one other segment given; asked segment not derivable
    "q002": ("eden-q3-2033-trading.txt", "Mobility operating revenue reached €171 million",
             r"Complementary Solutions", r"€\s?\d", []),
    "q006": ("aht-q3-fy34-trading.txt", "Canada remained soft as the film and television production slump persisted",
             r"Canada", r"\$\s?\d", []),
    "q011": ("rcrt-q2-fy33.txt", "revenue in Europe, US and Australia declined again",
             r"Europe", r"(¥|\$|€)\s?\d", ["cmp-rmv-rcrt-marketplaces.txt", "rcrt-indeed-hiring-agent.txt"]),
    "q029": ("rmv-fy2033-results.txt", "Agency revenue was £352.4 million",
             r"New Homes", r"£\s?\d", ["rmv-optimiser-prime-pricing.txt", "cmp-rmv-rcrt-marketplaces.txt"]),
    # passing_company: the only sentence naming the company has no figure
    "q009": ("eden-brazil-pat-reform.txt", "Pluxee faces the same decree",
             r"Pluxee", r"\d", []),
    "q021": ("pghn-aum-fy2033.txt", "Blackstone remains the main rival for large private wealth allocations",
             r"Blackstone", r"\d", []),
    "q032": ("rmv-optimiser-prime-pricing.txt", "CoStar Group continues to fund heavy consumer marketing",
             r"CoStar", r"\d", []),
    "q054": ("rcrt-indeed-hiring-agent.txt", "Adecco and other staffing incumbents are piloting similar screening agents",
             r"Adecco", r"\d", []),
    # product_metric: price and features only, no units/users/revenue
    "q031": ("rmv-optimiser-prime-pricing.txt", "at £399 per month on top of existing membership fees",
             r"Optimiser Prime|uptake",
             r"\d[\d,]*\s+(agents|branches|advertisers|subscribers)|£\s?[\d.,]+\s?(m|million|bn|billion)\b|\d+(\.\d+)?%", []),
    "q042": ("cpu-investor-centre-pro.txt", "priced from US$18,000 a year per issuer",
             r"Investor Centre Pro|uptake",
             r"\d[\d,]*\s+(issuers|clients|customers|subscribers)|US\$\s?[\d.,]+\s?(m|million|bn|billion)\b", []),
    "q049": ("csu-q1-2034.txt", "at $35 per user per month",
             r"ClerkAssist|seat",
             r"\d[\d,]*\s+(users|seats|clients|customers|municipalities)|\$\s?[\d.,]+\s?(m|million|bn|billion)\b", []),
    "q053": ("eden-q3-2033-trading.txt", "launched in September at a 0.9% merchant fee",
             r"Edenred Pay",
             r"\d[\d,]*\s+(cards|clients|customers|users)|€\s?[\d.,]+\s?(m|million|bn|billion)\b", []),
    # undated_event: the event sentence carries no date or period
    "q017": ("aht-fy35-capex-houston.txt", "will open once permitting and the rail spur are complete",
             r"megadepot", DATE_WORDS, []),
    "q025": ("pghn-evergreen-asia.txt", "once regulatory approvals are secured",
             r"Asia", DATE_WORDS, []),
    "q050": ("csu-q1-2034.txt", "closing is expected once antitrust clearance is obtained",
             r"hospitality|closing", DATE_WORDS, []),
    "q056": ("rcrt-indeed-hiring-agent.txt", "will be offered in Japan once the US launch phase concludes",
             r"Japan", DATE_WORDS, []),
    # other_measure: a neighbouring measure is given, the asked one is not
    "q015": ("aht-fy34-prelim.txt", "adjusted operating profit was $3,210 million",
             r".", r"net profit|net income|profit after tax|profit for the year|earnings per share|\bEPS\b|profit before tax",
             ["aht-q3-fy34-trading.txt", "aht-fy35-capex-houston.txt"]),
    "q020": ("pghn-aum-fy2033.txt", "assets under management reached $182.4 billion at 31 December 2033",
             r"assets under management|\bAuM\b", r"\d%|per ?cent|\bgrew\b|\brose\b|increase|growth",
             ["pghn-evergreen-asia.txt", "pghn-fy2033-results.txt"]),
    "q040": ("cpu-h1-fy34.txt", "Management EPS of 68.2 US cents",
             r".", r"statutory|net profit|profit after tax|reported EPS|\bNPAT\b", ["cpu-investor-centre-pro.txt"]),
    "q047": ("csu-q4-2033.txt", "up 18% year on year",
             r".", r"organic", ["csu-q1-2034.txt"]),
}

# Unanswerable questions that are not near misses: facts that must be absent from the notes.
ABSENT_ELSEWHERE = {
    "q066": (["mrvw-9m-2033-orders.txt", "mrvw-h1-2034.txt"], r"dividend"),
    "q067": (["vcwk-fy2033-results.txt", "vcwk-frost-warning.txt", "vcwk-annual-report-2033-strategic.md",
              "vcwk-annual-report-2033-financial.md"], r"market share|share of the (UK )?(cider )?market"),
    "q071": (None, r"\b(FY)?2029\b"),
}

ERRORS = []


def err(msg):
    ERRORS.append(msg)


def read(name):
    with open(os.path.join(NOTES, name), encoding="utf-8") as f:
        return f.read()


def sentences(text):
    out = []
    for line in text.split("\n"):
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z$£€¥])", line) if s.strip())
    return out


def words(text):
    return len(text.split())


# --------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------
def parse_short(name, text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    i = 0
    dated = False
    if lines[0] == "":
        i = 1
    elif lines[0].startswith("Date:"):
        if not re.fullmatch(r"Date: 20(33|34)-\d\d-\d\d", lines[0]):
            err(f"{name}: bad Date line {lines[0]!r}")
        dated = True
        i = 1
    body = lines[i:]
    if len(body) < 8:
        err(f"{name}: too few lines")
        return None
    news, analytic, tagline, demo, label, score_hdr, score, ts = body[:8]
    tickers = body[8:]
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        err(f"{name}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        err(f"{name}: news paragraph without figures")
    if not 180 <= words(analytic) <= 240:
        err(f"{name}: analytic paragraph has {words(analytic)} words")
    if tagline not in TAGLINES:
        err(f"{name}: unknown tagline {tagline!r}")
    if demo not in DEMO_LINES:
        err(f"{name}: bad demo line {demo!r}")
    if label not in LABELS:
        err(f"{name}: bad label {label!r}")
    if score_hdr != "Sentiment Score":
        err(f"{name}: missing 'Sentiment Score'")
    try:
        s = float(score)
        if not -1 <= s <= 1:
            err(f"{name}: score out of range")
    except ValueError:
        err(f"{name}: score not a number {score!r}")
        s = 0.0
    band = {"strongly positive": (0.5, 1), "mildly positive": (0.15, 0.5), "neutral": (-0.15, 0.15),
            "mildly negative": (-0.5, -0.15), "strongly negative": (-1, -0.5)}[label] if label in LABELS else (-1, 1)
    if not band[0] <= s <= band[1]:
        err(f"{name}: score {s} inconsistent with label {label}")
    if ts != "Ticker Sentiment":
        err(f"{name}: missing 'Ticker Sentiment'")
    if tickers:
        expected = NOTE_COMPANIES[name]
        got = []
        for t in tickers:
            m = re.fullmatch(r"\$?([A-Z0-9.]+):? (-?\d\.\d\d)", t)
            if not m:
                err(f"{name}: bad ticker line {t!r}")
                continue
            got.append(m.group(1))
        if sorted(got) != sorted(expected):
            err(f"{name}: ticker lines {got} != main companies {expected}")
    return {"dated": dated, "blank": lines[0] == "", "label": label, "tickers": bool(tickers),
            "final_nl": text.endswith("\n"), "curly": "’" in text, "tagline": tagline, "demo": demo}


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        err(f"{name}: no YAML front matter")
        return
    fm = dict(re.findall(r"^(\w+): *(.+)$", m.group(1), re.M))
    for key in ("company", "ticker", "title", "date"):
        if key not in fm:
            err(f"{name}: front matter lacks {key}")
    if fm.get("ticker") != NOTE_COMPANIES[name][0]:
        err(f"{name}: front-matter ticker {fm.get('ticker')} unexpected")
    if not re.fullmatch(r"20(33|34)-\d\d-\d\d", fm.get("date", "")):
        err(f"{name}: bad date")
    body = m.group(2)
    prose = [l for l in body.split("\n") if not l.startswith("|") and not l.startswith("#")]
    n = words(" ".join(prose))
    if not 900 <= n <= 1100:
        err(f"{name}: {n} prose words")
    headers = [l for l in body.split("\n") if l.startswith("|") and re.search(r"\b(FY|[12]H |Q[1-4])", l)]
    if not headers:
        err(f"{name}: no table with fiscal-year or quarter columns")
    if not re.search(r"\b(we|We|the Company|the Group)\b", body):
        err(f"{name}: not in the company voice")
    if "Overall Sentiment" in text or "Sentiment Score" in text:
        err(f"{name}: long note carries a sentiment block")


def check_notes():
    files = sorted(os.listdir(NOTES))
    shorts = [f for f in files if f.endswith(".txt")]
    longs = [f for f in files if f.endswith(".md")]
    if set(files) != set(NOTE_COMPANIES):
        err(f"notes on disk differ from NOTE_COMPANIES: {set(files) ^ set(NOTE_COMPANIES)}")
    if len(shorts) != 22:
        err(f"{len(shorts)} short notes, want 22")
    if len(longs) != 4:
        err(f"{len(longs)} long notes, want 4")
    info = {}
    for f in shorts:
        r = parse_short(f, read(f))
        if r:
            info[f] = r
    for f in longs:
        parse_long(f, read(f))
    # per-company counts
    per = Counter(t for f in shorts for t in NOTE_COMPANIES[f])
    for t in REAL:
        if not 2 <= per[t] <= 3:
            err(f"{t}: {per[t]} short notes, want 2-3")
    for t in INVENTED:
        if per[t] != 2:
            err(f"{t}: {per[t]} short notes, want 2")
    if sum(1 for f in shorts if len(NOTE_COMPANIES[f]) == 2) != 2:
        err("want exactly two two-company short notes")
    long_cos = Counter(NOTE_COMPANIES[f][0] for f in longs)
    if sorted(long_cos.items()) != sorted({"AHT.L": 1, "CPU.AX": 1, "VCWK": 2}.items()):
        err(f"long-note companies {dict(long_cos)}")
    # format variety
    dated = sum(r["dated"] for r in info.values())
    if not 9 <= dated <= 13:
        err(f"{dated} dated notes, want about half")
    if not any(r["blank"] for r in info.values()):
        err("no note opens with a blank line")
    tick = sum(r["tickers"] for r in info.values())
    if not 12 <= tick <= 14:
        err(f"{tick} notes with ticker lines, want about 13")
    if all(r["final_nl"] for r in info.values()) or not any(r["final_nl"] for r in info.values()):
        err("want some notes with and some without a final newline")
    if not any(r["curly"] for r in info.values()):
        err("no note with curly apostrophes")
    if not 3 <= len({r["tagline"] for r in info.values()}) <= 4:
        err("want 3-4 tagline variants")
    if len({r["demo"] for r in info.values()}) != 2:
        err("want both demo-line variants")
    # invented companies tied to their ticker in text
    for t, n in INVENTED.items():
        pat = re.escape(f"{n} ({t})")
        for f in shorts:
            if t in NOTE_COMPANIES[f] and not re.search(pat, read(f)):
                err(f"{f}: does not tie '{n}' to ({t})")
    # passing companies: one sentence in one note, no figures
    for t, (n, note) in PASSING.items():
        hits = [f for f in files if re.search(r"\b" + re.escape(n.split()[0]) + r"\b", read(f))]
        if hits != [note]:
            err(f"passing company {n} appears in {hits}, want only {note}")
            continue
        sents = [s for s in sentences(read(note)) if n.split()[0] in s]
        if len(sents) != 1 or re.search(r"\d", sents[0]):
            err(f"passing company {n}: want one figure-free sentence, got {sents}")
    for t, n in NO_NOTES.items():
        for f in files:
            if re.search(r"\b" + re.escape(n) + r"\b", read(f)):
                err(f"no-notes company {n} appears in {f}")
    return info


# --------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------
def check_qa(info):
    rows = [json.loads(l) for l in open(QA, encoding="utf-8") if l.strip()]
    byid = {r["id"]: r for r in rows}
    for i, r in enumerate(rows, 1):
        if r["id"] != "q%03d" % i:
            err(f"id {r['id']} out of sequence")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in r:
                err(f"{r['id']}: missing {k}")
        extra = set(r) - {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind",
                          "follows", "typo", "unknown_company", "near_miss"}
        if extra:
            err(f"{r['id']}: unexpected fields {extra}")
        for g in r["gold_notes"]:
            if g not in NOTE_COMPANIES:
                err(f"{r['id']}: unknown gold note {g}")
        texts = [read(g).lower() for g in r["gold_notes"] if g in NOTE_COMPANIES]
        for kw in r["answer_keywords"]:
            if not any(kw.lower() in t for t in texts):
                err(f"{r['id']}: keyword {kw!r} not in any gold note")
        if bool(r["gold_notes"]) != bool(r["answer_keywords"]):
            err(f"{r['id']}: gold notes and keywords must both be empty or both set")
    kinds = Counter(r["kind"] for r in rows)
    if dict(kinds) != KIND_COUNTS:
        err(f"kind counts {dict(kinds)} != {KIND_COUNTS}")
    # factual
    fact = [r for r in rows if r["kind"] == "factual"]
    if sum(1 for r in fact if r.get("typo")) != 2:
        err("want 2 typo questions")
    if sum(1 for r in fact if not r.get("typo") and any(g.endswith(".md") for g in r["gold_notes"])) != LONG_FACTUAL:
        err(f"want {LONG_FACTUAL} factual questions answered from long notes")
    for r in fact:
        if r.get("typo"):
            name = REAL.get(r["ticker"], "")
            if any(w.lower() in r["question"].lower() for w in name.split()):
                err(f"{r['id']}: typo question spells the name correctly")
        if r["ticker"] not in REAL:
            err(f"{r['id']}: factual ticker {r['ticker']}")
    # follow-ups
    for i, r in enumerate(rows):
        if r["kind"] == "follow_up":
            p = r.get("follows")
            if i == 0 or rows[i - 1]["id"] != p:
                err(f"{r['id']}: follow-up not straight after its parent {p}")
            par = byid.get(p)
            if par and (par["ticker"] != r["ticker"] or par["gold_notes"] != r["gold_notes"]):
                err(f"{r['id']}: follow-up ticker/gold differ from parent")
            q = r["question"].lower()
            for t, n in {**REAL, **INVENTED}.items():
                if n.split()[0].lower() in q or t.lower() in q:
                    err(f"{r['id']}: follow-up names a company")
    # comparison
    for r in rows:
        if r["kind"] == "comparison":
            if r["ticker"] is not None:
                err(f"{r['id']}: comparison ticker must be null")
            want = COMPARISONS.get(r["id"])
            cov = {t for g in r["gold_notes"] for t in NOTE_COMPANIES[g]}
            if not want or not set(want) <= cov:
                err(f"{r['id']}: gold covers {cov}, want {want}")
    # general themes
    allnotes = sorted(NOTE_COMPANIES)
    gen = [r for r in rows if r["kind"] == "general"]
    if sorted(r["id"] for r in gen) != sorted(THEMES):
        err("general question ids differ from THEMES")
    for r in gen:
        pat = THEMES.get(r["id"])
        if pat is None:
            continue
        match = sorted(f for f in allnotes if re.search(pat, read(f), re.I))
        if match != sorted(r["gold_notes"]):
            err(f"{r['id']}: theme regex gives {match}, gold {sorted(r['gold_notes'])}")
        if r["ticker"] is not None:
            err(f"{r['id']}: general ticker must be null")
    # sentiment (real and invented)
    for r in rows:
        if r["kind"] == "sentiment" or r["id"] in UNKNOWN_SENTIMENT:
            t = r["ticker"]
            want = sorted(f for f in info if t in NOTE_COMPANIES[f])
            if sorted(r["gold_notes"]) != want:
                err(f"{r['id']}: sentiment gold {r['gold_notes']} != {want}")
            labels = sorted({info[f]["label"] for f in want})
            if sorted(r["answer_keywords"]) != labels:
                err(f"{r['id']}: sentiment keywords {r['answer_keywords']} != {labels}")
    # unknown company
    unk = [r for r in rows if r["kind"] == "unknown_company"]
    for r in unk:
        if not r.get("unknown_company") or r["ticker"] not in INVENTED:
            err(f"{r['id']}: unknown_company flag/ticker wrong")
    if sum(1 for r in unk if r["gold_notes"]) != 7:
        err("want 7 answerable unknown-company questions")
    if sum(1 for r in unk if not r["gold_notes"]) != 2:
        err("want 2 unanswerable unknown-company questions")
    for r in rows:
        if r.get("unknown_company") and r["kind"] != "unknown_company":
            err(f"{r['id']}: unknown_company flag on kind {r['kind']}")
    # no-answer
    nm = Counter()
    for r in rows:
        if r["kind"] != "no_answer":
            if "near_miss" in r:
                err(f"{r['id']}: near_miss on kind {r['kind']}")
            continue
        if r["gold_notes"] or r["answer_keywords"]:
            err(f"{r['id']}: no_answer with gold")
        k = r.get("near_miss")
        if k is None:
            continue
        if k not in NEAR_MISS_KINDS:
            err(f"{r['id']}: unknown near_miss kind {k}")
        nm[k] += 1
        spec = NEAR_MISSES.get(r["id"])
        if not spec:
            err(f"{r['id']}: no near-miss spec")
            continue
        note, nearby, anchor, absent, extra = spec
        text = read(note)
        if nearby not in text:
            err(f"{r['id']}: nearby text not in {note}")
        for f in [note] + extra:
            for s in sentences(read(f)):
                if re.search(anchor, s) and re.search(absent, s, re.I if absent != DATE_WORDS else 0):
                    err(f"{r['id']}: absent fact found in {f}: {s[:90]!r}")
        if k == "passing_company":
            if r["ticker"] not in PASSING or PASSING[r["ticker"]][1] != note:
                err(f"{r['id']}: passing ticker/note mismatch")
        elif r["ticker"] not in NOTE_COMPANIES[note]:
            err(f"{r['id']}: ticker {r['ticker']} is not a main company of {note}")
    if dict(nm) != {k: 4 for k in NEAR_MISS_KINDS}:
        err(f"near-miss counts {dict(nm)}")
    if set(NEAR_MISSES) != {r["id"] for r in rows if r.get("near_miss")}:
        err("NEAR_MISSES ids differ from near_miss questions")
    others = [r for r in rows if r["kind"] == "no_answer" and not r.get("near_miss")]
    if sorted(r["ticker"] or "" for r in others) != sorted(["HLMA.L", "WISE.L", "", "RMV.L"]):
        err(f"other no-answer tickers {[r['ticker'] for r in others]}")
    for qid, (notes, pat) in ABSENT_ELSEWHERE.items():
        for f in notes or allnotes:
            if re.search(pat, read(f), re.I):
                err(f"{qid}: unanswerable fact present in {f}")
    return rows


# --------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------
def check_exclusions(rows):
    tick_file = os.path.join(PROMPTS, "excluded_tickers.txt")
    name_file = os.path.join(PROMPTS, "excluded_names.txt")
    if not (os.path.exists(tick_file) and os.path.exists(name_file)):
        print("note: exclusion lists not found, exclusion checks skipped", file=sys.stderr)
        return
    tickers = [l.strip() for l in open(tick_file, encoding="utf-8") if l.strip()]
    names = [l.strip() for l in open(name_file, encoding="utf-8") if l.strip()]
    corpus = {f: read(f) for f in NOTE_COMPANIES}
    corpus["qa.jsonl"] = "\n".join(r["question"] for r in rows)
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        corpus["README.md"] = open(readme, encoding="utf-8").read()
    name_variants = set()
    for n in names:
        for part in re.split(r",\s*|\s+/\s+", n):
            part = part.strip().strip('"')
            if part:
                name_variants.add(part)
    for src, text in corpus.items():
        for n in name_variants:
            if re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.I):
                err(f"{src}: excluded name {n!r}")
        for t in tickers:
            if re.search(r"(?<![A-Za-z0-9.$])\$?" + re.escape(t) + r"(?![A-Za-z0-9])", text):
                err(f"{src}: excluded ticker {t!r}")
    for t in list(REAL) + list(INVENTED) + list(PASSING) + list(NO_NOTES):
        if t in tickers:
            err(f"ticker {t} is excluded")
    excl_words = {w.lower() for n in names for w in re.findall(r"[A-Za-zÀ-ÿ'’]+", n)}
    for t, n in INVENTED.items():
        ws = n.split()
        if not 2 <= len(ws) <= 3:
            err(f"{n}: want two or three words")
        for w in ws:
            if w.lower() in excl_words:
                err(f"{n}: shares word {w!r} with the excluded names")
        if not re.fullmatch(r"[A-Z]{3,4}", t):
            err(f"{t}: invented ticker must be 3-4 capitals")


def main():
    info = check_notes()
    rows = check_qa(info)
    check_exclusions(rows)
    if ERRORS:
        for e in ERRORS:
            print("FAIL", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
