"""The notes tab in a real browser (Debian chromium via Playwright): re-ingest shows the real
embedding count as it goes; delete asks first, then offers Undo; the table has one row per note.

Set ``RAGBOT_SCREENSHOT_NOTES=docs/screenshot-notes.png`` to refresh the docs' screenshot.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from conftest import EVAL_NOTES, EXAMPLES, make_settings
from chat_browser import WAIT_MS, free_port
from test_web_app import browser  # noqa: F401  (the browser fixture)

from ragbot import Ragbot
from ragbot.web.app import launch

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EMBED_BATCH = 4  # small slices: the page gets many embedding events to show
# The progress text of the re-ingest while it embeds, with fewer chunks done than in all.
EMBEDDING = r"Embedding (\d+)/(\d+) chunks"


@pytest.fixture(scope="module")
def tab_bot(tmp_path_factory, embeddings) -> Ragbot:
    """The example notes ingested; the evaluation notes waiting in the notes folder."""
    root = tmp_path_factory.mktemp("notes-tab")
    notes = root / "notes"
    shutil.copytree(EXAMPLES, notes)
    bot = Ragbot(make_settings(root / "store", notes_dir=notes, embed_batch_size=EMBED_BATCH))
    assert bot.ingest().ok
    shutil.copytree(EVAL_NOTES, notes / "eval")
    bot.warm_up()
    return bot


@pytest.fixture(scope="module")
def tab_url(tab_bot):
    port = free_port()
    demo = launch(tab_bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture
def notes_page(browser, tab_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(tab_url)
    page.get_by_role("tab", name="Notes").click()
    # any note's row: the table draws only the rows in view, and which are depends on what the
    # module's earlier tests ingested
    cell(page.locator("#rb-notes-table"), ".txt").wait_for()
    yield page
    context.close()


def test_reingest_shows_the_embedding_count_while_it_embeds(notes_page, tab_bot):
    page = notes_page
    page.get_by_role("button", name="Re-ingest notes folder").click()
    shown = page.wait_for_function(
        """(pattern) => {
          const m = document.body.innerText.match(new RegExp(pattern));
          return m && 0 < +m[1] && +m[1] < +m[2] ? m[0] : false;
        }""",
        arg=EMBEDDING, timeout=WAIT_MS, polling=50,
    ).json_value()
    done, total = map(int, re.search(EMBEDDING, shown).groups())
    assert 0 < done < total
    page.locator("#rb-report .rb-count-added b", has_text=str(len(list(EVAL_NOTES.iterdir())))).wait_for()
    # the bar is gone once done; Gradio may draw the report a moment before it drops the bar
    page.wait_for_function(
        "(pattern) => !new RegExp(pattern).test(document.body.innerText)", arg=EMBEDDING, timeout=WAIT_MS,
    )
    page.locator("#rb-notes-table", has_text="amd-openai-6gw-deal.txt").wait_for()


def search_notes(page, text: str):
    """Type ``text`` into the table's search box; returns the table."""
    search = page.locator("#rb-notes-table input.search-input")
    search.fill("")
    search.fill(text)
    return page.locator("#rb-notes-table")


def cell(table, text: str):
    """The first shown cell of ``table`` holding ``text``."""
    return table.locator("[data-testid^='cell-']", has_text=text).first


def test_delete_asks_first_then_offers_undo(notes_page, tab_bot):
    page = notes_page
    table = search_notes(page, "robotaxi")
    cell(table, "tsla-robotaxi.txt").wait_for()
    assert "aapl-services.txt" not in table.inner_text()  # the search narrows the table
    page.locator("#rb-to-delete input").click()
    page.locator("[role=option]", has_text="tsla-robotaxi.txt").click()
    page.get_by_role("button", name="Delete from store").click()
    confirm = page.locator("#rb-confirm-delete")
    confirm.get_by_text("stays on disk").wait_for()
    assert "tsla-robotaxi.txt" in {d.metadata["source"] for d in tab_bot.first_chunks([])}  # nothing deleted yet

    page.get_by_role("button", name="Yes, delete").click()
    page.locator("#rb-report", has_text="Deleted tsla-robotaxi.txt").wait_for()
    assert "tsla-robotaxi.txt" not in {d.metadata["source"] for d in tab_bot.first_chunks([])}
    assert confirm.is_hidden()
    page.wait_for_function("() => !document.querySelector('#rb-notes-table').innerText.includes('tsla-robotaxi.txt')")
    if target := os.environ.get("RAGBOT_SCREENSHOT_NOTES"):
        page.screenshot(path=target, full_page=True)

    page.get_by_role("button", name="Undo delete").click()
    page.locator("#rb-report", has_text="Restored tsla-robotaxi.txt").wait_for()
    assert "tsla-robotaxi.txt" in {d.metadata["source"] for d in tab_bot.first_chunks([])}
    cell(search_notes(page, "robotaxi"), "tsla-robotaxi.txt").wait_for()
    assert page.get_by_role("button", name="Undo delete").is_hidden()
