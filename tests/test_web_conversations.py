"""Conversations and answer actions on the chat page, in Debian chromium through Playwright:
reload and restart keep a conversation, the sidebar renames and deletes, copy and exports
carry the answer's sources, Esc stops, questions sent while an answer streams are queued,
regenerate and edit-and-resend, and one login never sees another's conversations.

Reuses the example-notes bot and the browser of ``test_web_app``; each test starts its own
server so it can restart it (on the same port: the browser's saved id is per origin).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader
from chat_browser import DESKTOP, WAIT_MS, ask, free_port
from test_web_app import browser, web_bot  # noqa: F401  (fixtures)

from ragbot.conversations import SqlConversationStore, default_url
from ragbot.web.app import launch

pytestmark = [pytest.mark.slow, pytest.mark.browser]

QUESTION = "what are Alibaba's cloud risks?"
BOTS = "#rb-chat [data-testid=bot]"
USERS = "#rb-chat [data-testid=user]"


@contextmanager
def serving(bot, port: int, **options):
    demo = launch(bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **options)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture
def context(browser):  # noqa: F811
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def open_page(context, url: str):
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.wait_for_selector("#rb-question textarea")
    return page


def sidebar_titles(page) -> list[str]:
    return page.locator("#rb-conversations label").all_inner_texts()


def wait_for_questions(page, questions: list[str]) -> None:
    page.wait_for_function(
        "(expected) => JSON.stringify([...document.querySelectorAll('#rb-chat [data-testid=user]')].map((m) => m.innerText.trim()))"
        " === JSON.stringify(expected)",
        arg=questions,
    )


@pytest.fixture
def gate(web_bot, monkeypatch):  # noqa: F811
    """Answers wait until the test opens the gate: the same answers, held long enough to stop or queue behind."""
    opened, real = threading.Event(), web_bot.ask_stream

    def held(*args, **kwargs):
        opened.wait(WAIT_MS / 1000)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(web_bot, "ask_stream", held)
    yield opened
    opened.set()


def test_reload_and_restart_keep_the_conversation_and_the_sidebar_renames_opens_and_deletes(web_bot, context):  # noqa: F811
    port = free_port()
    with serving(web_bot, port) as url:
        page = open_page(context, url)
        title_box = page.locator("#rb-conversation-title textarea, #rb-conversation-title input")
        assert title_box.get_attribute("placeholder").startswith("None open yet")  # not a bare label over an empty box
        answer = ask(page, QUESTION)
        assert "Filter: no filter \u00b7 answer quoted from the notes" in answer.inner_text()
        page.locator("#rb-conversations label", has_text=QUESTION).wait_for()
        page.reload()
        wait_for_questions(page, [QUESTION])
        assert "[1]" in page.locator(BOTS).last.inner_text()
    with serving(web_bot, port) as url:  # a restart: a new app over the same store folder and port (origin)
        page.goto(url)  # not reload(): the page may be mid-way through its own reconnect navigation
        wait_for_questions(page, [QUESTION])
        assert sidebar_titles(page) == [QUESTION]

        page.fill("#rb-conversation-title textarea, #rb-conversation-title input", "Alibaba cloud")
        page.get_by_role("button", name="Rename").click()
        page.locator("#rb-conversations label", has_text="Alibaba cloud").wait_for()

        page.get_by_role("button", name="New conversation").click()
        page.wait_for_function(f"() => document.querySelectorAll('{USERS}').length === 0")
        ask(page, "What is driving Nvidia's data center growth?")
        page.reload()
        wait_for_questions(page, ["What is driving Nvidia's data center growth?"])
        assert sidebar_titles(page) == ["What is driving Nvidia's data center growth?", "Alibaba cloud"]

        page.locator("#rb-conversations label", has_text="Alibaba cloud").click()
        wait_for_questions(page, [QUESTION])
        page.get_by_role("button", name="Delete", exact=True).click()
        page.wait_for_function(f"() => document.querySelectorAll('{USERS}').length === 0")
        page.reload()
        page.locator("#rb-conversations label").first.wait_for()
        assert sidebar_titles(page) == ["What is driving Nvidia's data center growth?"]


def copy_answer(page, index: int) -> str:
    """Click "Copy as Markdown" under answer ``index`` and return what it put on the clipboard,
    read once the link says "Copied": the page says so only after the clipboard took the text
    (polling the clipboard itself raced with it under load)."""
    answer = page.locator(BOTS).nth(index)
    answer.get_by_role("link", name="Copy as Markdown").click()
    answer.get_by_role("link", name="Copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def shown_sources(page) -> dict[str, str]:
    """The sources panel (the last answer's, or the clicked marker's): each card's note and its marked sentence."""
    return {
        card.locator(".rb-source").inner_text(): " ".join(card.locator("mark").first.inner_text().split())
        for card in page.locator("#rb-sources .rb-card").all()
    }


