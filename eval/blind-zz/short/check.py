#!/usr/bin/env python3
"""Consistency checker for the ZZ short blind evaluation set.

Run from this folder (or anywhere): python3 check.py
Prints OK when every check passes, otherwise lists the problems and exits 1.
Standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
QA = os.path.join(HERE, "qa.jsonl")

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- metadata
COMPANIES = {
    # ticker: (name, invented?)
    "CALM": ("Cal-Maine Foods", False),
    "BMI": ("Badger Meter", False),
    "MHK": ("Mohawk Industries", False),
    "COLD": ("Americold Realty Trust", False),
    "UTI": ("Universal Technical Institute", False),
    "SZU.DE": ("Südzucker", False),
    "FTDR": ("Frontdoor", False),
    "FLMR": ("Fallowmere Pet Assurance", True),
    "TVEC": ("Tavelock Elevator Components", True),
}
PASSING = {  # real companies mentioned once, in passing: ticker -> (name, note)
    "ITRI": ("Itron", "bmi-q3-2025-results.txt"),
    "VITL": ("Vital Farms", "calm-q1-fy26-results.txt"),
    "LINE": ("Lineage", "cold-q2-2025-results.txt"),
    "LINC": ("Lincoln Educational", "uti-fy2025-results.txt"),
}
NO_NOTES = {"HRL": "Hormel", "LII": "Lennox"}

SHORT_NOTES = {  # file -> companies covered
    "calm-q1-fy26-results.txt": ["CALM"],
    "calm-hpai-farwell.txt": ["CALM"],
    "cold-calm-egg-storage.txt": ["COLD", "CALM"],
    "bmi-q3-2025-results.txt": ["BMI"],
    "bmi-ultrasonic-plus-launch.txt": ["BMI"],
    "bmi-copper-tariffs.txt": ["BMI"],
    "mhk-q2-2025-results.txt": ["MHK"],
    "mhk-terraloom-launch.txt": ["MHK"],
    "mhk-ftdr-housing.txt": ["MHK", "FTDR"],
    "cold-q2-2025-results.txt": ["COLD"],
    "cold-kansas-city-automation.txt": ["COLD"],
    "uti-fy2025-results.txt": ["UTI"],
    "uti-new-campuses.txt": ["UTI"],
    "szu-h1-2025-26.txt": ["SZU.DE"],
    "szu-brottewitz-closure.txt": ["SZU.DE"],
    "ftdr-q2-2025-results.txt": ["FTDR"],
    "ftdr-homecare-plus.txt": ["FTDR"],
    "flmr-h1-2025.txt": ["FLMR"],
    "flmr-pawsfirst-launch.txt": ["FLMR"],
    "flmr-cma-vet-review.txt": ["FLMR"],
    "tvec-q1-fy26.txt": ["TVEC"],
    "tvec-china-steel.txt": ["TVEC"],
}
LONG_NOTES = {
    "bmi-10k-2024.md": "BMI",
    "calm-10k-fy2025.md": "CALM",
    "tvec-ar-fy2025-financial-review.md": "TVEC",
    "tvec-ar-fy2025-risks-outlook.md": "TVEC",
}
NOTE_COMPANIES = dict(SHORT_NOTES)
NOTE_COMPANIES.update({k: [v] for k, v in LONG_NOTES.items()})

LABELS = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.1, 0.5),
    "neutral": (-0.1, 0.1),
    "mildly negative": (-0.5, -0.1),
    "strongly negative": (-1.0, -0.5),
}

# general questions: theme regex; gold must equal every note matching it
THEMES = {
    "q022": r"(?i)\btariffs?\b",
    "q032": r"(?i)existing[- ]home sales",
    "q065": r"(?i)avian influenza|\bhpai\b|bird flu",
}

# comparison questions: the two companies the gold notes must cover
COMPARISONS = {
    "q010": ("COLD", "CALM"),
    "q031": ("MHK", "FTDR"),
    "q047": ("BMI", "UTI"),
    "q055": ("CALM", "SZU.DE"),
}

MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"

# near misses: question id -> (kind, note with nearby-but-wrong text, that text verbatim,
#                               regexes for the asked fact that must match NO note)
NEAR_MISSES = {
    # segment_figure
    "q026": ("segment_figure", "mhk-q2-2025-results.txt",
             "Flooring Rest of World segment sales were $1.08 billion",
             [r"(?i)ceramic[^.\n]*(?:\$|billion|million|\d)"]),
    "q029": ("segment_figure", "tvec-q1-fy26.txt",
             "Door Systems segment revenue of €141 million",
             [r"(?i)aftermarket[^.\n]*(?:€|\beur\b|million|\d)",
              r"(?i)(?:spare[- ]parts|service|aftermarket) segment[^.\n]*(?:€|\beur\b|million)"]),
    "q034": ("segment_figure", "cold-q2-2025-results.txt",
             "Global Warehouse segment revenue of $592.3 million",
             [r"(?i)transportation[^.\n]*(?:\$|million|\d)"]),
    "q050": ("segment_figure", "szu-h1-2025-26.txt",
             "The Sugar segment swung to an operating loss of €47 million",
             [r"(?i)fruit[^.\n]*(?:€|\beur\b|million|billion|\d)"]),
    # passing_company
    "q002": ("passing_company", "calm-q1-fy26-results.txt",
             "Vital Farms, the pasture-raised specialist, remains the premium-shelf competitor to watch.",
             [r"(?i)vital farms[^.\n]*(?:\$|revenue|sales|\d)", r"\bVITL\b"]),
    "q017": ("passing_company", "bmi-q3-2025-results.txt",
             "Itron (ITRI) also pointed to firmer North American utility demand on its most recent call.",
             [r"(?i)itron[^.\n]*(?:\$|revenue|sales|\d)"]),
    "q038": ("passing_company", "cold-q2-2025-results.txt",
             "Lineage, the larger listed rival, has been cutting storage rates to defend its own utilisation.",
             [r"(?i)lineage[^.\n]*(?:\d|occupancy)", r"\bLINE\b"]),
    "q043": ("passing_company", "uti-fy2025-results.txt",
             "Lincoln Educational Services, a smaller trade-school operator, is pursuing a similar campus-expansion strategy.",
             [r"(?i)lincoln[^.\n]*(?:\d|starts)", r"\bLINC\b"]),
    # product_metric
    "q016": ("product_metric", "bmi-ultrasonic-plus-launch.txt",
             "at a list price of about $285 per unit",
             [r"(?i)ultrasonic plus[^.\n]*(?:shipped|sold|installed|revenue|orders)",
              r"(?i)(?:sold|shipped|installed) (?:about |roughly |more than )?[\d,.]+ (?:thousand |million )?(?:units|meters)"]),
    "q028": ("product_metric", "mhk-terraloom-launch.txt",
             "suggested retail price of $3.49 per square foot",
             [r"(?i)terraloom[^.\n]*(?:revenue|\bsales\b|\bsold\b|units|orders)"]),
    "q059": ("product_metric", "flmr-pawsfirst-launch.txt",
             "priced at £12 a month",
             [r"(?i)pawsfirst[^.\n]*(?:\bsold\b|take-up|uptake|subscribers|\d{1,3},\d{3})",
              r"(?i)[\d,]+ (?:wellness plans|pawsfirst)"]),
    "q061": ("product_metric", "ftdr-homecare-plus.txt",
             "a monthly membership priced at $29.99",
             [r"(?i)homecare\+?[^.\n]*(?:members\b|subscribers|sign-?ups)[^.\n]*\d",
              r"(?i)\d[\d,.]* (?:thousand |million )?(?:members|subscribers)"]),
    # undated_event
    "q006": ("undated_event", "calm-q1-fy26-results.txt",
             "Prepared foods, which now include the Echo Lake Foods acquisition, contributed $61.3 million of sales in the quarter.",
             [r"(?i)echo lake[^.\n]*(?:" + MONTHS + r"|20\d\d|closed on|completed on)",
              r"(?i)(?:closed|completed)[^.\n]{0,40}echo lake"]),
    "q035": ("undated_event", "cold-q2-2025-results.txt",
             "Americold also said its chief financial officer will step down, with the treasurer named interim CFO.",
             [r"(?i)(?:\bcfo\b|chief financial officer)[^.\n]*(?:" + MONTHS + r"|20\d\d|effective|end of)"]),
    "q044": ("undated_event", "uti-new-campuses.txt",
             "The San Antonio campus is scheduled to open in March 2026",
             [r"(?i)atlanta[^.\n]*(?:" + MONTHS + r"|20\d\d|spring|summer|fall|autumn|winter|\bq[1-4]\b|fiscal)",
              r"(?i)(?:open|opening)[^.\n]{0,30}\batlanta\b[^.\n]*\d{4}"]),
    "q051": ("undated_event", "szu-brottewitz-closure.txt",
             "Südzucker announced the planned closure of its Brottewitz sugar factory in Saxony",
             [r"(?i)brottewitz[^.\n]*(?:" + MONTHS + r"|20\d\d|campaign|next year|end of|\bq[1-4]\b)",
              r"(?i)(?:after|following) the (?:20\d\d|\d{4}/\d{2}) campaign"]),
    # other_measure
    "q013": ("other_measure", "bmi-q3-2025-results.txt",
             "Gross margin expanded 110 basis points to 41.8%",
             [r"(?i)operating (?:profit |earnings |income )?margin", r"(?i)operating (?:earnings|income)"]),
    "q024": ("other_measure", "mhk-q2-2025-results.txt",
             "adjusted EPS of $2.77, up 4% from a year earlier",
             [r"(?i)net sales of \$2\.80 billion,? (?:up|down|rose|fell|an? )",
              r"(?i)mohawk[^.\n]*(?:sales|revenue)[^.\n]*(?:up|down|rose|fell|grew|declined|increased|decreased) \d",
              r"(?i)(?:sales|revenue) (?:growth|decline) of -?\d"]),
    "q049": ("other_measure", "szu-h1-2025-26.txt",
             "an operating result of €181 million, down 44%",
             [r"(?i)ebitda[^.\n]{0,40}(?:€|\beur\b)", r"(?i)(?:€|\beur\b)[^.\n]{0,40}ebitda",
              r"(?i)s(?:ü|ue|u)dzucker[^.\n]*ebitda"]),
    "q058": ("other_measure", "ftdr-q2-2025-results.txt",
             "adjusted EBITDA of $187 million",
             [r"(?i)net (?:income|earnings|profit|loss)\b"]),
}
# the four no_answer questions that are not near misses
OTHER_NO_ANSWER = {
    "q021": ("period not covered", [r"2019", r"(?i)\bfy ?19\b"]),
    "q066": ("company without notes", [r"(?i)hormel", r"\bHRL\b"]),
    "q067": ("company without notes", [r"(?i)lennox", r"\bLII\b"]),
    "q068": ("off-topic", [r"(?i)sourdough", r"(?i)starter hydration"]),
}

EXPECTED_COUNTS = {
    # kind: count over the whole file
    "factual": 16 + 2 + 4,      # 16 core (4 from long notes) + 2 typo + 4 unknown_company
    "risk": 6 + 2,              # 6 core + 2 unknown_company
    "comparison": 4,
    "follow_up": 4,
    "general": 3,
    "sentiment": 3 + 1,         # 3 core + 1 unknown_company
    "no_answer": 24,
}

# ---------------------------------------------------------------- exclusions
EXCLUDED_TICKERS = """000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS 6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT ROL SMG SNBR REVG CVCO EYE WNC BKMR TLVA RTO SGI SKY WRBY TEX CFR BBCA.JK KBANK.BK JFC.PS STERV.HE UCB.BR WIE.VI 7113.KL 090430.KS 9921.TW VSMR.OL PYLX CEN.NZ VSTS LUCK NCMI EXR DVA TTC ITIC OBMP WHWS ARMK AMC FME HUSQ-B.ST LNN RHP OMAB.MX FALABELLA.SN CEZ.PR PKO.WA COLO-B.CO 3382.T ASIANPAINT.NS SHP.JO TRNV.WA GRSH SPH HSIC CPRT 7951.T AMP.MI AMN SDF.DE BWCA LTBY RBA CCRN NVST SPB.TO TLS.AX IAG.AX LREN3.SA 5347.KL BDMS.BK YAR.OL KESKOB.HE EBS.VI SREN.SW KRX.IR ZRVD TSLN.OL WSC BFAM USPH ELAN GRFS ADUS MLR PMBW QYTC MGRC KLC SEM CSL EHC CHE BMRI.JK VNM.VN EMAAR.AE QNBK.QA COMI.CA SCOM.NR YPFD.BA ISP.MI OTP.BD AD.AS HLCY.OL BRQL HRB SECU-B.ST HAUTO.OL AVOL.SW 5947.T AIR 4666.T MWGR OXLA THYAO.IS AKBNK.IS CHILE.SN BAP.LM ETE.AT 1120.SR ULTRACEMCO.NS 1590.TW 9022.T ARDN.LM QVTH LYV SIG DXCM AVAV PL BCO APG OLSB SCVW VWS.CO SAND.ST RWE.DE HNR1.DE JMT.LS 0002.HK 105560.KS LUMI.TA BAKKA.OL KVEL.OL OXTA INTU EB ABT PNDORA.CO GRMN AXON POLI.TA DNP.WA ORSTED.CO GALP.LS SCCO SLM.JO Z74.SI EUROB.AT ABM PSG.MC WAWI.OL""".split()

EXCLUDED_NAMES = """Alibaba|Tencent|Apple|Nvidia|Heineken|Foxconn|MediaTek|Camping World|Churchill Downs|Bank Pekao|Pegasus|Cochlear|Iberdrola|Shree Cement|JR East|Sibanye|Elbit|Cencosud|Cinemark|Atlas Arteria|OneMain|Malibu Boats|Eurofins|Nomad Foods|Trinity Industries|IMAX|Greenbrier|Brunswick|Lamb Weston|Marcus|MasterCraft|Rollins|Scotts Miracle-Gro|Sleep Number|REV Group|Cavco|National Vision|Wabash|Rentokil|Somnigroup|Skyline Champion|Warby Parker|Terex|Cullen/Frost|Bank Central Asia|Kasikornbank|Jollibee|Stora Enso|UCB|Wienerberger|Top Glove|Amorepacific|Giant Manufacturing|Contact Energy|Vestis|Lucky Strike|National CineMedia|Extra Space|DaVita|Toro|Investors Title|OMA|Falabella|CEZ|PKO|Coloplast|Seven & i|Asian Paints|Shoprite|Aramark|Fresenius|Husqvarna|Life Storage|Lindsay|Ryman|Suburban Propane|Henry Schein|Copart|Yamaha|Amplifon|AMN Healthcare|K\\+S|AmeriGas|RB Global|WS Audiology|Cross Country Healthcare|Envista|Superior Plus|Telstra|Insurance Australia Group|Lojas Renner|Tenaga Nasional|Bangkok Dusit|Yara|Kesko|Erste|Swiss Re|Kingspan|Suncorp|Bumrungrad|Munich Re|Raiffeisen|Rockwool|YTL Power|Lidl|Magazine Luiza|Optus|WillScot|Bright Horizons|U\\.S\\. Physical Therapy|Elanco|Grifols|Addus|Miller Industries|McGrath|KinderCare|Select Medical|CSL|Encompass|Chemed|Bank Mandiri|Vinamilk|Emaar|QNB|CIB|Safaricom|YPF|Intesa|OTP|Ahold Delhaize|Aldar|Vietcombank|UniCredit|Masan|MBH|Colruyt|Airtel|H&R Block|Securitas|Höegh Autoliners|Avolta|Rinnai|AAR|Park24|Intuit|Prosegur|Wallenius Wilhelmsen|Noritz|ABM|Turkish Airlines|Akbank|Banco de Chile|Credicorp|National Bank of Greece|Al Rajhi|UltraTech|Airtac|JR Central|Eurobank|Southern Copper|Sanlam|Singtel|Live Nation|Signet|Dexcom|AeroVironment|Planet Labs|Brink's|APi Group|Eventbrite|Abbott|Pandora|Loomis|Garmin|Axon|Vestas|Sandvik|RWE|Hannover Re|Jerónimo Martins|CLP|Shinhan|Bank Leumi|Bakkafrost|Hapoalim|Dino Polska|Ørsted|Galp|BlueHalo""".split("|")
# companies behind excluded tickers that sit close to the sectors used here
EXCLUDED_NAMES += ["Otis", "Kone", "Schindler", "Xylem", "American Water", "Walmart", "Kroger",
                   "Costco", "Home Depot", "Tyson", "Pilgrim", "Conagra", "Kraft Heinz", "General Mills",
                   "Trupanion", "Lemonade", "Petco", "Chewy", "Grand Canyon", "Maersk", "Hershey",
                   "Coca-Cola", "Builders FirstSource", "Ecolab", "Vulcan", "Watsco", "Sherwin"]

