from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from builder.render import GENERATED
from builder.render.writer import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
CORPORA = ROOT.parent / "shared" / "corpora"
SEEDS = ROOT / "seeds"  # the five real sample articles, the default corpus
BUILD_DATE = dt.date(2025, 6, 1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/goldens from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def copy_docs(dest: Path) -> None:
    """The hand-written part of docs/ (stylesheets, about.md, theme overrides). What a
    build left there is not copied: the test project's own build must write it (a copy
    without its manifest would be "a file the builder did not write")."""
    shutil.copytree(ROOT / "docs", dest, ignore=shutil.ignore_patterns(*GENERATED, MANIFEST))


def make_project(tmp_path: Path, seeds: Path) -> Path:
    """A copy of the project's site configuration around a given seeds folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    copy_docs(project / "docs")
    shutil.copytree(seeds, project / "seeds")
    return project


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
