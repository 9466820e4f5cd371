#!/usr/bin/env python3
"""Consistency checker for the blind-LLc evaluation set. Prints OK or exits with the failures.

Standard library only. Run from anywhere: python3 check.py
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")

KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
NEAR_KINDS = ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure")
EXPECTED_KINDS = {"factual": 20, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3,
                  "sentiment": 3, "no_answer": 24}
INVENTED = {"CDWB": "Caldwater Bancorp", "AUVN": "Aurivane Satellite Networks"}

# For each near miss: the note holding the nearby-but-wrong text, that text (verbatim), and
# regexes for the asked fact that must match in NO note (a guard against leaking the answer).
NEAR_MISS = {
    "how much did take-two's mobile business bring in last quarter?":
        ("ttwo-bookings-q1.txt", "net bookings of $1.42 billion", [r"mobile[^.]{0,80}\$\d"]),
    "what revenue did paychex's PEO and insurance segment do in fy25?":
        ("payx-paycor-integration.txt", "the PEO and Insurance Solutions segment is under pressure from higher health insurance costs",
         [r"\bPEO\b[^.]{0,80}\$\d", r"Insurance Solutions[^.|]{0,40}\|\s*\$"]),
    "isrg q3 instruments & accessories revenue?":
        ("isrg-da-vinci-5-placements.txt", "Third-quarter revenue was $2.51 billion, up 23%",
         [r"instruments and accessories[^.]{0,60}\$\d", r"\$\d[^.]{0,40}instruments and accessories"]),
    "How much fee income did Caldwater's wealth management business bring in for 2024?":
        ("cdwb-annual-report-2024-p1.md", "Noninterest income rose 5.1% to $101.3 million",
         [r"wealth[^.]{0,80}\$\d", r"\|\s*wealth"]),
    "what was carnival's net yield growth in q2?":
        ("rcl-q2-bookings.txt", "Carnival (CCL) raised its own full-year earnings outlook the same week",
         [r"Carnival[^.]*yield", r"\bCCL\b[^.]*yield"]),
    "saia operating ratio last quarter?":
        ("odfl-tonnage-decline.txt", "Saia (SAIA) has opened 21 new terminals since the start of 2024",
         [r"Saia[^.]*operating ratio"]),
    "what were EA's net bookings last quarter":
        ("ttwo-bookings-q1.txt", "Electronic Arts (EA) has since agreed to a $55 billion take-private deal",
         [r"Electronic Arts[^.]*bookings", r"\bEA\b[^.]*bookings"]),
    "how fast are BAT's Velo volumes growing?":
        ("pm-zyn-shipments.txt", "British American Tobacco (BTI) is pushing its Velo Plus pouches into U.S. convenience stores with heavy discounting",
         [r"\bVelo\b[^.]*(volume|grew|growth|\d+%)"]),
    "how many people are using IQOS in the US?":
        ("pm-iqos-us-launch.txt", "pricing the starter kit at $49",
         [r"\d[\d,.]*( million)? (IQOS )?users", r"IQOS users"]),
    "how many copies has NBA 2K26 sold":
        ("ttwo-bookings-q1.txt", "NBA 2K26 launched at $69.99 for the standard edition",
         [r"2K26[^.]*(units|copies|sold)"]),
    "what's the growth rate for Ion procedures?":
        ("isrg-da-vinci-5-placements.txt", "Ion, the company’s lung-biopsy platform, is being introduced in additional European markets",
         [r"(?-i:\bIon\b)[^.]*procedure"]),
    "how many Maritime Pro terminals has aurivane shipped so far?":
        ("auvn-constellation-launch.txt", "Maritime Pro terminal, priced at $2,450 per unit",
         [r"Maritime Pro[^.]*(shipped|sold|delivered|installed)", r"\d[\d,]* Maritime Pro"]),
    "when is blue point supposed to start producing ammonia?":
        ("cf-blue-ammonia.txt", "reached a final investment decision on the Blue Point low-carbon ammonia complex",
         [r"Blue Point[^.]*(20[2-3]\d|start-up in|by the end of)", r"start-up[^.]*(20[2-3]\d)"], "cf-"),
    "when does perfect day mexico open?":
        ("rcl-q2-bookings.txt", "Perfect Day Mexico, the company’s next private destination, remains on track",
         [r"Perfect Day Mexico[^.]*(20[2-3]\d|open(s|ing)? in|quarter)"]),
    "when will paychex finish moving paycor clients onto its platform?":
        ("payx-paycor-integration.txt", "the company has not given a timetable for the platform migration",
         [r"migrat[^.]*(20[2-3]\d|fiscal|quarter of)"]),
    "When's the nationwide US launch of IQOS ILUMA?":
        ("pm-iqos-us-launch.txt", "with a nationwide rollout to follow once its manufacturing capacity in Wilson, North Carolina, is in place",
         [r"(nationwide|national launch)[^.]*(20[2-3]\d|quarter|by year)"]),
    "what operating margin is intuitive guiding to for 2025?":
        ("isrg-tariffs-margin.txt", "guided 2025 pro forma gross margin to 66%-67% of revenue",
         [r"operating margin", r"operating income margin"], "isrg-"),
    "ODFL Q3 2025 diluted EPS?":
        ("odfl-tonnage-decline.txt", "third-quarter 2025 revenue fell 4.3% to $1.41 billion",
         [r"\bEPS\b", r"per share", r"earnings per"], "odfl-"),
    "CF's gross margin in Q2?":
        ("cf-nitrogen-pricing.txt", "adjusted EBITDA of $903 million", [r"gross margin"], "cf-"),
    "what was royal caribbean's occupancy in q2":
        ("rcl-q2-bookings.txt", "net yields grew 5.1% in constant currency",
         [r"occupancy", r"load factor"], "rcl-"),
}
# The ODFL EPS near miss asks about Q3 2025; the long ODFL note gives only FY2023/FY2024 EPS,
# so the EPS guard is applied to the short ODFL notes only (prefix plus .txt).

ABSENT_EVERYWHERE = [r"\bHilton\b", r"\bHLT\b", r"\bChewy\b", r"\bCHWY\b", r"\b2019\b", r"sourdough", r"RevPAR",
                     r"autoship"]
THEMES = {  # general questions: the notes matching the theme regex must equal the gold set
    "which of my companies are buying back stock?": r"buyback|repurchas",
    "what do my notes say about tariffs": r"tariff",
    "any China-related risks flagged across the coverage?": r"\bChina\b|\bChinese\b",
}
BANNED_TICKERS = set("""BABA JD PDD BIDU TCEHY NIO NVDA AMD TSLA AAPL MSFT AMZN META NFLX INTC BJ COST CRVN HMFR
JPM PASH RVBC TSM VLTS WFC ZION BWTR KGRD MRWF NCIG OLVN TSLY VRNE CAT CRM FLNC HLVM HUM KGSX NKE NOW PFE QLFR
UNH XOM ADS BRMF CVX GS HMRX KOG LLY QLFB SNY TGSX BYDDY CLS CRDO SNOW SNPS UBER XPEV ORCL PLTR XIACY DUOL LI
MPNGY SE WMT GOOGL KO ALL AMAT APD CRWD DAL DE HD LIN LRCX MCK PGR PWCC SLVQ UAL UNP""".split())
BANNED_WORDS = ["Kestrel", "Quillmark", "Halvorsen", "Quillfeather", "Tarrow", "Brindlemoor", "Solvane",
                "Pellworth", "Norrvik"]

errors = []


def err(msg):
    errors.append(msg)


def parse_short(name, text):
    lines = text.split("\n")
    if lines and lines[0].startswith("Date: "):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            err("%s: bad Date line" % name)
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines = lines[1:]
    try:
        i = lines.index("Ticker Sentiment")
    except ValueError:
        err("%s: no 'Ticker Sentiment' line" % name)
        return None
    block, tail = lines[:i + 1], lines[i + 1:]
    if len(block) != 8:
        err("%s: expected news, analysis, tagline + 5-line sentiment block, got %d lines" % (name, len(block)))
        return None
    news, analysis, tagline, demo, label, score_h, score, _ts = block
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err("%s: bad demo/Overall Sentiment line %r" % (name, demo))
    if label not in LABELS:
        err("%s: bad label %r" % (name, label))
    if score_h != "Sentiment Score":
        err("%s: missing 'Sentiment Score'" % name)
    try:
        s = float(score)
        if not -1 <= s <= 1:
            err("%s: score out of range" % name)
    except ValueError:
        err("%s: score not a number %r" % (name, score))
    if "portfolio analytics" not in tagline and "alerts" not in tagline:
        err("%s: tagline line looks wrong" % name)
    n_words = len(analysis.split())
    if not 150 <= n_words <= 300:
        err("%s: analytic paragraph has %d words" % (name, n_words))
    n_sent = len(re.findall(r"[.!?](?:\s+(?=[A-Z])|$)", re.sub(r"\bU\.S\.", "US", news)))
    if not 2 <= n_sent <= 4:
        err("%s: news paragraph has %d sentences" % (name, n_sent))
    tickers = []
    for t in tail:
        m = re.fullmatch(r"([A-Z]{1,5}) (-?\d\.\d{2})", t)
        if not m or not -1 <= float(m.group(2)) <= 1:
            err("%s: bad ticker line %r" % (name, t))
        else:
            tickers.append(m.group(1))
    return {"label": label, "tickers": tickers}


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        err("%s: no YAML front matter" % name)
        return None
    fm = dict(line.split(": ", 1) for line in m.group(1).split("\n") if ": " in line)
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            err("%s: front matter lacks %s" % (name, k))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        err("%s: bad date" % name)
    body = m.group(2)
    n = len(body.split())
    if not 800 <= n <= 1500:
        err("%s: body has %d words" % (name, n))
    if not re.search(r"^\|.*\|\n\|[-| :]+\|\n", body, re.M):
        err("%s: no Markdown table" % name)
    if not re.search(r"^#+ ", body, re.M):
        err("%s: no headings" % name)
    if re.search(r"Overall Sentiment|Sentiment Score", body):
        err("%s: long note has a sentiment block" % name)
    return fm


# ---- notes
notes = {}
for fn in sorted(os.listdir(NOTES)):
    with open(os.path.join(NOTES, fn), encoding="utf-8") as f:
        notes[fn] = f.read()
short = {n: t for n, t in notes.items() if n.endswith(".txt")}
long_ = {n: t for n, t in notes.items() if n.endswith(".md")}
if len(short) != 22:
    err("expected 22 short notes, found %d" % len(short))
if len(long_) != 4:
    err("expected 4 long notes, found %d" % len(long_))
parsed = {n: parse_short(n, t) for n, t in short.items()}
fms = {n: parse_long(n, t) for n, t in long_.items()}
dated = sum(1 for t in short.values() if t.startswith("Date: "))
with_tickers = sum(1 for p in parsed.values() if p and p["tickers"])
if dated != 11:
    err("expected 11 dated short notes, got %d" % dated)
if with_tickers != 11:
    err("expected 11 short notes with ticker lines, got %d" % with_tickers)
if not any("\u2019" in t for t in short.values()):
    err("no curly apostrophes")
if sum(1 for p in parsed.values() if p and len(p["tickers"]) == 2) != 2:
    err("expected 2 two-company notes with two ticker lines")
all_text = "\n".join(notes.values())
for w in BANNED_WORDS:
    if re.search(w, all_text, re.I):
        err("banned word %s in notes" % w)
for t in BANNED_TICKERS:
    if re.search(r"\(%s\)|^%s -?\d" % (t, t), all_text, re.M):
        err("banned ticker %s used in notes" % t)
for tk, nm in INVENTED.items():
    if ("%s (%s)" % (nm, tk)) not in all_text:
        err("invented company %s not tied to its ticker in text" % tk)
for pat in ABSENT_EVERYWHERE:
    hits = [n for n, t in notes.items() if re.search(pat, t, re.I)]
    if hits:
        err("%r should be in no note, found in %s" % (pat, hits))

# ---- questions
rows = []
with open(QA, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                err("qa line %d: bad JSON (%s)" % (ln, e))
if not 64 <= len(rows) <= 70:
    err("expected 64-70 questions, got %d" % len(rows))
ids = [r.get("id") for r in rows]
if len(set(ids)) != len(ids):
    err("duplicate ids")
if ids != ["m%03d" % i for i in range(1, len(rows) + 1)]:
    err("ids are not m001.. in order")
REQUIRED = ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind")
OPTIONAL = {"follows", "near_miss", "unknown_company", "typo"}
prev = None
for r in rows:
    rid = r.get("id")
    for k in REQUIRED:
        if k not in r:
            err("%s: missing %s" % (rid, k))
    extra = set(r) - set(REQUIRED) - OPTIONAL
    if extra:
        err("%s: unexpected fields %s" % (rid, extra))
    kind = r.get("kind")
    if kind not in KINDS:
        err("%s: bad kind %r" % (rid, kind))
    gold, kws = r.get("gold_notes", []), r.get("answer_keywords", [])
    for g in gold:
        if g not in notes:
            err("%s: gold note %s does not exist" % (rid, g))
    if kind == "no_answer":
        if gold or kws:
            err("%s: no_answer must have empty gold and keywords" % rid)
    else:
        if not gold:
            err("%s: answerable question without gold" % rid)
        if not 1 <= len(kws) <= 4:
            err("%s: needs 1-4 keywords" % rid)
        for kw in kws:
            if not any(kw.lower() in notes.get(g, "").lower() for g in gold):
                err("%s: keyword %r in no gold note" % (rid, kw))
    if kind in ("comparison", "general") and r.get("ticker") is not None:
        err("%s: %s must have ticker null" % (rid, kind))
    if kind == "comparison" and len(gold) < 2:
        err("%s: comparison needs gold for both companies" % rid)
    if kind == "follow_up":
        if not prev or r.get("follows") != prev.get("id"):
            err("%s: follows must be the previous id" % rid)
        elif r.get("ticker") != prev.get("ticker") or r.get("ticker") is None:
            err("%s: follow_up ticker differs from previous record" % rid)
    elif "follows" in r:
        err("%s: follows on a non-follow_up" % rid)
    if kind == "sentiment":
        labels = {parsed[g]["label"] for g in gold if g in parsed and parsed[g]}
        if set(k.lower() for k in kws) != labels or any(g not in short for g in gold):
            err("%s: sentiment keywords must be the labels of the gold notes" % rid)
        tk = r.get("ticker")
        company_notes = {n for n, p in parsed.items() if p and tk in p["tickers"]} | \
                        {n for n, t in short.items() if "(%s)" % tk in t}
        if not company_notes <= set(gold):
            err("%s: sentiment gold misses notes %s" % (rid, company_notes - set(gold)))
    if kind == "general":
        pat = THEMES.get(r["question"])
        if not pat:
            err("%s: general question without a theme check" % rid)
        else:
            match = {n for n, t in notes.items() if re.search(pat, t, re.I)}
            if match != set(gold):
                err("%s: theme notes %s != gold %s" % (rid, sorted(match), sorted(gold)))
    if r.get("typo") and kind == "no_answer":
        err("%s: typo questions must be answerable" % rid)
    if r.get("unknown_company") and r.get("ticker") not in INVENTED and kind != "comparison":
        err("%s: unknown_company on a real ticker" % rid)
    nm = r.get("near_miss")
    if nm is not None:
        if nm not in NEAR_KINDS or kind != "no_answer":
            err("%s: bad near_miss %r" % (rid, nm))
        spec = NEAR_MISS.get(r["question"])
        if not spec:
            err("%s: near miss without a spec in check.py" % rid)
        else:
            note_name, near_text, absent = spec[0], spec[1], spec[2]
            scope = spec[3] if len(spec) > 3 else ""
            if near_text not in notes.get(note_name, ""):
                err("%s: nearby text not in %s: %r" % (rid, note_name, near_text))
            for pat in absent:
                for n, t in notes.items():
                    if scope and not (n.startswith(scope) and (scope != "odfl-" or n.endswith(".txt"))):
                        continue
                    if re.search(pat, t, re.I):
                        err("%s: asked fact may be present (%r in %s)" % (rid, pat, n))
    prev = r

# the RCL occupancy guard also covers the two-company note that mentions Royal Caribbean
for pat in (r"occupancy", r"load factor"):
    for n, t in notes.items():
        if "Royal Caribbean" in t and re.search(pat, t, re.I):
            err("%r appears in a Royal Caribbean note %s" % (pat, n))

kinds = Counter(r.get("kind") for r in rows)
for k, v in EXPECTED_KINDS.items():
    if kinds.get(k, 0) != v:
        err("kind %s: expected %d, got %d" % (k, v, kinds.get(k, 0)))
near = Counter(r.get("near_miss") for r in rows if r.get("near_miss"))
for k in NEAR_KINDS:
    if near.get(k, 0) != 4:
        err("near miss %s: expected 4, got %d" % (k, near.get(k, 0)))
no_answer_other = [r for r in rows if r.get("kind") == "no_answer" and not r.get("near_miss")]
if len(no_answer_other) != 4:
    err("expected 4 non-near-miss no_answer questions")
if sum(1 for r in rows if r.get("typo")) != 2:
    err("expected 2 typo questions")
unk = [r for r in rows if r.get("unknown_company")]
if len(unk) < 8 or sum(1 for r in unk if r["kind"] == "no_answer") != 2:
    err("expected >= 8 unknown_company questions, exactly 2 unanswerable")
factual_long = [r for r in rows if r.get("kind") == "factual" and any(g.endswith(".md") for g in r["gold_notes"])]
if len(factual_long) < 4:
    err("expected >= 4 factual questions answered from long notes")

if errors:
    print("FAIL")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK")
