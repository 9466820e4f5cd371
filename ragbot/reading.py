"""Reading a notes folder for an ingest, without parsing again the files whose notes are indexed
as they would be parsed now (``vectorstore.parsed``): an unchanged re-ingest reads and hashes
every file, and parses none.

A file is left unparsed when every note it gave last time has a row with the file's key (its
bytes and date), this run's parse context (code, settings, company table: ``parse_context``),
and its chunks still recorded, none deleted on the chat page; and when the companies the notes
declare to each other come out as they were (a new "Name (TICK)" anywhere re-tags every note,
so those files are parsed after all, in a second pass). Unparsed notes take part in finding
repeated content and shared declarations through their rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path

from ingest import LoadFailure, Note, NoteLoader, TickerResolver
from ingest.declarations import Declarations
from ingest.duplicates import drop_repeats, fingerprint
from ingest.loader import Unchanged, parser_digest
from ingest.note import note_declarations, with_shared_declarations
from ingest.readers.notes import container_of
from ragbot.settings import Settings
from ragbot.userdata import is_excluded
from vectorstore import NoteIndex
from vectorstore.parsed import ParsedNote
from vectorstore.versioning import STORE_SCHEMA


def notes_folder(root: Path) -> Path:
    """``root`` when it is a folder; else FileNotFoundError saying what it is instead (a file
    given for its folder is the usual slip: notes are ingested a folder at a time)."""
    if root.is_dir():
        return root
    if root.is_file():
        raise FileNotFoundError(f"notes folder not found: {root} is a file; give the folder that holds it ({root.parent})")
    raise FileNotFoundError(f"notes folder not found: {root}")


def parse_context(settings: Settings, loader: NoteLoader) -> str:
    """A digest of everything besides a file that its notes and chunks depend on: the parsing
    code, the reading and chunking settings, the store's schema, and the company table the
    loader resolves with (the alias files, and companies learned from the notes)."""
    parts = [
        parser_digest(), STORE_SCHEMA, settings.chunk_size, settings.chunk_overlap, loader.max_bytes,
        astuple(loader.limits), loader.resolver.directory.digest(),
    ]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


@dataclass
class FolderRead:
    """The notes of a folder, ready to chunk, and what was not parsed."""

    notes: list[Note] = field(default_factory=list)  # parsed, without repeats, companies shared
    resolver: TickerResolver | None = None  # the loader's, plus every company a note declares
    unparsed: list[ParsedNote] = field(default_factory=list)  # notes of files taken as read
    failed: list[LoadFailure] = field(default_factory=list)
    repeats: list[LoadFailure] = field(default_factory=list)  # copies left out (stored ones are deleted)
    read: set[str] = field(default_factory=set)  # every file read (sources)
    keys: dict[str, str] = field(default_factory=dict)  # file source -> ``file_key``
    given: dict[str, int] = field(default_factory=dict)  # file source -> notes parsed from it, none dropped
    context: str = ""
    companies: str = ""  # digest of ``resolver``'s table
    declared: dict[str, Declarations] = field(default_factory=dict)  # what each parsed note declares (``note_declarations``)
    root: str = ""  # the folder read, resolved; "" behind a prefix (a scope names the folder, wherever it is mounted)
    stored_roots: dict[str, str] = field(default_factory=dict)  # file source -> the folder its stored notes came from

    @property
    def parsed(self) -> set[str]:
        """The files parsed (all read but those taken as read)."""
        return self.read - {row.file for row in self.unparsed}

    def rows(self, chunk_keys: dict[str, list[str]], problems: dict[str, tuple[str, ...]]) -> dict[str, ParsedNote]:
        """``ParsedNote`` rows for the parsed notes of files all of whose notes are indexed now
        (``chunk_keys``: the notes being indexed and their chunks' keys): a file with a failure,
        a repeat or a deleted note gets none, or it would be taken as read without them."""
        spoiled = {container_of(f.path) for f in (*self.failed, *self.repeats)}
        per_file: dict[str, list[Note]] = {}
        for note in self.notes:
            per_file.setdefault(container_of(note.source), []).append(note)
        rows = {}
        for file, notes in per_file.items():
            if file in spoiled or len(notes) != self.given[file] or any(n.source not in chunk_keys for n in notes):
                continue
            for n in notes:
                rows[n.source] = ParsedNote(
                    n.source, file, self.keys[file], self.context, self.companies, len(notes),
                    tuple(chunk_keys[n.source]), fingerprint(n), self.declared[n.source], problems.get(n.source, ()),
                    self.root,
                )
        return rows

    def from_other_folders(self, sources: list[str], fate: str) -> list[LoadFailure]:
        """A warning per other folder whose stored notes these ``sources`` are, saying their
        ``fate`` ("replaced by ...", "removed ..."): a note is known by its path under the folder
        ingested (and the scope), so one file name in two folders is one note."""
        by_root: dict[str, list[str]] = {}
        for source in sources if self.root else ():
            root = self.stored_roots.get(container_of(source), self.root)
            if root != self.root:
                by_root.setdefault(root, []).append(source)
        return [
            LoadFailure(root, f"{len(notes)} note(s) ingested from this folder {fate} ({', '.join(notes[:3])}"
                              f"{', ...' if len(notes) > 3 else ''}); to keep every folder's notes, give each folder "
                              "its own RAGBOT_NOTES_SCOPE")
            for root, notes in by_root.items()
        ]


def read_folder(
    root: Path, loader: NoteLoader, index: NoteIndex, settings: Settings, prefix: str, excluded: set[str],
    progress: Callable[[int], None], upgrading: bool = False,
) -> FolderRead:
    """Read every file under ``root`` (sources behind ``prefix``), parsing only those not taken
    as read (none while the store is ``upgrading``: its notes are all indexed anew); ``excluded``
    notes are left out; ``progress(files read)`` after each file."""
    found = FolderRead(context=parse_context(settings, loader), root="" if prefix else str(Path(root).resolve()))
    stored = {} if upgrading else index.parsed.by_file()
    found.stored_roots = {file: rows[0].root for file, rows in stored.items() if rows and rows[0].root}

    def as_read(source: str, key: str) -> bool:
        file = prefix + source
        found.keys[file] = key
        rows = stored.get(file, [])
        same = all(r.file_key == key and r.context == found.context for r in rows)
        return bool(rows) and len(rows) == rows[0].notes_in_file and same

    def load(skip: Callable[[str, str], bool], only: set[str] | None = None) -> list[str]:
        """Read the folder (only the files ``only`` names, if given); returns the files left unparsed."""
        left: list[str] = []
        for item in loader.load(root, skip):
            source = prefix + (item.path if isinstance(item, LoadFailure) else item.source)
            file = container_of(source)
            if only is not None and file not in only:
                continue
            if isinstance(item, Unchanged):
                left.append(source)
            elif isinstance(item, LoadFailure):
                found.failed.append(replace(item, path=source))
            else:
                found.given[file] = found.given.get(file, 0) + 1
                if not is_excluded(source, excluded):
                    found.notes.append(replace(item, source=source) if prefix else item)
            found.read.add(file)
            progress(len(found.read))
        return left

    rows = [row for file in load(as_read) for row in stored[file]]
    current = index.recorded({row.source: set(row.chunks) for row in rows})
    stale = {row.file for row in rows if row.source not in current or is_excluded(row.source, excluded)}
    parsed: set[str] = set()
    while True:  # parse the stale files; then any whose companies differ (at most once more)
        if stale - parsed:
            todo = stale - parsed
            load(lambda source, _key: prefix + source not in todo, only=todo)
            parsed |= todo
        unparsed = [row for row in rows if row.file not in stale]
        notes, repeats = drop_repeats(found.notes, {row.source: row.fingerprint for row in unparsed})
        copies = {r.path for r in repeats}
        unparsed = [row for row in unparsed if row.source not in copies]
        declared = note_declarations(notes, loader.resolver.directory)
        notes, resolver = with_shared_declarations(notes, loader.resolver, [*declared.values(), *(row.declarations for row in unparsed)])
        companies = resolver.directory.digest()
        retagged = {row.file for row in unparsed if row.companies != companies}
        if not retagged:
            break
        stale |= retagged
    found.notes, found.repeats, found.unparsed, found.resolver, found.companies = notes, repeats, unparsed, resolver, companies
    found.declared = declared
    return found
