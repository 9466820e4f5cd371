#!/usr/bin/env python3
"""Consistency checker for the blind-PPc evaluation set. Standard library only.
Run: python3 check.py   (prints OK or a list of problems and exits 1)."""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")

KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
EXPECTED_KINDS = {"factual": 24, "risk": 6, "comparison": 4, "follow_up": 4,
                  "general": 3, "sentiment": 3, "no_answer": 24}
NEAR_KINDS = {"segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"}
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
REQUIRED = ["id", "question", "gold_notes", "answer_keywords", "ticker", "kind"]

# For every near miss: the note holding the nearby-but-wrong text, and that text verbatim.
NEAR_MISS_TEXT = {
    "p045": ("mtn-fy2025-results.txt", "Resort Reported EBITDA of $844 million"),
    "p046": ("faf-q3-2025.txt", "The home warranty segment was a steady, low-growth contributor and did not change the picture."),
    "p047": ("pool-q2-2025.txt", "Horizon, the company’s irrigation and landscape distribution business, faced similar pressure from slower new-home landscaping."),
    "p048": ("mwtc-h1-2025.txt", "first-half 2025 rental revenue of £212 million"),
    "p049": ("pool-q2-2025.txt", "Leslie’s, the largest consumer-facing pool retailer, is closing around 30 underperforming stores"),
    "p050": ("trup-q3-2025.txt", "Lemonade, which sells pet cover alongside renters and car insurance, has been buying growth through aggressive digital marketing"),
    "p051": ("faf-q3-2025.txt", "Fidelity National Financial, the largest title underwriter by market share, also pointed to strong commercial activity on its own call"),
    "p052": ("mwtc-fleet-order.txt", "most of them from Potain, the crane brand owned by Manitowoc"),
    "p053": ("mcw-greenfield-2026.txt", "Diamond Shine, priced at $49.99 per month in its Texas and Arizona markets"),
    "p054": ("pool-pool360-rollout.txt", "target for POOL360 to account for 20% of total sales within three years"),
    "p055": ("faf-endpoint-rollout.txt", "Endpoint digital closing platform is now live in 12 states, up from six a year earlier"),
    "p056": ("trup-pricing-2026.txt", "Trupanion Flex, which pairs a higher deductible with monthly premiums starting at $29 for cats"),
    "p057": ("mtn-epic-pass-2025.txt", "a planned overhaul of its My Epic app that will add real-time lift-line wait times and digital ski-school booking"),
    "p058": ("cmp-deicing-season.txt", "management reiterated plans to convert the remaining sections of the mine to continuous mining"),
    "p059": ("pfhl-refinancing.txt", "it plans a sale-leaseback of 18 owned centers"),
    "p060": ("tnl-sports-illustrated-resorts.txt", "its first dedicated vacation ownership property, a 140-unit resort in Florida"),
    "p061": ("mcw-q3-2025-membership.txt", "adjusted EBITDA margin of 33.5%"),
    "p062": ("pool-q2-2025.txt", "Gross margin improved 20 basis points to 30.1%"),
    "p063": ("trup-q3-2025.txt", "adjusted EBITDA came in at $15.2 million"),
    "p064": ("tnl-q2-2025.txt", "Adjusted EBITDA was $248 million"),
}
# Strings that must appear in NO note, so that these no_answer questions stay unanswerable
# (case-insensitive). A cheap guard against later edits leaking the asked fact in.
ABSENT = {
    "p045": ["Lodging segment EBITDA", "Lodging segment reported", "Lodging EBITDA"],
    "p046": ["home warranty revenue", "home warranty segment revenue"],
    "p048": ["Australian division revenue", "Australia accounted", "Australian division accounted"],
    "p049": ["Leslie’s comparable", "Leslie's comparable"],
    "p050": ["Lemonade has", "Lemonade's pet", "Lemonade’s pet", "policies in force"],
    "p051": ["Fidelity National Financial reported"],
    "p052": ["backlog"],
    "p053": ["Diamond Shine members", "Diamond Shine has", "signed up"],
    "p055": ["closings completed", "files closed"],
    "p056": ["enrolled in Flex", "Flex enrol", "Flex pets"],
    "p061": ["operating margin"],
    "p062": ["operating margin"],
    "p063": ["net income", "net loss"],
    "p064": ["EBITDA margin"],
    "p065": ["Stewart Information"],
    "p066": ["SiteOne"],
    "p067": ["Grand Central", "restaurant"],
    "p068": ["2019"],
}
# Some absence checks only make sense inside the asked company's notes (basename prefix).
ABSENT_SCOPE = {"p061": "mcw-", "p062": "pool-q2", "p063": "trup-", "p064": "tnl-"}

