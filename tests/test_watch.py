"""``ragbot watch`` driven by real file-system events in a temporary folder (a real subprocess),
and ``serve --watch``'s page refreshing in Chromium when a note lands in the folder."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import make_settings
from documents import html_page, pdf_bytes
from ingest_helpers import RAGBOT_SCRIPT, assert_store_consistent, note_text, write
from test_formats import NVDA_PAGES

from ragbot import Ragbot
from ragbot.watch import FolderWatcher

pytestmark = pytest.mark.slow
STUCK_SECONDS = 600  # only a hung watcher takes this long; two busy shared cores can take minutes to start

NFLX_NOTE = note_text(
    "Netflix added 9 million members in the quarter as the ad-supported plan reached 70 million monthly users, "
    "and management raised its operating margin target to 29 percent for the year.",
    label="positive", score="0.50", tickers="NFLX 0.55",
)


class WatchLog:
    """The watcher's output file, read line by line as it grows."""

    def __init__(self, path: Path):
        self.path = path
        self.seen = 0

    def lines(self) -> list[str]:
        return self.path.read_text().splitlines()

    def next(self, pattern: str) -> list[str]:
        """Wait for the next line matching ``pattern``; return the lines up to it."""
        deadline = time.monotonic() + STUCK_SECONDS
        while time.monotonic() < deadline:
            lines = self.lines()
            for i in range(self.seen, len(lines)):
                if re.search(pattern, lines[i]):
                    new, self.seen = lines[self.seen : i + 1], i + 1
                    return new
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.lines()))


@pytest.fixture
def watcher(tmp_path):
    notes = tmp_path / "notes"
    write(notes, "baba.txt", note_text("Alibaba cloud revenue grew 26% in the June quarter on AI demand.", tickers="BABA 0.4"))
    env = {**os.environ, "RAGBOT_WATCH_DEBOUNCE_MS": "200", "RAGBOT_WATCH_SETTLE_MS": "300", "PYTHONUNBUFFERED": "1"}
    out = tmp_path / "watch.log"
    with out.open("w") as sink:
        process = subprocess.Popen(
            [str(RAGBOT_SCRIPT), "watch", str(notes), "--store", str(tmp_path / "store")],
            stdout=sink, stderr=subprocess.STDOUT, env=env,
        )
    log = WatchLog(out)
    yield process, notes, log
    if process.poll() is None:
        process.kill()
        process.wait()


def test_watch_follows_adds_edits_moves_deletes_and_bad_files_then_stops_on_ctrl_c(watcher, tmp_path):
    process, notes, log = watcher
    assert "1 added" in log.next(r"ingest:")[-1]
    log.next(r"watching")

    write(notes, "nvda.pdf", pdf_bytes(NVDA_PAGES))  # a burst of three saves is one ingest
    write(notes, "nflx.txt", NFLX_NOTE)
    write(notes, "web/baba.html", html_page("Alibaba cloud", ["Alibaba cloud revenue grew 26 percent in the June quarter."]))
    batch = log.next(r"ingest:")
    assert {"added nvda.pdf", "added nflx.txt"} <= {line.split(" ", 1)[1] for line in batch}
    assert "3 added, 0 updated, 0 deleted, 0 failed" in batch[-1]

    write(notes, "nflx.txt", NFLX_NOTE.replace("9 million", "10 million"))
    assert "0 added, 1 updated, 0 deleted" in log.next(r"ingest:")[-1]

    (notes / "archive").mkdir()
    os.rename(notes / "nvda.pdf", notes / "archive" / "nvda.pdf")
    moved = log.next(r"ingest:")[-1]
    assert "1 added, 0 updated, 1 deleted, 0 failed; 0 chunks embedded" in moved  # vectors reused

    report = pdf_bytes([NVDA_PAGES[2]])
    with (notes / "late.pdf").open("wb") as half:  # a writer that stalls halfway
        half.write(report[: len(report) // 2])
        half.flush()
        failed = log.next(r"failed late\.pdf")
        half.write(report[len(report) // 2 :])
    assert "1 failed" in failed[-2]
    assert "1 added, 0 updated, 0 deleted, 0 failed" in log.next(r"ingest:")[-1]  # retried once complete

    write(notes, "locked.pdf", pdf_bytes(NVDA_PAGES, password="s3cret"))
    assert "locked.pdf: encrypted PDF (password required)" in log.next(r"failed locked\.pdf")[-1]
    (notes / "baba.txt").unlink()
    assert "0 added, 0 updated, 1 deleted, 1 failed" in log.next(r"ingest:")[-1]  # still running

    process.send_signal(signal.SIGINT)  # Ctrl-C
    assert process.wait(timeout=STUCK_SECONDS) == 0
    assert log.lines()[-1].endswith("stopped")

    bot = Ragbot(make_settings(tmp_path / "store"))
    assert bot.index.sources() == ["archive/nvda.pdf", "late.pdf", "nflx.txt", "web/baba.html"]
    assert_store_consistent(bot)
    assert bot.search("Netflix members", ticker="NFLX", k=1)[0].text.count("10 million") == 1


@pytest.mark.browser
def test_serve_watch_page_refreshes_its_notes_and_tickers_without_a_reload(tmp_path, embeddings):
    from chat_browser import WAIT_MS, chromium, free_port

    from ragbot.web.app import launch

    notes = tmp_path / "notes"
    write(notes, "baba.txt", note_text("Alibaba cloud revenue grew 26% in the June quarter on AI demand.", tickers="BABA 0.4"))
    bot = Ragbot(make_settings(tmp_path / "store", notes_dir=notes, watch_debounce_ms=200, watch_settle_ms=200))
    bot.warm_up()
    lines: list[str] = []
    watcher = FolderWatcher(bot, notes, log=lines.append)
    thread, stop = watcher.start()
    port = free_port()
    demo = launch(bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.set_default_timeout(WAIT_MS)
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_role("tab", name="Notes").click()
            page.locator("#rb-notes-table", has_text="baba.txt").wait_for()

            write(notes, "research/nflx.txt", NFLX_NOTE)  # saved into the folder, not through the page
            page.locator("#rb-notes-table", has_text="research/nflx.txt").wait_for()
            page.locator("#rb-brand", has_text="2 notes").wait_for()
            page.locator("#rb-tickers input").click()
            page.locator("[role=option]", has_text="NFLX").wait_for()
    finally:
        demo.close()
        stop.set()
        thread.join(timeout=STUCK_SECONDS)
    assert not thread.is_alive() and any("1 added" in line for line in lines)
