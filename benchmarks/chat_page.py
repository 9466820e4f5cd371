"""The chat page served over a copy of the example notes, in Debian chromium through Playwright:
what ``screenshots.py`` and ``first_words.py`` drive (imported after ``benchmarks.common``)."""

from __future__ import annotations

import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import ROOT, make_bot

EXAMPLES = ROOT / "examples" / "notes"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WAIT_MS = 180_000  # two shared cores: an answer can be slow, never a failure
DESKTOP = {"width": 1440, "height": 960}
PHONE = {"width": 390, "height": 844}
# True once the newest answer carries every source card's marker (the answer is complete).
ANSWERED = """(count) => {
  const bots = document.querySelectorAll('#rb-chat [data-testid=bot]');
  if (bots.length < count) return false;
  const last = bots[bots.length - 1];
  if (last.querySelector('.rb-thinking')) return false;
  const markers = new Set([...last.querySelectorAll('a.rb-cite')].map((a) => a.textContent));
  const cards = [...document.querySelectorAll('#rb-sources .rb-num')].map((n) => n.textContent);
  return cards.length > 0 && cards.every((n) => markers.has(n));
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(notes: Path = EXAMPLES) -> Iterator[tuple[str, object]]:
    """(the page's URL, its ``Ragbot``), served from this process over a fresh store holding a copy of ``notes``."""
    from ragbot.web.app import launch

    with tempfile.TemporaryDirectory(prefix="ragbot-page-") as tmp:
        copy = Path(tmp) / "notes"
        shutil.copytree(notes, copy)
        bot = make_bot(Path(tmp) / "store", notes_dir=copy, _env_file=None)
        bot.ingest()
        bot.warm_up()
        port = free_port()
        demo = launch(bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        try:
            yield f"http://127.0.0.1:{port}/", bot
        finally:
            demo.close()


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


def open_page(browser, url: str, viewport: dict = DESKTOP, **context):
    """A new page on the chat, ready for a question; ``context`` goes to ``new_context``
    (``color_scheme="dark"``, ``forced_colors="active"``...)."""
    page = browser.new_context(viewport=viewport, **context).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.wait_for_selector("#rb-question textarea")
    return page


def ask(page, question: str):
    """Ask on the page and wait for the whole streamed answer; returns its message."""
    count = page.locator("#rb-chat [data-testid=bot]").count() + 1
    page.fill("#rb-question textarea", question)
    page.press("#rb-question textarea", "Enter")
    page.wait_for_function(ANSWERED, arg=count, timeout=WAIT_MS)
    return page.locator("#rb-chat [data-testid=bot]").last
