"""A group of companies a sentiment question names by what they do ("the uranium miners",
"Brazilian banks", "the paint/coatings names") instead of by name: read as the companies whose
notes write those words. Written by hand: the notes' own words are the only sector data an
offline store has (the bundled alias table holds names, not industries)."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.words import is_english, is_plural_noun, names_a_thing
from ragbot.periods import PERIOD_WORD
from ragbot.routing import NOTE_NOUNS, Question, topic_terms
from ragbot.sentiment.catalog import NoteCatalog
from ragbot.sentiment.intent import SentimentIntent, one_note_topic

GROUP_KINDS = frozenset({"summary", "extreme", "trend", "distribution", "compare"})  # not one note: its words name an event
# Words for companies in general ("which of my names", "the paint names"): they narrow nothing.
COMPANIES = frozenset("names companies stocks firms tickers holdings positions equities shares businesses players issuers".split())
NARROWING_SHARE = 0.5  # 0..1: a word that describes more than this share of the companies narrows nothing ("among", "stocks")


def group_words(question: Question, intent: SentimentIntent) -> list[str]:
    """The words a question that names no company uses in place of one: its topic words
    (``one_note_topic``) besides its window's and its periods', when they end on a plural noun
    that is no word for notes ("uranium miners" of "among the uranium miners, who had the best
    average sentiment in 2025?"; not "brunswick score?" nor "the three notes from 2025")."""
    if intent.tickers or intent.kind not in GROUP_KINDS or intent.since_event:
        return []
    window = set(topic_terms(intent.window.label)) if intent.window else set()
    words = [w for w in one_note_topic(question, periods=True).split() if w not in window and not w.isdigit() and not PERIOD_WORD.fullmatch(w)]
    return words if words and is_plural_noun(words[-1]) and not re.fullmatch(NOTE_NOUNS, words[-1]) else []


def read_group(words: list[str], catalog: NoteCatalog) -> tuple[str, ...]:
    """The companies ``words`` describe together: those that every narrowing word describes
    (``NoteCatalog.described_by``; a word describing none, or more than ``NARROWING_SHARE`` of
    the companies, a word for companies in general or a verb form narrows nothing), when there
    are two or more and an English word is among the narrowing ones; none when a word before the
    last is one no note writes (it may name a company the notes do not cover: "constellation brands")."""
    described = [(i, w, catalog.described_by(w)) for i, w in enumerate(words) if w not in COMPANIES]
    if not described or any(d is None and i < len(words) - 1 for i, _, d in described):  # an unknown word before the last names something
        return ()
    companies = catalog.tickers()
    narrowing = [(w, d) for _, w, d in described if d and len(d) <= NARROWING_SHARE * len(companies)]
    english = [is_english(w) for w, _ in narrowing]
    if not any(english):  # what companies do is said in English words, not only names
        return ()
    narrowing = [d for (w, d), known in zip(narrowing, english) if not known or names_a_thing(w)]  # not "covered companies"
    if not narrowing:
        return ()
    group = set.intersection(*narrowing)
    return tuple(t for t in companies if t in group) if len(group) >= 2 else ()


def as_group(question: Question, words: list[str], group: tuple[str, ...]) -> Question:
    """``question`` asked of ``group``, the words that named it taken out of its topic, as routing
    takes out a company's name."""
    topic = question.topic
    for word in words:
        topic = re.sub(rf"\b{re.escape(word)}\b", " ", topic, flags=re.IGNORECASE)
    return replace(question, tickers=list(group), topic=" ".join(topic.split()))
