"""Historical import path of the word helpers, which now live in ``ingest.words`` (shared with
the lexical index; thread-safe stemming) and of ``is_list_item`` (``ragbot.answering.candidates``)."""

from ingest.words import stem, stems
from ragbot.answering.candidates import is_list_item

__all__ = ["is_list_item", "stem", "stems"]
