"""The rows for the handbook site: `mkdocs build` of the shipped content at 1x and 10x.

The site sources are copied (with every clause and overlay copied again
under new ids for 10x) into a one-commit git repository with fixed dates,
cached until a source file changes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.harness.case import NOT_AVAILABLE, Case
from benchmarks.harness.plan import Plan
from benchmarks.harness.process import Step

PROJECT = Path(__file__).resolve().parent.parent.parent


SITE_SKIP = {".git", ".venv", "site", "build", "tools", "tests", "benchmarks", "__pycache__", ".pytest_cache"}


def replicate(root: Path, copies: int) -> int:
    """Add `copies - 1` copies of every clause and overlay under new ids; returns clauses added."""
    added = 0
    clauses = [p for p in sorted(root.glob("policy/*/*.yaml")) if p.name != "policy.yaml"]
    overlays = sorted(root.glob("jurisdictions/*/overlays/*.yaml"))
    for copy in range(2, copies + 1):
        for paths, key in ((clauses, "id"), (overlays, "clause")):
            for path in paths:
                stem = path.stem
                text = path.read_text(encoding="utf-8")
                new, count = re.subn(rf"(?m)^{key}: {re.escape(stem)}\s*$", f"{key}: {stem}-x{copy}", text)
                if count == 1:
                    path.with_name(f"{stem}-x{copy}.yaml").write_text(new, encoding="utf-8")
                    added += key == "id"
    return added


def handbook_site(cache_dir: Path, copies: int) -> Path:
    """The project's site sources with the shipped content (x copies), as a one-commit git repository."""
    entries = [e for e in sorted(PROJECT.iterdir()) if e.name not in SITE_SKIP and not e.name.startswith(".")]
    files = [e for e in entries if e.is_file()]
    files += [f for e in entries if e.is_dir() for f in e.rglob("*") if f.is_file()]
    stamp = max((f.stat().st_mtime_ns for f in files), default=0)
    target = cache_dir / f"site-x{copies}-{len(files)}-{stamp}"  # a new copy whenever a source changes
    if (target / ".git").is_dir():
        return target
    building = Path(tempfile.mkdtemp(prefix=f".site-x{copies}-", dir=cache_dir))
    for entry in entries:
        if entry.is_dir():
            shutil.copytree(entry, building / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, building / entry.name)
    replicate(building, copies)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-06-02T10:00:00+00:00",
           "GIT_COMMITTER_DATE": "2025-06-02T10:00:00+00:00", "GIT_AUTHOR_NAME": "Bench",
           "GIT_AUTHOR_EMAIL": "bench@example.com", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.com"}
    for args in (["init", "--quiet", "--initial-branch=main"], ["add", "-A"],
                 ["commit", "--quiet", "--no-verify", "--no-gpg-sign", "-m", "Handbook content"]):
        subprocess.run(["git", "-C", str(building), *args], check=True, capture_output=True, env=env)
    if target.exists():
        shutil.rmtree(building)
    else:
        building.rename(target)
    return target


def mkdocs_cases(cache_dir: Path, plan: Plan, scales: Sequence[int] = (1, 10)) -> list[Case]:
    if "mkdocs" in plan.skip:
        return []
    cases = []
    for copies in scales:
        label = f"handbook site, shipped content x{copies}"
        case = Case(label, "mkdocs build", f"mkdocs build (x{copies})", [], ours=True)
        if not (PROJECT / "mkdocs.yml").is_file():
            case.no_result = NOT_AVAILABLE
        else:
            site = handbook_site(cache_dir, copies)
            clauses = sum(1 for p in site.glob("policy/*/*.yaml") if p.name != "policy.yaml")
            case.group = f"handbook site: shipped content x{copies} ({clauses:,} clauses)"
            out = site / ".bench-site"
            case.steps = [Step([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)], site)]
        cases.append(case)
        if copies == 1:
            cases.append(pdf_case(site if case.no_result is None else None, case.group))
    return cases


