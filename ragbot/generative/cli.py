"""What the command line says about the LLM before answering."""

from __future__ import annotations

import typer
from rich.console import Console

from ragbot.generative.llm import privacy_notice
from ragbot.settings import Settings


def check_llm(settings: Settings, errors: Console) -> None:
    """Exit 2 if ``--llm`` was asked for without an LLM configured; say (once, on stderr) when
    passages will leave the machine."""
    if settings.llm and not settings.generative and "llm" in settings.model_fields_set:
        errors.print("--llm needs RAGBOT_LLM_BASE_URL and RAGBOT_LLM_MODEL (see docs/generative.md)")
        raise typer.Exit(2)
    notice = privacy_notice(settings)
    if notice:
        errors.print(f"note: {notice}", markup=False, highlight=False)
