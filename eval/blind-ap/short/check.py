#!/usr/bin/env python3
"""Self-check for the blind content evaluation set in this folder (stdlib only).

Run:  python3 check.py
Prints every problem found, or `OK` when all checks pass.

What is checked
  * short notes (notes/*.txt): the seed-note line format, paragraph sizes, label/score
    consistency, `TICKER score` lines, format variety (Date lines, missing final newline,
    curly apostrophes, taglines, both `Request a Demo` / `Request Demo` spellings);
  * long notes (notes/*.md): YAML front matter, 900-1,100 words of prose, Markdown tables
    with fiscal-year or quarter columns, no sentiment block;
  * coverage: notes per company, the two two-company notes, invented companies tied to
    their tickers, passing-mention companies (one sentence, no figures, one note);
  * questions (qa.jsonl): counts per kind, keywords occur in a gold note, follow-ups,
    comparisons, theme regexes reproduce the general questions' gold sets, sentiment gold
    and keywords, near misses (nearby text present, absent-fact regex not matching);
  * exclusions: excluded names and tickers appear nowhere in notes or questions.
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCLUSIONS_DIR", "/work/blind-prompts")

# --------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------
COMPANIES = {
    "GALD.SW": {"name": "Galderma", "aliases": ["Galderma"], "invented": False},
    "RBREW.CO": {"name": "Royal Unibrew", "aliases": ["Royal Unibrew", "Unibrew", "RBREW"], "invented": False},
    "INRN.SW": {"name": "Interroll", "aliases": ["Interroll", "INRN"], "invented": False},
    "BUCN.SW": {"name": "Bucher Industries", "aliases": ["Bucher", "BUCN"], "invented": False},
    "6383.T": {"name": "Daifuku", "aliases": ["Daifuku", "6383"], "invented": False},
    "6856.T": {"name": "Horiba", "aliases": ["Horiba", "6856"], "invented": False},
    "6370.T": {"name": "Kurita Water Industries", "aliases": ["Kurita", "6370"], "invented": False},
    "DPAD": {"name": "Drovanthe Padel Clubs", "aliases": ["Drovanthe", "DPAD"], "invented": True},
    "LBCR": {"name": "Lubranzo Court Reporting", "aliases": ["Lubranzo", "LBCR"], "invented": True},
}
INVENTED = [t for t, c in COMPANIES.items() if c["invented"]]

# Main companies of each short note (long notes carry theirs in front matter).
SHORT_NOTE_COMPANIES = {
    "galderma-fy39-results.txt": ["GALD.SW"],
    "galderma-nemluvio-q1.txt": ["GALD.SW"],
    "galderma-relfydess-launch.txt": ["GALD.SW"],
    "royal-unibrew-fy39.txt": ["RBREW.CO"],
    "royal-unibrew-q1-2040.txt": ["RBREW.CO"],
    "royal-unibrew-albani-klar.txt": ["RBREW.CO"],
    "interroll-fy39.txt": ["INRN.SW"],
    "interroll-spiral-sorter.txt": ["INRN.SW"],
    "interroll-daifuku-intralogistics.txt": ["INRN.SW", "6383.T"],
    "bucher-fy39.txt": ["BUCN.SW"],
    "bucher-hydraulics-deal.txt": ["BUCN.SW"],
    "bucher-h1-2040.txt": ["BUCN.SW"],
    "daifuku-fy39.txt": ["6383.T"],
    "daifuku-indiana-plant.txt": ["6383.T"],
    "horiba-fy39.txt": ["6856.T"],
    "horiba-raman-launch.txt": ["6856.T"],
    "horiba-kurita-semis.txt": ["6856.T", "6370.T"],
    "kurita-upw-orders.txt": ["6370.T"],
    "drovanthe-fy39.txt": ["DPAD"],
    "drovanthe-h1-2040.txt": ["DPAD"],
    "lubranzo-fy39.txt": ["LBCR"],
    "lubranzo-q1-2040.txt": ["LBCR"],
}

# Real companies mentioned only in passing: name -> (ticker, the one note that names it).
PASSING = {
    "Olvi": ("OLVAS.HE", "royal-unibrew-fy39.txt"),
    "Kardex": ("KARN.SW", "interroll-fy39.txt"),
    "CNH Industrial": ("CNH", "bucher-fy39.txt"),
    "Organo": ("6368.T", "kurita-upw-orders.txt"),
}
# Real companies with no notes at all (used by two no-answer questions).
NO_NOTES = {"6273.T": r"\bSMC\b", "2502.T": r"\bAsahi\b"}
# Period that no note covers (used by one no-answer question).
PERIOD_NOT_COVERED = r"2036"

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
TAGLINES = [
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research with instant alerts and portfolio-level analytics.",
    "Smarter research workflows for professional investors: alerts, screening and sentiment in one place.",
    "Real-time coverage, sentiment scoring and analytics built for buy-side teams.",
]
DEMO_LINES = ["Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"]

# --------------------------------------------------------------------------------------
# General-question themes: gold = every note (short or long) whose text matches.
# --------------------------------------------------------------------------------------
THEMES = {
    "pricing": r"(?i)\bprice increases?\b",
    "labour": r"(?i)\blabou?r shortages?\b",
    "tariffs": r"(?i)\btariffs?\b",
}
GENERAL_THEME = {"q033": "pricing", "q034": "labour", "q035": "tariffs"}

# --------------------------------------------------------------------------------------
# Near misses: nearby text a careless bot would quote, and a regex for the absent fact.
# The absent regex is tested sentence by sentence and must match no sentence in any note
# of the company (for passing companies: in any note at all).
# --------------------------------------------------------------------------------------
MONTHS = r"January|February|March|April|June|July|August|September|October|November|December"
GROWTH = r"\d+(?:\.\d+)?%|\bup\b|\brose\b|\bgrew\b|\bincrease|\byear earlier\b|\ba year ago\b|from ¥"
NEAR_MISSES = {
    "q048": dict(kind="segment_figure", note="galderma-fy39-results.txt",
                 nearby="Dermatological Skincare, led by Cetaphil, again outgrew its markets",
                 absent=r"(Dermatological Skincare|Cetaphil).*(\$ ?\d|\d+(\.\d+)? ?(billion|million|bn)\b)",
                 why="Gives group sales ($6.12bn) and Injectable Aesthetics ($2.71bn) only; the remainder mixes Skincare with Therapeutic Dermatology."),
    "q049": dict(kind="segment_figure", note="royal-unibrew-q1-2040.txt",
                 nearby="Western Europe, where the Italian and German distribution businesses sit, lagged",
                 absent=r"Western Europe.*DKK ?\d",
                 why="Gives group EBIT (DKK 402m) and Northern Europe EBIT (DKK 236m); International is a third segment, so Western Europe cannot be derived."),
    "q050": dict(kind="segment_figure", note="bucher-fy39.txt",
                 nearby="Bucher Municipal, which makes street sweepers and refuse trucks",
                 absent=r"Municipal.*CHF ?\d",
                 why="Gives group sales and Kuhn Group sales only; four other divisions share the remainder."),
    "q051": dict(kind="segment_figure", note="daifuku-fy39.txt",
                 nearby="Airport remained loss-making",
                 absent=r"Airport.*¥ ?\d",
                 why="Gives group sales and Cleanroom sales only; Intralogistics, Automotive and Airport share the remainder."),
    "q052": dict(kind="passing_company", note="royal-unibrew-fy39.txt",
                 nearby="main domestic rival in Finland, has announced similar spring price increases",
                 absent=r"Olvi.*\d",
                 why="Olvi is named once, with no figures."),
    "q053": dict(kind="passing_company", note="interroll-fy39.txt",
                 nearby="Kardex, which competes with Interroll for storage and picking projects",
                 absent=r"Kardex.*\d",
                 why="Kardex is named once, with no figures; the backlog in the note is Interroll's."),
    "q054": dict(kind="passing_company", note="bucher-fy39.txt",
                 nearby="CNH Industrial, a major competitor of Kuhn in tillage and hay tools",
                 absent=r"CNH.*\d",
                 why="CNH Industrial is named once (dealer inventories), with no figures."),
    "q055": dict(kind="passing_company", note="kurita-upw-orders.txt",
                 nearby="closest domestic rival in ultrapure water",
                 absent=r"Organo.*\d",
                 why="Organo is named once, with no figures; the ¥112.0bn in the note is Kurita's."),
    "q056": dict(kind="product_metric", note="galderma-relfydess-launch.txt",
                 nearby="list price of $640 per vial",
                 absent=r"Relfydess.*\b(sales|revenue|sold|shipped|units)\b|\bvials sold\b",
                 why="Gives list price, label and duration only; no units or revenue."),
    "q057": dict(kind="product_metric", note="royal-unibrew-albani-klar.txt",
                 nearby="DKK 9.95 per 33cl can",
                 absent=r"Klar.*\b(hectolitres?|hl|sold|sales|revenue|volumes?)\b",
                 why="Gives shelf price and category growth only; no volumes for the product."),
    "q058": dict(kind="product_metric", note="interroll-spiral-sorter.txt",
                 nearby="list prices starting at CHF 1.1 million per installation",
                 absent=r"\bSX\b.*\b(units|sold|orders|ordered|shipped)\b|\b\d[\d,]* (units|sorters)\b",
                 why="Gives throughput, footprint and price only; no units sold."),
    "q059": dict(kind="product_metric", note="horiba-raman-launch.txt",
                 nearby="at a list price of ¥28 million",
                 absent=r"Vireo.*\b(units|sold|shipped|revenue|sales)\b",
                 why="Gives price and mapping speed only; the ¥38.2bn in the note is segment orders."),
    "q060": dict(kind="undated_event", note="galderma-fy39-results.txt",
                 nearby="will start once the lock-up on the founding investors",
                 absent=r"buyback.*(20\d\d|\bQ[1-4]\b|\bH[12]\b|" + MONTHS + r")",
                 why="Start is conditional on a lock-up expiry whose date is not given."),
    "q061": dict(kind="undated_event", note="bucher-hydraulics-deal.txt",
                 nearby="The transaction will close once merger-control approvals",
                 absent=r"\bclos(e|es|ed|ing)\b.*(20\d\d|\bQ[1-4]\b|\bH[12]\b|quarter|months?|weeks|" + MONTHS + r")",
                 why="Closing depends on EU and Türkiye approvals; no date or quarter given."),
    "q062": dict(kind="undated_event", note="daifuku-indiana-plant.txt",
                 nearby="Production will begin once the state permits",
                 absent=r"(production|plant).*(begin|start|open|operat)\w*.*(20\d\d|\bQ[1-4]\b|\bH[12]\b|" + MONTHS + r")",
                 why="Start depends on permits and grid connection; management gave no date."),
    "q063": dict(kind="undated_event", note="horiba-kurita-semis.txt",
                 nearby="will begin operating once its anchor customer",
                 absent=r"Kumamoto.*(20\d\d|\bQ[1-4]\b|\bH[12]\b|" + MONTHS + r")",
                 why="Start depends on the customer's second fab ramp; no date."),
    "q064": dict(kind="other_measure", note="interroll-fy39.txt",
                 nearby="an EBITDA margin of 19.7%",
                 absent=r"(?i)net (profit|income|result|earnings)|profit after tax|\bEPS\b|earnings per share",
                 why="Gives sales, orders, EBITDA margin and dividend; no net profit anywhere in Interroll notes."),
    "q065": dict(kind="other_measure", note="daifuku-indiana-plant.txt",
                 nearby="order backlog stood at ¥842 billion",
                 absent=r"backlog.*(" + GROWTH + r")",
                 why="Gives the backlog level only; no prior-year backlog or growth rate."),
    "q066": dict(kind="other_measure", note="horiba-raman-launch.txt",
                 nearby="Semiconductor segment orders reached ¥38.2 billion",
                 absent=r"\borders?\b.*(" + GROWTH + r")",
                 why="Gives the Q1 2040 order level; the note says no prior-year comparison was given."),
    "q067": dict(kind="other_measure", note="kurita-upw-orders.txt",
                 nearby="¥112.0 billion of orders in its ultrapure water service business",
                 absent=r"(ultrapure water|UPW).*\borders\b.*(" + GROWTH + r")|\borders\b.*(ultrapure water|UPW).*(" + GROWTH + r")",
                 why="Gives the fiscal 2039 order level only; no fiscal 2038 figure or growth."),
}

# Count of questions per category (a question's category: typo / unknown_company /
# near_miss flags first, then other no-answer types, else its kind).
EXPECTED_COUNTS = {
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
    "sentiment": 3, "typo": 2, "unknown_company": 9, "near_miss": 20,
    "no_notes_company": 2, "off_topic": 1, "period_not_covered": 1,
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# Names the brief excludes in addition to excluded_names.txt (minus the covered ones).
EXTRA_EXCLUDED = [
    "Mindray", "Havells", "Pidilite", "WiseTech", "Mainfreight", "Nabtesco", "Hoshizaki",
    "Pinterest", "Twilio", "Five Below", "MongoDB", "Zoom Communications", "VusionGroup",
    "Sekisui House", "Sanrio", "Ebara", "Ollie's Bargain Outlet", "Datadog", "DocuSign",
    "HubSpot", "Mediobanca", "Snam", "Lixil", "Kobe Bussan", "Nifco",
]
COVERED_NAMES = ["Galderma", "Royal Unibrew", "Interroll", "Bucher Industries", "Daifuku", "Horiba", "Kurita Water"]

ERRORS = []


def err(msg):
    ERRORS.append(msg)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sentences(text):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text.strip())


def note_sentences(text):
    """Sentences of a note (lines and table rows split too); decimals such as 1.0 stay intact."""
    out = []
    for line in text.splitlines():
        if line.strip():
            out.extend(sentences(line))
    return out


def words(text):
    return len(text.split())


# --------------------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------------------
def parse_short(name, text):
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    info = {"final_newline": text.endswith("\n"), "curly": "\u2019" in text, "lead": None}
    i = 0
    if lines and lines[0] == "":
        info["lead"] = "blank"
        i = 1
    elif lines and lines[0].startswith("Date:"):
        m = re.fullmatch(r"Date: (\d{4})-(\d{2})-(\d{2})", lines[0])
        if not m:
            err(f"{name}: bad Date line {lines[0]!r}")
        elif not ("2039-01-01" <= lines[0][6:] <= "2040-08-31"):
            err(f"{name}: date {lines[0][6:]} outside fiscal 2039 to mid-2040")
        info["lead"] = "date"
        i = 1
    body = lines[i:]
    if len(body) < 8:
        err(f"{name}: too few lines ({len(body)})")
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    info.update(news=news, analytic=analytic, tagline=tagline, demo=demo, label=label, score=score)
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        err(f"{name}: news paragraph has {n_sent} sentences (want 2-4)")
    if not re.search(r"\d", news) or not re.search(r"20\d\d|Q[1-4]|quarter|half", news):
        err(f"{name}: news paragraph lacks figures with a period")
    w = words(analytic)
    if not 180 <= w <= 240:
        err(f"{name}: analytic paragraph has {w} words (want 180-240)")
    if tagline not in TAGLINES:
        err(f"{name}: unknown tagline {tagline!r}")
    if demo not in DEMO_LINES:
        err(f"{name}: bad demo line {demo!r}")
    if label not in LABELS:
        err(f"{name}: bad label {label!r}")
    if ss != "Sentiment Score":
        err(f"{name}: expected 'Sentiment Score', got {ss!r}")
    if not re.fullmatch(r"-?\d\.\d{2}", score):
        err(f"{name}: bad score {score!r}")
    else:
        s = float(score)
        ok = {
            "strongly positive": s >= 0.5, "mildly positive": 0.15 <= s < 0.5,
            "neutral": -0.15 < s < 0.15, "mildly negative": -0.5 < s <= -0.15,
            "strongly negative": s <= -0.5,
        }.get(label, False)
        if not ok:
            err(f"{name}: label {label!r} inconsistent with score {score}")
    if ts != "Ticker Sentiment":
        err(f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    ticks = []
    for line in body[8:]:
        m = re.fullmatch(r"(\$?)([A-Z0-9]+(?:\.[A-Z]+)?)(:?) (-?\d\.\d{2})", line)
        if not m:
            err(f"{name}: bad ticker line {line!r}")
        else:
            ticks.append(m.group(2))
    info["ticks"] = ticks
    expected = SHORT_NOTE_COMPANIES.get(name)
    if expected is None:
        err(f"{name}: not in SHORT_NOTE_COMPANIES")
    elif ticks and sorted(ticks) != sorted(expected):
        err(f"{name}: ticker lines {ticks} != main companies {expected}")
    return info


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        err(f"{name}: missing YAML front matter")
        return None
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    for key in ("company", "ticker", "title", "date"):
        if not fm.get(key):
            err(f"{name}: front matter lacks {key}")
    body = m.group(2)
    if fm.get("ticker") not in COMPANIES:
        err(f"{name}: unknown ticker {fm.get('ticker')}")
    elif COMPANIES[fm["ticker"]]["aliases"][0] not in fm.get("company", ""):
        err(f"{name}: company/ticker mismatch")
    if not re.fullmatch(r"20(39|40)-\d\d-\d\d", fm.get("date", "")):
        err(f"{name}: bad date {fm.get('date')}")
    prose = [l for l in body.splitlines() if l.strip() and not l.strip().startswith(("|", "#", "**Table"))]
    w = words(" ".join(prose))
    if not 900 <= w <= 1100:
        err(f"{name}: {w} words of prose (want 900-1,100)")
    headers = [l for l in body.splitlines() if l.startswith("|")]
    if not any(re.search(r"FY20\d\d|Q[1-4]|20\d\d", l) for l in headers):
        err(f"{name}: no table with fiscal-year or quarter columns")
    if not any(re.fullmatch(r"\|[-:| ]+\|", l.strip()) for l in headers):
        err(f"{name}: no Markdown table separator row")
    if re.search(r"Overall Sentiment|Sentiment Score|Ticker Sentiment", body):
        err(f"{name}: long note has a sentiment block")
    if not re.search(r"\b(we|We|our|Our|the Company)\b", body):
        err(f"{name}: not written in the we/the Company voice")
    return {"fm": fm, "body": body}


def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        notes[fn] = read(os.path.join(NOTES_DIR, fn))
    return notes


def check_notes(notes):
    short = {n: t for n, t in notes.items() if n.endswith(".txt")}
    long_ = {n: t for n, t in notes.items() if n.endswith(".md")}
    other = [n for n in notes if not n.endswith((".txt", ".md"))]
    if other:
        err(f"unexpected files in notes/: {other}")
    if len(short) != 22:
        err(f"{len(short)} short notes (want 22)")
    if len(long_) != 4:
        err(f"{len(long_)} long notes (want 4)")
    if set(short) != set(SHORT_NOTE_COMPANIES):
        err(f"short notes differ from SHORT_NOTE_COMPANIES: {set(short) ^ set(SHORT_NOTE_COMPANIES)}")

    infos = {}
    for n, t in short.items():
        info = parse_short(n, t)
        if info:
            infos[n] = info
        for tk in SHORT_NOTE_COMPANIES.get(n, []):
            if not any(a in t for a in COMPANIES[tk]["aliases"][:1]):
                err(f"{n}: does not name its company {COMPANIES[tk]['name']}")
    dated = sum(1 for i in infos.values() if i["lead"] == "date")
    blank = sum(1 for i in infos.values() if i["lead"] == "blank")
    with_ticks = sum(1 for i in infos.values() if i["ticks"])
    no_nl = sum(1 for i in infos.values() if not i["final_newline"])
    curly = sum(1 for i in infos.values() if i["curly"])
    if not 9 <= dated <= 13:
        err(f"{dated} short notes with a Date line (want about half)")
    if blank < 2:
        err("fewer than 2 short notes start with a blank line")
    if not 12 <= with_ticks <= 14:
        err(f"{with_ticks} short notes with ticker lines (want about 13)")
    if not 2 <= no_nl <= 12:
        err(f"{no_nl} short notes without final newline (want some)")
    if not 2 <= curly <= len(infos) - 2:
        err(f"{curly} short notes with curly apostrophes (want some, not all)")
    tags = {i["tagline"] for i in infos.values()}
    if not 3 <= len(tags) <= 4:
        err(f"{len(tags)} tagline variants (want 3-4)")
    if {i["demo"] for i in infos.values()} != set(DEMO_LINES):
        err("both 'Request a Demo' and 'Request Demo' should occur")
    layouts = set()
    for n, t in short.items():
        for line in t.split("Ticker Sentiment", 1)[-1].splitlines():
            if line.strip():
                layouts.add("$" if line.startswith("$") else (":" if ":" in line else "plain"))
    if layouts != {"$", ":", "plain"}:
        err(f"ticker line layouts used: {layouts} (want plain, colon and $)")

    # companies per note
    per_company = {t: 0 for t in COMPANIES}
    pair_notes = []
    for n, tks in SHORT_NOTE_COMPANIES.items():
        for tk in tks:
            per_company[tk] += 1
        if len(tks) == 2:
            pair_notes.append(n)
    for tk, c in per_company.items():
        want = (2, 2) if COMPANIES[tk]["invented"] else (2, 3)
        if not want[0] <= c <= want[1]:
            err(f"{tk}: {c} short notes (want {want[0]}-{want[1]})")
    if len(pair_notes) != 2 or any(COMPANIES[t]["invented"] for n in pair_notes for t in SHORT_NOTE_COMPANIES[n]):
        err(f"want exactly two short notes covering two real companies, got {pair_notes}")

    long_info = {}
    for n, t in long_.items():
        li = parse_long(n, t)
        if li:
            long_info[n] = li
    lt = sorted(li["fm"]["ticker"] for li in long_info.values())
    real_long = {t for t in lt if not COMPANIES[t]["invented"]}
    inv_long = [t for t in lt if COMPANIES[t]["invented"]]
    if len(real_long) != 2 or len(inv_long) != 2 or len(set(inv_long)) != 1:
        err(f"long notes should cover two real companies and one invented company twice: {lt}")

    # invented companies: coined names, tied to ticker in text
    for tk in INVENTED:
        name = COMPANIES[tk]["name"]
        if not re.fullmatch(r"[A-Z]{3,4}", tk):
            err(f"{tk}: invented ticker must be 3-4 capital letters")
        if not 2 <= len(name.split()) <= 3:
            err(f"{name}: invented name must have two or three words")
        tied = f"{name} ({tk})"
        for n, t in notes.items():
            head, _, _ = t.partition("Ticker Sentiment")
            if n.endswith(".md"):
                head = head.split("---", 2)[-1]
            for m in re.finditer(rf"\b{tk}\b", head):
                if head[max(0, m.start() - len(name) - 2):m.start() - 2] != name:
                    err(f"{n}: ticker {tk} used without being tied to '{name}'")
        if not any(tied in t for t in notes.values()):
            err(f"{name}: never tied to its ticker as '{tied}'")

    # passing-mention companies
    for pname, (ptk, pnote) in PASSING.items():
        hits = [n for n, t in notes.items() if re.search(rf"\b{re.escape(pname.split()[0])}\b", t)]
        if hits != [pnote]:
            err(f"passing company {pname}: appears in {hits}, want only {pnote}")
            continue
        sents = [s for s in note_sentences(notes[pnote]) if pname.split()[0] in s]
        if len(sents) != 1:
            err(f"passing company {pname}: {len(sents)} sentences (want 1)")
        elif re.search(r"\d", sents[0]):
            err(f"passing company {pname}: its sentence contains figures")
        if ptk in COMPANIES:
            err(f"passing company {pname} is a covered company")
    return infos, long_info


# --------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------
def note_companies(n, long_info):
    if n in SHORT_NOTE_COMPANIES:
        return SHORT_NOTE_COMPANIES[n]
    if n in long_info:
        return [long_info[n]["fm"]["ticker"]]
    return []


def names_in(text):
    found = set()
    for tk, c in COMPANIES.items():
        for a in c["aliases"] + [tk]:
            if re.search(rf"(?i)(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])", text):
                found.add(tk)
    return found


def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_company"
    if q.get("near_miss"):
        return "near_miss"
    for flag in ("no_notes_company", "off_topic", "period_not_covered"):
        if q.get(flag):
            return flag
    return q["kind"]


def check_qa(notes, infos, long_info):
    qs = []
    for ln, line in enumerate(read(QA_PATH).splitlines(), 1):
        if line.strip():
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"qa.jsonl line {ln}: {e}")
    by_id = {}
    for idx, q in enumerate(qs):
        want_id = f"q{idx + 1:03d}"
        if q.get("id") != want_id:
            err(f"question {idx + 1}: id {q.get('id')} (want {want_id})")
        by_id[q.get("id")] = q
        for key in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if key not in q:
                err(f"{q.get('id')}: missing {key}")
    counts = {}
    for q in qs:
        counts[category(q)] = counts.get(category(q), 0) + 1
    if counts != EXPECTED_COUNTS:
        err(f"category counts {counts} != {EXPECTED_COUNTS}")

    short_by_ticker = {}
    for n, tks in SHORT_NOTE_COMPANIES.items():
        for tk in tks:
            short_by_ticker.setdefault(tk, []).append(n)
    notes_by_ticker = {tk: set(v) for tk, v in short_by_ticker.items()}
    for n, li in long_info.items():
        notes_by_ticker.setdefault(li["fm"]["ticker"], set()).add(n)

    long_only_factual = 0
    nm_kinds = {}
    for i, q in enumerate(qs):
        qid, kind, gold, kw, tk = q["id"], q["kind"], q["gold_notes"], q["answer_keywords"], q["ticker"]
        for g in gold:
            if g not in notes:
                err(f"{qid}: gold note {g} does not exist")
        if kind == "no_answer":
            if gold or kw:
                err(f"{qid}: no_answer must have empty gold_notes and answer_keywords")
        else:
            if not gold or not kw:
                err(f"{qid}: answerable question needs gold_notes and answer_keywords")
            for k in kw:
                if not any(k.lower() in notes.get(g, "").lower() for g in gold):
                    err(f"{qid}: keyword {k!r} not in any gold note")
        if kind not in ("factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"):
            err(f"{qid}: unknown kind {kind}")
        if tk is not None and tk not in COMPANIES and not q.get("near_miss") and not q.get("no_notes_company"):
            err(f"{qid}: unknown ticker {tk}")
        if kind in ("factual", "follow_up", "risk", "sentiment") and gold:
            for g in gold:
                if tk not in note_companies(g, long_info):
                    err(f"{qid}: gold note {g} is not about {tk}")
        if kind == "factual" and category(q) == "factual" and gold and all(g.endswith(".md") for g in gold):
            long_only_factual += 1
        if kind in ("factual", "risk", "sentiment", "comparison") and not q.get("typo"):
            if not names_in(q["question"]):
                err(f"{qid}: question names no company")
        if kind == "follow_up":
            prev = qs[i - 1] if i else None
            if not prev or q.get("follows") != prev["id"]:
                err(f"{qid}: follow-up must directly follow its parent (follows={q.get('follows')})")
            elif prev["ticker"] != tk:
                err(f"{qid}: follow-up ticker differs from parent")
            if names_in(q["question"]):
                err(f"{qid}: follow-up names a company")
        if q.get("typo"):
            if kind != "factual" or names_in(q["question"]):
                err(f"{qid}: typo question must be factual and must not spell the name right")
            name_words = [w for a in COMPANIES[tk]["aliases"] for w in a.lower().split()]
            best = max(difflib.SequenceMatcher(None, w, a).ratio()
                       for w in re.findall(r"[a-z]+", q["question"].lower()) for a in name_words)
            if best < 0.7:
                err(f"{qid}: no near-spelling of {COMPANIES[tk]['name']} found")
        if kind == "comparison":
            comps = {c for g in gold for c in note_companies(g, long_info)}
            named = names_in(q["question"])
            if tk is not None or len(named) != 2 or not named <= comps:
                err(f"{qid}: comparison needs ticker null and gold covering both named companies ({named} vs {comps})")
            for g in gold:
                if not any(k.lower() in notes[g].lower() for k in kw):
                    err(f"{qid}: gold note {g} contains none of the keywords")
        if kind == "general":
            theme = GENERAL_THEME.get(qid)
            if not theme:
                err(f"{qid}: general question without a theme in GENERAL_THEME")
            else:
                matched = sorted(n for n, t in notes.items() if re.search(THEMES[theme], t))
                if matched != sorted(gold):
                    err(f"{qid}: theme {theme} matches {matched}, gold is {sorted(gold)}")
                if len(matched) < 3:
                    err(f"{qid}: theme {theme} matches fewer than 3 notes")
                for g in gold:
                    if not any(k.lower() in notes[g].lower() for k in kw):
                        err(f"{qid}: gold note {g} contains none of the keywords")
            if tk is not None:
                err(f"{qid}: general question should have ticker null")
        if kind == "sentiment":
            want_gold = sorted(short_by_ticker.get(tk, []))
            if sorted(gold) != want_gold:
                err(f"{qid}: sentiment gold {sorted(gold)} != all short notes {want_gold}")
            labels = sorted({infos[n]["label"] for n in want_gold if n in infos})
            if sorted(kw) != labels:
                err(f"{qid}: sentiment keywords {sorted(kw)} != labels {labels}")
        if q.get("unknown_company"):
            if tk not in INVENTED:
                err(f"{qid}: unknown_company question about {tk}")
            if not names_in(q["question"]) & set(INVENTED):
                err(f"{qid}: unknown_company question does not name the company")
            if kind not in ("factual", "risk", "sentiment", "no_answer"):
                err(f"{qid}: unknown_company kind {kind}")
            if kind == "no_answer":
                # the company's notes must not touch the asked topic
                topic = {"DPAD": r"(?i)dividend", "LBCR": r"(?i)buyback|repurchase"}[tk]
                for n in notes_by_ticker[tk]:
                    if re.search(topic, notes[n]):
                        err(f"{qid}: {n} mentions the asked topic")
        if q.get("near_miss"):
            nm = NEAR_MISSES.get(qid)
            if not nm:
                err(f"{qid}: no NEAR_MISSES entry")
                continue
            if nm["kind"] != q["near_miss"]:
                err(f"{qid}: near_miss {q['near_miss']} != {nm['kind']}")
            nm_kinds[q["near_miss"]] = nm_kinds.get(q["near_miss"], 0) + 1
            text = notes.get(nm["note"], "")
            if nm["nearby"] not in text:
                err(f"{qid}: nearby text not found in {nm['note']}")
            if q["near_miss"] == "passing_company":
                pn = [p for p, (ptk, _) in PASSING.items() if ptk == tk]
                if not pn or PASSING[pn[0]][1] != nm["note"]:
                    err(f"{qid}: ticker {tk} is not the passing company of {nm['note']}")
                scope = list(notes)
            else:
                if tk not in note_companies(nm["note"], long_info):
                    err(f"{qid}: {nm['note']} is not about {tk}")
                scope = sorted(notes_by_ticker.get(tk, []))
            for n in scope:
                for sent in note_sentences(notes[n]):
                    if re.search(nm["absent"], sent):
                        err(f"{qid}: absent-fact regex matches {n}: {sent[:80]!r}")
        if q.get("no_notes_company"):
            if tk not in NO_NOTES or tk in COMPANIES:
                err(f"{qid}: no_notes_company ticker {tk}")
            else:
                for n, t in notes.items():
                    if re.search(NO_NOTES[tk], t):
                        err(f"{qid}: {n} mentions the no-notes company")
        if q.get("period_not_covered"):
            for n, t in notes.items():
                if re.search(PERIOD_NOT_COVERED, t):
                    err(f"{qid}: {n} mentions the uncovered period")
        if q.get("off_topic") and (tk is not None or names_in(q["question"])):
            err(f"{qid}: off-topic question should not name a company")
    if long_only_factual != 4:
        err(f"{long_only_factual} factual questions answered only from long notes (want 4)")
    if nm_kinds != {k: 4 for k in NEAR_MISS_KINDS}:
        err(f"near-miss kinds {nm_kinds} (want 4 of each)")
    if set(NEAR_MISSES) - set(by_id):
        err(f"NEAR_MISSES ids without questions: {set(NEAR_MISSES) - set(by_id)}")
    return qs


# --------------------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------------------
def check_exclusions(notes, qs):
    names_path = os.path.join(EXCL_DIR, "excluded_names.txt")
    tick_path = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    names = list(EXTRA_EXCLUDED)
    tickers = []
    if os.path.exists(names_path) and os.path.exists(tick_path):
        for line in read(names_path).splitlines():
            line = line.strip()
            if not line:
                continue
            for part in re.split(r",\s*|\s+/\s+", line):
                part = part.strip().strip('"').strip()
                if part:
                    names.append(part)
        tickers = [l.strip() for l in read(tick_path).splitlines() if l.strip()]
    else:
        print(f"note: exclusion lists not found in {EXCL_DIR}; checking the built-in list only")
    names = [n for n in names if not any(n.lower() in c.lower() or c.lower() in n.lower() for c in COVERED_NAMES)]
    texts = dict(notes)
    for q in qs:
        texts[f"qa:{q['id']}"] = q["question"] + " " + " ".join(q["answer_keywords"])
    for src, t in texts.items():
        for n in names:
            flags = "" if n.isupper() else "(?i)"  # acronyms such as "FAB" match case-sensitively
            if re.search(rf"{flags}(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])", t):
                err(f"{src}: excluded name {n!r}")
        for tk in tickers:
            if len(tk.replace(".", "")) < 2:
                pat = rf"(\(|\$){re.escape(tk)}(?![A-Za-z0-9])"
            else:
                pat = rf"(?<![A-Za-z0-9.]){re.escape(tk)}(?![A-Za-z0-9])"
            if re.search(pat, t):
                err(f"{src}: excluded ticker {tk!r}")
    used = set(COMPANIES) | {p[0] for p in PASSING.values()} | set(NO_NOTES)
    for tk in used:
        if tk in tickers:
            err(f"ticker {tk} is on the excluded list")
    excl_words = {w.lower() for n in names for w in re.findall(r"[A-Za-z]+", n)}
    for tk in INVENTED:
        for w in COMPANIES[tk]["name"].split():
            if w.lower() in excl_words:
                err(f"invented name {COMPANIES[tk]['name']} shares the word {w!r} with an excluded name")


def main():
    notes = load_notes()
    infos, long_info = check_notes(notes)
    qs = check_qa(notes, infos, long_info)
    check_exclusions(notes, qs)
    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        print(f"{len(ERRORS)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
