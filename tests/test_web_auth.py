"""Logins for the page and the warning for an open, non-loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from ragbot.settings import Settings
from ragbot.web import app
from ragbot.web.auth import credentials, is_loopback, parse_credential


def test_credentials_from_flag_and_file(tmp_path: Path):
    logins = tmp_path / "logins"
    logins.write_text("# analysts\nana:s3cret\n\n  bo:pa:ss  \n")
    assert credentials("root:toor", logins) == [("root", "toor"), ("ana", "s3cret"), ("bo", "pa:ss")]
    assert credentials() is None


@pytest.mark.parametrize("bad", ["nopassword", "user:", ":pass", ""])
def test_malformed_credentials_are_refused(bad):
    with pytest.raises(ValueError):
        parse_credential(bad)


def test_an_auth_file_without_logins_is_an_error_not_an_open_page(tmp_path: Path):
    empty = tmp_path / "logins"
    empty.write_text("# nobody yet\n")
    with pytest.raises(ValueError):
        credentials(None, empty)


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


class FakeBot:
    warmed = 0
    settings = Settings(_env_file=None)  # no LLM configured: no privacy notice

    def warm_up(self):
        self.warmed += 1
        return self


@pytest.mark.parametrize("host, auth, warns", [("0.0.0.0", None, True), ("0.0.0.0", "a:b", False), ("127.0.0.1", None, False)])
def test_serve_warms_up_once_and_warns_when_open_to_the_network(monkeypatch, capsys, host, auth, warns):
    launched = {}
    monkeypatch.setattr(app, "launch", lambda bot, **options: launched.update(options))
    bot = FakeBot()
    app.serve(bot, host=host, port=7999, auth=auth)
    assert bot.warmed == 1
    assert launched == {"server_name": host, "server_port": 7999, "auth": [("a", "b")] if auth else None, "quiet": True}
    out = capsys.readouterr()
    assert ("without --auth" in out.err) is warns
    assert f"http://{host}:7999" in out.out  # ragbot's own address line replaces Gradio's
