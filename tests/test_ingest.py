"""Ingest into a real Chroma store: chunk metadata, ticker filters, and re-ingest that stays in step."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import EXAMPLES, make_settings
from ingest_helpers import assert_store_consistent, chunks, collection_gets, note_text, write, write_synthetic_notes

from ingest import CompanyDirectory, NoteChunker, TickerResolver, parse_note
from ragbot import Ragbot
from ingest.loader import decode_note

pytestmark = pytest.mark.slow

EDITED = "baba-cloud-growth.txt"
OLD_SENTENCE = 'Eddie Wu told analysts that demand for AI inference is "far ahead of supply,"'


def note_sources(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in {".txt", ".md"})


def sources_of(found: list[tuple[str, dict]]) -> set[str]:
    return {meta["source"] for _, meta in found}


# -- chunk metadata -----------------------------------------------------------------
def test_every_example_note_is_stored_under_its_path_relative_to_the_root(examples_bot):
    assert examples_bot.index.sources() == note_sources(EXAMPLES)
    assert "archive/baba-2024-singles-day.txt" in examples_bot.index.sources()


def test_every_chunk_is_the_note_text_between_its_offsets(examples_bot):
    stored = chunks(examples_bot)
    assert len(stored) > len(note_sources(EXAMPLES))
    for text, meta in stored:
        note = decode_note((EXAMPLES / meta["source"]).read_bytes())
        assert note[meta["start"] : meta["end"]] == text


def test_chunk_indexes_run_from_zero_in_text_order(examples_bot):
    by_source: dict[str, list[dict]] = {}
    for _, meta in chunks(examples_bot):
        by_source.setdefault(meta["source"], []).append(meta)
    for metas in by_source.values():
        metas.sort(key=lambda m: m["chunk_index"])
        assert [m["chunk_index"] for m in metas] == list(range(len(metas)))
        assert [m["start"] for m in metas] == sorted(m["start"] for m in metas)


def test_chunks_carry_the_notes_metadata(examples_bot):
    [(_, meta)] = chunks(examples_bot, {"$and": [{"source": "baba-jd-ecommerce.txt"}, {"chunk_index": 0}]})
    assert meta["title"].startswith("Alibaba's customer management revenue grew 12%")
    assert meta["tickers"] == ["BABA", "JD"]
    assert (meta["sentiment_label"], meta["sentiment_score"]) == ("mildly positive", 0.15)
    assert json.loads(meta["ticker_scores"]) == {"BABA": 0.35, "JD": 0.0}
    assert (meta["date"], meta["date_source"]) == ("2025-05-16", "date_line")
    assert {"BABA", "JD"} <= set(meta["about"])


def test_chunks_of_a_note_in_a_subfolder_name_the_subfolder(examples_bot):
    found = chunks(examples_bot, {"source": "archive/baba-2024-singles-day.txt"})
    assert found
    for _, meta in found:
        assert (meta["sentiment_label"], meta["sentiment_score"], meta["tickers"][0]) == ("neutral", 0.02, "BABA")


def test_date_line_wins_over_the_file_date(bot, tmp_path):
    folder = tmp_path / "notes"
    write(folder, "dated.txt", note_text("Date: 2025-03-14\nAlibaba's cloud grew 26% on AI demand."))
    undated = write(folder, "undated.txt", note_text("Tencent's games revenue grew 24% on new titles."))
    noon = datetime(2024, 1, 2, 12, tzinfo=timezone.utc).timestamp()
    os.utime(undated, (noon, noon))
    bot.ingest(folder)
    assert {meta["source"]: meta["date"] for _, meta in chunks(bot)} == {"dated.txt": "2025-03-14", "undated.txt": "2024-01-02"}


def test_about_adds_companies_a_chunk_names_to_the_notes_own():
    resolver = TickerResolver(CompanyDirectory.load())
    body = "Alibaba's cloud grew 26% on AI demand.\n\nGoogle Cloud grew faster, which pressures pricing.\n\nMargins held up."
    note = parse_note(note_text(body, tickers="BABA 0.3"), "n.txt", resolver)
    about = {d.page_content: d.metadata["about"] for d in NoteChunker(resolver, chunk_size=60, chunk_overlap=0).split(note)}
    assert about == {
        "Alibaba's cloud grew 26% on AI demand.": ["BABA"],
        "Google Cloud grew faster, which pressures pricing.": ["BABA", "GOOGL"],
        "Margins held up.": ["BABA"],
    }


# -- filtering by ticker ------------------------------------------------------------
def test_ticker_filter_returns_exactly_the_chunks_of_notes_naming_that_ticker(examples_bot):
    jd = chunks(examples_bot, {"tickers": {"$contains": "JD"}})
    assert all("JD" in meta["tickers"] for _, meta in jd)
    assert sorted(text for text, _ in jd) == sorted(text for text, meta in chunks(examples_bot) if "JD" in meta["tickers"])
    assert {"baba-jd-ecommerce.txt", "jd-logistics.txt"} <= sources_of(jd)


def test_note_about_two_companies_is_found_under_both(examples_bot):
    for ticker in ("BABA", "JD"):
        assert "baba-jd-ecommerce.txt" in sources_of(chunks(examples_bot, {"tickers": {"$contains": ticker}}))
    assert "jd-logistics.txt" not in sources_of(chunks(examples_bot, {"tickers": {"$contains": "BABA"}}))


def test_stats_count_notes_chunks_and_notes_per_ticker(examples_bot):
    stats = examples_bot.stats()
    stored = chunks(examples_bot)
    assert (stats.notes, stats.chunks) == (len(note_sources(EXAMPLES)), len(stored))
    baba_notes = {meta["source"] for _, meta in stored if "BABA" in meta["tickers"]}
    assert stats.tickers["BABA"] == len(baba_notes) >= 4


# -- re-ingest ----------------------------------------------------------------------
def test_first_ingest_adds_and_embeds_every_note(bot, notes_dir):
    report = bot.ingest(notes_dir)
    assert sorted(report.added) == note_sources(notes_dir)
    assert report.embedded == report.chunks == len(assert_store_consistent(bot))
    assert (report.updated, report.unchanged, report.deleted, report.failed) == ([], [], [], [])


def test_reingesting_an_unchanged_folder_embeds_nothing(bot, notes_dir):
    first = bot.ingest(notes_dir)
    ids = assert_store_consistent(bot)
    second = bot.ingest(notes_dir)
    assert (second.added, second.updated, second.embedded) == ([], [], 0)
    assert sorted(second.unchanged) == note_sources(notes_dir)
    assert second.chunks == first.chunks
    assert assert_store_consistent(bot) == ids


def test_note_split_over_two_embedding_batches_is_not_embedded_again(embeddings, tmp_path):
    bot = Ragbot(make_settings(tmp_path / "store", index_batch_size=16))
    folder = tmp_path / "many"
    write_synthetic_notes(folder, 25)
    first = bot.ingest(folder)
    assert first.chunks > bot.index.batch_size  # some note straddles the first batch boundary
    assert bot.ingest(folder).embedded == 0
    assert len(assert_store_consistent(bot)) == first.chunks


def whole_collection_reads(bot: Ragbot, folder: Path, monkeypatch) -> int:
    """How many Chroma reads not narrowed to ids or a ``where`` one ingest of ``folder`` makes."""
    with monkeypatch.context() as patch:
        gets = collection_gets(bot, patch)
        bot.ingest(folder, sync=True)
    return sum(1 for kwargs in gets if kwargs.get("ids") is None and kwargs.get("where") is None)


def test_whole_store_reads_per_ingest_do_not_grow_with_its_batches(embeddings, tmp_path, monkeypatch):
    """Each written batch is mirrored into the lexical index by its own ids; re-reading every id
    after each batch made an ingest quadratic in the store's size (~10 of 46 min at 20,000 notes)."""
    reads = []
    for count in (4, 24):
        bot = Ragbot(make_settings(tmp_path / f"store-{count}", index_batch_size=8))
        write_synthetic_notes(tmp_path / f"notes-{count}", count)
        reads.append(whole_collection_reads(bot, tmp_path / f"notes-{count}", monkeypatch))
        assert assert_store_consistent(bot)
    assert reads[0] == reads[1]


