"""Round thirty-nine's rules of answerability, each read from a miss of blind set SS's first run
or of the earlier sets: what a question asks, and which sentence states it. Fast, no model."""

from __future__ import annotations

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ingest import CompanyDirectory, TickerResolver
from ingest.words import stem, stems
from ragbot.answering.answerability import (
    asked_for, asks_whole_year, figure_of_qualifier, risk_topic, states_count, states_only_like_for_like, states_other_quantity,
    states_part_of_year,
)
from ragbot.answering.answerer import ExtractiveAnswerer
from ragbot.answering.candidates import collect
from ragbot.answering.features import prior_features
from ragbot.periods import periods, relative_year, shift_years, spelled_out
from ragbot.routing import QueryRouter, theme_of

RESOLVER = TickerResolver(CompanyDirectory.load())


def test_an_abbreviation_written_with_dots_is_the_word_typed_without_them():
    assert {"us", "uk"} <= stems("U.S. and U.K. sales") and "us" in stems("us consumer segment")
    assert "3.5" in stems("revenue of 3.5 billion")  # a decimal keeps its point
    assert asked_for("scotts fq2 us consumer segment sales", "scotts fq2 us consumer segment sales").qualifiers == {"us", "consum", "segment"}


@pytest.mark.parametrize(("text", "quarter", "spelt"), [
    ("scotts fq2 us consumer sales", "2", ["fiscal second quarter"]),
    ("fq1 fy26 net sales", "1", ["first quarter fiscal 2026"]),
    ("Q3 sales", "3", ["third quarter"]),  # (round 54) a lone quarter too: "first-quarter revenue rose ..."
    ("Q3 2025 sales", "3", []),  # the cross-encoder reads "Q3 2025" already
])
def test_a_fiscal_quarter_in_shorthand_is_a_period(text, quarter, spelt):
    assert periods(text)["quarter"] == {quarter} and spelled_out(text) == spelt
    assert not {"fq1", "fq2"} & asked_for(text, text).measure  # a period, not a product code


def test_the_year_before_moves_the_previous_questions_years():
    assert [relative_year(q) for q in ("and the year before?", "the prior fiscal year?", "the year after", "last year")] == [-1, -1, 1, 0]
    assert shift_years("cvco fy2025 total net revenue", -1) == "cvco fy2024 total net revenue"
    assert shift_years("revenue in 2025 and FY'24, $2025.5 a share", -1) == "revenue in 2024 and FY'23, $2025.5 a share"
    router = QueryRouter(RESOLVER)
    asked = router.route("and the year before?", [{"role": "user", "content": "Tesla fy2025 total revenue"}, {"role": "assistant", "content": "..."}])
    assert "fy2024 total revenue" in asked.topic and "fy2025" not in asked.topic and asked.tickers == ["TSLA"]


def test_a_clause_names_the_asked_segment_only_with_all_its_words():
    sentence = "Specialty Vehicles segment net sales rose 9% to $470 million, while the Recreational Vehicles segment saw softer dealer orders."
    recreational = asked_for("recreational vehicles segment net sales in q3?", "recreational vehicles segment net sales in q3?")
    assert {"recreat", "vehicl"} <= recreational.qualifiers  # "segment" and "net" say how, not whose: they take no place of the three
    assert not figure_of_qualifier(sentence, recreational.qualifiers)
    assert figure_of_qualifier(sentence, asked_for("specialty vehicles segment sales", "specialty vehicles segment sales").qualifiers)


def test_a_size_is_no_count_unless_it_counts_the_asked_thing():
    assert not states_count("It launched the soil in a 2-cubic-foot bag at a suggested price of $15.98.", frozenset({"bag"}))
    assert states_count("It launched a 40-compound PFAS testing panel for utilities.", frozenset({"compound"}))
    assert states_count("It sold 4,770 factory-built homes in the quarter.", frozenset({"home"}))


@pytest.mark.parametrize(("text", "whole"), [
    ("how many homes did cavco sell in fiscal 2025", True), ("cavco fy25 revenue", True), ("full-year 2025 sales", True),
    ("sales in 2025", False),  # a bare year: the notes may give it only by quarter
    ("q4 fy25 revenue", False), ("fiscal 2025 first half sales", False),
])
def test_a_fiscal_or_full_year_asked(text, whole):
    assert asks_whole_year(text) is whole


@pytest.mark.parametrize(("sentence", "part"), [
    ("Cavco reported fiscal fourth-quarter 2025 net revenue of $508 million on 4,770 homes sold.", True),
    ("Revenue in the second quarter of fiscal 2025 was $5 million.", True),
    ("Q4 revenue rose 10%, bringing full-year revenue to $2 billion.", False),
    ("Factory-built homes sold [in units] | FY2024: 17,412 | FY2025: 19,165", False),
    ("Fiscal 2025 revenue was $2 billion, with Q4 up 8%.", False),
])
def test_a_quarters_figure_does_not_answer_for_its_year(sentence, part):
    assert states_part_of_year(sentence) is part


