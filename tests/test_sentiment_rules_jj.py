"""General rules found by reading blind set JJ's first-run misses (after round thirty), each pinned
over invented wording: "how negative did we score it" after describing an event asks that event's
note; "what's Acme averaging this year" and "how did Acme screen in March" ask its sentiment over
a window (not "averaging ... deliveries per day", not "screen candidates")."""

from __future__ import annotations

import pytest
from test_sentiment_rules import routed_kind


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

