#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder.

Run `python3 check.py`; prints OK when every check passes, otherwise lists the problems
and exits with status 1. Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
problems = []


def fail(msg):
    problems.append(msg)


# ---------------------------------------------------------------- exclusions
TICKERS = ['000333.SZ', '010140.KS', '035420.KS', '1810.HK', '2310.SR', '2317.TW', '2454.TW', '329180.KS', '3690.HK', '373220.KS', '6954.T', '7010.SR', '8TRA.ST', 'AAGIY', 'AAPL', 'ABBV', 'AC.PA', 'ACI', 'ACVA', 'ADS', 'ADT', 'ADYEY', 'AER', 'AFG', 'AGCO', 'AJG', 'ALB', 'ALC', 'ALGN', 'ALL', 'ALRM', 'AMAT', 'AMD', 'AMKBY', 'AML', 'AMT', 'AMZN', 'AOS', 'APD', 'APTV', 'ARLS', 'ASHF', 'ASML', 'ASR', 'AUVN', 'AVFR', 'AVGO', 'AWK', 'AWR', 'AZUL4.SA', 'BA', 'BABA', 'BAC', 'BALL', 'BAS', 'BBRI.JK', 'BBVA.MC', 'BEEF3.SA', 'BF.B', 'BFGX', 'BHP', 'BIDU', 'BJ', 'BKCA', 'BKNG', 'BKWA', 'BLBD', 'BLCO', 'BLDR', 'BMBL', 'BMW.DE', 'BNS', 'BRMF', 'BRO', 'BRWF', 'BSX', 'BTI', 'BUD', 'BWA', 'BWTR', 'BWU', 'BXP', 'BYDDY', 'C.H', 'CAG', 'CAR', 'CARG', 'CAT', 'CBA', 'CBRG', 'CCJ', 'CCK', 'CCL', 'CCO', 'CCOEY', 'CDNS', 'CDVF', 'CDWB', 'CE', 'CF', 'CFRL', 'CHDN', 'CHTR', 'CHWY', 'CIEN', 'CLS', 'CLWU', 'CME', 'CMG', 'CMIN3.SA', 'CMP', 'CNI', 'COHU', 'COL.AX', 'CON', 'COO', 'COST', 'CPA', 'CRDF', 'CRDO', 'CRM', 'CRVN', 'CRVT', 'CRWD', 'CSV', 'CTAS', 'CTVA', 'CUBE', 'CVNX', 'CVSG.L', 'CVX', 'CWH', 'CWT', 'CX', 'CYH', 'CZR', 'D05.SI', 'DAL', 'DBD', 'DE', 'DEMANT', 'DEO', 'DGX', 'DHI', 'DIS', 'DKNG', 'DKS', 'DLR', 'DNHD', 'DOW', 'DRI', 'DUOL', 'DVGS', 'EA', 'EADSY', 'EBR', 'ECL', 'EL', 'ELGR', 'EMN', 'EMP-A.TO', 'EMTS', 'ENB', 'ENEL.MI', 'ENPH', 'EPI-A.ST', 'EQIX', 'EQTL3.SA', 'ERJ', 'EVRG', 'EXP', 'EXPD', 'EZPW', 'F', 'FAF', 'FAST', 'FCFS', 'FCX', 'FDX', 'FER', 'FER.MC', 'FGP', 'FHAS', 'FLNC', 'FLUT', 'FMG', 'FNF', 'FNMR', 'FORM', 'FRO', 'FSLR', 'FUN', 'FYBP', 'GATX', 'GD', 'GE', 'GHRC', 'GIS', 'GLMF', 'GLPI', 'GMED', 'GMEL', 'GN.CO', 'GNFG', 'GNNDY', 'GOLF', 'GOOGL', 'GPK', 'GS', 'GWW', 'HAL', 'HAS', 'HBAN', 'HBDP', 'HCA', 'HCMLY', 'HD', 'HDB', 'HEIA.AS', 'HESAY', 'HGBP', 'HII', 'HLT', 'HLVB', 'HLVM', 'HLVR', 'HMAR', 'HMFR', 'HMRX', 'HON', 'HOOD', 'HRI', 'HTZ', 'HUBB', 'HUM', 'HVBX', 'HVRB', 'HYMTF', 'IBKR', 'IBN', 'IFF', 'IHG', 'ILMN', 'IMP.JO', 'INFY', 'INTC', 'IRDM', 'ISRG', 'ITOCY', 'ITUB', 'ITX.MC', 'JAKK', 'JAZZ', 'JD', 'JDW.L', 'JPM', 'KBZF', 'KDEX', 'KEY', 'KGRD', 'KGSX', 'KHC', 'KMX', 'KNEBV', 'KNSL', 'KNX', 'KO', 'KOF', 'KOG', 'KORB', 'KPSG', 'KR', 'KSTL', 'KTWY', 'L.TO', 'LAD', 'LAMR', 'LAZY', 'LDO', 'LESL', 'LH', 'LI', 'LIN', 'LKSP', 'LLY', 'LMND', 'LMT', 'LMVQ', 'LOPE', 'LPL', 'LRCX', 'LSCC', 'LTH', 'LTM', 'LVMUY', 'LVS', 'LVTG', 'LXS.DE', 'LYB', 'LYFT', 'MA', 'MAERSK-B.CO', 'MAN', 'MAR', 'MARUY', 'MAT', 'MATW', 'MBKD', 'MCD', 'MCG', 'MCHP', 'MCK', 'MCRI', 'MCW', 'MDT', 'MELI', 'META', 'MGM', 'MMYT', 'MNST', 'MO', 'MODG', 'MONC.MI', 'MOS', 'MOWI', 'MOWI.OL', 'MPNGY', 'MRGF', 'MRGL', 'MRGX', 'MRNA', 'MRP.JO', 'MRU', 'MRVH', 'MRWF', 'MRWG', 'MRWP', 'MSFT', 'MTCH', 'MTN', 'MTW', 'MU', 'MWTC', 'NBIX', 'NBKI', 'NCIG', 'NCLH', 'NDVK', 'NEE', 'NEM', 'NESN', 'NFLX', 'NIO', 'NKE', 'NOW', 'NSC', 'NTDOY', 'NTR', 'NU', 'NUE', 'NVDA', 'NVO', 'ODFL', 'ODPX', 'OFSY', 'OGSX', 'OLVN', 'ONDV', 'ORCL', 'OTIS', 'OUT', 'OVBX', 'PAAS', 'PAC', 'PANW', 'PASH', 'PATK', 'PAYX', 'PCH', 'PDD', 'PDRDY', 'PENN', 'PETS', 'PFE', 'PFHL', 'PG', 'PGR', 'PKG', 'PLD', 'PLNT', 'PLS.AX', 'PLTR', 'PLWS', 'PM', 'PNHA', 'PNW', 'PODD', 'POOL', 'PPC', 'PPG', 'PPRUY', 'PRKS', 'PSA', 'PSMMY', 'PSN.L', 'PUK', 'PWCC', 'PYPL', 'QDEL', 'QFS', 'QLFB', 'QLFN', 'QLFR', 'QLMK', 'QLYS', 'QMLX', 'QMRK', 'QNDX', 'QWTR', 'RACE', 'RAND.AS', 'RCL', 'RDY', 'REMYY', 'RHI', 'RHM', 'RKLB', 'RL', 'RMS', 'RUN', 'RVBC', 'RVCX', 'RVMX', 'RXO', 'RYAAY', 'RYN', 'SAF.PA', 'SAIA', 'SALM.OL', 'SAM', 'SAP', 'SATS', 'SBAC', 'SBCX', 'SBH', 'SBS', 'SBUX', 'SCHP', 'SCI', 'SE', 'SEDG', 'SHFY', 'SHOP', 'SHW', 'SITE', 'SKF-B', 'SKYW', 'SLAQ', 'SLB', 'SLF.TO', 'SLR.MC', 'SLVN', 'SLVQ', 'SNOW', 'SNPS', 'SNY', 'SON', 'SONVY', 'SONY', 'SPFL', 'SPOT', 'SQM', 'SSDIY', 'STC', 'STNE', 'STVB', 'SYK', 'SYM', 'T', 'TAH.AX', 'TAP', 'TCEHY', 'TCL', 'TCOM', 'TCS.NS', 'TDWK', 'TEF', 'TENB', 'TER', 'TGSX', 'THC', 'THO', 'TITN', 'TLC.AX', 'TLKM.JK', 'TM', 'TMSB', 'TMUS', 'TNL', 'TOY', 'TPR', 'TREX', 'TRFD', 'TROW', 'TRP.TO', 'TRUP', 'TRV', 'TSLA', 'TSLY', 'TSM', 'TSN', 'TTWO', 'TWI', 'UAL', 'UBER', 'UHR', 'UHS', 'ULTA', 'UMC', 'UMICY', 'UNF', 'UNH', 'UNP', 'UPM.HE', 'UPS', 'URI', 'UUGRY', 'UUUU', 'V', 'VALE', 'VDMK', 'VEOEY', 'VLMQ', 'VLTS', 'VMC', 'VOD', 'VOLV-B', 'VRDB', 'VRHB', 'VRNE', 'VRT', 'VRTX', 'VSAT', 'VTPN', 'VYDS', 'VYX', 'VZ', 'WAB', 'WAL', 'WBD', 'WCN', 'WERN', 'WFC', 'WFRD', 'WGO', 'WH', 'WING', 'WIT', 'WLN', 'WM', 'WMT', 'WOOF', 'WOW', 'WSO', 'WTRG', 'WTW', 'WXCB', 'WY', 'XEL', 'XIACY', 'XOM', 'XPEV', 'XRAY', 'XYL', 'YRWL', 'ZBH', 'ZIM', 'ZION', 'ZPHS', 'ZS', 'ZTS', 'PEO.WA', 'PGSUS.IS', 'COH.AX', 'IBE.MC', 'SHREECEM.NS', '9020.T', 'SSW.JO', 'ESLT.TA', 'CENCOSUD.SN', 'KPTR.JO', 'DLMH.MI', 'CNK', 'ALX.AX', 'OMF', 'MBUU', 'ERF.PA', 'NOMD', 'TRN', 'GVDL', 'PRWK', 'IMAX', 'GBX', 'BC', 'LW', 'MCS', 'MCFT', 'ROL', 'SMG', 'SNBR', 'REVG', 'CVCO', 'EYE', 'WNC', 'BKMR', 'TLVA', 'RTO', 'SGI', 'SKY', 'WRBY', 'TEX', 'CFR', 'BBCA.JK', 'KBANK.BK', 'JFC.PS', 'STERV.HE', 'UCB.BR', 'WIE.VI', '7113.KL', '090430.KS', '9921.TW', 'VSMR.OL', 'PYLX', 'CEN.NZ', 'VSTS', 'LUCK', 'NCMI', 'EXR', 'DVA', 'TTC', 'ITIC', 'OBMP', 'WHWS', 'ARMK', 'AMC', 'FME', 'HUSQ-B.ST', 'LNN', 'RHP', 'OMAB.MX', 'FALABELLA.SN', 'CEZ.PR', 'PKO.WA', 'COLO-B.CO', '3382.T', 'ASIANPAINT.NS', 'SHP.JO', 'TRNV.WA', 'GRSH']
NAMES = ['Alibaba', 'Tencent', 'Apple', 'Nvidia', 'Heineken', 'Foxconn', 'MediaTek', 'Camping World', 'Churchill Downs', 'Bank Pekao', 'Pegasus', 'Cochlear', 'Iberdrola', 'Shree Cement', 'JR East', 'Sibanye', 'Elbit', 'Cencosud', 'Cinemark', 'Atlas Arteria', 'OneMain', 'Malibu Boats', 'Eurofins', 'Nomad Foods', 'Trinity Industries', 'IMAX', 'Greenbrier', 'Brunswick', 'Lamb Weston', 'Marcus', 'MasterCraft', 'Rollins', 'Scotts Miracle-Gro', 'Sleep Number', 'REV Group', 'Cavco', 'National Vision', 'Wabash', 'Rentokil', 'Somnigroup', 'Skyline Champion', 'Warby Parker', 'Terex', 'Cullen/Frost', 'Bank Central Asia', 'Kasikornbank', 'Jollibee', 'Stora Enso', 'UCB', 'Wienerberger', 'Top Glove', 'Amorepacific', 'Giant Manufacturing', 'Contact Energy', 'Vestis', 'Lucky Strike', 'National CineMedia', 'Extra Space', 'DaVita', 'Toro', 'Investors Title', 'OMA', 'Falabella', 'CEZ', 'PKO', 'Coloplast', 'Seven & i', 'Asian Paints', 'Shoprite', 'Aramark', 'Fresenius', 'Husqvarna', 'Life Storage', 'Lindsay', 'Ryman']
INVENTED_WORDS = ['Strandholm', 'Pinfall', 'Solvane', 'Quillmark', 'Pellworth', 'Nordavik', 'Lumarel', 'Corvane', 'Caldwater', 'Brightfold', 'Zephrin', 'Yarrowline', 'Wexcombe', 'Veyrona', 'Verdalis', 'Vellamo', 'Veldmark', 'Varnholt', 'Vantorre', 'Trellisford', 'Thistledown', 'Tidewrack', 'Tamsin', 'Talaris', 'Stourhaven', 'Sorrelpine', 'Saltmarsh', 'Sablecrest', 'Rivetline', 'Ravensby', 'Quennick', 'Quarrendon', 'Penhallow', 'Ostrander', 'Orvella', 'Orvane', 'Orrin', 'Ondrava', 'Nettlebrook', 'Mirevo', 'Marrowgate', 'Marrowby', 'Marlbeck', 'Lumivane', 'Larkspire', 'Kestrelpoint', 'Kalos', 'Harrowgate', 'Halvorsen', 'Halberd', 'Grenholm', 'Graymoss', 'Glimmerfold', 'Gannetfield', 'Fernhollow', 'Ferncliffe', 'Fenmoor', 'Embergate', 'Ellisgrove', 'Dunhallow', 'Dravemont', 'Corvexa', 'Corrandale', 'Copperjack', 'Cobbleridge', 'Cindervale', 'Calderwyn', 'Brantwood', 'Aurivane', 'Ashcombe', 'Arlenport', 'Ambervale', 'Kiptara', 'Dalmoro', 'Glenvarrow', 'Prairiewick', 'Brackenmoor', 'Tolvaren', 'Vostrand', 'Pyrelith', 'Ossenbrook', 'Whinlatch', 'Tarnovia', 'Grisholt']
# extra names of excluded companies (behind excluded tickers) that this topic area could tempt
EXTRA_NAMES = ["Marriott", "Hilton", "Ferrellgas", "Sonova", "Demant", "GN Store", "Costco",
               "Dentsply", "Align Technology", "Zimmer", "Nutrien", "Mosaic", "Compass Minerals",
               "Acushnet", "ACV Auctions", "CarMax", "Avis", "Hertz", "Robert Half", "ManpowerGroup",
               "Pool Corp", "Leslie", "Service Corporation", "Matthews", "Travel + Leisure",
               "Celanese", "Topgolf", "Callaway", "Cintas", "UniFirst", "Sony", "Nintendo"]

