#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py`; it prints OK when the notes, qa.jsonl and README.md are consistent,
otherwise one line per problem and exit status 1. Standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, "notes")
QA_PATH = os.path.join(HERE, "qa.jsonl")
README_PATH = os.path.join(HERE, "README.md")

PROBLEMS = []


def fail(msg):
    PROBLEMS.append(msg)


# --------------------------------------------------------------------------------------------
# Coverage: 7 real companies + 2 invented ones. "pattern" finds a note about the company.
COMPANIES = {
    "1910.HK": {"name": "Samsonite", "pattern": r"Samsonite", "invented": False},
    "HOG": {"name": "Harley-Davidson", "pattern": r"Harley-Davidson", "invented": False},
    "CLH": {"name": "Clean Harbors", "pattern": r"Clean Harbors", "invented": False},
    "JDEP.AS": {"name": "JDE Peet's", "pattern": r"JDE Peet", "invented": False},
    "BARN.SW": {"name": "Barry Callebaut", "pattern": r"Barry Callebaut", "invented": False},
    "XPOF": {"name": "Xponential Fitness", "pattern": r"Xponential", "invented": False},
    "PRMB": {"name": "Primo Brands", "pattern": r"Primo Brands", "invented": False},
    "OBGM": {"name": "Obelgarde Monument Works", "pattern": r"Obelgarde", "invented": True},
    "HMPL": {"name": "Hollowmint Pawn & Loan", "pattern": r"Hollowmint", "invented": True},
}
INVENTED_TICKERS = {t for t, c in COMPANIES.items() if c["invented"]}

# Real companies mentioned only in passing (one sentence in one note each).
PASSING = {
    "Polaris": "harley-q2-2025-shipments.txt",
    "Republic Services": "clean-harbors-q2-2025.txt",
    "Keurig Dr Pepper": "jde-peets-h1-2025.txt",
    "Lindt": "barry-callebaut-9m-2025.txt",
}

LABEL_RANGES = {
    "strongly positive": (0.6, 1.0),
    "mildly positive": (0.15, 0.6),
    "neutral": (-0.15, 0.15),
    "mildly negative": (-0.6, -0.15),
    "strongly negative": (-1.0, -0.6),
}

EXPECTED_KIND_COUNTS = {
    # (kind, typo, unknown_company) -> count
    ("factual", False, False): 16,
    ("factual", True, False): 2,
    ("risk", False, False): 6,
    ("comparison", False, False): 4,
    ("follow_up", False, False): 4,
    ("general", False, False): 3,
    ("sentiment", False, False): 3,
    ("no_answer", False, False): 22,
    ("no_answer", False, True): 2,
}
LONG_NOTE_FACTUAL = {"q003", "q027", "q038", "q068"}
COMPARISON_COMPANIES = {
    "q009": {"HOG", "1910.HK"},
    "q028": {"JDEP.AS", "BARN.SW"},
    "q045": {"CLH", "PRMB"},
    "q062": {"XPOF", "PRMB"},
}

# General (theme) questions: gold must equal every note matching the theme regex.
GENERAL_THEMES = {
    "q020": r"(?i)tariff",
    "q037": r"(?i)GLP-1",
    "q059": r"(?i)buyback|repurchas",
}

# Date-like expressions used for undated-event near misses.
DATE = (r"(20\d\d|\bQ[1-4]\b|\bH[12]\b|January|February|March|April|May|June|July|August|September|"
        r"October|November|December|first half|second half|year-end|next year|this year|by the end|"
        r"within \w+ (months|weeks))")

