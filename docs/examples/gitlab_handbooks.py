"""Write GitLab's child pipeline for the affected handbooks: `python gitlab_handbooks.py affected.json`.

Reads `clausebook affected --format json` and prints YAML: a `build` job per
handbook (parallel:matrix) and an `assemble` job that updates the `site`
branch. See docs/gitlab-ci.md, "Building only the affected handbooks".
"""

from __future__ import annotations

import json
import sys

import yaml

ASSEMBLE = r"""
git fetch origin site && git worktree add published FETCH_HEAD || mkdir -p published
for handbook in $HANDBOOKS; do
  rm -rf "published/$handbook"
  if [ "$handbook" = global ]; then cp -a "built/global/." published/; else cp -a "built/$handbook" published/; fi
done
for handbook in $REMOVED; do rm -rf "published/$handbook"; done
echo "$CI_COMMIT_SHA" > published/.clausebook-commit
cd published && (git init -q -b site 2>/dev/null || true) && git add -A
git -c user.name=clausebook -c user.email=clausebook@localhost commit -q -m "Handbooks for $CI_COMMIT_SHA" || true
git push "https://oauth2:${CLAUSEBOOK_SITE_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git" HEAD:site
"""

BUILD = r"""
make install
CLAUSEBOOK_HANDBOOKS="$HANDBOOK" make handbook  # that handbook alone
mkdir -p "built/$HANDBOOK"
if [ "$HANDBOOK" = global ]; then cp -a site/. "built/$HANDBOOK/"; else cp -a "site/$HANDBOOK/." "built/$HANDBOOK/"; fi
"""


def child_pipeline(affected: dict) -> dict:
    handbooks, removed = affected["handbooks"], affected["removed"]
    if not handbooks and not removed:
        return {"nothing-to-build": {"image": "alpine:3", "script": ["echo 'No handbook differs.'"]}}
    variables = {"GIT_DEPTH": "0", "HANDBOOKS": " ".join(handbooks), "REMOVED": " ".join(removed)}
    pipeline: dict = {"default": {"image": "python:3.11"}, "variables": variables, "stages": ["build", "deploy"]}
    needs = []
    if handbooks:
        pipeline["build"] = {"stage": "build", "parallel": {"matrix": [{"HANDBOOK": handbooks}]},
                             "script": BUILD.strip().splitlines(), "artifacts": {"paths": ["built"]}}
        needs = ["build"]
    pipeline["assemble"] = {"stage": "deploy", "needs": needs, "script": [ASSEMBLE.strip()]}
    return pipeline


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as stream:
        sys.stdout.write(yaml.safe_dump(child_pipeline(json.load(stream)), sort_keys=False))