# ---------------------------------------------------------------- the set
COMPANIES = {  # ticker -> (name pattern used in notes, real?)
    "SPH": (r"Suburban", True),
    "HSIC": (r"Henry Schein", True),
    "CPRT": (r"Copart", True),
    "7951.T": (r"Yamaha", True),
    "AMP.MI": (r"Amplifon", True),
    "AMN": (r"AMN Healthcare|\bAMN\b", True),
    "SDF.DE": (r"K\+S", True),
    "BWCA": (r"Brindlewick", False),
    "LTBY": (r"Lanternby", False),
}
INVENTED_TIES = {"BWCA": "Brindlewick Crop Assurance (BWCA)", "LTBY": "Lanternby School Portraits (LTBY)"}
PASSING = {  # company mentioned in passing -> the one note that mentions it
    "AmeriGas": "sph-fy2025-q4-warm-weather.txt",
    "RB Global": "cprt-hurricane-volumes.txt",
    "WS Audiology": "amp-h1-2025-results.txt",
    "Cross Country Healthcare": "amn-q2-2025-results.txt",
}
NO_NOTES_COMPANIES = {"NVST": r"Envista", "SPB.TO": r"Superior Plus"}
JOINT_NOTES = {"sph-bwca-harvest-drying.txt": ("SPH", "BWCA"), "amn-hsic-clinical-labor.txt": ("HSIC", "AMN")}
LONG_COMPANIES = {"HSIC", "CPRT", "BWCA"}
THEMES = {  # general question id -> regex that must hit exactly its gold notes
    "q018": r"(?i)tariff",
    "q040": r"(?i)shortage",
    "q059": r"(?i)buyback|repurchase",
}
LABELS = {"strongly positive", "positive", "mildly positive", "neutral", "mildly negative",
          "negative", "strongly negative"}
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def undated(term):
    """regexes: a dated mention of `term` in the same paragraph, in either order"""
    return [rf"(?i){term}[^\n]*(?:\b(?:19|20)\d\d\b|(?-i:{MONTHS}))",
            rf"(?i)(?:\b(?:19|20)\d\d\b|(?-i:{MONTHS}))[^\n]*{term}"]


