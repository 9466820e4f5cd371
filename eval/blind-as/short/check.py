#!/usr/bin/env python3
"""Self-check for the blind content evaluation set (stdlib only).

Run from anywhere:  python3 check.py
Prints every problem found, or `OK` when all checks pass.

The exclusion lists are read from /work/blind-prompts (override with the
EXCLUDED_DIR environment variable); if they are missing, that check is
reported as skipped and the remaining checks still run.
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

ERRORS = []


def err(msg):
    ERRORS.append(msg)


# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------
COVERED = {  # ticker -> (name, aliases used to recognise it in text)
    "YPSN.SW": ("Ypsomed", ["Ypsomed"]),
    "7532.T": ("Pan Pacific International", ["Pan Pacific International", "Don Quijote"]),
    "AALB.AS": ("Aalberts", ["Aalberts"]),
    "MARICO.NS": ("Marico", ["Marico"]),
    "REA.AX": ("REA Group", ["REA Group", "REA"]),
    "4540.T": ("Tsumura", ["Tsumura"]),
    "BOL.PA": ("Bolloré", ["Bolloré"]),
}
INVENTED = {
    "TVXC": ("Tervanix Subsea Cabling", ["Tervanix"]),
    "DLVT": ("Dulvacor Driver Training", ["Dulvacor"]),
}
ALL_CO = dict(COVERED, **INVENTED)

# Real companies that may appear only in passing (one sentence, no figures).
PASSING = {
    "Tandem Diabetes Care": "ypsomed-fy2041-42-results.txt",
    "Nitori Holdings": "ppih-fy2041-results.txt",
    "Georg Fischer": "aalberts-fy2041.txt",
    "Emami": "marico-q3-fy42.txt",
}
# Real companies with no notes at all (used by no-answer questions).
NO_NOTES = ["Titan Company", "Ubisoft"]

# Short note -> companies it covers (comparison notes cover two).
SHORT = {
    "ypsomed-h1-2041-42.txt": ["YPSN.SW"],
    "ypsomed-fy2041-42-results.txt": ["YPSN.SW"],
    "ypsomed-aalberts-capex.txt": ["YPSN.SW", "AALB.AS"],
    "aalberts-fy2041.txt": ["AALB.AS"],
    "aalberts-q1-2042.txt": ["AALB.AS"],
    "ppih-fy2041-results.txt": ["7532.T"],
    "ppih-h1-fy2042.txt": ["7532.T"],
    "ppih-tsumura-weak-yen.txt": ["7532.T", "4540.T"],
    "tsumura-fy3-2042.txt": ["4540.T"],
    "marico-q2-fy42.txt": ["MARICO.NS"],
    "marico-q3-fy42.txt": ["MARICO.NS"],
    "marico-q4-fy42.txt": ["MARICO.NS"],
    "rea-fy2041-results.txt": ["REA.AX"],
    "rea-q1-fy42-update.txt": ["REA.AX"],
    "rea-h1-fy42.txt": ["REA.AX"],
    "bollore-fy2041.txt": ["BOL.PA"],
    "bollore-buyback.txt": ["BOL.PA"],
    "bollore-q1-2042.txt": ["BOL.PA"],
    "dulvacor-fy2041.txt": ["DLVT"],
    "dulvacor-h1-2042.txt": ["DLVT"],
    "tervanix-fy2041.txt": ["TVXC"],
    "tervanix-contract-delay.txt": ["TVXC"],
}
LONG = {
    "marico-annual-report-fy2042.md": "MARICO.NS",
    "rea-fy2041-results-release.md": "REA.AX",
    "tervanix-annual-report-2041.md": "TVXC",
    "tervanix-q1-2042-results.md": "TVXC",
}


def note_companies(fname):
    if fname in SHORT:
        return set(SHORT[fname])
    if fname in LONG:
        return {LONG[fname]}
    return set()


def notes_of(ticker):
    return sorted(f for f in list(SHORT) + list(LONG) if ticker in note_companies(f))


# ---------------------------------------------------------------------------
# Theme regexes for `general` questions: gold = every note that matches.
# ---------------------------------------------------------------------------
THEMES = {
    "q019": r"\bprice (increase|hike|rise)s?\b|\braised [\w ]{0,30}prices\b",   # pricing actions
    "q050": r"\bwages?\b|\blabou?r\b",                                          # labour / wages
    "q051": r"\byen\b|\bcurrenc(y|ies)\b|\bfranc\b|\byuan\b|\btaka\b",          # FX
}

# Comparison questions -> the two companies the gold must cover.
COMPARISONS = {
    "q010": ("YPSN.SW", "AALB.AS"),
    "q029": ("7532.T", "4540.T"),
    "q048": ("REA.AX", "MARICO.NS"),
    "q049": ("BOL.PA", "AALB.AS"),
}

# Near misses: note, nearby text a careless bot would quote, and an
# "absent fact" regex that must not match any note of that company
# (for passing companies: any note at all).
NEAR = {
    # segment_figure
    "q007": ("ppih-fy2041-results.txt",
             "with the rest split between the UNY general merchandise stores and the overseas business in Asia and North America",
             r"overseas[^.]{0,80}(¥|trillion|billion)"),
    "q033": ("bollore-fy2041.txt",
             "of which Bolloré Energy's oil logistics and distribution business contributed EUR 2.71 billion",
             r"(industry division|Blue Systems|Bluebus)[^.]{0,80}EUR ?\d"),
    "q062": ("ypsomed-h1-2041-42.txt",
             "Diabetes Care and the Ypsotec contract-manufacturing unit made up the remainder",
             r"Diabetes Care[^.]{0,80}CHF ?\d|Diabetes Care (revenue|sales|contributed|generated)[^.]{0,40}\d"),
    "q063": ("aalberts-fy2041.txt",
             "Building technology, the largest of its three segments, generated EUR 1,720 million",
             r"\bindustry\b[^.]{0,80}EUR ?\d|EUR ?\d[^.]{0,40}\bindustry\b"),
    # passing_company
    "q009": ("aalberts-fy2041.txt",
             "Swiss peer Georg Fischer is chasing the same North American water-utility piping niche",
             r"Georg Fischer[^.]*\d"),
    "q026": ("ypsomed-fy2041-42-results.txt",
             "Ypsomed competes for the same endocrinology clinics as Tandem Diabetes Care",
             r"Tandem[^.]*\d"),
    "q060": ("ppih-fy2041-results.txt",
             "Home furnishings specialist Nitori Holdings is courting the same suburban households",
             r"Nitori[^.]*\d"),
    "q061": ("marico-q3-fy42.txt",
             "Emami, which competes in cooling oils and winter care, is a closer rival in value-added hair oils",
             r"Emami[^.]*\d"),
    # product_metric
    "q014": ("marico-q2-fy42.txt",
             "launched Saffola Active Millet Muesli at ₹249 for a 400g pack",
             r"Millet Muesli[^.]*(crore|units|packs sold|tonnes|lakh)"),
    "q022": ("rea-q1-fy42-update.txt",
             "launched a new top-tier listing product, Premiere Signature, priced about 15% above Premiere Plus",
             r"Premiere Signature[^.]*(\d[\d,]* (listings|agents|agencies|subscribers)|A\$ ?\d|revenue)"),
    "q030": ("tsumura-fy3-2042.txt",
             "listed at an NHI price of ¥142 per daily dose",
             r"stick-pack[^.]*(¥ ?[\d.]+ (billion|million)|[\d,]+ (units|packs|doses))"),
    "q058": ("ppih-h1-fy2042.txt",
             "launched a 43-inch 4K television under the brand at ¥39,800",
             r"(television|TV)s?[^.]*[\d,]+ (units|sets)|(units|sets) sold"),
    # undated_event
    "q017": ("aalberts-q1-2042.txt",
             "A new semicon efficiency plant in Oregon will start production once local permits are granted",
             r"Oregon[^.]*(20\d\d|Q[1-4]\b|H[12]\b|quarter|month|year-end)"),
    "q028": ("tsumura-fy3-2042.txt",
             "Laos cultivation site will start supplying licorice root once harvests pass Japanese Pharmacopoeia testing",
             r"Laos[^.]*(20\d\d|fiscal 20|Q[1-4]\b|H[12]\b|by (the )?end of)"),
    "q035": ("bollore-buyback.txt",
             "would follow once the market regulator approves the offer documents for each entity",
             r"simplif\w*[^.]*(20\d\d|Q[1-4]\b|H[12]\b|by (the )?end of|within \w+ months)"),
    "q064": ("rea-h1-fy42.txt",
             "would consider a separate listing of the India business once it reaches sustained profitability",
             r"(separate listing|IPO|spin-?off)[^.]*(20\d\d|FY ?\d|Q[1-4]\b|H[12]\b)"),
    # other_measure
    "q003": ("ypsomed-h1-2041-42.txt",
             "EBIT rose to CHF 118 million, a 23.7% margin",
             r"net (profit|income)|net earnings"),
    "q020": ("rea-q1-fy42-update.txt",
             "revenue for the first quarter of FY2042 (July-September 2041) rose 11% y/y",
             r"(first quarter|Q1)[^.]{0,80}EBITDA|EBITDA[^.]{0,80}(first quarter|Q1)"),
    "q037": ("bollore-q1-2042.txt",
             "Bolloré reported Q1 2042 revenue of EUR 880 million, up 3% y/y",
             r"operating (income|profit)|\bEBIT(DA)?\b"),
    "q059": ("ppih-h1-fy2042.txt",
             "operating profit of ¥96.5 billion, up 8.9%",
             r"net (profit|income)|\bEPS\b|earnings per share"),
}
NEAR_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

# Unanswerable questions about the invented companies (also nearby/absent).
UNKNOWN_NA = {
    "q042": ("dulvacor-h1-2042.txt", "Instructor wages rose 6% y/y",
             r"[\d,]+ (qualified )?instructors|instructors?[^.]{0,30}(headcount|employ)"),
    "q044": ("tervanix-fy2041.txt", "the North Sea and the Baltic", r"\bAsia"),
}
# Other no-answer questions: what must be absent from every note.
OTHER_NA = {
    "q068": r"\bTitan\b",
    "q069": r"Ubisoft",
    "q070": r"banana|recipe",
    "q071": r"2035",
}

EXPECTED_CATS = {"factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
                 "sentiment": 3, "typo": 2, "unknown_company": 9, "no_answer": 24}

LABELS = {  # label -> inclusive score range
    "strongly negative": (-1.0, -0.6), "negative": (-0.6, -0.35), "mildly negative": (-0.35, -0.1),
    "neutral": (-0.1, 0.1), "mildly positive": (0.1, 0.35), "positive": (0.35, 0.6),
    "strongly positive": (0.6, 1.0),
}
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9]+(?:\.[A-Z]{1,2})?)(:?) (-?\d\.\d\d)$")


def read(fname):
    with open(os.path.join(NOTES, fname), encoding="utf-8") as f:
        return f.read()


def norm(s):
    return s.replace("\u2019", "'").lower()


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"(¥$€₹])", par.strip()) if s]


# ---------------------------------------------------------------------------
# Short notes
# ---------------------------------------------------------------------------
def check_short_notes():
    files = sorted(f for f in os.listdir(NOTES) if f.endswith(".txt"))
    if set(files) != set(SHORT):
        err(f"short notes on disk {sorted(set(files) ^ set(SHORT))} differ from SHORT map")
    stats = dict(date=0, blank=0, tickers=0, no_nl=0, curly=0, taglines=set(), demos=set(), layouts=set())
    parsed = {}
    for f in files:
        raw = read(f)
        if raw.endswith("\n"):
            lines = raw[:-1].split("\n")
        else:
            lines = raw.split("\n")
            stats["no_nl"] += 1
        if "\u2019" in raw:
            stats["curly"] += 1
        i = 0
        if lines[0] == "":
            stats["blank"] += 1
            i = 1
        elif lines[0].startswith("Date:"):
            if not re.fullmatch(r"Date: 204[12]-\d\d-\d\d", lines[0]):
                err(f"{f}: bad date line {lines[0]!r}")
            stats["date"] += 1
            i = 1
        body = lines[i:]
        if len(body) < 8:
            err(f"{f}: too few lines")
            continue
        news, analytic, tagline, demo, label, ss, score, ts = body[:8]
        tick = body[8:]
        n_sent = len(sentences(news))
        if not 2 <= n_sent <= 4:
            err(f"{f}: news paragraph has {n_sent} sentences")
        if not re.search(r"\d", news) or not re.search(r"20\d\d|Q[1-4]|H[12]|FY", news):
            err(f"{f}: news paragraph lacks figures or a period")
        nw = len(analytic.split())
        if not 180 <= nw <= 240:
            err(f"{f}: analytic paragraph has {nw} words")
        if "Overall Sentiment" in tagline or len(tagline.split()) > 15:
            err(f"{f}: tagline line looks wrong: {tagline!r}")
        stats["taglines"].add(tagline)
        if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
            err(f"{f}: demo line {demo!r}")
        stats["demos"].add(demo)
        if label not in LABELS:
            err(f"{f}: unknown label {label!r}")
        if ss != "Sentiment Score" or ts != "Ticker Sentiment":
            err(f"{f}: sentiment block layout wrong")
        try:
            val = float(score)
            lo, hi = LABELS.get(label, (-1, 1))
            if not lo <= val <= hi:
                err(f"{f}: score {val} inconsistent with label {label}")
        except ValueError:
            err(f"{f}: score {score!r} not a number")
        if tick:
            stats["tickers"] += 1
            seen = set()
            for t in tick:
                m = TICKER_LINE.match(t)
                if not m:
                    err(f"{f}: bad ticker line {t!r}")
                    continue
                stats["layouts"].add((m.group(1), m.group(3)))
                seen.add(m.group(2))
            if seen != set(SHORT.get(f, [])):
                err(f"{f}: ticker lines {sorted(seen)} != covered companies {SHORT.get(f)}")
        # the covered companies must be named in the text
        for t in SHORT.get(f, []):
            if not any(a in raw for a in ALL_CO[t][1]):
                err(f"{f}: company {ALL_CO[t][0]} not named")
        parsed[f] = dict(label=label, score=score, text=raw)
    n = len(files)
    if n != 22:
        err(f"expected 22 short notes, found {n}")
    if not 12 <= stats["tickers"] <= 14:
        err(f"{stats['tickers']} notes with ticker lines (want about 13)")
    if len(stats["layouts"]) < 3:
        err(f"ticker-line layouts not varied: {stats['layouts']}")
    if not 9 <= stats["date"] <= 13:
        err(f"{stats['date']} notes with a Date line (want about half)")
    if stats["blank"] < 2:
        err("want some notes with a blank first line")
    if stats["no_nl"] < 2 or stats["no_nl"] == n:
        err(f"{stats['no_nl']} notes without final newline (want some)")
    if stats["curly"] < 2:
        err("want some notes with curly apostrophes")
    if not 3 <= len(stats["taglines"]) <= 4:
        err(f"{len(stats['taglines'])} tagline variants (want 3-4)")
    if len(stats["demos"]) != 2:
        err("want both 'Request a Demo' and 'Request Demo'")
    # per-company counts
    for t in COVERED:
        k = sum(t in SHORT[f] for f in SHORT)
        if not 2 <= k <= 3:
            err(f"{t}: {k} short notes (want 2-3)")
    for t in INVENTED:
        k = sum(t in SHORT[f] for f in SHORT)
        if k != 2:
            err(f"{t}: {k} short notes (want 2)")
    if sum(len(v) == 2 for v in SHORT.values()) != 2:
        err("want exactly two comparison short notes")
    return parsed


# ---------------------------------------------------------------------------
# Long notes
# ---------------------------------------------------------------------------
def check_long_notes():
    files = sorted(f for f in os.listdir(NOTES) if f.endswith(".md"))
    if set(files) != set(LONG):
        err(f"long notes on disk differ from LONG map: {files}")
    for f in files:
        raw = read(f)
        m = re.match(r"---\n(.*?)\n---\n(.*)$", raw, re.S)
        if not m:
            err(f"{f}: no YAML front matter")
            continue
        fm = dict(re.findall(r"^(\w+):\s*(.+)$", m.group(1), re.M))
        for k in ("company", "ticker", "title", "date"):
            if k not in fm:
                err(f"{f}: front matter lacks {k}")
        if fm.get("ticker") != LONG.get(f):
            err(f"{f}: ticker {fm.get('ticker')} != {LONG.get(f)}")
        if not re.fullmatch(r"204[12]-\d\d-\d\d", fm.get("date", "")):
            err(f"{f}: bad date")
        body = m.group(2)
        prose = [l for l in body.splitlines() if not l.lstrip().startswith("|") and not l.startswith("#")]
        words = len(" ".join(prose).split())
        if not 900 <= words <= 1100:
            err(f"{f}: {words} prose words (want 900-1,100)")
        headers = [l for l in body.splitlines() if l.startswith("|") and not set(l) <= set("|-: ")]
        if not any(re.search(r"FY20\d\d|Q[1-4] 20\d\d", h) for h in headers):
            err(f"{f}: no table with fiscal-year or quarter columns")
        if re.search(r"Overall Sentiment|Sentiment Score|Ticker Sentiment", body):
            err(f"{f}: long note must not carry a sentiment block")
        if not re.search(r"\b(we|We)\b", body) or "the Company" not in body:
            err(f"{f}: want 'we' / 'the Company' voice")
    covered = {LONG[f] for f in LONG}
    if sum(t in COVERED for t in covered) != 2 or sum(LONG[f] in INVENTED for f in LONG) != 2:
        err("long notes must cover two real companies and one invented company (two pages)")


# ---------------------------------------------------------------------------
# Passing mentions and invented names
# ---------------------------------------------------------------------------
def check_companies(all_text):
    for name, home in PASSING.items():
        hits = [f for f, t in all_text.items() if name.split()[0] in t]
        if hits != [home]:
            err(f"passing company {name} appears in {hits}, want only {home}")
            continue
        sents = [s for s in sentences(all_text[home].replace("\n", " ")) if name.split()[0] in s]
        if len(sents) != 1:
            err(f"passing company {name}: {len(sents)} sentences")
        elif re.search(r"\d", sents[0]):
            err(f"passing company {name}: sentence has figures")
        if name not in all_text[home]:
            err(f"passing company {name}: full name missing")
    for name in NO_NOTES:
        for f, t in all_text.items():
            if name.split()[0] in t:
                err(f"{name} should have no notes but appears in {f}")
    for t, (name, _) in INVENTED.items():
        words = name.split()
        if not 2 <= len(words) <= 3 or not re.fullmatch(r"[A-Z]{3,4}", t):
            err(f"invented company {name} ({t}) has wrong shape")
        if not any(f"{name} ({t})" in txt for txt in all_text.values()):
            err(f"invented company {name} never tied to ({t}) in text")
        dict_path = "/usr/share/dict/words"
        if os.path.exists(dict_path):
            with open(dict_path, encoding="utf-8", errors="ignore") as fh:
                english = {w.strip().lower() for w in fh}
            if words[0].lower() in english:
                err(f"invented first word {words[0]} is an English word")


# ---------------------------------------------------------------------------
# Exclusions
# ---------------------------------------------------------------------------
EXTRA_EXCLUDED = ["Sobi", "Hella", "Yakult", "Shenzhou International", "Brunello Cucinelli",
                  "Comet Holding", "Dixon Technologies", "Dutch Bros", "Toast", "Procore",
                  "Williams-Sonoma", "Menicon", "Ryohin Keikaku", "Bechtle", "Page Industries",
                  "JB Hi-Fi", "Floor & Decor", "Boot Barn", "Nutanix", "GitLab", "Auto1",
                  "HelloFresh", "Dabur", "Carl Zeiss Meditec", "AppFolio"]


def name_variants(line):
    out = []
    for part in re.split(r"\s*/\s*|,\s*", line):
        part = part.strip().strip('"').strip()
        if part:
            out.append(part)
    return out


def check_exclusions(texts, qa_tickers):
    names_path = os.path.join(EXCL_DIR, "excluded_names.txt")
    tick_path = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    names = list(EXTRA_EXCLUDED)
    tickers = set()
    if os.path.exists(names_path) and os.path.exists(tick_path):
        with open(names_path, encoding="utf-8") as f:
            for line in f:
                names += name_variants(line.strip())
        with open(tick_path, encoding="utf-8") as f:
            tickers = {l.strip() for l in f if l.strip()}
    else:
        print(f"note: exclusion lists not found in {EXCL_DIR}; only the embedded list is checked")
    covered_names = {v[0].lower() for v in COVERED.values()}
    names = [n for n in names if n.lower() not in covered_names]
    for n in set(names):
        pat = re.compile(r"(?<![\w])" + re.escape(n) + r"(?![\w])", re.I)
        for src, t in texts.items():
            if pat.search(t):
                err(f"excluded name {n!r} appears in {src}")
    # invented names share no word with excluded names
    excl_words = {w.lower() for n in names for w in re.findall(r"[\w'&-]+", n)}
    for name, _ in INVENTED.values():
        for w in name.split():
            if w.lower() in excl_words:
                err(f"invented name word {w!r} is in the excluded list")
    if not tickers:
        return
    tok = re.compile(r"(?<![\w.])\$?([A-Z][A-Z0-9&-]*[A-Z0-9](?:\.[A-Z]{1,2})?|\d{3,6}\.[A-Z]{1,2})(?![\w])")
    for src, t in texts.items():
        for m in tok.finditer(t):
            tk = m.group(1)
            if tk in tickers or tk.split(".")[0] in tickers and "." in tk:
                err(f"excluded ticker-like token {tk!r} in {src}")
    for t in qa_tickers:
        if t and (t in tickers or t.split(".")[0] in tickers):
            err(f"excluded ticker {t} used in qa")
    for t in ALL_CO:
        if t in tickers:
            err(f"covered/invented ticker {t} is excluded")


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------
def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_company"
    return q["kind"]


def check_qa(parsed_short, all_text):
    with open(QA, encoding="utf-8") as f:
        qs = [json.loads(l) for l in f if l.strip()]
    by_id = {q["id"]: q for q in qs}
    counts = {}
    near_counts = {}
    long_factual = 0
    for i, q in enumerate(qs, 1):
        qid = q.get("id")
        if qid != f"q{i:03d}":
            err(f"id {qid} out of sequence (want q{i:03d})")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                err(f"{qid}: missing field {k}")
        kind = q["kind"]
        if kind not in ("factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"):
            err(f"{qid}: unknown kind {kind}")
        cat = category(q)
        counts[cat] = counts.get(cat, 0) + 1
        gold, kws, tick = q["gold_notes"], q["answer_keywords"], q["ticker"]
        for g in gold:
            if g not in all_text:
                err(f"{qid}: gold note {g} does not exist")
        if kind == "no_answer":
            if gold or kws:
                err(f"{qid}: no_answer must have empty gold and keywords")
        else:
            if not gold or not kws:
                err(f"{qid}: answerable question needs gold notes and keywords")
            for kw in kws:
                if not any(norm(kw) in norm(all_text[g]) for g in gold if g in all_text):
                    err(f"{qid}: keyword {kw!r} not found in any gold note")
            if tick is not None:
                gold_cos = set().union(*(note_companies(g) for g in gold))
                if tick not in gold_cos:
                    err(f"{qid}: ticker {tick} not covered by gold notes")
        # question mentions
        qtext = q["question"]
        if kind == "follow_up":
            prev = qs[i - 2] if i >= 2 else None
            if not prev or q.get("follows") != prev["id"]:
                err(f"{qid}: follow_up must follow the previous question")
            for t, (name, aliases) in ALL_CO.items():
                for a in aliases + [t, t.split(".")[0]]:
                    if re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", qtext, re.I):
                        err(f"{qid}: follow_up names a company ({a})")
            if prev and q["ticker"] != prev["ticker"]:
                err(f"{qid}: follow_up ticker differs from parent")
        elif "follows" in q:
            err(f"{qid}: only follow_up questions carry `follows`")
        if q.get("typo"):
            if kind != "factual":
                err(f"{qid}: typo questions must be kind factual")
            name, aliases = ALL_CO[tick]
            nw = name.lower().split()
            cands = {" ".join(nw[:k]) for k in range(min(2, len(nw)), len(nw) + 1)} | {a.lower() for a in aliases}
            words = re.findall(r"[\w']+", qtext.lower())
            best = 0.0
            for c in cands:
                n = len(c.split())
                for j in range(len(words)):
                    g = " ".join(words[j:j + n])
                    best = max(best, difflib.SequenceMatcher(None, g, c).ratio())
                if re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", qtext.lower()):
                    err(f"{qid}: typo question spells {c!r} correctly")
            if best < 0.8:
                err(f"{qid}: typo question should misspell {name!r} (best match {best:.2f})")
        if q.get("unknown_company") and tick not in INVENTED:
            err(f"{qid}: unknown_company question must be about an invented company")
        if not q.get("unknown_company") and tick in INVENTED:
            err(f"{qid}: question about an invented company lacks unknown_company")
        # per kind
        if kind == "factual" and not q.get("typo") and not q.get("unknown_company"):
            if all(g in LONG for g in gold):
                long_factual += 1
        if kind == "risk":
            if tick is None or any(tick not in note_companies(g) for g in gold):
                err(f"{qid}: risk gold notes must all cover {tick}")
        if kind == "comparison":
            if tick is not None:
                err(f"{qid}: comparison ticker must be null")
            pair = COMPARISONS.get(qid)
            if not pair:
                err(f"{qid}: comparison not registered")
            else:
                cos = set().union(*(note_companies(g) for g in gold))
                if not set(pair) <= cos:
                    err(f"{qid}: comparison gold does not cover {pair}")
        if kind == "general":
            pat = THEMES.get(qid)
            if not pat:
                err(f"{qid}: general question without theme regex")
            else:
                want = sorted(f for f, t in all_text.items() if re.search(pat, t, re.I))
                if sorted(gold) != want:
                    err(f"{qid}: gold {sorted(gold)} != theme matches {want}")
                if tick is not None:
                    err(f"{qid}: general ticker must be null")
        if kind == "sentiment":
            want = sorted(f for f in SHORT if tick in SHORT[f])
            if sorted(gold) != want:
                err(f"{qid}: sentiment gold {sorted(gold)} != short notes {want}")
            labels = {parsed_short[f]["label"] for f in want if f in parsed_short}
            if {k.lower() for k in kws} != labels:
                err(f"{qid}: sentiment keywords {kws} != labels {sorted(labels)}")
        # near misses
        if "near_miss" in q:
            nk = q["near_miss"]
            near_counts[nk] = near_counts.get(nk, 0) + 1
            if nk not in NEAR_KINDS or kind != "no_answer":
                err(f"{qid}: bad near_miss {nk}")
            spec = NEAR.get(qid)
            if not spec:
                err(f"{qid}: near miss not registered in NEAR")
                continue
            note, nearby, absent = spec
            if nearby not in all_text.get(note, "").replace("\u2019", "'"):
                err(f"{qid}: nearby text not found in {note}")
            scope = list(all_text) if nk == "passing_company" else notes_of(tick)
            if note not in scope:
                err(f"{qid}: near-miss note {note} not about {tick}")
            for f in scope:
                m = re.search(absent, all_text[f], re.I)
                if m:
                    err(f"{qid}: absent-fact regex matched in {f}: {m.group(0)!r}")
            if nk == "passing_company":
                names = [n for n, home in PASSING.items() if home == note]
                if not names or names[0].split()[0].lower() not in qtext.lower():
                    err(f"{qid}: passing-company question does not name the passing company")
        elif kind == "no_answer":
            if qid in UNKNOWN_NA:
                note, nearby, absent = UNKNOWN_NA[qid]
                if nearby not in all_text[note]:
                    err(f"{qid}: nearby text not in {note}")
                for f in notes_of(tick):
                    if re.search(absent, all_text[f], re.I):
                        err(f"{qid}: absent regex matched in {f}")
            elif qid in OTHER_NA:
                for f, t in all_text.items():
                    if re.search(OTHER_NA[qid], t, re.I):
                        err(f"{qid}: {OTHER_NA[qid]} found in {f}")
            else:
                err(f"{qid}: no_answer question is not registered")
    for k, v in EXPECTED_CATS.items():
        if counts.get(k, 0) != v:
            err(f"category {k}: {counts.get(k, 0)} questions (want {v})")
    for k in NEAR_KINDS:
        if near_counts.get(k, 0) != 4:
            err(f"near_miss {k}: {near_counts.get(k, 0)} (want 4)")
    if long_factual < 4:
        err(f"only {long_factual} factual questions answered from long notes (want 4)")
    unk = [q for q in qs if q.get("unknown_company")]
    if sum(q["kind"] != "no_answer" for q in unk) != 7 or sum(q["kind"] == "no_answer" for q in unk) != 2:
        err("unknown_company: want 7 answerable + 2 unanswerable")
    return qs


def main():
    all_text = {f: read(f) for f in sorted(os.listdir(NOTES))}
    parsed = check_short_notes()
    check_long_notes()
    check_companies(all_text)
    qs = check_qa(parsed, all_text)
    texts = {f"notes/{f}": t for f, t in all_text.items()}
    texts.update({f"qa:{q['id']}": q["question"] for q in qs})
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            texts["README.md"] = f.read()
    check_exclusions(texts, [q["ticker"] for q in qs])
    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        print(f"{len(ERRORS)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
