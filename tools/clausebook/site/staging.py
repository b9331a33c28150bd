"""Build the site in a staging folder next to it, and swap it in only when the build completed.

`mkdocs build` empties `site/` first and writes page after page; a build
stopped half-way (Ctrl-C, a CI job cancelled with SIGTERM, an error in a
plugin, `--strict` failing at the end) used to leave half a site where the
last good one was. With a `StagedSite`, MkDocs writes into
`.site.building-XXXX/` beside `site/`; the old site stays untouched until
`publish()` renames the new one into place (two renames, with SIGINT and
SIGTERM held back between them). `discard()` removes the staging folder, so
a failed or interrupted build leaves everything as it was.

The plugin makes SIGTERM behave like Ctrl-C for the build
(`clausebook.interrupts`), so the staging folder is removed on either signal.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (the swap is two renames that belong together)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (AttributeError, ValueError, OSError):  # not the main thread, or no signal masks here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class StagedSite:
    """A staging folder for a build that will replace `final` once complete."""

    def __init__(self, final: Path) -> None:
        self.final = final.resolve()
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(dir=self.final.parent, prefix=f".{self.final.name}.building-"))
        self.ready = False  # set once the build wrote everything

    def publish(self) -> None:
        """Put the staged build where the site was; the old site is removed afterwards."""
        old: Path | None = None
        with _signals_held():
            if self.final.is_symlink() or not self.final.exists():
                if self.final.is_symlink():
                    self.final.unlink()
                os.replace(self.staging, self.final)
            else:
                old = Path(tempfile.mkdtemp(dir=self.final.parent, prefix=f".{self.final.name}.old-"))
                try:
                    os.replace(self.final, old)  # onto the empty folder mkdtemp made
                except OSError:
                    # `site/` cannot be moved (a mount point, say): replace its contents instead.
                    old.rmdir()
                    old = None
                    self._replace_contents()
                else:
                    os.replace(self.staging, self.final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _replace_contents(self) -> None:
        for child in list(self.final.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        for child in list(self.staging.iterdir()):
            os.replace(child, self.final / child.name)
        self.staging.rmdir()

    def discard(self) -> None:
        """Forget the staged build; the site stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self) -> None:
        """Publish when the build completed, else discard."""
        if self.ready:
            self.publish()
        else:
            self.discard()