# question id -> (note holding the nearby-but-wrong text, that text verbatim, regexes for the asked fact)
NEAR_MISSES = {
    # segment_figure
    "q004": ("hsic-10k-fy2025-segments.md", "| Global Technology | 764 | 823 | 7.7% |",
             [r"(?i)(?:global technology|technology segment)[^.\n]{0,80}operating income[^.\n]{0,40}\d",
              r"(?i)operating income[^.\n]{0,80}(?:global technology|technology segment)[^.\n]{0,40}\d",
              r"(?i)\|\s*(?:global technology|technology)[^|\n]*operating income"]),
    "q025": ("cprt-q4-fy2025-results.txt", "with U.S. service revenues up 9%",
             [r"(?i)international[^.\n]{0,80}revenue[^.\n]{0,40}\d",
              r"(?i)revenues?[^.\n]{0,40}international[^.\n]{0,40}\d"]),
    "q029": ("ks-q3-2025-results.txt", "Revenue in the Agriculture customer segment was €598 million",
             [r"(?i)industry\+[^.\n]{0,120}(?:ebitda|€\s?\d)", r"(?i)ebitda[^.\n]{0,120}industry\+"]),
    "q060": ("bwca-annual-report-2025-mdna.md", "| Multi-peril crop insurance (MPCI) | 1,072.4 | 1,141.9 |",
             [r"(?i)crop-hail[^.\n]{0,80}\d", r"(?i)\|\s*crop-hail"]),
    # passing_company
    "q008": ("sph-fy2025-q4-warm-weather.txt", "has been shedding residential customers for several years",
             [r"(?i)amerigas[^.]{0,200}\d"]),
    "q016": ("amp-h1-2025-results.txt", "has been pushing its own retail partners harder in Germany",
             [r"(?i)ws audiology[^.]{0,200}(?:\d|revenue|growth)"]),
    "q031": ("cprt-hurricane-volumes.txt", "has pursued a similar surge strategy but has less spare land in the Southeast",
             [r"(?i)rb global[^.]{0,200}(?:\d|margin|ebitda)"]),
    "q041": ("amn-q2-2025-results.txt", "whose pending sale to a private buyer has dragged on for more than a year",
             [r"(?i)cross country[^.]{0,200}(?:\d|revenue)"]),
    # product_metric
    "q017": ("amp-live-care-launch.txt", "at €9.90 per month",
             [r"(?i)live care[^.]{0,200}(?:subscribers|users|sign-?ups)", r"(?i)\d[\d,.]*\s*(?:subscribers|users)\b"]),
    "q032": ("yamaha-clavinova-launch.txt", "at a list price of ¥495,000 in Japan and $6,999 in the United States",
             [r"(?i)csp-395gp[^.]{0,200}(?:sold|units|shipped)", r"(?i)\d[\d,.]*\s*(?:units|pianos|instruments)\s+(?:sold|shipped)"]),
    "q036": ("ltby-keepsake-app.txt", "for $4.99 per month or $39 per year",
             [r"(?i)keepsake[^.]{0,200}(?:subscribers|families|downloads)[^.]{0,20}\d",
              r"(?i)\d[\d,.]*\s*(?:subscribers|families|downloads)\b"]),
    "q064": ("amn-talent-direct-launch.txt", "Hospitals pay a platform fee of 2.5% of gross spend",
             [r"(?i)talent direct[^.]{0,200}(?:revenue|\$\s?\d)",
              r"(?i)(?:revenue|contribution)[^.]{0,60}(?:talent direct|module)[^.]{0,60}\d"]),
    # undated_event
    "q020": ("sph-rng-wisconsin.txt", "has completed the acquisition of a dairy-manure renewable natural gas facility in Columbia County, Wisconsin",
             undated("(?:Wisconsin|Columbia County)")),
    "q039": ("hsic-10k-fy2025-segments.md", "we have acquired a majority interest in OrtoVale", undated("OrtoVale")),
    "q051": ("cprt-10k-fy2025-mdna.md", "we have completed the rollout of VB4", undated("VB4")),
    "q055": ("ks-de-icing-salt-contract.txt", "has signed a five-year de-icing salt supply agreement with Rijkswaterstaat",
             undated("Rijkswaterstaat")),
    # other_measure
    "q044": ("sph-fy2025-q4-warm-weather.txt", "adjusted EBITDA came in at $271.5 million",
             [r"(?i)(?:suburban|partnership)[^.]{0,200}net (?:income|loss|earnings)",
              r"(?i)net (?:income|loss|earnings)[^.]{0,200}(?:suburban|partnership)"]),
    "q010": ("yamaha-h1-fy2025-results.txt", "core operating profit falling 21% to ¥18.9 billion",
             [r"(?i)yamaha[^\n]*net (?:profit|income)", r"(?i)(?:profit|income) attributable"]),
    "q057": ("amp-h1-2025-results.txt", "Recurring EBITDA margin was 23.6%",
             [r"\bEBIT\b", r"(?i)amplifon[^\n]*operating margin"]),
    "q022": ("amn-q2-2025-results.txt", "Adjusted EBITDA margin was 9.4%",
             [r"(?i)(?:AMN|Nurse and Allied)[^\n]*gross margin[^.]{0,60}\d"]),
}
OTHER_NO_ANSWER = {  # id -> (reason, regexes that must match no note)
    "q047": ("real company without notes", [r"(?i)envista", r"\bNVST\b"]),
    "q065": ("real company without notes", [r"(?i)superior plus", r"\bSPB\b"]),
    "q067": ("off-topic", [r"(?i)risotto|recipe"]),
    "q068": ("period no note covers", [r"\b2019\b", r"(?i)fy ?19\b"]),
}
EXPECTED_KINDS = {"factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3,
                  "sentiment": 3, "no_answer": 24}


