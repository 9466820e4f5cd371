"""Loading, parsing and chunking research notes. Depends on no other ragbot package."""

from ingest.chunking import NoteChunker
from ingest.loader import LoadFailure, NoteLoader
from ingest.note import Note, parse_note
from ingest.sentences import Sentence, split_sentences
from ingest.tickers import CompanyDirectory, TickerResolver, learn_companies

__all__ = [
    "CompanyDirectory",
    "LoadFailure",
    "Note",
    "NoteChunker",
    "NoteLoader",
    "Sentence",
    "TickerResolver",
    "parse_note",
    "learn_companies",
    "split_sentences",
]
