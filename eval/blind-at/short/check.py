#!/usr/bin/env python3
"""Self-check for the at-short blind evaluation set (Python 3 stdlib only).

Prints OK and exits 0 when every check passes; otherwise lists the failures and exits 1.
Exclusion lists are read from $EXCLUDED_DIR, else /work/blind-prompts.
"""
import datetime
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(ROOT, "notes")
EXCLUDED_DIR = os.environ.get("EXCLUDED_DIR", "/work/blind-prompts")

FAIL = []


def fail(msg):
    FAIL.append(msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


# --------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------
COMPANIES = {
    # ticker: (full name, regex that finds the company in a note, role)
    "MOVE.SW": ("Medacta Group", r"\bMedacta\b", "covered"),
    "FSKRS.HE": ("Fiskars", r"\bFiskars\b", "covered"),
    "BOSS.DE": ("Hugo Boss", r"\bHugo Boss\b", "covered"),
    "3092.T": ("ZOZO", r"\bZOZO", "covered"),
    "BRG.AX": ("Breville Group", r"\bBreville\b", "covered"),
    "NESTLEIND.NS": ("Nestlé India", r"\bNestl[ée] India\b", "covered"),
    "EVD.DE": ("CTS Eventim", r"\bEventim\b", "covered"),
    "CRTX": ("Cranmoor Textile Recycling", r"\bCranmoor\b", "invented"),
    "ORGD": ("Orvelant Geothermal Drilling", r"\bOrvelant\b", "invented"),
    "GALE.SW": ("Galenica", r"\bGalenica\b", "passing"),
    "SAX.DE": ("Ströer", r"\bStr(?:ö|oe|o)er\b", "passing"),
    "3141.T": ("Welcia Holdings", r"\bWelcia\b", "passing"),
    "JUBLFOOD.NS": ("Jubilant FoodWorks", r"\bJubilant\b", "passing"),
    "1024.HK": ("Kuaishou", r"\bKuaishou\b", "no_notes"),
    "RELAXO.NS": ("Relaxo Footwears", r"\bRelaxo\b", "no_notes"),
}
INVENTED_SHORT = {"CRTX": "Cranmoor Textile Recycling (CRTX)", "ORGD": "Orvelant Geothermal Drilling (ORGD)"}
# Companies the brief assigns to this set: exempt from the exclusion lists.
ASSIGNED_NAMES = ["Medacta Group", "Medacta", "Fiskars", "Hugo Boss", "ZOZO", "Breville Group", "Breville",
                  "Nestlé India", "Nestle India", "CTS Eventim", "Galenica", "Ströer", "Welcia Holdings", "Welcia",
                  "Jubilant FoodWorks", "Kuaishou", "Relaxo Footwears", "Relaxo"]
ASSIGNED_TICKERS = {t for t, v in COMPANIES.items() if v[2] != "invented"}

# Which companies each note is about.
NOTE_COMPANIES = {
    "medacta-fy43-results.txt": ["MOVE.SW"],
    "medacta-h1-2044.txt": ["MOVE.SW"],
    "medacta-us-pricing.txt": ["MOVE.SW"],
    "fiskars-fy43.txt": ["FSKRS.HE"],
    "fiskars-q1-2044.txt": ["FSKRS.HE"],
    "hugo-boss-fy43.txt": ["BOSS.DE"],
    "hugo-boss-hugo-stores.txt": ["BOSS.DE"],
    "zozo-fy43-results.txt": ["3092.T"],
    "zozo-q3-fy43.txt": ["3092.T"],
    "breville-fy43.txt": ["BRG.AX"],
    "breville-h1-fy44.txt": ["BRG.AX"],
    "nestle-india-q3-fy44.txt": ["NESTLEIND.NS"],
    "nestle-india-fy44.txt": ["NESTLEIND.NS"],
    "eventim-fy43-results.txt": ["EVD.DE"],
    "eventim-q1-2044.txt": ["EVD.DE"],
    "eventim-fee-rules.txt": ["EVD.DE"],
    "cranmoor-fy43.txt": ["CRTX"],
    "cranmoor-q1-2044.txt": ["CRTX"],
    "orvelant-contract-win.txt": ["ORGD"],
    "orvelant-q1-2044.txt": ["ORGD"],
    "hugo-boss-vs-zozo.txt": ["BOSS.DE", "3092.T"],
    "breville-vs-fiskars.txt": ["BRG.AX", "FSKRS.HE"],
    "hugo-boss-annual-report-2043.md": ["BOSS.DE"],
    "hugo-boss-q1-2044-results.md": ["BOSS.DE"],
    "eventim-annual-report-2043.md": ["EVD.DE"],
    "orvelant-annual-report-2043.md": ["ORGD"],
}
COMPARISON_NOTES = {"hugo-boss-vs-zozo.txt", "breville-vs-fiskars.txt"}


def notes_of(ticker, short_only=False):
    return sorted(n for n, ts in NOTE_COMPANIES.items()
                  if ticker in ts and (not short_only or n.endswith(".txt")))


# --------------------------------------------------------------------------------------
# Fact sheets: key arithmetic (figures as printed in the notes)
# --------------------------------------------------------------------------------------
def pct(new, old):
    return round((new / old - 1) * 100, 1)


def ratio_pct(part, whole):
    return round(part / whole * 100, 1)


ARITH = [
    # (label, computed, stated, tolerance)
    ("Medacta FY43 growth 1,386.0 vs 1,233.1", pct(1386.0, 1233.1), 12.4, 0),
    ("Medacta FY43 hip+knee+other = total", round(598.2 + 452.6 + 335.2, 1), 1386.0, 0),
    ("Medacta FY43 adj EBITDA margin", ratio_pct(418.6, 1386.0), 30.2, 0),
    ("Medacta net debt / adj EBITDA", round(205 / 418.6, 2), 0.49, 0),
    ("Medacta H1 44 growth 742.5 vs 663.8", pct(742.5, 663.8), 11.9, 0),
    ("Fiskars FY43 growth 1,352.4 vs 1,318.1", pct(1352.4, 1318.1), 2.6, 0),
    ("Fiskars FY43 segments sum", round(742.0 + 521.6 + 88.8, 1), 1352.4, 0),
    ("Fiskars FY43 comparable EBIT margin", ratio_pct(132.5, 1352.4), 9.8, 0),
    ("Fiskars net debt / comparable EBITDA 191.4", round(402 / 191.4, 1), 2.1, 0),
    ("Fiskars Q1 44 comparable EBIT margin", ratio_pct(21.3, 303.7), 7.0, 0),
    ("Hugo Boss FY43 growth 5,214 vs 4,985", pct(5214, 4985), 4.6, 0),
    ("Hugo Boss FY43 brands sum", 4535 + 679, 5214, 0),
    ("Hugo Boss FY43 regions sum", 3190 + 1225 + 685 + 114, 5214, 0),
    ("Hugo Boss FY43 quarters sum", 1198 + 1231 + 1318 + 1467, 5214, 0),
    ("Hugo Boss FY43 EBIT margin", ratio_pct(489, 5214), 9.4, 0),
    ("Hugo Boss FY43 EBIT growth vs 463", pct(489, 463), 5.6, 0),
    ("Hugo Boss FY43 net income growth vs 301", pct(318, 301), 5.6, 0),
    ("Hugo Boss FY43 EPS growth vs 4.36", pct(4.61, 4.36), 5.7, 0),
    ("Hugo Boss FY43 FCF growth vs 372", pct(410, 372), 10.2, 0),
    ("Hugo Boss BOSS growth vs 4,316", pct(4535, 4316), 5.1, 0),
    ("Hugo Boss HUGO growth vs 669", pct(679, 669), 1.5, 0),
    ("Hugo Boss FY42 brands sum", 4316 + 669, 4985, 0),
    ("Hugo Boss EMEA growth vs 3,071", pct(3190, 3071), 3.9, 0),
    ("Hugo Boss Americas growth vs 1,162", pct(1225, 1162), 5.4, 0),
    ("Hugo Boss Asia/Pacific growth vs 646", pct(685, 646), 6.0, 0),
    ("Hugo Boss Licences growth vs 106", pct(114, 106), 7.5, 0),
    ("Hugo Boss FY42 regions sum", 3071 + 1162 + 646 + 106, 4985, 0),
    ("Hugo Boss payout ratio ~42% (69m shares)", round(1.95 * 69 / 318 * 100), 42, 1),
    ("Hugo Boss Q1 44 growth 1,236 vs 1,198", pct(1236, 1198), 3.2, 0),
    ("Hugo Boss Q1 44 regions sum", 752 + 292 + 166 + 26, 1236, 0),
    ("Hugo Boss Q1 43 regions sum", 731 + 276 + 163 + 28, 1198, 0),
    ("Hugo Boss Q1 44 brands sum", 1079 + 157, 1236, 0),
    ("Hugo Boss Q1 43 brands sum", 1041 + 157, 1198, 0),
    ("Hugo Boss Q1 EMEA growth", pct(752, 731), 2.9, 0),
    ("Hugo Boss Q1 Americas growth", pct(292, 276), 5.8, 0),
    ("Hugo Boss Q1 Asia/Pacific growth", pct(166, 163), 1.8, 0),
    ("Hugo Boss Q1 Licences growth", pct(26, 28), -7.1, 0),
    ("Hugo Boss Q1 BOSS growth", pct(1079, 1041), 3.7, 0),
    ("Hugo Boss Q1 44 EBIT margin", ratio_pct(88, 1236), 7.1, 0),
    ("Hugo Boss Q1 43 EBIT margin", ratio_pct(84, 1198), 7.0, 0),
    ("Hugo Boss Q1 EBIT growth", pct(88, 84), 4.8, 0),
    ("Hugo Boss Q1 net income growth", pct(52, 49), 6.1, 0),
    ("ZOZO FY43 GMV growth 812.4 vs 765.0", pct(812.4, 765.0), 6.2, 0),
    ("ZOZO FY43 revenue growth 318.6 vs 297.8", pct(318.6, 297.8), 7.0, 0),
    ("ZOZO FY43 operating margin", ratio_pct(112.3, 318.6), 35.2, 0),
    ("ZOZO FY43 quarterly GMV sum", round(186.2 + 191.6 + 228.7 + 205.9, 1), 812.4, 0),
    ("ZOZO Q3 GMV growth 228.7 vs 214.3", pct(228.7, 214.3), 6.7, 0),
    ("Breville FY43 growth 2,612.0 vs 2,416.3", pct(2612.0, 2416.3), 8.1, 0),
    ("Breville FY43 EBIT margin", ratio_pct(351.8, 2612.0), 13.5, 0),
    ("Breville H1 44 growth 1,603.5 vs 1,465.7", pct(1603.5, 1465.7), 9.4, 0),
    ("Breville H1 44 segments sum", round(1431.2 + 172.3, 1), 1603.5, 0),
    ("Breville H1 44 Global Product regions sum", round(772.9 + 658.3, 1), 1431.2, 0),
    ("Breville H1 44 EBIT margin", ratio_pct(232.5, 1603.5), 14.5, 0),
    ("Nestle India Q3 growth 6,215 vs 5,723", pct(6215, 5723), 8.6, 0),
    ("Nestle India Q3 domestic+exports", 5982 + 233, 6215, 0),
    ("Nestle India Q3 EBITDA margin", ratio_pct(1473, 6215), 23.7, 0),
    ("Nestle India FY44 growth 24,860 vs 22,786", pct(24860, 22786), 9.1, 0),
    ("Nestle India FY44 categories = domestic", 9450 + 14480, 23930, 0),
    ("Nestle India FY44 domestic+exports", 23930 + 930, 24860, 0),
    ("Nestle India FY44 quarters sum", 5980 + 6105 + 6215 + 6560, 24860, 0),
    ("Nestle India FY44 EBITDA margin", ratio_pct(5842, 24860), 23.5, 0),
    ("Eventim FY43 growth 3,412.6 vs 3,180.4", pct(3412.6, 3180.4), 7.3, 0),
    ("Eventim FY43 segments - consolidation", round(904.8 + 2532.1 - 24.3, 1), 3412.6, 0),
    ("Eventim FY43 adj EBITDA segments", round(398.5 + 213.9, 1), 612.4, 0),
    ("Eventim FY43 group margin", ratio_pct(612.4, 3412.6), 17.9, 0),
    ("Eventim FY43 ticketing margin", ratio_pct(398.5, 904.8), 44.0, 0),
    ("Eventim FY43 live margin", ratio_pct(213.9, 2532.1), 8.4, 0),
    ("Eventim FY43 ticketing Germany+international", round(312.6 + 592.2, 1), 904.8, 0),
    ("Eventim ticketing revenue growth vs 842.1", pct(904.8, 842.1), 7.4, 0),
    ("Eventim live revenue growth vs 2,360.5", pct(2532.1, 2360.5), 7.3, 0),
    ("Eventim FY42 segments - consolidation", round(842.1 + 2360.5 - 22.2, 1), 3180.4, 0),
    ("Eventim adj EBITDA growth vs 571.0", pct(612.4, 571.0), 7.3, 0),
    ("Eventim ticketing EBITDA growth vs 372.3", pct(398.5, 372.3), 7.0, 0),
    ("Eventim live EBITDA growth vs 198.7", pct(213.9, 198.7), 7.6, 0),
    ("Eventim FY42 EBITDA segments", round(372.3 + 198.7, 1), 571.0, 0),
    ("Eventim FY43 quarters sum", round(663.8 + 904.1 + 1041.5 + 803.2, 1), 3412.6, 0),
    ("Eventim Q1 44 growth 702.3 vs 663.8", pct(702.3, 663.8), 5.8, 0),
    ("Eventim Q1 44 margin", ratio_pct(138.9, 702.3), 19.8, 0),
    ("Cranmoor FY43 growth 485.9 vs 455.0", pct(485.9, 455.0), 6.8, 0),
    ("Cranmoor FY43 EBITDA margin", ratio_pct(87.5, 485.9), 18.0, 0),
    ("Cranmoor net debt / EBITDA", round(218.8 / 87.5, 1), 2.5, 0),
    ("Cranmoor Q1 44 growth 104.2 vs 114.9", pct(104.2, 114.9), -9.3, 0),
    ("Cranmoor Q1 44 EBITDA margin", ratio_pct(11.6, 104.2), 11.1, 0),
    ("Orvelant FY43 growth 642.0 vs 542.2", pct(642.0, 542.2), 18.4, 0),
    ("Orvelant FY43 segments sum", round(468.7 + 121.5 + 51.8, 1), 642.0, 0),
    ("Orvelant FY42 segments sum", round(401.3 + 97.6 + 43.3, 1), 542.2, 0),
    ("Orvelant Drilling growth", pct(468.7, 401.3), 16.8, 0),
    ("Orvelant Well Engineering growth", pct(121.5, 97.6), 24.5, 0),
    ("Orvelant Equipment Leasing growth", pct(51.8, 43.3), 19.6, 0),
    ("Orvelant FY43 quarters sum", round(142.5 + 156.8 + 166.1 + 176.6, 1), 642.0, 0),
    ("Orvelant FY43 EBITDA margin", ratio_pct(141.2, 642.0), 22.0, 0),
    ("Orvelant FY42 EBITDA margin (one point lower)", ratio_pct(113.8, 542.2), 21.0, 0),
    ("Orvelant FY43 EBIT margin", ratio_pct(78.4, 642.0), 12.2, 0),
    ("Orvelant net debt / EBITDA", round(310.0 / 141.2, 1), 2.2, 0),
    ("Orvelant Q1 44 growth 151.3 vs 142.5", pct(151.3, 142.5), 6.2, 0),
    ("Orvelant Q1 44 EBITDA margin", ratio_pct(28.9, 151.3), 19.1, 0),
    ("Orvelant contract lifts backlog ~15%", round(214 / 1380 * 100), 16, 1),
]

# Figures that must be printed in a given note (ties the fact sheet to the text).
PRINTED = {
    "medacta-fy43-results.txt": ["1,386.0", "12.4%", "598.2", "452.6", "335.2", "418.6", "30.2%", "0.49x"],
    "medacta-h1-2044.txt": ["11.9%", "742.5", "29.4%"],
    "fiskars-fy43.txt": ["1,352.4", "2.6%", "742.0", "521.6", "88.8", "132.5", "9.8%", "402", "2.1x"],
    "fiskars-q1-2044.txt": ["303.7", "21.3", "7.0%"],
    "hugo-boss-fy43.txt": ["5,214", "4.6%", "489", "9.4%", "4,535", "679"],
    "hugo-boss-annual-report-2043.md": ["5,214", "3,190", "1,225", "685", "114", "1,198", "1,231", "1,318", "1,467", "4.61", "1.95", "410"],
    "hugo-boss-q1-2044-results.md": ["1,236", "752", "292", "166", "26", "731", "276", "163", "28", "1,079", "1,041", "88", "7.1%"],
    "zozo-fy43-results.txt": ["812.4", "6.2%", "318.6", "7.0%", "112.3", "35.2%"],
    "zozo-q3-fy43.txt": ["228.7", "6.7%"],
    "breville-fy43.txt": ["2,612.0", "8.1%", "351.8", "13.5%"],
    "breville-h1-fy44.txt": ["1,603.5", "9.4%", "232.5", "14.5%", "1,431.2", "172.3", "772.9", "658.3"],
    "nestle-india-q3-fy44.txt": ["6,215", "8.6%", "5,982", "233", "1,473", "23.7%"],
    "nestle-india-fy44.txt": ["24,860", "9.1%", "6,560", "23,930", "9,450", "14,480", "5,842", "23.5%", "930"],
    "eventim-fy43-results.txt": ["3,412.6", "7.3%", "612.4", "17.9%", "398.5", "904.8", "44.0%", "312.6", "592.2", "8.4%"],
    "eventim-annual-report-2043.md": ["3,412.6", "904.8", "2,532.1", "-24.3", "398.5", "213.9", "612.4", "663.8", "904.1", "1,041.5", "803.2"],
    "eventim-q1-2044.txt": ["702.3", "5.8%", "138.9", "19.8%"],
    "cranmoor-fy43.txt": ["485.9", "6.8%", "87.5", "18.0%", "218.8", "2.5x"],
    "cranmoor-q1-2044.txt": ["104.2", "9.3%", "11.6", "11.1%"],
    "orvelant-annual-report-2043.md": ["642.0", "18.4%", "468.7", "121.5", "51.8", "142.5", "156.8", "166.1", "176.6", "141.2", "22.0%", "78.4", "12.2%", "310.0", "2.2x"],
    "orvelant-q1-2044.txt": ["151.3", "6.2%", "28.9", "19.1%"],
    "orvelant-contract-win.txt": ["214", "48", "1.38 billion"],
}

# --------------------------------------------------------------------------------------
# Question metadata kept here (not in qa.jsonl)
# --------------------------------------------------------------------------------------
THEMES = {  # general questions: regex over all notes must give exactly the gold set
    "q006": r"(?i)\b(weather|monsoon)\b",
    "q035": r"(?i)\btariffs?\b",
    "q064": r"(?i)\b(buy-?backs?|(share )?repurchas\w*)\b",
}
LONG_FACTUAL = {"q015": "table", "q036": "table", "q053": "prose", "q057": "prose", "q027": "table"}
COMPARISON_VIA_NOTE = {"q011", "q046"}
NO_NOTES = {"q026": "Kuaishou", "q071": "Relaxo"}
OFF_TOPIC = {"q037": [r"(?i)\bbanana", r"(?i)\bbread\b"]}
PERIOD = {"q054": [r"2039", r"(?i)\bFY39\b"]}

# Near misses: id -> (note it points at, nearby text in that note, absent-fact regex, why)
NEAR_MISS = {
    "q003": ("medacta-fy43-results.txt", "products for the spine, extremities and sports medicine together brought in EUR 335.2 million",
             r"(?i)\bspine\b[^.\n]{0,40}\b(revenue|sales)\b|\bspine (alone|business|segment|products?) (rose|grew|fell|was|were|generated|contributed|brought)",
             "spine is lumped with extremities and sports medicine; only total, hip and knee are given"),
    "q033": ("breville-h1-fy44.txt", "EMEA and APAC together added AUD 658.3 million",
             r"(?i)\bEMEA\b\s+(revenue|sales)|\bEMEA\b[^.\n]{0,30}\b(rose|grew|fell|was|were|reached|contributed)\b|\bin EMEA\b",
             "EMEA is reported only together with APAC"),
    "q024": ("eventim-fy43-results.txt", "with the international markets combined at EUR 592.2 million",
             r"(?i)\bItal(y|ian)\b",
             "ticketing revenue is split only into Germany and all international markets combined"),
    "q048": ("nestle-india-fy44.txt", "prepared dishes and cooking aids, confectionery and beverages together made up Rs 14,480 crore",
             r"(?i)confectionery (sales|revenue|business|segment) (rose|grew|fell|was|were|of|reached)|confectionery[^.\n]{0,20}\b(rose|grew|fell) \d|confectionery[^.\n]{0,20}\bRs\b(?![^.\n]*together)",
             "confectionery is lumped with prepared dishes, cooking aids and beverages"),
    "q010": ("medacta-us-pricing.txt", "such as Galenica, have held up better in recent weeks",
             r"(?i)Galenica[^.\n]*\d|\d[^.\n]*Galenica", "Galenica appears once, in a sentence with no figures"),
    "q058": ("eventim-fee-rules.txt", "alongside names such as Ströer",
             r"(?i)Str(ö|oe|o)er[^.\n]*\d|\d[^.\n]*Str(ö|oe|o)er", "Ströer appears once, in a sentence with no figures"),
    "q040": ("zozo-q3-fy43.txt", "Drugstore chains such as Welcia Holdings are also pushing beauty products online",
             r"(?i)Welcia[^.\n]*\d|\d[^.\n]*Welcia", "Welcia appears once, in a sentence with no figures"),
    "q050": ("nestle-india-fy44.txt", "food-service partners such as Jubilant FoodWorks have widened their use",
             r"(?i)Jubilant[^.\n]*\d|\d[^.\n]*Jubilant", "Jubilant FoodWorks appears once, in a sentence with no figures"),
    "q017": ("medacta-h1-2044.txt", "offered to hospitals for a fee of EUR 450 per procedure",
             r"(?i)\d[\d,.]*\s+(NextAR|navigation) (systems|units|placements)|NextAR[^.\n]{0,100}\b\d[\d,.]*\s+(systems|units|placements|installations|hospitals|sites|procedures)\b|installed base",
             "NextAR is described by features and per-procedure fee only"),
    "q034": ("breville-h1-fy44.txt", "the Oracle Jet, a USD 1,999 espresso machine",
             r"(?i)\d[\d,.]*\s*(million\s+|thousand\s+)?(units|machines)\b|Oracle Jet[^.\n]{0,100}\b(sold|shipped|volumes?)\b",
             "Oracle Jet is described by price and features only"),
    "q039": ("zozo-q3-fy43.txt", "a smartphone body-measurement app that is free to download, with a JPY 980 monthly premium tier",
             r"(?i)ZOZOFIT[^.\n]{0,100}\b(users|downloads|subscribers|members|downloaded)\b|\d[\d,.]*\s*(million\s+)?(users|downloads|subscribers)\b",
             "ZOZOFIT Scan is described by price and features only"),
    "q021": ("fiskars-q1-2044.txt", "at a recommended price of EUR 129",
             r"(?i)PowerGear[^.\n]{0,100}\b(units|sold|volumes?)\b|\d[\d,.]*\s*(million\s+|thousand\s+)?(units|pruners)\b",
             "PowerGear Cordless is described by price and features only"),
    "q029": ("medacta-h1-2044.txt", "once the FDA clears the platform",
             r"(?i)shoulder[^.\n]*\b(20\d\d|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter)\b",
             "the US shoulder launch depends only on FDA clearance; no date is given"),
    "q014": ("hugo-boss-hugo-stores.txt", "the first HUGO stores in India will open once a franchise partner is signed",
             r"(?i)India[^.\n]*\b(20\d\d|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December|next year)\b",
             "India entry depends on signing a franchise partner; no date is given"),
    "q056": ("eventim-q1-2044.txt", "will open once the city council grants the final building permit",
             r"(?i)(Milan|arena)[^.\n]*\b(20\d\d|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December|next year)\b",
             "the Milan arena opens once a permit is granted; no date is given"),
    "q049": ("nestle-india-fy44.txt", "production will begin once the state grants environmental clearance",
             r"(?i)Odisha[^.\n]*\b(20\d\d|FY\d\d|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December)\b",
             "Odisha production starts once clearance is granted; no date is given"),
    "q065": ("medacta-fy43-results.txt", "Adjusted EBITDA reached EUR 418.6 million",
             r"(?i)\b(EPS|earnings per share|net (profit|income)|profit after tax|net earnings)\b",
             "Medacta notes give revenue and adjusted EBITDA only, never net profit or EPS"),
    "q066": ("zozo-fy43-results.txt", "Operating profit reached JPY 112.3 billion",
             r"(?i)free cash flow|\bFCF\b|operating cash flow",
             "ZOZO notes give GMV, revenue and operating profit only"),
    "q007": ("breville-fy43.txt", "net cash of AUD 95 million",
             r"(?i)\bdividends?\b|\bpayout\b|per share",
             "Breville notes mention net cash but never a dividend"),
    "q019": ("nestle-india-q3-fy44.txt", "EBITDA was Rs 1,473 crore, a margin of 23.7%",
             r"(?i)gross (profit )?margin|gross profit",
             "Nestlé India notes give EBITDA margin and profit after tax only"),
    "q062": ("cranmoor-q1-2044.txt", "will start up once the grid connection to the site is completed",
             r"(?i)fibre-to-fibre[^.\n]*\b(20\d\d|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December|next year)\b",
             "the line starts once the grid connection is done; no date is given"),
    "q043": ("orvelant-q1-2044.txt", "is priced from EUR 1.2 million per installation",
             r"(?i)\d[\d,]*\s+HeatLine|HeatLine[^.\n]{0,100}\b\d[\d,]*\s+(installations|units|systems|customers|orders|buildings)\b",
             "HeatLine is described by price and features only"),
}
NEAR_MISS_KINDS = ["segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"]

EXTRA_EXCLUDED = ["Medacta", "Fiskars", "Hugo Boss", "Zozo", "Breville", "Nestle India", "CTS Eventim", "Galenica",
                  "Ströer", "Welcia", "Jubilant FoodWorks", "Kuaishou", "Relaxo", "Vaisala", "Harvia", "De'Longhi",
                  "Fielmann", "Lynas", "Tata Consumer", "Eicher Motors", "Netwealth", "Hub24", "a2 Milk", "Astral",
                  "Nykaa", "TVS Motor", "Sprouts Farmers Market", "Abercrombie & Fitch", "Workiva", "Paylocity",
                  "Five9", "Doximity", "Yum China", "Pop Mart", "Scout24", "TJX", "Kahoot", "Miniso", "Hemnet", "NICE",
                  "Colgate-Palmolive India", "Bajaj Auto", "Wix", "Zomato", "Victoria's Secret", "Bath & Body Works",
                  "Hims & Hers", "Braze", "Confluent", "Cellebrite", "Xtep", "Haidilao", "Avenue Supermarts",
                  "Urban Outfitters", "Rubrik", "Monday.com", "Bilibili", "Mixue", "Just Eat Takeaway", "Adevinta",
                  "Info Edge", "Britannia"]

LABELS = ["strongly positive", "mildly positive", "neutral", "mildly negative", "strongly negative"]
TAGLINES = {
    "AI-driven equity research, instant alerts, and portfolio analytics for professional investors.",
    "Real-time market intelligence and AI research tools built for institutional portfolios.",
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "Institutional-grade AI research, live alerts, and risk analytics in one platform.",
}
DEMOS = {"Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"}
SENT_SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9"“$])')
TICKER_LINE = re.compile(r"^(\$?)([A-Z0-9][A-Z0-9.]*)(:?) (-?\d\.\d{2})$")


def sentences(text):
    return [s for s in SENT_SPLIT.split(text.strip()) if s]


def label_for(score):
    if -0.10 <= score <= 0.10:
        return "neutral"
    if 0.10 < score <= 0.35:
        return "mildly positive"
    if -0.35 <= score < -0.10:
        return "mildly negative"
    return "strongly positive" if score > 0 else "strongly negative"


# --------------------------------------------------------------------------------------
# Load notes
# --------------------------------------------------------------------------------------
def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(NOTES_DIR, "*")))
TEXT = {f: read(os.path.join(NOTES_DIR, f)) for f in files}
SHORT = [f for f in files if f.endswith(".txt")]
LONG = [f for f in files if f.endswith(".md")]
check(set(files) == set(NOTE_COMPANIES), f"notes dir {sorted(set(files) ^ set(NOTE_COMPANIES))} differ from NOTE_COMPANIES")
check(20 <= len(SHORT) <= 24, f"short notes: {len(SHORT)} (want about 22)")
check(len(LONG) == 4, f"long notes: {len(LONG)} (want 4)")

