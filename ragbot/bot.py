"""``Ragbot``: the one object the CLI, the web app and Python users talk to."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from langchain_core.documents import Document

from ingest import CompanyDirectory, LoadFailure, NoteChunker, NoteLoader, TickerResolver, learn_companies
from ingest.declarations import text_companies
from ingest.tickers import (
    acronyms, fold_accents, listing_root, lower_words, with_file_names, with_first_names, with_initials, with_later_names, with_name_tails,
    with_short_names, without_shared_names,
)
from ingest.frontmatter import front_matter_companies
from ingest.readers.notes import container_of
from ingest.loader import display_source
from ingest.readers import ReaderLimits
from ingest.words import is_english
from ragbot.progress import ProgressFn, ProgressTracker
from ragbot.reading import notes_folder, read_folder
from ragbot.reports import IngestReport, SearchHit, StoreStats
from ragbot.settings import Settings
from ragbot.store import StoreAccess, servers_checked
from ragbot.upkeep import check, prepare_write, record_version, reembed
from ragbot.userdata import is_excluded, kept_by_sync, source_prefix, sync_scope
from vectorstore import NoteIndex
from vectorstore.sync import chunk_key
from vectorstore.chroma import get_every
from vectorstore.doctor import Checkup
from vectorstore.embeddings import LazyEmbeddings, bundled_words
from vectorstore.servers import check_chroma, check_postgres
from vectorstore.versioning import is_current

if TYPE_CHECKING:  # the answering stack is imported where it is first used: an ingest never loads it
    from ragbot.answer import Answer, Answerer
    from ragbot.companies import CompanyCheck
    from ragbot.rerank import Reranker
    from ragbot.retrieval import HybridRetriever
    from ragbot.routing import QueryRouter, Question
    from ragbot.sentiment import NoteCatalog, SentimentAnswerer

T = TypeVar("T")
NOTHING_TO_INDEX = "nothing to index: every passage repeats the same few words over and over"


class Ragbot:
    """Ingest notes, search them, and answer questions with citations.

    Cheap to construct; the embedding model, store and reranker load on first use
    (or all at once with ``warm_up``).
    """

    def __init__(self, settings: Settings | None = None, answerer: Answerer | None = None):
        self.settings = settings or Settings()
        self._answerer = answerer
        self._learned_at = -1  # the store generation whose notes' companies the resolver knows
        self._learning = threading.RLock()  # one learner at a time; others wait for its resolver

    # -- components, built lazily -------------------------------------------------------
    @cached_property
    def resolver(self) -> TickerResolver:
        return TickerResolver(CompanyDirectory.load(self.settings.aliases_file))

    @cached_property
    def router(self) -> QueryRouter:
        from ragbot.routing import QueryRouter

        self.learn_from_notes()
        return QueryRouter(self.resolver)

    def learn_from_notes(self) -> None:
        """Teach the resolver the companies the notes list in Ticker Sentiment but the alias
        table lacks, so "Zscaler" and "ZS" route to a note's ``ZS`` (``learn_companies``; a
        front matter's ``company`` names its ticker first: ``front_matter_companies``), and
        which companies the notes are about, so "SNOW's margin" means Snowflake.

        Learned into a copy that then replaces the resolver everywhere: questions answered
        meanwhile on other threads keep using the old one, never one changing under them."""
        with self._learning:
            generation = self.store.generation()
            resolver = self._learned_resolver()
            self.__dict__["resolver"] = resolver
            for user in (self.__dict__.get("router"), self.__dict__.get("answerer")):
                if getattr(user, "resolver", None) is not None:
                    user.resolver = resolver
            self._learned_at = generation  # only now: a thread that sees it also sees the new resolver

    def _relearn_if_stale(self) -> None:
        """Learn the notes' companies again if another process wrote the store since; a thread
        arriving while another learns waits for it rather than answer with the old companies."""
        if self._learned_at == self.store.generation():
            return
        with self._learning:
            if self._learned_at != self.store.generation():
                self.learn_from_notes()

    def _learned_resolver(self) -> TickerResolver:
        """A copy of the resolver that also knows the companies the stored notes are about."""
        firsts = {d.metadata["source"]: d for d in self.first_chunks([])}
        about = {source: list(d.metadata.get("primary_tickers") or []) for source, d in firsts.items()}
        held = {t for tickers in about.values() for t in tickers}
        # every chunk, not only the first: a company's name may first appear in a note's analysis
        # (an unknown company's name, or a known one's first word in the possessive, "Intuitive's")
        whole = self.whole_notes(list(about))
        # accents folded: a name is learned as users type it ("Telefonica" for the notes' "Telefónica")
        notes = [(about[source], fold_accents(whole.get(source, d.page_content))) for source, d in firsts.items()]
        texts = [text for _, text in notes]
        joined = "\n".join(texts)
        lower = lower_words(joined)  # what the notes write in lower case: words, not names or tickers
        resolver = TickerResolver(CompanyDirectory(with_first_names(self.resolver.directory.companies.values(), held, texts, lower)))
        resolver.learn(front_matter_companies([(d.metadata, d.page_content) for d in firsts.values()], resolver.directory))
        resolver.learn(text_companies(texts, resolver.directory, frozenset(held)))  # "Name (TICK)"
        # a ticker typed in lower case names its company unless it is a word ("nflx", not "all"): an
        # English word, one the notes write in lower case, or another of the model's vocabulary,
        # which also holds names ("uber", "baba") and so spares a held company's symbol
        held_symbols = {form.lower() for t in held for form in (t, listing_root(t)) if not is_english(form.lower())}  # ("jen" of JEN.DE)
        words = (bundled_words() - held_symbols) | lower
        resolver.learn(learn_companies(notes, resolver.directory), set(self.resolver.held) | held, words, acronyms(joined))
        counts = Counter(t for tickers in about.values() for t in tickers)
        # "PCA"; "Six Flags" for Six Flags Entertainment; "Quidel" for the learned QuidelOrtho; one "Huntington"
        named = with_first_names(with_initials(resolver.directory.companies.values(), held, texts), held, texts, lower)
        settled = without_shared_names(with_name_tails(with_later_names(with_short_names(named, held, texts), notes, lower), held, lower), counts)
        settled = with_file_names(settled, [(tickers, source) for source, tickers in about.items()])
        # (a symbol the file names give stays a word only where the notes write it in lower case)
        filed = {s.lower() for c in settled for s in c.symbols} - {s.lower() for c in resolver.directory.companies.values() for s in c.symbols}
        initialled = TickerResolver(CompanyDirectory(settled))
        initialled.learn([], resolver.held, resolver.words - (filed - lower), resolver.acronyms)
        return initialled

    @cached_property
    def embeddings(self):
        s = self.settings
        return LazyEmbeddings(s.embedding_model, s.embed_batch_size, offline=not s.allow_model_download)

    @cached_property
    def store(self) -> StoreAccess:
        """The store: one writer at a time, reopened when another process has written it."""
        return StoreAccess(self.settings, self.embeddings)

    @property
    def index(self) -> NoteIndex:
        return self.store.index

    @property
    def retriever(self) -> HybridRetriever:
        """Over the index as currently opened (cheap: built per question)."""
        from ragbot.retrieval import HybridRetriever

        s = self.settings
        return HybridRetriever(
            vectorstore=self.index.vectorstore,
            lexical=self.index.lexical,
            candidates=s.candidates,
            per_note=s.passages_per_note,
            limit=s.answer_passages,
        )

    @cached_property
    def reranker(self) -> Reranker | None:
        """The bundled cross-encoder, one for both answerers (None when the settings turn it off)."""
        from ragbot.rerank import cross_encoder

        return cross_encoder(self.settings) if self.settings.reranker else None

    @cached_property
    def answerer(self) -> Answerer:
        if self._answerer is not None:
            return self._answerer
        from ragbot.extractive import ExtractiveAnswerer

        s = self.settings
        extractive = ExtractiveAnswerer(
            self.reranker,
            resolver=self.resolver,
            max_sentences=s.max_citations,
            per_note=s.sentences_per_note,
            min_relevance=s.min_relevance,
            min_dense_relevance=s.min_dense_relevance,
            settings=s.answering,
        )
        if s.generative:  # an LLM is configured: it writes, over the same ranking (docs/generative.md)
            from ragbot.generative import build_answerer

            return build_answerer(s, extractive, self.resolver)
        return extractive

    @cached_property
    def sentiment_answerer(self) -> SentimentAnswerer:
        from ragbot.sentiment import SentimentAnswerer

        return SentimentAnswerer(
            today=lambda: self.settings.today or date.today(),
            retrieve=lambda query, tickers: self.retriever.invoke(query, tickers=tickers),
            explain=self.explain,
            max_cited=self.settings.sentiment_max_cited,
            rerank=self.reranker,
        )

    def _per_generation(self, key: str, build: Callable[[], T]) -> T:
        """``build()``, kept until any process writes the store (its generation moves on). A
        page refresh asks for the note list several times; at 20,000 notes each read is seconds."""
        generation = self.store.generation()  # read first: what ``build`` sees is at least this new
        cached = self.__dict__.get(key)
        if cached is None or cached[0] != generation:
            cached = (generation, build())
            self.__dict__[key] = cached  # one assignment: threads see the old pair or the new one
        return cached[1]

    @property
    def note_catalog(self) -> NoteCatalog:
        """Every note's date and scores, read once per store generation: rebuilt after any
        process's ingest or delete."""
        from ragbot.sentiment import NoteCatalog

        return self._per_generation("_note_catalog", lambda: NoteCatalog.from_passages(self.first_chunks([], count=2)))

    def explain(self, question: Question, sources: set[str]) -> Answer:
        """The extractive answer to ``question`` from the notes ``sources`` only."""
        passages = self.retriever.invoke(question.search_text, tickers=question.tickers)
        return self.answerer.answer(question, [p for p in passages if p.metadata.get("source") in sources])

    def warm_up(self) -> "Ragbot":
        """Load the model, open the store and the reranker now rather than on first use."""
        self.index
        self.embeddings.embed_query("warm up")
        self.answerer.warm_up()
        self.sentiment_answerer.warm_up()
        return self

    # -- ingest ----------------------------------------------------------------------
    def ingest(
        self, path: Path | str | None = None, sync: bool = False, progress: ProgressFn | None = None, include_deleted: bool = False,
    ) -> IngestReport:
        """Bring the store in line with the notes under ``path`` (default: ``settings.notes_dir``).

        New and edited notes are embedded, unchanged ones skipped, and files unchanged since their
        notes were indexed not even parsed (``ragbot.reading``); with ``sync``, notes whose
        files are gone are removed (without it, reported as ``missing``). Unreadable files are
        reported and keep their old chunks.
        Notes deleted on the page but kept on disk stay out unless ``include_deleted``.
        Sources are paths under ``root``, behind ``settings.notes_scope`` when set; a sync
        removes only notes of that scope (``ragbot.userdata``; in server mode it needs one).
        ``progress`` gets ``IngestProgress`` events: reading, embedding, indexing.
        """
        root = notes_folder(Path(path or self.settings.notes_dir))
        s = self.settings
        if sync:
            sync_scope(s)
        track = ProgressTracker(progress)
        limits = ReaderLimits(s.max_pages, s.max_document_bytes, s.max_unpacked_bytes)
        loader = NoteLoader(self.resolver, s.max_note_bytes, limits)
        prefix, exclusions = source_prefix(root, s), self.store.excluded
        with servers_checked():
            excluded = set() if include_deleted else exclusions.sources()
            others: list[Path] = []  # (files of other types: reported, never read)
            files = sum(1 for _ in loader.paths(root, others=others))
            track("read", 0, files)
            upgrading = not is_current(self.store.versions.read())
            found = read_folder(
                root, loader, self.store.index, s, prefix, excluded, lambda n: track("read", min(n, files), files), upgrading,
            )
        track("read", files, files)
        left_out = sorted({container_of(n) for n in excluded} & found.read)
        if include_deleted:
            with servers_checked():
                exclusions.remove(n.source for n in found.notes)
        chunker = NoteChunker(found.resolver, self.settings.chunk_size, self.settings.chunk_overlap)
        chunked = [(n, chunker.chunk(n)) for n in found.notes]
        failed = found.failed + [LoadFailure(n.source, NOTHING_TO_INDEX) for n, c in chunked if not c.documents]
        chunked = [(n, c) for n, c in chunked if c.documents]
        problems = {n.source: n.problems + c.problems for n, c in chunked if n.problems or c.problems}
        rows = found.rows({n.source: [chunk_key(d) for d in c.documents] for n, c in chunked}, problems)
        total = len(chunked) + len(found.unparsed)
        done = iter(range(1, total + 1))
        keep = {f.path for f in failed}
        embedded = self._embed_before_writing([chunk for _, c in chunked for chunk in c.documents], track)
        with self.store.writing(self.settings.wait_for_writer) as index:
            index, notices = prepare_write(self.store, index)
            if not include_deleted:  # deleted on a page while this ingest read the folder (a delete holds this lock)
                late = exclusions.sources() - excluded
                chunked = [(n, c) for n, c in chunked if not is_excluded(n.source, late)]
            for repeat in found.repeats:  # stored before its twin arrived
                index.delete_source(repeat.path)
            folders = tuple(path for path in keep if path.endswith("/"))  # unreadable folders keep their notes
            stored = index.sources()  # (without ``sync``, to report the notes it would remove)
            keep |= {source for source in stored if source.startswith(folders)} if folders else set()
            keep |= kept_by_sync(stored, prefix, s)
            result = index.sync(
                ((n.source, c.documents) for n, c in chunked),
                keep=keep,
                remove_missing=sync,
                on_note=lambda _source: track("index", min(next(done), total - 1), total),
                parsed=rows,
                unparsed=found.unparsed,
                stored=stored,
            )
            record_version(self.store, index)
        result.embedded += embedded
        track("index", total, total)  # only now: the store is written and checked
        problems |= {n.source: n.problems for n in found.unparsed if n.problems}
        warnings = [LoadFailure(source, "; ".join(said)) for source, said in problems.items()] + found.repeats
        warnings += found.from_other_folders(result.updated, "were replaced by this folder's files of the same path")
        warnings += found.from_other_folders(result.deleted, "were removed: --sync keeps only this folder's notes")
        if "router" in self.__dict__:  # already answering: learn the new notes' companies now
            self.learn_from_notes()
        return IngestReport(
            **vars(result), failed=failed, warnings=warnings, store=notices, excluded=left_out, parsed=len(found.parsed),
            not_notes=[display_source(p.relative_to(root).as_posix()) for p in others],
        )

    def _embed_before_writing(self, chunks: list[Document], track: ProgressTracker) -> int:
        """Put the vectors of ``chunks`` not yet stored into the store's embedding cache before
        the writer lock is taken, so ingests on other machines or processes embed at the same
        time and only their writes take turns; under the lock, ``sync`` finds them cached (and
        embeds only what another writer changed meanwhile). Not into a store written before the
        cache existed: its vectors seed the cache first, under the lock (``prepare_write``).
        Returns the texts embedded."""
        with servers_checked():
            version = self.store.versions.check(self.settings.embedding_model)  # another model's store: refuse first
            index = self.store.index
            if version is None and index.collection.count():
                return 0
            return index.embed_ahead(chunks, lambda count, total: track("embed", count, total)) or 0

    def delete_note(self, source: str) -> None:
        """Remove one note from the store (its file, if any, is left alone)."""
        with self.store.writing(self.settings.wait_for_writer) as index:
            index.delete_source(source)

    def doctor(self, repair: bool = False) -> Checkup:
        """Check that Chroma's vector index, its metadata, the records and the lexical index
        agree (``vectorstore.doctor``); with ``repair``, fix what can be re-derived. In server
        mode, first PostgreSQL's and Chroma's connectivity and versions (nothing more if one is
        down), and the schema last (opening the store creates it)."""
        self.store.mend_on_open = False
        if not self.settings.server_mode:
            with self.store.writing(self.settings.wait_for_writer) as index:
                return check(self.store, index, fix=repair)[0]
        s = self.settings
        servers = [check_chroma(s.chroma_host, s.chroma_port), *check_postgres(self.store.engine)[:1]]
        if not all(server.ok for server in servers):
            return Checkup(0, 0, 0, servers=servers)
        with self.store.writing(s.wait_for_writer) as index:
            checkup = check(self.store, index, fix=repair)[0]
        checkup.servers = [*servers, *check_postgres(self.store.engine)[1:]]
        return checkup

    def reembed(self) -> int:
        """Embed every stored chunk again with ``settings.embedding_model``; returns the count."""
        return reembed(self.store, self.settings.wait_for_writer)

    # -- read ------------------------------------------------------------------------
    def search(self, query: str, ticker: str | None = None, k: int = 5) -> list[SearchHit]:
        """Top passages for ``query`` (hybrid, routed by the companies it names unless ``ticker``)."""
        from ragbot.question_input import prepare_question

        prepared = prepare_question(query, self.settings.max_question_chars)
        if not prepared.answerable:
            return []
        with self.store.reading():
            question = self.router.route(prepared.text, tickers=[ticker] if ticker else None)
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

    def ask(
        self, question: str, history: list[dict] | None = None, ticker: str | list[str] | None = None, k: int | None = None,
        since: date | None = None, until: date | None = None,
    ) -> Answer:
        """Answer ``question`` with citations; ``history`` is Gradio-style ``{"role","content"}``
        messages, ``ticker`` overrides routing, ``k`` caps the cited sentences, ``since`` /
        ``until`` keep only notes dated in that range (inclusive). Invalid text is replaced and
        a long question cut (``Answer.notices`` says so); a question with nothing to ask gets a
        prompt to ask something (not found, no citations)."""
        *_, answer = self.ask_stream(question, history, ticker, k, since, until)
        return answer

    def ask_stream(
        self, question: str, history: list[dict] | None = None, ticker: str | list[str] | None = None, k: int | None = None,
        since: date | None = None, until: date | None = None,
    ) -> Iterator[Answer]:
        """``ask``'s answer as it grows (generated answers, one verified sentence at a time), the whole answer last."""
        from ragbot.answering.composition import sources_answer
        from ragbot.answering.overview import newest_about
        from ragbot.question_input import clean_history, prepare_question, prompt_answer
        from ragbot.sentiment import Window

        prepared = prepare_question(question, self.settings.max_question_chars, history)
        if not prepared.answerable:
            yield prompt_answer(prepared)
            return
        if "router" in self.__dict__:
            self._relearn_if_stale()  # another process wrote the store: learn its notes' companies too
        tickers = [ticker] if isinstance(ticker, str) else ticker
        window = Window(since, until, "the date filter") if since or until else None
        history = clean_history(history)
        # The store is read here, and nothing is yielded while it is: the web page starts answers on
        # its own threads and resumes them on Gradio's, which cannot release this thread's lock.
        with self.store.reading():
            routed, check = self._route_and_check(prepared.text, history, tickers)
            routed.max_citations = k
            routed.tickers = routed.tickers if check.tickers is None else check.tickers
            if check.reply is not None:  # never another company's notes
                answers, notices = iter([check.reply]), prepared.notices
            elif routed.asks_sources:  # "which notes back that up?": the notes the last answer cited
                answers = iter([sources_answer(history)])
            elif routed.intent == "sentiment":  # figures from metadata; mixed questions retrieve reasons
                answers = iter([self.sentiment_answerer.answer_catalog(routed, self.note_catalog, window)])
            else:
                if routed.asks_overview:  # "tell me about Tesla": what the newest notes about it say first
                    passages = newest_about(self.first_chunks([]), routed.tickers)  # every note's, read once per store generation
                else:
                    passages = self.retriever.invoke(routed.search_text, tickers=routed.tickers)
                if window:
                    dated = {r.source for r in self.note_catalog.about(window=window)}
                    passages = [p for p in passages if p.metadata.get("source") in dated]
                passages = passages[: self.settings.answer_passages]
        if check.reply is None:
            notices = [*prepared.notices, *check.notices]
            if routed.intent != "sentiment" and not routed.asks_sources:
                answers = self.answerer.stream(routed, passages, history)
        for answer in answers:
            yield replace(answer, notices=[*notices, *answer.notices])

    def _route_and_check(self, text: str, history: list[dict], tickers: list[str] | None) -> tuple[Question, CompanyCheck]:
        """``text`` routed, and what to do about the companies it names (``check_companies``).
        A near spelling that can only be a company's name (``Spelling.certain``) is read as that
        name, with a notice saying so, as search engines do: people mistype names, and the answer
        names the company it is about. Otherwise the reply asks "did you mean". Earlier questions
        are read so too: "and eps?" after "gerresheimr fy37 adj ebitda" continues Gerresheimer."""
        _, routed, check, notice = self._respelt(text, self._history_respelt(history, tickers), tickers)
        return routed, check if notice is None else replace(check, notices=(notice, *check.notices))

    def _history_respelt(self, history: list[dict], tickers: list[str] | None) -> list[dict]:
        """``history`` with the latest user turns naming no company read as ``_respelt`` reads them,
        back to the first that names one (the turn a follow-up's company comes from: the router
        reads no further back); earlier turns are left as typed."""
        history = list(history or [])
        for i in reversed(range(len(history))):
            message = history[i]
            if message.get("role") != "user" or not isinstance(message.get("content"), str):
                continue
            if self.resolver.mentions(message["content"], case_sensitive_names=False):
                break
            corrected = self._respelt(message["content"], None, tickers)[0]
            if corrected != message["content"]:
                history[i] = {**message, "content": corrected}
                break
        return history

    def _respelt(self, text: str, history: list[dict] | None, tickers: list[str] | None) -> tuple[str, Question, CompanyCheck, str | None]:
        """``text`` as read (a certain misspelling of a name put right), routed and checked, and
        the notice saying what was put right (None if nothing was)."""
        from ragbot.companies import check_companies

        def route_and_check(text: str) -> tuple[Question, CompanyCheck]:
            routed = self.router.route(text, history, tickers)
            held, lexical = self.resolver.held, self.index.lexical
            begins = partial(lexical.mentions, prefix=True)
            return routed, check_companies(routed, routed.tickers if tickers else None, self.resolver, held, lexical.mentions, begins)

        routed, check = route_and_check(text)
        spelling = check.spelling
        if spelling is None or not spelling.certain:
            return text, routed, check, None
        corrected = spelling.correct(text)
        respelt, recheck = route_and_check(corrected)
        if not set(respelt.named) - set(routed.named) or recheck.reply is not None:  # the name read must be a company named anew
            return text, routed, check, None
        return corrected, respelt, recheck, f"Read \u201c{spelling.typed}\u201d as {spelling.name}: no company in your notes is spelt as typed."

    def route(self, question: str, history: list[dict] | None = None) -> Question:
        return self.router.route(question, history)

    def first_chunks(self, tickers: list[str], count: int = 1) -> list[Document]:
        """The first chunk (the first ``count``) of every note about any of ``tickers`` (all notes
        if none; that list read once per store generation)."""
        if not tickers and count == 1:
            return list(self._per_generation("_first_chunks", lambda: self._read_first_chunks([], 1)))
        return self._read_first_chunks(tickers, count)

    def _read_first_chunks(self, tickers: list[str], count: int) -> list[Document]:
        where = {"chunk_index": 0} if count == 1 else {"chunk_index": {"$lt": count}}
        if tickers:
            from ragbot.retrieval import ticker_filter

            where = {"$and": [where, ticker_filter(tickers, field="tickers")]}
        with self.store.reading() as index:
            got = get_every(index.collection, where)
        return [Document(id=i, page_content=t, metadata=m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])]

    def whole_notes(self, sources: list[str]) -> dict[str, str]:
        """The indexed text of each of ``sources`` (every chunk, in order, overlaps repeated)."""
        if not sources:
            return {}
        with self.store.reading() as index:
            got = index.collection.get(where={"source": {"$in": sources}}, include=["documents", "metadatas"])
        chunks = sorted(zip(got["metadatas"], got["documents"]), key=lambda x: (x[0]["source"], x[0].get("start", 0)))
        texts: dict[str, list[str]] = {}
        for meta, text in chunks:
            texts.setdefault(meta["source"], []).append(text)
        return {source: "\n".join(parts) for source, parts in texts.items()}

    def notes_about(self) -> dict[str, list[str]]:
        """Each note's source and the tickers it is about (its Ticker Sentiment subjects)."""
        return {d.metadata["source"]: list(d.metadata.get("primary_tickers") or []) for d in self.first_chunks([])}

    def note_text(self, source: str) -> str:
        """A note's indexed text rebuilt from its chunks (offsets match citations)."""
        with self.store.reading() as index:
            got = index.collection.get(where={"source": source}, include=["documents", "metadatas"])
        text = ""
        for chunk, meta in sorted(zip(got["documents"], got["metadatas"]), key=lambda x: x[1]["start"]):
            start = meta["start"]
            text = text[:start].ljust(start) + chunk  # gaps were whitespace in the note
        return text

    def stats(self) -> StoreStats:
        """Notes, chunks, and notes per ticker (read once per store generation)."""
        return self._per_generation("_stats", self._read_stats)

    def _read_stats(self) -> StoreStats:
        with self.store.reading() as index:
            metadatas = index.metadatas()
        notes = {m["source"]: m.get("tickers") or [] for m in metadatas}
        per_ticker = Counter(t for tickers in notes.values() for t in tickers)
        dates = Counter({m["source"]: m.get("date_source") or "unknown" for m in metadatas}.values())
        return StoreStats(notes=len(notes), chunks=len(metadatas), tickers=dict(per_ticker.most_common()), date_sources=dict(dates.most_common()))
