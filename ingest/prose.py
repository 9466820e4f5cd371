"""The sentences of a note an answer may cite or highlight: its prose, not its metadata lines.

A note's ``Date:`` line, its ``---`` front matter, its headings and the lines of its sentiment
block describe the note; quoting one ("Date: 2025-05-21") as evidence tells the reader nothing.
"""

from __future__ import annotations

import re

from ingest.dates import front_matter
from ingest.sentences import Sentence, split_sentences
from ingest.sentiment import BLOCK_START
from ingest.units import split_units

# "Date: 2025-05-21", "Published: Nov 3", and the sentiment block's headers on their own line.
_METADATA_LINE = re.compile(
    r"^(?:(?:date|published|dated)[ \t]*:.*|(?:overall[ \t]+sentiment|sentiment[ \t]+score|ticker[ \t]+sentiment)[ \t]*(?::.*)?)$",
    re.IGNORECASE,
)


def is_metadata(sentence: str) -> bool:
    """Whether ``sentence`` (one line or part of one) is a date line, a heading or a sentiment-block header."""
    return sentence.startswith("#") or _METADATA_LINE.match(sentence) is not None


def _prose_span(text: str, offset: int) -> tuple[int, int]:
    """The ``[start, end)`` of ``text`` that is prose: after the front matter at the top of
    the note, before the sentiment block that closes it (note offsets)."""
    block = front_matter(text) if offset == 0 else None
    closing = BLOCK_START.search(text)
    return offset + (block.end() if block else 0), offset + (closing.start() if closing else len(text))


def _prose_only(units: list[Sentence], text: str, offset: int) -> list[Sentence]:
    start, end = _prose_span(text, offset)
    return [u for u in units if start <= u.start and u.end <= end and not is_metadata(u.text)]


def prose_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """The sentences of ``text`` (a note, or a passage starting at note offset ``offset``) that
    are prose: no metadata lines, nothing inside the front matter or the sentiment block."""
    return _prose_only(split_sentences(text, offset), text, offset)


def prose_units(text: str, offset: int = 0, preamble: str = "") -> list[Sentence]:
    """``prose_sentences`` with table rows and figure lines as units of their own
    (``ingest.units.split_units``; ``preamble`` as there)."""
    return _prose_only(split_units(text, offset, preamble), text, offset)