# --------------------------------------------------------------------------------------
# Short-note format
# --------------------------------------------------------------------------------------
first_kinds = {"blank": 0, "date": 0, "none": 0}
no_final_nl = curly = with_tickers = 0
taglines_used = set()
layouts = set()
SHORT_LABEL = {}
for f in SHORT:
    t = TEXT[f]
    if not t.endswith("\n"):
        no_final_nl += 1
        body = t
    else:
        body = t[:-1]
    check("\r" not in t, f"{f}: CR characters")
    check(not t.endswith("\n\n"), f"{f}: trailing blank line")
    if "’" in t:
        curly += 1
    lines = body.split("\n")
    if lines[0] == "":
        first_kinds["blank"] += 1
        lines = lines[1:]
    elif lines[0].startswith("Date: "):
        first_kinds["date"] += 1
        ds = lines[0][6:]
        d = None
        for fmt in ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y"):
            try:
                d = datetime.datetime.strptime(ds, fmt).date()
            except ValueError:
                pass
        check(d is not None and datetime.date(2043, 1, 1) <= d <= datetime.date(2044, 7, 31),
              f"{f}: bad or out-of-period date line {lines[0]!r}")
        lines = lines[1:]
    else:
        first_kinds["none"] += 1
    if not check(len(lines) >= 8, f"{f}: too few lines"):
        continue
    news, analysis, tag, demo, label, ss, score, ts = lines[:8]
    tick_lines = lines[8:]
    ns = sentences(news)
    check(2 <= len(ns) <= 4, f"{f}: news paragraph has {len(ns)} sentences")
    check(re.search(r"\d", news) and re.search(r"\b(FY\d{4}|Q[1-4]|H[12]|20\d\d)\b", news),
          f"{f}: news paragraph lacks figures or a named period")
    wc = len(analysis.split())
    check(180 <= wc <= 240, f"{f}: analytic paragraph has {wc} words")
    check(tag in TAGLINES, f"{f}: unknown tagline {tag!r}")
    taglines_used.add(tag)
    check(demo in DEMOS, f"{f}: demo line {demo!r}")
    check(label in LABELS, f"{f}: label {label!r}")
    check(ss == "Sentiment Score", f"{f}: expected 'Sentiment Score', got {ss!r}")
    check(ts == "Ticker Sentiment", f"{f}: expected 'Ticker Sentiment', got {ts!r}")
    try:
        sc = float(score)
        check(re.fullmatch(r"-?\d\.\d{2}", score) is not None, f"{f}: score format {score!r}")
        check(-1 <= sc <= 1, f"{f}: score out of range")
        check(label_for(sc) == label, f"{f}: label {label!r} does not match score {sc}")
    except ValueError:
        fail(f"{f}: score not a number {score!r}")
    SHORT_LABEL[f] = label
    if tick_lines:
        with_tickers += 1
        seen = []
        for tl in tick_lines:
            m = TICKER_LINE.match(tl)
            if not check(m is not None, f"{f}: bad ticker line {tl!r}"):
                continue
            dollar, tk, colon, val = m.groups()
            check(not (dollar and colon), f"{f}: ticker line mixes $ and colon: {tl!r}")
            layouts.add("dollar" if dollar else "colon" if colon else "plain")
            check(tk in NOTE_COMPANIES[f], f"{f}: ticker line for {tk} which the note is not about")
            check(-1 <= float(val) <= 1, f"{f}: ticker score out of range")
            seen.append(tk)
        if f in COMPARISON_NOTES:
            check(sorted(seen) == sorted(NOTE_COMPANIES[f]), f"{f}: comparison note needs ticker lines for both companies")
    else:
        check(f not in COMPARISON_NOTES, f"{f}: comparison note without ticker lines")
    check("Overall Sentiment" not in analysis, f"{f}: stray sentiment text in analysis")

