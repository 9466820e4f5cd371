"""Load on a team's deployment (issue 15, docs/team.md "Load"): simulated users ask through the
sticky proxy while another machine ingests into the same servers.

1. On loopback: a temporary PostgreSQL cluster, ``chroma run``, REPLICAS ``ragbot serve``
   replicas on them (each its own store folder) and Debian's HAProxy with ragbot's sticky
   configuration in front (``tests/team_servers.py``, as ``tests/test_team.py`` runs them).
2. A starting set is ingested with ``ragbot ingest`` before the replicas start: the example notes
   and START realistic notes (``benchmarks/realistic.py``), with nothing else of the run working.
3. For DURATION seconds, USERS simulated users, each a browser session with its own cookie jar
   (so the proxy keeps it on one replica), ask one question every PERIOD seconds through the
   proxy's ``/ask`` event (Gradio's queue and event stream, as the page calls it), starts spread
   over the first period; a user whose answer is late asks its next question when it arrives.
   Questions are the realistic corpus's: the labelled questions of every kind with their company
   moved to one the corpus covers (``/ask`` takes no history: a follow-up is asked alone).
   Meanwhile ``ragbot ingest`` adds INGEST more realistic notes from a third store folder.
4. Errors: an ask that fails (HTTP, the event stream, the app) or whose answer takes over SLOW
   seconds counts as one. Latency p50/p95/max of the answered asks as users saw them, answers per
   replica, each replica's peak and final RSS (``/proc``, the process and its children) and CPU
   seconds, and each ingest's chunks/s (embedded chunks over the command's wall time, model
   loading included).

Every address is loopback; the users stop asking after DURATION and every wait is bounded.

    nice -n 19 .venv/bin/python benchmarks/load.py --duration 60 --users 4    # a quick check
    .venv/bin/python benchmarks/load.py                                       # 20 users, 5 minutes
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass

from benchmarks import realistic
from benchmarks.common import ROOT, latency_ms, print_table, write_results

SLOW_SECONDS = 30.0  # an answer that takes longer counts as an error (the bound)
RSS_EVERY = 1.0  # seconds between samples of the replicas' memory
GRACE_SECONDS = 300  # a user's last ask may end this long after the duration before it is abandoned
INGEST_TIMEOUT = 3600  # seconds any ingest may take before the run gives up on it
START_SEED, INGEST_SEED, QUESTION_SEED = 0, 1, 0  # realistic notes and questions (different notes each)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=300, help="seconds the users ask for (default 300)")
    parser.add_argument("--users", type=int, default=20, help="simulated users (default 20)")
    parser.add_argument("--period", type=float, default=30, help="seconds between one user's questions (default 30)")
    parser.add_argument("--replicas", type=int, default=2, help="ragbot serve replicas behind the proxy (default 2)")
    parser.add_argument("--start", type=int, default=300, help="realistic notes ingested before the load, with the examples (default 300)")
    parser.add_argument("--ingest", type=int, default=600, help="realistic notes ingested during the load (default 600)")
    parser.add_argument("--name", default="load", help="results file in benchmarks/results")
    return parser.parse_args(argv)


# -- accounting ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Ask:
    """One question as a user saw it: ``error`` is None when an answer came back."""

    user: int
    kind: str
    replica: str | None  # the replica that answered (the proxy's header); None if none did
    seconds: float  # from sending the question to its answer or failure
    error: str | None = None
    found: bool = False  # the answer cited notes (not "nothing in the notes")


def is_error(ask: Ask, slow: float = SLOW_SECONDS) -> bool:
    """A failure, or an answer later than ``slow`` seconds."""
    return ask.error is not None or ask.seconds > slow


def summarize(asks: list[Ask], slow: float = SLOW_SECONDS) -> dict:
    """The figures of a run: errors (failed or slow), latency of the answers, answers per replica."""
    answered = [a for a in asks if a.error is None]
    latency = latency_ms([a.seconds for a in answered]) if answered else {"n": 0}
    return {
        "asks": len(asks),
        "answered": len(answered),
        "found": sum(a.found for a in answered),
        "errors": sum(is_error(a, slow) for a in asks),
        "failed": len(asks) - len(answered),
        "slow": sum(a.seconds > slow for a in answered),
        **{k: v for k, v in latency.items() if k in ("p50_ms", "p95_ms", "max_ms")},
    }


def by(asks: Iterable[Ask], key: str, slow: float = SLOW_SECONDS) -> dict[str, dict]:
    """``summarize`` for each value of ``key`` ("replica", "kind"), in sorted order."""
    groups: dict[str, list[Ask]] = defaultdict(list)
    for ask in asks:
        groups[str(getattr(ask, key))].append(ask)
    return {value: summarize(groups[value], slow) for value in sorted(groups)}


# -- measuring -----------------------------------------------------------------------------
def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants (``/proc``), in MB; 0 once it is gone."""
    try:
        kib = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("VmRSS:"))
        children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return 0.0
    return round(kib / 1024 + sum(rss_mb(child) for child in children), 1)


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of ``pid`` (all its threads) so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ReplicaWatch:
    """Samples each replica's RSS every ``RSS_EVERY`` seconds on a thread until ``stop``, and
    counts the CPU seconds each used in between (the cores it got of the machine's)."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids
        self.samples: dict[str, list[float]] = {name: [] for name in pids}
        self.cpu = {name: cpu_s(pid) for name, pid in pids.items()}
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for name, pid in self.pids.items():
            self.samples[name].append(rss_mb(pid))

    def _run(self) -> None:
        while not self._stopped.is_set():
            self._sample()
            self._stopped.wait(RSS_EVERY)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> dict[str, dict]:
        """``{replica: {"peak_rss_mb", "final_rss_mb", "cpu_s"}}``, the final RSS sampled now."""
        self._stopped.set()
        self._thread.join()
        self._sample()
        return {
            name: {"peak_rss_mb": max(values), "final_rss_mb": values[-1], "cpu_s": round(cpu_s(self.pids[name]) - self.cpu[name], 1)}
            for name, values in self.samples.items()
        }


@dataclass(frozen=True)
class IngestRun:
    """A ``ragbot ingest --json`` as another machine runs it, timed from start to exit."""

    seconds: float
    report: dict
    started_at: float  # seconds after the load began

    def figures(self) -> dict:
        embedded = self.report["embedded_chunks"]
        return {"notes_added": self.report["added"], "embedded_chunks": embedded, "seconds": round(self.seconds, 1),
                "chunks_per_s": round(embedded / self.seconds, 2), "started_s": round(self.started_at, 1),
                "ended_s": round(self.started_at + self.seconds, 1)}


def start_ingest(folder: Path, env: dict[str, str], cwd: Path) -> tuple[subprocess.Popen, float]:
    command = [str(Path(sys.executable).with_name("ragbot")), "ingest", str(folder), "--json"]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), time.perf_counter()


def finish_ingest(run: tuple[subprocess.Popen, float], since: float | None = None) -> IngestRun:
    """The ingest's report once it exits; ``since`` is when the load began (default: when it did)."""
    process, started = run
    out, err = process.communicate(timeout=INGEST_TIMEOUT)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"ragbot ingest exited {process.returncode}: {err[-2000:]}")
    return IngestRun(seconds, json.loads(out), started - (started if since is None else since))


