"""Chroma HNSW recall@10 and query latency for several ef_search values, against exact cosine
top-10 computed with numpy over every stored embedding.

Queries are sentences from the stored chunks, perturbed (words dropped, numbers changed),
plus synthetic questions; each is run unfiltered and filtered to its note's ticker, as
ragbot's dense search is for company questions. Recall counts ties with the 10th exact hit
as hits. The collection's ef_search is restored afterwards (it is stored in the collection:
Settings.ef_search only takes effect when a store's collection is created).

    .venv/bin/python benchmarks/hnsw_recall.py                 # on benchmarks/.cache/store-5000
    .venv/bin/python benchmarks/hnsw_recall.py --store .ragbot # any ragbot store
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse
import random
import re
from dataclasses import dataclass

import numpy as np
from chromadb.api.shared_system_client import SharedSystemClient

from benchmarks import synthetic
from benchmarks.common import cached_store, latency_ms, make_bot, print_table, timed, write_results
from ingest import split_sentences
from vectorstore.chroma import chroma_client

K = 10


@dataclass
class Query:
    kind: str  # "sentence" or "question"
    text: str
    ticker: str | None  # the ticker to filter on


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="existing ragbot store folder (default: the cached synthetic store)")
    parser.add_argument("--notes", type=int, default=5000, help="size of the cached synthetic store (default 5000)")
    parser.add_argument("--queries", type=int, default=200, help="perturbed-sentence queries (default 200)")
    parser.add_argument("--questions", type=int, default=100, help="synthetic question queries (default 100)")
    parser.add_argument("--ef", type=int, nargs="+", default=[10, 50, 100, 200], help="ef_search values (default 10 50 100 200)")
    parser.add_argument("--seed", type=int, default=0, help="query sampling seed (default 0)")
    parser.add_argument("--name", default="hnsw_recall", help="results file name (default hnsw_recall)")
    return parser.parse_args()


def perturb(sentence: str, rng: random.Random) -> str:
    """Drop about a fifth of the words and change every number, keeping the gist."""
    words = [w for w in sentence.split() if rng.random() > 0.2] or sentence.split()
    return re.sub(r"\d+(\.\d+)?", lambda m: str(round(float(m.group()) * rng.uniform(0.5, 1.5), 1)), " ".join(words))


def make_queries(documents: list[str], metadatas: list[dict], args, resolver) -> list[Query]:
    rng = random.Random(args.seed)
    queries = []
    for i in rng.sample(range(len(documents)), min(args.queries, len(documents))):
        sentences = [s.text for s in split_sentences(documents[i]) if len(s.text) > 40] or [documents[i]]
        about = metadatas[i].get("about") or [None]
        queries.append(Query("sentence", perturb(rng.choice(sentences), rng), about[0]))
    for _, question in synthetic.questions(args.questions, args.seed):
        tickers = resolver.resolve(question)
        queries.append(Query("question", question, tickers[0] if tickers else None))
    return queries


@dataclass
class Case:
    """One query run one way (unfiltered or filtered to its ticker), with its exact answer."""

    kind: str
    filter: str
    vector: list[float]
    where: dict | None
    sims: np.ndarray  # exact cosine similarity to every stored chunk
    kth: float  # the exact K-th best similarity among the chunks the filter allows
    expected: int  # hits possible: K, or fewer if the filter allows fewer chunks

    @classmethod
    def exact(cls, kind: str, vector: np.ndarray, sims: np.ndarray, ticker: str | None = None, allowed: np.ndarray | None = None) -> "Case":
        candidates = sims if allowed is None else sims[allowed]
        expected = min(K, len(candidates))
        where = {"about": {"$contains": ticker}} if ticker else None
        return cls(kind, "ticker" if ticker else "none", vector.tolist(), where, sims, float(np.partition(candidates, -expected)[-expected]), expected)


def build_cases(queries: list[Query], embedded: np.ndarray, vectors: np.ndarray, about: list[set[str]]) -> list[Case]:
    cases = []
    for query, vector, sims in zip(queries, embedded, embedded @ vectors.T):
        cases.append(Case.exact(query.kind, vector, sims))
        allowed = np.array([query.ticker in a for a in about])
        if allowed.any():  # the store has chunks about the query's company
            cases.append(Case.exact(query.kind, vector, sims, query.ticker, allowed))
    return cases


def open_with_ef(store: Path, name: str, ef: int):
    """The collection searching with ``ef``. Chroma reads ef_search when it loads the HNSW index
    and a loaded index keeps it (``modify`` alone changes nothing in this process; chromadb
    1.5.9), so drop Chroma's client cache after ``modify`` and open the collection again."""
    chroma_client(store).get_collection(name).modify(configuration={"hnsw": {"ef_search": ef}})
    SharedSystemClient.clear_system_cache()
    return chroma_client(store).get_collection(name)


def run_ef(collection, cases: list[Case], row: dict[str, int], ef: int) -> list[dict]:
    """Recall@K (ties with the K-th exact hit count as hits) and latency, by query kind and filter."""
    for case in cases[:20]:  # load the index and warm caches; not timed
        collection.query(query_embeddings=[case.vector], n_results=K, where=case.where, include=[])
    groups: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
    for case in cases:
        hits, took = timed(collection.query, query_embeddings=[case.vector], n_results=K, where=case.where, include=[])
        recall = sum(case.sims[row[i]] >= case.kth - 1e-5 for i in hits["ids"][0]) / case.expected
        recalls, times = groups.setdefault((case.kind, case.filter), ([], []))
        recalls.append(recall)
        times.append(took)
    rows = []
    for (kind, filtered), (recalls, times) in sorted(groups.items()):
        lat = latency_ms(times)
        rows.append({"ef_search": ef, "queries": kind, "filter": filtered, "n": len(recalls),
                     f"recall@{K}": round(float(np.mean(recalls)), 4), "min_recall": round(min(recalls), 2),
                     "p50_ms": lat["p50_ms"], "p95_ms": lat["p95_ms"]})
    return rows


def main() -> None:
    args = parse_args()
    store = args.store or cached_store(args.notes)
    bot = make_bot(store)
    collection = bot.index.collection
    got = collection.get(include=["embeddings", "documents", "metadatas"])
    vectors = np.asarray(got["embeddings"], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = make_queries(got["documents"], got["metadatas"], args, bot.resolver)
    embedded = np.asarray(bot.embeddings.embed_documents([q.text for q in queries]), dtype=np.float32)
    cases = build_cases(queries, embedded, vectors, [set(m.get("about") or []) for m in got["metadatas"]])
    row = {id_: i for i, id_ in enumerate(got["ids"])}
    print(f"store {store}: {len(row)} chunks; {len(queries)} queries, {len(cases)} runs per ef_search")

    name, original = bot.settings.collection, collection.configuration["hnsw"]["ef_search"]
    rows = []
    try:
        for ef in args.ef:
            ef_rows = run_ef(open_with_ef(store, name, ef), cases, row, ef)
            print_table(ef_rows, f"ef_search={ef}")
            rows += ef_rows
    finally:
        chroma_client(store).get_collection(name).modify(configuration={"hnsw": {"ef_search": original}})
    print_table(rows, f"HNSW recall@{K} vs exact cosine ({len(row)} chunks); settings default ef_search={bot.settings.ef_search}")
    write_results(args.name, {"store": {"path": str(store), "chunks": len(row), "ef_search_restored": original}, "results": rows}, args)


if __name__ == "__main__":
    main()
