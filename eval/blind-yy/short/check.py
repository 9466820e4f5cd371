#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py` from this folder (or anywhere); prints OK when every
check passes, otherwise lists the failures and exits with status 1.
Standard library only.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
ERR = []


def fail(msg):
    ERR.append(msg)


# --------------------------------------------------------------------------
# Exclusion lists (copied from the brief)
# --------------------------------------------------------------------------
EXCL_TICKERS = ["000333.SZ", "010140.KS", "035420.KS", "1810.HK", "2310.SR", "2317.TW", "2454.TW", "329180.KS", "3690.HK", "373220.KS", "6954.T", "7010.SR", "8TRA.ST", "AAGIY", "AAPL", "ABBV", "AC.PA", "ACI", "ACVA", "ADS", "ADT", "ADYEY", "AER", "AFG", "AGCO", "AJG", "ALB", "ALC", "ALGN", "ALL", "ALRM", "AMAT", "AMD", "AMKBY", "AML", "AMT", "AMZN", "AOS", "APD", "APTV", "ARLS", "ASHF", "ASML", "ASR", "AUVN", "AVFR", "AVGO", "AWK", "AWR", "AZUL4.SA", "BA", "BABA", "BAC", "BALL", "BAS", "BBRI.JK", "BBVA.MC", "BEEF3.SA", "BF.B", "BFGX", "BHP", "BIDU", "BJ", "BKCA", "BKNG", "BKWA", "BLBD", "BLCO", "BLDR", "BMBL", "BMW.DE", "BNS", "BRMF", "BRO", "BRWF", "BSX", "BTI", "BUD", "BWA", "BWTR", "BWU", "BXP", "BYDDY", "C.H", "CAG", "CAR", "CARG", "CAT", "CBA", "CBRG", "CCJ", "CCK", "CCL", "CCO", "CCOEY", "CDNS", "CDVF", "CDWB", "CE", "CF", "CFRL", "CHDN", "CHTR", "CHWY", "CIEN", "CLS", "CLWU", "CME", "CMG", "CMIN3.SA", "CMP", "CNI", "COHU", "COL.AX", "CON", "COO", "COST", "CPA", "CRDF", "CRDO", "CRM", "CRVN", "CRVT", "CRWD", "CSV", "CTAS", "CTVA", "CUBE", "CVNX", "CVSG.L", "CVX", "CWH", "CWT", "CX", "CYH", "CZR", "D05.SI", "DAL", "DBD", "DE", "DEMANT", "DEO", "DGX", "DHI", "DIS", "DKNG", "DKS", "DLR", "DNHD", "DOW", "DRI", "DUOL", "DVGS", "EA", "EADSY", "EBR", "ECL", "EL", "ELGR", "EMN", "EMP-A.TO", "EMTS", "ENB", "ENEL.MI", "ENPH", "EPI-A.ST", "EQIX", "EQTL3.SA", "ERJ", "EVRG", "EXP", "EXPD", "EZPW", "F", "FAF", "FAST", "FCFS", "FCX", "FDX", "FER", "FER.MC", "FGP", "FHAS", "FLNC", "FLUT", "FMG", "FNF", "FNMR", "FORM", "FRO", "FSLR", "FUN", "FYBP", "GATX", "GD", "GE", "GHRC", "GIS", "GLMF", "GLPI", "GMED", "GMEL", "GN.CO", "GNFG", "GNNDY", "GOLF", "GOOGL", "GPK", "GS", "GWW", "HAL", "HAS", "HBAN", "HBDP", "HCA", "HCMLY", "HD", "HDB", "HEIA.AS", "HESAY", "HGBP", "HII", "HLT", "HLVB", "HLVM", "HLVR", "HMAR", "HMFR", "HMRX", "HON", "HOOD", "HRI", "HTZ", "HUBB", "HUM", "HVBX", "HVRB", "HYMTF", "IBKR", "IBN", "IFF", "IHG", "ILMN", "IMP.JO", "INFY", "INTC", "IRDM", "ISRG", "ITOCY", "ITUB", "ITX.MC", "JAKK", "JAZZ", "JD", "JDW.L", "JPM", "KBZF", "KDEX", "KEY", "KGRD", "KGSX", "KHC", "KMX", "KNEBV", "KNSL", "KNX", "KO", "KOF", "KOG", "KORB", "KPSG", "KR", "KSTL", "KTWY", "L.TO", "LAD", "LAMR", "LAZY", "LDO", "LESL", "LH", "LI", "LIN", "LKSP", "LLY", "LMND", "LMT", "LMVQ", "LOPE", "LPL", "LRCX", "LSCC", "LTH", "LTM", "LVMUY", "LVS", "LVTG", "LXS.DE", "LYB", "LYFT", "MA", "MAERSK-B.CO", "MAN", "MAR", "MARUY", "MAT", "MATW", "MBKD", "MCD", "MCG", "MCHP", "MCK", "MCRI", "MCW", "MDT", "MELI", "META", "MGM", "MMYT", "MNST", "MO", "MODG", "MONC.MI", "MOS", "MOWI", "MOWI.OL", "MPNGY", "MRGF", "MRGL", "MRGX", "MRNA", "MRP.JO", "MRU", "MRVH", "MRWF", "MRWG", "MRWP", "MSFT", "MTCH", "MTN", "MTW", "MU", "MWTC", "NBIX", "NBKI", "NCIG", "NCLH", "NDVK", "NEE", "NEM", "NESN", "NFLX", "NIO", "NKE", "NOW", "NSC", "NTDOY", "NTR", "NU", "NUE", "NVDA", "NVO", "ODFL", "ODPX", "OFSY", "OGSX", "OLVN", "ONDV", "ORCL", "OTIS", "OUT", "OVBX", "PAAS", "PAC", "PANW", "PASH", "PATK", "PAYX", "PCH", "PDD", "PDRDY", "PENN", "PETS", "PFE", "PFHL", "PG", "PGR", "PKG", "PLD", "PLNT", "PLS.AX", "PLTR", "PLWS", "PM", "PNHA", "PNW", "PODD", "POOL", "PPC", "PPG", "PPRUY", "PRKS", "PSA", "PSMMY", "PSN.L", "PUK", "PWCC", "PYPL", "QDEL", "QFS", "QLFB", "QLFN", "QLFR", "QLMK", "QLYS", "QMLX", "QMRK", "QNDX", "QWTR", "RACE", "RAND.AS", "RCL", "RDY", "REMYY", "RHI", "RHM", "RKLB", "RL", "RMS", "RUN", "RVBC", "RVCX", "RVMX", "RXO", "RYAAY", "RYN", "SAF.PA", "SAIA", "SALM.OL", "SAM", "SAP", "SATS", "SBAC", "SBCX", "SBH", "SBS", "SBUX", "SCHP", "SCI", "SE", "SEDG", "SHFY", "SHOP", "SHW", "SITE", "SKF-B", "SKYW", "SLAQ", "SLB", "SLF.TO", "SLR.MC", "SLVN", "SLVQ", "SNOW", "SNPS", "SNY", "SON", "SONVY", "SONY", "SPFL", "SPOT", "SQM", "SSDIY", "STC", "STNE", "STVB", "SYK", "SYM", "T", "TAH.AX", "TAP", "TCEHY", "TCL", "TCOM", "TCS.NS", "TDWK", "TEF", "TENB", "TER", "TGSX", "THC", "THO", "TITN", "TLC.AX", "TLKM.JK", "TM", "TMSB", "TMUS", "TNL", "TOY", "TPR", "TREX", "TRFD", "TROW", "TRP.TO", "TRUP", "TRV", "TSLA", "TSLY", "TSM", "TSN", "TTWO", "TWI", "UAL", "UBER", "UHR", "UHS", "ULTA", "UMC", "UMICY", "UNF", "UNH", "UNP", "UPM.HE", "UPS", "URI", "UUGRY", "UUUU", "V", "VALE", "VDMK", "VEOEY", "VLMQ", "VLTS", "VMC", "VOD", "VOLV-B", "VRDB", "VRHB", "VRNE", "VRT", "VRTX", "VSAT", "VTPN", "VYDS", "VYX", "VZ", "WAB", "WAL", "WBD", "WCN", "WERN", "WFC", "WFRD", "WGO", "WH", "WING", "WIT", "WLN", "WM", "WMT", "WOOF", "WOW", "WSO", "WTRG", "WTW", "WXCB", "WY", "XEL", "XIACY", "XOM", "XPEV", "XRAY", "XYL", "YRWL", "ZBH", "ZIM", "ZION", "ZPHS", "ZS", "ZTS", "PEO.WA", "PGSUS.IS", "COH.AX", "IBE.MC", "SHREECEM.NS", "9020.T", "SSW.JO", "ESLT.TA", "CENCOSUD.SN", "KPTR.JO", "DLMH.MI", "CNK", "ALX.AX", "OMF", "MBUU", "ERF.PA", "NOMD", "TRN", "GVDL", "PRWK", "IMAX", "GBX", "BC", "LW", "MCS", "MCFT", "ROL", "SMG", "SNBR", "REVG", "CVCO", "EYE", "WNC", "BKMR", "TLVA", "RTO", "SGI", "SKY", "WRBY", "TEX", "CFR", "BBCA.JK", "KBANK.BK", "JFC.PS", "STERV.HE", "UCB.BR", "WIE.VI", "7113.KL", "090430.KS", "9921.TW", "VSMR.OL", "PYLX", "CEN.NZ", "VSTS", "LUCK", "NCMI", "EXR", "DVA", "TTC", "ITIC", "OBMP", "WHWS", "ARMK", "AMC", "FME", "HUSQ-B.ST", "LNN", "RHP", "OMAB.MX", "FALABELLA.SN", "CEZ.PR", "PKO.WA", "COLO-B.CO", "3382.T", "ASIANPAINT.NS", "SHP.JO", "TRNV.WA", "GRSH", "SPH", "HSIC", "CPRT", "7951.T", "AMP.MI", "AMN", "SDF.DE", "BWCA", "LTBY", "RBA", "CCRN", "NVST", "SPB.TO", "TLS.AX", "IAG.AX", "LREN3.SA", "5347.KL", "BDMS.BK", "YAR.OL", "KESKOB.HE", "EBS.VI", "SREN.SW", "KRX.IR", "ZRVD", "TSLN.OL", "WSC", "BFAM", "USPH", "ELAN", "GRFS", "ADUS", "MLR", "PMBW", "QYTC", "MGRC", "KLC", "SEM", "CSL", "EHC", "CHE", "BMRI.JK", "VNM.VN", "EMAAR.AE", "QNBK.QA", "COMI.CA", "SCOM.NR", "YPFD.BA", "ISP.MI", "OTP.BD", "AD.AS", "HLCY.OL", "BRQL", "HRB", "SECU-B.ST", "HAUTO.OL", "AVOL.SW", "5947.T", "AIR", "4666.T", "MWGR", "OXLA", "THYAO.IS", "AKBNK.IS", "CHILE.SN", "BAP.LM", "ETE.AT", "1120.SR", "ULTRACEMCO.NS", "1590.TW", "9022.T", "ARDN.LM", "QVTH", "LYV", "SIG", "DXCM", "AVAV", "PL", "BCO", "APG", "OLSB", "SCVW", "VWS.CO", "SAND.ST", "RWE.DE", "HNR1.DE", "JMT.LS", "0002.HK", "105560.KS", "LUMI.TA", "BAKKA.OL", "KVEL.OL", "OXTA", "INTU", "EB", "ABT", "PNDORA.CO", "GRMN", "AXON", "POLI.TA", "DNP.WA", "ORSTED.CO", "GALP.LS", "SCCO", "SLM.JO", "Z74.SI", "EUROB.AT", "ABM", "PSG.MC", "WAWI.OL"]
EXCL_NAMES = ["Alibaba", "Tencent", "Apple", "Nvidia", "Heineken", "Foxconn", "MediaTek", "Camping World", "Churchill Downs", "Bank Pekao", "Pegasus", "Cochlear", "Iberdrola", "Shree Cement", "JR East", "Sibanye", "Elbit", "Cencosud", "Cinemark", "Atlas Arteria", "OneMain", "Malibu Boats", "Eurofins", "Nomad Foods", "Trinity Industries", "IMAX", "Greenbrier", "Brunswick", "Lamb Weston", "Marcus", "MasterCraft", "Rollins", "Scotts Miracle-Gro", "Sleep Number", "REV Group", "Cavco", "National Vision", "Wabash", "Rentokil", "Somnigroup", "Skyline Champion", "Warby Parker", "Terex", "Cullen/Frost", "Bank Central Asia", "Kasikornbank", "Jollibee", "Stora Enso", "UCB", "Wienerberger", "Top Glove", "Amorepacific", "Giant Manufacturing", "Contact Energy", "Vestis", "Lucky Strike", "National CineMedia", "Extra Space", "DaVita", "Toro", "Investors Title", "OMA", "Falabella", "CEZ", "PKO", "Coloplast", "Seven & i", "Asian Paints", "Shoprite", "Aramark", "Fresenius", "Husqvarna", "Life Storage", "Lindsay", "Ryman", "Suburban Propane", "Henry Schein", "Copart", "Yamaha", "Amplifon", "AMN Healthcare", "K+S", "AmeriGas", "RB Global", "WS Audiology", "Cross Country Healthcare", "Envista", "Superior Plus", "Telstra", "Insurance Australia Group", "Lojas Renner", "Tenaga Nasional", "Bangkok Dusit", "Yara", "Kesko", "Erste", "Swiss Re", "Kingspan", "Suncorp", "Bumrungrad", "Munich Re", "Raiffeisen", "Rockwool", "YTL Power", "Lidl", "Magazine Luiza", "Optus", "WillScot", "Bright Horizons", "U.S. Physical Therapy", "Elanco", "Grifols", "Addus", "Miller Industries", "McGrath", "KinderCare", "Select Medical", "CSL", "Encompass", "Chemed", "Bank Mandiri", "Vinamilk", "Emaar", "QNB", "CIB", "Safaricom", "YPF", "Intesa", "OTP", "Ahold Delhaize", "Aldar", "Vietcombank", "UniCredit", "Masan", "MBH", "Colruyt", "Airtel", "H&R Block", "Securitas", "Höegh Autoliners", "Avolta", "Rinnai", "AAR", "Park24", "Intuit", "Prosegur", "Wallenius Wilhelmsen", "Noritz", "ABM", "Turkish Airlines", "Akbank", "Banco de Chile", "Credicorp", "National Bank of Greece", "Al Rajhi", "UltraTech", "Airtac", "JR Central", "Eurobank", "Southern Copper", "Sanlam", "Singtel", "Live Nation", "Signet", "Dexcom", "AeroVironment", "Planet Labs", "Brink's", "APi Group", "Eventbrite", "Abbott", "Pandora", "Loomis", "Garmin", "Axon", "Vestas", "Sandvik", "RWE", "Hannover Re", "Jerónimo Martins", "CLP", "Shinhan", "Bank Leumi", "Bakkafrost", "Hapoalim", "Dino Polska", "Ørsted", "Galp", "BlueHalo", "Costco", "Walmart", "Diageo", "LVMH", "Pool Corp", "Leslie's", "Mister Car Wash", "Brown-Forman", "Molson", "Boston Beer", "Anheuser", "Kroger", "Albertsons", "Home Depot", "Novo Nordisk", "Eli Lilly", "Starbucks", "McDonald", "Chipotle", "Darden", "Deere", "Hallmark", "American Greetings"]
EXCL_WORDS = ["Strandholm", "Pinfall", "Solvane", "Quillmark", "Pellworth", "Nordavik", "Lumarel", "Corvane", "Caldwater", "Brightfold", "Zephrin", "Yarrowline", "Wexcombe", "Veyrona", "Verdalis", "Vellamo", "Veldmark", "Varnholt", "Vantorre", "Trellisford", "Thistledown", "Tidewrack", "Tamsin", "Talaris", "Stourhaven", "Sorrelpine", "Saltmarsh", "Sablecrest", "Rivetline", "Ravensby", "Quennick", "Quarrendon", "Penhallow", "Ostrander", "Orvella", "Orvane", "Orrin", "Ondrava", "Nettlebrook", "Mirevo", "Marrowgate", "Marrowby", "Marlbeck", "Lumivane", "Larkspire", "Kestrelpoint", "Kalos", "Harrowgate", "Halvorsen", "Halberd", "Grenholm", "Graymoss", "Glimmerfold", "Gannetfield", "Fernhollow", "Ferncliffe", "Fenmoor", "Embergate", "Ellisgrove", "Dunhallow", "Dravemont", "Corvexa", "Corrandale", "Copperjack", "Cobbleridge", "Cindervale", "Calderwyn", "Brantwood", "Aurivane", "Ashcombe", "Arlenport", "Ambervale", "Kiptara", "Dalmoro", "Glenvarrow", "Prairiewick", "Brackenmoor", "Tolvaren", "Vostrand", "Pyrelith", "Ossenbrook", "Whinlatch", "Tarnovia", "Grisholt", "Brindlewick", "Lanternby", "Zorvadine", "Tessaline", "Pemberlowe", "Quaytrace", "Halcyra", "Brisquell", "Marchwhistle", "Oxtarrow", "Ardencliff", "Quorvath", "Orlisande", "Scrivelow", "Kvellmora", "Oxtarra"]

