"""The same research arriving twice (a PDF, and the same PDF attached to an e-mail): found by
content, so it is indexed once and the copy is reported."""

from __future__ import annotations

import hashlib
import re

from ingest.loader import LoadFailure
from ingest.note import Note
from ingest.readers.notes import ATTACHMENT_MARK

_WORD = re.compile(r"\w+")


def fingerprint(note: Note) -> str:
    """A hash of the body's words in lower case: blind to layout, line breaks and punctuation,
    which differ between the extractions of the same text from different formats."""
    words = " ".join(_WORD.findall(note.body.lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def drop_repeats(notes: list[Note]) -> tuple[list[Note], list[LoadFailure]]:
    """The notes with each body once, and a report for each copy left out. A standalone file
    is kept over an attachment, then the first source in name order, so the choice does not
    depend on which copy arrived first."""
    kept: dict[str, Note] = {}
    for note in sorted(notes, key=lambda n: (ATTACHMENT_MARK in n.source, n.source)):
        kept.setdefault(fingerprint(note), note)
    keep = {id(n) for n in kept.values()}
    repeats = [
        LoadFailure(n.source, f"same content as {kept[fingerprint(n)].source}; not indexed twice")
        for n in notes if id(n) not in keep
    ]
    return [n for n in notes if id(n) in keep], repeats
