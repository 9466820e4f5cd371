"""Stage 3, candidates: every sentence of the retrieved passages worth citing, with what it
stands in (its passage and note title) and the enumeration ("First, ... Second, ...") it
belongs to; then, for a question about given companies, the sentences that may answer for them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from langchain_core.documents import Document

from ingest import Sentence, TickerResolver
from ingest.prose import prose_units
from ingest.units import figure_line, is_table_row
from ingest.words import stems
from ragbot.answer import is_about
from ragbot.answering.answerability import says_withheld
from ragbot.periods import periods, with_unnamed_parts
from ragbot.routing import Question

# "First, export controls: ...", "Second, ...", "A third risk is ...", "Finally, ...": the items of
# an enumeration, which notes use for lists of risks and catalysts.
_ORDINAL_ITEM = re.compile(
    r"^(?:(?:the|a)\s+)?(first|second|third|fourth|fifth|sixth|finally|lastly|another)\b", re.IGNORECASE
)
_ADJACENT = 2  # characters between two sentences for the second to continue the first's list


@dataclass(frozen=True, eq=False)
class Candidate:
    """A sentence of a retrieved passage. Compared by identity: two candidates are the same
    only if they are the same object."""

    passage: Document  # as retrieved; never modified
    rank: int  # of its passage in retrieval order, 0 first
    sentence: Sentence  # offsets into the note text
    stems: frozenset[str]
    context_stems: frozenset[str]  # of its passage and note title, what the sentence stands in
    context_periods: dict[str, set[str]]
    enumeration: tuple[str, int] | None = None  # (note, start) of the list it belongs to
    lead_in: bool = False  # introduces a list ("the risks deserve attention. First, ...")

    @property
    def source(self) -> str:
        return self.passage.metadata["source"]

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass(frozen=True)
class Dropped:
    """A candidate a stage left out, and why (for ``Answer.trace``)."""

    candidate: Candidate
    stage: str
    reason: str


def is_list_item(sentence: str) -> bool:
    """Whether a sentence is an item of an enumeration ("Second, ...", "A third risk is ...")."""
    return _ORDINAL_ITEM.match(sentence) is not None


def is_citable(unit: Sentence, min_chars: int) -> bool:
    """At least ``min_chars`` long, unless it is a table row or figure line that states a figure ("Revenue: $12.4 billion" is short and says everything)."""
    return len(unit.text) >= min_chars or unit.tabular and any(ch.isdigit() for ch in unit.text)


def collect(passages: list[Document], min_chars: int = 30) -> list[Candidate]:
    """Every prose unit of ``passages`` worth citing (``ingest.prose.prose_units``, ``is_citable``):
    sentences, table rows and figure lines, in passage then text order, its enumeration marked."""
    found = []
    for rank, passage in enumerate(passages):
        meta = passage.metadata
        around = f"{meta.get('title', '')} {meta.get('preamble', '')}"
        units = prose_units(passage.page_content, meta.get("start", 0), meta.get("preamble", ""))
        said = _without_withheld(passage.page_content, units, meta.get("start", 0))
        context = f"{said} {around}"
        context_stems, context_periods = stems(context), with_unnamed_parts(periods(context), context)
        prose_stems = stems(f"{_without_rows(said)} {around}")
        for sentence in units:
            if is_citable(sentence, min_chars):
                # a row's figures are its own line item's: the other rows are no context of it
                # ("Research and development | FY2038: 330" is no net income beside "Net sales")
                own = prose_stems | stems(sentence.text) if sentence.tabular else context_stems
                found.append(Candidate(passage, rank, sentence, stems(sentence.text), own, context_periods))
    return with_enumerations(found)


def _without_withheld(text: str, units: list[Sentence], offset: int) -> str:
    """``text`` without its sentences that say something was not disclosed (``says_withheld``):
    "did not split orders across ... Pulp and Energy" makes no order figure Pulp and Energy's."""
    kept, position = [], 0
    for unit in units:
        if not unit.tabular and says_withheld(unit.text):
            kept.append(text[position : unit.start - offset])
            position = unit.end - offset
    return "".join(kept) + text[position:]


def _without_rows(text: str) -> str:
    """``text`` without its table rows and figure lines: the prose, headings and captions a table stands in."""
    return "\n".join(line for line in text.splitlines() if not is_table_row(line.strip()) and figure_line(line.strip()) is None)


def with_enumerations(pool: list[Candidate]) -> list[Candidate]:
    """``pool`` with each candidate's ``enumeration`` and ``lead_in`` set, read over each note's
    sentences in the pool (chunks overlap and a list may span two of them).

    An enumeration is a run of adjacent items that start with an ordinal, with the sentence
    before the run: the first item ("The biggest risk is ..."), or, before "First, ...", a
    lead-in ("the risks deserve attention")."""
    marks: dict[tuple[str, int], tuple[tuple[str, int], bool]] = {}  # (note, start) -> (list, lead-in)
    by_note: dict[str, dict[int, Sentence]] = {}
    for c in pool:
        by_note.setdefault(c.source, {}).setdefault(c.sentence.start, c.sentence)
    for source, by_start in by_note.items():
        sentences = [by_start[start] for start in sorted(by_start)]
        group: tuple[str, int] | None = None
        for previous, sentence in zip(sentences, sentences[1:]):
            item = _ORDINAL_ITEM.match(sentence.text)
            if not item or sentence.start - previous.end > _ADJACENT:  # not a list item right after the last
                group = None
                continue
            if group is None:
                group = (source, previous.start)
                marks[(source, previous.start)] = (group, item.group(1).lower() == "first")
            marks[(source, sentence.start)] = (group, False)
    return [
        replace(c, enumeration=mark[0], lead_in=mark[1]) if (mark := marks.get((c.source, c.sentence.start))) else c
        for c in pool
    ]


def about_asked(question: Question, pool: list[Candidate], resolver: TickerResolver | None) -> tuple[list[Candidate], list[Dropped]]:
    """(kept, dropped): sentences of notes about other companies that do not name an asked
    company are dropped, so a passing mention of Google does not answer for Google with
    Apple's figures."""
    if not question.tickers or resolver is None:
        return pool, []
    asked = set(question.tickers)
    kept, dropped = [], []
    for c in pool:
        if is_about(c.passage.metadata, question.tickers) or asked & set(resolver.resolve(c.text)):
            kept.append(c)
        else:
            dropped.append(Dropped(c, "candidates", f"its note is about other companies and it names none of {', '.join(question.tickers)}"))
    return kept, dropped
