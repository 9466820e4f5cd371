"""Helpers shared by the benchmark scripts: offline defaults, timing, percentiles, peak RSS,
tables, results JSON, and cached synthetic stores.

Scripts start with ``sys.path[0] = <repo root>`` so that ``benchmarks/ingest.py`` does not
shadow the ``ingest`` package, then import this module before anything from ragbot.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import json
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import realistic, synthetic

if TYPE_CHECKING:  # ragbot is imported late, after the env defaults
    from ragbot.progress import IngestProgress

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"
CACHE_DIR = ROOT / "benchmarks" / ".cache"


# -- measuring ---------------------------------------------------------------------------
def timed(fn: Callable[..., Any], *args, **kwargs) -> tuple[Any, float]:
    """``(fn(*args, **kwargs), seconds)``."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def cpu_seconds() -> float:
    """User + system CPU time of this process (all threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_cpu(fn: Callable[..., Any], *args, **kwargs) -> tuple[Any, float, float]:
    """``(result, wall seconds, CPU seconds)``. CPU / wall well under the CPU count, for work
    that could use every core, means other processes took the CPU."""
    cpu = cpu_seconds()
    result, seconds = timed(fn, *args, **kwargs)
    return result, seconds, cpu_seconds() - cpu


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100), linearly interpolated as numpy's default."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_ms(seconds: list[float]) -> dict:
    """p50, p95, mean and max of a list of durations, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "max_ms": round(max(ms), 1),
    }


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# -- reporting ---------------------------------------------------------------------------
def print_table(rows: list[dict], title: str = "", columns: list[str] | None = None) -> None:
    """Rows of dicts as a fixed-width text table (floats to 4 significant digits, None as -)."""
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))

    def cell(value) -> str:
        if value is None:
            return "-"
        return f"{value:.4g}" if isinstance(value, float) else str(value)

    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    if title:
        print(f"\n{title}")
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))


def transpose(rows: list[dict], key: str) -> list[dict]:
    """One row per field and one column per input row (named by its ``key``): for wide results."""
    fields = [f for f in dict.fromkeys(f for row in rows for f in row) if f != key]
    return [{"": f, **{f"{key}={row[key]}": row.get(f) for row in rows}} for f in fields]


def machine() -> dict:
    """What the figures were measured on, including load (others' work contends for the CPU)."""
    versions = {}
    for package in ("chromadb", "langchain-chroma", "sentence-transformers", "torch", "onnxruntime"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "nice": os.nice(0),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def write_results(name: str, figures: dict, args: Any = None) -> Path:
    """Write ``benchmarks/results/<name>.json`` with the figures, the options and the machine."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    document = {
        "benchmark": name,
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()} if args else {},
        "machine": machine(),
        **figures,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {path.relative_to(ROOT)}")
    return path


# -- stores ------------------------------------------------------------------------------
def make_bot(store: Path, **settings):
    """A ``Ragbot`` on ``store`` with settings overrides (imported late: after the env defaults)."""
    from ragbot.bot import Ragbot
    from ragbot.settings import Settings

    return Ragbot(Settings(store_dir=store, **settings))


CORPORA = {"synthetic": synthetic.write_notes, "realistic": realistic.write_notes}


def cached_store(n: int, seed: int = 0, log: Callable[[str], None] = print, corpus: str = "synthetic") -> Path:
    """``benchmarks/.cache/store-<n>`` (``store-realistic-<n>`` for the realistic corpus): ``n``
    notes of ``corpus`` ingested, reused when complete.

    An interrupted build resumes: ingest skips the notes already embedded.
    """
    name = f"store-{n}" if corpus == "synthetic" else f"store-{corpus}-{n}"
    store = CACHE_DIR / (name if seed == 0 else f"{name}-seed{seed}")
    notes = CACHE_DIR / store.name.replace("store", "notes")
    done = store / "complete.json"
    if done.exists() and json.loads(done.read_text())["notes"] == n:
        return store
    CORPORA[corpus](notes, n, seed)
    bot = make_bot(store)
    started = time.perf_counter()

    def progress(event: IngestProgress) -> None:
        if event.stage == "index" and (event.done % 250 == 0 or event.done == event.total):
            log(f"  store-{n}: {event.done}/{event.total} notes indexed, {time.perf_counter() - started:.0f} s")

    report = bot.ingest(notes, sync=True, progress=progress)
    stats = bot.stats()
    if stats.notes != n or not report.ok:
        raise RuntimeError(f"store {store} has {stats.notes} notes, expected {n}; failures: {report.failed}")
    done.write_text(json.dumps({"notes": stats.notes, "chunks": stats.chunks, "seconds": round(time.perf_counter() - started, 1)}))
    return store


def server_settings(stack: ExitStack) -> dict:
    """Server-mode settings (``database_url``, ``chroma_host``, ``chroma_port``): the environment's
    servers (RAGBOT_DATABASE_URL, RAGBOT_CHROMA_HOST/PORT), else a PostgreSQL cluster and
    ``chroma run`` started on loopback for the run by the tests' starters (tests/team_servers.py),
    stopped and removed when ``stack`` closes."""
    if os.environ.get("RAGBOT_DATABASE_URL"):
        given = {"database_url": "RAGBOT_DATABASE_URL", "chroma_host": "RAGBOT_CHROMA_HOST", "chroma_port": "RAGBOT_CHROMA_PORT"}
        return {key: os.environ[name] for key, name in given.items() if name in os.environ}
    sys.path.insert(0, str(ROOT / "tests"))
    from team_servers import ChromaServer, free_port, start_postgres
    from team_servers import server_settings as started  # the tests' settings for these servers

    postgres = start_postgres()
    stack.callback(postgres.remove)
    chroma = ChromaServer(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ragbot-chroma-"))), free_port())
    chroma.start()
    stack.callback(chroma.stop)
    return started(postgres, chroma)
