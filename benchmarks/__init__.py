"""Benchmarks: synthetic corpora (`generate`) and the timing harness (`python -m benchmarks`)."""
