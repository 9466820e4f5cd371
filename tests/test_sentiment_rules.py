"""General rules found by using blind set D as a dev set, each pinned over notes with known
dates and scores (none of the set's wording or companies): a year ending a sentence is a
window; stance adverbs route and set the direction; the noun after "which" says whether
companies or notes are ranked; the one note named is the one about every company named and
whose subject (title, first sentence) is the event; a number inside a name is a topic word;
trends list each note inside a period and set the first period against the later notes."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment import CATALOG as NINE_NOTES
from test_sentiment import passage

from ragbot.routing import Question
from ragbot.sentiment import NoteCatalog, SentimentAnswerer, find_window, parse_intent
from ragbot.sentiment.intent import one_note_topic

TODAY = date(2026, 11, 30)


def ask(router, question: str, catalog: NoteCatalog, today: date = TODAY):
    return SentimentAnswerer(today=lambda: today).answer_catalog(router.route(question), catalog)


def routed_kind(router, question: str) -> tuple[str, str | None]:
    """The route a question takes and, for a sentiment question, the kind of query it asks."""
    routed = router.route(question)
    return routed.intent, parse_intent(routed, TODAY).kind if routed.intent == "sentiment" else None


@pytest.mark.parametrize("text", ["Rank my companies by average sentiment in 2026.", "Sentiment on Apple in 2026?", "in 2026, how was Apple rated"])
def test_a_year_is_a_window_even_before_a_full_stop(text):
    window = find_window(text, TODAY)
    assert (window.start, window.end) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize("text", ["Apple paid $2025 per unit", "a ratio of 2025.5", "up 2025% on the year"])
def test_an_amount_is_no_year(text):
    assert find_window(text, TODAY) is None


@pytest.mark.parametrize(
    ("question", "unit", "direction"),
    [
        ("Which company do my notes view most bearishly?", "company", "negative"),
        ("Which company do the notes see most negatively?", "company", "negative"),
        ("Which stock does our research regard most favourably?", "company", "positive"),
        ("Which companies are viewed least optimistically in my notes?", "company", "negative"),
        ("Which of my notes on Tesla is the most negative?", "note", "negative"),
        ("Which notes on Nvidia read most bullishly?", "note", "positive"),
    ],
)
def test_stance_adverbs_route_and_the_noun_after_which_says_what_is_ranked(router, question, unit, direction):
    routed = router.route(question)
    assert routed.intent == "sentiment"
    intent = parse_intent(routed, TODAY)
    assert (intent.kind, intent.unit, intent.direction) == ("extreme", unit, direction)


@pytest.mark.parametrize(
    "question",
    [
        "Which segment was most negatively affected by tariffs?", "How did the tariffs affect Apple's margins negatively?",
        "Regarding Apple, what negatively affected gross margin?", "We saw Tesla's margins negatively affected by price cuts; by how much?",
        "List the negative catalysts in notes on Tesla.", "What are the negative impacts in notes about Apple's tariffs?",
    ],
)
def test_adverbs_of_effect_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def notes(*rows) -> NoteCatalog:
    """A catalog of ``passage`` rows, each titled by its first sentence as a note without a heading is."""
    passages = [passage(*row) for row in rows]
    for p in passages:
        p.metadata["title"] = p.page_content.split(". ")[0] + "."
    return NoteCatalog.from_passages(passages)


# The CEO note holds both topic words ("accelerator", "deal") in passing; the other holds one, but
# is about both companies named and has the accelerators as its subject.
DEAL = notes(
    ("baba-ceo.txt", "2026-03-02", "neutral", 0.05, {"BABA": 0.05},
            "Alibaba named a new cloud chief. The cloud unit will lean on the supply deal with Nvidia for accelerators."),
    ("nvda-baba-supply.txt", "2026-02-10", "mildly positive", 0.30, {"NVDA": 0.20, "BABA": 0.40},
            "Nvidia agreed to ship accelerators to Alibaba's cloud unit. Shipments start in June."),
)


def test_the_note_named_with_two_companies_is_the_one_about_both(router):
    answer = ask(router, "In the note on Nvidia's accelerator deal with Alibaba, what was Alibaba's ticker sentiment?", DEAL)
    assert [c.source for c in answer.citations] == ["nvda-baba-supply.txt"]
    assert "BABA +0.40" in answer.text


# Both notes hold every topic word; the hold is the subject of one and a passing mention in the other.
HOLD = notes(
    ("nvda-raise.txt", "2026-07-01", "neutral", 0.04, {"NVDA": 0.04},
            "Nvidia raised $4 billion in a share sale. The FDA clinical hold on its health unit in June weighed on the stock."),
    ("nvda-hold.txt", "2026-06-11", "strongly negative", -0.52, {"NVDA": -0.52},
            "The FDA placed a clinical hold on Nvidia's health unit trial. Shares fell 6%."),
)


def test_a_note_whose_subject_is_the_event_wins_over_one_mentioning_it(router):
    answer = ask(router, "What score did the note on the FDA clinical hold on Nvidia get?", HOLD)
    assert [c.source for c in answer.citations] == ["nvda-hold.txt"] and "Sentiment Score -0.52" in answer.text


def test_a_number_inside_a_name_is_a_topic_word_a_bare_number_is_not():
    question = Question("x", [], "the note from March 5 on the CRV-220 trial and the Model-3 recall", "")
    assert one_note_topic(question).split() == ["crv", "220", "trial", "model", "3", "recall"]


def test_a_trend_lists_each_note_inside_a_period(router):
    # NVDA own: 2025-09 -0.30; 2025-10 +0.60 and -0.50 (average +0.05); overall 2025-10: (0.55 - 0.50) / 2 -> +0.03
    text = ask(router, "How did sentiment on Nvidia evolve by month?", NINE_NOTES, date(2025, 11, 30)).text
    assert "2025-09 -0.30 (overall -0.30, 1 note) [1], 2025-10 +0.05 (overall +0.03, 2 notes: +0.60 [2], -0.50 [3])" in text


def test_a_trend_sets_the_first_period_against_the_notes_after_it(router):
    # BABA own: June +0.10, then (+0.30 + 0.45) / 2 = +0.375 -> +0.38, a change of +0.275 -> +0.28;
    # overall: June +0.05, then (0.10 + 0.40) / 2 = +0.25, a change of +0.20
    text = ask(router, "Has sentiment on BABA improved since June?", NINE_NOTES, date(2025, 11, 30)).text
    assert ("Against 2025-06 (+0.10) [1], the 2 notes after it average +0.38 [2][3]: a change of +0.28 "
            "(by the notes' overall scores: +0.05, then +0.25, +0.20).") in text
    two_periods = ask(router, "How did sentiment on Nvidia evolve by month?", NINE_NOTES, date(2025, 11, 30)).text
    assert "after it average" not in two_periods  # the later period's average is already stated


@pytest.mark.parametrize(
    ("question", "start", "period"),
    [("Is sentiment on Apple better now than at the start of 2025?", date(2025, 1, 1), "year"),
     ("Is sentiment on Apple worse than in June?", date(2026, 6, 1), "month"),
     ("Are the notes on Apple more bullish than they were in Q1?", date(2026, 1, 1), "quarter")],
)
def test_now_set_against_a_past_point_is_a_trend_from_it(router, question, start, period):
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.window.start, intent.window.end, intent.period) == ("trend", start, TODAY, period)


def test_two_companies_set_against_each_other_stay_a_comparison(router):
    assert parse_intent(router.route("Is Tesla sentiment better now than Apple's?"), TODAY).kind == "compare"
