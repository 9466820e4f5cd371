"""Round 46: general rules found by reading blind set AE (held out last round, run once), each
pinned over invented wording, and where each must not reach.

- Content: a sum asked by its verb ("what did Acme pay for Beta?") asks a figure; a focus word
  ("esp margins") is no part of the asked measure; a part of a year asked (a quarter, a half) is
  not answered by a sentence stating only a fiscal year; a note on the asked company alone says
  more of it than a note it shares with another (``primary`` is the asked share of its companies).
- Sentiment: the labels joined and counted ("neutral / positive / negative counts?"), which company
  "averaged best", and a company's bare "number in the note about ..." ask the notes' scores
  (AE); so do "what were A and B scored?", "what turned A from negative to positive?" and "A's
  weak score" (blind set AF, written this round, its first run recorded before any miss was read).
- Names (AF): a name opening on a letter and an apostrophe ("O'Reilly") is learned whole, and
  typed with a curly or a straight apostrophe; a hyphenated later word of a name ("Couche-Tard" of
  Alimentation Couche-Tard) names the company, also after a word opening a sentence ("For
  Couche-Tard, ..."), and a note about no company vetoes no name.
- Counts: "how many Vexlo syringes" (a product's name) is answered only by a count of them, not
  by "5 newtons" or "214 stores" in the sentence about it (AF).
"""

from __future__ import annotations

import pytest

from ingest import CompanyDirectory, TickerResolver, learn_companies
from ingest.tickers import Company, with_later_names
from ragbot.answer import asked_share
from ragbot.answering.answerability import _kind, asked_for, measured_as_asked, states_change_of, states_count, states_part_of_year
from ragbot.periods import period_fit, periods, stated_periods


@pytest.mark.parametrize("text", [
    "what did Vexcorp pay for Rendal Systems?",
    "what did Vexcorp agree to pay for Rendal Systems?",
    "what will the new Porto plant cost?",
    "what did vexcorp spend on capex in fy25?",
])
def test_a_sum_asked_by_its_verb_asks_a_figure(text):
    assert _kind(text, False, frozenset()) == "figure"


@pytest.mark.parametrize("text", [
    "what did they spend the proceeds on?",
    "what did Vexcorp spend its cash on in 2024?",
    "what did Vexcorp say about pay?",
    "what does vexcorp think about executive pay?",
    "what did Vexcorp disclose regarding executive pay?",
    "what did the restructuring charge relate to?",
    "what does the cost savings program include?",
])
def test_what_a_sum_went_on_or_pay_as_a_topic_asks_no_figure(text):
    assert _kind(text, False, frozenset()) is None


@pytest.mark.parametrize("focus", ["esp", "especially", "particularly", "notably"])
def test_a_focus_word_is_no_part_of_the_asked_measure(focus):
    wants = asked_for(f"vexcorp key risks? {focus} margins", f"the company key risks? {focus} margins")
    assert wants.measure == frozenset({"margin"}) and not wants.qualifiers


ASKED_Q4 = periods("vexcorp q4 2023 gross margin? (fourth quarter 2023)")


@pytest.mark.parametrize("sentence", [
    "Gross margin [Results of operations] | Fiscal 2022: 35.15% | Fiscal 2023: 36.10%",
    "Fiscal 2023 gross margin rose 95 basis points to 36.1%.",
])
def test_a_fiscal_year_alone_does_not_answer_a_quarter(sentence):
    assert period_fit(ASKED_Q4, stated_periods(sentence), {}) < 0


@pytest.mark.parametrize("sentence, fits", [
    ("Fourth-quarter fiscal 2023 gross margin was 34.2%.", True),  # the quarter of the fiscal year
    ("Gross margin was 34.2%, up 40 basis points.", None),  # no period: its passage decides
    ("In 2023 gross margin was 36.1%.", True),  # a bare year: weak evidence, not a fiscal year
])
def test_a_quarter_named_or_no_fiscal_year_keeps_its_fit(sentence, fits):
    fit = period_fit(ASKED_Q4, stated_periods(sentence), {})
    assert fit > 0 if fits else fit == 0


