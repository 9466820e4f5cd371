"""Chat handlers and store views over a fake bot (no models): streaming, history, citations."""

from __future__ import annotations

import json
from types import SimpleNamespace

import gradio as gr
from langchain_core.documents import Document

from ragbot.answer import Answer, Citation
from ragbot.web import chat
from ragbot.web.chat import Chat, Turn
from ragbot.web.views import StoreViews, example_questions

NOTE = "Cloud grew 26%. Margins fell to 2%."


def cite(n: int, sentence: str) -> Citation:
    start = NOTE.index(sentence)
    return Citation(n, "baba.txt", ["BABA"], "neutral", 0.0, None, NOTE, start, start + len(sentence), 1.0, sentence, 0)


class FakeBot:
    def __init__(self):
        self.calls = []

    def ask(self, question, history=None, ticker=None):
        self.calls.append((question, history, ticker))
        return Answer("Cloud grew 26%. [1] Margins fell to 2%. [2]", True, [cite(1, "Cloud grew 26%."), cite(2, "Margins fell to 2%.")], ["BABA"])

    def note_text(self, source):
        return NOTE


def test_answers_stream_sentence_by_sentence_and_carry_the_history(monkeypatch):
    monkeypatch.setattr(chat, "STREAM_PAUSE", 0)
    bot = FakeBot()
    steps = list(Chat(bot).respond("  Alibaba cloud?  ", [], ["BABA"]))
    assert steps[0][0] == "" and "Searching your notes" in steps[0][1][-1]["content"]
    shown = [step[1][-1]["content"] for step in steps[1:]]
    assert len(shown) == 2 and "Margins" not in shown[0] and "Margins" in shown[1] and 'href="#cite-0-2"' in shown[1]
    turns, sources, note = steps[1][2:]
    assert [t.question for t in turns] == ["Alibaba cloud?"] and "baba.txt" in sources and "Click a citation" in note
    assert all(isinstance(out, type(gr.skip())) for out in steps[2][2:])  # panels are sent once
    assert bot.calls == [("Alibaba cloud?", [], ["BABA"])]

    list(Chat(bot).respond("and margins?", turns, []))
    assert bot.calls[1] == (
        "and margins?",
        [{"role": "user", "content": "Alibaba cloud?"},
         {"role": "assistant", "content": "Cloud grew 26%. [1] Margins fell to 2%. [2]", "citations": turns[0].answer.citations}],
        None,
    )


def test_empty_questions_are_ignored():
    bot = FakeBot()
    assert all(isinstance(out, type(gr.skip())) for out in next(Chat(bot).respond("   ", [], None)))
    assert bot.calls == []


def test_a_clicked_citation_opens_its_turns_note():
    bot = FakeBot()
    turns = [Turn("q", bot.ask("q"))]
    sources, note = Chat(bot).open_citation(turns, gr.EventData(None, {"cite": "0-2"}))
    assert 'data-cite="0-2" role="button"' in sources and "rb-card rb-active" in sources
    assert "<mark>Margins fell to 2%.</mark>" in note
    for junk in ("5-1", "0-9", "x", None):
        assert all(isinstance(out, type(gr.skip())) for out in Chat(bot).open_citation(turns, gr.EventData(None, {"cite": junk})))


def chunk(source: str, tickers: list[str], scores: dict, date: str | None = "2025-01-02", label: str | None = "neutral") -> Document:
    meta = {"source": source, "title": source.upper(), "tickers": tickers, "date": date, "sentiment_label": label,
            "sentiment_score": 0.1, "ticker_scores": json.dumps(scores), "primary_tickers": list(scores) or tickers[:1]}
    return Document(page_content="text", metadata={k: v for k, v in meta.items() if v is not None})


class StoreBot:
    """Notes: a BABA note that mentions JD in passing, a JD note, an undated one, and one about nobody."""

    chunks = [
        chunk("baba.txt", ["BABA", "JD"], {"BABA": -0.3}),
        chunk("jd.txt", ["JD"], {"JD": 0.4}, date="2025-03-04"),
        chunk("old.txt", ["BABA"], {}, date=None, label=None),
        chunk("misc.txt", [], {}),
    ]
    resolver = SimpleNamespace(directory=SimpleNamespace(name_of=lambda t: {"BABA": "Alibaba Group"}.get(t, t)))

    def first_chunks(self, tickers):
        return [c for c in self.chunks if not tickers or set(tickers) & set(c.metadata.get("tickers", []))]

    def stats(self):
        return SimpleNamespace(notes=4, chunks=9, tickers={"BABA": 2, "JD": 2})


def test_notes_table_lists_notes_by_the_tickers_they_are_about():
    views = StoreViews(StoreBot())
    table = views.notes_table()
    assert list(zip(table["ticker"], table["note"], table["score"])) == [
        ("BABA", "old.txt", 0.1), ("BABA", "baba.txt", -0.3), ("JD", "jd.txt", 0.4), ("\u2014", "misc.txt", 0.1),
    ]
    assert list(views.notes_table(["JD"])["note"]) == ["jd.txt"]


def test_sentiment_series_has_dated_points_per_ticker():
    series = StoreViews(StoreBot()).sentiment_series(["BABA", "JD"])
    assert list(series.columns) == ["date", "score", "ticker", "note"]
    assert [(d.isoformat()[:10], s, t) for d, s, t in zip(series["date"], series["score"], series["ticker"])] == [
        ("2025-01-02", -0.3, "BABA"), ("2025-03-04", 0.4, "JD"),
    ]
    assert StoreViews(StoreBot()).sentiment_series(["TSLA"]).empty


def test_ticker_choices_and_examples_use_company_names():
    views = StoreViews(StoreBot())
    assert views.ticker_choices() == [("BABA \u00b7 Alibaba Group (2)", "BABA"), ("JD (2)", "JD")]
    assert views.examples() == ["What are the main risks for Alibaba Group?", "What's the sentiment on JD?"]
    assert example_questions([], str) == []