# --------------------------------------------------------------------------
# Coverage definition
# --------------------------------------------------------------------------
# ticker -> (display name, aliases used to decide whether a note is "on" the company, invented?)
COMPANIES = {
    "MED": ("Medifast", ["Medifast", "OPTAVIA"], False),
    "HAYW": ("Hayward Holdings", ["Hayward"], False),
    "EVI": ("EVI Industries", ["EVI Industries", "EVI"], False),
    "MNRO": ("Monro", ["Monro"], False),
    "TWE.AX": ("Treasury Wine Estates", ["Treasury Wine"], False),
    "CPG.L": ("Compass Group", ["Compass Group", "Compass"], False),
    "EDU": ("New Oriental Education & Technology", ["New Oriental"], False),
    "GLWH": ("Glossenby Wash Holdings", ["Glossenby"], True),
    "QDGR": ("Quendrake Greetings Inc", ["Quendrake"], True),
}
# real companies mentioned in exactly one sentence of one note (near-miss targets)
PASSING = {"PNR": "Pentair", "SW.PA": "Sodexo", "WW": "WW International", "GT": "Goodyear"}
# real companies with no notes at all
NO_COVERAGE = {"HLF": "Herbalife", "FDR.MC": "Fluidra"}

LABELS = {"strongly positive", "positive", "mildly positive", "neutral",
          "mildly negative", "negative", "strongly negative"}

