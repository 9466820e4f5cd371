#!/usr/bin/env python3
"""Self-check for the ay-content blind evaluation set (Python 3 stdlib only).

Prints OK and exits 0 when every check passes; otherwise lists the failures and exits 1.
Exclusion lists are read from $EXCLUDED_DIR (default /work/blind-prompts).
"""
import json
import os
import re
import sys
from datetime import date, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README_PATH = os.path.join(HERE, "README.md")
EXCL_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

FAILS = []


def fail(msg):
    FAILS.append(msg)


def expect(cond, msg):
    if not cond:
        fail(msg)


# ---------------------------------------------------------------------------
# Companies and note ownership
# ---------------------------------------------------------------------------
COMPANIES = {
    "NOEJ.DE": {"name": "Norma Group", "short": "Norma", "kind": "covered",
                "aliases": ["norma", "noej"]},
    "TYRES.HE": {"name": "Nokian Tyres", "short": "Nokian", "kind": "covered",
                 "aliases": ["nokian", "nokain", "tyres.he", "oradea", "hakkapeliitta"]},
    "CLAS-B.ST": {"name": "Clas Ohlson", "short": "Clas Ohlson", "kind": "covered",
                  "aliases": ["clas ohlson", "clas-b", "cocraft"]},
    "BCHN.SW": {"name": "Burckhardt Compression", "short": "Burckhardt", "kind": "covered",
                "aliases": ["burckhardt", "burkhardt", "bchn"]},
    "3923.T": {"name": "Rakus", "short": "Rakus", "kind": "covered",
               "aliases": ["rakus", "3923", "raku raku"]},
    "ROUTE.NS": {"name": "Route Mobile", "short": "Route Mobile", "kind": "covered",
                 "aliases": ["route mobile", "route.ns", "route's", "route"]},
    "0881.HK": {"name": "Zhongsheng Group", "short": "Zhongsheng", "kind": "covered",
                "aliases": ["zhongsheng", "0881"]},
    "TVKR": {"name": "Tirnavelk Greenhouse Glazing", "short": "Tirnavelk", "kind": "invented",
             "aliases": ["tirnavelk", "tvkr"]},
    "OSVH": {"name": "Ostrevane Hyperbaric Chambers", "short": "Ostrevane", "kind": "invented",
             "aliases": ["ostrevane", "osvh", "vanta"]},
}
PASSING = {"Vitrolife": "VITR.ST", "Landis+Gyr": "LAND.SW", "Freee": "4478.T", "Mastek": "MASTEK.NS"}
PASSING_NOTE = {"Vitrolife": "ostrevane-fy2053.txt", "Landis+Gyr": "burckhardt-lng-orders-q1.txt",
                "Freee": "rakus-ai-scan-launch.txt", "Mastek": "route-mobile-rcs-kenya.txt"}
NO_NOTES = {"Cyient": "CYIENT.NS", "Budweiser APAC": "1876.HK"}

NOTE_COMPANIES = {
    "norma-fy2053-results.txt": ["NOEJ.DE"],
    "norma-q1-2054-leverage.txt": ["NOEJ.DE"],
    "norma-annual-report-2053.md": ["NOEJ.DE"],
    "nokian-q1-2054-results.txt": ["TYRES.HE"],
    "nokian-hakkapeliitta-12-launch.txt": ["TYRES.HE"],
    "nokian-interim-q1-2054.md": ["TYRES.HE"],
    "clas-ohlson-q3-2053-54.txt": ["CLAS-B.ST"],
    "clas-ohlson-full-year-2053-54.txt": ["CLAS-B.ST"],
    "clas-ohlson-cocraft-garden.txt": ["CLAS-B.ST"],
    "burckhardt-fy2053-results.txt": ["BCHN.SW"],
    "burckhardt-lng-orders-q1.txt": ["BCHN.SW"],
    "rakus-fy2054-03-results.txt": ["3923.T"],
    "rakus-ai-scan-launch.txt": ["3923.T"],
    "rakus-q3-churn.txt": ["3923.T"],
    "route-mobile-fy54-results.txt": ["ROUTE.NS"],
    "route-mobile-rcs-kenya.txt": ["ROUTE.NS"],
    "zhongsheng-fy2053-results.txt": ["0881.HK"],
    "zhongsheng-q1-2054-update.txt": ["0881.HK"],
    "tirnavelk-fy2053.txt": ["TVKR"],
    "tirnavelk-dakhla-order.txt": ["TVKR"],
    "tirnavelk-annual-report-2053.md": ["TVKR"],
    "tirnavelk-q1-2054-release.md": ["TVKR"],
    "ostrevane-fy2053.txt": ["OSVH"],
    "ostrevane-vanta-m2-launch.txt": ["OSVH"],
    "nokian-vs-zhongsheng.txt": ["TYRES.HE", "0881.HK"],
    "rakus-vs-route-mobile.txt": ["3923.T", "ROUTE.NS"],
}
COMPARISON_NOTES = {n for n, t in NOTE_COMPANIES.items() if len(t) == 2}

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
PERIOD_START, PERIOD_END = date(2053, 1, 1), date(2054, 7, 31)

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sentences(par):
    par = par.strip()
    if not par:
        return []
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"“$(])", par) if s.strip()]


def parse_date(s):
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(s.strip(), fmt).date()
        except ValueError:
            pass
    return None


def label_for(score):
    if abs(score) <= 0.10:
        return "neutral"
    if abs(score) <= 0.35:
        return "mildly positive" if score > 0 else "mildly negative"
    return "strongly positive" if score > 0 else "strongly negative"


TICKER_LINE = [
    ("dollar", re.compile(r"^\$([A-Z0-9][A-Z0-9.\-]*) (-?\d\.\d\d)$")),
    ("colon", re.compile(r"^([A-Z0-9][A-Z0-9.\-]*): (-?\d\.\d\d)$")),
    ("plain", re.compile(r"^([A-Z0-9][A-Z0-9.\-]*) (-?\d\.\d\d)$")),
]


