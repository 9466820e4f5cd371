"""Stage 4c, qualifier contrast (the cross-encoder pipeline, only when its gate floor is set):
does a sentence answer the question *with* what narrows it (a segment, a product, the asked
quantity, "when"), or only the question without it? A near miss (the company's total revenue
for a segment's revenue, a product's targets for its growth, a sentence naming an event for
"when") should fit the question less well than the question without that part.

The cross-encoder scores the first ``top`` relevant sentences (best first, logit at least the
gate's floor) against the question and against each of its generalisations
(``answerability.generalisations``), in one batch; ``qualifier_contrast`` is the smallest
difference, question minus generalisation, over the parts. The question is read as typed, with
its companies (the topic the gate judges by names them "the company", and a segment alias such
as "JD Retail" would lose its segment), plus the glossary's long forms. Cost: ``top`` x (1 +
parts) pairs, at most 4 x ``top``."""

from __future__ import annotations

from ingest import TickerResolver
from ragbot.answering.answerability import asked_for, generalisations
from ragbot.answering.scoring import Scored
from ragbot.glossary import expand
from ragbot.rerank import Reranker
from ragbot.routing import Question


class QualifierContrast:
    """``qualifier_contrast`` (logit units, ~-10..10; 0 when the question has no part to
    remove) of the first ``top`` sentences whose logit reaches ``min_relevance``; the others
    are not judged (their feature stays None)."""

    def __init__(self, reranker: Reranker, top: int, min_relevance: float):
        self.reranker = reranker
        self.top = top
        self.min_relevance = min_relevance

    def run(self, *, question: Question, ranked: list[Scored], resolver: TickerResolver | None = None) -> dict[int, float]:
        """``qualifier_contrast`` by ``id(candidate)`` for the sentences judged."""
        judged = [s for s in ranked if s.logit is not None and s.logit >= self.min_relevance][: self.top]
        if not judged:
            return {}
        wants = asked_for(question.text, question.topic, resolver, question.previous_topic)
        asked = expand(question.text)  # with the long form of an abbreviation ("capex (capital expenditure)")
        queries = [asked, *generalisations(asked, wants).values()]
        if len(queries) == 1:
            return {id(s.candidate): 0.0 for s in judged}
        logits = self.reranker.score_pairs([(q, s.candidate.text) for s in judged for q in queries])
        n = len(queries)
        return {
            id(s.candidate): min(logits[i * n] - general for general in logits[i * n + 1 : (i + 1) * n])
            for i, s in enumerate(judged)
        }

