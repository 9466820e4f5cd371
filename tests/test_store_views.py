"""What a page shows of the whole store (the note list, stats, the sentiment catalog) is read
once per store generation: a page refresh asks for it several times, and at 20,000 notes each
read takes seconds. Any write, by this process or another, makes the next call read again."""

from __future__ import annotations

import pytest
from conftest import make_settings
from ingest_helpers import collection_gets, note_text, write

from ragbot import Ragbot

pytestmark = pytest.mark.slow


def views(bot: Ragbot) -> tuple:
    return sorted(d.metadata["source"] for d in bot.first_chunks([])), bot.stats(), len(bot.note_catalog.records)


def test_a_second_look_at_the_store_reads_nothing(bot, notes_dir, monkeypatch):
    bot.ingest(notes_dir)
    first = views(bot)
    reads = collection_gets(bot, monkeypatch)
    assert views(bot) == first
    assert reads == []


def test_a_write_by_another_process_is_seen_on_the_next_look(bot, notes_dir, tmp_path):
    bot.ingest(notes_dir)
    sources, stats, catalog = views(bot)
    other = Ragbot(make_settings(tmp_path / "store"))  # another process's Ragbot on the same store
    write(notes_dir, "new-note.txt", note_text("JD.com (JD) said logistics revenue rose 12% in the quarter as new warehouses opened.", tickers="JD: 0.30"))
    other.ingest(notes_dir)
    now_sources, now_stats, now_catalog = views(bot)
    assert now_sources == sorted([*sources, "new-note.txt"])
    assert (now_stats.notes, now_catalog) == (stats.notes + 1, catalog + 1)
