"""The load benchmark's accounting (benchmarks/load.py, docs/team.md "Load"): what counts as an
error, which asks the latency figures cover, and answers per replica."""

from __future__ import annotations

import importlib

import pytest
from conftest import REPO


@pytest.fixture
def load(monkeypatch):
    """benchmarks/load.py (not installed: the repository root goes first on the path while the test
    runs, which is also where the script puts its own ``sys.path[0]``)."""
    monkeypatch.syspath_prepend(str(REPO))
    return importlib.import_module("benchmarks.load")


def test_a_failure_and_a_late_answer_are_errors_and_only_answers_have_latencies(load):
    Ask = load.Ask
    asks = [
        Ask(0, "factual", "r0", 1.0, found=True),
        Ask(1, "risk", "r1", 3.0, found=True),
        Ask(0, "factual", "r0", 31.0, found=True),  # answered, but after the 30 s bound
        Ask(1, "risk", "r1", 0.5, "app error: store unavailable"),  # failed fast: no latency
        Ask(2, "-", None, 300.0, "abandoned"),
    ]
    overall = load.summarize(asks)
    assert overall == {"asks": 5, "answered": 3, "found": 3, "errors": 3, "failed": 2, "slow": 1,
                       "p50_ms": 3000.0, "p95_ms": 28200.0, "max_ms": 31000.0}
    assert not load.is_error(Ask(0, "factual", "r0", 30.0))  # the bound itself is still in time
    replicas = load.by(asks, "replica")
    assert list(replicas) == ["None", "r0", "r1"]
    assert (replicas["r0"]["answered"], replicas["r0"]["errors"]) == (2, 1)
    assert (replicas["r1"]["answered"], replicas["r1"]["errors"], replicas["r1"]["max_ms"]) == (1, 1, 3000.0)
    assert load.summarize([Ask(0, "factual", "r0", 1.0, "ReadTimeout")]) == {"asks": 1, "answered": 0, "found": 0, "errors": 1, "failed": 1, "slow": 0}
