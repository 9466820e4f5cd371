"""A team's deployment (issue 15, docs/team.md) against REAL servers started by this test run
on loopback: a Debian PostgreSQL cluster and ``chroma run``. Replicas and ingesting machines
are separate processes with separate store folders, sharing only the servers."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import EVAL_NOTES, EXAMPLES, HOLDOUT_NOTES, make_settings
from ingest_helpers import assert_store_consistent, cli_command
from sqlalchemy import create_engine, text
from gradio_http import PageSession, ProxiedBrowser
from team_servers import ChromaServer, Proxy, Served, free_port, server_settings, start_postgres, team_env
from test_serve_follows_ingest import client_when_served

from ragbot import Ragbot
from ragbot.conversations import Filter, Turn
from ragbot.deploy import STICKY_COOKIE, Replica
from ragbot.web.chat import Chat
from ragbot.web.history import store_for
from ragbot.userdata import uploads_folder
from ragbot.web.notes import Notes
from vectorstore.servers import RECORDS_TABLE, StoreUnavailable
from vectorstore.versioning import STORE_SCHEMA, ModelMismatch, StoreVersion

pytestmark = pytest.mark.slow

LATER = ("lly-q2-mounjaro.txt", "lly-q3-zepbound.txt", "jpm-q3-credit.txt")  # notes a second machine adds
POLL = 0.05  # seconds between looks at the record table while an ingest writes


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """PostgreSQL and Chroma's server for the whole session; each test uses its own collection."""
    try:
        postgres = start_postgres()
    except RuntimeError as error:  # setup installs postgresql: missing binaries are a failure, not a skip
        pytest.fail(str(error))
    chroma = ChromaServer(tmp_path_factory.mktemp("chroma-server"), free_port())
    try:
        chroma.start()
        yield postgres, chroma
    finally:
        chroma.stop()
        postgres.remove()


def team_settings(servers, collection: str) -> dict[str, str]:
    return {**server_settings(*servers), "collection": collection}


def machine(servers, collection: str, tmp_path: Path, name: str, **extra) -> Ragbot:
    """A Ragbot as one machine runs it: its own store folder (embedding cache), shared servers."""
    return Ragbot(make_settings(tmp_path / name, **team_settings(servers, collection), **extra))


def machine_env(servers, collection: str, tmp_path: Path, name: str, **extra) -> dict[str, str]:
    return team_env(*servers, collection=collection, store_dir=tmp_path / name, **extra)


