"""The staged answerer end to end on hand-made passages, with the deterministic stand-in for
the cross-encoder: the pipeline chosen when built, the trace of every sentence, the gate's
evidence, and Chroma's documents left as they were. Fast, no model."""

from __future__ import annotations

import copy
import json
import threading

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ingest.words import _stemmer, stem
from ragbot import Settings
from ragbot.answer import Answer
from ragbot.answering.gate import DenseGate, RelevanceGate
from ragbot.answering.trace import explain
from ragbot.extractive import NOT_FOUND, ExtractiveAnswerer

NOTE_A = (
    "Cloud revenue grew 26% in Q2 2025 on strong AI demand from enterprises. "
    "The cloud margin narrowed as depreciation from new data centers rose sharply. "
    "The company returned more cash to shareholders through a larger buyback program."
)
NOTE_B = "Advertising revenue fell 8% as merchants cut budgets during the price war."


def passages():
    return [passage(NOTE_A, "a.txt", dense_score=0.6, primary_tickers=["BABA"]),
            passage(NOTE_B, "b.txt", dense_score=0.3, primary_tickers=["BABA"])]


def test_the_pipeline_is_chosen_when_the_answerer_is_built():
    reranked, dense = ExtractiveAnswerer(SharedWordsReranker()), ExtractiveAnswerer()
    assert (reranked.pipeline, type(reranked.gate)) == ("cross-encoder", RelevanceGate)
    assert (dense.pipeline, type(dense.gate), dense.relevance) == ("dense", DenseGate, None)
    trace = dense.answer(question("how did the cloud margin move?"), passages()).trace
    assert all("rerank" not in s.features for s in trace.sentences)


def test_defaults_come_from_settings():
    answerer, defaults = ExtractiveAnswerer(SharedWordsReranker()), Settings(_env_file=None)
    assert answerer.max_sentences == defaults.max_citations
    assert answerer.selector.per_note == defaults.sentences_per_note
    assert answerer.gate.min_relevance == defaults.min_relevance
    assert answerer.settings == defaults.answering


def test_the_trace_shows_each_sentences_features_contributions_and_fate():
    answer = ExtractiveAnswerer(SharedWordsReranker(), max_sentences=1).answer(question("how did the cloud margin move?"), passages())
    assert answer.found and answer.citations[0].sentence.startswith("The cloud margin narrowed")
    trace = answer.trace
    cited = trace.sentences[0]
    assert cited.cited == 1 and cited.dropped_by is None and cited.features["rerank"] == 2.0
    assert cited.score == pytest.approx(sum(cited.contributions.values()), abs=1e-3)
    assert cited.score == pytest.approx(answer.citations[0].score, abs=1e-3)
    dropped = trace.sentences[1:]
    assert len(dropped) == 3 and {s.dropped_by for s in dropped} == {"selection", "gate"}
    gated = {s.sentence.split()[0]: s.reason for s in dropped if s.dropped_by == "gate"}
    assert set(gated) == {"Advertising"} and "segment or product" in gated["Advertising"]  # no "cloud" at all
    assert [s.score for s in dropped] == sorted((s.score for s in dropped), reverse=True)
    assert trace.gate.found and trace.gate.evidence == cited.sentence and trace.gate.value == 2.0


def test_a_question_the_notes_do_not_answer_is_dropped_by_the_gate_with_its_evidence():
    answer = ExtractiveAnswerer(SharedWordsReranker(), min_relevance=1.0).answer(question("employee headcount"), passages())
    assert not answer.found and answer.text == NOT_FOUND and len(answer.related) == 2
    assert not answer.trace.gate.found and answer.trace.gate.threshold == 1.0
    assert {s.dropped_by for s in answer.trace.sentences} == {"gate"}
    assert "gate: not found" in explain(answer.trace)


def test_the_trace_travels_in_the_json_answer_and_reads_as_text():
    answer = ExtractiveAnswerer(SharedWordsReranker()).answer(question("how did the cloud margin move?"), passages())
    shape = json.loads(json.dumps(answer.to_json(trace=True)))
    assert shape["trace"]["pipeline"] == "cross-encoder" and shape["trace"]["sentences"][0]["cited"] == 1
    assert "trace" not in answer.to_json() and "trace" not in Answer("x", True).to_json(trace=True)
    text = explain(answer.trace)
    assert "[1] cited" in text and "rerank 2 -> +0.600" in text


def test_answering_never_changes_the_documents_chroma_returned():
    docs = passages()
    before = copy.deepcopy([d.metadata for d in docs])
    ExtractiveAnswerer(SharedWordsReranker()).answer(question("latest cloud margin in Q2 2025", ["BABA"]), docs)
    ExtractiveAnswerer().answer(question("how did the cloud margin move?"), docs)
    assert [d.metadata for d in docs] == before


def test_each_thread_stems_with_its_own_stemmer():
    words = [f"{w}{suffix}" for w in ("risk", "factory", "margin", "deliver") for suffix in ("", "s", "ies", "ing", "ed")]
    expected = [stem(w) for w in words]
    stemmers, results = [], []  # the stemmers are kept alive, so their ids stay distinct

    def work():
        stemmers.append(_stemmer())
        results.append([_stemmer().stemWord(w) for w in words * 5][: len(words)])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(s) for s in stemmers}) == 4 and all(r == expected for r in results)


def test_the_web_page_shows_the_last_answers_trace():
    from ragbot.web.chat import Chat, Turn

    answer = ExtractiveAnswerer(SharedWordsReranker()).answer(question("how did the cloud margin move?"), passages())
    assert "[1] cited" in Chat.why([Turn("What about the cloud margin?", answer)])
    assert Chat.why([]) == "" and Chat.why([Turn("q", Answer("x", True))]) == ""
