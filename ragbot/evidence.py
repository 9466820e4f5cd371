"""Candidate sentences of retrieved passages, and the cheap evidence about them that needs no
model: stems, topic-word coverage, near-duplicates, the newest note of each company."""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from langchain_core.documents import Document

from ingest import Sentence, split_sentences
from ragbot.periods import newest_quarter, periods
from vectorstore.lexical import query_terms

_MIN_SENTENCE_CHARS = 30
# "First, export controls: ...", "Second, ...", "A third risk is ...", "Finally, ...": the items of
# an enumeration, which notes use for lists of risks and catalysts.
_ORDINAL_ITEM = re.compile(
    r"^(?:(?:the|a)\s+)?(first|second|third|fourth|fifth|sixth|finally|lastly|another)\b", re.IGNORECASE
)
_STEMMERS = threading.local()  # a Snowball stemmer keeps its word in itself: one per thread


@lru_cache(maxsize=65536)  # lru_cache is thread-safe; it holds immutable strings
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "risks" -> "risk", "factories" and "factory" -> "factori"."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def stems(text: str) -> set[str]:
    return {stem(t) for t in query_terms(text)}


@dataclass
class Candidate:
    """A sentence of a retrieved passage and how well it answers the question."""

    passage: Document
    rank: int  # of its passage in retrieval order
    sentence: Sentence  # offsets into the note text
    stems: set[str]
    context_stems: set[str]  # of its passage and note title, what the sentence stands in
    context_periods: dict[str, set[str]]
    enumeration: tuple[str, int] | None = None  # (passage id, start) of the list it belongs to
    lead_in: bool = False  # introduces a list ("the risks deserve attention. First, ...")
    score: float = 0.0  # ranking: evidence of every kind
    relevance: float | None = None  # the cross-encoder's judgement alone

    @property
    def source(self) -> str:
        return self.passage.metadata["source"]


def candidates(passages: list[Document]) -> list[Candidate]:
    """Every sentence worth citing in ``passages``, with note offsets, its passage's context and
    the enumeration it belongs to, if any."""
    found = []
    for rank, passage in enumerate(passages):
        context = passage.page_content + " " + passage.metadata.get("title", "")
        context_stems, context_periods = stems(context), periods(context)
        for sentence in split_sentences(passage.page_content, offset=passage.metadata.get("start", 0)):
            if len(sentence.text) >= _MIN_SENTENCE_CHARS and not sentence.text.startswith("#"):
                found.append(Candidate(passage, rank, sentence, stems(sentence.text), context_stems, context_periods))
    mark_enumerations(found)
    return found


def is_list_item(sentence: str) -> bool:
    """Whether a sentence is an item of an enumeration ("Second, ...", "A third risk is ...")."""
    return _ORDINAL_ITEM.match(sentence) is not None


def mark_enumerations(pool: list[Candidate]) -> None:
    """Set each candidate's ``enumeration`` and ``lead_in``, over each note's sentences in the
    pool (chunks overlap and a list may span two of them).

    An enumeration is a run of adjacent items that start with an ordinal with the sentence
    before the run: the first item ("The biggest risk is ..."), or, before "First, ...", a
    lead-in ("the risks deserve attention")."""
    by_note: dict[str, dict[int, list[Candidate]]] = {}
    for c in pool:
        by_note.setdefault(c.source, {}).setdefault(c.sentence.start, []).append(c)
    for source, by_start in by_note.items():
        sentences = [by_start[start][0].sentence for start in sorted(by_start)]
        group: tuple[str, int] | None = None
        for previous, sentence in zip(sentences, sentences[1:]):
            item = _ORDINAL_ITEM.match(sentence.text)
            if not item or sentence.start - previous.end > 2:  # not a list item right after the last
                group = None
                continue
            if group is None:
                group = (source, previous.start)
                lead_in = item.group(1).lower() == "first"
                for c in by_start[previous.start]:
                    c.enumeration, c.lead_in = group, lead_in
            for c in by_start[sentence.start]:
                c.enumeration = group


def newest_notes(pool: list[Candidate]) -> set[str]:
    """For each company among the candidates' notes, its newest note: by note date, then by
    the latest quarter the note's passages and title name."""
    passages = {id(c.passage): c.passage for c in pool}.values()
    keys: dict[str, tuple[str, int]] = {}
    for passage in passages:
        meta = passage.metadata
        key = (meta.get("date") or "", newest_quarter(f"{meta.get('title', '')} {passage.page_content}"))
        keys[meta["source"]] = max(keys.get(meta["source"], key), key)
    newest: dict[tuple[str, ...], str] = {}
    for passage in passages:
        company, source = tuple(passage.metadata.get("primary_tickers") or []), passage.metadata["source"]
        if company not in newest or keys[source] > keys[newest[company]]:
            newest[company] = source
    return set(newest.values())


def lexical_coverage(topic: set[str], pool: list[Candidate]) -> list[float]:
    """Share of the topic's IDF weight (IDF over ``pool``) that each sentence contains."""
    if not topic:
        return [0.0] * len(pool)
    idf = {t: math.log(1 + len(pool) / (1 + sum(t in c.stems for c in pool))) for t in topic}
    total = sum(idf.values())
    return [sum(w for t, w in idf.items() if t in c.stems) / total for c in pool]


def near_duplicate(a: set[str], b: set[str], threshold: float = 0.6) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= threshold
