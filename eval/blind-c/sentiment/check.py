"""Checks the blind sentiment/time set: notes format, dates, and every expected answer.

Parses notes/ from scratch (does not reuse make_notes.py), resolves each note's date
(Date line > file name > first-sentence dateline > mtimes.json), recomputes every question's
expected sources and numbers from SPEC below and compares with questions.jsonl.
Run: python3 check.py   (exit 1 on any problem)
"""
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
MONTHS = "January February March April May June July August September October November December".split()
LABELS = {"strongly negative", "negative", "mildly negative", "neutral", "mildly positive", "positive", "strongly positive"}
KINDS = {"one_note", "period_note", "extreme", "ranking", "per_ticker", "ticker_compare", "trend", "window",
         "distribution", "mixed", "no_notes"}
# file -> last day of the reporting period it discusses
PERIODS = {
    "tsla-q4-2024-deliveries-miss.txt": "2024-12-31", "tsla-q4-2025-results.txt": "2025-12-31",
    "2026-07-23-tsla-q2-2026-results.txt": "2026-06-30", "nvda-fq2-datacenter.txt": "2025-07-27",
    "nvda-fq1-2027-results.txt": "2026-04-26", "ba-q3-2025-777x-charge.txt": "2025-09-30",
    "ba-q2-2026-results.txt": "2026-06-30", "pfe-q4-2024-cost-cuts.txt": "2024-12-31",
    "2026-05-05-pfe-q1-2026-results.txt": "2026-03-31", "cost-fq4-2026-results.txt": "2026-08-30",
    "hlvr-q2-2026-results.txt": "2026-06-30", "20260219_qlmk_fy2025_results.txt": "2025-12-31",
}
# How each question's answer is recomputed (see README for the definitions).
SPEC = {
    "s01": ("note", "tsla-model-y-recall.txt"), "s02": ("note", "hlvr-short-seller-report.txt"),
    "s03": ("note", "pfe-ardent-oncology-deal.txt"), "s04": ("note", "ba-turkish-787-order.txt"),
    "s05": ("note", "tsla-q4-2025-results.txt"), "s06": ("note", "nvda-fq1-2027-results.txt"),
    "s07": ("note", "ba-q3-2025-777x-charge.txt"), "s08": ("note", "cost-fq4-2026-results.txt"),
    "s09": ("note", "20260219_qlmk_fy2025_results.txt"), "s10": ("note", "2026-05-05-pfe-q1-2026-results.txt"),
    "s11": ("note", "tsla-q4-2024-deliveries-miss.txt"),
    "s12": ("extreme", "TSLA", "min"), "s13": ("extreme", "COST", "max"), "s14": ("extreme", "PFE", "min"),
    "s15": ("ranking", ["TSLA", "BA", "COST"]), "s16": ("ranking", ["NVDA", "HLVR", "QLMK"]),
    "s17": ("tickers", "20260414_tsla_cybercab_production.txt", None),
    "s18": ("tickers", "pfe-obesity-pill-halt.txt", None),
    "s19": ("tickers", "nvda-cowos-capacity-deal.txt", ["NVDA", "TSM"]),
    "s20": ("tickers", "20261105_pfe_vaccine_policy.txt", ["PFE", "MRNA"]),
    "s21": ("tickers", "20261112_hlvr_meridian_pilot.txt", ["HLVR", "SYM"]),
    "s22": ("trend", "TSLA", "2026-06-01"), "s23": ("trend", "HLVR", "2026-01-01"), "s24": ("trend", "BA", "2026-01-01"),
    "s25": ("window", "NVDA", "2026-07-01", "2026-09-30"), "s26": ("window", "TSLA", -60, None),
    "s27": ("window", "PFE", "2025-01-01", "2025-12-31"), "s28": ("window", "HLVR", -30, None),
    "s29": ("negcount", "TSLA"), "s30": ("posneg", "BA"),
    "s31": ("latest", "BA"), "s32": ("negwindow", "NVDA", "2026-09-01"),
    "s33": ("onein", "QLMK", "2025-07-01", "2025-07-31"),
    "s34": ("absent", ["Netflix", "NFLX"]), "s35": ("empty", "BA", "2025-04-01", "2025-06-30"),
    "s36": ("absent_for", "HLVR", ["Q4 2025", "fourth quarter", "fourth-quarter"]),
}
problems = []


def bad(msg):
    problems.append(msg)


def fmt(x):
    d = Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "0.00" if d == 0 else f"{d:.2f}"


def avg(values):
    exact = sum(Decimal(v) for v in values) / len(values)
    if abs((exact * 200) % 2 - 1) < Decimal("0.01"):
        bad(f"average {exact} sits on a rounding boundary")
    return fmt(exact)


