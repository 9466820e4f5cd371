#!/usr/bin/env python3
"""Consistency checker for the blind-NNc evaluation set. Prints OK or the list of problems.

Standard library only. Run from anywhere: python3 check.py
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")

LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
# score ranges that agree with each label
LABEL_RANGE = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.1, 0.5),
    "neutral": (-0.1, 0.1),
    "mildly negative": (-0.5, -0.1),
    "strongly negative": (-1.0, -0.5),
}
KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
EXPECTED_KINDS = {"factual": 22, "risk": 6, "comparison": 4, "follow_up": 4,
                  "general": 3, "sentiment": 3, "no_answer": 24}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
PREFIX_TICKER = {"car": "CAR", "dgx": "DGX", "gww": "GWW", "bf": "BF.B", "vsat": "VSAT",
                 "aos": "AOS", "knsl": "KNSL", "vdmk": "VDMK", "ghrc": "GHRC"}
INVENTED = {"VDMK", "GHRC"}

# For every near miss: the note holding the nearby-but-wrong text, that text (verbatim),
# and patterns that must NOT match in the scoped notes (scope = filename prefixes, or "*" for all).
NEAR_MISS = {
    "n004": {"note": "dgx-q3-2025-volumes.txt", "text": ["Cash from operations was $512 million in the quarter"],
             "absent": [("dgx-", r"capital expenditure|capex")]},
    "n006": {"note": "gww-q2-2025-sales.txt",
             "text": ["Fastenal, which reported a week earlier, pointed to similar softness in heavy manufacturing"],
             "count": ("fastenal", 1)},
    "n010": {"note": "bf-q1-fy2026.txt", "text": ["Gross margin was 59.1%, down 110 basis points"],
             "absent": [("bf-", r"operating (margin|income|profit)")]},
    "n013": {"note": "car-q3-2025-results.txt",
             "text": ["Avis Budget posted third-quarter 2025 revenue of $3.52 billion",
                      "the International segment saw softer pricing in Europe"],
             "absent": [("car-", r"International[^.]*\$\d"), ("car-", r"International[^.]*revenue of")]},
    "n016": {"note": "car-q2-2025-fleet.txt",
             "text": ["Hertz said on its own call that it would keep shrinking its fleet"],
             "count": ("hertz", 1)},
    "n019": {"note": "knsl-q2-2025.txt", "text": ["a combined ratio of 75.6%"],
             "absent": [("knsl-", r"loss ratio|expense ratio")]},
    "n022": {"note": "aos-heat-pump.txt",
             "text": ["Management said it aims for heat pumps to make up 10% of its U.S. residential water heater units within three years",
                      "heat pump water heater"],
             "absent": [("aos-", r"heat pump[^.]*(sales|revenue|shipments|units sold)"),
                        ("gww-aos", r"heat pump")]},
    "n024": {"note": "dgx-outreach-deal.txt",
             "text": ["agreed to acquire the outreach laboratory assets of Prairie Ridge Health"],
             "absent": [("dgx-", r"(close|closing|completion)[^.]*(20\d\d|quarter|half|month|weeks|year-end)"),
                        ("dgx-", r"Prairie Ridge[^.]*(20\d\d|quarter|half of|month)")]},
    "n027": {"note": "vdmk-fy2025-annual-report.md", "text": ["| Operating income | 21.4 | 38.6 |"],
             "absent": [("vdmk-", r"Carrier Payments (segment )?(operating|profit|EBITDA|margin|earnings)"),
                        ("vdmk-", r"segment (operating income|profit|earnings|margin)")]},
    "n029": {"note": "car-2026-outlook.txt", "text": ["is priced at a 20% to 30% premium to standard Avis rates"],
             "absent": [("car-", r"Avis First[^.]*(revenue|rentals|customers|members|bookings|transactions)")]},
    "n032": {"note": "dgx-q3-2025-volumes.txt", "text": ["Labcorp also lifted its full-year outlook the same week"],
             "count": ("labcorp", 1)},
    "n034": {"note": "vsat-q2-fy2026.txt",
             "text": ["revenue of $1.15 billion", "The Defense and Advanced Technologies segment booked record new awards"],
             "absent": [("vsat-", r"Defense and Advanced Technologies[^.]*\$\d"), ("vsat-", r"Communication Services")]},
    "n037": {"note": "ghrc-h1-2025.txt", "text": ["expects to complete the sale of its covered hopper portfolio"],
             "absent": [("ghrc-", r"hopper portfolio[^.]*(20\d\d|quarter|half|month|year)"),
                        ("vdmk-ghrc", r"hopper portfolio"),
                        ("ghrc-", r"(close|complete)[^.]*hopper[^.]*(20\d\d|quarter|half|month|year)")]},
    "n039": {"note": "dgx-haystack-mrd.txt", "text": ["Medicare pays roughly $3,500 per test", "Haystack MRD"],
             "absent": [("dgx-", r"Haystack[^.]*(revenue|volume|tests (run|performed)|sales)")]},
    "n041": {"note": "vsat-q2-fy2026.txt", "text": ["EchoStar's decision to sell its spectrum licenses"],
             "count": ("echostar", 1)},
    "n043": {"note": "gww-fy2025-annual-report.md", "text": ["a new distribution center in the Pacific Northwest"],
             "absent": [("gww-", r"Pacific Northwest[^.]*(20\d\d|quarter|half|month|year)")]},
    "n049": {"note": "bf-rtd-tariffs.txt",
             "text": ["The New Mix cans are priced at about a 10% premium to competing canned tequila drinks",
                      "in 12 additional U.S. states"],
             "absent": [("bf-", r"New Mix[^.]*(revenue|volume|sales|cases)"),
                        ("bf-", r"ready-to-drink[^.]*(revenue|volume|sales|cases)")]},
    "n052": {"note": "gww-endless-assortment.txt", "text": ["Endless Assortment segment sales rose 9.8% to $890 million"],
             "absent": [("*", r"Zoro[^.]*\$\d"), ("*", r"Zoro[^.]*\d+(\.\d+)?%")]},
    "n057": {"note": "vsat-viasat3-rollout.txt",
             "text": ["The third satellite, ViaSat-3 F3, which is meant to cover the Asia-Pacific region, has yet to launch"],
             "absent": [("vsat-", r"F3[^.]*(20\d\d|quarter|half|month|year)")]},
    "n060": {"note": "car-q2-2025-fleet.txt", "text": ["Adjusted EBITDA came in at $412 million"],
             "absent": [("car-", r"net (income|loss|earnings)")]},
}
# no_answer questions that are not near misses: strings that must appear in no note
OTHER_NO_ANSWER = {
    "n020": ["werner", "WERN"],      # real company with no notes
    "n063": ["watsco", "WSO"],       # real company with no notes
    "n045": ["sourdough"],           # off-topic
    "n055": ["2021"],                # period no note covers
}
# general questions: gold must be exactly the notes matching the theme
THEMES = {
    "n014": r"tariff",
    "n035": r"freight",
    "n058": r"repurchas|buyback|buy(ing)? back|bought back",
}

problems = []


def fail(msg):
    problems.append(msg)


def load_notes():
    notes = {}
    for name in sorted(os.listdir(NOTES_DIR)):
        with open(os.path.join(NOTES_DIR, name), encoding="utf-8") as fh:
            notes[name] = fh.read()
    return notes


def sentence_count(par):
    s = par
    for abbr in ("U.S.", "W.W.", "A. O.", "N.A.", "U.K."):
        s = s.replace(abbr, "X")
    return len([x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", s.strip()) if x])


def parse_short(name, text):
    """Return dict(label, score, tickers, dated) or None after recording problems."""
    if text.endswith("\n"):
        fail(f"{name}: short note should end without a trailing newline, like the seeds")
    lines = text.split("\n")
    while lines and lines[0].strip() == "":
        lines.pop(0)
    dated = False
    if lines and lines[0].startswith("Date:"):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            fail(f"{name}: bad Date line {lines[0]!r}")
        dated = True
        lines.pop(0)
    idx = [i for i, l in enumerate(lines) if l.endswith("Overall Sentiment")]
    if len(idx) != 1:
        fail(f"{name}: expected exactly one '...Overall Sentiment' line")
        return None
    i = idx[0]
    if not re.fullmatch(r"Request (a )?DemoOverall Sentiment", lines[i]):
        fail(f"{name}: marketing footer not glued as in the seeds: {lines[i]!r}")
    body = lines[:i]
    if len(body) != 3:
        fail(f"{name}: expected news, analysis, tagline before the footer, got {len(body)} lines")
        return None
    news, analysis, tagline = body
    n = sentence_count(news)
    if not 2 <= n <= 4:
        fail(f"{name}: news paragraph has {n} sentences")
    w = len(analysis.split())
    if not 150 <= w <= 300:
        fail(f"{name}: analytic paragraph has {w} words")
    if "portfolio analytics" not in tagline or len(tagline.split()) > 16:
        fail(f"{name}: tagline line looks wrong: {tagline!r}")
    tail = lines[i + 1:]
    if len(tail) < 4:
        fail(f"{name}: sentiment block truncated")
        return None
    label, score_h, score_s, ts = tail[:4]
    if label not in LABELS:
        fail(f"{name}: label {label!r} not allowed")
    if score_h != "Sentiment Score":
        fail(f"{name}: expected 'Sentiment Score', got {score_h!r}")
    try:
        score = float(score_s)
    except ValueError:
        fail(f"{name}: score {score_s!r} not a number")
        return None
    if not -1 <= score <= 1:
        fail(f"{name}: score out of range")
    lo, hi = LABEL_RANGE.get(label, (-1, 1))
    if not lo <= score <= hi:
        fail(f"{name}: score {score} disagrees with label {label}")
    if ts != "Ticker Sentiment":
        fail(f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    tickers = {}
    for l in tail[4:]:
        m = re.fullmatch(r"([A-Z][A-Z.]{0,5}) (-?\d\.\d{2})", l)
        if not m:
            fail(f"{name}: bad ticker line {l!r}")
            continue
        v = float(m.group(2))
        if not -1 <= v <= 1:
            fail(f"{name}: ticker score out of range")
        tickers[m.group(1)] = v
    return {"label": label, "score": score, "tickers": tickers, "dated": dated}


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        fail(f"{name}: missing YAML front matter")
        return None
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip()
    for key in ("company", "ticker", "title", "date"):
        if not fm.get(key):
            fail(f"{name}: front matter lacks {key}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        fail(f"{name}: bad date in front matter")
    body = m.group(2)
    w = len(body.split())
    if not 800 <= w <= 1500:
        fail(f"{name}: body has {w} words (want 800-1500)")
    if not re.search(r"^#", body, re.M):
        fail(f"{name}: no headings")
    if not re.search(r"^\|.*\|\n\|[-| :]+\|\n(\|.*\|\n)+", body, re.M):
        fail(f"{name}: no Markdown table")
    if "Operating income" not in body:
        fail(f"{name}: table lacks an 'Operating income' row")
    if "Overall Sentiment" in body:
        fail(f"{name}: long notes carry no sentiment block")
    return fm


def scoped(notes, scope):
    if scope == "*":
        return notes.items()
    return [(n, t) for n, t in notes.items() if n.startswith(scope)]


def main():
    notes = load_notes()
    short = {n: t for n, t in notes.items() if n.endswith(".txt")}
    long_ = {n: t for n, t in notes.items() if n.endswith(".md")}
    other = set(notes) - set(short) - set(long_)
    if other:
        fail(f"unexpected files in notes/: {sorted(other)}")
    if len(short) != 22:
        fail(f"expected 22 short notes, found {len(short)}")
    if len(long_) != 4:
        fail(f"expected 4 long notes, found {len(long_)}")

    parsed = {}
    for n, t in short.items():
        p = parse_short(n, t)
        if p:
            parsed[n] = p
    dated = sum(p["dated"] for p in parsed.values())
    with_tickers = sum(bool(p["tickers"]) for p in parsed.values())
    if dated != 11:
        fail(f"expected 11 dated short notes, found {dated}")
    if with_tickers != 11:
        fail(f"expected 11 short notes with ticker lines, found {with_tickers}")
    if not any("\u2019" in t for t in short.values()):
        fail("no note uses curly apostrophes")
    for n, p in parsed.items():
        for tk in p["tickers"]:
            if tk not in PREFIX_TICKER.values():
                fail(f"{n}: ticker line for unknown ticker {tk}")
    long_fm = {}
    for n, t in long_.items():
        fm = parse_long(n, t)
        if fm:
            long_fm[n] = fm
    long_companies = {fm["ticker"] for fm in long_fm.values()}
    if len(long_companies) != 3 or len(long_companies & INVENTED) != 1:
        fail(f"long notes should cover 2 real + 1 invented company, got {sorted(long_companies)}")

    def note_tickers(n):
        if n in long_fm:
            return {long_fm[n]["ticker"]}
        ts = {PREFIX_TICKER[n.split("-")[0]]}
        if n in parsed:
            ts |= set(parsed[n]["tickers"])
        return ts

    # ---- questions
    recs = []
    with open(QA_PATH, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"qa.jsonl line {ln}: {e}")
    if not 64 <= len(recs) <= 70:
        fail(f"{len(recs)} questions (want 64-70)")
    ids = [r.get("id") for r in recs]
    if len(set(ids)) != len(ids):
        fail("duplicate ids")
    if ids != ["n%03d" % i for i in range(1, len(recs) + 1)]:
        fail("ids are not n001.. in order")
    allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind",
               "follows", "near_miss", "unknown_company", "typo"}
    prev = None
    for r in recs:
        rid = r.get("id")
        for key in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if key not in r:
                fail(f"{rid}: missing {key}")
        extra = set(r) - allowed
        if extra:
            fail(f"{rid}: unexpected fields {sorted(extra)}")
        kind = r.get("kind")
        if kind not in KINDS:
            fail(f"{rid}: bad kind {kind!r}")
        gold, kws = r.get("gold_notes", []), r.get("answer_keywords", [])
        if not isinstance(r.get("question"), str) or not r["question"].strip():
            fail(f"{rid}: empty question")
        for g in gold:
            if g not in notes:
                fail(f"{rid}: gold note {g} does not exist")
        if kind == "no_answer":
            if gold or kws:
                fail(f"{rid}: no_answer must have empty gold and keywords")
        else:
            if not gold:
                fail(f"{rid}: answerable question without gold notes")
            if not 1 <= len(kws) <= 4:
                fail(f"{rid}: needs 1-4 keywords")
            for k in kws:
                if not any(k.lower() in notes.get(g, "").lower() for g in gold):
                    fail(f"{rid}: keyword {k!r} not verbatim in any gold note")
        if kind in ("comparison", "general") and r.get("ticker") is not None:
            fail(f"{rid}: {kind} must have ticker null")
        if kind == "comparison":
            tk = set()
            for g in gold:
                tk |= note_tickers(g) if g in notes else set()
            if len(tk) < 2:
                fail(f"{rid}: comparison gold does not cover two companies")
        if kind not in ("comparison", "general", "no_answer") and r.get("ticker"):
            for g in gold:
                if g in notes and r["ticker"] not in note_tickers(g):
                    fail(f"{rid}: gold {g} is not about {r['ticker']}")
        if kind == "follow_up" or "follows" in r:
            if kind != "follow_up":
                fail(f"{rid}: has follows but kind {kind}")
            if prev is None or r.get("follows") != prev.get("id"):
                fail(f"{rid}: follows must be the previous record's id")
            elif r.get("ticker") != prev.get("ticker"):
                fail(f"{rid}: follow-up ticker differs from previous record")
        if kind == "sentiment":
            t = r.get("ticker")
            expect = {n for n in parsed if PREFIX_TICKER[n.split("-")[0]] == t or t in parsed[n]["tickers"]}
            if set(gold) != expect:
                fail(f"{rid}: sentiment gold should be every note on {t}: {sorted(expect)}")
            labels = {parsed[g]["label"] for g in gold if g in parsed}
            if set(k.lower() for k in kws) != labels:
                fail(f"{rid}: sentiment keywords {kws} != labels {sorted(labels)}")
        if kind == "general":
            pat = THEMES.get(rid)
            if not pat:
                fail(f"{rid}: general question without a theme pattern")
            else:
                expect = {n for n, t in notes.items() if re.search(pat, t, re.I)}
                if set(gold) != expect:
                    fail(f"{rid}: theme gold {sorted(gold)} != notes on theme {sorted(expect)}")
        if r.get("unknown_company"):
            if r.get("ticker") not in INVENTED and kind != "comparison":
                fail(f"{rid}: unknown_company but ticker {r.get('ticker')}")
        if r.get("typo") and kind == "no_answer":
            fail(f"{rid}: typo questions must be answerable")
        if "near_miss" in r:
            if kind != "no_answer":
                fail(f"{rid}: near_miss on a {kind} question")
            if r["near_miss"] not in NEAR_MISS_KINDS:
                fail(f"{rid}: bad near_miss {r['near_miss']!r}")
            if rid not in NEAR_MISS:
                fail(f"{rid}: near miss without recorded nearby text")
        prev = r

    kinds = collections.Counter(r.get("kind") for r in recs)
    if dict(kinds) != EXPECTED_KINDS:
        fail(f"kind counts {dict(kinds)} != {EXPECTED_KINDS}")
    nm = collections.Counter(r["near_miss"] for r in recs if "near_miss" in r)
    for k in NEAR_MISS_KINDS:
        if nm.get(k) != 4:
            fail(f"near_miss {k}: {nm.get(k, 0)} (want 4)")
    uc = [r for r in recs if r.get("unknown_company")]
    if len(uc) < 8 or sum(r["kind"] == "no_answer" for r in uc) != 2:
        fail("unknown_company: need >= 8 questions, exactly 2 unanswerable")
    typos = [r for r in recs if r.get("typo")]
    if len(typos) != 2:
        fail("need exactly 2 typo questions")
    byid = {r["id"]: r for r in recs}

    # ---- near misses: nearby text present, asked fact absent
    for rid, spec in NEAR_MISS.items():
        r = byid.get(rid)
        if not r or "near_miss" not in r:
            fail(f"{rid}: recorded as near miss but question is not one")
            continue
        body = notes.get(spec["note"])
        if body is None:
            fail(f"{rid}: near-miss note {spec['note']} missing")
            continue
        for txt in spec["text"]:
            if txt not in body:
                fail(f"{rid}: nearby text not in {spec['note']}: {txt!r}")
        for scope, pat in spec.get("absent", []):
            for n, t in scoped(notes, scope):
                m = re.search(pat, t, re.I)
                if m:
                    fail(f"{rid}: asked fact may be present in {n}: {m.group(0)!r}")
        if "count" in spec:
            word, cnt = spec["count"]
            total = sum(t.lower().count(word) for t in notes.values())
            if total != cnt:
                fail(f"{rid}: {word!r} appears {total} times in notes (want {cnt}, the passing sentence)")
    for rid, words in OTHER_NO_ANSWER.items():
        r = byid.get(rid)
        if not r or r["kind"] != "no_answer" or "near_miss" in r:
            fail(f"{rid}: should be a plain no_answer question")
        for w in words:
            for n, t in notes.items():
                if re.search(r"\b" + re.escape(w) + r"\b", t, re.I if w.islower() else 0):
                    fail(f"{rid}: {w!r} occurs in {n}")
    plain_na = [r["id"] for r in recs if r["kind"] == "no_answer" and "near_miss" not in r]
    if sorted(plain_na) != sorted(OTHER_NO_ANSWER):
        fail(f"plain no_answer ids {plain_na} != {sorted(OTHER_NO_ANSWER)}")

    if problems:
        for p in problems:
            print("FAIL:", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
