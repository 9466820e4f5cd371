"""Stage 5, scoring: a sentence's score is the sum of its weighted features, each term kept so
that ``--explain`` can show what made the score."""

from __future__ import annotations

from dataclasses import dataclass

from ragbot.answering.candidates import Candidate
from ragbot.answering.features import Features
from ragbot.answering.settings import FeatureWeights

_RELEVANCE = ("rerank", "lead_in")  # added last, as one term: (rerank - lead_in)
_SUBTRACTED = {"lead_in"}


@dataclass(frozen=True)
class Scored:
    """A candidate with its features, each feature's weighted contribution, and their sum."""

    candidate: Candidate
    features: Features
    contributions: dict[str, float]
    score: float
    logit: float | None = None  # the cross-encoder's own score of this sentence, if it read it


class Scorer:
    """score = sum over features of weight x value (``lead_in`` subtracted)."""

    def __init__(self, weights: FeatureWeights):
        self.weights = weights

    def contributions(self, features: Features) -> dict[str, float]:
        return {
            name: (-1 if name in _SUBTRACTED else 1) * getattr(self.weights, name) * value
            for name, value in features.items()
        }

    def score(self, candidate: Candidate, features: Features, logit: float | None = None) -> Scored:
        parts = self.contributions(features)
        prior = sum(v for k, v in parts.items() if k not in _RELEVANCE)
        relevance = [v for k, v in parts.items() if k in _RELEVANCE]
        total = prior + sum(relevance) if relevance else prior
        return Scored(candidate, features, parts, total, logit)


def ranked(scored: list[Scored]) -> list[Scored]:
    """Best first; ties keep their order (passage rank, then text order)."""
    return sorted(scored, key=lambda s: s.score, reverse=True)
