"""Hybrid retrieval over the real evaluation notes: the per-ticker filter, comparisons, exact
figures that only BM25 finds, and the persistent, incremental BM25 index."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EVAL_NOTES, EXAMPLES, make_settings
from ingest_helpers import assert_store_consistent, chroma_ids, note_text, write

from ragbot import Ragbot
from vectorstore import SqliteLexicalIndex

pytestmark = pytest.mark.slow


def retrieve(bot: Ragbot, question: str):
    """The passages ``ask`` would read for ``question``, routed as ``ask`` routes it."""
    routed = bot.route(question)
    return routed, bot.retriever.invoke(routed.search_text, tickers=routed.tickers)


def sources(documents) -> list[str]:
    return [d.metadata["source"] for d in documents]


@pytest.mark.parametrize(
    ("question", "ticker"),
    [
        ("What are the main risks to Alibaba's cloud business?", "BABA"),
        ("How big was Nvidia's H20 inventory charge?", "NVDA"),  # Nvidia is also named in other companies' notes
        ("What could derail BIDU's robotaxi expansion overseas?", "BIDU"),
    ],
)
def test_ticker_routed_query_returns_only_chunks_about_the_ticker(eval_bot, question, ticker):
    routed, passages = retrieve(eval_bot, question)
    assert routed.tickers == [ticker]
    assert passages
    assert all(ticker in d.metadata["about"] for d in passages)


def test_passages_are_fused_and_capped_per_note_but_each_retriever_s_best_kept(eval_bot):
    routed, passages = retrieve(eval_bot, "What are the main risks to Alibaba's cloud business?")
    settings, retriever = eval_bot.settings, eval_bot.retriever
    best = {ranking[0].id for ranking in (retriever.dense(routed.search_text, routed.tickers, 20), retriever.lexical_search(routed.search_text, routed.tickers, 20))}
    assert len(passages) <= settings.answer_passages and best <= {d.id for d in passages}
    capped = sources([d for d in passages if d.id not in best])
    assert max(capped.count(s) for s in capped) <= settings.passages_per_note
    scores = [d.metadata["score"] for d in passages]
    assert scores == sorted(scores, reverse=True)
    assert all("dense_score" in d.metadata for d in passages)  # (BM25's own finds too: their similarity is read)


def test_two_company_question_gets_chunks_about_both(eval_bot):
    routed, passages = retrieve(eval_bot, "Compare how Alibaba and JD are approaching instant commerce.")
    assert routed.tickers == ["BABA", "JD"]
    about = [d.metadata["about"] for d in passages]
    assert any("BABA" in a for a in about) and any("JD" in a for a in about)
    assert all("BABA" in a or "JD" in a for a in about)


def notes_containing(token: str) -> list[str]:
    return [p.name for p in sorted(EVAL_NOTES.glob("*.txt")) if token in p.read_text(encoding="utf-8")]


def test_hybrid_finds_an_exact_figure_that_dense_alone_misses(eval_bot):
    figure = "193,900"  # an ONVO L90 price, printed in one note only
    (note,) = notes_containing(figure)
    query = f"{figure} number"
    retriever = eval_bot.retriever
    assert sources(retriever.lexical_search(query, [], k=3))[0] == note
    assert note not in sources(retriever.dense(query, [], k=3))
    assert note in sources(retriever.invoke(query)[:3])


def test_lexical_search_respects_the_ticker_filter(eval_bot):
    hits = eval_bot.retriever.lexical_search("export controls", ["BIDU"], k=10)
    assert hits and all("BIDU" in d.metadata["about"] for d in hits)
    assert all(d.metadata["lexical_score"] > 0 for d in hits)


def lexical_sources(bot: Ragbot, query: str) -> set[str]:
    return set(sources(bot.retriever.lexical_search(query, [], k=5)))


def small_store(tmp_path: Path) -> tuple[Path, Path, Ragbot]:
    """Three example notes ingested into a fresh store: (notes folder, store, bot)."""
    folder, store = tmp_path / "notes", tmp_path / "store"
    for name in ("baba-cloud-risks.txt", "jd-logistics.txt", "tsla-robotaxi.txt"):
        write(folder, name, (EXAMPLES / name).read_text(encoding="utf-8"))
    bot = Ragbot(make_settings(store))
    bot.ingest(folder)
    return folder, store, bot


def record_lexical_writes(monkeypatch) -> dict[str, set[str]]:
    """Ids every ``SqliteLexicalIndex.add``/``delete`` from now on is called with."""
    written: dict[str, set[str]] = {"add": set(), "delete": set()}
    for name in written:
        original = getattr(SqliteLexicalIndex, name)

        def spy(self, ids, *args, _original=original, _name=name):
            written[_name] |= set(ids)
            return _original(self, ids, *args)

        monkeypatch.setattr(SqliteLexicalIndex, name, spy)
    return written


def test_bm25_index_is_persistent_and_incremental(tmp_path, embeddings, monkeypatch):
    folder, store, bot = small_store(tmp_path)
    before = assert_store_consistent(bot)
    written = record_lexical_writes(monkeypatch)
    body = "Zorblax Robotics said quarterly gizmotron shipments to Alibaba rose 41%, with margins steady."
    write(folder, "zorblax.txt", note_text(body, tickers="BABA 0.10"))
    report = bot.ingest(folder)
    assert report.added == ["zorblax.txt"] and len(report.unchanged) == 3
    after = assert_store_consistent(bot)
    assert before < after
    # only the new note's chunks were written (each id is cleared before it is added, so none is indexed twice)
    assert written["add"] == after - before and not written["delete"] & before
    assert "zorblax.txt" in lexical_sources(bot, "gizmotron shipments")

    written["add"].clear()
    reopened = Ragbot(make_settings(store))  # as a new process would: same store, nothing re-indexed
    assert reopened.index.lexical.ids() == chroma_ids(reopened) == after
    assert written["add"] == set()
    assert "zorblax.txt" in lexical_sources(reopened, "gizmotron shipments")

    (folder / "zorblax.txt").unlink()
    reopened.ingest(folder, sync=True)
    assert assert_store_consistent(reopened) == before
    assert "zorblax.txt" not in lexical_sources(reopened, "gizmotron shipments")


def test_bm25_index_is_repaired_when_it_fell_behind_chroma(tmp_path, embeddings):
    _, store, bot = small_store(tmp_path)
    ids = chroma_ids(bot)
    dropped = sorted(ids)[:3]
    bot.index.lexical.delete(dropped)  # as if a run was killed between the Chroma and BM25 writes
    assert bot.index.lexical.ids() == ids - set(dropped)
    assert Ragbot(make_settings(store)).index.lexical.ids() == ids
