"""Building a corpus into a folder, and the cache that keeps built corpora between runs.

`build(spec, root)` runs one `git fast-import` over the generated history and
records what it made in `.git/bench-corpus.json` (commit ids, files by kind,
counts). `ensure_corpus(spec)` returns the cached corpus for a spec, building
it in a temporary folder first and renaming it into place, so an interrupted
or concurrent run never leaves a half-built corpus under the spec's key.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.corpus.history import History
from benchmarks.corpus.spec import GENERATOR_VERSION, Corpus, CorpusSpec


def default_cache_dir() -> Path:
    configured = os.environ.get("CLAUSEBOOK_BENCH_CACHE")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "clausebook-bench"


def _git(root: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, **kwargs)


def build(spec: CorpusSpec, root: Path) -> Corpus:
    """Generate `spec` into the empty (or missing) directory `root`."""
    root.mkdir(parents=True, exist_ok=True)
    _git(root, "init", "--quiet", "--initial-branch=main")
    _git(root, "config", "gc.auto", "0")
    _git(root, "config", "core.autocrlf", "false")
    marks_file = root / ".git" / "bench-marks"
    history = History(spec)
    process = subprocess.Popen(["git", "-C", str(root), "fast-import", "--quiet", "--done",
                                f"--export-marks={marks_file}"], stdin=subprocess.PIPE)
    assert process.stdin is not None
    try:
        with process.stdin:
            result = history.write(process.stdin)
    finally:
        if process.wait() != 0:
            raise RuntimeError(f"git fast-import failed with exit code {process.returncode}")
    _git(root, "reset", "--hard", "--quiet", "main")
    shas = dict(line.lstrip(":").split() for line in marks_file.read_text().split("\n") if line)
    marks_file.unlink()
    commits = {name: shas[str(mark)] for name, mark in result["marks"].items()}
    files: dict[str, list[str]] = {"owners": ["policy/owners.yaml"], "policy": [], "clause": [],
                                   "jurisdiction": [], "overlay": []}
    for policy in history.content.policies:
        files["policy"].append(f"policy/{policy.id}/policy.yaml")
    files["clause"] = sorted(c.path for c in history.content.clauses.values())
    files["jurisdiction"] = [f"jurisdictions/{j.id}/jurisdiction.yaml" for j in history.content.jurisdictions]
    files["overlay"] = sorted(o.path for o in history.content.overlays.values())
    actions: dict[str, int] = {}
    for overlay in history.content.overlays.values():
        actions[overlay.data["action"]] = actions.get(overlay.data["action"], 0) + 1
    meta = {
        "spec": asdict(spec), "generator": GENERATOR_VERSION, "commits": commits,
        "commit_count": spec.total_commits, "review_commits": result["reviews"],
        "clauses": len(history.content.clauses), "policies": len(history.content.policies),
        "jurisdictions": {j.id: j.parent for j in history.content.jurisdictions},
        "overlay_actions": actions, "files": files,
    }
    (root / ".git" / "bench-corpus.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return Corpus(root, spec, meta)


def ensure_corpus(spec: CorpusSpec, cache_dir: Path | None = None,
                  log: Callable[[str], None] | None = None) -> Corpus:
    """The cached corpus for `spec`, generating it first when needed."""
    cache_dir = Path(cache_dir or default_cache_dir())
    root = cache_dir / spec.key
    meta_file = root / ".git" / "bench-corpus.json"
    if meta_file.is_file():
        return Corpus(root, spec, json.loads(meta_file.read_text(encoding="utf-8")))
    cache_dir.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{spec.key}-", dir=cache_dir))
    try:
        if log:
            log(f"generating {spec.clauses} clauses, {spec.jurisdictions} jurisdictions, "
                f"{spec.total_commits} commits ...")
        build(spec, building)
        if root.exists():  # another run finished first
            shutil.rmtree(building)
        else:
            building.rename(root)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Corpus(root, spec, json.loads(meta_file.read_text(encoding="utf-8")))
