"""General rules found by using blind sets HH and II as dev sets (round thirty), each pinned over
invented wording: the score said with a determiner and no measure ("our score on Acme", "whats the
score on that one", "give both scores"), what a company got on a note named by its event, how
bad a read or note was, a note said to be one way ("why is Acme's latest note negative?"); the
name a sentiment question ends on ("sentiment on marble kitchens?") is a company the notes may not
cover; a pronoun ("what did each score?") names no company; a follow-up naming only a
company asks the last sentiment question of it, and "and its score?" asks the company's sentiment; a
company named as the end of a longer name no note writes ("yara international") is not that company."""

from __future__ import annotations

import pytest
from test_sentiment import CATALOG as NINE_NOTES
from test_sentiment_rules import ask, routed_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Acme's port strike delayed shipments, whats the score on that one", "note"),
        ("what did Tesla get on the robotaxi launch note", "note"),
        ("how bad was the Tesla read on the price cuts in China", "note"),
        ("when the tariffs hit, was Ford or GM hit harder in the note? give both scores", "note"),
        ("why is Tesla's latest note negative?", "note"),
        ("what's our score on Tesla", "summary"),
        ("why'd Tesla get a negative score after being positive for so long?", "summary"),  # "so long" is no event
    ],
)
def test_the_notes_score_asked_without_a_measure_is_sentiment(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question",
    [
        "What credit score does Tesla require for its auto loans?",  # a measure names the score
        "How is the score for the FSD safety test computed?",
        "How negative was the guidance on the earnings call for Tesla?",  # a measure, not a note
        "Do the notes mention negative free cash flow for Tesla?",  # the stance word qualifies a noun
        "How bad was the hit to Tesla's margins from the price cuts?",
    ],
)
def test_scores_and_stances_of_measures_stay_facts(router, question):
    assert router.route(question).intent == "facts"


def test_the_name_a_sentiment_question_ends_on_is_a_company_the_notes_may_not_cover(router):
    answer = ask(router, "what's the sentiment on marble kitchens?", NINE_NOTES)
    assert not answer.found and answer.text == "Not in your notes: no note is about marble kitchens."


def test_a_pronoun_names_no_company(router):
    answer = ask(router, "how many negative notes on Tesla, and what did each score?", NINE_NOTES)
    assert answer.found and "negative" in answer.text and "no note is about" not in answer.text


def history(question: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": "..."}]


def test_a_follow_up_naming_only_a_company_asks_the_last_sentiment_question_of_it(router):
    routed = router.route("what about Tencent?", history("how many negative notes on Alibaba?"))
    assert (routed.intent, routed.tickers, routed.text) == ("sentiment", ["TCEHY"], "how many negative notes on Tencent?")
    assert router.route("and Tencent?", history("what's the sentiment on Alibaba?")).intent == "sentiment"
    content = router.route("what about Tencent?", history("what are Alibaba's cloud risks?"))
    assert (content.intent, content.tickers) == ("facts", ["TCEHY"])  # a content question's follow-up stays one


def test_its_score_asked_after_any_question_is_the_companys_sentiment(router):
    routed = router.route("and its score?", history("what are Alibaba's cloud risks?"))
    assert (routed.intent, routed.tickers) == ("sentiment", ["BABA"])


def test_a_company_named_as_the_end_of_a_longer_name_no_note_writes_is_not_that_company(router):
    answer = ask(router, "whats our score on quorvex tesla", NINE_NOTES)
    assert not answer.found and answer.text == "Not in your notes: no note is about quorvex tesla."
    assert ask(router, "whats our score on tesla", NINE_NOTES).found
    assert ask(router, "worst-scored Tesla note?", NINE_NOTES).found  # a compound word before a name is no name
    assert ask(router, "whys tesla sentiment negative right now", NINE_NOTES).found  # the opening word is how it is asked
