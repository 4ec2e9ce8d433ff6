"""Benchmark: boilerstrip against the anchor extractors (python -m benchmarks.run)."""
