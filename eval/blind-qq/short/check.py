#!/usr/bin/env python3
"""Consistency checker for the blind-QQc evaluation set (stdlib only).

Run from anywhere:  python3 check.py   -> prints OK or a list of problems.
"""
import collections
import fnmatch
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")

KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
REQUIRED = ["id", "question", "gold_notes", "answer_keywords", "ticker", "kind"]
OPTIONAL = {"follows", "near_miss", "unknown_company", "typo"}

# Companies the notes are about -> a name string that every note about them contains.
COMPANIES = {
    "MATW": "Matthews",
    "CWH": "Camping World",
    "AWR": "American States Water",
    "RYN": "Rayonier",
    "CHDN": "Churchill Downs",
    "TWI": "Titan",
    "MODG": "Topgolf Callaway",
    "DVGS": "Dravemont Grid Storage",
    "FYBP": "Ferncliffe Yearbook Press",
}
INVENTED = {"DVGS", "FYBP"}

# Expected question counts.  "Core" questions are those without unknown_company/typo flags;
# typo questions and answerable unknown_company questions are extra (see README).
CORE_KIND_COUNTS = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4,
                    "general": 3, "sentiment": 3, "no_answer": 22}
EXPECTED_NO_ANSWER = 24
EXPECTED_TYPOS = 2
MIN_UNKNOWN_COMPANY = 8
EXPECTED_UNKNOWN_UNANSWERABLE = 2
EXPECTED_LONG_NOTE_FACTUAL = 4

