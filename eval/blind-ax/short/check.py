#!/usr/bin/env python3
"""Self-check for the ax-content blind evaluation set.

Run from anywhere:  python3 check.py
Prints OK and exits 0 when every check passes; otherwise lists the failures and exits 1.
Exclusion lists are read from $EXCLUDED_DIR, else /work/blind-prompts.
Python 3 standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, 'notes')
EXCLUDED_DIR = os.environ.get('EXCLUDED_DIR', '/work/blind-prompts')

FAIL = []


def fail(msg):
    FAIL.append(msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------
COVERED = {  # canonical ticker -> (name, aliases used in notes/questions)
    'DUE.DE': ('Dürr', ['dürr', 'durr', 'due']),
    'STB.OL': ('Storebrand', ['storebrand', 'stb', 'storbrand']),
    'MUSTI.HE': ('Musti Group', ['musti']),
    'FORN.SW': ('Forbo', ['forbo', 'forn']),
    '3994.T': ('Money Forward', ['money forward', 'mf', '3994']),
    'MANYAVAR.NS': ('Vedant Fashions', ['vedant', 'manyavar', 'mohey', 'twamev']),
    '0322.HK': ('Tingyi', ['tingyi', 'master kong', '0322']),
}
INVENTED = {
    'NQDR': ('Norquessa Dredging', ['norquessa', 'nqdr', 'vardholm']),
    'FDLW': ('Fendrilow Synthetic Diamonds', ['fendrilow', 'fdlw']),
}
PASSING = {'HTRO.ST': 'Hexatronic', 'SDIP-B.ST': 'Sdiptech', '3048.T': 'Bic Camera', 'WESTLIFE.NS': 'Westlife Foodworld'}
NO_NOTES = {'TATAELXSI.NS': 'Tata Elxsi', '0151.HK': 'Want Want'}
ALL_TICKERS = set(COVERED) | set(INVENTED) | set(PASSING) | set(NO_NOTES)
ALIASES = []
for _t, (_n, _a) in list(COVERED.items()) + list(INVENTED.items()):
    ALIASES += [_n.lower()] + _a + [_t.lower()]
ALIASES += [v.lower() for v in PASSING.values()] + [v.lower() for v in NO_NOTES.values()]

# which companies each note is about (short + long)
NOTE_CO = {
    'due-fy2051-results.txt': ['DUE.DE'],
    'due-q1-2052-orders.txt': ['DUE.DE'],
    'stb-fy2051-results.txt': ['STB.OL'],
    'stb-q1-2052.txt': ['STB.OL'],
    'musti-fy2051-results.txt': ['MUSTI.HE'],
    'musti-q1-fy2052.txt': ['MUSTI.HE'],
    'musti-q2-fy2052.txt': ['MUSTI.HE'],
    'forn-fy2051-results.txt': ['FORN.SW'],
    'forn-h1-2052.txt': ['FORN.SW'],
    'mf-fy2051-results.txt': ['3994.T'],
    'mf-q1-fy2052.txt': ['3994.T'],
    'mf-q2-fy2052.txt': ['3994.T'],
    'manyavar-fy2052-results.txt': ['MANYAVAR.NS'],
    'manyavar-gulf-expansion.txt': ['MANYAVAR.NS'],
    'tingyi-fy2051-results.txt': ['0322.HK'],
    'tingyi-q1-2052.txt': ['0322.HK'],
    'nqdr-fy2051-results.txt': ['NQDR'],
    'nqdr-q1-2052.txt': ['NQDR'],
    'fdlw-fy2051-results.txt': ['FDLW'],
    'fdlw-q1-2052.txt': ['FDLW'],
    'cmp-due-forn-q1-2052.txt': ['DUE.DE', 'FORN.SW'],
    'cmp-tingyi-manyavar.txt': ['0322.HK', 'MANYAVAR.NS'],
    'nqdr-annual-report-2051.md': ['NQDR'],
    'nqdr-q1-2052-release.md': ['NQDR'],
    'due-annual-report-2051.md': ['DUE.DE'],
    'mf-q2-fy2052-release.md': ['3994.T'],
}
COMPARISON_NOTES = ['cmp-due-forn-q1-2052.txt', 'cmp-tingyi-manyavar.txt']

# ---------------------------------------------------------------------------
# Load notes
# ---------------------------------------------------------------------------
TEXT = {}
if not os.path.isdir(NOTES_DIR):
    print('notes/ missing')
    sys.exit(1)
for f in sorted(os.listdir(NOTES_DIR)):
    with open(os.path.join(NOTES_DIR, f), encoding='utf-8', newline='') as fh:
        TEXT[f] = fh.read()
SHORT = sorted(f for f in TEXT if f.endswith('.txt'))
LONGN = sorted(f for f in TEXT if f.endswith('.md'))
check(set(TEXT) == set(NOTE_CO), 'notes on disk differ from NOTE_CO: %s' % sorted(set(TEXT) ^ set(NOTE_CO)))
check(20 <= len(SHORT) <= 24, 'short note count %d not about 22' % len(SHORT))
check(len(LONGN) == 4, 'long note count %d != 4' % len(LONGN))

SENT_SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9$"“(])')


def sentences(text):
    out = []
    for line in text.split('\n'):
        line = line.strip()
        if not line:
            continue
        if line.startswith('|'):
            out.append(line)
        else:
            out.extend(s for s in SENT_SPLIT.split(line) if s.strip())
    return out


# ---------------------------------------------------------------------------
# Short-note format
# ---------------------------------------------------------------------------
TAGLINES = {
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
    "AI-driven research, instant alerts, and portfolio insights for professional investors.",
    "Real-time research, smart alerts, and portfolio analytics for asset managers.",
    "AI-powered equity research and real-time portfolio alerts for investment teams.",
}
FOOTERS = {'Request a DemoOverall Sentiment', 'Request DemoOverall Sentiment'}
LABELS = ['strongly positive', 'mildly positive', 'neutral', 'mildly negative', 'strongly negative']
DATE_RE = re.compile(r'^Date: (\d{4}-\d{2}-\d{2}|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})$')
TLINE_RE = re.compile(r'^(\$)?([A-Z0-9][A-Z0-9.\-]*)(:)? (-?[01]\.\d{2})$')
PERIOD_RE = re.compile(r'(?i)\b(fiscal|quarter|first-half|half|FY\d{2,4})\b|\b205[12]\b')


def label_for(score):
    if -0.10 <= score <= 0.10:
        return 'neutral'
    if 0.10 < score <= 0.35:
        return 'mildly positive'
    if -0.35 <= score < -0.10:
        return 'mildly negative'
    return 'strongly positive' if score > 0 else 'strongly negative'


PARSED = {}
first_kinds = {'blank': 0, 'date': 0, 'none': 0}
no_final_nl = 0
curly = 0
tagline_used = set()
layouts = {'plain': 0, 'colon': 0, 'dollar': 0}
notes_with_tlines = 0
for f in SHORT:
    t = TEXT[f]
    if not t.endswith('\n'):
        no_final_nl += 1
    if '\u2019' in t:
        curly += 1
        check("'" not in t, '%s mixes curly and straight apostrophes' % f)
    lines = t[:-1].split('\n') if t.endswith('\n') else t.split('\n')
    if lines[0] == '':
        first_kinds['blank'] += 1
        lines = lines[1:]
    elif lines[0].startswith('Date:'):
        check(DATE_RE.match(lines[0]) is not None, '%s bad Date line %r' % (f, lines[0]))
        m = re.search(r'(\d{4})', lines[0])
        check(m and m.group(1) in ('2051', '2052'), '%s date outside 2051-2052' % f)
        first_kinds['date'] += 1
        lines = lines[1:]
    else:
        first_kinds['none'] += 1
    if not check(len(lines) >= 8, '%s too few lines' % f):
        continue
    news, analytic, tag, footer, label, ss, score, ts = lines[:8]
    tl = lines[8:]
    ns = SENT_SPLIT.split(news)
    check(2 <= len(ns) <= 4, '%s news paragraph has %d sentences' % (f, len(ns)))
    check(re.search(r'\d', news) is not None, '%s news has no figures' % f)
    check(PERIOD_RE.search(news) is not None, '%s news names no period' % f)
    wc = len(analytic.split())
    check(180 <= wc <= 240, '%s analytic paragraph has %d words' % (f, wc))
    check(len(SENT_SPLIT.split(analytic)) >= 5, '%s analytic paragraph too few sentences' % f)
    check(tag in TAGLINES, '%s unknown tagline %r' % (f, tag))
    tagline_used.add(tag)
    check(footer in FOOTERS, '%s bad footer %r' % (f, footer))
    check(label in LABELS, '%s bad label %r' % (f, label))
    check(ss == 'Sentiment Score', '%s missing Sentiment Score line' % f)
    check(ts == 'Ticker Sentiment', '%s missing Ticker Sentiment line' % f)
    try:
        sc = float(score)
    except ValueError:
        fail('%s score not a number' % f)
        continue
    check(re.match(r'^-?[01]\.\d{2}$', score) is not None and -1 <= sc <= 1, '%s score out of range %r' % (f, score))
    check(label_for(sc) == label, '%s label %r does not match score %s' % (f, label, score))
    tick = []
    if tl:
        notes_with_tlines += 1
    for line in tl:
        m = TLINE_RE.match(line)
        if not check(m is not None, '%s bad ticker line %r' % (f, line)):
            continue
        if m.group(1) and m.group(3):
            fail('%s ticker line mixes layouts %r' % (f, line))
        layouts['dollar' if m.group(1) else 'colon' if m.group(3) else 'plain'] += 1
        tick.append((m.group(2), float(m.group(4))))
        check(m.group(2) in NOTE_CO[f], '%s ticker line for %s, not a company of the note' % (f, m.group(2)))
    if tl and len(NOTE_CO[f]) == 1:
        check(len(tick) == 1 and abs(tick[0][1] - sc) < 1e-9, '%s single ticker line should repeat the score' % f)
    PARSED[f] = dict(news=news, analytic=analytic, label=label, score=sc, tick=tick)
    for tk in NOTE_CO[f]:
        name, al = (COVERED.get(tk) or INVENTED.get(tk))
        check(name.lower() in t.lower(), '%s does not name %s' % (f, name))

check(first_kinds['blank'] == 5, 'blank first lines: %d (want 5)' % first_kinds['blank'])
check(10 <= first_kinds['date'] <= 12, 'Date first lines: %d (want about 11)' % first_kinds['date'])
check(no_final_nl == 5, 'notes without final newline: %d (want 5)' % no_final_nl)
check(curly == 5, 'notes with curly apostrophes: %d (want 5)' % curly)
check(len(tagline_used) == 4, 'tagline wordings used: %d (want 4)' % len(tagline_used))
check(12 <= notes_with_tlines <= 14, 'notes with ticker lines: %d (want about 13)' % notes_with_tlines)
check(all(v > 0 for v in layouts.values()), 'ticker-line layouts not all used: %s' % layouts)
for f in COMPARISON_NOTES:
    p = PARSED.get(f)
    check(p is not None and len(NOTE_CO[f]) == 2 and all(c in COVERED for c in NOTE_CO[f]), '%s is not a two-company comparison note' % f)
    if p:
        check(sorted(x[0] for x in p['tick']) == sorted(NOTE_CO[f]), '%s needs ticker lines for both companies' % f)
for f in LONGN:
    for bad in ('Sentiment Score', 'Overall Sentiment', 'Ticker Sentiment'):
        check(bad not in TEXT[f], '%s long note has a sentiment block' % f)

# ---------------------------------------------------------------------------
# Long-note format
# ---------------------------------------------------------------------------
HEADER_COL = re.compile(r'^(FY\d{4}|Q[1-4] (FY)?\d{4}|H[12] FY\d{4}|Q[1-4] FY\d{4})$')
long_companies = set()
for f in LONGN:
    t = TEXT[f]
    m = re.match(r'^---\n(.*?)\n---\n(.*)$', t, re.S)
    if not check(m is not None, '%s no front matter' % f):
        continue
    fm = {}
    for line in m.group(1).split('\n'):
        k, _, v = line.partition(':')
        fm[k.strip()] = v.strip()
    check(set(fm) == {'company', 'ticker', 'title', 'date'}, '%s front matter keys %s' % (f, sorted(fm)))
    tk = fm.get('ticker')
    check([tk] == NOTE_CO[f], '%s front matter ticker %s' % (f, tk))
    name = (COVERED.get(tk) or INVENTED.get(tk) or ('?',))[0]
    check(fm.get('company') == name, '%s front matter company %r' % (f, fm.get('company')))
    check(re.match(r'^205[12]-\d{2}-\d{2}$', fm.get('date', '')) is not None, '%s front matter date' % f)
    long_companies.add(tk)
    body = m.group(2)
    words = sum(len(l.split()) for l in body.split('\n') if l.strip() and not l.strip().startswith(('|', '#')))
    check(900 <= words <= 1100, '%s prose words %d' % (f, words))
    check(re.search(r'\b(we|We|our|the Company)\b', body) is not None, '%s not in company voice' % f)
    lines = body.split('\n')
    tables = 0
    for i in range(len(lines) - 1):
        if lines[i].startswith('|') and re.match(r'^\|(\s*-+\s*\|)+$', lines[i + 1]):
            cols = [c.strip() for c in lines[i].strip('|').split('|')]
            if any(HEADER_COL.match(c) for c in cols[1:]):
                tables += 1
    check(tables >= 1, '%s has no table with fiscal-year or quarter columns' % f)
check(len(long_companies) == 3, 'long notes cover %d companies (want 3)' % len(long_companies))
check(any(c in INVENTED for c in long_companies), 'no long note on an invented company')

# ---------------------------------------------------------------------------
# Company coverage and passing mentions
# ---------------------------------------------------------------------------
for tk in COVERED:
    n = sum(1 for f in SHORT if tk in NOTE_CO[f])
    check(2 <= n <= 3, '%s has %d short notes (want 2-3)' % (tk, n))
for tk, (name, _) in INVENTED.items():
    n = sum(1 for f in SHORT if tk in NOTE_CO[f])
    check(n == 2, '%s has %d short notes (want 2)' % (tk, n))
    for f in SHORT:
        if tk in NOTE_CO[f]:
            check('%s (%s)' % (name, tk) in TEXT[f], '%s does not tie %s to %s' % (f, name, tk))
for tk, name in PASSING.items():
    hits = [(f, s) for f in TEXT for s in sentences(TEXT[f]) if re.search(r'(?i)\b%s\b' % re.escape(name), s)]
    if check(len(hits) == 1, 'passing company %s appears in %d sentences' % (name, len(hits))):
        check(not re.search(r'\d', hits[0][1]), 'passing company %s sentence has figures' % name)
for tk, name in NO_NOTES.items():
    for f in TEXT:
        check(not re.search(r'(?i)\b%s\b' % re.escape(name), TEXT[f]), '%s mentions no-notes company %s' % (f, name))
        check(tk.split('.')[0] not in TEXT[f], '%s mentions no-notes ticker %s' % (f, tk))

# ---------------------------------------------------------------------------
# Fact sheets: arithmetic and presence in notes
# ---------------------------------------------------------------------------


def g(new, old):
    return (new / old - 1) * 100


def near(a, b, tol=0.051):
    return abs(a - b) <= tol


FACTS = [
    # (description, arithmetic ok, note, strings that must appear in it)
    ('DUE revenue +6.0%', near(g(5141, 4850), 6.0), 'due-fy2051-results.txt', ['5,141', '4,850', '6.0%']),
    ('DUE orders +7.0%', near(g(5029, 4700), 7.0), 'due-annual-report-2051.md', ['5,029', '4,700', '7.0%']),
    ('DUE EBIT margin 6.5%', near(334 / 5141 * 100, 6.5), 'due-fy2051-results.txt', ['334', '6.5%']),
    ('DUE 2050 EBIT margin 6.4%', near(310 / 4850 * 100, 6.4), 'due-annual-report-2051.md', ['310', '6.4%']),
    ('DUE leverage 0.75x', near(401 / 535, 0.75, 0.005), 'due-fy2051-results.txt', ['401', '535', '0.75x']),
    ('DUE divisions 2051 sum', 2620 + 865 + 1246 + 410 == 5141, 'due-annual-report-2051.md', ['2,620', '865', '1,246', '410', '5,141']),
    ('DUE divisions 2050 sum', 2470 + 810 + 1172 + 398 == 4850, 'due-annual-report-2051.md', ['2,470', '810', '1,172', '398']),
    ('DUE Q1 orders +10.1%', near(g(1310, 1190), 10.1), 'due-q1-2052-orders.txt', ['1,310', '1,190', '10.1%']),
    ('DUE Q1 orders split', 720 + 590 == 1310, 'due-q1-2052-orders.txt', ['720', '590']),
    ('DUE Q1 EBIT margin 5.9%', near(72 / 1228 * 100, 5.9), 'due-q1-2052-orders.txt', ['72m', '1,228', '5.9%']),
    ('FORN Q1 sales +1.7%', near(g(301, 296), 1.7), 'cmp-due-forn-q1-2052.txt', ['301', '296', '1.7%']),
    ('STB result +10.0%', near(g(5841, 5310), 10.0), 'stb-fy2051-results.txt', ['5,841', '5,310', '10.0%']),
    ('STB segments sum', 2910 + 1180 + 1390 + 361 == 5841, 'stb-fy2051-results.txt', ['2,910', '1,180', '1,390', '361']),
    ('STB Q1 +9.6%', near(g(1512, 1380), 9.6), 'stb-q1-2052.txt', ['1,512', '1,380', '9.6%']),
    ('STB Q1 split', 760 + 752 == 1512, 'stb-q1-2052.txt', ['760', '752']),
    ('MUSTI revenue +8.1% (FY2050 455.0)', near(g(492.0, 455.0), 8.1), 'musti-fy2051-results.txt', ['492.0', '8.1%']),
    ('MUSTI markets sum', near(205.0 + 287.0, 492.0, 0.001), 'musti-fy2051-results.txt', ['205.0', '287.0']),
    ('MUSTI EBITA margin 9.6%', near(47.2 / 492.0 * 100, 9.6), 'musti-fy2051-results.txt', ['47.2', '9.6%']),
    ('MUSTI stores 349+13', 349 + 13 == 362, 'musti-fy2051-results.txt', ['362', '13 more']),
    ('MUSTI Q1 +7.8%', near(g(131.5, 122.0), 7.8), 'musti-q1-fy2052.txt', ['131.5', '122.0', '7.8%']),
    ('MUSTI Q1 margin 9.6%', near(12.6 / 131.5 * 100, 9.6), 'musti-q1-fy2052.txt', ['12.6', '9.6%']),
    ('MUSTI Q2 +6.4%', near(g(126.8, 119.2), 6.4), 'musti-q2-fy2052.txt', ['126.8', '119.2', '6.4%']),
    ('MUSTI Q2 margin 8.7%', near(11.0 / 126.8 * 100, 8.7), 'musti-q2-fy2052.txt', ['11.0', '8.7%']),
    ('FORN sales +3.0%', near(g(1205, 1170), 3.0), 'forn-fy2051-results.txt', ['1,205', '3.0%']),
    ('FORN segments sum', 770 + 435 == 1205, 'forn-fy2051-results.txt', ['770', '435']),
    ('FORN EBIT margin 11.5%', near(139 / 1205 * 100, 11.5), 'forn-fy2051-results.txt', ['139', '11.5%']),
    ('FORN H1 +2.3%', near(g(612, 598), 2.3), 'forn-h1-2052.txt', ['612', '598', '2.3%']),
    ('FORN H1 margin 11.4%', near(70 / 612 * 100, 11.4), 'forn-h1-2052.txt', ['70m', '11.4%']),
    ('FORN H1 = Q1 301 + Q2 311; H1 2051 = 296 + 302', 301 + 311 == 612 and 296 + 302 == 598, 'cmp-due-forn-q1-2052.txt', ['301']),
    ('MF revenue +25.9%', near(g(80.6, 64.0), 25.9), 'mf-fy2051-results.txt', ['80.6', '64.0', '25.9%']),
    ('MF adj EBITDA margin 11.0%', near(8.9 / 80.6 * 100, 11.0), 'mf-fy2051-results.txt', ['8.9', '11.0%']),
    ('MF FY2051 domains sum (Home 6.8, X 7.3, Finance 14.1)', near(52.4 + 6.8 + 7.3 + 14.1, 80.6, 0.001), 'mf-fy2051-results.txt', ['52.4']),
    ('MF Q1 +26.7%', near(g(22.3, 17.6), 26.7), 'mf-q1-fy2052.txt', ['22.3', '17.6', '26.7%']),
    ('MF Q1 margin 11.7%', near(2.6 / 22.3 * 100, 11.7), 'mf-q1-fy2052.txt', ['2.6', '11.7%']),
    ('MF Q1 ARR +30.3% (prior 45.2)', near(g(58.9, 45.2), 30.3), 'mf-q1-fy2052.txt', ['58.9', '30.3%']),
    ('MF Q2 +25.1%', near(g(23.9, 19.1), 25.1), 'mf-q2-fy2052.txt', ['23.9', '19.1', '25.1%']),
    ('MF Q2 margin 13.0%', near(3.1 / 23.9 * 100, 13.0), 'mf-q2-fy2052.txt', ['3.1', '13.0%']),
    ('MF H1 = Q1 + Q2', near(22.3 + 23.9, 46.2, 0.001) and near(17.6 + 19.1, 36.7, 0.001), 'mf-q2-fy2052.txt', ['46.2']),
    ('MF Q2 ARR +29.3% (prior 47.8)', near(g(61.8, 47.8), 29.3), 'mf-q2-fy2052.txt', ['61.8', '29.3%']),
    ('MF Q2 domains sum FY2052', 15912 + 1804 + 2087 + 4097 == 23900, 'mf-q2-fy2052-release.md', ['15,912', '1,804', '2,087', '4,097', '23,900']),
    ('MF Q2 domains sum FY2051', 12620 + 1690 + 1520 + 3270 == 19100, 'mf-q2-fy2052-release.md', ['12,620', '1,690', '1,520', '3,270', '19,100']),
    ('MF domain growth', all(near(g(a, b), c) for a, b, c in [(15912, 12620, 26.1), (1804, 1690, 6.7), (2087, 1520, 37.3), (4097, 3270, 25.3), (23900, 19100, 25.1), (3100, 1950, 59.0)]),
     'mf-q2-fy2052-release.md', ['+26.1%', '+6.7%', '+37.3%', '+25.3%', '+59.0%']),
    ('MF H1 margins', near(3650 / 36700 * 100, 9.9) and near(5700 / 46200 * 100, 12.3) and 2600 + 3100 == 5700, 'mf-q2-fy2052-release.md', ['9.9%', '12.3%', '5,700']),
    ('VED revenue +12.8%', near(g(24.6, 21.8), 12.8), 'manyavar-fy2052-results.txt', ['24.6', '21.8', '12.8%']),
    ('VED EBITDA margin 45.1%', near(11.1 / 24.6 * 100, 45.1), 'manyavar-fy2052-results.txt', ['11.1', '45.1%']),
    ('VED brands sum', near(16.9 + 7.7, 24.6, 0.001), 'manyavar-fy2052-results.txt', ['16.9', '7.7']),
    ('VED Q3 +9.5%', near(g(8.1, 7.4), 9.5), 'manyavar-gulf-expansion.txt', ['8.1', '7.4', '9.5%']),
    ('VED quarters sum (Q1 4.1, Q2 4.5)', near(4.1 + 4.5 + 8.1 + 7.9, 24.6, 0.001), 'cmp-tingyi-manyavar.txt', ['7.9']),
    ('VED Q4 +16.2% (prior 6.8)', near(g(7.9, 6.8), 16.2), 'cmp-tingyi-manyavar.txt', ['16.2%']),
    ('TIN revenue +3.1%', near(g(88.9, 86.2), 3.1), 'tingyi-fy2051-results.txt', ['88.9', '86.2', '3.1%']),
    ('TIN segments sum (other 1.2)', near(57.3 + 30.4 + 1.2, 88.9, 0.001), 'tingyi-fy2051-results.txt', ['57.3', '30.4']),
    ('TIN Q1 +5.1%', near(g(22.6, 21.5), 5.1), 'tingyi-q1-2052.txt', ['22.6', '21.5', '5.1%']),
    ('NQDR revenue +12.0%', near(g(2587, 2310), 12.0), 'nqdr-fy2051-results.txt', ['2,587', '2,310', '12.0%']),
    ('NQDR EBITDA margin 18.0%', near(466 / 2587 * 100, 18.0), 'nqdr-fy2051-results.txt', ['466', '18.0%']),
    ('NQDR EBIT margin 10.0%', near(259 / 2587 * 100, 10.0), 'nqdr-annual-report-2051.md', ['259', '10.0%']),
    ('NQDR 2050 EBITDA margin 17.0%', near(393 / 2310 * 100, 17.0), 'nqdr-annual-report-2051.md', ['393', '17.0%']),
    ('NQDR order book +9.2%', near(g(6420, 5880), 9.2), 'nqdr-fy2051-results.txt', ['6,420', '9.2%']),
    ('NQDR leverage 1.2x', near(559 / 466, 1.2) and near(612 / 393, 1.6), 'nqdr-annual-report-2051.md', ['559', '1.2 times', '1.6 times']),
    ('NQDR net debt -53', 612 - 559 == 53, 'nqdr-annual-report-2051.md', ['EUR 53m']),
    ('NQDR quarters sum', 590 + 648 + 672 + 677 == 2587 and 99 + 116 + 124 + 127 == 466, 'nqdr-annual-report-2051.md', ['| 590 | 648 | 672 | 677 | 2,587 |', '| 99 | 116 | 124 | 127 | 466 |']),
    ('NQDR segments sum', 1506 + 881 + 200 == 2587 and 1402 + 718 + 190 == 2310, 'nqdr-annual-report-2051.md', ['1,506', '881', '1,402', '718']),
    ('NQDR segment growth', all(near(g(a, b), c) for a, b, c in [(1506, 1402, 7.4), (881, 718, 22.7), (200, 190, 5.3)]), 'nqdr-annual-report-2051.md', ['+7.4%', '+22.7%', '+5.3%']),
    ('NQDR Q1 +8.6%', near(g(641, 590), 8.6), 'nqdr-q1-2052.txt', ['641', '590', '8.6%']),
    ('NQDR Q1 margins', near(112 / 641 * 100, 17.5) and near(99 / 590 * 100, 16.8) and near(g(112, 99), 13.1) and near(127 / 677 * 100, 18.8), 'nqdr-q1-2052-release.md', ['17.5%', '16.8%', '13.1%', '18.8%']),
    ('NQDR Q1 segments', 372 + 222 + 47 == 641 and 349 + 197 + 44 == 590 and all(near(g(a, b), c) for a, b, c in [(372, 349, 6.6), (222, 197, 12.7), (47, 44, 6.8)]), 'nqdr-q1-2052-release.md', ['372', '222', '+6.6%', '+12.7%', '+6.8%']),
    ('NQDR order book roll-forward', 6420 + 831 - 641 == 6610 and 5880 + 720 - 590 == 6010 and near(g(831, 720), 15.4) and near(g(6610, 6010), 10.0), 'nqdr-q1-2052-release.md', ['831', '6,610', '6,010', '15.4%']),
    ('NQDR Q1 LTM leverage 1.2x', near(590 / (466 - 99 + 112), 1.2, 0.05), 'nqdr-q1-2052-release.md', ['590m', '1.2 times']),
    ('FDLW revenue +8.5%', near(g(447, 412), 8.5), 'fdlw-fy2051-results.txt', ['447', '412', '8.5%']),
    ('FDLW segments sum', 268 + 179 == 447, 'fdlw-fy2051-results.txt', ['268', '179']),
    ('FDLW EBIT margin 13.0%', near(58 / 447 * 100, 13.0), 'fdlw-fy2051-results.txt', ['58m', '13.0%']),
    ('FDLW Q1 +7.2%', near(g(104, 97), 7.2), 'fdlw-q1-2052.txt', ['104', '97m', '7.2%']),
]
for desc, ok, note, strs in FACTS:
    check(ok, 'fact arithmetic fails: %s' % desc)
    for s in strs:
        check(s in TEXT.get(note, ''), 'fact %s: %r not in %s' % (desc, s, note))

# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------
QA = []
with open(os.path.join(HERE, 'qa.jsonl'), encoding='utf-8') as fh:
    for i, line in enumerate(fh):
        try:
            QA.append(json.loads(line))
        except ValueError:
            fail('qa.jsonl line %d is not JSON' % (i + 1))
BYID = {d['id']: d for d in QA}
KINDS = {'factual', 'follow_up', 'risk', 'comparison', 'general', 'sentiment', 'no_answer'}
NM_KINDS = ['segment_figure', 'passing_company', 'product_metric', 'undated_event', 'other_measure']
ALLOWED_KEYS = {'id', 'question', 'gold_notes', 'answer_keywords', 'ticker', 'kind', 'follows', 'typo', 'unknown_company', 'near_miss'}
for i, d in enumerate(QA):
    check(d.get('id') == 'q%03d' % (i + 1), 'question %d has id %r' % (i + 1, d.get('id')))
    check(set(d) <= ALLOWED_KEYS and {'id', 'question', 'gold_notes', 'answer_keywords', 'ticker', 'kind'} <= set(d), '%s bad keys %s' % (d.get('id'), sorted(d)))
    check(d.get('kind') in KINDS, '%s bad kind %r' % (d.get('id'), d.get('kind')))
    check(d.get('ticker') is None or d.get('ticker') in ALL_TICKERS, '%s unknown ticker %r' % (d['id'], d.get('ticker')))
    for gnote in d.get('gold_notes', []):
        check(gnote in TEXT, '%s gold note %s missing' % (d['id'], gnote))
    if d['kind'] == 'no_answer':
        check(d['gold_notes'] == [] and d['answer_keywords'] == [], '%s no_answer must have empty gold and keywords' % d['id'])
    else:
        check(len(d['gold_notes']) >= 1, '%s has no gold notes' % d['id'])
        check(1 <= len(d['answer_keywords']) <= 4, '%s needs 1-4 keywords' % d['id'])
        for kw in d['answer_keywords']:
            check(any(kw.lower() in TEXT.get(gn, '').lower() for gn in d['gold_notes']), '%s keyword %r in no gold note' % (d['id'], kw))
    if 'near_miss' in d:
        check(d['near_miss'] in NM_KINDS and d['kind'] == 'no_answer', '%s bad near_miss' % d['id'])
    for flag in ('typo', 'unknown_company'):
        if flag in d:
            check(d[flag] is True, '%s %s must be true' % (d['id'], flag))
    if d['kind'] in ('comparison', 'general'):
        check(d['ticker'] is None, '%s must have ticker null' % d['id'])
    if d.get('ticker') in INVENTED:
        check(d.get('unknown_company') is True, '%s asks about an invented company without unknown_company' % d['id'])
    if d.get('unknown_company'):
        check(d.get('ticker') in INVENTED, '%s unknown_company but ticker %r' % (d['id'], d.get('ticker')))

lower_share = sum(1 for d in QA if d['question'] == d['question'].lower()) / max(1, len(QA))
check(lower_share >= 0.8, 'only %.0f%% of questions are lowercase' % (lower_share * 100))


def cat(d):
    if d.get('unknown_company'):
        return 'unknown_company'
    if d.get('typo'):
        return 'typo'
    return d['kind']


counts = {}
for d in QA:
    counts[cat(d)] = counts.get(cat(d), 0) + 1
WANT = {'factual': 16, 'follow_up': 4, 'risk': 6, 'comparison': 4, 'general': 3, 'sentiment': 3, 'typo': 2, 'unknown_company': 9, 'no_answer': 24}
check(counts == WANT, 'category counts %s != %s' % (counts, WANT))
check(65 <= len(QA) <= 75, '%d questions (want about 70)' % len(QA))

# typo questions
TYPO = {'q037': ('storbrand', 'storebrand'), 'q038': ('fashons', 'fashions')}
for qid, (wrong, right) in TYPO.items():
    d = BYID.get(qid, {})
    check(d.get('typo') is True and d.get('kind') == 'factual', '%s should be a typo question' % qid)
    check(wrong in d.get('question', '') and right not in d.get('question', ''), '%s should contain the misspelling %r' % (qid, wrong))
check(sorted(d['id'] for d in QA if d.get('typo')) == sorted(TYPO), 'typo ids differ')

# follow-ups
for i, d in enumerate(QA):
    if d['kind'] == 'follow_up':
        prev = QA[i - 1] if i else {}
        check(d.get('follows') == prev.get('id'), '%s follows %r, not the previous record' % (d['id'], d.get('follows')))
        check(d.get('ticker') == prev.get('ticker'), '%s ticker differs from its parent' % d['id'])
        ql = d['question'].lower()
        for a in ALIASES:
            check(not re.search(r'(?<![\w])%s(?![\w])' % re.escape(a), ql), '%s names a company (%s)' % (d['id'], a))
    elif 'follows' in d:
        fail('%s has follows but is not a follow_up' % d['id'])

# completeness of gold for single-company factual questions
for d in QA:
    if d['kind'] in ('factual', 'follow_up') and d['answer_keywords']:
        tk = d['ticker']
        for f in TEXT:
            if tk in NOTE_CO[f] and all(k.lower() in TEXT[f].lower() for k in d['answer_keywords']):
                check(f in d['gold_notes'], '%s: %s holds every keyword but is not gold' % (d['id'], f))

# risk questions: gold = every note about the company
for d in QA:
    if d['kind'] == 'risk':
        want = sorted(f for f in TEXT if d['ticker'] in NOTE_CO[f])
        check(sorted(d['gold_notes']) == want, '%s risk gold %s != %s' % (d['id'], sorted(d['gold_notes']), want))

# comparison: 2 use a comparison note, 2 need notes on two companies
with_cmp = [d['id'] for d in QA if d['kind'] == 'comparison' and any(g_ in COMPARISON_NOTES for g_ in d['gold_notes'])]
check(len(with_cmp) == 2, 'comparison questions using a comparison note: %s' % with_cmp)
for d in QA:
    if d['kind'] == 'comparison':
        cos = set(c for gn in d['gold_notes'] for c in NOTE_CO[gn])
        check(len(cos) == 2 and cos <= set(COVERED), '%s gold should cover two covered companies, got %s' % (d['id'], cos))
        if d['id'] not in with_cmp:
            check(all(len(NOTE_CO[gn]) == 1 for gn in d['gold_notes']), '%s should need single-company notes' % d['id'])

# general themes
THEMES = {
    'q031': r"(?i)\bbuy-?backs?\b|\brepurchas\w*",
    'q032': r"(?i)\b(currency|currencies|FX|exchange[- ]rates?)\b",
    'q033': r"(?i)\binterest rates?\b",
}
check(sorted(d['id'] for d in QA if d['kind'] == 'general') == sorted(THEMES), 'general ids differ from THEMES')
for qid, rx in THEMES.items():
    want = sorted(f for f in TEXT if re.search(rx, TEXT[f]))
    check(sorted(BYID.get(qid, {}).get('gold_notes', [])) == want, '%s theme gold != regex matches %s' % (qid, want))
    check(len(set(c for f in want for c in NOTE_CO[f])) >= 2, '%s theme covers fewer than two companies' % qid)

# sentiment
for d in QA:
    if d['kind'] == 'sentiment':
        want = sorted(f for f in SHORT if d['ticker'] in NOTE_CO[f])
        check(sorted(d['gold_notes']) == want, '%s sentiment gold %s != %s' % (d['id'], d['gold_notes'], want))
        labels = sorted(set(PARSED[f]['label'] for f in want if f in PARSED))
        check(sorted(d['answer_keywords']) == labels, '%s sentiment keywords %s != labels %s' % (d['id'], d['answer_keywords'], labels))

# long-note factual questions: 2 from tables, 2 from prose (+1 unknown-company table question)
LONG_Q = {'q003': 'table', 'q004': 'prose', 'q014': 'table', 'q015': 'prose', 'q040': 'table'}
for qid, where in LONG_Q.items():
    d = BYID.get(qid, {})
    longs = [gn for gn in d.get('gold_notes', []) if gn.endswith('.md')]
    check(d.get('kind') == 'factual' and longs, '%s should be factual with a long gold note' % qid)
    for gn in longs:
        tlines = [l for l in TEXT[gn].split('\n') if l.startswith('|')]
        plines = [l for l in TEXT[gn].split('\n') if not l.startswith('|')]
        for kw in d.get('answer_keywords', []):
            in_t = any(kw in l for l in tlines)
            in_p = any(kw in l for l in plines)
            if where == 'table':
                check(in_t and not in_p, '%s keyword %r should come from a table only' % (qid, kw))
            else:
                check(in_p and not in_t, '%s keyword %r should come from prose only' % (qid, kw))
check(sum(1 for q_ in LONG_Q if q_ in BYID and not BYID[q_].get('unknown_company')) == 4, 'need 4 base factual questions from long notes')

# unknown-company questions
unk = [d for d in QA if d.get('unknown_company')]
ans = [d for d in unk if d['kind'] != 'no_answer']
check(len(ans) == 7 and all(d['kind'] in ('factual', 'risk', 'sentiment') for d in ans), 'unknown_company answerable questions wrong: %s' % [d['id'] for d in ans])
check(len([d for d in unk if d['kind'] == 'no_answer' and d.get('near_miss')]) == 2, 'need 2 unknown_company near misses')
check(len(set(d['ticker'] for d in unk)) == 2, 'unknown_company questions should cover both invented companies')

# ---------------------------------------------------------------------------
# Near misses
# ---------------------------------------------------------------------------
TIME = (r"\b(Q[1-4]|H[12]|FY\s?\d{2,4}|January|February|March|April|May|June|July|August|September|October|November|December|"
        r"20\d\d|spring|summer|autumn|winter|(first|second|third|fourth) (quarter|half)|next year|this year|end of the year|year-end|"
        r"within (a|\w+) (months?|weeks?|years?))\b")
NEAR = {
    # id: (kind, note, nearby text, absent-fact regex applied per sentence, scope)
    'q046': ('undated_event', 'nqdr-q1-2052.txt', 'will enter service once its sea trials are complete',
             r"(?i)^(?=.*\bVardholm\b)(?=.*%s)" % TIME, 'NQDR'),
    'q047': ('product_metric', 'fdlw-q1-2052.txt', 'priced at USD 1,450 per wafer',
             r"(?i)^(?=.*\bwafers?\b)(?=.*(\b\d[\d,.]*\s*(thousand|million)?\s*(wafers|units)\b|\b(shipped|sold|shipments|delivered)\b))", 'FDLW'),
    'q048': ('segment_figure', 'due-q1-2052-orders.txt', 'the other three divisions together booked EUR 590m',
             r"(?i)^(?=.*\bwoodworking\b)(?=.*\b(order|orders|booked|bookings)\b)(?=.*(first[- ]quarter|\bQ1\b))", 'DUE.DE'),
    'q049': ('segment_figure', 'stb-q1-2052.txt', 'Insurance, Guaranteed Pensions and Other together contributed NOK 752m',
             r"(?i)^(?=.*\binsurance\b)(?=.*(first[- ]quarter|\bQ1\b))(?=.*NOK\s?[\d,.]+\s?m\b)", 'STB.OL'),
    'q050': ('segment_figure', 'musti-fy2051-results.txt', 'Sweden and Norway together added EUR 287.0m',
             r"(?i)^(?=.*\bNorw(ay|egian)\b)(?=.*EUR\s?[\d,.]+\s?m\b)(?!.*\btogether\b)", 'MUSTI.HE'),
    'q051': ('segment_figure', 'manyavar-fy2052-results.txt', 'Mohey, Twamev, Manthan and Mebaz together added INR 7.7bn',
             r"(?i)^(?=.*\bMohey\b)(?=.*INR\s?[\d,.]+)(?!.*\btogether\b)", 'MANYAVAR.NS'),
    'q052': ('passing_company', 'nqdr-fy2051-results.txt', 'suppliers such as Hexatronic rely on contractors of this kind for coastal crossings',
             r"(?i)^(?=.*\bHexatronic\b)(?=.*\d)", 'all'),
    'q053': ('passing_company', 'due-fy2051-results.txt', 'a field where Sdiptech is active',
             r"(?i)^(?=.*\bSdiptech\b)(?=.*\d)", 'all'),
    'q054': ('passing_company', 'mf-q1-fy2052.txt', 'imports digital receipts from retailers including Bic Camera',
             r"(?i)^(?=.*\bBic Camera\b)(?=.*\d)", 'all'),
    'q055': ('passing_company', 'manyavar-fy2052-results.txt', 'with Westlife Foodworld among them',
             r"(?i)^(?=.*\bWestlife\b)(?=.*\d)", 'all'),
    'q056': ('product_metric', 'due-q1-2052-orders.txt', 'The launch of the EcoRP Nova painting robot, a seven-axis unit with an overspray-free applicator',
             r"(?i)^(?=.*EcoRP Nova)(?=.*(\b\d[\d,.]*\s*(units|robots|installations|systems)\b|\b(sold|delivered|shipped|installed)\b))", 'DUE.DE'),
    'q057': ('product_metric', 'musti-q2-fy2052.txt', 'priced at EUR 2.49 per pouch',
             r"(?i)^(?=.*(Nordic Bowl|new range))(?=.*(\b\d[\d,.]*\s*(million|thousand)?\s*(pouches|units|packs)\b|\b(sold|sales of|volumes?)\b))", 'MUSTI.HE'),
    'q058': ('product_metric', 'mf-q1-fy2052.txt', 'an add-on priced at JPY 300 per employee per month',
             r"(?i)^(?=.*(Payroll AI|payroll features))(?=.*(\b\d[\d,.]*\s*(thousand|million)?\s*(customers|companies|users|subscribers|clients|firms)\b|\b(signed up|adopted by)\b))", '3994.T'),
    'q059': ('product_metric', 'tingyi-q1-2052.txt', 'at a retail price of RMB 9.9',
             r"(?i)^(?=.*beef noodle bowl)(?=.*(\b\d[\d,.]*\s*(million|thousand|bn)?\s*(bowls|units|cups|packs)\b|\b(sold|sales of|volumes?)\b))", '0322.HK'),
    'q060': ('undated_event', 'stb-q1-2052.txt', 'will launch a new share buyback once the solvency ratio is back above 190%',
             r"(?i)^(?=.*\b(new|next|fresh)\b.*\b(buy-?back|repurchase))(?=.*%s)" % TIME, 'STB.OL'),
    'q061': ('undated_event', 'forn-h1-2052.txt', 'will start the new linoleum calender line at Assendelft once the Dutch environmental permit is granted',
             r"(?i)^(?=.*\bAssendelft\b)(?=.*%s)" % TIME, 'FORN.SW'),
    'q062': ('undated_event', 'manyavar-gulf-expansion.txt', 'the first Twamev stores in Dubai will open once a franchise partner has been selected',
             r"(?i)^(?=.*\b(Dubai|Gulf|UAE|Abu Dhabi)\b)(?=.*%s)" % TIME, 'MANYAVAR.NS'),
    'q063': ('undated_event', 'tingyi-q1-2052.txt', 'will raise bottled-tea prices again once PET resin costs stabilise',
             r"(?i)^(?=.*\btea\b)(?=.*\b(price|prices|pricing)\b)(?=.*%s)" % TIME, '0322.HK'),
    'q064': ('other_measure', 'due-fy2051-results.txt', 'EBIT reached EUR 334m, a margin of 6.5%',
             r"(?i)\b(EPS|earnings per share|net income|net profit|profit after tax|net result)\b", 'DUE.DE'),
    'q065': ('other_measure', 'forn-h1-2052.txt', 'EBIT of CHF 70m, a margin of 11.4%',
             r"(?i)\bEBITDA\b", 'FORN.SW'),
    'q066': ('other_measure', 'mf-fy2051-results.txt', 'net revenue retention stood at 113%',
             r"(?i)\bchurn", '3994.T'),
    'q067': ('other_measure', 'musti-fy2051-results.txt', 'adjusted EBITA of EUR 47.2m, a 9.6% margin',
             r"(?i)\b(net (profit|income|result|earnings)|profit for the (period|year)|earnings per share|EPS)\b", 'MUSTI.HE'),
}
nm_ids = sorted(d['id'] for d in QA if d.get('near_miss'))
check(nm_ids == sorted(NEAR), 'near-miss ids %s differ from NEAR' % nm_ids)
base_nm = {}
for d in QA:
    if d.get('near_miss') and not d.get('unknown_company'):
        base_nm[d['near_miss']] = base_nm.get(d['near_miss'], 0) + 1
check(base_nm == {k: 4 for k in NM_KINDS}, 'near-miss kinds among the 20: %s' % base_nm)
for qid, (kind, note, nearby, rx, scope) in NEAR.items():
    d = BYID.get(qid, {})
    check(d.get('near_miss') == kind, '%s near_miss %r != %r' % (qid, d.get('near_miss'), kind))
    check(nearby in TEXT.get(note, ''), '%s nearby text not in %s' % (qid, note))
    if kind != 'passing_company':
        check(d.get('ticker') in NOTE_CO.get(note, []), '%s ticker does not match its note' % qid)
    else:
        check(PASSING.get(d.get('ticker', ''), '~').lower() in TEXT.get(note, '').lower(), '%s passing company not in %s' % (qid, note))
    scope_notes = [f for f in TEXT if scope == 'all' or scope in NOTE_CO[f]]
    check(note in scope_notes, '%s note outside scope' % qid)
    for f in scope_notes:
        for s in sentences(TEXT[f]):
            if re.search(rx, s):
                fail('%s absent-fact regex matches %s: %r' % (qid, f, s[:90]))

# off-topic, no notes, period not covered
SPECIAL = {
    'q068': ('no_notes', [r'(?i)\bTata Elxsi\b', r'TATAELXSI']),
    'q069': ('no_notes', [r'(?i)\bWant Want\b', r'\b0151\b']),
    'q070': ('off_topic', [r'(?i)sourdough', r'(?i)\bstarter\b', r'(?i)\bhydration\b']),
    'q071': ('period', [r'\b2049\b', r'(?i)\bfy\s?49\b', r'(?i)\bq3 2049\b']),
}
for qid, (what, pats) in SPECIAL.items():
    d = BYID.get(qid, {})
    check(d.get('kind') == 'no_answer' and not d.get('near_miss') and not d.get('unknown_company'), '%s should be a plain no_answer' % qid)
    for p_ in pats:
        for f in TEXT:
            check(not re.search(p_, TEXT[f]), '%s term %s found in %s' % (qid, p_, f))
check(BYID.get('q070', {}).get('ticker', 'x') is None, 'off-topic question needs ticker null')
check(BYID.get('q068', {}).get('ticker') in NO_NOTES and BYID.get('q069', {}).get('ticker') in NO_NOTES, 'no-notes tickers')
plain_na = [d['id'] for d in QA if d['kind'] == 'no_answer' and not d.get('near_miss')]
check(sorted(plain_na) == sorted(SPECIAL), 'plain no_answer ids %s' % plain_na)

# ---------------------------------------------------------------------------
# Exclusions
# ---------------------------------------------------------------------------
EXTRA_NAMES = """Medacta|Fiskars|Hugo Boss|Zozo|Breville|Nestle India|CTS Eventim|Galenica|Ströer|Welcia|Jubilant FoodWorks|Kuaishou|Relaxo|Vaisala|Harvia|De'Longhi|Fielmann|Lynas|Tata Consumer|Eicher Motors|Netwealth|Hub24|a2 Milk|Astral|Nykaa|TVS Motor|Sprouts Farmers Market|Abercrombie & Fitch|Workiva|Paylocity|Five9|Doximity|Yum China|Pop Mart|Scout24|TJX|Kahoot|Miniso|Hemnet|NICE|Colgate-Palmolive India|Bajaj Auto|Wix|Zomato|Victoria's Secret|Bath & Body Works|Hims & Hers|Braze|Confluent|Cellebrite|Xtep|Haidilao|Avenue Supermarts|Urban Outfitters|Rubrik|Monday.com|Bilibili|Mixue|Just Eat Takeaway|Adevinta|Info Edge|Britannia|Jenoptik|Elkem|Revenio|Bossard|Mercari|Bata India|Vitasoy|Stabilus|Bufab|Sansan|Metro Brands|Kajaria Ceramics|Freshpet|Mycronic|Inficon|Elmos Semiconductor|Tokmanni|Goldwin|Devyani International|China Feihe|Lagercrantz|Puuilo|Workman|Sapphire Foods|Kalyan Jewellers|Nongfu Spring|Sprinklr|Alkami|Jamf|Sprout Social|Kura Sushi|Vita Coco|Bosideng|Topsports|Schibsted|Yext|Portillo's|First Watch|Oatly|Man Wah|Amplitude|Viaplay|Nazara|Deliveroo|Appian|PagerDuty|Clearwater Analytics|Grocery Outlet|Krispy Kreme|Progyny|Yadea|Chow Tai Fook|Netcompany|BigCommerce|Utz Brands|GoodRx|Luk Fook|Geely|SimCorp|Hinge Health|Happiest Minds|Birkenstock|Norma Group|Nokian Tyres|Clas Ohlson|Burckhardt Compression|Rakus|Route Mobile|Zhongsheng Group|Vitrolife|Landis+Gyr|Freee|Mastek|Cyient|Budweiser APAC|Q2 Holdings|Smartsheet|Stitch Fix|BellRing Brands|Oscar Health|iRhythm Technologies|L'Occitane International|Pola Orbis|Jyske Bank|Asana|ThredUp|Simply Good Foods|Privia Health|Amwell|Hain Celestial|Bavarian Nordic|Tanla Platforms|Allbirds|Lantheus|Olaplex|Traeger|Beyond Meat|Solo Brands|Hengan International|Smoore International|Nobia|SoftwareOne|JS Global|Vinda|Dali Foods|Sonata Software|About You|Ever Sunshine|Giordano|Aditya Birla Fashion|Fancl""".split('|')
EXTRA_COINED = ['Cranmoor', 'Orvelant', 'Ombrisal', 'Dravenholt', 'Zelquist', 'Hollenvika', 'Tumbrevik', 'Quintharo', 'Sorvinde',
                'Brastelby', 'Skarnveld', 'Lumbrescu', 'Tamberlux', 'Wexmoraine', 'Pellistrane', 'Skorvedal']
AVOID_SECTORS = ['geothermal drilling', 'seed genetics', 'tunnel boring', 'toll bridges', 'textile recycling', 'seaweed extracts', 'fire apparatus',
                 'avalanche defence', 'kelp farming', 'pipe organs', 'bell founding', 'cork', 'sawmills']


def read_list(name):
    p = os.path.join(EXCLUDED_DIR, name)
    if not os.path.exists(p):
        fail('exclusion list %s not found' % p)
        return []
    with open(p, encoding='utf-8') as fh:
        return [l.strip() for l in fh if l.strip()]


raw_names = read_list('excluded_names.txt') + EXTRA_NAMES + EXTRA_COINED
raw_tickers = read_list('excluded_tickers.txt')


def name_variants(n):
    out = {n}
    base = re.sub(r'\s*\(.*?\)\s*', ' ', n).strip()
    if base:
        out.add(base)
    return {v for v in out if v}


NAME_PATS = []  # (entry, compiled, format_vocab)
for n in raw_names:
    vocab = not re.search(r'[A-Z]', n)  # all-lowercase entries are format words from other sets (labels, categories)
    for v in name_variants(n):
        NAME_PATS.append((n, re.compile(r'(?<!\w)%s(?!\w)' % re.escape(v), re.I), vocab))
TICK_PATS = []
for t in raw_tickers:
    ci = bool(re.search(r'[\d.]', t))  # codes with digits or a suffix cannot be English words
    TICK_PATS.append((t, re.compile(r'(?<![A-Za-z0-9.\-])%s(?![A-Za-z0-9]|[.\-][A-Za-z0-9])' % re.escape(t), re.I if ci else 0)))

# format words the brief itself requires inside notes (footer labels); allowed there only
NOTE_VOCAB_OK = {'sentiment', 'strongly positive', 'mildly positive', 'neutral', 'mildly negative', 'strongly negative'}


def scan(text, where, allow_vocab):
    for entry, pat, vocab in NAME_PATS:
        if vocab and (allow_vocab == 'all' or entry in allow_vocab):
            continue
        m = pat.search(text)
        if m:
            fail('excluded name %r in %s (%r)' % (entry, where, text[max(0, m.start() - 30):m.end() + 30]))
    for entry, pat in TICK_PATS:
        m = pat.search(text)
        if m:
            fail('excluded ticker %r in %s (%r)' % (entry, where, text[max(0, m.start() - 30):m.end() + 30]))


for f, t in TEXT.items():
    scan(t, f, NOTE_VOCAB_OK)
    scan(f, 'file name ' + f, NOTE_VOCAB_OK)
for d in QA:
    scan(d['question'], d['id'] + ' question', set())
    for kw in d['answer_keywords']:
        scan(kw, d['id'] + ' keyword', NOTE_VOCAB_OK)
readme_p = os.path.join(HERE, 'README.md')
if check(os.path.exists(readme_p), 'README.md missing'):
    with open(readme_p, encoding='utf-8') as fh:
        README = fh.read()
    scan(README, 'README.md', 'all')
    for tk in ALL_TICKERS:
        check(tk in README, 'README companies table lacks %s' % tk)
    for qid in NEAR:
        check(re.search(r'\|\s*%s\s*\|' % qid, README) is not None, 'README near-miss table lacks %s' % qid)
    for qid, (kind, note, nearby, rx, scope) in NEAR.items():
        check(nearby in README, 'README lacks the nearby text of %s' % qid)
else:
    README = ''

# our own names and tickers against the lists
OUR_NAMES = [v[0] for v in COVERED.values()] + [v[0] for v in INVENTED.values()] + list(PASSING.values()) + list(NO_NOTES.values())
OUR_NAMES += ['Manyavar', 'Mohey', 'Twamev', 'Master Kong', 'Money Forward ME', 'EcoRP Nova', 'Nordic Bowl', 'Vardholm']
for nm in OUR_NAMES:
    for entry, pat, vocab in NAME_PATS:
        if pat.search(nm) or re.search(r'(?<!\w)%s(?!\w)' % re.escape(nm), entry, re.I):
            fail('our name %r collides with excluded %r' % (nm, entry))
for tk in ALL_TICKERS:
    for t in raw_tickers:
        if tk.lower() == t.lower() or tk.split('.')[0].lower() == t.split('.')[0].lower():
            fail('our ticker %s collides with excluded %s' % (tk, t))
excl_words = set()
for n in raw_names:
    excl_words.update(w.lower() for w in re.findall(r"[\w'’&+.-]+", n))
    excl_words.update(w.lower() for w in re.findall(r"\w+", n))
for tk, (nm, _) in INVENTED.items():
    for w in nm.split():
        check(w.lower() not in excl_words, 'invented name %r shares the word %r with an excluded name' % (nm, w))
    for s in AVOID_SECTORS:
        check(s not in nm.lower(), 'invented company %r in an avoided sector' % nm)
    check(re.match(r'^[A-Z]{3,5}$', tk) is not None, 'invented ticker %s' % tk)

# ---------------------------------------------------------------------------
if FAIL:
    print('FAILED (%d):' % len(FAIL))
    for m in FAIL:
        print(' -', m)
    sys.exit(1)
print('OK')
