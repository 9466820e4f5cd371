"""What every format reader returns, and the limits it must respect."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.note import NoteFormatError


class UnreadableDocument(NoteFormatError):
    """A document that cannot be read as a note; the message is the one-line reason."""


@dataclass(frozen=True)
class ReaderLimits:
    """Bounds on what a reader will open.

    ``max_pages``: a PDF with more pages is refused (1 to 100,000). ``max_bytes``: a larger
    document file is refused before it is read (1 MB to a few hundred MB). ``max_unpacked_bytes``:
    a .docx (a zip) whose members would expand beyond this is refused as a possible zip bomb.
    """

    max_pages: int = 1_000
    max_bytes: int = 50_000_000
    max_unpacked_bytes: int = 100_000_000


@dataclass(frozen=True)
class Attachment:
    """A file inside a document (an e-mail attachment) that may itself be a note."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Extracted:
    """A document's text in the plain-note layout (body, footer, sentiment block), plus what
    the format knows better than the text: a title, a date, page starts, attachments.

    ``page_starts[i]`` is the offset in ``text`` where page ``i + 1`` begins (empty: not paged).
    """

    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    page_starts: tuple[int, ...] = ()
    attachments: tuple[Attachment, ...] = ()
