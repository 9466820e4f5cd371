#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py`; it prints OK or a list of problems (and exits 1).
Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")
ERR = []


def err(msg):
    ERR.append(msg)


# --------------------------------------------------------------------------
# Coverage: companies, tickers, which notes are about whom
# --------------------------------------------------------------------------
COMPANIES = {
    "WSC": {"name": "WillScot", "real": True},
    "BFAM": {"name": "Bright Horizons", "real": True},
    "USPH": {"name": "U.S. Physical Therapy", "real": True},
    "ELAN": {"name": "Elanco", "real": True},
    "GRFS": {"name": "Grifols", "real": True},
    "ADUS": {"name": "Addus", "real": True},
    "MLR": {"name": "Miller Industries", "real": True},
    "PMBW": {"name": "Pemberlowe Ambulance Holdings", "real": False},
    "QYTC": {"name": "Quaytrace Container Leasing", "real": False},
}
INVENTED = {t for t, c in COMPANIES.items() if not c["real"]}
# real companies mentioned in passing (one sentence each) -> near-miss targets
PASSING = {"MGRC": "McGrath RentCorp", "KLC": "KinderCare", "SEM": "Select Medical", "CSL": "CSL"}
# real companies with no notes at all
NO_NOTES = {"EHC": "encompass", "CHE": "chemed"}

PREFIX = {"wsc": "WSC", "bfam": "BFAM", "usph": "USPH", "elan": "ELAN", "grfs": "GRFS",
          "adus": "ADUS", "mlr": "MLR", "pmbw": "PMBW", "qytc": "QYTC"}
JOINT = {"wsc-mlr-steel-tariffs.txt": {"WSC", "MLR"}, "bfam-adus-care-wages.txt": {"BFAM", "ADUS"}}


def note_tickers(fn):
    if fn in JOINT:
        return JOINT[fn]
    return {PREFIX[fn.split("-")[0]]}


LABELS = {"strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"}

# --------------------------------------------------------------------------
# Load notes
# --------------------------------------------------------------------------
files = sorted(os.listdir(NOTES))
text = {}
for fn in files:
    with open(os.path.join(NOTES, fn), encoding="utf-8") as fh:
        text[fn] = fh.read()
short = [f for f in files if f.endswith(".txt")]
long_ = [f for f in files if f.endswith(".md")]
if not (20 <= len(short) <= 24):
    err(f"expected ~22 short notes, got {len(short)}")
if len(long_) != 4:
    err(f"expected 4 long notes, got {len(long_)}")
for fn in files:
    if fn.split("-")[0] not in PREFIX:
        err(f"{fn}: unknown company prefix")


def words(s):
    return len(s.split())


def sentences(s):
    return len(re.findall(r"[.!?](?:\s|$)", s))


label_of = {}
date_lines = ticker_lines = curly = 0
for fn in short:
    s = text[fn]
    if s.endswith("\n"):
        err(f"{fn}: trailing newline")
    lines = s.split("\n")
    i = 0
    if lines[0] == "" or lines[0].startswith("Date: "):
        if lines[0].startswith("Date: "):
            date_lines += 1
            if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
                err(f"{fn}: bad Date line")
        i = 1
    news, analytic, tagline = lines[i], lines[i + 1], lines[i + 2]
    if not 2 <= sentences(news) <= 4:
        err(f"{fn}: news paragraph should have 2-4 sentences")
    if not re.search(r"\d", news):
        err(f"{fn}: news paragraph has no figures")
    if not 150 <= words(analytic) <= 300:
        err(f"{fn}: analytic paragraph has {words(analytic)} words")
    if "portfolio analytics" not in tagline.lower() and "analytics" not in tagline.lower():
        err(f"{fn}: tagline line looks wrong: {tagline!r}")
    if lines[i + 3] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err(f"{fn}: demo/sentiment line wrong: {lines[i + 3]!r}")
    label = lines[i + 4]
    if label not in LABELS:
        err(f"{fn}: bad label {label!r}")
    label_of[fn] = label
    if lines[i + 5] != "Sentiment Score":
        err(f"{fn}: missing Sentiment Score")
    try:
        score = float(lines[i + 6])
    except ValueError:
        err(f"{fn}: score not a number")
        score = 0.0
    if ("positive" in label and score <= 0) or ("negative" in label and score >= 0) or (label == "neutral" and abs(score) > 0.15):
        err(f"{fn}: score {score} inconsistent with label {label}")
    if lines[i + 7] != "Ticker Sentiment":
        err(f"{fn}: missing Ticker Sentiment")
    rest = lines[i + 8:]
    if rest:
        ticker_lines += 1
        got = set()
        for ln in rest:
            m = re.fullmatch(r"([A-Z]{2,5}) (-?\d\.\d\d)", ln)
            if not m:
                err(f"{fn}: bad ticker line {ln!r}")
                continue
            got.add(m.group(1))
        if got != note_tickers(fn):
            err(f"{fn}: ticker lines {got} != covered {note_tickers(fn)}")
    if "\u2019" in s:
        curly += 1