def parse_short(name, text):
    info = {"name": name, "final_nl": text.endswith("\n"), "curly": "’" in text}
    lines = text.split("\n")
    if info["final_nl"]:
        lines = lines[:-1]
    if lines and lines[0] == "":
        info["first"], body = "blank", lines[1:]
    elif lines and lines[0].startswith("Date: "):
        info["first"], body = "date", lines[1:]
        d = parse_date(lines[0][6:])
        expect(d is not None, f"{name}: unparseable date line {lines[0]!r}")
        if d:
            expect(PERIOD_START <= d <= PERIOD_END, f"{name}: date {d} outside the period")
    else:
        info["first"], body = "none", lines
    if len(body) < 8:
        fail(f"{name}: too few lines for the short-note layout")
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    info.update(news=news, analytic=analytic, tagline=tagline, demo=demo, label=label)
    expect(demo in DEMO_LINES, f"{name}: bad demo/footer line {demo!r}")
    expect(label in LABELS, f"{name}: bad label {label!r}")
    expect(ss == "Sentiment Score", f"{name}: expected 'Sentiment Score', got {ss!r}")
    expect(ts == "Ticker Sentiment", f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    expect(re.fullmatch(r"-?\d\.\d\d", score) is not None, f"{name}: bad score {score!r}")
    try:
        sc = float(score)
    except ValueError:
        sc = 0.0
    info["score"] = sc
    expect(-1 <= sc <= 1, f"{name}: score out of range")
    expect(label_for(sc) == label, f"{name}: label {label!r} does not match score {sc}")
    ns = sentences(news)
    expect(2 <= len(ns) <= 4, f"{name}: news paragraph has {len(ns)} sentences")
    expect(re.search(r"\d", news) is not None, f"{name}: news paragraph has no figures")
    wc = len(analytic.split())
    expect(180 <= wc <= 240, f"{name}: analytic paragraph has {wc} words")
    expect(len(sentences(analytic)) >= 5, f"{name}: analytic paragraph too few sentences")
    for ln in (news, analytic, tagline):
        expect(ln.strip() == ln and ln, f"{name}: empty line or stray whitespace in body")
    layouts, tickers = set(), []
    for tl in body[8:]:
        for lay, rx in TICKER_LINE:
            m = rx.match(tl)
            if m:
                layouts.add(lay)
                tickers.append((m.group(1), float(m.group(2))))
                break
        else:
            fail(f"{name}: bad ticker line {tl!r}")
    expect(len(layouts) <= 1, f"{name}: mixed ticker-line layouts {layouts}")
    info["layout"] = layouts.pop() if layouts else None
    info["tickers"] = tickers
    for t, s in tickers:
        expect(t in NOTE_COMPANIES.get(name, []), f"{name}: ticker line for foreign ticker {t}")
        expect(-1 <= s <= 1, f"{name}: ticker score out of range")
        if len(NOTE_COMPANIES.get(name, [])) == 1:
            expect(abs(s - sc) < 1e-9, f"{name}: single-company ticker score differs from overall score")
    return info


def split_front_matter(name, text):
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        fail(f"{name}: missing front matter")
        return {}, text
    fm = {}
    for ln in m.group(1).split("\n"):
        k, _, v = ln.partition(":")
        fm[k.strip()] = v.strip()
    return fm, m.group(2)


def prose_lines(body):
    return [l for l in body.split("\n") if l.strip() and not l.startswith("|") and not l.startswith("#")]


def table_lines(body):
    return [l for l in body.split("\n") if l.startswith("|")]


# ---------------------------------------------------------------------------
# Load notes
# ---------------------------------------------------------------------------
if not os.path.isdir(NOTES_DIR):
    print("FAIL: notes/ missing")
    sys.exit(1)
ALL = {n: read(os.path.join(NOTES_DIR, n)) for n in sorted(os.listdir(NOTES_DIR))}
SHORT = sorted(n for n in ALL if n.endswith(".txt"))
LONG = sorted(n for n in ALL if n.endswith(".md"))
expect(set(ALL) == set(NOTE_COMPANIES), f"note files differ from NOTE_COMPANIES: "
       f"{sorted(set(ALL) ^ set(NOTE_COMPANIES))}")
expect(20 <= len(SHORT) <= 24, f"{len(SHORT)} short notes (want about 22)")
expect(len(LONG) == 4, f"{len(LONG)} long notes (want 4)")

INFO = {}
for n in SHORT:
    i = parse_short(n, ALL[n])
    if i:
        INFO[n] = i


def notes_of(ticker, short_only=False, include_comparison=True):
    out = []
    for n, ts in NOTE_COMPANIES.items():
        if ticker in ts and n in ALL:
            if short_only and not n.endswith(".txt"):
                continue
            if not include_comparison and n in COMPARISON_NOTES:
                continue
            out.append(n)
    return sorted(out)


# ---- short-note counts --------------------------------------------------
firsts = [i["first"] for i in INFO.values()]
expect(firsts.count("blank") == 5, f"{firsts.count('blank')} notes start with a blank line (want 5)")
expect(10 <= firsts.count("date") <= 12, f"{firsts.count('date')} notes start with Date: (want about 11)")
expect(sum(1 for i in INFO.values() if not i["final_nl"]) == 5, "want exactly 5 notes without final newline")
curly = [n for n, i in INFO.items() if i["curly"]]
expect(len(curly) == 5, f"{len(curly)} notes use curly apostrophes (want 5)")
for n in curly:
    expect("'" not in ALL[n], f"{n}: mixes curly and straight apostrophes")
expect(not any("’" in ALL[n] for n in LONG), "long notes should not use curly apostrophes")
tick_notes = [n for n, i in INFO.items() if i["tickers"]]
expect(12 <= len(tick_notes) <= 14, f"{len(tick_notes)} notes have ticker lines (want about 13)")
lay_counts = {lay: sum(1 for n in tick_notes if INFO[n]["layout"] == lay) for lay, _ in TICKER_LINE}
for lay, c in lay_counts.items():
    expect(c >= 3, f"ticker layout {lay} used by only {c} notes")
tags = {i["tagline"] for i in INFO.values()}
expect(len(tags) == 4, f"{len(tags)} distinct taglines (want 4)")
for t in tags:
    expect("AI" in t and "portfolio" in t and "research" in t.lower(), f"tagline not in seed style: {t!r}")
    expect(sum(1 for i in INFO.values() if i["tagline"] == t) >= 2, f"tagline used once only: {t!r}")
expect({i["demo"] for i in INFO.values()} == DEMO_LINES, "both demo-line variants should be used")
for lab in LABELS:
    expect(any(i["label"] == lab for i in INFO.values()), f"label {lab!r} never used")

# ---- coverage --------------------------------------------------------------
for t, c in COMPANIES.items():
    own = notes_of(t, short_only=True, include_comparison=False)
    if c["kind"] == "covered":
        expect(2 <= len(own) <= 3, f"{t}: {len(own)} own short notes (want 2-3)")
    else:
        expect(len(own) == 2, f"{t}: {len(own)} short notes (want 2)")
    for n in notes_of(t):
        expect(c["short"].lower() in ALL[n].lower(), f"{n}: does not name {c['short']}")
expect(len(COMPARISON_NOTES) == 2, "want 2 comparison notes")
for n in COMPARISON_NOTES:
    ts = NOTE_COMPANIES[n]
    expect(all(COMPANIES[t]["kind"] == "covered" for t in ts), f"{n}: comparison must cover covered companies")
    if n in INFO:
        expect(sorted(t for t, _ in INFO[n]["tickers"]) == sorted(ts), f"{n}: needs ticker lines for both")
for t in ("TVKR", "OSVH"):
    nm = COMPANIES[t]["name"]
    expect(any(f"{nm} ({t})" in ALL[n] for n in notes_of(t)), f"{t}: no '{nm} ({t})' in text")

# ---- long notes --------------------------------------------------------------
long_companies = set()
for n in LONG:
    fm, body = split_front_matter(n, ALL[n])
    for k in ("company", "ticker", "title", "date"):
        expect(k in fm and fm[k], f"{n}: front matter lacks {k}")
    t = fm.get("ticker")
    expect(t in COMPANIES and NOTE_COMPANIES.get(n) == [t], f"{n}: front-matter ticker {t} mismatch")
    if t in COMPANIES:
        expect(fm.get("company") == COMPANIES[t]["name"], f"{n}: front-matter company mismatch")
        long_companies.add(t)
    d = parse_date(fm.get("date", ""))
    expect(d is not None and PERIOD_START <= d <= PERIOD_END, f"{n}: bad front-matter date")
    words = sum(len(l.split()) for l in prose_lines(body))
    expect(900 <= words <= 1100, f"{n}: {words} prose words (want 900-1,100)")
    tl = table_lines(body)
    expect(len(tl) >= 6, f"{n}: no Markdown table")
    headers = [l for i, l in enumerate(tl) if i + 1 < len(tl) and re.match(r"^\|[-| ]+\|$", tl[i + 1])]
    expect(any(re.search(r"\b(FY\d{4}|Q[1-4] \d{4})\b", h) for h in headers), f"{n}: table lacks FY/quarter columns")
    for h in headers:
        ncol = h.count("|")
        idx = tl.index(h)
        for row in tl[idx:idx + 2]:
            expect(row.count("|") == ncol, f"{n}: ragged table row {row!r}")
    low = body.lower()
    expect(re.search(r"\bwe\b", low) and "the company" in low, f"{n}: not in the we / the Company voice")
    for bad in ("Sentiment Score", "Overall Sentiment", "Ticker Sentiment", "Request a Demo", "Request Demo"):
        expect(bad not in body, f"{n}: long note contains a sentiment block ({bad})")
expect(len(long_companies) == 3, f"long notes cover {len(long_companies)} companies (want 3)")
expect(any(COMPANIES[t]["kind"] == "invented" for t in long_companies), "no long note for an invented company")

# ---------------------------------------------------------------------------
# Fact sheets and arithmetic
# ---------------------------------------------------------------------------


def growth(prev, cur, pct, what):
    g = round((cur / prev - 1) * 100 + 1e-9, 1)
    expect(abs(g - pct) < 0.051, f"growth {what}: {prev}->{cur} is {g}%, sheet says {pct}%")


def total(parts, tot, what):
    expect(abs(sum(parts) - tot) < 0.051, f"sum {what}: {parts} = {sum(parts):.1f}, sheet says {tot}")


def margin(profit, rev, pct, what):
    m = round(profit / rev * 100 + (1e-9 if profit >= 0 else -1e-9), 1)
    expect(abs(m - pct) < 0.051, f"margin {what}: {profit}/{rev} = {m}%, sheet says {pct}%")


def ratio(a, b, x, what, nd=1):
    r = round(a / b + 1e-9, nd)
    expect(abs(r - x) < 10 ** -nd / 2 + 1e-9, f"ratio {what}: {a}/{b} = {r}, sheet says {x}")


def shown(note, *figs):
    for f in figs:
        expect(f.lower() in ALL.get(note, "").lower(), f"figure {f!r} not found in {note}")


# Norma Group, EUR m, calendar year
growth(1158.0, 1121.4, -3.2, "Norma sales FY53")
growth(298.1, 312.6, 4.9, "Norma Water Management")
growth(859.9, 808.8, -5.9, "Norma other businesses")
growth(101.9, 93.1, -8.6, "Norma adj EBIT")
growth(172.4, 161.0, -6.6, "Norma adj EBITDA")
growth(52.6, 41.7, -20.7, "Norma net profit")
growth(292.7, 281.4, -3.9, "Norma Q1 2054 sales")
total([298.1, 859.9], 1158.0, "Norma segments FY52")
total([312.6, 808.8], 1121.4, "Norma segments FY53")
total([292.7, 289.9, 272.5, 266.3], 1121.4, "Norma quarters")
total([26.1, 25.4, 21.5, 20.1], 93.1, "Norma quarterly adj EBIT")
margin(93.1, 1121.4, 8.3, "Norma FY53")
margin(101.9, 1158.0, 8.8, "Norma FY52")
for p, r, m in [(26.1, 292.7, 8.9), (25.4, 289.9, 8.8), (21.5, 272.5, 7.9), (20.1, 266.3, 7.5), (22.2, 281.4, 7.9)]:
    margin(p, r, m, "Norma quarter")
margin(51.3, 1121.4, 4.6, "Norma capex / sales")
expect(round(312.6 / 1121.4 * 100) == 28, "Norma water share should round to 28%")
ratio(402.5, 161.0, 2.5, "Norma leverage FY53")
ratio(418.9, 172.4, 2.4, "Norma leverage FY52")
ratio(380.2, 158.4, 2.4, "Norma leverage Q1 54")
expect(abs(41.7 / 1.31 - 52.6 / 1.65) < 0.3, "Norma EPS imply different share counts")
shown("norma-fy2053-results.txt", "1,121.4", "1,158.0", "3.2%", "312.6", "4.9%", "808.8", "8.3%", "8.8%")
shown("norma-q1-2054-leverage.txt", "281.4", "3.9%", "22.2", "7.9%", "380.2", "2.4 times", "158.4")
shown("norma-annual-report-2053.md", "1,121.4", "272.5", "402.5", "2.5x", "161.0", "41.7", "1.31", "5,930", "51.3")

# Nokian Tyres, EUR m
growth(271.6, 288.9, 6.4, "Nokian Q1 54 net sales")
growth(176.9, 190.5, 7.7, "Nokian Passenger Tyres")
growth(94.7, 98.4, 3.9, "Nokian other segments")
growth(1185.0, 1297.5, 9.5, "Nokian FY53 net sales (sheet only)")
total([190.5, 98.4], 288.9, "Nokian Q1 54 segments")
total([176.9, 94.7], 271.6, "Nokian Q1 53 segments")
total([842.6, 454.9], 1297.5, "Nokian FY53 segments")
margin(8.4, 288.9, 2.9, "Nokian Q1 54")
margin(-3.6, 271.6, -1.3, "Nokian Q1 53")
margin(84.3, 1297.5, 6.5, "Nokian FY53")
ratio(620.0, 248.0, 2.5, "Nokian leverage FY53 (EBITDA 248.0 on the sheet)")
shown("nokian-q1-2054-results.txt", "288.9", "6.4%", "271.6", "190.5", "98.4", "8.4", "2.9%", "3.6")
shown("nokian-interim-q1-2054.md", "288.9", "1,297.5", "41.2", "6 million", "2.9%", "620.0")

# Clas Ohlson, SEK m, fiscal May-April
growth(4098, 4412, 7.7, "Clas Q3")
growth(2390, 2515, 5.2, "Clas Q4")
growth(11905, 12640, 6.2, "Clas FY")
total([2296, 2116], 4412, "Clas Q3 split")
total([2630, 3083, 4412, 2515], 12640, "Clas quarters")
margin(612, 4412, 13.9, "Clas Q3")
margin(1085, 12640, 8.6, "Clas FY")
margin(61, 2515, 2.4, "Clas Q4 (sheet only)")
shown("clas-ohlson-q3-2053-54.txt", "4,412", "7.7%", "4,098", "612", "13.9%", "2,296", "2,116")
shown("clas-ohlson-full-year-2053-54.txt", "12,640", "6.2%", "11,905", "1,085", "8.6%", "2,515", "5.2%", "6.25")

# Burckhardt Compression, CHF m, year to March 2054
growth(1101.0, 1212.4, 10.1, "Burckhardt sales")
growth(318.0, 352.8, 10.9, "Burckhardt Q1 orders")
total([816.2, 396.2], 1212.4, "Burckhardt divisions")
margin(187.9, 1212.4, 15.5, "Burckhardt EBIT")
ratio(1305.0, 1212.4, 1.08, "Burckhardt book-to-bill", nd=2)
shown("burckhardt-fy2053-results.txt", "1,212.4", "10.1%", "1,101.0", "1,305.0", "1.08", "187.9", "15.5%", "816.2", "396.2")
shown("burckhardt-lng-orders-q1.txt", "352.8", "10.9%", "318.0")

# Rakus, JPY bn, year to March 2054
growth(49.5, 62.4, 26.1, "Rakus revenue")
growth(9.0, 11.8, 31.1, "Rakus operating profit")
growth(12.8, 15.9, 24.2, "Rakus Q3 revenue")
expect(round((76.0 / 62.4 - 1) * 100) == 22, "Rakus guidance growth should round to 22%")
margin(11.8, 62.4, 18.9, "Rakus")
total([53.9, 8.5], 62.4, "Rakus segments")
total([14.6, 15.3, 15.9, 16.6], 62.4, "Rakus quarters")
shown("rakus-fy2054-03-results.txt", "62.4", "26.1%", "49.5", "31.1%", "11.8", "18.9%", "53.9", "8.5", "76.0", "14.5")
shown("rakus-q3-churn.txt", "15.9", "24.2%", "12.8", "16.1")

# Route Mobile, INR crore, year to March 2054
growth(5190, 6120, 17.9, "Route revenue")
margin(796, 6120, 13.0, "Route EBITDA")
total([1420, 1490, 1570, 1640], 6120, "Route quarters")
shown("route-mobile-fy54-results.txt", "6,120", "17.9%", "5,190", "796", "13.0%", "1,640")

# Zhongsheng Group, RMB m
growth(168900, 172400, 2.1, "Zhongsheng revenue")
growth(124200, 118500, -4.6, "Zhongsheng Q1 units")
total([141300, 31100], 172400, "Zhongsheng revenue split")
total([83800, 88600], 172400, "Zhongsheng halves (sheet only)")
margin(4310, 172400, 2.5, "Zhongsheng net")
margin(12760, 172400, 7.4, "Zhongsheng gross")
shown("zhongsheng-fy2053-results.txt", "172,400", "2.1%", "168,900", "141,300", "31,100", "4,310", "2.5%", "7.4%")
shown("zhongsheng-q1-2054-update.txt", "118,500", "4.6%", "124,200")

# Tirnavelk Greenhouse Glazing, EUR m
for a, b, p, w in [(602.1, 684.0, 13.6, "revenue"), (392.5, 451.4, 15.0, "projects"), (209.6, 232.6, 11.0, "service"),
                   (49.4, 61.6, 24.7, "EBIT"), (82.0, 96.8, 18.0, "EBITDA"), (655.0, 742.5, 13.4, "orders"),
                   (1061.5, 1120.0, 5.5, "backlog"), (139.2, 151.8, 9.1, "Q1 revenue"), (88.0, 96.3, 9.4, "Q1 projects"),
                   (51.2, 55.5, 8.4, "Q1 service"), (8.9, 11.4, 28.1, "Q1 EBIT"), (176.4, 210.3, 19.2, "Q1 orders"),
                   (1098.7, 1178.5, 7.3, "Q1 backlog")]:
    growth(a, b, p, "Tirnavelk " + w)
total([392.5, 209.6], 602.1, "Tirnavelk FY52 segments")
total([451.4, 232.6], 684.0, "Tirnavelk FY53 segments")
total([139.2, 168.5, 175.9, 200.4], 684.0, "Tirnavelk quarters")
total([8.9, 13.8, 16.4, 22.5], 61.6, "Tirnavelk quarterly EBIT")
total([88.0, 51.2], 139.2, "Tirnavelk Q1 53 segments")
total([96.3, 55.5], 151.8, "Tirnavelk Q1 54 segments")
total([1061.5, 742.5, -684.0], 1120.0, "Tirnavelk backlog roll FY53")
total([1120.0, 210.3, -151.8], 1178.5, "Tirnavelk backlog roll Q1 54")
total([1061.5, 176.4, -139.2], 1098.7, "Tirnavelk backlog roll Q1 53")
for p, r, m in [(61.6, 684.0, 9.0), (49.4, 602.1, 8.2), (8.9, 139.2, 6.4), (13.8, 168.5, 8.2), (16.4, 175.9, 9.3),
                (22.5, 200.4, 11.2), (11.4, 151.8, 7.5)]:
    margin(p, r, m, "Tirnavelk")
ratio(88.0, 96.8, 0.9, "Tirnavelk leverage FY53")
ratio(95.3, 82.0, 1.2, "Tirnavelk leverage FY52")
shown("tirnavelk-fy2053.txt", "684.0", "13.6%", "602.1", "61.6", "9.0%", "742.5", "1,120.0", "451.4", "232.6")
shown("tirnavelk-annual-report-2053.md", "684.0", "168.5", "1,120.0", "0.9x", "96.8", "88.0")
shown("tirnavelk-q1-2054-release.md", "151.8", "9.1%", "11.4", "7.5%", "210.3", "1,178.5")

# Ostrevane Hyperbaric Chambers, EUR m
growth(186.2, 214.5, 15.2, "Ostrevane revenue")
growth(46.1, 52.4, 13.7, "Ostrevane Q1 revenue")
total([138.9, 75.6], 214.5, "Ostrevane segments")
margin(45.0, 214.5, 21.0, "Ostrevane EBITDA")
shown("ostrevane-fy2053.txt", "214.5", "15.2%", "186.2", "45.0", "21.0%", "138.9", "75.6")
shown("ostrevane-vanta-m2-launch.txt", "52.4", "13.7%", "46.1", "240,000")

# Comparison notes
shown("nokian-vs-zhongsheng.txt", "4%", "18%")
shown("rakus-vs-route-mobile.txt", "78.5%", "21.4%", "112%", "104%")

# ---------------------------------------------------------------------------
# Passing mentions
# ---------------------------------------------------------------------------
for pname, note in PASSING_NOTE.items():
    rx = re.compile(r"(?<![\w+])" + re.escape(pname) + r"(?![\w+])", re.I)
    hits = []
    for n, text in ALL.items():
        for line in text.split("\n"):
            for s in sentences(line):
                if rx.search(s):
                    hits.append((n, s))
    expect(len(hits) == 1, f"passing company {pname}: {len(hits)} sentences mention it (want 1)")
    if hits:
        expect(hits[0][0] == note, f"passing company {pname} appears in {hits[0][0]}, expected {note}")
        expect(not re.search(r"\d", hits[0][1]), f"passing company {pname}: sentence carries a figure")
expect(len({v for v in PASSING_NOTE.values()}) == 4, "each passing company should sit in a different note")

# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------
QS = []
with open(QA_PATH, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            fail(f"qa.jsonl line {ln} empty")
            continue
        try:
            QS.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"qa.jsonl line {ln}: {e}")
BYID = {q.get("id"): q for q in QS}
ALLOWED = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
           "unknown_company", "near_miss"}
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
NM_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
VALID_TICKERS = set(COMPANIES) | set(PASSING.values()) | set(NO_NOTES.values())
expect(66 <= len(QS) <= 74, f"{len(QS)} questions (want about 70)")

