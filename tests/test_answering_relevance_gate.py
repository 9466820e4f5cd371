"""The cross-encoder's stage and the answerability gate, with a deterministic stand-in for the
cross-encoder (score = shared words). Fast, no model."""

from __future__ import annotations

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ragbot.answering.candidates import collect
from ragbot.answering.features import prior_features
from ragbot.answering.gate import DenseGate, RelevanceGate
from ragbot.answering.relevance import CachedReranker, CrossEncoderRelevance
from ragbot.answering.scoring import Scorer, ranked
from ragbot.answering.settings import FeatureWeights

LIST = (
    "The bull case is well understood, but the risks deserve equal attention. "
    "First, export controls could throttle capacity growth just as demand peaks. "
    "Second, pricing pressure from a domestic price war may shrink margins. "
    "Third, heavy capex implies depreciation that could exceed current profits."
)
OTHER = (
    "Cloud revenue grew 26% in the quarter on strong AI demand from enterprises. "
    "The company returned more cash to shareholders through a larger buyback program. "
    "Free cash flow improved as working capital needs eased across the business."
)


def cheap_ranking(q, passages):
    pool = collect(passages)
    return ranked([Scorer(FeatureWeights()).score(c, f) for c, f in zip(pool, prior_features(q, pool))])


def read_by(relevance, q, passages):
    read, dropped = relevance.run(query=q.topic, ranked=cheap_ranking(q, passages))
    return {c.text: (f, logit) for c, f, logit in read}, dropped


def test_the_cross_encoder_reads_only_the_pool_and_the_rest_is_dropped():
    q = question("cloud revenue growth")
    fake = SharedWordsReranker()
    read, dropped = read_by(CrossEncoderRelevance(fake, pool=2, cache=0), q, [passage(OTHER)])
    assert len(fake.read) == 2 == len(read) and len(dropped) == 1
    assert dropped[0].stage == "relevance" and dropped[0].candidate.text not in read


def test_the_pool_brings_the_other_items_of_its_lists():
    q = question("export controls risks")
    read, dropped = read_by(CrossEncoderRelevance(SharedWordsReranker(), pool=1, cache=0), q, [passage(LIST)])
    assert len(read) == 4 and dropped == []  # the best sentence is in a list of four


def test_a_list_shares_its_best_score_and_its_lead_in_is_marked():
    q = question("export controls")
    read, _ = read_by(CrossEncoderRelevance(SharedWordsReranker(), pool=24, cache=0), q, [passage(LIST)])
    logits = [logit for _, logit in read.values()]
    assert sorted(logits) == [0.0, 0.0, 0.0, 2.0]  # only "First, export controls ..." shares words
    assert {f.rerank for f, _ in read.values()} == {2.0}
    assert [f.lead_in for t, (f, _) in read.items() if t.startswith("The bull case")] == [1.0]
    assert sum(f.lead_in for f, _ in read.values()) == 1.0


def test_cached_scores_are_not_computed_twice():
    fake = SharedWordsReranker()
    cache = CachedReranker(fake, size=3)
    assert cache.score("cloud growth", ["cloud a", "growth b", "cloud a"]) == [1.0, 1.0, 1.0]
    assert fake.read == ["cloud a", "growth b", "cloud a"]  # a first call sends the batch unchanged
    assert cache.score("cloud growth", ["growth b", "c", "d"]) == [1.0, 0.0, 0.0]
    assert fake.read == ["cloud a", "growth b", "cloud a", "c", "d"]
    cache.score("cloud growth", ["cloud a"])  # evicted: the least recently used of four
    assert fake.read[-1] == "cloud a"
    cache.score("other question", ["growth b"])  # the query is part of the key
    assert fake.read[-1] == "growth b"
    assert CrossEncoderRelevance(fake, cache=0).reranker is fake


def reranked(q, passages, floor=0.0):
    read, _ = read_by(CrossEncoderRelevance(SharedWordsReranker(), cache=0), q, passages)
    scorer = Scorer(FeatureWeights())
    pool = collect(passages)
    return ranked([scorer.score(c, f, logit) for c in pool if c.text in read for f, logit in [read[c.text]]])


def test_the_gate_finds_a_topical_sentence_above_the_floor():
    q = question("export controls")
    passages = [passage(LIST)]
    decision = RelevanceGate(min_relevance=2.0).decide(question=q, ranked=reranked(q, passages), passages=passages)
    assert decision.found and decision.value == 2.0 and decision.evidence.startswith("First, export controls")
    decision = RelevanceGate(min_relevance=2.5).decide(question=q, ranked=reranked(q, passages), passages=passages)
    assert not decision.found and decision.value == 2.0 and decision.threshold == 2.5


def test_the_gate_needs_a_topic_word_not_the_cross_encoders_score_alone():
    class Generous(SharedWordsReranker):
        def score(self, query, texts):
            return [9.0 for _ in texts]

    q = question("employees headcount")
    passages = [passage(OTHER)]
    read, _ = CrossEncoderRelevance(Generous(), cache=0).run(query=q.topic, ranked=cheap_ranking(q, passages))
    scored = ranked([Scorer(FeatureWeights()).score(c, f, logit) for c, f, logit in read])
    decision = RelevanceGate(min_relevance=-6.0).decide(question=q, ranked=scored, passages=passages)
    assert not decision.found and "no sentence shares one" in decision.rule and decision.value == 9.0


def test_a_topic_word_is_shared_in_a_form_snowball_stems_apart():
    class Generous(SharedWordsReranker):
        def score(self, query, texts):
            return [1.0 for _ in texts]

    q = question("What was the company growth?")  # "What was AWS growth?": the sentence says "grew"
    passages = [passage("Amazon Web Services grew 17% to $29.3 billion in the March quarter.")]
    read, _ = CrossEncoderRelevance(Generous(), cache=0).run(query=q.topic, ranked=cheap_ranking(q, passages))
    scored = ranked([Scorer(FeatureWeights()).score(c, f, logit) for c, f, logit in read])
    assert RelevanceGate(min_relevance=-6.0).decide(question=q, ranked=scored, passages=passages).found


@pytest.mark.parametrize(("floor", "found"), [(0.52, True), (0.6, False)])
def test_without_the_cross_encoder_the_gate_is_the_best_passages_similarity(floor, found):
    q = question("cloud revenue")
    passages = [passage(OTHER, dense_score=0.41), passage(LIST, "b.txt", dense_score=0.55)]
    decision = DenseGate(floor).decide(question=q, ranked=cheap_ranking(q, passages), passages=passages)
    assert decision.found is found and decision.value == 0.55 and decision.evidence == LIST