if not (8 <= date_lines <= 14):
    err(f"about half the short notes should have a Date line, got {date_lines}")
if not (8 <= ticker_lines <= 14):
    err(f"about half the short notes should have ticker lines, got {ticker_lines}")
if curly < 3:
    err("some notes should use curly apostrophes")
if sum(1 for f in short if f in JOINT) != 2:
    err("expected exactly two joint short notes")

long_real = set()
for fn in long_:
    s = text[fn]
    m = re.match(r"---\n(.*?)\n---\n(.*)", s, re.S)
    if not m:
        err(f"{fn}: no YAML front matter")
        continue
    fm = dict(re.findall(r"^(\w+): (.*)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            err(f"{fn}: front matter lacks {k}")
    if fm.get("ticker") not in note_tickers(fn):
        err(f"{fn}: front matter ticker {fm.get('ticker')} does not match file")
    body = m.group(2)
    if not 800 <= words(body) <= 1500:
        err(f"{fn}: long note has {words(body)} words")
    if not re.search(r"^\|.*FY2024.*FY2025.*\|$|^\|.*FY2023.*FY2024.*\|$", body, re.M):
        err(f"{fn}: no fiscal-year table")
    if "Overall Sentiment" in body:
        err(f"{fn}: long note must not have a sentiment block")
    if not re.search(r"^#+ ", body, re.M):
        err(f"{fn}: no headings")
    paras = [p for p in body.split("\n\n") if p.strip() and not p.startswith(("#", "|"))]
    named = sum(1 for p in paras if re.search(COMPANIES[fm.get("ticker", "WSC")]["name"].split()[0], p))
    if named * 2 >= len(paras):
        err(f"{fn}: most paragraphs should not name the company")
    long_real.add((fm.get("ticker"), COMPANIES.get(fm.get("ticker"), {}).get("real")))
if sorted(r for _, r in long_real) != [False, True, True]:
    err(f"long notes should cover 2 real and 1 invented company: {long_real}")

# invented companies tied to tickers by text "Name (TICK)"
for t in INVENTED:
    nm = COMPANIES[t]["name"]
    tied = [f for f in files if f"{nm} ({t})" in text[f]]
    if not tied:
        err(f"invented {t} never tied to its name as 'Name (TICK)'")
    for f in files:
        if t in note_tickers(f) and nm.split()[0] not in text[f]:
            err(f"{f}: invented company name missing")

# passing companies: exactly one sentence each in the whole corpus
allnotes = "\n".join(text.values())
for t, nm in PASSING.items():
    sents = [x for x in re.split(r"(?<=[.!?])\s+", allnotes) if nm in x]
    if len(sents) != 1:
        err(f"passing company {nm} should appear in exactly one sentence, got {len(sents)}")
for t, nm in NO_NOTES.items():
    if nm.lower() in allnotes.lower() or re.search(rf"\b{t}\b", allnotes):
        err(f"{t} should have no notes")

# --------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------
EXCL_TICKERS = """000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS 6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT ROL SMG SNBR REVG CVCO EYE WNC BKMR TLVA RTO SGI SKY WRBY TEX CFR BBCA.JK KBANK.BK JFC.PS STERV.HE UCB.BR WIE.VI 7113.KL 090430.KS 9921.TW VSMR.OL PYLX CEN.NZ VSTS LUCK NCMI EXR DVA TTC ITIC OBMP WHWS ARMK AMC FME HUSQ-B.ST LNN RHP OMAB.MX FALABELLA.SN CEZ.PR PKO.WA COLO-B.CO 3382.T ASIANPAINT.NS SHP.JO TRNV.WA GRSH SPH HSIC CPRT 7951.T AMP.MI AMN SDF.DE BWCA LTBY RBA CCRN NVST SPB.TO TLS.AX IAG.AX LREN3.SA 5347.KL BDMS.BK YAR.OL KESKOB.HE EBS.VI SREN.SW KRX.IR ZRVD TSLN.OL""".split()
EXCL_NAMES = """Alibaba|Tencent|Apple|Nvidia|Heineken|Foxconn|MediaTek|Camping World|Churchill Downs|Bank Pekao|Pegasus|Cochlear|Iberdrola|Shree Cement|JR East|Sibanye|Elbit|Cencosud|Cinemark|Atlas Arteria|OneMain|Malibu Boats|Eurofins|Nomad Foods|Trinity Industries|IMAX|Greenbrier|Brunswick|Lamb Weston|Marcus|MasterCraft|Rollins|Scotts Miracle-Gro|Sleep Number|REV Group|Cavco|National Vision|Wabash|Rentokil|Somnigroup|Skyline Champion|Warby Parker|Terex|Cullen/Frost|Bank Central Asia|Kasikornbank|Jollibee|Stora Enso|UCB|Wienerberger|Top Glove|Amorepacific|Giant Manufacturing|Contact Energy|Vestis|Lucky Strike|National CineMedia|Extra Space|DaVita|Toro|Investors Title|OMA|Falabella|CEZ|PKO|Coloplast|Seven & i|Asian Paints|Shoprite|Aramark|Fresenius|Husqvarna|Life Storage|Lindsay|Ryman|Suburban Propane|Henry Schein|Copart|Yamaha|Amplifon|AMN Healthcare|K\\+S|AmeriGas|RB Global|WS Audiology|Cross Country Healthcare|Envista|Superior Plus|Telstra|Insurance Australia Group|Lojas Renner|Tenaga Nasional|Bangkok Dusit|Yara|Kesko|Erste|Swiss Re|Kingspan|Suncorp|Bumrungrad|Munich Re|Raiffeisen|Rockwool|YTL Power|Lidl|Magazine Luiza|Optus|Zoetis|Otis|KONE|United Rentals|Maersk|ZIM|Service Corporation|Pool Corp|UnitedHealth|Vail|Cintas""".split("|")
EXCL_WORDS = """Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold Zephrin Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford Thistledown Tidewrack Tamsin Talaris Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline Ravensby Quennick Quarrendon Penhallow Ostrander Orvella Orvane Orrin Ondrava Nettlebrook Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire Kestrelpoint Kalos Harrowgate Halvorsen Halberd Grenholm Graymoss Glimmerfold Gannetfield Fernhollow Ferncliffe Fenmoor Embergate Ellisgrove Dunhallow Dravemont Corvexa Corrandale Copperjack Cobbleridge Cindervale Calderwyn Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro Glenvarrow Prairiewick Brackenmoor Tolvaren Vostrand Pyrelith Ossenbrook Whinlatch Tarnovia Grisholt Brindlewick Lanternby Zorvadine Tessaline""".split()

qa = []
with open(QA, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        try:
            qa.append(json.loads(line))
        except ValueError:
            err(f"qa.jsonl line {n} is not JSON")
questions_text = "\n".join(q["question"] for q in qa)
readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read() if os.path.exists(os.path.join(HERE, "README.md")) else ""


def tick_re(t):
    return re.compile(r"(?<![A-Za-z0-9.\-])" + re.escape(t) + r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])")


for where, body, ci in (("notes", allnotes, False), ("questions", questions_text, True), ("README", readme, False)):
    for t in EXCL_TICKERS:
        rx = tick_re(t)
        # in questions analysts type lowercase: check case-insensitively, but only
        # for tickers of 3+ characters (short ones collide with ordinary words)
        if ci:
            if len(t) >= 3 and re.search(rx.pattern, body, re.I):
                # allow real words that happen to equal a ticker
                hits = {m.group(0).lower() for m in re.finditer(rx.pattern, body, re.I)}
                hits -= {"all", "now", "key", "out", "run", "the", "car", "cat", "man", "con", "son", "fun", "has",
                         "sam", "tap", "cost", "fast", "form", "site", "snow", "ball", "golf", "pets", "toy", "wow",
                         "pool", "race", "lazy", "luck", "hood", "shop", "spot", "bro", "exp", "wing", "stc", "ecl",
                         "coo", "cube", "cmp", "col"}
                if hits:
                    err(f"excluded ticker {t} in {where}: {hits}")
        elif rx.search(body):
            err(f"excluded ticker {t} in {where}")
    for nm in EXCL_NAMES:
        if re.search(r"(?<![A-Za-z])" + nm + r"(?![A-Za-z])", body, 0 if nm.isupper() else re.I):
            err(f"excluded company name {nm!r} in {where}")
    for w in EXCL_WORDS:
        if w.lower() in body.lower():
            err(f"excluded invented word {w!r} in {where}")
for t in list(COMPANIES) + list(PASSING) + list(NO_NOTES):
    if t in EXCL_TICKERS:
        err(f"chosen ticker {t} is excluded")

# --------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------
KINDS = {"factual", "risk", "comparison", "follow_up", "general", "sentiment", "no_answer"}
NEAR = {"segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"}
ALLOWED = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "near_miss",
           "unknown_company", "typo"}
for i, q in enumerate(qa, 1):
    qid = q.get("id")
    if qid != f"q{i:03d}":
        err(f"id out of order at line {i}: {qid}")
    for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if k not in q:
            err(f"{qid}: missing {k}")
    extra = set(q) - ALLOWED
    if extra:
        err(f"{qid}: unexpected fields {extra}")
    if q["kind"] not in KINDS:
        err(f"{qid}: bad kind {q['kind']}")
    if q["question"] != q["question"].lower():
        err(f"{qid}: questions are typed lowercase")
    for g in q["gold_notes"]:
        if g not in text:
            err(f"{qid}: gold note {g} does not exist")
    gold_text = "\n".join(text.get(g, "") for g in q["gold_notes"]).lower()
    for kw in q["answer_keywords"]:
        if kw.lower() not in gold_text:
            err(f"{qid}: keyword {kw!r} not verbatim in gold notes")
    if q["kind"] == "no_answer":
        if q["gold_notes"] or q["answer_keywords"]:
            err(f"{qid}: no_answer must have empty gold and keywords")
    else:
        if not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{qid}: answerable question needs gold and keywords")
    t = q["ticker"]
    if t is not None and t not in COMPANIES and t not in PASSING and t not in NO_NOTES:
        err(f"{qid}: unknown ticker {t}")
    if q["kind"] not in ("comparison", "general", "no_answer") and t is not None:
        for g in q["gold_notes"]:
            if t not in note_tickers(g):
                err(f"{qid}: gold note {g} is not about {t}")
    if bool(q.get("unknown_company")) != (t in INVENTED):
        err(f"{qid}: unknown_company flag must be set exactly for invented companies")
    if q["kind"] == "follow_up":
        if q.get("follows") != f"q{i - 1:03d}":
            err(f"{qid}: follow_up must follow the previous question")
        elif qa[i - 2]["ticker"] != t:
            err(f"{qid}: follow_up ticker differs from its parent")
    elif "follows" in q:
        err(f"{qid}: follows only on follow_up")
    if q["kind"] == "comparison":
        if t is not None:
            err(f"{qid}: comparison ticker must be null")
        cov = set().union(*(note_tickers(g) for g in q["gold_notes"]))
        if len(cov) < 2:
            err(f"{qid}: comparison gold must cover two companies")
    if q.get("near_miss") and q["near_miss"] not in NEAR:
        err(f"{qid}: bad near_miss {q['near_miss']}")
    if q.get("near_miss") and q["kind"] != "no_answer":
        err(f"{qid}: near_miss only on no_answer")

cnt = Counter(q["kind"] for q in qa)
unk = [q for q in qa if q.get("unknown_company")]
typ = [q for q in qa if q.get("typo")]
base = Counter(q["kind"] for q in qa if not q.get("unknown_company") and not q.get("typo"))
base["no_answer"] += sum(1 for q in unk if q["kind"] == "no_answer")
want = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3, "sentiment": 3, "no_answer": 24}
for k, v in want.items():
    if base[k] != v:
        err(f"base count for {k} is {base[k]}, want {v}")
