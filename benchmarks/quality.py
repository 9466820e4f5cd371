"""Answer quality on labelled sets: ragbot's pipeline against a typical RAG starter.

Each set's notes go into a throwaway store; then ``AnswerEvaluator`` scores, in one run:
  default      ragbot's pipeline (routing, hybrid dense + BM25, cross-encoder reranker)
  no_reranker  the same with Settings(reranker=False)
  dense_top5   plain langchain-chroma similarity_search(question, k=5): no routing, no BM25,
               no reranker, no history; the "answer" is the 5 chunks, all cited, found always
               true (its keyword recall is generous: the whole chunks count as answer text)

Sets: eval/qa.jsonl over eval/notes; eval/holdout/ and eval/final/ (written blind: their authors
saw neither the code nor the other sets); eval/nearmiss/ (near-miss unanswerable questions and
companies missing from the alias table, over eval/notes plus its own notes); eval/longdocs/ (long
annual-report pages with tables, beside eval/notes as distractors); plus any under
../shared/eval/ (a folder holding a *.jsonl and notes/, or NAME.jsonl beside a NAME/ notes folder).
Every set also prints no-answer accuracy by near-miss kind and the wrong-company answers.

    .venv/bin/python benchmarks/quality.py
    .venv/bin/python benchmarks/quality.py --sets eval nearmiss --default-only   # quicker
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import tempfile

from benchmarks.common import ROOT, make_bot, print_table, write_results
from ragbot.answer import Answer, Citation
from ragbot.evaluation import AnswerEvaluator, load_records, near_miss_figures, summarize

METRICS = ["hit@1", "hit@3", "hit@5", "mrr", "citation_precision", "keyword_recall", "found_when_answerable", "no_answer_accuracy", "wrong_company", "unattributed"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qa", type=Path, default=ROOT / "eval" / "qa.jsonl", help="labelled questions (default eval/qa.jsonl)")
    parser.add_argument("--notes", type=Path, default=ROOT / "eval" / "notes", help="their notes (default eval/notes)")
    parser.add_argument("--extra", type=Path, default=ROOT.parent / "shared" / "eval", help="folder of extra sets (default ../shared/eval)")
    parser.add_argument("--name", default="quality", help="results file name (default quality)")
    parser.add_argument("--sets", nargs="*", help="only these sets by name (eval, holdout, final, nearmiss, longdocs, extra names)")
    parser.add_argument("--default-only", action="store_true", help="only ragbot's default pipeline (no comparisons)")
    return parser.parse_args()


def extra_sets(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, qa file, notes folder) for every set found under ``folder``."""
    if not folder.is_dir():
        print(f"note: no extra sets ({folder} is absent)")
        return []
    sets = []
    for qa in sorted([*folder.glob("*.jsonl"), *folder.glob("*/*.jsonl")]):
        notes = next((d for d in (qa.with_suffix(""), qa.parent / "notes") if d.is_dir()), None)
        if notes is None:
            print(f"note: skipping {qa}: no notes folder beside it")
            continue
        sets.append((qa.relative_to(folder).with_suffix("").as_posix().removesuffix("/qa"), qa, notes))
    if not sets:
        print(f"note: no extra sets found under {folder}")
    return sets


def ragbot_ask(bot):
    return lambda question, history: bot.ask(question, history=history)


def dense_top5(bot):
    """The starter baseline as an ask function: five nearest chunks, each cited whole."""

    def ask(question: str, history: list[dict]) -> Answer:
        docs = bot.index.vectorstore.similarity_search(question, k=5)
        citations = [Citation.from_passage(n, d, d.metadata["start"], d.metadata["end"], 0.0) for n, d in enumerate(docs, 1)]
        text = " ".join(f"{d.page_content} [{n}]" for n, d in enumerate(docs, 1))
        return Answer(text=text, found=True, citations=citations)

    return ask


def evaluate(name: str, qa: Path, notes: list[Path], default_only: bool = False, pool: list | None = None) -> dict:
    """Every pipeline on one set; prints the comparison and the default's per-kind and
    per-near-miss figures."""
    records = load_records(qa)
    with tempfile.TemporaryDirectory(prefix="ragbot-bench-quality-") as store:
        default = make_bot(Path(store))
        reports = [default.ingest(folder) for folder in notes]
        about = default.notes_about()
        pipelines = {"default": ragbot_ask(default.warm_up())}
        if not default_only:
            pipelines["no_reranker"] = ragbot_ask(make_bot(Path(store), reranker=False).warm_up())
            pipelines["dense_top5"] = dense_top5(default)
        results = {pipeline: AnswerEvaluator(records, about)(ask) for pipeline, ask in pipelines.items()}
    if pool is not None:
        pool += results["default"].outcomes
    added, chunks = sum(len(r.added) for r in reports), sum(r.chunks for r in reports)
    rows = [{"pipeline": p, **{m: r.overall[m] for m in METRICS}, **r.latency} for p, r in results.items()]
    print_table(rows, f"{name}: {len(records)} questions over {added} notes ({chunks} chunks)")
    kinds = [{"kind": kind, **figures} for kind, figures in results["default"].by_kind.items()]
    print_table(kinds, f"{name}: default pipeline by kind", ["kind", "questions", *METRICS])
    if misses := [{"near_miss": kind, **figures} for kind, figures in results["default"].by_near_miss.items()]:
        print_table(misses, f"{name}: default pipeline, no-answer accuracy by near-miss kind", ["near_miss", "questions", "no_answer_accuracy"])
    return {"questions": len(records), "notes": added, "chunks": chunks,
            "pipelines": {p: r.to_json() for p, r in results.items()}}


def main() -> None:
    args = parse_args()
    blind = [(name, ROOT / "eval" / name / "qa.jsonl", [ROOT / "eval" / name / "notes"]) for name in ("holdout", "final")]
    nearmiss = ("nearmiss", ROOT / "eval" / "nearmiss" / "qa.jsonl", [args.notes, ROOT / "eval" / "nearmiss" / "notes"])
    longdocs = ("longdocs", ROOT / "eval" / "longdocs" / "qa.jsonl", [ROOT / "eval" / "longdocs" / "notes", args.notes])
    extra = [(name, qa, [notes]) for name, qa, notes in extra_sets(args.extra)]
    sets = [("eval", args.qa, [args.notes]), *blind, nearmiss, longdocs, *extra]
    sets = [s for s in sets if not args.sets or s[0] in args.sets]
    outcomes: list = []
    figures = {name: evaluate(name, qa, notes, args.default_only, outcomes) for name, qa, notes in sets}
    pooled = {"overall": summarize(outcomes), "by_near_miss": near_miss_figures(outcomes)}
    print_table([{"sets": "+".join(figures), **{m: pooled["overall"][m] for m in METRICS}}], "pooled over the sets: default pipeline")
    write_results(args.name, {"sets": figures, "pooled": pooled}, args)


if __name__ == "__main__":
    main()
