"""HTML for the chat page: answers, source cards, the note viewer and ingest reports.

Everything that comes from a note or a user is escaped here; nothing else in the web app
builds HTML. Citation keys are ``"<turn>-<n>"``: marker ``[n]`` of the answer to question
``turn`` of the conversation.
"""

from __future__ import annotations

import re
from html import escape

from ingest import LoadFailure
from ingest.prose import prose_sentences
from ragbot.answer import Answer, Citation
from ragbot.reports import IngestReport
from ragbot.sentiment.compose import plural

_MARKER = re.compile(r"\[(\d+)\]")
_PIECE_END = re.compile(r"(?<=\d\])\s+|(?<=\d\]\.)\s+")
_TONE_BOUND = 0.15  # the notes' own scale: within +-0.15 is "neutral"


def shown(answer: Answer) -> list[Citation]:
    """What an answer's markers point to: its citations, or the possibly related passages."""
    return answer.citations or answer.related


def pieces(text: str) -> list[str]:
    """``text`` cut after each run of ``[n]`` markers: the sentence-by-sentence stream of an answer."""
    return [p for p in _PIECE_END.split(text) if p]


def cite_key(turn: int, n: int) -> str:
    return f"{turn}-{n}"


def parse_cite_key(key: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d+)-(\d+)", str(key))
    return (int(match[1]), int(match[2])) if match else None


def sentiment_tone(label: str | None, score: float | None) -> str:
    """``positive``, ``negative`` or ``neutral``: the badge colour of a note's sentiment."""
    if label:
        return next((tone for tone in ("positive", "negative") if tone in label.lower()), "neutral")
    if score is None or abs(score) < _TONE_BOUND:
        return "neutral"
    return "positive" if score > 0 else "negative"


def sentiment_badge(label: str | None, score: float | None) -> str:
    if label is None and score is None:
        return '<span class="rb-badge rb-neutral">no sentiment</span>'
    text = " ".join(part for part in (label, f"{score:+.2f}" if score is not None else None) if part)
    return f'<span class="rb-badge rb-{sentiment_tone(label, score)}">{escape(text)}</span>'


def marker_html(c: Citation, turn: int) -> str:
    """Marker ``[n]`` as a link that opens its citation."""
    return f'<a class="rb-cite" href="#cite-{cite_key(turn, c.n)}" title="{escape(c.source)}">[{c.n}]</a>'


def with_markers(text: str, citations: list[Citation], turn: int) -> str:
    """Escaped ``text`` whose ``[n]`` markers link to their citation (unknown numbers stay text)."""
    by_number = {c.n: c for c in citations}
    out, last = [], 0
    for match in _MARKER.finditer(text):
        if int(match[1]) in by_number:
            out += [escape(text[last : match.start()]), marker_html(by_number[int(match[1])], turn)]
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def answer_html(answer: Answer, turn: int) -> str:
    """An answer as a chat message; "not found" answers are boxed and list the related passages."""
    body = "".join(f'<p class="rb-notice">{escape(n)}</p>' for n in answer.notices)
    body += f"<p>{with_markers(answer.text, shown(answer), turn)}</p>"
    body += answerer_html(answer)
    if answer.found:
        return f'<div class="rb-answer">{body}</div>'
    related = "".join(
        f'<li>{escape(c.sentence)} {marker_html(c, turn)} <span class="rb-muted">{escape(c.source)}</span></li>'
        for c in answer.related
    )
    related_block = f'<p class="rb-related-label">Possibly related</p><ul>{related}</ul>' if related else ""
    return (
        '<div class="rb-notfound"><p class="rb-notfound-label">Not found in your notes</p>'
        f"{body}{related_block}</div>"
    )


def user_html(text: str) -> str:
    """A user's question as a chat message."""
    return f'<p class="rb-question">{escape(text)}</p>'


def answerer_html(answer: Answer) -> str:
    """Which answerer answered (generated answers only: quoting is the default)."""
    if answer.answerer != "generative":
        return ""
    dropped = sum(not s.verified for s in answer.sentences)
    label = "Written by the LLM; every sentence checked against its passage" + (f" ({dropped} not verified)" if dropped else "")
    return f'<span class="rb-muted rb-answerer"><br>{escape(label)}</span>'



