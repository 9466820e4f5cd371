"""The notes tab's behaviour: ingest uploaded notes, re-ingest the notes folder, delete a note."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from ragbot.bot import ProgressFn, Ragbot
from ragbot.reports import IngestReport
from ragbot.web import render
from ragbot.web.uploads import UPLOADS, save_uploads


def progress_reporter(progress: gr.Progress) -> ProgressFn:
    """Feed ``Ragbot.ingest``'s progress events to a Gradio progress bar."""

    def report(event: str, done: int, total: int) -> None:
        if event == "index":
            progress((done, total), desc="Embedding and indexing", unit="notes")
        else:
            progress((done, None), desc="Reading notes", unit="files")

    return report


class Notes:
    """Event handlers of the notes tab, bound to one ``Ragbot``."""

    def __init__(self, bot: Ragbot):
        self.bot = bot

    @property
    def notes_dir(self) -> Path:
        return Path(self.bot.settings.notes_dir)

    def _ingest(self, sync: bool, progress: gr.Progress) -> IngestReport:
        return self.bot.ingest(self.notes_dir, sync=sync, progress=progress_reporter(progress))

    def ingest_uploads(self, files: list[str] | None, progress=gr.Progress()):
        """Save the uploaded notes into the notes folder, then ingest it: (report, cleared upload box)."""
        if not files:
            return gr.skip(), gr.skip()
        limits = self.bot.settings
        saved, refused = save_uploads([Path(f) for f in files], self.notes_dir, limits.max_note_bytes, limits.max_document_bytes)
        report = self._ingest(sync=False, progress=progress) if saved else IngestReport()
        report.failed[:0] = refused
        return render.report_html(report), None

    def reingest(self, sync: bool, progress=gr.Progress()) -> str:
        """Bring the store in line with the configured notes folder."""
        try:
            return render.report_html(self._ingest(sync=sync, progress=progress))
        except FileNotFoundError as error:
            return render.message_html(str(error), error=True)

    def delete(self, source: str | None) -> str:
        """Remove a note from the store; a note uploaded through the page loses its file too."""
        if not source:
            return render.message_html("Pick a note to delete.", error=True)
        self.bot.delete_note(source)
        uploaded = self.notes_dir / source
        if source.startswith(f"{UPLOADS}/") and uploaded.resolve().parent == (self.notes_dir / UPLOADS).resolve():
            uploaded.unlink(missing_ok=True)
            return render.message_html(f"Deleted {source} and its uploaded file.")
        return render.message_html(f"Deleted {source} from the store; its file stays in the notes folder, so a re-ingest adds it back.")
