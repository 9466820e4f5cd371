#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py`; it prints OK or a list of problems (exit status 1).
Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README = os.path.join(HERE, "README.md")

PROBLEMS = []


def fail(msg):
    PROBLEMS.append(msg)


# --------------------------------------------------------------------------- exclusions
EXCL_TICKERS = """000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS 6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT ROL SMG SNBR REVG CVCO EYE WNC BKMR TLVA RTO SGI SKY WRBY TEX CFR BBCA.JK KBANK.BK JFC.PS STERV.HE UCB.BR WIE.VI 7113.KL 090430.KS 9921.TW VSMR.OL PYLX CEN.NZ""".split()

# Names behind the excluded tickers (those named in the brief plus the obvious ones for
# the sectors used here), matched case-insensitively as substrings.
EXCL_NAMES = """Alibaba|Tencent|Apple|Nvidia|Heineken|Foxconn|MediaTek|Camping World|Churchill Downs|Bank Pekao|
Pegasus|Cochlear|Iberdrola|Shree Cement|JR East|Sibanye|Elbit|Cencosud|Cinemark|Atlas Arteria|OneMain|Malibu Boats|
Eurofins|Nomad Foods|Trinity Industries|IMAX|Greenbrier|Brunswick|Lamb Weston|Marcus|MasterCraft|Rollins|Scotts Miracle|
Sleep Number|REV Group|Cavco|National Vision|Wabash|Rentokil|Somnigroup|Skyline Champion|Warby Parker|Terex|Cullen|
Bank Central Asia|Kasikornbank|Jollibee|Stora Enso|Wienerberger|Top Glove|Amorepacific|Giant Manufacturing|
Contact Energy|Cintas|UniFirst|Service Corporation|Carriage Services|Mister Car Wash|A. O. Smith|A.O. Smith|
Public Storage|CubeSmart|FirstCash|EZCORP|Sunrun|Stewart Information|Fidelity National|First American|Acushnet|
Topgolf|Callaway|Pool Corporation|Leslie's|Deere|Home Depot|UnitedHealth|Humana|Matthews International|
American Financial Group|Amazon|Microsoft|Alphabet|Google|Walmart|Costco|Berkshire""".replace("\n", "").split("|")

INVENTED_EXCL = """Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold Zephrin
Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford Thistledown Tidewrack Tamsin Talaris
Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline Ravensby Quennick Quarrendon Penhallow Ostrander Orvella Orvane Orrin
Ondrava Nettlebrook Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire Kestrelpoint Kalos Harrowgate Halvorsen Halberd
Grenholm Graymoss Glimmerfold Gannetfield Fernhollow Ferncliffe Fenmoor Embergate Ellisgrove Dunhallow Dravemont Corvexa
Corrandale Copperjack Cobbleridge Cindervale Calderwyn Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro
Glenvarrow Prairiewick Brackenmoor Tolvaren Vostrand Pyrelith""".split()

# Lower-case English words that are also excluded tickers; they may appear in the
# lower-case question text as ordinary words (the ticker field is checked separately).
ENGLISH = {"all", "ball", "car", "cat", "con", "cost", "fast", "form", "fun", "key", "lazy", "man", "mat",
           "now", "out", "run", "site", "snow", "toy", "wow", "race", "tap", "bud", "wit", "hal", "bas",
           "cme", "pay", "has", "sam", "son", "mar", "ter", "tex", "sky", "rto", "mos", "may"}

# --------------------------------------------------------------------------- coverage
COMPANIES = {
    "VSTS": dict(name="Vestis", alias=r"Vestis|\bVSTS\b", invented=False),
    "LUCK": dict(name="Lucky Strike Entertainment", alias=r"Lucky Strike|\bLUCK\b", invented=False),
    "NCMI": dict(name="National CineMedia", alias=r"National CineMedia|\bNCMI?\b", invented=False),
    "EXR": dict(name="Extra Space Storage", alias=r"Extra Space|\bEXR\b", invented=False),
    "DVA": dict(name="DaVita", alias=r"DaVita|\bDVA\b", invented=False),
    "TTC": dict(name="The Toro Company", alias=r"Toro|\bTTC\b", invented=False),
    "ITIC": dict(name="Investors Title Company", alias=r"Investors Title|\bITIC\b", invented=False),
    "OBMP": dict(name="Ossenbrook Memorial Partners", alias=r"Ossenbrook|\bOBMP\b", invented=True),
    "WHWS": dict(name="Whinlatch Water Systems", alias=r"Whinlatch|\bWHWS\b", invented=True),
}
INVENTED = {t for t, c in COMPANIES.items() if c["invented"]}

