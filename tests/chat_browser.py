"""Debian chromium driving the chat page through Playwright, shared by the browser tests
(``test_web_*.py``, ``test_watch.py``) and the page's benchmarks (``benchmarks/chat_page.py``
adds this folder to ``sys.path``, as ``benchmarks/formats.py`` does for ``documents.py``)."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WAIT_MS = 180_000  # two shared cores: answers and ingests can be slow, never flaky
DESKTOP = {"width": 1440, "height": 960}
PHONE = {"width": 390, "height": 844}
# The last answer is complete when every card's marker appears in it (cards come with the first
# sentence). Markers and cards are matched by their turn-qualified key ("turn-n", href "#cite-turn-n"
# and data-cites), not by the bare [n]: the previous answer's cards carry the same numbers.
ANSWERED = """(count) => {
  const bots = document.querySelectorAll('#rb-chat [data-testid=bot]');
  if (bots.length < count) return false;
  const last = bots[bots.length - 1];
  if (last.querySelector('.rb-thinking')) return false;
  const markers = new Set([...last.querySelectorAll('a.rb-cite')].map((a) => a.getAttribute('href').replace('#cite-', '')));
  const cards = [...document.querySelectorAll('#rb-sources .rb-card')].flatMap((c) => c.dataset.cites.split(' '));
  return cards.length > 0 && cards.every((key) => markers.has(key));
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def chromium() -> Iterator:
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


CLICK_TRIES = 5  # clicks on a loaded machine: each waits a fifth of ``WAIT_MS`` for what it opens


def click_until(page, target, condition: str) -> None:
    """Click ``target`` until ``condition`` (a JavaScript expression) holds, as a user clicks again
    when nothing opens: on two shared cores a click landing while the page still settles the last
    streamed answer may open nothing (seen once in CI under three benchmarks' load)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(CLICK_TRIES):
        target.click()
        try:
            page.wait_for_function(f"() => {condition}", timeout=WAIT_MS // CLICK_TRIES)
            return
        except PlaywrightTimeout:
            if attempt == CLICK_TRIES - 1:
                raise


def ask(page, question: str):
    """Ask on the page and wait for the whole streamed answer; returns its message."""
    count = page.locator("#rb-chat [data-testid=bot]").count() + 1
    page.fill("#rb-question textarea", question)
    page.press("#rb-question textarea", "Enter")
    page.wait_for_function(ANSWERED, arg=count, timeout=WAIT_MS)
    return page.locator("#rb-chat [data-testid=bot]").last