check(first_kinds["blank"] == 5, f"blank first line in {first_kinds['blank']} notes (want 5)")
check(10 <= first_kinds["date"] <= 12, f"Date first line in {first_kinds['date']} notes (want about 11)")
check(no_final_nl == 5, f"{no_final_nl} notes without final newline (want 5)")
check(curly == 5, f"{curly} notes with curly apostrophes (want 5)")
check(12 <= with_tickers <= 14, f"{with_tickers} notes with ticker lines (want about 13)")
check(layouts == {"plain", "colon", "dollar"}, f"ticker layouts used: {sorted(layouts)}")
check(len(taglines_used) == 4, f"{len(taglines_used)} tagline wordings used (want 4)")
check(set(SHORT_LABEL.values()) == set(LABELS), "not every sentiment label is used")

# Years in notes: figures in FY2043..mid-2044; later years only as forward-looking mentions.
for f in files:
    for y in re.findall(r"\b((?:19|20)\d\d)\b", TEXT[f]):
        check(int(y) >= 2043, f"{f}: year {y} outside the period")
    for y in re.findall(r"\bFY(\d\d)\b", TEXT[f]):
        check(int(y) >= 43, f"{f}: FY{y} outside the period")

# --------------------------------------------------------------------------------------
# Long-note format
# --------------------------------------------------------------------------------------
long_companies = set()
for f in LONG:
    t = TEXT[f]
    m = re.match(r"---\n(.*?)\n---\n(.*)$", t, re.S)
    if not check(m is not None, f"{f}: missing YAML front matter"):
        continue
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip()
    check(set(fm) == {"company", "ticker", "title", "date"}, f"{f}: front matter keys {sorted(fm)}")
    tk = fm.get("ticker")
    check(NOTE_COMPANIES[f] == [tk], f"{f}: front matter ticker {tk} mismatch")
    check(COMPANIES.get(tk, ("",))[0] == fm.get("company"), f"{f}: front matter company {fm.get('company')!r}")
    try:
        d = datetime.date.fromisoformat(fm.get("date", ""))
        check(datetime.date(2043, 1, 1) <= d <= datetime.date(2044, 7, 31), f"{f}: date out of period")
    except ValueError:
        fail(f"{f}: bad front matter date")
    long_companies.add(tk)
    body = m.group(2)
    prose = [l for l in body.split("\n") if not l.startswith("|") and not l.startswith("#")]
    wc = len(" ".join(prose).split())
    check(900 <= wc <= 1100, f"{f}: {wc} prose words (want 900-1100)")
    headers = [l for l in body.split("\n") if l.startswith("|") and re.search(r"\|\s*(FY\d{4}|Q[1-4] \d{4})\s*\|", l)]
    check(len(headers) >= 2, f"{f}: needs Markdown tables with fiscal-year or quarter columns")
    check(re.search(r"(?i)\bwe\b", body) and re.search(r"\b[Tt]he Company\b", body), f"{f}: not in the we / the Company voice")
    check("Sentiment Score" not in t and "Overall Sentiment" not in t and "Ticker Sentiment" not in t,
          f"{f}: long note must not have a sentiment block")
    if COMPANIES[tk][2] == "invented":
        check(INVENTED_SHORT[tk] in body, f"{f}: invented company not tied to its ticker in text")
