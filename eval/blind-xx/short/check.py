#!/usr/bin/env python3
"""Consistency checker for the blind 'short' evaluation set.

Run `python3 check.py` from anywhere; prints OK or a list of problems (exit code 1).
Standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README_PATH = os.path.join(HERE, "README.md")

errors = []


def err(msg):
    errors.append(msg)


# --------------------------------------------------------------------------- companies
# ticker -> (name regex used to find the company in text, real?)
COMPANIES = {
    "LYV": (r"Live Nation", True),
    "SIG": (r"Signet", True),
    "DXCM": (r"Dexcom", True),
    "AVAV": (r"AeroVironment", True),
    "PL": (r"Planet", True),
    "BCO": (r"Brink[’']s", True),
    "APG": (r"APi Group|APi\b", True),
    "OLSB": (r"Orlisande", False),
    "SCVW": (r"Scrivelow", False),
}
INVENTED_INTRO = {
    "OLSB": "Orlisande Bridal Group (OLSB)",
    "SCVW": "Scrivelow Reporting Holdings (SCVW)",
}

# note file -> companies it is about
NOTE_COMPANIES = {
    "lyv-q2-2025-results.txt": ["LYV"],
    "lyv-venue-nation-build.txt": ["LYV"],
    "lyv-doj-antitrust.txt": ["LYV"],
    "sig-q1-fy2026.txt": ["SIG"],
    "sig-lab-grown-fashion.txt": ["SIG"],
    "sig-olsb-bridal-season.txt": ["SIG", "OLSB"],
    "olsb-q2-2025.txt": ["OLSB"],
    "olsb-tariff-sourcing.txt": ["OLSB"],
    "dxcm-q2-2025.txt": ["DXCM"],
    "dxcm-g7-15day.txt": ["DXCM"],
    "dxcm-10k-fy2024-mdna.md": ["DXCM"],
    "avav-q4-fy2025.txt": ["AVAV"],
    "avav-bluehalo-integration.txt": ["AVAV"],
    "avav-pl-defense-budget.txt": ["AVAV", "PL"],
    "pl-q2-fy2026.txt": ["PL"],
    "pl-pelican-tanager.txt": ["PL"],
    "bco-q2-2025.txt": ["BCO"],
    "bco-cash-usage.txt": ["BCO"],
    "bco-10k-fy2024-segments.md": ["BCO"],
    "apg-q2-2025.txt": ["APG"],
    "apg-inspection-model.txt": ["APG"],
    "apg-elevator-deal.txt": ["APG"],
    "scvw-q1-fy2026.txt": ["SCVW"],
    "scvw-stenographer-shortage.txt": ["SCVW"],
    "scvw-annual-report-fy2025-mdna.md": ["SCVW"],
    "scvw-annual-report-fy2025-risk.md": ["SCVW"],
}

# real companies mentioned once, in passing: name -> (ticker, note holding the one sentence)
PASSING = {
    "Eventbrite": ("EB", "lyv-venue-nation-build.txt"),
    "Abbott": ("ABT", "dxcm-q2-2025.txt"),
    "Pandora": ("PNDORA.CO", "sig-lab-grown-fashion.txt"),
    "Loomis": ("LOOMIS.ST", "bco-q2-2025.txt"),
}
# real companies asked about that have no notes at all
NO_NOTE_COMPANIES = {"GRMN": r"(?i)\bgarmin\b", "AXON": r"(?i)\baxon\b"}

LABELS = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.1, 0.5),
    "neutral": (-0.1, 0.1),
    "mildly negative": (-0.5, -0.1),
    "strongly negative": (-1.0, -0.5),
}

# --------------------------------------------------------------------------- exclusions
EXCLUDED_TICKERS = """
000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS 6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT ROL SMG SNBR REVG CVCO EYE WNC BKMR TLVA RTO SGI SKY WRBY TEX CFR BBCA.JK KBANK.BK JFC.PS STERV.HE UCB.BR WIE.VI 7113.KL 090430.KS 9921.TW VSMR.OL PYLX CEN.NZ VSTS LUCK NCMI EXR DVA TTC ITIC OBMP WHWS ARMK AMC FME HUSQ-B.ST LNN RHP OMAB.MX FALABELLA.SN CEZ.PR PKO.WA COLO-B.CO 3382.T ASIANPAINT.NS SHP.JO TRNV.WA GRSH SPH HSIC CPRT 7951.T AMP.MI AMN SDF.DE BWCA LTBY RBA CCRN NVST SPB.TO TLS.AX IAG.AX LREN3.SA 5347.KL BDMS.BK YAR.OL KESKOB.HE EBS.VI SREN.SW KRX.IR ZRVD TSLN.OL WSC BFAM USPH ELAN GRFS ADUS MLR PMBW QYTC MGRC KLC SEM CSL EHC CHE BMRI.JK VNM.VN EMAAR.AE QNBK.QA COMI.CA SCOM.NR YPFD.BA ISP.MI OTP.BD AD.AS HLCY.OL BRQL
""".split()

EXCLUDED_NAMES = [
    "Alibaba", "Tencent", "Apple", "Nvidia", "Heineken", "Foxconn", "MediaTek", "Camping World",
    "Churchill Downs", "Bank Pekao", "Pekao", "Pegasus", "Cochlear", "Iberdrola", "Shree Cement", "JR East",
    "Sibanye", "Elbit", "Cencosud", "Cinemark", "Atlas Arteria", "OneMain", "Malibu Boats", "Eurofins",
    "Nomad Foods", "Trinity Industries", "IMAX", "Greenbrier", "Brunswick", "Lamb Weston", "Marcus",
    "MasterCraft", "Rollins", "Scotts Miracle-Gro", "Sleep Number", "REV Group", "Cavco", "National Vision",
    "Wabash", "Rentokil", "Somnigroup", "Skyline Champion", "Warby Parker", "Terex", "Cullen/Frost",
    "Bank Central Asia", "Kasikornbank", "Jollibee", "Stora Enso", "UCB", "Wienerberger", "Top Glove",
    "Amorepacific", "Giant Manufacturing", "Contact Energy", "Vestis", "Lucky Strike", "National CineMedia",
    "Extra Space", "DaVita", "Toro", "Investors Title", "OMA", "Falabella", "CEZ", "PKO", "Coloplast",
    "Seven & i", "Asian Paints", "Shoprite", "Aramark", "Fresenius", "Husqvarna", "Life Storage", "Lindsay",
    "Ryman", "Suburban Propane", "Henry Schein", "Copart", "Yamaha", "Amplifon", "AMN Healthcare", "K+S",
    "AmeriGas", "RB Global", "WS Audiology", "Cross Country Healthcare", "Envista", "Superior Plus",
    "Telstra", "Insurance Australia Group", "Lojas Renner", "Tenaga Nasional", "Bangkok Dusit", "Yara",
    "Kesko", "Erste", "Swiss Re", "Kingspan", "Suncorp", "Bumrungrad", "Munich Re", "Raiffeisen", "Rockwool",
    "YTL Power", "Lidl", "Magazine Luiza", "Optus", "WillScot", "Bright Horizons", "U.S. Physical Therapy",
    "Elanco", "Grifols", "Addus", "Miller Industries", "McGrath", "KinderCare", "Select Medical", "CSL",
    "Encompass", "Chemed", "Bank Mandiri", "Vinamilk", "Emaar", "QNB", "CIB", "Safaricom", "YPF", "Intesa",
    "OTP", "Ahold Delhaize", "Aldar", "Vietcombank", "UniCredit", "Masan", "MBH", "Colruyt", "Airtel",
    # a few more companies behind excluded tickers that sit close to this set's sectors
    "Medtronic", "Insulet", "Lockheed", "Boeing", "Leonardo", "Rheinmetall", "Airbus", "Safran", "Honeywell",
    "Costco", "Walmart", "LVMH", "Tiffany", "Spotify", "DraftKings", "Flutter", "Diebold", "Cintas",
    "Quest Diagnostics", "Zoetis", "Rocket Lab", "Iridium", "Viasat", "EchoStar", "Amazon", "Google",
    "Microsoft", "Meta", "Tesla", "Netflix", "Disney", "Uber",
]

FORBIDDEN_WORDS = """
Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold Zephrin
Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford Thistledown Tidewrack
Tamsin Talaris Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline Ravensby Quennick Quarrendon Penhallow
Ostrander Orvella Orvane Orrin Ondrava Nettlebrook Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire
Kestrelpoint Kalos Harrowgate Halvorsen Halberd Grenholm Graymoss Glimmerfold Gannetfield Fernhollow
Ferncliffe Fenmoor Embergate Ellisgrove Dunhallow Dravemont Corvexa Corrandale Copperjack Cobbleridge
Cindervale Calderwyn Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro Glenvarrow
Prairiewick Brackenmoor Tolvaren Vostrand Pyrelith Ossenbrook Whinlatch Tarnovia Grisholt Brindlewick
Lanternby Zorvadine Tessaline Pemberlowe Quaytrace Halcyra Brisquell
""".split()

# sectors of earlier sets, which must not be the sector of any covered company (checked on our own sector tags)
SECTORS = {
    "LYV": "ticketing and live events", "SIG": "jewellery retail", "DXCM": "blood-glucose monitoring",
    "AVAV": "drone makers", "PL": "satellite imagery", "BCO": "coin and currency processing",
    "APG": "fire protection services", "OLSB": "bridal", "SCVW": "court reporting",
}

# --------------------------------------------------------------------------- question metadata
THEMES = {  # general questions: gold must be exactly the notes matching the theme regex
    "q014": r"(?i)tariff",
    "q039": r"(?i)ukrain",
    "q062": r"(?i)repurchas|buyback|buy back|buying back",
}
COMPARISONS = {"q011": ("AVAV", "PL"), "q034": ("LYV", "APG"), "q050": ("DXCM", "BCO"), "q066": ("DXCM", "SIG")}

MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
WHEN = r"\b(19|20)\d\d\b|" + MONTHS + r"|\bspring\b|\bsummer\b|\bfall\b|\bautumn\b|\bwinter\b|\bquarter\b|\bQ[1-4]\b|next year|this year|year-end|by the end|\bweeks\b|\bmonths\b|\bdays\b"

# near misses: the nearby-but-wrong text (verbatim in `note`) and the asked fact, which must match no note.
# absent entries: scope = regex a note must match to be examined (default: every note);
#                 anchor = regex selecting sentences (default: the whole note); fact = regex that must not match.
NEAR = {
    "q003": dict(kind="segment_figure", note="lyv-q2-2025-results.txt", text="Sponsorship & Advertising",
                 absent=[dict(anchor=r"(?i)sponsorship", fact=r"\$|\d")]),
    "q020": dict(kind="segment_figure", note="bco-10k-fy2024-segments.md", text="| Latin America | 1,618.5 | 1,606.2 | (1%) |",
                 absent=[dict(anchor=r"Latin America", fact=r"(?i)operating (profit|margin|income)|segment profit")]),
    "q022": dict(kind="segment_figure", note="scvw-annual-report-fy2025-mdna.md", text="| Court Reporting & Deposition segment revenue | 262.9 | 288.6 |",
                 absent=[dict(scope=r"Scrivelow|SCVW", fact=r"(?i)record retrieval( segment)? revenue[^.]*\d|\|\s*record retrieval[^\n]*\d")]),
    "q031": dict(kind="segment_figure", note="apg-q2-2025.txt", text="Specialty Services, the smaller and more cyclical segment",
                 absent=[dict(anchor=r"(?i)specialty services", fact=r"\$|\d")]),
    "q007": dict(kind="passing_company", note="dxcm-q2-2025.txt", text="Abbott (ABT) remains the main rival in continuous glucose monitoring",
                 absent=[dict(anchor=r"(?i)abbott|libre", fact=r"\d|(?i:revenue|sales|libre)")]),
    "q024": dict(kind="passing_company", note="lyv-venue-nation-build.txt", text="Eventbrite (EB) compete for club nights and community events",
                 absent=[dict(anchor=r"(?i)eventbrite", fact=r"\d|(?i:tickets sold|paid tickets|revenue|volume)")]),
    "q038": dict(kind="passing_company", note="sig-lab-grown-fashion.txt", text="Pandora (PNDORA.CO) has pushed its own lab-grown line in Europe",
                 absent=[dict(anchor=r"(?i)pandora", fact=r"\d|(?i:organic|growth|revenue|sales|like-for-like)")]),
    "q046": dict(kind="passing_company", note="bco-q2-2025.txt", text="Loomis (LOOMIS.ST) has been pursuing a similar shift toward subscription-style cash automation",
                 absent=[dict(anchor=r"(?i)loomis", fact=r"\d|(?i:revenue|sales|EBITDA)")]),
    "q013": dict(kind="product_metric", note="dxcm-q2-2025.txt", text="launched in August 2024 at $99 for a one-month supply",
                 absent=[dict(anchor=r"(?i)stelo|over-the-counter", fact=r"(?i)\busers\b|subscribers|customers|\bunits\b|revenue|\bsold\b|\d[\d,.]* (thousand|million) (people|patients)")]),
    "q036": dict(kind="product_metric", note="sig-lab-grown-fashion.txt", text="Kay Lab-Grown Signature collection, priced from $499",
                 absent=[dict(anchor=r"(?i)signature", fact=r"(?i)\bunits\b|\bsold\b|revenue|sales of|pieces sold")]),
    "q043": dict(kind="product_metric", note="avav-q4-fy2025.txt", text="The Switchblade 600 Block 2, which adds a 40-kilometer range",
                 absent=[dict(anchor=r"(?i)switchblade", fact=r"(?i)\bunits\b|delivered|deliveries|shipped|\bsold\b")]),
    "q051": dict(kind="product_metric", note="pl-pelican-tanager.txt", text="methane and surface-mineral data from its Tanager-1 hyperspectral satellite",
                 absent=[dict(anchor=r"(?i)tanager", fact=r"(?i)revenue|\$|customers|subscribers|\busers\b|contracts")]),
    "q028": dict(kind="undated_event", note="lyv-doj-antitrust.txt", text="at the upcoming jury trial",
                 absent=[dict(anchor=r"(?i)\btrial\b|\bjury\b", fact=WHEN)]),
    "q041": dict(kind="undated_event", note="olsb-q2-2025.txt", text="plans to open a 22,000-square-foot flagship in Dallas",
                 absent=[dict(anchor=r"(?i)dallas|flagship", fact=WHEN)]),
    "q048": dict(kind="undated_event", note="bco-cash-usage.txt", text="converting 2,400 bank-owned machines",
                 absent=[dict(anchor=r"2,400|\b(?i:conver(t|ted|ting|sion))\b", fact=WHEN)]),
    "q057": dict(kind="undated_event", note="apg-elevator-deal.txt", text="The deal is expected to close subject to customary regulatory approvals",
                 absent=[dict(scope=r"(?i)elevator", anchor=r"(?i)\bclos(e|ing)\b", fact=WHEN)]),
    "q016": dict(kind="other_measure", note="sig-q1-fy2026.txt", text="Gross margin was 38.9%",
                 absent=[dict(scope=r"Signet", fact=r"(?i)operating (margin|income|profit)|EBIT\b")]),
    "q053": dict(kind="other_measure", note="dxcm-q2-2025.txt", text="Gross margin was 60.1%",
                 absent=[dict(scope=r"Dexcom|DXCM", fact=r"(?i)net (income|earnings|profit|loss)")]),
    "q010": dict(kind="other_measure", note="avav-q4-fy2025.txt", text="fourth-quarter adjusted EBITDA was $57 million",
                 absent=[dict(scope=r"AeroVironment", fact=r"(?i)net (income|earnings|profit|loss)")]),
    "q026": dict(kind="other_measure", note="pl-q2-fy2026.txt", text="posted adjusted EBITDA of $4.2 million",
                 absent=[dict(scope=r"Planet", fact=r"(?i)net (income|earnings|profit|loss)")]),
}
OTHER_NA = {  # the four no_answer questions that are not near misses
    "q033": dict(reason="real company with no notes (GRMN)", absent=[dict(fact=r"(?i)garmin")]),
    "q061": dict(reason="real company with no notes (AXON)", absent=[dict(fact=r"(?i)\baxon\b|taser")]),
    "q055": dict(reason="off-topic", absent=[dict(fact=r"(?i)ramen|grand central|restaurant")]),
    "q065": dict(reason="period no note covers", absent=[dict(fact=r"2019")]),
}

EXPECTED_KINDS = {  # counts excluding unknown_company and typo extras
    "factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3, "sentiment": 3, "no_answer": 24,
}


# --------------------------------------------------------------------------- helpers
def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sentences(text):
    out = []
    for line in text.split("\n"):
        for s in re.split(r"(?<=[.!?])(?<!U\.S\.)\s+(?=[A-Z$€\"“(*|#])", line):
            if s.strip():
                out.append(s.strip())
    return out


def words(text):
    return len(re.findall(r"\S+", text))


def ticker_pattern(t, flags=0):
    return re.compile(r"(?<![A-Za-z0-9.&/-])" + re.escape(t) + r"(?![A-Za-z0-9&/-])(?!\.[A-Za-z0-9])", flags)


def parse_short(name, text):
    if text.endswith("\n"):
        err(f"{name}: trailing newline")
    lines = text.split("\n")
    i = 0
    date = None
    if lines[0] == "":
        i = 1
    elif lines[0].startswith("Date: "):
        if not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            err(f"{name}: bad date line {lines[0]!r}")
        date = lines[0][6:]
        i = 1
    body = lines[i:]
    if len(body) < 8:
        err(f"{name}: too few lines")
        return None
    news, ana, tag, demo, label, ss, score, ts = body[:8]
    tickers = body[8:]
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err(f"{name}: demo/sentiment line wrong: {demo!r}")
    if label not in LABELS:
        err(f"{name}: unknown label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        err(f"{name}: sentiment block headings wrong")
    try:
        sc = float(score)
        lo, hi = LABELS.get(label, (-1, 1))
        if not (lo <= sc <= hi):
            err(f"{name}: score {sc} inconsistent with label {label}")
    except ValueError:
        err(f"{name}: score not a number {score!r}")
    tl = {}
    for t in tickers:
        m = re.fullmatch(r"([A-Z][A-Z.]*) (-?\d\.\d\d)", t)
        if not m:
            err(f"{name}: bad ticker line {t!r}")
            continue
        tl[m.group(1)] = float(m.group(2))
        if not -1 <= float(m.group(2)) <= 1:
            err(f"{name}: ticker score out of range")
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        err(f"{name}: news paragraph has {n_sent} sentences")
    if not re.search(r"\d", news):
        err(f"{name}: news paragraph has no figures")
    if not 150 <= words(ana) <= 300:
        err(f"{name}: analytic paragraph has {words(ana)} words")
    if "Sentiment" in tag or "Request" in tag or len(tag) > 140:
        err(f"{name}: tagline looks wrong")
    return dict(date=date, first=lines[0] if i else None, news=news, ana=ana, tag=tag, demo=demo,
                label=label, score=score, tickers=tl)


def check_absent(spec, texts, where):
    scope = spec.get("scope")
    anchor = spec.get("anchor")
    fact = re.compile(spec["fact"])
    for name, text in texts.items():
        if scope and not re.search(scope, text):
            continue
        if anchor:
            for s in sentences(text):
                if re.search(anchor, s) and fact.search(s):
                    err(f"{where}: asked fact found in {name}: {s[:120]!r}")
        elif fact.search(text):
            err(f"{where}: asked fact found in {name}: {fact.search(text).group(0)!r}")


# --------------------------------------------------------------------------- notes
def main():
    if not os.path.isdir(NOTES_DIR):
        print("notes/ missing")
        return 1
    files = sorted(os.listdir(NOTES_DIR))
    texts = {f: read(os.path.join(NOTES_DIR, f)) for f in files}
    short = [f for f in files if f.endswith(".txt")]
    long_ = [f for f in files if f.endswith(".md")]
    if set(files) != set(NOTE_COMPANIES):
        err(f"note files differ from NOTE_COMPANIES: {sorted(set(files) ^ set(NOTE_COMPANIES))}")
    if not 20 <= len(short) <= 24 or len(long_) != 4:
        err(f"expected ~22 short and 4 long notes, got {len(short)} and {len(long_)}")

    parsed = {}
    for f in short:
        p = parse_short(f, texts[f])
        if p:
            parsed[f] = p
            for t in p["tickers"]:
                if t not in NOTE_COMPANIES.get(f, []):
                    err(f"{f}: ticker line {t} not a company of the note")
            for t in NOTE_COMPANIES.get(f, []):
                if not re.search(COMPANIES[t][0], texts[f]):
                    err(f"{f}: company {t} not named in text")
    n_date = sum(1 for p in parsed.values() if p["date"])
    n_tick = sum(1 for p in parsed.values() if p["tickers"])
    if not 0.35 * len(short) <= n_date <= 0.65 * len(short):
        err(f"date lines on {n_date} of {len(short)} short notes (want about half)")
    if not 0.35 * len(short) <= n_tick <= 0.65 * len(short):
        err(f"ticker lines on {n_tick} of {len(short)} short notes (want about half)")
    if len({p["tag"] for p in parsed.values()}) < 4:
        err("taglines do not vary")
    if len({p["demo"] for p in parsed.values()}) != 2:
        err("both 'Request a Demo' and 'Request Demo' should be used")
    curly = sum(1 for f in short if "’" in texts[f])
    if not 0 < curly < len(short):
        err(f"curly apostrophes in {curly} short notes (want some, not all)")
    two = [f for f in short if len(NOTE_COMPANIES.get(f, [])) == 2]
    if len(two) != 2:
        err(f"expected 2 two-company short notes, got {two}")

    # long notes
    long_companies = set()
    for f in long_:
        t = texts[f]
        m = re.match(r"---\n(.*?)\n---\n", t, re.S)
        if not m:
            err(f"{f}: no YAML front matter")
            continue
        fm = dict(re.findall(r"^(\w+): (.+)$", m.group(1), re.M))
        for k in ("company", "ticker", "title", "date"):
            if k not in fm:
                err(f"{f}: front matter lacks {k}")
        if fm.get("ticker") not in NOTE_COMPANIES.get(f, []):
            err(f"{f}: front-matter ticker {fm.get('ticker')} not the note's company")
        long_companies.add(fm.get("ticker"))
        body = t[m.end():]
        if not 800 <= words(body) <= 1500:
            err(f"{f}: body has {words(body)} words")
        if not re.search(r"^\|.*FY20\d\d.*\|.*FY20\d\d", body, re.M):
            err(f"{f}: no table with fiscal-year columns")
        if not re.search(r"^#+ ", body, re.M):
            err(f"{f}: no headings")
        if "Sentiment" in body:
            err(f"{f}: long note must not carry a sentiment block")
        paras = [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "|"))]
        naming = sum(1 for p in paras if re.search(COMPANIES[fm.get("ticker", "LYV")][0], p))
        if naming * 2 >= len(paras):
            err(f"{f}: {naming} of {len(paras)} paragraphs name the company (want most not to)")
    real_long = {t for t in long_companies if t in COMPANIES and COMPANIES[t][1]}
    inv_long = {t for t in long_companies if t in COMPANIES and not COMPANIES[t][1]}
    if len(real_long) != 2 or len(inv_long) != 1:
        err(f"long notes should cover 2 real + 1 invented company, got {long_companies}")

    # companies
    if sum(1 for v in COMPANIES.values() if v[1]) != 7 or sum(1 for v in COMPANIES.values() if not v[1]) != 2:
        err("need 7 real and 2 invented companies")
    for t in COMPANIES:
        n = sum(1 for f in files if t in NOTE_COMPANIES[f])
        if n < 2:
            err(f"{t} has only {n} notes")
        if t in EXCLUDED_TICKERS:
            err(f"covered ticker {t} is excluded")
    for t, intro in INVENTED_INTRO.items():
        if not any(intro in texts[f] for f in files):
            err(f"invented company intro {intro!r} not found")
    for sector in SECTORS.values():
        for bad in ("cinema", "toll road", "consumer finance", "boat", "frozen", "rail car", "pest", "lawn",
                    "mattress", "fire truck", "manufactured housing", "eyewear", "trailer", "uniform", "bowling",
                    "self-storage", "dialysis", "outdoor power", "title insurance", "propane", "dental",
                    "vehicle auction", "musical", "hearing clinic", "nurse", "salt", "crop insurance",
                    "school photo", "modular", "childcare", "physical therapy", "home health", "plasma",
                    "animal health", "towing"):
            if bad in sector:
                err(f"sector {sector!r} overlaps an earlier set ({bad})")

    # passing companies: one sentence, one note
    for name, (tick, note) in PASSING.items():
        hits = [(f, s) for f in files for s in sentences(texts[f]) if re.search(r"\b" + name + r"\b", s)]
        if len(hits) != 1 or hits[0][0] != note:
            err(f"passing company {name}: expected one sentence in {note}, got {[(f, s[:60]) for f, s in hits]}")
        if tick in COMPANIES or tick in EXCLUDED_TICKERS:
            err(f"passing company ticker {tick} is covered or excluded")
    for tick, rx in NO_NOTE_COMPANIES.items():
        for f in files:
            if re.search(rx, texts[f]):
                err(f"no-note company {tick} appears in {f}")

    # exclusions
    qa_lines = read(QA_PATH).splitlines() if os.path.exists(QA_PATH) else []
    qa = [json.loads(l) for l in qa_lines if l.strip()]
    readme = read(README_PATH) if os.path.exists(README_PATH) else ""
    corpus = dict(texts)
    corpus["qa.jsonl"] = "\n".join(q["question"] + " " + " ".join(q["answer_keywords"]) for q in qa)
    corpus["README.md"] = readme
    for t in EXCLUDED_TICKERS:
        cs = ticker_pattern(t)
        ci = ticker_pattern(t, re.I)
        for name, text in corpus.items():
            if name == "README.md":
                continue
            if name == "qa.jsonl":
                for q in qa:
                    if ci.search(q["question"]) or q.get("ticker") == t:
                        err(f"{q['id']}: excluded ticker {t} in question")
            elif cs.search(text):
                err(f"{name}: excluded ticker {t}")
    for n in EXCLUDED_NAMES:
        rx = re.compile(r"(?<![A-Za-z])" + re.escape(n) + r"(?![A-Za-z])", re.I)
        for name, text in corpus.items():
            if rx.search(text):
                err(f"{name}: excluded company name {n!r}")
    for w in FORBIDDEN_WORDS:
        for name, text in corpus.items():
            if w.lower() in text.lower():
                err(f"{name}: reused invented word {w!r}")

    # ----------------------------------------------------------------------- questions
    by_id = {}
    for i, q in enumerate(qa, 1):
        qid = q.get("id")
        if qid != "q%03d" % i:
            err(f"question {i} has id {qid}")
        by_id[qid] = q
        for k in ("question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                err(f"{qid}: missing {k}")
        if q["question"] != q["question"].lower():
            err(f"{qid}: question not lowercase")
        for g in q["gold_notes"]:
            if g not in texts:
                err(f"{qid}: gold note {g} missing")
        kind = q["kind"]
        if kind == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                err(f"{qid}: no_answer must have empty gold and keywords")
            continue
        if not q["gold_notes"] or not q["answer_keywords"]:
            err(f"{qid}: answerable question needs gold notes and keywords")
        for kw in q["answer_keywords"]:
            if not any(kw.lower() in texts.get(g, "").lower() for g in q["gold_notes"]):
                err(f"{qid}: keyword {kw!r} not in any gold note")
        t = q["ticker"]
        if kind not in ("comparison", "general"):
            if t not in COMPANIES:
                err(f"{qid}: ticker {t} not a covered company")
            for g in q["gold_notes"]:
                if t not in NOTE_COMPANIES.get(g, []):
                    err(f"{qid}: gold note {g} is not about {t}")
        if bool(q.get("unknown_company")) != (t in COMPANIES and not COMPANIES[t][1]):
            err(f"{qid}: unknown_company flag inconsistent with ticker {t}")

    # kind counts
    base = [q for q in qa if not q.get("unknown_company") and not q.get("typo")]
    for kind, n in EXPECTED_KINDS.items():
        got = sum(1 for q in base if q["kind"] == kind)
        if kind == "no_answer":
            got += sum(1 for q in qa if q.get("unknown_company") and q["kind"] == "no_answer")
        if got != n:
            err(f"kind {kind}: expected {n}, got {got}")
    if any(q["kind"] not in EXPECTED_KINDS for q in qa):
        err("unexpected kind present")
    typos = [q for q in qa if q.get("typo")]
    if len(typos) != 2 or any(q["kind"] != "factual" or not COMPANIES.get(q["ticker"], ("", False))[1] for q in typos):
        err("need 2 typo questions: factual, about real companies")
    unk = [q for q in qa if q.get("unknown_company")]
    unk_na = [q for q in unk if q["kind"] == "no_answer"]
    if len(unk) < 7 or len(unk_na) != 2:
        err(f"unknown_company: {len(unk)} total, {len(unk_na)} unanswerable (want >=7 and 2)")
    if any(q["kind"] not in ("factual", "risk", "sentiment", "no_answer") for q in unk):
        err("unknown_company questions must be factual/risk/sentiment (or no_answer)")
    if len(qa) < 60:
        err(f"only {len(qa)} questions")
    long_factual = [q for q in base if q["kind"] == "factual" and any(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_factual) != 4:
        err(f"{len(long_factual)} factual questions from long notes (want 4)")

    # follow-ups
    for q in qa:
        if q["kind"] == "follow_up":
            prev = "q%03d" % (int(q["id"][1:]) - 1)
            if q.get("follows") != prev:
                err(f"{q['id']}: follows should be {prev}")
            elif set(by_id[prev]["gold_notes"]) != set(q["gold_notes"]):
                err(f"{q['id']}: follow-up gold differs from {prev}")
        elif "follows" in q:
            err(f"{q['id']}: only follow_up questions carry 'follows'")

    # sentiment
    for q in qa:
        if q["kind"] == "sentiment":
            want = {f for f in short if q["ticker"] in NOTE_COMPANIES[f]}
            if set(q["gold_notes"]) != want:
                err(f"{q['id']}: sentiment gold should be every short note on {q['ticker']}: {sorted(want)}")
            labels = {parsed[f]["label"] for f in want if f in parsed}
            if set(q["answer_keywords"]) != labels:
                err(f"{q['id']}: sentiment keywords should be the labels {sorted(labels)}")

    # general
    gen = [q["id"] for q in qa if q["kind"] == "general"]
    if sorted(gen) != sorted(THEMES):
        err(f"general questions {gen} do not match THEMES {sorted(THEMES)}")
    for qid, rx in THEMES.items():
        want = {f for f in files if re.search(rx, texts[f])}
        if qid in by_id and set(by_id[qid]["gold_notes"]) != want:
            err(f"{qid}: theme gold should be {sorted(want)}")
        if qid in by_id and by_id[qid]["ticker"] is not None:
            err(f"{qid}: general question ticker should be null")

    # comparison
    comp = [q["id"] for q in qa if q["kind"] == "comparison"]
    if sorted(comp) != sorted(COMPARISONS):
        err(f"comparison questions {comp} do not match COMPARISONS")
    for qid, pair in COMPARISONS.items():
        q = by_id.get(qid)
        if not q:
            continue
        if q["ticker"] is not None:
            err(f"{qid}: comparison ticker should be null")
        cover = {t for g in q["gold_notes"] for t in NOTE_COMPANIES.get(g, [])}
        if not set(pair) <= cover:
            err(f"{qid}: gold does not cover both {pair}")

    # no-answer questions
    na = [q["id"] for q in qa if q["kind"] == "no_answer"]
    if sorted(na) != sorted(list(NEAR) + list(OTHER_NA)):
        err(f"no_answer ids {sorted(set(na) ^ (set(NEAR) | set(OTHER_NA)))} not recorded")
    kinds = {}
    for qid, rec in NEAR.items():
        q = by_id.get(qid)
        if not q:
            err(f"{qid}: missing")
            continue
        if q.get("near_miss") != rec["kind"]:
            err(f"{qid}: near_miss {q.get('near_miss')} != {rec['kind']}")
        kinds[rec["kind"]] = kinds.get(rec["kind"], 0) + 1
        if rec["text"] not in texts.get(rec["note"], ""):
            err(f"{qid}: near text not verbatim in {rec['note']}")
        for spec in rec["absent"]:
            check_absent(spec, texts, qid)
        if rec["kind"] == "passing_company":
            if q["ticker"] not in [v[0] for v in PASSING.values()]:
                err(f"{qid}: passing-company question ticker {q['ticker']} not a passing company")
    for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
        if kinds.get(k) != 4:
            err(f"near_miss {k}: {kinds.get(k, 0)} (want 4)")
    for qid, rec in OTHER_NA.items():
        q = by_id.get(qid)
        if q and "near_miss" in q:
            err(f"{qid}: not a near miss")
        for spec in rec["absent"]:
            check_absent(spec, texts, qid)
    for q in qa:
        if "near_miss" in q and q["kind"] != "no_answer":
            err(f"{q['id']}: near_miss on an answerable question")

    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
