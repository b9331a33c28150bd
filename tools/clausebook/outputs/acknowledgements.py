"""`clausebook ack` output: a manifest as JSON, and the answer of `ack check` as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from clausebook.acknowledgements import Verdict


def format_manifest_json(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def _who(verdict: Verdict) -> str:
    return f" for audience '{verdict.audience}'" if verdict.audience else ""


def format_check_text(verdict: Verdict) -> str:
    where = f"release {verdict.release} of the '{verdict.jurisdiction}' handbook"
    if verdict.covered:
        since = (f"{len(verdict.editorial)} clause(s) changed editorially since: "
                 f"{', '.join(verdict.editorial)}" if verdict.editorial else "nothing changed since")
        return f"covered: an acknowledgement of {where} still covers today's text{_who(verdict)} ({since})\n"
    lines = [f"not covered: {len(verdict.material)} material change(s) since {where}{_who(verdict)}; "
             "ask for a new acknowledgement:"]
    for change in verdict.material:
        audience = change["audience"]
        readers = ", ".join(audience) if isinstance(audience, list) else "everyone"
        lines.append(f"  - {change['clause']} ({readers}): {change['summary']}")
    return "\n".join(lines) + "\n"


def format_check_json(verdict: Verdict) -> str:
    return json.dumps(verdict.to_dict(), indent=2, ensure_ascii=False) + "\n"
