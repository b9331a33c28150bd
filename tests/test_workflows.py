"""The CI definitions shipped with the repository: valid YAML that runs the commands the tests run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import git
import pytest
import yaml

from clausebook.cli import build_parser

from .repos import GitRepo, clause, write_repo

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true; GitHub reads it as "on".
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def scripts(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


def uses(workflow: dict, action: str) -> list[dict]:
    return [step for step in steps(workflow) if step.get("uses", "").startswith(action + "@")]


def clausebook_argv(line: str, env: dict[str, str]) -> list[str] | None:
    """The arguments of a `clausebook ...` command line, with $VARIABLES filled in from env."""
    words = shlex.split(re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), m.group(0)), line))
    for index, word in enumerate(words):
        if word == "clausebook" or word.endswith("/clausebook"):
            argv = words[index + 1:]
            # The command ends where the shell redirects or chains it.
            ends = [i for i, w in enumerate(argv) if w in (">", ">>", "|", "||", "&&", ";")]
            return argv[:ends[0]] if ends else argv
    return None


def test_workflow_files_are_valid_yaml_with_jobs():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        data = load(path.name)
        assert data["name"] and data["on"] and data["jobs"], path.name


def test_policy_check_fetches_full_history_and_runs_ci_and_a_strict_build():
    workflow = load("policy-check.yml")
    assert "pull_request" in workflow["on"]
    (checkout,) = uses(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    (python,) = uses(workflow, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    lines = scripts(workflow)
    assert "make install" in lines
    ci_step = next(step for step in steps(workflow) if "clausebook ci" in step.get("run", ""))
    assert ci_step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert clausebook_argv(ci_step["run"], {"BASE_REF": "main"}) == ["ci", "--base", "origin/main"]
    assert any(line.startswith(".venv/bin/mkdocs build --strict") for line in lines)


def test_handbook_workflow_deploys_to_pages_from_main():
    workflow = load("handbook.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert uses(workflow, "actions/deploy-pages")
    (upload,) = uses(workflow, "actions/upload-pages-artifact")
    build = next(line for line in scripts(workflow) if line.startswith(".venv/bin/mkdocs build"))
    assert "--strict" in build
    assert build.endswith(f"--site-dir {upload['with']['path']}")  # the artifact is what was built


def test_every_clausebook_command_in_the_ci_definitions_parses():
    parser = build_parser()
    lines = [line for path in sorted(WORKFLOWS.glob("*.yml")) for line in scripts(load(path.name))]
    gitlab = (ROOT / "docs" / "gitlab-ci.md").read_text(encoding="utf-8")
    gitlab_yaml = yaml.safe_load(re.search(r"```yaml\n(.*?)```", gitlab, re.S).group(1))
    assert gitlab_yaml["variables"]["GIT_DEPTH"] == "0"
    lines += [line for job in gitlab_yaml.values() if isinstance(job, dict) for line in job.get("script", [])]
    commands = [argv for line in lines if "clausebook " in line and (argv := clausebook_argv(line, {})) is not None]
    assert {argv[0] for argv in commands} >= {"ci", "validate"}
    for argv in commands:
        parser.parse_args(argv)  # argparse exits 2 on an unknown option


def test_the_workflow_ci_command_passes_on_a_pull_request_clone(run, tmp_path, monkeypatch):
    """The exact command of policy-check.yml, run where GitHub runs it: a full clone of a branch."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    origin = GitRepo(tmp_path / "origin")
    origin.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    assert run("--root", origin.root, "codeowners").code == 0
    origin.commit("CODEOWNERS", date="2025-01-06T10:00:00+00:00")
    origin.close()
    clone_root = tmp_path / "clone"
    with git.Repo.clone_from(origin.root.as_uri(), clone_root) as clone:
        clone.git.checkout("-b", "feature")
        with clone.config_writer() as config:
            config.set_value("user", "name", "Test Editor")
            config.set_value("user", "email", "editor@example.com")
        write_repo(clone_root, {"policy/social-media/hashtags.yaml": clause(
            "hashtags", owner="communications", body="You must tag sponsored posts #ad.")}, base=False)
        assert run("--root", clone_root, "codeowners").code == 0
        clone.git.add("-A")
        clone.git.commit("-m", "Add a clause", env={"GIT_AUTHOR_DATE": "2025-02-03T09:00:00+00:00",
                                                    "GIT_COMMITTER_DATE": "2025-02-03T09:00:00+00:00"})
    step = next(step for step in steps(load("policy-check.yml")) if "clausebook ci" in step.get("run", ""))
    result = run("--root", clone_root, *clausebook_argv(step["run"], {"BASE_REF": "main"}))
    assert result.code == 0, result
    summary = (tmp_path / "summary.md").read_text()
    assert "| Hashtags (`hashtags`) | Social media policy | added | **material** | everywhere |" in summary


