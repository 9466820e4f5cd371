"""The installed ``ragbot`` command: help, ``ingest --json`` with exit codes, ``stats`` and ``search``."""

from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
from conftest import EXAMPLES
from ingest_helpers import cli_command, cli_env, cli_json, note_text, run_cli, write, write_bad_notes

from ingest import CompanyDirectory, NoteLoader, TickerResolver

pytestmark = pytest.mark.slow

INGEST_KEYS = {"added", "updated", "unchanged", "deleted", "failed", "chunks"}
HIT_KEYS = {"source", "tickers", "sentiment_label", "sentiment_score", "text", "score"}
ANSWERING = {  # the answering stack: routing, retrieval, reranking, the answerers
    "ragbot.answer", "ragbot.routing", "ragbot.retrieval", "ragbot.rerank", "ragbot.extractive",
    "ragbot.answering.answerer", "ragbot.sentiment", "ragbot.generative", "ragbot.question_input",
}
READERS = {"ingest.readers.pdf", "ingest.readers.html", "ingest.readers.docx", "ingest.readers.eml", "pypdf", "trafilatura", "docx"}


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    """The example notes ingested by ``ragbot ingest --json``: (working dir, notes, store, report)."""
    root = tmp_path_factory.mktemp("cli")
    folder, store = root / "notes", root / "store"
    shutil.copytree(EXAMPLES, folder)
    return root, folder, store, cli_json("ingest", folder, "--store", store, cwd=root)


def test_ragbot_help_lists_the_commands(tmp_path):
    done = run_cli("--help", cwd=tmp_path)
    assert done.returncode == 0
    for command in ("ingest", "search", "ask", "stats", "serve", "eval"):
        assert command in done.stdout


def test_ingest_help_lists_its_options(tmp_path):
    done = run_cli("ingest", "--help", cwd=tmp_path)
    assert done.returncode == 0
    for option in ("--sync", "--json", "--store"):
        assert option in done.stdout


def test_ingest_json_reports_counts_and_exits_0(example_store):
    *_, report = example_store
    assert INGEST_KEYS <= set(report)
    assert (report["added"], report["updated"], report["unchanged"], report["deleted"], report["failed"]) == (15, 0, 0, 0, [])
    assert report["chunks"] == report["embedded_chunks"] > 15


def test_second_ingest_leaves_everything_unchanged(example_store):
    root, folder, store, first = example_store
    report = cli_json("ingest", folder, "--store", store, cwd=root)
    assert (report["added"], report["updated"], report["unchanged"], report["embedded_chunks"]) == (0, 0, 15, 0)
    assert report["chunks"] == first["chunks"]


