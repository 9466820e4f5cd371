"""The notes tab's behaviour: ingest uploaded notes, re-ingest the notes folder with honest
progress, delete a note after a confirmation, and undo that delete; each only for the logins
that may change the store (``ragbot.web.auth.may_change_notes``), checked here, on the server."""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import gradio as gr
from langchain_core.documents import Document

from ingest.readers.notes import container_of
from ragbot.bot import Ragbot
from ragbot.exit_codes import CannotRun
from ragbot.progress import IngestProgress, ProgressFn
from ragbot.reports import IngestReport
from ragbot.sentiment.compose import plural
from ragbot.userdata import uploaded_file, uploads_folder
from ragbot.web import render
from ragbot.web.auth import may_change_notes
from ragbot.web.uploads import save_uploads
from vectorstore.servers import StoreUnavailable

INCLUDE_HINT = "`ragbot ingest --include-deleted`"
ADMINS_ONLY = "Only admins (RAGBOT_ADMINS) can upload, re-ingest or delete notes; you can read them and ask."


def progress_reporter(progress: gr.Progress) -> ProgressFn:
    """Show ``Ragbot.ingest``'s progress events on a Gradio progress bar (the CLI's bar shows the same)."""

    def report(event: IngestProgress) -> None:
        progress((event.done, event.total), desc=event.text, unit=event.unit)

    return report


@dataclass(frozen=True)
class Removed:
    """A note deleted on the page, with what Undo needs to put it back: the store's chunks
    (their vectors stay in the embedding cache, so nothing is embedded again) and the bytes of
    the uploaded file deleted with it, if any."""

    source: str
    chunks: tuple[Document, ...]
    upload: Path | None = None
    data: bytes | None = None