EXPECTED_KINDS = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4,
                  "general": 3, "sentiment": 3, "typo": 2, "unknown_answerable": 7,
                  "no_answer": 24}

# themes for the "general" questions: regex that defines "a note on the theme"
THEMES = {
    "q063": r"GLP-1",
    "q064": r"(?i)tariff",
    "q065": r"(?i)buy-?back|repurchase",
}

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# Near misses: id -> (kind, note holding the nearby-but-wrong text, that text verbatim,
#                     regexes for the asked fact which must match NO note)
NEAR = {
    "q003": ("other_measure", "med-coach-productivity.txt",
             "Gross margin expanded to 72.8% from 72.1%",
             [r"(?i)(Medifast|OPTAVIA)[^\n]*operating margin", r"(?i)operating margin[^\n]*(Medifast|OPTAVIA)"]),
    "q005": ("product_metric", "med-metabolic-reset-launch.txt",
             "priced at $19.99 a month",
             [r"(?i)Metabolic Reset[^\n]*\d[\d,.]*\s*(million\s+|thousand\s+)?(members|subscribers|enrollees|sign-ups|customers)\b",
              r"(?i)\d[\d,.]*\s*(million\s+|thousand\s+)?(members|subscribers)[^\n]*Metabolic Reset"]),
    "q006": ("passing_company", "med-metabolic-reset-launch.txt",
             "WW International, which emerged from its Chapter 11 restructuring earlier in the year, has been pushing a similar clinician-led offering.",
             [r"(?i)WW International[^.]*(subscriber|member|revenue|sales)", r"\bWW\b[^\n]*\d[\d,.]*\s*(million\s+)?subscribers"]),
    "q010": ("passing_company", "hayw-q2-2025-results.txt",
             "Pentair, the closest listed rival in pool equipment, flagged a similar mid-single-digit price increase in its latest update.",
             [r"(?i)Pentair[^.]*(sales|revenue|segment|\$)"]),
    "q012": ("product_metric", "hayw-omnix-tariff-surcharge.txt",
             "with a list price of $1,299",
             [r"(?i)OmniX[^\n]*\d[\d,]*\s+(units|controllers|installations|pools)\b",
              r"(?i)OmniX[^\n]*(revenue|sales) (of|reached|totall?ed|was)"]),
    "q016": ("undated_event", "hayward-10k-fy2025-mdna.md",
             "We are opening a new regional distribution centre near Nashville, Tennessee",
             [r"(?i)Nashville[^.]*\b(19|20)\d\d\b",
              r"(?i)Nashville[^.]*\b(fiscal|quarter|spring|summer|autumn|fall|winter|year|" + MONTHS + r")\b",
              r"(?i)\b(19|20)\d\d\b[^.]*Nashville"]),
    "q021": ("segment_figure", "evi-fy2025-results.txt",
             "revenue of $392.7 million",
             [r"(?i)(parts and service|parts|service) revenue", r"(?i)revenue from (parts|service)"]),
    "q022": ("other_measure", "evi-fy2025-results.txt",
             "Adjusted EBITDA rose 18% to $27.4 million",
             [r"EVI[^\n]*(?i:net income)", r"(?i:net income)[^\n]*EVI"]),
    "q024": ("undated_event", "evi-technician-programme.txt",
             "It also agreed to acquire a Pennsylvania-based commercial laundry distributor",
             [r"(?i)Pennsylvania[^.]*\b((19|20)\d\d|Q[1-4]|quarter|month|close[sd]?|closing|complet\w*|" + MONTHS + r")\b",
              r"(?i)pending deal[^.]*\b((19|20)\d\d|quarter|month|close[sd]?|closing|expected)\b"]),
    "q028": ("other_measure", "mnro-q2-fy26-results.txt",
             "Adjusted diluted EPS was $0.21 versus $0.24",
             [r"Monro[^\n]*EBITDA", r"EBITDA[^\n]*Monro"]),
    "q029": ("passing_company", "mnro-q2-fy26-results.txt",
             "Goodyear, one of the company’s largest tire suppliers, said it would raise consumer replacement prices in the United States.",
             [r"(?i)Goodyear[^.]*(volume|units|sales|shipments|\d)"]),
    "q036": ("segment_figure", "glwh-10k-fy2025-mdna.md",
             "38 were Full-Service locations",
             [r"(?i)Full-Service[^\n]*revenue", r"(?i)revenue[^\n]*Full-Service"]),
    "q038": ("other_measure", "twe-fy25-results.txt",
             "EBITS of A$780 million",
             [r"\bNPAT\b", r"(?i)net profit", r"(?i)profit after tax", r"(?i)Treasury Wine[^\n]*net income"]),
    "q043": ("undated_event", "twe-us-destocking.txt",
             "It also agreed to sell its US commercial wine brands to a private buyer for an undisclosed price.",
             [r"(?i)commercial (wine )?brands[^.]*\b((19|20)\d\d|Q[1-4]|quarter|month|complet\w*|close[sd]?|closing|" + MONTHS + r")\b"]),
    "q047": ("segment_figure", "cpg-fy25-results.txt",
             "Europe up 6.1%",
             [r"(?i)Europe[^.\n]{0,80}(£|€|\$)\s?\d", r"(?i)Europe(an)? (revenue|sales) (of|was|were|totall?ed)"]),
    "q048": ("passing_company", "cpg-fy25-results.txt",
             "Sodexo, its nearest listed rival, cut its organic growth guidance during the summer.",
             [r"(?i)Sodexo[^.]*\d"]),
    "q049": ("product_metric", "cpg-canteen-go-rollout.txt",
             "began rolling out Canteen Go",
             [r"(?i)Canteen Go[^\n]*(revenue|sales) (of|reached|totall?ed|was|were)",
              r"(?i)Canteen Go[^\n]*(£|\$|€)\s?\d",
              r"(?i)Canteen Go[^\n]*\d[\d,]*\s+(units|fridges|installations|sites|locations)\b"]),
    "q051": ("segment_figure", "edu-fy26q1-results.txt",
             "Overseas test preparation revenue fell 9%",
             [r"(?i)overseas test prep(aration)? revenue[^.]*(\$|RMB)\s?\d",
              r"(?i)(\$|RMB)\s?\d[\d.,]*\s*(million|billion)[^.]*overseas test prep"]),
    "q054": ("product_metric", "edu-speakmate-launch.txt",
             "The app costs RMB 399 a year",
             [r"(?i)SpeakMate[^\n]*\d[\d,.]*\s*(million\s+|thousand\s+)?(users|subscribers|downloads|learners|students)\b",
              r"(?i)SpeakMate[^\n]*(revenue|sales) (of|reached|was)"]),
    "q059": ("undated_event", "qdgr-plant-consolidation.txt",
             "will close its printing plant in Corbin Falls, Ohio",
             [r"(?i)Corbin Falls[^.]*\b((19|20)\d\d|Q[1-4]|quarter|month|spring|summer|autumn|fall|winter|" + MONTHS + r")\b",
              r"Quendrake[^\n]*(plant|Corbin Falls)[^\n]*\b(19|20)\d\d\b"]),
}
# other unanswerable questions: id -> (type, regexes that must match no note)
OTHER_NA = {
    "q066": ("no_coverage", [r"(?i)Herbalife"]),
    "q067": ("no_coverage", [r"(?i)Fluidra"]),
    "q068": ("off_topic", [r"(?i)sourdough", r"(?i)hydration ratio", r"(?i)\bloaf\b"]),
    "q069": ("uncovered_period", [r"\b2019\b", r"(?i)FY ?2019|FY19\b|fiscal 2019"]),
}
TYPOS = {"q044": ("treasry", "treasury"), "q062": ("medifst", "medifast")}