# For every near miss: the note holding the nearby-but-wrong text, that text (verbatim),
# and "absent" rules (file glob, regex) that must match nowhere, i.e. the asked fact is not stated.
NEAR_MISS = {
    # segment_figure
    "q008": ("chdn-2025q2-derby-record.txt", "record second-quarter 2025 net revenue of $934.4 million",
             [("chdn-*", r"historical racing[^.]*\$"), ("chdn-*", r"HRM[^.]*\$")]),
    "q010": ("matw-fq3-2025-memorialization.txt", "Memorialization segment sales of $201.4 million",
             [("matw-*", r"Industrial Technologies[^.]*\$")]),
    "q015": ("twi-2025q2-results.txt", "lifted consumer segment sales to $142.7 million",
             [("twi-*", r"agricultur\w*[^.]*segment[^.]*\$"), ("twi-*", r"\bag segment")]),
    "q044": ("cwh-2025q1-floorplan.txt", "Camping World\u2019s first-quarter 2025 total revenue came in at $1.39 billion",
             [("*", r"Good Sam[^.]*\$")]),
    # passing_company
    "q005": ("awr-2024-results-dividend.txt",
             "California Water Service Group, a larger peer, has a parallel cost-of-capital application before the same regulator",
             [("*", r"California Water Service[^.]*\d"), ("*", r"Cal Water")]),
    "q032": ("modg-2025q2-results.txt", "Dick\u2019s Sporting Goods also flagged softer golf hardlines on its latest earnings call",
             [("*", r"Dick[\u2019']s[^.]*(comparable|same-store|comps?\b|\d)")]),
    "q043": ("cwh-2025q2-new-units.txt",
             "Patrick Industries, which supplies components to RV builders, said it was cutting a production shift at two Indiana plants",
             [("*", r"Patrick Industries[^.]*(revenue|sales|\$)")]),
    "q057": ("chdn-twinspires-app.txt", "Caesars Entertainment said its regional casino EBITDA fell 3% in the first quarter of 2025",
             [("*", r"Caesars[^.]*(leverage|debt)")]),
    # product_metric
    "q017": ("modg-topgolf-separation-elyte.txt", "launched its Elyte driver family at $599 for the 2025 season",
             [("*", r"Elyte[^.]*(revenue|\bsold\b|units|\bsales\b)")]),
    "q022": ("fybp-spring-2025-season.txt", "launched PageMark, a digital yearbook app priced at $14 per student",
             [("*", r"PageMark[^.]*\d[\d,]* (students|schools|users|downloads|subscribers)"),
              ("*", r"\d[\d,]* (students|schools|users|downloads|subscribers)[^.]*PageMark")]),
    "q052": ("dvgs-2025q2-results.txt",
             "its HaloCell four-hour storage product is being offered to utilities at about $210 per kWh installed",
             [("*", r"HaloCell[^.]*(revenue|\bsold\b|\d+(\.\d+)? (MWh|GWh|units))")]),
    "q058": ("chdn-twinspires-app.txt", "rolled out a redesigned TwinSpires app ahead of the 2025 Triple Crown season",
             [("*", r"\d[\d,.]* (million )?(monthly )?active"),
              ("*", r"TwinSpires[^.]*\d[\d,.]* (million )?(users|customers|accounts|players|downloads)")]),
    # undated_event
    "q020": ("awr-2024-results-dividend.txt",
             "A final decision in Golden State Water\u2019s pending general rate case has not yet been issued",
             [("*", r"(proposed|final) decision[^.]*(20\d\d|quarter|month|January|February|March|April|May|June|July|August|September|October|November|December)")]),
    "q028": ("ryn-2025q2-harvest-pricing.txt", "it intends to pay a special dividend funded by recent timberland sales",
             [("*", r"special dividend[^.]*(20\d\d|quarter|month|payable|record date|January|February|March|April|May|June|July|August|September|October|November|December)")]),
    "q030": ("twi-tariffs-brazil.txt", "plans to start up a new wheel line at its S\u00e3o Paulo, Brazil plant",
             [("*", r"wheel line[^.]*(20\d\d|quarter|month|January|February|March|April|May|June|July|August|September|October|November|December)")]),
    "q056": ("matw-fq3-2025-memorialization.txt", "it expects to close the sale of its warehouse automation business",
             [("*", r"warehouse automation[^.]*(20\d\d|quarter|month|January|February|March|April|May|June|July|August|September|October|November|December)")]),
    # other_measure
    "q003": ("cwh-2025q2-new-units.txt", "New vehicle gross margin compressed to 13.9%",
             [("cwh-*", r"operating (margin|income)"), ("leisure-*", r"operating (margin|income)")]),
    "q025": ("chdn-2025q2-derby-record.txt", "adjusted EBITDA of $451.3 million",
             [("chdn-*", r"net income|net earnings|earnings per share|\bEPS\b")]),
    "q034": ("modg-2025q2-results.txt", "Consolidated gross margin was 43.1%",
             [("modg-*", r"EBITDA"), ("leisure-*", r"EBITDA")]),
    "q049": ("awr-2024-results-dividend.txt", "American States Water reported 2024 diluted EPS of $3.22, up 9.2% from 2023",
             [("awr-*", r"revenue[^.]*(grew|rose|increased|up \d)"), ("awr-*", r"revenue of \$")]),
}
NEAR_MISS_KIND_OF = {
    "q008": "segment_figure", "q010": "segment_figure", "q015": "segment_figure", "q044": "segment_figure",
    "q005": "passing_company", "q032": "passing_company", "q043": "passing_company", "q057": "passing_company",
    "q017": "product_metric", "q022": "product_metric", "q052": "product_metric", "q058": "product_metric",
    "q020": "undated_event", "q028": "undated_event", "q030": "undated_event", "q056": "undated_event",
    "q003": "other_measure", "q025": "other_measure", "q034": "other_measure", "q049": "other_measure",
}
# Other no_answer questions: absent rules only.
OTHER_NO_ANSWER = {
    "q038": [("*", r"2019")],                                   # period no note covers
    "q046": [("*", r"Essential Utilities|WTRG")],               # real company, no notes
    "q064": [("*", r"Lazydays|\bLAZY\b")],                      # real company, no notes
    "q068": [("*", r"sourdough|hydration|\bloaf\b")],           # off-topic
}
# General questions: gold must equal exactly the notes matching the theme regex.
GENERAL_THEMES = {
    "q012": r"tariff|\bduties\b",
    "q035": r"wildfire|\bfires?\b",
    "q059": r"buyback|repurchas",
}

errors = []


def err(msg):
    errors.append(msg)