EXCLUDED_WORDS = """Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold Zephrin Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford Thistledown Tidewrack Tamsin Talaris Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline Ravensby Quennick Quarrendon Penhallow Ostrander Orvella Orvane Orrin Ondrava Nettlebrook Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire Kestrelpoint Kalos Harrowgate Halvorsen Halberd Grenholm Graymoss Glimmerfold Gannetfield Fernhollow Ferncliffe Fenmoor Embergate Ellisgrove Dunhallow Dravemont Corvexa Corrandale Copperjack Cobbleridge Cindervale Calderwyn Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro Glenvarrow Prairiewick Brackenmoor Tolvaren Vostrand Pyrelith Ossenbrook Whinlatch Tarnovia Grisholt Brindlewick Lanternby Zorvadine Tessaline Pemberlowe Quaytrace Halcyra Brisquell Marchwhistle Oxtarrow Ardencliff Quorvath Orlisande Scrivelow Kvellmora Oxtarra""".split()

# ---------------------------------------------------------------- load notes
notes = {}
for fn in sorted(os.listdir(NOTES)):
    with open(os.path.join(NOTES, fn), encoding="utf-8") as f:
        notes[fn] = f.read()

expected_files = set(SHORT_NOTES) | set(LONG_NOTES)
if set(notes) != expected_files:
    err("note files differ from metadata: extra %s missing %s"
        % (sorted(set(notes) - expected_files), sorted(expected_files - set(notes))))

