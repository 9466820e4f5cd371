"""Conversations on the chat page: the sidebar (list, open, rename, delete, new), saving each
turn as it is answered, the answer actions (copy as Markdown, export Markdown and PDF, stop,
regenerate, edit and resend) and the queue of questions typed while an answer streams.

Whose conversations a request sees: with ``--auth`` the login (``gr.Request.username``);
otherwise a random id the browser keeps in its localStorage (``gr.BrowserState``). The
owner is worked out from the request in every handler, never kept in page state.
"""

from __future__ import annotations

import json
import re
import secrets
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

import gradio as gr

from ragbot.conversations import ConversationStore, Filter, SqlConversationStore, Turn, default_url
from ragbot.question_input import PROMPT
from ragbot.settings import Settings
from ragbot.web import render
from ragbot.web.chat import Begun, Chat, filter_of, messages
from ragbot.web.export import answer_markdown, conversation_markdown, conversation_pdf
from ragbot.web.turn_meta import COPY_LABEL

HERE = Path(__file__).parent
SECRET_FILE = "browser-state.secret"  # beside the store: keeps the browser's saved ids readable across restarts
EXPORT_DIR = Path(tempfile.gettempdir()) / "ragbot-exports"
NEW_TITLE = "New conversation"


def store_for(settings: Settings) -> ConversationStore:
    """The conversation store the settings name (the server database in server mode, else SQLite beside the notes store)."""
    return SqlConversationStore(settings.conversations_url or settings.database_url or default_url(settings.store_dir))