def test_copy_any_answer_as_markdown_and_export_markdown_and_pdf(web_bot, context, tmp_path):  # noqa: F811
    with serving(web_bot, free_port()) as url:
        page = open_page(context, url)
        ask(page, QUESTION)
        first_sources = shown_sources(page)
        ask(page, "What is driving Nvidia's data center growth?")
        last_sources = shown_sources(page)
        assert first_sources and last_sources and not set(first_sources) & set(last_sources)

        copied_first = copy_answer(page, 0)  # an earlier answer: its own text and sources, not the last one's
        assert copied_first.split("\n\n**Sources**")[0] in page.locator(BOTS).first.inner_text()
        for source, quoted in first_sources.items():
            assert f"`{source}` (" in copied_first and f"> {quoted}" in copied_first
        assert not any(source in copied_first for source in last_sources)
        copied = copy_answer(page, 1)
        assert copied.split("\n\n**Sources**")[0] in page.locator(BOTS).last.inner_text()
        assert all(f"`{source}` (" in copied and f"> {quoted}" in copied for source, quoted in last_sources.items())
        assert not any(source in copied for source in first_sources)
        source = next(iter(last_sources))

        page.locator("#rb-export-md:not([disabled])").wait_for()
        with page.expect_download() as download:
            page.locator("#rb-export-md").click()
        markdown = Path(download.value.path()).read_text()
        assert markdown.startswith(f"# {QUESTION}") and f"## 1. {QUESTION}" in markdown
        assert copied_first in markdown and copied in markdown
        with page.expect_download() as download:
            page.locator("#rb-export-pdf").click()
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(download.value.path()).pages)
        assert f"1. {QUESTION}" in text and source in text and "Filter: no filter" in text


def test_esc_stops_an_answer_and_a_question_sent_meanwhile_is_queued_then_answered(web_bot, context, gate):  # noqa: F811
    with serving(web_bot, free_port()) as url:
        page = open_page(context, url)
        page.locator("body").click()
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.closest('#rb-question') !== null")

        page.keyboard.type(QUESTION)
        page.keyboard.press("Enter")
        page.locator("#rb-chat .rb-thinking").wait_for()
        page.keyboard.press("Escape")
        page.locator("#rb-queued", has_text="Stopped.").wait_for()
        assert page.locator(BOTS).count() == 0 and page.locator(USERS).count() == 0
        assert page.input_value("#rb-question textarea") == QUESTION  # back in the box, to resend or edit
        gate.set()  # the stopped answer finishes computing in the background and is thrown away
        gate.clear()

        page.press("#rb-question textarea", "Enter")
        page.locator("#rb-chat .rb-thinking").wait_for()
        page.fill("#rb-question textarea", "What is driving Nvidia's data center growth?")
        page.press("#rb-question textarea", "Enter")
        queued = page.locator("#rb-queued li")
        queued.wait_for()
        assert "queued" in queued.inner_text() and "Nvidia" in queued.inner_text()
        assert page.input_value("#rb-question textarea") == ""
        gate.set()
        wait_for_questions(page, [QUESTION, "What is driving Nvidia's data center growth?"])
        page.wait_for_function("() => document.querySelector('#rb-queued li') === null")
        page.locator(BOTS).nth(1).locator(".rb-turn-meta").wait_for()  # shown once saved
        page.locator("#rb-conversations label", has_text=QUESTION).wait_for()
        page.reload()
        wait_for_questions(page, [QUESTION, "What is driving Nvidia's data center growth?"])


