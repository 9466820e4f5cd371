"""What a store was built with: its schema version and its embedding model (name, dimension).

Written after every ingest: to ``<collection>.store.json`` beside the Chroma data
(``VersionFile``, the embedded store), or to a row of ``ragbot_store_version`` in server mode
(``vectorstore.postgres.PostgresVersion``), so every machine checks the one collection's. A store is
refused by a different embedding model (vectors of two models do not mix) until ``ragbot
reembed``; a store of an older schema is upgraded by the next ingest, which re-indexes chunks
whose metadata changed but takes their vectors from the embedding cache (``embedcache``).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from pathlib import Path

from vectorstore.files import replace_text

# 1: stores written before versioning (no file, no embedding cache); 2: versioned, cached;
# 3: front matter left out of chunks, ``company`` and ``preamble`` metadata (long notes).
# Bump whenever chunk metadata changes shape, so ingest reports the upgrade.
STORE_SCHEMA = 3


class ModelMismatch(RuntimeError):
    """The store's vectors come from another embedding model than the one configured."""


@dataclass(frozen=True)
class StoreVersion:
    schema: int
    embedding_model: str
    dimension: int | None  # None until the model has embedded something


class VersionRecord(ABC):
    """Where a store's ``StoreVersion`` is kept; ``check`` refuses another model's store."""

    @abstractmethod
    def read(self) -> StoreVersion | None:
        """The recorded version (None before the first ingest)."""

    @abstractmethod
    def write(self, version: StoreVersion) -> None:
        """Record ``version``, replacing the previous one."""

    def check(self, model: str) -> StoreVersion | None:
        """The recorded version; ``ModelMismatch`` if it names another embedding model."""
        version = self.read()
        if version is not None and version.embedding_model != model:
            raise ModelMismatch(
                f"this store was embedded with {version.embedding_model!r} ({version.dimension} dimensions), "
                f"not {model!r}: run `ragbot reembed` to re-embed every chunk with {model!r}, "
                f"or set RAGBOT_EMBEDDING_MODEL={version.embedding_model}"
            )
        return version


class VersionFile(VersionRecord):
    """The embedded store's version: ``<store_dir>/<collection>.store.json``, replaced atomically."""

    def __init__(self, store_dir: Path, collection: str):
        self.path = Path(store_dir) / f"{collection}.store.json"

    def read(self) -> StoreVersion | None:
        try:
            return StoreVersion(**json.loads(self.path.read_text()))
        except FileNotFoundError:
            return None

    def write(self, version: StoreVersion) -> None:
        replace_text(self.path, json.dumps(asdict(version)))


def is_current(version: StoreVersion | None) -> bool:
    """Whether a store recorded as ``version`` was written at ``STORE_SCHEMA`` (an older or
    unversioned store is upgraded by its next ingest, every note re-indexed)."""
    return version is not None and version.schema >= STORE_SCHEMA


def upgrade_notice(before: StoreVersion | None, chunks: int) -> str | None:
    """What ingest tells the user when it brings an older store up to ``STORE_SCHEMA``."""
    schema = before.schema if before else 1
    if schema >= STORE_SCHEMA or chunks == 0:
        return None
    return f"store upgraded from schema {schema} to {STORE_SCHEMA}; embeddings of unchanged text reused"