for i, q in enumerate(QS):
    qid = q.get("id")
    expect(qid == f"q{i + 1:03d}", f"question {i + 1}: id {qid!r} out of sequence")
    expect(set(q) <= ALLOWED, f"{qid}: unexpected fields {set(q) - ALLOWED}")
    for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        expect(k in q, f"{qid}: missing field {k}")
    expect(q.get("kind") in KINDS, f"{qid}: bad kind {q.get('kind')!r}")
    expect(q.get("ticker") is None or q.get("ticker") in VALID_TICKERS, f"{qid}: non-canonical ticker {q.get('ticker')}")
    gold, kws = q.get("gold_notes", []), q.get("answer_keywords", [])
    expect(len(set(gold)) == len(gold), f"{qid}: duplicate gold notes")
    for g in gold:
        expect(g in ALL, f"{qid}: gold note {g} does not exist")
    if "typo" in q:
        expect(q["typo"] is True, f"{qid}: typo must be true when present")
    if "unknown_company" in q:
        expect(q["unknown_company"] is True, f"{qid}: unknown_company must be true when present")
    if q.get("kind") == "no_answer":
        expect(gold == [] and kws == [], f"{qid}: no_answer needs empty gold and keywords")
        continue
    expect(gold, f"{qid}: answerable question without gold notes")
    expect(1 <= len(kws) <= 4, f"{qid}: {len(kws)} keywords (want 1-4)")
    for k in kws:
        expect(isinstance(k, str) and 0 < len(k) <= 40, f"{qid}: keyword {k!r} not short")
        expect(any(k.lower() in ALL.get(g, "").lower() for g in gold), f"{qid}: keyword {k!r} in no gold note")
    if q["kind"] in ("factual", "follow_up"):
        for g in gold:
            for k in kws:
                expect(k.lower() in ALL.get(g, "").lower(), f"{qid}: keyword {k!r} missing from gold {g}")
        t = q.get("ticker")
        if t in COMPANIES:
            for g in gold:
                expect(t in NOTE_COMPANIES.get(g, []), f"{qid}: gold {g} is not about {t}")
            for n in notes_of(t):
                if n not in gold and all(k.lower() in ALL[n].lower() for k in kws):
                    fail(f"{qid}: {n} also contains every keyword but is not gold")


