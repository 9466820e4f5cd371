"""Long documents: does ``ask`` cite the page that ``search`` finds?

The notes of ``--notes`` (default eval/longdocs/notes: annual-report pages saved as Markdown,
with front matter, "the Company"/"we" prose, pipe tables and one-figure-per-line lists) go into
a throwaway store beside the ``--distractors`` (default eval/notes: 46 short notes on 15 other
companies, as a user's store holds other notes); each question of ``--qa`` is searched (top 5) and asked, twice: routed by the
companies it names, and with its record's ``ticker`` picked in the filter. Per mode:

  search_top5       share of questions whose gold page is among search's top-5 passages
  ask_cites_gold    share whose answer cites a gold page
  ask_keeps_search  of the questions search finds (gold in its top 5), the share ``ask`` cites
                    that page for (target >= 0.9)
  not_found         share answered "not found"
  keyword_recall    mean share of the answer keywords in the answer text

    nice -n 10 .venv/bin/python benchmarks/longdocs.py
    nice -n 10 .venv/bin/python benchmarks/longdocs.py --qa other/qa.jsonl --notes other/notes
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import shutil
import statistics
import tempfile
from pathlib import PurePosixPath

from benchmarks.common import ROOT, make_bot, print_table, write_results
from ragbot.evaluation import Outcome, load_records

TARGET_KEEPS_SEARCH = 0.9
MODES = ("routed", "ticker_filter")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qa", type=Path, default=ROOT / "eval" / "longdocs" / "qa.jsonl", help="labelled questions")
    parser.add_argument("--notes", type=Path, default=ROOT / "eval" / "longdocs" / "notes", help="their notes")
    parser.add_argument("--distractors", type=Path, default=ROOT / "eval" / "notes", help="other notes in the store ('' for none)")
    parser.add_argument("--name", default="longdocs", help="results file name (default longdocs)")
    parser.add_argument("--show", action="store_true", help="print every question's search sources and answer")
    return parser.parse_args()


def _name(source: str) -> str:
    return PurePosixPath(source).name


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def run_mode(bot, records, mode: str, show: bool) -> dict:
    """The figures of one mode over every record."""
    searched, cited_gold, kept, not_found, recall = [], [], [], [], []
    for record in records:
        ticker = record.ticker if mode == "ticker_filter" else None
        gold = set(record.gold_notes)
        top = [_name(h.source) for h in bot.search(record.question, ticker=ticker, k=5)]
        answer = bot.ask(record.question, ticker=ticker)
        outcome = Outcome(record, answer, 0.0)
        found_gold = bool(gold & set(top))
        cites_gold = bool(gold & set(outcome.cited_notes))
        searched.append(float(found_gold))
        cited_gold.append(float(cites_gold))
        if found_gold:
            kept.append(float(cites_gold))
        not_found.append(float(not answer.found))
        recall.append(outcome.keyword_recall())
        if show:
            mark = "ok " if cites_gold else "NOT" if not answer.found else "off"
            print(f"[{mode}] {mark} {record.id} {record.question}\n   search: {top}\n   answer: {answer.text[:300]}")
    return {
        "mode": mode,
        "questions": len(records),
        "search_top5": _mean(searched),
        "ask_cites_gold": _mean(cited_gold),
        "ask_keeps_search": _mean(kept),
        "not_found": _mean(not_found),
        "keyword_recall": _mean(recall),
    }


def main() -> None:
    args = parse_args()
    records = [r for r in load_records(args.qa) if r.answerable]
    with tempfile.TemporaryDirectory(prefix="ragbot-longdocs-") as work:
        notes = Path(work) / "notes"
        shutil.copytree(args.notes, notes / "long")
        if str(args.distractors) not in ("", "."):
            shutil.copytree(args.distractors, notes / "other")
        bot = make_bot(Path(work) / "store")
        report = bot.ingest(notes)
        rows = [run_mode(bot, records, mode, args.show) for mode in MODES]
        stats = bot.stats()
    print_table(rows, f"Long documents: {len(records)} questions over {stats.notes} notes, {stats.chunks} chunks")
    worst = min(row["ask_keeps_search"] or 0.0 for row in rows)
    print(f"\nask cites the page search finds: {worst:.2f} at worst (target >= {TARGET_KEEPS_SEARCH})")
    write_results(args.name, {"modes": rows, "notes": stats.notes, "chunks": stats.chunks, "embedded_chunks": report.embedded}, args)


if __name__ == "__main__":
    main()
