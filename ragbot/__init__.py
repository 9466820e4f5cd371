"""ragbot: ask questions about your investment research notes, answered with citations.

The names below load on first use, so a command that only ingests never imports the
answering stack (``tests/test_cli_ingest.py`` pins it)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ragbot.answer import Answer, Answerer, Citation
    from ragbot.bot import Ragbot
    from ragbot.reports import IngestReport, SearchHit, StoreStats
    from ragbot.settings import Settings

_HOMES = {
    "Answer": "ragbot.answer",
    "Answerer": "ragbot.answer",
    "Citation": "ragbot.answer",
    "IngestReport": "ragbot.reports",
    "Ragbot": "ragbot.bot",
    "SearchHit": "ragbot.reports",
    "Settings": "ragbot.settings",
    "StoreStats": "ragbot.reports",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    """``from ragbot import Ragbot`` imports ``ragbot.bot`` now, and only it."""
    if name not in _HOMES:
        raise AttributeError(f"module 'ragbot' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
