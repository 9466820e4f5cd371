"""The chat model behind generative answers: any OpenAI-compatible endpoint (Ollama, vLLM,
llama.cpp's server, LM Studio, OpenAI) through ``langchain-openai``."""

from __future__ import annotations

from urllib.parse import urlparse

from langchain_core.language_models import BaseChatModel

from ragbot.settings import Settings
from ragbot.web.auth import is_loopback


def chat_model(settings: Settings, **extra) -> BaseChatModel:
    """``ChatOpenAI`` on ``settings.llm_base_url``; ``extra`` goes to the request body (e.g. a
    llama.cpp ``grammar``). No retries: a failure falls back to the extractive answer at once."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key or "not-needed",  # local servers take any key; SecretStr is kept secret
        timeout=settings.llm_timeout,
        max_retries=0,
        max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature,
        streaming=True,
        extra_body=extra or None,
    )


def is_loopback_url(url: str) -> bool:
    """Whether ``url`` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    return is_loopback(urlparse(url).hostname or "")


def privacy_notice(settings: Settings) -> str | None:
    """The one-line warning to show when passages would leave the machine, else None."""
    if not settings.generative or is_loopback_url(settings.llm_base_url or ""):
        return None
    host = urlparse(settings.llm_base_url).hostname
    return f"Passages from your notes are sent to {host} to write answers (RAGBOT_LLM_BASE_URL is not on this machine)."
