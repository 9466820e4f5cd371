"""Any question is answered without raising: content-free questions get a prompt, invalid
Unicode is replaced, a long question is cut with a notice (issue 8)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import EXAMPLES, make_settings
from ingest_helpers import cli_command, cli_env

from ragbot import Ragbot
from ragbot.question_input import PROMPT, clean_text, cut, prepare_question
from ragbot.web.chat import Chat

CONTENT_FREE = ["", "   \t\n ", "*", '"', "NEAR(", "?!...", "() AND OR", "what is it?", "\x00\x01"]
LIMIT = 1000


# -- the module, without the store --------------------------------------------------------
@pytest.mark.parametrize("question", CONTENT_FREE)
def test_content_free_questions_are_not_answerable(question):
    assert not prepare_question(question, LIMIT).answerable


@pytest.mark.parametrize("question", ["Alibaba", "cloud risks?", "BABA", "2025", "near-term margins", "what about NVDA?"])
def test_questions_with_a_topic_are_answerable(question):
    assert prepare_question(question, LIMIT).answerable


def test_in_a_conversation_any_word_is_a_follow_up():
    history = [{"role": "user", "content": "Alibaba cloud risks?"}, {"role": "assistant", "content": "..."}]
    assert prepare_question("why?", LIMIT, history).answerable
    assert not prepare_question("why?", LIMIT).answerable
    assert not prepare_question("?!", LIMIT, history).answerable


@pytest.mark.parametrize("message", ["hello", "Thanks!", "thank you very much", "ok, thanks", "Hi there", "good morning"])
def test_a_greeting_or_thanks_asks_nothing_even_as_a_follow_up(message):
    history = [{"role": "user", "content": "Alibaba cloud risks?"}, {"role": "assistant", "content": "..."}]
    assert not prepare_question(message, LIMIT).answerable
    assert not prepare_question(message, LIMIT, history).answerable


@pytest.mark.parametrize("message", ["thanks, and JD?", "ok, why?", "hello, what are Tesla's risks?", "good margins?"])
def test_a_social_word_beside_a_question_keeps_it_a_question(message):
    history = [{"role": "user", "content": "Alibaba cloud risks?"}, {"role": "assistant", "content": "..."}]
    assert prepare_question(message, LIMIT, history).answerable


def test_invalid_unicode_is_replaced_and_reported():
    from_json = prepare_question("Alibaba \ud800 cloud", LIMIT)  # a lone surrogate, as JSON can carry
    assert from_json.text == "Alibaba \ufffd cloud"
    assert from_json.notices == ("1 character of your question could not be read and was replaced.",)
    from_argv = prepare_question("Alibaba \udcff", LIMIT)  # byte 0xff of a command-line argument
    assert from_argv.text == "Alibaba \ufffd" and from_argv.answerable
    assert clean_text("caf\udcc3\udca9 \x07")[0] == "caf\u00e9  "  # UTF-8 bytes behind surrogates are recovered
    from_json.text.encode("utf-8")


def test_a_long_question_is_cut_at_a_word_to_the_limit_with_a_notice():
    question = "What did Alibaba say about cloud margins and AI demand? " * 1900  # ~106 KB
    prepared = prepare_question(question, LIMIT)
    assert len(prepared.text) <= LIMIT and question.startswith(prepared.text)
    assert question[len(prepared.text)] == " "  # cut between words
    assert prepared.notices == (
        f"Your question was {len(question.strip()):,} characters long; only its first 1,000 were used "
        "(RAGBOT_MAX_QUESTION_CHARS).",
    )
    assert cut("x" * 50, 10) == "x" * 10  # no space: cut mid-word
    assert prepare_question("short question about Alibaba", LIMIT).notices == ()


# -- through the bot: real store, real models ----------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("question", CONTENT_FREE)
def test_a_content_free_question_gets_a_prompt_and_no_citations(examples_bot, question):
    answer = examples_bot.ask(question)
    assert (answer.text, answer.found, answer.citations, answer.related) == (PROMPT, False, [], [])
    assert examples_bot.search(question) == []


@pytest.mark.slow
def test_invalid_unicode_and_a_100_kb_question_are_answered(examples_bot):
    answer = examples_bot.ask("What are Alibaba's cloud risks? \ud800\udcff")
    assert answer.found and answer.citations
    assert answer.notices and "replaced" in answer.notices[0]
    json.dumps(answer.to_json()).encode("utf-8")
    long = examples_bot.ask("What are Alibaba's cloud risks? " + "Please be thorough. " * 5000)
    assert long.found and long.citations
    assert "only its first 1,000 were used" in long.to_json()["notices"][0]
    history = [{"role": "user", "content": "Alibaba \ud800 cloud?"}, {"role": "assistant", "content": "It grew \udcff."}]
    assert examples_bot.ask("and its margins?", history=history).text


@pytest.mark.slow
def test_the_chat_shows_a_cleaned_question_and_the_notice(examples_bot):
    chat = Chat(examples_bot)
    steps = list(chat.respond("What are Alibaba's cloud risks? \ud800", [], None))
    turns = next(step[2] for step in steps if isinstance(step[2], list))  # later steps skip unchanged panels
    assert turns[-1].question == "What are Alibaba's cloud risks? \ufffd"
    final_html = steps[-1][1][-1]["content"]
    assert 'class="rb-notice"' in final_html and "could not be read" in final_html
    json.dumps(steps[-1][1]).encode("utf-8")  # what Gradio sends the browser is valid
    prompt = list(chat.respond("*", [], None))[-1][1][-1]["content"]
    assert "Ask me something about your notes" in prompt and "rb-cite" not in prompt


@pytest.mark.slow
def test_cli_ask_with_a_byte_that_is_not_utf8_and_an_empty_question(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "notes")
    env, store = cli_env(), tmp_path / "store"
    assert subprocess.run(cli_command("ingest", tmp_path / "notes", "--store", store), cwd=tmp_path, env=env, capture_output=True).returncode == 0
    argv = [arg.encode() for arg in cli_command("ask", "--store", store, "--json", "--no-rerank")]
    bad = subprocess.run([*argv, b"Alibaba cloud \xff risks"], cwd=tmp_path, env=env, capture_output=True)
    assert bad.returncode == 0, bad.stderr[-2000:]
    answer = json.loads(bad.stdout.decode("utf-8"))
    assert answer["found"] and answer["citations"]
    assert answer["notices"] == ["1 character of your question could not be read and was replaced."]
    empty = subprocess.run([*argv, b""], cwd=tmp_path, env=env, capture_output=True)
    assert empty.returncode == 0
    assert json.loads(empty.stdout) == {
        "answer": PROMPT, "found": False, "tickers": [], "citations": [], "related": [],
        "answerer": "extractive", "sentences": [], "notices": [],
    }


def call_ask_api(base: str, question: str) -> dict:
    """POST ``/ask`` as raw JSON (``\\ud800`` escapes, which JSON allows and clients such as
    httpx cannot produce), then read the answer from the event stream."""
    import httpx

    body = json.dumps({"data": [question, None]}).encode("ascii")  # ensure_ascii: a lone surrogate as an escape
    event = httpx.post(f"{base}gradio_api/call/ask", content=body, headers={"content-type": "application/json"}).json()
    stream = httpx.get(f"{base}gradio_api/call/ask/{event['event_id']}", timeout=300).text
    assert "event: complete" in stream, stream[-2000:]
    data = next(line for line in stream.splitlines() if line.startswith("data:") and "answer" in line)
    return json.loads(data[len("data:") :])[0]


@pytest.mark.slow
def test_web_ask_api_takes_a_lone_surrogate_and_punctuation(tmp_path, embeddings):
    from ragbot.web.app import launch
    from chat_browser import free_port

    bot = Ragbot(make_settings(tmp_path / "store"))
    bot.ingest(EXAMPLES)
    bot.warm_up()
    port = free_port()
    demo = launch(bot, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        surrogate = call_ask_api(base, "What are Alibaba's cloud risks? \ud800")
        assert surrogate["found"] and "replaced" in surrogate["notices"][0]
        for question in ("\ud800", "NEAR(", '"', "   "):
            assert call_ask_api(base, question)["answer"] == PROMPT
    finally:
        demo.close()


def test_markup_in_a_question_is_left_out_with_a_notice():
    prepared = prepare_question("<script>alert(1)</script> what about <b>Nvidia</b>?", LIMIT)
    assert prepared.text == "what about Nvidia ?" and prepared.answerable
    assert prepared.notices == ("The markup in your question was left out.",)
    assert prepare_question("is margin < 5% and revenue > 2 billion?", LIMIT).text == "is margin < 5% and revenue > 2 billion?"  # no tag
    assert not prepare_question("<img src=x onerror=alert(1)>", LIMIT).answerable