def load_notes():
    notes = {}
    for fn in sorted(os.listdir(NOTES)):
        with open(os.path.join(NOTES, fn), encoding="utf-8") as f:
            notes[fn] = f.read()
    return notes


def check_short(fn, text):
    if text.endswith("\n"):
        fail(f"{fn}: trailing newline")
    lines = text.split("\n")
    i = 0
    dated = False
    if lines[0] == "":
        i = 1
    elif re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
        i = 1
        dated = True
    news, analytic, tagline = lines[i:i + 3]
    rest = lines[i + 3:]
    nsent = len(re.findall(r"[.!?](?:\s|$)", news))
    if not 2 <= nsent <= 4:
        fail(f"{fn}: news paragraph has {nsent} sentences")
    if not re.search(r"\d", news):
        fail(f"{fn}: news paragraph without figures")
    nw = len(analytic.split())
    if not 150 <= nw <= 300:
        fail(f"{fn}: analytic paragraph has {nw} words")
    if "Request" in tagline or len(tagline.split()) > 16:
        fail(f"{fn}: tagline looks wrong: {tagline!r}")
    if len(rest) < 5 or rest[0] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        fail(f"{fn}: sentiment block start wrong: {rest[:1]}")
        return dated, None, []
    label, hdr, score, tsent = rest[1:5]
    if label not in LABELS:
        fail(f"{fn}: unknown label {label!r}")
    if hdr != "Sentiment Score" or tsent != "Ticker Sentiment":
        fail(f"{fn}: sentiment block headers wrong")
    try:
        s = float(score)
        if not -1 <= s <= 1:
            fail(f"{fn}: score out of range")
    except ValueError:
        fail(f"{fn}: score not a number {score!r}")
    tlines = rest[5:]
    for tl in tlines:
        m = re.fullmatch(r"(\S+) (-?\d\.\d\d)", tl)
        if not m or m.group(1) not in COMPANIES:
            fail(f"{fn}: bad ticker line {tl!r}")
    return dated, label, tlines


