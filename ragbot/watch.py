"""``ragbot watch``: keep the store in line with a folder as its files change.

``watchfiles`` (MIT; inotify on Linux, so an idle watch sleeps in the kernel) groups changes
that come less than ``watch_debounce_ms`` apart into one batch; each batch waits until the changed files stop growing, then runs
the ordinary ``Ragbot.ingest(folder, sync=True)``: unchanged notes are skipped by hash,
deleted files are removed, a moved file reuses its vectors, and a file that cannot be read
is reported and keeps what was ingested before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from ingest.loader import NOTE_SUFFIXES
from ragbot.bot import Ragbot
from ragbot.reading import notes_folder
from ragbot.reports import IngestReport

Log = Callable[[str], None]
POLL_SECONDS = 0.1  # how often a settling file's size and time are checked
MAX_SETTLE_WAITS = 50  # a file still growing after this many settle periods is ingested anyway (and retried on its next change)
BURST_LIMIT = 10  # a burst of changes still arriving after this many debounce windows is ingested anyway
WAKE_MS = 1_000  # an idle watcher wakes this often (to start, and to see a stop request); a wake costs microseconds


class NoteFilter(DefaultFilter):
    """Changes that can matter to the store: note files (not hidden, not editor swap files) and
    folders (a moved or deleted folder of notes); never the store's own files."""

    def __call__(self, change: Change, path: str) -> bool:
        name = Path(path).name
        if name.startswith(".") or not super().__call__(change, path):
            return False
        return name.lower().endswith(NOTE_SUFFIXES) or "." not in name


def summary(report: IngestReport) -> str:
    """One line: what the ingest did."""
    counts = ", ".join(f"{len(getattr(report, k))} {k}" for k in ("added", "updated", "deleted"))
    return f"ingest: {counts}, {len(report.failed)} failed; {report.embedded} chunks embedded"


def signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def wait_until_settled(paths: list[Path], settle_seconds: float) -> None:
    """Return once none of ``paths`` changed size or time for ``settle_seconds`` (a half-written
    file is read when its writer is done), or after ``MAX_SETTLE_WAITS`` periods. Files last
    written longer ago than that are not waited for."""
    last = [signature(p) for p in paths]
    written = [s[1] / 1e9 for s in last if s is not None]
    if settle_seconds <= 0 or not written:
        return
    quiet_since = min(time.time(), max(written))
    deadline = time.time() + MAX_SETTLE_WAITS * settle_seconds
    while time.time() - quiet_since < settle_seconds and time.time() < deadline:
        time.sleep(POLL_SECONDS)
        now = [signature(p) for p in paths]
        if now != last:
            last, quiet_since = now, time.time()


class FolderWatcher:
    """Ingests ``root`` into ``bot`` at start and after every batch of changes.

    ``generation`` counts finished ingests, so a page can tell when to refresh its views.
    """

    def __init__(self, bot: Ragbot, root: Path, log: Log = print):
        self.bot = bot
        self.root = Path(root)
        self.log = log
        self.generation = 0

    def ingest(self) -> IngestReport | None:
        """Bring the store in line with the folder; any error is logged, never raised."""
        try:
            report = self.bot.ingest(self.root, sync=True)
        except Exception as error:  # a long-running watcher reports and carries on
            self.log(f"ingest failed: {type(error).__name__}: {error}")
            return None
        self.generation += 1
        self.log(summary(report))
        for failure in report.failed:
            self.log(f"  failed {failure.path}: {failure.error}")
        for warning in report.warnings:
            self.log(f"  warning {warning.path}: {warning.error}")
        return report

    def handle(self, changes: set[tuple[Change, str]]) -> None:
        """Log a batch of changes, let the changed files settle, then ingest."""
        for change, path in sorted(changes, key=lambda c: c[1]):
            self.log(f"{change.name} {Path(path).relative_to(self.root.resolve()).as_posix()}")
        changed = [Path(p) for c, p in changes if c != Change.deleted]
        wait_until_settled(changed, self.bot.settings.watch_settle_ms / 1000)
        self.ingest()

    def run(self, stop: threading.Event | None = None) -> None:
        """Ingest once, then on every change until ``stop`` is set (or Ctrl-C raises
        ``KeyboardInterrupt``). The first ingest runs once the watch is in place, so a file
        saved during it is not missed."""
        notes_folder(self.root)
        store = Path(self.bot.settings.store_dir).resolve()
        debounce = self.bot.settings.watch_debounce_ms
        started = False
        for changes in watch(
            self.root.resolve(), watch_filter=NoteFilter(ignore_paths=[store]), step=debounce,
            debounce=BURST_LIMIT * debounce, stop_event=stop, rust_timeout=WAKE_MS, yield_on_timeout=True,
        ):
            if not started:
                started = True
                self.ingest()
                self.log(f"watching {self.root} (Ctrl+C to stop)")
            if changes:
                self.handle(changes)

    def start(self) -> tuple[threading.Thread, threading.Event]:
        """Run in a daemon thread (beside the web page); set the returned event to stop it."""
        stop = threading.Event()
        thread = threading.Thread(target=self.run, args=(stop,), name="ragbot-watch", daemon=True)
        thread.start()
        return thread, stop
