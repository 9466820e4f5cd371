"""Stage 4b, relevance (the reranked pipeline only): the cross-encoder reads the best
``rerank_pool`` sentences by the cheap features, the best few holding the kind of answer asked
when those hold fewer (``kind_reserve``), plus the other items of their lists, and gives each its
``rerank`` and ``lead_in`` features; the sentences it does not read are dropped."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from threading import Lock

from ragbot.answering.candidates import Candidate, Dropped
from ragbot.answering.features import Features
from ragbot.answering.scoring import Scored
from ragbot.answering.settings import AnsweringSettings
from ragbot.rerank import Reranker


class CachedReranker(Reranker):
    """A reranker that remembers its scores by (query, text), least recently used dropped
    first: a re-asked question, or a follow-up on the same topic, reads the same sentences.

    Hand-written: ``functools.lru_cache`` caches one call, not each text of a batched call."""

    def __init__(self, reranker: Reranker, size: int = 4096):
        self.reranker = reranker
        self.size = size
        self._scores: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = Lock()

    def warm_up(self) -> None:
        self.reranker.warm_up()

    def score(self, query: str, texts: list[str]) -> list[float]:
        with self._lock:
            known = {t: self._scores[(query, t)] for t in texts if (query, t) in self._scores}
            for t in known:
                self._scores.move_to_end((query, t))
        missing = [t for t in texts if t not in known]  # repeats too: the batch is what the model alone would get
        fresh = dict(zip(missing, self.reranker.score(query, missing))) if missing else {}
        with self._lock:
            for t, s in fresh.items():
                self._scores[(query, t)] = s
            while len(self._scores) > self.size:
                self._scores.popitem(last=False)
        return [known[t] if t in known else fresh[t] for t in texts]


def shared_relevance(pool: list[Scored], logits: list[float]) -> list[float]:
    """Each sentence's cross-encoder score, raised to the best of its enumeration: when the
    lead-in or one item of a list of risks matches the question, the whole list does (items
    such as "Third, capex: ..." rarely repeat the words of the question)."""
    best: dict[tuple[str, int], float] = {}
    for s, logit in zip(pool, logits):
        if (group := s.candidate.enumeration) is not None:
            best[group] = max(best.get(group, logit), logit)
    return [best[s.candidate.enumeration] if s.candidate.enumeration else logit for s, logit in zip(pool, logits)]


def may_answer(scored: Scored) -> bool:
    """Whether a sentence could pass the gate: it holds the kind of answer asked
    (``answer_kind_fit``; every sentence does when none is asked) and itself shares a topic
    word with the question (``coverage``)."""
    return scored.features.answer_kind_fit > 0 and scored.features.coverage > 0


def with_kind_reserve(ranked: list[Scored], pool: int, reserve: int) -> tuple[list[Scored], list[Scored]]:
    """(read, rest): the first ``pool`` of ``ranked`` and, when fewer than ``reserve`` of them
    ``may_answer``, the best of the rest that may, until ``reserve`` do. (The cheap features
    rank by the passage: "Risks include ..." at the end of a long chunk ranks low for "X risks".)"""
    head, rest = ranked[:pool], ranked[pool:]
    short = reserve - sum(may_answer(s) for s in head)
    if short <= 0:
        return head, rest
    extra = [s for s in rest if may_answer(s)][:short]
    taken = {id(s) for s in extra}
    return head + extra, [s for s in rest if id(s) not in taken]


class CrossEncoderRelevance:
    """The cross-encoder's features for the sentences it reads (see the module docstring)."""

    def __init__(self, reranker: Reranker, pool: int | None = None, cache: int = 0, kind_reserve: int | None = None):
        self.reranker = CachedReranker(reranker, cache) if cache else reranker
        defaults = AnsweringSettings()  # (the settings hold the defaults)
        self.pool = defaults.rerank_pool if pool is None else pool
        self.kind_reserve = defaults.kind_reserve if kind_reserve is None else kind_reserve

    def warm_up(self) -> None:
        self.reranker.warm_up()

    def run(self, *, query: str, ranked: list[Scored]) -> tuple[list[tuple[Candidate, Features, float]], list[Dropped]]:
        """([(candidate, its features with ``rerank`` and ``lead_in``, its own logit)], dropped),
        from ``ranked``, best first by the cheap features."""
        head, rest = with_kind_reserve(ranked, self.pool, self.kind_reserve)
        lists = {s.candidate.enumeration for s in head if s.candidate.enumeration}
        read = head + [s for s in rest if s.candidate.enumeration in lists]
        dropped = [
            Dropped(s.candidate, "relevance", f"not among the {self.pool} best by the cheap features the cross-encoder reads")
            for s in rest if s.candidate.enumeration not in lists
        ]
        if not read:
            return [], dropped
        logits = self.reranker.score(query, [s.candidate.text for s in read])
        read_features = [
            (s.candidate, replace(s.features, rerank=shared, lead_in=float(s.candidate.lead_in)), logit)
            for s, shared, logit in zip(read, shared_relevance(read, logits), logits)
        ]
        return read_features, dropped
