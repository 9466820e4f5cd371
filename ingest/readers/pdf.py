"""PDF with a text layer -> text per page, via ``pypdf`` (BSD-3-Clause, pure Python).

pypdf gives each page's text as the lines it drew. Three clean-ups it does not do are
hand-written here: running headers and footers repeated on every page are dropped, lines
wrapped inside a paragraph are joined (the sentence splitter treats a line break as a
boundary), and words hyphenated across a line break are joined.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from datetime import datetime

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from ingest.readers.base import Extracted, ReaderLimits, UnreadableDocument

EDGE_LINES = 2  # lines at the top and bottom of a page where running headers/footers sit
REPEATED_SHARE = 0.5  # a line at a page edge on at least this share of pages (and >= 2) is furniture
WRAPPED_WIDTH = 0.7  # a line at least this share of the document's long-line width continues on the next
PAGE_SEPARATOR = "\n\n"
_DIGITS = re.compile(r"\d+")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u2019\u201d)]*$")  # a line ending a sentence may end a paragraph: keep the break
_STARTS_SENTENCE = re.compile(r"[\"'\u2018\u201c(]?[A-Z0-9]")
_FILE_TITLE = re.compile(r"\.(docx?|pdf|txt|md|html?|pptx?)$|^microsoft\s+word", re.IGNORECASE)

_ERRORS = (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError)  # what a damaged file raises

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed files are reported by path instead


def _key(line: str) -> str:
    """A line with its numbers blanked, so "Page 3 of 9" matches "Page 4 of 9"."""
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _furniture(pages: list[list[str]], width: int) -> set[str]:
    """Keys of lines that sit at a page edge on most pages: running headers and footers (never
    a full line of prose, which only repeats when the pages themselves repeat)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        counts.update({_key(line) for line in edges if len(line) < WRAPPED_WIDTH * width})
    needed = max(2, math.ceil(REPEATED_SHARE * len(pages)))
    return {key for key, n in counts.items() if n >= needed and key.strip("# ")}


def _strip_edges(lines: list[str], furniture: set[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < min(EDGE_LINES, end) and _key(lines[start]) in furniture:
        start += 1
    while end > max(start, len(lines) - EDGE_LINES) and _key(lines[end - 1]) in furniture:
        end -= 1
    return lines[start:end]


def line_width(pages: list[list[str]]) -> int:
    """The length of the document's long lines (90th percentile): a full line of prose."""
    lengths = sorted(len(line) for lines in pages for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def reflow(lines: list[str], width: int) -> str:
    """Join lines wrapped inside a paragraph (and words hyphenated across them); short lines
    (a paragraph's last line, a table row, a heading) keep their line break, and so does a
    full line that ends a sentence. ``width`` is the document's ``line_width``."""
    out = ""
    for i, line in enumerate(lines):
        out += line
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is None:
            break
        wrapped = len(line) >= WRAPPED_WIDTH * width and not (_SENTENCE_END.search(line) and _STARTS_SENTENCE.match(following))
        if wrapped and _HYPHENATED.search(line) and following[:1].islower():
            out = out[:-1]
        elif wrapped:
            out += "" if line.endswith(" ") else " "
        else:
            out += "\n"
    return out


def _title(reader: PdfReader) -> str | None:
    title = ((reader.metadata or {}).get("/Title") or "").strip()
    return title if title and not _FILE_TITLE.search(title) else None


def _date(reader: PdfReader) -> str | None:
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except (ValueError, PyPdfError):
        return None
    return created.date().isoformat() if isinstance(created, datetime) else None


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except _ERRORS as error:
        raise UnreadableDocument(f"not a readable PDF ({error})") from error
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # many "protected" PDFs open with an empty password
        except (PyPdfError, NotImplementedError) as error:
            raise UnreadableDocument(f"encrypted PDF that cannot be opened ({error})") from error
        if not opened:
            raise UnreadableDocument("encrypted PDF (password required)")
    return reader


def read_pdf(data: bytes, limits: ReaderLimits) -> Extracted:
    """Text per page (page starts kept), cleaned; refuses encrypted, corrupt, over-long and
    text-less (scanned) PDFs with the reason."""
    reader = _open(data)
    try:
        count = len(reader.pages)
    except _ERRORS as error:
        raise UnreadableDocument(f"corrupt PDF ({error})") from error
    if count > limits.max_pages:
        raise UnreadableDocument(f"PDF has {count} pages, over the RAGBOT_MAX_PAGES limit of {limits.max_pages}")
    try:
        pages = [[line.rstrip() for line in (page.extract_text() or "").splitlines()] for page in reader.pages]
    except _ERRORS as error:
        raise UnreadableDocument(f"corrupt PDF ({error})") from error
    if not any(line.strip() for lines in pages for line in lines):
        raise UnreadableDocument("no text layer (scanned?)")
    pages = [[line for line in lines if line.strip()] for lines in pages]
    furniture = _furniture(pages, line_width(pages))
    pages = [_strip_edges(lines, furniture) for lines in pages]
    width = line_width(pages)
    text, starts = "", []
    for lines in pages:
        if text:
            text += PAGE_SEPARATOR
        starts.append(len(text))
        text += reflow(lines, width)
    return Extracted(text=text, title=_title(reader), date=_date(reader), page_starts=tuple(starts))
