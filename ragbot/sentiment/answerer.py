"""Answer sentiment and time questions exactly from the notes' metadata: parse the question's
intent, query the note records, compose sentences whose every figure cites its notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from langchain_core.documents import Document

from ingest.tickers import DELIBERATE_CAPITALS, NO_NAME_CAPITALS
from ingest.words import is_english
from ragbot.answer import Answer, Answerer
from ragbot.answering.features import DESCRIBED_WORDS
from ragbot.answering.trace import AnswerTrace
from ragbot.evidence import stems
from ragbot.periods import ReportingPeriod, matching, reporting_periods
from ragbot.rerank import Reranker
from ragbot.routing import Question
from ragbot.sentiment import compose
from ragbot.sentiment.catalog import NoteCatalog, NoteRecord
from ragbot.sentiment.groups import as_group, group_words, read_group
from ragbot.sentiment.intent import (
    PASSING_NAME_LETTERS, UNFAMILIAR_LETTERS, SentimentIntent, familiar_words, headline_name, is_unfamiliar, longer_names, named_thing,
    one_note_phrase, parse_intent, passing_names, score_names, score_subject, unfamiliar_words, unscored_symbols,
)
from ragbot.sentiment.query import Scored, Summary, distribution, extremes, rank_changes, rank_companies, summary, trend
from ragbot.windows import Window

Retrieve = Callable[[str, list[str]], list[Document]]  # (query, tickers) -> passages, best first
Explain = Callable[[Question, set[str]], Answer]  # (question, allowed notes) -> cited reasons
PICK_RERANKED = 4  # notes (best word matches first) the cross-encoder reads to pick the one a question describes
# A note's event fit: the cross-encoder's logit (about -11 to +11) for a description of one note
# against the note's title and first sentence, or its opening passage, whichever is higher.
PARAPHRASE_FIT = 0.0  # at or above it, a note sharing no word with a description is still the one it describes
UNRELATED_FIT = -5.0  # under it, a note holding one word of a description of ``EVENT_WORDS`` or more is not the one it describes
EVENT_WORDS = 3  # (a shorter description holding one word is the note's, "the outage note"; so is one held by two)
# Words of telling news ("when it announced it was buying a studio"): how an event reached the
# notes, not what it was; a note sharing only them with a description is not the one described.
TELLING = stems("announce announced announces announcing announcement said say says disclosed disclose discloses told")
_MARKER = re.compile(r"\[(\d+)\]")
# A capitalised name where a question puts its subject ("sentiment on Acme Widgets"); with no
# ticker routed, it names a company the notes do not cover.
_SUBJECT = re.compile(r"\b(?:on|about|for|towards?|of|in)\s+([A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*)*)")
_NOT_NAMES = frozenset(
    "I Q1 Q2 Q3 Q4 H1 H2 FY YTD January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "What Which How Has Have Is Are Was Were Did Does Do Why When".split()
)
# Kinds whose answer, with no company asked, runs over every note (as does the newest or oldest
# note): they answer a question that names nothing else ("overall sentiment this month?", "latest
# sentiment?"), never one naming a thing no note scores ("Mercury NZ - latest sentiment?").
_STOREWIDE_KINDS = frozenset({"summary", "trend", "distribution"})
EXPLAINED_NOTES = 3  # a "why" answer quotes reasons from at most this many of the notes its figures used
REASONS_PER_NOTE = 2  # ... and at most this many sentences from each
# What to ask the notes for the reasons behind a direction of sentiment.
_REASONS = {
    "negative": "What are the risks, concerns and weaknesses for the company",
    "positive": "What are the strengths, growth drivers and upside for the company",
    "neutral": "What are the strengths and the risks for the company",
}


def note_match(record: NoteRecord, covered: set[str], tickers: tuple[str, ...]) -> tuple[int, int]:
    """How well ``record`` matches a question naming one note: the question's topic words the
    note holds (``covered``) plus the companies asked that the note is about ("the note on
    Pfizer licensing Corvanta's drug" is about both), then the topic words in its title and
    first sentence (the note's subject, not a passing mention of the event)."""
    return len(covered) + sum(record.is_about(t) for t in tickers), len(covered & record.lead_stems)


def about_each(record: NoteRecord, tickers: tuple[str, ...]) -> bool:
    """Whether ``record`` is about each of two or more companies asked."""
    return len(tickers) > 1 and all(record.is_about(t) for t in tickers)


def in_passing(record: NoteRecord, covered: set[str], wanted: set[str], tickers: tuple[str, ...]) -> bool:
    """Whether ``record`` matches a question naming an event in several words, or naming no
    company at all, only by words its title and first sentence (its subject) do not hold: "the
    pilots' strike" against a note that mentions a strike in passing; "Hemnet sentiment score in
    the notes?" against a note on another portal naming Hemnet once. Such a note is not about the
    event, unless it is about each company asked (the event may be the second company's: "Acme vs
    Beta in the note where Beta's filing slipped")."""
    return (len(wanted) > 1 or not tickers) and not covered & record.lead_stems and not about_each(record, tickers)


def renumbered(answer: Answer, offset: int) -> tuple[str, list]:
    """``answer``'s text and citations with every marker moved up by ``offset``."""
    text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", answer.text)
    return text, [replace(c, n=c.n + offset) for c in answer.citations]


class SentimentAnswerer(Answerer):
    """Sentiment questions as queries over note metadata (see ``parse_intent`` for the kinds).

    ``passages`` given to ``answer`` are the notes' first chunks; ``Ragbot`` calls
    ``answer_catalog`` with its cached ``NoteCatalog`` instead. ``retrieve`` picks the one note a
    question describes ("the note on the export ban") and finds a name met in passing, and
    ``rerank`` (the cross-encoder) reads which of the notes it finds the question describes best; ``explain`` quotes the reasons for a
    "why" question. ``today`` anchors relative windows ("last 30 days").
    """

    def __init__(
        self,
        today: Callable[[], date] = date.today,
        retrieve: Retrieve | None = None,
        explain: Explain | None = None,
        max_cited: int = 50,
        rerank: Reranker | None = None,
    ):
        if max_cited < 1:
            raise ValueError(f"max_cited must be >= 1 (notes cited in one answer), got {max_cited}")
        self.today = today
        self.retrieve = retrieve
        self.explain = explain
        self.max_cited = max_cited
        self.rerank = rerank

    def warm_up(self) -> None:
        """Read the word lists questions are checked against (``familiar_words``), and load the
        cross-encoder, now rather than on the first question."""
        familiar_words()
        if self.rerank is not None:
            self.rerank.warm_up()

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        return self.answer_catalog(question, NoteCatalog.from_passages(passages))

    def answer_catalog(self, question: Question, catalog: NoteCatalog, window: Window | None = None) -> Answer:
        """Answer ``question`` over ``catalog``; ``window`` (the page's date filter) narrows it.
        The answer's trace (``--explain``) says how the question was read."""
        intent = parse_intent(question, self.today(), window)
        words = group_words(question, intent)
        group = read_group(words, catalog)
        if group:  # "the uranium miners": asked of the companies the notes describe so
            question = as_group(question, words, group)
            intent = replace(parse_intent(question, self.today(), window), group=" ".join(words))
        intent = self.anchored(intent, catalog)
        picked: dict[str, str] = {}  # how the one note was picked, for the trace
        answer = self.answer_intent(question, intent, catalog, picked)
        if group:
            notice = f"Read \u201c{intent.group}\u201d as the companies whose notes write those words: {', '.join(group)}."
            answer = replace(answer, notices=[notice, *answer.notices])
        return replace(answer, trace=intent_trace(intent, picked))

    def anchored(self, intent: SentimentIntent, catalog: NoteCatalog) -> SentimentIntent:
        """``intent`` with its window "since the <event>" starting at the date of the note about the
        event (``pick_note`` among the asked companies' notes), set against the notes before it;
        unchanged when no note is about it (``missing`` says so)."""
        if not intent.since_event:
            return intent
        record = self.event_note(intent, catalog)
        if record is None or record.day is None:  # (an undated note dates nothing: counted from every note)
            return intent if record is None else replace(intent, since_event="")
        start = record.day
        if intent.next_note:  # the event's note and the next one after it
            end = min((r.day for r in catalog.about(intent.tickers) if r.day and r.day > start), default=start)
            label = f"from the {intent.since_event} note to the next ({start.isoformat()} to {end.isoformat()})"
            return replace(intent, window=Window(start, end, label), since_event="")
        since = Window(start, None, f"since the {intent.since_event} note ({start.isoformat()})").intersect(intent.window)
        earlier = Window(None, start - timedelta(days=1), f"before {start.isoformat()}").intersect(intent.window)
        return replace(intent, window=since, before=earlier, since_event="")

    def event_note(self, intent: SentimentIntent, catalog: NoteCatalog) -> NoteRecord | None:
        """The note about the event a window counts from: the one its words pick (the earliest of
        equal matches: later notes recall the event, "after the outage"), else, when the words
        date the event ("the November 2025 selloff"), the one note of the asked companies dated then."""
        event = replace(intent, about=intent.since_event, pick="topic", window=intent.event_window, reporting=())
        record = self.pick_note(event, catalog, earliest=True)
        if record is None and intent.event_window:
            dated = catalog.about(intent.tickers, intent.event_window)
            record = dated[0] if len(dated) == 1 else None
        return record

    def answer_intent(self, question: Question, intent: SentimentIntent, catalog: NoteCatalog, picked: dict[str, str] | None = None) -> Answer:
        """The answer to ``intent``; ``picked``, when given, is told how a one-note pick was made."""
        missing = self.missing(question, intent, catalog)
        if missing:
            return Answer(missing, False, [], question.tickers)
        cite = compose.Citer(self.max_cited)
        lines = self.lines(intent, catalog, cite, picked)
        if lines is None:
            return Answer(self.not_found_text(question, intent), False, [], question.tickers)
        if cite.uncited:
            lines.append(f"({cite.uncited} further notes counted are not listed) {cite([])}".rstrip() + ".")
        text, citations = " ".join(lines), cite.citations
        if intent.why and self.explain is not None:
            reasons = self.reasons(question, intent, catalog, citations)
            if reasons is not None:
                more_text, more = renumbered(reasons, len(citations))
                text, citations = f"{text} Reasons the notes give: {more_text}", [*citations, *more]
        return Answer(text, True, citations, question.tickers)

    # -- what is asked and whether the notes have it ---------------------------------------
    def missing(self, question: Question, intent: SentimentIntent, catalog: NoteCatalog) -> str | None:
        """Why the notes cannot answer, or None: an asked company without notes, a window
        without notes, or a company the alias table does not know."""
        absent = (
            [t for t in intent.tickers if not catalog.about([t])] or unscored_symbols(question, catalog.by_ticker.__contains__)
            or longer_names(question, catalog.writes) or score_names(question, catalog.lower_pairs, catalog.opens_a_note)
        )
        if absent:
            return f"Not in your notes: no note is about {', '.join(absent)}."
        if intent.since_event:  # no note is about the event the window starts at
            about = f" on {', '.join(intent.tickers)}" if intent.tickers else ""
            return f"Not in your notes: no note{about} is about \u201c{intent.since_event}\u201d to count from."
        if intent.window and not catalog.about(intent.tickers, intent.window):
            about = f" about {', '.join(intent.tickers)}" if intent.tickers else ""
            return f"Not in your notes: no note{about} is dated {intent.window.describe()} ({intent.window.label})."
        names = [w.removesuffix("'s").removesuffix("\u2019s") for name in _SUBJECT.findall(question.text) for w in name.split()]
        headline = headline_name(question.text, catalog.names)
        passing = passing_names(question, catalog.proper_name)
        unknown = (
            [w for w in names if w not in _NOT_NAMES and not w.isupper()] or headline
            or unfamiliar_words(question, catalog.writes) or passing
            or [subject for subject in [score_subject(question, catalog.lower_pairs)] if subject]
        )
        # (a note picked by its topic may name an event, "the Singles Day note"; by its date, only the
        # company; a topic that is only the headline's name names a company: "Zorblax Freight - score?")
        # (... unless it is one word the notes write only as a name, "what did we score Richemont?", or
        # a name they write whole around one, no note named: "score for aldar properties?" asks of a
        # company, "the Singles Day note" of an event)
        whole_name = catalog.names_in_passing(intent.about) and not one_note_phrase(question.text)
        by_event = (intent.kind == "note" and not intent.reporting and intent.pick == "topic" and not set(intent.about.split()) <= {w.lower() for w in headline}
                    and not (passing and (len(intent.about.split()) == 1 or whole_name)))
        if not intent.tickers and unknown and not by_event:
            return f"Not in your notes: no note is about {' '.join(unknown)}."
        storewide = intent.kind in _STOREWIDE_KINDS or intent.kind == "note" and intent.pick != "topic"  # (the newest of every note)
        asked = as_written(named_thing(question, intent), question.text) if not intent.tickers and storewide else ""
        named = " ".join(w for w in asked.split() if self.names_something(w, catalog))
        if not named and asked and self.written_as_a_name(asked):  # ("evolution mining", typed in lower case)
            named = asked
        if named:  # a figure over every note answers nothing about it
            return f"Not in your notes: no note is about {named}."
        return None

    def names_something(self, word: str, catalog: NoteCatalog) -> bool:
        """Whether ``word`` (as a question writes it) names something no note is about: in capitals,
        no finance abbreviation, written by the notes only in passing ("UOB"); a word they write
        only as a name ("Evolution"), also one the question capitalises that a later passage
        writes so ("Mercury"); or an unfamiliar word they never write ("zorblax"; not shorthand,
        "pls", nor a typo, "overal"). Not a word a note opens on ("AI" of "AI capex
        boom lifts ..."), a word they discuss ("iron ore"), plain English ("published") nor a number."""
        if not word.isalpha() or catalog.opens_a_note(word):
            return False
        if len(word) >= DELIBERATE_CAPITALS and word.isupper():
            return word not in NO_NAME_CAPITALS and (catalog.writes(word) or self.written_as_a_name(word))
        if catalog.proper_name(word, is_english(word)) or len(word) >= UNFAMILIAR_LETTERS and is_unfamiliar(word.lower(), catalog.writes):
            return True
        return word[0].isupper() and len(word) >= PASSING_NAME_LETTERS and self.written_as_a_name(word)  # "Mercury NZ": "relative to Mercury and ..."

    def written_as_a_name(self, phrase: str) -> bool:
        """Whether a passage retrieval finds for ``phrase`` writes it as a name inside a sentence,
        each word capitalised ("Peers such as Evolution Mining carry more leverage"): a company met
        in passing in a note's later passages, which the catalog's first chunks do not hold."""
        words = phrase.split()
        name = re.compile(r"(?<=[a-z,;]\s)" + r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in words) + r"\b")
        return self.retrieve is not None and any(name.search(p.page_content) for p in self.retrieve(phrase, []))

    def not_found_text(self, question: Question, intent: SentimentIntent) -> str:
        if intent.reporting:  # "no note on ACME discusses Q2 2025"
            about = f" on {', '.join(intent.tickers)}" if intent.tickers else ""
            return f"Not in your notes: no note{about}{self.window_text(intent).replace(' discussing', ' discusses', 1)}."
        return f"Not in your notes: no note matches \u201c{intent.about or question.text}\u201d."

    def window_text(self, intent: SentimentIntent) -> str:
        """Which notes a figure counts: " dated 2025-07-01 to 2025-09-30", " discussing Q4 2025"."""
        dated = f" dated {intent.window.describe()}" if intent.window else ""
        labels = [p.label.rsplit(" ", 1)[0] if intent.any_year else p.label for p in intent.reporting]  # "Q1" in any year
        return dated + (f" discussing {' or '.join(labels)}" if labels else "")

    # -- the figures -----------------------------------------------------------------------
    def lines(self, intent: SentimentIntent, catalog: NoteCatalog, cite: compose.Citer, picked: dict[str, str] | None = None) -> list[str] | None:
        """The answer's sentences for ``intent``, or None when no note fits (``picked``: see ``pick_note``)."""
        window_text = self.window_text(intent)
        subjects: list[str | None] = list(intent.tickers) or [None]
        if intent.kind == "note":
            record = self.pick_note(intent, catalog, picked=picked)
            return None if record is None else compose.one_note_lines(record, intent.tickers, cite)
        if intent.reporting:  # "how many negative notes on Acme's Q4 2025 results": the notes discussing them
            catalog = catalog.discussing(intent.reporting, intent.tickers, intent.any_year)
        if intent.kind == "extreme" and intent.measure == "change":
            changes = rank_changes(catalog, intent.tickers or catalog.tickers(), intent.window, intent.period, intent.direction or "positive")
            return compose.change_ranking_lines(changes, intent.direction or "positive", intent.n, cite, window_text) if changes else None
        if intent.kind == "extreme" and intent.unit == "company":
            tickers = intent.tickers or catalog.tickers()
            ranked = rank_companies(catalog, tickers, intent.window, intent.direction or "positive")
            among = f" among {', '.join(intent.tickers)}" if intent.tickers else " in your notes"  # (companies asked, or carried from the last turn)
            return compose.ranking_lines(ranked, intent.direction or "positive", intent.n, cite, window_text, among) if ranked else None
        found = [s for t in subjects if (s := summary(catalog, t, intent.window))]
        if not found:
            return None
        if intent.kind == "extreme":
            direction, n = intent.direction or "positive", intent.n or 1
            return [line for s in found for line in compose.extreme_note_lines(s, extremes(s, direction, n), direction, n, cite, window_text)]
        if intent.kind == "distribution":
            return [line for s in found for line in compose.distribution_lines(distribution(s), intent.label or intent.direction, cite, window_text)]
        # "why is sentiment on Acme negative?": the notes that are, before the figures of all of them
        asked = [compose.matching_line(distribution(s), intent.direction, cite, window_text) for s in found] if intent.why and intent.direction else []
        if intent.kind == "trend":
            return asked + [line for s in found for line in self.trend_lines(s, intent, catalog, cite, window_text)]
        pooled = compose.group_lines(intent.group, found, cite, window_text) if intent.group else []  # "the uranium miners"
        if intent.kind == "compare" and len(found) > 1:
            return asked + pooled + compose.compare_lines(found, cite, window_text)
        return asked + pooled + [line for s in found for line in compose.summary_lines(s, cite, window_text)]

    def trend_lines(self, found: Summary, intent: SentimentIntent, catalog: NoteCatalog, cite: compose.Citer, window_text: str) -> list[str]:
        """A trend's per-period figures; for a trend "since" a day, first the notes before it
        against the notes since."""
        earlier = summary(catalog, found.ticker, intent.before) if intent.before else None
        lead = [compose.before_since_line(earlier, found, intent.window.start.isoformat(), cite)] if earlier and intent.window else []
        return lead + compose.trend_lines(trend(found, intent.period), cite, window_text)

    def pick_note(self, intent: SentimentIntent, catalog: NoteCatalog, earliest: bool = False, picked: dict[str, str] | None = None) -> NoteRecord | None:
        """The one note the question means: the newest/oldest, or among the candidates that best
        match the question (``note_match``, retrieval rank breaking ties) the one ``closest`` to its
        description; with ``earliest`` (the event a window counts from), the best match by
        ``note_match``'s two counts together (words held, and held in its first sentence), the earlier
        date breaking ties.
        When no candidate shares a topic word: the one note about every company asked
        (``about_all``), else the one the cross-encoder reads as described (``paraphrased``), else
        None; when the best shares them only in passing (``in_passing``), or the pick holds one word
        of a longer description and reads as another event (``unrelated``): ``about_all``. With
        reporting periods asked, only notes discussing one of them are candidates (``by_period``);
        with several companies asked, only notes about each of them, if any fits. ``picked``, when
        given, is told how the note was picked (``--explain``)."""
        candidates = catalog.about(intent.tickers, intent.window)
        if not candidates:
            return None
        if intent.pick != "topic":
            dated = sorted(candidates, key=lambda r: (r.day or date.min, r.source))
            if intent.position > len(dated):  # ("its fifth note" of a company with three)
                return None
            return dated[-intent.position] if intent.pick == "newest" else dated[intent.position - 1]
        by_source = {r.source: r for r in candidates}
        wanted = stems(intent.about) - TELLING or stems(intent.about)
        query = " ".join([intent.about, *(p.words for p in intent.reporting)]).strip()
        passages = self.retrieve(query, list(intent.tickers)) if self.retrieve and query else []
        texts: dict[str, list[str]] = {}  # note -> its title and retrieved passages, best note first
        for passage in passages:
            record = by_source.get(passage.metadata.get("source"))
            if record:
                texts.setdefault(record.source, [record.title, record.name_words]).append(passage.page_content)
        if intent.reporting:
            return self.by_period(intent, candidates, texts)
        # without retrieval (or when it found none of them): titles and first chunks
        words = {s: stems(" ".join(parts)) for s, parts in texts.items()} or {r.source: r.head_stems for r in candidates}
        covered = {s: wanted & w for s, w in words.items() if wanted & w}  # only notes sharing a topic word
        if not covered:  # (a paraphrase read among the notes retrieval ranks first, or without retrieval the first candidates)
            first = [by_source[s] for s in texts] or candidates
            return self.about_all(intent, candidates) or self.paraphrased(intent, first[:PICK_RERANKED], picked)

        def key(source: str) -> tuple:
            match = note_match(by_source[source], covered[source], intent.tickers)
            # (the note an event is counted from tells it in its first sentence; a later one recalling it
            # holds its words further on: the words of both count, then the earlier date)
            return (match[0] + match[1], -(by_source[source].day or date.max).toordinal()) if earliest else match

        ranked = sorted(covered, key=key, reverse=True)  # (a stable sort keeps the best-ranked of equals first)
        if in_passing(by_source[ranked[0]], covered[ranked[0]], wanted, intent.tickers):  # the best match: no note is about it
            return self.about_all(intent, candidates)
        # (an event a window counts from is its first note, by words alone: a later note recalling
        # the event, "after the hold was lifted", reads to the model as much about it; and told inside
        # a longer question, "since the outage - has it come back?", its words are no description to weigh)
        if earliest:
            return by_source[ranked[0]]
        subjects = [s for s in ranked if not in_passing(by_source[s], covered[s], wanted, intent.tickers)]
        # one note asked of several companies scores each of them, when one such note fits at all
        # ("in the reefer launch note, was Empire or Yarrowline rated higher?")
        subjects = [s for s in subjects if about_each(by_source[s], intent.tickers)] or subjects
        chosen, fit = self.closest(intent, subjects, covered, by_source, picked)
        if self.unrelated(intent, by_source[chosen], len(covered[chosen]), len(wanted), fit, picked):
            return self.about_all(intent, candidates)
        return by_source[chosen]

    def closest(
        self, intent: SentimentIntent, ranked: list[str], covered: dict[str, set[str]], by_source: dict[str, NoteRecord], picked: dict[str, str] | None = None,
    ) -> tuple[str, float | None]:
        """The note of ``ranked`` (by ``note_match``; none only in passing) the question
        describes, and its event fit when read. With the cross-encoder, among the first
        ``PICK_RERANKED``, the one with the highest fit: its event fit (``event_fits``: about -11 to
        +11), plus ``note_match``'s count (topic words held and companies asked it is about: 0 to
        about 10). The model reads a paraphrase ("buying a golf clothing label" for "acquire a
        golf apparel brand") that word overlap misses; the count keeps a note holding more of the
        words ahead of a near tie. The first without the cross-encoder (settings turn it off) or
        with fewer than ``DESCRIBED_WORDS`` topic words: one word ("the outage note") is no
        description, and a note recalling it in its first sentence reads to the model as much
        about it. ``picked``, when given, gets each fit read."""
        if len(ranked) < 2 or not self.reads_descriptions(intent):
            return ranked[0], None
        top = [by_source[s] for s in ranked[:PICK_RERANKED]]
        read = [(fit, note_match(r, covered[r.source], intent.tickers)[0]) for r, fit in zip(top, self.event_fits(intent.about, top))]
        best = max(range(len(top)), key=lambda i: sum(read[i]))
        if picked is not None:
            picked["note picked"] = "; ".join(f"{r.source} fit {logit + count:+.1f} (cross-encoder {logit:+.1f} + {count} matched)" for r, (logit, count) in zip(top, read))
        return top[best].source, read[best][0]

    def event_fits(self, about: str, records: list[NoteRecord]) -> list[float]:
        """Each note's event fit for the description ``about`` (see ``PARAPHRASE_FIT``); only
        when the cross-encoder is loaded (``reads_descriptions``)."""
        logits = self.rerank.score_pairs([(about, text) for r in records for text in (r.lead, r.passage.page_content)])
        return [max(logits[2 * i : 2 * i + 2]) for i in range(len(records))]

    def reads_descriptions(self, intent: SentimentIntent) -> bool:
        """Whether the cross-encoder can read the question's description of one note: it is loaded
        and the description has ``DESCRIBED_WORDS`` words or more."""
        return self.rerank is not None and len(intent.about.split()) >= DESCRIBED_WORDS

    def paraphrased(self, intent: SentimentIntent, candidates: list[NoteRecord], picked: dict[str, str] | None = None) -> NoteRecord | None:
        """The note a description sharing no word with any note still names ("carmakers slashed
        output" for "automakers announced production cuts"): the only one of ``candidates`` (the
        notes retrieval ranks first) whose event fit reaches ``PARAPHRASE_FIT``; None when none or
        several do."""
        if not candidates or not self.reads_descriptions(intent):
            return None
        fits = self.event_fits(intent.about, candidates)
        if picked is not None:
            picked["paraphrase fit"] = "; ".join(f"{r.source} {fit:+.1f}" for r, fit in zip(candidates, fits))
        fitting = [r for r, fit in zip(candidates, fits) if fit >= PARAPHRASE_FIT]
        return fitting[0] if len(fitting) == 1 else None

    def unrelated(
        self, intent: SentimentIntent, record: NoteRecord, held: int, words: int, fit: float | None = None, picked: dict[str, str] | None = None,
    ) -> bool:
        """Whether the note picked holds one (``held``) of a description's ``words``, ``EVENT_WORDS``
        or more, and the cross-encoder reads it as another event (its ``fit``, read here when not
        given, under ``UNRELATED_FIT``): "Datadog buying a security startup" against a note on large
        contracts that names security. (The fit alone does not tell: a paraphrase holding two
        words, "the new owners slashing opex" for an opex reset, can read at -8; one holding one
        word, "adt customer database hack" for a data exposure, is refused.)"""
        if held > 1 or words < EVENT_WORDS or not self.reads_descriptions(intent):
            return False
        fit = self.event_fits(intent.about, [record])[0] if fit is None else fit
        if picked is not None:
            picked["event fit"] = f"{record.source} {fit:+.1f} with {held} of {words} words"
        return fit < UNRELATED_FIT

    @staticmethod
    def about_all(intent: SentimentIntent, candidates: list[NoteRecord]) -> NoteRecord | None:
        """The one note about every company asked, when a question names a note by its companies
        alone ("the note covering Acme, Beta and Gamma together"); None unless there is one, or
        when it asks one company: a company's only note is not the note on an event it does not
        share ("the note on the Acme recall in Hong Kong")."""
        together = [r for r in candidates if about_each(r, intent.tickers)]
        return together[0] if len(together) == 1 and len(intent.tickers) > 1 else None

    def by_period(self, intent: SentimentIntent, candidates: list[NoteRecord], texts: dict[str, list[str]]) -> NoteRecord | None:
        """The note about the reporting period asked: among the notes whose title, first chunk or
        retrieved passages state it (a note's date says when it was written, not which period it
        discusses; asked without a year, in any year: ``matching``), the one holding the most
        topic words and asked companies (``note_match``), then one whose title or first sentence
        states it (its subject, not a comparison), then one written after the period ended (a note
        on its results, not a preview), then the best retrieved; None if none does."""
        asked, wanted, ranks = set(intent.reporting), stems(intent.about), list(texts)

        def states(record: NoteRecord) -> bool:
            retrieved = texts.get(record.source)
            return bool(shared(record.head_periods)) or bool(retrieved and shared(reporting_periods(" ".join(retrieved), record.day)))

        def shared(stated: frozenset[ReportingPeriod]) -> frozenset[ReportingPeriod]:
            return matching(asked, stated, intent.any_year)

        def key(record: NoteRecord) -> tuple:
            words = record.head_stems | (stems(" ".join(texts[record.source])) if record.source in texts else set())
            after = record.day is not None and any(record.day > p.end for p in shared(record.head_periods) or asked)
            return (note_match(record, wanted & words, intent.tickers)[0], bool(shared(record.lead_periods)), after, -ranks.index(record.source) if record.source in texts else -len(ranks))

        # With no company named, the retrieved notes are the pool: reading every note's periods
        # costs ~0.5 ms a note the first time (they are cached per catalog).
        pool = [r for r in candidates if r.source in texts] if texts and not intent.tickers else candidates
        stating = [r for r in pool if states(r)]
        return max(stating, key=key) if stating else None

    def reasons(self, question: Question, intent: SentimentIntent, catalog: NoteCatalog, cited: list) -> Answer | None:
        """The notes' own sentences behind the sentiment, asked against the direction the question
        names (else the one the average points to), from the notes the figures used whose score
        points that way (all of them when none does)."""
        used = {c.source for c in cited}
        scored = [s for t in (list(intent.tickers) or [None]) for s in (summary(catalog, t, intent.window) or Summary(t, ())).notes]
        scored = [s for s in scored if s.record.source in used]
        average = sum(s.score for s in scored) / len(scored) if scored else 0.0
        direction = intent.direction or ("positive" if average >= 0.15 else "negative" if average <= -0.15 else "neutral")
        pointing = [s for s in scored if (s.score > 0 if direction == "positive" else s.score < 0 if direction == "negative" else False)]
        # Each note asked on its own, so that every note behind the figures gives its reason
        # (one note's sentences would otherwise fill the answer): the furthest that way first.
        strongest = sorted(pointing or scored, key=lambda s: (-s.score if direction == "positive" else s.score, -(s.day or date.min).toordinal()))
        topic = f"{_REASONS[direction]} {intent.about}".strip()
        asked = replace(question, text=f"{topic}?", topic=topic, search_text=topic, intent="facts")
        chosen = []
        for item in strongest[:EXPLAINED_NOTES]:
            answer = self.explain(asked, {item.record.source})
            # These notes are the ones the figures came from, so their best-ranked sentences are
            # the reasons even when none clears the relevance floor set for open questions.
            chosen += (answer.citations if answer.found else answer.related)[:REASONS_PER_NOTE]
        if not chosen:
            return None
        renumbered_citations = [replace(c, n=n) for n, c in enumerate(chosen, start=1)]
        text = " ".join(f"{c.sentence} [{c.n}]" for c in renumbered_citations)
        return Answer(text, True, renumbered_citations, question.tickers)


def intent_trace(intent: SentimentIntent, picked: dict[str, str] | None = None) -> AnswerTrace:
    """How a sentiment question was read, and how its one note was ``picked``, for ``ragbot ask --explain``."""
    subject = intent.period_subject
    reading = "no period named" if not subject else "the subject of a note" if subject > 0 else "a window over note dates"
    return AnswerTrace("sentiment", None, (), {
        "kind": intent.kind,
        "tickers": ", ".join(intent.tickers) or "-",
        "period_subject": f"{subject:+.2f} in [-1, 1]: periods read as {reading}",
        "reporting periods": ", ".join(p.label for p in intent.reporting) or "-",
        "window": f"{intent.window.describe()} ({intent.window.label})" if intent.window else "-",
        "set against": intent.before.describe() if intent.before else "-",
        "about": intent.about or "-",
        "since the event": intent.since_event or "-",  # still set: no note is about it
        **(picked or {}),
    })


def note_sentiment(passage: Document, tickers: list[str]) -> Scored | None:
    """A note's score on ``tickers[0]`` (its Ticker Sentiment, else its overall score)."""
    record = NoteRecord.from_passage(passage)
    ticker = next((t for t in tickers if record.score_for(t) is not None), None)
    value = record.score_for(ticker)
    return None if value is None else Scored(record, ticker, value)


def as_written(words: str, text: str) -> str:
    """``words`` (lower case, as ``one_note_topic`` gives them) as ``text`` writes each ("uob" ->
    "UOB"), without those it does not write (a glossary word's long form added to the topic)."""
    written = (re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I) for w in words.split())
    return " ".join(m.group(0) for m in written if m)