def test_a_whole_year_question_is_not_answered_by_a_quarter():
    q = question("how many homes did the company sell in fiscal 2025", ["CVCO"], text="how many homes did cavco sell in fiscal 2025")
    quarter = "Cavco reported fiscal fourth-quarter 2025 net revenue of $508 million on 4,770 factory-built homes sold."
    year = "Cavco sold 19,165 factory-built homes in fiscal year 2025, up from 17,412."
    pool = collect([passage(quarter, primary_tickers=["CVCO"]), passage(year, "b.txt", primary_tickers=["CVCO"])])
    fits = {c.text: f.answer_kind_fit for c, f in zip(pool, prior_features(q, pool, RESOLVER))}
    assert (fits[quarter], fits[year]) == (0.0, 1.0)


def test_comparable_sales_are_another_measure_than_total_revenue():
    total = asked_for("national vision total revenue growth q2 2025", "national vision total revenue growth q2 2025")
    comps = asked_for("eye q2 comps", "eye q2 comps")
    only_comps = "National Vision reported comparable store sales growth of 4.1% and adjusted diluted EPS of $0.19."
    assert states_only_like_for_like(only_comps, total) and not states_only_like_for_like(only_comps, comps)
    assert not states_only_like_for_like("Revenue rose 5% and comparable sales rose 4.5%.", total)  # the total too
    assert comps.kind == "figure" and comps.like_for_like


def test_desk_shorthand_folds_only_when_typed():
    typed = asked_for("eye q2 comps and adj eps", "eye q2 comps and adj eps (comparable sales, adjusted, earnings per share)")
    assert typed.forms["comp"] == {"compar", "sell"}
    written = asked_for("what were leslie's comparable sales?", "what were leslie's comparable sales?")
    assert "lesli" in written.qualifiers and "comp" not in written.measure  # whose sales, still read


def test_a_long_form_of_the_asked_measure_is_no_other_quantity():
    asked = asked_for("costco comparable sales excluding gas", "costco comparable sales excluding gas (comps)")
    sentence = "Net sales rose 9.1%, with total company comparable sales excluding gas and FX rising 6.8%."
    assert not states_other_quantity(asked, stems(sentence))


def test_guidance_is_stated_as_an_outlook_and_a_count_is_a_figure():
    asked = asked_for("what's the full-year guidance now?", "what's the full-year guidance now?")
    assert not states_other_quantity(asked, stems("The company cut its 2025 revenue outlook to about $1.8 billion."))
    assert asked_for("warby parker store count?", "warby parker store count?").kind == "figure"
    assert asked_for("the number of branches?", "the number of branches?").kind == "figure"


def test_a_risk_question_naming_nothing_at_risk_reads_as_risks():
    assert risk_topic(stems("what could go wrong for the company")) == {"compani", "risk"}
    assert risk_topic(stems("what could hurt the company volumes")) == stems("what could hurt the company volumes")  # names volumes
    router = QueryRouter(RESOLVER)
    assert router.route("what could go wrong for Tesla from here?").topic.endswith("(risks)")
    assert "(risks)" not in router.route("what could go wrong for Tesla around the robotaxi launch?").topic


@pytest.mark.parametrize(("topic", "theme"), [
    ("which names in coverage called out weather as a driver of demand?", "weather as a driver of demand?"),
    ("which of my names are getting hit by tariffs?", "getting hit by tariffs?"),
    ("anything in my notes about wildfire exposure?", "wildfire exposure?"),
    ("who's buying back stock across our coverage", "buying back stock"),
    ("which notes talk about share buybacks?", "share buybacks?"),
    ("Who is selling compute to OpenAI?", "selling compute to OpenAI?"),
    ("where is weather a swing factor across the coverage list?", "weather a swing factor ?"),
    ("any China-related risks flagged across the coverage?", "China-related risks?"),  # how the notes say it, after the theme
    ("which companies?", "which companies?"),  # nothing but the framing: kept whole
])
def test_a_question_across_the_notes_is_read_by_its_theme(topic, theme):
    assert theme_of(topic) == theme


class QueryRecordingReranker(SharedWordsReranker):
    """Records the queries the cross-encoder is asked with."""

    def __init__(self):
        super().__init__()
        self.queries: list[str] = []

    def score(self, query: str, texts: list[str]) -> list[float]:
        self.queries.append(query)
        return super().score(query, texts)


def test_the_cross_encoder_reads_the_theme_of_a_question_naming_no_company():
    reranker = QueryRecordingReranker()
    answerer = ExtractiveAnswerer(reranker, resolver=RESOLVER, min_relevance=0.0)
    notes = [passage("Weather conditions could reduce demand for pest control services.", primary_tickers=["ROL"])]
    answerer.answer(question("which names in coverage called out weather as a driver of demand?"), notes)
    answerer.answer(question("what did the company say about weather?", ["ROL"]), notes)
    assert reranker.queries[0] == "weather as a driver of demand?" and reranker.queries[-1] == "what did the company say about weather?"