TICKER_LINE = re.compile(r"^([A-Z0-9][A-Z0-9.\-]*) (-?\d\.\d{1,2})$")


def words(s):
    return re.findall(r"[A-Za-z0-9€£$%'’.,\-/+]+", s)


def sentences(s):
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", s.strip()) if x]


def parse_short(fn, text):
    """Return (label, score, ticker_lines, news, analysis) or None after logging errors."""
    if text.endswith("\n"):
        err("%s: trailing newline" % fn)
    lines = text.split("\n")
    i = 0
    if lines[0] == "" or re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        i = 1
    body = lines[i:]
    try:
        k = next(j for j, l in enumerate(body) if l.endswith("Overall Sentiment"))
    except StopIteration:
        err("%s: no 'Overall Sentiment' line" % fn)
        return None
    demo = body[k]
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        err("%s: demo line not glued as expected: %r" % (fn, demo))
    if k != 3:
        err("%s: expected news, analysis, tagline before the demo line, got %d lines" % (fn, k))
        return None
    news, analysis, tagline = body[0], body[1], body[2]
    rest = body[k + 1:]
    if len(rest) < 4 or rest[1] != "Sentiment Score" or rest[3] != "Ticker Sentiment":
        err("%s: sentiment block malformed: %r" % (fn, rest[:4]))
        return None
    label, score = rest[0], rest[2]
    if label not in LABELS:
        err("%s: unknown label %r" % (fn, label))
        return None
    try:
        sc = float(score)
    except ValueError:
        err("%s: score not a number %r" % (fn, score))
        return None
    lo, hi = LABELS[label]
    if not (lo <= sc <= hi):
        err("%s: score %s inconsistent with label %s" % (fn, score, label))
    tl = rest[4:]
    for l in tl:
        m = TICKER_LINE.match(l)
        if not m:
            err("%s: bad ticker line %r" % (fn, l))
        elif m.group(1) not in SHORT_NOTES[fn]:
            err("%s: ticker line for a company the note is not about: %r" % (fn, l))
        elif COMPANIES[m.group(1)][1]:
            err("%s: invented ticker in a ticker line (must be tied by text only)" % fn)
    n = len(sentences(news))
    if not 2 <= n <= 4:
        err("%s: news paragraph has %d sentences" % (fn, n))
    if not re.search(r"\d", news):
        err("%s: news paragraph without figures" % fn)
    wa = len(words(analysis))
    if not 150 <= wa <= 300:
        err("%s: analytic paragraph has %d words" % (fn, wa))
    if len(words(tagline)) > 15 or "Demo" in tagline:
        err("%s: tagline looks wrong: %r" % (fn, tagline))
    return label, sc, tl, news, analysis, tagline, lines[0] if i else None


