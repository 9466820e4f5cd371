"""Round 41: a company met only in passing is named by the words that tell it apart ("RB Global",
"Cross Country Healthcare" beside AMN Healthcare), also opening a sentence; a count may be asked
in a noun phrase ("subscriber count", "units sold"), and a product code is no count; a name may
end in "+" ("Industry+ segment"); "op" is desk shorthand for operating beside what it measures."""

import pytest

from ragbot.answering.answerability import asked_for, capitals_of, states_count, states_kind, states_named_quantity
from ragbot.glossary import expand, reads_as_shorthand

RB = "RB Global, which owns rival salvage auctioneer IAA, has pursued a similar surge strategy."
CROSS = "Cross Country Healthcare, whose pending sale has dragged on, is a reminder that consolidation is slow."
AMN = "AMN Healthcare (AMN) reported second-quarter 2025 revenue of $658 million, down 11% year over year."


def test_a_name_opening_a_sentence_is_a_name_in_capitals_or_capitalised():
    names = capitals_of([RB, CROSS, "Revenue rose 5%.", "EBITDA rose 4%.", "Group Revenue was $12bn.", "US Tariffs cut margins."]).names
    assert {"rb", "cross", "countri", "global"} <= names
    assert not names & {"ebitda", "group", "us"}  # an English word before one capitalised word names nothing


@pytest.mark.parametrize("question", [
    "what was group revenue in q3?", "what did us tariffs cost tesla in q3?",
    "ok, and product revenue growth that quarter?",  # two letters no name in the notes: no name
])
def test_an_english_word_a_sentence_opens_with_names_nothing(question):
    pool = ["Group Revenue was $12bn in Q3.", "US Tariffs cut gross margin by 80 bps."]
    assert asked_for(question, question, capitals=capitals_of(pool)).names == ()


@pytest.mark.parametrize(("question", "name"), [
    ("rb global adjusted ebitda margin, latest", {"rb"}),  # no English word: "rb"
    ("cross country healthcare q2 revenue?", {"cross"}),  # English words only: the first
])
def test_a_name_typed_in_lower_case_is_told_apart_by_its_distinctive_words(question, name):
    assert asked_for(question, question, capitals=capitals_of([RB, CROSS, AMN])).names == (frozenset(name),)


def test_a_word_a_passing_name_shares_with_a_known_company_does_not_make_its_sentence_answer():
    question = "cross country healthcare q2 revenue?"
    wants = asked_for(question, question, capitals=capitals_of([CROSS, AMN]))
    amn = frozenset({"amn", "healthcar", "report", "revenu", "quarter"})
    assert not states_named_quantity(wants, amn, frozenset({"healthcar", "amn"}), figure=True)


OUTLETS = {"store", "shop", "outlet", "branch", "locat", "restaur"}


@pytest.mark.parametrize(("question", "counted"), [
    ("the company keepsake subscriber count?", {"subscrib"}),
    ("csp-395gp units sold to date?", {"unit"}),
    ("store count at year end", OUTLETS),  # a store is counted by any outlet: "1,086 branches"
    ("how many stores did it open?", OUTLETS),
])
def test_a_count_asked_in_a_noun_phrase_is_a_count(question, counted):
    wants = asked_for(question, question)
    assert wants.count and wants.counted == counted


@pytest.mark.parametrize("question", [
    "tesla average selling price of units sold in q3 2025?",  # an amount per unit
    "tesla q3 2025 revenue at last count?",
])
def test_an_amount_or_a_ratio_of_what_is_counted_asks_no_count(question):
    assert not asked_for(question, question).count


def test_a_product_code_and_prices_are_no_count():
    launch = "Yamaha launched the Clavinova CSP-395GP at a list price of \u00a5495,000 in Japan and $6,999 in the United States."
    assert not states_count(launch, frozenset({"unit"}))
    assert states_count("It sold 12,000 CSP-395GP units in the quarter.", frozenset({"unit"}))
    assert states_kind("figure", "Tesla guided gross margin to the mid-20s.")  # a range of figures, no code


def test_a_name_ending_in_plus_qualifies_the_measure():
    question = "the company industry+ segment ebitda in q3"
    assert "industri" in asked_for(question, question).qualifiers


@pytest.mark.parametrize(("text", "read"), [
    ("yamaha new full-year core op profit forecast", True),
    ("op margin in q3", True),
    ("who wrote the op-ed?", False),
    ("what did the op say about it?", False),
    ("tesla rated OP; cash returns?", False),
])
def test_op_is_operating_only_beside_what_it_measures(text, read):
    assert reads_as_shorthand("op", text) is read
    assert ("(operating" in expand(text)) is read
