#!/usr/bin/env python3
"""Self-check for the aq-short blind evaluation set (content questions).

Stdlib only. Run from anywhere:  python3 check.py
Prints OK when every check passes, otherwise lists the failures and exits 1.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTES_DIR = os.path.join(HERE, 'notes')
QA_PATH = os.path.join(HERE, 'qa.jsonl')
EXCL_DIR = '/work/blind-prompts'

# --------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------
# ticker -> (full name, short name used in notes, 'real' | 'invented')
COMPANIES = {
    '300760.SZ': ('Mindray Medical', 'Mindray', 'real'),
    'HAVELLS.NS': ('Havells India', 'Havells', 'real'),
    'PIDILITIND.NS': ('Pidilite Industries', 'Pidilite', 'real'),
    'WTC.AX': ('WiseTech Global', 'WiseTech', 'real'),
    'MFT.NZ': ('Mainfreight', 'Mainfreight', 'real'),
    '6268.T': ('Nabtesco', 'Nabtesco', 'real'),
    '6465.T': ('Hoshizaki', 'Hoshizaki', 'real'),
    'PCSK': ('Pellustra Cask Cooperage', 'Pellustra', 'invented'),
    'WTKL': ('Wendrasi Tankcar Leasing', 'Wendrasi', 'invented'),
}
INVENTED = [t for t, c in COMPANIES.items() if c[2] == 'invented']

# short note -> tickers of the companies it covers
NOTE_COMPANIES = {
    'mindray-fy39-results.txt': ['300760.SZ'],
    'mindray-q1-2040-vbp.txt': ['300760.SZ'],
    'mindray-resona-launch.txt': ['300760.SZ'],
    'havells-q4fy40.txt': ['HAVELLS.NS'],
    'havells-copper-pricing.txt': ['HAVELLS.NS'],
    'havells-plant-capex.txt': ['HAVELLS.NS'],
    'pidilite-q3fy40.txt': ['PIDILITIND.NS'],
    'pidilite-vam-pricing.txt': ['PIDILITIND.NS'],
    'pidilite-roofguard-launch.txt': ['PIDILITIND.NS'],
    'wisetech-h1fy40.txt': ['WTC.AX'],
    'wisetech-customs-pulse.txt': ['WTC.AX'],
    'mainfreight-fy40.txt': ['MFT.NZ'],
    'mainfreight-ruakura-hub.txt': ['MFT.NZ'],
    'nabtesco-q3-2039.txt': ['6268.T'],
    'nabtesco-china-plant.txt': ['6268.T'],
    'hoshizaki-fy39.txt': ['6465.T'],
    'wisetech-mainfreight-compare.txt': ['WTC.AX', 'MFT.NZ'],
    'nabtesco-hoshizaki-yen.txt': ['6268.T', '6465.T'],
    'pellustra-fy39.txt': ['PCSK'],
    'pellustra-oak-supply.txt': ['PCSK'],
    'wendrasi-q1-2040.txt': ['WTKL'],
    'wendrasi-tank-regs.txt': ['WTKL'],
}
# long note -> ticker
LONG_NOTES = {
    'mindray-annual-report-2039.md': '300760.SZ',
    'nabtesco-fy2039-results.md': '6268.T',
    'wendrasi-10k-2039-results.md': 'WTKL',
    'wendrasi-10k-2039-liquidity.md': 'WTKL',
}

# Real companies mentioned only in passing: name -> (note, regex that finds the mention)
PASSING = {
    'Polycab India': ('havells-copper-pricing.txt', r'Polycab'),
    'Henkel': ('pidilite-vam-pricing.txt', r'Henkel|Loctite'),
    'Descartes Systems Group': ('wisetech-h1fy40.txt', r'Descartes'),
    'Middleby': ('hoshizaki-fy39.txt', r'Middleby'),
}

# Companies asked about that have no notes at all (no_answer questions)
NO_NOTES_COMPANIES = ['Voltas', 'Fletcher Building']

# --------------------------------------------------------------------------------------
# Note format constants
# --------------------------------------------------------------------------------------
TAGLINES = {
    'AI-powered research, real-time alerts, and portfolio analytics for institutional investors.',
    'Institutional-grade research, live alerts and portfolio analytics in one place.',
    'Real-time equity research and risk analytics built for professional investors.',
    'Smarter research workflows with instant alerts and portfolio insights.',
}
DEMO_LINES = {'Request a DemoOverall Sentiment', 'Request DemoOverall Sentiment'}
# label -> inclusive score range
LABELS = {
    'strongly positive': (0.5, 1.0),
    'mildly positive': (0.15, 0.5),
    'neutral': (-0.15, 0.15),
    'mildly negative': (-0.5, -0.15),
    'strongly negative': (-1.0, -0.5),
}
TICKER_LINE = re.compile(r'^(\$?)([A-Z0-9][A-Z0-9.]*)(:?) (-?\d\.\d{2})$')
PERIOD = re.compile(r'\b(FY ?\d{2,4}|Q[1-4]|H[12]|20[34]\d)\b')

# --------------------------------------------------------------------------------------
# General (theme) questions: question id -> (theme, regex). Gold = every note matching.
# --------------------------------------------------------------------------------------
THEMES = {
    'q012': ('pricing actions', r'\bprice (increase|increases|hike|hikes)\b'),
    'q040': ('labour and wages', r'\b(labour|labor|wage|wages)\b'),
    'q051': ('currency', r'\bcurrenc(y|ies)\b|\b(strong|stronger|weak|weaker) yen\b|\byen (strength|weakness)\b|appreciation of the yen'),
}

# --------------------------------------------------------------------------------------
# Near misses: question id -> (note, nearby text that occurs, regex for the absent fact, why)
# --------------------------------------------------------------------------------------
DATE = (r'\b(20[34]\d|FY ?\d{2}|Q[1-4]|H[12]|January|February|March|April|May|June|July|'
        r'August|September|October|November|December|\d+ (days|weeks|months|years))\b')
NEAR_MISS = {
    # segment_figure
    'q003': ('mindray-fy39-results.txt', 'International revenue rose 19% to RMB 25.2 billion',
             r'Europe[^.\n]*\d',
             'Gives total and international revenue; Europe is named only qualitatively, and no note splits international revenue by region.'),
    'q010': ('havells-q4fy40.txt', 'Cables and wires grew volumes in double digits',
             r'cables (and|&) wires[^.\n]*\u20b9',
             'Gives total revenue and the Lloyd segment only; with switchgear, lighting and ECD also unknown, cables & wires revenue cannot be derived.'),
    'q035': ('mainfreight-fy40.txt', 'Australian revenue rose 9% to NZ$1.71 billion',
             r'Europe[^.\n]*NZ\$',
             'Gives group and Australian revenue; Europe is described without a figure and NZ, Americas and Asia are also unknown.'),
    'q053': ('hoshizaki-fy39.txt', 'Sales in Japan rose 4% to \u00a5258.3 billion',
             r'Americas[^.\n]*\u00a5',
             'Gives group and Japan sales; the rest is split between the Americas and Europe & Asia with no figure for either.'),
    # passing_company
    'q006': ('havells-copper-pricing.txt', 'Polycab India, the market leader in cables, moved first on pricing',
             r'Polycab[^.\n]*\d',
             'Polycab appears in one sentence about pricing leadership, with no figures.'),
    'q021': ('pidilite-vam-pricing.txt', 'Loctite brand remains the main rival',
             r'(Henkel|Loctite)[^.\n]*\d',
             'Henkel/Loctite is named only as a rival; no size or revenue is given.'),
    'q029': ('wisetech-h1fy40.txt', 'Descartes Systems Group remains the most credible rival in customs filing',
             r'Descartes[^.\n]*\d',
             'Descartes is named only as a rival; the growth figures in the note are WiseTech\'s.'),
    'q054': ('hoshizaki-fy39.txt', 'Middleby, the largest US foodservice equipment group, has been bundling ice machines',
             r'Middleby[^.\n]*\d',
             'Middleby is named only as a competitive threat; no sales figure is given.'),
    # product_metric
    'q016': ('havells-plant-capex.txt', 'launched the Luxuria Neo inverter split air conditioner at \u20b948,990',
             r'(units|pieces) (sold|shipped)|\bsold [\d,]+|Luxuria Neo[^.\n]*\b(units|volumes?)\b',
             'Gives the launch price and features only; the 1.2 million figure is refrigerator plant capacity, not AC sales.'),
    'q023': ('pidilite-roofguard-launch.txt', 'at \u20b91,450 per 4-litre pack',
             r'(packs|units|litres) (sold|shipped)|\bsold [\d,]+|RoofGuard Pro[^.\n]*\b(revenue|sales) of\b',
             'Gives price, coverage, warranty and launch states; no volumes or revenue.'),
    'q031': ('wisetech-customs-pulse.txt', 'priced at US$0.85 per declaration',
             r'(processed|filed) [\d,.]+|[\d,.]+ (million )?declarations (processed|filed)|Customs Pulse[^.\n]*revenue of',
             'Gives pricing and the 1 million-filing discount threshold; no filings processed or revenue to date.'),
    'q058': ('mindray-resona-launch.txt', 'at a list price of RMB 2.8 million',
             r'(units|systems) (sold|shipped|installed|placed)|\b(sold|shipped|installed|placed) [\d,]+',
             'Gives list price, features and the 40-market rollout; no placements or shipments.'),
    # undated_event
    'q015': ('havells-plant-capex.txt', 'Commercial production will start once the state environmental clearance is received',
             r'Commercial production[^.\n]*' + DATE,
             'Start of production is tied to a clearance with no date.'),
    'q039': ('mainfreight-ruakura-hub.txt', 'Construction will begin once the regional council grants resource consent',
             r'Construction will begin[^.\n]*' + DATE,
             'Construction start depends on a consent with no date; FY43 in the note refers to earnings contribution.'),
    'q047': ('nabtesco-china-plant.txt', 'Mass production will start once key customers complete qualification',
             r'Mass production[^.\n]*' + DATE,
             'Mass production depends on customer qualification with no timetable.'),
    'q057': ('mindray-q1-2040-vbp.txt', 'Management expects hospital purchasing to normalise once the provincial anti-corruption reviews are concluded',
             r'anti-corruption reviews[^.\n]*' + DATE,
             'The end of the reviews is not dated anywhere.'),
    # other_measure
    'q020': ('pidilite-q3fy40.txt', 'EBITDA rose 16% to \u20b9859 crore',
             r'net profit|\bPAT\b|profit after tax|net income',
             'Gives revenue and EBITDA only; no profit after tax.'),
    'q028': ('wisetech-h1fy40.txt', 'EBITDA rose 23% to US$334 million',
             r'free cash flow|\bFCF\b|cash flow',
             'Gives revenue and EBITDA; no cash-flow measure.'),
    'q036': ('mainfreight-fy40.txt', 'profit before tax of NZ$392 million',
             r'\bEPS\b|earnings per share|per share',
             'Gives revenue and profit before tax; no per-share figure or share count.'),
    'q043': ('nabtesco-q3-2039.txt', 'orders for precision reduction gears rose 18% y/y in Q3 2039',
             r'orders?[^.\n]*\u00a5|\u00a5[^.\n]*\borders?\b',
             'Gives only the growth rate of Q3 reducer orders, no yen level; the FY2039 results release gives only full-year group orders.'),
}

# Company names used in the excluded list check (covered companies may appear)
EXTRA_EXCLUDED = ['Galderma', 'Royal Unibrew', 'Interroll', 'Bucher Industries', 'Daifuku', 'Horiba',
                  'Kurita Water', 'Mindray', 'Havells', 'Pidilite', 'WiseTech', 'Mainfreight', 'Nabtesco',
                  'Hoshizaki', 'Pinterest', 'Twilio', 'Five Below', 'MongoDB', 'Zoom Communications',
                  'VusionGroup', 'Sekisui House', 'Sanrio', 'Ebara', "Ollie's Bargain Outlet", 'Datadog',
                  'DocuSign', 'HubSpot', 'Mediobanca', 'Snam', 'Lixil', 'Kobe Bussan', 'Nifco']
COVERED = {'Mindray', 'Havells', 'Pidilite', 'WiseTech', 'Mainfreight', 'Nabtesco', 'Hoshizaki'}

# --------------------------------------------------------------------------------------
FAILS = []


def fail(msg):
    FAILS.append(msg)


def norm(s):
    return s.replace('\u2019', "'").replace('\u2018', "'")


def read(name):
    with open(os.path.join(NOTES_DIR, name), encoding='utf-8') as fh:
        return fh.read()


def all_notes():
    return sorted(os.listdir(NOTES_DIR))


def sentences(text):
    t = text.replace('Dr. ', 'Dr\u00b7 ')
    return [s for s in re.split(r'(?<=[.!?])\s+(?=[A-Z\u20b9$\u00a5])', t.strip()) if s]


def theme_matches(qid):
    rx = re.compile(THEMES[qid][1], re.I)
    return {n for n in all_notes() if rx.search(norm(read(n)))}


# --------------------------------------------------------------------------------------
def parse_short(name, text):
    """Return dict with parsed parts or None (and record failures)."""
    lines = text.split('\n')
    if text.endswith('\n'):
        lines = lines[:-1]
    info = {'final_nl': text.endswith('\n'), 'curly': '\u2019' in text, 'first': 'none'}
    i = 0
    if lines and lines[0] == '':
        info['first'] = 'blank'
        i = 1
    elif lines and lines[0].startswith('Date:'):
        m = re.fullmatch(r'Date: (20\d\d)-(\d\d)-(\d\d)', lines[0])
        if not m:
            fail('%s: bad Date line %r' % (name, lines[0]))
        elif not ('2039-01-01' <= lines[0][6:] <= '2040-07-31'):
            fail('%s: date outside fiscal 2039 - mid-2040' % name)
        info['first'] = 'date'
        i = 1
    body = lines[i:]
    if len(body) < 8:
        fail('%s: too few lines (%d)' % (name, len(body)))
        return None
    news, analytic, tagline, demo, label, ss, score, ts = body[:8]
    tick = body[8:]
    n_sent = len(sentences(news))
    if not 2 <= n_sent <= 4:
        fail('%s: news paragraph has %d sentences' % (name, n_sent))
    if not re.search(r'\d', news) or not PERIOD.search(news):
        fail('%s: news paragraph lacks figures or a period' % name)
    wc = len(analytic.split())
    if not 180 <= wc <= 240:
        fail('%s: analytic paragraph has %d words' % (name, wc))
    if tagline not in TAGLINES:
        fail('%s: unknown tagline %r' % (name, tagline))
    if demo not in DEMO_LINES:
        fail('%s: bad demo/sentiment line %r' % (name, demo))
    if label not in LABELS:
        fail('%s: bad label %r' % (name, label))
    if ss != 'Sentiment Score':
        fail('%s: missing Sentiment Score line' % name)
    try:
        sc = float(score)
        lo, hi = LABELS.get(label, (-1, 1))
        if not lo <= sc <= hi:
            fail('%s: score %s inconsistent with label %s' % (name, score, label))
    except ValueError:
        fail('%s: score not a number %r' % (name, score))
    if ts != 'Ticker Sentiment':
        fail('%s: missing Ticker Sentiment line' % name)
    layouts = set()
    seen = []
    for line in tick:
        m = TICKER_LINE.match(line)
        if not m:
            fail('%s: bad ticker line %r' % (name, line))
            continue
        layouts.add((m.group(1), m.group(3)))
        seen.append(m.group(2))
        if not -1 <= float(m.group(4)) <= 1:
            fail('%s: ticker score out of range' % name)
    if tick and sorted(seen) != sorted(NOTE_COMPANIES.get(name, [])):
        fail('%s: ticker lines %s do not match covered companies %s' % (name, seen, NOTE_COMPANIES.get(name)))
    info.update(label=label, tagline=tagline, demo=demo, has_tickers=bool(tick), layouts=layouts)
    return info


def check_notes():
    names = all_notes()
    shorts = [n for n in names if n.endswith('.txt')]
    longs = [n for n in names if n.endswith('.md')]
    other = [n for n in names if not n.endswith(('.txt', '.md'))]
    if other:
        fail('unexpected files in notes/: %s' % other)
    if sorted(shorts) != sorted(NOTE_COMPANIES):
        fail('short notes on disk differ from NOTE_COMPANIES: %s' % (set(shorts) ^ set(NOTE_COMPANIES)))
    if sorted(longs) != sorted(LONG_NOTES):
        fail('long notes on disk differ from LONG_NOTES: %s' % (set(longs) ^ set(LONG_NOTES)))
    if len(shorts) != 22:
        fail('expected 22 short notes, found %d' % len(shorts))
    if len(longs) != 4:
        fail('expected 4 long notes, found %d' % len(longs))

    infos = {}
    for n in shorts:
        text = read(n)
        info = parse_short(n, text)
        if info:
            infos[n] = info
        # company mentions: own companies named, other covered/invented companies not named
        t = norm(text)
        for tk, (full, short, _) in COMPANIES.items():
            named = re.search(r'\b%s\b' % re.escape(short), t) is not None
            if tk in NOTE_COMPANIES.get(n, []) and not named:
                fail('%s: does not name its company %s' % (n, short))
            if tk not in NOTE_COMPANIES.get(n, []) and named:
                fail('%s: names %s which it does not cover' % (n, short))

    # aggregate format variety
    ti = list(infos.values())
    n_tick = sum(i['has_tickers'] for i in ti)
    n_date = sum(i['first'] == 'date' for i in ti)
    n_blank = sum(i['first'] == 'blank' for i in ti)
    n_nonl = sum(not i['final_nl'] for i in ti)
    n_curly = sum(i['curly'] for i in ti)
    layouts = set().union(*[i['layouts'] for i in ti]) if ti else set()
    if not 11 <= n_tick <= 15:
        fail('%d notes have ticker lines (want about 13)' % n_tick)
    if not 9 <= n_date <= 13:
        fail('%d notes have a Date line (want about half)' % n_date)
    if n_blank < 2:
        fail('too few notes with a blank first line')
    if n_nonl < 3 or n_nonl > len(ti) - 3:
        fail('final-newline variety missing (%d without)' % n_nonl)
    if n_curly < 3:
        fail('too few notes with curly apostrophes')
    if len({i['tagline'] for i in ti}) < 3:
        fail('fewer than 3 tagline variants')
    if len({i['demo'] for i in ti}) < 2:
        fail('both Request a Demo / Request Demo variants should be used')
    if len(layouts) < 3:
        fail('ticker-line layouts not varied: %s' % layouts)

    # per-company coverage
    for tk, (full, short, kind) in COMPANIES.items():
        k = sum(tk in c for c in NOTE_COMPANIES.values())
        if kind == 'real' and not 2 <= k <= 3:
            fail('%s has %d short notes (want 2-3)' % (short, k))
        if kind == 'invented' and k != 2:
            fail('%s has %d short notes (want 2)' % (short, k))
    pairs = [n for n, c in NOTE_COMPANIES.items() if len(c) == 2]
    if len(pairs) != 2 or any(COMPANIES[t][2] != 'real' for n in pairs for t in NOTE_COMPANIES[n]):
        fail('want exactly two comparison short notes covering two real companies each')
    # invented companies tied to their ticker in text
    for tk in INVENTED:
        full = COMPANIES[tk][0]
        if not any('%s (%s)' % (full, tk) in read(n) for n in names):
            fail('invented company %s never tied to ticker as "%s (%s)"' % (full, full, tk))

    # long notes
    lt = {}
    for n in longs:
        text = read(n)
        m = re.match(r'---\n(.*?)\n---\n(.*)$', text, re.S)
        if not m:
            fail('%s: no YAML front matter' % n)
            continue
        fm = dict(l.split(':', 1) for l in m.group(1).splitlines() if ':' in l)
        fm = {k.strip(): v.strip().strip('"') for k, v in fm.items()}
        for key in ('company', 'ticker', 'title', 'date'):
            if not fm.get(key):
                fail('%s: front matter lacks %s' % (n, key))
        if fm.get('ticker') != LONG_NOTES.get(n):
            fail('%s: front matter ticker %s' % (n, fm.get('ticker')))
        if fm.get('company') != COMPANIES.get(fm.get('ticker'), ('',))[0]:
            fail('%s: front matter company %s' % (n, fm.get('company')))
        if not re.fullmatch(r'20(39|40)-\d\d-\d\d', fm.get('date', '')):
            fail('%s: bad date %s' % (n, fm.get('date')))
        lt[n] = fm.get('ticker')
        body = m.group(2)
        prose = [l for l in body.splitlines() if not l.strip().startswith('|')]
        wc = len(' '.join(prose).split())
        if not 900 <= wc <= 1100:
            fail('%s: %d prose words (want 900-1,100)' % (n, wc))
        tables = [l for l in body.splitlines() if l.strip().startswith('|')]
        headers = [l for l in tables if re.search(r'\b(FY ?\d{4}|Q[1-4] ?20\d\d|20[34]\d)\b', l)]
        if len(tables) < 5 or not headers:
            fail('%s: needs Markdown tables with fiscal-year or quarter columns' % n)
        if 'Sentiment Score' in body or 'Overall Sentiment' in body:
            fail('%s: long notes carry no sentiment block' % n)
        if not re.search(r'\b[Ww]e\b', body) or 'the Company' not in body:
            fail('%s: not in the "we"/"the Company" voice' % n)
    kinds = [COMPANIES[t][2] for t in lt.values()]
    if kinds.count('real') != 2 or len({t for t in lt.values() if COMPANIES[t][2] == 'real'}) != 2:
        fail('long notes should cover two different real companies')
    inv = [t for t in lt.values() if COMPANIES[t][2] == 'invented']
    if len(inv) != 2 or len(set(inv)) != 1:
        fail('long notes should include two pages for one invented company')
    return infos


def check_passing():
    for name, (note, rx) in PASSING.items():
        r = re.compile(rx)
        hits = [n for n in all_notes() if r.search(read(n))]
        if hits != [note]:
            fail('passing company %s appears in %s (want only %s)' % (name, hits, note))
            continue
        sents = [s for s in sentences(read(note).replace('\n', ' ')) if r.search(s)]
        if len(sents) != 1:
            fail('passing company %s appears in %d sentences' % (name, len(sents)))
        elif re.search(r'\d', sents[0]):
            fail('passing company %s sentence has figures' % name)
    for name in NO_NOTES_COMPANIES:
        for n in all_notes():
            if re.search(r'\b%s\b' % re.escape(name), read(n), re.I):
                fail('%s should have no notes but appears in %s' % (name, n))


def load_qa():
    rows = []
    with open(QA_PATH, encoding='utf-8') as fh:
        for i, line in enumerate(fh, 1):
            try:
                rows.append(json.loads(line))
            except ValueError:
                fail('qa.jsonl line %d is not JSON' % i)
    return rows


def check_qa(infos):
    rows = load_qa()
    ids = [r.get('id') for r in rows]
    if ids != ['q%03d' % i for i in range(1, len(rows) + 1)]:
        fail('ids are not sequential q001..')
    byid = {r['id']: r for r in rows}
    notes = set(all_notes())
    texts = {n: norm(read(n)).lower() for n in notes}
    name_rx = []
    for tk, (full, short, _) in COMPANIES.items():
        name_rx += [re.escape(full), re.escape(short), re.escape(tk), re.escape(tk.split('.')[0])]
    company_rx = re.compile(r'\b(%s)\b' % '|'.join(name_rx), re.I)

    for r in rows:
        for key in ('id', 'question', 'gold_notes', 'answer_keywords', 'ticker', 'kind'):
            if key not in r:
                fail('%s: missing field %s' % (r.get('id'), key))
        for g in r['gold_notes']:
            if g not in notes:
                fail('%s: gold note %s does not exist' % (r['id'], g))
        for kw in r['answer_keywords']:
            if not any(norm(kw).lower() in texts.get(g, '') for g in r['gold_notes']):
                fail('%s: keyword %r not found in any gold note' % (r['id'], kw))
        if r['kind'] == 'no_answer':
            if r['gold_notes'] or r['answer_keywords']:
                fail('%s: no_answer must have empty gold and keywords' % r['id'])
        else:
            if not r['gold_notes'] or not r['answer_keywords']:
                fail('%s: answerable question lacks gold or keywords' % r['id'])
        if r['ticker'] is not None and r['kind'] != 'no_answer' and r['ticker'] not in COMPANIES:
            fail('%s: unknown ticker %s' % (r['id'], r['ticker']))

    def sel(f):
        return [r for r in rows if f(r)]
    unk = lambda r: r.get('unknown_company')
    counts = {
        'factual': len(sel(lambda r: r['kind'] == 'factual' and not r.get('typo') and not unk(r))),
        'follow_up': len(sel(lambda r: r['kind'] == 'follow_up')),
        'risk': len(sel(lambda r: r['kind'] == 'risk' and not unk(r))),
        'comparison': len(sel(lambda r: r['kind'] == 'comparison')),
        'general': len(sel(lambda r: r['kind'] == 'general')),
        'sentiment': len(sel(lambda r: r['kind'] == 'sentiment' and not unk(r))),
        'typo': len(sel(lambda r: r.get('typo'))),
        'unknown_answerable': len(sel(lambda r: unk(r) and r['kind'] != 'no_answer')),
        'unknown_unanswerable': len(sel(lambda r: unk(r) and r['kind'] == 'no_answer')),
        'no_answer': len(sel(lambda r: r['kind'] == 'no_answer' and not unk(r))),
        'near_miss': len(sel(lambda r: r.get('near_miss'))),
    }
    want = {'factual': 16, 'follow_up': 4, 'risk': 6, 'comparison': 4, 'general': 3, 'sentiment': 3,
            'typo': 2, 'unknown_answerable': 7, 'unknown_unanswerable': 2, 'no_answer': 24, 'near_miss': 20}
    for k, v in want.items():
        if counts[k] != v:
            fail('count %s = %d (want %d)' % (k, counts[k], v))
    longf = sel(lambda r: r['kind'] == 'factual' and not r.get('typo') and not unk(r)
                and all(g.endswith('.md') for g in r['gold_notes']))
    if len(longf) != 4:
        fail('%d factual questions answered from long notes (want 4)' % len(longf))
    nm_kinds = {}
    for r in sel(lambda r: r.get('near_miss')):
        nm_kinds[r['near_miss']] = nm_kinds.get(r['near_miss'], 0) + 1
        if r['kind'] != 'no_answer':
            fail('%s: near miss must be kind no_answer' % r['id'])
    for k in ('segment_figure', 'passing_company', 'product_metric', 'undated_event', 'other_measure'):
        if nm_kinds.get(k) != 4:
            fail('near_miss %s count %s (want 4)' % (k, nm_kinds.get(k)))

    for r in rows:
        rid = r['id']
        if r['kind'] == 'follow_up':
            p = byid.get(r.get('follows'))
            if not p or ids.index(p['id']) != ids.index(rid) - 1:
                fail('%s: follow-up must come straight after its parent' % rid)
            elif p['ticker'] != r['ticker']:
                fail('%s: follow-up ticker differs from parent' % rid)
            if company_rx.search(r['question']):
                fail('%s: follow-up names a company' % rid)
        if r.get('typo'):
            short = COMPANIES[r['ticker']][1]
            if r['kind'] != 'factual' or short.lower() in r['question'].lower():
                fail('%s: typo question must be factual with a misspelled name' % rid)
        if unk(r) and r['ticker'] not in INVENTED:
            fail('%s: unknown_company question not about an invented company' % rid)
        if unk(r) and r['kind'] not in ('factual', 'risk', 'sentiment', 'no_answer'):
            fail('%s: unknown_company kind %s' % (rid, r['kind']))
        if r['kind'] == 'comparison':
            covered = set()
            for g in r['gold_notes']:
                covered |= set(NOTE_COMPANIES.get(g, [LONG_NOTES.get(g)]))
            if r['ticker'] is not None or len(covered) < 2:
                fail('%s: comparison needs ticker null and gold covering two companies' % rid)
        if r['kind'] in ('factual', 'risk', 'follow_up') and r['ticker']:
            for g in r['gold_notes']:
                if r['ticker'] not in NOTE_COMPANIES.get(g, [LONG_NOTES.get(g)]):
                    fail('%s: gold note %s is not about %s' % (rid, g, r['ticker']))
        if r['kind'] == 'sentiment':
            gold = sorted(n for n, c in NOTE_COMPANIES.items() if r['ticker'] in c)
            if sorted(r['gold_notes']) != gold:
                fail('%s: sentiment gold should be all short notes of %s: %s' % (rid, r['ticker'], gold))
            labels = sorted({infos[n]['label'] for n in gold if n in infos})
            if sorted(r['answer_keywords']) != labels:
                fail('%s: sentiment keywords should be the labels %s' % (rid, labels))
        if r['kind'] == 'general':
            if rid not in THEMES:
                fail('%s: general question without a theme regex' % rid)
            else:
                got = sorted(theme_matches(rid))
                if sorted(r['gold_notes']) != got:
                    fail('%s: theme regex matches %s but gold is %s' % (rid, got, sorted(r['gold_notes'])))
                if len(got) < 3:
                    fail('%s: theme matches fewer than 3 notes' % rid)
        if r.get('near_miss'):
            if rid not in NEAR_MISS:
                fail('%s: near miss without NEAR_MISS entry' % rid)
                continue
            note, nearby, absent, _ = NEAR_MISS[rid]
            text = norm(read(note))
            if norm(nearby) not in text:
                fail('%s: nearby text not found in %s' % (rid, note))
            if re.search(absent, text, re.I):
                fail('%s: absent-fact regex matches in %s' % (rid, note))
            if r['near_miss'] == 'passing_company':
                pn = [k for k, v in PASSING.items() if v[0] == note and re.search(v[1], r['question'], re.I)]
                if not pn:
                    fail('%s: passing-company question does not target a passing company of %s' % (rid, note))
    if set(NEAR_MISS) != {r['id'] for r in rows if r.get('near_miss')}:
        fail('NEAR_MISS keys differ from near-miss questions')
    if set(THEMES) != {r['id'] for r in rows if r['kind'] == 'general'}:
        fail('THEMES keys differ from general questions')
    return rows


def load_exclusions():
    names, tickers = [], []
    pn, pt = os.path.join(EXCL_DIR, 'excluded_names.txt'), os.path.join(EXCL_DIR, 'excluded_tickers.txt')
    if not (os.path.exists(pn) and os.path.exists(pt)):
        return None, None
    for line in open(pn, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        for part in re.split(r',| / ', line):
            part = part.strip().strip('"').strip()
            if part:
                names.append(part)
    for line in open(pt, encoding='utf-8'):
        line = line.strip().rstrip('.')
        if line:
            tickers.append(line)
    return names, tickers


def check_exclusions(rows):
    names, tickers = load_exclusions()
    corpus = {n: norm(read(n)) for n in all_notes()}
    corpus.update({r['id']: norm(r['question']) for r in rows})
    extra = [n for n in EXTRA_EXCLUDED if n not in COVERED]
    if names is None:
        print('note: /work/blind-prompts exclusion lists not found; checking the extra list only')
        names, tickers = [], []
    for nm in names + extra:
        rx = re.compile(r'(?<![A-Za-z0-9])%s(?![A-Za-z0-9])' % re.escape(norm(nm)), re.I)
        for where, t in corpus.items():
            if rx.search(t):
                fail('excluded name %r appears in %s' % (nm, where))
    for tk in tickers:
        rx = re.compile(r'(?<![A-Za-z0-9.&])%s(?![A-Za-z0-9&])' % re.escape(tk))
        for where, t in corpus.items():
            if rx.search(t):
                fail('excluded ticker %r appears in %s' % (tk, where))
    words = set()
    for nm in names + extra:
        words |= {w.lower() for w in re.findall(r"[A-Za-z0-9]+", nm)}
    for tk in INVENTED:
        full = COMPANIES[tk][0]
        shared = {w.lower() for w in full.split()} & words
        if shared:
            fail('invented name %s shares words with the excluded list: %s' % (full, shared))
        first = full.split()[0]
        if not 2 <= len(full.split()) <= 3 or not re.fullmatch(r'[A-Z]{3,4}', tk):
            fail('invented company %s / %s has the wrong shape' % (full, tk))
        if tk in tickers:
            fail('invented ticker %s is excluded' % tk)
        _ = first
    for nm in list(PASSING) + NO_NOTES_COMPANIES:
        for ex in names + extra:
            if norm(ex).lower() == nm.lower():
                fail('passing/no-notes company %s is excluded' % nm)


def main():
    infos = check_notes()
    check_passing()
    rows = check_qa(infos)
    check_exclusions(rows)
    if FAILS:
        for f in FAILS:
            print('FAIL:', f)
        print('%d failure(s)' % len(FAILS))
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
