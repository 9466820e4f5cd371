"""AnswerEvaluator's figures on hand-made records and answers (no model), and the shape of
the labelled set in eval/."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import EVAL_NOTES, REPO

from ragbot.answer import Answer, Citation
from ragbot.evaluation import AnswerEvaluator, QARecord, load_records


def cite(n: int, source: str) -> Citation:
    return Citation(n, source, [], None, None, None, "Some passage.", 0, 5, 1.0, "Some ", 0)


def answer(text: str, *sources: str, found: bool = True) -> Answer:
    return Answer(text, found, [cite(n, s) for n, s in enumerate(sources, start=1)])


RECORDS = [
    QARecord("r1", "How fast did cloud grow?", ["a.txt"], ["34%", "RMB 39.8 billion"], "BABA", "factual"),
    QARecord("r2", "and the margin?", ["a.txt"], ["8.8%"], "BABA", "follow_up", follows="r1"),
    QARecord("r3", "What are the risks?", ["b.txt", "c.txt"], ["export controls"], "BABA", "risk"),
    QARecord("r4", "Pasta recipe?", [], [], None, "no_answer"),
    QARecord("r5", "Coca-Cola pricing?", [], [], "KO", "no_answer"),
]
ANSWERS = {
    "r1": answer("Cloud grew 34% [1] [2]", "x.txt", "notes/sub/a.txt"),  # gold second; one keyword of two
    "r2": answer("Margin was 8.8% [1] [2]", "a.txt", "a.txt"),  # gold first, cited twice
    "r3": answer("I couldn't find this in your notes.", found=False),
    "r4": answer("I couldn't find this in your notes.", found=False),
    "r5": answer("Coca-Cola raised prices [1]", "x.txt"),  # answered what it should not
}


class FakeAsk:
    def __init__(self, answers: dict[str, Answer], records: list[QARecord]):
        self.by_question = {r.question: answers[r.id] for r in records}
        self.calls: list[tuple[str, list[dict]]] = []

    def __call__(self, question: str, history: list[dict]) -> Answer:
        self.calls.append((question, history))
        return self.by_question[question]


@pytest.fixture(scope="module")
def evaluated():
    ask = FakeAsk(ANSWERS, RECORDS)
    return AnswerEvaluator(RECORDS)(ask), ask


def test_overall_figures(evaluated):
    result, _ = evaluated
    assert result.overall == pytest.approx(
        {
            "questions": 5,
            "hit@1": 1 / 3,  # only r2 has the gold note first
            "hit@3": 2 / 3,
            "hit@5": 2 / 3,
            "mrr": (1 / 2 + 1 + 0) / 3,
            "citation_precision": (1 / 2 + 1) / 2,  # r3 cites nothing and is left out
            "keyword_recall": (1 / 2 + 1 + 0) / 3,
            "found_when_answerable": 2 / 3,
            "no_answer_accuracy": 1 / 2,
            "wrong_company": 0,  # no ``about`` given
            "unattributed": 0,
        },
        abs=1e-4,
    )


def test_figures_by_kind(evaluated):
    result, _ = evaluated
    assert set(result.by_kind) == {"factual", "follow_up", "risk", "no_answer"}
    factual, no_answer = result.by_kind["factual"], result.by_kind["no_answer"]
    assert (factual["hit@1"], factual["hit@3"], factual["mrr"], factual["citation_precision"]) == (0.0, 1.0, 0.5, 0.5)
    assert result.by_kind["follow_up"]["hit@1"] == 1.0
    assert (result.by_kind["risk"]["hit@5"], result.by_kind["risk"]["citation_precision"]) == (0.0, None)
    assert no_answer["questions"] == 2 and no_answer["no_answer_accuracy"] == 0.5
    assert no_answer["hit@1"] is None and no_answer["keyword_recall"] is None


def test_outcomes_keep_cited_note_names_in_order_without_repeats(evaluated):
    result, _ = evaluated
    cited = {o.record.id: o.cited_notes for o in result.outcomes}
    assert cited == {"r1": ["x.txt", "a.txt"], "r2": ["a.txt"], "r3": [], "r4": [], "r5": ["x.txt"]}
    assert [o.gold_rank() for o in result.outcomes] == [2, 1, None, None, None]


def test_latency_and_json(evaluated):
    result, _ = evaluated
    assert 0 <= result.latency["p50_ms"] <= result.latency["p95_ms"]
    assert json.loads(json.dumps(result.to_json())).keys() == {"overall", "by_kind", "by_near_miss", "latency"}


def test_follow_ups_are_asked_with_the_conversation_so_far(evaluated):
    _, ask = evaluated
    histories = dict(ask.calls)
    assert histories["and the margin?"] == [
        {"role": "user", "content": "How fast did cloud grow?"},
        {"role": "assistant", "content": ANSWERS["r1"].text, "citations": ANSWERS["r1"].citations},
    ]
    assert all(histories[r.question] == [] for r in RECORDS if r.follows is None)


def test_history_follows_the_whole_chain():
    records = [
        QARecord("a", "first?", ["n.txt"]),
        QARecord("b", "second?", ["n.txt"], follows="a"),
        QARecord("c", "third?", ["n.txt"], follows="b"),
    ]
    ask = FakeAsk({r.id: answer(f"{r.id} answered [1]", "n.txt") for r in records}, records)
    result = AnswerEvaluator(records)(ask)
    assert [m["content"] for m in ask.calls[2][1]] == ["first?", "a answered [1]", "second?", "b answered [1]"]
    assert [m["role"] for m in ask.calls[2][1]] == ["user", "assistant"] * 2
    assert result.overall["hit@1"] == 1.0 and result.overall["no_answer_accuracy"] is None


def test_no_answer_accuracy_by_near_miss_kind_and_wrong_company_answers():
    records = [
        QARecord("m1", "JD Retail revenue?", [], ticker="JD", kind="no_answer", near_miss="segment_figure"),
        QARecord("m2", "Retail's revenue in Q1?", [], ticker="JD", kind="no_answer", near_miss="segment_figure"),
        QARecord("m3", "XPeng's share?", [], ticker="XPEV", kind="no_answer", near_miss="passing_company"),
        QARecord("m4", "Synopsys risks?", [], ticker="SNPS", kind="no_answer", unknown_company=True),
        QARecord("m5", "Alibba risks?", [], ticker="BABA", kind="no_answer", typo=True),
        QARecord("m6", "JD margin?", ["jd.txt"], ticker="JD"),
        QARecord("m7", "Pasta?", [], kind="no_answer"),
    ]
    answers = {
        "m1": answer("Revenue grew [1]", "notes/jd.txt"),  # found: wrong, but about JD
        "m2": answer("not found", found=False),
        "m3": answer("NIO competes with XPeng [1]", "notes/nio.txt"),  # found, and from NIO's note
        "m4": answer("No notes about Synopsys (SNPS).", found=False),
        "m5": answer("Did you mean Alibaba?", found=False),
        "m6": answer("Margin 5.9% [1] [2]", "notes/jd.txt", "notes/nio.txt"),  # one note about JD: not wrong
        "m7": answer("not found", found=False),
    }
    about = {"notes/jd.txt": ["JD"], "notes/nio.txt": ["NIO"], "notes/unknown.txt": []}
    result = AnswerEvaluator(records, about)(FakeAsk(answers, records))
    assert result.by_near_miss == {
        "passing_company": {"questions": 1, "no_answer_accuracy": 0.0},
        "segment_figure": {"questions": 2, "no_answer_accuracy": 0.5},
        "typo": {"questions": 1, "no_answer_accuracy": 1.0},
        "unknown_company": {"questions": 1, "no_answer_accuracy": 1.0},
    }
    assert [o.record.id for o in result.outcomes if o.wrong_company] == ["m3"]
    assert result.overall["wrong_company"] == 1 and result.by_kind["no_answer"]["wrong_company"] == 1


def test_an_answer_citing_only_notes_about_no_known_company_is_unattributed_not_wrong():
    records = [QARecord("u1", "Nestle India PAT?", ["nestle.txt"], ticker="NESTLEIND.NS"),
               QARecord("u2", "Nestle India margin?", ["nestle.txt"], ticker="NESTLEIND.NS")]
    answers = {"u1": answer("PAT was Rs 968 crore [1]", "notes/nestle.txt"),
               "u2": answer("Margin 23.7% [1] [2]", "notes/nestle.txt", "notes/jd.txt")}  # one note is JD's: wrong
    result = AnswerEvaluator(records, {"notes/nestle.txt": [], "notes/jd.txt": ["JD"]})(FakeAsk(answers, records))
    assert [(o.wrong_company, o.unattributed) for o in result.outcomes] == [(False, True), (True, False)]
    assert (result.overall["wrong_company"], result.overall["unattributed"]) == (1, 1)


def test_near_miss_records_load_from_the_dev_set():
    records = load_records(REPO / "eval" / "nearmiss" / "qa.jsonl")
    kinds = Counter(r.near_miss for r in records if r.near_miss)
    assert set(kinds) == {"segment_figure", "passing_company", "product_metric", "undated_event", "other_measure"}
    assert sum(kinds.values()) >= 15 and all(not r.answerable for r in records if r.miss_kind)
    assert any(r.unknown_company for r in records) and any(r.typo for r in records)


def test_load_records_reads_jsonl(tmp_path):
    path = tmp_path / "qa.jsonl"
    first = {"id": "q1", "question": "q?", "gold_notes": ["a.txt"], "answer_keywords": ["1%"], "ticker": "BABA", "kind": "factual"}
    second = {"id": "q2", "question": "x?", "gold_notes": [], "kind": "no_answer"}
    path.write_text(f"{json.dumps(first)}\n\n{json.dumps(second)}\n", encoding="utf-8")
    records = load_records(path)
    assert [(r.id, r.answerable, r.follows) for r in records] == [("q1", True, None), ("q2", False, None)]


def test_the_labelled_set_is_consistent():
    records = load_records(REPO / "eval" / "qa.jsonl")
    notes = {p.name: p.read_text(encoding="utf-8").lower() for p in EVAL_NOTES.glob("*.txt")}
    assert len({r.id for r in records}) == len(records) == 76
    assert Counter(r.kind for r in records) == {
        "factual": 27, "risk": 12, "comparison": 6, "sentiment": 6, "general": 6, "no_answer": 10, "follow_up": 9,
    }
    for previous, record in zip(records, records[1:]):
        assert record.follows in (None, previous.id)
        assert (record.follows is not None) == (record.kind == "follow_up")
    for record in records:
        assert set(record.gold_notes) <= set(notes)
        assert record.answerable == (record.kind != "no_answer")
        for keyword in record.answer_keywords:
            assert any(keyword.lower() in notes[n] for n in record.gold_notes), (record.id, keyword)


def test_fields_the_evaluation_does_not_use_are_left_out_with_a_warning(tmp_path):
    qa = tmp_path / "qa.jsonl"
    qa.write_text('{"id": "x1", "question": "q?", "gold_notes": ["a.txt"], "source": "table"}\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="source"):
        records = load_records(qa)
    assert [r.id for r in records] == ["x1"] and records[0].gold_notes == ["a.txt"]


def test_a_near_miss_described_as_an_object_is_read_by_its_type(tmp_path):
    path = tmp_path / "qa.jsonl"
    rows = [
        {"id": "a", "question": "acme asia sales?", "gold_notes": [], "near_miss": {"type": "segment_figure", "nearby": "..."}},
        {"id": "b", "question": "acme units?", "gold_notes": [], "near_miss": "product_metric"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert [r.near_miss for r in load_records(path)] == ["segment_figure", "product_metric"]
    path.write_text(json.dumps({"id": "c", "question": "q", "gold_notes": [], "near_miss": ["x"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="near_miss"):
        load_records(path)
