"""Scale in server mode (issue 15): ingest throughput with one and two ingesting processes,
lost and duplicate chunks, unchanged re-ingest, and warm ``ask`` latency against the embedded
store, on one set of realistic notes (``realistic.py``) split into folders A and B.

1. one process: ``ragbot ingest`` of A+B (one folder holding ``a/`` and ``b/``, scope ``team``)
   into a fresh collection on the servers, chunks/s;
2. ``ragbot ingest --sync`` of the unchanged A+B folder into that store, as a share of its first
   ingest (the command, model load included; step 5 times the same sync in a warm process);
3. the embedded store of the same notes (Chroma ``PersistentClient`` + SQLite; built with store
   1's embedding cache, so its build time is not a throughput figure), and every note's chunks
   in the server store against the embedded store's: 0 lost, 0 duplicate, and Chroma, the record
   manager and the lexical index holding the same chunk ids;
4. warm ``Ragbot.ask`` p50/p95, reranker on and off, server store against the embedded store,
   on ``latency.py``'s questions, interleaved;
5. the same sync in this process, its model loaded and the store open, and in the embedded store;
6. two processes: ``ragbot ingest a/`` and ``ragbot ingest b/`` at once, each a machine of its
   own (store folder, so embedding cache; scope ``team-a``/``team-b``), into another fresh
   collection, each with half the cores for torch (``--threads-per-process``): chunks/s of both
   together, and their chunks against the embedded store's.

Every timed ingest is a ``ragbot ingest`` process with a cold embedding cache, timed from start to
exit. Targets: server ask p50 <= 1.3x embedded; re-ingest <= 3% of the first ingest; two
processes >= 1.3x the chunks/s of one. Servers come from RAGBOT_DATABASE_URL and
RAGBOT_CHROMA_HOST/PORT if set, else are started on loopback for the run. Results are written
after each step, so a long run cut short keeps what it measured.

    nice -n 19 .venv/bin/python benchmarks/scale.py --notes 100 --questions 10   # minutes
    nice -n 19 .venv/bin/python benchmarks/scale.py                             # 20,000 notes
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass

from benchmarks import latency, realistic
from benchmarks.common import ROOT, latency_ms, make_bot, peak_rss_mb, print_table, server_settings, timed, write_results

TARGET_ASK_VS_EMBEDDED = 1.3  # server ask p50 / embedded ask p50, at most
TARGET_REINGEST = 0.03  # unchanged re-ingest / first ingest, at most
TARGET_TWO_VS_ONE = 1.3  # chunks/s of two processes on different folders / one process, at least
EMBEDDED = {"database_url": None, "chroma_host": None}  # overrides any server settings in the environment
PAGE = 5000  # chunks per Chroma read when counting


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=20000, help="realistic notes, half in folder A, half in B (default 20000)")
    parser.add_argument("--questions", type=int, default=100, help="questions timed per measure (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="note and question seed (default 0)")
    parser.add_argument("--answering", default=latency.ANSWERING, help="JSON for Settings.answering (default: latency.py's)")
    parser.add_argument("--threads-per-process", type=int, default=max(1, (os.cpu_count() or 2) // 2),
                        help="torch threads of each of the two ingest processes (default: half the cores; "
                             "0: torch's default, every core, which oversubscribes them; benchmarks/ingest_threads.py)")
    parser.add_argument("--name", default="scale", help="results file name (default scale)")
    return parser.parse_args()


@dataclass(frozen=True)
class Machine:
    """One ingesting machine: its own store folder (embedding cache, store version file) and
    settings (servers, collection, notes scope; ``EMBEDDED`` for the embedded store)."""

    store: Path
    settings: dict
    threads: int | None = None  # torch's threads (OMP_NUM_THREADS); None: torch's default, every core

    def env(self) -> dict[str, str]:
        """The environment of its ``ragbot`` commands: this checkout, offline, only its settings."""
        values = {"store_dir": self.store, **self.settings}
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith("RAGBOT_")},
            "PYTHONPATH": str(ROOT),
            **({"OMP_NUM_THREADS": str(self.threads)} if self.threads else {}),
            **{f"RAGBOT_{k.upper()}": str(v) for k, v in values.items() if v is not None},
        }

    def bot(self, **settings):
        return make_bot(self.store, **self.settings, **settings)


@dataclass(frozen=True)
class Ingest:
    """One ``ragbot ingest`` command: its JSON report and wall seconds."""

    report: dict
    seconds: float

    @property
    def chunks(self) -> int:
        return self.report["embedded_chunks"]


def ingest(machine: Machine, folder: Path, sync: bool = False) -> Ingest:
    """Run ``ragbot ingest [--sync] folder --json`` as ``machine``; fails unless every note was read."""
    command = [sys.executable, "-m", "ragbot.cli", "ingest", str(folder), "--json", *(["--sync"] if sync else [])]
    done, seconds = timed(subprocess.run, command, env=machine.env(), cwd=machine.store, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[3:])} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return Ingest(json.loads(done.stdout), seconds)


def children_cpu() -> float:
    """CPU seconds of the finished child processes so far (the ingest commands)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def concurrently(jobs: list[tuple[Machine, Path]]) -> tuple[list[Ingest], float, float]:
    """``ingest`` of every (machine, folder) at once: (their results, wall seconds, CPU seconds)."""
    cpu, started = children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(lambda job: ingest(*job), jobs))
    return results, time.perf_counter() - started, children_cpu() - cpu


