"""Exactness of sentiment and time answers on a labelled set (default: eval/sentiment-blind/).

The set is a folder with ``notes/``, ``questions.jsonl`` (fields ``id``, ``question``, ``kind``,
``today``, ``expected_sources``, ``expected_numbers``, ``answerable``) and ``mtimes.json``
(``{"note file": "YYYY-MM-DD"}``: the modification day of notes that state no date anywhere,
as the set's README asks). The notes are copied to a temporary folder, those mtimes set, and
ingested into a throwaway store; each question is asked with ``RAGBOT_TODAY`` = its ``today``.

  exact_figures   share of answerable questions whose every expected number appears in the answer
                  (a number in the text within 0.005 of it: figures are printed to 2 decimals)
  notes_cited     share of answerable questions whose expected notes are all cited
  no_answer       share of unanswerable questions answered "not in your notes" (found false)
  found           share of answerable questions answered (found true)

    .venv/bin/python benchmarks/sentiment_quality.py [--set eval/sentiment-blind] [--show]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import os
import re
import shutil
import tempfile
from collections import defaultdict
from datetime import date, datetime, timezone

from benchmarks.common import ROOT, make_bot, print_table, write_results

TOLERANCE = 0.005 + 1e-9  # half a unit in the second decimal
_DATES = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b|\[\d+\]")  # dates, period keys and citation markers
_NUMBER = re.compile(r"(?<![\w.])[-+\u2212]?\d+(?:\.\d+)?")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=ROOT / "eval" / "sentiment-blind", help="the labelled set's folder")
    parser.add_argument("--show", action="store_true", help="print every question with its answer and verdicts")
    parser.add_argument("--name", default="sentiment_quality", help="results file name (default sentiment_quality)")
    return parser.parse_args()


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text`` (dates, period keys such as 2025-06 and [n] markers left out)."""
    return [float(n.replace("\u2212", "-")) for n in _NUMBER.findall(_DATES.sub(" ", text))]


def has_number(found: list[float], expected: float) -> bool:
    return any(abs(value - float(expected)) <= TOLERANCE for value in found)


def prepared_notes(folder: Path, target: Path, as_of: date | None = None) -> Path:
    """A copy of the set's notes with the modification days its README gives; the others dated
    ``as_of`` (the set's latest ``today``), as when the set was written, so that a dateline
    without a year ("(Oct 22)") reads in the set's year, not in the year of the copy."""
    shutil.copytree(folder / "notes", target)
    mtimes = folder / "mtimes.json"
    given = json.loads(mtimes.read_text()) if mtimes.exists() else {}
    days = {**({p.name: as_of.isoformat() for p in target.iterdir() if p.is_file()} if as_of else {}), **given}
    for name, day in days.items():
        stamp = datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=timezone.utc).timestamp() + 12 * 3600
        os.utime(target / name, (stamp, stamp))
    return target


def score(record: dict, answer) -> dict:
    """The verdicts on one answer."""
    cited = {Path(c.source).name for c in answer.citations}
    expected_sources = {Path(s).name for s in record.get("expected_sources") or []}
    values = numbers_in(answer.text)
    missing = [n for n in record.get("expected_numbers") or [] if not has_number(values, n)]
    if not record.get("answerable", True):
        return {"answerable": False, "no_answer": not answer.found}
    return {
        "answerable": True,
        "found": answer.found,
        "exact_figures": answer.found and not missing,
        "notes_cited": expected_sources <= cited,
        "missing_numbers": missing,
        "missing_sources": sorted(expected_sources - cited),
    }


def share(verdicts: list[dict], key: str) -> float | None:
    values = [v[key] for v in verdicts if key in v]
    return round(sum(values) / len(values), 3) if values else None


def main() -> None:
    args = parse_args()
    records = [json.loads(line) for line in (args.set / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="ragbot-sentiment-quality-") as tmp:
        days = [date.fromisoformat(r["today"]) for r in records if r.get("today")]
        notes = prepared_notes(args.set, Path(tmp) / "notes", max(days) if days else None)
        bot = make_bot(Path(tmp) / "store")
        report = bot.ingest(notes)
        bot.warm_up()
        verdicts, by_kind = [], defaultdict(list)
        for record in records:
            bot.settings.today = date.fromisoformat(record["today"]) if record.get("today") else None
            answer = bot.ask(record["question"])
            verdict = {"id": record["id"], "kind": record.get("kind", ""), **score(record, answer)}
            verdicts.append(verdict)
            by_kind[verdict["kind"]].append(verdict)
            if args.show:
                print(f"\n{record['id']} [{record.get('kind')}] {record['question']}\n  {answer.text}\n  {verdict}")
    metrics = ("exact_figures", "notes_cited", "found", "no_answer")
    overall = {"questions": len(verdicts), **{m: share(verdicts, m) for m in metrics}}
    kinds = [{"kind": k, "questions": len(v), **{m: share(v, m) for m in metrics}} for k, v in by_kind.items()]
    print_table([overall], f"{args.set.name}: {len(records)} questions over {len(report.added)} notes")
    print_table(kinds, "by kind")
    failures = [v for v in verdicts if not all(v.get(m, True) for m in metrics)]
    for v in failures:
        print(f"  miss {v['id']} {v['kind']}: {v}")
    write_results(args.name, {"set": str(args.set.relative_to(ROOT)) if args.set.is_relative_to(ROOT) else str(args.set),
                              "overall": overall, "by_kind": kinds, "verdicts": verdicts}, args)


if __name__ == "__main__":
    main()
