"""The ``ragbot`` command line: ingest, search, ask, stats, eval, serve."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.dates import date_source_label
from ingest.loader import NOTE_SUFFIXES
from ragbot.bot import Ragbot
from ragbot.exit_codes import CANNOT_RUN, OK, SOME_FAILED, CannotRun, GuardedTyper
from ragbot.progress import IngestProgress
from ragbot.reports import IngestReport
from ragbot.settings import Settings

app = GuardedTyper(
    help="Ask questions about your research notes, answered with citations.",
    epilog="Exit codes: 0 done; 1 done, but some notes failed; 2 could not run; 3 crashed (--debug shows why).",
    no_args_is_help=True,
)
console = Console()
errors = Console(stderr=True)

StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Store folder (default: RAGBOT_STORE_DIR or .ragbot).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]
SinceOpt = Annotated[Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Only notes dated on or after this day.")]
UntilOpt = Annotated[Optional[datetime], typer.Option("--until", formats=["%Y-%m-%d"], help="Only notes dated on or before this day.")]
NoWaitOpt = Annotated[bool, typer.Option("--no-wait", help="Fail (exit 2) instead of waiting while another process writes the store.")]
TickerOpt = Annotated[Optional[str], typer.Option("--ticker", "-t", help="Only notes about this ticker (overrides routing).")]


def make_bot(store: Path | None = None, existing: bool = False, **overrides) -> Ragbot:
    """A Ragbot from the environment's settings, with CLI flags laid over them; ``existing``: a
    ``--store`` folder given must exist (a command that only reads it, where a typo'd path would
    otherwise open an empty store)."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store_dir"] = store
    settings = Settings(**values)
    if existing and store is not None and not store.exists():
        raise CannotRun(f"no store at {store}: ingest notes into it first (ragbot ingest FOLDER --store {store})")
    return Ragbot(settings)


def run_ingest(bot: Ragbot, path: Path | None, sync: bool, quiet: bool, include_deleted: bool = False) -> IngestReport:
    """Ingest with a rich progress bar on a terminal: reading, embedding, indexing, each with an ETA
    (the same ``IngestProgress`` events the chat page shows)."""
    if quiet or not console.is_terminal:
        return bot.ingest(path, sync=sync, include_deleted=include_deleted)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[eta]}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("Reading files", total=None, eta="")

        def progress(event: IngestProgress) -> None:
            bar.update(task, description=event.label, completed=event.done, total=event.total, eta=event.eta_text)

        return bot.ingest(path, sync=sync, progress=progress, include_deleted=include_deleted)


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
    if report.missing:
        errors.print(f"kept {len(report.missing)} stored note{'s' * (len(report.missing) != 1)} whose files are not in this folder (--sync removes them)", highlight=False)
    if report.excluded:
        errors.print(f"left out {len(report.excluded)} note{'s' * (len(report.excluded) != 1)} deleted on the chat page (--include-deleted brings them back)", highlight=False)
    if report.not_notes:
        shown = ", ".join(report.not_notes[:5]) + (f" and {len(report.not_notes) - 5} more" if len(report.not_notes) > 5 else "")
        errors.print(f"not read (not a note type: {', '.join(NOTE_SUFFIXES)}): {escape(shown)}", highlight=False)


@app.command()
def ingest(
    path: Annotated[Optional[Path], typer.Argument(help="Folder of notes: .txt, .md, .pdf, .html, .docx, .eml (default: RAGBOT_NOTES_DIR).")] = None,
    sync: Annotated[bool, typer.Option("--sync", help="Also remove notes whose files were deleted.")] = False,
    json_out: JsonOpt = False,
    store: StoreOpt = None,
    no_wait: NoWaitOpt = False,
    include_deleted: Annotated[bool, typer.Option("--include-deleted", help="Also ingest notes deleted on the chat page whose files stayed (and stop leaving them out).")] = False,
) -> None:
    """Add new and edited notes to the store; unchanged notes are not re-embedded."""
    bot = make_bot(store, wait_for_writer=False if no_wait else None)
    try:
        report = run_ingest(bot, path, sync, quiet=json_out, include_deleted=include_deleted)
    except FileNotFoundError as error:
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
    from ragbot.question_input import prepare_question

    bot = make_bot(store, existing=True)
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
    since: SinceOpt = None,
    until: UntilOpt = None,
    llm: Annotated[Optional[bool], typer.Option("--llm/--no-llm", help="Write the answer with the configured LLM, or quote sentences (default: RAGBOT_LLM).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show why: each sentence's features, score and fate, and the gate's evidence.")] = False,
) -> None:
    """Answer QUESTION from your notes, citing every sentence."""
    from ragbot.answering.trace import explain as explain_trace
    from ragbot.generative.cli import check_llm

    bot = make_bot(store, existing=True, reranker=False if no_rerank else None, llm=llm)
    check_llm(bot.settings, errors)
    answer = bot.ask(question, ticker=ticker, since=since and since.date(), until=until and until.date())
    if json_out:
        print(json.dumps(answer.to_json(trace=explain)))
        return
    print_notices(answer.notices)
    console.print(answer.text, markup=False, highlight=False)
    for c in answer.citations or answer.related:
        label = "" if answer.found else "possibly related: "
        sentiment = f" {c.sentiment_label} ({c.sentiment_score:+.2f})" if c.sentiment_score is not None else ""
        page = f" p. {c.page}" if c.page else ""
        where = f"{label}{c.source}{page} {' '.join(c.tickers)}{sentiment} {c.date or ''}"
        console.print(f"[bold]\\[{c.n}][/bold] {escape(where)}")
        console.print(f"    {c.sentence}", markup=False, highlight=False)
    if explain:
        console.rule("why this answer")
        console.print(explain_trace(answer.trace) if answer.trace else "This answerer keeps no trace.", markup=False, highlight=False)


