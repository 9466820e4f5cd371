"""Evaluate answers on a labelled question set: retrieval of gold notes among the cited
sources (hit@k, MRR), citation precision, keyword recall, no-answer accuracy (overall and by
near-miss kind), answers citing another company's notes, latency.

The evaluator is a plain callable, in the manner of sentence-transformers' evaluators:
``AnswerEvaluator(records)(ask) -> EvalResult``.
"""

from __future__ import annotations

import functools
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
import warnings
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath

from ingest import CompanyDirectory
from ingest.tickers import same_listing
from ragbot.answer import Answer

AskFn = Callable[[str, list[dict]], Answer]
HIT_KS = (1, 3, 5)


@functools.cache
def _known_symbols() -> frozenset[str]:
    """The bundled alias table's symbols: a bare one of them is its own company, whatever listing shares its root."""
    return frozenset(CompanyDirectory.load().symbol_to_ticker)


@dataclass
class QARecord:
    """One labelled question (the ``eval/qa.jsonl`` format)."""

    id: str
    question: str
    gold_notes: list[str]
    answer_keywords: list[str] = field(default_factory=list)
    ticker: str | None = None
    kind: str = "factual"
    follows: str | None = None
    # Unanswerable questions that come close to what the notes say: "segment_figure",
    # "passing_company", "product_metric", "undated_event" or "other_measure" (eval/README.md).
    near_miss: str | None = None
    unknown_company: bool = False  # asks about a company no note is about
    typo: bool = False  # names a company misspelt

    @property
    def answerable(self) -> bool:
        return bool(self.gold_notes)

    @property
    def miss_kind(self) -> str | None:
        """The group an unanswerable record's no-answer accuracy is reported under, if any."""
        if self.answerable:
            return None
        return self.near_miss or ("unknown_company" if self.unknown_company else "typo" if self.typo else None)


def load_records(path: Path) -> list[QARecord]:
    """Read a JSONL file of ``QARecord`` fields; fields it does not know (a set's own notes,
    such as where an answer lies) are left out with one warning naming them."""
    known = {f.name for f in fields(QARecord)}
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    unknown = sorted({key for row in rows for key in row} - known)
    if unknown:
        warnings.warn(f"{path}: fields not used by the evaluation: {', '.join(unknown)}", stacklevel=2)
    return [QARecord(**{k: _near_miss_kind(v, path) if k == "near_miss" else v for k, v in row.items() if k in known}) for row in rows]


def _near_miss_kind(value: object, path: Path) -> str | None:
    """A record's near-miss kind: a string, or an object's ``type`` or ``kind`` (some sets
    describe the near miss: ``{"type": "segment_figure", "nearby": ...}``)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(kind := value.get("type", value.get("kind")), str):
        return kind
    raise ValueError(f"{path}: near_miss must be a kind or an object with a 'type', not {value!r}")


@dataclass
class Outcome:
    """How one answer scored."""

    record: QARecord
    answer: Answer
    seconds: float
    wrong_company: bool = False  # found, for a question with a ticker, citing notes about other companies and none about it
    unattributed: bool = False  # found, for a question with a ticker, citing only notes the store ties to no company

    @property
    def cited_notes(self) -> list[str]:
        return list(dict.fromkeys(PurePosixPath(c.source).name for c in self.answer.citations))

    def gold_rank(self) -> int | None:
        gold = set(self.record.gold_notes)
        return next((i for i, note in enumerate(self.cited_notes, start=1) if note in gold), None)

    def precision(self) -> float | None:
        cited = self.cited_notes
        return sum(n in self.record.gold_notes for n in cited) / len(cited) if cited else None

    def keyword_recall(self) -> float:
        text = self.answer.text.lower()
        words = self.record.answer_keywords
        return sum(w.lower() in text for w in words) / len(words) if words else 1.0


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def summarize(outcomes: list[Outcome]) -> dict:
    """The figures for one group of outcomes."""
    answerable = [o for o in outcomes if o.record.answerable]
    unanswerable = [o for o in outcomes if not o.record.answerable]
    ranks = [o.gold_rank() for o in answerable]
    figures = {"questions": len(outcomes)}
    for k in HIT_KS:
        figures[f"hit@{k}"] = _mean([1.0 if r and r <= k else 0.0 for r in ranks])
    figures["mrr"] = _mean([1.0 / r if r else 0.0 for r in ranks])
    figures["citation_precision"] = _mean([p for o in answerable if (p := o.precision()) is not None])
    figures["keyword_recall"] = _mean([o.keyword_recall() for o in answerable])
    figures["found_when_answerable"] = _mean([1.0 if o.answer.found else 0.0 for o in answerable])
    figures["no_answer_accuracy"] = _mean([0.0 if o.answer.found else 1.0 for o in unanswerable])
    figures["wrong_company"] = sum(o.wrong_company for o in outcomes)
    figures["unattributed"] = sum(o.unattributed for o in outcomes)
    return figures


def near_miss_figures(outcomes: list[Outcome]) -> dict[str, dict]:
    """No-answer accuracy of the unanswerable records per near-miss kind (and unknown company, typo)."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if (kind := outcome.record.miss_kind) is not None:
            groups[kind].append(outcome)
    return {
        kind: {"questions": len(group), "no_answer_accuracy": _mean([0.0 if o.answer.found else 1.0 for o in group])}
        for kind, group in sorted(groups.items())
    }


