"""Files that are not readable notes are reported by path with a reason; every other note is ingested."""

from __future__ import annotations

import codecs
import os
import shutil

import pytest
from conftest import EXAMPLES, make_settings
from ingest_helpers import assert_store_consistent, chunks, note_text, write, write_bad_notes

from ingest.loader import decode_note
from ingest.note import NoteFormatError
from ragbot import Ragbot

CAFE = "Alibaba opened a caf\u00e9 in Hangzhou to showcase Taobao's instant retail service."


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    """Two good example notes, a cp1252 note, a note with a malformed sentiment block, a note
    below a directory link to its own parent, and every kind of unreadable file."""
    folder = tmp_path_factory.mktemp("bad-notes")
    for name in ("baba-jd-ecommerce.txt", "jd-logistics.txt"):
        shutil.copy2(EXAMPLES / name, folder / name)
    write(folder, "cafe.txt", note_text(CAFE).encode("cp1252"))
    write(folder, "malformed.txt", note_text("Tencent's games revenue grew 24% on new titles.", score="high"))
    write(folder, "sub/tencent.txt", note_text("Tencent raised its buyback as advertising revenue grew 20%."))
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    return folder, write_bad_notes(folder)


@pytest.fixture(scope="module")
def ingested(bad_folder, tmp_path_factory, embeddings):
    folder, _ = bad_folder
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("bad-store")))
    return bot, bot.ingest(folder)


@pytest.mark.slow
def test_each_unreadable_file_is_reported_by_path_with_a_one_line_reason(bad_folder, ingested):
    _, expected = bad_folder
    _, report = ingested
    reasons = {f.path: f.error for f in report.failed}
    assert sorted(reasons) == sorted(expected)
    for path, word in expected.items():
        assert word in reasons[path], (path, reasons[path])
        assert "\n" not in reasons[path]


@pytest.mark.slow
def test_every_readable_note_is_ingested_once(ingested):
    bot, report = ingested
    readable = ["baba-jd-ecommerce.txt", "cafe.txt", "jd-logistics.txt", "malformed.txt", "sub/tencent.txt"]
    assert sorted(report.added) == readable
    assert bot.index.sources() == readable  # nothing found again through sub/up -> ..
    assert_store_consistent(bot)


@pytest.mark.slow
def test_malformed_sentiment_block_is_a_warning_not_a_failure(ingested):
    bot, report = ingested
    assert [(w.path, w.error) for w in report.warnings] == [("malformed.txt", "Sentiment Score 'high' is not a number")]
    [(_, meta)] = chunks(bot, {"source": "malformed.txt"})
    assert meta["sentiment_label"] == "mildly positive"
    assert "sentiment_score" not in meta


@pytest.mark.slow
def test_windows_1252_note_is_stored_with_the_right_characters(ingested):
    bot, _ = ingested
    [(text, _)] = chunks(bot, {"source": "cafe.txt"})
    assert text == CAFE


@pytest.mark.slow
def test_failed_note_keeps_its_old_chunks_even_with_sync(bot, notes_dir):
    bot.ingest(notes_dir)
    before = chunks(bot, {"source": "jd-logistics.txt"})
    write(notes_dir, "jd-logistics.txt", b"\x00\x01binary now\x00")
    report = bot.ingest(notes_dir, sync=True)
    assert [(f.path, f.error) for f in report.failed] == [("jd-logistics.txt", "binary file, not text (NUL byte at offset 0)")]
    assert report.deleted == []
    assert chunks(bot, {"source": "jd-logistics.txt"}) == before
    assert_store_consistent(bot)


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(bot, tmp_path):
    write(tmp_path / "notes", "ok.txt", note_text("Alibaba's cloud grew 26%."))
    locked = write(tmp_path / "notes", "locked.txt", note_text("Tencent's games grew."))
    locked.chmod(0)
    report = bot.ingest(tmp_path / "notes")
    assert [(f.path, f.error) for f in report.failed] == [("locked.txt", "Permission denied")]
    assert report.added == ["ok.txt"]


@pytest.mark.slow
def test_note_over_a_configured_size_limit_is_refused(tmp_path, embeddings):
    write(tmp_path / "notes", "small.txt", note_text("Alibaba's cloud grew 26%."))
    write(tmp_path / "notes", "long.txt", note_text("Alibaba's cloud grew 26% on AI demand. " * 40))
    report = Ragbot(make_settings(tmp_path / "store", max_note_bytes=1000)).ingest(tmp_path / "notes")
    [failure] = report.failed
    assert failure.path == "long.txt" and "over the" in failure.error and failure.error.endswith("limit")
    assert report.added == ["small.txt"]


# -- decoding, without the store ----------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        CAFE.encode("utf-8"),
        codecs.BOM_UTF8 + CAFE.encode("utf-8"),
        CAFE.encode("cp1252"),
        CAFE.encode("utf-16"),  # with its BOM
    ],
)
def test_notes_decode_from_utf8_utf16_and_windows_1252(data):
    assert decode_note(data) == CAFE


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"text\x00with NUL", "binary file, not text"),
        (b"\x01\x02\x03\x04 mostly control bytes \x05\x06", "binary file, not text"),
        (b"caf\x81 \x8d\x90", "not valid text in UTF-8, UTF-16 or Windows-1252"),
    ],
)
def test_undecodable_bytes_are_refused_with_the_reason(data, reason):
    with pytest.raises(NoteFormatError, match=reason):
        decode_note(data)
