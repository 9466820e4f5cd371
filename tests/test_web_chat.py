"""Chat handlers and store views over a fake bot (no models): streaming, history, citations."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import gradio as gr
import pandas as pd
from langchain_core.documents import Document

from ragbot.answer import Answer, Citation
from ragbot.sentiment import NoteCatalog
from ragbot.web import chat
from ragbot.web.chat import Chat, Turn
from ragbot.web.views import NO_SENTIMENT, StoreViews, scores_shown

NOTE = "Cloud grew 26%. Margins fell to 2%."


def cite(n: int, sentence: str) -> Citation:
    start = NOTE.index(sentence)
    return Citation(n, "baba.txt", ["BABA"], "neutral", 0.0, None, NOTE, start, start + len(sentence), 1.0, sentence, 0)


class FakeBot:
    def __init__(self):
        self.calls = []

    def ask(self, question, history=None, ticker=None, since=None, until=None):
        self.calls.append((question, history, ticker) + ((since, until) if since or until else ()))
        return Answer("Cloud grew 26%. [1] Margins fell to 2%. [2]", True, [cite(1, "Cloud grew 26%."), cite(2, "Margins fell to 2%.")], ["BABA"])

    def ask_stream(self, question, history=None, ticker=None, since=None, until=None):
        yield self.ask(question, history, ticker, since, until)

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


def test_the_date_range_narrows_the_question(monkeypatch):
    monkeypatch.setattr(chat, "STREAM_PAUSE", 0)
    bot = FakeBot()
    list(Chat(bot).respond("Alibaba cloud?", [], None, "2025-06-01", ""))
    assert bot.calls == [("Alibaba cloud?", [], None, date(2025, 6, 1), None)]
    assert chat.parse_day("not a day") is None


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


def chunk(source: str, tickers: list[str], scores: dict, date: str | None = "2025-01-02", label: str | None = "neutral",
          score: float | None = 0.1) -> Document:
    meta = {"source": source, "title": source.upper(), "tickers": tickers, "date": date, "sentiment_label": label,
            "sentiment_score": score, "ticker_scores": json.dumps(scores), "primary_tickers": list(scores) or tickers[:1]}
    return Document(page_content="text", metadata={k: v for k, v in meta.items() if v is not None})


class StoreBot:
    """Notes: a BABA note that mentions JD in passing, a JD note, an undated one, and one about nobody
    without a sentiment block."""

    chunks = [
        chunk("baba.txt", ["BABA", "JD"], {"BABA": -0.3}),
        chunk("jd.txt", ["JD"], {"JD": 0.4}, date="2025-03-04"),
        chunk("old.txt", ["BABA"], {}, date=None, label=None),
        chunk("misc.txt", [], {}, label=None, score=None),
    ]
    resolver = SimpleNamespace(directory=SimpleNamespace(name_of=lambda t: {"BABA": "Alibaba Group"}.get(t, t)))

    @property
    def note_catalog(self):
        return NoteCatalog.from_passages(self.chunks)

    def note_text(self, source):
        return "text of " + source

    def first_chunks(self, tickers):
        return [c for c in self.chunks if not tickers or set(tickers) & set(c.metadata.get("tickers", []))]

    def stats(self):
        return SimpleNamespace(notes=4, chunks=9, tickers={"BABA": 2, "JD": 2, "PDD": 1})  # PDD: named in passing in a later passage

    def ask(self, question):  # the notes answer anything about BABA, only margins about JD
        return Answer("...", "JD" not in question or "margins" in question)


def test_notes_table_has_one_row_per_note_with_each_tickers_own_score():
    views = StoreViews(StoreBot())
    table = views.notes_table()
    assert list(zip(table["note"], table["tickers"])) == [
        ("jd.txt", "JD +0.40"), ("baba.txt", "BABA -0.30"), ("misc.txt", "\u2014"), ("old.txt", "BABA +0.10"),
    ]
    assert list(views.notes_table(["JD"])["note"]) == ["jd.txt"]
    no_block = table.set_index("note").loc["misc.txt"]
    assert no_block["sentiment"] == NO_SENTIMENT and pd.isna(no_block["score"])  # a dash, not a blank label; no score


def test_sentiment_series_has_dated_points_per_ticker():
    series = StoreViews(StoreBot()).sentiment_series(["BABA", "JD"])
    assert list(series.columns) == ["ticker", "date", "score", "notes", "title", "note"]
    assert [(d.isoformat()[:10], s, t, n) for d, s, t, n in zip(series["date"], series["score"], series["ticker"], series["notes"])] == [
        ("2025-01-02", -0.3, "BABA", 1), ("2025-03-04", 0.4, "JD", 1),
    ]
    assert StoreViews(StoreBot()).sentiment_series(["TSLA"]).empty


def test_ticker_choices_list_the_companies_notes_are_about_and_examples_are_found():
    views = StoreViews(StoreBot())
    assert views.ticker_choices() == [("BABA \u00b7 Alibaba Group (2)", "BABA"), ("JD (1)", "JD")]  # JD's passing mention apart
    assert views.examples() == [
        "What are the main risks for Alibaba Group?", "What did the notes say about JD's margins?", "What's the sentiment on Alibaba Group?",
    ]


def test_the_header_counts_the_tickers_the_filter_lists():
    views = StoreViews(StoreBot())
    assert views.summary() == f"4 notes \u00b7 9 passages \u00b7 {len(views.ticker_choices())} tickers" == "4 notes \u00b7 9 passages \u00b7 2 tickers"


class DayBot(StoreBot):
    """Three BABA notes, two on one day (one point of size 2), and a JD note outside the range."""

    chunks = [
        chunk("a.txt", ["BABA"], {"BABA": 0.2}, date="2025-06-01"),
        chunk("b.txt", ["BABA"], {"BABA": 0.6}, date="2025-06-01"),
        chunk("c.txt", ["BABA"], {"BABA": -0.1}, date="2025-07-15"),
        chunk("jd.txt", ["JD"], {"JD": 0.4}, date="2024-12-01"),
    ]


def test_plot_points_average_a_days_notes_and_count_them_within_the_range():
    views = StoreViews(DayBot())
    series = views.sentiment_series(None, since=date(2025, 1, 1))
    assert [(t, d.isoformat()[:10], s, n) for t, d, s, n in zip(series["ticker"], series["date"], series["score"], series["notes"])] == [
        ("BABA", "2025-06-01", 0.4, 2), ("BABA", "2025-07-15", -0.1, 1),
    ]
    assert series["title"][0] == "A.TXT | B.TXT"
    spec = views.sentiment_chart(["BABA"]).to_dict()
    assert [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]] == ["line", "circle"]
    assert spec["layer"][1]["encoding"]["size"]["field"] == "notes"
    assert {"title", "score"} <= {t["field"] for t in spec["layer"][1]["encoding"]["tooltip"]}
    assert spec["layer"][1]["encoding"]["href"]["field"] == "link"  # a click on a point opens its first note
    links = {row["date"][:10]: row["link"] for row in next(iter(spec["datasets"].values()))}
    assert links == {"2025-06-01": "#rb-note=a.txt", "2025-07-15": "#rb-note=c.txt"}


def test_latest_notes_table_lists_the_newest_notes_per_ticker_with_label_and_score():
    table = StoreViews(DayBot()).latest_notes(["BABA", "JD"], until=date(2025, 6, 30))
    assert list(table.columns) == ["ticker", "date", "note", "label", "score", "title"]
    assert list(zip(table["ticker"], table["note"], table["score"])) == [("BABA", "b.txt", 0.6), ("BABA", "a.txt", 0.2), ("JD", "jd.txt", 0.4)]
    assert "<mark>text</mark></span> of b.txt" in StoreViews(DayBot()).note_view("b.txt")


class GeneratingBot(FakeBot):
    """Streams a generated answer one verified sentence at a time, then the whole answer."""

    def ask_stream(self, question, history=None, ticker=None, since=None, until=None):
        from ragbot.answer import AnswerSentence

        first = Answer("Cloud grew 26%. [1]", True, [cite(1, "Cloud grew 26%.")], ["BABA"], answerer="generative")
        sentences = [AnswerSentence("Cloud grew 26% [1].", True, (1,)), AnswerSentence("Margins grew 9% [1].", False, (1,), "figure")]
        yield first
        yield Answer(first.text, True, first.citations, ["BABA"], answerer="generative", sentences=sentences)


def test_generated_answers_stream_each_verified_sentence_with_a_writing_indicator(monkeypatch):
    monkeypatch.setattr(chat, "STREAM_PAUSE", 0)
    steps = list(Chat(GeneratingBot()).respond("Alibaba cloud?", [], None))
    shown = [step[1][-1]["content"] for step in steps[1:]]
    assert "Cloud grew 26%." in shown[0] and "writing" in shown[0]
    assert "writing" not in shown[-1] and "Written by the LLM" in shown[-1] and "1 not verified" in shown[-1]
    assert "Margins" not in shown[-1]
    turns = steps[-1][2]
    assert turns[0].answer.answerer == "generative"


def test_the_tables_write_scores_as_answers_do_and_keep_them_numbers_to_sort():
    frame = StoreViews(StoreBot()).notes_table()
    shown = scores_shown(frame)
    assert pd.api.types.is_float_dtype(shown.data["score"])  # sorts by value
    html = shown.to_html()
    assert "+0.10" in html and ">\u2014<" in html  # signed, two decimals; a dash for a note with no score
