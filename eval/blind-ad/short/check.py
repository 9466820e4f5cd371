#!/usr/bin/env python3
"""Checks the ad-short blind evaluation set (notes/ + qa.jsonl). Stdlib only.

Run:  python3 check.py        -> prints OK when every check passes,
                                  otherwise one line per problem and exit code 1.

The exclusion lists are read from ../../blind-prompts/ (or $EXCLUSIONS_DIR).
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = os.environ.get("EXCLUSIONS_DIR", os.path.join(HERE, "..", "..", "blind-prompts"))

# ---------------------------------------------------------------- companies
REAL = {
    "TCL.AX": "Transurban", "OI": "O-I Glass", "UMG.AS": "Universal Music Group",
    "GEBN.SW": "Geberit", "DPZ": "Domino's Pizza", "TOM.OL": "Tomra", "ALV": "Autoliv",
}
INVENTED = {"QDLB": "Quillmere Dental Labs", "VCRN": "Vorantis Crane Rental"}
COMPANIES = dict(REAL, **INVENTED)
# how a question or note may name a company (lowercase, word-bounded)
ALIASES = {
    "TCL.AX": ["transurban", "tcl"], "OI": ["o-i", "owens"], "UMG.AS": ["universal music", "umg"],
    "GEBN.SW": ["geberit", "gebn"], "DPZ": ["domino", "domino's", "dominos", "dpz"],
    "TOM.OL": ["tomra"], "ALV": ["autoliv", "alv"], "QDLB": ["quillmere", "qdlb"],
    "VCRN": ["vorantis", "vcrn"],
}
# symbols accepted on `Ticker Sentiment` lines
TICKER_SYMBOLS = {t: {t, t.split(".")[0]} for t in COMPANIES}

# which covered companies each note is about
SHORT_NOTES = {
    "tcl-fy26-results.txt": ["TCL.AX"], "tcl-h1fy27-update.txt": ["TCL.AX"],
    "oi-fy26-results.txt": ["OI"], "oi-q1-2027.txt": ["OI"],
    "oi-tom-deposit-schemes.txt": ["OI", "TOM.OL"],
    "umg-fy26-results.txt": ["UMG.AS"], "umg-q1-2027.txt": ["UMG.AS"], "umg-h1-2027.txt": ["UMG.AS"],
    "gebn-fy26-results.txt": ["GEBN.SW"], "gebn-q1-2027.txt": ["GEBN.SW"],
    "gebn-alv-pricing.txt": ["GEBN.SW", "ALV"],
    "dpz-q4-fy26.txt": ["DPZ"], "dpz-q1-2027.txt": ["DPZ"], "dpz-q2-2027.txt": ["DPZ"],
    "tom-fy26-results.txt": ["TOM.OL"], "tom-q1-2027.txt": ["TOM.OL"],
    "alv-fy26-results.txt": ["ALV"], "alv-q1-2027.txt": ["ALV"],
    "qdlb-fy26-results.txt": ["QDLB"], "qdlb-q1-2027.txt": ["QDLB"],
    "vcrn-fy26-results.txt": ["VCRN"], "vcrn-h1-2027.txt": ["VCRN"],
}
LONG_NOTES = {
    "gebn-annual-report-2026-sales.md": "GEBN.SW", "dpz-10k-fy2026-mdna.md": "DPZ",
    "qdlb-annual-report-2026-p1.md": "QDLB", "qdlb-annual-report-2026-p2.md": "QDLB",
}
# real companies that appear only in passing (one sentence, no figures)
PASSING = {
    "Vinci": "tcl-fy26-results.txt", "Verallia": "oi-fy26-results.txt",
    "Warner Music Group": "umg-q1-2027.txt", "Papa John's": "dpz-q1-2027.txt",
}
PASSING_TICKERS = {"DG.PA", "VRLA.PA", "WMG", "PZZA"}

# ---------------------------------------------------------------- note format
TAGLINES = [
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, delivered in real time.",
    "Smarter research workflows for buy-side teams: screening, alerts and sentiment in one place.",
    "Real-time sentiment and research analytics for professional investors.",
]
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABEL_BANDS = {  # label -> inclusive score range
    "strongly positive": (0.5, 1.0), "mildly positive": (0.15, 0.5), "neutral": (-0.15, 0.15),
    "mildly negative": (-0.5, -0.15), "strongly negative": (-1.0, -0.5),
}
TICKER_LINE = re.compile(r"^(\$?)([A-Z][A-Z.]*[A-Z])(:?) (-?\d\.\d\d)$")
DATE_LINE = re.compile(r"^Date: (\d{4}-\d{2}-\d{2})$")
SENT_END = re.compile(r"[.!?](?=\s+[A-Z$\u00a3\u20ac]|\s*$)")

# ---------------------------------------------------------------- questions
EXPECTED_CATEGORIES = {  # category = typo / unknown_company / no_answer-near-miss aware, see category()
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3, "sentiment": 3,
    "typo": 2, "unknown_company": 9, "no_answer": 24,
}
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}

# general questions: gold = every note whose body (short notes: news + analytic paragraph;
# long notes: everything after the front matter) matches the theme regex
THEMES = {
    "q014": r"(?i)\btariffs?\b",                       # tariffs
    "q034": r"(?i)\bwages?\b|\blabou?r\b",             # wages / labour costs
    "q059": r"\bAI\b",                             # AI as threat or opportunity
}

DATE_WORDS = (r"\b((19|20)\d\d|January|February|March|April|May|June|July|August|September|"
              r"October|November|December|Q[1-4]|H[12]|FY\d\d|next (year|quarter|month)|"
              r"summer|autumn|winter|spring|year-end)\b")
# near misses: id -> (note, nearby text a careless bot would quote, regex for the absent fact)
NEAR_MISS = {
    # segment_figure
    "q003": ("gebn-fy26-results.txt", "Sales in Europe increased 3.6% in local currency",
             r"America[^.]*(\d|CHF)"),
    "q013": ("umg-fy26-results.txt", "recorded music revenue of EUR 9.02 billion",
             r"publishing[^.]*(EUR|\d)"),
    "q024": ("tom-fy26-results.txt", "Collection revenue of EUR 802 million", r"Food[^.]*(EUR|\d)"),
    "q038": ("alv-fy26-results.txt", "sales in China fell 4% to $1.71 billion", r"Europe[^.]*\$\s?\d"),
    # passing_company
    "q006": ("oi-fy26-results.txt", "Verallia, its main European rival, has also been idling furnaces",
             r"Verallia[^.]*\d"),
    "q027": ("dpz-q1-2027.txt", "Papa John's has been discounting aggressively in carryout",
             r"Papa John[^.]*\d"),
    "q042": ("umg-q1-2027.txt", "Warner Music Group is chasing the same superfan pricing",
             r"Warner[^.]*\d"),
    "q053": ("tcl-fy26-results.txt", "Vinci's concessions arm remains the most likely rival bidder",
             r"Vinci[^.]*\d"),
    # product_metric
    "q016": ("umg-q1-2027.txt", "launched its Vault membership tier in the US at $14.99 a month",
             r"\d[\d,.]*\s*(million\s+|thousand\s+)?(subscribers|members|sign-ups|fans)\b"),
    "q033": ("gebn-q1-2027.txt", "AquaClean Alba 2 shower toilet in March at a list price of CHF 1,190",
             r"\d[\d,.]*\s*(units|pieces|shower toilets)\b|units sold"),
    "q045": ("tom-q1-2027.txt", "listed at about EUR 14,000",
             r"\d[\d,.]*\s*(units|machines)\b|R1 Compact[^.]*\b(shipped|installed|sold|units)\b"),
    "q057": ("dpz-q1-2027.txt", "priced at $9.99 for carryout",
             r"Loaded Crust Duo[^.]*\b(sold|units|orders)\b|\d[\d,.]*\s*(million\s+)?(units|pizzas|orders)\b"),
    # undated_event
    "q010": ("tcl-h1fy27-update.txt", "once the New South Wales government signs the concession amendment",
             r"M7[^.]*" + DATE_WORDS),
    "q030": ("oi-fy26-results.txt", "only once West Coast wine volumes recover", r"restart[^.]*" + DATE_WORDS),
    "q048": ("alv-q1-2027.txt", "once the two customer programs it is bidding for are awarded",
             r"India[^.]*" + DATE_WORDS),
    "q062": ("dpz-q2-2027.txt", "once the Texas pilot concludes", r"Rewards[^.]*" + DATE_WORDS),
    # other_measure
    "q019": ("tcl-fy26-results.txt", "proportional EBITDA rose 7.1% to A$2,978 million",
             r"net profit|NPAT|profit after tax|net income"),
    "q035": ("oi-q1-2027.txt", "segment operating profit of $262 million", r"net (income|earnings|profit)"),
    "q051": ("dpz-q2-2027.txt", "Global retail sales grew 5.4% excluding foreign currency",
             r"retail sales[^.]*\$\s?\d"),
    "q065": ("alv-q1-2027.txt", "the adjusted operating margin was 9.8%", r"cash flow|cash generation"),
}
NEAR_MISS_KINDS = {"segment_figure": ["q003", "q013", "q024", "q038"],
                   "passing_company": ["q006", "q027", "q042", "q053"],
                   "product_metric": ["q016", "q033", "q045", "q057"],
                   "undated_event": ["q010", "q030", "q048", "q062"],
                   "other_measure": ["q019", "q035", "q051", "q065"]}
# other no-answer questions: id -> (notes to search, regex that must not match any of them)
OTHER_NO_ANSWER = {
    "q022": ("*", r"Unilever"),                       # real company, no notes
    "q060": ("*", r"Rio Tinto|iron ore"),             # real company, no notes
    "q040": ("*", r"sourdough|hydration"),            # off-topic
    "q070": ("*", r"\b2021\b"),                       # period no note covers
    "q044": ("QDLB", r"Netherlands[^.]*\u00a3\s?\d"),  # invented company, unanswerable
    "q068": ("VCRN", r"buy ?backs?|repurchas"),       # invented company, unanswerable
}
FOLLOW_UP_FREE = r"\b(transurban|tcl|o-i|owens|umg|universal|geberit|gebn|domino'?s?|dpz|tomra|autoliv|alv|quillmere|qdlb|vorantis|vcrn)\b"

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return s.replace("\u2019", "'").replace("\u2018", "'").lower()


# ---------------------------------------------------------------- loading
def load_notes():
    """name -> dict(raw, body, kind, ...). body = text used for themes."""
    notes = {}
    for name in sorted(os.listdir(NOTES_DIR)):
        raw = open(os.path.join(NOTES_DIR, name), encoding="utf-8").read()
        if name.endswith(".txt"):
            n = parse_short(name, raw)
        elif name.endswith(".md"):
            n = parse_long(name, raw)
        else:
            err(f"{name}: unexpected file in notes/")
            continue
        notes[name] = n
    return notes


def parse_short(name, raw):
    lines = raw.split("\n")
    if raw.endswith("\n"):
        lines = lines[:-1]
    n = dict(raw=raw, kind="short", final_nl=raw.endswith("\n"), first=None, tickers=[])
    i = 0
    if lines and lines[0] == "":
        n["first"], i = "blank", 1
    elif lines and DATE_LINE.match(lines[0]):
        n["first"], n["date"], i = "date", DATE_LINE.match(lines[0]).group(1), 1
    try:
        n["news"], n["analytic"], n["tagline"], n["demo"], n["label"] = lines[i:i + 5]
        n["score_head"], n["score"], n["ts_head"] = lines[i + 5:i + 8]
        n["tickers"] = lines[i + 8:]
    except ValueError:
        err(f"{name}: too few lines for the note format")
        n.setdefault("news", ""), n.setdefault("analytic", "")
    n["body"] = n.get("news", "") + "\n" + n.get("analytic", "")
    return n


def parse_long(name, raw):
    n = dict(raw=raw, kind="long", meta={}, body="")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m:
        err(f"{name}: missing YAML front matter")
        return n
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        n["meta"][k.strip()] = v.strip().strip('"')
    n["body"] = m.group(2)
    return n


def theme_matches(regex, notes):
    rx = re.compile(regex)
    return {name for name, n in notes.items() if rx.search(n["body"])}


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


# ---------------------------------------------------------------- note checks
def check_notes(notes):
    short = {k: v for k, v in notes.items() if v["kind"] == "short"}
    long_ = {k: v for k, v in notes.items() if v["kind"] == "long"}
    if set(short) != set(SHORT_NOTES):
        err(f"short notes differ from SHORT_NOTES: {sorted(set(short) ^ set(SHORT_NOTES))}")
    if set(long_) != set(LONG_NOTES):
        err(f"long notes differ from LONG_NOTES: {sorted(set(long_) ^ set(LONG_NOTES))}")
    if len(short) != 22 or len(long_) != 4:
        err(f"expected 22 short and 4 long notes, got {len(short)} and {len(long_)}")

    layouts, tags, demos = Counter(), Counter(), Counter()
    with_tickers = dates = blanks = no_nl = curly = 0
    for name, n in short.items():
        cos = SHORT_NOTES.get(name, [])
        if n["first"] == "date":
            dates += 1
            if not ("2026-07-01" <= n["date"] <= "2027-09-30"):
                err(f"{name}: date {n['date']} outside the period")
        elif n["first"] == "blank":
            blanks += 1
        if not n["final_nl"]:
            no_nl += 1
        if "\u2019" in n["raw"]:
            curly += 1
        ns = len(SENT_END.findall(n["news"]))
        if not 2 <= ns <= 4:
            err(f"{name}: news paragraph has {ns} sentences (want 2-4)")
        if not re.search(r"\d", n["news"]):
            err(f"{name}: news paragraph has no figures")
        wc = len(n["analytic"].split())
        if not 180 <= wc <= 240:
            err(f"{name}: analytic paragraph has {wc} words (want 180-240)")
        if n.get("tagline") not in TAGLINES:
            err(f"{name}: unknown tagline {n.get('tagline')!r}")
        tags[n.get("tagline")] += 1
        if n.get("demo") not in DEMO_LINES:
            err(f"{name}: bad demo/sentiment line {n.get('demo')!r}")
        demos[n.get("demo")] += 1
        if n.get("score_head") != "Sentiment Score" or n.get("ts_head") != "Ticker Sentiment":
            err(f"{name}: sentiment block headers wrong")
        label = n.get("label")
        try:
            score = float(n.get("score"))
        except (TypeError, ValueError):
            err(f"{name}: score not a number")
            score = None
        if label not in LABEL_BANDS:
            err(f"{name}: unknown label {label!r}")
        elif score is not None:
            lo, hi = LABEL_BANDS[label]
            if not lo <= score <= hi:
                err(f"{name}: score {score} does not fit label {label}")
        if n["tickers"]:
            with_tickers += 1
            seen = set()
            for line in n["tickers"]:
                m = TICKER_LINE.match(line)
                if not m:
                    err(f"{name}: bad ticker line {line!r}")
                    continue
                layouts["dollar" if m.group(1) else "colon" if m.group(3) else "plain"] += 1
                hit = [t for t in cos if m.group(2) in TICKER_SYMBOLS[t]]
                if not hit:
                    err(f"{name}: ticker line {line!r} is not a company of this note")
                seen.update(hit)
            if seen != set(cos):
                err(f"{name}: ticker lines must cover {cos}, got {sorted(seen)}")
        for t in cos:
            if not any(re.search(r"(?<![a-z])" + re.escape(a) + r"(?![a-z])", norm(n["body"]))
                       for a in ALIASES[t] + [COMPANIES[t].lower()]):
                err(f"{name}: does not name {COMPANIES[t]}")
    if not 12 <= with_tickers <= 14:
        err(f"{with_tickers} short notes have ticker lines (want about 13)")
    if not 9 <= dates <= 13:
        err(f"{dates} short notes have a Date line (want about half)")
    if blanks < 2 or no_nl < 2 or curly < 2:
        err(f"want some blank-first-line ({blanks}), no-final-newline ({no_nl}) and curly ({curly}) notes")
    if not 3 <= len(tags) <= 4:
        err(f"taglines used: {len(tags)} (want 3-4 variants)")
    if len(demos) != 2:
        err("both 'Request a Demo' and 'Request Demo' should occur")
    if len(layouts) < 3:
        err(f"ticker line layouts used: {dict(layouts)} (want plain, colon and $)")

    # coverage per company
    cover = Counter(t for cos in SHORT_NOTES.values() for t in cos)
    for t in REAL:
        if not 2 <= cover[t] <= 3:
            err(f"{t}: {cover[t]} short notes (want 2-3)")
    for t in INVENTED:
        if cover[t] != 2:
            err(f"{t}: {cover[t]} short notes (want 2)")
    if sum(1 for cos in SHORT_NOTES.values() if len(cos) == 2) != 2:
        err("want exactly two comparison short notes")
    for t, name in INVENTED.items():
        if not any(f"{name} ({t})" in n["raw"] for n in short.values()):
            err(f"{name} is never tied to its ticker as '{name} ({t})'")

    # long notes
    for name, n in long_.items():
        meta = n["meta"]
        for k in ("company", "ticker", "title", "date"):
            if not meta.get(k):
                err(f"{name}: front matter lacks {k}")
        if meta.get("ticker") != LONG_NOTES.get(name):
            err(f"{name}: ticker {meta.get('ticker')} != {LONG_NOTES.get(name)}")
        if meta.get("company") != COMPANIES.get(LONG_NOTES.get(name)):
            err(f"{name}: company {meta.get('company')!r} != {COMPANIES.get(LONG_NOTES.get(name))!r}")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", meta.get("date", "")):
            err(f"{name}: bad date")
        lines = n["body"].splitlines()
        prose = [l for l in lines if not l.startswith("|") and not l.startswith("#")]
        wc = len(" ".join(prose).split())
        if not 900 <= wc <= 1100:
            err(f"{name}: {wc} words of prose (want 900-1,100)")
        tables = [l for l in lines if l.startswith("|") and re.search(r"\|\s*(FY|Fiscal|Q[1-4]|H[12]|20\d\d)", l)]
        if not tables:
            err(f"{name}: no Markdown table with year or quarter columns")
        if "Sentiment" in n["raw"]:
            err(f"{name}: long notes have no sentiment block")
        if not re.search(r"\b(we|We|the Company|the Group)\b", n["body"]):
            err(f"{name}: not in the company voice")
    long_cos = Counter(LONG_NOTES.values())
    if sorted(long_cos.values()) != [1, 1, 2] or sum(1 for t in long_cos if t in INVENTED) != 1:
        err(f"long notes should cover two real companies and one invented (two pages): {dict(long_cos)}")

    # passing mentions: one sentence each, in the named note, no figures
    for comp, note in PASSING.items():
        rx = re.compile(re.escape(norm(comp).split("'")[0]))
        hits = [(name, s) for name, n in notes.items() for s in sentences(n["body"]) if rx.search(norm(s))]
        if len(hits) != 1 or hits[0][0] != note:
            err(f"passing company {comp}: want one sentence in {note}, got {[h[0] for h in hits]}")
        elif re.search(r"\d", hits[0][1]):
            err(f"passing company {comp}: its sentence contains a figure")


# ---------------------------------------------------------------- question checks
def category(q):
    if q.get("typo"):
        return "typo"
    if q.get("unknown_company"):
        return "unknown_company"
    return q["kind"]


def check_questions(notes):
    rows = []
    for i, line in enumerate(open(QA_PATH, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"qa.jsonl line {i}: {e}")
    ids = [q.get("id") for q in rows]
    if ids != ["q%03d" % i for i in range(1, len(rows) + 1)]:
        err("ids must run q001, q002, ... in order")
    byid = {q["id"]: q for q in rows}
    cats = Counter(category(q) for q in rows)
    if dict(cats) != EXPECTED_CATEGORIES:
        err(f"category counts {dict(cats)} != {EXPECTED_CATEGORIES}")
    short_of = {}
    for name, cos in SHORT_NOTES.items():
        for t in cos:
            short_of.setdefault(t, set()).add(name)

    for idx, q in enumerate(rows):
        qid = q.get("id")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                err(f"{qid}: missing field {k}")
        if q.get("kind") not in KINDS:
            err(f"{qid}: unknown kind {q.get('kind')}")
            continue
        t = q["ticker"]
        if t is not None and t not in COMPANIES:
            err(f"{qid}: ticker {t} is not a covered company")
        for g in q["gold_notes"]:
            if g not in notes:
                err(f"{qid}: gold note {g} does not exist")
        gold_text = [norm(notes[g]["raw"]) for g in q["gold_notes"] if g in notes]
        for kw in q["answer_keywords"]:
            if not any(norm(kw) in txt for txt in gold_text):
                err(f"{qid}: keyword {kw!r} not in any gold note")
        if t is not None:
            for g in q["gold_notes"]:
                if t not in SHORT_NOTES.get(g, []) and LONG_NOTES.get(g) != t:
                    err(f"{qid}: gold note {g} is not about {t}")
        kind = q["kind"]
        if kind == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                err(f"{qid}: no_answer must have empty gold and keywords")
        elif not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{qid}: answerable question needs gold notes and keywords")
        if kind == "follow_up":
            parent = rows[idx - 1] if idx else None
            if not parent or q.get("follows") != parent["id"]:
                err(f"{qid}: follow-up must come straight after its parent")
            elif parent["ticker"] != t:
                err(f"{qid}: follow-up ticker differs from parent")
            if re.search(FOLLOW_UP_FREE, norm(q["question"])):
                err(f"{qid}: follow-up names a company")
        elif "follows" in q:
            err(f"{qid}: only follow-ups have 'follows'")
        if q.get("typo"):
            if kind != "factual":
                err(f"{qid}: typo questions are factual")
            if any(re.search(r"\b" + re.escape(a) + r"\b", norm(q["question"])) for a in ALIASES.get(t, [])):
                err(f"{qid}: typo question spells the company correctly")
        if kind == "comparison":
            covered = {c for g in q["gold_notes"] for c in SHORT_NOTES.get(g, [LONG_NOTES.get(g)])}
            if t is not None or len(covered) < 2:
                err(f"{qid}: comparison needs ticker null and gold covering two companies")
        if kind == "general":
            if qid not in THEMES:
                err(f"{qid}: general question without a theme regex")
            else:
                want = theme_matches(THEMES[qid], notes)
                if set(q["gold_notes"]) != want:
                    err(f"{qid}: gold {sorted(q['gold_notes'])} != theme matches {sorted(want)}")
        if kind == "sentiment":
            want = short_of.get(t, set())
            if set(q["gold_notes"]) != want:
                err(f"{qid}: sentiment gold must be all short notes of {t}")
            labels = {notes[g]["label"] for g in want if g in notes}
            if {norm(k) for k in q["answer_keywords"]} != labels:
                err(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {sorted(labels)}")
        if q.get("unknown_company") and t not in INVENTED:
            err(f"{qid}: unknown_company question must be about an invented company")
        if t in INVENTED and not q.get("unknown_company"):
            err(f"{qid}: question about an invented company lacks unknown_company")

    # unknown company split
    unk = [q for q in rows if q.get("unknown_company")]
    ans = [q for q in unk if q["kind"] != "no_answer"]
    if len(ans) != 7 or len(unk) - len(ans) != 2:
        err(f"unknown_company: want 7 answerable + 2 unanswerable, got {len(ans)} + {len(unk) - len(ans)}")
    if {q["kind"] for q in ans} != {"factual", "risk", "sentiment"}:
        err("answerable unknown_company questions should mix factual, risk and sentiment")

    # near misses
    nm = {q["id"]: q for q in rows if "near_miss" in q}
    if set(nm) != set(NEAR_MISS):
        err(f"near-miss ids differ: {sorted(set(nm) ^ set(NEAR_MISS))}")
    for kind, qids in NEAR_MISS_KINDS.items():
        for qid in qids:
            if qid in nm and nm[qid]["near_miss"] != kind:
                err(f"{qid}: near_miss {nm[qid]['near_miss']} != {kind}")
    for qid, (note, nearby, absent) in NEAR_MISS.items():
        q = byid.get(qid)
        if not q or q["kind"] != "no_answer":
            err(f"{qid}: near miss must be a no_answer question")
            continue
        if note not in notes:
            err(f"{qid}: note {note} missing")
            continue
        raw = notes[note]["raw"]
        if norm(nearby) not in norm(raw):
            err(f"{qid}: nearby text not found in {note}: {nearby!r}")
        if re.search(absent, raw.replace("\u2019", "'")):
            err(f"{qid}: absent-fact regex matches {note}: {absent}")
        if q["near_miss"] == "passing_company":
            if q["ticker"] is not None:
                err(f"{qid}: passing-company question should have ticker null")
        elif q["ticker"] not in SHORT_NOTES.get(note, []):
            err(f"{qid}: near-miss note {note} is not about {q['ticker']}")
    for qid, (scope, absent) in OTHER_NO_ANSWER.items():
        q = byid.get(qid)
        if not q or q["kind"] != "no_answer" or "near_miss" in q:
            err(f"{qid}: expected a plain no_answer question")
            continue
        for name, n in notes.items():
            about = SHORT_NOTES.get(name, [LONG_NOTES.get(name)])
            if (scope == "*" or scope in about) and re.search(absent, n["raw"]):
                err(f"{qid}: {name} matches {absent}; the question would be answerable")
    plain_na = [q["id"] for q in rows if q["kind"] == "no_answer" and "near_miss" not in q
                and not q.get("unknown_company")]
    if sorted(plain_na) != sorted(k for k in OTHER_NO_ANSWER if not byid.get(k, {}).get("unknown_company")):
        err(f"plain no_answer questions {plain_na} not all listed in OTHER_NO_ANSWER")
    return rows


# ---------------------------------------------------------------- exclusions
def check_exclusions(notes, rows):
    names_path = os.path.join(EXCL_DIR, "excluded_names.txt")
    tick_path = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    if not (os.path.exists(names_path) and os.path.exists(tick_path)):
        print(f"note: exclusion lists not found in {EXCL_DIR}; exclusion checks skipped")
        return
    texts = [(n, v["raw"].replace("\u2019", "'")) for n, v in notes.items()]
    texts += [(q["id"], q["question"]) for q in rows]
    names = []
    for line in open(names_path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"(?<=[a-z])(?=Obelgarde)", "\n", line)  # two names glued in the list
        for part in line.split("\n"):
            m = re.match(r'^(.*?),\s*"(.+)"$', part)
            parts = [m.group(1), m.group(2)] if m else part.split(" / ")
            names += [p.strip() for p in parts if p.strip()]
    for nm in names:
        rx = re.compile(r"(?<![A-Za-z0-9])" + re.escape(nm) + r"(?![A-Za-z0-9])", re.I)
        for where, txt in texts:
            if rx.search(txt):
                err(f"excluded name {nm!r} appears in {where}")
    words = {w.lower() for nm in names for w in re.findall(r"[A-Za-z]+", nm)}
    for t, nm in INVENTED.items():
        shared = {w.lower() for w in nm.split()} & words
        if shared:
            err(f"invented name {nm} shares words with the excluded list: {shared}")
    tickers = {l.strip() for l in open(tick_path, encoding="utf-8") if l.strip()}
    codes = set(tickers) | {t.split(".")[0] for t in tickers if "." in t and len(t.split(".")[0]) >= 3}
    for c in codes:
        rx = re.compile(r"(?<![A-Za-z0-9.\-])\$?" + re.escape(c) + r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])")
        for where, txt in texts:
            if rx.search(txt):
                err(f"excluded ticker {c} appears in {where}")
    for t in list(INVENTED) + sorted(PASSING_TICKERS):
        if t in tickers:
            err(f"ticker {t} is on the exclusion list")


def main():
    notes = load_notes()
    check_notes(notes)
    rows = check_questions(notes)
    check_exclusions(notes, rows)
    if errors:
        for e in errors:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
