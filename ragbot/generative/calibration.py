"""Calibrate the verifier's support threshold on labelled (sentence, passage) pairs
(``eval/support_pairs.jsonl``): the lowest threshold whose false-accept rate stays in bounds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from langchain_core.documents import Document

from ragbot.generative.verifier import Claim, Verdict, Verifier


@dataclass(frozen=True)
class SupportPair:
    """A sentence citing a passage, and whether a careful reader finds it supported."""

    id: str
    sentence: str
    passage: str
    supported: bool
    change: str  # how an unsupported sentence was made: figure, company, quarter, negation, unstated


@dataclass(frozen=True)
class Rates:
    threshold: float
    false_accept: float  # share of unsupported pairs verified, in [0, 1]
    true_accept: float  # share of supported pairs verified, in [0, 1]


def load_pairs(path: Path) -> list[SupportPair]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [SupportPair(r["id"], r["sentence"], r["passage"], r["supported"], r["change"]) for r in rows]


def judge(verifier: Verifier, pairs: list[SupportPair]) -> list[Verdict]:
    """Each pair's verdict with the threshold off (``score`` and rule problems are what count)."""
    threshold, verifier.threshold = verifier.threshold, float("-inf")
    try:
        return [verifier.verify(Claim(p.sentence, (1,)), [Document(p.passage)]) for p in pairs]
    finally:
        verifier.threshold = threshold


def rates(pairs: list[SupportPair], verdicts: list[Verdict], threshold: float) -> Rates:
    accepted = [v.verified and v.score is not None and v.score >= threshold for v in verdicts]
    bad = [a for a, p in zip(accepted, pairs) if not p.supported]
    good = [a for a, p in zip(accepted, pairs) if p.supported]
    return Rates(threshold, sum(bad) / max(1, len(bad)), sum(good) / max(1, len(good)))


def calibrate(pairs: list[SupportPair], verdicts: list[Verdict], max_false_accept: float = 0.05) -> Rates:
    """The lowest threshold (most supported sentences kept) with false accepts <= ``max_false_accept``."""
    scores = sorted({round(v.score, 2) for v in verdicts if v.score is not None}) or [0.0]
    for threshold in scores:
        found = rates(pairs, verdicts, threshold)
        if found.false_accept <= max_false_accept:
            return found
    return rates(pairs, verdicts, float("inf"))
