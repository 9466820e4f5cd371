"""Generative answers: an LLM writes, the verifier checks every sentence against its passages."""

from __future__ import annotations

from functools import partial

from ingest import TickerResolver
from ragbot.extractive import ExtractiveAnswerer
from ragbot.generative.answerer import GenerativeAnswerer
from ragbot.generative.llm import chat_model
from ragbot.generative.prompts import citation_grammar
from ragbot.generative.verifier import Verifier
from ragbot.rerank import cross_encoder
from ragbot.settings import Settings


def build_answerer(settings: Settings, extractive: ExtractiveAnswerer, resolver: TickerResolver, **request) -> GenerativeAnswerer:
    """The generative answerer ``settings`` configure, over ``extractive``'s ranking (and its
    cross-encoder, shared with the verifier); ``request`` adds fields to every LLM request."""
    reranker = extractive.reranker or cross_encoder(settings)
    verifier = Verifier(
        reranker, resolver, threshold=settings.support_threshold, preselect=settings.support_preselect,
        batch_size=settings.support_batch_size,
    )
    return GenerativeAnswerer(
        extractive, chat_model(settings, **request), verifier, passages=settings.llm_passages,
        timeout=settings.llm_timeout, show_unverified=settings.show_unverified, name=settings.llm_model or "LLM",
        grammar=partial(citation_grammar, sentences=settings.llm_grammar_sentences, chars=settings.llm_grammar_chars)
        if settings.llm_grammar else None,
    )


__all__ = ["GenerativeAnswerer", "Verifier", "build_answerer"]
