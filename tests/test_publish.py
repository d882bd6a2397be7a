"""Publishing: `mkdocs gh-deploy` against a bare repository puts the site and the PDF
on its gh-pages branch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STORY
from sites import make_project

pytestmark = pytest.mark.slow  # builds the site and its PDF

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid", "NO_MKDOCS_2_WARNING": "1"}


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True, text=True).stdout


def test_gh_deploy_to_a_bare_remote(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    project = make_project(tmp_path, STORY)
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", "site", cwd=project)
    _git("remote", "add", "origin", str(remote), cwd=project)
    deployed = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--no-history"],
                              cwd=project, env=GIT_ENV, capture_output=True, text=True)
    assert deployed.returncode == 0, deployed.stderr
    files = set(_git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    assert {"index.html", "briefing.pdf", "briefing.json", "briefing/index.html", "sources/index.html",
            "entities/index.html", "404.html", ".nojekyll"} <= files
    assert any(f.startswith("articles/") and f.endswith("/index.html") for f in files)
    pdf = subprocess.run(["git", "show", "gh-pages:briefing.pdf"], cwd=remote, capture_output=True, check=True).stdout
    assert pdf.startswith(b"%PDF")
