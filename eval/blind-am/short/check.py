#!/usr/bin/env python3
"""Validate the blind content evaluation set in this folder (stdlib only).

Checks note format, company coverage, question counts per kind, answer keywords,
general-theme gold sets, sentiment gold/keywords, near misses and exclusions.
Prints OK when everything passes, otherwise one line per problem and exits 1.

Usage: python3 check.py [EXCLUSIONS_DIR]   (default /work/blind-prompts)
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
EXCL_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/blind-prompts"

ERRORS = []


def err(msg):
    ERRORS.append(msg)


# ---------------------------------------------------------------- companies
# covered companies: ticker -> (full name, short names used to detect mentions)
REAL = {
    "LOGN.SW": ("Logitech", ["Logitech", "logi"]),
    "TREL-B.ST": ("Trelleborg", ["Trelleborg", "trel"]),
    "GETI-B.ST": ("Getinge", ["Getinge", "geti"]),
    "EKTA-B.ST": ("Elekta", ["Elekta", "ekta"]),
    "BRE.MI": ("Brembo", ["Brembo", "bre"]),
    "VIS.MC": ("Viscofan", ["Viscofan", "vis"]),
    "GXI.DE": ("Gerresheimer", ["Gerresheimer", "gxi"]),
}
INVENTED = {
    "CTVP": ("Castrevo Payments", ["Castrevo", "ctvp"]),
    "VRLN": ("Virellon Biogas", ["Virellon", "vrln"]),
}
COVERED = dict(REAL, **INVENTED)
# real companies mentioned only in passing (one sentence, no figures)
PASSING = {"Corsair Gaming": "CRSR", "Steris": "STE", "Accuray": "ARAY", "Stevanato Group": "STVN"}

TAGLINES = {
    "AI-driven research, real-time alerts and portfolio analytics for institutional investors.",
    "Institutional-grade equity research, screening and alerts in one workspace.",
    "Real-time coverage, risk signals and portfolio insight for buy-side teams.",
    "Faster research for professional investors: news, models and alerts in one place.",
}
DEMO_LINES = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
LABELS = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.15, 0.4999),
    "neutral": (-0.1499, 0.1499),
    "mildly negative": (-0.4999, -0.15),
    "strongly negative": (-1.0, -0.5),
}
TICKER_LINE = re.compile(r"^(\$?)([A-Z][A-Z0-9.\-]*)(:?) (-?\d\.\d\d)$")
DATE_LINE = re.compile(r"^Date: (\d{4})-(\d{2})-(\d{2})$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z€$])")

# general questions: theme regex over every note (short and long); gold must equal the matches
THEMES = {
    "which names are flagging energy costs as a margin issue?": r"energy costs?",
    "where is destocking showing up across the names we cover?": r"destock",
    "who in coverage is flagging tariff risk?": r"tariff",
}

NEAR_MISS_TYPES = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
EXPECTED = {  # category -> count (category = typo / unknown_company flag first, then kind)
    "factual": 16, "follow_up": 4, "risk": 6, "comparison": 4, "general": 3,
    "sentiment": 3, "typo": 2, "unknown_company": 9, "no_answer": 24,
}


def mentioned(text, ticker):
    """Which covered company is named in text (full name or ticker)."""
    name = COVERED[ticker][0].split()[0]
    return bool(re.search(r"\b" + re.escape(name) + r"\b", text)) or ticker in text


# ---------------------------------------------------------------- notes
def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as f:
            notes[fn] = f.read()
    return notes


def parse_short(fn, text):
    info = {"fn": fn}
    lines = text.split("\n")
    info["final_newline"] = text.endswith("\n")
    if info["final_newline"]:
        lines = lines[:-1]
    i = 0
    info["first"] = None
    if lines and (lines[0] == "" or DATE_LINE.match(lines[0])):
        info["first"] = lines[0]
        i = 1
        m = DATE_LINE.match(lines[0])
        if m and not ("2037-01-01" <= lines[0][6:] <= "2038-06-30"):
            err(f"{fn}: date {lines[0]} outside fiscal 2037 to mid-2038")
    body = lines[i:]
    if len(body) < 8:
        err(f"{fn}: too few lines ({len(body)})")
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    info["tlines"] = body[8:]
    info["news"], info["analytic"] = news, analytic
    sents = SENT_SPLIT.split(news.strip())
    if not 2 <= len(sents) <= 4:
        err(f"{fn}: news paragraph has {len(sents)} sentences")
    if not re.search(r"\d", news) or not re.search(r"(20\d\d|\bQ[1-4]\b|fiscal|FY)", news):
        err(f"{fn}: news paragraph lacks figures or their period")
    wc = len(analytic.split())
    if not 180 <= wc <= 240:
        err(f"{fn}: analytic paragraph has {wc} words")
    if tagline not in TAGLINES:
        err(f"{fn}: unknown tagline {tagline!r}")
    info["tagline"] = tagline
    if demo not in DEMO_LINES:
        err(f"{fn}: bad demo line {demo!r}")
    info["demo"] = demo
    if label not in LABELS:
        err(f"{fn}: bad label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        err(f"{fn}: sentiment block out of order")
    try:
        val = float(score)
        lo, hi = LABELS.get(label, (-9, 9))
        if not lo <= val <= hi:
            err(f"{fn}: score {val} inconsistent with label {label}")
    except ValueError:
        err(f"{fn}: score not a number {score!r}")
    info["label"], info["score"] = label, score
    # main companies: covered companies named in the news paragraph
    info["companies"] = [t for t in COVERED if mentioned(news, t)]
    if not 1 <= len(info["companies"]) <= 2:
        err(f"{fn}: news names {info['companies']}")
    tl_tickers = []
    for tl in info["tlines"]:
        m = TICKER_LINE.match(tl)
        if not m:
            err(f"{fn}: bad ticker line {tl!r}")
            continue
        tl_tickers.append(m.group(2))
    if tl_tickers and sorted(tl_tickers) != sorted(info["companies"]):
        err(f"{fn}: ticker lines {tl_tickers} != main companies {info['companies']}")
    return info


def prose_words(body):
    lines = [l for l in body.splitlines() if l.strip() and not l.lstrip().startswith("|") and not l.startswith("#")]
    return len(" ".join(lines).split())


def check_table_totals(fn, body):
    tables, cur = [], []
    for line in body.splitlines():
        if line.lstrip().startswith("|"):
            cur.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    has_period_cols = False
    for t in tables:
        header, rows = t[0], [r for r in t[2:]]
        if any(re.match(r"^(FY\d{4}|Q[1-4])$", h) for h in header[1:]):
            has_period_cols = True
        if not rows or not re.match(r"^(Total|Full year)", rows[-1][0]):
            continue
        for col in range(1, len(header)):
            cells = [r[col] for r in rows]
            if not all(re.match(r"^-?[\d,]+(\.\d+)?$", c) for c in cells):
                continue
            nums = [float(c.replace(",", "")) for c in cells]
            if abs(sum(nums[:-1]) - nums[-1]) > 0.15:
                err(f"{fn}: table '{header[0]}' column {header[col]} rows sum {sum(nums[:-1])} != total {nums[-1]}")
    if not has_period_cols:
        err(f"{fn}: no table with fiscal-year or quarter columns")
    return len(tables)


def parse_long(fn, text):
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        err(f"{fn}: missing YAML front matter")
        return None
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            err(f"{fn}: front matter lacks {k}")
    if fm.get("ticker") not in COVERED:
        err(f"{fn}: ticker {fm.get('ticker')} not a covered company")
    body = m.group(2)
    wc = prose_words(body)
    if not 900 <= wc <= 1100:
        err(f"{fn}: prose has {wc} words (want 900-1100)")
    if not re.search(r"\b(we|We|the Company)\b", body):
        err(f"{fn}: not in the we/the Company voice")
    if "Sentiment" in body:
        err(f"{fn}: long note must not carry a sentiment block")
    check_table_totals(fn, body)
    return {"fn": fn, "ticker": fm.get("ticker"), "body": body, "front": fm}


# ---------------------------------------------------------------- exclusions
def load_exclusions():
    tpath = os.path.join(EXCL_DIR, "excluded_tickers.txt")
    npath = os.path.join(EXCL_DIR, "excluded_names.txt")
    if not (os.path.exists(tpath) and os.path.exists(npath)):
        err(f"exclusion lists not found in {EXCL_DIR}")
        return set(), []
    tickers = {l.strip() for l in open(tpath, encoding="utf-8") if l.strip()}
    names = []
    for line in open(npath, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        parts = [line]
        parts += re.findall(r'"([^"]+)"', line)  # aliases such as "CICT"
        parts += [p.strip() for p in re.split(r"\s*/\s*", re.sub(r',\s*".*?"', "", line)) if p.strip()]
        # a missing newline glued two names together, e.g. "... TherapeuticsObelgarde"
        m = re.match(r"^(.* \S*?[a-z])([A-Z][a-z]+)$", line)
        if m:
            parts += [m.group(1), m.group(2)]
        names.extend(p.strip().strip(",") for p in parts)
    return tickers, sorted({n for n in names if len(n) >= 2})


TOKEN = re.compile(r"(?<![A-Za-z0-9.\-])\$?([A-Z0-9][A-Z0-9.\-]*[A-Z0-9]|[A-Z])(?![A-Za-z0-9\-])")


def check_exclusions(notes, qa):
    tickers, names = load_exclusions()
    texts = dict(notes)
    texts["qa.jsonl"] = "\n".join(q["question"] for q in qa)
    for src, text in texts.items():
        for name in names:
            if re.search(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])", text, re.I):
                err(f"{src}: excluded name {name!r}")
        for m in TOKEN.finditer(text):
            tok = m.group(1)
            if tok not in tickers:
                continue
            # one-letter tickers (A, C, F ...) only count in ticker context: $A, (A), a ticker line
            if len(tok) == 1:
                start, end = m.start(), m.end()
                before = text[max(0, start - 1):start]
                ctx = m.group(0).startswith("$") or (before == "(" and text[end:end + 1] == ")")
                line = text[text.rfind("\n", 0, start) + 1:].split("\n", 1)[0]
                if not ctx and not TICKER_LINE.match(line):
                    continue
            err(f"{src}: excluded ticker {tok!r}")
    for q in qa:
        if q.get("ticker") and q["ticker"] in tickers:
            err(f"{q['id']}: excluded ticker field {q['ticker']}")
    all_tickers = list(COVERED) + list(PASSING.values())
    for t in all_tickers:
        if t in tickers:
            err(f"company ticker {t} is excluded")
    excluded_words = {w.lower() for n in names for w in re.findall(r"[A-Za-z]+", n)}
    for t, (name, _) in INVENTED.items():
        words = name.split()
        if not 2 <= len(words) <= 3:
            err(f"invented name {name!r} must have two or three words")
        shared = {w.lower() for w in words} & excluded_words
        if shared:
            err(f"invented name {name!r} shares words {shared} with the excluded names")
        if not re.match(r"^[A-Z]{3,4}$", t):
            err(f"invented ticker {t} must be 3-4 capitals")
    dict_path = "/usr/share/dict/words"
    if os.path.exists(dict_path):
        words = {w.strip().lower() for w in open(dict_path, encoding="utf-8", errors="ignore")}
        for name, _ in INVENTED.values():
            if name.split()[0].lower() in words:
                err(f"invented name {name!r}: first word is an English word")
    for pname in PASSING:
        if any(pname.lower() in n.lower() or n.lower() == pname.lower() for n in names):
            err(f"passing company {pname} is excluded")


# ---------------------------------------------------------------- main checks
def main():
    notes = load_notes()
    short = {fn: t for fn, t in notes.items() if fn.endswith(".txt")}
    long_ = {fn: t for fn, t in notes.items() if fn.endswith(".md")}
    other = set(notes) - set(short) - set(long_)
    if other:
        err(f"unexpected files in notes/: {sorted(other)}")
    if len(short) != 22:
        err(f"{len(short)} short notes, want 22")
    if len(long_) != 4:
        err(f"{len(long_)} long notes, want 4")

    info = {}
    for fn, t in short.items():
        p = parse_short(fn, t)
        if p:
            info[fn] = p
    linfo = {}
    for fn, t in long_.items():
        p = parse_long(fn, t)
        if p:
            linfo[fn] = p

    # note-level distribution
    n_date = sum(1 for p in info.values() if p["first"] and p["first"].startswith("Date:"))
    n_blank = sum(1 for p in info.values() if p["first"] == "")
    n_tl = sum(1 for p in info.values() if p["tlines"])
    n_nonl = sum(1 for p in info.values() if not p["final_newline"])
    n_curly = sum(1 for fn in info if "\u2019" in short[fn])
    if not 9 <= n_date <= 13:
        err(f"{n_date} notes with a Date line, want about half")
    if n_blank < 1:
        err("no note starts with a blank line")
    if not 12 <= n_tl <= 14:
        err(f"{n_tl} notes with ticker lines, want about 13")
    if n_nonl < 1 or n_curly < 1:
        err("want some notes without final newline and some with curly apostrophes")
    if not 3 <= len({p["tagline"] for p in info.values()}) <= 4:
        err("want 3-4 tagline variants")
    if len({p["demo"] for p in info.values()}) != 2:
        err("want both 'Request a Demo' and 'Request Demo'")
    layouts = {(bool(m.group(1)), bool(m.group(3))) for p in info.values() for tl in p["tlines"]
               for m in [TICKER_LINE.match(tl)] if m}
    if len(layouts) < 3:
        err("ticker line layouts not varied")

    # coverage per company
    per = {t: [fn for fn, p in info.items() if t in p["companies"]] for t in COVERED}
    for t, fns in per.items():
        want = (2, 2) if t in INVENTED else (2, 3)
        if not want[0] <= len(fns) <= want[1]:
            err(f"{t}: {len(fns)} short notes, want {want}")
    pairs = [fn for fn, p in info.items() if len(p["companies"]) == 2]
    if len(pairs) != 2 or any(set(info[fn]["companies"]) & set(INVENTED) for fn in pairs):
        err(f"want exactly two comparison notes on covered real companies, got {pairs}")
    for t, (name, _) in INVENTED.items():
        for fn in per[t]:
            if f"{name} ({t})" not in short[fn]:
                err(f"{fn}: invented company not tied to ticker as '{name} ({t})'")
    lt = [p["ticker"] for p in linfo.values()]
    real_long = {t for t in lt if t in REAL}
    inv_long = [t for t in lt if t in INVENTED]
    if len(real_long) != 2 or len(inv_long) != 2 or len(set(inv_long)) != 1:
        err(f"long notes should cover two real companies and one invented company twice: {lt}")

    # passing mentions: one sentence in one note, no figures, note about a covered company
    all_text = "\n".join(notes.values())
    for pname in PASSING:
        hits = [fn for fn, t in notes.items() if pname in t]
        if len(hits) != 1:
            err(f"passing company {pname} appears in {hits}")
            continue
        sents = [s for s in re.split(r"(?<=[.!?])\s+", notes[hits[0]]) if pname in s]
        if len(sents) != 1 or re.search(r"\d", sents[0]):
            err(f"passing company {pname}: want one sentence without figures, got {sents}")
        if hits[0] in info and pname in info[hits[0]]["news"]:
            err(f"passing company {pname} must not be in the news paragraph")

    # ------------------------------------------------------------ questions
    qa = [json.loads(l) for l in open(QA_PATH, encoding="utf-8") if l.strip()]
    ids = [q["id"] for q in qa]
    if ids != [f"q{i:03d}" for i in range(1, len(qa) + 1)]:
        err("ids must be q001.. in order")
    if len({q["question"].lower() for q in qa}) != len(qa):
        err("duplicate questions")
    cats = {}
    for q in qa:
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                err(f"{q.get('id')}: missing field {k}")
        cat = "typo" if q.get("typo") else "unknown_company" if q.get("unknown_company") else q["kind"]
        cats.setdefault(cat, []).append(q)
        for g in q["gold_notes"]:
            if g not in notes:
                err(f"{q['id']}: gold note {g} does not exist")
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                err(f"{q['id']}: no_answer must have empty gold and keywords")
        else:
            if not q["gold_notes"] or not q["answer_keywords"]:
                err(f"{q['id']}: answerable question needs gold notes and keywords")
            gold_text = "\n".join(notes.get(g, "") for g in q["gold_notes"]).lower()
            for kw in q["answer_keywords"]:
                if kw.lower() not in gold_text:
                    err(f"{q['id']}: keyword {kw!r} not in gold notes")
        if q["ticker"] is not None and q["ticker"] in COVERED and q["kind"] != "no_answer":
            for g in q["gold_notes"]:
                owners = info[g]["companies"] if g in info else [linfo[g]["ticker"]] if g in linfo else []
                if q["ticker"] not in owners:
                    err(f"{q['id']}: gold {g} is not about {q['ticker']}")
    for cat, n in EXPECTED.items():
        got = len(cats.get(cat, []))
        if got != n:
            err(f"category {cat}: {got} questions, want {n}")
    extra = set(cats) - set(EXPECTED)
    if extra:
        err(f"unexpected categories {extra}")

    byid = {q["id"]: q for q in qa}
    # factual: 4 from long notes
    n_long = sum(1 for q in cats.get("factual", []) if all(g.endswith(".md") for g in q["gold_notes"]))
    if n_long != 4:
        err(f"{n_long} factual questions answered from long notes, want 4")
    # follow-ups
    for q in cats.get("follow_up", []):
        p = byid.get(q.get("follows"))
        idx = ids.index(q["id"])
        if not p or idx == 0 or ids[idx - 1] != p["id"]:
            err(f"{q['id']}: follow-up must come straight after its parent")
        elif p["ticker"] != q["ticker"]:
            err(f"{q['id']}: follow-up ticker differs from parent")
        for t, (name, shorts) in COVERED.items():
            for s in [name.split()[0]] + shorts + [t]:
                if re.search(r"\b" + re.escape(s) + r"\b", q["question"], re.I):
                    err(f"{q['id']}: follow-up names a company ({s})")
    # comparisons
    for q in cats.get("comparison", []):
        if q["ticker"] is not None:
            err(f"{q['id']}: comparison ticker must be null")
        covered = set()
        for g in q["gold_notes"]:
            covered |= set(info[g]["companies"]) if g in info else set()
        named = {t for t, (name, shorts) in COVERED.items()
                 if re.search(r"\b" + re.escape(name.split()[0]) + r"\b", q["question"], re.I)}
        if len(named) != 2 or not named <= covered:
            err(f"{q['id']}: comparison must name two companies covered by gold ({named} vs {covered})")
    # general themes
    for q in cats.get("general", []):
        rx = THEMES.get(q["question"])
        if not rx:
            err(f"{q['id']}: no theme regex")
            continue
        match = sorted(fn for fn, t in notes.items() if re.search(rx, t, re.I))
        if match != sorted(q["gold_notes"]):
            err(f"{q['id']}: theme /{rx}/ matches {match}, gold {sorted(q['gold_notes'])}")
        if q["ticker"] is not None:
            err(f"{q['id']}: general ticker must be null")
    # sentiment (incl. invented companies)
    for q in [q for q in qa if q["kind"] == "sentiment"]:
        t = q["ticker"]
        want = sorted(per.get(t, []))
        if sorted(q["gold_notes"]) != want:
            err(f"{q['id']}: sentiment gold {q['gold_notes']} != all short notes {want}")
        labels = {info[fn]["label"] for fn in want}
        if set(q["answer_keywords"]) != labels:
            err(f"{q['id']}: sentiment keywords {q['answer_keywords']} != labels {labels}")
    # typos
    for q in cats.get("typo", []):
        name = COVERED[q["ticker"]][0].split()[0].lower()
        words = re.findall(r"[a-z]+", q["question"].lower())
        if name in words or q["kind"] != "factual":
            err(f"{q['id']}: typo question must be factual and misspell the name")
        elif not any(difflib.SequenceMatcher(None, w, name).ratio() >= 0.8 for w in words):
            err(f"{q['id']}: no near-spelling of {name}")
    # invented companies
    uc = cats.get("unknown_company", [])
    ans = [q for q in uc if q["kind"] != "no_answer"]
    if len(ans) != 7 or len(uc) - len(ans) != 2:
        err(f"unknown_company: {len(ans)} answerable / {len(uc) - len(ans)} unanswerable, want 7/2")
    if {q["kind"] for q in ans} != {"factual", "risk", "sentiment"}:
        err("unknown_company answerable kinds should span factual, risk, sentiment")
    for q in uc:
        if q["ticker"] not in INVENTED:
            err(f"{q['id']}: unknown_company question not about an invented company")
        if q["kind"] == "no_answer":
            ac = q.get("absent_check", {})
            if ac.get("nearby") not in notes.get(ac.get("nearby_note"), ""):
                err(f"{q['id']}: nearby text not in {ac.get('nearby_note')}")
            for fn in ac.get("notes", []):
                if re.search(ac["absent"], notes[fn]):
                    err(f"{q['id']}: absent-fact regex matches {fn}")
    # near misses
    nmq = [q for q in cats.get("no_answer", []) if q.get("near_miss")]
    counts = {t: 0 for t in NEAR_MISS_TYPES}
    for q in nmq:
        nm = q["near_miss"]
        if nm.get("type") not in counts:
            err(f"{q['id']}: unknown near-miss type {nm.get('type')}")
            continue
        counts[nm["type"]] += 1
        text = notes.get(nm["note"], "")
        if nm["nearby"] not in text:
            err(f"{q['id']}: nearby text not found in {nm['note']}")
        for fn in nm.get("absent_in", [nm["note"]]):
            m = re.search(nm["absent"], notes.get(fn, ""))
            if m:
                err(f"{q['id']}: absent-fact regex matches {fn}: {m.group(0)!r}")
        if nm["type"] == "passing_company":
            pn = [p for p in PASSING if p in nm["nearby"]]
            if len(pn) != 1 or PASSING[pn[0]] != q["ticker"] or pn[0].split()[0].lower() not in q["question"].lower():
                err(f"{q['id']}: passing-company near miss must target one passing company")
        elif q["ticker"] not in REAL:
            err(f"{q['id']}: near miss should be about a covered real company")
    for t, n in counts.items():
        if n != 4:
            err(f"near-miss type {t}: {n}, want 4")
    rest = [q for q in cats.get("no_answer", []) if not q.get("near_miss")]
    reasons = sorted(q.get("reason", "") for q in rest)
    if reasons != ["no_notes", "no_notes", "off_topic", "uncovered_period"]:
        err(f"other no-answer reasons {reasons}")
    for q in rest:
        if q.get("reason") == "no_notes":
            if re.search(re.escape(q["company"]), all_text, re.I) or q["company"].lower() not in q["question"].lower():
                err(f"{q['id']}: {q['company']} must be asked about and absent from notes")
        if q.get("reason") == "uncovered_period":
            if q["period"] in all_text or q["period"] not in q["question"]:
                err(f"{q['id']}: period {q['period']} must be asked and absent from notes")
        if q.get("reason") == "off_topic" and q["ticker"] is not None:
            err(f"{q['id']}: off-topic ticker must be null")

    check_exclusions(notes, qa)

    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