# Near misses: the note with the nearby-but-wrong text (verbatim) and regexes for the asked fact,
# none of which may match any note.
NEAR_MISSES = {
    # segment_figure
    "q002": ("segment_figure", "samsonite-q2-2025-results.txt",
             "Asia remained the steadiest region, with the Tumi brand growing 3% there",
             [r"(?is)\A(?=.*samsonite).*Asia[^.\n]{0,80}(US\$|\$)\s?\d",
              r"(?is)\A(?=.*samsonite).*\bsales\b[^.\n]{0,40}\bin Asia\b",
              r"(?is)Tumi[^.\n]{0,80}(US\$|\$)\s?\d"]),
    "q016": ("segment_figure", "xponential-q2-2025.txt",
             "Club Pilates ended the quarter with 1,214 open studios",
             [r"(?is)Club Pilates[^.\n]{0,120}(system-wide sales|sales of|revenue)[^.\n]{0,30}\$",
              r"(?is)system-wide sales[^.\n]{0,80}Club Pilates"]),
    "q024": ("segment_figure", "barry-callebaut-9m-2025.txt",
             "with Global Cocoa volume down 12%",
             [r"(?is)\A(?=.*barry callebaut).*\bAmericas\b",
              r"(?is)\A(?=.*barry callebaut).*North America"]),
    "q039": ("segment_figure", "harley-q2-2025-shipments.txt",
             "LiveWire’s operating loss narrowed",
             [r"(?is)LiveWire[^.\n]{0,120}(\$\s?[\d.,]+|\d[\d,.]*\s?(million|billion|units))",
              r"(?is)(revenue|sales)[^.\n]{0,60}LiveWire",
              r"(?m)^\|\s*LiveWire"]),
    # passing_company
    "q006": ("passing_company", "harley-q2-2025-shipments.txt",
             "Rival Polaris also trimmed its on-road outlook this quarter.",
             [r"(?is)Polaris[^.\n]*\d", r"(?is)Polaris[^.\n]*(guidance of|to \$)"]),
    "q030": ("passing_company", "jde-peets-h1-2025.txt",
             "Keurig Dr Pepper, a long-time partner in single-serve pods, has also flagged coffee cost inflation this year.",
             [r"(?is)Keurig[^.\n]*(margin|\d)"]),
    "q042": ("passing_company", "clean-harbors-q2-2025.txt",
             "Republic Services has also been building out its environmental solutions business",
             [r"(?is)Republic Services[^.\n]*(\d|revenue)"]),
    "q054": ("passing_company", "barry-callebaut-9m-2025.txt",
             "Lindt & Sprüngli, one of the larger branded chocolate makers, raised its own retail prices by double digits.",
             [r"(?is)Lindt[^.\n]*(organic|\d)"]),
    # product_metric
    "q025": ("product_metric", "samsonite-proxima-aero-launch.txt",
             "at a list price of US$349 for the carry-on size across 14 markets",
             [r"(?is)Proxima Aero[^.\n]{0,150}(\d[\d,.]*\s?(million\s)?(units|pieces|bags|suitcases)|sold \d|revenue of|sales of)",
              r"(?is)\d[\d,.]*\s?(million\s)?(units|pieces|suitcases)[^.\n]{0,60}Proxima"]),
    "q036": ("product_metric", "primo-brands-saratoga-sparkling.txt",
             "$6.99 for an eight-pack",
             [r"(?is)Saratoga[^.\n]{0,150}(\d[\d,.]*\s?(million\s)?(cases|units|cans sold|packs sold)|volume of|sales of \$)",
              r"(?is)\d[\d,.]*\s?(million\s)?cases"]),
    "q048": ("product_metric", "jde-peets-lor-barista-duo.txt",
             "priced at EUR 0.45 per capsule and EUR 119 for the machine",
             [r"(?is)Barista Duo[^.\n]{0,150}(\d[\d,.]*\s?(million\s)?(machines|units|households)|placed \d|sold \d)",
              r"(?is)machine placement[^.\n]{0,40}\d", r"(?is)\d[\d,.]*\s?(million\s)?machines"]),
    "q056": ("product_metric", "xponential-xpass-plus.txt",
             "priced at $29 a month in the US",
             [r"(?is)XPASS\+?[^.\n]{0,150}\d[\d,.]*\s?(million\s)?(subscribers|members|users|downloads)",
              r"(?is)\d[\d,.]*\s?(million\s)?(subscribers|app users|downloads)"]),
    # undated_event
    "q019": ("undated_event", "samsonite-q2-2025-results.txt",
             "it is still pursuing a dual listing of its shares in the United States",
             [r"(?is)dual listing[^.\n]{0,150}" + DATE, r"(?is)" + DATE + r"[^.\n]{0,150}dual listing"]),
    "q032": ("undated_event", "harley-ceo-succession.txt",
             "who will succeed Jochen Zeitz",
             [r"(?is)\A(?=.*harley-davidson).*(chief executive|\bCEO\b)[^.\n]{0,150}" + DATE,
              r"(?is)\A(?=.*harley-davidson).*" + DATE + r"[^.\n]{0,150}(chief executive|\bCEO\b)",
              r"(?is)Zeitz[^.\n]{0,150}" + DATE]),
    "q046": ("undated_event", "obelgarde-fy2025-annual-report-risks.md",
             "We expect the quarry to begin extraction once the remaining state environmental permits are granted",
             [r"(?is)Hollin Ridge[^.\n]{0,200}" + DATE, r"(?is)" + DATE + r"[^.\n]{0,200}Hollin Ridge",
              r"(?is)begin extraction[^.\n]{0,100}" + DATE]),
    "q060": ("undated_event", "xponential-brand-sale.txt",
             "the sale will close after customary approvals",
             [r"(?is)\A(?=.*xponential).*(CycleBar|Rumble|sale will close|closing of the sale)[^.\n]{0,150}" + DATE,
              r"(?is)\A(?=.*xponential).*" + DATE + r"[^.\n]{0,150}(CycleBar|Rumble)"]),
    # other_measure
    "q012": ("other_measure", "jde-peets-h1-2025.txt",
             "adjusted EBIT was EUR 612 million",
             [r"(?is)\A(?=.*JDE Peet).*(net (profit|income|earnings)|profit after tax|earnings per share|\bEPS\b)"]),
    "q022": ("other_measure", "clean-harbors-q2-2025.txt",
             "adjusted EBITDA of $302 million",
             [r"(?is)\A(?=.*clean harbors).*(net (income|profit|earnings)|earnings per share|\bEPS\b)"]),
    "q044": ("other_measure", "samsonite-proxima-aero-launch.txt",
             "gross margin of 59.8%",
             [r"(?is)\A(?=.*samsonite).*operating (margin|profit|income)", r"(?is)\A(?=.*samsonite).*\bEBIT margin"]),
    "q064": ("other_measure", "hollowmint-q2-2025.txt",
             "diluted EPS of $1.38, up 22%",
             [r"(?is)\A(?=.*hollowmint).*\b(revenues?|total sales|net sales)\b"]),
}

