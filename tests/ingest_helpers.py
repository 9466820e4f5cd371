"""Helpers shared by the ingest and store tests: writing notes, checking the store, running the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ragbot import Ragbot

FOOTER = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."
RAGBOT_SCRIPT = Path(sys.executable).with_name("ragbot")
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
_COMPANIES = ["Alibaba", "JD.com", "Tencent", "Nvidia", "Tesla", "Microsoft", "Amazon", "Baidu"]


def note_text(
    body: str,
    label: str = "mildly positive",
    score: str = "0.30",
    tickers: str = "",
    demo: str = "Request a Demo",
) -> str:
    """A note in the house format: body, marketing footer, then the sentiment block glued to the demo line."""
    block = f"{demo}Overall Sentiment\n{label}\nSentiment Score\n{score}\nTicker Sentiment\n{tickers}"
    return f"{body.rstrip()}\n{FOOTER}\n{block}"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` to ``folder/name`` (creating subfolders) and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def synthetic_note(i: int) -> str:
    """A three-paragraph note whose every sentence carries ``i``, so no two notes share a chunk."""
    company = _COMPANIES[i % len(_COMPANIES)]
    paragraphs = [
        " ".join(
            f"In note {i} paragraph {p}, {company} reported segment {s} revenue of {i * 7 + p * 3 + s} billion, "
            f"with margin {(i * 13 + s) % 40} percent and order backlog up {(i + p * s) % 25} percent."
            for s in range(5)
        )
        for p in range(3)
    ]
    return note_text("\n".join(paragraphs), score=f"{(i % 19 - 9) / 10:.2f}")


def write_synthetic_notes(folder: Path, count: int) -> list[Path]:
    return [write(folder, f"note-{i:04d}.txt", synthetic_note(i)) for i in range(count)]


def chroma_ids(bot: Ragbot) -> set[str]:
    return set(bot.index.collection.get(include=[])["ids"])


def chunks(bot: Ragbot, where: dict | None = None) -> list[tuple[str, dict]]:
    """``(text, metadata)`` of every stored chunk matching ``where``."""
    got = bot.index.collection.get(where=where, include=["documents", "metadatas"])
    return list(zip(got["documents"], got["metadatas"]))


def assert_store_consistent(bot: Ragbot) -> set[str]:
    """Chroma, the record manager and the lexical index hold the same chunks, none twice."""
    ids = chroma_ids(bot)
    assert set(bot.index.records.list_keys()) == ids
    assert bot.index.lexical.ids() == ids
    assert bot.index.lexical.count() == len(ids)  # no chunk indexed twice
    pairs = {(meta["source"], meta["chunk_index"]) for _, meta in chunks(bot)}
    assert len(pairs) == len(ids)
    return ids


def cli_env() -> dict[str, str]:
    """The environment minus any ``RAGBOT_*`` settings of the developer, fully offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAGBOT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return env


def cli_command(*args: str | Path) -> list[str]:
    return [str(RAGBOT_SCRIPT), *map(str, args)]


def run_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed ``ragbot`` script; ``cwd`` keeps it away from any ``.env`` file."""
    return subprocess.run(cli_command(*args), cwd=cwd, env=cli_env(), capture_output=True, text=True)


def cli_json(*args: str | Path, cwd: Path, expect_code: int = 0):
    """Run a ``--json`` command, check its exit code and parse what it printed."""
    done = run_cli(*args, "--json", cwd=cwd)
    assert done.returncode == expect_code, done.stderr[-2000:]
    return json.loads(done.stdout)


def write_bad_notes(folder: Path) -> dict[str, str]:
    """Files no note can be read from, each with a word its one-line reason must contain."""
    write(folder, "empty.txt", b"")
    write(folder, "blank.txt", b"  \n\t\n   \n")
    write(folder, "image.txt", PNG_BYTES * 20)
    write(folder, "nul.md", b"Alibaba's cloud grew.\x00\x00\x00 More text.")
    write(folder, "garbage.txt", b"Alibaba revenue \x81\x8d\x8f\x90\x9d grew")
    write(folder, "huge.txt", b"Alibaba's cloud grew 26% on AI demand. " * 520_000)  # ~20 MB
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    return {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.txt": "binary",
        "nul.md": "binary",
        "garbage.txt": "not valid text",
        "huge.txt": "limit",
        "loop-a.txt": "symbolic links",
        "loop-b.txt": "symbolic links",
    }


def collection_gets(bot: Ragbot, monkeypatch) -> list[dict]:
    """The keyword arguments of every Chroma ``get`` of ``bot``'s collection from now on."""
    collection = bot.index.collection
    gets, get = [], type(collection).get

    def recorded(self, *args, **kwargs):
        if self is collection:
            gets.append(kwargs)
        return get(self, *args, **kwargs)

    monkeypatch.setattr(type(collection), "get", recorded)
    return gets
