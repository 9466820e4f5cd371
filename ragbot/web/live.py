"""Refresh the page's views of the store when something outside the page changed it (a folder
watcher running beside the page, a CLI ingest in another process): a timer compares the store's
generation (``vectorstore.locking``) with the one the page last showed."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from vectorstore.servers import StoreUnavailable

REFRESH_SECONDS = 2.0  # how often an open page asks whether the store changed (a cheap counter read)


def current(generation: Callable[[], int]) -> int | None:
    """``generation()``, or None while the store's server is unavailable."""
    try:
        return generation()
    except StoreUnavailable:
        return None


def wire_live_refresh(demo: gr.Blocks, generation: Callable[[], int], refresh: Callable, inputs: list, outputs: list) -> None:
    """Every ``REFRESH_SECONDS``, run ``refresh(*inputs)`` into ``outputs`` if ``generation()`` moved
    since the page loaded (so a tick never undoes what the user picked on an unchanged store).

    A tick's only output is a hidden number; the refresh is a second event, run when it changes.
    Gradio's client marks every output of an event as pending and redraws it, skipped or not:
    with the views (table, plot) as outputs, each tick cost the browser ~60 ms of CPU, which a
    question asked at that moment waited for (measured in docs/chat-page.md)."""
    seen = gr.State(-1)
    moved = gr.Number(-1, visible=False)  # the generation the views were last refreshed to
    demo.load(lambda: current(generation), None, seen, api_visibility="private", queue=False)
    timer = gr.Timer(REFRESH_SECONDS)

    def tick(last: int):
        now = current(generation)
        if now is None or now == last:  # unchanged, or its server is gone (the next tick looks again)
            return gr.skip(), gr.skip()
        return now, now

    timer.tick(tick, [seen], [seen, moved], api_visibility="private", show_progress="hidden", queue=False)
    moved.change(refresh, inputs, outputs, api_visibility="private", show_progress="hidden", queue=False)
