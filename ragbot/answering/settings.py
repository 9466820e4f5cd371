"""The extractive answerer's numbers, validated when built: feature weights, the cross-encoder's
pool, the selection margins. Nested under ``Settings.answering``, the only source of defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_WEIGHT = "0 ignores the feature; each unit adds its value once more to a sentence's score."


class FeatureWeights(BaseModel):
    """How much each named feature (``ragbot.answering.features``) counts in a sentence's score:
    score = sum of weight x feature value. Ranges are the features' ranges times the weight."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    coverage: float = Field(2.0, ge=0, le=20, description=f"Topic-word coverage of the sentence (0..1). {_WEIGHT}")
    figures: float = Field(5.0, ge=0, le=20, description=f"The question's figures and periods in the passage (0..1). {_WEIGHT}")
    period: float = Field(3.0, ge=0, le=20, description=f"The sentence names the asked period, not another (-1..1). {_WEIGHT}")
    rank: float = Field(1.0, ge=0, le=20, description=f"Retrieval rank of the passage, 1/(1+rank) (0..1]. {_WEIGHT}")
    focus: float = Field(2.0, ge=0, le=20, description=f"A follow-up, and the previous answer quoted the note (0 or 1). {_WEIGHT}")
    latest: float = Field(2.0, ge=0, le=20, description=f"Asks for the latest figures, and this is the company's newest note (0 or 1). {_WEIGHT}")
    primary: float = Field(2.0, ge=0, le=20, description=f"The share of the note's main companies that are asked (0..1; 0.5 for a note on two, one asked). {_WEIGHT}")
    dense: float = Field(5.0, ge=0, le=20, description=f"The passage's cosine similarity to the question (-1..1, ~0.2..0.8). {_WEIGHT}")
    subject_match: float = Field(0.0, ge=0, le=20, description=f"The asked company is the sentence's subject (1), a neighbour (0.5), a passing mention (0). {_WEIGHT}")
    measure_match: float = Field(0.0, ge=0, le=20, description=f"Share of the asked measure's words the sentence states (0..1). {_WEIGHT}")
    qualifier_match: float = Field(0.0, ge=0, le=20, description=f"Share of the asked qualifiers (segment, product) the sentence or its passage states (0..1). {_WEIGHT}")
    named_quantity: float = Field(0.0, ge=0, le=20, description=f"The sentence names the thing asked a quantity of and states the quantity (0 or 1). {_WEIGHT}")
    answer_kind_fit: float = Field(0.0, ge=0, le=20, description=f"The sentence holds the kind of answer asked: a figure, a time (0 or 1). {_WEIGHT}")
    title_match: float = Field(2.0, ge=0, le=20, description=f"Topic-word coverage of the sentence's note title: the note is about what is asked (0..1). {_WEIGHT}")
    rerank: float = Field(0.3, ge=0, le=5, description=f"The cross-encoder's logit, shared across a list (~-11..11). {_WEIGHT}")
    lead_in: float = Field(5.0, ge=0, le=20, description="Subtracted from a list's lead-in (0 or 1), whose items say what it only announces; 0 keeps lead-ins level.")
    qualifier_contrast: float = Field(
        0.0, ge=0, le=5,
        description=f"Logit for the question minus for it without a qualifier (~-10..10), on the few sentences it is computed for. {_WEIGHT}",
    )


