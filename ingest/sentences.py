"""Split text into sentences with character offsets.

Hand-written: LangChain's sentence splitters need NLTK or spaCy data downloaded from the
network, and citations need exact offsets back into the note, which those do not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "inc", "corp", "co", "ltd", "plc", "mr", "mrs", "ms", "dr",
    "approx", "est", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.u", "st", "fig", "al",
}
# End punctuation, optional closing quotes/brackets, whitespace, then a plausible sentence start.
_BOUNDARY = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[$]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its ``[start, end)`` span in the text it came from. ``tabular``: a table
    row or figure line whose ``text`` is rendered with its headers (``ingest.units``), so it
    differs from the span it cites."""

    text: str
    start: int
    end: int
    tabular: bool = False


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(?<![\w'\u2019])([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 12):dot])  # not the s of "Tencent's"
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or len(token) == 1


def _line_sentences(text: str, offset: int) -> list[Sentence]:
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        sentences.append((start, match.end()))
        start = match.end()
    sentences.append((start, len(text)))
    result = []
    for begin, end in sentences:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.append(Sentence(stripped, offset + begin + lead, offset + begin + lead + len(stripped)))
    return result


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; line breaks always end a sentence. Offsets add ``offset``."""
    result, position = [], 0
    for line in _PARAGRAPH.split(text):
        begin = text.index(line, position) if line else position
        result += _line_sentences(line, offset + begin)
        position = begin + len(line)
    return result
