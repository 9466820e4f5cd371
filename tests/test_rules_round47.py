"""Round 47: general rules found by reading blind set AG (held out last round, run once) and blind
set AH (written this round, its first run recorded before any miss was read), each pinned over
invented wording, and where each must not reach.

- Names: a company's name typed in lower case as the subject of the question's verb ("what's
  vexmond electric guiding for 2022?") or before a word standing for the company ("vexmond
  sentiment trend over the last year?") is a name the notes may lack; a four-letter name typed
  with one of its letters typed twice ("vexxa" for "Vexa") is its near spelling; a word the notes
  write only as a sentence's subject ("Sabre has been ...") names a thing opening a terse question.
- Measures: "how far" and "how quickly" ask how, not what; a ratio written bare after the quantity
  its basis measures ("Recurring operating income rose to EUR 3.53 billion, a record margin of
  39.3%") is the ratio of that basis; "traffic", "passengers" and "occupancy" are quantities, and
  "pbt" and "cc" are finance abbreviations; a date written day first ("2 December 2026") counts
  nothing.
- Risks: "what's worrying people about X?", "X bear points? what worries you" and "what risks does
  X flag in its 10-k" ask X's risks; a company's risks are cited first from its own notes.
- Amounts: an amount asked "in eur" is not answered by a percentage; a currency's code in
  brackets ("Earnings per share (EUR)") declares no company; "pax" is desk shorthand for passengers.
- Sentiment: "X - score for the recall", "what did X score on the launch of ...", "X: trend since
  the shutdown", "X since the write-down: first, latest, change" and "how does the latest
  sentiment compare with the very first note?" ask the notes' scores.
"""

from __future__ import annotations

import pytest

from ingest import CompanyDirectory, TickerResolver
from ingest.tickers import Company
from ragbot.answering.answerability import (
    asked_for, capitals_of, measured_as_asked, named_things, states_count, states_kind, states_other_quantity,
)
from ragbot.routing import _asks_only_risks

NOTHING_WRITTEN = lambda word: False  # noqa: E731 (a store whose notes write none of the question's words)


def _unwritten(router, text: str) -> str | None:
    from ragbot.companies import unwritten_subject
    return unwritten_subject(router.route(text), NOTHING_WRITTEN, NOTHING_WRITTEN)


@pytest.mark.parametrize("text, name", [
    ("what's vexmond electric guiding for 2022 organic growth", "vexmond"),
    ("what did vexmond guide for 2027 underlying sales growth?", "vexmond"),
    ("how is vexmond doing?", "vexmond"),
    ("vexmond sentiment trend over the last year?", "vexmond"),
    ("vexmond score since the recall, first and latest?", "vexmond"),
])
def test_a_lower_case_name_as_the_subject_of_the_verb_or_before_a_company_word_is_a_name(router, text, name):
    assert _unwritten(router, text) == name


@pytest.mark.parametrize("text", [
    "what's driving growth in 2022?",  # an English word after the auxiliary
    "what did management guide for 2027?",
    "how is the margin doing?",
    "overall sentiment trend over the last year?",  # English before the company word
    "what is yoy growth for the company?",  # shorter than a name
])
def test_english_words_in_those_places_are_no_names(router, text):
    assert _unwritten(router, text) is None


@pytest.mark.parametrize("text", [
    "how are hyperscalers spending?",  # a plural names a class
    "latam sentiment trend over the last year?",  # a region
    "what did mgmt guide for 2027?",  # desk shorthand
])
def test_a_class_a_region_or_shorthand_is_no_name(router, text):
    assert _unwritten(router, text) is None


def test_a_follow_up_s_word_in_the_subject_of_the_verb_is_the_inherited_company_s(router):
    from ragbot.companies import unwritten_subject
    history = [{"role": "user", "content": "what are Nvidia's risks?"}, {"role": "assistant", "content": "..."}]
    assert unwritten_subject(router.route("what did vexmond guide for 2027?", history), NOTHING_WRITTEN, NOTHING_WRITTEN) is None


def _near(text: str, words_written: set[str] = frozenset()):
    from ragbot.companies import near_spelling
    vexa = Company("VXA.SW", "Vexa", ("Vexa",), (), False)
    resolver = TickerResolver(CompanyDirectory([vexa]))
    return near_spelling(text, resolver, {"VXA.SW"}, lambda word: word in words_written)


