"""The cross-encoder's cost per question, and how stable its scores are, under each speed option.

Each question of the labelled sets (``eval/``, holdout, final) is paired with ``--pool``
real sentences of the labelled notes (``realistic.py``'s pools: 30-60 tokens, as in real
notes), as the answerer's relevance stage pairs a question with its best candidates. Every
option scores the same pairs; for each it reports wall and CPU milliseconds per question and
how far its scores are from the same model scoring each pair alone (batch of one: the INT8
model quantizes each batch as a whole, so a batch's other texts move a score).

Options: ``threads`` (onnxruntime intra-op threads), ``spin`` (idle threads busy-wait),
``batch``, ``by_length`` (batch texts of similar length), ``pool`` (how many sentences are read).

    .venv/bin/python benchmarks/rerank_speed.py                  # 12 questions
    .venv/bin/python benchmarks/rerank_speed.py --questions 40
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import random

from benchmarks import realistic
from benchmarks.common import cpu_seconds, latency_ms, print_table, timed, write_results
from ragbot.rerank import OnnxCrossEncoder
from ragbot.answering.settings import AnsweringSettings

OPTIONS = {  # name -> (OnnxCrossEncoder arguments, share of the pool read)
    "today (2 threads, spin, batch 16)": ({"threads": 2, "spinning": True, "batch_size": 16}, 1.0),
    "2 threads, no spin": ({"threads": 2, "spinning": False, "batch_size": 16}, 1.0),
    "1 thread": ({"threads": 1, "spinning": False, "batch_size": 16}, 1.0),
    "2 threads, no spin, by length, batch 8": ({"threads": 2, "spinning": False, "batch_size": 8, "by_length": True}, 1.0),
    "2 threads, no spin, one batch": ({"threads": 2, "spinning": False, "batch_size": 64}, 1.0),
    "2 threads, no spin, batch 1": ({"threads": 2, "spinning": False, "batch_size": 1}, 1.0),
    "2 threads, no spin, half the pool": ({"threads": 2, "spinning": False, "batch_size": 16}, 0.5),
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=12, help="questions (default 12)")
    pool = AnsweringSettings().rerank_pool
    parser.add_argument("--pool", type=int, default=pool, help=f"sentences per question (default {pool}, the answerer's rerank_pool)")
    parser.add_argument("--repeats", type=int, default=2, help="timed passes over the questions per option (default 2)")
    parser.add_argument("--name", default="rerank_speed", help="results file name (default rerank_speed)")
    return parser.parse_args()


def pairs(n: int, pool: int) -> list[tuple[str, list[str]]]:
    """``n`` (question, ``pool`` real note sentences) pairs, deterministic."""
    rng = random.Random("rerank-speed")
    records = [
        json.loads(line)
        for folder in realistic.SOURCE_SETS
        for line in (folder / "qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    lead, analysis = realistic.sentence_pools()
    sentences = [s for s, _ in lead + analysis]
    return [(rng.choice(records)["question"], rng.sample(sentences, pool)) for _ in range(n)]


def main() -> None:
    args = parse_args()
    asked = pairs(args.questions, args.pool)
    alone = OnnxCrossEncoder(batch_size=1, spinning=False)
    reference = [alone.score(q, texts) for q, texts in asked]
    rows = []
    for name, (options, share) in OPTIONS.items():
        model = OnnxCrossEncoder(**options)
        model.score(*asked[0])  # load and warm; not timed
        seconds, cpu, drift = [], [], 0.0
        for _ in range(args.repeats):
            for (question, texts), ref in zip(asked, reference):
                read = texts[: max(1, round(len(texts) * share))]
                started = cpu_seconds()
                scores, took = timed(model.score, question, read)
                cpu.append(cpu_seconds() - started)
                seconds.append(took)
                drift = max(drift, *(abs(a - b) for a, b in zip(scores, ref)))
        wall, used = latency_ms(seconds), latency_ms(cpu)
        rows.append({"option": name, "texts": len(read), "p50_ms": wall["p50_ms"], "p95_ms": wall["p95_ms"],
                     "cpu_p50_ms": used["p50_ms"], "max_score_drift": round(drift, 3)})
    print_table(rows, f"Cross-encoder per question: {args.questions} questions x {args.repeats}, {args.pool} real sentences each")
    write_results(args.name, {"results": rows}, args)


if __name__ == "__main__":
    main()
