#!/usr/bin/env python3
"""Consistency checks for the blind-c-qa evaluation set. Run: python3 check.py"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
errors = []
def err(msg): errors.append(msg)

# ---- notes ----
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
FOOT = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."
texts = {}
dated = 0
for fn in sorted(os.listdir(NOTES)):
    if not fn.endswith(".txt"):
        err(f"non-txt file in notes/: {fn}"); continue
    t = open(os.path.join(NOTES, fn), encoding="utf-8").read()
    texts[fn] = t
    lines = t.split("\n")
    if lines and lines[-1] == "": lines = lines[:-1]
    if lines[-1] != "Ticker Sentiment": err(f"{fn}: last line is not 'Ticker Sentiment'")
    if lines[-3] != "Sentiment Score": err(f"{fn}: 'Sentiment Score' not third-last line")
    try:
        sc = float(lines[-2])
        if not -1 <= sc <= 1: err(f"{fn}: score out of range {sc}")
    except ValueError:
        err(f"{fn}: score not a number: {lines[-2]!r}")
    if lines[-4] not in LABELS: err(f"{fn}: bad label {lines[-4]!r}")
    if not re.fullmatch(r"Request (a )?DemoOverall Sentiment", lines[-5]): err(f"{fn}: demo/Overall Sentiment line wrong")
    if lines[-6] != FOOT: err(f"{fn}: footer line missing")
    date_idx = [i for i, l in enumerate(lines) if l.startswith("Date:")]
    if date_idx:
        dated += 1
        if date_idx != [0] and date_idx != [1]: err(f"{fn}: Date line not first or second line")
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[date_idx[0]]): err(f"{fn}: bad Date line")
    body = [l for l in lines[:-6] if l.strip() and not l.startswith("Date:")]
    if len(body) < 2: err(f"{fn}: fewer than 2 body paragraphs")
if len(texts) < 24: err(f"only {len(texts)} notes")
low = {k: v.lower() for k, v in texts.items()}

# ---- qa ----
recs = [json.loads(l) for l in open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") if l.strip()]
ids = [r["id"] for r in recs]
if len(ids) != len(set(ids)): err("duplicate ids: %s" % [i for i, c in Counter(ids).items() if c > 1])
KINDS = {"factual": 18, "risk": 6, "comparison": 4, "sentiment": 3, "general": 2, "follow_up": 3, "no_answer": 18}
NEAR = {"segment_figure", "passing_company", "product_metric", "other_measure", "undated_event"}
for i, r in enumerate(recs):
    rid = r["id"]
    for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if k not in r: err(f"{rid}: missing field {k}")
    if r["kind"] not in KINDS: err(f"{rid}: unknown kind {r['kind']}")
    for g in r["gold_notes"]:
        if g not in texts: err(f"{rid}: gold note missing: {g}")
    for kw in r["answer_keywords"]:
        if not any(kw.lower() in low.get(g, "") for g in r["gold_notes"]):
            err(f"{rid}: keyword {kw!r} not found verbatim in any gold note")
    if not 1 <= len(r["answer_keywords"]) <= 4 and r["kind"] != "no_answer":
        err(f"{rid}: needs 1-4 keywords")
    if r["kind"] == "no_answer":
        if r["gold_notes"] or r["answer_keywords"]: err(f"{rid}: no_answer must have empty gold and keywords")
        if "near_miss" in r and r["near_miss"] not in NEAR: err(f"{rid}: bad near_miss {r['near_miss']}")
    else:
        if not r["gold_notes"]: err(f"{rid}: answerable question without gold")
        if "near_miss" in r: err(f"{rid}: near_miss on an answerable question")
    if r["kind"] == "follow_up":
        if i == 0 or r.get("follows") != recs[i - 1]["id"]: err(f"{rid}: follows must be previous record id")
        elif r["ticker"] != recs[i - 1]["ticker"]: err(f"{rid}: follow_up ticker differs from previous turn")
    elif "follows" in r: err(f"{rid}: 'follows' on non-follow_up")
    if r["kind"] == "comparison":
        if len(r["gold_notes"]) < 2 or r["ticker"] is not None: err(f"{rid}: comparison needs >=2 gold notes and ticker null")
    if r["kind"] == "general" and r["ticker"] is not None: err(f"{rid}: general must have ticker null")
    if r["kind"] == "sentiment":
        for kw in r["answer_keywords"]:
            if kw not in LABELS: err(f"{rid}: sentiment keyword {kw!r} is not a label")
        for g in r["gold_notes"]:
            lab = texts[g].rstrip("\n").split("\n")[-4]
            if lab not in r["answer_keywords"]: err(f"{rid}: gold note {g} label {lab!r} not in keywords")
    if r.get("typo") and r["kind"] == "no_answer": err(f"{rid}: typo questions must be answerable")

kc = Counter(r["kind"] for r in recs)
for k, m in KINDS.items():
    if kc[k] < m: err(f"kind {k}: {kc[k]} < {m}")
if len(recs) < 55: err(f"only {len(recs)} questions")
nc = Counter(r.get("near_miss") for r in recs if r["kind"] == "no_answer" and r.get("near_miss"))
if sum(nc.values()) < 15: err("fewer than 15 near misses")
for k in NEAR:
    if nc[k] < 3: err(f"near_miss {k}: {nc[k]} < 3")
unk = [r for r in recs if r.get("unknown_company")]
if len(unk) < 6 or not any(r["kind"] == "no_answer" for r in unk): err("unknown_company: need >=6 incl. a no_answer")
if sum(1 for r in recs if r.get("typo")) < 2: err("need 2 typo questions")

# ---- near-miss evidence: the nearby-but-wrong text must really exist in the notes ----
EVIDENCE = {
 "c004": ("caterpillar-q3-2026-backlog.txt", ["$16.8 billion", "Energy & Transportation"]),
 "c006": ("caterpillar-buyback-margin-reset.txt", ["$20 billion share repurchase authorization"]),
 "c009": ("nike-fy27-q1-inventory.txt", ["Gross margin contracted"]),
 "c011": ("nike-fy27-q1-inventory.txt", ["Adidas and On"]),
 "c013": ("nike-running-relaunch-wholesale.txt", ["relaunched Pegasus"]),
 "c016": ("pfizer-q2-2026-revenue.txt", ["$14.2 billion", "oncology business"]),
 "c019": ("pfizer-oral-glp1-phase2.txt", ["Eli Lilly’s Zepbound"]),
 "c024": ("exxon-q2-2026-upstream.txt", ["Chevron’s Hess integration"]),
 "c025": ("exxon-refining-lithium-delay.txt", ["Energy Products segment earned $1.2 billion", "refining cracks widened"]),
 "c032": ("jpmorgan-q3-2026-earnings.txt", ["net income of $14.9 billion"]),
 "c033": ("jpmorgan-reserve-build-private-credit.txt", ["when the program was launched"]),
 "c034": ("jpmorgan-q3-2026-earnings.txt", ["Goldman Sachs also reported strong trading"]),
 "c037": ("netflix-q2-2026-ads-margin.txt", ["ad-supported plan remains the fastest-growing tier"]),
 "c039": ("netflix-live-sports-content-spend.txt", ["Standard plan to $17.99"]),
 "c042": ("costco-fy26-q4-membership.txt", ["net sales of $84.3 billion"]),
 "c043": ("costco-kirkland-tariffs-valuation.txt", ["Kirkland Signature private label"]),
 "c049": ("halvorsen-short-report-selloff.txt", ["Greywake Research alleged"]),
 "c050": ("halvorsen-marine-q3-2026-orders.txt", ["Kongsberg remains the incumbent"]),
 "c055": ("quillfeather-q3-2026-cash-burn.txt", ["Phase 1b study of QF-305"]),
 "c056": ("quillfeather-qf212-phase2-data.txt", ["end-of-Phase 2 meeting with the FDA"]),
 "c057": ("quillfeather-qf212-phase2-data.txt", ["Regeneron’s Dupixent"]),
 "c059": ("tarrow-grid-q2-2026-deployments.txt", ["revenue of $218 million"]),
 "c065": ("brindlemoor-foods-q1-2026-volumes.txt", ["net sales of $2.36 billion", "Snacks division"]),
}
byid = {r["id"]: r for r in recs}
for rid, (fn, snippets) in EVIDENCE.items():
    if rid not in byid or not byid[rid].get("near_miss"): err(f"evidence for {rid} but it is not a near miss")
    for s in snippets:
        if s not in texts.get(fn, ""): err(f"{rid}: evidence {s!r} not in {fn}")
for r in recs:
    if r.get("near_miss") and r["id"] not in EVIDENCE: err(f"{r['id']}: near miss without evidence entry")
# undated_event: the note holding the event must carry no Date: line
for r in recs:
    if r.get("near_miss") == "undated_event":
        fn = EVIDENCE[r["id"]][0]
        if re.search(r"\b(19|20)\d\d-\d\d-\d\d\b|January|February|March|April|May|June|July|August|September|October|November|December", texts[fn]) and "Date:" in texts[fn]:
            print(f"note: {r['id']} event note {fn} carries a Date line (event itself still undated)")

print(f"notes: {len(texts)} ({dated} with Date line); questions: {len(recs)}")
print("kinds:", dict(kc))
print("near misses:", dict(nc), "unknown_company:", len(unk), "typo:", sum(1 for r in recs if r.get('typo')))
if errors:
    print("\n".join("ERROR: " + e for e in errors)); sys.exit(1)
print("OK: all checks passed")
