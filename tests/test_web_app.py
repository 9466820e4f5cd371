"""The chat page in a real browser (Debian chromium via Playwright) and its ``/ask`` API.

The app runs in this process on a free loopback port, over a store holding a copy of the
example notes plus a note full of markup that must render as inert text.
Set ``RAGBOT_SCREENSHOT=docs/screenshot-chat.png`` to refresh the README screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gradio as gr
import pytest
from chat_browser import ANSWERED, DESKTOP, PHONE, WAIT_MS, ask, chromium, click_until, free_port
from conftest import EXAMPLES, make_settings

from ragbot import Ragbot
from ragbot.web.app import api_ask, launch

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MARKUP_NOTE = """# Zorblax payments review <script>alert('title')</script>
Alibaba's Zorblax payments arm <script>alert('xss')</script> reported <img src=x onerror="window.pwned=1;alert('img')"> \
that Zorblax margins improved 3.2% in the test quarter ${alert('template')} {{constructor.constructor('alert(1)')()}}.
The Zorblax review adds <b>bold html</b>, [a link](javascript:alert(2)) and <a href="javascript:alert(3)">a raw link</a>.
"""
UPLOADED_NOTE = """Alibaba made-up quarter update
Alibaba said cloud revenue grew 61.7% in the made-up quarter, the fastest pace it has ever reported, as enterprises \
moved AI workloads onto its platform.
Management expects the made-up quarter's momentum to continue into next year.
Overall Sentiment
mildly positive
Sentiment Score
0.30
Ticker Sentiment
BABA: 0.30
"""
@pytest.fixture(scope="module")
def web_bot(tmp_path_factory, embeddings) -> Ragbot:
    root = tmp_path_factory.mktemp("web")
    notes = root / "notes"
    shutil.copytree(EXAMPLES, notes)
    (notes / "zorblax-markup.md").write_text(MARKUP_NOTE)
    bot = Ragbot(make_settings(root / "store", notes_dir=notes))
    assert bot.ingest().ok
    bot.warm_up()
    return bot


@pytest.fixture(scope="module")
def url(web_bot):
    port = free_port()
    demo = launch(web_bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, url):
    """A fresh session on the chat page; dialogs (there must be none) are recorded and dismissed."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_selector("#rb-question textarea")
    yield page
    context.close()


def cards(page) -> list[str]:
    return page.locator("#rb-sources .rb-card .rb-source").all_inner_texts()


def pick_ticker(page, ticker: str) -> None:
    page.locator("#rb-tickers input").click()
    page.locator("[role=option]", has_text=f"{ticker} ").first.click()
    page.keyboard.press("Escape")


def test_answer_cites_notes_and_a_click_opens_the_highlighted_passage(page, tmp_path):
    answer = ask(page, "what are Alibaba's cloud risks?")
    assert re.search(r"\[1\]", answer.inner_text())
    assert any(name.startswith("baba-") for name in cards(page))
    cited = page.locator("#rb-sources .rb-card").first.locator("mark").inner_text()

    answer.locator("a.rb-cite", has_text="[1]").click()
    mark = page.locator("#rb-note .rb-note-text mark")
    mark.wait_for()
    assert mark.inner_text() == cited and len(cited) > 20
    assert page.locator("#rb-sources .rb-card.rb-active .rb-num").inner_text() == "[1]"
    # the cited sentence is in the window, not below the fold past the cards
    page.wait_for_function("() => { const r = document.querySelector('#rb-note mark').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")

    follow_up = ask(page, "and what is the sentiment on it?")
    assert "BABA" in follow_up.inner_text()  # "it" resolved from the conversation
    click_until(page, page.locator("#rb-chat [data-testid=bot]").first.locator("a.rb-cite").first, "document.querySelector('#rb-note mark') !== null")
    page.screenshot(path=os.environ.get("RAGBOT_SCREENSHOT") or tmp_path / "chat.png")


def test_example_questions_name_companies_in_the_store_and_can_be_asked(page):
    example = page.locator("#rb-chat .example", has_text="Alibaba Group").first
    assert "What are the main risks for Alibaba Group?" in example.inner_text()
    example.click()
    page.wait_for_function(ANSWERED, arg=1, timeout=WAIT_MS)
    assert page.locator("#rb-chat [data-testid=user]").inner_text() == "What are the main risks for Alibaba Group?"

    page.get_by_role("button", name="Clear", exact=True).click()
    page.locator("#rb-sources", has_text="Ask a question").wait_for()
    assert page.locator("#rb-chat [data-testid=bot]").count() == 0


