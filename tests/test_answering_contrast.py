"""The qualifier contrast (``contrast.py``): the question's generalisations, the feature from a
deterministic stand-in for the cross-encoder (score = shared words), its gate floor, and the
answerer computing it only when the floor is set. Fast, no model."""

from __future__ import annotations

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ragbot.answering.answerability import asked_for, generalisations
from ragbot.answering.candidates import collect
from ragbot.answering.contrast import QualifierContrast
from ragbot.answering.features import Features
from ragbot.answering.gate import Answerability
from ragbot.answering.scoring import Scorer
from ragbot.answering.settings import AnsweringSettings, FeatureWeights
from ragbot.extractive import ExtractiveAnswerer
from ragbot.glossary import expand

SEGMENT = "What was Retail revenue in Q3 2025?"
ANSWER = "Retail revenue rose 12% to RMB 260 billion in Q3 2025."
NEAR_MISS = "Total revenue rose 15% to RMB 299 billion in Q3 2025."


def test_each_asked_part_is_taken_out_once_and_a_question_without_one_has_no_generalisation():
    assert generalisations(SEGMENT, asked_for(SEGMENT, SEGMENT)) == {
        "qualifier": "What was revenue in Q3 2025?", "quantity": "What was Retail in Q3 2025?"}
    growth = "How fast did Yuanbao's revenue grow?"
    assert generalisations(growth, asked_for(growth, growth)) == {
        "qualifier": "How fast did revenue grow?", "quantity": "How fast did Yuanbao's grow?"}  # "grow" is no quantity noun
    when = "When will the company sign the Gemini deal?"
    assert generalisations(when, asked_for(when, when))["time"] == "will the company sign the Gemini deal?"
    assert generalisations("What are the risks?", asked_for("What are the risks?", "What are the risks?")) == {}
    capex = "What was capex in Q2 2025?"  # the glossary's long form goes with its abbreviation
    assert generalisations(expand(capex), asked_for(capex, expand(capex)))["quantity"] == "What was in Q2 2025?"


def scored(text: str, logit: float):
    (candidate,) = collect([passage(text)])
    return Scorer(FeatureWeights()).score(candidate, Features(1, 1, 0, 1, 0, 0, 1, 0.5, rerank=logit, lead_in=0.0), logit)


def test_the_contrast_is_the_smallest_drop_over_the_parts_for_the_first_relevant_sentences_only():
    reranker = SharedWordsReranker()
    contrast = QualifierContrast(reranker, top=2, min_relevance=1.0)
    answer, near, weak, late = scored(ANSWER, 5.0), scored(NEAR_MISS, 4.0), scored("Retail revenue was not broken out this time.", 0.5), scored(ANSWER + " More.", 3.0)
    values = contrast.run(question=question(SEGMENT), ranked=[answer, weak, near, late])
    # the answer states "Retail": the question fits it one shared word better than without it
    assert values == {id(answer.candidate): 1.0, id(near.candidate): 0.0}  # under the floor, or past top, not judged
    assert len(reranker.read) == 2 * 3  # (question + 2 generalisations) x 2 sentences
    bare = SharedWordsReranker()
    assert QualifierContrast(bare, 2, 1.0).run(question=question("What are the risks?"), ranked=[answer]) == {id(answer.candidate): 0.0}
    assert bare.read == []  # nothing to take out: no model call


@pytest.mark.parametrize(("value", "floor", "refused"), [(None, None, False), (-3.0, None, False), (None, -1.0, True),
                                                         (-3.0, -1.0, True), (-1.0, -1.0, False), (0.5, 0.5, False)])
def test_the_gate_floor_refuses_a_sentence_below_it_or_not_judged_and_is_off_by_default(value, floor, refused):
    features = Features(1, 1, 0, 1, 0, 0, 1, 0.5, rerank=2.0, lead_in=0.0, qualifier_contrast=value)
    misfit = Answerability(0, 0, frozenset(), floor).misfit(Scorer(FeatureWeights()).score(None, features, 2.0))
    assert (misfit is not None) == refused
    assert AnsweringSettings().min_qualifier_contrast is None


def test_the_answerer_computes_it_only_with_its_floor_and_the_gate_and_explain_use_it():
    notes = [passage(NEAR_MISS, "a.txt", dense_score=0.6), passage(ANSWER, "b.txt", dense_score=0.5)]
    plain = SharedWordsReranker()
    default = ExtractiveAnswerer(plain, min_relevance=1.0).answer(question(SEGMENT), notes)
    assert default.found and all("qualifier_contrast" not in s.features for s in default.trace.sentences)
    assert len(plain.read) == 2  # the pool only

    strict = ExtractiveAnswerer(SharedWordsReranker(), min_relevance=1.0, settings=AnsweringSettings(min_qualifier_contrast=0.5, min_qualifier_match=0, min_named_quantity=0))
    found = strict.answer(question(SEGMENT), notes)
    assert found.found and found.trace.gate.evidence == ANSWER  # the near miss, ranked first, does not decide
    assert {s.sentence: s.features["qualifier_contrast"] for s in found.trace.sentences} == {ANSWER: 1.0, NEAR_MISS: 0.0}
    refused = strict.answer(question(SEGMENT), notes[:1])
    assert not refused.found and "qualifier_contrast 0.00 < 0.5" in refused.trace.gate.unanswered


def test_a_sentence_beside_the_evidence_needs_no_contrast_of_its_own():
    notes = [passage(f"{ANSWER} Retail margin held at 4.1% in Q3 2025 on Retail revenue mix.", "a.txt", dense_score=0.6)]
    settings = AnsweringSettings(min_qualifier_contrast=-20, qualifier_contrast_top=1, min_qualifier_match=0)
    answer = ExtractiveAnswerer(SharedWordsReranker(), min_relevance=1.0, settings=settings).answer(question(SEGMENT), notes)
    computed = [s for s in answer.trace.sentences if "qualifier_contrast" in s.features]
    assert answer.found and len(computed) == 1 and len(answer.citations) == 2  # the second was never contrasted