# --------------------------------------------------------------------------
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()


notes = {os.path.basename(p): read(p) for p in sorted(glob.glob(os.path.join(NOTES, "*")))}
short = {k: v for k, v in notes.items() if k.endswith(".txt")}
long_ = {k: v for k, v in notes.items() if k.endswith(".md")}

if not 20 <= len(short) <= 24:
    fail(f"expected ~22 short notes, found {len(short)}")
if len(long_) != 4:
    fail(f"expected 4 long notes, found {len(long_)}")
if set(notes) != set(short) | set(long_):
    fail("unexpected file types in notes/")


def mentions(text, tick):
    name, aliases, _ = COMPANIES[tick]
    return any(re.search(r"(?<![A-Za-z])" + re.escape(a) + r"(?![A-Za-z])", text) for a in aliases)


# ----------------------------- short notes --------------------------------
n_dated = n_ticker_lines = n_curly = 0
two_company = []
short_label = {}
for fn, t in short.items():
    if t.endswith("\n") or t.endswith(" "):
        fail(f"{fn}: trailing newline/space")
    lines = t.split("\n")
    i = 0
    if lines[0] == "":
        i = 1
    elif re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        i = 1
        n_dated += 1
    try:
        news, ana, tag, demo, label, ss, score, ts = lines[i:i + 8]
        extra = lines[i + 8:]
    except ValueError:
        fail(f"{fn}: too few lines")
        continue
    nsent = len(re.findall(r"[.!?](?=\s|$)", news))
    if not 2 <= nsent <= 4:
        fail(f"{fn}: news paragraph has {nsent} sentences")
    if not re.search(r"\d", news):
        fail(f"{fn}: news paragraph without figures")
    nw = len(ana.split())
    if not 150 <= nw <= 300:
        fail(f"{fn}: analytic paragraph has {nw} words")
    if len(tag.split()) > 16 or "Request" in tag:
        fail(f"{fn}: tagline looks wrong: {tag!r}")
    if demo not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{fn}: bad demo/sentiment line {demo!r}")
    if label not in LABELS:
        fail(f"{fn}: bad label {label!r}")
    if ss != "Sentiment Score" or ts != "Ticker Sentiment":
        fail(f"{fn}: bad sentiment block")
    try:
        sc = float(score)
        if not -1 <= sc <= 1:
            fail(f"{fn}: score out of range")
    except ValueError:
        fail(f"{fn}: score not a number")
    short_label[fn] = label
    if extra:
        n_ticker_lines += 1
        for ln in extra:
            m = re.fullmatch(r"(\S+) (-?\d\.\d\d)", ln)
            if not m or m.group(1) not in COMPANIES:
                fail(f"{fn}: bad ticker line {ln!r}")
            elif not mentions(t, m.group(1)):
                fail(f"{fn}: ticker line for unmentioned company {ln}")
    if "’" in t:
        n_curly += 1
    covered = [k for k in COMPANIES if mentions(news, k)]
    if len(covered) >= 2:
        two_company.append(fn)
    if not covered:
        fail(f"{fn}: news paragraph names no covered company")

