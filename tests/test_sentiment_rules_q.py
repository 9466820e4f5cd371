"""General rules found by using blind set Q as a dev set (seventeenth round), each pinned over
invented questions (none of the set's wording or companies): a company typed in lower case that
no note writes is asked about, not the whole store."""

from __future__ import annotations

import pytest
from test_sentiment_rules import ask
from test_sentiment_rules_l import TESLA

from ingest.words import is_english
from ragbot.sentiment.intent import unfamiliar_words


@pytest.mark.parametrize("question", ["zorblaxx sentiment score?", "avg sentiment on quellmorn lately?"])
def test_a_lower_case_name_no_note_writes_is_not_in_the_notes(router, question):
    answer = ask(router, question, TESLA)
    assert not answer.found and "no note is about" in answer.text and not answer.citations


@pytest.mark.parametrize("question", ["overall sentiment score?", "gloomiest sentiment lately?", "avg sentimnet score?", "bulish sentiment overall?"])
def test_english_words_shorthand_and_typos_name_no_company(router, question):
    assert unfamiliar_words(router.route(question), lambda word: False) == []


def test_the_lexicon_knows_inflections_and_not_brand_names():
    assert is_english("gloomiest") and is_english("outages") and not is_english("hershey")
