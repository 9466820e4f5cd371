"""General rules found by using blind set J as a dev set (tenth round), each pinned over invented
notes and questions (none of the set's wording or companies): period shorthand ("2H25", "3Q25",
"Q3'25") is written out; two months joined by a dash are a range, and "between last November and
February" runs from the November before; the best or worst note, a note set against the first or
latest one, "souring on" a company, how "we were positioned", a company itself going negative,
what a company got in one note and its line there route as sentiment; now set against the first
note is a trend from it."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask
from test_sentiment_rules_e import TESLA
from test_sentiment_rules_g import PLANT

from ragbot.sentiment import find_window, parse_intent
from ragbot.windows import written_out

# -- periods ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [("Tesla in 2H25?", "Tesla in H2 2025?"), ("1H 2026 notes", "H1 2026 notes"), ("avg in 3Q25", "avg in Q3 2025"),
     ("Q3'25 tone", "Q3 2025 tone"), ("H2 \u201925", "H2 2025"), ("Q1 '25", "Q1 2025"), ("Tesla's 12H target", "Tesla's 12H target")],
)
def test_period_shorthand_is_written_out(text, written):
    assert written_out(text) == written


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("tone on Tesla jul-dec 2025", date(2025, 7, 1), date(2025, 12, 31)),
     ("Tesla mar to may", date(2026, 3, 1), date(2026, 5, 31)),
     ("Tesla nov\u2013feb", date(2025, 11, 1), date(2026, 2, 28)),  # the November before the February
     ("why did it change between last November and February?", date(2025, 11, 1), date(2026, 2, 28))],
)
def test_two_months_joined_are_a_range_the_first_before_the_second(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


def test_a_half_written_in_shorthand_is_a_window(router):
    window = parse_intent(router.route("Tesla sentiment in 2H25?"), TODAY).window
    assert (window.start, window.end) == (date(2025, 7, 1), date(2025, 12, 31))


# -- routing ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Best Tesla note so far? score pls",
        "Tesla - better or worse now vs our very first note on it?",
        "why did we sour on Tesla in 2026?",
        "Tesla in Q2 2026 - how were we positioned?",
        "Tesla went negative earlier this year - what drove that?",
        "in the plant expansion note on Tesla, what did Nvidia get?",
        "Nvidia's line in the Tesla plant expansion note?",
        "Tesla expansion note - who came out higher, Nvidia or AMD?",
    ],
)
def test_stances_best_notes_and_a_companys_line_in_a_note_route_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    [
        "What's the best note-taking app Tesla uses?",
        "Did Tesla's margins go negative in 2026?",
        "What was the best line item in Tesla's results?",
        "How are Tesla's positions in lithium hedged?",
        "In the Tesla expansion note, whose margins were higher, Nvidia's or AMD's?",
    ],
)
def test_other_bests_lines_and_turns_stay_facts(router, question):
    assert router.route(question).intent == "facts"


# -- what is answered -----------------------------------------------------------------------------------


def test_now_set_against_the_first_note_is_a_trend_from_it(router):
    question = "Tesla - better or worse now vs our very first note on it?"
    assert parse_intent(router.route(question), TODAY).kind == "trend"
    text = ask(router, question, TESLA).text  # the first note -0.40 (2025-06-10), the latest +0.50 (2026-11-04)
    assert "from -0.40 (2025-06-10) [1] to +0.50 (2026-11-04) [5] it improved: a change of +0.90" in text


def test_souring_asks_why_it_is_negative(router):
    intent = parse_intent(router.route("why did we sour on Tesla in 2026?"), TODAY)
    assert (intent.why, intent.direction, intent.window.start) == (True, "negative", date(2026, 1, 1))


@pytest.mark.parametrize(
    ("question", "figure"),
    [("in the plant expansion note on Tesla, what did Nvidia get?", "NVDA +0.22"), ("Nvidia's line in the Tesla plant expansion note?", "NVDA +0.22")],
)
def test_what_a_company_got_in_one_note_is_its_line_there(router, question, figure):
    answer = ask(router, question, PLANT)
    assert [c.source for c in answer.citations] == ["2026-04-02-tsla-plant-expansion.txt"] and figure in answer.text