if not 8 <= n_dated <= 14:
    fail(f"dated notes: {n_dated} (want about half)")
if not 8 <= n_ticker_lines <= 14:
    fail(f"notes with ticker lines: {n_ticker_lines} (want about half)")
if n_curly < 3:
    fail("too few notes with curly apostrophes")
if len(two_company) != 2:
    fail(f"expected 2 short notes about two covered companies, got {two_company}")
taglines = {short[f].split("\n")[-1] for f in short}  # noqa: F841 (kept simple)

# ----------------------------- long notes ---------------------------------
long_companies = set()
for fn, t in long_.items():
    m = re.match(r"---\n(.*?)\n---\n", t, re.S)
    if not m:
        fail(f"{fn}: no front matter")
        continue
    fm = dict(re.findall(r"^(\w+): (.+)$", m.group(1), re.M))
    for key in ("company", "ticker", "title", "date"):
        if key not in fm:
            fail(f"{fn}: front matter lacks {key}")
    if fm.get("ticker") not in COMPANIES:
        fail(f"{fn}: unknown ticker {fm.get('ticker')}")
    else:
        long_companies.add(fm["ticker"])
        if COMPANIES[fm["ticker"]][0] not in fm.get("company", "") and fm.get("company", "") not in COMPANIES[fm["ticker"]][0]:
            fail(f"{fn}: company/ticker mismatch")
    body = t[m.end():]
    nw = len(body.split())
    if not 800 <= nw <= 1500:
        fail(f"{fn}: {nw} words")
    if not re.search(r"^\|[^\n]*FY2024[^\n]*FY2025[^\n]*\|$", body, re.M):
        fail(f"{fn}: no FY2024/FY2025 table")
    if "Overall Sentiment" in body or "Ticker Sentiment" in body:
        fail(f"{fn}: long note has a sentiment block")
    if not re.search(r"\b(we|We|the Company)\b", body):
        fail(f"{fn}: no 'we'/'the Company' prose")
    paras = [p for p in body.split("\n") if p and not p.startswith(("#", "|", "-"))]
    named = sum(1 for p in paras if mentions(p, fm.get("ticker", "MED")))
    if named * 2 >= len(paras):
        fail(f"{fn}: company named in {named}/{len(paras)} paragraphs")
