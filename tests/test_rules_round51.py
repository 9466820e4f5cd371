"""Round 51: general rules found by reading blind set AO (held out last round, run once) and blind
set AP (written this round, its first run recorded before any miss was read), each pinned over
invented wording, and where each must not reach.

- Companies: a word one typo from an English word is read as that word only when the notes write
  it (or it is a word of sentiment questions); "zillow" is one letter from "willow", which no note
  writes, so it names something the notes do not hold.
- Stance: a stance word ("upbeat", "gloomy") says which way a note leans, not what it is about;
  a score asked last "for" the companies a heading's event names is the note's score.
- Measures: a total of money asked ("EBITA") is not answered by a ratio of it alone ("an EBITA
  margin of 22.5%"); EBT, PBT and capacity are quantities of their own.
- Measures, from AP: a figure's periods are those of the clauses naming the asked quantity ("a
  dividend of CHF 34, and management said the backlog entering 2040 ..." dates no dividend 2040);
  an amount said to be a price ("a list price of JPY 28 million") is no total; "24,000 parcels per
  hour" counts nothing sold; a quantity counting things ("volumes") is not stated by money alone;
  a quantity noun before another says its kind ("order backlog": "Orders rose 4.2%" gives none);
  "semi" is the desk's "semiconductor" beside a segment word; "what did X / Y bring in" asks a figure.
- Risks: "what worries us on X" asks X's risks ("us" the desk, not the US).
- Periods: the period of the figure a quantity moved from ("down from USD 32 for 2038") is a base,
  not the period a sentence reports.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from answering_helpers import passage, question
from test_answerability import features_of
from test_companies import ROUTER
from test_sentiment_rules import ask, notes

from ingest.words import stems
from ragbot.answering.answerability import (
    asked_for, measured_as_asked, measured_clauses, states_count, states_only_its_ratio, states_only_money, states_other_quantity, states_total,
)
from ragbot.glossary import expand
from ragbot.companies import unwritten_subject
from ragbot.periods import stated_periods
from ragbot.routing import without_the_worried
from ragbot.sentiment.intent import one_typo_from_familiar, parse_intent


# -- a name or a typo -----------------------------------------------------------------------------

def _writes(*words: str):
    return lambda word: word in words


def test_a_typo_is_read_as_a_word_only_when_the_notes_write_that_word():
    assert one_typo_from_familiar("zillow")  # "willow", with no notes to ask
    assert not one_typo_from_familiar("zillow", _writes("margins"))  # no note writes "willow": a name
    assert one_typo_from_familiar("margnis", _writes("margins"))
    assert one_typo_from_familiar("sentimnet", _writes())  # a word of sentiment questions, written or not


@pytest.mark.parametrize("text, subject", [
    ("zillow latest sentiment?", "zillow"),
    ("latest sentimnet?", None),  # a typo of a question word
])
def test_a_subject_one_letter_from_an_unwritten_word_is_not_in_the_notes(text, subject):
    begins = _writes()
    assert unwritten_subject(ROUTER.route(text), begins, partial(one_typo_from_familiar, written=_writes("margins"))) == subject


# -- stance ---------------------------------------------------------------------------------------

def test_a_stance_word_is_the_direction_not_the_topic(router):
    intent = parse_intent(router.route("why is Tesla's most recent note upbeat?"), date(2026, 1, 1))
    assert (intent.pick, intent.direction, intent.about) == ("newest", "positive", "")
    described = parse_intent(router.route("why was the Tesla note about the robotaxi recall so upbeat?"), date(2026, 1, 1))
    assert "recall" in described.about.split() and "upbeat" not in described.about.split()


@pytest.mark.parametrize("text, intent", [
    ("electric truck order with the new inverters - scores for Tesla and Ford please", "sentiment"),
    ("robotaxi launch - score for Tesla?", "sentiment"),
    ("robotaxi launch - revenue for Tesla and Ford?", "facts"),  # a measure, not the score
    ("what is the Altman Z-score for Tesla and Ford?", "facts"),  # a hyphen inside a word sets no heading apart
    ("ESG ratings - scores for Tesla and Ford?", "facts"),  # (review) others' scores
    ("net promoter score - scores for Ford and GM?", "facts"),
    ("Tesla Q3 deliveries - scores for Q3 and Q4?", "facts"),  # periods, not companies
    ("tesla when robotaxi rides took off -- score?", "sentiment"),  # a double dash sets it apart too
])
def test_a_score_asked_last_for_the_named_companies_is_the_note_s(router, text, intent):
    assert router.route(text).intent == intent


# -- measures -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentence, only_ratio", [
    ("quarnby ebita 2038", "Quarnby's EBITA margin of 22.5% in 2038 remains well above its peers'.", True),
    ("quarnby ebita 2038", "EBITA increased to SEK 7,030 million, an EBITA margin of 22.5%.", False),  # the level too
    ("quarnby ebita margin 2038", "Quarnby's EBITA margin of 22.5% in 2038 remains well above its peers'.", False),  # asked
    ("quarnby revenue growth 2038", "Revenue margin rose to 8%.", False),  # a change asked
    ("quarnby revenue 2038", "Operating margin was 8%.", False),  # the total not named: other rules judge it
    ("quarnby ebitda 2038", "EBITDA margin of 22.5% (EUR 1.1 billion) beat consensus.", False),  # (review) the level in money
    ("quarnby ebitda 2038", "The EBITDA-margin rose to 22.5%.", True),  # (review) written with a hyphen
])
def test_a_total_of_money_is_not_answered_by_a_ratio_of_it_alone(text, sentence, only_ratio):
    assert states_only_its_ratio(asked_for(text, text), sentence) is only_ratio


def test_ebt_is_a_quantity_of_its_own():
    text = "quarnby revenue growth y/y in fy 2037/38?"
    assert states_other_quantity(asked_for(text, text), stems("Quarnby reported operating EBT of EUR 482 million, up from EUR 441 million."))
    assert not states_other_quantity(asked_for(text, text), stems("Revenue rose 8% to EUR 5.1 billion."))


def test_capacity_asked_is_a_quantity():
    text = "quarnby e-scrap recycling capacity?"
    assert asked_for(text, text).quantities


# -- periods --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, years", [
    ("The benchmark settled at USD 18.00 per tonne, down from USD 32.00 and 3.20 cents for 2038.", set()),
    ("Revenue rose 8% to EUR 5.1 billion in 2039, up from EUR 4.7 billion in 2038.", {"2039"}),
    ("Margin improved to 12.1% in Q3 2039, up from 10.4% in Q3 2038.", {"2039"}),
    ("Revenue from China in 2038 was EUR 2 billion.", {"2038"}),  # no figure moved from
    ("EBIT fell from 2037 levels in 2038.", {"2037", "2038"}),  # a year moved from is no figure
    ("EBIT fell from EUR 510m to EUR 480m in 2039.", {"2039"}),  # (review) the period of the figure moved to
    ("The dividend rose from CHF 30 for 2037 to CHF 34 for 2038.", {"2038"}),
])
def test_the_period_of_the_figure_moved_from_is_a_base(sentence, years):
    assert stated_periods(sentence).get("year", set()) == years


@pytest.mark.parametrize("text, intent", [
    ("what's behind the strong Tesla readings in December 2025?", "sentiment"),
    ("What dragged Tesla into negative territory in 2025?", "sentiment"),
    ("what's behind the strong PMI readings in December 2025?", "facts"),  # no company's readings
    ("what dragged Tesla into negative free cash flow in 2025?", "facts"),  # a measure's territory
    ("what pushed Tesla into negative territory on free cash flow in 2025?", "facts"),  # (review) a measure named after it
    ("why was the Tesla note on the price war so gloomy?", "sentiment"),  # a note's stance, what it is on between
    ("why was Tesla's free cash flow on the new plant so negative?", "facts"),
])
def test_a_company_s_readings_or_territory_are_its_notes_stance(router, text, intent):
    assert router.route(text).intent == intent


# -- measures, from AP ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentence", [
    ("what dividend did the quarnby board propose for 2039?",
     "The board proposed a dividend of CHF 34 per share, and management said the order backlog entering 2040 was the highest since 2031."),
    ("quarnby revenue q3 2039?", "In Q3 2039, orders rose 12%; revenue grew 8% to EUR 1.3 billion."),  # (review) a period opening it dates it
    ("quarnby h1 2036 revenue?", "Quarnby's H1 2036 orders rose 8.0% to GBP 568m, but revenue grew only 2.9% to GBP 531m as projects slipped into the second half."),
])
def test_another_clause_s_period_does_not_place_the_asked_figure_elsewhere(text, sentence):
    q = question(text, ["QRNB"], text=text)
    f = features_of(q, [passage(f"Quarnby reported its 2039 results. {sentence}", primary_tickers=["QRNB"], about=["QRNB"])])
    assert f[sentence].period > 0


def test_a_figure_s_periods_are_read_from_the_clauses_naming_the_asked_quantity():
    sentence = "The board proposed a dividend of CHF 34 per share, and management said the order backlog entering 2040 was the highest since 2031."
    text = "what dividend did the quarnby board propose for 2039?"
    assert measured_clauses(asked_for(text, text), sentence) == "The board proposed a dividend of CHF 34 per share"
    both = "quarnby dividend and backlog 2039?"
    assert measured_clauses(asked_for(both, both), sentence) == sentence  # each clause names one asked
    assert measured_clauses(asked_for("quarnby outlook?", "quarnby outlook?"), sentence) == sentence  # no quantity: whole


@pytest.mark.parametrize("sentence, total", [
    ("Quarnby launched the Vireo microscope at a list price of \u00a528 million.", False),
    ("The sorter has list prices starting at CHF 1.1 million per installation.", False),
    ("Quarnby's Vireo sales reached \u00a528 million in the half.", True),
    ("Restructuring costs of $50 million hit the quarter.", True),  # a cost is a total, not a price
    ("Quarnby agreed to sell the pumps division at a price of EUR 2.1 billion.", True),  # (review) a deal's total
    ("Revenue benefited from higher prices of EUR 300 million in the year.", True),  # (review) a price effect
])
def test_an_amount_said_to_be_a_price_is_no_total(sentence, total):
    assert states_total(sentence, money=True) is total


def test_a_rate_over_time_counts_nothing_sold():
    sorter = "The sorter handles up to 24,000 parcels per hour on a footprint 30% smaller."
    assert not states_count(sorter, frozenset({"unit"}))
    assert states_count(sorter, frozenset({"parcel"}))  # what it counts, asked
    assert states_count("Quarnby sold 240 sorters in the year.", frozenset({"unit"}))
    assert states_count("Quarnby operates 1,200 departures a day.", frozenset({"flight"}))  # (review) a day's count still counts


@pytest.mark.parametrize("text, sentence, only_money", [
    ("vireo volumes so far?", "It sells at a shelf price of DKK 9.95 per 33cl can, or DKK 52 for a six-pack.", True),
    ("vireo volumes so far?", "Volumes rose 12% in the half, at a shelf price of DKK 9.95.", False),  # a change of them
    ("vireo revenue so far?", "It sells at a shelf price of DKK 9.95 per 33cl can.", False),  # money asked: other rules
    ("quarnby deliveries q3?", "Deliveries reached 435k at an ASP of USD 52,000.", False),  # (review) a scale written on the count
    ("quarnby payment volume q3?", "TPV was USD 412bn in Q3.", False),  # (review) a volume of money
])
def test_a_quantity_counting_things_is_not_stated_by_money_alone(text, sentence, only_money):
    assert states_only_money(asked_for(text, text), sentence) is only_money


def test_a_quantity_noun_before_another_says_its_kind():
    text = "how much did quarnby's order backlog grow y/y?"
    assert asked_for(text, text).modifiers == frozenset({"order"})
    assert states_other_quantity(asked_for(text, text), stems("Orders rose 4.2% to JPY 735.0 billion."))
    assert not states_other_quantity(asked_for(text, text), stems("The backlog rose 4.2%."))
    # (review: lists of two, written terse, modify nothing)
    for said_of_any in ("quarnby revenue growth?", "quarnby ebitda guidance?", "quarnby revenue ebit fy38?", "quarnby orders revenue q3", "quarnby capex spending 2038?"):
        assert not asked_for(said_of_any, said_of_any).modifiers


def test_semi_is_the_desk_s_semiconductor():
    assert "semiconductor" in expand("quarnby semi segment op income fy39")
    for product in ("Tesla Semi deliveries 2025?", "Tesla semi-annual dividend?"):  # (review)
        assert "semiconductor" not in expand(product)


def test_what_a_part_written_with_a_slash_brought_in_asks_a_figure():
    text = "what did vireo / dermatological skincare bring in for quarnby in fy39?"
    assert asked_for(text, text).kind == "figure"


def test_us_after_a_verb_of_worry_is_the_desk(router):
    assert without_the_worried("what worries us on quarnby") == "what worries on quarnby"
    assert without_the_worried("risks from us tariffs") == "risks from us tariffs"
    assert without_the_worried("what concerns US regulators about Tesla?") == "what concerns US regulators about Tesla?"  # (review)
    assert router.route("What worries us on Tesla?").asks_only_risks  # read as asking its risks (new-user check)


def test_how_a_capacity_is_measured_says_not_whose_it_is():
    text = "what's the nameplate capacity of quarnby's waco mill"
    sentence = "Quarnby said its Waco mill is running at 62% of design capacity, with the machine designed to produce 550,000 tons a year."
    q = question(text, ["QRNB"], text=text)
    assert features_of(q, [passage(sentence, primary_tickers=["QRNB"], about=["QRNB"])])[sentence].qualifier_match == 1.0


def test_a_company_s_most_negative_note_that_is_positive_says_so(router):
    catalog = notes(
        ("a.txt", "2025-06-05", "mildly positive", 0.27, {"TSLA": 0.27}, "Tesla opened a new plant."),
        ("b.txt", "2025-07-05", "strongly positive", 0.62, {"TSLA": 0.62}, "Tesla beat deliveries."),
    )
    text = ask(router, "what's the most negative note on Tesla?", catalog).text
    assert "No note on TSLA is negative" in text and "a.txt" in text
    mixed = notes(("c.txt", "2025-06-05", "mildly negative", -0.27, {"TSLA": -0.27}, "Tesla cut prices."), ("b.txt", "2025-07-05", "strongly positive", 0.62, {"TSLA": 0.62}, "Tesla beat deliveries."))
    assert "No note" not in ask(router, "what's the most negative note on Tesla?", mixed).text


def test_the_most_negative_note_overall_asks_across_the_notes(router):
    assert router.route("Which note is the most negative overall?").across_companies
    assert not router.route("which Tesla note has the most negative overall score?").across_companies  # the notes' own score


@pytest.mark.parametrize("sentence, counts", [
    ("Quarnby said its app has nearly one billion monthly users.", True),
    ("The service reached two million subscribers.", True),
    ("One of the users left.", False),
])
def test_a_count_spelt_with_its_scale_is_a_count(sentence, counts):  # (new-user check: "nearly one billion monthly users")
    assert states_count(sentence, frozenset({"month", "user", "subscrib"})) is counts


def test_the_level_a_ratio_is_measured_at_says_how_it_is_measured():  # (new-user check)
    text = "What's Quarnby's operating margin?"
    assert measured_as_asked(asked_for(text, text), "It runs thinner margins, typically 3-4% at the operating level.")
    assert not measured_as_asked(asked_for(text, text), "It runs thinner margins, typically 3-4% at the gross level.")
