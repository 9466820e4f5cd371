"""Concurrency soak and throughput of a real ``ragbot serve`` on 127.0.0.1, through ``/ask``.

1. A store of the example notes; a ``ragbot serve`` subprocess on it; every question asked
   once, one at a time: the reference answers.
2. Throughput: 1, 2 and 4 clients (``gradio_client``, one thread each) asking the questions
   round-robin; questions per second, p50/p95 latency.
3. Soak: CLIENTS clients x QUESTIONS questions while two ``ragbot ingest`` processes add NOTES
   synthetic notes each (about companies none of the questions names) to the same store:
   errors, answers that differ from the reference, p50/p95. Then the server is asked about a
   company of the new notes: it must answer from them without a restart.

Loopback only; every loop is bounded by its counts.

    .venv/bin/python benchmarks/concurrency.py                                      # small
    nice -n 10 .venv/bin/python benchmarks/concurrency.py --clients 10 --questions 30 --notes 300
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time

from benchmarks import synthetic
from benchmarks.common import ROOT, latency_ms, print_table, write_results

QUESTIONS = [
    "what are Alibaba's cloud risks?",
    "How is Tesla's robotaxi plan going?",
    "What is driving Nvidia's data center revenue?",
    "What did the notes say about Temu?",
    "How are Microsoft Azure's AI revenues growing?",
    "What's the sentiment on Meta?",
    "How is Apple's services business doing?",
    "What did the notes say about JD logistics?",
    "What is Tencent's games outlook?",
    "How fast is AWS growing?",
]
ASKED = {"BABA", "TSLA", "NVDA", "PDD", "MSFT", "META", "AAPL", "JD", "TCEHY", "AMZN"}  # the questions' companies
READY_SECONDS = 300  # the server must answer its first question within this
CLIENT_TIMEOUT = 300  # seconds a client waits for one answer


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=3, help="soak clients (default 3; the issue's run: 10)")
    parser.add_argument("--questions", type=int, default=8, help="questions per soak client (default 8; issue: 30)")
    parser.add_argument("--notes", type=int, default=20, help="notes per ingest during the soak (default 20; issue: 300)")
    parser.add_argument("--throughput-questions", type=int, default=12, help="questions per client count (default 12)")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--name", default="concurrency", help="results file name")
    return parser.parse_args()


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RAGBOT_")}
    return {**clean, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def ragbot(*args: str | Path) -> list[str]:
    return [str(Path(sys.executable).with_name("ragbot")), *map(str, args)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def other_company_notes(folder: Path, count: int, seed: int) -> Path:
    """``count`` synthetic notes whose text names none of the questions' companies."""
    from ingest import CompanyDirectory, TickerResolver

    resolver = TickerResolver(CompanyDirectory.load())
    folder.mkdir(parents=True, exist_ok=True)
    i = written = 0
    while written < count and i < count * 20:
        name, text = synthetic.note(seed, i)
        i += 1
        if not ASKED & set(resolver.resolve(text)):
            (folder / name).write_text(text, encoding="utf-8")
            written += 1
    return folder


def ask_many(client, questions: list[str], results: list, errors: list) -> None:
    for question in questions:
        started = time.perf_counter()
        try:
            answer = client.predict(question, None, api_name="/ask")
            results.append((question, answer, time.perf_counter() - started))
        except Exception as error:  # noqa: BLE001  (every failure is counted and shown)
            errors.append(f"{question}: {type(error).__name__}: {error}"[:300])


def run_clients(url: str, count: int, per_client: int, offset: int = 0) -> tuple[list, list, float]:
    """``count`` clients on threads, each asking ``per_client`` questions round-robin."""
    from gradio_client import Client

    clients = [Client(url, verbose=False, httpx_kwargs={"timeout": CLIENT_TIMEOUT}) for _ in range(count)]
    results: list = []
    errors: list = []
    threads = [
        threading.Thread(target=ask_many, args=(c, [QUESTIONS[(offset + k + n) % len(QUESTIONS)] for n in range(per_client)], results, errors))
        for k, c in enumerate(clients)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors, time.perf_counter() - started


def main() -> None:
    args = parse_args()
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="ragbot-concurrency-"))
    store = work / "store"
    subprocess.run(ragbot("ingest", ROOT / "examples" / "notes", "--store", store, "--json"), env=env(), check=True, capture_output=True)
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(ragbot("serve", "--store", store, "--port", port), env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            try:
                client = Client(url, verbose=False)
                break
            except Exception:  # noqa: BLE001  (not listening yet)
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"server did not start: {server.stderr.read()[-2000:] if server.poll() is not None else 'timeout'}")
                time.sleep(1)
        expected = {q: client.predict(q, None, api_name="/ask") for q in QUESTIONS}

        throughput = []
        for count in (1, 2, 4):
            results, errors, wall = run_clients(url, count, max(1, args.throughput_questions // count))
            row = {"clients": count, "questions": len(results), "errors": len(errors), "q_per_s": round(len(results) / wall, 2)}
            row.update({k: v for k, v in latency_ms([s for *_, s in results]).items() if k in ("p50_ms", "p95_ms")})
            row["p95_over_p50"] = round(row["p95_ms"] / row["p50_ms"], 2)
            throughput.append(row)
        print_table(throughput, "Throughput through /ask")

        folders = [other_company_notes(work / f"new-{k}", args.notes, seed=100 + k) for k in (1, 2)]
        ingests = [
            subprocess.Popen(ragbot("ingest", folder, "--store", store, "--json"), env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for folder in folders
        ]
        results, errors, wall = run_clients(url, args.clients, args.questions, offset=3)
        for run in ingests:
            _, err = run.communicate()
            if run.returncode != 0:
                errors.append(f"ingest exited {run.returncode}: {err[-300:]}")
        different = [q for q, answer, _ in results if answer != expected[q]]
        new_note = sorted(folders[0].glob("*.txt"))[0]
        ticker = new_note.name.split("-")[0].upper()
        after = client.predict(f"What are the main risks for {ticker}?", [ticker], api_name="/ask")
        answers_new = after["found"] and all(c["source"].split("-")[0].upper() == ticker for c in after["citations"])
        soak = {
            "clients": args.clients, "questions_per_client": args.questions, "notes_per_ingest": args.notes,
            "answered": len(results), "errors": len(errors), "different_answers": len(different),
            **{k: v for k, v in latency_ms([s for *_, s in results]).items() if k in ("p50_ms", "p95_ms", "max_ms")},
            "q_per_s": round(len(results) / wall, 2),
            "answers_from_new_notes_after_ingest": answers_new,
        }
        print_table([soak], "Soak: questions while two ingests write the store")
        for line in errors[:10]:
            print("error:", line)
        write_results(args.name, {"throughput": throughput, "soak": soak, "errors": errors[:20], "different": different[:20]}, args)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