real_long = {k for k in long_companies if not COMPANIES[k][2]}
inv_long = {k for k in long_companies if COMPANIES[k][2]}
if len(real_long) != 2 or len(inv_long) != 1:
    fail(f"long notes should cover 2 real + 1 invented company, got {long_companies}")

# ----------------------------- companies ----------------------------------
for tick, (name, aliases, invented) in COMPANIES.items():
    on = [f for f in notes if mentions(notes[f], tick)]
    if not on:
        fail(f"no notes on {tick}")
    if invented:
        for f in short:
            if mentions(short[f], tick) and f"{name} ({tick})" not in short[f]:
                fail(f"{f}: invented company not tied to ticker as 'Name (TICK)'")
if sum(1 for c in COMPANIES.values() if not c[2]) != 7 or sum(1 for c in COMPANIES.values() if c[2]) != 2:
    fail("need 7 real + 2 invented companies")
for tick, name in PASSING.items():
    hits = [(f, s) for f, t in notes.items() for s in re.split(r"(?<=[.!?])\s+", t) if name in s]
    if len(hits) != 1:
        fail(f"passing company {name} mentioned in {len(hits)} sentences: {hits}")
for tick, name in NO_COVERAGE.items():
    if any(name.lower() in t.lower() for t in notes.values()):
        fail(f"no-coverage company {name} appears in a note")

