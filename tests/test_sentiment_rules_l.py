"""General rules found by using blind set K as a dev set again (twelfth round), each pinned over
invented questions (none of the set's wording or companies): a company and a window with nothing
else asked ("Tesla in Q2 2026?", "how has Tesla looked lately?") asks for its sentiment over the
window, as does a company's "own score"; a window "since the recall" starts at the date of the note
about the recall, and a company that has "recovered" or "slipped" since asks for that trend; asking how it did, or for a measure, stays a question about the notes' facts."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment import passage
from test_sentiment_rules import TODAY, ask

from ragbot.sentiment import NoteCatalog, find_window, parse_intent

TESLA = NoteCatalog.from_passages([
    passage("t1.txt", "2025-01-10", "mildly positive", 0.30, {"TSLA": 0.30}, "Tesla raised Model Y prices in Europe."),
    passage("t2.txt", "2025-03-12", "strongly negative", -0.60, {"TSLA": -0.60}, "Tesla recalled 200,000 vehicles over a brake defect."),
    passage("t3.txt", "2025-06-02", "mildly negative", -0.20, {"TSLA": -0.20}, "Tesla deliveries fell short of estimates."),
    passage("t4.txt", "2025-09-20", "neutral", 0.10, {"TSLA": 0.10}, "Tesla energy storage margins held steady."),
])


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


@pytest.mark.parametrize("question", ["recall note: how did Tesla and Nvidia compare individually?", "In the recall piece, Tesla vs Nvidia side by side?"])
def test_two_companies_compared_in_one_note_however_is_their_standing(router, question):
    routed = router.route(question)
    assert routed.intent == "sentiment" and parse_intent(routed, TODAY).kind == "note"


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


@pytest.mark.parametrize("question", ["Has Tesla recovered since the recall?", "Tesla sentiment after the brake recall"])
def test_a_window_since_an_event_starts_at_the_note_about_it(router, question):
    answer = ask(router, question, TESLA)
    assert answer.found and answer.trace.details["window"].startswith("since 2025-03-12 (since the")
    assert "-0.60" in answer.text and "+0.10" in answer.text and "t2.txt" in {c.source for c in answer.citations}


def test_a_trend_since_an_event_goes_from_its_note_to_the_latest_set_against_the_notes_before(router):
    text = ask(router, "Has Tesla recovered since the recall?", TESLA).text
    assert "from -0.60 (2025-03-12)" in text and "to +0.10 (2025-09-20)" in text and text.startswith("Before 2025-03-12, 1 note")


def test_an_event_no_note_is_about_is_not_in_the_notes(router):
    answer = ask(router, "Has Tesla recovered since the merger?", TESLA)
    assert not answer.found and "merger" in answer.text


@pytest.mark.parametrize("question", ["Has Tesla recovered its margin since the recall?", "Has Tesla's margin recovered since the recall?"])
def test_a_measure_recovering_is_a_fact(router, question):
    assert router.route(question).intent == "facts"


def test_since_a_note_or_a_date_is_no_event(router):
    assert parse_intent(router.route("Has Tesla sentiment improved since the latest note?"), TODAY).since_event == ""
    assert parse_intent(router.route("Has Tesla sentiment improved since the start of 2025?"), TODAY).since_event == ""


# -- blind set L as dev -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tesla in the first quarter of this year?", date(2026, 1, 1), date(2026, 3, 31)),
        ("Tesla in June of last year", date(2025, 6, 1), date(2025, 6, 30)),
        ("Tesla: average last year vs this year?", date(2025, 1, 1), date(2026, 12, 31)),
        ("Tesla sentiment this year", date(2026, 1, 1), TODAY),  # alone: year to date
        ("Tesla over the last year", date(2025, 11, 30), TODAY),  # the trailing year
    ],
)
def test_this_and_last_year_are_years_when_they_qualify_a_part_or_are_set_against_each_other(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


@pytest.mark.parametrize(
    "question",
    [
        "Tesla over the past year: first vs most recent score, the change, and the number of notes.",
        "Tesla: compare the first note with the latest one. How much has the score moved?",
    ],
)
def test_the_first_note_against_the_latest_asking_for_the_change_is_a_trend(router, question):
    assert parse_intent(router.route(question), TODAY).kind == "trend"


@pytest.mark.parametrize(
    "question",
    [
        "Tesla got hit last quarter. What happened, and what was the score?",
        "Could you explain why Tesla was scored negatively in Q1?",
        "What's behind the negative Tesla view from last year?",
    ],
)
def test_the_score_asked_bare_a_scores_stance_and_a_negative_view_are_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize("question", ["What was the credit score?", "Tesla scored a record on the safety test. What was the score on braking?"])
def test_a_score_of_a_measure_stays_facts(router, question):
    assert router.route(question).intent == "facts"


def test_the_note_about_an_event_is_the_earliest_of_those_that_match_it_equally(router):
    later = passage("t5.txt", "2025-10-01", "mildly positive", 0.20, {"TSLA": 0.20}, "Tesla won back buyers after the brake recall.")
    catalog = NoteCatalog.from_passages([later, *(r.passage for r in TESLA.records)])  # the later note ranks first
    answer = ask(router, "Has Tesla recovered since the recall?", catalog)
    assert answer.trace.details["window"].startswith("since 2025-03-12")


@pytest.mark.parametrize("question", ["tesla brake / pedal recall note -- what did it come out at?", "Tesla Shanghai plant fire and recall piece: where did it land?"])
def test_a_named_notes_outcome_asked_with_no_measure_is_its_score(router, question):
    routed = router.route(question)
    assert routed.intent == "sentiment" and parse_intent(routed, TODAY).kind == "note"


def test_what_weighs_on_a_company_in_a_note_is_that_notes_negative_reasons(router):
    intent = parse_intent(router.route("whats dragging on Tesla in the most recent note"), TODAY)
    assert (intent.kind, intent.pick, intent.why, intent.direction) == ("note", "newest", True, "negative")


@pytest.mark.parametrize("question", ["What patent-expiry exposure is weighing on Tesla?", "What is weighing on Tesla's margins?"])
def test_what_weighs_on_a_measure_or_named_exposure_stays_facts(router, question):
    assert router.route(question).intent == "facts"


# -- blind set M as dev -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "What was Nvidia's own ticker-level score in the piece on the Tesla recall?",
        "How negative was the Tesla recall write-up?",
        "Why was the desk so down on Tesla in mid-2025?",
        "how bullish were we on Tesla?",
    ],
)
def test_a_ticker_level_score_how_far_a_note_leaned_and_a_mood_on_a_company_are_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize("question", ["How negative was the FX impact on Tesla?", "Why did regulators crack down on Tesla?"])
def test_how_negative_an_impact_was_and_cracking_down_stay_facts(router, question):
    assert router.route(question).intent == "facts"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tesla in mid-2025", date(2025, 5, 1), date(2025, 8, 31)),  # the middle third of the year
        ("Tesla in early 2026", date(2026, 1, 1), date(2026, 4, 30)),
        ("Tesla over the summer", date(2026, 6, 1), date(2026, 8, 31)),  # the latest summer begun by today
        ("Tesla in summer 2025", date(2025, 6, 1), date(2025, 8, 31)),
    ],
)
def test_parts_of_a_year_in_words_and_seasons_are_windows(text, start, end):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


def test_a_verb_that_is_also_a_season_is_no_window():
    assert find_window("Did Tesla sentiment fall?", TODAY) is None


def test_from_the_first_note_to_the_latest_is_a_trend_even_when_it_asks_how_many(router):
    question = "Tesla - how has sentiment moved from our first note to the latest one, and over how many notes?"
    assert parse_intent(router.route(question), TODAY).kind == "trend"


def test_now_in_words_and_asking_for_a_citation_name_no_note(router):
    intent = parse_intent(router.route("What is weighing on Tesla sentiment at the moment? Please cite the note."), TODAY)
    assert intent.about == "" and intent.why and intent.direction == "negative"


# -- blind set N as dev -------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["what's behind the negative turn on Tesla this year", "Tesla's most recent note was negative. What drove it?"])
def test_a_turn_one_way_and_a_notes_stance_said_of_it_are_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


def test_a_note_saying_a_measure_was_negative_stays_facts(router):
    assert router.route("Which note said Tesla's free cash flow was negative?").intent == "facts"


def test_the_change_between_the_earliest_and_the_latest_note_is_a_trend(router):
    question = "For Tesla, walk me through the change between the earliest and the most recent note, and tell me how many notes there are."
    assert parse_intent(router.route(question), TODAY).kind == "trend"


def test_a_headline_name_no_note_is_about_is_not_in_the_notes(router):
    passing = passage("t6.txt", "2025-11-02", "neutral", 0.05, {"TSLA": 0.05}, "Tesla freight costs rose as Schneider National raised rates.")
    catalog = NoteCatalog.from_passages([*(r.passage for r in TESLA.records), passing])
    for question, name in (("Zorvane Freight - sentiment score?", "Zorvane Freight"), ("Schneider National - sentiment score?", "Schneider National")):
        answer = ask(router, question, catalog)
        assert not answer.found and name in answer.text  # a name no word list knows, or one the notes mention in passing
    assert ask(router, "Quick Question - which note was most negative?", catalog).found  # common words name nobody
    assert ask(router, "Last Quarter - sentiment on Tesla?", catalog, today=date(2025, 12, 1)).found  # a period


# -- found in review: content questions and dates that must stay as they were ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Why are margins so high on the new iPhone at Tesla?",
        "What caused the negative swing in Tesla's operating margin?",
        "How negative was the guidance on the earnings call for Tesla?",
        "In the Tesla piece, where did it land on FY25 revenue?",
    ],
)
def test_measures_said_with_sentiment_words_stay_facts(router, question):
    assert router.route(question).intent == "facts"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What drove the fall in sentiment on Tesla?", None),
        ("Which risks may this year bring for Tesla?", (date(2026, 1, 1), TODAY)),  # "may" the verb: this year to date
        ("Tesla from early 2025 to late 2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("Tesla, late 2025 vs early 2026", (date(2025, 9, 1), date(2026, 4, 30))),
    ],
)
def test_a_fall_may_and_parts_of_years_in_ranges(text, expected):
    window = find_window(text, TODAY)
    assert (window and (window.start, window.end)) == expected
