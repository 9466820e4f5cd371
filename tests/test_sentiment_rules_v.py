"""General rules found by using blind sets V, W, X, Y and Z as dev sets (rounds twenty-one to twenty-five),
each pinned over invented questions (none of the sets' wording or companies): "rated" reads as "scored"; a
company's score after an event, and a score asked of words naming an event, ask the score of the
note about it; a company going from one stance to another is sentiment; a note that shares an event's words only
in passing is not the note about it; a survey, a round-up or a named read is a note; how a company
averaged, or is scoring so well, is its sentiment; an event named after "since" asks no count; a
company is also called by the first words of its name the notes use alone, and a word after its
name that shortens the rest of it is part of the name; a company's score on an event asks that
note; a name the notes write only capitalised and route nowhere is not in the notes; a note named
by its companies alone is the one about all of them; a joined name is also named by its first
word ("Quidel" for QuidelOrtho), and a name may start with an acronym ("ICICI Bank"). (The sets' ticker-line
layouts, columns naming the company, are pinned in ``test_parsing.py``.)"""

from __future__ import annotations

import pytest
from test_sentiment import passage
from test_sentiment_rules import TODAY, ask, notes, routed_kind

from ingest import CompanyDirectory, TickerResolver
from ingest.tickers import Company, with_short_names


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # rated as scored, against another company
        ("in the tesla/ford price-cut note, who was rated higher - Tesla or Ford?", "note"),
        ("Was Tesla rated below Ford in the price cut piece?", "note"),
        # a company's score after an event, a score asked of an event's words
        ("tesla score after the brake recall hit deliveries", "note"),
        ("score on tesla buying that battery startup?", "note"),
        ("score for Ford cutting its dividend", "note"),
        # ... but not of a window, a trend or nothing at all
        ("score on tesla this year?", "summary"),
        ("score on tesla lately", "summary"),
        ("score on tesla since the brake recall", "trend"),
        ("score on tesla by quarter", "trend"),
        # a company going from one stance to another
        ("why did Tesla go from positive to negative?", "summary"),
        ("TSLA went from negative to strongly positive this year - what changed?", "trend"),
        # a survey, a round-up or a named read is a note; the note just described, bare
        ("Tesla score in the dealer survey that also covered Ford?", "note"),
        ("tesla's number in that EV dealer survey?", "note"),
        ("in the auto round-up did tesla or ford come out ahead?", "note"),
        ("in the EV pricing recap what did ford come out at", "note"),
        ("worst tesla read so far? score pls", "extreme"),
        ("tesla recalled cybertrucks over a stuck pedal.. what was the score on that", "note"),
        ("ford recall of pickups over brakes - what did it score", "note"),
        # how a company averaged, or is scoring so well
        ("how did tesla average in may 2026", "summary"),
        ("why is tesla scoring so well lately", "summary"),
        # a comparison over a window names no note; an event after "since" asks no count
        ("tesla or ford - who's had better sentiment over the past 12 months?", "compare"),
        ("tesla since the cybertruck distribution deal - sentiment up or down?", "trend"),
        ("Since the start of July 2025, how many of Tesla's notes were positive?", "distribution"),
        # the span from an event's note to the next
        ("why did tesla go from positive to negative between the recall and the next note on it?", "trend"),
        # a company's score on an event; its stance said again, or with a pronoun; a trajectory
        ("tesla score on the cybertruck beta record?", "note"),
        ("tesla score on the recall", "note"),
        ("tesla score for the past 90 days", "summary"),
        ("How did Tesla score in Q3 2025?", "summary"),
        ("what was the avg score for the quarter?", "summary"),
        ("why is tesla negative again in the latest note?", "note"),
        ("what turned tesla around after the margin cut? why's it positive now", "trend"),
        ("tesla trajectory, earliest note to most recent?", "trend"),
        # the worst reading, the current score, a span's average, a turn from deeply negative, how an event was scored
        ("worst reading we've had on tesla", "extreme"),
        ("what's the current score on Tesla", "note"),
        ("avg tesla score across 2025", "summary"),
        ("tesla went from deeply negative to positive in 2026 - what drove the turnaround?", "trend"),
        ("how was the tesla cybertruck recall scored", "note"),
        # a note named first, then what a company got; the score moving; the mean score; a note count;
        # a company turning or getting crushed
        ("that note on the cloud giants upping capex - what did tesla get?", "note"),
        ("tesla - how much has the score moved since the recall", "trend"),
        ("mean score of everything we published in jan 2025", "summary"),
        ("tesla note count - positive vs negative?", "distribution"),
        ("why'd tesla turn negative this summer?", "trend"),
        ("why did tesla get crushed in feb", "summary"),
        # the desk's read on a company is its view, not a note
        ("What drove the negative read on Tesla in Q3 2025?", "summary"),
    ],
)
def test_each_wording_asks_its_kind_of_sentiment_query(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question",
    [
        "how was Tesla's bond rated by Moody's?",
        "what was Tesla's operating margin after the recall?",
        "why did Tesla's margins go from positive to negative?",
        "how did Tesla's margin average in 2025?",
        "How did Tesla score on the safety test?",
        "tesla's credit score on the bond deal?",
        "why is free cash flow negative again?",
        "what's the current ratio at Tesla?",
        "why did tesla's margins get crushed",
        "did tesla's credit score fall after the recall?",
    ],
)
def test_a_measure_rated_or_after_an_event_stays_facts(router, question):
    assert routed_kind(router, question) == ("facts", None)


# The strike and the data are mentioned in passing: neither note is about a strike or a breach.
PASSING = notes(
    ("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30, "TSLA": 0.20},
     "Ford cut its outlook as steel costs rose. A strike at a supplier cost two days of output, and warranty data worsened."),
    ("f2.txt", "2025-06-10", "mildly positive", 0.30, {"F": 0.30}, "Ford recalled pickups over a brake fault. Costs are modest."),
)


