"""One writer at a time within a process: the web page's uploads and re-ingests and a folder
watcher's ingests run in different threads over one ``Ragbot``."""

from __future__ import annotations

import functools
import threading


def one_writer(method):
    """Run ``method`` under its object's write lock (re-entrant, created on first use)."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        lock = self.__dict__.setdefault("_write_lock", threading.RLock())  # setdefault is atomic
        with lock:
            return method(self, *args, **kwargs)

    return locked