# ----------------------------- exclusions ---------------------------------
qa_path = os.path.join(HERE, "qa.jsonl")
qa = [json.loads(l) for l in read(qa_path).splitlines() if l.strip()]
texts = dict(notes)
texts["qa.jsonl questions"] = "\n".join(q["question"] for q in qa)
texts["qa.jsonl tickers"] = "\n".join(str(q.get("ticker")) for q in qa)
for where, t in texts.items():
    for tk in EXCL_TICKERS:
        if re.search(r"(?<![A-Za-z0-9.])" + re.escape(tk) + r"(?![A-Za-z0-9])", t):
            fail(f"{where}: excluded ticker {tk}")
    low = t.lower()
    for nm in EXCL_NAMES:
        if re.search(r"(?<![a-z])" + re.escape(nm.lower()) + r"(?![a-z])", low):
            fail(f"{where}: excluded company name {nm}")
    for w in EXCL_WORDS:
        if w.lower() in low:
            fail(f"{where}: excluded invented word {w}")
for tick in list(COMPANIES) + list(PASSING) + list(NO_COVERAGE):
    if tick in EXCL_TICKERS:
        fail(f"ticker {tick} is excluded")

# ----------------------------- questions ----------------------------------
ALLOWED = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind",
           "follows", "near_miss", "unknown_company", "typo"}
