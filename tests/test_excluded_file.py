"""The embedded deleted-notes list: two processes deleting notes at once lose none of them."""

from __future__ import annotations

import subprocess
import sys
import time

from vectorstore.excluded import ExcludedFile

ADDER = """
import os, sys, time
from vectorstore.excluded import ExcludedFile
excluded = ExcludedFile(sys.argv[1], "notes")
while not os.path.exists(sys.argv[4]):  # both start adding at the same moment
    time.sleep(0.001)
for i in range(int(sys.argv[3])):
    excluded.add(f"{sys.argv[2]}-{i}.txt")
"""


def test_two_processes_adding_at_once_lose_no_deleted_note(tmp_path):
    count, go = 300, tmp_path / "go"
    adders = [
        subprocess.Popen([sys.executable, "-c", ADDER, str(tmp_path), name, str(count), str(go)]) for name in ("laptop", "desktop")
    ]
    time.sleep(2)  # both imported and waiting
    go.touch()
    assert [a.wait(timeout=120) for a in adders] == [0, 0]
    expected = {f"{name}-{i}.txt" for name in ("laptop", "desktop") for i in range(count)}
    assert ExcludedFile(tmp_path, "notes").sources() == expected


def test_restoring_returns_only_what_was_deleted(tmp_path):
    excluded = ExcludedFile(tmp_path, "notes")
    excluded.add("a.txt")
    excluded.add("b.txt")
    assert excluded.remove(["a.txt", "c.txt"]) == {"a.txt"} and excluded.sources() == {"b.txt"}
