"""How each indexed note was parsed, so that an ingest need not parse an unchanged file again.

Parsing is most of an unchanged re-ingest's cost (about 10 ms a note, mostly company
mentions), and its result depends on the file's bytes and date (``ingest.loader.file_key``),
on the code, settings and company table it was parsed with (the *context*, a digest the
caller makes), and, through the companies notes declare to each other ("Name (TICK)"), on the
other notes (the *companies* digest). A note's row keeps all three, its chunks' record keys,
and what the other notes need from it (its body's fingerprint and its declarations), so a
file whose rows all match is taken as read.

The rows live beside the record manager's, in the same database (the embedded store's
``records.sqlite``, or PostgreSQL in server mode). ``NoteIndex`` writes a note's row only after
its chunks are recorded, and a row counts only while the record manager holds exactly its
chunks, so a run killed at any point, a note deleted on the chat page or a store repair leave
no row that skips a file wrongly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, delete, insert, select
from sqlalchemy.engine import Engine

from ingest.declarations import Declarations

_LOOKUP = 500  # sources per statement (SQLite's bound-parameter limit)
_TABLE = Table(
    "ragbot_parsed_notes",
    MetaData(),
    Column("namespace", String(200), primary_key=True),
    Column("source", Text, primary_key=True),
    Column("file", Text, nullable=False),
    Column("file_key", String(100), nullable=False),
    Column("context", String(100), nullable=False),
    Column("companies", String(100), nullable=False),
    Column("notes_in_file", Integer, nullable=False),
    Column("facts", Text, nullable=False),  # JSON: chunks, fingerprint, pairs, lower, problems
)


@dataclass(frozen=True)
class ParsedNote:
    """One indexed note as its parse left it."""

    source: str
    file: str  # the source of the file it came from (a document may hold several notes)
    file_key: str  # ``ingest.loader.file_key`` of that file
    context: str  # digest of the code, settings and company table it was parsed with
    companies: str  # digest of the company table its chunks were tagged with (declarations included)
    notes_in_file: int  # notes its file gave: a file counts as read only with every one recorded
    chunks: tuple[str, ...]  # its chunks' record keys (``sync.chunk_key``)
    fingerprint: str  # ``ingest.duplicates.fingerprint`` of its body
    declarations: Declarations  # what its body declares to the other notes
    problems: tuple[str, ...] = ()  # the warnings its reading and chunking gave
    root: str = ""  # the folder it was ingested from, resolved ("" in rows written before it was kept)

    def _row(self, namespace: str) -> dict:
        facts = {
            "chunks": list(self.chunks),
            "fingerprint": self.fingerprint,
            "pairs": [list(pair) for pair in self.declarations.pairs],
            "lower": sorted(self.declarations.lower),
            "problems": list(self.problems),
            "root": self.root,
        }
        return {
            "namespace": namespace, "source": self.source, "file": self.file, "file_key": self.file_key,
            "context": self.context, "companies": self.companies, "notes_in_file": self.notes_in_file,
            "facts": json.dumps(facts, ensure_ascii=False),
        }

    @classmethod
    def _of(cls, row) -> "ParsedNote":
        facts = json.loads(row.facts)
        return cls(
            source=row.source, file=row.file, file_key=row.file_key, context=row.context, companies=row.companies,
            notes_in_file=row.notes_in_file, chunks=tuple(facts["chunks"]), fingerprint=facts["fingerprint"],
            declarations=Declarations(tuple(tuple(pair) for pair in facts["pairs"]), frozenset(facts["lower"])),
            problems=tuple(facts["problems"]), root=facts.get("root", ""),
        )


class ParsedNotes:
    """The ``ParsedNote`` rows of one collection (``namespace``) in ``engine``'s database."""

    def __init__(self, engine: Engine, namespace: str):
        self.engine = engine
        self.namespace = namespace
        _TABLE.create(engine, checkfirst=True)

    def by_file(self) -> dict[str, list[ParsedNote]]:
        """Every row, grouped by the file its note came from."""
        files: dict[str, list[ParsedNote]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(select(_TABLE).where(_TABLE.c.namespace == self.namespace)):
                note = ParsedNote._of(row)
                files.setdefault(note.file, []).append(note)
        return files

    def record(self, notes: Iterable[ParsedNote]) -> None:
        """Write (or replace) these notes' rows, in one transaction."""
        rows = [note._row(self.namespace) for note in notes]
        if not rows:
            return
        with self.engine.begin() as connection:
            for start in range(0, len(rows), _LOOKUP):
                part = rows[start : start + _LOOKUP]
                connection.execute(self._rows_of([r["source"] for r in part]))
                connection.execute(insert(_TABLE), part)

    def forget(self, sources: Iterable[str]) -> None:
        """Drop these notes' rows (their notes left the store)."""
        sources = list(sources)
        with self.engine.begin() as connection:
            for start in range(0, len(sources), _LOOKUP):
                connection.execute(self._rows_of(sources[start : start + _LOOKUP]))

    def _rows_of(self, sources: list[str]):
        return delete(_TABLE).where(_TABLE.c.namespace == self.namespace, _TABLE.c.source.in_(sources))
