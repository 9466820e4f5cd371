"""A realistic benchmark corpus: the real sentences of the project's labelled notes, recombined
across companies and quarters, deterministic from a seed.

``benchmarks/synthetic.py`` writes notes from templates whose sentences are short (~20 tokens);
real notes have sentences of 30-60 tokens and a richer vocabulary, which is what the
cross-encoder's cost grows with. Here note ``i`` takes the paragraph layout and the real
sentiment block of one source note (``eval/notes``, ``eval/holdout/notes``, ``eval/final/notes``),
and fills each paragraph with real sentences drawn from every source note's paragraphs of the
same kind (news lead or analysis). Each sentence's own company becomes the new note's company
(other companies it names stay, as peers do in real notes), and every "Qn year" moves by the
note's quarter shift. Questions are the labelled questions of the same sets, of every kind,
with their company replaced by one the corpus covers.

    .venv/bin/python benchmarks/realistic.py --notes 30 --out /tmp/real-notes
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from benchmarks import synthetic
from benchmarks.synthetic import Company, companies
from ingest import CompanyDirectory, TickerResolver, parse_note, split_sentences
from ragbot.periods import shift_quarters

ROOT = Path(__file__).resolve().parents[1]
SOURCE_SETS = (ROOT / "eval", ROOT / "eval" / "holdout", ROOT / "eval" / "final")
_DATE_OR_HEADING = re.compile(r"^\s*(?:#|date\s*:|published\s*:)", re.IGNORECASE)
_TICKER_LINE = re.compile(r"^(\$?)([A-Z][A-Z0-9.\-]{0,11})(\s*[:(\t ]\s*[-+\u2212]?\d)", re.MULTILINE)
QUARTER_SHIFTS = range(-3, 4)  # a note's quarters move by at most three quarters either way
BASE_DATE = date(2025, 8, 15)  # the source notes' quarters read as written around mid-Q3 2025
DATE_JITTER_DAYS = 45  # 0-91: a note's date lies within this many days of its shifted quarter


@dataclass(frozen=True)
class SourceNote:
    """One labelled note cut into what a new note is built from."""

    primary: tuple[str, ...]  # the companies it is about
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each body paragraph
    tail: str  # the marketing footer and the sentiment block, as written


@lru_cache(maxsize=1)
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


@lru_cache(maxsize=1)
def source_notes() -> tuple[SourceNote, ...]:
    """Every note of the labelled sets, parsed."""
    found = []
    for folder in SOURCE_SETS:
        for path in sorted((folder / "notes").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            note = parse_note(text, path.name, resolver())
            paragraphs = [
                tuple(s.text for s in split_sentences(line))
                for line in note.body.splitlines()
                if line.strip() and not _DATE_OR_HEADING.match(line)
            ]
            found.append(SourceNote(note.primary_tickers, tuple(p for p in paragraphs if p), text[note.body_end :]))
    return tuple(found)


@lru_cache(maxsize=1)
def sentence_pools() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(lead sentences, analysis sentences), each with the companies its note is about."""
    lead, analysis = [], []
    for note in source_notes():
        for i, paragraph in enumerate(note.paragraphs):
            (lead if i == 0 else analysis).extend((s, note.primary) for s in paragraph)
    return tuple(lead), tuple(analysis)


def recast(sentence: str, own: tuple[str, ...], company: Company, shift: int) -> str:
    """``sentence`` about ``company`` instead of its note's own companies, quarters shifted."""
    pieces, position = [], 0
    for mention in resolver().mentions(sentence):
        if mention.ticker in own and mention.start >= position:
            possessive = sentence[mention.start : mention.end].endswith(("'s", "\u2019s"))
            pieces += [sentence[position : mention.start], company.name + ("'s" if possessive else "")]
            position = mention.end
    pieces.append(sentence[position:])
    return shift_quarters("".join(pieces), shift)


def sentiment_tail(tail: str, own: tuple[str, ...], company: Company) -> str:
    """The source note's real footer and sentiment block, its own companies' Ticker Sentiment
    lines naming ``company`` instead (peers' lines stay)."""
    canonical = resolver().directory.canonical

    def swap(match: re.Match) -> str:
        ticker = company.ticker if canonical(match.group(2)) in own else match.group(2)
        return f"{match.group(1)}{ticker}{match.group(3)}"

    return _TICKER_LINE.sub(swap, tail)


def note(seed: int, i: int) -> tuple[str, str]:
    """The ``i``-th note of set ``seed``: (file name, text)."""
    rng = random.Random(f"realistic:{seed}:{i}")
    company = rng.choice(companies())
    template = rng.choice(source_notes())
    shift = rng.choice(QUARTER_SHIFTS)
    lead, analysis = sentence_pools()
    dated = BASE_DATE + timedelta(days=round(shift * 91.25) + rng.randint(-DATE_JITTER_DAYS, DATE_JITTER_DAYS))
    lines = [f"Date: {dated.isoformat()}"]  # varied dates, as the sentiment-over-time questions need
    for n, paragraph in enumerate(template.paragraphs):
        drawn = rng.sample(lead if n == 0 else analysis, len(paragraph))
        lines.append(" ".join(recast(s, own, company, shift) for s, own in drawn))
    text = "\n".join(lines) + "\n" + sentiment_tail(template.tail, template.primary, company).lstrip("\n")
    return f"{company.ticker.lower()}-{i:05d}.txt", text


def write_notes(folder: Path, n: int, seed: int = 0) -> Path:
    """Write notes ``0..n-1`` into ``folder`` (created); returns the folder."""
    return synthetic.write_notes(folder, n, seed, note=note)


def questions(n: int, seed: int = 0) -> list[tuple[str, str, list[dict]]]:
    """``n`` (kind, question, history) triples: the labelled questions of every kind, their
    company replaced by one of the corpus's; a follow-up carries its earlier question as history."""
    records = [
        json.loads(line)
        for folder in SOURCE_SETS
        for line in (folder / "qa.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_id = {r["id"]: r for r in records}
    rng = random.Random(f"realistic-questions:{seed}")
    out = []
    for _ in range(n):
        record = rng.choice(records)
        company = rng.choice(companies())

        def moved(text: str) -> str:
            mentions = resolver().mentions(text, case_sensitive_names=False)
            own = {record.get("ticker")} if record.get("ticker") else {m.ticker for m in mentions[:1]}
            return recast(text, tuple(own), company, 0)

        earlier = by_id.get(record.get("follows") or "")
        history = [{"role": "user", "content": moved(earlier["question"])}] if earlier else []
        out.append((record["kind"], moved(record["question"]), history))
    return out


if __name__ == "__main__":
    synthetic.main("realistic", write_notes)
