"""Question latency on a large store, in one warm process.

Builds (once) a store under benchmarks/.cache/ of realistic notes (``realistic.py``: the labelled
notes' real sentences recombined; the default) or of templated ``synthetic.py`` notes, then
times, over questions of every kind: routed hybrid retrieval alone, and ``Ragbot.ask`` (gate
included) with the reranker on and off. Targets on the 5,000-note realistic store: ask p50
<= 350 ms and p95 <= 600 ms with the reranker, p50 <= 100 ms without.

    nice -n 19 .venv/bin/python benchmarks/latency.py --build-only   # 5,000 notes: 20+ min
    .venv/bin/python benchmarks/latency.py                           # or --notes 500 for a quick run
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
from collections import defaultdict
from collections.abc import Callable

from benchmarks import realistic, synthetic
from benchmarks.common import cached_store, latency_ms, make_bot, peak_rss_mb, print_table, timed_cpu, write_results

ANSWERING = '{"rerank_cache": 0}'  # Settings.answering as JSON: see --answering
TARGET_MS = {"ask_reranker_on": (350, 600), "ask_reranker_off": (100, None)}  # (p50, p95) targets


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=5000, help="notes in the store (default 5000; 500 builds in minutes)")
    parser.add_argument("--corpus", choices=["realistic", "synthetic"], default="realistic", help="note text (default realistic)")
    parser.add_argument(
        "--answering", default=ANSWERING,
        help="JSON for Settings.answering (default: the cross-encoder's score cache off, since the realistic corpus "
        "repeats its source sentences far more than real notes do, which would flatter the cache)",
    )
    parser.add_argument("--questions", type=int, default=100, help="questions to time (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="question seed (default 0)")
    parser.add_argument("--build-only", action="store_true", help="build or check the cached store, then stop")
    parser.add_argument("--name", default="latency", help="results file name (default latency)")
    return parser.parse_args()


def retrieve(bot, question: str, history: list[dict]):
    """What ``Ragbot.ask`` does before answering: route, then hybrid retrieval by ticker."""
    routed = bot.router.route(question, history)
    return bot.retriever.invoke(routed.search_text, tickers=routed.tickers)


def ask(bot, question: str, history: list[dict]):
    return bot.ask(question, history=history)


def questions(corpus: str, n: int, seed: int) -> list[tuple[str, str, list[dict]]]:
    """(kind, question, history) triples in the corpus's vocabulary."""
    if corpus == "realistic":
        return realistic.questions(n, seed)
    return [(kind, question, []) for kind, question in synthetic.questions(n, seed)]


Measure = tuple[object, Callable[[object, str, list[dict]], object]]  # (bot, fn(bot, question, history))


def time_measures(
    measures: dict[str, Measure], asked: list[tuple[str, str, list[dict]]], warm: list[tuple[str, str, list[dict]]],
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[tuple[str, str], list[float]]]:
    """Each measure on every question of ``asked``, after the ``warm`` questions (untimed: first
    calls load caches; other questions, so no score cache hits): (wall seconds by measure, CPU
    seconds by measure, wall seconds by (measure, kind)). Measures are interleaved question by
    question, so load drift hits every measure alike."""
    for bot, fn in measures.values():
        for _, question, history in warm:
            fn(bot, question, history)
    seconds: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)  # this process's CPU time: less moved by other work than wall time
    by_kind: dict[tuple[str, str], list[float]] = defaultdict(list)
    for kind, question, history in asked:
        for name, (bot, fn) in measures.items():
            _, took, used = timed_cpu(fn, bot, question, history)
            seconds[name].append(took)
            cpu[name].append(used)
            by_kind[(name, kind)].append(took)
    return seconds, cpu, by_kind


def main() -> None:
    args = parse_args()
    store = cached_store(args.notes, corpus=args.corpus)
    print(f"store: {store}")
    if args.build_only:
        return
    answering = json.loads(args.answering)
    reranked = make_bot(store, answering=answering).warm_up()
    measures = {
        "retrieval": (reranked, retrieve),
        "ask_reranker_on": (reranked, ask),
        "ask_reranker_off": (make_bot(store, reranker=False, answering=answering).warm_up(), ask),
    }
    asked = questions(args.corpus, args.questions, args.seed)
    seconds, cpu, by_kind = time_measures(measures, asked, questions(args.corpus, 3, args.seed + 1))

    stats = measures["retrieval"][0].stats()
    rows = []
    for name, values in seconds.items():
        figures = latency_ms(values)
        p50, p95 = TARGET_MS.get(name, (None, None))
        meets = None if p50 is None else figures["p50_ms"] <= p50 and (p95 is None or figures["p95_ms"] <= p95)
        rows.append({"measure": name, **figures, "cpu_p50_ms": latency_ms(cpu[name])["p50_ms"],
                     "target_p50_ms": p50, "target_p95_ms": p95, "meets": meets})
    kinds = sorted({kind for kind, _, _ in asked})
    kind_rows = [
        {"kind": kind, "n": len(by_kind[("retrieval", kind)]),
         **{f"{name}_{p}_ms": latency_ms(by_kind[(name, kind)])[f"{p}_ms"] for name in measures for p in ("p50", "p95")}}
        for kind in kinds
    ]
    print_table(rows, f"Latency over {len(asked)} questions ({args.corpus}), store of {stats.notes} notes / {stats.chunks} chunks")
    print_table(kind_rows, "p50 by question kind")
    print(f"peak RSS {peak_rss_mb()} MB")
    write_results(args.name, {"store": {"notes": stats.notes, "chunks": stats.chunks}, "results": rows,
                              "by_kind": kind_rows, "peak_rss_mb": peak_rss_mb()}, args)


if __name__ == "__main__":
    main()
