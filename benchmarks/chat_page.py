"""The chat page served over a copy of the example notes, in Debian chromium through Playwright:
what ``screenshots.py`` and ``first_words.py`` drive (imported after ``benchmarks.common``)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import ROOT, make_bot

sys.path.append(str(ROOT / "tests"))  # the browser helpers the page's tests use
from chat_browser import DESKTOP, PHONE, WAIT_MS, ask, chromium, free_port  # noqa: E402,F401  (re-exported)

EXAMPLES = ROOT / "examples" / "notes"


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


def open_page(browser, url: str, viewport: dict = DESKTOP, **context):
    """A new page on the chat, ready for a question; ``context`` goes to ``new_context``
    (``color_scheme="dark"``, ``forced_colors="active"``...)."""
    page = browser.new_context(viewport=viewport, **context).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.wait_for_selector("#rb-question textarea")
    return page