check(len(long_companies) == 3, f"long notes cover {len(long_companies)} companies (want 3)")
check(any(COMPANIES[t][2] == "invented" for t in long_companies), "no long note on an invented company")

# --------------------------------------------------------------------------------------
# Company coverage and mentions
# --------------------------------------------------------------------------------------
for tk, (name, pat, role) in COMPANIES.items():
    mentioned = sorted(f for f in files if re.search(pat, TEXT[f]))
    if role in ("covered", "invented"):
        own = notes_of(tk)
        check(mentioned == own, f"{name}: mentioned in {mentioned}, expected exactly {own}")
        single = [f for f in notes_of(tk, short_only=True) if f not in COMPARISON_NOTES]
        if role == "covered":
            check(2 <= len(single) <= 3, f"{name}: {len(single)} single-company short notes (want 2-3)")
        else:
            check(len(single) == 2, f"{name}: {len(single)} short notes (want 2)")
            for f in single:
                check(INVENTED_SHORT[tk] in TEXT[f], f"{f}: invented company not written as {INVENTED_SHORT[tk]!r}")
    elif role == "passing":
        if check(len(mentioned) == 1, f"{name}: passing mention in {len(mentioned)} notes (want 1)"):
            f = mentioned[0]
            flat = TEXT[f].replace("\n", " ")
            hits = [s for s in sentences(flat) if re.search(pat, s)]
            check(len(hits) == 1, f"{name}: appears in {len(hits)} sentences of {f} (want 1)")
            check(all(not re.search(r"\d", s) for s in hits), f"{name}: sentence in {f} carries figures")
            check(len(re.findall(pat, TEXT[f])) == 1, f"{name}: named more than once in {f}")
    else:
        check(not mentioned, f"{name}: has no notes but is mentioned in {mentioned}")
