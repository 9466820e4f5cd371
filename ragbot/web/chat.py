"""The chat tab's behaviour: answer a question (streamed), open a citation, start over.

The conversation lives in a ``gr.State`` as a list of ``Turn``; the chatbot's messages are
always rendered from it, and its plain text is the history follow-up questions are routed with.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date

import gradio as gr

from ragbot.answer import Answer
from ragbot.answering.trace import explain
from ragbot.bot import Ragbot
from ragbot.conversations import Filter, Turn
from ragbot.question_input import clean_text
from ragbot.web import render
from ragbot.web.turn_meta import turn_meta_html
from vectorstore.servers import StoreUnavailable

STREAM_PAUSE = 0.05  # seconds between streamed sentences, so the answer visibly builds up
CONCURRENCY = 4  # answers computed at once; further questions queue


def history(turns: list[Turn]) -> list[dict]:
    """The conversation as ``Ragbot.ask`` takes it: ``{"role","content"}`` messages, each
    answer with its ``citations`` (which notes a follow-up continues)."""
    return [
        m for t in turns
        for m in ({"role": "user", "content": t.question}, {"role": "assistant", "content": t.answer.text, "citations": t.answer.citations})
    ]


def messages(turns: list[Turn]) -> list[dict]:
    """The chatbot's messages (HTML, everything from notes or users escaped)."""
    return [
        m
        for i, t in enumerate(turns)
        for m in (
            {"role": "user", "content": render.user_html(t.question)},
            {"role": "assistant", "content": render.answer_html(t.answer, i) + turn_meta_html(t, i)},
        )
    ]


def parse_day(value: str | float | None) -> date | None:
    """A day from the page's date controls ("2025-11-03", or a timestamp); None when empty or unreadable."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]) if isinstance(value, str) else date.fromtimestamp(float(value))
    except ValueError:
        return None


def filter_of(tickers: list[str] | None, since: str | float | None, until: str | float | None) -> Filter:
    """The page's ticker and date controls as the ``Filter`` a turn records."""
    since_day, until_day = parse_day(since), parse_day(until)
    return Filter(tuple(tickers or ()), since_day and since_day.isoformat(), until_day and until_day.isoformat())


def partial_answers(answer: Answer) -> Iterator[Answer]:
    """The answer growing one sentence at a time (the whole answer last)."""
    parts = render.pieces(answer.text)
    for upto in range(1, len(parts)):
        yield replace(answer, text=" ".join(parts[:upto]))
    yield answer


@dataclass(frozen=True)
class Begun:
    """An answer being computed ahead of the event that shows it: the history it was asked with,
    and a future of (its stream, the stream's first answer)."""

    history: list[dict]
    first: Future


class Chat:
    """Event handlers of the chat tab, bound to one ``Ragbot``."""

    def __init__(self, bot: Ragbot, threads: int = CONCURRENCY):
        self.bot = bot
        self._threads = ThreadPoolExecutor(threads, thread_name_prefix="ragbot-answer")

    def begin(self, question: str, turns: list[Turn], tickers: list[str] | None, since: str | None = None, until: str | None = None) -> Begun:
        """Start answering ``question`` on the chat's own threads, for ``respond`` to show.

        Started when the question arrives, the answer is computed while Gradio hands the question on
        to the answering event and shows the "Searching" placeholder (50-160 ms measured on 2 cores), not
        after them."""
        asked = history(turns)

        def first() -> tuple[Iterator[Answer], Answer]:
            stream = self.bot.ask_stream(
                (question or "").strip(), history=asked, ticker=list(tickers) if tickers else None,
                since=parse_day(since), until=parse_day(until),
            )
            return stream, next(stream)

        return Begun(asked, self._threads.submit(first))

    def respond(
        self, question: str, turns: list[Turn], tickers: list[str] | None, since: str | None = None, until: str | None = None,
        begun: Begun | None = None,
    ):
        """Stream the answer to ``question``: yields (textbox, chatbot, turns, sources, note viewer).
        ``begun``: the same question already started by ``begin`` (used if asked with the same history)."""
        # Shown as valid text; asked as typed, so the answer's notices say what was replaced or cut.
        shown_text = clean_text(question or "")[0].strip()
        if not shown_text:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        if begun is None or begun.history != history(turns):
            begun = self.begin(question, turns, tickers, since, until)
        asked = {"role": "user", "content": render.user_html(shown_text)}
        before = messages(turns)
        yield "", [*before, asked, {"role": "assistant", "content": render.thinking_html()}], gr.skip(), gr.skip(), gr.skip()
        try:
            turn, (stream, answer) = len(turns), begun.first.result()
        except StoreUnavailable as error:  # a server of a team's store is gone: say so, keep the question to resend
            yield question, [*before, asked, {"role": "assistant", "content": render.message_html(str(error), error=True)}], gr.skip(), gr.skip(), gr.skip()
            return
        for grown in stream:  # a generated answer: each verified sentence as it comes, "writing..." after it
            writing = render.answer_html(answer, turn) + render.writing_html()
            yield gr.skip(), [*before, asked, {"role": "assistant", "content": writing}], gr.skip(), gr.skip(), gr.skip()
            answer = grown
        turns = [*turns, Turn(shown_text, answer, filter_of(tickers, since, until))]
        panels = (turns, render.sources_html(answer, turn), render.note_placeholder_html())
        for partial in partial_answers(answer) if answer.answerer == "extractive" else [answer]:
            content = render.answer_html(partial, turn) + (turn_meta_html(turns[-1], turn) if partial is answer else "")
            yield gr.skip(), [*before, asked, {"role": "assistant", "content": content}], *panels
            panels = (gr.skip(),) * len(panels)
            time.sleep(STREAM_PAUSE)

    def open_citation(self, turns: list[Turn], event: gr.EventData):
        """A citation was clicked (marker or card): show its turn's sources and its whole note."""
        key = render.parse_cite_key(getattr(event, "cite", ""))
        if key is None or not 0 <= key[0] < len(turns):
            return gr.skip(), gr.skip()
        turn, n = key
        answer = turns[turn].answer
        citation = next((c for c in render.shown(answer) if c.n == n), None)
        if citation is None:
            return gr.skip(), gr.skip()
        return render.sources_html(answer, turn, active=n), render.note_html(citation, self.bot.note_text(citation.source))

    @staticmethod
    def why(turns: list[Turn]) -> str:
        """The last answer's trace as text, for the collapsed "Why this answer" section."""
        trace = turns[-1].answer.trace if turns else None
        return explain(trace) if trace else ""