def test_a_sentence_naming_no_period_in_a_passage_on_a_fiscal_year_leans_away_from_a_quarter():
    context = periods("Fiscal 2023 compared with fiscal 2022")
    assert period_fit(ASKED_Q4, stated_periods("Gross margin increased 95 basis points to 36.10%."), context) < 0
    # a passage naming the quarter as well is no whole year
    context = periods("Fourth quarter and fiscal 2023 results")
    assert period_fit(ASKED_Q4, stated_periods("Gross margin increased 95 basis points to 36.10%."), context) > 0


def test_a_fiscal_year_in_a_passage_on_the_half_asked_is_its_comparison():
    asked = periods("vexcorp h1 2024 segment operating income? (first half 2024)")
    sentence = "Segment operating income came in at EUR 1.68 billion, and the target is full-year income above the FY2023 level."
    assert period_fit(asked, stated_periods(sentence), periods("Vexcorp's H1 2024 sales fell 6.1%")) > 0


@pytest.mark.parametrize("text", ["first-half fiscal 2024/25 revenue", "second-half 2025 margin"])
def test_a_hyphenated_half_is_a_half(text):
    assert "half" in periods(text)


def test_a_fiscal_year_still_answers_the_year_asked():
    assert period_fit(periods("vexcorp gross margin fy2023?"), stated_periods("Fiscal 2023 gross margin was 36.1%."), {}) > 0


@pytest.mark.parametrize("primary, asked, share", [
    (["VXC"], ["VXC"], 1.0),
    (["VXC", "RDL"], ["VXC"], 0.5),
    (["VXC", "RDL"], ["VXC", "RDL"], 1.0),
    (["RDL"], ["VXC"], 0.0),
    (["VXC"], [], 0.0),
    (None, ["VXC"], 0.0),
])
def test_the_asked_share_of_a_note_s_main_companies(primary, asked, share):
    assert asked_share({"primary_tickers": primary}, asked) == share


@pytest.mark.parametrize("text", [
    "Tesla notes: neutral / positive / negative counts?",
    "tesla positive, negative or neutral count",
    "tesla, ford or gm - who averaged best over the past 12 months?",
    "which of tesla and ford averaged higher this year?",
    "tesla number in the note about the recall - the one that also has ford",
    "For the recall note, what were Tesla and Ford scored?",
    "What turned Tesla from negative to positive in 2030?",
    "What was behind Tesla's weak score at the end of 2029?",
])
def test_label_counts_the_best_average_and_a_bare_number_in_a_note_are_sentiment(router, text):
    assert router.route(text).intent == "sentiment"


@pytest.mark.parametrize("text", [
    "which of tesla or ford averaged the highest revenue growth?",
    "tesla revenue number in the note about the recall",
    "how many negative and positive cash flow quarters did tesla have?",
    "what turned tesla's free cash flow from negative to positive?",
    "What took Tesla from negative to positive free cash flow in 2024?",
    "what were the risks scored against?",
    "What is Tesla's senior unsecured debt rated?",
    "what drove Tesla's high score on the safety test?",
    "What drove Tesla's low score in the J.D. Power survey?",
    "Has Tesla's gross margin averaged higher in 2024 than in 2023?",
    "Tesla vs Ford: whose EBITDA margin averaged better over the past 12 months?",
    "Positive/negative revision count for Tesla this quarter?",
])
def test_a_measure_averaged_or_counted_is_no_sentiment(router, text):
    assert router.route(text).intent == "facts"


def test_a_measure_s_basis_after_the_change_measures_it():
    wants = asked_for("vexcorp q1 organic growth", "the company q1 organic growth")
    assert measured_as_asked(wants, "Vexcorp reported Q1 net sales of $905 million, up 8.4% on an organic basis, as components grew 12%.")
    assert not measured_as_asked(wants, "Vexcorp reported Q1 net sales of $905 million, and components grew 12% on organic demand.")


@pytest.mark.parametrize("sentence", [
    "Vexcorp reported second-quarter fiscal 2031 net earnings of $868 million, or $0.92 per share.",
    "Q2 fiscal 2031 EPS was $0.92.",
])
def test_a_quarter_of_a_fiscal_year_is_a_part_of_it(sentence):
    assert states_part_of_year(sentence)
    assert not states_part_of_year("Fiscal 2031 EPS was $3.12.")


NAMED_COUNT = "how many vexlo syringes has vexcorp sold"
NAMED_TOPIC = "how many vexlo syringes has the company sold"


