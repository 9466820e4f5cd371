"""Latency of sentiment and time questions (``Ragbot.ask``) on a store of synthetic notes.

Notes come from ``benchmarks/synthetic.py`` (the real format, ~40 companies); each file's
modification time is set to a day spread over 2024-2025 (deterministic from its index), so
the notes' dates vary as an analyst's would. The store is built once under
``benchmarks/.cache/sentiment-store-<N>`` and reused. Questions of every kind (summary,
extreme, one note by topic, trend, window, distribution, ranking, comparison) are timed in one
warm process with ``RAGBOT_TODAY`` fixed. Target: p50 <= 100 ms at 5,000 notes.

    .venv/bin/python benchmarks/sentiment.py                         # 300 notes (quick)
    nice -n 10 .venv/bin/python benchmarks/sentiment.py --notes 5000  # the full store (~20k chunks to embed)
    .venv/bin/python benchmarks/sentiment.py --notes 5000 --catalog-only
    .venv/bin/python benchmarks/sentiment.py --corpus realistic --notes 5000 --catalog-only

``--corpus realistic`` uses the notes (and store) of ``benchmarks/latency.py``: ``realistic.py``'s
recombined real sentences, each note with a ``Date:`` line spread over mid-2024 to mid-2026 and
the real sentiment block of the note it was modelled on.

``--catalog-only`` skips the store: the notes are parsed and chunked by the real loader and
chunker, their first chunks become the note catalog ``Ragbot`` keeps, and routing plus the
sentiment answerer are timed on it. That is all ``ask`` does for a sentiment question except
the retrieval that picks one note by topic (the ``note`` kind; retrieval's own cost at 5,000
notes is in ``benchmarks/latency.py``), which this mode replaces with the answerer's
title-and-first-chunk match (the cross-encoder then reads the notes that match, as in ``ask``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import json
import os
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

from benchmarks import realistic, synthetic
from benchmarks.common import CACHE_DIR, cached_store, latency_ms, make_bot, peak_rss_mb, print_table, timed, write_results

TARGET_P50_MS = 100
FIRST_DAY = date(2024, 1, 1)
DAYS = 730  # notes are dated over two years from FIRST_DAY
TODAY = {"synthetic": date(2025, 12, 31), "realistic": date(2026, 6, 30)}  # RAGBOT_TODAY: after each corpus's last note


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=300, help="notes in the store (default 300; the target is set at 5000)")
    parser.add_argument("--questions", type=int, default=80, help="questions to time (default 80)")
    parser.add_argument("--seed", type=int, default=0, help="question seed (default 0)")
    parser.add_argument("--name", default="sentiment", help="results file name (default sentiment)")
    parser.add_argument("--corpus", choices=["synthetic", "realistic"], default="synthetic", help="note text (default synthetic)")
    parser.add_argument("--catalog-only", action="store_true", help="time routing + the sentiment answerer on the parsed notes, no store")
    return parser.parse_args()


def note_day(i: int) -> date:
    return FIRST_DAY + timedelta(days=random.Random(f"day:{i}").randrange(DAYS))


def dated_notes(n: int) -> Path:
    """``benchmarks/.cache/sentiment-notes-<n>``: ``n`` synthetic notes with spread file dates."""
    notes = CACHE_DIR / f"sentiment-notes-{n}"
    synthetic.write_notes(notes, n)
    for i, path in enumerate(sorted(notes.iterdir())):
        stamp = datetime.combine(note_day(i), datetime.min.time(), tzinfo=timezone.utc).timestamp() + 12 * 3600
        os.utime(path, (stamp, stamp))
    return notes


def dated_store(n: int) -> Path:
    """``benchmarks/.cache/sentiment-store-<n>``: the dated notes ingested."""
    store = CACHE_DIR / f"sentiment-store-{n}"
    done = store / "complete.json"
    if done.exists() and json.loads(done.read_text())["notes"] == n:
        return store
    notes = dated_notes(n)
    started = time.perf_counter()
    report = make_bot(store).ingest(notes, sync=True)
    if not report.ok:
        raise RuntimeError(f"ingest failed: {report.failed[:3]}")
    done.write_text(json.dumps({"notes": n, "chunks": report.chunks, "seconds": round(time.perf_counter() - started, 1)}))
    return store


def questions(n: int, seed: int, today: date) -> list[tuple[str, str]]:
    """``n`` (kind, question) pairs about the synthetic companies (the realistic corpus's too),
    every kind represented, windows in the two years up to ``today``."""
    rng = random.Random(f"sentiment:{seed}")
    months = ["January", "March", "June", "September", "October"]
    out = []
    for i in range(n):
        c, other = rng.sample(synthetic.companies(), 2)
        product = rng.choice(synthetic.SECTORS[c.sector][1])
        by_kind = {
            "summary": f"What's the sentiment on {c.name}?",
            "extreme": f"Which of my notes on {c.name} is the most {rng.choice(['negative', 'positive'])}, and what was its score?",
            "note": f"What score did the note on {c.name}'s {product} get?",
            "trend": f"Has sentiment on {c.name} improved since {rng.choice(months)}?",
            "window": f"What was the sentiment on {c.name} in Q{rng.randint(1, 4)} {rng.choice([today.year - 1, today.year])}?",
            "relative": f"How has sentiment on {c.name} moved over the last {rng.choice([30, 90, 180])} days?",
            "distribution": f"How many negative notes on {c.name} do I have?",
            "ranking": f"Which of my companies is most {rng.choice(['bullish', 'bearish'])} this year?",
            "compare": f"Compare sentiment on {c.name} and {other.name} in {today.year - 1}.",
        }
        kind = list(by_kind)[i % len(by_kind)]
        out.append((kind, by_kind[kind]))
    return out


class CatalogAsker:
    """``Ragbot.ask``'s sentiment path (route, then answer over the note catalog) without a store."""

    def __init__(self, notes: Path, today: date):
        from ingest import CompanyDirectory, Note, NoteChunker, NoteLoader, TickerResolver
        from ragbot.rerank import cross_encoder
        from ragbot.routing import QueryRouter
        from ragbot.sentiment import NoteCatalog, SentimentAnswerer
        from ragbot.settings import Settings

        resolver = TickerResolver(CompanyDirectory.load())
        chunker = NoteChunker(resolver)
        loaded = [item for item in NoteLoader(resolver).load(notes) if isinstance(item, Note)]
        self.catalog = NoteCatalog.from_passages(chunker.split(note)[0] for note in loaded)
        self.router = QueryRouter(resolver)
        self.answerer = SentimentAnswerer(today=lambda: today, rerank=cross_encoder(Settings(_env_file=None)))  # as ``Ragbot`` builds it
        self.answerer.warm_up()

    def ask(self, question: str):
        return self.answerer.answer_catalog(self.router.route(question), self.catalog)

    def route(self, question: str):
        return self.router.route(question)

    def stats(self):
        return type("Stats", (), {"notes": len(self.catalog.records), "chunks": None})


def main() -> None:
    args = parse_args()
    today = TODAY[args.corpus]
    if args.corpus == "realistic":
        notes, store = lambda n: realistic.write_notes(CACHE_DIR / f"notes-realistic-{n}", n), lambda n: cached_store(n, corpus="realistic")
    else:
        notes, store = dated_notes, dated_store
    bot = CatalogAsker(notes(args.notes), today) if args.catalog_only else make_bot(store(args.notes), today=today).warm_up()
    asked = questions(args.questions, args.seed, today)
    for _, question in asked[:9]:  # first calls build the note catalog and load caches; not timed
        bot.ask(question)
    seconds, by_kind, found, routed = [], defaultdict(list), defaultdict(list), 0
    for kind, question in asked:
        answer, took = timed(bot.ask, question)
        seconds.append(took)
        by_kind[kind].append(took)
        found[kind].append(answer.found)
        routed += bot.route(question).intent == "sentiment"
    answered = sum(map(sum, found.values()))
    stats = bot.stats()
    figures = latency_ms(seconds)
    rows = [{"measure": "ask (sentiment)", **figures, "routed_sentiment": round(routed / len(asked), 3),
             "found": round(answered / len(asked), 3), "target_p50_ms": TARGET_P50_MS, "meets": figures["p50_ms"] <= TARGET_P50_MS}]
    kinds = [{"kind": kind, "n": len(v), **{k: latency_ms(v)[k] for k in ("p50_ms", "p95_ms")}, "found": round(sum(found[kind]) / len(v), 3)}
             for kind, v in by_kind.items()]
    where = "the note catalog (no store)" if args.catalog_only else f"a store of {stats.notes} notes / {stats.chunks} chunks"
    print_table(rows, f"Sentiment questions over {where}, {stats.notes} notes")
    print_table(kinds, "by kind")
    print(f"peak RSS {peak_rss_mb()} MB")
    write_results(args.name, {"store": {"notes": stats.notes, "chunks": stats.chunks}, "results": rows, "by_kind": kinds,
                              "peak_rss_mb": peak_rss_mb()}, args)


if __name__ == "__main__":
    main()