def test_a_four_letter_name_typed_with_a_letter_more_is_its_near_spelling():
    spelling = _near("vexxa - what synergies do they expect from the deal?")
    assert spelling is not None and spelling.name == "Vexa" and spelling.certain


@pytest.mark.parametrize("text, written", [
    ("vexes - what synergies do they expect?", set()),  # an English word
    ("vexxa - what synergies do they expect?", {"vexxa"}),  # a word the notes write
    ("vex - what synergies?", set()),  # too short to be a typo of it
    ("vexal securities q3 profit?", set()),  # a letter more, not one typed twice: another name ("citic" is no "Citi")
    ("svexa capital - any news?", set()),
])
def test_an_english_or_written_word_is_no_typo_of_a_four_letter_name(text, written):
    assert _near(text, written) is None


def test_a_word_the_notes_write_only_opening_a_sentence_names_a_thing_opening_a_terse_question():
    # ("sabre" is an English word: typed in lower case, only the notes show it is a name)
    capitals = capitals_of(["Sabre has been courting the same carriers.", "Vexcorp reported Q3 revenue of $142.7 million."])
    wants = asked_for("sabre q3 2026 revenue", "sabre q3 2026 revenue", capitals=capitals)
    assert wants.names == (frozenset({"sabr"}),)


@pytest.mark.parametrize("topic", [
    "the company q3 2026 revenue",  # it opens no terse question with the word
    "revenue q3 2026 of the sabre segment",  # not where a terse question puts its subject
])
def test_a_sentence_opening_word_names_nothing_elsewhere(topic):
    capitals = capitals_of(["Sabre has been courting the same carriers.", "Revenue rose 5% in the quarter."])
    assert asked_for(topic, topic, capitals=capitals).names == ()


def test_a_word_the_notes_also_write_in_lower_case_is_no_name():
    capitals = capitals_of(["Revenue rose 5% in the quarter.", "Quarterly revenue was $5 million."])
    assert named_things("revenue q3 2026", frozenset({"revenu"}), capitals) == ()


def test_a_sentence_opening_on_a_measure_word_makes_it_no_name():
    capitals = capitals_of(["Group revenue fell 2% to EUR 3.1 billion in Q3 2026."])  # "Group" before a noun, not a verb
    assert asked_for("group revenue q3 2026", "group revenue q3 2026", capitals=capitals).names == ()


@pytest.mark.parametrize("adverb", ["far", "quickly"])
def test_how_far_or_how_quickly_asks_no_measure_word(adverb):
    wants = asked_for(f"how {adverb} did switch hardware shipments drop?", f"how {adverb} did switch hardware shipments drop?")
    assert adverb not in wants.measure and wants.kind == "figure"


RECURRING_MARGIN = asked_for("vexcorp fy21 recurring operating margin", "the company fy21 recurring operating margin")


def test_a_ratio_written_bare_after_the_quantity_its_basis_measures_is_that_ratio():
    assert measured_as_asked(RECURRING_MARGIN, "Recurring operating income rose to EUR 3.53 billion, a record margin of 39.3%.")


@pytest.mark.parametrize("sentence", [
    "Recurring revenue rose 5% to EUR 3 billion, and the operating margin was 12%.",  # that margin has its own basis
    "Net income rose 5%, with a record margin of 12%.",  # the basis asked is not written
])
def test_a_ratio_with_its_own_basis_or_none_asked_is_not_the_asked_one(sentence):
    assert not measured_as_asked(RECURRING_MARGIN, sentence)


@pytest.mark.parametrize("question, quantity", [
    ("vexport q1 2022 passenger traffic?", {"traffic", "passeng"}),
    ("vexcold occupancy last year?", {"occup"}),
    ("vexmand h1 22 pbt?", {"pbt"}),
])
def test_traffic_passengers_occupancy_and_pbt_are_quantities_asked(question, quantity):
    wants = asked_for(question, question)
    assert quantity <= wants.quantities and wants.kind == "figure"


