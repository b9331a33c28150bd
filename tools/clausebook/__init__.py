"""clausebook: company policies as YAML clauses in git, adapted per jurisdiction."""

from __future__ import annotations

__version__ = "0.1.0"
