"""``GenerativeAnswerer``: an LLM writes the answer from the passages the extractive path
ranks, and every sentence is verified before it is shown (``verifier.Verifier``)."""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel

from ragbot.answer import Answer, Answerer, AnswerSentence, Citation
from ragbot.answering.composition import not_found
from ragbot.extractive import ExtractiveAnswerer
from ragbot.generative.prompts import answer_messages
from ragbot.generative.verifier import MARKERS, Claim, Verdict, Verifier, says_not_in_notes, split_claims
from ragbot.routing import Question

_END = object()  # the LLM's stream is over


class LLMFailure(Exception):
    """The LLM could not answer: refused connection, timeout, HTTP error, empty or malformed reply."""


@dataclass
class _Draft:
    """What has been shown so far: verified sentences with their renumbered citations."""

    passages: list[Document]
    show_unverified: bool
    shown: list[str] = field(default_factory=list)
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)  # prompt's [n] -> the answer's [m]

    def add(self, verdict: Verdict) -> bool:
        """Record a verdict; whether it changed what the user sees."""
        claim = verdict.claim
        self.sentences.append(AnswerSentence(claim.written, verdict.verified, claim.markers, verdict.reason))
        if verdict.verified:
            for support in verdict.support:
                if support.n not in self.numbers:
                    self.numbers[support.n] = m = len(self.citations) + 1
                    citation = Citation.from_passage(m, self.passages[support.n - 1], support.start, support.end, support.score)
                    citation.support_start, citation.support_end = support.start, support.end
                    self.citations.append(citation)
            markers = "".join(f"[{self.numbers[n]}]" for n in claim.markers if n in self.numbers)
            self.shown.append(f"{claim.text} {markers}")
            return True
        if self.show_unverified:
            self.shown.append(f"{claim.text} (unverified)")
            return True
        return False

    @property
    def verified(self) -> int:
        return sum(s.verified for s in self.sentences)

    def answer(self, question: Question, notice: str | None = None) -> Answer:
        return Answer(
            " ".join(self.shown), True, list(self.citations), question.tickers,
            answerer="generative", sentences=list(self.sentences), notices=[notice] if notice else [],
        )


class GenerativeAnswerer(Answerer):
    """Ranks passages exactly as ``extractive`` does (its routing-aware scoring, reranker and
    relevance floor), asks the LLM to answer from the best ``passages`` of them, and streams
    each sentence once the verifier accepts it. Falls back to ``extractive`` if the LLM fails."""

    def __init__(
        self,
        extractive: ExtractiveAnswerer,
        llm: BaseChatModel,
        verifier: Verifier,
        passages: int = 6,
        timeout: float = 60.0,
        show_unverified: bool = False,
        name: str = "LLM",
        grammar: Callable[[int], str] | None = None,
    ):
        if passages < 1 or timeout <= 0:
            raise ValueError("passages must be >= 1 and timeout (seconds for a whole answer) > 0")
        self.extractive = extractive
        self.llm = llm
        self.verifier = verifier
        self.passages = passages
        self.timeout = timeout
        self.show_unverified = show_unverified
        self.name = name
        self.grammar = grammar  # k passages -> a llama.cpp grammar sent with the request (None: plain replies)

    def warm_up(self) -> None:
        self.extractive.warm_up()
        self.verifier.warm_up()

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        *_, final = self.stream(question, passages)
        return final

    def prompt_passages(self, question: Question, ranked) -> list[Document]:
        """The passages of the best-ranked sentences, best first, at most ``self.passages``."""
        chosen: dict[str, Document] = {}
        for scored in ranked:
            passage = scored.candidate.passage
            chosen.setdefault(passage.id or str(id(passage)), passage)
            if len(chosen) == self.passages:
                break
        return list(chosen.values())

    def tokens(self, messages, llm: BaseChatModel | None = None) -> Iterator[str]:
        """The LLM's reply as it streams; ``LLMFailure`` on any error or past ``timeout`` seconds
        for the whole reply (the stream runs in a thread so a stalled server cannot hold us)."""
        chunks: queue.Queue = queue.Queue()
        stop = threading.Event()  # set when the reader gives up: the request is closed, the server stops

        def pump() -> None:
            try:
                for chunk in (llm or self.llm).stream(messages):
                    if stop.is_set():
                        break
                    chunks.put(chunk.content if isinstance(chunk.content, str) else "")
            except Exception as error:  # any client or server error ends the answer: report it, never raise in a thread
                chunks.put(error)
            chunks.put(_END)

        threading.Thread(target=pump, daemon=True, name="ragbot-llm").start()
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                try:
                    item = chunks.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    raise LLMFailure(f"no complete reply within {self.timeout:g} s") from None
                if item is _END:
                    return
                if isinstance(item, Exception):
                    raise LLMFailure(one_line(item)) from item
                yield item
        finally:
            stop.set()

    def stream(self, question: Question, passages: list[Document], history: list[dict] | None = None) -> Iterator[Answer]:
        ex = self.extractive
        ranked = ex.rank(question, passages)[0]  # the extractive stages' ranking and gate
        decision = ex.decide(question, ranked, passages) if ranked else None
        if decision is None or not decision.found:
            yield not_found(question, ranked, decision.lacking if decision else "")
            return
        chosen = self.prompt_passages(question, ranked)
        draft, written = _Draft(chosen, self.show_unverified), []
        llm = self.llm.bind(extra_body={"grammar": self.grammar(len(chosen))}) if self.grammar else self.llm
        rest = ""
        try:
            for piece in self.tokens(answer_messages(question.text, chosen, history), llm):
                written.append(piece)
                claims, rest = split_claims(rest + piece, final=False)
                if self._judge(claims, chosen, draft):
                    yield draft.answer(question)
            if self._judge(split_claims(rest, final=True)[0], chosen, draft):
                yield draft.answer(question)
            reply = "".join(written).strip()
            if not reply:
                raise LLMFailure("the reply was empty")
            if not MARKERS.search(reply) and not says_not_in_notes(reply):
                raise LLMFailure("the reply cited no passage")
        except LLMFailure as failure:
            notice = f"The LLM ({self.name}) failed: {failure}"
            if draft.shown:  # what the user already saw stays; say why it stops here
                yield draft.answer(question, notice=f"{notice}; the answer stops here.")
            else:
                fallback = ex.answer(question, passages)
                fallback.notices = [*fallback.notices, f"{notice}; showing the extractive answer."]
                fallback.sentences = draft.sentences  # what the LLM wrote, none of it shown
                yield fallback
            return
        if not draft.verified:
            answer = not_found(question, ranked)
            answer.answerer, answer.sentences = "generative", draft.sentences
            yield answer
            return
        yield draft.answer(question)

    def _judge(self, claims: list[Claim], passages: list[Document], draft: _Draft) -> bool:
        """Verify the sentences finished so far together (one cross-encoder call; a "not in the
        notes" reply is no claim); whether what the user sees changed."""
        claims = [c for c in claims if c.markers or not says_not_in_notes(c.text)]
        changed = [draft.add(verdict) for verdict in self.verifier.verify_all(claims, passages)] if claims else []
        return any(changed)


def one_line(error: Exception) -> str:
    """An error as one short line (its class and first line; no secrets: keys are never in errors)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return re.sub(r"\s+", " ", f"{type(error).__name__}: {text}" if text else type(error).__name__)[:200]
