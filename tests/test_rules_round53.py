"""Round 53: general rules found by reading blind set AS (held out last round, run once) and blind
set AT (written this round, its first run recorded before any miss was read), each pinned over
invented wording, and where each must not reach.

- Periods: a sentence naming only parts of a year of another length than the asked one states
  another period ("H1 FY2042 EBITDA" does not answer "q1 fy42 ebitda"; a quarter does not answer
  a half), as a sentence naming only a fiscal year already did; not one naming an unnamed part too
  ("in the quarter").
- Names: a learned company is also named by the words after the first of its name, two or more
  ("Zeiss Meditec" for Carl Zeiss Meditec) or one after a prefix in capitals ("Eventim" for CTS
  Eventim); never a legal form, a place or all English words. A word in capitals a note opens with
  names a numeric code its notes score, though a note whose block is empty also writes it ("ZOZO"
  for 3092.T); two tickers are never named in full by one name (the competitor's "Hugo Boss").
  A name typed as initials ("hgv") is written by a sentence spelling it as a hyphenated word
  ("heavy-goods-vehicle courses up 15%").
- Scores: "... - what was the HFG.DE score there?" asks the described note's score on a ticker
  typed in capitals (not "the credit score", "the ESG score"); "There's a note on ... covering both
  Acme and Beta. What did Beta get in it?" asks Beta's score in that note (not when "it" is a deal).
  A change that prints as 0.00 reads "was unchanged". "Lowest Acme note" asks its most negative
  note; "what drove Acme from positive to sharply negative after ...?" asks why it swung; a name the
  notes write only in passing ("Hemnet sentiment score in the notes?") picks no note mentioning it.
- Words: "CEO" is read with its long form ("chief executive"), so a note saying "its chief
  executive resigned" is the one "the CEO walked out" describes.
- Counts: a unit written onto a number ("a 400g pack", "75kWh") measures, it counts nothing; a
  scale ("10k", "2mln") still counts.
- Measures: "size" is a quantity ("buyback - size and price per share?"), not a segment; "tax-free
  sales" are measured as asked by "Tax-free sales rose ..." (not "non-recurring revenue" for
  recurring); "delivery systems" names a kind of systems, no deliveries (not "delivery targets");
  "sales since launch?" asks a figure, as "sales so far?" does; "lifted H1 revenue by 9.4%" states a
  change; "q3 sales + ebitda margin" is answered in part by a sentence stating the sales (not
  "margin guidance" by revenue guidance); "EMEA and APAC together added ..." gives no figure of EMEA.
- Follow-ups: "and the margin on that?" after a question naming no company the table knows goes on
  from it: its topic is searched with the last question's and the notes the last reply cited (not
  "what about the housing market?"). "Which company has the highest score?" after a question on one
  company asks across the notes (after two, which of them).
- Notes: a note holding only a date line and its sentiment block is reported and skipped (new-user
  check).
"""

from __future__ import annotations

from datetime import date

import pytest
from answering_helpers import passage, question
from test_answerability import features_of
from test_sentiment_rules import notes

from ingest import CompanyDirectory, TickerResolver, learn_companies
from ingest.note import NoteFormatError, parse_note
from ingest.tickers import Company, with_name_tails
from ingest.words import stems
from ragbot.answering.answerability import (
    asked_for, figure_of_qualifier, measured_as_asked, states_a_change, states_count, states_ratio,
)
from ragbot.glossary import expand
from ragbot.periods import period_fit, periods, stated_periods
from ragbot.sentiment import SentimentAnswerer
from ragbot.sentiment.compose import moved
from ragbot.sentiment.intent import parse_intent


# -- periods ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("asked, sentence, fits", [
    ("rea q1 fy42 ebitda?", "H1 FY2042 revenue rose 12% and EBITDA reached A$742 million.", False),
    ("rea q1 fy42 ebitda?", "Q1 FY2042 EBITDA reached A$361 million.", True),
    ("acme h1 2031 revenue?", "Second-quarter 2031 revenue rose 9% to $410 million.", False),
    ("acme h1 2031 revenue?", "First-half 2031 revenue rose 9% to $810 million.", True),
    # a sentence naming the asked part beside another still answers
    ("acme q2 2031 revenue?", "Q2 2031 revenue was $410 million, taking H1 2031 revenue to $810 million.", True),
    # (review) an unnamed part ("the quarter", "the three months to June") may be the asked one
    ("acme q3 ebitda?", "EBITDA rose 5% in the quarter, and management expects a stronger second half.", True),
    ("acme q2 revenue?", "Revenue for the three months to June rose 8%, bringing H1 growth to 6%.", True),
])
def test_a_sentence_naming_only_parts_of_another_length_states_another_period(asked, sentence, fits):
    assert (period_fit(periods(asked), stated_periods(sentence), {}) >= 0) is fits