def cat(q):
    if q.get("unknown_company"):
        return "unknown_no_answer" if q["kind"] == "no_answer" else "unknown_answerable"
    if q.get("typo"):
        return "typo"
    return q["kind"]


counts = {}
for q in QS:
    counts[cat(q)] = counts.get(cat(q), 0) + 1
WANT = {"factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3, "typo": 2,
        "unknown_answerable": 7, "unknown_no_answer": 2, "no_answer": 24}
for k, v in WANT.items():
    expect(counts.get(k, 0) == v, f"category {k}: {counts.get(k, 0)} questions (want {v})")
expect(set(counts) <= set(WANT), f"unexpected categories {set(counts) - set(WANT)}")


def mentions_company(text):
    low = text.lower()
    for c in COMPANIES.values():
        for a in c["aliases"] + [c["name"].lower(), c["short"].lower()]:
            if re.search(r"(?<![\w])" + re.escape(a) + r"(?![\w])", low):
                return True
    return False


# ---- long-note factual questions (2 from tables, 2 from prose) -------------
LONG_Q = {"q015": "table", "q016": "table", "q017": "prose", "q018": "prose"}
for qid, part in LONG_Q.items():
    q = BYID.get(qid, {})
    expect(cat(q) == "factual", f"{qid}: long-note question must be plain factual")
    gl = [g for g in q.get("gold_notes", []) if g in LONG]
    expect(len(gl) == 1 and q.get("gold_notes") == gl, f"{qid}: gold should be a single long note")
    for g in gl:
        _, body = split_front_matter(g, ALL[g])
        tab = "\n".join(table_lines(body)).lower()
        pro = "\n".join(prose_lines(body)).lower()
        for k in q.get("answer_keywords", []):
            if part == "table":
                expect(k.lower() in tab and k.lower() not in pro, f"{qid}: {k!r} should be in the table only")
            else:
                expect(k.lower() in pro, f"{qid}: {k!r} should be in the prose")
