"""Recompute every expected number/source in questions.jsonl from the note files themselves."""
import os, re, json, datetime as dt
from decimal import Decimal, ROUND_HALF_UP
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
SCORE = re.compile(r"^-?\d\.\d\d$")


def readme_mtimes():
    txt = open(os.path.join(HERE, "README.md")).read()
    block = txt.split("MTIMES (file: ISO date)")[1].split("END MTIMES")[0]
    return {m.group(1): dt.date.fromisoformat(m.group(2)) for m in re.finditer(r"- (\S+): (\d{4}-\d\d-\d\d)", block)}


def note_date(fname, lines, mtimes):
    body = [l for l in lines if l.strip()]
    m = re.match(r"Date:\s*(\d{4}-\d\d-\d\d)$", body[0])
    if m:
        return dt.date.fromisoformat(m.group(1)), "header"
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)[-_]", fname)
    if m:
        return dt.date(*map(int, m.groups())), "filename"
    first = body[0]
    m = re.match(r"On ([A-Z][a-z]+) (\d{1,2}), (\d{4}),", first)
    if m:
        return dt.date(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2))), "dateline"
    m = re.match(r"\(([A-Z][a-z]{2}) (\d{1,2})\)", first)
    if m:
        return dt.date(2025, MONTHS[m.group(1).lower()], int(m.group(2))), "dateline"
    # nothing in the text: must be in the README mtime list, and must match the file's real mtime
    d = mtimes[fname]
    real = dt.datetime.fromtimestamp(os.path.getmtime(os.path.join(NOTES_DIR, fname)), dt.timezone.utc).date()
    assert real == d, (fname, real, d)
    return d, "mtime"


def parse():
    mtimes = readme_mtimes()
    notes = []
    for fname in sorted(os.listdir(NOTES_DIR)):
        text = open(os.path.join(NOTES_DIR, fname)).read()
        lines = text.split("\n")
        date, src = note_date(fname, lines, mtimes)
        i = lines.index("Sentiment Score")
        label = lines[i - 1].strip()
        overall = Decimal(lines[i + 1].strip())
        j = lines.index("Ticker Sentiment")
        assert re.match(r"Request (a )?DemoOverall Sentiment$", lines[i - 2]), fname
        tickers, rest, k = {}, [l.strip() for l in lines[j + 1:] if l.strip()], 0
        while k < len(rest):
            m = re.match(r"^([A-Z]{1,5})\s+(-?\d\.\d\d)$", rest[k])
            if m:
                tickers[m.group(1)] = Decimal(m.group(2)); k += 1
            else:
                assert re.match(r"^[A-Z]{1,5}$", rest[k]) and SCORE.match(rest[k + 1]), (fname, rest[k])
                tickers[rest[k]] = Decimal(rest[k + 1]); k += 2
        body = "\n".join(lines[:lines.index(next(l for l in lines if l.startswith("AI-powered research")))])
        words = len(body.split())
        companies = set(tickers) or {re.split(r"[-_]", re.sub(r"^\d{4}-?\d\d-?\d\d[-_]", "", fname))[0].upper()}
        notes.append(dict(fname=fname, date=date, src=src, label=label, overall=overall, tickers=tickers,
                          companies=companies, text=body, words=words))
    return notes


def r2(x):
    v = Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "0.00" if v == 0 else str(v)


def cs(n, T):
    return n["tickers"].get(T, n["overall"])


def about(notes, T, lo=None, hi=None):
    return [n for n in notes if T in n["companies"] and (lo is None or n["date"] >= lo) and (hi is None or n["date"] <= hi)]


def avg(ns, T):
    return sum(cs(n, T) for n in ns) / len(ns)


D = dt.date


def by_kw(notes, kw):
    hits = [n for n in notes if kw.lower() in n["text"].lower()]
    assert len(hits) == 1, (kw, [h["fname"] for h in hits])
    return hits[0]


def one_note(notes, kw):
    n = by_kw(notes, kw)
    return {n["fname"]}, [r2(n["overall"])] + [r2(v) for v in n["tickers"].values()], True


