"""Long and tabular notes (issue 10, part 3): front matter, the note's subject on every chunk,
table rows and figure lines as citable units. Fast: no model."""

from __future__ import annotations


import pytest
from conftest import EVAL_NOTES, EXAMPLES, REPO

from ingest import CompanyDirectory, NoteChunker, NoteLoader, TickerResolver, parse_note, split_sentences
from ingest.frontmatter import read_front_matter
from ingest.tickers import declared_companies, lower_words, short_names
from ingest.units import UnitContexts, split_units
from ragbot.answering.candidates import collect
from langchain_core.documents import Document

LONGDOCS = REPO / "eval" / "longdocs" / "notes"

TABLE_NOTE = """---
company: Kestrel Semiconductor Inc.
ticker: "NASDAQ: KSTL"
title: Annual Report 2024 - Results of Operations
date: 2025-02-27
---

## Summary of results

The table below summarizes our results.

| Operating results (US$ millions) | FY2023 | FY2024 |
|---|---:|---:|
| Revenue | 4,212 | 4,386 |
| Research and development | 702 | 781 |
| Other | - | 12 |

Key cash-flow figures for fiscal 2024 were:

- Free cash flow: $698 million
- Days of inventory: 142 days

The Company expects inventory days to fall toward the target range by the end of fiscal 2025.
"""


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


# -- front matter ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("ticker: KSTL", ("KSTL",)),
        ('ticker: "NASDAQ: KSTL"', ("KSTL",)),
        ("ticker: $kstl", ("KSTL",)),
        ("tickers: [BWU, BWU.TO]", ("BWU", "BWU.TO")),
        ("symbol: 0700.HK", ("0700.HK",)),
        ("tickers: BABA, 9988.HK", ("BABA", "9988.HK")),
        ("ticker:", ()),
    ],
)
def test_front_matter_tickers_are_read_in_any_usual_spelling(field, expected):
    header = read_front_matter(f"---\n{field}\ncompany: Acme\n---\nBody text.")
    assert header is not None and header.tickers == expected and header.company == "Acme"


@pytest.mark.parametrize("block", ["title: [unclosed\nticker: KSTL", "date: 2025-13-45", "[" * 5000])
def test_invalid_front_matter_is_reported_and_still_kept_out_of_the_body(resolver, block):
    text = f"---\n{block}\n---\nThe Company grew revenue by 4% in fiscal 2024.\n"
    note = parse_note(text, "n.md", resolver)
    assert note.body.strip() == "The Company grew revenue by 4% in fiscal 2024."
    assert any("front matter is not valid YAML" in p for p in note.problems)


def test_front_matter_gives_title_subject_company_and_date_and_is_not_body(resolver):
    note = parse_note(TABLE_NOTE, "kestrel.md", resolver, date="2025-06-01")
    assert note.title == "Annual Report 2024 - Results of Operations"
    assert note.primary_tickers == ("KSTL",) and "KSTL" in note.tickers
    assert note.company == "Kestrel Semiconductor Inc."
    assert (note.date, note.date_source) == ("2025-02-27", "front_matter")
    assert note.body.lstrip().startswith("## Summary of results")
    assert "ticker:" not in note.body and note.text[note.body_start :].startswith(note.body)


def test_a_note_without_front_matter_is_read_as_before(resolver):
    text = (EXAMPLES / next(p.name for p in EXAMPLES.iterdir() if p.suffix == ".txt")).read_text(encoding="utf-8")
    note = parse_note(text, "x.txt", resolver)
    assert note.body_start == 0 and note.body == text[: note.body_end]


def test_front_matter_ticker_and_title_companies_are_the_subject_beside_ticker_sentiment(resolver):
    block = "\nAI-powered research, real-time alerts, and portfolio analytics for institutional investors.\nRequest a DemoOverall Sentiment\nneutral\nSentiment Score\n0.0\nTicker Sentiment\nBABA 0.2\n"
    both = parse_note("---\nticker: KSTL\n---\nThe Company grew.\n" + block, "a.md", resolver)
    assert both.primary_tickers == ("BABA", "KSTL")
    titled = parse_note("# Alibaba cloud review\n\nThe Company grew its cloud revenue by 26%.", "b.md", resolver)
    assert titled.primary_tickers == ("BABA",)
    first_sentence = parse_note("Revenue grew at Tencent, unlike at Alibaba. More text follows here.", "c.md", resolver)
    assert first_sentence.primary_tickers == ("TCEHY",)  # a first sentence is no title: first mention only


def test_company_names_and_their_short_forms():
    assert short_names("Quillfeather Software, Inc.") == ("Quillfeather Software, Inc.", "Quillfeather Software")
    assert short_names("Brightwater Utilities Holdings Corp.")[-1] == "Brightwater Utilities"
    learned = declared_companies(
        [("KSTL", "Kestrel Semiconductor Inc."), ("GNRL", "General Widgets plc"), ("BABA", "Alibaba Group")],
        lower_words("Kestrel makes chips. The general trend is up."),
        known={"BABA"},
    )
    by_ticker = {c.ticker: c for c in learned}
    assert set(by_ticker) == {"KSTL", "GNRL"}
    assert "Kestrel" in by_ticker["KSTL"].aliases and "Kestrel Semiconductor" in by_ticker["KSTL"].aliases
    assert "General" not in by_ticker["GNRL"].aliases  # written in lower case in the notes: a word, not a name


