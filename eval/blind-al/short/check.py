#!/usr/bin/env python3
"""Self-check for the blind content eval set (stdlib only).

Run from anywhere: python3 check.py
Prints every problem found, then OK if there were none.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = "/work/blind-prompts"

problems = []


def fail(msg):
    problems.append(msg)


# ---------------------------------------------------------------- companies
COVERED = {
    # ticker: (name, aliases used to find it in text, invented?)
    "HWDN.L": ("Howden Joinery", ["Howden"], False),
    "SXS.L": ("Spectris", ["Spectris"], False),
    "IPS.PA": ("Ipsos", ["Ipsos"], False),
    "PUIG.MC": ("Puig", ["Puig"], False),
    "JUN3.DE": ("Jungheinrich", ["Jungheinrich"], False),
    "BEAN.SW": ("Belimo", ["Belimo"], False),
    "HUH1V.HE": ("Huhtamaki", ["Huhtamaki"], False),
    "MQBL": ("Morquesta Bus Lines", ["Morquesta"], True),
    "PVST": ("Plenvarik Sports Turf", ["Plenvarik"], True),
}
INVENTED = [t for t, v in COVERED.items() if v[2]]

# Short notes -> the covered companies they are about.
SHORT = {
    "hwdn-fy36-results.txt": ["HWDN.L"],
    "hwdn-spring-trading.txt": ["HWDN.L"],
    "hwdn-hartwell-range.txt": ["HWDN.L"],
    "sxs-fy36-results.txt": ["SXS.L"],
    "sxs-danish-software-deal.txt": ["SXS.L"],
    "ips-fy36-results.txt": ["IPS.PA"],
    "ips-q1-37.txt": ["IPS.PA"],
    "ips-panelpulse-launch.txt": ["IPS.PA"],
    "puig-fy36-results.txt": ["PUIG.MC"],
    "puig-q1-37-trading.txt": ["PUIG.MC"],
    "puig-aurora-launch.txt": ["PUIG.MC"],
    "jun3-fy36-results.txt": ["JUN3.DE"],
    "jun3-q1-37.txt": ["JUN3.DE"],
    "bean-fy36-results.txt": ["BEAN.SW"],
    "bean-energy-valve-launch.txt": ["BEAN.SW"],
    "huh1v-fy36-results.txt": ["HUH1V.HE"],
    "sxs-bean-data-centre-comparison.txt": ["SXS.L", "BEAN.SW"],
    "jun3-huh1v-volume-comparison.txt": ["JUN3.DE", "HUH1V.HE"],
    "mqbl-fy36-results.txt": ["MQBL"],
    "mqbl-driver-contracts.txt": ["MQBL"],
    "pvst-fy36-results.txt": ["PVST"],
    "pvst-q1-37-infill.txt": ["PVST"],
}
LONG = {
    "hwdn-annual-report-2036.md": "HWDN.L",
    "bean-h1-2037-results.md": "BEAN.SW",
    "mqbl-annual-report-2036.md": "MQBL",
    "mqbl-q1-2037-results.md": "MQBL",
}
NOTE_TICKERS = dict(SHORT)
NOTE_TICKERS.update({k: [v] for k, v in LONG.items()})

# Real companies that appear only in passing (one sentence, no figures).
PASSING = {
    "YouGov": ("YOU.L", "ips-panelpulse-launch.txt"),
    "KION Group": ("KGX.DE", "jun3-fy36-results.txt"),
    "Oxford Instruments": ("OXIG.L", "sxs-fy36-results.txt"),
    "Interparfums": ("ITP.PA", "puig-aurora-launch.txt"),
}

# ------------------------------------------------------------ short format
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, screening and alerts in one workspace.",
    "Real-time market intelligence and AI research tools for professional investors.",
    "Smarter research workflows for buy-side teams: alerts, models and analytics.",
}
LABELS = [  # label, lower bound (inclusive), upper bound (exclusive)
    ("strongly positive", 0.60, 1.01),
    ("positive", 0.35, 0.60),
    ("mildly positive", 0.10, 0.35),
    ("neutral", -0.10, 0.10),
    ("mildly negative", -0.35, -0.10),
    ("negative", -0.60, -0.35),
    ("strongly negative", -1.01, -0.60),
]
LABEL_NAMES = [l[0] for l in LABELS]
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9]{2,6}(?:\.[A-Z]{1,2})?)(:?) (-?\d\.\d{2})$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def read(name):
    with open(os.path.join(NOTES, name), encoding="utf-8") as f:
        return f.read()


def parse_short(name):
    raw = read(name)
    info = {"raw": raw, "final_newline": raw.endswith("\n"), "curly": "\u2019" in raw}
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    i = 0
    info["first"] = "none"
    if lines[0] == "":
        info["first"] = "blank"
        i = 1
    elif lines[0].startswith("Date:"):
        if not re.fullmatch(r"Date: 2037-(0[1-7])-\d\d", lines[0]):
            fail(f"{name}: bad Date line {lines[0]!r}")
        info["first"] = "date"
        i = 1
    body = lines[i:]
    if len(body) < 8:
        fail(f"{name}: too few lines ({len(body)})")
        return info
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    extra = body[8:]
    info.update(news=news, analytic=analytic, tagline=tagline, demo=demo, label=label)
    n_sent = len(SENT_SPLIT.split(news.strip()))
    if not 2 <= n_sent <= 4:
        fail(f"{name}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    if not re.search(r"\b(FY20\d\d|Q[1-4] 20\d\d|20\d\d)\b", news):
        fail(f"{name}: news paragraph names no period")
    nw = len(analytic.split())
    info["analytic_words"] = nw
    if not 180 <= nw <= 240:
        fail(f"{name}: analytic paragraph has {nw} words")
    if tagline not in TAGLINES:
        fail(f"{name}: unknown tagline {tagline!r}")
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{name}: bad demo line {demo!r}")
    if label not in LABEL_NAMES:
        fail(f"{name}: bad label {label!r}")
    if ss != "Sentiment Score":
        fail(f"{name}: expected 'Sentiment Score', got {ss!r}")
    try:
        val = float(score)
        info["score"] = val
        for lab, lo, hi in LABELS:
            if lab == label and not lo <= val < hi:
                fail(f"{name}: score {val} outside band for {label}")
    except ValueError:
        fail(f"{name}: score not a number {score!r}")
    if ts != "Ticker Sentiment":
        fail(f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    info["ticker_lines"] = extra
    expected = NOTE_TICKERS.get(name, [])
    if extra:
        if len(extra) != len(expected):
            fail(f"{name}: {len(extra)} ticker lines for {len(expected)} companies")
        for line, tk in zip(extra, expected):
            m = TICKER_LINE.match(line)
            if not m:
                fail(f"{name}: bad ticker line {line!r}")
                continue
            if m.group(2) not in (tk, tk.split(".")[0]):
                fail(f"{name}: ticker line {line!r} does not match {tk}")
    return info


def long_prose_words(body):
    words = 0
    for line in body.split("\n"):
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("#"):
            continue
        words += len(s.split())
    return words


def num(cell):
    c = cell.strip().replace(",", "").replace("£", "").replace("€", "")
    neg = c.startswith("(") and c.endswith(")")
    c = c.strip("()")
    try:
        v = float(c)
    except ValueError:
        return None
    return -v if neg else v


def parse_tables(body):
    tables, cur = [], []
    for line in body.split("\n"):
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r"-+", c) for c in cells):
                continue
            cur.append(cells)
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


def parse_long(name):
    raw = read(name)
    m = re.match(r"---\n(.*?)\n---\n(.*)", raw, re.S)
    if not m:
        fail(f"{name}: no YAML front matter")
        return None
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip()
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            fail(f"{name}: front matter lacks {k}")
    if fm.get("ticker") != LONG[name]:
        fail(f"{name}: front matter ticker {fm.get('ticker')} != {LONG[name]}")
    if not re.fullmatch(r"2037-0[1-7]-\d\d", fm.get("date", "")):
        fail(f"{name}: date {fm.get('date')} outside the note period")
    body = m.group(2)
    words = long_prose_words(body)
    if not 900 <= words <= 1100:
        fail(f"{name}: {words} prose words")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        fail(f"{name}: long note has a sentiment block")
    if not re.search(r"\b(we|our)\b", body, re.I) or not re.search(r"\bthe (company|group)\b|belimo", body, re.I):
        fail(f"{name}: not in the company voice")
    tables = parse_tables(body)
    if not tables:
        fail(f"{name}: no Markdown tables")
    period_cols = 0
    for t in tables:
        if any(re.search(r"\b(FY20\d\d|Q[1-4] 20\d\d|H[12] 20\d\d|\d{1,2} \w{3} 20\d\d)\b", c) for c in t[0]):
            period_cols += 1
        # growth check: | label | old | new | +x.x% | ...
        for row in t[1:]:
            if len(row) >= 4:
                a, b = num(row[1]), num(row[2])
                g = re.fullmatch(r"([+-]\d+\.\d)%", row[3])
                if a and b is not None and g:
                    calc = (b / a - 1) * 100
                    if abs(calc - float(g.group(1))) > 0.06:
                        fail(f"{name}: row {row[0]!r} growth {g.group(1)}% but levels give {calc:.2f}%")
    if period_cols == 0:
        fail(f"{name}: no table with fiscal-year/quarter columns")
    return {"fm": fm, "body": body, "tables": tables, "raw": raw}


# Segment sums: (note, table index, component rows, total row)
SUMS = [
    ("hwdn-annual-report-2036.md", 0, ["UK depot revenue", "International revenue"], "Group revenue"),
    ("hwdn-annual-report-2036.md", 1, ["UK depots at end of year", "International depots at end of year"], "Total depots at end of year"),
    ("bean-h1-2037-results.md", 1, ["Europe", "Americas", "Asia Pacific"], "Group"),
    ("bean-h1-2037-results.md", 2, ["Damper actuators and solutions", "Control valves", "Sensors and meters"], "Total"),
    ("mqbl-annual-report-2036.md", 0, ["Intercity Coach", "Regional Contracted Bus", "Airport Shuttles"], "Group revenue"),
    ("mqbl-annual-report-2036.md", 1, ["Intercity Coach", "Regional Contracted Bus", "Airport Shuttles", "Central costs"], "Group adjusted operating profit"),
    ("mqbl-q1-2037-results.md", 1, ["Intercity Coach", "Regional Contracted Bus", "Airport Shuttles"], "Group revenue"),
]
# Extra cross-checks on figures written in prose (value, expected, tolerance, what)
ARITH = [
    (402 / 2846 * 100, 14.1, 0.05, "Howden FY36 operating margin"),
    (1747 / 2846 * 100, 61.4, 0.05, "Howden FY36 gross margin"),
    (988 + 26 - 2, 1012, 0, "Howden UK depot roll-forward"),
    (26 + 9, 35, 0, "Howden depots opened"),
    (5.4 + 16.1, 21.5, 0.001, "Howden total dividend"),
    (119.7 / 584.0 * 100, 20.5, 0.05, "Belimo H1 37 EBIT margin"),
    (10.6 - 12.9, -2.3, 0.001, "Belimo H1 37 FX effect"),
    ((241.2 * 1.086 + 214.5 * 1.185 + 72.3 * 1.107) / 528.0 * 100 - 100, 12.9, 0.05, "Belimo LC growth by region"),
    (540 / 6120 * 100, 8.8, 0.05, "Jungheinrich FY36 EBIT margin"),
    (6030 / 6120, 0.99, 0.005, "Jungheinrich book-to-bill"),
    (455 / 4420 * 100, 10.3, 0.05, "Huhtamaki adj EBIT margin"),
    (4560 / 6240 * 100, 73, 0.5, "Puig F&F share"),
    (3.4 + 1.7 - 1.1, 4.0, 0.001, "Ipsos growth bridge"),
    (118.1 / 1284 * 100, 9.2, 0.05, "Morquesta FY36 margin"),
    (101.2 / 1190 * 100, 8.5, 0.05, "Morquesta FY35 margin"),
    (402 / 191.0, 2.1, 0.05, "Morquesta leverage"),
    (118.1 - 6.2 - 21.4, 90.5, 0.001, "Morquesta PBT bridge"),
    (21.7 / 318.6 * 100, 6.8, 0.05, "Morquesta Q1 37 margin"),
    (40.5 - 18.8, 21.7, 0.001, "Morquesta Q1 37 EBITDA to EBIT"),
    ((486 / 437 - 1) * 100, 11.2, 0.05, "Plenvarik FY36 growth (FY35 $437m)"),
    ((104 / 96.0 - 1) * 100, 8.3, 0.05, "Plenvarik Q1 37 growth (Q1 36 $96.0m)"),
]

# ------------------------------------------------------------ theme regexes
THEMES = {
    "tariffs": r"\btariffs?\b",
    "wages": r"\bwages?\b",
    "currency": r"\bcurrenc(?:y|ies)\b|\bSwiss franc\b",
}

EXPECTED_KIND_COUNTS = {  # for questions that are neither typo nor unknown_company
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4,
    "general": 3, "sentiment": 3, "no_answer": 24,
}
NEAR_MISS_TYPES = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]


def load_exclusions():
    np_, tp = os.path.join(EXCL_DIR, "excluded_names.txt"), os.path.join(EXCL_DIR, "excluded_tickers.txt")
    if not (os.path.exists(np_) and os.path.exists(tp)):
        print(f"note: exclusion lists not found under {EXCL_DIR}; skipping exclusion checks")
        return None, None
    names = set()
    with open(np_, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            line = re.sub(r',\s*"[^"]*"', "", line)  # drop ', "CICT"'-style aliases
            for part in line.split(" / "):
                part = part.strip()
                if part:
                    names.add(part)
                # two names glued together on one line: "Foo BarBaz" -> "Foo Bar", "Baz"
                words = part.split()
                if len(words) > 1:
                    m = re.fullmatch(r"([A-Z][a-z]{3,})([A-Z][a-z]{3,})", words[-1])
                    if m:
                        names.add(" ".join(words[:-1] + [m.group(1)]))
                        names.add(m.group(2))
    with open(tp, encoding="utf-8") as f:
        tickers = {l.strip() for l in f if l.strip()}
    return names, tickers


def main():
    files = sorted(os.listdir(NOTES))
    txt = [f for f in files if f.endswith(".txt")]
    md = [f for f in files if f.endswith(".md")]
    if set(txt) != set(SHORT):
        fail(f"short notes on disk differ from SHORT map: {set(txt) ^ set(SHORT)}")
    if set(md) != set(LONG):
        fail(f"long notes on disk differ from LONG map: {set(md) ^ set(LONG)}")
    if len(txt) != 22:
        fail(f"{len(txt)} short notes, want 22")
    if len(md) != 4:
        fail(f"{len(md)} long notes, want 4")

    short = {n: parse_short(n) for n in txt}
    longs = {n: parse_long(n) for n in md}
    texts = {n: read(n) for n in files}

    # ---- format distribution
    firsts = Counter(i["first"] for i in short.values())
    if not 9 <= firsts["date"] <= 13:
        fail(f"{firsts['date']} notes with a Date line (want about half)")
    if firsts["blank"] < 2:
        fail("want some notes with a blank first line")
    with_lines = [n for n, i in short.items() if i.get("ticker_lines")]
    if len(with_lines) != 13:
        fail(f"{len(with_lines)} notes with ticker lines, want 13")
    styles = set()
    for n in with_lines:
        for line in short[n]["ticker_lines"]:
            m = TICKER_LINE.match(line)
            if m:
                styles.add((m.group(1), m.group(3)))
    if len(styles) < 3:
        fail(f"ticker line layouts not varied: {styles}")
    if sum(not i["final_newline"] for i in short.values()) < 2:
        fail("want some notes without a final newline")
    if sum(i["curly"] for i in short.values()) < 2:
        fail("want some notes with curly apostrophes")
    tags = Counter(i.get("tagline") for i in short.values())
    if not 3 <= len(tags) <= 4:
        fail(f"{len(tags)} tagline variants, want 3-4")
    demos = Counter(i.get("demo") for i in short.values())
    if len(demos) != 2:
        fail("want both 'Request a Demo' and 'Request Demo'")

    # ---- coverage
    per = Counter(t for ts in SHORT.values() for t in ts)
    for t, (name, aliases, inv) in COVERED.items():
        want = (2, 2) if inv else (2, 3)
        if not want[0] <= per[t] <= want[1]:
            fail(f"{t} has {per[t]} short notes")
    if sum(len(v) == 2 for v in SHORT.values()) != 2:
        fail("want exactly two two-company short notes")
    for n, ts in NOTE_TICKERS.items():
        for t in ts:
            if not any(a in texts[n] for a in COVERED[t][1]):
                fail(f"{n}: does not mention {COVERED[t][0]}")
    long_t = Counter(LONG.values())
    real_long = [t for t in long_t if not COVERED[t][2]]
    inv_long = [t for t in long_t if COVERED[t][2]]
    if len(real_long) != 2 or len(inv_long) != 1 or long_t[inv_long[0]] != 2:
        fail(f"long notes must cover two real companies and one invented company twice: {long_t}")
    for t in INVENTED:
        name = COVERED[t][0]
        if not any(f"{name} ({t})" in texts[n] for n in SHORT):
            fail(f"invented {name} never tied to ({t}) in a short note")
        first = name.split()[0].lower()
        if not 2 <= len(name.split()) <= 3 or not re.fullmatch(r"[A-Z]{3,4}", t):
            fail(f"invented name/ticker shape wrong: {name} {t}")
    all_text = "\n".join(texts.values())
    for pname, (ptk, pnote) in PASSING.items():
        hits = [n for n in files if pname in texts[n]]
        if hits != [pnote]:
            fail(f"passing company {pname} appears in {hits}, want only {pnote}")
        sents = [s for s in re.split(r"(?<=[.!?])\s+", texts[pnote]) if pname in s]
        if len(sents) != 1:
            fail(f"passing company {pname} in {len(sents)} sentences")
        elif re.search(r"\d", sents[0]):
            fail(f"passing sentence for {pname} has a figure")
        for t, (cname, _, _) in COVERED.items():
            if pname.lower() == cname.lower():
                fail(f"passing company {pname} is a covered company")

    # ---- figures
    for note, ti, parts, total in SUMS:
        info = longs.get(note)
        if not info:
            continue
        table = info["tables"][ti]
        rows = {r[0]: r for r in table[1:]}
        for col in (1, 2):
            try:
                s = sum(num(rows[p][col]) for p in parts)
                tot = num(rows[total][col])
            except (KeyError, TypeError):
                fail(f"{note}: table {ti} lacks rows for sum check")
                break
            if abs(s - tot) > 0.051:
                fail(f"{note}: table {ti} col {col} parts sum {s} != {total} {tot}")
    for val, exp, tol, what in ARITH:
        if abs(val - exp) > tol:
            fail(f"figure check failed: {what}: {val:.3f} vs {exp}")
    # growth/levels in short notes that state both
    for t in ["hwdn-fy36-results.txt", "hwdn-annual-report-2036.md"]:
        for fig in ["£2,846m", "5.8%", "£388m", "16.1p", "1,143"]:
            if fig.replace("£", "").replace("m", "") not in texts[t]:
                fail(f"{t}: Howden FY36 figure {fig} inconsistent between notes")
    for t in ["mqbl-fy36-results.txt", "mqbl-annual-report-2036.md"]:
        for fig in ["1,284", "7.9%", "118.1", "9.2%", "8.5%", "212", "0.18", "2.1"]:
            if fig not in texts[t]:
                fail(f"{t}: Morquesta FY36 figure {fig} inconsistent between notes")
    for t in ["mqbl-driver-contracts.txt", "mqbl-q1-2037-results.md"]:
        for fig in ["6.5%", "1,900", "640", "180"]:
            if fig not in texts[t]:
                fail(f"{t}: Morquesta April 2037 figure {fig} inconsistent")
    for t in ["jun3-q1-37.txt", "jun3-huh1v-volume-comparison.txt"]:
        for fig in ["1,610", "1,495"]:
            if fig not in texts[t]:
                fail(f"{t}: Jungheinrich Q1 figure {fig} inconsistent")
    if "1,112" not in texts["bean-h1-2037-results.md"] or "1,112" not in texts["bean-fy36-results.txt"]:
        fail("Belimo FY36 sales inconsistent")

    # ---- questions
    qs = []
    with open(QA, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    qs.append(json.loads(line))
                except json.JSONDecodeError as e:
                    fail(f"qa.jsonl line {ln}: {e}")
    ids = [q.get("id") for q in qs]
    if ids != ["q%03d" % i for i in range(1, len(qs) + 1)]:
        fail("ids are not q001.. in order")
    if not 65 <= len(qs) <= 75:
        fail(f"{len(qs)} questions, want about 70")
    by_id = {q["id"]: q for q in qs}
    counts = Counter()
    typo = unk_ans = unk_no = 0
    nm_types = Counter()
    valid_tickers = set(COVERED) | {v[0] for v in PASSING.values()}
    name_words = {a.lower() for v in COVERED.values() for a in v[1]} | {"howden", "hwdn", "sxs", "ips", "puig", "jun3", "bean", "huh1v", "mqbl", "pvst"}
    for i, q in enumerate(qs):
        qid = q["id"]
        for k in ("question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{qid}: missing {k}")
        kind = q["kind"]
        for g in q["gold_notes"]:
            if g not in texts:
                fail(f"{qid}: gold note {g} does not exist")
        for kw in q["answer_keywords"]:
            if not any(kw.lower() in texts[g].lower() for g in q["gold_notes"] if g in texts):
                fail(f"{qid}: keyword {kw!r} not in any gold note")
        if q.get("typo"):
            typo += 1
            if kind != "factual":
                fail(f"{qid}: typo question must be factual")
            base = COVERED[q["ticker"]][1][0].lower()
            if base in q["question"].lower():
                fail(f"{qid}: typo question spells the name correctly")
        elif q.get("unknown_company"):
            if q["ticker"] not in INVENTED:
                fail(f"{qid}: unknown_company question not about an invented company")
            if kind == "no_answer":
                unk_no += 1
            else:
                unk_ans += 1
                if kind not in ("factual", "risk", "sentiment"):
                    fail(f"{qid}: unknown_company kind {kind}")
        else:
            counts[kind] += 1
        if q["ticker"] is not None and q["ticker"] not in valid_tickers and q.get("no_answer_type") != "no_notes":
            fail(f"{qid}: unknown ticker {q['ticker']}")
        if kind != "no_answer" and (not q["gold_notes"] or not q["answer_keywords"]):
            fail(f"{qid}: answerable question without gold/keywords")
        if kind != "no_answer" and q["ticker"] is not None:
            for g in q["gold_notes"]:
                if q["ticker"] not in NOTE_TICKERS[g]:
                    fail(f"{qid}: gold {g} is not about {q['ticker']}")
        if kind == "follow_up":
            parent = q.get("follows")
            if i == 0 or qs[i - 1]["id"] != parent:
                fail(f"{qid}: follow-up not straight after its parent")
            elif qs[i - 1]["ticker"] != q["ticker"]:
                fail(f"{qid}: follow-up ticker differs from parent")
            low = q["question"].lower()
            if any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in name_words):
                fail(f"{qid}: follow-up names a company")
        if kind == "comparison":
            if q["ticker"] is not None:
                fail(f"{qid}: comparison ticker must be null")
            covered = {t for g in q["gold_notes"] for t in NOTE_TICKERS[g]}
            if len(covered) < 2:
                fail(f"{qid}: comparison gold covers {covered}")
        if kind == "general":
            rx = THEMES.get(q.get("theme"))
            if not rx:
                fail(f"{qid}: general question without a known theme")
            else:
                match = sorted(n for n in files if re.search(rx, texts[n], re.I))
                if match != sorted(q["gold_notes"]):
                    fail(f"{qid}: theme {q['theme']} matches {match}, gold is {sorted(q['gold_notes'])}")
            if q["ticker"] is not None:
                fail(f"{qid}: general ticker must be null")
        if kind == "sentiment":
            mine = sorted(n for n, ts in SHORT.items() if q["ticker"] in ts)
            if sorted(q["gold_notes"]) != mine:
                fail(f"{qid}: sentiment gold {q['gold_notes']} != all short notes {mine}")
            labels = {short[n].get("label") for n in mine}
            if set(q["answer_keywords"]) != labels:
                fail(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {labels}")
        if kind == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail(f"{qid}: no_answer with gold or keywords")
            nm = q.get("near_miss")
            if nm:
                nm_types[nm["type"]] += 1
                note = nm["note"]
                if note not in texts:
                    fail(f"{qid}: near-miss note {note} missing")
                    continue
                if nm["nearby"] not in texts[note]:
                    fail(f"{qid}: nearby text not in {note}")
                if nm["type"] == "passing_company":
                    scope = files
                else:
                    if q["ticker"] not in NOTE_TICKERS[note]:
                        fail(f"{qid}: near-miss note {note} not about {q['ticker']}")
                    scope = [n for n in files if q["ticker"] in NOTE_TICKERS[n]]
                for n in scope:
                    m = re.search(nm["absent"], texts[n])
                    if m:
                        fail(f"{qid}: absent-fact regex matches {n}: {m.group(0)!r}")
                if not nm.get("why"):
                    fail(f"{qid}: near miss lacks why")
            elif q.get("absent_check"):
                ac = q["absent_check"]
                for n in ac["notes"]:
                    if re.search(ac["absent"], texts[n], re.I):
                        fail(f"{qid}: absent regex matches {n}")
            elif q.get("no_answer_type") == "no_notes":
                if q.get("absent_company", "\0") in all_text or q["ticker"] in all_text:
                    fail(f"{qid}: company with 'no notes' appears in notes")
            elif q.get("no_answer_type") == "period":
                if q.get("absent_period", "\0") in all_text:
                    fail(f"{qid}: period {q.get('absent_period')} appears in notes")
            elif q.get("no_answer_type") == "off_topic":
                pass
            else:
                fail(f"{qid}: no_answer question without a reason")
    if counts != Counter(EXPECTED_KIND_COUNTS):
        fail(f"kind counts {dict(counts)} != {EXPECTED_KIND_COUNTS}")
    if typo != 2:
        fail(f"{typo} typo questions, want 2")
    if unk_ans != 7 or unk_no != 2:
        fail(f"unknown_company answerable {unk_ans}/7, unanswerable {unk_no}/2")
    for t in NEAR_MISS_TYPES:
        if nm_types[t] != 4:
            fail(f"{nm_types[t]} near misses of type {t}, want 4")
    if sum(nm_types.values()) != 20:
        fail(f"{sum(nm_types.values())} near misses, want 20")
    long_factual = [q for q in qs if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")
                    and all(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_factual) != 4:
        fail(f"{len(long_factual)} plain factual questions answered from long notes, want 4")
    nat = Counter(q.get("no_answer_type") for q in qs if q["kind"] == "no_answer" and not q.get("near_miss") and not q.get("unknown_company"))
    if nat != Counter({"no_notes": 2, "off_topic": 1, "period": 1}):
        fail(f"other no-answer questions: {dict(nat)}")
    for q in qs:
        if not q.get("follows") and q["kind"] != "follow_up":
            continue
        if q["follows"] not in by_id:
            fail(f"{q['id']}: follows unknown id")

    # ---- exclusions
    names, tickers = load_exclusions()
    if names is not None:
        qtext = "\n".join(q["question"] for q in qs)
        corpus = all_text + "\n" + qtext
        for nm_ in sorted(names):
            if re.search(r"(?<![\w])" + re.escape(nm_) + r"(?![\w])", corpus, re.I):
                fail(f"excluded name appears: {nm_!r}")
        ex_words = {w.lower() for n in names for w in re.findall(r"[^\W\d_]+", n)}
        for t in INVENTED:
            for w in COVERED[t][0].split():
                if w.lower() in ex_words:
                    fail(f"invented name word {w!r} is in the excluded list")
        base = {t.split(".")[0] for t in tickers}
        for tok in set(re.findall(r"\$?\b[A-Z][A-Z0-9]{1,5}(?:\.[A-Z]{1,2})?\b", corpus)):
            tok = tok.lstrip("$")
            if tok in tickers or (tok.split(".")[0] in tickers and "." in tok):
                fail(f"excluded ticker appears: {tok}")
        for tok in re.findall(r"(?:\$|\()([A-Z][A-Z0-9.]{0,8})\)?", corpus):
            if tok in tickers or tok.split(".")[0] in tickers:
                fail(f"excluded ticker appears in ticker position: {tok}")
        used = set(COVERED) | {v[0] for v in PASSING.values()} | {q["ticker"] for q in qs if q["ticker"]}
        for t in used:
            if t in tickers or t.split(".")[0] in base or t.split(".")[0] in tickers:
                fail(f"used ticker {t} is excluded")
        for n in list(PASSING) + [v[0] for v in COVERED.values()] + [q["absent_company"] for q in qs if q.get("absent_company")]:
            if any(n.lower() == x.lower() for x in names):
                fail(f"used company {n} is excluded")

    if problems:
        for p in problems:
            print("FAIL:", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
