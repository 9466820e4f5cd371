"""Citable units of a note: the sentences of its prose, and each row of a table or line of a
figure list ("Revenue: $12.4 billion") as one unit, rendered so that it reads on its own.

A table row is rendered with its row label and column headers ("Research and development
[US$ millions] | FY2023: 702 | FY2024: 781"); a figure line with the line introducing its list,
else its section heading ("Backlog by vessel type | Offshore wind vessels: NOK 8.9 billion").
A unit's ``start``/``end`` are the span of its line in the note, so citations highlight the row.

Tables are Markdown pipe tables (a header row, then a ``|---|`` delimiter row) or rows of cells
separated by " | " (how the .docx reader writes tables, the first row taken as the header).
Hand-written: Markdown parsers (markdown-it-py) give a table's cells but not the character
offsets of each row in the note, which citations need, and no parser reads figure lists.

A passage (chunk) may start inside a table or list whose header or lead-in line lies before
it: ``UnitContexts`` gives, for any offset of the note, the lines that set that context (the
chunk's ``preamble``), and ``split_units`` reads them before the passage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from ingest.sentences import Sentence, split_sentences

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25aa]\s+)?")
# "Label: value", "Label - value", "Label\tvalue", "Label ..... value": a label of at most
# _LABEL_WORDS words, then a short value holding a figure.
_FIGURE = re.compile(
    r"^(?P<label>[^\s:|][^:|\t]*?)\s*(?::|\s[\u2013\u2014-]\s|\t+|\s{2,}|\s*\.{3,}\s*)\s*(?P<value>[^|]*?\d[^|]*?)\s*$"
)
_DASHES = {"", "-", "\u2013", "\u2014", "n/a", "\u2212"}
# A first header cell that names units or the table ("US$ millions", "Order intake (NOK million)").
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
_LABEL_WORDS = 10  # a longer "label" is a sentence with a colon in it (a label: 1-8 words)
_VALUE_CHARS = 80  # a longer "value" is prose after a colon (a figure with its unit: 3-40)
_MAX_CONTEXT_CHARS = 100  # a section heading or list lead-in used as context (typical: 15-60)
_NOT_FIGURES = frozenset({"date", "dated", "published", "updated", "source", "page", "pages"})  # note metadata lines


@dataclass
class _State:
    """What the lines read so far say about the next one."""

    heading: str = ""  # the current section heading
    lead: str = ""  # the line that introduced the current list ("Backlog by vessel type:")
    header: list[str] | None = None  # the current table's column headers
    in_table: bool = False
    header_lines: tuple[str, ...] = ()  # the header (and delimiter) lines as written


@dataclass
class _Reader:
    """Reads lines in order, keeping ``_State`` and collecting units."""

    state: _State = field(default_factory=_State)
    units: list[Sentence] = field(default_factory=list)

    def read(self, lines: list[tuple[str, int]], emit: bool = True) -> None:
        for i, (line, start) in enumerate(lines):
            following = lines[i + 1][0] if i + 1 < len(lines) else ""
            self._line(line, start, following, emit)

    def _line(self, line: str, start: int, following: str, emit: bool) -> None:
        s, text = self.state, line.strip()
        if not text:
            s.in_table, s.header, s.header_lines = False, None, ()
            return
        lead = start + len(line) - len(line.lstrip())
        heading = _HEADING.match(line)
        if heading:
            s.heading, s.lead, s.in_table, s.header, s.header_lines = heading.group(1).strip(), "", False, None, ()
            if emit:
                self.units.append(Sentence(text, lead, lead + len(text)))
            return
        if is_table_row(text):
            self._row(text, lead, following, emit)
            return
        s.in_table, s.header, s.header_lines = False, None, ()
        figure = figure_line(text)
        if figure is not None:
            if emit:
                context = s.lead or s.heading
                rendered = f"{context} | {figure}" if context and len(context) <= _MAX_CONTEXT_CHARS else figure
                bullet = len(_BULLET.match(text).group(0))
                self.units.append(Sentence(rendered, lead + bullet, lead + len(text), tabular=True))
            return
        sentences = split_sentences(line, offset=start)
        s.lead = sentences[-1].text.rstrip(":").strip() if text.endswith(":") and sentences else ""
        if emit:
            self.units += sentences

    def _row(self, text: str, start: int, following: str, emit: bool) -> None:
        s = self.state
        if _DELIMITER.match(text):
            s.header_lines += (text,)
            return
        cells = table_cells(text)
        # (a row of labels over a delimiter heads a new table even right after another table's rows:
        # a passage may have lost the blank line between them; a row of figures over one closes its table)
        over_delimiter = bool(_DELIMITER.match(following.strip())) and (not s.in_table or _labels_only(cells))
        starts_table = over_delimiter or (not s.in_table and is_table_row(following.strip()) and not text.startswith("|"))
        s.in_table = True
        if starts_table:
            s.header, s.header_lines = cells, (text,)
            return
        if emit:
            self.units.append(Sentence(render_row(cells, s.header), start, start + len(text), tabular=True))


# A column header naming a period ("FY2024", "Q2 2025", "2024", "H1 '25"): a label, not a figure.
_PERIOD_LABEL = re.compile(r"(?:(?:FY|CY|Q[1-4]|H[12]|[1-4]Q|[1-9]M)\s*)?'?(?:\d{4}|\d{2})?(?:\s+(?:\d{4}))?", re.IGNORECASE)


def _labels_only(cells: list[str]) -> bool:
    """Whether a row's cells past the first hold no figure but period labels: a header row."""
    return not any(re.search(r"\d", c) and not _PERIOD_LABEL.fullmatch(c.strip()) for c in cells[1:])


