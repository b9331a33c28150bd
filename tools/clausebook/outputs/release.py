"""`clausebook release` output: the plan (version, changes, refusals) as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from clausebook.release import Plan


def plan_data(plan: Plan, dry_run: bool, tagged: bool) -> dict[str, Any]:
    diff = plan.diff
    return {
        "version": plan.version,
        "tag": plan.tag if plan.version else None,
        "commit": plan.head,
        "previous": plan.previous.version if plan.previous else None,
        "bump": plan.required,
        "material_changes": [{"clause": c.clause, "jurisdictions": c.jurisdictions, "kind": c.kind,
                              "summary": c.reason} for c in (diff.material if diff else [])],
        "editorial_clauses": plan.editorial,
        "refusals": plan.refusals,
        "dry_run": dry_run,
        "tagged": tagged,
    }


def format_text(plan: Plan, dry_run: bool = False, tagged: bool = False) -> str:
    if plan.refusals:
        lines = [f"clausebook release: refused, nothing written ({len(plan.refusals)} reason"
                 f"{'s' if len(plan.refusals) != 1 else ''}):"]
        lines += [f"  - {reason}" for reason in plan.refusals]
        return "\n".join(lines) + "\n"
    head = (plan.head or "")[:12]
    verb = "would tag" if dry_run else "tagged"
    why = f"a {plan.required} release since {plan.previous.tag}" if plan.previous else "the first release"
    out = [f"clausebook release: {verb} {plan.tag} at {head}: {why}", "", plan.message().rstrip("\n")]
    if dry_run:
        out += ["", "Dry run: nothing was written."]
    return "\n".join(out) + "\n"


def format_json(plan: Plan, dry_run: bool = False, tagged: bool = False) -> str:
    return json.dumps(plan_data(plan, dry_run, tagged), indent=2, ensure_ascii=False) + "\n"
