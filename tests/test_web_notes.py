"""The notes tab over a real store and real files: the notes table, uploads beside the store,
delete with its confirmation, undo, and notes deleted here staying out of re-ingests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, make_settings
from ingest_helpers import cli_json

from ragbot import Ragbot
from ragbot.progress import IngestProgress
from ragbot.userdata import uploads_folder
from ragbot.web.notes import Notes, progress_reporter
from ragbot.web.views import NOTE_COLUMNS, StoreViews

pytestmark = pytest.mark.slow

FRONT_MATTER_NOTE = """---
title: Storage deployments review
date: 2025-04-22
---
Tesla energy storage deployments hit a record 10.4 GWh in the quarter, and Megapack demand stays ahead of supply.
Overall Sentiment
mildly positive
Sentiment Score
0.30
Ticker Sentiment
TSLA: 0.35
"""
UPLOADED_NOTE = """Alibaba made-up quarter update
Alibaba said cloud revenue grew 61.7% in the made-up quarter, the fastest pace it has ever reported.
Overall Sentiment
mildly positive
Sentiment Score
0.30
Ticker Sentiment
BABA: 0.30
"""


def no_progress(*args, **kwargs) -> None:
    pass


def stored(bot: Ragbot) -> set[str]:
    return {d.metadata["source"] for d in bot.first_chunks([])}


@pytest.fixture
def notes_bot(tmp_path: Path, embeddings) -> Ragbot:
    """The example notes plus a front-matter note, ingested into a fresh store."""
    notes = tmp_path / "notes"
    shutil.copytree(EXAMPLES, notes)
    (notes / "tsla-storage.md").write_text(FRONT_MATTER_NOTE)
    bot = Ragbot(make_settings(tmp_path / "store", notes_dir=notes))
    assert bot.ingest().ok
    return bot


def test_the_table_has_one_row_per_note_with_its_title_tickers_and_scores(notes_bot):
    table = StoreViews(notes_bot).notes_table()
    assert list(table.columns) == NOTE_COLUMNS
    assert len(table) == notes_bot.stats().notes and table["note"].is_unique
    rows = table.set_index("note")
    assert rows.loc["nvda-china-export.md", "title"] == "Nvidia: China export licences"  # its heading
    assert rows.loc["tsla-storage.md", "title"] == "Storage deployments review"  # its front matter
    assert rows.loc["aapl-services.txt", "title"] == "aapl-services.txt"  # no title: its file name, not a sentence
    both = rows.loc["baba-jd-ecommerce.txt"]
    assert both["tickers"] == "BABA +0.35 \u00b7 JD 0.00"  # each ticker's own score, written as every answer writes it
    assert (both["sentiment"], both["score"]) == ("mildly positive", 0.15)  # and the note's overall label and score (a number: it sorts)
    assert (both["date"], both["date from"]) == ("2025-05-16", "Date: line")  # where the date came from, in words
    assert (rows.loc["tsla-storage.md", "date"], rows.loc["tsla-storage.md", "date from"]) == ("2025-04-22", "front matter")
    assert list(table["date"]) == sorted(table["date"], reverse=True)  # newest first
    only_jd = StoreViews(notes_bot).notes_table(["JD"])
    assert "baba-jd-ecommerce.txt" in set(only_jd["note"]) and "aapl-services.txt" not in set(only_jd["note"])


def test_a_deleted_note_keeps_its_file_stays_out_of_reingests_and_undo_restores_it(notes_bot, tmp_path):
    notes = Notes(notes_bot)
    folder = Path(notes_bot.settings.notes_dir)
    question, confirm = notes.ask_delete("tsla-robotaxi.txt")
    assert f"Its file stays on disk at {folder / 'tsla-robotaxi.txt'}" in question and "--include-deleted" in question
    assert confirm["visible"] is True and "tsla-robotaxi.txt" in stored(notes_bot)  # asking deletes nothing
    chunks_before = notes_bot.stats().chunks

    message, confirm, undo, removed = notes.delete("tsla-robotaxi.txt")
    assert "Deleted tsla-robotaxi.txt" in message and "stays on disk" in message
    assert (confirm["visible"], undo["visible"]) == (False, True)
    assert (folder / "tsla-robotaxi.txt").is_file() and "tsla-robotaxi.txt" not in stored(notes_bot)

    report = notes_bot.ingest(sync=True)  # a re-ingest leaves it out and says so
    assert report.excluded == ["tsla-robotaxi.txt"] and "tsla-robotaxi.txt" not in stored(notes_bot)
    assert "Left out 1 note deleted here" in notes.reingest(False, progress=no_progress)

    cached = notes_bot.store.cache.count()
    message, undo, left = notes.undo(removed)
    assert "Restored tsla-robotaxi.txt" in message and undo["visible"] is False and left is None
    assert "tsla-robotaxi.txt" in stored(notes_bot) and notes_bot.stats().chunks == chunks_before
    assert notes_bot.store.cache.count() == cached and notes_bot.store.excluded.sources() == set()

    notes.delete("tsla-robotaxi.txt")  # deleted again: the CLI brings it back on request only
    store = notes_bot.settings.store_dir
    assert cli_json("ingest", folder, "--store", store, cwd=tmp_path)["excluded"] == ["tsla-robotaxi.txt"]
    back = cli_json("ingest", folder, "--store", store, "--include-deleted", cwd=tmp_path)
    assert (back["added"], back["embedded_chunks"], back["excluded"]) == (1, 0, [])
    assert "tsla-robotaxi.txt" in stored(notes_bot) and not json.loads(notes_bot.store.excluded.path.read_text())


def test_a_reingest_without_sync_keeps_a_note_whose_file_is_gone_and_says_how_to_remove_it(notes_bot):
    notes = Notes(notes_bot)
    (Path(notes_bot.settings.notes_dir) / "tsla-robotaxi.txt").unlink()
    assert "Kept 1 note stored that the notes folder no longer has" in notes.reingest(False, progress=no_progress)
    assert "tsla-robotaxi.txt" in stored(notes_bot)
    assert "Kept" not in notes.reingest(True, progress=no_progress) and "tsla-robotaxi.txt" not in stored(notes_bot)


def test_a_note_deleted_while_a_reingest_reads_the_folder_stays_deleted(notes_bot):
    """The page deletes an edited note after a re-ingest has read the exclusions and the folder,
    before it writes: the ingest leaves the note out (it checks again under the writer lock,
    which a delete holds while it deletes and excludes)."""
    notes = Notes(notes_bot)
    edited = Path(notes_bot.settings.notes_dir) / "tsla-robotaxi.txt"
    edited.write_text(edited.read_text().replace("We are mildly positive", "Edited. We are mildly positive"))
    deleted = []

    def delete_once_read(event: IngestProgress) -> None:
        if event.stage == "read" and event.done == event.total and not deleted:
            deleted.append(notes.delete("tsla-robotaxi.txt"))

    report = notes_bot.ingest(sync=True, progress=delete_once_read)
    assert deleted and "tsla-robotaxi.txt" not in report.updated + report.added
    assert "tsla-robotaxi.txt" not in stored(notes_bot) and notes_bot.store.excluded.sources() == {"tsla-robotaxi.txt"}
    assert notes_bot.ingest(sync=True).excluded == ["tsla-robotaxi.txt"]


def test_uploads_land_beside_the_store_survive_a_sync_and_undo_restores_their_file(notes_bot, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "Alibaba made-up quarter (draft).txt").write_text(UPLOADED_NOTE)
    notes = Notes(notes_bot)
    html, cleared = notes.ingest_uploads([str(incoming / "Alibaba made-up quarter (draft).txt")], progress=no_progress)
    saved = Path(notes_bot.settings.store_dir) / "uploads" / "Alibaba-made-up-quarter-draft.txt"
    assert cleared is None and "<b>1</b><span>added</span>" in html and saved.is_file()
    assert uploads_folder(notes_bot.settings) == saved.parent
    assert not (Path(notes_bot.settings.notes_dir) / "uploads").exists() and not (EXAMPLES / "uploads").exists()
    source = "uploads/Alibaba-made-up-quarter-draft.txt"
    assert source in stored(notes_bot)

    assert notes_bot.ingest(sync=True).deleted == []  # syncing the notes folder keeps the uploads
    question, _ = notes.ask_delete(source)
    assert "uploaded file" in question and "deleted too" in question
    _, _, _, removed = notes.delete(source)
    assert not saved.exists() and source not in stored(notes_bot)
    notes.undo(removed)
    assert saved.read_text() == UPLOADED_NOTE and source in stored(notes_bot)


def test_an_upload_that_cannot_be_ingested_is_reported_once_and_not_kept(notes_bot, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "empty.txt").write_text("")
    (incoming / "good.txt").write_text(UPLOADED_NOTE)
    notes = Notes(notes_bot)
    html, _ = notes.ingest_uploads([str(incoming / "empty.txt"), str(incoming / "good.txt")], progress=no_progress)
    assert "uploads/empty.txt" in html and "uploads/good.txt" in stored(notes_bot)
    folder = uploads_folder(notes_bot.settings)
    assert not (folder / "empty.txt").exists() and (folder / "good.txt").is_file()
    (incoming / "later.txt").write_text(UPLOADED_NOTE.replace("61.7%", "62.0%"))
    html, _ = notes.ingest_uploads([str(incoming / "later.txt")], progress=no_progress)
    assert "empty.txt" not in html  # not reported again by the next upload


def test_an_upload_that_cannot_be_ingested_is_not_kept_with_the_default_relative_store(tmp_path, monkeypatch, embeddings):
    monkeypatch.chdir(tmp_path)  # the default store folder, ".ragbot", is relative to the working folder
    bot = Ragbot(make_settings(Path(".ragbot")))
    (tmp_path / "empty.txt").write_text("")
    html, _ = Notes(bot).ingest_uploads([str(tmp_path / "empty.txt")], progress=no_progress)
    assert "empty.txt" in html and not (uploads_folder(bot.settings) / "empty.txt").exists()


def test_the_uploads_folder_is_a_setting(tmp_path):
    chosen = tmp_path / "my-uploads"
    assert uploads_folder(make_settings(tmp_path / "store", uploads_dir=chosen)) == chosen
    assert uploads_folder(make_settings(tmp_path / "store")) == tmp_path / "store" / "uploads"


def test_delete_asks_for_a_note_first(tmp_path):
    notes = Notes(Ragbot(make_settings(tmp_path / "store", notes_dir=tmp_path / "missing")))
    assert "Pick a note" in notes.ask_delete(None)[0]
    assert "notes folder not found" in notes.reingest(True, progress=no_progress)


def test_progress_events_reach_the_progress_bar():
    calls = []
    report = progress_reporter(lambda value, desc=None, unit=None: calls.append((value, desc, unit)))
    report(IngestProgress("embed", 64, 200, 12.0))
    assert calls == [((64, 200), "Embedding 64/200 chunks, about 12 s left", "chunks")]