# Which covered companies each note is about (explicit, so the checker can test the mapping).
NOTE_COMPANIES = {
    "vsts-q3-fy25.txt": {"VSTS"}, "vsts-new-ceo-turnaround.txt": {"VSTS"}, "vsts-customer-retention.txt": {"VSTS"},
    "luck-fq4-fy25.txt": {"LUCK"}, "luck-season-pass-launch.txt": {"LUCK"},
    "ncmi-q2-2025.txt": {"NCMI"}, "ncmi-platform-launch.txt": {"NCMI"},
    "ncmi-luck-out-of-home.txt": {"NCMI", "LUCK"},
    "exr-q2-2025.txt": {"EXR"}, "exr-life-storage-integration.txt": {"EXR"},
    "itic-exr-housing-turnover.txt": {"ITIC", "EXR"},
    "dva-q2-2025.txt": {"DVA"}, "dva-glp1-mix.txt": {"DVA"}, "dva-2024-10k-results-of-operations.md": {"DVA"},
    "ttc-q3-fy25.txt": {"TTC"}, "ttc-autonomous-mower.txt": {"TTC"}, "ttc-fy2024-annual-report-liquidity.md": {"TTC"},
    "itic-q2-2025.txt": {"ITIC"}, "itic-agency-expansion.txt": {"ITIC"},
    "obmp-q2-2025.txt": {"OBMP"}, "obmp-cremation-mix.txt": {"OBMP"},
    "obmp-2024-annual-report-operations.md": {"OBMP"}, "obmp-2024-annual-report-risk-capital.md": {"OBMP"},
    "whws-q3-2025.txt": {"WHWS"}, "whws-heat-pump-launch.txt": {"WHWS"}, "whws-channel-destock.txt": {"WHWS"},
}

# Real companies mentioned only in passing: name regex -> the one note holding the one sentence.
PASSING = {
    r"Aramark": "vsts-new-ceo-turnaround.txt",
    r"\bAMC\b": "ncmi-platform-launch.txt",
    r"Fresenius": "dva-glp1-mix.txt",
    r"Husqvarna": "ttc-autonomous-mower.txt",
}
# Real companies with no notes at all.
NO_NOTES = [r"(?i)Lindsay", r"\bLNN\b", r"(?i)Ryman", r"\bRHP\b"]

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]

# General questions: theme regex; the notes it matches must equal the gold notes.
THEMES = {
    "q009": r"(?i)tariff",
    "q025": r"(?i)existing-home sales|mortgage rate",
    "q055": r"(?i)\bweather\b",
}

M = r"(January|February|March|April|May|June|July|August|September|October|November|December)"