def parse(fname):
    text = open(os.path.join(NOTES, fname), encoding="utf-8").read()
    body, sep, block = text.partition("Overall Sentiment\n")
    if not sep or not re.search(r"Request (a )?Demo$", body):
        bad(f"{fname}: sentiment block not glued to 'Request (a) Demo'")
    lines = block.split("\n")
    if len(lines) < 6 or lines[1] != "Sentiment Score" or lines[3] != "Ticker Sentiment" or len(lines) % 2:
        bad(f"{fname}: malformed sentiment block")
    label, score = lines[0], lines[2]
    tickers = dict(zip(lines[4::2], lines[5::2]))
    if label not in LABELS or ("negative" in label) != score.startswith("-"):
        bad(f"{fname}: label {label!r} does not match score {score}")
    for s in [score, *tickers.values()]:
        if not re.fullmatch(r"-?[01]\.\d\d", s):
            bad(f"{fname}: score {s!r} not printed with 2 decimals")
    paras = [p for p in body.split("\n") if p.strip()]
    if len(paras) < 4 or not paras[-1].startswith("Request"):
        bad(f"{fname}: expected news, analysis, footer, Request Demo")
    return {"file": fname, "text": text, "label": label, "score": score, "tickers": tickers, "body": body}


def resolve_date(note, mtimes):
    """Return (date, source) using the same precedence a reader would."""
    fname, text = note["file"], note["text"]
    found = {}
    m = re.search(r"^Date:\s*(\d{4}-\d{2}-\d{2})\s*$", "\n".join(text.split("\n")[:3]), re.M)
    if m:
        found["date_line"] = m.group(1)
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})[-_]", fname)
    if m:
        found["file_name"] = "-".join(m.groups())
    first = [p for p in text.split("\n") if p.strip() and not p.startswith("Date:")][0]
    m = re.match(r"On (%s) (\d{1,2}), (\d{4})," % "|".join(MONTHS), first)
    if m:
        found["dateline"] = dt.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2))).isoformat()
    if len(found) != 1:
        bad(f"{fname}: expected exactly one date source, found {found}")
    if not found:
        return mtimes[fname], "mtime"
    src, date = next(iter(found.items()))
    gap = (dt.date.fromisoformat(mtimes[fname]) - dt.date.fromisoformat(date)).days
    if not 1 <= gap <= 10:
        bad(f"{fname}: mtime {mtimes[fname]} not a few days after {date}")
    return date, src


def on(notes, ticker, start="0000", end="9999"):
    sel = [n for n in notes if ticker in n["tickers"] and start <= n["date"] <= end]
    return sorted(sel, key=lambda n: n["date"])


def expect(spec, notes, by_file, today):
    """Return (sources, numbers) for one SPEC entry."""
    kind = spec[0]
    if kind == "note":
        n = by_file[spec[1]]
        return [n["file"]], [n["score"], *n["tickers"].values()]
    if kind == "tickers":
        n = by_file[spec[1]]
        keys = spec[2] or list(n["tickers"])
        return [n["file"]], [n["tickers"][k] for k in keys]
    if kind == "extreme":
        pick = (min if spec[2] == "min" else max)(on(notes, spec[1]), key=lambda n: float(n["score"]))
        return [pick["file"]], [pick["score"]]
    if kind == "ranking":
        src, nums = [], []
        for t in spec[1]:
            sel = on(notes, t)
            src += [n["file"] for n in sel]
            nums.append(avg([n["tickers"][t] for n in sel]))
        return src, nums
    if kind == "trend":
        sel = on(notes, spec[1], spec[2], today)
        change = fmt(Decimal(sel[-1]["score"]) - Decimal(sel[0]["score"]))
        return [n["file"] for n in sel], [sel[0]["score"], sel[-1]["score"], change, str(len(sel))]
    if kind == "window":
        start, end = spec[2], spec[3]
        if isinstance(start, int):
            start, end = (dt.date.fromisoformat(today) + dt.timedelta(days=start)).isoformat(), today
        sel = on(notes, spec[1], start, end)
        nums = [n["score"] for n in sel]
        if len(sel) > 1:
            nums += [avg(nums), str(len(sel))]
        return [n["file"] for n in sel], nums
    if kind == "negcount":
        sel = on(notes, spec[1])
        neg = [n for n in sel if float(n["score"]) < 0]
        return [n["file"] for n in neg], [str(len(neg)), str(len(sel))]
    if kind == "posneg":
        sel = on(notes, spec[1])
        pos = sum(float(n["score"]) > 0 for n in sel)
        return [n["file"] for n in sel], [str(pos), str(sum(float(n["score"]) < 0 for n in sel))]
    if kind == "latest":
        n = on(notes, spec[1], "0000", today)[-1]
        return [n["file"]], [n["score"], n["tickers"][spec[1]]]
    if kind == "negwindow":
        sel = on(notes, spec[1], spec[2], today)
        if any(float(n["score"]) >= 0 for n in sel):
            bad(f"{spec}: window holds a non-negative note")
        return [n["file"] for n in sel], [n["score"] for n in sel]
    if kind == "onein":
        sel = on(notes, spec[1], spec[2], spec[3])
        if len(sel) != 1:
            bad(f"{spec}: expected exactly one note, got {len(sel)}")
        return [sel[0]["file"]], [sel[0]["score"], sel[0]["tickers"][spec[1]]]
    if kind == "absent":
        for n in notes:
            for word in spec[1]:
                if word.lower() in n["text"].lower():
                    bad(f"{spec}: {word} occurs in {n['file']}")
        return [], []
    if kind == "empty":
        if on(notes, spec[1], spec[2], spec[3]):
            bad(f"{spec}: window is not empty")
        return [], []
    if kind == "absent_for":
        for n in on(notes, spec[1]):
            for word in spec[2]:
                if word.lower() in n["text"].lower():
                    bad(f"{spec}: {word} occurs in {n['file']}")
        return [], []
    raise ValueError(kind)


