"""Which score a sentiment answer states: a company's own Ticker Sentiment score first, and the
notes' overall Sentiment Scores beside it whenever they give another figure (averages, per-period
figures, first-to-latest changes, extremes, rankings, counts, comparisons). Also how questions
that name no sentiment word but ask how something was scored, rated or compared route.
Notes with known dates and scores; every expected figure worked out by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment import passage

from ragbot.sentiment import NoteCatalog, SentimentAnswerer, find_window, parse_intent

# (source, date, label, overall score, ticker scores, primary tickers, first chunk)
NOTES = [
    ("aapl-1.txt", "2025-03-10", "neutral", -0.10, {"AAPL": -0.40}, ["AAPL"], "Apple cut iPhone production on weak China demand."),
    ("aapl-2.txt", "2025-06-12", "mildly positive", 0.30, {"AAPL": 0.10}, ["AAPL"], "Apple unveiled its AI features at WWDC."),
    ("aapl-3.txt", "2025-09-15", "mildly negative", -0.20, {"AAPL": 0.20, "MSFT": -0.60, "GOOGL": -0.10}, ["AAPL", "MSFT", "GOOGL"],
     "Apple services revenue hit a record as Microsoft and Google lost search share."),
    ("msft-1.txt", "2025-04-01", "strongly positive", 0.60, {"MSFT": 0.40}, ["MSFT"], "Microsoft Azure growth accelerated to 35%."),
    ("msft-2.txt", "2025-08-01", "mildly negative", -0.30, {}, ["MSFT"], "Microsoft delayed data center leases in Europe."),
    ("tsla-1.txt", "2025-05-05", "mildly positive", 0.25, {}, ["TSLA"], "Tesla energy storage deployments hit a record."),
]
TODAY = date(2025, 11, 30)
CATALOG = NoteCatalog.from_passages([passage(s, d, label, score, scores, text, primary) for s, d, label, score, scores, primary, text in NOTES])


def ask(router, question: str) -> str:
    answer = SentimentAnswerer(today=lambda: TODAY).answer_catalog(router.route(question), CATALOG)
    assert answer.found and [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    return answer.text


def test_an_average_states_the_companys_own_score_and_the_notes_overall_scores(router):
    # AAPL's own: (-0.40 + 0.10 + 0.20) / 3 = -0.033; the notes' overall: (-0.10 + 0.30 - 0.20) / 3 = 0.00
    text = ask(router, "What's the sentiment on Apple?")
    assert "averages -0.03 (neutral) by AAPL's own score, 0.00 by the notes' overall scores [1][2][3]." in text
    assert "(AAPL +0.20; note overall -0.20), aapl-3.txt" in text  # each note gives both


def test_one_figure_when_the_notes_give_no_other(router):
    text = ask(router, "What's the sentiment on Tesla?")  # its one note lists no ticker scores: its overall score is the score
    assert "sentiment on TSLA averages +0.25 (mildly positive) [1]." in text and "overall scores" not in text


def test_a_trend_gives_periods_first_to_latest_and_change_on_both_scores(router):
    # own: -0.40 (Mar) -> +0.20 (Sep), +0.60; overall: -0.10 -> -0.20, -0.10: the two disagree on the direction
    text = ask(router, "Has sentiment on Apple improved since March?")
    assert "By month: 2025-03 -0.40 (overall -0.10, 1 note) [1], 2025-06 +0.10 (overall +0.30, 1 note) [2], 2025-09 +0.20 (overall -0.20, 1 note) [3]." in text
    assert "From the first note to the latest by AAPL's own score: from -0.40 (2025-03-10) [1] to +0.20 (2025-09-15) [3] it improved: a change of +0.60." in text
    assert "By the notes' overall scores: from -0.10 (2025-03-10) [1] to -0.20 (2025-09-15) [3] it worsened: a change of -0.10." in text


def test_an_extreme_names_the_other_note_when_the_overall_scores_pick_another(router):
    text = ask(router, "Which of my notes on Apple is the most negative?")
    assert text.startswith("The most negative note on AAPL is aapl-1.txt")  # AAPL -0.40 (its overall -0.10)
    assert "By the notes' overall scores (not AAPL's own score), the most negative note is aapl-3.txt" in text
    assert "mildly positive, AAPL +0.20; note overall -0.20" in text


def test_a_ranking_of_named_companies_states_both_averages_and_the_other_order(router):
    # MSFT's own: (+0.40 - 0.30 - 0.60) / 3 = -0.17 (msft-2 lists no ticker score: its overall);
    # overall: (+0.60 - 0.30 - 0.20) / 3 = +0.03, above AAPL's 0.00: the order flips
    question = "Which of Apple and Microsoft is the most bullish according to the research notes?"
    assert parse_intent(router.route(question), TODAY).unit == "company"  # the notes are the source, companies are ranked
    text = ask(router, question)
    assert "The most bullish company among AAPL, MSFT is AAPL, averaging -0.03 (neutral) over 3 notes by its own ticker score (0.00 by the notes' overall scores)" in text
    assert "1. AAPL -0.03 (overall 0.00, 3 notes)" in text and "2. MSFT -0.17 (overall +0.03, 3 notes)" in text
    assert "By the notes' overall scores instead, most positive first: 1. MSFT +0.03; 2. AAPL 0.00." in text


def test_a_comparison_gives_each_gap(router):
    text = ask(router, "Compare sentiment on Apple and Microsoft")
    assert "AAPL is 0.13 higher than MSFT (-0.03 vs -0.17); by the notes' overall scores, AAPL is 0.03 lower than MSFT (0.00 vs +0.03)" in text


def test_a_count_adds_the_split_on_the_overall_scores_when_it_differs(router):
    # own: -0.40 negative (aapl-1); overall: -0.20 negative (aapl-3), and two notes below zero
    text = ask(router, "How many negative notes on Apple do I have?")
    assert "1 of the 3 notes on AAPL (33%) is negative: aapl-1.txt -0.40" in text
    assert ("By the notes' overall scores (not AAPL's own score): 1 negative (aapl-3.txt -0.20); "
            "by label 1 positive, 1 neutral, 1 negative; by score 1 above zero, 0 at zero, 2 below zero") in text


def test_the_companies_compared_are_those_named_outside_the_phrase_naming_the_note(router):
    # Apple names the note; Microsoft (-0.60) and Google (-0.10) are compared: 0.50 apart
    text = ask(router, "In the Apple services note, did Microsoft or Google come out worse?")
    assert "MSFT's ticker score (-0.60) is 0.50 lower than GOOGL's (-0.10) [1]." in text


@pytest.mark.parametrize(
    "question",
    [
        "How was the short-seller report on Apple scored?",
        "How has Apple been rated in the last 30 days?",
        "How did the research rate Apple's Q3 results?",
        "Why was the research on Apple negative in June?",
        "In the services note, how did Microsoft compare with Google?",
        "What is the latest score on Apple?",
        "How did Apple's score change year over year?",
    ],
)
def test_how_something_was_scored_rated_or_stood_routes_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    [
        "How was Apple rated by Moody's?",
        "How is Apple scored on ESG?",
        "Do the notes on Apple mention negative free cash flow?",
        "In the services note, how did Microsoft's cloud margins compare with Google's?",
        "What was Tesla's safety score?",
    ],
)
def test_ratings_by_others_and_comparisons_of_a_measure_stay_facts(router, question):
    assert router.route(question).intent == "facts"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("since June 2025", "2025-06-01", "2025-11-30"), ("in the last 90 days", "2025-09-01", "2025-11-30"),
     ("in Q3", "2025-07-01", "2025-09-30"), ("over the last 60 days", "2025-10-01", "2025-11-30"),
     # two months or quarters joined run from the first to the second, the year written once
     ("in September and October 2025", "2025-09-01", "2025-10-31"), ("in Q2 and Q3", "2025-04-01", "2025-09-30"),
     ("in December and January 2025", "2024-12-01", "2025-01-31")],
)
def test_windows_count_from_today(text, start, end):
    window = find_window(f"How has sentiment on Apple moved {text}?", TODAY)
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


def test_the_latest_sentiment_is_the_newest_notes(router):
    """"The latest sentiment on X" is what X's newest note says (its scores, and the reasons are
    drawn from it), not the average over every note."""
    assert parse_intent(router.route("Why is the latest sentiment on Apple negative?"), TODAY).pick == "newest"
    text = ask(router, "What is the latest sentiment on Apple?")
    assert text.startswith('aapl-3.txt (2025-09-15, "Apple services revenue')
    assert "Sentiment Score -0.20" in text and "AAPL +0.20" in text and "averages" not in text


def test_a_comparison_over_a_window_is_a_comparison_not_two_trends(router):
    # since June: AAPL aapl-2 +0.10, aapl-3 +0.20 (own) -> +0.15; MSFT msft-2 -0.30, aapl-3 -0.60 -> -0.45
    question = "Compare sentiment on Apple and Microsoft since June"
    assert parse_intent(router.route(question), TODAY).kind == "compare"
    text = ask(router, question)
    assert "AAPL is 0.60 higher than MSFT (+0.15 vs -0.45)" in text
    assert parse_intent(router.route("How has sentiment on Apple changed compared with Microsoft since June?"), TODAY).kind == "trend"


def test_a_window_between_years_is_grouped_by_year():
    """"from 2024 to 2025" compares years, as "between Q2 and Q3" compares quarters."""
    from ragbot.routing import Question
    from ragbot.sentiment.query import summary, trend

    intent = parse_intent(Question("Did sentiment on Apple improve from 2024 to 2025?", ["AAPL"], "", ""), TODAY)
    assert intent.kind == "trend" and intent.period == "year"
    assert parse_intent(Question("How has sentiment on Apple changed over 2025?", ["AAPL"], "", ""), TODAY).period is None  # one year: by its notes' spread
    found = trend(summary(CATALOG, "AAPL", intent.window), intent.period)
    assert [(p.period, round(p.average, 4), len(p.notes)) for p in found.periods] == [("2025", round(-0.1 / 3, 4), 3)]


def test_the_per_period_change_is_left_out_when_it_repeats_the_first_to_latest_change(router):
    # one note a month: the monthly change (+0.60) is the change from the first note to the latest
    assert "monthly average moved" not in ask(router, "Has sentiment on Apple improved since March?")
    # MSFT by quarter: Q2 2025 msft-1 +0.40; Q3 2025 msft-2 -0.30 and aapl-3 -0.60 -> -0.45: -0.85, not the notes' -1.00
    text = ask(router, "How has Microsoft sentiment changed by quarter?")
    assert "a change of -1.00" in text and "The quarterly average moved from +0.40 in Q2 2025 to -0.45 in Q3 2025, -0.85" in text


def test_a_ticker_score_equal_to_the_notes_overall_score_takes_the_notes_own_label():
    record = NoteCatalog.from_passages([passage("zs.txt", "2025-03-01", "mildly negative", -0.13, {"ZS": -0.13, "NET": -0.60}, "Zscaler guided low.")]).records[0]
    assert record.label_for("ZS") == "mildly negative"  # the note's scale, not describe()'s "neutral"
    assert record.label_for("NET") == "strongly negative" and record.label_for(None) == "mildly negative"


def test_a_trend_whose_two_readings_point_opposite_ways_says_so_first(router):
    # NVDA: Jan +0.00 (first); Feb +0.60, +0.50, -0.20 (latest): the monthly average rose 0.00 -> +0.30 (+0.30),
    # while the latest note is below the first (-0.20)
    rows = [("n1.txt", "2025-01-10", 0.0), ("n2.txt", "2025-02-03", 0.6), ("n3.txt", "2025-02-10", 0.5), ("n4.txt", "2025-02-20", -0.2)]
    catalog = NoteCatalog.from_passages([passage(s, d, "neutral", v, {"NVDA": v}, "Nvidia data center demand.", ["NVDA"]) for s, d, v in rows])
    text = SentimentAnswerer(today=lambda: TODAY).answer_catalog(router.route("Has sentiment on Nvidia improved?"), catalog).text
    assert text.startswith("Mixed: the latest note on NVDA is below the first (-0.20), while the monthly average rose (+0.30) [")
    assert "it worsened: a change of -0.20" in text  # the figures behind it still follow
