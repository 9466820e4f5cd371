"""How two ``ragbot ingest`` processes on one machine share its cores (issue 15's "2 processes
>= 1.3x one"): realistic notes (``realistic.py``) split into folders A and B, each run a fresh
embedded store, every ingest a separate process with a cold embedding cache:

- one process, A+B, torch's default threads (every core), then with one thread;
- two processes at once, A | B, into one store: with torch's default threads each (so they
  oversubscribe the cores), then with half the cores each (``OMP_NUM_THREADS``).

Two processes embed at the same time (an ingest embeds before it takes the store's writer lock;
only the writes take turns). ``cores`` (CPU seconds of the commands over wall seconds) and
``chunks_per_cpu_s`` show what limits the ratio: one process already keeps most cores busy, so
on a machine of C cores two processes can gain at most C / (the single process's cores).

    .venv/bin/python benchmarks/ingest_threads.py --notes 400
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import os
import tempfile

from benchmarks.common import print_table, write_results
from benchmarks.scale import EMBEDDED, Machine, concurrently, throughput, write_folders


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=400, help="realistic notes, half in folder A, half in B (default 400)")
    parser.add_argument("--seed", type=int, default=0, help="note seed (default 0)")
    parser.add_argument("--name", default="ingest_threads", help="results file name (default ingest_threads)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    half = max(1, (os.cpu_count() or 2) // 2)
    with tempfile.TemporaryDirectory(prefix="ragbot-threads-") as tmp:
        root = Path(tmp)
        a, b = write_folders(root / "notes", args.notes, args.seed)

        def run(name: str, folders: list[Path], threads: int | None) -> dict:
            store = root / name
            store.mkdir()
            machine = Machine(store, {**EMBEDDED, "collection": "notes"}, threads)
            row = throughput(name, args.notes, *concurrently([(machine, folder) for folder in folders]))
            return {**row, "threads_per_process": threads or "default"}

        rows = [run("1 process", [root / "notes"], None), run("1 process, 1 thread", [root / "notes"], 1),
                run("2 processes", [a, b], None), run(f"2 processes, {half} thread(s) each", [a, b], half)]
    for row in rows:
        row["vs_1_process"] = round(row["chunks_per_s"] / rows[0]["chunks_per_s"], 3)
    print_table(rows, f"Ingest of {args.notes} notes on {os.cpu_count()} cores (target: 2 processes >= 1.3x 1 process)")
    write_results(args.name, {"runs": rows}, args)


if __name__ == "__main__":
    main()
