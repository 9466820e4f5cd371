"""An unchanged re-ingest parses no file (``ragbot.reading``, ``vectorstore.parsed``); an edited
file, a company the notes declare, a company table and a setting each make files parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings
from ingest_helpers import assert_store_consistent, note_text, write, write_synthetic_notes

import ingest.loader
from ragbot import Ragbot

pytestmark = pytest.mark.slow

NAMING_ONLY = note_text("Marrowby warned that gas costs will squeeze kiln margins. Analysts at Caterpillar disagreed.")
DECLARING = note_text("Marrowby Kiln Works (MKWX) said third-quarter orders rose 12%. Marrowby also raised its dividend.")


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The source of every note the loader parses (the real ``parse_note``, counted)."""
    seen: list[str] = []
    real = ingest.loader.parse_note

    def counted(text, source, resolver, date=None):
        seen.append(source)
        return real(text, source, resolver, date=date)

    monkeypatch.setattr(ingest.loader, "parse_note", counted)
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    notes = tmp_path / "notes"
    write_synthetic_notes(notes, 3)
    write(notes, "kiln.txt", NAMING_ONLY)
    return notes


def bot_for(tmp_path: Path, **settings) -> Ragbot:
    return Ragbot(make_settings(tmp_path / "store", **settings))


def test_an_unchanged_reingest_parses_no_file_and_reports_as_before(tmp_path, folder, embeddings, parses):
    bot = bot_for(tmp_path)
    first = bot.ingest(folder)
    assert first.parsed == 4 and len(parses) == 4
    parses.clear()
    again = bot_for(tmp_path).ingest(folder, sync=True)  # a new process: only the store remembers
    assert parses == [] and again.parsed == 0
    assert sorted(again.unchanged) == sorted(first.added) and not again.added and not again.updated and not again.deleted
    assert again.chunks == first.chunks and again.embedded == 0
    assert_store_consistent(bot)


def test_an_edited_file_alone_is_parsed_again(tmp_path, folder, embeddings, parses):
    bot = bot_for(tmp_path)
    bot.ingest(folder)
    write(folder, "note-0001.txt", note_text("In note 1, Caterpillar said kiln orders doubled."))
    parses.clear()
    report = bot.ingest(folder, sync=True)
    assert parses == ["note-0001.txt"] and report.parsed == 1
    assert report.updated == ["note-0001.txt"] and len(report.unchanged) == 3
    assert_store_consistent(bot)


def test_a_company_another_note_declares_makes_the_notes_naming_it_parsed_again(tmp_path, folder, embeddings, parses):
    bot = bot_for(tmp_path)
    bot.ingest(folder)
    assert bot.first_chunks(["MKWX"]) == []  # nothing about it yet
    write(folder, "mkwx.txt", DECLARING)
    parses.clear()
    report = bot.ingest(folder, sync=True)
    assert "kiln.txt" in parses and "mkwx.txt" in parses
    assert "kiln.txt" in report.updated  # now tagged with the company the new note declares
    assert {d.metadata["source"] for d in bot.first_chunks(["MKWX"])} == {"kiln.txt", "mkwx.txt"}
    parses.clear()
    assert bot.ingest(folder, sync=True).parsed == 0 and parses == []


def test_a_new_company_table_or_chunk_setting_makes_every_file_parsed_again(tmp_path, folder, embeddings, parses):
    bot_for(tmp_path).ingest(folder)
    aliases = write(tmp_path, "aliases.csv", "ticker,name,aliases,symbols,ambiguous_symbol\nMKWX,Marrowby Kiln Works,Marrowby,,0\n")
    parses.clear()
    learned = bot_for(tmp_path, aliases_file=aliases).ingest(folder, sync=True)
    assert learned.parsed == 4 and len(parses) == 4 and learned.updated == ["kiln.txt"]
    parses.clear()
    rechunked = bot_for(tmp_path, aliases_file=aliases, chunk_size=300).ingest(folder, sync=True)
    assert rechunked.parsed == 4 and len(parses) == 4 and len(rechunked.updated) == 3  # kiln.txt: one chunk either way
    parses.clear()
    assert bot_for(tmp_path, aliases_file=aliases, chunk_size=300).ingest(folder, sync=True).parsed == 0 and parses == []


def test_a_note_no_longer_indexed_as_recorded_is_parsed_again(tmp_path, folder, embeddings, parses):
    """A row counts only while the record manager holds its note's chunks: a note deleted on the
    chat page, or whose records are gone (as a store repair can leave it), is parsed again."""
    bot = bot_for(tmp_path)
    bot.ingest(folder)
    bot.delete_note("note-0002.txt")
    index = bot.index
    index.records.delete_keys(sorted(index._keys("note-0000.txt")))  # its chunks' records lost
    parses.clear()
    report = bot.ingest(folder, sync=True, include_deleted=True)
    assert sorted(parses) == ["note-0000.txt", "note-0002.txt"] and report.parsed == 2
    assert "note-0002.txt" in report.added and set(bot.index.sources()) >= {"note-0000.txt", "note-0002.txt"}
    assert_store_consistent(bot)
