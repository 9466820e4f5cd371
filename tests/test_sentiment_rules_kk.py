"""General rules found by reading blind set KK's first-run misses, each pinned over invented
wording: a company said to be one way at a time told by what happened ("why was Acme so negative
when its customer pulled back?") asks its sentiment; "most recent", "first" and "earliest" scores
are the notes' scores as "latest" ones are; a "when" after another question word is a
conjunction, not a request for a date (tests/test_answerability.py); and a company named in
capitals its ticker does not abbreviate ("KONE" for KNEBV) is learned (tests/test_tickers.py)."""

from __future__ import annotations

import pytest
from test_sentiment_rules import routed_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("why was Tesla so negative when their big customer pulled back?", "summary"),  # with its reasons
        ("was Tesla negative while the strike lasted?", "summary"),
        ("Tesla first vs most recent score?", "trend"),
        ("Tesla's most recent score", "note"),
    ],
)
def test_the_notes_reading_asked_in_these_words_is_sentiment(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize("question", [
    "Tesla's cash flow was negative when rates rose",  # a measure said to be negative
    "what happened to Tesla margins when prices fell?",
    "Tesla's most recent credit score",
    "what's Tesla's first quarter operating margin?",
])
def test_a_measure_keeps_them_facts(router, question):
    assert router.route(question).intent == "facts"