def test_an_unchanged_sync_imports_no_answering_stack_and_no_reader(example_store):
    """Most of an unchanged re-ingest's cost is the process's fixed cost (issue 15): the
    ``ingest`` command imports what reading and writing the store take, nothing that answers,
    and no document reader while it parses no file."""
    root, folder, store, _ = example_store
    env = {**cli_env(), "PYTHONPROFILEIMPORTTIME": "1"}  # every import, one line each on stderr
    done = subprocess.run(cli_command("ingest", folder, "--sync", "--store", store, "--json"), cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert {"ragbot.bot", "vectorstore.sync", "chromadb"} <= imported  # the ingest ran, and this sees its imports
    assert not imported & ANSWERING
    assert not imported & READERS


def test_stats_json_counts_notes_chunks_and_tickers(example_store):
    root, _, store, report = example_store
    stats = cli_json("stats", "--store", store, cwd=root)
    assert set(stats) == {"notes", "chunks", "tickers", "date_sources"}
    assert (stats["notes"], stats["chunks"]) == (15, report["chunks"])
    assert sum(stats["date_sources"].values()) == 15
    assert stats["tickers"]["JD"] >= 2 and stats["tickers"]["BABA"] >= 4


def test_search_with_ticker_returns_only_passages_about_it(example_store):
    root, folder, store, _ = example_store
    hits = cli_json("search", "cloud growth and AI spending", "--ticker", "BABA", "--store", store, cwd=root)
    resolver = TickerResolver(CompanyDirectory.load())
    baba_notes = {n.source for n in NoteLoader(resolver).load(folder) if "BABA" in n.tickers}
    assert hits
    for hit in hits:
        assert set(hit) == HIT_KEYS
        assert "BABA" in hit["tickers"] and hit["source"] in baba_notes


def test_edit_then_delete_with_sync_through_the_cli(tmp_path):
    folder, store = tmp_path / "notes", tmp_path / "store"
    write(folder, "baba.txt", note_text("Alibaba's cloud grew 26% on AI demand.", tickers="BABA 0.3"))
    write(folder, "jd.txt", note_text("JD.com's logistics arm grew 11%.", tickers="JD 0.1"))
    assert cli_json("ingest", folder, "--store", store, cwd=tmp_path)["added"] == 2
    write(folder, "baba.txt", note_text("Alibaba's cloud grew 34% on AI demand.", tickers="BABA 0.5"))
    edited = cli_json("ingest", folder, "--store", store, cwd=tmp_path)
    assert (edited["updated"], edited["unchanged"], edited["embedded_chunks"]) == (1, 1, 1)
    (folder / "jd.txt").unlink()
    plain = run_cli("ingest", folder, "--store", store, cwd=tmp_path)
    assert plain.returncode == 0 and "kept 1 stored note whose files are not in this folder (--sync removes them)" in plain.stderr
    synced = cli_json("ingest", folder, "--store", store, "--sync", cwd=tmp_path)
    assert (synced["deleted"], synced["unchanged"]) == (1, 1)
    assert cli_json("stats", "--store", store, cwd=tmp_path) == {
        "notes": 1, "chunks": 1, "tickers": {"BABA": 1}, "date_sources": {"file_mtime": 1},
    }


def test_ingest_exits_1_and_lists_each_failure(tmp_path):
    folder = tmp_path / "notes"
    write(folder, "good.txt", note_text("Alibaba's cloud grew 26% on AI demand."))
    expected = write_bad_notes(folder)
    report = cli_json("ingest", folder, "--store", tmp_path / "store", cwd=tmp_path, expect_code=1)
    assert report["added"] == 1
    assert sorted(f["path"] for f in report["failed"]) == sorted(expected)
    for failure in report["failed"]:
        assert set(failure) == {"path", "error"}
        assert expected[failure["path"]] in failure["error"]


def test_files_of_other_types_are_named_as_not_read_and_fail_nothing(tmp_path):
    folder = tmp_path / "notes"
    write(folder, "good.txt", note_text("Alibaba's cloud grew 26% on AI demand."))
    (folder / "blob.bin").write_bytes(bytes(range(256)))
    (folder / ".DS_Store").write_bytes(b"\0\1")  # (hidden: not mentioned)
    plain = run_cli("ingest", folder, "--store", tmp_path / "store", cwd=tmp_path)
    assert plain.returncode == 0 and "not read (not a note type: .txt, .md" in plain.stderr and "blob.bin" in plain.stderr
    assert "DS_Store" not in plain.stderr
    report = cli_json("ingest", folder, "--store", tmp_path / "store", cwd=tmp_path)
    assert (report["not_notes"], report["failed"], report["unchanged"]) == (["blob.bin"], [], 1)


def test_ingest_of_a_missing_folder_exits_2(tmp_path):
    done = run_cli("ingest", tmp_path / "nowhere", "--store", tmp_path / "store", cwd=tmp_path)
    assert done.returncode == 2
    assert "notes folder not found" in done.stderr


def test_serve_on_a_port_in_use_says_so_and_exits_2_before_loading_anything(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:  # another page already listening there
        port = taken.getsockname()[1]
        done = run_cli("serve", "--port", port, "--store", tmp_path / "store", cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert "chat at" not in done.stdout
