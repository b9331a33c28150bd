"""Every git call clausebook makes: one small function per git operation.

This is the only module that runs git. Each function runs one git command
(with `GIT_TERMINAL_PROMPT=0`, so git never waits for a password, and
`LC_ALL=C`, so its messages are the ones we match) and returns plain values:
shas, paths, dates, bytes. Git failing is a `UsageError` quoting git's own
last line; a folder outside any git work tree is `NotAGitRepository`; git
missing from PATH is `GitNotInstalled`. No caller sees a traceback.

Blobs are read through one reader, `read_blobs`: a single `git cat-file
--batch` process per call, fed from a helper thread while this thread reads
the answers, so a revision's hundreds of files (or a history's thousands of
blobs) cost one process and no round trips.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import threading
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from clausebook.core.errors import UsageError

NULL_SHA = "0" * 40


class NotAGitRepository(UsageError):
    """The folder is not inside a git work tree: there are no revisions or history to read."""


class GitNotInstalled(NotAGitRepository):
    """The `git` program is not on PATH: no repository can be read at all."""


# Why git is needed at all: the end of both messages.
_WHY = "clausebook reads revisions and review history from git"
GIT_NOT_INSTALLED = f"git is not installed (or not on PATH); {_WHY}"
SHALLOW_HINT = ("fetch the full history: `actions/checkout` with `fetch-depth: 0` on GitHub, "
                "`GIT_DEPTH: 0` on GitLab, or `git fetch --unshallow` by hand")


@dataclass(frozen=True)
class GitDir:
    """Where a folder sits in git: its work tree, its git dir and its HEAD."""

    toplevel: Path  # the work tree's top folder
    git_dir: Path
    prefix: str  # the folder's path inside the work tree, "" or "sub/dir/"
    head: str | None  # None before the first commit
    shallow: bool
    shallow_file: Path  # where git lists a shallow clone's boundary commits


@dataclass(frozen=True)
class TreeEntry:
    """One `ls-tree -l` line: a file of a commit, its path relative to the work tree's top."""

    mode: str
    kind: str  # blob, tree or commit (a submodule)
    sha: str
    size: int  # 0 for anything but a blob
    path: str


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", **(extra or {})}


def _command(args: Sequence[str], config: Sequence[str]) -> list[str]:
    return ["git", *(part for setting in config for part in ("-c", setting)), *args]


def _failure(args: Sequence[str], returncode: int, stderr: str) -> UsageError:
    lines = stderr.strip().splitlines()
    detail = lines[-1].removeprefix("fatal: ") if lines else f"exit code {returncode}"
    return UsageError(f"git {args[0]} failed: {detail}")


