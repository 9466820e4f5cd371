"""Round 52: general rules found by reading blind set AQ (held out last round, run once) and blind
set AR (written this round, its first run recorded before any miss was read), each pinned over
invented wording, and where each must not reach.

- Scores: "X - what was the score for the launch of ..." asks the note's score, as "X - score for
  the launch" does; "what were X and Y scored, in that order?" asks their scores in one note.
- Stance: a company said to swing from one stance to another, each qualified ("from a strong
  positive to a deep negative", "from very negative to very positive within weeks"), asks why its
  sentiment moved; a measure after the stance ("to positive net income") keeps it a content question.
- Notes named by an event: a description sharing no word with any note still names the one the
  cross-encoder reads as it ("carmakers slashed output" for "automakers announced production
  cuts"); a note holding one word of a description of three or more, which the cross-encoder reads
  as another event, is not the one described ("buying a security startup" against a note on
  contracts that names security).
- Risks: "what could derail X's margin story?" asks the risks to X's margins.
- Tickers: an exchange's bare numeric code in the Ticker Sentiment block ("2267 0.05", as desks in
  Asia write Tokyo or Hong Kong codes) is a ticker, and "2267.T" asked names it; a code the alias
  table lacks, in a note leading with a company the table holds ("Toyota Motor said ...", "7203"),
  is that company's.
- Risks: "shenzhou risk list pls" asks the company's risks, as "the risks" does.
- Clauses: ", as Plasma Control Technologies benefited ..." after a figure names a cause in a clause of
  its own, so the group figure before it is not the segment's.
- Measures: a figure asked of a place ("revenue in Europe") is answered only by a clause naming it
  with the figure (asked of one company: of two, each may have its own); "8 square metres per pack" counts no packs.
"""

from __future__ import annotations

from datetime import date

import pytest
from answering_helpers import passage, question
from test_answerability import features_of
from test_rules_round49 import _holding_listings
from test_sentiment_rules import notes

from ingest.note import parse_note
from ingest.sentiment import parse_sentiment_block
from ingest.tickers import CompanyDirectory, TickerResolver
from ragbot.answering.answerability import clauses, figure_of_qualifier, states_count
from ragbot.routing import _asks_only_risks
from ragbot.sentiment import SentimentAnswerer

TODAY = date(2031, 6, 1)


# -- stance ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent", [
    ("Why did Tesla swing from a strong positive to a deep negative during 2030?", "sentiment"),
    ("Tesla went from very negative to very positive within a few weeks this year - why?", "sentiment"),
    ("why did Ford flip from mildly negative to strongly positive?", "sentiment"),
    ("why did Tesla swing from negative to positive net income?", "facts"),  # a measure's sign
    ("Tesla went from a deep negative to positive free cash flow in 2030 - why?", "facts"),
    ("Ford swung from negative to positive within its credit arm - why?", "facts"),  # within a part, not a span of time
    ("Tesla went from negative to positive pretty quickly - why?", "sentiment"),
    ("why did Ford swing from negative to positive in net income?", "facts"),  # (review) a measure after "in"
    ("what drove Tesla's swing from negative to positive in free cash flow?", "facts"),
    ("Tesla went negative today - why?", "sentiment"),  # (review) one stance, as before
    ("Why did Ford flip from positive to negative early in 2030?", "sentiment"),
    ("Ford went from positive to strongly negative between late 2029 and mid 2030 - why?", "sentiment"),
    ("Why did Ford go from positive to negative after it opened the new plant?", "sentiment"),
    ("Tesla turned negative following the recall - why?", "sentiment"),
])
def test_a_company_swinging_between_qualified_stances_asks_its_sentiment(router, text, intent):
    assert router.route(text).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("Tesla - what was the score for the launch of the cheaper charger?", "sentiment"),
    ("Tesla: what's the score on the robotaxi recall?", "sentiment"),
    ("Tesla - what was the score for the safety test of the new model?", "facts"),  # a score others give
    ("In the tariff update, what were Tesla and Ford scored, in that order?", "sentiment"),
    ("what were Tesla and Ford scored in that order?", "sentiment"),
])
def test_a_score_asked_of_an_event_or_in_an_order_is_the_note_s(router, text, intent):
    assert router.route(text).intent == intent


# -- a note named by its event ----------------------------------------------------------------------