def throughput(name: str, notes: int, results: list[Ingest], seconds: float, cpu: float) -> dict:
    """One row of the ingest table: ``results`` of commands run together, in ``seconds`` of wall
    time and ``cpu`` seconds of their CPU time (``cores``: CPU / wall, well under the CPU count
    when other work took the CPU)."""
    chunks = sum(r.chunks for r in results)
    return {"run": name, "processes": len(results), "notes": notes, "chunks": chunks, "seconds": round(seconds, 1),
            "chunks_per_s": round(chunks / seconds, 2), "cores": round(cpu / seconds, 2),
            "chunks_per_cpu_s": round(chunks / cpu, 2),  # moves less than chunks/s when other work takes the CPU
            "process_seconds": [round(r.seconds, 1) for r in results]}


def write_folders(root: Path, n: int, seed: int) -> tuple[Path, Path]:
    """Notes ``0..n-1`` of the realistic corpus, the even ones in ``root/a``, the odd ones in ``root/b``."""
    a, b = realistic.write_notes(root / "a", n, seed), root / "b"
    b.mkdir()
    for i, path in enumerate(sorted(a.iterdir())):
        if i % 2:
            path.rename(b / path.name)
    return a, b


def census(machine: Machine) -> tuple[Counter, bool]:
    """(chunks per (note file name, chunk index), whether Chroma, the record manager and the
    lexical index hold the same ids). File names are unique across folders A and B, so stores
    with different scopes compare note by note."""
    index = machine.bot().index
    found: Counter = Counter()
    ids: set[str] = set()
    for offset in range(0, index.collection.count(), PAGE):
        got = index.collection.get(include=["metadatas"], limit=PAGE, offset=offset)
        ids.update(got["ids"])
        found.update((Path(m["source"]).name, m["chunk_index"]) for m in got["metadatas"])
    return found, set(index.records.list_keys()) == ids == index.lexical.ids()


def compare(found: tuple[Counter, bool], expected: Counter) -> dict:
    """Lost and duplicate chunks of one store against the embedded store's."""
    chunks, consistent = found
    return {"chunks": sum(chunks.values()), "expected": sum(expected.values()), "lost": sum((expected - chunks).values()),
            "duplicate": sum((chunks - expected).values()), "notes": len({name for name, _ in chunks}),
            "ids_agree": consistent}


def asks(embedded: Machine, server: Machine, answering: dict, n: int, seed: int) -> list[dict]:
    """Warm ask latency, reranker on and off, each store, on ``latency.py``'s questions."""
    bots = {f"{store}_reranker_{on}": machine.bot(answering=answering, reranker=on == "on").warm_up()
            for store, machine in (("embedded", embedded), ("server", server)) for on in ("on", "off")}
    measures = {name: (bot, latency.ask) for name, bot in bots.items()}
    seconds, cpu, _ = latency.time_measures(measures, latency.questions("realistic", n, seed), latency.questions("realistic", 3, seed + 1))
    rows = [{"measure": name, **latency_ms(values), "cpu_p50_ms": latency_ms(cpu[name])["p50_ms"]} for name, values in seconds.items()]
    by_name = {row["measure"]: row for row in rows}
    for row in rows:
        if row["measure"].startswith("server"):
            ratio = row["p50_ms"] / by_name[row["measure"].replace("server", "embedded")]["p50_ms"]
            row |= {"p50_vs_embedded": round(ratio, 3), "meets": ratio <= TARGET_ASK_VS_EMBEDDED}
    return rows


