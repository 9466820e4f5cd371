"""Find note files under a folder and read them, reporting every file that cannot be read."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ingest.note import Note, NoteFormatError, parse_note
from ingest.readers import DOCUMENT_SUFFIXES, ReaderLimits, reader_for
from ingest.readers.notes import document_notes
from ingest.tickers import TickerResolver

TEXT_SUFFIXES = (".txt", ".md")
NOTE_SUFFIXES = (*TEXT_SUFFIXES, *DOCUMENT_SUFFIXES)
_ENCODINGS = ("utf-8-sig", "cp1252")
_CONTROL = {*range(0, 9), 11, 12, *range(14, 32), 127}


@dataclass(frozen=True)
class LoadFailure:
    """A file that was skipped, with a one-line reason."""

    path: str
    error: str


def decode_note(data: bytes) -> str:
    """Decode note bytes: UTF-16 with a BOM, UTF-8, then Windows-1252; refuse binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) // 20:
        raise NoteFormatError("binary file, not text")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoteFormatError("not valid text in UTF-8, UTF-16 or Windows-1252")


class NoteLoader:
    """Read every note below ``root`` (``NOTE_SUFFIXES``; following links, never looping)."""

    def __init__(self, resolver: TickerResolver, max_bytes: int = 2_000_000, limits: ReaderLimits = ReaderLimits()):
        self.resolver = resolver
        self.max_bytes = max_bytes
        self.limits = limits

    def paths(self, root: Path) -> Iterator[Path]:
        """Note files below ``root`` in a stable order; directory link loops are skipped."""
        seen: set[str] = set()
        for folder, dirs, files in os.walk(root, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs.sort()
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in sorted(files):
                if name.lower().endswith(NOTE_SUFFIXES) and not name.startswith("."):
                    yield Path(folder) / name

    def read(self, path: Path, root: Path) -> list[Note | LoadFailure]:
        """Parse one file (a document may hold several notes, and attachments that failed);
        raises ``NoteFormatError`` or ``OSError`` with the reason."""
        size = path.stat().st_size
        document = reader_for(path.name) is not None
        max_bytes = self.limits.max_bytes if document else self.max_bytes
        if size > max_bytes:
            raise NoteFormatError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
        data = path.read_bytes()
        mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date().isoformat()
        source = path.relative_to(root).as_posix()
        if document:
            read = document_notes(data, source, self.resolver, mtime, self.limits)
            return [*read.notes, *(LoadFailure(name, reason) for name, reason in read.failures)]
        return [parse_note(decode_note(data), source, self.resolver, date=mtime)]

    def load(self, root: Path) -> Iterator[Note | LoadFailure]:
        """Every note below ``root``, or a ``LoadFailure`` for each file that could not be read."""
        root = Path(root)
        for path in self.paths(root):
            source = path.relative_to(root).as_posix()
            try:
                yield from self.read(path, root)
            except (NoteFormatError, OSError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                yield LoadFailure(source, reason)
