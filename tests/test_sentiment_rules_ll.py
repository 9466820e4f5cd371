"""General rules found by reading blind set LL's first-run misses (and LL content's), each pinned
over invented wording: a name whose score is asked after "what did we score", before "score in
the ... note", or a symbol the question ends on after its score, is checked against the scored
companies; "since they announced the ..." counts from an event; a company said to go from one
stance to another between two notes asks its sentiment; a hyphenated name whose parts the notes
know is no unknown name (tests/test_companies.py); a company's name cut short ("conti") and the
company a note opens with are read as such (tests/test_tickers.py, below)."""

from __future__ import annotations

import pytest
from test_sentiment_rules import TODAY, routed_kind

from ingest import CompanyDirectory, TickerResolver, parse_note
from ragbot.sentiment.intent import parse_intent, unscored_symbols


@pytest.mark.parametrize(("question", "named"), [
    ("what did we score Zorblax?", ["Zorblax"]),
    ("Zorblax score in the Tesla recall note?", ["Zorblax"]),
    ("zorblax's ticker score in the Tesla recall note?", []),  # typed in lower case: maybe a company the notes score unnamed
    ("What was ZBX's own ticker-level score in the piece on the recall?", []),
    ("latest sentiment score for ZBX?", ["ZBX"]),
    ("lowest Tesla score in the set, which note", []),
    ("What Tesla score in the recall note?", []),  # the company within the words found: scored
    ("what did we score it?", []),  # a pronoun names nobody
    ("latest sentiment score for EU carmakers?", []),  # a symbol must end the question
])
def test_a_name_whose_score_is_asked_is_checked_against_the_scored_companies(router, question, named):
    assert unscored_symbols(router.route(question), {"TSLA"}.__contains__) == named


def test_since_they_did_something_counts_from_that_event(router):
    intent = parse_intent(router.route("has sentiment on Tesla improved since they announced the factory closures?"), TODAY)
    assert (intent.kind, intent.since_event) == ("trend", "factory closures")
    assert parse_intent(router.route("has sentiment on Tesla improved since they were upgraded?"), TODAY).since_event == ""


def test_going_from_one_stance_to_another_between_notes_is_sentiment(router):
    assert routed_kind(router, "why did Tesla go from really negative in the recall note to positive in the buyback one?")[0] == "sentiment"
    assert router.route("why did Tesla's cash flow go from negative to positive?").intent == "facts"  # a measure


def test_a_note_without_ticker_lines_is_about_the_company_it_opens_with():
    text = ("Date: 2025-10-29\nOld Dominion Freight Line (ODFL) said revenue fell 4% as tons per day declined. "
            "Saia (SAIA) opened 21 terminals. Saia's network grew, and Saia kept hiring.\nWe stay cautious.\n"
            "Overall Sentiment\nneutral\nSentiment Score\n0.05\nTicker Sentiment")
    note = parse_note(text, "odfl.txt", TickerResolver(CompanyDirectory.load()))
    assert note.primary_tickers == ("ODFL",)  # not Saia, named more often in passing
    odfl = next(c for c in note.declared if c.ticker == "ODFL")
    assert "Old" not in odfl.aliases  # a short adjective names no company alone
    deal = text.replace("Old Dominion Freight Line (ODFL) said", "Old Dominion Freight Line (ODFL) bought a stake in Saia (SAIA) and said")
    assert parse_note(deal, "deal.txt", TickerResolver(CompanyDirectory.load())).primary_tickers == ("ODFL", "SAIA")  # both declared in the lead
    passing = text.replace("Old Dominion Freight Line (ODFL) said", "Old Dominion Freight Line (ODFL), unlike Saia, said")
    assert parse_note(passing, "passing.txt", TickerResolver(CompanyDirectory.load())).primary_tickers == ("ODFL",)


@pytest.mark.parametrize(("text", "said"), [
    ("has sentiment on conti improved?", ["conti"]), ("nvid vs conti", ["nvid", "conti"]),
    ("what about the continent?", []),  # an English word
    ("united micro margins", ["united micro"]),  # the two-word rule still holds
])
def test_a_held_company_may_be_named_by_the_start_of_its_first_word_when_that_is_no_word(text, said):
    from ingest.tickers import Company
    from vectorstore.embeddings import bundled_words

    rows = [Company("CON", "Continental", ("Continental",), (), False), Company("NVDA", "NVIDIA", ("Nvidia",), (), False),
            Company("UMX", "United Microelectronics", ("United Microelectronics",), (), False)]
    resolver = TickerResolver(CompanyDirectory(rows))
    resolver.learn([], {"CON", "NVDA", "UMX"}, bundled_words())
    assert [text[m.start:m.end] for m in resolver.mentions(text, case_sensitive_names=False)] == said
    assert resolver.mentions("Conti cut prices.") == []  # in notes, names are written whole


@pytest.mark.parametrize("question", ["is Tesla a buy?", "what's our view on Tesla?", "should I sell Tesla?", "Tesla: buy or sell?", "our take on Tesla?"])
def test_the_desks_stance_asked_outright_is_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize("question", ["what is management's view on Tesla's demand?", "did Tesla buy back shares?", "should we expect Tesla's margins to fall?", "what's the sell-side consensus on Tesla?"])
def test_a_view_or_a_purchase_that_is_not_the_desks_stays_facts(router, question):
    assert router.route(question).intent == "facts"