if len(typ) != 2 or any(q["kind"] != "factual" for q in typ):
    err("want 2 typo questions, kind factual")
if len(unk) < 7 or sum(1 for q in unk if q["kind"] == "no_answer") != 2:
    err("want >=7 unknown_company questions, 2 of them no_answer")
if any(q["kind"] not in ("factual", "risk", "sentiment", "no_answer") for q in unk):
    err("unknown_company questions must be factual/risk/sentiment (or the 2 no_answer)")
if Counter(q.get("near_miss") for q in qa if q.get("near_miss")) != Counter({k: 4 for k in NEAR}):
    err("want 4 near misses of each kind")
if not 65 <= len(qa) <= 72:
    err(f"want ~69 questions, got {len(qa)}")
long_factual = [q for q in qa if q["kind"] == "factual" and not q.get("unknown_company") and not q.get("typo")
                and any(g.endswith(".md") for g in q["gold_notes"])]
if len(long_factual) != 4:
    err(f"want 4 factual questions from long notes, got {len(long_factual)}")

# typo questions: misspelled name present, correct spelling absent
TYPOS = {"elanko": "elanco", "grifolls": "grifols"}
for q in typ:
    ok = [w for w, right in TYPOS.items() if w in q["question"] and right not in q["question"]]
    if not ok:
        err(f"{q['id']}: typo question lacks a known misspelling")
    if q["ticker"] not in COMPANIES or not COMPANIES[q["ticker"]]["real"]:
        err(f"{q['id']}: typo must misspell a real covered company")