# -- subject on every chunk ------------------------------------------------------------------
def test_every_chunk_of_a_long_note_is_about_its_front_matter_company(resolver):
    note = NoteLoader(resolver).read(LONGDOCS / "kestrel-10k-2024-results.md", LONGDOCS)[0]
    chunks = NoteChunker(resolver).split(note)
    assert len(chunks) > 5
    assert all("KSTL" in c.metadata["about"] and c.metadata["primary_tickers"] == ["KSTL"] for c in chunks)
    assert any("Kestrel" not in c.page_content for c in chunks)
    assert all(note.text[c.metadata["start"] : c.metadata["end"]] == c.page_content for c in chunks)
    assert all("company: Kestrel" not in c.page_content for c in chunks)


# -- table rows and figure lines -------------------------------------------------------------
def test_table_rows_are_units_with_row_label_and_column_headers():
    units = {u.text: u for u in split_units(TABLE_NOTE) if u.tabular}
    row = units["Research and development [Operating results (US$ millions)] | FY2023: 702 | FY2024: 781"]
    assert TABLE_NOTE[row.start : row.end] == "| Research and development | 702 | 781 |"
    assert "Other [Operating results (US$ millions)] | FY2024: 12" in units  # empty cells are left out
    assert not any("---" in text or text.startswith("FY2023") for text in units)  # header and delimiter rows are not units


def test_figure_lines_are_units_read_with_the_line_that_introduces_them():
    units = [u for u in split_units(TABLE_NOTE) if u.tabular and "cash flow" in u.text]
    assert [u.text for u in units] == ["Key cash-flow figures for fiscal 2024 were | Free cash flow: $698 million"]
    assert TABLE_NOTE[units[0].start : units[0].end] == "Free cash flow: $698 million"


def test_a_passage_that_starts_inside_a_table_reads_its_rows_with_the_header_before_it():
    start = TABLE_NOTE.index("| Research")
    preamble = UnitContexts(TABLE_NOTE).at(start)
    inside = split_units(TABLE_NOTE[start:], start, preamble)
    whole = [u for u in split_units(TABLE_NOTE) if u.start >= start]
    assert inside == whole
    assert inside[0].text.startswith("Research and development [Operating results (US$ millions)] | FY2023: 702")


def test_rows_of_a_table_without_a_delimiter_take_the_first_row_as_header():
    text = "Segment | FY2023 | FY2024\nCloud | 1.1 | 1.4\nDevices | 2.0 | 1.8"
    assert [u.text for u in split_units(text)] == ["Cloud | FY2023: 1.1 | FY2024: 1.4", "Devices | FY2023: 2.0 | FY2024: 1.8"]


def test_a_row_over_a_delimiter_heads_a_new_table_even_right_after_another_table():
    """A passage may lose the blank line between two tables: the second table's margins had been
    read under the first's "Segment revenue" header."""
    text = ("| Segment revenue (USD millions) | FY2024 |\n|---|---|\n| Transformers | 3,904 |\n"
            "| Segment operating margin | FY2024 |\n|---|---|\n| Transformers | 19.8% |")
    assert [u.text for u in split_units(text)] == [
        "Transformers [Segment revenue (USD millions)] | FY2024: 3,904", "Transformers [Segment operating margin] | FY2024: 19.8%",
    ]
    closed = "| Segment revenue | FY2024 |\n|---|---|\n| Cloud | 1.1 |\n| Total | 3.0 |\n|---|---|"  # a rule under its last row
    assert [u.text for u in split_units(closed)] == ["Cloud [Segment revenue] | FY2024: 1.1", "Total [Segment revenue] | FY2024: 3.0"]


@pytest.mark.parametrize(
    "line",
    [
        "Date: 2025-02-27",
        "Analysts expect a rebound: revenue should rise 5% next year. Margins too.",
        "We monitor these metrics to run the business, measure our performance and decide where to invest: 5 of them",
    ],
)
def test_prose_and_metadata_lines_are_not_figure_lines(line):
    assert not any(u.tabular for u in split_units(line))


def test_prose_units_are_the_sentences_of_every_eval_note(resolver):
    for note in NoteLoader(resolver).load(EVAL_NOTES):
        assert split_units(note.body) == split_sentences(note.body), note.source


def test_short_figure_units_are_candidates_and_read_with_their_headers():
    passage = Document(id="a", page_content=TABLE_NOTE, metadata={"source": "k.md", "start": 0, "title": "t"})
    texts = [c.text for c in collect([passage], min_chars=30)]
    assert "Research and development [Operating results (US$ millions)] | FY2023: 702 | FY2024: 781" in texts
    assert not any(t.startswith("#") or t.startswith("|") for t in texts)
