"""The user's notes beside the store: the uploads folder the chat page saves notes to, and
which loaded notes stay out because they were deleted from the store but kept on disk (the
list itself: ``vectorstore.excluded``, kept where the store keeps its shared state).

Uploaded notes are stored as ``uploads/<name>``: ingesting the uploads folder gives its notes
that prefix, and syncing any other folder keeps the uploads whose files are still there (in
server mode every upload: its file may be on another replica).

A note's identity across machines (docs/team.md) is its *source*: the path relative to the
folder it was ingested from, behind ``<notes_scope>/`` when the setting names this machine's
folder in a shared store (``alice/aapl/q3.md``, ``alice/uploads/memo.txt``). A sync removes
only notes under its own scope, so it never deletes what another machine ingested.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ingest.readers.notes import container_of
from ragbot.exit_codes import CannotRun
from ragbot.settings import Settings

UPLOADED = "uploads/"  # source prefix of the notes saved by the page (the uploads folder's notes)


def uploads_folder(settings: Settings) -> Path:
    """Where uploads are saved: ``settings.uploads_dir``, else ``<store_dir>/uploads``."""
    return Path(settings.uploads_dir or Path(settings.store_dir) / "uploads")


class ScopeRequired(CannotRun):
    """A sync in server mode without ``notes_scope`` would delete other machines' notes."""


def sync_scope(settings: Settings) -> None:
    """Refuse a sync that cannot tell this machine's notes from others' (``ScopeRequired``)."""
    if settings.server_mode and not settings.notes_scope:
        raise ScopeRequired(
            "a sync in a shared store needs RAGBOT_NOTES_SCOPE (this machine's name for its notes folder, "
            "e.g. alice-laptop), so it never removes notes other machines ingested"
        )


def scope_prefix(settings: Settings) -> str:
    """``"<notes_scope>/"`` in front of every source this machine ingests (``""`` unset)."""
    return f"{settings.notes_scope.strip('/ ')}/" if settings.notes_scope else ""


def uploads_prefix(settings: Settings) -> str:
    return scope_prefix(settings) + UPLOADED


def source_prefix(root: Path, settings: Settings) -> str:
    """The uploads prefix when ``root`` is the uploads folder, else the scope's (``""`` unset)."""
    uploads = Path(root).resolve() == uploads_folder(settings).resolve()
    return uploads_prefix(settings) if uploads else scope_prefix(settings)


def uploaded_file(source: str, settings: Settings) -> Path | None:
    """The file in the uploads folder that the stored note ``source`` came from (None for others)."""
    prefix = uploads_prefix(settings)
    if not source.startswith(prefix):
        return None
    folder = uploads_folder(settings).resolve()
    path = folder / container_of(source)[len(prefix) :]
    return path if path.resolve().parent == folder else None


def upload_kept(source: str, settings: Settings) -> bool:
    """Whether a sync of the notes folder keeps the stored note ``source`` as an upload: while
    its file is there; in server mode always, as its file may be on another replica (the
    page's Delete removes an upload from the store, whichever replica saved it)."""
    path = uploaded_file(source, settings)
    return path is not None and (settings.server_mode or path.is_file())


def kept_by_sync(stored: Iterable[str], prefix: str, settings: Settings) -> set[str]:
    """The stored notes a sync of the folder with source ``prefix`` must not remove: notes
    outside it (another scope's, i.e. another machine's; the notes folder's when syncing
    uploads), and uploads (``upload_kept``) when syncing the notes folder."""
    return {
        s for s in stored
        if not s.startswith(prefix) or (prefix != uploads_prefix(settings) and upload_kept(s, settings))
    }


def is_excluded(source: str, excluded: set[str]) -> bool:
    """Whether a loaded note (or an attachment of an excluded mail) stays out."""
    return source in excluded or container_of(source) in excluded