problems = []
def bad(msg): problems.append(msg)

# ---------- notes ----------
def read(name):
    with open(os.path.join(NOTES, name), encoding="utf-8") as f:
        return f.read()

names = sorted(os.listdir(NOTES))
txt = [n for n in names if n.endswith(".txt")]
md = [n for n in names if n.endswith(".md")]
if len(txt) != 22: bad(f"expected 22 short notes, found {len(txt)}")
if len(md) != 4: bad(f"expected 4 long notes, found {len(md)}")
if len(txt) + len(md) != len(names): bad("unexpected files in notes/")

TAIL_RE = re.compile(r"^[A-Z]{2,5} -?\d\.\d\d$")
labels = {}
dated = tailed = curly = 0
for n in txt:
    lines = read(n).split("\n")
    while lines and lines[0].strip() == "": lines.pop(0)
    while lines and lines[-1].strip() == "": lines.pop()
    if lines and re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        dated += 1; lines.pop(0)
    elif lines and lines[0].startswith("Date:"):
        bad(f"{n}: malformed Date line")
    try:
        i = lines.index("Ticker Sentiment")
    except ValueError:
        bad(f"{n}: no 'Ticker Sentiment' line"); continue
    body, tail = lines[:i - 4], lines[i + 1:]
    block = lines[i - 4:i]
    if len(body) != 3: bad(f"{n}: expected news, analysis, tagline before the sentiment block, got {len(body)} lines")
    else:
        words = len(body[1].split())
        if not 150 <= words <= 300: bad(f"{n}: analytic paragraph has {words} words")
        sents = len(re.findall(r"[.!?](?=\s+[A-Z]|$)", body[0].replace("Co. ", "Co ")))
        if not 2 <= sents <= 4: bad(f"{n}: news paragraph has {sents} sentences")
    if block[0] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        bad(f"{n}: bad demo/Overall Sentiment line {block[0]!r}")
    if block[1] not in LABELS: bad(f"{n}: bad label {block[1]!r}")
    if block[2] != "Sentiment Score": bad(f"{n}: missing 'Sentiment Score'")
    try:
        s = float(block[3])
        if not -1 <= s <= 1: bad(f"{n}: score out of range")
    except ValueError:
        bad(f"{n}: score not a number")
    if tail:
        tailed += 1
        for t in tail:
            if not TAIL_RE.match(t): bad(f"{n}: bad ticker line {t!r}")
    labels[n] = block[1]
    if "’" in read(n): curly += 1
if dated != 11: bad(f"expected 11 dated short notes, found {dated}")
if tailed != 11: bad(f"expected 11 short notes with ticker lines, found {tailed}")
if curly < 3: bad("too few notes with curly apostrophes")