for f in COMPARISON_NOTES:
    covered = [t for t in NOTE_COMPANIES[f] if COMPANIES[t][2] == "covered"]
    check(len(covered) == 2, f"{f}: comparison note must cover two covered companies")
check(sum(1 for f in SHORT if f in COMPARISON_NOTES) == 2, "want two comparison notes")

# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------
for label, got, want, tol in ARITH:
    check(abs(got - want) <= tol + 1e-9, f"arithmetic: {label}: computed {got}, stated {want}")
for f, figs in PRINTED.items():
    for s in figs:
        check(s in TEXT.get(f, ""), f"{f}: fact-sheet figure {s!r} not printed")

# --------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------
QA = []
with open(os.path.join(ROOT, "qa.jsonl"), encoding="utf-8") as fh:
    for i, line in enumerate(fh, 1):
        try:
            QA.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"qa.jsonl line {i}: {e}")
BYID = {r.get("id"): r for r in QA}
ALLOWED = {"id", "question", "gold_notes", "answer_keywords", "ticker", "kind", "follows", "typo", "unknown_company", "near_miss"}
KINDS = {"factual", "follow_up", "risk", "comparison", "general", "sentiment", "no_answer"}
check(65 <= len(QA) <= 75, f"{len(QA)} questions (want about 70)")
COMPANY_PATS = {tk: v[1] for tk, v in COMPANIES.items()}
COMPANY_PATS["BOSS.DE"] = r"(?i)\b(hugo|boss)\b"
COMPANY_PATS["3092.T"] = r"(?i)\bzozo"

