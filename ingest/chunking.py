"""Split a note's body into sentence-aligned chunks that carry the note's metadata."""

from __future__ import annotations

import json
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.note import Note
from ingest.tickers import TickerResolver
from ingest.units import UnitContexts

# Paragraphs, then lines, then sentence ends, then words, then characters (a run without
# spaces, such as a pasted blob, still becomes chunks of ``chunk_size``).
_SEPARATORS = ["\n\n", "\n", r"(?<=[.!?])\s+(?=[\"'(\[$]?[A-Z0-9])", " ", ""]
# A passage that compresses to under this share of its size repeats a few words over and over
# ("buy buy buy", a phrase pasted 40 times): it says nothing, yet would match its words in every
# search. Prose passages of 200-700 characters compress to 0.55-0.65 of their size (eval and
# example notes); such repetition to 0.03-0.12. Range (0, 0.5).
MIN_COMPRESSED_SHARE = 0.15
_ZLIB_OVERHEAD = 12  # bytes any input costs compressed ("a" * 700 takes 12), so short passages are judged fairly
_JUDGED_CHARS = 40  # shorter passages are never judged


def is_degenerate(text: str) -> bool:
    """Whether a passage is one word or phrase repeated (judged by how well it compresses)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) >= _JUDGED_CHARS and len(zlib.compress(data)) < MIN_COMPRESSED_SHARE * len(data) + _ZLIB_OVERHEAD


@dataclass(frozen=True)
class ChunkedNote:
    """A note's chunks to index, and how many degenerate passages were left out."""

    documents: list[Document]
    dropped: int = 0

    @property
    def problems(self) -> tuple[str, ...]:
        if not self.dropped:
            return ()
        total = self.dropped + len(self.documents)
        return (f"{self.dropped} of {total} passages repeat the same few words over and over and were not indexed",)


def note_metadata(note: Note) -> dict:
    """Chroma-ready metadata of a note (no ``None`` values, lists only when non-empty)."""
    metadata = {"source": note.source, "title": note.title}
    optional = {
        "tickers": list(note.tickers) or None,
        "primary_tickers": list(note.primary_tickers) or None,
        "company": note.company,
        "date": note.date,
        "date_source": note.date_source,
        "sentiment_label": note.sentiment_label,
        "sentiment_score": note.sentiment_score,
        "ticker_scores": json.dumps(note.ticker_scores, sort_keys=True) if note.ticker_scores else None,
    }
    metadata.update({k: v for k, v in optional.items() if v is not None})
    return metadata


def page_metadata(pages: tuple[int, ...], start: int, end: int) -> dict:
    """``page``: the page a chunk starts on; ``page_starts``: note offsets of the pages that
    begin inside it, so a sentence's page is ``page`` plus the starts before the sentence."""
    if not pages:
        return {}
    first = max(1, bisect_right(pages, start))
    inside = list(pages[bisect_right(pages, start) : bisect_left(pages, end)])
    return {"page": first, "page_starts": inside} if inside else {"page": first}


def page_of(metadata: dict, offset: int) -> int | None:
    """The page of note offset ``offset`` inside a chunk with ``page_metadata``."""
    if "page" not in metadata:
        return None
    return metadata["page"] + sum(1 for start in metadata.get("page_starts") or [] if start <= offset)


class NoteChunker:
    """Chunks of about ``chunk_size`` characters, split at sentence boundaries.

    Each chunk's ``about`` lists the tickers it can answer for: the note's primary companies
    (every chunk of a note is about them, named or not) plus any company the chunk itself names.
    A note that mentions Google in passing is then retrieved for Google only where it talks
    about Google. ``preamble``: the lines before the chunk that its table rows and figure lines
    need to be read (``ingest.units``).
    """

    def __init__(self, resolver: TickerResolver, chunk_size: int = 700, chunk_overlap: int = 100):
        self.resolver = resolver
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            separators=_SEPARATORS,
            is_separator_regex=True,
            keep_separator="end",
            add_start_index=True,
        )

    def split(self, note: Note) -> list[Document]:
        """Chunks with ``start``/``end`` offsets into the note text and ``chunk_index``."""
        return self.chunk(note).documents

    def chunk(self, note: Note) -> ChunkedNote:
        """The note's chunks, degenerate passages left out (and counted); ``chunk_index``
        numbers the kept ones from 0."""
        base = note_metadata(note)
        every = self.splitter.create_documents([note.body])
        chunks = [c for c in every if not is_degenerate(c.page_content)]
        contexts = UnitContexts(note.text, note.body_start, note.body_end)
        resolver = self.resolver.extended(list(note.declared))
        documents = []
        for index, chunk in enumerate(chunks):
            start = note.body_start + chunk.metadata["start_index"]
            about = list(dict.fromkeys([*note.primary_tickers, *resolver.resolve(chunk.page_content)]))
            meta = {**base, "chunk_index": index, "start": start, "end": start + len(chunk.page_content)}
            if about:
                meta["about"] = about
            if preamble := contexts.at(start):
                meta["preamble"] = preamble  # the heading, list lead-in or table header the chunk continues
            meta.update(page_metadata(note.pages, start, meta["end"]))
            documents.append(Document(page_content=chunk.page_content, metadata=meta))
        return ChunkedNote(documents, dropped=len(every) - len(chunks))
