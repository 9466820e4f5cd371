"""The ``ragbot`` command line: ingest, search, ask, stats, eval, serve."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ragbot.bot import Ragbot
from ragbot.exit_codes import OK, SOME_FAILED, CannotRun, GuardedTyper
from ragbot.question_input import prepare_question
from ragbot.reports import IngestReport
from ragbot.settings import Settings
from vectorstore.locking import StoreBusy
from vectorstore.versioning import ModelMismatch

app = GuardedTyper(
    help="Ask questions about your research notes, answered with citations.",
    epilog="Exit codes: 0 done; 1 done, but some notes failed; 2 could not run; 3 crashed (--debug shows why).",
    no_args_is_help=True,
)
console = Console()
errors = Console(stderr=True)

StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Store folder (default: RAGBOT_STORE_DIR or .ragbot).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]
NoWaitOpt = Annotated[bool, typer.Option("--no-wait", help="Fail (exit 2) instead of waiting while another process writes the store.")]
TickerOpt = Annotated[Optional[str], typer.Option("--ticker", "-t", help="Only notes about this ticker (overrides routing).")]


def make_bot(store: Path | None = None, **overrides) -> Ragbot:
    """A Ragbot from the environment's settings, with CLI flags laid over them."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store_dir"] = store
    return Ragbot(Settings(**values))


def run_ingest(bot: Ragbot, path: Path | None, sync: bool, quiet: bool) -> IngestReport:
    """Ingest with a rich progress bar on a terminal."""
    if quiet or not console.is_terminal:
        return bot.ingest(path, sync=sync)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("Reading notes", total=None)

        def progress(event: str, done: int, total: int) -> None:
            if event == "index":
                bar.update(task, description="Embedding and indexing", completed=done, total=total)
            else:
                bar.update(task, completed=done)

        return bot.ingest(path, sync=sync, progress=progress)


def print_report(report: IngestReport) -> None:
    table = Table(title="Ingest", show_header=False)
    for name in ("added", "updated", "unchanged", "deleted"):
        table.add_row(name, str(len(getattr(report, name))))
    table.add_row("failed", str(len(report.failed)))
    table.add_row("chunks", f"{report.chunks} ({report.embedded} embedded)")
    console.print(table)
    for failure in report.failed:  # names and reasons come from files: never read as markup
        errors.print(f"[red]failed[/red] {escape(failure.path)}: {escape(failure.error)}", highlight=False)
    for warning in report.warnings:
        errors.print(f"[yellow]warning[/yellow] {escape(warning.path)}: {escape(warning.error)}", highlight=False)


@app.command()
def ingest(
    path: Annotated[Optional[Path], typer.Argument(help="Folder of .txt/.md notes (default: RAGBOT_NOTES_DIR).")] = None,
    sync: Annotated[bool, typer.Option("--sync", help="Also remove notes whose files were deleted.")] = False,
    json_out: JsonOpt = False,
    store: StoreOpt = None,
    no_wait: NoWaitOpt = False,
) -> None:
    """Add new and edited notes to the store; unchanged notes are not re-embedded."""
    bot = make_bot(store, wait_for_writer=False if no_wait else None)
    try:
        report = run_ingest(bot, path, sync, quiet=json_out)
    except (FileNotFoundError, StoreBusy, ModelMismatch) as error:
        raise CannotRun(str(error)) from error
    if json_out:
        print(json.dumps(report.to_json()))
    else:
        print_report(report)
    raise typer.Exit(OK if report.ok else SOME_FAILED)


@app.command()
def search(
    query: str,
    ticker: TickerOpt = None,
    k: Annotated[int, typer.Option("--k", "-k", help="How many passages.")] = 5,
    json_out: JsonOpt = False,
    store: StoreOpt = None,
) -> None:
    """Show the passages retrieval finds for QUERY (a debugging view)."""
    bot = make_bot(store)
    print_notices(prepare_question(query, bot.settings.max_question_chars).notices)
    hits = bot.search(query, ticker=ticker, k=k)
    if json_out:
        print(json.dumps([h.to_json() for h in hits]))
        return
    if not hits:
        console.print("No passages found.")
    for n, hit in enumerate(hits, start=1):
        sentiment = f"{hit.sentiment_label} ({hit.sentiment_score:+.2f})" if hit.sentiment_score is not None else "no sentiment"
        console.rule(escape(f"[{n}] {hit.source}  {' '.join(hit.tickers)}  {sentiment}  score {hit.score:.4f}"))
        console.print(hit.text, markup=False, highlight=False)


@app.command()
def ask(
    question: str,
    ticker: TickerOpt = None,
    json_out: JsonOpt = False,
    no_rerank: Annotated[bool, typer.Option("--no-rerank", help="Skip the cross-encoder (faster).")] = False,
    store: StoreOpt = None,
) -> None:
    """Answer QUESTION from your notes, citing every sentence."""
    bot = make_bot(store, reranker=False if no_rerank else None)
    answer = bot.ask(question, ticker=ticker)
    if json_out:
        print(json.dumps(answer.to_json()))
        return
    print_notices(answer.notices)
    console.print(answer.text, markup=False, highlight=False)
    for c in answer.citations or answer.related:
        label = "" if answer.found else "possibly related: "
        sentiment = f" {c.sentiment_label} ({c.sentiment_score:+.2f})" if c.sentiment_score is not None else ""
        where = f"{label}{c.source} {' '.join(c.tickers)}{sentiment} {c.date or ''}"
        console.print(f"[bold]\\[{c.n}][/bold] {escape(where)}")
        console.print(f"    {c.sentence}", markup=False, highlight=False)


