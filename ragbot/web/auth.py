"""Login credentials for the page (``--auth user:pass`` or ``--auth-file``) and the loopback check."""

from __future__ import annotations

import ipaddress
from pathlib import Path


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
