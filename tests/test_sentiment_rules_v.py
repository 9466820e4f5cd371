"""General rules found by using blind set V as a dev set (twenty-first round), each pinned over
invented questions (none of the set's wording or companies): "rated" reads as "scored"; a
company's score after an event, and a score asked of words naming an event, ask the score of the
note about it; a company going from one stance to another is sentiment; a note that shares an event's words only
in passing is not the note about it. (The set's ticker-line
layout, columns naming the company, is pinned in ``test_parsing.py``.)"""

from __future__ import annotations

import pytest
from test_sentiment import passage
from test_sentiment_rules import ask, notes, routed_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # rated as scored, against another company
        ("in the tesla/ford price-cut note, who was rated higher - Tesla or Ford?", "note"),
        ("Was Tesla rated below Ford in the price cut piece?", "note"),
        # a company's score after an event, a score asked of an event's words
        ("tesla score after the brake recall hit deliveries", "note"),
        ("score on tesla buying that battery startup?", "note"),
        ("score for Ford cutting its dividend", "note"),
        # ... but not of a window, a trend or nothing at all
        ("score on tesla this year?", "summary"),
        ("score on tesla lately", "summary"),
        ("score on tesla since the brake recall", "trend"),
        ("score on tesla by quarter", "trend"),
        # a company going from one stance to another
        ("why did Tesla go from positive to negative?", "summary"),
    ],
)
def test_rated_after_an_event_and_a_change_of_stance_are_sentiment(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question",
    [
        "how was Tesla's bond rated by Moody's?",
        "what was Tesla's operating margin after the recall?",
        "why did Tesla's margins go from positive to negative?",
    ],
)
def test_a_measure_rated_or_after_an_event_stays_facts(router, question):
    assert routed_kind(router, question) == ("facts", None)


# The strike and the data are mentioned in passing: neither note is about a strike or a breach.
PASSING = notes(
    ("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30, "TSLA": 0.20},
     "Ford cut its outlook as steel costs rose. A strike at a supplier cost two days of output, and warranty data worsened."),
    ("f2.txt", "2025-06-10", "mildly positive", 0.30, {"F": 0.30}, "Ford recalled pickups over a brake fault. Costs are modest."),
)


@pytest.mark.parametrize("question", ["score on the Ford pilots strike note?", "what did we score ford on the customer data breach?"])
def test_a_note_sharing_an_events_words_only_in_passing_is_not_about_it(router, question):
    answer = ask(router, question, PASSING)
    assert not answer.found and not answer.citations


def test_the_note_whose_subject_holds_the_events_word_is_about_it(router):
    answer = ask(router, "score on the Ford brake recall note?", PASSING)
    assert answer.found and [c.source for c in answer.citations] == ["f2.txt"]


def test_a_note_about_each_company_asked_may_hold_the_event_past_its_first_sentence(router):
    answer = ask(router, "Ford vs Tesla in the note where the supplier strike hit output", PASSING)
    assert answer.found and [c.source for c in answer.citations] == ["f1.txt"]