for i, r in enumerate(QA):
    qid = r.get("id")
    check(qid == f"q{i + 1:03d}", f"record {i + 1}: id {qid!r} out of sequence")
    check(set(r) <= ALLOWED, f"{qid}: unexpected fields {sorted(set(r) - ALLOWED)}")
    for k in ("question", "gold_notes", "answer_keywords", "ticker", "kind"):
        check(k in r, f"{qid}: missing {k}")
    kind = r.get("kind")
    check(kind in KINDS, f"{qid}: bad kind {kind!r}")
    check(r.get("ticker") is None or r.get("ticker") in COMPANIES, f"{qid}: unknown ticker {r.get('ticker')!r}")
    gold, kws = r.get("gold_notes", []), r.get("answer_keywords", [])
    for g in gold:
        check(g in TEXT, f"{qid}: gold note {g} does not exist")
    check(len(set(gold)) == len(gold), f"{qid}: duplicate gold notes")
    if kind == "no_answer":
        check(not gold and not kws, f"{qid}: unanswerable question must have empty gold and keywords")
    else:
        check(gold and 1 <= len(kws) <= 4, f"{qid}: answerable question needs gold notes and 1-4 keywords")
        for k in kws:
            check(any(k.lower() in TEXT.get(g, "").lower() for g in gold), f"{qid}: keyword {k!r} not in any gold note")
    if "typo" in r:
        check(r["typo"] is True and kind == "factual", f"{qid}: typo must be true on a factual question")
    if "unknown_company" in r:
        check(r["unknown_company"] is True and COMPANIES.get(r.get("ticker"), ("", "", ""))[2] == "invented",
              f"{qid}: unknown_company must be true and on an invented company")
    elif r.get("ticker") in COMPANIES and COMPANIES[r["ticker"]][2] == "invented":
        fail(f"{qid}: question on an invented company lacks unknown_company")
    if "near_miss" in r:
        check(kind == "no_answer" and r["near_miss"] in NEAR_MISS_KINDS, f"{qid}: bad near_miss")
    tk = r.get("ticker")
    if tk and kind not in ("no_answer",) and gold:
        own = set(notes_of(tk))
        check(set(gold) <= own, f"{qid}: gold notes {sorted(set(gold) - own)} are not about {tk}")
        # completeness: any note on the company containing every keyword must be gold
        if kind in ("factual", "follow_up", "risk"):
            for f in own:
                if all(k.lower() in TEXT[f].lower() for k in kws):
                    check(f in gold, f"{qid}: {f} also contains every keyword but is not gold")
    # follow-ups
    if kind == "follow_up":
        prev = QA[i - 1] if i else {}
        check(r.get("follows") == prev.get("id"), f"{qid}: follows must be the record just before")
        check(prev.get("kind") != "follow_up" and prev.get("ticker") == tk, f"{qid}: parent must be a non-follow-up on the same company")
        check(not any(re.search(p, r["question"], re.I) for p in COMPANY_PATS.values()), f"{qid}: follow-up names a company")
    else:
        check("follows" not in r, f"{qid}: follows only on follow-ups")

