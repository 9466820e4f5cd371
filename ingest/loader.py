"""Find note files under a folder and read them, reporting every file that cannot be read."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from ingest.note import Note, NoteFormatError, parse_note
from ingest.readers import DOCUMENT_SUFFIXES, ReaderLimits, is_document
from ingest.readers.notes import document_notes
from ingest.tickers import TickerResolver

TEXT_SUFFIXES = (".txt", ".md")
NOTE_SUFFIXES = (*TEXT_SUFFIXES, *DOCUMENT_SUFFIXES)
_ENCODINGS = ("utf-8-sig", "cp1252")
_CONTROL = {*range(0, 9), 11, 12, *range(14, 32), 127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_BINARY_SHARE = 20  # more than 1 in 20 bytes a control byte: binary, not text (range 2-100)
# Control characters left in decoded text (C0 but tab/newlines, DEL, C1): replaced by a space
# and reported. Vertical tab and form feed are line breaks in text files: they become "\n".
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_KINDS = {
    stat.S_ISFIFO: "named pipe",
    stat.S_ISSOCK: "socket",
    stat.S_ISCHR: "character device",
    stat.S_ISBLK: "block device",
    stat.S_ISDIR: "directory",
}
_READ_SIZE = 1 << 20
SkipFn = Callable[[str, str], bool]  # (a file's source, its file_key) -> leave it unparsed


@dataclass(frozen=True)
class LoadFailure:
    """A file that was skipped, with a one-line reason."""

    path: str
    error: str


@dataclass(frozen=True)
class Unchanged:
    """A file read but not parsed: ``NoteLoader.load``'s ``skip`` knew its key (``file_key``)."""

    source: str


def file_key(data: bytes, day: str) -> str:
    """What a file's notes depend on in the file: its bytes (hashed) and the day it was last
    modified, which dates a note that states no date of its own."""
    return f"{hashlib.sha256(data).hexdigest()}:{day}"


@cache
def parser_digest() -> str:
    """A hash of this package's code and data, which turn files into notes and chunks: notes
    parsed by other code count as parsed differently."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def display_source(relative: str) -> str:
    """A valid, stable string for a file name that may hold bytes that are not UTF-8.

    ``os.walk`` hands such bytes over as lone surrogates (``surrogateescape``), which cannot be
    stored; they are written as ``\\xff`` escapes instead. Valid names come back unchanged.
    """
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _binary(data: bytes) -> str | None:
    """Why ``data`` (the whole file) is binary, or ``None``."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file, not text (NUL byte at offset {nul})"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls * _BINARY_SHARE > len(data):
        return "binary file, not text"
    return None


def decode_note(data: bytes) -> str:
    """Decode note bytes: UTF-16 with a BOM, UTF-8, then Windows-1252; refuse binary data.
    Every byte of the file is checked, not just its start."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise NoteFormatError(f"not valid UTF-16 text ({error.reason} at byte {error.start})") from None
        reason = _binary(text.encode("utf-8", "surrogatepass"))
        if reason:
            raise NoteFormatError(reason.split(" (")[0])
        return text
    reason = _binary(data)
    if reason:
        raise NoteFormatError(reason)
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoteFormatError("not valid text in UTF-8, UTF-16 or Windows-1252")


def clean_controls(text: str) -> tuple[str, int]:
    """``text`` with stray control characters replaced by spaces, and how many there were."""
    text = text.translate(_LINE_BREAKS)
    cleaned, count = _STRAY_CONTROL.subn(" ", text)
    return cleaned, count


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def _kind(mode: int) -> str | None:
    return next((name for test, name in _KINDS.items() if test(mode)), None) if not stat.S_ISREG(mode) else None


def read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most ``max_bytes``, and its status.

    Anything else (pipe, socket, device) is refused from ``stat`` without being opened; a pipe
    swapped in after that check cannot block either (``O_NONBLOCK``). A file that changes while
    it is read is refused rather than half-read.
    """
    kind = _kind(os.stat(path).st_mode)
    if kind:
        raise NoteFormatError(f"not a regular file ({kind}); skipped without opening it")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        before = os.fstat(fd)
        kind = _kind(before.st_mode)
        if kind:
            raise NoteFormatError(f"not a regular file ({kind}); skipped without opening it")
        if before.st_size > max_bytes:
            raise NoteFormatError(f"file is {_size(before.st_size)}, over the {_size(max_bytes)} limit")
        parts, size = [], 0
        while size <= max_bytes:
            part = os.read(fd, min(_READ_SIZE, max_bytes + 1 - size))
            if not part:
                break
            parts.append(part)
            size += len(part)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or size != after.st_size:
        raise NoteFormatError("file changed while it was being read; ingest it again")
    return b"".join(parts), after


