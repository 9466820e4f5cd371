"""Each stage's and feature's contribution to answer quality, by ablation, on the labelled sets.

For eval/qa.jsonl, eval/holdout and eval/final, the notes go into one throwaway store and every
variant answers every question (``AnswerEvaluator``): the default pipeline; without the
cross-encoder (the dense pipeline and its gate); with the gate's floor off; with each feature's
weight at 0; and with smaller cross-encoder pools (the latency options: fewer sentences read).
Variants share one cross-encoder whose scores are cached by (question, sentence), so each pair is
scored once; figures are quality only (latency: ``benchmarks/latency.py``).

    .venv/bin/python benchmarks/ablation.py                     # every variant (~15 min on 2 idle cores)
    .venv/bin/python benchmarks/ablation.py --variants default pool_12
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import tempfile

from benchmarks.common import ROOT, make_bot, print_table, write_results
from benchmarks.quality import METRICS
from ingest import TickerResolver
from ragbot.answering.relevance import CachedReranker
from ragbot.bot import Ragbot
from ragbot.answering.settings import FeatureWeights
from ragbot.evaluation import AnswerEvaluator, load_records
from ragbot.extractive import ExtractiveAnswerer
from ragbot.rerank import cross_encoder
from ragbot.settings import Settings

SETS = {"eval": ROOT / "eval", "holdout": ROOT / "eval" / "holdout", "final": ROOT / "eval" / "final"}
# name -> (reranker on, Settings overrides, Settings.answering overrides)
VARIANTS: dict[str, tuple[bool, dict, dict]] = {
    "default": (True, {}, {}),
    "no_reranker": (False, {}, {}),
    "no_gate_floor": (True, {"min_relevance": -1000.0}, {}),
    **{f"no_{name}": (True, {}, {"weights": {name: 0.0}}) for name in FeatureWeights.model_fields},
    **{f"pool_{n}": (True, {}, {"rerank_pool": n}) for n in (24, 12, 8)},
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS), help="which variants (default all)")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS), help="which sets (default all three)")
    parser.add_argument("--name", default="ablation", help="results file name (default ablation)")
    return parser.parse_args()


def variant_bot(store: Path, resolver: TickerResolver, reranker: CachedReranker, on: bool, overrides: dict, answering: dict) -> Ragbot:
    """A Ragbot on ``store`` whose answerer is built from the variant's settings, with the shared
    cross-encoder and ``resolver`` (which has learned the notes' companies)."""
    settings = Settings(store_dir=store, answering={**answering, "rerank_cache": 0}, **overrides)
    answerer = ExtractiveAnswerer(
        reranker if on else None, resolver=resolver, max_sentences=settings.max_citations,
        per_note=settings.sentences_per_note, min_relevance=settings.min_relevance,
        min_dense_relevance=settings.min_dense_relevance, settings=settings.answering,
    )
    return Ragbot(settings, answerer=answerer)


def main() -> None:
    args = parse_args()
    reranker = CachedReranker(cross_encoder(Settings()), size=1_000_000)  # as the environment sets it (RAGBOT_RERANKER_*)
    figures = {}
    for set_name in args.sets:
        folder = SETS[set_name]
        records = load_records(folder / "qa.jsonl")
        rows = []
        with tempfile.TemporaryDirectory(prefix="ragbot-ablation-") as store:
            base = make_bot(Path(store))
            base.ingest(folder / "notes")
            base.learn_from_notes()
            for variant in args.variants:
                bot = variant_bot(Path(store), base.resolver, reranker, *VARIANTS[variant])
                result = AnswerEvaluator(records)(lambda q, history: bot.ask(q, history=history))
                rows.append({"variant": variant, **{m: result.overall[m] for m in METRICS}})
        print_table(rows, f"{set_name}: {len(records)} questions")
        figures[set_name] = rows
    write_results(args.name, {"sets": figures}, args)


if __name__ == "__main__":
    main()
