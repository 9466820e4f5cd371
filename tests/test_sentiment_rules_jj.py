"""General rules found by reading blind set JJ's first-run misses (after round thirty), each pinned
over invented wording: "how negative did we score it" after describing an event asks that event's
note; "what's Acme averaging this year" and "how did Acme screen in March" ask its sentiment over
a window (not "averaging ... deliveries per day", not "screen candidates"); a sentiment question
about a company the notes cover may name its event with a word no note uses."""

from __future__ import annotations

import pytest
from test_sentiment_rules import routed_kind

from ingest import CompanyDirectory, TickerResolver
from ragbot.companies import check_companies


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tesla missed its filing deadline and pulled the buyback, how negative did we score it", "note"),
        ("what's Tesla averaging this year", "summary"),
        ("what is Tesla averaging?", "summary"),
        ("how did Tesla screen in March 2025", "summary"),
    ],
)
def test_the_notes_reading_asked_in_these_words_is_sentiment(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize("question", ["what's Tesla averaging in deliveries per day", "how did Tesla screen candidates for the job?"])
def test_a_measure_or_an_object_keeps_them_facts(router, question):
    assert router.route(question).intent == "facts"


def test_a_sentiment_question_about_a_covered_company_may_name_its_event_in_unknown_words(router):
    resolver, no_note_writes = TickerResolver(CompanyDirectory.load()), lambda name: False
    sentiment = router.route("what sentiment did Tesla get when Zorblax sued it?")
    assert check_companies(sentiment, None, resolver, {"TSLA"}, no_note_writes).reply is None
    content = router.route("what did Tesla say when Zorblax sued it?")  # a content answer would quote passages about it
    assert check_companies(content, None, resolver, {"TSLA"}, no_note_writes).reply.text.startswith("Zorblax is not in your notes")
