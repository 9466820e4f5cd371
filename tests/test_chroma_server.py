"""The store through Chroma's own server (``chroma run``) via HttpClient, as RAGBOT_CHROMA_HOST selects."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, make_settings

from ragbot import Ragbot

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, attempts: int = 600) -> None:
    for _ in range(attempts):
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("chroma run did not start listening")


@pytest.fixture
def chroma_server(tmp_path: Path):
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_ingest_and_ask_through_a_chroma_server(chroma_server, tmp_path, embeddings):
    bot = Ragbot(make_settings(tmp_path / "local", chroma_host="127.0.0.1", chroma_port=chroma_server))
    assert "fastapi" in bot.index.vectorstore._client.get_settings().chroma_api_impl.lower()  # the HTTP client
    first = bot.ingest(EXAMPLES)
    assert first.added and not first.failed
    assert not (tmp_path / "local" / "chroma").exists()  # nothing embedded on disk locally
    assert bot.ingest(EXAMPLES).embedded == 0
    answer = bot.ask("what are Alibaba's cloud risks?")
    assert answer.found and all("BABA" in c.tickers for c in answer.citations)
    assert bot.stats().chunks == first.chunks
