"""Which pages one build writes, when it builds some handbooks rather than the whole site.

A build always knows the whole site: its navigation, the home page and the
upkeep pages list every handbook of the repository, so a handbook built on
its own (a CI matrix job, a worker of `clausebook build`) has the same
pages as in `make handbook`. A `Part` says which of those pages this build
writes: the pages under the folders of its handbooks, and the shared pages
(everything outside every handbook's folder: the home page, the upkeep pages,
the hand-written pages) if it has them. The plugin hands MkDocs the other
pages as excluded files, so links and navigation entries to them resolve
(and `--strict` passes) without MkDocs rendering them; an anchor in such a
page is not checked, since MkDocs did not read the page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from clausebook.core.model import GLOBAL, Repository


@dataclass(frozen=True)
class Part:
    handbooks: frozenset[str]  # the handbooks whose folders this build writes
    shared: bool  # and the pages outside every handbook's folder

    def writes(self, path: str, known: Collection[str]) -> bool:
        """Whether the docs- or site-relative `path` is this build's, given every `known` handbook."""
        folder, slash, _ = path.partition("/")
        if slash and folder in known:
            return folder in self.handbooks
        return self.shared


def alone(repo: Repository, chosen: Iterable[str]) -> Part:
    """`CLAUSEBOOK_HANDBOOKS=de`: the handbook, the versions it builds on and the base, with the shared pages."""
    chosen = list(chosen)
    wanted = {GLOBAL, *chosen, *(a for j in chosen if j in repo.jurisdictions for a in repo.ancestors(j))}
    return Part(frozenset(wanted), shared=True)