labels = {}
taglines = []
n_date = n_ticker_lines = n_curly = 0
for fn in SHORT_NOTES:
    if fn not in notes:
        continue
    r = parse_short(fn, notes[fn])
    if not r:
        continue
    labels[fn] = r[0]
    taglines.append(r[5])
    if r[6] and r[6].startswith("Date:"):
        n_date += 1
    if r[2]:
        n_ticker_lines += 1
    if "’" in notes[fn]:
        n_curly += 1
    for t in SHORT_NOTES[fn]:
        name, invented = COMPANIES[t]
        if invented and "%s (%s)" % (name, t) not in notes[fn]:
            err("%s: invented company not tied to its ticker by text '%s (%s)'" % (fn, name, t))
if not 8 <= n_date <= 14:
    err("about half the short notes should have a Date line, got %d" % n_date)
if not 8 <= n_ticker_lines <= 14:
    err("about half the short notes should carry ticker lines, got %d" % n_ticker_lines)
if n_curly < 3:
    err("too few notes with curly apostrophes (%d)" % n_curly)
if len(set(taglines)) < len(taglines):
    err("marketing taglines repeat")
if sum(1 for v in SHORT_NOTES.values() if len(v) == 2) != 2:
    err("exactly two short notes should cover two companies")
if not 20 <= len(SHORT_NOTES) <= 24:
    err("expected ~22 short notes")

