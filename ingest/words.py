"""Word handling shared by the lexical index and answering: content words, stopwords and
Snowball stems, so that both read "risks", "Risk" and "risk's" as the same word.

Thread-safe: snowballstemmer's stemmer objects keep per-word state and must not be shared
between threads (the web app answers from several), so each thread gets its own.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer
from lemminflect import getAllLemmas

WORD = re.compile(r"[A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*")
STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been before being both but by can
    could did do does doing down during each few for from further had has have having he her here hers
    how i if in into is it its itself just me more most my no nor not now of off on once only or other
    our out over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your tell say said says show give notes note my me please any anything""".split()
)
# "u.s", "u.k", "e.u": letters with dots between (a term keeps inner dots, "U.S." -> "u.s"); the
# lexical index keeps them, as its tokenizer reads the notes' "U.S." as "u s"; ``stem`` drops them.
_ABBREVIATION = re.compile(r"[a-z](?:\.[a-z])+")
_local = threading.local()
_LEXICON = threading.Lock()  # lemminflect loads its lexicon on first use, unguarded: one caller at a time


def query_terms(text: str) -> list[str]:
    """Lower-cased content words of a text, in order, without repeats (no stopwords, no
    single letters; numbers stay)."""
    words = (w.lower().replace("'s", "") for w in WORD.findall(text))
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 1 or w.isdigit()))


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=65536)  # lru_cache is thread-safe; the stemmer it calls is this thread's own
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "risks" -> "risk", "factories" and "factory" -> "factori";
    an abbreviation written with dots is the word typed without them ("u.s" and "us", "u.k" and "uk")."""
    return _stemmer().stemWord(word.replace(".", "") if _ABBREVIATION.fullmatch(word) else word)


def stems(text: str) -> frozenset[str]:
    """The stems of ``text``'s content words."""
    return frozenset(stem(t) for t in query_terms(text))


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of lower-case ``word`` by part of speech (its lexicon ships in the package)."""
    with _LEXICON:
        return getAllLemmas(word)


def is_modifier(word: str) -> bool:
    """Whether lemminflect's lexicon has ``word`` as an adjective or adverb ("old", "new", "top")."""
    return bool(_lemmas(word.lower()).keys() & {"ADJ", "ADV"})


# Numbers spelt out, which lemminflect's lexicon of nouns, verbs, adjectives and adverbs lacks
# ("twelve", "eighth"): English words, never a name ("the last twelve months").
_NUMBER_WORDS = frozenset("""
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    """.split())


def is_english(word: str) -> bool:
    """Whether lemminflect's English lexicon (shipped in the package) has ``word`` in some
    inflection, or it is a number spelt out: "gloomiest", "outage", "travelers", "twelve" are
    English; "hershey", "capex" are not."""
    return word.lower() in _NUMBER_WORDS or bool(_lemmas(word.lower()))


def is_verb_form(word: str) -> bool:
    """Whether lemminflect's lexicon has ``word`` as a verb in some form ("has", "said", "rose")."""
    return bool(_lemmas(word.lower()).keys() & {"VERB", "AUX"})


def is_plural_noun(word: str) -> bool:
    """Whether ``word`` is a plural English noun by lemminflect's lexicon: its noun lemma differs
    ("miners", "banks"; not "collection", "news" or "brunswick")."""
    lemmas = _lemmas(word.lower()).get("NOUN", ())
    return bool(lemmas) and word.lower() not in lemmas


def names_a_thing(word: str) -> bool:
    """Whether ``word`` can name a thing or a plain quality by lemminflect's lexicon: a noun
    ("uranium", "banks") or an adjective in its plain form ("solar"; not "largest"), not only a
    verb form ("covered")."""
    lemmas = _lemmas(word.lower())
    return bool(lemmas.get("NOUN")) or word.lower() in lemmas.get("ADJ", ())