def test_clicking_a_card_opens_its_note(page):
    ask(page, "What is driving Nvidia's data center growth?")
    card = page.locator("#rb-sources .rb-card").last
    name = card.locator(".rb-source").inner_text()
    card.click()
    page.locator("#rb-note .rb-source", has_text=name).wait_for()
    assert page.locator("#rb-note mark").count() == 1


def test_uploaded_note_is_ingested_and_answers_questions(page, web_bot, tmp_path):
    note = tmp_path / "Alibaba made-up quarter (draft).txt"
    note.write_text(UPLOADED_NOTE)
    page.get_by_role("tab", name="Notes").click()
    page.locator("#rb-upload input[type=file]").set_input_files(str(note))
    page.locator("#rb-report .rb-count-added b", has_text="1").wait_for()
    assert (Path(web_bot.settings.store_dir) / "uploads" / "Alibaba-made-up-quarter-draft.txt").is_file()
    page.locator("#rb-notes-table", has_text="uploads/Alibaba-made-up-quarter-draft.txt").wait_for()

    page.get_by_role("tab", name="Chat").click()
    answer = ask(page, "How fast did Alibaba's cloud revenue grow in the made-up quarter?")
    assert "61.7%" in answer.inner_text()


def test_an_upload_of_another_kind_of_file_is_refused_by_name(page, tmp_path):
    program = tmp_path / "notes.exe"
    program.write_bytes(b"MZ\x90\x00\x03")
    page.get_by_role("tab", name="Notes").click()
    page.locator("#rb-upload input[type=file]").set_input_files(str(program))
    report = page.locator("#rb-report", has_text="notes.exe")
    report.wait_for()
    assert "notes can be uploaded" in report.inner_text()


def test_ticker_filter_narrows_the_sources(page):
    pick_ticker(page, "NVDA")
    ask(page, "What are the main risks?")
    tickers = [card.locator(".rb-ticker").all_inner_texts() for card in page.locator("#rb-sources .rb-card").all()]
    assert tickers and all("NVDA" in t for t in tickers)


def test_an_empty_question_keeps_the_conversation_and_says_what_to_type(page):
    ask(page, "what are Alibaba's cloud risks?")
    box = page.locator("#rb-question textarea")
    box.fill("   ")
    box.press("Enter")
    page.locator(".rb-queued-note", has_text="Ask me something about your notes").wait_for()
    assert page.locator("#rb-chat [data-testid=bot]").count() == 1  # the answer is still there
    assert "[1]" in page.locator("#rb-chat [data-testid=bot]").first.inner_text()


def test_not_found_answers_look_different_and_offer_related_passages(page):
    answer = ask(page, "What is the boiling point of liquid nitrogen?")
    assert answer.locator(".rb-notfound").count() == 1
    assert "Not found in your notes" in answer.text_content() and "Possibly related" in answer.text_content()
    assert page.locator("#rb-sources .rb-panel-title").text_content() == "Possibly related"


