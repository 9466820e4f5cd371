#!/usr/bin/env python3
"""Consistency checks for the ag-short blind evaluation set (stdlib only).

Run from anywhere: python3 check.py  -> prints OK when every check passes,
otherwise prints each failure and exits with status 1.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
PROMPTS = "/work/blind-prompts"  # exclusion lists; the check is skipped with a notice if absent

# ---------------------------------------------------------------- companies
# ticker -> (display name, short-name regex used to spot a named company, notes)
COMPANIES = {
    "SIKA.SW": ("Sika", r"\bsik+a\b", ["sika-q1-2022.txt", "sika-h1-2022.txt", "sika-mbcc.txt"]),
    "RMS.PA": ("Hermès International", r"\bherm[eè]s\b",
               ["hermes-fy2021.txt", "hermes-q1-2022.txt", "comp-hermes-diageo-pricing.txt"]),
    "7974.T": ("Nintendo", r"\bninte?n?do\b",
               ["nintendo-fy2022.txt", "nintendo-oled.txt", "nintendo-q1-fy2023.txt"]),
    "SAMPO.HE": ("Sampo", r"\bsampo\b|\bhastings\b|\bmandatum\b",
                 ["sampo-fy2021.txt", "sampo-h1-2022.txt", "comp-sampo-wkl-h1-2022.txt"]),
    "WKL.AS": ("Wolters Kluwer", r"\bwolters\b|\bkluwer\b|\bwkl?\b",
               ["wkl-fy2021.txt", "wkl-q1-2022.txt", "comp-sampo-wkl-h1-2022.txt",
                "wkl-h1-2022-results.md"]),
    "DGE.L": ("Diageo", r"\bdiageo\b|\bguinness\b",
              ["diageo-h1-fy2022.txt", "diageo-fy2022.txt", "comp-hermes-diageo-pricing.txt"]),
    "AENA.MC": ("Aena", r"\baena\b|\bbarajas\b",
                ["aena-fy2021.txt", "aena-q1-2022.txt", "aena-annual-report-2021.md"]),
    # invented companies
    "DRSG": ("Drossbeck Rail Signalling", r"\bdrossbeck\b|\bdrsg\b",
             ["drossbeck-q1-2022.txt", "drossbeck-cmd-2022.txt",
              "drossbeck-annual-report-2021-p1.md", "drossbeck-annual-report-2021-p2.md"]),
    "OSCS": ("Ostrevan Cold Stores", r"\bostrevan\b|\boscs\b",
             ["ostrevan-fy2021.txt", "ostrevan-h1-2022.txt"]),
}
REAL = ["SIKA.SW", "RMS.PA", "7974.T", "SAMPO.HE", "WKL.AS", "DGE.L", "AENA.MC"]
INVENTED = {"DRSG": "Drossbeck Rail Signalling", "OSCS": "Ostrevan Cold Stores"}
COMPARISON_NOTES = {"comp-hermes-diageo-pricing.txt": ("RMS.PA", "DGE.L"),
                    "comp-sampo-wkl-h1-2022.txt": ("SAMPO.HE", "WKL.AS")}
# real companies that appear only in passing: name -> note holding the one sentence
PASSING = {"Saint-Gobain": "sika-mbcc.txt", "Bandai Namco": "nintendo-oled.txt",
           "Fraport": "aena-q1-2022.txt", "RELX": "wkl-fy2021.txt"}
# The brief mandates Hermes, Nintendo and Diageo, but the excluded-ticker list holds other
# listings of theirs (RMS, HESAY, NTDOY, DEO). The set uses only the mandated listings below
# and never writes those other symbols; this allow-list documents the conflict.
MANDATED_LISTINGS = set(REAL)

# ---------------------------------------------------------------- themes
THEMES = {
    "pricing": r"price increases?|price rises|rate increases|raised prices|pricing actions?|surcharges?\b",
    "labour": r"\b(staff|staffing|labou?r) shortages?\b",
    "semiconductors": r"semiconductor",
}

LABELS = {  # label -> inclusive score range
    "strongly positive": (0.5, 1.0), "mildly positive": (0.15, 0.4999),
    "neutral": (-0.1499, 0.1499), "mildly negative": (-0.4999, -0.15),
    "strongly negative": (-1.0, -0.5),
}
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, delivered the moment markets move.",
    "Real-time signals, sentiment scoring and research workflows for professional investors.",
    "Smarter research for buy-side teams: alerts, analytics and AI summaries.",
}
KIND_COUNTS = {"factual": 18, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
               "sentiment": 3, "unknown_company": 9, "no_answer": 24}
NEAR_MISS_TYPES = ["segment_figure", "passing_company", "product_metric", "undated_event",
                   "other_measure"]

FAIL = []


def fail(msg):
    FAIL.append(msg)


def read(name):
    with open(os.path.join(NOTES, name), encoding="utf-8") as f:
        return f.read()


def all_notes():
    return sorted(n for n in os.listdir(NOTES) if n.endswith((".txt", ".md")))


def theme_gold(theme):
    rx = re.compile(THEMES[theme], re.I)
    return [n for n in all_notes() if rx.search(read(n))]


def scope_notes(scope):
    if scope == "ALL" or scope is None:
        return all_notes()
    if scope in COMPANIES:
        return COMPANIES[scope][2]
    return all_notes()  # passing or uncovered company: nothing anywhere may hold the fact


def words(text):
    return len(text.split())


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z$])", par.strip()) if s]


# ---------------------------------------------------------------- notes
def check_short(name, text, stats):
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    else:
        stats["no_final_newline"] += 1
    if "\u2019" in text:
        stats["curly"] += 1
    i = 0
    if lines[0] == "":
        stats["blank_first"] += 1
        i = 1
    elif re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        stats["date"] += 1
        d = lines[0][6:]
        if not ("2021-01-01" <= d <= "2022-09-30"):
            fail(f"{name}: date {d} outside fiscal 2021 to mid-2022")
        i = 1
    body = lines[i:]
    if len(body) < 8:
        return fail(f"{name}: too few lines")
    news, analysis, tagline, demo, label, ss, score, ts = body[:8]
    extra = body[8:]
    n = len(sentences(news))
    if not 2 <= n <= 4:
        fail(f"{name}: news paragraph has {n} sentences")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    w = words(analysis)
    if not 180 <= w <= 240:
        fail(f"{name}: analytic paragraph has {w} words")
    if tagline not in TAGLINES:
        fail(f"{name}: unknown tagline {tagline!r}")
    stats["taglines"].add(tagline)
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{name}: bad demo/sentiment line {demo!r}")
    if label not in LABELS:
        fail(f"{name}: bad label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        fail(f"{name}: bad sentiment block headers")
    try:
        sc = float(score)
        lo, hi = LABELS.get(label, (-9, 9))
        if not lo <= sc <= hi:
            fail(f"{name}: score {sc} inconsistent with label {label}")
    except ValueError:
        fail(f"{name}: score {score!r} not a number")
    if extra:
        stats["ticker_lines"] += 1
        own = [t for t, c in COMPANIES.items() if name in c[2]]
        for e in extra:
            m = re.fullmatch(r"\$?([A-Z0-9.]+):? (-?\d\.\d\d)", e)
            if not m:
                fail(f"{name}: bad ticker line {e!r}")
            elif m.group(1) not in own:
                fail(f"{name}: ticker line for {m.group(1)} not a covered company of this note")
            else:
                stats["layouts"].add(re.sub(r"[A-Z0-9.]+", "T", e.split(" ")[0]))
    return label


def check_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        return fail(f"{name}: no YAML front matter")
    fm = dict(re.findall(r"^(\w+): *(.+)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            fail(f"{name}: front matter lacks {k}")
    if fm.get("ticker") not in COMPANIES or name not in COMPANIES[fm["ticker"]][2]:
        fail(f"{name}: front-matter ticker {fm.get('ticker')} does not own this note")
    body = m.group(2)
    prose = [l for l in body.splitlines() if not l.startswith("|") and not l.startswith("#")]
    w = words(" ".join(prose))
    if not 900 <= w <= 1100:
        fail(f"{name}: {w} words of prose")
    tables = [l for l in body.splitlines() if l.startswith("|")]
    if not tables:
        fail(f"{name}: no Markdown table")
    headers = [l for l in tables if re.search(r"\b(20\d\d|H[12] 20\d\d|Q[1-4])\b", l)]
    if not headers:
        fail(f"{name}: no fiscal-year or quarter columns")
    if "Sentiment" in body:
        fail(f"{name}: long notes carry no sentiment block")
    if not re.search(r"\b[Ww]e\b|\bthe Company\b", body):
        fail(f"{name}: not in the we/the Company voice")
    return fm["ticker"]


def check_notes():
    names = all_notes()
    short = [n for n in names if n.endswith(".txt")]
    long_ = [n for n in names if n.endswith(".md")]
    if len(short) != 22:
        fail(f"{len(short)} short notes, want 22")
    if len(long_) != 4:
        fail(f"{len(long_)} long notes, want 4")
    mapped = set(n for c in COMPANIES.values() for n in c[2])
    if mapped != set(names):
        fail(f"notes not mapped to companies: {set(names) ^ mapped}")
    stats = Counter()
    stats["taglines"] = set()
    stats["layouts"] = set()
    labels = {}
    for n in short:
        labels[n] = check_short(n, read(n), stats)
    if not 9 <= stats["date"] <= 13:
        fail(f"{stats['date']} notes with a Date line (want about half)")
    if not 11 <= stats["ticker_lines"] <= 15:
        fail(f"{stats['ticker_lines']} notes with ticker lines (want about 13)")
    if stats["no_final_newline"] < 2 or stats["curly"] < 2:
        fail("want some notes without final newline and some with curly apostrophes")
    if not 3 <= len(stats["taglines"]) <= 4:
        fail(f"{len(stats['taglines'])} tagline variants")
    if len(stats["layouts"]) < 3:
        fail(f"ticker line layouts not varied: {stats['layouts']}")
    # per-company counts
    for t in REAL:
        k = len([n for n in COMPANIES[t][2] if n.endswith(".txt")])
        if not 2 <= k <= 3:
            fail(f"{t}: {k} short notes")
    for t in INVENTED:
        k = len([n for n in COMPANIES[t][2] if n.endswith(".txt")])
        if k != 2:
            fail(f"{t}: {k} short notes, want 2")
    owners = Counter()
    for n in names:
        owners[n] = sum(n in c[2] for c in COMPANIES.values())
    multi = sorted(n for n in names if owners[n] > 1)
    if multi != sorted(COMPARISON_NOTES):
        fail(f"comparison notes mismatch: {multi}")
    long_owner = Counter(check_long(n, read(n)) for n in long_)
    if sorted(long_owner.values()) != [1, 1, 2] or long_owner.get("DRSG") != 2:
        fail(f"long notes per company: {dict(long_owner)}")
    if sum(1 for t in long_owner if t in REAL) != 2:
        fail("long notes must cover two real companies")
    # invented companies tied to ticker in text
    for t, nm in INVENTED.items():
        if not any(f"{nm} ({t})" in read(n) for n in COMPANIES[t][2]):
            fail(f"{nm} never introduced as '{nm} ({t})'")
    # passing mentions: one sentence, one note, no figures
    for p, note in PASSING.items():
        holders = [n for n in names if p in read(n)]
        if holders != [note]:
            fail(f"passing company {p} appears in {holders}")
            continue
        sents = [s for par in read(note).split("\n") for s in sentences(par) if p in s]
        if len(sents) != 1 or re.search(r"\d", sents[0]):
            fail(f"passing company {p}: not exactly one figure-free sentence")
    return labels


# ---------------------------------------------------------------- questions
def check_questions(labels):
    qs = [json.loads(l) for l in open(QA, encoding="utf-8") if l.strip()]
    names = set(all_notes())
    for i, q in enumerate(qs):
        if q.get("id") != "q%03d" % (i + 1):
            fail(f"id sequence broken at {q.get('id')}")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{q.get('id')}: missing {k}")
    kinds = Counter(q["kind"] for q in qs)
    for k, v in KIND_COUNTS.items():
        if kinds[k] != v:
            fail(f"kind {k}: {kinds[k]} questions, want {v}")
    if set(kinds) - set(KIND_COUNTS):
        fail(f"unexpected kinds {set(kinds) - set(KIND_COUNTS)}")
    typo = [q for q in qs if q.get("typo")]
    if len(typo) != 2 or any(q["kind"] != "factual" for q in typo):
        fail("want 2 typo questions of kind factual")
    plain_factual = [q for q in qs if q["kind"] == "factual" and not q.get("typo")]
    if len(plain_factual) != 16:
        fail(f"{len(plain_factual)} non-typo factual questions, want 16")
    if sum(all(g.endswith(".md") for g in q["gold_notes"]) for q in plain_factual) != 4:
        fail("want exactly 4 factual questions answered from long notes")
    byid = {q["id"]: q for q in qs}
    any_company = re.compile("|".join(c[1] for c in COMPANIES.values()) + r"|\$?\b\d{4}\.t\b", re.I)
    for i, q in enumerate(qs):
        g, kw = q["gold_notes"], q["answer_keywords"]
        for n in g:
            if n not in names:
                fail(f"{q['id']}: gold note {n} missing")
        texts = [read(n).lower() for n in g if n in names]
        for k in kw:
            if not any(k.lower() in t for t in texts):
                fail(f"{q['id']}: keyword {k!r} not in any gold note")
        answerable = q["kind"] != "no_answer" and q.get("subkind") != "no_answer"
        if answerable and (not g or not kw):
            fail(f"{q['id']}: answerable question without gold or keywords")
        if not answerable and (g or kw):
            fail(f"{q['id']}: unanswerable question has gold/keywords")
        if q["kind"] == "follow_up":
            if i == 0 or q.get("follows") != qs[i - 1]["id"]:
                fail(f"{q['id']}: follow-up not straight after its parent")
            if any_company.search(q["question"]):
                fail(f"{q['id']}: follow-up names a company")
        if q["kind"] == "comparison":
            if q["ticker"] is not None:
                fail(f"{q['id']}: comparison ticker must be null")
            cos = {t for n in g for t, c in COMPANIES.items() if n in c[2]}
            named = {t for t, c in COMPANIES.items() if re.search(c[1], q["question"], re.I)}
            if len(named) != 2 or not named <= cos:
                fail(f"{q['id']}: gold does not cover both named companies")
        if q["kind"] == "general":
            want = theme_gold(q["theme"])
            if sorted(g) != want:
                fail(f"{q['id']}: general gold {g} != theme set {want}")
            if len(want) < 3:
                fail(f"{q['id']}: theme too narrow")
        if q["kind"] == "sentiment" or q.get("subkind") == "sentiment":
            t = q["ticker"]
            sn = sorted(n for n in COMPANIES[t][2] if n.endswith(".txt"))
            if sorted(g) != sn:
                fail(f"{q['id']}: sentiment gold must be all short notes of {t}")
            if sorted(kw) != sorted({labels[n] for n in sn}):
                fail(f"{q['id']}: sentiment keywords must be the labels {sorted({labels[n] for n in sn})}")
        if q["kind"] == "unknown_company" or q.get("unknown_company"):
            if not (q.get("unknown_company") and q["kind"] == "unknown_company"
                    and q["ticker"] in INVENTED):
                fail(f"{q['id']}: unknown_company flag/kind/ticker inconsistent")
        elif q["ticker"] in INVENTED:
            fail(f"{q['id']}: invented-company question without unknown_company kind")
        if q["kind"] in ("factual", "risk", "sentiment") and q["ticker"] in COMPANIES:
            for n in g:
                if n not in COMPANIES[q["ticker"]][2]:
                    fail(f"{q['id']}: gold note {n} not about {q['ticker']}")
        # absent facts
        nmx = q.get("near_miss")
        if nmx:
            if q["kind"] != "no_answer":
                fail(f"{q['id']}: near_miss on a non no_answer question")
            if nmx["nearby"] not in read(nmx["note"]):
                fail(f"{q['id']}: nearby text not in {nmx['note']}")
            scope = q["ticker"] if q["ticker"] in COMPANIES else "ALL"
            if nmx["note"] not in scope_notes(scope):
                fail(f"{q['id']}: near-miss note outside the company's notes")
            rx = re.compile(nmx["absent"], re.I)
            for n in scope_notes(scope):
                m = rx.search(read(n))
                if m:
                    fail(f"{q['id']}: absent-fact regex matches {n}: {m.group(0)!r}")
        elif "absent" in q:
            rx = re.compile(q["absent"], re.I)
            for n in scope_notes(q.get("absent_scope")):
                m = rx.search(read(n))
                if m:
                    fail(f"{q['id']}: absent regex matches {n}: {m.group(0)!r}")
        elif not answerable:
            fail(f"{q['id']}: unanswerable question without absent-fact regex")
    nm = Counter(q["near_miss"]["type"] for q in qs if q.get("near_miss"))
    for t in NEAR_MISS_TYPES:
        if nm[t] != 4:
            fail(f"near-miss type {t}: {nm[t]}, want 4")
    other = Counter(q.get("no_answer_type") for q in qs
                    if q["kind"] == "no_answer" and not q.get("near_miss"))
    if other != Counter({"company_not_covered": 2, "off_topic": 1, "period_not_covered": 1}):
        fail(f"other no-answer questions: {dict(other)}")
    uc = [q for q in qs if q["kind"] == "unknown_company"]
    if sum(bool(q["gold_notes"]) for q in uc) != 7:
        fail("want 7 answerable unknown_company questions")
    if {q.get("subkind") for q in uc if q["gold_notes"]} != {"factual", "risk", "sentiment"}:
        fail("unknown_company questions should span factual, risk and sentiment")
    for p in PASSING:
        if not any(p.lower() in q["question"].lower() for q in qs
                   if (q.get("near_miss") or {}).get("type") == "passing_company"):
            fail(f"no passing_company question about {p}")
    return qs


# ---------------------------------------------------------------- exclusions
def check_exclusions(qs):
    np_, tp = os.path.join(PROMPTS, "excluded_names.txt"), os.path.join(PROMPTS, "excluded_tickers.txt")
    if not (os.path.exists(np_) and os.path.exists(tp)):
        print(f"note: exclusion lists not found under {PROMPTS}; exclusion check skipped")
        return
    raw_names = [l.strip() for l in open(np_, encoding="utf-8") if l.strip()]
    names = []
    for r in raw_names:
        for part in re.split(r"\s*/\s*|,\s*", r):
            part = part.strip().strip('"')
            if part:
                names.append(part)
    tickers = [l.strip() for l in open(tp, encoding="utf-8") if l.strip()]
    corpus = {n: read(n) for n in all_notes()}
    corpus.update({q["id"]: q["question"] for q in qs})
    for src, text in corpus.items():
        for nm in names:
            if re.search(r"(?<![\w])" + re.escape(nm) + r"(?![\w])", text, re.I):
                fail(f"{src}: excluded name {nm!r}")
        for t in tickers:
            if t in MANDATED_LISTINGS:
                continue
            if re.search(r"(?<![A-Za-z0-9.])" + re.escape(t) + r"(?![A-Za-z0-9]|\.[A-Za-z0-9])", text):
                fail(f"{src}: excluded ticker {t!r}")
    name_words = {w.lower().strip(".,\"()") for r in raw_names for w in re.split(r"[\s/]+", r)}
    for nm in INVENTED.values():
        shared = {w.lower() for w in nm.split()} & name_words
        if shared:
            fail(f"invented name {nm} shares words {shared} with the excluded list")
    for t in INVENTED:
        if t in tickers or not re.fullmatch(r"[A-Z]{3,4}", t):
            fail(f"invented ticker {t} excluded or malformed")


def main():
    labels = check_notes()
    qs = check_questions(labels)
    check_exclusions(qs)
    if FAIL:
        for f in FAIL:
            print("FAIL:", f)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
