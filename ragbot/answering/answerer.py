"""The default answerer, as stages: candidates -> features -> scoring -> (cross-encoder
relevance) -> gate -> selection -> composition. Routing and retrieval, the first two stages,
run before it in ``Ragbot.ask`` (``ragbot/routing.py``, ``ragbot/retrieval.py``).

No LLM; nothing is written that the notes do not say. With a reranker the pipeline adds the
cross-encoder's features and judges answerability by them; without one it judges by the
passages' dense similarity. Which one runs is decided when the answerer is built."""

from __future__ import annotations

import re
from dataclasses import replace

from langchain_core.documents import Document

from ingest import TickerResolver
from ragbot.answer import Answer, Answerer
from ragbot.answering.answerability import FIGURE_QUANTITIES, asked_for
from ragbot.answering.candidates import Dropped, about_asked, collect
from ragbot.answering.composition import CompanyLabel, compose, not_found
from ragbot.answering.contrast import QualifierContrast
from ragbot.answering.features import prior_features
from ragbot.answering.gate import Answerability, DenseGate, GateDecision, RelevanceGate
from ragbot.answering.overview import RULE as OVERVIEW_RULE
from ragbot.answering.overview import openings
from ragbot.answering.relevance import CrossEncoderRelevance
from ragbot.answering.scoring import Scored, Scorer, ranked
from ragbot.answering.selection import Selector
from ragbot.answering.settings import AnsweringSettings
from ragbot.answering.trace import build_trace
from ragbot.glossary import expand
from ragbot.periods import period_words, periods
from ragbot.rerank import Reranker
from ragbot.routing import Question, as_question, theme_of, without_as_things_stand
from ragbot.settings import Settings


def _default(name: str):
    """A default from ``Settings``, the one place defaults live."""
    return Settings.model_fields[name].get_default(call_default_factory=True)


# Words by which a follow-up names a time of its own, no period ("for the full year?", "year to date",
# "at year end", "the long-term target"): it continues no earlier period.
_OWN_TIME = re.compile(
    r"\b(?:years?|quarters?|months?|ytd|ltm|ttm|annual\w*|full|twelve|(?:long|medium|short)[- ]term|year[- ]end|today|now|currently)\b", re.IGNORECASE,
)