def load_notes():
    notes = {}
    for name in sorted(os.listdir(NOTES_DIR)):
        with open(os.path.join(NOTES_DIR, name), encoding="utf-8") as f:
            notes[name] = f.read()
    return notes


def parse_short(name, text):
    """Return dict(label, score, tickers, dated) or None after recording errors."""
    lines = text.split("\n")
    demo_idx = [i for i, l in enumerate(lines) if re.fullmatch(r"Request (a )?DemoOverall Sentiment", l)]
    if len(demo_idx) != 1:
        err(f"{name}: expected exactly one 'Request (a) DemoOverall Sentiment' line")
        return None
    d = demo_idx[0]
    head = lines[:d]
    if head and head[0] == "":
        head = head[1:]
    dated = bool(head) and head[0].startswith("Date: ")
    if dated:
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", head[0]):
            err(f"{name}: bad Date line {head[0]!r}")
        head = head[1:]
    if len(head) != 3 or any(not l.strip() for l in head):
        err(f"{name}: expected news paragraph, analytic paragraph, tagline before the demo line, got {len(head)} lines")
        return None
    news, analytic, tagline = head
    sentences = len(re.findall(r"[a-z0-9%)\u2019'][.!?](?=\s+[A-Z]|$)", news))
    if not 2 <= sentences <= 4:
        err(f"{name}: news paragraph has {sentences} sentences (want 2-4)")
    words = len(analytic.split())
    if not 150 <= words <= 300:
        err(f"{name}: analytic paragraph has {words} words (want 150-300)")
    if "analytics" not in tagline.lower() or len(tagline.split()) > 20:
        err(f"{name}: tagline line looks wrong: {tagline!r}")
    tail = lines[d + 1:]
    if len(tail) < 4:
        err(f"{name}: sentiment block truncated")
        return None
    label, score_hdr, score, tick_hdr = tail[:4]
    if label not in LABELS:
        err(f"{name}: label {label!r} not in label set")
    if score_hdr != "Sentiment Score":
        err(f"{name}: expected 'Sentiment Score', got {score_hdr!r}")
    if tick_hdr != "Ticker Sentiment":
        err(f"{name}: expected 'Ticker Sentiment', got {tick_hdr!r}")
    try:
        s = float(score)
    except ValueError:
        err(f"{name}: score {score!r} not a number")
        return None
    if not -1.0 <= s <= 1.0:
        err(f"{name}: score {s} outside [-1, 1]")
    # label / score sign consistency
    if label.endswith("positive") and s <= 0.1 or label.endswith("negative") and s >= -0.1 \
            or label == "neutral" and abs(s) > 0.1:
        err(f"{name}: label {label!r} inconsistent with score {s}")
    tickers = []
    for l in tail[4:]:
        m = re.fullmatch(r"([A-Z]{2,5}) (-?\d\.\d{2})", l)
        if not m:
            err(f"{name}: bad ticker line {l!r}")
            continue
        t, v = m.group(1), float(m.group(2))
        if t not in COMPANIES:
            err(f"{name}: ticker line for unknown ticker {t}")
        elif COMPANIES[t] not in text:
            err(f"{name}: ticker line {t} but note does not name {COMPANIES[t]}")
        if not -1 <= v <= 1:
            err(f"{name}: ticker score out of range {l!r}")
        tickers.append(t)
    if text.endswith("\n"):
        err(f"{name}: short notes end without a trailing newline, like the seeds")
    return {"label": label, "score": s, "tickers": tickers, "dated": dated}


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        err(f"{name}: missing YAML front matter")
        return None
    fm = {}
    for l in m.group(1).split("\n"):
        k, _, v = l.partition(":")
        fm[k.strip()] = v.strip()
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            err(f"{name}: front matter lacks {k}")
    if fm.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm["date"]):
        err(f"{name}: bad front matter date {fm['date']!r}")
    body = m.group(2)
    words = len(body.split())
    if not 800 <= words <= 1500:
        err(f"{name}: long note body has {words} words (want 800-1500)")
    if not re.search(r"^\|.*\|\n\|[-| :]+\|\n", body, re.M):
        err(f"{name}: no Markdown table")
    if not re.search(r"^#+ ", body, re.M):
        err(f"{name}: no headings")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        err(f"{name}: long notes must not carry a sentiment block")
    if not re.search(r"^\| *[A-Z][A-Za-z ,()&-]+ *\| *\(?[\d,.]+", body, re.M):
        err(f"{name}: table lacks labelled rows of figures")
    if not re.search(r"\|\s*FY20\d\d\s*\|", body):
        err(f"{name}: table lacks FY column headers")
    return fm