def counted(question: str, topic: str) -> tuple[frozenset[str], bool]:
    wants = asked_for(question, topic)
    return wants.counted, wants.counted_by_name


@pytest.mark.parametrize("sentence", [
    "Vexcorp launched Vexlo in March, a glass syringe system with break-loose force below 5 newtons.",
    "Vexcorp launched the Vexlo syringe, priced from 12,900 euros for a 12 kW filling line.",
    "Vexcorp opened 214 net stores in the quarter, and Vexlo syringes are now stocked everywhere.",
])
def test_a_count_of_another_thing_is_no_count_of_the_named_product(sentence):
    assert not states_count(sentence, *counted(NAMED_COUNT, NAMED_TOPIC))


@pytest.mark.parametrize("sentence", [
    "Vexcorp sold 2.1 million Vexlo syringes in the quarter.",
    "Vexlo shipments reached 2.1 million in the quarter.",
    "Vexcorp shipped 40 million units of Vexlo.",
])
def test_a_count_of_the_named_product_or_a_bare_count_answers(sentence):
    assert states_count(sentence, *counted(NAMED_COUNT, NAMED_TOPIC))


@pytest.mark.parametrize("question, topic, sentence", [
    # "how many stores" names no product: any count of things may answer, as before
    ("how many stores did vexcorp open", "how many stores did the company open", "Vexcorp opened 80 new Vexcorp Supply stores."),
    # the company's own name is no product's
    ("how many Vexcorp restaurants are there", "how many the company restaurants are there", "Vexcorp operates 3,726 company-owned restaurants."),
])
def test_a_count_of_a_common_noun_is_read_as_before(question, topic, sentence):
    assert states_count(sentence, *counted(question, topic))


def test_a_preposition_of_the_clause_before_a_conjunction_qualifies_nothing_after_it():
    wants = asked_for("vexcorp q1 revenue and y/y growth", "the company q1 revenue and y/y growth")
    assert states_change_of(wants, "Vexcorp's Q1 attendance rose 5% to 10.6 million and revenue grew 8% to EUR 126 million.")
    # (in its own clause a preposition still qualifies: tests/test_rules_round45.py)