def test_editing_notes_written_in_several_batches_leaves_each_chunk_indexed_once(embeddings, tmp_path):
    bot = Ragbot(make_settings(tmp_path / "store", index_batch_size=8))
    notes = write_synthetic_notes(tmp_path / "notes", 12)
    bot.ingest(tmp_path / "notes")
    for path in notes[::3]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(".", ". Margins widened again.", 1), encoding="utf-8")
    notes[1].unlink()
    report = bot.ingest(tmp_path / "notes", sync=True)
    assert len(report.updated) == 4 and report.deleted == [notes[1].name]
    assert len(assert_store_consistent(bot)) == report.chunks


def test_editing_a_note_replaces_its_old_chunks(bot, notes_dir):
    bot.ingest(notes_dir)
    path = notes_dir / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_SENTENCE, "Eddie Wu said inference demand doubled,"), encoding="utf-8")
    report = bot.ingest(notes_dir)
    assert (report.updated, report.added) == ([EDITED], [])
    assert len(report.unchanged) == len(note_sources(notes_dir)) - 1
    texts = [text for text, _ in chunks(bot)]
    assert not any("far ahead of supply" in text for text in texts)
    assert any("inference demand doubled" in text for text in texts)
    assert len(assert_store_consistent(bot)) == report.chunks


