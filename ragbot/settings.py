"""All of ragbot's configuration, in one place: environment variables ``RAGBOT_*`` or a
``.env`` file, overridden by CLI flags or by passing ``Settings(...)`` to ``Ragbot``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from ragbot.answering.settings import AnsweringSettings


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
    reranker: bool = Field(True, description="Rerank candidate sentences, and pick the note a sentiment question describes, with the bundled cross-encoder.")
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

    # Sentiment and time (issue 11)
    today: date | None = Field(None, description="The day relative windows ('last 30 days') count from; unset: today.")
    sentiment_max_cited: int = Field(50, ge=1, description="Notes cited in one sentiment answer (figures still use every note).")

    # Document formats and watching a folder (issue 12)
    max_pages: int = Field(1_000, ge=1, le=100_000, description="A PDF with more pages is reported and skipped.")
    max_document_bytes: int = Field(50_000_000, ge=1, description="Larger PDF/HTML/.docx/.eml files are reported and skipped.")
    max_unpacked_bytes: int = Field(100_000_000, ge=1, description="A .docx that would unpack to more is refused (zip bomb).")
    watch_debounce_ms: int = Field(300, ge=50, le=60_000, description="Changes less than this apart are ingested together.")
    watch_settle_ms: int = Field(300, ge=0, le=60_000, description="A changed file is ingested once its size and time stay put this long.")

    # Generative answers (docs/generative.md): unset base URL or model = the extractive answerer
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (Ollama).")
    llm_model: str | None = Field(None, description="Model name the endpoint serves, e.g. llama3.2:3b or gpt-4o-mini.")
    llm_api_key: SecretStr | None = Field(None, description="API key for the endpoint (never logged); local servers need none.")
    llm: bool = Field(True, description="Answer with the LLM when one is configured (CLI --llm/--no-llm per call).")
    llm_timeout: float = Field(60.0, gt=0, le=600, description="Seconds for the whole generation; past it, the extractive answer.")
    llm_max_tokens: int = Field(400, ge=16, le=4096, description="Tokens the LLM may write per answer.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature (0: the same answer every time).")
    llm_passages: int = Field(6, ge=1, le=20, description="Passages numbered [1]..[k] in the prompt.")
    support_threshold: float = Field(
        -1.8, ge=-12, le=12,
        description="Cross-encoder score a sentence's best support must reach; calibrated in benchmarks/support_calibration.py.",
    )
    show_unverified: bool = Field(False, description="Show unsupported generated sentences marked unverified instead of dropping them.")

    @property
    def generative(self) -> bool:
        """Whether answers are written by the LLM (configured and not switched off)."""
        return self.llm and bool(self.llm_base_url and self.llm_model)

    # Staged answering (docs/answering.md): feature weights, the cross-encoder's pool, selection margins
    answering: AnsweringSettings = Field(
        default_factory=AnsweringSettings,
        description="The extractive answerer's weights and margins, validated when built (RAGBOT_ANSWERING='{\"rerank_pool\": 12}').",
    )

    # Conversations that last (issue 13, docs/chat-page.md)
    conversations_url: str | None = Field(
        None, description="SQLAlchemy URL of the saved conversations; unset: RAGBOT_DATABASE_URL, else SQLite file conversations.sqlite3 in store_dir.",
    )

    # Notes tab, uploads and progress (issue 13)
    uploads_dir: Path | None = Field(
        None, description="Folder the chat page saves uploaded notes to (unset: <store_dir>/uploads, never the checkout).",
    )

    # Constrained generative replies (docs/generative.md): a llama.cpp grammar forces cited sentences
    llm_grammar: bool = Field(
        False,
        description="Send a llama.cpp GBNF grammar with each request so every sentence ends with [n] markers "
        "(llama.cpp's server and xllamacpp only; small models that forget markers need it).",
    )
    llm_grammar_sentences: int = Field(3, ge=1, le=10, description="Sentences the grammar allows per answer.")
    llm_grammar_chars: int = Field(300, ge=20, le=2000, description="Characters the grammar allows per sentence, markers excluded.")
    support_preselect: int = Field(
        2, ge=1, le=10,
        description="Candidate support sentences per generated sentence, preselected lexically, that the cross-encoder scores "
        "(its cost grows with this; 1 halves it and can only reject more).",
    )

    # Cross-encoder speed (issue 9, benchmarks/rerank_speed.py, docs/benchmarks.md): 1 pair per run costs ~45% less
    # CPU and gives each sentence the same score whatever else is read with it (the INT8 model quantizes a run as a
    # whole), but lost one follow-up of eval/ to the gate's floor, so 16 stays the default
    reranker_batch_size: int = Field(
        16, ge=1, le=256, description="Pairs the cross-encoder scores per run (1: batch-independent scores, no padding; 1-256)."
    )
    reranker_spinning: bool = Field(
        False, description="Let the cross-encoder's idle threads busy-wait for work (faster alone, wasteful on a shared CPU)."
    )

    # A team's deployment (issue 15, docs/team.md): every piece of shared state in servers
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of a PostgreSQL database (postgresql+psycopg://user:pw@host/db) holding the record "
        "manager, the lexical index, the store's locks and generation, and conversations; needs RAGBOT_CHROMA_HOST. "
        "Unset: the embedded SQLite files in store_dir.",
    )
    notes_scope: str | None = Field(
        None,
        description="This machine's name for its notes folder in a shared store: sources become '<scope>/<path>' and "
        "`ingest --sync` removes only notes under it (required for --sync in server mode).",
    )

    # The generative verifier's cost (issue 14, benchmarks/verifier_cost.py, docs/generative.md)
    support_batch_size: int = Field(
        1, ge=1, le=256,
        description="Support pairs the verifier's cross-encoder scores per run (1: no padding, the least CPU, and the "
        "scores the threshold was calibrated with, pair by pair).",
    )

    @model_validator(mode="after")
    def _servers_together(self) -> "Settings":
        """Records and vectors must live on the same side: a database with embedded vectors
        would give other machines records of vectors they cannot see."""
        if self.database_url and not self.chroma_host:
            raise ValueError("RAGBOT_DATABASE_URL needs RAGBOT_CHROMA_HOST: vectors go to Chroma's server in server mode")
        if self.notes_scope is not None and not self.notes_scope.strip("/ "):
            raise ValueError("RAGBOT_NOTES_SCOPE must name the folder (e.g. alice-laptop), not be blank")
        return self

    @property
    def server_mode(self) -> bool:
        """Whether the store's shared state lives in PostgreSQL and Chroma's server."""
        return self.database_url is not None

    # Who may change the store from the chat page (issue 15, docs/team.md)
    admins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Logins (serve --auth) allowed to upload, re-ingest and delete notes on the chat page, comma-separated "
        "(RAGBOT_ADMINS=ana,bo); the others only read and ask. Empty: every login may (the single-user default).",
    )

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: object) -> object:
        """``"ana, bo"`` -> ``["ana", "bo"]`` (the environment's form); a list passes as is."""
        return [name.strip() for name in value.split(",") if name.strip()] if isinstance(value, str) else value
