"""Notes deleted from the store whose files stay on disk: ingests leave them out until
restored (``ragbot ingest --include-deleted`` or Undo on the page).

The embedded store keeps the list in ``<store_dir>/<collection>.excluded.json``
(``ExcludedFile``); server mode in ``ragbot_excluded`` (``vectorstore.postgres.PostgresExcluded``),
so a note deleted through one replica stays out of every machine's ingests.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from filelock import FileLock

from vectorstore.files import replace_text


class ExcludedNotes(ABC):
    """The sources (note paths as stored) that ingests leave out."""

    @abstractmethod
    def sources(self) -> set[str]:
        """Every excluded source."""

    @abstractmethod
    def add(self, source: str) -> None:
        """Leave ``source`` out of later ingests."""

    @abstractmethod
    def remove(self, sources: Iterable[str]) -> set[str]:
        """Include ``sources`` again; returns those that were excluded."""


class ExcludedFile(ExcludedNotes):
    """A JSON list of sources in ``<store_dir>/<collection>.excluded.json``, replaced atomically;
    one read-modify-write at a time across processes and threads (``<collection>.excluded.lock``)."""

    def __init__(self, store_dir: Path, collection: str):
        self.path = Path(store_dir) / f"{collection}.excluded.json"
        self._guard = FileLock(self.path.with_suffix(".lock"))

    def sources(self) -> set[str]:
        try:
            return set(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return set()

    def _write(self, sources: set[str]) -> None:
        replace_text(self.path, json.dumps(sorted(sources), indent=1))

    def add(self, source: str) -> None:
        with self._guard:
            self._write(self.sources() | {source})

    def remove(self, sources: Iterable[str]) -> set[str]:
        with self._guard:
            current = self.sources()
            restored = current & set(sources)
            if restored:
                self._write(current - restored)
            return restored