@pytest.mark.parametrize("question", ["score on the Ford pilots strike note?", "what did we score ford on the customer data breach?"])
def test_a_note_sharing_an_events_words_only_in_passing_is_not_about_it(router, question):
    answer = ask(router, question, PASSING)
    assert not answer.found and not answer.citations


def test_the_note_whose_subject_holds_the_events_word_is_about_it(router):
    answer = ask(router, "score on the Ford brake recall note?", PASSING)
    assert answer.found and [c.source for c in answer.citations] == ["f2.txt"]


def test_a_note_about_each_company_asked_may_hold_the_event_past_its_first_sentence(router):
    answer = ask(router, "Ford vs Tesla in the note where the supplier strike hit output", PASSING)
    assert answer.found and [c.source for c in answer.citations] == ["f1.txt"]


def test_a_company_is_also_called_by_the_first_words_of_its_name_the_notes_write_alone():
    rows = [
        Company("PARK", "Glenfield Parks Entertainment", ("Glenfield Parks Entertainment",), (), False),
        Company("GLB", "Glenfield Bancorp Holdings", ("Glenfield Bancorp Holdings",), (), False),
        Company("BKA", "Bank of Avalon Corp", ("Bank of Avalon Corp",), (), False),
    ]
    texts = ["Glenfield Parks Entertainment cut guidance; attendance at Glenfield Parks was flat. "
             "Glenfield Bancorp Holdings grew deposits, and Glenfield Bancorp kept costs flat. Bank of Avalon Corp did not."]
    aliases = {c.ticker: c.aliases[1:] for c in with_short_names(rows, {"PARK", "GLB", "BKA"}, texts)}
    # two words each, written alone; never "Glenfield" (both begin so), nor a name never written without its rest
    assert aliases == {"PARK": ("Glenfield Parks",), "GLB": ("Glenfield Bancorp",), "BKA": ()}


@pytest.mark.parametrize(("text", "said"), [("why did glenfield parks ent. go negative?", "glenfield parks ent."), ("Glenfield Parks entertainment", "Glenfield Parks entertainment"), ("glenfield parks went negative", "glenfield parks")])
def test_a_word_shortening_the_rest_of_a_companys_name_is_part_of_the_mention(text, said):
    resolver = TickerResolver(CompanyDirectory([Company("PARK", "Glenfield Parks Entertainment", ("Glenfield Parks Entertainment", "Glenfield Parks"), (), False)]))
    [mention] = resolver.mentions(text, case_sensitive_names=False)
    assert text[mention.start:mention.end] == said


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("why was tesla so negative in mid-2025 (jun-aug)?", "2025-06-01", "2025-08-31"),
        ("tesla in june-august of 2025", "2025-06-01", "2025-08-31"),
        ("tesla in jun-aug", "2026-06-01", "2026-08-31"),  # no year named: the latest
        ("from march to may, vs 2024 and 2025", "2026-03-01", "2026-05-31"),  # two years named: neither
    ],
)
def test_a_month_range_without_a_year_is_in_the_one_year_the_question_names(text, start, end):
    from ragbot.windows import find_window

    window = find_window(text, TODAY)
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


@pytest.mark.parametrize("question", ["score for glenhollow?", "sentiment on Glenhollow", "glenhollow latest score?"])
def test_a_name_the_notes_write_only_capitalised_that_routes_nowhere_is_not_in_the_notes(router, question):
    catalog = notes(("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30},
                     "Ford cut its outlook. Supplier Glenhollow raised prices on seats."))
    answer = ask(router, question, catalog)
    assert not answer.found and "no note is about" in answer.text.lower() and "glenhollow" in answer.text.lower()


@pytest.mark.parametrize("question", ["average score for march?", "which company is the most bullish on average?"])
def test_an_english_word_the_notes_write_capitalised_is_no_company(router, question):
    catalog = notes(("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30}, "Ford cut its outlook in March. Average prices rose."))
    assert "no note is about" not in ask(router, question, catalog).text


def test_a_note_named_by_its_companies_alone_is_the_one_about_all_of_them(router):
    catalog = notes(
        ("a.txt", "2025-03-10", "neutral", 0.05, {"TSLA": 0.30, "F": -0.20, "GM": 0.10}, "Automakers cut prices across the board."),
        ("b.txt", "2025-04-10", "mildly positive", 0.30, {"F": 0.30}, "Ford raised its dividend."),
    )
    answer = ask(router, "in the note covering tesla, ford and GM together, what did ford score?", catalog)
    assert answer.found and [c.source for c in answer.citations] == ["a.txt"] and "F -0.20" in answer.text


def test_a_joined_name_is_also_named_by_its_first_word():
    rows = [Company("QDX", "QuellaOrtho", ("QuellaOrtho",), (), False), Company("SVN", "ServiceNow", ("ServiceNow",), (), False)]
    texts = ["QuellaOrtho cut guidance. ServiceNow grew; service revenue rose."]
    from ingest.tickers import with_first_names

    aliases = {c.ticker: c.aliases for c in with_first_names(rows, {"QDX", "SVN"}, texts)}
    assert aliases == {"QDX": ("QuellaOrtho", "Quella"), "SVN": ("ServiceNow",)}  # "service" is a word the notes write


def test_a_name_may_start_with_an_acronym():
    from ingest import CompanyDirectory, learn_companies

    text = "QRZB Bank raised its dividend. QRZB Bank grew deposits, and the Reserve Bank of India cut rates."
    (learned,) = learn_companies([(["QZB"], text)], CompanyDirectory.load())
    assert learned.name == "QRZB Bank"
