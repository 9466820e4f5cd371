"""``Ragbot``: the one object the CLI, the web app and Python users talk to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from langchain_core.documents import Document

from ingest import CompanyDirectory, LoadFailure, Note, NoteChunker, NoteLoader, TickerResolver, learn_companies
from ragbot.answer import Answer, Answerer
from ragbot.extractive import ExtractiveAnswerer
from ragbot.reports import IngestReport, SearchHit, StoreStats
from ragbot.rerank import OnnxCrossEncoder
from ragbot.retrieval import HybridRetriever, ticker_filter
from ragbot.routing import QueryRouter, Question
from ragbot.sentiment import SentimentAnswerer
from ragbot.settings import Settings
from vectorstore import LexicalIndex, NoteIndex, open_chroma
from vectorstore.embeddings import LazyEmbeddings
from vectorstore.chroma import chroma_client

ProgressFn = Callable[[str, int, int], None]  # (event, done, total)


class Ragbot:
    """Ingest notes, search them, and answer questions with citations.

    Cheap to construct; the embedding model, store and reranker load on first use
    (or all at once with ``warm_up``).
    """

    def __init__(self, settings: Settings | None = None, answerer: Answerer | None = None):
        self.settings = settings or Settings()
        self._answerer = answerer

    # -- components, built lazily -------------------------------------------------------
    @cached_property
    def resolver(self) -> TickerResolver:
        return TickerResolver(CompanyDirectory.load(self.settings.aliases_file))

    @cached_property
    def router(self) -> QueryRouter:
        self.learn_from_notes()
        return QueryRouter(self.resolver)

    def learn_from_notes(self) -> None:
        """Teach the resolver the companies the notes list in Ticker Sentiment but the alias
        table lacks, so "Zscaler" and "ZS" route to a note's ``ZS`` (``learn_companies``), and
        which companies the notes are about, so "SNOW's margin" means Snowflake."""
        notes = [(list(d.metadata.get("primary_tickers") or []), d.page_content) for d in self.first_chunks([])]
        held = {t for tickers, _ in notes for t in tickers}
        self.resolver.learn(learn_companies(notes, self.resolver.directory), held)

    @cached_property
    def embeddings(self):
        s = self.settings
        return LazyEmbeddings(s.embedding_model, s.embed_batch_size, offline=not s.allow_model_download)

    @cached_property
    def index(self) -> NoteIndex:
        s = self.settings
        store = Path(s.store_dir)
        client = chroma_client(store, s.chroma_host, s.chroma_port)
        vectorstore = open_chroma(client, s.collection, self.embeddings, s.ef_search)
        store.mkdir(parents=True, exist_ok=True)
        lexical = LexicalIndex(store / f"{s.collection}.lexical.sqlite")
        index = NoteIndex(vectorstore, store / f"{s.collection}.records.sqlite", lexical, s.index_batch_size)
        if lexical.count() != index.collection.count():  # a run was cut off between the two writes
            lexical.sync_from(index.collection)
        return index

    @cached_property
    def retriever(self) -> HybridRetriever:
        s = self.settings
        return HybridRetriever(
            vectorstore=self.index.vectorstore,
            lexical=self.index.lexical,
            candidates=s.candidates,
            per_note=s.passages_per_note,
            limit=s.answer_passages,
        )

    @cached_property
    def answerer(self) -> Answerer:
        if self._answerer is not None:
            return self._answerer
        s = self.settings
        reranker = OnnxCrossEncoder(threads=s.reranker_threads) if s.reranker else None
        return ExtractiveAnswerer(
            reranker,
            resolver=self.resolver,
            max_sentences=s.max_citations,
            per_note=s.sentences_per_note,
            min_relevance=s.min_relevance,
            min_dense_relevance=s.min_dense_relevance,
            settings=s.answering,
        )

    @cached_property
    def sentiment_answerer(self) -> Answerer:
        return SentimentAnswerer()

    def warm_up(self) -> "Ragbot":
        """Load the model, open the store and the reranker now rather than on first use."""
        self.index
        self.embeddings.embed_query("warm up")
        self.answerer.warm_up()
        return self

    # -- ingest ----------------------------------------------------------------------
    def ingest(self, path: Path | str | None = None, sync: bool = False, progress: ProgressFn | None = None) -> IngestReport:
        """Bring the store in line with the notes under ``path`` (default: ``settings.notes_dir``).

        New and edited notes are embedded, unchanged ones skipped; with ``sync``, notes whose
        files are gone are removed. Unreadable files are reported and keep their old chunks.
        """
        root = Path(path or self.settings.notes_dir)
        if not root.is_dir():
            raise FileNotFoundError(f"notes folder not found: {root}")
        loader = NoteLoader(self.resolver, self.settings.max_note_bytes)
        failed: list[LoadFailure] = []
        notes: list[Note] = []
        for item in loader.load(root):
            (failed if isinstance(item, LoadFailure) else notes).append(item)
            if progress:
                progress("read", len(notes) + len(failed), 0)
        chunker = NoteChunker(self.resolver, self.settings.chunk_size, self.settings.chunk_overlap)
        done = iter(range(1, len(notes) + 1))
        result = self.index.sync(
            ((n.source, chunker.split(n)) for n in notes),
            keep={f.path for f in failed},
            remove_missing=sync,
            on_note=(lambda _source: progress("index", next(done), len(notes))) if progress else None,
        )
        warnings = [LoadFailure(n.source, "; ".join(n.problems)) for n in notes if n.problems]
        if "router" in self.__dict__:  # already answering: learn the new notes' companies now
            self.learn_from_notes()
        return IngestReport(**vars(result), failed=failed, warnings=warnings)

    def delete_note(self, source: str) -> None:
        """Remove one note from the store (its file, if any, is left alone)."""
        self.index.delete_source(source)

    # -- read ------------------------------------------------------------------------
    def search(self, query: str, ticker: str | None = None, k: int = 5) -> list[SearchHit]:
        """Top passages for ``query`` (hybrid, routed by the companies it names unless ``ticker``)."""
        question = self.router.route(query, tickers=[ticker] if ticker else None)
        documents = self.retriever.invoke(question.search_text, tickers=question.tickers)[:k]
        return [
            SearchHit(
                source=d.metadata["source"],
                tickers=list(d.metadata.get("tickers") or []),
                sentiment_label=d.metadata.get("sentiment_label"),
                sentiment_score=d.metadata.get("sentiment_score"),
                text=d.page_content,
                score=round(d.metadata["score"], 5),
            )
            for d in documents
        ]

    def ask(self, question: str, history: list[dict] | None = None, ticker: str | list[str] | None = None, k: int | None = None) -> Answer:
        """Answer ``question`` with citations; ``history`` is Gradio-style ``{"role","content"}``
        messages, ``ticker`` overrides routing, ``k`` caps the cited sentences."""
        tickers = [ticker] if isinstance(ticker, str) else ticker
        routed = self.router.route(question, history, tickers)
        routed.max_citations = k
        if routed.intent == "sentiment":
            return self.sentiment_answerer.answer(routed, self.first_chunks(routed.tickers))
        passages = self.retriever.invoke(routed.search_text, tickers=routed.tickers)
        return self.answerer.answer(routed, passages)

    def route(self, question: str, history: list[dict] | None = None) -> Question:
        return self.router.route(question, history)

    def first_chunks(self, tickers: list[str]) -> list[Document]:
        """The first chunk of every note about any of ``tickers`` (all notes if none)."""
        where = {"chunk_index": 0}
        if tickers:
            where = {"$and": [where, ticker_filter(tickers, field="tickers")]}
        got = self.index.collection.get(where=where, include=["documents", "metadatas"])
        return [Document(id=i, page_content=t, metadata=m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])]

    def note_text(self, source: str) -> str:
        """A note's indexed text rebuilt from its chunks (offsets match citations)."""
        got = self.index.collection.get(where={"source": source}, include=["documents", "metadatas"])
        text = ""
        for chunk, meta in sorted(zip(got["documents"], got["metadatas"]), key=lambda x: x[1]["start"]):
            start = meta["start"]
            text = text[:start].ljust(start) + chunk  # gaps were whitespace in the note
        return text

    def stats(self) -> StoreStats:
        """Notes, chunks, and notes per ticker."""
        metadatas = self.index.metadatas()
        notes = {m["source"]: m.get("tickers") or [] for m in metadatas}
        per_ticker = Counter(t for tickers in notes.values() for t in tickers)
        return StoreStats(notes=len(notes), chunks=len(metadatas), tickers=dict(per_ticker.most_common()))