def cat_count(pred):
    return sum(1 for r in QA if pred(r))

uk = lambda r: r.get("unknown_company")
check(cat_count(lambda r: r["kind"] == "factual" and not r.get("typo") and not uk(r)) == 16, "want 16 factual")
check(cat_count(lambda r: r["kind"] == "follow_up") == 4, "want 4 follow_up")
check(cat_count(lambda r: r["kind"] == "risk" and not uk(r)) == 6, "want 6 risk")
check(cat_count(lambda r: r["kind"] == "comparison") == 4, "want 4 comparison")
check(cat_count(lambda r: r["kind"] == "general") == 3, "want 3 general")
check(cat_count(lambda r: r["kind"] == "sentiment" and not uk(r)) == 3, "want 3 sentiment")
check(cat_count(lambda r: r.get("typo")) == 2, "want 2 typo")
check(cat_count(lambda r: uk(r) and r["kind"] != "no_answer") == 7, "want 7 answerable unknown_company")
check(cat_count(lambda r: uk(r) and r["kind"] == "no_answer" and r.get("near_miss")) == 2, "want 2 unknown_company near misses")
check(cat_count(lambda r: r["kind"] == "no_answer" and not uk(r)) == 24, "want 24 no_answer (non-invented)")
check(set(r["kind"] for r in QA if uk(r) and r["kind"] != "no_answer") <= {"factual", "risk", "sentiment"},
      "answerable unknown_company questions must be factual/risk/sentiment")
for k in NEAR_MISS_KINDS:
    check(cat_count(lambda r: r.get("near_miss") == k and not uk(r)) == 4, f"want 4 near misses of kind {k}")

# typo questions: company name misspelt
for r in QA:
    if r.get("typo"):
        check(not re.search(COMPANIES[r["ticker"]][1], r["question"], re.I), f"{r['id']}: typo question spells the company correctly")

# long-note factual questions
lf_nonuk = [q for q in LONG_FACTUAL if not uk(BYID.get(q, {}))]
check(sorted(LONG_FACTUAL[q] for q in lf_nonuk) == ["prose", "prose", "table", "table"], "want 2 table + 2 prose long-note factual")
check(any(uk(BYID.get(q, {})) and v == "table" for q, v in LONG_FACTUAL.items()), "want one unknown_company question from a long-note table")
for q, where in LONG_FACTUAL.items():
    r = BYID.get(q)
    if not check(r is not None and r["kind"] == "factual" and len(r["gold_notes"]) == 1 and r["gold_notes"][0].endswith(".md"),
                 f"{q}: long-note factual must have a single long gold note"):
        continue
    lines = TEXT[r["gold_notes"][0]].split("\n")
    tab = "\n".join(l for l in lines if l.startswith("|")).lower()
    pro = "\n".join(l for l in lines if not l.startswith("|")).lower()
    for k in r["answer_keywords"]:
        check(k.lower() in (tab if where == "table" else pro), f"{q}: keyword {k!r} not in the {where} of the long note")

# comparison questions
for r in QA:
    if r["kind"] != "comparison":
        continue
    check(r["ticker"] is None, f"{r['id']}: comparison ticker must be null")
    comp = [g for g in r["gold_notes"] if g in COMPARISON_NOTES]
    if r["id"] in COMPARISON_VIA_NOTE:
        check(r["gold_notes"] == comp and len(comp) == 1, f"{r['id']}: should be answered by one comparison note")
    else:
        cos = {t for g in r["gold_notes"] for t in NOTE_COMPANIES[g]}
        check(not comp and len(cos) == 2, f"{r['id']}: should need notes on two companies, no comparison note")
check(len(COMPARISON_VIA_NOTE) == 2, "want 2 comparison questions via comparison notes")