for n in md:
    t = read(n)
    m = re.match(r"---\n(.*?)\n---\n", t, re.S)
    if not m: bad(f"{n}: no front matter"); continue
    fm = dict(l.split(":", 1) for l in m.group(1).split("\n") if ":" in l)
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k, "").strip(): bad(f"{n}: front matter lacks {k}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "").strip()): bad(f"{n}: bad date")
    body = t[m.end():]
    w = len(body.split())
    if not 800 <= w <= 1500: bad(f"{n}: {w} words")
    if not re.search(r"^\|.*FY20\d\d.*\|\s*$", body, re.M): bad(f"{n}: no table with FY columns")
    if "Overall Sentiment" in body: bad(f"{n}: long note must not have a sentiment block")

ALL = {n: read(n) for n in names}

# ---------- questions ----------
recs = []
with open(QA, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if line.strip():
            try: recs.append(json.loads(line))
            except json.JSONDecodeError as e: bad(f"qa line {ln}: {e}")
if not 64 <= len(recs) <= 70: bad(f"{len(recs)} questions, expected 64-70")
ids = [r.get("id") for r in recs]
if len(set(ids)) != len(ids): bad("duplicate ids")
for k, r in enumerate(recs):
    if r.get("id") != f"p{k+1:03d}": bad(f"id out of sequence at {k+1}: {r.get('id')}")
kinds, nm, unk_total, unk_na, typos = Counter(), Counter(), 0, 0, 0
prev = None
for r in recs:
    rid = r.get("id")
    for fld in REQUIRED:
        if fld not in r: bad(f"{rid}: missing {fld}")
    kind = r.get("kind"); kinds[kind] += 1
    if kind not in KINDS: bad(f"{rid}: bad kind {kind}")
    gold, kw = r.get("gold_notes", []), r.get("answer_keywords", [])
    for g in gold:
        if g not in ALL: bad(f"{rid}: gold note {g} does not exist")
    if kind == "no_answer":
        if gold or kw: bad(f"{rid}: no_answer must have empty gold and keywords")
    else:
        if not gold: bad(f"{rid}: empty gold")
        if not 1 <= len(kw) <= 4: bad(f"{rid}: needs 1-4 keywords")
        for k in kw:
            if not any(k.lower() in ALL[g].lower() for g in gold if g in ALL):
                bad(f"{rid}: keyword {k!r} not in any gold note")
    if kind in ("comparison", "general") and r.get("ticker") is not None:
        bad(f"{rid}: {kind} must have ticker null")
    if kind == "comparison" and len(gold) < 1: bad(f"{rid}: comparison needs gold")
    if kind == "general" and len(gold) < 2: bad(f"{rid}: general should cover several notes")
    if kind == "sentiment":
        want = {labels[g] for g in gold if g in labels}
        if {k.lower() for k in kw} != want: bad(f"{rid}: sentiment keywords {kw} != gold labels {want}")
    if kind == "follow_up":
        if prev is None or r.get("follows") != prev.get("id"): bad(f"{rid}: follows must be previous id")
        elif r.get("ticker") != prev.get("ticker"): bad(f"{rid}: follow_up ticker differs from previous")
    elif "follows" in r: bad(f"{rid}: only follow_up records carry follows")
    if "near_miss" in r:
        if kind != "no_answer": bad(f"{rid}: near_miss on answerable record")
        if r["near_miss"] not in NEAR_KINDS: bad(f"{rid}: bad near_miss kind")
        nm[r["near_miss"]] += 1
        if rid not in NEAR_MISS_TEXT: bad(f"{rid}: no nearby text recorded in check.py")
    if r.get("unknown_company"):
        unk_total += 1
        if kind == "no_answer": unk_na += 1
        if r.get("ticker") not in ("MWTC", "PFHL"): bad(f"{rid}: unknown_company must be MWTC or PFHL")
    if r.get("typo"):
        typos += 1
        if kind == "no_answer": bad(f"{rid}: typo questions must be answerable")
    prev = r

for rid, (note, text) in NEAR_MISS_TEXT.items():
    rec = next((r for r in recs if r.get("id") == rid), None)
    if rec is None or "near_miss" not in rec: bad(f"{rid}: NEAR_MISS_TEXT entry without near-miss record")
    if note not in ALL: bad(f"{rid}: near-miss note {note} missing")
    elif text not in ALL[note]: bad(f"{rid}: nearby text not found in {note}: {text!r}")
for rid, strings in ABSENT.items():
    rec = next((r for r in recs if r.get("id") == rid), None)
    if rec is None or rec.get("kind") != "no_answer": bad(f"{rid}: ABSENT entry for non no_answer record")
    for s in strings:
        for n, t in ALL.items():
            if n.startswith(ABSENT_SCOPE.get(rid, "")) and s.lower() in t.lower(): bad(f"{rid}: {s!r} found in {n} (would make it answerable)")

if dict(kinds) != EXPECTED_KINDS: bad(f"kind counts {dict(kinds)} != {EXPECTED_KINDS}")
if any(nm[k] != 4 for k in NEAR_KINDS) or sum(nm.values()) != 20: bad(f"near-miss counts {dict(nm)}")
if unk_total < 8 or unk_na != 2: bad(f"unknown_company: {unk_total} total, {unk_na} unanswerable")
if typos != 2: bad(f"{typos} typo questions, expected 2")

if problems:
    print("\n".join(problems)); sys.exit(1)
print("OK")