counts = {k: 0 for k in EXPECTED_KINDS}
near_counts = {}
unknown_n = unknown_na = 0
for n, q in enumerate(qa, 1):
    qid = q.get("id")
    if qid != "q%03d" % n:
        fail(f"id out of order at line {n}: {qid}")
    if set(q) - ALLOWED or not {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind"} <= set(q):
        fail(f"{qid}: bad field set {sorted(q)}")
    if q["question"] != q["question"].lower():
        fail(f"{qid}: question not lowercase")
    for g in q["gold_notes"]:
        if g not in notes:
            fail(f"{qid}: gold note {g} missing")
    gold_text = "\n".join(notes.get(g, "") for g in q["gold_notes"]).lower()
    for kw in q["answer_keywords"]:
        if kw.lower() not in gold_text:
            fail(f"{qid}: keyword {kw!r} not in gold notes")
    kind = q["kind"]
    if q.get("unknown_company"):
        unknown_n += 1
        if q["ticker"] is not None and not COMPANIES.get(q["ticker"], ("", [], False))[2]:
            fail(f"{qid}: unknown_company on a real ticker")
    if q["ticker"] is not None and q["ticker"] not in COMPANIES and q["ticker"] not in PASSING and q["ticker"] not in NO_COVERAGE:
        fail(f"{qid}: unknown ticker {q['ticker']}")
    if kind == "no_answer":
        counts["no_answer"] += 1
        if q["gold_notes"] or q["answer_keywords"]:
            fail(f"{qid}: no_answer with gold/keywords")
        if q.get("unknown_company"):
            unknown_na += 1
        if "near_miss" in q:
            if qid not in NEAR or NEAR[qid][0] != q["near_miss"]:
                fail(f"{qid}: near miss not registered in NEAR")
                continue
            nk, nnote, ntext, regs = NEAR[qid]
            near_counts[nk] = near_counts.get(nk, 0) + 1
            if ntext not in notes.get(nnote, ""):
                fail(f"{qid}: near text not verbatim in {nnote}")
            regs_ = regs
        else:
            if qid not in OTHER_NA:
                fail(f"{qid}: unregistered no_answer")
                continue
            regs_ = OTHER_NA[qid][1]
        for r in regs_:
            for f, t in notes.items():
                m = re.search(r, t)
                if m:
                    fail(f"{qid}: absent-fact regex {r!r} matches {f}: {m.group(0)[:80]!r}")
        continue
    if not q["gold_notes"] or not q["answer_keywords"]:
        fail(f"{qid}: answerable question without gold/keywords")
    if q.get("typo"):
        counts["typo"] += 1
        bad, good = TYPOS.get(qid, ("", ""))
        if bad not in q["question"] or good in q["question"]:
            fail(f"{qid}: typo question does not misspell the name")
        if kind != "factual":
            fail(f"{qid}: typo question should be factual")
        continue
    if q.get("unknown_company") and kind in ("factual", "risk", "sentiment"):
        counts["unknown_answerable"] += 1
    elif kind in counts:
        counts[kind] += 1
    else:
        fail(f"{qid}: unknown kind {kind}")
    if kind == "follow_up":
        prev = "q%03d" % (n - 1)
        if q.get("follows") != prev:
            fail(f"{qid}: follow_up should follow {prev}")
        elif qa[n - 2]["ticker"] != q["ticker"]:
            fail(f"{qid}: follow_up ticker differs from parent")
        if len(q["question"].split()) > 6:
            fail(f"{qid}: follow_up should be a short pronoun/ellipsis question")
    if kind == "comparison":
        if q["ticker"] is not None:
            fail(f"{qid}: comparison ticker must be null")
        cos = {k for k in COMPANIES for g in q["gold_notes"] if mentions(notes[g], k)}
        if len(cos) < 2:
            fail(f"{qid}: comparison gold covers {cos}")
    if kind == "sentiment":
        tick = q["ticker"]
        want = {f for f in short if mentions(short[f], tick)}
        if set(q["gold_notes"]) != want:
            fail(f"{qid}: sentiment gold {sorted(q['gold_notes'])} != short notes on {tick} {sorted(want)}")
        if {k.lower() for k in q["answer_keywords"]} != {short_label[g] for g in q["gold_notes"] if g in short_label}:
            fail(f"{qid}: sentiment keywords != gold labels")
    if kind == "general":
        if q["ticker"] is not None:
            fail(f"{qid}: general ticker must be null")
        want = {f for f, t in notes.items() if re.search(THEMES[qid], t)}
        if set(q["gold_notes"]) != want:
            fail(f"{qid}: general gold {sorted(q['gold_notes'])} != theme notes {sorted(want)}")
    if kind in ("factual", "risk") and q["ticker"] is not None:
        for g in q["gold_notes"]:
            if not mentions(notes[g], q["ticker"]):
                fail(f"{qid}: gold {g} does not mention {q['ticker']}")

for k, v in EXPECTED_KINDS.items():
    if counts[k] != v:
        fail(f"count {k}: {counts[k]} != {v}")
for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
    if near_counts.get(k, 0) != 4:
        fail(f"near_miss {k}: {near_counts.get(k, 0)} != 4")
if unknown_n < 7 or unknown_na != 2:
    fail(f"unknown_company questions: {unknown_n} (>=7), unanswerable {unknown_na} (==2)")
long_factual = [q for q in qa if q["kind"] == "factual" and not q.get("typo") and not q.get("unknown_company")
                and all(g.endswith(".md") for g in q["gold_notes"])]
if len(long_factual) != 4:
    fail(f"factual questions from long notes: {len(long_factual)} != 4")
for qid in list(NEAR) + list(OTHER_NA):
    if qid not in {q["id"] for q in qa if q["kind"] == "no_answer"}:
        fail(f"{qid}: registered as unanswerable but not no_answer in qa.jsonl")

if ERR:
    print("\n".join(ERR))
    print(f"FAILED ({len(ERR)})")
    sys.exit(1)
print("OK")
