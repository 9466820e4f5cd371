"""General rules found by reading blind set TT's first-run misses, each pinned over invented or
bundled wording: a score asked of a company named right after it ("score on TSLA?") and a
"negative score" ask the notes' sentiment; credit and ESG scores stay measures."""

from __future__ import annotations

import pytest
from test_sentiment_rules import routed_kind


@pytest.mark.parametrize("question", [
    "roundup covering alibaba, jd and tencent: score on TSLA?",
    "supply chain review across the chip names, score for NVDA?",
    "tsla got a negative score at one point - why?",
    "did alibaba ever get a negative score?",
])
def test_a_score_of_a_company_or_a_stance_score_asks_its_sentiment(router, question):
    assert routed_kind(router, question)[0] == "sentiment"


@pytest.mark.parametrize("question", [
    "what is the average credit score for Tesla's auto loans?",
    "what is the Altman Z-score for Tesla?",
    "what was the ESG risk score of Apple?",
    "what was the customer satisfaction score for Apple?",
])
def test_a_measure_called_a_score_stays_a_content_question(router, question):
    assert routed_kind(router, question)[0] == "facts"


@pytest.mark.parametrize("question", [
    "Can you list everything published over the last 90 days with the overall score of each note?",
    "list every note from the last 90 days with its score",
    "what did each note on Tesla score?",
])
def test_every_note_asked_is_no_one_note_but_the_notes_of_the_window(router, question):
    assert routed_kind(router, question) == ("sentiment", "summary")


@pytest.mark.parametrize("question", [
    "what sentiment did the note on the Tesla recall get, given everything?",
    "score on the Tesla robotaxi launch note, with everything priced in?",
])
def test_one_note_named_by_what_it_is_about_is_still_one_note(router, question):
    assert routed_kind(router, question) == ("sentiment", "note")
