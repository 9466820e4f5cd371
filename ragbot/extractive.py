"""The default answerer: picks the sentences of the retrieved passages that best answer the
question and cites each one. No LLM; nothing is written that the notes do not say."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.documents import Document

from ingest import TickerResolver
from ragbot.answer import Answer, Answerer, Citation, is_about
from ragbot.evidence import Candidate, candidates, lexical_coverage, near_duplicate, newest_notes, stem, stems
from ragbot.periods import asks_latest, period_fit, periods
from ragbot.rerank import Reranker
from ragbot.routing import Question, topic_terms

NOT_FOUND = "I couldn't find this in your notes."


@dataclass(frozen=True)
class ScoreWeights:
    """How much each kind of cheap evidence counts in a sentence's score (see ``prior``)."""

    coverage: float = 2.0  # share of the topic's words in the sentence
    figures: float = 5.0  # the question's figures and periods anywhere in the passage
    period: float = 3.0  # the sentence (or its passage) names the asked period, not another
    rank: float = 1.0  # retrieval rank of the passage
    focus: float = 2.0  # a follow-up, and the note was quoted in the previous answer
    latest: float = 2.0  # the question asks for the latest figures, and this is the company's newest note
    primary: float = 2.0  # the note is mainly about an asked company
    dense: float = 5.0  # the passage's cosine similarity to the question
    rerank: float = 0.3  # the cross-encoder's logit
    lead_in: float = 5.0  # taken off a list's lead-in: its items say what it only announces