@pytest.mark.parametrize("name", ["policy-check.yml", "handbook.yml"])
def test_workflows_install_with_the_makefile_target(name):
    assert "make install" in scripts(load(name))
    assert re.search(r"^install:", (ROOT / "Makefile").read_text(), re.M)


def test_every_action_is_pinned_by_commit_sha_with_its_version_and_every_job_has_a_timeout():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        pinned = re.findall(r"uses: ([\w./-]+)@(\S+)( # v\d+\.\d+\.\d+)?", text)
        assert pinned, path.name
        for action, ref, comment in pinned:
            assert re.fullmatch(r"[0-9a-f]{40}", ref) and comment, f"{path.name}: {action}@{ref} {comment}"
        for name, job in load(path.name)["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, f"{path.name}: job {name}"


def test_review_reminders_run_weekly_and_on_demand_with_issue_rights_only():
    workflow = load("review-reminders.yml")
    assert workflow["on"]["schedule"][0]["cron"].endswith("* * 1") and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    (checkout,) = uses(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    assert any("clausebook review remind --format json" in line for line in scripts(workflow))


def test_code_scanning_uploads_the_sarif_lint_writes():
    workflow = load("code-scanning.yml")
    assert workflow["jobs"]["lint"]["permissions"]["security-events"] == "write"
    (upload,) = uses(workflow, "github/codeql-action/upload-sarif")
    assert any(f"--format sarif > {upload['with']['sarif_file']}" in line for line in scripts(workflow))


def test_handbooks_workflow_builds_the_affected_handbooks_as_a_matrix_then_deploys():
    workflow = load("handbooks.yml")
    jobs = workflow["jobs"]
    plan_lines = [line for step in jobs["plan"]["steps"] for line in step.get("run", "").splitlines()]
    commands = [argv[:argv.index(">")] if ">" in argv else argv
                for line in plan_lines if (argv := clausebook_argv(line, {"BASE": "abc123"})) is not None]
    assert ["affected", "abc123", "HEAD", "--format", "json"] in commands
    assert ["affected", "--all", "HEAD", "--format", "json"] in commands
    for argv in commands:
        build_parser().parse_args(argv)
    matrix = jobs["build"]["strategy"]["matrix"]
    assert matrix["handbook"] == "${{ fromJSON(needs.plan.outputs.handbooks) }}"
    build_step = next(step for step in jobs["build"]["steps"] if step.get("name") == "Build one handbook")
    assert 'CLAUSEBOOK_HANDBOOKS="$HANDBOOK" make handbook' in build_step["run"]  # that handbook alone
    assert build_step["env"]["HANDBOOK"] == "${{ matrix.handbook }}"
    assert jobs["assemble"]["needs"] == ["plan", "build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert uses(workflow, "actions/deploy-pages") and uses(workflow, "actions/upload-pages-artifact")
    assert "make install" in scripts(workflow)


def test_the_gitlab_child_pipeline_has_a_build_job_per_affected_handbook():
    import importlib.util

    path = ROOT / "docs" / "examples" / "gitlab_handbooks.py"
    spec = importlib.util.spec_from_file_location("gitlab_handbooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pipeline = module.child_pipeline({"handbooks": ["global", "de"], "removed": ["fr"]})
    assert pipeline["build"]["parallel"]["matrix"] == [{"HANDBOOK": ["global", "de"]}]
    assert any("make handbook" in line for line in pipeline["build"]["script"])
    assert pipeline["assemble"]["needs"] == ["build"] and pipeline["variables"]["REMOVED"] == "fr"
    assert list(module.child_pipeline({"handbooks": [], "removed": []})) == ["nothing-to-build"]
    gitlab = (ROOT / "docs" / "gitlab-ci.md").read_text(encoding="utf-8")
    child_yaml = yaml.safe_load(re.findall(r"```yaml\n(.*?)```", gitlab, re.S)[-1])
    assert child_yaml["handbooks-build"]["trigger"]["strategy"] == "depend"
    for line in child_yaml["handbooks-plan"]["script"]:
        for part in re.split(r";|\bthen\b|\belse\b", line):
            argv = clausebook_argv(part.split(">")[0], {"BASE": "abc123"})
            if argv is not None:
                build_parser().parse_args(argv)
