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
    wrong: list[str] = []

    def ask_all(worker: int) -> int:
        asked = 0
        for round_ in range(MAX_ROUNDS):
            for i in range(len(QUESTIONS)):
                question = QUESTIONS[(i + worker) % len(QUESTIONS)]
                start = time.monotonic()
                answer = bot.ask(question).to_json()
                spans.append((start, time.monotonic()))
                asked += 1
                if answer != expected[question]:
                    wrong.append(question)
            if round_ >= 1 and ingest.poll() is not None:
                break
        return asked

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        asked = sum(pool.map(ask_all, range(THREADS)))  # an exception in any thread fails the test here
    _, stderr = ingest.communicate()
    assert ingest.returncode == 0, stderr[-2000:]
    assert wrong == []
    assert asked >= THREADS * len(QUESTIONS) * 2
    overlapping = max(sum(s <= t < e for s, e in spans) for t, _ in spans)
    assert overlapping >= 4  # questions really ran at the same time: no lock serialises ask
    assert any(m["source"].startswith(OTHER_COMPANIES) for m in bot.index.metadatas())  # the ingest landed