def writing_html() -> str:
    return '<p class="rb-muted rb-writing">writing\u2026</p>'


def thinking_html() -> str:
    return '<div class="rb-answer rb-thinking"><p>Searching your notes\u2026</p></div>'


def highlight(text: str, outer: tuple[int, int], *inner: tuple[int, int]) -> str:
    """Escaped ``text`` with ``text[outer]`` in a highlight span and each ``inner`` span (inside
    it, in order, not overlapping) in ``<mark>``."""
    a = min(max(0, outer[0]), len(text))
    d = min(max(a, outer[1]), len(text))
    out, at = [f'{escape(text[:a])}<span class="rb-passage-hl">'], a
    for span in sorted(inner):
        b, c = sorted(min(max(at, i), d) for i in span)
        out.append(f"{escape(text[at:b])}<mark>{escape(text[b:c])}</mark>")
        at = c
    return "".join(out) + f'{escape(text[at:d])}</span>{escape(text[d:])}'


def prose_span(text: str, offset: int, keep: tuple[int, int]) -> tuple[int, int]:
    """The span of ``text`` (at note offset ``offset``) from its first to its last prose sentence,
    widened to ``keep``: a passage's ``Date:`` line or front matter is never highlighted."""
    sentences = prose_sentences(text, offset)
    if not sentences:
        return keep
    return min(sentences[0].start - offset, keep[0]), max(sentences[-1].end - offset, keep[1])


def meta_html(c: Citation) -> str:
    """Tickers, sentiment badge and date of a citation's note, and the cited page if paged."""
    tickers = "".join(f'<span class="rb-ticker">{escape(t)}</span>' for t in c.tickers)
    date = f'<span class="rb-date">{escape(c.date)}</span>' if c.date else ""
    page = f'<span class="rb-page">p. {c.page}</span>' if c.page else ""
    return f'<div class="rb-meta">{tickers}{sentiment_badge(c.sentiment_label, c.sentiment_score)}{date}{page}</div>'


def passages(citations: list[Citation]) -> list[list[Citation]]:
    """Citations grouped by the passage they quote (in order of first marker): one card each."""
    groups: dict[tuple[str, int, str], list[Citation]] = {}
    for c in citations:
        groups.setdefault((c.source, c.passage_start, c.text), []).append(c)
    return list(groups.values())


def card_html(citations: list[Citation], turn: int, active: int | None = None) -> str:
    """One source card for a passage: note name, meta, and the passage with every sentence its
    markers cite marked (the passage's metadata lines left out). A click opens marker ``active``
    when it is one of the card's, else its first."""
    first = citations[0]
    opens = next((c for c in citations if c.n == active), None)
    marks = sorted({(c.start - first.passage_start, c.end - first.passage_start) for c in citations})
    a, d = prose_span(first.text, first.passage_start, (marks[0][0], marks[-1][1]))
    shown_text = first.text[a:d]
    passage = highlight(shown_text, (0, len(shown_text)), *((b - a, c - a) for b, c in marks))
    numbers = "".join(f'<span class="rb-num">[{c.n}]</span>' for c in citations)
    keys = " ".join(cite_key(turn, c.n) for c in citations)
    label = ", ".join(str(c.n) for c in citations)
    classes = "rb-card rb-active" if opens else "rb-card"
    return (
        f'<div class="{classes}" data-cites="{keys}" data-cite="{cite_key(turn, (opens or first).n)}" role="button" tabindex="0"'
        f' title="Open the whole note" aria-label="Open source {label}, {escape(first.source)}, in its note">'
        f'<div class="rb-card-head"><span class="rb-nums">{numbers}</span>'
        f'<span class="rb-source">{escape(first.source)}</span></div>'
        f'{meta_html(first)}<p class="rb-passage">{passage}</p></div>'
    )


def count_text(citations: list[Citation], cards: int) -> str:
    """ "4 sources from 3 notes", and how many passages when two markers share one."""
    notes = len({c.source for c in citations})
    text = f"{plural(len(citations), 'source')} from {plural(notes)}"
    return text + (f" \u00b7 {plural(cards, 'passage')}" if cards != len(citations) else "")


