"""8 threads ask while another process ingests notes about other companies: every answer is the
single-threaded answer, no question fails, and the questions really ran at the same time."""

from __future__ import annotations

import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import EXAMPLES, HOLDOUT_NOTES, make_settings
from ingest_helpers import cli_command, cli_env

from ragbot import Ragbot

pytestmark = pytest.mark.slow

QUESTIONS = [
    "What risks do the notes see for Alibaba's cloud?",
    "What are Tesla's China price cuts doing to margins?",
    "Why does Nvidia face China export limits?",
    "How is Pinduoduo's Temu expanding?",
    "What is Microsoft spending on AI?",
    "What's the sentiment on Amazon?",
    "What did the notes say about Apple services growth?",
    "How is Tencent's gaming business?",
]
THREADS = 8
MAX_ROUNDS = 4  # rounds of every question per thread, at most (the loop also ends with the ingest)
OTHER_COMPANIES = ("lly-", "jpm-", "cost-")  # none of the questions asks about them


def test_eight_threads_answer_as_one_while_another_process_ingests(tmp_path, embeddings):
    store, later = tmp_path / "store", tmp_path / "later"
    bot = Ragbot(make_settings(store))
    bot.ingest(EXAMPLES)
    bot.warm_up()
    expected = {q: bot.ask(q).to_json() for q in QUESTIONS}
    later.mkdir()
    for note in HOLDOUT_NOTES.glob("*.txt"):
        if note.name.startswith(OTHER_COMPANIES):
            shutil.copy(note, later / note.name)
    ingest = subprocess.Popen(
        cli_command("ingest", later, "--store", store, "--json"), cwd=tmp_path, env=cli_env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    spans: list[tuple[float, float]] = []
    answers: list[tuple[str, dict]] = []

    def ask_all(worker: int) -> int:
        asked = 0
        for round_ in range(MAX_ROUNDS):
            for i in range(len(QUESTIONS)):
                question = QUESTIONS[(i + worker) % len(QUESTIONS)]
                start = time.monotonic()
                answer = bot.ask(question).to_json()
                spans.append((start, time.monotonic()))
                asked += 1
                answers.append((question, answer))
            if round_ >= 1 and ingest.poll() is not None:
                break
        return asked

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        asked = sum(pool.map(ask_all, range(THREADS)))  # an exception in any thread fails the test here
    _, stderr = ingest.communicate()
    assert ingest.returncode == 0, stderr[-2000:]
    # The ingest is one commit, so the store had two states: every answer is the single-threaded
    # answer of one of them (BM25's IDF is global, so new notes can move a close call).
    after = {q: bot.ask(q).to_json() for q in QUESTIONS}
    assert [q for q, answer in answers if answer not in (expected[q], after[q])] == []
    assert asked >= THREADS * len(QUESTIONS) * 2
    overlapping = max(sum(s <= t < e for s, e in spans) for t, _ in spans)
    assert overlapping >= 4  # questions really ran at the same time: no lock serialises ask
    assert any(m["source"].startswith(OTHER_COMPANIES) for m in bot.index.metadatas())  # the ingest landed


@pytest.mark.parametrize(
    "question, tickers",
    [
        ("What risks do the notes see for Alibaba's cloud?", None),  # retrieved and ranked
        ("What's the sentiment on Amazon?", None),  # figures from the notes' metadata
        ("What are Tesla's robotaxi plans?", ["NVDA"]),  # refused: the filter excludes the company asked about
    ],
)
def test_an_answer_started_on_one_thread_finishes_on_another(examples_bot, question, tickers):
    """The chat page starts an answer on its own threads and resumes its stream on Gradio's: the
    stream holds no store lock between its answers, so the other thread can finish it."""
    with ThreadPoolExecutor(1) as starter:
        stream = examples_bot.ask_stream(question, ticker=tickers)
        first = starter.submit(next, stream).result()
    rest = list(stream)  # resumed here; a lock taken on the starter's thread could not be released here
    assert (rest[-1] if rest else first).to_json() == examples_bot.ask(question, ticker=tickers).to_json()