def browser_secret(settings: Settings) -> str:
    """The key ``gr.BrowserState`` encrypts the browser's ids with, made once and kept in the
    store folder: a random key per start would make every browser a stranger after a restart."""
    path = Path(settings.store_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def owner_of(request: gr.Request | None, browser: str | None) -> str | None:
    """``"user:<login>"`` when the page has logins, else ``"browser:<id>"``; None before the
    browser has its id."""
    username = getattr(request, "username", None)
    if username:
        return f"user:{username}"
    return f"browser:{browser}" if browser else None


@dataclass(frozen=True)
class Pending:
    """A question waiting for its answer, with the filter active when it was sent."""

    question: str
    filter: Filter = field(default_factory=Filter)
    begun: Begun | None = field(default=None, compare=False)  # its answer, started when it was sent


class Queues:
    """Per page session: the questions waiting while an answer streams, and the drain answering
    them. One answer at a time per session, in the order asked; Gradio's own queue runs events
    concurrently and has no per-session order, hence this small class. A stopped drain's
    token is void, so an answer it was still computing is neither saved nor shown."""

    def __init__(self):
        self._lock = threading.Lock()
        self._waiting: dict[str, list[Pending]] = {}
        self._drains: dict[str, object] = {}  # session -> token of its running drain
        self._current: dict[str, Pending | None] = {}  # session -> the unanswered question being worked on

    def add(self, session: str, item: Pending, front: bool = False) -> list[Pending]:
        with self._lock:
            waiting = self._waiting.setdefault(session, [])
            waiting.insert(0, item) if front else waiting.append(item)
            return list(waiting)

    def waiting(self, session: str) -> list[Pending]:
        with self._lock:
            return list(self._waiting.get(session, []))

    def idle(self, session: str) -> bool:
        """No answer is being written and none waits: a question added now is answered next."""
        with self._lock:
            return session not in self._drains and not self._waiting.get(session)

    def start(self, session: str) -> object | None:
        """A token to drain the session with; None if a drain runs (it answers what was added)."""
        with self._lock:
            if session in self._drains:
                return None
            self._drains[session], self._current[session] = object(), None
            return self._drains[session]

    def next(self, session: str, token: object) -> Pending | None:
        """The next question to answer; None (and the drain ends) when none is waiting or it was stopped."""
        with self._lock:
            if self._drains.get(session) is not token:
                return None
            waiting = self._waiting.get(session)
            if not waiting:
                for held in (self._waiting, self._drains, self._current):
                    held.pop(session, None)
                return None
            self._current[session] = waiting.pop(0)
            return self._current[session]

    def answered(self, session: str, token: object) -> bool:
        """The question being worked on got its answer; False if the drain was stopped meanwhile."""
        with self._lock:
            if self._drains.get(session) is not token:
                return False
            self._current[session] = None
            return True

    def stop(self, session: str) -> tuple[Pending | None, int]:
        """End the session's drain: the unanswered question being worked on, and how many waiting ones were dropped."""
        with self._lock:
            self._drains.pop(session, None)
            dropped = len(self._waiting.pop(session, []))
            return self._current.pop(session, None), dropped


def queued_html(waiting: list[Pending], note: str = "") -> str:
    """The questions waiting for the answer being written, shown under the chat."""
    if not waiting:
        return f'<p class="rb-muted rb-queued-note">{escape(note)}</p>' if note else ""
    items = "".join(f'<li><span class="rb-queued-label">queued</span> {escape(p.question)}</li>' for p in waiting)
    return f'<div class="rb-queued"><p class="rb-muted">Asked next, in order:</p><ol>{items}</ol></div>'


def export_files(conversation: str | None, title: str, turns: list[Turn]) -> tuple[str | None, str | None]:
    """The conversation written as Markdown and PDF for the download buttons (None: nothing to export)."""
    if not turns:
        return None, None
    folder = EXPORT_DIR / (conversation or uuid.uuid4().hex)
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")[:60] or "conversation"
    markdown = folder / f"{stem}.md"
    markdown.write_text(conversation_markdown(title, turns), encoding="utf-8")
    return str(markdown), str(conversation_pdf(title, turns, folder / f"{stem}.pdf"))


@dataclass
class HistoryPage:
    """The components this module adds to the page."""

    browser: gr.BrowserState
    current: gr.BrowserState
    listing: gr.Radio
    title: gr.Textbox
    rename: gr.Button
    delete: gr.Button
    new: gr.Button
    queued: gr.HTML
    stop: gr.Button
    edit: gr.Button
    copier: gr.HTML
    copied: gr.Textbox
    export_md: gr.DownloadButton
    export_pdf: gr.DownloadButton


def sidebar(settings: Settings) -> dict:
    """The conversations sidebar (call at the top level of the Blocks)."""
    secret = browser_secret(settings)
    # Closed here, opened by sidebar.js on wide screens: on a phone it would cover the chat.
    with gr.Sidebar(label="Conversations", open=False, elem_id="rb-history"):
        new = gr.Button("New conversation", elem_id="rb-new-conversation", size="sm")
        listing = gr.Radio([], label="Conversations", elem_id="rb-conversations", show_label=True)
        title = gr.Textbox(
            label="Title of the open conversation", elem_id="rb-conversation-title", max_length=200,
            placeholder="None open yet: your first question starts one and names it",
        )
        with gr.Row():
            rename = gr.Button("Rename", elem_id="rb-rename", size="sm")
            delete = gr.Button("Delete", elem_id="rb-delete-conversation", size="sm", variant="stop")
    return dict(
        browser=gr.BrowserState(None, storage_key="ragbot-browser", secret=secret),
        current=gr.BrowserState(None, storage_key="ragbot-conversation", secret=secret),
        listing=listing, title=title, rename=rename, delete=delete, new=new,
    )


def actions(side: dict) -> HistoryPage:
    """The queued questions and the answer actions under the question box."""
    queued = gr.HTML("", elem_id="rb-queued")
    with gr.Row(elem_id="rb-actions", equal_height=True):
        stop = gr.Button("Stop (Esc)", elem_id="rb-stop", size="sm", variant="stop")
        edit = gr.Button("Edit last question", elem_id="rb-edit", size="sm")
        export_md = gr.DownloadButton("Export .md", elem_id="rb-export-md", size="sm", interactive=False)
        export_pdf = gr.DownloadButton("Export .pdf", elem_id="rb-export-pdf", size="sm", interactive=False)
    copier = gr.HTML("", elem_id="rb-copier", js_on_load=(HERE / "copy.js").read_text())  # hidden by app.css
    copied = gr.Textbox(visible=False)
    return HistoryPage(queued=queued, stop=stop, edit=edit, copier=copier, copied=copied, export_md=export_md, export_pdf=export_pdf, **side)


class History:
    """Event handlers for saved conversations and the answer actions, for one ``Chat``."""

    def __init__(self, chat: Chat, store: ConversationStore):
        self.chat, self.store, self.queues = chat, store, Queues()

    def _listing(self, owner: str | None, current: str | None):
        choices = [(c.title, c.id) for c in self.store.list(owner)] if owner else []
        return gr.update(choices=choices, value=current if any(v == current for _, v in choices) else None)

    def _opened(self, owner: str | None, conversation: str | None):
        """(current, turns, chatbot, sources, note, title, listing, export md, export pdf) for ``conversation``."""
        found = self.store.open(owner, conversation) if owner and conversation else None
        turns = found.turns if found else []
        last = (turns[-1].answer, len(turns) - 1) if turns else (None, 0)
        md, pdf = export_files(found and found.id, found.title, turns) if found else (None, None)
        return (
            found and found.id, turns, messages(turns), render.sources_html(*last), render.note_placeholder_html(),
            found.title if found else "", self._listing(owner, found and found.id), *self._exports(md, pdf),
        )

    @staticmethod
    def _exports(md: str | None, pdf: str | None):
        return gr.update(value=md, interactive=md is not None), gr.update(value=pdf, interactive=pdf is not None)

    def load(self, browser: str | None, current: str | None, request: gr.Request):
        """A page (re)load: give a new browser its id, reopen the conversation it had open."""
        browser = browser or uuid.uuid4().hex
        return browser, *self._opened(owner_of(request, browser), current)

    def open(self, conversation: str | None, browser: str | None, request: gr.Request):
        return self._opened(owner_of(request, browser), conversation)

    def new(self, browser: str | None, request: gr.Request):
        return self._opened(owner_of(request, browser), None)

    def rename(self, current: str | None, title: str, browser: str | None, request: gr.Request):
        owner = owner_of(request, browser)
        if not (owner and current and self.store.rename(owner, current, title)):
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        found = self.store.open(owner, current)
        return found.title, self._listing(owner, current), *self._exports(*export_files(current, found.title, found.turns))

    def delete(self, current: str | None, browser: str | None, request: gr.Request):
        owner = owner_of(request, browser)
        if owner and current:
            self.store.delete(owner, current)
        return self._opened(owner, None)

    def enqueue(self, question: str, tickers: list[str] | None, since, until, turns: list[Turn], request: gr.Request):
        """A question sent: wait in line behind the answer being written (if any); answered next, it
        is started now (``Chat.begin``), with the conversation it will be answered in."""
        if not (question or "").strip():  # nothing asked: the chat stays as it is, and a note under it says what to type
            return gr.skip(), queued_html([], PROMPT)
        pending = Pending(question, filter_of(tickers, since, until))
        if self.queues.idle(request.session_hash):
            f = pending.filter
            pending = replace(pending, begun=self.chat.begin(question, turns, list(f.tickers), f.since, f.until))
        waiting = self.queues.add(request.session_hash, pending)
        return "", queued_html(waiting)

    def drain(self, turns: list[Turn], current: str | None, browser: str | None, request: gr.Request) -> Iterator[tuple]:
        """Answer the session's waiting questions one by one, streaming each and saving it as it
        arrives. Yields (chatbot, turns, sources, note, queued, current, title, listing, export md, export pdf)."""
        session, owner = request.session_hash, owner_of(request, browser)
        skip = gr.skip()
        token = self.queues.start(session)
        item = self.queues.next(session, token) if token is not None else None
        if item is None:  # nothing to answer (another drain has it, or the question was empty): leave the page as it is
            yield (skip,) * 10
            return
        while item is not None:
            f = item.filter
            for _, chatbot, grown, sources, note in self.chat.respond(item.question, turns, list(f.tickers), f.since, f.until, item.begun):
                saved = isinstance(grown, list) and owner is not None
                if isinstance(grown, list):  # the answer is in: saved before it shows, the list and exports after
                    if not self.queues.answered(session, token):
                        return  # stopped while it was being computed
                    turns = grown
                    if saved:
                        current = self.store.save_turn(owner, current, len(turns) - 1, turns[-1])
                yield chatbot, grown, sources, note, queued_html(self.queues.waiting(session)), current if saved else skip, *(skip,) * 4
                if saved:
                    title = next(c.title for c in self.store.list(owner) if c.id == current)
                    yield (skip,) * 6 + (title, self._listing(owner, current), *self._exports(*export_files(current, title, turns)))
            item = self.queues.next(session, token)

    def stop(self, turns: list[Turn], request: gr.Request):
        """Stop the answer being written (its question goes back to the box) and drop the queued ones."""
        unanswered, dropped = self.queues.stop(request.session_hash)
        note = f"Stopped; {dropped} queued question{'s' if dropped != 1 else ''} dropped." if dropped else "Stopped."
        return unanswered.question if unanswered else gr.skip(), messages(turns), queued_html([], note)

    def retry(self, turns: list[Turn], request: gr.Request):
        """Regenerate: ask the last question again, under the filter it was asked with."""
        if not turns:
            return gr.skip(), gr.skip(), gr.skip()
        waiting = self.queues.add(request.session_hash, Pending(turns[-1].question, turns[-1].filter), front=True)
        return turns[:-1], messages(turns[:-1]), queued_html(waiting)

    @staticmethod
    def edit(turns: list[Turn]):
        """Edit and resend: the last question back in the box; its answer is replaced when resent."""
        if not turns:
            return gr.skip(), gr.skip(), gr.skip()
        return turns[-1].question, turns[:-1], messages(turns[:-1])

    @staticmethod
    def copy(turns: list[Turn], event: gr.EventData) -> str:
        """The Markdown of the answer whose "Copy as Markdown" link was clicked (``copy.js`` sends its number)."""
        index = str(getattr(event, "turn", ""))
        return answer_markdown(turns[int(index)]) if index.isdigit() and int(index) < len(turns) else ""


# Puts the Markdown on the clipboard and says so on the clicked link for two seconds.
COPY_JS = f"""async (markdown) => {{
  if (!markdown) return;
  let said = "Copied";
  try {{ await navigator.clipboard.writeText(markdown); }} catch (error) {{ said = "The browser refused the clipboard"; }}
  const link = window.ragbotCopyLink;
  if (link) {{ link.textContent = said; setTimeout(() => {{ link.textContent = {json.dumps(COPY_LABEL)}; }}, 2000); }}
}}"""


def wire(page, hp: HistoryPage, history: History, demo: gr.Blocks) -> None:
    """Questions go through the per-session queue; conversations are saved, listed and reopened."""
    private = dict(api_visibility="private")
    side = [hp.browser, hp.current]
    opened = [hp.current, page.turns, page.chatbot, page.sources, page.note, hp.title, hp.listing, hp.export_md, hp.export_pdf]
    drained = [page.chatbot, page.turns, page.sources, page.note, hp.queued, hp.current, hp.title, hp.listing, hp.export_md, hp.export_pdf]
    drain = dict(
        fn=history.drain, inputs=[page.turns, hp.current, hp.browser], outputs=drained, concurrency_id="answer",
        trigger_mode="multiple", show_progress="hidden", **private,  # the answer's own placeholder shows progress
    )
    why = dict(fn=history.chat.why, inputs=[page.turns], outputs=[page.why], show_progress="hidden", **private)
    enqueue = dict(
        fn=history.enqueue, inputs=[page.question, page.tickers, page.since, page.until, page.turns], outputs=[page.question, hp.queued],
        queue=False, trigger_mode="multiple", show_progress="hidden", **private,
    )
    asked = page.question.submit(**enqueue).then(**drain)
    asked.then(**why)
    from ragbot.web.app import pick_example  # here: app imports this module

    example = page.chatbot.example_select(pick_example, None, page.question, queue=False, **private).then(**enqueue).then(**drain)
    example.then(**why)
    retried = page.chatbot.retry(history.retry, [page.turns], [page.turns, page.chatbot, hp.queued], queue=False, **private).then(**drain)
    retried.then(**why)
    hp.stop.click(
        history.stop, [page.turns], [page.question, page.chatbot, hp.queued], cancels=[asked, example, retried], queue=False, **private,
    ).then(**why)
    hp.edit.click(history.edit, [page.turns], [page.question, page.turns, page.chatbot], queue=False, **private).then(**why)
    hp.copier.click(history.copy, [page.turns], [hp.copied], queue=False, **private).then(None, [hp.copied], None, js=COPY_JS, **private)

    demo.load(history.load, side, [hp.browser, *opened], **private).then(**why)
    hp.listing.input(history.open, [hp.listing, hp.browser], opened, **private).then(**why)
    hp.new.click(history.new, [hp.browser], opened, **private).then(**why)
    page.chatbot.clear(history.new, [hp.browser], opened, **private).then(**why)
    hp.delete.click(history.delete, [hp.current, hp.browser], opened, **private).then(**why)
    rename = dict(fn=history.rename, inputs=[hp.current, hp.title, hp.browser], outputs=[hp.title, hp.listing, hp.export_md, hp.export_pdf], **private)
    hp.rename.click(**rename)
    hp.title.submit(**rename)
    for script in ("keys.js", "sidebar.js"):
        demo.load(None, js=(HERE / script).read_text())
