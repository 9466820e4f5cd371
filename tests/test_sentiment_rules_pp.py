"""General rules found by reading blind set PP's first-run misses, each pinned over invented
wording and notes: how the notes feel about a company, how it is viewed, and which side a note
likes more ask its sentiment; a company's sentiment "on the <event>" asks the note on that event;
one note asked of several companies is one that scores each of them. The naming rules PP showed
(a Date: line names no company; a name spelt by its ticker's initials) are pinned in
tests/test_tickers.py, and a name that only describes an event ("the Zorblax stake sale") in
tests/test_companies.py."""

from __future__ import annotations

import pytest
from test_sentiment_rules import TODAY, notes, routed_kind

from ragbot.sentiment import SentimentAnswerer



@pytest.mark.parametrize("question", [
    "how are the notes feeling about Tesla?",
    "how is tesla stock viewed",
    "tesla's supply deal with nvidia: which side did the note like more?",
    "which of the two do we prefer, tesla or nvidia?",
])
def test_feeling_viewing_and_liking_more_ask_sentiment(router, question):
    assert routed_kind(router, question)[0] == "sentiment"


@pytest.mark.parametrize("question", [
    "how is the new pricing viewed by customers?", "what did customers like about the new Tesla app?",
    "How is Tesla's FSD viewed in China?", "Do other notes like this mention more about Tesla's tariffs?",
])
def test_a_view_held_by_someone_else_stays_a_content_question(router, question):
    assert routed_kind(router, question)[0] == "facts"


@pytest.mark.parametrize(("question", "kind"), [
    ("Tesla sentiment on the Berlin plant sale news?", "note"),
    ("tesla's sentiment on the robotaxi recall?", "note"),
    ("whats the sentiment on the tesla stock", "summary"),  # the stock is Tesla itself
    ("Tesla sentiment over the back half of 2025?", "summary"),  # a time, not an event: its window summed up
    ("Tesla sentiment on the stock?", "summary"),
])
def test_a_companys_sentiment_on_something_named_asks_that_notes_score(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


# Two notes on the chip launch hold its words; the one the model reads as closer scores Tesla alone.
LAUNCH = notes(
    ("launch.txt", "2025-03-10", "mildly positive", 0.30, {"TSLA": 0.40},
     "Tesla held its chip launch, unveiling the first inference chip it designed for its cars."),
    ("pair.txt", "2025-06-10", "neutral", 0.05, {"TSLA": 0.20, "NVDA": -0.10},
     "Nvidia renewed its supply deal with Tesla for data-center GPUs; Tesla also has a chip in the works."),
)


def test_one_note_asked_of_two_companies_is_one_scoring_both(router, encoder):
    answerer = SentimentAnswerer(today=lambda: TODAY, rerank=encoder)
    answer = answerer.answer_catalog(router.route("in the chip launch note, was nvidia or tesla rated higher?"), LAUNCH)
    assert [c.source for c in answer.citations] == ["pair.txt"] and "-0.10" in answer.text