expect(sum(1 for q in QS if cat(q) == "factual" and any(g in LONG for g in q["gold_notes"])) >= 4,
       "fewer than 4 factual questions answered from long notes")
# unknown-company question from a long-note table
q = BYID.get("q040", {})
expect(q.get("unknown_company") and q.get("gold_notes") == ["tirnavelk-annual-report-2053.md"],
       "q040 should be the unknown-company long-table question")
if q.get("gold_notes"):
    _, body = split_front_matter("x", ALL[q["gold_notes"][0]])
    for k in q.get("answer_keywords", []):
        expect(k in "\n".join(table_lines(body)) and k not in "\n".join(prose_lines(body)),
               f"q040: {k!r} should be in the table only")

# ---- follow-ups -------------------------------------------------------------
for i, q in enumerate(QS):
    if q.get("kind") == "follow_up":
        prev = QS[i - 1] if i else {}
        expect(q.get("follows") == prev.get("id"), f"{q['id']}: follows should be {prev.get('id')}")
        expect(prev.get("kind") in ("factual", "follow_up"), f"{q['id']}: parent is not factual")
        expect(q.get("ticker") == prev.get("ticker"), f"{q['id']}: ticker differs from parent")
        expect(not mentions_company(q["question"]), f"{q['id']}: follow-up names a company")
    else:
        expect("follows" not in q, f"{q.get('id')}: follows on a non-follow-up")

# ---- risk -------------------------------------------------------------------
for q in QS:
    if q.get("kind") == "risk":
        t = q.get("ticker")
        expect(t in COMPANIES, f"{q['id']}: risk question needs a company ticker")
        if t in COMPANIES:
            expect(sorted(q["gold_notes"]) == notes_of(t), f"{q['id']}: risk gold should be every note on {t}")

# ---- comparison ---------------------------------------------------------------
cmp_note, cmp_two = 0, 0
for q in QS:
    if q.get("kind") == "comparison":
        expect(q.get("ticker") is None, f"{q['id']}: comparison ticker must be null")
        g = q["gold_notes"]
        if len(g) == 1 and g[0] in COMPARISON_NOTES:
            cmp_note += 1
            for k in q["answer_keywords"]:
                others = [n for n in ALL if n != g[0] and k.lower() in ALL[n].lower()
                          and set(NOTE_COMPANIES[n]) & set(NOTE_COMPANIES[g[0]])]
                expect(not others, f"{q['id']}: keyword {k!r} also in {others}")
        else:
            cos = {t for n in g for t in NOTE_COMPANIES[n]}
            expect(len(cos) == 2 and not (set(g) & COMPARISON_NOTES), f"{q['id']}: needs notes on two companies")
            cmp_two += 1
            for t in cos:
                expect(any(k.lower() in ALL[n].lower() for n in g if t in NOTE_COMPANIES[n]
                           for k in q["answer_keywords"]), f"{q['id']}: no keyword from {t}'s notes")
