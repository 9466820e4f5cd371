#!/usr/bin/env python3
"""Consistency checker for the blind-MMc evaluation set. Standard library only.

Run: python3 check.py   (prints OK, or the list of problems and exits 1)
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")

KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
KIND_COUNTS = {"factual": 22, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3,
               "sentiment": 3, "no_answer": 24}
NEAR_KINDS = {"segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"}
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
REQUIRED = ["id", "question", "gold_notes", "answer_keywords", "ticker", "kind"]

# For every near miss: the note holding the nearby-but-wrong text, that text (verbatim),
# and patterns for the asked fact that must appear in NO note (case-insensitive regexes).
NEAR = {
    "m002": ("fer-h1-2025-toll-roads.txt", "Toll Roads adjusted EBITDA rose 14% to €612 million",
             [r"airports?[^.]{0,60}EBITDA", r"EBITDA[^.]{0,40}airports?"]),
    "m004": ("fer-new-terminal-one.txt", "when the first phase of New Terminal One opens",
             [r"(opens?|opening)[^.]{0,40}(20\d\d|Q[1-4]|quarter|year|month)"]),
    "m007": ("fer-h1-2025-toll-roads.txt",
             "Transurban, the other shortlisted bidder for Georgia\u2019s SR 400 express lanes",
             [r"Transurban[^.]*(revenue|toll income|\$|A\$)"]),
    "m010": ("gpk-waco-mill.txt", "the mill's start-up lets it retire three older mills",
             [r"(start-?up|started|came online|commissioned)[^.]{0,40}(20\d\d|Q[1-4]|quarter|month)"]),
    "m013": ("alc-q2-2025-results.txt", "core operating margin of 20.8%",
             [r"Alcon[^.]*gross margin", r"gross margin[^.]*Alcon"]),
    "m014": ("alc-q2-2025-results.txt",
             "Bausch + Lomb, which launched a competing premium intraocular lens", [r"Bausch[^.]*share"]),
    "m016": ("alc-precision7-launch.txt", "priced at roughly $60 for a three-month supply",
             [r"Precision7[^.]*(revenue|sales of|sold|\$\d+(\.\d+)? (million|billion))"]),
    "m021": ("ctva-annual-report-fy2025.md", "Crop Protection net sales were $7,612 million",
             [r"Crop Protection[^.]{0,40}operating EBITDA (was|were|of)"]),
    "m023": ("ctva-crop-protection-biologicals.txt",
             "growing its biologicals portfolio to roughly $1 billion in sales by 2029",
             [r"biologicals?[^.]*(sales|revenue) (of|were|was|rose|grew)"]),
    "m027": ("ma-q3-2025-results.txt", "net revenue of $8.60 billion",
             [r"value-added services[^.]*(\$|\d+%)", r"services and solutions[^.]*(\$|\d+%)"]),
    "m028": ("ma-q3-2025-results.txt",
             "Visa, which reported two days earlier, pointed to similarly resilient U.S. consumer spending",
             [r"Visa[^.]*cross-border"]),
    "m031": ("ma-agent-pay.txt", "is now enabled for all U.S. cardholders",
             [r"Agent Pay[^.]*(transactions|volume|processed)"]),
    "m034": ("csv-divestiture.txt", "expected to close once state cemetery regulators sign off",
             [r"(sale|transaction|divestiture)[^.]{0,60}close[^.]{0,40}(20\d\d|Q[1-4]|quarter|month|year-end)"]),
    "m036": ("csv-q2-2025-results.txt", "Operating cash flow for the quarter was $38.2 million",
             [r"free cash flow"]),
    "m040": ("schp-h1-2025-results.txt", "group revenue of CHF 5.52 billion",
             [r"Schindler[^.]*service[^.]{0,30}(revenue|sales)[^.]{0,20}(CHF|\d)",
              r"service (revenue|sales) (of|was|were|rose|grew|fell)"]),
    "m041": ("schp-h1-2025-results.txt", "order intake of CHF 5.71 billion",
             [r"Schindler[^.]*backlog", r"order backlog"]),
    "m043": ("schp-china-rise.txt", "aims to use it on 30% of its high-rise projects",
             [r"R\.I\.S\.E[^.]*(installed|units|elevators) (so far|to date)", r"\d+ (elevators|units)[^.]*R\.I\.S\.E"]),
    "m046": ("emts-gpk-macon-mill.txt", "once the Macon unit is commissioned",
             [r"Macon[^.]*(20\d\d|Q[1-4]|quarter|month)"]),
    "m053": ("slaq-q3-2025-results.txt", "Gross margin widened to 18.9% from 17.2%",
             [r"Saltmarsh[^.]*(EBIT|operating margin|operating income)", r"operating margin[^.]*Saltmarsh"]),
    "m054": ("slaq-q3-2025-results.txt",
             "Mowi, Saltmarsh's largest customer, trimmed its 2025 harvest guidance",
             [r"Mowi[^.]*tonnes", r"harvest[^.]*tonnes"]),
}

TICKER_LINE = re.compile(r"^[A-Z]{1,5} -?\d\.\d{2}$")
DATE_LINE = re.compile(r"^Date: \d{4}-\d{2}-\d{2}$")

problems = []


def bad(msg):
    problems.append(msg)


def read(name):
    with open(os.path.join(NOTES_DIR, name), encoding="utf-8") as f:
        return f.read()


def check_short(name, text):
    lines = text.split("\n")
    if lines and lines[0] == "":
        lines = lines[1:]
    dated = bool(lines) and bool(DATE_LINE.match(lines[0]))
    if dated:
        lines = lines[1:]
    try:
        i = lines.index("Ticker Sentiment")
    except ValueError:
        bad(f"{name}: no 'Ticker Sentiment' line")
        return None
    head, tickers = lines[:i - 4], lines[i + 1:]
    tail = lines[i - 4:i + 1]
    if len(head) != 3:
        bad(f"{name}: expected news, analysis, tagline before the sentiment block, got {len(head)} lines")
    else:
        words = len(head[1].split())
        if not 150 <= words <= 300:
            bad(f"{name}: analytic paragraph has {words} words")
        if not 2 <= len(re.findall(r"[.!?](\s|$)", head[0])) <= 5:
            bad(f"{name}: news paragraph sentence count looks wrong")
    if tail[0] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        bad(f"{name}: demo line glued to 'Overall Sentiment' missing: {tail[0]!r}")
    if tail[1] not in LABELS:
        bad(f"{name}: label {tail[1]!r} not allowed")
    if tail[2] != "Sentiment Score":
        bad(f"{name}: 'Sentiment Score' missing")
    try:
        score = float(tail[3])
        if not -1 <= score <= 1:
            bad(f"{name}: score out of range")
    except ValueError:
        bad(f"{name}: score {tail[3]!r} not a number")
    for t in tickers:
        if not TICKER_LINE.match(t):
            bad(f"{name}: bad ticker line {t!r}")
        elif not -1 <= float(t.split()[1]) <= 1:
            bad(f"{name}: ticker score out of range")
    return {"label": tail[1], "dated": dated, "tickers": bool(tickers)}


def check_long(name, text):
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        bad(f"{name}: no YAML front matter")
        return
    fm = dict(l.split(":", 1) for l in m.group(1).split("\n") if ":" in l)
    fm = {k.strip(): v.strip() for k, v in fm.items()}
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            bad(f"{name}: front matter lacks {k}")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", fm.get("date", "")):
        bad(f"{name}: bad date")
    body = text[m.end():]
    words = len(body.split())
    if not 800 <= words <= 1500:
        bad(f"{name}: body has {words} words")
    if not re.search(r"^\|.*\|\n\|[-| :]+\|\n", body, re.M):
        bad(f"{name}: no Markdown table")
    if not re.search(r"^#+ ", body, re.M):
        bad(f"{name}: no headings")
    if "Sentiment Score" in body:
        bad(f"{name}: long note must not have a sentiment block")


def main():
    names = sorted(os.listdir(NOTES_DIR))
    shorts = [n for n in names if n.endswith(".txt")]
    longs = [n for n in names if n.endswith(".md")]
    if len(shorts) != 22 or len(longs) != 4 or len(names) != 26:
        bad(f"expected 22 .txt + 4 .md notes, found {len(shorts)} + {len(longs)} ({len(names)} files)")
    texts = {n: read(n) for n in names}
    meta = {}
    for n in shorts:
        r = check_short(n, texts[n])
        if r:
            meta[n] = r
    for n in longs:
        check_long(n, texts[n])
    dated = sum(1 for r in meta.values() if r["dated"])
    with_t = sum(1 for r in meta.values() if r["tickers"])
    if not (10 <= dated <= 12 and 10 <= with_t <= 12):
        bad(f"dated short notes {dated}, with ticker lines {with_t}: expected about half each")
    if not any("\u2019" in texts[n] for n in shorts):
        bad("no curly apostrophes in any short note")

    recs = []
    with open(QA, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if line.strip():
                try:
                    recs.append(json.loads(line))
                except json.JSONDecodeError as e:
                    bad(f"qa line {ln}: {e}")
    if not 64 <= len(recs) <= 70:
        bad(f"{len(recs)} questions, expected 64-70")
    ids = [r.get("id") for r in recs]
    if len(set(ids)) != len(ids):
        bad("duplicate ids")
    for i, r in enumerate(recs):
        rid = r.get("id")
        if rid != "m%03d" % (i + 1):
            bad(f"id {rid} out of sequence at position {i + 1}")
        for k in REQUIRED:
            if k not in r:
                bad(f"{rid}: missing {k}")
        kind = r.get("kind")
        if kind not in KINDS:
            bad(f"{rid}: kind {kind!r}")
        gold, kws = r.get("gold_notes", []), r.get("answer_keywords", [])
        for g in gold:
            if g not in texts:
                bad(f"{rid}: gold note {g} does not exist")
        if kind == "no_answer":
            if gold or kws:
                bad(f"{rid}: no_answer must have empty gold and keywords")
        else:
            if not gold or not 1 <= len(kws) <= 4:
                bad(f"{rid}: needs gold notes and 1-4 keywords")
            for kw in kws:
                if not any(kw.lower() in texts[g].lower() for g in gold if g in texts):
                    bad(f"{rid}: keyword {kw!r} not in any gold note")
        if kind in ("comparison", "general") and r.get("ticker") is not None:
            bad(f"{rid}: {kind} must have ticker null")
        if kind == "comparison" and len(gold) < 1:
            bad(f"{rid}: comparison needs gold")
        if kind == "sentiment":
            labels = {meta[g]["label"] for g in gold if g in meta}
            if {k.lower() for k in kws} != labels or any(g not in meta for g in gold):
                bad(f"{rid}: sentiment keywords {kws} != labels {labels}")
        if kind == "follow_up":
            prev = recs[i - 1] if i else None
            if not prev or r.get("follows") != prev.get("id") or r.get("ticker") != prev.get("ticker"):
                bad(f"{rid}: follows must be the previous id with the same ticker")
        elif "follows" in r:
            bad(f"{rid}: follows only on follow_up")
        nm = r.get("near_miss")
        if nm is not None:
            if kind != "no_answer" or nm not in NEAR_KINDS:
                bad(f"{rid}: bad near_miss {nm!r}")
            if rid not in NEAR:
                bad(f"{rid}: near miss without nearby text in NEAR")
        for flag in ("typo", "unknown_company"):
            if flag in r and r[flag] is not True:
                bad(f"{rid}: {flag} must be true when present")

    kc = Counter(r.get("kind") for r in recs)
    for k, n in KIND_COUNTS.items():
        if kc[k] != n:
            bad(f"kind {k}: {kc[k]} != {n}")
    nc = Counter(r.get("near_miss") for r in recs if r.get("near_miss"))
    for k in NEAR_KINDS:
        if nc[k] != 4:
            bad(f"near_miss {k}: {nc[k]} != 4")
    if sum(1 for r in recs if r.get("typo")) != 2:
        bad("expected 2 typo questions")
    if any(r.get("typo") and r.get("kind") == "no_answer" for r in recs):
        bad("typo questions must be answerable")
    unk = [r for r in recs if r.get("unknown_company")]
    if len(unk) < 8 or sum(1 for r in unk if r["kind"] == "no_answer") != 2:
        bad("unknown_company: need >= 8 questions, exactly 2 unanswerable")
    plain_na = [r for r in recs if r.get("kind") == "no_answer" and not r.get("near_miss")]
    if len(plain_na) != 4:
        bad(f"expected 4 no_answer questions that are not near misses, got {len(plain_na)}")

    byid = {r.get("id"): r for r in recs}
    for rid, (note, near_text, absent) in NEAR.items():
        if rid not in byid or not byid[rid].get("near_miss"):
            bad(f"NEAR lists {rid}, which is not a near-miss record")
        if note not in texts:
            bad(f"{rid}: near-miss note {note} missing")
        elif near_text not in texts[note]:
            bad(f"{rid}: nearby text not found verbatim in {note}: {near_text!r}")
        for pat in absent:
            for n, t in texts.items():
                if re.search(pat, t, re.I):
                    bad(f"{rid}: asked fact pattern {pat!r} matches note {n}")

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