# sentiment: gold = every short note on the company; keywords = their labels
for q in qa:
    if q["kind"] != "sentiment":
        continue
    allshort = {f for f in short if q["ticker"] in note_tickers(f)}
    if set(q["gold_notes"]) != allshort:
        err(f"{q['id']}: sentiment gold must be every short note on {q['ticker']}: {sorted(allshort)}")
    if set(q["answer_keywords"]) != {label_of[g] for g in q["gold_notes"]}:
        err(f"{q['id']}: sentiment keywords must equal the gold labels")

# general: theme regex must match exactly the gold notes
THEMES = {
    "tariff": re.compile(r"tariff", re.I),
    "medicare": re.compile(r"\bMedicare\b"),
    "wage": re.compile(r"\bwages?\b", re.I),
}
for q in qa:
    if q["kind"] != "general":
        continue
    theme = next((k for k in THEMES if k in q["question"]), None)
    if theme is None:
        err(f"{q['id']}: general question without a registered theme")
        continue
    on = {f for f in files if THEMES[theme].search(text[f])}
    if on != set(q["gold_notes"]):
        err(f"{q['id']}: theme {theme} notes {sorted(on)} != gold {sorted(q['gold_notes'])}")
    if len({t for g in on for t in note_tickers(g)}) < 3:
        err(f"{q['id']}: a general theme should span at least three companies")

