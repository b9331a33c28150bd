"""Problems as text (one a line, like a compiler) or as JSON.

`format_text` prints `path:line:column: severity CODE message` per problem;
`format_json` prints `[{"path", "line", "column", "severity", "code",
"message"}]`, as the contract says (the hint stays out of it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from clausebook.core.problems import Problem
from clausebook.outputs.terminal import one_line


def format_text(problems: Sequence[Problem]) -> str:
    # A message may quote a value holding a newline: one problem stays one line.
    return "".join(one_line(p) + "\n" for p in problems)


def format_json(problems: Sequence[Problem]) -> str:
    return json.dumps([p.to_dict() for p in problems], indent=2, ensure_ascii=False) + "\n"
