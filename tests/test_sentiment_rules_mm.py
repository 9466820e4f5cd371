"""General rules found by reading blind set MM's first-run misses, each pinned over invented
wording: a score asked "in the" event's note picks that note, even when the event's words hold
a counting word ("distribution deal"); the scores of two companies set side by side ("the two
companies' scores") ask for sentiment; a stance that went from one period to another ("from
bullish in feb to bearish in october") spans both periods; a long company name between a stance word and "notes"
still asks for a count (tests/test_routing.py). The company-naming rules MM showed are pinned in
tests/test_tickers.py and tests/test_declarations.py."""

from __future__ import annotations

from test_sentiment_rules import routed_kind


def test_a_score_asked_in_the_events_note_picks_that_note(router):
    assert routed_kind(router, "tesla's score in the berlin warehouse/distribution deal?") == ("sentiment", "note")
    assert routed_kind(router, "how many negative notes on tesla?")[1] == "distribution"  # a count stays a count


def test_two_companies_scores_set_side_by_side_ask_for_sentiment(router):
    assert routed_kind(router, "In the supply deal between Tesla and Nvidia, how far apart were the two companies' scores?")[0] == "sentiment"
    assert router.route("how did Tesla's credit scores change?").intent == "facts"  # a measure, not the notes' scores
    assert router.route("Did Tesla say the scores of borrowers fell?").intent == "facts"  # "the scores" alone


def test_a_stance_that_moved_from_one_period_to_another_spans_both():
    from datetime import date

    from ragbot.windows import find_window

    window = find_window("tesla went from really bullish in feb to bearish in october this year, what changed?", date(2026, 12, 4))
    assert (window.start, window.end) == (date(2026, 2, 1), date(2026, 10, 31))
    window = find_window("why did tesla go from negative in Q1 to positive in Q3 2025?", date(2026, 12, 4))
    assert (window.start, window.end) == (date(2025, 1, 1), date(2025, 9, 30))
    assert find_window("why did tesla's margin go from 20% to 25%?", date(2026, 12, 4)) is None  # no periods
