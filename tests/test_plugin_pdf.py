"""The PDF in `mkdocs build`: printed in a child beside MkDocs' page loop where a fork
is sound (builder/forked.py), else after the pages; either way the build fails when
the PDF does."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from conftest import STORY
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from pypdf import PdfReader
from sites import make_project

from builder import forked
from builder.errors import BriefingError
from builder.mkdocs import plugin

pytestmark = pytest.mark.slow  # every test here builds a site and prints its PDF


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once, so that the builder's cache is warm for the tests."""
    project = make_project(tmp_path_factory.mktemp("plugin-pdf"), STORY)
    build(load_config(str(project / "mkdocs.yml")))
    return project


@pytest.fixture
def project(built_once: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built_once, copy)
    shutil.rmtree(copy / "site")
    return copy


def _build(project: Path) -> None:
    build(load_config(str(project / "mkdocs.yml")))


def test_the_pdf_is_printed_beside_the_pages(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert forked.can_fork(), "this test forks, as `mkdocs build` does on Linux"
    with caplog.at_level(logging.INFO):
        _build(project)
    pdf = PdfReader(project / "site" / "briefing.pdf")
    assert len(pdf.pages) > 5 and "Contents" in (pdf.pages[1].extract_text() or "")
    line = next(r.getMessage() for r in caplog.records if "briefing.pdf:" in r.getMessage())
    assert f"briefing.pdf: {len(pdf.pages)} pages in " in line and line.endswith("(printed beside the pages)")


def test_where_a_fork_is_unsound_the_pdf_is_printed_after(project: Path, caplog: pytest.LogCaptureFixture,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    with caplog.at_level(logging.INFO):
        _build(project)
    assert (project / "site" / "briefing.pdf").read_bytes().startswith(b"%PDF")
    line = next(r.getMessage() for r in caplog.records if "briefing.pdf:" in r.getMessage())
    assert "beside" not in line


@pytest.mark.parametrize("fork", [True, False])
def test_a_pdf_that_fails_fails_the_build(project: Path, monkeypatch: pytest.MonkeyPatch, fork: bool,
                                          caplog: pytest.LogCaptureFixture) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise BriefingError("the printer is out of paper")

    monkeypatch.setattr(plugin, "export_build", fail)
    if not fork:
        monkeypatch.setattr(forked, "can_fork", lambda: False)
    with pytest.raises(Abort):  # how `mkdocs build` ends on a plugin's error
        _build(project)
    assert "briefing: PDF: the printer is out of paper" in [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert not (project / "site" / "briefing.pdf").exists()
