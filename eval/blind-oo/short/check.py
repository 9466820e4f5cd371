#!/usr/bin/env python3
"""Consistency checker for the blind-OOc evaluation set.

Run:  python3 check.py      (prints OK, or every problem found and exits 1)
Standard library only.
"""
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")

errors = []


def err(msg):
    errors.append(msg)


# --------------------------------------------------------------------------- expected numbers
EXPECT_KINDS = {  # kind -> (count without typo, count with typo: true)
    "factual": (16, 2),
    "risk": (6, 0),
    "comparison": (4, 0),
    "follow_up": (4, 0),
    "general": (3, 0),
    "sentiment": (3, 0),
    # 24 specified no_answer (20 near misses + 2 real companies without notes + 1 off-topic
    # + 1 uncovered period) plus the 2 unanswerable questions about invented companies
    "no_answer": (26, 0),
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]
NEAR_MISS_PER_KIND = 4
LONG_FACTUAL = 4
UNKNOWN_MIN, UNKNOWN_UNANSWERABLE = 8, 2
N_SHORT, N_LONG = 22, 4

LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}
INVENTED = {"SHFY": "Strandholm Ferries", "BKCA": "Brackenfield Crop Assurance"}
REAL = {"FCFS", "LAMR", "UNF", "VYX", "CVSG.L", "TLC.AX", "AFG"}
# real companies asked about that have no notes at all (checked to be absent below)
NO_NOTES = {"CTAS": "Cintas", "OUT": "Outfront"}

BANNED_TICKERS = set("""A AAGIY AAPL ABBV ACVA ADS ADT ADYEY AER AJG ALB ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AON APD
ARLS ASML ASR AUVN AVFR AVGO AWK BABA BAC BALL BAS BASF BFGX BHP BIDU BJ BKNG BKWA BLBD BLDR BMBL BNS BRMF BRWF BUD BWTR BXP
BYDDY CAG CARG CAT CBA CCJ CCOEY CDNS CDVF CDWB CF CFRL CHRW CHWY CIEN CLS CLWU CME CMG CNI CON COO COST CPA CRDO CRM CRVN
CRVT CRWD CSX CUBE CVNX CVX CWY CX DAL DE DEMANT DEO DHI DIS DKNG DLR DNHD DOW DRI DUOL EA EBR ECL EL ELGR ENB ENPH EQIX ERJ
EVRG EXP EXPD F FCX FDX FGP FHAS FLNC FMG FNMR FORM FRO FSLR FUN GATX GE GIS GMED GMEL GNNDY GOLF GOOGL GS HAL HAS HBDP HBM
HCA HCMLY HD HGBP HLT HLVB HLVM HLVR HMFR HMRX HON HOOD HRI HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN INFY INTC IQOS
IRDM ISRG ITOCY ITUB JAKK JAZZ JD JPM KBZF KDEX KGRD KGSX KMX KNEBV KNX KO KOG KORB KTWY LAD LDO LEN LI LIN LLY LMT LMVQ LOPE
LOS LPL LRCX LSCC LTL LTM LVMH LVMUY LVS LVTG MAN MAR MARUY MAT MBKD MCD MCG MCHP MCK MCRI MDT MELI META MMYT MNST MO MOS
MPNGY MRGF MRGL MRGX MRU MRVH MRWF MRWG MRWP MSFT MTCH MU NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY
NTR NU NUE NVDA OC ODFL OFSY OGSX OLVN ONDV ORCL OTIS OVBX OVLA PAAS PAC PALO PASH PAYX PCH PDD PDRDY PENN PETS PFE PG PGR
PKG PLD PLNT PLTR PLWS PM PNHA PNW PODD PPC PPG PRKS PRU PSA PSMMY PUK PWCC PYPL QDEL QLFB QLFN QLFR QLMK QLYS QMLX QMRK QWTR
RACE RCL RDY REMYY RHI RHM RKLB RL RVBC RVMX RXO SAIA SAM SAP SBAC SBCX SBH SBS SBUX SCI SE SEDG SHOP SHW SKF-B SKYW SLB
SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STNE STVB SVT SYK TAP TCEHY TCOM TDFX TDWK TEF TENB TER TGSX THC THO
TITN TM TME TMSB TOY TPR TREX TRFD TROW TRV TSLA TSLY TSM TSN TTWO UAL UBER UHR UHS ULTA UMC UMICY UNH UNP UPS URI UUGRY UUUU
VALE VEOEY VLMQ VLTS VMC VOD VOLV-B VRNE VRT VRTX VTPN VYDS VZ WAB WAL WFC WFRD WGO WING WIT WLN WM WMT WOOF WOW WXCB WY
XIACY XOM XPEV XRAY XYL ZBH ZIM ZION ZPHS ZS ZTS ZYN 329180.KS 373220.KS BBVA.MC BEEF3.SA CBRG EQTL3.SA FER.MC L.TO LKSP
MOWI.OL SALM.OL SLF.TO FER GPK ALC CTVA MA CSV SCHP EMTS SLAQ TCL PLS.AX COL.AX TCS.NS HDB NVO GN.CO ENEL.MI MONC.MI KOF
6954.T ASHF VRDB CAR DGX GWW BF.B VSAT AOS KNSL VDMK GHRC FAST HTZ LH SATS WERN WSO""".split())
BANNED_WORDS = """Kestrel Quillmark Halvorsen Quillfeather Tarrow Brindlemoor Solvane Pellworth Norrvik Ondrava Trellisford
Caldwater Aurivane Larkspire Cobbleridge Embergate Saltmarsh Ashcombe Verdalis Veldmark Grenholm""".split()