class ExtractiveAnswerer(Answerer):
    """Cites the sentences of the retrieved passages that best answer the question.

    ``reranker`` (a cross-encoder) or None chooses the pipeline; ``settings`` holds the
    feature weights and margins (validated by pydantic when built); the other arguments
    default to ``Settings``' values of the same meaning."""

    def __init__(
        self,
        reranker: Reranker | None = None,
        resolver: TickerResolver | None = None,
        max_sentences: int | None = None,
        per_note: int | None = None,
        min_relevance: float | None = None,
        min_dense_relevance: float | None = None,
        settings: AnsweringSettings | None = None,
    ):
        s = self.settings = AnsweringSettings.model_validate(settings or _default("answering"))
        min_relevance = _default("min_relevance") if min_relevance is None else min_relevance
        self.reranker = reranker
        self.resolver = resolver
        self.max_sentences = max_sentences or _default("max_citations")
        self.scorer = Scorer(s.weights)
        self.relevance = CrossEncoderRelevance(reranker, s.rerank_pool, s.rerank_cache, s.kind_reserve) if reranker else None
        contrast = s.min_qualifier_contrast if reranker else None  # it needs the cross-encoder
        self.contrast = QualifierContrast(reranker, s.qualifier_contrast_top, min_relevance) if contrast is not None else None
        answers = Answerability(
            s.min_subject_match, s.min_measure_match, frozenset(s.required_answer_kinds), contrast, s.min_period_fit, s.min_qualifier_match,
            s.min_named_quantity,
        )
        self.gate = (
            RelevanceGate(min_relevance, answers)
            if reranker
            else DenseGate(_default("min_dense_relevance") if min_dense_relevance is None else min_dense_relevance, answers)
        )
        self.selector = Selector(per_note or _default("sentences_per_note"), s.keep_within, s.other_note_within, s.near_duplicate, min_relevance, s.relevance_within, s.list_limit)

    def answering(self, scored: list[Scored], kind: str | None) -> tuple[list[Scored], list[Dropped]]:
        """The sentences that meet the gate's floors for a question asking ``kind`` of answer,
        which alone may be cited (as the gate's evidence had to: an answer cites no sentence
        about another segment, period or company beside the one that answers), and the others,
        dropped with the reason."""
        answers = self.gate.answerability
        why = {id(s): answers.misfit(s, kind, beside=True) for s in scored}
        return ([s for s in scored if why[id(s)] is None],
                [Dropped(s.candidate, "gate", f"does not answer: {why[id(s)]}") for s in scored if why[id(s)] is not None])

    @property
    def pipeline(self) -> str:
        return "cross-encoder" if self.relevance else "dense"

    def warm_up(self) -> None:
        if self.relevance:
            self.relevance.warm_up()

    def rank(self, question: Question, passages: list[Document]) -> tuple[list[Scored], list[Dropped], dict[int, Scored]]:
        """Stages 3-5 (and the cross-encoder's features, and the qualifier contrast when its
        floor is set): (ranked, dropped, every score by candidate id)."""
        pool, dropped = about_asked(question, collect(passages, self.settings.min_sentence_chars), self.resolver)
        scored = ranked([self.scorer.score(c, f) for c, f in zip(pool, prior_features(question, pool, self.resolver))])
        if self.relevance and scored:
            # (the model reads the theme: a question naming no company asks one across the notes)
            theme = theme_of(self.relevance_topic(question), across=not question.tickers, risks=question.asks_only_risks)
            query = as_question(without_as_things_stand(theme))
            read, cut = self.relevance.run(query=query, ranked=scored)
            dropped += cut
            by_id = {id(s.candidate): s for s in scored}
            scored = ranked([self.scorer.score(c, f, logit) for c, f, logit in read])
            if self.contrast:
                contrast = self.contrast.run(question=question, ranked=scored, resolver=self.resolver)
                scored = ranked([
                    self.scorer.score(s.candidate, replace(s.features, qualifier_contrast=contrast[id(s.candidate)]), s.logit)
                    if id(s.candidate) in contrast else s
                    for s in scored
                ])
            return scored, dropped, {**by_id, **{id(s.candidate): s for s in scored}}
        return scored, dropped, {id(s.candidate): s for s in scored}

    def relevance_topic(self, question: Question) -> str:
        """The topic the cross-encoder reads: a follow-up naming no quantity of its own, with what it
        continues ("and organically?" of "Q2 2025 safety services revenue"); "what about eps?" asks
        its own, and the previous measure's words would mislead the model. The continued topic is
        spelt out as the model read it when it was asked ("fy39 guide (guidance, fiscal 2039)"). A
        follow-up asking its own quantity but no period asks it for the period it continues, which
        the model reads too ("and organic growth? (q1 2039)")."""
        if not question.previous_topic:
            return question.topic
        if not asked_for(question.text, question.topic, self.resolver).quantities:
            return f"{expand(question.previous_topic)}, {question.topic}"
        continued = period_words(question.previous_topic) if not periods(question.text) and not _OWN_TIME.search(question.text) else ""
        return f"{question.topic} ({continued})" if continued else question.topic

    def asked_kind(self, question: Question) -> str | None:
        """The kind of answer the question itself asks for: "figure", "time", "risk" or None. A
        follow-up's kind is its own ("and when will it close?"), not the previous turn's: "and in
        the following quarter?" may be answered by what that quarter's notes say, figure or not.
        A follow-up the router reads as the previous question asked again ("And Ford?", its topic
        the previous one's) asks what that question asked; one naming only another quantity after
        a figure was asked ("what about the truck segment's margin" after "rail revenue 2035")
        asks its figure."""
        wants = asked_for(question.text, question.topic, self.resolver)
        if wants.kind is not None or not question.previous_topic:
            return wants.kind
        if question.topic == question.previous_topic and question.topic != question.text:
            return asked_for(question.topic, question.topic, self.resolver).kind
        # (an amount or a ratio: "what about the customers?", "what about pricing?" may be answered in words)
        only_a_quantity = bool(wants.quantities & FIGURE_QUANTITIES) and wants.measure == wants.quantities | wants.qualifiers
        before = asked_for(question.previous_topic, question.previous_topic, self.resolver).kind if only_a_quantity else None
        return "figure" if before == "figure" else None

    def decide(self, question: Question, ranked: list[Scored], passages: list[Document]) -> GateDecision:
        """Stage 6, the gate, told which kind of answer the question asks for."""
        return self.gate.decide(question=question, ranked=ranked, passages=passages, kind=self.asked_kind(question))

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        if question.asks_overview:
            return self.overview(question, passages)
        scored, dropped, scores = self.rank(question, passages)
        if not scored:
            answer = not_found(question, scored)
            answer.trace = build_trace(self.pipeline, None, [], dropped, scores)
            return answer
        kind = self.asked_kind(question)
        decision = self.gate.decide(question=question, ranked=scored, passages=passages, kind=kind)
        if not decision.found:
            answer = not_found(question, scored, decision.lacking)
            gated = [Dropped(s.candidate, "gate", "no evidence cleared the gate") for s in scored]
            answer.trace = build_trace(self.pipeline, decision, [], dropped + gated, scores)
            return answer
        answering, misfits = self.answering(scored, kind)
        selection = self.selector.select(answering, question, question.max_citations or self.max_sentences, kind)
        dropped += misfits
        return self._traced(compose(question, selection.chosen, CompanyLabel(self.resolver)), decision, selection.chosen, dropped + selection.dropped, scores)

    def overview(self, question: Question, passages: list[Document]) -> Answer:
        """The opening sentences of ``passages``, the first chunks of the newest notes about the
        asked companies (``overview.newest_about``), for a question that asks nothing narrower."""
        pool, dropped = about_asked(question, collect(passages, self.settings.min_sentence_chars), self.resolver)
        chosen = openings(pool, question.max_citations or self.max_sentences)
        scored = [self.scorer.score(c, f) for c, f in zip(chosen, prior_features(question, chosen, self.resolver))]
        if not scored:
            return replace(not_found(question, scored), trace=build_trace(self.pipeline, None, [], dropped, {}))
        decision = GateDecision(True, OVERVIEW_RULE, chosen[0].text, float(len({c.source for c in chosen})), 1.0)
        return self._traced(compose(question, scored), decision, scored, dropped, {id(s.candidate): s for s in scored})

    def _traced(self, answer: Answer, decision: GateDecision, chosen: list[Scored], dropped: list[Dropped], scores: dict[int, Scored]) -> Answer:
        """``answer`` with its trace: each chosen sentence under its marker, and the dropped ones."""
        by_sentence = {(c.source, c.start): c.n for c in answer.citations}
        cited = [(by_sentence[(s.candidate.source, s.candidate.sentence.start)], s) for s in chosen]
        answer.trace = build_trace(self.pipeline, decision, cited, dropped, scores)
        return answer
