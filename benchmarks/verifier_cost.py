"""The generative verifier's own cost per answer, on the passages real questions get (no LLM).

For each question of the labelled sets, the passages the generative answerer would number
[1]..[k] are taken from the real pipeline (routing, hybrid retrieval, cross-encoder ranking);
the "answer" is, for each of the first ``--sentences`` passages, its sentence sharing most words
with the question, citing that passage. Such sentences pass every rule, so each one costs the
full check including the cross-encoder: the worst case per sentence. Wall and CPU time per
answer are reported with the load average (others' work on the 2 cores inflates wall time).

    .venv/bin/python benchmarks/verifier_cost.py                  # eval + holdout + final, shipped settings
    .venv/bin/python benchmarks/verifier_cost.py --limit 8 --preselect 1 2 --batch-size 1 16   # each combination
    .venv/bin/python benchmarks/verifier_cost.py --profile        # also a pyinstrument profile
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse
import os
import tempfile

from benchmarks.common import ROOT, latency_ms, make_bot, timed_cpu, write_results
from ragbot.evaluation import load_records
from ragbot.evidence import stems
from ragbot.generative.verifier import Claim, Verifier
from ragbot.settings import Settings

SETS = {"eval": ROOT / "eval", "holdout": ROOT / "eval" / "holdout", "final": ROOT / "eval" / "final"}


def answers(name: str, store: Path, args) -> list[tuple[list[Claim], list]]:
    """(claims, prompt passages) for every question of set ``name`` that finds passages."""
    bot = make_bot(store / name, llm_base_url="http://127.0.0.1:9/v1", llm_model="none", llm_passages=args.passages)
    bot.ingest(SETS[name] / "notes")
    answerer = bot.answerer
    found = []
    for record in load_records(SETS[name] / "qa.jsonl")[: args.limit or None]:
        question = bot.route(record.question)
        passages = bot.retriever.invoke(question.search_text, tickers=question.tickers)
        ranked = answerer.extractive.rank(question, passages)[0]
        chosen = answerer.prompt_passages(question, ranked) if ranked else []
        words = stems(record.question)
        claims = []
        for n, passage in enumerate(chosen[: args.sentences], start=1):
            sentences = Verifier.evidence(passage)
            if sentences:
                best = max(sentences, key=lambda s: len(words & stems(s.text)))
                claims.append(Claim(best.text.strip(), (n,)))
        if claims:
            found.append((claims, chosen))
    return found


def measure(work: list, store: Path, preselect: int, batch_size: int, profile: bool) -> dict:
    """CPU and wall time per answer of the verifier built with these settings, over ``work``."""
    settings = dict(llm_base_url="http://127.0.0.1:9/v1", llm_model="none", support_preselect=preselect, support_batch_size=batch_size)
    verifier: Verifier = make_bot(store / "eval", **settings).answerer.verifier
    verifier.warm_up()
    verifier.verify_all(*work[0])  # warm: first-call allocations are not the steady cost
    profiler = None
    if profile:
        from pyinstrument import Profiler  # a benchmark-only tool: pip install pyinstrument

        profiler = Profiler(interval=0.001)
        profiler.start()
    wall, cpu, verdicts = [], [], []
    for claims, passages in work:
        found, seconds, cpu_s = timed_cpu(verifier.verify_all, claims, passages)
        wall.append(seconds)
        cpu.append(cpu_s)
        verdicts += found
    if profiler:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    figures = {
        "preselect": preselect,
        "batch_size": batch_size,
        "answers": len(work),
        "sentences": len(verdicts),
        "verified_share": round(sum(v.verified for v in verdicts) / len(verdicts), 3),
        "wall_per_answer": latency_ms(wall),
        "cpu_per_answer": latency_ms(cpu),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
    }
    print(f"preselect {preselect}, batch {batch_size}: {len(work)} answers, {len(verdicts)} sentences ({figures['verified_share']:.0%} verified); "
          f"per answer CPU p50 {figures['cpu_per_answer']['p50_ms']} ms (p95 {figures['cpu_per_answer']['p95_ms']}), "
          f"wall p50 {figures['wall_per_answer']['p50_ms']} ms (p95 {figures['wall_per_answer']['p95_ms']}); load average {figures['load_average_1min_at_end']}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: all)")
    parser.add_argument("--passages", type=int, default=6, help="passages in the prompt (RAGBOT_LLM_PASSAGES)")
    parser.add_argument("--sentences", type=int, default=4, help="sentences per answer, each citing one passage")
    parser.add_argument("--preselect", type=int, nargs="+", default=[Settings(_env_file=None).support_preselect],
                        help="candidate support sentences per claim (RAGBOT_SUPPORT_PRESELECT); several: one run each")
    parser.add_argument("--batch-size", type=int, nargs="+", default=[Settings(_env_file=None).support_batch_size],
                        help="support pairs per cross-encoder run (RAGBOT_SUPPORT_BATCH_SIZE); several: one run each")
    parser.add_argument("--name", default="verifier_cost", help="results file in benchmarks/results")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile of the verification")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ragbot-bench-verifier-") as store:
        work = [a for name in SETS for a in answers(name, Path(store), args)]
        runs = [measure(work, Path(store), p, b, args.profile) for p in args.preselect for b in args.batch_size]
    write_results(args.name, {"runs": runs}, args)


if __name__ == "__main__":
    main()
