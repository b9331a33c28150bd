"""What this run measures: how many runs, which commands to skip, whether peers may be sampled."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Plan:
    runs: int
    full_peers: bool
    skip: set[str]
    jsonschema_problem: str | None