def test_a_name_opening_on_a_letter_and_an_apostrophe_is_learned_whole_and_typed_either_way():
    notes = [(["ORX"], "O\u2019Rourke Automotive reported Q1 comps up 3.2%. O\u2019Rourke said professional sales rose."),
             (["ORX"], "O\u2019Rourke opened 50 stores. O\u2019Rourke Automotive raised guidance.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert learned.name.replace("\u2019", "'").startswith("O'Rourke")  # not "Rourke"
    resolver = TickerResolver(CompanyDirectory([learned]))
    for typed in ("o'rourke q1 comps", "O\u2019Rourke q1 comps"):
        assert [m.ticker for m in resolver.mentions(typed, case_sensitive_names=False)] == ["ORX"]


VEXMONT = Company("VXQ.TO", "Vexmont Quelle-Darant", ("Vexmont Quelle-Darant",), (), False)


def test_a_hyphenated_later_word_names_the_company_after_a_sentence_s_opening_word():
    notes = [(["VXQ.TO"], "Vexmont Quelle-Darant reported revenue up 5%. For Quelle-Darant, the risk is fuel."),
             (["VXQ.TO"], "Quelle-Darant opened 50 stores."),
             ([], "Quelle-Darant fourth-quarter EPS fell to $0.71.")]  # a note about no known company vetoes nothing
    assert "Quelle-Darant" in with_later_names([VEXMONT], notes, set())[0].aliases


def test_another_company_s_note_or_a_name_before_still_vetoes_a_later_word():
    elsewhere = [(["VXQ.TO"], "Quelle-Darant rose. Quelle-Darant fell."), (["TSLA"], "Unlike Quelle-Darant, Tesla cut prices.")]
    assert with_later_names([VEXMONT], elsewhere, set())[0].aliases == VEXMONT.aliases
    inside = [(["VXQ.TO"], "Quelle-Darant rose. Nord Quelle-Darant fell. Quelle-Darant said.")]
    assert with_later_names([VEXMONT], inside, set())[0].aliases == VEXMONT.aliases


def test_a_year_ending_a_sentence_is_still_a_figure_matched():
    from ingest.words import stems
    from ragbot.answering.features import figure_tokens
    sentence = "Vexcorp targets revenue of $5bn by 2026."
    assert "2026" in figure_tokens(stems(sentence), periods(sentence))


@pytest.mark.parametrize("sentence, part", [
    ("Vexcorp reported second-quarter FY2031 net earnings of $868 million.", True),
    ("Q2 of fiscal 2031 EPS was $0.92.", True),
    ("Fourth-quarter fiscal 2031 EPS fell to $0.71, taking full-year EPS to $3.12.", False),
    ("FY2025 revenue rose 4%; Q4 revenue fell 1%.", False),  # a fiscal year written alone is whole
])
def test_a_quarter_is_a_part_of_the_fiscal_year_written_with_it(sentence, part):
    assert states_part_of_year(sentence) is part


@pytest.mark.parametrize("sentence", [
    "Gross margin in the fourth fiscal quarter was 34.2%, bringing fiscal 2023 to 36.1%.",
    "Gross margin for the quarter was 34.2%, compared with 36.1% for fiscal 2023.",
])
def test_a_quarter_named_without_its_number_is_no_whole_year(sentence):
    assert period_fit(ASKED_Q4, stated_periods(sentence), {}) >= 0


@pytest.mark.parametrize("sentence", [
    "Acme's Q1 income from rentals and sales rose 8%.",  # "and" after no change opens no clause
    "Sales grew 8.4%; management will report on an organic basis from next year.",
])
def test_a_conjunction_or_a_basis_reaches_only_as_far_as_its_clause(sentence):
    wants = asked_for("acme q1 organic sales growth", "the company q1 organic sales growth")
    assert not (states_change_of(wants, sentence) and measured_as_asked(wants, sentence))


def test_a_possessive_first_word_is_no_name_and_an_initial_s_apostrophe_may_be_dropped():
    from ingest.tickers import declared_companies, first_name
    assert first_name("People's United Financial") is None and first_name("O'Rourke Automotive") == "O'Rourke"
    (company,) = declared_companies([("ORX", "O'Rourke Automotive")], set(), set())
    assert {"O'Rourke", "ORourke"} <= set(company.aliases)


def test_a_word_placing_a_name_still_vetoes_it():
    notes = [(["VXQ.TO"], "Vexmont Quelle-Darant grew. In Quelle-Darant, branch traffic fell. In Quelle-Darant, deposits rose.")]
    assert with_later_names([VEXMONT], notes, set())[0].aliases == VEXMONT.aliases


# From the new-user check: a name the notes lack, in the possessive or with an initial's apostrophe.
@pytest.mark.parametrize("text, name", [
    ("what are home-fixes' risks?", "home-fixes"),
    ("what are O'Brannigan's risks?", "O'Brannigan"),
    ("o'brannigan revenue?", "o'brannigan"),
])
def test_a_possessive_hyphenated_name_or_an_initial_s_apostrophe_is_a_name_asked(router, text, name):
    from ragbot.companies import unknown_name, unwritten_subject
    found = unknown_name(text, router.resolver, lambda word: False) or unwritten_subject(router.route(text), lambda word: False, lambda word: False)
    assert found == name


@pytest.mark.parametrize("text", ["how did the lowest-scored note read?", "what is the year-over-year growth?"])
def test_a_hyphenated_english_word_elsewhere_is_no_name(router, text):
    from ragbot.companies import unwritten_subject
    assert unwritten_subject(router.route(text), lambda word: False, lambda word: False) is None


def test_a_possessive_first_word_the_notes_write_alone_names_the_company():
    from ingest.tickers import possessive_first_name
    text = "Vexdor's Pizza reported. Vexdor\u2019s said sales rose. The Vexdor's app grew, and Vexdor's will open stores."
    assert possessive_first_name("Vexdor's Pizza", text) == "Vexdor's"
    # once is no habit, and part of another name is no name of this one
    assert possessive_first_name("Vexdor's Pizza", "Vexdor's Pizza reported. Vexdor's said.") is None
    shared = "People's United Financial reported. The People's Bank of China cut rates. People's said. People's rose."
    assert possessive_first_name("People's United Financial", shared) is None
