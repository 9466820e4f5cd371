"""An ingest killed with SIGKILL part-way through is finished by the next run, with no duplicates."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest
from conftest import make_settings
from ingest_helpers import (
    assert_store_consistent,
    chunks,
    cli_command,
    cli_env,
    note_text,
    run_cli,
    write,
    write_synthetic_notes,
)

from ingest import CompanyDirectory, NoteChunker, NoteLoader, TickerResolver
from ragbot import Ragbot

pytestmark = pytest.mark.slow


def expected_chunks(folder: Path) -> int:
    """How many chunks a clean ingest of ``folder`` stores, straight from the chunker."""
    resolver = TickerResolver(CompanyDirectory.load())
    return sum(len(NoteChunker(resolver).split(note)) for note in NoteLoader(resolver).load(folder))


def recorded_chunks(store: Path) -> int:
    """Rows in the record manager, read-only; 0 while the table does not exist or is locked."""
    path = store / "notes.records.sqlite"
    if not path.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)) as db:
            return db.execute("SELECT count(*) FROM upsertion_record").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def kill_part_way(folder: Path, store: Path, total: int, cwd: Path) -> int | None:
    """Start ``ragbot ingest``, SIGKILL it once a third of the chunks are recorded (but not all);
    return the recorded count at the kill, or None if the run finished first."""
    process = subprocess.Popen(
        cli_command("ingest", folder, "--store", store, "--json"),
        cwd=cwd,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while process.poll() is None:
            recorded = recorded_chunks(store)
            if total // 3 <= recorded < total:
                process.kill()
                process.wait()
                return recorded
            time.sleep(0.02)
        return None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def killed_then_resumed(tmp_path_factory):
    """Notes, their expected chunk count, chunks recorded at the kill, the store, and the resumed run's JSON."""
    for count in (150, 600):
        root = tmp_path_factory.mktemp(f"kill-{count}")
        folder, store = root / "notes", root / "store"
        write_synthetic_notes(folder, count)
        total = expected_chunks(folder)
        recorded = kill_part_way(folder, store, total, cwd=root)
        if recorded is not None:
            break
    else:
        pytest.fail("every ingest finished before it could be killed part-way")
    assert recorded_chunks(store) < total  # the kill really left the store unfinished
    resumed = run_cli("ingest", folder, "--store", store, "--json", cwd=root)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    return folder, total, recorded, store, json.loads(resumed.stdout)


def test_resumed_ingest_reports_every_note_once(killed_then_resumed):
    folder, total, _, _, report = killed_then_resumed
    notes = len(list(folder.glob("*.txt")))
    assert report["updated"] == 0 and report["failed"] == []
    assert report["added"] + report["unchanged"] == notes
    assert report["chunks"] == total


def test_resumed_ingest_does_not_embed_what_was_recorded_before_the_kill(killed_then_resumed):
    _, total, recorded, _, report = killed_then_resumed
    assert report["unchanged"] > 0
    # vectors embedded before the kill are in the embedding cache: only chunks never embedded
    # are embedded again (0 when the kill came after embedding, before the records)
    assert report["embedded_chunks"] <= total - recorded


def test_resumed_store_holds_every_chunk_exactly_once(killed_then_resumed, embeddings):
    folder, total, _, store, _ = killed_then_resumed
    bot = Ragbot(make_settings(store))
    assert len(assert_store_consistent(bot)) == total
    assert bot.index.sources() == sorted(p.name for p in folder.glob("*.txt"))


def test_vectors_left_unrecorded_by_a_kill_go_when_their_note_changes(bot, tmp_path):
    """The state a kill between writing a batch's vectors and its records leaves behind."""
    folder = tmp_path / "notes"
    write(folder, "baba.txt", note_text("Alibaba's cloud grew 26% on AI demand."))
    bot.ingest(folder)
    bot.index.records.delete_keys(bot.index.records.list_keys())
    write(folder, "baba.txt", note_text("Alibaba's cloud grew 34% on AI demand."))
    report = bot.ingest(folder)
    assert report.added == ["baba.txt"]
    assert [text for text, _ in chunks(bot)] == ["Alibaba's cloud grew 34% on AI demand."]
    assert_store_consistent(bot)