# Near misses: the note holding the nearby-but-wrong text (verbatim) and regexes for the asked
# fact. A plain string must match no note; a pair (scope, fact) means no note that matches
# `scope` (i.e. is about that company/event) may match `fact`.
NEAR = {
    # other_measure
    "q002": dict(kind="other_measure", note="vsts-q3-fy25.txt", text="an adjusted EBITDA margin of 9.8%",
                 absent=[r"(?i)operating margin", (r"Vestis|\bVSTS\b", r"(?i)\bEBIT margin|operating (income|profit)")]),
    "q011": dict(kind="other_measure", note="ncmi-q2-2025.txt", text="Adjusted OIBDA reached $9.8 million",
                 absent=[(r"National CineMedia|\bNCMI?\b", r"(?i)net (income|loss|earnings)")]),
    "q037": dict(kind="other_measure", note="itic-q2-2025.txt", text="net premiums written rose 14.2% year over year",
                 absent=[(r"Investors Title|\bITIC\b", r"(?i)\brevenues?\b")]),
    "q054": dict(kind="other_measure", note="luck-fq4-fy25.txt", text="Adjusted EBITDA was $96.4 million",
                 absent=[(r"Lucky Strike|\bLUCK\b", r"(?i)operating (income|profit|loss)")]),
    # product_metric
    "q014": dict(kind="product_metric", note="ttc-autonomous-mower.txt",
                 text="an autonomous fairway mower priced at $94,500",
                 absent=[r"(?i)AutoCut[^.]{0,200}\b(units|sold|shipped|orders|deliveries)\b",
                         r"(?i)\b(units|sold|shipped|orders|deliveries)\b[^.]{0,100}AutoCut",
                         (r"AutoCut", r"(?i)\b\d[\d,]* (units|mowers|machines)\b")]),
    "q027": dict(kind="product_metric", note="whws-heat-pump-launch.txt", text="priced at $2,199",
                 absent=[r"(?i)HydraCore[^.]{0,200}\b(units|shipped|sold|orders)\b",
                         (r"HydraCore", r"(?i)\b\d[\d,]* (units|heaters)\b|\bunits (shipped|sold)\b")]),
    "q035": dict(kind="product_metric", note="luck-season-pass-launch.txt", text="priced at $39.99",
                 absent=[(r"Season Pass", r"(?i)(passes|pass holders|passholders)[^.]{0,60}\b(sold|purchased)\b"
                                         r"|\b(sold|purchased)\b[^.]{0,60}\bpass|\d[\d,]* (passes|pass holders|passholders)")]),
    "q051": dict(kind="product_metric", note="ncmi-platform-launch.txt",
                 text="launched NCM Reach Exchange, a programmatic marketplace",
                 absent=[r"(?i)Reach Exchange[^.]{0,200}(\$\d|revenue)",
                         (r"Reach Exchange", r"(?i)programmatic[^.]{0,80}(\$\d|\d%)")]),
    # passing_company
    "q006": dict(kind="passing_company", note="vsts-new-ceo-turnaround.txt", text="Vestis was spun off from Aramark in 2023",
                 absent=[r"(?i)Aramark[^.\n]*(revenue|sales|\$\d)", r"(?i)(revenue|sales|\$\d)[^.\n]*Aramark"]),
    "q028": dict(kind="passing_company", note="ncmi-platform-launch.txt",
                 text="AMC Entertainment, one of the network’s founding exhibitors",
                 absent=[r"\bAMC\b[^.\n]*(attendance|attendees|admissions|guests|patrons)",
                         r"(attendance|attendees|admissions|guests|patrons)[^.\n]*\bAMC\b"]),
    "q048": dict(kind="passing_company", note="dva-glp1-mix.txt", text="Fresenius Medical Care, DaVita’s largest US competitor",
                 absent=[r"(?i)Fresenius[^.\n]*(organic|revenue|growth)", r"(?i)(organic|revenue|growth)[^.\n]*Fresenius"]),
    "q063": dict(kind="passing_company", note="ttc-autonomous-mower.txt",
                 text="Husqvarna, which competes with Toro in robotic residential mowers",
                 absent=[r"(?i)Husqvarna[^.\n]*(units|sold|sales|revenue|shipments)",
                         r"(?i)(units|sold|sales|revenue|shipments)[^.\n]*Husqvarna"]),
    # segment_figure
    "q017": dict(kind="segment_figure", note="obmp-q2-2025.txt", text="funeral segment revenue of $98.3 million",
                 absent=[r"(?i)cemetery (segment )?(revenue|sales)[^\n]{0,40}\$\d", r"(?i)cemetery[^\n]{0,30}\brevenues?\b",
                         (r"Ossenbrook|\bOBMP\b", r"(?i)total revenues? (of|was|were|rose|fell|reached)")]),
    "q019": dict(kind="segment_figure", note="ttc-q3-fy25.txt", text="Professional segment net sales of $900.4 million",
                 absent=[r"(?i)residential segment (net )?sales[^.\n]{0,40}\$\d", r"(?i)residential[^\n]{0,60}\$\d",
                         (r"Toro|\bTTC\b", r"(?i)(?<!segment )net sales (of|were|was) \$")]),
    "q040": dict(kind="segment_figure", note="dva-glp1-mix.txt", text="operates international dialysis clinics in 13 countries",
                 absent=[r"(?i)international[^.\n]{0,80}(\$\d|revenues? of)",
                         r"(?i)(outside the United States|international)[^\n]{0,120}\$\d"]),
    "q064": dict(kind="segment_figure", note="exr-q2-2025.txt", text="self-storage operations revenue of $713.4 million",
                 absent=[r"(?i)tenant reinsurance", r"(?i)\binsurance revenue"]),
    # undated_event
    "q022": dict(kind="undated_event", note="vsts-new-ceo-turnaround.txt", text="appointed Daniel Presco",
                 absent=[(r"Presco", r"(?m)^Date:"), r"(?i)Presco[^\n]*" + M,
                         r"(?i)(appointed|appointment|named)[^.\n]{0,150}\b(in|on|effective|as of) (" + M + r"|20\d\d)"]),
    "q043": dict(kind="undated_event", note="exr-life-storage-integration.txt", text="has completed the integration of Life Storage",
                 absent=[(r"Life Storage", r"(?m)^Date:"), r"(?i)Life Storage[^\n]*\b(" + M + r"|20\d\d)\b",
                         r"(?i)\b(" + M + r"|20\d\d)\b[^\n]*Life Storage"]),
    "q058": dict(kind="undated_event", note="dva-glp1-mix.txt", text="disrupted by the ransomware incident",
                 absent=[(r"ransomware", r"(?m)^Date:"), r"(?i)ransomware[^.\n]*\b(" + M + r"|20\d\d)\b",
                         r"(?i)\b(" + M + r"|20\d\d)\b[^.\n]*ransomware",
                         (r"ransomware", r"(?i)\b(attack|incident|breach)\b[^.\n]*\b(in|on|since) (" + M + r"|20\d\d)")]),
    "q066": dict(kind="undated_event", note="itic-agency-expansion.txt",
                 text="completed the acquisition of a title agency with six offices in the Dallas–Fort Worth area",
                 absent=[(r"Dallas", r"(?m)^Date:"), r"(?i)(Dallas|title agency)[^.\n]*\b(" + M + r"|20\d\d)\b"]),
}
# Other unanswerable questions: regexes that must match no note.
OTHER_NA = {
    "q032": [r"(?i)Lindsay", r"\bLNN\b", r"(?i)irrigation backlog"],
    "q060": [r"(?i)Ryman", r"\bRHP\b", r"(?i)RevPAR"],
    "q045": [r"(?i)sourdough", r"(?i)hydration"],
    "q069": [r"2019", r"(?i)\bFY ?19\b"],
}

