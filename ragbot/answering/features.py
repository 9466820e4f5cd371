"""Stage 4, features: each candidate sentence's evidence as named values with known ranges,
computed without a model. The cross-encoder's features come from ``relevance.py``.

=========  ========  ===========================================================================
feature    range     meaning
=========  ========  ===========================================================================
coverage   0..1      share of the topic words' IDF weight (IDF over the candidates) in the sentence
figures    0..1      share of the question's figures and periods ("q2", "2025", "26") in the
                     sentence or its passage and note title, periods compared however written
                     ("fy26", "FY2026" and "fiscal 2026" are one year: ``figure_tokens``)
period     -1..1     the sentence names the asked period (+1) or only others (-1); half that from
                     its passage when it names none; 0 when the question names no period; a
                     quarter or half asked, a sentence naming only a fiscal year names another
                     (``period_fit``)
rank       0..1      1 / (1 + retrieval rank of the passage): 1 for the first passage
focus      0 or 1    a follow-up, and the previous answer quoted this note
latest     0 or 1    the question asks for the latest figures (or the newest note's risks) and this is its company's newest note
primary    0..1      the share of the note's main companies that are asked: 1 a note about asked
                     companies only, 0.5 a note on two companies of which one is asked (0.25 a
                     sector note on four), 0 a note only mentioning an asked company in passing
                     (or no company asked)
dense      -1..1     the passage's cosine similarity to the question (~0.2..0.8 in practice)
subject_  0..1      subject_match: the asked company is the sentence's subject: 1 (its note is
match                about an asked company and no other company leads the sentence; or no company
                     is asked), 0.5 a neighbour (another company leads it, or its note is about
                     another company and an asked one leads it), 0 a passing mention
measure_  0..1       measure_match: IDF-weighted share of the asked measure's words
match                (``answerability.py``) the sentence states: 1 each in the sentence, 0.5 only in
                     its passage or title (a sentence without a figure: any of its note's passages
                     among the candidates), 0 absent or replaced by a neighbouring measure (another
                     quantity, or the asked quantity of the whole company); 1 if none is asked
qualifier_ 0..1      qualifier_match: share of the asked qualifiers (a segment or product narrowing
match                the measure: "Retail" of "JD Retail's revenue", "Megapack") the sentence or its
                     passage states without stating a neighbouring measure; 1 if none is asked,
                     the question names several companies (each may have its own segment) or it
                     asks a theme across the coverage ("who is exposed to housing turnover?"); 0
                     for a sentence naming only another number of an asked numbered part ("the
                     first phase" for "phase 2": ``names_another_part``), and, for a figure asked
                     of one company, for one naming no asked part whose passage names it only
                     jointly with others ("Insurance, Pensions and Other together contributed
                     ...": ``named_only_jointly``)
named_    0 or 1     named_quantity: for each thing the question asks a quantity of by name
quantity             ("how much toll revenue does Transurban bring in?", "caesars entertainment's
                     net leverage", a name the candidates write capitalised), or asks anything of
                     when it names no company the notes know ("what risks does Velmarsh face?"),
                     that the sentence's note does not discuss (names it once, not in its title,
                     or never), the sentence names it and, when a quantity is asked, states it
                     ("Transurban, the other bidder, ..." does not); 1 otherwise
answer_   0 or 1     answer_kind_fit: the sentence holds the kind of answer asked, a figure for
kind_fit             "how much / what was the revenue" (in a clause naming the asked segment when
                     the sentence names it: ``figure_of_qualifier``), a time for "when", a risk (a hedge or an
                     adverse development) for "what are the risks / what could go wrong"; 1 if
                     no kind is asked
title_     0..1      title_match: share of the topic words' IDF weight in the title of the sentence's
match                note (its first sentence when it has no heading), when the question describes a
                     topic (its measure has two words or more): the note is about what is asked
                     ("risks around the G7 15-day launch": the launch note before the quarter's
                     results note that mentions it); 0 for one word ("why so negative?")
rerank     ~-11..11  the cross-encoder's logit, raised to the best of its list's (``relevance.py``)
lead_in    0 or 1    the sentence only announces a list ("the risks deserve attention. First, ...")
qualifier_ ~-10..10  qualifier_contrast (``contrast.py``, computed only when its gate floor is set,
contrast             for the first few relevant sentences): the cross-encoder's logit for the
                     question minus its logit for the question without a part of what it asks
                     (segment or product words, the asked quantity, "when"), the smallest over
                     the parts; 0 when there is no part to remove. Negative: the sentence fits
                     the question without the part better (a near miss)
=========  ========  ===========================================================================
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, fields, replace

from langchain_core.documents import Document

from ingest import TickerResolver
from ingest.dates import is_month
from ingest.words import stems
from ragbot.answer import asked_share, is_about
from ragbot.answering.answerability import (
    ANY_HAPPENING, HAPPENINGS, OTHER_HAPPENINGS, TOLD_ALSO, AskedFor, asked_for, asks_money, asks_so_far, asks_target, canonical_all, capitals_of, clauses, figure_of_qualifier, measure_credit,
    conditions_apart, measured_as_asked, named_only_jointly, names_another_part, numbered_parts, required_qualifiers, risk_topic, states_change_of, states_count, states_event_time, states_kind, states_named_quantity,
    measured_clauses, states_money, states_only_its_ratio, states_only_like_for_like, states_only_money, states_only_targets, states_other_quantity,
    states_part_of_year, states_ratio,
    states_a_change, states_figure_places, states_market_share, states_paid_for, states_places, spelt_out, states_spelled_count, states_total, states_volume, subject_fit,
    with_acronyms_spelt, with_parts_named, with_products_named,
    withholds_asked,
)
from ragbot.answering.candidates import Candidate
from ragbot.periods import PARTS_OF_YEAR, asks_latest, asks_newest, named_and_stated_periods, newest_quarter, period_fit, periods
from ragbot.routing import Question, neutralise_mentions, without_the_worried


QUALIFIER_MISSING = 0.5  # measure_match's cap when the sentence lacks a qualifier of the asked quantity
# A "when" answer is a time said of the asked event: the sentence's measure_match (0..1), and the
# share of the asked measure words the sentence itself holds, reach this; else its time is another
# event's ("extending the maturity to 2031" for "when does it close the sale-leaseback?").
EVENT_NAMED = 0.5
EVENT_WORDS_WITH_ONE_SAID = 1 / 3  # ... or this share, one of them a word of what happens ("closing is unlikely before H1 2026")
# A sentence opening on what the one before named: "It was completed in June 2025.", "The deal closed in March."
_POINTS_BACK = re.compile(
    r"\W*(?:it|they|this|these|that|those|the\s+(?:deal|transaction|acquisition|purchase|merger|sale|divestiture|spin-?off|listing|offering))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Features:
    """One sentence's named evidence (ranges in the module docstring). ``rerank`` and
    ``lead_in`` are None until the cross-encoder has read the sentence, and stay None
    in the pipeline without one; ``qualifier_contrast`` is None unless it was computed."""

    coverage: float
    figures: float
    period: float
    rank: float
    focus: float
    latest: float
    primary: float
    dense: float
    subject_match: float = 1.0
    measure_match: float = 1.0
    qualifier_match: float = 1.0
    named_quantity: float = 1.0
    answer_kind_fit: float = 1.0
    title_match: float = 0.0
    rerank: float | None = None
    lead_in: float | None = None
    qualifier_contrast: float | None = None

    def items(self) -> list[tuple[str, float]]:
        """(name, value) of every feature that has a value, in scoring order."""
        return [(f.name, value) for f in fields(self) if (value := getattr(self, f.name)) is not None]


@dataclass(frozen=True)
class Asked:
    """What the question asks that every candidate is compared with, computed once."""

    topic: frozenset[str]  # stems of the topic
    figures: frozenset[str]  # ``figure_tokens`` of the topic and the followed-up topic
    periods: dict[str, set[str]]
    quoted: frozenset[str]  # notes the previous answer quoted
    newest: frozenset[str]  # each company's newest note, when the question asks for the latest
    wants: AskedFor  # the measure and kind of answer asked for


def asked(question: Question, pool: list[Candidate], resolver: TickerResolver | None = None) -> Asked:
    """The question's side of the features. The quoted notes are the previous answer's
    citations, or, for plain-text history, the notes of candidates it repeats word for word."""
    text = f"{question.topic} {question.previous_topic}"
    quoted = set(question.previous_sources)
    if not quoted and question.previous_answer:
        quoted = {c.source for c in pool if c.text in question.previous_answer}
    wants = asked_for(question.text, question.topic, resolver, question.previous_topic, capitals_of([c.text for c in pool]))
    own = [c.text for c in pool if not question.tickers or is_about(c.passage.metadata, question.tickers)]
    topic = stems(without_the_worried(question.topic)) if wants.kind == "risk" else stems(question.topic)
    return Asked(
        topic=risk_topic(topic) if wants.kind == "risk" else topic,
        figures=figure_tokens(stems(text), periods(text)),
        periods=periods(text),
        quoted=frozenset(quoted),
        # (a company's risks "now" are those of every note on it; "the latest note's risks" are the newest's)
        newest=frozenset(newest_notes(pool) if asks_latest(question.text) and not (wants.kind == "risk" and not asks_newest(question.text)) else ()),
        # (the part named by the asked companies' notes: another company's "core revenue" names no part of this one)
        wants=with_figure_places(
            with_acronyms_spelt(with_products_named(with_parts_named(wants, own), question.text, question.spans, own), question.text, own),
            question,
        ),
    )


def with_figure_places(wants: AskedFor, question: Question) -> AskedFor:
    """``wants`` with the places it names asked of one company's figure (``AskedFor.figure_places``);
    of several companies, none: each may be asked of its own ("Cellnex's Nordic sale vs Interpump's
    Brazil deal")."""
    return replace(wants, figure_places=wants.places) if len(question.tickers) < 2 else wants


_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


def figure_tokens(words: frozenset[str], named: dict[str, set[str]]) -> frozenset[str]:
    """The figures and periods of a text (``words``: its stems; ``named``: its periods) as tokens a
    question and a sentence share however each writes them: each stem with a digit that names no
    period, each year or fiscal year as "2026", each quarter as "q2", each half as "h1" ("fy26",
    "FY2026" and "fiscal 2026" are one "2026")."""
    years = named.get("year", set()) | named.get("fiscal_year", set())
    parts = {f"q{q}" for q in named.get("quarter", ())} | {f"h{h}" for h in named.get("half", ())}
    # (a bare year stays as written: the period patterns do not read one ending a sentence, "by 2026.")
    kept = (t for t in words if any(ch.isdigit() for ch in t) and (not periods(t) or _BARE_YEAR.fullmatch(t)))
    return frozenset(kept) | years | parts


def coverage(topic: frozenset[str], pool: list[Candidate], texts: list[frozenset[str]] | None = None) -> list[float]:
    """Share of the topic's IDF weight (IDF over ``pool``) that each sentence contains (or, with
    ``texts``, each candidate's other text, as stems: its note's title)."""
    if not topic:
        return [0.0] * len(pool)
    idf = {t: math.log(1 + len(pool) / (1 + sum(t in c.stems for c in pool))) for t in topic}
    total = sum(idf.values())
    return [sum(w for t, w in idf.items() if t in held) / total for held in (texts if texts is not None else [c.stems for c in pool])]


def title_stems(pool: list[Candidate]) -> list[frozenset[str]]:
    """The stems of each candidate's note title (its first sentence when it has no heading), one stemming per note."""
    by_source = {c.source: stems(c.passage.metadata.get("title") or "") for c in pool}
    return [by_source[c.source] for c in pool]


# Asked words from which a question describes what a note is about ("bluehalo integration", "the
# recall note" with its company): one word ("negative", "the outage note") is matched as a word only.
DESCRIBED_WORDS = 2


def describes_a_topic(wants: AskedFor) -> bool:
    """Whether the question describes a topic a note may be about, its measure of ``DESCRIBED_WORDS``
    words or more ("g7 15 day launch", "bluehalo integration"; not "why so negative?"): only then
    does ``title_match`` read the note titles."""
    return len(wants.measure) >= DESCRIBED_WORDS


def measure_match(wants: AskedFor, pool: list[Candidate], credits: list[dict[str, float]]) -> list[float]:
    """Each sentence's IDF-weighted share of the asked measure's credit (``measure_credit``);
    IDF over ``pool``, so the rare word of "Mac revenue" counts more than the common one. At
    most ``QUALIFIER_MISSING`` when a qualifier ("Mac") has no credit: another segment's figure.
    When the question names a quantity, the measure is its core, the quantity and its
    qualifiers ("net interest income" of "how much net interest income did it bring in"): the
    other words say how the question is put. Without one, every word counts but those no
    candidate states ("approaching", "designing"): the question's phrasing, not the notes'
    vocabulary. The core counts even when no candidate states it: an asked segment no note
    names is what makes a question unanswerable."""
    if not wants.measure:
        return [1.0] * len(pool)
    core = wants.measure & (wants.quantities | wants.qualifiers)
    asked = sorted(core) if wants.quantities else [w for w in wants.measure if w in core or any(credit[w] for credit in credits)]
    if not asked:
        return [1.0] * len(pool)
    idf = {w: math.log(1 + len(pool) / (1 + sum(w in c.stems for c in pool))) + 0.1 for w in asked}
    total = sum(idf.values())
    values = []
    for credit in credits:
        value = sum(idf[w] * credit[w] for w in asked) / total
        values.append(min(value, QUALIFIER_MISSING) if any(credit[w] == 0 for w in wants.qualifiers) else value)
    return values


def measure_credits(wants: AskedFor, pool: list[Candidate], figures: list[bool]) -> list[dict[str, float]]:
    """Each sentence's credit for each asked measure word (``measure_credit``). A sentence
    without a figure stands in its whole note (every passage of it in ``pool``): the risks
    closing a note on personal auto rates are auto's, though their chunk does not say so. A
    figure belongs to what its own passage names: a note's other segment ("Chemical Products")
    does not make another segment's earnings its own. ``figures``: whether each sentence holds one."""
    notes: dict[str, frozenset[str]] = {}
    for c in pool:
        notes[c.source] = notes.get(c.source, frozenset()) | c.context_stems
    return [measure_credit(wants, c.stems, c.context_stems if figure else notes[c.source]) for c, figure in zip(pool, figures)]


def qualifier_match(wants: AskedFor, credits: list[dict[str, float]]) -> list[float]:
    """Each sentence's share of the asked qualifiers ("Retail" of "JD Retail's revenue",
    "Megapack") that it or its passage states, without stating a neighbouring measure
    instead (``measure_credit`` > 0); 1 when the question names none."""
    required = required_qualifiers(wants)
    return [sum(credit[w] > 0 for w in required) / len(required) if required else 1.0 for credit in credits]


def central_names(wants: AskedFor, pool: list[Candidate]) -> dict[str, frozenset[str]]:
    """Per note, the words of the asked names (``AskedFor.names``) its title or two or more of its
    sentences in ``pool`` write, or spell out (``spelt_out``) (``states_named_quantity``)."""
    if not wants.names:
        return {}
    names = frozenset().union(*wants.names)
    # (a sentence in two overlapping passages counts once)
    sentences = {(c.source, c.sentence.start): names & (c.stems | spelt_out(wants, c.stems)) for c in pool}
    titles = {c.source: c.passage.metadata.get("title") or "" for c in pool}
    counts: dict[str, Counter[str]] = {source: Counter() for source in titles}
    for (source, _), named in sentences.items():
        counts[source].update(named)
    return {source: frozenset(n for n, k in counted.items() if k > 1) | (names & stems(titles[source])) for source, counted in counts.items()}


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


def periods_asked_of(question: Question, passage: Document, default: dict[str, set[str]]) -> dict[str, set[str]]:
    """The periods asked for the company a passage's note is about (comparisons may ask each
    company for another quarter), else ``default``, the question's periods."""
    for ticker in passage.metadata.get("primary_tickers") or []:
        if ticker in question.company_periods:
            return question.company_periods[ticker]
    return default


def holds_asked_figure(wants: AskedFor, candidate: Candidate, figure: bool, comparison: bool) -> bool:
    """Whether a sentence holding a figure (``figure``) holds the asked one: in a clause naming the
    asked segment (each company of a ``comparison`` may be asked its own, so none is required),
    not another quantity's, a count when "how many" is asked, and the asked ratio when one is
    asked of a quantity ("EBITDA margin": a sentence giving EBITDA alone gives none), and not only a
    ratio of the total asked ("an EBITA margin of 22.5%" gives no EBITA); an amount of
    money when one is asked in a currency ("revenue in eur": "grew 15%" gives none); a change when
    growth is asked ("how much did AuM grow?": "AuM reached $182 billion" gives none), a share
    when a market share is asked, and what a sum was asked to be spent on (``states_paid_for``)."""
    figure = figure or wants.count and states_spelled_count(candidate.text, wants.counted)  # "Four operational satellites"
    return (
        figure and figure_of_qualifier(candidate.text, frozenset() if comparison else wants.qualifiers)
        and (not states_other_quantity(wants, candidate.stems) or states_volume(wants, candidate.text)) and measured_as_asked(wants, candidate.text)
        and (not wants.count or states_count(candidate.text, wants.counted, wants.counted_by_name)) and states_change_of(wants, candidate.text)
        and states_ratio(wants, candidate.stems) and not states_only_its_ratio(wants, candidate.text) and not states_only_money(wants, candidate.text)
        and (not wants.total or states_total(candidate.text, asks_money(wants)))
        and not (wants.whole_year and states_part_of_year(candidate.text)) and not states_only_like_for_like(candidate.text, wants)
        and (not wants.in_currency or states_money(candidate.text, wants)) and (not wants.growth or states_a_change(candidate.text))
        and (not wants.market_share or states_market_share(candidate.text)) and states_paid_for(wants, candidate.stems)
    )


def holds_asked_kind(
    wants: AskedFor, candidate: Candidate, figure: bool, comparison: bool, measure: float, so_far: bool, resolver: TickerResolver | None = None,
) -> bool:
    """``answer_kind_fit``: whether a sentence holds the kind of answer asked. A figure: the asked
    one (``holds_asked_figure``), of the place asked (``states_figure_places``: "revenue in Europe"
    is not the group's revenue), not said to be withheld (``withholds_asked``), and, when the
    question asks how things stand ``so_far``, not only targets. A time: one said of the asked
    event (its ``measure`` match reaches ``EVENT_NAMED``) in the same clause, a condition ("once
    ...") a clause of its own (``conditions_apart``), where it is asked (``states_places``), not
    said to be withheld. Else
    ``states_kind``."""
    if wants.kind == "figure":
        return (
            holds_asked_figure(wants, candidate, figure, comparison) and states_figure_places(wants, candidate.text)
            and not withholds_asked(candidate.text, wants.measure) and not (so_far and states_only_targets(candidate.text))
        )
    if wants.kind == "time":  # the time and the event in one clause ("acquisitions made in 2023, and the brands division shrinks": no date of it)
        def dated(text: str) -> bool:  # (a year dating a figure dates the event only when a quantity is asked: "2026 margins")
            return states_kind("time", text) if wants.quantities else states_event_time(text)
        parts = [part for clause in clauses(candidate.text) for part in conditions_apart(clause)]
        return (
            measure >= EVENT_NAMED and not withholds_asked(candidate.text, wants.measure) and states_places(wants, candidate.text)
            and any(
                dated(clause) and event_named(wants, clause, resolver, opens=i == 0) >= EVENT_NAMED and states_asked_happening(wants, clause)
                and not names_another(wants, i, parts)
                for i, clause in enumerate(parts)
            )
        )
    return states_kind(wants.kind, candidate.text)


def names_another(wants: AskedFor, index: int, parts: list[str]) -> bool:
    """Whether clause ``index`` of a sentence's ``parts`` dates another named thing than the one a
    "when" asks: a name the question asks (a word the sentence writes capitalised, past its first)
    stands only in another clause, and this one puts a name of its own before a word of the asked
    event ("The San Antonio campus is scheduled to open in March 2026, while the Atlanta campus ..."
    dates no Atlanta campus; "... Acme expects the campus to open in March 2026" still does)."""
    clause = parts[index]
    elsewhere = {w for i, part in enumerate(parts) if i != index for w in _names_written(part, opens=i == 0)}
    if not (wants.measure & elsewhere) - _names_written(clause, opens=index == 0):
        return False
    return bool(_names_before(clause, wants.measure) - wants.measure)


def _names_written(text: str, opens: bool = False) -> set[str]:
    """The stems of the capitalised words of ``text`` (its first skipped when it ``opens`` a sentence), months aside."""
    words = re.findall(r"\b[A-Z][a-z]+\b", text)[1 if opens and re.match(r"\W*[A-Z][a-z]+\b", text) else 0 :]
    return set(canonical_all(stems(" ".join(w for w in words if not is_month(w)))))


def _names_before(text: str, words: frozenset[str]) -> set[str]:
    """The stems of capitalised words right before one of ``words`` ("San Antonio" of "The San Antonio campus")."""
    found = (m for m in re.finditer(r"((?:\b[A-Z][a-z]+\s+)+)([A-Za-z]+)", text) if canonical_all(stems(m.group(2))) & words)
    return {w for m in found for w in canonical_all(stems(" ".join(n for n in m.group(1).split() if not is_month(n))))}


def states_asked_happening(wants: AskedFor, text: str) -> bool:
    """Whether ``text`` tells of the asked event what the question asks happens to it
    (``HAPPENINGS``: completing, opening, starting, ending), in its words or another's of its
    group (a start also by an opening, ``TOLD_ALSO``), or tells no other happening of it; a word
    naming the event itself ("construction" of "when will construction start?") is no other."""
    asked = [group | TOLD_ALSO.get(group, frozenset()) for group in HAPPENINGS if group & (wants.measure | wants.happening)]
    said = stems(text)
    told = said & ((OTHER_HAPPENINGS - wants.measure) | ANY_HAPPENING)
    return not asked or not told or any(group & said for group in asked)


def event_named(wants: AskedFor, text: str, resolver: TickerResolver | None = None, opens: bool = True) -> float:
    """How fully ``text`` (a sentence, or a clause of it: ``opens`` when it opens the sentence)
    itself names the event a "when" asks (0..1; its passage may name it beside another time): the
    share of the asked words it holds, or 1 when it points back to the event (opening the sentence:
    "It closed in June") or holds ``EVENT_WORDS_WITH_ONE_SAID`` of them, one a word of what happens
    ("close"). A word only inside a company's name (``resolver`` finds them; ``neutralise_mentions``
    puts each as "the company") names no event: "Treasury Wine Estates said depletions fell" says
    nothing of a sale of wine brands."""
    unnamed = neutralise_mentions(text, [(m.start, m.end) for m in resolver.mentions(text)]) if resolver is not None else text
    said = canonical_all(stems(unnamed))  # (each name put as "the company", a word no measure holds)
    named = len(wants.measure & said) / len(wants.measure) if wants.measure else 1.0
    happens = wants.measure - wants.qualifiers - wants.parts - frozenset().union(*wants.names)
    return 1.0 if opens and _POINTS_BACK.match(text) or happens & said and named >= EVENT_WORDS_WITH_ONE_SAID else named


def year_part_fit(wanted: dict[str, set[str]], named: dict[str, set[str]], fit: float) -> float:
    """``period`` of a sentence naming (``named``: its ``periods``) the asked year only as a
    quarter's or half's ("Q1 2036: EUR 296.0 million"), when a figure for a year alone is asked
    ("morquesta revenue 2036"): at most 0, below a sentence on the whole year (1), which answers it
    better; the notes may still give the year only by its parts. ``wanted`` holds no periods when no
    figure is asked."""
    years = wanted.get("year", set()) | wanted.get("fiscal_year", set())
    if not years or wanted.keys() & PARTS_OF_YEAR:
        return fit
    of_parts = {value.split("/")[1] for kind in ("quarter_of_year", "half_of_year") for value in named.get(kind, ())}
    stated = years & (named.get("year", set()) | named.get("fiscal_year", set()))
    only_parts = bool(stated) and stated <= of_parts and not years & named.get("fiscal_year", set())
    return min(fit, 0.0) if only_parts else fit


def own_part(candidate: Candidate, tickers: list[str], resolver: TickerResolver | None) -> Candidate:
    """``candidate`` cut to the clauses (``clauses``) that name the one company asked or no
    company, when another clause names only another: "Hospital budgets loosened: Getinge's Q3
    order growth was 6.2%, while Elekta's fiscal Q2 order intake reached SEK 4.9 billion" gives
    Elekta no Q3 order growth; "Both Ford and Tesla reported Q3 deliveries up 6%" stays whole.
    The whole candidate otherwise."""
    if len(tickers) != 1 or resolver is None:
        return candidate
    parts = clauses(candidate.text)
    named = [{m.ticker for m in resolver.mentions(part)} for part in parts]
    kept = [part for part, names in zip(parts, named) if not names or tickers[0] in names]
    if len(kept) == len(parts) or not any(tickers[0] in names for names in named):
        return candidate
    own = " ".join(kept)
    return replace(candidate, sentence=replace(candidate.sentence, text=own), stems=stems(own))


def _period(
    wants: AskedFor, text: str, wanted: dict[str, set[str]], periods_of_text: tuple[dict[str, set[str]], dict[str, set[str]]],
    context: dict[str, set[str]],
) -> float:
    """``period``: the fit of the sentence's periods (``periods_of_text``: named and stated), or of
    those of its clauses naming the asked quantity (``measured_clauses``) where that fits better:
    a period another clause names ("..., and management said the backlog entering 2040 ...") does
    not place the asked figure elsewhere, while one opening the sentence ("In Q3 2039, orders rose
    12%; revenue grew 8%") still dates it."""
    def fit(named: dict[str, set[str]], stated: dict[str, set[str]]) -> float:
        return year_part_fit(wanted if wants.kind == "figure" else {}, named, period_fit(wanted, stated, context))

    whole = fit(*periods_of_text)
    if whole >= 1:  # (no better fit to find)
        return whole
    measured = measured_clauses(wants, text)
    return whole if measured == text else max(whole, fit(*named_and_stated_periods(measured)))


def prior_features(question: Question, pool: list[Candidate], resolver: TickerResolver | None = None) -> list[Features]:
    """The model-free features of each candidate (all but ``rerank`` and ``lead_in``);
    ``resolver`` finds the companies a sentence names, for ``subject_match``."""
    a = asked(question, pool, resolver)
    found = []
    # each company of a comparison may be asked its own segment ("Azure's growth vs AWS's"), so
    # a question naming several companies asks no qualifier of every sentence
    figures = [states_kind("figure", c.text) for c in pool]
    credits = measure_credits(a.wants, pool, figures) if a.wants.measure else [{} for _ in pool]
    # (several companies may each have their own segment; a theme asked across the coverage narrows no company's quantity)
    one_company = len(question.tickers) < 2 and not question.across_companies
    qualified = qualifier_match(a.wants, credits) if one_company else [1.0] * len(pool)
    columns = zip(pool, coverage(a.topic, pool), measure_match(a.wants, pool, credits), qualified, figures, coverage(a.topic if describes_a_topic(a.wants) else frozenset(), pool, title_stems(pool)))
    central = central_names(a.wants, pool)
    so_far = asks_so_far(question.text) and not asks_target(a.wants)  # how things stand: a target for later does not say
    parts_asked = numbered_parts(question.text)  # ("phase 2": ``names_another_part``)
    context_figures: dict[int, frozenset[str]] = {}  # (per passage: its sentences share it)
    for candidate, cov, measure, qualified, figure, titled in columns:
        passage = candidate.passage
        own = own_part(candidate, question.tickers, resolver) if a.wants.kind == "figure" else candidate
        holds_kind = holds_asked_kind(a.wants, own, figure, len(question.tickers) > 1, measure, so_far, resolver)
        named, stated = named_and_stated_periods(own.text)
        if id(passage) not in context_figures:
            context_figures[id(passage)] = figure_tokens(candidate.context_stems, candidate.context_periods)
        figures_said = figure_tokens(candidate.stems, named) | context_figures[id(passage)]
        matched = len(a.figures & figures_said) / len(a.figures) if a.figures else 0.0
        wanted = periods_asked_of(question, passage, a.periods)
        found.append(Features(
            coverage=cov,
            figures=matched,
            period=_period(a.wants, own.text, wanted, (named, stated), candidate.context_periods),
            rank=1 / (1 + candidate.rank),
            focus=float(candidate.source in a.quoted),
            latest=float(candidate.source in a.newest),
            primary=asked_share(passage.metadata, question.tickers),
            dense=passage.metadata.get("dense_score", 0.0),
            subject_match=subject_fit(question.tickers, list(passage.metadata.get("primary_tickers") or []), candidate.text, resolver),
            measure_match=measure,
            qualifier_match=0.0 if names_another_part(parts_asked, candidate.text) or (one_company and a.wants.kind == "figure" and named_only_jointly(
                candidate.text, passage.page_content, required_qualifiers(a.wants))) else qualified,
            named_quantity=float(states_named_quantity(
                a.wants, candidate.stems, central.get(candidate.source, frozenset()), a.wants.kind == "figure" and holds_kind,
                unknown_subject=not question.tickers,
            )),
            answer_kind_fit=float(holds_kind),
            title_match=titled,
        ))
    return found