@app.command()
def stats(store: StoreOpt = None, json_out: JsonOpt = False) -> None:
    """How many notes and chunks the store holds, and notes per ticker."""
    result = make_bot(store, existing=True).stats()
    if json_out:
        print(json.dumps(result.to_json()))
        return
    console.print(f"{result.notes} notes, {result.chunks} chunks")
    table = Table("ticker", "notes", title="Notes naming each ticker (about it or in passing)")
    for ticker, count in result.tickers.items():
        table.add_row(ticker, str(count))
    console.print(table)
    dates = Table("date from", "notes", title="Where the notes' dates come from")
    for source, count in result.date_sources.items():
        dates.add_row(date_source_label(source), str(count))
    console.print(dates)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind; any address but loopback without --auth gets a warning (anyone who reaches it can read your notes).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the chat page.")] = 7860,
    auth: Annotated[Optional[str], typer.Option("--auth", help="user:password required to open the page.")] = None,
    auth_file: Annotated[Optional[Path], typer.Option("--auth-file", help="File of user:password lines.")] = None,
    store: StoreOpt = None,
    watch: Annotated[bool, typer.Option("--watch", help="Also ingest RAGBOT_NOTES_DIR as its files change; the page refreshes.")] = False,
) -> None:
    """Open the chat page (Gradio) at http://HOST:PORT."""
    from ragbot.web.app import serve as serve_app

    serve_app(make_bot(store), host=host, port=port, auth=auth, auth_file=auth_file, watch=watch)


_EVAL_COLUMNS = {
    "questions": "n", "hit@1": "hit@1", "hit@3": "hit@3", "hit@5": "hit@5", "mrr": "MRR",
    "citation_precision": "cite P", "keyword_recall": "kw recall", "found_when_answerable": "found",
    "no_answer_accuracy": "no-answer", "wrong_company": "wrong co.", "unattributed": "no co.",
}


def print_eval(result) -> None:
    table = Table("kind", *_EVAL_COLUMNS.values(), title="Evaluation", box=box.SIMPLE_HEAD, padding=(0, 1))
    rows = [("all", result.overall), *result.by_kind.items()]
    for kind, figures in rows:
        table.add_row(kind, *("-" if figures[m] is None else f"{figures[m]:.2f}".rstrip("0").rstrip(".") for m in _EVAL_COLUMNS))
    console.print(table)
    if result.by_near_miss:
        misses = Table("near miss", "n", "no-answer", title="No-answer accuracy by near-miss kind", box=box.SIMPLE_HEAD, padding=(0, 1))
        for kind, figures in result.by_near_miss.items():
            misses.add_row(kind, str(figures["questions"]), f"{figures['no_answer_accuracy']:.2f}")
        console.print(misses)
    console.print(f"latency: p50 {result.latency.get('p50_ms')} ms, p95 {result.latency.get('p95_ms')} ms")


@app.command("eval")
def evaluate(
    qa_file: Annotated[Path, typer.Argument(help="JSONL of labelled questions (see eval/README.md).")],
    notes: Annotated[list[Path], typer.Option("--notes", help="Folder of the notes the questions are about (repeat for several).")],
    json_out: JsonOpt = False,
    no_rerank: Annotated[bool, typer.Option("--no-rerank", help="Skip the cross-encoder.")] = False,
    show: Annotated[bool, typer.Option("--show", help="Print every question with its answer.")] = False,
) -> None:
    """Ingest NOTES into a throwaway store and score answers to QA_FILE's questions."""
    from ragbot.evaluation import AnswerEvaluator, load_records

    with tempfile.TemporaryDirectory(prefix="ragbot-eval-") as store:
        bot = make_bot(Path(store), reranker=False if no_rerank else None)
        for folder in notes:
            bot.ingest(folder)
        bot.warm_up()
        result = AnswerEvaluator(load_records(qa_file), bot.notes_about())(lambda q, history: bot.ask(q, history=history))
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
    """Check that Chroma's vector index, its metadata, the records and the lexical index agree (exit 1 if not);
    in server mode, first that PostgreSQL and Chroma's server answer, their versions and the schema (exit 2 if one is down)."""
    checkup = make_bot(store, wait_for_writer=False if no_wait else None).doctor(repair=repair)  # busy store: exit 2
    if json_out:
        print(json.dumps(checkup.to_json()))
    else:
        for server in checkup.servers:  # server mode: connectivity, versions, schema
            console.print(f"[{'green' if server.ok else 'red'}]{server.name}[/] {escape(server.detail)}", highlight=False)
        if not checkup.reachable:
            raise typer.Exit(CANNOT_RUN)
        console.print(f"{checkup.chunks} chunks, {checkup.records} records, {checkup.lexical} lexical rows")
        for finding in checkup.findings:
            console.print(f"[red]problem[/red] {finding.message}: {len(finding.ids)}")
        for done in checkup.repaired:
            console.print(f"[green]repaired[/green] {done}")
        if checkup.ok:
            console.print("[green]store is consistent[/green]")
        elif not repair:
            console.print("run `ragbot doctor --repair` to fix what can be re-derived")
    raise typer.Exit(CANNOT_RUN if not checkup.reachable else 0 if checkup.ok or checkup.repaired else 1)