def pdf_case(site: Path | None, group: str) -> Case:
    """`clausebook pdf` of the shipped German handbook (the target: under 10 s)."""
    case = Case(group, "pdf", "clausebook pdf --jurisdiction de", [], ours=True)
    if site is None:
        case.no_result = NOT_AVAILABLE
        return case
    script = Path(sys.executable).parent / "clausebook"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "clausebook"]
    case.steps = [Step([*head, "--root", str(site), "pdf", "-j", "de", "--out", str(site / ".bench-de.pdf")], site)]
    return case


# At scale: the plugin's overhead over plain MkDocs, and a 100-handbook corpus built in parallel.
SCALE_HANDBOOKS = 100
SCALE_CLAUSES = 100
SCALE_COMMITS = 50
# The 100-handbook builds take minutes on 2 cores: they are allowed this long whatever --timeout says.
LONG_BUILD_SECONDS = 900.0


def _clausebook() -> list[str]:
    script = Path(sys.executable).parent / "clausebook"
    return [str(script)] if script.exists() else [sys.executable, "-m", "clausebook"]


def overhead_cases(cache_dir: Path, plan: Plan) -> list[Case]:
    """The plugin's `mkdocs build` of the shipped content against plain MkDocs on `clausebook render`'s pages."""
    if "site-overhead" in plan.skip:
        return []
    group = "handbook site: plugin overhead, shipped content x1"
    plugin = Case(group, "plugin overhead", "mkdocs build with the clausebook plugin", [], ours=True)
    plain = Case(group, "plugin overhead", "plain mkdocs build of the rendered pages", [])
    if not (PROJECT / "mkdocs.yml").is_file():
        plugin.no_result = plain.no_result = NOT_AVAILABLE
        return [plugin, plain]
    site = handbook_site(cache_dir, 1)
    rendered = site / ".bench-render"
    subprocess.run([*_clausebook(), "--root", str(site), "render", "--out", str(rendered)], check=True,
                   capture_output=True)
    plugin.steps = [Step([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                          str(site / ".bench-plugin-site")], site)]
    plain.steps = [Step([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(rendered / "mkdocs.yml"),
                         "--site-dir", str(rendered / "site")], rendered)]
    return [plugin, plain]


def many_handbooks_site(cache_dir: Path) -> Path:
    """A generated corpus of 100 jurisdictions (few clauses), with the project's mkdocs.yml."""
    from benchmarks.corpus import CorpusSpec, ensure_corpus
    from benchmarks.harness.progress import log

    corpus = ensure_corpus(CorpusSpec(SCALE_CLAUSES, SCALE_HANDBOOKS, SCALE_COMMITS), cache_dir, log)
    target = cache_dir / f"site-{corpus.root.name}"
    if not (target / "mkdocs.yml").is_file():
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(corpus.root, target, symlinks=True)
        shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
        (target / "docs").mkdir(exist_ok=True)
    return target


def parallel_cases(cache_dir: Path, plan: Plan) -> list[Case]:
    """A 100-handbook corpus: one `mkdocs build` of every handbook against `clausebook build` (one build per job)."""
    if "site-parallel" in plan.skip:
        return []
    from clausebook.cores import available_cores

    site = many_handbooks_site(cache_dir)
    group = f"handbook site: {SCALE_HANDBOOKS} handbooks ({SCALE_CLAUSES:,} clauses)"
    jobs = available_cores()
    one = Case(group, "all handbooks", "one mkdocs build", [
        Step([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site / ".bench-one")], site)],
        ours=True, timeout=LONG_BUILD_SECONDS)
    parallel = Case(group, "all handbooks", f"clausebook build --jobs {jobs} (one build per job)", [
        Step([*_clausebook(), "--root", str(site), "build", "--jobs", str(jobs), "--out",
              str(site / ".bench-parallel")], site)], ours=True, timeout=LONG_BUILD_SECONDS)
    return [one, parallel]
