"""General rules found by using blind sets BB and CC as dev sets (round twenty-seven), each pinned
over invented questions and notes (none of the sets' wording or companies): the note a question
describes is the one the cross-encoder reads as closest among those holding its words (a paraphrase,
"buying a battery startup" for "the acquisition of battery start-up Voltra"); the subject of a score the notes
never write in lower case, routing to no company, is not in the notes; a bare "<name> score?" is a
sentiment question; "after"/"since" inside the description of one note dates nothing; what a
described event scored ("how negative was that one", "the sentiment on that"); a company's own
number in a note; why a note is negative; a company improving since a point; "this yr"; a name
scored in a note ("what did Ping An score in ...") with no note scoring it; intensifiers name no note."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask, notes, routed_kind

from ragbot.sentiment import SentimentAnswerer
from ragbot.sentiment.intent import parse_intent
from ragbot.windows import find_window



# Both notes hold "battery"; the buyback note also holds "buy" ("buy back"). Only the acquisition
# note is about buying a battery startup, in other words ("start-up" is two words to a word match).
PARAPHRASED = notes(
    ("acq.txt", "2025-03-10", "mildly positive", 0.40, {"TSLA": 0.40},
     "Tesla announced the acquisition of battery start-up Voltra for $2 billion."),
    ("buyback.txt", "2025-06-10", "neutral", 0.05, {"TSLA": 0.05},
     "Tesla said battery costs fell again and that it would buy back $5 billion of its shares this year."),
)
QUESTION = "tesla buying that battery startup - how'd we score that?"


def test_the_cross_encoder_picks_the_note_a_paraphrase_describes(router, encoder):
    answerer = SentimentAnswerer(today=lambda: TODAY, rerank=encoder)
    answer = answerer.answer_catalog(router.route(QUESTION), PARAPHRASED)
    assert answer.found and [c.source for c in answer.citations] == ["acq.txt"] and "+0.40" in answer.text
    assert "acq.txt fit" in answer.trace.details["note picked"]  # --explain shows each note's fit


def test_without_the_cross_encoder_the_note_holding_more_words_is_picked(router):
    answer = ask(router, QUESTION, PARAPHRASED)
    assert [c.source for c in answer.citations] == ["buyback.txt"]  # "buy" and "battery": what the model corrects


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("brunswick score?", "summary"),
        ("tesla got hit when a supplier parked its plants - how negative was that one", "note"),
        ("tesla robotaxi layoffs, how negative was it", "note"),
        ("Tesla CEO resignation - what was the sentiment on that?", "note"),
        ("what was the score on Tesla after the pilot strike?", "note"),
        ("tesla's own number in the ford price-cut note?", "note"),
        ("Why is the latest Tesla note negative?", "note"),
        ("Has Tesla improved since July of last year?", "trend"),
        ("has tesla improved since the avian flu scare?", "trend"),
        ("tesla avg so far this yr", "summary"),
        ("Tesla went from bearish to bullish between the first and the latest note - what changed?", "trend"),
    ],
)
def test_each_wording_asks_its_kind_of_sentiment_query(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question", ["credit score?", "What's Tesla's credit score?", "has tesla improved its margins since the recall?", "has tesla's margin improved since the recall?"]
)
def test_a_measure_stays_facts(router, question):
    assert routed_kind(router, question) == ("facts", None)


def test_after_inside_the_description_of_one_note_dates_nothing(router):
    described = parse_intent(router.route("What did Tesla get in the note about the new owners cutting costs after the buyout?"), TODAY)
    counted = parse_intent(router.route("in the recall note, has Tesla improved since the strike?"), TODAY)
    assert (described.kind, described.since_event) == ("note", "") and counted.since_event == "strike"


def test_intensifiers_name_no_note(router):
    intent = parse_intent(router.route("what's behind the really negative Tesla read in Dec 2025?"), TODAY)
    assert intent.about == "" and intent.why


def test_this_yr_is_this_year():
    window = find_window("tesla avg so far this yr", date(2026, 11, 30))
    assert (window.start, window.end) == (date(2026, 1, 1), date(2026, 11, 30))


CROWN = notes(
    ("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30},
     "Ford cut its outlook as steel costs rose. Rival Marlow Motors and Crown Castle leased towers nearby; the iron ore price fell."),
)


@pytest.mark.parametrize("question", ["whats crown castle's sentiment score", "iron mountain latest sentiment score", "Dai-ichi Life sentiment?", "brunswick score?",
                                      "How is Crown Castle scored in the notes?"])
def test_the_subject_of_a_score_no_note_covers_is_not_in_the_notes(router, question):
    answer = ask(router, question, CROWN)
    assert not answer.found and "no note is about" in answer.text.lower()


@pytest.mark.parametrize("question", ["what's my notes' average score", "overall sentiment score?", "whats the iron ore sentiment score",
                                      "how is iron ore scored in the notes?"])  # (a theme "scored": no name)
def test_a_subject_the_notes_write_in_lower_case_or_no_subject_is_answered(router, question):
    # "iron ore" is written in lower case: something the notes discuss, not a name
    assert "no note is about" not in ask(router, question, CROWN).text.lower()


def test_a_name_scored_in_a_note_that_no_note_scores_is_not_in_the_notes(router):
    catalog = notes(("a.txt", "2025-03-10", "mildly positive", 0.40, {"TSLA": 0.40}, "Tesla beat estimates; Zentrov Motors lagged."))
    answer = ask(router, "What did Zentrov Motors score in the Tesla beat note?", catalog)
    assert not answer.found and "Zentrov" in answer.text
