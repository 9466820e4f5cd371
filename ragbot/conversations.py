"""Conversations that last: each user's questions and answers, kept server-side.

``ConversationStore`` is the one interface (save a turn, list, open, rename, delete), every
call scoped to an ``owner`` (``"user:<login>"`` with ``--auth``, ``"browser:<id>"`` otherwise):
an owner never sees or changes another owner's conversations. ``SqlConversationStore``
implements it on SQLAlchemy, so the default SQLite file beside the store
(``<store_dir>/conversations.sqlite3``) and a server database later differ only by URL.
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    Column, ForeignKey, Integer, MetaData, String, Table, Text, create_engine, delete, event, func, insert, select, update,
)
from sqlalchemy.engine import Engine

from ragbot.answer import Answer, AnswerSentence, Citation

TITLE_CHARS = 80  # a conversation's title: its first question, cut to this many characters (20-200 reads well)
SQLITE_BUSY_MS = 30_000  # how long a SQLite writer waits for another process's write (milliseconds)
DEFAULT_FILE = "conversations.sqlite3"


@dataclass(frozen=True)
class Filter:
    """The ticker and date filter that was active when a question was asked (empty: none)."""

    tickers: tuple[str, ...] = ()
    since: str | None = None  # ISO days, as the page's date controls hold them
    until: str | None = None

    def describe(self) -> str:
        """``"BABA, NVDA · from 2025-05-20"``, or ``"no filter"``."""
        dates = " ".join(part for part in (self.since and f"from {self.since}", self.until and f"to {self.until}") if part)
        return " \u00b7 ".join(part for part in (", ".join(self.tickers), dates) if part) or "no filter"


@dataclass
class Turn:
    """A question, the answer it got (``answer.answerer`` says who wrote it) and the filter it was asked under."""

    question: str
    answer: Answer
    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class ConversationSummary:
    """A line of the conversation list: newest first by ``updated``."""

    id: str
    title: str
    updated: str  # ISO timestamp (UTC) of the last saved turn or rename
    turns: int


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    turns: list[Turn]


def answer_from_json(shape: dict) -> Answer:
    """The ``Answer`` that ``Answer.to_json()`` printed (the trace is not kept)."""
    return Answer(
        text=shape["answer"], found=shape["found"], tickers=list(shape.get("tickers") or []),
        citations=[Citation(**c) for c in shape.get("citations") or []],
        related=[Citation(**c) for c in shape.get("related") or []],
        answerer=shape.get("answerer", "extractive"),
        sentences=[AnswerSentence(s["text"], s["verified"], tuple(s.get("citations") or ()), s.get("reason", "")) for s in shape.get("sentences") or []],
        notices=list(shape.get("notices") or []),
    )


def title_of(question: str) -> str:
    text = " ".join(question.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "\u2026"


class ConversationStore(ABC):
    """Each owner's conversations; every method ignores conversations of other owners."""

    @abstractmethod
    def save_turn(self, owner: str, conversation: str | None, index: int, turn: Turn) -> str:
        """Store ``turn`` as turn ``index`` (0-based) of ``conversation``, replacing that turn and
        dropping any after it (regenerate, edit and resend); ``None`` or an id ``owner`` does not
        own starts a new conversation titled by the question. Returns the conversation's id."""

    @abstractmethod
    def list(self, owner: str) -> list[ConversationSummary]:
        """``owner``'s conversations, most recently changed first."""

    @abstractmethod
    def open(self, owner: str, conversation: str) -> Conversation | None:
        """The conversation with its turns in order, or ``None`` if ``owner`` has none by that id."""

    @abstractmethod
    def rename(self, owner: str, conversation: str, title: str) -> bool:
        """Retitle ``owner``'s conversation; False if there is none by that id (or the title is blank)."""

    @abstractmethod
    def delete(self, owner: str, conversation: str) -> bool:
        """Remove ``owner``'s conversation and its turns; False if there is none by that id."""


