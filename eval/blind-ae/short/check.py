#!/usr/bin/env python3
"""Self-check for the ae-short blind evaluation set (Python 3 stdlib only).

Usage: python3 check.py [--excluded-dir DIR]

Checks note format, question counts per kind, answer keywords against gold notes,
theme regexes for the general questions, sentiment gold sets and labels, near-miss
nearby/absent text, passing-company mentions, and the exclusion lists.
Prints OK when every check passes; otherwise lists the failures and exits 1.
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
DEFAULT_EXCLUDED_DIR = "/work/blind-prompts"

# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------
# ticker -> (display name, aliases used to detect mentions, invented?)
COMPANIES = {
    "ML.PA": ("Michelin", ["michelin", "ml.pa"], False),
    "WTB.L": ("Whitbread", ["whitbread", "wtb"], False),
    "6367.T": ("Daikin Industries", ["daikin", "6367"], False),
    "BXB.AX": ("Brambles", ["brambles", "bxb"], False),
    "TSCO": ("Tractor Supply", ["tractor supply", "tsco"], False),
    "BRBY.L": ("Burberry", ["burberry", "brby"], False),
    "WEIR.L": ("Weir Group", ["weir"], False),
    "ZNDS": ("Zenthrova Desalination", ["zenthrova", "znds"], True),
    "KVPR": ("Korvessa Vertical Produce", ["korvessa", "kvpr"], True),
}
# name patterns that mark a company as a *main* company of a short note (searched in the news paragraph)
MAIN_PATTERNS = {
    "ML.PA": r"\bMichelin", "WTB.L": r"\bWhitbread", "6367.T": r"\bDaikin", "BXB.AX": r"\bBrambles",
    "TSCO": r"\bTractor Supply", "BRBY.L": r"\bBurberry", "WEIR.L": r"\bWeir\b", "ZNDS": r"\bZenthrova",
    "KVPR": r"\bKorvessa",
}
# real companies that appear only in passing (one sentence, no figures)
PASSING = {"Bridgestone": "5108.T", "Carrier Global": "CARR", "Prada": "1913.HK", "Metso": "METSO.HE"}
# real companies with no notes at all (asked about in no-answer questions)
NO_NOTES = {"Ferguson": "FERG", "Atlas Copco": "ATCO-A.ST"}

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]


def label_for(score):
    if score >= 0.5:
        return "strongly positive"
    if score >= 0.15:
        return "mildly positive"
    if score > -0.15:
        return "neutral"
    if score > -0.5:
        return "mildly negative"
    return "strongly negative"


# general-question themes: gold = every note (short or long) whose text matches the regex
THEMES = {
    "wages": r"\bwages?\b",
    "translation": r"translat",
    "destocking": r"destock",
}

# used inside absent regexes as {DATE}: any expression that would date an event
DATE = (r"(20\d\d|\bFY\s?\d|\bQ[1-4]\b|\bH[12]\b|quarter|month|January|February|March|April|May|June|July|"
        r"August|September|October|November|December|spring|summer|autumn|winter|next year|this year|year-end)")

EXPECTED_COUNTS = {
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3,
    "typo": 2, "unknown_answerable": 7, "unknown_unanswerable": 2, "no_answer": 24,
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9][A-Z0-9.]*?)(:?) (-?\d\.\d{2})$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"\u201c$£€¥(])")

failures = []


def fail(msg):
    failures.append(msg)


def norm(s):
    return s.replace("\u2019", "'").replace("\u2018", "'").lower()


def sentences(text):
    out = []
    for line in text.splitlines():
        out.extend(s for s in SENT_SPLIT.split(line) if s.strip())
    return out


def absent_hits(regex, text):
    """Return the matches of an absent regex. 'A && B' means: no sentence matches both A and B."""
    regex = regex.replace("{DATE}", DATE)
    if " && " in regex:
        parts = [re.compile(p, re.I) for p in regex.split(" && ")]
        return [s for s in sentences(text) if all(p.search(s) for p in parts)]
    return [m.group(0) for m in re.finditer(regex, text, re.I)]


# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------
def parse_short(name, raw):
    info = {"name": name, "raw": raw}
    lines = raw.split("\n")
    if raw.endswith("\n"):
        lines = lines[:-1]
    info["final_newline"] = raw.endswith("\n")
    info["first"] = "none"
    if lines and lines[0] == "":
        info["first"] = "blank"
        lines = lines[1:]
    elif lines and lines[0].startswith("Date: "):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            fail(f"{name}: bad Date line {lines[0]!r}")
        info["first"] = "date"
        info["date"] = lines[0][6:]
        lines = lines[1:]
    if len(lines) < 8:
        fail(f"{name}: too few lines ({len(lines)})")
        return None
    news, analysis, tagline, demo, label, score_hdr, score, ts_hdr = lines[:8]
    tickers = lines[8:]
    info.update(news=news, analysis=analysis, tagline=tagline, demo=demo, label=label, tickers=tickers)
    if ts_hdr != "Ticker Sentiment":
        fail(f"{name}: expected 'Ticker Sentiment', got {ts_hdr!r}")
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{name}: demo/sentiment line is {demo!r}")
    if label not in LABELS:
        fail(f"{name}: unknown label {label!r}")
    if score_hdr != "Sentiment Score":
        fail(f"{name}: expected 'Sentiment Score', got {score_hdr!r}")
    try:
        val = float(score)
        info["score"] = val
        if not -1 <= val <= 1 or label_for(val) != label:
            fail(f"{name}: score {score} does not fit label {label!r}")
    except ValueError:
        fail(f"{name}: score not a number {score!r}")
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail(f"{name}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    n_words = len(analysis.split())
    if not 180 <= n_words <= 240:
        fail(f"{name}: analytic paragraph has {n_words} words")
    if "Overall Sentiment" in news + analysis + tagline:
        fail(f"{name}: sentiment block inside prose")
    main = [t for t, p in MAIN_PATTERNS.items() if re.search(p, news)]
    info["main"] = main
    if not main:
        fail(f"{name}: no covered company named in news paragraph")
    if tickers:
        seen = []
        for tl in tickers:
            m = TICKER_LINE.match(tl)
            if not m:
                fail(f"{name}: bad ticker line {tl!r}")
                continue
            seen.append(m.group(2))
            if not -1 <= float(m.group(4)) <= 1:
                fail(f"{name}: ticker score out of range {tl!r}")
        if sorted(seen) != sorted(main):
            fail(f"{name}: ticker lines {seen} != main companies {main}")
    return info


def parse_long(name, raw):
    info = {"name": name, "raw": raw}
    m = re.match(r"---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m:
        fail(f"{name}: missing YAML front matter")
        return None
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    for key in ("company", "ticker", "title", "date"):
        if not fm.get(key):
            fail(f"{name}: front matter lacks {key}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        fail(f"{name}: bad date {fm.get('date')!r}")
    t = fm.get("ticker")
    if t not in COMPANIES:
        fail(f"{name}: unknown ticker {t!r}")
    elif not norm(fm.get("company", "")).startswith(COMPANIES[t][1][0]):
        fail(f"{name}: company {fm.get('company')!r} does not match ticker {t}")
    body = m.group(2)
    prose = [ln for ln in body.splitlines() if not ln.strip().startswith("|")]
    words = sum(len(ln.replace("#", " ").split()) for ln in prose)
    if not 900 <= words <= 1100:
        fail(f"{name}: {words} prose words (want 900-1100)")
    tables = re.findall(r"^\|.*\|\n\|[-| :]+\|\n", body, re.M)
    if not tables:
        fail(f"{name}: no Markdown table")
    if not re.search(r"\b(FY\s?20\d\d|Fiscal 20\d\d|H[12] 20\d\d|Q[1-4] 20\d\d)\b", body):
        fail(f"{name}: tables lack fiscal-year or quarter columns")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        fail(f"{name}: long note has a sentiment block")
    if not re.search(r"\b(we|We|our|the Company)\b", body):
        fail(f"{name}: not in the company voice")
    info.update(ticker=t, main=[t] if t else [], front=fm)
    return info


def load_notes():
    short, long_ = {}, {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        path = os.path.join(NOTES_DIR, fn)
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        if fn.endswith(".txt"):
            info = parse_short(fn, raw)
            if info:
                short[fn] = info
        elif fn.endswith(".md"):
            info = parse_long(fn, raw)
            if info:
                long_[fn] = info
        else:
            fail(f"unexpected file in notes/: {fn}")
    return short, long_


def check_note_set(short, long_):
    if len(short) != 22:
        fail(f"{len(short)} short notes (want 22)")
    if len(long_) != 4:
        fail(f"{len(long_)} long notes (want 4)")
    with_tickers = sum(1 for n in short.values() if n["tickers"])
    if not 12 <= with_tickers <= 14:
        fail(f"{with_tickers} short notes with ticker lines (want about 13)")
    dated = sum(1 for n in short.values() if n["first"] == "date")
    if not 9 <= dated <= 13:
        fail(f"{dated} short notes with a Date line (want about half)")
    if sum(1 for n in short.values() if not n["final_newline"]) < 3:
        fail("fewer than 3 short notes without a final newline")
    if sum(1 for n in short.values() if "\u2019" in n["raw"]) < 3:
        fail("fewer than 3 short notes with curly apostrophes")
    tags = {n["tagline"] for n in short.values()}
    if not 3 <= len(tags) <= 4:
        fail(f"{len(tags)} tagline variants (want 3-4)")
    if len({n["demo"] for n in short.values()}) != 2:
        fail("both 'Request a Demo' and 'Request Demo' variants should be used")
    if len({n["label"] for n in short.values()}) < 4:
        fail("too few distinct sentiment labels")
    # coverage per company
    per = {t: 0 for t in COMPANIES}
    for n in short.values():
        for t in n["main"]:
            per[t] += 1
    for t, c in per.items():
        want = (2, 2) if COMPANIES[t][2] else (2, 3)
        if not want[0] <= c <= want[1]:
            fail(f"{t}: {c} short notes (want {want[0]}-{want[1]})")
    pairs = [n for n in short.values() if len(n["main"]) == 2]
    if len(pairs) != 2 or any(len(n["main"]) > 2 for n in short.values()):
        fail(f"want exactly two short notes covering two companies, got {[n['name'] for n in pairs]}")
    for n in pairs:
        if any(COMPANIES[t][2] for t in n["main"]):
            fail(f"{n['name']}: comparison notes should pair real companies")
    # long notes: two real companies, one invented company with two pages
    lt = [n["ticker"] for n in long_.values()]
    real = {t for t in lt if t in COMPANIES and not COMPANIES[t][2]}
    inv = [t for t in lt if t in COMPANIES and COMPANIES[t][2]]
    if len(real) != 2 or len(inv) != 2 or len(set(inv)) != 1:
        fail(f"long notes should cover two real companies and one invented company twice, got {lt}")
    # invented companies are tied to their tickers in text
    alltext = "\n".join(n["raw"] for n in list(short.values()) + list(long_.values()))
    for t, (name, _, invented) in COMPANIES.items():
        if invented and f"{name} ({t})" not in alltext:
            fail(f"invented company {name} never introduced as '{name} ({t})'")
    # passing companies: exactly one note, one sentence, no figures
    for pname in PASSING:
        hits = [(fn, s) for fn, n in list(short.items()) + list(long_.items())
                for s in sentences(n["raw"]) if pname.split()[0] in s]
        if len(hits) != 1:
            fail(f"passing company {pname} appears in {len(hits)} sentences (want 1)")
            continue
        fn, s = hits[0]
        if fn not in short or not short[fn]["main"]:
            fail(f"passing company {pname} should sit in a short note about a covered company")
        if re.search(r"\d", s):
            fail(f"passing company {pname}: sentence has figures: {s!r}")
    return alltext


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------
def mentions(question, ticker):
    qn = norm(question)
    return any(a in qn for a in COMPANIES[ticker][1])


def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_unanswerable" if q["kind"] == "no_answer" else "unknown_answerable"
    return q["kind"]


def check_questions(short, long_, alltext):
    notes = {**short, **long_}
    qs = []
    with open(QA_PATH, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"qa.jsonl line {i}: {e}")
    counts = {}
    near = {}
    long_factual = 0
    for i, q in enumerate(qs):
        qid = q.get("id")
        if qid != f"q{i + 1:03d}":
            fail(f"question {i + 1}: id {qid!r} out of sequence")
        for key in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if key not in q:
                fail(f"{qid}: missing {key}")
        cat = category(q)
        counts[cat] = counts.get(cat, 0) + 1
        gold, kws, kind = q["gold_notes"], q["answer_keywords"], q["kind"]
        for g in gold:
            if g not in notes:
                fail(f"{qid}: gold note {g} does not exist")
        gold_text = norm("\n".join(notes[g]["raw"] for g in gold if g in notes))
        if kind == "no_answer":
            if gold or kws:
                fail(f"{qid}: no_answer question with gold or keywords")
        else:
            if not gold or not kws:
                fail(f"{qid}: answerable question without gold notes or keywords")
            for k in kws:
                if norm(k) not in gold_text:
                    fail(f"{qid}: keyword {k!r} not in its gold notes")
        t = q["ticker"]
        if kind in ("factual", "risk", "sentiment", "follow_up") and t not in COMPANIES:
            fail(f"{qid}: ticker {t!r} is not a covered company")
        if kind in ("factual", "risk", "sentiment") and not q.get("typo") and not mentions(q["question"], t):
            fail(f"{qid}: question does not name its company")
        if kind in ("factual", "risk", "sentiment", "follow_up"):
            for g in gold:
                if g in notes and t not in notes[g]["main"]:
                    fail(f"{qid}: gold note {g} is not about {t}")
        if kind == "factual" and not q.get("unknown_company") and gold and all(g.endswith(".md") for g in gold):
            long_factual += 1
        if kind == "follow_up":
            prev = qs[i - 1] if i else None
            if not prev or q.get("follows") != prev.get("id"):
                fail(f"{qid}: follow-up must follow its parent directly")
            elif prev["ticker"] != t:
                fail(f"{qid}: follow-up ticker differs from parent")
            if any(mentions(q["question"], c) for c in COMPANIES):
                fail(f"{qid}: follow-up names a company")
        if kind == "comparison":
            named = [c for c in COMPANIES if mentions(q["question"], c)]
            covered = {c for g in gold if g in notes for c in notes[g]["main"]}
            if t is not None or len(named) != 2 or not set(named) <= covered:
                fail(f"{qid}: comparison needs ticker null and gold covering both {named}")
        if kind == "general":
            theme = q.get("theme")
            if theme not in THEMES:
                fail(f"{qid}: unknown theme {theme!r}")
            else:
                want = sorted(fn for fn, n in notes.items() if re.search(THEMES[theme], n["raw"], re.I))
                if sorted(gold) != want:
                    fail(f"{qid}: gold {sorted(gold)} != theme '{theme}' matches {want}")
            if t is not None:
                fail(f"{qid}: general question should have ticker null")
        if kind == "sentiment":
            want = sorted(fn for fn, n in short.items() if t in n["main"])
            if sorted(gold) != want:
                fail(f"{qid}: sentiment gold {sorted(gold)} != all short notes {want}")
            labels = sorted({short[g]["label"] for g in want})
            if sorted(set(kws)) != labels:
                fail(f"{qid}: sentiment keywords {kws} != labels {labels}")
        if q.get("typo"):
            if kind != "factual":
                fail(f"{qid}: typo question should be factual")
            if mentions(q["question"], t):
                fail(f"{qid}: typo question spells the company correctly")
            words = re.findall(r"[a-z]+", norm(q["question"]))
            target = COMPANIES[t][1][0].split()[0]
            if not any(difflib.SequenceMatcher(None, w, target).ratio() >= 0.75 for w in words):
                fail(f"{qid}: no misspelling of {target!r} found")
        if q.get("unknown_company"):
            if t not in COMPANIES or not COMPANIES[t][2]:
                fail(f"{qid}: unknown_company question with ticker {t!r}")
            if kind not in ("factual", "risk", "sentiment", "no_answer"):
                fail(f"{qid}: unknown_company kind {kind}")
            if kind == "no_answer":
                for fn in q.get("absent_notes", []):
                    if fn not in notes:
                        fail(f"{qid}: absent note {fn} missing")
                        continue
                    hits = absent_hits(q["absent_regex"], notes[fn]["raw"])
                    if hits:
                        fail(f"{qid}: absent fact found in {fn}: {hits[:2]}")
                if sorted(q.get("absent_notes", [])) != sorted(fn for fn, n in notes.items() if t in n["main"]):
                    fail(f"{qid}: absent_notes should list every note about {t}")
        if q.get("near_miss"):
            nk = q["near_miss"]
            near[nk] = near.get(nk, 0) + 1
            if nk not in NEAR_MISS_KINDS or kind != "no_answer":
                fail(f"{qid}: bad near miss kind {nk!r}/{kind}")
            fn = q.get("near_note")
            if fn not in notes:
                fail(f"{qid}: near_note {fn!r} missing")
                continue
            if q.get("nearby_text", "\0") not in notes[fn]["raw"].replace("\u2019", "'"):
                fail(f"{qid}: nearby text not found in {fn}")
            hits = absent_hits(q["absent_regex"], notes[fn]["raw"])
            if hits:
                fail(f"{qid}: absent fact regex matched in {fn}: {hits[:2]}")
            if nk == "passing_company":
                if not any(p.lower() in norm(q["question"]) and PASSING[p] == t for p in PASSING):
                    fail(f"{qid}: passing-company question should name a passing company and its ticker")
        elif kind == "no_answer" and not q.get("unknown_company"):
            reason = q.get("no_answer_reason")
            if reason not in ("no_notes", "off_topic", "period"):
                fail(f"{qid}: no_answer without near_miss or reason")
            hits = absent_hits(q.get("absent_regex", "(?!)"), alltext)
            if hits:
                fail(f"{qid}: absent regex matched in notes: {hits[:2]}")
            if reason == "no_notes" and not any(n.lower() in norm(q["question"]) and NO_NOTES[n] == t
                                                for n in NO_NOTES):
                fail(f"{qid}: no_notes question should name a real company without notes")
    for cat, want in EXPECTED_COUNTS.items():
        if counts.get(cat, 0) != want:
            fail(f"{counts.get(cat, 0)} questions of category {cat} (want {want})")
    extra = set(counts) - set(EXPECTED_COUNTS)
    if extra:
        fail(f"unexpected question categories {extra}")
    near_total = sum(near.values())
    if near_total != 20 or any(near.get(k, 0) != 4 for k in NEAR_MISS_KINDS):
        fail(f"near misses per kind {near} (want 4 of each)")
    if long_factual != 4:
        fail(f"{long_factual} factual questions answered from long notes (want 4)")
    return qs


# ---------------------------------------------------------------------------
# Exclusions
# ---------------------------------------------------------------------------
def check_exclusions(alltext, qs, excluded_dir):
    names_path = os.path.join(excluded_dir, "excluded_names.txt")
    tick_path = os.path.join(excluded_dir, "excluded_tickers.txt")
    if not (os.path.exists(names_path) and os.path.exists(tick_path)):
        print(f"exclusions: SKIPPED (lists not found in {excluded_dir})")
        return
    with open(names_path, encoding="utf-8") as fh:
        raw_names = [ln.strip() for ln in fh if ln.strip()]
    with open(tick_path, encoding="utf-8") as fh:
        tickers = {ln.strip() for ln in fh if ln.strip()}
    names = set()
    for ln in raw_names:
        for part in re.split(r"\s*/\s*|,\s*", ln):
            part = part.strip().strip('"').strip()
            if part:
                names.add(part)
    qtext = "\n".join(q["question"] for q in qs)
    for text, where in ((alltext, "notes"), (qtext, "questions")):
        for nm in names:
            if re.search(r"(?<!\w)" + re.escape(nm) + r"(?!\w)", text, re.I):
                fail(f"excluded name {nm!r} appears in {where}")
        for tok in re.findall(r"(?<![\w$.])\$?([A-Z0-9][A-Z0-9.\-]*[A-Z0-9]|[A-Z])(?![\w])", text):
            if re.search(r"[A-Z]", tok) and tok in tickers:
                fail(f"excluded ticker {tok!r} appears in {where}")
    used = set(COMPANIES) | set(PASSING.values()) | set(NO_NOTES.values()) | {q["ticker"] for q in qs if q["ticker"]}
    for t in sorted(used):
        if t in tickers or t.split(".")[0] in tickers:
            fail(f"ticker {t} is on the exclusion list")
    excl_words = {w.lower() for nm in raw_names for w in re.findall(r"[\w']+", nm)}
    for t, (name, _, invented) in COMPANIES.items():
        if invented:
            shared = {w.lower() for w in name.split()} & excl_words
            if shared:
                fail(f"invented name {name!r} shares words {shared} with the exclusion list")
            if any(name.split()[0].lower() in w for w in excl_words):
                fail(f"invented name {name!r}: coined word overlaps an excluded name")
    for pname in list(PASSING) + list(NO_NOTES):
        if pname.lower() in {n.lower() for n in names}:
            fail(f"{pname} is an excluded name")


def main():
    excluded_dir = DEFAULT_EXCLUDED_DIR
    if "--excluded-dir" in sys.argv:
        excluded_dir = sys.argv[sys.argv.index("--excluded-dir") + 1]
    short, long_ = load_notes()
    alltext = check_note_set(short, long_)
    qs = check_questions(short, long_, alltext)
    check_exclusions(alltext, qs, excluded_dir)
    if failures:
        for f in failures:
            print("FAIL:", f)
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print(f"{len(short)} short notes, {len(long_)} long notes, {len(qs)} questions")
    print("OK")


if __name__ == "__main__":
    main()
