"""General rules found by reading blind set SS's first-run misses, each pinned over invented
wording: notes said to hold a stance after them ("why are the notes on Acme so upbeat?") and the
notes' "readings" ask their sentiment; a company's name ("Top Glove", "Best Buy") asks for no
ranking."""

from __future__ import annotations

import pytest
from test_sentiment_rules import TODAY, routed_kind

from ragbot.routing import Question
from ragbot.sentiment.intent import parse_intent, without_names


@pytest.mark.parametrize("question", [
    "Why are the notes on Tesla so upbeat?",
    "why are the tesla notes so negative",
    "What drove the negative Tesla readings in 2025?",
    "the Tesla notes read bearish - why?",
])
def test_notes_said_to_hold_a_stance_and_their_readings_ask_their_sentiment(router, question):
    assert routed_kind(router, question)[0] == "sentiment"


@pytest.mark.parametrize("question", ["the notes on negative interest rates", "notes say demand is positive?"])
def test_a_stance_of_something_else_the_notes_discuss_stays_a_content_question(router, question):
    assert routed_kind(router, question)[0] == "facts"


def named(text: str, name: str, ticker: str) -> Question:
    start = text.index(name)
    return Question(text=text, tickers=[ticker], topic=text.replace(name, "the company"), search_text=text,
                    intent="sentiment", spans=[(start, start + len(name), ticker)])


def test_a_companys_name_asks_for_no_ranking():
    bearish = named("what's behind the bearish Top Glove notes?", "Top Glove", "7113.KL")
    assert without_names(bearish) == "what's behind the bearish the company notes?"
    assert parse_intent(bearish, TODAY).kind == "summary"  # the company's notes, the negative ones with their reasons
    assert parse_intent(named("most negative Top Glove note?", "Top Glove", "7113.KL"), TODAY).kind == "extreme"
    top = parse_intent(named("Top Glove top 2 notes by score", "Top Glove", "7113.KL"), TODAY)
    assert (top.kind, top.n) == ("extreme", 2)


@pytest.mark.parametrize("question", [
    "Which Tesla notes mention that negative free cash flow?",
    "What do the notes say caused that negative gross margin at Tesla?",
    "What do my notes on Tesla say that positive catalysts could be?",
])
def test_that_before_a_stance_word_names_a_measure_not_the_notes_stance(router, question):
    assert routed_kind(router, question)[0] == "facts"


def test_overlapping_mentions_are_one_company():
    text = "most upbeat Alibaba Group note?"
    question = Question(text=text, tickers=["BABA"], topic=text, search_text=text, intent="sentiment",
                        spans=[(12, 19, "BABA"), (12, 25, "BABA")])
    assert without_names(question) == "most upbeat the company note?"