def test_sync_removes_the_chunks_of_a_deleted_note(bot, notes_dir):
    bot.ingest(notes_dir)
    (notes_dir / "jd-logistics.txt").unlink()
    report = bot.ingest(notes_dir, sync=True)
    assert report.deleted == ["jd-logistics.txt"] and report.missing == []
    assert chunks(bot, {"source": "jd-logistics.txt"}) == []
    assert len(assert_store_consistent(bot)) == report.chunks


def test_without_sync_a_deleted_notes_chunks_stay(bot, notes_dir):
    bot.ingest(notes_dir)
    kept = chunks(bot, {"source": "jd-logistics.txt"})
    (notes_dir / "jd-logistics.txt").unlink()
    report = bot.ingest(notes_dir)
    assert report.deleted == [] and report.missing == ["jd-logistics.txt"]  # kept, and said so
    assert chunks(bot, {"source": "jd-logistics.txt"}) == kept
    assert_store_consistent(bot)


def test_renamed_note_with_sync_moves_to_its_new_source(bot, notes_dir):
    bot.ingest(notes_dir)
    count = len(assert_store_consistent(bot))
    (notes_dir / "archive" / "baba-2024-singles-day.txt").rename(notes_dir / "singles-day.txt")
    report = bot.ingest(notes_dir, sync=True)
    assert (report.added, report.deleted) == (["singles-day.txt"], ["archive/baba-2024-singles-day.txt"])
    assert chunks(bot, {"source": "archive/baba-2024-singles-day.txt"}) == []
    assert chunks(bot, {"source": "singles-day.txt"})
    assert len(assert_store_consistent(bot)) == count


def _passages(source: str, texts: list[str]):
    from langchain_core.documents import Document

    return [Document(page_content=t, metadata={"source": source, "chunk_index": i}) for i, t in enumerate(texts)]


def test_a_note_cut_short_is_not_taken_for_unchanged(bot):
    """Its remaining chunks are all recorded, but so is the dropped one: it must be written."""
    texts = [f"Passage {i} about cloud revenue growth of {i}0% in the quarter." for i in range(3)]
    bot.index.sync([("cut.txt", _passages("cut.txt", texts)), ("kept.txt", _passages("kept.txt", texts))], keep=set())
    short = [("cut.txt", _passages("cut.txt", texts[:2])), ("kept.txt", _passages("kept.txt", texts))]
    assert bot.index.unchanged(short) == {"kept.txt"}
    result = bot.index.sync(short, keep=set())
    assert (result.updated, result.unchanged, result.embedded) == (["cut.txt"], ["kept.txt"], 0)
    assert sorted(text for text, meta in chunks(bot) if meta["source"] == "cut.txt") == texts[:2]