def test_markup_in_notes_renders_as_inert_text(page):
    ask(page, "What did the Zorblax review say about Zorblax margins?")
    page.locator("#rb-sources .rb-card", has_text="zorblax-markup.md").first.click()
    viewer = page.locator("#rb-note .rb-note-text")
    viewer.wait_for()
    assert "<script>alert('xss')</script>" in viewer.inner_text()
    assert "<b>bold html</b>" in viewer.inner_text()
    page.get_by_role("tab", name="Notes").click()
    page.locator("#rb-notes-table", has_text="zorblax-markup.md").wait_for()

    assert page.dialogs == []
    assert page.evaluate("window.pwned") is None
    assert page.locator("img[onerror]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("b", has_text="bold html").count() == 0
    assert page.locator("script", has_text="alert").count() == 0


def test_delete_then_reingest_the_folder(page, web_bot):
    page.get_by_role("tab", name="Notes").click()
    page.locator("#rb-to-delete input").click()
    page.locator("[role=option]", has_text="tsla-robotaxi.txt").click()
    page.get_by_role("button", name="Delete from store").click()
    page.get_by_role("button", name="Yes, delete").click()
    page.locator("#rb-report", has_text="Deleted tsla-robotaxi.txt").wait_for()
    assert "tsla-robotaxi.txt" not in {d.metadata["source"] for d in web_bot.first_chunks([])}

    page.get_by_label("Also bring back notes deleted here").check()  # else a re-ingest leaves it out
    page.get_by_role("button", name="Re-ingest notes folder").click()
    page.locator("#rb-report .rb-count-added b", has_text="1").wait_for()
    assert "tsla-robotaxi.txt" in page.locator("#rb-report details").text_content()


def test_ask_api_serves_ten_concurrent_clients(url, web_bot):
    from gradio_client import Client

    questions = [
        "what are Alibaba's cloud risks?", "What is driving Nvidia's data center growth?", "How is Temu doing?",
        "what's the sentiment on Tesla?", "What did Microsoft say about Azure?", "How fast did AWS grow?",
        "What are Tencent's gaming trends?", "What is Meta spending on AI?", "How is JD Logistics doing?",
        "What is the boiling point of liquid nitrogen on Mars?",
    ]

    def call(question: str) -> dict:
        return Client(url, verbose=False).predict(question, None, api_name="/ask")

    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        results = list(pool.map(call, questions))
    for result in results:
        assert set(result) == {"answer", "found", "tickers", "citations", "related", "answerer", "sentences", "notices"}
        assert isinstance(result["answer"], str) and result["answer"]
        assert all({"n", "source", "sentence", "start", "end"} <= set(c) for c in result["citations"] + result["related"])
    assert results[0] == web_bot.ask(questions[0]).to_json()
    narrowed = Client(url, verbose=False).predict("What are the main risks?", ["NVDA"], api_name="/ask")
    assert narrowed["citations"] and all("NVDA" in c["tickers"] for c in narrowed["citations"])


def test_date_range_narrows_the_chat_and_the_sentiment_tab(page):
    page.locator("#rb-since input").first.fill("2025-05-20")
    page.locator("#rb-since input").first.press("Enter")
    answer = ask(page, "What's the sentiment on Alibaba?")
    assert "dated since 2025-05-20" in answer.text_content()
    dates = page.locator("#rb-sources .rb-card .rb-date").all_inner_texts()
    assert dates and all(d >= "2025-05-20" for d in dates), dates
    page.get_by_role("tab", name="Sentiment").click()
    page.wait_for_selector("#rb-plot .marks")  # vega drew the chart
    latest = page.locator("#rb-latest")
    latest.get_by_text("baba-cloud-risks.txt").first.wait_for()
    assert "baba-cloud-growth.txt" not in latest.inner_text()  # dated 2025-05-16, before the range
    latest.get_by_text("baba-cloud-risks.txt").first.click()
    page.locator("#rb-sentiment-note").get_by_text("RMB 380 billion", exact=False).first.wait_for()


def test_clicking_a_point_of_the_sentiment_plot_opens_its_note(page):
    page.get_by_role("tab", name="Sentiment").click()
    point = page.locator("#rb-plot g.mark-symbol path[aria-label*='baba-cloud-risks.txt']").first
    point.wait_for()
    point.click()
    page.locator("#rb-sentiment-note").get_by_text("RMB 380 billion", exact=False).first.wait_for()
    assert "#rb-note=" not in page.url  # the link is cleared, so the same point opens again
    assert not page.dialogs


def test_tables_keep_readable_columns_on_a_phone_and_scroll_inside_their_box(browser, url):
    """At 390 px Gradio gives each column its share of the width, a few letters: dates wrapped digit by digit."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)  # loaded on a phone: the sidebar starts closed
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    for tab, table in [("Notes", "#rb-notes-table"), ("Sentiment", "#rb-latest")]:
        page.get_by_role("tab", name=tab).click()
        date = page.locator(f"{table} .body-cell span").filter(has_text=re.compile(r"^\d{4}-\d{2}-\d{2}$")).first
        date.wait_for()
        height, line, cell, heading = date.evaluate("""(span) => {
          const cell = span.closest('.body-cell');
          const heading = cell.closest('[role=grid]').querySelector(`th[data-heading="${cell.dataset.col}"]`);
          return [span.getBoundingClientRect().height, parseFloat(getComputedStyle(span).lineHeight),
                  cell.getBoundingClientRect().width, heading.getBoundingClientRect().width];
        }""")
        assert height < 1.5 * line, (table, height, line)  # the date is on one line
        assert abs(cell - heading) < 1, (table, cell, heading)  # under its heading
        box = page.locator(f"{table} .virtual-table-viewport")
        assert box.evaluate("(box) => box.scrollWidth > box.clientWidth"), table  # the table scrolls sideways in its box...
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], table  # ...and the page does not
    context.close()


@pytest.mark.slow
def test_ask_api_takes_one_ticker_as_a_string_and_refuses_other_types(examples_bot):
    ask = api_ask(examples_bot)
    one = ask("what are the cloud risks?", "BABA")
    assert one == ask("what are the cloud risks?", ["BABA"]) and one["found"]
    with pytest.raises(gr.Error, match="tickers must be a list"):
        ask("what are the cloud risks?", 5)
