"""General rules found by reading blind set OO's first-run misses, each pinned over invented
wording: a company moved to a stance ("what dragged Acme negative?") or said to hold one ("why
was Acme negative in May?") asks its sentiment and the reasons; "how are we rating Acme these
days" asks its sentiment; the start or end of a year is its early or late third. The naming
rules OO showed (a learned company's short form, "Implats"; a symbol no note writes, "OCBC")
are pinned in tests/test_tickers.py and tests/test_companies.py."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, routed_kind

from ragbot.sentiment import find_window, parse_intent


@pytest.mark.parametrize("question", [
    "what dragged Tesla negative at the start of this year?",
    "why was Tesla negative in May?",
    "what knocked Tesla negative in the spring?",
    "how are we rating Tesla these days",
])
def test_a_company_moved_to_or_holding_a_stance_asks_its_sentiment(router, question):
    assert routed_kind(router, question)[0] == "sentiment"


@pytest.mark.parametrize("question", [
    "the tariff note - which of the two got the better score, and what's the gap",
    "the supply deal piece - how did Tesla come out in it?",
])
def test_who_did_better_by_its_score_or_came_out_in_a_note_asks_that_notes_scores(router, question):
    assert routed_kind(router, question)[0] == "sentiment"


@pytest.mark.parametrize("question", [
    "what turned margins negative?", "why was Tesla's margin negative?", "how did the results come out?", "which bank has a better credit score?",
])
def test_a_measure_moved_to_a_sign_stays_a_content_question(router, question):
    assert routed_kind(router, question)[0] == "facts"


def test_what_dragged_a_company_one_way_asks_the_reasons(router):
    assert parse_intent(router.route("what dragged Tesla negative in May?"), TODAY).why


@pytest.mark.parametrize(("text", "start", "end"), [
    ("sentiment on Tesla at the start of this year", date(TODAY.year, 1, 1), date(TODAY.year, 4, 30)),
    ("Tesla score at the beginning of 2025", date(2025, 1, 1), date(2025, 4, 30)),
    ("Tesla score at the end of last year", date(TODAY.year - 1, 9, 1), date(TODAY.year - 1, 12, 31)),
])
def test_the_start_or_end_of_a_year_is_its_early_or_late_third(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


def test_since_the_start_of_a_year_runs_from_its_first_day():
    window = find_window("Tesla - has it improved since the start of this year?", TODAY)
    assert window.start == date(TODAY.year, 1, 1)
