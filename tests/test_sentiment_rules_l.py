"""General rules found by using blind set K as a dev set again (twelfth round), each pinned over
invented questions (none of the set's wording or companies): a company and a window with nothing
else asked ("Tesla in Q2 2026?", "how has Tesla looked lately?") asks for its sentiment over the
window, as does a company's "own score"; asking how it did, or for a measure, stays a question about the notes' facts."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY

from ragbot.sentiment import parse_intent


@pytest.mark.parametrize(
    "question",
    ["Tesla in Q2 2026?", "how's Tesla looked over the last 60 days", "Nvidia, first half of 2025", "Where has TSLA stood since March?"],
)
def test_a_company_over_a_window_with_nothing_else_asked_is_its_sentiment_there(router, question):
    routed = router.route(question)
    assert routed.intent == "sentiment" and parse_intent(routed, TODAY).window is not None


@pytest.mark.parametrize("question", ["recall piece - Tesla's own score?", "Nvidia's own ticker score in the recall note?"])
def test_a_companys_own_score_is_its_score(router, question):
    assert router.route(question).intent == "sentiment"


def test_a_companys_own_credit_score_is_a_measure(router):
    assert router.route("What is Tesla's own credit score?").intent == "facts"


@pytest.mark.parametrize(
    "question", ["How did Tesla do in Q2 2026?", "Tesla deliveries in Q2 2026?", "Tesla", "What happened at Tesla in Q2 2026?", "Q2 2026?"],
)
def test_a_measure_an_event_results_or_no_window_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def test_the_window_is_the_one_named(router):
    intent = parse_intent(router.route("Tesla in Q2 2025?"), TODAY)
    assert (intent.window.start, intent.window.end) == (date(2025, 4, 1), date(2025, 6, 30))