def per_ticker(notes, kw, tick=None):
    n = by_kw(notes, kw)
    ts = tick or list(n["tickers"])
    return {n["fname"]}, [r2(n["tickers"][t]) for t in ts], True


def compare(notes, kw, a, b):
    n = by_kw(notes, kw)
    x, y = n["tickers"][a], n["tickers"][b]
    return {n["fname"]}, [r2(x), r2(y), r2(abs(x - y))], True


def extreme(notes, T, lo=None, hi=None, most="min"):
    ns = about(notes, T, lo, hi)
    vals = sorted(ns, key=lambda n: cs(n, T), reverse=(most == "max"))
    assert cs(vals[0], T) != cs(vals[1], T)
    return {vals[0]["fname"]}, [r2(cs(vals[0], T))], True


def top_notes(notes, k):
    ns = sorted(notes, key=lambda n: n["overall"], reverse=True)
    assert ns[k - 1]["overall"] != ns[k]["overall"]
    return {n["fname"] for n in ns[:k]}, [r2(n["overall"]) for n in ns[:k]], True


def rank_companies(notes, lo, hi, most):
    comps = sorted({c for n in notes for c in n["companies"]})
    res = {c: (avg(about(notes, c, lo, hi), c), about(notes, c, lo, hi)) for c in comps if about(notes, c, lo, hi)}
    order = sorted(res, key=lambda c: res[c][0], reverse=(most == "max"))
    print("     ranking:", [(c, r2(res[c][0]), len(res[c][1])) for c in order])
    best = order[0]
    assert abs(res[best][0] - res[order[1]][0]) >= Decimal("0.05")
    return {n["fname"] for n in res[best][1]}, [r2(res[best][0])], True


