"""A running ``ragbot serve`` keeps answering, and answers from new notes, after a CLI
``ragbot ingest`` into its store by another process (it used to fail with 'Error finding id')."""

from __future__ import annotations

import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import EXAMPLES, HOLDOUT_NOTES
from ingest_helpers import cli_command, cli_env, run_cli
from chat_browser import free_port

pytestmark = pytest.mark.slow

STARTUP_POLLS = 300  # one a second while the server loads its models
QUESTIONS = [
    ("what are Alibaba's cloud risks?", None),
    ("What is driving Nvidia's data center revenue?", ["NVDA"]),
    ("How did Mounjaro sales grow at Eli Lilly?", None),
    ("What were the main risks?", ["LLY"]),
    ("How much net interest income did JPMorgan bring in during Q3 2025?", ["JPM"]),
]


def client_when_served(server: subprocess.Popen, port: int):
    """A Gradio client of the ``ragbot serve`` process ``server`` once it listens on ``port``."""
    from gradio_client import Client

    for _ in range(STARTUP_POLLS):
        try:
            return Client(f"http://127.0.0.1:{port}/", verbose=False)
        except Exception:  # noqa: BLE001  (not listening yet)
            assert server.poll() is None, "ragbot serve exited"
            time.sleep(1)
    pytest.fail("ragbot serve did not start")


@pytest.fixture
def served_store(tmp_path):
    store = tmp_path / "store"
    assert run_cli("ingest", EXAMPLES, "--store", store, cwd=tmp_path).returncode == 0
    port = free_port()
    server = subprocess.Popen(cli_command("serve", "--store", store, "--port", port), cwd=tmp_path, env=cli_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield store, client_when_served(server, port), port
    finally:
        server.terminate()
        server.wait(timeout=60)


def seen(answer: dict) -> tuple:
    """What a user sees of an answer: its text and each citation's note and sentence."""
    return answer["answer"], answer["found"], [(c["source"], c["sentence"]) for c in answer["citations"]]


def test_serve_answers_from_notes_a_cli_ingest_adds(served_store, tmp_path):
    from gradio_client import Client

    store, client, port = served_store
    before = client.predict("what are Alibaba's cloud risks?", None, api_name="/ask")
    assert before["found"]
    later = tmp_path / "later"
    later.mkdir()
    for name in ("lly-q2-mounjaro.txt", "lly-q3-zepbound.txt", "jpm-q3-credit.txt"):
        shutil.copy(HOLDOUT_NOTES / name, later / name)
    done = run_cli("ingest", later, "--store", store, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]

    def ask(item):
        question, tickers = item
        return Client(f"http://127.0.0.1:{port}/", verbose=False).predict(question, tickers, api_name="/ask")

    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(ask, QUESTIONS * 6))  # 30 calls, as in the issue; any error raises here
    # the same answer, quoting the same sentences; its sentences' scores may move a little, as
    # the retrieval rank feature reads BM25 statistics over the whole store, which the ingest changed
    assert seen(answers[0]) == seen(before)
    by_question = dict(zip([q for q, _ in QUESTIONS], answers))
    for question, prefix in [(QUESTIONS[2][0], "lly-"), (QUESTIONS[3][0], "lly-"), (QUESTIONS[4][0], "jpm-")]:
        assert by_question[question]["found"]
        assert all(c["source"].startswith(prefix) for c in by_question[question]["citations"])
