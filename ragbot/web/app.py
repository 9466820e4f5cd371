"""The chat page (Gradio Blocks): layout, event wiring, and ``serve`` for ``ragbot serve``."""

from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from ragbot.bot import Ragbot
from ragbot.exit_codes import CannotRun
from ragbot.generative.llm import privacy_notice
from ragbot.userdata import uploads_folder
from ragbot.web import render
from ragbot.web.auth import check_admins, credentials, is_loopback
from ragbot.web.chat import CONCURRENCY, Chat, parse_day
from ragbot.web import history
from ragbot.web.notes import ADMINS_ONLY, Notes
from ragbot.web.live import wire_live_refresh
from ragbot.web.views import LATEST_COLUMNS, NOTE_COLUMNS, StoreViews, scores_shown
from ragbot.watch import FolderWatcher

HERE = Path(__file__).parent
QUEUE_SIZE = 64  # questions waiting before new ones are refused
_SYSTEM_FONTS = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"]
_MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]


@dataclass
class DeleteControls:
    """The notes tab's re-include box, delete confirmation and Undo (issue 13)."""

    include_deleted: gr.Checkbox
    confirm: gr.Row
    confirm_text: gr.HTML
    yes: gr.Button
    cancel: gr.Button
    undo: gr.Button
    removed: gr.State


@dataclass
class Page:
    """The components that events read or write."""

    turns: gr.State
    header: gr.HTML
    tickers: gr.Dropdown
    chatbot: gr.Chatbot
    question: gr.Textbox
    sources: gr.HTML
    note: gr.HTML
    upload: gr.File
    sync: gr.Checkbox
    reingest: gr.Button
    report: gr.HTML
    table: gr.Dataframe
    to_delete: gr.Dropdown
    delete: gr.Button
    plot: gr.Plot
    since: gr.DateTime
    until: gr.DateTime
    latest: gr.Dataframe
    sentiment_note: gr.HTML
    why: gr.Textbox | None = None
    history: history.HistoryPage | None = None
    deleting: DeleteControls | None = None
    admin_only: tuple[gr.Row, ...] = ()  # shown to the logins that may change the store
    read_only: gr.HTML | None = None  # shown to the others instead


