#!/usr/bin/env python3
"""Self-check for the aj-short blind evaluation set (Python 3 stdlib only).

Usage:
    python3 check.py            # run every check, print OK or the list of problems
    python3 check.py --table    # print the near-miss table (Markdown) used in README.md

Checks: short/long note format, note counts per company, question counts per kind,
answer keywords present in gold notes, theme regexes reproduce the general questions'
gold sets, sentiment gold sets and labels, near-miss nearby text present and absent-fact
regexes not matching, and the exclusion lists.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("AJ_EXCLUSIONS_DIR", "/work/blind-prompts")
EXCL_TICKERS = os.path.join(EXCL_DIR, "excluded_tickers.txt")
EXCL_NAMES = os.path.join(EXCL_DIR, "excluded_names.txt")

# ---------------------------------------------------------------- companies
# ticker -> (display name, regex that finds the company in text, invented?)
COMPANIES = {
    "SPX.L": ("Spirax Group", r"\bSpirax\b", False),
    "KRZ.IR": ("Kerry Group", r"\bKerry\b", False),
    "BNZL.L": ("Bunzl", r"\bBunzl\b", False),
    "CAR.AX": ("Carsales", r"\bCarsales\b", False),
    "HEXA-B.ST": ("Hexagon", r"\bHexagon\b", False),
    "NEM.DE": ("Nemetschek", r"\bNemetschek\b", False),
    "REC.MI": ("Recordati", r"\bRecordati\b", False),
    "VSQA": ("Vesquarro Aggregates", r"\bVesquarro\b", True),
    "TQLP": ("Tarquelle Leisure Parks", r"\bTarquelle\b", True),
}
INVENTED = {t for t, c in COMPANIES.items() if c[2]}
REAL = [t for t, c in COMPANIES.items() if not c[2]]

# real companies that appear only in passing: name -> note that mentions them
PASSING = {  # name -> (search key, note)
    "Auto Trader Group": ("Auto Trader", "car-fy2029-results.txt"),
    "Tate & Lyle": ("Tate & Lyle", "krz-fy2029-results.txt"),
    "Bentley Systems": ("Bentley", "nem-fy2029-results.txt"),
    "Ipsen": ("Ipsen", "rec-q1-2030-results.txt"),
}

# ---------------------------------------------------------------- note format
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade research and real-time alerts, powered by AI.",
    "Real-time signals and AI research for professional investors.",
    "Portfolio analytics and AI-driven research for the buy side.",
}
REQUEST_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABEL_RANGES = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.1, 0.5),
    "neutral": (-0.1, 0.1),
    "mildly negative": (-0.5, -0.1),
    "strongly negative": (-1.0, -0.5),
}
TICKER_LINE = re.compile(r"^(\$?)([A-Z][A-Z0-9.\-]*)(:?) (-?\d\.\d\d)$")
DATE_LINE = re.compile(r"^Date: (\d{4})-(\d{2})-(\d{2})$")

# ---------------------------------------------------------------- themes (general questions)
THEMES = {
    "pricing": re.compile(r"\bprice (increase|rise)s?\b|\braised prices\b", re.I),
    "fx": re.compile(r"\bFX\b"),
    "labour": re.compile(r"\b(wage|wages|labour)\b", re.I),
}
GENERAL_THEME = {"q013": "pricing", "q037": "fx", "q053": "labour"}

# ---------------------------------------------------------------- near misses and other no-answer items
# id -> (near-miss kind, note holding the nearby text, nearby text, absent-fact regex,
#        notes the absent regex is checked against, why unanswerable)
NEAR_MISS = {
    "q003": ("segment_figure", "spx-q3-2029-trading.txt",
             "organic sales rose 4% in the third quarter of 2029",
             r"(Steam Thermal|steam (business|franchise))[^.]{0,80}\d+(\.\d+)?%",
             ["spx-q3-2029-trading.txt"],
             "Gives group organic growth (4%) and Watson-Marlow (9%) only; ETS is an orders figure and segment weights are not given, so steam growth cannot be derived."),
    "q021": ("segment_figure", "bnzl-h1-2029-results.txt",
             "including 1.2% in North America and 4.0% in Continental Europe",
             r"UK (&|and) Ireland|\bUK\b[^.]{0,60}\d",
             ["bnzl-h1-2029-results.txt", "bnzl-q1-2030-trading.txt", "spx-bnzl-compounders.txt"],
             "Group growth and two regions are given; UK & Ireland is never mentioned and Rest of the World is also missing, so it cannot be derived."),
    "q048": ("segment_figure", "hexa-q3-2029-report.txt",
             "Geosystems grew 6% organically, while Manufacturing Intelligence rose 1%",
             r"Autonomous Solutions[^.]{0,80}\d",
             ["hexa-q3-2029-report.txt", "hexa-q1-2030-aeon.txt", "hexa-nem-digital-twin.txt"],
             "Autonomous Solutions is described qualitatively only; group and two other divisions are given without weights."),
    "q066": ("segment_figure", "krz-h1-2029-volumes.txt",
             "led by APMEA at 7.1% and Europe at 2.0%",
             r"(Americas|North America)[^.]{0,80}\d+(\.\d+)?%",
             ["krz-h1-2029-volumes.txt", "krz-fy2029-results.txt", "krz-q1-2030-ims.txt"],
             "Total (3.8%), APMEA and Europe volumes are given; regional weights are not, so Americas growth is not derivable."),
    "q006": ("passing_company", "car-fy2029-results.txt",
             "Auto Trader Group in the UK remains the yardstick investors use when valuing the Australian marketplace.",
             r"Auto Trader[^.]*\d", None,
             "Auto Trader is a one-sentence passing mention with no figures; the FY2029 figures in that note are Carsales'."),
    "q028": ("passing_company", "nem-fy2029-results.txt",
             "Bentley Systems remains the closest listed comparable in infrastructure design software",
             r"Bentley[^.]*\d", None,
             "Bentley Systems is a one-sentence passing mention with no figures; the 2029 growth figures in that note are Nemetschek's."),
    "q052": ("passing_company", "krz-fy2029-results.txt",
             "Tate & Lyle, which has repositioned itself around sweeteners and fibres",
             r"Tate & Lyle[^.]*\d", None,
             "Tate & Lyle is a one-sentence passing mention with no figures; the FY2029 figures in that note are Kerry's."),
    "q064": ("passing_company", "rec-q1-2030-results.txt",
             "Ipsen, which also sells into endocrine rare diseases",
             r"Ipsen[^.]*\d", None,
             "Ipsen is a one-sentence passing mention; the FY2030 guidance in that note is Recordati's."),
    "q010": ("product_metric", "krz-q1-2030-ims.txt",
             "priced at roughly a 15% premium to synthetic preservatives",
             r"\btonnes\b|volumes? of ClearSteer|ClearSteer[^.]*(revenue|sales|sold)",
             ["krz-q1-2030-ims.txt", "krz-fy2029-results.txt", "krz-h1-2029-volumes.txt"],
             "Only features and a price premium are given for ClearSteer; no volumes or sales."),
    "q030": ("product_metric", "hexa-q1-2030-aeon.txt",
             "priced at about €120,000 per unit including a three-year service plan",
             r"\d[\d,]* (units|robots|humanoids)\b|AEON[^.]*(revenue|sold|shipped \d)",
             ["hexa-q1-2030-aeon.txt", "hexa-q3-2029-report.txt", "hexa-nem-digital-twin.txt"],
             "The note gives AEON's price and use cases, not shipment numbers."),
    "q041": ("product_metric", "nem-bluebeam-ai-tier.txt",
             "priced at US$60 per user per month, about 40% above the core subscription",
             r"\d[\d,]* (subscribers|users|seats|customers)\b",
             ["nem-bluebeam-ai-tier.txt", "nem-fy2029-results.txt", "hexa-nem-digital-twin.txt"],
             "Only the price per user and features are given; no subscriber count."),
    "q057": ("product_metric", "car-agm-2029-update.txt",
             "priced at A$199 a month per rooftop",
             r"\d[\d,]* (dealers|rooftops|subscribers)\b",
             ["car-agm-2029-update.txt", "car-h1-fy2030-results.txt", "car-h1-fy2030-results-release.md"],
             "Carsales Certified price and bundle are given; take-up is described only as 'encouraging'."),
    "q018": ("undated_event", "krz-fy2029-results.txt",
             "once the co-op’s option window opens",
             r"(stake|option window)[^.]*(20\d\d|quarter|month|half)",
             ["krz-fy2029-results.txt"],
             "The stake sale is conditional on the co-op's option window; no date is given."),
    "q036": ("undated_event", "rec-rare-disease-licence.txt",
             "a European launch will follow once the EMA review concludes",
             r"(European launch|EMA|regulatory decision)[^.]*(20\d\d|quarter|half|month)",
             ["rec-rare-disease-licence.txt", "rec-q1-2030-results.txt"],
             "Launch timing depends on the EMA review; no date or quarter is given."),
    "q045": ("undated_event", "car-h1-fy2030-results.txt",
             "consider a partial sell-down of its Webmotors stake once Brazilian market conditions improve",
             r"sell-down[^.]*(20\d\d|quarter|month|half)",
             ["car-h1-fy2030-results.txt", "car-h1-fy2030-results-release.md"],
             "The sell-down is only being considered, conditional on market conditions; no timing."),
    "q061": ("undated_event", "spx-dutch-heater-deal.txt",
             "Completion is expected once Dutch merger control clearance has been obtained",
             r"(Completion|complet\w*|clos\w*)[^.]*(Dutch|heater)[^.]*(20\d\d|quarter|month|weeks|half)"
             r"|(Dutch|heater)[^.]*(Completion|complet\w*|clos\w*)[^.]*(20\d\d|quarter|month|weeks|half)",
             ["spx-dutch-heater-deal.txt", "spx-annual-report-2029-financial-review.md"],
             "Completion depends on merger clearance; the January 2030 date is the signing, not completion."),
    "q014": ("other_measure", "bnzl-q1-2030-trading.txt",
             "underlying revenue growth was 2.6% in the first quarter of 2030",
             r"operating profit",
             ["bnzl-q1-2030-trading.txt"],
             "The Q1 trading update gives revenue growth and a margin outlook, not operating profit."),
    "q033": ("other_measure", "rec-q1-2030-results.txt",
             "EBITDA was €321.0 million, a margin of 38.1%",
             r"net (income|profit)|earnings per share|\bEPS\b",
             ["rec-q1-2030-results.txt", "rec-rare-disease-licence.txt"],
             "EBITDA is given; net profit is not and cannot be derived."),
    "q043": ("other_measure", "car-fy2029-results.txt",
             "adjusted net profit after tax of A$408 million",
             r"statutory|reported net profit|reported NPAT",
             ["car-fy2029-results.txt", "car-agm-2029-update.txt", "car-h1-fy2030-results.txt"],
             "Only adjusted NPAT is given for FY2029 (the release's reported A$198.4m is H1 FY2030)."),
    "q069": ("other_measure", "nem-fy2029-results.txt",
             "The EBITDA margin was 31.8%",
             r"net (income|profit)|earnings per share|\bEPS\b",
             ["nem-fy2029-results.txt", "nem-bluebeam-ai-tier.txt", "hexa-nem-digital-twin.txt"],
             "Revenue and EBITDA margin are given; net income is not."),
}
# the two unanswerable questions about invented companies (near-miss style, not counted in the 20)
UNKNOWN_UNANSWERABLE = {
    "q055": ("vsqa-q3-2029-trading.txt", "extend its largest Scottish quarry by 55 million tonnes",
             r"market share|share of the (Scottish )?market",
             ["vsqa-q3-2029-trading.txt", "vsqa-fy2029-results.txt",
              "vsqa-annual-report-2029-ceo-review.md", "vsqa-annual-report-2029-financial-review.md"]),
    "q071": ("tqlp-q1-2030-preseason.txt", "A new coaster opens at its Dutch park in May.",
             r"coaster[^.]*(€|cost|million|invest)",
             ["tqlp-q1-2030-preseason.txt", "tqlp-summer-2029-season.txt"]),
}
# other no-answer questions: id -> (type, regex that must not match any note)
OTHER_NO_ANSWER = {
    "q024": ("no_notes_company", r"\bRotork\b"),
    "q068": ("no_notes_company", r"\bDiploma\b"),
    "q039": ("off_topic", r"buttermilk|pancake"),
    "q059": ("uncovered_period", r"\b(FY)?2025\b"),
}

EXPECTED_KIND_COUNTS = {  # counted on questions without typo / unknown_company flags
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
    "sentiment": 3, "no_answer": 24,
}

problems = []


def fail(msg):
    problems.append(msg)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", par.strip()) if s]


# ---------------------------------------------------------------- load notes
def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        if fn.endswith((".txt", ".md")):
            notes[fn] = read(os.path.join(NOTES_DIR, fn))
    return notes


def parse_short(fn, text):
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    info = {"date": None, "blank": False, "final_nl": text.endswith("\n"), "curly": "\u2019" in text}
    i = 0
    if lines and lines[0] == "":
        info["blank"] = True
        i = 1
    elif lines and DATE_LINE.match(lines[0]):
        info["date"] = lines[0][6:]
        i = 1
    body = lines[i:]
    if len(body) < 8:
        fail(f"{fn}: too few lines ({len(body)})")
        return None
    news, analysis, tag, req, label, ss, score, ts = body[:8]
    tickers = body[8:]
    info.update(news=news, analysis=analysis, tag=tag, label=label, score=score, tickers=tickers, req=req)
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail(f"{fn}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        fail(f"{fn}: news paragraph has no figures")
    w = len(analysis.split())
    if not 180 <= w <= 240:
        fail(f"{fn}: analytic paragraph has {w} words")
    if tag not in TAGLINES:
        fail(f"{fn}: unknown tagline {tag!r}")
    if req not in REQUEST_LINES:
        fail(f"{fn}: bad request/overall line {req!r}")
    if label not in LABEL_RANGES:
        fail(f"{fn}: bad label {label!r}")
    if ss != "Sentiment Score":
        fail(f"{fn}: expected 'Sentiment Score', got {ss!r}")
    try:
        val = float(score)
        lo, hi = LABEL_RANGES.get(label, (-1, 1))
        if not lo <= val <= hi:
            fail(f"{fn}: score {val} outside range for {label}")
    except ValueError:
        fail(f"{fn}: score not a number {score!r}")
    if ts != "Ticker Sentiment":
        fail(f"{fn}: expected 'Ticker Sentiment', got {ts!r}")
    for t in tickers:
        m = TICKER_LINE.match(t)
        if not m:
            fail(f"{fn}: bad ticker line {t!r}")
        elif m.group(2) not in COMPANIES:
            fail(f"{fn}: ticker line for unknown ticker {m.group(2)}")
    if "Overall Sentiment" in news + analysis:
        fail(f"{fn}: sentiment block leaked into text")
    return info


def parse_long(fn, text):
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        fail(f"{fn}: no YAML front matter")
        return None
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            fail(f"{fn}: front matter missing {k}")
    if fm.get("ticker") not in COMPANIES:
        fail(f"{fn}: front matter ticker {fm.get('ticker')} not covered")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", fm.get("date", "")):
        fail(f"{fn}: bad date")
    body = m.group(2)
    prose = [l for l in body.splitlines() if not l.lstrip().startswith("|")]
    words = len(" ".join(prose).split())
    if not 900 <= words <= 1100:
        fail(f"{fn}: {words} prose words")
    tables = [l for l in body.splitlines() if l.startswith("|")]
    headers = [l for i, l in enumerate(body.splitlines()) if l.startswith("|") and
               i + 1 < len(body.splitlines()) and re.match(r"^\|[-| ]+\|$", body.splitlines()[i + 1])]
    if not tables or not any(re.search(r"FY\d{4}|H[12] FY\d{4}|Q[1-4]", h) for h in headers):
        fail(f"{fn}: no Markdown table with fiscal-year/quarter columns")
    if not re.search(r"\b(we|We|our|the Company)\b", body):
        fail(f"{fn}: not in company voice")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        fail(f"{fn}: long note must not have a sentiment block")
    return {"fm": fm, "body": body}


def companies_in(text):
    return {t for t, (_, rx, _) in COMPANIES.items() if re.search(rx, text)}


def check_notes(notes):
    short = {fn: t for fn, t in notes.items() if fn.endswith(".txt")}
    long_ = {fn: t for fn, t in notes.items() if fn.endswith(".md")}
    if len(short) != 22:
        fail(f"expected 22 short notes, found {len(short)}")
    if len(long_) != 4:
        fail(f"expected 4 long notes, found {len(long_)}")
    parsed = {}
    for fn, t in short.items():
        info = parse_short(fn, t)
        if info:
            parsed[fn] = info
    # spread of formats
    n_date = sum(1 for i in parsed.values() if i["date"])
    n_blank = sum(1 for i in parsed.values() if i["blank"])
    n_tick = sum(1 for i in parsed.values() if i["tickers"])
    n_nofinal = sum(1 for i in parsed.values() if not i["final_nl"])
    n_curly = sum(1 for i in parsed.values() if i["curly"])
    tags = {i["tag"] for i in parsed.values()}
    reqs = {i["req"] for i in parsed.values()}
    if not 9 <= n_date <= 13:
        fail(f"{n_date} short notes with Date line (want about half)")
    if n_blank < 2:
        fail("want some notes with a blank first line")
    if not 11 <= n_tick <= 15:
        fail(f"{n_tick} notes with ticker lines (want about 13)")
    if not (2 <= n_nofinal <= 20):
        fail("want some notes without final newline")
    if n_curly < 2:
        fail("want some notes with curly apostrophes")
    if not 3 <= len(tags) <= 4:
        fail(f"{len(tags)} tagline variants (want 3-4)")
    if len(reqs) != 2:
        fail("both 'Request a Demo' and 'Request Demo' should be used")
    layouts = set()
    for fn, i in parsed.items():
        for t in i["tickers"]:
            m = TICKER_LINE.match(t)
            if m:
                layouts.add((m.group(1), m.group(3)))
    if len(layouts) < 3:
        fail("vary ticker-line layouts (plain, colon, $)")
    # per-company counts (company named in the news paragraph)
    note_companies = {}
    for fn, i in parsed.items():
        cs = companies_in(i["news"])
        if not cs:
            fail(f"{fn}: no covered company named in news paragraph")
        note_companies[fn] = cs
        # ticker lines: one per main company
        tl = {TICKER_LINE.match(t).group(2) for t in i["tickers"] if TICKER_LINE.match(t)}
        if i["tickers"] and tl != cs:
            fail(f"{fn}: ticker lines {sorted(tl)} != companies {sorted(cs)}")
        # invented companies tied to tickers only in text
        for t in cs & INVENTED:
            name = COMPANIES[t][0]
            if f"{name} ({t})" not in i["news"]:
                fail(f"{fn}: invented company not introduced as '{name} ({t})'")
    for t in COMPANIES:
        n = sum(1 for cs in note_companies.values() if t in cs)
        want = (2, 2) if t in INVENTED else (2, 3)
        if not want[0] <= n <= want[1]:
            fail(f"{t}: {n} short notes (want {want})")
    pairs = [fn for fn, cs in note_companies.items() if len(cs) == 2]
    if len(pairs) != 2 or any(len(cs) > 2 for cs in note_companies.values()):
        fail(f"want exactly two comparison notes with two companies, got {pairs}")
    if any(cs & INVENTED for fn, cs in note_companies.items() if len(cs) == 2):
        fail("comparison notes should pair real covered companies")
    # long notes
    lt = []
    for fn, t in long_.items():
        info = parse_long(fn, t)
        if info:
            lt.append(info["fm"]["ticker"])
    real_long = {t for t in lt if t not in INVENTED}
    inv_long = [t for t in lt if t in INVENTED]
    if len(real_long) != 2 or len(inv_long) != 2 or len(set(inv_long)) != 1:
        fail(f"long notes should cover two real companies and one invented company twice, got {lt}")
    # dates inside fiscal 2029 .. mid-2030
    for fn, i in parsed.items():
        if i["date"] and not ("2029-01-01" <= i["date"] <= "2030-07-31"):
            fail(f"{fn}: date {i['date']} outside period")
    # passing mentions: one sentence, no figures, no other note
    for name, (key, fn) in PASSING.items():
        hits = [f for f, t in notes.items() if key in t]
        if hits != [fn]:
            fail(f"passing company {name} appears in {hits}, expected only {fn}")
        sents = [s for s in sentences(notes[fn].replace("\n", " ")) if name in s]
        if len(sents) != 1:
            fail(f"passing company {name}: {len(sents)} sentences")
        elif re.search(r"\d", sents[0]):
            fail(f"passing company {name}: sentence has figures")
    return parsed, note_companies


def check_qa(notes, parsed, note_companies):
    qs = []
    with open(QA_PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"qa.jsonl line {n}: {e}")
    ids = [q["id"] for q in qs]
    if ids != ["q%03d" % i for i in range(1, len(qs) + 1)]:
        fail("ids are not q001..qNNN in order")
    byid = {q["id"]: q for q in qs}
    kinds = {}
    for q in qs:
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{q.get('id')}: missing {k}")
        if q["kind"] not in EXPECTED_KIND_COUNTS:
            fail(f"{q['id']}: unknown kind {q['kind']}")
        if not q.get("typo") and not q.get("unknown_company"):
            kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
        for g in q["gold_notes"]:
            if g not in notes:
                fail(f"{q['id']}: gold note {g} missing")
        if q["ticker"] is not None and q["ticker"] not in COMPANIES:
            fail(f"{q['id']}: ticker {q['ticker']} not covered")
        # keywords occur in a gold note
        for kw in q["answer_keywords"]:
            if not any(kw.lower() in notes.get(g, "").lower() for g in q["gold_notes"]):
                fail(f"{q['id']}: keyword {kw!r} not in any gold note")
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail(f"{q['id']}: no_answer must have empty gold and keywords")
        else:
            if not q["gold_notes"] or not q["answer_keywords"]:
                fail(f"{q['id']}: answerable question needs gold and keywords")
            if q["ticker"] and q["kind"] != "general":
                for g in q["gold_notes"]:
                    t = notes[g]
                    if not re.search(COMPANIES[q["ticker"]][1], t):
                        fail(f"{q['id']}: gold {g} does not mention {q['ticker']}")
    for k, want in EXPECTED_KIND_COUNTS.items():
        if kinds.get(k, 0) != want:
            fail(f"kind {k}: {kinds.get(k, 0)} questions, want {want}")
    # factual from long notes
    fl = [q for q in qs if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")
          and all(g.endswith(".md") for g in q["gold_notes"])]
    if len(fl) != 4:
        fail(f"{len(fl)} plain factual questions answered from long notes (want 4)")
    # typo
    typos = [q for q in qs if q.get("typo")]
    if len(typos) != 2 or any(q["kind"] != "factual" for q in typos):
        fail("want 2 typo questions of kind factual")
    for q in typos:
        name = COMPANIES[q["ticker"]][0].split()[0].lower()
        if name in q["question"].lower():
            fail(f"{q['id']}: typo question spells {name} correctly")
    # unknown company
    unk = [q for q in qs if q.get("unknown_company")]
    ans = [q for q in unk if q["kind"] != "no_answer"]
    if len(ans) != 7 or len(unk) - len(ans) != 2:
        fail(f"unknown_company: {len(ans)} answerable / {len(unk) - len(ans)} unanswerable (want 7/2)")
    if {q["kind"] for q in ans} != {"factual", "risk", "sentiment"}:
        fail("unknown_company answerable kinds should be factual, risk, sentiment")
    for q in unk:
        if q["ticker"] not in INVENTED:
            fail(f"{q['id']}: unknown_company question not about an invented company")
    for q in qs:
        if q["ticker"] in INVENTED and not q.get("unknown_company"):
            fail(f"{q['id']}: question on invented company lacks unknown_company flag")
    # follow-ups
    for i, q in enumerate(qs):
        if q["kind"] == "follow_up":
            parent = q.get("follows")
            if i == 0 or parent != qs[i - 1]["id"]:
                fail(f"{q['id']}: follow-up must come straight after its parent")
                continue
            if byid[parent]["kind"] == "follow_up":
                fail(f"{q['id']}: parent is itself a follow-up")
            if q["ticker"] != byid[parent]["ticker"]:
                fail(f"{q['id']}: ticker differs from parent")
            if companies_in(q["question"]) or re.search(r"[A-Z]{2,}\.[A-Z]{1,2}", q["question"]):
                fail(f"{q['id']}: follow-up names a company")
        elif "follows" in q:
            fail(f"{q['id']}: only follow-ups have 'follows'")
    # comparison
    for q in qs:
        if q["kind"] == "comparison":
            if q["ticker"] is not None:
                fail(f"{q['id']}: comparison ticker must be null")
            cs = {t for t, (n, rx, _) in COMPANIES.items() if re.search(rx, q["question"], re.I)}
            if len(cs) != 2:
                fail(f"{q['id']}: comparison should name two companies, found {cs}")
            gold_text = " ".join(notes[g] for g in q["gold_notes"])
            for t in cs:
                if not re.search(COMPANIES[t][1], gold_text):
                    fail(f"{q['id']}: gold does not cover {t}")
    # general themes
    for qid, theme in GENERAL_THEME.items():
        q = byid.get(qid)
        if not q or q["kind"] != "general":
            fail(f"{qid}: expected a general question")
            continue
        hits = sorted(fn for fn, t in notes.items() if THEMES[theme].search(t))
        if hits != sorted(q["gold_notes"]):
            fail(f"{qid}: theme {theme} regex gives {hits}, gold is {sorted(q['gold_notes'])}")
        if len(hits) < 3:
            fail(f"{qid}: theme {theme} too narrow")
    if sorted(q["id"] for q in qs if q["kind"] == "general") != sorted(GENERAL_THEME):
        fail("general questions and GENERAL_THEME disagree")
    # sentiment
    for q in qs:
        if q["kind"] == "sentiment":
            t = q["ticker"]
            want = sorted(fn for fn, cs in note_companies.items() if t in cs)
            if sorted(q["gold_notes"]) != want:
                fail(f"{q['id']}: sentiment gold {q['gold_notes']} != all short notes {want}")
            labels = {parsed[fn]["label"] for fn in want}
            if set(q["answer_keywords"]) != labels:
                fail(f"{q['id']}: sentiment keywords {q['answer_keywords']} != labels {sorted(labels)}")
    # near misses
    nm = [q for q in qs if q.get("near_miss")]
    counts = {}
    for q in nm:
        counts[q["near_miss"]] = counts.get(q["near_miss"], 0) + 1
        if q["kind"] != "no_answer":
            fail(f"{q['id']}: near miss must be no_answer")
        d = NEAR_MISS.get(q["id"])
        if not d:
            fail(f"{q['id']}: no NEAR_MISS entry")
            continue
        kind, fn, nearby, absent, scope, _ = d
        if kind != q["near_miss"]:
            fail(f"{q['id']}: near_miss kind mismatch")
        if nearby not in notes.get(fn, ""):
            fail(f"{q['id']}: nearby text not found in {fn}")
        scope = scope or list(notes)
        for s in scope:
            m = re.search(absent, notes[s])
            if m:
                fail(f"{q['id']}: absent-fact regex matches {s}: {m.group(0)!r}")
    for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
        if counts.get(k, 0) != 4:
            fail(f"near_miss {k}: {counts.get(k, 0)} (want 4)")
    if set(NEAR_MISS) != {q["id"] for q in nm}:
        fail("NEAR_MISS table and qa.jsonl disagree")
    for qid, (fn, nearby, absent, scope) in UNKNOWN_UNANSWERABLE.items():
        q = byid.get(qid)
        if not q or not q.get("unknown_company") or q["kind"] != "no_answer":
            fail(f"{qid}: expected unanswerable unknown_company question")
        if nearby not in notes.get(fn, ""):
            fail(f"{qid}: nearby text not in {fn}")
        for s in scope:
            if re.search(absent, notes[s]):
                fail(f"{qid}: absent regex matches {s}")
    for qid, (typ, absent) in OTHER_NO_ANSWER.items():
        q = byid.get(qid)
        if not q or q["kind"] != "no_answer" or q.get("near_miss") or q.get("unknown_company"):
            fail(f"{qid}: expected plain no_answer ({typ})")
        for fn, t in notes.items():
            if re.search(absent, t):
                fail(f"{qid}: {typ} regex matches {fn}")
    plain_na = [q["id"] for q in qs if q["kind"] == "no_answer" and not q.get("near_miss")
                and not q.get("unknown_company")]
    if sorted(plain_na) != sorted(OTHER_NO_ANSWER):
        fail(f"plain no_answer ids {plain_na} disagree with OTHER_NO_ANSWER")
    return qs


def check_exclusions(notes, qs):
    if not (os.path.exists(EXCL_TICKERS) and os.path.exists(EXCL_NAMES)):
        print(f"WARNING: exclusion lists not found under {EXCL_DIR}; exclusion check skipped")
        return
    tickers = {l.strip() for l in read(EXCL_TICKERS).splitlines() if l.strip()}
    tickers -= set(COMPANIES)  # the assigned covered tickers themselves are allowed
    raw_names = [l.strip() for l in read(EXCL_NAMES).splitlines() if l.strip()]
    names = set()
    for line in raw_names:
        for part in re.split(r'\s*/\s*|,\s*"', line):
            part = part.strip().strip('"')
            # a line where two names were glued together ("Foo TherapeuticsBar"):
            # split only when the glued tail is a single final word
            m = re.match(r"^(.*[a-z]{4})([A-Z][a-z]{3,})$", part)
            if m:
                names.update([m.group(1), m.group(2)])
            if part:
                names.add(part)
    texts = dict(notes)
    for q in qs:
        texts[q["id"]] = q["question"]
    # file names of notes also count
    texts["<filenames>"] = " ".join(notes)
    token_rx = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*[A-Za-z0-9]|[A-Za-z0-9]")
    for where, t in texts.items():
        toks = {tok.rstrip(".") for tok in token_rx.findall(t)}
        bad = toks & tickers
        if bad:
            fail(f"{where}: excluded ticker token(s) {sorted(bad)}")
        for n in names:
            if re.search(r"(?<![A-Za-z0-9])" + re.escape(n) + r"(?![A-Za-z0-9])", t, re.I):
                fail(f"{where}: excluded name {n!r}")
    words = set()
    for n in names:
        words |= {w.lower() for w in re.findall(r"[A-Za-z0-9]+", n)}
    for t in INVENTED:
        for w in re.findall(r"[A-Za-z]+", COMPANIES[t][0]):
            if w.lower() in words:
                fail(f"invented name {COMPANIES[t][0]} shares word {w!r} with exclusion list")
        if t in tickers:
            fail(f"invented ticker {t} is excluded")
        if not re.match(r"^[A-Z]{3,4}$", t):
            fail(f"invented ticker {t} must be 3-4 capitals")


def near_miss_table():
    qs = {}
    with open(QA_PATH, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            qs[d["id"]] = d
    order = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
    rows = sorted(NEAR_MISS.items(), key=lambda kv: (order.index(kv[1][0]), kv[0]))
    out = ["| id | kind | question | note | nearby text | why unanswerable |", "|---|---|---|---|---|---|"]
    for qid, (kind, fn, nearby, _, _, why) in rows:
        out.append(f"| {qid} | {kind} | {qs[qid]['question']} | `{fn}` | \"{nearby}\" | {why} |")
    return "\n".join(out)


def main():
    if "--table" in sys.argv:
        print(near_miss_table())
        return 0
    notes = load_notes()
    parsed, note_companies = check_notes(notes)
    qs = check_qa(notes, parsed, note_companies)
    check_exclusions(notes, qs)
    if problems:
        for p in problems:
            print("FAIL:", p)
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