def main():
    mtimes = json.load(open(os.path.join(HERE, "mtimes.json"), encoding="utf-8"))
    files = sorted(f for f in os.listdir(NOTES) if f.endswith(".txt"))
    if set(files) != set(mtimes):
        bad(f"mtimes.json and notes/ differ: {set(files) ^ set(mtimes)}")
    notes, sources = [], Counter()
    for f in files:
        n = parse(f)
        n["date"], src = resolve_date(n, mtimes)
        sources[src] += 1
        if not "2025-01-01" <= n["date"] <= "2026-11-30":
            bad(f"{f}: date {n['date']} outside Jan 2025 - Nov 2026")
        notes.append(n)
    by_file = {n["file"]: n for n in notes}
    for f, end in PERIODS.items():
        gap = (dt.date.fromisoformat(by_file[f]["date"]) - dt.date.fromisoformat(end)).days
        if not 14 <= gap <= 70:
            bad(f"{f}: published {gap} days after its period end")
    multi = sum(len(n["tickers"]) > 1 for n in notes)
    companies = Counter(next(iter(n["tickers"])) for n in notes)

    rows = [json.loads(line) for line in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8")]
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        bad("duplicate question ids")
    if set(ids) != set(SPEC):
        bad(f"questions and SPEC differ: {set(ids) ^ set(SPEC)}")
    kinds = Counter(r["kind"] for r in rows)
    for r in rows:
        qid = r["id"]
        if r["kind"] not in KINDS:
            bad(f"{qid}: unknown kind {r['kind']}")
        dt.date.fromisoformat(r["today"])
        for s in r["expected_sources"]:
            if s not in by_file:
                bad(f"{qid}: source {s} does not exist")
        if r["answerable"] != (r["kind"] != "no_notes") or (not r["answerable"] and (r["expected_sources"] or r["expected_numbers"])):
            bad(f"{qid}: answerable/no_notes mismatch")
        src, nums = expect(SPEC[qid], notes, by_file, r["today"])
        if sorted(src) != sorted(r["expected_sources"]):
            bad(f"{qid}: sources {r['expected_sources']} != recomputed {src}")
        if sorted(nums) != sorted(r["expected_numbers"]):
            bad(f"{qid}: numbers {r['expected_numbers']} != recomputed {nums}")
        if SPEC[qid][0] in ("note", "tickers", "extreme", "latest", "onein", "negwindow"):
            printed = {x for s in r["expected_sources"] if s in by_file
                       for x in by_file[s]["text"].partition("Overall Sentiment\n")[2].split("\n")}
            for x in r["expected_numbers"]:
                if x not in printed:
                    bad(f"{qid}: printed number {x} not in its source notes")
    for k in KINDS:
        if kinds[k] < (4 if k == "period_note" else 2):
            bad(f"too few questions of kind {k}: {kinds[k]}")
    print(f"notes: {len(notes)}  date sources: {dict(sources)}  multi-ticker: {multi}  period notes: {len(PERIODS)}")
    print(f"notes per company: {dict(companies)}")
    print(f"questions: {len(rows)}  kinds: {dict(sorted(kinds.items()))}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