@app.command()
def stats(store: StoreOpt = None, json_out: JsonOpt = False) -> None:
    """How many notes and chunks the store holds, and notes per ticker."""
    result = make_bot(store).stats()
    if json_out:
        print(json.dumps(result.to_json()))
        return
    console.print(f"{result.notes} notes, {result.chunks} chunks")
    table = Table("ticker", "notes")
    for ticker, count in result.tickers.items():
        table.add_row(ticker, str(count))
    console.print(table)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --auth.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the chat page.")] = 7860,
    auth: Annotated[Optional[str], typer.Option("--auth", help="user:password required to open the page.")] = None,
    auth_file: Annotated[Optional[Path], typer.Option("--auth-file", help="File of user:password lines.")] = None,
    store: StoreOpt = None,
) -> None:
    """Open the chat page (Gradio) at http://HOST:PORT."""
    from ragbot.web.app import serve as serve_app

    serve_app(make_bot(store), host=host, port=port, auth=auth, auth_file=auth_file)


_EVAL_COLUMNS = {
    "questions": "n", "hit@1": "hit@1", "hit@3": "hit@3", "hit@5": "hit@5", "mrr": "MRR",
    "citation_precision": "cite P", "keyword_recall": "kw recall", "found_when_answerable": "found",
    "no_answer_accuracy": "no-answer",
}


def print_eval(result) -> None:
    table = Table("kind", *_EVAL_COLUMNS.values(), title="Evaluation", box=box.SIMPLE_HEAD, padding=(0, 1))
    rows = [("all", result.overall), *result.by_kind.items()]
    for kind, figures in rows:
        table.add_row(kind, *("-" if figures[m] is None else f"{figures[m]:.2f}".rstrip("0").rstrip(".") for m in _EVAL_COLUMNS))
    console.print(table)
    console.print(f"latency: p50 {result.latency.get('p50_ms')} ms, p95 {result.latency.get('p95_ms')} ms")


@app.command("eval")
def evaluate(
    qa_file: Annotated[Path, typer.Argument(help="JSONL of labelled questions (see eval/README.md).")],
    notes: Annotated[Path, typer.Option("--notes", help="Folder of the notes the questions are about.")],
    json_out: JsonOpt = False,
    no_rerank: Annotated[bool, typer.Option("--no-rerank", help="Skip the cross-encoder.")] = False,
    show: Annotated[bool, typer.Option("--show", help="Print every question with its answer.")] = False,
) -> None:
    """Ingest NOTES into a throwaway store and score answers to QA_FILE's questions."""
    from ragbot.evaluation import AnswerEvaluator, load_records

    with tempfile.TemporaryDirectory(prefix="ragbot-eval-") as store:
        bot = make_bot(Path(store), reranker=False if no_rerank else None)
        bot.ingest(notes)
        bot.warm_up()
        result = AnswerEvaluator(load_records(qa_file))(lambda q, history: bot.ask(q, history=history))
    if show:
        for o in result.outcomes:
            errors.print(f"[bold]{o.record.id} {o.record.kind}[/bold] {o.record.question} gold={o.record.gold_notes}")
            errors.print(f"  found={o.answer.found} cited={o.cited_notes} {o.answer.text[:300]}", markup=False)
    if json_out:
        print(json.dumps(result.to_json()))
    else:
        print_eval(result)


@app.command()
def doctor(
    repair: Annotated[bool, typer.Option("--repair", help="Fix what can be re-derived from the authoritative copy.")] = False,
    json_out: JsonOpt = False,
    store: StoreOpt = None,
    no_wait: NoWaitOpt = False,
) -> None:
    """Check that Chroma's vector index, its metadata, the records and the lexical index agree (exit 1 if not)."""
    try:
        checkup = make_bot(store, wait_for_writer=False if no_wait else None).doctor(repair=repair)
    except (StoreBusy, ModelMismatch) as error:
        raise CannotRun(str(error)) from error
    if json_out:
        print(json.dumps(checkup.to_json()))
    else:
        console.print(f"{checkup.chunks} chunks, {checkup.records} records, {checkup.lexical} lexical rows")
        for finding in checkup.findings:
            console.print(f"[red]problem[/red] {finding.message}: {len(finding.ids)}")
        for done in checkup.repaired:
            console.print(f"[green]repaired[/green] {done}")
        if checkup.ok:
            console.print("[green]store is consistent[/green]")
        elif not repair:
            console.print("run `ragbot doctor --repair` to fix what can be re-derived")
    raise typer.Exit(0 if checkup.ok or checkup.repaired else 1)


@app.command()
def reembed(store: StoreOpt = None, no_wait: NoWaitOpt = False) -> None:
    """Embed every stored chunk again with RAGBOT_EMBEDDING_MODEL (after changing the model)."""
    try:
        count = make_bot(store, wait_for_writer=False if no_wait else None).reembed()
    except StoreBusy as error:
        raise CannotRun(str(error)) from error
    console.print(f"re-embedded {count} chunks")


# -- input safety (issue 8): exit codes, --debug, question notices ----------------------
@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback when a command crashes (exit code 3).")] = False,
) -> None:
    """Options for every command."""
    app.debug = debug


def print_notices(notices) -> None:
    """What was changed in a question (cut, unreadable characters), on stderr."""
    for notice in notices:
        errors.print(f"[yellow]note[/yellow] {escape(notice)}", highlight=False)


if __name__ == "__main__":
    app()