CUTS = notes(
    ("cuts.txt", "2030-12-08", "mildly negative", -0.31, {"TSLA": -0.31},
     "Tesla cut its forecast after several automakers announced production cuts in Japan. Unit volumes dropped 12%."),
    ("deals.txt", "2031-01-27", "mildly positive", 0.48, {"TSLA": 0.48},
     "Tesla signed 21 new fleet contracts as enterprises consolidated charging, security and software onto its platform."),
    ("plant.txt", "2031-03-02", "strongly positive", 0.62, {"TSLA": 0.62},
     "Tesla opened a battery plant in Texas two months ahead of schedule."),
)


@pytest.fixture(scope="module")
def answerer(encoder):
    return SentimentAnswerer(today=lambda: TODAY, rerank=encoder)


def test_a_paraphrase_sharing_no_word_names_the_note_the_cross_encoder_reads_as_it(router, answerer):
    answer = answerer.answer_catalog(router.route("Tesla sentiment on the note where carmakers slashed output"), CUTS)
    assert answer.found and "-0.31" in answer.text and {c.source for c in answer.citations} == {"cuts.txt"}


def test_a_paraphrase_no_note_fits_is_not_found(router, answerer):
    answer = answerer.answer_catalog(router.route("Tesla sentiment on the note where regulators fined it over emissions"), CUTS)
    assert not answer.found


def test_a_note_holding_one_word_of_another_event_is_not_the_one_described(router, answerer):
    answer = answerer.answer_catalog(router.route("What was the score on the note about Tesla buying a security startup?"), CUTS)
    assert not answer.found


def test_the_event_a_window_counts_from_is_not_weighed_as_a_description(router, answerer):
    answer = answerer.answer_catalog(router.route("Tesla sentiment since the Texas ribbon cutting - has it come back?"), CUTS)
    assert answer.found and "plant.txt" in {c.source for c in answer.citations}


def test_a_note_holding_most_of_the_description_is_still_picked(router, answerer):
    answer = answerer.answer_catalog(router.route("score on the Tesla note about the new fleet contracts?"), CUTS)
    assert answer.found and {c.source for c in answer.citations} == {"deals.txt"}


def test_without_the_cross_encoder_a_paraphrase_is_not_guessed(router):
    plain = SentimentAnswerer(today=lambda: TODAY)
    assert not plain.answer_catalog(router.route("Tesla sentiment on the note where carmakers slashed output"), CUTS).found


# -- risks ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, risks", [
    ("what could derail Tesla's margin story?", True),
    ("what might hurt its cloud growth?", True),
    ("what could Tesla's margins reach in 2031?", False),  # no harm said
    ("could the recall derail Tesla?", False),  # what harms it is named: asked of the recall
    ("did management say tariffs would hurt their margins?", False),  # (review) a statement asked about
    ("which factors could hurt Tesla's margins?", True),
])
def test_what_might_harm_a_thing_of_the_company_s_asks_its_risks(router, text, risks):
    assert router.route(text).topic.endswith("(risks)") is risks


# -- measures ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentence, fits", [
    ("how much revenue did quarnby make in europe in 2039?", "Quarnby reported 2039 revenue of EUR 5.2 billion, up 11%.", False),
    ("how much revenue did quarnby make in europe in 2039?", "Revenue in Europe rose 9% to EUR 1.9 billion in 2039.", True),
    ("how much revenue did quarnby make in europe in 2039?", "European revenue rose 9% to EUR 1.9 billion in 2039.", True),  # its people's adjective
    ("how much revenue did quarnby make in europe in 2039?", "Revenue rose 11% to EUR 5.2 billion in 2039, while orders in Europe fell 8%.", False),
    ("how much revenue did quarnby make in 2039?", "Quarnby reported 2039 revenue of EUR 5.2 billion, up 11%.", True),  # no place asked
])
def test_a_figure_asked_of_a_place_is_answered_by_a_clause_naming_it(text, sentence, fits):
    q = question(text, ["QRNB"], text=text)
    f = features_of(q, [passage(sentence, primary_tickers=["QRNB"], about=["QRNB"])])
    assert (f[sentence].answer_kind_fit == 1.0) is fits


def test_places_asked_of_two_companies_are_each_one_s_own():  # "Cellnex's Nordic sale vs Interpump's Brazil deal"
    text = "quarnby's nordic sale vs vireo's brazil deal - what multiples did each use?"
    sentence = "Quarnby agreed to sell its Nordic towers for EUR 2.1bn, or roughly 23x EBITDA."
    q = question(text, ["QRNB", "VIRO"], text=text)
    f = features_of(q, [passage(sentence, primary_tickers=["QRNB"], about=["QRNB"])])
    assert f[sentence].answer_kind_fit == 1.0


