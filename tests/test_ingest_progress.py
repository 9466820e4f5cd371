"""An ingest's progress events: reading, embedding, indexing, in order, driven by the real work."""

from __future__ import annotations

import shutil
from itertools import groupby
from pathlib import Path

import pytest
from conftest import EXAMPLES, make_settings

from ragbot import Ragbot
from ragbot.progress import STAGES, IngestProgress, ProgressTracker

EMBED_BATCH = 8  # small slices, so the example notes' 46 chunks give several embedding events


def test_tracker_reports_each_stage_eta_from_its_rate_after_the_first_unit():
    now = [0.0]
    events: list[IngestProgress] = []
    track = ProgressTracker(events.append, clock=lambda: now[0])
    for moment, done in [(0.0, 0), (30.0, 10), (32.0, 20), (32.0, 20), (34.0, 30), (35.0, 40)]:
        now[0] = moment
        track("embed", done, 40)
    now[0] = 36.0
    track("index", 0, 5)
    assert [e.done for e in events] == [0, 10, 20, 30, 40, 0]  # the repeated (20, 40) is dropped
    assert [e.eta_seconds for e in events] == [None, None, 4.0, 2.0, 0.0, None]  # 30 s of warm-up ignored
    assert events[2].text == "Embedding 20/40 chunks, about 4 s left"
    assert events[4].text == "Embedding 40/40 chunks" and events[5].label == "Indexing notes"
    assert IngestProgress("embed", 1, 9000, 150.0).eta_text == "about 2 min left"


@pytest.mark.slow
def test_a_real_ingest_reports_reading_embedding_and_indexing_in_order(tmp_path: Path, embeddings):
    notes = tmp_path / "notes"
    shutil.copytree(EXAMPLES, notes)
    files = sum(1 for p in notes.rglob("*") if p.is_file())
    bot = Ragbot(make_settings(tmp_path / "store", embed_batch_size=EMBED_BATCH))
    events: list[IngestProgress] = []
    stored_at_last_event: list[int] = []

    def listen(event: IngestProgress) -> None:
        events.append(event)
        if event.stage == "index" and event.done == event.total:  # "100%": the store must hold it all now
            stored_at_last_event.append(bot.stats().notes)

    report = bot.ingest(notes, progress=listen)
    assert [stage for stage, _ in groupby(e.stage for e in events)] == list(STAGES)
    by_stage = {stage: [e for e in events if e.stage == stage] for stage in STAGES}
    for stage, seen in by_stage.items():
        counts = [e.done for e in seen]
        assert counts == sorted(counts), (stage, counts)
        assert {e.total for e in seen} == {seen[-1].total} and counts[-1] == seen[-1].total
    assert by_stage["read"][-1].total == files
    assert by_stage["embed"][-1].total == report.embedded == report.chunks > 2 * EMBED_BATCH
    assert any(0 < e.done < e.total for e in by_stage["embed"])  # counted as the model works, slice by slice
    assert by_stage["index"][-1].total == len(report.added) == bot.stats().notes
    assert stored_at_last_event == [len(report.added)]

    events.clear()
    again = bot.ingest(notes, progress=events.append)
    embed = [e for e in events if e.stage == "embed"]
    assert again.embedded == 0 and [(e.done, e.total) for e in embed] == [(0, 0)]  # unchanged notes: nothing to embed
    assert events[-1].stage == "index" and events[-1].done == events[-1].total == len(again.unchanged)

    events.clear()
    edited = sorted(notes.rglob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace(". ", ". Analysts raised their targets after the call. ", 1), encoding="utf-8")
    mixed = bot.ingest(notes, progress=events.append)
    assert mixed.updated == [edited.relative_to(notes).as_posix()] and mixed.embedded > 0
    assert [stage for stage, _ in groupby(e.stage for e in events)] == list(STAGES)  # unchanged notes count as indexed after embedding
