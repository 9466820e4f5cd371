#!/usr/bin/env bash
# Install, ingest the bundled sample notes, and open the chat at http://127.0.0.1:7860
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TRANSFORMERS_VERBOSITY=error
.venv/bin/ragbot ingest examples/notes || echo "some notes could not be ingested (listed above); starting anyway" >&2
exec .venv/bin/ragbot serve "$@"
