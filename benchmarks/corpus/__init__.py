"""A deterministic synthetic clausebook repository, with years of git history.

`ensure_corpus(CorpusSpec(clauses=5000))` returns a git repository of that
many clauses spread over several policies, `jurisdictions` jurisdictions
(parent chains up to three deep, every overlay action), and `commits` commits
of the edits a policy team really makes (see `history`).

Everything comes from one seeded random generator and is written through a
single `git fast-import` process, so the same spec always gives the same
commit ids. Corpora are cached under a directory keyed by the spec and a hash
of this package's code, so a repeated run reuses them.

    spec        CorpusSpec, Corpus, the generator's version
    vocabulary  the words and catalogues
    yaml_text   YAML as people write it
    files       clause, policy, jurisdiction and overlay files
    prose       sentences from the vocabulary
    content     the initial repository and the bookkeeping that keeps it valid
    history     the commits
    fast_import the fast-import stream
    build       build into a folder; the cache
"""

from benchmarks.corpus.build import build, default_cache_dir, ensure_corpus
from benchmarks.corpus.spec import Corpus, CorpusSpec

__all__ = ["Corpus", "CorpusSpec", "build", "default_cache_dir", "ensure_corpus"]
