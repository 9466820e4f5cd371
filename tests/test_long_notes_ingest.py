"""Long notes in a real store (issue 10, part 3): the ticker filter finds chunks that never name
their company, a company known only from front matter is routed, and an edit to the front
matter alone re-indexes metadata without embedding anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, make_settings
from ingest_helpers import chunks

from ragbot import Ragbot
from ragbot.retrieval import ticker_filter

LONGDOCS = REPO / "eval" / "longdocs" / "notes"
NOTE = "kestrel-10k-2024-results.md"

pytestmark = pytest.mark.slow


@pytest.fixture
def long_bot(tmp_path: Path, embeddings) -> tuple[Ragbot, Path]:
    notes = tmp_path / "notes"
    shutil.copytree(LONGDOCS, notes)
    bot = Ragbot(make_settings(tmp_path / "store"))
    report = bot.ingest(notes)
    assert report.ok and len(report.added) == 6
    return bot, notes


def test_ticker_filter_finds_chunks_that_never_name_the_company(long_bot):
    bot, _ = long_bot
    stored = chunks(bot, ticker_filter(["KSTL"]))
    unnamed = [text for text, meta in stored if "Kestrel" not in text and "KSTL" not in text]
    assert len(unnamed) >= 20  # most pages of an annual report say "the Company" and "we"
    assert {meta["source"] for _, meta in stored} == {NOTE, "kestrel-10k-2024-segments.md"}
    hits = bot.search("days of inventory target range", ticker="KSTL", k=3)
    assert hits and hits[0].source == NOTE and "Kestrel" not in hits[0].text
    assert all("company:" not in text and "ticker:" not in text for text, _ in chunks(bot))


def test_a_company_known_only_from_front_matter_is_routed_and_its_table_row_cited(long_bot):
    bot, _ = long_bot
    assert bot.route("What was Kestrel's research and development expense in FY2024?").tickers == ["KSTL"]
    answer = bot.ask("What was Vessel Systems order intake at Halvorsen in 2024?")
    assert answer.found and answer.tickers == ["HMAR"]
    row = next(c for c in answer.citations if "15,230" in c.sentence)
    assert row.sentence == "| Vessel Systems | 11,140 | 15,230 |"  # the citation highlights the row in the note
    assert "Vessel Systems [Order intake (NOK million)] | 2023: 11,140 | 2024: 15,230" in answer.text


def test_a_front_matter_only_edit_embeds_no_chunk(long_bot):
    bot, notes = long_bot
    path = notes / NOTE
    before = {meta["chunk_index"]: (text, meta) for text, meta in chunks(bot, {"source": NOTE})}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Annual Report 2024,", "title: Form 10-K 2024,").replace("2025-02-27", "2025-03-03", 1), encoding="utf-8")
    report = bot.ingest(notes)
    assert report.updated == [NOTE] and report.embedded == 0
    after = {meta["chunk_index"]: (text, meta) for text, meta in chunks(bot, {"source": NOTE})}
    assert [t for t, _ in after.values()] == [t for t, _ in before.values()]
    assert {meta["title"] for _, meta in after.values()} == {"Form 10-K 2024, Management's Discussion and Analysis - Results of Operations"}
    assert {meta["date"] for _, meta in after.values()} == {"2025-03-03"}
    path.write_text(text.replace("Free cash flow margin: 15.9%", "Free cash flow margin: 16.0%"), encoding="utf-8")
    assert bot.ingest(notes).embedded >= 1  # an edit to the text itself is embedded
