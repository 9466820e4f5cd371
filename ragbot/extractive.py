"""The default answerer's historical import path; the stages live in ``ragbot.answering``."""

from ragbot.answering.answerer import ExtractiveAnswerer
from ragbot.answering.composition import NOT_FOUND

__all__ = ["NOT_FOUND", "ExtractiveAnswerer"]
