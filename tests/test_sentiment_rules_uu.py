"""General rules found by reading blind set UU's first-run misses, each pinned over invented or
bundled wording: how negative "the call" was when something happened asks one note's score;
where sentiment started and where it is now, and the first note against the latest, ask the
trend; a company "improved or deteriorated since" an event asks its sentiment's trend; the
scores "from" a half year are those dated in it."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, routed_kind

from ragbot.windows import find_window


@pytest.mark.parametrize("question", [
    "How negative was the call on Tesla when it cut prices in China?",
    "how bullish was the note on Alibaba after the cloud spin-off?",
])
def test_how_far_one_way_the_call_went_when_something_happened_asks_that_note(router, question):
    assert routed_kind(router, question) == ("sentiment", "note")


@pytest.mark.parametrize("question", [
    "tesla: where did sentiment start and where is it now?",
    "tesla first note vs latest, how much has it moved?",
    "tesla - improved or deteriorated since the robotaxi launch?",
])
def test_the_first_note_against_the_latest_asks_the_trend(router, question):
    assert routed_kind(router, question) == ("sentiment", "trend")


@pytest.mark.parametrize("question", [
    "how negative was the impact of the tariffs on Tesla?",  # an effect, not the notes' call
    "how positive was the call on Tesla's margins?",  # the call on a measure
    "how negative was the rating action on Tesla?",  # a credit rating
    "tesla's margin - improved or deteriorated since the price cuts?",  # a measure named
    "tesla: from the first note to the latest, how has the gross margin changed?",
])
def test_a_measure_or_an_effect_stays_a_content_question(router, question):
    assert routed_kind(router, question)[0] == "facts"


@pytest.mark.parametrize(("text", "start", "end"), [
    ("give me the three highest overall sentiment scores from H2 2025", date(2025, 7, 1), date(2025, 12, 31)),
    ("the lowest scores from 2025 onwards", date(2025, 1, 1), TODAY),  # from it on
    ("show tesla sentiment scores from March 2026", date(2026, 3, 1), TODAY),  # no highest or lowest: since
])
def test_the_highest_scores_from_a_period_are_those_dated_in_it(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)