# --------------------------------------------------------------------------- near misses
# id -> (note holding the nearby-but-wrong text, that text verbatim,
#        [(glob of notes, regex that must NOT match: the asked fact)])
NEAR_MISS = {
    "o002": ("fcfs-q2-2025-pawn.txt", "Gross margin on merchandise sales was 42%",
             [("fcfs-*", r"operating margin")]),
    "o005": ("lamr-q2-2025.txt", "Clear Channel Outdoor’s sale of its European businesses",
             [("*", r"Clear Channel[^\n]{0,160}?[$€£]\s?\d")]),
    "o008": ("unf-q3-fy2025.txt", "Core Laundry Operations revenue of $544.9 million",
             [("unf-*", r"First Aid[^.\n]*\d")]),
    "o012": ("cvsg-fy2025-results.txt", "its monthly fee was raised by £1 to £15.50 in April",
             [("cvsg-*", r"\bmembers?\b|\bmembership\b")]),
    "o014": ("tlc-jackpot-cycle.txt", "The renewal of the Victorian lottery licence remains the key overhang",
             [("tlc-*", r"Victorian[^.\n]*(20\d\d|FY\d)")]),
    "o018": ("fcfs-q2-2025-pawn.txt", "Rival EZCORP also stepped up store openings in Mexico during the quarter",
             [("*", r"EZCORP[^.\n]*\d")]),
    "o021": ("lamr-q2-2025.txt", "net revenue of $579.6 million",
             [("lamr-*", r"logo[^.\n]*\d")]),
    "o024": ("cvsg-cma-review.txt", "Investors are now waiting for the CMA’s final remedies decision",
             [("cvsg-*", r"final[^.\n]*(20\d\d|January|February|March|April|May|June|July|August|September|October|November|December)")]),
    "o026": ("vyx-platform-pricing.txt", "at about $95 per checkout lane per month",
             [("*vyx*", r"\d[\d,]*\s+(lanes|sites|stores|customers)\s+(are\s+)?(live|on the platform|running)")]),
    "o030": ("afg-q2-2025.txt", "Specialty Property and Casualty insurance operations posted a combined ratio of 93.1%",
             [("afg-*", r"crop[^.\n]*combined ratio|combined ratio[^.\n]*crop")]),
    "o033": ("tlc-fy2025-results.txt", "Tabcorp, whose wagering outlets share many of the same newsagency and pub locations",
             [("*", r"Tabcorp[^.\n]*\d")]),
    "o035": ("lamr-q2-2025.txt", "adjusted EBITDA of $283.4 million",
             [("lamr-*", r"net income")]),
    "o039": ("fcfs-q2-2025-pawn.txt", "the pending H&T Group acquisition would give it a foothold in the UK pawn market",
             [("fcfs-*", r"H&T[^.\n]*(20\d\d|clos)")]),
    "o041": ("tlc-fy2025-results.txt", "targets a mid-single-digit uplift in turnover",
             [("tlc-*", r"Saturday Lotto[^.\n]*(A?\$\s?\d|\d+(\.\d+)?%)")]),
    "o045": ("vyx-q2-2025.txt", "recurring revenue up 7% to $424 million",
             [("*vyx*", r"EBITDA")]),
    "o047": ("vyx-q2-2025.txt", "Diebold Nixdorf, its closest self-checkout rival, also announced a new European grocery customer during the quarter",
             [("*", r"Diebold[^.\n]*\d")]),
    "o049": ("fcfs-q2-2025-pawn.txt", "U.S. pawn segment pre-tax operating income rose to $142 million",
             [("fcfs-*", r"Latin America[^\n]{0,80}operating income")]),
    "o051": ("lamr-digital-buildout.txt", "add roughly 400 new digital billboard units in 2025",
             [("lamr-*", r"digital[^.\n]*(\d+(\.\d+)?%|revenue)")]),
    "o055": ("unf-q3-fy2025.txt", "management again declined to commit to a go-live date",
             [("unf-*", r"(go-live|ERP)[^.\n]*20\d\d")]),
    "o060": ("cvsg-fy2025-results.txt", "like-for-like sales growth of 4.1%",
             [("cvsg-*", r"operating profit|EBITDA")]),
}
# the near-miss kind each id is expected to carry
NEAR_MISS_KIND = {
    "o049": "segment_figure", "o021": "segment_figure", "o030": "segment_figure", "o008": "segment_figure",
    "o018": "passing_company", "o005": "passing_company", "o033": "passing_company", "o047": "passing_company",
    "o041": "product_metric", "o026": "product_metric", "o012": "product_metric", "o051": "product_metric",
    "o024": "undated_event", "o039": "undated_event", "o014": "undated_event", "o055": "undated_event",
    "o035": "other_measure", "o002": "other_measure", "o045": "other_measure", "o060": "other_measure",
}
# other no_answer questions and what must be absent from every note
OTHER_ABSENT = {
    "o016": r"\bCintas\b",
    "o053": r"\bOutfront\b",
    "o043": r"\b2022\b",
    "o037": r"\bCEO\b|chief executive",
    "o058": None,  # Brackenfield dividend: checked on bkca notes below
    "o028": r"banana|recipe",
}

