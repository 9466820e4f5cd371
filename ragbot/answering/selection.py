"""Stage 7, selection: which of the ranked sentences the answer cites, and why the others are
left out (too far below the best, over the per-note cap, a near-duplicate, over the limit)."""

from __future__ import annotations

from dataclasses import dataclass

from ragbot.answer import is_about
from ragbot.answering.candidates import Dropped
from ragbot.answering.scoring import Scored
from ragbot.routing import Question


def near_duplicate(a: frozenset[str], b: frozenset[str], threshold: float = 0.6) -> bool:
    """Whether two stem sets overlap (Jaccard) at least ``threshold``."""
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


@dataclass(frozen=True)
class Selection:
    """The cited sentences, in the order chosen (best first), and the ones left out."""

    chosen: list[Scored]
    dropped: list[Dropped]


class Selector:
    """The best sentence, then every sentence close enough to it (``keep_within`` for its note,
    ``other_note_within`` for others unless the question asks across companies; with
    ``relevance_within``, a cross-encoder logit that close to the best's too), at most
    ``per_note`` per note (one across companies), no near-duplicates, at most ``limit``. A
    lone sentence brings the next one of its passage; a comparison keeps its best relevant
    sentence about each company; a list two of whose items are cited is cited whole (up to
    ``list_limit`` sentences in all): "First, ... Second, ... Third, ..." without the fourth
    item reads as the whole list."""

    def __init__(self, per_note: int = 3, keep_within: float = 5.0, other_note_within: float = 2.0,
                 near_duplicate: float = 0.6, min_relevance: float = -6.0, relevance_within: float | None = None,
                 list_limit: int = 6):
        self.per_note = per_note
        self.list_limit = list_limit
        self.relevance_within = relevance_within
        self.keep_within = keep_within
        self.other_note_within = other_note_within
        self.near_duplicate = near_duplicate
        self.min_relevance = min_relevance

    def misfit(self, s: Scored, chosen: list[Scored], best: Scored, across: bool, risks: bool = False) -> str | None:
        """Why ``s`` may not join ``chosen`` (None if it may). ``risks``: a company's risks are
        asked, which each of its notes may list, so another note is held to its own note's margin
        (not in a follow-up, which asks of the notes the last answer quoted: "risks to the deal?")."""
        same_source = s.candidate.source == best.candidate.source
        margin = self.keep_within if same_source or across or risks else self.other_note_within
        if s.score < best.score - margin:
            where = "its note" if same_source else "another note"
            return f"score {s.score:.2f} more than {margin:g} below the best ({best.score:.2f}, margin for {where})"
        # (across companies each note answers for itself: another note's sentence is held to the score
        # margin and the relevance floor, not to the best sentence's relevance; a company's risks asked,
        # a sentence of the best's note stating one is judged by that, not by the cross-encoder's reading
        # of the word "risks": "the strategic damage is larger: Chinese cloud providers ... will
        # accelerate adoption of domestic accelerators" reads -7 against -1)
        states_risk = risks and same_source and s.features.answer_kind_fit >= 1
        within = None if (across and not same_source) or states_risk else self.relevance_within
        # the relevance the ranking uses: a list item's is its list's best (``shared_relevance``)
        if within is not None and s.logit is not None and best.logit is not None and s.features.rerank < best.features.rerank - within:
            return f"cross-encoder relevance {s.features.rerank:.2f} more than {within:g} below the best's ({best.features.rerank:.2f})"
        cap = 1 if across else self.per_note
        if sum(c.candidate.source == s.candidate.source for c in chosen) >= cap:
            return f"its note already has {cap} cited sentence{'s' * (cap > 1)}"
        twin = next((c for c in chosen if near_duplicate(c.candidate.stems, s.candidate.stems, self.near_duplicate)), None)
        if twin is not None:
            return f"near-duplicate of a chosen sentence: {twin.candidate.text[:60]!r}"
        return None

    def select(self, ranked: list[Scored], question: Question, limit: int, kind: str | None = None) -> Selection:
        best, chosen, dropped = ranked[0], [ranked[0]], []
        risks = kind == "risk" and not (question.previous_sources or question.previous_answer)  # (a follow-up keeps to the notes quoted)
        for s in ranked[1:]:
            reason = "the answer already has its sentences" if len(chosen) >= limit else self.misfit(s, chosen, best, question.across_companies, risks)
            if reason is None:
                chosen.append(s)
            else:
                dropped.append(Dropped(s.candidate, "selection", reason))
        if len(chosen) == 1 < limit:
            chosen += self.next_sentence(best, ranked, self.min_relevance)
        tickers = question.tickers
        for ticker in tickers if 1 < len(tickers) <= limit else []:
            if not any(is_about(c.candidate.passage.metadata, [ticker]) for c in chosen):
                extra = next((s for s in ranked if is_about(s.candidate.passage.metadata, [ticker])), None)
                if extra is not None and (extra.logit or 0.0) >= self.min_relevance and extra not in chosen:
                    chosen.append(extra)
        chosen, over = chosen[:limit], chosen[limit:]
        chosen += self.rest_of_lists(chosen, ranked, self.list_limit if question.max_citations is None else limit)  # (a caller's cap holds)
        if risks and len(question.tickers) == 1:
            # a company's risks first from its own notes, then from notes it shares with another company
            # (``primary`` under 1), whose risks may be the other's: a stable sort keeps each note's order
            chosen.sort(key=lambda s: s.features.primary < 1)
        kept = {id(s.candidate) for s in chosen}
        dropped = [d for d in dropped if id(d.candidate) not in kept]
        dropped += [Dropped(s.candidate, "selection", f"over the limit of {limit} sentences") for s in over]
        return Selection(chosen, dropped)

    @staticmethod
    def rest_of_lists(chosen: list[Scored], ranked: list[Scored], cap: int) -> list[Scored]:
        """The items not in ``chosen`` of each list two or more of whose items are (in ``ranked``
        order, each item once), while the answer has fewer than ``cap`` sentences."""
        items = [s.candidate.enumeration for s in chosen if s.candidate.enumeration and not s.candidate.lead_in]
        lists = [group for group in dict.fromkeys(items) if items.count(group) >= 2]
        seen = {(s.candidate.source, s.candidate.sentence.start) for s in chosen}
        added = []
        for s in ranked:
            where = (s.candidate.source, s.candidate.sentence.start)
            if len(chosen) + len(added) >= cap:
                break
            if s.candidate.enumeration in lists and not s.candidate.lead_in and where not in seen:
                seen.add(where)
                added.append(s)
        return added

    @staticmethod
    def next_sentence(chosen: Scored, ranked: list[Scored], min_relevance: float) -> list[Scored]:
        """The sentence after ``chosen`` in its passage, if it was a candidate and the
        cross-encoder, when it read it, scores it ``min_relevance`` or more: a lone sentence is
        often a lead-in ("the risks deserve attention") whose substance follows, but a sentence
        the model finds irrelevant does not follow it into the answer."""
        after = [
            s for s in ranked
            if s.candidate.passage.id == chosen.candidate.passage.id and s.candidate.sentence.start > chosen.candidate.sentence.start
        ]
        if not after:
            return []
        following = min(after, key=lambda s: s.candidate.sentence.start)
        # (the relevance the ranking uses: a list item's is its list's best, ``shared_relevance``)
        relevance = following.logit if following.features.rerank is None else following.features.rerank
        return [following] if relevance is None or relevance >= min_relevance else []
