"""The line under each answer: the filter its question was asked under, who wrote it, and the
link that copies that answer as Markdown (``copy.js``)."""

from __future__ import annotations

from html import escape

from ragbot.conversations import Turn
from ragbot.web.export import answerer_label

COPY_LABEL = "Copy as Markdown"


def turn_meta_html(turn: Turn, index: int) -> str:
    """For the answer to question ``index`` of the conversation."""
    text = f"Filter: {turn.filter.describe()} \u00b7 answer {answerer_label(turn.answer)}"
    copy = f'<a class="rb-copy-answer" href="#copy-{index}" title="Copy this answer and its numbered sources">{COPY_LABEL}</a>'
    return f'<p class="rb-muted rb-turn-meta">{escape(text)} \u00b7 {copy}</p>'
