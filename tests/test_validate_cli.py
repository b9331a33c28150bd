"""`clausebook validate` as a user meets it: exit codes, output formats, bad files."""

from __future__ import annotations

import json
from pathlib import Path

from .repos import clause, write_repo

BAD_FILES: dict[str, str | bytes] = {
    "broken.yaml": "id: broken\ntitle: [unclosed\n",
    "tabs.yaml": "id: tabs\n\ttitle: Indented with a tab\n",
    "wrong-types.yaml": clause("wrong-types", order="first"),
    "duplicate-keys.yaml": clause("duplicate-keys") + "title: Again\n",
    "latin1.yaml": "id: latin1\ntitle: Caf\xe9\n".encode("latin-1"),
    "binary.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "empty.yaml": "",
    "huge.yaml": "id: huge\n" + "# padding\n" * 120_000,
    "alias-bomb.yaml": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    "not-a-mapping.yaml": "- just\n- a list\n",
}


def test_shipped_repository_validates(run_process):
    root = Path(__file__).resolve().parent.parent
    result = run_process("--root", root, "validate")
    assert result.code == 0, result.out + result.err
    assert "files checked" in result.err
    assert int(result.err.split(" file")[0]) > 10


def test_malformed_files_one_line_each_no_traceback(tmp_path, run_process):
    root = write_repo(tmp_path / "repo", {f"policy/social-media/{name}": content for name, content in BAD_FILES.items()})
    result = run_process("--root", root, "validate")
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    lines = result.out.splitlines()
    by_file: dict[str, list[str]] = {}
    for line in lines:
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    assert sorted(Path(p).name for p in by_file) == sorted(BAD_FILES)
    assert all(len(found) == 1 for found in by_file.values()), by_file
    for line in lines:
        path, row, column, rest = line.split(":", 3)
        assert int(row) >= 1 and int(column) >= 1
        assert rest.startswith(" error S0")


def test_malformed_messages_are_plain(tmp_path, run):
    root = write_repo(tmp_path / "repo", {f"policy/social-media/{name}": content for name, content in BAD_FILES.items()})
    out = run("--root", root, "validate").out
    expected = {
        "tabs.yaml": "tabs",
        "latin1.yaml": "not UTF-8",
        "binary.yaml": "binary file",
        "empty.yaml": "file is empty",
        "huge.yaml": "the limit is 1024 KiB",
        "alias-bomb.yaml": "aliases expand",
        "not-a-mapping.yaml": "found a list",
        "duplicate-keys.yaml": "duplicate key 'title'",
        "wrong-types.yaml": "'order' must be a whole number, not text",
    }
    for name, phrase in expected.items():
        line = next(line for line in out.splitlines() if f"/{name}:" in line)
        assert phrase in line, line


def test_json_format(tmp_path, run):
    root = write_repo(tmp_path / "repo", {"policy/social-media/confidentiality.yaml": clause(
        "confidentiality", level="mandatory")})
    result = run("--root", root, "validate", "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data == [{"path": "policy/social-media/confidentiality.yaml", "line": 4, "column": 8,
                     "severity": "error", "code": "S001",
                     "message": "'level' must be one of must, should, may, info (found 'mandatory')"}]


def test_github_format_escapes(tmp_path, run):
    root = write_repo(tmp_path / "repo", {"policy/social-media/confidentiality.yaml": clause(
        "confidentiality", owner="nobody")})
    out = run("--root", root, "validate", "--format", "github").out
    assert out.startswith("::error file=policy/social-media/confidentiality.yaml,line=5,col=8,title=S013::")


def test_clean_repository_exits_zero_with_summary(repo_dir, run):
    result = run("--root", repo_dir, "validate")
    assert result.code == 0
    assert result.out == ""
    assert result.err.strip() == "6 files checked: 0 errors, 0 warnings"


def test_warnings_alone_exit_zero(repo_dir, run):
    write_repo(repo_dir, {"policy/social-media/notes.yml": "id: notes\n"})
    result = run("--root", repo_dir, "validate")
    assert result.code == 0
    assert "warning S009" in result.out


def test_not_a_repository_exits_two(tmp_path, run):
    result = run("--root", tmp_path, "validate")
    assert result.code == 2
    assert "not a clausebook repository" in result.err


def test_unknown_command_line_option_exits_two(repo_dir, run):
    assert run("--root", repo_dir, "validate", "--format", "yaml").code == 2