# --------------------------------------------------------------------------- notes
SEED_TAIL = ["Overall Sentiment", "<label>", "Sentiment Score", "<score>", "Ticker Sentiment"]
notes_text = {}
short_info = {}


def parse_short(name, text):
    lines = text.split("\n")
    i = 0
    dated = False
    if lines and lines[0].startswith("Date: "):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            err(f"{name}: bad Date line")
        dated = True
        i = 1
    elif lines and lines[0] == "":
        i = 1
    body = lines[i:]
    try:
        k = next(j for j, l in enumerate(body) if l.endswith("Overall Sentiment"))
    except StopIteration:
        err(f"{name}: no '...Overall Sentiment' line")
        return None
    if k != 3:
        err(f"{name}: expected news, analysis, tagline before the sentiment block, got {k} lines")
    if not re.fullmatch(r"Request (a )?DemoOverall Sentiment", body[k]):
        err(f"{name}: sentiment line not 'Request a Demo/Request Demo' glued to 'Overall Sentiment': {body[k]!r}")
    news, analysis = body[0], body[1]
    if not (2 <= len(re.findall(r"[.!?](\s|$)", news)) <= 5):
        err(f"{name}: news paragraph should have 2-4 sentences")
    wc = len(analysis.split())
    if not (150 <= wc <= 300):
        err(f"{name}: analytic paragraph has {wc} words (150-300)")
    if "investors" not in body[2]:
        err(f"{name}: tagline line looks wrong: {body[2]!r}")
    tail = body[k + 1:]
    if len(tail) < 4:
        err(f"{name}: truncated sentiment block")
        return None
    label, ss, score, ts = tail[0], tail[1], tail[2], tail[3]
    if label not in LABELS:
        err(f"{name}: label {label!r} not in set")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        err(f"{name}: sentiment block out of seed order")
    try:
        sc = float(score)
        if not -1 <= sc <= 1:
            err(f"{name}: score {sc} out of [-1, 1]")
    except ValueError:
        err(f"{name}: score {score!r} not a number")
    tick_lines = tail[4:]
    tickers = []
    for l in tick_lines:
        m = re.fullmatch(r"([A-Z][A-Z0-9.]*) (-?\d\.\d{2})", l)
        if not m:
            err(f"{name}: bad ticker line {l!r}")
            continue
        tickers.append(m.group(1))
        if not -1 <= float(m.group(2)) <= 1:
            err(f"{name}: ticker score out of range")
    return dict(label=label, dated=dated, tickers=tickers)


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        err(f"{name}: no YAML front matter")
        return None
    fm = {}
    for l in m.group(1).split("\n"):
        if ":" in l:
            k, v = l.split(":", 1)
            fm[k.strip()] = v.strip()
    for k in ("company", "ticker", "title", "date"):
        if not fm.get(k):
            err(f"{name}: front matter lacks {k}")
    if fm.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm["date"]):
        err(f"{name}: bad date")
    body = text[m.end():]
    wc = len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.,%$€-]*", body))
    if not 800 <= wc <= 1500:
        err(f"{name}: body has {wc} words (800-1500)")
    if not re.search(r"^\|.*\|\s*\n\|[-:| ]+\|\s*\n", body, re.M):
        err(f"{name}: no Markdown table")
    if not re.search(r"^#", body, re.M):
        err(f"{name}: no headings")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        err(f"{name}: long note must not have a sentiment block")
    return fm


