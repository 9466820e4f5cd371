#!/usr/bin/env python3
"""Self-check for the au-short blind evaluation set (Python 3 stdlib only).

Prints OK and exits 0 when every check passes; otherwise lists the failures and exits 1.
Exclusion lists are read from /work/blind-prompts, or from $EXCLUDED_DIR when set.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README_PATH = os.path.join(HERE, "README.md")
EXCL_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

FAILS = []


def fail(msg):
    FAILS.append(msg)


# --------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------
COVERED = {  # canonical ticker -> (name, aliases used to recognise the company in text)
    "VAIAS.HE": ("Vaisala", ["Vaisala"]),
    "HARVIA.HE": ("Harvia", ["Harvia"]),
    "DLG.MI": ("De'Longhi", ["De'Longhi", "De’Longhi"]),
    "FIE.DE": ("Fielmann", ["Fielmann"]),
    "LYC.AX": ("Lynas Rare Earths", ["Lynas"]),
    "TATACONSUM.NS": ("Tata Consumer Products", ["Tata Consumer"]),
    "EICHERMOT.NS": ("Eicher Motors", ["Eicher", "Royal Enfield"]),
}
INVENTED = {
    "OMSG": ("Ombrisal Seed Genetics", ["Ombrisal"]),
    "DVTB": ("Dravenholt Toll Bridges", ["Dravenholt"]),
}
PASSING = {"Netwealth": "NWL.AX", "Hub24": "HUB.AX", "a2 Milk": "A2M.AX", "Astral": "ASTRAL.NS"}
NO_NOTES = {"Nykaa": "FSN.NS", "TVS Motor": "TVSMOTOR.NS"}
ALL_TICKERS = dict(COVERED, **INVENTED)

# Which companies each note is about (short notes: single company or comparison pair).
NOTE_COMPANIES = {
    "vaisala-q1-2046-orders.txt": ["VAIAS.HE"],
    "vaisala-h1-2046-tariffs.txt": ["VAIAS.HE"],
    "vaisala-annual-report-2045.md": ["VAIAS.HE"],
    "harvia-fy2045-results.txt": ["HARVIA.HE"],
    "harvia-q1-2046-kivi-pro.txt": ["HARVIA.HE"],
    "delonghi-fy2045-results.txt": ["DLG.MI"],
    "delonghi-q1-2046-lucenza.txt": ["DLG.MI"],
    "fielmann-fy2045-results.txt": ["FIE.DE"],
    "fielmann-h1-2046-wages.txt": ["FIE.DE"],
    "fielmann-q1-2046-vision-plus.txt": ["FIE.DE"],
    "lynas-fy2045-results.txt": ["LYC.AX"],
    "lynas-h1-fy2046-seadrift.txt": ["LYC.AX"],
    "lynas-q3-fy2046-quarterly.txt": ["LYC.AX"],
    "tata-consumer-q3-fy2046.txt": ["TATACONSUM.NS"],
    "tata-consumer-fy2046-results.txt": ["TATACONSUM.NS"],
    "eicher-q3-fy2046-results.txt": ["EICHERMOT.NS"],
    "eicher-q2-fy2046-results.txt": ["EICHERMOT.NS"],
    "eicher-motors-fy2046-results.md": ["EICHERMOT.NS"],
    "harvia-vs-delonghi-premium-home.txt": ["HARVIA.HE", "DLG.MI"],
    "tata-consumer-vs-eicher-rural.txt": ["TATACONSUM.NS", "EICHERMOT.NS"],
    "ombrisal-q4-fy2046-results.txt": ["OMSG"],
    "ombrisal-ht4-patent-challenge.txt": ["OMSG"],
    "ombrisal-annual-report-fy2046.md": ["OMSG"],
    "ombrisal-q4-fy2046-release.md": ["OMSG"],
    "dravenholt-fy2045-results.txt": ["DVTB"],
    "dravenholt-h1-2046-refinancing.txt": ["DVTB"],
}
COMPARISON_NOTES = {"harvia-vs-delonghi-premium-home.txt", "tata-consumer-vs-eicher-rural.txt"}

# --------------------------------------------------------------------------------------
# Short-note format
# --------------------------------------------------------------------------------------
LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
REQUESTS = ["Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"]
TICKER_LINE = re.compile(r"^(?P<dollar>\$?)(?P<ticker>[A-Z0-9][A-Z0-9.]*)(?P<colon>:?) (?P<score>-?\d\.\d{2})$")
DATE_LINE = re.compile(r"^Date: (2045|2046)-\d\d-\d\d$")
EXPECTED = dict(short=22, long=4, blank_first=5, date_first=11, ticker_line_notes=13,
                no_final_newline=5, curly=5, taglines=4)


def label_for(score):
    if -0.10 <= score <= 0.10:
        return "neutral"
    if 0.10 < score <= 0.35:
        return "mildly positive"
    if -0.35 <= score < -0.10:
        return "mildly negative"
    return "strongly positive" if score > 0 else "strongly negative"


def sentences(text):
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=\S)", line) if s)
    return out


def words(text):
    return len(text.split())


def parse_short(name, text):
    """Return dict with the parsed parts of a short note, or None after reporting failures."""
    info = {"final_newline": text.endswith("\n"), "curly": "’" in text, "straight": "'" in text}
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    first = "none"
    if lines and lines[0] == "":
        first = "blank"
        lines = lines[1:]
    elif lines and lines[0].startswith("Date:"):
        if not DATE_LINE.match(lines[0]):
            fail(f"{name}: bad date line {lines[0]!r}")
        first = "date"
        lines = lines[1:]
    info["first"] = first
    if len(lines) < 8:
        fail(f"{name}: too few lines ({len(lines)})")
        return None
    news, analytic, tagline, req, label, ss, score, ts = lines[:8]
    ticker_lines = lines[8:]
    info.update(news=news, analytic=analytic, tagline=tagline, req=req, label=label,
                ticker_lines=ticker_lines)
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail(f"{name}: news paragraph has {n_sent} sentences (want 2-4)")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    w = words(analytic)
    if not 180 <= w <= 240:
        fail(f"{name}: analytic paragraph has {w} words (want 180-240)")
    if req not in REQUESTS:
        fail(f"{name}: footer request line {req!r}")
    if label not in LABELS:
        fail(f"{name}: label {label!r}")
    if ss != "Sentiment Score":
        fail(f"{name}: expected 'Sentiment Score', got {ss!r}")
    if ts != "Ticker Sentiment":
        fail(f"{name}: expected 'Ticker Sentiment', got {ts!r}")
    try:
        sc = float(score)
    except ValueError:
        fail(f"{name}: score {score!r} is not a number")
        return None
    info["score"] = sc
    if not -1 <= sc <= 1:
        fail(f"{name}: score {sc} outside [-1, 1]")
    if label in LABELS and label_for(sc) != label:
        fail(f"{name}: label {label!r} does not match score {sc} (band says {label_for(sc)!r})")
    layouts = set()
    tickers = []
    for tl in ticker_lines:
        m = TICKER_LINE.match(tl)
        if not m:
            fail(f"{name}: bad ticker line {tl!r}")
            continue
        if m["dollar"] and m["colon"]:
            fail(f"{name}: ticker line mixes $ and colon: {tl!r}")
        layouts.add("dollar" if m["dollar"] else "colon" if m["colon"] else "plain")
        tickers.append(m["ticker"])
        if not -1 <= float(m["score"]) <= 1:
            fail(f"{name}: ticker score out of range in {tl!r}")
    info["layouts"] = layouts
    info["tickers"] = tickers
    if ticker_lines and sorted(tickers) != sorted(NOTE_COMPANIES.get(name, [])):
        fail(f"{name}: ticker lines {tickers} do not match the note's companies {NOTE_COMPANIES.get(name)}")
    return info


def parse_long(name, text):
    if not text.startswith("---\n"):
        fail(f"{name}: long note lacks front matter")
        return None
    try:
        _, fm, body = text.split("---\n", 2)
    except ValueError:
        fail(f"{name}: unterminated front matter")
        return None
    meta = {}
    for line in fm.strip().split("\n"):
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip().strip('"')
    for key in ("company", "ticker", "title", "date"):
        if not meta.get(key):
            fail(f"{name}: front matter lacks {key}")
    if meta.get("date") and not re.match(r"^(2045|2046)-\d\d-\d\d$", meta["date"]):
        fail(f"{name}: front matter date {meta.get('date')!r}")
    if [meta.get("ticker")] != NOTE_COMPANIES.get(name):
        fail(f"{name}: front matter ticker {meta.get('ticker')} != {NOTE_COMPANIES.get(name)}")
    lines = body.split("\n")
    prose = [l for l in lines if l.strip() and not l.startswith("|") and not l.startswith("#")]
    table = [l for l in lines if l.startswith("|")]
    pw = sum(words(l) for l in prose)
    if not 900 <= pw <= 1100:
        fail(f"{name}: {pw} words of prose (want 900-1,100)")
    headers = [l for i, l in enumerate(lines) if l.startswith("|") and i + 1 < len(lines)
               and re.match(r"^\|[-| ]+\|$", lines[i + 1])]
    if not headers:
        fail(f"{name}: no Markdown table")
    if not any(re.search(r"\b(FY ?20\d\d|Q[1-4] (FY)?20\d\d|Q[1-4] FY20\d\d)", h) for h in headers):
        fail(f"{name}: no table with fiscal-year or quarter columns")
    if "Sentiment Score" in body or "Overall Sentiment" in body:
        fail(f"{name}: long note must not carry a sentiment block")
    prose_text = "\n".join(prose)
    if not re.search(r"\b[Ww]e\b", prose_text) or "the Company" not in prose_text:
        fail(f"{name}: prose is not in the 'we' / 'the Company' voice")
    return {"meta": meta, "prose": prose_text, "table": "\n".join(table), "body": body}


# --------------------------------------------------------------------------------------
# Fact sheets (figures first; every figure below must match the notes)
# --------------------------------------------------------------------------------------
def pct(cur, prev):
    return round((cur / prev - 1) * 100, 1)


def share(num, den):
    return round(num / den * 100, 1)


ARITH = []  # (label, computed, stated)


def growth(label, cur, prev, stated):
    ARITH.append((label + " growth", pct(cur, prev), stated))


def margin(label, num, den, stated):
    ARITH.append((label + " margin", share(num, den), stated))


def total(label, parts, stated):
    ARITH.append((label + " sum", round(sum(parts), 1), stated))


def lever(label, debt, ebitda, stated):
    ARITH.append((label + " leverage", round(debt / ebitda, 1), stated))


# Vaisala (EUR m, calendar year)
growth("Vaisala FY2045 net sales", 801.4, 742.0, 8.0)
total("Vaisala 2045 quarterly net sales", [182.6, 201.9, 196.4, 220.5], 801.4)
total("Vaisala 2045 quarterly orders", [201.3, 207.5, 198.8, 228.4], 836.0)
total("Vaisala 2045 quarterly EBIT", [23.0, 28.1, 27.2, 33.9], 112.2)
for q_, e_, s_, m_ in [("Q1", 23.0, 182.6, 12.6), ("Q2", 28.1, 201.9, 13.9), ("Q3", 27.2, 196.4, 13.8),
                       ("Q4", 33.9, 220.5, 15.4), ("FY", 112.2, 801.4, 14.0)]:
    margin(f"Vaisala {q_} 2045 EBIT", e_, s_, m_)
total("Vaisala FY2045 segments", [452.3, 349.1], 801.4)
total("Vaisala FY2045 segment EBIT", [51.4, 66.8, -6.0], 112.2)
margin("Vaisala W&E EBIT", 51.4, 452.3, 11.4)
margin("Vaisala IM EBIT", 66.8, 349.1, 19.1)
margin("Vaisala R&D share", 98.0, 801.4, 12.2)
growth("Vaisala Q1 2046 net sales", 189.4, 182.6, 3.7)
total("Vaisala Q1 2046 segments", [101.2, 88.2], 189.4)
margin("Vaisala Q1 2046 EBIT", 24.1, 189.4, 12.7)
growth("Vaisala Q2 2046 net sales", 207.3, 201.9, 2.7)
margin("Vaisala Q2 2046 EBIT", 29.6, 207.3, 14.3)
total("Vaisala H1 2046 net sales", [189.4, 207.3], 396.7)
growth("Vaisala H1 2046 net sales", 396.7, 182.6 + 201.9, 3.2)
# Harvia (EUR m)
growth("Harvia FY2045 net sales", 228.6, 214.8, 6.4)
margin("Harvia FY2045 adj EBITA", 53.1, 228.6, 23.2)
growth("Harvia Q1 2046 net sales", 61.8, 58.3, 6.0)
margin("Harvia Q1 2046 adj EBITA", 14.6, 61.8, 23.6)
lever("Harvia FY2045", 64.0, 58.2, 1.1)
# De'Longhi (EUR m)
growth("De'Longhi FY2045 revenue", 3912, 3722, 5.1)
margin("De'Longhi FY2045 adj EBITDA", 642, 3912, 16.4)
total("De'Longhi FY2045 divisions", [3368, 544], 3912)
growth("De'Longhi Q1 2046 revenue", 861, 812, 6.0)
margin("De'Longhi Q1 2046 adj EBITDA", 121, 861, 14.1)
# Fielmann (EUR m)
growth("Fielmann FY2045 revenue", 2684, 2501, 7.3)
margin("Fielmann FY2045 adj EBITDA", 583, 2684, 21.7)
growth("Fielmann H1 2046 revenue", 1402, 1318, 6.4)
margin("Fielmann H1 2046 adj EBITDA", 301, 1402, 21.5)
growth("Fielmann Q1 2046 revenue", 668, 631, 5.9)
total("Fielmann H1 2046 quarters (Q1 668 + Q2 734)", [668, 734], 1402)
total("Fielmann H1 2045 quarters (Q1 631 + Q2 687)", [631, 687], 1318)
# Lynas (A$ m, June year-end)
growth("Lynas FY2045 revenue", 812.4, 687.3, 18.2)
margin("Lynas FY2045 EBITDA", 241.6, 812.4, 29.7)
growth("Lynas H1 FY2046 revenue", 468.9, 371.5, 26.2)
margin("Lynas H1 FY2046 EBITDA", 151.2, 468.9, 32.2)
# Tata Consumer (INR crore, March year-end)
growth("Tata Consumer Q3 FY2046 revenue", 5842, 5214, 12.0)
margin("Tata Consumer Q3 FY2046 EBITDA", 842, 5842, 14.4)
growth("Tata Consumer FY2046 revenue", 22960, 20610, 11.4)
margin("Tata Consumer FY2046 EBITDA", 3329, 22960, 14.5)
total("Tata Consumer FY2046 quarters", [5480, 5690, 5842, 5948], 22960)
# Eicher (INR crore / units, March year-end)
growth("Eicher FY2046 revenue", 22480, 19940, 12.7)
margin("Eicher FY2046 EBITDA", 5620, 22480, 25.0)
margin("Eicher FY2045 EBITDA", 4910, 19940, 24.6)
growth("Eicher Q4 FY2046 revenue", 5780, 5120, 12.9)
margin("Eicher Q4 FY2046 EBITDA", 1447, 5780, 25.0)
margin("Eicher Q4 FY2045 EBITDA", 1247, 5120, 24.4)
total("Eicher FY2046 quarterly revenue", [5250, 5540, 5910, 5780], 22480)
total("Eicher FY2046 quarterly EBITDA", [1310, 1374, 1489, 1447], 5620)
margin("Eicher Q2 FY2046 EBITDA", 1374, 5540, 24.8)
margin("Eicher Q3 FY2046 EBITDA", 1489, 5910, 25.2)
total("Royal Enfield FY2045 volumes", [948100, 116200], 1064300)
total("Royal Enfield FY2046 volumes", [1043900, 138500], 1182400)
total("Royal Enfield FY2046 quarterly volumes", [276300, 298100, 311500, 296500], 1182400)
growth("Royal Enfield domestic", 1043900, 948100, 10.1)
growth("Royal Enfield exports", 138500, 116200, 19.2)
growth("Royal Enfield volumes", 1182400, 1064300, 11.1)
growth("VECV volumes", 98700, 92400, 6.8)
# Ombrisal (US$ m, March year-end)
growth("Ombrisal FY2046 net sales", 1486.0, 1372.0, 8.3)
total("Ombrisal FY2046 crops", [812.0, 431.0, 243.0], 1486.0)
total("Ombrisal FY2045 crops", [758.0, 402.0, 212.0], 1372.0)
growth("Ombrisal corn", 812.0, 758.0, 7.1)
growth("Ombrisal soybean", 431.0, 402.0, 7.2)
growth("Ombrisal vegetable", 243.0, 212.0, 14.6)
margin("Ombrisal FY2045 gross", 706.6, 1372.0, 51.5)
margin("Ombrisal FY2046 gross", 778.7, 1486.0, 52.4)
margin("Ombrisal FY2045 adj EBITDA", 301.8, 1372.0, 22.0)
margin("Ombrisal FY2046 adj EBITDA", 341.8, 1486.0, 23.0)
growth("Ombrisal adj EBITDA", 341.8, 301.8, 13.3)
margin("Ombrisal FY2045 R&D", 167.4, 1372.0, 12.2)
margin("Ombrisal FY2046 R&D", 178.3, 1486.0, 12.0)
lever("Ombrisal FY2045", 548.3, 301.8, 1.8)
lever("Ombrisal FY2046", 512.7, 341.8, 1.5)
total("Ombrisal FY2046 quarterly net sales", [196.0, 139.0, 391.0, 760.0], 1486.0)
total("Ombrisal FY2046 quarterly adj EBITDA", [21.4, -8.6, 84.1, 244.9], 341.8)
margin("Ombrisal Q1 FY2046 adj EBITDA", 21.4, 196.0, 10.9)
margin("Ombrisal Q3 FY2046 adj EBITDA", 84.1, 391.0, 21.5)
margin("Ombrisal Q4 FY2046 adj EBITDA", 244.9, 760.0, 32.2)
margin("Ombrisal Q4 FY2045 adj EBITDA", 219.6, 696.6, 31.5)
growth("Ombrisal Q4 net sales", 760.0, 696.6, 9.1)
growth("Ombrisal Q4 adj EBITDA", 244.9, 219.6, 11.5)
total("Ombrisal Q4 FY2046 crops", [452.0, 236.0, 72.0], 760.0)
total("Ombrisal Q4 FY2045 crops", [418.5, 221.4, 56.7], 696.6)
growth("Ombrisal Q4 corn", 452.0, 418.5, 8.0)
growth("Ombrisal Q4 soybean", 236.0, 221.4, 6.6)
growth("Ombrisal Q4 vegetable", 72.0, 56.7, 27.0)
# Dravenholt (EUR m)
growth("Dravenholt FY2045 toll revenue", 418.6, 391.6, 6.9)
growth("Dravenholt FY2045 traffic", 61.2, 59.2, 3.4)
margin("Dravenholt FY2045 EBITDA", 301.4, 418.6, 72.0)
lever("Dravenholt FY2045", 1537, 301.4, 5.1)
growth("Dravenholt H1 2046 toll revenue", 214.3, 199.8, 7.3)

# The fact-sheet figures as written in the notes.
PRESENT = {
    "vaisala-q1-2046-orders.txt": ["€189.4 million", "3.7%", "€182.6 million", "€214.7 million", "€101.2 million",
                                   "€88.2 million", "€24.1 million", "12.7%"],
    "vaisala-h1-2046-tariffs.txt": ["2.7%", "€207.3 million", "€396.7 million", "3.2%", "€29.6 million", "14.3%"],
    "vaisala-annual-report-2045.md": ["€836.0 million", "8.0%", "€801.4 million", "€412.7 million",
                                      "| Net sales | 182.6 | 201.9 | 196.4 | 220.5 | 801.4 |",
                                      "| Orders received | 201.3 | 207.5 | 198.8 | 228.4 | 836.0 |",
                                      "| Operating result (EBIT) | 23.0 | 28.1 | 27.2 | 33.9 | 112.2 |",
                                      "| 12.6% | 13.9% | 13.8% | 15.4% | 14.0% |",
                                      "| Weather and Environment | 452.3 | 51.4 | 11.4% |",
                                      "| Industrial Measurements | 349.1 | 66.8 | 19.1% |",
                                      "| Group | 801.4 | 112.2 | 14.0% |", "€98.0 million", "12.2%"],
    "harvia-fy2045-results.txt": ["€228.6 million", "6.4%", "€53.1 million", "23.2%"],
    "harvia-q1-2046-kivi-pro.txt": ["6.0%", "€61.8 million", "€27.4 million", "€14.6 million", "23.6%"],
    "harvia-vs-delonghi-premium-home.txt": ["€64 million", "1.1 times", "€58.2 million"],
    "delonghi-fy2045-results.txt": ["€3,912 million", "5.1%", "€642 million", "16.4%", "€3,368 million",
                                    "€544 million"],
    "delonghi-q1-2046-lucenza.txt": ["6.0%", "€861 million", "€121 million", "14.1%"],
    "fielmann-fy2045-results.txt": ["7.3%", "€2,684 million", "€583 million", "21.7%"],
    "fielmann-h1-2046-wages.txt": ["6.4%", "€1,402 million", "€934 million", "€301 million", "21.5%"],
    "fielmann-q1-2046-vision-plus.txt": ["5.9%", "€668 million"],
    "lynas-fy2045-results.txt": ["A$812.4 million", "18.2%", "A$241.6 million", "29.7%"],
    "lynas-h1-fy2046-seadrift.txt": ["26.2%", "A$468.9 million", "A$151.2 million", "32.2%"],
    "tata-consumer-q3-fy2046.txt": ["12.0%", "₹5,842 crore", "₹842 crore", "14.4%"],
    "tata-consumer-fy2046-results.txt": ["11.4%", "₹22,960 crore", "₹3,329 crore", "14.5%"],
    "eicher-q3-fy2046-results.txt": ["₹5,910 crore", "₹1,489 crore", "25.2%", "311,500"],
    "eicher-q2-fy2046-results.txt": ["₹5,540 crore", "₹1,374 crore", "24.8%", "298,100"],
    "eicher-motors-fy2046-results.md": ["12.7%", "₹22,480 crore", "₹5,620 crore", "12.9%", "296,500",
                                        "| Revenue from operations | 5,120 | 5,780 | 19,940 | 22,480 |",
                                        "| EBITDA | 1,247 | 1,447 | 4,910 | 5,620 |",
                                        "| EBITDA margin | 24.4% | 25.0% | 24.6% | 25.0% |",
                                        "| Domestic | 948,100 | 1,043,900 | 10.1% |",
                                        "| Exports | 116,200 | 138,500 | 19.2% |",
                                        "| Royal Enfield motorcycles | 1,064,300 | 1,182,400 | 11.1% |",
                                        "98,700", "6.8%", "92,400"],
    "ombrisal-annual-report-fy2046.md": ["8.3%", "$1,486.0 million", "$341.8 million", "23.0%",
                                         "| Corn seed | 758.0 | 812.0 | 7.1% |", "| Soybean seed | 402.0 | 431.0 | 7.2% |",
                                         "| Vegetable seed | 212.0 | 243.0 | 14.6% |", "| Net sales | 1,372.0 | 1,486.0 | 8.3% |",
                                         "| Gross profit | 706.6 | 778.7 |", "| Gross margin | 51.5% | 52.4% |",
                                         "| Adjusted EBITDA | 301.8 | 341.8 |", "| Adjusted EBITDA margin | 22.0% | 23.0% |",
                                         "| Research and development | 167.4 | 178.3 |", "| Net debt | 548.3 | 512.7 |",
                                         "| Net debt / adjusted EBITDA | 1.8x | 1.5x |", "13.3%", "12.0%"],
    "ombrisal-q4-fy2046-release.md": ["| Net sales | 196.0 | 139.0 | 391.0 | 760.0 | 1,486.0 |",
                                      "| Adjusted EBITDA | 21.4 | −8.6 | 84.1 | 244.9 | 341.8 |",
                                      "| Adjusted EBITDA margin | 10.9% | n/m | 21.5% | 32.2% | 23.0% |",
                                      "| Corn seed | 418.5 | 452.0 | 8.0% |", "| Soybean seed | 221.4 | 236.0 | 6.6% |",
                                      "| Vegetable seed | 56.7 | 72.0 | 27.0% |", "| Net sales | 696.6 | 760.0 | 9.1% |",
                                      "| Adjusted EBITDA | 219.6 | 244.9 | 11.5% |", "| Adjusted EBITDA margin | 31.5% | 32.2% |"],
    "ombrisal-q4-fy2046-results.txt": ["$760.0 million", "9.1%", "$244.9 million", "32.2%"],
    "dravenholt-fy2045-results.txt": ["€418.6 million", "6.9%", "3.4%", "61.2 million", "€301.4 million", "72.0%",
                                      "€1,537 million", "5.1 times"],
    "dravenholt-h1-2046-refinancing.txt": ["7.3%", "€214.3 million", "€131.7 million"],
}

# --------------------------------------------------------------------------------------
# Questions: categories, themes, near misses
# --------------------------------------------------------------------------------------
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
NEAR_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
LONG_FACTUAL = {"q012": "table", "q013": "prose", "q014": "table", "q015": "prose"}
UNKNOWN_LONG_TABLE = "q039"
RISK_RX = {  # risk questions: gold = every note about the company whose text matches the regex
    "q023": r"export controls",
    "q024": r"tea prices",
    "q025": r"(?i)new (entrants|competitors)",
    "q026": r"(?i)destocking|inventory swings",
    "q027": r"(?i)wage|staff pay",
    "q028": r"(?i)\bbudget",
    "q043": r"HT4",
    "q044": r"(?i)refinanc",
}
THEMES = {  # general questions: gold = every note whose text matches the regex
    "q033": r"\btariffs?\b",
    "q034": r"\bmonsoons?\b",
    "q035": r"\bbuy-?backs?\b|\bshare repurchases?\b",
}
DATE_WORDS = (r"(\b20\d\d\b|\bFY ?\d|\bQ[1-4]\b|\bH[12]\b|quarter|month|year|season|spring|summer|autumn|"
              r"winter|week|January|February|March|April|May|June|July|August|September|October|"
              r"November|December)")
# Near misses: note, nearby text (must be in the note), absent-fact regex, scope and mode.
#   mode "sentence": regex tested on every sentence of every note in scope; must match none.
#   mode "text": regex tested on the whole text of every note in scope; must match none.
#   scope: a ticker (notes about that company) or "all".
NEAR = {
    "q046": ("ombrisal-annual-report-fy2046.md", "once the European Food Safety Authority completes its review",
             r"(?=.*HydraWheat)(?=.*" + DATE_WORDS + ")", "OMSG", "sentence"),
    "q047": ("dravenholt-h1-2046-refinancing.txt",
             "The Vanter Estuary Crossing and the three river crossings together supplied the balance",
             r"(?=.*Vanter)(?=.*\d)", "DVTB", "sentence"),
    "q048": ("tata-consumer-q3-fy2046.txt",
             "India Foods, International and the non-branded plantation business together made up the rest",
             r"(?=.*India Foods)(?=.*\d)", "TATACONSUM.NS", "sentence"),
    "q049": ("delonghi-q1-2046-lucenza.txt", "Comfort, food preparation and garment care together made up the rest",
             r"(?i)(?=.*\bcomfort\b)(?=.*\d)", "DLG.MI", "sentence"),
    "q050": ("fielmann-h1-2046-wages.txt", "Switzerland, Austria, Spain and the US business together supplied the rest",
             r"(?=.*\b(US|United States|SVS Vision|American)\b)(?=.*\d)", "FIE.DE", "sentence"),
    "q051": ("harvia-q1-2046-kivi-pro.txt", "The Nordics, North America and Asia-Pacific together made up the balance",
             r"(?=.*North Americ)(?=.*\d)", "HARVIA.HE", "sentence"),
    "q052": ("lynas-fy2045-results.txt", "platform names such as Netwealth", r"(?=.*Netwealth)(?=.*\d)", "all", "passing"),
    "q053": ("lynas-q3-fy2046-quarterly.txt", "investment platforms such as Hub24", r"(?=.*Hub24)(?=.*\d)", "all",
             "passing"),
    "q054": ("tata-consumer-q3-fy2046.txt", "Unlike a2 Milk, Tata Consumer carries almost no China exposure",
             r"(?=.*a2 Milk)(?=.*\d)", "all", "passing"),
    "q055": ("eicher-q2-fy2046-results.txt", "quality compounders such as Astral", r"(?=.*Astral)(?=.*\d)", "all",
             "passing"),
    "q056": ("harvia-q1-2046-kivi-pro.txt", "launched the Kivi Pro smart heater at €1,890",
             r"(?i)(?=.*Kivi Pro)(?=.*(\d[\d,.]*\s*(thousand |million )?(units|heaters|pieces)\b|\b(sold|shipped|shipments|sell-through)\b))",
             "HARVIA.HE", "sentence"),
    "q057": ("delonghi-q1-2046-lucenza.txt", "unveiled the Lucenza automatic espresso machine at €1,149",
             r"(?i)(?=.*Lucenza)(?=.*(\d[\d,.]*\s*(thousand |million )?(units|machines|pieces)\b|\b(sold|shipped|shipments|sell-through)\b))",
             "DLG.MI", "sentence"),
    "q058": ("fielmann-q1-2046-vision-plus.txt", "Vision Plus, a €14.90 monthly plan",
             r"(?i)(?=.*Vision Plus)(?=.*\d[\d,.]*\s*(thousand |million )?(subscribers|members|customers|users|sign-ups|plans)\b)",
             "FIE.DE", "sentence"),
    "q059": ("vaisala-q1-2046-orders.txt", "Xweather Pro, a subscription tier priced from €2,400 a year",
             r"(?i)(?=.*Xweather)(?=.*\d[\d,.]*\s*(thousand |million )?(subscribers|customers|users|clients|accounts)\b)",
             "VAIAS.HE", "sentence"),
    "q060": ("vaisala-h1-2046-tariffs.txt",
             "would start production only once US tariff rules on Finnish-made instruments settle",
             r"(?=.*(Colorado|Louisville|assembly plant))(?=.*" + DATE_WORDS + ")", "VAIAS.HE", "sentence"),
    "q061": ("lynas-h1-fy2046-seadrift.txt",
             "would be commissioned only once the US Department of Defense finalises revised offtake pricing",
             r"(?=.*Seadrift)(?=.*" + DATE_WORDS + ")", "LYC.AX", "sentence"),
    "q062": ("tata-consumer-fy2046-results.txt", "would follow once the UK pilot reaches break-even",
             r"(?=.*Ching.s)(?=.*" + DATE_WORDS + ")", "TATACONSUM.NS", "sentence"),
    "q063": ("eicher-q3-fy2046-results.txt",
             "would reach European showrooms only once its battery-cell supplier passes EU homologation",
             r"(?=.*Flying Flea)(?=.*" + DATE_WORDS + ")", "EICHERMOT.NS", "sentence"),
    "q064": ("harvia-fy2045-results.txt", "adjusted EBITA of €53.1 million",
             r"(?i)free cash flow|\bFCF\b|cash conversion", "HARVIA.HE", "text"),
    "q065": ("delonghi-fy2045-results.txt", "adjusted EBITDA of €642 million",
             r"(?i)\bEPS\b|earnings per share|per-share earnings", "DLG.MI", "text"),
    "q066": ("lynas-fy2045-results.txt", "EBITDA rose to A$241.6 million",
             r"(?i)net profit|\bNPAT\b|profit after tax|net income|net earnings|statutory profit|underlying profit",
             "LYC.AX", "text"),
    "q067": ("eicher-motors-fy2046-results.md", "Profit after tax reached ₹4,960 crore",
             r"(?i)dividend|payout per share", "EICHERMOT.NS", "text"),
}
PASSING_Q = {"q052": "Netwealth", "q053": "Hub24", "q054": "a2 Milk", "q055": "Astral"}
NO_NOTES_Q = {"q068": "Nykaa", "q069": "TVS Motor"}
OFF_TOPIC_Q = {"q070": [r"(?i)banana", r"(?i)recipe", r"(?i)\bbread\b"]}
PERIOD_Q = {"q071": [r"2041", r"(?i)\bFY ?41\b"]}
TYPOS = {"q021": ("fielman", "Fielmann"), "q022": ("vaisla", "Vaisala")}
COUNTS = dict(factual=16, follow_up=4, risk=6, comparison=4, general=3, sentiment=3, typo=2,
              unknown_answerable=7, unknown_no_answer=2, no_answer_main=24, near_main_each=4)

# --------------------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------------------
EXTRA_EXCLUDED = ("Medacta, Fiskars, Hugo Boss, Zozo, Breville, Nestle India, CTS Eventim, Galenica, Ströer, Welcia, "
                  "Jubilant FoodWorks, Kuaishou, Relaxo, Vaisala, Harvia, De'Longhi, Fielmann, Lynas, Tata Consumer, "
                  "Eicher Motors, Netwealth, Hub24, a2 Milk, Astral, Nykaa, TVS Motor, Sprouts Farmers Market, "
                  "Abercrombie & Fitch, Workiva, Paylocity, Five9, Doximity, Yum China, Pop Mart, Scout24, TJX, "
                  "Kahoot, Miniso, Hemnet, NICE, Colgate-Palmolive India, Bajaj Auto, Wix, Zomato, Victoria's Secret, "
                  "Bath & Body Works, Hims & Hers, Braze, Confluent, Cellebrite, Xtep, Haidilao, Avenue Supermarts, "
                  "Urban Outfitters, Rubrik, Monday.com, Bilibili, Mixue, Just Eat Takeaway, Adevinta, Info Edge, "
                  "Britannia")
# Names and tickers the brief assigns to this set; they are masked before scanning.
ASSIGNED = ["Vaisala", "Harvia", "De'Longhi", "De’Longhi", "Fielmann", "Lynas Rare Earths", "Lynas",
            "Tata Consumer Products", "Tata Consumer", "Eicher Motors", "Eicher", "Netwealth", "Hub24", "a2 Milk",
            "Astral", "Nykaa", "TVS Motor", "VAIAS.HE", "HARVIA.HE", "DLG.MI", "FIE.DE", "LYC.AX", "TATACONSUM.NS",
            "EICHERMOT.NS", "NWL.AX", "HUB.AX", "A2M.AX", "ASTRAL.NS", "FSN.NS", "TVSMOTOR.NS"]
OWN_INVENTED = {"Ombrisal Seed Genetics": "OMSG", "Dravenholt Toll Bridges": "DVTB"}


def load_exclusions():
    names, tickers, junk = set(), set(), set()
    try:
        with open(os.path.join(EXCL_DIR, "excluded_names.txt"), encoding="utf-8") as f:
            raw_names = [l.strip() for l in f if l.strip()]
        with open(os.path.join(EXCL_DIR, "excluded_tickers.txt"), encoding="utf-8") as f:
            raw_tickers = [l.strip() for l in f if l.strip()]
    except OSError as e:
        fail(f"cannot read exclusion lists in {EXCL_DIR}: {e}")
        return names, tickers, junk, []
    for entry in raw_names:
        base = re.sub(r"\s*\(.*?\)\s*", " ", entry).strip()
        # Entries that begin with a lower-case word (e.g. "mildly positive", "risk", "table") are
        # category labels from other briefs, not company names; the brief's own footer needs
        # several of them, so they are reported as junk and not scanned for.
        if re.match(r"^[a-z][a-z-]*(\s|$|,|:|')", base):
            junk.add(entry)
            continue
        for part in re.split(r",\s*", base):
            part = part.strip().strip('"').strip()
            if part:
                names.add(part)
    tickers.update(raw_tickers)
    for part in EXTRA_EXCLUDED.split(","):
        names.add(part.strip())
    return names, tickers, junk, raw_names


def mask_assigned(text):
    for a in sorted(ASSIGNED + list(OWN_INVENTED) + list(OWN_INVENTED.values()), key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(a) + r"(?!\w)", " ", text, flags=re.I)
    return text


def excluded_hits(text, terms):
    t = mask_assigned(text)
    hits = []
    for term in terms:
        if re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", t, flags=re.I):
            hits.append(term)
    return sorted(hits)


# --------------------------------------------------------------------------------------
# Run
# --------------------------------------------------------------------------------------
def main():
    # ---- load notes
    if not os.path.isdir(NOTES_DIR):
        fail("notes/ missing")
        return
    files = sorted(os.listdir(NOTES_DIR))
    texts = {}
    for fn in files:
        with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as f:
            texts[fn] = f.read()
    shorts = [f for f in files if f.endswith(".txt")]
    longs = [f for f in files if f.endswith(".md")]
    others = [f for f in files if not f.endswith((".txt", ".md"))]
    if others:
        fail(f"unexpected files in notes/: {others}")
    if len(shorts) != EXPECTED["short"]:
        fail(f"{len(shorts)} short notes (want {EXPECTED['short']})")
    if len(longs) != EXPECTED["long"]:
        fail(f"{len(longs)} long notes (want {EXPECTED['long']})")
    if set(files) != set(NOTE_COMPANIES):
        fail(f"notes/ and NOTE_COMPANIES disagree: {sorted(set(files) ^ set(NOTE_COMPANIES))}")

    # ---- short-note format
    parsed = {}
    for fn in shorts:
        p = parse_short(fn, texts[fn])
        if p:
            parsed[fn] = p
    cnt = lambda pred: sum(1 for p in parsed.values() if pred(p))
    checks = [("blank first line", cnt(lambda p: p["first"] == "blank"), EXPECTED["blank_first"]),
              ("Date: first line", cnt(lambda p: p["first"] == "date"), EXPECTED["date_first"]),
              ("notes with ticker lines", cnt(lambda p: p["ticker_lines"]), EXPECTED["ticker_line_notes"]),
              ("notes without final newline", cnt(lambda p: not p["final_newline"]), EXPECTED["no_final_newline"]),
              ("notes with curly apostrophes", cnt(lambda p: p["curly"]), EXPECTED["curly"]),
              ("distinct taglines", len({p["tagline"] for p in parsed.values()}), EXPECTED["taglines"])]
    for what, got, want in checks:
        if got != want:
            fail(f"{what}: {got} (want {want})")
    for fn, p in parsed.items():
        if p["curly"] and p["straight"]:
            fail(f"{fn}: mixes curly and straight apostrophes")
    if {p["req"] for p in parsed.values()} != set(REQUESTS):
        fail("both footer request variants should be used")
    layouts = set().union(*(p["layouts"] for p in parsed.values())) if parsed else set()
    if layouts != {"plain", "colon", "dollar"}:
        fail(f"ticker-line layouts used: {sorted(layouts)} (want plain, colon, dollar)")
    for fn in COMPARISON_NOTES:
        p = parsed.get(fn)
        if not p or len(p["ticker_lines"]) != 2:
            fail(f"{fn}: comparison note needs ticker lines for both companies")
    for p in parsed.values():
        if p["tagline"] in {"AI-powered research, real-time alerts, and portfolio analytics for institutional investors."}:
            fail("tagline copies the seed note verbatim")

    # ---- long notes
    plong = {}
    for fn in longs:
        p = parse_long(fn, texts[fn])
        if p:
            plong[fn] = p
    long_cos = {NOTE_COMPANIES[f][0] for f in longs if f in NOTE_COMPANIES}
    if len(long_cos) != 3:
        fail(f"long notes cover {len(long_cos)} companies (want 3)")
    if not long_cos & set(INVENTED):
        fail("no long note for an invented company")
    for fn, p in plong.items():
        tk = p["meta"].get("ticker")
        if tk in INVENTED and p["meta"].get("company") != INVENTED[tk][0]:
            fail(f"{fn}: front matter company should be {INVENTED[tk][0]}")

    # ---- coverage
    def notes_of(ticker, short_only=False, single_only=False):
        out = []
        for fn, cos in NOTE_COMPANIES.items():
            if ticker in cos and fn in texts:
                if short_only and not fn.endswith(".txt"):
                    continue
                if single_only and len(cos) > 1:
                    continue
                out.append(fn)
        return sorted(out)

    for tk, (name, aliases) in ALL_TICKERS.items():
        single = notes_of(tk, short_only=True, single_only=True)
        want = (2, 2) if tk in INVENTED else (2, 3)
        if not want[0] <= len(single) <= want[1]:
            fail(f"{name}: {len(single)} single-company short notes (want {want[0]}-{want[1]})")
    for fn, cos in NOTE_COMPANIES.items():
        if fn not in texts:
            continue
        for tk in cos:
            if not any(a in texts[fn] for a in ALL_TICKERS[tk][1]):
                fail(f"{fn}: does not name {ALL_TICKERS[tk][0]}")
    for fn in COMPARISON_NOTES:
        if not all(tk in COVERED for tk in NOTE_COMPANIES[fn]) or len(NOTE_COMPANIES[fn]) != 2:
            fail(f"{fn}: comparison note must cover two covered companies")
    for name, tk in OWN_INVENTED.items():
        if not any(f"{name} ({tk})" in t for t in texts.values()):
            fail(f"invented company not tied to its ticker in text: '{name} ({tk})'")
        if name.split()[0] in COVERED:
            fail("invented name collides with a covered company")
    for tk, (name, _) in COVERED.items():
        if not any(f"({tk})" in texts[f] for f in notes_of(tk)):
            fail(f"{name}: canonical ticker ({tk}) never given in text")

    # ---- passing mentions (exactly one sentence in one note, no figures about the company)
    for pname in PASSING:
        hits = []
        for fn, t in texts.items():
            for s in sentences(t):
                if re.search(r"(?<!\w)" + re.escape(pname) + r"(?!\w)", s, flags=re.I):
                    hits.append((fn, s))
        if len(hits) != 1:
            fail(f"passing company {pname}: appears in {len(hits)} sentences (want exactly 1)")
        for fn, s in hits:
            if re.search(r"\d", re.sub(re.escape(pname), "", s, flags=re.I)):
                fail(f"passing company {pname}: its sentence in {fn} carries a figure")
    for nname in NO_NOTES:
        for fn, t in texts.items():
            if re.search(r"(?<!\w)" + re.escape(nname) + r"(?!\w)", t, flags=re.I):
                fail(f"company with no notes ({nname}) appears in {fn}")

    # ---- fact sheets
    for label, computed, stated in ARITH:
        if abs(computed - stated) > 1e-9:
            fail(f"arithmetic: {label} computes to {computed}, sheet says {stated}")
    for fn, needles in PRESENT.items():
        for n in needles:
            if fn not in texts or n not in texts[fn]:
                fail(f"fact sheet figure {n!r} not found in {fn}")

    # ---- questions
    try:
        with open(QA_PATH, encoding="utf-8") as f:
            qa = [json.loads(l) for l in f if l.strip()]
    except (OSError, ValueError) as e:
        fail(f"qa.jsonl unreadable: {e}")
        return
    ids = [r.get("id") for r in qa]
    if ids != [f"q{i:03d}" for i in range(1, len(qa) + 1)]:
        fail("question ids are not q001, q002, ... in order")
    by_id = {r["id"]: r for r in qa}
    allowed_keys = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
                    "unknown_company", "near_miss"}
    valid_tickers = set(ALL_TICKERS) | set(PASSING.values()) | set(NO_NOTES.values())
    all_names = [a for _, aliases in ALL_TICKERS.values() for a in aliases] + list(ALL_TICKERS) + \
                [t.split(".")[0] for t in ALL_TICKERS] + ["VECV", "delonghi", "ombrisal", "dravenholt"]
    for i, r in enumerate(qa):
        rid = r.get("id")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in r:
                fail(f"{rid}: missing field {k}")
        extra = set(r) - allowed_keys
        if extra:
            fail(f"{rid}: unexpected fields {sorted(extra)}")
        if r.get("kind") not in KINDS:
            fail(f"{rid}: bad kind {r.get('kind')}")
        if r.get("ticker") is not None and r["ticker"] not in valid_tickers:
            fail(f"{rid}: unknown ticker {r['ticker']}")
        gold = r.get("gold_notes", [])
        kws = r.get("answer_keywords", [])
        for g in gold:
            if g not in texts:
                fail(f"{rid}: gold note {g} does not exist")
        if r.get("kind") == "no_answer":
            if gold or kws:
                fail(f"{rid}: no_answer must have empty gold and keywords")
        else:
            if not gold or not 1 <= len(kws) <= 4:
                fail(f"{rid}: needs gold notes and 1-4 keywords")
            for kw in kws:
                if not any(kw.lower() in texts.get(g, "").lower() for g in gold):
                    fail(f"{rid}: keyword {kw!r} not found in any gold note")
        if r.get("kind") == "follow_up":
            if i == 0 or r.get("follows") != qa[i - 1]["id"]:
                fail(f"{rid}: follows must name the record just before")
            elif qa[i - 1]["kind"] != "factual":
                fail(f"{rid}: parent should be a factual question")
            if r.get("ticker") != qa[i - 1].get("ticker"):
                fail(f"{rid}: follow-up ticker should match its parent")
            for nm in all_names:
                if re.search(r"(?<!\w)" + re.escape(nm) + r"(?!\w)", r["question"], flags=re.I):
                    fail(f"{rid}: follow-up names a company ({nm})")
        elif "follows" in r:
            fail(f"{rid}: only follow-ups carry 'follows'")
        if r.get("unknown_company") and r.get("ticker") not in INVENTED:
            fail(f"{rid}: unknown_company question must be about an invented company")
        if r.get("ticker") in INVENTED and not r.get("unknown_company"):
            fail(f"{rid}: question on an invented company lacks unknown_company")
        if "near_miss" in r and (r["near_miss"] not in NEAR_KINDS or r.get("kind") != "no_answer"):
            fail(f"{rid}: bad near_miss entry")
        # exact-gold rule for single-company answerable questions: the notes about the company that
        # contain every keyword are exactly the gold set (risk: the first keyword).
        tk = r.get("ticker")
        if r.get("kind") in ("factual", "follow_up") and tk in ALL_TICKERS and kws:
            match = sorted(fn for fn in notes_of(tk) if all(k.lower() in texts[fn].lower() for k in kws))
            if match != sorted(gold):
                fail(f"{rid}: notes on {tk} containing {kws} = {match}, gold = {sorted(gold)}")
        if r.get("kind") == "risk":
            rx = RISK_RX.get(rid)
            if not rx:
                fail(f"{rid}: risk question without a regex in RISK_RX")
            else:
                match = sorted(fn for fn in notes_of(tk) if re.search(rx, texts[fn]))
                if match != sorted(gold):
                    fail(f"{rid}: risk regex {rx!r} matches {match}, gold = {sorted(gold)}")

    def of_kind(kind, **flags):
        out = []
        for r in qa:
            if r.get("kind") != kind:
                continue
            if all(bool(r.get(k)) == v for k, v in flags.items()):
                out.append(r)
        return out

    plain_factual = of_kind("factual", typo=False, unknown_company=False)
    for what, got, want in [("factual", len(plain_factual), COUNTS["factual"]),
                            ("follow_up", len(of_kind("follow_up")), COUNTS["follow_up"]),
                            ("risk", len(of_kind("risk", unknown_company=False)), COUNTS["risk"]),
                            ("comparison", len(of_kind("comparison")), COUNTS["comparison"]),
                            ("general", len(of_kind("general")), COUNTS["general"]),
                            ("sentiment", len(of_kind("sentiment", unknown_company=False)), COUNTS["sentiment"]),
                            ("typo", len(of_kind("factual", typo=True)), COUNTS["typo"]),
                            ("unknown answerable", sum(1 for r in qa if r.get("unknown_company") and r["kind"] != "no_answer"),
                             COUNTS["unknown_answerable"]),
                            ("unknown no_answer", len(of_kind("no_answer", unknown_company=True)), COUNTS["unknown_no_answer"]),
                            ("no_answer (main)", len(of_kind("no_answer", unknown_company=False)), COUNTS["no_answer_main"])]:
        if got != want:
            fail(f"count {what}: {got} (want {want})")
    # factual answered from long notes: 2 from a table, 2 from prose
    for qid, where in LONG_FACTUAL.items():
        r = by_id.get(qid)
        if not r or r["kind"] != "factual" or len(r["gold_notes"]) != 1 or not r["gold_notes"][0].endswith(".md"):
            fail(f"{qid}: should be a factual question answered by one long note")
            continue
        p = plong.get(r["gold_notes"][0])
        if p:
            for kw in r["answer_keywords"]:
                if kw not in p[where]:
                    fail(f"{qid}: keyword {kw!r} not in the long note's {where}")
                other = "prose" if where == "table" else "table"
                if kw in p[other]:
                    fail(f"{qid}: keyword {kw!r} also appears in the long note's {other}")
    long_factual = [r for r in plain_factual if any(g.endswith(".md") for g in r["gold_notes"])]
    if sorted(r["id"] for r in long_factual) != sorted(LONG_FACTUAL):
        fail(f"factual questions answered from long notes: {[r['id'] for r in long_factual]} (want {sorted(LONG_FACTUAL)})")
    r = by_id.get(UNKNOWN_LONG_TABLE)
    if not r or not r.get("unknown_company") or not r["gold_notes"] or not all(
            g.endswith(".md") for g in r["gold_notes"]) or not all(
            kw in plong.get(r["gold_notes"][0], {}).get("table", "") for kw in r["answer_keywords"]):
        fail(f"{UNKNOWN_LONG_TABLE}: should be the invented-company question answered from a long-note table")
    # kinds of unknown answerable
    for r in qa:
        if r.get("unknown_company") and r["kind"] not in ("factual", "risk", "sentiment", "no_answer"):
            fail(f"{r['id']}: unknown_company question of kind {r['kind']}")
    # comparison
    comp = of_kind("comparison")
    use_cmp = [r for r in comp if any(g in COMPARISON_NOTES for g in r["gold_notes"])]
    use_two = [r for r in comp if r not in use_cmp and len({NOTE_COMPANIES[g][0] for g in r["gold_notes"]
                                                            if g in NOTE_COMPANIES}) == 2]
    if len(use_cmp) != 2 or len(use_two) != 2:
        fail(f"comparison: {len(use_cmp)} use comparison notes, {len(use_two)} use two companies' notes (want 2 + 2)")
    for r in comp + of_kind("general"):
        if r["ticker"] is not None:
            fail(f"{r['id']}: {r['kind']} question must have ticker null")
    for r in use_two:
        for kw in r["answer_keywords"]:
            if sum(kw.lower() in texts[g].lower() for g in r["gold_notes"]) < 1:
                fail(f"{r['id']}: keyword {kw} not found")
    # general: theme regex gives exactly the gold set
    for qid, rx in THEMES.items():
        r = by_id.get(qid)
        match = sorted(fn for fn, t in texts.items() if re.search(rx, t, flags=re.I))
        if not r or r["kind"] != "general":
            fail(f"{qid}: should be a general question")
        elif sorted(r["gold_notes"]) != match:
            fail(f"{qid}: theme {rx!r} matches {match}, gold = {sorted(r['gold_notes'])}")
        if len(match) < 2 or len({NOTE_COMPANIES[m][0] for m in match}) < 2:
            fail(f"{qid}: theme should span several companies")
    if sorted(THEMES) != sorted(r["id"] for r in of_kind("general")):
        fail("every general question needs a theme regex")
    # sentiment: gold = every short note of the company, keywords = their labels
    for r in of_kind("sentiment"):
        tk = r["ticker"]
        want = notes_of(tk, short_only=True)
        if sorted(r["gold_notes"]) != want:
            fail(f"{r['id']}: sentiment gold {sorted(r['gold_notes'])} != short notes {want}")
        labels = sorted({parsed[g]["label"] for g in want if g in parsed})
        if sorted(r["answer_keywords"]) != labels:
            fail(f"{r['id']}: sentiment keywords {r['answer_keywords']} != labels {labels}")
    # typos
    for qid, (typo, right) in TYPOS.items():
        r = by_id.get(qid)
        if not r or not r.get("typo") or r["kind"] != "factual":
            fail(f"{qid}: should be a typo factual question")
        elif typo not in r["question"].lower() or right.lower() in r["question"].lower():
            fail(f"{qid}: should misspell {right} as {typo}")
    # near misses
    near_qs = [r for r in qa if r.get("near_miss")]
    main_near = [r for r in near_qs if not r.get("unknown_company")]
    for k in NEAR_KINDS:
        n = sum(1 for r in main_near if r["near_miss"] == k)
        if n != COUNTS["near_main_each"]:
            fail(f"near misses of kind {k}: {n} (want {COUNTS['near_main_each']})")
    if sorted(r["id"] for r in near_qs) != sorted(NEAR):
        fail(f"near-miss questions and NEAR specs disagree: {sorted(set(r['id'] for r in near_qs) ^ set(NEAR))}")
    for qid, (note_fn, nearby, rx, scope, mode) in NEAR.items():
        if note_fn not in texts or nearby not in texts[note_fn]:
            fail(f"{qid}: nearby text not found in {note_fn}: {nearby!r}")
        r = by_id.get(qid)
        if r and r.get("ticker") in ALL_TICKERS and note_fn not in notes_of(r["ticker"]):
            fail(f"{qid}: nearby note {note_fn} is not about {r['ticker']}")
        if r and mode != "passing" and scope != r.get("ticker"):
            fail(f"{qid}: absent-fact scope {scope} != question ticker {r.get('ticker')}")
        scope_notes = list(texts) if scope == "all" else notes_of(scope)
        for fn in scope_notes:
            if mode == "text":
                if re.search(rx, texts[fn]):
                    fail(f"{qid}: absent-fact regex matches in {fn}")
            else:
                for s in sentences(texts[fn]):
                    s2 = s
                    if mode == "passing":
                        pname = PASSING_Q[qid]
                        if not re.search(re.escape(pname), s, flags=re.I):
                            continue
                        if re.search(r"\d", re.sub(re.escape(pname), " ", s, flags=re.I)):
                            fail(f"{qid}: figure in the {pname} sentence of {fn}")
                        continue
                    if re.search(rx, s2):
                        fail(f"{qid}: absent-fact regex matches in {fn}: {s2[:90]!r}")
    # no-notes, off-topic, period
    for qid, nname in NO_NOTES_Q.items():
        r = by_id.get(qid)
        if not r or r["kind"] != "no_answer" or r.get("ticker") != NO_NOTES[nname]:
            fail(f"{qid}: should be a no_answer question on {nname}")
        elif nname.lower() not in r["question"].lower():
            fail(f"{qid}: question should name {nname}")
    for qid, rxs in list(OFF_TOPIC_Q.items()) + list(PERIOD_Q.items()):
        r = by_id.get(qid)
        if not r or r["kind"] != "no_answer":
            fail(f"{qid}: should be a no_answer question")
        for rx in rxs:
            for fn, t in texts.items():
                if re.search(rx, t):
                    fail(f"{qid}: term {rx!r} appears in {fn}")
    if by_id.get("q070", {}).get("ticker") is not None:
        fail("q070: off-topic question should have ticker null")
    main_no = {r["id"] for r in of_kind("no_answer", unknown_company=False)}
    special = set(NO_NOTES_Q) | set(OFF_TOPIC_Q) | set(PERIOD_Q)
    if main_no - special - {r["id"] for r in main_near}:
        fail(f"no_answer questions without a role: {sorted(main_no - special - {r['id'] for r in main_near})}")

    # ---- exclusions
    names, tickers, junk, raw_names = load_exclusions()
    terms = sorted(names | tickers)
    if terms:
        for fn, t in texts.items():
            for h in excluded_hits(t, terms):
                fail(f"excluded name/ticker {h!r} appears in notes/{fn}")
        for r in qa:
            for h in excluded_hits(r["question"], terms):
                fail(f"excluded name/ticker {h!r} appears in {r['id']}")
        if os.path.exists(README_PATH):
            with open(README_PATH, encoding="utf-8") as f:
                readme = f.read()
            for h in excluded_hits(readme, terms):
                fail(f"excluded name/ticker {h!r} appears in README.md")
        # own names and tickers are not on the lists
        all_words = set()
        for entry in raw_names + [p.strip() for p in EXTRA_EXCLUDED.split(",")]:
            all_words.update(w.lower() for w in re.findall(r"[\w’']+", entry))
        for name, tk in OWN_INVENTED.items():
            shared = {w.lower() for w in name.split()} & all_words
            if shared:
                fail(f"invented name {name} shares words with excluded names: {sorted(shared)}")
            if tk.lower() in {t.lower() for t in tickers}:
                fail(f"invented ticker {tk} is excluded")
        for tk in list(COVERED) + list(PASSING.values()) + list(NO_NOTES.values()):
            if tk.lower() in {t.lower() for t in tickers}:
                fail(f"assigned ticker {tk} is on the excluded list")
        for nm, _ in list(COVERED.values()):
            if nm.lower() in {n.lower() for n in names - {p.strip() for p in EXTRA_EXCLUDED.split(',')}}:
                fail(f"assigned name {nm} is on the excluded names list")

    # ---- README
    if not os.path.exists(README_PATH):
        fail("README.md missing")
    else:
        with open(README_PATH, encoding="utf-8") as f:
            readme = f.read()
        for tk, (name, _) in ALL_TICKERS.items():
            if name not in readme or tk not in readme:
                fail(f"README companies section lacks {name} / {tk}")
        for nm in list(PASSING) + list(NO_NOTES):
            if nm not in readme:
                fail(f"README lacks {nm}")
        for qid in NEAR:
            if not re.search(r"^\|\s*" + qid + r"\b", readme, flags=re.M):
                fail(f"README near-miss rows lack {qid}")


if __name__ == "__main__":
    main()
    if FAILS:
        print(f"{len(FAILS)} failure(s):")
        for m in FAILS:
            print(" -", m)
        sys.exit(1)
    print("OK")
    sys.exit(0)