def test_a_dotted_abbreviation_is_one_word_wherever_it_is_stemmed():
    assert stem("u.s") == stem("us") and stem("u.k") == "uk" and stem("3.5") == "3.5"
    answer = ExtractiveAnswerer(SharedWordsReranker(), resolver=RESOLVER, min_relevance=0.0).answer(
        question("what did the company say about the U.K.?", ["TSLA"]),
        [passage("Tesla said demand in the U.K. weakened sharply in the quarter.", primary_tickers=["TSLA"])],
    )
    assert answer.found


@pytest.mark.parametrize("asked", ["what could hurt the company?", "what could go wrong for the company?"])
def test_a_risk_question_is_answered_by_its_own_words_or_by_risks(asked):
    answerer = ExtractiveAnswerer(SharedWordsReranker(), resolver=RESOLVER, min_relevance=0.0)
    hurt = [passage("Tariffs could hurt Tesla's margins and a price war could derail the recovery.", primary_tickers=["TSLA"])]
    risks = [passage("The main risks are tariffs on imported cells and a price war in China.", primary_tickers=["TSLA"])]
    assert answerer.answer(question(asked, ["TSLA"]), risks).found
    assert answerer.answer(question("what could hurt the company?", ["TSLA"]), hurt).found


def test_years_stuck_to_a_quarter_move_too_and_a_comparison_keeps_both_years():
    assert [shift_years(s, -1) for s in ("3Q25 deliveries", "Q3'25 revenue", "Q3 25 revenue", "H1 25 sales", "FY00 sales")] == [
        "3Q24 deliveries", "Q3'24 revenue", "Q3 24 revenue", "H1 24 sales", "FY99 sales",
    ]
    router = QueryRouter(RESOLVER)
    history = [{"role": "user", "content": "Tesla fy2025 total revenue"}, {"role": "assistant", "content": "..."}]
    compared = router.route("how does that compare with the prior year?", history)
    assert "fy2025" in compared.search_text and "fy2024" in compared.search_text


@pytest.mark.parametrize("text", [
    "what does management count on for growth?", "which factors does the company count as tailwinds?", "what did a number of notes say about tariffs?",
])
def test_count_on_and_a_number_of_ask_no_figure(text):
    assert asked_for(text, text).kind is None


def test_a_year_qualifying_its_figure_is_a_whole_year_and_year_end_is_left_open():
    assert not states_part_of_year("Cavco's 2025 revenue reached $5.1 billion, with fourth-quarter revenue of $1.4 billion.")
    assert not asks_whole_year("net debt at year-end 2025?") and not asks_whole_year("annual recurring revenue in 2025")
    assert states_count("Acme opened 20-plus stores in the quarter.", frozenset({"store"}))
    assert states_count("It employs 12,000-odd staff.", frozenset())


def conversation(router: QueryRouter, *questions: str) -> list:
    history, routed = [], []
    for text in questions:
        routed.append(router.route(text, history))
        history += [{"role": "user", "content": text}, {"role": "assistant", "content": "..."}]
    return routed


def test_a_follow_up_asking_only_a_period_is_the_last_question_restated_for_it():
    router = QueryRouter(RESOLVER)
    chain = conversation(router, "What was Alibaba's cloud revenue growth in 2025?", "and the year before?", "and the year before?")
    assert [q.text for q in chain[1:]] == ["What was Alibaba's cloud revenue growth in 2024?", "What was Alibaba's cloud revenue growth in 2023?"]
    assert chain[2].tickers == ["BABA"]
    assert conversation(router, "What is Meta's capex outlook for 2025?", "and 2026?")[1].text == "What is Meta's capex outlook for 2026?"
    assert conversation(router, "Tesla Q2 2025 deliveries", "what about Q3?")[1].text == "Tesla Q3 2025 deliveries"
    sentiment = conversation(router, "What was the sentiment on Alibaba in 2025?", "and the year before?")[1]
    assert (sentiment.intent, sentiment.text) == ("sentiment", "What was the sentiment on Alibaba in 2024?")
    undated = conversation(router, "What is Alibaba's cloud margin?", "and the year before?")[1]
    assert undated.text == "and the year before?"  # no year to move: not the same question again


def test_how_a_question_asks_what_the_notes_say_is_no_part_of_its_theme():
    asked = "What did the notes say about the company's games business?"
    assert theme_of(asked, across=False) == "the company's games business?"
    assert theme_of("what are my notes saying on the freight recession?") == "the freight recession?"
    assert theme_of("What was the company's cloud revenue?", across=False) == "What was the company's cloud revenue?"