# --------------------------------------------------------------------------
# Near misses and other no_answer questions.
# near: (note holding the nearby-but-wrong text, that text verbatim)
# absent: regexes for the asked fact; each must match no note at all.
# scoped: regexes that must match no note about the asked company.
# --------------------------------------------------------------------------
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
NEAR_MISS = {
    "q003": dict(near=("wsc-q2-2025-leasing.txt", "Modular space leasing revenue was $322.6 million"),
                 absent=[r"(portable )?storage (leasing )?revenue", r"storage[^.\n]*leasing revenue"],
                 scoped=[r"(?<!Modular space )leasing revenue (was|of) \$", r"storage[^.\n|]*\$\s?\d[\d.,]*\s*million"]),
    "q007": dict(near=("usph-q3-2024-visits.txt", "Select Medical (SEM) flagged the same Medicare fee-schedule cut"),
                 absent=[r"Select Medical[^.]*\d", r"\bSEM\b[^.]*\d[\d,]*\s+(clinics|centers|centres|visits)"]),
    "q010": dict(near=("elan-leverage-gross-margin.txt", "gross margin was 57.0%"),
                 absent=[r"operating margin", r"operating income"],
                 scoped=[r"EBIT margin", r"income from operations"]),
    "q014": dict(near=("bfam-care-navigator.txt", "starts at $3 per employee per month"),
                 absent=[r"Care Navigator[^.]*\d[\d,.]*\s*(million\s+|thousand\s+)?(users|employees|members|downloads|bookings|clients)",
                         r"Care Navigator[^.]*(adoption|usage) (of|reached|rate)"]),
    "q017": dict(near=("grfs-fy2024-plasma-cost.txt", "Australian rival CSL (CSL) kept its plasma collection outlook unchanged"),
                 absent=[r"CSL[^.]*\d[\d,]*\s+(plasma )?(donation )?(centers|centres)", r"CSL[^.]*\d"]),
    "q020": dict(near=("usph-medicare-fee-cut.txt", "completed the purchase of a 50% stake in a 13-clinic practice in Texas"),
                 absent=[r"13-clinic[^.]*\b(19|20)\d\d\b", r"13-clinic[^.]*" + MONTH, r"Texas[^.]*" + MONTH,
                         r"(closed|completed)[^.]*Texas[^.]*(on|in) (the )?(first|second|third|fourth|Q[1-4])"]),
    "q022": dict(near=("adus-q4-2024-personal-care.txt", "personal care segment revenue of $221.8 million"),
                 absent=[r"hospice[^.]*\$\s?\d", r"hospice (segment )?revenue", r"home health[^.]*\$\s?\d"]),
    "q026": dict(near=("mlr-q1-2025-destocking.txt", "Gross margin was 13.9% and diluted EPS fell to $0.78"),
                 absent=[r"Miller[^.]*EBITDA", r"\bMLR\b[^.]*EBITDA"],
                 scoped=[r"EBITDA"]),
    "q032": dict(near=("bfam-q1-2025-backup-care.txt", "back-up care revenue of $129.6 million"),
                 absent=[r"advisory[^.\n]*\$\s?\d", r"advisory[^\n]*\|\s*[\d,.]+\s*\|", r"advisory[^.\n]*revenue (of|was|rose|grew|increased)"]),
    "q035": dict(near=("usph-q3-2024-visits.txt", "Q3 2024 revenue of $168.0 million, up 13.1%"),
                 absent=[r"(U\.S\. Physical Therapy|USPH)[^.]*\b(EPS|earnings per share)\b"],
                 scoped=[r"\bEPS\b", r"per share", r"earnings per"]),
    "q037": dict(near=("bfam-q1-2025-backup-care.txt", "Peer KinderCare Learning Companies (KLC), which listed in October 2024"),
                 absent=[r"KinderCare[^.]*\d[\d,]*\s+(centers|centres|locations|schools|sites)", r"\bKLC\b[^.]*\d[\d,]*\s+(centers|centres)"]),
    "q040": dict(near=("elan-q2-2025-pet-health.txt", "priced at roughly $32 per monthly dose"),
                 absent=[r"Quattro[^.]*(revenue|sales)[^.]*\$\s?\d", r"Quattro[^.]*\$\s?\d[\d.,]*\s*(million|billion)",
                         r"(revenue|sales) of[^.]*Quattro"]),
    "q045": dict(near=("qytc-annual-fy2025-fleet.md", "| of which refrigerated container leasing | 214.5 | 226.0 |"),
                 absent=[r"dry[^.\n]*revenue", r"dry container leasing", r"dry[^\n]*\|\s*\$?\s?1,\d{3}\.\d"],
                 scoped=[r"special and tank[^\n]*leasing[^\n]*\|"]),
    "q048": dict(near=("grfs-raas-deleveraging.txt", "governance changes adopted after the short-seller report"),
                 absent=[r"short[- ]seller[^.]*\b(19|20)\d\d\b", r"short[- ]seller[^.]*" + MONTH,
                         r"(report|allegations)[^.]*(published|released|issued)"]),
    "q050": dict(near=("wsc-q2-2025-leasing.txt", "Smaller rival McGrath RentCorp (MGRC) also described a soft start"),
                 absent=[r"McGrath[^.]*\$\s?\d", r"McGrath[^.]*revenue (of|was|rose|fell)", r"\bMGRC\b[^.]*\$\s?\d"]),
    "q053": dict(near=("mlr-europe-military-contract.txt", "The company has also finished expanding its French facility"),
                 absent=[r"French facility[^.]*\b(19|20)\d\d\b", r"French facility[^.]*" + MONTH,
                         r"(expansion|paint line)[^.]*(completed|finished|opened) (in|on) "]),
    "q056": dict(near=("grfs-fibrivance-launch.txt", "priced at roughly $1,450 per gram"),
                 absent=[r"Fibrivance[^.]*\d[\d,.]*\s*(million|billion|units|grams|patients|vials)",
                         r"Fibrivance[^.]*(revenue|sales) (of|were|was|reached)", r"(revenue|sales) (of|from)[^.]*Fibrivance"]),
    "q061": dict(near=("pmbw-balance-billing-franklin.txt", "separately won the 911 emergency contract for Franklin County, Ohio"),
                 absent=[r"Franklin County[^.]*\b(19|20)\d\d\b", r"Franklin County[^.]*" + MONTH,
                         r"Franklin[^.]*(awarded|won|signed) (in|on) "]),
    "q066": dict(near=("grfs-fy2024-plasma-cost.txt", "Adjusted EBITDA reached EUR 1.67 billion, a 23.2% margin"),
                 absent=[r"net (income|profit|earnings|loss)", r"profit (for|after) the (year|period)"],
                 scoped=[r"attributable to"]),
    "q069": dict(near=("wsc-flex-plus-buyback.txt", "rents at a premium of about 15% over a standard single-wide office"),
                 absent=[r"Flex Plus[^.]*\d[\d,]*\s+(units|offices)\s+(on rent|deployed|leased|delivered)",
                         r"Flex Plus[^.]*(units on rent|revenue of|\$\s?\d[\d.,]*\s*million)"]),
}
OTHER_NO_ANSWER = {
    "q029": dict(kind="no_notes_company", absent=[r"Encompass", r"\bEHC\b", r"discharge"]),
    "q043": dict(kind="off_topic", absent=[r"sourdough", r"hydration"]),
    "q058": dict(kind="no_notes_company", absent=[r"Chemed", r"VITAS", r"\bCHE\b", r"daily census"]),
    "q068": dict(kind="period_not_covered", absent=[r"2019"], scoped_only=True),
}
byid = {q["id"]: q for q in qa}
for qid, spec in NEAR_MISS.items():
    q = byid.get(qid)
    if q is None or not q.get("near_miss"):
        err(f"{qid}: registered near miss is not a near_miss question")
        continue
    fn, snippet = spec["near"]
    if snippet not in text.get(fn, ""):
        err(f"{qid}: nearby text not verbatim in {fn}")
    if q["ticker"] in COMPANIES and q["ticker"] not in note_tickers(fn) and q["near_miss"] != "passing_company":
        err(f"{qid}: near note {fn} is not about {q['ticker']}")
    for rx in spec["absent"]:
        for f in files:
            if re.search(rx, text[f], re.I):
                err(f"{qid}: absent regex {rx!r} matches {f}")
    for rx in spec.get("scoped", []):
        for f in files:
            if q["ticker"] in note_tickers(f) and re.search(rx, text[f], re.I):
                err(f"{qid}: scoped regex {rx!r} matches {f}")
for qid, spec in OTHER_NO_ANSWER.items():
    q = byid.get(qid)
    if q is None or q["kind"] != "no_answer" or q.get("near_miss"):
        err(f"{qid}: registered as plain no_answer but is not")
        continue
    for rx in spec["absent"]:
        for f in files:
            if spec.get("scoped_only") and q["ticker"] not in note_tickers(f):
                continue
            if re.search(rx, text[f], re.I):
                err(f"{qid}: absent regex {rx!r} matches {f}")
na_ids = {q["id"] for q in qa if q["kind"] == "no_answer"}
if na_ids != set(NEAR_MISS) | set(OTHER_NO_ANSWER):
    err(f"no_answer registry mismatch: {sorted(na_ids ^ (set(NEAR_MISS) | set(OTHER_NO_ANSWER)))}")
if sum(1 for v in OTHER_NO_ANSWER.values() if v["kind"] == "no_notes_company") != 2:
    err("want 2 no-notes real companies")

if ERR:
    print("\n".join(ERR))
    print(f"{len(ERR)} problem(s)")
    sys.exit(1)
print("OK")
