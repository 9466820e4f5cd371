"""Notes-tab handlers over a fake bot: uploads, re-ingest, delete (no models)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from ragbot.reports import IngestReport
from ragbot.web.notes import Notes, progress_reporter


class FakeBot:
    def __init__(self, notes_dir: Path):
        self.settings = SimpleNamespace(notes_dir=notes_dir, max_note_bytes=1000, max_document_bytes=5000)
        self.ingested, self.deleted = [], []

    def ingest(self, path, sync=False, progress=None):
        if not Path(path).is_dir():
            raise FileNotFoundError(f"notes folder not found: {path}")
        self.ingested.append((Path(path), sync))
        progress("index", 1, 1)
        return IngestReport(added=sorted(p.relative_to(path).as_posix() for p in Path(path).rglob("*.txt")))

    def delete_note(self, source):
        self.deleted.append(source)


def no_progress(*args, **kwargs):
    pass


def test_uploads_are_saved_then_the_folder_is_ingested(tmp_path: Path):
    incoming = tmp_path / "in"
    incoming.mkdir()
    (incoming / "new note.txt").write_text("Alibaba grew.")
    (incoming / "evil.sh").write_text("rm -rf /")
    bot = FakeBot(tmp_path / "notes")
    html, cleared = Notes(bot).ingest_uploads([str(incoming / "new note.txt"), str(incoming / "evil.sh")], progress=no_progress)
    assert cleared is None and bot.ingested == [(tmp_path / "notes", False)]
    assert "uploads/new-note.txt" in html and "evil.sh" in html and "<b>1</b><span>failed</span>" in html


def test_only_refused_uploads_ingest_nothing(tmp_path: Path):
    incoming = tmp_path / "evil.exe"
    incoming.write_text("MZ")
    bot = FakeBot(tmp_path / "notes")
    html, _ = Notes(bot).ingest_uploads([str(incoming)], progress=no_progress)
    assert bot.ingested == [] and "evil.exe" in html


def test_reingest_reports_a_missing_folder(tmp_path: Path):
    html = Notes(FakeBot(tmp_path / "missing")).reingest(True, progress=no_progress)
    assert "rb-error" in html and "notes folder not found" in html


def test_delete_removes_uploaded_files_but_not_the_analysts_own(tmp_path: Path):
    notes = tmp_path / "notes"
    (notes / "uploads").mkdir(parents=True)
    (notes / "uploads" / "mine.txt").write_text("x")
    (notes / "theirs.txt").write_text("x")
    bot = FakeBot(notes)
    assert "uploaded file" in Notes(bot).delete("uploads/mine.txt")
    assert "re-ingest adds it back" in Notes(bot).delete("uploads/../theirs.txt")
    assert not (notes / "uploads" / "mine.txt").exists() and (notes / "theirs.txt").exists()
    assert bot.deleted == ["uploads/mine.txt", "uploads/../theirs.txt"]
    assert "Pick a note" in Notes(bot).delete(None)


def test_progress_events_reach_the_progress_bar():
    calls = []
    report = progress_reporter(lambda value, desc=None, unit=None: calls.append((value, desc)))
    report("read", 3, 0)
    report("index", 2, 5)
    assert calls == [((3, None), "Reading notes"), ((2, 5), "Embedding and indexing")]
