"""The conversation store (SQLite through SQLAlchemy), Markdown and PDF exports, and the
per-session question queue: fast, no models."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from ragbot.answer import Answer, Citation
from ragbot.conversations import Filter, SqlConversationStore, Turn, answer_from_json, default_url, title_of
from ragbot.web.export import answer_markdown, conversation_markdown, conversation_pdf
from ragbot.web.history import Pending, Queues, owner_of

NOTE = "Date: 2025-05-16\nAlibaba's cloud revenue grew 26% year on year. Margins fell to 2% on AI spending \u2014 a record low."


def cite(n: int, sentence: str, source: str = "baba-cloud.txt") -> Citation:
    start = NOTE.index(sentence)
    return Citation(n, source, ["BABA"], "mildly positive", 0.3, "2025-05-16", NOTE, start, start + len(sentence), 1.5, sentence, 0)


def answer(found: bool = True) -> Answer:
    first, second = "Alibaba's cloud revenue grew 26% year on year.", "Margins fell to 2% on AI spending \u2014 a record low."
    if not found:
        return Answer("Nothing in your notes answers that.", False, related=[cite(1, first)])
    return Answer(f"{first} [1] {second} [2]", True, [cite(1, first), cite(2, second, "baba-margins.txt")], ["BABA"], notices=["The question was cut."])


def turn(question: str = "How is Alibaba's cloud doing?", found: bool = True) -> Turn:
    return Turn(question, answer(found), Filter(("BABA",), "2025-05-01", None))


@pytest.fixture
def store(tmp_path: Path) -> SqlConversationStore:
    return SqlConversationStore(default_url(tmp_path))


def test_a_turn_is_saved_listed_reopened_from_a_new_store_object_and_round_trips(store, tmp_path):
    first = turn()
    cid = store.save_turn("user:ana", None, 0, first)
    store.save_turn("user:ana", cid, 1, turn("And the margins?", found=False))
    assert (tmp_path / "conversations.sqlite3").is_file()

    reopened = SqlConversationStore(default_url(tmp_path)).open("user:ana", cid)  # as after a restart
    assert reopened.title == "How is Alibaba's cloud doing?"
    assert [t.question for t in reopened.turns] == ["How is Alibaba's cloud doing?", "And the margins?"]
    assert reopened.turns[0].filter == Filter(("BABA",), "2025-05-01", None)
    assert reopened.turns[0].answer.to_json() == first.answer.to_json()
    assert reopened.turns[1].answer.found is False and reopened.turns[1].answer.related[0].sentence.startswith("Alibaba's cloud")
    [summary] = store.list("user:ana")
    assert (summary.id, summary.title, summary.turns) == (cid, "How is Alibaba's cloud doing?", 2)


def test_owners_cannot_list_open_rename_delete_or_append_to_each_others(store):
    ana = store.save_turn("user:ana", None, 0, turn())
    assert store.list("user:bo") == []
    assert store.open("user:bo", ana) is None
    assert store.rename("user:bo", ana, "mine now") is False
    assert store.delete("user:bo", ana) is False
    bo = store.save_turn("user:bo", ana, 1, turn("Bo's question"))  # a foreign id starts Bo's own conversation
    assert bo != ana
    assert [t.question for t in store.open("user:ana", ana).turns] == ["How is Alibaba's cloud doing?"]
    assert [c.id for c in store.list("user:bo")] == [bo]
    assert store.open("user:ana", bo) is None


def test_regenerate_replaces_the_last_turn_and_edit_drops_the_later_ones(store):
    cid = store.save_turn("browser:x", None, 0, turn("one"))
    store.save_turn("browser:x", cid, 1, turn("two"))
    store.save_turn("browser:x", cid, 2, turn("three"))
    store.save_turn("browser:x", cid, 1, turn("two, edited"))
    assert [t.question for t in store.open("browser:x", cid).turns] == ["one", "two, edited"]
    store.save_turn("browser:x", cid, 7, turn("appended"))  # past the end: appended, never a gap
    assert [t.question for t in store.open("browser:x", cid).turns] == ["one", "two, edited", "appended"]


def test_rename_delete_and_newest_first(store):
    a = store.save_turn("u", None, 0, turn("first conversation"))
    b = store.save_turn("u", None, 0, turn("second conversation"))
    assert [c.id for c in store.list("u")] == [b, a]
    assert store.rename("u", a, "  Alibaba cloud  ") and store.open("u", a).title == "Alibaba cloud"
    assert [c.id for c in store.list("u")] == [a, b]  # renamed: changed last
    assert store.rename("u", a, "   ") is False
    assert store.delete("u", a) and store.open("u", a) is None and [c.id for c in store.list("u")] == [b]
    assert store.delete("u", a) is False


def test_titles_are_the_first_question_cut_to_length():
    assert title_of("  what   about\nAlibaba? ") == "what about Alibaba?"
    long = title_of("word " * 100)
    assert len(long) == 80 and long.endswith("\u2026")


def test_many_threads_save_at_once(store):
    cids = [store.save_turn(f"user:{i % 4}", None, 0, turn(f"q{i}")) for i in range(8)]

    def add(i: int) -> None:
        for k in range(1, 6):
            store.save_turn(f"user:{i % 4}", cids[i], k, turn(f"q{i}-{k}"))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(add, range(8)))
    for i, cid in enumerate(cids):
        assert [t.question for t in store.open(f"user:{i % 4}", cid).turns] == [f"q{i}"] + [f"q{i}-{k}" for k in range(1, 6)]


WRITER = """
import sys
from ragbot.answer import Answer
from ragbot.conversations import SqlConversationStore, Turn
store = SqlConversationStore(sys.argv[1])
for k in range(15):
    store.save_turn(sys.argv[2], None, 0, Turn(f"question {k}", Answer("An answer.", True)))
