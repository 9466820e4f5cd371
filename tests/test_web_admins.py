"""Admins (RAGBOT_ADMINS): only the named logins may upload, re-ingest and delete notes. The
server refuses the others whatever their page shows, tested over HTTP as a browser sends events."""

from __future__ import annotations

import shutil

import pytest
from conftest import EXAMPLES, make_settings
from gradio_http import PageSession
from chat_browser import free_port

from ragbot import Ragbot
from ragbot.exit_codes import CannotRun
from ragbot.web.app import launch
from ragbot.web.auth import check_admins, may_change_notes
from ragbot.web.notes import ADMINS_ONLY

LOGINS = [("ana", "ana-pw"), ("bo", "bo-pw")]
FIRST, LATER = "aapl-services.txt", "tsla-robotaxi.txt"  # ingested before the page opens; waiting in the folder


def test_admins_come_from_a_comma_separated_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("RAGBOT_ADMINS", " ana, bo ,")
    assert make_settings(tmp_path).admins == ["ana", "bo"]
    monkeypatch.delenv("RAGBOT_ADMINS")
    assert make_settings(tmp_path).admins == []


@pytest.mark.parametrize("login, admins, allowed", [
    (None, [], True),  # no auth: the local user
    ("bo", [], True),  # logins but no admins named: every login, as before admins existed
    ("ana", ["ana"], True),
    ("bo", ["ana"], False),
    (None, ["ana"], False),
])
def test_who_may_change_notes(login, admins, allowed):
    assert may_change_notes(login, admins) is allowed


def test_admins_must_be_logins_of_the_page():
    check_admins([], None)
    check_admins(["ana"], LOGINS)
    with pytest.raises(CannotRun, match="--auth"):
        check_admins(["ana"], None)
    with pytest.raises(CannotRun, match="anna"):
        check_admins(["anna"], LOGINS)


@pytest.fixture(scope="module")
def admin_page(tmp_path_factory, embeddings):
    """A page with two logins, ana the only admin; one note stored, another in the notes folder."""
    root = tmp_path_factory.mktemp("admins")
    notes = root / "notes"
    notes.mkdir()
    shutil.copy(EXAMPLES / FIRST, notes / FIRST)
    bot = Ragbot(make_settings(root / "store", notes_dir=notes, admins=["ana"]))
    assert bot.ingest().ok
    shutil.copy(EXAMPLES / LATER, notes / LATER)
    bot.warm_up()
    port = free_port()
    demo = launch(bot, server_name="127.0.0.1", server_port=port, auth=LOGINS, prevent_thread_lock=True, quiet=True)
    yield bot, f"http://127.0.0.1:{port}"
    demo.close()


def stored(bot: Ragbot) -> set[str]:
    return set(bot.index.sources())


def opened(url: str, login: tuple[str, str]) -> PageSession:
    """A session of the page as the browser opens it: the store's views loaded (the notes a
    delete may name are the choices they list)."""
    session = PageSession(url, login)
    assert session.call("store_views", None, None, None).success
    return session


@pytest.mark.slow
def test_a_login_that_is_not_an_admin_is_refused_by_the_server(admin_page):
    bot, url = admin_page
    bo = opened(url, LOGINS[1])
    rows_shown = bo.call("notes_controls")
    assert rows_shown.success and [u["visible"] for u in rows_shown.data] == [False, False, True]  # two rows hidden, the notice shown
    for name, inputs in (("reingest_notes", (True, False)), ("ask_delete_note", (FIRST,)), ("delete_note", (FIRST,))):
        refused = bo.call(name, *inputs)
        assert not refused.success and refused.error == ADMINS_ONLY, name
    assert stored(bot) == {FIRST}  # nothing re-ingested, nothing deleted


@pytest.mark.slow
def test_an_admin_changes_the_store(admin_page):
    bot, url = admin_page
    ana = opened(url, LOGINS[0])
    assert [u["visible"] for u in ana.call("notes_controls").data] == [True, True, False]
    done = ana.call("reingest_notes", False, False)
    assert done.success and "rb-count-added" in done.data[0]
    assert stored(bot) == {FIRST, LATER}
    assert ana.call("store_views", None, None, None).success  # the page's refresh after a change: the new note is a choice
    deleted = ana.call("delete_note", LATER)
    assert deleted.success and f"Deleted {LATER}" in deleted.data[0]
    assert stored(bot) == {FIRST}