def run(cwd: Path, *args: str, check: bool = True, input: str | None = None,
        env: Mapping[str, str] | None = None, config: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """Run one git command in `cwd` (text in and out); with `check`, a failure is a UsageError quoting git."""
    try:
        proc = subprocess.run(_command(args, config), cwd=cwd, capture_output=True, input=input,
                              env=_environment(env), text=True, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        if not Path(cwd).is_dir():
            raise NotAGitRepository(f"{Path(cwd).name or cwd}: not a directory") from None
        raise GitNotInstalled(GIT_NOT_INSTALLED) from None
    if check and proc.returncode != 0:
        raise _failure(args, proc.returncode, proc.stderr)
    return proc


# --- where we are ---------------------------------------------------------------


def locate(root: str | os.PathLike[str]) -> GitDir:
    """The git facts about the folder `root`; NotAGitRepository when it is not in a git work tree."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise NotAGitRepository(f"{root.name or root}: not a directory")
    proc = run(root, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--is-shallow-repository",
               "--git-path", "shallow", check=False)
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) < 4:
        detail = proc.stderr.strip().splitlines()
        reason = detail[-1].removeprefix("fatal: ") if detail else "no git work tree"
        if reason.startswith("not a git repository"):
            reason = "it is not inside a git repository"
        raise NotAGitRepository(f"{root.name or root}: not inside a git work tree ({reason}); {_WHY}")
    toplevel, git_dir, shallow = Path(lines[0]).resolve(), Path(lines[1]), lines[2] == "true"
    shallow_file = Path(lines[3]) if Path(lines[3]).is_absolute() else root / lines[3]
    prefix = root.relative_to(toplevel).as_posix() if root != toplevel else ""
    return GitDir(toplevel, git_dir, f"{prefix}/" if prefix else "", resolve_commit(root, "HEAD"), shallow,
                  shallow_file)


def is_shallow(cwd: Path) -> bool:
    """True in a shallow clone (only the latest commits were fetched)."""
    return run(cwd, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def shallow_boundary(where: GitDir) -> set[str]:
    """The commits whose parents a shallow clone does not have (none in a full clone)."""
    if not where.shallow:
        return set()
    try:
        return set(where.shallow_file.read_text(encoding="ascii").split())
    except OSError:
        return set()


# --- revisions ------------------------------------------------------------------


def resolve_commit(cwd: Path, revision: str) -> str | None:
    """The full sha of the commit `revision` names (a branch, tag, sha, `HEAD~2`); None if it names none."""
    proc = run(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", check=False)
    sha = proc.stdout.strip()
    return sha if proc.returncode == 0 and sha else None


def unknown_revision(where: GitDir, revision: str) -> UsageError:
    """The error for a revision that names no commit; in a shallow clone, the likely reason and the fix."""
    if where.shallow:
        return UsageError(f"unknown git revision '{revision}': it is not in this clone, which is shallow "
                          f"(only the latest commits were fetched); {SHALLOW_HINT}")
    return UsageError(f"unknown git revision '{revision}'")


def tree_of(cwd: Path, commit: str) -> str:
    """The sha of a commit's tree."""
    return run(cwd, "rev-parse", "--verify", "--end-of-options", f"{commit}^{{tree}}").stdout.strip()


def merge_base(cwd: Path, first: str, second: str) -> str | None:
    """The best common ancestor of two commits; None when they share no history (or one does not exist)."""
    proc = run(cwd, "merge-base", "--end-of-options", first, second, check=False)
    sha = proc.stdout.strip()
    return sha if proc.returncode == 0 and sha else None


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def day_of(stamp: str) -> dt.date:
    """The UTC date of a git timestamp (`%ct`, seconds since 1970).

    Commit dates are whatever the committer's clock or tool wrote: before 1970
    (negative), after 9999 (beyond Python's dates, clamped to its last day),
    or text git itself cannot read (it prints nothing; taken as 1970-01-01).
    None of them may stop a command.
    """
    try:
        seconds = int(stamp.strip())
    except ValueError:
        return _EPOCH.date()
    try:
        return (_EPOCH + dt.timedelta(seconds=seconds)).date()
    except OverflowError:
        return dt.date.max if seconds > 0 else dt.date.min


def commit_date(cwd: Path, commit: str) -> dt.date:
    """A commit's committer date, in UTC."""
    return day_of(run(cwd, "show", "-s", "--format=%ct", commit, "--").stdout)


@dataclass(frozen=True)
class Signature:
    """Who wrote a commit and when (the author date, timezone-aware)."""

    name: str
    email: str
    when: dt.datetime


def author(cwd: Path, commit: str) -> Signature:
    """A commit's author and author date."""
    out = run(cwd, "show", "-s", "--format=%an%x00%ae%x00%aI", "--end-of-options", commit, "--").stdout
    name, email, stamp = out.rstrip("\n").split("\0")
    return Signature(name, email, dt.datetime.fromisoformat(stamp))


def latest_release(cwd: Path, commit: str) -> str | None:
    """The newest release tag (`v*`) reachable from `commit`; None when there is none."""
    proc = run(cwd, "describe", "--tags", "--abbrev=0", "--match", "v*", "--end-of-options", commit, check=False)
    name = proc.stdout.strip()
    return name if proc.returncode == 0 and name else None


def symbolic_ref(cwd: Path, name: str = "HEAD") -> str | None:
    """The ref `name` points to (`refs/heads/main`); None when it is detached."""
    proc = run(cwd, "symbolic-ref", "--quiet", name, check=False)
    ref = proc.stdout.strip()
    return ref if proc.returncode == 0 and ref else None


def config_get(cwd: Path, key: str) -> str:
    """A git configuration value; "" when it is not set."""
    return run(cwd, "config", "--get", key, check=False).stdout.strip()


# --- trees and blobs -------------------------------------------------------------


def ls_tree(cwd: Path, commit: str, paths: Iterable[str]) -> list[TreeEntry]:
    """Every file of `commit` under `paths` (relative to the work tree's top), recursively, with sizes."""
    out = run(cwd, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", *paths,
              config=("core.quotePath=false",)).stdout
    entries: list[TreeEntry] = []
    for record in out.split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode, kind, sha, size = meta.split()
        entries.append(TreeEntry(mode, kind, sha, int(size) if size != "-" else 0, path))
    return entries


def read_blobs(cwd: Path, shas: Iterable[str]) -> Generator[tuple[str, bytes | None], None, None]:
    """The bytes of each blob asked for, in order, from one `git cat-file --batch` process.

    A sha git does not have (or that is no blob) comes back with None. The
    requests are written from a helper thread while this one reads the
    answers, so neither side waits for the other.
    """
    wanted = [sha for sha in shas if sha != NULL_SHA]
    if not wanted:
        return
    try:
        proc = subprocess.Popen(_command(["cat-file", "--batch", "--buffer"], ()), cwd=cwd, env=_environment(None),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        raise GitNotInstalled(GIT_NOT_INSTALLED) from None
    assert proc.stdin is not None and proc.stdout is not None
    writer = threading.Thread(target=_write_requests, args=(proc.stdin, wanted), daemon=True)
    writer.start()
    answered = 0
    try:
        for answer in _read_answers(proc.stdout, len(wanted)):
            answered += 1
            yield answer
    finally:
        # Closing our end first: a reader that stops early must not leave git
        # (and so the writer) blocked on a full pipe.
        proc.stdout.close()
        writer.join()
        proc.wait()
    for sha in wanted[answered:]:  # git stopped early (a broken repository): nothing more to read
        yield sha, None


def _write_requests(stream: IO[bytes], shas: list[str]) -> None:
    try:
        stream.write("".join(f"{sha}\n" for sha in shas).encode("ascii"))
    except BrokenPipeError:
        pass
    finally:
        try:
            stream.close()
        except BrokenPipeError:
            pass


def _read_answers(stream: IO[bytes], count: int) -> Iterator[tuple[str, bytes | None]]:
    for _ in range(count):
        header = stream.readline()
        if not header:
            return
        parts = header.split()
        sha = parts[0].decode("ascii", "replace")
        if len(parts) < 3 or parts[1] == b"missing":
            yield sha, None
            continue
        raw = stream.read(int(parts[2]))
        stream.read(1)  # the newline after the content
        yield sha, raw if parts[1] == b"blob" else None


# --- history --------------------------------------------------------------------


def log_raw(cwd: Path, format: str) -> str:
    """`git log HEAD --raw -z` in topological order, merges shown against their first parent.

    Renames are detected (`-M`); signatures, colours, external diff and
    textconv drivers are off, and paths are not quoted, so the stream is
    exactly what `format` and `--raw` say.
    """
    return run(cwd, "log", "HEAD", "--topo-order", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev",
               "-z", "--no-color", "--no-ext-diff", "--no-textconv", f"--format={format}",
               config=("log.showSignature=false", "core.quotePath=false")).stdout


# --- writing ----------------------------------------------------------------------


def commit_tree(cwd: Path, tree: str, parents: Sequence[str], message: str,
                env: Mapping[str, str] | None = None) -> str:
    """Write a commit object (nothing else: no ref moves, no index) and return its sha.

    `env` sets who wrote it (GIT_AUTHOR_NAME, GIT_COMMITTER_EMAIL, ...).
    """
    parent_args = [part for parent in parents for part in ("-p", parent)]
    return run(cwd, "commit-tree", tree, *parent_args, "-F", "-", input=message, env=env).stdout.strip()


def update_ref(cwd: Path, ref: str, new: str, old: str, reason: str) -> bool:
    """Move `ref` to `new` only if it still points at `old`; False when it had moved."""
    return run(cwd, "update-ref", "-m", reason, ref, new, old, check=False).returncode == 0


def tag(cwd: Path, name: str, commit: str, message: str | None = None) -> None:
    """Create tag `name` at `commit`: annotated with `message`, else lightweight; never moves an existing tag."""
    if message is None:
        run(cwd, "tag", "--end-of-options", name, commit)
    else:
        run(cwd, "tag", "-a", "-F", "-", "--end-of-options", name, commit, input=message)


# --- time and releases --------------------------------------------------------------


def first_parent_at(cwd: Path, revision: str, before: dt.datetime) -> str | None:
    """The newest commit on `revision`'s first-parent line committed at or before `before`; None if none was."""
    stamp = int(before.timestamp())
    proc = run(cwd, "rev-list", "--first-parent", "-1", f"--before={stamp}", "--end-of-options", revision, "--",
               check=False)
    sha = proc.stdout.strip()
    return sha if proc.returncode == 0 and sha else None


def log_first_parent_raw(cwd: Path, revision: str, format: str, paths: Sequence[str]) -> str:
    """`git log REV --first-parent --raw -z -- PATHS`: the first-parent line, merges against their first parent.

    The same stream as `log_raw` (renames detected, nothing quoted or
    coloured), for `history.log.parse_log`.
    """
    return run(cwd, "log", "--first-parent", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev", "-z",
               "--no-color", "--no-ext-diff", "--no-textconv", f"--format={format}", "--end-of-options", revision,
               "--", *paths, config=("log.showSignature=false", "core.quotePath=false")).stdout


@dataclass(frozen=True)
class Tag:
    """One tag: its name, the commit it points at and its date (the tagger's, else the commit's), in UTC."""

    name: str
    commit: str
    date: dt.date
    message: str


def list_tags(cwd: Path, pattern: str, merged: str | None = "HEAD") -> list[Tag]:
    """Tags matching the glob `pattern` (with `merged`, only those reachable from it), any order."""
    merged_args = [f"--merged={merged}"] if merged else []
    fields = "%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(taggerdate:unix)%1f%(committerdate:unix)" \
             "%1f%(*committerdate:unix)%1f%(contents:subject)%1e"
    out = run(cwd, "for-each-ref", f"--format={fields}", *merged_args, f"refs/tags/{pattern}").stdout
    tags = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        name, sha, peeled, tagged, committed, peeled_committed, subject = (record.split("\x1f") + [""] * 7)[:7]
        stamp = tagged or peeled_committed or committed
        date = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date() if stamp.strip() else dt.date(1970, 1, 1)
        tags.append(Tag(name, peeled or sha, date, subject))
    return tags


def tag_exists(cwd: Path, name: str) -> bool:
    return run(cwd, "rev-parse", "--verify", "--quiet", f"refs/tags/{name}", check=False).returncode == 0


def uncommitted(cwd: Path, paths: Sequence[str]) -> list[str]:
    """Files under `paths` that differ from HEAD (staged, unstaged or untracked), as `git status` names them."""
    out = run(cwd, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths,
              config=("core.quotePath=false",)).stdout
    return [record[3:] for record in out.split("\0") if len(record) > 3 and record[2] == " "]


def first_commit_date(cwd: Path, revision: str = "HEAD") -> dt.date | None:
    """The date of the oldest commit on `revision`'s first-parent line; None when there is none."""
    proc = run(cwd, "log", "--first-parent", "--reverse", "--format=%ct", "--end-of-options", revision, "--",
               check=False)
    first = proc.stdout.split("\n", 1)[0].strip()
    return dt.datetime.fromtimestamp(int(first), dt.UTC).date() if proc.returncode == 0 and first else None
