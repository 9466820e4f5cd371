"""Figures in text (amounts, percentages, multiples, counts) and whether a claimed figure is
stated in, or recomputed from, the figures of its sources.

Hand-written: quantity parsers on PyPI (quantulum3, pint) read physical units, not "RMB 39.8
billion", "9.1%" or "8-10x", and none checks a figure against derived values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations

_SCALES = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
}
_FIGURE = re.compile(
    r"(?<![\w.\-/])(?P<currency>US\$|[$€£¥]|RMB\s?|HK\$\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d+))?"
    r"(?:\s?(?P<unit>%|percent\b|per cent\b|percentage points?\b|pp\b|points?\b|bps\b|basis points\b|x\b|times\b"
    r"|trillion\b|billion\b|million\b|thousand\b|tn\b|bn\b|mn\b|[kKmMbB]\b))?(?![\w%])"
)


@dataclass(frozen=True)
class Figure:
    """A figure as written: ``number`` (39.8) times ``scale`` (1e9) is its value, in ``kind``
    ("percent", "points", "multiple", "amount" or "number"); ``decimals`` as written (0..)."""

    text: str
    number: float
    scale: float
    kind: str
    decimals: int

    @property
    def value(self) -> float:
        return self.number * self.scale


def _kind(unit: str, currency: str | None) -> tuple[str, float]:
    unit = unit.lower()
    if unit in ("%", "percent", "per cent"):
        return "percent", 1.0
    if unit in ("bps", "basis points"):
        return "points", 0.01
    if unit.startswith(("percentage point", "point")) or unit == "pp":
        return "points", 1.0
    if unit in ("x", "times"):
        return "multiple", 1.0
    if unit in _SCALES:
        return "amount", _SCALES[unit]
    return ("amount" if currency else "number"), 1.0


def figures(text: str) -> list[Figure]:
    """Every figure in ``text`` except bare years (1900-2099, periods are checked as periods)."""
    found = []
    for match in _FIGURE.finditer(text):
        number = float(match["number"].replace(",", "") + (f".{match['decimals']}" if match["decimals"] else ""))
        kind, scale = _kind(match["unit"] or "", match["currency"])
        if kind == "number" and not match["decimals"] and 1900 <= number <= 2099:
            continue
        found.append(Figure(match.group(0).strip(), number, scale, kind, len(match["decimals"] or "")))
    return found


# Which kinds of source figure a claimed figure of each kind may restate.
_SAME = {
    "percent": {"percent"}, "points": {"points", "percent"}, "multiple": {"multiple", "number"},
    "amount": {"amount", "number"}, "number": {"number", "amount", "multiple", "percent"},
}


# Which kinds of source figures a claimed difference of each kind may come from.
_DIFFERENCE_OF = {"points": {"percent", "points"}, "amount": {"amount"}, "number": {"number", "amount"}}


def _matches(claim: Figure, value: float) -> bool:
    """``value`` written at the claim's scale and precision is the claim ("about 9%" for 9.1%)."""
    return abs(round(value / claim.scale, claim.decimals) - claim.number) < 1e-9


def _derived(claim: Figure, sources: list[Figure]) -> bool:
    """``claim`` is a difference of two source figures of its kind ("up 0.3 points", "$0.4
    billion more"), a percentage change of two amounts, or a multiple of two amounts.
    Only these: every extra operation is another way for an invented figure to match by chance."""
    for a, b in permutations(sources, 2):
        if a.kind != b.kind or b.value == 0:
            continue
        if a.kind in _DIFFERENCE_OF.get(claim.kind, ()) and _matches(claim, abs(a.value - b.value)):
            return True
        if a.kind == "amount" and claim.kind == "percent":
            if _matches(claim, abs(a.value - b.value) / abs(b.value) * 100):
                return True
        if a.kind == "amount" and claim.kind == "multiple" and _matches(claim, a.value / b.value):
            return True
    return False


def supported_figure(claim: Figure, sources: list[Figure]) -> bool:
    """Whether a source states ``claim`` (rounding allowed) or it is recomputed from two of them."""
    stated = any(s.kind in _SAME[claim.kind] and _matches(claim, s.value) for s in sources)
    return stated or _derived(claim, sources)


def unsupported_figures(claim_text: str, source_text: str) -> list[str]:
    """The figures of ``claim_text`` that ``source_text`` neither states nor lets one recompute."""
    sources = figures(source_text)
    return [f.text for f in figures(claim_text) if not supported_figure(f, sources)]
