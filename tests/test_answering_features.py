"""Stage 4, features: each named feature's value and range on hand-made passages. Fast, no model."""

from __future__ import annotations

import pytest
from answering_helpers import passage, question

from ragbot.answer import Citation
from ragbot.answering.candidates import collect
from ragbot.answering.features import Features, coverage, newest_notes, prior_features
from ragbot.answering.settings import FeatureWeights

GROWTH = "Cloud revenue grew 26% in Q2 2025 on strong demand from large enterprises."
MARGIN = "The cloud margin narrowed in Q3 2025 as depreciation from new data centers rose."
BUYBACK = "The company returned more cash to shareholders through a larger buyback program."


def features_of(q, passages) -> dict[str, Features]:
    pool = collect(passages)
    return {c.text: f for c, f in zip(pool, prior_features(q, pool))}


def test_every_weight_has_a_feature_and_every_feature_a_weight():
    assert set(Features.__dataclass_fields__) == set(FeatureWeights.model_fields)


def test_coverage_is_the_share_of_topic_weight_and_rare_words_weigh_more():
    pool = collect([passage(f"{GROWTH} {MARGIN} {BUYBACK}")])
    values = coverage(frozenset({"cloud", "buyback"}), pool)
    assert values[2] > values[0] == values[1] > 0  # "buyback" is in one sentence, "cloud" in two
    assert coverage(frozenset({"cloud", "margin"}), pool)[1] == 1.0
    assert all(0.0 <= v <= 1.0 for v in values)
    assert coverage(frozenset(), pool) == [0.0, 0.0, 0.0]


def test_figures_counts_the_questions_figures_in_the_sentence_or_its_passage():
    f = features_of(question("cloud growth 26% in 2025"), [passage(f"{GROWTH} {BUYBACK}"), passage(MARGIN, "b.txt")])
    assert f[GROWTH].figures == 1.0  # "26" and "2025"
    assert f[BUYBACK].figures == 1.0  # its passage names both
    assert f[MARGIN].figures == 0.5  # "2025" only
    assert features_of(question("cloud growth"), [passage(GROWTH)])[GROWTH].figures == 0.0


def test_period_rewards_the_asked_quarter_and_penalises_another():
    f = features_of(question("cloud margin in Q3 2025"), [passage(f"{GROWTH} {MARGIN}"), passage(BUYBACK, "b.txt", title="Q3 2025 results")])
    assert f[MARGIN].period == 1.0
    # another quarter (-1, weight 1), the asked year (+1, weight 0.5), another quarter of the year (-1, weight 1)
    assert f[GROWTH].period == pytest.approx(-0.6)
    assert f[BUYBACK].period == 0.5  # names no period; its note title names the asked one
    assert features_of(question("cloud margin"), [passage(MARGIN)])[MARGIN].period == 0.0


def test_rank_is_one_over_one_plus_the_passage_rank():
    f = features_of(question("cloud"), [passage(GROWTH), passage(MARGIN, "b.txt"), passage(BUYBACK, "c.txt")])
    assert [f[t].rank for t in (GROWTH, MARGIN, BUYBACK)] == [1.0, 0.5, pytest.approx(1 / 3)]


def test_focus_marks_the_notes_the_previous_answer_cited():
    passages = [passage(GROWTH, "a.txt"), passage(MARGIN, "b.txt")]
    cited = question("cloud margin", previous_answer="Earlier reply. [1]", previous_sources=["b.txt"])
    f = features_of(cited, passages)
    assert (f[GROWTH].focus, f[MARGIN].focus) == (0.0, 1.0)


def test_focus_falls_back_to_the_text_of_a_plain_previous_answer():
    passages = [passage(GROWTH, "a.txt"), passage(MARGIN, "b.txt")]
    f = features_of(question("cloud margin", previous_answer=f"{GROWTH} [1]"), passages)
    assert (f[GROWTH].focus, f[MARGIN].focus) == (1.0, 0.0)
    f = features_of(question("cloud margin"), passages)
    assert (f[GROWTH].focus, f[MARGIN].focus) == (0.0, 0.0)


def test_latest_marks_each_companys_newest_note_when_the_question_asks_for_it():
    passages = [
        passage(GROWTH, "old.txt", date="2025-05-01", primary_tickers=["BABA"]),
        passage(MARGIN, "new.txt", date="2025-11-01", primary_tickers=["BABA"]),
        passage(BUYBACK, "other.txt", date="2024-01-01", primary_tickers=["JD"]),
    ]
    f = features_of(question("latest cloud margin"), passages)
    assert [f[t].latest for t in (GROWTH, MARGIN, BUYBACK)] == [0.0, 1.0, 1.0]
    assert newest_notes(collect(passages)) == {"new.txt", "other.txt"}
    assert features_of(question("cloud margin"), passages)[MARGIN].latest == 0.0


def test_primary_marks_notes_about_an_asked_company_not_passing_mentions():
    passages = [passage(GROWTH, "a.txt", primary_tickers=["BABA"]), passage(MARGIN, "b.txt", primary_tickers=["JD"], tickers=["JD", "BABA"])]
    f = features_of(question("cloud", ["BABA"]), passages)
    assert (f[GROWTH].primary, f[MARGIN].primary) == (1.0, 0.0)
    assert features_of(question("cloud"), passages)[GROWTH].primary == 0.0


def test_dense_is_the_passages_cosine_similarity():
    f = features_of(question("cloud"), [passage(GROWTH, dense_score=0.61), passage(MARGIN, "b.txt")])
    assert (f[GROWTH].dense, f[MARGIN].dense) == (0.61, 0.0)


def test_cross_encoder_features_are_absent_until_it_has_read_the_sentence():
    f = features_of(question("cloud"), [passage(GROWTH)])[GROWTH]
    assert f.rerank is None and f.lead_in is None
    assert [name for name, _ in f.items()] == [
        "coverage", "figures", "period", "rank", "focus", "latest", "primary", "dense", "subject_match", "measure_match", "qualifier_match", "named_quantity", "answer_kind_fit",
        "title_match",
    ]


def test_a_citation_history_reaches_the_question_as_sources():
    from ingest import CompanyDirectory, TickerResolver
    from ragbot.routing import QueryRouter

    router = QueryRouter(TickerResolver(CompanyDirectory.load()))
    cited = Citation.from_passage(1, passage(MARGIN, "eval/b.txt"), 0, len(MARGIN), 1.0)
    history = [{"role": "user", "content": "What is Alibaba's cloud margin?"},
               {"role": "assistant", "content": f"{MARGIN} [1]", "citations": [cited]}]
    assert router.route("and what drove it?", history).previous_sources == ["eval/b.txt"]
    as_json = [{**history[1], "citations": [cited.to_json()]}]
    assert router.route("and what drove it?", history[:1] + as_json).previous_sources == ["eval/b.txt"]
    assert router.route("and what drove it?", [history[0], {"role": "assistant", "content": "x"}]).previous_sources == []
