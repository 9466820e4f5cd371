"""The same research arriving twice (a PDF, and the same PDF attached to an e-mail): found by
content, so it is indexed once and the copy is reported."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from ingest.loader import LoadFailure
from ingest.note import Note
from ingest.readers.notes import ATTACHMENT_MARK

_WORD = re.compile(r"\w+")


def fingerprint(note: Note) -> str:
    """A hash of the body's words in lower case: blind to layout, line breaks and punctuation,
    which differ between the extractions of the same text from different formats."""
    words = " ".join(_WORD.findall(note.body.lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def drop_repeats(notes: list[Note], others: Mapping[str, str] | None = None) -> tuple[list[Note], list[LoadFailure]]:
    """The notes with each body once, and a report for each copy left out. A standalone file
    is kept over an attachment, then the first source in name order, so the choice does not
    depend on which copy arrived first. ``others``: the fingerprints of notes not parsed this
    time (their files unchanged), by source; they take part in the choice, and are reported
    when a note of ``notes`` is kept over them."""
    prints = {**(others or {}), **{n.source: fingerprint(n) for n in notes}}
    kept: dict[str, str] = {}  # fingerprint -> the source kept
    for source in sorted(prints, key=lambda s: (ATTACHMENT_MARK in s, s)):
        kept.setdefault(prints[source], source)
    repeats = [
        LoadFailure(source, f"same content as {kept[found]}; not indexed twice")
        for source, found in prints.items() if kept[found] != source
    ]
    return [n for n in notes if kept[prints[n.source]] == n.source], repeats
