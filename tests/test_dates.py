"""A note's date from each source, in order of trust, and the source recorded."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import DATE_SOURCES, NoteDate, date_source_label, note_date, parse_date

BODY = "Alibaba's cloud revenue grew 26% in the quarter as AI demand stayed strong. Margins held."
MTIME = "2025-12-01"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        (f"Date: 2025-03-14\n{BODY}", "2025-11-03-baba.txt", ("2025-03-14", "date_line")),
        (f"Date: November 3, 2025\n{BODY}", "n.txt", ("2025-11-03", "date_line")),
        (f"\nPublished: 3 Nov 2025\n{BODY}", "n.txt", ("2025-11-03", "date_line")),
        (f"---\ntitle: Alibaba cloud\ndate: 2025-10-07\n---\n{BODY}", "2025-11-03-baba.txt", ("2025-10-07", "front_matter")),
        (f"---\ndate: \"2025-10-07T09:30:00Z\"\n---\n{BODY}", "n.txt", ("2025-10-07", "front_matter")),
        (BODY, "2025-11-03-baba.txt", ("2025-11-03", "file_name")),
        (BODY, "notes/20251103_baba.txt", ("2025-11-03", "file_name")),
        (BODY, "baba_2025.11.03.md", ("2025-11-03", "file_name")),
        (f"On November 3, 2025, {BODY}", "n.txt", ("2025-11-03", "dateline")),
        (f"Alibaba (Nov 3) said its cloud grew 26%. {BODY}", "n.txt", ("2025-11-03", "dateline")),
        (f"# Alibaba cloud\n\nHANGZHOU, Nov. 14 - {BODY}", "n.txt", ("2025-11-14", "dateline")),
        (BODY, "baba-q3-2025.txt", (MTIME, "file_mtime")),
    ],
)
def test_each_source_in_order_of_trust(text, source, expected):
    assert note_date(text, source, fallback=MTIME) == NoteDate(*expected)


def test_a_dateline_without_a_year_is_the_latest_such_day_not_after_the_file_date():
    assert note_date(f"Alibaba (Dec 15) said {BODY}", "n.txt", fallback="2025-12-01").date == "2024-12-15"
    assert note_date(f"Alibaba (Dec 1) said {BODY}", "n.txt", fallback="2025-12-01").date == "2025-12-01"
    assert parse_date("Nov 3", reference=date(2026, 1, 5)) == date(2025, 11, 3)


def test_period_ends_and_later_sentences_are_not_datelines():
    text = "Alibaba reported results for the quarter ended September 30, 2025. On November 3, 2025 it held a call."
    assert note_date(text, "n.txt", fallback=MTIME).source == "file_mtime"
    assert note_date(f"For the quarter ended Sept 30, on Nov 3, 2025 {BODY}", "n.txt", MTIME).date == "2025-11-03"


def test_invalid_dates_fall_through_to_the_next_source():
    assert note_date(f"Date: soon\n{BODY}", "20251399-x.txt", fallback=MTIME) == NoteDate(MTIME, "file_mtime")
    assert note_date(BODY, "n.txt", fallback=None) == NoteDate(None, None)


def test_a_dateline_without_a_year_takes_the_year_nearest_the_period_its_sentence_names():
    # The file date (2026-12-03) allows 2026, but the note reports a 2025 quarter: 2025.
    text = "(Reuters, Oct. 8) Acme said output rose in the third quarter of 2025. Shares rose."
    assert note_date(text, "n.txt", fallback="2026-12-03").date == "2025-10-08"
    # A January note on the fourth quarter of 2025 is from 2026 (after the quarter ended).
    text = "(Reuters, Jan. 20) Acme said fourth-quarter 2025 sales rose. Shares rose."
    assert note_date(text, "n.txt", fallback="2026-12-03").date == "2026-01-20"
    # A forecast for fiscal 2025 made in September is from 2025; one for fiscal 2026 in June, from 2026.
    text = "(Reuters, Sept. 9) Acme said costs would cut its fiscal 2025 margin. Shares fell."
    assert note_date(text, "n.txt", fallback="2026-12-03").date == "2025-09-09"
    text = "(Reuters, June 18) Acme said members rose in its fiscal third quarter of 2026. Shares rose."
    assert note_date(text, "n.txt", fallback="2026-12-03").date == "2026-06-18"
    # Never after the file's date, and no named year keeps the latest such day.
    assert note_date("(Dec 15) Acme said 2025 sales rose. More.", "n.txt", fallback="2025-12-01").date == "2024-12-15"
    assert note_date(f"Alibaba (Dec 15) said {BODY}", "n.txt", fallback="2026-12-20").date == "2026-12-15"


@pytest.mark.parametrize(
    "first_sentence",
    ["(Nov 3) Acme shares hit their highest level since 2019.", "(Nov 3) Acme, founded in 2010, reported strong sales."],
)
def test_a_year_the_sentence_recalls_from_long_ago_does_not_move_a_dateline(first_sentence):
    """Only a recent period (this year or last) can be the news's: history keeps the latest such day."""
    assert note_date(f"{first_sentence} More.", "n.txt", fallback="2025-11-05").date == "2025-11-03"


def test_every_date_source_has_a_label_a_reader_understands():
    labels = [date_source_label(source) for source in DATE_SOURCES]
    assert len(set(labels)) == len(DATE_SOURCES) and not set(labels) & set(DATE_SOURCES)  # no key shown raw
    assert date_source_label("date_line") == "Date: line" and date_source_label(None) == "unknown"
