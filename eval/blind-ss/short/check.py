#!/usr/bin/env python3
"""Consistency checker for the blind short-note evaluation set.

Run from anywhere: `python3 check.py`. Prints OK when every check passes,
otherwise prints each problem and exits with status 1. Standard library only.
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


# ---------------------------------------------------------------- reference data
LABELS = {  # label -> inclusive score range
    "strongly positive": (0.50, 1.00),
    "mildly positive": (0.15, 0.4999),
    "neutral": (-0.1499, 0.1499),
    "mildly negative": (-0.4999, -0.15),
    "strongly negative": (-1.00, -0.50),
}

# covered companies: ticker -> (name aliases used to detect coverage, invented?)
COMPANIES = {
    "ROL": (["Rollins"], False),
    "SMG": (["Scotts"], False),
    "SNBR": (["Sleep Number"], False),
    "REVG": (["REV Group"], False),
    "CVCO": (["Cavco"], False),
    "EYE": (["National Vision"], False),
    "WNC": (["Wabash"], False),
    "BKMR": (["Brackenmoor Spirits Co"], True),
    "TLVA": (["Tolvaren Aerial Systems"], True),
}
INVENTED = {t for t, (_, inv) in COMPANIES.items() if inv}

# real companies mentioned in passing (one sentence, one note each)
PASSING = {
    "RTO": ("Rentokil", "rol-bayou-guard-acquisition.txt"),
    "SGI": ("Somnigroup", "snbr-turnaround-ceo.txt"),
    "SKY": ("Skyline Champion", "cvco-q4-fy2025.txt"),
    "WRBY": ("Warby Parker", "eye-q2-2025.txt"),
}
# real companies with no notes at all
NO_NOTES = {"TEX": ["Terex", "Genie"], "CFR": ["Cullen"]}

EXPECTED_KINDS = {  # questions that are neither typo nor unknown_company
    "factual": 16, "risk": 6, "comparison": 4, "follow_up": 4,
    "general": 3, "sentiment": 3, "no_answer": 22,
}
EXPECTED_TYPO = 2
EXPECTED_UNKNOWN_MIN = 7
EXPECTED_UNKNOWN_NO_ANSWER = 2
EXPECTED_NO_ANSWER_TOTAL = 24
EXPECTED_LONG_FACTUAL = 4

# general questions: theme regex -> gold must equal the notes matching it
THEMES = {
    "q028": r"(?i)\bweather\b",
    "q045": r"(?i)tariff",
    "q050": r"(?i)mortgage",
}

MONTHS = r"(january|february|march|april|may|june|july|august|september|october|november|december)"

# Near misses: the note holding the nearby-but-wrong text (verbatim), regexes for the
# asked fact that must match no sentence of any note ("absent"), and regexes that must
# match no sentence of the named company's notes ("absent_in": ticker, [regexes]).
NEAR_MISSES = {
    # segment_figure
    "q004": dict(kind="segment_figure", note="smg-fiscal-q2-2025.txt",
                 text="U.S. Consumer segment sales rose 4% to $1.22 billion",
                 absent=[r"(?i)hawthorne.*\$\s?\d", r"(?i)hawthorne.*\d+(\.\d+)?%"]),
    "q010": dict(kind="segment_figure", note="revg-q3-fy2025.txt",
                 text="Specialty Vehicles segment net sales rose 9% to $470 million",
                 absent=[r"(?i)recreational vehicles?.*\$\s?\d", r"(?i)\bRV\b.*\$\s?\d"],
                 absent_in=("REVG", [r"(?i)(total|consolidated|company) net sales", r"(?i)REV Group reported[^.]*net sales"])),
    "q013": dict(kind="segment_figure", note="wnc-q2-2025.txt",
                 text="Wabash reported second-quarter 2025 revenue of $458 million",
                 absent=[r"(?i)parts (&|and) services.*\$\s?\d", r"(?i)parts (&|and) services.*\d+(\.\d+)?%"],
                 absent_in=("WNC", [r"(?i)transportation solutions"])),
    "q067": dict(kind="segment_figure", note="tlva-q2-2025.txt",
                 text="North America segment revenue of $455 million",
                 absent=[r"(?i)europe(an)?\b.*revenue.*\d", r"(?i)europe segment.*\d", r"(?i)europe(an)?\b.*\$\s?\d"]),
    # passing_company
    "q019": dict(kind="passing_company", note="rol-bayou-guard-acquisition.txt",
                 text="Rentokil Initial, which folded Terminix into its North American business, remains the largest national competitor in residential pest control.",
                 absent=[r"(?i)(rentokil|terminix).*\d"]),
    "q030": dict(kind="passing_company", note="snbr-turnaround-ceo.txt",
                 text="Somnigroup International, which now owns Mattress Firm, has been steering more floor space toward its own brands.",
                 absent=[r"(?i)(somnigroup|mattress firm).*\d"]),
    "q047": dict(kind="passing_company", note="cvco-q4-fy2025.txt",
                 text="Skyline Champion, the other large listed builder, is also adding company-owned retail locations.",
                 absent=[r"(?i)skyline.*\d"]),
    "q053": dict(kind="passing_company", note="eye-q2-2025.txt",
                 text="Warby Parker continues to open stores at a fast clip in many of the same suburban strip centers.",
                 absent=[r"(?i)warby.*\d"]),
    # product_metric
    "q025": dict(kind="product_metric", note="smg-hawthorne-exit.txt",
                 text="launched Miracle-Gro Organic Raised Bed Soil in a 2-cubic-foot bag at a suggested retail price of $15.98",
                 absent=[r"(?i)raised bed.*\b(bags sold|units|sold|revenue|net sales)\b", r"(?i)\d[\d,.]*\s*(million )?bags\b"]),
    "q031": dict(kind="product_metric", note="snbr-q1-2025.txt",
                 text="launched the ClimateCool 2 smart bed, priced from $4,799 in queen",
                 absent=[r"(?i)climatecool.*\b(units|sold|revenue|net sales|beds shipped)\b", r"(?i)\d[\d,.]*\s*(smart )?beds\b"]),
    "q054": dict(kind="product_metric", note="eye-store-plan.txt",
                 text="It also launched ClearView Connect, a booking app that lets customers schedule eye exams, upload prescriptions and track orders.",
                 absent=[r"(?i)clearview.*\d", r"(?i)\bapp\b.*\b(users|downloads|downloaded|active)\b"]),
    "q064": dict(kind="product_metric", note="bkmr-rtd-launch.txt",
                 text="launched Porch Light Punch, a bourbon-based canned cocktail, at a suggested price of $13.99 per four-pack in nine states",
                 absent=[r"(?i)porch light.*\b(cases|sold|revenue|net sales|units)\b", r"(?i)canned cocktail.*\d[\d,.]*\s*(cases|million|units|four-packs)\b"]),
    # undated_event
    "q020": dict(kind="undated_event", note="rol-bayou-guard-acquisition.txt",
                 text="Rollins completed its acquisition of Bayou Guard Pest Services",
                 absent=[r"(?i)bayou guard.*\b(19|20)\d\d\b", r"(?i)bayou guard.*\b" + MONTHS + r"\b",
                         r"(?i)bayou guard.*\b(first|second|third|fourth) quarter\b", r"(?i)bayou guard.*\bQ[1-4]\b"]),
    "q037": dict(kind="undated_event", note="revg-backlog-pricing.txt",
                 text="Since the wind-down of ENC transit bus production",
                 absent=[r"\bENC\b.*\b(19|20)\d\d\b", r"(?i)\bENC\b.*\b" + MONTHS + r"\b",
                         r"(?i)\bENC\b.*\b(first|second|third|fourth) quarter\b", r"(?i)transit bus.*\b(19|20)\d\d\b"]),
    "q042": dict(kind="undated_event", note="wnc-tariff-trailer.txt",
                 text="Trailers as a Service program, launched in Texas",
                 absent=[r"(?i)trailers as a service.*\b(19|20)\d\d\b", r"(?i)trailers as a service.*\b" + MONTHS + r"\b",
                         r"(?i)trailers as a service.*\b(first|second|third|fourth) quarter\b", r"(?i)\bTaaS\b"]),
    "q048": dict(kind="undated_event", note="cvco-rates-housing.txt",
                 text="its reopened plant in Lufkin, Texas is now running at full staffing",
                 absent=[r"(?i)lufkin.*\b(19|20)\d\d\b", r"(?i)lufkin.*\b" + MONTHS + r"\b",
                         r"(?i)lufkin.*\b(first|second|third|fourth|march|june|september|december) quarter\b"]),
    # other_measure
    "q007": dict(kind="other_measure", note="snbr-q1-2025.txt",
                 text="Adjusted EBITDA was $38 million",
                 absent=[r"(?i)(sleep number|snbr).*gross margin"],
                 absent_in=("SNBR", [r"(?i)gross (profit )?margin", r"(?i)gross profit"])),
    "q035": dict(kind="other_measure", note="revg-q3-fy2025.txt",
                 text="adjusted EBITDA of $66 million, up 28%",
                 absent=[r"(?i)(rev group|revg).*net (income|earnings|loss)"],
                 absent_in=("REVG", [r"(?i)net (income|earnings|loss)", r"(?i)earnings per share|\bEPS\b"])),
    "q040": dict(kind="other_measure", note="wnc-q2-2025.txt",
                 text="Gross margin fell to 11.2% from 15.4% a year earlier",
                 absent=[r"(?i)(wabash|wnc).*operating (margin|income)"],
                 absent_in=("WNC", [r"(?i)operating (margin|income|profit)", r"(?i)EBIT\b"])),
    "q052": dict(kind="other_measure", note="eye-q2-2025.txt",
                 text="comparable store sales growth of 4.1%",
                 absent=[r"(?i)national vision.*\b(revenue|net sales|total sales)\b"],
                 absent_in=("EYE", [r"(?i)revenue", r"(?i)\b(net|total) sales\b"])),
}

# the other four no_answer questions: regexes that must match no sentence of any note
OTHER_NO_ANSWER = {
    "q057": [r"(?i)terex", r"\bTEX\b", r"(?i)\bgenie\b"],            # real company, no notes
    "q058": [r"(?i)cullen", r"\bCFR\b"],                             # real company, no notes
    "q059": [r"(?i)steakhouse", r"(?i)grand central", r"(?i)dinner"],  # off-topic
    "q060": [r"2022", r"(?i)\bFY ?22\b"],                            # period no note covers
}

EXCLUDED_TICKERS = """000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS
6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC
ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK
AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA
BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR
CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU
CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS
CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS
DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST
EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG
FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF
GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR
HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC
IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL
KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT
LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT
MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI
MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX
NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY
OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL
PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L
PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY
RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX
SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ
SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL
TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX
TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH
UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT
VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW
WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS
COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU
ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT""".split()
EXCLUDED_WORDS = """Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold
Zephrin Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford
Thistledown Tidewrack Tamsin Talaris Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline
Ravensby Quennick Quarrendon Penhallow Ostrander Orvella Orvane Orrin Ondrava Nettlebrook
Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire Kestrelpoint Kalos Harrowgate Halvorsen
Halberd Grenholm Graymoss Glimmerfold Gannetfield Fernhollow Ferncliffe Fenmoor Embergate
Ellisgrove Dunhallow Dravemont Corvexa Corrandale Copperjack Cobbleridge Cindervale Calderwyn
Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro Glenvarrow Prairiewick""".split()
# companies behind excluded tickers (the brief's list plus ones a note in these sectors might name)
EXCLUDED_NAMES = [
    "Alibaba", "Tencent", "Apple", "Nvidia", "Heineken", "Foxconn", "MediaTek", "Camping World",
    "Churchill Downs", "Pekao", "Pegasus", "Cochlear", "Iberdrola", "Shree Cement", "JR East",
    "Sibanye", "Elbit", "Cencosud", "Cinemark", "Atlas Arteria", "OneMain", "Malibu Boats",
    "Eurofins", "Nomad Foods", "Trinity Industries", "IMAX", "Greenbrier", "Brunswick",
    "Lamb Weston", "Marcus", "MasterCraft", "Home Depot", "Walmart", "Amazon", "Costco", "Ford",
    "Deere", "Caterpillar", "United Rentals", "Herc", "Marriott", "Hilton", "FedEx", "Knight-Swift",
    "Werner", "Thor Industries", "Winnebago", "Blue Bird", "Patrick Industries", "Leslie",
    "Pool Corp", "SiteOne", "Ecolab", "Cintas", "Manitowoc", "Wabtec", "Titan Machinery",
    "Brown-Forman", "Diageo", "Boston Beer", "Molson", "Alcon", "Bausch", "CooperCompanies",
    "Ulta", "Tractor Supply", "Chewy", "Petco", "Estee Lauder", "Horton", "Builders FirstSource",
    "Travel + Leisure", "Kinsale", "Progressive", "Old Dominion", "Saia", "Schneider",
]


# ---------------------------------------------------------------- helpers
def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES)):
        with open(os.path.join(NOTES, fn), encoding="utf-8") as f:
            notes[fn] = f.read()
    return notes


def words(text):
    return len(re.findall(r"\S+", text))


def body_of(fn, text):
    """Text an answer could draw on (front matter excluded for long notes)."""
    if fn.endswith(".md"):
        return text.split("---", 2)[2]
    return text


# ---------------------------------------------------------------- short notes
def check_short(fn, text):
    if text.endswith("\n"):
        err(f"{fn}: trailing newline")
    lines = text.split("\n")
    i = 0
    if lines[0] == "":
        i = 1
    elif lines[0].startswith("Date: "):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            err(f"{fn}: bad Date line")
        i = 1
    rest = lines[i:]
    if len(rest) < 8:
        err(f"{fn}: too few lines")
        return None
    news, analytic, tagline = rest[0], rest[1], rest[2]
    n_sent = len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", news) if s])
    if not 2 <= n_sent <= 4:
        err(f"{fn}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        err(f"{fn}: news paragraph has no figures")
    if not 150 <= words(analytic) <= 300:
        err(f"{fn}: analytic paragraph has {words(analytic)} words")
    if words(tagline) > 20 or "Sentiment" in tagline:
        err(f"{fn}: tagline looks wrong")
    if rest[3] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err(f"{fn}: demo/sentiment line wrong: {rest[3]!r}")
    label = rest[4]
    if label not in LABELS:
        err(f"{fn}: unknown label {label!r}")
    if rest[5] != "Sentiment Score":
        err(f"{fn}: missing Sentiment Score")
    try:
        score = float(rest[6])
        lo, hi = LABELS.get(label, (-1, 1))
        if not lo <= score <= hi:
            err(f"{fn}: score {score} inconsistent with {label}")
    except ValueError:
        err(f"{fn}: score not a number")
    if rest[7] != "Ticker Sentiment":
        err(f"{fn}: missing Ticker Sentiment")
    for tl in rest[8:]:
        m = re.fullmatch(r"([A-Z]{2,5}) (-?\d\.\d{2})", tl)
        if not m or m.group(1) not in COMPANIES:
            err(f"{fn}: bad ticker line {tl!r}")
    return dict(label=label, has_date=lines[0].startswith("Date: "), ticker_lines=len(rest[8:]),
                text=text)


# ---------------------------------------------------------------- long notes
def check_long(fn, text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        err(f"{fn}: no front matter")
        return None
    fm = dict(line.split(": ", 1) for line in m.group(1).split("\n"))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            err(f"{fn}: front matter lacks {k}")
    if fm.get("ticker") not in COMPANIES:
        err(f"{fn}: ticker {fm.get('ticker')} not covered")
    body = text[m.end():]
    n = words(body)
    if not 800 <= n <= 1500:
        err(f"{fn}: {n} words")
    if not re.search(r"^\|.*FY20\d\d.*\|.*FY20\d\d", body, re.M):
        err(f"{fn}: no fiscal-year table")
    if "Sentiment" in body:
        err(f"{fn}: long note has a sentiment block")
    if not re.search(r"^#", body, re.M):
        err(f"{fn}: no headings")
    paras = [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "|", "-"))]
    named = [p for p in paras if any(a in p for a in COMPANIES[fm["ticker"]][0] + [fm["company"]])]
    if len(named) * 2 > len(paras):
        err(f"{fn}: most paragraphs name the company ({len(named)}/{len(paras)})")
    return fm


# ---------------------------------------------------------------- main
def main():
    notes = load_notes()
    short, long_ = {}, {}
    for fn, text in notes.items():
        if fn.endswith(".txt"):
            info = check_short(fn, text)
            if info:
                short[fn] = info
        elif fn.endswith(".md"):
            fm = check_long(fn, text)
            if fm:
                long_[fn] = fm
        else:
            err(f"unexpected file {fn}")
    if not 20 <= len(short) <= 24:
        err(f"{len(short)} short notes")
    if len(long_) != 4:
        err(f"{len(long_)} long notes")
    dated = sum(s["has_date"] for s in short.values())
    with_lines = sum(1 for s in short.values() if s["ticker_lines"])
    if not 0.35 * len(short) <= dated <= 0.65 * len(short):
        err(f"{dated} dated short notes, expected about half")
    if not 0.35 * len(short) <= with_lines <= 0.65 * len(short):
        err(f"{with_lines} short notes with ticker lines, expected about half")
    if not any("\u2019" in s["text"] for s in short.values()):
        err("no curly apostrophes")

    # coverage: which covered companies each note is about
    def about(text):
        return {t for t, (al, _) in COMPANIES.items() if any(a in text for a in al)}

    short_about = {fn: about(s["text"]) for fn, s in short.items()}
    for fn, cos in short_about.items():
        if not cos:
            err(f"{fn}: about no covered company")
    pairs = [fn for fn, cos in short_about.items() if len(cos) == 2]
    if len(pairs) != 2 or any(len(c) > 2 for c in short_about.values()):
        err(f"expected exactly 2 two-company short notes, got {pairs}")
    covered_by_short = set().union(*short_about.values())
    if covered_by_short != set(COMPANIES):
        err(f"companies without short notes: {set(COMPANIES) - covered_by_short}")
    long_cos = {fm["ticker"] for fm in long_.values()}
    if len(long_cos) != 3 or len(long_cos & INVENTED) != 1:
        err(f"long notes should cover 2 real + 1 invented company, got {long_cos}")

    # invented companies tied to tickers only by text "Name (TICK)" and front matter
    for t in INVENTED:
        name = COMPANIES[t][0][0]
        for fn, text in notes.items():
            body = body_of(fn, text)
            if name in body and fn.endswith(".txt") and f"{name} ({t})" not in body:
                err(f"{fn}: {name} not tied to ({t}) in text")
            for m in re.finditer(rf"\b{t}\b", body):
                ctx = body[max(0, m.start() - 1):m.end() + 1]
                line = body[body.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0]
                if ctx != f"({t})" and not re.fullmatch(rf"{t} -?\d\.\d{{2}}", line):
                    err(f"{fn}: bare invented ticker {t}")

    # passing companies: exactly one sentence in one note
    for t, (name, fn) in PASSING.items():
        hits = [(f, s) for f, text in notes.items() for s in sentences(body_of(f, text)) if name in s]
        if len(hits) != 1 or hits[0][0] != fn:
            err(f"passing company {name}: {hits}")
        for f, text in notes.items():
            if re.search(rf"\b{t}\b", text):
                err(f"{f}: passing ticker {t} appears")

    # exclusions
    all_text = "\n".join(notes.values())
    qa = [json.loads(line) for line in open(QA, encoding="utf-8")]
    q_text = "\n".join(q["question"] for q in qa)
    q_tickers = " ".join(str(q["ticker"]) for q in qa)
    # excluded tickers that are everyday English words, checked only case-sensitively in questions
    common_words = {"ALL", "KEY", "OUT", "ON", "DE", "MA", "SE", "LI", "EL", "T", "F", "V", "C", "D", "HD",
                    "GD", "CE", "KR", "HAS", "NOW", "CAT", "FUN", "WING", "GOLF", "SAFE", "CAR", "CON", "GATX", "MAN"}
    for tk in EXCLUDED_TICKERS:
        pat = rf"(?<![A-Za-z0-9.\-]){re.escape(tk)}(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"
        if re.search(pat, all_text):
            err(f"excluded ticker {tk} in notes")
        if re.search(pat, q_tickers):
            err(f"excluded ticker {tk} as a question ticker")
        flags = 0 if tk in common_words or len(tk) <= 2 else re.I
        if re.search(pat, q_text, flags):
            err(f"excluded ticker {tk} in a question")
    for w in EXCLUDED_WORDS + EXCLUDED_NAMES:
        pat = rf"\b{re.escape(w)}"
        if re.search(pat, all_text, re.I) or re.search(pat, q_text, re.I):
            err(f"excluded name {w!r} used")

    # ------------------------------------------------------------ questions
    ids = [q["id"] for q in qa]
    if ids != ["q%03d" % i for i in range(1, len(qa) + 1)]:
        err("ids not sequential")
    allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind",
               "follows", "near_miss", "unknown_company", "typo"}
    kinds = Counter()
    typo = unknown = unknown_na = no_answer = long_factual = 0
    near = Counter()
    near_unknown = 0
    by_id = {q["id"]: q for q in qa}
    for idx, q in enumerate(qa):
        qid = q["id"]
        if set(q) - allowed or not {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind"} <= set(q):
            err(f"{qid}: bad fields {sorted(q)}")
        if q["question"] != q["question"].lower():
            err(f"{qid}: question not lowercase")
        for g in q["gold_notes"]:
            if g not in notes:
                err(f"{qid}: gold note {g} missing")
        gold_text = "\n".join(notes.get(g, "") for g in q["gold_notes"])
        for kw in q["answer_keywords"]:
            if kw.lower() not in gold_text.lower():
                err(f"{qid}: keyword {kw!r} not in gold notes")
        kind = q["kind"]
        if q.get("typo"):
            typo += 1
            if kind != "factual" or not q["gold_notes"]:
                err(f"{qid}: typo question must be answerable factual")
            aliases = [a for t in COMPANIES for a in COMPANIES[t][0]]
            if any(a.lower() in q["question"] for a in aliases) or q["ticker"] in INVENTED:
                err(f"{qid}: typo question spells the company correctly")
        if q.get("unknown_company"):
            unknown += 1
            if q["ticker"] not in INVENTED:
                err(f"{qid}: unknown_company ticker {q['ticker']}")
            if kind == "no_answer":
                unknown_na += 1
            elif kind not in ("factual", "risk", "sentiment"):
                err(f"{qid}: unknown_company kind {kind}")
        elif q["ticker"] in INVENTED:
            err(f"{qid}: invented ticker without unknown_company")
        if not q.get("typo") and not q.get("unknown_company"):
            kinds[kind] += 1
            if kind == "factual" and any(g.endswith(".md") for g in q["gold_notes"]):
                long_factual += 1
        if kind == "no_answer":
            no_answer += 1
            if q["gold_notes"] or q["answer_keywords"]:
                err(f"{qid}: no_answer with gold or keywords")
        elif not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{qid}: answerable question without gold/keywords")
        if kind == "follow_up":
            prev = qa[idx - 1]["id"] if idx else None
            if q.get("follows") != prev or by_id[prev]["kind"] == "no_answer":
                err(f"{qid}: follows should be the previous answerable question")
            if len(q["question"].split()) > 7:
                err(f"{qid}: follow-up should be a terse pronoun/ellipsis question")
        elif "follows" in q:
            err(f"{qid}: follows on a non-follow-up")
        if kind == "comparison":
            if q["ticker"] is not None:
                err(f"{qid}: comparison ticker should be null")
            cos = set().union(*(about(body_of(g, notes[g])) for g in q["gold_notes"]))
            if len(cos) < 2:
                err(f"{qid}: comparison gold covers {cos}")
        if kind == "sentiment":
            t = q["ticker"]
            expect = {fn for fn, cos in short_about.items() if t in cos}
            if set(q["gold_notes"]) != expect:
                err(f"{qid}: sentiment gold {q['gold_notes']} != {sorted(expect)}")
            labels = {short[g]["label"] for g in q["gold_notes"] if g in short}
            if set(q["answer_keywords"]) != labels:
                err(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {labels}")
        if kind == "general":
            pat = THEMES.get(qid)
            matching = {fn for fn, text in notes.items() if pat and re.search(pat, body_of(fn, text))}
            if not pat or set(q["gold_notes"]) != matching:
                err(f"{qid}: general gold {q['gold_notes']} != theme notes {sorted(matching)}")
        if "near_miss" in q:
            near[q["near_miss"]] += 1
            if q.get("unknown_company"):
                near_unknown += 1
            if kind != "no_answer":
                err(f"{qid}: near miss must be no_answer")
            spec = NEAR_MISSES.get(qid)
            if not spec or spec["kind"] != q["near_miss"]:
                err(f"{qid}: near miss not recorded in NEAR_MISSES")
                continue
            if spec["text"] not in notes.get(spec["note"], ""):
                err(f"{qid}: near text not verbatim in {spec['note']}")
            for pat in spec["absent"]:
                for fn, text in notes.items():
                    for s in sentences(body_of(fn, text)):
                        if re.search(pat, s):
                            err(f"{qid}: absent pattern {pat!r} matches {fn}: {s[:80]!r}")
            if "absent_in" in spec:
                t, pats = spec["absent_in"]
                scope = [fn for fn, text in notes.items() if t in about(body_of(fn, text))
                         or long_.get(fn, {}).get("ticker") == t]
                for pat in pats:
                    for fn in scope:
                        if re.search(pat, body_of(fn, notes[fn])):
                            err(f"{qid}: {pat!r} found in {fn}")
            if q["near_miss"] == "passing_company" and q["ticker"] not in PASSING:
                err(f"{qid}: passing-company ticker {q['ticker']}")
            if q["near_miss"] == "undated_event" and short.get(spec["note"], {}).get("has_date"):
                err(f"{qid}: undated event sits in a dated note")
        elif kind == "no_answer":
            pats = OTHER_NO_ANSWER.get(qid)
            if not pats:
                err(f"{qid}: no_answer without a near_miss or recorded absence")
            for pat in pats or []:
                for fn, text in notes.items():
                    if re.search(pat, text):
                        err(f"{qid}: {pat!r} matches {fn}")
    for k, v in EXPECTED_KINDS.items():
        if kinds[k] != v:
            err(f"kind {k}: {kinds[k]} != {v}")
    if set(kinds) - set(EXPECTED_KINDS):
        err(f"unexpected kinds {set(kinds) - set(EXPECTED_KINDS)}")
    if typo != EXPECTED_TYPO:
        err(f"{typo} typo questions")
    if unknown < EXPECTED_UNKNOWN_MIN or unknown_na != EXPECTED_UNKNOWN_NO_ANSWER:
        err(f"unknown_company: {unknown} total, {unknown_na} unanswerable")
    if no_answer != EXPECTED_NO_ANSWER_TOTAL:
        err(f"{no_answer} no_answer questions")
    if long_factual != EXPECTED_LONG_FACTUAL:
        err(f"{long_factual} factual questions from long notes")
    if any(near[k] != 4 for k in ("segment_figure", "passing_company", "product_metric",
                                     "undated_event", "other_measure")) or sum(near.values()) != 20:
        err(f"near-miss counts {dict(near)}")
    if near_unknown != 2:
        err(f"{near_unknown} near misses about invented companies")
    for qid in NEAR_MISSES:
        if by_id.get(qid, {}).get("near_miss") != NEAR_MISSES[qid]["kind"]:
            err(f"NEAR_MISSES {qid} does not match qa.jsonl")

    if ERR:
        for e in ERR:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