def cli(env: dict[str, str], *args, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(cli_command(*args), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate()
    return process.returncode, out, err


def copy_notes(target: Path, folder: Path, names=None) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.iterdir()):
        if path.is_file() and (names is None or path.name in names):
            shutil.copy(path, target / path.name)
    return target


def test_two_replicas_ingest_through_one_answer_through_the_other(servers, tmp_path):
    """A running ``ragbot serve`` answers from notes another machine ingests, with no restart."""
    writer = machine(servers, "replicas", tmp_path, "machine-a", notes_scope="a")
    assert writer.ingest(EXAMPLES).added
    port = free_port()
    replica = subprocess.Popen(cli_command("serve", "--port", port), cwd=tmp_path, env=machine_env(servers, "replicas", tmp_path, "replica"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        client = client_when_served(replica, port)
        before = client.predict("What were the main risks?", ["LLY"], api_name="/ask")
        assert not before["found"]
        report = writer.ingest(copy_notes(tmp_path / "later", HOLDOUT_NOTES, LATER))
        assert len(report.added) == len(LATER)
        mounjaro = client.predict("How did Mounjaro sales grow at Eli Lilly?", None, api_name="/ask")
        credit = client.predict("How much net interest income did JPMorgan bring in during Q3 2025?", ["JPM"], api_name="/ask")
    finally:
        replica.terminate()
        replica.wait(timeout=60)
    assert mounjaro["found"] and all(c["source"].startswith("a/lly-") for c in mounjaro["citations"])
    assert credit["found"] and all(c["source"].startswith("a/jpm-") for c in credit["citations"])


def test_two_concurrent_ingests_of_overlapping_folders_lose_and_duplicate_nothing(servers, tmp_path):
    """Two processes ingest at once into one collection, one folder a superset of the other
    (same scope: the same notes have the same sources); the store ends as one ingest of the union."""
    small = copy_notes(tmp_path / "small", EXAMPLES)
    large = copy_notes(copy_notes(tmp_path / "large", EXAMPLES), HOLDOUT_NOTES, LATER)
    runs = [cli(machine_env(servers, "concurrent", tmp_path, f"machine-{n}", notes_scope="shared"), "ingest", folder, "--json", cwd=tmp_path)
            for n, folder in enumerate((small, large))]
    outcomes = [finished(run) for run in runs]
    assert [code for code, _, _ in outcomes] == [0, 0], [err[-1500:] for _, _, err in outcomes]
    reports = [json.loads(out) for _, out, _ in outcomes]
    bot = machine(servers, "concurrent", tmp_path, "checker")
    ids = assert_store_consistent(bot)  # Chroma == records == lexical, (source, chunk) pairs unique
    assert len(ids) == reports[1]["chunks"]
    assert {h.source for h in bot.search("Mounjaro Zepbound sales", k=20)} & {"shared/lly-q2-mounjaro.txt", "shared/lly-q3-zepbound.txt"}
    assert bot.doctor().ok
    assert bot.index.lexical.mentions("Zepbound") and not bot.index.lexical.mentions("Zorblax")  # Postgres' word lookup
    assert bot.index.lexical.mentions("Zepb", prefix=True) and not bot.index.lexical.mentions("Zorb", prefix=True)  # ... by a word's start


def test_sync_on_one_machine_never_deletes_another_machines_notes(servers, tmp_path):
    alice = machine(servers, "scopes", tmp_path, "alice", notes_scope="alice")
    bob_notes = copy_notes(tmp_path / "bob-notes", HOLDOUT_NOTES, LATER)
    bob = machine(servers, "scopes", tmp_path, "bob", notes_scope="bob")
    alice.ingest(copy_notes(tmp_path / "alice-notes", EXAMPLES))
    bob.ingest(bob_notes)
    (bob_notes / LATER[0]).unlink()
    report = bob.ingest(bob_notes, sync=True)
    assert report.deleted == [f"bob/{LATER[0]}"]
    sources = set(alice.index.sources())
    assert {f"alice/{p.name}" for p in EXAMPLES.iterdir() if p.is_file()} <= sources
    assert {f"bob/{name}" for name in LATER[1:]} <= sources and f"bob/{LATER[0]}" not in sources
    unscoped = machine(servers, "scopes", tmp_path, "carol")
    done = subprocess.run(cli_command("ingest", bob_notes, "--sync"), cwd=tmp_path, env=machine_env(servers, "scopes", tmp_path, "carol"),
                          capture_output=True, text=True)
    assert done.returncode == 2 and "RAGBOT_NOTES_SCOPE" in done.stderr
    assert set(unscoped.index.sources()) == sources


def test_doctor_reports_the_servers_and_conversations_live_in_postgres(servers, tmp_path):
    env = machine_env(servers, "doctor", tmp_path, "machine")
    done = subprocess.run(cli_command("doctor", "--json"), cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-1500:]
    checks = {c["name"]: c for c in json.loads(done.stdout)["servers"]}
    assert checks.keys() == {"chroma", "postgres", "schema"} and all(c["ok"] for c in checks.values())
    assert checks["postgres"]["detail"].startswith("PostgreSQL ") and checks["chroma"]["detail"].startswith("Chroma server API ")
    settings = make_settings(tmp_path / "machine", **team_settings(servers, "doctor"))
    first, second = store_for(settings), store_for(make_settings(tmp_path / "other-replica", **team_settings(servers, "doctor")))
    assert first.engine.dialect.name == "postgresql"
    answer = machine(servers, "doctor", tmp_path, "machine").ask("hello?")
    saved = first.save_turn("user:ann", None, 0, Turn("hello?", answer, Filter()))
    assert [c.id for c in second.list("user:ann")] == [saved]  # another replica sees it


def test_postgres_killed_mid_ingest_then_restarted_resumes_to_a_clean_store(servers, tmp_path):
    postgres, _ = servers
    env = machine_env(servers, "killed", tmp_path, "machine", notes_scope="m", index_batch_size="2")
    watcher = create_engine(postgres.url)
    run = cli(env, "ingest", EVAL_NOTES, "--json", cwd=tmp_path)
    try:
        while run.poll() is None and not recorded(watcher, "killed"):
            time.sleep(POLL)
        postgres.stop("immediate")  # every backend killed, as in a crash
        code, _, err = finished(run)
        answering = machine(servers, "killed", tmp_path, "replica")
        with pytest.raises(StoreUnavailable, match="store unavailable: PostgreSQL"):
            answering.ask("What is driving Nvidia's data center revenue?")
        shown = list(Chat(answering).respond("What is driving Nvidia's data center revenue?", [], None))[-1][1][-1]["content"]
        down = subprocess.run(cli_command("ask", "What are Apple's risks?"), cwd=tmp_path, env=env, capture_output=True, text=True)
    finally:
        postgres.start()
    assert code == 2 and err.strip().splitlines()[-1].startswith("ragbot: store unavailable"), err[-1500:]
    assert "store unavailable" in shown and "Traceback" not in shown
    assert down.returncode == 2 and len(down.stderr.strip().splitlines()) == 1 and "store unavailable" in down.stderr
    env.pop("RAGBOT_INDEX_BATCH_SIZE")  # small batches only so the kill lands between two of them
    again = subprocess.run(cli_command("ingest", EVAL_NOTES, "--json"), cwd=tmp_path, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-1500:]
    report = json.loads(again.stdout)
    assert report["unchanged"] + report["updated"] >= 1, f"the killed run wrote nothing: it was not killed mid-ingest {report}"
    ids = assert_store_consistent(answering)
    assert len(ids) == report["chunks"] and answering.doctor().ok
    assert answering.ask("What is driving Nvidia's data center revenue?").found  # the same replica recovered by itself


def test_a_note_deleted_through_one_replica_stays_out_of_another_machines_ingest(servers, tmp_path):
    """The deleted-notes list lives in the database: a note deleted on one replica's page is left
    out when another machine (its own store folder, the same shared drive and scope) re-ingests,
    until that machine asks for it back with ``--include-deleted``."""
    drive = copy_notes(tmp_path / "drive", EXAMPLES)
    replica = machine(servers, "excluded", tmp_path, "replica", notes_scope="drive", notes_dir=drive)
    assert replica.ingest().added
    deleted = "drive/tsla-robotaxi.txt"
    message, *_ = Notes(replica).delete(deleted)
    assert "stays on disk" in message and deleted not in replica.index.sources()

    laptop = machine(servers, "excluded", tmp_path, "laptop", notes_scope="drive")
    report = laptop.ingest(drive, sync=True)
    assert report.excluded == [deleted] and not report.added and deleted not in laptop.index.sources()
    assert not list((tmp_path / "laptop").glob("*.excluded.json")) and not list((tmp_path / "replica").glob("*.excluded.json"))

    env = machine_env(servers, "excluded", tmp_path, "laptop", notes_scope="drive")
    code, out, err = finished(cli(env, "ingest", drive, "--include-deleted", "--json", cwd=tmp_path))
    assert code == 0, err[-1500:]
    back = json.loads(out)
    assert (back["added"], back["excluded"]) == (1, [])
    assert deleted in replica.index.sources() and replica.store.excluded.sources() == set()
    assert replica.ingest().excluded == []  # back for every machine


def test_a_machine_with_another_embedding_model_is_refused_by_the_shared_store(servers, tmp_path):
    """The store's version lives in the database: a machine whose folder never saw the store
    still refuses to mix another model's vectors into it, ingesting or answering, and says how out."""
    first = machine(servers, "models", tmp_path, "first", notes_scope="first")
    first.ingest(copy_notes(tmp_path / "first-notes", EXAMPLES))
    assert first.store.versions.read() == StoreVersion(STORE_SCHEMA, "all-MiniLM-L6-v2", 384)
    assert not list((tmp_path / "first").glob("*.store.json"))
    other_model = "sentence-transformers/all-MiniLM-L6-v2"
    env = machine_env(servers, "models", tmp_path, "second", notes_scope="second", embedding_model=other_model)
    done = subprocess.run(cli_command("ingest", copy_notes(tmp_path / "second-notes", HOLDOUT_NOTES, LATER)),
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr[-1500:]
    refusal = done.stderr.strip().splitlines()[-1]
    assert "embedded with 'all-MiniLM-L6-v2' (384 dimensions)" in refusal and "ragbot reembed" in refusal, refusal
    assert "RAGBOT_EMBEDDING_MODEL=all-MiniLM-L6-v2" in refusal
    replica = machine(servers, "models", tmp_path, "replica", embedding_model=other_model)
    with pytest.raises(ModelMismatch, match="ragbot reembed"):
        replica.ask("What were Apple's services risks?")
    assert not any(s.startswith("second/") for s in first.index.sources())
    assert first.store.versions.read().embedding_model == "all-MiniLM-L6-v2"


def test_an_upload_through_one_replica_is_shared_and_no_other_replicas_sync_removes_it(servers, tmp_path):
    """Two replicas of one scope with their own uploads folders: a note uploaded through one is
    in the shared store, a re-ingest with sync through either keeps it, and a delete through the
    other removes it from the store and keeps it out, its file left where it was saved."""
    notes = copy_notes(tmp_path / "notes", EXAMPLES)
    first, second = (machine(servers, "uploads", tmp_path, name, notes_scope="team", notes_dir=notes) for name in ("replica-a", "replica-b"))
    first.ingest()
    uploaded = LATER[0]
    Notes(first).ingest_uploads([str(HOLDOUT_NOTES / uploaded)], progress=lambda *args, **kwargs: None)
    saved, source = uploads_folder(first.settings) / uploaded, f"team/uploads/{uploaded}"
    assert saved.is_file() and source in second.index.sources()
    assert first.ingest(sync=True).deleted == [] and second.ingest(sync=True).deleted == []
    assert source in first.index.sources()

    question, _ = Notes(second).ask_delete(source)
    assert f"not in {uploads_folder(second.settings)} here" in question, question
    Notes(second).delete(source)
    assert saved.is_file() and source not in first.index.sources()
    assert first.ingest(uploads_folder(first.settings)).excluded == [source]


def recorded(engine, collection: str) -> int:
    """Records the ingest has written so far (0 before the table exists)."""
    with engine.connect() as connection:
        if not connection.execute(text(f"SELECT to_regclass('{RECORDS_TABLE}')")).scalar():
            return 0
        return connection.execute(text(f"SELECT count(*) FROM {RECORDS_TABLE} WHERE namespace = :n"), {"n": f"chroma/{collection}"}).scalar()


def test_scoped_sources_in_the_embedded_store(tmp_path, embeddings):
    """The scope works without servers too: two folders share one embedded store, each sync
    removes only its own notes, and the scope's uploads stay while their files do."""
    store = tmp_path / "store"
    alice = Ragbot(make_settings(store, notes_scope="alice"))
    bob = Ragbot(make_settings(store, notes_scope="bob"))
    alice_notes = copy_notes(tmp_path / "alice", EXAMPLES)
    uploads = copy_notes(store / "uploads", HOLDOUT_NOTES, LATER[:1])
    alice.ingest(alice_notes)
    alice.ingest(uploads)
    bob.ingest(copy_notes(tmp_path / "bob", HOLDOUT_NOTES, LATER[1:]))
    gone = sorted(alice_notes.iterdir())[0]
    gone.unlink()
    assert alice.ingest(alice_notes, sync=True).deleted == [f"alice/{gone.name}"]
    sources = set(alice.index.sources())
    assert f"alice/uploads/{LATER[0]}" in sources and {f"bob/{name}" for name in LATER[1:]} <= sources
    assert all(s.startswith(("alice/", "bob/")) for s in sources)


def test_two_replicas_behind_a_sticky_proxy(servers, tmp_path):
    """HAProxy with ragbot's configuration (deploy/haproxy.cfg) in front of two ``ragbot serve``
    replicas: each browser session sticks to one replica (its cookie), so Gradio's queue and event
    stream, separate requests, meet the same process; a note ingested through one replica's page
    answers a question asked through the proxy on either."""
    later = copy_notes(tmp_path / "team-notes", HOLDOUT_NOTES, LATER)
    replicas = [Served(free_port(), machine_env(servers, "proxied", tmp_path, f"replica-{n}", notes_dir=later, notes_scope="a")) for n in range(2)]
    proxy = Proxy(tmp_path, free_port())
    try:
        for replica in replicas:
            replica.start(cwd=tmp_path)
        for replica in replicas:
            replica.wait()
        proxy.start([Replica(f"r{n}", "127.0.0.1", replica.port) for n, replica in enumerate(replicas)])
        browsers = [ProxiedBrowser(f"http://127.0.0.1:{proxy.port}") for _ in range(2)]
        mounjaro = "How did Mounjaro sales grow at Eli Lilly?"
        before = [b.page.call("ask", mounjaro, None) for b in browsers]
        ingested = PageSession(f"http://127.0.0.1:{replicas[0].port}").call("reingest_notes", False, False)  # replica r0's own page
        after = [b.page.call("ask", mounjaro, None) for b in browsers]
    finally:
        proxy.stop()
        for replica in replicas:
            replica.stop()
    assert ingested.success and f'rb-count-added"><b>{len(LATER)}</b>' in ingested.data[0]
    stuck = [set(b.replicas) for b in browsers]
    assert stuck == [{"r0"}, {"r1"}], stuck  # round robin for new browsers, then every request to the same replica
    assert all(b.http.cookies[STICKY_COOKIE] == f"r{n}" for n, b in enumerate(browsers))
    assert all(outcome.success and not outcome.data[0]["found"] for outcome in before)
    for outcome in after:
        answer = outcome.data[0]
        assert answer["found"] and all(c["source"].startswith("a/lly-") for c in answer["citations"])



def test_an_unchanged_folder_is_parsed_by_no_machine_again(servers, tmp_path):
    """What each note was parsed from lives in PostgreSQL beside the records
    (``vectorstore.parsed``): another machine re-ingesting the same scoped folder parses none of
    it, and parses an edited file alone."""
    drive = copy_notes(tmp_path / "drive", EXAMPLES)
    first = machine(servers, "unparsed", tmp_path, "one", notes_scope="drive").ingest(drive)
    second = machine(servers, "unparsed", tmp_path, "two", notes_scope="drive")
    again = second.ingest(drive, sync=True)
    assert first.parsed == len(first.added) > 0 and again.parsed == 0
    assert sorted(again.unchanged) == sorted(first.added) and not again.deleted and again.chunks == first.chunks
    edited = drive / "tsla-robotaxi.txt"
    edited.write_text("Tesla said robotaxi rides doubled in October.\n" + edited.read_text(encoding="utf-8"), encoding="utf-8")
    report = second.ingest(drive, sync=True)
    assert report.parsed == 1 and report.updated == ["drive/tsla-robotaxi.txt"]
    assert_store_consistent(second)
