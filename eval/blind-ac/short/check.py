#!/usr/bin/env python3
"""Consistency checker for the blind evaluation set in this folder (stdlib only).

Run `python3 check.py` from anywhere; it prints OK or a list of problems.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES = os.path.join(HERE, "notes")
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December)"

LABELS = {
    "strongly positive": (0.5, 1.0),
    "mildly positive": (0.10, 0.5),
    "neutral": (-0.10, 0.10),
    "mildly negative": (-0.5, -0.10),
    "strongly negative": (-1.0, -0.5),
}

# Companies: ticker -> regex that identifies the company in note text.
COMPANIES = {
    "7309.T": r"Shimano",
    "RGR": r"Ruger",
    "DEC.PA": r"JCDecaux",
    "KWS.DE": r"KWS",
    "BARN.SW": r"Barry Callebaut",
    "GEO": r"\bGEO\b",
    "AI.PA": r"Air Liquide",
    "SNMG": r"Sennacott",
    "PNCO": r"Pinecairn",
}
INVENTED = {"SNMG": "Sennacott Memorial Group", "PNCO": "Pinecairn Outdoor Resorts"}
PASSING = {"CXW": "CoreCivic", "SAX.DE": "Ströer", "LISN.SW": "Lindt", "SWBI": "Smith & Wesson"}

# comparison questions: the two companies each gold set must cover
COMPARE = {
    "q027": ["7309.T", "RGR"],
    "q028": ["KWS.DE", "BARN.SW"],
    "q029": ["GEO", "DEC.PA"],
    "q030": ["AI.PA", "DEC.PA"],
}

# general questions: theme regex; gold must be exactly the notes matching it
THEMES = {
    "q031": r"tariff|trade polic",
    "q032": r"destock|inventory correction|reduced their inventories|working through old inventory",
    "q033": r"buyback|bought back|repurchas",
}

# near misses: note holding the nearby-but-wrong text (verbatim) and regexes for the
# asked fact, which must match no note
NEAR_MISS = {
    "q046": ("shimano-h1-2025-results.txt",
             "bicycle components segment sales rising 6.1% to ¥171.3 billion",
             [r"fishing[^.\n]{0,80}(first half|first-half|H1|1H|six months|2025)",
              r"(first half|first-half|H1|six months)[^.\n]{0,120}fishing"]),
    "q047": ("jcdecaux-h1-2025-results.txt",
             "Street Furniture revenue rose 8.4% to €872 million",
             [r"Transport[^.\n]{0,80}€ ?\d", r"Transport (segment )?revenue[^.\n]{0,60}\d",
              r"€ ?[\d,.]+ (million|billion)[^.\n]{0,40}Transport"]),
    "q048": ("geo-q2-2025-results.txt",
             "U.S. Secure Services revenue of $412.5 million",
             [r"(second quarter|second-quarter|Q2)[^\n]{0,300}monitoring[^.\n]{0,80}\$ ?\d",
              r"monitoring[^.\n]{0,80}\$ ?\d[^.\n]{0,80}(second quarter|second-quarter|Q2)"]),
    "q049": ("sennacott-annual-report-fy2025.md",
             "Funeral segment revenue grew 4.5% to $521.3 million",
             [r"cemetery (and memorial products )?(segment )?(revenue|sales)[^.\n]{0,60}\$ ?\d",
              r"\|\s*Cemetery[^|\n]*(revenue|sales)[^|\n]*\|",
              r"cemetery[^.\n]{0,40}revenue (grew|rose|fell|increased|decreased|of|was)"]),
    "q050": ("geo-q2-2025-results.txt",
             "Peer CoreCivic has also reopened idle facilities for federal use",
             [r"CoreCivic[^.\n]*\d", r"CoreCivic[^.\n]*occupancy"]),
    "q051": ("jcdecaux-h1-2025-results.txt",
             "German rival Ströer has leaned harder into programmatic digital",
             [r"Str(ö|oe)er[^.\n]*\d", r"Str(ö|oe)er[^.\n]*(revenue|growth)"]),
    "q052": ("barry-callebaut-h1-cocoa-squeeze.txt",
             "Premium brand owners such as Lindt & Sprüngli have pushed through repeated retail price rises",
             [r"Lindt[^.\n]*\d"]),
    "q053": ("ruger-q1-2025-results.txt",
             "Smith & Wesson faces the same soft retail backdrop",
             [r"Smith & Wesson[^.\n]*\d", r"Smith & Wesson[^.\n]*(sales|revenue)"]),
    "q054": ("ruger-ridgeback-launch.txt",
             "began shipping to distributors in limited quantities",
             [r"Ridgeback[^.\n]{0,150}(units|sold|revenue|shipped \d)",
              r"\d[\d,]*\s*(units|pistols)\b"]),
    "q055": ("shimano-trailforge-launch.txt",
             "suggested retail price of ¥148,000 for the full kit",
             [r"Trailforge[^.\n]{0,150}(units|sold|revenue|sales of)",
              r"\d[\d,]*\s*(groupsets|kits|units)\b"]),
    "q056": ("jcdecaux-lisbon-airport-concession.txt",
             "VIOOH, the group’s programmatic supply-side platform, which now runs in 18 countries",
             [r"VIOOH[^.\n]{0,150}(revenue|€|\d[\d,]* (advertisers|clients)|million)"]),
    "q057": ("barry-callebaut-volume-guidance-cut.txt",
             "priced about 20% below its standard milk compound",
             [r"Cacao Lite[^.\n]{0,150}(tonnes|revenue|sales of|volume|sold)"]),
    "q058": ("geo-delaney-hall-contract.txt",
             "Delaney Hall had been empty after its previous use ended",
             [r"Delaney Hall[^.\n]{0,150}(open|reactivat|activat|start|began|begin|intake|accept)[^.\n]{0,60}(" + MONTHS[1:-1] + r"|20\d\d|Q[1-4])",
              r"(open|reactivat|start|began|begin|intake|accept)[^.\n]{0,60}Delaney Hall[^.\n]{0,60}(" + MONTHS[1:-1] + r"|20\d\d)"]),
    "q059": ("air-liquide-dresden-normandhy.txt",
             "will supply renewable hydrogen to a neighboring refinery once commissioned",
             [r"Normand.Hy[^.\n]{0,150}(20\d\d|" + MONTHS[1:-1] + r"|Q[1-4])",
              r"(commission|start-up|startup|start up|come online)[^.\n]{0,40}(in|by) (20\d\d|" + MONTHS[1:-1] + r")"]),
    "q060": ("jcdecaux-lisbon-airport-concession.txt",
             "the concession will begin once the current operator’s contract expires",
             [r"Lisbon[^\n]{0,400}(begin|start|commence|take effect)[^.\n]{0,60}(20\d\d|" + MONTHS[1:-1] + r")",
              r"concession[^.\n]{0,60}(begin|start|commence)s? (in|on) "]),
    "q061": ("pinecairn-great-lakes-acquisition.txt",
             "will close once customary approvals are received",
             [r"(Pinecairn|campground|Great Lakes)[^\n]{0,400}clos(e|ing)[^.\n]{0,60}(20\d\d|" + MONTHS[1:-1] + r"|Q[1-4]|quarter)",
              r"expected to close (in|by|during)"]),
    "q062": ("barry-callebaut-h1-cocoa-squeeze.txt",
             "Recurring EBIT rose 15.2% in local currencies to CHF 436 million",
             [r"net (profit|income)[^.\n]{0,60}CHF", r"CHF[^.\n]{0,60}net (profit|income)"]),
    "q063": ("air-liquide-h1-2025-results.txt",
             "The recurring operating margin improved 100 basis points to 21.3%",
             [r"net (profit|income)[^.\n]{0,60}€", r"€[^.\n]{0,60}net (profit|income)",
              r"group share[^.\n]{0,40}€"]),
    "q064": ("shimano-h1-2025-results.txt",
             "Operating income for the six months reached ¥36.9 billion",
             [r"(first half|first-half|six months|H1)[^\n]{0,300}(net income|net profit|profit attributable)",
              r"(net income|net profit|profit attributable)[^.\n]{0,120}(first half|six months|H1)"]),
    "q065": ("ruger-q1-2025-results.txt",
             "diluted earnings of $0.46 per share, down 30% from a year earlier",
             [r"\$135\.7 million[^.\n]{0,60}(up|down|rose|fell|increase|decrease|%)",
              r"Ruger[^.\n]{0,120}net sales (rose|fell|grew|increased|decreased|declined|were up|were down)",
              r"(rose|fell|grew|increased|decreased|declined)[^.\n]{0,20}(to|from) \$135\.7 million"]),
}

# other no_answer questions: regexes that must match no note
NO_NOTE = {
    "q066": [r"Harley"],          # real company with no notes
    "q067": [r"Dollarama"],       # real company with no notes
    "q068": [r"\bPDF\b", r"\bMac\b"],  # off-topic
    "q069": [r"2019", r"FY ?19\b"],   # period no note covers
}

EXPECTED = {
    "factual": 16, "risk": 6, "comparison": 4, "follow_up": 4, "general": 3,
    "sentiment": 3, "typo": 2, "no_answer": 24,
}
NEAR_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

EXCL_TICKERS, EXCL_NAMES, EXCL_WORDS = (['000333.SZ', '010140.KS', '035420.KS', '1810.HK', '2310.SR', '2317.TW', '2454.TW', '329180.KS', '3690.HK', '373220.KS', '6954.T', '7010.SR', '8TRA.ST', 'AAGIY', 'AAPL', 'ABBV', 'AC.PA', 'ACI', 'ACVA', 'ADS', 'ADT', 'ADYEY', 'AER', 'AFG', 'AGCO', 'AJG', 'ALB', 'ALC', 'ALGN', 'ALL', 'ALRM', 'AMAT', 'AMD', 'AMKBY', 'AML', 'AMT', 'AMZN', 'AOS', 'APD', 'APTV', 'ARLS', 'ASHF', 'ASML', 'ASR', 'AUVN', 'AVFR', 'AVGO', 'AWK', 'AWR', 'AZUL4.SA', 'BA', 'BABA', 'BAC', 'BALL', 'BAS', 'BBRI.JK', 'BBVA.MC', 'BEEF3.SA', 'BF.B', 'BFGX', 'BHP', 'BIDU', 'BJ', 'BKCA', 'BKNG', 'BKWA', 'BLBD', 'BLCO', 'BLDR', 'BMBL', 'BMW.DE', 'BNS', 'BRMF', 'BRO', 'BRWF', 'BSX', 'BTI', 'BUD', 'BWA', 'BWTR', 'BWU', 'BXP', 'BYDDY', 'C.H', 'CAG', 'CAR', 'CARG', 'CAT', 'CBA', 'CBRG', 'CCJ', 'CCK', 'CCL', 'CCO', 'CCOEY', 'CDNS', 'CDVF', 'CDWB', 'CE', 'CF', 'CFRL', 'CHDN', 'CHTR', 'CHWY', 'CIEN', 'CLS', 'CLWU', 'CME', 'CMG', 'CMIN3.SA', 'CMP', 'CNI', 'COHU', 'COL.AX', 'CON', 'COO', 'COST', 'CPA', 'CRDF', 'CRDO', 'CRM', 'CRVN', 'CRVT', 'CRWD', 'CSV', 'CTAS', 'CTVA', 'CUBE', 'CVNX', 'CVSG.L', 'CVX', 'CWH', 'CWT', 'CX', 'CYH', 'CZR', 'D05.SI', 'DAL', 'DBD', 'DE', 'DEMANT', 'DEO', 'DGX', 'DHI', 'DIS', 'DKNG', 'DKS', 'DLR', 'DNHD', 'DOW', 'DRI', 'DUOL', 'DVGS', 'EA', 'EADSY', 'EBR', 'ECL', 'EL', 'ELGR', 'EMN', 'EMP-A.TO', 'EMTS', 'ENB', 'ENEL.MI', 'ENPH', 'EPI-A.ST', 'EQIX', 'EQTL3.SA', 'ERJ', 'EVRG', 'EXP', 'EXPD', 'EZPW', 'F', 'FAF', 'FAST', 'FCFS', 'FCX', 'FDX', 'FER', 'FER.MC', 'FGP', 'FHAS', 'FLNC', 'FLUT', 'FMG', 'FNF', 'FNMR', 'FORM', 'FRO', 'FSLR', 'FUN', 'FYBP', 'GATX', 'GD', 'GE', 'GHRC', 'GIS', 'GLMF', 'GLPI', 'GMED', 'GMEL', 'GN.CO', 'GNFG', 'GNNDY', 'GOLF', 'GOOGL', 'GPK', 'GS', 'GWW', 'HAL', 'HAS', 'HBAN', 'HBDP', 'HCA', 'HCMLY', 'HD', 'HDB', 'HEIA.AS', 'HESAY', 'HGBP', 'HII', 'HLT', 'HLVB', 'HLVM', 'HLVR', 'HMAR', 'HMFR', 'HMRX', 'HON', 'HOOD', 'HRI', 'HTZ', 'HUBB', 'HUM', 'HVBX', 'HVRB', 'HYMTF', 'IBKR', 'IBN', 'IFF', 'IHG', 'ILMN', 'IMP.JO', 'INFY', 'INTC', 'IRDM', 'ISRG', 'ITOCY', 'ITUB', 'ITX.MC', 'JAKK', 'JAZZ', 'JD', 'JDW.L', 'JPM', 'KBZF', 'KDEX', 'KEY', 'KGRD', 'KGSX', 'KHC', 'KMX', 'KNEBV', 'KNSL', 'KNX', 'KO', 'KOF', 'KOG', 'KORB', 'KPSG', 'KR', 'KSTL', 'KTWY', 'L.TO', 'LAD', 'LAMR', 'LAZY', 'LDO', 'LESL', 'LH', 'LI', 'LIN', 'LKSP', 'LLY', 'LMND', 'LMT', 'LMVQ', 'LOPE', 'LPL', 'LRCX', 'LSCC', 'LTH', 'LTM', 'LVMUY', 'LVS', 'LVTG', 'LXS.DE', 'LYB', 'LYFT', 'MA', 'MAERSK-B.CO', 'MAN', 'MAR', 'MARUY', 'MAT', 'MATW', 'MBKD', 'MCD', 'MCG', 'MCHP', 'MCK', 'MCRI', 'MCW', 'MDT', 'MELI', 'META', 'MGM', 'MMYT', 'MNST', 'MO', 'MODG', 'MONC.MI', 'MOS', 'MOWI', 'MOWI.OL', 'MPNGY', 'MRGF', 'MRGL', 'MRGX', 'MRNA', 'MRP.JO', 'MRU', 'MRVH', 'MRWF', 'MRWG', 'MRWP', 'MSFT', 'MTCH', 'MTN', 'MTW', 'MU', 'MWTC', 'NBIX', 'NBKI', 'NCIG', 'NCLH', 'NDVK', 'NEE', 'NEM', 'NESN', 'NFLX', 'NIO', 'NKE', 'NOW', 'NSC', 'NTDOY', 'NTR', 'NU', 'NUE', 'NVDA', 'NVO', 'ODFL', 'ODPX', 'OFSY', 'OGSX', 'OLVN', 'ONDV', 'ORCL', 'OTIS', 'OUT', 'OVBX', 'PAAS', 'PAC', 'PANW', 'PASH', 'PATK', 'PAYX', 'PCH', 'PDD', 'PDRDY', 'PENN', 'PETS', 'PFE', 'PFHL', 'PG', 'PGR', 'PKG', 'PLD', 'PLNT', 'PLS.AX', 'PLTR', 'PLWS', 'PM', 'PNHA', 'PNW', 'PODD', 'POOL', 'PPC', 'PPG', 'PPRUY', 'PRKS', 'PSA', 'PSMMY', 'PSN.L', 'PUK', 'PWCC', 'PYPL', 'QDEL', 'QFS', 'QLFB', 'QLFN', 'QLFR', 'QLMK', 'QLYS', 'QMLX', 'QMRK', 'QNDX', 'QWTR', 'RACE', 'RAND.AS', 'RCL', 'RDY', 'REMYY', 'RHI', 'RHM', 'RKLB', 'RL', 'RMS', 'RUN', 'RVBC', 'RVCX', 'RVMX', 'RXO', 'RYAAY', 'RYN', 'SAF.PA', 'SAIA', 'SALM.OL', 'SAM', 'SAP', 'SATS', 'SBAC', 'SBCX', 'SBH', 'SBS', 'SBUX', 'SCHP', 'SCI', 'SE', 'SEDG', 'SHFY', 'SHOP', 'SHW', 'SITE', 'SKF-B', 'SKYW', 'SLAQ', 'SLB', 'SLF.TO', 'SLR.MC', 'SLVN', 'SLVQ', 'SNOW', 'SNPS', 'SNY', 'SON', 'SONVY', 'SONY', 'SPFL', 'SPOT', 'SQM', 'SSDIY', 'STC', 'STNE', 'STVB', 'SYK', 'SYM', 'T', 'TAH.AX', 'TAP', 'TCEHY', 'TCL', 'TCOM', 'TCS.NS', 'TDWK', 'TEF', 'TENB', 'TER', 'TGSX', 'THC', 'THO', 'TITN', 'TLC.AX', 'TLKM.JK', 'TM', 'TMSB', 'TMUS', 'TNL', 'TOY', 'TPR', 'TREX', 'TRFD', 'TROW', 'TRP.TO', 'TRUP', 'TRV', 'TSLA', 'TSLY', 'TSM', 'TSN', 'TTWO', 'TWI', 'UAL', 'UBER', 'UHR', 'UHS', 'ULTA', 'UMC', 'UMICY', 'UNF', 'UNH', 'UNP', 'UPM.HE', 'UPS', 'URI', 'UUGRY', 'UUUU', 'V', 'VALE', 'VDMK', 'VEOEY', 'VLMQ', 'VLTS', 'VMC', 'VOD', 'VOLV-B', 'VRDB', 'VRHB', 'VRNE', 'VRT', 'VRTX', 'VSAT', 'VTPN', 'VYDS', 'VYX', 'VZ', 'WAB', 'WAL', 'WBD', 'WCN', 'WERN', 'WFC', 'WFRD', 'WGO', 'WH', 'WING', 'WIT', 'WLN', 'WM', 'WMT', 'WOOF', 'WOW', 'WSO', 'WTRG', 'WTW', 'WXCB', 'WY', 'XEL', 'XIACY', 'XOM', 'XPEV', 'XRAY', 'XYL', 'YRWL', 'ZBH', 'ZIM', 'ZION', 'ZPHS', 'ZS', 'ZTS', 'PEO.WA', 'PGSUS.IS', 'COH.AX', 'IBE.MC', 'SHREECEM.NS', '9020.T', 'SSW.JO', 'ESLT.TA', 'CENCOSUD.SN', 'KPTR.JO', 'DLMH.MI', 'CNK', 'ALX.AX', 'OMF', 'MBUU', 'ERF.PA', 'NOMD', 'TRN', 'GVDL', 'PRWK', 'IMAX', 'GBX', 'BC', 'LW', 'MCS', 'MCFT', 'ROL', 'SMG', 'SNBR', 'REVG', 'CVCO', 'EYE', 'WNC', 'BKMR', 'TLVA', 'RTO', 'SGI', 'SKY', 'WRBY', 'TEX', 'CFR', 'BBCA.JK', 'KBANK.BK', 'JFC.PS', 'STERV.HE', 'UCB.BR', 'WIE.VI', '7113.KL', '090430.KS', '9921.TW', 'VSMR.OL', 'PYLX', 'CEN.NZ', 'VSTS', 'LUCK', 'NCMI', 'EXR', 'DVA', 'TTC', 'ITIC', 'OBMP', 'WHWS', 'ARMK', 'AMC', 'FME', 'HUSQ-B.ST', 'LNN', 'RHP', 'OMAB.MX', 'FALABELLA.SN', 'CEZ.PR', 'PKO.WA', 'COLO-B.CO', '3382.T', 'ASIANPAINT.NS', 'SHP.JO', 'TRNV.WA', 'GRSH', 'SPH', 'HSIC', 'CPRT', '7951.T', 'AMP.MI', 'AMN', 'SDF.DE', 'BWCA', 'LTBY', 'RBA', 'CCRN', 'NVST', 'SPB.TO', 'TLS.AX', 'IAG.AX', 'LREN3.SA', '5347.KL', 'BDMS.BK', 'YAR.OL', 'KESKOB.HE', 'EBS.VI', 'SREN.SW', 'KRX.IR', 'ZRVD', 'TSLN.OL', 'WSC', 'BFAM', 'USPH', 'ELAN', 'GRFS', 'ADUS', 'MLR', 'PMBW', 'QYTC', 'MGRC', 'KLC', 'SEM', 'CSL', 'EHC', 'CHE', 'BMRI.JK', 'VNM.VN', 'EMAAR.AE', 'QNBK.QA', 'COMI.CA', 'SCOM.NR', 'YPFD.BA', 'ISP.MI', 'OTP.BD', 'AD.AS', 'HLCY.OL', 'BRQL', 'HRB', 'SECU-B.ST', 'HAUTO.OL', 'AVOL.SW', '5947.T', 'AIR', '4666.T', 'MWGR', 'OXLA', 'THYAO.IS', 'AKBNK.IS', 'CHILE.SN', 'BAP.LM', 'ETE.AT', '1120.SR', 'ULTRACEMCO.NS', '1590.TW', '9022.T', 'ARDN.LM', 'QVTH', 'LYV', 'SIG', 'DXCM', 'AVAV', 'PL', 'BCO', 'APG', 'OLSB', 'SCVW', 'VWS.CO', 'SAND.ST', 'RWE.DE', 'HNR1.DE', 'JMT.LS', '0002.HK', '105560.KS', 'LUMI.TA', 'BAKKA.OL', 'KVEL.OL', 'OXTA', 'INTU', 'EB', 'ABT', 'PNDORA.CO', 'GRMN', 'AXON', 'POLI.TA', 'DNP.WA', 'ORSTED.CO', 'GALP.LS', 'SCCO', 'SLM.JO', 'Z74.SI', 'EUROB.AT', 'ABM', 'PSG.MC', 'WAWI.OL', 'MED', 'HAYW', 'EVI', 'MNRO', 'TWE.AX', 'CPG.L', 'EDU', 'GLWH', 'QDGR', 'HLF', 'FLUI.MC', 'WW', 'PNR', 'GT', 'SW.PA', 'CLN.SW', 'ELE.MC', 'HER.MI', 'CPALL.BK', '6012.KL', 'GFI.JO', 'RADL3.SA', 'AKRBP.OL', 'ANDR.VI', 'FYRN.SW', 'OKMF', 'CALM', 'BMI', 'MHK', 'COLD', 'UTI', 'SZU.DE', 'FTDR', 'FLMR', 'TVEC', 'ITRI', 'VITL', 'LINE', 'LINC', 'HRL', 'LII', 'KPN.AS', 'AGS.BR', 'O39.SI', 'C38U.SI', 'VHM.VN', 'FAB.AE', 'GEB.CN', '9983.T', 'NST.AX', 'KVRO', 'FYWD.OL'], ['Alibaba', 'Tencent', 'Apple', 'Nvidia', 'Heineken', 'Foxconn', 'MediaTek', 'Camping World', 'Churchill Downs', 'Bank Pekao', 'Pegasus', 'Cochlear', 'Iberdrola', 'Shree Cement', 'JR East', 'Sibanye', 'Elbit', 'Cencosud', 'Cinemark', 'Atlas Arteria', 'OneMain', 'Malibu Boats', 'Eurofins', 'Nomad Foods', 'Trinity Industries', 'IMAX', 'Greenbrier', 'Brunswick', 'Lamb Weston', 'Marcus', 'MasterCraft', 'Rollins', 'Scotts Miracle-Gro', 'Sleep Number', 'REV Group', 'Cavco', 'National Vision', 'Wabash', 'Rentokil', 'Somnigroup', 'Skyline Champion', 'Warby Parker', 'Terex', 'Cullen/Frost', 'Bank Central Asia', 'Kasikornbank', 'Jollibee', 'Stora Enso', 'UCB', 'Wienerberger', 'Top Glove', 'Amorepacific', 'Giant Manufacturing', 'Contact Energy', 'Vestis', 'Lucky Strike', 'National CineMedia', 'Extra Space', 'DaVita', 'Toro', 'Investors Title', 'OMA', 'Falabella', 'CEZ', 'PKO', 'Coloplast', 'Seven & i', 'Asian Paints', 'Shoprite', 'Aramark', 'Fresenius', 'Husqvarna', 'Life Storage', 'Lindsay', 'Ryman', 'Suburban Propane', 'Henry Schein', 'Copart', 'Yamaha', 'Amplifon', 'AMN Healthcare', 'K+S', 'AmeriGas', 'RB Global', 'WS Audiology', 'Cross Country Healthcare', 'Envista', 'Superior Plus', 'Telstra', 'Insurance Australia Group', 'Lojas Renner', 'Tenaga Nasional', 'Bangkok Dusit', 'Yara', 'Kesko', 'Erste', 'Swiss Re', 'Kingspan', 'Suncorp', 'Bumrungrad', 'Munich Re', 'Raiffeisen', 'Rockwool', 'YTL Power', 'Lidl', 'Magazine Luiza', 'Optus', 'WillScot', 'Bright Horizons', 'U.S. Physical Therapy', 'Elanco', 'Grifols', 'Addus', 'Miller Industries', 'McGrath', 'KinderCare', 'Select Medical', 'CSL', 'Encompass', 'Chemed', 'Bank Mandiri', 'Vinamilk', 'Emaar', 'QNB', 'CIB', 'Safaricom', 'YPF', 'Intesa', 'OTP', 'Ahold Delhaize', 'Aldar', 'Vietcombank', 'UniCredit', 'Masan', 'MBH', 'Colruyt', 'Airtel', 'H&R Block', 'Securitas', 'Höegh Autoliners', 'Avolta', 'Rinnai', 'AAR', 'Park24', 'Intuit', 'Prosegur', 'Wallenius Wilhelmsen', 'Noritz', 'ABM', 'Turkish Airlines', 'Akbank', 'Banco de Chile', 'Credicorp', 'National Bank of Greece', 'Al Rajhi', 'UltraTech', 'Airtac', 'JR Central', 'Eurobank', 'Southern Copper', 'Sanlam', 'Singtel', 'Live Nation', 'Signet', 'Dexcom', 'AeroVironment', 'Planet Labs', "Brink's", 'APi Group', 'Eventbrite', 'Abbott', 'Pandora', 'Loomis', 'Garmin', 'Axon', 'Vestas', 'Sandvik', 'RWE', 'Hannover Re', 'Jerónimo Martins', 'CLP', 'Shinhan', 'Bank Leumi', 'Bakkafrost', 'Hapoalim', 'Dino Polska', 'Ørsted', 'Galp', 'BlueHalo', 'Medifast', 'Hayward', 'EVI Industries', 'Monro', 'Treasury Wine Estates', 'Compass Group', 'New Oriental', 'Herbalife', 'Fluidra', 'WW International', 'Pentair', 'Goodyear', 'Sodexo', 'Clariant', 'Endesa', 'Hera', 'CP All', 'Maxis', 'Gold Fields', 'Raia Drogasil', 'Aker BP', 'Andritz', 'Cal-Maine Foods', 'Badger Meter', 'Mohawk Industries', 'Americold', 'Universal Technical Institute', 'Südzucker', 'Frontdoor', 'Itron', 'Vital Farms', 'Lineage', 'Lincoln Educational', 'Hormel', 'Lennox', 'KPN', 'Ageas', 'OCBC', 'CapitaLand Integrated Commercial Trust', 'Vinhomes', 'First Abu Dhabi Bank', 'Grupo Energía Bogotá', 'Fast Retailing', 'Northern Star'], ['Strandholm', 'Pinfall', 'Solvane', 'Quillmark', 'Pellworth', 'Nordavik', 'Lumarel', 'Corvane', 'Caldwater', 'Brightfold', 'Zephrin', 'Yarrowline', 'Wexcombe', 'Veyrona', 'Verdalis', 'Vellamo', 'Veldmark', 'Varnholt', 'Vantorre', 'Trellisford', 'Thistledown', 'Tidewrack', 'Tamsin', 'Talaris', 'Stourhaven', 'Sorrelpine', 'Saltmarsh', 'Sablecrest', 'Rivetline', 'Ravensby', 'Quennick', 'Quarrendon', 'Penhallow', 'Ostrander', 'Orvella', 'Orvane', 'Orrin', 'Ondrava', 'Nettlebrook', 'Mirevo', 'Marrowgate', 'Marrowby', 'Marlbeck', 'Lumivane', 'Larkspire', 'Kestrelpoint', 'Kalos', 'Harrowgate', 'Halvorsen', 'Halberd', 'Grenholm', 'Graymoss', 'Glimmerfold', 'Gannetfield', 'Fernhollow', 'Ferncliffe', 'Fenmoor', 'Embergate', 'Ellisgrove', 'Dunhallow', 'Dravemont', 'Corvexa', 'Corrandale', 'Copperjack', 'Cobbleridge', 'Cindervale', 'Calderwyn', 'Brantwood', 'Aurivane', 'Ashcombe', 'Arlenport', 'Ambervale', 'Kiptara', 'Dalmoro', 'Glenvarrow', 'Prairiewick', 'Brackenmoor', 'Tolvaren', 'Vostrand', 'Pyrelith', 'Ossenbrook', 'Whinlatch', 'Tarnovia', 'Grisholt', 'Brindlewick', 'Lanternby', 'Zorvadine', 'Tessaline', 'Pemberlowe', 'Quaytrace', 'Halcyra', 'Brisquell', 'Marchwhistle', 'Oxtarrow', 'Ardencliff', 'Quorvath', 'Orlisande', 'Scrivelow', 'Kvellmora', 'Oxtarra', 'Glossenby', 'Quendrake', 'Fyrnwald', 'Okomenta', 'Fallowmere', 'Tavelock', 'Kelvarro'])

problems = []


def bad(msg):
    problems.append(msg)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def words(text):
    return len(re.findall(r"\S+", text))


def check_short(name, text):
    if text.endswith("\n"):
        bad(f"{name}: trailing newline")
    lines = text.split("\n")
    i = 0
    if lines[0] == "" or lines[0].startswith("Date: "):
        if lines[0].startswith("Date: ") and not re.fullmatch(r"Date: \d{4}-\d{2}-\d{2}", lines[0]):
            bad(f"{name}: bad Date line")
        i = 1
    body = lines[i:]
    if len(body) < 8:
        bad(f"{name}: too few lines")
        return None
    news, analytic, tagline = body[0], body[1], body[2]
    n_sent = len(re.findall(r"[.!?](\s|$)", news))
    if not 2 <= n_sent <= 4:
        bad(f"{name}: news paragraph has {n_sent} sentences")
    if not 150 <= words(analytic) <= 300:
        bad(f"{name}: analytic paragraph has {words(analytic)} words")
    if "Demo" in tagline or len(tagline) > 140:
        bad(f"{name}: tagline looks wrong")
    if body[3] not in ("Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"):
        bad(f"{name}: missing 'Request (a) DemoOverall Sentiment' line")
    label = body[4]
    if label not in LABELS:
        bad(f"{name}: unknown label {label!r}")
    if body[5] != "Sentiment Score":
        bad(f"{name}: missing Sentiment Score")
    try:
        score = float(body[6])
        lo, hi = LABELS.get(label, (-1, 1))
        if not lo <= score <= hi:
            bad(f"{name}: score {score} inconsistent with {label}")
    except ValueError:
        bad(f"{name}: score not a number")
    if body[7] != "Ticker Sentiment":
        bad(f"{name}: missing Ticker Sentiment")
    for tl in body[8:]:
        m = re.fullmatch(r"(\S+) (-?\d\.\d\d)", tl)
        if not m or m.group(1) not in COMPANIES:
            bad(f"{name}: bad ticker line {tl!r}")
    return label


def check_long(name, text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        bad(f"{name}: no front matter")
        return
    fm = dict(re.findall(r"^(\w+): (.+)$", m.group(1), re.M))
    for k in ("company", "ticker", "title", "date"):
        if k not in fm:
            bad(f"{name}: front matter lacks {k}")
    if fm.get("ticker") not in COMPANIES:
        bad(f"{name}: unknown ticker {fm.get('ticker')}")
    body = m.group(2)
    if not 800 <= words(body) <= 1500:
        bad(f"{name}: {words(body)} words")
    if not re.search(r"^\|.*FY\d{4}.*\|.*FY\d{4}.*\|$", body, re.M):
        bad(f"{name}: no table with fiscal-year columns")
    if "Overall Sentiment" in body or "Sentiment Score" in body:
        bad(f"{name}: long note has a sentiment block")


def main():
    files = sorted(os.listdir(NOTES))
    notes = {f: read(os.path.join(NOTES, f)) for f in files}
    short = {f: t for f, t in notes.items() if f.endswith(".txt")}
    long_ = {f: t for f, t in notes.items() if f.endswith(".md")}
    if not 20 <= len(short) <= 24:
        bad(f"{len(short)} short notes")
    if len(long_) != 4:
        bad(f"{len(long_)} long notes")
    labels = {}
    for f, t in short.items():
        labels[f] = check_short(f, t)
    for f, t in long_.items():
        check_long(f, t)
    long_cos = {re.search(r"^ticker: (\S+)$", t, re.M).group(1) for t in long_.values()}
    if len(long_cos) != 3 or len(long_cos & set(INVENTED)) != 1:
        bad(f"long notes cover {long_cos}")
    dated = sum(t.startswith("Date: ") for t in short.values())
    with_lines = sum(not t.rstrip().endswith("Ticker Sentiment") for t in short.values())
    if not 0.35 <= dated / len(short) <= 0.65 or not 0.35 <= with_lines / len(short) <= 0.65:
        bad(f"dated {dated}, with ticker lines {with_lines} of {len(short)}")
    if not any("’" in t for t in short.values()):
        bad("no curly apostrophes")
    two = [f for f, t in short.items()
           if sum(bool(re.search(r, t)) for k, r in COMPANIES.items()) >= 2]
    if len(two) != 2:
        bad(f"two-company short notes: {two}")
    for tick, name in INVENTED.items():
        if not any(f"{name} ({tick})" in t for t in notes.values()):
            bad(f"{name} ({tick}) never tied by text")
    for tick, name in PASSING.items():
        hits = [f for f, t in notes.items() if name in t]
        sents = sum(len(re.findall(re.escape(name), t)) for t in notes.values())
        if len(hits) != 1 or sents != 1:
            bad(f"passing company {name} mentioned {sents} times in {hits}")

    # questions
    qs = [json.loads(l) for l in read(os.path.join(HERE, "qa.jsonl")).splitlines() if l.strip()]
    ids = [q["id"] for q in qs]
    if ids != ["q%03d" % i for i in range(1, len(qs) + 1)]:
        bad("ids not sequential")
    cnt = Counter()
    nm_cnt = Counter()
    unknown = Counter()
    prev = None
    for q in qs:
        qid = q["id"]
        for k in ("id", "question", "gold_notes", "answer_keywords", "ticker", "kind"):
            if k not in q:
                bad(f"{qid}: missing {k}")
        extra = set(q) - {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind",
                          "follows", "near_miss", "unknown_company", "typo"}
        if extra:
            bad(f"{qid}: unexpected fields {extra}")
        kind = q["kind"]
        if q.get("typo"):
            cnt["typo"] += 1
            if kind != "factual":
                bad(f"{qid}: typo question must be factual")
        elif q.get("unknown_company"):
            unknown["no_answer" if kind == "no_answer" else "answerable"] += 1
            if kind == "no_answer":
                cnt["no_answer"] += 1
            elif kind not in ("factual", "risk", "sentiment"):
                bad(f"{qid}: unknown-company question of kind {kind}")
        else:
            cnt[kind] += 1
        if q.get("unknown_company") and q["ticker"] not in INVENTED:
            bad(f"{qid}: unknown_company but ticker {q['ticker']}")
        if q["question"] != q["question"].lower():
            bad(f"{qid}: question not lowercase")
        gold = q["gold_notes"]
        for g in gold:
            if g not in notes:
                bad(f"{qid}: gold {g} missing")
        gold_text = "\n".join(notes.get(g, "") for g in gold).lower()
        for kw in q["answer_keywords"]:
            if kw.lower() not in gold_text:
                bad(f"{qid}: keyword {kw!r} not in gold")
        if kind == "no_answer":
            if gold or q["answer_keywords"]:
                bad(f"{qid}: no_answer with gold/keywords")
        elif not gold or not q["answer_keywords"]:
            bad(f"{qid}: answerable without gold/keywords")
        if kind == "follow_up" and q.get("follows") != prev:
            bad(f"{qid}: follows {q.get('follows')} but previous is {prev}")
        if kind == "comparison":
            if q["ticker"] is not None:
                bad(f"{qid}: comparison with ticker")
            for tick in COMPARE[qid]:
                if not re.search(COMPANIES[tick], gold_text, re.I):
                    bad(f"{qid}: gold does not cover {tick}")
        if kind == "general":
            want = {f for f, t in notes.items() if re.search(THEMES[qid], t, re.I)}
            if want != set(gold):
                bad(f"{qid}: theme notes {sorted(want)} != gold {sorted(gold)}")
        if kind == "sentiment":
            want = {f for f, t in short.items() if re.search(COMPANIES[q["ticker"]], t)}
            if want != set(gold):
                bad(f"{qid}: sentiment gold {sorted(gold)} != {sorted(want)}")
            if {labels[g] for g in gold} != set(q["answer_keywords"]):
                bad(f"{qid}: sentiment keywords != gold labels")
        if kind not in ("general", "comparison", "no_answer") and q["ticker"] in COMPANIES:
            for g in gold:
                if not re.search(COMPANIES[q["ticker"]], notes[g]):
                    bad(f"{qid}: gold {g} does not mention {q['ticker']}")
        if q.get("near_miss"):
            nm_cnt[q["near_miss"]] += 1
            if qid not in NEAR_MISS:
                bad(f"{qid}: near miss not recorded")
        if kind == "no_answer" and not q.get("near_miss") and qid not in NO_NOTE:
            bad(f"{qid}: no_answer without recorded absent regexes")
        prev = qid
    for k, v in EXPECTED.items():
        if cnt[k] != v:
            bad(f"count {k}: {cnt[k]} != {v}")
    if sum(unknown.values()) < 7 or unknown["no_answer"] != 2:
        bad(f"unknown-company questions: {dict(unknown)}")
    for k in NEAR_KINDS:
        if nm_cnt[k] != 4:
            bad(f"near_miss {k}: {nm_cnt[k]}")
    long_factual = sum(1 for q in qs if q["kind"] == "factual" and not q.get("typo")
                       and not q.get("unknown_company") and any(g.endswith(".md") for g in q["gold_notes"]))
    if long_factual != 4:
        bad(f"{long_factual} factual questions from long notes")

    for qid, (note, near, absent) in NEAR_MISS.items():
        if near not in notes.get(note, ""):
            bad(f"{qid}: near text not verbatim in {note}")
        for rx in absent:
            for f, t in notes.items():
                if re.search(rx, t, re.I):
                    bad(f"{qid}: absent regex {rx!r} matches {f}")
    for qid, absent in NO_NOTE.items():
        for rx in absent:
            for f, t in notes.items():
                if re.search(rx, t, re.I):
                    bad(f"{qid}: regex {rx!r} matches {f}")

    # exclusions
    texts = dict(notes)
    texts["qa.jsonl"] = "\n".join(q["question"] + " " + str(q["ticker"]) for q in qs)
    if os.path.exists(os.path.join(HERE, "README.md")):
        texts["README.md"] = read(os.path.join(HERE, "README.md"))
    for f, t in texts.items():
        for tick in EXCL_TICKERS:
            if re.search(r"(?<![A-Za-z0-9.])" + re.escape(tick) + r"(?![A-Za-z0-9])", t):
                bad(f"{f}: excluded ticker {tick}")
        for name in EXCL_NAMES:
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", t, re.I):
                bad(f"{f}: excluded company {name}")
        for w in EXCL_WORDS:
            if w.lower() in t.lower():
                bad(f"{f}: excluded invented word {w}")

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