# -- the users -----------------------------------------------------------------------------
def ask(user: int, browser, kind: str, question: str) -> Ask:
    """One question through the proxy; every failure becomes an ``Ask`` with its error."""
    started = time.perf_counter()
    try:
        outcome = browser.page.call("ask", question, None)
    except Exception as error:  # noqa: BLE001  (every failure is counted and shown)
        return Ask(user, kind, browser.replicas[-1] if browser.replicas else None, time.perf_counter() - started, f"{type(error).__name__}: {error}"[:300])
    seconds = time.perf_counter() - started
    replica = browser.replicas[-1]
    if not outcome.success:
        return Ask(user, kind, replica, seconds, f"app error: {outcome.error}"[:300])
    return Ask(user, kind, replica, seconds, found=bool(outcome.data and outcome.data[0].get("found")))


def simulate(user: int, browser, questions: list[tuple[str, str, list]], first: float, period: float, end: float, asks: list[Ask]) -> None:
    """User ``user`` asks ``questions`` in turn at ``first``, ``first + period``... (perf_counter
    times) until ``end``; never two at once."""
    for n, (kind, question, _history) in enumerate(questions):
        due = first + n * period
        if due >= end:
            return
        time.sleep(max(0.0, due - time.perf_counter()))
        asks.append(ask(user, browser, kind, question))


