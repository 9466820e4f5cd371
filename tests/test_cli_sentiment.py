"""``ragbot sentiment`` and ``ragbot stats`` over notes dated from every source, through a real
ingest (real Chroma, real embeddings), run as subprocesses."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest
from ingest_helpers import cli_json, note_text, write

pytestmark = pytest.mark.slow

MTIME = datetime(2025, 12, 20, 12, tzinfo=timezone.utc).timestamp()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Five Tesla notes, one dated by each source, and a Nvidia note; ingested by the CLI."""
    root = tmp_path_factory.mktemp("cli-sentiment")
    notes = root / "notes"
    write(notes, "line.txt", note_text("Date: 2025-02-10\nTesla cut Model Y prices in China as deliveries fell 13%.", score="-0.40", tickers="TSLA -0.50"))
    write(notes, "front.md", note_text("---\ntitle: Storage\ndate: 2025-04-22\n---\nTesla energy storage deployments hit a record 10.4 GWh.", score="0.30", tickers="TSLA 0.35"))
    write(notes, "2025-07-23-tsla.txt", note_text("Tesla launched robotaxi rides in Austin with a safety monitor.", score="0.20"))
    write(notes, "robotaxi.txt", note_text("On August 5, 2025, Tesla said its robotaxi service expanded to the Bay Area.", score="0.10", tickers="TSLA 0.10"))
    write(notes, "fsd.txt", note_text("Tesla (Dec 1) said FSD v14 reached wide release across North America.", score="0.60", tickers="TSLA 0.60"))
    write(notes, "nvda.txt", note_text("Nvidia's data center revenue rose 56% on Blackwell demand.", score="0.55", tickers="NVDA 0.55"))
    for path in notes.iterdir():
        os.utime(path, (MTIME, MTIME))
    report = cli_json("ingest", notes, "--store", root / "store", cwd=root)
    assert report["failed"] == [] and report["added"] == 6
    return root, root / "store"


def test_stats_count_the_notes_by_where_their_date_came_from(store):
    root, path = store
    stats = cli_json("stats", "--store", path, cwd=root)
    assert stats["date_sources"] == {"date_line": 1, "front_matter": 1, "file_name": 1, "dateline": 2, "file_mtime": 1}


def test_sentiment_json_gives_per_period_averages_first_last_and_change(store):
    root, path = store
    report = cli_json("sentiment", "TSLA", "Nvidia", "--since", "2025-04-01", "--by", "quarter", "--store", path, cwd=root)
    tesla = report["tickers"]["TSLA"]
    assert [(n["source"], n["date"], n["date_source"], n["score"]) for n in tesla["items"]] == [
        ("front.md", "2025-04-22", "front_matter", 0.35),
        ("2025-07-23-tsla.txt", "2025-07-23", "file_name", 0.2),
        ("robotaxi.txt", "2025-08-05", "dateline", 0.1),
        ("fsd.txt", "2025-12-01", "dateline", 0.6),
    ]
    assert (tesla["notes"], tesla["average"], tesla["change"], tesla["period"]) == (4, 0.3125, 0.25, "quarter")
    assert tesla["periods"] == [
        {"period": "Q2 2025", "average": 0.35, "notes": 1},
        {"period": "Q3 2025", "average": 0.15, "notes": 2},
        {"period": "Q4 2025", "average": 0.6, "notes": 1},
    ]
    assert report["tickers"]["NVDA"]["notes"] == 1 and report["tickers"]["NVDA"]["items"][0]["date_source"] == "file_mtime"


def test_sentiment_for_a_window_without_notes_reports_none(store):
    root, path = store
    report = cli_json("sentiment", "TSLA", "--until", "2024-12-31", "--store", path, cwd=root)
    assert report["tickers"]["TSLA"]["notes"] == 0 and report["until"] == "2024-12-31"


def test_ask_with_a_date_range_counts_only_notes_in_it(store):
    root, path = store
    answer = cli_json("ask", "What's the sentiment on Tesla?", "--since", "2025-07-01", "--until", "2025-09-30", "--store", path, cwd=root)
    assert {c["source"] for c in answer["citations"]} == {"2025-07-23-tsla.txt", "robotaxi.txt"}
    assert "Across 2 notes dated 2025-07-01 to 2025-09-30, sentiment on TSLA averages +0.15" in answer["answer"]
