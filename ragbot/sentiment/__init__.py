"""Sentiment and time questions answered from the notes' metadata: intent -> query -> compose."""

from ragbot.sentiment.answerer import SentimentAnswerer, note_sentiment
from ragbot.sentiment.catalog import NoteCatalog, NoteRecord, describe
from ragbot.sentiment.intent import SentimentIntent, parse_intent
from ragbot.windows import Window, find_window

__all__ = [
    "NoteCatalog",
    "NoteRecord",
    "SentimentAnswerer",
    "SentimentIntent",
    "Window",
    "describe",
    "find_window",
    "note_sentiment",
    "parse_intent",
]