def is_table_row(text: str) -> bool:
    """A Markdown pipe-table row ("| a | b |") or a row of cells separated by " | "."""
    return text.startswith("|") and text.count("|") >= 2 or " | " in text and len(table_cells(text)) >= 2


def table_cells(text: str) -> list[str]:
    """The cells of a table row, stripped, Markdown emphasis removed."""
    text = text.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(text)]
    return [m.group(2).strip() if (m := _EMPHASIS.match(c)) else c for c in cells]


def render_row(cells: list[str], header: list[str] | None) -> str:
    """A row as "label [table] | column: value | ...", empty cells left out."""
    if not header:
        return " | ".join(c for c in cells if c.lower() not in _DASHES)
    label = cells[0] if cells else ""
    table = header[0] if len(header[0].split()) >= 2 else ""  # "US$ millions", not "Region"
    table = table[1:-1].strip() if table.startswith("(") and table.endswith(")") else table
    parts = [f"{label} [{table}]" if label and table else label or table]
    columns = header[1:] + [""] * max(0, len(cells) - len(header))
    parts += [f"{column}: {value}" if column else value for column, value in zip(columns, cells[1:]) if value.lower() not in _DASHES]
    return " | ".join(p for p in parts if p)


def figure_line(text: str) -> str | None:
    """ "Label: value" for a line that states one figure ("- Revenue: $12.4 billion"), else None."""
    text = text[len(_BULLET.match(text).group(0)) :]
    match = _FIGURE.match(text)
    if match is None:
        return None
    label, value = match.group("label").strip(), match.group("value").strip()
    if len(label.split()) > _LABEL_WORDS or len(value) > _VALUE_CHARS or label.lower() in _NOT_FIGURES:
        return None
    if re.search(r"[.!?]\s", f"{label} {value}") or not re.search(r"[A-Za-z]", label):
        return None
    return f"{label}: {value}"


def _lines(text: str, offset: int) -> list[tuple[str, int]]:
    return [(m.group(0), offset + m.start()) for m in re.finditer(r"[^\n]+", text)]


def split_units(text: str, offset: int = 0, preamble: str = "") -> list[Sentence]:
    """The units of ``text`` (offsets add ``offset``): prose sentences as ``split_sentences``
    gives them, table rows and figure lines rendered (``tabular``). ``preamble``: the lines of
    the note before ``text`` that set its context (``UnitContexts.at``)."""
    reader = _Reader()
    reader.read(_lines(preamble, 0), emit=False)
    reader.read(_lines(text, offset))
    return reader.units


class UnitContexts:
    """For each offset of a note's body, the lines before it that set the context of the units
    after it: its section heading, the lead-in of a list it is inside, the header of a table
    it is inside. Read once over the body; ``at`` is a lookup."""

    def __init__(self, text: str, start: int = 0, end: int | None = None):
        reader = _Reader()
        lines = _lines(text[start:end], start)
        self._ends: list[int] = []
        self._states: list[_State] = []
        for i, (line, position) in enumerate(lines):
            following = lines[i + 1][0] if i + 1 < len(lines) else ""
            reader._line(line, position, following, emit=False)
            self._ends.append(position + len(line))
            self._states.append(replace(reader.state))

    def at(self, offset: int) -> str:
        """The preamble of a passage starting at ``offset``: "" when nothing before it matters."""
        index = bisect_right(self._ends, offset) - 1
        if index < 0:
            return ""
        s = self._states[index]
        lines = [f"## {s.heading}"] if s.heading else []
        lines += [f"{s.lead}:"] if s.lead else []
        lines += list(s.header_lines) if s.in_table else []
        return "\n".join(lines)
