"""A Gradio page's events called over HTTP as its browser calls them (``queue/join``, then the
``queue/data`` event stream), private events included: what a logged-in user can send to the
server whatever the page shows them. ``ProxiedBrowser`` is such a session through the team's
proxy, with its own cookie jar (its sticky replica)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from ragbot.deploy import REPLICA_HEADER

TIMEOUT = 120.0  # seconds for one event (a re-ingest embeds)


@dataclass(frozen=True)
class Outcome:
    """How an event ended: its outputs, or the error the server raised."""

    success: bool
    data: list[Any]
    error: str | None


class PageSession:
    """One browser session of the page at ``url``, logged in as ``login`` (user, password) if given."""

    def __init__(self, url: str, login: tuple[str, str] | None = None, http: httpx.Client | None = None):
        self.http = http or httpx.Client(base_url=url, timeout=TIMEOUT)
        if login is not None:
            self.http.post("/login", data={"username": login[0], "password": login[1]}).raise_for_status()
        self.config = self.http.get("/config").raise_for_status().json()
        self.session_hash = uuid.uuid4().hex[:11]

    def fn_index(self, api_name: str) -> int:
        found = [d["id"] for d in self.config["dependencies"] if d.get("api_name") == api_name]
        assert len(found) == 1, f"{len(found)} events named {api_name!r}"
        return found[0]

    def call(self, api_name: str, *data: Any) -> Outcome:
        """Run the event named ``api_name`` with ``data`` as its inputs and wait for its end."""
        body = {"data": list(data), "fn_index": self.fn_index(api_name), "session_hash": self.session_hash, "event_data": None, "trigger_id": None}
        event_id = self.http.post("/gradio_api/queue/join", json=body).raise_for_status().json()["event_id"]
        with self.http.stream("GET", "/gradio_api/queue/data", params={"session_hash": self.session_hash}) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines():
                message = json.loads(line.removeprefix("data: ")) if line.startswith("data: ") else {}
                if message.get("msg") == "process_completed" and message.get("event_id") == event_id:
                    output = message.get("output") or {}
                    return Outcome(bool(message.get("success")), output.get("data") or [], output.get("error"))
        raise AssertionError(f"the event stream ended before {api_name} completed")


class ProxiedBrowser:
    """A browser session through the proxy that records which replica answered each request."""

    def __init__(self, url: str):
        self.replicas: list[str] = []
        self.http = httpx.Client(base_url=url, timeout=TIMEOUT, event_hooks={"response": [self._record]})
        self.page = PageSession(url, http=self.http)

    def _record(self, response: httpx.Response) -> None:
        self.replicas.append(response.headers[REPLICA_HEADER])