expect(cmp_note == 2 and cmp_two == 2, f"comparison split {cmp_note}/{cmp_two} (want 2/2)")

# ---- general themes ---------------------------------------------------------
THEMES = {
    "q033": r"(?i)\btariffs?\b",
    "q034": r"(?i)\bweather\b|\bmild,? (snowless )?winter\b",
    "q035": r"(?i)\belectric[- ]vehicles?\b",
}
for qid, rx in THEMES.items():
    q = BYID.get(qid, {})
    expect(q.get("kind") == "general" and q.get("ticker") is None, f"{qid}: should be general with null ticker")
    match = sorted(n for n in ALL if re.search(rx, ALL[n]))
    expect(sorted(q.get("gold_notes", [])) == match, f"{qid}: gold {sorted(q.get('gold_notes', []))} != theme {match}")
    cos = {t for n in match for t in NOTE_COMPANIES[n]}
    expect(len(cos) >= 2, f"{qid}: theme spans only {cos}")
expect({q["id"] for q in QS if q.get("kind") == "general"} == set(THEMES), "general questions and THEMES differ")

# ---- sentiment --------------------------------------------------------------
for q in QS:
    if q.get("kind") == "sentiment":
        t = q.get("ticker")
        own = notes_of(t, short_only=True, include_comparison=False) if t in COMPANIES else []
        expect(own and sorted(q["gold_notes"]) == own, f"{q['id']}: sentiment gold should be {own}")
        labs = {INFO[n]["label"] for n in own if n in INFO}
        expect(set(q["answer_keywords"]) == labs, f"{q['id']}: keywords {q['answer_keywords']} != labels {labs}")
        expect(bool(q.get("unknown_company")) == (COMPANIES.get(t, {}).get("kind") == "invented"),
               f"{q['id']}: unknown_company flag mismatch")

# ---- typo -------------------------------------------------------------------
TYPO_WORDS = {"q021": ("nokain", "nokian"), "q022": ("burkhardt", "burckhardt")}
for q in QS:
    if q.get("typo"):
        expect(q["kind"] == "factual", f"{q['id']}: typo question must be factual")
        expect(q["id"] in TYPO_WORDS, f"{q['id']}: typo not registered")
for qid, (bad, good) in TYPO_WORDS.items():
    text = BYID.get(qid, {}).get("question", "").lower()
    expect(bad in text and good not in text, f"{qid}: misspelling {bad!r} not used as intended")

# ---- unknown company --------------------------------------------------------
for q in QS:
    t = q.get("ticker")
    inv = t in COMPANIES and COMPANIES[t]["kind"] == "invented"
    expect(bool(q.get("unknown_company")) == inv, f"{q['id']}: unknown_company flag vs ticker {t}")
    if q.get("unknown_company") and q["kind"] != "no_answer":
        expect(q["kind"] in ("factual", "risk", "sentiment"), f"{q['id']}: unknown-company kind {q['kind']}")

# ---- near misses ------------------------------------------------------------
DATE = (r"(?:the )?(?:20\d\d|q[1-4]\b|h[12]\b|first|second|third|fourth|next|early|late|spring|summer|autumn|"
        r"winter|january|february|march|april|may|june|july|august|september|october|november|december)")
WHEN = (r"\b(?:(?:in|by|during|from|before|after|until|within|for|around|at)\s+" + DATE
        + r"|(?:early|late|mid)[- ]20\d\d)")
NEAR = {
    "q046": ("ostrevane-vanta-m2-launch.txt", "priced at EUR 240,000", "OSVH",
             [r"(?i)vanta m2[^.\n]*\b(\d[\d,.]*\s+(units|chambers|orders|systems)|shipped|sold|installed)\b"]),
    "q047": ("tirnavelk-dakhla-order.txt", "once the planned Agadir greenhouse cluster contract is signed", "TVKR",
             [r"(?i)(tempering plant|plant in morocco)[^.,;\n]*" + WHEN,
              r"(?i)(tempering plant|plant in morocco)[^.;\n]*\bopen\w*[^.;\n]*" + WHEN,
              r"(?i)\bopen\w*[^.;\n]*tempering plant[^.;\n]*" + WHEN]),
    "q048": ("norma-fy2053-results.txt",
             "the remaining industrial and mobility businesses together contributed EUR 808.8 million", "NOEJ.DE",
             [r"(?i)industry applications", r"(?i)industrial applications"]),
    "q049": ("nokian-q1-2054-results.txt", "Heavy Tyres and Vianor together added EUR 98.4 million", "TYRES.HE",
             [r"(?i)heavy tyres(?! and vianor)[^.\n]*\d"]),
    "q050": ("zhongsheng-fy2053-results.txt", "After-sales and used-vehicle revenue together came to RMB 31,100 million",
             "0881.HK", [r"(?i)used[- ]vehicles?(?! revenue together)[^.\n]*\bRMB\b"]),
    "q051": ("clas-ohlson-q3-2053-54.txt",
             "Norway, Finland and the online channel together accounted for SEK 2,116 million", "CLAS-B.ST",
             [r"(?i)\b(norway|norwegian)\b(?!, finland and)[^.\n]*\bSEK\b"]),
    "q052": ("ostrevane-fy2053.txt", "Nordic medtech peers such as Vitrolife trade on richer multiples", None,
             [r"(?i)vitrolife[^.\n]*\d", r"(?i)\d[^.\n]*vitrolife"]),
    "q053": ("burckhardt-lng-orders-q1.txt", "Landis+Gyr is the only other name reporting comparable order momentum",
             None, [r"(?i)landis\+gyr[^.\n]*\d", r"(?i)\d[^.\n]*landis\+gyr"]),
    "q054": ("rakus-ai-scan-launch.txt", "Freee, which targets the smallest businesses", None,
             [r"(?i)\bfreee\b[^.\n]*\d", r"(?i)\d[^.\n]*\bfreee\b"]),
    "q055": ("route-mobile-rcs-kenya.txt", "Indian integrators such as Mastek are starting to bundle messaging", None,
             [r"(?i)\bmastek\b[^.\n]*\d", r"(?i)\d[^.\n]*\bmastek\b"]),
    "q056": ("nokian-hakkapeliitta-12-launch.txt", "list price of about EUR 190 per tyre", "TYRES.HE",
             [r"(?i)hakkapeliitta 12[^.\n]*(\d[\d,.]*\s*(million\s+)?(units|tyres|sets)\b|\bsold\b|\bshipped\b)"]),
    "q057": ("clas-ohlson-cocraft-garden.txt", "priced from SEK 799", "CLAS-B.ST",
             [r"(?i)cocraft[^.\n]*\b(units|pieces|sold)\b"]),
    "q058": ("rakus-ai-scan-launch.txt", "at JPY 3,300 per month per company", "3923.T",
             [r"(?i)ai scan[^.\n]*\d[\d,.]*\s*(companies|customers|users|clients|subscribers|accounts)\b"]),
    "q059": ("route-mobile-rcs-kenya.txt", "priced at INR 0.28 per message", "ROUTE.NS",
             [r"(?i)rcs checkout[^.\n]*\d[\d,.]*\s*(brands|clients|customers|users|merchants)\b"]),
    "q060": ("norma-q1-2054-leverage.txt", "will restart once leverage falls below 2.0 times", "NOEJ.DE",
             [r"(?i)buyback[^.,;\n]*" + WHEN,
              r"(?i)(restart|resume)\w*[^.;\n]*buyback[^.;\n]*" + WHEN,
              r"(?i)buyback[^.;\n]*(restart|resume)\w*[^.;\n]*" + WHEN]),
    "q061": ("burckhardt-lng-orders-q1.txt",
             "once the expanded Shenyang plant in China is running at full capacity", "BCHN.SW",
             [r"(?i)margin target[^.;\n]*" + WHEN, r"(?i)shenyang[^.;\n]*" + WHEN]),
    "q062": ("zhongsheng-q1-2054-update.txt",
             "will resume annual dividend increases once new-vehicle gross margins stabilise", "0881.HK",
             [r"(?i)dividend (increases|growth|hikes?)[^.,;\n]*" + WHEN,
              r"(?i)dividend (increases|growth|hikes?)[^.;\n]*\b(resume|restart)\w*[^.;\n]*" + WHEN,
              r"(?i)\b(resume|restart)\w*[^.;\n]*dividend[^.;\n]*" + WHEN]),
    "q063": ("route-mobile-rcs-kenya.txt",
             "will close once the Communications Authority of Kenya approves the licence transfer", "ROUTE.NS",
             [r"(?i)(kenya|kenyan|nairobi)[^.\n]*\b(close|closing|completion|complete)\w*[^.\n]*" + WHEN]),
    "q064": ("rakus-fy2054-03-results.txt", "operating profit up 31.1% to JPY 11.8 billion", "3923.T",
             [r"(?i)net (income|profit)", r"(?i)profit attributable"]),
    "q065": ("clas-ohlson-full-year-2053-54.txt", "operating profit of SEK 1,085 million", "CLAS-B.ST",
             [r"(?i)\bEBITDA\b"]),
    "q066": ("burckhardt-fy2053-results.txt", "Order intake reached CHF 1,305.0 million", "BCHN.SW",
             [r"(?i)backlog", r"(?i)order book"]),
    "q067": ("zhongsheng-fy2053-results.txt", "Net profit fell to RMB 4,310 million", "0881.HK",
             [r"(?i)free cash flow", r"(?i)\bFCF\b"]),
}
nm_counts = {}
for q in QS:
    if "near_miss" in q:
        expect(q["kind"] == "no_answer", f"{q['id']}: near_miss on a non-no_answer question")
        expect(q["near_miss"] in NM_KINDS, f"{q['id']}: bad near_miss kind")
        key = (bool(q.get("unknown_company")), q["near_miss"])
        nm_counts[key] = nm_counts.get(key, 0) + 1
        expect(q["id"] in NEAR, f"{q['id']}: near miss not registered in NEAR")
