"""Stage 6, the answerability gate: is there evidence enough to answer, or is this "not in your
notes"? Each gate returns the evidence that decided, for ``--explain``. Which gate runs is
chosen when the answerer is built: with the cross-encoder, or without it."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.documents import Document

from ingest.words import stem
from ragbot.answering.scoring import Scored
from ragbot.routing import Question, topic_terms


@dataclass(frozen=True)
class GateDecision:
    """Found or not, the rule applied, and the evidence that decided it."""

    found: bool
    rule: str
    evidence: str  # the deciding sentence or passage ("" when there was none)
    value: float | None  # its score under the rule
    threshold: float

    def to_json(self) -> dict:
        return {"found": self.found, "rule": self.rule, "evidence": self.evidence, "value": self.value, "threshold": self.threshold}


class RelevanceGate:
    """Found when a sentence the cross-encoder read scores at least ``min_relevance`` and
    shares a topic word with the question (in itself or its passage: the cross-encoder alone
    finds "members" close to "employees"). The floor is calibrated in docs/answering.md."""

    rule = "cross-encoder score >= floor, on a sentence sharing a topic word"

    def __init__(self, min_relevance: float = -6.0):
        self.min_relevance = min_relevance

    def decide(self, *, question: Question, ranked: list[Scored], passages: list[Document]) -> GateDecision:
        terms = {stem(t) for t in topic_terms(f"{question.topic} {question.previous_topic}")}
        read = [s for s in ranked if s.logit is not None]
        topical = [s for s in read if not terms or terms & (s.candidate.stems | s.candidate.context_stems)]
        passing = next((s for s in topical if s.logit >= self.min_relevance), None)
        if passing is not None:
            return GateDecision(True, self.rule, passing.candidate.text, passing.logit, self.min_relevance)
        best = max(topical or read, key=lambda s: s.logit, default=None)
        rule = self.rule if topical or not read else f"{self.rule} (no sentence shares one)"
        return GateDecision(False, rule, best.candidate.text if best else "", best.logit if best else None, self.min_relevance)


class DenseGate:
    """Without the cross-encoder: found when the best passage's cosine similarity to the
    question reaches ``min_dense_relevance``."""

    rule = "best passage cosine similarity >= floor"

    def __init__(self, min_dense_relevance: float = 0.52):
        self.min_dense_relevance = min_dense_relevance

    def decide(self, *, question: Question, ranked: list[Scored], passages: list[Document]) -> GateDecision:
        best = max(passages, key=lambda p: p.metadata.get("dense_score", 0.0))
        value = best.metadata.get("dense_score", 0.0)
        return GateDecision(value >= self.min_dense_relevance, self.rule, best.page_content, value, self.min_dense_relevance)