files = sorted(os.listdir(NOTES))
shorts = [f for f in files if f.endswith(".txt")]
longs = [f for f in files if f.endswith(".md")]
if len(shorts) != N_SHORT or len(longs) != N_LONG or len(files) != N_SHORT + N_LONG:
    err(f"expected {N_SHORT} .txt + {N_LONG} .md notes, got {len(shorts)} + {len(longs)} ({len(files)} files)")
for f in files:
    with open(os.path.join(NOTES, f), encoding="utf-8") as fh:
        notes_text[f] = fh.read()
for f in shorts:
    info = parse_short(f, notes_text[f])
    if info:
        short_info[f] = info
long_fm = {}
for f in longs:
    fm = parse_long(f, notes_text[f])
    if fm:
        long_fm[f] = fm

dated = sum(1 for i in short_info.values() if i["dated"])
with_ticks = sum(1 for i in short_info.values() if i["tickers"])
if dated != N_SHORT // 2:
    err(f"{dated} short notes carry a Date line, expected {N_SHORT // 2}")
if with_ticks != N_SHORT // 2:
    err(f"{with_ticks} short notes have ticker lines, expected {N_SHORT // 2}")
if not any("’" in notes_text[f] for f in shorts):
    err("no short note uses curly apostrophes")
two_co = [f for f, i in short_info.items() if len(i["tickers"]) == 2]
if len(two_co) != 2:
    err(f"expected 2 two-company notes with two ticker lines, got {two_co}")
for f, i in short_info.items():
    for t in i["tickers"]:
        if t not in REAL and t not in INVENTED:
            err(f"{f}: unexpected ticker {t}")
