"""General rules found by using blind set G as a dev set (seventh round), each pinned over invented
notes, companies and questions (none of the set's wording or companies): a company is named by
the first word of its name too (a declared one even when its ticker spells its initials, or when a
Markdown heading writes the word in lower case; a table company's hyphenated name by its first part); a gloomy, bleak or
rosy note, the notes' takes and views, the research turning one way, and "avg" beside notes or
before "score" are sentiment; "what made" asks why; "over 2025 by quarter" groups, it names no
report; a note is matched by its file name's words, and may be named headline-style; a "why"
answer with a direction first lists the notes that point that way."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask, notes
from test_sentiment_rules_e import TESLA

from ingest import CompanyDirectory
from ingest.declarations import text_companies, ticker_declarations
from ingest.tickers import Company, with_first_names
from ragbot.periods import period_subject
from ragbot.sentiment import parse_intent

# -- companies named by the first word of their name --------------------------------------------


def test_a_declared_ticker_spelling_its_initials_is_a_company_when_the_notes_score_it():
    text = "In March, Pelham Harbor Lines (PHL) added two routes. The Food and Drug Administration (FDA) was not involved."
    assert ticker_declarations(text) == []  # alone, past the note's opening, PHL reads as an acronym being defined
    assert ticker_declarations(text, frozenset({"PHL"})) == [("PHL", "Pelham Harbor Lines")]  # FDA still is one
    (company,) = text_companies([text], CompanyDirectory([]), frozenset({"PHL"}))
    assert set(company.aliases) == {"Pelham Harbor Lines", "Pelham"}


def test_a_lower_case_word_in_a_markdown_heading_still_leaves_a_proper_first_word():
    heading = "# Tesla: brindlecoe supply deal\nDate: 2026-01-05\nTesla signed a supply deal with Brindlecoe Optics (BRNO)."
    other = "Brindlecoe Optics (BRNO) raised prices. Shares fell."
    (company,) = text_companies([heading, other], CompanyDirectory.load())
    assert set(company.aliases) == {"Brindlecoe Optics", "Brindlecoe"}
    # the same word written in lower case in prose is a common word, not a name
    (company,) = text_companies([other, "the brindlecoe lens is cheap."], CompanyDirectory.load())
    assert company.aliases == ("Brindlecoe Optics",)


HYPHENATED = [
    Company("VSKM", "Varsk-McAllan", ("Varsk-McAllan",), (), False),
    Company("TRVT", "Trevant-Oak", ("Trevant-Oak",), (), False),
    Company("OKLM", "Oaklamp", ("Oaklamp",), (), False),
    Company("DNRV", "Danbury River", ("Danbury River",), (), False),
]


def test_a_held_company_is_named_by_its_hyphenated_names_first_part_when_the_notes_never_lower_case_it():
    texts = ["Varsk-McAllan (VSKM) cut output. Trevant-Oak rose.", "Oaklamp fell, and the trevant index rose."]
    rows = {c.ticker: c for c in with_first_names(HYPHENATED, {"VSKM", "TRVT", "OKLM", "DNRV"}, texts)}
    assert rows["VSKM"].aliases == ("Varsk-McAllan", "Varsk")
    assert rows["TRVT"].aliases == ("Trevant-Oak",)  # "trevant" is written in lower case
    assert rows["OKLM"].aliases == ("Oaklamp",)  # one word: nothing shorter
    assert rows["DNRV"].aliases == ("Danbury River",)  # the table's names of several words stand ("Danbury" is a town)
    unheld = {c.ticker: c for c in with_first_names(HYPHENATED, {"OKLM"}, texts)}
    assert unheld["VSKM"].aliases == ("Varsk-McAllan",)  # the notes are not about it


# -- routing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Which was the bleakest note we wrote in 2025?",
        "Show me the rosiest Tesla notes.",
        "What's driving the negative takes on Tesla?",
        "Are the positive views on Tesla recent?",
        "When did the research on Tesla turn bearish?",
        "What made the Tesla coverage go negative last year?",
        "Has Tesla improved since June 2025 (June avg against the avg of the notes after)?",
        "TSLA avg score, past 90 days",
    ],
)
def test_stances_takes_turns_and_avg_route_as_sentiment(router, question):
    routed = router.route(question)
    assert routed.intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    [
        "Why did Tesla's free cash flow turn negative?",
        "What was Tesla's avg selling price in 2025?",
        "What negative takeaways came out of the Tesla call?",
        "Did Tesla's margins go negative in Q3?",
    ],
)
def test_other_turns_averages_and_takeaways_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def test_the_bleakest_note_in_a_year_is_its_most_negative_one(router):
    intent = parse_intent(router.route("Which was the bleakest note we wrote in 2026?"), TODAY)
    assert (intent.kind, intent.direction, intent.unit, intent.window.start) == ("extreme", "negative", "note", date(2026, 1, 1))
    answer = ask(router, "Which was the bleakest note we wrote in 2026?", TESLA)
    assert "tsla-3.txt" in answer.text and "-0.25" in answer.text  # overall scores: -0.25 is 2026's lowest


def test_what_made_the_research_turn_negative_asks_why_over_the_window(router):
    intent = parse_intent(router.route("What made the Tesla coverage go negative in 2026?"), TODAY)
    assert (intent.why, intent.direction, intent.tickers, intent.window.start) == (True, "negative", ("TSLA",), date(2026, 1, 1))
    text = ask(router, "What made the Tesla coverage go negative in 2026?", TESLA).text
    assert "-0.20" in text and "-0.40" not in text  # 2026's negative note, not 2025's


def test_an_avg_against_the_later_notes_is_the_first_month_against_the_rest(router):
    question = "Tesla: better or worse since June 2025? (June avg vs avg of all later notes)"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.period) == ("trend", "month")
    # June 2025: -0.40; the four later notes: (+0.30 - 0.20 + 0.10 + 0.50) / 4 = +0.18
    assert "Against 2025-06 (-0.40)" in ask(router, question, TESLA).text and "average +0.18" in ask(router, question, TESLA).text


def test_a_company_avg_score_over_a_trailing_window_is_its_average(router):
    intent = parse_intent(router.route("TSLA avg score, last 6 months"), TODAY)
    assert (intent.kind, intent.tickers, intent.window.start) == ("summary", ("TSLA",), date(2026, 5, 30))
    assert "averages +0.30" in ask(router, "TSLA avg score, last 6 months", TESLA).text  # +0.10, +0.50


# -- periods --------------------------------------------------------------------------------------


def test_a_year_grouped_by_quarter_is_a_window_not_a_report(router):
    question = "Walk me through Tesla's sentiment over 2026 by quarter."
    assert period_subject(question) == -1.0
    assert period_subject("Sentiment on Tesla's 2026 results by segment?") == 1.0  # a report still is one
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.period, intent.reporting, intent.window.start) == ("trend", "quarter", (), date(2026, 1, 1))
    assert "Q1 2026 +0.30" in ask(router, question, TESLA).text


# -- picking the one note -------------------------------------------------------------------------

# The plant note's text says "expanded", its file name "expansion"; it scores three companies.
PLANT = notes(
    ("2026-04-02-tsla-plant-expansion.txt", "2026-04-02", "mildly positive", 0.30, {"TSLA": 0.45, "NVDA": 0.22, "AMD": -0.11},
            "Tesla expanded its Austin plant with Nvidia chips. AMD lost the order."),
    ("tsla-recall.txt", "2026-05-02", "mildly negative", -0.30, {"TSLA": -0.30, "NVDA": 0.05}, "Tesla recalled cars. Nvidia was unaffected."),
)


def test_a_note_is_matched_by_the_words_of_its_file_name(router):
    answer = ask(router, "In the Tesla expansion note, what did Nvidia score?", PLANT)
    assert [c.source for c in answer.citations] == ["2026-04-02-tsla-plant-expansion.txt"] and "NVDA +0.22" in answer.text


def test_a_note_named_headline_style_sets_the_two_companies_after_it_side_by_side(router):
    question = "Tesla expansion note - who scored better, Nvidia or AMD?"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.tickers[:2]) == ("note", ("NVDA", "AMD"))
    assert "NVDA's ticker score (+0.22) is 0.33 higher than AMD's (-0.11)" in ask(router, question, PLANT).text


# -- "why" answers ---------------------------------------------------------------------------------


def test_why_negative_first_lists_the_notes_that_are_negative_oldest_first(router):
    text = ask(router, "Why is sentiment on Tesla negative?", TESLA).text
    first = text.split(". ")[0]
    assert first == "2 of the 5 notes on TSLA (40%) are negative: tsla-1.txt -0.40, tsla-3.txt -0.20 [1][2]"
    assert "averages +0.06" in text  # then the figures of every note: (-0.40 + 0.30 - 0.20 + 0.10 + 0.50) / 5