def layout(bot: Ragbot) -> Page:
    """Header with the ticker filter, then the Chat, Notes and Sentiment tabs; conversations in a sidebar."""
    turns = gr.State([])
    side = history.sidebar(bot.settings)
    with gr.Row(elem_id="rb-header", equal_height=True):
        header = gr.HTML(render.brand_html(""), elem_id="rb-brand", scale=2, min_width=300)
        tickers = gr.Dropdown(
            multiselect=True, label="Tickers", elem_id="rb-tickers", scale=3,
            info="Narrows the chat, notes and sentiment; empty: each question picks the companies it names.",
        )
        since = gr.DateTime(include_time=False, type="string", label="From", elem_id="rb-since", scale=1, min_width=200, info="Notes dated on or after (chat and sentiment).")
        until = gr.DateTime(include_time=False, type="string", label="To", elem_id="rb-until", scale=1, min_width=200, info="Notes dated on or before.")
    with gr.Tabs():
        with gr.Tab("Chat", id="chat"):
            if notice := privacy_notice(bot.settings):  # passages leave the machine: say so once, on the page
                gr.HTML(render.message_html(notice), elem_id="rb-privacy")
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=420):
                    chatbot = gr.Chatbot(
                        label="Chat", show_label=False, elem_id="rb-chat", height=600, render_markdown=False, latex_delimiters=[],
                        placeholder="Ask about the companies in your notes.", buttons=[],
                    )
                    question = gr.Textbox(
                        show_label=False, elem_id="rb-question", submit_btn="Ask", autofocus=True,
                        placeholder="Ask, e.g. what are Alibaba's cloud risks? (/ to type here)",
                    )
                    actions = history.actions(side)
                    with gr.Accordion("Why this answer", open=False, elem_id="rb-why"):
                        why = gr.Textbox(show_label=False, lines=12, max_lines=40, interactive=False)
                with gr.Column(scale=2, min_width=340, elem_id="rb-side"):
                    sources = gr.HTML(render.sources_html(None), elem_id="rb-sources", js_on_load=(HERE / "sources.js").read_text())
                    note = gr.HTML(render.note_placeholder_html(), elem_id="rb-note", js_on_load=(HERE / "note.js").read_text())
        with gr.Tab("Notes", id="notes"):
            everyone = not bot.settings.admins  # else hidden until the page's login proves an admin (wire_notes)
            read_only = gr.HTML(render.message_html(ADMINS_ONLY), visible=False, elem_id="rb-read-only")
            with gr.Row(equal_height=True, visible=everyone) as adding:
                # (no file_types: Gradio refuses other files with a bare "Error"; ``save_uploads``
                # names each refused file and says which kinds a note may be)
                upload = gr.File(
                    file_count="multiple", elem_id="rb-upload",
                    label=(
                        f"Add notes: drop .txt / .md files (up to {bot.settings.max_note_bytes / 1e6:.1f} MB each) or "
                        f"PDF, HTML, .docx, .eml (up to {bot.settings.max_document_bytes / 1e6:.0f} MB)"
                    ),
                )
                with gr.Column():
                    gr.HTML(render.message_html(
                        f"Notes folder: {bot.settings.notes_dir} \u00b7 uploads are saved to {uploads_folder(bot.settings)}"
                    ))
                    sync = gr.Checkbox(label="Also remove stored notes that are not in the notes folder (ingested from other folders too; uploads stay)")
                    include_deleted = gr.Checkbox(label="Also bring back notes deleted here", elem_id="rb-include-deleted")
                    reingest = gr.Button("Re-ingest notes folder", elem_id="rb-reingest")
            report = gr.HTML(elem_id="rb-report")
            table = gr.Dataframe(
                label="Notes (click a column name to sort)", interactive=False, elem_id="rb-notes-table", max_height=420, wrap=True,
                show_search="search", column_widths=["18%", "18%", "12%", "12%", "17%", "14%", "9%"],
            )
            with gr.Row(equal_height=True, visible=everyone) as removing:
                to_delete = gr.Dropdown(label="Note to delete (or click it in the table)", scale=4, elem_id="rb-to-delete")
                delete = gr.Button("Delete from store", variant="stop", scale=1)
            with gr.Row(visible=False, equal_height=True, elem_id="rb-confirm-delete") as confirm:
                confirm_text = gr.HTML(scale=4)
                yes = gr.Button("Yes, delete", variant="stop", scale=1, elem_id="rb-confirm-yes")
                cancel = gr.Button("Cancel", scale=1)
            undo = gr.Button("Undo delete", visible=False, elem_id="rb-undo")
            deleting = DeleteControls(include_deleted, confirm, confirm_text, yes, cancel, undo, gr.State(None))
        with gr.Tab("Sentiment", id="sentiment"):
            plot = gr.Plot(elem_id="rb-plot", show_label=False)
            gr.HTML(render.message_html(
                "A line per ticker; a point's size is the number of notes that day (hover for titles and scores). A note's date comes from "
                "its Date: line, front matter, file name, first-sentence dateline, else the file's modification date (the notes table's 'date from')."
            ))
            with gr.Row(equal_height=False):
                latest = gr.Dataframe(
                    label="Latest notes per ticker (click one to read it)", interactive=False, elem_id="rb-latest", wrap=True, scale=3, min_width=320,
                    column_widths=["12%", "14%", "22%", "15%", "9%", "28%"],  # ticker date note label score title
                )
                sentiment_note = gr.HTML(
                    render.note_placeholder_html(), elem_id="rb-sentiment-note", min_width=320,
                    js_on_load=(HERE / "plot_click.js").read_text(),
                )
    return Page(
        turns, header, tickers, chatbot, question, sources, note, upload, sync, reingest, report, table, to_delete, delete, plot,
        since, until, latest, sentiment_note, why, actions, deleting, (adding, removing), read_only,
    )


def wire_chat(page: Page, chat: Chat, demo: gr.Blocks) -> None:
    """Questions (typed or picked from the examples) stream answers and are saved (``history``); citations open notes."""
    history.wire(page, page.history, history.History(chat, history.store_for(chat.bot.settings)), demo)
    page.sources.click(chat.open_citation, [page.turns], [page.sources, page.note], api_visibility="private")


def store_outputs(page: Page) -> list:
    return [page.header, page.tickers, page.table, page.to_delete, page.plot, page.latest]


def filters(page: Page) -> list:
    return [page.tickers, page.since, page.until]


def sentiment_views(views: StoreViews):
    """The sentiment plot and latest-notes table for the selected tickers and date range."""

    def show(tickers: list[str] | None, since: str | None, until: str | None):
        start, end = parse_day(since), parse_day(until)
        return views.sentiment_chart(tickers, start, end), scores_shown(views.latest_notes(tickers, start, end))

    return show