def period_key(d, per):
    return (d.year, d.month) if per == "month" else (d.year, (d.month - 1) // 3 + 1)


def trend(notes, T, lo, hi, per):
    ns = about(notes, T, lo, hi)
    g = defaultdict(list)
    for n in ns:
        g[period_key(n["date"], per)].append(n)
    keys = sorted(g)
    avgs = [avg(g[k], T) for k in keys]
    print("     periods:", [(k, r2(a), len(g[k])) for k, a in zip(keys, avgs)])
    nums = [r2(a) for a in avgs] + [r2(avgs[-1] - avgs[0]), str(len(ns))]
    return {n["fname"] for n in ns}, nums, True


def window(notes, T, lo, hi):
    ns = about(notes, T, lo, hi)
    return {n["fname"] for n in ns}, [r2(avg(ns, T)), str(len(ns))], True


def distribution(notes, T, lo=None, hi=None):
    ns = about(notes, T, lo, hi)
    for n in ns:
        assert (cs(n, T) < 0) == (n["overall"] < 0), n["fname"]
    neg = sum(1 for n in ns if cs(n, T) < 0)
    pos = sum(1 for n in ns if cs(n, T) > 0)
    return {n["fname"] for n in ns}, [str(neg), str(pos)], True


def mixed(notes, T, lo, hi):
    ns = about(notes, T, lo, hi)
    a = avg(ns, T)
    assert a < 0
    return {n["fname"] for n in ns if cs(n, T) < 0}, [r2(a)], True


def none(notes, T, lo=None, hi=None):
    assert not about(notes, T, lo, hi)
    assert not any(re.search(r"\b%s\b" % T, n["text"], re.I) for n in notes) or lo is not None
    return set(), [], False


TODAY = D(2025, 11, 30)
SPEC = {
    "q01": lambda N: one_note(N, "robotaxi pilot in Austin"),
    "q02": lambda N: one_note(N, "DeepSeek released its R1"),
    "q03": lambda N: one_note(N, "first-quarter net income fell 47%"),
    "q04": lambda N: extreme(N, "BABA", most="min"),
    "q05": lambda N: extreme(N, "NVDA", most="max"),
    "q06": lambda N: extreme(N, "JD", D(2025, 6, 1), TODAY, most="min"),
    "q07": lambda N: extreme(N, "JD", most="max"),
    "q08": lambda N: top_notes(N, 3),
    "q09": lambda N: rank_companies(N, D(2025, 7, 1), D(2025, 9, 30), "max"),
    "q10": lambda N: rank_companies(N, TODAY - dt.timedelta(days=89), TODAY, "min"),
    "q11": lambda N: per_ticker(N, "Apsara Conference", ["BABA", "NVDA"]),
    "q12": lambda N: per_ticker(N, "Singles Day shopping festival closed"),
    "q13": lambda N: per_ticker(N, "instant-commerce price war", ["JD"]),
    "q14": lambda N: compare(N, "first-quarter net income fell 47%", "BABA", "JD"),
    "q15": lambda N: compare(N, "DeepSeek released its R1", "NVDA", "BABA"),
    "q16": lambda N: compare(N, "record third-quarter revenue of $28.1 billion", "TSLA", "NVDA"),
    "q17": lambda N: trend(N, "TSLA", D(2025, 1, 1), TODAY, "quarter"),
    "q18": lambda N: trend(N, "NVDA", D(2025, 6, 1), TODAY, "month"),
    "q19": lambda N: trend(N, "AAPL", D(2025, 1, 1), TODAY, "quarter"),
    "q20": lambda N: window(N, "PDD", TODAY - dt.timedelta(days=29), TODAY),
    "q21": lambda N: window(N, "NVDA", D(2025, 4, 1), D(2025, 6, 30)),
    "q22": lambda N: window(N, "JD", D(2025, 11, 1), D(2025, 11, 20)),
    "q23": lambda N: window(N, "BABA", D(2025, 7, 1), D(2025, 9, 30)),
    "q24": lambda N: distribution(N, "TSLA", D(2025, 1, 1), TODAY),
    "q25": lambda N: distribution(N, "AAPL", D(2025, 4, 1), TODAY),
    "q26": lambda N: mixed(N, "TSLA", D(2025, 1, 1), D(2025, 3, 31)),
    "q27": lambda N: mixed(N, "JD", D(2025, 6, 1), TODAY),
    "q28": lambda N: mixed(N, "PDD", D(2025, 1, 1), D(2025, 6, 30)),
    "q29": lambda N: none(N, "Baidu"),
    "q30": lambda N: none(N, "TSLA", D(2025, 2, 1), D(2025, 2, 28)),
    "q31": lambda N: none(N, "Meta"),
}


def main():
    notes = parse()
    from collections import Counter
    print("notes:", len(notes), "date sources:", Counter(n["src"] for n in notes),
          "multi-ticker:", sum(len(n["tickers"]) > 1 for n in notes),
          "companies:", Counter(c for n in notes for c in n["companies"]))
    print("words min/max:", min(n["words"] for n in notes), max(n["words"] for n in notes))
    for n in notes:
        assert n["date"].year == 2025 and 1 <= n["date"].month <= 11
        assert (n["overall"] < 0) == ("negative" in n["label"] or "bearish" in n["label"]) or n["label"] == "neutral", n["fname"]
        assert 150 <= n["words"] <= 400, n["fname"]
    qs = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"))]
    bad = 0
    for q in qs:
        print(q["id"], q["kind"], "|", q["question"])
        src, nums, ans = SPEC[q["id"]](notes)
        ok = set(q["expected_sources"]) == src and q["expected_numbers"] == nums and q["answerable"] == ans
        ok = ok and all(s in {n["fname"] for n in notes} for s in q["expected_sources"])
        if not ok:
            bad += 1
            print("   MISMATCH: got sources", sorted(src), "numbers", nums, "answerable", ans)
            print("   file has  sources", sorted(q["expected_sources"]), "numbers", q["expected_numbers"])
    print("kinds:", Counter(q["kind"] for q in qs))
    print("MISMATCHES:", bad)
    return bad


if __name__ == "__main__":
    raise SystemExit(main())
