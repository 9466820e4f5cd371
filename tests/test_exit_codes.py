"""Exit codes of the installed ``ragbot`` command, run as real processes (issue 8):
0 done, 1 done but some notes failed, 2 could not run, 3 crashed (one line; traceback with --debug)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES
from ingest_helpers import cli_command, cli_env, write

from ragbot.exit_codes import CANNOT_RUN, CRASHED, OK, SOME_FAILED

pytestmark = pytest.mark.slow


def ragbot(*args, cwd: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(*args), cwd=cwd, env={**cli_env(), **env}, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exit-codes")
    shutil.copytree(EXAMPLES, root / "notes")
    return root


def test_ingest_exits_0_when_every_note_is_read_then_1_when_one_fails(workdir):
    assert ragbot("ingest", workdir / "notes", "--store", workdir / "store", cwd=workdir).returncode == OK
    write(workdir / "notes", "broken.txt", b"\xff\xfeA\x00B")
    done = ragbot("ingest", workdir / "notes", "--store", workdir / "store", cwd=workdir)
    assert done.returncode == SOME_FAILED
    assert "broken.txt: not valid UTF-16 text" in done.stderr
    (workdir / "notes" / "broken.txt").unlink()


def test_a_missing_folder_exits_2_with_one_line(workdir):
    done = ragbot("ingest", workdir / "nowhere", "--store", workdir / "store", cwd=workdir)
    assert done.returncode == CANNOT_RUN
    assert done.stderr.strip().splitlines() == [f"ragbot: notes folder not found: {workdir / 'nowhere'}"]


def test_a_file_given_for_its_folder_exits_2_naming_the_folder(workdir):
    note = workdir / "notes" / "jd-logistics.txt"
    done = ragbot("ingest", note, "--store", workdir / "store", cwd=workdir)
    assert done.returncode == CANNOT_RUN
    assert done.stderr.strip().splitlines() == [f"ragbot: notes folder not found: {note} is a file; give the folder that holds it ({note.parent})"]


@pytest.mark.parametrize("command", [("stats",), ("search", "cloud"), ("ask", "cloud risks?"), ("sentiment", "BABA")])
def test_a_read_command_on_a_store_that_does_not_exist_exits_2_and_creates_nothing(workdir, command):
    store = workdir / "no-such-store"
    done = ragbot(*command, "--store", store, cwd=workdir)
    assert done.returncode == CANNOT_RUN and not store.exists()
    assert done.stderr.strip().splitlines() == [f"ragbot: no store at {store}: ingest notes into it first (ragbot ingest FOLDER --store {store})"]


@pytest.mark.parametrize("command", [("stats",), ("search", "cloud"), ("ask", "cloud risks?"), ("ingest", "notes")])
def test_bad_settings_exit_2_naming_the_variable(workdir, command):
    done = ragbot(*command, "--store", workdir / "store", cwd=workdir, RAGBOT_CHUNK_SIZE="seven hundred")
    assert done.returncode == CANNOT_RUN
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("ragbot: bad settings: RAGBOT_CHUNK_SIZE: Input should be a valid integer")


def test_a_crash_exits_3_with_one_line_and_the_traceback_only_with_debug(workdir, tmp_path):
    store = tmp_path / "store"
    write(store, "notes.lexical.sqlite", b"this is not a database, it was overwritten" * 100)
    done = ragbot("stats", "--store", store, cwd=workdir)
    assert done.returncode == CRASHED
    assert done.stderr.strip().splitlines() == [
        "ragbot: crashed: DatabaseError: file is not a database (run with --debug for the traceback)"
    ]
    debug = ragbot("--debug", "stats", "--store", store, cwd=workdir)
    assert debug.returncode == CRASHED
    assert "Traceback (most recent call last)" in debug.stderr and "sqlite3.DatabaseError" in debug.stderr
    assert debug.stderr.strip().splitlines()[-1] == "ragbot: crashed: DatabaseError: file is not a database"


def test_ask_and_search_exit_0_for_any_question(workdir):
    for question in ("", "*", "NEAR(", "x" * 100_000):
        assert ragbot("ask", question, "--store", workdir / "store", "--no-rerank", cwd=workdir).returncode == OK
    assert ragbot("search", "*", "--store", workdir / "store", cwd=workdir).returncode == OK


def test_names_that_look_like_markup_are_printed_verbatim(tmp_path):
    """File names reach the terminal through rich: ``[/x]`` must print, not raise a markup error."""
    notes = tmp_path / "notes"
    write(notes, "[/red]odd[b].txt", "Quuxcorp's widget revenue grew 40% in the quarter on strong demand from retailers.\n")
    write(notes, "[/x]bad.txt", b"\xff\xfeA\x00B")
    done = ragbot("ingest", notes, "--store", tmp_path / "store", cwd=tmp_path)
    assert done.returncode == SOME_FAILED, done.stderr[-2000:]
    assert "failed [/x]bad.txt: not valid UTF-16 text (truncated data at byte 4)" in done.stderr
    asked = ragbot("ask", "How fast did Quuxcorp's widget revenue grow?", "--store", tmp_path / "store", "--no-rerank", cwd=tmp_path)
    assert asked.returncode == OK, asked.stderr[-2000:]
    assert "[1] [/red]odd[b].txt" in asked.stdout
    searched = ragbot("search", "Quuxcorp widget revenue", "--store", tmp_path / "store", cwd=tmp_path)
    assert searched.returncode == OK and "[/red]odd[b].txt" in searched.stdout
