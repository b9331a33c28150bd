"""The Markdown table of the measurements, each of our rows with its ratio to the peers beside it."""

from __future__ import annotations

from benchmarks.harness.case import Case


def seconds_text(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f} s"
    if value >= 10:
        return f"{value:.1f} s"
    return f"{value:.2f} s"


def times_text(value: float) -> str:
    return f"{value:.0f}x" if value >= 10 else f"{value:.1f}x"


def comparison(case: Case, cases: list[Case]) -> str:
    """How one of our commands compares with the peers measured beside it."""
    ours = case.median
    if ours is None or not case.ours:
        return case.note
    parts = []
    peers = [c for c in cases if c.group == case.group and not c.ours and c.median is not None]
    for peer in peers:
        if case.task == "lint" and peer.task != "validate":
            continue
        if case.task not in ("lint", peer.task):
            continue
        name = "the parse floor" if peer.tool.startswith("parse floor") else peer.tool.split(" (")[0].split(":")[0]
        if peer.tool.startswith("parse floor"):
            parts.append(f"{times_text(ours / peer.median)} the parse floor")
        elif peer.median >= ours:
            parts.append(f"{times_text(peer.median / ours)} faster than {name}")
        else:
            parts.append(f"{times_text(ours / peer.median)} slower than {name}")
    if case.task == "mkdocs build" and "x10" in case.tool:
        single = next((c for c in cases if c.task == "mkdocs build" and "x1)" in c.tool and c.median), None)
        if single is not None:
            parts.append(f"{times_text(ours / single.median)} the x1 build")
    return " · ".join(parts)


def table(cases: list[Case]) -> str:
    lines = ["| corpus | task | command | median | spread (min–max) | peak RSS | comparison |",
             "|---|---|---|---:|---|---:|---|"]
    previous = None
    for case in cases:
        group = case.group if case.group != previous else ""
        previous = case.group
        tool = f"**{case.tool}**" if case.ours else case.tool
        if case.no_result or not case.seconds:
            why = case.no_result or "not measured"
            lines.append(f"| {group} | {case.task} | {tool} | {why} | | | |")
            continue
        estimated = " (est.)" if case.note.startswith("estimated") else ""
        spread = (f"{seconds_text(min(case.seconds))} – {seconds_text(max(case.seconds))}"
                  if len(case.seconds) > 1 else "")
        runs = case.single_run_reason or f"{len(case.seconds)} run{'s' if len(case.seconds) > 1 else ''}"
        lines.append(f"| {group} | {case.task} | {tool} | {seconds_text(case.median or 0)}{estimated} | "
                     f"{spread} ({runs}) | {case.peak_kib / 1024:,.0f} MiB | {comparison(case, cases)} |")
    return "\n".join(lines)
