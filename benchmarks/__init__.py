"""Benchmark scripts for ragbot; run them from the repo root, e.g. ``.venv/bin/python benchmarks/ingest.py --help``."""