def warm_sync(machine: Machine, notes: Path, n: int) -> float:
    """Seconds of an unchanged ``--sync`` of the ``n`` notes in a process with the model loaded."""
    bot = machine.bot().warm_up()
    report, seconds = timed(bot.ingest, notes, sync=True)
    assert report.embedded == 0 and len(report.unchanged) == n, report.to_json()
    return seconds


def main() -> None:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a kill still stops the servers started for the run
    figures: dict = {"targets": {"ask_p50_vs_embedded": TARGET_ASK_VS_EMBEDDED, "reingest_fraction": TARGET_REINGEST,
                                 "two_vs_one_processes": TARGET_TWO_VS_ONE}}

    def step(title: str, rows: list[dict]) -> None:
        print_table(rows, title)
        write_results(args.name, figures | {"peak_rss_mb": peak_rss_mb()}, args)

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ragbot-scale-")))
        notes = tmp / "notes"
        a, b = write_folders(notes, args.notes, args.seed)
        servers = server_settings(stack)
        run = uuid.uuid4().hex[:8]

        def machine(name: str, collection: str, scope: str | None, threads: int | None = None) -> Machine:
            (tmp / name).mkdir()
            settings = {**servers, "collection": collection, "notes_scope": scope} if scope else {**EMBEDDED, "collection": collection}
            return Machine(tmp / name, settings, threads)

        one = machine("one", f"scale_one_{run}", "team")
        (first,), *measured = concurrently([(one, notes)])
        figures["ingest"] = [throughput("server, 1 process, A+B", args.notes, [first], *measured)]
        step(f"Ingest, {args.notes} notes", figures["ingest"])

        again = ingest(one, notes, sync=True)
        assert again.report["embedded_chunks"] == 0 and again.report["unchanged"] == args.notes, again.report
        figures["reingest"] = {"first_s": round(first.seconds, 1), "command_s": round(again.seconds, 2),
                               "command_fraction": round(again.seconds / first.seconds, 4)}
        figures["reingest"]["meets"] = figures["reingest"]["command_fraction"] <= TARGET_REINGEST

        embedded = machine("embedded", "scale", None)
        with sqlite3.connect(one.store / f"{one.settings['collection']}.embeddings.sqlite") as source, \
                sqlite3.connect(embedded.store / "scale.embeddings.sqlite") as target:
            source.backup(target)  # the same model's vectors of the same texts: the build is not timed as throughput
        built = ingest(embedded, notes)
        expected, consistent = census(embedded)
        figures["chunks"] = {"embedded": {"chunks": built.report["chunks"], "counted": sum(expected.values()), "ids_agree": consistent},
                             "server_1_process": compare(census(one), expected)}
        step("Chunks against the embedded store (target: 0 lost, 0 duplicate)", [{"store": k, **v} for k, v in figures["chunks"].items()])

        figures["ask"] = asks(embedded, one, json.loads(args.answering), args.questions, args.seed)
        step(f"Warm ask over {args.questions} questions (target: server p50 <= {TARGET_ASK_VS_EMBEDDED}x embedded)", figures["ask"])

        seconds = warm_sync(one, notes, args.notes)
        figures["reingest"] |= {"warm_process_s": round(seconds, 2), "warm_process_fraction": round(seconds / first.seconds, 4),
                                "embedded_warm_process_s": round(warm_sync(embedded, notes, args.notes), 2)}
        step(f"Unchanged re-ingest (--sync) of {args.notes} notes (target: the command <= {TARGET_REINGEST:.0%} of the first ingest)",
             [figures["reingest"]])

        threads = args.threads_per_process or None
        two = [machine(f"two-{x}", f"scale_two_{run}", f"team-{x}", threads) for x in "ab"]
        figures["ingest"].append(throughput("server, 2 processes, A | B", args.notes, *concurrently([(two[0], a), (two[1], b)])))
        ratio = figures["ingest"][1]["chunks_per_s"] / figures["ingest"][0]["chunks_per_s"]
        figures["two_vs_one"] = {"ratio": round(ratio, 3), "meets": ratio >= TARGET_TWO_VS_ONE, "threads_per_process": threads}
        figures["chunks"]["server_2_processes"] = compare(census(two[0]), expected)
        step(f"Ingest, {args.notes} notes (target: 2 processes >= {TARGET_TWO_VS_ONE}x the chunks/s of 1)", figures["ingest"])
        step("Chunks against the embedded store (target: 0 lost, 0 duplicate)", [{"store": k, **v} for k, v in figures["chunks"].items()])

if __name__ == "__main__":
    main()
