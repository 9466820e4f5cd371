"""Embeddings, the Chroma store, its lexical mirror, and keeping them in step with the notes."""

from vectorstore.chroma import open_chroma
from vectorstore.embeddings import load_embeddings
from vectorstore.lexical import LexicalIndex, SqliteLexicalIndex
from vectorstore.sync import NoteIndex, SyncResult

__all__ = ["LexicalIndex", "SqliteLexicalIndex", "NoteIndex", "SyncResult", "load_embeddings", "open_chroma"]
