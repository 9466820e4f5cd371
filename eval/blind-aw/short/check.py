#!/usr/bin/env python3
"""Self-check for the aw-short blind evaluation set (Python 3 stdlib only).

Prints OK and exits 0 when every check passes; otherwise prints each failure and exits 1.
Exclusion lists are read from $EXCLUDED_DIR (default /work/blind-prompts).
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
EXCLUDED_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

FAIL = []


def fail(msg):
    FAIL.append(msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


# ---------------------------------------------------------------- companies
COMPANIES = {  # ticker -> (name, short-name regex used to spot the company in text)
    "MYCR.ST": ("Mycronic", r"Mycronic"),
    "IFCN.SW": ("Inficon", r"Inficon"),
    "ELG.DE": ("Elmos Semiconductor", r"Elmos"),
    "TOKMAN.HE": ("Tokmanni Group", r"Tokmanni"),
    "8111.T": ("Goldwin", r"Goldwin"),
    "DEVYANI.NS": ("Devyani International", r"Devyani"),
    "6186.HK": ("China Feihe", r"Feihe"),
    "SKVD": ("Skarnveld Avalanche Defence", r"Skarnveld"),
    "LMBK": ("Lumbrescu Kelp Farms", r"Lumbrescu"),
}
REAL = ["MYCR.ST", "IFCN.SW", "ELG.DE", "TOKMAN.HE", "8111.T", "DEVYANI.NS", "6186.HK"]
INVENTED = ["SKVD", "LMBK"]
PASSING = {"Lagercrantz": "LAGR-B.ST", "Puuilo": "PUUILO.HE", "Workman": "7564.T",
           "Sapphire Foods": "SAPPHIRE.NS"}
NO_NOTES = {"Kalyan Jewellers": "KALYANKJIL.NS", "Nongfu Spring": "9633.HK"}

# which company (or companies) each note is about
NOTE_COMPANIES = {
    "mycr-q4-2049.txt": ["MYCR.ST"], "mycr-q1-2050.txt": ["MYCR.ST"],
    "ifcn-fy2049.txt": ["IFCN.SW"], "ifcn-q1-2050.txt": ["IFCN.SW"],
    "ifcn-annual-report-2049.md": ["IFCN.SW"],
    "elmos-fy2049.txt": ["ELG.DE"], "elmos-q1-2050.txt": ["ELG.DE"], "elmos-guidance-cut.txt": ["ELG.DE"],
    "tokman-fy2049.txt": ["TOKMAN.HE"], "tokman-q1-2050.txt": ["TOKMAN.HE"],
    "tokman-dollarstore.txt": ["TOKMAN.HE"], "tokman-q1-2050-release.md": ["TOKMAN.HE"],
    "goldwin-fy2049.txt": ["8111.T"], "goldwin-outlook.txt": ["8111.T"],
    "devyani-fy2049.txt": ["DEVYANI.NS"], "devyani-store-review.txt": ["DEVYANI.NS"],
    "feihe-fy2049.txt": ["6186.HK"], "feihe-birth-subsidy.txt": ["6186.HK"],
    "skvd-fy2049.txt": ["SKVD"], "skvd-q1-2050.txt": ["SKVD"],
    "skvd-annual-report-2049.md": ["SKVD"], "skvd-q1-2050-release.md": ["SKVD"],
    "lmbk-fy2049.txt": ["LMBK"], "lmbk-q1-2050.txt": ["LMBK"],
    "pair-mycr-ifcn.txt": ["MYCR.ST", "IFCN.SW"],
    "pair-devyani-feihe.txt": ["DEVYANI.NS", "6186.HK"],
}
COMPARISON_NOTES = ["pair-mycr-ifcn.txt", "pair-devyani-feihe.txt"]

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
TAGLINES = {
    "AI-driven research, instant alerts, and portfolio insights for professional investors.",
    "Machine-read research, live alerts, and exposure analytics for fund managers.",
    "Automated research digests, real-time signals, and portfolio tools for institutional desks.",
    "AI research summaries, market alerts, and holdings analytics built for asset managers.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9][A-Z0-9.\-]*)(:?) (-?[01]\.\d{2})$")


def label_for(score):
    if -0.10 <= score <= 0.10:
        return "neutral"
    if 0.10 < score <= 0.35:
        return "mildly positive"
    if -0.35 <= score < -0.10:
        return "mildly negative"
    return "strongly positive" if score > 0 else "strongly negative"


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"\u201c$])", text.strip()) if s]


# ---------------------------------------------------------------- load notes
notes = {}
raw = {}
for p in sorted(glob.glob(os.path.join(NOTES_DIR, "*"))):
    with open(p, "rb") as f:
        b = f.read()
    raw[os.path.basename(p)] = b
    notes[os.path.basename(p)] = b.decode("utf-8")

short = sorted(n for n in notes if n.endswith(".txt"))
long_ = sorted(n for n in notes if n.endswith(".md"))
check(set(notes) == set(NOTE_COMPANIES), "note files differ from NOTE_COMPANIES: %s" %
      sorted(set(notes) ^ set(NOTE_COMPANIES)))
check(len(short) == 22, "expected 22 short notes, found %d" % len(short))
check(len(long_) == 4, "expected 4 long notes, found %d" % len(long_))
check(all(n.endswith((".txt", ".md")) for n in notes), "unexpected file type in notes/")


def company_notes(t, kinds=(".txt", ".md")):
    return sorted(n for n, cs in NOTE_COMPANIES.items() if t in cs and n.endswith(kinds) and n in notes)


# ---------------------------------------------------------------- short notes
parsed = {}
first_kind = {"blank": 0, "date": 0, "none": 0}
no_final_nl = curly = 0
tag_used = set()
ticker_line_notes = 0
layouts = set()
for n in short:
    txt = notes[n]
    if not txt.endswith("\n"):
        no_final_nl += 1
    if "\u2019" in txt:
        curly += 1
        check("'" not in txt, "%s mixes curly and straight apostrophes" % n)
    lines = txt.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    i = 0
    if lines[0] == "":
        first_kind["blank"] += 1
        i = 1
    elif lines[0].startswith("Date:"):
        first_kind["date"] += 1
        check(re.fullmatch(r"Date: 20(49|50)-\d\d-\d\d", lines[0]) is not None, "%s: bad Date line" % n)
        i = 1
    else:
        first_kind["none"] += 1
    body = lines[i:]
    if not check(len(body) >= 8, "%s: too few lines" % n):
        continue
    news, analytic, tag, demo, label, ss, score, ts = body[:8]
    tick = body[8:]
    if not check(ts == "Ticker Sentiment", "%s: footer must end in 'Ticker Sentiment' before ticker lines" % n):
        continue
    ns = len(sentences(news))
    check(2 <= ns <= 4, "%s: news paragraph has %d sentences" % (n, ns))
    check(re.search(r"\d", news) is not None, "%s: news paragraph has no figures" % n)
    aw = len(analytic.split())
    check(180 <= aw <= 240, "%s: analytic paragraph has %d words" % (n, aw))
    check(tag in TAGLINES, "%s: unknown tagline %r" % (n, tag))
    tag_used.add(tag)
    check(demo in DEMO_LINES, "%s: bad demo line %r" % (n, demo))
    check(label in LABELS, "%s: bad label %r" % (n, label))
    check(ss == "Sentiment Score", "%s: missing 'Sentiment Score'" % n)
    try:
        sc = float(score)
    except ValueError:
        fail("%s: score not a number" % n)
        continue
    check(-1 <= sc <= 1, "%s: score out of range" % n)
    check(label_for(sc) == label, "%s: label %s does not match score %s" % (n, label, score))
    check(abs(abs(sc) - 0.10) > 0.001 and abs(abs(sc) - 0.35) > 0.001, "%s: score on a band edge" % n)
    tickers_here = []
    for tl in tick:
        m = TICKER_LINE.match(tl)
        if not check(m is not None, "%s: bad ticker line %r" % (n, tl)):
            continue
        layouts.add("dollar" if m.group(1) else ("colon" if m.group(3) else "plain"))
        check(not (m.group(1) and m.group(3)), "%s: ticker line mixes $ and colon" % n)
        tickers_here.append(m.group(2))
        check(-1 <= float(m.group(4)) <= 1, "%s: ticker score out of range" % n)
    if tick:
        ticker_line_notes += 1
        check(sorted(tickers_here) == sorted(NOTE_COMPANIES[n]),
              "%s: ticker lines %s do not match companies %s" % (n, tickers_here, NOTE_COMPANIES[n]))
    parsed[n] = dict(news=news, analytic=analytic, label=label, score=sc, tickers=tickers_here)

check(first_kind == {"blank": 5, "date": 11, "none": 6}, "first-line mix is %s" % first_kind)
check(no_final_nl == 5, "%d notes lack a final newline (want 5)" % no_final_nl)
check(curly == 5, "%d notes use curly apostrophes (want 5)" % curly)
check(len(tag_used) == 4, "%d tagline wordings used (want 4)" % len(tag_used))
check(ticker_line_notes == 13, "%d notes have ticker lines (want 13)" % ticker_line_notes)
check(layouts == {"plain", "colon", "dollar"}, "ticker-line layouts used: %s" % sorted(layouts))
demo_forms = {notes[n].split("\n")[[i for i, l in enumerate(notes[n].split("\n")) if "DemoOverall" in l][0]]
              for n in short}
check(demo_forms == DEMO_LINES, "both demo-line forms should be used")
for n in COMPARISON_NOTES:
    check(n in parsed and len(parsed[n]["tickers"]) == 2, "%s: comparison note needs ticker lines for both" % n)

# coverage: 2-3 short notes per real company, 2 per invented one (comparison notes counted apart)
for t in REAL + INVENTED:
    own = [n for n in company_notes(t, (".txt",)) if n not in COMPARISON_NOTES]
    want = (2, 2) if t in INVENTED else (2, 3)
    check(want[0] <= len(own) <= want[1], "%s has %d short notes" % (t, len(own)))
    name, rx = COMPANIES[t]
    for n in company_notes(t):
        check(re.search(rx, notes[n]) is not None, "%s does not name %s" % (n, name))
    # canonical ticker appears in text at least once
    check(any(t in notes[n] for n in company_notes(t)), "ticker %s never appears in its notes" % t)
for t in INVENTED:
    check(any(("%s (%s)" % (COMPANIES[t][0], t)) in notes[n] for n in company_notes(t, (".txt",))),
          "invented company %s not tied to its ticker in text" % t)

# ---------------------------------------------------------------- long notes
long_companies = set()
for n in long_:
    txt = notes[n]
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", txt, re.S)
    if not check(m is not None, "%s: no front matter" % n):
        continue
    fm = dict(l.split(": ", 1) for l in m.group(1).split("\n") if ": " in l)
    check(set(fm) == {"company", "ticker", "title", "date"}, "%s: front matter keys %s" % (n, sorted(fm)))
    t = fm.get("ticker")
    check(t in COMPANIES and [t] == NOTE_COMPANIES[n], "%s: ticker %s" % (n, t))
    check(fm.get("company") == COMPANIES.get(t, ("",))[0], "%s: company name mismatch" % n)
    check(re.fullmatch(r"20(49|50)-\d\d-\d\d", fm.get("date", "")) is not None, "%s: bad date" % n)
    long_companies.add(t)
    body = m.group(2)
    prose = [l for l in body.split("\n") if l.strip() and not l.startswith(("|", "#"))]
    words = sum(len(l.lstrip("- ").split()) for l in prose)
    check(900 <= words <= 1100, "%s: %d words of prose" % (n, words))
    headers = [l for l in body.split("\n") if l.startswith("|") and re.search(r"\b(FY20\d\d|Q[1-4] 20\d\d)\b", l)]
    check(len(headers) >= 1, "%s: no table with fiscal-year or quarter columns" % n)
    check(re.search(r"\|---", body) is not None, "%s: no Markdown table" % n)
    check("Sentiment" not in body and "Request" not in body, "%s: long notes carry no sentiment block" % n)
    check(re.search(r"\bwe\b", body, re.I) is not None and re.search(r"\b[Tt]he Company\b", body), "%s: voice" % n)
check(len(long_companies) == 3 and long_companies & set(INVENTED), "long notes cover %s" % sorted(long_companies))

# ---------------------------------------------------------------- passing mentions
all_sent = []
for n, txt in notes.items():
    for line in txt.split("\n"):
        for s in sentences(line):
            all_sent.append((n, s))
for pname in PASSING:
    hits = [(n, s) for n, s in all_sent if re.search(r"\b%s\b" % re.escape(pname), s)]
    if check(len(hits) == 1, "%s appears in %d sentences (want exactly 1)" % (pname, len(hits))):
        check(re.search(r"\d", hits[0][1]) is None, "%s sentence carries a figure" % pname)
        check(NOTE_COMPANIES[hits[0][0]][0] in REAL, "%s should sit in a covered company's note" % pname)

# ---------------------------------------------------------------- period
for n, txt in notes.items():
    if n.endswith(".md"):
        txt = txt.split("---", 2)[2]
    for y in re.findall(r"\b(?:fiscal |FY|Q[1-4] (?:of fiscal )?)(20\d\d)\b", txt):
        check(2049 <= int(y) <= 2052, "%s: period %s outside fiscal 2049 to mid-2050 (or outlook)" % (n, y))
    for y in re.findall(r"\b(20[0-3]\d|204[0-8])\b", txt):
        fail("%s: year %s before fiscal 2049" % (n, y))


# ---------------------------------------------------------------- fact sheets
def num(s):
    return float(s.replace(",", ""))


def growth(cur, prev):
    return round((cur / prev - 1) * 100, 1)


def pct(a, b):
    return round(a / b * 100, 1)


FACT_CHECKS = [
    # (label, computed, stated)
    ("MYCR FY49 growth", growth(9240, 8150), 13.4),
    ("MYCR FY49 EBIT margin", pct(2310, 9240), 25.0),
    ("MYCR Q4 49 EBIT margin", pct(720, 2680), 26.9),
    ("MYCR FY49 segments", 4120 + 5120, 9240),
    ("MYCR quarters sum (Q1 1,960 + Q2 2,240 + Q3 2,360 + Q4 2,680)", 1960 + 2240 + 2360 + 2680, 9240),
    ("MYCR Q1 50 growth", growth(2190, 1960), 11.7),
    ("MYCR Q1 50 EBIT margin", pct(505, 2190), 23.1),
    ("MYCR Q1 50 order growth (Q1 49 orders 2,190)", growth(2650, 2190), 21.0),
    ("IFCN FY49 growth", growth(780, 702), 11.1),
    ("IFCN FY49 op margin", pct(148, 780), 19.0),
    ("IFCN FY49 markets", 430 + 350, 780),
    ("IFCN semi share", pct(430, 780), 55.1),
    ("IFCN quarters sum", 182 + 193 + 196 + 209, 780),
    ("IFCN op income quarters sum", 33 + 36 + 38 + 41, 148),
    ("IFCN Q1 49 margin", pct(33, 182), 18.1), ("IFCN Q2 49 margin", pct(36, 193), 18.7),
    ("IFCN Q3 49 margin", pct(38, 196), 19.4), ("IFCN Q4 49 margin", pct(41, 209), 19.6),
    ("IFCN Q1 50 growth", growth(201, 182), 10.4),
    ("IFCN Q1 50 op margin (op income 39)", pct(39, 201), 19.4),
    ("ELG FY49 growth", growth(690, 640), 7.8),
    ("ELG FY49 EBIT margin", pct(145, 690), 21.0),
    ("ELG Q1 50 growth", growth(158, 166), -4.8),
    ("ELG Q1 50 EBIT margin", pct(28, 158), 17.7),
    ("TOKMAN FY49 growth", growth(1980, 1860), 6.5),
    ("TOKMAN FY49 comp EBIT margin", pct(121, 1980), 6.1),
    ("TOKMAN FY49 chains", 1420 + 560, 1980),
    ("TOKMAN FY49 leverage", round(590 / 246, 1), 2.4),
    ("TOKMAN Q1 50 growth", growth(418, 402), 4.0),
    ("TOKMAN Q1 50 comp EBIT margin", pct(6.2, 418), 1.5),
    ("TOKMAN Q1 49 comp EBIT margin", pct(7.9, 402), 2.0),
    ("TOKMAN Q1 50 chains", 298 + 120, 418), ("TOKMAN Q1 49 chains", 290 + 112, 402),
    ("TOKMAN Q1 50 Tokmanni growth", growth(298, 290), 2.8),
    ("TOKMAN Q1 50 Dollarstore growth", growth(120, 112), 7.1),
    ("TOKMAN Q1 50 gross margin", pct(138.4, 418), 33.1), ("TOKMAN Q1 49 gross margin", pct(131.1, 402), 32.6),
    ("TOKMAN Q1 50 gross profit growth", growth(138.4, 131.1), 5.6),
    ("TOKMAN Q1 50 comp EBIT change", growth(6.2, 7.9), -21.5),
    ("TOKMAN stores", (214 - 209, 108 - 101), (5, 7)),
    ("GOLDWIN FY49 growth", growth(142.0, 131.5), 8.0),
    ("GOLDWIN FY49 op margin", pct(27.3, 142.0), 19.2),
    ("GOLDWIN FY49 brands", round(98.4 + 43.6, 1), 142.0),
    ("GOLDWIN TNF share", round(98.4 / 142.0 * 100), 69),
    ("GOLDWIN FY50 guide margin", pct(28.5, 150.0), 19.0),
    ("GOLDWIN FY50 guide growth", growth(150.0, 142.0), 5.6),
    ("DEVYANI FY49 growth", growth(8420, 7310), 15.2),
    ("DEVYANI FY49 brands", 4630 + 3790, 8420),
    ("FEIHE FY49 growth", growth(21600, 20850), 3.6),
    ("FEIHE FY49 products", 19050 + 2550, 21600),
    ("FEIHE FY49 net margin", pct(4210, 21600), 19.5),
    ("SKVD FY49 growth", growth(2840, 2380), 19.3),
    ("SKVD FY49 EBIT margin", pct(398, 2840), 14.0),
    ("SKVD FY49 segments", 1520 + 810 + 510, 2840),
    ("SKVD segment shares", (pct(1520, 2840), pct(810, 2840), pct(510, 2840)), (53.5, 28.5, 18.0)),
    ("SKVD quarters sum", 455 + 690 + 905 + 790, 2840),
    ("SKVD EBIT quarters sum", 30 + 102 + 168 + 98, 398),
    ("SKVD quarter margins", (pct(30, 455), pct(102, 690), pct(168, 905), pct(98, 790)), (6.6, 14.8, 18.6, 12.4)),
    ("SKVD EBITDA margin", pct(472, 2840), 16.6),
    ("SKVD leverage", round(590 / 472, 2), 1.25),
    ("SKVD backlog months", round(3150 / 2840 * 12), 13),
    ("SKVD Q1 50 growth", growth(512, 455), 12.5),
    ("SKVD Q1 50 EBIT margin", pct(41, 512), 8.0),
    ("SKVD Q1 50 segments", (250 + 162 + 100, 228 + 132 + 95), (512, 455)),
    ("SKVD Q1 50 segment growth", (growth(250, 228), growth(162, 132), growth(100, 95)), (9.6, 22.7, 5.3)),
    ("SKVD Q1 50 EBIT growth", growth(41, 30), 36.7),
    ("SKVD Q1 50 order growth", growth(720, 610), 18.0),
    ("SKVD Q1 50 backlog roll-forward", 3150 + 720 - 512, 3358),
    ("LMBK FY49 growth", growth(186, 152), 22.4),
    ("LMBK FY49 EBITDA margin", pct(34, 186), 18.3),
    ("LMBK FY49 segments", 104 + 58 + 24, 186),
    ("LMBK leverage", round(85 / 34, 1), 2.5),
    ("LMBK Q1 50 growth", growth(41, 36), 13.9),
]
for label, got, want in FACT_CHECKS:
    check(got == want, "fact sheet: %s computes %s, notes state %s" % (label, got, want))

# stated figures must actually appear in the notes named here
FIGURES_IN_NOTES = {
    "mycr-q4-2049.txt": ["2,680", "720", "26.9%", "13.4%", "9,240", "2,310", "25.0%", "9,610", "4,120", "5,120"],
    "mycr-q1-2050.txt": ["2,190", "11.7%", "1,960", "505", "23.1%", "8,400"],
    "pair-mycr-ifcn.txt": ["21%", "2,650", "22 times", "27 times"],
    "ifcn-fy2049.txt": ["780", "11.1%", "148", "19.0%", "430", "350", "55%"],
    "ifcn-annual-report-2049.md": ["| 182 | 193 | 196 | 209 | 780 |", "| 33 | 36 | 38 | 41 | 148 |",
                                   "18.1% | 18.7% | 19.4% | 19.6% | 19.0%", "55.1%", "44.9%"],
    "ifcn-q1-2050.txt": ["201", "10.4%", "182", "19.4%"],
    "elmos-fy2049.txt": ["690", "7.8%", "145", "21.0%", "62"],
    "elmos-q1-2050.txt": ["158", "4.8%", "166", "28", "17.7%"],
    "tokman-fy2049.txt": ["1,980", "6.5%", "121", "6.1%", "1,420", "560", "590", "2.4 times", "246"],
    "tokman-q1-2050.txt": ["418", "4.0%", "402", "6.2", "1.5%"],
    "tokman-q1-2050-release.md": ["| 298.0 | 290.0 | +2.8% |", "| 120.0 | 112.0 | +7.1% |", "| 418.0 | 402.0 | +4.0% |",
                                  "| 138.4 | 131.1 | +5.6% |", "| 33.1% | 32.6% |", "| 6.2 | 7.9 | -21.5% |",
                                  "| 1.5% | 2.0% |", "| 214 | 209 | +5 |", "| 108 | 101 | +7 |"],
    "goldwin-fy2049.txt": ["142.0", "8.0%", "27.3", "19.2%", "98.4", "43.6", "69%"],
    "goldwin-outlook.txt": ["150.0", "28.5", "19.0%", "5.6%"],
    "devyani-fy2049.txt": ["8,420", "15.2%", "4,630", "3,790", "2,480"],
    "feihe-fy2049.txt": ["21,600", "3.6%", "4,210", "19.5%", "19,050", "2,550", "66.8%"],
    "pair-devyani-feihe.txt": ["15.2%", "3.6%", "19.5%", "6.5%"],
    "skvd-fy2049.txt": ["2,840", "19.3%", "398", "14.0%", "1,520", "810", "510", "3,150", "13 months"],
    "skvd-annual-report-2049.md": ["| 455 | 690 | 905 | 790 | 2,840 |", "| 30 | 102 | 168 | 98 | 398 |",
                                   "6.6% | 14.8% | 18.6% | 12.4% | 14.0%", "472", "16.6%", "590", "1.25 times",
                                   "53.5%", "28.5%", "18.0%"],
    "skvd-q1-2050.txt": ["512", "12.5%", "455", "41", "8.0%", "590", "1.25 times", "472"],
    "skvd-q1-2050-release.md": ["| 250 | 228 | +9.6% |", "| 162 | 132 | +22.7% |", "| 100 | 95 | +5.3% |",
                                "| 512 | 455 | +12.5% |", "| 41 | 30 | +36.7% |", "| 720 | 610 | +18.0% |", "3,358"],
    "lmbk-fy2049.txt": ["186", "22.4%", "34", "18.3%", "104", "58", "24", "85", "2.5 times"],
    "lmbk-q1-2050.txt": ["41", "13.9%", "36"],
}
for n, figs in FIGURES_IN_NOTES.items():
    for fgr in figs:
        check(fgr in notes.get(n, ""), "fact sheet figure %r missing from %s" % (fgr, n))

# ---------------------------------------------------------------- questions
qs = []
with open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        if line.strip():
            try:
                qs.append(json.loads(line))
            except ValueError:
                fail("qa.jsonl line %d is not JSON" % i)
byid = {q.get("id"): q for q in qs}
ALLOWED_KEYS = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
                "unknown_company", "near_miss"}
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
NM_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
check(len(qs) == 71, "expected 71 questions, found %d" % len(qs))
for i, q in enumerate(qs, 1):
    qid = q.get("id")
    check(qid == "q%03d" % i, "question %d has id %s" % (i, qid))
    check(ALLOWED_KEYS >= set(q) >= {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind"},
          "%s: bad keys %s" % (qid, sorted(q)))
    check(q.get("kind") in KINDS, "%s: bad kind" % qid)
    check(isinstance(q.get("gold_notes"), list) and isinstance(q.get("answer_keywords"), list), "%s: types" % qid)
    for g in q.get("gold_notes", []):
        check(g in notes, "%s: gold note %s does not exist" % (qid, g))
    kw = q.get("answer_keywords", [])
    if q["kind"] == "no_answer":
        check(q["gold_notes"] == [] and kw == [], "%s: no_answer must have empty gold and keywords" % qid)
    else:
        check(q["gold_notes"] and 1 <= len(kw) <= 4, "%s: needs gold notes and 1-4 keywords" % qid)
        for k in kw:
            check(any(k.lower() in notes.get(g, "").lower() for g in q["gold_notes"]),
                  "%s: keyword %r not in any gold note" % (qid, k))
    t = q.get("ticker")
    check(t is None or isinstance(t, str), "%s: ticker type" % qid)
    if q.get("typo"):
        check(q["kind"] == "factual", "%s: typo questions are kind factual" % qid)
    if q.get("unknown_company"):
        check(t in INVENTED, "%s: unknown_company question must carry an invented ticker" % qid)
    if t in INVENTED:
        check(q.get("unknown_company") is True, "%s: invented ticker without unknown_company" % qid)
    if q["kind"] == "follow_up":
        prev = qs[i - 2] if i >= 2 else None
        check(prev is not None and q.get("follows") == prev.get("id"), "%s: follows must be the record before" % qid)
        check(prev is not None and prev.get("ticker") == t, "%s: follow-up ticker differs from parent" % qid)
        check(not any(re.search(rx, q["question"], re.I) for _, rx in COMPANIES.values()) and
              not re.search(r"dollarstore|north face|kfc|pizza hut", q["question"], re.I),
              "%s: follow-up names a company" % qid)
    elif "follows" in q:
        fail("%s: only follow_up carries follows" % qid)
    if "near_miss" in q:
        check(q["kind"] == "no_answer" and q["near_miss"] in NM_KINDS, "%s: bad near_miss" % qid)
    if q["kind"] in ("comparison", "general"):
        check(t is None, "%s: %s questions carry ticker null" % (qid, q["kind"]))
    # answering notes must be about the asked company
    if t in COMPANIES and q["kind"] != "no_answer":
        for g in q["gold_notes"]:
            check(t in NOTE_COMPANIES[g], "%s: gold %s is not about %s" % (qid, g, t))
    # single-company fact questions: every note of that company holding all keywords is gold
    if q["kind"] in ("factual", "follow_up") and t in COMPANIES:
        holders = [n for n in company_notes(t) if all(k.lower() in notes[n].lower() for k in kw)]
        check(set(holders) <= set(q["gold_notes"]), "%s: notes %s also answer but are not gold" %
              (qid, sorted(set(holders) - set(q["gold_notes"]))))
        for g in q["gold_notes"]:
            check(any(k.lower() in notes[g].lower() for k in kw), "%s: gold %s holds no keyword" % (qid, g))

kinds = {}
for q in qs:
    key = q["kind"]
    if q.get("typo"):
        key = "typo"
    if q.get("unknown_company"):
        key = "unknown_company"
    kinds[key] = kinds.get(key, 0) + 1
WANT = {"factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3, "typo": 2,
        "unknown_company": 9, "no_answer": 24}
check(kinds == WANT, "category counts %s, want %s" % (kinds, WANT))

# factual questions answered from long notes: 2 from tables, 2 from prose
LONG_FACTUAL = {"q017": "table", "q018": "table", "q019": "prose", "q020": "prose"}
for qid, where in LONG_FACTUAL.items():
    q = byid[qid]
    check(q["kind"] == "factual" and len(q["gold_notes"]) == 1 and q["gold_notes"][0].endswith(".md"),
          "%s should be answered from one long note" % qid)
    body = notes[q["gold_notes"][0]]
    tlines = [l for l in body.split("\n") if l.startswith("|")]
    plines = [l for l in body.split("\n") if not l.startswith(("|", "#", "---"))]
    k = q["answer_keywords"][0]
    if where == "table":
        check(any(k in l for l in tlines), "%s keyword should sit in a table" % qid)
    else:
        check(any(k in l for l in plines) and not any(k in l for l in tlines), "%s keyword should sit in prose" % qid)
q = byid["q040"]
check(q.get("unknown_company") and q["gold_notes"] == ["skvd-annual-report-2049.md"] and
      any(q["answer_keywords"][0] in l for l in notes[q["gold_notes"][0]].split("\n") if l.startswith("|")),
      "q040 should be the unknown-company question answered from a long-note table")
check(sum(1 for q in qs if q.get("unknown_company") and q["kind"] != "no_answer") == 7, "7 answerable unknown")
check(sum(1 for q in qs if q.get("unknown_company") and q["kind"] == "no_answer" and q.get("near_miss")) == 2,
      "2 unknown-company near misses")
check({q["kind"] for q in qs if q.get("unknown_company") and q["kind"] != "no_answer"} ==
      {"factual", "risk", "sentiment"}, "unknown-company kinds")

# comparisons: 2 from the comparison notes, 2 needing notes on two companies
for q in qs:
    if q["kind"] == "comparison":
        comps = set(c for g in q["gold_notes"] for c in NOTE_COMPANIES[g])
        check(len(comps) == 2, "%s: comparison should involve two companies" % q["id"])
check(sum(1 for q in qs if q["kind"] == "comparison" and q["gold_notes"] and
          all(g in COMPARISON_NOTES for g in q["gold_notes"])) == 2, "2 comparisons from comparison notes")
check(sum(1 for q in qs if q["kind"] == "comparison" and
          not any(g in COMPARISON_NOTES for g in q["gold_notes"]) and len(q["gold_notes"]) == 2) == 2,
      "2 comparisons needing notes on two companies")

# general themes: the regex picks exactly the gold set, across several companies
THEMES = {"q031": r"\btariffs?\b", "q032": r"\bbuy-?backs?\b|\brepurchas", "q033": r"\bweather\b"}
for qid, rx in THEMES.items():
    q = byid[qid]
    got = sorted(n for n, txt in notes.items() if re.search(rx, txt, re.I))
    check(q["kind"] == "general" and sorted(q["gold_notes"]) == got,
          "%s: theme regex gives %s, gold is %s" % (qid, got, q["gold_notes"]))
    check(len(set(c for g in got for c in NOTE_COMPANIES[g])) >= 3, "%s: theme should span companies" % qid)
check(sorted(q["id"] for q in qs if q["kind"] == "general") == sorted(THEMES), "general ids")

# risk: gold = every note about the company; keywords are risk words from those notes
for q in qs:
    if q["kind"] == "risk":
        check(sorted(q["gold_notes"]) == company_notes(q["ticker"]), "%s: risk gold should be all notes on %s" %
              (q["id"], q["ticker"]))
        for k in q["answer_keywords"]:
            check(any(re.search(r"risk|uncertaint|downside|could|worry|exposure|include", s, re.I) and k.lower() in s.lower()
                      for g in q["gold_notes"] for s in sentences(notes[g].replace("\n", " "))),
                  "%s: keyword %r does not sit in a risk sentence" % (q["id"], k))

# sentiment: gold = the company's own short notes; keywords = their labels
for q in qs:
    if q["kind"] == "sentiment":
        own = [n for n in company_notes(q["ticker"], (".txt",)) if n not in COMPARISON_NOTES]
        check(sorted(q["gold_notes"]) == own, "%s: sentiment gold should be %s" % (q["id"], own))
        labs = sorted(set(parsed[n]["label"] for n in own if n in parsed))
        check(sorted(q["answer_keywords"]) == labs, "%s: sentiment keywords should be %s" % (q["id"], labs))
        check(not any(g in COMPARISON_NOTES for g in q["gold_notes"]), "%s: company in a comparison note" % q["id"])

# ---------------------------------------------------------------- near misses
MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
WHEN = r"(20\d\d|\bQ[1-4]\b|\bH[12]\b|%s|next (year|quarter|month)|this (year|quarter|autumn|summer)|within)" % MONTHS
NEAR = {
    "q046": ("skvd-q1-2050.txt", "plans to open an assembly factory near Santiago, Chile, once a second Andean mining customer signs",
             r"(Chile|Santiago|Andean|Andes|South America)[^.\n]*" + WHEN, "SKVD"),
    "q047": ("lmbk-q1-2050.txt", "SeaRoot, a concentrated kelp biostimulant sold at EUR 14 per litre",
             r"\b\d[\d,.]*\s*(million |thousand )?(litres|liters|tonnes|units)\b(?! per)|SeaRoot (sales|volumes?) (of|reached|were)",
             "LMBK"),
    "q048": ("mycr-q4-2049.txt", "High Flex, High Volume and Global Technologies together contributed SEK 5,120 million",
             r"High Volume (division )?(net )?(sales|revenue|orders)[^.\n]*\d|High Volume (contributed|generated|reached|rose|fell|grew)",
             "MYCR.ST"),
    "q049": ("ifcn-fy2049.txt", "Security & Energy together generated USD 350 million",
             r"Security (&|and) Energy (market )?(sales|revenue)[^.\n]*\d|Security (&|and) Energy (contributed|generated|reached|rose|fell|grew)|Security (&|and) Energy \|",
             "IFCN.SW"),
    "q050": ("devyani-fy2049.txt", "Pizza Hut, Costa Coffee, the smaller brands and the international business together contributed INR 3,790 crore",
             r"Pizza Hut (India )?(revenue|sales)(?! fell)[^.\n]*(INR|crore)|Pizza Hut (contributed|generated|reached)",
             "DEVYANI.NS"),
    "q051": ("feihe-fy2049.txt", "adult milk powder, liquid milk and nutrition supplements together contributed RMB 2,550 million",
             r"adult (milk powder|nutrition) (revenue|sales)[^.\n]*\d|adult milk powder (contributed|generated|reached|rose|fell|grew)",
             "6186.HK"),
    "q052": ("mycr-q1-2050.txt", "Swedish industrial compounders such as Lagercrantz", r"Lagercrantz[^.\n]*\d", None),
    "q053": ("tokman-q1-2050.txt", "Puuilo continues to open large stores in the same retail parks", r"Puuilo[^.\n]*\d", None),
    "q054": ("goldwin-fy2049.txt", "Workman competes at the value end with technical outerwear", r"Workman[^.\n]*\d", None),
    "q055": ("devyani-fy2049.txt", "Sapphire Foods, which runs the same brands in other regions", r"Sapphire Foods[^.\n]*\d", None),
    "q056": ("mycr-q1-2050.txt", "the Prexision Ultra mask writer, a multi-beam laser system listed at about SEK 600 million per tool",
             r"\b\d[\d,]*\s*(Prexision|mask writers|tools|units|systems)\b|Prexision Ultra (units|tools|orders)[^.\n]*\d",
             "MYCR.ST"),
    "q057": ("elmos-q1-2050.txt", "priced at about EUR 1.20 per chip and able to control 96 RGB channels",
             r"\b\d[\d,.]*\s*(million |billion )?(units|chips|pieces|drivers)\b", "ELG.DE"),
    "q058": ("goldwin-outlook.txt", "a down jacket insulated with brewed protein fibre under The North Face label this autumn at a price of JPY 120,000",
             r"\b\d[\d,.]*\s*(million |thousand )?(units|jackets|pieces)\b", "8111.T"),
    "q059": ("tokman-dollarstore.txt", "launched the Tokmanni Plus loyalty app, which offers personal price discounts, digital receipts and a points wallet",
             r"\b\d[\d,.]*\s*(million |thousand )?(users|members|downloads|app)\b|Tokmanni Plus[^.\n]*\d", "TOKMAN.HE"),
    "q060": ("tokman-dollarstore.txt", "A pilot in Norway would follow only once Dollarstore's margin is back above 4%",
             r"Norw(ay|egian)[^.\n]*" + WHEN, "TOKMAN.HE"),
    "q061": ("feihe-fy2049.txt", "shipments to the United States would begin once American regulators approve the facility",
             r"(Kingston|shipments to the United States|export plan|exports? to the United States)[^.\n]*" + WHEN, "6186.HK"),
    "q062": ("ifcn-q1-2050.txt", "build a second production plant in Penang, Malaysia, once orders from Asian chamber makers justify the added capacity",
             r"(Penang|Malaysia)[^.\n]*" + WHEN, "IFCN.SW"),
    "q063": ("elmos-q1-2050.txt", "the suspended share buyback will restart once the inventory correction at tier-one suppliers is over",
             r"buy-?back[^.\n]*" + WHEN, "ELG.DE"),
    "q064": ("elmos-fy2049.txt", "EBIT of EUR 145 million, a margin of 21.0%",
             r"net (profit|income)|profit after tax|after-tax profit|earnings per share|\bEPS\b", "ELG.DE"),
    "q065": ("goldwin-fy2049.txt", "operating profit of JPY 27.3 billion, a margin of 19.2%",
             r"earnings per share|\bEPS\b|net (profit|income)|profit attributable", "8111.T"),
    "q066": ("pair-devyani-feihe.txt", "Devyani pays no dividend and reinvests its cash flow in new stores",
             r"free cash flow|\bFCF\b|operating cash flow|cash flow (of|was|reached) ", "DEVYANI.NS"),
    "q067": ("feihe-fy2049.txt", "net profit of RMB 4,210 million, a net margin of 19.5%",
             r"operating cash flow|cash (flow )?from operations|cash flow from operating|free cash flow", "6186.HK"),
}
for qid, (note, nearby, absent, t) in NEAR.items():
    q = byid.get(qid, {})
    check(q.get("kind") == "no_answer" and q.get("near_miss"), "%s should be a near miss" % qid)
    check(nearby in notes.get(note, ""), "%s: nearby text missing from %s" % (qid, note))
    scope = company_notes(t) if t else sorted(notes)
    check(note in scope, "%s: pointed note outside scope" % qid)
    for n in scope:
        m = re.search(absent, notes[n], re.I)
        check(m is None, "%s: absent-fact regex matches %s: %r" % (qid, n, m.group(0) if m else ""))
    if t:
        check(q.get("ticker") == t, "%s: ticker should be %s" % (qid, t))
nm_main = [q for q in qs if q.get("near_miss") and not q.get("unknown_company")]
for k in NM_KINDS:
    check(sum(1 for q in nm_main if q["near_miss"] == k) == 4, "want 4 near misses of kind %s" % k)
check(sorted(q["id"] for q in qs if q.get("near_miss")) == sorted(NEAR), "near-miss ids")
for q in qs:
    if q.get("near_miss") == "passing_company":
        hit = [p for p in PASSING if p.lower() in q["question"].lower()]
        check(len(hit) == 1 and q["ticker"] == PASSING[hit[0]], "%s: passing company question" % q["id"])
    if q.get("near_miss") == "undated_event":
        check(q["question"].startswith("when "), "%s: undated_event asks 'when'" % q["id"])
        note, nearby = NEAR[q["id"]][:2]
        check(" once " in nearby, "%s: nearby text should say 'once'" % q["id"])

# no-notes companies, off-topic question, uncovered period
OTHER_NA = {"q068": ["Kalyan"], "q069": ["Nongfu"], "q070": ["ramen", "Lisbon"], "q071": ["2046"]}
for qid, terms in OTHER_NA.items():
    q = byid.get(qid, {})
    check(q.get("kind") == "no_answer" and "near_miss" not in q, "%s kind" % qid)
    for term in terms:
        check(term.lower() in q.get("question", "").lower(), "%s should ask about %s" % (qid, term))
        for n, txt in notes.items():
            check(re.search(r"\b%s\b" % re.escape(term), txt, re.I) is None, "%s: term %s found in %s" % (qid, term, n))
check(byid["q068"]["ticker"] == NO_NOTES["Kalyan Jewellers"] and byid["q069"]["ticker"] == NO_NOTES["Nongfu Spring"],
      "no-notes tickers")
check(byid["q070"]["ticker"] is None, "off-topic ticker null")

# ---------------------------------------------------------------- exclusions
def read_list(name):
    with open(os.path.join(EXCLUDED_DIR, name), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


EXTRA = ("Medacta, Fiskars, Hugo Boss, Zozo, Breville, Nestle India, CTS Eventim, Galenica, Ströer, Welcia, "
         "Jubilant FoodWorks, Kuaishou, Relaxo, Vaisala, Harvia, De'Longhi, Fielmann, Lynas, Tata Consumer, "
         "Eicher Motors, Netwealth, Hub24, a2 Milk, Astral, Nykaa, TVS Motor, Sprouts Farmers Market, "
         "Abercrombie & Fitch, Workiva, Paylocity, Five9, Doximity, Yum China, Pop Mart, Scout24, TJX, Kahoot, "
         "Miniso, Hemnet, NICE, Colgate-Palmolive India, Bajaj Auto, Wix, Zomato, Victoria's Secret, "
         "Bath & Body Works, Hims & Hers, Braze, Confluent, Cellebrite, Xtep, Haidilao, Avenue Supermarts, "
         "Urban Outfitters, Rubrik, Monday.com, Bilibili, Mixue, Just Eat Takeaway, Adevinta, Info Edge, "
         "Britannia, Jenoptik, Elkem, Revenio, Bossard, Mercari, Bata India, Vitasoy, Stabilus, Bufab, Sansan, "
         "Metro Brands, Kajaria Ceramics, Freshpet, Sprinklr, Alkami, Jamf, Sprout Social, Kura Sushi, Vita Coco, "
         "Bosideng, Topsports, Schibsted, Yext, Portillo's, First Watch, Oatly, Man Wah, Amplitude, Viaplay, "
         "Nazara, Deliveroo, Appian, PagerDuty, Clearwater Analytics, Grocery Outlet, Krispy Kreme, Progyny, "
         "Yadea, Chow Tai Fook, Netcompany, BigCommerce, Utz Brands, GoodRx, Luk Fook, Geely, SimCorp, "
         "Hinge Health, Happiest Minds, Birkenstock").split(", ")
COINED = ["Cranmoor", "Orvelant", "Ombrisal", "Dravenholt", "Zelquist", "Hollenvika", "Tumbrevik", "Quintharo"]
AVOID_SECTORS = ["geothermal drilling", "seed genetics", "tunnel boring", "toll bridges", "textile recycling"]

try:
    ex_names = read_list("excluded_names.txt")
    ex_ticks = read_list("excluded_tickers.txt")
except OSError as e:
    fail("cannot read exclusion lists in %s: %s" % (EXCLUDED_DIR, e))
    ex_names, ex_ticks = [], []
terms = ex_names + ex_ticks + EXTRA + COINED


def term_rx(term):
    # word boundary, case-insensitive; a dotted ticker such as ELG.DE counts as one token
    return re.compile(r"(?<!\w)(?<!\w\.)" + re.escape(term) + r"(?!\w)(?!\.\w)", re.I)


TERM_RX = [(tm, term_rx(tm)) for tm in terms]
# vocabulary the brief itself prescribes (footer labels, category names); allowed only where noted
FOOTER_ALLOW = {"sentiment", "neutral", "mildly positive", "mildly negative", "strongly positive", "strongly negative"}
README_ALLOW = FOOTER_ALLOW | {"factual", "risk", "comparison", "general", "typo"}


def scan(where, text, allow=()):
    for tm, rx in TERM_RX:
        if tm.lower() in allow:
            continue
        m = rx.search(text)
        if m:
            s = max(0, m.start() - 25)
            fail("exclusion: %r in %s: ...%s..." % (tm, where, text[s:m.end() + 25].replace("\n", " ")))


for n, txt in notes.items():
    if n in parsed:
        lines = txt.split("\n")
        k = [i for i, l in enumerate(lines) if "DemoOverall" in l][0]
        scan(n, "\n".join(lines[:k]))
        scan(n + " (footer)", "\n".join(lines[k:]), FOOTER_ALLOW)
    else:
        scan(n, txt)
for q in qs:
    scan(q.get("id", "?") + " question", q.get("question", ""))
readme_path = os.path.join(HERE, "README.md")
if check(os.path.exists(readme_path), "README.md missing"):
    readme = open(readme_path, encoding="utf-8").read()
    scan("README.md", readme, README_ALLOW)
    for qid in NEAR:
        check(qid in readme, "README does not list near miss %s" % qid)
    for t in REAL + INVENTED:
        check(t in readme, "README companies section lacks %s" % t)

# invented names: no word shared with any excluded name, no excluded ticker, no avoided sector
ex_words = set()
for nm in ex_names + EXTRA + COINED:
    ex_words.update(w.lower() for w in re.findall(r"[\w']+", nm))
ex_tick_set = {t.upper() for t in ex_ticks}
for t in INVENTED:
    name = COMPANIES[t][0]
    shared = [w for w in re.findall(r"[\w']+", name) if w.lower() in ex_words]
    check(not shared, "invented name %s shares words %s with excluded names" % (name, shared))
    check(t.upper() not in ex_tick_set, "invented ticker %s is excluded" % t)
    for sec in AVOID_SECTORS:
        check(sec not in " ".join(notes[n] for n in company_notes(t)).lower(), "%s touches avoided sector %s" % (t, sec))
for t in REAL + list(PASSING.values()) + list(NO_NOTES.values()):
    check(t.upper() not in ex_tick_set, "ticker %s is excluded" % t)

# ---------------------------------------------------------------- result
if FAIL:
    for m in FAIL:
        print("FAIL:", m)
    print("%d failure(s)" % len(FAIL))
    sys.exit(1)
print("OK")
