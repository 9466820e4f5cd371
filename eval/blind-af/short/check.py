#!/usr/bin/env python3
"""Consistency checks for the af-short blind evaluation set (stdlib only).

Run from anywhere:  python3 check.py
Prints one line per failed check and exits 1, or prints OK.

The exclusion lists are read from $EXCL_DIR (default /work/blind-prompts); if they are
absent, the exclusion check is skipped with a note on stderr.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCL_DIR", "/work/blind-prompts")

ERRORS = []


def fail(msg):
    ERRORS.append(msg)


# --------------------------------------------------------------------------- config
CHKP, KONE, ATD, SGS, DSV, ORLY, WST = "CHKP", "KNEBV.HE", "ATD.TO", "SGSN.SW", "DSV.CO", "ORLY", "WST"
VQTP, BVCN = "VQTP", "BVCN"

COMPANIES = {
    # ticker: (display name, string that must occur in each of its notes, invented?)
    CHKP: ("Check Point Software", "Check Point", False),
    KONE: ("Kone", "Kone", False),
    ATD: ("Alimentation Couche-Tard", "Couche-Tard", False),
    SGS: ("SGS", "SGS", False),
    DSV: ("DSV", "DSV", False),
    ORLY: ("O'Reilly Automotive", "Reilly", False),
    WST: ("West Pharmaceutical Services", "West", False),
    VQTP: ("Velquarra Tidal Power", "Velquarra", True),
    BVCN: ("Brenvalto Cinemas", "Brenvalto", True),
}
REAL = [t for t, c in COMPANIES.items() if not c[2]]
INVENTED = [t for t, c in COMPANIES.items() if c[2]]

# Main companies of every short note (comparison notes carry two).
COVER = {
    "chkp-q4-2030-results.txt": [CHKP],
    "chkp-q1-2031-margins.txt": [CHKP],
    "chkp-lumora-acquisition.txt": [CHKP],
    "kone-q1-2031.txt": [KONE],
    "kone-india-plant.txt": [KONE],
    "dsv-kone-nordic-compare.txt": [DSV, KONE],
    "atd-q2-fy2031.txt": [ATD],
    "atd-q4-fy2031.txt": [ATD],
    "orly-atd-compare.txt": [ORLY, ATD],
    "sgs-fy2030-results.txt": [SGS],
    "sgs-h1-2031.txt": [SGS],
    "sgs-verity-launch.txt": [SGS],
    "dsv-q4-2030.txt": [DSV],
    "dsv-q2-2031-integration.txt": [DSV],
    "orly-q4-2030.txt": [ORLY],
    "orly-q1-2031.txt": [ORLY],
    "wst-q1-2031.txt": [WST],
    "wst-vireon-waterford.txt": [WST],
    "velquarra-h1-2031.txt": [VQTP],
    "velquarra-skerrow-cable-fault.txt": [VQTP],
    "brenvalto-fy2030.txt": [BVCN],
    "brenvalto-q1-2031.txt": [BVCN],
}
LONG = {
    "kone-annual-report-2030.md": KONE,
    "wst-10k-2030.md": WST,
    "velquarra-ar2030-operating-review.md": VQTP,
    "velquarra-ar2030-financial-review.md": VQTP,
}

# Real companies that appear only in passing: name -> (ticker, the one note they appear in)
PASSING = {
    "Fortinet": ("FTNT", "chkp-q4-2030-results.txt"),
    "Bureau Veritas": ("BVI.PA", "sgs-fy2030-results.txt"),
    "Kuehne+Nagel": ("KNIN.SW", "dsv-q4-2030.txt"),
    "AutoZone": ("AZO", "orly-q4-2030.txt"),
}
# Real companies asked about that have no notes at all (must not occur in any note).
NO_NOTES = {"q025": "Intertek", "q067": "DHL"}

TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade research, instant alerts and portfolio analytics in one platform.",
    "Real-time equity research and risk analytics built for professional investors.",
    "Smarter research workflows, live alerts and portfolio insight for investment teams.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABELS = {  # label -> inclusive score range
    "strongly positive": (0.6, 1.0),
    "mildly positive": (0.15, 0.6),
    "neutral": (-0.15, 0.15),
    "mildly negative": (-0.6, -0.15),
    "strongly negative": (-1.0, -0.6),
}
TICKER_LINE = re.compile(r"^\$?([A-Z]{2,5}(?:\.[A-Z]{2})?):? (-?\d\.\d{2})$")
DATE_LINE = re.compile(r"^Date: (20\d\d)-(\d\d)-(\d\d)$")

# General questions: theme regex over ALL notes (short and long) == gold set.
THEMES = {
    "q018": r"\bprice increases?\b|\bpricing actions?\b",
    "q038": r"\bwages?\b|\bheadcount\b|\blabou?r costs?\b",
    "q062": r"\b(?:currency|FX) (?:headwinds?|translation)\b",
}
COMPARE = {"q010": (DSV, KONE), "q029": (ORLY, ATD), "q049": (SGS, WST), "q064": (CHKP, ORLY)}
TYPO_CANON = {
    "q016": ["check point", "checkpoint", "chkp"],
    "q042": ["couche-tard", "atd", "circle k"],
}

DATE_WORDS = (r"(?:20\d\d|\bQ[1-4]\b|quarter|\bH[12]\b|\bhalf\b|\bmonths?\b|\bweeks?\b|January|February|March|"
              r"April|May|June|July|August|September|October|November|December|year-end|end of the year)")

# Near misses: id -> (kind, note, nearby text that occurs verbatim, regex of the absent fact, why)
NEAR = {
    "q003": ("segment_figure", "kone-q1-2031.txt", "service sales up 9% to €1,150 million",
             r"moderni[sz]ation[^.\n]*\d",
             "Gives total Q1 sales and service sales only; new-equipment sales are not given, so modernization cannot be derived."),
    "q023": ("segment_figure", "dsv-q4-2030.txt", "of which Air & Sea contributed DKK 4.6 billion",
             r"\bRoad\b[^.\n]*\d|\bSolutions\b[^.\n]*\d",
             "Gives group Q4 EBIT and Air & Sea only; Road and Solutions are not split, so Road is not derivable."),
    "q028": ("segment_figure", "atd-q2-fy2031.txt", "US same-store merchandise revenue increased 1.4%",
             r"Canad[^.\n]*\d",
             "Gives total merchandise revenue and US same-store growth; Canada is described only as 'softer', with no figure."),
    "q051": ("segment_figure", "orly-q1-2031.txt", "professional comparable store sales up 5.5%",
             r"(?:DIY|do-it-yourself)[^.\n]*\d",
             "Gives total and professional comps; DIY comps need the channel mix, which is not given."),
    "q006": ("passing_company", "chkp-q4-2030-results.txt", "Fortinet keeps undercutting on appliance pricing",
             r"Fortinet[^.\n]*\d", "Fortinet is a one-sentence competitor mention with no figures."),
    "q026": ("passing_company", "sgs-fy2030-results.txt", "Bureau Veritas remains the closest listed comparable",
             r"Bureau Veritas[^.\n]*\d", "Bureau Veritas is mentioned once as a comparable, with no figures."),
    "q043": ("passing_company", "dsv-q4-2030.txt", "Kuehne+Nagel is chasing the same sea-freight volumes",
             r"Kuehne\+Nagel[^.\n]*\d", "Kuehne+Nagel is mentioned once as a rival, with no volumes."),
    "q052": ("passing_company", "orly-q4-2030.txt", "AutoZone remains the most direct competitor on the DIY counter",
             r"AutoZone[^.\n]*\d", "AutoZone is mentioned once as a competitor, with no comps."),
    "q012": ("product_metric", "chkp-q1-2031-margins.txt", "list price of $48,000",
             r"\b(?:units|shipped|shipments|sold)\b",
             "The note gives the gateway's list price and throughput claim, not units shipped."),
    "q031": ("product_metric", "wst-vireon-waterford.txt", "priced about 20% above West's standard syringe components",
             r"\b(?:units|sold|shipped|shipments)\b|Vireon[^.\n]*revenue|\bmillion\b",
             "The note gives Vireon's features and price premium, not units or sales."),
    "q037": ("product_metric", "atd-q4-fy2031.txt", "priced at $1.99 per can",
             r"\b(?:cans sold|units|sold)\b|Volt[^.\n]*(?:revenue|million)",
             "The note gives the drink's price, flavours and store count, not cans sold."),
    "q056": ("product_metric", "sgs-verity-launch.txt", "priced at CHF 1,150 per audited site per year",
             r"\b(?:revenue|customers|clients|subscribers|sign-ups)\b[^.\n]*\d|\d[^.\n]*\b(?:customers|clients|subscribers)\b",
             "The note gives Verity's price, scope and languages; no customer count or revenue."),
    "q017": ("undated_event", "chkp-lumora-acquisition.txt",
             "expected to close once Israeli and US regulatory approvals are received",
             r"\bclos(?:e|es|ed|ing)\b[^.\n]*" + DATE_WORDS,
             "Closing is conditional on approvals; no date or quarter is given."),
    "q040": ("undated_event", "kone-india-plant.txt",
             "Production at the site will start once environmental permits are granted",
             r"(?:Chennai|factory|plant|[Pp]roduction)[^.\n]*" + DATE_WORDS,
             "Start of production depends on permits; no date is given."),
    "q046": ("undated_event", "dsv-q2-2031-integration.txt",
             "which will begin once works-council negotiations conclude",
             r"German[^.\n]*" + DATE_WORDS,
             "The German consolidation starts after negotiations; no date is given."),
    "q066": ("undated_event", "wst-vireon-waterford.txt",
             "will start commercial output once customer validation runs are complete",
             r"(?:Waterford|commercial output|validation)[^.\n]*" + DATE_WORDS,
             "Output starts after customer validation; no date is given."),
    "q020": ("other_measure", "chkp-q1-2031-margins.txt", "non-GAAP operating margin of 43%",
             r"net income|net profit|net earnings|\bGAAP EPS\b|\bGAAP net\b",
             "The note gives revenue and non-GAAP operating margin; no GAAP net income."),
    "q035": ("other_measure", "wst-q1-2031.txt", "net sales of $905 million",
             r"\bEPS\b|earnings per share|per diluted share|per share",
             "The note gives Q1 net sales, organic growth and guidance; no EPS."),
    "q047": ("other_measure", "dsv-q2-2031-integration.txt", "gross profit rose 6% year over year",
             r"\bDKK\b|kroner",
             "The note gives gross profit growth and the conversion ratio only; no DKK level (not derivable)."),
    "q058": ("other_measure", "sgs-h1-2031.txt", "adjusted operating margin widened to 15.8%",
             r"free cash flow|cash conversion|cash flow",
             "The note gives revenue, organic growth and margin; no cash flow."),
}
# Other unanswerable questions: id -> (type, notes scope ('all' or list), regex that must not match)
OTHER_NA = {
    "q025": ("no_notes_company", "all", r"\bIntertek\b"),
    "q067": ("no_notes_company", "all", r"\bDHL\b"),
    "q050": ("off_topic", "all", r"red wine|carpet"),
    "q071": ("uncovered_period", "all", r"\b2027\b"),
    "q061": ("unknown_company_absent", [n for n, t in COVER.items() if t == [VQTP]] +
             [n for n, t in LONG.items() if t == VQTP], r"dividend"),
    "q070": ("unknown_company_absent", [n for n, t in COVER.items() if t == [BVCN]],
             r"Portug[^.\n]*\d|\d[^.\n]*Portug"),
}

KIND_COUNTS = {  # (kind, category) -> count; category separates typo / unknown_company from the main rows
    ("factual", "main"): 16, ("follow_up", "main"): 4, ("risk", "main"): 6, ("comparison", "main"): 4,
    ("general", "main"): 3, ("sentiment", "main"): 3, ("factual", "typo"): 2,
    ("no_answer", "main"): 24,
}


# --------------------------------------------------------------------------- helpers
def read(name):
    with open(os.path.join(NOTES_DIR, name), encoding="utf-8") as f:
        return f.read()


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z$€£\u2018\u201c\"])", text.strip()) if s]


def words(text):
    return len(text.split())


def parse_short(name, text):
    """Returns dict with parsed fields, or None after recording failures."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    info = {"date": None, "blank_first": False, "final_nl": text.endswith("\n"),
            "curly": "\u2019" in text, "tickers": []}
    i = 0
    if lines[0] == "":
        info["blank_first"] = True
        i = 1
    elif DATE_LINE.match(lines[0]):
        info["date"] = lines[0][6:]
        i = 1
    try:
        news, body, tag, demo, label, ss, score, ts = lines[i:i + 8]
    except ValueError:
        fail(f"{name}: too few lines for the note format")
        return None
    rest = lines[i + 8:]
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail(f"{name}: news paragraph has {n_sent} sentences (want 2-4)")
    if not re.search(r"\d", news) or not re.search(r"20\d\d|quarter|first-half|fiscal", news):
        fail(f"{name}: news paragraph lacks figures or a period")
    if not 180 <= words(body) <= 240:
        fail(f"{name}: analytic paragraph has {words(body)} words (want 180-240)")
    if tag not in TAGLINES:
        fail(f"{name}: unknown tagline {tag!r}")
    if demo not in DEMO_LINES:
        fail(f"{name}: demo line {demo!r}")
    if label not in LABELS:
        fail(f"{name}: label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        fail(f"{name}: sentiment block headers wrong")
    try:
        val = float(score)
        lo, hi = LABELS.get(label, (-9, 9))
        if not lo <= val <= hi:
            fail(f"{name}: score {val} inconsistent with label {label}")
    except ValueError:
        fail(f"{name}: score {score!r} not a number")
    for r in rest:
        m = TICKER_LINE.match(r)
        if not m:
            fail(f"{name}: bad ticker line {r!r}")
            continue
        info["tickers"].append(m.group(1))
        v = float(m.group(2))
        if not -1 <= v <= 1:
            fail(f"{name}: ticker score out of range {r!r}")
    info.update(news=news, body=body, tag=tag, demo=demo, label=label)
    return info


# --------------------------------------------------------------------------- notes
def check_notes():
    files = sorted(os.listdir(NOTES_DIR))
    shorts = [f for f in files if f.endswith(".txt")]
    longs = [f for f in files if f.endswith(".md")]
    if set(shorts) != set(COVER):
        fail(f"short notes differ from COVER: {sorted(set(shorts) ^ set(COVER))}")
    if set(longs) != set(LONG):
        fail(f"long notes differ from LONG: {sorted(set(longs) ^ set(LONG))}")
    if len(shorts) != 22 or len(longs) != 4:
        fail(f"want 22 short + 4 long notes, have {len(shorts)} + {len(longs)}")
    texts = {f: read(f) for f in files if f in COVER or f in LONG}
    parsed = {}
    for f in shorts:
        if f in texts:
            p = parse_short(f, texts[f])
            if p:
                parsed[f] = p
    # aggregate format variety
    n_tick = sum(1 for p in parsed.values() if p["tickers"])
    n_date = sum(1 for p in parsed.values() if p["date"])
    n_blank = sum(1 for p in parsed.values() if p["blank_first"])
    n_nonl = sum(1 for p in parsed.values() if not p["final_nl"])
    n_curly = sum(1 for p in parsed.values() if p["curly"])
    if not 11 <= n_tick <= 15:
        fail(f"{n_tick} notes with ticker lines (want about 13)")
    if not 8 <= n_date <= 14:
        fail(f"{n_date} notes with a Date line (want about half)")
    if n_blank < 2 or n_nonl < 3 or n_curly < 3:
        fail(f"format variety too low: blank-first={n_blank} no-final-newline={n_nonl} curly={n_curly}")
    if len({p["tag"] for p in parsed.values()}) < 3 or len({p["demo"] for p in parsed.values()}) < 2:
        fail("tagline / demo variants not varied")
    layouts = set()
    for f, p in parsed.items():
        if p["date"] and not ("2030-01-01" <= p["date"] <= "2031-07-31"):
            fail(f"{f}: date {p['date']} outside fiscal 2030 - mid-2031")
        if p["tickers"] and sorted(p["tickers"]) != sorted(COVER[f]):
            fail(f"{f}: ticker lines {p['tickers']} != main companies {COVER[f]}")
        raw = texts[f].rstrip("\n").split("\n")
        for r in raw:
            if TICKER_LINE.match(r):
                layouts.add(("$" if r.startswith("$") else "") + (":" if ":" in r else ""))
        for t in COVER[f]:
            if COMPANIES[t][1] not in texts[f]:
                fail(f"{f}: does not mention {COMPANIES[t][1]}")
    if len(layouts) < 3:
        fail(f"ticker-line layouts not varied: {layouts}")
    # coverage counts
    cnt = Counter(t for ts in COVER.values() for t in ts)
    for t in REAL:
        if not 2 <= cnt[t] <= 3:
            fail(f"{t}: {cnt[t]} short notes (want 2-3)")
    for t in INVENTED:
        if cnt[t] != 2:
            fail(f"{t}: {cnt[t]} short notes (want 2)")
    if sum(1 for ts in COVER.values() if len(ts) == 2) != 2:
        fail("want exactly two comparison short notes")
    # long notes
    long_cos = Counter(LONG.values())
    if sorted(long_cos.values()) != [1, 1, 2] or sum(1 for t in long_cos if t in INVENTED) != 1 \
            or long_cos[[t for t in long_cos if t in INVENTED][0]] != 2:
        fail(f"long notes must cover two real companies and one invented company twice: {dict(long_cos)}")
    for f, t in LONG.items():
        s = texts.get(f, "")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", s, re.S)
        if not m:
            fail(f"{f}: no YAML front matter")
            continue
        fm = dict(re.findall(r"^(\w+): (.*)$", m.group(1), re.M))
        for k in ("company", "ticker", "title", "date"):
            if k not in fm:
                fail(f"{f}: front matter lacks {k}")
        if fm.get("ticker") != t or fm.get("company") != COMPANIES[t][0]:
            fail(f"{f}: front matter company/ticker mismatch")
        if not re.match(r"^20(30|31)-\d\d-\d\d$", fm.get("date", "")):
            fail(f"{f}: date {fm.get('date')}")
        body = m.group(2)
        prose = [l for l in body.split("\n") if not l.startswith("|") and not l.startswith("#")]
        n = words(" ".join(prose))
        if not 900 <= n <= 1100:
            fail(f"{f}: {n} prose words (want 900-1100)")
        tables = re.findall(r"^\|.*\|\n\|[-| ]+\|$", body, re.M)
        if len(tables) < 2:
            fail(f"{f}: fewer than two Markdown tables")
        if not re.search(r"^\|.*\b(FY20\d\d|Q[1-4] ?20\d\d|H[12] ?20\d\d)\b.*\|$", body, re.M):
            fail(f"{f}: no fiscal-year or quarter columns")
        if "Overall Sentiment" in body or "Sentiment Score" in body:
            fail(f"{f}: long note must not have a sentiment block")
        if not re.search(r"\b(we|our|the Company)\b", body):
            fail(f"{f}: not in company voice")
    # invented companies tied to ticker in text
    for t in INVENTED:
        name = COMPANIES[t][0]
        if not any(f"{name} ({t})" in texts[f] for f in COVER if t in COVER[f]):
            fail(f"{t}: no short note ties '{name} ({t})'")
        if not re.match(r"^[A-Z]{3,4}$", t) or not 2 <= len(name.split()) <= 3:
            fail(f"{t}: invented name/ticker shape")
        dict_path = "/usr/share/dict/words"
        if os.path.exists(dict_path):
            with open(dict_path, encoding="utf-8", errors="ignore") as fh:
                eng = {w.strip().lower() for w in fh}
            if name.split()[0].lower() in eng:
                fail(f"{t}: first word of {name} is an English word")
    # passing companies: exactly one note, one sentence, no figures
    for name, (tick, note) in PASSING.items():
        hits = [f for f, s in texts.items() if name in s]
        if hits != [note]:
            fail(f"passing company {name} found in {hits}, want only {note}")
            continue
        sents = [s for s in sentences(texts[note].replace("\n", " ")) if name in s]
        if len(sents) != 1 or re.search(r"\d", sents[0]):
            fail(f"passing company {name}: must be one sentence without figures: {sents}")
        if tick in texts[note]:
            fail(f"passing company {name}: ticker {tick} should not be given")
    return texts, parsed


# --------------------------------------------------------------------------- questions
def check_qa(texts, parsed):
    with open(QA_PATH, encoding="utf-8") as f:
        raw = [l for l in f.read().split("\n") if l.strip()]
    qs = [json.loads(l) for l in raw]
    byid = {q["id"]: q for q in qs}
    if len(qs) < 65 or len(qs) > 75:
        fail(f"{len(qs)} questions (want about 70)")
    for i, q in enumerate(qs, 1):
        if q["id"] != f"q{i:03d}":
            fail(f"id out of sequence at {q['id']}")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{q.get('id')}: missing {k}")
        for g in q["gold_notes"]:
            if g not in texts:
                fail(f"{q['id']}: gold note {g} missing")
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail(f"{q['id']}: no_answer must have empty gold and keywords")
        else:
            if not q["gold_notes"] or not q["answer_keywords"]:
                fail(f"{q['id']}: answerable question needs gold and keywords")
            for kw in q["answer_keywords"]:
                if not any(kw.lower() in texts.get(g, "").lower() for g in q["gold_notes"]):
                    fail(f"{q['id']}: keyword {kw!r} not in any gold note")
    # counts per kind
    cat = Counter()
    for q in qs:
        if q.get("unknown_company"):
            c = "unknown"
        elif q.get("typo"):
            c = "typo"
        else:
            c = "main"
        cat[(q["kind"], c)] += 1
    for key, want in KIND_COUNTS.items():
        if cat[key] != want:
            fail(f"count {key}: {cat[key]} (want {want})")
    unk = [q for q in qs if q.get("unknown_company")]
    unk_ans = [q for q in unk if q["kind"] != "no_answer"]
    if len(unk_ans) != 7 or len(unk) - len(unk_ans) != 2:
        fail(f"unknown_company: {len(unk_ans)} answerable + {len(unk) - len(unk_ans)} unanswerable (want 7 + 2)")
    if not {q["kind"] for q in unk_ans} >= {"factual", "risk", "sentiment"}:
        fail("unknown_company questions should span factual, risk and sentiment")
    for q in unk:
        if q["ticker"] not in INVENTED:
            fail(f"{q['id']}: unknown_company ticker {q['ticker']}")
    long_factual = [q for q in qs if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")
                    and all(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_factual) != 4:
        fail(f"{len(long_factual)} factual questions answered from long notes (want 4)")
    # per-kind semantics
    short_of = {t: sorted(f for f, ts in COVER.items() if t in ts) for t in COMPANIES}
    notes_of = {t: set(short_of[t]) | {f for f, lt in LONG.items() if lt == t} for t in COMPANIES}
    prev = None
    for q in qs:
        k, qid = q["kind"], q["id"]
        if k == "follow_up":
            if q.get("follows") != (prev or {}).get("id"):
                fail(f"{qid}: follow-up must come straight after its parent")
            elif q["ticker"] != prev["ticker"]:
                fail(f"{qid}: follow-up ticker differs from parent")
            low = q["question"].lower()
            t = q["ticker"]
            names = [COMPANIES[t][0].lower(), COMPANIES[t][1].lower(), t.split(".")[0].lower()]
            if any(n in low for n in names):
                fail(f"{qid}: follow-up names the company")
        if k in ("factual", "follow_up", "risk", "sentiment") and q["ticker"] in COMPANIES:
            for g in q["gold_notes"]:
                if g not in notes_of[q["ticker"]]:
                    fail(f"{qid}: gold {g} is not a note of {q['ticker']}")
        if k == "comparison":
            a, b = COMPARE.get(qid, (None, None))
            if q["ticker"] is not None or a is None:
                fail(f"{qid}: comparison needs ticker null and a COMPARE entry")
            else:
                covered = set()
                for g in q["gold_notes"]:
                    covered |= set(COVER.get(g, [LONG.get(g)]))
                if not {a, b} <= covered:
                    fail(f"{qid}: gold does not cover both {a} and {b}")
        if k == "general":
            rx = THEMES.get(qid)
            if rx is None or q["ticker"] is not None:
                fail(f"{qid}: general needs a theme regex and ticker null")
            else:
                got = sorted(f for f, s in texts.items() if re.search(rx, s, re.I))
                if got != sorted(q["gold_notes"]):
                    fail(f"{qid}: theme regex matches {got}, gold is {sorted(q['gold_notes'])}")
        if k == "sentiment":
            t = q["ticker"]
            if sorted(q["gold_notes"]) != short_of.get(t):
                fail(f"{qid}: sentiment gold must be all short notes of {t}")
            labels = sorted({parsed[f]["label"] for f in short_of.get(t, []) if f in parsed})
            if sorted(q["answer_keywords"]) != labels:
                fail(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {labels}")
        if k == "risk" and not q["ticker"] in COMPANIES:
            fail(f"{qid}: risk question needs a covered ticker")
        if q.get("typo"):
            if k != "factual":
                fail(f"{qid}: typo question must be factual")
            for canon in TYPO_CANON.get(qid, ["\0"]):
                if canon in q["question"].lower():
                    fail(f"{qid}: typo question contains the correct name {canon!r}")
            if qid not in TYPO_CANON:
                fail(f"{qid}: no TYPO_CANON entry")
        prev = q
    # near misses
    nm = [q for q in qs if q.get("near_miss")]
    if set(q["id"] for q in nm) != set(NEAR):
        fail(f"near-miss ids differ from NEAR: {sorted(set(q['id'] for q in nm) ^ set(NEAR))}")
    kinds = Counter(q["near_miss"] for q in nm)
    for kd in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
        if kinds[kd] != 4:
            fail(f"near_miss {kd}: {kinds[kd]} (want 4)")
    for qid, (kd, note, nearby, absent, why) in NEAR.items():
        q = byid.get(qid)
        if not q:
            continue
        if q.get("near_miss") != kd or q["kind"] != "no_answer":
            fail(f"{qid}: near_miss kind mismatch")
        s = texts.get(note, "")
        if nearby not in s:
            fail(f"{qid}: nearby text not in {note}: {nearby!r}")
        m = re.search(absent, s)
        if m:
            fail(f"{qid}: absent-fact regex matches {note}: {m.group(0)!r}")
        if kd == "passing_company":
            names = [n for n, (tk, nt) in PASSING.items() if nt == note and tk == q["ticker"]]
            if not names:
                fail(f"{qid}: passing-company question ticker {q['ticker']} not a passing company of {note}")
        elif q["ticker"] not in COVER.get(note, []):
            fail(f"{qid}: ticker {q['ticker']} is not a main company of {note}")
    # other unanswerables
    other = [q for q in qs if q["kind"] == "no_answer" and not q.get("near_miss")]
    if set(q["id"] for q in other) != set(OTHER_NA):
        fail(f"other no-answer ids differ from OTHER_NA: {sorted(set(q['id'] for q in other) ^ set(OTHER_NA))}")
    types = Counter(v[0] for v in OTHER_NA.values())
    if types != Counter(no_notes_company=2, off_topic=1, uncovered_period=1, unknown_company_absent=2):
        fail(f"other no-answer mix {dict(types)}")
    for qid, (typ, scope, rx) in OTHER_NA.items():
        scope_files = list(texts) if scope == "all" else scope
        for f in scope_files:
            m = re.search(rx, texts[f], re.I)
            if m:
                fail(f"{qid}: {typ} regex matches {f}: {m.group(0)!r}")
        q = byid.get(qid, {})
        if typ == "off_topic" and q.get("ticker") is not None:
            fail(f"{qid}: off-topic ticker must be null")
        if typ == "no_notes_company" and (q.get("ticker") in COMPANIES or q.get("ticker") is None):
            fail(f"{qid}: no-notes company needs its own ticker")
        if typ == "unknown_company_absent" and not q.get("unknown_company"):
            fail(f"{qid}: should be flagged unknown_company")
    for qid, name in NO_NOTES.items():
        if name.lower() not in byid.get(qid, {}).get("question", "").lower():
            fail(f"{qid}: question does not name {name}")
    return qs


# --------------------------------------------------------------------------- exclusions
def check_exclusions(texts, qs):
    names_p = os.path.join(EXCL_DIR, "excluded_names.txt")
    ticks_p = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    if not (os.path.exists(names_p) and os.path.exists(ticks_p)):
        print(f"note: exclusion lists not found in {EXCL_DIR}; exclusion check skipped", file=sys.stderr)
        return
    with open(names_p, encoding="utf-8") as f:
        name_lines = [l.strip() for l in f if l.strip()]
    with open(ticks_p, encoding="utf-8") as f:
        tickers = {l.strip() for l in f if l.strip()}
    names = set()
    for line in name_lines:
        for part in re.split(r',\s*"|"|\s+/\s+', line):
            part = part.strip(' ,"')
            if part:
                names.add(part)
    corpus = dict(texts)
    corpus["qa.jsonl"] = "\n".join(q["question"] for q in qs)
    for src, s in corpus.items():
        for n in names:
            if re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", s, re.I):
                fail(f"{src}: excluded name {n!r}")
    # Tickers: case-sensitive whole tokens. The covered companies are prescribed by the brief;
    # Kone's home ticker KNEBV is on the list, and is exempted (reported in README).
    covered_roots = {t.split(".")[0] for t in COMPANIES} | set(COMPANIES)
    exempt = tickers & covered_roots
    for src, s in corpus.items():
        for t in tickers - exempt:
            if re.search(r"(?<![A-Za-z0-9.\-])" + re.escape(t) + r"(?![A-Za-z0-9\-])", s):
                fail(f"{src}: excluded ticker {t!r}")
    for t, (tk, _) in [(v[0], v) for v in PASSING.values()]:
        if t in tickers:
            fail(f"passing company ticker {t} is excluded")
    for q in qs:
        if q["ticker"] and (q["ticker"] in tickers - exempt or q["ticker"].split(".")[0] in tickers - exempt):
            fail(f"{q['id']}: question ticker {q['ticker']} is excluded")
    name_words = {w.lower() for n in names for w in re.findall(r"[\w'&.\-]+", n)}
    for t in INVENTED:
        for w in COMPANIES[t][0].split():
            if w.lower() in name_words:
                fail(f"invented name {COMPANIES[t][0]} shares word {w!r} with the excluded names")
        if t in tickers:
            fail(f"invented ticker {t} is excluded")
    if exempt - {"KNEBV"}:
        fail(f"unexpected exempted covered tickers: {sorted(exempt)}")


def main():
    texts, parsed = check_notes()
    qs = check_qa(texts, parsed)
    check_exclusions(texts, qs)
    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