def test_a_measure_of_each_counted_thing_counts_none_of_them():
    assert not states_count("The coating covers about 8 square metres per pack in two coats.", frozenset({"pack"}))
    assert states_count("Quarnby sold 1.2 million packs in the quarter.", frozenset({"pack"}))
    assert states_count("Quarnby sold 40,000 units, at 8 square metres per pack.", frozenset({"unit"}))  # another counted thing
    assert states_count("Quarnby sold 3,400,000 at EUR 4 per pack in 2039.", frozenset({"pack"}))  # (review) a count, then a price
    assert states_count("Quarnby delivered 410,000, with 75 kWh per vehicle.", frozenset({"vehicl"}))


# -- tickers written as an exchange's bare numeric code ----------------------------------------------

def test_a_bare_numeric_code_in_the_ticker_block_is_a_ticker():
    block = parse_sentiment_block(
        "Overall Sentiment\nneutral\nSentiment Score\n0.05\nTicker Sentiment\n2267 0.05\n2313: -0.30\n600519 0.1\nBC.MI 0.15\n"
    )
    assert block.ticker_scores == {"2267": 0.05, "2313": -0.3, "600519": 0.1, "BC.MI": 0.15} and not block.problems
    scores = parse_sentiment_block("Overall Sentiment\nneutral\nSentiment Score\n1\nTicker Sentiment\nAAPL 1\nMSFT\n0\n")
    assert scores.ticker_scores == {"AAPL": 1.0, "MSFT": 0.0}  # a one-digit score is still a score


@pytest.mark.parametrize("lines, scores", [
    ("2040 outlook: 0.3\n", {}),  # (review) a year with words after it: no code, reported
    ("BABA (9988) 0.41\n", {"BABA": 0.41}),  # (review) another listing's code beside a ticker is no score
])
def test_a_number_is_a_code_only_with_its_score_right_after_it(lines, scores):
    block = parse_sentiment_block(f"Overall Sentiment\nneutral\nSentiment Score\n0.1\nTicker Sentiment\n{lines}")
    assert block.ticker_scores == scores


@pytest.mark.parametrize("text, found", [
    ("2267.T dividend per share?", ["2267"]),  # the code with its exchange's suffix names the held code
    ("2267.t risks", ["2267"]),
    ("what happened in 2267?", []),  # typed bare, a number is a number
])
def test_a_code_with_its_exchange_s_suffix_names_the_held_bare_code(text, found):
    assert _holding_listings("2267").resolve(text, case_sensitive_names=False) == found


# -- risks asked as a list ----------------------------------------------------------------------------

@pytest.mark.parametrize("topic, only_risks", [
    ("the company risk list pls", True),
    ("list the company risks please", True),
    ("the company risk list for the cloud unit", False),  # the cloud unit's
    ("the company listing risks", False),  # the risks of a listing
])
def test_a_list_of_risks_asked_politely_asks_the_risks(topic, only_risks):
    assert _asks_only_risks(topic) is only_risks


# -- a cause named after ", as" ------------------------------------------------------------------------

def test_a_cause_named_after_as_is_a_clause_of_its_own():
    sentence = "Quarnby reported 2040 revenue of CHF 742.3 million, up 14.6%, as Plasma Control Technologies benefited from a rebound."
    assert clauses(sentence)[1].startswith("Plasma Control Technologies")
    assert not figure_of_qualifier(sentence, frozenset({"plasma", "control", "technolog"}))  # the group's figure, not the segment's
    assert len(clauses("Revenue rose 4%, as well as margins.")) == 1  # no name after it
    assert len(clauses("Revenue rose 4%, as expected.")) == 1
    services = "Services hit a record in the quarter, as App Store revenue rose 13% to $24.2 billion."  # (review) no figure before it
    assert clauses(services) == [services]


def test_a_code_is_the_company_the_note_leads_with_when_the_table_holds_it_under_another_ticker():  # (new-user check)
    text = (
        "Date: 2025-11-05\nToyota Motor said first-half operating profit fell 10% to JPY 4.8 trillion. Quarnvik cut its EV plan.\n"
        "Tariffs weigh on both carmakers, though hybrids give Toyota more room.\n"
        "Request a DemoOverall Sentiment\nneutral\nSentiment Score\n0.10\nTicker Sentiment\n7203 0.25\n7267 0.00\n"
    )
    note = parse_note(text, "toyota.txt", TickerResolver(CompanyDirectory.load()))
    assert note.ticker_scores == {"TM": 0.25, "7267": 0.0}  # the second code's company is not in the table: learned from the notes
