"""Word documents (.docx) -> text, via ``python-docx`` (MIT).

A .docx is a zip archive; before python-docx opens it, the sizes its members declare are
added up and an archive that would expand past ``max_unpacked_bytes`` is refused (a zip
bomb renamed .docx). ``zipfile`` never reads a member past its declared size, so the
declared sizes bound what is unpacked.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.opc.exceptions import OpcError
from docx.table import Table

from ingest.readers.base import Extracted, ReaderLimits, UnreadableDocument

CELL_SEPARATOR = " | "


def _check_archive(data: bytes, limits: ReaderLimits) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UnreadableDocument(f"not a Word document ({error})") from error
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise UnreadableDocument(
            f"archive would unpack to {unpacked / 1e6:.0f} MB, over the {limits.max_unpacked_bytes / 1e6:.0f} MB "
            "limit (zip bomb?)"
        )


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        rows.append(CELL_SEPARATOR.join(dict.fromkeys(c for c in cells if c)))  # merged cells repeat
    return [row for row in rows if row]


def read_docx(data: bytes, limits: ReaderLimits) -> Extracted:
    """Paragraphs and tables (one line per row) in document order; the core title as title."""
    _check_archive(data, limits)
    try:
        document = Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            lines.extend(_table_rows(block) if isinstance(block, Table) else [block.text])
        title = (document.core_properties.title or "").strip() or None
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UnreadableDocument(f"not a readable Word document ({error})") from error
    return Extracted(text="\n".join(lines), title=title)
