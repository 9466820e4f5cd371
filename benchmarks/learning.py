"""Time to learn the companies the stored notes are about (``Ragbot.learn_from_notes``).

The chat learns them once per store generation: when it opens the store and after every ingest
(its own or another process's). It reads every chunk of every note (a company's name or its
first word in the possessive may first appear past a note's first chunk), so its cost grows
with the store. Stores come from ``benchmarks/common.cached_store`` (the realistic corpus).

    .venv/bin/python benchmarks/learning.py --notes 500
    nice -n 10 .venv/bin/python benchmarks/learning.py --notes 5000   # builds a 5,000-note store once (long)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import statistics

from benchmarks.common import cached_store, make_bot, print_table, timed, write_results


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, nargs="+", default=[500], help="store sizes (notes)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per store (the median is reported)")
    parser.add_argument("--name", default="learning", help="results file name")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    rows = []
    for n in args.notes:
        bot = make_bot(cached_store(n, corpus="realistic"))
        bot.warm_up()
        seconds = [timed(bot.learn_from_notes)[1] for _ in range(args.repeats)]
        rows.append({"notes": n, "chunks": bot.stats().chunks, "learn_median_s": round(statistics.median(seconds), 3),
                     "learn_max_s": round(max(seconds), 3)})
    print_table(rows, "Learning the notes' companies (once per store generation)")
    write_results(args.name, {"rows": rows}, args)


if __name__ == "__main__":
    main()
