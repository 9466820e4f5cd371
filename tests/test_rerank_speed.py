"""The cross-encoder's speed options (benchmarks/rerank_speed.py): what each may and may not
change in the scores, on the real bundled model."""

from __future__ import annotations

import pytest

from ragbot.rerank import OnnxCrossEncoder, cross_encoder
from ragbot.settings import Settings

QUESTION = "How fast did Alibaba's cloud revenue grow?"
TEXTS = [
    "Alibaba's cloud intelligence revenue grew 26% year over year to RMB 33.4 billion, the fastest pace in three years.",
    "Management said it will keep investing in AI infrastructure.",
    "Taobao and Tmall customer management revenue rose 10%, helped by a higher take rate on merchant software fees, "
    "while quick commerce losses widened as subsidies for instant delivery continued through the quarter.",
    "Shares rose 4% in Hong Kong trading.",
]


def test_settings_configure_the_cross_encoder():
    encoder = cross_encoder(Settings(reranker_threads=1, reranker_batch_size=1, reranker_spinning=True))
    assert (encoder.threads, encoder.batch_size, encoder.spinning) == (1, 1, True)
    default = cross_encoder(Settings())
    assert (default.batch_size, default.spinning) == (16, False)


@pytest.mark.slow
def test_one_pair_per_run_scores_each_text_as_if_alone():
    encoder = OnnxCrossEncoder(batch_size=1)
    together = encoder.score(QUESTION, TEXTS)
    assert together == [encoder.score(QUESTION, [text])[0] for text in TEXTS]
    assert together[0] == max(together)  # the cloud growth sentence answers best


@pytest.mark.slow
def test_sorting_by_length_returns_scores_in_the_texts_order():
    assert OnnxCrossEncoder(batch_size=1, by_length=True).score(QUESTION, TEXTS) == OnnxCrossEncoder(batch_size=1).score(QUESTION, TEXTS)


@pytest.mark.slow
def test_busy_waiting_threads_change_no_score():
    assert OnnxCrossEncoder(spinning=True).score(QUESTION, TEXTS) == OnnxCrossEncoder(spinning=False).score(QUESTION, TEXTS)
