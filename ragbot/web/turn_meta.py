"""The line under each answer: the filter its question was asked under and who wrote it."""

from __future__ import annotations

from html import escape

from ragbot.conversations import Turn
from ragbot.web.export import answerer_label


def turn_meta_html(turn: Turn) -> str:
    text = f"Filter: {turn.filter.describe()} \u00b7 answer {answerer_label(turn.answer.answerer)}"
    return f'<p class="rb-muted rb-turn-meta">{escape(text)}</p>'
