"""Every file-level problem is a per-file report, never an abort or a hang (issue 8).

Real files, pipes, sockets and devices on disk; the loader runs without the store so these
tests are fast. ``test_cli_ingest_reports_every_bad_file_and_ingests_the_rest`` runs the
installed ``ragbot ingest`` on all of them at once.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from ingest_helpers import cli_command, cli_env, note_text, write

from ingest import CompanyDirectory, LoadFailure, NoteLoader, TickerResolver
from ingest.loader import decode_note, display_source
from ingest.note import NoteFormatError

GOOD = note_text("Alibaba's cloud revenue grew 26% in the quarter as AI demand stayed strong.", tickers="BABA 0.40")
BAD_NAME = b"bad\xffname.txt"  # not UTF-8: os.walk hands it over with a lone surrogate


@pytest.fixture(scope="module")
def loader() -> NoteLoader:
    return NoteLoader(TickerResolver(CompanyDirectory.load()))


def load(loader: NoteLoader, folder) -> dict[str, object]:
    return {item.path if isinstance(item, LoadFailure) else item.source: item for item in loader.load(folder)}


def make_special_files(folder) -> dict[str, str]:
    """A pipe, a socket and a device (through a link) named like notes; the word each reason has."""
    os.mkfifo(folder / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "socket.md"))
    (folder / "null.txt").symlink_to("/dev/null")
    return {"pipe.txt": "named pipe", "socket.md": "socket", "null.txt": "character device"}


def blocked_writer(pipe) -> subprocess.Popen:
    """A process opening ``pipe`` for writing: open(2) blocks until some reader opens the pipe."""
    writer = subprocess.Popen([sys.executable, "-c", f"open({str(pipe)!r}, 'wb'); print('opened')"], stdout=subprocess.PIPE, text=True)
    wchan = f"/proc/{writer.pid}/wchan"
    for _ in range(200):  # until it sleeps in the pipe's open
        if os.path.exists(wchan) and open(wchan).read() == "wait_for_partner":
            return writer
        time.sleep(0.05)
    writer.kill()
    pytest.skip("cannot see the writer block in the pipe's open (no /proc wchan)")


def test_pipes_sockets_and_devices_are_skipped_by_type_without_being_opened(loader, tmp_path):
    write(tmp_path, "good.txt", GOOD)
    expected = make_special_files(tmp_path)
    writer = blocked_writer(tmp_path / "pipe.txt")
    try:
        items = load(loader, tmp_path)
        assert writer.poll() is None, "the loader opened the pipe: the writer's open returned"
    finally:
        os.close(os.open(tmp_path / "pipe.txt", os.O_RDONLY | os.O_NONBLOCK))  # now a reader does open it...
        assert writer.communicate(timeout=30)[0].strip() == "opened"  # ...and the writer notices
    for name, kind in expected.items():
        assert isinstance(items[name], LoadFailure)
        assert kind in items[name].error and "without opening it" in items[name].error
    assert items["good.txt"].ticker_scores == {"BABA": 0.40}


def test_a_name_that_is_not_utf8_is_read_and_stored_under_a_valid_stable_name(loader, tmp_path):
    write(tmp_path, "good.txt", GOOD)
    with open(os.path.join(os.fsencode(tmp_path), BAD_NAME), "wb") as handle:
        handle.write(note_text("Tencent's games revenue grew 24% on new titles.").encode())
    items = load(loader, tmp_path)
    assert sorted(items) == ["bad\\xffname.txt", "good.txt"]
    note = items["bad\\xffname.txt"]
    note.source.encode("utf-8")  # valid: storable in Chroma, SQLite and JSON
    assert "Tencent" in note.body
    assert load(loader, tmp_path)["bad\\xffname.txt"].source == note.source  # the same on every run
    assert display_source("caf\u00e9/n\u00f8te.txt") == "caf\u00e9/n\u00f8te.txt"  # valid names unchanged


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfeA\x00B", "not valid UTF-16 text (truncated data"),  # odd byte count
        (b"\xff\xfeA\x00\x00\xd8B\x00", "not valid UTF-16 text (illegal UTF-16 surrogate"),  # lone high surrogate
        (b"\xfe\xff\xdc\x00\x00A", "not valid UTF-16 text (illegal encoding"),  # lone low surrogate, big-endian
        ("Alibaba's cloud grew 26%. ".encode() * 400 + b"\x00" + b"More text." * 10, "binary file, not text (NUL byte at offset 10400)"),
        (b"\xff\xfe" + "Alibaba grew.\x00 More.".encode("utf-16-le"), "binary file, not text"),
    ],
)
def test_undecodable_files_are_refused_with_a_one_line_reason(data, reason):
    with pytest.raises(NoteFormatError) as refused:
        decode_note(data)
    assert str(refused.value).startswith(reason)
    assert "\n" not in str(refused.value)


def test_every_byte_is_checked_for_binary_content_not_just_the_first_8_kb(loader, tmp_path):
    write(tmp_path, "late-nul.txt", ("Alibaba's cloud revenue grew 26%. " * 300).encode() + b"\x00hidden")
    write(tmp_path, "good.txt", GOOD)
    items = load(loader, tmp_path)
    assert items["late-nul.txt"] == LoadFailure("late-nul.txt", "binary file, not text (NUL byte at offset 10200)")
    assert "Alibaba" in items["good.txt"].body


def test_stray_control_characters_are_replaced_and_reported(loader, tmp_path):
    write(tmp_path, "ctrl.txt", note_text("Alibaba's cloud \x1b[31mrevenue\x07 grew 26% in the quarter."))
    note = load(loader, tmp_path)["ctrl.txt"]
    assert "\x1b" not in note.text and "\x07" not in note.text
    assert "Alibaba's cloud  [31mrevenue  grew 26%" in note.body
    assert note.problems == ("2 control characters replaced by spaces",)


def test_a_file_that_vanishes_after_listing_is_reported_and_the_rest_still_load(loader, tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, GOOD)
    items = loader.load(tmp_path)
    first = next(items)  # the folder has been listed; b.txt goes before it is read
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert first.source == "a.txt"
    assert rest[0] == LoadFailure("b.txt", "file vanished before it could be read")
    assert rest[1].source == "c.txt"


def test_a_file_that_changes_while_it_is_read_is_refused_not_half_read(loader, tmp_path, monkeypatch):
    path = write(tmp_path, "growing.txt", GOOD * 3)
    write(tmp_path, "good.txt", GOOD)
    real_read = os.read

    def read_then_append(fd, size):  # another program appends to the note between two reads
        data = real_read(fd, min(size, 100))
        with open(path, "ab") as handle:
            handle.write(b"Appended by another program. ")
        return data

    monkeypatch.setattr(os, "read", read_then_append)
    items = load(loader, tmp_path)
    monkeypatch.undo()
    assert items["growing.txt"] == LoadFailure("growing.txt", "file changed while it was being read; ingest it again")
    assert "Alibaba" in items["good.txt"].body


def test_the_size_limit_reason_reads_well_for_small_limits(tmp_path):
    loader = NoteLoader(TickerResolver(CompanyDirectory.load()), max_bytes=1000)
    write(tmp_path, "big.txt", "x" * 2500)
    assert list(loader.load(tmp_path)) == [LoadFailure("big.txt", "file is 2,500 bytes, over the 1,000 bytes limit")]


@pytest.mark.slow
def test_cli_ingest_reports_every_bad_file_and_ingests_the_rest(tmp_path):
    """The issue's reproductions together, through the installed command: no hang on the pipe,
    exit 1 ("done, some notes failed"), a JSON report, the good notes stored."""
    notes = tmp_path / "notes"
    write(notes, "good.txt", GOOD)
    write(notes, "u16-odd.txt", b"\xff\xfeA\x00B")
    write(notes, "u16-surrogate.txt", b"\xff\xfeA\x00\x00\xd8B\x00")
    write(notes, "late-nul.txt", ("Alibaba's cloud revenue grew 26%. " * 300).encode() + b"\x00")
    with open(os.path.join(os.fsencode(notes), BAD_NAME), "wb") as handle:
        handle.write(note_text("Tencent's games revenue grew 24% on new titles.").encode())
    special = make_special_files(notes)
    done = subprocess.run(
        cli_command("ingest", notes, "--store", tmp_path / "store", "--json"),
        cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    report = json.loads(done.stdout)
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert sorted(failed) == sorted(["u16-odd.txt", "u16-surrogate.txt", "late-nul.txt", *special])
    assert report["added"] == 2
    stats = subprocess.run(
        cli_command("stats", "--store", tmp_path / "store", "--json"), cwd=tmp_path, env=cli_env(), capture_output=True, text=True
    )
    assert json.loads(stats.stdout)["tickers"] == {"BABA": 1, "TCEHY": 1}
    search = subprocess.run(
        cli_command("search", "Tencent games revenue", "--store", tmp_path / "store", "--json"),
        cwd=tmp_path, env=cli_env(), capture_output=True, text=True,
    )
    assert json.loads(search.stdout)[0]["source"] == "bad\\xffname.txt"


def test_a_folder_that_vanishes_during_the_walk_is_reported(loader, tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "later/b.txt", GOOD)
    items = loader.load(tmp_path)
    assert next(items).source == "a.txt"  # the top folder is listed; later/ has not been entered
    (tmp_path / "later" / "b.txt").unlink()
    (tmp_path / "later").rmdir()
    assert list(items) == [LoadFailure("later/", "folder could not be read: No such file or directory")]


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="uses a simulated EACCES only where a real one is impossible (root)")
def test_an_unreadable_folder_is_reported_and_keeps_its_notes_with_sync(tmp_path, embeddings, monkeypatch):
    from conftest import make_settings

    from ragbot import Ragbot

    write(tmp_path / "notes", "a.txt", GOOD)
    write(tmp_path / "notes", "locked/b.txt", note_text("Tencent's games revenue grew 24% on new titles."))
    bot = Ragbot(make_settings(tmp_path / "store"))
    assert sorted(bot.ingest(tmp_path / "notes").added) == ["a.txt", "locked/b.txt"]
    real_scandir = os.scandir

    def scandir(path="."):  # root may list any folder: refuse this one as a chmod 000 would
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = bot.ingest(tmp_path / "notes", sync=True)
    monkeypatch.undo()
    assert [(f.path, f.error) for f in report.failed] == [("locked/", "folder could not be read: Permission denied")]
    assert report.deleted == [] and bot.index.sources() == ["a.txt", "locked/b.txt"]