# Other unanswerable questions: 2 real companies with no notes, 1 off-topic, 1 uncovered period.
OTHER_NO_ANSWER = {
    "q013": ("no_notes_company", [r"(?i)\bcrocs\b", r"\bCROX\b"]),
    "q063": ("no_notes_company", [r"(?i)\byeti\b"]),
    "q051": ("off_topic", [r"(?i)brisket", r"(?i)\bsmoker\b"]),
    "q061": ("uncovered_period", [r"\b2019\b", r"(?i)\bFY19\b"]),
}

EXCLUDED_TICKERS = """000333.SZ 010140.KS 035420.KS 1810.HK 2310.SR 2317.TW 2454.TW 329180.KS 3690.HK 373220.KS 6954.T 7010.SR 8TRA.ST AAGIY AAPL ABBV AC.PA ACI ACVA ADS ADT ADYEY AER AFG AGCO AJG ALB ALC ALGN ALL ALRM AMAT AMD AMKBY AML AMT AMZN AOS APD APTV ARLS ASHF ASML ASR AUVN AVFR AVGO AWK AWR AZUL4.SA BA BABA BAC BALL BAS BBRI.JK BBVA.MC BEEF3.SA BF.B BFGX BHP BIDU BJ BKCA BKNG BKWA BLBD BLCO BLDR BMBL BMW.DE BNS BRMF BRO BRWF BSX BTI BUD BWA BWTR BWU BXP BYDDY C.H CAG CAR CARG CAT CBA CBRG CCJ CCK CCL CCO CCOEY CDNS CDVF CDWB CE CF CFRL CHDN CHTR CHWY CIEN CLS CLWU CME CMG CMIN3.SA CMP CNI COHU COL.AX CON COO COST CPA CRDF CRDO CRM CRVN CRVT CRWD CSV CTAS CTVA CUBE CVNX CVSG.L CVX CWH CWT CX CYH CZR D05.SI DAL DBD DE DEMANT DEO DGX DHI DIS DKNG DKS DLR DNHD DOW DRI DUOL DVGS EA EADSY EBR ECL EL ELGR EMN EMP-A.TO EMTS ENB ENEL.MI ENPH EPI-A.ST EQIX EQTL3.SA ERJ EVRG EXP EXPD EZPW F FAF FAST FCFS FCX FDX FER FER.MC FGP FHAS FLNC FLUT FMG FNF FNMR FORM FRO FSLR FUN FYBP GATX GD GE GHRC GIS GLMF GLPI GMED GMEL GN.CO GNFG GNNDY GOLF GOOGL GPK GS GWW HAL HAS HBAN HBDP HCA HCMLY HD HDB HEIA.AS HESAY HGBP HII HLT HLVB HLVM HLVR HMAR HMFR HMRX HON HOOD HRI HTZ HUBB HUM HVBX HVRB HYMTF IBKR IBN IFF IHG ILMN IMP.JO INFY INTC IRDM ISRG ITOCY ITUB ITX.MC JAKK JAZZ JD JDW.L JPM KBZF KDEX KEY KGRD KGSX KHC KMX KNEBV KNSL KNX KO KOF KOG KORB KPSG KR KSTL KTWY L.TO LAD LAMR LAZY LDO LESL LH LI LIN LKSP LLY LMND LMT LMVQ LOPE LPL LRCX LSCC LTH LTM LVMUY LVS LVTG LXS.DE LYB LYFT MA MAERSK-B.CO MAN MAR MARUY MAT MATW MBKD MCD MCG MCHP MCK MCRI MCW MDT MELI META MGM MMYT MNST MO MODG MONC.MI MOS MOWI MOWI.OL MPNGY MRGF MRGL MRGX MRNA MRP.JO MRU MRVH MRWF MRWG MRWP MSFT MTCH MTN MTW MU MWTC NBIX NBKI NCIG NCLH NDVK NEE NEM NESN NFLX NIO NKE NOW NSC NTDOY NTR NU NUE NVDA NVO ODFL ODPX OFSY OGSX OLVN ONDV ORCL OTIS OUT OVBX PAAS PAC PANW PASH PATK PAYX PCH PDD PDRDY PENN PETS PFE PFHL PG PGR PKG PLD PLNT PLS.AX PLTR PLWS PM PNHA PNW PODD POOL PPC PPG PPRUY PRKS PSA PSMMY PSN.L PUK PWCC PYPL QDEL QFS QLFB QLFN QLFR QLMK QLYS QMLX QMRK QNDX QWTR RACE RAND.AS RCL RDY REMYY RHI RHM RKLB RL RMS RUN RVBC RVCX RVMX RXO RYAAY RYN SAF.PA SAIA SALM.OL SAM SAP SATS SBAC SBCX SBH SBS SBUX SCHP SCI SE SEDG SHFY SHOP SHW SITE SKF-B SKYW SLAQ SLB SLF.TO SLR.MC SLVN SLVQ SNOW SNPS SNY SON SONVY SONY SPFL SPOT SQM SSDIY STC STNE STVB SYK SYM T TAH.AX TAP TCEHY TCL TCOM TCS.NS TDWK TEF TENB TER TGSX THC THO TITN TLC.AX TLKM.JK TM TMSB TMUS TNL TOY TPR TREX TRFD TROW TRP.TO TRUP TRV TSLA TSLY TSM TSN TTWO TWI UAL UBER UHR UHS ULTA UMC UMICY UNF UNH UNP UPM.HE UPS URI UUGRY UUUU V VALE VDMK VEOEY VLMQ VLTS VMC VOD VOLV-B VRDB VRHB VRNE VRT VRTX VSAT VTPN VYDS VYX VZ WAB WAL WBD WCN WERN WFC WFRD WGO WH WING WIT WLN WM WMT WOOF WOW WSO WTRG WTW WXCB WY XEL XIACY XOM XPEV XRAY XYL YRWL ZBH ZIM ZION ZPHS ZS ZTS PEO.WA PGSUS.IS COH.AX IBE.MC SHREECEM.NS 9020.T SSW.JO ESLT.TA CENCOSUD.SN KPTR.JO DLMH.MI CNK ALX.AX OMF MBUU ERF.PA NOMD TRN GVDL PRWK IMAX GBX BC LW MCS MCFT ROL SMG SNBR REVG CVCO EYE WNC BKMR TLVA RTO SGI SKY WRBY TEX CFR BBCA.JK KBANK.BK JFC.PS STERV.HE UCB.BR WIE.VI 7113.KL 090430.KS 9921.TW VSMR.OL PYLX CEN.NZ VSTS LUCK NCMI EXR DVA TTC ITIC OBMP WHWS ARMK AMC FME HUSQ-B.ST LNN RHP OMAB.MX FALABELLA.SN CEZ.PR PKO.WA COLO-B.CO 3382.T ASIANPAINT.NS SHP.JO TRNV.WA GRSH SPH HSIC CPRT 7951.T AMP.MI AMN SDF.DE BWCA LTBY RBA CCRN NVST SPB.TO TLS.AX IAG.AX LREN3.SA 5347.KL BDMS.BK YAR.OL KESKOB.HE EBS.VI SREN.SW KRX.IR ZRVD TSLN.OL WSC BFAM USPH ELAN GRFS ADUS MLR PMBW QYTC MGRC KLC SEM CSL EHC CHE BMRI.JK VNM.VN EMAAR.AE QNBK.QA COMI.CA SCOM.NR YPFD.BA ISP.MI OTP.BD AD.AS HLCY.OL BRQL HRB SECU-B.ST HAUTO.OL AVOL.SW 5947.T AIR 4666.T MWGR OXLA THYAO.IS AKBNK.IS CHILE.SN BAP.LM ETE.AT 1120.SR ULTRACEMCO.NS 1590.TW 9022.T ARDN.LM QVTH LYV SIG DXCM AVAV PL BCO APG OLSB SCVW VWS.CO SAND.ST RWE.DE HNR1.DE JMT.LS 0002.HK 105560.KS LUMI.TA BAKKA.OL KVEL.OL OXTA INTU EB ABT PNDORA.CO GRMN AXON POLI.TA DNP.WA ORSTED.CO GALP.LS SCCO SLM.JO Z74.SI EUROB.AT ABM PSG.MC WAWI.OL MED HAYW EVI MNRO TWE.AX CPG.L EDU GLWH QDGR HLF FLUI.MC WW PNR GT SW.PA CLN.SW ELE.MC HER.MI CPALL.BK 6012.KL GFI.JO RADL3.SA AKRBP.OL ANDR.VI FYRN.SW OKMF CALM BMI MHK COLD UTI SZU.DE FTDR FLMR TVEC ITRI VITL LINE LINC HRL LII KPN.AS AGS.BR O39.SI C38U.SI VHM.VN FAB.AE GEB.CN 9983.T NST.AX KVRO FYWD.OL""".split()