def run_users(url: str, users: int, duration: float, period: float) -> tuple[list[Ask], dict[int, set[str]]]:
    """``users`` sessions through the proxy at ``url`` for ``duration`` seconds: every ask, and
    the replicas each user's requests went to."""
    from gradio_http import ProxiedBrowser

    browsers = [ProxiedBrowser(url) for _ in range(users)]  # one after another: round robin over the replicas
    per_user = int(duration // period) + 1
    questions = realistic.questions(users * per_user, QUESTION_SEED)
    asks: list[Ask] = []
    start = time.perf_counter()
    threads = [
        threading.Thread(
            target=simulate, daemon=True,
            args=(n, browser, questions[n * per_user:(n + 1) * per_user], start + n * period / users, period, start + duration, asks),
        )
        for n, browser in enumerate(browsers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, start + duration + GRACE_SECONDS - time.perf_counter()))
    late = [Ask(n, "-", None, GRACE_SECONDS, "abandoned: no answer by the end of the grace period") for n, t in enumerate(threads) if t.is_alive()]
    return [*asks, *late], {n: set(browser.replicas) for n, browser in enumerate(browsers)}


# -- the run -------------------------------------------------------------------------------
def write_start_notes(folder: Path, count: int) -> Path:
    shutil.copytree(ROOT / "examples" / "notes", folder / "examples")
    realistic.write_notes(folder / "realistic", count, START_SEED)
    return folder


def main(args: argparse.Namespace) -> None:
    sys.path.append(str(ROOT / "tests"))  # the team tests' servers and HTTP client (tests/team_servers.py, gradio_http.py)
    from team_servers import ChromaServer, Proxy, Served, free_port, start_postgres, team_env

    from ragbot.deploy import Replica

    load_before = [round(x, 2) for x in os.getloadavg()]
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ragbot-load-")))
        postgres = start_postgres()
        stack.callback(postgres.remove)
        chroma = ChromaServer(work / "chroma", free_port())
        chroma.start()
        stack.callback(chroma.stop)

        def env(machine: str) -> dict[str, str]:
            return team_env(postgres, chroma, store_dir=work / machine)

        print(f"ingesting the starting set (examples + {args.start} realistic notes)...", flush=True)
        start_notes = write_start_notes(work / "start-notes", args.start)
        later_notes = realistic.write_notes(work / "later-notes", args.ingest, INGEST_SEED)
        first = finish_ingest(start_ingest(start_notes, env("first-ingester"), work))

        replicas = [Served(free_port(), env(f"replica-{n}"), log=work / f"replica-{n}.log") for n in range(args.replicas)]
        for replica in replicas:
            replica.start(cwd=work)
            stack.callback(replica.stop)
        for replica in replicas:
            replica.wait()
        proxy = Proxy(work, free_port())
        proxy.start([Replica(f"r{n}", "127.0.0.1", replica.port) for n, replica in enumerate(replicas)])
        stack.callback(proxy.stop)

        print(f"{args.users} users for {args.duration:.0f} s while {args.ingest} notes are ingested...", flush=True)
        watch = ReplicaWatch({f"r{n}": replica.process.pid for n, replica in enumerate(replicas)})
        watch.start()
        began = time.perf_counter()
        ingesting = start_ingest(later_notes, env("second-ingester"), work)
        asks, stuck = run_users(f"http://127.0.0.1:{proxy.port}", args.users, args.duration, args.period)
        during = finish_ingest(ingesting, began)
        rss = watch.stop()
        load_after = [round(x, 2) for x in os.getloadavg()]

    overall = summarize(asks)
    replica_rows = [
        {"replica": name, "users": sum(users == {name} for users in stuck.values()), **rss[name], **by(asks, "replica").get(name, {})}
        for name in rss
    ]
    kinds = by(asks, "kind")
    figures = {
        "overall": {**overall, "users": args.users, "duration_s": args.duration, "users_on_one_replica": sum(len(r) == 1 for r in stuck.values())},
        "replicas": replica_rows,
        "kinds": kinds,
        "ingest_before_load": first.figures(),
        "ingest_during_load": during.figures(),
        "loadavg_before": load_before,
        "loadavg_after": load_after,
        "errors": [f"user {a.user} ({a.kind}, {a.seconds:.1f} s): {a.error or 'slow'}" for a in asks if is_error(a)][:20],
    }
    print_table([{**figures["overall"], "load before": " ".join(map(str, load_before)), "load after": " ".join(map(str, load_after))}], "Asks through the proxy")
    print_table(replica_rows, "Per replica")
    print_table([{"kind": kind, **row} for kind, row in kinds.items()], "Per kind of question")
    print_table([{"ingest": "before the load (alone)", **first.figures()}, {"ingest": "during the load", **during.figures()}], "Ingests")
    for line in figures["errors"]:
        print("error:", line)
    write_results(args.name, figures, args)


if __name__ == "__main__":
    main(parse_args())