# general questions
for q, rx in THEMES.items():
    r = BYID.get(q)
    if not check(r is not None and r["kind"] == "general" and r["ticker"] is None, f"{q}: theme question missing or wrong"):
        continue
    hit = sorted(f for f in files if re.search(rx, TEXT[f]))
    check(hit == sorted(r["gold_notes"]), f"{q}: theme regex gives {hit}, gold is {sorted(r['gold_notes'])}")
    check(len({t for f in hit for t in NOTE_COMPANIES[f]}) >= 2, f"{q}: theme should span companies")
check(set(THEMES) == {r["id"] for r in QA if r["kind"] == "general"}, "every general question needs a theme regex")

# sentiment questions
for r in QA:
    if r["kind"] != "sentiment":
        continue
    shorts = notes_of(r["ticker"], short_only=True)
    check(sorted(r["gold_notes"]) == shorts, f"{r['id']}: sentiment gold must be all short notes on the company")
    labels = sorted({SHORT_LABEL[f] for f in shorts})
    check(sorted(r["answer_keywords"]) == labels, f"{r['id']}: keywords {r['answer_keywords']} != labels {labels}")

# near misses
nm_ids = {r["id"] for r in QA if r.get("near_miss")}
check(nm_ids == set(NEAR_MISS), f"near-miss table mismatch: {sorted(nm_ids ^ set(NEAR_MISS))}")
for q, (note, nearby, rx, _why) in NEAR_MISS.items():
    r = BYID.get(q)
    if r is None:
        continue
    check(nearby in TEXT.get(note, ""), f"{q}: nearby text not found in {note}")
    tk = r["ticker"]
    if r["near_miss"] == "passing_company":
        scope = files
        check(re.search(COMPANIES[tk][1], TEXT[note]) is not None, f"{q}: {note} does not mention the passing company")
    else:
        scope = notes_of(tk)
        check(note in scope, f"{q}: {note} is not about {tk}")
    for f in scope:
        m = re.search(rx, TEXT[f])
        check(m is None, f"{q}: absent-fact regex matches {f}: {m.group(0)[:80] if m else ''!r}")

# no-notes, off-topic, period
for q, name in NO_NOTES.items():
    r = BYID.get(q)
    check(r is not None and r["kind"] == "no_answer" and COMPANIES[r["ticker"]][2] == "no_notes", f"{q}: no-notes question wrong")
    check(not any(re.search(name, TEXT[f], re.I) for f in files), f"{q}: {name} appears in notes")
for q, pats in list(OFF_TOPIC.items()) + list(PERIOD.items()):
    r = BYID.get(q)
    check(r is not None and r["kind"] == "no_answer" and "near_miss" not in r, f"{q}: wrong record")
    for p in pats:
        check(not any(re.search(p, TEXT[f]) for f in files), f"{q}: term {p} appears in notes")
    check(any(re.search(p, r["question"]) for p in pats), f"{q}: question does not use its term")
check(OFF_TOPIC and BYID[list(OFF_TOPIC)[0]]["ticker"] is None, "off-topic ticker must be null")
other_na = {r["id"] for r in QA if r["kind"] == "no_answer" and not r.get("near_miss")}
check(other_na == set(NO_NOTES) | set(OFF_TOPIC) | set(PERIOD), f"unclassified no_answer: {sorted(other_na)}")

# --------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------
readme_path = os.path.join(ROOT, "README.md")
README = read(readme_path) if os.path.exists(readme_path) else ""
check(README, "README.md missing")
for q in NEAR_MISS:
    check(re.search(r"\|\s*" + q + r"\s*\|", README), f"README: near miss {q} not in a table row")
for tk, (name, _p, _r) in COMPANIES.items():
    check(tk in README and name in README, f"README: companies table lacks {name} ({tk})")

# --------------------------------------------------------------------------------------
# Exclusions
# --------------------------------------------------------------------------------------
def load_list(name):
    p = os.path.join(EXCLUDED_DIR, name)
    if not os.path.exists(p):
        fail(f"exclusion list {p} not found")
        return []
    return [l.strip() for l in read(p).splitlines() if l.strip()]


ex_names = load_list("excluded_names.txt")
ex_tickers = load_list("excluded_tickers.txt")


def wb(s):
    return re.compile(r"(?<![\w])" + re.escape(s) + r"(?![\w])", re.I)


def norm(s):
    return s.replace("’", "'").replace("é", "e").replace("ö", "o").lower()


assigned_norm = {norm(n) for n in ASSIGNED_NAMES}
ex_words = set()
for n in ex_names:
    for w in re.findall(r"[\w'’&.-]+", n.lower()):
        ex_words.add(w.strip(".'’"))

# 1) the names and tickers this set uses
for tk, (name, _p, role) in COMPANIES.items():
    exempt = role != "invented"
    for n in ex_names + EXTRA_EXCLUDED:
        base = re.sub(r"\s*\(.*\)$", "", n)
        if base and (wb(base).search(name) or wb(name).search(base)):
            if exempt:
                check(norm(base) in assigned_norm or norm(name).startswith(norm(base)) or norm(base).startswith(norm(name)),
                      f"exclusion: {name} hits excluded {n!r}")
            else:
                fail(f"exclusion: invented {name} hits excluded {n!r}")
    if tk in ex_tickers or tk.split(".")[0] in ex_tickers:
        check(exempt, f"exclusion: ticker {tk} is excluded")
    if role == "invented":
        for w in name.lower().split():
            check(w not in ex_words, f"exclusion: invented name word {w!r} shares a word with an excluded name")

# 2) scan the texts for excluded company names and tickers
corpus = dict(TEXT)
corpus["qa.jsonl:questions"] = "\n".join(r.get("question", "") for r in QA)
corpus["README.md"] = README
scan_names = []
for n in ex_names + EXTRA_EXCLUDED:
    base = re.sub(r"\s*\(.*\)$", "", n).strip()
    if not base or not base[0].isupper():
        continue  # lowercase entries in the list are category labels, not company names
    if norm(base) in assigned_norm or any(norm(base) == norm(a) for a in ASSIGNED_NAMES):
        continue
    scan_names.append(base)
pats = [(n, wb(n)) for n in sorted(set(scan_names))]
ex_tick_set = set(ex_tickers) - ASSIGNED_TICKERS
for where, text in corpus.items():
    for n, p in pats:
        m = p.search(text)
        if m:
            fail(f"exclusion: {where} contains excluded name {n!r}")
    for tok in re.findall(r"(?<![\w.$])\$?([A-Z0-9][A-Z0-9.\-]*[A-Z0-9]|[A-Z])(?![\w])", text):
        if tok in ex_tick_set:
            fail(f"exclusion: {where} contains excluded ticker {tok!r}")

# --------------------------------------------------------------------------------------
if FAIL:
    print(f"{len(FAIL)} check(s) failed:")
    for m in FAIL:
        print(" -", m)
    sys.exit(1)
print("OK")
