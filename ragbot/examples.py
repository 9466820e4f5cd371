"""What the empty chat offers: the companies the notes are about (not passing mentions), and
example questions about them that the notes answer, each asked before it is offered."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

from langchain_core.documents import Document

from ragbot.answer import Answer

TEMPLATES = (
    "What are the main risks for {name}?",
    "What's the sentiment on {name}?",
    "What is driving growth at {name}?",
    "What did the notes say about {name}'s margins?",
)
MAX_ASKED = 12  # questions tried at most for one set of examples (each costs one answer)
_CACHED = 8  # example sets kept, by the store's notes: a page load asks nothing until an ingest changes them
_cache: dict[tuple, list[str]] = {}
_cache_guard = threading.Lock()  # page loads on several threads read and trim the cache


def companies_about(first_chunks: list[Document]) -> dict[str, int]:
    """Ticker -> the number of notes about it (its Ticker Sentiment subjects), most first."""
    counts = Counter(t for d in first_chunks for t in d.metadata.get("primary_tickers") or [])
    return dict(counts.most_common())


def found_examples(tickers: list[str], name_of: Callable[[str], str], ask: Callable[[str], Answer], count: int = 4) -> list[str]:
    """Up to ``count`` questions about ``tickers`` (most-covered first) that ``ask`` answers as
    found: one per company, each trying the templates from a different one until one is found
    (a second per company when there are fewer companies than ``count``); at most
    ``MAX_ASKED`` questions asked."""
    chosen: list[str] = []
    tried = 0
    for lap in range(1 + (len(tickers) < count)):
        for i, ticker in enumerate(tickers):
            for k in range(len(TEMPLATES)):
                if len(chosen) >= count or tried >= MAX_ASKED:
                    return chosen
                question = TEMPLATES[(i + lap + k) % len(TEMPLATES)].format(name=name_of(ticker))
                if question in chosen:
                    continue
                tried += 1
                if ask(question).found:
                    chosen.append(question)
                    break
    return chosen


def store_examples(first_chunks: list[Document], name_of: Callable[[str], str], ask: Callable[[str], Answer], count: int = 4) -> list[str]:
    """``found_examples`` for the companies of ``first_chunks`` (each note's first chunk),
    re-asked whenever the notes change (their chunk ids and tickers are the key)."""
    key = tuple(sorted((d.id or "", tuple(d.metadata.get("primary_tickers") or [])) for d in first_chunks)) + (count,)
    with _cache_guard:
        cached = _cache.get(key)
    if cached is None:
        cached = found_examples(list(companies_about(first_chunks)), name_of, ask, count)
        with _cache_guard:
            while len(_cache) >= _CACHED:
                _cache.pop(next(iter(_cache)))
            _cache[key] = cached
    return list(cached)
