"""Typed results of ragbot's operations, with the JSON shapes the CLI and web API print."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ingest import LoadFailure
from vectorstore import SyncResult


@dataclass
class IngestReport(SyncResult):
    """What an ingest did, note by note: the store's sync result plus the files that failed
    (skipped) or were read with warnings."""

    failed: list[LoadFailure] = field(default_factory=list)
    warnings: list[LoadFailure] = field(default_factory=list)
    store: list[str] = field(default_factory=list)  # store upgrades, checks and repairs done first
    excluded: list[str] = field(default_factory=list)  # files left out: their notes were deleted on the page
    parsed: int = 0  # files parsed; the others were unchanged since their notes were indexed (``ragbot.reading``)
    not_notes: list[str] = field(default_factory=list)  # files of other types in the folder, not read

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict:
        """``{"added","updated","unchanged","deleted","missing","failed":[{"path","error"}],"chunks",...}``; counts for notes."""
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "deleted": len(self.deleted),
            "missing": len(self.missing),
            "failed": [asdict(f) for f in self.failed],
            "chunks": self.chunks,
            "embedded_chunks": self.embedded,
            "warnings": [asdict(w) for w in self.warnings],
            "store": self.store,
            "excluded": self.excluded,
            "parsed_files": self.parsed,
            "not_notes": self.not_notes,
        }


@dataclass
class SearchHit:
    """One retrieved passage, as ``ragbot search`` shows it."""

    source: str
    tickers: list[str]
    sentiment_label: str | None
    sentiment_score: float | None
    text: str
    score: float

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class StoreStats:
    """What the store holds."""

    notes: int
    chunks: int
    tickers: dict[str, int]  # ticker -> number of notes
    date_sources: dict[str, int] = field(default_factory=dict)  # where notes' dates came from -> number of notes

    def to_json(self) -> dict:
        return asdict(self)
