"""General rules found by using blind set K as a dev set (eleventh round), each pinned over invented
notes and questions (none of the set's wording or companies): a held company is also named by the
first word of its name when its notes use that word in the possessive; "how did we score", a
"negative read", "highest scoring ... note", two companies set against each other in "the note
where ...", and a company "getting better or worse" are sentiment questions; "the back half" is the
second half; the latest sentiment on a company no note is about is "not in your notes"."""

from __future__ import annotations

from datetime import date

import pytest
from test_sentiment_rules import TODAY, ask
from test_sentiment_rules_e import TESLA

from ingest.tickers import Company, with_first_names
from ragbot.sentiment import parse_intent

# -- a company named by its first word ----------------------------------------------------------------

TABLE = [Company("KSTR", "Kestrel Surgical", ("Kestrel Surgical",), (), False),
         Company("TXI", "Texan Instruments", ("Texan Instruments",), (), False)]


def test_a_held_company_is_named_by_its_first_word_when_its_notes_use_it_in_the_possessive():
    texts = ["Kestrel Surgical cut its outlook. Kestrel's margin fell.", "Texan Instruments rose. Rain hit the Texan plains."]
    rows = {c.ticker: c for c in with_first_names(TABLE, {"KSTR", "TXI"}, texts)}
    assert rows["KSTR"].aliases == ("Kestrel Surgical", "Kestrel")
    assert rows["TXI"].aliases == ("Texan Instruments",)  # the notes never write "Texan's": a word, not its name


def test_no_first_word_when_the_notes_write_it_in_lower_case_or_do_not_hold_the_company():
    texts = ["Kestrel Surgical cut its outlook. Kestrel's margin fell. A kestrel is a small falcon."]
    assert with_first_names(TABLE, {"KSTR"}, texts)[0].aliases == ("Kestrel Surgical",)
    assert with_first_names(TABLE, set(), texts[:1])[0].aliases == ("Kestrel Surgical",)


# -- routing ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how did we score the piece on Tesla's recall?",
        "What's behind the negative read on Tesla?",
        "highest scoring Tesla note?",
        "Tesla vs Nvidia in the note where the chip order slipped",
        "Tesla over the past year - getting better or worse?",
    ],
)
def test_scoring_reads_and_standings_route_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    ["Are Tesla's margins getting better or worse?", "In the note on the recall, how did Tesla's margins compare with Nvidia's?",
     "How did Tesla score on the safety test?"],
)
def test_measures_getting_better_and_compared_stay_facts(router, question):
    assert router.route(question).intent == "facts"


# -- what is answered -------------------------------------------------------------------------------------


def test_a_company_getting_better_or_worse_over_a_window_is_a_trend(router):
    intent = parse_intent(router.route("Tesla over the past year - getting better or worse?"), TODAY)
    assert (intent.kind, intent.window.start) == ("trend", date(2025, 11, 30))


def test_the_back_half_of_a_year_is_its_second_half(router):
    window = parse_intent(router.route("Tesla sentiment over the back half of 2025?"), TODAY).window
    assert (window.start, window.end) == (date(2025, 7, 1), date(2025, 12, 31))


def test_the_latest_sentiment_on_a_company_no_note_is_about_is_not_in_the_notes(router):
    answer = ask(router, "what's the latest sentiment on Hermelin Leather?", TESLA)
    assert not answer.found and answer.text == "Not in your notes: no note is about Hermelin Leather."
    assert ask(router, "what's the latest sentiment on Tesla?", TESLA).found  # a company the notes are about
