#!/usr/bin/env python3
"""Self-check for the av-short blind evaluation set (Python 3 stdlib only).

Run:  python3 check.py          (prints OK and exits 0, or lists failures and exits 1)
Exclusion lists are read from $EXCLUDED_DIR, else /work/blind-prompts.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README_PATH = os.path.join(HERE, "README.md")
EXCLUDED_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

FAILS = []


def fail(msg):
    FAILS.append(msg)


# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------
# role: covered (real, with notes), invented, passing (one sentence), nonotes
COMPANIES = {
    "JEN.DE": dict(name="Jenoptik", aliases=["Jenoptik", "JEN"], role="covered"),
    "ELK.OL": dict(name="Elkem", aliases=["Elkem", "ELK"], role="covered"),
    "REG1V.HE": dict(name="Revenio Group", aliases=["Revenio", "REG1V"], role="covered"),
    "BOSN.SW": dict(name="Bossard", aliases=["Bossard", "BOSN"], role="covered"),
    "4385.T": dict(name="Mercari", aliases=["Mercari", "4385"], role="covered"),
    "BATAINDIA.NS": dict(name="Bata India", aliases=["Bata India", "Bata", "BATAINDIA"], role="covered"),
    "0345.HK": dict(name="Vitasoy International", aliases=["Vitasoy", "0345"], role="covered"),
    "SVWX": dict(name="Sorvinde Seaweed Extracts", aliases=["Sorvinde", "SVWX"], role="invented",
                 sector="seaweed-derived food and pharmaceutical ingredients"),
    "BFAX": dict(name="Brastelby Fire Apparatus", aliases=["Brastelby", "BFAX"], role="invented",
                 sector="fire-fighting vehicles and airport crash tenders"),
    "STM.DE": dict(name="Stabilus", aliases=["Stabilus"], role="passing"),
    "BUFAB.ST": dict(name="Bufab", aliases=["Bufab"], role="passing"),
    "4443.T": dict(name="Sansan", aliases=["Sansan"], role="passing"),
    "METROBRAND.NS": dict(name="Metro Brands", aliases=["Metro Brands"], role="passing"),
    "KAJARIACER.NS": dict(name="Kajaria Ceramics", aliases=["Kajaria"], role="nonotes"),
    "FRPT": dict(name="Freshpet", aliases=["Freshpet"], role="nonotes"),
}
WITH_NOTES = [t for t, c in COMPANIES.items() if c["role"] in ("covered", "invented")]

# Which companies each note is about (checked against the text below).
NOTE_COMPANIES = {
    "jenoptik-fy47-results.txt": ["JEN.DE"],
    "jenoptik-q1-2048.txt": ["JEN.DE"],
    "elkem-fy47-q4.txt": ["ELK.OL"],
    "elkem-q1-2048.txt": ["ELK.OL"],
    "revenio-fy47-results.txt": ["REG1V.HE"],
    "revenio-illume-launch.txt": ["REG1V.HE"],
    "bossard-fy47-results.txt": ["BOSN.SW"],
    "bossard-q1-2048.txt": ["BOSN.SW"],
    "bossard-monterrey-hub.txt": ["BOSN.SW"],
    "mercari-fy47-results.txt": ["4385.T"],
    "mercari-q2-fy48.txt": ["4385.T"],
    "mercari-hallo-ai.txt": ["4385.T"],
    "bata-india-q3-fy48.txt": ["BATAINDIA.NS"],
    "bata-india-fy48-results.txt": ["BATAINDIA.NS"],
    "vitasoy-h1-fy48.txt": ["0345.HK"],
    "vitasoy-barista-oat.txt": ["0345.HK"],
    "sorvinde-fy47-results.txt": ["SVWX"],
    "sorvinde-chile-plant.txt": ["SVWX"],
    "brastelby-fy47-results.txt": ["BFAX"],
    "brastelby-q1-2048.txt": ["BFAX"],
    "cmp-jenoptik-bossard.txt": ["JEN.DE", "BOSN.SW"],
    "cmp-bata-vitasoy.txt": ["BATAINDIA.NS", "0345.HK"],
    "bossard-annual-report-2047.md": ["BOSN.SW"],
    "vitasoy-annual-results-fy2048.md": ["0345.HK"],
    "sorvinde-annual-report-2047.md": ["SVWX"],
    "sorvinde-q1-2048-results.md": ["SVWX"],
}
COMPARISON_NOTES = ["cmp-jenoptik-bossard.txt", "cmp-bata-vitasoy.txt"]

# ---------------------------------------------------------------------------
# Fact sheets: arithmetic (growth vs prior year, segments sum, margins,
# quarters sum to the year, leverage = net debt / EBITDA)
# ---------------------------------------------------------------------------
def growth(prev, cur, pct):
    """Stated growth pct (one decimal) is the true growth rounded (ties either way)."""
    return abs((cur / prev - 1) * 100 - pct) <= 0.05 + 1e-9


def ratio_pct(num, den, pct):
    return abs(num / den * 100 - pct) <= 0.05 + 1e-9


def ratio_x(num, den, x, nd=2):
    return abs(num / den - x) <= 0.5 * 10 ** (-nd) + 1e-9


def sums(parts, total):
    return abs(sum(parts) - total) < 1e-6


FACT_CHECKS = [
    # Jenoptik (EUR m, calendar fiscal year)
    ("JEN revenue growth FY47", growth(1201, 1312, 9.2)),
    ("JEN segments sum FY47 (APS 1008, SMS 196, other 108)", sums([1008, 196, 108], 1312)),
    ("JEN remaining units = 1312 - 1008", sums([1312, -1008], 304)),
    ("JEN EBITDA margin FY47", ratio_pct(262, 1312, 20.0)),
    ("JEN book-to-bill FY47", ratio_x(1365, 1312, 1.04)),
    ("JEN leverage FY47", ratio_x(395, 262, 1.51)),
    ("JEN Q1 growth", growth(281, 298, 6.0)),
    ("JEN Q1 EBITDA margin", ratio_pct(53.6, 298, 18.0)),
    # Elkem (NOK m)
    ("ELK revenue growth FY47", growth(33700, 36400, 8.0)),
    ("ELK segments sum FY47", sums([19800, 11900, 4700], 36400)),
    ("ELK other segments = 36400 - 19800", sums([36400, -19800], 16600)),
    ("ELK EBITDA margin FY47", ratio_pct(5460, 36400, 15.0)),
    ("ELK leverage FY47", ratio_x(9830, 5460, 1.80)),
    ("ELK quarters sum FY47", sums([8900, 9050, 9200, 9250], 36400)),
    ("ELK Q4 margin", ratio_pct(1295, 9250, 14.0)),
    ("ELK Q1 growth", growth(8900, 9620, 8.1)),
    ("ELK Q1 margin", ratio_pct(1540, 9620, 16.0)),
    # Revenio (EUR m)
    ("REG revenue growth FY47", growth(121.4, 136.0, 12.0)),
    ("REG EBIT margin FY47", ratio_pct(33.3, 136.0, 24.5)),
    ("REG regions sum FY47 (NA 59.8, EMEA 49.0, APAC 27.2)", sums([59.8, 49.0, 27.2], 136.0)),
    ("REG rest of world = 136.0 - 59.8", abs(136.0 - 59.8 - 76.2) < 1e-6),
    ("REG North America share 44%", round(59.8 / 136.0 * 100) == 44),
    ("REG Q1 growth", growth(29.2, 31.8, 8.9)),
    ("REG Q1 EBIT margin", ratio_pct(7.3, 31.8, 23.0)),
    # Bossard (CHF m)
    ("BOSN revenue growth FY47", growth(1046, 1118, 6.9)),
    ("BOSN regions sum FY47", sums([640, 262, 216], 1118)),
    ("BOSN regions sum FY46", sums([604, 240, 202], 1046)),
    ("BOSN Europe growth", growth(604, 640, 6.0)),
    ("BOSN America growth", growth(240, 262, 9.2)),
    ("BOSN Asia growth", growth(202, 216, 6.9)),
    ("BOSN EBIT margin FY47", ratio_pct(112, 1118, 10.0)),
    ("BOSN EBIT margin FY46", ratio_pct(97, 1046, 9.3)),
    ("BOSN EBIT growth", growth(97, 112, 15.5)),
    ("BOSN EBITDA growth", growth(133, 148, 11.3)),
    ("BOSN net income growth", growth(71.5, 84.0, 17.5)),
    ("BOSN EPS growth", growth(9.28, 10.90, 17.5)),
    ("BOSN share count consistent", abs(84.0 / 10.90 - 71.5 / 9.28) < 0.01),
    ("BOSN leverage FY47 1.6x", ratio_x(236, 148, 1.6, 1)),
    ("BOSN leverage FY46 1.9x", ratio_x(252, 133, 1.9, 1)),
    ("BOSN net debt change", growth(252, 236, -6.3)),
    ("BOSN dividend growth", growth(4.80, 5.20, 8.3)),
    ("BOSN payout near 48%", round(5.20 / 10.90 * 100) == 48),
    ("BOSN Q1 growth", growth(272, 289, 6.3)),
    # Mercari (JPY bn, fiscal year ends June)
    ("MER revenue growth FY6/47", growth(214.5, 236.0, 10.0)),
    ("MER segments sum FY6/47", sums([128.0, 58.0, 38.0, 12.0], 236.0)),
    ("MER non-Japan-marketplace = 236.0 - 128.0", abs(236.0 - 128.0 - 108.0) < 1e-6),
    ("MER core OP margin FY6/47", ratio_pct(33.0, 236.0, 14.0)),
    ("MER Q2 growth", growth(58.9, 64.2, 9.0)),
    ("MER Q2 margin", ratio_pct(9.6, 64.2, 15.0)),
    # Bata India (INR crore, fiscal year ends March)
    ("BATA revenue growth FY48", growth(3815, 4120, 8.0)),
    ("BATA EBITDA margin FY48", ratio_pct(938, 4120, 22.8)),
    ("BATA quarters sum FY48", sums([1090, 1000, 1062, 968], 4120)),
    ("BATA Q3 growth", growth(1026, 1062, 3.5)),
    ("BATA Q3 margin", ratio_pct(221, 1062, 20.8)),
    ("BATA Q4 growth", growth(902, 968, 7.3)),
    # Vitasoy (HK$ m, fiscal year ends March)
    ("VIT revenue growth FY47/48", growth(6380, 6820, 6.9)),
    ("VIT segments sum FY47/48", sums([3410, 2250, 850, 310], 6820)),
    ("VIT segments sum FY46/47", sums([3150, 2150, 800, 280], 6380)),
    ("VIT China growth", growth(3150, 3410, 8.3)),
    ("VIT HK growth", growth(2150, 2250, 4.7)),
    ("VIT ANZ growth", growth(800, 850, 6.3)),
    ("VIT Singapore growth", growth(280, 310, 10.7)),
    ("VIT gross margin FY47/48", ratio_pct(3444, 6820, 50.5)),
    ("VIT gross margin FY46/47", ratio_pct(3190, 6380, 50.0)),
    ("VIT gross profit growth", growth(3190, 3444, 8.0)),
    ("VIT EBITDA margin FY47/48", ratio_pct(880, 6820, 12.9)),
    ("VIT EBITDA margin FY46/47", ratio_pct(790, 6380, 12.4)),
    ("VIT EBITDA growth", growth(790, 880, 11.4)),
    ("VIT profit growth", growth(301, 352, 16.9)),
    ("VIT halves sum FY47/48", sums([3560, 3260], 6820)),
    ("VIT halves sum FY46/47", sums([3315, 3065], 6380)),
    ("VIT H1 growth", growth(3315, 3560, 7.4)),
    ("VIT dividend interim + final", abs(3.8 + 7.0 - 10.8) < 1e-9),
    ("VIT dividend growth", growth(9.6, 10.8, 12.5)),
    # Sorvinde (EUR m)
    ("SVWX revenue growth FY47", growth(371, 412, 11.1)),
    ("SVWX segments sum FY47", sums([198, 146, 68], 412)),
    ("SVWX segments sum FY46", sums([172, 142, 57], 371)),
    ("SVWX alginates growth", growth(172, 198, 15.1)),
    ("SVWX carrageenan growth", growth(142, 146, 2.8)),
    ("SVWX agar growth", growth(57, 68, 19.3)),
    ("SVWX EBITDA margin FY47", ratio_pct(86.5, 412, 21.0)),
    ("SVWX EBITDA margin FY46", ratio_pct(74.2, 371, 20.0)),
    ("SVWX EBITDA growth", growth(74.2, 86.5, 16.6)),
    ("SVWX leverage FY47", ratio_x(190, 86.5, 2.20)),
    ("SVWX leverage FY46 2.0x", ratio_x(150, 74.2, 2.0, 1)),
    ("SVWX quarters sum FY47", sums([96, 104, 101, 111], 412)),
    ("SVWX capex growth", growth(41, 58, 41.5)),
    ("SVWX net debt growth", growth(150, 190, 26.7)),
    ("SVWX Q1 growth", growth(96, 108, 12.5)),
    ("SVWX Q1 segments 2048", sums([53, 36, 19], 108)),
    ("SVWX Q1 segments 2047 = FY47 Q1", sums([45, 35, 16], 96)),
    ("SVWX Q1 alginates growth", growth(45, 53, 17.8)),
    ("SVWX Q1 carrageenan growth", growth(35, 36, 2.9)),
    ("SVWX Q1 agar growth", growth(16, 19, 18.8)),
    ("SVWX Q1 margin 2048", ratio_pct(23.8, 108, 22.0)),
    ("SVWX Q1 margin 2047", ratio_pct(19.7, 96, 20.5)),
    ("SVWX Q1 EBITDA growth", growth(19.7, 23.8, 20.8)),
    # Brastelby (SEK m)
    ("BFAX revenue growth FY47", growth(6220, 6842, 10.0)),
    ("BFAX segments sum FY47 (municipal 4310, airport 1120, service 1412)", sums([4310, 1120, 1412], 6842)),
    ("BFAX airport + service = 6842 - 4310", sums([6842, -4310], 2532)),
    ("BFAX EBIT margin FY47", ratio_pct(547, 6842, 8.0)),
    ("BFAX Q1 growth", growth(1545, 1610, 4.2)),
    ("BFAX Q1 margin", ratio_pct(113, 1610, 7.0)),
]

# Fact-sheet figures that must be stated verbatim in the named note.
FACT_TEXT = [
    ("jenoptik-fy47-results.txt", ["€1,312m", "9.2%", "€1,201m", "€262m", "20.0%", "€1,365m", "1.04", "€395m", "1.51x", "€1,008m", "€304m"]),
    ("jenoptik-q1-2048.txt", ["6.0%", "€298m", "€281m", "€53.6m", "18.0%", "€331m"]),
    ("elkem-fy47-q4.txt", ["NOK 36,400m", "8.0%", "NOK 33,700m", "NOK 5,460m", "15.0%", "NOK 9,250m", "NOK 1,295m", "14.0%", "NOK 19,800m", "NOK 16,600m", "NOK 9,830m", "1.80x"]),
    ("elkem-q1-2048.txt", ["8.1%", "NOK 9,620m", "NOK 8,900m", "NOK 1,540m", "16.0%"]),
    ("revenio-fy47-results.txt", ["12.0%", "€136.0m", "€121.4m", "€33.3m", "24.5%", "€59.8m", "€76.2m", "44%"]),
    ("revenio-illume-launch.txt", ["8.9%", "€31.8m", "€7.3m", "23.0%"]),
    ("bossard-fy47-results.txt", ["CHF 1,118m", "6.9%", "CHF 1,046m", "CHF 112m", "10.0%", "CHF 84.0m", "CHF 10.90", "CHF 5.20", "CHF 640m", "CHF 262m", "CHF 216m", "CHF 236m", "CHF 148m", "1.6x", "48%"]),
    ("bossard-q1-2048.txt", ["6.3%", "CHF 289m", "CHF 272m"]),
    ("mercari-fy47-results.txt", ["¥236.0bn", "10.0%", "¥214.5bn", "¥33.0bn", "14.0%", "¥128.0bn", "¥108.0bn"]),
    ("mercari-q2-fy48.txt", ["9.0%", "¥64.2bn", "¥58.9bn", "¥9.6bn", "15.0%"]),
    ("bata-india-q3-fy48.txt", ["3.5%", "₹1,062 crore", "₹221 crore", "20.8%"]),
    ("bata-india-fy48-results.txt", ["₹4,120 crore", "8.0%", "₹3,815 crore", "₹938 crore", "22.8%", "7.3%", "₹968 crore"]),
    ("vitasoy-h1-fy48.txt", ["HK$3,560m", "7.4%", "HK$3,315m", "50.8%"]),
    ("sorvinde-fy47-results.txt", ["€412m", "11.1%", "€371m", "€86.5m", "21.0%", "€198m", "€146m", "€68m", "€190m", "2.20x"]),
    ("sorvinde-chile-plant.txt", ["12.5%", "€108m", "€23.8m", "22.0%"]),
    ("brastelby-fy47-results.txt", ["SEK 6,842m", "10.0%", "SEK 6,220m", "SEK 547m", "8.0%", "SEK 4,310m", "SEK 2,532m"]),
    ("brastelby-q1-2048.txt", ["SEK 1,610m", "4.2%", "SEK 1,545m", "SEK 113m", "7.0%"]),
    ("cmp-jenoptik-bossard.txt", ["9.2%", "€1,312m", "6.9%", "CHF 1,118m", "20.0%", "10.0%"]),
    ("cmp-bata-vitasoy.txt", ["8.0%", "7.4%"]),
    ("bossard-annual-report-2047.md", ["CHF 1,118m", "CHF 1,046m", "CHF 112m", "CHF 84.0m", "CHF 10.90", "CHF 5.20", "CHF 640m", "CHF 262m", "CHF 216m", "2,790"]),
    ("vitasoy-annual-results-fy2048.md", ["HK$6,820m", "HK$6,380m", "HK$3,444m", "50.5%", "HK$880m", "HK$352m", "HK$3,410m", "HK$2,250m", "HK$850m", "HK$310m", "HK$420m"]),
    ("sorvinde-annual-report-2047.md", ["€412m", "€371m", "€86.5m", "21.0%", "€198m", "€146m", "€68m", "€58m", "€190m"]),
    ("sorvinde-q1-2048-results.md", ["€108m", "€96m", "€23.8m", "22.0%", "20.5%", "€53m", "€36m", "€19m"]),
]

# ---------------------------------------------------------------------------
# Note format
# ---------------------------------------------------------------------------
LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "AI-driven research, instant alerts and portfolio analytics for professional investors.",
    "Institutional-grade AI research with real-time alerts and portfolio monitoring.",
    "Smarter research for institutional investors: AI summaries, real-time alerts, portfolio analytics.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
TICKER_LAYOUTS = {
    "plain": re.compile(r"^([A-Z0-9][A-Z0-9.]*) (-?\d\.\d\d)$"),
    "colon": re.compile(r"^([A-Z0-9][A-Z0-9.]*): (-?\d\.\d\d)$"),
    "dollar": re.compile(r"^\$([A-Z0-9][A-Z0-9.]*) (-?\d\.\d\d)$"),
}
DATE_RE = re.compile(r"^Date: (\d{4})-(\d{2})-(\d{2})$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z€¥₹$\"“])")


def band(label, score):
    a = abs(score)
    if label == "neutral":
        return a <= 0.10
    sign_ok = (score > 0) == label.endswith("positive")
    if label.startswith("mildly"):
        return sign_ok and 0.10 < a <= 0.35
    return sign_ok and 0.35 < a <= 1.0


def sentences(text):
    return [s for s in SENT_SPLIT.split(text.strip()) if s]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def parse_short(name, raw):
    """Return dict with parts of a brief note, or None after recording failures."""
    lines = raw.split("\n")
    if raw.endswith("\n"):
        lines = lines[:-1]
    info = {"final_newline": raw.endswith("\n"), "curly": "\u2019" in raw}
    i = 0
    if lines and lines[0] == "":
        info["first"] = "blank"
        i = 1
    elif lines and lines[0].startswith("Date:"):
        m = DATE_RE.match(lines[0])
        if not m:
            fail(f"{name}: bad Date line {lines[0]!r}")
        else:
            y, mo, d = map(int, m.groups())
            if not ((2047, 1, 1) <= (y, mo, d) <= (2048, 6, 30)):
                fail(f"{name}: date {lines[0]} outside fiscal 2047 - mid-2048")
        info["first"] = "date"
        i = 1
    else:
        info["first"] = "none"
    body = lines[i:]
    if len(body) < 8:
        fail(f"{name}: too few lines ({len(body)})")
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    info.update(news=news, analytic=analytic, tagline=tagline, label=label)
    ns = sentences(news)
    if not 2 <= len(ns) <= 4:
        fail(f"{name}: news paragraph has {len(ns)} sentences (want 2-4)")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    if not re.search(r"(fiscal|quarter|20\d\d|six months|half)", news, re.I):
        fail(f"{name}: news paragraph names no period")
    wc = len(analytic.split())
    if not 180 <= wc <= 240:
        fail(f"{name}: analytic paragraph has {wc} words (want 180-240)")
    if len(sentences(analytic)) < 5:
        fail(f"{name}: analytic paragraph looks like too few sentences")
    if not re.search(r"\brisks\b", analytic, re.I):
        fail(f"{name}: analytic paragraph does not discuss risks")
    if not re.search(r"\d+(\.\d+)?x\b|valuation", analytic, re.I):
        fail(f"{name}: analytic paragraph does not discuss valuation")
    if tagline not in TAGLINES:
        fail(f"{name}: unknown tagline {tagline!r}")
    if demo not in DEMO_LINES:
        fail(f"{name}: bad demo line {demo!r}")
    if label not in LABELS:
        fail(f"{name}: bad label {label!r}")
    if ss != "Sentiment Score":
        fail(f"{name}: expected 'Sentiment Score', got {ss!r}")
    if ts != "Ticker Sentiment":
        fail(f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    try:
        sc = float(score)
        info["score"] = sc
        if not re.fullmatch(r"-?\d\.\d\d", score) or not -1 <= sc <= 1:
            fail(f"{name}: score {score!r} not in [-1, 1] with two decimals")
        elif label in LABELS and not band(label, sc):
            fail(f"{name}: label {label!r} does not match score {sc}")
    except ValueError:
        fail(f"{name}: score {score!r} is not a number")
    tick_lines = body[8:]
    info["ticker_lines"] = []
    info["layout"] = None
    for tl in tick_lines:
        hit = None
        for lay, rx in TICKER_LAYOUTS.items():
            m = rx.match(tl)
            if m:
                hit = (lay, m.group(1), float(m.group(2)))
        if not hit:
            fail(f"{name}: bad ticker line {tl!r}")
            continue
        if info["layout"] and info["layout"] != hit[0]:
            fail(f"{name}: mixed ticker-line layouts")
        info["layout"] = hit[0]
        info["ticker_lines"].append(hit[1:])
        if not -1 <= hit[2] <= 1:
            fail(f"{name}: ticker score out of range in {tl!r}")
    return info


def check_short_notes(short):
    parsed = {}
    for name in sorted(short):
        info = parse_short(name, short[name])
        if info:
            parsed[name] = info
    firsts = [p["first"] for p in parsed.values()]
    if firsts.count("blank") != 5:
        fail(f"blank first line in {firsts.count('blank')} notes (want 5)")
    if not 10 <= firsts.count("date") <= 12:
        fail(f"Date first line in {firsts.count('date')} notes (want about 11)")
    with_ticks = [n for n, p in parsed.items() if p["ticker_lines"]]
    if not 12 <= len(with_ticks) <= 14:
        fail(f"{len(with_ticks)} notes have ticker lines (want about 13)")
    layouts = {parsed[n]["layout"] for n in with_ticks}
    if layouts != {"plain", "colon", "dollar"}:
        fail(f"ticker layouts used: {sorted(layouts)} (want all three)")
    nofinal = [n for n, p in parsed.items() if not p["final_newline"]]
    if len(nofinal) != 5:
        fail(f"{len(nofinal)} notes lack a final newline (want 5)")
    curly = [n for n, p in parsed.items() if p["curly"]]
    if len(curly) != 5:
        fail(f"{len(curly)} notes use curly apostrophes (want 5): {curly}")
    for n, p in parsed.items():
        if not p["curly"] and "\u2018" in short[n]:
            fail(f"{n}: stray left curly quote")
    tags = {p["tagline"] for p in parsed.values()}
    if len(tags) != 4:
        fail(f"{len(tags)} tagline wordings used (want 4)")
    demos = {short[n].split("Overall Sentiment")[0].rsplit("\n", 1)[-1] for n in parsed}
    if demos != {"Request a Demo", "Request Demo"}:
        fail(f"demo variants used: {demos}")
    # ticker lines name the note's companies, by canonical ticker
    for n, p in parsed.items():
        syms = [s for s, _ in p["ticker_lines"]]
        if syms and sorted(syms) != sorted(NOTE_COMPANIES.get(n, [])):
            fail(f"{n}: ticker lines {syms} != note companies {NOTE_COMPANIES.get(n)}")
        if len(syms) == 1 and abs(p["ticker_lines"][0][1] - p.get("score", 9)) > 1e-9:
            fail(f"{n}: single ticker score differs from overall score")
    # coverage counts
    for t in WITH_NOTES:
        own = [n for n in parsed if NOTE_COMPANIES.get(n) == [t]]
        role = COMPANIES[t]["role"]
        if role == "covered" and not 2 <= len(own) <= 3:
            fail(f"{t}: {len(own)} single-company brief notes (want 2-3)")
        if role == "invented" and len(own) != 2:
            fail(f"{t}: {len(own)} brief notes (want 2)")
    for c in COMPARISON_NOTES:
        if c not in parsed:
            fail(f"comparison note {c} missing")
            continue
        cos = NOTE_COMPANIES[c]
        if len(cos) != 2 or any(COMPANIES[t]["role"] != "covered" for t in cos):
            fail(f"{c}: must cover two covered companies")
        if sorted(s for s, _ in parsed[c]["ticker_lines"]) != sorted(cos):
            fail(f"{c}: needs ticker lines for both companies")
    if not 20 <= len(parsed) <= 24:
        fail(f"{len(parsed)} brief notes (want about 22)")
    return parsed


FRONT_KEYS = ["company", "ticker", "title", "date"]


def prose_words(body):
    n = 0
    for line in body.split("\n"):
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("#"):
            continue
        n += len(s.split())
    return n


def parse_tables(body):
    tables, cur = [], []
    for line in body.split("\n"):
        if line.startswith("|"):
            cur.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


def num(cell):
    c = cell.replace(",", "").replace("x", "").replace("%", "").strip()
    try:
        return float(c)
    except ValueError:
        return None


def check_table(name, t):
    header, rows = t[0], [r for r in t[2:]]
    if not any(re.search(r"FY20\d\d|Q[1-4]|H[12]", h) for h in header):
        fail(f"{name}: table header {header} has no fiscal-year or quarter columns")
    # Change column: growth between the two period columns
    if header[-1] == "Change" and len(header) == 4:
        for r in rows:
            a, b, ch = num(r[1]), num(r[2]), r[3]
            if a is None or b is None or not ch:
                continue
            if ch.endswith("pp"):
                if abs(round(b - a, 1) - float(ch.replace("pp", "").strip())) > 0.051:
                    fail(f"{name}: pp change wrong in row {r}")
            elif ch.endswith("%") and not r[1].endswith("%"):
                if not growth(a, b, float(ch.replace("%", ""))):
                    fail(f"{name}: % change wrong in row {r}")
    # Segment rows before a Group/Revenue row sum to it
    labels = [r[0] for r in rows]
    for tot_label in ("Group", "Revenue"):
        if tot_label in labels:
            k = labels.index(tot_label)
            if k >= 2:
                for col in range(1, len(header)):
                    if header[col] == "Change":
                        continue
                    parts = [num(r[col]) for r in rows[:k]]
                    tot = num(rows[k][col])
                    if None not in parts and tot is not None and abs(sum(parts) - tot) > 1e-6:
                        fail(f"{name}: rows above {tot_label} do not sum in column {header[col]}")
    # Quarter/half columns sum to the year column
    if header[-1] in ("Year",) or (re.match(r"FY20\d\d$", header[-1]) and header[1] in ("Q1", "H1")):
        for r in rows:
            vals = [num(c) for c in r[1:]]
            if None not in vals and abs(sum(vals[:-1]) - vals[-1]) > 1e-6:
                fail(f"{name}: periods do not sum to the year in row {r}")


def check_long_notes(long):
    cos = set()
    for name, raw in sorted(long.items()):
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
        if not m:
            fail(f"{name}: missing front matter")
            continue
        fm = {}
        for line in m.group(1).split("\n"):
            k, _, v = line.partition(":")
            fm[k.strip()] = v.strip()
        if list(fm) != FRONT_KEYS:
            fail(f"{name}: front matter keys {list(fm)} (want {FRONT_KEYS})")
        tick = fm.get("ticker")
        if tick not in COMPANIES or COMPANIES[tick]["name"] != fm.get("company"):
            fail(f"{name}: front matter company/ticker mismatch {fm.get('company')}/{tick}")
        if NOTE_COMPANIES.get(name) != [tick]:
            fail(f"{name}: NOTE_COMPANIES entry disagrees with front matter")
        cos.add(tick)
        dm = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", fm.get("date", ""))
        if not dm or not ((2047, 1, 1) <= tuple(map(int, dm.groups())) <= (2048, 6, 30)):
            fail(f"{name}: bad front matter date {fm.get('date')}")
        body = m.group(2)
        w = prose_words(body)
        if not 900 <= w <= 1100:
            fail(f"{name}: {w} prose words (want 900-1,100)")
        if not re.search(r"\b[Ww]e\b", body) or not re.search(r"\b[Tt]he (Company|Group)\b", body):
            fail(f"{name}: not written in the we / the Company voice")
        if re.search(r"Sentiment|Overall|Request (a )?Demo", body):
            fail(f"{name}: long note must not carry a sentiment block")
        tables = parse_tables(body)
        if not tables:
            fail(f"{name}: no Markdown tables")
        for t in tables:
            check_table(name, t)
    if len(long) != 4:
        fail(f"{len(long)} long notes (want 4)")
    if len(cos) != 3:
        fail(f"long notes cover {len(cos)} companies (want 3)")
    if not any(COMPANIES[t]["role"] == "invented" for t in cos if t in COMPANIES):
        fail("no long note on an invented company")


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------
NEAR_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
WHEN = (r"\b(in|by|from|during|before|after|within|until)\s+(early |late |mid-)?"
        r"(20\d\d|Q[1-4]|H[12]|the (first|second|third|fourth) (quarter|half)|January|February|March|April|"
        r"May|June|July|August|September|October|November|December|spring|summer|autumn|winter|next year|this year)\b")
OTHER_PROFIT = r"net (profit|income)|profit after tax|profit for the (year|period)|\bEPS\b|earnings per share|net result|profit attributable"

# qid -> (note it points at, nearby text in that note, absent-fact regex, scope)
# scope: ticker whose notes must not match the regex, or "ALL" for every note.
NEAR_MISS = {
    "q046": ("brastelby-fy47-results.txt", "the airport crash tender and service businesses together brought in SEK 2,532m",
             r"SEK\s?1,120m|\b1,120\b|crash tenders?[^.\n]{0,30}(revenue|sales)[^.\n]{0,20}SEK", "BFAX"),
    "q047": ("sorvinde-chile-plant.txt", "will expand the Cebu carrageenan plant once Philippine seaweed farmers agree to multi-year supply contracts",
             r"Cebu[^.\n]*" + WHEN, "SVWX"),
    "q048": ("jenoptik-fy47-results.txt", "while the remaining units together brought in €304m",
             r"Smart Mobility|€196m|\b196\b", "JEN.DE"),
    "q049": ("mercari-fy47-results.txt", "while Fintech, the US business and other new businesses together contributed ¥108.0bn",
             r"¥\s?58(\.0)?\s?bn|Fintech (segment )?(revenue|sales)[^.\n]{0,30}¥|Fintech[^.\n]{0,20}(generated|contributed|reported|posted|reached) ¥", "4385.T"),
    "q050": ("elkem-fy47-q4.txt", "while Silicon Products and Carbon Solutions together contributed NOK 16,600m",
             r"Carbon Solutions (revenue|sales)|Carbon Solutions (generated|contributed|reported|posted|reached|delivered) NOK|NOK\s?4,700m|\b4,700\b", "ELK.OL"),
    "q051": ("revenio-fy47-results.txt", "with the rest of the world contributing €76.2m",
             r"\bEMEA\b|Europe[^.\n]{0,40}€\s?\d|€\s?49\.0m", "REG1V.HE"),
    "q052": ("jenoptik-q1-2048.txt", "Automotive-exposed suppliers such as Stabilus have also flagged softer European demand",
             r"Stabilus[^.\n]*\d", "ALL"),
    "q053": ("bossard-q1-2048.txt", "Swedish peer Bufab reported a softer start to the year",
             r"Bufab[^.\n]*\d", "ALL"),
    "q054": ("mercari-hallo-ai.txt", "Another Tokyo-listed platform, Sansan, has shown that Japanese businesses will pay for software",
             r"Sansan[^.\n]*\d", "ALL"),
    "q055": ("bata-india-fy48-results.txt", "Listed rival Metro Brands has been taking share in premium footwear",
             r"Metro Brands[^.\n]*\d", "ALL"),
    "q056": ("revenio-illume-launch.txt", "priced at €1,900 per clinic per year",
             r"\b\d[\d,.]*\s*(clinics|subscriptions|subscribers|licen[cs]es|users|customers)\b", "REG1V.HE"),
    "q057": ("mercari-hallo-ai.txt", "Mercari has not disclosed how many workers or employers use Hallo",
             r"\b\d[\d,.]*\s*(m|million|k|thousand)?\s*(registered\s+)?(users|workers|employers|downloads|sign-ups)\b", "4385.T"),
    "q058": ("bata-india-q3-fy48.txt", "a new Power running shoe range priced from ₹2,999 to ₹4,499",
             r"\bpairs\b|units sold|\b\d[\d,.]*\s*(lakh|million)\s+(pairs|units)", "BATAINDIA.NS"),
    "q059": ("vitasoy-barista-oat.txt", "priced at HK$32 per litre carton",
             r"\b\d[\d,.]*\s*(m|million)?\s*(cartons|litres|units|packs|bottles)\b", "0345.HK"),
    "q060": ("jenoptik-q1-2048.txt", "once the Dresden cleanroom reaches volume output",
             r"(Dresden|cleanroom)[^.\n]*" + WHEN, "JEN.DE"),
    "q061": ("elkem-fy47-q4.txt", "restart the idled Salten furnace once silicon prices recover",
             r"Salten[^.\n]*" + WHEN, "ELK.OL"),
    "q062": ("bossard-monterrey-hub.txt", "the second phase will start once automotive call-offs in Mexico recover",
             r"(second phase|phase (two|2))[^.\n]*" + WHEN + r"|Monterrey[^.\n]*second phase[^.\n]*\b20\d\d\b", "BOSN.SW"),
    "q063": ("bata-india-fy48-results.txt", "it will launch the format nationally once the pilot stores in Bengaluru break even",
             r"(sneaker-only|nationally)[^.\n]*" + WHEN, "BATAINDIA.NS"),
    "q064": ("elkem-fy47-q4.txt", "EBITDA of NOK 5,460m", OTHER_PROFIT, "ELK.OL"),
    "q065": ("revenio-fy47-results.txt", "operating profit (EBIT) rose to €33.3m", OTHER_PROFIT, "REG1V.HE"),
    "q066": ("mercari-fy47-results.txt", "core operating profit of ¥33.0bn", OTHER_PROFIT, "4385.T"),
    "q067": ("jenoptik-fy47-results.txt", "with EBITDA of €262m", r"free cash flow|\bFCF\b|cash conversion", "JEN.DE"),
}
NO_NOTES = {"q068": "KAJARIACER.NS", "q069": "FRPT"}
OFF_TOPIC = {"q070": [r"sourdough", r"\bstarter\b", r"\brecipe"]}
PERIOD = {"q071": [r"\b2044\b", r"\bfy ?44\b", r"\bFY2044\b"]}

# Themes across companies (kind general): gold = every note matching the regex.
THEMES = {
    "q033": r"\btariffs?\b",
    "q034": r"\bbuy-?backs?\b|\brepurchas",
    "q035": r"\b(weather|monsoon|storms?|heatwaves?|rainfall|drought)\b",
}
# Factual questions answered from long notes: where the keyword sits.
LONG_FACTUAL = {"q017": "table", "q018": "prose", "q019": "table", "q020": "prose"}
UNKNOWN_LONG_TABLE = "q040"


def company_notes(ticker, notes, short_only=False):
    out = [n for n, cos in NOTE_COMPANIES.items() if ticker in cos and n in notes]
    if short_only:
        out = [n for n in out if n.endswith(".txt")]
    return sorted(out)


def alias_re(alias):
    return re.compile(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", re.I)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def check_questions(qs, notes, parsed):
    ids = [q.get("id") for q in qs]
    if ids != [f"q{i:03d}" for i in range(1, len(qs) + 1)]:
        fail("question ids are not q001, q002, ... in order")
    allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
               "unknown_company", "near_miss"}
    kinds = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
    lower_notes = {n: t.lower() for n, t in notes.items()}
    for i, q in enumerate(qs):
        qid = q.get("id")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{qid}: missing field {k}")
        if set(q) - allowed:
            fail(f"{qid}: unexpected fields {set(q) - allowed}")
        if q.get("kind") not in kinds:
            fail(f"{qid}: bad kind {q.get('kind')}")
        gold, kw = q.get("gold_notes", []), q.get("answer_keywords", [])
        for g in gold:
            if g not in notes:
                fail(f"{qid}: gold note {g} does not exist")
        if len(set(gold)) != len(gold):
            fail(f"{qid}: duplicate gold notes")
        t = q.get("ticker")
        if t is not None and t not in COMPANIES:
            fail(f"{qid}: unknown ticker {t}")
        if q.get("kind") == "no_answer":
            if gold or kw:
                fail(f"{qid}: unanswerable question must have empty gold and keywords")
        else:
            if not gold or not 1 <= len(kw) <= 4:
                fail(f"{qid}: answerable question needs gold notes and 1-4 keywords")
            for k in kw:
                if not any(k.lower() in lower_notes.get(g, "") for g in gold):
                    fail(f"{qid}: keyword {k!r} not found in any gold note")
            if q["kind"] in ("factual", "follow_up", "comparison"):
                scope = company_notes(t, notes) if t else list(notes)
                for n in scope:
                    txt = lower_notes[n]
                    if n not in gold and all(k.lower() in txt for k in kw):
                        fail(f"{qid}: non-gold note {n} also contains every keyword (missing gold?)")
                for g in gold:
                    if not any(k.lower() in lower_notes.get(g, "") for k in kw):
                        fail(f"{qid}: gold note {g} contains none of the keywords")
        if q.get("follows") is not None:
            if q["kind"] != "follow_up":
                fail(f"{qid}: has follows but kind is not follow_up")
        if q.get("kind") == "follow_up":
            if i == 0 or q.get("follows") != qs[i - 1]["id"]:
                fail(f"{qid}: follow_up must follow the record just before")
            elif qs[i - 1]["kind"] == "follow_up":
                fail(f"{qid}: parent of a follow_up is itself a follow_up")
            elif q.get("ticker") != qs[i - 1].get("ticker"):
                fail(f"{qid}: follow_up ticker differs from parent")
            for tk, c in COMPANIES.items():
                for a in c["aliases"] + [tk]:
                    if alias_re(a).search(q["question"]):
                        fail(f"{qid}: follow_up names a company ({a})")
        else:
            if "follows" in q:
                fail(f"{qid}: only follow_up records carry follows")
        # a named company (not follow-up, not unrelated) must be in the text
        if t is not None and q.get("kind") != "follow_up" and not q.get("typo"):
            if not any(alias_re(a).search(q["question"]) for a in COMPANIES[t]["aliases"] + [t]):
                fail(f"{qid}: question does not name its company {t}")
        if q.get("typo"):
            if q.get("kind") != "factual":
                fail(f"{qid}: typo question must be kind factual")
            words = re.findall(r"[a-z]+", q["question"].lower())
            name = COMPANIES[t]["aliases"][0].lower()
            if name in words or not any(0 < lev(w, name) <= 2 for w in words):
                fail(f"{qid}: typo question should misspell {name}")
        if q.get("unknown_company"):
            if t not in COMPANIES or COMPANIES[t]["role"] != "invented":
                fail(f"{qid}: unknown_company question not about an invented company")
        elif t in COMPANIES and COMPANIES[t]["role"] == "invented":
            fail(f"{qid}: invented-company question missing unknown_company")
        if q.get("near_miss") and q["near_miss"] not in NEAR_KINDS:
            fail(f"{qid}: bad near_miss kind")
        if q.get("near_miss") and q.get("kind") != "no_answer":
            fail(f"{qid}: near_miss must be kind no_answer")

    base = [q for q in qs if not q.get("unknown_company")]
    unk = [q for q in qs if q.get("unknown_company")]

    def cnt(pred, pool):
        return len([q for q in pool if pred(q)])

    want = [
        ("factual", 16, lambda q: q["kind"] == "factual" and not q.get("typo")),
        ("follow_up", 4, lambda q: q["kind"] == "follow_up"),
        ("risk", 6, lambda q: q["kind"] == "risk"),
        ("comparison", 4, lambda q: q["kind"] == "comparison"),
        ("general", 3, lambda q: q["kind"] == "general"),
        ("sentiment", 3, lambda q: q["kind"] == "sentiment"),
        ("typo", 2, lambda q: q.get("typo")),
        ("no_answer", 24, lambda q: q["kind"] == "no_answer"),
    ]
    for label, n, pred in want:
        got = cnt(pred, base)
        if got != n:
            fail(f"{got} {label} questions (want {n})")
    if cnt(lambda q: q["kind"] != "no_answer", unk) != 7:
        fail("want 7 answerable invented-company questions")
    if {q["kind"] for q in unk if q["kind"] != "no_answer"} != {"factual", "risk", "sentiment"}:
        fail("invented-company questions should span factual, risk and sentiment")
    if cnt(lambda q: q["kind"] == "no_answer" and q.get("near_miss"), unk) != 2:
        fail("want 2 invented-company near misses")
    for k in NEAR_KINDS:
        got = cnt(lambda q: q.get("near_miss") == k, base)
        if got != 4:
            fail(f"{got} {k} near misses (want 4)")
    nm_ids = {q["id"] for q in qs if q.get("near_miss")}
    if nm_ids != set(NEAR_MISS):
        fail(f"near-miss specs {sorted(set(NEAR_MISS) ^ nm_ids)} do not match questions")
    byid = {q["id"]: q for q in qs}

    # near misses: nearby text present, absent fact matches nothing
    for qid, (note, near, rx, scope) in NEAR_MISS.items():
        if note not in notes:
            fail(f"{qid}: near-miss note {note} missing")
            continue
        if near not in notes[note].replace("\u2019", "'"):
            fail(f"{qid}: nearby text not found in {note}: {near!r}")
        q = byid.get(qid, {})
        if scope == "ALL":
            pool = list(notes)
            pc = q.get("ticker")
            if pc not in COMPANIES or COMPANIES[pc]["role"] != "passing":
                fail(f"{qid}: passing_company question must carry the passing company's ticker")
        else:
            pool = company_notes(scope, notes)
            if q.get("ticker") != scope:
                fail(f"{qid}: ticker {q.get('ticker')} != near-miss scope {scope}")
            if note not in pool:
                fail(f"{qid}: near-miss note {note} is not about {scope}")
        for n in pool:
            m = re.search(rx, notes[n], re.I)
            if m:
                fail(f"{qid}: absent-fact regex matches in {n}: {m.group(0)!r}")
    for qid, t in NO_NOTES.items():
        q = byid.get(qid, {})
        if q.get("kind") != "no_answer" or q.get("ticker") != t:
            fail(f"{qid}: no-notes question misconfigured")
        for n, txt in notes.items():
            for a in COMPANIES[t]["aliases"]:
                if alias_re(a).search(txt):
                    fail(f"{qid}: {a} appears in {n}")
    for spec in (OFF_TOPIC, PERIOD):
        for qid, terms in spec.items():
            q = byid.get(qid, {})
            if q.get("kind") != "no_answer":
                fail(f"{qid}: should be no_answer")
            for n, txt in notes.items():
                for term in terms:
                    if re.search(term, txt, re.I):
                        fail(f"{qid}: term {term} found in {n}")
    if byid.get("q070", {}).get("ticker") is not None:
        fail("q070: unrelated question must have ticker null")

    # themes
    for qid, rx in THEMES.items():
        q = byid.get(qid, {})
        if q.get("kind") != "general" or q.get("ticker") is not None:
            fail(f"{qid}: theme question must be kind general with ticker null")
        hits = sorted(n for n, txt in notes.items() if re.search(rx, txt, re.I))
        if sorted(q.get("gold_notes", [])) != hits:
            fail(f"{qid}: theme regex gives {hits}, gold is {sorted(q.get('gold_notes', []))}")
        if len({t for n in hits for t in NOTE_COMPANIES[n]}) < 2:
            fail(f"{qid}: theme covers fewer than two companies")
    # sentiment: gold = all the company's brief notes, keywords = their labels
    for q in qs:
        if q["kind"] == "sentiment":
            want_gold = company_notes(q["ticker"], notes, short_only=True)
            if sorted(q["gold_notes"]) != want_gold:
                fail(f"{q['id']}: sentiment gold {sorted(q['gold_notes'])} != {want_gold}")
            labels = {parsed[n]["label"] for n in want_gold if n in parsed}
            if set(q["answer_keywords"]) != labels:
                fail(f"{q['id']}: sentiment keywords {q['answer_keywords']} != labels {sorted(labels)}")
        if q["kind"] == "risk":
            want_gold = company_notes(q["ticker"], notes)
            if sorted(q["gold_notes"]) != want_gold:
                fail(f"{q['id']}: risk gold {sorted(q['gold_notes'])} != every note on {q['ticker']} {want_gold}")
        if q["kind"] in ("comparison", "general") and q["ticker"] is not None:
            fail(f"{q['id']}: {q['kind']} question must have ticker null")
    comps = [q for q in base if q["kind"] == "comparison"]
    via_cmp = [q for q in comps if len(q["gold_notes"]) == 1 and q["gold_notes"][0] in COMPARISON_NOTES]
    two_co = [q for q in comps if len({tuple(NOTE_COMPANIES[g]) for g in q["gold_notes"]}) == 2
              and not set(q["gold_notes"]) & set(COMPARISON_NOTES)]
    if len(via_cmp) != 2 or len(two_co) != 2:
        fail(f"comparison split: {len(via_cmp)} via comparison notes, {len(two_co)} across two companies (want 2 + 2)")
    # long-note factual questions
    for qid, where in LONG_FACTUAL.items():
        q = byid.get(qid, {})
        if q.get("kind") != "factual" or not all(g.endswith(".md") for g in q.get("gold_notes", [])):
            fail(f"{qid}: long-note factual question misconfigured")
            continue
        for g in q["gold_notes"]:
            body = notes[g].split("---", 2)[2]
            tab = "\n".join(l for l in body.split("\n") if l.startswith("|"))
            prose = "\n".join(l for l in body.split("\n") if not l.startswith("|"))
            src = tab if where == "table" else prose
            for k in q["answer_keywords"]:
                if k.lower() not in src.lower():
                    fail(f"{qid}: keyword {k!r} not in the {where} of {g}")
    q = byid.get(UNKNOWN_LONG_TABLE, {})
    if not q.get("unknown_company") or not all(g.endswith(".md") for g in q.get("gold_notes", ["x"])):
        fail(f"{UNKNOWN_LONG_TABLE}: should be an invented-company question answered from a long-note table")
    else:
        for g in q["gold_notes"]:
            tab = "\n".join(l for l in notes[g].split("\n") if l.startswith("|"))
            if not all(k in tab for k in q["answer_keywords"]):
                fail(f"{UNKNOWN_LONG_TABLE}: keyword not in a table of {g}")
    # analyst style: mostly lowercase, terse
    upper = [q["id"] for q in qs if re.search(r"[A-Z]", q["question"])]
    if len(upper) > len(qs) // 6:
        fail(f"too many questions with capitals: {upper}")
    long_q = [q["id"] for q in qs if len(q["question"].split()) > 14]
    if long_q:
        fail(f"questions not terse: {long_q}")


# ---------------------------------------------------------------------------
# Companies in the notes: coverage and passing mentions
# ---------------------------------------------------------------------------
def check_coverage(notes):
    for n in notes:
        if n not in NOTE_COMPANIES:
            fail(f"{n}: not listed in NOTE_COMPANIES")
    for n in NOTE_COMPANIES:
        if n not in notes:
            fail(f"NOTE_COMPANIES lists missing note {n}")
    for n, txt in notes.items():
        named = set()
        for t in WITH_NOTES:
            if alias_re(COMPANIES[t]["aliases"][0]).search(txt):
                named.add(t)
        if sorted(named) != sorted(NOTE_COMPANIES.get(n, [])):
            fail(f"{n}: names companies {sorted(named)}, expected {NOTE_COMPANIES.get(n)}")
    for t in ("SVWX", "BFAX"):
        tied = f"{COMPANIES[t]['name']} ({t})"
        if not any(tied in txt for n, txt in notes.items() if t in NOTE_COMPANIES.get(n, [])):
            fail(f"{t}: no note ties the name to the ticker as {tied!r}")
    for t, c in COMPANIES.items():
        if c["role"] != "passing":
            continue
        rx = alias_re(c["name"])
        hits = []
        for n, txt in notes.items():
            for s in sentences(txt.replace("\n", " \n ")):
                if rx.search(s):
                    hits.append((n, s))
        if len(hits) != 1:
            fail(f"{c['name']}: appears in {len(hits)} sentences (want exactly one)")
        elif re.search(r"\d", hits[0][1]):
            fail(f"{c['name']}: its sentence carries figures: {hits[0][1]!r}")
        elif not hits[0][0].endswith(".txt"):
            fail(f"{c['name']}: passing mention should sit in a brief note")
    # period: years named in notes stay in 2046 (prior-year comparatives) .. 2050 (targets)
    for n, txt in notes.items():
        for y in re.findall(r"\b(20\d\d)\b", txt):
            if not 2046 <= int(y) <= 2050:
                fail(f"{n}: year {y} outside the set's period")


# ---------------------------------------------------------------------------
# Exclusions
# ---------------------------------------------------------------------------
ASSIGNED = ["Jenoptik", "Elkem", "Revenio", "Bossard", "Mercari", "Bata India", "Vitasoy", "Stabilus", "Bufab",
            "Sansan", "Metro Brands", "Kajaria Ceramics", "Freshpet"]
EXTRA_EXCLUDED = """Medacta, Fiskars, Hugo Boss, Zozo, Breville, Nestle India, CTS Eventim, Galenica, Ströer, Welcia,
Jubilant FoodWorks, Kuaishou, Relaxo, Vaisala, Harvia, De'Longhi, Fielmann, Lynas, Tata Consumer, Eicher Motors,
Netwealth, Hub24, a2 Milk, Astral, Nykaa, TVS Motor, Sprouts Farmers Market, Abercrombie & Fitch, Workiva, Paylocity,
Five9, Doximity, Yum China, Pop Mart, Scout24, TJX, Kahoot, Miniso, Hemnet, NICE, Colgate-Palmolive India, Bajaj Auto,
Wix, Zomato, Victoria's Secret, Bath & Body Works, Hims & Hers, Braze, Confluent, Cellebrite, Xtep, Haidilao,
Avenue Supermarts, Urban Outfitters, Rubrik, Monday.com, Bilibili, Mixue, Just Eat Takeaway, Adevinta, Info Edge,
Britannia, Jenoptik, Elkem, Revenio, Bossard, Mercari, Bata India, Vitasoy, Stabilus, Bufab, Sansan, Metro Brands,
Kajaria Ceramics, Freshpet, Mycronic, Inficon, Elmos Semiconductor, Tokmanni, Goldwin, Devyani International,
China Feihe, Lagercrantz, Puuilo, Workman, Sapphire Foods, Kalyan Jewellers, Nongfu Spring, Sprinklr, Alkami, Jamf,
Sprout Social, Kura Sushi, Vita Coco, Bosideng, Topsports, Schibsted, Yext, Portillo's, First Watch, Oatly, Man Wah,
Amplitude, Viaplay, Nazara, Deliveroo, Appian, PagerDuty, Clearwater Analytics, Grocery Outlet, Krispy Kreme,
Progyny, Yadea, Chow Tai Fook, Netcompany, BigCommerce, Utz Brands, GoodRx, Luk Fook, Geely, SimCorp, Hinge Health,
Happiest Minds, Birkenstock, Cranmoor, Orvelant, Ombrisal, Dravenholt, Zelquist, Hollenvika, Tumbrevik, Quintharo"""
AVOID_SECTORS = ["geothermal drilling", "seed genetics", "tunnel boring", "toll bridges", "textile recycling"]

# Vocabulary the brief itself requires (sentiment block, labels, kind names). These entries of the
# shared exclusion list are allowed only where the format demands them: the sentiment footer of a
# brief note, answer_keywords / kind fields of qa.jsonl, and the README's description of categories.
FORMAT_VOCAB = {"sentiment", "neutral", "mildly positive", "mildly negative", "strongly positive",
                "strongly negative", "factual", "risk", "comparison", "general", "typo"}


def load_exclusions():
    names, ticks = [], []
    try:
        names = [l.strip() for l in read(os.path.join(EXCLUDED_DIR, "excluded_names.txt")).split("\n") if l.strip()]
        ticks = [l.strip() for l in read(os.path.join(EXCLUDED_DIR, "excluded_tickers.txt")).split("\n") if l.strip()]
    except OSError as e:
        fail(f"cannot read exclusion lists in {EXCLUDED_DIR}: {e}")
    assigned = {a.lower() for a in ASSIGNED}
    extra = [x.strip() for x in EXTRA_EXCLUDED.replace("\n", " ").split(",") if x.strip()]
    extra = [x for x in extra if x.lower() not in assigned]
    return names + extra, ticks


def name_pattern(n):
    return re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.I)


def ticker_pattern(t):
    # Word boundary, case-insensitive. Pure-letter tickers of up to three characters (IT, ALL, NOW,
    # HAS, ...) are matched in capitals only, since lowercase they are ordinary English words. A
    # ticker glued to an exchange suffix or prefix (4385.T, JEN.DE) is not a match for T or DE.
    flags = 0 if (len(t) <= 3 and t.isalpha()) else re.I
    return re.compile(r"(?<![\w.$&-])" + re.escape(t) + r"(?![\w&-]|\.\w)", flags)


def check_exclusions(notes, qs, readme):
    names, ticks = load_exclusions()
    npat = [(n, name_pattern(n)) for n in names]
    tpat = [(t, ticker_pattern(t)) for t in ticks]
    strict = [(n, p) for n, p in npat if n.lower() not in FORMAT_VOCAB] + tpat

    def scan(label, text, pats):
        for n, p in pats:
            m = p.search(text)
            if m:
                s = max(0, m.start() - 30)
                fail(f"exclusion {n!r} in {label}: ...{text[s:m.end() + 20]!r}...")

    for n, txt in notes.items():
        if n.endswith(".txt"):
            lines = txt.split("\n")
            k = next((i for i, l in enumerate(lines) if l.endswith("Overall Sentiment")), len(lines))
            prose, footer = "\n".join(lines[:k]), "\n".join(lines[k:])
            scan(n, prose, npat + tpat)
            footer = re.sub(r"Overall Sentiment|Sentiment Score|Ticker Sentiment", "", footer)
            for lab in LABELS:
                footer = footer.replace(lab, "")
            scan(n + " footer", footer, npat + tpat)
        else:
            scan(n, txt, npat + tpat)
        scan("file name " + n, n.replace("-", " ").rsplit(".", 1)[0], npat + tpat)
    for q in qs:
        scan(q["id"] + " question", q["question"], npat + tpat)
        for k in q.get("answer_keywords", []):
            scan(q["id"] + " keyword", k, strict)
    if readme is not None:
        scan("README.md", readme, strict)
    # our own names and tickers against the lists
    for t, c in COMPANIES.items():
        for s in [c["name"]] + c["aliases"]:
            scan(f"company name {s}", s, npat)
        scan(f"ticker {t}", t, tpat)
        if t.upper() in {x.upper() for x in ticks}:
            fail(f"ticker {t} is on the excluded list")
    excl_words = set()
    for n in names:
        excl_words.update(w.lower() for w in re.findall(r"[\w']+", n))
    for t, c in COMPANIES.items():
        if c["role"] != "invented":
            continue
        shared = [w for w in re.findall(r"[\w']+", c["name"]) if w.lower() in excl_words]
        if shared:
            fail(f"invented name {c['name']} shares words {shared} with excluded names")
        for s in AVOID_SECTORS:
            if s in c.get("sector", ""):
                fail(f"invented company {c['name']} is in an excluded sector")
        if c["name"].split()[0].lower() in {"cranmoor", "orvelant", "ombrisal", "dravenholt", "zelquist",
                                           "hollenvika", "tumbrevik", "quintharo"}:
            fail(f"invented name {c['name']} uses a banned coined word")


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------
def check_readme(readme, qs):
    if readme is None:
        fail("README.md missing")
        return
    for t, c in COMPANIES.items():
        if t not in readme or c["name"] not in readme:
            fail(f"README companies table lacks {c['name']} ({t})")
    for qid, (note, near, rx, scope) in NEAR_MISS.items():
        row = [l for l in readme.split("\n") if l.startswith("|") and f"| {qid} |" in l]
        if len(row) != 1:
            fail(f"README: near-miss {qid} needs exactly one row")
        elif note not in row[0] or near not in row[0]:
            fail(f"README: near-miss row {qid} lacks its note or nearby text")
    for kind in ("factual", "follow_up", "risk", "comparison", "general", "sentiment", "typo",
                 "unknown_company", "no_answer"):
        if kind not in readme:
            fail(f"README does not describe category {kind}")


def main():
    for label, ok in FACT_CHECKS:
        if not ok:
            fail(f"fact sheet arithmetic: {label}")
    if not os.path.isdir(NOTES_DIR):
        fail("notes/ missing")
        return
    notes = {}
    for n in sorted(os.listdir(NOTES_DIR)):
        if n.endswith((".txt", ".md")):
            notes[n] = read(os.path.join(NOTES_DIR, n))
        else:
            fail(f"unexpected file in notes/: {n}")
    for n, subs in FACT_TEXT:
        for s in subs:
            if s not in notes.get(n, ""):
                fail(f"fact {s!r} not stated in {n}")
    short = {n: t for n, t in notes.items() if n.endswith(".txt")}
    long = {n: t for n, t in notes.items() if n.endswith(".md")}
    parsed = check_short_notes(short)
    check_long_notes(long)
    check_coverage(notes)
    qs = []
    try:
        with open(QA_PATH, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if line.strip():
                    try:
                        qs.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        fail(f"qa.jsonl line {ln}: {e}")
    except OSError:
        fail("qa.jsonl missing")
    if not 65 <= len(qs) <= 75:
        fail(f"{len(qs)} questions (want about 70)")
    check_questions(qs, notes, parsed)
    readme = read(README_PATH) if os.path.exists(README_PATH) else None
    check_exclusions(notes, qs, readme)
    check_readme(readme, qs)


if __name__ == "__main__":
    main()
    if FAILS:
        for f in FAILS:
            print("FAIL:", f)
        print(f"{len(FAILS)} failure(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)
