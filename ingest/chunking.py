"""Split a note's body into sentence-aligned chunks that carry the note's metadata."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.note import Note
from ingest.tickers import TickerResolver

# Paragraphs, then lines, then sentence ends, then words.
_SEPARATORS = ["\n\n", "\n", r"(?<=[.!?])\s+(?=[\"'(\[$]?[A-Z0-9])", " "]


def note_metadata(note: Note) -> dict:
    """Chroma-ready metadata of a note (no ``None`` values, lists only when non-empty)."""
    metadata = {"source": note.source, "title": note.title}
    optional = {
        "tickers": list(note.tickers) or None,
        "primary_tickers": list(note.primary_tickers) or None,
        "date": note.date,
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
    plus any company the chunk itself names. A note that mentions Google in passing is then
    retrieved for Google only where it talks about Google.
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
        base = note_metadata(note)
        chunks = self.splitter.create_documents([note.body])
        documents = []
        for index, chunk in enumerate(chunks):
            start = chunk.metadata["start_index"]
            about = list(dict.fromkeys([*note.primary_tickers, *self.resolver.resolve(chunk.page_content)]))
            meta = {**base, "chunk_index": index, "start": start, "end": start + len(chunk.page_content)}
            if about:
                meta["about"] = about
            meta.update(page_metadata(note.pages, start, meta["end"]))
            documents.append(Document(page_content=chunk.page_content, metadata=meta))
        return documents
