"""Question latency on a large store, in one warm process.

Builds (once) a store of synthetic notes under benchmarks/.cache/store-<N>, then times, over
varied questions in the notes' vocabulary: routed hybrid retrieval alone, and ``Ragbot.ask``
with the reranker on and off. Targets: ask p50 < 500 ms with the reranker, < 150 ms without.

    nice -n 19 .venv/bin/python benchmarks/latency.py --build-only   # ~25 min at ~20 chunks/s
    .venv/bin/python benchmarks/latency.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
from collections import defaultdict

from benchmarks import synthetic
from benchmarks.common import cached_store, latency_ms, make_bot, peak_rss_mb, print_table, timed, write_results

TARGET_P50_MS = {"ask_reranker_on": 500, "ask_reranker_off": 150}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=5000, help="notes in the store (default 5000)")
    parser.add_argument("--questions", type=int, default=100, help="questions to time (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="question seed (default 0)")
    parser.add_argument("--build-only", action="store_true", help="build or check the cached store, then stop")
    parser.add_argument("--name", default="latency", help="results file name (default latency)")
    return parser.parse_args()


def retrieve(bot, question: str):
    """What ``Ragbot.ask`` does before answering: route, then hybrid retrieval by ticker."""
    routed = bot.router.route(question)
    return bot.retriever.invoke(routed.search_text, tickers=routed.tickers)


def main() -> None:
    args = parse_args()
    store = cached_store(args.notes)
    print(f"store: {store}")
    if args.build_only:
        return
    reranked = make_bot(store).warm_up()
    measures = {
        "retrieval": (reranked, retrieve),
        "ask_reranker_on": (reranked, lambda bot, q: bot.ask(q)),
        "ask_reranker_off": (make_bot(store, reranker=False).warm_up(), lambda bot, q: bot.ask(q)),
    }
    questions = synthetic.questions(args.questions, args.seed)
    for bot, fn in measures.values():  # first calls load caches; not timed
        for _, question in questions[:3]:
            fn(bot, question)
    seconds: dict[str, list[float]] = defaultdict(list)
    by_kind: dict[tuple[str, str], list[float]] = defaultdict(list)
    for kind, question in questions:  # interleaved, so load drift hits every measure alike
        for name, (bot, fn) in measures.items():
            _, took = timed(fn, bot, question)
            seconds[name].append(took)
            by_kind[(name, kind)].append(took)

    stats = measures["retrieval"][0].stats()
    rows = []
    for name, values in seconds.items():
        figures = latency_ms(values)
        target = TARGET_P50_MS.get(name)
        rows.append({"measure": name, **figures, "target_p50_ms": target, "meets": None if target is None else figures["p50_ms"] < target})
    kinds = sorted({kind for kind, _ in questions})
    kind_rows = [
        {"kind": kind, "n": len(by_kind[("retrieval", kind)]), **{f"{name}_p50_ms": latency_ms(by_kind[(name, kind)])["p50_ms"] for name in measures}}
        for kind in kinds
    ]
    print_table(rows, f"Latency over {len(questions)} questions, store of {stats.notes} notes / {stats.chunks} chunks")
    print_table(kind_rows, "p50 by question kind")
    print(f"peak RSS {peak_rss_mb()} MB")
    write_results(args.name, {"store": {"notes": stats.notes, "chunks": stats.chunks}, "results": rows,
                              "by_kind": kind_rows, "peak_rss_mb": peak_rss_mb()}, args)


if __name__ == "__main__":
    main()
