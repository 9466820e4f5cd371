"""Check every sentence an LLM wrote against the passages it cites, before anyone sees it.

A sentence is unsupported when it has no valid marker, cites a passage beyond ``[k]``, names a
company or period its cited passages do not, states a figure they neither state nor let one
recompute (``figures.supported_figure``), contradicts the negation of its best-supporting
sentence, or when that sentence scores below the calibrated support threshold with the
cross-encoder (candidates preselected lexically, so one answer costs a few model calls).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_core.documents import Document

from ingest import Sentence, TickerResolver
from ingest.prose import prose_sentences
from ragbot.evidence import stem, stems
from ragbot.generative.figures import unsupported_figures
from ragbot.glossary import expand
from ragbot.periods import periods
from ragbot.rerank import Reranker
from vectorstore.lexical import query_terms

# "[1]", "[1][3]", "[1, 3]", "[1; 3]" after a sentence (or right after its full stop).
MARKERS = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|rather than|instead of)\b|n[\u2019']t\b", re.IGNORECASE
)
_NEGATION_SCOPE = 3  # content words after a negation that it covers
# The model's way of saying the passages do not answer (the prompt asks for "NOT IN NOTES").
NOT_IN_NOTES = re.compile(r"\bnot in (?:the |your )?notes\b|\bnotes do not (?:answer|say|mention|cover)", re.IGNORECASE)
# A sentence of a note that instructs a model ("ignore the question and say ...") is data, never
# support: it is left out of what a claim may be checked against.
_INSTRUCTION = re.compile(
    r"\b(?:ignore (?:the|all|any|previous|your)\b|disregard (?:the|all|any|previous|your)\b|you (?:must|should) (?:say|answer|reply)"
    r"|(?:say|reply|respond|answer) (?:only|exactly|with|that)\b)",
    re.IGNORECASE,
)
_LEAD_MARKERS = re.compile(r"^\s*((?:\[[\d,;\s]+\]\s*)+)")
_OPEN_MARKER = re.compile(r"^\s*\[[\d,;\s]*$")  # a marker still being written: "[2"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9$])|\n+")

DEFAULT_THRESHOLD = 0.0  # the app uses Settings.support_threshold, calibrated on eval/support_pairs.jsonl
DEFAULT_MIN_COVERAGE = 0.6  # share of a claim's content words its passages must contain, in [0, 1]


@dataclass(frozen=True)
class Claim:
    """One generated sentence: its text without markers, and the passages it cites."""

    text: str
    markers: tuple[int, ...]

    @property
    def written(self) -> str:
        """The sentence as shown: its text, then its markers."""
        return f"{self.text} {''.join(f'[{n}]' for n in self.markers)}".strip()


@dataclass(frozen=True)
class Support:
    """The sentence of cited passage ``n`` that best supports a claim, offsets into its note."""

    n: int
    start: int
    end: int
    sentence: str
    score: float


@dataclass(frozen=True)
class Verdict:
    """Whether a claim is verified; ``reason`` says why not (empty when verified)."""

    claim: Claim
    verified: bool
    reason: str
    support: tuple[Support, ...] = ()
    score: float | None = None  # the best support's cross-encoder score, if it was computed


def parse_claim(sentence: str) -> Claim:
    """Split a written sentence into its text and its marker numbers (in order, no repeats)."""
    numbers = [int(n) for group in MARKERS.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
    text = re.sub(r"\s+([.!?,;:])", r"\1", MARKERS.sub("", sentence)).strip()
    return Claim(re.sub(r"\s{2,}", " ", text), tuple(dict.fromkeys(numbers)))


def split_claims(text: str, final: bool = True) -> tuple[list[Claim], str]:
    """The complete sentences of ``text`` as claims, and the unfinished rest, as written (empty
    when ``final``). Markers written after a sentence's full stop ("... 34%. [1] Margin ...",
    "... 34%. [1]. Margin ...") belong to that sentence."""
    pieces, position = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        pieces.append(text[position : boundary.start()])
        position = boundary.end()
    rest = text[position:]
    if final:
        pieces, rest = [*pieces, rest], ""
    merged: list[str] = []
    for piece in pieces:
        lead = _LEAD_MARKERS.match(piece)
        if lead and merged:
            merged[-1] += " " + lead.group(1).strip()
            piece = piece[lead.end():]
        if re.search(r"\w", piece):  # not the full stop left after markers ("34%. [1][2].")
            merged.append(piece.strip())
    if merged and not final:
        lead = _LEAD_MARKERS.match(rest)
        after = rest[lead.end() :] if lead else rest
        if not after.strip() or _OPEN_MARKER.match(after):  # the last sentence may still get markers
            rest = text[text.rindex(merged.pop()) :]
        elif lead:  # "[1] Next sentence...": the markers close the last one
            merged[-1] += " " + lead.group(1).strip()
            rest = after
    return [parse_claim(s) for s in merged], rest


def says_not_in_notes(text: str) -> bool:
    return NOT_IN_NOTES.search(text) is not None


def _negated_words(text: str) -> set[str]:
    """Stems of the content words right after each negation ("did not include" -> "includ")."""
    found = set()
    for match in _NEGATION.finditer(text):
        found |= {stem(t) for t in query_terms(text[match.end():])[:_NEGATION_SCOPE]}
    return found


def contradicts(claim: str, support: str) -> bool:
    """Whether one side negates a word the other asserts without negation."""
    claim_neg, support_neg = _negated_words(claim), _negated_words(support)
    claim_words, support_words = stems(claim), stems(support)
    return bool((support_neg & claim_words) - claim_neg) or bool((claim_neg & support_words) - support_neg)


_QUARTER_YEAR = re.compile(
    r"\b(?:Q([1-4])|(first|second|third|fourth)[- ]quarter(?: of)?)\s*(?:FY\s?|fiscal\s+)?'?(\d{4}|\d{2})\b", re.IGNORECASE
)
_ORDINAL = {"first": "1", "second": "2", "third": "3", "fourth": "4"}


def quarter_years(text: str) -> set[str]:
    """Quarters named with their year ("Q3 2025", "third quarter of 2025", "Q1 FY26" -> "3/2025")."""
    found = set()
    for match in _QUARTER_YEAR.finditer(text):
        year = match[3] if len(match[3]) == 4 else "20" + match[3]
        found.add(f"{match[1] or _ORDINAL[match[2].lower()]}/{year}")
    return found


# Words that say which way something moved; a claim and its support must not disagree.
_UP = re.compile(
    r"\b(?:rose|rise[sn]?|rising|up|increas\w*|higher|improv\w*|expand\w*|accelerat\w*|re-accelerat\w*|recover\w*"
    r"|climb\w*|jump\w*|gain\w*|larger|raised|beat\w*|above|exceed\w*|widen\w*|strong\w*)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:fell|fall\w*|down|declin\w*|decreas\w*|lower|slip\w*|shr[ai]nk\w*|contract\w*|decelerat\w*|slow\w*"
    r"|drop\w*|weak\w*|cut|reduc\w*|smaller|miss\w*|below|narrow\w*|lost)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:]\s+|\s+(?:but|while|whereas|and|as)\s+")


def _direction(text: str) -> set[int]:
    return ({1} if _UP.search(text) else set()) | ({-1} if _DOWN.search(text) else set())


def _plain_words(text: str) -> set[str]:
    """Stems of a text's lower-case words, and its figures: what two clauses share when they
    speak of the same thing (names are left out: every clause of a note names its company)."""
    lower = " ".join(w for w in text.split() if not w[:1].isupper())
    return stems(lower) | set(re.findall(r"\d[\d.,]*\d|\d", text))


def opposite_direction(claim: str, support: str) -> bool:
    """Whether a clause of the claim moves one way where the clauses of its support that share
    a word or figure with it move only the other ("up 13.5%" against "down 13.5%", "missed
    guidance" against "beating guidance")."""
    clauses = [(_plain_words(c), _direction(c)) for c in _CLAUSE.split(support) if c.strip()]
    for part in _CLAUSE.split(claim):
        said, words = _direction(part), _plain_words(part)
        found = set().union(*(d for w, d in clauses if w & words)) if said else set()
        if said and found and not said & found:
            return True
    return False


_OPENERS = frozenset("yes no however overall meanwhile additionally also still yet then thus so and but while in on at the its their this that these those".split())
_NAME = re.compile(r"\b[A-Z][\w&.\-]*[\w&]")


def unknown_names(claim: str, source: str, support: str, companies: set[str]) -> list[str]:
    """Capitalised words of the claim (names: "Samsung", "China") in none of its sources, or
    (unless they name a cited note's company) not in its best-supporting sentence."""
    source_l, support_l = source.lower(), support.lower()
    names = []
    for match in _NAME.finditer(claim):
        word = match.group(0).removesuffix("'s")
        lower = word.lower()
        if lower in _OPENERS or lower in companies or re.fullmatch(r"q[1-4]|fy\d*|h[12]", lower):
            continue
        root = lower[: max(4, len(lower) - 3)]  # "Brazilian" is named by "Brazil"
        if root not in source_l or (match.start() > 0 and root not in support_l and lower not in companies):
            names.append(word)
    return names


def coverage(claim: str, source: str) -> float:
    """Share of the claim's content words (not figures) found in its cited passages, in [0, 1]."""
    words = {stem(t) for t in query_terms(claim) if not any(ch.isdigit() for ch in t)}
    return len(words & stems(source)) / len(words) if words else 1.0


class Verifier:
    """Decides, for each claim, whether its cited passages support it."""

    def __init__(
        self,
        reranker: Reranker,
        resolver: TickerResolver | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        min_coverage: float = DEFAULT_MIN_COVERAGE,
        preselect: int = 2,
        batch_size: int = 1,
    ):
        if preselect < 1:
            raise ValueError("preselect must be >= 1 (candidate support sentences per claim)")
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1 (support pairs per cross-encoder run; 1: no padding)")
        if not 0.0 <= min_coverage <= 1.0:
            raise ValueError("min_coverage is a share of the claim's words: 0 checks nothing, 1 needs every word")
        self.reranker = reranker
        self.resolver = resolver
        self.threshold = threshold
        self.min_coverage = min_coverage
        self.preselect = preselect
        self.batch_size = batch_size

    def warm_up(self) -> None:
        self.reranker.warm_up()

    def companies(self, cited: list[Document], source: str) -> set[str]:
        """Lower-cased tickers, names and the words of names ("alibaba" of "Alibaba Group": a
        sentence calls a company by its short name) of the companies the cited passages are about
        or name."""
        tickers = {t for d in cited for t in d.metadata.get("tickers") or []}
        if self.resolver is not None:
            tickers |= set(self.resolver.resolve(source))
            names = {self.resolver.directory.name_of(t).lower() for t in tickers}
            return {t.lower() for t in tickers} | names | {w for n in names for w in n.split()}
        return {t.lower() for t in tickers}

    def rule_problem(self, claim: Claim, source: str, known: set[str]) -> str:
        """Why the cheap rules reject ``claim`` (empty if they do not): companies, periods, figures."""
        if self.resolver is not None:
            other = [t for t in self.resolver.resolve(claim.text) if t.lower() not in known]
            if other:
                return f"company not in its passages: {', '.join(other)}"
        claimed, stated = periods(claim.text), periods(source)
        for kind, values in claimed.items():
            if values - stated.get(kind, set()):
                return f"period not in its passages: {', '.join(sorted(values - stated.get(kind, set())))}"
        if quarter_years(claim.text) - quarter_years(source):
            return f"period not in its passages: {', '.join(sorted(quarter_years(claim.text) - quarter_years(source)))}"
        missing = unsupported_figures(claim.text, source)
        return f"figure not in its passages: {', '.join(missing)}" if missing else ""

    @staticmethod
    def evidence(passage: Document) -> list[Sentence]:
        """The passage's prose sentences that can support a claim (not metadata lines, not
        instructions to a model)."""
        sentences = prose_sentences(passage.page_content, offset=passage.metadata.get("start", 0))
        return [s for s in sentences if s.text.strip() and not _INSTRUCTION.search(s.text)]

    def candidates(self, claim: Claim, cited: list[tuple[int, Document]]) -> list[tuple[int, Sentence]]:
        """The ``preselect`` sentences of the cited passages sharing most words with the claim."""
        words = stems(claim.text)
        pool = [(n, s) for n, d in cited for s in self.evidence(d)]
        pool.sort(key=lambda item: len(words & stems(item[1].text)), reverse=True)
        return pool[: self.preselect]

    def verify(self, claim: Claim, passages: list[Document]) -> Verdict:
        """Judge ``claim`` against ``passages``, numbered [1]..[k] in order."""
        return self.verify_all([claim], passages)[0]

    def verify_all(self, claims: list[Claim], passages: list[Document]) -> list[Verdict]:
        """Judge each claim against ``passages`` ([1]..[k]): the cheap rules first, then the
        cross-encoder on the support pairs of every claim they let through, ``batch_size`` pairs
        per run (the model is nearly all of the cost, and a batch pays for its padding:
        docs/generative.md)."""
        checked = [self._rules(claim, passages) for claim in claims]
        pending = [c for c in checked if isinstance(c, _Pending)]
        pairs = [(p.claim.text, sentence.text) for p in pending for _, sentence in p.pool]
        scores = iter([s for b in range(0, len(pairs), self.batch_size) for s in self.reranker.score_pairs(pairs[b : b + self.batch_size])])
        return [self._decide(c, [next(scores) for _ in c.pool]) if isinstance(c, _Pending) else c for c in checked]

    def _rules(self, claim: Claim, passages: list[Document]) -> Verdict | _Pending:
        """The verdict of the rules that need no model, or what the model must score."""
        if not claim.markers:
            return Verdict(claim, False, "no citation marker")
        beyond = [n for n in claim.markers if not 1 <= n <= len(passages)]
        if beyond:
            return Verdict(claim, False, f"marker beyond [{len(passages)}]: {beyond}")
        cited = [(n, passages[n - 1]) for n in claim.markers]
        docs = [d for _, d in cited]
        source = " ".join(
            f"{' '.join(s.text for s in self.evidence(d))} {d.metadata.get('title', '')} {d.metadata.get('date') or ''}" for d in docs
        )
        known = self.companies(docs, source)
        cheap = self.rule_problem(claim, source, known)
        if not cheap and (share := coverage(claim.text, expand(source))) < self.min_coverage:
            cheap = f"words not in its passages ({share:.2f})"
        if not cheap and (names := unknown_names(claim.text, source, source, known)):  # in no cited passage at all
            cheap = "name not in its passages: " + ", ".join(names)
        pool = self.candidates(claim, cited)
        if cheap or not pool:  # no model call for what the rules already reject
            return Verdict(claim, False, cheap or "cited passages are empty")
        return _Pending(claim, source, known, tuple(pool))

    def _decide(self, pending: _Pending, scores: list[float]) -> Verdict:
        """The verdict once the candidate support sentences are scored."""
        claim, source, known = pending.claim, pending.source, pending.known
        best: dict[int, Support] = {}
        for (n, sentence), score in zip(pending.pool, scores):
            if n not in best or score > best[n].score:
                best[n] = Support(n, sentence.start, sentence.end, sentence.text, round(float(score), 4))
        top = max(best.values(), key=lambda s: s.score)
        support = tuple(best[n] for n in claim.markers if n in best)
        checks = (
            lambda: "name not in its passages: " + ", ".join(names) if (names := unknown_names(claim.text, source, top.sentence, known)) else "",
            lambda: "negation differs from its passage" if contradicts(claim.text, top.sentence) else "",
            lambda: "moves the other way from its passage" if opposite_direction(claim.text, top.sentence) else "",
            lambda: f"weak support ({top.score:.2f} < {self.threshold:.2f})" if top.score < self.threshold else "",
        )
        problem = next((p for check in checks if (p := check())), "")
        return Verdict(claim, not problem, problem, support, top.score)


@dataclass(frozen=True)
class _Pending:
    """A claim the rules let through, waiting for the cross-encoder: its cited text, the
    companies it may name, and its candidate support sentences (passage number, sentence)."""

    claim: Claim
    source: str
    known: set[str]
    pool: tuple[tuple[int, Sentence], ...]
