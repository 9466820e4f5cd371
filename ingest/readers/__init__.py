"""Readers for the formats analysts keep notes in, by file extension.

Each reader turns a file's bytes into ``Extracted`` text laid out like a plain note (body,
footer, sentiment block), so every format goes through the same ``parse_note``, chunking,
citations, sentiment and ticker routing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from ingest.readers.base import Attachment, Extracted, ReaderLimits, UnreadableDocument
from ingest.readers.docx import read_docx
from ingest.readers.eml import read_eml
from ingest.readers.html import read_html
from ingest.readers.pdf import read_pdf

Reader = Callable[[bytes, ReaderLimits], Extracted]

READERS: dict[str, Reader] = {
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".eml": read_eml,
}
DOCUMENT_SUFFIXES = tuple(READERS)


def reader_for(name: str) -> Reader | None:
    """The reader for a file name's extension, or ``None`` if it is not a document format."""
    return READERS.get(PurePosixPath(name).suffix.lower())


__all__ = [
    "Attachment", "DOCUMENT_SUFFIXES", "Extracted", "READERS", "Reader", "ReaderLimits", "UnreadableDocument",
    "reader_for",
]