class ExtractiveAnswerer(Answerer):
    """Scores sentences by topic-word coverage and retrieval rank, then (if a reranker is set)
    by a cross-encoder; cites the best few, at most ``per_note`` per note, no near-duplicates."""

    def __init__(
        self,
        reranker: Reranker | None = None,
        resolver: TickerResolver | None = None,
        max_sentences: int = 4,
        per_note: int = 3,
        rerank_pool: int = 24,
        min_relevance: float = -6.0,
        min_dense_relevance: float = 0.52,
        keep_within: float = 5.0,
        weights: ScoreWeights = ScoreWeights(),
        other_note_within: float = 2.0,
    ):
        self.weights = weights
        self.resolver = resolver
        self.other_note_within = other_note_within
        self.reranker = reranker
        self.max_sentences = max_sentences
        self.per_note = per_note
        self.rerank_pool = rerank_pool
        self.min_relevance = min_relevance
        self.min_dense_relevance = min_dense_relevance
        self.keep_within = keep_within

    def warm_up(self) -> None:
        if self.reranker:
            self.reranker.warm_up()

    def prior(self, question: Question, pool: list[Candidate]) -> list[float]:
        """Cheap evidence: topic words in the sentence, the question's figures and periods
        ("Q2", "2025", "26%") anywhere in its passage or note title, whether the sentence
        names the asked period rather than another, retrieval rank, whether a follow-up's
        note was quoted in the previous answer, whether the note is mainly about the asked
        company (not a passing mention), and the passage's dense similarity to the question."""
        w = self.weights
        coverage = lexical_coverage(stems(question.topic), pool)
        asked_text = f"{question.topic} {question.previous_topic}"
        specific = {t for t in stems(asked_text) if any(ch.isdigit() for ch in t)}
        asked_periods = periods(asked_text)
        quoted = {c.source for c in pool if question.previous_answer and c.sentence.text in question.previous_answer}
        newest = newest_notes(pool) if asks_latest(question.text) else set()
        priors = []
        for candidate, cov in zip(pool, coverage):
            passage = candidate.passage
            matched = len(specific & (candidate.stems | candidate.context_stems)) / len(specific) if specific else 0.0
            wanted = periods_asked_of(question, passage, asked_periods)
            fit = period_fit(wanted, periods(candidate.sentence.text), candidate.context_periods)
            primary = bool(question.tickers) and is_about(passage.metadata, question.tickers)
            priors.append(
                w.coverage * cov
                + w.figures * matched
                + w.period * fit
                + w.rank / (1 + candidate.rank)
                + w.focus * (candidate.source in quoted)
                + w.latest * (candidate.source in newest)
                + w.primary * primary
                + w.dense * passage.metadata.get("dense_score", 0.0)
            )
        return priors

    def score(self, question: Question, pool: list[Candidate]) -> list[Candidate]:
        """Score candidates in place and return them best first."""
        for candidate, prior in zip(pool, self.prior(question, pool)):
            candidate.score = prior
        pool.sort(key=lambda c: c.score, reverse=True)
        if self.reranker and pool:
            pool = with_enumerations(pool[: self.rerank_pool], pool[self.rerank_pool :])
            logits = self.reranker.score(question.topic, [c.sentence.text for c in pool])
            for candidate, logit in zip(pool, logits):
                candidate.relevance = logit
            for candidate, relevance in zip(pool, shared_relevance(pool)):
                candidate.score += self.weights.rerank * relevance - self.weights.lead_in * candidate.lead_in
            pool.sort(key=lambda c: c.score, reverse=True)
        return pool

    def relevant(self, question: Question, ranked: list[Candidate], passages: list[Document]) -> bool:
        """Whether any evidence clears the calibrated floor (README, "Relevance floor"): the
        cross-encoder's score of a sentence that shares a topic word with the question (in
        itself or its passage: the cross-encoder alone finds "members" close to "employees"),
        or without the reranker the best dense similarity."""
        if not self.reranker:
            return max(p.metadata.get("dense_score", 0.0) for p in passages) >= self.min_dense_relevance
        terms = {stem(t) for t in topic_terms(f"{question.topic} {question.previous_topic}")}
        return any(
            c.relevance >= self.min_relevance and (not terms or terms & (c.stems | c.context_stems))
            for c in ranked
            if c.relevance is not None
        )

    def about_asked(self, question: Question, pool: list[Candidate]) -> list[Candidate]:
        """Drop sentences of notes about other companies that do not name an asked company:
        a passing mention of Google must not answer for Google with Apple's figures."""
        if not question.tickers or self.resolver is None:
            return pool
        asked = set(question.tickers)
        return [
            c for c in pool
            if is_about(c.passage.metadata, question.tickers) or asked & set(self.resolver.resolve(c.sentence.text))
        ]

    def _fits(self, candidate: Candidate, chosen: list[Candidate], best: Candidate, across: bool) -> bool:
        """Close enough to the best (closer still for another note, unless the question asks
        across companies), under the per-note cap (one per note across companies), and not a
        near-duplicate of a chosen sentence."""
        same_source = candidate.source == best.source
        margin = self.keep_within if same_source or across else self.other_note_within
        same_note = sum(c.source == candidate.source for c in chosen)
        return (
            candidate.score >= best.score - margin
            and same_note < (1 if across else self.per_note)
            and not any(near_duplicate(c.stems, candidate.stems) for c in chosen)
        )

    def select(self, ranked: list[Candidate], question: Question, limit: int) -> list[Candidate]:
        """The best ``limit`` sentences; for a question about several companies, the best
        relevant sentence about each one is kept too."""
        best = ranked[0]
        chosen = [best]
        for candidate in ranked[1:]:
            if len(chosen) < limit and self._fits(candidate, chosen, best, question.across_companies):
                chosen.append(candidate)
        if len(chosen) == 1 < limit:
            chosen += self.next_sentence(best, ranked)
        tickers = question.tickers
        for ticker in tickers if 1 < len(tickers) <= limit else []:
            if not any(is_about(c.passage.metadata, [ticker]) for c in chosen):
                extra = next((c for c in ranked if is_about(c.passage.metadata, [ticker])), None)
                if extra is not None and (extra.relevance or 0.0) >= self.min_relevance and extra not in chosen:
                    chosen.append(extra)
        return chosen

    @staticmethod
    def next_sentence(chosen: Candidate, ranked: list[Candidate]) -> list[Candidate]:
        """The sentence after ``chosen`` in its passage, if it was a candidate: a lone sentence
        is often a lead-in ("the risks deserve attention") whose substance follows."""
        after = [
            c for c in ranked
            if c.passage.id == chosen.passage.id and c.sentence.start > chosen.sentence.start
        ]
        return [min(after, key=lambda c: c.sentence.start)] if after else []

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        ranked = self.score(question, self.about_asked(question, candidates(passages)))
        if not ranked or not self.relevant(question, ranked, passages):
            return not_found(question, ranked)
        limit = question.max_citations or self.max_sentences
        label = self.company_label if question.across_companies else None
        return compose(question, self.select(ranked, question, limit)[:limit], label)

    def company_label(self, candidate: Candidate) -> str:
        """ "Nvidia (NVDA)": the companies a sentence's note is about, for answers across companies."""
        if self.resolver is None:
            return ""
        names = ((self.resolver.directory.name_of(t), t) for t in candidate.passage.metadata.get("primary_tickers") or [])
        return ", ".join(ticker if name == ticker else f"{name} ({ticker})" for name, ticker in names)