def refresher(views: StoreViews):
    """The store's views for ``store_outputs``, narrowed to the selected tickers (and dates)."""
    sentiment = sentiment_views(views)

    def refresh(tickers: list[str] | None, since: str | None = None, until: str | None = None):
        return (
            render.brand_html(views.summary()), gr.update(choices=views.ticker_choices()), scores_shown(views.notes_table(tickers)),
            gr.update(choices=views.sources(), value=None), *sentiment(tickers, since, until),
        )

    return refresh


def wire_notes(page: Page, notes: Notes, views: StoreViews, demo: gr.Blocks) -> None:
    """Uploads, re-ingest and delete change the store (one at a time); then every view is refreshed.
    With admins named, each page shows those controls only to an admin (``Notes`` refuses the rest)."""
    if notes.bot.settings.admins:
        demo.load(admin_view(notes, len(page.admin_only)), None, [*page.admin_only, page.read_only], api_name="notes_controls", api_visibility="private")
    refreshed = dict(fn=refresher(views), inputs=filters(page), outputs=store_outputs(page), api_visibility="private")
    store = dict(concurrency_id="store", concurrency_limit=1, api_visibility="private")
    d = page.deleting
    hide = gr.update(visible=False)
    forget = dict(fn=lambda: (None, hide), inputs=None, outputs=[d.removed, d.undo], queue=False, api_visibility="private")  # Undo lasts until the next action
    # named events: the ones a login that is not an admin is refused (tests/test_web_admins.py calls them by name)
    page.upload.upload(**forget).then(notes.ingest_uploads, [page.upload], [page.report, page.upload], api_name="upload_notes", **store).then(**refreshed)
    page.reingest.click(**forget).then(notes.reingest, [page.sync, d.include_deleted], [page.report], api_name="reingest_notes", **store).then(**refreshed)
    page.delete.click(**forget).then(notes.ask_delete, [page.to_delete], [d.confirm_text, d.confirm], api_name="ask_delete_note", api_visibility="private")
    d.yes.click(notes.delete, [page.to_delete], [page.report, d.confirm, d.undo, d.removed], api_name="delete_note", **store).then(**refreshed)
    d.cancel.click(lambda: hide, None, d.confirm, queue=False, api_visibility="private")
    d.undo.click(notes.undo, [d.removed], [page.report, d.undo, d.removed], api_name="undo_delete", **store).then(**refreshed)
    page.to_delete.change(lambda: hide, None, d.confirm, queue=False, api_visibility="private")
    page.table.select(pick_note, None, page.to_delete, api_visibility="private")
    page.tickers.change(views.notes_table, [page.tickers], [page.table], api_visibility="private")
    narrowed = dict(fn=sentiment_views(views), inputs=filters(page), outputs=[page.plot, page.latest], api_visibility="private")
    for control in filters(page):
        control.change(**narrowed)
    for control in (page.since, page.until):  # a typed date is applied on Enter too
        control.submit(**narrowed)
    page.latest.select(note_opener(views), None, page.sentiment_note, api_visibility="private")
    page.sentiment_note.click(plot_note_opener(views), None, page.sentiment_note, api_visibility="private")


def admin_view(notes: Notes, rows: int):
    """The notes tab for the page's login: the store-changing rows for an admin, a notice for the others."""

    def notes_controls(request: gr.Request):
        allowed = notes.allowed(request)
        return *[gr.update(visible=allowed)] * rows, gr.update(visible=not allowed)

    return notes_controls


def pick_example(event: gr.SelectData) -> str:
    return event.value["text"]


def pick_row(event: gr.SelectData, column: int) -> str | None:
    """The value in ``column`` of the clicked table row."""
    row = event.row_value or []
    return row[column] if len(row) > column else None


def note_opener(views: StoreViews):
    """A click on a row of the latest-notes table opens that note beside it."""

    def open_note(event: gr.SelectData) -> str:
        return views.note_view(pick_row(event, LATEST_COLUMNS.index("note")))

    return open_note


def plot_note_opener(views: StoreViews):
    """A click on a point of the sentiment plot (``plot_click.js`` sends its note) opens that note."""

    def open_note(event: gr.EventData):
        note = getattr(event, "note", None)
        return views.note_view(note) if note else gr.skip()

    return open_note