def test_a_part_of_another_length_defers_to_a_context_naming_the_asked_part():
    # (in a passage on the asked quarter, "H1" may be the quarter's comparison)
    context = periods("Q1 FY2042 update")
    assert period_fit(periods("rea q1 fy42 ebitda?"), periods("EBITDA was ahead of the H1 FY2042 pace."), context) >= 0


def test_a_sentence_naming_no_period_leans_away_from_a_context_naming_only_another_length():
    assert period_fit(periods("rea q1 fy42 ebitda?"), {}, periods("REA H1 FY2042 results")) < 0


# -- names -----------------------------------------------------------------------------------------

def _company(ticker: str, name: str) -> Company:
    return Company(ticker=ticker, name=name, aliases=(name,), symbols=(), ambiguous_symbol=False)


def _tail(name: str, held: bool = True, lower: frozenset[str] = frozenset()) -> str | None:
    (company,) = with_name_tails([_company("X", name)], {"X"} if held else set(), set(lower))
    return company.aliases[-1] if len(company.aliases) > 1 else None


@pytest.mark.parametrize("name, tail", [
    ("Carl Zeiss Meditec", "Zeiss Meditec"),
    ("CTS Eventim", "Eventim"),  # one word after a prefix in capitals
    ("Tata Consumer Products", None),  # every word of the tail English
    ("Brunello Cucinelli", None),  # one word after no prefix
    ("Hugo Boss", None),
    ("CTS Group", None),  # an English tail
    ("Bank Central Asia", None),  # (review) a place
    ("National Australia Bank", None),
    ("RWE AG", None),  # (review) a legal form
])
def test_a_name_is_also_named_by_the_words_after_its_first(name, tail):
    assert _tail(name) == tail


def test_a_name_tail_needs_notes_about_the_company_and_words_never_written_in_lower_case():
    assert _tail("Carl Zeiss Meditec", held=False) is None
    assert _tail("Carl Zeiss Meditec", lower=frozenset({"meditec"})) is None


def test_a_name_tail_routes_the_question(router):
    router.resolver.learn(with_name_tails([_company("AFX.DE", "Carl Zeiss Meditec")], {"AFX.DE"}, set()), {"AFX.DE"})
    assert router.route("how has sentiment on Zeiss Meditec changed since the recall?").tickers == ["AFX.DE"]


def test_a_numeric_code_is_named_by_the_capitals_its_notes_lead_with_though_a_note_lists_no_ticker():
    notes = [
        (["9301.T"], "KUROMA reported record sales. KUROMA keeps its margin as rivals discount."),
        (["BOSS.DE", "9301.T"], "Hugo Boss and KUROMA both sell suits. Hugo Boss grew 4% while KUROMA grew 6%. Hugo Boss lags."),
        ([], "KUROMA opened a new warehouse. KUROMA says orders are up."),  # an empty block: no one's
    ]
    names = {c.ticker: c.name for c in learn_companies(notes, CompanyDirectory([]))}
    assert names == {"9301.T": "KUROMA", "BOSS.DE": "Hugo Boss"}


def test_no_two_tickers_are_named_in_full_by_one_name():
    notes = [
        (["BOSS.DE"], "Hugo Boss reported sales. Hugo Boss grew 4%."),
        (["BOSS.DE", "9301.T"], "Hugo Boss and its rival both sell suits. Hugo Boss grew 4%. Hugo lags."),
        (["9301.T"], "Results were weak. Hugo, the rival's brand, gained."),
    ]
    names = [c.name for c in learn_companies(notes, CompanyDirectory([]))]
    assert names.count("Hugo Boss") <= 1


@pytest.mark.parametrize("sentence, named", [
    ("Quarnby said first-half revenue rose 8%, with heavy-goods-vehicle courses up 15%.", 1.0),
    ("Quarnby said first-half revenue rose 8%, with car courses up 15%.", 0.0),
])
def test_initials_are_written_by_a_hyphenated_word_spelling_them(sentence, named):
    text = "how fast did hgv courses grow?"
    q = question(text, ["QRNB"], text=text)
    f = features_of(q, [passage(sentence, primary_tickers=["QRNB"], about=["QRNB"])])
    assert f[sentence].named_quantity == named


