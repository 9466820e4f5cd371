"""General rules found by using blind set I as a dev set (ninth round), each pinned over invented
notes and questions (none of the set's wording or companies): two periods set against each other
("2025 vs 2026", "2026 compared with 2025") are a trend over both, by their own period; a trend
"since" a day also sets the notes before it against the notes since; a two-digit year ("Q1 '26")
is a year; "average" or "across" say how to aggregate, never which note; a question opening with
"score for the ..." or asking what a company got in one note asks that note's score; a note named
headline-style may be followed by a bracket."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask, notes
from test_sentiment_rules_e import TESLA
from test_sentiment_rules_g import PLANT

from ragbot.sentiment import find_window, parse_intent

# -- two periods set against each other -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tesla: 2025 vs 2026 avg sentiment", date(2025, 1, 1), date(2026, 12, 31)),
        ("has Tesla recovered in 2026 compared with 2025?", date(2025, 1, 1), date(2026, 12, 31)),
        ("compare the 2025 average with 2026", date(2025, 1, 1), date(2026, 12, 31)),
        ("Tesla in Q3 versus Q1 2025", date(2025, 1, 1), date(2025, 9, 30)),  # the year named once serves both
        ("the Q1 score against the Q3 score", date(2026, 1, 1), date(2026, 9, 30)),
    ],
)
def test_two_points_set_against_each_other_give_a_window_over_both(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


def test_two_years_set_against_each_other_are_a_trend_by_year(router):
    question = "Tesla: 2025 vs 2026 average sentiment - better or worse?"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.period) == ("trend", "year")
    # 2025: -0.40; 2026: (+0.30 - 0.20 + 0.10 + 0.50) / 4 = +0.175 -> +0.18
    text = ask(router, question, TESLA).text
    assert "By year: 2025 -0.40" in text and "2026 +0.18" in text


# -- a trend "since" a day -------------------------------------------------------------------------


def test_a_trend_since_a_day_sets_the_notes_before_it_against_the_notes_since(router):
    question = "Has sentiment on Tesla improved since the start of 2026?"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.before.start, intent.before.end) == ("trend", None, date(2025, 12, 31))
    # before: -0.40 (overall -0.35); since: +0.175 (overall (0.25 - 0.25 + 0.05 + 0.55) / 4 = +0.15)
    assert ask(router, question, TESLA).text.startswith(
        "Before 2026-01-01, 1 note on TSLA averages -0.40 [1]; since, 4 notes average +0.18 [2][3][4][5]: "
        "it improved, a change of +0.58 (by the notes' overall scores: -0.35, then +0.15, +0.50)."
    )


def test_a_trend_since_the_first_note_and_a_window_that_is_no_since_have_no_before(router):
    assert "Before" not in ask(router, "Has sentiment on Tesla improved since June 2025?", TESLA).text  # no note before June 2025
    assert parse_intent(router.route("How did sentiment on Tesla evolve in 2026?"), TODAY).before is None
    assert parse_intent(router.route("Has Tesla improved from 2025 to 2026?"), TODAY).before is None  # a range, not "since"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("the three most negative notes from 2025", date(2025, 1, 1), date(2025, 12, 31)),
     ("Tesla notes dated Q2 2026", date(2026, 4, 1), date(2026, 6, 30)),
     ("the most negative Tesla note since 2025", date(2025, 1, 1), TODAY)],
)
def test_notes_from_a_period_are_the_notes_written_in_it_not_since(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


@pytest.mark.parametrize("question", ["Tesla avg sentiment in Q1 '25?", "Tesla avg sentiment in Q1 \u201925?"])
def test_a_two_digit_year_after_an_apostrophe_is_a_year(router, question):
    window = parse_intent(router.route(question), TODAY).window
    assert (window.start, window.end) == (date(2025, 1, 1), date(2025, 3, 31))  # without it, Q1 would be 2026's


# -- two companies' averages over a window -----------------------------------------------------------

TWO = notes(
    ("tsla-a.txt", "2026-02-03", "mildly positive", 0.30, {"TSLA": 0.32}, "Tesla raised output. Shares rose."),
    ("nvda-a.txt", "2026-03-04", "mildly negative", -0.20, {"NVDA": -0.22}, "Nvidia delayed a chip. Shares fell."),
    ("both.txt", "2026-04-05", "neutral", 0.10, {"TSLA": 0.12, "NVDA": 0.40}, "Tesla bought Nvidia chips. Both rose."),
    ("tsla-b.txt", "2025-05-06", "strongly negative", -0.60, {"TSLA": -0.61}, "Tesla recalled cars. Shares fell."),
)


@pytest.mark.parametrize(
    "question", ["TSLA vs NVDA average sentiment in 2026 - who's ahead?", "Tesla or Nvidia: which had the better average sentiment across 2026?"]
)
def test_two_companies_averages_over_a_window_are_compared_not_read_from_one_note(router, question):
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.about, intent.window.start) == ("compare", "", date(2026, 1, 1))
    text = ask(router, question, TWO).text
    # TSLA 2026: (0.32 + 0.12) / 2 = +0.22; NVDA: (-0.22 + 0.40) / 2 = +0.09; 2025's -0.61 left out
    assert "+0.22" in text and "+0.09" in text and "-0.61" not in text


# -- one note's score asked for ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "source", "figure"),
    [
        ("Score for the Tesla plant expansion?", "2026-04-02-tsla-plant-expansion.txt", "Sentiment Score +0.30"),
        ("what did Nvidia get in the Tesla recall note", "tsla-recall.txt", "NVDA +0.05"),
        ("Tesla plant expansion note (Austin) - label and score?", "2026-04-02-tsla-plant-expansion.txt", "Sentiment Score +0.30"),
    ],
)
def test_a_score_asked_for_an_event_is_that_notes_score(router, question, source, figure):
    routed = router.route(question)
    assert routed.intent == "sentiment" and parse_intent(routed, TODAY).kind == "note"
    answer = ask(router, question, PLANT)
    assert [c.source for c in answer.citations] == [source] and figure in answer.text


@pytest.mark.parametrize(
    "question", ["What's Tesla's credit score?", "What did Tesla get in the Nvidia deal?", "How is the score for the FSD safety test computed by regulators?"]
)
def test_other_scores_and_gains_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def test_a_bare_score_for_a_company_is_its_summary(router):
    assert parse_intent(router.route("score for Tesla?"), TODAY).kind == "summary"