class Notes:
    """Event handlers of the notes tab, bound to one ``Ragbot``."""

    def __init__(self, bot: Ragbot):
        self.bot = bot

    def allowed(self, request: gr.Request | None) -> bool:
        """Whether the page's login (no request: a direct call, as the local user) may change the store."""
        return may_change_notes(request.username if request else None, self.bot.settings.admins)

    def _require_admin(self, request: gr.Request | None) -> None:
        """Refuse a change from a login that may not make it, whatever the page showed it."""
        if not self.allowed(request):
            raise gr.Error(ADMINS_ONLY)

    @property
    def notes_dir(self) -> Path:
        return Path(self.bot.settings.notes_dir)

    @property
    def uploads_dir(self) -> Path:
        return uploads_folder(self.bot.settings)

    def ingest_uploads(self, files: list[str] | None, progress=gr.Progress(), request: gr.Request | None = None):
        """Save the uploaded notes into the uploads folder, then ingest it: (report, cleared upload box)."""
        self._require_admin(request)
        if not files:
            return gr.skip(), gr.skip()
        limits = self.bot.settings
        saved, refused = save_uploads([Path(f) for f in files], self.uploads_dir, limits.max_note_bytes, limits.max_document_bytes)
        report = self.bot.ingest(self.uploads_dir, progress=progress_reporter(progress)) if saved else IngestReport()
        self._drop_failed(report, saved)
        report.failed[:0] = refused
        return render.report_html(report), None

    def _drop_failed(self, report: IngestReport, saved: list[Path]) -> None:
        """Delete the files just saved that could not be ingested at all (empty, malformed...):
        reported once, they would otherwise lie in the uploads folder, out of the store and of the
        page's reach, and be reported again by every later upload."""
        just_saved = {path.resolve() for path in saved}  # (the default store folder is relative: compare real paths)
        for failure in report.failed:
            upload = uploaded_file(failure.path, self.bot.settings)
            if container_of(failure.path) == failure.path and upload is not None and upload.resolve() in just_saved:  # the whole file, not one attachment
                upload.unlink(missing_ok=True)

    def reingest(self, sync: bool, include_deleted: bool = False, progress=gr.Progress(), request: gr.Request | None = None) -> str:
        """Bring the store in line with the configured notes folder (uploads are kept)."""
        self._require_admin(request)
        try:
            report = self.bot.ingest(self.notes_dir, sync=sync, progress=progress_reporter(progress), include_deleted=include_deleted)
        except (FileNotFoundError, CannotRun, StoreUnavailable) as error:  # no folder, no scope for a sync, a server gone
            return render.message_html(str(error), error=True)
        left_out = (
            render.message_html(f"Left out {plural(len(report.excluded))} deleted here (tick the box above or run {INCLUDE_HINT} to bring them back).")
            if report.excluded else ""
        )
        kept = (
            render.message_html(f"Kept {plural(len(report.missing))} stored that the notes folder no longer has (tick \u201cAlso remove\u201d above to remove them).")
            if report.missing else ""
        )
        return render.report_html(report) + kept + left_out

    def _file_fate(self, source: str) -> str:
        """What deleting ``source`` does to its file, in words."""
        upload = uploaded_file(source, self.bot.settings)
        if upload is not None and container_of(source) == source:
            if upload.is_file():
                return f"its uploaded file {upload} is deleted too"
            # saved by another replica (or its file removed by hand): _remove excludes it
            return f"its uploaded file is not in {self.uploads_dir} here, and re-ingests leave it out until you undo or run {INCLUDE_HINT}"
        on_disk = self.notes_dir / container_of(source)
        where = f" at {on_disk}" if on_disk.is_file() else ""
        return f"its file stays on disk{where}, and re-ingests leave it out until you undo or run {INCLUDE_HINT}"

    def ask_delete(self, source: str | None, request: gr.Request | None = None):
        """The confirmation for deleting ``source``: (message, confirmation row)."""
        self._require_admin(request)
        if not source:
            return render.message_html("Pick a note to delete (or click it in the table).", error=True), gr.update(visible=False)
        fate = self._file_fate(source)
        return render.message_html(f"Delete {source} from the store? {fate[0].upper()}{fate[1:]}."), gr.update(visible=True)

    def delete(self, source: str | None, request: gr.Request | None = None):
        """Delete ``source`` (confirmed): (report, confirmation row hidden, Undo shown, what Undo restores)."""
        self._require_admin(request)
        hidden = gr.update(visible=False)
        if not source:
            return render.message_html("Pick a note to delete.", error=True), hidden, hidden, None
        fate = self._file_fate(source)
        removed = self._remove(source)
        message = f"Deleted {source} from the store; {fate}. Undo puts it back until your next action."
        return render.message_html(message), hidden, gr.update(visible=True), removed

    def _remove(self, source: str) -> Removed:
        """Delete the note (and, for an uploaded mail, its attachments' notes) from the store;
        an uploaded file goes too, any other file is put on the exclusion list."""
        settings = self.bot.settings
        with self.bot.store.writing(settings.wait_for_writer) as index:
            targets = [s for s in index.sources() if s == source or container_of(s) == source] or [source]
            got = index.collection.get(where={"source": {"$in": targets}}, include=["documents", "metadatas"])
            for target in targets:
                index.delete_source(target)
            chunks = tuple(Document(page_content=text, metadata=meta) for text, meta in zip(got["documents"], got["metadatas"]))
            # still under the writer lock: an ingest that takes it next finds the file gone or excluded
            return self._forget_file(source, chunks)

    def _forget_file(self, source: str, chunks: tuple[Document, ...]) -> Removed:
        """Delete an uploaded file; put any other note on the exclusion list."""
        upload = uploaded_file(source, self.bot.settings)
        if upload is not None and container_of(source) == source and upload.is_file():
            data = upload.read_bytes()
            upload.unlink()
            return Removed(source, chunks, upload, data)
        self.bot.store.excluded.add(source)
        return Removed(source, chunks)

    def undo(self, removed: Removed | None, request: gr.Request | None = None):
        """Put the last deleted note back: (report, Undo hidden, nothing left to undo)."""
        self._require_admin(request)
        hidden = gr.update(visible=False)
        if removed is None:
            return render.message_html("Nothing to undo.", error=True), hidden, None
        self._restore(removed)
        return render.message_html(f"Restored {removed.source}."), hidden, None

    def _restore(self, removed: Removed) -> None:
        if removed.upload is not None and removed.data is not None:
            partial = removed.upload.with_name(f".{removed.upload.name}.part")  # hidden: the loader skips it
            partial.write_bytes(removed.data)
            os.replace(partial, removed.upload)
        self.bot.store.excluded.remove([removed.source])
        by_source = sorted(removed.chunks, key=lambda c: (c.metadata["source"], c.metadata.get("start", 0)))
        notes = [(source, list(chunks)) for source, chunks in groupby(by_source, key=lambda c: c.metadata["source"])]
        with self.bot.store.writing(self.bot.settings.wait_for_writer) as index:
            index.sync(notes, keep=set())
