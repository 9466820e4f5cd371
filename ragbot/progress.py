"""An ingest's progress as typed events, the one stream the CLI's bar and the page's bar show.

``Ragbot.ingest`` reports three stages in order: reading files, embedding the chunks that are
new to the store (unchanged and moved text is not embedded again) and indexing notes. Counts
come from the work itself and never run ahead of it: the last indexing event is sent only
once the store is written and checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Stage = Literal["read", "embed", "index"]
STAGES: tuple[Stage, ...] = ("read", "embed", "index")
UNITS: dict[Stage, str] = {"read": "files", "embed": "chunks", "index": "notes"}
VERBS: dict[Stage, str] = {"read": "Reading", "embed": "Embedding", "index": "Indexing"}
MINUTE = 60.0


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest is: ``done`` of ``total`` units of ``stage`` (0 <= done <= total), and
    the seconds the stage still needs at its rate so far (None until one unit is done)."""

    stage: Stage
    done: int
    total: int
    eta_seconds: float | None = None

    @property
    def unit(self) -> str:
        return UNITS[self.stage]

    @property
    def label(self) -> str:
        """``"Embedding chunks"``."""
        return f"{VERBS[self.stage]} {self.unit}"

    @property
    def eta_text(self) -> str:
        """``"about 12 s left"`` (``"about 3 min left"``), or ``""`` when unknown or done."""
        if self.eta_seconds is None or self.done >= self.total:
            return ""
        seconds = max(1, round(self.eta_seconds))
        return f"about {seconds} s left" if seconds < MINUTE else f"about {round(seconds / MINUTE)} min left"

    @property
    def text(self) -> str:
        """``"Embedding 120/450 chunks, about 12 s left"``."""
        eta = f", {self.eta_text}" if self.eta_text else ""
        return f"{VERBS[self.stage]} {self.done}/{self.total} {self.unit}{eta}"


ProgressFn = Callable[[IngestProgress], None]


class ProgressTracker:
    """Turns the ingest's counts into ``IngestProgress`` events for ``listener`` (repeats
    dropped), each stage's ETA from its rate since its first unit was done: the first unit
    pays for warming up (loading the model, opening files) and says little about the rest."""

    def __init__(self, listener: ProgressFn | None, clock: Callable[[], float] = time.monotonic):
        self.listener = listener
        self.clock = clock
        self._last: tuple[Stage, int, int] | None = None
        self._first: tuple[float, int] | None = None  # (time, done) of the stage's first event with done > 0

    def __call__(self, stage: Stage, done: int, total: int) -> None:
        if self.listener is None or (stage, done, total) == self._last:
            return
        now = self.clock()
        if self._last is None or self._last[0] != stage:
            self._first = None
        if self._first is None and done:
            self._first = (now, done)
        self._last = (stage, done, total)
        eta = None
        if self._first is not None and done > self._first[1] and now > self._first[0]:
            eta = (now - self._first[0]) / (done - self._first[1]) * (total - done)
        self.listener(IngestProgress(stage, done, total, eta))
