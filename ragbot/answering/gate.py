"""Stage 6, the answerability gate: is there evidence enough to answer, or is this "not in your
notes"? Each gate returns the evidence that decided, for ``--explain``. Which gate runs is
chosen when the answerer is built: with the cross-encoder, or without it."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.documents import Document

from ingest.words import stem
from ragbot.answering.answerability import ANSWER_KINDS, canonical_all, risk_topic
from ragbot.answering.scoring import Scored
from ragbot.routing import Question, topic_terms, without_the_worried


@dataclass(frozen=True)
class Answerability:
    """Does a sentence state what the question asks (``answerability.py``)? Its
    ``subject_match`` and ``measure_match`` reach their floors, it holds the asked kind of
    answer (``answer_kind_fit``) when the question asks one of ``kinds``, its ``named_quantity``
    reaches ``min_named_quantity``, its ``period`` reaches
    ``min_period`` when set and, when ``min_contrast`` is set, its ``qualifier_contrast``
    (``contrast.py``) was computed and reaches it."""

    min_subject: float = 1.0
    min_measure: float = 0.6
    kinds: frozenset[str] = frozenset(ANSWER_KINDS)  # the asked kinds of answer a sentence must hold
    min_contrast: float | None = None  # the floor on qualifier_contrast; None: not required
    min_period: float | None = None  # the floor on period (-1..1); None: not required
    min_qualifier: float = 0.0
    min_named_quantity: float = 0.0

    def lacking(self, s: Scored, kind: str | None = None, beside: bool = False) -> str | None:
        """The first feature of ``s`` under its floor, for a question asking ``kind`` of answer
        (None if ``s`` answers). ``beside``: ``s`` would be cited beside the gate's evidence, where
        a qualifier contrast left uncomputed (not among the first relevant sentences) is no fault."""
        f = s.features
        unjudged = beside and f.qualifier_contrast is None
        floors = [
            ("subject_match", f.subject_match < self.min_subject),
            ("measure_match", f.measure_match < self.min_measure),
            ("qualifier_match", f.qualifier_match < self.min_qualifier),
            ("named_quantity", f.named_quantity < self.min_named_quantity),
            ("period", self.min_period is not None and f.period < self.min_period),
            ("answer_kind_fit", kind in self.kinds and f.answer_kind_fit < 1),
            ("qualifier_contrast", self.min_contrast is not None and not unjudged
             and (f.qualifier_contrast is None or f.qualifier_contrast < self.min_contrast)),
        ]
        return next((name for name, under in floors if under), None)

    def misfit(self, s: Scored, kind: str | None = None, beside: bool = False) -> str | None:
        """Why ``s`` does not answer, as ``--explain`` says it (None if it does)."""
        name = self.lacking(s, kind, beside)
        if name is None:
            return None
        f = s.features
        if name == "answer_kind_fit":
            return f"it holds no answer of the asked kind ({ANSWER_KINDS[kind]})"
        if name == "qualifier_contrast" and f.qualifier_contrast is None:
            return "its qualifier contrast was not computed (not among the first relevant sentences)"
        floor = {"subject_match": self.min_subject, "measure_match": self.min_measure, "qualifier_match": self.min_qualifier,
                 "named_quantity": self.min_named_quantity,
                 "period": self.min_period, "qualifier_contrast": self.min_contrast}[name]
        return f"{_WHY[name]} ({name} {getattr(f, name):.2f} < {floor:g})"

    def plainly(self, s: Scored, kind: str | None = None) -> str:
        """What the closest passages lack, as the reply to the user says it ("" if nothing)."""
        name = self.lacking(s, kind)
        if name == "answer_kind_fit":
            return f"give no {_KIND_WORDS[kind]}"
        return _PLAIN.get(name, "")


# What a sentence under each floor fails to do: for --explain, and for the reply.
_WHY = {
    "subject_match": "the asked company is not its subject",
    "measure_match": "it does not state the asked measure",
    "qualifier_match": "it does not state the asked segment or product",
    "named_quantity": "it does not state the asked quantity of what the question names",
    "period": "it places what it states in another period than the asked one",
    "qualifier_contrast": "it fits the question without what narrows it better",
}
_PLAIN = {
    "subject_match": "are not about the company you asked about",
    "measure_match": "do not state what you asked for",
    "qualifier_match": "do not state the segment or product you asked about",
    "named_quantity": "name what you asked about but do not state the figure you asked for",
    "period": "are about another period than the one you asked about",
    "qualifier_contrast": "answer a more general question",
}
_KIND_WORDS = {"figure": "figure for it", "time": "date or time for it", "risk": "risk"}


@dataclass(frozen=True)
class GateDecision:
    """Found or not, the rule applied, and the evidence that decided it."""

    found: bool
    rule: str
    evidence: str  # the deciding sentence or passage ("" when there was none)
    value: float | None  # its score under the rule
    threshold: float
    unanswered: str = ""  # not found although relevant: why the best relevant sentence does not answer
    lacking: str = ""  # the same, as the reply says it: what the closest passages lack

    def to_json(self) -> dict:
        return {"found": self.found, "rule": self.rule, "evidence": self.evidence, "value": self.value,
                "threshold": self.threshold, "unanswered": self.unanswered, "lacking": self.lacking}


class RelevanceGate:
    """Found when a sentence the cross-encoder read scores at least ``min_relevance``, shares
    a topic word with the question (in itself or its passage: the cross-encoder alone finds
    "members" close to "employees") and states what the question asks (``answerability``).
    The floor is calibrated in docs/answering.md."""

    rule = "cross-encoder score >= floor, on a sentence sharing a topic word and stating what is asked"

    def __init__(self, min_relevance: float = -6.0, answerability: Answerability | None = None):
        self.min_relevance = min_relevance
        self.answerability = answerability or Answerability()

    def decide(self, *, question: Question, ranked: list[Scored], passages: list[Document], kind: str | None = None) -> GateDecision:
        topic = f"{question.topic} {question.previous_topic}"
        terms = frozenset(stem(t) for t in topic_terms(without_the_worried(topic) if kind == "risk" else topic))
        terms = terms | risk_topic(terms) if kind == "risk" else terms  # "what could go wrong for X?": also sentences on its risks
        terms = canonical_all(terms)  # a word and its forms Snowball stems apart are one: "growth", "grew"
        read = [s for s in ranked if s.logit is not None]
        topical = [s for s in read if not terms or terms & canonical_all(s.candidate.stems | s.candidate.context_stems)]
        relevant = [s for s in topical if s.logit >= self.min_relevance]
        passing = next((s for s in relevant if self.answerability.misfit(s, kind) is None), None)
        if passing is not None:
            return GateDecision(True, self.rule, passing.candidate.text, passing.logit, self.min_relevance)
        if relevant:
            best = relevant[0]
            why, lacking = self.answerability.misfit(best, kind) or "", self.answerability.plainly(best, kind)
            return GateDecision(False, self.rule, best.candidate.text, best.logit, self.min_relevance, why, lacking)
        best = max(topical or read, key=lambda s: s.logit, default=None)
        rule = self.rule if topical or not read else f"{self.rule} (no sentence shares one)"
        return GateDecision(False, rule, best.candidate.text if best else "", best.logit if best else None, self.min_relevance)


class DenseGate:
    """Without the cross-encoder: found when the best passage's cosine similarity to the
    question reaches ``min_dense_relevance`` and a sentence states what the question asks."""

    rule = "best passage cosine similarity >= floor, and a sentence stating what is asked"

    def __init__(self, min_dense_relevance: float = 0.52, answerability: Answerability | None = None):
        self.min_dense_relevance = min_dense_relevance
        self.answerability = answerability or Answerability()

    def decide(self, *, question: Question, ranked: list[Scored], passages: list[Document], kind: str | None = None) -> GateDecision:
        best = max(passages, key=lambda p: p.metadata.get("dense_score", 0.0))
        value = best.metadata.get("dense_score", 0.0)
        if value < self.min_dense_relevance:
            return GateDecision(False, self.rule, best.page_content, value, self.min_dense_relevance)
        if any(self.answerability.misfit(s, kind) is None for s in ranked):
            return GateDecision(True, self.rule, best.page_content, value, self.min_dense_relevance)
        why = self.answerability.misfit(ranked[0], kind) if ranked else "no candidate sentence"
        lacking = self.answerability.plainly(ranked[0], kind) if ranked else ""
        return GateDecision(False, self.rule, best.page_content, value, self.min_dense_relevance, why or "", lacking)
