"""Reads of every note or chunk on a store larger than one Chroma ``get`` can return."""

from __future__ import annotations

import pytest
from conftest import make_settings

from ragbot import Ragbot
from vectorstore.chroma import GET_PAGE

pytestmark = pytest.mark.slow

ROWS = 34_000  # chromadb's embedded store fails one get of more than ~32,000 rows with metadata


def test_stats_and_first_chunks_read_a_store_of_more_rows_than_one_get_returns(tmp_path):
    bot = Ragbot(make_settings(tmp_path / "store"))
    collection = bot.index.collection
    for start in range(0, ROWS, 5000):
        ids = [f"note-{i}" for i in range(start, min(start + 5000, ROWS))]
        collection.add(
            ids=ids, embeddings=[[1.0] + [0.0] * 383] * len(ids), documents=[f"text of {i}" for i in ids],
            metadatas=[{"source": f"{i}.txt", "chunk_index": 0, "tickers": ["BABA"]} for i in ids],
        )
    assert ROWS > 3 * GET_PAGE
    assert bot.stats().notes == ROWS and bot.stats().tickers == {"BABA": ROWS}
    firsts = bot.first_chunks([])
    assert len(firsts) == ROWS and len({d.id for d in firsts}) == ROWS
    assert firsts[0].page_content == f"text of {firsts[0].id}"