def sources_html(answer: Answer | None, turn: int = 0, active: int | None = None) -> str:
    """The sources panel: how many sources from how many notes, then a card per cited passage
    (or per related passage when not found)."""
    if answer is None:
        return (
            '<div class="rb-panel-empty"><p class="rb-panel-title">Sources</p>'
            "<p>Ask a question: every [n] in the answer gets a card here. "
            "Click a marker or a card to read the passage inside its note.</p></div>"
        )
    citations = shown(answer)
    if not citations:
        return '<div class="rb-panel-empty"><p class="rb-panel-title">Sources</p><p>No passages to show.</p></div>'
    title = "Sources" if answer.found else "Possibly related"
    groups = passages(citations)
    cards = "".join(card_html(g, turn, active) for g in groups)
    return (
        f'<div class="rb-sources"><p class="rb-panel-title">{title}</p>'
        f'<p class="rb-sources-count">{count_text(citations, len(groups))}</p>{cards}</div>'
    )


def locate(note: str, c: Citation) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Spans of the passage and the cited sentence in ``note``; searched for if the note changed."""
    if note[c.start : c.end] == c.sentence and note[c.passage_start : c.passage_start + len(c.text)] == c.text:
        return (c.passage_start, c.passage_start + len(c.text)), (c.start, c.end)
    passage_at, sentence_at = note.find(c.text), note.find(c.sentence)
    if sentence_at < 0:
        return None
    passage = (passage_at, passage_at + len(c.text)) if passage_at >= 0 else (sentence_at, sentence_at + len(c.sentence))
    return passage, (sentence_at, sentence_at + len(c.sentence))


def note_html(c: Citation, note: str) -> str:
    """The whole note with the cited passage highlighted and its sentence marked."""
    spans = locate(note, c)
    if spans is None:
        body = '<p class="rb-muted">This note changed since the answer; the cited passage is no longer in it.</p>'
    else:
        (a, d), sentence = spans
        lead, end = prose_span(note[a:d], a, (sentence[0] - a, sentence[1] - a))
        body = f'<div class="rb-note-text">{highlight(note, (a + lead, a + end), sentence)}</div>'
    return (
        f'<div class="rb-note"><p class="rb-panel-title">Note</p><div class="rb-note-head"><span class="rb-num">[{c.n}]</span>'
        f'<span class="rb-source">{escape(c.source)}</span></div>{meta_html(c)}{body}</div>'
    )


def note_placeholder_html() -> str:
    return '<div class="rb-panel-empty"><p class="rb-panel-title">Note</p><p>Click a citation to open its note here.</p></div>'


def _names(title: str, names: list[str]) -> str:
    if not names:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in names)
    return f'<details><summary>{escape(title)} ({len(names)})</summary><ul>{items}</ul></details>'


def _issues(title: str, issues: list[LoadFailure]) -> str:
    if not issues:
        return ""
    items = "".join(f"<li><b>{escape(i.path)}</b>: {escape(i.error)}</li>" for i in issues)
    return f'<p class="rb-issues-title">{escape(title)}</p><ul class="rb-issues">{items}</ul>'


def report_html(report: IngestReport) -> str:
    """Counts per outcome, the notes behind each, and every failure with its reason."""
    counts = {name: len(getattr(report, name)) for name in ("added", "updated", "unchanged", "deleted", "failed")}
    tiles = "".join(
        f'<div class="rb-count rb-count-{name}"><b>{count}</b><span>{name}</span></div>' for name, count in counts.items()
    )
    return (
        f'<div class="rb-report"><div class="rb-counts">{tiles}</div>'
        f'{_issues("Failed", report.failed)}{_issues("Warnings", report.warnings)}'
        f'{_names("Added", report.added)}{_names("Updated", report.updated)}{_names("Deleted", report.deleted)}</div>'
    )


def brand_html(summary: str) -> str:
    """The page title with what the store holds."""
    return (
        '<div class="rb-brand"><h1>ragbot</h1><p>Answers from your research notes, every sentence cited.</p>'
        f'<p class="rb-summary">{escape(summary)}</p></div>'
    )


def message_html(text: str, error: bool = False) -> str:
    """A one-line status message (escaped)."""
    return f'<p class="rb-status{" rb-error" if error else ""}">{escape(text)}</p>'
