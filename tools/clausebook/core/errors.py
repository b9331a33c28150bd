"""The one exception the core raises when a command cannot run at all.

Problems with the *input* (a bad clause, a broken overlay) are not exceptions:
they are `Problem` records collected and reported together. `UsageError` is
for the cases DESIGN.md gives exit code 2: not a clausebook repository, an
unknown git revision, a jurisdiction or clause named on the command line that
does not exist.
"""

from __future__ import annotations


class UsageError(Exception):
    """The command cannot run; the CLI prints the message and exits 2."""