EXCLUDED_NAMES = """Alibaba|Tencent|Apple|Nvidia|Heineken|Foxconn|MediaTek|Camping World|Churchill Downs|Bank Pekao|Pegasus|Cochlear|Iberdrola|Shree Cement|JR East|Sibanye|Elbit|Cencosud|Cinemark|Atlas Arteria|OneMain|Malibu Boats|Eurofins|Nomad Foods|Trinity Industries|IMAX|Greenbrier|Brunswick|Lamb Weston|Marcus|MasterCraft|Rollins|Scotts Miracle-Gro|Sleep Number|REV Group|Cavco|National Vision|Wabash|Rentokil|Somnigroup|Skyline Champion|Warby Parker|Terex|Cullen/Frost|Bank Central Asia|Kasikornbank|Jollibee|Stora Enso|UCB|Wienerberger|Top Glove|Amorepacific|Giant Manufacturing|Contact Energy|Vestis|Lucky Strike|National CineMedia|Extra Space|DaVita|Toro|Investors Title|OMA|Falabella|CEZ|PKO|Coloplast|Seven & i|Asian Paints|Shoprite|Aramark|Fresenius|Husqvarna|Life Storage|Lindsay|Ryman|Suburban Propane|Henry Schein|Copart|Yamaha|Amplifon|AMN Healthcare|K\+S|AmeriGas|RB Global|WS Audiology|Cross Country Healthcare|Envista|Superior Plus|Telstra|Insurance Australia Group|Lojas Renner|Tenaga Nasional|Bangkok Dusit|Yara|Kesko|Erste|Swiss Re|Kingspan|Suncorp|Bumrungrad|Munich Re|Raiffeisen|Rockwool|YTL Power|Lidl|Magazine Luiza|Optus|WillScot|Bright Horizons|U\.S\. Physical Therapy|Elanco|Grifols|Addus|Miller Industries|McGrath|KinderCare|Select Medical|CSL|Encompass|Chemed|Bank Mandiri|Vinamilk|Emaar|QNB|CIB|Safaricom|YPF|Intesa|OTP|Ahold Delhaize|Aldar|Vietcombank|UniCredit|Masan|MBH|Colruyt|Airtel|H&R Block|Securitas|Höegh Autoliners|Avolta|Rinnai|AAR|Park24|Intuit|Prosegur|Wallenius Wilhelmsen|Noritz|ABM|Turkish Airlines|Akbank|Banco de Chile|Credicorp|National Bank of Greece|Al Rajhi|UltraTech|Airtac|JR Central|Eurobank|Southern Copper|Sanlam|Singtel|Live Nation|Signet|Dexcom|AeroVironment|Planet Labs|Brink's|APi Group|Eventbrite|Abbott|Pandora|Loomis|Garmin|Axon|Vestas|Sandvik|RWE|Hannover Re|Jerónimo Martins|CLP|Shinhan|Bank Leumi|Bakkafrost|Hapoalim|Dino Polska|Ørsted|Galp|BlueHalo|Medifast|Hayward|EVI Industries|Monro|Treasury Wine Estates|Compass Group|New Oriental|Herbalife|Fluidra|WW International|Pentair|Goodyear|Sodexo|Clariant|Endesa|Hera|CP All|Maxis|Gold Fields|Raia Drogasil|Aker BP|Andritz|Cal-Maine Foods|Badger Meter|Mohawk Industries|Americold|Universal Technical Institute|Südzucker|Frontdoor|Itron|Vital Farms|Lineage|Lincoln Educational|Hormel|Lennox|KPN|Ageas|OCBC|CapitaLand|Vinhomes|First Abu Dhabi Bank|Grupo Energía Bogotá|Fast Retailing|Northern Star|Starbucks|Nestl[eé]|Coca-Cola|Vail Resorts|Planet Fitness|Life Time|Tapestry|LVMH|Waste Management|Veolia|Waste Connections|Stericycle|Costco|Walmart|Tesla|BMW|Toyota|Sony|Nintendo|Kraft Heinz|Diageo|Boston Beer|Molson|Brown-Forman|Anheuser|FirstCash|EZCORP|Service Corporation|Matthews International|Carriage Services|Ford Motor""".split("|")

