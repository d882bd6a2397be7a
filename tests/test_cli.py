"""`briefing build` and `briefing check`: exit codes and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write

from builder.cli import main


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    write(folder / "good.txt", "Headline\n\nA paragraph of text long enough to count as an article body.\n")
    write(folder / "binary.txt", b"\x00\x01\x02\x03" * 10)
    write(folder / "README.md", "# not an article\n")
    write(folder / "sources.yml", "good.txt:\n  outlet: Example News\n  date: 2025-01-02\n")
    return folder


def test_build_writes_pages_and_reports_skips(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    assert main(["build", "--seeds", str(seeds), "--docs", str(docs), "--build-date", "2025-06-01"]) == 0
    err = capsys.readouterr().err
    assert "1 article(s) built, 1 file(s) skipped" in err
    assert "binary.txt: file looks binary" in err
    page = (docs / "articles" / "good.md").read_text(encoding="utf-8")
    assert "**Example News**" in page and "2025-01-02" in page and "sources.yml <code>outlet</code>" in page
    assert not (docs / "articles" / "readme.md").exists()


def test_strict_build_fails_when_anything_was_skipped(seeds: Path, tmp_path: Path) -> None:
    assert main(["build", "--strict", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]) == 1


def test_check_writes_nothing(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert main(["check", "--seeds", str(seeds), "--docs", str(docs)]) == 1
    assert not docs.exists()
    (seeds / "binary.txt").unlink()
    assert main(["check", "--seeds", str(seeds), "--docs", str(docs)]) == 0


def test_missing_seeds_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--seeds", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_bad_sources_file_names_the_file(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(seeds / "sources.yml", "good.txt:\n  publisher: X\n")
    assert main(["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]) == 2
    assert "sources.yml: 'good.txt' has unknown keys ['publisher']" in capsys.readouterr().err


def test_long_stages_report_progress_and_every_build_its_timings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import ARTICLES

    from builder.build import Settings, run
    from builder.forked import can_fork

    seen: dict[str, int] = {}

    def progress(items, label):  # type: ignore[no-untyped-def]
        for item in items:
            seen[label] = seen.get(label, 0) + 1
            yield item

    result = run(Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=None), write=False, progress=progress)
    assert seen["Reading articles"] == len(list(ARTICLES.iterdir()))
    assert seen["Finding names (spaCy)"] >= sum(len(a.body) for a in result.corpus.articles)
    analysis = "analysis (in parallel)" if can_fork() else "analysis"  # builder.forked
    stories = "stories (in parallel)" if can_fork() else "stories"
    assert [name for name, _ in result.timings] == ["read and clean", stories, "entities", analysis, "render"]
    assert main(["build", "--seeds", str(ARTICLES), "--docs", str(tmp_path / "docs"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "timings: read and clean" in err and "render" in err and "write" in err