class NoteLoader:
    """Read every note below ``root`` (``NOTE_SUFFIXES``; following links, never looping)."""

    def __init__(self, resolver: TickerResolver, max_bytes: int = 2_000_000, limits: ReaderLimits = ReaderLimits()):
        self.resolver = resolver
        self.max_bytes = max_bytes
        self.limits = limits

    def paths(self, root: Path, unreadable: list[OSError] | None = None, others: list[Path] | None = None) -> Iterator[Path]:
        """Note files below ``root`` in a stable order; directory link loops are skipped, folders
        that cannot be listed are added to ``unreadable``, and visible files of other types
        (not ``NOTE_SUFFIXES``) to ``others``."""
        seen: set[str] = set()
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=None if unreadable is None else unreadable.append):
            real = os.path.realpath(folder)
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs.sort()
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if name.lower().endswith(NOTE_SUFFIXES):
                    yield Path(folder) / name
                elif others is not None:
                    others.append(Path(folder) / name)

    def read(self, path: Path, root: Path, skip: SkipFn | None = None) -> list[Note | LoadFailure | Unchanged]:
        """Parse one file (a document may hold several notes, and attachments that failed), or
        not if ``skip(source, file_key)`` says so; raises ``NoteFormatError`` or ``OSError``
        with the reason."""
        document = is_document(path.name)
        data, status = read_regular_file(path, self.limits.max_bytes if document else self.max_bytes)
        mtime = datetime.fromtimestamp(status.st_mtime, tz=timezone.utc).date().isoformat()
        source = display_source(path.relative_to(root).as_posix())
        if skip is not None and skip(source, file_key(data, mtime)):
            return [Unchanged(source)]
        if document:
            read = document_notes(data, source, self.resolver, mtime, self.limits)
            return [*read.notes, *(LoadFailure(name, reason) for name, reason in read.failures)]
        text, controls = clean_controls(decode_note(data))
        note = parse_note(text, source, self.resolver, date=mtime)
        if controls:
            note = replace(note, problems=(f"{controls} control characters replaced by spaces", *note.problems))
        return [note]

    def load(self, root: Path, skip: SkipFn | None = None) -> Iterator[Note | LoadFailure | Unchanged]:
        """Every note below ``root``, or a ``LoadFailure`` for each file that could not be read.
        ``skip(source, key)`` is asked about every file read, with its ``file_key``: a file it
        answers True for is not parsed, and an ``Unchanged`` comes instead of its notes."""
        root = Path(root)
        unreadable: list[OSError] = []
        for path in self.paths(root, unreadable):
            source = display_source(path.relative_to(root).as_posix())
            try:
                yield from self.read(path, root, skip)
            except FileNotFoundError:
                yield LoadFailure(source, "file vanished before it could be read")
            except (NoteFormatError, OSError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                yield LoadFailure(source, reason)
        for error in unreadable:  # a folder that vanished or may not be listed: its notes are unknown
            folder = display_source(os.path.relpath(error.filename, root))
            yield LoadFailure(folder + "/", f"folder could not be read: {error.strerror or error}")