def test_regenerate_and_edit_and_resend_the_last_question(web_bot, context, gate):  # noqa: F811
    with serving(web_bot, free_port()) as url:
        page = open_page(context, url)
        gate.set()
        ask(page, QUESTION)
        ask(page, "What is driving Nvidia's data center growth?")
        before = page.locator(BOTS).last.inner_text()
        gate.clear()  # hold the regenerated answer, to see it asked again
        page.locator("#rb-chat button[aria-label='Retry']").last.click()
        page.locator("#rb-chat .rb-thinking").wait_for()
        assert page.locator(BOTS).count() == 2 and page.locator(USERS).all_inner_texts()[-1] == "What is driving Nvidia's data center growth?"
        gate.set()
        page.wait_for_function(
            "(before) => { const bots = document.querySelectorAll('#rb-chat [data-testid=bot]');"
            " return bots.length === 2 && bots[1].innerText === before; }", arg=before,
        )

        page.get_by_role("button", name="Edit last question").click()
        page.wait_for_function("() => document.querySelector('#rb-question textarea').value.includes('Nvidia')")
        # the last exchange leaves the chat in the same update, which the page may render a moment later
        page.wait_for_function("() => document.querySelectorAll('#rb-chat [data-testid=bot]').length === 1")
        page.fill("#rb-question textarea", "What are Tencent's gaming trends?")
        page.press("#rb-question textarea", "Enter")
        wait_for_questions(page, [QUESTION, "What are Tencent's gaming trends?"])
        page.locator(BOTS).nth(1).locator("a.rb-cite").first.wait_for()
        page.reload()
        wait_for_questions(page, [QUESTION, "What are Tencent's gaming trends?"])


def login(context, url: str, user: str, password: str):
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.get_by_label("username").fill(user)
    page.get_by_label("password").fill(password)
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#rb-question textarea")
    return page


def test_one_login_never_sees_anothers_conversations(web_bot, browser):  # noqa: F811
    port = free_port()
    with serving(web_bot, port, auth=[("ana", "ana-pass"), ("bo", "bo-pass")]) as url:
        ana_context, bo_context = browser.new_context(), browser.new_context()
        try:
            ana = login(ana_context, url, "ana", "ana-pass")
            ask(ana, QUESTION)
            ana.locator("#rb-conversations label", has_text=QUESTION).wait_for()
            saved = ana.evaluate("localStorage.getItem('ragbot-conversation')")
            assert saved

            bo = login(bo_context, url, "bo", "bo-pass")
            bo.evaluate("(value) => localStorage.setItem('ragbot-conversation', value)", saved)  # Ana's open conversation, forged
            bo.reload()
            bo.wait_for_selector("#rb-question textarea")
            ask(bo, "What is driving Nvidia's data center growth?")
            bo.locator("#rb-conversations label").first.wait_for()
            assert bo.locator(USERS).all_inner_texts() == ["What is driving Nvidia's data center growth?"]
            assert sidebar_titles(bo) == ["What is driving Nvidia's data center growth?"]
        finally:
            ana_context.close()
            bo_context.close()
    store = SqlConversationStore(default_url(web_bot.settings.store_dir))
    [ana_conversation] = store.list("user:ana")
    assert [c.title for c in store.list("user:bo")] == ["What is driving Nvidia's data center growth?"]
    assert store.open("user:bo", ana_conversation.id) is None