for k in NM_KINDS:
    expect(nm_counts.get((False, k), 0) == 4, f"near_miss {k}: {nm_counts.get((False, k), 0)} (want 4)")
expect(sum(v for (u, _), v in nm_counts.items() if u) == 2, "want 2 unknown-company near misses")
for qid, (note, nearby, scope, absent) in NEAR.items():
    q = BYID.get(qid, {})
    expect(q.get("near_miss") is not None, f"{qid}: registered near miss lacks near_miss field")
    expect(nearby in ALL.get(note, ""), f"{qid}: nearby text not found in {note}")
    if scope:
        expect(q.get("ticker") == scope and scope in NOTE_COMPANIES.get(note, []),
               f"{qid}: scope/ticker/note mismatch")
        pool_notes = notes_of(scope)
    else:
        pname = [p for p, n in PASSING_NOTE.items() if n == note and p.lower() in nearby.lower()]
        expect(q.get("near_miss") == "passing_company" and pname and q.get("ticker") == PASSING[pname[0]],
               f"{qid}: passing-company near miss misconfigured")
        pool_notes = list(ALL)
    for rx in absent:
        for n in pool_notes:
            # decimal points are masked so that "[^.]" spans stay inside one sentence, not one number
            m = re.search(rx, re.sub(r"(?<=\d)\.(?=\d)", "·", ALL[n]))
            expect(m is None, f"{qid}: absent-fact regex {rx!r} matches {n}: {m.group(0)[:80] if m else ''!r}")

# ---- other no_answer: companies without notes, off-topic, uncovered period ----
OTHER_NA = {
    "q068": ("no_notes", ["Cyient"]),
    "q069": ("no_notes", ["Budweiser"]),
    "q070": ("off_topic", ["sourdough", "hydration ratio", "bread"]),
    "q071": ("period", ["2049"]),
}
for qid, (what, terms) in OTHER_NA.items():
    q = BYID.get(qid, {})
    expect(q.get("kind") == "no_answer" and "near_miss" not in q, f"{qid}: should be a plain no_answer")
    expect(terms[0].lower() in q.get("question", "").lower(), f"{qid}: question lacks {terms[0]!r}")
    for t in terms:
        for n, text in ALL.items():
            expect(not re.search(r"(?i)(?<!\w)" + re.escape(t) + r"(?!\w)", text), f"{qid}: {t!r} appears in {n}")
    if what == "no_notes":
        expect(q.get("ticker") in NO_NOTES.values(), f"{qid}: ticker should be the no-notes company's")
    if what == "off_topic":
        expect(q.get("ticker") is None, f"{qid}: off-topic ticker must be null")
    if what == "period":
        expect(q.get("ticker") in COMPANIES, f"{qid}: period question should name a covered company")
for name in NO_NOTES:
    for n, text in ALL.items():
        expect(name.split()[0].lower() not in text.lower(), f"no-notes company {name} appears in {n}")
plain_na = [q["id"] for q in QS if q.get("kind") == "no_answer" and "near_miss" not in q]
expect(sorted(plain_na) == sorted(OTHER_NA), f"plain no_answer questions {plain_na} != {sorted(OTHER_NA)}")

# ---- question style -----------------------------------------------------------
lower = sum(1 for q in QS if q.get("question", "") == q.get("question", "").lower())
expect(lower >= 0.8 * len(QS), f"only {lower} of {len(QS)} questions are all lowercase")
for q in QS:
    expect(len(q.get("question", "")) <= 90, f"{q.get('id')}: question too long for an analyst")

# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------
README = read(README_PATH) if os.path.exists(README_PATH) else ""
expect(bool(README), "README.md missing")
for qid in NEAR:
    expect(re.search(r"\|\s*" + qid + r"\s*\|", README), f"README near-miss table lacks {qid}")
for t, c in COMPANIES.items():
    expect(t in README and c["name"] in README, f"README companies table lacks {c['name']} ({t})")
for p in list(PASSING) + list(NO_NOTES):
    expect(p in README, f"README lacks {p}")

