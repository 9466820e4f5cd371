"""All of ragbot's configuration, in one place: environment variables ``RAGBOT_*`` or a
``.env`` file, overridden by CLI flags or by passing ``Settings(...)`` to ``Ragbot``."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """ragbot's settings; every field can be set as ``RAGBOT_<FIELD>`` (e.g. ``RAGBOT_STORE_DIR``)."""

    model_config = SettingsConfigDict(env_prefix="RAGBOT_", env_file=".env", extra="ignore")

    # Where things live
    notes_dir: Path = Field(Path("examples/notes"), description="Folder of notes the app ingests and re-ingests.")
    store_dir: Path = Field(Path(".ragbot"), description="Chroma data, record manager and lexical index.")
    collection: str = Field("notes", description="Chroma collection name.")
    chroma_host: str | None = Field(None, description="Use Chroma's server at this host (HttpClient) instead of the embedded store.")
    chroma_port: int = 8000
    aliases_file: Path | None = Field(None, description="Extra company aliases CSV (ticker,name,aliases,symbols,ambiguous_symbol).")

    # Models
    embedding_model: str = Field("all-MiniLM-L6-v2", description="Bundled model name, a local path, or a hub id.")
    allow_model_download: bool = Field(False, description="Let Hugging Face libraries reach the hub (off: fully offline).")
    reranker: bool = Field(True, description="Rerank candidate sentences with the bundled cross-encoder.")
    reranker_threads: int = 2

    # Ingest
    chunk_size: int = 700
    chunk_overlap: int = 100
    max_note_bytes: int = 2_000_000
    embed_batch_size: int = 32
    index_batch_size: int = Field(256, description="Chunks per indexing batch (whole notes; larger sorts by length better).")
    ef_search: int = Field(100, description="HNSW search breadth; see benchmarks/hnsw_recall.py.")

    # Retrieval and answering
    candidates: int = Field(20, description="Chunks taken from each of the dense and lexical searches.")
    passages_per_note: int = Field(3, description="At most this many chunks of one note go to the answerer.")
    answer_passages: int = Field(12, description="Chunks the answerer reads.")
    max_citations: int = Field(4, description="Sentences (each cited) in an answer.")
    sentences_per_note: int = Field(3, description="At most this many of an answer's sentences come from one note.")
    min_relevance: float = Field(-6.0, description="Cross-encoder score below which evidence is 'not in your notes'.")
    min_dense_relevance: float = Field(0.52, description="Cosine floor used when the reranker is off.")

    # Input safety (issue 8): questions
    max_question_chars: int = Field(
        1000, ge=50, le=100_000, description="Longer questions are cut to this many characters, with a notice (50-100,000)."
    )

    # Store safety (one writer at a time)
    wait_for_writer: bool = Field(True, description="Wait while another process writes the store (else fail at once).")