def test_passengers_state_the_traffic_asked_but_revenue_does_not():
    wants = asked_for("vexport q1 passenger traffic?", "vexport q1 passenger traffic?")
    from ingest.words import stems
    assert not states_other_quantity(wants, frozenset(stems("The airports handled 41.0 million passengers in the quarter.")))
    assert states_other_quantity(asked_for("vexport q1 traffic?", "vexport q1 traffic?"), frozenset(stems("Revenue rose to EUR 781 million.")))


def test_cc_is_constant_currency():
    wants = asked_for("vexcorp q2 organic cc growth", "the company q2 organic cc growth")
    assert wants.forms.get("cc") == frozenset({"constant", "currenc"})


@pytest.mark.parametrize("sentence", [
    "Vexcorp introduced the VX-900 pump in Japan on 2 December 2026, priced at JPY 880,000 per unit.",
    "The launch came on the 3rd of March.",
])
def test_a_date_written_day_first_counts_nothing(sentence):
    assert not states_count(sentence, frozenset({"unit"}))


def test_a_count_beside_a_day_first_date_still_counts():
    assert states_count("By 2 December 2026 it had shipped 40,000 units.", frozenset({"unit"}))
    assert states_kind("figure", "Revenue on 2 December 2026 was $5 million.")


@pytest.mark.parametrize("topic", [
    "what's worrying people about the company?",
    "the company bear points? what worries you",
    "what risks does the company flag in its 10-k",
    "main concerns for the company?",
])
def test_a_company_s_risks_asked_in_other_words(topic):
    assert _asks_only_risks(topic)


@pytest.mark.parametrize("topic", [
    "what are the risks for the company?",  # already asked as the notes call them
    "what are investors worried about for the company's margins?",  # something named at risk
    "is the company worried about tariffs?",
    "key people risk at the company?",  # a risk named
    "any going concern worries at the company?",
])
def test_risks_asked_plainly_or_of_something_named_are_read_as_typed(topic):
    assert not _asks_only_risks(topic)


@pytest.mark.parametrize("text", [
    "Vexcorp Healthcare - score for the humidifier chamber seal problem",
    "Vexcorp: score on the concession life extension?",
    "What did Vexcorp score on the launch of its AI bookkeeping helper?",
])
def test_a_score_asked_of_an_event_after_a_heading_or_by_its_verb_is_sentiment(router, text):
    assert router.route(text).intent == "sentiment"


@pytest.mark.parametrize("text", [
    "self-service - score of the app in the store?",
    "what did Vexcorp score in revenue growth terms",  # no event after it
    "What did Vexcorp score on the NHTSA crash test?",  # a score others give
    "What did Vexcorp score on its customer satisfaction survey?",
    "Vexcorp: scores of approved borrowers in Q3?",
    "Vexcorp: score on the Metacritic review of the new game?",
])
def test_a_score_of_a_thing_named_is_not_routed_so(router, text):
    assert router.route(text).intent == "facts"


@pytest.fixture()
def taught_router(router):
    """The bundled router, taught an invented company as a store learns it."""
    from ragbot.routing import QueryRouter
    vexcorp = Company("VXC", "Vexcorp", ("Vexcorp",), (), False)
    return QueryRouter(TickerResolver(CompanyDirectory([*router.resolver.directory.companies.values(), vexcorp])))


@pytest.mark.parametrize("text", [
    "vexcorp: trend since the earthquakes forced the plant shutdown",
    "vexcorp trend since the edtech write-down",
    "VXC since the edtech write-down: first, latest, change",
])
def test_a_trend_of_the_company_itself_from_an_event_is_sentiment(taught_router, text):
    assert taught_router.route(text).intent == "sentiment"


@pytest.mark.parametrize("text", [
    "vexcorp revenue trend since the write-down",
    "vexcorp's margin trend since the write-down",
    "vexcorp: trend since the recall in unit deliveries?",  # a quantity named after it
    "VXC since the stock split: first and latest quarterly revenue?",
])
def test_a_trend_of_a_measure_is_not(taught_router, text):
    assert taught_router.route(text).intent == "facts"


def test_the_latest_set_against_the_very_first_note_is_a_trend(taught_router):
    from ragbot.sentiment.intent import parse_intent
    from datetime import date
    question = taught_router.route("VXC - how does the latest sentiment compare with the very first note?")
    assert parse_intent(question, date(2030, 1, 22)).kind == "trend"
    assert parse_intent(taught_router.route("VXC latest sentiment?"), date(2030, 1, 22)).kind == "note"