# ---------------------------------------------------------------------------
# Exclusions
# ---------------------------------------------------------------------------
EXTRA = """Medacta, Fiskars, Hugo Boss, Zozo, Breville, Nestle India, CTS Eventim, Galenica, Ströer, Welcia,
Jubilant FoodWorks, Kuaishou, Relaxo, Vaisala, Harvia, De'Longhi, Fielmann, Lynas, Tata Consumer, Eicher Motors,
Netwealth, Hub24, a2 Milk, Astral, Nykaa, TVS Motor, Sprouts Farmers Market, Abercrombie & Fitch, Workiva,
Paylocity, Five9, Doximity, Yum China, Pop Mart, Scout24, TJX, Kahoot, Miniso, Hemnet, NICE,
Colgate-Palmolive India, Bajaj Auto, Wix, Zomato, Victoria's Secret, Bath & Body Works, Hims & Hers, Braze,
Confluent, Cellebrite, Xtep, Haidilao, Avenue Supermarts, Urban Outfitters, Rubrik, Monday.com, Bilibili, Mixue,
Just Eat Takeaway, Adevinta, Info Edge, Britannia, Jenoptik, Elkem, Revenio, Bossard, Mercari, Bata India, Vitasoy,
Stabilus, Bufab, Sansan, Metro Brands, Kajaria Ceramics, Freshpet, Mycronic, Inficon, Elmos Semiconductor,
Tokmanni, Goldwin, Devyani International, China Feihe, Lagercrantz, Puuilo, Workman, Sapphire Foods,
Kalyan Jewellers, Nongfu Spring, Sprinklr, Alkami, Jamf, Sprout Social, Kura Sushi, Vita Coco, Bosideng,
Topsports, Schibsted, Yext, Portillo's, First Watch, Oatly, Man Wah, Amplitude, Viaplay, Nazara, Deliveroo,
Appian, PagerDuty, Clearwater Analytics, Grocery Outlet, Krispy Kreme, Progyny, Yadea, Chow Tai Fook, Netcompany,
BigCommerce, Utz Brands, GoodRx, Luk Fook, Geely, SimCorp, Hinge Health, Happiest Minds, Birkenstock, Dürr,
Storebrand, Musti Group, Forbo, Money Forward, Vedant Fashions, Tingyi, Hexatronic, Sdiptech, Bic Camera,
Westlife Foodworld, Tata Elxsi, Want Want, Q2 Holdings, Smartsheet, Stitch Fix, BellRing Brands, Oscar Health,
iRhythm Technologies, L'Occitane International, Pola Orbis, Jyske Bank, Asana, ThredUp, Simply Good Foods,
Privia Health, Amwell, Hain Celestial, Bavarian Nordic, Tanla Platforms, Allbirds, Lantheus, Olaplex, Traeger,
Beyond Meat, Solo Brands, Hengan International, Smoore International, Nobia, SoftwareOne, JS Global, Vinda,
Dali Foods, Sonata Software, About You, Ever Sunshine, Giordano, Aditya Birla Fashion, Fancl"""
EXTRA_NAMES = [x.strip() for x in EXTRA.replace("\n", " ").split(",") if x.strip()]
AVOID_SECTORS = ["geothermal", "drilling", "seed", "genetics", "tunnel", "boring", "toll", "bridge", "textile",
                 "recycling", "seaweed", "extract", "fire apparatus", "avalanche", "kelp", "pipe organ", "organ",
                 "bell", "cork", "sawmill"]
AVOID_COINED = ["Cranmoor", "Orvelant", "Ombrisal", "Dravenholt", "Zelquist", "Hollenvika", "Tumbrevik",
                "Quintharo", "Sorvinde", "Brastelby", "Skarnveld", "Lumbrescu", "Tamberlux", "Wexmoraine",
                "Pellistrane", "Skorvedal"]

try:
    raw_names = [l.strip() for l in read(os.path.join(EXCL_DIR, "excluded_names.txt")).split("\n") if l.strip()]
    raw_tickers = [l.strip() for l in read(os.path.join(EXCL_DIR, "excluded_tickers.txt")).split("\n") if l.strip()]
except OSError as e:
    raw_names, raw_tickers = [], []
    fail(f"cannot read exclusion lists in {EXCL_DIR}: {e}")

# All-lowercase lines in excluded_names.txt are category and label words copied from other briefs
# ("risk", "typo", "neutral", "mildly positive", ...), not company names; several are labels this brief
# requires, so they are not searched in the text. Every entry with a capital letter is searched.
NAME_RX = [(n, re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.I))
           for n in raw_names + EXTRA_NAMES if any(ch.isupper() for ch in n)]
# Tickers: whole ticker tokens, case-insensitive. A dot followed by a letter or digit is part of a token,
# so the excluded "NS" does not hit ROUTE.NS, while "ns", "$NS" or "NS." would.
TICKER_RX = [(t, re.compile(r"(?<![\w.])" + re.escape(t) + r"(?!\w|\.\w)", re.I)) for t in raw_tickers]

OUR_NAMES = [c["name"] for c in COMPANIES.values()] + list(PASSING) + list(NO_NOTES)
OUR_TICKERS = list(COMPANIES) + list(PASSING.values()) + list(NO_NOTES.values())
for nm in OUR_NAMES:
    for n, rx in NAME_RX:
        expect(not rx.search(nm), f"our company {nm} hits excluded name {n}")
    for t, rx in TICKER_RX:
        expect(not rx.search(nm), f"our company {nm} hits excluded ticker {t}")
for tk in OUR_TICKERS:
    for t, rx in TICKER_RX:
        expect(not rx.search(tk), f"our ticker {tk} hits excluded ticker {t}")
    for n, rx in NAME_RX:
        expect(not rx.search(tk), f"our ticker {tk} hits excluded name {n}")
excl_words = {w.lower() for n in raw_names + EXTRA_NAMES for w in re.findall(r"[\w'’&+-]+", n)}
for t, c in COMPANIES.items():
    if c["kind"] == "invented":
        words = c["name"].split()
        for w in words:
            expect(w.lower() not in excl_words, f"invented name {c['name']}: word {w!r} shared with an excluded name")
        for w in AVOID_COINED:
            expect(w.lower() not in c["name"].lower(), f"invented name uses avoided coined word {w}")
        for s in AVOID_SECTORS:
            expect(s not in " ".join(words[1:]).lower(), f"invented sector {c['name']} overlaps avoided sector {s}")

texts = {"notes/" + n: t for n, t in ALL.items()}
texts["README.md"] = README
for q in QS:
    texts["qa " + str(q.get("id"))] = " | ".join([q.get("question", "")] + q.get("answer_keywords", [])
                                                 + [q.get("ticker") or ""])
for where, text in texts.items():
    for n, rx in NAME_RX:
        m = rx.search(text)
        if m:
            fail(f"{where}: excluded name {n!r} found ({m.group(0)!r})")
    for t, rx in TICKER_RX:
        m = rx.search(text)
        if m:
            i = m.start()
            fail(f"{where}: excluded ticker {t!r} found in {text[max(0, i - 30):i + 30]!r}")

# ---------------------------------------------------------------------------
if FAILS:
    for f_ in FAILS:
        print("FAIL:", f_)
    print(f"{len(FAILS)} failure(s)")
    sys.exit(1)
print("OK")
