"""Real documents built in code for the format tests: PDFs (fpdf2), Word (python-docx), e-mails
(the standard library) and HTML pages. Nothing is downloaded."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

from docx import Document
from fpdf import FPDF

from ingest_helpers import FOOTER

RUNNING_HEADER = "Acme Securities | Equity Research | Confidential"
BLOCK = "Overall Sentiment\n{label}\nSentiment Score\n{score}\nTicker Sentiment\n{tickers}"


def sentiment_block(label: str = "mildly positive", score: str = "0.30", tickers: str = "") -> str:
    return BLOCK.format(label=label, score=score, tickers=tickers)


class _Report(FPDF):
    """A broker-style report: a running header and a page-number footer on every page."""

    def header(self):
        self.set_font("helvetica", size=8)
        self.cell(0, 8, RUNNING_HEADER, new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def pdf_bytes(
    pages: list[str],
    table: list[tuple[str, ...]] | None = None,
    title: str | None = None,
    password: str | None = None,
    furniture: bool = True,
    created: datetime = datetime(2025, 8, 27, tzinfo=timezone.utc),
) -> bytes:
    """A PDF with one page per text (paragraphs split on blank lines); ``table`` goes on page 1."""
    pdf = _Report() if furniture else FPDF()
    pdf.set_creation_date(created)
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for number, text in enumerate(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for paragraph in text.split("\n\n"):
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if table and number == 0:
            with pdf.table() as grid:
                for row in table:
                    cells = grid.row()
                    for cell in row:
                        cells.cell(cell)
    return bytes(pdf.output())


def scanned_pdf_bytes(pages: int = 2) -> bytes:
    """Pages with drawings but no text layer, like a scan."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[tuple[str, ...]] | None = None, title: str | None = None) -> bytes:
    document = Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(unpacked_bytes: int) -> bytes:
    """A zip named like a .docx whose document part expands to ``unpacked_bytes`` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * unpacked_bytes)
    return out.getvalue()


def eml_bytes(subject: str, body: str, sent: datetime, attachments: dict[str, bytes] | None = None, html: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Analyst <analyst@example.com>"
    message["To"] = "desk@example.com"
    message["Subject"] = subject
    message["Date"] = format_datetime(sent.replace(tzinfo=sent.tzinfo or timezone.utc))
    message.set_content(body, subtype="html" if html else "plain")
    for name, data in (attachments or {}).items():
        kind = ("application", "pdf") if name.endswith(".pdf") else ("application", "octet-stream")
        message.add_attachment(data, maintype=kind[0], subtype=kind[1], filename=name)
    return message.as_bytes()


def html_page(title: str, paragraphs: list[str], block: str = "", published: str | None = None) -> str:
    """A saved research page: navigation, cookie banner, script, article, call to action, the
    sentiment block in its own element, and a site footer."""
    meta = f'<meta property="article:published_time" content="{published}T08:00:00Z">' if published else ""
    article = "".join(f"<p>{p}</p>" for p in paragraphs)
    block_html = "".join(f"<div>{line}</div>" for line in block.splitlines())
    return f"""<!doctype html><html><head><title>{title} | Research Site</title>{meta}
<script>window.analytics = "Overall Sentiment tracking";</script><style>.nav {{ color: red; }}</style></head>
<body><nav class="nav"><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/pricing">Pricing</a></nav>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<main><article><h1>{title}</h1>{article}</article></main>
<aside class="cta"><p>{FOOTER}</p><a href="/demo">Request a Demo</a></aside>
<section class="sentiment">{block_html}</section>
<footer><p>Copyright 2025 Research Site. All rights reserved.</p><p>Privacy policy</p></footer>
</body></html>"""
