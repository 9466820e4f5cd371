"""Calibrate the generative verifier's support threshold on eval/support_pairs.jsonl.

Each labelled (sentence, passage) pair is verified with the real cross-encoder and the
company, period, figure and negation rules; the threshold is the lowest cross-encoder score
at which unsupported sentences are accepted at most 5% of the time.

    .venv/bin/python benchmarks/support_calibration.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse
import os
import statistics
import time
from collections import Counter

from benchmarks.common import ROOT, cpu_seconds, write_results
from ingest import CompanyDirectory, TickerResolver
from ragbot.generative.calibration import calibrate, judge, load_pairs, rates
from ragbot.generative.verifier import Verifier
from ragbot.rerank import OnnxCrossEncoder
from ragbot.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=ROOT / "eval" / "support_pairs.jsonl")
    parser.add_argument("--max-false-accept", type=float, default=0.05)
    parser.add_argument("--preselect", type=int, default=Settings(_env_file=None).support_preselect, help="candidate support sentences per claim")
    parser.add_argument("--name", default="support_calibration", help="results file in benchmarks/results")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    verifier = Verifier(OnnxCrossEncoder(), TickerResolver(CompanyDirectory.load()), preselect=args.preselect)
    verifier.warm_up()
    verdicts, seconds, cpu = [], [], []
    for pair in pairs:  # one at a time, to time each sentence's verification
        started, cpu_started = time.perf_counter(), cpu_seconds()
        verdicts += judge(verifier, [pair])
        seconds.append(time.perf_counter() - started)
        cpu.append(cpu_seconds() - cpu_started)
    per_pair_ms = statistics.median(seconds) * 1000
    # An answer of four sentences: four consecutive pairs about one passage. CPU time (all threads)
    # is the cost on a machine others are not using; wall time depends on what else runs.
    per_answer_ms = statistics.median(sum(seconds[i : i + 4]) for i in range(0, len(seconds) - 3, 4)) * 1000
    per_answer_cpu_ms = statistics.median(sum(cpu[i : i + 4]) for i in range(0, len(cpu) - 3, 4)) * 1000
    best = calibrate(pairs, verdicts, args.max_false_accept)
    current = rates(pairs, verdicts, Settings(_env_file=None).support_threshold)
    caught = Counter(p.change for p, v in zip(pairs, verdicts) if not p.supported and not v.verified)
    by_rule = Counter(p.change for p in pairs if not p.supported)
    print(f"{len(pairs)} pairs ({sum(p.supported for p in pairs)} supported); verifier p50 {per_pair_ms:.0f} ms per sentence, {per_answer_ms:.0f} ms per 4-sentence answer ({per_answer_cpu_ms:.0f} ms CPU)")
    print(f"calibrated threshold {best.threshold:.2f}: false accepts {best.false_accept:.1%}, supported kept {best.true_accept:.1%}")
    print(f"shipped threshold {current.threshold:.2f}: false accepts {current.false_accept:.1%}, supported kept {current.true_accept:.1%}")
    print("unsupported pairs caught by the rules alone:", {k: f"{caught[k]}/{n}" for k, n in by_rule.items()})
    for p, v in zip(pairs, verdicts):
        accepted = v.verified and v.score >= current.threshold
        if accepted != p.supported:
            print(f"  {'FALSE ACCEPT' if accepted else 'rejected'} {p.id} [{p.change}] score={v.score:.2f} {v.reason} :: {p.sentence}")
    write_results(args.name, {
        "pairs": len(pairs), "supported": sum(p.supported for p in pairs), "calibrated": vars(best),
        "shipped": vars(current), "p50_ms_per_sentence": round(per_pair_ms, 1), "p50_ms_per_4_sentence_answer": round(per_answer_ms, 1), "p50_cpu_ms_per_4_sentence_answer": round(per_answer_cpu_ms, 1), "load_average_1min": os.getloadavg()[0],
        "scores_supported_median": statistics.median(v.score for p, v in zip(pairs, verdicts) if p.supported),
    }, args)


if __name__ == "__main__":
    main()
