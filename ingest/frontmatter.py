"""A note's YAML front matter: the ``---`` block at the top of a Markdown or text note, read
with PyYAML (``yaml.safe_load``). Its ``ticker``/``tickers``/``symbol`` and ``company`` say what
the note is about, ``title`` names it; its ``date`` is read by ``ingest.dates``.

The block is metadata, not text: the note's body starts after it, so it is never embedded,
searched or cited. A block that is not valid YAML is still left out of the body, and reported;
its "key: value" lines are still read (a colon inside a title is the usual fault).
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
    problem = None
    try:
        data = yaml.safe_load(block.group(1))
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:  # "date: 2025-13-45" is a ValueError
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        data = _plain_fields(block.group(1))
        if not data:
            return FrontMatter(block.end(), problem=f"front matter is not valid YAML{where}; its fields were not read")
        problem = f"front matter is not valid YAML{where}; its fields were read line by line as 'key: value'"
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
        problem=problem,
    )


# One "key: value" line of a block YAML refuses, most often for a colon inside a value ("title:
# Annual Report 2025, Divisional review: Penfolds"). Hand-written: PyYAML has no lenient mode.
_PLAIN_FIELD = re.compile(r"^[ \t]*([A-Za-z][\w ]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _plain_fields(block: str) -> dict[str, str]:
    """The "key: value" lines of a front-matter block YAML cannot read, each value the text after
    its key's first colon on its line (quotes off); empty when no ticker, company or title key is
    among them (lists and nested fields are not read)."""
    fields = {m.group(1).strip().lower(): m.group(2).strip("'\"") for m in _PLAIN_FIELD.finditer(block)}
    known = {*_TICKER_KEYS, *_COMPANY_KEYS, *_TITLE_KEYS}
    return {k: v for k, v in fields.items() if v} if known & fields.keys() else {}


def front_matter_pair(company: str | None, primary: list[str] | tuple[str, ...] | None) -> tuple[str, str] | None:
    """The ``(ticker, name)`` a note declares by its front matter: its ``company`` when the note
    is about one ticker (which of several the name is cannot be told); None otherwise."""
    return (primary[0], company) if company and primary and len(primary) == 1 else None


def front_matter_companies(chunks: list[tuple[dict, str]], directory: CompanyDirectory) -> list[Company]:
    """``declared_companies`` from stored chunks' metadata and text (``front_matter_pair``)."""
    declared = [pair for meta, _ in chunks if (pair := front_matter_pair(meta.get("company"), meta.get("primary_tickers")))]
    return declared_companies(declared, lower_words("\n".join(text for _, text in chunks)), set(directory.companies))