def check_long(fn, text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        fail(f"{fn}: no front matter")
        return None
    fm = dict(l.split(": ", 1) for l in m.group(1).split("\n"))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            fail(f"{fn}: front matter lacks {k}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")):
        fail(f"{fn}: bad date")
    body = text[m.end():]
    nw = len(body.split())
    if not 800 <= nw <= 1500:
        fail(f"{fn}: long note has {nw} words")
    if not re.search(r"^\|.*FY20\d\d.*FY20\d\d", body, re.M):
        fail(f"{fn}: no fiscal-year table")
    if re.search(r"Sentiment", body):
        fail(f"{fn}: long note has a sentiment block")
    paras = [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "|"))]
    name = COMPANIES[fm["ticker"]][0]
    named = sum(1 for p in paras if re.search(name, p))
    if named * 2 > len(paras):
        fail(f"{fn}: most paragraphs name the company ({named}/{len(paras)})")
    return fm["ticker"]


def check_exclusions(where, text, lowercase_question=False):
    toks = set(t.rstrip(".") for t in re.findall(r"(?<![A-Za-z0-9])(?:[A-Z0-9][A-Z0-9.\-]*[A-Z0-9]|[A-Z])(?![a-z0-9])", text))
    for t in toks & set(TICKERS):
        fail(f"{where}: excluded ticker {t}")
    if lowercase_question:
        low = {t.lower() for t in TICKERS if len(t) >= 3}
        for t in set(re.findall(r"[a-z0-9][a-z0-9.\-]*[a-z0-9]", text)) & low:
            fail(f"{where}: word equal to an excluded ticker: {t}")
    for n in NAMES + EXTRA_NAMES + INVENTED_WORDS:
        if re.search(r"(?i)(?<![A-Za-z])" + re.escape(n) + r"(?![A-Za-z])", text):
            fail(f"{where}: excluded name/word {n!r}")


