"""Make any question safe to answer: valid Unicode, a bounded length, and something to ask.

Called by ``Ragbot.ask``/``Ragbot.search`` and by the CLI and web entry points before they
show a question. Nothing here raises: bad input becomes a notice or a prompt to ask something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragbot.answer import Answer
from vectorstore.lexical import query_terms

PROMPT = (
    "Ask me something about your notes: name a company, a topic or both "
    '(for example, "What are the main risks to cloud growth?").'
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W_]")
# Markup pasted into a question ("<script>...</script>", "<b>"): an element and what a script or
# style element holds say nothing about the notes.
_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.IGNORECASE | re.DOTALL)
# Search-engine operators typed in capitals are syntax, not a topic ("NEAR(", "AND").
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Words of a message that asks nothing: greetings, thanks, acknowledgements and their fillers.
# A message made only of them ("hello", "thanks!", "ok, thank you very much") gets the prompt,
# never a follow-up on the last question (which would repeat its answer as if asked again).
_SOCIAL = frozenset(
    "hello hi hey hiya greetings thanks thank thx ty cheers ok okay great cool nice perfect awesome "
    "bye goodbye good morning afternoon evening night you very much so a lot all there again".split()
)
_CUT_SLACK = 0.8  # cut at the last space in the final 20% of the limit, else mid-word (0-1)


@dataclass(frozen=True)
class QuestionInput:
    """A cleaned question. ``answerable`` is false when it has nothing to ask about;
    ``notices`` say what was changed (they are shown with the answer)."""

    text: str
    answerable: bool
    notices: tuple[str, ...] = ()


def clean_text(text: str) -> tuple[str, int]:
    """``text`` as valid Unicode without control characters, and how many characters were
    invalid. Bytes that reached a ``str`` through ``surrogateescape`` (command-line arguments)
    are decoded as UTF-8 where they form it; anything else invalid becomes U+FFFD."""
    if not isinstance(text, str):
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text or "")
    invalid = len(_SURROGATE.findall(text))
    if invalid:
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # surrogates that did not come from bytes ("\ud800" in JSON)
            text = _SURROGATE.sub("\ufffd", text)
        invalid = text.count("\ufffd")
    return _CONTROL.sub(" ", text), invalid


def is_social(text: str) -> bool:
    """Whether ``text`` is only a greeting, thanks or acknowledgement (``_SOCIAL`` words)."""
    words = [w.strip(".,;:!?()\"'*-").lower() for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and all(w in _SOCIAL for w in words)


def has_content(text: str, follows_up: bool = False) -> bool:
    """Whether ``text`` asks about something: a content word (not a stop word or a capitalised
    search operator); in a conversation, any word (a follow-up such as "why?"). A message that
    is only social ("thanks!") asks nothing, in a conversation or not."""
    if is_social(text):
        return False
    if follows_up:
        return bool(_WORD.search(text))
    words = " ".join(w for w in text.split() if w.strip("()\"'*:") not in _OPERATORS)
    return bool(query_terms(words))


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space when one is near the end."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", int(limit * _CUT_SLACK), limit + 1)
    return text[: space if space > 0 else limit].rstrip()


def prepare_question(raw: str | bytes | None, max_chars: int, history: list[dict] | None = None) -> QuestionInput:
    """Clean ``raw``: replace invalid Unicode, leave out HTML markup (with a notice), cut it to
    ``max_chars`` (with a notice), and judge whether it asks anything."""
    text, invalid = clean_text(raw)
    text, tags = _MARKUP.subn(" ", text)
    text = re.sub(r"\s{2,}", " ", text).strip() if tags else text.strip()
    notices = ["The markup in your question was left out."] if tags else []
    if invalid:
        many = invalid > 1
        notices.append(
            f"{invalid} character{'s' if many else ''} of your question could not be read and {'were' if many else 'was'} replaced."
        )
    if len(text) > max_chars:
        notices.append(
            f"Your question was {len(text):,} characters long; only its first {max_chars:,} were used "
            "(RAGBOT_MAX_QUESTION_CHARS)."
        )
        text = cut(text, max_chars)
    return QuestionInput(text, has_content(text, follows_up=bool(history)), tuple(notices))


def clean_history(history: list[dict] | None) -> list[dict] | None:
    """Conversation messages with their text cleaned like a question's (not cut)."""
    if not history:
        return history
    return [{**m, "content": clean_text(m.get("content") or "")[0]} for m in history]


def prompt_answer(question: QuestionInput) -> Answer:
    """The reply to a question with nothing to ask: a prompt, not found, no citations."""
    return Answer(text=PROMPT, found=False, notices=list(question.notices))
