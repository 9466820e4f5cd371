"""E-mails (.eml) -> text, via the standard library's ``email`` package.

The subject is the title and the Date header the date; the plain-text body is preferred,
else the HTML body's article text. Attachments are passed on for the registry to read as
notes of their own.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from ingest.readers.base import Attachment, Extracted, ReaderLimits, UnreadableDocument
from ingest.readers.html import read_html

_FORWARD_PREFIX = re.compile(r"^\s*((fwd?|fw|re|aw|wg)\s*:\s*)+", re.IGNORECASE)


def _date(message: EmailMessage) -> str | None:
    try:
        header = message["date"]
        moment = header.datetime if header is not None else None
    except (TypeError, ValueError, AttributeError):
        return None
    return moment.date().isoformat() if moment else None


def _body(message: EmailMessage, limits: ReaderLimits) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    if part.get_content_subtype() != "html":
        return part.get_content()
    try:
        return read_html(part.get_content().encode("utf-8"), limits).text
    except UnreadableDocument:
        return ""


def _attachments(message: EmailMessage) -> tuple[Attachment, ...]:
    found = []
    for part in message.iter_attachments():
        name = re.split(r"[\\/]", part.get_filename() or "")[-1].strip()
        if not name or part.is_multipart():
            continue
        content = part.get_content()
        found.append(Attachment(name, content.encode("utf-8") if isinstance(content, str) else bytes(content)))
    return tuple(found)


def read_eml(data: bytes, limits: ReaderLimits) -> Extracted:
    """Body text, subject as title, the mail's date, and its attachments."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (LookupError, ValueError, TypeError) as error:
        raise UnreadableDocument(f"not a readable e-mail ({error})") from error
    if not message.keys() or message.defects and not message.get("subject") and not message.get("from"):
        raise UnreadableDocument("not an e-mail (no headers)")
    try:
        subject = _FORWARD_PREFIX.sub("", str(message["subject"] or "")).strip()
        return Extracted(
            text=_body(message, limits).strip(),
            title=subject or None,
            date=_date(message),
            attachments=_attachments(message),
        )
    except UnreadableDocument:
        raise
    except (LookupError, ValueError, TypeError) as error:  # bad charsets, malformed MIME
        raise UnreadableDocument(f"not a readable e-mail ({error})") from error
