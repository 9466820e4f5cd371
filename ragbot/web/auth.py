"""Login credentials for the page (``--auth user:pass`` or ``--auth-file``), the loopback check,
and who may change the store (``RAGBOT_ADMINS``)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path

from ragbot.exit_codes import CannotRun


def parse_credential(text: str) -> tuple[str, str]:
    """``"user:password"`` -> ``("user", "password")``; the password may contain colons."""
    user, sep, password = text.strip().partition(":")
    if not sep or not user or not password:
        raise ValueError("credentials must look like user:password")
    return user, password


def credentials(auth: str | None = None, auth_file: Path | None = None) -> list[tuple[str, str]] | None:
    """All accepted logins, or ``None`` when the page is open (no auth given).

    ``auth_file`` holds one ``user:password`` per line; blank lines and ``#`` comments are skipped.
    """
    found = [parse_credential(auth)] if auth else []
    if auth_file is not None:
        lines = Path(auth_file).read_text(encoding="utf-8").splitlines()
        logins = [parse_credential(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not logins:
            raise ValueError(f"no user:password lines in {auth_file}")
        found += logins
    return found or None


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the page on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def may_change_notes(login: str | None, admins: Sequence[str]) -> bool:
    """Whether ``login`` (``None``: a page without auth) may upload, re-ingest and delete notes.

    With no admins named, everyone may, as before admins existed: a page without auth has one
    local user, and on a page with logins every login may. Once admins are named, only they may;
    the other logins read, ask and keep their conversations.
    """
    return not admins or login in admins


def check_admins(admins: Sequence[str], logins: list[tuple[str, str]] | None) -> None:
    """Refuse admins nobody can log in as (``CannotRun``): without auth no one has a name, and a
    name missing from the logins is a typo that would leave the page without an admin."""
    if not admins:
        return
    if logins is None:
        raise CannotRun("RAGBOT_ADMINS names logins: serve the page with --auth or --auth-file")
    unknown = sorted(set(admins) - {user for user, _ in logins})
    if unknown:
        raise CannotRun(f"RAGBOT_ADMINS names {', '.join(unknown)}, not among the page's logins")
