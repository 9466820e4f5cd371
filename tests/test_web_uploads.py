"""Uploaded notes: file names are sanitised, nothing lands outside the uploads folder, limits hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ragbot.web.uploads import UploadError, safe_filename, save_uploads, target_path


@pytest.mark.parametrize(
    "name, safe",
    [
        ("baba-q3.txt", "baba-q3.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.md", "evil.md"),
        ("C:\\Users\\ana\\Note (draft) v2.TXT", "Note-draft-v2.txt"),
        (".hidden.md", "hidden.md"),
        ("Über Notiz – März.md", "Uber-Notiz-Marz.md"),
        ("a..b....c.txt", "a.b.c.txt"),
        ("<script>alert(1)</script>.txt", "script.txt"),  # "/" ends a folder name
        ("<img src=x onerror=alert(1)>.md", "img-src-x-onerror-alert-1.md"),
        ("x" * 300 + ".txt", "x" * 100 + ".txt"),
    ],
)
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


@pytest.mark.parametrize("name", ["note.exe", "note.txt.exe", "note", "....txt", "/etc/..", "漢字.txt", ".txt"])
def test_unsafe_or_wrong_type_names_are_refused(name):
    with pytest.raises(UploadError):
        safe_filename(name)


def test_target_path_refuses_symlinks(tmp_path: Path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "note.txt").symlink_to(outside)
    with pytest.raises(UploadError):
        target_path(folder, "note.txt")
    assert target_path(folder, "../note.md") == folder / "note.md"


def upload(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "incoming" / str(len(list(tmp_path.glob("incoming/*"))))
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_save_uploads_keeps_text_notes_and_reports_the_rest(tmp_path: Path):
    folder = tmp_path / "store" / "uploads"
    files = [
        upload(tmp_path, "Alibaba Q9 (draft).txt", b"Alibaba cloud revenue grew 61.7% in the made-up quarter."),
        upload(tmp_path, "big.md", b"x" * 101),
        upload(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"),
        upload(tmp_path, "slides.pptx", b"PK\x03\x04"),
        upload(tmp_path, "report.pdf", b"%PDF-1.7 " + b"x" * 200),
        upload(tmp_path, "huge.pdf", b"%PDF-1.7 " + b"x" * 400),
    ]
    saved, refused = save_uploads(files, folder, max_bytes=100, max_document_bytes=300)
    assert saved == [folder / "Alibaba-Q9-draft.txt", folder / "report.pdf"]
    assert saved[0].read_bytes().startswith(b"Alibaba cloud revenue grew 61.7%")
    reasons = {f.path: f.error for f in refused}
    assert set(reasons) == {"big.md", "image.txt", "slides.pptx", "huge.pdf"}
    assert "limit" in reasons["big.md"] and "binary" in reasons["image.txt"] and ".pdf" in reasons["slides.pptx"]
    assert "0.0 MB limit" in reasons["huge.pdf"]  # documents have their own limit; the ingest checks their content
    assert sorted(os.listdir(folder)) == ["Alibaba-Q9-draft.txt", "report.pdf"]  # no partial files left


def test_a_second_upload_of_the_same_name_replaces_the_note(tmp_path: Path):
    notes = tmp_path / "notes"
    save_uploads([upload(tmp_path, "n.txt", b"first version")], notes, 1000)
    saved, refused = save_uploads([upload(tmp_path, "n.txt", b"second version")], notes, 1000)
    assert not refused and saved[0].read_text() == "second version"