def pick_note(event: gr.SelectData):
    """A click on a row of the notes table picks that note for deletion."""
    return pick_row(event, NOTE_COLUMNS.index("note")) or gr.skip()


def api_ask(bot: Ragbot):
    """The ``/ask`` endpoint: the JSON ``ragbot ask --json`` prints."""

    def ask(question: str, tickers: list[str] | str | None = None) -> dict:
        """Answer ``question`` from the notes (only notes about ``tickers`` if given: a list of
        tickers, or one as a string), with citations."""
        if isinstance(tickers, str):
            tickers = [tickers]
        if tickers is not None and not (isinstance(tickers, list) and all(isinstance(t, str) for t in tickers)):
            raise gr.Error("tickers must be a list of ticker strings, e.g. [\"BABA\"]")
        return bot.ask(question, ticker=list(tickers) if tickers else None).to_json()

    return ask


def build_app(bot: Ragbot) -> gr.Blocks:
    """The whole page over ``bot`` (call ``bot.warm_up()`` first so no request pays for loading);
    any process's write to the store (a watcher, a CLI ingest) refreshes the notes table,
    tickers and sentiment view."""
    views = StoreViews(bot)
    with gr.Blocks(title="ragbot", analytics_enabled=False) as demo:
        page = layout(bot)
        wire_chat(page, Chat(bot), demo)
        wire_notes(page, Notes(bot), views, demo)
        wire_live_refresh(demo, bot.store.generation, refresher(views), filters(page), store_outputs(page))
        demo.load(refresher(views), filters(page), store_outputs(page), api_name="store_views", api_visibility="private")
        demo.load(lambda: gr.update(examples=[{"text": q} for q in views.examples()]), None, page.chatbot, api_visibility="private")
        gr.api(api_ask(bot), api_name="ask", concurrency_id="answer")
    return demo.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_SIZE)


def theme() -> gr.themes.Base:
    """Gradio's Soft theme in indigo and slate, with the light theme's grey and indigo text
    darkened to meet WCAG AA (4.5:1) on its backgrounds (the dark theme's already do)."""
    return gr.themes.Soft(primary_hue="indigo", neutral_hue="slate", font=_SYSTEM_FONTS, font_mono=_MONO_FONTS).set(
        body_text_color_subdued="*neutral_600", block_label_text_color="*primary_700", block_title_text_color="*primary_700",
        # white on indigo-500 is 4.46:1, on indigo-600 6.3:1: the selected radio label (the open conversation)
        checkbox_label_background_fill_selected="*primary_600",
    )


def launch(bot: Ragbot, **options) -> gr.Blocks:
    """Build the page and start serving it; ``options`` go to ``Blocks.launch``."""
    demo = build_app(bot)
    demo.launch(
        theme=theme(), css_paths=[HERE / "app.css"], max_file_size=max(bot.settings.max_note_bytes, bot.settings.max_document_bytes),
        footer_links=[], show_error=True, **options,  # Gradio 6.31 leaves a dangling "·" beside any one link; /ask is in the README
    )
    return demo


def check_port(host: str, port: int) -> None:
    """Refuse, before loading any model, a port this machine cannot serve on (another page on it)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)  # not create_server's "(while attempting to bind...)"
        raise CannotRun(f"cannot serve on {host}:{port} ({reason}; another ragbot serve?): pick a free one with --port") from error


def serve(
    bot: Ragbot, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None, auth_file: Path | None = None,
    watch: bool = False,
) -> None:
    """Load the models and store once, then serve the page at http://HOST:PORT until interrupted;
    with ``watch``, also keep the store in line with the notes folder (``ragbot watch``)."""
    logins = credentials(auth, auth_file)
    check_admins(bot.settings.admins, logins)
    check_port(host, port)
    if logins is None and not is_loopback(host):
        print(
            f"warning: serving on {host} without --auth; anyone who can reach it can read and change your notes",
            file=sys.stderr,
        )
    if notice := privacy_notice(bot.settings):
        print(f"note: {notice}", file=sys.stderr)
    bot.warm_up()
    # Gradio's own start-up lines suggest share=True (a public tunnel), which ragbot never uses.
    if watch:
        FolderWatcher(bot, Path(bot.settings.notes_dir), log=lambda line: print(f"watch: {line}", flush=True)).start()
    print(f"ragbot: chat at http://{host}:{port} (Ctrl+C to stop)", flush=True)
    launch(bot, server_name=host, server_port=port, auth=logins, quiet=True)
