"""A note is known by its path under the folder ingested (and the scope): the report names the
other folder whose notes an ingest replaced, or a sync removed."""

from __future__ import annotations

import pytest
from conftest import make_settings
from ingest_helpers import note_text, write

from ragbot import Ragbot

pytestmark = pytest.mark.slow


def body(topic: str) -> str:
    return note_text(f"Alibaba said its {topic} improved in the quarter, and analysts expect more of the same next year.")


def test_notes_of_another_folder_replaced_or_removed_are_named_in_the_warnings(tmp_path, embeddings):
    first, second = tmp_path / "first", tmp_path / "second"
    write(first, "same.txt", body("cloud margin"))
    write(first, "only-first.txt", body("logistics cost"))
    write(second, "same.txt", body("advertising revenue"))
    bot = Ragbot(make_settings(tmp_path / "store"))
    assert not bot.ingest(first).warnings

    replaced = bot.ingest(second)
    assert replaced.updated == ["same.txt"]
    [warning] = replaced.warnings
    assert warning.path == str(first.resolve())
    assert "1 note(s) ingested from this folder were replaced" in warning.error and "(same.txt)" in warning.error
    assert "RAGBOT_NOTES_SCOPE" in warning.error

    write(second, "same.txt", body("advertising margin"))  # an edit in the folder it now comes from
    removed = bot.ingest(second, sync=True)
    assert removed.updated == ["same.txt"] and removed.deleted == ["only-first.txt"]
    [warning] = removed.warnings
    assert warning.path == str(first.resolve()) and "were removed" in warning.error and "(only-first.txt)" in warning.error
    assert not bot.ingest(second, sync=True).warnings


def test_behind_a_scope_another_path_to_the_folder_is_the_same_folder(tmp_path, embeddings):
    """A scope names the folder, which machines may mount at different paths: no warning."""
    mounted, elsewhere = tmp_path / "mnt" / "notes", tmp_path / "Volumes" / "notes"
    write(mounted, "same.txt", body("cloud margin"))
    write(elsewhere, "same.txt", body("advertising revenue"))
    bot = Ragbot(make_settings(tmp_path / "store", notes_scope="desk"))
    bot.ingest(mounted)
    report = bot.ingest(elsewhere)
    assert report.updated == ["desk/same.txt"] and not report.warnings
