"""Refresh the page's views of the store when something outside the page changed it (a folder
watcher running beside the page): a timer compares the watcher's ingest count with the one the
page last showed."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

REFRESH_SECONDS = 2.0  # how often an open page asks whether the store changed (a cheap counter read)


def wire_live_refresh(generation: Callable[[], int], refresh: Callable, tickers: gr.Dropdown, outputs: list) -> None:
    """Every ``REFRESH_SECONDS``, run ``refresh(tickers)`` into ``outputs`` if ``generation()`` moved."""
    seen = gr.State(-1)
    timer = gr.Timer(REFRESH_SECONDS)

    def tick(last: int, selected: list[str] | None):
        now = generation()
        if now == last:
            return gr.skip(), *(gr.skip() for _ in outputs)
        return now, *refresh(selected)

    timer.tick(tick, [seen, tickers], [seen, *outputs], api_visibility="private", show_progress="hidden", queue=False)
