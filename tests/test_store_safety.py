"""One store, several processes: one writer at a time, readers that follow writes, and
``ragbot doctor`` finding and repairing a store broken on purpose. Real processes, real Chroma."""

from __future__ import annotations

import dataclasses

import json
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLES, HOLDOUT_NOTES, make_settings
from ingest_helpers import assert_store_consistent, chroma_ids, cli_command, cli_env, note_text, run_cli, write, write_synthetic_notes

from ingest import NoteChunker
from ragbot import Ragbot
from vectorstore.doctor import hnsw_missing
from vectorstore.embeddings import LazyEmbeddings
from vectorstore.locking import StoreLocks
from vectorstore.versioning import VersionFile

pytestmark = pytest.mark.slow


class CountingEmbeddings(LazyEmbeddings):
    """The real model, counting the texts it embeds for documents."""

    embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


def counting(bot: Ragbot) -> CountingEmbeddings:
    bot.__dict__["embeddings"] = model = CountingEmbeddings()
    return model


def start_ingest(folder: Path, store: Path, cwd: Path, *flags: str) -> subprocess.Popen:
    return subprocess.Popen(
        cli_command("ingest", folder, "--store", store, "--json", *flags),
        cwd=cwd, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def every_ticker_filter_works(bot: Ragbot) -> None:
    """A ticker-filtered HNSW query for every ticker in the store (what failed with 'Error finding id')."""
    tickers = {t for m in bot.index.metadatas() for t in m.get("about") or []}
    for ticker in sorted(tickers):
        assert bot.index.vectorstore.similarity_search("revenue growth", k=5, filter={"about": {"$contains": ticker}})


def test_two_ingests_into_one_store_at_once_leave_it_whole(tmp_path, embeddings):
    first, second, store = tmp_path / "a", tmp_path / "b", tmp_path / "store"
    write_synthetic_notes(first, 40)
    shutil.copytree(HOLDOUT_NOTES, second)
    runs = [start_ingest(first, store, tmp_path), start_ingest(second, store, tmp_path)]
    outputs = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    reports = [json.loads(out) for out, _ in outputs]
    assert reports[0]["added"] == 40 and reports[1]["added"] == len(list(second.glob("*.txt")))
    assert all(err.count("waiting") <= 1 for _, err in outputs)  # a writer that waits for the other says so once
    bot = Ragbot(make_settings(store))
    ids = assert_store_consistent(bot)
    assert len(ids) == reports[0]["chunks"] + reports[1]["chunks"]
    assert hnsw_missing(bot.index, sorted(ids)) == []
    every_ticker_filter_works(bot)
    assert bot.doctor().ok


def test_openers_of_a_new_store_at_once_all_open_it(tmp_path, embeddings):
    """Chroma's client, the record manager and the lexical index create missing tables by
    check-then-create: two ingests started together on a new store failed with "table ...
    already exists" until openers took turns."""
    for trial in range(3):
        bots = [Ragbot(make_settings(tmp_path / f"store-{trial}")) for _ in range(6)]
        together = threading.Barrier(len(bots))

        def open_store(bot: Ragbot):
            together.wait()
            return bot.index

        with ThreadPoolExecutor(len(bots)) as pool:
            assert all(index.collection.count() == 0 for index in pool.map(open_store, bots))


def test_an_ingest_embeds_while_another_writer_holds_the_lock_and_writes_after_it(tmp_path, notes_dir, embeddings):
    """Only the writes take turns: an ingest of another folder embeds meanwhile, and then
    embeds nothing again under the lock."""
    store = tmp_path / "store"
    bot = Ragbot(make_settings(store))
    model = counting(bot)
    embedded = threading.Event()
    pool = ThreadPoolExecutor(1)

    def progress(event) -> None:
        if event.stage == "embed" and event.total and event.done == event.total:
            embedded.set()

    with StoreLocks(store, "notes").writing():  # held as another process's ingest holds it
        running = pool.submit(bot.ingest, notes_dir, progress=progress)
        assert embedded.wait(timeout=600), running.exception(timeout=0) if running.done() else "nothing embedded"
        stored_meanwhile, embedded_meanwhile = bot.index.collection.count(), model.embedded
    report = running.result(timeout=600)
    pool.shutdown()
    assert stored_meanwhile == 0 and embedded_meanwhile > 0
    assert model.embedded == embedded_meanwhile == report.embedded
    assert len(assert_store_consistent(bot)) == report.chunks


def test_no_wait_fails_fast_while_another_process_writes(tmp_path, notes_dir):
    store = tmp_path / "store"
    with StoreLocks(store, "notes").writing():  # held as a running ingest holds it
        started = time.monotonic()
        done = run_cli("ingest", notes_dir, "--store", store, "--no-wait", cwd=tmp_path)
        waited = time.monotonic() - started
    assert done.returncode == 2
    assert "another ingest is writing the store" in done.stderr
    assert waited < 60  # it did not wait for the lock (held here until after it exited)


def test_a_long_lived_ragbot_answers_from_notes_another_process_ingests(tmp_path, embeddings):
    first, later, store = tmp_path / "first", tmp_path / "later", tmp_path / "store"
    shutil.copytree(EXAMPLES, first)
    later.mkdir()
    for name in ("lly-q2-mounjaro.txt", "lly-q3-zepbound.txt", "jpm-q3-credit.txt"):
        shutil.copy(HOLDOUT_NOTES / name, later / name)
    serving = Ragbot(make_settings(store))
    serving.ingest(first)
    assert serving.ask("what are Alibaba's cloud risks?").found
    assert not serving.search("Mounjaro revenue", ticker="LLY")
    done = run_cli("ingest", later, "--store", store, "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    hits = serving.search("Mounjaro revenue", ticker="LLY")
    assert hits and all(h.source.startswith("lly-") for h in hits)
    answer = serving.ask("How did Mounjaro sales grow at Eli Lilly?")
    assert answer.found and {c.source for c in answer.citations} <= {"lly-q2-mounjaro.txt", "lly-q3-zepbound.txt"}
    assert serving.ask("what are Alibaba's cloud risks?").found
    every_ticker_filter_works(serving)
    assert serving.stats().notes == len(list(first.rglob("*.*"))) + 3



def test_a_long_lived_ragbot_learns_companies_from_notes_another_process_ingests(tmp_path, embeddings):
    """A company missing from the alias table, listed in the Ticker Sentiment of notes a CLI
    ingest adds, routes in the long-lived process's next question (no restart)."""
    store = tmp_path / "store"
    serving = Ragbot(make_settings(store))
    serving.ingest(EXAMPLES)
    assert serving.route("what are Zscaler's risks?").tickers == []
    later = tmp_path / "later"
    body = (
        "Zscaler reported billings growth of 13% as large customers consolidated security vendors. "
        "Zscaler also said competition from platform vendors is lengthening sales cycles for new logos."
    )
    write(later, "zs-q3.txt", note_text(body, tickers="ZS 0.25"))
    write(later, "zs-q4.txt", note_text(body.replace("13%", "15%"), tickers="ZS 0.31"))
    assert run_cli("ingest", later, "--store", store, cwd=tmp_path).returncode == 0
    with ThreadPoolExecutor(max_workers=4) as pool:  # all at once: none may answer with the old companies
        answers = list(pool.map(lambda _: serving.ask("How fast did Zscaler's billings grow?"), range(4)))
    for answer in answers:
        assert answer.tickers == ["ZS"] and answer.found
        assert {c.source for c in answer.citations} <= {"zs-q3.txt", "zs-q4.txt"}


@pytest.fixture
def broken(tmp_path, notes_dir, embeddings):
    bot = Ragbot(make_settings(tmp_path / "store"))
    bot.ingest(notes_dir)
    return bot, assert_store_consistent(bot)


def doctor_json(store: Path, cwd: Path, *flags: str) -> tuple[int, dict]:
    done = run_cli("doctor", "--store", store, "--json", *flags, cwd=cwd)
    return done.returncode, json.loads(done.stdout)


def test_doctor_finds_and_repairs_missing_lexical_rows(broken, tmp_path):
    bot, ids = broken
    dropped = sorted(ids)[:5]
    bot.index.lexical.delete(dropped)
    code, found = doctor_json(tmp_path / "store", tmp_path)
    assert code == 1 and [(f["kind"], f["count"]) for f in found["findings"]] == [("lexical_missing", 5)]
    code, fixed = doctor_json(tmp_path / "store", tmp_path, "--repair")
    assert code == 0 and fixed["repaired"]
    assert doctor_json(tmp_path / "store", tmp_path)[1]["ok"]
    assert Ragbot(make_settings(tmp_path / "store")).index.lexical.ids() == ids


def test_doctor_drops_vectors_whose_records_are_gone_and_ingest_writes_them_again(broken, tmp_path, notes_dir):
    bot, ids = broken
    lost = sorted(bot.index.records.list_keys(group_ids=["baba-cloud-risks.txt"]))
    bot.index.records.delete_keys(lost)
    checkup = bot.doctor()
    assert [(f.kind, set(f.ids)) for f in checkup.findings] == [("unrecorded_vectors", set(lost))]
    repaired = bot.doctor(repair=True)
    assert repaired.repaired and bot.doctor().ok
    assert chroma_ids(bot) == ids - set(lost)
    again = Ragbot(make_settings(tmp_path / "store"))
    model = counting(again)
    report = again.ingest(notes_dir)
    assert report.added == ["baba-cloud-risks.txt"]
    assert model.embedded == 0  # its vectors came from the cache
    bot = again
    assert assert_store_consistent(bot) == ids


def test_doctor_drops_records_of_chunks_chroma_lost(broken):
    bot, ids = broken
    gone = sorted(ids)[:3]
    bot.index.collection.delete(ids=gone)  # behind the record manager's back
    kinds = {f.kind: set(f.ids) for f in bot.doctor().findings}
    assert kinds == {"records_without_chunks": set(gone), "lexical_extra": set(gone)}
    bot.doctor(repair=True)
    assert bot.doctor().ok and assert_store_consistent(bot) == ids - set(gone)


def test_ingest_repairs_an_hnsw_index_that_lost_vectors(tmp_path, embeddings):
    """Two raw Chroma writers without the lock: the damage the issue reproduced."""
    store = tmp_path / "store"
    folder = tmp_path / "notes"
    write_synthetic_notes(folder, 20)
    bot = Ragbot(make_settings(store))
    bot.ingest(folder)
    writer = (
        "import sys, chromadb, numpy as np\n"
        "c = chromadb.PersistentClient(path=sys.argv[1]).get_collection('notes')\n"
        "rng = np.random.default_rng(int(sys.argv[2]))\n"
        "for b in range(15):\n"
        "    c.add(ids=[f'raw-{sys.argv[2]}-{b}-{i}' for i in range(50)], embeddings=rng.random((50, 384)).tolist(),\n"
        "          documents=['raw text'] * 50, metadatas=[{'source': 'raw', 'about': ['RAW']}] * 50)\n"
    )
    python = str(Path(cli_command()[0]).with_name("python"))
    runs = [subprocess.Popen([python, "-c", writer, str(store / "chroma"), str(k)]) for k in (1, 2)]
    assert [run.wait() for run in runs] == [0, 0]
    bot = Ragbot(make_settings(store))
    damaged = hnsw_missing(bot.index, sorted(chroma_ids(bot)))
    if not damaged:
        pytest.skip("the two raw writers happened not to overlap this time")
    report = bot.ingest(folder)
    assert any("rebuilt the vector index" in notice for notice in report.store)
    assert hnsw_missing(bot.index, sorted(chroma_ids(bot))) == []
    assert assert_store_consistent(bot) and bot.doctor().ok
    every_ticker_filter_works(bot)


def test_store_records_its_model_and_refuses_another_until_reembedded(tmp_path, notes_dir, embeddings):
    store = tmp_path / "store"
    Ragbot(make_settings(store)).ingest(notes_dir)
    version = VersionFile(store, "notes").read()
    assert (version.embedding_model, version.dimension) == ("all-MiniLM-L6-v2", 384)
    other = Ragbot(make_settings(store, embedding_model="sentence-transformers/all-MiniLM-L6-v2"))
    with pytest.raises(RuntimeError, match="ragbot reembed"):
        other.ingest(notes_dir)
    with pytest.raises(RuntimeError, match="ragbot reembed"):
        other.ask("what are Alibaba's cloud risks?")
    count = other.reembed()
    assert count == len(chroma_ids(Ragbot(make_settings(store, embedding_model="sentence-transformers/all-MiniLM-L6-v2"))))
    assert VersionFile(store, "notes").read().embedding_model == "sentence-transformers/all-MiniLM-L6-v2"
    again = Ragbot(make_settings(store, embedding_model="sentence-transformers/all-MiniLM-L6-v2"))
    assert again.ask("what are Alibaba's cloud risks?").found
    assert again.ingest(notes_dir).unchanged
    assert_store_consistent(again)


def test_an_older_store_is_upgraded_without_embedding_unchanged_text(tmp_path, notes_dir, embeddings):
    """A store written before versioning (no version file, no cache) whose chunks then gain a
    metadata field: ingest re-indexes every chunk but embeds none."""
    store = tmp_path / "store"
    bot = Ragbot(make_settings(store))
    bot.ingest(notes_dir)
    ids = assert_store_consistent(bot)
    (store / "notes.store.json").unlink()
    (store / "notes.embeddings.sqlite").unlink()
    upgraded = Ragbot(make_settings(store))
    model = counting(upgraded)
    original = NoteChunker.chunk  # another issue's new field, added by the chunker

    def chunk_with_new_field(self, note):
        chunked = original(self, note)
        documents = [type(c)(page_content=c.page_content, metadata={**c.metadata, "schema_probe": 1}) for c in chunked.documents]
        return dataclasses.replace(chunked, documents=documents)

    NoteChunker.chunk = chunk_with_new_field
    try:
        report = upgraded.ingest(notes_dir)
    finally:
        NoteChunker.chunk = original
    assert report.updated and report.embedded == 0  # every chunk re-indexed, none embedded by the model
    assert model.embedded == 0  # ...with the vectors it had: none embedded anew
    assert any("upgraded from schema 1" in notice for notice in report.store)
    assert len(assert_store_consistent(upgraded)) == len(ids)
    assert all(m.get("schema_probe") == 1 for m in upgraded.index.metadatas())
