"""Why an answer says what it says: for each candidate sentence, its features, their weighted
contributions, its score, and whether it was cited or which stage dropped it; and the gate's
deciding evidence. ``Answer.trace`` holds one; ``ragbot ask --explain`` prints it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ragbot.answering.candidates import Candidate, Dropped
from ragbot.answering.gate import GateDecision
from ragbot.answering.scoring import Scored

STAGE_ORDER = ("cited", "selection", "gate", "relevance", "candidates")


@dataclass(frozen=True)
class SentenceTrace:
    """One candidate sentence's path through the stages."""

    source: str
    start: int
    sentence: str
    features: dict[str, float]  # empty when dropped before features were computed
    contributions: dict[str, float]
    score: float | None
    cited: int | None  # its marker, when the answer cites it
    dropped_by: str | None  # the stage that left it out
    reason: str


@dataclass(frozen=True)
class AnswerTrace:
    """The whole path of one answer (``pipeline`` is "cross-encoder", "dense" or "sentiment";
    ``details``: what a pipeline without candidate sentences decided, e.g. a sentiment query's
    kind and features)."""

    pipeline: str
    gate: GateDecision | None  # None when there was no candidate to judge
    sentences: tuple[SentenceTrace, ...]  # cited first, then by the stage that dropped them, best first
    details: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"pipeline": self.pipeline, "gate": self.gate.to_json() if self.gate else None,
                "sentences": [asdict(s) for s in self.sentences], "details": self.details}


def build_trace(pipeline: str, gate: GateDecision | None, cited: list[tuple[int, Scored]],
                dropped: list[Dropped], scored: dict[int, Scored]) -> AnswerTrace:
    """``scored`` maps ``id(candidate)`` to its latest score, for dropped sentences that had one."""

    def entry(c: Candidate, s: Scored | None, n: int | None, stage: str | None, reason: str) -> SentenceTrace:
        return SentenceTrace(
            c.source, c.sentence.start, c.text,
            {k: round(v, 4) for k, v in s.features.items()} if s else {},
            {k: round(v, 4) for k, v in s.contributions.items()} if s else {},
            round(s.score, 4) if s else None, n, stage, reason,
        )

    rows = [entry(s.candidate, s, n, None, "cited") for n, s in cited]
    for d in dropped:
        rows.append(entry(d.candidate, scored.get(id(d.candidate)), None, d.stage, d.reason))
    rows.sort(key=lambda r: (STAGE_ORDER.index(r.dropped_by or "cited"), r.cited or 0, -(r.score if r.score is not None else float("-inf"))))
    return AnswerTrace(pipeline, gate, tuple(rows))


def explain(trace: AnswerTrace, limit: int = 12) -> str:
    """The trace as plain text: the gate, then each sentence with its score and contributions
    (at most ``limit`` of the dropped ones)."""
    lines = [f"pipeline: {trace.pipeline}", *(f"{k}: {v}" for k, v in trace.details.items())]
    if trace.gate:
        g = trace.gate
        value = "-" if g.value is None else f"{g.value:.3f}"
        lines.append(f"gate: {'found' if g.found else 'not found'} by {g.rule}: {value} vs floor {g.threshold:g}")
        if g.evidence:
            lines.append(f"  evidence: {g.evidence[:160]}")
        if g.unanswered:
            lines.append(f"  does not answer: {g.unanswered}")
    shown = [r for r in trace.sentences if r.cited] + [r for r in trace.sentences if not r.cited][:limit]
    for r in shown:
        head = f"[{r.cited}] cited" if r.cited else f"dropped by {r.dropped_by}: {r.reason}"
        score = "-" if r.score is None else f"{r.score:.3f}"
        lines.append(f"{head}  score {score}  {r.source}@{r.start}")
        lines.append(f"  {r.sentence[:160]}")
        if r.contributions:
            lines.append("  " + "  ".join(f"{k} {r.features[k]:.3g} -> {v:+.3f}" for k, v in r.contributions.items()))
    hidden = len(trace.sentences) - len(shown)
    if hidden > 0:
        lines.append(f"... {hidden} more dropped sentences (--json shows all)")
    return "\n".join(lines)
