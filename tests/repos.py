"""Small clausebook repositories for tests, on disk and in real git history.

`write_repo` lays out a minimal valid repository (owners, one policy, two
jurisdictions) plus whatever files a test adds or overrides; `GitRepo` makes
real commits with gitpython at fixed dates.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from pathlib import Path

import git

OWNERS = """\
# yaml-language-server: $schema=../schema/owners.schema.json
owners:
  legal: {name: Legal, email: legal@example.com, github: "@example/legal"}
  communications: {name: Communications, email: comms@example.com, github: "@example/comms"}
  privacy: {name: Privacy, email: privacy@example.com, github: "@example/privacy"}
"""

POLICY = """\
id: social-media
title: Social media policy
owner: communications
review_months: 12
summary: How we use social media.
audiences:
  - {id: employees, title: Employees}
  - {id: contractors, title: Contractors}
sections:
  - {id: scope, title: Scope, intro: Who this covers.}
  - {id: privacy, title: Privacy}
"""


def clause(id: str, section: str = "scope", level: str = "must", owner: str = "legal",
           body: str = "You must keep client information confidential.", **extra: object) -> str:
    """A clause file's text; `extra` keys are appended as YAML."""
    import yaml

    data = {"id": id, "title": id.replace("-", " ").capitalize(), "section": section, "level": level,
            "owner": owner, "body": body, **extra}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


BASE_FILES: dict[str, str] = {
    "policy/owners.yaml": OWNERS,
    "policy/social-media/policy.yaml": POLICY,
    "policy/social-media/confidentiality.yaml": clause(
        "confidentiality", examples={"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}),
    "policy/social-media/monitoring.yaml": clause(
        "monitoring", section="privacy", level="info", owner="privacy",
        body="The security team reviews public posts that mention the company.", tags=["monitoring"]),
    "jurisdictions/eu/jurisdiction.yaml": "id: eu\nname: European Union\nregion: Europe\n",
    "jurisdictions/de/jurisdiction.yaml": "id: de\nname: Germany\nparent: eu\nregion: Europe\n",
}


def write_repo(root: Path, files: Mapping[str, str | bytes | None] = (), base: bool = True) -> Path:
    """Write BASE_FILES (unless base=False) then `files` (None deletes) under root."""
    merged: dict[str, str | bytes | None] = dict(BASE_FILES) if base else {}
    merged.update(dict(files))
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in merged.items():
        path = root / rel
        if content is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8")
    return root


class GitRepo:
    """A real git repository with commits at fixed dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.repo = git.Repo.init(root, initial_branch="main")
        with self.repo.config_writer() as config:
            config.set_value("user", "name", "Test Editor")
            config.set_value("user", "email", "editor@example.com")
            config.set_value("commit", "gpgsign", "false")

    def commit(self, message: str, files: Mapping[str, str | bytes | None] = (),
               date: str | dt.datetime = "2025-01-01T12:00:00+00:00", author: str | None = None,
               base: bool = False, allow_empty: bool = False) -> str:
        """Write `files` (None deletes), stage everything, commit at `date`; returns the sha."""
        write_repo(self.root, files, base=base)
        self.repo.git.add("-A")
        when = date.isoformat() if isinstance(date, dt.datetime) else date
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        args = ["-m", message, "--no-verify"]
        if allow_empty:
            args.append("--allow-empty")
        if author:
            args += ["--author", author]
        self.repo.git.commit(*args, env=env)
        return self.repo.head.commit.hexsha

    def move(self, old: str, new: str, message: str, date: str) -> str:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.repo.git.mv(old, new)
        return self.commit(message, date=date)

    def close(self) -> None:
        self.repo.close()
