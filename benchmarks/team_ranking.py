"""Team deployment ranking: PostgreSQL full-text search (``ts_rank``, server mode) against
SQLite FTS5 BM25 (embedded), as the answers score on every labelled set.

For each set the notes go into a throwaway store twice, embedded and in server mode (a
collection of its own on PostgreSQL and Chroma's server), and ``AnswerEvaluator`` scores the
same questions as ``ragbot eval`` does; the per-set deltas of hit@1 and found-when-answerable
are what issue 15 asks to publish (target: within 0.02). Servers come from RAGBOT_DATABASE_URL
and RAGBOT_CHROMA_HOST/PORT if set (``scripts/team.sh start``), else are started on loopback
for the run (tests/team_servers.py). Measures only: never tune on the blind sets.

    nice -n 10 .venv/bin/python benchmarks/team_ranking.py                  # every set (slow)
    nice -n 10 .venv/bin/python benchmarks/team_ranking.py --sets nearmiss  # a small run
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import tempfile
import uuid
from contextlib import ExitStack

from benchmarks.common import ROOT, make_bot, server_settings, write_results

EVAL = ROOT / "eval"
SETS = {  # name: (questions, note folders)
    "eval": (EVAL / "qa.jsonl", [EVAL / "notes"]),
    "holdout": (EVAL / "holdout" / "qa.jsonl", [EVAL / "holdout" / "notes"]),
    "final": (EVAL / "final" / "qa.jsonl", [EVAL / "final" / "notes"]),
    "nearmiss": (EVAL / "nearmiss" / "qa.jsonl", [EVAL / "nearmiss" / "notes"]),
    "longdocs": (EVAL / "longdocs" / "qa.jsonl", [EVAL / "longdocs" / "notes"]),
    "blind-a-short": (EVAL / "blind-a" / "short" / "qa.jsonl", [EVAL / "blind-a" / "short" / "notes"]),
    "blind-a-long": (EVAL / "blind-a" / "long" / "qa.jsonl", [EVAL / "blind-a" / "long" / "notes", EVAL / "notes"]),
    "blind-b": (EVAL / "blind-b" / "qa.jsonl", [EVAL / "blind-b" / "notes"]),
}
FIGURES = ("hit@1", "found_when_answerable")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS), help="which sets (default all)")
    parser.add_argument("--name", default="team_ranking", help="results file in benchmarks/results")
    return parser.parse_args()


def score(name: str, server: dict | None) -> dict:
    """``ragbot eval``'s overall figures for one set, embedded (``server`` None) or in server mode."""
    from ragbot.evaluation import AnswerEvaluator, load_records

    questions, folders = SETS[name]
    mode = {} if server is None else {**server, "collection": f"rank_{name.replace('-', '_')}_{uuid.uuid4().hex[:8]}"}
    with tempfile.TemporaryDirectory(prefix="ragbot-team-ranking-") as store:
        bot = make_bot(Path(store), **mode)
        for folder in folders:
            bot.ingest(folder)
        bot.warm_up()
        result = AnswerEvaluator(load_records(questions), bot.notes_about())(lambda q, history: bot.ask(q, history=history))
    return {figure: result.overall[figure] for figure in FIGURES} | {"questions": result.overall["questions"]}


def main() -> None:
    args = parse_args()
    rows = {}
    with ExitStack() as stack:
        server = server_settings(stack)
        for name in args.sets:
            embedded, team = score(name, None), score(name, server)
            rows[name] = {"embedded_fts5": embedded, "server_postgres": team,
                          "delta": {f: round(team[f] - embedded[f], 3) for f in FIGURES}}
            print(f"{name:14} n={embedded['questions']:3}  " + "  ".join(
                f"{f}: FTS5 {embedded[f]:.3f} PG {team[f]:.3f} ({rows[name]['delta'][f]:+.3f})" for f in FIGURES), flush=True)
    print("results:", write_results(args.name, {"sets": rows}, args))


if __name__ == "__main__":
    main()
