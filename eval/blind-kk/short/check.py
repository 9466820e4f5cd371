#!/usr/bin/env python3
"""Consistency checker for the blind-KKc evaluation set. Standard library only.

Run from anywhere:  python3 check.py     -> prints OK, or a list of problems and exits 1.
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
NEAR_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
REQUIRED = ["id", "question", "gold_notes", "answer_keywords", "ticker", "kind"]
OPTIONAL = {"follows", "near_miss", "unknown_company", "typo"}

# Companies the set is built on (notes are about these) and the invented ones.
REAL = {"PGR", "UNP", "AMAT", "DAL", "MCK", "LIN", "CRWD"}
INVENTED = {"SLVQ": "Solvane Therapeutics", "PWCC": "Pellworth Cold Chain"}
BANNED_TICKERS = set("""BABA JD PDD BIDU TCEHY NIO NVDA AMD TSLA AAPL MSFT AMZN META NFLX INTC BJ COST CRVN
HMFR JPM PASH RVBC TSM VLTS WFC ZION BWTR KGRD MRWF NCIG OLVN TSLY VRNE CAT CRM FLNC HLVM HUM KGSX NKE NOW PFE
QLFR UNH XOM ADS BRMF CVX GS HMRX KOG LLY QLFB SNY TGSX BYDDY CLS CRDO SNOW SNPS UBER XPEV ORCL PLTR XIACY DUOL
LI MPNGY SE WMT GOOGL KO""".split())
BANNED_WORDS = ["Kestrel", "Quillmark", "Halvorsen", "Quillfeather", "Tarrow", "Brindlemoor"]

# Expected counts. "Core" = questions that are neither typo nor answerable invented-company extras.
CORE_KIND_COUNTS = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3,
                    "sentiment": 3, "no_answer": 24}
CORE_LONG_FACTUAL = 4
N_TYPO = 2
N_UNKNOWN_MIN, N_UNKNOWN_NOANSWER = 8, 2
N_TOTAL = (64, 70)

# Near misses: id -> (kind, note holding the nearby-but-wrong text, that text,
#                      [(note glob prefix or None for all notes, regex that must NOT match)])
MONTHS = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
NEAR = {
    "k003": ("segment_figure", "pgr-q2-2025-underwriting.txt", "net premiums written of $19.8 billion",
             [(None, r"commercial lines[^.\n]*\$\d")]),
    "k013": ("segment_figure", "unp-q3-2025-volumes.txt", "operating revenue of $6.21 billion",
             [(None, r"intermodal[^.\n]*\$\d"), ("unp-", r"premium[^.\n]{0,40}revenue[^.\n]*\$\d")]),
    "k021": ("segment_figure", "amat-q4-fy2025-results.txt", "Semiconductor Systems revenue was $5.3 billion",
             [(None, r"global services[^.\n]*\$\d"), (None, r"\bAGS\b")]),
    "k059": ("segment_figure", "pwcc-q1-2025-occupancy.txt", "Warehousing segment revenue of $318 million",
             [(None, r"transportation segment[^.\n]*\$\d"), ("pwcc-", r"\$94 million")]),
    "k006": ("passing_company", "pgr-q2-2025-underwriting.txt",
             "Allstate also flagged elevated catastrophe losses for the quarter",
             [(None, r"allstate[^.\n]*\$\d")]),
    "k024": ("passing_company", "amat-q4-fy2025-results.txt",
             "Lam Research has also pointed to a normalization of China demand",
             [(None, r"lam research[^.\n]*\d+%"), (None, r"\bLam's")]),
    "k030": ("passing_company", "dal-q3-2025-premium.txt",
             "United Airlines has pursued the same premium-heavy playbook",
             [(None, r"united airlines[^.\n]*\d+%"), (None, r"united[’']s[^.\n]*\d+%")]),
    "k040": ("passing_company", "lin-backlog-hydrogen.txt",
             "Air Products has exited several of its own large hydrogen projects",
             [(None, r"air products[^.\n]*(\$\d|charge|write)")]),
    "k008": ("product_metric", "pgr-snapshot-rate-cuts.txt",
             "Snapshot usage-based program, which now offers discounts of up to 30%",
             [(None, r"snapshot[^.\n]*(million|enrol|\d+,\d{3})")]),
    "k025": ("product_metric", "amat-kinex-packaging.txt", "Kinex hybrid bonding system",
             [(None, r"kinex[^.\n]*(\$\d|revenue)")]),
    "k050": ("product_metric", "crwd-q2-fy2026-arr.txt", "Falcon Flex, its consumption-style licensing model",
             [("crwd-", r"flex[^.\n]*(\$\d|\d+%)")]),
    "k064": ("product_metric", "slvq-corvexa-launch.txt", "began the U.S. launch of Corvexa",
             [(None, r"\d[\d,]*\s+(patients|patient starts|prescriptions)"),
              (None, r"(patients|prescriptions)[^.\n]{0,30}\b\d[\d,]{2,}")]),
    "k009": ("undated_event", "pgr-property-cat-losses.txt",
             "ahead of the renewal of its property catastrophe reinsurance program",
             [(None, r"reinsurance[^.\n]*(" + MONTHS + r"|\b20\d\d\b)"),
              (None, r"renew[^.\n]*(" + MONTHS + r"|\b20\d\d\b)")]),
    "k016": ("undated_event", "unp-nsc-merger-review.txt",
             "The combination still requires approval from the Surface Transportation Board",
             [(None, r"(surface transportation board|\bSTB\b)[^.\n]*(" + MONTHS + r"|\b20\d\d\b)"),
              ("unp-", r"clos(e|ing)[^.\n]*(" + MONTHS + r"|\b20\d\d\b)")]),
    "k032": ("undated_event", "dal-fuel-capacity.txt", "the timing of its first Airbus A350-1000",
             [(None, r"a350[^.\n]*(" + MONTHS + r"|\b20\d\d\b|quarter)")]),
    "k036": ("undated_event", "mck-medsurg-separation.txt",
             "separate its Medical-Surgical Solutions segment into an independent company",
             [("mck-", r"(separation|spin)[^.\n]*(complete|close|closing|expected)[^.\n]*(\b20\d\d\b|quarter)"),
              ("mck-", r"(complete|close)[^.\n]*(separation|spin)[^.\n]*(\b20\d\d\b|quarter)")]),
    "k010": ("other_measure", "pgr-q2-2025-underwriting.txt", "combined ratio of 88.6",
             [(None, r"expense ratio")]),
    "k020": ("other_measure", "amat-q4-fy2025-results.txt", "non-GAAP gross margin of 48.6%",
             [("amat-", r"operating margin"), ("amat-", r"operating income")]),
    "k029": ("other_measure", "dal-q3-2025-premium.txt", "Total unit revenue (TRASM) increased 1.5%",
             [(None, r"unit cost"), (None, r"\bCASM")]),
    "k041": ("other_measure", "lin-q2-2025-pricing.txt",
             "Adjusted operating margin expanded 80 basis points to 29.6%",
             [("lin-", r"ebitda")]),
}
# The other no_answer questions and what must be absent from every note.
OTHER_NOANSWER = {
    "k046": ("time_period", [(None, r"\b2021\b"), ("lin-", r"FY2021")]),
    "k068": ("real_company_no_notes", [(None, r"deere")]),
    "k069": ("real_company_no_notes", [(None, r"home depot")]),
    "k070": ("off_topic", [(None, r"hiking|denver")]),
}
TYPO_IDS = {"k005", "k049"}

problems = []


def bad(msg):
    problems.append(msg)


def read(name):
    with open(os.path.join(NOTES, name), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- notes
note_files = sorted(os.listdir(NOTES))
texts = {n: read(n) for n in note_files}
short = [n for n in note_files if n.endswith(".txt")]
long_ = [n for n in note_files if n.endswith(".md")]
if len(short) != 22:
    bad(f"expected 22 short notes, found {len(short)}")
if len(long_) != 4:
    bad(f"expected 4 long notes, found {len(long_)}")
extra = [n for n in note_files if not n.endswith((".txt", ".md"))]
if extra:
    bad(f"unexpected files in notes/: {extra}")

SENT_TAIL = re.compile(
    r"\n(?P<tag>[^\n]+)\n(?P<demo>Request a Demo|Request Demo)Overall Sentiment\n(?P<label>[^\n]+)\n"
    r"Sentiment Score\n(?P<score>[^\n]+)\nTicker Sentiment(?P<rest>(\n[^\n]*)*)$")
labels = {}
n_dated = n_with_tickers = n_curly = 0
for n in short:
    s = texts[n]
    m = SENT_TAIL.search(s)
    if not m:
        bad(f"{n}: sentiment block not in seed order")
        continue
    if m.group("label") not in LABELS:
        bad(f"{n}: label {m.group('label')!r} not allowed")
    labels[n] = m.group("label")
    try:
        sc = float(m.group("score"))
        if not -1 <= sc <= 1:
            bad(f"{n}: score {sc} out of [-1, 1]")
    except ValueError:
        bad(f"{n}: score {m.group('score')!r} not a number")
    rest = m.group("rest")
    if rest:
        n_with_tickers += 1
        for line in rest.strip("\n").split("\n"):
            mm = re.fullmatch(r"([A-Z]{2,5}) (-?\d+(\.\d+)?)", line)
            if not mm or not -1 <= float(mm.group(2)) <= 1:
                bad(f"{n}: bad ticker line {line!r}")
            elif mm.group(1) not in REAL | set(INVENTED):
                bad(f"{n}: ticker line for unknown ticker {mm.group(1)}")
    head = s[:m.start()]
    lines = head.split("\n")
    if lines[0].startswith("Date: "):
        n_dated += 1
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            bad(f"{n}: bad Date line")
        lines = lines[1:]
    lines = [l for l in lines if l.strip()]
    if len(lines) != 2:
        bad(f"{n}: expected news + analytic paragraph before the tagline, got {len(lines)} lines")
    else:
        w = len(lines[1].split())
        if not 150 <= w <= 300:
            bad(f"{n}: analytic paragraph has {w} words")
    if "’" in s:
        n_curly += 1
    if s.endswith("\n") and not rest:
        bad(f"{n}: should end at 'Ticker Sentiment' like the seeds")
if not 10 <= n_dated <= 12:
    bad(f"{n_dated} short notes are dated; expected about half")
if not 10 <= n_with_tickers <= 12:
    bad(f"{n_with_tickers} short notes have ticker lines; expected about half")
if n_curly < 3:
    bad("too few notes with curly apostrophes")

FM = re.compile(r"\A---\n(.*?)\n---\n", re.S)
for n in long_:
    s = texts[n]
    m = FM.match(s)
    if not m:
        bad(f"{n}: no YAML front matter")
        continue
    fields = dict(l.split(": ", 1) for l in m.group(1).split("\n") if ": " in l)
    for k in ("company", "ticker", "title", "date"):
        if not fields.get(k):
            bad(f"{n}: front matter lacks {k}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields.get("date", "")):
        bad(f"{n}: bad date")
    body = s[m.end():]
    w = len(body.split())
    if not 800 <= w <= 1500:
        bad(f"{n}: body has {w} words")
    if not re.search(r"^\|.*FY20\d\d|^\|.*Q\d 20\d\d", body, re.M):
        bad(f"{n}: no Markdown table with period columns")
    if "Overall Sentiment" in body:
        bad(f"{n}: long notes carry no sentiment block")
long_tickers = {dict(l.split(": ", 1) for l in FM.match(texts[n]).group(1).split("\n"))["ticker"] for n in long_
                if FM.match(texts[n])}
if len(long_tickers & REAL) != 2 or len(long_tickers & set(INVENTED)) != 1:
    bad(f"long notes should cover 2 real and 1 invented company, got {long_tickers}")

alltext = "\n".join(texts.values())
for t in BANNED_TICKERS:
    if re.search(r"(?<![A-Za-z])" + re.escape(t) + r"(?![A-Za-z])", alltext):
        bad(f"banned ticker {t} appears in notes")
for wd in BANNED_WORDS:
    if wd.lower() in alltext.lower():
        bad(f"banned word {wd} appears in notes")
for tk, name in INVENTED.items():
    if f"{name} ({tk})" not in alltext:
        bad(f"invented company {name} is never tied to {tk} in the text")

# ---------------------------------------------------------------- questions
qs = []
with open(QA, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            qs.append(json.loads(line))
        except json.JSONDecodeError as e:
            bad(f"qa.jsonl line {i}: {e}")
ids = [q.get("id") for q in qs]
if len(set(ids)) != len(ids):
    bad("duplicate ids")
if ids != [f"k{i:03d}" for i in range(1, len(qs) + 1)]:
    bad("ids are not k001.. in order")
if not N_TOTAL[0] <= len(qs) <= N_TOTAL[1]:
    bad(f"{len(qs)} questions, expected {N_TOTAL}")

byid = {q["id"]: q for q in qs if "id" in q}
prev = None
for q in qs:
    qid = q.get("id")
    for k in REQUIRED:
        if k not in q:
            bad(f"{qid}: missing {k}")
    for k in q:
        if k not in REQUIRED and k not in OPTIONAL:
            bad(f"{qid}: unexpected field {k}")
    if q.get("kind") not in KINDS:
        bad(f"{qid}: bad kind {q.get('kind')}")
    if not isinstance(q.get("question"), str) or not q["question"].strip():
        bad(f"{qid}: empty question")
    gold, kws = q.get("gold_notes", []), q.get("answer_keywords", [])
    for g in gold:
        if g not in texts:
            bad(f"{qid}: gold note {g} does not exist")
    if q.get("kind") == "no_answer":
        if gold or kws:
            bad(f"{qid}: no_answer must have empty gold and keywords")
    else:
        if not gold:
            bad(f"{qid}: answerable question without gold notes")
        if not 1 <= len(kws) <= 4:
            bad(f"{qid}: needs 1-4 keywords")
        for kw in kws:
            if not any(kw.lower() in texts.get(g, "").lower() for g in gold):
                bad(f"{qid}: keyword {kw!r} not in any gold note")
    if q.get("kind") in ("comparison", "general") and q.get("ticker") is not None:
        bad(f"{qid}: {q['kind']} must have ticker null")
    if q.get("kind") == "comparison" and len(gold) < 2:
        # a single gold note must itself be about two companies (two ticker lines)
        m = SENT_TAIL.search(texts.get(gold[0], "")) if gold else None
        if not m or len(m.group("rest").strip().split("\n")) < 2:
            bad(f"{qid}: comparison gold does not cover two companies")
    if q.get("kind") == "sentiment":
        want = {labels.get(g) for g in gold}
        if None in want or {k.lower() for k in kws} != want:
            bad(f"{qid}: sentiment keywords {kws} != gold labels {want}")
    if q.get("kind") == "follow_up":
        if not prev or q.get("follows") != prev.get("id") or q.get("ticker") != prev.get("ticker"):
            bad(f"{qid}: follows must be previous id with same ticker")
    elif "follows" in q:
        bad(f"{qid}: follows on a non-follow_up")
    if q.get("unknown_company") and q.get("ticker") not in INVENTED and not any(
            INVENTED_NAME.split()[0].lower() in q["question"].lower() for INVENTED_NAME in INVENTED.values()):
        bad(f"{qid}: unknown_company question is not about an invented company")
    if q.get("ticker") in BANNED_TICKERS:
        bad(f"{qid}: banned ticker")
    prev = q

# near misses
nm = [q for q in qs if q.get("near_miss")]
cnt = Counter(q["near_miss"] for q in nm)
for k in NEAR_KINDS:
    if cnt.get(k) != 4:
        bad(f"near-miss kind {k}: {cnt.get(k, 0)} (expected 4)")
if set(cnt) - set(NEAR_KINDS):
    bad(f"unknown near-miss kinds {set(cnt) - set(NEAR_KINDS)}")
if {q["id"] for q in nm} != set(NEAR):
    bad(f"near-miss ids in qa.jsonl {sorted(q['id'] for q in nm)} != table {sorted(NEAR)}")


def absent(rules, qid):
    for prefix, rx in rules:
        for n, s in texts.items():
            if prefix and not n.startswith(prefix):
                continue
            m = re.search(rx, s, re.I)
            if m:
                bad(f"{qid}: asked fact may be present in {n}: {m.group(0)!r}")


for qid, (kind, note, near_text, rules) in NEAR.items():
    q = byid.get(qid)
    if not q or q.get("near_miss") != kind or q.get("kind") != "no_answer":
        bad(f"{qid}: expected a no_answer near miss of kind {kind}")
    if note not in texts or near_text not in texts[note]:
        bad(f"{qid}: nearby text {near_text!r} not found in {note}")
    absent(rules, qid)
for qid, (what, rules) in OTHER_NOANSWER.items():
    q = byid.get(qid)
    if not q or q.get("kind") != "no_answer" or q.get("near_miss"):
        bad(f"{qid}: expected a plain no_answer ({what})")
    absent(rules, qid)
noans = [q for q in qs if q.get("kind") == "no_answer"]
if len(noans) != 24 or {q["id"] for q in noans} != set(NEAR) | set(OTHER_NOANSWER):
    bad("no_answer set is not exactly the 20 near misses + 4 others")
for qid in ("k068", "k069"):
    t = byid.get(qid, {}).get("ticker")
    if not t or t in REAL or t in INVENTED:
        bad(f"{qid}: real company without notes needs its real ticker")

# typos and invented companies
typos = [q for q in qs if q.get("typo")]
if {q["id"] for q in typos} != TYPO_IDS or any(q["kind"] == "no_answer" for q in typos):
    bad("typo questions wrong")
unk = [q for q in qs if q.get("unknown_company")]
if len(unk) < N_UNKNOWN_MIN or sum(q["kind"] == "no_answer" for q in unk) != N_UNKNOWN_NOANSWER:
    bad(f"unknown_company: {len(unk)} total, {sum(q['kind'] == 'no_answer' for q in unk)} unanswerable")

# core counts
core = [q for q in qs if not q.get("typo") and not (q.get("unknown_company") and q["kind"] != "no_answer")]
cc = Counter(q["kind"] for q in core)
for k, v in CORE_KIND_COUNTS.items():
    if cc.get(k, 0) != v:
        bad(f"core kind {k}: {cc.get(k, 0)} (expected {v})")
long_fact = [q for q in core if q["kind"] == "factual" and any(g.endswith(".md") for g in q["gold_notes"])]
if len(long_fact) != CORE_LONG_FACTUAL:
    bad(f"core factual questions answered by long notes: {len(long_fact)}")

# every note is gold somewhere or holds a near miss
used = {g for q in qs for g in q["gold_notes"]} | {v[1] for v in NEAR.values()}
for n in note_files:
    if n not in used:
        bad(f"note {n} is used by no question")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK")
