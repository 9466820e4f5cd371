"""Turn a document file into notes: its own, and one per attachment that is itself a note."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ingest.note import Note, NoteFormatError, parse_note
from ingest.readers import Extracted, ReaderLimits, UnreadableDocument, is_document, reader_for
from ingest.tickers import TickerResolver

ATTACHMENT_MARK = "#"  # "mail.eml#report.pdf": the attachment report.pdf of mail.eml
TEXT_ATTACHMENTS = (".txt", ".md")
MAX_NESTING = 2  # a mail attached to a mail attached to a mail is read; deeper ones are not


@dataclass(frozen=True)
class DocumentNotes:
    """The notes read from one file, and the attachments that could not be read, with reasons."""

    notes: list[Note] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def container_of(source: str) -> str:
    """The file an attachment's note came from (``mail.eml`` for ``mail.eml#report.pdf``)."""
    return source.split(ATTACHMENT_MARK, 1)[0]


def extracted_note(extracted: Extracted, source: str, resolver: TickerResolver, date: str | None) -> Note:
    """The note of extracted text: parsed like any note, with the format's title and pages."""
    note = parse_note(extracted.text, source, resolver, date=extracted.date or date)
    return replace(note, title=extracted.title or note.title, pages=extracted.page_starts)


def document_notes(
    data: bytes, source: str, resolver: TickerResolver, date: str | None, limits: ReaderLimits, depth: int = 0
) -> DocumentNotes:
    """Read ``data`` by its extension; raises ``NoteFormatError`` when the file itself cannot be
    read. A mail whose body is empty but has note attachments yields only those."""
    reader = reader_for(source)
    if reader is None:
        raise UnreadableDocument("not a supported document format")
    extracted = reader(data, limits)
    result = DocumentNotes()
    notes_inside = [a for a in extracted.attachments if a.name.lower().endswith(TEXT_ATTACHMENTS) or is_document(a.name)]
    if extracted.text.strip() or not notes_inside:
        result.notes.append(extracted_note(extracted, source, resolver, date))
    for attachment in notes_inside:
        name = f"{source}{ATTACHMENT_MARK}{attachment.name}"
        try:
            if attachment.name.lower().endswith(TEXT_ATTACHMENTS):
                text = attachment.data.decode("utf-8", errors="replace")
                result.notes.append(parse_note(text, name, resolver, date=extracted.date or date))
            elif depth < MAX_NESTING:
                inner = document_notes(attachment.data, name, resolver, extracted.date or date, limits, depth + 1)
                result.notes.extend(inner.notes)
                result.failures.extend(inner.failures)
        except NoteFormatError as error:
            result.failures.append((name, str(error)))
    return result