long_tickers = Counter(fm["ticker"] for fm in long_fm.values())
if sum(1 for t in long_tickers if t in REAL) != 2 or sum(1 for t in long_tickers if t in INVENTED) != 1:
    err(f"long notes should cover 2 real + 1 invented company: {dict(long_tickers)}")
for t, name in INVENTED.items():
    pat = re.escape(name) + r" \(" + t + r"\)"
    if not any(re.search(pat, notes_text[f]) for f in shorts):
        err(f"invented company {name} never tied to ({t}) in the text")
# banned companies / words
all_tickers = set(long_tickers) | {t for i in short_info.values() for t in i["tickers"]}
for t in all_tickers:
    if t in BANNED_TICKERS:
        err(f"banned ticker used: {t}")
for f, s in notes_text.items():
    for w in BANNED_WORDS:
        if re.search(r"\b" + w + r"\b", s, re.I):
            err(f"{f}: banned name word {w}")

# --------------------------------------------------------------------------- questions
REQ = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind"}
OPT = {"follows", "near_miss", "unknown_company", "typo"}
recs = []
with open(QA, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"qa line {n}: bad JSON {e}")
if not 64 <= len(recs) <= 70:
    err(f"{len(recs)} questions, expected 64-70")
ids = [r.get("id") for r in recs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for i, r in enumerate(recs):
    if r.get("id") != "o%03d" % (i + 1):
        err(f"id {r.get('id')} out of sequence (expected o{i + 1:03d})")
kind_counts = Counter()
nm_counts = Counter()
unknown = unknown_na = 0
by_id = {r["id"]: r for r in recs if "id" in r}
for i, r in enumerate(recs):
    rid = r.get("id")
    missing = REQ - set(r)
    if missing:
        err(f"{rid}: missing {missing}")
        continue
    extra = set(r) - REQ - OPT
    if extra:
        err(f"{rid}: unknown fields {extra}")
    kind = r["kind"]
    if kind not in EXPECT_KINDS:
        err(f"{rid}: bad kind {kind}")
        continue
    kind_counts[(kind, bool(r.get("typo")))] += 1
    gold, kws = r["gold_notes"], r["answer_keywords"]
    if not isinstance(gold, list) or not isinstance(kws, list):
        err(f"{rid}: gold_notes/answer_keywords must be lists")
        continue
    for g in gold:
        if g not in notes_text:
            err(f"{rid}: gold note {g} does not exist")
    if kind == "no_answer":
        if gold or kws:
            err(f"{rid}: no_answer must have empty gold and keywords")
    else:
        if not gold or not 1 <= len(kws) <= 4:
            err(f"{rid}: needs gold notes and 1-4 keywords")
        for kw in kws:
            if not any(kw.lower() in notes_text.get(g, "").lower() for g in gold):
                err(f"{rid}: keyword {kw!r} not verbatim in any gold note")
    if kind in ("comparison", "general"):
        if r["ticker"] is not None:
            err(f"{rid}: {kind} must have ticker null")
    elif kind != "no_answer" and not r["ticker"]:
        err(f"{rid}: ticker required")
    if kind == "comparison":
        covered = set()
        for g in gold:
            covered |= set(short_info.get(g, {}).get("tickers", []))
            if g in long_fm:
                covered.add(long_fm[g]["ticker"])
            for t, name in INVENTED.items():
                if name in notes_text.get(g, ""):
                    covered.add(t)
            for t, word in (("FCFS", "FirstCash"), ("LAMR", "Lamar"), ("UNF", "UniFirst"), ("VYX", "NCR Voyix"),
                            ("CVSG.L", "CVS Group"), ("TLC.AX", "Lottery Corporation"), ("AFG", "American Financial")):
                if word in notes_text.get(g, ""):
                    covered.add(t)
        if len(covered) < 2:
            err(f"{rid}: comparison gold covers fewer than two companies")
    if kind == "sentiment":
        labels = {short_info[g]["label"] for g in gold if g in short_info}
        if labels != {k.lower() for k in kws}:
            err(f"{rid}: sentiment keywords {kws} != gold labels {labels}")
    if kind == "follow_up":
        prev = recs[i - 1] if i else None
        if not prev or r.get("follows") != prev.get("id"):
            err(f"{rid}: follows must be the previous id")
        elif r["ticker"] != prev.get("ticker"):
            err(f"{rid}: follow-up ticker differs from previous record")
    elif "follows" in r:
        err(f"{rid}: only follow_up records carry follows")
    if r.get("typo") and kind == "no_answer":
        err(f"{rid}: typo questions must be answerable")
    if r.get("unknown_company"):
        unknown += 1
        if r["ticker"] is not None and r["ticker"] not in INVENTED:
            err(f"{rid}: unknown_company question on {r['ticker']}")
        if kind == "no_answer":
            unknown_na += 1
    elif r["ticker"] in INVENTED:
        err(f"{rid}: question about invented company lacks unknown_company")
    nm = r.get("near_miss")
    if nm:
        if kind != "no_answer":
            err(f"{rid}: near_miss on a non no_answer record")
        if nm not in NEAR_MISS_KINDS:
            err(f"{rid}: bad near_miss kind {nm}")
        nm_counts[nm] += 1
        if NEAR_MISS_KIND.get(rid) != nm:
            err(f"{rid}: near_miss kind {nm} does not match the table in check.py")

for kind, (plain, typo) in EXPECT_KINDS.items():
    if kind_counts[(kind, False)] != plain or kind_counts[(kind, True)] != typo:
        err(f"kind {kind}: got {kind_counts[(kind, False)]} (+{kind_counts[(kind, True)]} typo), "
            f"expected {plain} (+{typo} typo)")
for k in NEAR_MISS_KINDS:
    if nm_counts[k] != NEAR_MISS_PER_KIND:
        err(f"near miss {k}: {nm_counts[k]} (expected {NEAR_MISS_PER_KIND})")
if set(NEAR_MISS) != {r["id"] for r in recs if r.get("near_miss")}:
    err("near-miss table in check.py does not match qa.jsonl")
if unknown < UNKNOWN_MIN or unknown_na != UNKNOWN_UNANSWERABLE:
    err(f"unknown_company: {unknown} questions, {unknown_na} unanswerable")
long_factual = sum(1 for r in recs if r["kind"] == "factual" and any(g.endswith(".md") for g in r["gold_notes"]))
if long_factual < LONG_FACTUAL:
    err(f"only {long_factual} factual questions answered from long notes")

# near-miss texts present, asked facts absent
for rid, (note, text, absent) in NEAR_MISS.items():
    if note not in notes_text:
        err(f"{rid}: near-miss note {note} missing")
    elif text not in notes_text[note]:
        err(f"{rid}: nearby text not found in {note}: {text!r}")
    for pattern_glob, rx in absent:
        for f in notes_text:
            if glob.fnmatch.fnmatch(f, pattern_glob) and re.search(rx, notes_text[f], re.I):
                err(f"{rid}: asked fact seems present in {f} ({rx})")
for rid, rx in OTHER_ABSENT.items():
    r = by_id.get(rid)
    if not r or r["kind"] != "no_answer" or r.get("near_miss"):
        err(f"{rid}: expected a plain no_answer record")
        continue
    if rx:
        for f, s in notes_text.items():
            if re.search(rx, s, re.I):
                err(f"{rid}: {rx} unexpectedly found in {f}")
for f, s in notes_text.items():
    if (f.startswith("bkca") or "Brackenfield" in s) and re.search(r"Brackenfield[^\n]*dividend|dividend[^\n]*Brackenfield", s):
        err(f"o058: Brackenfield dividend mentioned in {f}")
    if f.startswith("bkca") and "dividend" in s.lower():
        err(f"o058: dividend mentioned in {f}")
for t in NO_NOTES:
    if not any(r["ticker"] == t and r["kind"] == "no_answer" for r in recs):
        err(f"no question about no-notes company {t}")

if errors:
    for e in errors:
        print("FAIL:", e)
    sys.exit(1)
print("OK")