class AnsweringSettings(BaseModel):
    """Everything the staged extractive answerer is tuned by, besides ``Settings.max_citations``,
    ``sentences_per_note``, ``min_relevance`` and ``min_dense_relevance``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weights: FeatureWeights = Field(default_factory=FeatureWeights)
    min_sentence_chars: int = Field(30, ge=0, le=200, description="Shorter sentences (headings, fragments) are not candidates.")
    rerank_pool: int = Field(
        16, ge=1, le=200,
        description="Sentences (best by the cheap features) the cross-encoder scores, plus their lists' other items; "
        "the rest are dropped. Its cost grows linearly with this (16: the quality of 24 on the labelled sets at 2/3 "
        "of the cost; docs/answering.md, Latency).",
    )
    kind_reserve: int = Field(
        4, ge=0, le=50,
        description="When fewer than this many of the ``rerank_pool`` sentences hold the kind of answer asked (a risk for "
        "'X risks', a time for 'when'; ``answer_kind_fit``) and share a topic word (``coverage``), the best others that do are "
        "read too, up to this many: the gate passes no other, and a note's risk paragraph sits in its last chunk, which the "
        "cheap features rank low.",
    )
    rerank_cache: int = Field(
        0, ge=0, le=1_000_000,
        description="(question, sentence) cross-encoder scores kept for reuse by a re-asked question; 0 (default) disables. "
        "The INT8 model quantizes each batch as a whole, so with reranker_batch_size above 1 (default 16) a score moves slightly "
        "(~0.4) with its batch and a cached one can differ from a fresh one; at 1 a cached score is exact (docs/answering.md).",
    )
    keep_within: float = Field(5.0, ge=0, le=100, description="A sentence of the best sentence's note is cited if its score is within this of the best (0: only ties).")
    list_limit: int = Field(
        6, ge=1, le=20,
        description="An answer citing two or more items of a list (\"First, ... Second, ...\") also cites the list's other "
        "items, up to this many sentences in all (beyond max_citations): a list quoted without its last items reads as whole.",
    )
    other_note_within: float = Field(2.0, ge=0, le=100, description="The same margin for a sentence of another note (unless the question asks across companies).")
    relevance_within: float | None = Field(
        4.0, ge=0, le=30,
        description="A sentence besides the best is cited only if its cross-encoder relevance (a list item's: its list's) "
        "is within this of the best sentence's: the reranker judges each claim, not only the answer's first; None: off "
        "(4: citation precision 0.947 -> 0.962 on the dev sets, found and hit@1 unchanged; docs/answering.md).",
    )
    # Off by default: on (1.0, 0.6, kind), with the rules for comparisons, follow-ups and
    # category questions, they still refuse about 13% of the dev sets' answerable questions
    # (docs/answering.md, "second step"); the issue asks found >= 0.95.
    min_subject_match: float = Field(
        0.0, ge=0, le=1,
        description="The gate's floor on a sentence's subject_match: 1 only a sentence about an asked company answers, "
        "0.5 also a neighbour's, 0 also a passing mention (off).",
    )
    min_measure_match: float = Field(
        0.0, ge=0, le=1,
        description="The gate's floor on measure_match: 1 every asked measure word in the sentence, 0.5 about half of them "
        "or all in its passage only, 0 off.",
    )
    # On by default (with min_period_fit and required_answer_kinds below): on the dev sets and
    # blind sets A-C the three refuse 0.27 more of the unanswerable questions for 0.02 of the
    # answerable ones (docs/answering.md, "Third step").
    min_qualifier_match: float = Field(
        1.0, ge=0, le=1,
        description="The gate's floor on qualifier_match: 1 every asked segment or product word in the sentence or its "
        "passage, 0 off.",
    )
    min_named_quantity: float = Field(
        1.0, ge=0, le=1,
        description="The gate's floor on named_quantity: 1 a question asking about a named thing (a product, a "
        "company named in passing) is answered only from a note discussing it or by a sentence naming it (and stating "
        "the quantity, when one is asked), 0 off.",
    )
    min_period_fit: float | None = Field(
        0.0, ge=-1, le=1,
        description="The gate's floor on a sentence's period feature (-1..1) when the question names a period: "
        "0 refuses a sentence that, with its passage, leans to other periods than the asked one ('revenue in 2019' "
        "answered by a 2025 quarter); None: off.",
    )
    # "figure" on since round 35: on the eight blind content sets it refuses 0.063 more of the
    # unanswerable questions (0.529 -> 0.592, wrong-company 7 -> 5) with found unchanged (0.926);
    # on the dev sets found 0.982 -> 0.976 (docs/answering.md, "Blind set NN").
    required_answer_kinds: list[Literal["figure", "time", "risk"]] = Field(
        ["figure", "time"], description="The kinds of answer the gate requires a sentence to hold when the question asks for them "
        "(answer_kind_fit): a figure for how much / what was, a time for when, a risk for what could go wrong.",
    )
    near_duplicate: float = Field(0.6, gt=0, le=1, description="Stem-set Jaccard overlap at which a sentence repeats a chosen one (1: only identical word sets).")
    # Off by default: measured in docs/answering.md, "Tried: qualifier contrast".
    min_qualifier_contrast: float | None = Field(
        None, ge=-20, le=20,
        description="The gate's floor on qualifier_contrast (cross-encoder pipeline): a sentence answers only if the "
        "question with its qualifier (segment, product, quantity, 'when') scores at most this much below the question "
        "without it; None (default) does not compute it. -20 computes it for --explain and changed no answer of the dev sets.",
    )
    qualifier_contrast_top: int = Field(
        3, ge=1, le=16,
        description="Relevant sentences (best first) qualifier_contrast is computed for; the gate accepts no later one "
        "while the floor is set. Cost: up to 4 cross-encoder pairs each.",
    )