# -- scores ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent", [
    ("Tesla shutting two plants and cutting jobs - what was the TSLA score there?", "sentiment"),
    ("Tesla recall - what was the score?", "sentiment"),
    ("Tesla recall - what was the credit score there?", "facts"),  # a measure, not a ticker, before "score"
    ("Tesla sustainability report - what was the ESG score there?", "facts"),  # (review) a rater's acronym
    ("Tesla survey - what's the NPS score?", "facts"),
    ("There's a note about the port strike that covers both Tesla and Ford. What did Ford get in it?", "sentiment"),
    ("There's a deal between Tesla and Ford. What did Ford get in it?", "facts"),  # a deal's terms
    ("I saw a note on the Tesla-Ford battery deal. What did Ford get in it?", "facts"),  # (review)
])
def test_a_score_asked_of_a_ticker_or_a_company_in_a_described_note(router, text, intent):
    assert router.route(text).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("Lowest Tesla note", "sentiment"),
    ("Tesla's highest note?", "sentiment"),
    ("lowest inflation reading in the Tesla note?", "facts"),  # a measure's extreme
    ("What drove Tesla from positive to sharply negative after it won the contract?", "sentiment"),
    ("What drove Tesla from negative to positive free cash flow?", "facts"),  # a measure's sign
])
def test_a_note_ranked_or_a_swing_driven_asks_the_sentiment(router, text, intent):
    assert router.route(text).intent == intent


@pytest.mark.parametrize("text, kind", [
    ("Tesla shutting two plants and cutting jobs - what was the TSLA score there?", "note"),
    ("Tesla in Q1 2031 - what was the score?", "summary"),  # (per-question check) a window's, not a note's
])
def test_a_score_asked_in_the_past_is_a_note_s_only_of_a_ticker(router, text, kind):
    assert parse_intent(router.route(text), date(2031, 6, 1)).kind == kind


PORTALS = notes(
    ("portal.txt", "2031-05-17", "mildly negative", -0.29, {"TSLA": -0.29},
     "Tesla reported that new listings fell 14% as rates froze the market. The Swedish portal Hemnet has faced a similar squeeze."),
)


def test_a_name_met_in_passing_picks_no_note(router, encoder):
    answerer = SentimentAnswerer(today=lambda: date(2031, 6, 1), rerank=encoder)
    answer = answerer.answer_catalog(router.route("Hemnet sentiment score in the notes?"), PORTALS)
    assert not answer.found and not answer.citations
    assert answerer.answer_catalog(router.route("score of the listings note?"), PORTALS).found  # its subject


@pytest.mark.parametrize("change, verdict", [
    (0.004, "was unchanged"), (-0.003, "was unchanged"), (0.006, "improved"), (-0.2, "worsened"),
    (0.015 - 0.01, "improved"),  # (review) rounded half up, as the printed +0.01
])
def test_a_change_that_prints_as_zero_is_no_move(change, verdict):
    assert moved(change) == verdict


# -- words -----------------------------------------------------------------------------------------

def test_a_ceo_is_read_with_its_long_form():
    assert "chief executive" in expand("Boot Barn's CEO walked out")


def test_cfo_keeps_its_desk_meaning():  # (review) cash flow from operations, as often as the officer
    assert "officer" not in expand("acme cfo fy41?")


# -- counts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, counts", [
    ("The company launched the muesli at 249 rupees for a 400g pack, with 12g of protein per serving.", False),
    ("Acme unveiled a 75kWh battery pack.", False),
    ("Acme sold 10k packs in the quarter.", True),  # a scale, not a unit
    ("Acme sold 2m packs.", True),
    ("Acme sold 2mln packs.", True),  # (review)
    ("Acme sold 3,400 packs.", True),
])
def test_a_unit_written_onto_a_number_counts_nothing(sentence, counts):
    assert states_count(sentence, frozenset({"pack"})) is counts


# -- measures --------------------------------------------------------------------------------------

def test_a_size_is_a_quantity_not_a_segment():
    wants = asked_for("buyback - size and price per share?", "buyback - size and price per share?")
    assert "size" in wants.quantities and "size" not in wants.qualifiers


def test_a_size_is_said_of_anything():  # (per-question check) the network's size is its count of sites
    text = "how many clinics did they buy in 2040 and what's the network size now"
    sentence = "Quarnby grew 2040 revenue 13% to EUR 1.37 billion and acquired 48 clinics to take its network to 1,212 sites."
    q = question(text, ["QRNB"], text=text)
    f = features_of(q, [passage(sentence, primary_tickers=["QRNB"], about=["QRNB"])])
    assert f[sentence].answer_kind_fit == 1.0


@pytest.mark.parametrize("text, sentence, measured", [
    ("tax-free sales fy41?", "Tax-free sales to inbound tourists rose 31% to 184 billion yen.", True),
    ("tax-free sales fy41?", "Sales rose 6% to 2.4 trillion yen, helped by tax-free shoppers.", False),  # not said of the sales
    ("recurring revenue fy41?", "Non-recurring revenue rose 5% to $40 million.", False),  # (review) the basis turned around
])
def test_a_basis_may_end_a_hyphenated_word(text, sentence, measured):
    assert measured_as_asked(asked_for(text, text), sentence) is measured