@app.command()
def reembed(store: StoreOpt = None, no_wait: NoWaitOpt = False) -> None:
    """Embed every stored chunk again with RAGBOT_EMBEDDING_MODEL (after changing the model)."""
    count = make_bot(store, wait_for_writer=False if no_wait else None).reembed()  # busy store: exit 2
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


# -- sentiment (issue 11) -------------------------------------------------------------------
@app.command()
def sentiment(
    tickers: Annotated[list[str], typer.Argument(help="Tickers (or company names) to report.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Group by month or quarter (default: by the notes' spread).")] = None,
    json_out: JsonOpt = False,
    store: StoreOpt = None,
) -> None:
    """Sentiment per ticker over time: average, first and latest note, change, per-period averages."""
    from ragbot.sentiment.report import ticker_trends, trend_json, window_of

    if by not in (None, "month", "quarter"):
        raise CannotRun(f"--by must be month or quarter, not {by!r}")
    bot = make_bot(store, existing=True)
    bot.router  # learns the companies the notes list but the alias table lacks
    names = [next(iter(bot.resolver.resolve(t, case_sensitive_names=False)), None) or bot.resolver.directory.canonical(t.upper()) for t in tickers]
    window = window_of(since.date() if since else None, until.date() if until else None)
    trends = ticker_trends(bot.note_catalog, names, window, by)
    if json_out:
        print(json.dumps({"since": since and since.date().isoformat(), "until": until and until.date().isoformat(), "by": by,
                          "tickers": {t: trend_json(found) for t, found in trends.items()}}))
        return
    table = Table("ticker", "notes", "average", "first", "latest", "change", "by period", title="Sentiment", box=box.SIMPLE_HEAD)
    for ticker, found in trends.items():
        if found is None:
            table.add_row(ticker, "0", "not in your notes", "", "", "", "")
            continue
        s = found.summary
        first, last = (f"{x.day or 'undated'} {x.score:+.2f}" for x in (s.first, s.last))
        periods = ", ".join(f"{p.period} {p.average:+.2f} ({len(p.notes)})" for p in found.periods)
        table.add_row(ticker, str(len(s.notes)), f"{s.average:+.2f}", first, last, f"{found.change:+.2f}", periods)
    console.print(table)


@app.command()
def watch(
    path: Annotated[Optional[Path], typer.Argument(help="Folder of notes (default: RAGBOT_NOTES_DIR).")] = None,
    store: StoreOpt = None,
) -> None:
    """Keep the store in line with a folder: notes added, edited, moved or deleted are ingested
    as it happens (like ingest --sync); each change is logged with the ingest summary."""
    import signal
    from datetime import datetime

    from ragbot.watch import FolderWatcher

    bot = make_bot(store)

    def log(line: str) -> None:
        print(f"{datetime.now():%H:%M:%S} {line}", flush=True)

    # Ctrl-C and a service manager's SIGTERM both stop it cleanly, even when started with
    # SIGINT ignored (as a background job of a script is).
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.default_int_handler)
    try:
        FolderWatcher(bot, Path(path or bot.settings.notes_dir), log).run()
    except FileNotFoundError as error:
        raise CannotRun(str(error)) from error
    except KeyboardInterrupt:
        log("stopped")


# -- a team's deployment (issue 15, docs/team.md) ----------------------------------------------
@app.command("deploy-compose")
def deploy_compose(
    replicas: Annotated[int, typer.Option("--replicas", min=1, help="ragbot serve replicas behind the proxy.")] = 2,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for docker-compose.yml and haproxy.cfg.")] = Path("deploy"),
) -> None:
    """Write a Docker Compose deployment from the settings: PostgreSQL, Chroma's server, REPLICAS
    `ragbot serve` behind HAProxy with sticky sessions (docs/team.md)."""
    from ragbot.deploy import write_deployment

    for path in write_deployment(Settings(), replicas, output):
        console.print(f"wrote {path}", highlight=False)


if __name__ == "__main__":
    app()