EXPECTED_KIND = {"factual": 21, "risk": 8, "comparison": 4, "follow_up": 4, "general": 3,
                 "sentiment": 5, "no_answer": 24}
KINDS = set(EXPECTED_KIND)


# --------------------------------------------------------------------------- helpers
def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", par.strip()) if s]


def parse_short(name, text):
    info = {}
    if text.endswith("\n"):
        fail(f"{name}: trailing newline")
    lines = text.split("\n")
    i = 0
    if lines[0] == "" or lines[0].startswith("Date:"):
        if lines[0].startswith("Date:") and not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            fail(f"{name}: bad Date line {lines[0]!r}")
        info["first"] = lines[0]
        i = 1
    rest = lines[i:]
    if len(rest) < 8:
        fail(f"{name}: too few lines")
        return info
    news, analysis, tagline, demo, label, ss, score, ts = rest[:8]
    info.update(news=news, analysis=analysis, label=label, tickers=rest[8:])
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail(f"{name}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        fail(f"{name}: news paragraph has no figures")
    w = len(analysis.split())
    if not 150 <= w <= 300:
        fail(f"{name}: analytic paragraph has {w} words")
    if "Demo" in tagline or "Sentiment" in tagline or len(tagline.split()) > 20:
        fail(f"{name}: odd tagline {tagline!r}")
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{name}: demo line {demo!r}")
    if label not in LABELS:
        fail(f"{name}: label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        fail(f"{name}: sentiment block headings")
    try:
        s = float(score)
        info["score"] = s
        a = abs(s)
        want = "neutral" if a < 0.1 else ("mildly " if a < 0.6 else "strongly ") + ("positive" if s > 0 else "negative")
        if want != label:
            fail(f"{name}: score {score} does not fit label {label!r}")
    except ValueError:
        fail(f"{name}: score {score!r}")
    for tl in rest[8:]:
        m = re.fullmatch(r"([A-Z]{2,5}) (-?\d\.\d\d)", tl)
        if not m:
            fail(f"{name}: bad ticker line {tl!r}")
            continue
        if m.group(1) not in NOTE_COMPANIES.get(name, set()):
            fail(f"{name}: ticker line for {m.group(1)} which the note is not about")
    return info


def parse_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        fail(f"{name}: no YAML front matter")
        return {}
    fm = dict(re.findall(r"^(\w+): *(.+)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            fail(f"{name}: front matter lacks {k}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        fail(f"{name}: bad date")
    body = m.group(2)
    w = len(body.split())
    if not 800 <= w <= 1500:
        fail(f"{name}: body has {w} words")
    if not re.search(r"^\|.*\bFY20\d\d\b.*\|.*\bFY20\d\d\b.*\|$", body, re.M):
        fail(f"{name}: no Markdown table with fiscal-year columns")
    if not re.search(r"^#+ ", body, re.M):
        fail(f"{name}: no headings")
    if "Overall Sentiment" in text or "Ticker Sentiment" in text:
        fail(f"{name}: long note has a sentiment block")
    if not re.search(r"\b(we|the Company)\b", body):
        fail(f"{name}: no 'we'/'the Company' prose")
    if fm.get("ticker") not in NOTE_COMPANIES.get(name, set()):
        fail(f"{name}: front-matter ticker {fm.get('ticker')} not mapped")
    return fm


def matches(rx, text):
    return re.search(rx, text) is not None


# --------------------------------------------------------------------------- notes
files = sorted(os.listdir(NOTES_DIR))
notes = {f: read(os.path.join(NOTES_DIR, f)) for f in files}
short = {f: t for f, t in notes.items() if f.endswith(".txt")}
long_ = {f: t for f, t in notes.items() if f.endswith(".md")}
other = [f for f in files if f not in short and f not in long_]
if other:
    fail(f"unexpected files in notes/: {other}")
if not 20 <= len(short) <= 24:
    fail(f"{len(short)} short notes (want ~22)")
if len(long_) != 4:
    fail(f"{len(long_)} long notes (want 4)")
if set(NOTE_COMPANIES) != set(files):
    fail(f"NOTE_COMPANIES and notes/ differ: {set(NOTE_COMPANIES) ^ set(files)}")

SHORT_INFO = {f: parse_short(f, t) for f, t in short.items()}
LONG_INFO = {f: parse_long(f, t) for f, t in long_.items()}

# every note names (or, for long notes, front-matter-names) each company it is mapped to
for f, tickers in NOTE_COMPANIES.items():
    if f not in notes:
        continue
    for t in tickers:
        if not re.search(COMPANIES[t]["alias"], notes[f]):
            fail(f"{f}: does not mention {t}")
    for t, c in COMPANIES.items():
        if t not in tickers and f in short and re.search(c["alias"], notes[f]):
            fail(f"{f}: mentions {t} but is not mapped to it")

n_dated = sum(1 for i in SHORT_INFO.values() if i.get("first", "").startswith("Date:"))
n_ticklines = sum(1 for i in SHORT_INFO.values() if i.get("tickers"))
n_dual = sum(1 for f in short if len(NOTE_COMPANIES.get(f, ())) == 2)
n_curly = sum(1 for t in short.values() if "’" in t)
if not 8 <= n_dated <= 14:
    fail(f"{n_dated} short notes have a Date line (want about half)")
if not 8 <= n_ticklines <= 14:
    fail(f"{n_ticklines} short notes have ticker lines (want about half)")
if n_dual != 2:
    fail(f"{n_dual} short notes about two covered companies (want 2)")
if n_curly < 3:
    fail("too few notes with curly apostrophes")
if len(set(i.get("label") for i in SHORT_INFO.values())) < 3:
    fail("too few distinct labels")

# long notes: 2 real companies + 1 invented
long_cos = {LONG_INFO[f].get("ticker") for f in long_}
if len(long_cos) != 3 or len(long_cos & INVENTED) != 1:
    fail(f"long notes cover {long_cos}")

# invented companies tied to tickers only by text "Name (TICK)"
for t in INVENTED:
    if not any(f"{COMPANIES[t]['name']} ({t})" in short[f] for f in short):
        fail(f"no short note writes '{COMPANIES[t]['name']} ({t})'")

# passing companies: one note, one sentence
for rx, home in PASSING.items():
    where = [f for f, t in notes.items() if re.search(rx, t)]
    if where != [home]:
        fail(f"passing company {rx} found in {where}, want [{home}]")
    elif len(re.findall(rx, notes[home])) != 1:
        fail(f"passing company {rx} mentioned more than once in {home}")
for rx in NO_NOTES:
    for f, t in notes.items():
        if re.search(rx, t):
            fail(f"company without notes {rx} appears in {f}")

# --------------------------------------------------------------------------- exclusions
def ticker_rx(tk):
    return r"(?<![A-Za-z0-9.\-])" + re.escape(tk) + r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"


qa_text = read(QA_PATH)
readme_text = read(README) if os.path.exists(README) else ""
for tk in EXCL_TICKERS:
    rx = ticker_rx(tk)
    for f, t in list(notes.items()) + [("README.md", readme_text)]:
        if re.search(rx, t):
            fail(f"excluded ticker {tk} in {f}")
for name in EXCL_NAMES + INVENTED_EXCL:
    for f, t in list(notes.items()) + [("qa.jsonl", qa_text), ("README.md", readme_text)]:
        if name.lower() in t.lower():
            fail(f"excluded name {name!r} in {f}")

# --------------------------------------------------------------------------- questions
qs = [json.loads(l) for l in qa_text.splitlines() if l.strip()]
by_id = {q["id"]: q for q in qs}
for n, q in enumerate(qs, 1):
    qid = q.get("id")
    if qid != "q%03d" % n:
        fail(f"question {n} has id {qid}")
    for k in ("question", "gold_notes", "answer_keywords", "ticker", "kind"):
        if k not in q:
            fail(f"{qid}: lacks {k}")
    if q["kind"] not in KINDS:
        fail(f"{qid}: kind {q['kind']}")
    if q["question"] != q["question"].lower():
        fail(f"{qid}: question not lower case")
    tk = q["ticker"]
    if tk is not None and tk in EXCL_TICKERS:
        fail(f"{qid}: excluded ticker {tk}")
    for etk in EXCL_TICKERS:
        if etk.lower() in ENGLISH or (len(etk) < 3 and not re.search(r"[\d.]", etk)):
            continue
        if re.search(ticker_rx(etk.lower()), q["question"].lower()):
            fail(f"{qid}: question mentions excluded ticker {etk}")
    for g in q["gold_notes"]:
        if g not in notes:
            fail(f"{qid}: gold note {g} missing")
    gold_text = " ".join(notes.get(g, "") for g in q["gold_notes"]).lower()
    for kw in q["answer_keywords"]:
        if kw.lower() not in gold_text:
            fail(f"{qid}: keyword {kw!r} not in gold notes")
    if q["kind"] == "no_answer":
        if q["gold_notes"] or q["answer_keywords"]:
            fail(f"{qid}: no_answer with gold or keywords")
    else:
        if not q["gold_notes"] or not q["answer_keywords"]:
            fail(f"{qid}: answerable question lacks gold or keywords")
        if tk is not None:
            for g in q["gold_notes"]:
                if tk not in NOTE_COMPANIES.get(g, set()):
                    fail(f"{qid}: gold note {g} is not about {tk}")
    if q.get("unknown_company"):
        if tk not in INVENTED:
            fail(f"{qid}: unknown_company but ticker {tk}")
    elif tk in INVENTED:
        fail(f"{qid}: about an invented company but not flagged unknown_company")
    if q["kind"] == "follow_up":
        prev = qs[n - 2] if n > 1 else None
        if not prev or q.get("follows") != prev["id"]:
            fail(f"{qid}: follows {q.get('follows')} but previous is {prev and prev['id']}")
        elif prev["ticker"] != tk:
            fail(f"{qid}: follow-up ticker differs from {prev['id']}")
        if len(q["question"].split()) > 8:
            fail(f"{qid}: follow-up not terse")
    elif "follows" in q:
        fail(f"{qid}: follows set on a {q['kind']} question")
    if q["kind"] == "comparison":
        cos = set().union(*(NOTE_COMPANIES[g] for g in q["gold_notes"]))
        if tk is not None or len(cos) < 2:
            fail(f"{qid}: comparison must have ticker null and cover two companies ({cos})")
    if q["kind"] == "general":
        if tk is not None:
            fail(f"{qid}: general question with ticker")
        rx = THEMES.get(qid)
        if not rx:
            fail(f"{qid}: no theme regex")
        else:
            hit = {f for f, t in notes.items() if re.search(rx, t)}
            if hit != set(q["gold_notes"]):
                fail(f"{qid}: theme {rx} matches {sorted(hit)} but gold is {sorted(q['gold_notes'])}")
    if q["kind"] == "sentiment":
        want = {f for f in short if tk in NOTE_COMPANIES[f]}
        if set(q["gold_notes"]) != want:
            fail(f"{qid}: sentiment gold {q['gold_notes']} != all short notes {sorted(want)}")
        labels = {SHORT_INFO[f]["label"] for f in want}
        if set(q["answer_keywords"]) != labels:
            fail(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {labels}")
    if q.get("typo"):
        if q["kind"] != "factual" or not q["gold_notes"] or tk in INVENTED:
            fail(f"{qid}: typo questions are answerable factual questions about real companies")
        name = COMPANIES[tk]["name"].lower().replace("the ", "")
        first = name.split()[0]
        if first in q["question"] or tk.lower() in q["question"].split():
            fail(f"{qid}: typo question spells the company correctly")
    if "near_miss" in q:
        if q["kind"] != "no_answer":
            fail(f"{qid}: near_miss on a {q['kind']} question")
        nm = NEAR.get(qid)
        if not nm or nm["kind"] != q["near_miss"]:
            fail(f"{qid}: near-miss record missing or of another kind")

# near-miss records
for qid, nm in NEAR.items():
    q = by_id.get(qid)
    if not q or q.get("near_miss") != nm["kind"]:
        fail(f"NEAR {qid}: question is not a {nm['kind']} near miss")
    if nm["text"] not in notes.get(nm["note"], ""):
        fail(f"NEAR {qid}: text {nm['text']!r} not verbatim in {nm['note']}")
    for rx in nm["absent"]:
        if isinstance(rx, tuple) and not any(re.search(rx[0], t) for t in notes.values()):
            fail(f"NEAR {qid}: scope {rx[0]!r} matches no note (vacuous check)")
        for f, t in notes.items():
            if isinstance(rx, tuple):
                if re.search(rx[0], t) and re.search(rx[1], t):
                    fail(f"NEAR {qid}: fact pattern {rx[1]!r} found in {f}")
            elif re.search(rx, t):
                fail(f"NEAR {qid}: fact pattern {rx!r} found in {f}")
for qid, rxs in OTHER_NA.items():
    if by_id.get(qid, {}).get("kind") != "no_answer" or "near_miss" in by_id.get(qid, {}):
        fail(f"OTHER_NA {qid}: not a plain no_answer question")
    for rx in rxs:
        for f, t in notes.items():
            if re.search(rx, t):
                fail(f"OTHER_NA {qid}: {rx!r} found in {f}")

# --------------------------------------------------------------------------- counts
kinds = Counter(q["kind"] for q in qs)
for k, v in EXPECTED_KIND.items():
    if kinds[k] != v:
        fail(f"kind {k}: {kinds[k]} (want {v})")
core = [q for q in qs if not q.get("unknown_company") and not q.get("typo")]
ck = Counter(q["kind"] for q in core if q["kind"] != "no_answer")
for k, v in {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3, "sentiment": 3}.items():
    if ck[k] != v:
        fail(f"core {k}: {ck[k]} (want {v})")
long_fact = [q for q in core if q["kind"] == "factual" and any(g.endswith(".md") for g in q["gold_notes"])]
if len(long_fact) != 4:
    fail(f"{len(long_fact)} core factual questions from long notes (want 4)")
if sum(1 for q in qs if q.get("typo")) != 2:
    fail("want 2 typo questions")
unk = [q for q in qs if q.get("unknown_company")]
unk_na = [q for q in unk if q["kind"] == "no_answer"]
if len(unk) < 7 or len(unk_na) != 2:
    fail(f"{len(unk)} unknown_company questions, {len(unk_na)} unanswerable (want >=7 and 2)")
if any(q["kind"] not in ("factual", "risk", "sentiment", "no_answer") for q in unk):
    fail("unknown_company questions must be factual/risk/sentiment")
nm_counts = Counter(q.get("near_miss") for q in qs if q.get("near_miss"))
for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
    if nm_counts[k] != 4:
        fail(f"near_miss {k}: {nm_counts[k]} (want 4)")
if len(NEAR) != 20 or len(OTHER_NA) != 4:
    fail("want 20 near-miss records and 4 other unanswerable records")
if len(qs) != 69:
    fail(f"{len(qs)} questions (want 69)")

if PROBLEMS:
    print("\n".join(PROBLEMS))
    print(f"{len(PROBLEMS)} problem(s)")
    sys.exit(1)
print("OK")