_metadata = MetaData()
_conversations = Table(
    "conversations", _metadata,
    Column("id", String(32), primary_key=True),
    Column("owner", String(300), nullable=False, index=True),
    Column("title", String(TITLE_CHARS * 4), nullable=False),
    Column("created", String(32), nullable=False),
    Column("updated", String(32), nullable=False),
)
_turns = Table(
    "turns", _metadata,
    Column("conversation", String(32), ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),  # Answer.to_json() as JSON
    Column("filter", Text, nullable=False),  # Filter as JSON
    Column("answerer", String(40), nullable=False),
    Column("asked", String(32), nullable=False),
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def default_url(store_dir: Path) -> str:
    return f"sqlite:///{Path(store_dir) / DEFAULT_FILE}"


def _sqlite_pragmas(connection, _record) -> None:
    """WAL lets readers in other threads and processes read while one writes; foreign keys
    make deleting a conversation delete its turns."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class SqlConversationStore(ConversationStore):
    """The store on any SQLAlchemy URL (SQLite by default). Safe across threads (a connection per
    checkout from SQLAlchemy's pool, a transaction per call) and processes (SQLite WAL, busy wait)."""

    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _metadata.create_all(self.engine)

    @classmethod
    def beside(cls, store_dir: Path) -> "SqlConversationStore":
        return cls(default_url(store_dir))

    def _owned(self, connection, owner: str, conversation: str | None) -> bool:
        if not conversation:
            return False
        found = connection.execute(
            select(_conversations.c.id).where(_conversations.c.id == conversation, _conversations.c.owner == owner)
        ).first()
        return found is not None

    def save_turn(self, owner: str, conversation: str | None, index: int, turn: Turn) -> str:
        if index < 0:
            raise ValueError(f"a turn's index is 0 or more, not {index}")
        now = _now()
        with self.engine.begin() as connection:
            if not self._owned(connection, owner, conversation):
                conversation, index = uuid.uuid4().hex, 0
                connection.execute(insert(_conversations).values(id=conversation, owner=owner, title=title_of(turn.question), created=now, updated=now))
            else:
                connection.execute(update(_conversations).where(_conversations.c.id == conversation).values(updated=now))
            connection.execute(delete(_turns).where(_turns.c.conversation == conversation, _turns.c.idx >= index))
            stored = connection.execute(select(func.count()).select_from(_turns).where(_turns.c.conversation == conversation)).scalar_one()
            connection.execute(insert(_turns).values(
                conversation=conversation, idx=min(index, stored), question=turn.question, answer=json.dumps(turn.answer.to_json()),
                filter=json.dumps({"tickers": list(turn.filter.tickers), "since": turn.filter.since, "until": turn.filter.until}),
                answerer=turn.answer.answerer, asked=now,
            ))
        return conversation

    def list(self, owner: str) -> list[ConversationSummary]:
        count = select(func.count()).where(_turns.c.conversation == _conversations.c.id).scalar_subquery()
        query = (
            select(_conversations.c.id, _conversations.c.title, _conversations.c.updated, count)
            .where(_conversations.c.owner == owner).order_by(_conversations.c.updated.desc())
        )
        with self.engine.connect() as connection:
            return [ConversationSummary(*row) for row in connection.execute(query)]

    def open(self, owner: str, conversation: str) -> Conversation | None:
        with self.engine.connect() as connection:
            head = connection.execute(
                select(_conversations.c.title).where(_conversations.c.id == conversation, _conversations.c.owner == owner)
            ).first()
            if head is None:
                return None
            rows = connection.execute(
                select(_turns.c.question, _turns.c.answer, _turns.c.filter).where(_turns.c.conversation == conversation).order_by(_turns.c.idx)
            ).all()
        turns = []
        for question, answer, shape in rows:
            kept = json.loads(shape)
            turns.append(Turn(question, answer_from_json(json.loads(answer)), Filter(tuple(kept["tickers"]), kept["since"], kept["until"])))
        return Conversation(conversation, head.title, turns)

    def rename(self, owner: str, conversation: str, title: str) -> bool:
        if not title.strip():
            return False
        with self.engine.begin() as connection:
            done = connection.execute(
                update(_conversations).where(_conversations.c.id == conversation, _conversations.c.owner == owner)
                .values(title=title_of(title), updated=_now())
            )
            return done.rowcount == 1

    def delete(self, owner: str, conversation: str) -> bool:
        with self.engine.begin() as connection:
            if not self._owned(connection, owner, conversation):
                return False
            connection.execute(delete(_turns).where(_turns.c.conversation == conversation))
            connection.execute(delete(_conversations).where(_conversations.c.id == conversation))
            return True
