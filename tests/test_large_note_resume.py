"""A note larger than an indexing batch is saved a batch at a time: a SIGKILL part-way keeps
the slices already saved, and the next run finishes the note without duplicates or stale chunks."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from conftest import EVAL_NOTES, make_settings
from ingest_helpers import FOOTER, assert_store_consistent, chunks, cli_command, cli_env, note_text, write
from test_kill_resume import expected_chunks, recorded_chunks

from ragbot import Ragbot

pytestmark = pytest.mark.slow

BATCH = 24  # chunks per indexing batch in these tests (the default is 256)


def large_note(folder: Path) -> Path:
    """One note made of the bodies of every evaluation note (~100 KB of real text)."""
    bodies = [p.read_text(encoding="utf-8").split("AI-powered research")[0].strip() for p in sorted(EVAL_NOTES.glob("*.txt"))]
    return write(folder, "sector-review.txt", note_text("\n\n".join(bodies), tickers="BABA 0.2"))


def ingest_env() -> dict[str, str]:
    return {**cli_env(), "RAGBOT_INDEX_BATCH_SIZE": str(BATCH)}


def test_a_killed_large_note_resumes_from_its_saved_batches(tmp_path):
    folder, store = tmp_path / "notes", tmp_path / "store"
    large_note(folder)
    total = expected_chunks(folder)
    assert total > 4 * BATCH
    process = subprocess.Popen(cli_command("ingest", folder, "--store", store, "--json"), cwd=tmp_path, env=ingest_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    recorded = None
    try:
        while process.poll() is None:
            count = recorded_chunks(store)
            if 2 * BATCH <= count < total:
                process.kill()
                recorded = count
                break
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    if recorded is None:
        pytest.skip("the ingest finished before it could be killed part-way")
    assert 0 < recorded_chunks(store) < total  # slices were saved before the note was done
    resumed = subprocess.run(cli_command("ingest", folder, "--store", store, "--json"), cwd=tmp_path, env=ingest_env(),
                             capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    report = json.loads(resumed.stdout)
    assert report["chunks"] == total and report["embedded_chunks"] <= total - recorded
    bot = Ragbot(make_settings(store))
    assert len(assert_store_consistent(bot)) == total


def test_an_edited_large_note_keeps_no_stale_chunks(tmp_path, embeddings):
    folder = tmp_path / "notes"
    path = large_note(folder)
    bot = Ragbot(make_settings(tmp_path / "store", index_batch_size=BATCH))
    first = bot.ingest(folder)
    assert first.chunks > 4 * BATCH and first.added == ["sector-review.txt"]
    text = path.read_text(encoding="utf-8")
    closing = "Across the group, margins were the question investors kept returning to.\n"
    path.write_text(text.replace(FOOTER, closing + FOOTER), encoding="utf-8")  # the last chunk changes
    second = bot.ingest(folder)
    assert second.updated == ["sector-review.txt"] and 0 < second.embedded < first.chunks // 2
    stored = assert_store_consistent(bot)
    assert len(stored) == second.chunks
    assert sorted(m["chunk_index"] for _, m in chunks(bot)) == list(range(second.chunks))