# long notes
for fn, t in LONG_NOTES.items():
    text = notes.get(fn, "")
    m = re.match(r"---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        err("%s: no YAML front matter" % fn)
        continue
    fm = dict(l.split(": ", 1) for l in m.group(1).split("\n") if ": " in l)
    for key in ("company", "ticker", "title", "date"):
        if key not in fm:
            err("%s: front matter lacks %s" % (fn, key))
    if fm.get("ticker") != t:
        err("%s: front matter ticker %r != %r" % (fn, fm.get("ticker"), t))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        err("%s: bad date" % fn)
    body = m.group(2)
    prose = "\n".join(l for l in body.split("\n") if not l.startswith("|"))
    wc = len(words(prose))
    if not 800 <= wc <= 1500:
        err("%s: %d words of prose" % (fn, wc))
    if not re.search(r"^\|.*FY20\d\d.*\|.*FY20\d\d", body, re.M):
        err("%s: no table with fiscal-year columns" % fn)
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        err("%s: long note must not carry a sentiment block" % fn)
    if text.endswith("\n"):
        err("%s: trailing newline" % fn)
long_cos = {(t, COMPANIES[t][1]) for t in LONG_NOTES.values()}
if sum(1 for _, inv in long_cos if not inv) != 2 or sum(1 for _, inv in long_cos if inv) != 1:
    err("long notes should cover 2 real companies and 1 invented one")

# every covered company has notes; passing companies appear in exactly one sentence of one note
for t, (name, _) in COMPANIES.items():
    if not any(t in v for v in NOTE_COMPANIES.values()):
        err("company %s has no notes" % t)
for t, (name, note) in PASSING.items():
    hits = [fn for fn, s in notes.items() if name.lower() in s.lower()]
    if hits != [note]:
        err("passing company %s should appear only in %s, found in %s" % (name, note, hits))
    elif len([x for x in sentences(notes[note].replace("\n", " ")) if name.lower() in x.lower()]) != 1:
        err("passing company %s should be mentioned in exactly one sentence" % name)

# ---------------------------------------------------------------- exclusions
all_text = "\n".join(notes.values())
qa_raw = open(QA, encoding="utf-8").read()
for tk in EXCLUDED_TICKERS:
    pat = r"(?<![A-Za-z0-9.\-])" + re.escape(tk) + r"(?![A-Za-z0-9\-]|\.[A-Za-z])"
    for fn, s in notes.items():
        # case-sensitive for notes (tickers are upper case in text)
        if len(tk) >= 2 and re.search(pat, s):
            err("%s: excluded ticker %s appears" % (fn, tk))
    # questions are lower case: match dotted/numeric tickers in any case, plain ones as
    # upper-case tokens (so the word "cost" is not the ticker COST); also check ticker fields
    flags = "(?i)" if ("." in tk or re.search(r"\d", tk)) else ""
    if len(tk) >= 2 and re.search(flags + pat, qa_raw):
        err("qa.jsonl: excluded ticker %s appears" % tk)
    if re.search(r'"ticker": "%s"' % re.escape(tk), qa_raw):
        err("qa.jsonl: excluded ticker %s used as a question ticker" % tk)
for nm in EXCLUDED_NAMES + EXCLUDED_WORDS:
    pat = r"(?i)(?<![A-Za-z])" + (nm if "\\" in nm else re.escape(nm)) + r"(?![A-Za-z])"
    for fn, s in notes.items():
        if re.search(pat, s):
            err("%s: excluded name/word %r appears" % (fn, nm))
    if re.search(pat, qa_raw):
        err("qa.jsonl: excluded name/word %r appears" % nm)
for t in COMPANIES:
    if t in EXCLUDED_TICKERS:
        err("covered ticker %s is excluded" % t)

# ---------------------------------------------------------------- questions
qs = [json.loads(l) for l in qa_raw.splitlines() if l.strip()]
REQUIRED = ["id", "question", "gold_notes", "answer_keywords", "ticker", "kind"]
OPTIONAL = {"follows", "near_miss", "unknown_company", "typo"}
KINDS = set(EXPECTED_COUNTS)
by_id = {}
for n, q in enumerate(qs, 1):
    qid = q.get("id")
    if qid != "q%03d" % n:
        err("question %d has id %r (ids must be q001.. in order)" % (n, qid))
    by_id[qid] = q
    for k in REQUIRED:
        if k not in q:
            err("%s: missing field %s" % (qid, k))
    extra = set(q) - set(REQUIRED) - OPTIONAL
    if extra:
        err("%s: unexpected fields %s" % (qid, sorted(extra)))
    kind = q.get("kind")
    if kind not in KINDS:
        err("%s: unknown kind %r" % (qid, kind))
    if q["question"] != q["question"].lower():
        err("%s: question should be lower case as analysts type it" % qid)
    gold = q["gold_notes"]
    for g in gold:
        if g not in notes:
            err("%s: gold note %s does not exist" % (qid, g))
    if kind == "no_answer":
        if gold or q["answer_keywords"]:
            err("%s: no_answer must have empty gold and keywords" % qid)
        continue
    if not gold or not q["answer_keywords"]:
        err("%s: answerable question without gold or keywords" % qid)
    for kw in q["answer_keywords"]:
        if not any(kw.lower() in notes.get(g, "").lower() for g in gold):
            err("%s: keyword %r not found verbatim in gold notes" % (qid, kw))
    t = q["ticker"]
    if kind in ("comparison", "general"):
        if t is not None:
            err("%s: %s question must have ticker null" % (qid, kind))
    else:
        if t not in COMPANIES:
            err("%s: ticker %r is not a covered company" % (qid, t))
        for g in gold:
            if t not in NOTE_COMPANIES.get(g, []):
                err("%s: gold note %s is not about %s" % (qid, g, t))
    if kind == "sentiment":
        want = sorted(fn for fn, cos in SHORT_NOTES.items() if t in cos)
        if sorted(gold) != want:
            err("%s: sentiment gold must be every short note on %s: %s" % (qid, t, want))
        if sorted(set(q["answer_keywords"])) != sorted({labels[g] for g in gold if g in labels}):
            err("%s: sentiment keywords must be the gold notes' labels" % qid)
    if kind == "general":
        rx = THEMES.get(qid)
        if not rx:
            err("%s: general question without a theme regex" % qid)
        else:
            want = sorted(fn for fn, s in notes.items() if re.search(rx, s))
            if sorted(gold) != want:
                err("%s: general gold %s != notes on theme %s" % (qid, sorted(gold), want))
    if kind == "comparison":
        pair = COMPARISONS.get(qid)
        covered = {c for g in gold for c in NOTE_COMPANIES.get(g, [])}
        if not pair or not set(pair) <= covered:
            err("%s: comparison gold does not cover both companies" % qid)
    if kind == "follow_up":
        f = q.get("follows")
        prev = "q%03d" % (n - 1)
        if f != prev:
            err("%s: follow_up must follow the previous question (%s), got %r" % (qid, prev, f))
        elif by_id[prev]["ticker"] != t or not set(gold) & set(by_id[prev]["gold_notes"]):
            err("%s: follow_up does not continue %s" % (qid, prev))
    if q.get("typo"):
        if kind != "factual":
            err("%s: typo questions are factual" % qid)
        name = COMPANIES[t][0].split()[0].lower()
        if name in q["question"]:
            err("%s: typo question spells %s correctly" % (qid, name))
    if q.get("unknown_company") and not COMPANIES.get(t, ("", False))[1]:
        err("%s: unknown_company set for a real company" % qid)
    if t in COMPANIES and COMPANIES[t][1] and not q.get("unknown_company"):
        err("%s: question about an invented company lacks unknown_company" % qid)
    if "follows" in q and kind != "follow_up":
        err("%s: follows set on a non-follow-up" % qid)

# counts
from collections import Counter
kc = Counter(q["kind"] for q in qs)
for k, v in EXPECTED_COUNTS.items():
    if kc[k] != v:
        err("kind %s: %d questions, expected %d" % (k, kc[k], v))
unk = [q for q in qs if q.get("unknown_company")]
if len(unk) < 7 or sum(1 for q in unk if q["kind"] == "no_answer") != 2:
    err("need >= 7 unknown_company questions, exactly 2 of them unanswerable")
if any(q["kind"] not in ("factual", "risk", "sentiment", "no_answer") for q in unk):
    err("unknown_company questions must be factual/risk/sentiment (or no_answer)")
if sum(1 for q in qs if q.get("typo")) != 2:
    err("need exactly 2 typo questions")
core_factual = [q for q in qs if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")]
if len(core_factual) != 16:
    err("core factual count %d != 16" % len(core_factual))
if sum(1 for q in core_factual if any(g.endswith(".md") for g in q["gold_notes"])) != 4:
    err("4 core factual questions must come from long notes")
core_risk = [q for q in qs if q["kind"] == "risk" and not q.get("unknown_company")]
core_sent = [q for q in qs if q["kind"] == "sentiment" and not q.get("unknown_company")]
if len(core_risk) != 6 or len(core_sent) != 3:
    err("core risk/sentiment counts wrong: %d/%d" % (len(core_risk), len(core_sent)))
if not 65 <= len(qs) <= 73:
    err("expected about 69 questions, got %d" % len(qs))

# ---------------------------------------------------------------- no_answer checks
na = [q["id"] for q in qs if q["kind"] == "no_answer"]
nm_kinds = Counter()
for qid in na:
    q = by_id[qid]
    if qid in NEAR_MISSES:
        kind, note, nearby, regexes = NEAR_MISSES[qid]
        if q.get("near_miss") != kind:
            err("%s: near_miss field %r != recorded %r" % (qid, q.get("near_miss"), kind))
        nm_kinds[kind] += 1
        if nearby not in notes.get(note, ""):
            err("%s: nearby text not found verbatim in %s: %r" % (qid, note, nearby))
        if kind == "passing_company":
            if q["ticker"] not in PASSING or PASSING[q["ticker"]][1] != note:
                err("%s: passing_company ticker/note mismatch" % qid)
        elif q["ticker"] not in NOTE_COMPANIES.get(note, []):
            err("%s: nearby note %s is not about %s" % (qid, note, q["ticker"]))
    elif qid in OTHER_NO_ANSWER:
        regexes = OTHER_NO_ANSWER[qid][1]
        if "near_miss" in q:
            err("%s: not a near miss but has near_miss field" % qid)
    else:
        err("%s: no_answer question without a recorded reason" % qid)
        continue
    for rx in regexes:
        for fn, s in notes.items():
            m = re.search(rx, s)
            if m:
                err("%s: absence regex %r matches %s: %r" % (qid, rx, fn, m.group(0)[:120]))
for qid in NEAR_MISSES:
    if qid not in na:
        err("%s recorded as near miss but is not a no_answer question" % qid)
for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
    if nm_kinds[k] != 4:
        err("near_miss %s: %d, expected 4" % (k, nm_kinds[k]))
if len(na) != 24 or len(NEAR_MISSES) != 20 or len(OTHER_NO_ANSWER) != 4:
    err("no_answer split must be 24 = 20 near misses + 4 others")
for t in NO_NOTES:
    if not any(by_id[x]["ticker"] == t for x in OTHER_NO_ANSWER):
        err("no question about no-notes company %s" % t)

if errors:
    for e in errors:
        print("FAIL:", e)
    sys.exit(1)
print("OK")
