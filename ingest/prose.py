"""The sentences of a note an answer may cite or highlight: its prose, not its metadata lines.

A note's ``Date:`` line, its ``---`` front matter, its headings and the lines of its sentiment
block describe the note; quoting one ("Date: 2025-05-21") as evidence tells the reader nothing.
"""

from __future__ import annotations

import re

from ingest.dates import front_matter
from ingest.sentences import Sentence, split_sentences

# "Date: 2025-05-21", "Published: Nov 3", and the sentiment block's headers on their own line.
_METADATA_LINE = re.compile(
    r"^(?:(?:date|published|dated)[ \t]*:.*|(?:overall[ \t]+sentiment|sentiment[ \t]+score|ticker[ \t]+sentiment)[ \t]*(?::.*)?)$",
    re.IGNORECASE,
)


def is_metadata(sentence: str) -> bool:
    """Whether ``sentence`` (one line or part of one) is a date line, a heading or a sentiment-block header."""
    return sentence.startswith("#") or _METADATA_LINE.match(sentence) is not None


def prose_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """The sentences of ``text`` (a note, or a passage starting at note offset ``offset``) that
    are prose: no metadata lines, and nothing inside the front matter at the top of the note."""
    block = front_matter(text) if offset == 0 else None
    body_start = block.end() if block else 0
    return [s for s in split_sentences(text, offset) if s.start >= offset + body_start and not is_metadata(s.text)]
