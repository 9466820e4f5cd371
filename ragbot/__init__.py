"""ragbot: ask questions about your investment research notes, answered with citations."""

from ragbot.answer import Answer, Answerer, Citation
from ragbot.bot import Ragbot
from ragbot.reports import IngestReport, SearchHit, StoreStats
from ragbot.settings import Settings

__all__ = ["Answer", "Answerer", "Citation", "IngestReport", "Ragbot", "SearchHit", "Settings", "StoreStats"]