FORBIDDEN_INVENTED = """Strandholm Pinfall Solvane Quillmark Pellworth Nordavik Lumarel Corvane Caldwater Brightfold Zephrin
Yarrowline Wexcombe Veyrona Verdalis Vellamo Veldmark Varnholt Vantorre Trellisford Thistledown Tidewrack Tamsin Talaris
Stourhaven Sorrelpine Saltmarsh Sablecrest Rivetline Ravensby Quennick Quarrendon Penhallow Ostrander Orvella Orvane Orrin
Ondrava Nettlebrook Mirevo Marrowgate Marrowby Marlbeck Lumivane Larkspire Kestrelpoint Kalos Harrowgate Halvorsen Halberd
Grenholm Graymoss Glimmerfold Gannetfield Fernhollow Ferncliffe Fenmoor Embergate Ellisgrove Dunhallow Dravemont Corvexa
Corrandale Copperjack Cobbleridge Cindervale Calderwyn Brantwood Aurivane Ashcombe Arlenport Ambervale Kiptara Dalmoro
Glenvarrow Prairiewick Brackenmoor Tolvaren Vostrand Pyrelith Ossenbrook Whinlatch Tarnovia Grisholt Brindlewick Lanternby
Zorvadine Tessaline Pemberlowe Quaytrace Halcyra Brisquell Marchwhistle Oxtarrow Ardencliff Quorvath Orlisande Scrivelow
Kvellmora Oxtarra Glossenby Quendrake Fyrnwald Okomenta Fallowmere Tavelock Kelvarro""".split()


def tok_re(t, flags=0):
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(t) + r"(?![A-Za-z0-9])", flags)


# --------------------------------------------------------------------------------------------
def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES_DIR)):
        if fn.endswith((".txt", ".md")):
            with open(os.path.join(NOTES_DIR, fn), encoding="utf-8") as f:
                notes[fn] = f.read()
    return notes