@pytest.mark.parametrize("text, quantities", [
    ("how much of that came from delivery systems?", set()),
    ("tesla deliveries q3?", {"deliv"}),
    ("subscriber numbers q3?", {"subscrib"}),  # the count of subscribers
    ("customer deposits fy41?", {"custom", "deposit"}),  # a quantity after it: as before
    ("tesla delivery targets for 2025?", {"deliv"}),  # (review) how many are expected
    ("acme customer wins q3?", {"custom"}),
])
def test_a_counted_quantity_s_singular_before_a_plural_noun_names_its_kind(text, quantities):
    assert set(asked_for(text, text).quantities) == quantities


@pytest.mark.parametrize("text, kind", [
    ("acme stick-pack sales since launch?", "figure"),
    ("acme sales since its ipo?", "figure"),
    ("acme stick-pack since launch?", None),  # no quantity asked
])
def test_a_quantity_since_launch_asks_a_figure(text, kind):
    assert asked_for(text, text).kind == kind


@pytest.mark.parametrize("sentence, change", [
    ("Breville lifted H1 FY2044 revenue by 9.4% to AUD 1,603.5 million.", True),
    ("Breville lifted its dividend to AUD 0.20 per share.", False),  # no rate of change
    ("Acme cut its unit costs by 40 basis points.", True),
])
def test_a_verb_of_change_may_stand_before_its_object_and_rate(sentence, change):
    assert states_a_change(sentence) is change


@pytest.mark.parametrize("text, sentence, states", [
    ("quarnby q3 sales + ebitda margin", "Quarnby reported Q3 sales of Rs 6,215 crore, up 8.6%.", True),  # the other ask
    ("quarnby q3 sales + ebitda margin", "Quarnby's Q3 EBITDA was Rs 1,473 crore.", False),  # the ratio's quantity alone
    ("quarnby q3 sales + ebitda margin", "Quarnby's Q3 EBITDA margin was 23.7%.", True),
    ("quarnby ebitda margin guidance?", "Quarnby raised its revenue guidance to $5bn.", False),  # (review) no other ask
])
def test_a_sentence_answering_the_ask_beside_a_ratio_states_what_is_asked(text, sentence, states):
    assert states_ratio(asked_for(text, text), stems(sentence)) is states


@pytest.mark.parametrize("sentence, asked, fits", [
    ("The Americas contributed AUD 772.9 million, while EMEA and APAC together added AUD 658.3 million.", "emea", False),
    ("The Americas contributed AUD 772.9 million, while EMEA and APAC together added AUD 658.3 million.", "america", True),
    ("EMEA contributed AUD 300 million.", "emea", True),
])
def test_a_figure_given_two_parts_jointly_is_neither_s(sentence, asked, fits):
    assert figure_of_qualifier(sentence, frozenset({asked})) is fits


# -- follow-ups ------------------------------------------------------------------------------------

def _history(first: str) -> list[dict]:
    return [{"role": "user", "content": first}, {"role": "assistant", "content": "Operating profit was 176 billion yen. [1]", "citations": []}]


@pytest.mark.parametrize("then, goes_on", [
    ("and the margin on that?", True),
    ("what is the margin on that?", True),
    ("and the margin?", True),
    ("what drives industrial margins?", False),  # a new question
    ("and Tesla's margin?", False),  # names its company
    ("what about the housing market?", False),  # (review)
    ("also, what's the outlook for Japanese retail?", False),
])
def test_a_follow_up_goes_on_from_a_question_naming_no_known_company(router, then, goes_on):
    routed = router.route(then, _history("Zorvex owner - operating profit for the year to june 2041?"))
    assert ("operating profit" in routed.search_text) is goes_on


@pytest.mark.parametrize("first, then, tickers", [
    ("What are Alibaba's cloud risks?", "Which company has the highest sentiment score?", []),  # (new-user check)
    ("Compare Alibaba and JD sentiment", "which company is the most bullish?", ["BABA", "JD"]),  # which of the two
    ("What are Alibaba's cloud risks?", "what was its margin?", ["BABA"]),
])
def test_which_company_after_one_company_asks_across_the_notes(router, first, then, tickers):
    assert router.route(then, _history(first)).tickers == tickers


# -- notes -----------------------------------------------------------------------------------------

def test_a_date_line_alone_is_no_note():
    block = "Request a DemoOverall Sentiment\nneutral\nSentiment Score\n0.02\nTicker Sentiment\n"
    resolver = TickerResolver(CompanyDirectory.load())
    with pytest.raises(NoteFormatError):
        parse_note(f"Date: 2025-07-01\n{block}", "only-sentiment.txt", resolver)
    assert parse_note(f"Date: 2025-07-01\nAlibaba said cloud revenue rose 18%.\n{block}", "a.txt", resolver).primary_tickers == ("BABA",)
