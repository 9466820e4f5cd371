"""Shared fixtures: the real embedding model (loaded once per session), real Chroma stores."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from ragbot import Ragbot, Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "notes"
EVAL_NOTES = REPO / "eval" / "notes"
HOLDOUT_NOTES = REPO / "eval" / "holdout" / "notes"
SHARED_SEEDS = REPO.parent / "shared" / "seed-notes"


def make_settings(store: Path, **overrides) -> Settings:
    """Settings for a test store; nothing read from the developer's environment but defaults."""
    return Settings(_env_file=None, store_dir=store, **overrides)


@pytest.fixture(scope="session")
def embeddings():
    """The real all-MiniLM-L6-v2, loaded once per test session (cached: every Ragbot reuses it)."""
    from vectorstore.embeddings import LazyEmbeddings

    return LazyEmbeddings().loaded


@pytest.fixture
def notes_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled example notes."""
    target = tmp_path / "notes"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def bot(tmp_path: Path, embeddings) -> Ragbot:
    """A Ragbot over an empty store in a temporary folder."""
    return Ragbot(make_settings(tmp_path / "store"))


@pytest.fixture(scope="session")
def encoder():
    """The bundled cross-encoder, loaded once per test session."""
    from ragbot.rerank import OnnxCrossEncoder

    model = OnnxCrossEncoder()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def examples_bot(tmp_path_factory, embeddings) -> Ragbot:
    """A Ragbot with the example notes ingested once per session (read-only use)."""
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("examples-store")))
    bot.ingest(EXAMPLES)
    return bot


@pytest.fixture(scope="session")
def eval_bot(tmp_path_factory, embeddings) -> Ragbot:
    """A Ragbot with the evaluation notes ingested once per session (read-only use)."""
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("eval-store")))
    bot.ingest(EVAL_NOTES)
    return bot


@pytest.fixture(scope="session")
def holdout_bot(tmp_path_factory, embeddings) -> Ragbot:
    """A Ragbot with the held-out notes ingested once per session (read-only use)."""
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("holdout-store")))
    bot.ingest(HOLDOUT_NOTES)
    return bot


@pytest.fixture(scope="module")
def router():
    """A question router over the bundled alias table (one per test module: tests may teach it companies)."""
    from ingest import CompanyDirectory, TickerResolver
    from ragbot.routing import QueryRouter

    return QueryRouter(TickerResolver(CompanyDirectory.load()))
