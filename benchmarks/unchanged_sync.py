"""An unchanged re-ingest as a share of the first ingest, embedded store (issue 15's target: <= 3%).

Writes ``--notes`` realistic notes (``realistic.py``), runs ``ragbot ingest NOTES --json --store S``
into a fresh store, then ``ragbot ingest NOTES --sync --json --store S`` ``--syncs`` times; each is
its own process, timed from start to exit (model load and imports included), with its CPU time.
An unchanged sync parses no file (``parsed_files`` 0) and loads no model (``ragbot.reading``).

    .venv/bin/python benchmarks/unchanged_sync.py --notes 1000     # about 2.5 min on a quiet 2-core machine
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import subprocess
import tempfile
import time

from benchmarks import realistic
from benchmarks.common import print_table, write_results
from benchmarks.scale import children_cpu

TARGET_SHARE = 0.03


def ingest(notes: Path, store: Path, sync: bool) -> dict:
    """One ``ragbot ingest`` process: its report, wall and CPU seconds."""
    command = [sys.executable, "-m", "ragbot.cli", "ingest", str(notes), "--json", "--store", str(store), *(["--sync"] if sync else [])]
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    report = json.loads(done.stdout)
    return {"run": "sync" if sync else "first", "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "parsed_files": report["parsed_files"], "embedded": report["embedded_chunks"], "chunks": report["chunks"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=1000, help="realistic notes (default 1000)")
    parser.add_argument("--syncs", type=int, default=3, help="unchanged syncs timed (default 3)")
    parser.add_argument("--name", default="unchanged_sync", help="results file name (default unchanged_sync)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ragbot-sync-") as tmp:
        notes = realistic.write_notes(Path(tmp) / "notes", args.notes)
        store = Path(tmp) / "store"
        runs = [ingest(notes, store, sync=False)] + [ingest(notes, store, sync=True) for _ in range(args.syncs)]
    first = runs[0]["wall_s"]
    for run in runs:
        run["share_of_first"] = round(run["wall_s"] / first, 4)
    print_table(runs, f"{args.notes} notes: first ingest, then unchanged --sync (target <= {TARGET_SHARE:.0%} of the first)")
    write_results(args.name, {"runs": runs, "target_share": TARGET_SHARE}, args)


if __name__ == "__main__":
    main()