def with_enumerations(chosen: list[Candidate], rest: list[Candidate]) -> list[Candidate]:
    """``chosen`` plus the other items of the enumerations its sentences belong to."""
    lists = {c.enumeration for c in chosen if c.enumeration}
    return chosen + [c for c in rest if c.enumeration in lists]


def shared_relevance(pool: list[Candidate]) -> list[float]:
    """Each sentence's cross-encoder score, raised to the best of its enumeration: when the
    lead-in or one item of a list of risks matches the question, the whole list does (items
    such as "Third, capex: ..." rarely repeat the words of the question)."""
    best: dict[tuple[str, int], float] = {}
    for c in pool:
        if c.enumeration:
            best[c.enumeration] = max(best.get(c.enumeration, c.relevance), c.relevance)
    return [best[c.enumeration] if c.enumeration else c.relevance for c in pool]


def periods_asked_of(question: Question, passage: Document, default: dict[str, set[str]]) -> dict[str, set[str]]:
    """The periods asked for the company a passage's note is about (comparisons may ask each
    company for another quarter), else ``default``, the question's periods."""
    for ticker in passage.metadata.get("primary_tickers") or []:
        if ticker in question.company_periods:
            return question.company_periods[ticker]
    return default


def reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """Group sentences by note (best note first), each note's sentences in text order."""
    notes = list(dict.fromkeys(c.source for c in chosen))
    return sorted(chosen, key=lambda c: (notes.index(c.source), c.sentence.start))


def cite(n: int, candidate: Candidate) -> Citation:
    return Citation.from_passage(n, candidate.passage, candidate.sentence.start, candidate.sentence.end, candidate.score)


def compose(question: Question, chosen: list[Candidate], label: Callable[[Candidate], str] | None = None) -> Answer:
    """Each chosen sentence, as written in its note, followed by its marker; ``label`` names
    the company before each sentence when the question asks across companies."""
    ordered = reading_order(chosen)
    citations = [cite(n, c) for n, c in enumerate(ordered, start=1)]
    prefixes = [f"{name}: " if label and (name := label(c)) else "" for c in ordered]
    text = " ".join(f"{prefix}{c.sentence.text} [{n}]" for n, (prefix, c) in enumerate(zip(prefixes, ordered), start=1))
    return Answer(text=text, found=True, citations=citations, tickers=question.tickers)


def not_found(question: Question, ranked: list[Candidate], related: int = 3) -> Answer:
    """"Not in your notes", with the closest passages (one sentence each) as possibly related."""
    seen, closest = set(), []
    for candidate in ranked:
        if candidate.passage.id not in seen:
            seen.add(candidate.passage.id)
            closest.append(candidate)
    text = NOT_FOUND if ranked else no_notes_text(question)
    return Answer(text, False, [], question.tickers, [cite(n, c) for n, c in enumerate(closest[:related], 1)])


def no_notes_text(question: Question) -> str:
    if question.tickers:
        return f"I couldn't find this in your notes: none of them is about {', '.join(question.tickers)}."
    return NOT_FOUND
