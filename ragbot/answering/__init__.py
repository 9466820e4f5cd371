"""The default answer path as named stages (see docs/answering.md):

routing (``ragbot/routing.py``) -> retrieval (``ragbot/retrieval.py``) -> candidates ->
features -> scoring -> relevance (cross-encoder, when on) -> gate -> selection -> composition.

Each stage is a module here with one job, taking and returning frozen dataclasses;
``answerer.ExtractiveAnswerer`` runs them. Kept free of imports so that ``ragbot.settings``
can import ``answering.settings`` without loading the stages.
"""
