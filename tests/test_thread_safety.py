"""Code shared by concurrent questions gives the same results from many threads as from one."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import snowballstemmer
from conftest import EVAL_NOTES

from ragbot import evidence


def corpus_words() -> list[str]:
    """Every distinct word of the evaluation notes (real text, ~5k words)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(EVAL_NOTES.glob("*.txt")))
    return sorted({w.lower() for w in re.findall(r"[A-Za-z]+", text)})


def test_stemming_from_many_threads_matches_one_thread():
    words = corpus_words()
    expected = [snowballstemmer.stemmer("english").stemWord(w) for w in words]

    def stem_all(offset: int) -> list[str]:
        evidence.stem.cache_clear()  # every call reaches the stemmer, not the cache
        rotated = words[offset:] + words[:offset]  # threads stem different words at the same moment
        stems = [evidence.stem.__wrapped__(w) for w in rotated for _ in range(3)][::3]
        return stems[len(words) - offset :] + stems[: len(words) - offset]

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(stem_all, [i * 997 % len(words) for i in range(12)]))
    assert len(words) > 2000
    for result in results:
        assert result == expected
