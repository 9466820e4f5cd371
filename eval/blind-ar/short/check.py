#!/usr/bin/env python3
"""Self-check for the blind content evaluation set (ar-short). Stdlib only.

Run from anywhere:  python3 check.py
Prints OK when every check passes, otherwise one line per problem and exit code 1.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = "/work/blind-prompts"  # excluded_names.txt / excluded_tickers.txt (skipped if absent)

# --------------------------------------------------------------------------- companies
# key -> (display name, ticker, symbols allowed in "TICKER score" lines, name patterns)
COMPANIES = {
    "sobi": ("Sobi", "SOBI.ST", {"SOBI", "SOBI.ST"}, [r"\bSobi\b"]),
    "hella": ("Hella", "HLE.DE", {"HLE", "HLE.DE"}, [r"\bHella\b"]),
    "yakult": ("Yakult Honsha", "2267.T", {"2267", "2267.T"}, [r"\bYakult\b"]),
    "shenzhou": ("Shenzhou International", "2313.HK", {"2313", "2313.HK"}, [r"\bShenzhou\b"]),
    "cucinelli": ("Brunello Cucinelli", "BC.MI", {"BC.MI"}, [r"\bCucinelli\b"]),
    "comet": ("Comet Holding", "COTN.SW", {"COTN", "COTN.SW"}, [r"\bComet\b"]),
    "dixon": ("Dixon Technologies", "DIXON.NS", {"DIXON", "DIXON.NS"}, [r"\bDixon\b"]),
    # invented
    "prennvolk": ("Prennvolk Hydrogen Pipelines", "PRHP", {"PRHP"}, [r"\bPrennvolk\b"]),
    "sarquelle": ("Sarquelle Veterinary Clinics", "SQVC", {"SQVC"}, [r"\bSarquelle\b"]),
}
REAL = ["sobi", "hella", "yakult", "shenzhou", "cucinelli", "comet", "dixon"]
INVENTED = ["prennvolk", "sarquelle"]
TICKER_TO_KEY = {v[1]: k for k, v in COMPANIES.items()}

# which covered companies each note is about
NOTE_COMPANIES = {
    "sobi-fy2040.txt": ["sobi"],
    "sobi-velnora-launch.txt": ["sobi"],
    "sobi-q1-2041.txt": ["sobi"],
    "hella-fy2040.txt": ["hella"],
    "hella-mexico-plant.txt": ["hella"],
    "hella-comet-cyclicals.txt": ["hella", "comet"],
    "yakult-fy2040-results.txt": ["yakult"],
    "yakult-lumina-launch.txt": ["yakult"],
    "yakult-china-volumes.txt": ["yakult"],
    "shenzhou-fy2040.txt": ["shenzhou"],
    "shenzhou-vietnam-capacity.txt": ["shenzhou"],
    "shenzhou-cucinelli-apparel.txt": ["shenzhou", "cucinelli"],
    "cucinelli-fy2040.txt": ["cucinelli"],
    "cucinelli-h1-2041.txt": ["cucinelli"],
    "comet-fy2040.txt": ["comet"],
    "comet-rf-generator.txt": ["comet"],
    "dixon-display-jv.txt": ["dixon"],
    "dixon-q1-fy42.txt": ["dixon"],
    "prennvolk-fy2040.txt": ["prennvolk"],
    "prennvolk-capacity-auction.txt": ["prennvolk"],
    "sarquelle-fy2040.txt": ["sarquelle"],
    "sarquelle-q1-2041.txt": ["sarquelle"],
    # long notes
    "comet-ar2040-segments.md": ["comet"],
    "dixon-q4fy41-results.md": ["dixon"],
    "prennvolk-ar2040-operating-review.md": ["prennvolk"],
    "prennvolk-ar2040-financial-review.md": ["prennvolk"],
}

# real companies mentioned only in passing: name -> (note, ticker)
PASSING = {
    "Valeo": ("hella-mexico-plant.txt", "FR.PA"),
    "Meiji Holdings": ("yakult-lumina-launch.txt", "2269.T"),
    "MKS Instruments": ("comet-rf-generator.txt", "MKSI"),
    "Anta Sports": ("shenzhou-vietnam-capacity.txt", "2020.HK"),
}
# real companies with no notes at all (no-answer questions)
NO_NOTE_COMPANIES = {"Chugai Pharmaceutical": "4519.T", "Dino Polska": "DNP.WA"}

# names excluded on top of the files in EXCL_DIR (except the companies this set covers)
EXTRA_EXCLUDED = ["Sobi", "Hella", "Yakult", "Shenzhou International", "Brunello Cucinelli", "Comet Holding",
                  "Dixon Technologies", "Ypsomed", "Pan Pacific International", "Aalberts", "Marico", "REA Group",
                  "Tsumura", "Bolloré", "Dutch Bros", "Toast", "Procore", "Williams-Sonoma", "Menicon",
                  "Ryohin Keikaku", "Bechtle", "Page Industries", "JB Hi-Fi", "Floor & Decor", "Boot Barn",
                  "Nutanix", "GitLab", "Auto1", "HelloFresh", "Dabur", "Carl Zeiss Meditec", "AppFolio"]
COVERED_NAMES = {"Sobi", "Hella", "Yakult", "Shenzhou International", "Brunello Cucinelli", "Comet Holding",
                 "Dixon Technologies"}

# --------------------------------------------------------------------------- note format
TAGLINES = [
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research and real-time alerts, built for portfolio managers.",
    "Smarter signals for professional investors: research, alerts and analytics in one place.",
    "Track every catalyst across your coverage universe with real-time research alerts.",
]
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABEL_BANDS = {  # label -> inclusive score band
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.15, 0.5),
    "neutral": (-0.15, 0.15),
    "mildly negative": (-0.5, -0.15),
    "strongly negative": (-1.0, -0.5),
}
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9]+(?:\.[A-Z]+)?)(:?) (-?\d\.\d\d)$")

# --------------------------------------------------------------------------- themes (general questions)
THEMES = {
    "tariffs": r"\btariffs?\b",
    "labour": r"\b(wage|wages|labour|labor)\b",
    "currency": r"\bcurrency\b",
}

# --------------------------------------------------------------------------- near misses
# id -> (note, nearby text that must occur, absent-fact regex, extra notes the regex must not match either)
NEAR_MISS = {
    # segment_figure
    "q003": ("hella-fy2040.txt", "with the Lighting segment contributing \u20ac4.1 billion",
             r"Electronics[^.\n]*\u20ac", ["hella-mexico-plant.txt", "hella-comet-cyclicals.txt"]),
    "q017": ("yakult-fy2040-results.txt", "the Americas, where US distribution is expanding into mainstream grocery",
             r"Americas[^.\n]*\u00a5", ["yakult-lumina-launch.txt", "yakult-china-volumes.txt"]),
    "q035": ("cucinelli-fy2040.txt", "with Europe contributing \u20ac0.79 billion",
             r"Asia[^.\n]*\u20ac", ["cucinelli-h1-2041.txt", "shenzhou-cucinelli-apparel.txt"]),
    "q066": ("sobi-fy2040.txt", "Immunology remains the swing factor for consensus",
             r"Immunology[^.\n]*SEK", ["sobi-q1-2041.txt", "sobi-velnora-launch.txt"]),
    # passing_company
    "q005": ("hella-mexico-plant.txt", "Valeo is chasing the same radar programmes with its own sensor suite",
             r"Valeo[^.\n]*\d", []),
    "q020": ("yakult-lumina-launch.txt", "Meiji Holdings has been pushing its own sleep-support yogurt drinks",
             r"Meiji[^.\n]*\d", []),
    "q029": ("shenzhou-vietnam-capacity.txt", "Anta Sports has been broadening its own supplier base",
             r"Anta[^.\n]*\d", []),
    "q046": ("comet-rf-generator.txt", "MKS Instruments remains the incumbent RF power supplier",
             r"MKS[^.\n]*\d", []),
    # product_metric
    "q022": ("yakult-lumina-launch.txt", "priced at \u00a5180 per bottle",
             r"(million|bottles (sold|a day|per day)|units sold)", []),
    "q037": ("cucinelli-h1-2041.txt", "with jackets priced from \u20ac9,800",
             r"(Sartoria Solomeo|made-to-measure)[^.\n]*(revenue|sales|orders|units|pieces)", []),
    "q047": ("comet-rf-generator.txt", "carries a list price of CHF 86,000",
             r"Cuvaro[^.\n]*(\d+ units|shipped|shipments|revenue|sales)", ["comet-fy2040.txt",
                                                                         "comet-ar2040-segments.md"]),
    "q065": ("sobi-velnora-launch.txt", "at a wholesale acquisition cost of $38,500 per four-week pack",
             r"(patients (started|on therapy|treated)|Velnora (sales|revenue) (of|were|reached|totall?ed))",
             ["sobi-q1-2041.txt", "sobi-fy2040.txt"]),
    # undated_event
    "q012": ("hella-mexico-plant.txt", "Series production in Irapuato will begin once",
             r"Irapuato[^.\n]*(20\d\d|\bQ[1-4]\b|\bH[12]\b|half|quarter|month|year)", []),
    "q031": ("shenzhou-vietnam-capacity.txt", "will start trial runs once local environmental permits are granted",
             r"Indonesia\w*[^.\n]*(20\d\d|\bQ[1-4]\b|\bH[12]\b|half|quarter|month|year)", []),
    "q049": ("comet-fy2040.txt", "once customer qualification is complete",
             r"Penang[^.\n]*(20\d\d|\bQ[1-4]\b|\bH[12]\b|half|quarter|month|year)", ["comet-ar2040-segments.md"]),
    "q055": ("dixon-display-jv.txt", "will start once approval under the government",
             r"(joint venture|\bJV\b|display module)[^.\n]*(20\d\d|FY\d\d|\bQ[1-4]\b|\bH[12]\b|quarter|month)",
             ["dixon-q1-fy42.txt", "dixon-q4fy41-results.md"]),
    # other_measure
    "q009": ("sobi-q1-2041.txt", "Adjusted EBITA was SEK 3.0 billion",
             r"(\bEPS\b|earnings per share|net (profit|income)|profit after tax)",
             ["sobi-fy2040.txt", "sobi-velnora-launch.txt"]),
    "q027": ("shenzhou-fy2040.txt", "gross margin widened 120 basis points to 27.9%",
             r"(\bEPS\b|earnings per share|net (profit|income)|profit after tax|profit attributable)",
             ["shenzhou-vietnam-capacity.txt", "shenzhou-cucinelli-apparel.txt"]),
    "q039": ("cucinelli-h1-2041.txt", "first-half 2041 revenue grew 8.9% at constant exchange rates",
             r"\u20ac\s?[\d.,]+\s?(billion|million|bn|m)\b", []),
    "q042": ("comet-fy2040.txt", "The EBITDA margin improved to 19.8% from 16.9%",
             r"(\bEPS\b|earnings per share|net (profit|income)|profit after tax)",
             ["comet-rf-generator.txt", "hella-comet-cyclicals.txt", "comet-ar2040-segments.md"]),
}
# other no-answer questions: id -> (regex that must not occur, notes it must not occur in; None = all notes)
NO_ANSWER_ABSENT = {
    "q015": (r"Chugai", None),                                   # real company, no notes
    "q069": (r"Dino Polska", None),                              # real company, no notes
    "q070": (r"sourdough|starter", None),                        # off-topic
    "q071": (r"(Q3 2042|third quarter of 2042|2042 order)", None),  # period no note covers
    "q040": (r"dividend", ["prennvolk-fy2040.txt", "prennvolk-capacity-auction.txt",
                           "prennvolk-ar2040-operating-review.md", "prennvolk-ar2040-financial-review.md"]),
    "q062": (r"German", ["sarquelle-fy2040.txt", "sarquelle-q1-2041.txt"]),
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# --------------------------------------------------------------------------- figure consistency
# (note, snippet that must occur verbatim, computed value, stated value, tolerance)
FIGURES = [
    ("sobi-fy2040.txt", "a margin of 36.5%", 11.4 / 31.2 * 100, 36.5, 0.1),
    ("sobi-q1-2041.txt", "37% margin in the quarter", 3.0 / 8.1 * 100, 37.0, 0.5),
    ("hella-comet-cyclicals.txt", "a book-to-bill of 1.35", 2.9 / 2.15, 1.35, 0.005),
    ("hella-comet-cyclicals.txt", "a book-to-bill of 1.18", 231 / 196, 1.18, 0.005),
    ("yakult-fy2040-results.txt", "an operating margin of 12.1%", 61.8 / 512.4 * 100, 12.1, 0.05),
    ("comet-fy2040.txt", "up 14.6%", (742.3 / 647.7 - 1) * 100, 14.6, 0.05),
    ("comet-fy2040.txt", "improved to 19.8% from 16.9%", 147.0 / 742.3 * 100, 19.8, 0.05),
    ("comet-ar2040-segments.md", "| Total Group | 109.5 | 147.0 |", 109.5 / 647.7 * 100, 16.9, 0.05),
    ("comet-fy2040.txt", "implies growth of roughly 8-15%", (850 / 742.3 - 1) * 100, 15.0, 0.6),
    ("comet-ar2040-segments.md", "equivalent to 11.2% of revenue", 83.1 / 742.3 * 100, 11.2, 0.05),
    ("comet-ar2040-segments.md", "| Plasma Control Technologies | 23.2% | 27.0% |", 124.1 / 459.6 * 100, 27.0, 0.05),
    ("comet-ar2040-segments.md", "| Plasma Control Technologies | 382.1 | 459.6 | +20.3% |",
     (459.6 / 382.1 - 1) * 100, 20.3, 0.05),
    ("dixon-q4fy41-results.md", "rose 37.1% to \u20b968,400 crore", (68400 / 49900 - 1) * 100, 37.1, 0.05),
    ("dixon-q4fy41-results.md", "rose 43.5% to \u20b91,012 crore", (1012 / 705 - 1) * 100, 43.5, 0.05),
    ("dixon-q4fy41-results.md", "revenue grew 34.8% year on year", (19217 / 14260 - 1) * 100, 34.8, 0.05),
    ("dixon-q1-fy42.txt", "a 4.0% margin", 790 / 19850 * 100, 4.0, 0.05),
    ("dixon-q1-fy42.txt", "growth of roughly 24%", (85000 / 68400 - 1) * 100, 24.0, 0.5),
    ("dixon-q1-fy42.txt", "rose 31% y/y to \u20b919,850 crore", (19850 / 15153 - 1) * 100, 31.0, 0.1),
    ("prennvolk-fy2040.txt", "up 19%", (612 / 514 - 1) * 100, 19.0, 0.2),
    ("prennvolk-ar2040-financial-review.md", "| EBITDA margin | 63.6% | 65.0% |", 398 / 612 * 100, 65.0, 0.05),
    ("prennvolk-ar2040-financial-review.md", "EBITDA increased 21.7%", (398 / 327 - 1) * 100, 21.7, 0.05),
    ("prennvolk-ar2040-financial-review.md", "grew by \u20ac1,150 million to \u20ac7,800 million",
     6650 + 1050 + 230 - 130, 7800, 0),
    ("prennvolk-ar2040-financial-review.md", "Net debt increased by \u20ac780 million", 1050 - 270, 780, 0),
    ("prennvolk-ar2040-financial-review.md", "Segment EBITDA rose to \u20ac301 million", 301 + 71 + 26, 398, 0),
    ("prennvolk-ar2040-operating-review.md", "| Network length (km) | 1,640 | 1,910 |", 1640 + 120 + 150, 1910, 0),
    ("sarquelle-fy2040.txt", "1,212 sites", 1212, 1212, 0),
]

PROBLEMS = []


def fail(msg):
    PROBLEMS.append(msg)


# --------------------------------------------------------------------------- helpers
def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        if fn.endswith((".txt", ".md")):
            with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as f:
                notes[fn] = f.read()
    return notes


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u00a5\u20ac$])", text.strip()) if s]


def parse_short(text):
    """Parse a short note; raise ValueError on a format problem."""
    lines = text.split("\n")
    final_nl = text.endswith("\n")
    if final_nl:
        lines = lines[:-1]
    i = 0
    first = None
    if lines[0] == "" or lines[0].startswith("Date:"):
        first = lines[0]
        if first and not re.fullmatch(r"Date: (\d{4})-(\d{2})-(\d{2})", first):
            raise ValueError("bad Date line %r" % first)
        i = 1
    body = lines[i:]
    if len(body) < 8:
        raise ValueError("too few lines")
    news, analysis, tag, demo, label, ss, score, ts = body[:8]
    tickers = body[8:]
    if demo not in DEMO_LINES:
        raise ValueError("bad demo line %r" % demo)
    if tag not in TAGLINES:
        raise ValueError("unknown tagline %r" % tag)
    if label not in LABEL_BANDS:
        raise ValueError("bad label %r" % label)
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        raise ValueError("sentiment block out of order")
    sc = float(score)
    lo, hi = LABEL_BANDS[label]
    if not lo <= sc <= hi:
        raise ValueError("score %s outside band of %r" % (score, label))
    parsed = []
    for t in tickers:
        m = TICKER_LINE.match(t)
        if not m:
            raise ValueError("bad ticker line %r" % t)
        parsed.append((m.group(2), float(m.group(4)), t))
    return dict(first=first, news=news, analysis=analysis, tag=tag, demo=demo, label=label, score=sc,
                tickers=parsed, final_nl=final_nl)


def theme_matches(notes, theme):
    rx = re.compile(THEMES[theme], re.I)
    return sorted(n for n, t in notes.items() if rx.search(t))


def parse_md(text):
    m = re.match(r"---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        raise ValueError("no front matter")
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    return fm, m.group(2)


def md_prose_words(body):
    keep = []
    for line in body.splitlines():
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("#") or re.fullmatch(r"\*\*[^*]+\*\*", s):
            continue
        keep.append(s)
    return len(" ".join(keep).split())


def md_tables(body):
    tables, cur = [], []
    for line in body.splitlines():
        if line.strip().startswith("|"):
            cur.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


def num(cell):
    c = cell.replace(",", "").replace("\u20b9", "").replace("\u20ac", "").strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", c):
        return float(c)
    return None


# --------------------------------------------------------------------------- checks
def check_notes(notes):
    short = {n: t for n, t in notes.items() if n.endswith(".txt")}
    long_ = {n: t for n, t in notes.items() if n.endswith(".md")}
    if len(short) != 22:
        fail("expected 22 short notes, found %d" % len(short))
    if len(long_) != 4:
        fail("expected 4 long notes, found %d" % len(long_))
    for n in notes:
        if n not in NOTE_COMPANIES:
            fail("note %s not in NOTE_COMPANIES" % n)
    stats = dict(date=0, blank=0, ticker=0, no_final_nl=0, curly=0, tags=set(), demos=set())
    for n, t in sorted(short.items()):
        try:
            p = parse_short(t)
        except ValueError as e:
            fail("%s: %s" % (n, e))
            continue
        if p["first"] is not None:
            stats["date" if p["first"] else "blank"] += 1
        if p["first"]:
            d = p["first"][6:]
            if not "2040-01-01" <= d <= "2041-08-31":
                fail("%s: date %s outside fiscal 2040 - mid 2041" % (n, d))
        ns = sentences(p["news"])
        if not 2 <= len(ns) <= 4:
            fail("%s: news paragraph has %d sentences" % (n, len(ns)))
        if not re.search(r"\d", p["news"]) or not re.search(r"(20[34]\d|FY\d\d)", p["news"]):
            fail("%s: news lacks a figure or its period" % n)
        w = len(p["analysis"].split())
        if not 180 <= w <= 240:
            fail("%s: analytic paragraph has %d words" % (n, w))
        comps = NOTE_COMPANIES.get(n, [])
        if p["tickers"]:
            stats["ticker"] += 1
            if len(p["tickers"]) != len(comps):
                fail("%s: %d ticker lines for %d companies" % (n, len(p["tickers"]), len(comps)))
            allowed = set().union(*(COMPANIES[c][2] for c in comps))
            for sym, sc, raw in p["tickers"]:
                if sym not in allowed:
                    fail("%s: ticker line %r not for a main company" % (n, raw))
                if not -1 <= sc <= 1:
                    fail("%s: ticker score out of range %r" % (n, raw))
        if not p["final_nl"]:
            stats["no_final_nl"] += 1
        if "\u2019" in t:
            stats["curly"] += 1
        stats["tags"].add(p["tag"])
        stats["demos"].add(p["demo"])
        for c in comps:
            if not any(re.search(rx, t) for rx in COMPANIES[c][3]):
                fail("%s: does not name %s" % (n, COMPANIES[c][0]))
    if not 9 <= stats["date"] <= 13:
        fail("about half the short notes should carry a Date line, found %d" % stats["date"])
    if stats["blank"] < 2:
        fail("expected some notes with a blank first line")
    if not 12 <= stats["ticker"] <= 14:
        fail("about 13 notes should carry ticker lines, found %d" % stats["ticker"])
    if stats["no_final_nl"] < 3 or stats["no_final_nl"] > 19:
        fail("some (not all) notes should lack a final newline: %d" % stats["no_final_nl"])
    if stats["curly"] < 3:
        fail("some notes should use curly apostrophes")
    if len(stats["tags"]) < 3:
        fail("taglines should vary (3-4 variants)")
    if len(stats["demos"]) != 2:
        fail("both Request a Demo / Request Demo variants should appear")

    # per-company coverage of short notes
    for c in REAL + INVENTED:
        k = [n for n in short if c in NOTE_COMPANIES.get(n, [])]
        lo, hi = (2, 3) if c in REAL else (2, 2)
        if not lo <= len(k) <= hi:
            fail("%s has %d short notes" % (c, len(k)))
    multi = [n for n in short if len(NOTE_COMPANIES.get(n, [])) == 2]
    if len(multi) != 2:
        fail("expected 2 comparison notes, found %d" % len(multi))

    # long notes
    long_comps = []
    for n, t in sorted(long_.items()):
        try:
            fm, body = parse_md(t)
        except ValueError as e:
            fail("%s: %s" % (n, e))
            continue
        for k in ("company", "ticker", "title", "date"):
            if not fm.get(k):
                fail("%s: front matter lacks %s" % (n, k))
        key = TICKER_TO_KEY.get(fm.get("ticker"))
        if key is None or [key] != NOTE_COMPANIES.get(n):
            fail("%s: front matter ticker %r does not match" % (n, fm.get("ticker")))
        long_comps.append(key)
        if not "2040-01-01" <= fm.get("date", "") <= "2041-08-31":
            fail("%s: date out of period" % n)
        w = md_prose_words(body)
        if not 900 <= w <= 1100:
            fail("%s: %d words of prose" % (n, w))
        if "Overall Sentiment" in t or "Sentiment Score" in t:
            fail("%s: long note must not carry a sentiment block" % n)
        if not re.search(r"\b(we|We|the Company)\b", body):
            fail("%s: not in company voice" % n)
        tables = md_tables(body)
        if not tables:
            fail("%s: no Markdown table" % n)
        if not any(re.search(r"(FY\d{2,4}|Q[1-4])", " ".join(tb[0])) for tb in tables):
            fail("%s: no fiscal-year/quarter columns" % n)
        for tb in tables:  # a "Total" row must equal the sum of the rows above it
            rows = [r for r in tb if not set("".join(r)) <= set("-:")]
            if rows and rows[-1][0].startswith("Total"):
                header = rows[0]
                for j in range(1, len(header)):
                    if re.search(r"(%|change)", header[j], re.I):
                        continue
                    vals = [num(r[j]) for r in rows[1:-1]]
                    tot = num(rows[-1][j])
                    if None in vals or tot is None:
                        continue
                    if abs(sum(vals) - tot) > 0.051:
                        fail("%s: table column %s sums to %.1f, total says %.1f" % (n, header[j], sum(vals), tot))
    real_long = sorted({c for c in long_comps if c in REAL})
    inv_long = [c for c in long_comps if c in INVENTED]
    if len(real_long) != 2 or len(inv_long) != 2 or len(set(inv_long)) != 1:
        fail("long notes should cover two real companies and one invented company twice: %r" % long_comps)

    # invented companies tied to their ticker in text
    for c in INVENTED:
        name, tick = COMPANIES[c][0], COMPANIES[c][1]
        if not any("%s (%s)" % (name, tick) in t for t in notes.values()):
            fail("%s never introduced as '%s (%s)'" % (c, name, tick))

    # passing mentions: one note, one sentence, no figures
    for name, (note, _tick) in PASSING.items():
        where = [n for n, t in notes.items() if name.split()[0] in t]
        if where != [note]:
            fail("passing company %s appears in %r (expected only %s)" % (name, where, note))
            continue
        sents = [s for s in sentences(notes[note].replace("\n", " ")) if name.split()[0] in s]
        if len(sents) != 1:
            fail("passing company %s appears in %d sentences" % (name, len(sents)))
        elif re.search(r"\d", sents[0]):
            fail("passing company sentence has a figure: %r" % sents[0])
    for name in NO_NOTE_COMPANIES:
        if any(name.split()[0] in t for t in notes.values()):
            fail("no-note company %s appears in a note" % name)

    for note, snippet, computed, stated, tol in FIGURES:
        if snippet not in notes.get(note, ""):
            fail("figure snippet %r not in %s" % (snippet, note))
        if abs(computed - stated) > tol + 1e-9:
            fail("inconsistent figure in %s: %r computed %.3f vs %.3f" % (note, snippet, computed, stated))


def check_qa(notes):
    try:
        with open(QA_PATH, encoding="utf-8") as f:
            qa = [json.loads(l) for l in f if l.strip()]
    except (OSError, ValueError) as e:
        fail("qa.jsonl unreadable: %s" % e)
        return []
    kinds = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
    allowed_keys = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo",
                    "unknown_company", "near_miss"}
    known_tickers = {v[1] for v in COMPANIES.values()} | {v[1] for v in PASSING.values()} | set(
        NO_NOTE_COMPANIES.values())
    cat = {}
    by_id = {}
    for i, q in enumerate(qa, 1):
        qid = q.get("id")
        if qid != "q%03d" % i:
            fail("id %r out of sequence at line %d" % (qid, i))
        by_id[qid] = q
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail("%s lacks %s" % (qid, k))
        if set(q) - allowed_keys:
            fail("%s has unknown keys %r" % (qid, set(q) - allowed_keys))
        if q["kind"] not in kinds:
            fail("%s bad kind %r" % (qid, q["kind"]))
        if q["ticker"] is not None and q["ticker"] not in known_tickers:
            fail("%s unknown ticker %r" % (qid, q["ticker"]))
        for g in q["gold_notes"]:
            if g not in notes:
                fail("%s gold note %s missing" % (qid, g))
        for kw in q["answer_keywords"]:
            if not any(kw.lower() in notes.get(g, "").lower() for g in q["gold_notes"]):
                fail("%s keyword %r not in any gold note" % (qid, kw))
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail("%s no_answer must have empty gold and keywords" % qid)
        elif not q["gold_notes"] or not q["answer_keywords"]:
            fail("%s answerable question needs gold and keywords" % qid)
        if q.get("unknown_company"):
            c = "unknown_company" if q["kind"] != "no_answer" else "unknown_company_unanswerable"
            if q["ticker"] not in {COMPANIES[k][1] for k in INVENTED}:
                fail("%s unknown_company with ticker %r" % (qid, q["ticker"]))
            if q["kind"] not in ("factual", "risk", "sentiment", "no_answer"):
                fail("%s unknown_company kind %r" % (qid, q["kind"]))
        elif q.get("typo"):
            c = "typo"
            if q["kind"] != "factual":
                fail("%s typo question must be factual" % qid)
            key = TICKER_TO_KEY[q["ticker"]]
            if any(re.search(rx, q["question"], re.I) for rx in COMPANIES[key][3]):
                fail("%s typo question spells the company correctly" % qid)
        elif q.get("near_miss"):
            c = "near_miss:" + q["near_miss"]
        else:
            c = q["kind"]
        cat[c] = cat.get(c, 0) + 1

        if q["kind"] == "follow_up":
            parent = by_id.get(q.get("follows"))
            if parent is None or qa[i - 2]["id"] != q.get("follows"):
                fail("%s must follow its parent directly" % qid)
            elif parent["ticker"] != q["ticker"]:
                fail("%s ticker differs from parent" % qid)
            for c2 in COMPANIES.values():
                if any(re.search(rx, q["question"], re.I) for rx in c2[3]) or c2[1].split(".")[0].lower() in \
                        q["question"].lower():
                    fail("%s follow-up names a company" % qid)
        elif "follows" in q:
            fail("%s has follows but is not a follow_up" % qid)

        if q["kind"] == "comparison":
            if q["ticker"] is not None:
                fail("%s comparison ticker must be null" % qid)
            comps = set()
            for g in q["gold_notes"]:
                comps.update(NOTE_COMPANIES.get(g, []))
            if len(comps) != 2:
                fail("%s comparison gold covers %r" % (qid, comps))

        if q["kind"] == "sentiment":
            key = TICKER_TO_KEY.get(q["ticker"])
            want = sorted(n for n in notes if n.endswith(".txt") and key in NOTE_COMPANIES.get(n, []))
            if sorted(q["gold_notes"]) != want:
                fail("%s sentiment gold %r != all short notes %r" % (qid, q["gold_notes"], want))
            try:
                labels = sorted({parse_short(notes[n])["label"] for n in want})
            except ValueError as e:
                fail("%s: cannot read sentiment labels (%s)" % (qid, e))
                labels = []
            if sorted(q["answer_keywords"]) != labels:
                fail("%s sentiment keywords %r != labels %r" % (qid, q["answer_keywords"], labels))

        if q["kind"] == "general":
            if q["ticker"] is not None:
                fail("%s general ticker must be null" % qid)
            hits = [t for t, rx in THEMES.items() if sorted(q["gold_notes"]) == theme_matches(notes, t)]
            if len(hits) != 1:
                fail("%s general gold does not equal exactly one theme's matches" % qid)

        if q.get("near_miss"):
            if q["near_miss"] not in NEAR_MISS_KINDS:
                fail("%s bad near_miss kind" % qid)
            if qid not in NEAR_MISS:
                fail("%s near miss not documented in NEAR_MISS" % qid)
                continue
            note, nearby, absent, extra = NEAR_MISS[qid]
            if nearby not in notes.get(note, ""):
                fail("%s nearby text not in %s" % (qid, note))
            for n in [note] + extra:
                m = re.search(absent, notes.get(n, ""), re.I)
                if m:
                    fail("%s absent-fact regex matches %s: %r" % (qid, n, m.group(0)))
            if q["near_miss"] == "passing_company":
                pname = [p for p, (pn, tk) in PASSING.items() if pn == note]
                if not pname or PASSING[pname[0]][1] != q["ticker"]:
                    fail("%s passing-company ticker mismatch" % qid)

    for qid in NEAR_MISS:
        if qid not in by_id or not by_id[qid].get("near_miss"):
            fail("NEAR_MISS entry %s is not a near-miss question" % qid)

    expected = {"factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3, "typo": 2,
                "unknown_company": 7, "unknown_company_unanswerable": 2, "no_answer": 4}
    for k in NEAR_MISS_KINDS:
        expected["near_miss:" + k] = 4
    if cat != expected:
        fail("category counts %r != expected %r" % (dict(sorted(cat.items())), expected))

    long_only = [q for q in qa if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")
                 and q["gold_notes"] and all(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_only) != 4:
        fail("expected 4 factual questions answered from long notes, found %d" % len(long_only))
    themes_used = {t for q in qa if q["kind"] == "general" for t in THEMES
                   if sorted(q["gold_notes"]) == theme_matches(notes, t)}
    if themes_used != set(THEMES):
        fail("each theme regex should back one general question")
    for q in qa:
        if q["kind"] == "no_answer" and not q.get("near_miss"):
            if q["id"] not in NO_ANSWER_ABSENT:
                fail("%s no-answer question lacks an absent-fact check" % q["id"])
                continue
            rx, which = NO_ANSWER_ABSENT[q["id"]]
            for n in (which or list(notes)):
                if re.search(rx, notes[n], re.I):
                    fail("%s: %r occurs in %s" % (q["id"], rx, n))
    dated = [n for n, t in notes.items() if re.search(r"2042|FY4[2-9]", t)]
    for n in dated:  # later periods may appear only as guidance/plans, never as reported figures
        for s in sentences(notes[n].replace("\n", " ")):
            if re.search(r"(Q[1-4] 2042|Q[2-4] FY42|FY43)", s):
                fail("%s mentions a period beyond mid-2041: %r" % (n, s[:80]))
    return qa


def name_variants(line):
    line = line.strip()
    if not line:
        return []
    out = []
    m = re.match(r'^(.*?),\s*"([^"]+)"$', line)
    if m:
        out += [m.group(1), m.group(2)]
    else:
        out += [p.strip() for p in line.split(" / ")]
    return [o for o in out if o]


def check_exclusions(notes, qa):
    corpus = {"note " + n: t for n, t in notes.items()}
    for q in qa:
        corpus["question " + q["id"]] = q["question"]
    names = []
    names_file = os.path.join(EXCL_DIR, "excluded_names.txt")
    tick_file = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    have_files = os.path.exists(names_file) and os.path.exists(tick_file)
    if have_files:
        with open(names_file, encoding="utf-8") as f:
            for line in f:
                names += name_variants(line)
    names += [n for n in EXTRA_EXCLUDED if n not in COVERED_NAMES]
    for name in set(names):
        flags = 0 if name.isupper() else re.I  # all-caps aliases ("FAB") are matched case-sensitively
        rx = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])", flags)
        for where, text in corpus.items():
            if rx.search(text):
                fail("excluded name %r in %s" % (name, where))
    # invented names share no word with the exclusion list
    excl_words = {w.lower() for n in names + EXTRA_EXCLUDED for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", n)}
    for c in INVENTED:
        for w in COMPANIES[c][0].split():
            if w.lower() in excl_words:
                fail("invented name %s shares word %r with the exclusion list" % (COMPANIES[c][0], w))
    if not have_files:
        print("note: %s not found; file-based exclusion checks skipped" % EXCL_DIR)
        return
    covered_syms = set()
    for v in COMPANIES.values():
        covered_syms |= v[2] | {v[1], v[1].split(".")[0]}
    with open(tick_file, encoding="utf-8") as f:
        tickers = {l.strip() for l in f if l.strip()}
    for q in qa:
        if q["ticker"] in tickers:
            fail("%s ticker %s is excluded" % (q["id"], q["ticker"]))
    for v in list(COMPANIES.values()) + [(None, t) for t in PASSING_TICKERS()] + [
            (None, t) for t in NO_NOTE_COMPANIES.values()]:
        if v[1] in tickers and v[1].split(".")[0] not in {"BC"}:
            fail("company ticker %s is excluded" % v[1])
    for t in tickers - covered_syms:
        esc = re.escape(t)
        if len(t) <= 2 and "." not in t:
            # short symbols only count in ticker contexts: $T, (T), ticker lines
            rx = re.compile(r"(\$%s\b|\(%s\)|^%s:? -?\d)" % (esc, esc, esc), re.M)
        else:
            rx = re.compile(r"(?<![A-Za-z0-9.])" + esc + r"(?![A-Za-z0-9])")
        for where, text in corpus.items():
            if rx.search(text):
                fail("excluded ticker %r in %s" % (t, where))


def PASSING_TICKERS():
    return [t for _n, t in PASSING.values()]


def main():
    notes = load_notes()
    check_notes(notes)
    qa = check_qa(notes)
    check_exclusions(notes, qa)
    if PROBLEMS:
        for p in PROBLEMS:
            print("FAIL:", p)
        print("%d problem(s)" % len(PROBLEMS))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
