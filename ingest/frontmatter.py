"""A note's YAML front matter: the ``---`` block at the top of a Markdown or text note, read
with PyYAML (``yaml.safe_load``). Its ``ticker``/``tickers``/``symbol`` and ``company`` say what
the note is about, ``title`` names it; its ``date`` is read by ``ingest.dates``.

The block is metadata, not text: the note's body starts after it, so it is never embedded,
searched or cited. A block that is not valid YAML is still left out of the body, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ingest.dates import front_matter
from ingest.tickers import Company, CompanyDirectory, declared_companies, lower_words

_TICKER_KEYS = ("ticker", "tickers", "symbol", "symbols")
_COMPANY_KEYS = ("company", "company_name", "issuer")
_TITLE_KEYS = ("title",)
_EXCHANGE = re.compile(r"^[A-Za-z][A-Za-z .]*:\s*")  # "NASDAQ: KSTL", "NYSE:BWU"
_SYMBOL = re.compile(r"\$?([A-Za-z0-9][A-Za-z0-9.\-]{0,15})")  # up to 16 characters, as in ticker lines


@dataclass(frozen=True)
class FrontMatter:
    """What a note's front matter says. ``end``: the offset where the note's body begins."""

    end: int
    tickers: tuple[str, ...] = ()  # symbols as written, upper-cased, "$" and exchange prefixes off
    company: str | None = None
    title: str | None = None
    problem: str | None = None  # why the block could not be read


def _text(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _symbols(value) -> tuple[str, ...]:
    """Symbols from a string ("KSTL", "NASDAQ: KSTL", "$BWU, BWU.TO") or a list of them."""
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        text = _text(item)
        for part in re.split(r"[,;/]|\s+and\s+", text or ""):
            match = _SYMBOL.fullmatch(_EXCHANGE.sub("", part.strip()))
            if match:
                found.append(match.group(1).upper())
    return tuple(dict.fromkeys(found))


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, or None if it has none."""
    block = front_matter(text)
    if block is None:
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:  # "date: 2025-13-45" is a ValueError
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return FrontMatter(block.end(), problem=f"front matter is not valid YAML{where}; its fields were not read")
    if data is None:
        return FrontMatter(block.end())
    if not isinstance(data, dict):
        return FrontMatter(block.end(), problem="front matter is not a list of 'key: value' fields; not read")
    fields = {str(k).strip().lower(): v for k, v in data.items()}
    pick = lambda keys: next((fields[k] for k in keys if fields.get(k) is not None), None)  # noqa: E731
    return FrontMatter(
        end=block.end(),
        tickers=_symbols(pick(_TICKER_KEYS)),
        company=_text(pick(_COMPANY_KEYS)),
        title=_text(pick(_TITLE_KEYS)),
    )


def front_matter_companies(chunks: list[tuple[dict, str]], directory: CompanyDirectory) -> list[Company]:
    """``declared_companies`` from stored chunks' metadata and text: a note whose front matter
    names its ``company`` and whose subject is one ticker declares that pair."""
    declared = [
        (meta["primary_tickers"][0], meta["company"])
        for meta, _ in chunks
        if meta.get("company") and len(meta.get("primary_tickers") or []) == 1
    ]
    return declared_companies(declared, lower_words("\n".join(text for _, text in chunks)), set(directory.companies))