def parse_short(fn, text):
    """Return (label, score, ticker_lines, has_date, first) or None after reporting problems."""
    if text.endswith("\n"):
        fail(f"{fn}: trailing newline")
    lines = text.split("\n")
    i = 0
    first = "none"
    if lines[0] == "":
        i, first = 1, "blank"
    elif re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        i, first = 1, "date"
    body = lines[i:]
    if len(body) < 8:
        fail(f"{fn}: too few lines")
        return None
    news, analysis, tagline, demo, label, sc_head, score, ts = body[:8]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", news) if s.strip()]
    if not 2 <= len(sentences) <= 4:
        fail(f"{fn}: news paragraph has {len(sentences)} sentences")
    if not re.search(r"\d", news):
        fail(f"{fn}: news paragraph has no figures")
    nwords = len(analysis.split())
    if not 150 <= nwords <= 300:
        fail(f"{fn}: analytic paragraph has {nwords} words")
    if "Overall Sentiment" in tagline or len(tagline.split()) > 20 or not tagline.endswith("."):
        fail(f"{fn}: tagline line looks wrong: {tagline!r}")
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{fn}: demo line wrong: {demo!r}")
    if label not in LABEL_RANGES:
        fail(f"{fn}: unknown label {label!r}")
    if sc_head != "Sentiment Score":
        fail(f"{fn}: missing Sentiment Score line")
    try:
        s = float(score)
        lo, hi = LABEL_RANGES.get(label, (-1, 1))
        if not lo <= s <= hi:
            fail(f"{fn}: score {s} inconsistent with label {label}")
    except ValueError:
        fail(f"{fn}: score not a number: {score!r}")
    if ts != "Ticker Sentiment":
        fail(f"{fn}: missing Ticker Sentiment line")
    tick_lines = body[8:]
    for tl in tick_lines:
        m = re.fullmatch(r"(\S+) (-?\d\.\d\d)", tl)
        if not m:
            fail(f"{fn}: bad ticker line {tl!r}")
        elif m.group(1) not in COMPANIES:
            fail(f"{fn}: ticker line for uncovered ticker {m.group(1)}")
        elif not re.search(COMPANIES[m.group(1)]["pattern"], text):
            fail(f"{fn}: ticker line {m.group(1)} but company not in text")
    return dict(label=label, tagline=tagline, demo=demo, ticker_lines=tick_lines, first=first)


