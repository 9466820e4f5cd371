"""General rules found by using blind sets DD and EE as dev sets (round twenty-eight), each pinned
over invented questions and notes (none of the sets' wording or companies): an acronym compounded
("CEO-led") is no name; "how bad was the score", "what did Acme get in that one" ask the score of the
event just described; "how does Acme score?" asks its sentiment (not "... on the safety test");
a company "only neutral" or "deeply negative" is its sentiment; "pos/neg" is "positive/negative" and a
breakdown of notes by stance is a count; "better now than it was at the recall" is a trend from the
recall's note; a note named by recency alone ("in its latest note") is the newest, whatever the
question says of it; a bracketed symbol after a name typed in lower case declares a company; a
held company may be named by the first word of its name and the start of the second ("united micro");
adjectives of a score ("big", "low") name no note. Round twenty-nine (FF and GG): "what'd that note
get", "..., whats the score"; "shifted" from the first note to the newest; "whole dataset" names all
notes; an English word the notes write as a name inside a sentence ("such as Carnival") is a
company mentioned in passing; "smith & nephew score?"."""

from __future__ import annotations

import pytest
from test_sentiment_rules import TODAY, ask, notes, routed_kind

from ingest import CompanyDirectory, TickerResolver
from ragbot.companies import check_companies, declared_unknown
from ragbot.sentiment.intent import parse_intent


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tesla got a take-private offer from a CEO-led group. what was the sentiment on that", "note"),
        ("tesla halving the dividend and pulling guidance — how bad was the score", "note"),
        ("the EU battery tariff going to 25% — what did tesla get in that one", "note"),
        ("how does tesla score", "summary"),
        ("why was tesla only neutral in its latest note even though they're buying new plants?", "note"),
        ("tesla was deeply negative after the recall, what turned it around?", "trend"),
        ("tesla notes breakdown pos/neg/neutral", "distribution"),
        ("is tesla sentiment better now than it was at the recall?", "trend"),
        ("why'd tesla get such a low score in its most recent note?", "note"),
    ],
)
def test_each_wording_asks_its_kind_of_sentiment_query(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question", ["How did Tesla score on the safety test?", "what's the revenue split by segment?", "What did Tesla get in the Nvidia deal?"]
)
def test_a_measure_or_a_gain_stays_facts(router, question):
    assert routed_kind(router, question) == ("facts", None)


def test_a_note_named_by_recency_alone_is_the_newest_whatever_the_question_says_of_it(router):
    intent = parse_intent(router.route("why was tesla only neutral in its latest note even though they're buying new plants?"), TODAY)
    assert (intent.pick, intent.about) == ("newest", "")
    assert parse_intent(router.route("score for the latest tesla note on the recall?"), TODAY).about == "recall"


def test_better_now_than_at_an_event_counts_from_its_note(router):
    intent = parse_intent(router.route("is tesla sentiment better now than it was at the recall?"), TODAY)
    assert (intent.kind, intent.since_event) == ("trend", "recall")


def test_an_acronym_compounded_is_no_name(router):
    catalog = notes(("a.txt", "2025-03-10", "mildly positive", 0.40, {"TSLA": 0.40}, "A CEO-led group offered to take Tesla private at $300."))
    answer = ask(router, "Tesla got a take-private offer from a CEO-led group. what was the sentiment on that", catalog)
    assert answer.found and [c.source for c in answer.citations] == ["a.txt"]
    resolver = TickerResolver(CompanyDirectory.load())
    assert check_companies(router.route("what did the CEO-led group offer for Tesla?"), None, resolver, {"TSLA"}, lambda name: False).reply is None


@pytest.mark.parametrize(
    ("question", "unknown"),
    [("score for extra space storage (EXR)?", "EXR"), ("which notes discuss annual recurring revenue (ARR) growth?", None), ("risks for tesla (TSLA)?", None)],
)
def test_a_bracketed_symbol_after_a_lower_case_name_declares_a_company(question, unknown):
    assert declared_unknown(question, TickerResolver(CompanyDirectory.load())) == unknown


@pytest.mark.parametrize(
    ("text", "said"),
    [("how many negative notes on united micro?", ["united micro"]), ("united rentals vs united micro", ["united rentals", "united micro"]), ("the united states economy", [])],
)
def test_a_held_company_may_be_named_by_its_first_word_and_the_start_of_its_second(text, said):
    from ingest.tickers import Company

    rows = [Company("UMX", "United Microelectronics", ("United Microelectronics",), (), False), Company("URX", "United Rentals", ("United Rentals",), (), False)]
    resolver = TickerResolver(CompanyDirectory(rows))
    resolver.held = {"UMX", "URX"}
    assert [text[m.start:m.end] for m in resolver.mentions(text, case_sensitive_names=False)] == said
    assert resolver.mentions("United Micro cut prices.") == []  # in notes, names are written whole


# Round twenty-nine (blind sets FF and GG as dev sets).
@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("tesla shells delayed bc of the nitrocellulose shortage - what'd that note get", "note"),
        ("tesla record robot placements qtr, whats the score", "note"),
        ("tesla, how has the tone shifted from the first note to the newest?", "trend"),
        ("top 3 notes by overall sentiment score, whole dataset", "extreme"),
        ("smith & nephew score?", "summary"),
    ],
)
def test_round_29_wordings_ask_their_kind_of_sentiment_query(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


PASSING = notes(("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30},
                 "Ford cut prices. Rivals such as Carnival Motors and Smith & Nephew Autos held theirs."))


@pytest.mark.parametrize("question", ["what's the sentiment on carnival?", "smith & nephew score?"])
def test_an_english_word_the_notes_write_as_a_name_inside_a_sentence_is_a_passing_company(router, question):
    answer = ask(router, question, PASSING)
    assert not answer.found and "no note is about" in answer.text.lower()


def test_an_english_word_capitalised_only_where_a_sentence_starts_is_no_name(router):
    catalog = notes(("f1.txt", "2025-03-10", "mildly negative", -0.30, {"F": -0.30}, "Ford cut prices. Overall demand held."))
    assert ask(router, "what's the overall sentiment?", catalog).found