"""


@pytest.mark.slow
def test_processes_write_one_file_at_once(tmp_path):
    url = default_url(tmp_path)
    SqlConversationStore(url)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, url, f"p{i}"], env=env) for i in range(3)]
    assert [w.wait() for w in workers] == [0, 0, 0]
    store = SqlConversationStore(url)
    assert all(len(store.list(f"p{i}")) == 15 for i in range(3))


def test_answer_json_round_trip_keeps_generated_sentences():
    from ragbot.answer import AnswerSentence

    generated = Answer("Cloud grew. [1]", True, [cite(1, "Alibaba's cloud revenue grew 26% year on year.")], answerer="generative",
                       sentences=[AnswerSentence("Cloud grew. [1]", True, (1,)), AnswerSentence("Made up.", False, (), "no support")])
    assert answer_from_json(generated.to_json()).to_json() == generated.to_json()


def test_answer_markdown_numbers_sources_with_note_tickers_date_and_quote():
    md = answer_markdown(turn())
    assert md.startswith("> **Note:** The question was cut.")
    assert "Alibaba's cloud revenue grew 26% year on year. [1] Margins fell to 2%" in md
    assert "1. `baba-cloud.txt` (BABA \u00b7 2025-05-16)  \n   > Alibaba's cloud revenue grew 26% year on year." in md
    assert "2. `baba-margins.txt` (BABA \u00b7 2025-05-16)  \n   > Margins fell to 2% on AI spending \u2014 a record low." in md
    not_found = answer_markdown(turn(found=False))
    assert "**Not found in your notes.**" in not_found and "**Possibly related**" in not_found and "1. `baba-cloud.txt`" in not_found


def test_conversation_markdown_and_pdf_carry_questions_filters_answerers_and_sources(tmp_path):
    turns = [turn(), turn("And the margins?", found=False)]
    md = conversation_markdown("Alibaba cloud", turns)
    assert md.startswith("# Alibaba cloud\n")
    assert "## 1. How is Alibaba's cloud doing?" in md and "## 2. And the margins?" in md
    assert "*Filter: BABA \u00b7 from 2025-05-01 \u00b7 answer quoted from the notes*" in md
    assert md.count("answer quoted from the notes") == 1  # the second was not found: it quotes nothing as an answer
    assert "## 2. And the margins?\n\n*Filter: BABA \u00b7 from 2025-05-01 \u00b7 answer not found in the notes*" in md

    pdf = conversation_pdf("Alibaba cloud", turns, tmp_path / "c.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for expected in ("Alibaba cloud", "1. How is Alibaba's cloud doing?", "Filter: BABA - from 2025-05-01",
                     "baba-margins.txt (BABA - 2025-05-16)", "Margins fell to 2% on AI spending -- a record low.", "Not found in your notes."):
        assert expected in text, expected


def test_a_question_typed_with_markup_exports_as_typed(tmp_path):
    turns = [turn("<b>bold</b> and [1] fake marker?")]
    md = conversation_markdown("<i>title</i>", turns)
    assert md.startswith("# \\<i\\>title\\</i\\>\n") and "## 1. \\<b\\>bold\\</b\\> and [1] fake marker?" in md  # no HTML in a viewer
    pdf = conversation_pdf("<i>title</i>", turns, tmp_path / "c.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "1. <b>bold</b> and [1] fake marker?" in text


def test_filter_descriptions():
    assert Filter().describe() == "no filter"
    assert Filter(("BABA", "NVDA"), None, "2025-06-30").describe() == "BABA, NVDA \u00b7 to 2025-06-30"


def test_queue_keeps_order_has_one_drain_and_hands_over_without_losing_a_question():
    queues = Queues()
    queues.add("s", Pending("first"))
    token = queues.start("s")
    assert token is not None and queues.start("s") is None
    assert queues.next("s", token).question == "first"
    queues.add("s", Pending("second"))  # typed while "first" streams
    queues.add("s", Pending("third"))
    assert [p.question for p in queues.waiting("s")] == ["second", "third"]
    assert queues.next("s", token).question == "second"
    assert queues.stop("s") == (Pending("second"), 1)  # stopped before its answer came; "third" dropped
    assert queues.answered("s", token) is False and queues.next("s", token) is None  # the stopped drain saves nothing
    again = queues.start("s")
    assert again is not None and queues.next("s", again) is None  # nothing left: the drain ends
    assert queues.start("s") is not None  # and a new one can start


def test_owner_is_the_login_else_the_browser():
    class Request:
        def __init__(self, username):
            self.username = username

    assert owner_of(Request("ana"), "b1") == "user:ana"
    assert owner_of(Request(None), "b1") == "browser:b1"
    assert owner_of(Request(None), None) is None


def test_the_page_answers_queued_questions_in_order_saving_each_under_its_filter(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from test_web_chat import FakeBot

    from ragbot.web import chat
    from ragbot.web.history import History

    monkeypatch.setattr(chat, "STREAM_PAUSE", 0)
    bot = FakeBot()
    history = History(chat.Chat(bot), SqlConversationStore(default_url(tmp_path)))
    request = SimpleNamespace(username=None, session_hash="tab-1")
    history.enqueue("Alibaba cloud?", None, None, None, [], request)
    [first] = history.queues.waiting("tab-1")
    first.begun.first.result()  # answered next: started at once, before the drain runs
    assert [c[0] for c in bot.calls] == ["Alibaba cloud?"]
    history.enqueue("And margins?", ["BABA"], "2025-05-01", None, [], request)  # typed while the first streams
    assert history.queues.waiting("tab-1")[1].begun is None  # its history is not known yet
    steps = list(history.drain([], None, "browser-1", request))
    # the first answer is the one started early; the second, not started, is asked after it, with it as history
    assert [c[0] for c in bot.calls] == ["Alibaba cloud?", "And margins?"] and len(bot.calls[1][1]) == 2
    [saved] = history.store.list("browser:browser-1")
    assert [s[5] for s in steps if isinstance(s[5], str)] == [saved.id, saved.id]  # the open conversation, kept
    kept = history.store.open("browser:browser-1", saved.id).turns
    assert [(t.question, t.filter) for t in kept] == [("Alibaba cloud?", Filter()), ("And margins?", Filter(("BABA",), "2025-05-01", None))]
    assert "queued" in steps[0][4] and "And margins?" in steps[0][4]
    assert history.store.list("user:ana") == []


def test_an_empty_question_leaves_the_page_as_it_is_and_says_what_to_type(tmp_path):
    from html import escape
    from types import SimpleNamespace

    import gradio as gr
    from test_web_chat import FakeBot

    from ragbot.question_input import PROMPT
    from ragbot.web import chat
    from ragbot.web.history import History

    bot = FakeBot()
    history = History(chat.Chat(bot), SqlConversationStore(default_url(tmp_path)))
    request = SimpleNamespace(username=None, session_hash="tab-1")
    box, note = history.enqueue("   ", None, None, None, [], request)
    assert isinstance(box, type(gr.skip())) and escape(PROMPT) in note  # the box as typed; what to type, under the chat
    assert history.queues.waiting("tab-1") == []
    steps = list(history.drain([], None, "browser-1", request))  # the submit's next step runs with nothing queued
    assert len(steps) == 1 and all(isinstance(out, type(gr.skip())) for out in steps[0])  # no output is blanked
    assert bot.calls == [] and history.queues.start("tab-1") is not None  # and the drain let go of the session