def check_long(fn, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        fail(f"{fn}: no YAML front matter")
        return None
    fm = dict(re.findall(r"^(\w+):\s*(.+)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            fail(f"{fn}: front matter lacks {k}")
    if fm.get("ticker") not in COMPANIES:
        fail(f"{fn}: front matter ticker not covered")
    elif fm["company"].strip() not in (COMPANIES[fm["ticker"]]["name"] + ", Inc.", COMPANIES[fm["ticker"]]["name"]):
        fail(f"{fn}: company/ticker mismatch")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        fail(f"{fn}: bad date")
    body = m.group(2)
    words = len(re.findall(r"\S+", body))
    if not 800 <= words <= 1500:
        fail(f"{fn}: body has {words} words")
    if not re.search(r"^#+ ", body, re.M):
        fail(f"{fn}: no headings")
    if not re.search(r"^\|.*FY\d{4}.*\|.*FY\d{4}", body, re.M):
        fail(f"{fn}: no fiscal-year table")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        fail(f"{fn}: long note must not have a sentiment block")
    paras = [p for p in body.split("\n\n") if p.strip() and not p.startswith(("#", "|"))]
    named = sum(1 for p in paras if re.search(COMPANIES[fm.get("ticker", "CLH")]["pattern"], p))
    if named * 2 > len(paras):
        fail(f"{fn}: too many paragraphs name the company ({named}/{len(paras)})")
    if not re.search(r"\b(the Company|[Ww]e|[Oo]ur)\b", body):
        fail(f"{fn}: no 'the Company'/'we' prose")
    return fm


def companies_in(text):
    return {t for t, c in COMPANIES.items() if re.search(c["pattern"], text)}


def main():
    notes = load_notes()
    short = {k: v for k, v in notes.items() if k.endswith(".txt")}
    long_ = {k: v for k, v in notes.items() if k.endswith(".md")}
    if not 20 <= len(short) <= 24:
        fail(f"expected ~22 short notes, found {len(short)}")
    if len(long_) != 4:
        fail(f"expected 4 long notes, found {len(long_)}")

    # ---- short notes
    parsed = {}
    for fn, text in short.items():
        p = parse_short(fn, text)
        if p:
            parsed[fn] = p
        if not companies_in(text):
            fail(f"{fn}: mentions no covered company")
    firsts = [p["first"] for p in parsed.values()]
    n_date = firsts.count("date")
    if not len(short) * 0.35 <= n_date <= len(short) * 0.65:
        fail(f"about half the notes should carry a Date line, found {n_date}")
    if firsts.count("blank") == 0 or firsts.count("none") == 0:
        fail("need notes with a blank first line and notes starting directly with the news")
    n_tick = sum(1 for p in parsed.values() if p["ticker_lines"])
    if not len(short) * 0.35 <= n_tick <= len(short) * 0.65:
        fail(f"about half the notes should add ticker lines, found {n_tick}")
    if len({p["tagline"] for p in parsed.values()}) < 4:
        fail("taglines should vary")
    if len({p["demo"] for p in parsed.values()}) != 2:
        fail("both 'Request a Demo' and 'Request Demo' should occur")
    if sum(1 for t in short.values() if "\u2019" in t) < 3:
        fail("some notes should use curly apostrophes")
    pairs = [fn for fn, t in short.items() if len(companies_in(t)) == 2]
    if len(pairs) != 2 or any(len(companies_in(t)) > 2 for t in short.values()):
        fail(f"exactly two short notes should cover two companies: {pairs}")
    for fn in pairs:
        if len(parsed.get(fn, {}).get("ticker_lines", [])) not in (0, 2):
            fail(f"{fn}: two-company note should list both tickers or none")

    # ---- long notes
    long_cos = []
    for fn, text in long_.items():
        fm = check_long(fn, text)
        if fm:
            long_cos.append(fm.get("ticker"))
    real_long = {t for t in long_cos if t in COMPANIES and not COMPANIES[t]["invented"]}
    inv_long = {t for t in long_cos if t in INVENTED_TICKERS}
    if len(real_long) != 2 or len(inv_long) != 1:
        fail(f"long notes should cover 2 real and 1 invented company: {long_cos}")

    # ---- invented companies tied to tickers by text
    for t in INVENTED_TICKERS:
        name = COMPANIES[t]["name"]
        if not any(f"{name} ({t})" in v for v in short.values()):
            fail(f"invented company {name} never written as '{name} ({t})'")

    # ---- passing companies
    for name, fn in PASSING.items():
        holders = [k for k, v in notes.items() if name in v]
        if holders != [fn]:
            fail(f"passing company {name} should appear only in {fn}, found {holders}")
            continue
        sents = [s for s in re.split(r"(?<=[.!?])\s+", notes[fn]) if name in s]
        if len(sents) != 1:
            fail(f"passing company {name} should be in exactly one sentence, found {len(sents)}")

    # ---- questions
    qs = []
    with open(QA_PATH, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if line.strip():
                try:
                    qs.append(json.loads(line))
                except json.JSONDecodeError as e:
                    fail(f"qa.jsonl line {ln}: {e}")
    by_id = {q["id"]: q for q in qs}
    allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows",
               "near_miss", "unknown_company", "typo"}
    counts = {}
    for n, q in enumerate(qs, 1):
        qid = q.get("id")
        if qid != "q%03d" % n:
            fail(f"question {n}: id {qid} out of order")
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{qid}: missing {k}")
        if set(q) - allowed:
            fail(f"{qid}: unexpected fields {set(q) - allowed}")
        kind = q.get("kind")
        key = (kind, bool(q.get("typo")), bool(q.get("unknown_company")))
        if q.get("unknown_company"):
            if q.get("ticker") not in INVENTED_TICKERS:
                fail(f"{qid}: unknown_company question must carry an invented ticker")
            if kind not in ("factual", "risk", "sentiment", "no_answer"):
                fail(f"{qid}: unknown_company kind {kind}")
            key = ("unknown", kind == "no_answer")
        counts[key] = counts.get(key, 0) + 1
        if q.get("question") != q.get("question", "").lower():
            fail(f"{qid}: questions are typed in lowercase")
        for g in q.get("gold_notes", []):
            if g not in notes:
                fail(f"{qid}: gold note {g} does not exist")
        if kind == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail(f"{qid}: no_answer must have empty gold and keywords")
        else:
            if not q["gold_notes"] or not q["answer_keywords"]:
                fail(f"{qid}: answerable question needs gold notes and keywords")
            gold_text = [notes.get(g, "").lower() for g in q["gold_notes"]]
            for kw in q["answer_keywords"]:
                if not any(kw.lower() in t for t in gold_text):
                    fail(f"{qid}: keyword {kw!r} not found in gold notes")
            if q.get("ticker") and not q.get("unknown_company") and kind != "general":
                pat = COMPANIES[q["ticker"]]["pattern"]
                for g in q["gold_notes"]:
                    if not re.search(pat, notes.get(g, "")):
                        fail(f"{qid}: gold note {g} is not about {q['ticker']}")
        if "follows" in q:
            if kind != "follow_up" or n < 2 or q["follows"] != qs[n - 2]["id"]:
                fail(f"{qid}: follows must point to the previous question and only on follow_ups")
        elif kind == "follow_up":
            fail(f"{qid}: follow_up without follows")
        if q.get("ticker") is not None and q["ticker"] in EXCLUDED_TICKERS:
            fail(f"{qid}: excluded ticker {q['ticker']}")
        if kind == "comparison":
            if q.get("ticker") is not None:
                fail(f"{qid}: comparison ticker must be null")
            covered = set()
            for g in q["gold_notes"]:
                covered |= companies_in(notes.get(g, ""))
            if COMPARISON_COMPANIES.get(qid, {"?"}) - covered or qid not in COMPARISON_COMPANIES:
                fail(f"{qid}: comparison gold does not cover both companies")
        if kind == "general":
            if qid not in GENERAL_THEMES:
                fail(f"{qid}: general question without theme regex")
            else:
                want = {k for k, v in notes.items() if re.search(GENERAL_THEMES[qid], v)}
                if want != set(q["gold_notes"]):
                    fail(f"{qid}: general gold {sorted(q['gold_notes'])} != theme notes {sorted(want)}")
        if kind == "sentiment":
            pat = COMPANIES[q["ticker"]]["pattern"]
            want = {k for k, v in short.items() if re.search(pat, v)}
            if want != set(q["gold_notes"]):
                fail(f"{qid}: sentiment gold should be every short note on {q['ticker']}: {sorted(want)}")
            labels = {parsed[g]["label"] for g in q["gold_notes"] if g in parsed}
            if labels != {k.lower() for k in q["answer_keywords"]}:
                fail(f"{qid}: sentiment keywords {q['answer_keywords']} != labels {labels}")
        if q.get("typo"):
            if kind != "factual" or q.get("ticker") in INVENTED_TICKERS:
                fail(f"{qid}: typo questions are factual questions on real companies")
            if COMPANIES[q["ticker"]]["name"].lower() in q["question"]:
                fail(f"{qid}: typo question spells the company correctly")
        if kind in ("factual",) and qid in LONG_NOTE_FACTUAL:
            if not all(g.endswith(".md") for g in q["gold_notes"]):
                fail(f"{qid}: expected a long-note factual question")

    exp = dict(EXPECTED_KIND_COUNTS)
    got = {k: v for k, v in counts.items() if k[0] != "unknown"}
    # no_answer about invented companies are counted under ("unknown", True)
    exp_plain = {k: v for k, v in exp.items() if not k[2]}
    if got != exp_plain:
        fail(f"kind counts {got} != {exp_plain}")
    if counts.get(("unknown", True), 0) != 2:
        fail("expected 2 unanswerable unknown_company questions")
    if counts.get(("unknown", True), 0) + counts.get(("unknown", False), 0) < 7:
        fail("expected at least 7 unknown_company questions")
    n_no = sum(1 for q in qs if q.get("kind") == "no_answer")
    if n_no != 24:
        fail(f"expected 24 no_answer questions, found {n_no}")
    long_fact = [q["id"] for q in qs if q.get("kind") == "factual" and not q.get("typo")
                 and not q.get("unknown_company") and any(g.endswith(".md") for g in q["gold_notes"])]
    if set(long_fact) != LONG_NOTE_FACTUAL:
        fail(f"long-note factual questions {long_fact} != {sorted(LONG_NOTE_FACTUAL)}")

    # ---- near misses
    nm_kinds = {}
    for q in qs:
        if q.get("near_miss"):
            if q["kind"] != "no_answer":
                fail(f"{q['id']}: near_miss on answerable question")
            if q["id"] not in NEAR_MISSES:
                fail(f"{q['id']}: near miss not recorded in check.py")
            elif NEAR_MISSES[q["id"]][0] != q["near_miss"]:
                fail(f"{q['id']}: near_miss kind mismatch")
            nm_kinds[q["near_miss"]] = nm_kinds.get(q["near_miss"], 0) + 1
    if nm_kinds != {k: 4 for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure")}:
        fail(f"near-miss kinds {nm_kinds}")
    for qid, (kind, fn, text, regexes) in NEAR_MISSES.items():
        if qid not in by_id or by_id[qid].get("near_miss") != kind:
            fail(f"{qid}: recorded near miss does not match qa.jsonl")
        if text not in notes.get(fn, ""):
            fail(f"{qid}: nearby text not found verbatim in {fn}")
        for rx in regexes:
            for k, v in notes.items():
                if re.search(rx, v):
                    fail(f"{qid}: asked fact regex {rx!r} matches {k}")
    for qid, (kind, regexes) in OTHER_NO_ANSWER.items():
        q = by_id.get(qid, {})
        if q.get("kind") != "no_answer" or q.get("near_miss"):
            fail(f"{qid}: should be a plain no_answer ({kind})")
        for rx in regexes:
            for k, v in notes.items():
                if re.search(rx, v):
                    fail(f"{qid}: {kind} regex {rx!r} matches {k}")
    plain_no = {q["id"] for q in qs if q.get("kind") == "no_answer" and not q.get("near_miss")}
    if plain_no != set(OTHER_NO_ANSWER):
        fail(f"plain no_answer ids {sorted(plain_no)} != recorded {sorted(OTHER_NO_ANSWER)}")
    for qid in ("q013", "q063"):
        t = by_id.get(qid, {}).get("ticker")
        if t in COMPANIES:
            fail(f"{qid}: no-notes company must not be covered")

    # ---- exclusions
    texts = dict(notes)
    if os.path.exists(README_PATH):
        with open(README_PATH, encoding="utf-8") as f:
            texts["README.md"] = f.read()
    else:
        fail("README.md missing")
    qtext = "\n".join(q.get("question", "") for q in qs)
    tick_res = [(t, tok_re(t), tok_re(t, re.I)) for t in EXCLUDED_TICKERS]
    for name, text in texts.items():
        for t, rx, _ in tick_res:
            if rx.search(text):
                fail(f"{name}: excluded ticker {t}")
    for t, _, rxi in tick_res:
        if rxi.search(qtext):
            fail(f"questions: excluded ticker {t} (case-insensitive)")
    all_text = dict(texts)
    all_text["qa.jsonl"] = qtext
    for name, text in all_text.items():
        for en in EXCLUDED_NAMES:
            flags = 0 if en.isupper() else re.I
            if re.search(r"(?<![A-Za-z0-9])" + en + r"(?![A-Za-z0-9])", text, flags):
                fail(f"{name}: excluded company name {en}")
        low = text.lower()
        for w in FORBIDDEN_INVENTED:
            if w.lower() in low:
                fail(f"{name}: reused invented word {w}")
    for t in COMPANIES:
        if t in EXCLUDED_TICKERS:
            fail(f"covered ticker {t} is excluded")
    for q in qs:
        if q.get("ticker") in EXCLUDED_TICKERS:
            fail(f"{q['id']}: excluded ticker")

    if PROBLEMS:
        for p in PROBLEMS:
            print(p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
