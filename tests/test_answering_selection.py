"""Stages 7 and 8, selection and composition: which ranked sentences are cited and how the
answer reads. Scores are set by hand through the ``dense`` feature. Fast, no model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from answering_helpers import passage, question

from ingest import CompanyDirectory, TickerResolver
from ragbot.answering.candidates import collect
from ragbot.answering.composition import NOT_FOUND, CompanyLabel, compose, not_found
from ragbot.answering.features import Features
from ragbot.answering.scoring import Scorer, ranked
from ragbot.answering.selection import Selector, near_duplicate
from ragbot.answering.settings import FeatureWeights

A = ["Cloud revenue grew 26% in the quarter on strong AI demand from enterprises.",
     "The cloud margin narrowed as depreciation from new data centers rose sharply.",
     "Management expects cloud capital spending to stay elevated through next year.",
     "Free cash flow improved as working capital needs eased across the business."]
B = ["Rival cloud revenue rose 18% as its enterprise customers migrated workloads.",
     "Its cloud margin widened on better utilisation of existing data centers."]


def scored(scores: dict[str, float], metadata: dict[str, dict] | None = None):
    """Candidates of notes a.txt (A) and b.txt (B), scored ``scores[text]`` (unlisted: dropped)."""
    metadata = metadata or {}
    pool = collect([passage(" ".join(A), "a.txt", **metadata.get("a.txt", {})), passage(" ".join(B), "b.txt", **metadata.get("b.txt", {}))])
    scorer = Scorer(FeatureWeights(**{n: 0.0 for n in FeatureWeights.model_fields if n != "dense"}, dense=1.0))
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0, primary=0)
    return ranked([scorer.score(c, Features(**zero, dense=scores[c.text]), logit=0.0) for c in pool if c.text in scores])


def texts(selection):
    return [s.candidate.text for s in selection.chosen]


def test_sentences_of_the_best_note_within_its_margin_are_cited():
    selection = Selector(keep_within=5.0).select(scored({A[0]: 10, A[1]: 5.5, A[2]: 4.9}), question("cloud"), 4)
    assert texts(selection) == [A[0], A[1]]
    assert [d.stage for d in selection.dropped] == ["selection"] and "more than 5 below" in selection.dropped[0].reason


def test_another_note_needs_to_be_closer_to_the_best():
    selection = Selector(keep_within=5.0, other_note_within=2.0).select(scored({A[0]: 10, B[0]: 8.5, B[1]: 7.5}), question("cloud"), 4)
    assert texts(selection) == [A[0], B[0]]


def test_a_question_across_companies_takes_one_sentence_per_note_within_the_wide_margin():
    ranking = scored({A[0]: 10, A[1]: 9.9, B[0]: 6, B[1]: 5.9})
    selection = Selector().select(ranking, question("cloud", across_companies=True), 4)
    assert texts(selection) == [A[0], B[0]]
    assert any("already has 1 cited sentence" in d.reason for d in selection.dropped)


def test_at_most_per_note_sentences_of_one_note():
    selection = Selector(per_note=2).select(scored({A[0]: 10, A[1]: 9, A[2]: 8, A[3]: 7}), question("cloud"), 4)
    assert texts(selection) == [A[0], A[1]]


def test_a_sentence_the_cross_encoder_finds_much_less_relevant_than_the_best_is_not_cited():
    # the cross-encoder's relevance of each sentence (a list item would carry its list's)
    relevance = {A[0]: 2.5, A[1]: 1.0, B[0]: -2.5}
    ranking = [replace(s, features=replace(s.features, rerank=relevance[s.candidate.text])) for s in scored({A[0]: 10, A[1]: 9, B[0]: 9.5})]
    assert texts(Selector(other_note_within=2.0).select(ranking, question("cloud"), 4)) == [A[0], B[0], A[1]]  # off: by score alone
    selection = Selector(other_note_within=2.0, relevance_within=3.0).select(ranking, question("cloud"), 4)
    assert texts(selection) == [A[0], A[1]]  # B[0] is 5.0 below the best's 2.5; A[1] 1.5
    assert any("cross-encoder relevance -2.50 more than 3 below" in d.reason for d in selection.dropped)


def test_across_companies_another_notes_sentence_is_not_held_to_the_best_sentences_relevance():
    relevance = {A[0]: 4.5, A[1]: 4.0, B[0]: 0.4}  # B[0] more than 4 below the best: its own note's answer all the same
    ranking = [replace(s, features=replace(s.features, rerank=relevance[s.candidate.text])) for s in scored({A[0]: 10, A[1]: 9, B[0]: 8})]
    assert texts(Selector(relevance_within=4.0).select(ranking, question("price cuts", across_companies=True), 4)) == [A[0], B[0]]
    assert B[0] not in texts(Selector(relevance_within=4.0).select(ranking, question("price cuts"), 4))  # one company: held to it


def test_near_duplicates_are_left_out():
    assert near_duplicate(frozenset("abcde"), frozenset("abcdf"), 0.6) and not near_duplicate(frozenset("abc"), frozenset("abd"), 0.6)
    ranking = scored({A[0]: 10, B[0]: 9.5, A[3]: 9})
    selection = Selector(other_note_within=5.0, near_duplicate=0.2).select(ranking, question("cloud"), 4)
    assert texts(selection) == [A[0], A[3]]  # B[0] shares cloud, revenue and enterprises with A[0]
    assert selection.dropped[0].candidate.text == B[0] and "near-duplicate" in selection.dropped[0].reason
    assert texts(Selector(other_note_within=5.0).select(ranking, question("cloud"), 4)) == [A[0], B[0], A[3]]


def test_the_limit_caps_the_answer():
    selection = Selector().select(scored({A[0]: 10, A[1]: 9, B[0]: 9.5}), question("cloud"), 2)
    assert texts(selection) == [A[0], B[0]]
    assert selection.dropped[0].reason == "the answer already has its sentences"


def test_a_lone_sentence_brings_the_next_sentence_of_its_passage():
    selection = Selector(keep_within=1.0).select(scored({A[1]: 10, A[0]: 0, A[2]: 0, A[3]: 0}), question("cloud"), 4)
    assert texts(selection) == [A[1], A[2]]


def test_a_lone_sentence_does_not_bring_a_next_sentence_the_cross_encoder_finds_irrelevant():
    lone = scored({A[1]: 10})
    pool = collect([passage(" ".join(A), "a.txt")])
    scorer = Scorer(FeatureWeights(**{n: 0.0 for n in FeatureWeights.model_fields if n != "dense"}, dense=1.0))
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0, primary=0)
    after = next(c for c in pool if c.text == A[2])
    for logit, cited in ((-9.0, [A[1]]), (-5.0, [A[1], A[2]])):  # under, then over, the floor of -6
        following = scorer.score(after, Features(**zero, dense=0.0, rerank=logit), logit=logit)
        assert texts(Selector(keep_within=1.0, min_relevance=-6.0).select(ranked([*lone, following]), question("cloud"), 4)) == cited


def test_a_comparison_keeps_the_best_relevant_sentence_about_each_company():
    meta = {"a.txt": {"primary_tickers": ["BABA"]}, "b.txt": {"primary_tickers": ["TCEHY"]}}
    ranking = scored({A[0]: 10, A[1]: 9.5, B[1]: 3}, meta)
    selection = Selector().select(ranking, question("cloud", ["BABA", "TCEHY"]), 4)
    assert texts(selection) == [A[0], A[1], B[1]]
    assert texts(Selector(min_relevance=1.0).select(ranking, question("cloud", ["BABA", "TCEHY"]), 4)) == [A[0], A[1]]


def test_the_answer_reads_by_note_in_text_order_with_a_marker_after_each_sentence():
    chosen = Selector().select(scored({A[2]: 10, B[0]: 9, A[0]: 8}), question("cloud"), 4).chosen
    answer = compose(question("cloud"), chosen)
    assert answer.text == f"{A[0]} [1] {A[2]} [2] {B[0]} [3]"
    assert [(c.source, c.sentence) for c in answer.citations] == [("a.txt", A[0]), ("a.txt", A[2]), ("b.txt", B[0])]
    assert answer.found and answer.citations[1].score == 10


def test_answers_across_companies_name_each_sentences_company():
    meta = {"a.txt": {"primary_tickers": ["BABA"]}, "b.txt": {"primary_tickers": ["TCEHY"]}}
    chosen = Selector().select(scored({A[0]: 10, B[0]: 9}, meta), question("cloud", across_companies=True), 4).chosen
    label = CompanyLabel(TickerResolver(CompanyDirectory.load()))
    answer = compose(question("cloud", across_companies=True), chosen, label)
    assert answer.text.startswith("Alibaba Group (BABA): Cloud revenue") and "Tencent (TCEHY): Rival" in answer.text
    assert compose(question("cloud"), chosen, label).text.startswith("Cloud revenue")  # one company asked: no names


BOTH = "The risk for both is a prolonged subsidy war that erodes profits just as growth stabilizes."


def test_a_sentence_about_both_of_its_notes_companies_is_quoted_with_their_names():
    label = CompanyLabel(TickerResolver(CompanyDirectory.load()))
    scorer = Scorer(FeatureWeights())
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0, primary=0, dense=0)
    for tickers, named in ((["BABA", "JD"], True), (["BABA"], False)):
        pool = collect([passage(f"{BOTH} {A[0]}", "ab.txt", primary_tickers=tickers)])
        chosen = [scorer.score(c, Features(**zero)) for c in pool]
        text = compose(question("risks", ["BABA"]), chosen, label).text
        assert text.startswith("Alibaba Group (BABA), JD.com (JD): The risk for both") is named, text
        assert (": Cloud revenue" in text) is False  # a sentence naming its own subject needs no label


RISKS = ["The risks deserve attention before the shares re-rate further.",
         "First, export controls could throttle capacity growth just as demand peaks.",
         "Second, the price war lowers revenue per unit of compute sold.",
         "Third, capital spending implies depreciation that exceeds cloud profit.",
         "Fourth, the spending competes with shareholder returns as buybacks slow.",
         "A fifth, softer risk is commoditization of open-weight models.",
         "Valuation remains undemanding at ten times earnings for patient holders."]


def list_ranking(scores: dict[int, float]):
    pool = collect([passage(" ".join(RISKS), "risks.txt")])
    scorer = Scorer(FeatureWeights(**{n: 0.0 for n in FeatureWeights.model_fields if n != "dense"}, dense=1.0))
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0, primary=0)
    return ranked([scorer.score(c, Features(**zero, dense=scores[RISKS.index(c.text)]), logit=0.0) for c in pool if RISKS.index(c.text) in scores])


def test_a_list_two_of_whose_items_are_cited_is_cited_whole_up_to_the_list_limit():
    ranking = list_ranking({1: 10, 2: 9.5, 3: 9.4, 4: 9.3, 5: 9.2, 0: 9.1, 6: 9.0})
    assert texts(Selector(per_note=3).select(ranking, question("risks"), 4)) == RISKS[1:6]  # every item, not the lead-in
    assert texts(Selector(per_note=3, list_limit=4).select(ranking, question("risks"), 4)) == RISKS[1:5]  # no more than list_limit
    assert texts(Selector(per_note=1).select(ranking, question("risks"), 4)) == RISKS[1:6]  # a lone item brings the next, so the list


def test_one_cited_item_does_not_bring_its_list():
    ranking = list_ranking({6: 10, 1: 9.9, 2: 1.0, 3: 1.0})
    assert texts(Selector(per_note=2, keep_within=1.0).select(ranking, question("risks"), 4)) == [RISKS[6], RISKS[1]]


def test_not_found_offers_one_sentence_of_each_closest_passage():
    answer = not_found(question("cloud"), scored({A[0]: 10, A[1]: 9, B[0]: 8}))
    assert answer.text == NOT_FOUND and not answer.found and answer.citations == []
    assert [c.sentence for c in answer.related] == [A[0], B[0]]
    assert "none of them is about BABA" in not_found(question("cloud", ["BABA"]), []).text


def test_a_callers_cap_on_sentences_holds_for_lists_too():
    ranking = list_ranking({1: 10, 2: 9.5, 3: 9.4, 4: 9.3, 5: 9.2})
    assert texts(Selector(per_note=3).select(ranking, question("risks", max_citations=2), 2)) == RISKS[1:3]


@pytest.mark.parametrize("sentence", [
    "Alibaba's cloud revenue grew 26%, with gains for both segments.",  # "both" of segments
    "Management neither confirmed nor denied the report.",
    "For Alibaba and JD, the risk for both is a price war.",  # names them itself
])
def test_a_sentence_that_names_its_companies_or_means_no_company_gets_no_names(sentence):
    label = CompanyLabel(TickerResolver(CompanyDirectory.load()))
    pool = collect([passage(sentence, "ab.txt", primary_tickers=["BABA", "JD"])])
    zero = dict(coverage=0, figures=0, period=0, rank=0, focus=0, latest=0, primary=0, dense=0)
    chosen = [Scorer(FeatureWeights()).score(c, Features(**zero)) for c in pool]
    assert compose(question("risks", ["BABA"]), chosen, label).text == f"{sentence} [1]"


def test_a_companys_risks_may_come_from_each_of_its_notes_within_its_own_notes_margin():
    ranking = scored({A[0]: 10, B[0]: 7.5, B[1]: 4.0})
    assert texts(Selector(keep_within=5.0, other_note_within=2.0).select(ranking, question("risks"), 4)) == [A[0]]
    risks = Selector(keep_within=5.0, other_note_within=2.0).select(ranking, question("risks"), 4, kind="risk")
    assert texts(risks) == [A[0], B[0]]  # 2.5 below: within 5, not within 2; 6 below stays out
