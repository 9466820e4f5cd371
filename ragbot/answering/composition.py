"""Stage 8, composition: the chosen sentences as written in their notes, each followed by its
citation marker, grouped by note; or "not in your notes" with the closest passages."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest import TickerResolver
from ragbot.answer import Answer, Citation
from ragbot.answering.scoring import Scored
from ragbot.routing import Question

NOT_FOUND = "I couldn't find this in your notes."
RELATED = 3  # passages offered as possibly related when nothing answers
# "the risk for both", "both companies", "Both have", "the two groups", "neither company": a sentence
# about a note's companies together (not "gains for both segments").
_SEVERAL = re.compile(
    r"\b(?:for|of|to|on|at|between) both\b"
    r"(?!\s+(?!(?:companies|groups|firms|names|stocks|of|is|are|was|were|will|would|could|may|might|has|have|had|remains?)\b)[a-z])"
    r"|\bboth (?:companies|groups|firms|names|stocks|of them|are|have|face|remain)\b"
    r"|\bthe two (?:companies|groups|firms|names|stocks|rivals|peers)\b|\bneither (?:company|group|firm|name|stock|of them)\b",
    re.IGNORECASE,
)


def reading_order(chosen: list[Scored]) -> list[Scored]:
    """Group sentences by note (best note first), each note's sentences in text order."""
    notes = list(dict.fromkeys(s.candidate.source for s in chosen))
    return sorted(chosen, key=lambda s: (notes.index(s.candidate.source), s.candidate.sentence.start))


def cite(n: int, s: Scored) -> Citation:
    c = s.candidate
    return Citation.from_passage(n, c.passage, c.sentence.start, c.sentence.end, s.score)


class CompanyLabel:
    """ "Nvidia (NVDA)": the companies a sentence's note is about, for answers across companies."""

    def __init__(self, resolver: TickerResolver | None):
        self.resolver = resolver

    def __call__(self, s: Scored) -> str:
        if self.resolver is None:
            return ""
        names = ((self.resolver.directory.name_of(t), t) for t in s.candidate.passage.metadata.get("primary_tickers") or [])
        return ", ".join(ticker if name == ticker else f"{name} ({ticker})" for name, ticker in names)

    def named_in(self, s: Scored) -> bool:
        """Whether the sentence names one of the companies its note is about ("Alibaba's cloud ...")."""
        about = set(s.candidate.passage.metadata.get("primary_tickers") or [])
        return self.resolver is not None and bool(about & set(self.resolver.resolve(s.candidate.text)))


def refers_to_several(s: Scored) -> bool:
    """Whether the sentence, in a note about several companies, speaks of them together ("the
    risk for both is ..."): quoted alone, it needs their names (unless it names one of them,
    ``CompanyLabel.named_in``)."""
    return len(s.candidate.passage.metadata.get("primary_tickers") or []) >= 2 and _SEVERAL.search(s.candidate.text) is not None


def compose(question: Question, chosen: list[Scored], label: CompanyLabel | None = None) -> Answer:
    """Each chosen sentence, as written in its note, followed by its marker; ``label`` names
    the companies before a sentence when the question asks across companies, or when the
    sentence speaks of several without naming them (``refers_to_several``)."""
    ordered = reading_order(chosen)
    citations = [cite(n, s) for n, s in enumerate(ordered, start=1)]
    named = [label is not None and (question.across_companies or refers_to_several(s) and not label.named_in(s)) for s in ordered]
    prefixes = [f"{name}: " if wanted and (name := label(s)) else "" for wanted, s in zip(named, ordered)]
    text = " ".join(f"{prefix}{s.candidate.text} [{n}]" for n, (prefix, s) in enumerate(zip(prefixes, ordered), start=1))
    return Answer(text=text, found=True, citations=citations, tickers=question.tickers)


def not_found(question: Question, ranked: list[Scored], lacking: str = "") -> Answer:
    """"Not in your notes", with the closest passages (one sentence each) as possibly related,
    and what they lack when the gate found them relevant but not answering (``lacking``: "give
    no date or time for it")."""
    seen, closest = set(), []
    for s in ranked:
        if s.candidate.passage.id not in seen:
            seen.add(s.candidate.passage.id)
            closest.append(s)
    text = NOT_FOUND if ranked else no_notes_text(question)
    if ranked and lacking:
        text = f"{NOT_FOUND.removesuffix('.')}: the closest passages {lacking}."
    return Answer(text, False, [], question.tickers, [cite(n, s) for n, s in enumerate(closest[:RELATED], 1)])


def sources_answer(history: list[dict] | None) -> Answer:
    """The reply to "which notes back that up?": the notes the last answer cited, each with the
    first sentence it was cited for (found), or, with no answer before it, what to ask instead.
    Hand-written: it only reads back the conversation's own citations."""
    cited = next((m.get("citations") for m in reversed(history or []) if m.get("role") == "assistant"), None) or []
    firsts: dict[str, Citation] = {}
    for c in (c if isinstance(c, Citation) else Citation(**c) for c in cited):  # (the web page may keep them as JSON)
        firsts.setdefault(c.source, c)
    if not firsts:
        return Answer(NO_SOURCES, False)
    ordered = [replace(c, n=n) for n, c in enumerate(firsts.values(), 1)]
    notes = "; ".join(f"{c.source} ({', '.join(c.tickers) or 'no ticker'}, {c.date or 'undated'}) [{c.n}]" for c in ordered)
    return Answer(f"The last answer came from {len(ordered)} note{'s' * (len(ordered) > 1)}: {notes}.", True, ordered)


NO_SOURCES = "No answer before this one cited a note: ask about a company or a topic, then ask which notes back it up."


def no_notes_text(question: Question) -> str:
    if question.tickers:
        return f"I couldn't find this in your notes: none of them is about {', '.join(question.tickers)}."
    return NOT_FOUND
