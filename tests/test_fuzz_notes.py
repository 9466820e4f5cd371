"""Property-based fuzzing of the note reader (``hypothesis``): any bytes written as a note file,
under any name, either become a note or a per-file failure; never an exception (issue 8)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import FOOTER

from ingest import CompanyDirectory, LoadFailure, Note, NoteChunker, NoteLoader, TickerResolver, parse_note
from ingest.note import NoteFormatError
from ingest.sentiment import parse_sentiment_block

RESOLVER = TickerResolver(CompanyDirectory.load())
LOADER = NoteLoader(RESOLVER, max_bytes=20_000)
CHUNKER = NoteChunker(RESOLVER, chunk_size=200, chunk_overlap=40)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real notes, so generated text often looks like a note and reaches the block parser.
PIECES = st.sampled_from([
    "Overall Sentiment", "Sentiment Score", "Ticker Sentiment", "\n", "Request a Demo", FOOTER, "BABA", "$JD",
    "0.41", "-0.10", "NaN", "1e309", "inf", ":", "(", ")", "Alibaba's cloud revenue grew 26%.", "# Heading",
    "Date: 2025-01-31", "\u2212", "\ufeff", "\x00", "\x1b", "\r\n", " ", "\t", "\ud800", "\udcff", "\x85",
])
NOTE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=40).map("".join)
NOTE_BYTES = st.one_of(
    st.binary(max_size=3000),
    NOTE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    NOTE_TEXT.map(lambda t: t.encode("utf-16", "surrogatepass")),
    NOTE_TEXT.map(lambda t: t.encode("utf-16", "surrogatepass") + b"\x00"),  # odd byte count
    NOTE_TEXT.map(lambda t: t.encode("cp1252", "replace")),
)
NAME = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_").lstrip(b".") or b"x")


def check(item: Note | LoadFailure) -> None:
    """A failure has a one-line reason; a note has a body, chunks inside its text, valid strings."""
    if isinstance(item, LoadFailure):
        assert item.error and "\n" not in item.error
        item.path.encode("utf-8")
        return
    item.source.encode("utf-8")
    assert item.body.strip()
    for document in CHUNKER.split(item):
        assert item.text[document.metadata["start"] : document.metadata["end"]] == document.page_content


@FUZZ
@given(data=NOTE_BYTES, name=NAME)
def test_any_file_becomes_a_note_or_a_per_file_failure(data, name):
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        with open(os.path.join(os.fsencode(folder), name + b".txt"), "wb") as handle:
            handle.write(data)
        items = list(LOADER.load(folder))
        assert len(items) == (0 if (name + b".txt").startswith(b".") else 1)
        for item in items:
            check(item)
    finally:
        shutil.rmtree(folder)


@FUZZ
@given(text=NOTE_TEXT)
def test_any_text_parses_or_is_refused_as_a_format_error(text):
    try:
        note = parse_note(text, "fuzz.txt", RESOLVER)
    except NoteFormatError as error:
        assert str(error) in {"empty note", "no note text before the sentiment block"}
        return
    check(note)
    assert all("\n" not in problem for problem in note.problems)


@FUZZ
@given(text=NOTE_TEXT)
def test_any_sentiment_block_parses_to_scores_in_range(text):
    block = parse_sentiment_block("Overall Sentiment\n" + text)
    assert all(-1.0 <= score <= 1.0 for score in block.ticker_scores.values())
    assert block.score is None or -1.0 <= block.score <= 1.0


@pytest.mark.parametrize("name", [b"bad\xffname.txt", b"\xed\xa0\x80.txt", b"\xc3(.md"])
def test_names_that_are_not_utf8_load_under_valid_names(name, tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
        handle.write(b"Alibaba's cloud revenue grew 26%.")
    [note] = LOADER.load(tmp_path)
    assert note.source.encode("utf-8") and "\\x" in note.source
