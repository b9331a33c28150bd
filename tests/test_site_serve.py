"""`mkdocs serve` with the plugin: a real server on a free port, real edits, real HTTP requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .repos import clause, write_repo
from .site_build import write_mkdocs

pytestmark = pytest.mark.slow

MONITORING = "policy/social-media/monitoring.yaml"
GOOD = clause("monitoring", section="privacy", level="info", owner="privacy",
              body="The security team reviews public posts that mention the company.", tags=["monitoring"])
PROBLEMS_TITLE = "The handbook has errors"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str] | None:
    """(status, body) of one GET, a few seconds at most; None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (OSError, TimeoutError):
        return None


def poll(url: str, ready: Callable[[int, str], bool], server: subprocess.Popen, log: Path,
         timeout: float = 90) -> str:
    """The body of `url` once `ready(status, body)`; fails if the server exits or time runs out."""
    deadline = time.monotonic() + timeout
    last: tuple[int, str] | None = None
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve exited:\n{log.read_text(encoding='utf-8')}"
        last = fetch(url)
        if last is not None and ready(*last):
            return last[1]
        time.sleep(0.3)
    pytest.fail(f"{url} never became ready (last status {last and last[0]}):\n{log.read_text(encoding='utf-8')}")


def test_serve_shows_problem_lines_and_recovers(tmp_path):
    root = write_repo(tmp_path / "repo")
    write_mkdocs(root, history=False)
    mount = urllib.parse.urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text())["site_url"]).path or "/"
    port = free_port()
    base = f"http://127.0.0.1:{port}{mount}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
            cwd=root, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        page = base + "de/social-media/"
        body = poll(page, lambda status, body: status == 200, server, log)
        assert "The security team reviews public posts" in body

        # An invalid value, with markup in it: the problem line, escaped, on the page the reader refreshes.
        (root / MONITORING).write_text(GOOD.replace("level: info", "level: <b>mandatory</b>"), encoding="utf-8")
        line = f"{MONITORING}:4:8: error S001 "
        body = poll(page, lambda status, body: line in body, server, log)
        assert PROBLEMS_TITLE in body
        assert "&lt;b&gt;mandatory&lt;/b&gt;" in body and "<b>mandatory" not in body
        assert "The security team reviews public posts" not in body
        for other in ("", "rules/", "no-such-page/"):  # the home page, any other page, an unknown address
            assert line in (fetch(base + other) or (0, ""))[1], other

        # Broken YAML: its line and column.
        (root / MONITORING).write_text(GOOD.replace("level: info", "level: [info"), encoding="utf-8")
        body = poll(page, lambda status, body: f"{MONITORING}:" in body and "S002 invalid YAML" in body, server, log)
        assert line not in body

        # Fixed: the handbook is back on the next rebuild.
        (root / MONITORING).write_text(GOOD, encoding="utf-8")
        body = poll(page, lambda status, body: status == 200 and PROBLEMS_TITLE not in body, server, log)
        assert "The security team reviews public posts" in body
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output = log.read_text(encoding="utf-8")
    assert f"  {line}" in output  # logged on the server's console too
    assert "Traceback" not in output