def main():
    notes = load_notes()
    short = {n: t for n, t in notes.items() if n.endswith(".txt")}
    long_ = {n: t for n, t in notes.items() if n.endswith(".md")}
    other = set(notes) - set(short) - set(long_)
    if other:
        err(f"unexpected files in notes/: {sorted(other)}")
    if len(short) != 22:
        err(f"expected 22 short notes, found {len(short)}")
    if len(long_) != 4:
        err(f"expected 4 long notes, found {len(long_)}")

    parsed = {}
    for n, t in short.items():
        p = parse_short(n, t)
        if p:
            parsed[n] = p
    dated = sum(p["dated"] for p in parsed.values())
    with_ticks = sum(bool(p["tickers"]) for p in parsed.values())
    if not 9 <= dated <= 13:
        err(f"about half the short notes should start with a Date line, found {dated}")
    if not 9 <= with_ticks <= 13:
        err(f"about half the short notes should carry ticker lines, found {with_ticks}")
    curly = sum("\u2019" in t for t in short.values())
    if curly < 3:
        err(f"expected curly apostrophes in several notes, found {curly}")
    if not any(re.search(r"^Request a DemoOverall", t, re.M) for t in short.values()) or \
            not any(re.search(r"^Request DemoOverall", t, re.M) for t in short.values()):
        err("both 'Request a Demo' and 'Request Demo' variants should occur")

    # companies: 9, two notes about two companies
    about = {}
    for n, t in short.items():
        about[n] = {tk for tk, nm in COMPANIES.items() if nm in t}
    two = [n for n, s in about.items() if len(s) == 2]
    if len(two) != 2:
        err(f"expected exactly 2 short notes naming two covered companies, found {two}")
    covered = set().union(*about.values())
    if covered != set(COMPANIES):
        err(f"companies covered by short notes {sorted(covered)} != {sorted(COMPANIES)}")
    for tk in INVENTED:
        if not any(f"({tk})" in t for t in short.values()):
            err(f"invented ticker {tk} is never tied to its name as '(TICKER)'")

    fms = {}
    for n, t in long_.items():
        fm = parse_long(n, t)
        if fm:
            fms[n] = fm
    long_tickers = collections.Counter(fm.get("ticker") for fm in fms.values())
    real_long = {t for t in long_tickers if t not in INVENTED}
    inv_long = {t for t in long_tickers if t in INVENTED}
    if len(real_long) != 2 or len(inv_long) != 1:
        err(f"long notes should cover 2 real + 1 invented company, got {dict(long_tickers)}")

    def note_ticker_ok(name, ticker):
        if name.endswith(".md"):
            return fms.get(name, {}).get("ticker") == ticker
        return COMPANIES.get(ticker, "\0") in notes[name]

    # ---- questions
    recs = []
    with open(QA_PATH, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"qa.jsonl line {i}: bad JSON ({e})")
    if not 64 <= len(recs) <= 70:
        err(f"expected 64-70 questions, found {len(recs)}")
    ids = [r.get("id") for r in recs]
    if len(set(ids)) != len(ids):
        err("duplicate ids")
    for i, r in enumerate(recs):
        if r.get("id") != "q%03d" % (i + 1):
            err(f"record {i + 1}: id {r.get('id')!r} out of sequence")

    lower = {n: t.lower() for n, t in notes.items()}
    for i, r in enumerate(recs):
        rid = r.get("id", f"#{i + 1}")
        for k in REQUIRED:
            if k not in r:
                err(f"{rid}: missing field {k}")
        extra = set(r) - set(REQUIRED) - OPTIONAL
        if extra:
            err(f"{rid}: unexpected fields {sorted(extra)}")
        kind = r.get("kind")
        if kind not in KINDS:
            err(f"{rid}: bad kind {kind!r}")
        gold, kws, tk = r.get("gold_notes", []), r.get("answer_keywords", []), r.get("ticker")
        if not isinstance(r.get("question"), str) or not r.get("question", "").strip():
            err(f"{rid}: empty question")
        for g in gold:
            if g not in notes:
                err(f"{rid}: gold note {g} does not exist")
        for kw in kws:
            if not any(g in notes and kw.lower() in lower[g] for g in gold):
                err(f"{rid}: keyword {kw!r} not found verbatim in any gold note")
        if not 0 <= len(kws) <= 4:
            err(f"{rid}: 1-4 keywords expected")
        if kind == "no_answer":
            if gold or kws:
                err(f"{rid}: no_answer must have empty gold and keywords")
        else:
            if not gold or not kws:
                err(f"{rid}: answerable question needs gold notes and 1-4 keywords")
        if kind in ("comparison", "general"):
            if tk is not None:
                err(f"{rid}: {kind} must have ticker null")
        if kind == "comparison":
            tks = {t for t in COMPANIES if any(note_ticker_ok(g, t) for g in gold)}
            if len(tks) < 2:
                err(f"{rid}: comparison gold does not cover two companies")
        if kind in ("factual", "risk", "sentiment", "follow_up") and tk is not None:
            for g in gold:
                if g in notes and not note_ticker_ok(g, tk):
                    err(f"{rid}: gold note {g} is not about {tk}")
        if kind == "sentiment":
            labels = set()
            for g in gold:
                if g not in parsed:
                    err(f"{rid}: sentiment gold {g} is not a parsed short note")
                else:
                    labels.add(parsed[g]["label"])
            if labels != set(kws):
                err(f"{rid}: sentiment keywords {kws} != gold labels {sorted(labels)}")
            if tk:
                allnotes = {n for n in short if tk in about.get(n, set())}
                if allnotes != set(gold):
                    err(f"{rid}: sentiment gold should be every short note on {tk}: {sorted(allnotes)}")
        if kind == "follow_up":
            if i == 0 or r.get("follows") != recs[i - 1].get("id"):
                err(f"{rid}: follows must be the previous record's id")
            elif recs[i - 1].get("ticker") != tk:
                err(f"{rid}: follow_up ticker differs from the previous record")
        elif "follows" in r:
            err(f"{rid}: only follow_up records carry 'follows'")
        if r.get("typo"):
            if kind == "no_answer":
                err(f"{rid}: typo questions must be answerable")
            name = COMPANIES.get(tk, "")
            if name and name.lower() in r["question"].lower():
                err(f"{rid}: typo question spells the company name correctly")
        if r.get("unknown_company") and tk not in INVENTED:
            err(f"{rid}: unknown_company question not about an invented company")
        if tk in INVENTED and not r.get("unknown_company"):
            err(f"{rid}: question about invented company lacks unknown_company flag")
        nm = r.get("near_miss")
        if nm is not None and kind != "no_answer":
            err(f"{rid}: near_miss only on no_answer")
        if nm is not None and nm not in NEAR_MISS_KINDS:
            err(f"{rid}: bad near_miss kind {nm!r}")

    # ---- counts
    core = collections.Counter(r["kind"] for r in recs if not r.get("typo") and not r.get("unknown_company"))
    for k, v in CORE_KIND_COUNTS.items():
        if core.get(k, 0) != v:
            err(f"core count for {k}: {core.get(k, 0)} != {v}")
    n_no = sum(r["kind"] == "no_answer" for r in recs)
    if n_no != EXPECTED_NO_ANSWER:
        err(f"no_answer count {n_no} != {EXPECTED_NO_ANSWER}")
    n_typo = sum(bool(r.get("typo")) for r in recs)
    if n_typo != EXPECTED_TYPOS:
        err(f"typo count {n_typo} != {EXPECTED_TYPOS}")
    unk = [r for r in recs if r.get("unknown_company")]
    if len(unk) < MIN_UNKNOWN_COMPANY:
        err(f"unknown_company count {len(unk)} < {MIN_UNKNOWN_COMPANY}")
    if sum(r["kind"] == "no_answer" for r in unk) != EXPECTED_UNKNOWN_UNANSWERABLE:
        err("exactly 2 unknown_company questions must be unanswerable")
    long_factual = sum(r["kind"] == "factual" and not r.get("unknown_company")
                       and any(g.endswith(".md") for g in r["gold_notes"]) for r in recs)
    if long_factual != EXPECTED_LONG_NOTE_FACTUAL:
        err(f"core factual questions answered from long notes: {long_factual} != {EXPECTED_LONG_NOTE_FACTUAL}")
    nm_counts = collections.Counter(r.get("near_miss") for r in recs if r.get("near_miss"))
    for k in NEAR_MISS_KINDS:
        if nm_counts.get(k, 0) != 4:
            err(f"near_miss {k}: {nm_counts.get(k, 0)} != 4")

    # ---- near misses: nearby text present, asked fact absent
    by_id = {r["id"]: r for r in recs}
    nm_ids = {r["id"] for r in recs if r.get("near_miss")}
    if nm_ids != set(NEAR_MISS):
        err(f"near-miss ids in qa.jsonl {sorted(nm_ids)} != table {sorted(NEAR_MISS)}")

    def check_absent(rid, rules):
        for glob, pat in rules:
            for n, t in notes.items():
                if fnmatch.fnmatch(n, glob) and re.search(pat, t, re.I):
                    m = re.search(pat, t, re.I)
                    err(f"{rid}: asked fact may be present in {n}: {m.group(0)!r}")

    for rid, (note, text, rules) in NEAR_MISS.items():
        r = by_id.get(rid)
        if r is None:
            err(f"{rid}: near-miss id missing from qa.jsonl")
            continue
        if r.get("near_miss") != NEAR_MISS_KIND_OF[rid]:
            err(f"{rid}: near_miss kind {r.get('near_miss')} != {NEAR_MISS_KIND_OF[rid]}")
        if note not in notes:
            err(f"{rid}: near-miss note {note} missing")
        elif text not in notes[note]:
            err(f"{rid}: nearby text not found in {note}: {text!r}")
        check_absent(rid, rules)
        if r.get("near_miss") == "passing_company":
            # company named in exactly one note, and it is not one of the covered companies
            if r.get("ticker") in COMPANIES:
                err(f"{rid}: passing-company question should be about a company the notes only mention")
            hits = [n for n, t in notes.items() if text.split(",")[0].split(" said")[0].split(" also")[0] in t]
            if hits != [note]:
                err(f"{rid}: passing company should appear only in {note}, found {hits}")
    for rid, rules in OTHER_NO_ANSWER.items():
        r = by_id.get(rid)
        if r is None or r.get("kind") != "no_answer" or r.get("near_miss"):
            err(f"{rid}: expected a plain no_answer record")
            continue
        check_absent(rid, rules)
    other_no = {r["id"] for r in recs if r["kind"] == "no_answer" and not r.get("near_miss")}
    if other_no != set(OTHER_NO_ANSWER):
        err(f"plain no_answer ids {sorted(other_no)} != {sorted(OTHER_NO_ANSWER)}")

    # ---- general: gold = every note on the theme
    gen_ids = {r["id"] for r in recs if r["kind"] == "general"}
    if gen_ids != set(GENERAL_THEMES):
        err(f"general ids {sorted(gen_ids)} != {sorted(GENERAL_THEMES)}")
    for rid, pat in GENERAL_THEMES.items():
        r = by_id.get(rid)
        if not r:
            continue
        theme = {n for n, t in notes.items() if re.search(pat, t, re.I)}
        if theme != set(r["gold_notes"]):
            err(f"{rid}: gold {sorted(r['gold_notes'])} != notes on theme {sorted(theme)}")

    if errors:
        for e in errors:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