def latency(outcomes: list[Outcome]) -> dict:
    times = sorted(o.seconds * 1000 for o in outcomes)
    if not times:
        return {}
    return {"p50_ms": round(times[len(times) // 2], 1), "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1)}


@dataclass
class EvalResult:
    """Overall and per-kind figures, latency, and every outcome for inspection."""

    overall: dict
    by_kind: dict[str, dict]
    latency: dict
    outcomes: list[Outcome]
    by_near_miss: dict[str, dict] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"overall": self.overall, "by_kind": self.by_kind, "by_near_miss": self.by_near_miss, "latency": self.latency}


class AnswerEvaluator:
    """Asks every question (with the conversation so far for follow-ups) and scores the answers.

    ``about`` maps a note's source to the tickers it is about (``Ragbot.notes_about()``); with
    it, a found answer to a question with a ticker that cites notes about other companies only
    counts as a wrong-company answer, and one citing only notes about no known company as
    unattributed."""

    def __init__(self, records: list[QARecord], about: dict[str, list[str]] | None = None):
        self.records = records
        self.by_id = {r.id: r for r in records}
        self.about = about

    def cited_companies(self, record: QARecord, answer: Answer) -> list[str] | None:
        """The companies the notes a found answer to a question with a ticker cites are about,
        or None when there is nothing to judge (no ``about``, no ticker, not found)."""
        if self.about is None or not record.ticker or not answer.found or not answer.citations:
            return None
        return [t for c in answer.citations for t in self.about.get(c.source, [])]

    def is_wrong_company(self, record: QARecord, answer: Answer) -> bool:
        """Whether the notes cited are about other companies only. Notes the store ties to no
        company (no ticker line, a name the table lacks) are counted apart (``is_unattributed``):
        whose they are is not known."""
        cited = self.cited_companies(record, answer)
        # (one listing written with or without its exchange's suffix: "PUIG.MC" asked, "PUIG" scored)
        return bool(cited) and not any(same_listing(record.ticker, t, _known_symbols()) for t in cited)

    def is_unattributed(self, record: QARecord, answer: Answer) -> bool:
        """Whether every note cited is tied to no company in the store."""
        return self.cited_companies(record, answer) == []

    def history(self, record: QARecord, answers: dict[str, Answer]) -> list[dict]:
        """The user/assistant turns leading to ``record`` through its ``follows`` chain (each
        answer with its ``citations``)."""
        chain: list[QARecord] = []
        current = self.by_id.get(record.follows) if record.follows else None
        while current is not None:
            chain.insert(0, current)
            current = self.by_id.get(current.follows) if current.follows else None
        turns = []
        for earlier in chain:
            turns.append({"role": "user", "content": earlier.question})
            if earlier.id in answers:  # with its citations, as the web chat sends them
                turns.append({"role": "assistant", "content": answers[earlier.id].text, "citations": answers[earlier.id].citations})
        return turns

    def __call__(self, ask: AskFn) -> EvalResult:
        outcomes, answers = [], {}
        for record in self.records:
            history = self.history(record, answers)
            started = time.perf_counter()
            answer = ask(record.question, history)
            seconds = time.perf_counter() - started
            outcomes.append(Outcome(record, answer, seconds, self.is_wrong_company(record, answer), self.is_unattributed(record, answer)))
            answers[record.id] = answer
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in outcomes:
            groups[outcome.record.kind].append(outcome)
        by_kind = {kind: summarize(group) for kind, group in sorted(groups.items())}
        return EvalResult(summarize(outcomes), by_kind, latency(outcomes), outcomes, near_miss_figures(outcomes))
