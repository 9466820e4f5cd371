"""PDF, HTML, Word and e-mail notes, generated in the tests, read into the one note model."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import make_settings
from documents import (
    RUNNING_HEADER, docx_bytes, eml_bytes, html_page, pdf_bytes, scanned_pdf_bytes, sentiment_block, zip_bomb_docx,
)
from ingest_helpers import FOOTER, chunks, write

from ingest import CompanyDirectory, LoadFailure, NoteChunker, TickerResolver
from ingest.chunking import page_of
from ingest.loader import NoteLoader
from ingest.readers import ReaderLimits
from ragbot import Ragbot

NVDA_PAGES = [
    "Nvidia Data Center Review\n\nNvidia reported data center revenue of 41.1 billion dollars in the July quarter, "
    "up 56 percent from a year earlier, as hyperscale customers kept buying Blackwell systems for training and "
    "inference clusters. Gross margin recovered to 72.7 percent after the inventory charge of the prior quarter.",
    "Networking revenue nearly doubled as Spectrum-X Ethernet switches shipped to three new cloud providers, and "
    "management described the attach rate of networking to compute as the highest it has ever been. The company "
    "expects sovereign AI projects in Europe and the Middle East to contribute about 20 billion dollars this year.",
    "The main risk is export controls: sales of the H20 accelerator to China stopped after the licence requirement, "
    "removing roughly 8 billion dollars of quarterly revenue, and a further tightening could reach other products. "
    "Competition from custom accelerators designed by the largest customers is the second risk we watch.\n\n"
    f"{FOOTER}\nRequest a Demo\n" + sentiment_block("positive", "0.55", "NVDA 0.60"),
]
TABLE = [("Segment", "Revenue", "Growth"), ("Data center", "41.1", "56%"), ("Gaming", "4.3", "49%")]


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


def load(folder: Path, resolver, **limits) -> tuple[dict, dict]:
    """Notes by source and failures by path, read by the real loader."""
    notes, failed = {}, {}
    for item in NoteLoader(resolver, limits=ReaderLimits(**limits)).load(folder):
        if isinstance(item, LoadFailure):
            failed[item.path] = item.error
        else:
            notes[item.source] = item
    return notes, failed


def test_pdf_pages_are_kept_and_running_headers_footers_and_hyphens_are_cleaned(tmp_path, resolver):
    pages = [*NVDA_PAGES]
    pages[1] = pages[1].replace("Spectrum-X Ethernet switches", "Spectrum-X Ethernet switches (a deliberately "
                                "hyphen-\nated word)")
    write(tmp_path, "nvda.pdf", pdf_bytes(pages, table=TABLE, title="Nvidia data center review"))
    notes, failed = load(tmp_path, resolver)
    note = notes["nvda.pdf"]
    assert not failed and note.title == "Nvidia data center review"
    assert RUNNING_HEADER not in note.text and "Page 2 of" not in note.text
    assert len(note.pages) == 3
    second = note.text[note.pages[1] : note.pages[2]]
    assert second.startswith("Networking revenue nearly doubled") and "hyphenated word" in second
    assert "data center revenue of 41.1 billion dollars in the July quarter, up 56 percent" in note.text  # unwrapped
    assert "Data center 41.1 56%" in note.text.splitlines()  # a table row stays a row
    assert note.sentiment_label == "positive" and note.ticker_scores == {"NVDA": 0.6} and "NVDA" in note.tickers
    assert "Request a Demo" not in note.body

    pages_of = {}
    for chunk in NoteChunker(resolver).split(note):
        for phrase in ("July quarter", "Networking revenue", "export controls"):
            if phrase in chunk.page_content:
                pages_of[phrase] = page_of(chunk.metadata, chunk.metadata["start"] + chunk.page_content.index(phrase))
    assert pages_of == {"July quarter": 1, "Networking revenue": 2, "export controls": 3}


def test_html_reads_the_sentiment_block_then_only_the_article(tmp_path, resolver):
    page = html_page(
        "Alibaba cloud re-accelerates",
        ["Alibaba reported cloud revenue growth of 26 percent in the June quarter as enterprise customers moved AI "
         "workloads onto its platform.", "Management guided to heavy capital expenditure on data centres for three years."],
        block="Overall Sentiment\nmildly positive\nSentiment Score\n0.22\nTicker Sentiment\nBABA 0.41\nJD -0.10",
        published="2025-05-16",
    )
    write(tmp_path, "baba.html", page)
    write(tmp_path, "saved/baba-copy.htm", page.replace("26 percent", "27 percent"))
    notes, failed = load(tmp_path, resolver)
    note = notes["baba.html"]
    assert not failed and set(notes) == {"baba.html", "saved/baba-copy.htm"}
    assert note.title == "Alibaba cloud re-accelerates" and note.date == "2025-05-16"
    assert note.sentiment_label == "mildly positive" and note.sentiment_score == 0.22
    assert note.ticker_scores == {"BABA": 0.41, "JD": -0.1} and not note.problems
    for noise in ("cookies", "Markets", "analytics", "Privacy policy", "Request a Demo", "color: red"):
        assert noise not in note.body
    assert "cloud revenue growth of 26 percent" in note.body


def test_docx_paragraphs_and_table_rows(tmp_path, resolver):
    write(tmp_path, "tsla.docx", docx_bytes(
        ["Tesla delivered 384,000 vehicles in the quarter, below the consensus of 410,000, as Model Y demand in "
         "China softened.", "Energy storage deployments reached a record 10.4 gigawatt hours.",
         FOOTER, "Request a Demo", "Overall Sentiment", "mildly negative", "Sentiment Score", "-0.25",
         "Ticker Sentiment", "TSLA -0.30"],
        table=[("Metric", "Q2"), ("Deliveries", "384,000")], title="Tesla Q2 deliveries",
    ))
    notes, failed = load(tmp_path, resolver)
    note = notes["tsla.docx"]
    assert not failed and note.title == "Tesla Q2 deliveries"
    assert note.ticker_scores == {"TSLA": -0.3} and note.sentiment_score == -0.25
    assert "Energy storage deployments reached a record 10.4 gigawatt hours." in note.body


def test_eml_subject_date_and_attachments_as_their_own_notes(tmp_path, resolver):
    report = pdf_bytes(NVDA_PAGES)
    mail = eml_bytes(
        "Fwd: Nvidia after the quarter", "Nvidia's call confirmed the Blackwell ramp; the full report is attached.\n",
        datetime(2025, 8, 28, 21, 30), attachments={"report.pdf": report, "logo.png": b"\x89PNG\r\n"},
    )
    write(tmp_path, "inbox/mail.eml", mail)
    notes, failed = load(tmp_path, resolver)
    assert not failed and set(notes) == {"inbox/mail.eml", "inbox/mail.eml#report.pdf"}
    body = notes["inbox/mail.eml"]
    assert body.title == "Nvidia after the quarter" and body.date == "2025-08-28"
    attached = notes["inbox/mail.eml#report.pdf"]
    assert attached.date == "2025-08-27"  # the report's own date (a PDF without one takes the mail's)
    assert len(attached.pages) == 3 and attached.ticker_scores == {"NVDA": 0.6}


def test_an_html_only_mail_is_read_as_its_article_text(tmp_path, resolver):
    page = html_page(
        "Alibaba cloud", ["Alibaba cloud revenue grew 26 percent in the June quarter, caf\u00e9 chains said."],
        block=sentiment_block("positive", "0.50", "BABA 0.5"),
    )
    write(tmp_path, "html-mail.eml", eml_bytes("RE: FW: Alibaba cloud", page, datetime(2025, 6, 3), html=True))
    notes, failed = load(tmp_path, resolver)
    note = notes["html-mail.eml"]
    assert not failed and note.title == "Alibaba cloud" and note.date == "2025-06-03"
    assert "caf\u00e9 chains" in note.body and "Markets" not in note.body and note.ticker_scores == {"BABA": 0.5}


def test_bad_documents_are_reported_by_path_with_a_reason(tmp_path, resolver):
    write(tmp_path, "good.pdf", pdf_bytes(NVDA_PAGES))
    write(tmp_path, "locked.pdf", pdf_bytes(NVDA_PAGES, password="s3cret"))
    write(tmp_path, "scan.pdf", scanned_pdf_bytes())
    write(tmp_path, "broken.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    write(tmp_path, "long.pdf", pdf_bytes([f"Page {i} of the long filing about Nvidia's supply chain." for i in range(6)]))
    write(tmp_path, "empty-article.html", "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    write(tmp_path, "bomb.docx", zip_bomb_docx(30_000_000))
    write(tmp_path, "fake.docx", b"this is not a zip archive at all")
    write(tmp_path, "junk.eml", bytes(range(256)) * 4)
    notes, failed = load(tmp_path, resolver, max_pages=5, max_unpacked_bytes=10_000_000)
    assert set(notes) == {"good.pdf"}
    assert failed["locked.pdf"] == "encrypted PDF (password required)"
    assert failed["scan.pdf"] == "no text layer (scanned?)"
    assert "PDF" in failed["broken.pdf"]
    assert failed["long.pdf"] == "PDF has 6 pages, over the RAGBOT_MAX_PAGES limit of 5"
    assert failed["empty-article.html"] == "no article text in the page"
    assert "zip bomb" in failed["bomb.docx"] and "30 MB" in failed["bomb.docx"]
    assert "not a Word document" in failed["fake.docx"]
    assert "junk.eml" in failed
    notes, failed = load(tmp_path, resolver, max_pages=6, max_unpacked_bytes=10_000_000)
    assert "long.pdf" in notes  # under the limit it is read


def test_a_file_that_vanishes_mid_read_is_reported_and_the_rest_read(tmp_path, resolver):
    write(tmp_path, "a.pdf", pdf_bytes(NVDA_PAGES[:1]))
    write(tmp_path, "b.pdf", pdf_bytes(NVDA_PAGES[1:2]))
    write(tmp_path, "c.html", html_page("Alibaba", ["Alibaba cloud revenue grew 26 percent in the quarter."]))
    items = NoteLoader(resolver).load(tmp_path)
    first = next(items)
    (tmp_path / "b.pdf").unlink()  # gone after the folder was listed, before it was read
    rest = list(items)
    assert first.source == "a.pdf"
    assert rest[0] == LoadFailure("b.pdf", "file vanished before it could be read") and rest[1].source == "c.html"


@pytest.mark.slow
def test_every_format_answers_with_page_citations_and_duplicates_are_indexed_once(tmp_path, embeddings):
    notes = tmp_path / "notes"
    report = pdf_bytes(NVDA_PAGES, table=TABLE)
    write(notes, "nvda-report.pdf", report)
    write(notes, "mail.eml", eml_bytes(
        "Nvidia report", "Forwarding the Nvidia report we discussed; see the attachment.", datetime(2025, 8, 29),
        attachments={"report.pdf": report},
    ))
    write(notes, "baba.html", html_page(
        "Alibaba cloud re-accelerates",
        ["Alibaba reported cloud revenue growth of 26 percent in the June quarter as enterprise customers moved AI "
         "workloads onto its platform."],
        block="Overall Sentiment\nmildly positive\nSentiment Score\n0.22\nTicker Sentiment\nBABA 0.41",
    ))
    bot = Ragbot(make_settings(tmp_path / "store"))
    report_1 = bot.ingest(notes)
    assert report_1.ok and sorted(report_1.added) == ["baba.html", "mail.eml", "nvda-report.pdf"]
    assert [(w.path, w.error) for w in report_1.warnings] == [
        ("mail.eml#report.pdf", "same content as nvda-report.pdf; not indexed twice"),
    ]
    assert {m["source"] for _, m in chunks(bot)} == {"baba.html", "mail.eml", "nvda-report.pdf"}

    answer = bot.ask("What is the main risk for Nvidia's China sales?")
    cited = [c for c in answer.citations if c.source == "nvda-report.pdf"]
    assert answer.found and cited and all(c.page == 3 for c in cited)
    assert "export controls" in " ".join(c.sentence for c in cited)
    sentiment = bot.ask("What's the sentiment on Alibaba?")
    assert sentiment.citations[0].source == "baba.html" and sentiment.citations[0].score == 0.41  # its Ticker Sentiment

    (notes / "nvda-report.pdf").unlink()  # the attachment is now the only copy
    report_2 = bot.ingest(notes, sync=True)
    assert report_2.deleted == ["nvda-report.pdf"] and report_2.added == ["mail.eml#report.pdf"]
    assert report_2.embedded == 0  # the same passages: their vectors are reused
    (notes / "mail.eml").unlink()
    report_3 = bot.ingest(notes, sync=True)
    assert sorted(report_3.deleted) == ["mail.eml", "mail.eml#report.pdf"]
    assert {m["source"] for _, m in chunks(bot)} == {"baba.html"}
