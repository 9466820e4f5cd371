"""Answers and conversations as Markdown (copy, export) and as PDF (export).

An answer's Markdown is its text followed by its numbered sources: note, tickers, date and
the quoted sentence each ``[n]`` stands for; a conversation adds each question, the filter it
was asked under and the answerer that wrote the answer.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fpdf import FPDF

from ragbot.answer import Answer
from ragbot.conversations import Turn
from ragbot.web.render import shown

PDF_FONT_PT = 10.5  # body text size (9-12 prints well on A4)
PDF_MARGIN_MM = 18
_ASCII_FOR = str.maketrans({"\u2014": "--", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u00b7": "-"})


def answerer_label(answer: Answer) -> str:
    """Who wrote ``answer``, for the line under it; a "not found" reply quotes nothing as an answer."""
    if not answer.found:
        return "not found in the notes"
    return {"extractive": "quoted from the notes", "generative": "written by the LLM, each sentence checked"}.get(answer.answerer, answer.answerer)


def answer_markdown(turn: Turn) -> str:
    """The answer with its numbered sources, as the page's copy button puts it on the clipboard."""
    answer = turn.answer
    lines = [*(f"> **Note:** {n}" for n in answer.notices), *([""] if answer.notices else [])]
    lines.append(answer.text if answer.found else f"**Not found in your notes.** {answer.text}")
    sources = shown(answer)
    if sources:
        lines += ["", "**Sources**" if answer.found else "**Possibly related**", ""]
        for c in sources:
            facts = " \u00b7 ".join(part for part in (", ".join(c.tickers), c.date, f"p. {c.page}" if c.page else None) if part)
            quoted = " ".join(c.sentence.split())
            lines.append(f"{c.n}. `{c.source}`" + (f" ({facts})" if facts else "") + f"  \n   > {quoted}")
    return "\n".join(lines)


def inert(text: str) -> str:
    """``text`` as Markdown that shows it as typed: angle brackets escaped (CommonMark backslash
    escapes), so a question with ``<b>`` in it is no HTML in a Markdown viewer."""
    return re.sub(r"([<>])", r"\\\1", text)


def conversation_markdown(title: str, turns: list[Turn]) -> str:
    """The whole conversation: each question, its filter and answerer, the answer and its sources."""
    parts = [f"# {inert(title)}"]
    for i, turn in enumerate(turns, 1):
        parts.append(
            f"## {i}. {inert(turn.question)}\n\n*Filter: {turn.filter.describe()} \u00b7 answer {answerer_label(turn.answer)}*\n\n"
            + answer_markdown(turn)
        )
    return "\n\n".join(parts) + "\n"


def _latin1(text: str) -> str:
    """fpdf2's built-in fonts cover Latin-1 only; bundling a Unicode TTF (or relying on the
    system's fonts) is what the export avoids, so other characters become their closest
    ASCII form or ``?``."""
    text = unicodedata.normalize("NFKC", text).translate(_ASCII_FOR)
    return text.encode("latin-1", "replace").decode("latin-1")


def _inline(text: str) -> str:
    return re.sub(r"\*\*|`|^> ?|\\(?=[<>])", "", text)


def conversation_pdf(title: str, turns: list[Turn], path: Path) -> Path:
    """The conversation's Markdown laid out as a PDF at ``path`` (fpdf2, no system libraries)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(PDF_MARGIN_MM, PDF_MARGIN_MM)
    pdf.set_auto_page_break(True, PDF_MARGIN_MM)
    pdf.set_title(_latin1(title))
    pdf.add_page()
    for line in conversation_markdown(title, turns).splitlines():
        size, style, text = PDF_FONT_PT, "", line.rstrip()
        if text.startswith("# "):
            size, style, text = PDF_FONT_PT * 1.6, "B", text[2:]
        elif text.startswith("## "):
            size, style, text = PDF_FONT_PT * 1.25, "B", text[3:]
        elif text.startswith("*") and text.endswith("*") and not text.startswith("**"):
            style, text = "I", text.strip("*")
        elif text.lstrip().startswith(">"):
            style, text = "I", "    " + text.lstrip()[1:].strip()
        pdf.set_font("Helvetica", style, size)
        if not text:
            pdf.ln(size * 0.4)
            continue
        pdf.multi_cell(0, size * 0.5, _latin1(_inline(text)), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
