"""Save notes uploaded through the page into the uploads folder, safely.

Only notes are kept: ``.txt``/``.md`` text files up to the note size limit, and documents
(PDF, HTML, .docx, .eml) up to the document size limit, whose content the ingest then checks;
names are reduced to plain ASCII file names, so an upload can never land outside the uploads
folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ingest import LoadFailure
from ingest.loader import NOTE_SUFFIXES, decode_note
from ingest.note import NoteFormatError
from ingest.readers import is_document

_MAX_STEM = 100


class UploadError(ValueError):
    """An upload that is refused, with the reason."""


def safe_filename(name: str) -> str:
    """A plain ``stem.suffix`` name for an upload (a note suffix): no folders, no hidden files, ASCII only."""
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in NOTE_SUFFIXES:
        raise UploadError(f"only {', '.join(NOTE_SUFFIXES)} notes can be uploaded")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    clean = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem)).strip(".-_")[:_MAX_STEM]
    if not clean:
        raise UploadError("the file name has no usable characters")
    return f"{clean}.{suffix.lower()}"


def target_path(folder: Path, name: str) -> Path:
    """Where the upload ``name`` goes in ``folder``; refuses anything resolving elsewhere."""
    path = folder / safe_filename(name)
    if path.is_symlink() or path.resolve().parent != folder.resolve():
        raise UploadError("the file name points outside the uploads folder")
    return path


def read_note_bytes(path: Path, max_bytes: int, max_document_bytes: int | None = None) -> bytes:
    """The upload's bytes, if it is text within ``max_bytes``, or a document (by its name)
    within ``max_document_bytes`` (default ``max_bytes``)."""
    document = is_document(path.name)
    limit = (max_document_bytes or max_bytes) if document else max_bytes
    size = path.stat().st_size
    if size > limit:
        raise UploadError(f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit")
    data = path.read_bytes()
    if document:
        return data
    try:
        decode_note(data)
    except (NoteFormatError, UnicodeDecodeError) as error:
        raise UploadError(str(error)) from error
    return data


def save_upload(upload: Path, folder: Path, max_bytes: int, max_document_bytes: int | None = None) -> Path:
    """Copy one uploaded file into ``folder`` (replacing a note of the same name) and return its path."""
    target = target_path(folder, upload.name)
    data = read_note_bytes(upload, max_bytes, max_document_bytes)
    partial = folder / f".{target.name}.part"  # hidden: the loader skips it
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def save_uploads(
    uploads: list[Path], folder: Path, max_bytes: int, max_document_bytes: int | None = None
) -> tuple[list[Path], list[LoadFailure]]:
    """Save every upload into ``folder`` (``ragbot.userdata.uploads_folder``, created if
    missing); each refused file comes back with its reason."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saved, refused = [], []
    for upload in map(Path, uploads):
        try:
            saved.append(save_upload(upload, folder, max_bytes, max_document_bytes))
        except (UploadError, OSError) as error:
            refused.append(LoadFailure(upload.name, str(error)))
    return saved, refused