def main():
    notes = load_notes()
    shorts = {k: v for k, v in notes.items() if k.endswith(".txt")}
    longs = {k: v for k, v in notes.items() if k.endswith(".md")}
    if not (20 <= len(shorts) <= 24 and len(longs) == 4):
        fail(f"note counts: {len(shorts)} short, {len(longs)} long")

    # ---- short notes
    labels, dated_n, tickerline_n, curly_n = {}, 0, 0, 0
    for fn, t in shorts.items():
        dated, label, tlines = check_short(fn, t)
        labels[fn] = label
        dated_n += dated
        tickerline_n += bool(tlines)
        curly_n += "\u2019" in t
        mentioned = [tk for tk, (pat, _) in COMPANIES.items() if re.search(pat, t)]
        if fn in JOINT_NOTES:
            if set(mentioned) != set(JOINT_NOTES[fn]):
                fail(f"{fn}: joint note covers {mentioned}")
        elif len(mentioned) != 1:
            fail(f"{fn}: should cover one company, covers {mentioned}")
        for tl in tlines:
            if tl.split() and tl.split()[0] not in mentioned:
                fail(f"{fn}: ticker line for a company not covered")
    n = len(shorts)
    if not (0.35 * n <= dated_n <= 0.65 * n):
        fail(f"Date lines in {dated_n}/{n} short notes")
    if not (0.35 * n <= tickerline_n <= 0.65 * n):
        fail(f"ticker lines in {tickerline_n}/{n} short notes")
    if curly_n < 3:
        fail("too few notes with curly apostrophes")

    # ---- long notes
    long_tickers = Counter(check_long(fn, t) for fn, t in longs.items())
    if set(long_tickers) != LONG_COMPANIES:
        fail(f"long notes cover {dict(long_tickers)}")

    # ---- companies
    for tk, (pat, real) in COMPANIES.items():
        if not any(re.search(pat, t) for t in notes.values()):
            fail(f"{tk} has no note")
    if sum(r for _, r in COMPANIES.values()) != 7 or len(COMPANIES) != 9:
        fail("need 7 real + 2 invented companies")
    for tk, tie in INVENTED_TIES.items():
        if not any(tie in t for t in shorts.values()):
            fail(f"invented company tie {tie!r} missing")
    for comp, fn in PASSING.items():
        hits = [k for k, t in notes.items() if comp in t]
        if hits != [fn] or notes[fn].count(comp) != 1:
            fail(f"passing company {comp} found in {hits}")
    for tk, pat in NO_NOTES_COMPANIES.items():
        if any(re.search(pat, t) for t in notes.values()):
            fail(f"{tk} should have no notes")

    # ---- questions
    qs = []
    with open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") as f:
        for ln in f:
            qs.append(json.loads(ln))
    byid = {q["id"]: q for q in qs}
    for i, q in enumerate(qs, 1):
        qid = q["id"]
        if qid != "q%03d" % i:
            fail(f"id out of order: {qid}")
        for k in ("question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                fail(f"{qid}: missing {k}")
        allowed = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows",
                   "near_miss", "unknown_company", "typo"}
        if set(q) - allowed:
            fail(f"{qid}: unknown fields {set(q) - allowed}")
        if q["question"] != q["question"].lower():
            fail(f"{qid}: question not lowercase")
        check_exclusions(qid, q["question"], lowercase_question=True)
        if q["ticker"] is not None and q["ticker"] in TICKERS:
            fail(f"{qid}: excluded ticker")
        for g in q["gold_notes"]:
            if g not in notes:
                fail(f"{qid}: gold note {g} missing")
        if q["kind"] == "no_answer":
            if q["gold_notes"] or q["answer_keywords"]:
                fail(f"{qid}: no_answer with gold/keywords")
            continue
        if not q["gold_notes"] or not q["answer_keywords"]:
            fail(f"{qid}: answerable question without gold/keywords")
        gold_text = " ".join(notes.get(g, "") for g in q["gold_notes"]).lower()
        for kw in q["answer_keywords"]:
            if kw.lower() not in gold_text:
                fail(f"{qid}: keyword {kw!r} not in gold notes")
        if q["kind"] == "follow_up":
            if q.get("follows") != "q%03d" % (i - 1):
                fail(f"{qid}: follow_up must follow the previous question")
        elif "follows" in q:
            fail(f"{qid}: follows on a non-follow_up")
        if q["kind"] == "comparison":
            if q["ticker"] is not None:
                fail(f"{qid}: comparison with ticker")
            covered = {tk for tk, (pat, _) in COMPANIES.items() if re.search(pat, gold_text, re.I)}
            if len(covered) < 2:
                fail(f"{qid}: comparison gold covers {covered}")
        if q["kind"] == "sentiment":
            pat = COMPANIES[q["ticker"]][0]
            every = sorted(fn for fn, t in shorts.items() if re.search(pat, t))
            if sorted(q["gold_notes"]) != every:
                fail(f"{qid}: sentiment gold {q['gold_notes']} != {every}")
            if sorted(set(labels[g] for g in every)) != sorted(q["answer_keywords"]):
                fail(f"{qid}: sentiment keywords {q['answer_keywords']} != labels")
        if q["kind"] == "general":
            rx = THEMES[qid]
            every = sorted(fn for fn, t in notes.items() if re.search(rx, t))
            if sorted(q["gold_notes"]) != every:
                fail(f"{qid}: theme gold {q['gold_notes']} != {every}")
        if q.get("typo"):
            if q["kind"] != "factual":
                fail(f"{qid}: typo question must be factual")
            name = COMPANIES[q["ticker"]][0].split("|")[0]
            if name.lower() in q["question"] or q["ticker"].lower() in q["question"]:
                fail(f"{qid}: typo question spells the name correctly")
        if q["ticker"] and q["ticker"] in COMPANIES:
            pat = COMPANIES[q["ticker"]][0]
            if not re.search(pat, gold_text, re.I):
                fail(f"{qid}: gold notes do not mention {q['ticker']}")

    # ---- counts
    unknown = [q for q in qs if q.get("unknown_company")]
    typos = [q for q in qs if q.get("typo")]
    base = [q for q in qs if not q.get("typo") and not (q.get("unknown_company") and q["kind"] != "no_answer"
                                                        and q["kind"] != "comparison")]
    kinds = Counter(q["kind"] for q in base)
    for k, v in EXPECTED_KINDS.items():
        if kinds[k] != v:
            fail(f"kind {k}: {kinds[k]} (want {v})")
    if len(typos) != 2:
        fail(f"typo questions: {len(typos)}")
    if len(unknown) < 7:
        fail(f"unknown_company questions: {len(unknown)}")
    if sum(1 for q in unknown if q["kind"] == "no_answer") != 2:
        fail("need exactly 2 unanswerable unknown_company questions")
    for q in unknown:
        if q["ticker"] not in ("BWCA", "LTBY") and q["kind"] != "comparison":
            fail(f"{q['id']}: unknown_company on a real company")
    for q in qs:
        if q["ticker"] in ("BWCA", "LTBY") and not q.get("unknown_company"):
            fail(f"{q['id']}: invented company question not flagged unknown_company")
    long_factual = [q for q in base if q["kind"] == "factual" and any(g.endswith(".md") for g in q["gold_notes"])]
    if len(long_factual) != 4:
        fail(f"factual from long notes: {len(long_factual)}")
    if not 66 <= len(qs) <= 72:
        fail(f"{len(qs)} questions")

    # ---- near misses and other no-answer questions
    na = [q for q in qs if q["kind"] == "no_answer"]
    nm = Counter(q.get("near_miss") for q in na)
    for k in ("segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"):
        if nm[k] != 4:
            fail(f"near_miss {k}: {nm[k]}")
    if nm[None] != 4:
        fail(f"other no_answer: {nm[None]}")
    for q in na:
        qid = q["id"]
        if q.get("near_miss"):
            if qid not in NEAR_MISSES:
                fail(f"{qid}: near miss not recorded")
                continue
            fn, near, rxs = NEAR_MISSES[qid]
            if near not in notes.get(fn, ""):
                fail(f"{qid}: nearby text not verbatim in {fn}")
        else:
            if qid not in OTHER_NO_ANSWER:
                fail(f"{qid}: no_answer not recorded")
                continue
            rxs = OTHER_NO_ANSWER[qid][1]
        for rx in rxs:
            for k, t in notes.items():
                if re.search(rx, t):
                    fail(f"{qid}: regex {rx!r} matches {k}")
    for k in NEAR_MISSES:
        if byid.get(k, {}).get("kind") != "no_answer":
            fail(f"{k}: recorded as near miss but not no_answer")
    # the undated events are named in exactly one note
    for term in ("Columbia County", "OrtoVale", "VB4", "Rijkswaterstaat"):
        hits = [k for k, t in notes.items() if term in t]
        if len(hits) != 1:
            fail(f"undated event {term} in {hits}")

    # ---- exclusions in all text
    for k, t in notes.items():
        check_exclusions(k, t)
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        check_exclusions("README.md", f.read())

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
