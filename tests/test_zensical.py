"""The real seeds built with Zensical instead of MkDocs: Zensical reads mkdocs.yml but
runs no MkDocs plugin, so the pages come from `briefing build` and the PDF from
`briefing pdf`. Every link and anchor of the site must resolve, the PDF link too."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from sites import ENV, broken_links, make_project, parse

from builder.model import Corpus


def _zensical() -> list[str] | None:
    """The `zensical` command on PATH or beside this Python, else its module."""
    for candidate in (shutil.which("zensical"), Path(sys.executable).parent / "zensical"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    if importlib.util.find_spec("zensical") is not None:
        return [sys.executable, "-m", "zensical"]
    return None


ZENSICAL = _zensical()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(ZENSICAL is None, reason="Zensical is not installed: no `zensical` command on PATH or beside "
                                                f"{sys.executable}, and no zensical module (pip install zensical)"),
]


def _run(command: list[str], project: Path) -> None:
    result = subprocess.run(command, check=False, cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def test_the_seeds_site_builds_with_zensical(tmp_path: Path, seed_corpus: Corpus) -> None:
    assert ZENSICAL is not None
    project = make_project(tmp_path, SEEDS)
    briefing = [sys.executable, "-m", "builder.cli"]
    _run([*briefing, "build", "--seeds", "seeds", "--docs", "docs", "--build-date", "2025-06-01", "--no-cache"], project)
    _run([*ZENSICAL, "build"], project)
    # The page template links the PDF: print it where the link leads.
    _run([*briefing, "pdf", "--seeds", "seeds", "--docs", "docs", "--out", "site/briefing.pdf"], project)
    site = project / "site"
    assert broken_links(site) == []
    assert len(seed_corpus.articles) == len(list(SEEDS.glob("*.txt")))
    for article in seed_corpus.articles:
        assert (site / "articles" / article.slug / "index.html").is_file(), article.slug
    headline = json.loads((project / "docs" / "briefing.json").read_text(encoding="utf-8"))["headline"]["text"]
    assert headline in {a.metadata.title.value for a in seed_corpus.articles}
    assert ("h1", headline) in parse(site / "briefing" / "index.html").headings
    assert (site / "briefing.pdf").read_bytes().startswith(b"%PDF")
