"""Stage 5, scoring, and the settings it is weighted by: the score is the weighted sum of the
named features, each weight validated when built. Fast, no model."""

from __future__ import annotations

import pytest
from answering_helpers import passage
from pydantic import ValidationError

from ragbot import Settings
from ragbot.answering.candidates import collect
from ragbot.answering.features import Features
from ragbot.answering.scoring import Scorer, ranked
from ragbot.answering.settings import AnsweringSettings, FeatureWeights

CANDIDATE = collect([passage("Cloud revenue grew 26% in Q2 2025 on strong AI demand.")])[0]
PRIOR = Features(coverage=0.5, figures=1.0, period=-1.0, rank=0.5, focus=1.0, latest=0.0, primary=1.0, dense=0.6)


def test_the_score_is_the_weighted_sum_of_the_features():
    s = Scorer(FeatureWeights()).score(CANDIDATE, PRIOR)
    assert s.contributions == pytest.approx(
        {"coverage": 1.0, "figures": 5.0, "period": -3.0, "rank": 0.5, "focus": 2.0, "latest": 0.0, "primary": 2.0, "dense": 3.0,
         "subject_match": 0.0, "measure_match": 0.0, "qualifier_match": 0.0, "named_quantity": 0.0, "answer_kind_fit": 0.0,  # the answerability features weigh 0 by default
         "title_match": 0.0}
    )
    assert s.score == pytest.approx(10.5) == pytest.approx(sum(s.contributions.values()))


@pytest.mark.parametrize("name", list(FeatureWeights.model_fields))
def test_a_zero_weight_takes_its_feature_out_of_the_score(name):
    features = Features(**{**PRIOR.__dict__, "rerank": 4.0, "lead_in": 1.0, "qualifier_contrast": -1.0})
    full = Scorer(FeatureWeights()).score(CANDIDATE, features)
    without = Scorer(FeatureWeights(**{name: 0.0})).score(CANDIDATE, features)
    assert without.contributions[name] == 0.0
    assert without.score == pytest.approx(full.score - full.contributions[name])


def test_the_cross_encoder_adds_its_weighted_logit_and_a_lead_in_loses_its_weight():
    plain = Scorer(FeatureWeights()).score(CANDIDATE, PRIOR)
    read = Scorer(FeatureWeights()).score(CANDIDATE, Features(**{**PRIOR.__dict__, "rerank": 4.0, "lead_in": 1.0}), logit=2.5)
    assert read.contributions["rerank"] == pytest.approx(1.2) and read.contributions["lead_in"] == -5.0
    assert read.score == pytest.approx(plain.score + 1.2 - 5.0) and read.logit == 2.5


def test_ranking_is_best_first_and_ties_keep_their_order():
    scorer = Scorer(FeatureWeights())
    a, b, c = (scorer.score(CANDIDATE, Features(**{**PRIOR.__dict__, "dense": d})) for d in (0.2, 0.6, 0.2))
    assert ranked([a, b, c]) == [b, a, c]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"weights": {"dense": -1}}, "greater than or equal to 0"),
        ({"weights": {"rerank": 50}}, "less than or equal to 5"),
        ({"weights": {"cosine": 1}}, "Extra inputs are not permitted"),
        ({"rerank_pool": 0}, "greater than or equal to 1"),
        ({"near_duplicate": 0}, "greater than 0"),
    ],
)
def test_settings_are_validated_when_built(settings, message):
    with pytest.raises(ValidationError, match=message):
        AnsweringSettings.model_validate(settings)
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None, answering=settings)


def test_every_number_documents_its_meaning():
    for model in (FeatureWeights, AnsweringSettings):
        for name, field in model.model_fields.items():
            assert name == "weights" or field.description, f"{model.__name__}.{name} has no description"


def test_answering_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("RAGBOT_ANSWERING", '{"rerank_pool": 12, "weights": {"dense": 4}}')
    s = Settings(_env_file=None).answering
    assert s.rerank_pool == 12 and s.weights.dense == 4 and s.weights.rerank == FeatureWeights().rerank
