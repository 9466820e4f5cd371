"""Readers for the formats analysts keep notes in, by file extension.

Each reader turns a file's bytes into ``Extracted`` text laid out like a plain note (body,
footer, sentiment block), so every format goes through the same ``parse_note``, chunking,
citations, sentiment and ticker routing.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import PurePosixPath

from ingest.readers.base import Attachment, Extracted, ReaderLimits, UnreadableDocument

Reader = Callable[[bytes, ReaderLimits], Extracted]

READER_MODULES: dict[str, str] = {  # extension -> the module ``ingest.readers.<name>`` whose ``read_<name>`` reads it
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".eml": "eml",
}
DOCUMENT_SUFFIXES = tuple(READER_MODULES)


def is_document(name: str) -> bool:
    """Whether a file name's extension is a document format (``reader_for`` has a reader)."""
    return PurePosixPath(name).suffix.lower() in READER_MODULES


def reader_for(name: str) -> Reader | None:
    """The reader for a file name's extension, or ``None`` if it is not a document format.

    A reader's module, with the libraries it parses with (pypdf, lxml and trafilatura,
    python-docx), is imported on first use: an ingest that parses no document never loads them."""
    module = READER_MODULES.get(PurePosixPath(name).suffix.lower())
    return None if module is None else getattr(import_module(f"ingest.readers.{module}"), f"read_{module}")


__all__ = [
    "Attachment", "DOCUMENT_SUFFIXES", "Extracted", "READER_MODULES", "Reader", "ReaderLimits", "UnreadableDocument",
    "is_document", "reader_for",
]
