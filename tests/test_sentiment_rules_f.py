"""General rules found by using blind set F as a dev set (sixth round), each pinned over notes with
known dates and scores (none of the set's wording or companies): a decimal point ends no clause;
"<company> score", "<company> avg" and "scored on average" are sentiment questions; "over the
last year" is the trailing year; two periods' averages set against each other are a trend over
both; one note may be named with a slash or as a "story", or by the event two companies share;
an abbreviated month or a sentence's first word is no unknown name."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask, notes
from test_sentiment_rules_e import TESLA

from ragbot.companies import unknown_name
from ragbot.sentiment import parse_intent
from ragbot.windows import find_window


# One note on Nvidia and AMD together (NVDA +0.62, AMD -0.18), and one on each alone.
PAIR = notes(
    ("nvda-amd-supply.txt", "2026-06-10", "mildly positive", 0.30, {"NVDA": 0.62, "AMD": -0.18},
            "Nvidia signed a $2.5bn supply deal that AMD had bid for. Shares rose."),
    ("nvda-only.txt", "2026-06-20", "mildly negative", -0.40, {"NVDA": -0.40}, "Nvidia delayed a chip. Shares fell."),
    ("amd-only.txt", "2026-06-25", "mildly positive", 0.45, {"AMD": 0.45}, "AMD won a console order. Shares rose."),
)


@pytest.mark.parametrize(
    "question",
    [
        "In the June 2026 note about Nvidia's $2.5bn supply deal, what score did AMD itself get?",  # "2.5" ends no clause
        "Nvidia score vs AMD score?",
        "NVDA avg, last 6 months",
        "How has Nvidia scored on average over the last year?",
        "NVDA: 2025 average vs 2026 average - which direction is it heading?",
    ],
)
def test_company_scores_and_averages_route_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    ["What is Nvidia's credit score?", "What was Nvidia's average selling price?", "How has Nvidia scored on ESG ratings?",
     "Did Nvidia's $2.5bn deal close?"],
)
def test_other_scores_and_averages_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def test_over_the_last_year_is_the_trailing_year_and_last_year_the_calendar_one():
    trailing = find_window("How has Nvidia scored over the last year?", TODAY)
    calendar = find_window("How did Nvidia score last year?", TODAY)
    assert (trailing.start, trailing.end) == (date(2025, 11, 30), TODAY)
    assert (calendar.start, calendar.end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_two_periods_averages_set_against_each_other_are_a_trend_over_both(router):
    question = "Tesla: 2025 average vs 2026 average - which direction is it heading?"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.period, intent.window.start) == ("trend", "year", date(2025, 1, 1))
    # 2025: -0.40 (one note); 2026: +0.30, -0.20, +0.10, +0.50
    text = ask(router, question, TESLA).text
    assert "2025 -0.40" in text and "tsla-5.txt" in [c.source for c in ask(router, question, TESLA).citations]


@pytest.mark.parametrize(
    "question",
    [
        "AMD score in the Nvidia/AMD supply note?",  # a slash inside the words naming the note
        "In the Nvidia / AMD supply-deal note, how did NVDA's score compare with AMD's?",
        "Nvidia vs AMD sentiment in the June 2026 supply-deal story - give me both.",  # a "story" is a note
        "June 2026 supply deal: NVDA score vs AMD score?",  # the event both companies share names the note
    ],
)
def test_one_note_named_by_slash_story_or_shared_event_gives_each_tickers_score(router, question):
    intent = parse_intent(router.route(question), TODAY)
    answer = ask(router, question, PAIR)
    assert intent.kind == "note"
    assert [c.source for c in answer.citations] == ["nvda-amd-supply.txt"]
    assert "AMD -0.18" in answer.text and "NVDA +0.62" in answer.text


def test_companies_compared_with_no_event_named_are_still_compared_by_average(router):
    intent = parse_intent(router.route("Compare Nvidia and AMD sentiment in June 2026."), TODAY)
    assert intent.kind == "compare"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Nvidia's own score in the Jan 2026 note where sales were flat?", None),
        ("Has Nvidia improved since May 2025? Compare its average in May with after.", None),
        ("Nvidia vs AMD in the Zorblax note?", "Zorblax"),
        ("Sales of Nvidia in 2025. Compare them with AMD.", None),
        # after an abbreviation's full stop a capital still marks a name
        ("What were the margins of Nvidia vs. Zorblax last quarter?", "Zorblax"),
        ("How is the U.S. Zorblax unit doing?", "Zorblax"),
    ],
)
def test_abbreviated_months_and_sentence_starts_are_no_unknown_names(router, question, name):
    assert unknown_name(question, router.resolver, lambda word: False) == name
