"""The `translate status` row: 5,000 clauses translated into three languages, beside `review status`.

The corpus is cloned (hard links, nothing copied) and given translations in
its work tree: German and French for the `de` and `fr` handbooks it
already has, and Spanish for `us` (`languages: [es-US]`). Every base clause
gets a translation in each language, one in twenty of them stale (its
`source` no digest of any version, so the history is read), and the
overlays none (missing). The target: within 2x `review status` on the same corpus.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from benchmarks.corpus import Corpus
from benchmarks.harness.case import Case
from benchmarks.harness.corpus_cases import clausebook_argv, corpus_label
from benchmarks.harness.plan import Plan
from benchmarks.harness.process import Step

LANGUAGES = ("de", "fr", "es")


def translated_copy(corpus: Corpus, cache_dir: Path) -> Path:
    """A clone of the corpus with translation files in its work tree (made once per corpus)."""
    from clausebook.core.translation import source_digest
    from clausebook.translate.files import render
    from clausebook.workspace import open_worktree

    target = cache_dir / f"{corpus.root.name}-translated"
    if (target / ".translated").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", "--local", str(corpus.root), str(target)], check=True)
    us = target / "jurisdictions" / "us" / "jurisdiction.yaml"
    if us.exists():
        us.write_text(us.read_text(encoding="utf-8").rstrip("\n") + "\nlanguages: [es-US]\n", encoding="utf-8")
    repo = open_worktree(target).repo
    for index, clause in enumerate(sorted(repo.clauses().values(), key=lambda c: c.id)):
        data = clause.data
        digest = source_digest("clause", data)
        for lang in LANGUAGES:
            stale = (index + len(lang)) % 20 == 0
            text = {"source": "sha256:" + "0" * 64 if stale else digest}
            text.update({k: f"[{lang}] {data[k]}" for k in ("title", "body", "rationale")
                         if isinstance(data.get(k), str)})
            path = f"policy/{clause.policy}/i18n/{lang}/{clause.id}.yaml"
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text(render(path, text), encoding="utf-8")
    (target / ".translated").write_text("", encoding="utf-8")
    return target


def translation_cases(corpus: Corpus, plan: Plan, cache_dir: Path) -> list[Case]:
    if "translate" in plan.skip or "review" in plan.skip:
        return []
    root = translated_copy(corpus, cache_dir)
    group = corpus_label(corpus)
    return [Case(group, "translate status", "clausebook translate status (3 languages)",
                 [Step(clausebook_argv(root, "translate", "status"))], ours=True),
            Case(group, "translate status", "clausebook review status (same corpus, translated)",
                 [Step(clausebook_argv(root, "review", "status"))], ok_codes=(0, 1))]
