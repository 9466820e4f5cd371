#!/usr/bin/env bash
# Install, ingest the bundled sample notes, and open the chat at http://127.0.0.1:7860
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do  # help first, before any install
  if [ "$arg" = "--help" ] || [ "$arg" = "-h" ]; then
    echo "Usage: scripts/start.sh [OPTIONS]: install, ingest examples/notes, then 'ragbot serve [OPTIONS]' (e.g. --port 7861)."
    if [ -x .venv/bin/ragbot ]; then exec .venv/bin/ragbot serve --help; fi
    exit 0
  fi
done
./scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TRANSFORMERS_VERBOSITY=error
.venv/bin/ragbot ingest examples/notes || echo "some notes could not be ingested (listed above); starting anyway" >&2
exec .venv/bin/ragbot serve "$@"
