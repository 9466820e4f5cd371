"""Exit codes shared by every ``ragbot`` command, and the guard that turns a crash into one line.

0: done; 1: done, but some notes failed (``ingest``); 2: could not run (a missing folder, bad
settings, a store in use); 3: crashed, with a one-line message (the traceback with ``--debug``).
"""

from __future__ import annotations

import sys
import traceback

import typer
from pydantic import ValidationError

from vectorstore.locking import StoreBusy
from vectorstore.servers import StoreUnavailable
from vectorstore.versioning import ModelMismatch

OK, SOME_FAILED, CANNOT_RUN, CRASHED = 0, 1, 2, 3
INTERRUPTED = 130  # the shell's code for Ctrl+C


class CannotRun(Exception):
    """The command could not start its work; the message says why, in one line."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "no message"


def describe(error: BaseException) -> tuple[int, str]:
    """The exit code and the one-line message for an error that ended a command."""
    if isinstance(error, (CannotRun, StoreBusy, ModelMismatch, StoreUnavailable)):  # the store cannot be used as it is
        return CANNOT_RUN, _one_line(error)
    if isinstance(error, ValidationError):
        fields = "; ".join(
            f"RAGBOT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" if e["loc"] else e["msg"].removeprefix("Value error, ")
            for e in error.errors(include_url=False)
        )
        return CANNOT_RUN, _one_line(f"bad settings: {fields}")
    return CRASHED, _one_line(f"crashed: {type(error).__name__}: {error}")


class GuardedTyper(typer.Typer):
    """A Typer app whose uncaught errors exit with ``CANNOT_RUN`` or ``CRASHED`` and one line
    on stderr instead of a traceback (shown when ``debug`` is set, by the ``--debug`` flag)."""

    debug = False

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except KeyboardInterrupt:
            print("ragbot: interrupted", file=sys.stderr)
            sys.exit(INTERRUPTED)
        except Exception as error:
            code, message = describe(error)
            if self.debug:
                traceback.print_exception(error)
            hint = "" if self.debug or code == CANNOT_RUN else " (run with --debug for the traceback)"
            print(f"ragbot: {message}{hint}", file=sys.stderr)
            sys.exit(code)
