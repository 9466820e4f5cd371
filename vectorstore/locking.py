"""One writer at a time on a store, and readers that never see a half-applied write.

Chroma's embedded store keeps each process's HNSW index in memory and writes it back after
every change, and its reads may apply pending log entries (a "backfill") too; two processes
writing at once, or a reader catching a write half-way, lose vectors ("Error finding id").
Three things keep processes apart (``filelock``, so the same code runs on every OS):

- the *writer lock*, held for a whole ingest, delete or re-embed: a second writer waits
  (saying so once) or, with ``wait=False``, fails at once with ``StoreBusy``;
- the *commit lock*, a readers-writer lock: a writer holds it exclusively only while it
  changes Chroma, the record manager and the lexical index (embedding happens before), and
  every read of the store holds it shared;
- the *generation*, a counter in a file bumped after each commit: a long-lived reader that
  sees it change reopens its Chroma client and lexical index before reading.

The locks guard the local files (record manager, lexical index) in Chroma server mode too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, ReadWriteLock, Timeout

from vectorstore.files import replace_text

log = logging.getLogger("ragbot")
WAITING = "another ingest is writing this store; waiting..."


class StoreBusy(RuntimeError):
    """Another process is writing the store and the caller chose not to wait."""


class StoreLocks:
    """The writer lock, commit lock and generation counter of one collection in a store folder."""

    def __init__(self, store_dir: Path, collection: str):
        self.folder = Path(store_dir)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.generation_file = self.folder / f"{collection}.generation"
        self._writer = FileLock(self.folder / f"{collection}.write.lock")
        self._opening = FileLock(self.folder / "open.lock")  # one Chroma client per folder, any collection
        commit = self.folder / f"{collection}.commit.lock"
        self._readers = ReadWriteLock(commit)  # shared by this process's reading threads
        self._committer = ReadWriteLock(commit, is_singleton=False)  # a writer waits for them

    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[None]:
        """Hold the writer lock (re-entrant): wait for another writer, or raise ``StoreBusy``."""
        try:
            self._writer.acquire(blocking=False)
        except Timeout:
            if not wait:
                raise StoreBusy(f"another ingest is writing the store in {self.folder}; try again when it is done") from None
            log.warning(WAITING)
            self._writer.acquire()
        try:
            yield
        finally:
            self._writer.release()

    @contextmanager
    def opening(self) -> Iterator[None]:
        """Held while a process (or thread) opens the store: Chroma's client, the record manager
        and the lexical index each create missing tables by check-then-create, so two opening
        a new store at once would both check, both create, and one would fail."""
        with self._opening:
            yield

    @contextmanager
    def committing(self) -> Iterator[None]:
        """Change the store with readers kept out; the generation moves on when done."""
        with self._committer.write_lock():
            try:
                yield
            finally:
                self._bump()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Read the store while no commit is under way (shared between readers)."""
        with self._readers.read_lock():
            yield

    def generation(self) -> int:
        """How many commits the store has seen (0 for a store never written with locks)."""
        try:
            return int(self.generation_file.read_text() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def _bump(self) -> None:
        """Write generation + 1 atomically (a reader never sees a half-written number)."""
        replace_text(self.generation_file, str(self.generation() + 1))
