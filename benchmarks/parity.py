"""Parity: does this checkout cite the same sentences as a saved run of another one?

Asks every question of eval/qa.jsonl, eval/holdout and eval/final (follow-ups with the
conversation so far, as ``AnswerEvaluator`` does), with the reranker on and off, and records
for each answer whether it was found and which note spans it cites, in order. ``--save``
writes that record to ``benchmarks/results/<name>.json``; without it the run is compared to
the saved record and every difference is listed. ``--history citations`` gives follow-ups the
previous answer's citations too, as the web chat and ``AnswerEvaluator`` do (plain text by
default: the saved run's pipeline matched the previous answer's text).

    .venv/bin/python benchmarks/parity.py --save --name parity-baseline   # on the old pipeline
    .venv/bin/python benchmarks/parity.py                                  # on the new one
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import subprocess
import tempfile

from benchmarks.common import RESULTS_DIR, ROOT, make_bot, write_results
from ragbot.answer import Answer
from ragbot.evaluation import AnswerEvaluator, load_records

SETS = {"eval": ROOT / "eval", "holdout": ROOT / "eval" / "holdout", "final": ROOT / "eval" / "final"}
PIPELINES = {"default": {}, "no_reranker": {"reranker": False}}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--save", action="store_true", help="write this run as the reference instead of comparing")
    parser.add_argument("--name", default="parity-baseline", help="reference file in benchmarks/results (default parity-baseline)")
    parser.add_argument("--history", choices=["text", "citations"], default="text", help="what follow-ups' history carries")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS), help="which sets (default all three)")
    return parser.parse_args()


def cited(answer: Answer) -> dict:
    """What parity compares: found or not, and each cited span in the answer's order."""
    return {"found": answer.found, "cited": [[c.source, c.start, c.end] for c in answer.citations],
            "sentences": [c.sentence for c in answer.citations]}


def run_set(folder: Path, with_citations: bool) -> dict:
    """``{pipeline: {question id: cited(answer)}}`` for one labelled set."""
    records = load_records(folder / "qa.jsonl")
    evaluator = AnswerEvaluator(records)
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="ragbot-parity-") as store:
        make_bot(Path(store)).ingest(folder / "notes")
        for pipeline, settings in PIPELINES.items():
            bot = make_bot(Path(store), **settings).warm_up()
            answers: dict[str, Answer] = {}
            for record in records:
                history = evaluator.history(record, answers)
                if not with_citations:
                    history = [{k: v for k, v in turn.items() if k != "citations"} for turn in history]
                answers[record.id] = bot.ask(record.question, history=history)
            out[pipeline] = {rid: cited(a) for rid, a in answers.items()}
    return out


def differences(reference: dict, current: dict) -> list[dict]:
    rows = []
    for set_name, pipelines in reference.items():
        if set_name not in current:
            continue
        for pipeline, answers in pipelines.items():
            for rid, before in answers.items():
                after = current.get(set_name, {}).get(pipeline, {}).get(rid)
                if after is None or after["found"] != before["found"] or after["cited"] != before["cited"]:
                    rows.append({"set": set_name, "pipeline": pipeline, "id": rid, "before": before, "after": after})
    return rows


def main() -> None:
    args = parse_args()
    current = {name: run_set(SETS[name], args.history == "citations") for name in args.sets}
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    if args.save:
        write_results(args.name, {"commit": commit, "answers": current}, args)
        return
    reference = json.loads((RESULTS_DIR / f"{args.name}.json").read_text(encoding="utf-8"))
    diff = differences(reference["answers"], current)
    total = sum(len(a) for name, p in reference["answers"].items() if name in current for a in p.values())
    print(f"{len(diff)} of {total} answers differ from {args.name} (commit {reference['commit'][:7]})")
    for row in diff:
        print(f"\n{row['set']}/{row['pipeline']}/{row['id']}:")
        print(f"  before: found={row['before']['found']} {row['before']['sentences']}")
        print(f"  after:  found={row['after'] and row['after']['found']} {row['after'] and row['after']['sentences']}")
    suffix = "" if args.sets == list(SETS) else "-" + "-".join(args.sets)
    write_results(f"parity-{args.history}{suffix}", {"reference": args.name, "reference_commit": reference["commit"], "commit": commit,
                                             "answers_compared": total, "differences": diff}, args)


if __name__ == "__main__":
    main()