def test_a_company_s_risks_are_cited_first_from_its_own_notes():
    from answering_helpers import passage, question
    from ragbot.answering.candidates import collect
    from ragbot.answering.features import Features
    from ragbot.answering.scoring import Scorer, ranked
    from ragbot.answering.selection import Selector
    from ragbot.answering.settings import FeatureWeights

    shared = "The market treats both hits as temporary, which leaves the motorcycle maker exposed to a downside surprise."
    own = "The key risks are continued wholesale destocking and a weaker travel season."
    pool = collect([passage(shared, "shared.txt"), passage(own, "own.txt")])
    scorer = Scorer(FeatureWeights(**{n: 0.0 for n in FeatureWeights.model_fields if n != "dense"}, dense=1.0))
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0)
    primary = {shared: 0.5, own: 1.0}  # the asked share of each note's companies
    dense = {shared: 10.0, own: 9.5}
    ranking = ranked([scorer.score(c, Features(**zero, primary=primary[c.text], dense=dense[c.text]), logit=0.0) for c in pool])
    chosen = lambda q, kind: [s.candidate.text for s in Selector(other_note_within=2.0).select(ranking, q, 4, kind).chosen]  # noqa: E731
    assert chosen(question("risks", ["VXC"]), "risk") == [own, shared]
    assert chosen(question("risks", ["VXC", "RDL"]), "risk") == [shared, own]  # two companies asked: by score
    assert chosen(question("downside", ["VXC"]), None) == [shared, own]  # no risk asked: by score


@pytest.mark.parametrize("text, asked", [
    ("vexcorp cloud software revenue in eur for fy21?", True),
    ("revenue in US dollars?", True),
    ("how many euros did it spend?", True),
    ("revenue in all regions?", False),  # "ALL" is a currency's code, and a word
    ("growth in sap cloud?", False),
    ("what's the growth in AMD's data center revenue in q3?", False),  # a company, in the possessive
    ("revenue in 2025?", False),
])
def test_an_amount_asked_in_a_currency(text, asked):
    from ragbot.answering.answerability import asks_in_currency
    assert asks_in_currency(text) is asked


@pytest.mark.parametrize("sentence, money", [
    ("Cloud software revenue grew 15%.", False),
    ("Revenue was 4,771 million.", False),
    ("Revenue of EUR 4.78 billion rose 6%.", True),
    ("Sales reached 4.78 billion euros.", True),
    ("Packaged tea [Revenue by segment ($ million)] | FY2025: 124.9 | FY2026: 138.2", True),
])
def test_an_amount_of_money_is_stated_by_its_currency(sentence, money):
    from ragbot.answering.answerability import states_money
    assert states_money(sentence) is money


def test_a_currency_code_in_brackets_declares_no_company():
    from ingest.declarations import ticker_declarations
    assert ticker_declarations("| Earnings per share (EUR) | 1.58 | 1.86 |") == []
    assert ticker_declarations("Eurovex (EUR) said revenue rose.", frozenset({"EUR"})) == [("EUR", "Eurovex")]  # scored: a company's
    assert ticker_declarations("Halvorsen Marine Robotics (HMRX) rose.") == [("HMRX", "Halvorsen Marine Robotics")]
    assert ticker_declarations("In Finland, Nokia (NYSE: NOK) won a contract.") == [("NOK", "Nokia")]  # an exchange's listing


@pytest.mark.parametrize("question", [
    "what was vexcorp cloud revenue growth in euro terms for fy21?",  # a percentage asked
    "vexcorp operating margin in eur terms fy21?",  # a ratio
    "how much does the vexcar weigh in pounds?",  # no money
])
def test_a_currency_named_beside_no_amount_of_money_asks_none(question):
    assert not asked_for(question, question).in_currency


def test_pax_is_shorthand_for_passengers():
    wants = asked_for("vexport q1 22 pax and ebitda", "the company q1 22 pax and ebitda")
    assert {"pax", "ebitda"} <= wants.quantities and wants.forms["pax"] == frozenset({"passeng"})
